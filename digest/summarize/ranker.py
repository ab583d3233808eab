"""The project's own sentence ranker: cosine degree centrality.

Each sentence is a vector of sub-linear term frequencies (1 + log tf) of its stemmed content
words; its score is the sum of its cosine similarities to every other sentence of the document
(the "continuous degree" centrality of Erkan & Radev's LexRank paper, without the PageRank step
and without IDF, which within one document mostly rewards words said only once). Its stop
words are the short list of `en.toml`'s `[ranker]`, not sumy's. It was chosen over its
neighbours (raw tf, IDF or BM25 weights, PageRank, position priors, length factors, MMR, rank
fusion with sumy's Reduction), and its stop-word list over sumy's, on the business category
of benchmarks/summary_quality.py alone, then checked on the held-out categories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from digest.textwords import grams

from .tokenizer import split_words
from .words import ranking_stop_words, stemmer

CENTRALITY = "centrality"


@lru_cache(maxsize=65536)
def _term(word: str, language: str = "en") -> str | None:
    """The stem of a word as written, or None for a stop word."""
    return _stem(word.lower(), language)


@lru_cache(maxsize=65536)
def _stem(lowered: str, language: str) -> str | None:
    """The stem of a lower-cased word, or None for a stop word (kept apart from `_term`: "Rust"
    and "rust" are stemmed once)."""
    return None if lowered in ranking_stop_words(language) else stemmer(language)(lowered)


@lru_cache(maxsize=16384)
def content_terms(sentence: str, language: str = "en") -> tuple[str, ...]:
    """Stemmed, lower-cased words of a sentence, stop words removed (kept: an issue's texts
    are ranked as items, as sections and as sentences, and repeat across those)."""
    return _terms(split_words(sentence), sentence.isascii(), language)


_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=16384)
def item_terms(text: str, language: str = "en") -> tuple[str, ...]:
    """The stemmed content words of a list item, found by one regex: items are only ranked
    against each other, and a roundup has hundreds of them, which NLTK's rules take five times
    longer to read (they also drop a word glued to a full stop before another sentence)."""
    return _terms(_WORDS.findall(text), text.isascii(), language)


def _terms(found: list[str], ascii_only: bool, language: str) -> tuple[str, ...]:
    """The terms of a text's words; words of an ASCII text are each one term (`grams`)."""
    words = found if ascii_only else [g for w in found for g in grams(w)]
    return tuple([term for term in map(_term, words, repeat(language)) if term is not None])


def centrality_scores(sentences: Sequence[str], language: str = "en") -> list[float]:
    """Sum of each sentence's cosine similarity to all the others."""
    return centrality_of_terms([content_terms(sentence, language) for sentence in sentences])


def centrality_of_terms(texts: Sequence[Sequence[str]]) -> list[float]:
    """Sum of each text's cosine similarity to all the others, the texts given as terms.

    With unit vectors u_i, that sum is u_i · (Σ_j u_j) − u_i · u_i: linear in the number of
    texts, so a very long one costs no n-by-n matrix.
    """
    import numpy as np

    n = len(texts)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, terms in enumerate(texts):
        rows += [i] * len(terms)
        cols += [vocabulary.setdefault(term, len(vocabulary)) for term in terms]
    if not rows:
        return [0.0] * n
    size = len(vocabulary)
    cells, counts = np.unique(np.array(rows) * size + np.array(cols), return_counts=True)
    row, col = cells // size, cells % size
    weight = 1.0 + np.log(counts)
    norm = np.sqrt(np.bincount(row, weights=weight * weight, minlength=n))
    unit = weight / norm[row]
    total = np.bincount(col, weights=unit, minlength=size)
    scores = np.bincount(row, weights=unit * total[col], minlength=n)
    return (scores - np.bincount(row, weights=unit * unit, minlength=n)).tolist()


def centrality_ranking(paragraphs: Sequence[Sequence[str]], language: str = "en") -> list[int]:
    """Every sentence, most central first; ties go to the earlier sentence."""
    scores = centrality_scores([s for p in paragraphs for s in p], language)
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def centrality_of(paragraphs: Sequence[Sequence[str]], language: str = "en") -> list[float]:
    return centrality_scores([s for p in paragraphs for s in p], language)


def centrality_select(paragraphs: Sequence[Sequence[str]], count: int,
                      language: str = "en") -> list[int]:
    """The `count` most central sentences."""
    return sorted(centrality_ranking(paragraphs, language)[:count])


ALGORITHMS = {CENTRALITY: centrality_select}
RANKINGS = {CENTRALITY: centrality_ranking}
SCORES = {CENTRALITY: centrality_of}
