"""Cleaning a feed entry's HTML before it is saved: no active content, nothing that phones home.

Scripts, frames, objects, forms and style sheets go, and inline styles that load anything;
event handlers and script or data links go;
tracking pixels go; other images keep their alt text but lose their address, so nothing
remote is loaded when the saved file is opened; links lose their tracking parameters
(`digest.links`, the one list).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag

from digest import links

DROP = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
        "input", "button", "select", "textarea", "link", "meta", "base", "noscript", "template",
        "audio", "video", "source", "track", "canvas", "svg", "math")
URL_ATTRS = ("href", "src", "srcset", "action", "formaction", "poster", "background", "cite",
             "longdesc", "ping", "data")
# A style that could load something or run code; any other (hidden, bold, a button's
# background) is kept for the reader to go by.
_LOADS = re.compile(r"url\s*\(|expression|@import|behavior|binding|\\", re.IGNORECASE)
_PIXEL = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)|display\s*:\s*none",
                    re.IGNORECASE)


def clean_html(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if tag.name == "img":
            _image(tag)
            continue
        _attributes(tag)
    return str(soup)


def clean_url(url: str) -> str:
    """The link as `digest.links` keeps it (no tracking); '' for anything but a web or mail link."""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme not in ("http", "https", "mailto", ""):
        return ""
    return links.clean_url(url)


def _attributes(tag: Tag) -> None:
    for name in list(tag.attrs):
        lowered = name.lower()
        if lowered.startswith("on") or lowered == "style" and _LOADS.search(str(tag[name])):
            del tag[name]
        elif lowered in URL_ATTRS:
            cleaned = clean_url(str(tag[name])) if lowered == "href" else ""
            if cleaned:
                tag[name] = cleaned
            else:
                del tag[name]


def _image(tag: Tag) -> None:
    size = [str(tag.get(k, "")).strip().rstrip("px") for k in ("width", "height")]
    pixel = any(s in ("0", "1") for s in size) or _PIXEL.search(str(tag.get("style", "")))
    alt = str(tag.get("alt", "")).strip()
    if pixel or not alt:
        tag.decompose()
        return
    tag.attrs = {"alt": alt}
