"""Search: a Pagefind index of every issue page, made offline from the written site.

Pagefind reads the `data-pagefind-*` attributes the issue template puts on each page
(newsletter and section filters, date metadata) and writes its bundle: the index and the
search box's own script and style, all served from the site's `pagefind/` folder.

Pagefind holds every page it indexes in memory (270 MB for 600 long issues), so a large
archive is indexed in parts of `PART_PAGES` pages, one run each (the newest pages, until
there are `PART_PAGES` of them, in parts of `OPEN_PAGES`): the first part is the main bundle,
the others go in `pagefind/part-N/`, listed in `pagefind/parts.json`, and the search box merges
them. A rebuild makes again only the parts whose pages changed.

Each run reads its pages from, and writes its bundle to, a scratch folder: in memory
(`/dev/shm`) where Linux has it, as creating the bundle's files on disk took up to a quarter of
Pagefind's CPU (a twelfth over a whole site) on the machine the benchmarks run on; beside the
site elsewhere. The scratch folders in memory are named after the build's process, so that a
later build clears those of a build that was killed (`clear_scratch`).
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from digest.buildcache import digest_of
from digest.model import Problem

FOLDER = "pagefind"
PAGES = "issues/*.html"
PARTS = "parts.json"
PART_PAGES = 250
OPEN_PAGES = 50
# Bundle files of the search boxes this site does not use (a part needs none at all).
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")
BOX = ("pagefind-ui.",)
MEMORY = Path("/dev/shm")
SCRATCH = "digest-search-"  # then the build's process id


class SearchError(RuntimeError):
    """Pagefind could not index the site."""


def parts(pages: list[str]) -> list[tuple[str, list[str]]]:
    """The issue pages (output paths, in order) in parts, each with its bundle's folder: parts
    of PART_PAGES, and the last PART_PAGES that are not yet full in parts of OPEN_PAGES, so
    that a new issue (the newest page) makes again a part of at most OPEN_PAGES pages."""
    full = len(pages) - len(pages) % PART_PAGES
    chunks = [pages[n:n + PART_PAGES] for n in range(0, full, PART_PAGES)]
    chunks += [pages[n:n + OPEN_PAGES] for n in range(full, len(pages), OPEN_PAGES)]
    return [(FOLDER if n == 0 else f"{FOLDER}/part-{n + 1}", chunk)
            for n, chunk in enumerate(chunks)]


def parts_file(count: int) -> tuple[str, bytes]:
    """The list of the parts after the first, for the search box to merge."""
    merged = [f"part-{n + 1}/" for n in range(1, count)]
    return f"{FOLDER}/{PARTS}", (json.dumps(merged) + "\n").encode()


def bundle_files(folder: str, names: Iterable[str]) -> list[str]:
    """The files of one part's bundle among `names` (the first part's folder holds the
    others' and the parts list too)."""
    inside = [n for n in names if n.startswith(folder + "/")]
    if folder != FOLDER:
        return inside
    return [n for n in inside if not n.startswith(f"{FOLDER}/part-") and
            n != f"{FOLDER}/{PARTS}"]


def index_site(site: Path, language: str) -> dict[str, bytes]:
    """The whole bundle for the issue pages written under `site`, by output path."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.glob(PAGES))
    bundle: dict[str, bytes] = {}
    planned = parts(pages)
    for folder, names in planned:
        bundle.update(index_part(site, names, language, folder))
    if planned:
        name, data = parts_file(len(planned))
        bundle[name] = data
    return bundle


def index_part(site: Path, pages: list[str], language: str, folder: str) -> dict[str, bytes]:
    """One part's bundle: Pagefind's own binary (from the `pagefind` wheel) over a folder
    holding `pages` at their paths in the site, as `for_indexing` gives them; several times
    faster than handing it the pages one by one through its Python API. The folder is in
    memory where there is one with room for it, else beside the site."""
    if _in_memory() and _room_in_memory(sum((site / page).stat().st_size for page in pages)):
        try:
            with tempfile.TemporaryDirectory(prefix=f"{SCRATCH}{os.getpid()}-",
                                             dir=MEMORY) as scratch:
                return _index_in(Path(scratch), site, pages, language, folder)
        except (OSError, SearchError):
            pass  # no room after all (a container's /dev/shm may hold 64 MB): on disk, then
    # Named after the site, so that its next build clears what a killed one left (writer.tidy).
    with tempfile.TemporaryDirectory(prefix=f"{site.name}.search-", dir=site.parent) as scratch:
        return _index_in(Path(scratch), site, pages, language, folder)


def _index_in(scratch: Path, site: Path, pages: list[str], language: str,
              folder: str) -> dict[str, bytes]:
    skip = UNUSED if folder == FOLDER else UNUSED + BOX
    source, out = scratch / "site", scratch / "bundle"
    for page in pages:
        target = source / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(for_indexing((site / page).read_bytes()))
    done = subprocess.run(
        [*_ending_with_us(), *pagefind_command(), "--site", str(source), "--output-path",
         str(out), "--force-language", language, "--keep-index-url", "--silent"],
        capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode:
        raise SearchError(f"pagefind exited {done.returncode}: {done.stderr.strip()}")
    if _full(scratch):
        raise SearchError(f"no room left for the index in {scratch.parent}")
    return {f"{folder}/{p.relative_to(out).as_posix()}": p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(skip)}


def for_indexing(page: bytes) -> bytes:
    """The page with its links unwrapped to their text, but those that carry a Pagefind
    attribute: Pagefind makes the same index of it (it reads no link's address), and half of
    an issue page's bytes are addresses, parsed for nothing (12 % of its CPU on A)."""
    return _LINK.sub(rb"\1", page)


# Our own pages: attribute values and text are escaped, so no `>` inside a tag, no `</a>` in
# a link's text, and links do not nest.
_LINK = re.compile(rb"<a\b(?![^>]*\bdata-pagefind-)[^>]*>(.*?)</a>", re.S)


def _in_memory() -> bool:
    """There is a memory-backed folder to write to (Linux's /dev/shm)."""
    return MEMORY.is_dir() and os.access(MEMORY, os.W_OK | os.X_OK)


def _room_in_memory(pages: int) -> bool:
    """Room for a part whose pages hold `pages` bytes, with a margin: their copies, and a
    bundle about a third of their size, for each of the parts made at once."""
    try:
        return shutil.disk_usage(MEMORY).free > 4 * pages
    except OSError:
        return False


def _full(folder: Path) -> bool:
    """The file system ran out of room (under 1 MB left): Pagefind 1.5 cuts short the files it
    has no room for and exits 0 all the same."""
    try:
        return shutil.disk_usage(folder).free < 2**20
    except OSError:
        return False


def clear_scratch() -> None:
    """Remove the in-memory scratch folders that builds killed while Pagefind ran left (this
    user's, whose process is gone)."""
    try:
        left = list(MEMORY.glob(f"{SCRATCH}*")) if _in_memory() else []
    except OSError:
        return
    for entry in left:
        pid = entry.name[len(SCRATCH):].partition("-")[0]
        try:
            info = entry.lstat()
        except OSError:
            continue
        if (pid.isdigit() and stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
                and not _running(int(pid))):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _ending_with_us() -> tuple[str, ...]:
    """What to start Pagefind through so that it is killed with the build, even a build killed
    outright (SIGKILL ends no child): util-linux's setpriv, where it is (Linux), then a shell
    that goes no further if the build died before the signal was set (its parent is another)."""
    found = _setpriv()
    if found is None:
        return ()
    return (found, "--pdeathsig", "KILL", "--", "/bin/sh", "-c", 'test "$PPID" = "$0" && exec "$@"',
            str(os.getpid()))


@lru_cache(maxsize=1)
def _setpriv() -> str | None:
    return shutil.which("setpriv") if sys.platform.startswith("linux") else None


@lru_cache(maxsize=1)
def pagefind_command() -> tuple[str, ...]:
    """Pagefind's binary, found as `python -m pagefind` finds it (that module only finds it
    and runs it: a twentieth of a second of start-up a part, saved by running it directly)."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return (os.environ["PAGEFIND_BINARY_PATH"],)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(package).get_executable()
        except (ImportError, OSError, AttributeError):
            continue
        if found is not None:
            return (str(found),)
    return (sys.executable, "-m", "pagefind")


def version() -> str:
    from importlib.metadata import version

    return version("pagefind")


def index_pages(writer: Any, language: str, last: object,
                workers: int = 1) -> tuple[list[str] | None, str, Problem | None]:
    """Index the issue pages of the site being written, part by part, `workers` parts at a
    time (Pagefind keeps a core and a half busy, so two runs fill two cores; each holds its
    part in memory); a part whose pages are the last build's, byte for byte (hard-linked from
    it), keeps its index. Gives the key of each part (None if Pagefind failed: the site goes
    out without an index), what became of the index, and the failure."""
    issues = sorted(n for n in writer.names if PurePosixPath(n).match(PAGES))
    planned = parts(issues)
    made_by = version()
    keys = [digest_of(made_by, language, folder, names) for folder, names in planned]
    known = last if isinstance(last, list) else []
    todo = []
    for n, ((folder, names), key) in enumerate(zip(planned, keys, strict=True)):
        old = bundle_files(folder, writer.existing)
        if n < len(known) and known[n] == key and old and all(_kept(writer, p) for p in names):
            for name in old:
                writer.reuse(name)
        else:
            todo.append((folder, names))
    clear_scratch()
    try:
        bundles = _index_parts(writer.fresh, todo, language, workers)
    except (OSError, SearchError, subprocess.SubprocessError) as exc:
        return None, "", Problem(FOLDER, f"no search index: {exc}", severity="error")
    size = files = 0
    for bundle in bundles:
        for name, data in bundle.items():
            writer.put(name, data)
        size, files = size + sum(map(len, bundle.values())), files + len(bundle)
    if planned:
        writer.put(*parts_file(len(planned)))
    said = (f"search index of {len(issues)} pages: {len(todo)} of {len(planned)} parts made "
            f"({files} files, {size / 2**20:.2f} MB)" if todo else
            f"search index unchanged ({len(issues)} pages)")
    return keys, said, None


def _index_parts(site: Path, todo: list[tuple[str, list[str]]], language: str,
                 workers: int) -> list[dict[str, bytes]]:
    """Each part's bundle, in order, made `workers` at a time, the largest parts first."""
    if workers <= 1 or len(todo) <= 1:
        return [index_part(site, names, language, folder) for folder, names in todo]
    from concurrent.futures import ThreadPoolExecutor

    order = sorted(range(len(todo)), key=lambda n: -len(todo[n][1]))
    with ThreadPoolExecutor(min(workers, len(todo))) as threads:
        made = dict(zip(order, threads.map(
            lambda n: index_part(site, todo[n][1], language, todo[n][0]), order)))
    return [made[n] for n in range(len(todo))]


def _kept(writer: Any, name: str) -> bool:
    """The file is the previous output's own (the writer links files that did not change)."""
    old = writer.existing.get(name)
    try:
        return old is not None and os.path.samefile(old, writer.fresh / name)
    except OSError:
        return False
