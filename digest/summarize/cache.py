"""An on-disk cache of summaries, so a rebuild only summarizes what changed.

Entries are the chosen sentence indices, keyed by a hash of the summarized sentences, the
algorithm, its parameters, SUMMARIZER_VERSION and a hash of the summarizer's code and word
lists; paragraph splits are kept too, keyed by the paragraph's text, because pysbd is the
slowest step. The file is a line with that version and a checksum, then JSON; read once and
written atomically (temporary file, then os.replace). A missing, damaged or foreign file, or
one another version of the rules wrote, is an empty cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from digest import fsops

SUMMARIZER_VERSION = "6"


def _rules_digest() -> str:
    """A hash of the summarizer's own code and word lists (and the shared sentence marks):
    a new version of digest, or an edited word list, chooses sentences afresh."""
    here = Path(__file__).resolve().parent
    files = sorted([*here.glob("*.py"), *here.glob("*.toml"), here.parent / "textwords.py"])
    found = hashlib.blake2b(digest_size=8)
    for path in files:
        found.update(path.name.encode() + b"\0" + path.read_bytes())
    return found.hexdigest()


_VERSION = f"{SUMMARIZER_VERSION}.{_rules_digest()}"


def _digest(payload: Any) -> str:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _header(body: bytes) -> bytes:
    """The file's first line: the version and a checksum of the JSON after it."""
    return f"digest-summaries {_VERSION} ".encode() + hashlib.blake2b(
        body, digest_size=16).hexdigest().encode()


def summary_key(sentences: Sequence[Sequence[str]], algorithm: str, params: dict[str, Any]) -> str:
    """Key of one summarization: its paragraphs' sentences, algorithm, parameters, version."""
    return _digest([_VERSION, algorithm, params, [list(p) for p in sentences]])


class SummaryCache:
    """Chosen-sentence indices and paragraph splits; `path=None` keeps them in memory only."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.hits = 0
        self.misses = 0
        self._summaries: dict[str, list[int]] = {}
        self._splits: dict[str, list[str]] = {}
        self._used: set[str] = set()
        self._dirty = False
        self._load()

    def _load(self) -> None:
        if self.path is None or not self.path.is_file():
            return
        try:
            head, _, body = self.path.read_bytes().partition(b"\n")
            if head != _header(body):  # another version, or truncated or damaged
                return
            data = json.loads(body)
        except (OSError, ValueError):
            return
        if not isinstance(data, dict):
            return
        summaries, splits = data.get("summaries"), data.get("splits")
        if isinstance(summaries, dict):
            self._summaries = summaries
        if isinstance(splits, dict):
            self._splits = splits

    def __len__(self) -> int:
        return len(self._summaries)

    def chosen(self, key: str, compute: Callable[[], list[int]]) -> list[int]:
        """The cached indices for `key`, or `compute()`'s, stored; counts a hit or a miss."""
        self._used.add(key)
        found = self._summaries.get(key)
        if isinstance(found, list):
            self.hits += 1
            return list(found)
        self.misses += 1
        value = list(compute())
        self._summaries[key] = value
        self._dirty = True
        return value

    def split(self, text: str, compute: Callable[[str], list[str]],
              language: str = "en") -> list[str]:
        """The cached sentence split of one paragraph, or `compute(text)`'s, stored."""
        key = _digest([SUMMARIZER_VERSION, text] + ([language] if language != "en" else []))
        self._used.add(key)
        found = self._splits.get(key)
        if isinstance(found, list):
            return list(found)
        value = list(compute(text))
        self._splits[key] = value
        self._dirty = True
        return value

    def save(self, prune: bool = False) -> None:
        """Write the file atomically if anything changed; `prune` drops entries unused since
        loading (use it only after a run that went over every input)."""
        if self.path is None:
            return
        if prune:
            before = len(self._summaries) + len(self._splits)
            self._summaries = {k: v for k, v in self._summaries.items() if k in self._used}
            self._splits = {k: v for k, v in self._splits.items() if k in self._used}
            self._dirty |= before != len(self._summaries) + len(self._splits)
        if not self._dirty:
            return
        payload = json.dumps({"summaries": self._summaries, "splits": self._splits},
                             ensure_ascii=False, separators=(",", ":")).encode()
        fsops.mkdir(self.path.parent)
        fd, temp = fsops.temporary(self.path.parent, self.path.name + ".")
        try:
            with fsops.naming(self.path), os.fdopen(fd, "wb") as out:
                out.write(_header(payload) + b"\n" + payload)
            fsops.rename(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self._dirty = False
