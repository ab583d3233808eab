"""Questions and their answers read as entries (an advice column's "Q:"/"A:", an interview's
bold questions), and labels that open several paragraphs never taken for headings. Fixtures
written here."""

from __future__ import annotations

import pytest
from _letters import issue_of

from digest.segment import load_profiles
from digest.summarize import SummaryConfig, summarize_issue

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

INTERVIEW = """\
<html lang="en"><head><title>Four questions for a lock keeper</title></head><body><article>
<h1>Four questions for a lock keeper</h1>
<p>Idris Banner has run the Mill Cut lock for twelve years. We asked him about the job.</p>
<p><strong>How many boats pass in a day?</strong></p>
<p>In August, ninety on a good day. In January, sometimes none at all.</p>
<p><strong>What do new boaters get wrong?</strong></p>
<p>They open the top paddles too fast and the boat is thrown against the gate.</p>
<p>Most of them only do it once.</p>
<p><strong>Would you do it again?</strong></p>
<p>Every day of it. The quiet mornings make up for the busy weekends.</p>
</article></body></html>
"""

ESSAY = """\
<html lang="en"><head><title>Rent, explained</title></head><body><article>
<h1>Rent, explained</h1>
<p>Rents rose again this spring. Here is what is behind it.</p>
<p><strong>Why are rents rising?</strong></p>
<p>Fewer homes were built for ten years while the city kept growing.</p>
<p>Landlords also pass on higher interest on their loans.</p>
<p>And short-term lets took flats off the market in the centre.</p>
<p>Wages did not keep up with any of it.</p>
<p><strong>What can the council do?</strong></p>
<p>It can build, it can cap short-term lets, and it can license landlords.</p>
<p>Each takes years to show in the figures.</p>
<p>None of them is cheap, and the budget is already stretched.</p>
<p>The next vote on the plan is in June.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_questions_and_answers_are_entries_titled_by_their_questions(profiles):
    issue = issue_of("column.txt", COLUMN.encode(), profiles)
    column = next(s for s in issue.sections if s.heading == "YOUR QUESTIONS")
    assert [(i.title, i.excerpt) for i in column.items] == [
        ("Something nibbles my pea shoots every night. What could it be?",
         "Mice, most likely. Sow a few more under a cloche and set a humane trap by the shed."),
        ("When do I cut back rhubarb?",
         "You don't. Pull stalks until July, then let the leaves feed the crown. "
         "Leave the last of the stalks standing."),
        ("Can I grow squash in a big pot?",
         "Yes, a bush variety in forty litres of compost, fed every week once it flowers.")]
    assert not column.subsections and not column.paragraphs


def test_an_answer_in_the_summary_comes_with_its_whole_question(profiles):
    issue = issue_of("column.txt", COLUMN.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    s = next(n for n, s in enumerate(issue.sections) if s.heading == "YOUR QUESTIONS")
    shown = [item.text for item in digest.sections[s].items]
    assert shown and all(" — " in text and text.split(" — ")[0].endswith("?") for text in shown)
    assert "Something nibbles my pea shoots every night. What could it be? — Mice, most likely." \
        in shown or len(shown) < 3


def test_bold_questions_of_an_interview_are_entries(profiles):
    issue = issue_of("interview.html", INTERVIEW.encode(), profiles)
    items = [i for s in issue.sections for i in s.items]
    assert [i.title for i in items] == ["How many boats pass in a day?",
                                        "What do new boaters get wrong?",
                                        "Would you do it again?"]
    assert items[1].excerpt == ("They open the top paddles too fast and the boat is thrown "
                                "against the gate. Most of them only do it once.")
    assert not [s.heading for s in issue.sections if s.heading]


def test_bold_questions_over_long_answers_stay_headings(profiles):
    issue = issue_of("essay.html", ESSAY.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == ["Why are rents rising?",
                                                                 "What can the council do?"]
    assert not [i for s in issue.sections for i in s.items]
    short_first = ESSAY.replace("<p>Landlords also pass on higher interest on their loans.</p>"
                                "\n<p>And short-term lets took flats off the market in the "
                                "centre.</p>\n", "")
    issue = issue_of("essay.html", short_first.encode(), profiles)
    assert "Why are rents rising?" in [s.heading for s in issue.sections]
    assert not [i for s in issue.sections for i in s.items]


TIPS = """\
GREEN FINGERS WEEKLY

Hello again, here are this week's notes from the plots.

Tip: Mulch the beds

A layer of bark keeps moisture in through the dry weeks of summer, and the weeds down too.

Tip: Water in the morning, before the sun is high, so the leaves dry before evening.
"""


def test_a_short_line_opening_with_a_recurring_label_is_no_heading(profiles):
    issue = issue_of("tips.txt", TIPS.encode(), profiles)
    assert [s.heading for s in issue.sections] == [None]
    assert [(p.label, p.text) for p in issue.sections[0].paragraphs][1:] == [
        ("Tip", "Mulch the beds"),
        (None, "A layer of bark keeps moisture in through the dry weeks of summer, and the "
               "weeds down too."),
        ("Tip", "Water in the morning, before the sun is high, so the leaves dry before "
                "evening.")]
