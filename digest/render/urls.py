"""Slugs and output paths: flat files, relative links from each page, absolute ones for feeds."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from digest.model import Issue, IssueDigest, Week
from digest.textwords import to_ascii

SLUG_LIMIT = 80


def slugify(text: str, fallback: str = "x", limit: int = SLUG_LIMIT) -> str:
    """In ASCII (`textwords.to_ascii`), lowercase `[a-z0-9-]`, hyphens collapsed, cut at a
    hyphen; never empty."""
    slug = re.sub(r"[^a-z0-9]+", "-", to_ascii(text).lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[limit // 2:] else cut).strip("-")
    return slug or fallback


def _unique(wanted: Iterable[tuple[object, str]]) -> dict[object, str]:
    """Each key's slug, a numeric suffix added on collision, in the order given."""
    taken: set[str] = set()
    result: dict[object, str] = {}
    for key, slug in wanted:
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(candidate)
        result[key] = candidate
    return result


def issue_key(issue: Issue) -> tuple[str, int]:
    return (issue.source, issue.index)


def issue_order(issue: Issue) -> tuple[str, str, str, str, int]:
    """A stable order for issues: by date (undated last), publication, title, then source."""
    date = issue.date.isoformat() if issue.date else "9999-99-99"
    return (date, issue.publication.casefold(), issue.title, issue.source, issue.index)


class Paths:
    """Where every page lives in the output, relative to its root."""

    def __init__(self, digests: list[IssueDigest]) -> None:
        issues = sorted((d.issue for d in digests), key=issue_order)
        self._issues = _unique(
            (issue_key(i), slugify(f"{i.date or 'undated'}-{i.publication}-{i.title}",
                                   "issue")) for i in issues)
        publications = sorted({i.publication for i in issues}, key=lambda p: (p.casefold(), p))
        self._newsletters = _unique((p, slugify(p, "newsletter")) for p in publications)

    def issue(self, issue: Issue) -> str:
        return f"issues/{self._issues[issue_key(issue)]}.html"

    def newsletter(self, publication: str, suffix: str = ".html") -> str:
        return f"newsletters/{self._newsletters[publication]}{suffix}"

    @staticmethod
    def week(week: Week) -> str:
        """`weeks/2024-w14.html`: the week key, lowercased like every other slug."""
        return f"weeks/{week.key.lower()}.html"


def relative(page: str) -> Callable[[str], str]:
    """A function giving the link from `page` to another output path (which may have #frag)."""
    folder = posixpath.dirname(page)
    seen: dict[str, str] = {}  # a page links to a few paths many times (a sentence each)

    def link(target: str) -> str:
        path, _, fragment = target.partition("#")
        rel = seen.get(path)
        if rel is None:
            rel = _relpath(path, folder) if path else posixpath.basename(page)
            seen[path] = rel
        return rel + (f"#{fragment}" if fragment else "")

    return link


@lru_cache(maxsize=4096)
def _relpath(path: str, folder: str) -> str:
    """Cached: every page links to the same few paths (home, archive, feeds, styles)."""
    return posixpath.relpath(path, folder or ".")


def absolute(base_url: str) -> Callable[[str], str]:
    """A function giving the absolute URL of an output path, for feeds, sitemap and 404."""
    base = base_url.rstrip("/") + "/"

    def link(target: str) -> str:
        return base + ("" if target == "index.html" else target)

    return link
