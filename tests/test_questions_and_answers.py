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


MAILBAG = """\
<html lang="en"><head><title>The mailbag</title></head><body><article>
<h1>The mailbag</h1>
<p>Two of your letters this month, both about money and family.</p>
<h2>Should I lend my brother the deposit?</h2>
<p>"My brother wants twelve thousand pounds from me for a flat deposit. My brother swears
he will repay the deposit within two years. But my brother still owes our mother money from
his wedding, and the flat deposit would be most of my savings."</p>
<p>— Torn in Tamworth</p>
<p>Say no kindly, and say why.</p>
<h2>My flatmate never pays on time</h2>
<p>Dear Pennywise, my flatmate pays the rent late every month. My flatmate laughs when I
raise the rent at breakfast. The rent is late again this month, and my flatmate says the
rent can wait.</p>
<p>— Fed up in Frome</p>
<p>Ask for a standing order on payday.</p>
</article></body></html>
"""


def test_a_mailbags_summary_carries_the_answer_not_the_readers_letter(profiles):
    issue = issue_of("mailbag.html", MAILBAG.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    shown = " ".join(x.text for part in digest.sections for x in part.sentences)
    assert "brother" not in shown and "flatmate" not in shown
    assert "Say no kindly" in shown and "standing order" in shown


AMA = """\
<html lang="en"><head><title>Your questions, answered</title></head><body><article>
<h1>Your questions, answered</h1>
<p>Three of us answered your questions on the forum for an hour last night.</p>
<h2>The boat</h2>
<blockquote><p>When does the ferry start running again after the winter?</p></blockquote>
<p><strong>Ada:</strong> The first crossing is on the first Saturday of April, weather
allowing, with the full timetable from May.</p>
<blockquote><p>Can I bring my bike on board?</p></blockquote>
<p><strong>Ben:</strong> Yes, there are racks for twelve bikes on the lower deck.</p>
<h2>The island</h2>
<blockquote><p>Is the café on the island open all year?</p></blockquote>
<p><strong>Ada:</strong> Only from Easter until the end of October, sadly.</p>
<blockquote><p>Who painted the mural by the pier?</p></blockquote>
<p><strong>Cleo:</strong> I did, with the primary school, over two wet weekends.</p>
<blockquote><p>Are dogs allowed on the beach?</p></blockquote>
<p><strong>Ben:</strong> On a lead from May to September, and free the rest of the year.</p>
</article></body></html>
"""


def test_a_speaker_who_answers_once_is_a_label_and_the_reply_is_the_summary(profiles):
    issue = issue_of("ama.html", AMA.encode(), profiles)
    island = next(s for s in issue.sections if s.heading == "The island")
    assert not island.items
    assert [p.label for p in island.paragraphs if p.kind == "text"] == ["Ada", "Cleo", "Ben"]
    digest = summarize_issue(issue, SummaryConfig())
    shown = [x.text for part in digest.sections for x in part.sentences
             if issue.sections[part.section].heading in ("The boat", "The island")]
    assert shown and not any(text.endswith("?") for text in shown)


QUIZ = """\
THE PUB SHEET
No. 12 - Friday, 6 March 2026

Evening all, five questions on rivers this week.

THE QUESTIONS

1. Which river flows through Vienna, Budapest and Belgrade?
2. What is the longest river in Britain?
3. Which river did Caesar cross in 49 BC?
4. On which river does Timbuktu's old port stand?
5. What is the Thames called as it flows through Oxford?

THE ANSWERS

1. The Danube.
2. The Severn, by about ten miles.
3. The Rubicon.
4. The Niger.
5. The Isis.

Scores by Sunday, please.
"""


def test_a_quizs_answers_are_kept_on_the_page_and_never_in_the_digest(profiles):
    issue = issue_of("quiz.txt", QUIZ.encode(), profiles)
    answers = next(n for n, s in enumerate(issue.sections) if s.heading == "THE ANSWERS")
    assert len(issue.sections[answers].items) == 5
    digest = summarize_issue(issue, SummaryConfig())
    assert not digest.sections[answers].items and not digest.sections[answers].sentences
    shown = [i.text for part in digest.sections for i in part.items]
    assert shown and not any("Danube" in text for text in shown)
