"""Writing fetched issues into the input folder: new regular files only, whole or not at all.

Every path is made here from slugs, inside the input folder; no existing file is ever
replaced (a name already taken gets a number), and a file appears only once fully written:
it is written under a temporary name and then hard-linked to its final name, which fails
rather than overwrite.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

_SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_SAFE_SUFFIX = {".html", ".eml"}


class StoreError(OSError):
    """A file could not be written where it belongs; the message says why."""


@dataclass
class Item:
    """One fetched issue: where it goes (slugs only), its bytes and the keys that identify it."""

    folder: str
    stem: str
    suffix: str
    data: bytes
    keys: list[str] = field(default_factory=list)
    replaces: bool = False  # a revised copy: it replaces the saved one its first key finds
    replaced: bool = False  # set by the store when it did


class Store:
    """The input folder and the keys of every issue already fetched into it; thread-safe."""

    def __init__(self, root: Path, seen: dict[str, str]) -> None:
        self.root = root
        self.seen = seen
        self._lock = threading.Lock()

    def known(self, keys: list[str]) -> bool:
        with self._lock:
            return any(k in self.seen for k in keys)

    def save(self, item: Item) -> Path | None:
        """Write the item unless one of its keys was seen; None when it was already there."""
        with self._lock:
            keys = [k for k in item.keys if k]
            found = next((self.seen[k] for k in keys if k in self.seen), None)
            if found is not None and item.replaces and item.keys[0] in self.seen and \
                    not any(k in self.seen for k in keys[1:]):
                return self._replace(item, found, keys)  # the same entry, revised
            if found is not None:
                for key in keys:  # another copy's keys find the same file next time
                    self.seen.setdefault(key, found)
                return None
            path = self._write(item)
            name = path.relative_to(self.root).as_posix()
            for key in keys:
                self.seen[key] = name
            return path

    def _replace(self, item: Item, name: str, keys: list[str]) -> Path | None:
        """The saved copy at `name` replaced by the revised item (a feed's corrected post)."""
        target = self.root / name
        if target.is_symlink() or not target.is_file() or \
                target.parent.resolve() != (self.root / item.folder).resolve():
            return None
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        temp.write_bytes(item.data)
        os.replace(temp, target)
        for key in keys:
            self.seen[key] = name
        item.replaced = True
        return target

    def _write(self, item: Item) -> Path:
        if not (_SAFE_PART.match(item.folder) and _SAFE_PART.match(item.stem)
                and item.suffix in _SAFE_SUFFIX):
            raise StoreError(f"refusing an unsafe file name: {item.folder}/{item.stem}")
        folder = self.root / item.folder
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise StoreError(f"{folder}: not a folder digest made (a link or a file)")
        folder.mkdir(exist_ok=True)
        for number in range(1, 1000):
            name = item.stem + (f"-{number}" if number > 1 else "") + item.suffix
            target = folder / name
            if target.is_symlink() or target.exists():
                if _same(target, item.data):
                    return target
                continue
            if _publish(folder, target, item.data):
                return target
        raise StoreError(f"{folder}: no free name for {item.stem}{item.suffix}")


def _same(path: Path, data: bytes) -> bool:
    """An identical regular file already there (say, after the state file was lost)."""
    try:
        return path.is_file() and not path.is_symlink() and path.read_bytes() == data
    except OSError:
        return False


def _publish(folder: Path, target: Path, data: bytes) -> bool:
    """Write to a temporary name, then link it to the target; False if the target was taken."""
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o644)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temp, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: rename, after checking
            if target.exists() or target.is_symlink():
                return False
            os.rename(temp, target)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
