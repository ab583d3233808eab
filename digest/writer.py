"""Writing the site: into a new versioned folder beside the output, swapped in only when
complete.

The output path is a symbolic link to the current versioned folder (`.output.v-…`); a new
site replaces it by one rename() of a new link over the old one, which is atomic: a reader
(a web server, a browser, an upload step) sees the old site or the new one, never a mix or
nothing. (renameat2's RENAME_EXCHANGE could swap two real folders, but it is Linux-only and not
on every file system; a link and rename() are POSIX.) An output folder of older versions is
moved aside and replaced the same way once. A build that dies midway leaves the previous site;
the next build clears what it left. A build that changes nothing swaps nothing in; files that
did not change are hard-linked from the previous version.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from digest import fsops


@dataclass
class WriteResult:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    swapped: bool = False


class UnsafePath(ValueError):
    """A rendered path that would land outside the output folder."""


def safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(p in ("..", "", ".") for p in path.parts):
        raise UnsafePath(f"refusing to write {name!r} outside the output folder")
    return path


def _version(output: Path) -> str | None:
    """The versioned folder the output link points at (None: no link)."""
    return os.readlink(output) if output.is_symlink() else None


def _ours(output: Path, name: str | None) -> bool:
    return bool(name) and "/" not in name and name.startswith(f".{output.name}.v-")


def tidy(output: Path) -> None:
    """Clear what killed builds left beside the output; put back an old-style output folder
    if a build died while moving it aside."""
    aside = output.parent / f".{output.name}.migrated"
    if not os.path.lexists(output) and aside.is_dir():
        fsops.rename(aside, output)
    if not output.parent.is_dir():
        return
    keep = {_version(output), lock_path(output).name}
    for entry in sorted(output.parent.iterdir()):
        if entry.name.startswith(f".{output.name}.") and entry.name not in keep:
            fsops.remove_tree(entry)


def lock_path(output: Path) -> Path:
    return output.parent / f".{output.name}.lock"


def _existing(output: Path) -> dict[str, Path]:
    if not output.is_dir():
        return {}
    return {p.relative_to(output).as_posix(): p for p in output.rglob("*") if p.is_file()}


def output_intact(output: Path, manifest: dict[str, int]) -> bool:
    """The output holds exactly the files of the last build, at their sizes."""
    if not manifest or not output.is_dir():
        return False
    existing = _existing(output)
    return set(existing) == set(manifest) and all(
        existing[name].stat().st_size == size for name, size in manifest.items())


class SiteWriter:
    """Takes the site file by file into a new folder; `commit` swaps it in if anything changed.

    Unchanged files are hard-linked from the previous output, so memory holds one page at a time.
    """

    def __init__(self, output: Path) -> None:
        tidy(output)
        if os.path.lexists(output) and not output.is_dir():
            raise NotADirectoryError(20, "the output path is not a folder", str(output))
        if output.is_symlink() and not _ours(output, _version(output)):
            raise IsADirectoryError(21, "the output path is a link digest did not make; point "
                                    "build.output at a folder of its own", str(output))
        self.output = output
        self.existing = _existing(output)
        self.fresh = output.parent / f".{output.name}.v-{uuid.uuid4().hex[:12]}"
        fsops.mkdir(self.fresh)
        self.names: dict[str, int] = {}
        self.result = WriteResult()
        self.seconds = 0.0  # spent writing and linking files, for the build's stage times

    def _target(self, name: str) -> Path:
        target = self.fresh / str(safe_relative(name))
        fsops.mkdir(target.parent)
        return target

    def reuse(self, name: str) -> bool:
        """Keep the previous build's copy of a file known to be current; False if there is none."""
        old = self.existing.get(name)
        if old is None or name in self.names:
            return False
        start = time.perf_counter()
        target = self._target(name)
        try:
            fsops.link(old, target)
        except OSError:
            fsops.write_bytes(target, old.read_bytes())
        self.names[name] = old.stat().st_size
        self.result.unchanged += 1
        self.seconds += time.perf_counter() - start
        return True

    def put(self, name: str, data: bytes) -> None:
        start = time.perf_counter()
        target = self._target(name)
        old = self.existing.get(name)
        if old is not None and old.stat().st_size == len(data) and old.read_bytes() == data:
            try:
                fsops.link(old, target)
            except OSError:
                fsops.write_bytes(target, data)
            self.result.unchanged += 1
        else:
            fsops.write_bytes(target, data)
            self.result.written += 1
        self.names[name] = len(data)
        self.seconds += time.perf_counter() - start

    def commit(self) -> WriteResult:
        """Swap the new version in, unless it holds exactly the files already there."""
        self.result.removed = len(set(self.existing) - set(self.names))
        try:
            if not self.result.written and not self.result.removed and self.output.is_symlink():
                fsops.remove_tree(self.fresh)
                return self.result
            self._swap()
        except BaseException:
            self.abandon()
            raise
        self.result.swapped = True
        return self.result

    def _swap(self) -> None:
        old = _version(self.output)
        if os.path.lexists(self.output) and old is None:  # an output folder of older versions
            old = f".{self.output.name}.migrated"
            fsops.rename(self.output, self.output.parent / old)
        link = self.output.parent / f".{self.output.name}.link-{os.getpid()}"
        fsops.symlink(self.fresh.name, link)
        fsops.rename(link, self.output)
        if old and old != self.fresh.name:
            fsops.remove_tree(self.output.parent / old)

    def abandon(self) -> None:
        shutil.rmtree(self.fresh, ignore_errors=True)
