"""Gemini's gemtext (`.gmi`): each line turned into the Markdown line that shows what a Gemini
client shows, one for one, and read by the Markdown reader, so block line numbers stay the
file's.

Gemtext has a kind per line: `#`, `##`, `###` headings, `=> URL text` links (each one a list
entry with its link, a bare `=> URL` showing the address; a line of text right under it is
that entry's blurb), `* ` lists, `>` quotes, and preformatted text between lines opening with
three backticks. Any other line is text, every character as written. A preformatted block
that opens the file and is mostly drawing (an ASCII-art banner) is no text.
"""

from __future__ import annotations

import re

from digest.model import Part

from .asmarkdown import link, literal, literal_line
from .decode import normalize_newlines

_TOGGLE = "```"
_LINK = re.compile(r"^=>[ \t]*(\S+)(?:[ \t]+((?:.*\S)?))?[ \t]*$")
_HEADING = re.compile(r"^(#{1,3})[ \t]*((?:.*\S)?)[ \t]*$")
_LETTER = re.compile(r"[^\W\d_]")
# Head of a file that is gemtext though named otherwise: a link line to a Gemini address.
_GEMINI_LINK = re.compile(r"^=>[ \t]*gemini://\S+", re.MULTILINE)
_HEADING_LINE = re.compile(r"^#{1,3}[ \t]*\S", re.MULTILINE)
SIGN_LINKS = 3  # Gemini link lines that make a `.txt` gemtext, under a `#` heading


def read_gemtext(text: str) -> Part:
    """The file's blocks, read through Markdown."""
    from .markdown import read_markdown

    lines = normalize_newlines(text).removeprefix("\ufeff").split("\n")
    return read_markdown("\n".join(as_markdown(lines)))


def looks_like_gemtext(head: str) -> bool:
    """Whether text saved under another name is unmistakably gemtext: SIGN_LINKS or more link
    lines to Gemini addresses and a `#` heading."""
    return len(_GEMINI_LINK.findall(head)) >= SIGN_LINKS and \
        _HEADING_LINE.search(head) is not None


def as_markdown(lines: list[str]) -> list[str]:
    """One Markdown line for each gemtext line."""
    out: list[str] = []
    preformatted = False
    for line in lines:
        if line.startswith(_TOGGLE):
            preformatted = not preformatted
            out.append(_TOGGLE + line[3:].replace("`", "") if preformatted else _TOGGLE)
        elif preformatted:
            out.append(line)
        else:
            out.append(_line(line))
    return _without_banner(lines, out)


def _line(line: str) -> str:
    """A line outside preformatted text: its kind by how it opens."""
    if line.startswith("=>"):
        found = _LINK.match(line)
        if found:
            return "- " + link(literal(found[2] or found[1]), found[1])
    if line.startswith("#"):
        found = _HEADING.match(line)
        if found and found[2]:  # (a closing "#" is the heading's words: "# Notes in C#")
            return f"{found[1]} {literal(found[2]).removesuffix('#')}" + "\\#" * \
                found[2].endswith("#")
    if line.startswith("* "):
        return "- " + literal(line[2:].strip())
    if line.startswith(">"):
        return "> " + literal(line[1:].strip())
    return literal_line(line) if line.strip() else ""


def _without_banner(lines: list[str], out: list[str]) -> list[str]:
    """The lines with a preformatted block that opens the file left blank when fewer than half
    of its marks are letters: a capsule's name drawn in slashes and underscores, which would
    be read as the lead story over the title."""
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None or not lines[start].startswith(_TOGGLE):
        return out
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith(_TOGGLE)), None)
    if end is None:
        return out
    marks = "".join("".join(lines[start + 1:end]).split())
    if len(_LETTER.findall(marks)) * 2 >= len(marks):
        return out
    return [*out[:start], *[""] * (end + 1 - start), *out[end + 1:]]
