"""Search: a Pagefind index of every issue page, made offline from the written site.

Pagefind reads the `data-pagefind-*` attributes the issue template puts on each page
(newsletter and section filters, date metadata) and writes its bundle: the index and the
search box's own script and style, all served from the site's `pagefind/` folder.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = "pagefind"
PAGES = "issues/*.html"
# Bundle files of the search boxes this site does not use.
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")


class SearchError(RuntimeError):
    """Pagefind could not index the site."""


def index_site(site: Path, language: str) -> dict[str, bytes]:
    """The bundle for the issue pages written under `site`, by output path.

    Pagefind's own binary (from the `pagefind` wheel) runs once over the folder: several
    times faster than handing it the pages one by one through its Python API.
    """
    with tempfile.TemporaryDirectory(prefix="digest-pagefind-") as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", PAGES,
             "--output-path", tmp, "--force-language", language, "--keep-index-url",
             "--silent"], capture_output=True, text=True, timeout=600, check=False)
        if done.returncode:
            raise SearchError(f"pagefind exited {done.returncode}: {done.stderr.strip()}")
        return {f"{FOLDER}/{p.relative_to(tmp).as_posix()}": p.read_bytes()
                for p in sorted(Path(tmp).rglob("*"))
                if p.is_file() and not p.name.startswith(UNUSED)}


def version() -> str:
    from importlib.metadata import version

    return version("pagefind")
