"""How each role of newsletter section is condensed, and the plain-text rendering."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from digest.model import (
    Issue,
    IssueDigest,
    Item,
    OutletCount,
    Section,
    SectionDigest,
    Sentence,
    SummaryPolicy,
)

from .algorithms import DEFAULT_ALGORITHM, select
from .cache import SummaryCache, summary_key
from .tokenizer import CHUNK, split_sentences

SUMMARIZED_PARAGRAPHS = ("text", "quote")
MIN_SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def default_roles() -> dict[str, SummaryPolicy]:
    """The built-in policy of each role a config file can tune (sponsored is never summarized)."""
    return {
        "lead": SummaryPolicy(sentences=0.1, min=3, max=6),
        "roundup": SummaryPolicy(sentences=0.2, min=1, max=4),  # its items, and its intro
        "brief": SummaryPolicy(sentences=2),
        # An anecdote opens with its hook, so its first sentence is its best summary.
        "anecdote": SummaryPolicy(sentences=1, algorithm="lead"),
        "teaser": SummaryPolicy(sentences=1),  # used when a teaser has no dek
        "section": SummaryPolicy(sentences=0.2, min=1, max=4),
    }


@dataclass
class SummaryConfig:
    """The default algorithm and each role's policy; a profile section's overrides win over its
    role's, and `sentences` (the command line's --sentences) over both."""

    algorithm: str | None = None
    roles: dict[str, SummaryPolicy] = field(default_factory=default_roles)
    sentences: int | None = field(default=None, metadata={"command_line": True})

    def policy(self, section: Section) -> SummaryPolicy:
        """The policy for one section: its overrides over its role's policy over the default."""
        role = self.roles.get(section.role) or self.roles["section"]
        policy = section.summary.over(role)
        if self.sentences is not None:
            policy = SummaryPolicy(self.sentences, self.sentences, self.sentences,
                                   policy.algorithm)
        return policy


def budget(policy: SummaryPolicy, available: int) -> int:
    """How many of `available` sentences a policy keeps. A float is a ratio of them, clamped
    to min and max; an int is a fixed count."""
    amount = policy.sentences or 0
    count = amount
    if isinstance(amount, float):
        count = round(amount * available)
        count = max(policy.min or 0, count if policy.max is None else min(policy.max, count))
    return max(0, min(int(count), available))


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
    """Condense every section of an issue by its role; the input issue is not modified.

    Call `cache.save()` afterwards to keep the cache's new entries.
    """
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
    digest = SectionDigest(section=s, kind=section.kind, role=section.role)
    if section.role == "sponsored":
        return digest
    if section.role == "teaser" and section.dek and section.dek.strip():
        digest.sentences = [Sentence(section.dek.strip(), s, -1, 0, section.first_line)]
        return digest
    if section.layout == "list":
        splitter = split_sentences if cache is None else partial(cache.split,
                                                                 compute=split_sentences)
        digest.items = [cut_item(item, splitter) for item in section.items]
    texts = [p for p, par in enumerate(section.paragraphs) if par.kind in SUMMARIZED_PARAGRAPHS]
    texts = [p for p in texts if split[(s, p)]]
    places = [(p, i) for p in texts for i in range(len(split[(s, p)]))]
    policy = config.policy(section)
    count = budget(policy, len(places))
    if count == 0:
        return digest
    algorithm = policy.algorithm or algorithm
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
        lines += ["", f"## {section.heading or part.role}"]
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
