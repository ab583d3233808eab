"""The fetch state: one small JSON file in the input folder, safe to commit.

It holds, per source, what makes the next fetch incremental (a feed's ETag and Last-Modified,
a mailbox folder's UIDVALIDITY and last UID) and, for every fetched issue, the keys that
identify it (feed entry id, Message-ID, text hash) with the file it was saved as. It never
holds a password, user name or host credential: only what the config already names.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_FILE = ".digest-fetch.json"
ABOUT = ("digest fetch state: what was fetched, so the next fetch adds only what is new. "
         "Safe to commit; delete it to fetch everything again (files already there are kept).")


class StateError(ValueError):
    """A state file that cannot be used; the message names the file."""


@dataclass
class State:
    path: Path
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)

    def source(self, name: str) -> dict[str, Any]:
        return self.sources.setdefault(name, {})

    def save(self) -> None:
        """Replace the state file whole: a temporary file, then a rename."""
        if self.path.is_symlink():
            raise StateError(f"{self.path}: refusing to write through a link")
        sources = {name: value for name, value in sorted(self.sources.items()) if value}
        data = {"about": ABOUT, "sources": sources,
                "seen": dict(sorted(self.seen.items()))}
        temp = self.path.with_name(self.path.name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, ensure_ascii=False)
            out.write("\n")
        os.replace(temp, self.path)


def load_state(folder: Path) -> State:
    path = folder / STATE_FILE
    if not path.exists() and not path.is_symlink():
        return State(path)
    if path.is_symlink() or not path.is_file():
        raise StateError(f"{path}: not a regular file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StateError(f"{path}: cannot read the fetch state ({exc}); move it aside to "
                         "fetch everything again") from exc
    sources, seen = (data.get("sources"), data.get("seen")) if isinstance(data, dict) else (0, 0)
    if not (isinstance(sources, dict) and all(isinstance(v, dict) for v in sources.values())
            and isinstance(seen, dict) and all(isinstance(v, str) for v in seen.values())):
        raise StateError(f"{path}: not a digest fetch state (expected 'sources' and 'seen' "
                         "tables); move it aside to fetch everything again")
    return State(path, sources, seen)
