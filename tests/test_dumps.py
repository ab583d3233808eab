"""A file holding several issues of a newsletter with no profile: each opens with the same
name and a date of its own ("Allotment Letter — 3 October 2026"), and is an issue of its own,
dated and titled by that heading. A single issue whose sections are dated stays one.
Fixtures written here."""

from __future__ import annotations

import datetime as dt

import pytest
from _letters import mail

from digest.ingest import read_bytes
from digest.model import Issue
from digest.segment import load_profiles, segment_document

ARCHIVE = """\
{mark} Allotment Letter — 3 October 2026

The first frost is forecast for next week. Lift the dahlias once the leaves blacken.

{mark}# Water

The troughs stay on until the end of the month.

{mark} Allotment Letter — 10 October 2026

The frost came early. Most of the dahlias are now lifted.

{mark} Allotment Letter — October 17, 2026

A quiet week. The shed roof is fixed, thanks to Tom and Ade.
"""

EVENTS = """\
## Market day — 5 December 2026

Stalls open at nine on the square, with the cheese van back for the first time.

## Market day — 12 December 2026

The last market of the year, with carols at noon.
"""


@pytest.mark.parametrize("mark", ["#", "##"])
def test_a_file_of_dated_issues_is_an_issue_per_title(mark):
    text = ARCHIVE.format(mark=mark)
    issues, _ = segment_document(read_bytes("archive.md", text.encode()), *load_profiles())
    assert [(i.title, i.date) for i in issues] == [
        ("Allotment Letter — 3 October 2026", dt.date(2026, 10, 3)),
        ("Allotment Letter — 10 October 2026", dt.date(2026, 10, 10)),
        ("Allotment Letter — October 17, 2026", dt.date(2026, 10, 17))]
    assert [s.heading for s in issues[0].sections] == [None, "Water"]
    assert issues[2].sections[0].paragraphs[0].text.startswith("A quiet week.")


def test_a_dumps_issues_may_give_their_date_on_the_line_under_their_title():
    text = ("# Kiln Weekly 1\n\nTuesday, 6 October 2026\n\nThe new kiln fired evenly.\n\n"
            "# Kiln Weekly 2\n\nTuesday, 13 October 2026\n\nA cracked shelf, replaced.\n")
    issues, _ = segment_document(read_bytes("archive.md", text.encode()), *load_profiles())
    assert [(i.title, i.date) for i in issues] == [
        ("Kiln Weekly 1", dt.date(2026, 10, 6)), ("Kiln Weekly 2", dt.date(2026, 10, 13))]
    assert [p.text for p in issues[1].sections[0].paragraphs] == ["A cracked shelf, replaced."]


def test_dated_sections_of_a_mail_are_one_issue():
    issues, _ = segment_document(read_bytes("market.eml", mail(
        "<h2>Market day — 5 December 2026</h2><p>Stalls open at nine on the square.</p>"
        "<h2>Market day — 12 December 2026</h2><p>The last market of the year.</p>",
        "Town Market <m@market.example>", "December markets",
        "Mon, 30 Nov 2026 08:00:00 +0000")), *load_profiles())
    assert len(issues) == 1 and issues[0].title == "December markets"


def test_a_file_whose_dated_headings_name_no_newsletter_apart_is_one_issue():
    text = EVENTS.replace("## Market day — 12", "## Carol singing — 12")
    issues, _ = segment_document(read_bytes("events.md", text.encode()), *load_profiles())
    assert len(issues) == 1


def _issues(name: str, text: str) -> list[Issue]:
    """The issues a file of that name and text holds."""
    return segment_document(read_bytes(name, text.encode()), *load_profiles())[0]


def test_titles_that_share_their_issues_number_are_its_parts():
    text = ("Heron Post 12 — Part 1: Saturday 7 March 2026\n"
            "===============================================\n\n"
            "The Saturday of the spring camp.\n\n"
            "Heron Post 12 — Part 2: Sunday 8 March 2026\n"
            "=============================================\n\n"
            "The Sunday, and the flooded tent.\n")
    issues = _issues("heron-post-12.txt", text)
    assert [(i.title, i.date) for i in issues] == [
        ("Heron Post 12 — Part 1: Saturday 7 March 2026", dt.date(2026, 3, 7))]
