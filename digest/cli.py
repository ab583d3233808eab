"""The `digest` command line: build, inspect, summarize, serve."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from digest import __version__


def _inspect(args: argparse.Namespace) -> int:
    from digest.ingest import read_file
    from digest.inspect_view import file_dict, tree
    from digest.segment import load_profiles, segment_document

    generic, profiles = load_profiles([Path(p) for p in args.profiles])
    files = []
    failed = False
    for name in args.files:
        doc = read_file(Path(name), display=name)
        issues, problems = segment_document(doc, generic, profiles)
        doc.problems.extend(problems)
        failed = failed or any(p.severity == "error" for p in doc.problems)
        files.append((doc, issues))
        for problem in doc.problems:
            print(problem, file=sys.stderr)
    if args.json:
        json.dump({"files": [file_dict(d, i) for d, i in files]}, sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
    else:
        print("\n\n".join(tree(d, i) for d, i in files))
    return 1 if failed and args.strict else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="digest", description=__doc__)
    top.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    inspect = commands.add_parser("inspect", help="show how files are split into issues and "
                                  "sections")
    inspect.add_argument("files", nargs="+", metavar="FILE")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.add_argument("--profiles", action="append", default=[], metavar="DIR",
                         help="a folder of extra newsletter profiles (repeatable)")
    inspect.add_argument("--strict", action="store_true", help="exit 1 if any file had an error")
    inspect.set_defaults(run=_inspect)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
