"""Ingest and segment a folder of real Markdown issues; check every date and top-level section.

    python benchmarks/ingest_corpus.py [FOLDER]   (default: ../shared/corpora/this-week-in-rust)

For each file it compares the sections found with the top-level headings of the source
(outside code fences and HTML comments; a bare heading kept as the kicker of the section
after it counts in its place) and the date with the file's `Date:` header, then
prints one line of totals and every mismatch. Exit status 1 if anything is wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import shared  # noqa: E402

from digest.ingest import read_file  # noqa: E402
from digest.segment import load_profiles, segment_document  # noqa: E402

DEFAULT = shared("corpora/this-week-in-rust")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def source_headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of each ATX heading outside fences and comments, links reduced to text."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    found, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            plain = LINK.sub(r"\1", match.group(2)).replace("*", "").replace("`", "")
            found.append((len(match.group(1)), " ".join(plain.split())))
    return found


def expected_sections(headings: list[tuple[int, str]]) -> list[str]:
    """What a reader takes for sections: headings at the shallowest level used more than once
    (the shallowest, if none repeats), and any lone shallower heading (This Week in Rust has
    a stray `# Quote of the Week` among `##` sections) unless it is the first one, a title."""
    levels = [level for level, _ in headings]
    repeated = [level for level in set(levels) if levels.count(level) > 1]
    top = min(repeated or levels, default=0)
    first = 1 if headings and headings[0][0] < top else 0
    return [text for level, text in headings[first:] if level <= top]


def check(path: Path, generic, profiles) -> list[str]:  # noqa: ANN001 - profiles
    doc = read_file(path)
    issues, problems = segment_document(doc, generic, profiles)
    errors = [str(p) for p in doc.problems + problems if p.severity == "error"]
    if len(issues) != 1:
        return errors + [f"{path.name}: {len(issues)} issues, expected 1"]
    issue = issues[0]
    header = re.search(r"^Date:\s*(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"), re.M)
    if header is None or issue.date is None or issue.date.isoformat() != header.group(1):
        errors.append(f"{path.name}: date {issue.date} != header {header and header.group(1)}")
    headings = source_headings(path.read_text(encoding="utf-8"))
    want = expected_sections(headings)
    # a bare heading kept as the next section's kicker (its dek) still stands in its place
    got = [text for s in issue.sections if s.heading is not None
           for text in ([s.dek] if s.dek else []) + [s.heading]]
    if got != want:
        errors.append(f"{path.name}: sections {got[:4]}… != headings {want[:4]}…")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if args.folder is None:
        parser.error("give FOLDER: ../shared/corpora/this-week-in-rust is not there")
    files = sorted(args.folder.glob("*.md"))
    if not files:
        print(f"no .md files in {args.folder}", file=sys.stderr)
        return 1
    generic, profiles = load_profiles()
    start = time.perf_counter()
    errors = [e for path in files for e in check(path, generic, profiles)]
    spent = time.perf_counter() - start
    print(f"{len(files)} files, {len(files) - len({e.split(':')[0] for e in errors})} clean, "
          f"{len(errors)} problems, {spent:.1f} s")
    for error in errors:
        print("  " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
