"""Search: a Pagefind index of every issue page, made offline from the written site.

Pagefind reads the `data-pagefind-*` attributes the issue template puts on each page
(newsletter and section filters, date metadata) and gives back its bundle: the index and
the search box's own script and style, all served from the site's `pagefind/` folder.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

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
        config = {"output_path": tmp, "keep_index_url": True, "force_language": language}
        async with PagefindIndex(config=config) as index:  # type: ignore[arg-type]
            await index.add_directory(str(site), glob=PAGES)
        return {f"{FOLDER}/{p.relative_to(tmp).as_posix()}": p.read_bytes()
                for p in sorted(Path(tmp).rglob("*"))
                if p.is_file() and not p.name.startswith(UNUSED)}


def version() -> str:
    from importlib.metadata import version

    return version("pagefind")
