"""Summaries a reader trusts: sentences that stand alone, labels apart, a word budget."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, run_digest

from digest.ingest import read_file
from digest.segment import load_profiles, segment_document
from digest.summarize import SummaryConfig, format_digest, summarize_issue, summarize_text
from digest.summarize.standalone import leans_on_context, opening_word

FIELD_NOTES = ROOT / "tests" / "data" / "fieldnotes" / "2025-05-05-field-notes.md"
FLOOD_NOTES = ROOT / "tests" / "data" / "fieldnotes" / "2025-05-12-field-notes.md"
# Words a summary sentence may not open with unless the sentence before it is shown too.
LEANING_OPENERS = ("But", "However", "Also", "This", "That", "These", "It", "They", "He",
                   "She", "His", "Her", "Their", "And", "So", "Meanwhile", "Moreover",
                   "Instead", "Yet", "In addition", "As a result", "For example")


@pytest.mark.parametrize("word", LEANING_OPENERS)
def test_a_sentence_opening_with_a_connective_or_pronoun_leans(word):
    sentence = f"{word} the county will know about a rising river hours earlier."
    assert opening_word(sentence) == word.lower()
    assert leans_on_context(sentence)


@pytest.mark.parametrize("sentence, word", [
    ("This spring it comes back, with three new routes.", "it"),
    ("This year they doubled the number of trains.", "they"),
    ("This year's was a small radio with a screen.", "this"),  # this year's what?
    ("Finally, a warm thank-you to the volunteers who reviewed the draft.", "finally"),
])
def test_a_pronoun_right_after_an_opening_time_phrase_leans(sentence, word):
    assert opening_word(sentence) == word
    assert leans_on_context(sentence)


@pytest.mark.parametrize("sentence", [
    "This week the board approved the river budget.",
    "This week's picks lean toward ecology and the sea.",
    "That year the river moved twice.",
    "These days the river is calm.",
    "Those who live by the river voted for the levees.",
    "Items of note: the county approved a budget.",
    "Italy and Thailand sent engineers to study the levees.",
    "Mara Lindqvist says she has spent a decade on the project.",
])
def test_sentences_that_stand_alone(sentence):
    assert leans_on_context(sentence, "Mara Lindqvist runs the project. She is an engineer.") \
        is None


def test_an_unnamed_person_and_a_bare_surname_lean_on_what_came_before():
    assert "she" in leans_on_context("The plan keeps the wetlands, she says.")
    earlier = "The engineer in charge, Mara Lindqvist, has spent a decade on it. She is proud."
    assert "Lindqvist" in leans_on_context("In 2020, Lindqvist moved the gauges.", earlier)
    # A company named in full, then short, is an "it", not a person: no surname rule.
    company = "Harbor Cranes Limited delivered the crane. It was late."
    assert leans_on_context("Harbor said the delay cost nothing.", company) is None


def test_a_first_name_the_text_uses_alone_names_the_person_a_pronoun_stands_for():
    from digest.summarize.standalone import antecedents

    flat = ["Until August, Akello's day began with a two-hour walk to a stream.",
            "Now the well is a three-minute walk from her door.",
            "Akello told us she wants to become a nurse.",
            "The Sun was moving, but less than his guess.",
            "In the end she said the well changed everything."]
    reasons, _ = antecedents(flat)
    assert reasons[2] is None  # Akello, named alone as the text names her, opens it
    assert reasons[3] and "his" in reasons[3]  # "Sun" opens no clause as a person's name
    assert reasons[4] and "she" in reasons[4]


def test_a_name_the_sections_heading_gives_in_full_names_whom_the_pronoun_stands_for():
    """Under "Member spotlight: Rosalind Achebe", "Rosalind joined the studio… her notebooks"
    reads alone (the section had no summary, and said nothing of why)."""
    from digest.summarize.choice import choose
    from digest.summarize.standalone import heading_names

    flat = ["Rosalind joined the studio four years ago, and her notebooks are the most "
            "organised thing in the building.",
            "She makes tall bottles in a porcelain she mixes herself."]
    named = heading_names("Member spotlight: Rosalind Achebe")
    assert named == ["Achebe", "Rosalind"]
    assert choose(flat, [0, 1], 1, named=named)[0] == [[0]]
    groups, skipped = choose(flat, [0, 1], 1)
    assert groups == [] and [s.reason for s in skipped] == [
        '"her" with no name before it', 'opens with "she"']


@pytest.mark.parametrize("sentence", [
    "Marisol, 61, deadlifted her own body weight for the first time on Thursday.",
    "Dev (47) said his knee held up for all ten miles.",
])
def test_a_name_given_its_age_is_who_the_pronoun_after_it_stands_for(sentence):
    """People are introduced by their age ("Marisol, 61, …"): that names the "her" after it."""
    assert leans_on_context(sentence) is None


def test_a_pronoun_in_an_opening_phrase_before_the_full_name_it_stands_for_stands():
    assert leans_on_context("For her installation at the arts centre, Yuki Albright folded "
                            "four thousand paper birds.") is None
    assert leans_on_context("For her installation at the arts centre, the council paid.")
    assert leans_on_context("She said, Yuki Albright is late.")


def roomy(**keys: object) -> SummaryConfig:
    """No word budget, and half the lead's sentences."""
    from digest.model import SummaryPolicy

    config = SummaryConfig(budget_ratio=1.0, budget_max_words=10_000, budget_ceiling=1.0,
                           **keys)
    config.roles["lead"] = SummaryPolicy(sentences=6)
    return config


def field_notes(config: SummaryConfig | None = None):
    (issue,), _ = segment_document(read_file(FIELD_NOTES), *load_profiles())
    return issue, summarize_issue(issue, config or SummaryConfig())


def shown_alone(digest) -> list[str]:
    """Summary sentences shown without the sentence before them in the source."""
    alone = []
    for part in digest.sections:
        shown = {(x.paragraph, x.index) for x in part.sentences}
        alone += [x.text for x in part.sentences
                  if x.paragraph >= 0 and (x.paragraph, x.index - 1) not in shown]
    return alone


@pytest.mark.parametrize("config", [SummaryConfig(), roomy()])
def test_no_summary_sentence_leans_on_one_the_reader_does_not_see(config):
    _, digest = field_notes(config)
    alone = shown_alone(digest)
    assert alone
    for text in alone:
        assert not text.startswith(LEANING_OPENERS), text
        assert not re.match(r"(Why it matters|Driving the story):", text), text


def test_a_run_of_leaning_sentences_is_shown_from_the_one_that_stands():
    lines = ["The harbour council approved the new ferry timetable for the harbour on Monday.",
             "Gulls nest on the old pier every spring.",
             "But the ferry timetable leaves the harbour without a late ferry on Sundays.",
             "It also moves the first harbour ferry in the timetable to seven, the council said.",
             "A bakery on the quay sells fish pies."]
    for count in range(1, 5):
        chosen = summarize_text("\n".join(lines), count)
        assert len(chosen) == count
        places = [lines.index(x) for x in chosen]
        for place in places:
            if lines[place].startswith(("But", "It")):
                assert place - 1 in places, chosen
    assert summarize_text("\n".join(lines), 4) == lines[:4]
    assert "It also" in summarize_text("\n".join(lines), 2, standalone=False)[1]


@pytest.mark.parametrize("count", [2, 4, 6])
def test_a_sentence_that_introduces_a_list_or_lists_tags_is_never_shown(count):
    config = roomy(sentences=count)
    (issue,), _ = segment_document(read_file(FLOOD_NOTES), *load_profiles())
    digest = summarize_issue(issue, config)
    shown = [x.text for part in digest.sections for x in part.sentences]
    assert len(shown) == min(count, 5), shown  # 7 sentences, 2 never shown
    assert not [x for x in shown if x.endswith(":") or x.startswith("Topics:")], shown
    # without the stand-alone rules the same two sentences are among the most central
    loose = summarize_issue(issue, roomy(sentences=count, standalone=False))
    loose_shown = [x.text for part in loose.sections for x in part.sentences]
    assert any(x.endswith(":") or x.startswith("Topics:") for x in loose_shown), loose_shown


def test_summarize_verbose_says_why_a_list_opener_or_tag_line_was_left_out(tmp_path):
    done = run_digest("summarize", "-v", "--sentences", "6", str(FLOOD_NOTES), cwd=tmp_path)
    assert "skipped, ends with a colon: To be ready when the first flood" in done.stdout
    assert "skipped, a label and a list of tags: Topics: flood warnings" in done.stdout
    assert "recommends that every household in the river towns:" not in done.stdout.split(
        "! skipped")[0]


@pytest.mark.parametrize("sentence", [
    "Topics: flood warnings, river gauges, sandbags",
    "Tags: rivers | levees | open data",
    "Filed under: County board; Lower town",
])
def test_a_label_with_a_list_of_tags_is_no_summary_sentence(sentence):
    text = f"{sentence}\nThe county board met about the river gauges and the levees on Monday."
    assert summarize_text(text, 1) == [text.split("\n")[1]]
    assert summarize_text(text, 2) == [text.split("\n")[1]]


@pytest.mark.parametrize("sentence", [
    "Below is the full parts list and the order I built it in, because several of you asked.",
    "See below for the times of every ferry on the new timetable this winter.",
])
def test_a_sentence_pointing_at_what_follows_it_on_the_page_is_no_summary_sentence(sentence):
    text = f"{sentence}\nThe county board met about the river gauges and the levees on Monday."
    assert summarize_text(text, 2) == [text.split("\n")[1]]
    assert summarize_text("Below the weir, the river runs fast and clear in May.", 1) == [
        "Below the weir, the river runs fast and clear in May."]


def test_a_sentence_opening_with_instead_of_or_so_far_leans_on_nothing():
    assert opening_word("Instead of a message for every change, the tool posts one summary.") \
        is None
    assert opening_word("So far the plan has held through two winters.") is None
    assert opening_word("Instead, the council voted no.") == "instead"


@pytest.mark.parametrize("sentence, word", [
    ("It is going to be dry from Friday until Sunday lunchtime.", None),
    ("It’s time to talk about where this season is heading.", None),
    ("It's worth noting that the ferry runs late on Sundays.", None),
    ("It will be cold on the hill, so bring a flask.", None),
    ("It was founded in 1990 by two teachers.", "it"),
    ("It will be open until nine.", "it"),
])
def test_it_that_stands_for_nothing_before_it_leans_on_nothing(sentence, word):
    assert opening_word(sentence) == word


def test_a_line_of_short_details_or_only_an_address_is_no_summary_sentence():
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence("★★★★☆ · dir. Ana Ruiz · 1h 48m · in cinemas now")
    assert not_a_summary_sentence("Thursday 3 October 2024 · Issue 412 · Your town, every week "
                                  "since 1887")  # a dateline
    assert not_a_summary_sentence("Listen: https://shoreline.example/89")
    assert not_a_summary_sentence("Links: - https://woodnotes.example/shelf-pin-jig - "
                                  "https://plyguide.example/birch-vs-poplar Take care, Sam")
    assert not_a_summary_sentence("— Jonathan Turner in a blog post.")  # a quote's credit
    assert not_a_summary_sentence("with comedian Jamal Whitcombe · 34 min")  # an episode's
    assert not_a_summary_sentence("Here's everything you missed, in about ten minutes.")
    assert not_a_summary_sentence(
        "The harbour master, Ana Ruiz, has one winter · and the town knows it.") is None


@pytest.mark.parametrize("sentence, reason", [
    ("Releases are also available at ofcp.example.gov/newsroom.", "only says where to look"),
    ("See the route map at maps.example.com/route.", "only says where to look"),
    ("The council published its budget, which cuts library hours by a third, at "
     "council.example/budget.", None),
])
def test_a_short_sentence_ending_in_a_web_address_only_says_where_to_look(sentence, reason):
    """…with the scheme or not; a press bulletin was summarized by where its releases are."""
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence(sentence) == reason


@pytest.mark.parametrize("line", [
    "Monday, March 16, 2026 | Presented by Quillfield Wealth",
    "February 2026 · Greater Millbrook market report from Halden & Price Realty",
    "Edição #31 · Goiânia, 10 de março de 2026",
    "ATTORNEY ADVERTISING | View as web page",
    "miércoles, 11 de marzo de 2026 | Edición 214",  # a weekday in lower case before it
    "ორშაბათი, 5 ოქტომბერი, 2026 · № 30",  # and so in a script without capitals (Georgian)
])
def test_a_dateline_of_two_parts_is_no_summary_sentence(line):
    """A date (or a label in capitals) and one other short part: the masthead's dateline,
    which led the digest of three issues."""
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence(line) == "only a dateline"


@pytest.mark.parametrize("sentence", [
    "Prices rose 4% in March 2026 · the fastest climb in a decade.",
    "The vote is on 3 March 2026 | a big day for everyone who lives in the town.",
])
def test_a_sentence_that_gives_a_date_beside_a_bar_still_counts(sentence):
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Bottom line: the levees held, and the river fell by morning.",
    "Note: the county board meets on Monday.",
])
def test_a_sentence_with_a_label_still_counts(sentence):
    other = "The gulls nest on the old pier every spring."
    assert summarize_text(f"{sentence}\n{other}", 2) == [sentence, other]


HARBOUR = ["The harbour council approved the new ferry timetable on Monday.",
           "The harbour master, Tom Reilly, said the ferry timetable would bring the late "
           "Sunday ferry back.",
           "Harbor Cranes Limited will build a pier for the ferry.",
           "Gulls nest on the old pier every spring.",
           "He said the late Sunday ferry would run again from June.",
           "Mr Reilly has run the harbour since 2019."]


def test_he_said_is_shown_after_the_summary_sentence_that_names_him():
    lines = [x for x in HARBOUR if not x.startswith("Harbor Cranes")]
    he_said = lines[3]
    chosen = summarize_text("\n".join(lines), 2)
    assert chosen == [lines[1], he_said]  # the gulls in between are left out
    for count in range(1, 6):
        chosen = summarize_text("\n".join(lines), count)
        assert he_said not in chosen or lines[1] in chosen


def test_he_said_is_not_shown_when_another_name_came_between():
    # In the text, "he" is Tom Reilly; a reader who is shown only the sentence naming the
    # crane company just before "He said" could not tell, so "He said" is never shown.
    he_said = HARBOUR[4]
    for count in range(1, 6):
        assert he_said not in summarize_text("\n".join(HARBOUR), count)


def test_names_with_mc_and_o_apostrophe_are_names():
    lines = ["Brian McBride, head of the ferry company, said the timetable was a good start.",
             "He said the late ferry on Sundays would come back."]
    assert leans_on_context(lines[1]) and summarize_text("\n".join(lines), 2) == lines
    earlier = "The ferry captain, Siobhan O'Neill, said she would sail."
    assert "O'Neill" in leans_on_context("In June, O'Neill sails to the islands.", earlier)


@pytest.mark.parametrize("sentence", [
    "This week I talked to Tomás Ferreira about bus maps, and he told me why they fail.",
    "José Núñez said he would reopen the bakery in May.",
    "Zoë Park thinks she can finish the mural by June.",
    "Łucja Nowak said she would chair the next meeting.",
])
def test_names_with_letters_beyond_ascii_are_names_a_pronoun_after_them_stands_for(sentence):
    assert leans_on_context(sentence) is None


def test_without_the_rules_leaning_sentences_come_back():
    _, digest = field_notes(roomy(standalone=False))
    assert any(x.startswith(LEANING_OPENERS) for x in shown_alone(digest))


def test_labels_are_split_off_and_kept_apart():
    config = SummaryConfig(budget_ratio=1.0, budget_max_words=10_000, budget_ceiling=1.0)
    issue, digest = field_notes(config)
    bridge = next(p for p in digest.sections if issue.sections[p.section].heading ==
                  "The footbridge")
    assert bridge.sentences
    assert {x.label for x in bridge.sentences} <= {"Why it matters", "Driving the story"}
    assert all(x.label for x in bridge.sentences)
    paragraphs = issue.sections[bridge.section].paragraphs
    for x in bridge.sentences:  # a line of its own carries its label; else the one before it
        split = digest.split.get((x.section, x.paragraph)) or [paragraphs[x.paragraph].text]
        assert split[x.index] == x.text
        assert paragraphs[x.paragraph].label == x.label or split[x.index - 1] == x.label + ":"


def test_the_digest_keeps_to_its_word_budget():
    issue, digest = field_notes()
    assert digest.words_in == 378  # its labels ("Why it matters:") are not words of it
    assert digest.budget == round(0.15 * 378)
    assert digest.words_out <= digest.budget < 0.25 * digest.words_in
    roundup = next(p for p in digest.sections if p.role == "roundup")
    source = issue.sections[roundup.section].items
    assert roundup.items and len(roundup.items) + roundup.more_items == len(source)
    capped = SummaryConfig(budget_ratio=1.0, budget_max_words=10_000, budget_ceiling=1.0)
    roundup = next(p for p in field_notes(capped)[1].sections if p.role == "roundup")
    assert len(roundup.items) == 10 and roundup.more_items == len(source) - 10
    # a budget too small for one part of each section is passed to show that, and said so
    small = field_notes(SummaryConfig(budget_max_words=20))[1]
    assert [len(p.sentences) + len(p.items) for p in small.sections] == [1, 1, 1]
    assert small.words_out > small.budget == 20
    said = format_digest(small, verbose=True)
    assert "(budget 20, passed so that each section shows its best part)" in said
    assert f"best parts alone take {small.words_out} of 20" in said


def test_summarize_verbose_shows_the_budget_and_why_sentences_were_left_out(tmp_path):
    done = run_digest("summarize", "-v", str(FIELD_NOTES), cwd=tmp_path)
    assert re.search(r"378 words in, \d+ words out \(budget 57\)", done.stdout)
    assert re.search(r"over the word budget \(\d+ of 57 used, this takes \d+ more\)", done.stdout)
    config = tmp_path / "digest.toml"
    config.write_text("[summary]\nbudget_ratio = 1.0\nbudget_max_words = 1000\n"
                      "[summary.roles.lead]\nsentences = 6\n", "utf-8")
    done = run_digest("summarize", "-v", "--config", str(config), str(FIELD_NOTES), cwd=tmp_path)
    assert 'skipped, opens with "but": But the plan says nothing' in done.stdout
    assert 'skipped, bare surname "Lindqvist": Lindqvist also warned' in done.stdout
    assert "[Why it matters] " in done.stdout or "[Driving the story] " in done.stdout
    config.write_text("[summary]\nbudget_ratio = 2\n", "utf-8")
    bad = run_digest("summarize", "--config", str(config), str(FIELD_NOTES), cwd=tmp_path,
                     check=False)
    assert bad.returncode == 2 and "summary.budget_ratio" in bad.stderr


def test_the_week_page_shows_labels_story_links_and_what_was_left_out(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(FIELD_NOTES, tmp_path / "in")
    config = tmp_path / "digest.toml"
    config.write_text("[summary]\nbudget_ratio = 0.5\nbudget_ceiling = 0.6\n", "utf-8")
    run_digest("build", "-q", "--input", "in", "--output", "out", cwd=tmp_path)
    week = (tmp_path / "out" / "weeks" / "2025-w19.html").read_text("utf-8")
    assert re.search(r'<b class="label">(Why it matters|Driving the story):</b> '
                     r'<a class="sentence"', week)  # set off as on the issue page, not glued
    assert not re.search(r'class="sentence"[^>]*>(Why it matters|Driving the story)', week)
    more = re.search(r'<a href="\.\./(issues/[^"#]+)#(s\d+)">and (\d+) more links</a>', week)
    assert more and int(more.group(3)) == 4
    issue_page = (tmp_path / "out" / more.group(1)).read_text("utf-8")
    assert f'id="{more.group(2)}"' in issue_page
    # each item's title links to its story; our copy is a small anchor beside it
    stories = re.findall(r'<a href="(https://example\.[a-z]+/[^"]+)" rel="noopener noreferrer">',
                         week)
    assert len(stories) == 10
    assert week.count('class="in-issue"') == 10
    assert 'href="https://example.com/news/river-budget"' in week  # tracking parameters gone
    assert re.search(r'<a href="\.\./issues/[^"#]+">\d+ words left out</a>', week)


def test_a_short_issues_digest_gets_the_least_budget_and_carries_its_top_story():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# The Weekly Byte\n\nHi all, three things this week: a browser release, a new open "
            "data portal, and the spring meetup.\n\n## Top stories\n\n"
            "**Browser 120 ships with tab groups on mobile.** The release also removes the old "
            "bookmarks manager.\n\n**City opens its data portal.** Bus timings are now open "
            "data.\n\n## Events\n\nThe spring meetup is on 3 April at the Old Library.\n")
    (issue,), _ = segment_document(read_bytes("byte.md", text.encode()), *load_profiles())
    digest = summarize_issue(issue, SummaryConfig())
    assert digest.words_in < 100 and digest.budget == 50
    shown = [p.role for p in digest.sections if p.sentences or p.items]
    assert "roundup" in shown and len(shown) >= 2
    without = summarize_issue(issue, SummaryConfig(budget_min_words=0))
    assert without.words_out < digest.words_out and "roundup" not in [
        p.role for p in without.sections if p.sentences or p.items]


def test_bold_lead_ins_used_once_under_one_story_are_labels_not_entries():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# City Hall Brief\n\n## Council approves the tram line\n\n"
            "**Driving the news:** The council voted 31 to 12 on Thursday to build the line.\n\n"
            "**Why it matters:** The hospital is the largest employer, and its staff drive.\n\n"
            "**What's next:** Construction starts in 2026.\n")
    (issue,), _ = segment_document(read_bytes("brief.md", text.encode()), *load_profiles())
    (story,) = issue.sections
    assert story.items == [] and [p.label for p in story.paragraphs] == [
        "Driving the news", "Why it matters", "What's next"]


RECIPE = """# Sunday Kitchen

Pears are at their best this month, and this week's cake uses three of them.

## Pear and almond cake

This is a one-bowl cake: no mixer, no creaming, and it goes in the oven twenty minutes after
you start. It keeps for four days in a tin.

- 3 ripe pears
- 150 g butter
- 3 eggs
"""


def summary_of(text: str, tmp_path) -> dict[str | None, list[str]]:
    path = tmp_path / "2026-11-27-kitchen.md"
    path.write_text(text, encoding="utf-8")
    (issue,), _ = segment_document(read_file(path, display=path.name), *load_profiles())
    digest = summarize_issue(issue, SummaryConfig())
    return {issue.sections[d.section].heading: [x.text for x in d.sentences]
            for d in digest.sections}


def test_a_sections_first_sentence_may_point_at_the_heading_it_is_shown_under(tmp_path):
    assert summary_of(RECIPE, tmp_path)["Pear and almond cake"] == [
        "This is a one-bowl cake: no mixer, no creaming, and it goes in the oven twenty minutes "
        "after you start."]


def test_a_pointer_opening_a_later_sentence_or_an_unheaded_section_still_leans(tmp_path):
    later = RECIPE.replace("This is a one-bowl cake", "A one-bowl cake")
    assert summary_of(later, tmp_path)["Pear and almond cake"][:1] != [
        "It keeps for four days in a tin."]
    unheaded = RECIPE.replace("## Pear and almond cake\n\n", "")
    assert not any(s.startswith("This is") for s in summary_of(unheaded, tmp_path)[None])


def test_a_sentence_with_no_mark_is_closed_where_another_paragraphs_sentence_follows():
    """A line set as a paragraph of its own ("A conversation with chairmaker Jonas Verhoeven")
    ran into the next sentence in summaries: it is shown with a full stop, and nothing else
    changes (sentences of one paragraph, marks already there, Chinese)."""
    from digest.textwords import closed_runs

    assert closed_runs(["A conversation with chairmaker Jonas Verhoeven",
                        "Jonas Verhoeven has made eleven hundred chairs."], [0, 1]) == [
        "A conversation with chairmaker Jonas Verhoeven.",
        "Jonas Verhoeven has made eleven hundred chairs."]
    assert closed_runs(["330 pull requests were merged", "Then"], [2, 2]) == [
        "330 pull requests were merged", "Then"]
    assert closed_runs(["Is it over?", "Yes"], [0, 1]) == ["Is it over?", "Yes"]
    assert closed_runs(["今日は晴れ", "明日は雨。"], [0, 1]) == ["今日は晴れ", "明日は雨。"]


@pytest.mark.parametrize("language, sentence, word", [
    ("en", "This fortnight the community shipped more posters than ever.", None),
    ("de", "Außerdem: Warum in Connewitz 300 Kitaplätze fehlen.", "außerdem"),
    ("de", "Dieser Schritt kam spät.", "dieser"),
    ("de", "Diese Woche eröffnet die Bibliothek.", None),
    ("de", "Es gibt neue Termine.", None),
    ("nl", "Dit komt door een nieuwe route-indeling.", "dit"),
    ("nl", "Deze week opent het zwembad weer.", None),
    ("fr", "Cela change tout pour les riverains.", "cela"),
    ("fr", "Cette semaine, la mairie vote le budget.", None),
    ("fr", "Il y a du nouveau au marché.", None),
    ("es", "Sin embargo, el ayuntamiento votó en contra.", "sin embargo"),
    ("es", "Este mes tenemos una buena noticia.", None),
])
def test_sentences_lean_by_the_words_of_their_language(
        language, sentence, word):
    """Their connectives and pointing words, as data beside English's: "Dit komt door…" (this
    is because…) was a Dutch summary on its own; "Este mes" stands as "This month" does."""
    from digest.summarize.standalone import words

    assert opening_word(sentence, words(language)) == word


def test_the_german_verb_sein_is_no_pronoun():
    """"…muss schnell sein" is "to be", not "his": the sentence stands."""
    from digest.summarize.standalone import words

    assert leans_on_context("Für einige Abende gibt es nur noch wenige Plätze – schnell sein "
                            "lohnt sich.", lexicon=words("de")) is None


@pytest.mark.parametrize("sentence, reason", [
    ("Over coffee at the café afterwards we agreed that…", "cut short"),  # a feed's excerpt
    ("Verdict: I will grow two next year, not six, and…", "cut short"),
    ("I like explicit but I hate noise...", None),  # a whole thought, trailing off
    ("I've become fearless in Rust, but it's made me fear every other language…", None),
])
def test_a_sentence_an_excerpt_cut_mid_way_is_no_summary_sentence(sentence, reason):
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence(sentence) == reason


@pytest.mark.parametrize("sentence", ["各位學員、老師與志工夥伴，大家好：",
                                      "本期的重點如下："])
def test_a_sentence_ending_with_a_full_width_colon_leads_into_what_follows(sentence):
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence(sentence) == "ends with a colon"


def test_an_issue_line_with_its_date_in_chinese_is_no_summary():
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence("第158期 中華民國115年3月14日出刊（2026/03/14）") == \
        "only a dateline"
    assert not_a_summary_sentence("課程將於2026年3月23日開始，歡迎準時出席。") is None
