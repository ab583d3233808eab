"""Ingest: read each input file into a Document of blocks, whatever its format.

The reader is chosen by content as well as by extension, so a `.txt` holding HTML, an
e-mail saved without its extension or a `.txt` that is plainly Markdown is still read
correctly.
"""

from __future__ import annotations

import re
from pathlib import Path

from digest.confine import Unsafe, read_inside
from digest.links import clean_url
from digest.model import Document, Link, Meta, Part, Problem
from digest.textwords import ENDS_SENTENCE

from .asciidoc import looks_like_asciidoc
from .decode import NotText, declared_charset, decode, normalize_newlines
from .gemtext import looks_like_gemtext
from .metadata import (
    METADATA_FILE,
    date_from_path,
    folder_name,
    hints_for,
    load_metadata,
    number_from_name,
)
from .org import looks_like_org
from .rst import looks_like_rst

__all__ = ["METADATA_FILE", "detect_format", "load_metadata", "read_file", "read_bytes"]

_EMAIL_HEADER = re.compile(
    r"^(?:From|To|Subject|Date|Received|Return-Path|MIME-Version|Message-ID|Delivered-To)"
    r":[ \t]", re.IGNORECASE
)
_MAIL_ONLY = {"from", "received", "return-path", "mime-version", "message-id", "delivered-to"}
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_MD_SIGNS = re.compile(r"^(?:#{1,6} \S|```|\[[^\]]+\]\(https?://)", re.MULTILINE)
_PELICAN_HEADER = re.compile(r"\A(?:[A-Z][A-Za-z_]*: .*\n){2,}")

# Removed with a warning; not a form feed, the page break of text taken from a PDF or printout.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
# Active content: tags, event handlers, `javascript:` and `data:` links, each looked for apart
# from a character it holds that few others do (a scheme from its colon, looked back from):
# one search for all of them tries every letter "d" and "j" of a text.
_ACTIVE = (re.compile(r"<(?:script|iframe|object|embed|applet)\b", re.IGNORECASE),
           re.compile(r"\son\w+\s*=", re.IGNORECASE),
           re.compile(r":(?:(?<=javascript:)|(?<=data:)[a-z]+/)", re.IGNORECASE))
# `digest fetch` marks a feed entry that carried only a summary, not the issue.
_SUMMARY_ONLY = re.compile(r'<meta\s+name="digest-content"\s+content="summary-only"', re.IGNORECASE)
LONG_LINE = 100_000
ACTIVE_NOTICE = "active content removed"
MAX_FILE_BYTES = 10 * 1024 * 1024

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mdx": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".eml": "email", ".emlx": "email", ".mbox": "email", ".mbx": "email",
    ".org": "org", ".gmi": "gemtext", ".gemini": "gemtext", ".rst": "rst", ".rest": "rst",
    ".adoc": "asciidoc", ".asciidoc": "asciidoc", ".asc": "asciidoc",
}


def detect_format(name: str, head: str) -> str:
    """Pick a reader from the start of the content, falling back to the file's extension."""
    first = head.lstrip("\ufeff")
    if first.startswith("From ") and "\n" in first:
        return "email"
    lines = first.split("\n", 8)[:8]
    headers = [line.split(":", 1)[0].lower() for line in lines if _EMAIL_HEADER.match(line)]
    by_name = EXTENSIONS.get(Path(name).suffix.lower())
    # A Markdown file's "Subject:" and "Date:" lines are its metadata (a Buttondown export);
    # a message saved as .md also has a header only mail has.
    if len(headers) >= 2 and (by_name != "markdown" or set(headers) & _MAIL_ONLY):
        return "email"
    if _HTML_START.match(first):
        return "html"
    if by_name in ("text", None):  # a light markup saved as text, by unmistakable signs
        if looks_like_org(first):
            return "org"
        if looks_like_gemtext(first):
            return "gemtext"
        if looks_like_rst(first):
            return "rst"
        if looks_like_asciidoc(first):
            return "asciidoc"
    if by_name:
        return by_name
    if first.startswith(("---\n", "+++\n")) or _MD_SIGNS.search(first):
        return "markdown"
    if _PELICAN_HEADER.match(first) and re.search(r"^Date: ", first, re.MULTILINE):
        return "markdown"
    return "text"


# A text file that is plainly Markdown (html2text's output saved as .txt): links written as
# Markdown ("[words](https://…)", "![](https://…)", "[words][8]" with a "[8]: …" line under
# the text), MARKDOWN_LINKS of them at least, and headings ("# …") or bold ("**…**") used
# MARKDOWN_MARKS times; a stray "*" or "#" in a mail's text part makes none of it.
MARKDOWN_LINKS = 3
MARKDOWN_MARKS = 2
# (A link's words hold no "[": a line of "[" then takes linear time, not quadratic.)
_MD_LINK = re.compile(r"!?\[[^\[\]\n]*\]\((?:https?://|mailto:)[^)\s]+\)", re.IGNORECASE)
_MD_REFERENCE = re.compile(r"\[[^\[\]\n]+\]\[([^\]\n]+)\]")
_MD_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]+\S", re.MULTILINE)
_MD_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MD_BOLD = re.compile(r"\*\*[^*\s][^*\n]*\*\*|__[^_\s][^_\n]*__")


def plainly_markdown(text: str) -> bool:
    """Whether a text file is Markdown by its marks: links written as Markdown, and
    headings or bold (see MARKDOWN_LINKS)."""
    defined = {label.lower() for label in _MD_DEFINITION.findall(text)}
    links = len(_MD_LINK.findall(text)) + sum(
        label.lower() in defined for label in _MD_REFERENCE.findall(text))
    return links >= MARKDOWN_LINKS and (len(_MD_HEADING.findall(text)) >= MARKDOWN_MARKS or
                                        len(_MD_BOLD.findall(text)) >= MARKDOWN_MARKS)


def read_bytes(name: str, data: bytes) -> Document:
    """Read one file's bytes; problems are recorded on the Document, never raised."""
    doc = _read_bytes(name, data)
    for part in doc.parts:
        if part.meta.date and not part.meta.date_source:
            part.meta.date_source = _DATE_SOURCE[doc.format]
        for block in part.blocks:
            cleaned = [Link(link.text, clean_url(link.url)) for link in block.links]
            for raw, link in zip(block.links, cleaned):
                if raw.url != link.url and raw.url in block.text:  # an address spelled out
                    block.text = block.text.replace(raw.url, link.url)
                    if link.text == raw.url:
                        link.text = link.url
            block.links = cleaned
            if block.kind not in ("code", "quote") and block.text.endswith("]"):
                block.text = _cut(block.text)
            if block.kind == "paragraph" and _DISPLAY_MATH.fullmatch(block.text):
                block.kind = "code"
    return doc


# A paragraph that is only a displayed formula, written in TeX ("$$ (R + h)^2 = R^2 + d^2 $$",
# "\[ E = mc^2 \]"), as a writer sets one apart: kept as written, like code, never a sentence.
_DISPLAY_MATH = re.compile(r"\s*(?:\$\$[^$]+\$\$|\\\[.+?\\\])\s*", re.DOTALL)

# "[…]" closing a paragraph: the text goes on elsewhere (a feed's excerpt), says no more.
_CUT_MARK = re.compile(r"\s+\[(?:…|\.{3})\]$")


def _cut(text: str) -> str:
    """The paragraph without its "[…]": after a whole sentence nothing is missing; a sentence
    cut short ("…to dry before storing them in […]") keeps an ellipsis to say so."""
    kept = _CUT_MARK.sub("", text)
    if not kept or kept == text:
        return text
    return kept if ENDS_SENTENCE.search(kept.rstrip("\"'”’)")) else kept + "…"


_DATE_SOURCE = {"email": "header", "markdown": "front matter", "html": "html",
                "text": "front matter", "org": "front matter", "gemtext": "front matter",
                "rst": "front matter", "asciidoc": "front matter"}


# Apple Mail's .emlx: the message's length in bytes on a line of its own, the message, then
# a property list of the mail program's flags.
_EMLX_LENGTH = re.compile(rb"\A(\d{1,10})[ \t]*\r?\n")


def _unwrapped(data: bytes) -> bytes:
    """An Apple Mail message's bytes without the length line and property list around them."""
    length = _EMLX_LENGTH.match(data)
    if length is None or not _EMAIL_HEADER.match(data[length.end():length.end() + 200].decode(
            "utf-8", errors="replace")):
        return data
    return data[length.end():length.end() + int(length[1])]


def _read_bytes(name: str, data: bytes) -> Document:
    problems: list[Problem] = []
    unwrapped = _unwrapped(data)
    if unwrapped is not data:
        doc = _read_bytes(name, unwrapped)
        for block in (b for part in doc.parts for b in part.blocks):
            block.line, block.end_line = block.line + 1, block.end_line + 1  # the length line
        for problem in doc.problems:
            problem.line = problem.line + 1 if problem.line else problem.line
        return doc
    head = data[:4096].decode("utf-8", errors="replace")
    fmt = detect_format(name, head)
    if fmt == "email":
        from .email import read_email

        parts, email_problems = read_email(data, name)
        problems.extend(email_problems)
        return Document(path=name, format=fmt, parts=parts, problems=problems)
    try:
        text, warning = decode(data, declared_charset(data) if fmt == "html" else None)
    except NotText as exc:
        problems.append(Problem(name, f"skipped: {exc}", severity="error"))
        return Document(path=name, format="text", parts=[], problems=problems)
    if warning:
        problems.append(Problem(name, warning))
    text = normalize_newlines(text)
    if fmt == "text" and plainly_markdown(text):
        fmt = "markdown"
    problems.extend(Problem(name, notice, severity=_severity(fmt, notice, text))
                    for notice in notices(fmt, text))
    if fmt == "html" and _SUMMARY_ONLY.search(text[:20_000]):
        problems.append(Problem(name, "only the feed's summary was fetched, not the whole issue",
                                severity="info"))
    part = _read_text_as(fmt, text)
    problems.extend(Problem(name, notice, severity="info") for notice in part.notices)
    return Document(path=name, format=fmt, parts=[part], problems=problems)


def notices(fmt: str, text: str) -> list[str]:
    """What the readers will remove or struggle with, said once per file."""
    found = []
    if "\x00" in text:
        found.append("NUL characters removed")
    if _CONTROL.search(text.replace("\x00", "")):
        found.append("control characters removed")
    # (no line of a text as short as the limit passes it)
    longest = max(map(len, text.split("\n")), default=0) if len(text) > LONG_LINE else 0
    if longest > LONG_LINE:
        found.append(f"a very long line ({longest:,} characters): summarized in pieces")
    if fmt in ("html", "markdown") and _active(text):
        found.append(f"{ACTIVE_NOTICE} (scripts, frames, objects, event handlers, "
                     "javascript: and data: links); only text and web links are kept")
    return found


def _active(text: str) -> bool:
    return any(pattern.search(text) for pattern in _ACTIVE)


def _severity(fmt: str, notice: str, text: str) -> str:
    """A saved web page always has its scripts, and a Markdown post the loaders of what it
    embeds (a post's `<script async src="https://…">`, a video's `<iframe src="https://…">`):
    their removal is said, not warned of (a `--strict` build would fail on every one); any
    other active content in Markdown (inline code, handlers, `javascript:`) is a warning."""
    if not notice.startswith(ACTIVE_NOTICE):
        return "warning"
    if fmt == "html" or not _active(_EMBED_LOADER.sub(_loader_removed, text)):
        return "info"
    return "warning"


_EMBED_LOADER = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?https://[^>]*>\s*</script>|"
                           r"<iframe\b[^>]*\bsrc\s*=\s*[\"']?https://[^>]*>(?:\s*</iframe>)?",
                           re.IGNORECASE)


def _loader_removed(found: re.Match[str]) -> str:
    """An embed's loader, gone; one with a handler or a script address stays to be warned of."""
    return found[0] if re.search(r"\son\w+\s*=|javascript:|data:", found[0], re.IGNORECASE) \
        else ""


def _read_text_as(fmt: str, text: str) -> Part:
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(text)
    if fmt == "org":
        from .org import read_org

        return read_org(text)
    if fmt == "gemtext":
        from .gemtext import read_gemtext

        return read_gemtext(text)
    if fmt == "rst":
        from .rst import read_rst

        return read_rst(text)
    if fmt == "asciidoc":
        from .asciidoc import read_asciidoc

        return read_asciidoc(text)
    if fmt == "html":
        from .html import read_html
        from .savedmail import read_header_block

        return read_header_block(read_html(text))
    from .text import read_text

    return read_text(text)


def read_file(path: Path, display: str | None = None, root: Path | None = None) -> Document:
    """Read a regular file from disk (inside `root`, the input folder, if given); an
    unreadable or refused file gives a Document with no parts and a problem.

    `root` is the input folder: a file directly in it has no newsletter folder to be named by.
    """
    name = display or str(path)
    try:
        data = read_inside(path, root, limit=MAX_FILE_BYTES)
        if len(data) > MAX_FILE_BYTES:
            size = max(len(data), path.stat().st_size)
            problem = Problem(name, f"skipped: too large to be a newsletter ({size / 2**20:.1f} "
                              f"MB; the limit is {MAX_FILE_BYTES // 2**20} MB)", severity="error")
            return Document(name, "text", [], problems=[problem])
    except Unsafe as exc:
        return Document(name, "text", [], problems=[Problem(name, f"skipped: {exc.reason}",
                                                            severity="error")])
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        problem = Problem(name, f"unreadable: {reason}", severity="error")
        return Document(name, "text", [], problems=[problem])
    doc = read_bytes(name, data)
    metadata, problems = load_metadata(path.parent)
    doc.problems.extend(problems)
    meta, doc.hints = hints_for(metadata, path.name)
    for part in doc.parts:
        _by_convention(part.meta, meta, path, root, bool(doc.hints))
    if not data.lstrip(b"\xef\xbb\xbf").strip():  # said once, not also by its reader
        doc.problems = [p for p in doc.problems if p.path != name] + [
            Problem(name, "empty file: nothing to read")]
    return doc


def _by_convention(found: Meta, recorded: Meta, path: Path, root: Path | None,
                   hinted: bool) -> None:
    """Names and dates in their order: the metadata file, then what the file says itself, then
    its folder and file name (see the README, "Names and dates")."""
    for key in ("publication", "publisher"):
        setattr(found, key, getattr(recorded, key) or getattr(found, key))
    found.title = found.title or recorded.title
    found.author = found.author or recorded.author
    found.language = recorded.language or found.language
    if recorded.date:
        found.date, found.date_approximate = recorded.date, recorded.date_approximate
        found.date_source = "metadata"
    elif not found.date and not hinted:
        named = date_from_path(path, root)
        if named:
            found.date, found.date_approximate = named
            found.date_source = "file name"
    found.folder = folder_name(path, root)
    found.number = number_from_name(path)
