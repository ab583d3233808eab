"""Group summarized issues by ISO week (Monday to Sunday) of their date."""

from __future__ import annotations

import datetime as dt

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
