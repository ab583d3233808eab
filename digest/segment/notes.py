"""Notes: the footnotes, endnotes and references an essay keeps under its text, never its text.

Found by their numbers, each answering a marker in the text above ("… for nine months.[1]"
over "[1] In the U.S., …"; "…coast road.⁵" over an ordered list of notes), or after the
sign-off under a heading that names them (`notes` in `digest/profiles/_languages.toml`:
"Further reading", "Références"). Their markers leave the text, as do superscript figures
set after a sentence's mark ("road.⁵"), never those of a unit or a power ("m²", "x³").
"""

from __future__ import annotations

import dataclasses
import re

from digest.model import Block
from digest.textwords import ENDS_SENTENCE, count_words

from .profiles import Profile, heading_key
from .rules import in_capitals

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PLAIN_FIGURES = str.maketrans(SUPERSCRIPTS, "0123456789")
# A note's marker set in superscript after a sentence's or a clause's mark or a closing quote
# or bracket ("…coast road.⁵ Penrose's…", "“…a single trade.”³").
_SUPER_MARK = re.compile(rf"(?<=[.,;:!?…\"”’»)\]])([{SUPERSCRIPTS}]{{1,3}})(?=\s|$)")
# "[2]" after a word or a mark ("1792[1].", "months.[1]"), not a link's words ("[2](…)").
_BRACKET_MARK = re.compile(r"\s*\[(\d{1,3})\](?![(:])")
_BRACKET_NOTE = re.compile(r"^\[(\d{1,3})\]\s+\S")  # "[2] I am simplifying. Usually…"
_ANY_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
NOTES_HEADING_WORDS = 4  # "NOTES", "Further reading", "Notes and sources"
_TAKEN = (None, "note", "caption", "credit")  # a source's line may read as a picture's credit


def numbered_notes(blocks: list[Block], words: frozenset[str]) -> list[Block]:
    """The blocks with each run of numbered notes that answers the markers of the text above
    it, one for one, read as notes (with the paragraphs between two of them, and a heading
    right over them: in `words`, in capitals or ending in a colon), those markers out of the
    text, and every superscript marker too."""
    markers = [_markers(b) for b in blocks]
    blocks = [_unmarked(b) for b in blocks]
    at = since = 0
    while at < len(blocks):
        run = _run(blocks, at)
        if not run:
            at += 1
            continue
        numbers = {_number(blocks[i]) for i in run} - {None}
        if numbers == set().union(*markers[since:run[0]]):
            blocks = _as_notes(blocks, run, {str(n) for n in numbers}, words)
            since = run[-1] + 1
        at = run[-1] + 1
    return blocks


def _unmarked(block: Block) -> Block:
    """The block without superscript markers after a sentence's mark ("road.⁵")."""
    if block.kind == "code" or not _ANY_SUPERSCRIPT.search(block.text):
        return block
    lead = _SUPER_MARK.sub("", block.lead) if block.lead else None
    return dataclasses.replace(block, text=_SUPER_MARK.sub("", block.text), lead=lead)


def _number(block: Block) -> int | None:
    """The number a note opens with: "[2] …", or its ordered list's number."""
    if block.kind == "paragraph":
        found = _BRACKET_NOTE.match(block.text)
        return int(found[1]) if found else None
    return block.number if block.kind == "item" and block.level <= 1 else None


def _run(blocks: list[Block], start: int) -> list[int]:
    """The indices of a run of notes from `start` numbered one after another, and of the
    paragraphs between two of them (a note's second paragraph; after the last, those of its
    list entry): empty when no note opens there."""
    first = _number(blocks[start])
    if first is None:
        return []
    run, last, expected = [start], start, first + 1
    for i in range(start + 1, len(blocks)):
        number = _number(blocks[i])
        if number == expected:
            run += list(range(last + 1, i + 1))
            last, expected = i, expected + 1
        elif number is not None or blocks[i].kind not in ("paragraph", "rule"):
            break
    while last + 1 < len(blocks) and blocks[last + 1].kind == "paragraph" and \
            blocks[last + 1].level and blocks[start].kind == "item":
        last += 1
        run.append(last)
    return run


def _markers(block: Block) -> set[int]:
    """The numbers the block's markers give ("[2]", "…road.⁵"); those of code or a note
    are none."""
    if block.kind in ("code", "note"):
        return set()
    found = {int(m[1]) for m in _BRACKET_MARK.finditer(block.text)} if "[" in block.text \
        else set()
    if _ANY_SUPERSCRIPT.search(block.text):
        found |= {int(m.translate(_PLAIN_FIGURES)) for m in _SUPER_MARK.findall(block.text)}
    return found


def _as_notes(blocks: list[Block], run: list[int], numbers: set[str],
              words: frozenset[str]) -> list[Block]:
    """The run's blocks as notes, a heading right over it too, and its markers out of the
    text above."""
    first = run[0]
    out = [dataclasses.replace(b, text=_BRACKET_MARK.sub(
        lambda m: "" if m[1] in numbers else m[0], b.text)) if b.kind != "code" else b
        for b in blocks[:first]]
    if first and _label(out[first - 1], words):
        out[first - 1] = dataclasses.replace(out[first - 1], kind="note")
    out += [dataclasses.replace(b, kind="note") if i in run else b
            for i, b in enumerate(blocks[first:], start=first)]
    return out


def _label(block: Block, words: frozenset[str]) -> bool:
    """A heading, or a short line of a few words and no sentence that names notes, is in
    capitals or ends in a colon ("NOTES", "Sources:")."""
    text = block.text.strip()
    return block.kind == "heading" or block.kind == "paragraph" and not block.links and \
        count_words(text) <= NOTES_HEADING_WORDS and not ENDS_SENTENCE.search(text) and (
            heading_key(text) in words or in_capitals(text) or text.endswith(":"))


def after_sign_off(blocks: list[Block], kinds: list[str | None],
                   profile: Profile) -> list[str | None]:
    """Kinds with what follows a notes heading after the sign-off ("Further reading",
    "REFERENCES" under "Best wishes," and a name: the writer's sources, no section) as notes,
    heading and all, up to the footer (a source that reads as a picture's caption or credit,
    "A map of the routes, drawn in 1820.", is a note too)."""
    last = max((i for i, k in enumerate(kinds) if k == "signoff"), default=None)
    if last is None or not profile.notes:
        return kinds
    kinds = list(kinds)
    at = last + 1
    while at < len(blocks) and (kinds[at] is not None or blocks[at].kind == "rule"):
        at += 1
    while at < len(blocks) and kinds[at] is None and _label(blocks[at], profile.notes) and \
            heading_key(blocks[at].text) in profile.notes:
        kinds[at] = "note"
        at += 1
        while at < len(blocks) and kinds[at] in _TAKEN and not _label(blocks[at], profile.notes):
            kinds[at] = "note" if blocks[at].kind != "rule" else None
            at += 1
    return kinds


def over_notes(blocks: list[Block], kinds: list[str | None],
               profile: Profile) -> list[str | None]:
    """Kinds with a heading whose part holds only notes (the readers' footnotes, "Fußnoten"
    over a page's list of them) as a note too, not an empty section."""
    kinds = list(kinds)
    for i, block in enumerate(blocks):
        if kinds[i] is not None:
            continue
        j = i + 1
        while j < len(blocks) and (kinds[j] == "note" or blocks[j].kind == "rule"):
            j += 1
        if "note" in kinds[i + 1:j] and _label(block, profile.notes) and (
                j == len(blocks) or kinds[j] is not None or _label(blocks[j], profile.notes)):
            kinds[i] = "note"
    return kinds
