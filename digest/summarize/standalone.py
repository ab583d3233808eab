"""Sentences that stand alone: whether a summary sentence leans on the one before it.

A sentence leans on its context when it opens with a connective ("However", "Also") or a
pointing word ("This", "They"), names a person only by a pronoun ("…, she says"), or names
someone by a bare surname that the section introduced earlier with a full name ("Lin died").
The words are per-language data (`en.toml`); the name rules are structural (capitalised runs).
"""

from __future__ import annotations

import math
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
_TAG_LINE = re.compile(r"(?P<label>[^\W\d_][^:.!?]{0,40}):\s*(?P<tags>[^.!?:]+?)\s*")
_TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*")
_TAG_WORDS = 3  # words in one tag or topic at most


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


def not_a_summary_sentence(sentence: str, lexicon: Words | None = None) -> str | None:
    """Why a sentence must never be shown in a summary (None when it may be): it ends with a
    colon, so it introduces a list or quote that is not shown ("I recommend that you:"), or
    it is only a label and a list of tags ("Topics: rivers, floods, levees")."""
    lexicon = lexicon or words()
    text = sentence.strip()
    if text.endswith(":"):
        return "ends with a colon"
    match = _TAG_LINE.fullmatch(text)
    if match and len(match.group("label").split()) <= lexicon.label_words:
        tags = _TAG_SPLIT.split(match.group("tags"))
        if len(tags) >= 2 and all(0 < len(t.split()) <= _TAG_WORDS for t in tags):
            return "a label and a list of tags"
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


# How likely a sentence is wanted, from its score s (as a share of the best score) and its
# rank r (as a share of the sentence count): sigmoid(A·s + B·r + C). Fitted by logistic
# regression on "is this sentence in the reference" over the BBC business articles only
# (benchmarks/summary_quality.py; politics and tech held out).
CHANCE_WEIGHTS = (1.973, -5.652, 0.996)


def chances(scores: Sequence[float]) -> list[float]:
    """Each sentence's chance of being wanted (see CHANCE_WEIGHTS)."""
    n = len(scores)
    top = max(scores, default=0.0)
    rank = {i: place for place, i in enumerate(sorted(range(n), key=lambda i: (-scores[i], i)))}
    a, b, c = CHANCE_WEIGHTS
    return [1 / (1 + math.exp(-(a * (scores[i] / top if top > 0 else 0.0)
                                + b * rank[i] / n + c))) for i in range(n)]


def _best_set(chance: Sequence[float], free: Sequence[bool], follows: Sequence[bool],
              count: int) -> list[int]:
    """The sentences, as many as can be had up to `count`, of the highest summed chance in
    which every sentence that is not `free` follows a chosen one. Dynamic programming over the
    text; the state is how many are chosen so far and whether the sentence before was."""
    if count <= 0:
        return []
    none = -math.inf
    out = [0.0] + [none] * count  # best total by number chosen, the sentence before left out
    took = [none] * (count + 1)  # ... with the sentence before taken
    trail = []
    for i, value in enumerate(chance):
        from_taken = [t > o for o, t in zip(out, took)]
        before = [max(o, t) for o, t in zip(out, took)]
        if free[i]:
            reach, source = before, from_taken
        elif follows[i]:
            reach, source = took, [True] * (count + 1)
        else:
            reach, source = [none] * (count + 1), from_taken
        took = [none] + [r + value for r in reach[:-1]]
        out = before
        trail.append((from_taken, [False] + source[:-1]))
    taken = max(c for c in range(count + 1) if max(out[c], took[c]) > none)
    last = took[taken] > out[taken]
    chosen = []
    for i in range(len(chance) - 1, -1, -1):
        from_taken, source = trail[i]
        if last:
            chosen.append(i)
            last = source[taken]
            taken -= 1
        else:
            last = from_taken[taken]
    return chosen[::-1]


def choose(flat: Sequence[str], ranked: Sequence[int], count: int,
           lexicon: Words | None = None, follows: Sequence[bool] | None = None,
           scores: Sequence[float] | None = None) -> tuple[list[list[int]], list[Skip]]:
    """Up to `count` sentences, each readable alone or shown right after the sentence it leans
    on (`follows[i]` says flat[i - 1] is really the sentence before flat[i]; default: all but
    the first). Of all such sets, the one whose sentences' summed chance (`chances` of
    `scores`, or of the `ranked` order when no scores are given) is highest. Returns the groups
    (a sentence standing alone with the leaning ones right after it, in document order), best
    group first, and the sentences skipped for leaning on their context (or never shown:
    `not_a_summary_sentence`)."""
    lexicon = lexicon or words()
    follows = follows if follows is not None else [i > 0 for i in range(len(flat))]
    if scores is None:
        scores = [0.0] * len(flat)
        for place, i in enumerate(ranked):
            scores[i] = float(len(ranked) - place)
    barred = [not_a_summary_sentence(x, lexicon) for x in flat]
    reasons = [barred[i] or leans_on_context(flat[i], " ".join(flat[max(0, i - 30):i]), lexicon)
               for i in range(len(flat))]
    free = [reason is None for reason in reasons]
    follows = [f and not barred[i] for i, f in enumerate(follows)]
    chosen = _best_set(chances(scores), free, follows, count)
    groups: list[list[int]] = []
    for i in chosen:
        if free[i] or not groups or groups[-1][-1] != i - 1 or not follows[i]:
            groups.append([i])
        else:
            groups[-1].append(i)
    groups.sort(key=lambda g: (-max(scores[i] for i in g), g[0]))
    taken = set(chosen)
    worst = min((scores[i] for i in taken), default=float("inf"))
    skipped = [Skip(i, reasons[i] or "") for i in ranked
               if i not in taken and scores[i] >= worst and reasons[i]]
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
