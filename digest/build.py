"""The build: ingest -> segment -> summarize -> group by week -> render -> write.

Each stage is a function over the dataclasses in `digest.model`; this module only runs them
in order, collects problems and times each stage.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import Config
from digest.model import Document, Issue, IssueDigest, Problem, Site

Log = Callable[[str], None]


@dataclass
class BuildReport:
    files: int = 0
    issues: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    written: int = 0
    unchanged: bool = False
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity != "info")


class _Timer:
    def __init__(self, report: BuildReport, stage: str) -> None:
        self.report, self.stage = report, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        spent = time.perf_counter() - self.start
        self.report.timings[self.stage] = self.report.timings.get(self.stage, 0.0) + spent


def read_all(config: Config, report: BuildReport, log: Log) -> list[Document]:
    from digest.ingest import read_file
    from digest.sources import input_files

    folder = config.path(config.build.input)
    paths, problems = input_files(folder)
    report.problems.extend(problems)
    docs = []
    for n, path in enumerate(paths, 1):
        log(f"reading {n}/{len(paths)} {path.name}")
        docs.append(read_file(path, display=_display(path, folder)))
    report.files = len(paths)
    return docs


def _display(path: Path, folder: Path) -> str:
    try:
        return (folder.name / path.relative_to(folder)).as_posix()
    except ValueError:
        return str(path)


def segment_all(docs: list[Document], config: Config, report: BuildReport) -> list[Issue]:
    from digest.segment import load_profiles, segment_document
    from digest.segment.account import dropped_counts
    from digest.segment.dedupe import cross_file_duplicates

    extra = config.path(config.build.profiles)
    generic, profiles = load_profiles([extra] if extra.is_dir() else [])
    issues: list[Issue] = []
    for doc in docs:
        found, problems = segment_document(doc, generic, profiles)
        report.problems.extend(doc.problems)
        report.problems.extend(problems)
        issues.extend(found)
    report.dropped = dropped_counts(issues)
    unique = [i for i in issues if i.duplicate_of is None]
    kept, repeats = cross_file_duplicates(unique)
    for repeat, original in repeats:
        report.problems.append(Problem(repeat.source, f"issue “{repeat.title}” repeats "
                                       f"{original.source}: kept that copy", repeat.first_line,
                                       "info"))
    report.issues = len(kept)
    report.duplicates = len(issues) - len(kept)
    return kept


def summarize_all(issues: list[Issue], config: Config, report: BuildReport,
                  log: Log) -> list[IssueDigest]:
    from digest.summarize import SummaryCache, summarize_issue

    cache = SummaryCache(config.path(config.build.cache) / "summaries.json")
    digests = []
    for n, issue in enumerate(issues, 1):
        log(f"summarizing {n}/{len(issues)} {issue.title[:60]}")
        digests.append(summarize_issue(issue, config.summary, cache))
    cache.save(prune=True)
    report.cache_hits, report.cache_misses = cache.hits, cache.misses
    return digests


def build(config: Config, log: Log = lambda _: None) -> BuildReport:
    from digest.render import render_site
    from digest.weeks import group_by_week
    from digest.writer import write_site

    report = BuildReport()
    with _Timer(report, "ingest"):
        docs = read_all(config, report, log)
    with _Timer(report, "segment"):
        issues = segment_all(docs, config, report)
    with _Timer(report, "summarize"):
        digests = summarize_all(issues, config, report, log)
    with _Timer(report, "render"):
        site: Site = group_by_week(digests)
        files = render_site(site, config.site, config.feed, _templates(config))
    report.pages = sum(1 for name in files if name.endswith(".html"))
    with _Timer(report, "write"):
        result = write_site(files, config.path(config.build.output))
    report.written = result.written
    report.unchanged = not result.swapped
    return report


def _templates(config: Config) -> Path | None:
    folder = config.path(config.build.templates)
    return folder if folder.is_dir() else None
