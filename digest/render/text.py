"""Newsletter text to safe inline HTML: markdown-it with raw HTML off, and vetted links only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it.common.utils import escapeHtml
from markupsafe import Markup, escape

from digest.model import Link

SAFE_SCHEMES = ("http", "https", "gemini", "mailto")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20]")


@lru_cache(maxsize=65536)
def inline(text: str) -> Markup:
    """One line of plain newsletter text as inline HTML, every character as written: the
    readers have already taken the sources' own markup out, so a `*` or `__` left in the
    text is the writer's (`__init__`, "5 * 3"), never emphasis; every tag comes out escaped."""
    core = text.strip()
    if not core:
        return Markup(" " if text else "")
    head = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return Markup(head + escapeHtml(core) + tail)


@lru_cache(maxsize=65536)
def safe_url(url: str) -> str | None:
    """The URL if its scheme is http, https, gemini (a capsule's link, which a Gemini client
    opens) or mailto, and it has somewhere to go; else None."""
    url = url.strip()
    if _CONTROL_OR_SPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https", "gemini") and parts.netloc:
        return url
    if scheme == "mailto" and parts.path:
        return url
    return None


def anchor(url: str, label: Markup) -> Markup:
    """A link to another site, opened without giving it a handle on this page."""
    return Markup(f'<a href="{escape(url)}" rel="noopener noreferrer">{str(label)}</a>')


@dataclass
class LinkQueue:
    """A paragraph's links, placed in order on the first sentence that holds each one's text."""

    links: list[Link]

    def __post_init__(self) -> None:
        self.links = [x for x in self.links if x.text.strip() and safe_url(x.url)]

    def render(self, text: str) -> Markup:
        """`text` as inline HTML, with the pending links whose text it contains made links."""
        if not self.links:
            return inline(text)
        out: list[str] = []
        position = 0
        while self.links:
            link = self.links[0]
            found = text.find(link.text, position)
            if found < 0:
                break
            out.append(inline(text[position:found]))
            out.append(anchor(safe_url(link.url) or "", inline(link.text)))
            position = found + len(link.text)
            self.links.pop(0)
        out.append(inline(text[position:]))
        return Markup("".join(out))  # every piece is already safe HTML

    def leftover(self) -> list[tuple[str, Markup]]:
        """The links whose text never turned up, to list after the paragraph."""
        left = [(safe_url(x.url) or "", inline(x.text)) for x in self.links]
        self.links = []
        return left
