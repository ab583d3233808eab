"""A weekly of linked entries, as link-roundup platforms send it: the name credited after an
entry's text is its author, an entry badged as an advertisement is a sponsored section of its
own, and a heading is shown without the colon that introduced its list. Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import build_one, mail

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document
from digest.summarize.policy import cut_item

ENTRY = """<tr><td><p><span class="title"><a href="{url}">{title}</a></span> — {text}
<span class="name">{name}</span>{badge}</p></td></tr>"""

ENTRIES = [
    ("https://example.com/garden-api", "A Garden Planner in the Browser",
     "How one allotment society replaced its paper plot map with a small web app. The hardest "
     "part was printing it.", "Ines Duarte", ""),
    ("https://ads.example/trial?utm_campaign=w31", "Deploy Previews for Every Branch",
     "Push a branch and get a link to share with your team in seconds. Free for small teams.",
     "Stackyard", ' <span class="tag">SPONSOR</span>'),
    ("https://example.org/compost-sensor", "Reading a Compost Heap's Temperature",
     "A cheap probe, a microcontroller and a chart of two weeks of heat, with notes on what "
     "went wrong. Read More", "", ""),
    ("https://example.net/seed-db", "Cataloguing Seeds With a Tiny Database",
     "Fifty varieties, their sowing dates and germination rates, kept in one file that a "
     "phone can search.", "Kofi Mensah", ""),
]


def weekly_mail() -> bytes:
    rows = "\n".join(ENTRY.format(url=u, title=t, text=x, name=n, badge=b)
                     for u, t, x, n, b in ENTRIES)
    html = f"""<!DOCTYPE html><html><body><table>
<tr><td><p><a href="https://plotweekly.example/issues/31">Read on the Web</a></p></td></tr>
{rows}
<tr><td><p>QUICK NOTES:</p></td></tr>
<tr><td><ul><li>The <a href="https://example.com/frost">frost map</a> now covers the north.</li>
<li>A <a href="https://example.com/survey">survey of 300 growers</a> found most water by hand.
</li></ul></td></tr>
<tr><td><p>You are receiving this because you signed up at plotweekly.example.</p>
<p><a href="https://plotweekly.example/unsubscribe/k2">Unsubscribe</a></p></td></tr>
</table></body></html>"""
    return mail(html, "Plot Weekly <hello@plotweekly.example>", "Plot Weekly #31",
                "Thu, 05 Mar 2026 09:00:00 +0000",
                List_Unsubscribe="<https://plotweekly.example/unsubscribe/k2>")


@pytest.fixture(scope="module")
def issue():
    (found,), _ = segment_document(read_bytes("31.eml", weekly_mail()), *load_profiles())
    return found


def test_the_name_after_an_entry_is_its_author_not_part_of_its_text(issue):
    entries = {i.title: i for s in issue.sections for i in s.items}
    planner = entries["A Garden Planner in the Browser"]
    assert planner.author == "Ines Duarte"
    assert planner.text.endswith("The hardest part was printing it.")
    assert entries["Cataloguing Seeds With a Tiny Database"].author == "Kofi Mensah"


def test_a_call_to_action_closing_an_entry_is_no_author(issue):
    compost = next(i for s in issue.sections for i in s.items if i.title.startswith("Reading"))
    assert compost.author is None


def test_an_entry_badged_sponsor_is_a_sponsored_section_named_after_its_credit(issue):
    sponsored = [s for s in issue.sections if s.role == "sponsored"]
    assert [(s.sponsor, [i.title for i in s.items]) for s in sponsored] == [
        ("Stackyard", ["Deploy Previews for Every Branch"])]
    assert "SPONSOR" not in sponsored[0].items[0].text
    assert ("chrome", "SPONSOR") in [(d.kind, d.text) for d in issue.dropped]
    others = [i.title for s in issue.sections if s.role != "sponsored" for i in s.items]
    assert "Deploy Previews for Every Branch" not in others


def test_a_heading_loses_its_colon_and_a_sender_named_as_the_newsletter_is_no_author(issue):
    assert "QUICK NOTES" in [s.heading for s in issue.sections]
    assert (issue.publication, issue.author) == ("Plot Weekly", None)


@pytest.mark.parametrize("line", [
    "- [Deploy previews for every branch (Sponsor)](https://ads.example/p) — Push a branch and "
    "share a link in seconds.",
    "- [Sponsored] [Deploy previews for every branch](https://ads.example/p) — Push a branch and "
    "share a link in seconds.",
])
def test_a_markdown_entry_badged_in_brackets_is_sponsored(line):
    text = f"""# Plot Weekly 32

## Links

- [A garden planner in the browser](https://example.com/a) — One society's plot map goes online.
{line}
- [Seeds in a tiny database](https://example.com/b) — Fifty varieties in one searchable file.
"""
    (issue,), _ = segment_document(read_bytes("32.md", text.encode()), *load_profiles())
    links = next(s for s in issue.sections if s.heading == "Links")
    assert [i.title for i in links.items] == ["A garden planner in the browser",
                                              "Seeds in a tiny database"]
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert [i.title for i in ad.items] == ["Deploy previews for every branch"]


def test_the_issue_page_shows_a_credit_as_its_entrys_byline(tmp_path):
    site = build_one(tmp_path, "plot-weekly", "31.eml", weekly_mail())
    (page,) = (site / "issues").glob("*.html")
    html = page.read_text()
    assert '<span class="byline">by Ines Duarte</span>' in html
    assert "Sponsored: Stackyard" in html
    assert "by Plot Weekly" not in html


def test_an_entry_cut_to_its_first_sentence_keeps_more_than_its_bold_title():
    text = """# Plot Weekly 33

## Stories

**Frost.** The first frost comes early this year. Cover the beds at night.

**Seed swap:** The library holds one on Saturday. Anyone may come.
"""
    (issue,), _ = segment_document(read_bytes("33.md", text.encode()), *load_profiles())
    assert [cut_item(i).text for i in issue.sections[-1].items] == [
        "Frost. The first frost comes early this year.",
        "Seed swap: The library holds one on Saturday."]


def test_an_entry_whose_bold_title_is_a_whole_sentence_is_summarized_by_its_title_alone():
    """Five numbered things whose bold titles each say the news in a full sentence: the digest
    shows the titles, so more of them fit, and a short label-like title still keeps the
    sentence after it."""
    text = """# Odd Facts 9

## This week

**1. Otters in the estuary hold hands while they sleep.** Keepers at the reserve counted
eleven pairs last month. Nobody taught them.

**2. Ice shelves.** Two of them calved on the same day in April.

**3. Why do kettles sing?** The bubbles collapse as the water heats.

**4. Hollow Oak Cider Press Open Day 2026.** The press runs from ten until the apples end.

**5. Ferry timetable: winter crossings begin.** Boats leave every ninety minutes.
"""
    (issue,), _ = segment_document(read_bytes("9.md", text.encode()), *load_profiles())
    assert [cut_item(i).text for i in issue.sections[-1].items] == [
        "Otters in the estuary hold hands while they sleep.",
        "Ice shelves. Two of them calved on the same day in April.",
        "Why do kettles sing? The bubbles collapse as the water heats.",
        "Hollow Oak Cider Press Open Day 2026. The press runs from ten until the apples end.",
        "Ferry timetable: winter crossings begin. Boats leave every ninety minutes."]


@pytest.mark.parametrize("source", [
    "**{n}. {title}** {text}",
    "<p><strong>{n}. {title}</strong> {text}</p>"])
def test_a_number_inside_an_entrys_bold_title_is_its_number_and_the_rest_its_title(source):
    stories = [("The ferry strike is over.", "Crews voted on Tuesday to accept the contract."),
               ("Grid operator warns of tight supply.", "Reserve margins may fall next week."),
               ("A record vintage in the valley.", "Growers harvested the largest crop.")]
    body = "\n\n".join(source.format(n=n, title=t, text=x) for n, (t, x) in enumerate(stories, 1))
    if source.startswith("<"):
        name = "d.html"
        text = f"<html><body><h1>Night Desk</h1><h2>Top stories</h2>{body}</body></html>"
    else:
        text, name = f"# Night Desk\n\n## Top stories\n\n{body}\n", "d.md"
    (issue,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    items = issue.sections[-1].items
    assert [(i.number, i.title) for i in items] == [(n, t) for n, (t, _) in enumerate(stories, 1)]
    assert cut_item(items[1]).text == "Grid operator warns of tight supply."  # a whole sentence


def test_book_picks_each_keep_their_blurb_and_show_it_under_their_title():
    """Recommendations as "**Title** by Author" lines over a paragraph each: the last pick's
    paragraph is its own too, and a pick that links nowhere is summarized with the first
    sentence of its blurb, since its title alone says nothing."""
    text = """# Shelf Notes 12

## On my nightstand

**Winter Ledger** by Ada Brook

A lighthouse keeper keeps accounts of every ship that passes. The sums stop adding up.

**The Long Allotment** by Colm Fry

Twelve neighbours share one garden for a year. Nobody agrees about the beans.

**Tin Gulls** by Mira Sato

A girl builds a flock of clockwork birds to find her father. It is gentle and strange.

## Shop news

The shop opens late on Thursdays from next week.
"""
    (issue,), _ = segment_document(read_bytes("12.md", text.encode()), *load_profiles())
    picks = issue.sections[0].items
    assert [(i.title, i.author) for i in picks] == [
        ("Winter Ledger", "Ada Brook"), ("The Long Allotment", "Colm Fry"),
        ("Tin Gulls", "Mira Sato")]
    assert picks[-1].excerpt.startswith("A girl builds a flock")
    assert issue.sections[0].paragraphs == []
    assert cut_item(picks[0]).text == ("Winter Ledger by Ada Brook — A lighthouse keeper keeps "
                                       "accounts of every ship that passes.")


HEADLINE = """<p><a href="{url}"><strong>{title}</strong></a><br>
{blurb}</p>"""

BRIEF = [
    ("https://example.com/orchard", "Forty trees planted in the new orchard (3 minute read)",
     "Volunteers from three schools planted apples, pears and plums. The first fruit is due in "
     "three years."),
    ("https://example.org/soil", "A jar test for your soil (2 minute read)",
     "Sand, silt and clay settle in layers overnight. The layers show the mix."),
    ("https://trial.example/sensors", "Soil sensors that text you (Sponsor)",
     "Moisture readings every hour, sent to your phone. Free for a month."),
]


def brief_mail() -> bytes:
    stories = "\n".join(HEADLINE.format(url=u, title=t, blurb=b) for u, t, b in BRIEF)
    html = f"""<html><body>
<p><a href="https://plotbrief.example/web/12">View Online</a></p>
<h1>Plot Brief</h1>
<h2>Headlines</h2>
{stories}
<p>Want to reach 40,000 growers? <a href="https://plotbrief.example/advertise">Learn more</a></p>
<p>If you have any comments or tips, just respond to this email!</p>
</body></html>"""
    return mail(html, "Plot Brief <news@plotbrief.example>",
                "Orchard trees, jar tests and sensors", "Fri, 06 Mar 2026 07:00:00 +0000")


def test_linked_headlines_over_their_blurbs_are_entries_and_the_masthead_is_not_the_title():
    (issue,), _ = segment_document(read_bytes("12.eml", brief_mail()), *load_profiles())
    assert issue.title == "Orchard trees, jar tests and sensors"
    (headlines,) = [s for s in issue.sections if s.heading == "Headlines"]
    assert [(i.title, i.excerpt) for i in headlines.items] == [  # no "(3 minute read)"
        ("Forty trees planted in the new orchard", BRIEF[0][2]),
        ("A jar test for your soil", BRIEF[1][2])]
    assert [link.text for link in headlines.items[0].links] == [
        "Forty trees planted in the new orchard"]
    assert not headlines.paragraphs  # the advertising promo and "respond to this email" gone
    (ad,) = [s for s in issue.sections if s.role == "sponsored"]
    assert [(i.title, i.excerpt) for i in ad.items] == [("Soil sensors that text you",
                                                        BRIEF[2][2])]
    assert cut_item(headlines.items[1]).text == (
        "A jar test for your soil — Sand, silt and clay settle in layers overnight.")


def test_linked_lines_that_are_sentences_are_not_headlines():
    text = """# Plot Weekly 34

## Quote of the week

> Plant when the soil is warm, not when the calendar says so.

[Mara on the allotment forum](https://example.com/forum/1)

Thanks to Kim for the suggestion!

[Send us your quotes for next week!](https://example.com/quotes)

Votes close on Sunday.
"""
    (issue,), _ = segment_document(read_bytes("34.md", text.encode()), *load_profiles())
    quote = issue.sections[-1]
    assert quote.items == []
    assert "Thanks to Kim for the suggestion!" in [p.text for p in quote.paragraphs]


def test_a_read_more_line_inside_an_html_entry_gives_it_its_link_and_is_no_entry():
    html = """<html><body><p>Good morning. Here is what you need to know today.</p>
<h2>Top stories</h2><ol>
<li><p><strong>Bridge reopens early.</strong> The river bridge reopened two weeks ahead of
schedule.</p><p><a href="https://desk.example/bridge">Read more →</a></p></li>
<li><p><strong>Library extends hours.</strong> The central library stays open until ten.</p>
<p>Weekend hours do not change.</p><p><a href="https://desk.example/library">Lire la suite</a></p>
</li></ol></body></html>"""
    message = mail(html, "City Desk <desk@desk.example>", "Two things to know",
                   "Fri, 27 Nov 2026 06:30:00 +0000")
    (issue,), _ = segment_document(read_bytes("27.eml", message), *load_profiles())
    (stories,) = [s for s in issue.sections if s.heading == "Top stories"]
    assert [(i.number, i.title, i.excerpt, [k.url for k in i.links]) for i in stories.items] == [
        (1, "Bridge reopens early.", None, ["https://desk.example/bridge"]),
        (2, "Library extends hours.", "Weekend hours do not change.",
         ["https://desk.example/library"])]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == ["Read more →",
                                                                     "Lire la suite"]


LONG_READS = """# Dev Digest #140

Two good long reads this week.

## Long reads

**[How we cut our build times in half](https://example.dev/builds)** (example.dev) — caching
the dependency layer and splitting tests by timing data.

**[A year of SQLite in production](https://example.io/sqlite)** (blog.example.io) — what
worked, the one outage and how backups are done.

**[Parsing with lookahead](https://example.com/parse)** (part 2) — the grammar gets a second
token of context.
"""


def test_the_site_named_in_brackets_after_an_entrys_title_is_its_outlet():
    (issue,), _ = segment_document(read_bytes("140.md", LONG_READS.encode()), *load_profiles())
    (section,) = [s for s in issue.sections if s.heading == "Long reads"]
    assert [(item.outlet, item.text) for item in section.items] == [
        ("example.dev", "How we cut our build times in half — caching the dependency layer and "
                        "splitting tests by timing data."),
        ("blog.example.io", "A year of SQLite in production — what worked, the one outage and "
                            "how backups are done."),
        (None, "Parsing with lookahead (part 2) — the grammar gets a second token of context.")]


LINK_BLOG = """\
# Small Web Notes

A few things I read this week.

[Why your static site is slow](https://blog.example.net/static-slow) → A careful look at
font loading. The fix was one attribute.

[The case for plain HTML email](https://mail.example.org/plain) → Fewer trackers, better
accessibility.

[A gallery of hand-made personal sites](https://gallery.example.com/) → Three hundred sites,
sorted by colour.

---

That's it. Reply and tell me what you're reading.
"""


def test_linked_titles_with_an_arrow_to_their_note_are_entries_and_a_request_no_summary():
    from digest.summarize import summarize_issue

    (found,), _ = segment_document(read_bytes("notes.md", LINK_BLOG.encode()), *load_profiles())
    entries = [i for s in found.sections for i in s.items]
    assert [(i.title, i.links[0].url) for i in entries] == [
        ("Why your static site is slow", "https://blog.example.net/static-slow"),
        ("The case for plain HTML email", "https://mail.example.org/plain"),
        ("A gallery of hand-made personal sites", "https://gallery.example.com/")]
    chosen = [s.text for d in summarize_issue(found).sections for s in d.sentences]
    assert chosen and not [t for t in chosen if "Reply" in t]


LINKS = """# Frontend Notes 12

## Links

- [A modern CSS reset](https://css.example/reset) — Small and opinionated
- **SQLite as a message queue** — Cheeky, but the numbers hold up for small teams. [link](https://db.example/q)
- [The cost of file formats](https://eng.example/formats) — Harbor Engineering blog
- [Two readers reply](https://letters.example/r) — Ana Ruiz and Tom Lee
"""


def test_a_comment_after_an_entrys_dash_is_no_author():
    (issue,), _ = segment_document(read_bytes("links.md", LINKS.encode()), *load_profiles())
    assert [(i.title, i.author) for i in issue.sections[0].items] == [
        ("A modern CSS reset", None), ("SQLite as a message queue", None),
        ("The cost of file formats", "Harbor Engineering blog"),
        ("Two readers reply", "Ana Ruiz and Tom Lee")]


def test_an_entry_opening_with_a_bold_date_is_the_event_not_a_title_of_one_date():
    text = ("# Harbour Town Notes\n\n## Events\n\n"
            "- **Sat 6 December** Winter fireworks on the quay, from six\n"
            "- **Sun 14 December** Story time at the new library\n"
            "- **[Sat 20 December](https://market.example/xmas)** The Christmas market\n")
    (issue,), _ = segment_document(read_bytes("notes.md", text.encode()), *load_profiles())
    assert [(i.title, i.text) for i in issue.sections[0].items] == [
        (None, "Sat 6 December Winter fireworks on the quay, from six"),
        (None, "Sun 14 December Story time at the new library"),
        ("Sat 20 December", "Sat 20 December The Christmas market")]  # a link's own words


EVENTS = """# This Weekend in Millbrook

Six things to do while the weather holds.

## Saturday

### Lantern walk by the canal

Saturday 14 March, 6pm–8pm

Starts at the lock bridge

Free; lanterns £3

A slow walk along the towpath behind the brass band. Children lead the way.

[Route map](https://millbrook.example/route)

### Flea market on Quay Street

Saturday 14 March, 9am–2pm

Quay Street car park

Forty stalls of records, tools and coats. Go early for the chairs.

## Sunday

### Open day at the tram shed

Sunday 15 March, 10am–4pm

Foundry Road

The old trams run up and down the yard all day.

### Folk at the Lock Keeper

Sunday 15 March, 4pm

Canal Walk

Three sisters sing close harmony in the back room.

## From the mill

Our long piece on the old mill is on the website, with photographs from the archive.
"""


def test_a_listing_of_headed_events_is_a_list_of_entries_with_their_details():
    (issue,), _ = segment_document(read_bytes("weekend.md", EVENTS.encode()), *load_profiles())
    saturday = next(s for s in issue.sections if s.heading == "Saturday")
    assert saturday.layout == "list" and not saturday.paragraphs
    walk, market = saturday.items
    assert (walk.title, [link.url for link in walk.links]) == (
        "Lantern walk by the canal", ["https://millbrook.example/route"])
    assert walk.excerpt == ("Saturday 14 March, 6pm–8pm · Starts at the lock bridge · Free; "
                            "lanterns £3. A slow walk along the towpath behind the brass band. "
                            "Children lead the way.")
    assert cut_item(market).text == ("Flea market on Quay Street — Saturday 14 March, 9am–2pm · "
                                     "Quay Street car park.")


def test_subheads_over_prose_with_no_details_stay_subheads():
    text = EVENTS.replace("Saturday 14 March, 6pm–8pm\n\nStarts at the lock bridge\n\n"
                          "Free; lanterns £3\n\n", "").replace(
        "Saturday 14 March, 9am–2pm\n\nQuay Street car park\n\n", "")  # prose only
    (issue,), _ = segment_document(read_bytes("weekend.md", text.encode()), *load_profiles())
    saturday = next(s for s in issue.sections if s.heading == "Saturday")
    assert not saturday.items
    assert [s.heading for s in saturday.subsections] == [
        "Lantern walk by the canal", "Flea market on Quay Street"]


@pytest.mark.parametrize("text, shown", [
    ("The town clock problem — Marguerite Oyelaran, The Long Field. A gorgeous essay about "
     "stopped clocks. I read it twice.",
     "The town clock problem — Marguerite Oyelaran, The Long Field. A gorgeous essay about "
     "stopped clocks."),
    ("The town clock problem — the essay of the month. I read it twice.",
     "The town clock problem — the essay of the month."),
])
def test_a_reading_lists_entry_cut_to_its_title_and_credit_keeps_its_blurbs_first_sentence(
        text, shown):
    """"Title — Writer, Publication." says only who wrote what: the entry keeps the first
    sentence of what the list says about it (the week page showed the title and byline)."""
    from digest.model import Item, Link

    item = Item(line=1, text=text, title="The town clock problem",
                links=[Link("The town clock problem", "https://longfield.example/clock")])
    assert cut_item(item).text == shown


WHATS_ON = """\
VISIT KELBY
What's on, March 2026

Spring is early in the valley this year, and most cafes reopen for Easter.

EVENTS
------

Food and Drink Festival
Sat 14 - Sun 15 March, 10am-5pm, Market Square
More than sixty local producers, cookery demos in the Corn Exchange and a
cheese-rolling race on Sunday afternoon. Free entry.

Dark Skies Evening
Fri 20 March, 7pm-10pm, Holm Point car park
Telescopes from the astronomical society. Wrap up warm and bring a torch
with a red filter. Booking essential.

GETTING AROUND
--------------

The valley bus returns to its summer timetable from 28 March, every half hour.
"""


def test_a_plain_text_listings_title_lines_over_their_details_are_its_entries():
    """A title line opening each group of lines, over the details line it touches (a date, a
    time, a price) and a blurb: the entries of a listing, titled (it was loose text, and a
    details line alone summarized the events)."""
    (issue,), _ = segment_document(read_bytes("2026-03.txt", WHATS_ON.encode()),
                                   *load_profiles())
    events = next(s for s in issue.sections if s.heading == "EVENTS")
    assert [(i.title, (i.excerpt or "")[:30]) for i in events.items] == [
        ("Food and Drink Festival", "Sat 14 - Sun 15 March, 10am-5p"),
        ("Dark Skies Evening", "Fri 20 March, 7pm-10pm, Holm P")]


PLAIN_WEEKLY = """Plot Weekly #35 - March 19, 2026

A Garden Planner in the Browser ( https://example.com/garden-api ) - How one allotment
society replaced its paper plot map with a small web app. The hardest part was printing it.

Ines Duarte

Deploy Previews for Every Branch ( https://ads.example/trial ) - Push a branch and get a
link to share with your team in seconds. Free for small teams.

Sponsor Stackyard

Cataloguing Seeds With a Tiny Database ( https://example.net/seed-db ) - Fifty varieties,
their sowing dates and germination rates, kept in one file that a phone can search.

Kofi Mensah and the Seedbank Team

Mapping Frost Pockets on a Slope ( https://example.org/frost ) Video - A twenty-minute
walk along one hillside with a thermometer on a pole, and what the readings showed.

Tomas Berg

Pruning Old Apple Trees ( https://example.org/apples ) - Three winters of cuts on one
neglected orchard, with photographs of each tree before and after.

Read More
"""


@pytest.fixture(scope="module")
def plain_weekly():
    (found,), _ = segment_document(read_bytes("35.txt", PLAIN_WEEKLY.encode()),
                                   *load_profiles())
    return found


def test_a_name_alone_under_a_plain_text_entry_is_its_author(plain_weekly):
    entries = {i.title: i for s in plain_weekly.sections for i in s.items}
    planner = entries["A Garden Planner in the Browser"]
    assert (planner.author, planner.excerpt) == ("Ines Duarte", None)
    assert entries["Cataloguing Seeds With a Tiny Database"].author == \
        "Kofi Mensah and the Seedbank Team"  # two names joined
    assert entries["Pruning Old Apple Trees"].author is None


def test_a_badge_word_between_an_entrys_link_and_its_dash_keeps_it_an_entry(plain_weekly):
    entries = {i.title: i for s in plain_weekly.sections for i in s.items}
    assert entries["Mapping Frost Pockets on a Slope"].author == "Tomas Berg"
    assert "Tomas Berg" not in [s.dek for s in plain_weekly.sections]


def test_a_sponsor_badge_under_a_plain_text_entry_makes_it_sponsored(plain_weekly):
    (ad,) = [s for s in plain_weekly.sections if s.role == "sponsored"]
    assert (ad.sponsor, [i.title for i in ad.items]) == (
        "Stackyard", ["Deploy Previews for Every Branch"])
    others = [i.title for s in plain_weekly.sections if s.role != "sponsored" for i in s.items]
    assert "Deploy Previews for Every Branch" not in others


@pytest.mark.parametrize("entry, title", [
    ("- **PDF edition** – £10", "PDF edition"),
    ("- **Poetry night** — Sa, 14 März, 20 Uhr, Buchhandlung Sonne", "Poetry night"),
    ("- [شب شعر نوروزی](https://example.ir/shab) — پنجشنبه ۲۸ اسفند، ساعت ۱۸", "شب شعر نوروزی"),
])
def test_a_price_or_a_date_after_an_entrys_dash_is_no_author(entry, title):
    text = f"# Studio Notes 12\n\n## Shop\n\n{entry}\n- **Prints** — A4 and A3, signed\n"
    (issue,), _ = segment_document(read_bytes("12.md", text.encode()), *load_profiles())
    item = next(i for s in issue.sections for i in s.items if i.title == title)
    assert item.author is None


def test_a_handle_after_an_entrys_dash_is_its_author():
    text = ("# Studio Notes 13\n\n## Links\n\n- [Ink Mono](https://example.com/ink) — @inkdev42\n"
            "- [Paper Grain](https://example.com/grain) — Ana Ruiz\n")
    (issue,), _ = segment_document(read_bytes("13.md", text.encode()), *load_profiles())
    assert [i.author for s in issue.sections for i in s.items] == ["@inkdev42", "Ana Ruiz"]


def test_a_news_alerts_source_line_under_each_headline_is_no_heading():
    """Linked headline, its source ("The Coastal Ledger"), its snippet: the source credits
    the entry (it opened a section of its own, holding the story before it)."""
    stories = [("Orkney turbines break a generation record", "The Coastal Ledger",
                "The four turbines delivered more power in February than in any month since "
                "the array was connected five years ago."),
               ("Budget confirmed for tidal stream projects", "Energy Weekly",
                "Ministers kept a separate fund for tidal projects after developers warned "
                "that competing with offshore wind would stall the industry.")]
    body = "".join(f'<p><a href="https://news.example/{n}">{title}</a></p><p>{source}</p>'
                   f"<p>{snippet}</p>" for n, (title, source, snippet) in enumerate(stories))
    html = f"<h1>Alert: tidal energy</h1><h2>NEWS</h2>{body}"
    (issue,), _ = segment_document(read_bytes("alert.eml", mail(
        html, "Alerts <alerts@lookout.example>", "Alert - tidal energy")), *load_profiles())
    assert [s.heading for s in issue.sections if s.heading] == ["NEWS"]
    news = issue.sections[-1]
    assert [(i.title, i.author) for i in news.items] == [
        ("Orkney turbines break a generation record", "The Coastal Ledger"),
        ("Budget confirmed for tidal stream projects", "Energy Weekly")]


def test_a_label_opening_linked_titles_is_part_of_each_title():
    """"Ask HN: What's your …" opening two linked titles is their words, not a label that
    turns the list into labelled paragraphs."""
    rows = "<br>".join(f'<a href="https://news.example/item?id={n}">Ask HN: {q}</a> '
                       f'(<a href="https://news.example/item?id={n}">{c} comments</a>)'
                       for n, (q, c) in enumerate([
                           ("What's your most boring technology that never broke?", 611),
                           ("How do you keep a work log you actually reread?", 183)]))
    html = f"<h1>Hackerletter 712</h1><h3>Ask HN</h3><p>{rows}</p><h3>Fun</h3><p>Nothing.</p>"
    (issue,), _ = segment_document(read_bytes("712.eml", mail(
        html, "Hackerletter <hi@hackerletter.example>", "Hackerletter 712")), *load_profiles())
    ask = next(s for s in issue.sections if s.heading == "Ask HN")
    assert [i.title for i in ask.items] == [
        "Ask HN: What's your most boring technology that never broke?",
        "Ask HN: How do you keep a work log you actually reread?"]
