"""What each block of an issue is, before sections are built: heading levels, list entries,
labels and titled items. Each is found by small named rules, in order, that profiles can
switch off by name (`[rules] disable = [...]`).

Heading rules give a level (1-6 for markup, 7 for pseudo-headings such as a bold line, 8 for
a bare title-like line) or None; the first rule that gives a level takes the block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from digest.datewords import opens_with_day, written_date
from digest.model import Block
from digest.textwords import (
    EMOJI_JOINERS,
    ENDS_SENTENCE,
    QUESTION_MARKS,
    SENTENCE_ENDS,
    bracketed,
    is_emoji,
)

from .names import byline, opener
from .profiles import Profile, heading_key
from .rules import in_capitals, looks_like_heading, looks_like_name, one_link, words

PSEUDO_LEVEL = 7  # a bold, ALL-CAPS, emoji-led or colon line: below any markup heading
TITLE_LINE_LEVEL = 8  # a bare title-like line in text with no headings at all
_ENTRY = re.compile(r"^(?:([•·▪◦‣*+\-–])|(\d{1,3})[.)/]|([a-z])\))\s+(?=\S)")  # "1/" too
_CJK_ENTRY = re.compile(r"^([0-9０-９]{1,3})[、．]\s*(?=\S)")  # "1、", "１．": a numbered entry
CJK_TITLE_CHARACTERS = 40


def _titled_line(block: Block, start: int) -> bool:
    """After its number, a link, or a short title that ends no sentence ("纸做的扬声器")."""
    rest = block.text[start:].strip()
    return bool(block.links) or len(rest) <= CJK_TITLE_CHARACTERS and \
        not _TERMINAL.search(rest)
_LABEL = re.compile(r"^([A-Z][^:.!?\n]{0,40}?):\s+(?=\S)")
_AUTHOR_DASH = re.compile(r"^\s*[—–-]\s+(.+?)(?:\s+@\s+(.+))?$")
_SITE_ASIDE = re.compile(r"^\s*\(((?:[a-z0-9-]+\.)+[a-z]{2,})\)(?=\s|$)")  # " (example.dev)"
_SEPARATOR = re.compile(r"^\s*(?:$|[—–:|·(→⟶➜➔»]|-\s|->|=>)")  # "Title → why read it"
# A badge word between a title and its separator ("Title Video — A 40-minute talk…").
_BADGE_SEPARATOR = re.compile(r"^\s+(?:[A-Z][a-z]+|[A-Z]{2,})\s+(?:[—–|·]|-\s)")
_TERMINAL = ENDS_SENTENCE
_CLOCK = re.compile(r"^[(\[]?\d{1,2}:\d{2}\b")  # a chapter's time, where a title would be
# A statement's end: a headline may ask a question ("How much clamp pressure is enough?").
_STATEMENT_END = re.compile("[" + "".join(c for c in SENTENCE_ENDS if c not in QUESTION_MARKS)
                            + "]$")
LABEL_MAX_WORDS = 5
_QUESTION = re.compile("[" + QUESTION_MARKS + "][\"'”’»)\\]]*$")
ANSWER_BLOCKS = 3  # paragraphs an answer may run to in a list of questions and answers
HEADLINE_WORDS = 25  # a longer paragraph that is one link is a linked sentence
MAX_GAP = 3  # paragraphs between two titled paragraphs that still belong to the first
CALENDAR_LINES = 3  # lines opening with a day and month that make a calendar
BUTTON_WORDS, BUTTONS = 3, 3  # "View job" under each of three cards or more
DATE_LEAD_WORDS = 5  # a bold date opening an entry: "Sunday 20 December 2026"


@dataclass
class Marks:
    """The segmenter's reading of each block (by index), filled by the rules below."""

    blocks: list[Block]
    kinds: list[str | None]  # drop kinds, from the profile's patterns
    off: frozenset[str] = frozenset()  # rules the profile switched off
    by: tuple[str, ...] = ("by",)  # words introducing an author, in the language
    joins: tuple[str, ...] = ("and",)  # words joining two authors
    has_markup: bool = False  # some block is a Markdown/HTML/underlined heading
    heading: list[int | None] = field(default_factory=list)
    label: list[str | None] = field(default_factory=list)
    titled: list[str | None] = field(default_factory=list)  # "title" | "more" | "credit"
    category: list[bool] = field(default_factory=list)
    # entries that are the writer's own text (a thread's posts, quotes with their speakers)
    own: set[int] = field(default_factory=set)
    _lead_ins: Counter[str] | None = None
    _buttons: set[int] | None = None
    _listed: set[int] | None = None

    def __post_init__(self) -> None:
        n = len(self.blocks)
        self.heading, self.label, self.titled = [None] * n, [None] * n, [None] * n
        self.category = [False] * n
        self._next: list[int | None] = [None] * n  # the next block that is not dropped
        kept = None
        for i in range(n - 1, -1, -1):
            self._next[i] = kept
            if self.kinds[i] is None:
                kept = i

    def button(self, i: int) -> bool:
        """Whether block i is a card's button: a line of up to BUTTON_WORDS words that is one
        link, the same words BUTTONS times or more in the issue, each to a page of its own
        ("View job", "Tickets sichern", "Shop now" under each card)."""
        if self._buttons is None:
            found: dict[str, list[int]] = {}
            for j, b in enumerate(self.blocks):
                if self.kinds[j] is None and b.kind == "paragraph" and one_link(b, BUTTON_WORDS):
                    found.setdefault(b.text.strip().casefold(), []).append(j)
            self._buttons = {j for run in found.values() if len(run) >= BUTTONS and
                             len({self.blocks[j].links[0].url for j in run}) == len(run)
                             for j in run}
        return i in self._buttons

    def lead_ins(self) -> Counter[str]:
        """How many paragraphs each label-like lead-in ("Q:", "Why it matters:") opens."""
        if self._lead_ins is None:
            found = (_LABEL.match(b.text) for b in self.blocks if b.kind in ("paragraph", "quote"))
            self._lead_ins = Counter(m[1].casefold() for m in found if m)
        return self._lead_ins

    def listing_titles(self) -> set[int]:
        """The title lines of a listing set out in lines, each opening a group of lines and
        touching the details line under it (a date, a time or a price: "Sat 14 March,
        10am-5pm, Market Square"), with more text after; two or more."""
        if self._listed is None:
            found = set()
            before: Block | None = None
            for i, block in enumerate(self.blocks):
                above, before = before, (block if self.kinds[i] is None else before)
                j = self._next[i]
                if j is None or block.kind != "paragraph" or block.level or block.links or \
                        block.line != block.end_line or not looks_like_heading(block.text) or \
                        self.blocks[j].line not in (block.end_line, block.end_line + 1) or \
                        _details_line(block) or _LEADERS.search(block.text) or \
                        _LABEL.match(block.text):  # "From: Nell Harcourt": a field
                    continue
                if above is not None and above.kind not in ("heading", "rule") and \
                        above.end_line >= block.line - 1:
                    continue  # a line inside a group of lines (an author under a title)
                if _details_line(self.blocks[j]) and self._next[j] is not None:
                    found.add(i)
            self._listed = found if len(found) >= LISTING_TITLES else set()
        return self._listed

    def following(self, i: int) -> Block | None:
        """The next block that is not dropped."""
        j = self._next[i]
        return None if j is None else self.blocks[j]


# Heading rules -----------------------------------------------------------------------------

def markup_heading(marks: Marks, i: int) -> int | None:
    block = marks.blocks[i]
    return block.level if block.kind == "heading" else None


def _bare(marks: Marks, i: int) -> Block | None:
    """The block when it is a top-level paragraph of one line's worth, else None."""
    block = marks.blocks[i]
    if block.kind != "paragraph" or block.level or len(block.text) > 120:
        return None
    return block


def bold_heading(marks: Marks, i: int) -> int | None:
    """A paragraph that is entirely bold, with a word in it: a figure set in bold ("4,300"
    over "new species of beetle described in 2025") is the fact the next line explains."""
    block = _bare(marks, i)
    if block and block.lead_kind == "strong" and block.lead == block.text and \
            words(block.text) <= 18 and any(c.isalpha() for c in block.text) and \
            not _CLOCK.search(block.text):  # "Thursday, March 19 · 7:00 pm": an event's time
        return PSEUDO_LEVEL
    return None


# A time of day: "7:00 pm", "10:30", "7pm", "19.30 Uhr" (not "6.12%", "£2.50", "4.12").
_CLOCK = re.compile(r"(?<![£$€¥.,\d])\b\d{1,2}(?::\d{2}(?:\s*(?:[ap]\.?m\.?|h|uhr))?|"
                    r"\.\d{2}\s*(?:[ap]\.?m\.?|h|uhr)|\s*(?:[ap]\.?m\.?|uhr))(?![\w%])",
                    re.IGNORECASE)


def caps_heading(marks: Marks, i: int) -> int | None:
    """A short line in capitals, its number aside ("1. WHEN THE DISK IS FULL"): at least
    three letters, none of them lower-case; not a card's button, one link to the page its
    title above links ("RSVP")."""
    block = _bare(marks, i)
    if block is None or not in_capitals(_unnumbered(block.text)):
        return None
    if one_link(block, BUTTON_WORDS) and any(
            link.url == block.links[0].url for b in marks.blocks[max(0, i - CARD_BLOCKS):i]
            for link in b.links):
        return None
    return PSEUDO_LEVEL


CARD_BLOCKS = 6  # a card's title, details and blurb above its button


def _unnumbered(text: str) -> str:
    """The text without the number it opens with ("1. ", "3) ")."""
    found = _ENTRY.match(text)
    return text[found.end():] if found and found[2] else text


def emoji_heading(marks: Marks, i: int) -> int | None:
    """A short line led by an emoji ("🚀 Releases")."""
    block = _bare(marks, i)
    if block is None or not is_emoji(block.text[0]):
        return None
    rest = block.text[1:].lstrip(EMOJI_JOINERS + " ")
    if any(link.text.strip() != rest for link in block.links):
        return None  # "📄 [How HMR works](…) Lea Fournier": an entry, its title linked
    return PSEUDO_LEVEL if emoji_heading_text(rest) else None


def emoji_heading_text(rest: str) -> bool:
    """What follows a leading emoji reads as a heading: a few words, no sentence."""
    return bool(rest) and words(rest) <= 10 and not _TERMINAL.search(rest)


def bracket_heading(marks: Marks, i: int) -> int | None:
    """A short line wholly in heading brackets ("【イベント】")."""
    block = _bare(marks, i)
    inner = bracketed(block.text) if block else None
    return PSEUDO_LEVEL if inner and words(inner) <= 10 else None


def colon_heading(marks: Marks, i: int) -> int | None:
    """A short line ending in ':' right above a list."""
    block = _bare(marks, i)
    if block is None or not block.text.endswith(":") or words(block.text) > 6:
        return None
    if not (block.text[0].isupper() or block.text[0].isdigit()):
        return None
    nxt = marks.following(i)
    return PSEUDO_LEVEL if nxt is not None and nxt.kind == "item" else None


def listing_title(marks: Marks, i: int) -> int | None:
    """The title of a listing's entry, over the details line it touches ("Dark Skies Evening"
    over "Fri 20 March, 7pm-10pm, Holm Point car park"), in a listing of two or more."""
    return PSEUDO_LEVEL if i in marks.listing_titles() else None


LISTING_TITLES = 2
_LEADERS = re.compile(r"\.{4,}|…{2,}")  # "Offertory ........ $ 6,412.00": a table's row
DETAILS_WORDS = 15  # "Every Sat and Sun from 21 March to 12 April, 10am-4pm, Fellside Farm"
_TIME_OR_PRICE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|h)\b|\b\d{1,2}:\d{2}\b|"
                            r"[£$€¥₹]\s?\d|\d\s?(?:€|EUR|GBP|USD|kr|zł)\b", re.IGNORECASE)


def _details_line(block: Block) -> bool:
    """A line giving when, where or how much, no sentence: a date, a time or a price in it."""
    text = block.text.strip()
    return block.kind == "paragraph" and not block.level and \
        0 < words(text) <= DETAILS_WORDS and not _TERMINAL.search(text) and \
        any(c.isdigit() for c in text) and (
            opens_with_day(text) or written_date(text) is not None or
            bool(_TIME_OR_PRICE.search(text)))


def title_line_heading(marks: Marks, i: int) -> int | None:
    """In text with no markup headings, a title-like line standing alone between paragraphs."""
    block = _bare(marks, i)
    if block is None or marks.has_markup or not looks_like_heading(block.text):
        return None
    if _is_key_value(block.text) or (block.lead and block.lead != block.text):
        return None  # "Topics: a, b, c"; "[Title](url) — Author": a field, a titled item
    if [link.text for link in block.links] == [block.text]:
        return None  # a linked line: a story's headline or a button, not a heading
    label = _LABEL.match(block.text)
    if label and marks.lead_ins()[label[1].casefold()] > 1:
        return None  # "Q: When should I prune it?": one of several labelled paragraphs
    nxt = marks.following(i)
    if nxt is None or nxt.kind != "item" and looks_like_heading(nxt.text):
        return None  # a title over a title; "Top stories" over its list is a heading
    return TITLE_LINE_LEVEL


def _is_key_value(text: str) -> bool:
    """"Topics: a, b, c": a field and its values, not a title."""
    head, colon, rest = text.partition(": ")
    return bool(colon) and words(head) <= 3 and rest.count(",") >= 2


HEADING_RULES: list[tuple[str, Callable[[Marks, int], int | None]]] = [
    ("markup_heading", markup_heading),
    ("bold_heading", bold_heading),
    ("caps_heading", caps_heading),
    ("emoji_heading", emoji_heading),
    ("bracket_heading", bracket_heading),
    ("colon_heading", colon_heading),
    ("listing_title", listing_title),
    ("title_line_heading", title_line_heading),
]


# Passes over the whole issue ----------------------------------------------------------------

def _entry(text: str) -> re.Match[str] | None:
    """A list line's marker, unless the number it opens with is a day with its month ("3. März:
    Elternabend", "20. marts | …": a date written day first, not entry 3) or numbers a
    heading in capitals ("3) ETKİNLİK TAKVİMİ")."""
    found = _ENTRY.match(text)
    if found and found[2] and (opens_with_day(text) or _numbered_heading(text[found.end():])):
        return None
    return found


def _numbered_heading(rest: str) -> bool:
    """"3) ETKİNLİK TAKVİMİ": a numbered heading in capitals, over its part, not an entry."""
    return in_capitals(rest) and words(rest) <= NUMBERED_HEADING_WORDS and \
        not _TERMINAL.search(rest)


NUMBERED_HEADING_WORDS = 10  # as many as a line in capitals may have


def text_lists(marks: Marks) -> None:
    """Runs of plain-text list lines become list entries: marker off, nesting from 1.

    A lone numbered line among paragraphs stays a paragraph (it may be a numbered subhead);
    a bullet at the depth of numbered entries before it is one of their sub-entries. An emoji
    opening a paragraph of text (not a short heading-like line) is a bullet too ("🔹 …").
    """
    blocks = marks.blocks
    entries = [i for i, b in enumerate(blocks)
               if b.kind == "paragraph" and marks.kinds[i] is None and
               (_entry(b.text) or _emoji_bullet(b.text))]
    listed = set(entries)
    numbered_depth: int | None = None
    for i in entries:
        before = _neighbour(marks, i, -1, listed)
        after = _neighbour(marks, i, 1, listed)
        if before not in listed and after not in listed:
            numbered_depth = None
            continue
        if before not in listed:
            numbered_depth = None
        block = blocks[i]
        found = _entry(block.text)
        bullet = found.group(1) if found else block.text[:1]
        number = found.group(2) if found else None
        depth = block.level + 1
        if bullet and numbered_depth == depth:
            depth += 1
        elif number:
            numbered_depth = depth
        text = block.text[found.end():] if found else block.text[_emoji_bullet(block.text):]
        blocks[i] = replace(block, kind="item", level=depth, text=text,
                            number=int(number) if number else None)


# A lettered entry's mark: "A)", "D1)", "b.", the letter then perhaps a figure (a superset's
# "D1)" and "D2)").
_LETTERED = re.compile(r"^([A-Za-z])(\d{0,2})[.)]\s+(?=\S)")
LETTERED_ENTRIES = 2


def lettered_lists(marks: Marks) -> None:
    """Lines in a row lettered in turn from A or a ("A)  Back squat", "B)  Romanian
    deadlift", "D1) …", "D2) …"; "a. …", "b. …"): list entries, each its own, the letter off."""
    blocks, run = marks.blocks, []
    for i in range(len(blocks) + 1):
        found = _lettered(blocks[i], marks.kinds[i]) if i < len(blocks) else None
        if found and (run and _next_letter(run[-1][1], found) or
                      found[1] in "Aa" and not run):
            run.append((i, found))
            continue
        if len(run) >= LETTERED_ENTRIES and len({m[1] for _, m in run}) >= LETTERED_ENTRIES:
            for j, m in run:
                blocks[j] = replace(blocks[j], kind="item", level=blocks[j].level + 1,
                                    text=blocks[j].text[m.end():])
        run = [(i, found)] if found and found[1] in "Aa" else []


def _lettered(block: Block, kind: str | None) -> re.Match[str] | None:
    if block.kind != "paragraph" or kind is not None:
        return None
    return _LETTERED.match(block.text)


def _next_letter(last: re.Match[str], found: re.Match[str]) -> bool:
    """`found` letters the entry after `last`: the next letter, in the same case and with the
    same mark, or the same letter with the next figure ("D1)" over "D2)")."""
    if found[0].rstrip()[-1] != last[0].rstrip()[-1] or \
            found[1].isupper() != last[1].isupper():
        return False
    if found[1] == last[1]:
        return bool(found[2] and last[2]) and int(found[2]) == int(last[2]) + 1
    return ord(found[1]) == ord(last[1]) + 1


# A thread's post number: "1/12 …", "3/ …", a keycap "1️⃣ …" before the post, or "… (1/6)"
# after it.
_POST_OPENING = re.compile(r"^(\d{1,3})/(\d{1,3})?\s+(?=\S)|^(\d)\ufe0f?\u20e3\s*(?=\S)")
_POST_CLOSING = re.compile(r"\s+\(?(\d{1,3})/(\d{1,3})\)?$")
_SENTENCE_INSIDE = re.compile(f"[{SENTENCE_ENDS}](?:[\"'”’)]*)(?:\\s|$)")
_NUMBER_ONLY = re.compile(r"\d{1,3}/\d{0,3}|")  # a bold "**1/12**" numbers the post, no title
POST_WORDS = 5  # a thread's post is a statement, not a calendar's "1/12 Advent concert"


def _post(block: Block) -> tuple[int, int | None, str] | None:
    """A paragraph numbered as a thread's post: its number, the thread's length when given,
    and its text without the number (or its bold lead, "**1/12**")."""
    if block.kind != "paragraph" or block.level:
        return None
    text = block.text.strip()
    found = _POST_OPENING.match(text)
    if found:
        number, total, rest = int(found[1] or found[3]), found[2], text[found.end():]
    elif found := _POST_CLOSING.search(text):
        number, total, rest = int(found[1]), found[2], text[:found.start()]
    else:
        return None
    if words(rest) < POST_WORDS or not _SENTENCE_INSIDE.search(rest):
        return None
    return number, int(total) if total else None, rest


def thread_posts(marks: Marks) -> None:
    """Paragraphs numbered as a thread's posts from 1 on, one after another ("1/12 …",
    "2/12 …"; "… (1/6)"; "1️⃣ …"), each a statement: list entries, the number off and no
    title; a paragraph between two posts goes on the one before."""
    posts = {i: found for i, b in enumerate(marks.blocks)
             if marks.kinds[i] is None and (found := _post(b))}
    run: list[int] = []
    for i in [*sorted(posts), None]:
        last = posts[run[-1]] if run else None
        if i is not None and last and posts[i][0] == last[0] + 1 and posts[i][1] == last[1] \
                and (last[1] is None or posts[i][0] <= last[1]):
            run.append(i)
            continue
        if len(run) >= THREAD_POSTS:
            _as_posts(marks, run, posts)
        run = [i] if i is not None and posts[i][0] == 1 else []


THREAD_POSTS = 2


def _as_posts(marks: Marks, run: list[int], posts: dict[int, tuple[int, int | None, str]],
              ) -> None:
    """Each post of a thread a list entry; the paragraphs between posts their text."""
    blocks = marks.blocks
    for n, i in enumerate(run):
        number, _, text = posts[i]
        lead = None if _NUMBER_ONLY.fullmatch((blocks[i].lead or "").strip()) else blocks[i].lead
        blocks[i] = replace(blocks[i], kind="item", level=1, number=number, text=text,
                            lead=lead, lead_kind=blocks[i].lead_kind if lead else None)
        end = run[n + 1] if n + 1 < len(run) else i + 1
        for j in range(i + 1, end):
            if marks.kinds[j] is None and blocks[j].kind == "paragraph" and not blocks[j].level:
                blocks[j] = replace(blocks[j], level=1)
        marks.own.add(i)


def calendar_lines(marks: Marks) -> None:
    """Runs of CALENDAR_LINES or more lines in a row, each opening with a day and month ("Sat
    7 Dec — Winter social ride", "Sáb 14 dic — Hackatón") or a time ("04:10 - How she started
    diving", a recording's chapters), are a calendar: list entries."""
    blocks, run = marks.blocks, []
    for i in range(len(blocks) + 1):
        block = blocks[i] if i < len(blocks) else None
        if block is not None and block.kind == "paragraph" and marks.kinds[i] is None and \
                block.line == block.end_line and (opens_with_day(block.text) or
                                                  _CLOCK.match(block.text)):
            run.append(i)
            continue
        if len(run) >= CALENDAR_LINES:
            for j in run:
                blocks[j] = replace(blocks[j], kind="item", level=1)
        run = []


def numbered_blurbs(marks: Marks) -> None:
    """Linked numbered lines in a row (1, 2, 3…), each followed by one paragraph and nothing
    else ("1) PgBouncer-style pooling lands" over its address, then what it is about): the
    entries of a list, the paragraphs their own text (a numbered line with no link may be a
    subhead of an essay)."""
    blocks = marks.blocks
    numbers = {i: int(found[2]) for i, b in enumerate(blocks)
               if b.kind in ("paragraph", "item") and marks.kinds[i] is None and b.links and
               b.level <= 1 and (found := _entry(b.text)) and found[2]}
    numbers.update({i: int(found[1]) for i, b in enumerate(blocks)  # "1、**纸做的扬声器**"
                    if b.kind == "paragraph" and marks.kinds[i] is None and not b.level and
                    (found := _CJK_ENTRY.match(b.text)) and _titled_line(b, found.end())})
    entries = sorted(numbers)
    run: list[tuple[int, int]] = []
    for n, i in enumerate(entries):
        blurb = _neighbour(marks, i, 1)
        after = _neighbour(marks, blurb, 1) if blurb is not None else None
        nxt = entries[n + 1] if n + 1 < len(entries) else None
        ends_run = nxt is None or numbers[nxt] != numbers[i] + 1
        if blurb is None or blocks[blurb].kind != "paragraph" or blocks[blurb].level or \
                (not ends_run and after != nxt) or \
                (ends_run and after is not None and blocks[after].kind == "paragraph" and
                 not looks_like_heading(blocks[after].text)):
            run = []
            continue
        run.append((i, blurb))
        if ends_run:
            for entry, text in run if len(run) >= 2 else []:
                found = _entry(blocks[entry].text) or _CJK_ENTRY.match(blocks[entry].text)
                blocks[entry] = replace(blocks[entry], kind="item", level=1,
                                        text=blocks[entry].text[found.end():],
                                        number=numbers[entry])
                blocks[text] = replace(blocks[text], level=1)
            run = []


def site_blurbs(marks: Marks) -> None:
    """Lines of a title and the site it is from in brackets, each over one paragraph ("The
    quiet death of the blogroll (mossbank.example)" / what it argues), two or more in a row:
    the entries of a list of links written in plain text, the paragraphs their text."""
    blocks = marks.blocks
    titled = [i for i, b in enumerate(blocks)
              if b.kind == "paragraph" and not b.level and marks.kinds[i] is None and
              b.line == b.end_line and _SITE_TITLED.match(b.text)]
    run: list[tuple[int, int]] = []
    for n, i in enumerate(titled):
        blurb = _neighbour(marks, i, 1)
        nxt = titled[n + 1] if n + 1 < len(titled) else None
        after = _neighbour(marks, blurb, 1) if blurb is not None else None
        if blurb is None or blurb == nxt or blocks[blurb].kind != "paragraph" or \
                blocks[blurb].level:
            run = []
            continue
        run.append((i, blurb))
        if after != nxt or nxt is None:
            for entry, text in run if len(run) >= 2 else []:
                blocks[entry] = replace(blocks[entry], kind="item", level=1)
                blocks[text] = replace(blocks[text], level=1)
            run = []


_SITE_TITLED = re.compile(r"^\S.{2,150}?\s\((?:[a-z0-9-]+\.)+[a-z]{2,}\)$", re.IGNORECASE)


def _emoji_bullet(text: str) -> int:
    """Where the text starts after an emoji opening a paragraph of text (0: none there)."""
    if not text or not is_emoji(text[0]):
        return 0
    rest = text[1:].lstrip(EMOJI_JOINERS)
    if not rest[:1].isspace() or emoji_heading_text(rest.strip()):
        return 0
    return len(text) - len(rest.lstrip())


def _neighbour(marks: Marks, i: int, step: int, listed: set[int] | None = None) -> int | None:
    """The next block that is no furniture (and, given the list lines, no text indented
    under an entry)."""
    blocks, j = marks.blocks, i + step
    while 0 <= j < len(blocks) and (marks.kinds[j] is not None or (
            listed is not None and j not in listed and blocks[j].kind == "paragraph" and
            blocks[j].level > blocks[i].level)):
        j += step
    return j if 0 <= j < len(blocks) else None


def credit_lines(marks: Marks) -> None:
    """A line of a few names alone right under an entry that opens with its title ("Pebble
    Signals ( https://… ) — A tiny…" over "Hanno Virtanen"), or under a linked headline (over
    its snippet), under two or more of the issue's entries, credits that entry (its author or
    source, or its sponsor: "Sponsor Flagpole"): no heading, no paragraph of its own."""
    found = []
    for i, block in enumerate(marks.blocks):
        j = marks._next[i]
        if j is None or marks.kinds[i] is not None or block.kind != "paragraph" or \
                block.level or not _credit_line(marks.blocks[j], marks.joins):
            continue
        if opens_with_title(block, marks.by) or _linked_line(block) and _snippet(marks, j):
            found.append(j)
    if len(found) >= CREDITED_ENTRIES:
        for j in found:
            marks.titled[j] = "credit"


def _snippet(marks: Marks, j: int) -> bool:
    """The block after block j is text, not a title: a headline's snippet under its source."""
    k = marks._next[j]
    return k is not None and marks.blocks[k].kind == "paragraph" and \
        not _linked_line(marks.blocks[k]) and words(marks.blocks[k].text) > HEADLINE_WORDS // 2


def _linked_line(block: Block) -> bool:
    """A headline that is one link and nothing else, over its source and its snippet (a news
    alert's "Residents split over tidal lagoon plan" / "The Coastal Ledger" / "…")."""
    return block.lead_kind == "link" and block.lead == block.text and len(block.links) == 1


CREDITED_ENTRIES = 2
_NOT_IN_CREDIT = re.compile(r"[\d·•|/£$€¥]")
CREDIT_WORDS = 4  # "Léa Fontaine", "Sponsor Flagpole", "Uber Engineering Blog"


def _credit_line(block: Block, joins: tuple[str, ...] = ("and",)) -> bool:
    """One short line of words none in lower case, with no link, mark, figure, field
    separator ("Free · Brookside", "Raum Elbe / Videokonferenz") or closing stop; or two such
    names joined ("Oksana Hrebenyuk and the Rolldown Team")."""
    parts = block.text.split()
    joined = [n for n, p in enumerate(parts) if p in joins]
    names = [parts[:joined[0]], parts[joined[0] + 1:]] if len(joined) == 1 else [parts]
    if len(names) == 2 and names[1][:1] == ["the"]:
        names[1] = names[1][1:]  # "… and the Rolldown Team"
    return block.kind == "paragraph" and not block.level and block.line == block.end_line \
        and not block.links and block.lead is None and \
        all(0 < len(name) <= CREDIT_WORDS and not any(p[:1].islower() for p in name)
            for name in names) and not _TERMINAL.search(block.text) and \
        not _LABEL.match(block.text) and _NOT_IN_CREDIT.search(block.text) is None


def headings(marks: Marks) -> None:
    """Each block's heading level, from the first heading rule that gives one."""
    rules = [rule for name, rule in HEADING_RULES if name not in marks.off]
    marks.has_markup = any(b.kind == "heading" for b in marks.blocks)
    for i, block in enumerate(marks.blocks):
        if marks.kinds[i] is not None or block.kind not in ("heading", "paragraph") or \
                marks.titled[i] == "credit":
            continue
        for rule in rules:
            level = rule(marks, i)
            if level is not None:
                marks.heading[i] = level
                break


def badges(marks: Marks) -> None:
    """A pseudo-heading (a line in capitals or bold) that the issue repeats word for word,
    each time right over a title (a heading, or a short line that is no sentence), is a badge
    on that title ("OPEN ACCESS" over two articles of a contents alert), not a section's
    name. It stays a line of text."""
    found = [i for i, level in enumerate(marks.heading)
             if level == PSEUDO_LEVEL and marks.blocks[i].kind == "paragraph"]
    seen = Counter(heading_key(marks.blocks[i].text) for i in found)
    for i in found:
        if seen[heading_key(marks.blocks[i].text)] > 1 and _over_title(marks, i):
            marks.heading[i] = None


def _over_title(marks: Marks, i: int) -> bool:
    j = _neighbour(marks, i, 1)
    if j is None:
        return False
    below = marks.blocks[j]
    return marks.heading[j] is not None or below.kind == "paragraph" and \
        words(below.text) <= HEADLINE_WORDS and not _STATEMENT_END.search(below.text.rstrip())


def categories(marks: Marks) -> None:
    """A top-level list entry that only introduces deeper entries is a category."""
    for i, block in enumerate(marks.blocks):
        if block.kind != "item" or block.level != 1 or marks.kinds[i] is not None:
            continue
        nxt = marks.following(i)
        short = words(block.text) <= 8 and not _TERMINAL.search(block.text)
        if nxt is not None and nxt.kind == "item" and nxt.level > 1 and short:
            marks.category[i] = True


def labels(marks: Marks) -> None:
    """A short lead-in ending in ':' that opens two or more of an issue's paragraphs, or that
    is bold in a paragraph next to another opening with a bold one ("**Why it matters:** …"
    over "**What's next:** …", under one story), or a bold name where two or more bold names
    recur (an exchange's speakers: "**Noor:**" answering once beside "**Priya:**")."""
    found: list[str | None] = []
    for i, block in enumerate(marks.blocks):
        match = _LABEL.match(block.text) if block.kind in ("paragraph", "quote") else None
        ok = match and marks.heading[i] is None and words(match[1]) <= LABEL_MAX_WORDS and \
            not (block.lead_kind == "link" and (block.lead or "").startswith(match[0].rstrip()))
        # (not the opening of a linked title: "Ask HN: What's your most boring …")
        found.append(match[1] if ok else None)
    counts = Counter(label.casefold() for label in found if label)
    bold = [label is not None and block.lead_kind == "strong" and
            block.lead.rstrip(": ") == label.strip() for block, label in zip(marks.blocks, found)]
    paired = [flag and any(bold[max(i - 1, 0):i] + bold[i + 1:i + 2])
              for i, flag in enumerate(bold)]  # a bold one next to another
    speakers = {label.casefold() for label, flag in zip(found, bold)
                if flag and counts[label.casefold()] > 1 and _speaker(label)}
    spoken = [flag and len(speakers) >= SPEAKERS and _speaker(label)
              for label, flag in zip(found, bold)]  # one who speaks once, among others
    marks.label = [label if label and (counts[label.casefold()] > 1 or paired[i] or spoken[i])
                   else None for i, label in enumerate(found)]


SPEAKERS = 2  # bold names each opening two or more paragraphs: an exchange's speakers
SPEAKER_WORDS = 3


def _speaker(label: str | None) -> bool:
    """A label that is a name ("Priya", "MO", "Dr Reyes"): every word capitalized."""
    parts = (label or "").split()
    return 0 < len(parts) <= SPEAKER_WORDS and all(p[:1].isupper() for p in parts)


def dialogue(marks: Marks) -> None:
    """Two or more questions in a row, each right above its answer, are a list of questions
    and answers: each question an entry titled by it, its answer (up to ANSWER_BLOCKS
    paragraphs) the entry's text. A question is a bold paragraph asking something, or a
    labelled one ("Q: …?") whose answer opens with another label ("A: …"); the asker's
    signature between them ("- Puzzled, plot 12") credits the entry."""
    i = 0
    while i < len(marks.blocks):
        run = _exchange(marks, i)
        if len(run) < 2:
            i += 1
            continue
        for question, signed, answer in run:
            _as_entry(marks, question, "title")
            if signed is not None:  # who asked, without the dash
                marks.blocks[signed] = replace(marks.blocks[signed], text=_AUTHOR_DASH.match(
                    marks.blocks[signed].text)[1].strip())
                marks.titled[signed] = "credit"
            for j in answer:
                _as_entry(marks, j, "more")
        i = run[-1][2][-1] + 1


def _exchange(marks: Marks, i: int) -> list[tuple[int, int | None, list[int]]]:
    """The questions from block i on, each with its asker's signature and its answer's
    blocks, while each question follows the answer before it and keeps the first one's label
    (or boldness). Once the first answer's label is known, a line under the asker's label
    that asks nothing ("Tell me about the kiln.") is a question too when that label answers
    it."""
    run: list[tuple[int, int | None, list[int]]] = []
    asker, replier = marks.label[i], None
    while i < len(marks.blocks) and marks.kinds[i] is None and _asks(marks, i, asker, replier):
        answer: list[int] = []
        signed = _signature(marks, i)
        j = marks._next[i if signed is None else signed]
        while j is not None and len(answer) < ANSWER_BLOCKS and _answers(marks, j, asker,
                                                                          not answer):
            answer.append(j)
            j = marks._next[j]
        if not answer or j is not None and len(answer) == ANSWER_BLOCKS and \
                _answers(marks, j, asker, False):
            break  # no answer, or one longer than an entry's: a heading's text
        run.append((i, signed, answer))
        replier = replier or marks.label[answer[0]]
        if j is None:
            break
        i = j
    return _closed(run)


def _closed(run: list[tuple[int, int | None, list[int]]],
            ) -> list[tuple[int, int | None, list[int]]]:
    """The last answer runs no longer than the longest before it: the paragraphs after that
    close the issue or section ("That's all for March.", the writer's name), answering
    nothing."""
    if len(run) < 2:
        return run
    longest = max(len(answer) for _, _, answer in run[:-1])
    question, signed, answer = run[-1]
    return [*run[:-1], (question, signed, answer[:longest])]


SIGNATURE_WORDS = 10  # "- Worried about my plums, plot 12": who asked, under the question


def _signature(marks: Marks, i: int) -> int | None:
    """The line right under question i that signs it: a dash and a few words, no sentence."""
    j = marks._next[i]
    if j is None or marks.blocks[j].kind != "paragraph" or marks.blocks[j].level:
        return None
    text = marks.blocks[j].text.strip()
    signed = _AUTHOR_DASH.match(text) and words(text) <= SIGNATURE_WORDS and \
        not _TERMINAL.search(text) and "\n" not in text
    return j if signed else None


LONG_QUESTION_WORDS = 2 * HEADLINE_WORDS  # a bold question with its lead-in, too long for a heading


def _asks(marks: Marks, i: int, asker: str | None, replier: str | None = None) -> bool:
    block = marks.blocks[i]
    if block.kind != "paragraph" or block.level or marks.label[i] != asker:
        return False
    if asker is not None:
        return bool(_QUESTION.search(block.text)) or replier is not None and \
            _replied(marks, i, replier)
    return block.lead_kind == "strong" and block.lead == block.text and \
        (marks.heading[i] is not None or words(block.text) <= LONG_QUESTION_WORDS) and \
        bool(_QUESTION.search(block.text))


def _replied(marks: Marks, i: int, replier: str) -> bool:
    """The block under block i (past a signature) opens with the label that answers."""
    j = marks._next[_signature(marks, i) or i]
    return j is not None and marks.label[j] == replier


def _answers(marks: Marks, j: int, asker: str | None, first: bool) -> bool:
    """Block j goes on answering: a plain paragraph that is not another question nor a box
    of its own ("**Bio:** born in…"), opening with a label of its own when the questions
    have one (only the first needs it)."""
    block = marks.blocks[j]
    if block.kind != "paragraph" or block.level or marks.heading[j] is not None or \
            _asks(marks, j, asker) or (asker is not None and marks.label[j] == asker) or \
            _boxed(marks, j):
        return False
    return not first or asker is None or marks.label[j] is not None


def _boxed(marks: Marks, j: int) -> bool:
    """A paragraph opening with a bold lead-in ending in a colon that is no speaker's label:
    a box set after the exchange ("**About the author:** …")."""
    block = marks.blocks[j]
    return marks.label[j] is None and block.lead_kind == "strong" and bool(block.lead) and \
        block.text.startswith(block.lead) and block.lead.rstrip().endswith((":", "："))


def _as_entry(marks: Marks, i: int, role: str) -> None:
    """A question (role "title") or a paragraph of its answer ("more"), its label taken off."""
    block, label = marks.blocks[i], marks.label[i]
    bold_label = _LABEL.match(block.text) if role == "title" and not label else None
    if bold_label and marks.lead_ins()[bold_label[1].casefold()] > 1:  # "**Q: How …?**"
        label = bold_label[1]
    text = block.text[len(label) + 1:].lstrip() if label else block.text
    if role == "title":
        marks.blocks[i] = replace(block, text=text, lead=text, lead_kind="strong")
    elif label:
        marks.blocks[i] = replace(block, text=text)
    marks.heading[i], marks.label[i], marks.titled[i] = None, None, role


def titled_items(marks: Marks) -> None:
    """Paragraphs opening with a bold or linked title, two or more close together, are items;
    the paragraphs between them (or up to the next rule, when rules part them) belong to the
    title before. A linked headline alone on its line takes the paragraph under it."""
    titles = [i for i in range(len(marks.blocks)) if _is_title(marks, i) or _is_headline(marks, i)]
    runs: list[list[int]] = []
    for i in titles:
        if runs and _joins(marks, runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        ruled = all(_rule_before(marks, i) for i in run)
        for n, i in enumerate(run):
            marks.titled[i] = "title"
            end = run[n + 1] if n + 1 < len(run) else len(marks.blocks)
            for j in range(i + 1, end):
                if not _continues(marks, j):
                    break
                if marks.kinds[j] is None and marks.titled[j] is None:
                    marks.titled[j] = "more"
            if n + 1 == len(run) and not ruled:
                blurbed = _is_headline(marks, i) or _blurbed_titles(marks, run)
                for j in range(i + 1, end):
                    if marks.titled[j] == "more" and not (
                            blurbed and j == _neighbour(marks, i, 1)):
                        marks.titled[j] = None


def _blurbed_titles(marks: Marks, run: list[int]) -> bool:
    """Every title of the run a line of its own ("**The Salt Clerk** by Ines Harrowgate", no
    sentence) with a paragraph under it: the last one's blurb is the paragraph under it too."""
    def blurbed(i: int) -> bool:
        below = _neighbour(marks, i, 1)
        return below is not None and marks.titled[below] == "more"

    return all(not _STATEMENT_END.search(marks.blocks[i].text.rstrip()) and
               (n + 1 == len(run) or blurbed(i)) for n, i in enumerate(run))


def _is_title(marks: Marks, i: int) -> bool:
    block = marks.blocks[i]
    if block.kind != "paragraph" or block.level or not block.lead or marks.kinds[i]:
        return False
    if marks.heading[i] is not None or marks.label[i] or block.lead == block.text:
        return False
    return opens_with_title(block, marks.by) or _rule_before(marks, i)


def _is_headline(marks: Marks, i: int) -> bool:
    """A paragraph that is one link and nothing else, not a statement ("**BuildKit 3 halves
    cold builds**" as a link, or a question), with a paragraph of text right under it: a
    story's headline over its blurb."""
    block = marks.blocks[i]
    if block.kind != "paragraph" or block.level or block.lead_kind != "link" or \
            block.lead != block.text or marks.kinds[i] or marks.heading[i] is not None or \
            words(block.text) > HEADLINE_WORDS or _STATEMENT_END.search(block.text):
        return False
    j = _neighbour(marks, i, 1)
    if j is None or j != i + 1:
        return False
    below = marks.blocks[j]
    return below.kind == "paragraph" and marks.heading[j] is None and not below.level and \
        below.lead != below.text and not _is_title(marks, j)


def opens_with_title(block: Block, by: tuple[str, ...] = ("by",)) -> bool:
    """A bold opening, or a link followed by a separator ("[Title](url) — Author", "by X"),
    rather than a link on a phrase of a sentence."""
    if not block.lead or block.lead == block.text or not block.text.startswith(block.lead):
        return False
    rest = block.text[len(block.lead):]
    return block.lead_kind == "strong" or bool(_SEPARATOR.match(rest) or opener(by).match(rest)
                                               or _BADGE_SEPARATOR.match(rest))


def _continues(marks: Marks, j: int) -> bool:
    block = marks.blocks[j]
    return marks.kinds[j] is not None or (
        marks.heading[j] is None and block.kind in ("paragraph", "quote", "code")
        and not _is_title(marks, j))


def _joins(marks: Marks, a: int, b: int) -> bool:
    """Whether title b follows title a in the same run: only rules, dropped lines and a few
    paragraphs between them, and both marked the same way (or both right after a rule)."""
    same = marks.blocks[a].lead_kind == marks.blocks[b].lead_kind
    if not same and not (_rule_before(marks, a) and _rule_before(marks, b)):
        return False
    between = [j for j in range(a + 1, b) if marks.kinds[j] is None and not marks.button(j)]
    if any(marks.heading[j] is not None or marks.blocks[j].kind in ("item", "heading")
           for j in between):
        return False
    return sum(1 for j in between if marks.blocks[j].kind != "rule") <= MAX_GAP


def _rule_before(marks: Marks, i: int) -> bool:
    j = _neighbour(marks, i, -1)
    return j is not None and marks.blocks[j].kind == "rule"


def title_parts(block: Block, by: tuple[str, ...] = ("by",), joins: tuple[str, ...] = ("and",),
                ) -> tuple[str | None, str | None, str | None]:
    """The title a block opens with, its author ("by X", "— X @ Outlet") and outlet."""
    if not block.lead or not block.text.startswith(block.lead) or \
            block.lead_kind == "strong" and _only_a_date(block.lead) and \
            not any(link.text.strip() == block.lead.strip() for link in block.links):
        return None, None, None  # "**20 December (Sun)** Winter solstice fair": no title
    rest = block.text[len(block.lead):]
    author = byline(rest, by, joins)
    if author:
        return block.lead, author, None
    site = _SITE_ASIDE.match(rest)
    if site:  # "Title (example.dev) — what it says": the site it is on is its outlet
        return block.lead, None, site[1]
    dash = None if _CLOCK.match(block.lead) else _AUTHOR_DASH.match(rest)  # "03:12 — Intro"
    if dash:
        _, comma, after = dash[1].partition(",")
        author = byline(comma + after, by, joins) if comma else None  # "— 38 min, by Ana Ruiz"
        if author:
            return block.lead, author, None
    if dash and words(dash[1]) <= 10 and not _TERMINAL.search(dash[1]) and \
            (dash[1][:1].isalpha() or dash[1][:1] == "@") and not dash[1][:1].islower() and \
            not any(c.isdigit() for w in dash[1].split() if w[:1] != "@" for c in w) and \
            _reads_as_names(dash[1], joins):
        # a name opens with a letter (not a figure, a price: "— 38 min", "– £10") and holds
        # no figure ("— Sa, 14 März, 20 Uhr"; a handle may: "— @dev42"), nor opens in lower
        # case ("— part-time")
        outlet = dash[2].strip() if dash[2] and words(dash[2]) <= 8 else None
        return block.lead, dash[1].strip(), outlet
    return block.lead, None, None


def _only_a_date(text: str) -> bool:
    """A bold opening that is a date, not a title: an event's day in a calendar."""
    return words(text) <= DATE_LEAD_WORDS and (written_date(text) is not None or
                                               opens_with_day(text))


def _reads_as_names(text: str, joins: tuple[str, ...]) -> bool:
    """Text after a title's dash that may name who wrote it or where ("Ana Ruiz and Tom Lee",
    "Uber Engineering blog"), not a comment on it: no lower-case word after a join ("Small
    and opinionated") nor after a comma, colon or sentence's end inside it ("Cheeky, but the
    numbers hold up")."""
    return not any(found[1].islower() for found in _breaks(joins).finditer(text.strip()))


@lru_cache(maxsize=16)
def _breaks(joins: tuple[str, ...]) -> re.Pattern[str]:
    """Where a name list could go on: after a comma, colon or sentence's end, or a join."""
    joined = "|".join(re.escape(j) for j in (*joins, "and", "&"))
    return re.compile(rf"(?:[,:;{SENTENCE_ENDS}]|\s(?:{joined}))\s+(\w)")


def quote_attributions(marks: Marks) -> None:
    """A list of one entry that is only a name, right under a quote ("> Simple things should
    be simple." over "- Alan Kay"), names who said it: a line "— Alan Kay", not a list."""
    blocks = marks.blocks
    for i in range(1, len(blocks)):
        block = blocks[i]
        if block.kind != "item" or marks.kinds[i] is not None or blocks[i - 1].kind != "quote" \
                or block.links or not looks_like_name(block.text.strip()):
            continue
        after = _neighbour(marks, i, 1)
        if after is not None and blocks[after].kind == "item":
            continue
        blocks[i] = replace(block, kind="paragraph", level=0, number=None,
                            text=f"— {block.text.strip()}")


# Who said a quote, on the line under it: "— Ana Ruiz, cellist", "—Ana Ruiz", "– Ana Ruiz
# (inspector)", "~ a reader".
_SAID_BY = re.compile(r"^(?:[—―]\s*|(?:–|--?|~)\s+)(?=\S)")
SAID_BY_WORDS = 16
SAYINGS = 2  # quotes with their speakers in an issue that make it a collection of sayings


def sayings(marks: Marks) -> None:
    """Quotes each over a line naming who said it ("— Ana Ruiz, cellist"), two or more in an
    issue, are its entries: the quote the text, the speaker its author, kept together; a
    paragraph or two before the next quote say more of it (its excerpt)."""
    blocks = marks.blocks
    found = []
    for i, block in enumerate(blocks):
        j = marks._next[i]
        if block.kind != "quote" or marks.kinds[i] is not None or j is None or j != i + 1 or \
                i and blocks[i - 1].kind == "quote" and marks.kinds[i - 1] is None:
            continue
        said = blocks[j]
        opening = _SAID_BY.match(said.text)
        if said.kind == "paragraph" and not said.level and opening and \
                said.line == said.end_line and words(said.text) <= SAID_BY_WORDS:
            found.append((i, j, said.text[opening.end():].strip()))
    if len(found) < SAYINGS:
        return
    for n, (i, j, speaker) in enumerate(found):
        blocks[i] = replace(blocks[i], kind="item", level=1)
        blocks[j] = replace(blocks[j], text=speaker)
        marks.titled[j] = "credit"
        marks.own.add(i)
        between = range(j + 1, found[n + 1][0] if n + 1 < len(found) else j + 1)
        if len(between) <= MAX_GAP and all(blocks[k].kind == "paragraph" for k in between):
            for k in between:  # what the writer says of the quote, before the next one
                if marks.kinds[k] is None and not blocks[k].level:
                    blocks[k] = replace(blocks[k], level=1)


PASSES: list[tuple[str, Callable[[Marks], None]]] = [
    ("quote_attributions", quote_attributions),
    ("sayings", sayings),
    ("thread_posts", thread_posts),
    ("text_lists", text_lists),  # first: the heading rules look for list entries
    ("lettered_lists", lettered_lists),
    ("calendar_lines", calendar_lines),
    ("site_blurbs", site_blurbs),
    ("numbered_blurbs", numbered_blurbs),
    ("credit_lines", credit_lines),
    ("headings", headings),
    ("badges", badges),
    ("labels", labels),
    ("titled_items", titled_items),
    ("dialogue", dialogue),
    ("categories", categories),
]


def mark(blocks: list[Block], kinds: list[str | None], profile: Profile) -> Marks:
    """Read an issue's blocks with every rule the profile leaves on."""
    marks = Marks(list(blocks), kinds, frozenset(profile.rules_disabled), by=profile.by,
                  joins=profile.joins)
    for name, run in PASSES:
        if name not in marks.off:
            run(marks)
    return marks
