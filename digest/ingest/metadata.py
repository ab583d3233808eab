"""The input folder's metadata file: facts a file does not carry itself (publication, dates)."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
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
        data = tomllib.loads(read_inside(path, Path(folder)).decode("utf-8-sig"))
        return data, _unknown_keys(data, str(path))
    except Unsafe as exc:
        return {}, [Problem(str(path), f"metadata file ignored: {exc.reason}", severity="error")]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [Problem(str(path), f"metadata file ignored: {exc}", severity="error")]


FOLDER_KEYS = ("publication", "publisher", "author", "language")
FILE_KEYS = ("title", "date", "date_approximate", "publication", "publisher", "author",
             "language", "lang", "issues")


def _unknown_keys(data: dict[str, Any], path: str) -> list[Problem]:
    """A key the metadata file would ignore, said (a misspelt `publicaton`, a `date` at the top,
    where it would hold for no file)."""
    problems = []
    for key, value in data.items():
        if isinstance(value, dict):
            problems += [Problem(path, f"[{key!r}]: unknown key {inner!r} ignored (known: "
                                 f"{', '.join(FILE_KEYS)})")
                         for inner in value if inner not in FILE_KEYS]
        elif key not in FOLDER_KEYS:
            where = " (a file's date goes in its own table: [\"file.md\"] date = …)" \
                if key in FILE_KEYS else f" (known at the top: {', '.join(FOLDER_KEYS)})"
            problems.append(Problem(path, f"unknown key {key!r} ignored{where}"))
    return problems


def hints_for(metadata: dict[str, Any], filename: str) -> tuple[Meta, list[IssueHint]]:
    """The file-level facts and per-issue hints recorded for one file name; keys at the top
    of the file (`publication = "…"`) hold for every file of the folder."""
    folder = {k: metadata[k] for k in FOLDER_KEYS if isinstance(metadata.get(k), str)}
    entry = metadata.get(filename)
    if not isinstance(entry, dict):
        if not folder:
            return Meta(), []
        entry = {}
    entry = {**folder, **entry}
    meta = Meta(
        title=_str(entry.get("title")),
        date=_date(entry.get("date")),
        date_approximate=bool(entry.get("date_approximate", False)),
        publication=_str(entry.get("publication")),
        publisher=_str(entry.get("publisher")),
        author=_str(entry.get("author")),
        language=_str(entry.get("language")) or _str(entry.get("lang")),
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


_FULL_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_MONTH = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})(?!\d)")
_MONTH_NAME = re.compile(r"(?<!\d)(\d{4})[-_. ]([A-Za-z]{3,9})\b")
_NUMBER = re.compile(r"(?<![A-Za-z\d.])(\d{1,5})(?![A-Za-z\d]|\.\d)")


def date_from_path(path: Path, root: Path | None = None) -> tuple[dt.date, bool] | None:
    """A date written in a file's name or its folders' names, and whether it is approximate
    (a month alone gives its first day): 2025-05-21, 2025.05.21, 20250521, 2026-02-february."""
    names = [path.stem]
    parents = [p.name for p in path.parents if root is None or p != root and root in p.parents]
    names.append("-".join(reversed(parents[:3])))
    names += parents[:3]
    for name in names:
        found = _date_in(name)
        if found:
            return found
    return None


def _date_in(name: str) -> tuple[dt.date, bool] | None:
    for pattern in (_FULL_DATE, _COMPACT_DATE):
        for match in pattern.finditer(name):
            try:
                return dt.date(*map(int, match.groups())), False
            except ValueError:
                continue
    for match in _MONTH.finditer(name):
        year, month = map(int, match.groups())
        if 1900 < year < 2200 and 1 <= month <= 12:
            return dt.date(year, month, 1), True
    for match in _MONTH_NAME.finditer(name):
        month = _month_number(match[2])
        if month:
            return dt.date(int(match[1]), month, 1), True
    return None


def _month_number(word: str) -> int | None:
    word = word.lower()
    for number in range(1, 13):
        if word in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower()):
            return number
    return None


def number_from_name(path: Path) -> int | None:
    """An issue number in a file name ("issue-538", "2024-06-24-36_title"), dates left out."""
    stem = _FULL_DATE.sub(" ", _COMPACT_DATE.sub(" ", path.stem))
    stem = _MONTH_NAME.sub(" ", _MONTH.sub(" ", stem))
    return next((int(m[1]) for m in _NUMBER.finditer(stem) if int(m[1]) > 0), None)


def folder_name(path: Path, root: Path | None = None) -> str | None:
    """The folder a newsletter's files sit in ("haskell-weekly"), never the input folder; a
    site generator's folder (`_posts`) is passed over for the one above it, and so, inside
    a known input folder, is an archive's (`2026`, `05`) and a generator's posts folder
    under the newsletter's (`posts`, `content`, `blog`)."""
    top = root.resolve() if root is not None else None
    for folder in path.parents:
        if top is not None and folder.resolve() == top or not folder.name:
            return None
        if not (_GENERATOR.match(folder.name) or top is not None and (
                _NUMBERED.match(folder.name) or folder.name.lower() in SITE_FOLDERS and
                folder.parent.resolve() != top)):
            return folder.name
    return None


# A site generator's folders for posts (Hugo's `content/posts/`, MkDocs' `blog/posts/`),
# passed over, inside the input folder, for the newsletter's folder above them.
SITE_FOLDERS = {"posts", "post", "content", "blog", "articles", "src", "docs", "pages"}


_GENERATOR = re.compile(r"^[_.]")
_NUMBERED = re.compile(r"^[\d_.-]+$")

