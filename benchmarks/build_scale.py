"""Build time and memory of `digest build` at scale, side by side with Pelican and stock sumy.

    pip install -e '.[bench]'
    python benchmarks/build_scale.py [--runs N] [--corpus-a PATH] [--skip-b] [--skip-pelican]
                                     [--quick] [--extras | --extras-only]

Corpus A: the This Week in Rust archive (default ../shared/corpora/this-week-in-rust from the
repo) but its newest issue, plus seeds/; after a cold and an unchanged build, that newest
issue is added (a weekly build's work), then a copy of it dated a week later. Corpus B:
5,000 issues made from the archive with shifted dates. Both are
generated into a temp folder. --extras adds cold builds of corpus A with stories and search
both on and both off, back to back in each run (--extras-only: those alone), to show what the
two add (the ratio of their medians, the median of each run's own ratio, and the share of the
two stages in the "on" builds' own time). Every build
runs as a subprocess; wall time includes start-up (digest's modules are byte-compiled first,
as an installed package's are) and peak RSS sums the process and its
workers (psutil polling). Prints a Markdown table of medians of --runs runs (peak RSS: the
largest of the runs), the CPU time of corpus A's cold build by kind of process (the build,
each pool of workers, Pagefind), the ratios, and the targets; always exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
STAGES = ("ingest", "segment", "summarize", "render", "write", "stories", "search")
ADDED = ("add one issue", "add a copy of it")
# Each poll lists the process tree, which reads every process's /proc entry: about 2 ms of a
# core here, a tenth of one at a 20 ms interval, taken from a build that keeps every core busy
# (and not from Pelican, which uses one).
POLL = 0.05
PROBLEM = re.compile(r": (info|warning|error): (.*)$")
PELICAN_CONF = """\
PATH = {content!r}
SITENAME = "bench"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
CACHE_PATH = {cache!r}
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
"""


@dataclass
class Run:
    seconds: float
    rss_mb: float | None
    cpu: float | None = None  # user + system seconds of the process and its workers
    stages: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    summary: str = ""
    processes: list[Group] = field(default_factory=list)  # CPU by kind of process


@dataclass
class Group:
    """Processes of one kind in a build, and the CPU seconds they spent."""

    label: str
    count: int
    started: float  # seconds after the build started, its first process
    cpu: float


@dataclass
class Row:
    corpus: str
    tool: str
    case: str
    runs: list[Run]

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float | None:
        values = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(values) if values else None

    @property
    def rss_mb(self) -> float | None:
        values = [r.rss_mb for r in self.runs if r.rss_mb is not None]
        return max(values) if values else None

    def stage(self, name: str) -> float | None:
        values = [r.stages[name] for r in self.runs if name in r.stages]
        return statistics.median(values) if values else None

    @property
    def other(self) -> float | None:
        """Wall time outside the build's own total: start-up, imports, config, reporting."""
        values = [r.seconds - r.stages.get("total", sum(r.stages.values()))
                  for r in self.runs if r.stages]
        return statistics.median(values) if values else None


def run(cmd: list[str], cwd: Path) -> tuple[Run, str, str]:
    """Run a command to completion: its wall time, the peak of the summed RSS of it and its
    worker processes and the CPU time of each (psutil, polled every POLL seconds), stdout and
    stderr."""
    import psutil

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        env = dict(os.environ, PYTHONPATH=str(REPO), CI="1")
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=env)
        tree, peak = psutil.Process(proc.pid), 0
        seen: dict[int, Seen] = {}
        while proc.poll() is None:
            with contextlib.suppress(psutil.Error):  # a worker ended while being read
                processes = [tree, *tree.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in processes))
                for process in processes:
                    _note(process, seen)
            time.sleep(POLL)
        seconds = time.perf_counter() - start
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    rss = peak / 2**20
    print(f"  {cmd[2]}: {seconds:.2f} s, {cpu:.2f} s CPU, {rss:.0f} MB", file=sys.stderr,
          flush=True)
    if proc.returncode:
        print(f"  {cmd[2]} exited {proc.returncode}: {stderr.strip()[-500:]}", file=sys.stderr)
    return Run(seconds, rss, cpu, processes=by_process(proc.pid, seen, cpu)), stdout, stderr


@dataclass
class Seen:
    """A process as last polled: when it started (seconds since the epoch), its name, and
    the CPU time it had spent by then."""

    started: float
    name: str
    cpu: float


def _note(process: Any, seen: dict[int, Seen]) -> None:
    import psutil

    with contextlib.suppress(psutil.Error), process.oneshot():
        times = process.cpu_times()
        seen[process.pid] = Seen(process.create_time(), process.name(), times.user + times.system)


POOL_GAP = 0.5  # worker processes started within this many seconds of a pool's first join it


def by_process(root: int, seen: dict[int, Seen], total: float) -> list[Group]:
    """CPU seconds by kind of process: the build's own, each pool of its Python workers (a
    cold build of many files starts three: reading and segmenting, summarizing, rendering
    pages), Pagefind's runs, and what polling did not see (processes that lived less than a
    poll, and what each spent after its last one)."""
    if root not in seen:
        return []
    began = seen[root].started
    groups = [Group("build process", 1, 0.0, seen[root].cpu)]
    pagefind = [s for s in seen.values() if "pagefind" in s.name]
    workers = sorted((s for pid, s in seen.items() if pid != root and "pagefind" not in s.name),
                     key=lambda s: s.started)
    pools: list[list[Seen]] = []
    for worker in workers:
        if pools and worker.started - pools[-1][0].started <= POOL_GAP:
            pools[-1].append(worker)
        else:
            pools.append([worker])
    for n, pool in enumerate(pools, 1):
        groups.append(Group(f"workers, pool {n}", len(pool), pool[0].started - began,
                            sum(s.cpu for s in pool)))
    if pagefind:
        groups.append(Group("Pagefind", len(pagefind), min(s.started for s in pagefind) - began,
                            sum(s.cpu for s in pagefind)))
    groups.append(Group("not seen by polling", 0, 0.0, total - sum(g.cpu for g in groups)))
    return groups


def digest_build(config: Path) -> Run:
    cmd = [sys.executable, "-m", "digest", "build", "-v", "--config", str(config)]
    result, stdout, stderr = run(cmd, config.parent)
    for line in stdout.splitlines():
        if line.startswith("built "):
            result.summary = line
        if line.startswith("  time: "):
            for part in line[len("  time: "):].split(", "):
                name, value = part.rsplit(" ", 1)
                result.stages[name] = float(value.rstrip("s"))
            print(line, file=sys.stderr, flush=True)
    result.problems = [m.group(1) + ": " + m.group(2)
                       for m in map(PROBLEM.search, stderr.splitlines()) if m]
    return result


def digest_cycle(corpus: Path, work: Path, extra: list[Path]) -> dict[str, Run]:
    """Cold build (fresh output and cache), no-change rebuild, then a rebuild after adding
    each file of `extra` in turn (issue files outside `corpus`, moved in for those builds and
    back out afterwards): the held-back newest issue, then a copy of it."""
    work.mkdir(parents=True)
    config = work / "digest.toml"
    config.write_text(f'[build]\ninput = "{corpus}"\noutput = "{work / "output"}"\n'
                      f'cache = "{work / "cache"}"\n', encoding="utf-8")
    runs = {"cold": digest_build(config), "no change": digest_build(config)}
    added: list[tuple[Path, Path]] = []
    try:
        for path, case in zip(extra, ADDED, strict=False):
            added.append((path, corpus / path.name))
            path.rename(corpus / path.name)
            runs[case] = digest_build(config)
    finally:
        for outside, inside in added:
            inside.rename(outside)
    return runs


def extras_cold(corpus: Path, work: Path, on: bool) -> Run:
    """A cold build of `corpus` with stories and search both on, or both off."""
    work.mkdir(parents=True)
    config = work / "digest.toml"
    flag = "true" if on else "false"
    config.write_text(f'[build]\ninput = "{corpus}"\noutput = "{work / "output"}"\n'
                      f'cache = "{work / "cache"}"\n[site]\nstories = {flag}\n'
                      f'search = {flag}\n', encoding="utf-8")
    return digest_build(config)


def pelican_cycle(content: Path, work: Path) -> dict[str, Run]:
    """Pelican with its content cache: cold (empty cache and output), then cached."""
    work.mkdir(parents=True)
    conf = work / "pelicanconf.py"
    conf.write_text(PELICAN_CONF.format(content=str(content), cache=str(work / "cache")),
                    encoding="utf-8")
    cmd = [sys.executable, "-m", "pelican", "-s", str(conf), "-o", str(work / "output"), "-q"]
    return {case: run(cmd, work)[0] for case in ("cold", "cached")}


def stock_summarize(corpus: Path) -> tuple[float, int]:
    """sumy LexRank over each whole issue of `corpus` (as digest segments it), with digest's
    tokenizer and its lead budget; seconds (imports excluded) and the number of issues."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from digest.ingest import read_file
    from digest.segment import load_profiles, segment_document
    from digest.segment.dedupe import issue_text
    from digest.summarize import DigestTokenizer, SummaryConfig
    from digest.summarize.policy import budget
    from digest.summarize.tokenizer import _split_line

    generic, profiles = load_profiles([])
    texts = [issue_text(issue) for path in sorted(corpus.iterdir()) if path.name !=
             "metadata.toml" for issue in segment_document(read_file(path), generic, profiles)[0]
             if issue.duplicate_of is None]
    _split_line.cache_clear()
    lead = SummaryConfig().roles["lead"]
    start = time.perf_counter()
    tokenizer, summarizer = DigestTokenizer(), LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    for text in texts:
        document = PlaintextParser.from_string(text, tokenizer).document
        summarizer(document, budget(lead, len(document.sentences)))
    return time.perf_counter() - start, len(texts)


def fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    lines = ["| corpus | tool | case | wall s | CPU s | peak RSS MB | " + " | ".join(STAGES)
             + " | other |",
             "| --- | --- | --- | ---: | ---: | ---: |" + " ---: |" * (len(STAGES) + 1)]
    for row in rows:
        stages = " | ".join(fmt(v) for v in [*map(row.stage, STAGES), row.other])
        lines.append(f"| {row.corpus} | {row.tool} | {row.case} | {row.seconds:.2f} | "
                     f"{fmt(row.cpu)} | {fmt(row.rss_mb, 0)} | {stages} |")
    return "\n".join(lines)


def process_table(runs: list[Run]) -> str:
    """Medians of each kind of process over the runs (those whose processes came out in the
    same groups as the first run's)."""
    labels = [g.label for g in runs[0].processes]
    alike = [r.processes for r in runs if [g.label for g in r.processes] == labels]
    total = statistics.median(r.cpu or 0.0 for r in runs)
    lines = ["| process | count | started at s | CPU s | share |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for n, label in enumerate(labels):
        cpu = statistics.median(g[n].cpu for g in alike)
        started = statistics.median(g[n].started for g in alike)
        count = alike[0][n].count
        lines.append(f"| {label} | {count or '–'} | {fmt(started) if count else '–'} | "
                     f"{cpu:.2f} | {cpu / total:.1%} |")
    lines.append(f"| all (getrusage) | | | {total:.2f} | |")
    return "\n".join(lines) + f"\n\n{len(alike)} of {len(runs)} runs grouped alike."


def verdicts(rows: list[Row], stock: float | None) -> list[str]:
    """The ratios and each target, met or missed (targets are reported here, never tested)."""
    find = {(r.corpus.split(":")[0], r.tool, r.case): r for r in rows}
    out = []

    def ratio(label: str, num: Row | None, den: Row | None, limit: float | None) -> None:
        if num is None or den is None:
            return
        value = num.seconds / den.seconds
        verdict = "" if limit is None else f" (target ≤ {limit}: {_met(value <= limit)})"
        out.append(f"- {label}: {value:.2f}{verdict}")

    ratio("A cold build, digest / Pelican cold", find.get(("A", "digest", "cold")),
          find.get(("A", "Pelican 4.12", "cold")), 0.5)
    cold, pelican = find.get(("A", "digest", "cold")), find.get(("A", "Pelican 4.12", "cold"))
    if cold and pelican and cold.cpu and pelican.cpu:
        out.append(f"- A cold build CPU time (user + system, workers included), digest / "
                   f"Pelican: {cold.cpu / pelican.cpu:.2f} (what wall time tends to on a "
                   "machine whose cores other work keeps busy)")
    ratio("A no-change rebuild, digest / Pelican cached", find.get(("A", "digest", "no change")),
          find.get(("A", "Pelican 4.12", "cached")), 0.2)
    cold = find.get(("A", "digest", "cold"))
    if cold and stock and cold.stage("summarize") is not None:
        out.append(f"- A summarize stage, digest cold / stock sumy LexRank ({stock:.2f} s): "
                   f"{cold.stage('summarize') / stock:.2f}")
    if add := find.get(("A", "digest", "add one issue")):
        out.append(f"- A add one issue (the newest, held back): {add.seconds:.2f} s "
                   f"(target ≤ 1 s: {_met(add.seconds <= 1)})")
    if copy := find.get(("A", "digest", "add a copy of it")):
        out.append(f"- A add a copy of that issue, a week later: {copy.seconds:.2f} s (its "
                   "paragraphs all repeat, so older issues that share them are read again)")
    if b := find.get(("B", "digest", "cold")):
        out.append(f"- B cold build: {b.seconds:.1f} s (target ≤ 30 s: {_met(b.seconds <= 30)})")
        if b.rss_mb is not None:
            out.append(f"- B cold build peak RSS: {b.rss_mb:.0f} MB (target ≤ 300 MB: "
                       f"{_met(b.rss_mb <= 300)})")
    return out


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def problems(rows: list[Row]) -> list[str]:
    """The problems each cold digest build printed, counted by kind (file names left out)."""
    out = []
    for row in rows:
        if row.tool != "digest" or row.case != "cold" or not row.runs[0].problems:
            continue
        counts = Counter(re.sub(r"“[^”]*”|\d+", "…", p) for p in row.runs[0].problems)
        out.append(f"- {row.corpus}, {row.case}: {len(row.runs[0].problems)} problems")
        out.extend(f"  - {n} × {kind}" for kind, n in counts.most_common(8))
    return out


def _byte_compile() -> None:
    """Byte-compile digest's modules into `__pycache__`, as pip does for an installed package
    (Pelican's included). An editable install compiles them on first import, except where
    PYTHONDONTWRITEBYTECODE is set: then every build, and every worker, would compile them
    again, a tenth of a second that no installed copy spends."""
    import compileall

    compileall.compile_dir(REPO / "digest", quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, help="runs per measurement (default 3; 1 if --quick)")
    parser.add_argument("--corpus-a", type=Path,
                        default=_corpus.shared("corpora/this-week-in-rust"),
                        help="the This Week in Rust Markdown folder (default: "
                             "../shared/corpora/this-week-in-rust, when it exists)")
    parser.add_argument("--skip-b", action="store_true", help="skip the 5,000-issue corpus")
    parser.add_argument("--skip-pelican", action="store_true", help="skip Pelican")
    parser.add_argument("--quick", action="store_true", help="60 issues for A, 500 for B")
    parser.add_argument("--extras", action="store_true",
                        help="also: A cold with stories and search on, and off")
    parser.add_argument("--extras-only", action="store_true",
                        help="only that comparison (no Pelican, stock sumy or corpus B)")
    args = parser.parse_args(argv)
    if args.extras_only:
        args.extras = args.skip_b = args.skip_pelican = True
    runs = args.runs or (1 if args.quick else 3)
    load = os.getloadavg()[0]
    _byte_compile()
    if args.corpus_a is None:
        parser.error("give --corpus-a: ../shared/corpora/this-week-in-rust is not there")
    files = _corpus.markdown_files(args.corpus_a, 60 if args.quick else None)
    size_b = 500 if args.quick else 5000
    rows: list[Row] = []
    stock: list[float] = []

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        tmp_path = Path(tmp)
        files, newest = _corpus.hold_back_newest(files)
        a = _corpus.corpus_a(files, REPO / "seeds", tmp_path / "corpus-a")
        pelican_content = tmp_path / "pelican-content"
        _corpus.copy_files(files, pelican_content)
        _corpus.copy_files([newest], tmp_path / "newest")
        extra = [tmp_path / "newest" / newest.name,
                 _corpus.copy_a_week_later(newest, tmp_path / "newest")]
        b = None if args.skip_b else _corpus.corpus_b(files, size_b, tmp_path / "corpus-b")
        label_a = f"A: {len(files)} TWIR + seeds"
        cycles: dict[tuple[str, str], list[dict[str, Run]]] = {}
        extras: dict[bool, list[Run]] = {True: [], False: []}
        for n in range(runs):
            if args.extras:
                for on in ((True, False) if n % 2 == 0 else (False, True)):
                    log(f"run {n + 1}/{runs}: corpus A cold, stories and search "
                        f"{'on' if on else 'off'}")
                    extras[on].append(extras_cold(a, tmp_path / f"extras-{on}-{n}", on))
            if args.extras_only:
                continue
            log(f"run {n + 1}/{runs}: digest on corpus A")
            cycles.setdefault((label_a, "digest"), []).append(
                digest_cycle(a, tmp_path / f"digest-a-{n}", extra))
            if not args.skip_pelican:
                log(f"run {n + 1}/{runs}: Pelican on corpus A's Markdown")
                cycles.setdefault((f"A: {len(files)} TWIR (Markdown only)", "Pelican 4.12"),
                                  []).append(pelican_cycle(pelican_content,
                                                           tmp_path / f"pelican-{n}"))
            log(f"run {n + 1}/{runs}: stock sumy LexRank on corpus A")
            seconds, issues = stock_summarize(a)
            stock.append(seconds)
            if b is not None:
                log(f"run {n + 1}/{runs}: digest on corpus B")
                cycles.setdefault((f"B: {size_b} TWIR copies", "digest"), []).append(
                    digest_cycle(b, tmp_path / f"digest-b-{n}", []))
        for (corpus, tool), per_run in cycles.items():
            for case in per_run[0]:
                rows.append(Row(corpus, tool, case, [r[case] for r in per_run]))
        if not args.extras_only:
            rows.append(Row(label_a, "stock sumy LexRank", f"summarize {issues} issues",
                            [Run(s, None) for s in stock]))
        for on in (True, False):
            if extras[on]:
                rows.append(Row(label_a, "digest", "cold, stories and search " +
                                ("on" if on else "off"), extras[on]))

    print(f"## digest build at scale ({runs} runs each: wall time and stage times are medians, "
          f"peak RSS the largest; {os.cpu_count()} cores, load average {load:.1f} before and "
          f"{os.getloadavg()[0]:.1f} after)\n")
    print(table(rows))
    print("\nCPU s = user + system time of the build and its worker processes (from "
          "getrusage), steadier than wall time when other work shares the cores. "
          "Stage columns come from `digest build -v` (stages run in worker processes add up "
          "their time across workers); other = wall − the build's total (start-up, imports). "
          "Pelican reads only the TWIR Markdown (it cannot read the plain-text seeds). Stock "
          "sumy runs in-process (no RSS; imports and segmentation excluded). Corpus B repeats "
          "A's text, so its cold build may reuse cached summaries of repeated sections.\n")
    for row in rows:
        if row.tool == "digest" and row.runs[0].summary:
            summary = re.sub(r" into \S+ ", " ", row.runs[0].summary)
            print(f"- {row.corpus}, {row.case}: {summary}")
    if cold := next((r for r in rows if r.tool == "digest" and r.case == "cold"), None):
        print(f"\n### {cold.corpus}, cold build: CPU by process\n")
        print(process_table(cold.runs))
    print("\n### Ratios and targets\n")
    print("\n".join(verdicts(rows, statistics.median(stock) if stock else None)))
    if extras[True] and extras[False]:
        on, off = (statistics.median(r.seconds for r in extras[k]) for k in (True, False))
        print(f"- A cold build, stories and search on / off: {on / off:.3f} (+{on - off:.2f} s;"
              f" target < 1.10: {_met(on / off < 1.10)})")
        print(f"  - each run's pair (on and off built back to back), median of their ratios: "
              f"{_paired(extras, lambda r: r.seconds):.3f} wall, "
              f"{_paired(extras, lambda r: r.cpu):.3f} CPU")
        share = _extras_share(extras[True])
        print(f"  - within each \"on\" build, the stories and search stages' share of its time"
              f" (median): {share:.1%}, so at least {1 / (1 - share):.3f} of the same build"
              f" without them, whatever the host does between builds")
    if found := problems(rows):
        print("\n### Problems printed by digest build (first run)\n")
        print("\n".join(found))
    return 0


def _paired(extras: dict[bool, list[Run]], measure: Callable[[Run], float | None]) -> float:
    """The median of each run's on/off ratio: a slow spell of the host that takes a whole run
    slows both builds of its pair, where the medians of all on and all off builds can fall
    in different spells."""
    ratios = [measure(on) / measure(off) for on, off in zip(extras[True], extras[False],
                                                             strict=True)
              if measure(on) and measure(off)]
    return statistics.median(ratios) if ratios else float("nan")


def _extras_share(runs: list[Run]) -> float:
    """The median share of the stories and search stages (both run in the build process, after
    the others) in the build's own total: measured inside one build, so the host's slow spells
    between builds, which move the on / off ratio by a tenth and more, do not enter it."""
    shares = [(r.stages.get("stories", 0) + r.stages.get("search", 0)) / r.stages["total"]
              for r in runs if r.stages.get("total")]
    return statistics.median(shares) if shares else float("nan")


if __name__ == "__main__":
    sys.exit(main())
