"""A mailing list's digest in plain text (RFC 1153, as Mailman, Google Groups and groups.io
send one): a preamble (how to post, the day's topics), then each message's header lines
(`Message:`, `Date:`, `From:`, `Subject:`) and body, between lines of hyphens, the list's
footer ("Ferns-list mailing list", its address and page) and a closing "End of … Digest"
line. Each message is a section headed by its subject; the preamble, the
other header lines and the closing line are the list's furniture; the closing line names
the issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SEPARATOR = re.compile(r"^-{30,}\s*$")
_HEADER = re.compile(r"^(Message|Date|From|To|Cc|Subject|Message-ID|Reply-To|In-Reply-To|"
                     r"References|MIME-Version|Content-Type|Content-Transfer-Encoding):"
                     r"[ \t]*(.*)$", re.IGNORECASE)
_END = re.compile(r"^End of (.{3,120}?)\s*$")
_STARS = re.compile(r"^\*{3,}\s*$")


@dataclass
class ListDigest:
    """Line numbers (1-based) of the digest's parts."""

    subjects: dict[int, str] = field(default_factory=dict)  # a message's Subject line: its text
    furniture: set[int] = field(default_factory=set)  # preamble, other headers, closing lines
    title: str | None = None  # "Birders-list Digest, Vol 12, Issue 48"


def _footer_part(lines: list[str], separator: int) -> bool:
    """The part after a line of hyphens is the digest's footer: its own headers give a
    subject and no sender (Mailman's "Subject: Digest Footer" over the list's address)."""
    names = {lines[i].split(":", 1)[0].lower() for i in _headers(lines, separator + 1)}
    return "subject" in names and "from" not in names


def find_digest(lines: list[str]) -> ListDigest | None:
    """The digest's parts, when the text is one: at least two messages, each with a `From:`
    and a `Subject:` line right after a line of hyphens."""
    found = ListDigest()
    starts = []
    last = None  # the last line of hyphens
    for n, line in enumerate(lines):
        if not _SEPARATOR.match(line):
            continue
        last = n
        headers = _headers(lines, n + 1)
        names = {lines[i].split(":", 1)[0].lower() for i in headers}
        if {"from", "subject"} <= names:
            starts.append(n)
            for i in headers:
                if lines[i].lower().startswith("subject:"):
                    found.subjects[i + 1] = _HEADER.match(lines[i])[2].strip()
                else:
                    found.furniture.add(i + 1)
    if len(starts) < 2:
        return None
    found.subjects = _untagged(found.subjects)
    found.furniture.update(_scrubbed(lines, starts[0]))
    found.furniture.update(n + 1 for n in range(starts[0]) if lines[n].strip())
    if last is not None and last > starts[-1]:  # the list's footer after the last message
        footer = next((n for n in range(starts[-1] + 1, last + 1) if _SEPARATOR.match(lines[n])
                       and _footer_part(lines, n)), last)
        found.furniture.update(n + 1 for n in range(footer, len(lines)) if lines[n].strip())
    for n in range(starts[-1], len(lines)):
        end = _END.match(lines[n].strip())
        if end:
            found.title = end[1].rstrip(" .")
            found.furniture.add(n + 1)
            found.furniture.update(k + 1 for k in range(n + 1, len(lines))
                                   if _STARS.match(lines[k]))
            break
    return found


# "-------------- next part --------------" (in the list's language): an attachment's place.
_PART_MARK = re.compile(r"^-{5,} ?[^-\s][^-]{1,40} ?-{5,}\s*$")


def _scrubbed(lines: list[str], start: int) -> list[int]:
    """Line numbers of the attachments the list took out of its messages: a "next part" line
    over a notice ending in "..." ("An HTML attachment was scrubbed...") and its Name, Type
    and URL lines, up to the next line of hyphens or blank line after them."""
    found: list[int] = []
    n = start
    while n < len(lines) - 1:
        if _PART_MARK.match(lines[n]) and lines[n + 1].rstrip().endswith(("...", "…")):
            end = n + 1
            while end < len(lines) and lines[end].strip() and not _SEPARATOR.match(lines[end]):
                end += 1
            found.extend(range(n + 1, end + 1))
            n = end
        n += 1
    return found


# "[Astro-chat] ", after "Re: " or not: the list's tag on its messages' subjects.
SUBJECT_TAG = re.compile(r"^\s*((?:(?:re|aw|sv|fwd?):\s*)*)\[([^\[\]]{2,40})\]\s*",
                         re.IGNORECASE)


def _untagged(subjects: dict[int, str]) -> dict[int, str]:
    """The subjects without the list's tag, when every message has the same one (it names the
    list, which the digest already does): "Re: [Pyusers] Packaging" -> "Re: Packaging"."""
    tags = {found[2] if found else None for found in map(SUBJECT_TAG.match, subjects.values())}
    if len(tags) != 1 or None in tags:
        return subjects
    return {n: SUBJECT_TAG.sub(lambda found: found[1], text, count=1) or text
            for n, text in subjects.items()}


def _headers(lines: list[str], start: int) -> list[int]:
    """The header lines of a message starting at `start` (past blank lines), as indexes;
    a header's folded lines go with it."""
    n = start
    while n < len(lines) and not lines[n].strip():
        n += 1
    found: list[int] = []
    while n < len(lines) and (_HEADER.match(lines[n]) or
                              (found and lines[n][:1] in (" ", "\t") and lines[n].strip())):
        found.append(n)
        n += 1
    return found
