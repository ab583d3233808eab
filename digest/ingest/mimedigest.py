"""A mailing list's digest sent as MIME (RFC 2046 `multipart/digest`, Mailman's default): the
list's preamble and footer as text parts, each message a `message/rfc822` part. Written out
as the plain-text digest of RFC 1153 (preamble, then each message's header lines and body
between lines of hyphens, then the footer), which `listdigest` already reads: a section per
message, headed by its subject, the list's furniture dropped.

Its line numbers count lines of that text, not of the file.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import Message

from .decode import NotText

SEPARATOR = "-" * 30
HEADERS = ("Date", "From", "Subject")


def digest_text(message: Message, body_text: Callable[[Message], str],
                html_text: Callable[[str], str]) -> str | None:
    """The digest as RFC 1153 text, or None when the message holds fewer than two messages."""
    if not any(part.get_content_type() == "multipart/digest" for part in message.walk()):
        return None
    before: list[str] = []
    after: list[str] = []
    messages: list[str] = []
    for part in _parts(message):
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                messages.append(_message(inner[0], len(messages) + 1, body_text, html_text))
        elif part.get_content_type() == "text/plain":
            (after if messages else before).append(_text(part, body_text))
    if len(messages) < 2:
        return None
    out = [*before, *(f"{SEPARATOR}\n\n{m}" for m in messages), SEPARATOR, *after]
    return "\n\n".join(text.strip("\n") for text in out) + "\n"


def _message(inner: Message, number: int, body_text: Callable[[Message], str],
             html_text: Callable[[str], str]) -> str:
    lines = [f"Message: {number}"]
    lines += [f"{name}: {' '.join(str(inner[name]).split())}" for name in HEADERS if inner[name]]
    body = next((p for p in inner.walk() if p.get_content_type() == "text/plain"), None)
    html = next((p for p in inner.walk() if p.get_content_type() == "text/html"), None)
    text = _text(body, body_text) if body is not None else \
        html_text(_text(html, body_text)) if html is not None else ""
    return "\n".join(lines) + "\n\n" + text.strip("\n")


def _text(part: Message, body_text: Callable[[Message], str]) -> str:
    try:
        return body_text(part)
    except NotText:
        return ""


def _parts(message: Message) -> list[Message]:
    """The message's parts in order, without looking inside the messages it holds (their
    bodies are read with them)."""
    found, todo = [], [message]
    while todo:
        part = todo.pop()
        found.append(part)
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            todo.extend(reversed([p for p in part.get_payload() if isinstance(p, Message)]))
    return found
