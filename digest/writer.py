"""Writing the site: into a new folder beside the output, swapped in only when complete.

A build that dies midway leaves the previous output untouched; a build that changes nothing
writes nothing; files that did not change are hard-linked from the previous output.
"""

from __future__ import annotations

import os
import shutil
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


def write_site(files: dict[str, bytes], output: Path) -> WriteResult:
    result = WriteResult()
    recover(output)
    names = {str(safe_relative(name)): data for name, data in files.items()}
    existing = _existing(output)
    same = {name for name, data in names.items()
            if name in existing and existing[name].stat().st_size == len(data)
            and existing[name].read_bytes() == data}
    result.unchanged = len(same)
    result.removed = len(set(existing) - set(names))
    if len(same) == len(names) and not result.removed:
        return result
    fresh = output.parent / f".{output.name}.new-{os.getpid()}"
    fresh.mkdir(parents=True)
    (fresh / PLACEHOLDER).write_bytes(b"")
    for name, data in sorted(names.items()):
        target = fresh / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name in same:
            try:
                os.link(existing[name], target)
                continue
            except OSError:
                pass
        target.write_bytes(data)
        result.written += name not in same
    old = output.parent / f".{output.name}.old"
    if output.exists():
        os.rename(output, old)
    os.rename(fresh, output)
    if old.exists():
        shutil.rmtree(old)
    result.swapped = True
    return result
