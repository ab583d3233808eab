"""The build: ingest -> segment -> summarize -> group by week -> render -> write.

Each stage is a function over the dataclasses in `digest.model`; this module runs them in
order, file by file (on every core when many files are new), remembers each file's result by
a hash of what it was made from, and skips everything when nothing changed.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest import fsops, links
from digest.buildcache import (
    Digests,
    FileResult,
    Store,
    code_fingerprint,
    content_digests,
    digest_of,
    folder_fingerprint,
    hollowed,
)
from digest.config import Config
from digest.confine import read_inside
from digest.model import Issue, IssueDigest, Problem
from digest.parallel import PARALLEL_MIN, BudgetPool, Failed, PageRunner, worker_count
from digest.weeks import WeekKey, crowded, week_of

Log = Callable[[str], None]
STAGES = ("ingest", "segment", "summarize", "render", "write")
LATER_STAGES = ("digest.render", "digest.search", "digest.segment.dedupe", "digest.stories",
                "digest.weeks", "digest.writer")


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
    reused_files: int = 0
    workers: int = 0  # processes started to read files or render pages; 0 if none
    stories: int = 0  # stories several newsletters carried, over all weeks
    search: str = ""  # what became of the search index

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity != "info")


@dataclass
class Source:
    path: Path
    display: str
    key: str  # hash of everything the file's result depends on
    root: Path | None = None  # the input folder it was found in


@functools.lru_cache(maxsize=4)
def _profiles(extra: tuple[str, ...]) -> Any:
    from digest.segment import load_profiles
    from digest.summarize import algorithm_names

    return load_profiles([Path(p) for p in extra], algorithm_names())


@dataclass
class Segmented:
    """One file read and segmented: kept in the cache between a build's two passes."""

    issues: list[Issue]
    problems: list[Problem]
    timings: dict[str, float]


@dataclass
class FileScan:
    """What the boilerplate pass needs of one file: each of its issues' paragraph keys."""

    scans: list[Any]  # digest.boilerplate.Scan, one per issue that is not a duplicate
    timings: dict[str, float] = field(default_factory=dict)
    weeks: list[tuple[str, WeekKey]] = field(default_factory=list)  # dated issues' newsletter


Boilerplate = dict[str, frozenset[int]]  # publication -> keys of its repeated paragraphs


def segment_file(source: Source, extra_profiles: tuple[str, ...]) -> Segmented:
    """Ingest and segment one file."""
    from digest.ingest import read_file
    from digest.segment import segment_document

    start = time.perf_counter()
    doc = read_file(source.path, display=source.display, root=source.root)
    ingest = time.perf_counter() - start
    issues, problems = segment_document(doc, *_profiles(extra_profiles))
    return Segmented(issues, doc.problems + problems,
                     {"ingest": ingest, "segment": time.perf_counter() - start - ingest})


def summarize_file(segmented: Segmented, boilerplate: Boilerplate, key: str, summary: Any,
                   cache: Any, stories: frozenset[WeekKey] = frozenset()) -> FileResult:
    """Drop each issue's boilerplate, then summarize it; `key` is what the result is cached by.
    The stories an issue links to are listed (for grouping) only in the weeks of `stories`:
    those that two or more newsletters published in."""
    from digest.boilerplate import strip
    from digest.stories import mentions, prints
    from digest.summarize import summarize_issue

    start = time.perf_counter()
    digests: list[IssueDigest | None] = []
    for issue in segmented.issues:
        digest = None
        if issue.duplicate_of is None:
            strip(issue, boilerplate.get(issue.publication, frozenset()))
            digest = summarize_issue(issue, summary, cache)
            digest.key = digest_of(key, issue.index)
            if issue.date is not None and week_of(issue.date) in stories:
                digest.mentions = mentions(digest)
                digest.prints = prints(digest.mentions)
        digests.append(digest)
    timings = {"summarize": time.perf_counter() - start}
    return FileResult(segmented.issues, digests, segmented.problems, timings)


def _scan_state(extra: tuple[str, ...], store: Store) -> tuple[Any, ...]:
    return extra, store


def _no_finish(state: tuple[Any, ...]) -> None:
    """A scanning worker keeps nothing to save at its end."""


def _scan_in_worker(source: Source, state: tuple[Any, ...]) -> FileScan:
    """The first pass: read and segment a file, keep it in the cache, give back its keys."""
    from digest.boilerplate import scan

    extra, store = state
    segmented = segment_file(source, extra)
    store.save_entry("segments", source.key, segmented)
    kept = [i for i in segmented.issues if i.duplicate_of is None]
    return FileScan([scan(i) for i in kept], segmented.timings,
                    [(i.publication, week_of(i.date)) for i in kept if i.date is not None])


def _worker_state(extra: tuple[str, ...], summary: Any, store: Store,
                  summaries: Path | None) -> tuple[Any, ...]:
    from digest.summarize import SummaryCache, warm

    warm()  # at once in a worker started before its files are known; else inherited
    links.ready()
    return extra, summary, store, SummaryCache(summaries) if summaries else None


def _process_in_worker(job: tuple[Source, str, Boilerplate, frozenset[WeekKey]],
                       state: tuple[Any, ...]) -> FileResult:
    """The second pass: the segmented file (read again if the cache lost it), its boilerplate
    dropped, summarized and cached under `key`."""
    source, key, boilerplate, stories = job
    extra, summary, store, cache = state
    segmented = store.load_entry("segments", source.key)
    spent: dict[str, float] = {}
    if not isinstance(segmented, Segmented):
        segmented = segment_file(source, extra)
        spent = segmented.timings
    result = summarize_file(segmented, boilerplate, key, summary, cache, stories)
    result.timings = {**spent, **result.timings}
    return _keep(store, key, result)


def _save_summaries(state: tuple[Any, ...]) -> None:
    if state[3] is not None:
        state[3].save()


def _keep(store: Store, key: str, result: FileResult) -> FileResult:
    """Cache a file's whole result; give back the hollow copy the build keeps in memory
    (sent between processes, it is also the cheapest to pickle)."""
    from digest.segment.account import dropped_counts

    store.save_entry("files", key, result)
    return hollowed(result, dropped_counts(result.issues))


def _input_paths(config: Config, report: BuildReport) -> tuple[Path, list[Path]]:
    from digest.ingest.files import input_files

    folder = config.path(config.build.input)
    paths, problems = input_files(folder)
    report.problems.extend(problems)
    return folder, paths


def _listing(paths: list[Path]) -> str:
    """The input files by name, size and time: the last build's listing again most likely
    means nothing changed (what did is still told by the files' bytes)."""
    marks: list[object] = []
    for path in paths:
        try:
            info = path.stat()
            marks.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError as exc:
            marks.append((str(path), repr(exc)))
    return digest_of(*marks)


def _sources(config: Config, folder: Path, paths: list[Path], store: Store,
             ) -> tuple[list[Source], str]:
    """Every input file with its key, and the key of everything else the site depends on;
    files unchanged since the last build (by their marks in the cache) are not read."""
    from digest.ingest import METADATA_FILE

    extra = config.path(config.build.profiles)
    metadata = [_content(p, p.parent) for p in sorted(folder.rglob(METADATA_FILE))] \
        if folder.is_dir() else []
    upstream = digest_of(code_fingerprint(), folder_fingerprint(extra, contents=True), metadata,
                         repr(config.summary))
    known = store.load("marks")
    contents, marks = content_digests(paths, lambda path: _content(path, folder), known)
    if marks != known:
        with contextlib.suppress(OSError):  # a cache it cannot write only costs reading again
            store.save("marks", marks)
    sources = []
    for path, content in zip(paths, contents, strict=True):
        display = _display(path, folder)
        sources.append(Source(path, display, digest_of(upstream, display, content), folder))
    return sources, upstream


def _content(path: Path, folder: Path) -> bytes:
    """A file's bytes for its key (or why it cannot be read), from inside its folder only."""
    try:
        data = read_inside(path, folder, limit=64 * 2**20)
        return data if len(data) <= 64 * 2**20 else b"too large"
    except OSError as exc:
        return repr(exc).encode()


def _display(path: Path, folder: Path) -> str:
    try:
        return (folder.name / path.relative_to(folder)).as_posix()
    except ValueError:
        return str(path)


def _extra_dirs(config: Config) -> tuple[str, ...]:
    extra = config.path(config.build.profiles)
    return (str(extra),) if extra.is_dir() else ()


def _pool(count: int, function: Callable[[Any, Any], Any], start: Callable[[], Any],
          finish: Callable[[Any], None], config: Config, report: BuildReport) -> BudgetPool:
    """Worker processes for `count` items: every core when there are many, else one; each
    item within the per-file time budget."""
    workers = worker_count(config.build.jobs)
    workers = workers if workers > 1 and count >= PARALLEL_MIN else 1
    if workers > 1:
        report.workers = max(report.workers, workers)
    return BudgetPool(workers, config.build.file_timeout, function, start, finish)


def _run(items: list[Any], runner: BudgetPool,
         meanwhile: Callable[[], None] | None = None) -> Iterator[Any]:
    """Each item's result, in order, while this process does `meanwhile`; a failure that could
    not write ends the build."""
    for result in runner.map(items, meanwhile):
        if isinstance(result, Failed) and result.error is not None:
            raise result.error
        yield result


def _skipped(source: Source, failed: Failed) -> FileResult:
    return FileResult([], [], [Problem(source.display, f"skipped: {failed.reason}",
                                       severity="error")], {})


def _scan_sources(sources: list[Source], known: dict[str, FileScan], config: Config,
                  store: Store, log: Log, report: BuildReport, timings: dict[str, float],
                  warm: bool) -> tuple[dict[str, FileScan], dict[str, FileResult]]:
    """The first pass over the files not scanned before (`known` holds the others'): their
    paragraph keys (and, for a file that could not be read, the result that says so); with
    `warm`, what summarizing needs is loaded meanwhile, for the second pass's workers."""
    scans = {s.key: known[s.key] for s in sources if s.key in known}
    new = [s for s in sources if s.key not in scans]
    if not new:
        return scans, {}
    extra = _extra_dirs(config)
    _profiles(extra)  # loaded (and the stages imported) once, before the workers fork
    for stage in ("ingest", "segment", "summarize", "boilerplate"):
        importlib.import_module(f"digest.{stage}")
    if warm:  # many files: their workers inherit courlan rather than each importing it
        links.ready()
    failed: dict[str, FileResult] = {}
    scanning = _pool(len(new), _scan_in_worker, functools.partial(_scan_state, extra, store),
                     _no_finish, config, report)
    found = _run(new, scanning, _warm_summarizer if warm else _import_later_stages)
    for n, (source, result) in enumerate(zip(new, found), 1):
        log(f"reading {n}/{len(new)} {source.display}")
        if isinstance(result, Failed):
            failed[source.key] = _skipped(source, result)
            continue
        scans[source.key] = result
        for stage, spent in result.timings.items():
            timings[stage] += spent
    return scans, failed


def _warm_summarizer() -> None:
    """While the first pass's workers read: load what summarizing needs, so that the second
    pass's workers, forked from this process, do not each load it again."""
    from digest.summarize import warm

    warm()
    _import_later_stages()


def _import_later_stages() -> None:
    """While the first pass's workers read: import what this process needs after them."""
    for module in LATER_STAGES:
        importlib.import_module(module)


def _result_keys(sources: list[Source], scans: dict[str, FileScan], stories: bool,
                 ) -> dict[str, tuple[str, Boilerplate, frozenset[WeekKey]]]:
    """Each file's result key, the boilerplate of its issues (paragraphs its newsletter
    repeats in many issues) and, when stories are looked for, the weeks of its issues that
    other newsletters published in too; the key changes with both, so the file is summarized
    again."""
    from digest.boilerplate import recurring

    found = recurring(scan for s in sources if s.key in scans for scan in scans[s.key].scans)
    shared = crowded([week for s in sources if s.key in scans for week in scans[s.key].weeks]) \
        if stories else frozenset()
    keys: dict[str, tuple[str, Boilerplate, frozenset[WeekKey]]] = {}
    for source in sources:
        own: dict[str, set[int]] = {}
        for scan in scans[source.key].scans if source.key in scans else []:
            hit = scan.keys & found.get(scan.publication, frozenset())
            if hit:
                own.setdefault(scan.publication, set()).update(hit)
        weeks = frozenset(week for _, week in scans[source.key].weeks
                          if week in shared) if source.key in scans else frozenset()
        if not own and not weeks:
            keys[source.key] = (source.key, {}, weeks)
            continue
        plate = {publication: frozenset(hit) for publication, hit in own.items()}
        keys[source.key] = (digest_of(source.key, sorted((p, sorted(k)) for p, k in
                                                         plate.items()), sorted(weeks)),
                            plate, weeks)
    return keys


def _summarizing(count: int, config: Config, store: Store, report: BuildReport) -> BudgetPool:
    """The second pass's workers for `count` files (with the sentence cache when one worker
    does them all); each loads what summarizing needs as soon as it starts."""
    summaries = config.path(config.build.cache) / "summaries.json"
    parallel = worker_count(config.build.jobs) > 1 and count >= PARALLEL_MIN
    start = functools.partial(_worker_state, _extra_dirs(config), config.summary, store,
                              None if parallel else summaries)  # cached anyway when parallel
    return _pool(count, _process_in_worker, start, _save_summaries, config, report)


def _fresh_results(todo: list[Source],
                   keys: dict[str, tuple[str, Boilerplate, frozenset[WeekKey]]],
                   config: Config, store: Store, log: Log, report: BuildReport,
                   early: BudgetPool | None) -> Iterator[FileResult]:
    """Hollow results of the files not in the cache, in order, each cached as it is made;
    by `early`'s workers (started before the first pass) when they are the ones it needs."""
    _profiles(_extra_dirs(config))
    runner = _summarizing(len(todo), config, store, report)
    if early is not None and early.size == runner.size:
        runner = early
    elif early is not None:
        early.close(kill=True)
    jobs = [(s, *keys[s.key]) for s in todo]
    found = _run(jobs, runner)
    for n, (source, result) in enumerate(zip(todo, found), 1):
        log(f"summarizing {n}/{len(todo)} {source.display}")
        if isinstance(result, Failed):
            yield _skipped(source, result)
            continue
        store.note_written("files", keys[source.key][0])
        yield result


def _said(problem: Problem) -> tuple[str, str, int | None, str]:
    """A problem as it is reported: one said twice (a folder's metadata file, read with each
    of its files) is reported once."""
    return problem.path, problem.message, problem.line, problem.severity


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def build(config: Config, log: Log = lambda _: None, say: Log = _stderr) -> BuildReport:
    """Build the site; a second build of the same output or cache waits for this one
    (`say` tells why it waits)."""
    from digest.writer import lock_path

    fsops.begin()
    output = config.path(config.build.output)
    locks = sorted({config.path(config.build.cache) / "lock", lock_path(output)})
    with fsops.locked(locks, say):
        return _build(config, log, output)


def _build(config: Config, log: Log, output: Path) -> BuildReport:
    from digest import default_templates
    from digest.writer import output_intact, tidy

    began = time.perf_counter()
    report = BuildReport()
    store = Store(config.path(config.build.cache) / "build")
    tidy(output)  # what killed builds left, even when nothing changed
    state = store.load("state")
    folder, paths = _input_paths(config, report)
    listing = _listing(paths)
    # A rebuild whose files changed most often finds a few new ones: the worker that will
    # summarize them starts now, loading what it needs while this process reads the files.
    early = _early_worker(config, store, report) if state and state.get("listing") != listing \
        else None
    try:
        sources, upstream = _sources(config, folder, paths, store)
        found_problems = len(report.problems)
        templates = _templates(config)
        fingerprint = digest_of(upstream, [s.key for s in sources], repr(config.site),
                                repr(config.feed), str(output),
                                folder_fingerprint(templates or default_templates(),
                                                   contents=True))
        if state.get("fingerprint") == fingerprint and \
                output_intact(output, state.get("files", {})):
            kept: BuildReport = state["report"]
            kept.problems = list({_said(p): p for p in
                                  report.problems + store.damaged + kept.problems}.values())
            kept.unchanged, kept.written, kept.workers = True, 0, 0
            kept.search = "search index unchanged" if kept.search else ""
            kept.reused_files = kept.files
            kept.timings = {"total": time.perf_counter() - began}
            return kept

        timings = dict.fromkeys(STAGES, 0.0)
        known_scans: dict[str, FileScan] = store.load("scans")
        unscanned = sum(s.key not in known_scans for s in sources)
        if early is not None and not 0 < unscanned < PARALLEL_MIN:
            early.close(kill=True)  # not a few new files after all
            early = None
        elif early is None and 0 < unscanned < PARALLEL_MIN:
            early = _early_worker(config, store, report)
        scans, failed = _scan_sources(sources, known_scans, config, store, log, report, timings,
                                      warm=early is None)
        # not needed by an unchanged rebuild; imported while the first pass's workers read
        from digest.render import PageMemo, render_site
        from digest.search import index_pages
        from digest.segment.dedupe import cross_file_duplicates, issue_text
        from digest.stories import find_stories
        from digest.weeks import group_by_week, one_spelling
        from digest.writer import SiteWriter

        keys = _result_keys(sources, scans, config.site.stories)
        result_key = {s.key: keys[s.key][0] for s in sources}
        known: dict[str, FileResult] = store.load("hollow")
        todo = [s for s in sources if s.key not in failed and (
            result_key[s.key] not in known or not store.has_entry("files", result_key[s.key]))]
        todo_keys = {s.key for s in todo}
        fresh = _fresh_results(todo, keys, config, store, log, report, early)
        report.files, report.reused_files = len(sources), len(sources) - len(todo) - len(failed)
        hollows: dict[str, FileResult] = {}
        issues: list[Issue] = []
        digests: dict[int, IssueDigest] = {}
        for source in sources:
            if source.key in failed:
                hollow = failed[source.key]
            elif source.key in todo_keys:
                hollow = next(fresh)
                for stage, spent in hollow.timings.items():
                    timings[stage] += spent
            else:
                hollow = known[result_key[source.key]]
            hollows[source.key] = hollow
            report.problems.extend(hollow.problems)
            for kind, count in hollow.dropped.items():
                report.dropped[kind] = report.dropped.get(kind, 0) + count
            for issue, digest in zip(hollow.issues, hollow.digests):
                issues.append(issue)
                if digest is not None:
                    digests[id(issue)] = digest
        if todo:
            next(fresh, None)  # let the generator save the summary cache
        report.dropped = dict(sorted(report.dropped.items()))
        report.problems.extend(store.damaged)
        store.prune_entries("files", set(result_key.values()))
        store.prune_entries("segments", set())  # only kept from one pass to the next
        cached = Digests(store, {s.display: result_key[s.key] for s in sources})
        kept_issues, repeats = cross_file_duplicates(
            [i for i in issues if i.duplicate_of is None],
            lambda issue: issue_text(cached.file(issue.source).issues[issue.index]))
        for repeat, original in repeats:
            report.problems.append(Problem(repeat.source, f"issue “{repeat.title}” repeats "
                                           f"{original.source}: kept that copy", repeat.first_line,
                                           "info"))
        report.issues, report.duplicates = len(kept_issues), len(issues) - len(kept_issues)

        site = group_by_week(one_spelling([digests[id(i)] for i in kept_issues]))
        if config.site.stories:
            start = time.perf_counter()
            for week in site.weeks:
                week.stories = find_stories(week.issues, cached.load)
            report.stories = sum(len(w.stories) for w in site.weeks)
            timings["stories"] = time.perf_counter() - start
        start = time.perf_counter()
        memo = PageMemo(state.get("pages", {}), fragments=state.get("fragments", {}))
        writer = SiteWriter(output)
        runner = PageRunner(worker_count(config.build.jobs))
        try:
            render_site(site, config.site, config.feed, templates, memo, writer, cached.load,
                        runner, config.path(config.build.cache) / "templates")
        except BaseException:
            writer.abandon()
            raise
        if runner.started:
            report.workers = runner.workers
        timings["render"] = time.perf_counter() - start - writer.seconds
        report.pages = sum(1 for name in writer.names if name.endswith(".html"))
        search_key = None
        if config.site.search:
            start = time.perf_counter()
            search_key, report.search, problem = index_pages(writer, config.site.language,
                                                             state.get("search"),
                                                             worker_count(config.build.jobs))
            if problem:
                report.problems.append(problem)
            timings["search"] = time.perf_counter() - start
        start = time.perf_counter()
        written = writer.commit()
        timings["write"] = time.perf_counter() - start + writer.seconds
        report.written, report.unchanged = written.written, not written.swapped
        report.problems = list({_said(p): p for p in report.problems}.values())  # once each
        report.timings = {**timings, "total": time.perf_counter() - began}
        replay = copy.copy(report)  # what an unchanged rebuild reports; links are checked anew
        replay.problems = report.problems[found_problems:]
        store.save("hollow", {result_key[s.key]: hollows[s.key] for s in sources
                              if s.key not in failed})
        store.save("scans", {s.key: scans[s.key] for s in sources if s.key in scans})
        store.save_checked()
        store.save("state", {"fingerprint": fingerprint, "listing": listing,
                             "report": replay, "pages": memo.new,
                             "fragments": memo.new_fragments, "search": search_key,
                             "files": dict(writer.names)})
        return report
    finally:
        if early is not None:
            early.close(kill=True)  # those no `map` took have nothing to save


def _early_worker(config: Config, store: Store, report: BuildReport) -> BudgetPool:
    """The second pass's one worker for a few new files, started before they are known."""
    early = _summarizing(1, config, store, report)
    early.start(1)
    return early


def _templates(config: Config) -> Path | None:
    folder = config.path(config.build.templates)
    return folder if folder.is_dir() else None
