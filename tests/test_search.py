"""The search index: made by Pagefind from the issue pages, inside the site, and made again
only when an issue page changed. (Searching it in Chromium: tests/test_browser.py.)"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _tools import running
from bs4 import BeautifulSoup
from conftest import ROOT, run_digest

STORIES = ROOT / "tests" / "data" / "stories"


def project(tmp_path: Path) -> Path:
    shutil.copytree(STORIES, tmp_path / "news")
    (tmp_path / "digest.toml").write_text('[build]\ninput = "news"\n', encoding="utf-8")
    return tmp_path


def index_files(output: Path) -> dict[str, int]:
    """The index's files by inode: a file made again is a new inode."""
    return {p.relative_to(output).as_posix(): p.stat().st_ino
            for p in sorted((output / "pagefind").rglob("*")) if p.is_file()}


def test_the_index_is_in_the_site_and_every_page_has_the_box(tmp_path):
    folder = project(tmp_path)
    done = run_digest("build", "-v", cwd=folder)
    output = folder / "output"
    assert "search index of 3 pages" in done.stdout and " MB" in done.stdout
    assert "search " in done.stdout.split("time: ", 1)[1].splitlines()[0]
    files = index_files(output)
    assert "pagefind/pagefind-ui.js" in files
    assert sum(name.startswith("pagefind/fragment/") for name in files) == 3  # a page each
    for page in output.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.find(id="search") is not None, page
        scripts = [s["src"] for s in html.find_all("script")]
        assert [s.rsplit("/", 2)[-2:] for s in scripts] == [["pagefind", "pagefind-ui.js"],
                                                            ["static", "search.js"]], page
        assert all(not s.get_text(strip=True) for s in html.find_all("script"))  # no inline


def test_issue_pages_say_what_to_index_and_filter_by(tmp_path):
    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    page = next((folder / "output" / "issues").glob("*valley-letter*.html"))
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = html.find(attrs={"data-pagefind-body": True})
    assert body is not None and body.h1.get_text() == "Trains and timber"
    assert html.find(attrs={"data-pagefind-filter": "newsletter"}).get_text() == "Valley Letter"
    assert [h.get_text() for h in html.find_all(attrs={"data-pagefind-filter": "section"})] \
        == ["Lead story", "Links"]
    assert html.find(attrs={"data-pagefind-meta": "date:2025-03-05"}) is not None


def test_a_rebuild_reruns_pagefind_only_when_issue_pages_changed(tmp_path):
    folder = project(tmp_path)
    output = folder / "output"
    run_digest("build", "-q", cwd=folder)
    first = index_files(output)
    done = run_digest("build", "-v", cwd=folder)
    assert "unchanged" in done.stdout and "search index unchanged" in done.stdout
    assert index_files(output) == first
    # A template only the outlets page uses changes: the site is written anew, the index
    # kept as it was.
    (folder / "templates").mkdir()
    head, tail = (ROOT / "templates" / "outlets.html").read_text(encoding="utf-8").rsplit(
        "{% endblock %}", 1)
    (folder / "templates" / "outlets.html").write_text(
        f"{head}<p>Counted by hand.</p>{{% endblock %}}{tail}", encoding="utf-8")
    done = run_digest("build", "-v", cwd=folder)
    assert "files written" in done.stdout and "search index unchanged" in done.stdout
    assert index_files(output) == first
    # An issue changes: the index is made again, and finds the new word.
    town = folder / "news" / "town-notes.md"
    town.write_text(town.read_text(encoding="utf-8").replace("bakery", "cheesemonger"),
                    encoding="utf-8")
    done = run_digest("build", "-v", cwd=folder)
    assert "search index of 3 pages" in done.stdout
    again = index_files(output)
    assert set(again) != set(first) or any(again[n] != first[n] for n in first)


def test_search_can_be_switched_off(tmp_path):
    folder = project(tmp_path)
    (folder / "digest.toml").write_text('[build]\ninput = "news"\n[site]\nsearch = false\n',
                                        encoding="utf-8")
    run_digest("build", "-q", cwd=folder)
    assert not (folder / "output" / "pagefind").exists()
    page = (folder / "output" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and 'id="search"' not in page


def test_a_large_archive_is_indexed_in_parts_the_box_merges(tmp_path, monkeypatch):
    """Pagefind holds every page it indexes in memory: past PART_PAGES pages, the index
    comes in parts, listed for the search box in parts.json."""
    from digest import search

    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    monkeypatch.setattr(search, "PART_PAGES", 2)
    bundle = search.index_site(folder / "output", "en")
    assert bundle["pagefind/parts.json"] == b'["part-2/"]\n'
    second = {name for name in bundle if name.startswith("pagefind/part-2/")}
    assert "pagefind/part-2/pagefind-entry.json" in second
    assert sum("/fragment/" in name for name in second) == 1  # the third page
    assert not any("pagefind-ui" in name for name in second)  # the box comes once
    assert sum(n.startswith("pagefind/fragment/") for n in bundle) == 2
    monkeypatch.setattr(search, "PART_PAGES", 250)
    assert search.index_site(folder / "output", "en")["pagefind/parts.json"] == b"[]\n"


def test_a_rebuild_makes_again_only_the_parts_whose_pages_changed(tmp_path, monkeypatch):
    from digest import search
    from digest.build import build
    from digest.config import load_config

    folder = project(tmp_path)
    monkeypatch.setattr(search, "PART_PAGES", 2)  # the newest issue (Town Notes) alone in part 2
    config = load_config(folder / "digest.toml")
    assert "2 of 2 parts made" in build(config).search
    first = index_files(folder / "output")
    town = folder / "news" / "town-notes.md"
    town.write_text(town.read_text(encoding="utf-8").replace("bakery", "cheesemonger"),
                    encoding="utf-8")
    assert "1 of 2 parts made" in build(load_config(folder / "digest.toml")).search
    again = index_files(folder / "output")
    main = [n for n in first if not n.startswith("pagefind/part-")]
    assert all(again.get(n) == first[n] for n in main)  # part 1 kept: the same files
    assert {n for n in again if n.startswith("pagefind/part-2/")} != \
        {n for n in first if n.startswith("pagefind/part-2/")}


def test_a_new_issue_makes_again_only_a_small_part(tmp_path, monkeypatch):
    """The newest pages, until PART_PAGES of them, are indexed in parts of OPEN_PAGES: a new
    issue (the newest page) is indexed with at most OPEN_PAGES others, the rest kept."""
    from digest import search
    from digest.build import build
    from digest.config import load_config

    folder = project(tmp_path)
    monkeypatch.setattr(search, "PART_PAGES", 10)
    monkeypatch.setattr(search, "OPEN_PAGES", 1)
    assert "3 of 3 parts made" in build(load_config(folder / "digest.toml")).search
    first = index_files(folder / "output")
    (folder / "news" / "later-notes.md").write_text(
        "---\npublication: Later Notes\ndate: 2025-03-20\ntitle: Spring tides\n---\n"
        "# Spring tides\n\nThe spring tides reached the harbour wall twice this week.\n",
        encoding="utf-8")
    assert "1 of 4 parts made" in build(load_config(folder / "digest.toml")).search
    again = index_files(folder / "output")
    assert all(again.get(name) == inode for name, inode in first.items()
               if name.startswith(("pagefind/part-2/", "pagefind/part-3/")))
    assert any(name.startswith("pagefind/part-4/") for name in again)
    assert again["pagefind/parts.json"] != first["pagefind/parts.json"]


def test_pagefind_ends_with_a_build_killed_outright(tmp_path):
    """SIGKILL gives the build no chance to stop its children: Pagefind must not live on."""
    if not sys.platform.startswith("linux") or shutil.which("setpriv") is None:
        pytest.skip("the parent-death signal is set through util-linux's setpriv")
    folder = project(tmp_path)
    started = tmp_path / "pagefind.pid"
    fake = tmp_path / "pagefind"  # stands in for Pagefind: says it started, then takes long
    fake.write_text(f"#!/bin/sh\necho $$ > {started}\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    build = subprocess.Popen([sys.executable, "-m", "digest", "build", "-q"], cwd=folder,
                             env={**os.environ, "PAGEFIND_BINARY_PATH": str(fake)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pid = None
    try:
        deadline = time.monotonic() + 120
        while not (started.exists() and started.read_text().strip()):
            assert build.poll() is None and time.monotonic() < deadline, "Pagefind never ran"
            time.sleep(0.05)
        pid = int(started.read_text())
        build.kill()
        build.wait()
        deadline = time.monotonic() + 10
        while running(pid):
            assert time.monotonic() < deadline, "Pagefind outlived the build"
            time.sleep(0.05)
    finally:
        build.kill()
        if pid is not None and running(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_pagefind_is_not_started_for_a_build_that_died_while_starting_it(tmp_path):
    """The parent-death signal is set after the fork: a build killed before that would never
    send it, so Pagefind starts only if its parent is still the build."""
    from digest.search import _ending_with_us

    prefix = _ending_with_us()
    if not prefix:
        pytest.skip("the parent-death signal is set through util-linux's setpriv")
    ran = tmp_path / "ran"
    subprocess.run([*prefix[:-1], "1", "touch", str(ran)], check=False)  # "1": another parent
    assert not ran.exists()
    subprocess.run([*prefix, "touch", str(ran)], check=True)
    assert ran.exists()
