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


SIGNED = """\
THE ORCHARD POST
Issue 4 - Friday, 6 March 2026

Morning all, your questions this month.

Q: My pear leaves have orange spots on top and odd lumps underneath. What is it?
- Spotty in the top corner

A: Pear rust. It spends half its life on juniper, so look over the fence too.

Q: When should I prune the plums?
- New to plums, row 3

A: In summer, never in winter: silver leaf gets in through winter cuts.

Q: Can I move a young fig tree?
- Fig fan, row 8

A: Yes, in late autumn, with as big a root ball as you can lift.

That's all for now, more next month.

Robin (orchard warden)
"""


def test_a_readers_signature_between_question_and_answer_credits_the_entry(profiles):
    issue = issue_of("signed.txt", SIGNED.encode(), profiles)
    items = [i for s in issue.sections for i in s.items]
    assert [(i.title, i.author, i.excerpt) for i in items] == [
        ("My pear leaves have orange spots on top and odd lumps underneath. What is it?",
         "Spotty in the top corner",
         "Pear rust. It spends half its life on juniper, so look over the fence too."),
        ("When should I prune the plums?", "New to plums, row 3",
         "In summer, never in winter: silver leaf gets in through winter cuts."),
        ("Can I move a young fig tree?", "Fig fan, row 8",
         "Yes, in late autumn, with as big a root ball as you can lift.")]
    digest = summarize_issue(issue, SummaryConfig())
    shown = [i.text for part in digest.sections for i in part.items]
    assert shown and all(" — " in text for text in shown)


PROMPTS = """\
---
title: "Six knots with a rigger"
---

Once a month we sit down with someone who works on the water.

**KD:** How did you start rigging boats?

**AL:** On my uncle's barge, splicing rope before I could read.

**KD:** Tell me about your knife.

**AL:** It was my uncle's too. The blade is half as wide as when he bought it.

Sharpening it is the first thing I do each morning.

**KD:** What knot should everyone learn?

**AL:** The bowline. It holds, and it comes undone when you want it to.
"""


def test_an_interviewers_prompt_that_asks_nothing_is_a_question_too(profiles):
    issue = issue_of("prompts.md", PROMPTS.encode(), profiles)
    items = [i for s in issue.sections for i in s.items]
    assert [i.title for i in items] == ["How did you start rigging boats?",
                                        "Tell me about your knife.",
                                        "What knot should everyone learn?"]
    assert items[1].excerpt == ("It was my uncle's too. The blade is half as wide as when he "
                                "bought it. Sharpening it is the first thing I do each morning.")
    digest = summarize_issue(issue, SummaryConfig())
    shown = [i.text for part in digest.sections for i in part.items]
    assert shown and all(" — " in text for text in shown)


LEAD_IN = """\
<html lang="fr"><head><title>Trois questions au vitrailliste</title></head><body><article>
<h1>Trois questions au vitrailliste</h1>
<p>Hugo Ferrand restaure les vitraux de la chapelle depuis l'automne dernier.</p>
<p><strong>Le chantier devait durer six mois, il en est à dix, et les échafaudages cachent
encore la moitié du chœur depuis la rue principale du village. Qu'est-ce qui a pris tant de
temps ?</strong></p>
<p>Le plomb d'origine était plus abîmé que prévu. Il a fallu tout démonter.</p>
<p><strong>Quel est votre verre préféré ?</strong></p>
<p>Le verre soufflé à la bouche, pour ses bulles.</p>
<p><strong>Et après la chapelle ?</strong></p>
<p>Une longue sieste, puis la gare.</p>
<p><strong>Son parcours :</strong> né à Chartres, Hugo Ferrand a appris le métier chez son
grand-père.</p>
</article></body></html>
"""


def test_a_long_bold_question_with_its_lead_in_is_an_entry_and_a_box_after_is_not(profiles):
    issue = issue_of("lead-in.html", LEAD_IN.encode(), profiles)
    items = [i for s in issue.sections for i in s.items]
    assert len(items) == 3 and items[0].title.endswith("Qu'est-ce qui a pris tant de temps ?")
    assert items[-1].excerpt == "Une longue sieste, puis la gare."
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert any(text.startswith("Son parcours") for text in texts)


ASKED_BACK = """\
<html lang="en"><head><title>Four questions for a glassblower</title></head><body><article>
<h1>Four questions for a glassblower</h1>
<p>Ona Reyes has blown glass in the old mill for a decade.</p>
<p><strong>How often does a piece crack?</strong></p>
<p>Crack badly? Once a week in winter, when the draught gets under the door.</p>
<p><strong>What colour is hardest?</strong></p>
<p>Red, because the gold in it sulks at the wrong heat.</p>
</article></body></html>
"""


def test_an_answer_that_asks_back_shows_the_sentence_that_answers(profiles):
    issue = issue_of("asked-back.html", ASKED_BACK.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    shown = [i.text for part in digest.sections for i in part.items]
    assert "How often does a piece crack? — Crack badly? Once a week in winter, when the " \
        "draught gets under the door." in shown
