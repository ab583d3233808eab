"""A letter reads as its writer meant: wrapped lines make paragraphs again, written addresses
are links, the masthead's second line is its subtitle, and the closing, the signature, the
footer and an advertisement marked in its opening words are not content. Fixtures written
here."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from _letters import issue_of, mail

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document
from digest.summarize import SummaryConfig, summarize_issue
from digest.summarize.tokenizer import split_sentences

LETTER = """\
THE GARDEN LEDGER
Issue 14 - 2 March 2026
=======================

Hello again, growers. Spring is close and the seed catalogues are thick. This week we look at
soil tests, a new community orchard and the season's first frost warnings.

Soil tests you can do at home
-----------------------------

A jar test tells you how much sand, silt and clay your soil holds. Fill a jar a third full of
soil, top it up with water and a pinch of salt, shake it and let it settle for a day. The layers
show the mix. Sandy soils drain fast and need more organic matter.

Read the full guide: https://gardenledger.example/guides/jar-test?utm_source=letter&id=7

Quick links
-----------

1) The allotment society opens its waiting list on 10 March.
   https://allotments.example.org/waiting-list
2) Seed swap at the Northside library, Saturday 14 March, 10:00 to 13:00.
   https://library.example.org/events/seed-swap

Community orchard
-----------------

The Riverside community orchard planted its first forty trees last weekend. Volunteers from
three schools helped. The orchard will grow apples, pears and plums, and the first fruit is
expected in three years. The council gave the land on a twenty-year lease.

--
Happy digging,
Mara
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def texts(section) -> list[str]:
    return [p.text for p in section.paragraphs]


def test_a_hard_wrapped_letter_reads_as_paragraphs_sections_and_a_subtitle(profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    assert (issue.title, issue.dek) == ("THE GARDEN LEDGER", "Issue 14 - 2 March 2026")
    assert [(s.kind, s.heading) for s in issue.sections] == [
        ("lead", None), ("section", "Soil tests you can do at home"),
        ("section", "Quick links"), ("section", "Community orchard")]
    lead, soil, links, orchard = issue.sections
    assert texts(lead) == ["Hello again, growers. Spring is close and the seed catalogues are "
                           "thick. This week we look at soil tests, a new community orchard and "
                           "the season's first frost warnings."]
    assert texts(soil)[0].endswith("let it settle for a day. The layers show the mix. Sandy "
                                   "soils drain fast and need more organic matter.")
    assert [i.number for i in links.items] == [1, 2]
    assert texts(orchard) == [" ".join(LETTER.split("\n\n")[-2].split())]


def test_the_closing_and_signature_are_left_out_as_a_sign_off(profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    signoff = [d.text for d in issue.dropped if d.kind == "signoff"]
    assert signoff == ["--", "Happy digging,", "Mara"]
    assert "Mara" not in " ".join(p.text for s in issue.sections for p in s.paragraphs)


@pytest.mark.parametrize("tail, kept", [
    ("\n\nWarm regards,\n\nJo Park\nEditor\n\n## Next", []),
    ("\n\nIn short,\n\nthe garden grew. More next week.\n", ["In short,"]),
    ("\n\nThanks,\n\nJo Park\n\nP.S. The seed swap moved to Sunday, at the same time.\n", []),
], ids=["closing over a name and role", "a comma line over text", "a postscript after"])
def test_a_closing_is_a_sign_off_only_over_a_name_where_the_section_ends_or_a_postscript_follows(
        tail, kept, profiles):
    text = "# Garden Notes\n\n## Beds\n\nThe beds were dug over and fed with compost." + tail
    issue = issue_of("notes.md", text.encode(), profiles)
    paragraphs = [p.text for s in issue.sections for p in s.paragraphs]
    assert [t for t in ("Warm regards,", "In short,", "Thanks,") if t in paragraphs] == kept


@pytest.mark.parametrize("tail", ["Thanks,\n\nThe whole team at Garden Notes",
                                  "Thanks,\nThe whole team at Garden Notes"],
                         ids=["two paragraphs", "one paragraph"])
def test_a_closing_over_a_teams_name_is_a_sign_off(tail, profiles):
    text = "# Garden Notes\n\n## Beds\n\nThe beds were dug over and fed with compost.\n\n" + tail
    issue = issue_of("notes.md", text.encode(), profiles)
    paragraphs = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "team" not in paragraphs and "Thanks" not in paragraphs
    assert any("The whole team" in d.text for d in issue.dropped if d.kind == "signoff")


ALLOTMENT = "# Plot Notes\n\n## Beds\n\nThe beds were dug over and fed with compost.\n\n"
FOOTER = "\n\n[Unsubscribe](https://plotnotes.example/unsubscribe?u=3)\n"


@pytest.mark.parametrize("tail, gone, kept", [
    ("Happy digging,\n\nMarek\n\nPlot Notes is written by volunteers from the Eastfield "
     "allotments. Spotted a mistake? Reply and tell us.",
     ["Happy digging,", "Marek"], "Plot Notes is written by volunteers"),
    ("Marek\n\nP.S. The water troughs are filled again from Saturday, so leave the hoses "
     "coiled by the shed.", ["Marek"], "P.S. The water troughs"),
    ("Marek\n\n* * *\n\nPlot Notes comes from the Eastfield allotments, with thanks to "
     "the committee for the photographs.",
     ["Marek"], "Plot Notes comes from"),
    ("Wishing you a dry and sunny week on the plots!\n\nThe committee of Eastfield "
     "Allotment Society", ["Wishing you a dry and sunny week on the plots!",
                           "The committee of Eastfield Allotment Society"], None),
    ("— Marek Nowicki, on behalf of the plot committee",
     ["— Marek Nowicki, on behalf of the plot committee"], None),
], ids=["closing over a colophon", "name over a postscript", "name over a ruled tagline",
        "long farewell over a team", "dash, name and for whom"])
def test_a_sign_off_over_a_colophon_or_postscript_that_ends_the_issue_is_left_out(
        tail, gone, kept, profiles):
    """A sign-off is found under the last story even with a line or two after it that end the
    issue (a postscript, a tagline, a colophon); those stay as the text's end, and the name is
    never a heading over them."""
    issue = issue_of("plot.md", (ALLOTMENT + tail + FOOTER).encode(), profiles)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == gone
    assert [s.heading for s in issue.sections] == ["Beds"]
    paragraphs = [p.text for s in issue.sections for p in s.paragraphs]
    assert paragraphs[0] == "The beds were dug over and fed with compost."
    assert (paragraphs[-1].startswith(kept) if kept else len(paragraphs) == 1)


def test_a_name_over_a_short_paragraph_with_no_postscript_or_rule_stays(profiles):
    """A short line over a short paragraph at the end is a subhead, no signature."""
    text = ALLOTMENT + "Next Month\n\nThe orchard is pruned on the first Sunday." + FOOTER
    issue = issue_of("plot.md", text.encode(), profiles)
    assert not [d.text for d in issue.dropped if d.kind == "signoff"]


VEREIN = """<html lang="{lang}"><body><table><tr><td><h1>Vereinsbrief November</h1>
<h2>Jahreshauptversammlung</h2>
<p>Die Versammlung findet am 12. Dezember um 19 Uhr im Vereinsheim statt.</p>
<p>{closing}<br>{name}</p></td></tr>
<tr><td><p>TSV Beispielstadt e.V., Sportplatzweg 3, 12345 Beispielstadt</p>
<p><a href="https://tsv.example/impressum">Impressum</a> |
<a href="https://tsv.example/abmelden">Abmelden</a></p></td></tr></table></body></html>"""


@pytest.mark.parametrize("lang, closing, name", [
    ("de", "Sportliche Grüße", "Ihr Vorstand"), ("nl", "Met vriendelijke groet", "Els de Vries")])
def test_a_closing_without_a_comma_over_a_name_where_the_issue_ends_is_a_sign_off(
        lang, closing, name, profiles):
    html = VEREIN.format(lang=lang, closing=closing, name=name)
    issue = issue_of("verein.html", html.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Die Versammlung findet am 12. Dezember um 19 Uhr im Vereinsheim statt."]
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == [closing, name]


@pytest.mark.parametrize("name, text", [
    ("woche.txt", "Die Woche in Linux 12\n\nDer neue Kernel bringt bessere Treiber für ältere "
                  "Laptops.\n\nViele Grüße\nJonas\n\n-- \nDie Woche in Linux erscheint "
                  "jeden Freitag.\n"),
    ("woche.md", "# Die Woche in Linux 12\n\nDer neue Kernel bringt bessere Treiber für ältere "
                 "Laptops.\n\nViele Grüße\nJonas\n")])
def test_a_closing_without_a_comma_over_a_signature_or_at_the_end_is_a_sign_off(
        name, text, profiles):
    issue = issue_of(name, text.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Der neue Kernel bringt bessere Treiber für ältere Laptops."]
    assert " ".join(d.text for d in issue.dropped if d.kind == "signoff").startswith(
        "Viele Grüße Jonas")


def test_a_short_line_over_a_name_inside_the_issue_is_no_sign_off(profiles):
    text = ("# Garden Notes\n\n## Beds\n\nThe beds were dug over and fed with compost.\n\n"
            "Best Tools\n\nJo Park\n\n## Next\n\nThe orchard is next, in March.\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    assert not [d.text for d in issue.dropped if d.kind == "signoff"]
    assert "Best Tools" in [p.text for s in issue.sections for p in s.paragraphs]


def test_addresses_written_out_are_links_without_their_tracking(profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    soil = issue.sections[1]
    guide = "https://gardenledger.example/guides/jar-test?id=7"
    assert texts(soil)[1] == f"Read the full guide: {guide}"
    assert [(link.text, link.url) for link in soil.paragraphs[1].links] == [(guide, guide)]
    first = issue.sections[2].items[0]
    assert [link.url for link in first.links] == ["https://allotments.example.org/waiting-list"]


@pytest.mark.parametrize("under", ["{url}", "<{url}>", "({url})"])
def test_an_entry_over_its_address_in_brackets_links_its_words_to_it(under, profiles):
    url = "https://data.example.gov/trees"
    text = ("THE OPEN DATA LETTER 19\n\nA short one this week, mostly releases.\n\nRELEASES\n\n"
            "* The tree inventory now has 41,000 records and a map view.\n"
            f"  {under.format(url=url + '?utm_source=letter')}\n"
            "* Bus punctuality data is published daily instead of monthly.\n"
            "  <https://transit.example.gov/punctuality>\n")
    issue = issue_of("letter.txt", text.encode(), profiles)
    first = issue.sections[-1].items[0]
    assert first.text == "The tree inventory now has 41,000 records and a map view."
    assert [(link.text, link.url) for link in first.links] == [(first.text, url)]


@pytest.mark.parametrize("written", ["[{url}] {words}", "<{url}> {words}", "{url} — {words}"])
def test_an_entry_opening_with_its_address_links_its_words_to_it(written, profiles):
    url = "https://example.com/rg"
    words = "ripgrep 15 is out, with faster searches in large repositories."
    entry = written.format(url=url, words=words)
    text = (f"Weekly links, 18 November 2026\n\n- Tools:\n  - {entry}\n"
            "  - [https://example.com/fd] fd learns to follow symlinks only when asked.\n")
    issue = issue_of("links.txt", text.encode(), profiles)
    first = issue.sections[0].items[0]
    assert first.text == words
    assert [(link.text, link.url) for link in first.links] == [(words, url)]


OUTLOOK_TEXT = """Dear colleagues,

LIBRARY HOURS
The west reading room closes for repairs from Monday 6 April, for about three weeks.
The floor plan<https://intranet.example/library/plan> shows where the study desks go
meanwhile, and the booking form<https://intranet.example/library/book> is open now.
Questions to desks@library.example<mailto:desks@library.example> or the help page
<https://help.example/desks>.

WATER SURVEY
This is the first survey since 2019 [https://estates.example/survey-2019]. The full
report<https://estates.example/survey-2026> is on the estates pages.
"""


def test_an_address_in_brackets_after_words_links_them_and_leaves_the_text(profiles):
    """Outlook's plain text writes each link's address in angle brackets right after its
    words ("form<https://…>", "a@b<mailto:a@b>"), other mail programs "… 2019 [https://…]":
    the words (up to three) are the link and the address is no text, so the sentence reads
    as written and may be a summary's."""
    issue = issue_of("hours.eml", mail(OUTLOOK_TEXT, "Estates <estates@uni.example>",
                                       "Staff news", "Mon, 30 Mar 2026 08:00:00 +0000",
                                       subtype="plain"), profiles)
    hours, survey = issue.sections[-2:]
    assert texts(hours) == [
        "The west reading room closes for repairs from Monday 6 April, for about three weeks. "
        "The floor plan shows where the study desks go meanwhile, and the booking form is open "
        "now. Questions to desks@library.example or the help page."]
    assert [(link.text, link.url) for link in hours.paragraphs[0].links] == [
        ("The floor plan", "https://intranet.example/library/plan"),
        ("the booking form", "https://intranet.example/library/book"),
        ("desks@library.example", "mailto:desks@library.example"),
        ("the help page", "https://help.example/desks")]
    assert texts(survey) == ["This is the first survey since 2019. The full report is on the "
                             "estates pages."]
    assert [link.text for link in survey.paragraphs[0].links] == ["survey since 2019",
                                                                  "The full report"]
    summary = summarize_issue(issue, SummaryConfig())
    assert "The floor plan shows where the study desks go meanwhile, and the booking form is " \
        "open now." in [s.text for d in summary.sections for s in d.sentences]


def test_a_restructuredtext_link_reads_as_its_words(profiles):
    """reStructuredText's "`Title <https://…>`_" in a text file: the title is the link, the
    backquotes, the address and the underscores are no text."""
    text = ("Loom Notes, March 2026\n\nOur hosting is donated by `Cedar Racks "
            "<https://cedar.example/>`__ and our builds by `Tern CI <https://tern.example/>`_.\n")
    issue = issue_of("notes.txt", text.encode(), profiles)
    (paragraph,) = [p for s in issue.sections for p in s.paragraphs]
    assert paragraph.text == "Our hosting is donated by Cedar Racks and our builds by Tern CI."
    assert [(link.text, link.url) for link in paragraph.links] == [
        ("Cedar Racks", "https://cedar.example/"), ("Tern CI", "https://tern.example/")]


def test_text_with_no_wrapping_keeps_a_block_per_line(profiles):
    lines = ["One short note on the harvest, which was early this year.",
             "A second note, on its own line, about the price of seed potatoes at the market.",
             "A third, about rain.", "And a fourth line that says the shop opens at nine."]
    doc = read_bytes("notes.txt", "\n".join(lines).encode())
    assert [b.text for b in doc.parts[0].blocks] == lines


def flowed(text: str, delsp: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Garden Ledger <letters@gardenledger.example>"
    message["Subject"] = "The Garden Ledger 15"
    message["Date"] = "Mon, 09 Mar 2026 07:00:00 +0000"
    message.set_content(text, cte="8bit")
    message.set_param("format", "flowed")
    if delsp:
        message.set_param("delsp", "yes")
    return bytes(message)


def test_a_format_flowed_mail_joins_its_soft_line_breaks_only():
    text = ("The frost came late this year, and most \nseedlings survived it.\n"
            "Short line kept\nas written.\n")
    doc = read_bytes("ledger.eml", flowed(text))
    assert [b.text for b in doc.parts[0].blocks] == [
        "The frost came late this year, and most seedlings survived it.",
        "Short line kept", "as written."]
    glued = read_bytes("ledger.eml", flowed("東京の庭 \n園芸店\n", delsp=True))
    assert [b.text for b in glued.parts[0].blocks] == ["東京の庭園芸店"]


def test_a_web_address_is_never_cut_into_sentences():
    text = ("Read the guide at https://example.org/page?id=3&x=y for more. "
            "Then see www.example.org/a.b?c=d. The end.")
    assert split_sentences(text) == [
        "Read the guide at https://example.org/page?id=3&x=y for more.",
        "Then see www.example.org/a.b?c=d.", "The end."]


def test_a_greeting_too_short_to_stand_alone_is_not_the_summary(profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    lead = [s.text for s in digest.sections[0].sentences]
    assert lead and "Hello again, growers." not in lead


@pytest.mark.parametrize("greeting", ["Hello and welcome to issue twelve, everyone!",
                                      "Bonjour à toutes et à tous !",
                                      "Hi there, dear friends of the garden,",
                                      "Hello and welcome to Garden Notes, the weekly letter of "
                                      "allotment news from me, Dara.",
                                      "Welcome back to Garden Notes, the fortnightly letter for "
                                      "people who would rather be digging than reading."])
def test_a_one_line_salutation_opening_the_issue_is_not_its_summary(greeting, profiles):
    text = (f"# Garden Notes\n\n{greeting}\n\nThis week the allotments opened their waiting "
            "list, a seed swap came to the library and the first frost warning of the autumn "
            "went out on Tuesday night.\n\n## Beds\n\nThe beds were dug over and fed with "
            "compost before the rain came back.\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    lead = [s.text for s in digest.sections[0].sentences]
    assert lead and lead[0].startswith("This week the allotments")


def test_a_greeting_that_goes_on_to_say_something_stays_a_summary_sentence(profiles):
    text = ("# Garden Notes\n\nHi all, this week I finally finished the new raised beds by "
            "the shed. They took three weekends.\n\n## Beds\n\nThe beds were dug over and "
            "fed with compost before the rain came back.\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    digest = summarize_issue(issue, SummaryConfig())
    assert [s.text for s in digest.sections[0].sentences][:1] == [
        "Hi all, this week I finally finished the new raised beds by the shed."]


def test_markdown_link_definitions_left_as_text_are_not_content(profiles):
    text = ("# Rust Notes\n\n## Links\n\n* [A post][a].\n\n[broken]:\n"
            "[a]: https://example.org/a\n[b]: https://example.org/b\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    assert [d.kind for d in issue.dropped] == ["chrome"]
    assert all("example.org/b" not in p.text for s in issue.sections for p in s.paragraphs)


NOTES = """\
---
title: "Frontend Notes #88"
date: 2026-03-05
---

This week: container queries land everywhere and a new CSS reset.

## Top stories

All major browsers now ship style queries for containers, so components adapt to their space.

---

**Sponsored by Pixelbase** — Ship design tokens from Figma to code. [Try it](https://px.example/)

---

## Talks

- [The cascade, layer by layer](https://talks.example/cascade) — 38 min, by Ana Ruiz
- [View transitions](https://talks.example/vt) — 25 min

That's it for this week!

Cheers,
Lea

[Unsubscribe](https://frontendnotes.example/unsubscribe)
"""


@pytest.mark.parametrize("box", ["", "> "], ids=["paragraph", "quote"])
def test_an_advertisement_marked_in_its_bold_opening_is_sponsored(box, profiles):
    text = NOTES.replace("**Sponsored by Pixelbase**", box + "**Sponsored by Pixelbase**")
    issue = issue_of("notes.md", text.encode(), profiles)
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert ad.sponsor == "Pixelbase"
    assert [(p.text, [link.url for link in p.links]) for p in ad.paragraphs] == [
        ("Ship design tokens from Figma to code. Try it", ["https://px.example/"])]
    top = next(s for s in issue.sections if s.heading == "Top stories")
    assert all("Pixelbase" not in p.text for p in top.paragraphs)


def test_a_closing_and_name_on_two_lines_of_one_paragraph_are_a_sign_off(profiles):
    issue = issue_of("notes.md", NOTES.encode(), profiles)
    assert [(d.kind, d.text) for d in issue.dropped][-3:] == [
        ("chrome", "That's it for this week!"), ("signoff", "Cheers, Lea"),
        ("chrome", "Unsubscribe")]


def test_a_talks_length_after_a_dash_is_no_author(profiles):
    issue = issue_of("notes.md", NOTES.encode(), profiles)
    talks = next(s for s in issue.sections if s.heading == "Talks")
    assert [(i.title, i.author) for i in talks.items] == [
        ("The cascade, layer by layer", "Ana Ruiz"), ("View transitions", None)]


STADTBRIEF = """<html lang="de"><body><table><tr><td>
<h1>Stadtbrief Nr. 42</h1>
<p>Nach zwei Jahren Bauzeit ist die Alte Brücke seit Montag wieder für Fußgänger geöffnet.</p>
<h2>Haushalt</h2>
<p>Der Kämmerer hat am Dienstag den Haushalt vorgelegt. Es fehlen acht Millionen.</p>
<p>Bis nächste Woche,</p>
<p>Ihre Jana Berger</p>
</td></tr><tr><td>
<p>Sie erhalten diesen Newsletter, weil Sie sich auf stadtbrief.example angemeldet haben.</p>
<p><a href="https://stadtbrief.example/abmelden?u=1">Abmelden</a></p>
<p>Stadtbrief GmbH, Marktplatz 1, 12345 Musterstadt</p>
</td></tr></table></body></html>"""


def test_a_german_letter_ends_with_its_sign_off_and_footer_left_out(profiles):
    issue = issue_of("stadtbrief.html", STADTBRIEF.encode(), profiles)
    assert issue.language == "de"
    kinds = {d.text: d.kind for d in issue.dropped}
    assert kinds == {"Bis nächste Woche,": "signoff", "Ihre Jana Berger": "signoff",
                     "Sie erhalten diesen Newsletter, weil Sie sich auf stadtbrief.example "
                     "angemeldet haben.": "chrome",
                     "Abmelden": "chrome", "Stadtbrief GmbH, Marktplatz 1, 12345 Musterstadt":
                     "chrome"}


BRIEF = """\
PARISH BRIEF -- 20 February 2026

==================================================

IN THIS ISSUE
  * Bridge repairs start
  * A new bus route
  * Dates

==================================================

BRIDGE REPAIRS START

Work on the old stone bridge begins on Monday and will close it to cars for six weeks.

  * Walkers can still cross on the east side
  * The Saturday market moves to the square

A NEW BUS ROUTE

The number 12 bus will stop at the school from March.

DATES

  * 3 March - Parish council, village hall
  * 9 March - Litter pick, meet at the church
"""


def test_a_text_issue_drops_its_contents_list_and_reads_indented_lists_as_siblings(profiles):
    issue = issue_of("brief.txt", BRIEF.encode(), profiles)
    assert [s.heading for s in issue.sections] == [
        "BRIDGE REPAIRS START", "A NEW BUS ROUTE", "DATES"]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [
        "IN THIS ISSUE", "Bridge repairs start", "A new bus route", "Dates"]
    bridge, _, dates = issue.sections
    assert [(i.text, i.sub_items) for i in bridge.items] == [
        ("Walkers can still cross on the east side", []),
        ("The Saturday market moves to the square", [])]
    assert len(dates.items) == 2
    assert not any(set(p.text) <= {"="} for s in issue.sections for p in s.paragraphs)


POST = """<html><body><table role="presentation"><tr><td>
<h1><a href="https://fieldnotes.substack.com/p/the-river-moves">The river moves</a></h1>
<h3>Why the river moved its bed, and what the town did about it</h3>
<p><a href="https://substack.com/@annaweber">Anna Weber</a></p>
<p>Mar 4</p>
<p>Last spring the river shifted forty metres to the east in a single week of rain.</p>
<figure><img src="https://substackcdn.com/image/x.jpg" alt="">
<figcaption>The new channel, seen from the church tower in May.</figcaption></figure>
<h2>How a river moves</h2>
<p>Rivers on flat ground wander, and each flood cuts the outer bank of a bend.</p>
<h2>What the town did</h2>
<p>The council voted to leave the new channel where it is, and to pay the farmers.</p>
<p><a href="https://fieldnotes.substack.com/action/disable_email?token=a">Unsubscribe</a></p>
</td></tr></table></body></html>"""


def substack_mail(sender: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender} <fieldnotes@substack.com>"
    message["Subject"] = "The river moves"
    message["Date"] = "Wed, 04 Mar 2026 12:00:00 +0000"
    message["List-ID"] = "<fieldnotes.substack.com>"
    message.set_content(POST, subtype="html")
    return bytes(message)


def test_a_substack_post_is_named_dated_and_read_without_its_caption(profiles):
    issue = issue_of("river.eml", substack_mail("Anna Weber from Field Notes"), profiles)
    assert (issue.publication, issue.author) == ("Field Notes", "Anna Weber")
    assert (issue.title, issue.dek) == (
        "The river moves", "Why the river moved its bed, and what the town did about it")
    assert [s.heading for s in issue.sections] == [None, "How a river moves", "What the town did"]
    assert [(d.kind, d.text) for d in issue.dropped][:3] == [
        ("byline", "Anna Weber"), ("byline", "Mar 4"),
        ("caption", "The new channel, seen from the church tower in May.")]
    alone = issue_of("river.eml", substack_mail("Field Notes"), profiles)
    assert (alone.publication, alone.author) == ("Field Notes", None)  # no "by Field Notes"


PAGE = """<!DOCTYPE html><html lang="en"><head><title>Issue #120: Night trains | Rail Weekly</title>
</head><body>
<header><a href="/">Rail Weekly</a> <a href="/archive">Archive</a></header>
<main><article>
<header><h1>Issue #120: Night trains</h1>
<p>By <a href="/author/tom">Tom Reed</a> · 6 Mar 2026 · 4 min read</p></header>
<p>Three night train routes come back this spring, with one ticket for all of them.</p>
<h2>The sleeper returns</h2>
<p>The sleeper to the coast runs again from April, five nights a week.</p>
<aside><h3>Enjoying Rail Weekly?</h3><p>Get every issue in your inbox.</p></aside>
<h2>Track work</h2>
<p>Weekend closures on the northern line start on 14 March and last six weeks.</p>
<footer><p>Tags: sleepers, timetables</p></footer>
</article>
<section><h3>You might also like</h3><ul><li><a href="/119">Issue #119</a></li></ul></section>
</main>
<footer><p>Thanks for stopping by.</p></footer>
</body></html>"""


def test_a_saved_page_keeps_its_article_and_reads_the_byline_as_its_author(profiles):
    issue = issue_of("issue-120.html", PAGE.encode(), profiles)
    assert (issue.title, issue.author) == ("Issue #120: Night trains", "Tom Reed")
    assert [s.heading for s in issue.sections] == [None, "The sleeper returns", "Track work"]
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    for furniture in ("Archive", "Enjoying", "inbox", "Tags:", "You might", "#119", "stopping"):
        assert furniture not in kept
    assert {d.kind for d in issue.dropped} == {"chrome", "byline"}


LETTRE = """\
# La Lettre du Code n°45

Bonjour ! Cette semaine, le nouveau compilateur et deux articles à lire.

## À lire

- [Pourquoi les tests lents coûtent cher](https://blog.example.fr/tests) par Jean Dupont
- [Un an de Rust en production](https://tech.example.fr/rust) par Marie Curie et Paul Martin

## Partenaire

**Présenté par CloudNord** — Hébergez vos projets en France, sans frais de sortie.

## Agenda

- 12 mars : rencontre Rust à Lyon
- 20 mars : journée du logiciel libre à Nantes

C'est tout pour cette semaine ! Répondez à ce message pour nous écrire.

À la semaine prochaine,

Marie

[Se désabonner](https://lalettre.example/desabonnement)
"""


def test_a_french_letter_has_its_advertisement_sign_off_and_footer_found(profiles):
    issue = issue_of("lettre.md", LETTRE.encode(), profiles)
    assert issue.language == "fr"
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert (ad.heading, ad.sponsor) == ("Partenaire", "CloudNord")
    assert [p.text for p in ad.paragraphs] == [
        "Hébergez vos projets en France, sans frais de sortie."]
    assert [(d.kind, d.text) for d in issue.dropped] == [
        ("chrome", "Présenté par CloudNord"),
        ("chrome", "C'est tout pour cette semaine ! Répondez à ce message pour nous écrire."),
        ("signoff", "À la semaine prochaine,"), ("signoff", "Marie"),
        ("chrome", "Se désabonner")]
    reading = issue.sections[1]
    assert [i.author for i in reading.items] == ["Jean Dupont", "Marie Curie et Paul Martin"]


BOLETIN = """<html lang="es"><body>
<p><a href="https://boletin.example/web/7">Ver en el navegador</a></p>
<h1>El Boletín Verde n.º 7</h1>
<p>Esta semana hablamos del nuevo parque solar y de la huerta urbana del barrio.</p>
<h2>La huerta urbana crece</h2>
<p>La huerta comunitaria suma veinte parcelas nuevas, que se asignarán por sorteo.</p>
<p><b>Patrocinado por BiciSur</b> – Bicicletas eléctricas de alquiler por meses.</p>
<p>Las solicitudes para las parcelas se abren el lunes en el centro cívico.</p>
<p>Un abrazo,</p>
<p>Lucía</p>
<p>Has recibido este correo porque te suscribiste en boletin.example.</p>
<p><a href="https://boletin.example/baja?u=5">Darse de baja</a></p>
</body></html>"""


def test_an_advertisement_in_one_paragraph_leaves_the_text_after_it_in_its_section(profiles):
    issue = issue_of("boletin.html", BOLETIN.encode(), profiles)
    assert issue.language == "es"
    huerta = next(s for s in issue.sections if s.heading == "La huerta urbana crece")
    assert [p.text for p in huerta.paragraphs][-1].startswith("Las solicitudes")
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert (ad.sponsor, [p.text for p in ad.paragraphs]) == (
        "BiciSur", ["Bicicletas eléctricas de alquiler por meses."])
    assert {d.kind for d in issue.dropped} == {"chrome", "signoff"}
    assert len(issue.dropped) == 6


def test_a_short_wrapped_letter_in_an_mbox_reads_as_paragraphs_with_its_signature_apart(
        tmp_path, profiles):
    import mailbox

    from digest.ingest import read_file

    box = mailbox.mbox(str(tmp_path / "archive.mbox"))
    for number, day in ((1, "02"), (2, "09")):
        message = EmailMessage()
        message["From"] = "Weekly Letter <sam@weekly.example>"
        message["Subject"] = f"Weekly Letter {number}"
        message["Date"] = f"Mon, {day} Feb 2026 08:00:00 +0000"
        message.set_content(
            "The snow closed the school for two days this week, and the buses ran a\n"
            "reduced timetable. The council gritted the main roads by Wednesday.\n\n"
            "The library extends its hours on Thursdays until eight in the evening\n"
            f"from next month, after a survey of {number * 100} readers.\n\n"
            "See you next week,\nSam\n\n-- \nWeekly Letter, 1 Main Street\n")
        box.add(message)
    box.close()
    issues, _ = segment_document(read_file(tmp_path / "archive.mbox"), *profiles)
    assert [i.title for i in issues] == ["Weekly Letter 1", "Weekly Letter 2"]
    for issue in issues:
        (lead,) = issue.sections
        assert [p.text[-19:] for p in lead.paragraphs] == [
            "roads by Wednesday.", f"vey of {issue.title[-1]}00 readers."]
        assert [d.kind for d in issue.dropped] == ["signoff"] * 4



@pytest.mark.parametrize("line, language", [
    ("4 mars 2026", "fr"), ("März 2026", "de"), ("2026-03-04", "en"), ("March 4, 2026", "en"),
    ("03/04/2026 06:00 AM EDT", "en"), ("March 4, 2026 at 6:00 a.m. ET", "en"),
    ("04.03.2026, 06:00 Uhr", "de")])
def test_a_date_line_under_the_title_is_part_of_the_byline(line, language, profiles):
    text = f"---\nlang: {language}\n---\n# Notes 5\n\n{line}\n\nLe Rat a voté le budget.\n"
    issue = issue_of("notes.md", text.encode(), profiles)
    assert [(d.kind, d.text) for d in issue.dropped] == [("byline", line)]


CLUB = """<html><body><table><tr><td>
<h1>Club News – March</h1>
<p>Spring training starts on the 14th, and two new coaches join the club this month.</p>
<h2>AGM</h2>
<p>The annual general meeting is on 2 April at 7pm in the clubhouse.</p>
<p>See you on the pitch,<br>Jenny<br>Club Secretary</p>
</td></tr><tr><td><a href="https://facebook.com/club">Facebook</a></td>
<td><a href="https://club.example">Website</a></td></tr><tr><td>
<p>Copyright © 2026 Riverside Tennis Club, All rights reserved.</p>
<p>You can <a href="https://club.example/profile">update your preferences</a> or
<a href="https://club.example/unsubscribe">unsubscribe from this list</a>.</p>
</td></tr></table></body></html>"""


def test_the_row_of_links_above_a_footer_goes_with_it_and_the_sign_off_above_that(profiles):
    issue = issue_of("club.html", CLUB.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Spring training starts on the 14th, and two new coaches join the club this month.",
        "The annual general meeting is on 2 April at 7pm in the clubhouse."]
    assert [(d.kind, d.text) for d in issue.dropped][:5] == [
        ("signoff", "See you on the pitch,"), ("signoff", "Jenny"),
        ("signoff", "Club Secretary"), ("chrome", "Facebook"), ("chrome", "Website")]


BRIEF_MAIL = """<html><body><table><tr><td>
<h1>AI Brief #31: Small models, big week</h1>
<p>Good morning. Three open models beat last year's giants this week, and a new benchmark asks
whether any of it matters.</p>
<p><strong>In today's brief:</strong></p>
<ul><li>Small models catch up</li><li>Quick hits</li></ul>
<h2>Small models catch up</h2>
<p>Three labs released models under ten billion parameters that match last year's largest.</p>
<h2>Quick hits</h2>
<ul><li><a href="https://news.example/chips">Chip prices fall for a third month</a></li>
<li><a href="https://news.example/eu">The EU publishes its model registry</a></li></ul>
<p>That's it for today. See you Thursday!</p>
<p><a href="https://brief.example/preferences">Update your email preferences</a> or
<a href="https://brief.example/unsubscribe">unsubscribe</a></p>
<p>© 2026 AI Brief · 228 Park Ave S, New York, NY 10003, United States</p>
</td></tr></table></body></html>"""


def test_a_list_of_linked_stories_above_the_footer_stays_and_a_contents_lead_is_no_roundup(
        profiles):
    issue = issue_of("brief.html", BRIEF_MAIL.encode(), profiles)
    lead, models, hits = issue.sections
    assert (lead.role, lead.layout, lead.items) == ("lead", "prose", [])
    assert [i.text for i in hits.items] == [
        "Chip prices fall for a third month", "The EU publishes its model registry"]


def test_an_invitation_to_reply_below_the_sign_off_is_chrome_and_the_sign_off_still_found(
        profiles):
    page = """<html><head><title>Notes 19</title></head><body><article>
<p>This week I moved a small service onto one database file, and the bill fell to nothing.</p>
<h2>What changed</h2>
<p>Reads dominate and writes come in bursts. One file with a write-ahead log copes well.</p>
<p>Until next week,<br>Lena</p>
<p><em>You can reply to this email — I read every message.</em></p>
</article></body></html>"""
    issue = issue_of("19.html", page.encode(), profiles)
    assert [(d.kind, d.text) for d in issue.dropped][-3:] == [
        ("signoff", "Until next week,"), ("signoff", "Lena"),
        ("chrome", "You can reply to this email — I read every message.")]


def test_a_briefing_mail_drops_its_date_line_referral_block_and_credits(profiles):
    html = """<html><body>
<p><a href="https://mug.example/issues/24">View Online</a> |
<a href="https://mug.example/signup">Sign Up</a></p>
<p>November 24, 2026</p>
<p>Good morning. The central bank did very little this week, and did it on purpose.</p>
<h1>CENTRAL BANKS</h1>
<p>The bank kept its main rate at 3.5% on Monday, the third pause in a row.</p>
<h1>SHARE THE MUG</h1>
<p>You're 2 referrals away from a free mug. Share your link: <a href="https://mug.example/r/ab">mug.example/r/ab</a></p>
<h1>QUICK BITES</h1>
<ul><li>A ferry operator ordered ten electric boats.</li><li>Coffee prices hit a low.</li></ul>
<p>Written by Ana Lima and Joel Park. Edited by Sam Ortiz.</p>
</body></html>"""
    message = mail(html, "Mug <crew@mug.example>", "Rates hold steady",
                   "Tue, 24 Nov 2026 11:00:00 +0000")
    issue = issue_of("24.eml", message, profiles)
    dropped = [(d.kind, d.text) for d in issue.dropped]
    assert ("byline", "November 24, 2026") in dropped
    assert ("credit", "Written by Ana Lima and Joel Park. Edited by Sam Ortiz.") in dropped
    assert [s.heading for s in issue.sections] == [None, "CENTRAL BANKS", "QUICK BITES"]
    assert texts(issue.sections[0]) == [
        "Good morning. The central bank did very little this week, and did it on purpose."]


def test_a_paid_posts_preview_keeps_its_text_and_drops_the_trial_offer(profiles):
    page = """<!DOCTYPE html><html lang="en"><head><title>Night trains</title>
<meta property="og:site_name" content="The Long View">
<meta name="author" content="Mara Quinn"></head><body><article>
<h1>The quiet return of night trains</h1>
<h3>Why sleeper routes are coming back</h3>
<p>Mara Quinn</p>
<p>Nov 23, 2026</p>
<p>This spring the sleeper to the coast comes back, with three other routes.</p>
<p>The Long View is a reader-supported publication. To receive new posts, consider becoming
a free or paid subscriber.</p>
<h2>Who rides them</h2>
<p>Most passengers are not tourists but people who used to fly for work.</p>
<h4>Keep reading with a 7-day free trial</h4>
<p>Subscribe to The Long View to keep reading this post and get 7 days of free access.</p>
<p><a href="https://thelongview.example/subscribe?simple=true">Start trial</a></p>
<p>Already a paid subscriber? <a href="https://thelongview.example/login">Sign in</a></p>
</article></body></html>"""
    issue = issue_of("night-trains.html", page.encode(), profiles)
    assert (issue.dek, issue.author) == ("Why sleeper routes are coming back", "Mara Quinn")
    assert [(s.heading, texts(s)) for s in issue.sections] == [
        (None, ["This spring the sleeper to the coast comes back, with three other routes."]),
        ("Who rides them", ["Most passengers are not tourists but people who used to fly "
                            "for work."])]
    assert [d.kind for d in issue.dropped].count("chrome") == 5


def test_a_readers_poll_is_chrome_and_a_postscript_stays(profiles):
    html = """<html><body>
<p>Welcome back. This week a seed bank opens its doors to anyone with a library card.</p>
<h2>The seed bank opens</h2>
<p>Borrowers return seeds from their own harvest, so the collection grows every year.</p>
<h3>How was today's issue?</h3>
<p><a href="https://brief.example/poll?v=3&amp;s=77">🔥 Loved it</a></p>
<p><a href="https://brief.example/poll?v=2&amp;s=77">😐 It was fine</a></p>
<p><a href="https://brief.example/poll?v=1&amp;s=77">👎 Not for me</a></p>
<p>P.S. The seed bank is looking for volunteers on Saturdays.</p>
</body></html>"""
    issue = issue_of("30.eml", mail(html, "Field Brief <hi@brief.example>", "Field Brief #30"),
                     profiles)
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [
        "How was today's issue?", "🔥 Loved it", "😐 It was fine", "👎 Not for me"]
    assert texts(issue.sections[-1])[-1] == "P.S. The seed bank is looking for volunteers on " \
        "Saturdays."


def test_cards_whose_buttons_the_platform_tracks_through_one_page_keep_their_titles(profiles):
    """A mail platform's click tracking sends every link through one page with a different
    query: a card's "View job" button over the next card's linked title looked like a
    poll's answers, and the title was dropped."""
    click = "https://u42.ct.mailer.example/ls/click?upn="
    cards = "".join(
        f'<tr><td><p><a href="{click}{n}a">{title}</a></p><p>{details}</p>'
        f'<p>Own the {what}, with a team of four and a budget that is already approved.</p>'
        f'<p><a href="{click}{n}b">View job</a></p></td></tr>'
        for n, (title, details, what) in enumerate([
            ("Staff Data Engineer", "Fernleaf · Remote (Americas) · $165,000", "warehouse"),
            ("Analytics Engineer", "Orbitwell · Remote (EU) · £70,000", "forecast models"),
            ("Senior iOS Engineer", "Pinchpoint · Remote · $120,000", "budgeting app")]))
    html = f"<html><body><h1>Roles this week</h1><h2>Engineering</h2><table>{cards}</table>" \
        "<h2>Tip of the week</h2><p>Read the time-zone line first: many remote roles hire " \
        "in one state only.</p></body></html>"
    issue = issue_of("roles.eml", mail(html, "Beacon <jobs@beacon.example>", "Roles"), profiles)
    dropped = [d.text for d in issue.dropped]
    assert "Analytics Engineer" not in dropped and "Senior iOS Engineer" not in dropped
    engineering, tip = issue.sections[-2:]
    assert [i.title for i in engineering.items] == [
        "Staff Data Engineer", "Analytics Engineer", "Senior iOS Engineer"]
    assert dropped.count("View job") == 3 and tip.dek is None


def test_a_sign_off_with_a_postscript_under_it_is_found_and_the_postscript_stays(profiles):
    html = """<html><body>
<p>For six years I have kept a small notebook by the back door, three lines each evening.</p>
<p>If you want to start, buy a cheap notebook and keep it where you take your boots off.</p>
<p>Until next Sunday,<br>Nadia</p>
<p>P.S. I am giving a short talk on garden journals at the library on 5 December.</p>
</body></html>"""
    issue = issue_of("essay.eml", mail(html, "Nadia Okafor <nadia@notes.example>",
                                       "On keeping a garden journal"), profiles)
    assert [(d.kind, d.text) for d in issue.dropped] == [
        ("signoff", "Until next Sunday,"), ("signoff", "Nadia")]
    assert [s.heading for s in issue.sections] == [None]
    assert texts(issue.sections[0])[-1].startswith("P.S. I am giving a short talk")


@pytest.mark.parametrize("before, kind", [
    ("My cat learned to open the fridge. Send help.", "signoff"),
    ("> Pointers are quite hard.", None),
], ids=["signing the issue", "attributing a quote"])
@pytest.mark.parametrize("name", ["— Sam", "— Priya and the Grid Brief team"])
def test_a_dash_and_a_name_at_the_end_signs_the_issue_unless_it_attributes_a_quote(
        before, kind, name, profiles):
    text = f"# Weekly Bits 88\n\n## One more thing\n\n{before}\n\n{name}\n"
    issue = issue_of("88.md", text.encode(), profiles)
    assert [d.kind for d in issue.dropped if d.text == name] == ([kind] if kind else [])


@pytest.mark.parametrize("attribution", ["- Alan Kay", "— Alan Kay"])
def test_a_name_under_a_quote_names_who_said_it_not_a_list_nor_the_next_sections_kicker(
        attribution, profiles):
    text = ("# Design Weekly 14\n\nWelcome back: simple tools, and why defaults matter.\n\n"
            "## Quote of the week\n\n> Simple things should be simple, complex things should "
            f"be possible.\n\n{attribution}\n\n## Reading\n\n"
            "- [Why defaults matter](https://blog.example.com/defaults) — settings nobody "
            "changes.\n- [The cost of options](https://essays.example.org/options) — every "
            "switch is a promise to test.\n")
    issue = issue_of("14.md", text.encode(), profiles)
    quote, reading = issue.sections[1:]
    assert [(p.kind, p.text) for p in quote.paragraphs] == [
        ("quote", "Simple things should be simple, complex things should be possible."),
        ("text", "— Alan Kay")]
    assert (quote.items, reading.dek) == ([], None)


def test_a_post_mail_has_its_subtitle_byline_and_date_under_a_linked_title_found(profiles):
    html = """<html><body>
<p><a href="https://substack.com/app-link/post?publication_id=1&amp;post_id=2">Why small banks
are merging</a></p>
<p>Three forces, one outcome</p>
<p><a href="https://substack.com/@ravimenon">Ravi Menon</a></p>
<p>Nov 25</p>
<p>Last year forty small banks merged into larger ones, twice the usual number.</p>
<h3>Compliance costs</h3>
<p>Every manager named the cost of compliance first.</p>
</body></html>"""
    issue = issue_of("banks.eml", mail(html, "Ravi Menon from The Ledger Line "
                                             "<theledgerline@substack.com>",
                                       "Why small banks are merging",
                                       List_ID="<theledgerline.substack.com>"), profiles)
    assert (issue.title, issue.dek, issue.author) == (
        "Why small banks are merging", "Three forces, one outcome", "Ravi Menon")
    assert texts(issue.sections[0]) == [
        "Last year forty small banks merged into larger ones, twice the usual number."]


def test_numbered_references_link_the_words_before_them_and_their_list_is_a_note(profiles):
    text = """Kernel Notes - 14 March 2025
============================

THE NEW SCHEDULER

After two years of review, the new scheduler [1] was merged. Latency drops by a third [2].

STABLE RELEASES

Two stable releases came out this week [3], with a fix for a remote memory leak.

Links:
[1] https://lists.example.org/sched/0042.html
[2] https://blog.example.com/deadline-latency
[3] https://kernel.example.org/releases/
"""
    issue = issue_of("notes.txt", text.encode(), profiles)
    assert [[(link.text, link.url) for p in s.paragraphs for link in p.links]
            for s in issue.sections] == [
        [("the new scheduler", "https://lists.example.org/sched/0042.html"),
         ("by a third", "https://blog.example.com/deadline-latency")],
        [("out this week", "https://kernel.example.org/releases/")]]
    assert texts(issue.sections[0]) == [
        "After two years of review, the new scheduler was merged. Latency drops by a third."]
    assert [d.text[:3] for d in issue.dropped if d.kind == "note"] == [
        "Lin", "[1]", "[2]", "[3]"]


def test_a_long_reference_line_in_wrapped_text_is_not_run_into_the_next(profiles):
    """Text hard-wrapped at 72 columns: a reference line as long as a wrapped line is still
    a line of its own, and a time before a marker is linked whole."""
    text = """HARBOUR NOTES 41
================

THE BREAKWATER

The council opened the new breakwater [1] on Thursday. It is 400 metres
long and should cut the swell inside the harbour by half during storms.
Fishermen say that the old mooring fees will rise again next spring [2].

FERRY TIMETABLE

From Monday the morning ferry to the islands leaves at 6:40 instead of
7:10 [3]. The evening crossing is unchanged, and tickets stay valid.

Links:
[1] https://harbour.example/2026/11/breakwater-opens
[2] https://portnews.example/mooring-fees-for-the-coming-year-2027
[3] https://ferries.example/timetable/winter
"""
    issue = issue_of("harbour.txt", text.encode(), profiles)
    assert [[(link.text, link.url) for p in s.paragraphs for link in p.links]
            for s in issue.sections] == [
        [("the new breakwater", "https://harbour.example/2026/11/breakwater-opens"),
         ("again next spring", "https://portnews.example/mooring-fees-for-the-coming-year-2027")],
        [("instead of 7:10", "https://ferries.example/timetable/winter")]]
    assert [d.text[:3] for d in issue.dropped if d.kind == "note"] == [
        "Lin", "[1]", "[2]", "[3]"]


def test_a_title_over_its_address_over_a_blurb_is_a_linked_entry_in_wrapped_text(profiles):
    """The plain-text edition of a links letter: each entry's title, its address on the next
    line, then its blurb. In text wrapped at 80 columns the address is no wrap of the title."""
    text = """SNAKE WEEKLY 612
================

Welcome to issue 612. This week we have a parser tutorial, a faster JSON library and a few
notes on memory, with three new releases of libraries that many of you depend on every day.

Articles and Tutorials
----------------------

How to write a recursive descent parser
https://blog.example.com/2026/11/recursive-descent-parsers
A walkthrough of writing a small parser for arithmetic expressions, with error
recovery and tests.

Profiling memory in long-running services
https://engineering.example.org/posts/memory-profiling-in-services
How one team found a leak that only showed up after three days of uptime.
"""
    issue = issue_of("snake.txt", text.encode(), profiles)
    entries = issue.sections[-1].items
    assert [(i.title, [link.url for link in i.links]) for i in entries] == [
        ("How to write a recursive descent parser",
         ["https://blog.example.com/2026/11/recursive-descent-parsers"]),
        ("Profiling memory in long-running services",
         ["https://engineering.example.org/posts/memory-profiling-in-services"])]
    assert entries[1].excerpt == ("How one team found a leak that only showed up after "
                                  "three days of uptime.")


def test_lines_naming_their_addresses_link_their_words_and_none_is_taken_for_a_call(
        profiles):
    text = ("SNAKE WEEKLY 612\n\nWelcome to issue 612, with two new releases this week.\n\n"
            "NEW RELEASES\n\nFramework 5.1 - https://framework.example/news/5-1\n"
            "Toolkit 2.0 – https://toolkit.example/releases/2.0\n\nEVENTS\n\n"
            "The Lisbon meetup on 3 December has lightning talks and a packaging workshop.\n")
    issue = issue_of("snake.txt", text.encode(), profiles)
    releases = issue.sections[1]
    assert [(i.text, [(link.text, link.url) for link in i.links])
            for i in releases.items] == [
        ("Framework 5.1", [("Framework 5.1", "https://framework.example/news/5-1")]),
        ("Toolkit 2.0", [("Toolkit 2.0", "https://toolkit.example/releases/2.0")])]
    assert releases.link is None and releases.layout == "list"  # a list without markers


def test_a_named_address_whose_title_asks_a_question_is_an_entry_not_a_heading(profiles):
    text = ("ODD LINKS\n\nMorning! Links, no commentary.\n\n"
            "A map of every bench in Turku - https://benches.example/turku\n"
            "How lighthouse lenses were polished - https://fresnel.example/polish\n"
            "Why do cats knock things over? - https://catsci.example/tables\n"
            "An oral history of the first web cam - https://coffeepot.example\n"
            "The typeface on every road sign! - https://signfont.example\n")
    issue = issue_of("odd.txt", text.encode(), profiles)
    assert [s.heading for s in issue.sections] == [None]
    assert [(i.text, i.links[0].url) for i in issue.sections[0].items][2:] == [
        ("Why do cats knock things over?", "https://catsci.example/tables"),
        ("An oral history of the first web cam", "https://coffeepot.example"),
        ("The typeface on every road sign!", "https://signfont.example")]


@pytest.mark.parametrize("mark", ["*{}*", "**{}**", "## {}"])
def test_a_plain_text_heading_written_in_stars_or_hashes_opens_a_section(mark, profiles):
    """Mail programs write bold as "*Heat pump grants*" in the text part; some letters write
    Markdown's "## " in plain text."""
    text = (f"Hello and welcome to this fortnight's bulletin.\n\n{mark.format('Grants rise')}"
            f"\n\nThe heat pump grant rises to 7,500 pounds from June.\n\n"
            f"{mark.format('Loft insulation: the new rules')}\n\nFrom July, landlords must "
            f"bring lofts up to 270mm.\nA *starred* word inside a line stays as it is.\n")
    issue = issue_of("bulletin.txt", text.encode(), profiles)
    assert [s.heading for s in issue.sections] == [
        None, "Grants rise", "Loft insulation: the new rules"]
    assert issue.sections[2].paragraphs[-1].text.endswith("A *starred* word inside a line "
                                                          "stays as it is.")


def test_plain_text_titles_with_their_site_over_a_blurb_are_entries(profiles):
    text = ("THE SLOW WEB LETTER\n\nFewer links than usual this week; I was on a ferry.\n\n"
            "READING\n=======\n\n"
            "Why your static site does not need a build step (brennan.example)\n"
            "A short argument for writing plain HTML files again, with a list of the\n"
            "tools the author dropped and what he replaced each one with.\n\n"
            "The quiet death of the blogroll (mossbank.example)\n"
            "Blogrolls used to be how you found new writers. This essay traces how\n"
            "they disappeared and makes a case for putting one back on your site.\n\n"
            "TOOLS\n=====\n\nNothing new this week.\n")
    issue = issue_of("slow.txt", text.encode(), profiles)
    reading = next(s for s in issue.sections if s.heading == "READING")
    assert [(i.text, i.excerpt[:20]) for i in reading.items] == [
        ("Why your static site does not need a build step (brennan.example)",
         "A short argument for"),
        ("The quiet death of the blogroll (mossbank.example)", "Blogrolls used to be")]
    assert not reading.paragraphs


def test_a_digest_of_linked_stories_with_their_sites_and_counts(profiles):
    """"Top stories today" over numbered entries, each a title with its site in brackets, a
    line of counts and its address: headed sections of linked entries, the counts dropped."""
    text = """Daily Tech Digest - Tuesday, 17 November 2026

Top stories today

  1. A new garbage collector for small devices (blog.example.com)
     412 points · 133 comments
     https://blog.example.com/gc-small-devices

  2. Why our database migration took two years (engineering.example.org)
     388 points · 201 comments
     https://engineering.example.org/two-year-migration

Most discussed

  1. The end of the free tier (news.example.net)
     150 points · 512 comments
     https://news.example.net/free-tier-end
"""
    issue = issue_of("digest.txt", text.encode(), profiles)
    assert [(s.heading, [(i.text, [link.url for link in i.links], i.excerpt) for i in s.items])
            for s in issue.sections] == [
        ("Top stories today", [
            ("A new garbage collector for small devices (blog.example.com)",
             ["https://blog.example.com/gc-small-devices"], None),
            ("Why our database migration took two years (engineering.example.org)",
             ["https://engineering.example.org/two-year-migration"], None)]),
        ("Most discussed", [("The end of the free tier (news.example.net)",
                             ["https://news.example.net/free-tier-end"], None)])]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [
        "412 points · 133 comments", "388 points · 201 comments", "150 points · 512 comments"]


def test_a_listings_facts_in_short_units_are_no_line_of_counts(profiles):
    text = ("# Home Alert\n\n## New listings\n\n**418 Alder Crest Rd**\n\n"
            "3 bd | 2 ba | 1,840 sqft\n\nA bright corner house with a new roof.\n\n"
            "**92 Quarry View Ln**\n\n"
            "4 bd | 2.5 ba | 2,205 sqft\n\nBacks onto the creek path.\n")
    issue = issue_of("alert.md", text.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs] + [
        i.excerpt or "" for s in issue.sections for i in s.items]
    assert any("3 bd | 2 ba | 1,840 sqft" in t for t in kept)
    assert not [d.text for d in issue.dropped if d.kind == "chrome"]


def test_a_line_stopping_mid_sentence_goes_on_in_the_next_even_with_no_wrap_width(profiles):
    text = ("# Kernel Notes\n\nTHE NEW SCHEDULER\n\nAfter two years of review, the new "
            "scheduler was merged. Latency under load drops by\na third on desktops.\n")
    issue = issue_of("notes.txt", text.encode(), profiles)
    assert texts(issue.sections[-1]) == [
        "After two years of review, the new scheduler was merged. Latency under load drops by "
        "a third on desktops."]


BYTE = """THE WEEKLY BYTE
Issue 88, 20 March 2025

Hi all, three things this week: a browser release, a data portal and the spring meetup.

=== TOP STORIES ===

Browser 120 ships with tab groups on mobile
The release also removes the old bookmarks manager and speeds up page loads.
https://browser.example.org/blog/120

City opens its data portal
Bus timings and air quality are now published as open data, updated every hour.
https://data.city.example/

*** EVENTS ***

The spring meetup has talks on static sites and on accessibility audits.
https://meetup.example/spring
"""


def test_a_text_digest_reads_decorated_headings_and_titles_over_their_text_and_address(
        profiles):
    issue = issue_of("byte.txt", BYTE.encode(), profiles)
    assert (issue.title, issue.dek) == ("THE WEEKLY BYTE", "Issue 88, 20 March 2025")
    assert [s.heading for s in issue.sections] == [None, "TOP STORIES", "EVENTS"]
    assert [(i.title, i.links[0].url, i.excerpt) for i in issue.sections[1].items] == [
        ("Browser 120 ships with tab groups on mobile", "https://browser.example.org/blog/120",
         "The release also removes the old bookmarks manager and speeds up page loads."),
        ("City opens its data portal", "https://data.city.example/",
         "Bus timings and air quality are now published as open data, updated every hour.")]
    (events,) = issue.sections[2].paragraphs
    assert events.text.startswith("The spring meetup") and \
        [link.url for link in events.links] == ["https://meetup.example/spring"]


def test_a_list_entry_with_its_address_under_it_links_its_words_instead_of_showing_it(
        profiles):
    issue = issue_of("ledger.txt", LETTER.encode(), profiles)
    first = issue.sections[2].items[0]
    assert first.text == "The allotment society opens its waiting list on 10 March."
    assert [(link.text, link.url) for link in first.links] == [
        ("The allotment society opens its waiting list on 10 March.",
         "https://allotments.example.org/waiting-list")]


def test_the_newsletters_name_at_the_top_in_large_type_is_its_masthead(profiles):
    html = """<html><body><table style="font-size:15px">
<tr><td style="font-size:28px">The Harbour Letter</td></tr>
<tr><td>Good morning. This week the ferry timetable changes and the market gets a roof.</td></tr>
<tr><td style="font-size:21px">Ferry timetable changes</td></tr>
<tr><td>From Monday the first ferry leaves at 6:40 instead of 7:00 on weekdays.</td></tr>
</table></body></html>"""
    issue = issue_of("letter.eml", mail(html, "The Harbour Letter <hello@harbour.example>",
                                        "Ferries, fish and sails"), profiles)
    assert (issue.title, [s.heading for s in issue.sections]) == (
        "Ferries, fish and sails", [None, "Ferry timetable changes"])
    assert texts(issue.sections[0])[0].startswith("Good morning.")


PAPERS = """\
LEAF LETTERS
Week 37, 2025

Three papers this week; follow the links for the full text.

1. Cover crops store less carbon than models say
   A. Moreno, K. Osei
   https://papers.example/soil/912
   Across 41 field trials, cover crops added about half the carbon that models assume.

2. Sinking deltas seen from radar satellites
   https://papers.example/deltas/88
   Most of 33 deltas sink faster than the sea rises, mainly from pumping groundwater.
"""


def test_a_text_digest_links_each_entrys_title_to_the_address_under_it(profiles):
    issue = issue_of("papers.txt", PAPERS.encode(), profiles)
    assert issue.dek == "Week 37, 2025"
    items = [item for section in issue.sections for item in section.items]
    assert [(i.text, [link.url for link in i.links]) for i in items] == [
        ("Cover crops store less carbon than models say", ["https://papers.example/soil/912"]),
        ("Sinking deltas seen from radar satellites", ["https://papers.example/deltas/88"])]
    assert items[0].excerpt.startswith("A. Moreno, K. Osei Across 41 field trials")
    assert items[1].excerpt.startswith("Most of 33 deltas")
    assert all("https://" not in (i.excerpt or "") for i in items)


def test_a_masthead_line_of_number_and_byline_gives_the_author(profiles):
    text = ("# The bakery comes back\n\n*Issue 31 · by Hanna Lind*\n\nFor forty years the "
            "small bakery seemed on its way out; then the numbers turned.\n")
    issue = issue_of("essay.md", text.encode(), profiles)
    assert issue.author == "Hanna Lind"
    assert all("Issue 31" not in p.text for s in issue.sections for p in s.paragraphs)


def test_a_sentence_about_someone_sending_a_photo_is_no_caption(profiles):
    text = ("# Notes\n\n## One more thing\n\nA reader sent a photo of a 1920s ticket found "
            "behind a fireplace. It cost fourpence.\n\n## Pictures\n\nA photo of the old "
            "station, taken in 1910.\n\nThe station opened in 1852 and closed in 1966.\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert kept[0].startswith("A reader sent a photo")
    assert [d.kind for d in issue.dropped] == ["caption"]


def test_more_addresses_inside_an_entry_after_its_title_stay_links_of_its_text(profiles):
    text = ("Notes\n\n1. A title here\n   https://a.example/1\n   Some text.\n"
            "   https://a.example/2\n   More text\n   https://a.example/3\n"
            "2. Second title\n   https://b.example/2\n")
    issue = issue_of("notes.txt", text.encode(), profiles)
    items = [item for section in issue.sections for item in section.items]
    assert [i.text for i in items] == ["A title here", "Second title"]
    assert [link.url for link in items[0].links][:1] == ["https://a.example/1"]
    assert "Some text." in items[0].excerpt


WHEELERS = """\
HILLSIDE WHEELERS NEWSLETTER

Hello everyone, and welcome to the December bulletin. The clocks have gone
back, the lanes are muddy and the club has a full month of rides planned for
anyone who still wants to get out on two wheels before the year is done.

EVENTS CALENDAR

Sat 7 Dec — Winter social ride, 60 km, meet 9:00 at the clubhouse
Sun 8 Dec — Junior skills session, Millfield park, 10:00-12:00
Wed 11 Dec — Turbo night at the community hall, bring your own trainer
Sat 14 Dec — Christmas dinner at The Old Forge, 19:30 (tickets via Sue)
Thu 2 Jan — New Year's Day hangover ride, coffee stop at Beckley

TRAIL NEWS

The bridleway at Coombe Hill is closed for drainage works until the end of
January, so the Sunday loop will go round by the reservoir road instead.
"""


def test_a_calendar_of_dated_lines_is_a_list_of_events(profiles):
    issue = issue_of("club.txt", WHEELERS.encode(), profiles)
    (calendar,) = [s for s in issue.sections if s.heading == "EVENTS CALENDAR"]
    assert [i.text[:10] for i in calendar.items] == [
        "Sat 7 Dec ", "Sun 8 Dec ", "Wed 11 Dec", "Sat 14 Dec", "Thu 2 Jan "]
    assert calendar.paragraphs == []


def test_a_closing_over_a_name_above_a_dash_line_and_its_footer_is_a_sign_off(profiles):
    text = ("Σημειώσεις από την Αθήνα\n\nΗ επόμενη συνάντηση αναγνωστών θα γίνει στις 12 "
            "Δεκεμβρίου, στο βιβλιοπωλείο.\n\nΜε εκτίμηση,\nΓιώργος\n\n—\nΛαμβάνετε αυτό "
            "το μήνυμα επειδή εγγραφήκατε.\n")
    issue = issue_of("athens.txt", text.encode(), profiles)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == ["Με εκτίμηση,", "Γιώργος"]
    assert [s.heading for s in issue.sections] == [None]


MAILCHIMP_TEXT = """\
GREEN THUMB GAZETTE

Hello gardeners! The first frosts have arrived, so this week is all about protection.

** Plant your tulips now
------------------------------------------------------------

Late November is the ideal time to plant tulip bulbs, three times as deep as the bulb is tall.

Read the full planting guide (https://greenthumb.example.com/tulips)

** A word from our sponsor
------------------------------------------------------------

Rootwise raised beds are made from recycled plastic and never rot.

Shop Rootwise (https://rootwise.example.com/)
"""


def test_mailchimps_text_version_reads_its_headings_links_and_sponsor(profiles):
    issue = issue_of("gazette.txt", MAILCHIMP_TEXT.encode(), profiles)
    tulips, ad = issue.sections[1:]
    assert tulips.heading == "Plant your tulips now"
    assert [(p.text, [link.url for link in p.links]) for p in tulips.paragraphs][-1] == (
        "Read the full planting guide", ["https://greenthumb.example.com/tulips"])
    assert (ad.role, ad.sponsor) == ("sponsored", None)


def test_an_entry_ending_in_a_dash_over_its_address_is_linked_without_the_dash(profiles):
    text = ("Backend Bytes 212\n\nJobs\n----\n\n"
            "- Platform Engineer, Northwind Logistics (Leeds, UK) -\n"
            "  https://jobs.example.com/northwind/platform\n"
            "- Database Reliability Engineer, Corvid Pay (Berlin) -\n"
            "  https://jobs.example.com/corvid/dbre\n"
            "- Data Engineer, Tidewater (Remote) - https://jobs.example.com/tidewater/data\n")
    issue = issue_of("212.txt", text.encode(), profiles)
    assert [(i.text, i.links[0].text) for i in issue.sections[-1].items] == [
        ("Platform Engineer, Northwind Logistics (Leeds, UK)",
         "Platform Engineer, Northwind Logistics (Leeds, UK)"),
        ("Database Reliability Engineer, Corvid Pay (Berlin)",
         "Database Reliability Engineer, Corvid Pay (Berlin)"),
        ("Data Engineer, Tidewater (Remote)", "Data Engineer, Tidewater (Remote)")]


@pytest.mark.parametrize("closing", [
    "Thanks for reading! If you found this useful, share it with a friend or forward this "
    "email. Reply to this email with links you'd like to see featured.",
    "Enjoyed this issue? Share The Harbor Report with a colleague.",
    "If you enjoy the show, please leave us a review and share this episode with a friend!",
    "Until next Thursday! Hit reply and tell me what you're building.",
])
def test_a_closing_paragraph_of_calls_to_the_reader_is_furniture(closing, profiles):
    text = ("# The Harbor Report 12\n\n## Ports\n\nRotterdam opened a cold-chain hub on the "
            "north quay this week, with room for four hundred refrigerated containers.\n\n"
            f"{closing}\n")
    issue = issue_of("harbor.md", text.encode(), profiles)
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [closing]


def test_the_line_closing_an_advertisement_is_furniture_not_the_next_storys_kicker(profiles):
    text = ("THE OPEN SOURCE LEDGER\n\nThree stories this week, one of them a little sad.\n\n"
            "A FUND FOR MAINTAINERS\n\nA group of firms pooled a fund that pays maintainers "
            "a monthly stipend.\n\n-- Advertisement --\nShip docs people read: DocuLeaf turns "
            "your README into a site.\n-- End advertisement --\n\nFAREWELL TO A MAINTAINER\n\n"
            "The maintainer of a date-parsing package stepped down after fifteen years.\n")
    issue = issue_of("ledger.txt", text.encode(), profiles)
    farewell = next(s for s in issue.sections if s.heading == "FAREWELL TO A MAINTAINER")
    assert farewell.dek is None
    assert ("chrome", "End advertisement") in [(d.kind, d.text) for d in issue.dropped]


def test_names_closing_each_letter_on_a_letters_page_are_its_writers_not_a_sign_off(profiles):
    letters = "".join(
        f"**{title}**\n\n{body}\n\n— {name}\n\n" for title, body, name in [
            ("Keep the Sunday bus", "Dropping the Sunday bus strands those of us who do not "
             "drive.", "Ada Mensah, Hollow End"),
            ("Thanks to the gritters", "The crews cleared Ridge Road before six on the "
             "morning of the storm.", "Tom and Jo Reyes, Upper Mill"),
            ("Meters on Mill Street", "Shops lose trade when visitors give up and drive on.",
             "Dev Rao, Mill Street")])
    text = (f"# The Mill Courier, 5 March 2026\n\n## Letters\n\n{letters}## Council notes\n\n"
            "The council voted to delay the meters until April.\n\nSee you next week,\n\nNell\n")
    issue = issue_of("2026-03-05.md", text.encode(), profiles)
    assert [p.text for p in issue.sections[0].paragraphs if p.text.startswith("—")] == [
        "— Ada Mensah, Hollow End", "— Tom and Jo Reyes, Upper Mill", "— Dev Rao, Mill Street"]
    assert [d.kind for d in issue.dropped] == ["signoff", "signoff"]


@pytest.mark.parametrize("name", ["- Dana", "— Dana", "Talk soon, Dana"])
def test_a_name_signing_over_a_postscript_is_the_sign_off_and_the_postscript_stays(
        name, profiles):
    text = (f"# Monday Reps 112\n\n## Client win\n\nMarisol deadlifted her own body weight on "
            f"Thursday, after a year of ten-minute workouts.\n\n{name}\n\nP.S. The spring "
            "small-group session starts on 16 March, and there are eight places.\n")
    issue = issue_of("112.md", text.encode(), profiles)
    assert [(d.kind, d.text) for d in issue.dropped] == [("signoff", name.lstrip("- "))]
    assert [p.text[:4] for s in issue.sections for p in s.paragraphs] == ["Mari", "P.S."]


CLINIC_NOTE = """<html><body><table>
<tr><td><h2>Northfield Clinic News</h2></td></tr>
<tr><td><p><b>A note from our medical director</b></p>
<p>Our waiting room was busier this winter than in any of the last nine years, and I want to
thank every patient who waited and every nurse who stayed late to see them.</p>
<p>This spring we open on Saturday mornings and you can book same-day visits online. Both
changes are described below.</p>
<p>Dr. Ruth Okafor<br>Medical Director</p></td></tr>
<tr><td><hr></td></tr>
<tr><td><h3>Saturday mornings</h3>
<p>From April 11 the clinic opens from 9am to noon on Saturdays for booked visits and for
children's vaccinations, with two doctors and a nurse on duty.</p></td></tr>
<tr><td><h3>Speakers this month</h3>
<p>Our spring talks cover sleep, back pain and eating well on a budget, all free.</p>
<p>Dr. Lena Hart<br>Sleep Clinic</p></td></tr>
<tr><td><h3>Parking</h3><p>The north car park closes for resurfacing in May.</p></td></tr>
</table></body></html>"""


@pytest.mark.parametrize("name", ["Dr. Ruth Okafor", "Ruth Okafor"])
def test_a_name_and_role_signing_a_letter_that_ends_its_section_are_a_sign_off(name, profiles):
    """(A name of two capitalised words reads like a closing written without a comma too:
    "Herzliche Grüße"; under a letter, over a role and a heading, it signs.)"""
    note = CLINIC_NOTE.replace("Dr. Ruth Okafor", name)
    issue = issue_of("note.eml", mail(note, "Northfield Clinic <news@clinic.example>",
                                      "Clinic news, spring", "Tue, 10 Mar 2026 09:00:00 +0000"),
                     profiles)
    note = next(s for s in issue.sections if s.heading == "A note from our medical director")
    texts = [p.text for p in note.paragraphs]
    assert not any("Okafor" in t or t == "Medical Director" for t in texts)
    assert [(d.kind, d.text) for d in issue.dropped if "Okafor" in d.text] == [
        ("signoff", name)]
    assert "Medical Director" not in [s.dek for s in issue.sections]


def test_a_name_and_place_ending_a_section_that_is_no_letter_stay(profiles):
    issue = issue_of("note.eml", mail(CLINIC_NOTE, "Northfield Clinic <news@clinic.example>",
                                      "Clinic news, spring", "Tue, 10 Mar 2026 09:00:00 +0000"),
                     profiles)
    talks = next(s for s in issue.sections if s.heading == "Speakers this month")
    assert "Dr. Lena Hart" in [p.text for p in talks.paragraphs]


def test_a_sign_off_with_a_role_over_a_heading_in_capitals_is_found(profiles):
    html = ("<h1>Court Weekly</h1><p>December is nearly upon us and the tree goes up in the "
            "lounge on Tuesday.</p><p>Best wishes,</p><p>Angela Moore</p><p>Activities "
            "Coordinator</p><p>THIS WEEK'S ACTIVITIES</p><p><b>Monday 30</b></p><p>10.30 Chair "
            "exercises in the lounge.</p><p><b>Tuesday 1</b></p><p>2.00 Bingo.</p>")
    issue = issue_of("weekly.eml", mail(html, "Court <c@court.example>", "Court Weekly"),
                     profiles)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == [
        "Best wishes,", "Angela Moore", "Activities Coordinator"]


def test_a_line_over_a_kicker_is_kept_as_text_not_lost(profiles):
    """Two short lines over a heading: the second is its kicker, the first stays text (it
    was silently lost, replaced by the second as the pending kicker)."""
    html = ("<h1>Harbour Weekly</h1><p>The new ferry timetable starts on Monday and the cafe "
            "reopens on Thursday.</p><p>Harbour Office Team</p><p>THIS WEEK'S EVENTS</p><p><b>"
            "Monday 30</b></p><p>10.30 Chair exercises.</p><p><b>Tuesday 1</b></p><p>2.00 "
            "Bingo.</p>")
    issue = issue_of("weekly.eml", mail(html, "Harbour <h@harbour.example>", "Harbour Weekly"),
                     profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs] + [
        s.dek for s in issue.sections if s.dek] + [d.text for d in issue.dropped]
    assert "Harbour Office Team" in kept


def test_a_heading_repeating_the_subject_with_a_curly_apostrophe_is_the_title(profiles):
    """"What’s on…" in the body's heading is the subject's "What's on…": the title, not a line
    the segmenter says it lost."""
    html = ("<h1>What’s on for families – December</h1><p>The libraries are warm and free "
            "all month.</p><h2>Central Library</h2><p>Rhyme time every Monday.</p>")
    message = mail(html, "Libraries <l@lib.example>", "What's on for families – December")
    (issue,), problems = segment_document(read_bytes("on.eml", message), *profiles)
    assert issue.title.replace("’", "'") == "What's on for families – December"
    assert not [p.message for p in problems if "no section" in p.message]


@pytest.mark.parametrize("line", [
    '<p><a href="https://app.example/settings/slack">Set up Slack digests</a></p>',
    "<p>2.30 Film: White Christmas (Cinema Room)</p>",
])
def test_a_button_or_a_programmes_time_over_a_heading_is_not_its_kicker(line, profiles):
    html = ("<h1>Weekly</h1><h2>Wednesday 2</h2><p>10.30 Chair exercises in the lounge, "
            f"then coffee.</p>{line}<h2>Thursday 3</h2><p>11.00 Choir practice in the hall.</p>"
            "<h2>Friday 4</h2><p>3.00 Quiz in the dining room.</p>")
    issue = issue_of("weekly.eml", mail(html, "Court <c@court.example>", "Weekly"), profiles)
    assert [s.dek for s in issue.sections if s.heading == "Thursday 3"] == [None]


@pytest.mark.parametrize("dateline", ["SOIL NOTES -- No. 27 -- 2 March 2026",
                                      "SOIL NOTES — No. 27 — 2 March 2026"])
def test_a_dateline_set_out_with_dashes_is_the_issues_subtitle_not_its_summary(dateline,
                                                                               profiles):
    """The masthead line of a plain-text list mail, its fields between "--" or "—": it was
    the lead's summary ("SOIL NOTES -- No. 27 -- 2 March 2026")."""
    text = (f"{dateline}\n\nThis month: what earthworms do to soil gases, and a tillage "
            "trial that finally reports.\n\nThe spring workshop abstracts are due on the "
            "20th.\n")
    issue = issue_of("27.eml", mail(text, "Ines Moreno <ines@soil.example>",
                                    "Soil Notes No. 27", "Mon, 02 Mar 2026 09:00:00 +0000",
                                    subtype="plain"), profiles)
    assert issue.dek == dateline
    assert texts(issue.sections[0])[0].startswith("This month: what earthworms")


def test_a_dash_line_under_a_paragraph_all_in_quotation_marks_credits_the_quote(profiles):
    """"— A member of the parks committee" under a quotation says who said
    it: it stays with the quote, no sign-off."""
    text = ("# Town Notes\n\n## Quote of the day\n\n“We did not sit for nine hours to write a "
            "press release.”\n\n— A member of the parks committee\n\n"
            "## Birthdays\n\nThe mayor turns sixty on Friday.\n")
    issue = issue_of("town.md", text.encode(), profiles)
    assert not [d.text for d in issue.dropped if d.kind == "signoff"]
