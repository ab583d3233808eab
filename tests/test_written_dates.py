"""The date an issue writes under its title or in it ("Issue 9 - Tuesday, 12 May 2026",
"Harbour News — March 2026"), used when its file, headers and metadata give none, in any
language with month names. Fixtures written here."""

from __future__ import annotations

import datetime as dt

import pytest
from _letters import issue_of

from digest.datewords import written_date, written_month
from digest.ingest import read_file
from digest.segment import load_profiles, segment_document

COLUMN = """\
THE ALLOTMENT LETTER
Issue 9 - Tuesday, 12 May 2026

Hello plot holders, three of your questions this week.

YOUR QUESTIONS

Q: Something nibbles my pea shoots every night. What could it be?
A: Mice, most likely. Sow a few more under a cloche and set a humane trap by the shed.

Q: When do I cut back rhubarb?
A: You don't. Pull stalks until July, then let the leaves feed the crown.
Leave the last of the stalks standing.

Q: Can I grow squash in a big pot?
A: Yes, a bush variety in forty litres of compost, fed every week once it flowers.

THIS WEEK

- Net the brassicas before the butterflies find them.
- Thin the carrots on a still evening.
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


@pytest.mark.parametrize("masthead, date, approximate", [
    ("Issue 9 - Tuesday, 12 May 2026", dt.date(2026, 5, 12), False),
    ("12 May 2026", dt.date(2026, 5, 12), False),
    ("May 12th, 2026", dt.date(2026, 5, 12), False),
    ("2026-05-12", dt.date(2026, 5, 12), False),
    ("May 2026", dt.date(2026, 5, 1), True),
    ("Issue 9", None, False),
    ("Tuesday, 12 May", None, False),  # no year: never guessed
])
def test_the_date_written_under_the_title_dates_an_undated_file(masthead, date, approximate,
                                                                 profiles):
    text = COLUMN.replace("Issue 9 - Tuesday, 12 May 2026", masthead)
    issue = issue_of("column.txt", text.encode(), profiles)
    assert (issue.date, issue.date_approximate) == (date, approximate)
    assert issue.date_source == ("text" if date else None)


def test_a_date_in_the_title_dates_the_issue_and_the_file_name_wins(profiles, tmp_path):
    titled = "Allotment Letter — 12 May 2026\n\n" + COLUMN.split("\n", 2)[2]
    assert issue_of("column.txt", titled.encode(), profiles).date == dt.date(2026, 5, 12)
    named = tmp_path / "allotment" / "2026-05-19-column.txt"
    named.parent.mkdir()
    named.write_text(COLUMN)
    (issue,), _ = segment_document(read_file(named, root=tmp_path), *profiles)
    assert (issue.date, issue.date_source) == (dt.date(2026, 5, 19), "file name")


@pytest.mark.parametrize("text, date", [
    ("6. März 2026", dt.date(2026, 3, 6)),
    ("9 de mayo de 2026", dt.date(2026, 5, 9)),
    ("mardi 4 mars 2026", dt.date(2026, 3, 4)),
    ("Sept 30, 2025", dt.date(2025, 9, 30)),
    ("2026年5月9日（土）", dt.date(2026, 5, 9)),
    ("31 February 2026", None),
    ("Version 2 of 2026", None),
    ("Chapter 12 2026", None),
])
def test_dates_written_out_in_several_languages(text, date):
    assert written_date(text) == date


def test_a_month_and_year_alone_name_a_month_not_a_day():
    assert written_date("Forge Notes — March 2026") is None
    assert written_month("Forge Notes — March 2026") == dt.date(2026, 3, 1)
    assert written_month("Marching 2026") is None
