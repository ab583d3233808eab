"""Small rule functions over a part's blocks: each looks at one block or a pair of neighbours.

They decide what a block *is* (a heading, a caption, a credit...), never where sections go.
"""

from __future__ import annotations

import re

from digest.model import Block

from .profiles import Profile

_TERMINAL = re.compile(r"[.,;:!…]$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_BULLET = re.compile(r"^[•·▪◦‣*–-]\s")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|van|von|de|der|da|di|la|le|bin|al)$")
CAPTION_MAX_WORDS = 60
# Template markup a reader leaves as text: badges written as undefined image references
# (`![level:medium]`), Liquid/Jinja tags (`{% include x %}`, `{{ var }}`).
_LEFTOVER_MARKUP = re.compile(r"^(?:!\[[^\]]*\]|\{%.*?%\}|\{\{.*?\}\}|\s)+$")
DROP_ORDER = ("chrome", "note", "signoff", "bio", "credit", "caption")


def words(text: str) -> int:
    return len(text.split())


def drop_kind(block: Block, profile: Profile) -> str | None:
    """The kind of furniture a block is by its own text (chrome, credit...), or None."""
    if block.kind in ("heading", "code"):
        return None
    if block.text[:1] in ("!", "{") and _LEFTOVER_MARKUP.match(block.text):
        return "chrome"
    for kind in DROP_ORDER:
        patterns = profile.drop.get(kind, [])
        if kind == "caption" and words(block.text) > CAPTION_MAX_WORDS:
            continue
        if any(p.search(block.text) for p in patterns):
            return kind
    return None


def is_caption_before(block: Block, following: Block, following_kind: str | None) -> bool:
    """A short paragraph sitting right above a photo credit is that photo's caption."""
    return (
        following_kind == "credit"
        and block.kind == "paragraph"
        and words(block.text) <= CAPTION_MAX_WORDS
        and following.line - block.end_line <= 3
    )


def looks_like_heading(text: str) -> bool:
    """A short title-like line: few words, capitalised, no closing punctuation."""
    n = words(text)
    if not 1 <= n <= 18 or len(text) > 120 or _BULLET.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘"):
        return False
    if text.endswith("?"):
        return n <= 8
    return not _TERMINAL.search(text) and not text.endswith(")")


def looks_like_numbered_subhead(text: str) -> bool:
    """A numbered one-sentence line inside prose ("2. AI talent stays home.")."""
    return bool(_NUMBERED.match(text)) and words(text) <= 22


def looks_like_name(text: str) -> bool:
    parts = text.split()
    return 2 <= len(parts) <= 4 and all(_NAME_WORD.match(p) for p in parts) and len(text) < 50


def leading_name(text: str) -> str:
    """The proper-noun phrase a sentence opens with ("The Tech Association (TA) is...")."""
    taken: list[str] = []
    for word in text.split():
        bare = word.strip(",;:")
        if bare[:1].isupper() or re.fullmatch(r"\([A-Z][A-Za-z&]*\)", bare) or (
            taken and bare in ("of", "for", "and", "&", "the", "in", "on")
        ):
            taken.append(bare)
            if word != bare:
                break
            continue
        break
    while taken and taken[-1] in ("of", "for", "and", "&", "the", "in", "on"):
        taken.pop()
    return " ".join(taken)
