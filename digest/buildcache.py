"""What a build remembers in the cache folder, so that a rebuild redoes only what changed,
and the hollow digests it holds in memory meanwhile.

Every entry is keyed by a hash of what it was made from: a file's bytes, the metadata file,
the profiles, the summary settings, and the code itself (names, sizes and times of the
package's files), so an edited profile or a new version of digest starts afresh.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import digest
from digest import fsops
from digest.confine import read_inside, regular_files
from digest.model import Issue, IssueDigest, Problem

CACHE_VERSION = "2"


def digest_of(*parts: object) -> str:
    """A short stable hash of some strings, numbers and bytes."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:32]


def folder_fingerprint(folder: Path, contents: bool = False) -> str:
    """Every file under a folder by name and size and time (or bytes, when they are small)."""
    if not folder.is_dir():
        return "-"
    found: list[object] = []
    paths, refused = regular_files(folder, "folder", hidden=True)
    for path in paths:
        try:
            info = path.stat()
            mark = read_inside(path, folder) if contents else (info.st_size, info.st_mtime_ns)
        except OSError as exc:
            mark = repr(exc)
        found.append((path.relative_to(folder).as_posix(), mark))
    return digest_of(*found, *map(str, refused))


# A file changed this close before it is read may change again within the same tick of the
# file system's clock, keeping its size and times: its hash is not reused (git's "racy" rule).
RACY_NS = 2 * 10**9
Mark = tuple[int, int, int, int, int]  # device, inode, size, mtime and ctime in ns
Marks = dict[str, tuple[Mark, str]]  # path -> its mark and the hash of its bytes then


def content_digests(paths: list[Path], read: Callable[[Path], bytes], known: Marks,
                    ) -> tuple[list[str], Marks]:
    """The hash of each file's bytes, and the marks to keep for the next build: a file whose
    inode, size and times are those `known` has for it (every write moves its ctime, which,
    unlike its modification time, programs cannot set) is not read again."""
    now = time.time_ns()
    digests: list[str] = []
    marks: Marks = {}
    for path in paths:
        name = str(path)
        try:
            info = os.stat(path)
            mark: Mark | None = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                                 info.st_ctime_ns)
        except OSError:
            mark = None
        if mark is not None and name in known and known[name][0] == mark:
            marks[name] = known[name]
            digests.append(known[name][1])
            continue
        found = digest_of(read(path))
        if mark is not None and now - max(mark[3], mark[4]) > RACY_NS:
            marks[name] = (mark, found)
        digests.append(found)
    return digests, marks


def code_fingerprint() -> str:
    return digest_of(CACHE_VERSION, digest.__version__,
                     folder_fingerprint(Path(digest.__file__).resolve().parent))


class Store:
    """Pickled tables and entries in the cache folder, each file headed by the cache version
    and a checksum of its bytes; a missing one is empty, and a truncated, damaged or foreign
    one is ignored (and listed in `damaged`), so it is rebuilt, never served."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.damaged: list[Problem] = []
        self.checked: dict[str, tuple[int, ...]] | None = None  # see has_entry
        self.still: dict[str, tuple[int, ...]] = {}

    def load(self, name: str) -> dict[str, Any]:
        table = self._read(self.folder / f"{name}.pickle")
        return table if isinstance(table, dict) else {}

    def save(self, name: str, table: dict[str, Any]) -> None:
        _write(self.folder / f"{name}.pickle", table)

    def has_entry(self, name: str, key: str) -> bool:
        """Entries are stored one file each, so a build reads and writes only what it needs;
        an entry whose checksum does not match is not there. An entry found whole by an
        earlier build and not written since (same size, time and inode) is not read again:
        a rebuild that adds one issue to thousands would otherwise read them all."""
        path = self.folder / name / f"{key}.pickle"
        stamp = _stamp(path)
        if stamp is None:
            return False
        if self.checked is None:
            self.checked = self.load("checked")
        entry = f"{name}/{key}"
        if self.checked.get(entry) != stamp and self._payload(path) is None:
            return False
        self.still[entry] = stamp
        return True

    def note_written(self, name: str, key: str) -> None:
        """An entry a worker of this build has just written (checksummed, then renamed into
        place): the next build need not read it again to know it is whole."""
        stamp = _stamp(self.folder / name / f"{key}.pickle")
        if stamp is not None:
            self.still[f"{name}/{key}"] = stamp

    def save_checked(self) -> None:
        """Keep the stamps of the entries this build found whole, for the next build."""
        self.save("checked", self.still)

    def load_entry(self, name: str, key: str) -> Any:
        return self._read(self.folder / name / f"{key}.pickle")

    def save_entry(self, name: str, key: str, value: Any) -> None:
        _write(self.folder / name / f"{key}.pickle", value)

    def prune_entries(self, name: str, keep: set[str]) -> None:
        """Delete the entries no longer in `keep`."""
        for stale in (self.folder / name).glob("*.pickle"):
            if stale.stem not in keep:
                fsops.unlink(stale)

    def _payload(self, path: Path) -> bytes | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head, checksum, payload = data[:len(MAGIC)], data[len(MAGIC):HEADER], data[HEADER:]
        if head != MAGIC:
            why = "is from another version of digest" if data.startswith(MAGIC[:3]) else \
                "is not a digest cache file"
        elif hashlib.blake2b(payload, digest_size=16).digest() != checksum:
            why = "is truncated or damaged (checksum mismatch)"
        else:
            return payload
        self.damaged.append(Problem(str(path), f"build cache entry {why}: ignored and rebuilt",
                                    severity="info"))
        return None

    def _read(self, path: Path) -> Any:
        if not path.exists():
            return None
        payload = self._payload(path)
        if payload is None:
            return None
        gc.disable()  # loading many small objects is twice as fast without collections
        try:
            return pickle.loads(payload)
        except Exception:  # checksummed, so only a class that changed shape: a slower build
            return None
        finally:
            gc.enable()


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells an entry file apart from a rewritten one: size, time and inode."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


MAGIC = f"DGC{CACHE_VERSION}".encode()
HEADER = len(MAGIC) + 16


def _write(path: Path, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    fsops.mkdir(path.parent)
    fd, temp = fsops.temporary(path.parent, f"{path.stem}.")
    try:
        with fsops.naming(path), os.fdopen(fd, "wb") as stream:
            stream.write(MAGIC + hashlib.blake2b(payload, digest_size=16).digest())
            stream.write(payload)
        fsops.rename(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass
class FileResult:
    """One input file read, segmented and summarized: what is cached, and what workers return."""

    issues: list[Issue]
    digests: list[IssueDigest | None]  # one per issue; None for a duplicate within the file
    problems: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)  # lines dropped, by kind


def hollowed(result: FileResult, dropped: dict[str, int]) -> FileResult:
    """A file's issues and digests without their sections: all that the build keeps of every
    issue in memory (titles, dates, word and outlet counts, links in brief), so memory stays
    flat at scale."""
    issues: list[Issue] = []
    digests: list[IssueDigest | None] = []
    for issue, whole in zip(result.issues, result.digests):
        shell = dataclasses.replace(issue, sections=[], dropped=[])
        issues.append(shell)
        digests.append(whole and dataclasses.replace(whole, issue=shell, sections=[],
                                                      split={}, mentions=[]))
    return FileResult(issues, digests, result.problems, result.timings, dropped)


class Digests:
    """Whole digests read back from the cache for the hollow ones the build holds, a few
    files at a time. Picklable, so page-rendering workers read them themselves."""

    KEEP = 4  # files held: a week page may need issues of several files

    def __init__(self, store: Store, keys: dict[str, str]) -> None:
        self.store, self.keys = store, keys  # source file as displayed -> its cache key
        self.held: dict[str, FileResult] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"store": self.store, "keys": self.keys, "held": {}}

    def file(self, source: str) -> FileResult:
        found = self.held.pop(source, None)
        if found is None:
            found = self.store.load_entry("files", self.keys[source])
            if not isinstance(found, FileResult):
                raise RuntimeError(f"the build cache entry of {source} is missing or damaged;"
                                   f" delete {self.store.folder} and build again")
        self.held[source] = found
        if len(self.held) > self.KEEP:
            del self.held[next(iter(self.held))]
        return found

    def load(self, hollow: IssueDigest) -> IssueDigest:
        found = self.file(hollow.issue.source).digests[hollow.issue.index]
        assert found is not None
        if found.issue.publication != hollow.issue.publication:  # the site's one spelling
            found = dataclasses.replace(found, key=hollow.key, issue=dataclasses.replace(
                found.issue, publication=hollow.issue.publication))
        return found
