"""Authors named after a titled item ("[Title](url) by Ana Ruiz-Gómez and Kim O'Brien")."""

from __future__ import annotations

import re
from functools import lru_cache

from digest.model import Item
from digest.textwords import CLAUSE_ENDS, SENTENCE_ENDS, count_words

# Where a byline ends: a clause mark, a dash between spaces ("Jo Park — a walk…"), a colon,
# a dot between fields ("Tom Reed · 6 Mar 2026").
_END = re.compile(r"\s*(?:[;()\[\]|—–·•]|\s-\s|:\s|\s@\s)")
# A word of a name: letters of any script, digits and _ (handles), inner - ' ’ . (initials).
_WORD = re.compile(r"^[\w’'][\w’'.\-]*$")
NAME_WORDS = 6  # more words than this is a sentence, not a name
MAX_NAMES = 8
# A name credited after an entry's text with nothing but a space before it ("… in half.
# Tomás Ortega"): up to four words after the sentence's closing mark, at the very end.
_CREDIT = re.compile(r"(?<=[.!?…)”\"。！？」])\s+((?:\S+\s+){0,3}\S+)\s*$")
CREDIT_AFTER = 6  # words of text the credit must follow
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le",
                       "bin", "al", "ten", "ter", "y"})
BADGE_CAPITALS = 4  # a longer word in capitals ("SPONSOR", "VIDEO") is a badge, not a name
BYLINE_WORDS = 20  # a byline line: names, a date, a reading time
DATE_LEAD_WORDS = 2  # words beside the date before "by" ("Posted on", "Published")


@lru_cache(maxsize=16)
def opener(words: tuple[str, ...]) -> re.Pattern[str]:
    """What opens a byline: one of `words` ("by", "von"), after a comma or colon or not."""
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^[,:]?\s*(?:{alternatives})\s+(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _joiner(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join([*(re.escape(w) for w in words), "&"])
    return re.compile(rf"^(?:{alternatives})\s+|\s+(?:{alternatives})\s+", re.IGNORECASE)


def byline(rest: str, words: tuple[str, ...] = ("by",),
           joins: tuple[str, ...] = ("and",)) -> str | None:
    """The author(s) a "by …" clause names (`words`: what may stand for "by"), commas and
    `joins` ("and") joining several; None when what follows is not a short run of names."""
    opened = opener(words).match(rest)
    joiner = _joiner(joins)
    if not opened:
        return None
    text = rest[opened.end():]
    cut = _END.search(text)
    text = text[:cut.start()] if cut else text
    kept = 0  # characters of `text` that are names
    count = 0
    for n, part in enumerate(text.split(",")):
        names = [p for p in joiner.split(part.strip()) if p]
        if not names or not all(_is_name(p) for p in names) or \
                (n and not names[0][:1].isupper()):
            if n == 0:
                return None
            break  # "by Jo Park, a gardener": the names end at the first part not a name
        count += len(names)
        kept += len(part) + (1 if n else 0)
    if count > MAX_NAMES:
        return None
    names_text = text[:kept].strip()
    last = names_text.rsplit(None, 1)[-1]
    if last.endswith(".") and len(last.rstrip(".")) > 1:  # a closing full stop, not "P."
        names_text = names_text.rstrip(".")
    return names_text


def _dated_author(text: str, words: tuple[str, ...], joins: tuple[str, ...],
                  months: frozenset[str]) -> str | None:
    """The author of a line that gives a date first ("Posted on November 24, 2026 by Sam
    Hale", "Published 3 March 2026 by Ana Ruiz"): at most DATE_LEAD_WORDS words around the
    date, then "by" and names ending the line."""
    for found in _inside(words).finditer(text):
        head, tail = text[:found.start()], text[found.start():]
        kind = [w.strip(".,").isdigit() or w.strip(".,").casefold() in months
                for w in head.split()]
        if not any(kind) or kind.count(False) > DATE_LEAD_WORDS:
            continue
        name = byline(tail, words, joins)
        if name and not tail[tail.find(name) + len(name):].strip(" .,"):
            return name
    return None


@lru_cache(maxsize=16)
def _inside(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<=\s)(?:{alternatives})\s+(?=\S)", re.IGNORECASE)


def line_author(text: str, words: tuple[str, ...], joins: tuple[str, ...],
                months: frozenset[str]) -> str | None:
    """The author a line of its own names ("By Sam Price on Mar 11, 2025 09:14 am"): names
    in capitals after "by", then nothing, or only a date or time (a digit or a month). None
    for a sentence ("By the way, we moved.")."""
    if count_words(text) > BYLINE_WORDS or text.rstrip()[-1:] in SENTENCE_ENDS:
        return None
    found = byline(text, words, joins)
    if not found:
        return _dated_author(text, words, joins, months)
    joiner = _joiner(joins)

    def connects(word: str) -> bool:  # "van", "de", "and" inside a run of names
        return word.casefold() in PARTICLES or bool(joiner.fullmatch(f" {word} "))

    kept: list[str] = []
    for word in found.split():  # "Sam Price on Mar 11": the names end at "on"
        if not (word[:1].isupper() or kept and connects(word)):
            break
        kept.append(word)
    while kept and connects(kept[-1]):
        kept.pop()
    if not kept:
        return None
    name = " ".join(kept)
    rest = text[text.find(name) + len(name):]
    dated = any(c.isdigit() for c in rest) or any(
        w.strip(".,").casefold() in months for w in rest.split())
    return name if dated or not rest.strip(" ,·•|—–-") else None


def _is_name(text: str) -> bool:
    """One person's or group's name: a few words of letters, digits, - ' . and _."""
    parts = text.split()
    return 1 <= len(parts) <= NAME_WORDS and all(_WORD.match(p) for p in parts)


def trailing_credit(text: str, plain: frozenset[str], linked: list[str]) -> str | None:
    """The name credited at the end of an entry's text (its author or site), or None: words
    that open with a capital, none of them a common word or a call to action of the
    language (`plain`: "Read More" is no name), nor the text of a link."""
    found = _CREDIT.search(text)
    if not found or count_words(text[:found.start()]) < CREDIT_AFTER:
        return None
    name = found[1]
    if name[-1] in SENTENCE_ENDS + CLAUSE_ENDS:  # a sentence of its own ("Reddit. HN.")
        return None
    parts = name.split()
    for n, part in enumerate(parts):
        if 0 < n < len(parts) - 1 and part in PARTICLES:
            continue
        if not (part[:1].isupper() and _WORD.match(part)) or part.casefold() in plain or \
                (part.isupper() and len(part) > BADGE_CAPITALS):
            return None
    if any(t.strip() and text.rstrip().endswith(t.strip()) for t in linked):
        return None  # a link closing the text ("… Read the post")
    return name


def take_credit(item: Item, plain: frozenset[str]) -> None:
    """An entry whose text ends with a credited name has it as its author, out of its text."""
    name = trailing_credit(item.text, plain, [link.text for link in item.links])
    if name:
        item.author, item.text = name, item.text.rstrip()[: -len(name)].rstrip()
