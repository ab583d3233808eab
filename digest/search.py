"""Search: a Pagefind index of every issue page, made offline from the written site.

Pagefind reads the `data-pagefind-*` attributes the issue template puts on each page
(newsletter and section filters, date metadata) and writes its bundle: the index and the
search box's own script and style, all served from the site's `pagefind/` folder.

Pagefind holds every page it indexes in memory (270 MB for 600 long issues), so a large
archive is indexed in parts of `PART_PAGES` pages, one run each: the first part is the main
bundle, the others go in `pagefind/part-N/`, listed in `pagefind/parts.json`, and the search
box merges them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = "pagefind"
PAGES = "issues/*.html"
PARTS = "parts.json"
PART_PAGES = 250
# Bundle files of the search boxes this site does not use (a part needs none at all).
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")
BOX = ("pagefind-ui.",)


class SearchError(RuntimeError):
    """Pagefind could not index the site."""


def index_site(site: Path, language: str) -> dict[str, bytes]:
    """The bundle for the issue pages written under `site`, by output path."""
    pages = sorted(site.glob(PAGES))
    if not pages:  # Pagefind makes no bundle without a page: the box stays empty
        return {}
    parts = [pages[n:n + PART_PAGES] for n in range(0, len(pages), PART_PAGES)]
    bundle: dict[str, bytes] = {}
    for n, part in enumerate(parts):
        folder = FOLDER if n == 0 else f"{FOLDER}/part-{n + 1}"
        skip = UNUSED if n == 0 else UNUSED + BOX
        bundle.update(_index(site, part, language, folder, skip))
    merged = [f"part-{n + 1}/" for n in range(1, len(parts))]
    bundle[f"{FOLDER}/{PARTS}"] = (json.dumps(merged) + "\n").encode()
    return bundle


def _index(site: Path, pages: list[Path], language: str, folder: str,
           skip: tuple[str, ...]) -> dict[str, bytes]:
    """Pagefind's own binary (from the `pagefind` wheel) over a folder holding `pages`
    (linked, at their paths in the site): several times faster than handing it the pages
    one by one through its Python API."""
    with tempfile.TemporaryDirectory(prefix="digest-pagefind-") as tmp:
        source, out = Path(tmp) / "site", Path(tmp) / "bundle"
        for page in pages:
            target = source / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, target)
            except OSError:
                shutil.copyfile(page, target)
        done = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path",
             str(out), "--force-language", language, "--keep-index-url", "--silent"],
            capture_output=True, text=True, timeout=1800, check=False)
        if done.returncode:
            raise SearchError(f"pagefind exited {done.returncode}: {done.stderr.strip()}")
        return {f"{folder}/{p.relative_to(out).as_posix()}": p.read_bytes()
                for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(skip)}


def version() -> str:
    from importlib.metadata import version

    return version("pagefind")
