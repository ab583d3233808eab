"""The HTML pages, each rendered from a Jinja2 template with links relative to itself.

Week, home and issue pages are planned as jobs, so that a runner may render them in other
processes; the listing pages are made in this one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from digest.model import IssueDigest, Week

from . import stats
from .context import Context, digest_keys, stories_key
from .text import safe_url
from .urls import absolute, issue_order
from .views import also_in, issue_sections, linked_ids


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
        keyed = digest_keys(issues, ctx)
        newer, older = _neighbours(ctx, n)
        around = (week.key, newer and newer.key, older and older.key, stories_key(week))
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
                        ctx.paths.newsletter(digest.issue.publication), stories_key(week))
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
            mark = page + "#"
            also = {href[len(mark):]: others for href, others in
                    also_in(week.stories if week else [], ctx.paths.issue).items()
                    if href.startswith(mark)}
            sections = issue_sections(whole, linked_ids(whole) | also.keys())
            values = {"issue": whole.issue, "week": week, "sections": sections,
                      "original": safe_url(whole.issue.address) if whole.issue.address else None,
                      "reading": stats.reading([whole]), "also": also,
                      "stories_href": f"{ctx.paths.week(week)}#stories" if week else ""}
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
                   newer=None, older=None, stories=[], also={}, stories_href="")


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
    rows = stats.outlets(everything, [s for week, _ in ctx.weeks for s in week.stories])
    weekly = [(week, stats.outlets(issues, week.stories)) for week, issues in ctx.weeks]
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
