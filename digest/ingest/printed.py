"""Printed text: a newsletter printed as PDF (a parish's, a school's, a society's, a staff
magazine) that a reader saved as text (`pdftotext`, with `-layout` or without). Its pages
break at form feeds; each may carry a running head or foot (the newsletter's name, the issue,
the page's number: "Spring 2026 · Page 3", "— 4 —", "Page 1 of 2", "2"); the first may hold
a contents list, its entries each with their page's number ("Chair's report ........ 2", "4
Leeds hub goes solar"); and its words are hyphenated where a typeset line ends ("informa-" /
"tion"). The plain-text reader asks here which lines are the pages' furniture and the
contents (chrome: neither text nor headings), where a page opens (a paragraph running on
across it stays one paragraph), and whether a word broken at a line's end is one word.

Only the shape of the lines is read, and the words that name a page in each language
(`page` and `page_of` in `digest/profiles/_languages.toml`).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from digest.textwords import SENTENCE_ENDS

EDGE_LINES = 2  # lines at a page's top or foot that may be its running head or foot
RUNNING_PAGES = 3  # pages a running head or foot recurs on (fewer when there are fewer)
OPENING_LINES = 6  # lines of the first page that name the newsletter: its masthead
HEAD_WORDS = 12  # a running head is a line of a few words
CONTENTS_ENTRIES = 3  # entries of a contents list without leaders, under its label
CONTENTS_WORDS = 10  # words of a contents entry's title
LABEL_WORDS = 4  # "IN THIS ISSUE", "Contents", "Inhalt"
LABEL_GAP = 2  # blank lines between a contents list's label and its first entry
CONTENTS_LINE = 200  # characters of a contents entry's line, at most

_ENDED = re.compile(f"[{SENTENCE_ENDS}]\\s*$")
_PAGE_NUMBER = r"\d{1,4}"
# A page's number alone, perhaps between dashes or in brackets: "2", "— 4 —", "- 3 -", "[5]".
_BARE = re.compile(rf"^[\s\-–—‒―~•·|()\[\]<>]*({_PAGE_NUMBER})[\s\-–—‒―~•·|()\[\]<>]*$")
# Parts of a running head: "Harbourside Naturalists' Society · Bulletin 42", set apart by a
# field separator or, as `pdftotext -layout` keeps them, by a run of spaces.
_PARTS = re.compile(r"\s[·•|—–/]\s|\S {3,}\S")
_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGITS = re.compile(r"\d+")
_DASHES = re.compile("[\u2010\u2011\u2013]")  # a compound's hyphen or en dash: "Wave–current"
# A contents entry: its title, dots leading to its page's number ("Chair's report . . . . 2",
# "Impressum ....... 4"), or without them in a printed text (under a label: "Welcome 1", "4
# Leeds hub goes solar").
_LEADERS = re.compile(rf"^(\S.*?)\s*(?:(?:\.\s?){{3,}}|(?:…\s?){{2,}}|(?:_\s?){{3,}})\s*"
                      rf"({_PAGE_NUMBER})$")
_NUMBER_AFTER = re.compile(rf"^(\D.*?)\s+({_PAGE_NUMBER})$")
_NUMBER_BEFORE = re.compile(rf"^({_PAGE_NUMBER})\s+(\D.*)$")


@dataclass(frozen=True)
class Pages:
    """What the printed pages of a text are made of: line numbers, counted from 1."""

    breaks: frozenset[int] = frozenset()  # lines that open a new page
    furniture: frozenset[int] = frozenset()  # running heads and feet, page numbers
    contents: frozenset[int] = frozenset()  # a contents list's entries and its label
    printed: bool = False  # typeset and broken into pages
    words: Counter[str] = field(default_factory=Counter)  # the text's words, for hyphens

    def apart(self, number: int) -> bool:
        """The line is the pages' furniture or their contents, not the newsletter's text."""
        return number in self.furniture or number in self.contents

    def joined(self, before: str, after: str) -> bool:
        """A word a line ends with, broken at a hyphen ("informa-"), and the word opening
        the next line ("tion"): True when they are one word, to be joined without the
        hyphen; False when the hyphen is the word's own (a compound: "Eltern-" over
        "Kind-Gruppe", "twenty-" over "three", "friend-" over "of-a-friend")."""
        head = _last_word(before)
        tail = after.split()[0].rstrip(".,;:!?)]}\"'”’»…") if after.split() else ""
        if not self.printed or not head or not tail[:1].islower() or "-" in tail:
            return False
        whole, compound = (head + tail).casefold(), f"{head}-{tail}".casefold()
        if self.words[whole]:
            return True
        if self.words[compound]:
            return False
        # two words the text uses on their own, never joined: a compound ("twenty-three")
        return not (len(head) > 2 and len(tail) > 2 and self.words[head.casefold()] and
                    self.words[tail.casefold()])


def _last_word(line: str) -> str:
    """The letters before the hyphen a line ends with ("informa-" → "informa")."""
    line = line.rstrip()
    found = _LAST_WORD.search(line) if line.endswith("-") else None
    return found[1] if found else ""


_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")  # from a word's start: linear


def read_pages(raw: list[str], lines: list[str]) -> Pages:
    """The pages of a text: `raw`, its lines as written (with their form feeds); `lines`,
    the same lines cleaned."""
    breaks = _breaks(raw, lines)
    fed = bool(breaks)  # by form feeds, not only by lines naming the pages
    breaks = breaks or _numbered_feet(lines)
    if not breaks:  # not printed: only a contents list with leaders, if any
        return Pages(contents=frozenset(_contents(lines, printed=False)))
    pages = _pages(lines, breaks)
    return Pages(frozenset(breaks), frozenset(_furniture(pages, lines)),
                 frozenset(_contents(lines, printed=fed)), True, _words(lines))


def _breaks(raw: list[str], lines: list[str]) -> set[int]:
    """The lines a new page opens at: after a form feed, with text on one of the lines
    after it (a form feed closing the text opens no page)."""
    found = set()
    for number, line in enumerate(raw, start=1):
        if "\f" in line:
            found.add(number if not line.split("\f")[0].strip() else number + 1)
    text = [n for n, line in enumerate(lines, start=1) if line.strip()]
    return {n for n in found if text and text[0] < n <= text[-1]}


def _pages(lines: list[str], breaks: set[int]) -> list[list[int]]:
    """Each page's lines that hold text, by number."""
    pages: list[list[int]] = [[]]
    for number, line in enumerate(lines, start=1):
        if number in breaks and pages[-1]:
            pages.append([])
        if line.strip():
            pages[-1].append(number)
    return [page for page in pages if page]


@lru_cache(maxsize=1)
def _page_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line naming a page by its number ("Page 3", "Seite 2 von 4", "2. oldal"), and a
    page's number with the count of pages ("1 of 2", "3/4"), in every language's words."""
    path = Path(__file__).parent.parent / "profiles" / "_languages.toml"
    tables = tomllib.loads(path.read_text("utf-8")).values()

    def alternatives(key: str) -> str:
        words = sorted({w.casefold() for t in tables for w in t.get(key, [])}, key=len,
                       reverse=True)
        return "|".join(re.escape(w) for w in words)

    word, of = alternatives("page"), alternatives("page_of") or "/"
    total = rf"\s*(?:/|(?:{of})\s)\s*{_PAGE_NUMBER}"
    named = re.compile(rf"^(?:(?:{word})\s*{_PAGE_NUMBER}(?:{total})?|"
                       rf"{_PAGE_NUMBER}\.?\s*(?:{word}))$", re.IGNORECASE)
    return named, re.compile(rf"^{_PAGE_NUMBER}{total}$", re.IGNORECASE)


def _numbered(text: str) -> bool:
    """The line is only a page's number: alone ("2", "— 4 —"), named ("Page 3", "Seite 2",
    "2. oldal") or with the count of pages ("Page 1 of 2", "3 / 4")."""
    text = " ".join(text.split())
    named, counted = _page_words()
    return bool(named.match(text) or counted.match(text)) or \
        _BARE.match(text) is not None and (text.isdigit() or not text[:1].isdigit())


def _numbered_feet(lines: list[str]) -> set[int]:
    """In a text saved without its form feeds: pages that end at lines that only name them
    by their number ("Page 2", "Page 1 of 4", "Seite 3"; not a figure alone, nor one between
    dashes, as a letter may number its parts), two or more, rising."""
    named, _ = _page_words()
    feet = [(n, int(_DIGITS.findall(line)[0])) for n, line in enumerate(lines, start=1)
            if named.match(" ".join(line.split()))]
    if len(feet) < 2 or any(b <= a for (_, a), (_, b) in zip(feet, feet[1:])):
        return set()
    return {n + 1 for n, _ in feet}


def _key(text: str) -> str:
    """A line as a running head recurs: its numbers (the page's) aside."""
    return _DIGITS.sub("#", " ".join(text.split()).casefold())


def _furniture(pages: list[list[int]], lines: list[str]) -> set[int]:
    """Lines at the top or foot of pages that only number the page, or that recur there on
    other pages (their numbers aside: "Spring 2026 · Page 3"; not the first page's masthead),
    or, at the top of a page after the first, a running head naming the newsletter as its
    first page does ("St Columba's Parish Newsletter · 8 March 2026")."""
    edges = [[*page[:EDGE_LINES], *page[-EDGE_LINES:]] for page in pages]
    recurring = Counter(key for edge in edges for key in {_key(lines[n - 1]) for n in edge})
    running = max(2, min(RUNNING_PAGES, len(pages) - 1))
    opening = {w.casefold() for n in pages[0][:OPENING_LINES] for w in _WORD.findall(lines[n - 1])}
    found: set[int] = set()
    for index, page in enumerate(pages):
        for side in (page[:EDGE_LINES], page[::-1][:EDGE_LINES]):
            for number in side:
                text = lines[number - 1]
                head = side[0] == page[0]
                if not (_numbered(text) or
                        (index > 0 or not head) and recurring[_key(text)] >= running or
                        index > 0 and head and _named_head(text, opening)):
                    break
                found.add(number)
    return found


def _named_head(text: str, opening: set[str]) -> bool:
    """A line of parts with a figure in it, no sentence, most of whose words the first
    page's masthead uses: the newsletter's name over a page."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return bool(words) and _PARTS.search(text.strip()) is not None and \
        _DIGITS.search(text) is not None and _ENDED.search(text) is None and \
        len(text.split()) <= HEAD_WORDS and 2 * sum(w in opening for w in words) >= len(words)


def _contents(lines: list[str], printed: bool) -> set[int]:
    """A contents list: two or more entries with leaders ("Council news ........ 2"), or,
    in a printed text, three or more with their page's number before or after the title
    under a short label ("Contents" over "Welcome 1"), their pages in order; with the label
    over them ("In this issue", "Inhalt")."""
    found: set[int] = set()
    shapes = [_LEADERS, _NUMBER_AFTER, _NUMBER_BEFORE] if printed else [_LEADERS]
    for shape in shapes:
        run: list[tuple[int, int]] = []
        for number, line in [*enumerate(lines, start=1), (len(lines) + 1, "\0")]:
            if not line.strip() and run and number - run[-1][0] <= 2:
                continue  # a blank line between entries
            entry = _entry(shape, line)
            if entry is not None and (not run or entry >= run[-1][1] and
                                      number - run[-1][0] <= 2):
                run.append((number, entry))
                continue
            found |= _run(lines, run, shape is _LEADERS)
            run = [(number, entry)] if entry is not None else []
    return found


def _entry(shape: re.Pattern[str], line: str) -> int | None:
    """The page number of a contents entry of this shape, or None."""
    found = shape.match(" ".join(line.split())) if len(line) <= CONTENTS_LINE else None
    if found is None:
        return None
    title, page = (found[2], found[1]) if shape is _NUMBER_BEFORE else (found[1], found[2])
    if len(title.split()) > CONTENTS_WORDS or _ENDED.search(title) or not _WORD.search(title):
        return None
    return int(page)


def _run(lines: list[str], run: list[tuple[int, int]], leaders: bool) -> set[int]:
    """A run of entries and its label, when they make a contents list."""
    if len(run) < (2 if leaders else CONTENTS_ENTRIES):
        return set()
    label = _label(lines, run[0][0])
    if label is None and not leaders:
        return set()
    return {n for n, _ in run} | ({label} if label else set())


def _label(lines: list[str], first: int) -> int | None:
    """The short line over a contents list's first entry naming it ("Contents")."""
    for number in range(first - 1, max(0, first - 2 - LABEL_GAP), -1):
        text = lines[number - 1].strip()
        if not text:
            continue
        if len(text.split()) <= LABEL_WORDS and not _DIGITS.search(text) and \
                not _ENDED.search(text) and _WORD.search(text):
            return number
        return None
    return None


def _words(lines: list[str]) -> Counter[str]:
    """The text's words and hyphenated compounds, lower-case, but those a line's end breaks
    (the word that ends a line at a hyphen, and the one opening the next)."""
    words: Counter[str] = Counter()
    broken = False
    for line in lines:
        chunks = line.split()
        ends_broken = bool(chunks) and _last_word(line) != ""
        kept = chunks[1 if broken and chunks else 0:len(chunks) - ends_broken]
        for chunk in kept:
            chunk = _DASHES.sub("-", chunk.strip(".,;:!?()[]{}\"'“”‘’«»…").casefold())
            if not chunk:
                continue
            words[chunk] += 1
            if "-" in chunk:
                words.update(part for part in chunk.split("-") if part)
        broken = ends_broken if chunks else broken
    return words
