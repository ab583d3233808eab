"""Plain-text reader: one block per line, or per paragraph when the text is hard-wrapped.

List entries (`-`, `*`, `+`, `•`, `–`, `1.`, `1)`, `a)`) keep their marker; their nesting
comes from indentation (`level`, 0 for the outermost entries) and an indented line under an
entry continues it. A short line underlined with `===` or `---` is a heading (level 1 or 2);
a line of `---`, `***` or `___` alone is a rule.
"""

from __future__ import annotations

import re

from digest.model import Block, Meta, Part

from .decode import clean_line

LIST_MARKER = re.compile(r"^\s*(?:[•·▪◦‣*+\-–]\s|\d{1,3}[.)]\s|[a-z]\)\s)")
_UNDERLINE = re.compile(r"^\s{0,3}(={3,}|-{3,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
SETEXT_MAX_WORDS = 12


def is_hard_wrapped(lines: list[str]) -> bool:
    """Wrapped text has no line over ~100 columns and many lines filled close to one width."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 8 or max(lengths) > 100:
        return False
    full = sum(1 for n in lengths if n >= 55)
    return full >= len(lengths) // 2


class _Reader:
    """Lines to blocks, keeping the indentation of the list being read."""

    def __init__(self, wrapped: bool) -> None:
        self.wrapped = wrapped
        self.blocks: list[Block] = []
        self.indents: list[int] = []  # indentation of each open list level, outermost first
        self.in_entry = False  # the last block is a list entry that may continue

    def line(self, number: int, line: str) -> None:
        stripped = " ".join(line.split())
        prev = self.blocks[-1] if self.blocks else None
        touching = prev is not None and prev.end_line == number - 1
        if not stripped:
            return
        if touching and self._underlines(prev, line):
            prev.kind, prev.level = "heading", 1 if line.strip()[0] == "=" else 2
            prev.end_line = number
            self._end_list()
            return
        if _RULE.match(line):
            self.blocks.append(Block(text="", line=number, end_line=number, kind="rule"))
            self._end_list()
            return
        if LIST_MARKER.match(line):
            level = self._level(len(line) - len(line.lstrip()))
            self.blocks.append(Block(text=stripped, line=number, end_line=number, level=level))
            self.in_entry = True
            return
        indented = line[:1] in (" ", "\t")
        continues = touching and prev.kind == "paragraph" and (
            self.wrapped or (self.in_entry and indented))
        if continues:
            prev.text = f"{prev.text} {stripped}"
            prev.end_line = number
            return
        self.blocks.append(Block(text=stripped, line=number, end_line=number))
        self._end_list()

    def _underlines(self, prev: Block, line: str) -> bool:
        """A `===`/`---` line right under a one-line, short paragraph makes it a heading."""
        return (_UNDERLINE.match(line) is not None and prev.kind == "paragraph"
                and prev.line == prev.end_line and not LIST_MARKER.match(prev.text)
                and len(prev.text.split()) <= SETEXT_MAX_WORDS)

    def _level(self, indent: int) -> int:
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
        return len(self.indents) - 1 + (self.indents[0] > 0)  # an indented list is nested

    def _end_list(self) -> None:
        self.indents, self.in_entry = [], False


def read_text(text: str) -> Part:
    lines = [clean_line(line) for line in text.split("\n")]
    reader = _Reader(is_hard_wrapped(lines))
    for number, line in enumerate(lines, start=1):
        reader.line(number, line)
    return Part(blocks=reader.blocks, meta=Meta())
