"""A podcast's show notes and advertisements written as a sentence: the chapter list stays on
the page but never stands in for the episode's summary; a "Sponsors" heading and a paragraph
opening "This episode is supported by …" (in English or German) are advertisements; a German
date line ("23. November 2026") is a date, not an entry numbered 23. Fixtures written here."""

from __future__ import annotations

import pytest

from digest.ingest import read_bytes
from digest.ingest.markdown import read_markdown
from digest.ingest.markdown_rs import available
from digest.model import Issue
from digest.segment import load_profiles, segment_document
from digest.summarize import summarize_issue

EPISODE = """\
# Shoreline Talk, episode 88: How bridges are made

This week Maya talks with structural engineer Tom Berger about how a bridge goes from a
sketch to a crossing that lasts a century, and why the new footbridge took eleven years.

## Chapters

- 00:00 Introduction
- 03:12 What a bridge is made of
- 14:40 Why concrete cracks, and why that is fine
- 1:02:05 Listener questions

## Links from the episode

- [The footbridge project's public timeline](https://river.example.org/footbridge)

## Sponsors

Ledgerly keeps the books of small workshops. Try it free for 30 days.
"""

AGENDA = """\
# Harbour Festival: the programme

The festival is back on the quay this Saturday, with boats, bands and a fish market.

## Saturday

- 09:00 The fish market opens on the north quay
- 11:30 Rowing races across the harbour mouth
- 15:00 The brass band plays from the lighthouse steps
"""

LETTER = """\
# The Workshop Letter #12

Hello makers. This week: a cheaper way to cut dovetails, and a second tool library.

## Dovetails without a jig

Most dovetail jigs cost more than the saw they guide. Rhea Lund shows how a block of scrap
and two magnets make the same cuts.

Today's issue is brought to you by Kontor, the workshop planner that keeps track of who
borrowed which tool. Readers get three months free.

## The tool library grows

The east side tool library opens a second branch in January, in the old fire station.
"""

BRIEF = """\
# Werkstattbrief Nr. 12

23. November 2026

Hallo zusammen. Diese Woche geht es um Schwalbenschwänze und um die Werkzeugbibliothek.

## Schwalbenschwänze ohne Schablone

Die meisten Schablonen kosten mehr als die Säge, die sie führen. Rhea Lund zeigt, wie ein
Holzklotz und zwei Magnete dieselben Schnitte möglich machen.

Diese Ausgabe wird von Kontor präsentiert, dem Werkstattplaner, der weiß, wer welches
Werkzeug ausgeliehen hat. Leserinnen und Leser bekommen drei Monate gratis.

## Die Werkzeugbibliothek wächst

Die Werkzeugbibliothek im Osten eröffnet im Januar eine zweite Filiale in der alten
Feuerwache. Mitglieder können mit demselben Ausweis in beiden Filialen ausleihen.
"""


def issue(name: str, text: str) -> Issue:
    (found,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    return found


def summary(found: Issue) -> list[str]:
    digest = summarize_issue(found)
    return [s.text for d in digest.sections for s in d.sentences] + [
        i.text for d in digest.sections for i in d.items]


def test_an_episodes_chapters_stay_on_the_page_but_are_never_its_summary():
    found = issue("episode.md", EPISODE)
    chapters = next(s for s in found.sections if s.heading == "Chapters")
    assert [i.text for i in chapters.items][-1] == "1:02:05 Listener questions"
    chosen = summary(found)
    assert chosen[0].startswith("This week Maya talks with structural engineer Tom Berger")
    assert "The footbridge project's public timeline" in chosen
    assert not [t for t in chosen if t[:1].isdigit()]


RECIPE = """\
# The Weeknight Pan, issue 12

Hello cooks! This week: a one-pot bean stew, and the market report.

## Bean and squash stew

A thick stew for a cold night, ready in forty minutes and better the next day.

- 2 tins (400 g each) cannellini beans, drained
- 1 small butternut squash, peeled and cut into cubes
- 1 tsp smoked paprika
- Juice of 1 lemon
- salt and pepper

## Market days

- 14 March – Farmers' market on the green, 9am until noon
- 21 March – Seed swap at the library
- 28 March – Cheese fair in the town hall
"""


def test_a_recipes_ingredients_are_never_its_summary_but_a_calendars_dates_are():
    """A run of short entries most of which open with an amount is a list of ingredients (or
    a shopping list): "1 tsp smoked paprika" was a recipe's summary. Dates are no amounts."""
    chosen = summary(issue("2026-03-06.md", RECIPE))
    assert "A thick stew for a cold night, ready in forty minutes and better the next day." \
        in chosen
    assert not [t for t in chosen if t.startswith(("2 tins", "1 small", "1 tsp", "Juice", "salt"))]
    assert [t for t in chosen if t.startswith(("14 March", "21 March", "28 March"))]


INTERVIEW = """\
# The Workbench 12: a chair is a promise

A conversation with a chairmaker who has made eleven hundred chairs in a tram shed.

**What got you into chairs?** My grandmother had a chair nobody else could sit in.

**How long does one take?** About forty hours for a side chair, sixty for a rocker.

Together with Grainline Tools

### Sharper chisels, fewer swear words

Grainline's honing guide holds any chisel at a repeatable angle, so you spend less time sharpening.

[Try the Grainline guide →](https://grainline.example/guide)

**What is the hardest part to get right?** The angle of the back: two degrees off and
people perch.

**And the one that became firewood?** It was beautiful and it hurt, so I burned it.
"""


def test_an_interviews_questions_after_an_ads_call_are_the_interviews_not_the_ads():
    """An ad box set between an interview's questions ends at its call ("Try the Grainline
    guide →"): the questions after it were the ad's, never shown in a summary."""
    found = issue("2026-03-05.md", INTERVIEW)
    lead, ad = found.sections
    assert [i.text.split("?")[0] for i in lead.items] == [
        "What got you into chairs", "How long does one take",
        "What is the hardest part to get right", "And the one that became firewood"]
    assert (ad.role, ad.items, [p.text[:14] for p in ad.paragraphs]) == (
        "sponsored", [], ["Grainline's ho", "Try the Grainl"])


PLAIN_EPISODE = """\
SHORELINE TALK
Episode 89 - 22 November 2026

This week Maya talks to the harbour's last diver about forty years under the pier.

EPISODE 89: THE DIVER
---------------------

00:00 - Intro
04:10 - How she started diving for the harbour board
15:45 - What lives under the pier
41:00 - Outro

Listen: https://shoreline.example/89
"""


def test_a_plain_text_episodes_chapter_lines_are_a_list_and_its_address_line_no_summary():
    found = issue("episode.txt", PLAIN_EPISODE)
    (chapters,) = [s for s in found.sections if s.items]
    assert [i.text for i in chapters.items] == [
        "00:00 - Intro", "04:10 - How she started diving for the harbour board",
        "15:45 - What lives under the pier", "41:00 - Outro"]
    assert summary(found) == [
        "This week Maya talks to the harbour's last diver about forty years under the pier."]


def test_a_days_programme_by_the_clock_is_summarized_like_any_list():
    chosen = summary(issue("festival.md", AGENDA))
    assert "09:00 The fish market opens on the north quay" in chosen


def test_a_sponsors_heading_is_an_advertisement():
    found = issue("episode.md", EPISODE)
    ad = next(s for s in found.sections if s.heading == "Sponsors")
    assert ad.role == "sponsored"
    assert not [t for t in summary(found) if "Ledgerly" in t]


ITALIAN = """\
# La lettera del laboratorio n. 12

Ciao a tutti. Questa settimana parliamo di code di rondine e di una seconda biblioteca degli
attrezzi.

## Code di rondine senza dima

Quasi tutte le dime costano più della sega che guidano. Rhea Lund mostra come un blocco di
legno e due magneti permettano gli stessi tagli.

Questo numero è sponsorizzato da Kontor, il planner che sa chi ha preso in prestito quale
attrezzo. Per i lettori tre mesi gratis.

## La biblioteca degli attrezzi cresce

La biblioteca degli attrezzi del quartiere est apre una seconda sede a gennaio, nella vecchia
caserma dei pompieri.
"""
LABELLED = LETTER.replace("Today's issue is brought to you by Kontor, the workshop",
                          "SPONSOR: Kontor is the workshop")


@pytest.mark.parametrize(("name", "text", "opening", "sponsor"), [
    ("letter.md", LETTER, "Today's issue is brought to you by Kontor", "Kontor"),
    ("brief.md", BRIEF, "Diese Ausgabe wird von Kontor präsentiert", "Kontor"),
    ("lettera.md", ITALIAN, "Questo numero è sponsorizzato da Kontor", "Kontor"),
    ("labelled.md", LABELLED, "SPONSOR: Kontor is the workshop planner", None),
    ("thanks.md", LETTER.replace("Today's issue is brought to you by Kontor, the workshop",
                                 "Thanks to our sponsor, Kontor — the workshop"),
     "Thanks to our sponsor, Kontor", None),
    ("thanked.md", LETTER.replace("Today's issue is brought to you by Kontor, the workshop",
                                  "Thanks to Kontor for sponsoring this issue. The workshop"),
     "Thanks to Kontor for sponsoring this issue", "Kontor"),
    ("plain.md", LETTER.replace("Today's issue is brought to you by Kontor, the workshop",
                                "Sponsored by Kontor, the workshop"),
     "Sponsored by Kontor", "Kontor"),
])
def test_a_paragraph_saying_it_is_an_advertisement_is_set_apart(name, text, opening, sponsor):
    found = issue(name, text)
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert ad.sponsor == sponsor and ad.paragraphs[0].text.startswith(opening)
    story = found.sections[found.sections.index(ad) - 1]
    assert not [p for p in story.paragraphs if "Kontor" in p.text]
    assert not [t for t in summary(found) if "Kontor" in t]


@pytest.mark.parametrize(("letter", "marker", "sponsor"), [
    (LETTER, "SPONSOR: QueueCraft", "QueueCraft"), (LETTER, "PRESENTED BY", None),
    (LETTER, "-- Advertisement --", None), (BRIEF, "PRÄSENTIERT VON", None),
    (LETTER, "OUR PARTNER THIS WEEK", None), (LETTER, "Today's partner", None),
    (LETTER, "PARTNER", None), (LETTER, "Kit partner", None),
    (LETTER, "Sponsored: QueueCraft:", "QueueCraft")])  # a marker's colon is not its name's
def test_a_sponsor_label_on_its_own_line_marks_the_advertisement_under_it(letter, marker,
                                                                           sponsor):
    text = letter.replace("Today's issue is brought to you by Kontor, the workshop planner",
                          f"{marker}\n\nKontor is the workshop planner").replace(
        "Diese Ausgabe wird von Kontor präsentiert, dem Werkstattplaner",
        f"{marker}\n\nKontor ist der Werkstattplaner")
    found = issue("letter.md", text)
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert ad.sponsor == sponsor
    assert [p.text[:6] for p in ad.paragraphs] == ["Kontor"]
    assert not [t for t in summary(found) if "Kontor" in t]
    assert marker not in [sub.heading for s in found.sections for sub in s.subsections]


def test_a_sentence_that_only_mentions_support_stays_text():
    text = LETTER.replace("Today's issue is brought to you by Kontor",
                          "Powered by solar panels, Kontor's workshop")
    found = issue("letter.md", text)
    assert not [s for s in found.sections if s.role == "sponsored"]


def test_a_german_date_line_is_the_issues_date_not_an_entry_numbered_23():
    found = issue("werkstatt.md", BRIEF)
    assert found.date.isoformat() == "2026-11-23" and found.date_source == "text"
    assert not [i for s in found.sections for i in s.items]
    assert found.sections[0].paragraphs[0].text.startswith("Hallo zusammen")


TERMINE = ["3. März: Elternabend Klasse 1a, 19:30 Uhr in der Aula",
           "6. März: Unterrichtsfrei wegen Pädagogischem Tag",
           "18. März: Besuch der Schulzahnärztin in Klasse 2"]


@pytest.mark.parametrize("name, text", [
    ("brief.md", "# Elternbrief\n\nLiebe Eltern, hier sind die Termine.\n\n## Termine\n\n"
     + "\n".join(TERMINE) + "\n"),
    ("brief.md", "# Elternbrief\n\nLiebe Eltern, hier sind die Termine.\n\n## Termine\n\n"
     + "".join(f"- {line}\n" for line in TERMINE)),
    ("brief.txt", "ELTERNBRIEF\n\nLiebe Eltern, hier sind die Termine.\n\nTERMINE\n\n"
     + "\n".join(TERMINE) + "\n"),
    ("brief.html", "<h1>Elternbrief</h1><p>Liebe Eltern, hier sind die Termine.</p>"
     "<h2>Termine</h2><table>" + "".join(
         f"<tr><td>{line.split(': ')[0]}</td><td>{line.split(': ')[1]}</td></tr>"
         for line in TERMINE) + "</table>"),
], ids=["markdown lines", "markdown list", "plain text", "html table"])
def test_dates_opening_the_lines_of_a_list_keep_their_day_not_a_list_number(name, text):
    """"3. März: Elternabend" is a date written day first, not entry 3 of a numbered list:
    the day stayed out of the text and a page numbered the list 3, 4, 5."""
    found = issue(name, text)
    items = [i for s in found.sections for i in s.items]
    assert [(i.number, i.text.replace(" | ", ": ")) for i in items] == [
        (None, line) for line in TERMINE]
    assert not [i for i in items if i.sub_items]


@pytest.mark.skipif(not available(), reason="markdown-it-pyrs is not installed")
def test_both_markdown_parsers_read_the_date_line_alike():
    fast, slow = read_markdown(BRIEF), read_markdown(BRIEF, parser="python")
    assert fast.blocks == slow.blocks
    assert (fast.blocks[1].kind, fast.blocks[1].text) == ("paragraph", "23. November 2026")


AD_AFTER_STORY = """\
# Morning Pulse

## 3. Catch up quick

The central bank left rates unchanged for a fifth meeting and signalled no cuts before
September.

A message from Kontor

### Your workshop deserves a planner that knows its tools

Kontor knows who borrowed which tool and when it comes back. Teams of five are free.

[Learn more](https://ads.example/kontor)

## 4. The city that banned leaf blowers

Lindenport banned gas-powered leaf blowers on Monday after a two-year phase-in.
"""


def test_an_advertisements_call_links_the_advertisement_not_the_story_above_it():
    found = issue("pulse.md", AD_AFTER_STORY)
    story = next(s for s in found.sections if s.heading == "3. Catch up quick")
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert (story.link, ad.link) == (None, "https://ads.example/kontor")
    assert not story.subsections and [s.heading for s in ad.subsections] == [
        "Your workshop deserves a planner that knows its tools"]


LAB_BRIEF = """<html><body><table>
<tr><td><h1>The Lab Brief</h1><p>Three findings from the week, and a word from a sponsor.</p>
</td></tr>
<tr><td><h2>Moss that counts the rain</h2>
<p>Botanists found that a common roof moss opens its leaves a fixed number of times after each
shower. The count matches the water it can hold.</p></td></tr>
<tr><td><h2>Bats that hum to their young</h2>
<p>Mother bats in a cave colony hum a low note that their pups answer within a second. The
note differs from one mother to the next.</p>
<p>SPONSORED</p></td></tr>
<tr><td><h3>Labels that survive the freezer</h3>
<p>Frostmark labels stay readable at minus eighty degrees. Order a free sample pack.</p>
<p><a href="https://frostmark.example/samples">Get samples</a></p></td></tr>
<tr><td><h3>Quote of the day</h3>
<blockquote>"The pups were answering before we knew there was a question."</blockquote>
</td></tr>
<tr><td><h3>Number of the week</h3>
<p><strong>1,200</strong></p>
<p>The number of bat calls the team recorded in one night at the cave mouth.</p></td></tr>
</table></body></html>
"""


def test_an_advertisement_with_its_own_heading_ends_at_the_next_heading_of_that_level():
    found = issue("brief.html", LAB_BRIEF)
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert [s.heading for s in ad.subsections] == ["Labels that survive the freezer"]
    assert not any("Quote" in p.text or "bat calls" in p.text for p in ad.paragraphs)
    after = [s for s in found.sections if s.first_line > ad.first_line]
    assert [s.heading for s in after] == ["Quote of the day", "Number of the week"]
    figure, explained = after[1].paragraphs  # a bold figure is the fact, never a heading
    assert (figure.kind, figure.text) == ("text", "1,200")
    assert explained.text.startswith("The number of bat calls")
    summary = summarize_issue(found)
    quoted = next(d for d in summary.sections if found.sections[d.section].heading ==
                  "Quote of the day")
    assert [s.text for s in quoted.sentences] == [
        '"The pups were answering before we knew there was a question."']


COLUMN = """\
# The Depot Post

## {heading}

When I joined the company we had four depots and sixty trucks. This month we passed
three thousand colleagues for the first time, and I want to thank every one of you for
the work you did through January's snow.

Our customers noticed, and one of them has extended its contract by two years.

{signature}

## Leeds hub goes solar

Panels on the Leeds roof will supply a fifth of the hub's power from the summer.
"""


@pytest.mark.parametrize("heading, signature", [
    ("A word from Helen", "Helen Oyelaran\n\nChief Executive"),
    ("A message from the Chair", "Priya Shah, Chair"),
    ("A message from Mrs Adeyemi", "Mrs R. Adeyemi\n\nHeadteacher"),
    ("A word from our President", "Tom Reed"),
])
def test_a_column_from_the_senders_own_writer_is_no_advertisement(heading, signature):
    found = issue("post.md", COLUMN.format(heading=heading, signature=signature))
    column = next(s for s in found.sections if s.heading == heading)
    assert column.role != "sponsored" and not column.sponsor
    assert not [s for s in found.sections if s.role == "sponsored"]


def test_a_message_from_an_organisation_is_still_an_advertisement():
    found = issue("post.md", COLUMN.format(heading="A message from the Grain Growers Alliance",
                                           signature="Learn more at grain.example"))
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert ad.sponsor == "the Grain Growers Alliance"


def test_a_bold_sponsor_clause_before_a_comma_keeps_the_ads_sentence_whole():
    found = issue("show.md", """# The Loose Thread, episode 9

## Show notes

We talk about why some bridges hum in the wind, and what engineers do about it.

**This episode is supported by Inkwell**, the notebook that turns handwriting into text.
Use code THREAD for a month free.

## Transcript

Lightly edited for clarity.
""")
    (ad,) = [s for s in found.sections if s.role == "sponsored"]
    assert ad.sponsor == "Inkwell"
    assert [p.text for p in ad.paragraphs] == [
        "This episode is supported by Inkwell, the notebook that turns handwriting into text. "
        "Use code THREAD for a month free."]
