"""How each kind of newsletter section is condensed, and the plain-text rendering."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from digest.model import Issue, IssueDigest, Item, OutletCount, Section, SectionDigest, Sentence

from .algorithms import select
from .cache import SummaryCache, summary_key
from .tokenizer import CHUNK, split_sentences

SUMMARIZED_PARAGRAPHS = ("text", "quote")
MIN_SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


@dataclass
class SummaryConfig:
    """Sentence budgets per section kind. A float count is a ratio of the section's sentences,
    clamped to the matching min and max; an int is a fixed count."""

    algorithm: str | None = None
    # A closing anecdote opens with its hook, so its first sentence is its best summary.
    one_more_thing_algorithm: str = "lead"
    lead_sentences: int | float = 0.1
    lead_min: int = 3
    lead_max: int = 6
    lost_in_translation_sentences: int = 2
    one_more_thing_sentences: int = 1
    teaser_sentences: int = 1
    section_ratio: float = 0.2
    section_min: int = 1
    section_max: int = 4

    def budget(self, kind: str, available: int) -> int:
        """How many sentences a section of `kind` with `available` sentences keeps."""
        if kind == "lead":
            count = _scaled(self.lead_sentences, available, self.lead_min, self.lead_max)
        elif kind == "lost_in_translation":
            count = self.lost_in_translation_sentences
        elif kind == "one_more_thing":
            count = self.one_more_thing_sentences
        elif kind == "teaser":
            count = self.teaser_sentences
        else:
            count = _scaled(self.section_ratio, available, self.section_min, self.section_max)
        return max(0, min(count, available))


def _scaled(amount: int | float, available: int, low: int, high: int) -> int:
    if isinstance(amount, int):
        return amount
    return max(low, min(high, round(amount * available)))


Splitter = Callable[[str], list[str]]


def first_sentence(text: str, splitter: Splitter = split_sentences) -> str:
    """The first sentence of the first line with text in it.

    A line where no full stop, question or exclamation mark is followed by a space is one
    sentence: pysbd would cut list items such as "Deny todo!() in tidy" or "incr.comp.: Add
    a graph" at the mark (and it is the slowest step of cutting a roundup)."""
    line = next((line for line in text.split("\n") if line.strip()), "").strip()
    if len(line) <= CHUNK and not _SENTENCE_END.search(line):
        return line
    sentences = splitter(line)
    return sentences[0] if sentences else text.strip()


def cut_item(item: Item, splitter: Splitter = split_sentences) -> Item:
    """A copy of a list item cut to its first sentence, sub-items too; outlet and flags kept."""
    return dataclasses.replace(item, text=first_sentence(item.text, splitter),
                               links=list(item.links),
                               sub_items=[cut_item(sub, splitter) for sub in item.sub_items])


def count_words(text: str) -> int:
    return len(text.split())


def _item_words(items: list[Item]) -> int:
    return sum(count_words(i.text) + _item_words(i.sub_items) for i in items)


def summarize_issue(
    issue: Issue, config: SummaryConfig | None = None, cache: SummaryCache | None = None
) -> IssueDigest:
    """Condense every section of an issue by its kind; the input issue is not modified.

    Call `cache.save()` afterwards to keep the cache's new entries.
    """
    from . import DEFAULT_ALGORITHM

    config = config or SummaryConfig()
    algorithm = config.algorithm or DEFAULT_ALGORITHM
    split: dict[tuple[int, int], list[str]] = {}
    sections: list[SectionDigest] = []
    words_in = 0
    for s, section in enumerate(issue.sections):
        for p, paragraph in enumerate(section.paragraphs):
            if cache is None:
                split[(s, p)] = split_sentences(paragraph.text)
            else:
                split[(s, p)] = cache.split(paragraph.text, split_sentences)
            words_in += count_words(paragraph.text)
        words_in += _item_words(section.items)
        sections.append(_summarize_section(s, section, split, config, algorithm, cache))
    words_out = sum(
        sum(count_words(x.text) for x in d.sentences) + _item_words(d.items) for d in sections
    )
    return IssueDigest(issue=issue, sections=sections, split=split,
                       words_in=words_in, words_out=words_out, outlets=cited_outlets(issue))


def cited_outlets(issue: Issue) -> list[OutletCount]:
    """Every outlet the issue's list items (sub-items too) name, in order of first mention."""
    counts: dict[str, OutletCount] = {}

    def walk(items: list[Item]) -> None:
        for item in items:
            name = " ".join((item.outlet or "").split())
            if name:
                count = counts.setdefault(name.casefold(), OutletCount(name))
                count.items += 1
                count.paywalled += item.paywalled
            walk(item.sub_items)

    for section in issue.sections:
        walk(section.items)
    return list(counts.values())


def _summarize_section(
    s: int,
    section: Section,
    split: dict[tuple[int, int], list[str]],
    config: SummaryConfig,
    algorithm: str,
    cache: SummaryCache | None,
) -> SectionDigest:
    digest = SectionDigest(section=s, kind=section.kind)
    if section.kind == "sponsored":
        return digest
    if section.kind == "teaser" and section.dek and section.dek.strip():
        digest.sentences = [Sentence(section.dek.strip(), s, -1, 0, section.first_line)]
        return digest
    texts = [p for p, par in enumerate(section.paragraphs) if par.kind in SUMMARIZED_PARAGRAPHS]
    texts = [p for p in texts if split[(s, p)]]
    if section.kind == "catch_up" or (section.items and len(section.items) >= len(texts)):
        splitter = split_sentences if cache is None else partial(cache.split,
                                                                 compute=split_sentences)
        digest.items = [cut_item(item, splitter) for item in section.items]
        if section.kind == "catch_up":
            return digest
    places = [(p, i) for p in texts for i in range(len(split[(s, p)]))]
    count = config.budget(section.kind, len(places))
    if count == 0:
        return digest
    if section.kind == "one_more_thing" and config.one_more_thing_algorithm:
        algorithm = config.one_more_thing_algorithm
    places = _candidates(places, split, s, count)
    paragraphs = [[split[(s, p)][i] for p2, i in places if p2 == p] for p in texts]
    paragraphs = [p for p in paragraphs if p]

    def compute() -> list[int]:
        return select(paragraphs, count, algorithm)

    if cache is None:
        chosen = compute()
    else:
        chosen = cache.chosen(summary_key(paragraphs, algorithm, {"count": count}), compute)
    for index in chosen:
        if 0 <= index < len(places):
            p, i = places[index]
            line = section.paragraphs[p].line
            digest.sentences.append(Sentence(split[(s, p)][i], s, p, i, line))
    return digest


def _candidates(places: list[tuple[int, int]], split: dict[tuple[int, int], list[str]], s: int,
                count: int) -> list[tuple[int, int]]:
    """Sentences worth showing alone: fragments like "Yes, rockets." only if nothing else."""
    full = [(p, i) for p, i in places if count_words(split[(s, p)][i]) >= MIN_SENTENCE_WORDS]
    return full if len(full) >= count else places


def format_digest(digest: IssueDigest) -> str:
    """The digest as plain text: the issue's title, then each non-empty section."""
    issue = digest.issue
    head = issue.title or "(untitled)"
    facts = [x for x in (issue.publication, issue.date and issue.date.isoformat()) if x]
    lines = [head + (f" ({', '.join(facts)})" if facts else "")]
    lines.append(f"{digest.words_in} words in, {digest.words_out} words out")
    for part in digest.sections:
        if not part.sentences and not part.items:
            continue
        section = issue.sections[part.section]
        lines += ["", f"## {section.heading or part.kind.replace('_', ' ')}"]
        if part.sentences:
            lines.append(" ".join(x.text for x in part.sentences))
        lines += _format_items(part.items, 0)
    return "\n".join(lines) + "\n"


def _format_items(items: list[Item], depth: int) -> list[str]:
    lines = []
    for item in items:
        notes = [x for x in (item.outlet, "paywall" if item.paywalled else None) if x]
        suffix = f" ({', '.join(notes)})" if notes else ""
        lines.append(f"{'  ' * depth}- {item.text}{suffix}")
        lines += _format_items(item.sub_items, depth + 1)
    return lines
