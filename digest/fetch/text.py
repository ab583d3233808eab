"""Names and fingerprints for fetched issues: slugs for paths, a hash of the readable text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from bs4 import BeautifulSoup

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WORDS = re.compile(r"\w+")


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens; '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-")


def html_text(html: str) -> str:
    """The text a reader sees: no head, styles or scripts."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(("head", "style", "script", "noscript", "template", "title")):
        tag.decompose()
    return soup.get_text(" ")


def content_key(text: str) -> str | None:
    """A key equal for two copies of one issue whatever their markup, spacing and case."""
    words = _WORDS.findall(text.lower())
    if len(words) < 5:
        return None  # too little text to tell two issues apart
    return "sha256:" + hashlib.sha256(" ".join(words).encode()).hexdigest()
