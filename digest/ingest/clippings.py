"""Markdown a read-later or clipping tool wrote around a page the reader saved (Readwise
Reader, Omnivore, Obsidian Web Clipper, Logseq): the tool's own parts read as what they are.

The reader's highlights and notes are their own, never the newsletter's: their part is left
out and said once. The tool's block of details ("## Metadata", Logseq's `key:: value`
properties, Omnivore's `date_published:` lines) gives the page's title, author, date and web
address and is no text; its wrapper heading ("## Full Document") is no section; the day the
page was saved never dates it. Lines taken out are left blank, so line numbers stay the file's.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from digest.datewords import written_date
from digest.links import host

from .dates import parse_date

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FIELD = re.compile(r"^\s*[-*]?\s*([A-Za-z][\w ]{0,30}?)\s*:\s+(\S.*)$")
_PROPERTY = re.compile(r"^\s*(?:- )?([a-z][\w-]{0,30})::\s*(.*)$")
_BLOCK_REFERENCE = re.compile(r"\s*\(\([0-9a-f-]{8,40}\)\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)\)")
WIKILINK_VALUE = re.compile(r"\[\[(?:[^\]|\n]*\|)?([^\]\n]+)\]\]")  # "[[Page|Alias]]": Alias
_SNAKE_FIELD = re.compile(r"^\s*(date_saved|date_published|saved|published)\s*:\s*(\S.*)$")
PROPERTY_LINES = 2  # Logseq's page properties: so many `key:: value` lines at the top


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data = tomllib.loads((Path(__file__).with_name("clippings.toml")).read_text("utf-8"))
    words = {key: frozenset(value) for key, value in data.items()}
    # the hosts to look for in a text: one holding another ("app.omnivore.app") is found
    # wherever that one is
    words["host_marks"] = frozenset(host for host in words["hosts"] if not any(
        other != host and other in host for other in words["hosts"]))
    return words


def clipped(lines: list[str], fields: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The fields a clipping gives beyond its front matter (blanking the tool's lines in
    `lines`, in place), and how many lines of the reader's highlights and notes were left
    out; a file no tool wrote is left as it is ({}, 0)."""
    words = _words()
    properties = _properties(lines)
    text = "\n".join(lines)
    web_clip = {"source", "created"} <= fields.keys() and \
        str(fields["source"]).startswith(("https://", "http://"))  # Obsidian's Web Clipper
    if not (fields.keys() & words["saved_keys"] or properties or web_clip or
            any(site in text for site in words["host_marks"]) and _tool_link(text, words["hosts"])):
        return {}, 0
    found: dict[str, Any] = {**properties, "clipping": True}
    for key in words["saved_keys"] | {"created"}:  # the day it was saved or clipped
        fields.pop(key, None)
    fields.pop("category", None)  # the tool's kind of document ("articles"), no newsletter
    left_out = 0
    level = 7
    part = ""
    for n, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading and len(heading[1]) <= level:
            name = heading[2].strip().casefold()
            level, part = 7, ""
            if name in words["highlights"]:
                level, part = len(heading[1]), "highlights"
            elif name in words["metadata"]:
                level, part = len(heading[1]), "metadata"
            elif name in words["wrappers"] and len(heading[1]) <= 2:
                lines[n] = ""
                continue
            if part:
                lines[n] = ""
                continue
        if part == "highlights":
            left_out += bool(line.strip())
            lines[n] = ""
        elif part == "metadata":
            _detail(line, found)
            lines[n] = ""
        else:
            lines[n] = _tool_line(line, words, found)
    return found, left_out


def _detail(line: str, found: dict[str, Any]) -> None:
    """One line of the tool's details ("- Full Title: …", "- URL: https://…")."""
    field = _FIELD.match(line)
    if field is None:
        return
    key, value = field[1].strip().casefold(), WIKILINK_VALUE.sub(r"\1", field[2]).strip()
    if key in ("full title", "title"):
        found.setdefault("title", value)
    elif key == "author":
        found.setdefault("author", value)
    elif key in ("url", "source") and value.startswith(("http://", "https://")):
        found.setdefault("address", value)
    elif key in ("published", "date published", "date"):
        date = parse_date(value) or written_date(value)
        if date is not None:
            found.setdefault("date_published", date)


def _tool_line(line: str, words: dict[str, Any], found: dict[str, Any]) -> str:
    """A line of the newsletter, or blank for one of the tool's: a link to the tool itself
    ("[Read on Omnivore](…)"), the original's address ("[Read Original](…)"), a repeat of
    the front matter ("date_published: …"), a block's property ("id:: …")."""
    if "::" in line and _PROPERTY.match(line):
        return ""
    if "((" in line:
        line = _BLOCK_REFERENCE.sub("", line)
    snake = _SNAKE_FIELD.match(line)
    if snake:
        if snake[1] in ("date_published", "published"):
            date = parse_date(snake[2].strip()) or written_date(snake[2])
            if date is not None:
                found.setdefault("date_published", date)
        return ""
    links = _LINK.findall(line)
    if not links or _LINK.sub("", line).strip(" ·|—–-"):
        return line
    hosts = words["hosts"]
    theirs = [url for label, url in links if host(url) not in hosts and
              label.strip().casefold() not in words["original"]]
    if theirs:
        return line
    original = [url for _, url in links if host(url) not in hosts]
    if original:  # "[Read Original](https://…)"
        found.setdefault("address", original[0])
    return ""


def _tool_link(text: str, hosts: frozenset[str]) -> bool:
    return any(host(url) in hosts for _, url in _LINK.findall(text))



def _properties(lines: list[str]) -> dict[str, Any]:
    """Logseq's page properties at the top ("title:: …", "published:: [[Mar 12th, 2026]]"),
    read and blanked."""
    found: dict[str, Any] = {}
    at = 0
    while at < len(lines) and (match := _PROPERTY.match(lines[at])):
        value = WIKILINK_VALUE.sub(r"\1", match[2]).strip()
        key = match[1].lower()
        if key in ("title", "author") and value:
            found[key] = value
        elif key in ("source", "url") and value.startswith(("http://", "https://")):
            found["address"] = value
        elif key in ("published", "date"):
            date = parse_date(value) or written_date(value)
            if date is not None:
                found["date_published"] = date
        at += 1
    if at < PROPERTY_LINES:
        return {}
    lines[:at] = [""] * at
    return found
