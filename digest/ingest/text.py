"""Plain-text reader: one block per line, or per paragraph when the text is hard-wrapped.

Text is hard-wrapped when the lines inside its paragraphs end where the next word would not
have fitted a common width; there a line runs on into the next (a shorter line ends its
paragraph: a sign-off, an address). A text wrapped tightly (no break mid-sentence where the
next word would have fitted, as mail programs wrap) is read with no slack: a line ending its
sentence where the next line's first word would have fitted ends its paragraph, though no
blank line follows. In a `format=flowed` e-mail (RFC 3676) the sender says so itself: a
line ending in a space runs on.

List entries (`-`, `*`, `+`, `•`, `–`, `1.`, `1)`, `a)`) keep their marker; their nesting
comes from indentation (`level`, 0 for the outermost entries) and an indented line under an
entry continues it. A short line underlined with `===` or `---` is a heading (level 1 or 2),
as is one set between runs of a mark ("=== TOP STORIES ==="); a line of `---`, `***`, `___`,
`===` or `~~~` alone is a rule. A line opening with Markdown's `#`s is a heading too, and a
line wrapped whole in stars or underscores ("*Heat pump grants rise again*", as a mail
program writes bold in the text part) a bold line. Web addresses written out are links: a
line that is only one links the text above it, numbered references ("[1]" over "[1]
https://…") link the words before their markers, and so does an address in brackets right
after words ("the full report<https://…>", as Outlook writes a link in text). A page a
browser wrote as text, its markers before the links' words, is read by `browsertext`.
An indented command after a shell prompt ("  $ make install") is code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache, partial

from linkify_it import LinkifyIt

from digest.datewords import opens_with_day
from digest.links import clean_url
from digest.model import Block, Link, Meta, Part
from digest.textwords import SENTENCE_ENDS

from .browsertext import addresses, markers_before, placeholder, read_page_text
from .decode import clean_line
from .delimited import delimited_rows
from .listdigest import ListDigest, find_digest
from .printed import Pages, read_pages
from .signed import unsigned

LIST_MARKER = re.compile(r"^\s*(?:[•·▪◦‣*+\-–]\s|・\s?|\d{1,3}[.)/]\s|[a-z]\)\s)")
# Box-drawing lines ("━━━━", "────", "════") rule and underline as "====" and "----" do.
_LINE_MARKS = "\u2500-\u257f—–＝－～"
_DOUBLE_MARKS = "=═━＝"  # those that underline a title rather than a section's heading
_UNDERLINE = re.compile(rf"^\s{{0,3}}(={{3,}}|-{{3,}}|[{_LINE_MARKS}]{{3,}})\s*$")
_REPEATED_MARK = rf"([-*_=~•·・＊{_LINE_MARKS}])\s*(?:\1\s*){{2,}}"
# A rule: one mark repeated, or an ornament of six signs or more, none a letter or figure and
# none ASCII's but its punctuation between them ("■□■□■□■□", "☆。.:*・゜☆。.:*・゜☆",
# "◆◇◆◇◆◇"), as Japanese and Chinese mail sets between parts.
_RULE = re.compile(rf"^\s{{0,3}}(?:{_REPEATED_MARK}|"
                   r"(?=(?:[^\w\s\x00-\x7f][^\w\s]{0,3}){6})(?:[^\w\s]\s*){6,})$")
FRAMED_LINES = 3  # a masthead framed by two rules: its title, and lines under it
_ADDRESS_OR_SENTENCE = re.compile(r"://|[。！？]")
SETEXT_MAX_WORDS = 12
# A link roundup's title line, ending with the site it is from in brackets.
_SITE_TITLE = re.compile(r"\s\((?:[a-z0-9-]+\.)+[a-z]{2,}\)\s*$", re.IGNORECASE)
_HASHED = re.compile(r"^(#{1,6})\s+(\S.{0,118})$")
# A whole line between one or two stars or underscores, as a text part writes bold or italics.
_STARRED = re.compile(r"^([*_]{1,2})([^\s*_](?:[^*_]{0,98}[^\s*_])?)\1$")
_DECORATED = re.compile(r"^\s{0,3}([=*#~_+-])\1+\s+(\S(?:.{0,78}\S)?)\s+\1{2,}\s*$")
TITLE_WORDS = 15  # a story's title on the line over its text and its address
_ADDRESS_LINE = re.compile(r"^\s*https?://\S+\s*$", re.IGNORECASE)
# An entry's address before its words: "[https://…] ", "<https://…> ", "https://… — ".
_OPENING_ADDRESS = re.compile(r"[\[<(]?(https?://[^\s\]>)]+)[\]>)]?(?:\s+[—–:-])?\s+(?=\w)",
                              re.IGNORECASE)
# A quoted line, as mail quotes: "> " (or ">> " quoting a quote) before its words.
_QUOTED = re.compile(r"^\s{0,3}>(?:[ \t]?>)*(?:[ \t]|$)")
# A shell's prompt before a command, set in: "  $ curl -i …", "    # emerge --sync"; the
# command may open with a sign no sentence opens with ("# : > /proc/2214/fd/41", "$ [ -f x ]",
# "$ ./run") or set a variable first ("$ CC=clang make").
_PROMPT = re.compile(r"^[ \t]+[$#] +(?:[a-z./~:\[(!{\\]|[A-Z_][A-Z0-9_]*=)")
_ATTRIBUTION = re.compile(r"^(?:--|[—–―])\s*\S")  # "-- Anne, Mill Street" under a quote


WRAP_MIN, WRAP_MAX = 40, 100  # columns a hard-wrapped text is wrapped at
_ENDED = re.compile(f"[{SENTENCE_ENDS}:;\"”’)]\\s*$")  # in any script: "。", "؟", "।"
# A word broken at its hyphen by the wrap ("twenty-" ending a line): a letter before it.
_WRAPPED_HYPHEN = re.compile(r"[^\W\d_]-$")
_WRAPPED_DASH = re.compile(r"[^\W\d_][–—]$")  # and at a dash set close, as print sets it
_CLOSERS = " )\"”’»"  # what closes a title without ending a sentence: "(Ghent)", "“Quiet Cities”"
_FIELD = re.compile(r"^[A-Z][\w-]{0,20}:\s")  # "Subject: …", "Note: …"
WRAP_SLACK = 0.1  # a wrapping tool may stop a line this share of the width short
PRINTED_SLACK = 0.2  # and a typeset line in a proportional font, mid-sentence, this share
WRAPPED_SHARE = 0.7  # of the breaks after long lines inside paragraphs, so many must be wraps
WRAPS_MIN = 2  # and at least so many (a short letter has few)
RUN_ON_WORDS = 6  # a line of prose this long may run on into the next with no width known
COLUMN_ROWS = 3  # lines in columns, in a row, that make a table
COLUMN_LEAD_WORDS = 4  # words of a table row's first cell
_COLUMN_GAP = re.compile(r" {2,}|\t+")
_PARTED = re.compile(r"\S\s[·|]\s\S")  # "Tel 01632 960733 · Registered charity 234567"
_FIGURE = re.compile(r"\d")


def wrap_width(lines: list[str], printed: bool = False) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not: its longest prose
    line that others come near (a line holding a link may run past it: a link cannot be
    wrapped), when most breaks after long lines inside paragraphs fall where the next word
    would not have fitted. A break after a full sentence, or after a "Subject: …" line,
    tells neither way. Lines set in columns (a table's rows, and a cell's words wrapped in
    its column under them) and lines of parts (a footer's "Tel … · orders@… · site") are no
    prose; and when a few longer lines come near each other (a list's footer left
    unwrapped), the next width that lines come near is tried; and when the text was
    wrapped `_tight`ly at a narrower width than that, that one. A `printed` text was
    typeset in a proportional font: a line that ends no sentence may stop further short of
    the width (PRINTED_SLACK)."""
    return _wrapping(lines, printed)[0]


def _wrapping(lines: list[str], printed: bool = False) -> tuple[int | None, bool]:
    """The width the text was hard-wrapped at (`wrap_width`), and whether it was wrapped
    `_tight`ly at it: no line broken where the next word would have fitted."""
    lines = _prose_lines(lines)
    prose = [line.rstrip() for line in lines if line.strip() and "://" not in line
             and not LIST_MARKER.match(line) and not _UNDERLINE.match(line)
             and not _no_prose(line)]
    for n, width in enumerate(_widths(sorted(map(columns, prose), reverse=True))):
        if WRAP_MIN <= width <= WRAP_MAX and _wrapped_at(lines, width, narrower=n > 0,
                                                         printed=printed):
            tight = None if printed else _tight(lines, prose, width)
            return (width, False) if tight is None else (tight, True)
    return None, False


def _prose_lines(lines: list[str]) -> list[str]:
    """The lines as the width is read from them: a line of parts ("Tel 0113 496 0551 ·
    orders@… · greenwaywholesale.example", a footer's or masthead's, left as long as it is)
    and a cell's words wrapped in its column under a row ("Sat 5 Apr    14:00   Plant
    swap" over "                     Bring cuttings in labelled pots…", wrapped at the
    column's own width) blanked."""
    kept, starts = [], []
    for line in lines:
        if not line.strip():
            starts = []
        elif _indent(line) in starts[1:]:
            line = ""  # a cell's words under its column (the lines under it stay in it)
        else:
            starts = _cell_starts(line) if _set_out(line) else []
        kept.append("" if _PARTED.search(line) else line)
    return kept


TIGHT_WRAPS = 3  # breaks mid-sentence that show a text wrapped tightly


def _tight(lines: list[str], prose: list[str], width: int) -> int | None:
    """The width a text was wrapped at tightly (as mail programs and most tools wrap: a
    line breaks only where the next word would not fit), when TIGHT_WRAPS breaks mid-sentence
    or more all fall so: `width`, or the longest prose line under it when a longer one
    left room for the next word (the width came from lines left unwrapped: a footer's
    sentence, a table's); None when the text was wrapped with slack (`fmt` and `par`
    balance a paragraph's lines, a hand breaks them unevenly)."""
    reach = [columns(line.rstrip()) + 1 + columns(following.split()[0])
             for line, following in zip(lines, lines[1:])
             if _mid_sentence(line, following) and columns(line.rstrip()) * 2 >= width]
    if len(reach) < TIGHT_WRAPS:
        return None
    if min(reach) > width:
        return width
    lengths = sorted((x for x in map(columns, prose) if x < min(reach)), reverse=True)
    longer = len(prose) - len(lengths)
    narrower = lengths[0] if lengths else 0
    if narrower >= WRAP_MIN and longer <= max(WIDER_LINES, len(prose) * WIDER_SHARE) and \
            _near(narrower, lengths) and _wrapped_at(lines, narrower, narrower=True):
        return narrower
    return None


def _mid_sentence(line: str, following: str) -> bool:
    """A break inside a sentence of prose: a line that ends none over one going on in lower
    case (a wrap, wherever the text was wrapped; not in quoted mail, which another's
    program wrapped)."""
    return bool(following.strip()) and following.lstrip()[:1].islower() and \
        not _QUOTED.match(line) and \
        not _ENDED.search(line) and "://" not in line + following and \
        not _RULE.match(line) and not _no_prose(line) and not _no_prose(following) and \
        not LIST_MARKER.match(following)


def _wrapped_at(lines: list[str], width: int, narrower: bool = False,
                printed: bool = False) -> bool:
    """Most breaks after long lines fall where the next word would not have fitted `width`;
    for a width `narrower` than the longest lines, none of these runs on into the next
    (they were left unwrapped: a footer's full sentences), or in a `printed` text, set in
    blocks of their own widths (a cover's teaser over the columns), few."""
    breaks = wraps = longer = 0
    for line, following in zip(lines, lines[1:]):
        if narrower and columns(line.rstrip()) > width and following.strip() and \
                "://" not in line and not _ENDED.search(line) and not _no_prose(line):
            if not printed:
                return False  # a longer line broken mid-sentence: wrapped wider than this
            longer += 1
        if columns(line.rstrip()) * 2 >= width and following.strip() and "://" not in line and \
                not _RULE.match(line) and not _no_prose(line) and \
                not _UNDERLINE.match(following) and not LIST_MARKER.match(following):
            wrap = _full(line, following, width, printed) or _clause_break(line, following)
            wraps += wrap
            breaks += wrap or not _ENDED.search(line) and not _FIELD.match(line)
    return wraps >= WRAPS_MIN and wraps >= WRAPPED_SHARE * breaks and \
        longer <= WIDER_SHARE * wraps


WIDTH_LINES = 3  # lines that must come near a width for it to be the text's
WIDER_LINES = 3  # lines that may run past it: a footer's lines left unwrapped
WIDTHS_TRIED = 3
WIDER_SHARE = 0.1  # of the prose lines, so many may pass the width (an unwrapped footer's)
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")  # "Sat 3 Jan   Away   Ferndown   10:00"


def _set_out(line: str) -> bool:
    """A line set out in columns or with leaders ("Sunday 8:00 am ..... Mass"): a row, never
    prose a wrap broke."""
    return bool(_COLUMNS.search(line.strip()) or _LEADERS_RUN.search(line))


_LEADERS_RUN = re.compile(r"\S ?(?:\.{4,}|…{2,}) ?\S")  # not an ellipsis: "require... but"
# Cells two spaces apart, not after a sentence's end ("sha256  9f2c…  tool-1.2.tar.gz").
_GAPPED = re.compile(f"[^\\s{SENTENCE_ENDS}:;](?: {{2,}}|\t)\\S")
_UNBROKEN = re.compile(r"\S{40,}")  # a checksum, a key, a path: no word a wrap would break


def _unbroken(line: str) -> bool:
    """A run of 40 characters with no space that is no web or e-mail address: a checksum,
    a key."""
    return any(_UNBROKEN.fullmatch(word) and "://" not in word and "@" not in word
               for word in line.split())


# A list's letter or number before its entry, set two spaces off ("C)  Farmer's carry").
_ENTRY_MARK = re.compile(r"^\s*[A-Za-z0-9]{1,3}[.)]\s+")


def _gapped(line: str) -> bool:
    return _GAPPED.search(_ENTRY_MARK.sub("", line).strip()) is not None


def _no_prose(line: str) -> bool:
    """A line that says nothing of the width prose was wrapped at: a row set out in columns
    or leaders, cells two spaces apart, or a run of 40 characters with no space (a checksum)."""
    return _set_out(line) or _unbroken(line) or _gapped(line)


def _widths(lengths: list[int]) -> list[int]:
    """Widths the text may be wrapped at, in the order to try them (line lengths, given
    longest first): the longest line length that WIDTH_LINES lines come within WRAP_SLACK of,
    past at most one longer line (else the longest line); then shorter such lengths, past
    at most WIDER_LINES longer lines or WIDER_SHARE of them (a footer left unwrapped),
    WIDTHS_TRIED in all."""
    if not lengths:
        return []
    found = [next((x for x in lengths[:2] if _near(x, lengths)), lengths[0])]
    wider = max(WIDER_LINES, int(len(lengths) * WIDER_SHARE))
    for length in lengths[:wider + 1]:
        if len(found) == WIDTHS_TRIED:
            break
        if length < found[-1] * (1 - WRAP_SLACK) and _near(length, lengths):
            found.append(length)
    return found


def _near(length: int, lengths: list[int]) -> bool:
    """WIDTH_LINES lines come within WRAP_SLACK of `length`: a width they were wrapped at."""
    return sum(length * (1 - WRAP_SLACK) <= x <= length for x in lengths) >= WIDTH_LINES


_CLAUSE_MARKS = ("、", "，", ",")


def _clause_break(line: str, following: str) -> bool:
    """A line of Chinese or Japanese broken by hand after a clause's comma ("…樹脂部品メーカー、"),
    short of the width, with the sentence going on in the same script on the next line."""
    last, first = line.rstrip()[-2:], following.lstrip()[:1]
    return len(last) == 2 and last.endswith(_CLAUSE_MARKS) and _wide(last[0]) and \
        _wide(first) and _SYMBOL_START.match(following) is None and first not in _OPENERS and \
        _NUMBERED_ENTRY.match(following) is None


_OPENERS = "【「『（〔［《〈■□◆◇●○★☆▼▽▲△・※"  # what opens a label, a quote or an entry
_NUMBERED_ENTRY = re.compile(r"^\s*(?:[0-9０-９]{1,3}\s*[.．、)）]|[\u2460-\u24ff\u2776-\u2793])")
HAND_WRAP_COLUMNS = 30  # a line of Chinese or Japanese broken by hand runs so long at least


def _hand_wrapped(last: str, line: str) -> bool:
    """Chinese or Japanese broken by hand, lines of uneven length ("…裏山からは" over
    "ふきのとうが…"): a long line that ends no sentence, over one going on in the same
    script, set in no further."""
    end, first = last.rstrip()[-1:], line.lstrip()[:1]
    return bool(end) and _wide(end) and _wide(first) and not _ENDED.search(last) and \
        columns(last.strip()) >= HAND_WRAP_COLUMNS and _indent(line) <= _indent(last) and \
        first not in _OPENERS and _SYMBOL_START.match(line) is None and \
        _NUMBERED_ENTRY.match(line) is None


def _full(line: str, following: str, width: int, printed: bool = False,
          slack: float | None = None) -> bool:
    """The next line's first word would not have fitted at the end of this one (in Chinese
    and Japanese, which wrap anywhere, its first character), up to a `slack` share of the
    width short of it (WRAP_SLACK); in a `printed` text, set in a proportional font, with
    more slack for a line that ends no sentence."""
    first = following.split()[0]
    needs = columns(first[0]) if _wide(first[0]) else 1 + columns(first)
    if slack is None:
        slack = PRINTED_SLACK if printed and not _ENDED.search(line) else WRAP_SLACK
    return columns(line.rstrip()) + needs > width * (1 - slack)


# A line ending with a web or e-mail address ("pneumatic tubes, still running - https://…",
# "To post to this group, send email to ramblers@…"): a line of its own, not prose a wrap
# carried on (in wrapped text, unless the next line goes on in lower case).
_ENDS_WITH_ADDRESS = re.compile(r"(?:https?://\S+|\S+@[\w-]+(?:\.[\w-]+)+)\s*$", re.IGNORECASE)
# Four comma-separated fields or more, none after a space ("VG151,Cucumbers,NL,12 pcs,7.90").
_RECORD = re.compile(r"^\s*[^\s,]+(?:,[^,\s][^,]*){3,}$")


def _record(line: str) -> bool:
    """A record of comma-separated values (a list pasted from a spreadsheet), a line of its
    own: more fields than words ("VG120,Potatoes Maris Piper,UK,25kg,14.75,0.00"), never
    prose with figures ("(5,200 hectares) from the 32,000 acre (13,000 hectare) farm.")."""
    return _RECORD.match(line) is not None and line.count(",") >= len(line.split())


# An e-mail address alone on its line ("Sedge-announce@lists.example.org" in a list's
# footer): a line of its own, never the words a wrap carried over.
_MAIL_LINE = re.compile(r"^\s*\S+@[\w-]+(?:\.[\w-]+)+\s*$")
# A line opening with a sign ("◆３月２０日…", "※…", "▼詳しくは"): an entry or a note of its
# own, never the words a wrap carried over.
_SYMBOL_START = re.compile("^\\s*[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff※]")


def _kept_apart(last: str, line: str, width: int) -> bool:
    """Two lines of wrapped text that stay apart though the next word would not have fitted:
    a row set out in columns or leaders or with cells two spaces apart, a checksum or a
    key (forty characters with no space) under an address alone, a record of
    comma-separated values or a line over one, a field under a field
    or under a title ("Authors: …" over "Categories: …", "Visiting Fellowships at the
    Institute for Polar Studies" over "Sponsor: …"), a line of parts under another or under
    a title ("St. Brendan's | 215 Chapel Street" over "Parish office: … | office@…"), an
    e-mail address alone on its line (under a line shorter than half the width: a list's
    footer, "Sedge-announce mailing list" over "Sedge-announce@lists…"), a line past the
    width ending its sentence (left unwrapped), a web or e-mail address over a line in
    capitals or an address alone after a full sentence, a line opening with a sign or a
    full-width or circled number ("４．", "②": an entry), or, in Chinese and Japanese, an
    indented line (a new paragraph, a masthead's centred line)."""
    ended = _ENDED.search(last) is not None
    return _set_out(last) or _set_out(line) or _gapped(last) or _gapped(line) or \
        _ADDRESS_LINE.match(last) is not None and _unbroken(line) or \
        _FIELD.match(line) is not None and (_FIELD.match(last) is not None or
                                            _titled(last)) or \
        _PARTED.search(line) is not None and (_PARTED.search(last) is not None or
                                              _titled(last)) or \
        _MAIL_LINE.match(last) is not None or \
        _record(last) or _record(line) or \
        _MAIL_LINE.match(line) is not None and columns(last.rstrip()) * 2 < width or \
        ended and columns(last.rstrip()) > width or \
        ended and _ADDRESS_LINE.match(line) is not None or \
        _ENDS_WITH_ADDRESS.search(last) is not None and line.lstrip()[:1].isupper() or \
        _SYMBOL_START.match(line) is not None or \
        _indent(line) > _indent(last) and _wide(last.rstrip()[-1:] or " ") or \
        _NUMBERED_ENTRY.match(line) is not None and not line.lstrip()[:1].isascii()  # "４．…"


def _titled(line: str) -> bool:
    """A name or a title, its words of four letters or more capitalised and no sentence
    ended ("Visiting Fellowships at the Institute for Polar Studies", "Office of Research
    Development, University of Kestrel Bay")."""
    words = [word for word in line.split() if len(word) >= 4]
    return len(line.split()) >= 2 and len(words) >= 2 and not _ENDED.search(line) and \
        all(word[:1].isupper() for word in words)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def columns(text: str) -> int:
    """The columns a line takes in a fixed-width font: two for each wide character (Chinese,
    Japanese, Korean, full-width forms), as mail programs count when they wrap."""
    return len(text) if text.isascii() else sum(2 if _wide(c) else 1 for c in text)


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


class _Reader:
    """Lines to blocks, keeping the indentation of the list being read."""

    def __init__(self, width: int | None, flowed: bool, delsp: bool,
                 digest: ListDigest | None = None,
                 speakers: frozenset[str] = frozenset(), pages: Pages | None = None,
                 delimited: dict[int, list[str]] | None = None,
                 tight: bool = False) -> None:
        self.width, self.flowed, self.delsp = width, flowed, delsp
        self.delimited = delimited or {}  # a table's lines set out with separators: cells
        self.tight = tight  # wrapped with no slack: a line breaks only where a word won't fit
        self.pages = pages or Pages()  # a printed text's page breaks, furniture, contents
        self.aside: list[Block] = []  # that furniture and those contents (`page` blocks)
        self.crossed = False  # a page break or furniture since the last line of text
        self.last_text = ""  # the last line of text, past blank lines and furniture
        self.digest = digest  # a mailing list's digest: its subjects and furniture lines
        self.speakers = speakers  # a transcript's labels alone on their lines ("MAREN:")
        self.last = ""  # the previous line as written
        self.blocks: list[Block] = []
        self.indents: list[int] = []  # indentation of each open list level, outermost first
        self.in_entry = False  # the last block is a list entry that may continue
        self.entry_title = ""  # that entry's first line, without its marker
        self.below_title: Block | None = None  # its text under that line, once it is a title
        self.marks: list[tuple[Block, str]] = []  # headings set between marks, and their mark
        self.last_quoted = False  # the previous line was quoted words, which may run on
        self.code_indent = 0  # the indentation of the command a code block opens with

    def line(self, number: int, line: str) -> None:
        if number in self.pages.breaks:
            self.crossed = True
        if self.pages.apart(number):  # a running head, a page's number, the contents
            self.aside.append(Block(text=" ".join(line.split()), line=number,
                                    end_line=number, kind="page"))
            self.crossed = True
            return
        last, self.last = self.last, line
        quoting, self.last_quoted = self.last_quoted, False
        stripped = " ".join(line.split())
        prev = self.blocks[-1] if self.blocks else None
        touching = prev is not None and prev.end_line == number - 1
        if not stripped:
            return
        above, self.last_text = self.last_text, line
        # a paragraph may run on across a page break and the page's furniture, mid-sentence:
        # into a line going on in lower case, or a long line (not a heading over a page)
        bridged = self.crossed and not touching and prev is not None and \
            not _ENDED.search(above) and (stripped[:1].islower() or self._long(line))
        self.crossed = False
        if self.digest is not None and self._digest_line(number, stripped):
            return
        if number in self.delimited:  # "VG101,Carrots,UK,10kg,7.80": a row of its own
            self.blocks.append(Block(text=" | ".join(self.delimited[number]), line=number,
                                     end_line=number, kind="row"))
            self._end_list()
            return
        if touching and self._closes_frame(line):
            return
        if touching and self._underlines(prev, line):
            prev.kind, prev.level = "heading", 1 if line.strip()[0] in _DOUBLE_MARKS else 2
            prev.end_line = number
            self._end_list()
            return
        decorated = _DECORATED.match(line) if not _COLUMN_RULE.match(line) else None
        if decorated:  # "=== TOP STORIES ===", "*** Events ***"
            self.blocks.append(Block(text=" ".join(decorated[2].split()), line=number,
                                     end_line=number, kind="heading", level=2))
            self.marks.append((self.blocks[-1], decorated[1]))
            self._end_list()
            return
        if _RULE.match(line) or _COLUMN_RULE.match(line):  # "------   ---------": a table's
            self.blocks.append(Block(text="", line=number, end_line=number, kind="rule"))
            self._end_list()
            return
        quoted = _QUOTED.match(line)
        if quoted:
            glued = self.flowed and self.delsp and last.endswith(" ") and \
                not last.endswith("  ")  # RFC 3676 4.2 holds inside quotes too
            self._quoted(number, " ".join(line[quoted.end():].split()), touching and quoting,
                         glued)
            return
        if self._command(number, line, touching, prev):
            return
        if LIST_MARKER.match(line) and not (touching and _comment_goes_on(prev, stripped)) \
                and not (touching and self._dated_wrap(prev, last, line)):
            level = self._level(_indent(line))
            self.blocks.append(Block(text=stripped, line=number, end_line=number, level=level))
            self.in_entry, self.entry_title = True, LIST_MARKER.sub("", stripped)
            self.below_title = None
            return
        indented = line[:1] in (" ", "\t")
        if not touching:
            last = above
        continues = (touching or bridged) and prev.kind == "paragraph" and \
            not _REFERENCE.match(stripped) \
            and not (not self.in_entry and _ADDRESS_LINE.match(line) and _title_line(prev)) \
            and (self._runs_on(last, line) or (touching and self.in_entry and indented)) \
            and not (opens_with_day(line) and opens_with_day(last))  # a calendar's lines
        if continues and self.in_entry and indented and self.below_title is None and \
                _ADDRESS_LINE.match(line) and not _runs_into(prev.text, self.entry_title) and \
                _title_address(prev, self.entry_title, stripped):
            rest = prev.text.split(self.entry_title, 1)[1].strip()
            prev.text = prev.text[:len(prev.text) - len(rest)].rstrip()
            self.below_title = Block(text=rest, line=prev.line + 1, end_line=number,
                                     level=prev.level + 1)
            if rest:  # "A. Author" between the title and its address
                self.blocks.append(self.below_title)
            prev.end_line = prev.line if rest else number
            _without_separator(prev)
            return
        if continues and self.below_title is not None and not self.below_title.text:
            self.below_title.text, self.below_title.line = stripped, number
            self.below_title.end_line = number
            self.blocks.append(self.below_title)  # the entry's text under its linked title
            return
        if continues and _WRAPPED_HYPHEN.search(prev.text[-2:]) and \
                self.pages.joined(prev.text, stripped):  # printed "informa-⏎tion"
            prev.text, prev.end_line = f"{prev.text[:-1]}{stripped}", number
            return
        if continues:
            glued = self.flowed and self.delsp and not last.endswith("  ")  # RFC 3676 4.2
            glued = glued or (self.width is not None or self.pages.printed) and \
                _WRAPPED_HYPHEN.search(prev.text[-2:]) is not None and \
                stripped[:1].isalpha()  # "twenty-⏎three": one word
            glued = glued or self.pages.printed and stripped[:1].isalpha() and \
                _WRAPPED_DASH.search(prev.text[-2:]) is not None  # "Wave–⏎current"
            glued = glued or _wide(prev.text[-1]) and _wide(stripped[0])  # 読書会の⏎ご案内
            prev.text = f"{prev.text}{'' if glued else ' '}{stripped}"
            prev.end_line = number
            return
        hashed = _HASHED.match(stripped)
        if hashed:  # "## Fair season recap": a heading as Markdown writes one
            self.blocks.append(Block(text=hashed[2], line=number, end_line=number,
                                     kind="heading", level=len(hashed[1])))
            self._end_list()
            return
        indent = _indent(line)
        if self.in_entry and indented and self.indents and indent > self.indents[-1]:
            # a paragraph set in under an entry, after a blank line: the entry's text
            # ("1. SBCL 2.6.3 released" / "" / "   The March release…")
            self.blocks.append(Block(text=stripped, line=number, end_line=number,
                                     level=len(self.indents)))
            self.below_title = None
            return
        block = Block(text=stripped, line=number, end_line=number)
        starred = _STARRED.match(stripped)
        if starred and not (touching and prev.kind == "paragraph"):
            # "*Heat pump grants rise again*": a line a mail program set in bold
            block.text = block.lead = " ".join(starred[2].split())
            block.lead_kind = "strong"
        self.blocks.append(block)
        self._end_list()

    def _command(self, number: int, line: str, touching: bool, prev: Block | None) -> bool:
        """An indented command after its prompt ("  $ curl -i …", "  # emerge --sync"), and
        the lines set in under it (its output), are code: kept as written, one block."""
        indent = _indent(line)
        if touching and prev.kind == "code" and indent >= self.code_indent:
            prev.text, prev.end_line = f"{prev.text}\n{line[self.code_indent:].rstrip()}", number
            return True
        if not _PROMPT.match(line):
            return False
        self.code_indent = indent
        self.blocks.append(Block(text=line[indent:].rstrip(), line=number, end_line=number,
                                 kind="code"))
        self._end_list()
        return True

    def _digest_line(self, number: int, text: str) -> bool:
        """A message's subject, as its heading, or a line of the list's furniture."""
        subject = self.digest.subjects.get(number)
        if subject is None and number not in self.digest.furniture:
            return False
        if subject:
            self.blocks.append(Block(text=subject, line=number, end_line=number,
                                     kind="heading", level=2))
        else:
            self.blocks.append(Block(text=text, line=number, end_line=number, kind="chrome"))
        self._end_list()
        return True

    def _quoted(self, number: int, text: str, runs_on: bool, glued: bool = False) -> None:
        """A quoted line: its words run on from the quoted words on the line above (`glued`:
        with no space, where a delsp=yes sender broke a word), unless it names who wrote
        them; a line of the mark alone ends the quoted paragraph."""
        if not text:
            return
        prev = self.blocks[-1] if self.blocks else None
        if runs_on and prev is not None and prev.kind == "quote" and \
                not _ATTRIBUTION.match(text):
            prev.text, prev.end_line = f"{prev.text}{'' if glued else ' '}{text}", number
        else:
            self.blocks.append(Block(text=text, line=number, end_line=number, kind="quote"))
            self._end_list()
        self.last_quoted = True

    def _runs_on(self, last: str, line: str) -> bool:
        """The previous line was broken only to wrap the text, not to end a paragraph."""
        if last.strip() in self.speakers:
            return True  # "MAREN:" over what she said
        if self.flowed:
            return last.endswith(" ") and last.rstrip() != "--"
        if "--" in (last.strip(), line.strip()):
            return False  # a signature's delimiter ("-- "): a line of its own
        if _SITE_TITLE.search(last):  # "The quiet death of the blogroll (mossbank.example)"
            return False
        if self.pages.printed and _WRAPPED_HYPHEN.search(last.rstrip()) and \
                line.lstrip()[:1].islower() and not _set_out(last) and not _set_out(line):
            return True  # a word a typeset line's end broke: "informa-" over "tion"
        if self.pages.printed and _prose_runs_on(last, line):
            return True  # a typeset line, mid-sentence, over one going on in lower case
        if self.pages.printed and (_capitals(last) and not _capitals(line) or
                                   _PARTED.search(last) or _PARTED.search(line)):
            return False  # a heading in capitals over a page's text ("RECORDER'S NOTES"), a
            # masthead's or an address's line of parts ("The Presbytery · Tel 01632 960733")
        if self.width is not None and self.pages.printed and _ENDED.search(last) and \
                not self._long(line):
            return False  # a sentence over a short line: a name, a question, a caption's credit
        if self.tight and (_ENDED.search(last) and not line.lstrip()[:1].islower() or
                           line.lstrip()[:1].isupper()) and \
                not _full(last, line, self.width, slack=0):
            return False  # a paragraph's last sentence (or an address's line over the
            # next, "… Otterbrook OT4 2LW" over "Tel 01632 …"): the next word would have fitted
        if self.width is not None:
            return (_full(last, line, self.width, self.pages.printed) or
                    _clause_break(last, line) or _hand_wrapped(last, line)) and \
                not _kept_apart(last, line, self.width)
        # Too few wraps to find a width: a line of prose that stops mid-sentence, with the
        # next one going on in lower case ("…drops by" over "a third on desktops."), is one
        # paragraph; short lines ("march 3 - meetup") stay apart.
        return _prose_runs_on(last, line) or _hand_wrapped(last, line)

    def _dated_wrap(self, prev: Block, last: str, line: str) -> bool:
        """A line opening with a day and its month ("30. März mit dem Heimspiel…", as German
        and the Nordic languages write a day) under prose stopping mid-sentence ("…Die
        Rückrunde beginnt am") that runs on into it: the sentence wrapped, no entry numbered
        30 (but under the entry numbered 29, the next entry: "1. Begrüßung" over "2. Mai:
        Ausflug")."""
        day, entry = _DAY_DOT.match(line), _DAY_DOT.match(prev.text)
        return prev.kind == "paragraph" and day is not None and opens_with_day(line) and \
            not _ENDED.search(last) and self._runs_on(last, line) and \
            not (entry is not None and int(entry[1]) + 1 == int(day[1]))

    def _long(self, line: str) -> bool:
        """A line as long as a wrapped line of the text's prose (RUN_ON_WORDS words when its
        width is not known)."""
        if self.width is None:
            return len(line.split()) >= RUN_ON_WORDS
        return columns(line.rstrip()) >= self.width * (1 - PRINTED_SLACK)

    def _closes_frame(self, line: str) -> bool:
        """A rule closing a frame of two rules around a few short lines, none a sentence
        ("━━━━" / "THE LIBRARY LETTER" / "No. 128 — 20 November" / "━━━━"): the first line
        is a heading, the others lines under it, and the closing rule no rule of the issue.
        A line alone in its frame may be numbered and end in brackets or quotes ("3.
        Position: PhD student (Ghent)"); several numbered lines are a list."""
        if not _RULE.match(line):
            return False
        top = next((n for n in range(len(self.blocks) - 1, -1, -1)
                    if self.blocks[n].kind != "paragraph"), None)
        framed = self.blocks[top + 1:] if top is not None else []
        if top is None or self.blocks[top].kind != "rule" or \
                not 1 <= len(framed) <= FRAMED_LINES or \
                any(b.line != b.end_line or b.links or
                    _ENDED.search(b.text.rstrip(_CLOSERS)) or
                    _ADDRESS_OR_SENTENCE.search(b.text) or
                    len(b.text.split()) > SETEXT_MAX_WORDS or
                    LIST_MARKER.match(b.text) and len(framed) > 1
                    for b in framed) or \
                [b.line for b in framed] != list(range(self.blocks[top].line + 1,
                                                       framed[-1].line + 1)):
            return False
        framed[0].kind, framed[0].level = "heading", 1 if line.strip()[0] in _DOUBLE_MARKS \
            else 2
        self._end_list()
        return True

    def _underlines(self, prev: Block, line: str) -> bool:
        """A `===`/`---` line right under a one-line, short paragraph makes it a heading (not
        of a web address: a footer's unsubscribe address over the rule closing the mail)."""
        return (_UNDERLINE.match(line) is not None and prev.kind == "paragraph"
                and prev.line == prev.end_line and not LIST_MARKER.match(prev.text)
                and not self._boxed(prev)
                and len(prev.text.split()) <= SETEXT_MAX_WORDS
                and not _ADDRESS_LINE.match(prev.text))

    def _boxed(self, prev: Block) -> bool:
        """`prev` ends lines set right under a framed heading ("━━━" / "◆ 本日の目次 ◆" /
        "━━━" / four entries): the rule under them closes their box, no title's underline."""
        at = len(self.blocks) - 1
        while at > 0 and self.blocks[at - 1].kind == "paragraph" and \
                self.blocks[at - 1].end_line == self.blocks[at].line - 1:
            at -= 1
        return at > 0 and self.blocks[at - 1].kind == "heading" and \
            self.blocks[at - 1].end_line >= self.blocks[at].line - 2 and at < len(self.blocks) - 1

    def _level(self, indent: int) -> int:
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
        return len(self.indents) - 1

    def _end_list(self) -> None:
        self.indents, self.in_entry, self.below_title = [], False, None


def _prose_runs_on(last: str, line: str) -> bool:
    """A line of prose (RUN_ON_WORDS words or more) that stops mid-sentence, over one going
    on in lower case or with a day and its month ("…beginnt am" over "30. März mit…"): one
    paragraph (not a line ending with a web address, nor a row set out in columns or
    leaders: "Day     Low     High" over "mon. 9     4,1     13,2")."""
    return len(last.split()) >= RUN_ON_WORDS and not _ENDED.search(last) and \
        (line.lstrip()[:1].islower() or _DAY_DOT.match(line) is not None and
         opens_with_day(line)) and not _ENDS_WITH_ADDRESS.search(last) and \
        not _set_out(last) and not _set_out(line)


_DAY_DOT = re.compile(r"^\s*(\d{1,2})\.\s")  # "30. März": a day, as German writes it


def _capitals(line: str) -> bool:
    """A line in capitals, with a letter or two at least: "FIELD MEETING REPORTS"."""
    return line.upper() == line and sum(c.isalpha() for c in line) >= 2


def _soft_breaks(lines: list[str]) -> bool:
    """Whether a `format=flowed` body breaks any line softly (with a space at its end, not
    a signature's "-- "): a sender that declares it and wraps hard everywhere writes plain
    wrapped text, read by the width it is wrapped at (each line was a paragraph)."""
    return any(line.endswith(" ") and line.strip() and line.rstrip() != "--" for line in lines)


def read_text(text: str, flowed: bool = False, delsp: bool = False) -> Part:
    """Blocks of plain text; `flowed`: an e-mail body sent as `format=flowed` (and `delsp`:
    with a space added at each soft break, to be taken out)."""
    raw = unsigned(text).split("\n")
    lines = [clean_line(line) for line in raw]
    digest = find_digest(lines)
    flowed = flowed and _soft_breaks(lines)
    pages = read_pages(raw, lines)
    delimited = delimited_rows(raw)
    text_lines = [line if not pages.apart(n) and n not in delimited else ""
                  for n, line in enumerate(lines, start=1)]
    width, tight = (None, False) if flowed else _wrapping(text_lines, pages.printed)
    reader = _Reader(width, flowed, delsp, digest, _speakers(lines), pages, delimited, tight)
    for number, line in enumerate(lines, start=1):
        reader.line(number, line)
    _masthead(reader)
    reader.blocks = _columns(_merged(reader.blocks, reader.aside), lines)
    for block in reader.blocks:
        _link_addresses(block)
    blocks = _address_lines(reader.blocks)
    _link_lists(blocks)
    for block in blocks:
        _bracketed_addresses(block)
        if placeholder(block):
            block.kind = "chrome"
    listed = addresses(lines)
    if listed and markers_before(blocks, listed):
        read_page_text(blocks, listed)
    else:
        _references(blocks)
    return Part(blocks=blocks, meta=Meta(title=digest.title if digest else None))


# A speaker's label alone on its line: a name of up to three words, and a colon.
_SPEAKER = re.compile(r"^\s{0,3}([^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]*){0,2}:)\s*$")
SPEAKER_TURNS = 2  # a label that comes back so often is a speaker's, not a heading's


def _speakers(lines: list[str]) -> frozenset[str]:
    """A transcript's labels ("ALEX:", "Maren:"), each alone on its line over what was said,
    two speakers at least, each taking turns: labels, never headings."""
    found = Counter(m[1] for line in lines if ":" in line and (m := _SPEAKER.match(line)))
    turns = frozenset(label for label, n in found.items() if n >= SPEAKER_TURNS and
                      label[0].isupper())
    return turns if len(turns) >= 2 else frozenset()


def _masthead(reader: _Reader) -> None:
    """"*** THE CIDER PRESS ***" opening the text, its mark set around no heading after it:
    the newsletter's title (level 1), not the first of its sections."""
    if reader.marks and reader.blocks and reader.marks[0][0] is reader.blocks[0] and \
            all(mark != reader.marks[0][1] for _, mark in reader.marks[1:]):
        reader.blocks[0].level = 1


def _merged(blocks: list[Block], aside: list[Block]) -> list[Block]:
    """The blocks with the pages' furniture and contents in their places (after a paragraph
    running on across them)."""
    pending = sorted(aside, key=lambda b: b.line)
    merged: list[Block] = []
    for block in blocks:
        while pending and pending[0].line < block.line:
            merged.append(pending.pop(0))
        merged.append(block)
    return merged + pending


def _columns(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Lines set out in columns, three or more in a row, are a table's rows ("09:30  Doors
    open", "Apr 10    Hack night    Room 2B"): each splits at its runs of two or more spaces
    into as many cells as the others (a cell run on to the next with one space is cut where
    the first row's column starts), no cell but the last ends a sentence, the first is a
    few words, and every row holds a figure (a time, a date, a price) but for rows of three
    cells or more, which half the rows at least do. Two such rows of three cells or more,
    their columns aligned, are a table too ("Yes   1,204   61%"), and so is a line
    underlined column by column ("Package    Affected" over "-------    --------") with
    the rows under it, and four rows or more of three cells or more whose columns line up,
    figures or not ("Autoclave      Mei      Tobiah": a rota). Two lines or more of names
    set out so ("Anneliese Voss      Barnaby Quill      Chidi Okafor": supporters, a team)
    are one line of names, never a heading."""
    run: list[tuple[Block, list[str]]] = []
    wraps: list[tuple[Block, Block]] = []  # a row, and a line its cells wrap onto
    gone: set[int] = set()
    ruled: set[int] = set()  # the first rows of tables drawn with a rule under them
    for block in blocks:
        if run and _column_rule(block, lines) and block.line == run[-1][0].end_line + 1:
            run[-1][0].end_line = block.line  # drawn as part of the row above
            ruled.add(id(run[-1][0]))
            gone.add(id(block))
            continue
        end = wraps[-1][1].line if wraps and run and wraps[-1][0] is run[-1][0] else \
            run[-1][0].end_line if run else 0  # the run's last line, wrapped cells and all
        wrapped = _wrapped_cells(block, lines, run, end)
        if wrapped:  # "            snack to share)" under "Monday   10:00   Toddler group (bring a"
            run[-1] = (run[-1][0], [f"{cell} {wrapped[at]}" if at in wrapped else cell
                                    for at, cell in enumerate(run[-1][1])])
            wraps.append((run[-1][0], block))
            continue
        cells = _cells(block, lines)
        if cells and run and len(cells) < len(run[0][1]):
            cells = _split_at_columns(lines[block.line - 1], lines[run[0][0].line - 1]) or cells
        if not cells or run and (block.line != end + 1 or
                                 len(cells) != len(run[0][1])):
            tail = _names_tail(block, lines, run)
            if tail:  # the last line of a grid of names, with fewer of them
                run.append((block, tail))
                cells = None
            _tabled(run, wraps, gone, ruled, lines)
            run, wraps = [], []
        if cells:
            run.append((block, cells))
    _tabled(run, wraps, gone, ruled, lines)
    kept = [block for block in blocks if id(block) not in gone] if gone else blocks
    _noted_rows(kept, lines)
    _headers(kept, lines)
    return kept


def _tabled(run: list[tuple[Block, list[str]]], wraps: list[tuple[Block, Block]],
            gone: set[int], ruled: set[int], lines: list[str]) -> None:
    """The run's lines as a table's rows when they are one, the lines their cells wrap onto
    in them."""
    if _as_rows(run, gone, ruled, lines):
        for row, wrap in wraps:
            row.end_line = wrap.line
            gone.add(id(wrap))


def _noted_rows(blocks: list[Block], lines: list[str]) -> None:
    """A line right over a table's first row with a cell over each of its columns and more
    in the gaps between them ("Haverleigh   0650  0750  then every 60 mins  1850" over
    "Coldstream Bridge   0708  0808    1908"): a row of the table, its note across columns
    the others leave empty; they get an empty cell there."""
    for i, block in enumerate(blocks):
        if block.kind != "row" or not i or blocks[i - 1].kind != "paragraph" or \
                blocks[i - 1].line != blocks[i - 1].end_line != block.line - 1 or \
                blocks[i - 1].links:
            continue
        spans, line = _extents(blocks[i:], lines), lines[blocks[i - 1].line - 1]
        cells = _COLUMN_GAP.split(line.strip())
        own = list(zip(_cell_starts(line), _cell_ends(line)))
        places = [_column_of(span, spans) for span in own]
        if not spans or len(cells) <= len(spans) or \
                [at for at in places if at is not None] != list(range(len(spans))) or \
                any(at is None and _overlaps(span, spans) for at, span in zip(places, own)) or \
                any(_ends_sentence(c) for c in cells):
            continue
        blocks[i - 1].kind, blocks[i - 1].text = "row", " | ".join(cells)
        gaps = [n for n, at in enumerate(places) if at is None]
        for row in blocks[i:i + _table_rows(blocks[i:])]:
            kept = row.text.split(" | ")
            for n in gaps:
                kept.insert(n, "")
            row.text = " | ".join(kept)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _table_rows(blocks: list[Block]) -> int:
    """How many rows, on lines one under another, open `blocks`."""
    count = 0
    while count < len(blocks) and blocks[count].kind == "row" and \
            (not count or blocks[count - 1].end_line == blocks[count].line - 1):
        count += 1
    return count


HEADER_LINES = 2  # a table's header may take two lines ("Played   Goals" over "P  W  For")
_RULE_MARKS = "-=~_ "


def _headers(blocks: list[Block], lines: list[str]) -> None:
    """Up to HEADER_LINES lines right over a table's first row, with fewer cells than it has
    columns, each cell set over a column (starting or ending where it does) or over two or
    more ("------ Home ------" over "P   W   D   L"): the table's header rows, empty where
    no cell is set ("                Close    Change" over "  Harbour 500   5,612.44   +22.37")."""
    for i, block in enumerate(blocks):
        if block.kind != "row" or i and blocks[i - 1].kind == "row" and \
                blocks[i - 1].end_line == block.line - 1:
            continue
        spans = _extents(blocks[i:], lines)
        if not spans:
            continue
        top = i
        while top > max(0, i - HEADER_LINES):
            above = blocks[top - 1]
            cells = _header_cells(above, blocks[top], spans, lines)
            if cells is None:
                break
            above.kind, above.text = "row", " | ".join(cells)
            top -= 1


def _header_cells(above: Block, below: Block, spans: list[tuple[int, int]],
                  lines: list[str]) -> list[str] | None:
    """The cells of a header line over a table whose columns take `spans`, each in its
    column, or None when the line is no such header."""
    if above.kind != "paragraph" or above.line != above.end_line or above.links or \
            above.end_line != below.line - 1:
        return None
    line = lines[above.line - 1]
    cells = _COLUMN_GAP.split(line.strip())
    own = list(zip(_cell_starts(line), _cell_ends(line)))
    if not 2 <= len(cells) <= len(spans) or own[0][0] < spans[0][0] or \
            any(len(c.split()) > COLUMN_LEAD_WORDS or _ends_sentence(c) for c in cells):
        return None
    placed, last = [""] * len(spans), -1
    for cell, span in zip(cells, own):
        at = _column_of(span, spans)
        if at is None or at <= last:
            return None
        placed[at], last = cell.strip(_RULE_MARKS) or cell, at
    return placed


def _extents(rows: list[Block], lines: list[str]) -> list[tuple[int, int]]:
    """Where each column of the table opening `rows` starts and ends, over all its rows set
    out in columns (none when its first row is not)."""
    count = len(rows[0].text.split(" | "))
    spans: list[tuple[int, int]] = []
    for above, row in zip([None, *rows], rows):
        line = lines[row.line - 1]
        if row.kind != "row" or above is not None and above.end_line != row.line - 1 or \
                len(_cell_starts(line)) != count:
            break
        found = list(zip(_cell_starts(line), _cell_ends(line)))
        spans = [(min(a, c), max(b, d)) for (a, b), (c, d) in zip(spans, found)] or found
    return spans


def _column_of(span: tuple[int, int], spans: list[tuple[int, int]]) -> int | None:
    """The column a header's cell heads: the one it lies over, or, over two columns or
    more, the one starting nearest it."""
    start, end = span
    if sum(start <= a and b <= end for a, b in spans) >= 2:
        return min(range(len(spans)), key=lambda j: abs(spans[j][0] - start))
    over = [j for j, (a, b) in enumerate(spans) if a < end and start < b]
    return over[0] if len(over) == 1 else None


def _wrapped_cells(block: Block, lines: list[str], run: list[tuple[Block, list[str]]],
                   end: int) -> dict[int, str] | None:
    """A line right under a row (ending on line `end`), set in past its first column, each
    of its cells under one of the row's cells and ending no sentence: the words those cells
    wrap onto, by column."""
    if not run or block.kind != "paragraph" or block.line != block.end_line or block.links or \
            block.line != end + 1:
        return None
    first, line = lines[run[0][0].line - 1], lines[block.line - 1]
    spans = list(zip(_cell_starts(first), _cell_ends(first)))
    if len(spans) != len(run[0][1]) or _indent(line) <= spans[0][0]:
        return None
    found: dict[int, str] = {}
    for cell, (start, end) in zip(_COLUMN_GAP.split(line.strip()),
                                  zip(_cell_starts(line), _cell_ends(line))):
        over = [j for j, (a, b) in enumerate(spans) if a < end and start < b]
        if len(over) != 1 or over[0] in found or not run[-1][1][over[0]] or \
                cell.rstrip(_CLOSERS)[-1:] in SENTENCE_ENDS:  # an entry's text: "… Free."
            return None
        found[over[0]] = cell
    return found


# A rule drawn under a table's first row, column by column ("-------   ----------"; a
# signed message escapes a line opening with a dash as "- ").
_COLUMN_RULE = re.compile(r"^\s*(?:- )?[-=]{2,}(?:(?: {2,}|\t)[-=]{2,})+\s*$")


def _column_rule(block: Block, lines: list[str]) -> bool:
    return block.line == block.end_line and \
        _COLUMN_RULE.match(lines[block.line - 1]) is not None


def _cell_starts(line: str) -> list[int]:
    """Where each cell of a line set out in columns starts."""
    stripped = line.rstrip()
    starts = [_indent(stripped)]
    starts += [gap.end() for gap in _COLUMN_GAP.finditer(stripped, starts[0])]
    return starts


def _split_at_columns(line: str, first: str) -> list[str] | None:
    """A row's cells where one runs on into the next with a single space ("Pat Donnelly
    (inc.) Sara Whitlock"), cut where the `first` row's columns start; None unless that
    makes as many cells as the first row has."""
    line = line.rstrip()
    cuts = sorted(set(_cell_starts(line)) | {at for at in _cell_starts(first)[1:]
                                              if 0 < at < len(line) and line[at - 1] == " "
                                              and line[at] != " "})
    cells = [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(line)])]
    return cells if len(cells) == len(_cell_starts(first)) and all(cells) else None


def _cell_ends(line: str) -> list[int]:
    """Where each cell of a line set out in columns ends."""
    stripped = line.rstrip()
    return [gap.start() for gap in _COLUMN_GAP.finditer(stripped, _indent(stripped))] + \
        [len(stripped)]


def _aligned(rows: list[str]) -> bool:
    """Rows whose columns line up: each cell starts, or ends (a figure set flush right),
    where the cell above it does."""
    starts, ends = [_cell_starts(row) for row in rows], [_cell_ends(row) for row in rows]
    return all(len(s) == len(starts[0]) for s in starts) and \
        all(a == b or c == d for one, two, three, four in
            zip(starts, starts[1:], ends, ends[1:])
            for a, b, c, d in zip(one, two, three, four))


def _cells(block: Block, lines: list[str]) -> list[str] | None:
    """A line's cells: a row needs a figure in it, but for one of three cells or more in a
    table whose other rows have figures ("Harbourside  Closed  Closed  Closed")."""
    if block.kind != "paragraph" or block.line != block.end_line or block.links:
        return None
    cells = _COLUMN_GAP.split(lines[block.line - 1].strip())
    if len(cells) < 2 or len(cells[0].split()) > COLUMN_LEAD_WORDS or \
            any(_ends_sentence(c) for c in cells[:-1]) or \
            len(cells) < WIDE_ROW_CELLS and not any(map(_FIGURE.search, cells)):
        return None
    return cells


WIDE_ROW_CELLS = 3  # cells of a row that may hold no figure


def _ends_sentence(cell: str) -> bool:
    """A cell ending a sentence, not a label cut short nor a bracket closing a few words
    ("Rosa Vance (inc.)", "(I)"), nor a date or a number with its dot ("Sa 22.03.")."""
    if cell.endswith(")") and "(" in cell:
        cell = cell.rstrip(")")
    return _ENDED.search(cell) is not None and not _abbreviated(cell) and \
        not _DOTTED_FIGURE.search(cell)


# A date written day first with its dots ("Sa 22.03.", "1.4.") or a number alone with its dot
# ("3.", an ordinal): no sentence's end.
_DOTTED_FIGURE = re.compile(r"(?:^|\s)\d{1,2}\.\d{1,2}\.$|^\d{1,4}\.$")


def _abbreviated(cell: str) -> bool:
    """A label cut short, no sentence: "Net revenue ret.", "Avg. order", "Inc."."""
    parts = cell.split()
    return cell.endswith(".") and len(parts) <= 4 and len(parts[-1]) <= 5


def _as_rows(run: list[tuple[Block, list[str]]], gone: set[int], ruled: set[int],
             lines: list[str]) -> bool:
    """The run's lines as a table's rows, or as one line of names (True for rows)."""
    figures = sum(any(map(_FIGURE.search, cells)) for _, cells in run)
    names = all(_NAME_CELL.match(cell) for _, cells in run for cell in cells)
    wide = len(run[0][1]) >= WIDE_ROW_CELLS if run else False
    if len(run) >= COLUMN_ROWS and figures * 2 >= len(run) or \
            len(run) >= 2 and id(run[0][0]) in ruled or \
            len(run) == 2 == figures and wide and \
            _aligned([lines[block.line - 1] for block, _ in run]) or \
            len(run) > COLUMN_ROWS and wide and not names and \
            _aligned([lines[block.line - 1] for block, _ in run]):
        for block, cells in run:
            block.kind, block.text = "row", " | ".join(cells)
        return True
    if len(run) >= 2 and names:
        first = run[0][0]
        first.text = " · ".join(cell for _, cells in run for cell in cells)
        first.end_line = run[-1][0].end_line
        gone.update(id(block) for block, _ in run[1:])
    return False


def _names_tail(block: Block, lines: list[str], run: list[tuple[Block, list[str]]]
                ) -> list[str] | None:
    """The names on the line right under a grid of names, fewer than a full line's."""
    if not run or block.kind != "paragraph" or block.line != block.end_line or \
            block.line != run[-1][0].line + 1 or block.links:
        return None
    cells = _COLUMN_GAP.split(lines[block.line - 1].strip())
    if len(cells) >= len(run[0][1]) or not all(_NAME_CELL.match(c) for c in cells) or \
            not all(_NAME_CELL.match(c) for _, row in run for c in row):
        return None
    return cells


# A cell that is a person's name: two or three words, each capitalised ("Chidi Okafor").
_NAME_CELL = re.compile(r"^[^\W\d_][\w’'.-]*(?: [^\W\d_][\w’'.-]*){1,2}$")


def _address_lines(blocks: list[Block]) -> list[Block]:
    """A line that is only a web address, right under text, is that text's link, not a
    paragraph: a short title line opening the lines above (title, blurb, address) links to
    it, as a linked headline would; else the line above carries it."""
    kept: list[Block] = []
    for block in blocks:
        if len(block.links) == 1 and LIST_MARKER.match(block.text) and block.lead is None:
            _entry_address(block)
        elif len(block.links) == 1 and block.kind == "paragraph" and block.line == block.end_line:
            _named_address(block)
        if len(block.links) == 1 and block.lead is None:
            _separated_address(block)
        if block.links and block.lead is None and block.kind in ("paragraph", "item"):
            _titled_address(block)
        if not (kept and _only_address(block) and _touches(kept[-1], block)):
            kept.append(block)
            continue
        if _named_link(kept[-1]):  # a list of links, some only an address: one of them
            block.lead, block.lead_kind = block.text, "link"
            kept.append(block)
            continue
        first = len(kept) - 1
        while first > 0 and _touches(kept[first - 1], kept[first]):
            first -= 1
        title = kept[first]
        url = block.links[0].url
        if (first < len(kept) - 1 or _title_line(title)) and not title.links and \
                not _ENDED.search(title.text) and len(title.text.split()) <= TITLE_WORDS:
            title.links = [Link(title.text, url)]
            title.lead, title.lead_kind = title.text, "link"
        else:
            kept[-1].links.append(Link(url, url))
        kept[-1].end_line = block.end_line
    return kept


def _comment_goes_on(above: Block, line: str) -> bool:
    """An entry's line ending with a separator and its address, over one opening with that
    separator ("… Ghent · https://…" over "· someone finally did it."): the comment on the
    link, not a bullet."""
    found = re.search(rf"\s({_SEPARATORS})\s+https?://\S+$", above.text)
    return above.kind == "paragraph" and found is not None and \
        line.startswith(found[1] + " ")


def _title_line(block: Block) -> bool:
    """One short line ending with no mark: a story's title, over its address ("How to write
    a parser" / "https://…"), not a line wrapped before a long address."""
    return block.line == block.end_line and not _ENDED.search(block.text) and \
        len(block.text.split()) <= TITLE_WORDS and not block.links


_SITE_AFTER = re.compile(r"\s+\((?:[a-z0-9-]+\.)+[a-z]{2,}\)$")  # "… (blog.example.com)"


_FIELDS = re.compile(r"\s[·•|]\s")


def _runs_into(text: str, title: str) -> bool:
    """The entry's first line is a sentence wrapped on into the next, not a title over an
    author: what follows it goes on in lower case or with a figure ("…means for" / "the 2027
    fight.", "…losses of about" / "$1.1 billion, …")."""
    _, found, rest = text.partition(title)
    rest = rest.strip()
    figure = (rest[:1].isdigit() or rest[:1] in ("$", "€", "£", "¥")) and \
        title[-1:].isalpha() and not _FIELDS.search(rest)  # not "812 points · 301 comments"
    return bool(found) and (rest[:1].islower() or figure)


def _title_address(entry: Block, title: str, url: str) -> bool:
    """An address on its own line inside a list entry links the entry's first line, a title
    ("1. Title" / "   A. Author" / "   https://…" / "   Abstract"), instead of showing: True
    when it did."""
    if entry.links or not title or _ENDED.search(_SITE_AFTER.sub("", title)) or \
            len(title.split()) > TITLE_WORDS:
        return False
    entry.links = [Link(title, url)]
    entry.lead, entry.lead_kind = title, "link"
    return True


def _without_separator(entry: Block) -> None:
    """An entry's linked title without the dash it ended with over its address ("Platform
    Engineer, Northwind (Leeds) -" / "  https://…")."""
    title = entry.links[0].text if entry.links else ""
    trimmed = title.rstrip(" -–—:|")
    if trimmed == title or not trimmed or not entry.text.endswith(title):
        return
    entry.text = entry.text[:len(entry.text) - len(title)] + trimmed
    entry.links = [Link(trimmed, entry.links[0].url), *entry.links[1:]]
    entry.lead = trimmed


def _entry_address(block: Block) -> None:
    """A list entry opening or ending with its one address ("- [https://…] Quill 5 is out.",
    "- Quill 5 is out." over "  https://…") links its words to it instead of showing it."""
    url = block.links[0].text
    marker = LIST_MARKER.match(block.text)
    opening = _OPENING_ADDRESS.match(block.text, marker.end()) if marker else None
    if marker and opening and opening[1] == url:
        words = block.text[opening.end():]
        if "://" not in words:
            block.text = block.text[:marker.end()] + words
            block.links = [Link(words, block.links[0].url)]
        return
    rest = block.text
    for opening, closing in ("", ""), ("<", ">"), ("(", ")"), ("[", "]"):  # "… <https://…>"
        rest = rest.removesuffix(f"{opening}{url}{closing}").rstrip()
    if rest != block.text:  # "- Data Engineer, Tidewater (Remote) - https://…": no dash left
        # (nor an arrow: "- Why trains bow → https://…")
        rest = rest.rstrip(" -–—|:·→>")
    words = LIST_MARKER.sub("", rest)
    if rest != block.text and words and "://" not in rest:
        block.text, block.links = rest, [Link(words, block.links[0].url)]


# "Toolkit 2.0 - https://…", and as Mailchimp writes a link in text: "Shop Rootwise (https://…)"
_NAMED_ADDRESS = re.compile(r"^(?P<words>.+?)(?:\s[-–—|]\s+(?P<url>https?://\S+)|"
                            r"\s\((?P<paren>https?://[^\s()]+)\))$", re.IGNORECASE)


def _named_address(block: Block) -> None:
    """A line naming what its address leads to ("Toolkit 2.0 - https://…", "Shop Rootwise
    (https://…)") links those words to it instead of showing the address."""
    found = _NAMED_ADDRESS.match(block.text)
    if not found or (found["url"] or found["paren"]) != block.links[0].text:
        return
    words = found["words"].strip()
    if words[-1:] not in "?!？！" and _ENDED.search(words) or \
            len(words.split()) > TITLE_WORDS or "://" in words:  # a title may ask or exclaim
        return
    block.text, block.links = words, [Link(words, block.links[0].url)]
    block.lead, block.lead_kind = words, "link"


# "Title :: https://… :: what it says", "Title -> https://…", "Title https://… · why": a title,
# its address between separators (or after a space, with one after it), then a comment.
_SEPARATORS = r"::|·|—|–|-|->|→"
_SEPARATED_ADDRESS = re.compile(
    rf"(?P<words>\S.*?)(?:\s+(?:{_SEPARATORS})\s+|\s+(?=\S+\s+(?:{_SEPARATORS})\s))"
    rf"(?P<url>https?://\S+?)(?:\s+(?P<rest>(?:{_SEPARATORS})\s+\S.*))?$", re.IGNORECASE)


def _separated_address(block: Block) -> None:
    """A line of a title, its address and a comment set apart by separators ("Title ::
    https://… :: what it says", "Title -> https://…") links the title to the address, which
    leaves the text: "Title :: what it says", a titled link as in Markdown."""
    marker = LIST_MARKER.match(block.text) if block.kind in ("paragraph", "item") else None
    found = _SEPARATED_ADDRESS.fullmatch(block.text, marker.end() if marker else 0)
    if not found or found["url"] != block.links[0].text or not found["rest"]:
        return  # (a line ending with its address is `_named_address`'s or `_entry_address`'s)
    words = found["words"].strip()
    if words[-1:] not in "?!？！" and _ENDED.search(words) or len(words.split()) > TITLE_WORDS \
            or "://" in words:
        return
    opening = block.text[:marker.end()] if marker else ""
    block.text = f"{opening}{words} {found['rest']}"
    block.links[0] = Link(words, block.links[0].url)
    block.lead, block.lead_kind = words, "link"


# "Title ( https://… ) — what it says": a title with its address in brackets, then a
# separator (after a badge word or not: "… ) Video — …"), as a text part writes a linked
# title ("[Title](https://…) — …" in Markdown).
_TITLED_ADDRESS = re.compile(r"(?P<words>[^()\[\]<>]+?)\s*[(\[<]\s*(?P<url>https?://[^\s()\[\]<>]+)"
                             r"\s*[)\]>](?=\s*(?:(?:[A-Z][a-z]+|[A-Z]{2,})\s+)?(?:[—–|:·]|-\s|$))")


def _titled_address(block: Block) -> None:
    """An entry opening with its title and the title's address in brackets ("Pebble
    Signals ( https://… ) — A tiny…") links the title to it instead of showing the address."""
    marker = LIST_MARKER.match(block.text) if block.kind == "item" else None
    found = _TITLED_ADDRESS.match(block.text, marker.end() if marker else 0)
    if not found or found["url"] != block.links[0].text:
        return
    words = found["words"].strip()
    if words[-1:] not in "?!？！" and _ENDED.search(words) or len(words.split()) > TITLE_WORDS:
        return
    opening = block.text[:marker.end()] if marker else ""
    block.text = f"{opening}{words}{block.text[found.end():]}"
    block.links[0] = Link(words, block.links[0].url)
    block.lead, block.lead_kind = words, "link"


def _link_lists(blocks: list[Block]) -> None:
    """Lines right under each other that are each one named link ("Framework 5.1 - https://…"
    over "Toolkit 2.0 - https://…") are a list of links written without markers."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and _named_link(block) and (not run or _touches(run[-1], block)):
            run.append(block)
            continue
        if len(run) >= 2:
            for entry in run:
                entry.kind, entry.level = "item", 1
        run = [block] if block is not None and _named_link(block) else []


def _named_link(block: Block) -> bool:
    return block.kind == "paragraph" and block.level == 0 and block.line == block.end_line \
        and block.lead_kind == "link" and block.lead == block.text and len(block.links) == 1


def _only_address(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.links) == 1 and \
        block.text.strip() == block.links[0].text and "://" in block.text


def _touches(above: Block, below: Block) -> bool:
    """Two paragraphs on consecutive lines: parts of one entry."""
    return above.kind == below.kind == "paragraph" and above.end_line == below.line - 1


# "[2] https://…": an address a "[2]" in the text refers to, in a list of them.
_REFERENCE = re.compile(r"^\[(\d{1,3})\]:?\s+(\S+://\S+)$")
REFERENCES_MIN = 2
# "[2]" after the words it gives the source of (up to three, after any punctuation; "7:10",
# "v1.2" and "example.com" are one word each).
# Each match starts where a word does (not inside one, nor after its ":" or "."): searching
# a line that is one long word then stays linear, not quadratic.
_WORD = r"[^\s\[\](),;:.!?]+(?:[:.][^\s\[\](),;:.!?]+)*"
_MARKER = re.compile(rf"(?<![^\s\[\](),;!?])((?:{_WORD} ){{0,2}}{_WORD}) \[(\d{{1,3}})\]")


def _referred(match: re.Match[str], *, found: dict[str, tuple[int, str]], block: Block) -> str:
    """The words a reference marker follows, linked to its address, without the marker."""
    words, number = match[1], match[2]
    if number not in found:
        return match[0]
    block.links.append(Link(words, found[number][1]))
    return words


def _references(blocks: list[Block]) -> None:
    """Numbered references ("… the new scheduler [1] was merged" over "[1] https://…"): the
    words before each "[1]" link to its address, the marker leaves the text, and the list of
    addresses (with a short line over it ending in ':', "Links:") is a note, not text."""
    found = {m[1]: (n, m[2]) for n, b in enumerate(blocks) if b.kind != "code"
             and (m := _REFERENCE.match(b.text))}
    if len(found) < REFERENCES_MIN:
        return
    first = min(n for n, _ in found.values())
    for block in blocks[:first]:
        if block.kind != "code":
            block.text = _MARKER.sub(partial(_referred, found=found, block=block),
                                     block.text)
    for n, _ in found.values():
        blocks[n].kind = "note"
    above = blocks[first - 1] if first else None
    if above is not None and above.text.endswith(":") and len(above.text.split()) <= 3:
        above.kind = "note"


@lru_cache(maxsize=1)
def _linkify() -> LinkifyIt:
    """Addresses written with their scheme only: without one, "README.md" would be a link."""
    return LinkifyIt(options={"fuzzy_link": False, "fuzzy_email": False})


def _link_addresses(block: Block) -> None:
    """Web addresses written out in the text become its links, shown without what only
    tracks the click."""
    if "://" not in block.text:
        return
    pieces, position = [], 0
    for match in _linkify().match(block.text) or []:
        if match.schema.lower() in ("http:", "https:"):
            shown = clean_url(match.url)
            pieces += [block.text[position:match.index], shown]
            position = match.last_index
            block.links.append(Link(shown, shown))
    block.text = "".join(pieces) + block.text[position:]


# Up to three words right before an address in brackets, as Outlook's and Exchange's plain
# text writes a link ("the full report<https://…>", "a@b.example<mailto:a@b.example>"),
# and other mail programs' "… since 2019 [https://…]" or "… the form <https://…>"; and
# reStructuredText's whole link, "`Title <https://…>`_".
_LINK_WORD = r"[^\s\[\]()<>,;:.!?`]+(?:[:.][^\s\[\]()<>,;:.!?`]+)*"
_BRACKETED = re.compile(r"`(?P<titled>[^`<>]+?)\s+<(?P<rst>https?://[^\s<>]+)>`__?|"
                        r"(?<![^\s\[\]()<>,;!?`])"  # from a word's start only, as _MARKER
                        rf"(?P<words>(?:{_LINK_WORD} ){{0,2}}{_LINK_WORD})(?: ?<(?P<angle>"
                        r"(?:https?|mailto):[^\s<>]+)>| ?\[(?P<square>https?://[^\s\[\]]+)\])",
                        re.IGNORECASE)


def _bracketed_addresses(block: Block) -> None:
    """Addresses in brackets after the words they link, left in the text by the rules for a
    whole line: those words (up to three) become the link, the address leaves the text."""
    if block.kind == "code" or ("<" not in block.text and "[" not in block.text):
        return
    block.text = _BRACKETED.sub(partial(_bracketed, block=block), block.text)


def _bracketed(match: re.Match[str], *, block: Block) -> str:
    """The words before a bracketed address, linked to it; an address repeated in brackets
    ("https://a.example<https://a.example>", "a@b.example<mailto:a@b.example>") once."""
    words = match["titled"] or match["words"]
    url = match["rst"] or match["angle"] or match["square"]
    glued = match.string[match.end():match.end() + 1].isalnum()  # "[https://…]Start writing"
    shown = words + " " if glued else words
    if url.lower().startswith("mailto:"):
        address = url[len("mailto:"):].split("?", 1)[0]
        if words.rsplit(" ", 1)[-1].lower() == address.lower():
            words = address
        _insert_link(block, Link(words, url), match.start())
        return shown
    at = next((n for n, link in enumerate(block.links) if link.text == link.url == url), None)
    if at is None:
        return match[0]
    if "://" in words:  # the link's words were its address: shown once
        del block.links[at]
    else:
        block.links[at] = Link(words, url)
    return shown


def _insert_link(block: Block, link: Link, position: int) -> None:
    """`link` among the block's links in the order their words come in its text."""
    at, cursor = 0, 0
    while at < len(block.links):
        found = block.text.find(block.links[at].text, cursor)
        if found < 0 or found >= position:
            break
        at, cursor = at + 1, found + len(block.links[at].text)
    block.links.insert(at, link)
