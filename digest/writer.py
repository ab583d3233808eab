"""Writing the site: into a new folder beside the output, swapped in only when complete.

A build that dies midway leaves the previous output untouched; a build that changes nothing
swaps nothing in; files that did not change are hard-linked from the previous output.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PLACEHOLDER = ".gitkeep"


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


def recover(output: Path) -> None:
    """Put back the previous output if a build died between its two renames."""
    old = output.parent / f".{output.name}.old"
    if old.is_dir() and not output.exists():
        os.rename(old, output)
    elif old.is_dir():
        shutil.rmtree(old)
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _existing(output: Path) -> dict[str, Path]:
    if not output.is_dir():
        return {}
    return {p.relative_to(output).as_posix(): p for p in output.rglob("*")
            if p.is_file() and p.name != PLACEHOLDER}


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
        recover(output)
        self.output = output
        self.existing = _existing(output)
        self.fresh = output.parent / f".{output.name}.new-{os.getpid()}"
        if self.fresh.exists():
            shutil.rmtree(self.fresh)
        self.fresh.mkdir(parents=True)
        (self.fresh / PLACEHOLDER).write_bytes(b"")
        self.names: dict[str, int] = {}
        self.result = WriteResult()
        self.seconds = 0.0  # spent writing and linking files, for the build's stage times

    def _target(self, name: str) -> Path:
        target = self.fresh / str(safe_relative(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def reuse(self, name: str) -> bool:
        """Keep the previous build's copy of a file known to be current; False if there is none."""
        old = self.existing.get(name)
        if old is None or name in self.names:
            return False
        start = time.perf_counter()
        try:
            os.link(old, self._target(name))
        except OSError:
            shutil.copyfile(old, self._target(name))
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
                os.link(old, target)
            except OSError:
                target.write_bytes(data)
            self.result.unchanged += 1
        else:
            target.write_bytes(data)
            self.result.written += 1
        self.names[name] = len(data)
        self.seconds += time.perf_counter() - start

    def commit(self) -> WriteResult:
        """Swap the new folder in, unless it holds exactly the files already there."""
        self.result.removed = len(set(self.existing) - set(self.names))
        if not self.result.written and not self.result.removed:
            shutil.rmtree(self.fresh)
            return self.result
        old = self.output.parent / f".{self.output.name}.old"
        if self.output.exists():
            os.rename(self.output, old)
        os.rename(self.fresh, self.output)
        if old.exists():
            shutil.rmtree(old)
        self.result.swapped = True
        return self.result

    def abandon(self) -> None:
        shutil.rmtree(self.fresh, ignore_errors=True)

