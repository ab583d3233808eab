"""The search index: made by Pagefind from the issue pages, inside the site, and made again
only when an issue page changed. (Searching it in Chromium: tests/test_browser.py.)"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
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
    """SIGKILL gives the build no chance to stop its children: Pagefind must not live on, and
    the next build clears the scratch folder the killed one left."""
    from digest import search

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
        left = [*search.MEMORY.glob(f"{search.SCRATCH}{build.pid}-*"),
                *folder.glob(".output.*search-*")]
        assert left  # the scratch folder of the run it killed
        run_digest("build", "-q", cwd=folder)
        assert not any(os.path.lexists(p) for p in left)
    finally:
        build.kill()
        if pid is not None and running(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_pagefind_indexes_a_page_with_its_links_unwrapped_as_it_indexes_the_page(tmp_path):
    """What Pagefind is given (`for_indexing`) has no link tags but the filter's: the index
    and fragments it makes are the same, file for file, as those it makes of the pages
    themselves, and the filters hold the same (Pagefind writes them in no fixed order)."""
    from digest.search import for_indexing, pagefind_command

    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    pages = sorted((folder / "output" / "issues").glob("*.html"))
    made = {}
    for name, given in (("as written", lambda b: b), ("for indexing", for_indexing)):
        site = tmp_path / name / "site"
        (site / "issues").mkdir(parents=True)
        for page in pages:  # one at a time, in the same order: Pagefind numbers them so
            (site / "issues" / page.name).write_bytes(given(page.read_bytes()))
        subprocess.run([*pagefind_command(), "--site", str(site), "--output-path",
                        str(site.parent / "bundle"), "--force-language", "en",
                        "--keep-index-url", "--silent"], check=True, timeout=300)
        bundle = site.parent / "bundle"
        made[name] = {p.relative_to(bundle).as_posix(): p.read_bytes()
                      for p in [*bundle.glob("index/*"), *bundle.glob("fragment/*")]}
        made[name]["filters"] = sorted(b"".join(
            gzip.decompress(p.read_bytes()) for p in bundle.glob("filter/*")))
    assert any(p.read_bytes().count(b"<a ") > 3 for p in pages)
    assert [for_indexing(p.read_bytes()).count(b"<a ") for p in pages] == [1] * len(pages)
    assert made["for indexing"] == made["as written"]
    assert any(name.startswith("fragment/") for name in made["as written"])


def test_a_build_clears_the_scratch_folders_of_killed_builds(tmp_path, monkeypatch):
    from digest import search

    monkeypatch.setattr(search, "MEMORY", tmp_path)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    gone, here = int(ended.stdout), os.getpid()
    for pid in (gone, here):
        (tmp_path / f"{search.SCRATCH}{pid}-x1" / "bundle").mkdir(parents=True)
    (tmp_path / f"{search.SCRATCH}notapid").mkdir()
    search.clear_scratch()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{search.SCRATCH}{here}-x1", f"{search.SCRATCH}notapid"]


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A file system of `size` at `folder` (Pagefind's bundle for three pages: over 365 KB)."""
    folder.mkdir()
    mounted = sys.platform.startswith("linux") and os.geteuid() == 0 and not subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, check=False).returncode
    if not mounted:
        pytest.skip("needs a small tmpfs mounted (root, on Linux)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize(("size", "tried"), [("16k", ["disk"]), ("256k", ["memory", "disk"])])
def test_a_small_memory_folder_leaves_the_index_to_the_disk(tmp_path, monkeypatch, size, tried):
    """16 KB: less than a part of these pages (12 KB) is given room for (four times its
    pages), so the disk at once; 256 KB: room enough by that measure, but Pagefind's bundle
    does not fit, so the disk after all. The index is made either way."""
    from digest import search
    from digest.build import build
    from digest.config import load_config

    with small_tmpfs(tmp_path / "shm", size) as small:
        monkeypatch.setattr(search, "MEMORY", small)
        places = []
        index_in = search._index_in

        def noted(scratch, *args):
            places.append("memory" if scratch.parent == small else "disk")
            return index_in(scratch, *args)

        monkeypatch.setattr(search, "_index_in", noted)
        folder = project(tmp_path / "site")
        assert "search index of 3 pages" in build(load_config(folder / "digest.toml")).search
        assert places == tried
        assert len(list((folder / "output" / "pagefind" / "fragment").iterdir())) == 3
        assert list(small.iterdir()) == []


def test_a_disk_too_full_for_the_index_is_an_error_not_an_index_cut_short(tmp_path, monkeypatch):
    """Pagefind exits 0 when it had no room for its files, leaving them cut short."""
    from digest import search

    built = project(tmp_path / "built")
    run_digest("build", "-q", cwd=built)
    monkeypatch.setattr(search, "MEMORY", tmp_path / "no-such-folder")
    with small_tmpfs(tmp_path / "disk", "128k") as disk:
        shutil.copytree(built / "output" / "issues", disk / "site" / "issues")
        pages = sorted(f"issues/{p.name}" for p in (disk / "site" / "issues").iterdir())
        with pytest.raises(search.SearchError, match="no room left"):
            search.index_part(disk / "site", pages, "en", search.FOLDER)
        assert sorted(p.name for p in disk.iterdir()) == ["site"]


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
