"""An essay's notes (footnotes, endnotes, references) are never its text: found by their
numbers, each answering a marker in the text above, or after the sign-off under a heading
that names them; the markers leave the sentences. Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles
from digest.summarize import SummaryConfig, summarize_issue


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


LETTER = """Canal Notes: The lock keeper's ledger

THE LEDGER

The lock keeper at Bramley kept a ledger of every boat that passed, from the first entry
in 1902 to the last in 1964.[1] It survives in the county archive, water-stained but
whole.

The busiest year was 1911, when coal boats queued for a day at the top lock[2]. After
the railway reached the mill, the ledger thins to a few pleasure boats a week [3] and
then to none.

Until next month,
Ada

NOTES

[1] The keeper's son kept it for the last nine years.

[2] A queue the ledger calls "the jam".

It lasted a week.

[3] Mostly hired narrowboats from the boatyard at Elm Wharf.
"""


def _text(issue):
    return [p.text for s in issue.sections for p in s.paragraphs] + \
        [i.text for s in issue.sections for i in s.items]


def test_numbered_notes_answering_the_texts_markers_are_notes_and_the_markers_go(profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    assert [s.heading for s in issue.sections] == ["THE LEDGER"]
    assert _text(issue) == [
        "The lock keeper at Bramley kept a ledger of every boat that passed, from the first "
        "entry in 1902 to the last in 1964. It survives in the county archive, water-stained "
        "but whole.",
        "The busiest year was 1911, when coal boats queued for a day at the top lock. After "
        "the railway reached the mill, the ledger thins to a few pleasure boats a week and "
        "then to none."]
    notes = [d.text for d in issue.dropped if d.kind == "note"]
    assert notes == ["NOTES", "[1] The keeper's son kept it for the last nine years.",
                     "[2] A queue the ledger calls \"the jam\".", "It lasted a week.",
                     "[3] Mostly hired narrowboats from the boatyard at Elm Wharf."]


def test_notes_with_no_heading_after_the_text_are_notes_too(profiles):
    issue = issue_of("ledger.txt", LETTER.replace("NOTES\n\n", "").encode(), profiles)
    assert not any("[2]" in t or "narrowboats" in t for t in _text(issue))


def test_numbered_lines_no_marker_answers_stay_text(profiles):
    unmarked = LETTER.replace("NOTES\n\n", "").replace(".[1]", ".").replace("lock[2]", "lock")
    issue = issue_of("ledger.txt", unmarked.replace(" [3]", "").encode(), profiles)
    assert any(t.startswith("[1] The keeper's son") for t in _text(issue))


COLUMN = """<h1>The mill race</h1>
<p>The mill race was dug by hand in 1790.¹ It ran for a mile beside the lane, and the
wheel it turned ground corn for three parishes.²</p>
<p>The pond above it covers 400 m² in a dry summer, and the miller's accounts give its
depth as "ten foot and a hand".³</p>
<h3>Small print</h3>
<ol><li>From the parish vestry minutes.</li>
<li>A claim the miller's grandson repeated but could not prove.</li>
<li>A hand is four inches.</li></ol>
"""


def test_an_ordered_list_answering_superscript_markers_is_notes_under_any_heading(profiles):
    issue = issue_of("mill.eml", mail(COLUMN, "Mill Letter <m@mill.example>", "The mill race",
                                      "Fri, 13 Mar 2026 08:00:00 +0000"), profiles)
    assert _text(issue) == [
        "The mill race was dug by hand in 1790. It ran for a mile beside the lane, and the "
        "wheel it turned ground corn for three parishes.",
        "The pond above it covers 400 m² in a dry summer, and the miller's accounts give its "
        "depth as \"ten foot and a hand\"."]
    assert [d.text for d in issue.dropped if d.kind == "note"] == [
        "Small print", "From the parish vestry minutes.",
        "A claim the miller's grandson repeated but could not prove.", "A hand is four inches."]


def test_superscript_markers_leave_the_summary_but_units_keep_theirs(profiles):
    issue = issue_of("mill.eml", mail(COLUMN, "Mill Letter <m@mill.example>", "The mill race",
                                      "Fri, 13 Mar 2026 08:00:00 +0000"), profiles)
    sentences = [s.text for d in summarize_issue(issue, SummaryConfig()).sections
                 for s in d.sentences]
    assert sentences and not any(c in t for t in sentences for c in "¹²³")
    assert "400 m²" in " ".join(_text(issue))


SIGNED = """<html lang="{language}"><body><h1>Salt roads</h1>
<p>Salt once came inland on packhorses, along roads that still carry the name.</p>
<p>Until next time,<br>Tomas</p>
<h3>{heading}</h3>
<ul><li>Ida Crane, Roads of Salt (1977).</li>
<li>The county's own map of packhorse routes, drawn in 1820.</li></ul>
</body></html>"""


@pytest.mark.parametrize("heading, language", [("Further reading", "en"),
                                               ("Références", "fr")])
def test_a_list_under_a_notes_heading_after_the_sign_off_is_no_sections_items(
        heading, language, profiles):
    body = SIGNED.format(heading=heading, language=language)
    issue = issue_of("salt.eml", mail(body, "Salt Letter <s@salt.example>", "Salt roads",
                                      "Fri, 13 Mar 2026 08:00:00 +0000"), profiles)
    assert _text(issue) == [
        "Salt once came inland on packhorses, along roads that still carry the name."]
    assert [d.text for d in issue.dropped if d.kind == "note"] == [
        heading, "Ida Crane, Roads of Salt (1977).",
        "The county's own map of packhorse routes, drawn in 1820."]


def test_a_list_under_another_heading_after_the_sign_off_stays(profiles):
    body = SIGNED.format(heading="Coming up", language="en")
    issue = issue_of("salt.eml", mail(body, "Salt Letter <s@salt.example>", "Salt roads",
                                      "Fri, 13 Mar 2026 08:00:00 +0000"), profiles)
    assert "Ida Crane, Roads of Salt (1977)." in _text(issue)
