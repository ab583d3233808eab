"""Links compared as stories: the same page whatever tracking, host or AMP variant a
newsletter linked. A neutral helper any stage may use (it imports no stage); tracking
parameters are digest.links' business, the variants of one page are this module's."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from digest.links import clean_url

# Query parameters that ask for a page's AMP edition, never another page.
VARIANT_PARAMS = re.compile(r"^(amp|outputtype)$", re.IGNORECASE)
# Host prefixes of the same site's mobile and AMP editions.
VARIANT_HOSTS = ("www.", "m.", "mobile.", "amp.")
# An AMP cache's copy of a page: https://<cache host>/c/s/<host>/<path>.
AMP_CACHE = re.compile(r"^/(?:amp/|[cv]/)(?:s/)?(?P<inner>[^/]+\.[^/]+/.*)$")
AMP_PATH = re.compile(r"/amp(?:\.html?)?(?=/|$)|\.amp(?=\.html?$|$)", re.IGNORECASE)


def story_key(url: str) -> str | None:
    """The link as `host/path?query` with every variant above removed, or None for a link
    that names no page (not http(s), or only a site's home page)."""
    try:
        parts = urlsplit(clean_url(url.strip()))
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    host = host.lower()
    cached = AMP_CACHE.match(parts.path)
    if cached and (host.endswith(".ampproject.org") or host in ("google.com", "www.google.com")):
        return story_key("https://" + cached["inner"])
    while host.startswith(VARIANT_HOSTS) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    path = AMP_PATH.sub("", unquote(parts.path)).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not VARIANT_PARAMS.match(k))
    if not path and not query:
        return None
    return host + path + ("?" + urlencode(query) if query else "")


def is_variant(url: str) -> bool:
    """A mobile or AMP edition of a page (by its host or path)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return host.startswith(VARIANT_HOSTS[1:]) or bool(AMP_PATH.search(parts.path)) or \
        host.endswith(".ampproject.org")
