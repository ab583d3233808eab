"""`digest fetch` from feeds on a real local HTTP server: RSS, Atom, JSON Feed, and failures."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pty
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from _fetch_servers import Issue, Route, atom, feed_server, json_feed, rss
from conftest import run_digest

WEEKLY = [Issue("Example Weekly", "Tides and trains", dt.date(2024, 4, 2), "tide tables"),
          Issue("Example Weekly", "Ferries at dawn", dt.date(2024, 4, 9), "ferry timetables")]


@pytest.fixture
def server():
    with feed_server() as running:
        yield running


def project(tmp_path: Path, sources: list[dict]) -> Path:
    tmp_path.mkdir(exist_ok=True)
    lines = []
    for source in sources:
        lines.append("[[sources]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in source.items()]
    (tmp_path / "digest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def saved(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def test_a_feed_is_saved_one_page_per_entry_then_not_fetched_again(tmp_path, server):
    server.routes["/feed.xml?token=s3cret"] = Route(rss("Example Weekly", WEEKLY), etag='"v1"')
    root = project(tmp_path, [{"name": "Example Weekly",
                               "feed": server.url("/feed.xml?token=s3cret")}])
    done = run_digest("fetch", cwd=root)
    assert done.stdout.strip() == "Example Weekly: 2 new, 0 known"
    assert saved(root / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.html",
                                     "example-weekly/2024-04-09-ferries-at-dawn.html"]
    page = (root / "seeds/example-weekly/2024-04-02-tides-and-trains.html").read_text()
    assert '<meta property="og:site_name" content="Example Weekly">' in page
    assert '<meta property="article:published_time" content="2024-04-02T12:00:00+00:00">' in page
    assert '<link rel="canonical" href="https://news.example/tides-and-trains">' in page
    assert "tide tables" in page and "In other news" in page
    assert "<script" not in page and "track.example" not in page and "utm_" not in page
    # the trackers of the platform profiles go too (digest.links, the one list)
    assert 'href="https://news.example/figures?id=7"' in page and "_bhlid" not in page

    again = run_digest("fetch", cwd=root)
    assert again.stdout.strip() == ("Example Weekly: 0 new, 2 known "
                                    "(unchanged since the last fetch)")
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    assert len(saved(root / "seeds")) == 2

    text = (root / "seeds/.digest-fetch.json").read_text()
    assert "s3cret" not in text  # a private feed's token stays in the config
    state = json.loads(text)
    assert state["sources"]["Example Weekly"]["etag"] == '"v1"'
    assert sorted(state["seen"].values()) == sorted(saved(root / "seeds") * 2)


def test_a_new_entry_is_the_only_file_added(tmp_path, server):
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY[:1]))
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/feed.xml")}])
    run_digest("fetch", cwd=root)
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY))
    assert run_digest("fetch", cwd=root).stdout.strip() == "Example Weekly: 1 new, 1 known"
    assert len(saved(root / "seeds")) == 2


def test_atom_json_feed_gzip_and_redirects_are_read_and_summaries_marked(tmp_path, server):
    harbor = [Issue("Harbor Notes", "Cranes", dt.date(2024, 4, 3), "container cranes")]
    lantern = [Issue("Lantern Letter", "Wicks", dt.date(2024, 4, 4), "lamp wicks")]
    server.routes["/atom"] = Route(atom("Harbor Notes", harbor, summary_only=True), gzip=True)
    server.routes["/old"] = Route(redirect="/feed.json")
    server.routes["/feed.json"] = Route(json_feed("Lantern", lantern), gzip=True,
                                        content_type="application/feed+json")
    root = project(tmp_path, [{"name": "Harbor Notes", "feed": server.url("/atom")},
                              {"name": "Lantern Letter", "feed": server.url("/old")}])
    done = run_digest("fetch", cwd=root)
    assert done.stdout.splitlines() == ["Harbor Notes: 1 new, 0 known",
                                        "Lantern Letter: 1 new, 0 known"]
    summary = root / "seeds/harbor-notes/2024-04-03-cranes.html"
    assert '<meta name="author" content="Ann Author">' in summary.read_text()
    shown = run_digest("inspect", str(summary), cwd=root)
    assert "only the feed's summary" in shown.stderr
    full = root / "seeds/lantern-letter/2024-04-04-wicks.html"
    assert '<meta name="author" content="Jo Writer">' in full.read_text()
    assert "only the feed's summary" not in run_digest("inspect", str(full), cwd=root).stderr


def test_each_failing_source_gets_one_line_and_the_others_still_fetch(tmp_path, server):
    server.routes["/good"] = Route(rss("Example Weekly", WEEKLY))
    server.routes["/boom"] = Route(b"oops", status=500)
    server.routes["/slow"] = Route(rss("Slow", WEEKLY), delay=3)
    server.routes["/cut"] = Route(rss("Cut", WEEKLY), truncate=True)
    server.routes["/junk"] = Route(b"<html><body>no feed here</body></html>",
                                   content_type="text/html")
    server.routes["/blog/"] = Route(
        b'<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" '
        b'href="/blog/atom.xml"></head><body><p>Posts</p></body></html>',
        content_type="text/html")
    sources = [{"name": "Example Weekly", "feed": server.url("/good")},
               {"name": "Blog", "feed": server.url("/blog/")},
               {"name": "Missing", "feed": server.url("/gone")},
               {"name": "Broken", "feed": server.url("/boom")},
               {"name": "Slow", "feed": server.url("/slow"), "timeout": 1},
               {"name": "Cut", "feed": server.url("/cut")},
               {"name": "Junk", "feed": server.url("/junk")},
               {"name": "Nobody", "feed": "http://127.0.0.1:9/feed"}]
    root = project(tmp_path, sources)
    done = run_digest("fetch", cwd=root)
    assert done.returncode == 0
    assert done.stdout.strip() == "Example Weekly: 2 new, 0 known"
    lines = done.stderr.splitlines()
    expected = {"Missing": "HTTP 404", "Broken": "HTTP 500", "Slow": "timed out after 1 s",
                "Cut": "truncated response", "Junk": "not a feed",
                "Blog": "a web page, not a feed: it names its feed at "
                        + server.url("/blog/atom.xml"),
                "Nobody": "connection refused"}
    for name, reason in expected.items():
        line = [x for x in lines if x.startswith(f"digest: fetch: {name}: failed: ")]
        assert len(line) == 1 and reason in line[0], (name, lines)
    assert len(lines) == len(expected)
    assert saved(root / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.html",
                                     "example-weekly/2024-04-09-ferries-at-dawn.html"]
    assert not [p for p in (root / "seeds").rglob("*.tmp")]
    assert run_digest("fetch", "--strict", cwd=root, check=False).returncode == 1


def test_a_malformed_feed_is_reported_and_what_it_held_is_kept(tmp_path, server):
    broken = rss("Example Weekly", WEEKLY).replace(b"</channel>", b"<oops></channel>")
    server.routes["/feed.xml"] = Route(broken)
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/feed.xml")}])
    done = run_digest("fetch", cwd=root)
    assert "Example Weekly: 2 new, 0 known" in done.stdout
    assert "digest: fetch: Example Weekly: warning: malformed feed" in done.stderr
    assert run_digest("fetch", "--strict", cwd=root, check=False).returncode == 1


def test_an_entry_in_two_feeds_is_kept_once(tmp_path, server):
    shared = Issue("Example Weekly", "Shared story", dt.date(2024, 4, 16), "shared tracks")
    server.routes["/a"] = Route(rss("Example Weekly", [WEEKLY[0], shared]))
    server.routes["/b"] = Route(atom("Partner", [shared, WEEKLY[1]]))
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/a")},
                              {"name": "Partner", "feed": server.url("/b")}])
    done = run_digest("fetch", cwd=root)
    counts = sorted(done.stdout.splitlines())
    assert counts in (["Example Weekly: 1 new, 1 known", "Partner: 2 new, 0 known"],
                      ["Example Weekly: 2 new, 0 known", "Partner: 1 new, 1 known"])
    assert len([p for p in saved(root / "seeds") if "shared-story" in p]) == 1


def test_feeds_numbering_their_entries_alike_keep_both(tmp_path, server):
    harbor = [Issue("Harbor Notes", "Cranes", dt.date(2024, 4, 3), "container cranes", id="1")]
    lantern = [Issue("Lantern Letter", "Wicks", dt.date(2024, 4, 4), "lamp wicks", id="1")]
    server.routes["/h"] = Route(json_feed("Harbor Notes", harbor))
    server.routes["/l"] = Route(json_feed("Lantern Letter", lantern))
    root = project(tmp_path, [{"name": "Harbor Notes", "feed": server.url("/h")},
                              {"name": "Lantern Letter", "feed": server.url("/l")}])
    assert run_digest("fetch", cwd=root).stdout.splitlines() == [
        "Harbor Notes: 1 new, 0 known", "Lantern Letter: 1 new, 0 known"]


def test_a_file_already_there_is_never_overwritten(tmp_path, server):
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY[:1]))
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/feed.xml")}])
    mine = root / "seeds/example-weekly/2024-04-02-tides-and-trains.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("<p>my own notes</p>")
    run_digest("fetch", cwd=root)
    assert mine.read_text() == "<p>my own notes</p>"
    assert (mine.parent / "2024-04-02-tides-and-trains-2.html").is_file()


@pytest.mark.parametrize(("source", "key"), [
    ({"name": "X", "feed": "https://a.example/f", "colour": "red"}, "sources[1].colour"),
    ({"name": "X", "feed": "https://a.example/f", "timeout": "soon"}, "sources[1].timeout"),
    ({"name": "X", "imap": "mail.example", "user": "u", "password_env": "P", "tls": False},
     "sources[1].tls"),
    ({"name": "X"}, "needs exactly one of feed, imap, mbox, maildir"),
])
def test_a_bad_source_in_the_config_exits_2_naming_the_key(tmp_path, source, key):
    root = project(tmp_path, [source])
    done = run_digest("fetch", cwd=root, check=False)
    assert done.returncode == 2 and key in done.stderr and "digest.toml" in done.stderr


def test_a_progress_bar_is_drawn_on_a_terminal_only(tmp_path, server):
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY))
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/feed.xml")}])
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    try:
        done = subprocess.run([sys.executable, "-m", "digest", "fetch"], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        drawn = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 4096):
                drawn += chunk
    finally:
        os.close(leader)
    assert done.stdout.decode().strip() == "Example Weekly: 2 new, 0 known"
    assert b"fetching [####################] 1/1 sources" in drawn
    assert drawn.endswith(b"\r\x1b[K")  # the bar is cleared before the summary stays
    assert "fetching [" not in run_digest("fetch", cwd=root).stderr  # not a terminal


def test_fetch_writes_nothing_through_a_link_in_the_input_folder(tmp_path, server):
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY))
    root = project(tmp_path / "project", [{"name": "Example Weekly",
                                          "feed": server.url("/feed.xml")}])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "seeds").mkdir()
    (root / "seeds" / "example-weekly").symlink_to(elsewhere, target_is_directory=True)
    done = run_digest("fetch", cwd=root)
    assert done.returncode == 0 and list(elsewhere.iterdir()) == []
    assert "digest: fetch: Example Weekly: failed: " in done.stderr
    assert "not a folder digest made (a link or a file)" in done.stderr


def test_an_unreadable_state_file_stops_the_fetch_and_is_left_alone(tmp_path, server):
    server.routes["/feed.xml"] = Route(rss("Example Weekly", WEEKLY))
    root = project(tmp_path, [{"name": "Example Weekly", "feed": server.url("/feed.xml")}])
    (root / "seeds").mkdir()
    (root / "seeds/.digest-fetch.json").write_text("{not json")
    done = run_digest("fetch", cwd=root)
    assert "cannot read the fetch state" in done.stderr and ".digest-fetch.json" in done.stderr
    assert saved(root / "seeds") == []
    assert (root / "seeds/.digest-fetch.json").read_text() == "{not json"
    assert run_digest("fetch", "--strict", cwd=root, check=False).returncode == 1


def _revised_atom(updated: str, text: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Tidewater Ledger</title><id>urn:tidewater</id><updated>" + updated +
            "</updated><entry><title>Ferry timetable for the winter</title>"
            "<id>tag:tidewater.example,2024:ferry</id><link href='https://tidewater.example/"
            "ferry'/><published>2024-04-02T12:00:00Z</published><updated>" + updated +
            "</updated><content type='html'>&lt;p&gt;" + text + "&lt;/p&gt;</content>"
            "</entry></feed>").encode()


def test_an_entry_its_feed_revised_replaces_the_copy_saved_before(tmp_path, server):
    """A post corrected after it was published (same id, a later `updated`): the saved copy
    is replaced, so the site never shows what the correction withdrew."""
    server.routes["/feed.xml"] = Route(_revised_atom(
        "2024-04-02T12:00:00Z", "Sunday service is suspended until March."))
    root = project(tmp_path, [{"name": "Tidewater Ledger", "feed": server.url("/feed.xml")}])
    assert run_digest("fetch", cwd=root).stdout.strip() == "Tidewater Ledger: 1 new, 0 known"
    server.routes["/feed.xml"] = Route(_revised_atom(
        "2024-04-03T09:00:00Z", "Correction: Sunday service runs as usual all winter."))
    done = run_digest("fetch", cwd=root)
    assert done.stdout.strip() == "Tidewater Ledger: 0 new, 1 updated, 0 known"
    (page,) = saved(root / "seeds")
    text = (root / "seeds" / page).read_text(encoding="utf-8")
    assert "runs as usual" in text and "suspended until March" not in text
    assert run_digest("fetch", cwd=root).stdout.strip() == "Tidewater Ledger: 0 new, 1 known"


def _described(title: str, link: str, description: str) -> str:
    """An RSS item carrying only a <description>, as Buttondown's and WordPress's feeds do."""
    return (f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            "<pubDate>Mon, 09 Nov 2026 14:00:00 +0000</pubDate><category>Council</category>"
            f"<description>{escape(description)}</description></item>")


def _channel(title: str, items: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>https://news.example/</link>"
            f"<description>{escape(title)}</description>{items}</channel></rss>").encode()


ALLOTMENT = ("<h1>Compost as a queue</h1><p>This week the three compost bays became a queue: "
             "first in, first out, turned left to right every fortnight.</p><h2>The setup</h2>"
             "<ul><li>Bay one takes kitchen scraps.</li><li>Bay two gets turned.</li></ul>"
             '<p>The <a href="/letters/archive/">archive</a> has the raised beds issue.</p>')
SHELTER = ("<p>The parish council put off its decision on the Mill Lane bus shelter for the "
           "third meeting running, because the quote for the glass panels had expired. "
           'Residents who queued in the rain last winter were not impressed. <a href="'
           'https://parish.example/2026/11/shelter/#more-12" class="more-link">Continue reading'
           ' <span class="screen-reader-text">Shelter vote delayed again</span> &#8594;</a></p>')


def test_an_rss_description_is_the_whole_post_unless_it_links_back_to_it(tmp_path, server):
    server.routes["/letters/rss"] = Route(_channel("Allotment Letters", _described(
        "Issue 14: Compost", "https://letters.example/letters/archive/issue-14/", ALLOTMENT)))
    server.routes["/feed/"] = Route(_channel("Parish Post", _described(
        "Shelter vote delayed again", "https://parish.example/2026/11/shelter/", SHELTER)))
    root = project(tmp_path, [{"name": "Allotment Letters", "feed": server.url("/letters/rss")},
                              {"name": "Parish Post", "feed": server.url("/feed/")}])
    run_digest("fetch", cwd=root)
    whole = root / "seeds/allotment-letters/2026-11-09-issue-14-compost.html"
    assert "digest-content" not in whole.read_text()
    assert "only the feed's summary" not in run_digest("inspect", str(whole), cwd=root).stderr
    excerpt = root / "seeds/parish-post/2026-11-09-shelter-vote-delayed-again.html"
    assert '<meta name="digest-content" content="summary-only">' in excerpt.read_text()


def test_a_continue_reading_link_back_to_the_post_naming_it_is_left_out(tmp_path, server):
    server.routes["/feed/"] = Route(_channel("Parish Post", _described(
        "Shelter vote delayed again", "https://parish.example/2026/11/shelter/", SHELTER)))
    root = project(tmp_path, [{"name": "Parish Post", "feed": server.url("/feed/")}])
    run_digest("fetch", cwd=root)
    shown = run_digest("summarize", "seeds/parish-post", cwd=root).stdout
    assert "were not impressed." in shown
    assert "Continue reading" not in shown and "→" not in shown
