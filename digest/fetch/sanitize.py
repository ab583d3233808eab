"""Cleaning a feed entry's HTML before it is saved: no active content, nothing that phones home.

Scripts, frames, objects, forms and styles go; event handlers and script or data links go;
tracking pixels go; other images keep their alt text but lose their address, so nothing
remote is loaded when the saved file is opened; links lose their tracking parameters.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Comment, Tag

DROP = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
        "input", "button", "select", "textarea", "link", "meta", "base", "noscript", "template",
        "audio", "video", "source", "track", "canvas", "svg", "math")
URL_ATTRS = ("href", "src", "srcset", "action", "formaction", "poster", "background", "cite",
             "longdesc", "ping", "data")
# Query parameters that identify the reader or the campaign, never the page.
TRACKING = re.compile(r"^(?:utm_\w+|mc_cid|mc_eid|_hs(?:enc|mi)|mkt_tok|fbclid|gclid|dclid|"
                      r"msclkid|yclid|igshid|vero_(?:conv|id)|oly_(?:anon|enc)_id|ck_subscriber_id|"
                      r"__s|ref_src|s_cid|trk|sc_cid)$", re.IGNORECASE)
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
    """The link without tracking parameters; '' for anything but a web or mail link."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "mailto", ""):
        return ""
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING.match(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _attributes(tag: Tag) -> None:
    for name in list(tag.attrs):
        lowered = name.lower()
        if lowered.startswith("on") or lowered in ("style", "class", "id") and tag.name != "a":
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
