"""Plain-text reader: one block per line, or per paragraph when the text is hard-wrapped."""

from __future__ import annotations

import re

from digest.model import Block, Meta, Part

from .decode import clean_line

LIST_MARKER = re.compile(r"^\s*(?:[•·▪◦‣*\-–]\s|\d{1,3}[.)]\s)")


def is_hard_wrapped(lines: list[str]) -> bool:
    """Wrapped text has no line over ~100 columns and many lines filled close to one width."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 8 or max(lengths) > 100:
        return False
    full = sum(1 for n in lengths if n >= 55)
    return full >= len(lengths) // 2


def read_text(text: str) -> Part:
    lines = [clean_line(line) for line in text.split("\n")]
    wrapped = is_hard_wrapped(lines)
    blocks: list[Block] = []
    for number, line in enumerate(lines, start=1):
        stripped = " ".join(line.split())
        if not stripped:
            continue
        prev = blocks[-1] if blocks else None
        joins = (
            wrapped
            and prev is not None
            and prev.end_line == number - 1
            and not LIST_MARKER.match(line)
        )
        if joins:
            prev.text = f"{prev.text} {stripped}"
            prev.end_line = number
        else:
            blocks.append(Block(text=stripped, line=number, end_line=number, level=_indent(line)))
    return Part(blocks=blocks, meta=Meta())


def _indent(line: str) -> int:
    """Indented list lines are nested one level deeper than flush ones."""
    return 1 if line[:1] in (" ", "\t") and LIST_MARKER.match(line) else 0
