"""Numbers shown on the pages: words read and saved, and which outlets the roundups cite."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digest.model import IssueDigest, Story

WORDS_PER_MINUTE = 230


@dataclass
class Reading:
    issues: int
    words_in: int
    words_out: int

    @property
    def minutes_saved(self) -> int:
        return max(0, round((self.words_in - self.words_out) / WORDS_PER_MINUTE))


def reading(digests: Iterable[IssueDigest]) -> Reading:
    digests = list(digests)
    return Reading(len(digests), sum(d.words_in for d in digests),
                   sum(d.words_out for d in digests))


@dataclass
class OutletRow:
    name: str
    stories: int = 0
    paywalled: int = 0

    @property
    def share(self) -> int:
        """Paywalled share in whole percent."""
        return round(100 * self.paywalled / self.stories) if self.stories else 0


def outlets(digests: Iterable[IssueDigest], stories: Iterable[Story] = ()) -> list[OutletRow]:
    """Every outlet named by a list item (sub-items too), most cited first; a story several
    newsletters carried counts once."""
    rows: dict[str, OutletRow] = {}
    for digest in digests:
        for count in digest.outlets:
            row = rows.setdefault(count.name.casefold(), OutletRow(count.name))
            row.stories += count.items
            row.paywalled += count.paywalled
    for story in stories:
        cited: dict[str, list[bool]] = {}
        for carrier in story.carriers:
            outlet = " ".join((carrier.mention.outlet or "").split()).casefold()
            if carrier.mention.kind == "item" and outlet:
                cited.setdefault(outlet, []).append(carrier.mention.paywalled)
        for outlet, paywalled in cited.items():
            if outlet in rows:
                rows[outlet].stories -= len(paywalled) - 1
                rows[outlet].paywalled -= max(0, sum(paywalled) - 1)
    return sorted(rows.values(), key=lambda r: (-r.stories, r.name.casefold(), r.name))


def total(rows: list[OutletRow]) -> OutletRow:
    return OutletRow("All outlets", sum(r.stories for r in rows), sum(r.paywalled for r in rows))
