"""Summarize: condense each issue's sections into an IssueDigest, with sentence provenance.

Public API:

- ``summarize_text(text, sentences, algorithm=None) -> list[str]``: plain text in (paragraphs
  separated by newlines), up to ``sentences`` chosen sentences out, in document order. ``None``
  picks DEFAULT_ALGORITHM; empty text gives ``[]``; an unknown name raises ValueError.
- ``summarize_issue(issue, config=SummaryConfig(), cache=None) -> IssueDigest``: condenses each
  section by its role (see ``SummaryConfig`` and ``default_roles``): the lead to a few
  sentences, a brief to two, an anecdote to its opening sentence, a teaser to its dek, other
  sections by length, a ``sponsored`` one never; a section laid out as a list keeps its items
  cut to their first sentences (outlet, paywall flag and sub-items kept). A profile section's
  own policy wins over its role's. Only "text" and "quote" paragraphs are summarized. Each
  chosen ``Sentence`` records its section, paragraph and sentence index and the paragraph's
  line, so that ``digest.split[(section, paragraph)][index] == sentence.text``; a teaser's
  dek has paragraph -1. ``digest.split`` holds the split of every paragraph of every section.
- ``format_digest(digest) -> str``: a plain-text rendering.
- ``SummaryCache(path)``: chosen sentences and splits on disk; call ``save()`` after a run.
- ``algorithm_names()``: "centrality" (the default, see ``ranker``), "lead" (first k
  sentences) and every sumy algorithm: lexrank, textrank, lsa, luhn, edmundson, kl, sumbasic,
  reduction.

No NLTK or sumy data is downloaded or read: sentences come from pysbd (run per line, as it is
slow on long strings), words from NLTK's regex NLTKWordTokenizer, stems and stop words from
sumy's packaged English ones. sumy and numpy are imported only when a summary is made.
"""

from __future__ import annotations

from .algorithms import DEFAULT_ALGORITHM, algorithm_names, ranking, scores, select, selector
from .cache import SUMMARIZER_VERSION, SummaryCache
from .choice import choose
from .policy import SummaryConfig, default_roles, format_digest, summarize_issue
from .tokenizer import DigestTokenizer, split_sentences

__all__ = [
    "DEFAULT_ALGORITHM", "SUMMARIZER_VERSION", "DigestTokenizer", "SummaryCache",
    "SummaryConfig", "algorithm_names", "default_roles", "format_digest", "split_sentences",
    "summarize_issue", "summarize_text", "warm",
]


def warm() -> None:
    """Load what every summary needs (pysbd, NLTK's tokenizer and stemmer, numpy: about a fifth
    of a second), so that worker processes forked afterwards start with it."""
    import numpy  # noqa: F401

    from .tokenizer import split_words
    from .words import stemmer

    split_sentences("Ready. Set.")
    split_words("ready")
    stemmer()


def summarize_text(text: str, sentences: int, algorithm: str | None = None,
                   standalone: bool = True) -> list[str]:
    """The best `sentences` sentences of `text`, in document order; with `standalone`, only
    sentences a reader can follow alone (or with the one before them), as the site shows."""
    paragraphs = [split_sentences(line) for line in text.split("\n") if line.strip()]
    flat = [s for p in paragraphs for s in p]
    name = algorithm or DEFAULT_ALGORITHM
    selector(name)
    if not standalone:
        return [flat[i] for i in select(paragraphs, sentences, name)]
    if sentences <= 0 or not flat:
        return []
    values = scores(paragraphs, name)
    order = ranking(paragraphs, sentences, name) if values is None else sorted(
        range(len(flat)), key=lambda i: (-values[i], i))
    groups, _ = choose(flat, order, sentences, scores=values)
    return [flat[i] for i in sorted(i for g in groups for i in g)]
