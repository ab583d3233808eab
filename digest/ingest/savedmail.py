"""A received message saved as a web page (Outlook's "Save as… .htm", a mail program's
"Print" page): the header block it opens with (From, Sent, To, Subject) dates and names the
issue, and is furniture; the reader's own name and address in it are never text."""

from __future__ import annotations

import dataclasses
import re

from digest.forwarded import SEARCH_LINES, field_lines, forwarded
from digest.model import Part

# A label alone on its line, its value in the next block ("From:" over "Parish Pump <…>").
_LABEL = re.compile(r"^[^\W\d_][^\W\d_ .-]{0,20}(?: [^\W\d_]{1,12})?\s*[:：]$")
_ROW_FIELD = re.compile(r"^([^|]{1,30}[:：])\s*\|\s*")
# Who else a message went to, with an address: the reader's own line ("To: jo@example.org").
_RECIPIENT = re.compile(r"^(?:to|cc|bcc|reply-to|an|à|a|para|aan|till|til|do)\s*[:：].*@",
                        re.IGNORECASE)


def read_header_block(part: Part) -> Part:
    """The part with its opening header block made furniture and read into its metadata
    (a date and a sender it lacks); a recipient's line near the top is furniture too."""
    head = part.blocks[:SEARCH_LINES]
    lines: list[tuple[list[int], str]] = []
    n = 0
    while n < len(head):
        text = _ROW_FIELD.sub(r"\1 ", head[n].text.strip())  # a row "From: | Parish Pump"
        if _LABEL.match(text) and n + 1 < len(head):
            lines.append(([n, n + 1], f"{text} {head[n + 1].text.strip()}"))
            n += 2
            continue
        lines.extend(([n], line) for line in field_lines(text))
        n += 1
    for block in head:
        if _RECIPIENT.match(block.text.strip()):
            block.kind = "chrome"
    found = forwarded([line for _, line in lines])
    if found is None or not found.date:
        return part
    for k in found.lines:
        for n in lines[k][0]:
            head[n].kind = "chrome"
    meta = part.meta
    part.meta = dataclasses.replace(
        meta, date=meta.date or found.date,
        date_source=meta.date_source if meta.date else "header",
        title=meta.title or found.subject,
        publication=meta.publication or found.sender)
    return part
