"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and for each newsletter."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import xml.etree.ElementTree as ET
import zoneinfo

import feedparser
import pytest
from test_render_seeds import BASE_URL, CONFIG, seed_files, seed_site

from digest.config import FeedConfig
from digest.render import render_site

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
SITE_FEEDS = ("feed.xml", "atom.xml", "feed.json")
NEWSLETTER_FEEDS = ("newsletters/china-report.xml", "newsletters/china-report.atom.xml",
                    "newsletters/china-report.json")


def week_urls() -> list[str]:
    return [f"{BASE_URL}weeks/{week.key.lower()}.html" for week in seed_site().weeks]


def week_dates() -> list[dt.datetime]:
    """Each week's latest issue date, at midnight in the configured zone (Europe/Berlin)."""
    zone = zoneinfo.ZoneInfo("Europe/Berlin")
    return [dt.datetime.combine(max(d.issue.date for d in week.issues), dt.time(), tzinfo=zone)
            for week in seed_site().weeks]


def entries(data: bytes) -> list[dict]:
    """The entries of any of the three formats, as id/link/content dicts."""
    if data.lstrip().startswith(b"{"):
        return [{"id": i["id"], "link": i["url"], "content": i["content_html"]}
                for i in json.loads(data)["items"]]
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return [{"id": e.id, "link": e.link, "content": e.content[0].value} for e in parsed.entries]


@pytest.mark.parametrize("name", ("feed.xml", "atom.xml", "newsletters/china-report.xml",
                                  "newsletters/china-report.atom.xml",
                                  "newsletters/protocol.xml", "newsletters/protocol.atom.xml"))
def test_feeds_parse_cleanly(name):
    parsed = feedparser.parse(seed_files()[name])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries


@pytest.mark.parametrize("name", SITE_FEEDS)
def test_site_feeds_have_a_week_per_entry_newest_first(name):
    found = entries(seed_files()[name])
    assert [e["link"] for e in found] == week_urls()
    assert [e["id"] for e in found] == week_urls()
    assert len({e["id"] for e in found}) == 10
    assert "Threads is giving Taiwanese users" in found[0]["content"]


def test_rss_has_the_required_elements_and_rfc_822_dates():
    channel = ET.fromstring(seed_files()["feed.xml"]).find("channel")
    for tag in ("title", "link", "description", "lastBuildDate", "language"):
        assert channel.findtext(tag), tag
    assert channel.findtext("link") == BASE_URL
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == f"{BASE_URL}feed.xml"
    items = channel.findall("item")
    assert len(items) == 10
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == week_dates()
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")) == dates[0]
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        assert item.find("guid").get("isPermaLink") == "true"
        assert re.match(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$",
                        item.findtext("pubDate"))
        content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        assert 'href="https://example.org/digest/issues/' in content
        assert 'href="../' not in content


def test_atom_has_ids_updated_in_rfc_3339_and_self_link():
    feed = ET.fromstring(seed_files()["atom.xml"])
    assert feed.findtext(f"{ATOM}id") == BASE_URL
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    links = {x.get("rel"): x.get("href") for x in feed.findall(f"{ATOM}link")}
    assert links == {"self": f"{BASE_URL}atom.xml", "alternate": BASE_URL}
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == week_urls()
    updated = [dt.datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert updated == week_dates()
    assert dt.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == updated[0]
    for entry in entries:
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.find(f"{ATOM}link").get("href").startswith(BASE_URL)


def test_json_feed_1_1():
    data = json.loads(seed_files()["feed.json"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["home_page_url"] == BASE_URL
    assert data["feed_url"] == f"{BASE_URL}feed.json"
    assert [item["id"] for item in data["items"]] == week_urls()
    for item in data["items"]:
        assert item["content_html"] and item["url"].startswith(BASE_URL)
        assert RFC3339.match(item["date_published"])
    assert [dt.datetime.fromisoformat(i["date_published"]) for i in data["items"]] == week_dates()


def test_newsletter_feeds_hold_that_newsletters_issues_newest_first():
    for name in NEWSLETTER_FEEDS:
        found = entries(seed_files()[name])
        assert len(found) == 9
        assert all("/issues/" in e["id"] and "-china-report-" in e["id"] for e in found)
        dates = [re.search(r"issues/(\d{4}-\d\d-\d\d)", e["id"]).group(1) for e in found]
        assert dates == sorted(dates, reverse=True)
    atom = ET.fromstring(seed_files()["newsletters/china-report.atom.xml"])
    links = {x.get("rel"): x.get("href") for x in atom.findall(f"{ATOM}link")}
    assert links["self"] == f"{BASE_URL}newsletters/china-report.atom.xml"
    assert links["alternate"] == f"{BASE_URL}newsletters/china-report.html"
    protocol = json.loads(seed_files()["newsletters/protocol.json"])
    assert len(protocol["items"]) == 1


def test_entries_are_capped_by_the_feed_config():
    files = render_site(seed_site(), CONFIG, FeedConfig(entries=3))
    for name in SITE_FEEDS + NEWSLETTER_FEEDS:
        assert len(entries(files[name])) == 3, name
    assert "weeks/2021-w52.html" in files  # the pages are not capped


def test_feeds_carry_no_build_time():
    today = dt.date.today()
    stamps = {today.strftime("%d %b %Y"), today.isoformat()}
    for name in SITE_FEEDS + NEWSLETTER_FEEDS:
        text = seed_files()[name].decode()
        assert not any(stamp in text for stamp in stamps), name
