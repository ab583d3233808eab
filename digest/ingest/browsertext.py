"""Text a browser wrote from a page (`lynx -dump`, `w3m -dump`): a numbered marker before
each link's words ("the operator [13]Ardle Sound Ferries announced", "[1]Im Browser
ansehen"), the addresses listed at the end ("References" over "Visible links:" and "  1.
https://…" lines, or "[1] https://…" lines), and pictures as bracketed placeholders
("[2][logo.png]", "[IMG]", "[image]", "[Logo: Der Stadtteilbote]").

A link's words end where the page's link ended, which the text no longer says; they are
taken up to the next marker, separator or punctuation mark, and, inside a sentence, only
its capitalised words (a name: "Ardle Sound Ferries") or at most three words.
"""

from __future__ import annotations

import re

from digest.links import clean_url
from digest.model import Block, Link

# A line of the list of addresses: "  12. https://…" (lynx), "[12] https://…" (w3m).
_ENTRY = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})\.)\s+([a-z][a-z+.-]*:\S+)\s*$",
                    re.IGNORECASE)
ENTRIES_MIN = 2
LABEL_WORDS = 3  # "References", "Visible links:", "Hidden links:" over or among the entries
_MARKER = re.compile(r"\[(\d{1,4})\]")
_GLUED = re.compile(r"\[(\d{1,4})\](?=[^\s\W]|[\[\"“‘'(¿¡])")  # "[13]Ardle", "[2][logo.png]"
_AFTER_WORDS = re.compile(r"\S \[(\d{1,4})\](?=[\s.,;:!?)]|$)")  # "… the scheduler [1] was"
# Where a link's words end: a separator, a mark that closes a phrase, the next marker.
_STOP = re.compile(r"(?<!\s)\s+(?:[·|•]|--?|[—–])\s|[,;:!?()\"“”]|\.(?=\s|$)|(?<!\s)\s*\[\d{1,4}\]")
# What comes right before a marker that opens a phrase: a separator, a dash, a colon, a
# sentence's end, or nothing (the line's start, a list entry's marker).
_OPENING = re.compile(r"(?:^\s*(?:[•·*+\-–]|\d{1,3}[.)])?|[·|•:—–\-(.!?])\s*$")
_OPENS = re.compile(r"^\s*(?:[•·*+\-–]|\d{1,3}[.)])?\s*$")  # nothing, or an entry's marker
_PICTURE_ALONE = re.compile(r"^(?:(?:\[\d{1,4}\])?\[[^\[\]]*\]\s*)+$")
# A picture's placeholder in any text: lynx's "[IMG]" and "[INLINE]", w3m's "[image]",
# Outlook's "[cid:image001.png@…]", a picture's file name "[logo.png]".
_PLACEHOLDER = re.compile(r"^(?:\[(?:IMG|INLINE|image|cid:[^\s\[\]]+|[^\s\[\]/]+\."
                          r"(?:png|jpe?g|gif|webp|svg|bmp))\]\s*)+$", re.IGNORECASE)
WORDS_IN_SENTENCE = 3


def addresses(lines: list[str]) -> dict[int, tuple[str, str, str]]:
    """The list of addresses closing the text, by line number (1-based): each line's marker
    number, address and line (its address without what only tracks the click). Its
    entries are numbered from 1 up, one by one, and nothing but they and short labels
    ("References", "Visible links:") follow the first."""
    found: dict[int, tuple[str, str, str]] = {}
    for n, line in enumerate(lines, start=1):
        entry = _ENTRY.match(line)
        if entry:
            shown = " ".join(line.split()).replace(entry[3], clean_url(entry[3]))
            found[n] = (entry[1] or entry[2], entry[3], shown)
        elif line.strip() and (not found or not _label(line)):
            found = {}
    numbers = [int(number) for number, _, _ in found.values()]
    if len(found) < ENTRIES_MIN or numbers != list(range(1, len(numbers) + 1)):
        return {}
    return found


def _label(line: str) -> bool:
    """A short line of words that names the list or a part of it, ending with a colon or
    not ("References", "Visible links:")."""
    text = line.strip()
    return len(text.split()) <= LABEL_WORDS and _WORDS.match(text) is not None


_WORDS = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)*:?$")


def markers_before(blocks: list[Block], listed: dict[int, tuple[str, str, str]]) -> bool:
    """Whether the text puts its markers before the link's words ("[13]Ardle Sound Ferries"),
    as a browser writes a page, rather than after them ("the scheduler [1] was merged")."""
    numbers = {number for number, _, _ in listed.values()}
    glued = after = 0
    for block in blocks:
        if block.line in listed or block.kind == "code":
            continue
        glued += sum(m[1] in numbers for m in _GLUED.finditer(block.text))
        after += sum(m[1] in numbers for m in _AFTER_WORDS.finditer(block.text))
    return glued >= ENTRIES_MIN and glued > after


def read_page_text(blocks: list[Block], listed: dict[int, tuple[str, str, str]]) -> None:
    """Each marker's link put on the words after it and the marker out of the text; the
    list of addresses (as written) and its labels a note; a line of pictures only chrome."""
    urls = {number: url for number, url, _ in listed.values()}
    first = min(listed)
    for n, block in enumerate(blocks):
        if block.line in listed:
            block.kind, block.text = "note", listed[block.line][2]
        elif block.line > first or _label_above(blocks, n, first):
            block.kind = "note" if _label(block.text) else block.kind
        if block.line >= first or block.kind in ("note", "code"):
            continue
        if _PICTURE_ALONE.match(block.text):
            block.kind = "chrome"
            continue
        _link_markers(block, urls)


def _label_above(blocks: list[Block], n: int, first: int) -> bool:
    """Block n is a short label right above the list ("References:"), or one right above
    a label of its part ("References" over "Visible links:")."""
    below = blocks[n + 1] if n + 1 < len(blocks) else None
    if below is None or not _label(blocks[n].text):
        return False
    return below.line == first or not blocks[n].text.endswith(":") and \
        below.text.endswith(":") and _label(below.text) and n + 2 < len(blocks) and \
        blocks[n + 2].line == first


def _link_markers(block: Block, urls: dict[str, str]) -> None:
    """The block's markers out of its text, each link on the words after it; a linked
    picture ("[24][twitter.png]") is no text."""
    text, links, position = block.text, [], 0
    while (marker := _MARKER.search(text, position)) is not None:
        url = urls.get(marker[1])
        if url is None:
            position = marker.end()
            continue
        picture = re.match(r"\[[^\[\]]*\]\s?", text[marker.end():])
        cut = marker.end() + (picture.end() if picture else 0)
        text = text[:marker.start()] + text[cut:]
        position = marker.start()
        words = "" if picture else _words(text, position)
        if words:
            links.append(Link(words, url))
            if _OPENS.match(text[:position]) and block.lead is None:
                block.lead, block.lead_kind = words, "link"
    block.text = " ".join(text.split())
    block.links = links + block.links


def _words(text: str, start: int) -> str:
    """A link's words from `start`: up to a separator, a mark or the next marker; inside a
    sentence, its capitalised words (a name) or at most three words."""
    stop = _STOP.search(text, start)
    words = text[start:stop.start() if stop else len(text)].strip()
    if _OPENING.search(text[:start]):
        return words
    parts = words.split()
    if parts and _capitalised(parts[0]):
        name = []
        for part in parts:
            if not _capitalised(part):
                break
            name.append(part)
        return " ".join(name)
    return " ".join(parts[:WORDS_IN_SENTENCE])


def _capitalised(word: str) -> bool:
    """A word of a name: "Ardle", "&", "2026"."""
    return word[:1].isupper() or word[:1].isdigit() or word == "&"


def placeholder(block: Block) -> bool:
    """A line that is only pictures' placeholders ("[IMG]", "[image]", "[cid:…]",
    "[logo.png]"): no text, in any plain text."""
    return block.kind == "paragraph" and _PLACEHOLDER.match(block.text) is not None
