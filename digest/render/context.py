"""What every page shares while it is rendered: the site, its paths, the weeks, the
templates, and where finished files go."""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from digest.config import SiteConfig
from digest.confine import read_inside
from digest.model import IssueDigest, Week

from . import dates, stats
from .urls import Paths, absolute, relative
from .views import also_in, digest_sections, story_views

FEEDS = (("RSS", "feed.xml", "application/rss+xml"),
         ("Atom", "atom.xml", "application/atom+xml"),
         ("JSON Feed", "feed.json", "application/feed+json"))


def _template(folder: Path, name: str) -> str | None:
    """A template's text, read only from inside its folder (None when it has none)."""
    path = folder.joinpath(*name.split("/"))
    if not os.path.lexists(path):
        return None
    return read_inside(path, folder, "templates folder").decode("utf-8")


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates; a damaged file is only compiled again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unpickling or unmarshalling a damaged file can raise anything
            bucket.reset()


def environment(folders: list[Path], compiled: Path | None = None) -> jinja2.Environment:
    """Templates from the first folder that has each one (a project's own, then the default);
    with `compiled`, a folder where Jinja keeps them compiled, by their text, between builds
    (compiling them is a tenth of a second of every build and of every rendering worker)."""
    loader = jinja2.ChoiceLoader([jinja2.FunctionLoader(functools.partial(_template, f))
                                  for f in folders])
    cache = None
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
        cache = _CompiledTemplates(str(compiled))
    env = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["long_date"] = dates.long_date
    env.filters["week_span"] = dates.week_span
    env.filters["week_title"] = dates.week_title
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.tests["rtl"] = right_to_left
    return env


RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def right_to_left(language: str | None) -> bool:
    """Whether the language is written right to left (its pages then say `dir="rtl"`)."""
    return (language or "").split("-")[0].lower() in RTL


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
    compiled: Path | None = None  # where compiled templates are kept between builds

    @functools.cached_property
    def env(self) -> jinja2.Environment:
        return environment(self.folders, self.compiled)

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
        keyed = digest_keys(digests, self)
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

    def digest_view(self, week: Week, issues: list[IssueDigest],
                    whole: bool = True) -> dict[str, Any]:
        """A week's digest grouped by newsletter, as both pages and feed entries show it;
        the stories several newsletters carried open it when it is the `whole` week."""
        groups = []
        for publication, group in itertools.groupby(issues, key=lambda d: d.issue.publication):
            summaries = [{"digest": d, "issue": d.issue, "href": self.paths.issue(d.issue),
                          "sections": digest_sections(d, self.paths.issue(d.issue)),
                          "reading": stats.reading([d])} for d in group]
            groups.append({"publication": publication, "href": self.paths.newsletter(publication),
                           "issues": summaries})
        return {"week": week, "groups": groups, "reading": stats.reading(issues),
                "stories": story_views(week.stories, self.paths.issue) if whole else [],
                "also": also_in(week.stories, self.paths.issue),
                "stories_href": f"{self.paths.week(week)}#stories"}


def stories_key(week: Week | None) -> list[tuple[str, str, list[tuple[str, int, tuple[int, ...]]]]]:
    """What a page shows of a week's stories, for page reuse: a new issue joining a story
    changes every page that mentions it."""
    if week is None:
        return []
    return [(s.title, s.url, [(c.issue.source, c.issue.index, c.mention.place) for c in s.carriers])
            for s in week.stories]


def digest_keys(digests: list[IssueDigest], ctx: Context) -> list[tuple[str, str]] | None:
    if not all(d.key for d in digests):
        return None
    return [(d.key, ctx.paths.issue(d.issue)) for d in digests]
