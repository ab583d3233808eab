"""How much structure, naming and dating the generic path finds in folders of real newsletters.

    python benchmarks/structure_corpus.py [DIR ...] [--examples]
    (default: each folder of ../shared/corpora/newsletters/, then This Week in Rust)

Each DIR is one newsletter's folder (its files read as `digest build` reads them, with the
folder's metadata.toml). Prints one row per folder: files, issues, sections, items (sub-items
too), issues dated, date sources, chrome lines left inside sections or their text (counted with
the platform profiles' own chrome patterns, digest/profiles/platforms/), and seconds spent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import shared  # noqa: E402

from digest.ingest import read_file  # noqa: E402
from digest.model import Issue  # noqa: E402
from digest.segment import load_profiles, segment_document  # noqa: E402

PLATFORMS = Path(__file__).resolve().parents[1] / "digest" / "profiles" / "platforms"
SKIP = {"metadata.toml", "README.md", "readme.md"}


def chrome_patterns(folder: Path = PLATFORMS) -> list[re.Pattern[str]]:
    """Every platform profile's chrome phrases, in every language."""
    found = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for table in data.get("lang", {}).values():
            found += [re.compile(p) for p in table.get("drop", {}).get("chrome", [])]
    return found


def chrome_left(issue: Issue, patterns: list[re.Pattern[str]]) -> list[str]:
    texts = [s.heading or "" for s in issue.sections]
    for section in issue.sections:
        texts += [p.text for p in section.paragraphs]
        for item in section.items:
            texts += [item.text] + [s.text for s in item.sub_items]
    return [t for t in texts if t and any(p.search(t) for p in patterns)]


def measure(folder: Path, generic, profiles, patterns) -> dict:  # noqa: ANN001 - profiles
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in SKIP
                   and not p.name.startswith("."))
    start = time.perf_counter()
    issues: list[Issue] = []
    for path in files:
        found, _ = segment_document(read_file(path), generic, profiles)
        issues += [i for i in found if i.duplicate_of is None]
    spent = time.perf_counter() - start
    sources = Counter(getattr(i, "date_source", None) or "?" for i in issues if i.date)
    left = [t for i in issues for t in chrome_left(i, patterns)]
    return {
        "folder": folder.name, "files": len(files), "issues": len(issues),
        "sections": sum(len(i.sections) for i in issues),
        "items": sum(len(s.items) + sum(len(x.sub_items) for x in s.items)
                     for i in issues for s in i.sections),
        "dated": sum(1 for i in issues if i.date),
        "date sources": ", ".join(f"{k} {v}" for k, v in sorted(sources.items())) or "-",
        "chrome left": len(left), "seconds": f"{spent:.2f}", "examples": left[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--examples", action="store_true", help="print chrome lines left")
    args = parser.parse_args()
    if not args.folders:
        newsletters, twir = shared("corpora/newsletters"), shared("corpora/this-week-in-rust")
        args.folders = sorted(p for p in newsletters.iterdir() if p.is_dir()) if newsletters \
            else []
        args.folders += [twir] if twir else []
    if not args.folders:
        parser.error("give the newsletter folders to measure")
    generic, profiles = load_profiles()
    patterns = chrome_patterns()
    rows = [measure(f, generic, profiles, patterns) for f in args.folders if f.is_dir()]
    columns = [c for c in rows[0] if c != "examples"] if rows else []
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")
        if args.examples:
            for text in row["examples"]:
                print(f"    chrome left: {text[:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
