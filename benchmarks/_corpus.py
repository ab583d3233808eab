"""Corpora for benchmarks/build_scale.py, generated into temp folders at run time.

Corpus A is the This Week in Rust archive but its newest issue (held back: the issue a
rebuild adds) plus `seeds/` (with its metadata.toml); corpus B
repeats the archive's Markdown files with their `Date:` moved back by whole weeks (copy N by N
steps, all after 1980, as digest trusts no earlier date) and " (copy N)" appended to each
`Title:`.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATE = re.compile(r"^Date:\s*(\d{4}-\d{2}-\d{2})", re.MULTILINE)
TITLE = re.compile(r"^Title:\s*(.*)$", re.MULTILINE)


def shared(relative: str) -> Path | None:
    """`../shared/<relative>` beside the repository when it exists: a default data path for
    the benchmarks, which otherwise take their data as an argument."""
    path = REPO.parent / "shared" / relative
    return path if path.exists() else None


def markdown_files(twir: Path, limit: int | None = None) -> list[Path]:
    files = sorted(twir.glob("*.md"))
    if not files:
        raise SystemExit(f"no .md files in {twir}")
    return files[:limit] if limit else files


def date_of(text: str) -> dt.date:
    found = DATE.search(text)
    if not found:
        raise ValueError("no Date: header")
    return dt.date.fromisoformat(found.group(1))


def rewrite(text: str, date: dt.date, title_suffix: str) -> str:
    """The issue with a new `Date:` header and `title_suffix` appended to its `Title:`."""
    text = DATE.sub(f"Date: {date.isoformat()}", text, count=1)
    return TITLE.sub(lambda m: f"Title: {m.group(1).rstrip()}{title_suffix}", text, count=1)


def copy_files(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, folder / path.name)


def corpus_a(files: list[Path], seeds: Path, folder: Path) -> Path:
    """The Markdown issues plus every seed file and the seeds' metadata.toml."""
    copy_files(files, folder)
    copy_files(sorted(p for p in seeds.iterdir() if p.is_file()), folder)
    return folder


def corpus_b(files: list[Path], total: int, folder: Path) -> Path:
    """`total` issues: the originals, then copies dated back by N steps, each copy a step of
    whole weeks further back, so that every copy's dates stay between EARLIEST and the
    archive's own (digest builds an issue dated before 1980 or after today as undated, and a
    copy left undated is then dropped as a repeat of its original)."""
    texts = [(p, p.read_text(encoding="utf-8")) for p in files]
    dates = [date_of(t) for _, t in texts]
    copies = max(1, -(-total // len(texts)) - 1)
    step = dt.timedelta(weeks=(min(dates) - EARLIEST).days // 7 // copies)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(total):
        copy, index = divmod(n, len(texts))
        path, text = texts[index]
        if copy:
            text = rewrite(text, dates[index] - copy * step, f" (copy {copy})")
        (folder / f"{path.stem}-{copy}.md").write_text(text, encoding="utf-8")
    return folder


EARLIEST = dt.date(1981, 1, 1)  # the oldest date a copy gets: digest trusts none before 1980


def hold_back_newest(files: list[Path]) -> tuple[list[Path], Path]:
    """The files without the newest issue, and that issue: what a weekly build adds."""
    newest = max(files, key=lambda p: date_of(p.read_text(encoding="utf-8")))
    return [p for p in files if p != newest], newest


def copy_a_week_later(issue: Path, folder: Path) -> Path:
    """A copy of `issue` dated a week after it, written into `folder`; returns its path. Every
    paragraph of it repeats, which the boilerplate pass counts: the cost of a duplicate."""
    text = issue.read_text(encoding="utf-8")
    path = folder / "zz-copy-this-week-in-rust.md"
    path.write_text(rewrite(text, date_of(text) + dt.timedelta(weeks=1), " (copy)"),
                    encoding="utf-8")
    return path
