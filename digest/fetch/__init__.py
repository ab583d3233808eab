"""Fetch: new newsletter issues from feeds, IMAP folders and mail exports, into the input folder.

Each source runs in a small thread pool (one connection per host at a time); a source that
fails is reported on one line and the others go on. New issues are written as files the
readers already know (HTML pages, .eml messages) by `store.Store`, the only writer into the
input folder; the build reads them later like any other file. One module per kind of source:
feeds.py, imap.py, mailbox.py (mbox and Maildir); state.py is the file that remembers what
was fetched.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from digest.config import Config, SourceConfig

from .common import Log, SourceResult
from .feeds import fetch_feed
from .http import FetchError, redact
from .imap import fetch_imap
from .mailbox import fetch_mailbox
from .state import STATE_FILE, StateError, load_state
from .store import Store, StoreError

__all__ = ["STATE_FILE", "FetchReport", "SourceResult", "StateError", "fetch_all"]
MAX_WORKERS = 4


@dataclass
class FetchReport:
    results: list[SourceResult] = field(default_factory=list)
    error: str | None = None  # the fetch could not start (an unusable state file)

    @property
    def new(self) -> int:
        return sum(r.new for r in self.results)

    @property
    def failed(self) -> bool:
        return bool(self.error) or any(r.failure or r.warnings for r in self.results)


def fetch_all(config: Config, log: Log, workers: int = MAX_WORKERS) -> FetchReport:
    """Fetch every source in the config; the state file is written even when some fail."""
    report = FetchReport()
    folder = config.path(config.build.input)
    try:
        if folder.is_symlink():
            raise StateError(f"{folder}: the input folder is a link; refusing to write into it")
        folder.mkdir(parents=True, exist_ok=True)
        state = load_state(folder)
    except (OSError, StateError) as exc:
        report.error = str(exc)
        return report
    store = Store(folder, state.seen)
    locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
    for source in config.sources:
        locks[_host(source)]  # made up front: the pool's threads only read the dict
    results = {s.name: SourceResult(s.name) for s in config.sources}

    def run(source: SourceConfig) -> SourceResult:
        with locks[_host(source)]:
            return _fetch_one(source, state.source(source.name), store, log, config.root)

    todo = []
    for source in config.sources:
        if source.imap and not os.environ.get(source.password_env):
            results[source.name].skipped = f"${source.password_env} is not set"
        else:
            todo.append(source)
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
            futures = {pool.submit(run, s): s for s in todo}
            for done, future in enumerate(as_completed(futures), 1):
                results[futures[future].name] = future.result()
                log(_bar(done, len(todo)))
    report.results = [results[s.name] for s in config.sources]
    try:
        state.save()
    except (OSError, StateError) as exc:
        report.error = f"{state.path}: cannot write the fetch state ({exc})"
    return report


def _fetch_one(source: SourceConfig, state: dict, store: Store, log: Log,
               root: Path) -> SourceResult:
    try:
        if source.feed:
            return fetch_feed(source, state, store, log)
        if source.imap:
            return fetch_imap(source, state, store, log, root)
        return fetch_mailbox(source, state, store, log, root)
    except (FetchError, StoreError) as exc:
        return SourceResult(source.name, failure=str(exc))
    except Exception as exc:  # noqa: BLE001 - hostile input must not stop the other sources
        return SourceResult(source.name, failure=f"unexpected {exc.__class__.__name__}: {exc}")


def _host(source: SourceConfig) -> str:
    if source.feed:
        return (urlsplit(source.feed).hostname or "").lower()
    if source.imap:
        return source.imap.lower()
    return f"local:{source.name}"


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total)
    return f"fetching [{'#' * filled}{'-' * (width - filled)}] {done}/{total} sources"


def describe(source: SourceConfig) -> str:
    """Where a source fetches from, fit to print (no credentials)."""
    return redact(source.feed) if source.feed else source.imap or source.mbox or source.maildir
