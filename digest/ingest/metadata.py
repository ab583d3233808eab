"""The input folder's metadata file: facts a file does not carry itself (publication, dates)."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from digest.confine import Unsafe, read_inside
from digest.model import IssueHint, Meta, Problem

METADATA_FILE = "metadata.toml"


def load_metadata(folder: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The parsed metadata file of a folder ({} when there is none)."""
    return _load(str(folder.resolve()))


@lru_cache(maxsize=64)
def _load(folder: str) -> tuple[dict[str, Any], list[Problem]]:
    path = Path(folder) / METADATA_FILE
    if not os.path.lexists(path):
        return {}, []
    try:
        return tomllib.loads(read_inside(path, Path(folder)).decode("utf-8-sig")), []
    except Unsafe as exc:
        return {}, [Problem(str(path), f"metadata file ignored: {exc.reason}", severity="error")]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [Problem(str(path), f"metadata file ignored: {exc}", severity="error")]


def hints_for(metadata: dict[str, Any], filename: str) -> tuple[Meta, list[IssueHint]]:
    """The file-level facts and per-issue hints recorded for one file name."""
    entry = metadata.get(filename)
    if not isinstance(entry, dict):
        return Meta(), []
    meta = Meta(
        title=_str(entry.get("title")),
        date=_date(entry.get("date")),
        date_approximate=bool(entry.get("date_approximate", False)),
        publication=_str(entry.get("publication")),
        publisher=_str(entry.get("publisher")),
        author=_str(entry.get("author")),
    )
    hints = [
        IssueHint(
            title=_str(issue.get("title")),
            date=_date(issue.get("date")),
            date_approximate=bool(issue.get("date_approximate", False)),
        )
        for issue in entry.get("issues", [])
        if isinstance(issue, dict)
    ]
    return meta, hints


def _str(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value.strip() else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
