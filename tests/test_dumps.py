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


BULLETINS = """\
HEDGEROW BEEKEEPERS - ALL BULLETINS 2026
(kept together by the membership officer)

==================================================
Bulletin 7 — 2 March 2026
==================================================

Hello all,

The first cleansing flights came early this year.

SWARM LIST
----------

Names for the swarm collection list go to Ivo by the end of the month.

==================================================
Bulletin 8 — 6 April 2026
==================================================

Hello all,

The apiary gate has a new lock; ask Ivo for the code.

HIVE INSPECTIONS
----------------

Weekly inspections start on the first warm Saturday.
"""


def test_a_collections_title_over_a_text_dumps_dated_titles_is_none_of_its_issues():
    issues = _issues("bulletins.txt", BULLETINS)
    assert [(i.title, i.date) for i in issues] == [
        ("Bulletin 7 — 2 March 2026", dt.date(2026, 3, 2)),
        ("Bulletin 8 — 6 April 2026", dt.date(2026, 4, 6))]
    assert [s.heading for s in issues[0].sections] == [None, "SWARM LIST"]
    assert [s.heading for s in issues[1].sections] == [None, "HIVE INSPECTIONS"]
    assert {d.text for d in issues[0].dropped if d.kind == "chrome"} >= {
        "HEDGEROW BEEKEEPERS - ALL BULLETINS 2026", "(kept together by the membership officer)"}


ANTHOLOGY = """\
# Lantern Walkers — the spring letters

## Letter 3 (9 March 2026)

The canal path reopens on Friday.

### Next walk

Meet at the lock keeper's cottage at nine.

## Letter 4 (13 April 2026)

Twelve of us walked the old tramway.

### Next walk

The reservoir loop, with lunch at the dam.
"""


def test_a_markdown_collections_heading_over_its_numbered_issues_is_none_of_them():
    issues = _issues("letters.md", ANTHOLOGY)
    assert [(i.title, i.date) for i in issues] == [
        ("Letter 3 (9 March 2026)", dt.date(2026, 3, 9)),
        ("Letter 4 (13 April 2026)", dt.date(2026, 4, 13))]
    assert [s.heading for s in issues[1].sections] == [None, "Next walk"]
    assert issues[1].sections[1].paragraphs[0].text.startswith("The reservoir loop")


def test_days_under_an_events_issues_title_stay_its_sections():
    text = ("# Hall events this month\n\nA full month at the hall.\n\n"
            "## Saturday 14 March 2026\n\n### Morning\n\nA lake walk at ten.\n\n"
            "### Evening\n\nA talk on swifts.\n\n"
            "## Saturday 21 March 2026\n\n### Morning\n\nA litter pick by the river.\n")
    issues = _issues("events.md", text)
    assert len(issues) == 1 and issues[0].title == "Hall events this month"


ARCHIVE_PAGE = """\
<html><head><title>Past issues – Fen Lantern</title>
<meta property="og:site_name" content="Fen Lantern"></head><body>
<h1>Past issues</h1>
<p>Every issue of the letter, newest first.</p>
<h2><time datetime="2026-03-23">Monday 23 March 2026</time></h2>
<p>Issue 41 · Cranes over the wash</p>
<h3>Sightings</h3><p>Four cranes flew low over the sluice on Tuesday evening.</p>
<h3>Work parties</h3><p>Reed cutting continues on Thursdays.</p>
<h2><time datetime="2026-03-16">Monday 16 March 2026</time></h2>
<p>Issue 40 · A wet week</p>
<h3>Sightings</h3><p>The first sand martins were over the pits on Sunday.</p>
</body></html>
"""


def test_a_saved_archive_page_is_an_issue_per_dated_title_each_dated_by_it():
    issues = _issues("past-issues.html", ARCHIVE_PAGE)
    assert [(i.title, i.date) for i in issues] == [
        ("Monday 23 March 2026", dt.date(2026, 3, 23)),
        ("Monday 16 March 2026", dt.date(2026, 3, 16))]
    assert [s.heading for s in issues[0].sections] == ["Sightings", "Work parties"]
    assert [s.heading for s in issues[1].sections] == ["Sightings"]
    assert all(i.publication == "Fen Lantern" for i in issues)


def test_a_document_export_of_numbered_dated_letters_under_its_title_splits():
    text = ("<html><body><p class='title'>Mere Sailing Club</p>"
            "<h1>Club Letter No. 1 – 6 November 2025</h1><h2>Moorings</h2>"
            "<p>The winter moorings are laid.</p>"
            "<h1>Club Letter No. 2 – 4 December 2025</h1><h2>Dinghy park</h2>"
            "<p>The dinghy park gate is mended.</p></body></html>")
    issues = _issues("letters.html", text)
    assert [(i.title, i.date) for i in issues] == [
        ("Club Letter No. 1 – 6 November 2025", dt.date(2025, 11, 6)),
        ("Club Letter No. 2 – 4 December 2025", dt.date(2025, 12, 4))]
    assert [s.heading for s in issues[1].sections] == ["Dinghy park"]


def test_a_page_titled_by_one_of_its_later_dated_titles_is_that_one_issue():
    page = ARCHIVE_PAGE.replace("<title>Past issues – Fen Lantern</title>",
                                "<title>Monday 16 March 2026</title>")
    assert len(_issues("issue-40.html", page)) == 1


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


SIGNAL = """\
                 THE WAGON WORKS
   Newsletter of the Fernbrook Model Engineers
               No. {n}  ·  {month} 2026

FROM THE BENCH

{text} The committee thanks everyone who
helped on the stall, and the tea rota for keeping the urn going all day.

"""


def test_a_plain_dump_is_an_issue_per_repeat_of_its_masthead():
    text = SIGNAL.format(n=8, month="May", text="The lathe is back from repair.") + \
        SIGNAL.format(n=9, month="June", text="The open day drew ninety visitors.")
    issues = _issues("back-issues.txt", text)
    assert [(i.title, i.date, i.date_approximate) for i in issues] == [
        ("No. 8 · May 2026", dt.date(2026, 5, 1), True),
        ("No. 9 · June 2026", dt.date(2026, 6, 1), True)]
    assert [[p.text[:20] for s in i.sections for p in s.paragraphs] for i in issues] == [
        ["The lathe is back fr"], ["The open day drew ni"]]
    assert [d.text for d in issues[1].dropped][:2] == [
        "THE WAGON WORKS", "Newsletter of the Fernbrook Model Engineers"]


def test_a_masthead_repeated_over_a_footers_next_issue_line_opens_no_issue():
    text = SIGNAL.format(n=8, month="May", text="The lathe is back from repair.") + \
        "                 THE WAGON WORKS\n   Newsletter of the Fernbrook Model Engineers\n" \
        "               Next issue: June 2026\n"
    assert len(_issues("issue-8.txt", text)) == 1
