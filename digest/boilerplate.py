"""Boilerplate: a paragraph a newsletter repeats in issue after issue (its welcome, its "how to
send us a link" note) is furniture, not news. Found across the issues of one publication
after segmenting, it is moved to the issue's dropped lines (kind `boilerplate`) before the
issue is summarized, so it is counted and listed, never summarized."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from digest.model import Dropped, Issue, Section

RECUR_ISSUES = 3  # a paragraph found in this many issues of one newsletter is boilerplate,
RECUR_SHARE = 0.01  # and in this share of them (in a long run, a few weeks' news is not)
MIN_WORDS = 4  # shorter paragraphs are left alone, and those with a number (data, not
_WORD = re.compile(r"\w+")  # furniture: "389 pull requests were merged this week")


@dataclass(frozen=True)
class Scan:
    """What the boilerplate pass needs of one issue: its newsletter and its paragraphs' keys."""

    publication: str
    title: str  # with the date, what tells the newsletter's issues apart ("Weekly update")
    keys: frozenset[int]
    date: str = ""


def paragraph_key(text: str) -> int | None:
    """A paragraph's text with case, spacing and punctuation folded, hashed (the same in
    every process); None for a paragraph too short to be told apart from ordinary prose."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS or any(c.isdigit() for c in text):
        return None
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def scan(issue: Issue) -> Scan:
    keys = (paragraph_key(p.text) for s in issue.sections for p in s.paragraphs
            if p.kind != "code")
    return Scan(issue.publication, issue.title, frozenset(k for k in keys if k is not None),
                issue.date.isoformat() if issue.date else "")


def recurring(scans: Iterable[Scan]) -> dict[str, frozenset[int]]:
    """Per publication, the paragraph keys found in RECUR_ISSUES or more of its issues and in
    RECUR_SHARE of them (an issue counted once however many files carry it)."""
    titles: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    issues: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for found in scans:
        issue = (found.title, found.date)  # one issue however many files carry it
        issues[found.publication].add(issue)
        for key in found.keys:
            titles[found.publication, key].add(issue)
    out: dict[str, set[int]] = defaultdict(set)
    for (publication, key), seen in titles.items():
        if len(seen) >= max(RECUR_ISSUES, RECUR_SHARE * len(issues[publication])):
            out[publication].add(key)
    return {publication: frozenset(keys) for publication, keys in out.items()}


def strip(issue: Issue, keys: frozenset[int]) -> int:
    """Move the issue's paragraphs whose key is in `keys` to its dropped lines; a section left
    with nothing goes too, its heading dropped as boilerplate. Returns the lines moved."""
    if not keys:
        return 0
    moved: list[Dropped] = []
    kept_sections: list[Section] = []
    for section in issue.sections:
        kept = []
        for paragraph in section.paragraphs:
            if paragraph.kind != "code" and paragraph_key(paragraph.text) in keys:
                moved.append(Dropped("boilerplate", paragraph.line, paragraph.text))
            else:
                kept.append(paragraph)
        emptied = len(kept) < len(section.paragraphs) and not (
            kept or section.items or section.subsections)
        section.paragraphs = kept
        if emptied:
            if section.heading:
                moved.append(Dropped("boilerplate", section.heading_line or section.first_line,
                                     section.heading))
            if section.dek:
                moved.append(Dropped("boilerplate", section.first_line, section.dek))
            continue
        kept_sections.append(section)
    issue.sections = kept_sections
    issue.dropped = sorted(issue.dropped + moved, key=lambda d: d.line)
    return len(moved)
