"""Writing another markup's text as Markdown that reads back as written: the Org-mode and
gemtext readers turn each of their lines into one Markdown line with these helpers, so that
the Markdown reader finds the blocks and the line numbers stay those of the file.
"""

from __future__ import annotations

import re

# What Markdown (CommonMark, with tables and strikethrough) reads as its own markup in a line.
_SPECIAL = {ord(mark): "\\" + mark for mark in "\\`*_[]<>&~|"}
# A line of one mark repeated ("-----", "=====", "* * *"): a rule, never a heading's underline.
_RULE = re.compile(r"^[ \t]*([-=_*~])(?:[ \t]*\1){2,}[ \t]*$")
_UNDERLINE = re.compile(r"^[-=]{1,2}$")  # "-", "==": under a line, Markdown's heading marks
_DESTINATION = re.compile(r"([\\<>])")
RULE = "***"


def literal(text: str) -> str:
    """Text every character of which Markdown shows as written (`a_b`, `5 * 3`, `<tag>`)."""
    return text.translate(_SPECIAL)  # (a table, not a pattern: a run of marks costs little)


def literal_line(text: str) -> str:
    """A line of text, set at the left edge: a line of one mark repeated is a rule."""
    return RULE if is_rule(text) else guarded(literal(text.strip()))


def is_rule(line: str) -> bool:
    """A line of one mark repeated ("-----", "_____", "* * *"): a rule, as plain text draws
    one (a mailing list's footer under its "____")."""
    return _RULE.match(line) is not None


def guarded(line: str) -> str:
    """A Markdown line that is text, never a heading's underline ("-", "==")."""
    return "\\" + line if _UNDERLINE.match(line) else line


def link(label: str, url: str) -> str:
    """A Markdown link to `url` (any scheme, spaces and brackets kept) showing `label`, which
    is Markdown already."""
    destination = _DESTINATION.sub(r"\\\1", url)
    return f"[{label}](<{destination}>)"
