"""Dates as files state them (front matter, metadata, HTML meta tags): ISO forms only.

Kept apart from the HTML reader so reading Markdown does not import BeautifulSoup.
"""

from __future__ import annotations

import datetime as dt
import re

_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$"
)


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or metadata: ISO dates and datetimes only, never a guess."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    match = _DATETIME.match(value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match[1])
    except ValueError:
        return None
