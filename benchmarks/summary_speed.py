"""Time the default summarizer on long texts, one core, one essay at a time.

    python benchmarks/summary_speed.py ESSAY.txt ... | FOLDER [--sentences N] [--repeat R]
    python benchmarks/summary_speed.py --leads seeds/002_4589aac93914ba55.txt

Each .txt file is one essay (paragraphs separated by newlines); a folder means its .txt files.
With --leads, the files are newsletters and the essays are their issues' lead sections.
Imports and first-call set-up are timed apart from the summaries, which start from an empty
in-process sentence-split cache each round (nothing is cached on disk here).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def essays(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return found


def lead_essays(paths: list[Path]) -> list[str]:
    """The text of each unique issue's lead section, as the build would summarize it."""
    from digest.ingest import read_file
    from digest.segment import load_profiles, segment_document

    generic, profiles = load_profiles()
    texts = []
    for path in paths:
        issues, _ = segment_document(read_file(path), generic, profiles)
        for issue in issues:
            lead = next((s for s in issue.sections if s.kind == "lead"), None)
            if issue.duplicate_of is None and lead is not None:
                texts.append("\n".join(p.text for p in lead.paragraphs if p.kind == "text"))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help=".txt essays or folders of them")
    parser.add_argument("--sentences", type=int, default=5, help="summary length (default 5)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the median is reported")
    parser.add_argument("--leads", action="store_true",
                        help="the paths are newsletters: time their issues' lead essays")
    args = parser.parse_args(argv)
    files = args.paths if args.leads else essays(args.paths)
    if not files:
        parser.error("no .txt files found")
    texts = lead_essays(args.paths) if args.leads else [f.read_text(encoding="utf-8")
                                                        for f in files]

    start = time.perf_counter()
    from digest.summarize import DEFAULT_ALGORITHM, summarize_text
    from digest.summarize.tokenizer import clear_split_cache

    summarize_text("Warm up. Two sentences here.", 1)
    setup = time.perf_counter() - start

    rounds = []
    for _ in range(max(1, args.repeat)):
        clear_split_cache()
        seconds = []
        for text in texts:
            began = time.perf_counter()
            summarize_text(text, args.sentences)
            seconds.append(time.perf_counter() - began)
        rounds.append(seconds)
    best = sorted(rounds, key=sum)[len(rounds) // 2]
    paragraphs = sum(sum(1 for line in t.split("\n") if line.strip()) for t in texts)
    print(f"algorithm {DEFAULT_ALGORITHM}, {len(texts)} essays, {paragraphs} paragraphs, "
          f"{args.sentences} sentences each, median of {len(rounds)} rounds")
    print(f"imports and set-up: {setup:.3f} s (once per process)")
    print(f"total: {sum(best):.3f} s, median per essay: {statistics.median(best) * 1000:.1f} ms, "
          f"slowest: {max(best) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
