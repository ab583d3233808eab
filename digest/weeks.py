"""Group summarized issues by ISO week (Monday to Sunday) of their date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from digest.model import IssueDigest, Site, Week

WeekKey = tuple[int, int]  # ISO year and week number


def week_of(date: dt.date) -> WeekKey:
    year, number, _ = date.isocalendar()
    return year, number


def crowded(issues: list[tuple[str, WeekKey]]) -> frozenset[WeekKey]:
    """The weeks two or more newsletters published in (given each issue's newsletter and
    week): the only ones where stories several newsletters carried can be found."""
    found: dict[WeekKey, set[str]] = {}
    for publication, week in issues:
        found.setdefault(week, set()).add(publication)
    return frozenset(week for week, publications in found.items() if len(publications) > 1)


def one_spelling(digests: list[IssueDigest]) -> list[IssueDigest]:
    """The digests with each newsletter under one name: names told apart only by case or
    punctuation ("Cash and Carry" from a List-Id, "Cash And Carry" from the folder) are one
    newsletter, under the spelling most of its issues use (the fewer capitals on a tie, as
    a folder's name read as words has them all)."""
    counts = Counter(d.issue.publication for d in digests)
    spellings: dict[str, list[str]] = {}
    for name in counts:
        spellings.setdefault(_spelling_key(name), []).append(name)
    chosen = {name: min(names, key=lambda n: (-counts[n], sum(c.isupper() for c in n), n))
              for names in spellings.values() for name in names}
    return [d if chosen[d.issue.publication] == d.issue.publication else dataclasses.replace(
        d, issue=dataclasses.replace(d.issue, publication=chosen[d.issue.publication]),
        key=d.key and f"{d.key}:{chosen[d.issue.publication]}") for d in digests]


def _spelling_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold()) or name


def group_by_week(digests: list[IssueDigest]) -> Site:
    """Weeks newest first; in a week, issues by newsletter then date; undated ones apart."""
    weeks: dict[tuple[int, int], Week] = {}
    undated = []
    for digest in digests:
        date = digest.issue.date
        if date is None:
            undated.append(digest)
            continue
        year, number = week_of(date)
        if (year, number) not in weeks:
            start = dt.date.fromisocalendar(year, number, 1)
            weeks[(year, number)] = Week(year, number, start, start + dt.timedelta(days=6))
        weeks[(year, number)].issues.append(digest)
    for week in weeks.values():
        week.issues.sort(key=lambda d: (d.issue.publication.casefold(), d.issue.date,
                                        d.issue.title))
    undated.sort(key=lambda d: (d.issue.publication.casefold(), d.issue.source, d.issue.index))
    return Site(weeks=sorted(weeks.values(), key=lambda w: w.start, reverse=True),
                undated=undated)
