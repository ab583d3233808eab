"""Feeds: RSS 2.0 and Atom with feedparser, JSON Feed with the json module.

Each new entry becomes one HTML file whose <head> carries what the HTML reader reads (title,
publication, date, author, link), saved as seeds/<newsletter>/<date>-<title>.html.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import email.utils
import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from digest.config import SourceConfig

from . import http
from .common import Log, SourceResult
from .sanitize import clean_html, clean_url
from .store import Item, Store
from .text import content_key, html_text, slug

SUMMARY_ONLY = '<meta name="digest-content" content="summary-only">'


@dataclass
class Entry:
    id: str
    title: str
    html: str
    summary_only: bool
    published: dt.datetime | None
    author: str
    link: str
    generator: str = ""  # what made the feed ("https://wordpress.org/?v=6.4"), as it says
    language: str = ""  # the feed's language ("es", "en-GB"), as it says
    revised: bool = False  # updated after it was published: a new copy replaces the saved one


def fetch_feed(source: SourceConfig, state: dict[str, Any], store: Store,
               log: Log) -> SourceResult:
    result = SourceResult(source.name)
    # The URL itself may hold a private token: the state keeps only its hash.
    url_hash = hashlib.sha256(source.feed.encode()).hexdigest()[:16]
    same_url = state.get("url_sha256") == url_hash
    reply = http.get(source.feed, etag=state.get("etag") if same_url else None,
                     last_modified=state.get("last_modified") if same_url else None,
                     timeout=source.timeout, max_bytes=source.max_bytes)
    if reply.status == 304:
        result.known = int(state.get("entries", 0))
        result.unchanged = True
        return result
    entries, warning = parse_feed(reply.body, source.feed)
    if warning:
        result.warnings.append(warning)
    folder = slug(source.name) or "feed"
    for entry in entries:
        item = entry_item(entry, source.name, folder)
        saved = store.save(item)
        if saved is None:
            result.known += 1
        elif item.replaced:
            result.updated += 1
            log(f"{source.name}: updated {entry.title or item.stem}")
        else:
            result.new += 1
            log(f"{source.name}: saved {entry.title or item.stem}")
    state.update(url_sha256=url_hash, etag=reply.etag, last_modified=reply.last_modified,
                 entries=len(entries))
    return result


def parse_feed(body: bytes, url: str = "") -> tuple[list[Entry], str | None]:
    """The feed's entries and a warning about its markup; FetchError when nothing is usable.
    `url`: where the body came from, to name the feed a web page links to."""
    body = body.removeprefix(b"\xef\xbb\xbf")
    if body.lstrip()[:1] == b"{":
        return _json_feed(body), None
    parsed = feedparser.parse(body)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    reason = _bozo_reason(problem)
    if not parsed.get("version") and not parsed.entries:
        if _HTML_PAGE.search(body[:2048]):
            raise http.FetchError(_page_not_feed(body, url))
        raise http.FetchError(f"not a feed ({reason or 'no RSS, Atom or JSON Feed found'})")
    if reason and not parsed.entries:
        raise http.FetchError(f"malformed feed ({reason})")
    generator = _text(parsed.feed.get("generator"))
    language = _language(parsed.feed.get("language"))
    rss = str(parsed.get("version", "")).startswith("rss")
    entries = [dataclasses.replace(_from_feedparser(e, generator, rss), language=language)
               for e in parsed.entries]
    warning = f"malformed feed, {len(entries)} entries read anyway ({reason})" if reason else None
    return entries, warning


_HTML_PAGE = re.compile(rb"<!doctype html|<html[\s>]", re.IGNORECASE)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/json")


def _page_not_feed(body: bytes, url: str) -> str:
    """What to say of a web page given as a feed: the feed it names, if it names one."""
    from bs4 import BeautifulSoup

    head = BeautifulSoup(body[:65536], "html.parser")
    for link in head.find_all("link", href=True):
        rel = [str(r).lower() for r in link.get_attribute_list("rel") or []]
        if "alternate" in rel and str(link.get("type", "")).lower() in FEED_TYPES:
            found = clean_url(urljoin(url, str(link["href"]).strip()))
            if found:
                return f"a web page, not a feed: it names its feed at {found} (give that as `feed`)"
    return "a web page, not a feed, and it names no feed of its own"


def _bozo_reason(problem: object) -> str | None:
    if problem is None or isinstance(problem, feedparser.CharacterEncodingOverride):
        return None
    line = getattr(problem, "getLineNumber", lambda: None)()
    text = getattr(problem, "getMessage", lambda: str(problem))()
    return f"line {line}: {text}" if line else str(text)


def _from_feedparser(entry: Any, generator: str, rss: bool = False) -> Entry:
    """The entry; an RSS item's only <description> is its whole post (Buttondown's, a
    micro-blog's) unless it looks cut short, as Atom's <summary> always is a summary."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    contents.sort(key=lambda c: c.get("type") != "text/html")
    body = contents[0]["value"] if contents else entry.get("summary", "")
    if contents and contents[0].get("type") == "text/plain":
        body = text_html(body)
    published = _written_time(entry.get("published") or entry.get("updated"))
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if published is None and stamp:
        published = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)
    link = entry.get("link", "")
    title = entry.get("title", "")
    if entry.get("title_detail", {}).get("type") == "text/html":  # Atom's type="html"
        title = " ".join(html_text(title).split())
    # (feedparser maps a missing `updated` to `published`, with a warning: look for it first)
    updated = _written_time(dict.get(entry, "updated")) if entry.get("published") and \
        dict.__contains__(entry, "updated") else None
    summary_only = not contents and (not rss or _cut_short(body, link))
    return Entry(id=entry.get("id") or link or title, title=title, html=body,
                 summary_only=summary_only, published=published,
                 author=entry.get("author", ""), link=link, generator=generator,
                 revised=updated is not None and published is not None and updated > published)


_CUT_MARKS = ("…", "...", "[…]", "[...]")


def _cut_short(body: str, link: str) -> bool:
    """A description that ends in an ellipsis or links back to its own post ("Continue
    reading →", "The post … appeared first on …"): an excerpt of it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    if soup.get_text(" ").rstrip().endswith(_CUT_MARKS):
        return True
    own = _page(link)
    return bool(own) and any(_page(urljoin(link, str(a["href"]))) == own
                             for a in soup.find_all("a", href=True))


def _page(url: str) -> str:
    """Host and path, lower-cased: two links to one page compare equal."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return (parts.netloc + parts.path.rstrip("/")).lower() if parts.netloc else ""


def _json_feed(body: bytes) -> list[Entry]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise http.FetchError(f"malformed JSON Feed ({exc})") from exc
    if not (isinstance(data, dict) and str(data.get("version", "")).startswith(
            "https://jsonfeed.org/version/") and isinstance(data.get("items"), list)):
        raise http.FetchError("not a feed (JSON without a JSON Feed version and items)")
    entries = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        full = _text(item.get("content_html")) or text_html(_text(item.get("content_text")))
        summary = html.escape(_text(item.get("summary")))
        authors = item.get("authors") or [item.get("author")]
        author = next((_text(a.get("name")) for a in authors if isinstance(a, dict)), "")
        entries.append(Entry(
            id=_text(item.get("id")) or _text(item.get("url")), title=_text(item.get("title")),
            html=full or summary, summary_only=not full,
            published=_when(item.get("date_published") or item.get("date_modified")),
            author=author, link=_text(item.get("url")), language=_language(data.get("language"))))
    return entries


def text_html(text: str) -> str:
    """Plain text as HTML: a paragraph for each run of lines between blank lines, its lines
    kept apart ("Take care," over "Sam")."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) +
                      "</p>" for p in paragraphs if p)


def _written_time(value: object) -> dt.datetime | None:
    """The entry's time with the offset its feed wrote ("Fri, 27 Nov 2026 20:30 -0500" is
    the 27th where it was written; feedparser's parsed time is in UTC, the 28th)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        when = _when(value)
    return when if when is not None and when.tzinfo else None


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def _language(value: object) -> str:
    """A language tag a feed gives, if it is one ("en-us", "es"), else ""."""
    text = value.strip() if isinstance(value, str) else ""
    return text.replace("_", "-") if _LANGUAGE_TAG.fullmatch(text) else ""


def _text(value: object) -> str:
    return value if isinstance(value, str) else str(value) if isinstance(value, int) else ""


def _when(value: object) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def entry_item(entry: Entry, publication: str, folder: str) -> Item:
    """The entry as a saved page, with the keys that find it again."""
    body = clean_html(entry.html)
    title = entry.title.strip()  # none (a micro-post): the reader names it by feed and date
    name = title or html_text(body).strip()[:80]
    date = entry.published.date().isoformat() if entry.published else "undated"
    fallback = hashlib.sha256(entry.id.encode()).hexdigest()[:10]
    stem = f"{date}-{slug(name) or fallback}"
    keys = [entry_key(entry.id, folder), content_key(html_text(body)) or ""]
    return Item(folder, stem, ".html", page(entry, publication, title, body).encode(), keys,
                replaces=entry.revised)


def entry_key(entry_id: str, folder: str) -> str:
    """A URI id (Atom ids, permalinks) is the same in every feed; any other only in its own."""
    if not entry_id:
        return ""
    return f"entry:{entry_id}" if ":" in entry_id else f"entry:{folder}:{entry_id}"


def page(entry: Entry, publication: str, title: str, body: str) -> str:
    e = html.escape
    head = [f"<title>{e(title)}</title>", f'<meta property="og:title" content="{e(title)}">'] \
        if title else []
    head.append(f'<meta property="og:site_name" content="{e(publication)}">')
    if entry.published:
        head.append(f'<meta property="article:published_time" '
                    f'content="{entry.published.isoformat()}">')
    if entry.author:
        head.append(f'<meta name="author" content="{e(entry.author)}">')
    if entry.generator:  # names the platform, whose furniture the reader then knows
        head.append(f'<meta name="generator" content="{e(entry.generator)}">')
    link = clean_url(entry.link)
    if link.startswith(("http://", "https://")):
        head += [f'<link rel="canonical" href="{e(link)}">',
                 f'<meta property="og:url" content="{e(link)}">']
    if entry.summary_only:
        head.append(SUMMARY_ONLY)
    lang = f' lang="{entry.language}"' if entry.language else ""
    return (f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
            + "\n".join(head) + "\n</head>\n<body>\n<article>\n" + body.strip()
            + "\n</article>\n</body>\n</html>\n")
