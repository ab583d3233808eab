"""Rows of links around the text are furniture, and linked headlines are stories: where to
listen above a podcast's notes, a "Support the show · Merch" row over the footer (the
sign-off above it found again), a "Photos: …" headline kept as an entry, and a French
"Lire l’article" link giving its section its story. Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import build_one, issue_of, mail

from digest.segment import load_profiles

SHOW_NOTES = """\
<h1>Episode 48: The town that moved its river</h1>
<p><a href="https://podcasts.example/show/48">Apple Podcasts</a> ·
<a href="https://listen.example/show/48">Spotify</a> · <a href="https://riverside.example/feed">RSS</a></p>
<p>In the 1970s a small town dug a new bed for its river, two hundred metres east of the old
one, so that the spring floods would stop reaching the high street. We went back to ask
whether it worked.</p>
<h2>Chapters</h2>
<ul><li>(03:00) The flood of 1968</li><li>(19:30) Digging the new channel</li></ul>
<h2>Mailbag</h2>
<p>Our episode on ferry bells brought a letter from a retired captain, who rang one for thirty
years and still hears it in his sleep.</p>
<p>Thanks for listening,</p>
<p>Ines and Paul</p>
<p><a href="https://riverside.example/support">Support the show</a> ·
<a href="https://riverside.example/shop">Merch</a></p>
<p>You get this because you subscribed at riverside.example.
<a href="https://riverside.example/unsubscribe/z1">Unsubscribe</a></p>
"""

TOP_POSTS = """\
# Top posts this week

1. **[A bakery that opens at midnight](https://forum.example/t/101)** — 980 points
2. **[Photos: the canal before it was filled in](https://forum.example/t/102)** — 870 points
3. **[How our street got its trees back](https://forum.example/t/103)** — 640 points
"""

LETTRE = """\
# La Lettre des jardins — n° 9

## Un verger partagé à Montreuil

Le premier verger partagé de la ville a été planté samedi : quarante arbres fruitiers, dont
des pommiers anciens. Les habitants pourront cueillir librement dès la troisième année, et
une association se charge de la taille. Pour les bénévoles, c’est une école du fruit.

[Lire l’article](https://jardins.example/verger-montreuil)

## Les semis de mars

Tomates, poivrons et aubergines se sèment au chaud dès la mi-mars, à l’abri du gel.
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def show_notes() -> bytes:
    return mail(SHOW_NOTES, "Riverside <show@riverside.example>", "Episode 48",
                "Fri, 06 Mar 2026 06:00:00 +0000",
                List_Unsubscribe="<https://riverside.example/unsubscribe/z1>")


def test_the_row_of_places_to_listen_above_the_notes_is_chrome(profiles):
    issue = issue_of("show.eml", show_notes(), profiles)
    lead = issue.sections[0]
    assert lead.paragraphs[0].text.startswith("In the 1970s a small town")
    assert "Apple Podcasts · Spotify · RSS" in [d.text for d in issue.dropped]


def test_a_link_row_over_a_one_line_footer_is_chrome_and_the_sign_off_above_it_found(profiles):
    issue = issue_of("show.eml", show_notes(), profiles)
    mailbag = issue.sections[-1]
    assert [p.text[:20] for p in mailbag.paragraphs] == ["Our episode on ferry"]
    kinds = {d.text: d.kind for d in issue.dropped}
    assert kinds["Support the show · Merch"] == "chrome"
    assert kinds["Ines and Paul"] == "signoff"


def test_a_linked_headline_opening_like_a_photo_credit_stays_an_entry(profiles):
    issue = issue_of("top.md", TOP_POSTS.encode(), profiles)
    titles = [item.title for section in issue.sections for item in section.items]
    assert titles == ["A bakery that opens at midnight",
                      "Photos: the canal before it was filled in",
                      "How our street got its trees back"]


def test_a_french_read_more_link_with_a_typographic_apostrophe_links_its_section(profiles):
    issue = issue_of("lettre.md", LETTRE.encode(), profiles)
    verger = next(s for s in issue.sections if s.heading == "Un verger partagé à Montreuil")
    assert verger.link == "https://jardins.example/verger-montreuil"
    assert all("Lire" not in p.text for p in verger.paragraphs)


EVENTS = """\
<h1>What's on this week</h1>
<p>Our picks for the week ahead, from a lantern walk to a jazz night by the river.</p>
<h2>Lantern walk</h2>
<p>Bring a lantern or borrow one at the start; the walk follows the quay to the lighthouse
and back, with stories about the harbour told on the way.</p>
<p><a href="https://town.example/events/lanterns">Details and booking</a></p>
<h2>Jazz by the river</h2>
<p>A trio plays standards and their own tunes at the boathouse on Saturday night.</p>
<p><a href="https://town.example/events/jazz">Tickets</a></p>
<hr>
<p>Know of an event we missed? Reply and tell us.</p>
"""


def test_a_short_call_closing_a_story_links_its_heading(profiles):
    issue = issue_of("events.eml", mail(EVENTS, "Town Events <ev@town.example>", "What's on",
                                        "Mon, 03 Nov 2025 07:30:00 +0000"), profiles)
    links = {s.heading: s.link for s in issue.sections}
    assert links["Lantern walk"] == "https://town.example/events/lanterns"
    assert links["Jazz by the river"] == "https://town.example/events/jazz"
    shown = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "Tickets" not in shown and "Details and booking" not in shown


WORKSHOP = """\
# The Workshop Letter 12

## A case study from the coast

We followed a boatyard that moved its whole workshop to solar power last year. The owners kept
notes on every cost and every outage.

[Read the case study](https://workshop.example.org/boatyard)

## Market day

The timber market returns to the old mill in March, with stalls from all over the valley.

[👉 Book your stall](https://workshop.example.org/markt)

## Four words, no call

A long piece on why the old mill's wheel was never rebuilt, and what it would cost now.

[The mill wheel question](https://workshop.example.org/wheel)

## Tools we liked

- [A folding sawhorse](https://tools.example.com/horse) that holds 300 kg.
"""


def test_a_call_of_four_words_closing_a_story_links_its_heading(profiles):
    issue = issue_of("workshop.md", WORKSHOP.encode(), profiles)
    links = {s.heading: s.link for s in issue.sections}
    assert links["A case study from the coast"] == "https://workshop.example.org/boatyard"
    assert links["Market day"] == "https://workshop.example.org/markt"
    assert links["Four words, no call"] is None  # a title, not a call: it stays the story's
    shown = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "case study" not in shown and "your stall" not in shown
    assert "mill wheel question" in shown


def test_a_short_link_closing_the_issue_or_a_list_links_no_heading(profiles):
    text = ("# Notes\n\n## Reading\n\n- [A long read on bridges](https://a.example/1)\n"
            "- [Why tunnels leak](https://a.example/2)\n\n[Full list](https://a.example/all)\n\n"
            "## Quote\n\nA river is a road that moves.\n\n[Discuss on forum](https://f.example/9)\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    assert [s.link for s in issue.sections] == [None, None]


LINK_TABLE = """\
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Canal Links #4</title></head>
<body><h1>Canal Links #4</h1>
<p>This week's reading on locks, boats and towpaths.</p>
<table>
<tr><th>Story</th><th>Source</th></tr>
<tr><td><a href="https://a.example/locks">Why old locks leak</a></td><td>Waterways Weekly</td></tr>
<tr><td><a href="https://b.example/boats">The last horse boat</a></td><td>Canal Times</td></tr>
</table>
<table>
<tr><th>Lock</th><th>Rise</th></tr>
<tr><td>Caen Hill</td><td>72 m</td></tr>
<tr><td>Bingley</td><td>18 m</td></tr>
</table>
</body></html>
"""


def test_a_table_of_links_reads_as_titled_entries_and_its_header_as_chrome(profiles):
    issue = issue_of("links.html", LINK_TABLE.encode(), profiles)
    items = [item for section in issue.sections for item in section.items]
    assert [(i.title, i.links[0].url) for i in items] == [
        ("Why old locks leak", "https://a.example/locks"),
        ("The last horse boat", "https://b.example/boats")]
    assert "Story | Source" in [d.text for d in issue.dropped]
    rows = [p.text for s in issue.sections for p in s.paragraphs]
    assert "Lock | Rise" in rows and "Caen Hill | 72 m" in rows  # a table of data stays


BANNERS = """\
<table width="600"><tr><td>
<img src="https://moor.example/img/logo.png" alt="Moor Notes" width="600" height="120">
<p>Welcome to March; the geese are already on the move across the estuary.</p>
<img src="https://moor.example/img/h1.png" alt="Migration watch" width="600" height="60">
<p>Pink-footed geese left the estuary two weeks earlier than the average of the last decade.</p>
<img src="https://moor.example/img/heron.jpg" alt="A heron at dawn" width="600" height="400">
<img src="https://moor.example/img/h2.png" alt="Trails" width="600" height="60">
<p>The new boardwalk across the moss opened on Friday and is wide enough for wheelchairs.</p>
<img src="https://moor.example/t/open.gif" width="1" height="1" alt="">
</td></tr></table>
"""


def test_a_heading_set_as_a_wide_picture_is_read_from_its_alternative_text(profiles):
    issue = issue_of("moor.eml", mail(BANNERS, "Moor Notes <n@moor.example>", "Moor Notes: geese",
                                      "Mon, 03 Mar 2025 06:00:00 +0000"), profiles)
    assert [s.heading for s in issue.sections] == [None, "Migration watch", "Trails"]
    assert "A heron at dawn" not in {s.heading for s in issue.sections}
    assert issue.sections[0].paragraphs[0].text.startswith("Welcome to March")


def test_points_numbered_like_a_thread_are_list_entries(profiles):
    text = ("# Three things about shipping\n\n"
            "1/ Freight rates fell for the sixth week in a row.\n\n"
            "2/ More than two hundred new ships were delivered since last spring.\n\n"
            "3/ Rotterdam reported its lowest March volume in four years.\n\n"
            "Mix 1/2 cup of flour with water.\n")
    issue = issue_of("thread.md", text.encode(), profiles)
    items = issue.sections[0].items
    assert [(i.number, i.text[:12]) for i in items] == [
        (1, "Freight rate"), (2, "More than tw"), (3, "Rotterdam re")]
    assert [p.text for p in issue.sections[0].paragraphs] == ["Mix 1/2 cup of flour with water."]


def test_what_follows_a_linked_title_after_a_dash_is_an_author_only_when_capitalised(profiles):
    text = ("# Jobs\n\n## Also hiring\n\n"
            "- [Arborist, City Parks](https://jobs.example/1) — full-time, Glasgow\n"
            "- [Fileman](https://f.example/) - a two-panel file manager\n"
            "- [Why bridges sing](https://e.example/b) — Owen Hart\n")
    issue = issue_of("jobs.md", text.encode(), profiles)
    assert [i.author for i in issue.sections[-1].items] == [None, None, "Owen Hart"]


SAMPLER = """\
<p>Every Sunday we pick one piece from newsletters we love: maps and money this week.</p>
<p>From <a href="https://maps.example">The Map Letter</a></p>
<h2><a href="https://maps.example/p/coast">Why every coastline map is wrong</a></h2>
<p>A coastline's length depends on the size of your ruler, so official figures differ.</p>
<p>There are currently no new maps</p>
<h2><a href="https://coins.example/p/town">The town with its own coins</a></h2>
<p>A small town has printed its own currency since 1998, and shops accept it.</p>
"""


def test_a_short_capitalised_line_over_a_stories_heading_is_its_kicker(profiles):
    issue = issue_of("sampler.eml", mail(SAMPLER, "Sampler <s@sampler.example>", "Sampler",
                                         "Sun, 19 Oct 2025 07:00:00 +0000"), profiles)
    assert [(s.heading, s.dek) for s in issue.sections[1:]] == [
        ("Why every coastline map is wrong", "From The Map Letter"),
        ("The town with its own coins", None)]
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "From The Map Letter" not in texts and "There are currently no new maps" in texts


def test_paragraphs_opening_with_an_emoji_bullet_are_titled_entries(profiles):
    text = ("# Tiny Tools #40\n\nA few small tools that made my week easier.\n\n"
            "🔹 **Tablemaker** turns a CSV file into a Markdown table you can paste anywhere.\n\n"
            "🔹 **Quietly** mutes notifications while you are in a video call.\n\n"
            "## 🚀 Releases\n\nTwo releases this week, both small.\n\nUntil next week!\n")
    issue = issue_of("tools.md", text.encode(), profiles)
    items = issue.sections[0].items
    assert [(i.title, i.text[:12]) for i in items] == [
        ("Tablemaker", "Tablemaker t"), ("Quietly", "Quietly mute")]
    assert issue.sections[1].heading == "🚀 Releases"
    assert [d.text for d in issue.dropped] == ["Until next week!"]


RELATIVE = """\
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour Notes</title>
<link rel="canonical" href="https://harbour.example/issues/2025-08-01/"></head>
<body><article><h1>Harbour Notes</h1>
<p>The <a href="/ferries/timetable">new ferry timetable</a> starts, the <a href="../2025-07-25/">
market story</a> has news.</p>
<p>Summer adds two evening crossings: <a href="times.pdf">the times</a>, or
<a href="mailto:desk@harbour.example">write to us</a>.</p>
</article></body></html>
"""


def test_a_saved_pages_relative_links_are_made_whole_against_its_address(profiles):
    issue = issue_of("notes.html", RELATIVE.encode(), profiles)
    urls = [link.url for s in issue.sections for p in s.paragraphs for link in p.links]
    assert urls == ["https://harbour.example/ferries/timetable",
                    "https://harbour.example/issues/2025-07-25/",
                    "https://harbour.example/issues/2025-08-01/times.pdf",
                    "mailto:desk@harbour.example"]


def test_a_week_page_shows_an_unheaded_opening_list_under_its_issue_without_a_label(tmp_path):
    text = ("# Rail Links #19\n\n"
            "- [Night trains return to the Alps](https://rail.example/1) — Rail Gazette\n"
            "- [A tram depot becomes a food hall](https://city.example/2) — City Lab\n\n"
            "## One more thing\n\nA reader found a 1920s ticket behind a fireplace in Leeds; "
            "it was valid for one journey, third class, and cost fourpence.\n")
    site = build_one(tmp_path, "rail-links", "2025-02-10-rail-links.md", text)
    (week,) = (site / "weeks").glob("*.html")
    html = week.read_text()
    assert "Night trains return to the Alps" in html
    assert "<h4>Roundup</h4>" not in html and "<h4>One more thing</h4>" in html
    (page,) = (site / "issues").glob("*.html")
    assert ">Roundup</h2>" in page.read_text()  # the issue page names every section


EPISODE = """\
# Episode 142: The economics of bridges

This week Maria talks to civil engineer Tom Okafor about why bridges cost what they cost.

[Listen on the web](https://pod.example/142) · [Apple Podcasts](https://apple.example/142) · \
[Spotify](https://spotify.example/142)

## Links from the episode

- [The Forth Bridge maintenance report](https://engineering.example/forth-report)
- [Why steel prices doubled](https://econ.example/steel-2026)
"""


def test_a_row_of_three_short_links_under_the_text_is_furniture_a_list_of_links_is_not(
        profiles):
    issue = issue_of("2026-11-21-pod.md", EPISODE.encode(), profiles)
    assert [p.text for p in issue.sections[0].paragraphs] == [
        "This week Maria talks to civil engineer Tom Okafor about why bridges cost what they "
        "cost."]
    assert ("chrome", "Listen on the web · Apple Podcasts · Spotify") in {
        (d.kind, d.text) for d in issue.dropped}
    assert len(issue.sections[1].items) == 2


LETTERA = """\
<html lang="it"><body><h1>La Lettera del Mercato n. 12</h1>
<p>Ciao a tutti! Questa settimana parliamo del pane e del nuovo mercato coperto.</p>
<h2>Il mercato coperto</h2>
<p>Il nuovo mercato coperto aprirà a marzo con 40 banchi, metà per i produttori locali.</p>
<p>A presto,<br>Giulia</p>
<p>Seguici su: <a href="https://instagram.example/lettera">Instagram</a> ·
<a href="https://facebook.example/lettera">Facebook</a> ·
<a href="https://linkedin.example/lettera">LinkedIn</a></p>
</body></html>"""


def test_a_row_of_links_after_a_short_label_is_furniture_and_the_closing_above_it_too(
        profiles):
    issue = issue_of("lettera.html", LETTERA.encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "Il nuovo mercato coperto aprirà a marzo con 40 banchi, metà per i produttori locali."]
    assert [(d.kind, d.text) for d in issue.dropped] == [
        ("signoff", "A presto,"), ("signoff", "Giulia"),
        ("chrome", "Seguici su: Instagram · Facebook · LinkedIn")]


@pytest.mark.parametrize("name, text", [
    ("bulletin.html", "<html><body><h1>Council Bulletin</h1><p>Hello residents, two notes.</p>"
                      "<h2 id='roads'>Roads</h2><p>Gritting lorries treat main roads below one "
                      "degree.</p><p><a href='#top'>Back to top</a></p><h2>Bins</h2><p>Christmas "
                      "Day collections move to Saturday.</p><p><a href='#top'>↑ Top</a></p>"
                      "</body></html>"),
    ("2026-11-26-bulletin.md", "# Council Bulletin\n\nHello residents, two notes.\n\n## Roads\n\n"
                               "Gritting lorries treat main roads below one degree.\n\n"
                               "[Back to top](#top)\n\n## Bins\n\nChristmas Day collections move "
                               "to Saturday.\n\n[↑ Top](#council-bulletin)\n"),
], ids=["html", "markdown"])
def test_a_line_that_is_one_link_within_the_page_is_furniture(name, text, profiles):
    issue = issue_of(name, text.encode(), profiles)
    assert [[p.text for p in s.paragraphs] for s in issue.sections] == [
        ["Hello residents, two notes."], ["Gritting lorries treat main roads below one degree."],
        ["Christmas Day collections move to Saturday."]]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == ["Back to top", "↑ Top"]


MUSEUM = """\
# Members' Bulletin

The kiln is open again, and two exhibitions start this month.

## Exhibitions

### Threadwork

Tapestries woven from the last three farms' fleece, shown in the long gallery.

### Voices of the Kiln

Recordings of the workers who fired the kiln, played inside it.

[Find out more](https://museum.example/voices)

## Members' events

A private view for members on Thursday evening, with the artists.
"""


def test_a_read_more_under_the_last_of_two_subheads_is_not_the_sections_link(profiles):
    issue = issue_of("bulletin.md", MUSEUM.encode(), profiles)
    exhibitions = next(s for s in issue.sections if s.heading == "Exhibitions")
    assert exhibitions.link is None
    (more,) = [p for p in exhibitions.paragraphs if p.text == "Find out more"]
    assert [link.url for link in more.links] == ["https://museum.example/voices"]


LINK_DUMP = """TAB PILE #12 - closed this week, in no particular order

old tram maps, still the best - https://maps.example/trams
why the Danish keyboard hides its braces - https://keys.example/danish
a Forth that fits on a floppy - https://forth.example/
bread tins, also back - https://bakery.example/tins
https://sheets.example/
https://quest.example/
slow radio at night, and why it works - https://radio.example/slow

---
tab pile is a weekly list of whatever I had open. reply to send me yours.
"""


def test_a_plain_text_dump_of_links_in_lower_case_is_a_list_of_them(profiles):
    """Each line is "words - address" (or an address alone) with no capital to tell it from
    wrapped prose: each is an entry linked to its address, none joined to the next."""
    issue = issue_of("12.txt", LINK_DUMP.encode(), profiles)
    items = [i for s in issue.sections for i in s.items]
    assert [i.text for i in items] == [
        "old tram maps, still the best", "why the Danish keyboard hides its braces",
        "a Forth that fits on a floppy", "bread tins, also back", "https://sheets.example/",
        "https://quest.example/", "slow radio at night, and why it works"]
    assert items[3].links[0].url == "https://bakery.example/tins"


def test_a_row_of_linked_releases_is_news_not_a_row_of_places_to_go(profiles):
    html = ("<h1>Bundler Weekly 412</h1><p>Three new releases and a long read.</p>"
            "<h2>Releases</h2><p><a href='https://bw.example/1'>Vite 9.1</a> – Faster cold "
            "starts with a persistent cache.</p><p><a href='https://bw.example/2'>Biome 2.5</a> · "
            "<a href='https://bw.example/3'>Turbopack 3.2</a> · <a href='https://bw.example/4'>"
            "Lerna 11.0</a></p><h2>Long read</h2><p>Why one team moved its monorepo off an old "
            "bundler, and what got faster.</p><p><a href='https://bw.example/x'>Follow us</a> · "
            "<a href='https://bw.example/y'>Archive</a> · <a href='https://bw.example/z'>Jobs"
            "</a></p>")
    issue = issue_of("bw.eml", mail(html, "Bundler Weekly <bw@bw.example>", "Bundler Weekly 412",
                                    "Thu, 12 Mar 2026 08:00:00 +0000"), profiles)
    dropped = {d.text for d in issue.dropped}
    assert "Biome 2.5 · Turbopack 3.2 · Lerna 11.0" not in dropped
    assert "Follow us · Archive · Jobs" in dropped
