"""CPU time of a cold build's summarize stage, in one process, over a folder of issues.

    python benchmarks/summarize_stage.py [FOLDER] [--last N]

(default folder: ../shared/corpora/this-week-in-rust beside the repo, when it exists)

Reads and segments each file (untimed), then times what the build's summarize stage does per
issue: summarize_issue with the default settings and no cache, then the issue's story mentions
and prints. The first call's set-up (NLTK's import, the stemmer) is counted, as in a worker.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import shared  # noqa: E402

from digest.ingest import read_file  # noqa: E402
from digest.segment import load_profiles, segment_document  # noqa: E402
from digest.stories import mentions, prints  # noqa: E402
from digest.summarize import SummaryConfig, algorithm_names, summarize_issue  # noqa: E402

DEFAULT = shared("corpora/this-week-in-rust")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--last", type=int, default=0, help="only the last N files by name")
    args = parser.parse_args(argv)
    if args.folder is None:
        parser.error("give a folder: ../shared/corpora/this-week-in-rust is not there")
    files = sorted(p for p in args.folder.iterdir() if p.is_file())[-args.last:]
    profiles = load_profiles([], algorithm_names())
    config, cpu, count = SummaryConfig(), 0.0, 0
    for path in files:
        issues, _ = segment_document(read_file(path), *profiles)
        for issue in issues:
            start = time.process_time()
            digest = summarize_issue(issue, config)
            prints(mentions(digest))
            cpu += time.process_time() - start
            count += 1
    print(f"summarize stage: {cpu:.2f} s CPU for {count} issues of {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
