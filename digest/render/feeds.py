"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: for the whole site (a week per entry) and per newsletter.

Every date comes from issue dates, never the clock, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from digest.config import FeedConfig, SiteConfig

from . import dates

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
NO_ENTRIES = dt.date(1970, 1, 1)


@dataclass
class Entry:
    title: str
    url: str  # absolute; also the entry's id, which never changes across rebuilds
    date: dt.date
    summary: str
    html: str


@dataclass
class Channel:
    title: str
    description: str
    home: str  # absolute URL of the page the feed follows
    rss: str  # output paths
    atom: str
    json: str


def feed_files(channel: Channel, entries: list[Entry], site: SiteConfig, feed: FeedConfig,
               absolute_url: str) -> dict[str, bytes]:
    """The three feed files of one channel; entries are expected newest first."""
    entries = entries[: feed.entries]
    return {
        channel.rss: _generator(channel, entries, site, absolute_url, "rss").rss_str(pretty=True),
        channel.atom: _generator(channel, entries, site, absolute_url, "atom").atom_str(
            pretty=True),
        channel.json: _json_feed(channel, entries, site, absolute_url),
    }


def _generator(channel: Channel, entries: list[Entry], site: SiteConfig, base: str,
               kind: str) -> FeedGenerator:
    tz = site.timezone
    fg = FeedGenerator()
    fg.id(channel.home)
    fg.title(channel.title)
    fg.description(html.escape(channel.description, quote=False) if kind == "rss"
                   else channel.description)
    fg.author({"name": site.author})
    fg.language(site.language)
    fg.generator("digest")
    self_path, self_type = ((channel.rss, "application/rss+xml") if kind == "rss"
                            else (channel.atom, "application/atom+xml"))
    fg.link(href=base + self_path, rel="self", type=self_type)
    fg.link(href=channel.home, rel="alternate", type="text/html")  # last: RSS <link> uses it
    newest = entries[0].date if entries else NO_ENTRIES
    fg.lastBuildDate(dates.midnight(newest, tz))
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.url)
        fe.guid(entry.url, permalink=True)
        fe.title(entry.title)
        fe.link(href=entry.url, rel="alternate", type="text/html")
        fe.published(dates.midnight(entry.date, tz))
        fe.updated(dates.midnight(entry.date, tz))
        fe.description(html.escape(entry.summary, quote=False))  # RSS readers take HTML
        fe.content(entry.html, type="html")
    return fg


def _json_feed(channel: Channel, entries: list[Entry], site: SiteConfig, base: str) -> bytes:
    tz = site.timezone
    data = {
        "version": JSON_FEED_VERSION,
        "title": channel.title,
        "description": channel.description,
        "home_page_url": channel.home,
        "feed_url": base + channel.json,
        "language": site.language,
        "authors": [{"name": site.author}],
        "items": [{
            "id": entry.url,
            "url": entry.url,
            "title": entry.title,
            "summary": entry.summary,
            "content_html": entry.html,
            "date_published": dates.midnight(entry.date, tz).isoformat(),
            "date_modified": dates.midnight(entry.date, tz).isoformat(),
        } for entry in entries],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    for char in "<>&":  # as \u escapes: no markup in the file even where a field is plain text
        text = text.replace(char, f"\\u{ord(char):04x}")
    return (text + "\n").encode()
