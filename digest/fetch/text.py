"""Names and fingerprints for fetched issues: slugs for paths, a hash of the readable text."""

from __future__ import annotations

import hashlib
import re

from bs4 import BeautifulSoup

from digest.textwords import to_ascii

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WORDS = re.compile(r"\w+")


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens; '' when nothing is left."""
    words = _NOT_SLUG.sub("-", to_ascii(text).lower()).strip("-")
    return words[:limit].rstrip("-")


def html_text(html: str, lines: bool = False) -> str:
    """The text a reader sees: no head, styles or scripts; with `lines`, a line for each
    block element and `<br>` line, as the page shows them."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(("head", "style", "script", "noscript", "template", "title")):
        tag.decompose()
    if not lines:
        return soup.get_text(" ")
    for tag in soup.find_all(_LINE_TAGS):
        tag.insert_after("\x00")  # the source's own newlines are spaces, as a browser shows
    text = soup.get_text("")
    return "\n".join(" ".join(line.split()) for line in text.split("\x00") if line.strip())


_LINE_TAGS = ("br", "p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "section", "article", "header", "footer", "pre", "hr")


def content_key(text: str) -> str | None:
    """A key equal for two copies of one issue whatever their markup, spacing and case."""
    words = _WORDS.findall(text.lower())
    if len(words) < 5:
        return None  # too little text to tell two issues apart
    return "sha256:" + hashlib.sha256(" ".join(words).encode()).hexdigest()
