"""Dates for people (English, no locale) and for feeds (midnight in the site's time zone)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from digest.model import Week

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(date: dt.date | None, approximate: bool = False) -> str:
    if date is None:
        return "undated"
    text = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    return f"around {text}" if approximate else text


def week_span(week: Week) -> str:
    """“1–7 April 2024”, “26 February – 3 March 2024”, “30 December 2024 – 5 January 2025”."""
    start, end = week.start, week.end
    if start.year != end.year:
        return f"{long_date(start)} – {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {long_date(end)}"
    return f"{start.day}–{long_date(end)}"


def week_title(week: Week) -> str:
    return f"Week {week.number}, {week.year}"


def midnight(date: dt.date, timezone: str) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), tzinfo=zoneinfo.ZoneInfo(timezone))
