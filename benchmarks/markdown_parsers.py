"""Markdown read by markdown-it-pyrs against markdown-it-py: identical blocks, and how fast.

    python benchmarks/markdown_parsers.py [FOLDER ...]

(default folder: ../shared/corpora/this-week-in-rust beside the repo, when it exists)

Reads every .md/.markdown file of each folder with both parsers (digest/ingest/markdown_rs.py),
prints each file whose blocks or metadata differ with its first differing block, the files the
Rust parser failed on (read with markdown-it-py instead), and both parsers' total read time.
Exit status 1 if any file differs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import shared  # noqa: E402

from digest.ingest import markdown_rs  # noqa: E402
from digest.ingest.decode import normalize_newlines  # noqa: E402
from digest.ingest.markdown import MAX_NESTING, read_markdown  # noqa: E402

DEFAULT = shared("corpora/this-week-in-rust")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if not args.folders:
        if DEFAULT is None:
            parser.error("give a folder: ../shared/corpora/this-week-in-rust is not there")
        args.folders = [DEFAULT]
    if not markdown_rs.available():
        print("markdown-it-pyrs is not installed: nothing to compare", file=sys.stderr)
        return 1
    files = sorted(p for folder in args.folders for p in folder.rglob("*")
                   if p.suffix in (".md", ".markdown"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    timings = {"python": 0.0, "auto": 0.0}
    differ, fell_back = [], []
    for path, text in zip(files, texts, strict=True):
        parts = {}
        for name in timings:
            start = time.perf_counter()
            parts[name] = read_markdown(text, parser=name)
            timings[name] += time.perf_counter() - start
        if markdown_rs.tokens(normalize_newlines(text), MAX_NESTING) is None:
            fell_back.append(path)
        if parts["python"] != parts["auto"]:
            differ.append(path)
            print(f"{path}: blocks differ")
            py, rs = parts["python"].blocks, parts["auto"].blocks
            for a, b in zip(py, rs, strict=False):
                if a != b:
                    print(f"  markdown-it-py:   {a}\n  markdown-it-pyrs: {b}")
                    break
            else:
                print(f"  {len(py)} blocks against {len(rs)}; metadata equal: "
                      f"{parts['python'].meta == parts['auto'].meta}")
    for path in fell_back:
        print(f"{path}: markdown-it-pyrs failed, read with markdown-it-py")
    print(f"{len(files)} files: {len(differ)} differ, {len(fell_back)} fell back to "
          f"markdown-it-py; read time markdown-it-py {timings['python']:.2f} s, "
          f"markdown-it-pyrs (with fallbacks) {timings['auto']:.2f} s "
          f"({timings['python'] / max(timings['auto'], 1e-9):.1f}× faster)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
