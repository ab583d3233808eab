"""Validator-style checks of the built seeds: every HTML page through the Nu HTML Checker, every
feed file (site-wide and per newsletter) through feedparser plus the formats' own rules."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from _tools import build_seeds, import_or_require, java, require, vnu_jar

BASE = "http://127.0.0.1:8000/"  # the default base URL the seed site is built with
ATOM = "{http://www.w3.org/2005/Atom}"
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                    r"|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT)$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def feed_files(site: Path) -> dict[str, list[Path]]:
    """Every feed in the site, by format, found by content rather than by name."""
    found: dict[str, list[Path]] = {"rss": [], "atom": [], "json": []}
    for path in sorted(site.rglob("*.xml")):
        root = ET.parse(path).getroot()
        if root.tag == "rss":
            found["rss"].append(path)
        elif root.tag == f"{ATOM}feed":
            found["atom"].append(path)
    for path in sorted(site.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and str(data.get("version", "")).startswith(
                "https://jsonfeed.org/version/"):
            found["json"].append(path)
    return found


def feed_ids(site: Path) -> dict[str, list[str]]:
    """Each feed's entry ids, in order."""
    ids: dict[str, list[str]] = {}
    for kind, paths in feed_files(site).items():
        for path in paths:
            key = path.relative_to(site).as_posix()
            if kind == "json":
                ids[key] = [i["id"] for i in json.loads(path.read_text("utf-8"))["items"]]
            elif kind == "rss":
                ids[key] = [g.text or "" for g in ET.parse(path).getroot().iter("guid")]
            else:
                ids[key] = [e.findtext(f"{ATOM}id", "") for e in
                            ET.parse(path).getroot().iter(f"{ATOM}entry")]
    return ids


def resolves(site: Path, url: str) -> bool:
    """An absolute URL under the base URL that names a file the build wrote."""
    if not url.startswith(BASE):
        return False
    rel = url[len(BASE):].split("#")[0].split("?")[0]
    target = site / rel
    return (target / "index.html").is_file() if rel in ("", ".") or target.is_dir() \
        else target.is_file()


def newest_first(dates: list[datetime]) -> bool:
    return all(a >= b for a, b in zip(dates, dates[1:]))


@pytest.fixture(scope="module")
def seed_site(seed_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus an undated issue (so that undated.html exists), with the default config."""
    return build_seeds(tmp_path_factory.mktemp("validate"), seed_project)


@pytest.fixture(scope="module")
def feeds(seed_site: Path) -> dict[str, list[Path]]:
    found = feed_files(seed_site)
    assert found["rss"] and found["atom"] and found["json"], found
    # one of each format for the site, and one of each per newsletter
    assert {p.name for p in found["rss"] + found["atom"] + found["json"]} >= {
        "feed.xml", "atom.xml", "feed.json"}
    newsletters = list((seed_site / "newsletters").glob("*.html"))
    for kind in found:
        assert len(found[kind]) >= 1 + len(newsletters), (kind, found[kind])
    return found


def test_every_page_passes_the_nu_html_checker(seed_site: Path) -> None:
    require(java(), "java not found (apt-get install default-jre-headless)")
    require(vnu_jar(), "vnu.jar not found (npm ci)")
    pages = sorted(seed_site.rglob("*.html"))
    assert {"index.html", "archive.html", "undated.html", "outlets.html", "404.html"} <= {
        p.name for p in pages}
    done = subprocess.run([java(), "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
                           *map(str, pages)], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr)["messages"]
    errors = [f"{m.get('url', '?').rsplit('/output/', 1)[-1]}:{m.get('lastLine', '?')}: "
              f"{m['message']} [{m.get('extract', '').strip()}]"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, f"{len(errors)} vnu errors in {len(pages)} pages:\n" + "\n".join(errors)


def test_every_xml_feed_parses_cleanly_with_feedparser(seed_site: Path,
                                                        feeds: dict[str, list[Path]]) -> None:
    # feedparser 6 reads RSS and Atom only; JSON feeds are checked against the spec below
    feedparser = import_or_require("feedparser", "feed checks")
    for path in feeds["rss"] + feeds["atom"]:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path.name}: {parsed.get('bozo_exception')}"
        assert parsed.feed.get("title"), path
        if path.parent == seed_site:  # the site's feeds; a newsletter's may be empty
            assert parsed.entries, path


def test_rss_feeds_follow_rss_2(seed_site: Path, feeds: dict[str, list[Path]]) -> None:
    for path in feeds["rss"]:
        rss = ET.parse(path).getroot()
        assert rss.get("version") == "2.0", path
        channel = rss.find("channel")
        for required in ("title", "link", "description"):
            assert (channel.findtext(required) or "").strip(), (path, required)
        self_link = channel.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None, f"{path}: no atom:link rel=self"
        assert self_link.get("href") == BASE + path.relative_to(seed_site).as_posix()
        assert resolves(seed_site, channel.findtext("link"))
        dates = []
        for item in channel.iter("item"):
            assert item.findtext("title") or item.findtext("description"), path
            assert resolves(seed_site, item.findtext("link")), item.findtext("link")
            guid = item.find("guid")
            assert guid is not None and guid.text, path
            if guid.get("isPermaLink", "true") == "true":
                assert guid.text.startswith(("http://", "https://")), guid.text
            stamp = item.findtext("pubDate")
            assert stamp and RFC822.match(stamp), (path, stamp)
            dates.append(parsedate_to_datetime(stamp))
        for extra in ("pubDate", "lastBuildDate"):
            if channel.findtext(extra):
                assert RFC822.match(channel.findtext(extra)), (path, extra)
        assert newest_first(dates), f"{path}: items not newest first"


def test_atom_feeds_follow_rfc_4287(seed_site: Path, feeds: dict[str, list[Path]]) -> None:
    for path in feeds["atom"]:
        feed = ET.parse(path).getroot()
        for required in ("id", "title", "updated"):
            assert (feed.findtext(f"{ATOM}{required}") or "").strip(), (path, required)
        assert RFC3339.match(feed.findtext(f"{ATOM}updated")), path
        self_link = feed.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None, f"{path}: no link rel=self"
        assert self_link.get("href") == BASE + path.relative_to(seed_site).as_posix()
        entries = list(feed.iter(f"{ATOM}entry"))
        has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
        dates = []
        for entry in entries:
            for required in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{required}") or "").strip(), (path, required)
            assert has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None, path
            links = [ln for ln in entry.iter(f"{ATOM}link") if ln.get("rel", "alternate")
                     == "alternate"]
            assert links and all(resolves(seed_site, ln.get("href")) for ln in links), path
            stamps = [entry.findtext(f"{ATOM}{t}") for t in ("updated", "published")]
            assert all(RFC3339.match(s) for s in stamps if s is not None), (path, stamps)
            dates.append(datetime.fromisoformat(stamps[1] or stamps[0]))
        assert newest_first(dates), f"{path}: entries not newest first"


def test_json_feeds_follow_json_feed_1_1(seed_site: Path, feeds: dict[str, list[Path]]) -> None:
    for path in feeds["json"]:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1", path
        assert isinstance(data["title"], str) and data["title"], path
        assert data["feed_url"] == BASE + path.relative_to(seed_site).as_posix()
        assert resolves(seed_site, data["home_page_url"]), data["home_page_url"]
        dates = []
        for item in data["items"]:
            assert isinstance(item["id"], str) and item["id"], path
            assert item.get("content_html") or item.get("content_text"), (path, item["id"])
            assert resolves(seed_site, item["url"]), item["url"]
            assert RFC3339.match(item["date_published"]), (path, item["date_published"])
            if "date_modified" in item:
                assert RFC3339.match(item["date_modified"]), path
            dates.append(datetime.fromisoformat(item["date_published"]))
        assert newest_first(dates), f"{path}: items not newest first"


def test_feed_ids_are_unique_and_stable_across_builds(
        seed_project: Path, seed_site: Path, tmp_path: Path) -> None:
    first = feed_ids(seed_site)
    for name, ids in first.items():
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    assert feed_ids(build_seeds(tmp_path, seed_project)) == first
