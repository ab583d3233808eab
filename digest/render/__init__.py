"""Render: a Site in, every output file out (path -> bytes); writing is the build's business.

Pages live flat (`index.html`, `weeks/<key>.html`, `issues/<slug>.html`,
`newsletters/<slug>.html`, `archive.html`, `undated.html`, `outlets.html`, `404.html`) and
link to each other relatively, so the output works under any URL path and from disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from digest import default_templates
from digest.config import FeedConfig, SiteConfig
from digest.confine import read_inside, regular_files
from digest.model import IssueDigest, Site, Week

from . import dates
from .context import Context, Output, PageMemo, Sink, stories_key
from .feeds import Channel, Entry, feed_files
from .pages import (
    Job,
    Rendered,
    Runner,
    listing_pages,
    render_in_turn,
    render_job,
    week_and_issue_pages,
)
from .urls import Paths, absolute, issue_order

__all__ = ["Context", "Job", "PageMemo", "Rendered", "Runner", "default_templates",
           "render_in_turn", "render_job", "render_site"]


def _files(folder: Path) -> list[tuple[Path, bytes]]:
    """Every file of a templates folder; one that is a link out of it or not a regular file
    stops the build (`confine.Unsafe`): templates and static files are published."""
    found, refused = regular_files(folder, "templates folder", hidden=True)
    if refused:
        raise refused[0]
    return [(p, read_inside(p, folder, "templates folder")) for p in found]


def _fingerprint(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.as_posix(), data) for p, data in _files(folder)]


def _unique(digests: list[IssueDigest]) -> list[IssueDigest]:
    """Without duplicate issues, in a stable order."""
    return sorted((d for d in digests if d.issue.duplicate_of is None),
                  key=lambda d: issue_order(d.issue))


def render_site(site: Site, config: SiteConfig, feed: FeedConfig,
                templates: Path | None = None, memo: PageMemo | None = None,
                sink: Sink | None = None,
                load: Callable[[IssueDigest], IssueDigest] | None = None,
                runner: Runner = render_in_turn,
                compiled: Path | None = None) -> dict[str, bytes]:
    """Every file of the site, keyed by output-relative POSIX path. Writes nothing itself.

    With a `sink`, files go there one by one and an empty dict is returned. With a `memo` of
    the inputs of the last build's pages too, week and issue pages whose inputs are unchanged
    are the sink's to reuse. When the site holds hollow digests (no sections), `load` gives
    an issue's whole one; `runner` may render the week and issue pages in other processes
    (then `load` must pickle). `compiled` is a folder to keep compiled templates in.
    """
    folders = list(dict.fromkeys([templates or default_templates(), default_templates()]))
    weeks = [(w, _unique(w.issues)) for w in sorted(site.weeks, key=lambda w: w.start,
                                                      reverse=True)]
    weeks = [(w, issues) for w, issues in weeks if issues]
    undated = _unique(site.undated)
    paths = Paths([d for _, issues in weeks for d in issues] + undated)
    ctx = Context(config, paths, folders, weeks, undated, Output(sink), compiled=compiled)
    if load is not None:
        ctx.load = load
    if memo is not None and sink is not None:
        ctx.memo = memo
        salt = repr((config, [_fingerprint(f) for f in folders]))
        ctx.salt = hashlib.sha256(salt.encode()).hexdigest()

    def meanwhile() -> None:
        listing_pages(ctx)
        ctx.files.update(_feeds(ctx, feed))

    week_and_issue_pages(ctx, runner, meanwhile)
    for folder in reversed(folders):
        ctx.files.update(_static(folder / "static"))
    ctx.files["sitemap.xml"] = _sitemap(ctx)
    ctx.files["robots.txt"] = (f"User-agent: *\nAllow: /\n\n"
                               f"Sitemap: {absolute(config.base_url)('sitemap.xml')}\n").encode()
    return dict(sorted(ctx.files.kept.items()))


def _feeds(ctx: Context, feed: FeedConfig) -> dict[str, bytes]:
    site, paths = ctx.site, ctx.paths
    url = absolute(site.base_url)
    fragment = ctx.env.get_template("feed_entry.html")
    files: dict[str, bytes] = {}
    entries = []
    def entry_html(week: Week, issues: list[IssueDigest], whole: bool = True,
                   load: Callable[[IssueDigest], IssueDigest] = ctx.load) -> str:
        def make() -> str:
            view = ctx.digest_view(week, [load(d) for d in issues], whole)
            return fragment.render(url=url, site=site, **view)

        return ctx.fragment(make, issues, week.key, whole, stories_key(week))

    dated = [d for _, issues in ctx.weeks for d in issues]
    week_of = {id(d): week for week, issues in ctx.weeks for d in issues}
    newest = {publication: sorted((d for d in dated if d.issue.publication == publication),
                                  key=lambda d: issue_order(d.issue), reverse=True)[: feed.entries]
              for publication in sorted({d.issue.publication for d in dated + ctx.undated})}
    in_feeds = {id(d) for own in newest.values() for d in own}
    issue_html: dict[int, str] = {}
    for week, issues in ctx.weeks[: feed.entries]:
        load = _loading_once(ctx.load)  # the week's digests, read once for both feeds
        titles = "; ".join(d.issue.title for d in issues)
        entries.append(Entry(f"{dates.week_title(week)} ({dates.week_span(week)})",
                             url(paths.week(week)),
                             max(d.issue.date for d in issues if d.issue.date), titles,
                             entry_html(week, issues, load=load)))
        issue_html.update((id(d), entry_html(week, [d], False, load))
                          for d in issues if id(d) in in_feeds)
    channel = Channel(site.title, site.description, url("index.html"), "feed.xml", "atom.xml",
                      "feed.json")
    files.update(feed_files(channel, entries, site, feed, url("")))
    for publication, own in newest.items():
        entries = []
        for d in own:
            html = issue_html[id(d)] if id(d) in issue_html else \
                entry_html(week_of[id(d)], [d], False)
            entries.append(Entry(d.issue.title, url(paths.issue(d.issue)), d.issue.date,
                                 d.issue.dek or d.issue.title, html))
        channel = Channel(f"{publication} — {site.title}",
                          f"Summaries of {publication}, an issue per entry.",
                          url(paths.newsletter(publication)),
                          paths.newsletter(publication, ".xml"),
                          paths.newsletter(publication, ".atom.xml"),
                          paths.newsletter(publication, ".json"))
        files.update(feed_files(channel, entries, site, feed, url("")))
    return files


def _loading_once(load: Callable[[IssueDigest], IssueDigest]
                  ) -> Callable[[IssueDigest], IssueDigest]:
    """`load`, reading each digest at most once (reading a whole digest back is costly)."""
    loaded: dict[int, IssueDigest] = {}

    def once(digest: IssueDigest) -> IssueDigest:
        if id(digest) not in loaded:
            loaded[id(digest)] = load(digest)
        return loaded[id(digest)]

    return once


def _static(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {"static/" + p.relative_to(folder).as_posix(): data for p, data in _files(folder)}


def _sitemap(ctx: Context) -> bytes:
    url = absolute(ctx.site.base_url)
    pages = sorted(p for p in ctx.files if p.endswith(".html") and p != "404.html")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{_xml(url(p))}</loc></url>" for p in pages]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
