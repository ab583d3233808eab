"""A forwarded newsletter's own header block, a neutral helper the fetch and ingest stages
both use (it imports no stage). Readers forward newsletters to the mailbox digest reads; the
block a mail program writes above the forwarded message ("---------- Forwarded message
---------", "From: …", "Date: …", "Subject: …") names the newsletter, its date and its title,
not the reader who forwarded it. Markers and field names, per language: forwarded.toml."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from digest.datewords import written_date

SEARCH_LINES = 12  # the marker is among the body's first lines
HEADER_LINES = 8  # header lines under it, up to the first blank line


@dataclass
class Forward:
    """What the forwarded message's header block says, and which of the lines it holds."""

    sender: str | None = None
    address: str | None = None  # the sender's address, when its From line gives one
    date: dt.date | None = None
    subject: str | None = None
    lines: list[int] = field(default_factory=list)  # indices into the lines given


@dataclass(frozen=True)
class _Words:
    marker: re.Pattern[str]
    fields: dict[str, str]  # field name (casefolded) -> "from" | "date" | "subject" | "to"
    forward: re.Pattern[str]  # one forward prefix ("Fwd:")
    leading: re.Pattern[str]  # the run of forward prefixes and external tags opening a subject


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads((Path(__file__).with_name("forwarded.toml")).read_text("utf-8"))
    markers = [m for table in data.values() for m in table.get("markers", [])]
    fields = {name.casefold(): key for table in data.values()
              for key in ("from", "date", "subject", "to") for name in table.get(key, [])}

    def either(key: str) -> str:
        words = {w for table in data.values() for w in table.get(key, [])}
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    forward = rf"(?:{either('forward')})\s*[:：]"
    tag = rf"\[\s*(?:{either('external')})\s*\]|(?:{either('external')})\s*[:：]"
    return _Words(re.compile(rf"^\s*(?:{'|'.join(markers)})\s*$", re.IGNORECASE), fields,
                  re.compile(forward, re.IGNORECASE),
                  re.compile(rf"^\s*(?:(?:{forward}|{tag})\s*)+", re.IGNORECASE))


def field_lines(text: str) -> list[str]:
    """A block's text cut before each header field it holds ("From: A Date: B" as two lines),
    for header lines an HTML reader ran together."""
    return [part for part in _fields().split(text) if part.strip()] or [text]


@lru_cache(maxsize=1)
def _fields() -> re.Pattern[str]:
    names = sorted(_words().fields, key=len, reverse=True)
    return re.compile(rf"\s+(?=(?:{'|'.join(map(re.escape, names))})\s*:\s)", re.IGNORECASE)


def without_prefix(subject: str) -> str:
    """A subject without the "Fwd:" (and "WG:", "TR:"…) its forwards put before it, nor the
    "[EXTERNAL]" a company's mail server put before it."""
    return _words().leading.sub("", subject, count=1).strip() or subject


def is_forward(subject: str) -> bool:
    """Whether the subject opens with a forward's prefix ("Fwd:", "[EXTERN] WG:")."""
    found = _words().leading.match(subject)
    return found is not None and _words().forward.search(found[0]) is not None


def forwarded(lines: list[str]) -> Forward | None:
    """The forwarded message's header block among the first lines of a body, or None: under
    a marker line, or (Outlook writes none, only a rule) a From line with a date and a subject
    under it."""
    words = _words()
    start = next((n for n, line in enumerate(lines[:SEARCH_LINES])
                  if words.marker.match(line)), None)
    if start is None:
        return _unmarked(lines)
    return _header_block(lines, start, Forward(lines=[start]))


QUOTED_SHARE = 0.8  # of the lines under a marker quoted with ">": the forward is quoted whole
_QUOTE_MARK = re.compile(r"^>[ ]?")


def unquoted(text: str) -> str:
    """A plain-text forward quoted whole with ">" (Apple Mail, mutt: "Begin forwarded
    message:" over "> From: …" and every line of the newsletter) with one level of quoting
    taken off under its marker, so the newsletter reads as its sender wrote it."""
    lines = text.split("\n")
    marker = _words().marker
    start = next((n for n, line in enumerate(lines[:SEARCH_LINES]) if marker.match(line)), None)
    if start is None:
        return text
    below = [line for line in lines[start + 1:] if line.strip()]
    quoted = sum(1 for line in below if line.startswith(">"))
    if not below or quoted < QUOTED_SHARE * len(below):
        return text
    return "\n".join([*lines[:start + 1], *(_QUOTE_MARK.sub("", line, count=1)
                                              for line in lines[start + 1:])])


def _unmarked(lines: list[str]) -> Forward | None:
    words = _words()
    for n, line in enumerate(lines[:SEARCH_LINES]):
        name, colon, _ = _field(line)
        if colon and words.fields.get(name.strip().casefold()) == "from":
            found = _header_block(lines, n - 1, Forward())
            if found is not None and found.sender and found.subject and found.date:
                if n and _RULE.match(lines[n - 1]):
                    found.lines.insert(0, n - 1)
                return found
            return None
    return None


def _field(line: str) -> tuple[str, str, str]:
    """A header line's name and value, at its first colon (a full-width one too: "主旨：")."""
    found = _COLON.search(line)
    return (line[:found.start()], found[0], line[found.end():]) if found else (line, "", "")


_COLON = re.compile("[:：]")
_RULE = re.compile(r"^\s*(?:_{8,}|-{8,})\s*$")  # Outlook's line above the header block


def _header_block(lines: list[str], start: int, found: Forward) -> Forward | None:
    words = _words()
    for n in range(start + 1, min(start + 1 + HEADER_LINES, len(lines))):
        name, colon, value = _field(lines[n])
        key = words.fields.get(name.strip().casefold()) if colon else None
        if key is None:
            if lines[n].strip() or len(found.lines) > 1:
                break
            continue  # a blank line right under the marker
        found.lines.append(n)
        value = value.strip()
        if key == "from":
            found.sender = _sender(value)
            found.address = _address(value)
        elif key == "date":
            found.date = _date(value)
        elif key == "subject":
            found.subject = without_prefix(value) or None
    return found if found.sender or found.subject else None


def _sender(value: str) -> str | None:
    value = re.sub(r"\s*\[mailto:[^\]]*\]", "", value)  # Outlook: "Name [mailto:a@b]"
    name, address = email.utils.parseaddr(value)
    name = name.strip().strip('"').strip()
    return name or address or value.strip() or None


def _address(value: str) -> str | None:
    value = re.sub(r"\s*\[mailto:([^\]]*)\]", r" <\1>", value)  # Outlook: "Name [mailto:a@b]"
    address = email.utils.parseaddr(value)[1].strip()
    return address if "@" in address else None


def _date(value: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return written_date(value)
