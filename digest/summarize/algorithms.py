"""Sentence selection by name: `lead`, every sumy algorithm, and the project's own ranker.

Each algorithm takes a document as paragraphs of already-split sentences and returns the
indices (into the flattened sentence list) of the sentences it keeps, in document order.
sumy and numpy are imported inside functions so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .ranker import ALGORITHMS as OWN
from .ranker import CENTRALITY, RANKINGS, SCORES
from .tokenizer import DigestTokenizer
from .words import stemmer, stop_words

Paragraphs = Sequence[Sequence[str]]
Selector = Callable[[Paragraphs, int], list[int]]
DEFAULT_ALGORITHM = CENTRALITY

SUMY_ALGORITHMS = (
    "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction",
)

# Cue words for Edmundson's cue method: words that tend to announce a point, and hedges.
EDMUNDSON_BONUS = (
    "important", "significant", "key", "main", "major", "first", "new", "said", "announced",
    "found", "shows", "showed", "result", "results", "conclusion", "overall", "because",
)
EDMUNDSON_STIGMA = (
    "perhaps", "maybe", "hardly", "impossible", "apparently", "somewhat", "anyway",
    "meanwhile", "incidentally", "example", "instance",
)


def _sumy_summarizer(name: str) -> Any:
    from sumy.summarizers import (
        edmundson,
        kl,
        lex_rank,
        lsa,
        luhn,
        reduction,
        sum_basic,
        text_rank,
    )

    classes = {
        "lexrank": lex_rank.LexRankSummarizer, "textrank": text_rank.TextRankSummarizer,
        "lsa": lsa.LsaSummarizer, "luhn": luhn.LuhnSummarizer,
        "edmundson": edmundson.EdmundsonSummarizer, "kl": kl.KLSummarizer,
        "sumbasic": sum_basic.SumBasicSummarizer, "reduction": reduction.ReductionSummarizer,
    }
    summarizer = classes[name](stemmer())
    if name == "edmundson":
        summarizer.bonus_words = EDMUNDSON_BONUS
        summarizer.stigma_words = EDMUNDSON_STIGMA
        summarizer.null_words = stop_words()
    else:
        summarizer.stop_words = stop_words()
    return summarizer


def sumy_select(name: str, paragraphs: Paragraphs, count: int) -> list[int]:
    """Run one stock sumy summarizer on a document built with the digest tokenizer."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = DigestTokenizer()
    built = [[Sentence(s, tokenizer) for s in para] for para in paragraphs]
    document = ObjectDocumentModel([Paragraph(p) for p in built if p])
    position = {id(s): i for i, s in enumerate(s for p in built for s in p)}
    chosen = _sumy_summarizer(name)(document, count)
    return sorted(position[id(s)] for s in chosen)


def lead_select(paragraphs: Paragraphs, count: int) -> list[int]:
    total = sum(len(p) for p in paragraphs)
    return list(range(min(count, total)))


def selector(name: str) -> Selector:
    """The selection function for an algorithm name; ValueError names the valid ones."""
    if name == "lead":
        return lead_select
    if name in OWN:
        return OWN[name]
    if name in SUMY_ALGORITHMS:
        return lambda paragraphs, count: sumy_select(name, paragraphs, count)
    raise ValueError(f"unknown summary algorithm {name!r}; valid: {', '.join(algorithm_names())}")


def algorithm_names() -> list[str]:
    return [*OWN, "lead", *SUMY_ALGORITHMS]


def ranking(paragraphs: Paragraphs, count: int, name: str, language: str = "en") -> list[int]:
    """Every sentence index, best first. The project's rankers order them all (by the words of
    `language`); for the others their `count` choices come first, then the next `count` they
    would add, then the rest in document order."""
    total = sum(len(p) for p in paragraphs)
    if name in RANKINGS:
        return RANKINGS[name](paragraphs, language)
    order = list(select(paragraphs, count, name))
    more = select(paragraphs, min(total, 2 * count), name)
    seen = set(order)
    order += [i for i in more if i not in seen]
    seen.update(more)
    return order + [i for i in range(total) if i not in seen]


def scores(paragraphs: Paragraphs, name: str, language: str = "en") -> list[float] | None:
    """Each sentence's score by the project's ranker `name`; None for the others."""
    return SCORES[name](paragraphs, language) if name in SCORES else None


def select(paragraphs: Paragraphs, count: int, name: str) -> list[int]:
    """Indices of the `count` best sentences by algorithm `name`, in document order."""
    pick = selector(name)
    total = sum(len(p) for p in paragraphs)
    if count <= 0 or total == 0:
        return []
    if count >= total:
        return list(range(total))
    return sorted(set(pick(paragraphs, count)))[:count]
