"""The HTML pages, each rendered from a Jinja2 template with links relative to itself."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from digest.config import SiteConfig
from digest.model import IssueDigest, Week

from . import dates, stats
from .urls import Paths, absolute, issue_order, relative
from .views import digest_sections, issue_sections

FEEDS = (("RSS", "feed.xml", "application/rss+xml"),
         ("Atom", "atom.xml", "application/atom+xml"),
         ("JSON Feed", "feed.json", "application/feed+json"))


def environment(folders: list[Path]) -> jinja2.Environment:
    """Templates from the first folder that has each one (a project's own, then the default)."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders])
    env = jinja2.Environment(loader=loader, autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["long_date"] = dates.long_date
    env.filters["week_span"] = dates.week_span
    env.filters["week_title"] = dates.week_title
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


@dataclass
class PageMemo:
    """The hash of each page's inputs at the last build, and at this one (`new`)."""

    old: dict[str, str] = field(default_factory=dict)
    new: dict[str, str] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)  # feed entries, by their inputs
    new_fragments: dict[str, str] = field(default_factory=dict)


class Sink(Protocol):
    """Where finished files go: `put` a file, or `reuse` the last build's copy if it has one."""

    def put(self, name: str, data: bytes) -> None: ...

    def reuse(self, name: str) -> bool: ...


class Output:
    """The files made so far, by name; with a sink, their bytes go there and are not kept."""

    def __init__(self, sink: Sink | None = None) -> None:
        self.sink = sink
        self.kept: dict[str, bytes] = {}
        self.names: set[str] = set()

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.names))

    def __setitem__(self, name: str, data: bytes) -> None:
        self.names.add(name)
        if self.sink is None:
            self.kept[name] = data
        else:
            self.sink.put(name, data)

    def update(self, files: dict[str, bytes]) -> None:
        for name, data in files.items():
            self[name] = data

    def reuse(self, name: str) -> bool:
        if self.sink is None or name in self.names or not self.sink.reuse(name):
            return False
        self.names.add(name)
        return True


@dataclass
class Context:
    """What every page shares: the site, the paths, the issues and weeks to show.

    The site may hold hollow digests (no sections): `load` gives the whole digest that week
    pages, issue pages and feeds show. A context pickles without its output, so that worker
    processes can render pages.
    """

    site: SiteConfig
    paths: Paths
    folders: list[Path]  # template folders, first one wins
    weeks: list[tuple[Week, list[IssueDigest]]]
    undated: list[IssueDigest]
    files: Output = field(default_factory=Output)
    memo: PageMemo = field(default_factory=PageMemo)
    load: Callable[[IssueDigest], IssueDigest] = lambda digest: digest
    salt: str = ""  # hash of the templates and settings every page depends on

    @functools.cached_property
    def env(self) -> jinja2.Environment:
        return environment(self.folders)

    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items() if k != "env"}
        return {**state, "files": Output(), "memo": PageMemo()}

    def reuse(self, page: str, *inputs: object) -> str | None:
        """Reuse a page made from the same inputs last time; else the key to store it under.

        Only digests the build has keyed (IssueDigest.key) make a page reusable.
        """
        if not self.salt:
            return None
        key = hashlib.sha256(repr((self.salt, page, inputs)).encode()).hexdigest()[:32]
        if self.memo.old.get(page) == key and self.files.reuse(page):
            self.memo.new[page] = key
            return None
        return key

    def fragment(self, make: Callable[[], str], digests: list[IssueDigest],
                  *inputs: object) -> str:
        """A feed entry's HTML, made again only when its digests or settings changed."""
        keyed = _keyed(digests, self)
        if not self.salt or keyed is None:
            return make()
        key = hashlib.sha256(repr((self.salt, keyed, inputs)).encode()).hexdigest()[:32]
        html = self.memo.fragments.get(key)
        self.memo.new_fragments[key] = html if html is not None else make()
        return self.memo.new_fragments[key]

    def html(self, template: str, page: str, url: Callable[[str], str] | None = None,
             **values: Any) -> bytes:
        """`template` rendered as the output file `page`."""
        link = url or relative(page)
        return self.env.get_template(template).render(
            site=self.site, page=page, url=link, canonical=absolute(self.site.base_url)(page),
            feeds=FEEDS, paths=self.paths, has_undated=bool(self.undated), **values,
        ).encode("utf-8")

    def render(self, template: str, page: str, url: Callable[[str], str] | None = None,
               key: str | None = None, **values: Any) -> None:
        """Render `template` into the output file `page` (and remember it under `key`)."""
        self.put(page, key, self.html(template, page, url, **values))

    def put(self, page: str, key: str | None, data: bytes) -> None:
        self.files[page] = data
        if key:
            self.memo.new[page] = key

    def digest_view(self, week: Week, issues: list[IssueDigest]) -> dict[str, Any]:
        """A week's digest grouped by newsletter, as both pages and feed entries show it."""
        groups = []
        for publication, group in itertools.groupby(issues, key=lambda d: d.issue.publication):
            summaries = [{"digest": d, "issue": d.issue, "href": self.paths.issue(d.issue),
                          "sections": digest_sections(d, self.paths.issue(d.issue)),
                          "reading": stats.reading([d])} for d in group]
            groups.append({"publication": publication, "href": self.paths.newsletter(publication),
                           "issues": summaries})
        return {"week": week, "groups": groups, "reading": stats.reading(issues)}


def _keyed(digests: list[IssueDigest], ctx: Context) -> list[tuple[str, str]] | None:
    if not all(d.key for d in digests):
        return None
    return [(d.key, ctx.paths.issue(d.issue)) for d in digests]


@dataclass
class Job:
    """Pages of one week to make: its own, the home page's for the newest week, and those of
    its issues (`week` None: an undated issue's). Each page is (template, page, memo key,
    position of its issue in the week, or None for a week page)."""

    week: int | None
    pages: list[tuple[str, str, str | None, int | None]] = field(default_factory=list)


Rendered = tuple[str, str | None, bytes]  # page, memo key, bytes
# Renders jobs, calling `meanwhile` once before its first result (a runner that hands the
# jobs to other processes calls it as soon as they are under way).
Runner = Callable[[Context, list[Job], Callable[[], None]], Iterable[Rendered]]


def page_jobs(ctx: Context) -> list[Job]:
    """The week, home and issue pages to render: those whose inputs changed since the last
    build (the rest are taken from it now)."""
    jobs = []
    for n, (week, issues) in enumerate(ctx.weeks):
        job = Job(n)
        keyed = _keyed(issues, ctx)
        newer, older = _neighbours(ctx, n)
        around = (week.key, newer and newer.key, older and older.key)
        pages = [("week.html", ctx.paths.week(week))]
        if n == 0:
            pages.append(("index.html", "index.html"))
        for template, page in pages:
            key = ctx.reuse(page, keyed, around) if keyed else None
            if page not in ctx.files:
                job.pages.append((template, page, key, None))
        for i, digest in enumerate(issues):
            job.pages += _issue_page(ctx, digest, week, i)
        jobs += [job] if job.pages else []
    for i, digest in enumerate(ctx.undated):
        job = Job(None, _issue_page(ctx, digest, None, i))
        jobs += [job] if job.pages else []
    return jobs


def _neighbours(ctx: Context, n: int) -> tuple[Week | None, Week | None]:
    newer = ctx.weeks[n - 1][0] if n > 0 else None
    older = ctx.weeks[n + 1][0] if n + 1 < len(ctx.weeks) else None
    return newer, older


def _issue_page(ctx: Context, digest: IssueDigest, week: Week | None,
                i: int) -> list[tuple[str, str, str | None, int | None]]:
    """The issue's page, unless it is taken from the last build."""
    page = ctx.paths.issue(digest.issue)
    key = None
    if digest.key and ctx.salt:
        key = ctx.reuse(page, digest.key, week and ctx.paths.week(week),
                        ctx.paths.newsletter(digest.issue.publication))
        if key is None:
            return []
    return [("issue.html", page, key, i)]


def render_job(ctx: Context, job: Job) -> list[Rendered]:
    """The pages of one job, rendered (in whichever process holds the context)."""
    week, issues = ctx.weeks[job.week] if job.week is not None else (None, ctx.undated)
    loaded: dict[int, IssueDigest] = {}

    def digest(i: int) -> IssueDigest:
        if i not in loaded:
            loaded[i] = ctx.load(issues[i])
        return loaded[i]

    done = []
    for template, page, key, i in job.pages:
        if i is not None:
            whole = digest(i)
            values = {"issue": whole.issue, "week": week, "sections": issue_sections(whole),
                      "reading": stats.reading([whole])}
        else:
            assert job.week is not None and week is not None
            newer, older = _neighbours(ctx, job.week)
            view = ctx.digest_view(week, [digest(n) for n in range(len(issues))])
            values = {**view, "older": older, "newer": newer if template == "week.html" else None}
        done.append((page, key, ctx.html(template, page, **values)))
    return done


def render_in_turn(ctx: Context, jobs: list[Job],
                   meanwhile: Callable[[], None]) -> Iterator[Rendered]:
    """The default runner: every job in this process, one after another."""
    meanwhile()
    for job in jobs:
        yield from render_job(ctx, job)


def week_and_issue_pages(ctx: Context, runner: Runner = render_in_turn,
                         meanwhile: Callable[[], None] = lambda: None) -> None:
    """Every week page, the home page and every issue page: made, or reused; `meanwhile`
    makes the other pages while a runner's workers are busy."""
    for page, key, data in runner(ctx, page_jobs(ctx), meanwhile):
        ctx.put(page, key, data)
    if not ctx.weeks:
        ctx.render("index.html", "index.html", week=None, groups=[], reading=None,
                   newer=None, older=None)


def listing_pages(ctx: Context) -> None:
    """Archive by year, undated issues, a page per newsletter, and the outlets table."""
    years = [(year, list(group)) for year, group in
             itertools.groupby(ctx.weeks, key=lambda pair: pair[0].year)]
    newsletters = _newsletters(ctx)
    ctx.render("archive.html", "archive.html", years=years, newsletters=newsletters,
               reading=stats.reading(d for _, issues in ctx.weeks for d in issues))
    if ctx.undated:
        ctx.render("undated.html", "undated.html", issues=ctx.undated)
    for publication, issues in newsletters:
        ctx.render("newsletter.html", ctx.paths.newsletter(publication), publication=publication,
                   issues=issues, reading=stats.reading(issues))
    everything = [d for _, issues in ctx.weeks for d in issues] + ctx.undated
    rows = stats.outlets(everything)
    weekly = [(week, stats.outlets(issues)) for week, issues in ctx.weeks]
    ctx.render("outlets.html", "outlets.html", rows=rows, total=stats.total(rows),
               weekly=[(w, r, stats.total(r)) for w, r in weekly if r])
    ctx.render("404.html", "404.html", url=absolute(ctx.site.base_url))


def _newsletters(ctx: Context) -> list[tuple[str, list[IssueDigest]]]:
    """Each newsletter with its issues, newest first and undated ones last."""
    every = [d for _, issues in ctx.weeks for d in issues] + ctx.undated
    by_name: dict[str, list[IssueDigest]] = {}
    for digest in sorted(every, key=lambda d: issue_order(d.issue)):
        by_name.setdefault(digest.issue.publication, []).append(digest)
    result = []
    for name in sorted(by_name, key=lambda p: (p.casefold(), p)):
        dated = [d for d in by_name[name] if d.issue.date]
        result.append((name, dated[::-1] + [d for d in by_name[name] if not d.issue.date]))
    return result
