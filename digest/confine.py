"""Reading only what lies inside a folder: no link out of it, nothing but regular files.

Every file the build reads (inputs, metadata, profiles, templates) goes through here. A path is
resolved and must stay inside its folder; it is then opened with O_NOFOLLOW and O_NONBLOCK (a
FIFO swapped in never blocks the build) and checked to be a regular file on the open
descriptor, so what is checked is what is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a folder"))


class Unsafe(OSError):
    """A path the build refuses to read; `reason` says why, for a 'skipped: …' message."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def _inside(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def kind(mode: int) -> str | None:
    """What a file is when it is not a regular file ("a FIFO", …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check(path: Path, folder: Path, what: str = "input folder") -> os.stat_result:
    """The status of the file a path names, if it is a regular file inside `folder`."""
    real = os.path.realpath(path)
    if not _inside(real, os.path.realpath(folder)):
        raise Unsafe(path, f"link points outside the {what}")
    try:
        info = os.stat(real)
    except OSError as exc:
        raise Unsafe(path, f"broken or looping link ({exc.strerror or exc})") from exc
    found = kind(info.st_mode)
    if found:
        raise Unsafe(path, f"{'link to ' if os.path.islink(path) else ''}{found}, "
                     "not a regular file")
    return info


def read_inside(path: Path, folder: Path | None, what: str = "input folder",
                limit: int | None = None) -> bytes:
    """The bytes of a regular file inside `folder` (None: anywhere), at most `limit` + 1."""
    real = os.path.realpath(path)
    if folder is not None and not _inside(real, os.path.realpath(folder)):
        raise Unsafe(path, f"link points outside the {what}")
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if not os.path.lexists(real) or not os.path.islink(real):
            raise
        raise Unsafe(path, "the file was replaced by a link while being read") from exc
    with os.fdopen(fd, "rb") as stream:
        found = kind(os.fstat(fd).st_mode)
        if found:
            raise Unsafe(path, f"{found}, not a regular file")
        return stream.read() if limit is None else stream.read(limit + 1)


def regular_files(folder: Path, what: str = "input folder",
                  hidden: bool = False) -> tuple[list[Path], list[Unsafe]]:
    """Every regular file under a folder, sorted, each once; links leaving the folder,
    links to folders, special files and second names of a file found are refused."""
    found: list[Path] = []
    refused: list[Unsafe] = []
    seen: dict[tuple[int, int], Path] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            if os.path.islink(here / name):
                refused.append(Unsafe(here / name, "link to a folder, not followed"))
        dirnames[:] = sorted(d for d in dirnames if (hidden or not d.startswith("."))
                             and not os.path.islink(here / d) and d != "__pycache__")
        for name in sorted(filenames):
            path = here / name
            if name.startswith(".") and not hidden:
                continue
            try:
                info = check(path, folder, what)
            except Unsafe as exc:
                refused.append(exc)
                continue
            first = seen.setdefault((info.st_dev, info.st_ino), path)
            if first is not path and first.is_symlink() and not path.is_symlink():
                found[found.index(first)] = seen[(info.st_dev, info.st_ino)] = path
                path, first = first, path  # the file under its own name is the one read
            if first is not path:
                refused.append(Unsafe(path, f"another name of {first.name}, read once"))
                continue
            found.append(path)
    return found, refused
