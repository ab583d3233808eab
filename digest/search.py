"""Search: a Pagefind index of every issue page, made offline from the written site.

Pagefind reads the `data-pagefind-*` attributes the issue template puts on each page
(newsletter and section filters, date metadata) and gives back its bundle: the index and
the search box's own script and style, all served from the site's `pagefind/` folder.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path, PurePosixPath

FOLDER = "pagefind"
PAGES = "issues/*.html"
# Bundle files of the search boxes this site does not use.
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")


def index_site(site: Path, language: str) -> dict[str, bytes]:
    """The bundle for the issue pages written under `site`, by output path."""
    return asyncio.run(_index(site, language))


async def _index(site: Path, language: str) -> dict[str, bytes]:
    from pagefind.index import PagefindIndex

    with tempfile.TemporaryDirectory(prefix="digest-pagefind-") as tmp:
        # The bundle comes back in memory (written to disk, Pagefind may still be writing
        # some files when it answers); the copy it also writes on closing goes to `tmp`.
        config = {"output_path": tmp, "keep_index_url": True, "force_language": language}
        async with PagefindIndex(config=config) as index:  # type: ignore[arg-type]
            for page in sorted(site.glob(PAGES)):  # one by one, in order: the same bytes
                await index.add_html_file(content=page.read_text(encoding="utf-8"),
                                          url=page.relative_to(site).as_posix())
            bundle = await index.get_files()
    return {f"{FOLDER}/{PurePosixPath(f['path']).as_posix()}": f["content"]
            for f in sorted(bundle, key=lambda f: f["path"])
            if not PurePosixPath(f["path"]).name.startswith(UNUSED)}


def version() -> str:
    from importlib.metadata import version

    return version("pagefind")
