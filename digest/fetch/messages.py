"""E-mail messages, from IMAP or a mail export: who sent them, and where they are saved."""

from __future__ import annotations

import email.header
import email.utils
import fnmatch
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from digest.forwarded import Forward, field_lines, forwarded, is_forward
from digest.listmail import is_list_mail

from .common import SourceResult
from .store import Item, Store
from .text import content_key, html_text, slug

# What a hostile message can make the e-mail package raise: that message is skipped.
UNREADABLE = (ValueError, TypeError, LookupError, IndexError, AttributeError)
FORWARD_LINES = 40  # the body's lines a forwarded header block is looked for in
EVERY_SENDER = "*"


def headers(data: bytes) -> Message:
    return BytesParser(policy=compat32).parsebytes(data, headersonly=False)


def is_newsletter(message: Message) -> bool:
    """Mail sent to a list; what a mailbox source takes when no `senders` are given, so a
    reader's personal mail in the same folder is never published."""
    return is_list_mail(message)


def passed_over_because(patterns: list[str]) -> str:
    """Why a mailbox source passed a message over, for its fetch line."""
    if patterns:
        return "not from `senders`"
    return "not sent to a list (no List-Unsubscribe or List-Id header): set `senders` to choose"


def sender_matches(message: Message, patterns: list[str]) -> bool:
    """Whether a From address matches one of the glob patterns; with none given, whether the
    message is a newsletter; `"*"` takes every message."""
    if not patterns:
        return is_newsletter(message)
    if EVERY_SENDER in patterns:
        return True
    addresses = [a for _, a in email.utils.getaddresses(message.get_all("From", []))]
    return _matches(addresses, patterns)


def _matches(addresses: list[str], patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(a.lower(), p.lower()) for a in addresses for p in patterns)


def may_be_forward(message: Message) -> bool:
    """A subject with a forward's prefix ("Fwd:", "WG:"): its body may name the sender."""
    return is_forward(_decoded(message.get("Subject", "")))


def wanted(message: Message, patterns: list[str]) -> bool:
    """From a sender the patterns keep, or a newsletter from one that a reader forwarded
    (a forward has no list headers: it is kept only by the `senders` it names)."""
    if sender_matches(message, patterns):
        return True
    if not patterns or not may_be_forward(message):
        return False
    forward = forward_in(body_text(message))
    return forward is not None and forward.address is not None and \
        _matches([forward.address], patterns)


def forward_in(text: str) -> Forward | None:
    """The header block a reader's mail program wrote above a forwarded newsletter, at the
    top of a message's text."""
    return forwarded([line for text_line in text.lstrip().splitlines()[:FORWARD_LINES]
                      for line in field_lines(text_line)])


def message_item(data: bytes, fallback: str) -> Item:
    """A message as it arrived, under seeds/<sender>/<date>-<subject>.eml (a sender with no
    name: its list's name, from List-Id); a newsletter a reader forwarded goes under its own
    sender, date and subject, from the forwarded header."""
    message = headers(data)
    name, address = email.utils.parseaddr(str(message.get("From", "")))
    listed = str(message.get("List-Id", "")).partition("<")  # "Fern spotters <ferns.list…>"
    name = name or (listed[0].strip(' "') if listed[1] else "")
    folder = slug(name) or slug(address.partition("@")[2]) or slug(fallback) or "mail"
    date = "undated"
    try:
        when = email.utils.parsedate_to_datetime(str(message.get("Date", "")))
        date = when.date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    subject = _decoded(message.get("Subject", ""))
    text = body_text(message)
    forward = forward_in(text)
    if forward is not None:
        folder = slug(forward.sender or "") or folder
        date = forward.date.isoformat() if forward.date else date
        subject = forward.subject or subject
    stem = f"{date}-{slug(subject) or 'message'}"
    message_id = str(message.get("Message-ID", "")).strip()
    keys = [f"message-id:{message_id}" if message_id else "", content_key(text) or ""]
    return Item(folder, stem, ".eml", data, keys)


def save_message(data: bytes, name: str, where: str, store: Store,
                 result: SourceResult) -> None:
    """Save one message, counting it as new or known; one that cannot be read is a warning."""
    try:
        item = message_item(data, name)
    except UNREADABLE as exc:
        result.warnings.append(f"{where}: skipped, cannot be read ({exc.__class__.__name__})")
        return
    if store.save(item) is None:
        result.known += 1
    else:
        result.new += 1


def body_text(message: Message) -> str:
    """The readable text of the message: its HTML part's text, else its plain text."""
    found = {"text/html": "", "text/plain": ""}
    for part in message.walk():
        kind = part.get_content_type()
        if kind in found and not found[kind] and not part.get_filename():
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                found[kind] = payload.decode(charset, errors="replace")
            except LookupError:
                found[kind] = payload.decode("utf-8", errors="replace")
    return html_text(found["text/html"], lines=True) if found["text/html"] else \
        found["text/plain"]


def _decoded(value: object) -> str:
    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except (ValueError, LookupError, UnicodeDecodeError):
        return str(value)
