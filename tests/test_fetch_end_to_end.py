"""Fetch from a feed server and an IMAP server into an empty input folder, then build."""

from __future__ import annotations

import datetime as dt
import json
import os
import re

from _fetch_servers import Dovecot, Issue, Route, atom, dovecot_binary, feed_server, message, rss
from _tools import require
from conftest import run_digest

WEEKLY = [Issue("Example Weekly", "Tides and trains", dt.date(2024, 4, 2), "tide tables"),
          Issue("Example Weekly", "Ferries at dawn", dt.date(2024, 4, 9), "ferry timetables")]
HARBOR = [Issue("Harbor Notes", "Cranes on the quay", dt.date(2024, 4, 3), "container cranes")]
LANTERN = Issue("Lantern Letter", "Wicks and wax", dt.date(2024, 4, 10), "lamp wicks")


def test_fetched_issues_from_feeds_and_mail_are_built_into_the_site_and_feeds(tmp_path):
    require(dovecot_binary(), "dovecot not found or not root (apt-get install dovecot-imapd)")
    imap = Dovecot()
    imap.deliver(message(LANTERN, "Lantern Letter", "hi@lantern.example", 1))
    # the same issue by e-mail and by feed: kept once
    imap.deliver(message(WEEKLY[1], "Example Weekly", "hello@weekly.example", 2))
    try:
        imap.start()
        with feed_server() as http:
            http.routes["/weekly.rss"] = Route(rss("Example Weekly", WEEKLY))
            http.routes["/harbor.atom"] = Route(atom("Harbor Notes", HARBOR))
            (tmp_path / "digest.toml").write_text(
                '[site]\nbase_url = "https://digest.example/"\n'
                f'[[sources]]\nname = "Example Weekly"\nfeed = "{http.url("/weekly.rss")}"\n'
                f'[[sources]]\nname = "Harbor Notes"\nfeed = "{http.url("/harbor.atom")}"\n'
                f'[[sources]]\nname = "Inbox"\nimap = "127.0.0.1"\nport = {imap.port}\n'
                f'tls = false\nuser = "{imap.USER}"\npassword_env = "TEST_IMAP_PASSWORD"\n')
            os.environ["TEST_IMAP_PASSWORD"] = imap.PASSWORD
            try:
                done = run_digest("build", "--fetch", cwd=tmp_path)
            finally:
                del os.environ["TEST_IMAP_PASSWORD"]
    finally:
        imap.close()
    lines = done.stdout.splitlines()
    assert lines[:2] == ["Example Weekly: 2 new, 0 known", "Harbor Notes: 1 new, 0 known"]
    assert lines[2] in ("Inbox: 1 new, 1 known", "Inbox: 2 new, 0 known")
    assert re.match(r"built 4 issues from [45] files", lines[3]), lines
    files = sorted(p.name for p in (tmp_path / "seeds").rglob("*") if p.is_file())
    assert len([f for f in files if "ferries-at-dawn" in f]) == 1, files
    seen = json.loads((tmp_path / "seeds/.digest-fetch.json").read_text())["seen"]
    assert seen["message-id:<2.20240409@mail.example>"] == seen[
        "entry:https://news.example/ferries-at-dawn"]  # both copies point at the one kept

    site = tmp_path / "output"
    issue_pages = "".join(p.read_text() for p in (site / "issues").glob("*.html"))
    feed = json.loads((site / "feed.json").read_text())
    weeks = " ".join(item["content_html"] for item in feed["items"])
    atom_feed = (site / "atom.xml").read_text()
    for issue in [*WEEKLY, *HARBOR, LANTERN]:
        assert issue.title in issue_pages, issue.title
        assert issue.title in weeks, issue.title
        assert issue.title in atom_feed, issue.title
    names = {p.name for p in (site / "newsletters").glob("*.html")}
    assert {"example-weekly.html", "harbor-notes.html", "lantern-letter.html"} <= names
