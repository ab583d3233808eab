"""Every change the build makes to the file system, counted, and the lock that keeps two
builds of one output or cache from running at once.

Each mkdir, open-for-write, link, rename and delete goes through here and is one numbered step.
For crash tests, `DIGEST_CRASH_AT=k` ends the process (exit 86) just before its k-th step and
`DIGEST_STOP_AT=k` stops it (SIGSTOP) there, for a test to kill or continue it, and
`DIGEST_TRACE=FILE` appends one line per step to FILE; none is set in normal use.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

CRASH_ENV, STOP_ENV, TRACE_ENV = "DIGEST_CRASH_AT", "DIGEST_STOP_AT", "DIGEST_TRACE"
CRASH_EXIT = 86
_steps = 0
_armed = True


_held: list[int] = []  # the lock files this process holds


def disarm() -> None:
    """In a worker process: stop counting (its writes are atomic on their own), and close
    the lock files inherited from the build, so only the build holds its lock."""
    global _armed
    _armed = False
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


def begin() -> None:
    """Count from 1 again: a build's steps are numbered from its start."""
    global _steps
    _steps = 0


def step(action: str, path: object) -> None:
    global _steps
    if not _armed:
        return
    _steps += 1
    trace = os.environ.get(TRACE_ENV)
    if trace:
        fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(fd, f"{_steps} {action} {path}\n".encode())
        os.close(fd)
    if os.environ.get(CRASH_ENV) == str(_steps):
        os._exit(CRASH_EXIT)
    if os.environ.get(STOP_ENV) == str(_steps):
        os.kill(os.getpid(), signal.SIGSTOP)


def mkdir(path: Path) -> None:
    """A folder and its missing parents, one step each."""
    if path.is_dir():
        return
    if not path.parent.is_dir():
        mkdir(path.parent)
    step("mkdir", path)
    path.mkdir(exist_ok=True)


@contextlib.contextmanager
def naming(path: Path | str) -> Iterator[None]:
    """An OSError raised inside names `path` if it names no file (a failed write() does not)."""
    try:
        yield
    except OSError as exc:
        if exc.filename:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc


def write_bytes(path: Path, data: bytes) -> None:
    step("write", path)
    with naming(path):
        path.write_bytes(data)


def temporary(folder: Path, prefix: str) -> tuple[int, str]:
    """An open new file in `folder` (tempfile.mkstemp)."""
    step("write", folder / f"{prefix}*")
    return tempfile.mkstemp(prefix=prefix, dir=folder)


def link(source: Path, target: Path) -> None:
    step("link", target)
    os.link(source, target)


def symlink(target: str, path: Path) -> None:
    step("symlink", path)
    os.symlink(target, path)


def rename(source: Path | str, target: Path | str) -> None:
    """os.replace: one atomic step, over `target` if it exists (not over a folder)."""
    step("rename", target)
    os.replace(source, target)


def unlink(path: Path) -> None:
    step("unlink", path)
    path.unlink(missing_ok=True)


def remove_tree(path: Path) -> None:
    """A folder and all it holds (a link: only the link)."""
    step("unlink", path)
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def locked(paths: list[Path], say: Callable[[str], None]) -> Iterator[None]:
    """Hold an exclusive lock on each path (created if missing), in order; wait for another
    build holding one, saying so once."""
    held = _held
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)  # not a step: the site is not touched
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            held.append(fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                say(f"digest: another build is using {path.parent} (it holds the lock file "
                    f"{path}); waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        while held:
            os.close(held.pop())
