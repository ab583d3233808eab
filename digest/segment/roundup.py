"""Roundup items: numbered stories, with the outlet where the profile says and a paywall mark."""

from __future__ import annotations

import re

from digest.datewords import opens_with_day
from digest.model import Block, Item
from digest.textwords import ENDS_SENTENCE

from .profiles import Profile

_SENTENCE_END = ENDS_SENTENCE
MAX_OUTLET_WORDS = 7


def split_outlet(text: str, outlet: re.Pattern[str] | None,
                 paywall: str) -> tuple[str, str | None, bool]:
    """Text without its outlet, the outlet, and whether it is paywalled.

    `outlet` is the profile's pattern for where an item names its outlet (group 1), such as
    a closing parenthesis; a newsletter with none names no outlets. What it finds is text
    after all when it ends a sentence ("(Here's one example on X.)"), runs long, or starts
    in lower case.
    """
    match = outlet.search(text) if outlet else None
    if not match:
        return text, None, False
    inside = match.group(1).strip()
    paywalled = bool(paywall) and paywall in inside
    name = inside.replace(paywall, " ").strip() if paywall else inside
    name = " ".join(name.split())
    if not name or _SENTENCE_END.search(name) or len(name.split()) > MAX_OUTLET_WORDS:
        return text, None, False
    if not (name[0].isupper() or name[0].isdigit()):
        return text, None, False
    return text[: match.start()].rstrip(), name, paywalled


def item_from(block: Block, marker: re.Pattern[str] | None, profile: Profile) -> Item:
    text = block.text
    number = block.number
    if marker:
        found = marker.match(text)
        if found and not (found[0].strip()[:1].isdigit() and opens_with_day(text)):  # a date
            digits = re.match(r"\d+", found.group(0))
            number = int(digits.group(0)) if digits else number
            text = text[found.end():]
    body, outlet, paywalled = split_outlet(text.strip(), profile.outlet, profile.paywall)
    return Item(line=block.line, text=body, outlet=outlet, paywalled=paywalled,
                number=number, links=list(block.links), place=block.place)


def item_level(block: Block, profile: Profile, under_numbered: bool = True) -> int:
    """1 for a story, 2 for a sub-story, 0 for a block that is not a list entry.

    A bullet is a sub-story when it is indented or follows numbered stories.
    """
    if block.kind == "item":
        return 1 if block.level <= 1 else 2
    if profile.sub_item.match(block.text):
        return 2 if block.level >= 1 or under_numbered else 1
    if profile.item.match(block.text):
        return 1
    return 0
