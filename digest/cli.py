"""The `digest` command line: build, fetch, inspect, summarize, serve."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest import __version__

if TYPE_CHECKING:
    from digest.model import Problem


def _segmented(names: list[str], generic: Any, profiles: Any) -> list[tuple[Any, list[Any]]]:
    """Each file read and segmented (its problems said), then the boilerplate its newsletter
    repeats across these files dropped, as a build does."""
    from digest.boilerplate import recurring, scan, strip
    from digest.ingest import read_file
    from digest.ingest.files import input_files
    from digest.segment import segment_document

    paths: list[Path] = []
    for name in names:  # a folder (a newsletter's, a Maildir) gives its files, as a build reads
        if Path(name).is_dir():
            found, refused = input_files(Path(name))
            paths += found
            for problem in refused:
                print(problem, file=sys.stderr)
        else:
            paths.append(Path(name))
    files = []
    for path in paths:
        doc = read_file(path, display=str(path))
        issues, problems = segment_document(doc, generic, profiles)
        doc.problems.extend(problems)
        files.append((doc, issues))
        for problem in doc.problems:
            print(problem, file=sys.stderr)
    found = recurring(scan(i) for _, issues in files for i in issues if i.duplicate_of is None)
    for _, issues in files:
        for issue in issues:
            if issue.duplicate_of is None:
                strip(issue, found.get(issue.publication, frozenset()))
    return files


def _inspect(args: argparse.Namespace) -> int:
    from digest.inspect_view import file_dict, tree
    from digest.segment import ProfileError, load_profiles
    from digest.summarize import algorithm_names

    try:
        generic, profiles = load_profiles([Path(p) for p in args.profiles], algorithm_names())
    except ProfileError as exc:
        print(f"digest: profile error: {exc}", file=sys.stderr)
        return 2
    files = _segmented(args.files, generic, profiles)
    failed = any(p.severity == "error" for doc, _ in files for p in doc.problems)
    if args.json:
        json.dump({"files": [file_dict(d, i) for d, i in files]}, sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
    else:
        print("\n\n".join(tree(d, i) for d, i in files))
    return 1 if failed and args.strict else 0


def _summarize(args: argparse.Namespace) -> int:
    import dataclasses

    from digest.segment import load_profiles
    from digest.summarize import algorithm_names, format_digest, summarize_issue

    config = _load_config(args).summary
    if args.algorithm:
        if args.algorithm not in algorithm_names():
            print(f"digest: unknown algorithm {args.algorithm!r}; choose one of "
                  f"{', '.join(algorithm_names())}", file=sys.stderr)
            return 2
        config = dataclasses.replace(config, algorithm=args.algorithm)
    if args.sentences is not None:
        config = dataclasses.replace(config, sentences=args.sentences)
    generic, profiles = load_profiles(algorithms=algorithm_names())
    for _, issues in _segmented(args.files, generic, profiles):
        for issue in issues:
            if issue.duplicate_of is None:
                print(format_digest(summarize_issue(issue, config), verbose=args.verbose))
                print()
    return 0


def _progress(verbosity: int) -> Callable[[str], None]:
    """Progress lines: one line redrawn on a terminal, plain lines in CI, none with -q."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if verbosity < 0 or (verbosity == 0 and not interactive):
        return lambda _: None
    if interactive and verbosity == 0:
        def redraw(message: str) -> None:
            sys.stderr.write("\r\033[K" + message[:100])
            sys.stderr.flush()
        return redraw
    return lambda message: print(message, file=sys.stderr)


def _load_config(args: argparse.Namespace):  # noqa: ANN202 - Config, imported lazily
    from digest.config import ConfigError, load_config

    try:
        config = load_config(Path(args.config) if args.config else None, args.base_url)
    except ConfigError as exc:
        print(f"digest: config error: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    if getattr(args, "input", None):
        config.build.input = os.path.abspath(args.input)
    if getattr(args, "output", None):
        config.build.output = os.path.abspath(args.output)
    if getattr(args, "jobs", None) is not None:
        config.build.jobs = args.jobs
    return config


def _fetch(args: argparse.Namespace) -> int:
    config = _load_config(args)
    failed = _run_fetch(config, -1 if args.quiet else args.verbose, args.quiet)
    return 1 if failed and args.strict else 0


def _run_fetch(config, verbosity: int, quiet: bool) -> bool:  # noqa: ANN001 - Config
    """Fetch every source, print one line per source; whether any source failed or warned."""
    from digest.fetch import fetch_all

    if not config.sources:
        print("digest: nothing to fetch: the config has no [[sources]]", file=sys.stderr)
        return False
    report = fetch_all(config, _progress(verbosity))
    _clear_progress(verbosity)
    if report.error:
        print(f"digest: fetch: {report.error}", file=sys.stderr)
    for result in report.results:
        for warning in result.warnings:
            print(f"digest: fetch: {result.name}: warning: {warning}", file=sys.stderr)
        if result.failure:
            print(f"digest: fetch: {result.name}: failed: {result.failure}", file=sys.stderr)
        elif result.skipped:
            print(f"digest: fetch: {result.line()}", file=sys.stderr)
        elif not quiet:
            print(result.line())
    return report.failed


def _clear_progress(verbosity: int) -> None:
    if sys.stderr.isatty() and verbosity == 0 and not os.environ.get("CI"):
        sys.stderr.write("\r\033[K")


def _build(args: argparse.Namespace) -> int:
    from digest.build import build

    config = _load_config(args)
    verbosity = -1 if args.quiet else args.verbose
    fetch_failed = args.fetch and _run_fetch(config, verbosity, args.quiet)
    log = _progress(verbosity)
    from digest.confine import Unsafe

    try:
        report = build(config, log)
    except Unsafe as exc:
        print(f"digest: refused to read {exc.path}: {exc.reason}", file=sys.stderr)
        return 2
    except OSError as exc:  # a read-only or full disk, most likely: the last site stays
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"digest: cannot write {where}{exc.strerror or exc}; the output still holds "
              "the last complete site", file=sys.stderr)
        return 1
    except ValueError as exc:
        # imported here: a build with nothing new never loads the segmenter (a tenth of its time)
        from digest.segment import ProfileError

        if not isinstance(exc, ProfileError):
            raise
        print(f"digest: profile error: {exc}", file=sys.stderr)
        return 2
    _clear_progress(verbosity)
    for problem in report.problems:
        if not args.quiet or problem.severity == "error":
            print(problem, file=sys.stderr)
    if not args.quiet:
        print(summary_line(report, config.path(config.build.output)))
    if args.verbose:
        print("  time: " + ", ".join(f"{k} {v:.2f}s" for k, v in report.timings.items()))
        print("  dropped: " + (", ".join(f"{k} {v}" for k, v in report.dropped.items())
                               or "nothing"))
        print(f"  reused from the cache: {report.reused_files} of {report.files} files; "
              f"worker processes: {report.workers or 'none'}")
        if report.search:
            print(f"  {report.search}")
        print(f"  stories in several newsletters: {report.stories}")
    return 1 if args.strict and (report.warnings or fetch_failed) else 0


def summary_line(report, output: Path) -> str:  # noqa: ANN001 - BuildReport
    done = "unchanged" if report.unchanged else f"{report.written} files written"
    dropped = sum(report.dropped.values())
    return (f"built {report.issues} issues from {report.files} files into {output} "
            f"({report.pages} pages, {done}); {report.duplicates} duplicates skipped, "
            f"{dropped} lines dropped as furniture, {_counted(report.problems)}")


def _counted(problems: list[Problem]) -> str:
    """"3 warnings, 1 error": what the problems above the summary line are."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    said = f"{warnings} warning{'s' if warnings != 1 else ''}"
    return f"{said}, {errors} error{'s' if errors != 1 else ''}" if errors else said


def _serve(args: argparse.Namespace) -> int:
    from digest.serve import serve

    config = _load_config(args)
    return serve(config, args.host, args.port, rebuild=not args.no_rebuild)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="digest", description=__doc__)
    top.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    inspect = commands.add_parser("inspect", help="show how files are split into issues and "
                                  "sections")
    inspect.add_argument("files", nargs="+", metavar="PATH",
                         help="a file, or a folder whose files are read as a build reads them")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.add_argument("--profiles", action="append", default=[], metavar="DIR",
                         help="a folder of extra newsletter profiles (repeatable)")
    inspect.add_argument("--strict", action="store_true", help="exit 1 if any file had an error")
    inspect.set_defaults(run=_inspect)

    summarize = commands.add_parser("summarize", help="print a summary of each section of "
                                    "each issue in FILEs")
    summarize.add_argument("files", nargs="+", metavar="PATH",
                           help="a file, or a folder whose files are read as a build reads them")
    summarize.add_argument("--algorithm", metavar="A", help="summarizer: centrality (default), "
                           "lead, lexrank, textrank, lsa, luhn, edmundson, kl, sumbasic, reduction")
    summarize.add_argument("--sentences", type=int, metavar="K",
                           help="sentences per section (default: by section role)")
    summarize.add_argument("--config", metavar="FILE", help="config file (default: ./digest.toml)")
    summarize.add_argument("-v", "--verbose", action="store_true",
                           help="show the word budget and why sentences were left out")
    summarize.set_defaults(run=_summarize, base_url=None)

    build = commands.add_parser("build", help="build the digest site and feeds")
    build.add_argument("--input", metavar="DIR", help="folder of newsletter files")
    build.add_argument("--output", metavar="DIR", help="folder to write the site into")
    _common(build)
    build.add_argument("--strict", action="store_true", help="exit 1 on any warning")
    build.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                       help="worker processes (default: one per core; 1: none)")
    build.add_argument("--fetch", action="store_true", help="run `digest fetch` first")
    _noise(build, "print each step, stage timings and dropped-line counts")
    build.set_defaults(run=_build)

    fetch = commands.add_parser("fetch", help="fetch new issues from the config's [[sources]] "
                                "into the input folder")
    fetch.add_argument("--config", metavar="FILE", help="config file (default: ./digest.toml)")
    fetch.add_argument("--strict", action="store_true",
                       help="exit 1 if any source failed or warned")
    _noise(fetch, "print each issue saved")
    fetch.set_defaults(run=_fetch, base_url=None)

    serve = commands.add_parser("serve", help="serve the site locally, rebuilding on changes")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.add_argument("--no-rebuild", action="store_true", help="serve without watching")
    serve.set_defaults(run=_serve, input=None, output=None)
    return top


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected 0 or a positive whole number, got {text!r}")
    return int(text)


def _noise(command: argparse.ArgumentParser, verbose: str) -> None:
    noise = command.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="count", default=0, help=verbose)


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", metavar="FILE", help="config file (default: ./digest.toml)")
    command.add_argument("--base-url", metavar="URL",
                         help="absolute URL the site is published at (or $DIGEST_BASE_URL)")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `digest summarize … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
