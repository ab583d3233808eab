"""Sentences that stand alone: whether a summary sentence leans on the one before it.

A sentence leans on its context when it opens with a connective ("However", "Also") or a
pointing word ("This", "They"), names a person only by a pronoun ("…, she says"), or names
someone by a bare surname that the section introduced earlier with a full name ("Lin died").
The words are per-language data (`en.toml`); the name rules are structural (capitalised runs).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITALISED = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_CAPITAL_RUN = re.compile(rf"\b{_CAPITALISED}(?:\s+{_CAPITALISED})+\b")
_CAPITAL = re.compile(r"[A-Z][a-z]+")
_PERSON_REACH = 250  # characters after a full name in which a personal pronoun marks a person


@dataclass(frozen=True)
class Words:
    """One language's word lists (all lower case)."""

    connectives: tuple[tuple[str, ...], ...]  # phrases, as word tuples
    openers: frozenset[str]
    times: frozenset[str]
    persons: frozenset[str]
    label_words: int = 4


@lru_cache(maxsize=8)
def words(language: str = "en") -> Words:
    """The word lists of a language shipped beside this module."""
    data = tomllib.loads((Path(__file__).parent / f"{language}.toml").read_text("utf-8"))
    table = data["standalone"]

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.lower().split()) for p in table[key]}, key=len,
                            reverse=True))

    return Words(phrases("connectives"), frozenset(w.lower() for w in table["openers"]),
                 frozenset(w.lower() for w in table["times"]),
                 frozenset(w.lower() for w in table["persons"]),
                 int(data.get("labels", {}).get("max_words", 4)))


def _tokens(sentence: str) -> list[str]:
    return [t.replace("’", "'").lower() for t in _TOKEN.findall(sentence)]


def opening_word(sentence: str, lexicon: Words | None = None) -> str | None:
    """The connective or pointing word a sentence opens with, if any."""
    lexicon = lexicon or words()
    tokens = _tokens(sentence[:200])
    if not tokens:
        return None
    for phrase in lexicon.connectives:
        if tuple(tokens[: len(phrase)]) == phrase:
            return " ".join(phrase)
    first = tokens[0]
    if first in lexicon.openers:
        follows = tokens[1] if len(tokens) > 1 else ""
        if first in ("this", "that", "these", "those") and follows.rstrip("s") in lexicon.times:
            return None
        return first
    return None


def _names(text: str) -> list[tuple[int, list[str]]]:
    """Runs of two or three capitalised words that may be a person's full name, with where
    each starts: leading stop words ("In December", "The Chinese") are not part of a name."""
    from .words import stop_words

    stops = stop_words()
    found = []
    for match in _CAPITAL_RUN.finditer(text):
        parts = match.group().split()
        start = match.start()
        while parts and parts[0].lower() in stops:
            start = text.index(parts[1], start) if len(parts) > 1 else start
            parts.pop(0)
        if 2 <= len(parts) <= 3:
            found.append((start, parts))
    return found


def _unnamed_person(sentence: str, lexicon: Words) -> str | None:
    """A personal pronoun with no full name (two or more capitalised words) before it."""
    for match in _TOKEN.finditer(sentence):
        word = match.group().lower()
        if word in lexicon.persons:
            return None if _names(sentence[: match.start()]) else word
    return None


def introduced_surnames(text: str, lexicon: Words | None = None) -> set[str]:
    """Words of the people's full names in a text: a run of capitalised words that is where
    each word first appears (a place first named alone is no surname) and that a personal
    pronoun follows closely ("Lin Qi … he"; a company is an "it")."""
    lexicon = lexicon or words()
    names = set()
    for start, parts in _names(text):
        near = (t.lower() for t in _TOKEN.findall(text[start:start + _PERSON_REACH]))
        if not any(t in lexicon.persons for t in near):
            continue
        for part in parts:
            first = re.search(rf"\b{re.escape(part)}\b", text)
            if first is not None and first.start() >= start:
                names.add(part)
    return names


def _bare_surname(sentence: str, surnames: set[str]) -> str | None:
    """A surname from `surnames` used alone, not as the end of a full name here."""
    if not surnames:
        return None
    full = introduced_surnames(sentence)
    for match in _CAPITAL.finditer(sentence):
        name = match.group()
        if name not in surnames or name in full:
            continue
        before = sentence[: match.start()].rstrip()
        after = sentence[match.end():]
        last = before.split()[-1] if before.split() else ""
        if last[:1].isupper() and last[-1:].isalpha():
            continue
        if last.lower() in ("the", "a", "an"):  # "the Symposium": a thing, not a person
            continue
        if after[:1] == " " and after[1:2].isupper():
            continue
        return name
    return None


def leans_on_context(sentence: str, earlier: str = "", lexicon: Words | None = None) -> str | None:
    """Why a sentence cannot be read alone (None when it can). `earlier` is the text before
    it in its section, where full names are introduced."""
    lexicon = lexicon or words()
    opener = opening_word(sentence, lexicon)
    if opener:
        return f'opens with "{opener}"'
    person = _unnamed_person(sentence, lexicon)
    if person:
        return f'"{person}" with no name before it'
    surname = _bare_surname(sentence, introduced_surnames(earlier, lexicon)) if earlier else None
    if surname:
        return f'bare surname "{surname}"'
    return None


@dataclass
class Skip:
    """A ranked sentence left out of a summary, and why."""

    index: int
    reason: str


PAIR_WEIGHT = 0.8  # a pair's value: this much of its better sentence's score, the rest of
# the other's (chosen on the BBC business articles; see benchmarks/summary_quality.py)


def choose(flat: Sequence[str], ranked: Sequence[int], count: int,
           lexicon: Words | None = None, follows: Sequence[bool] | None = None,
           scores: Sequence[float] | None = None) -> tuple[list[list[int]], list[Skip]]:
    """Up to `count` sentences, each readable alone or taken together with the sentence before
    it (when that one stands alone and there is room for both), or else replaced by the next
    best. `follows[i]` says flat[i - 1] is really the sentence before flat[i] (default: all but
    the first). Units are taken best first: by `scores` when given (a pair is worth
    PAIR_WEIGHT of its better sentence's score and the rest of the other's), else in `ranked`
    order. Returns the groups in the order taken (one sentence, or a pair in document order)
    and the sentences skipped for leaning on their context."""
    lexicon = lexicon or words()
    follows = follows if follows is not None else [i > 0 for i in range(len(flat))]
    if scores is None:
        scores = [0.0] * len(flat)
        for place, i in enumerate(ranked):
            scores[i] = -float(place)
        pair_weight = 1.0
    else:
        pair_weight = PAIR_WEIGHT
    reasons: dict[int, str | None] = {}

    def reason(i: int) -> str | None:
        if i not in reasons:
            reasons[i] = leans_on_context(flat[i], " ".join(flat[max(0, i - 30):i]), lexicon)
        return reasons[i]

    def unit(i: int) -> tuple[list[int], float] | None:
        if reason(i) is None or (follows[i] and (i - 1) in chosen):
            return [i], scores[i]
        if follows[i] and (i - 1) not in chosen and len(chosen) + 2 <= count \
                and reason(i - 1) is None:
            high, low = max(scores[i], scores[i - 1]), min(scores[i], scores[i - 1])
            return [i - 1, i], pair_weight * high + (1 - pair_weight) * low
        return None

    chosen: set[int] = set()
    groups: list[list[int]] = []
    pool = list(ranked)
    while len(chosen) < count:
        best = None
        for i in pool:
            if i in chosen:
                continue
            found = unit(i)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        if best is None:
            break
        chosen.update(best[0])
        groups.append(best[0])
    worst = min((scores[i] for i in chosen), default=float("inf"))
    skipped = [Skip(i, reason(i) or "") for i in ranked
               if i not in chosen and scores[i] >= worst and reason(i)]
    return groups, skipped


LABEL = re.compile(r"([A-Z][^:\n/]{0,60}?):\s+(?=\S)")


def issue_labels(texts: Iterable[str], lexicon: Words | None = None) -> set[str]:
    """Short "Label:" prefixes that open two or more paragraphs of an issue."""
    lexicon = lexicon or words()
    counts = Counter(m.group(1) for m in map(LABEL.match, texts) if m)
    return {label for label, n in counts.items()
            if n > 1 and len(label.split()) <= lexicon.label_words}


def split_label(text: str, labels: set[str]) -> tuple[str | None, str, str]:
    """(label, the label as written with its colon, the rest) of a paragraph's text."""
    match = LABEL.match(text)
    if match and match.group(1) in labels:
        return match.group(1), text[: match.end()].strip(), text[match.end():]
    return None, "", text
