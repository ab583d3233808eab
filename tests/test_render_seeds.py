"""The seeds, run through the real pipeline and rendered; shared by the site and feed tests."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

from digest.config import FeedConfig, SiteConfig
from digest.ingest import read_file
from digest.model import IssueDigest, Site
from digest.render import render_site
from digest.segment import load_profiles, segment_document
from digest.summarize import SummaryConfig, summarize_issue
from digest.weeks import group_by_week

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "https://example.org/digest/"
# render_site alone makes no search index (the build does, with Pagefind: test_search.py),
# so these pages are rendered without the search box and its scripts.
CONFIG = SiteConfig(base_url=BASE_URL, timezone="Europe/Berlin", search=False)


def seed_digests() -> list[IssueDigest]:
    """Every issue of the seed files, summarized, duplicates included (the renderer skips them)."""
    generic, profiles = load_profiles([])
    digests = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        issues, _ = segment_document(read_file(path, display=path.name), generic, profiles)
        digests += [summarize_issue(issue, SummaryConfig()) for issue in issues]
    return digests


def seed_site() -> Site:
    return group_by_week(seed_digests())


@functools.cache
def seed_files() -> dict[str, bytes]:
    return render_site(seed_site(), CONFIG, FeedConfig())


class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.text_by_id: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if found.get("id"):
            self.ids.add(found["id"] or "")
            self.text_by_id[found["id"] or ""] = []
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self._open.append((tag, found.get("id")))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident:
                self.text_by_id[ident].append(data)

    def text(self, ident: str) -> str:
        return re.sub(r"\s+", " ", "".join(self.text_by_id[ident])).strip()

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def page(name: str) -> Page:
    return Page(seed_files()[name].decode("utf-8"))


def test_the_seeds_make_ten_weeks_and_a_duplicate():
    digests = seed_digests()
    assert sum(d.issue.duplicate_of is not None for d in digests) == 1
    assert len(seed_site().weeks) == 10
