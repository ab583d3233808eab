"""A Markdown letter as blog-style newsletters write it: a picture alone on its line, footnotes
and the closing credit are not the issue's text. Fixture written here."""

from __future__ import annotations

import pytest

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

LETTER = """---
title: "Small Tools #41: Backups you can trust"
date: 2026-11-26
---

Hello! This issue is about backups that restore. Two of my five drills failed.[^1] The fixes
were small.

![A terminal showing a restore command](https://smalltools.example/img/restore.png)

## The drill

Pick one backup at random and restore it on a clean machine.[^drill] Time the whole thing.

[![Badge](https://smalltools.example/b.svg)](https://smalltools.example/ci) The badge links
to the build, and this sentence is the text.

---

*Small Tools is written by Priya Nair. Reply with your own drill stories.*

[^1]: One of them failed twice, for different reasons.
[^drill]: A drill is worth more than any dashboard.
"""


@pytest.mark.parametrize("parser", ["auto", "python"])
def test_pictures_footnotes_and_the_closing_credit_are_not_text(parser, monkeypatch):
    if parser == "python":
        monkeypatch.setattr("digest.ingest.markdown.markdown_rs.tokens", lambda *a: None)
    (issue,), _ = segment_document(read_bytes("41.md", LETTER.encode()), *load_profiles())
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts == [
        "Hello! This issue is about backups that restore. Two of my five drills failed. The "
        "fixes were small.",
        "Pick one backup at random and restore it on a clean machine. Time the whole thing.",
        "Badge The badge links to the build, and this sentence is the text."]
    dropped = [(d.kind, d.text) for d in issue.dropped]
    assert ("caption", "A terminal showing a restore command") in dropped
    assert ("credit", "Small Tools is written by Priya Nair. Reply with your own drill "
            "stories.") in dropped
    assert [k for k, t in dropped if t.startswith("[^1]:")] == ["note"]


NEWS = """# Boletim de Tecnologia 41

Olá, pessoal! Três notícias esta semana.

## Notícias

As principais notícias da semana, com os links para as fontes.

### [Nova lei de proteção de dados entra em vigor](https://lei.example.br/dados)

A lei vale a partir de janeiro para empresas de todos os tamanhos.

### [Governo lança portal de dados abertos](https://dados.example.br/portal)

O portal reúne mais de mil conjuntos de dados públicos.

## Eventos

### [Encontro de dados em Recife](https://eventos.example.br/recife)

No sábado, das 9h às 17h, na biblioteca central.
"""

PLAIN = """DATA BULLETIN 34

Hello all: two stories this month.

NEWS

The town budget is published as open data
https://town.example.org/budget-2025

For the first time the budget can be downloaded as CSV and read through an API.

A new air quality portal with hourly readings
https://air.example.org/portal

The stations now publish nitrogen dioxide and particle readings every hour.
"""


def _linked_titles(text: str) -> list[tuple[str | None, list[str]]]:
    """Each subhead, or over its text each entry of its section's list (a platform's
    digest), with its links."""
    (news,), _ = segment_document(read_bytes("boletim.md", text.encode()), *load_profiles())
    return sorted([(p.text, [link.url for link in p.links]) for s in news.sections
                   for p in s.paragraphs if p.kind == "subhead"] +
                  [(i.title, [link.url for link in i.links]) for s in news.sections
                   for i in s.items if i.title])


def test_a_linked_subhead_keeps_its_link_and_a_numbered_title_over_its_address_is_an_entry():
    assert _linked_titles(NEWS) == [
        ("Encontro de dados em Recife", ["https://eventos.example.br/recife"]),
        ("Governo lança portal de dados abertos", ["https://dados.example.br/portal"]),
        ("Nova lei de proteção de dados entra em vigor", ["https://lei.example.br/dados"])]
    alone = NEWS.split("## Eventos")[0].replace(
        "As principais notícias da semana, com os links para as fontes.\n\n", "")
    assert _linked_titles(alone) == [  # right under their group's heading, the only one
        ("Governo lança portal de dados abertos", ["https://dados.example.br/portal"]),
        ("Nova lei de proteção de dados entra em vigor", ["https://lei.example.br/dados"])]
    numbered = PLAIN.replace("The town", "1) The town").replace("A new air", "2) A new air")
    for text in (PLAIN, numbered):  # a title over its address, numbered or not: an entry
        (plain,), _ = segment_document(read_bytes("bulletin.txt", text.encode()),
                                       *load_profiles())
        (news,) = [s for s in plain.sections if s.items]
        assert [(i.text, i.links[0].url, i.excerpt[:20]) for i in news.items] == [
            ("The town budget is published as open data", "https://town.example.org/budget-2025",
             "For the first time t"),
            ("A new air quality portal with hourly readings", "https://air.example.org/portal",
             "The stations now pub")]


JOBS = """\
# Remote Rust Jobs — 17 November 2026

## Backend

### Senior Rust Engineer — Ferrowave
**Location:** Remote (EU time zones)
**Salary:** €95k–€120k
Stack: Rust, Tokio, PostgreSQL
Ferrowave builds settlement software for energy traders.
[Apply](https://jobs.example/ferrowave)

- **Note:** the entries of a list
  keep their lines together
"""


@pytest.mark.parametrize("parser", ["auto", "python"])
def test_lines_that_are_labelled_fields_are_paragraphs_of_their_own(parser, monkeypatch):
    """"**Location:** …" / "**Salary:** …" / "Stack: …" on lines of one Markdown paragraph are
    fields, each read on its own line with its label, not one run of text."""
    if parser == "python":
        monkeypatch.setattr("digest.ingest.markdown.markdown_rs.tokens", lambda *a: None)
    (issue,), _ = segment_document(read_bytes("jobs.md", JOBS.encode()), *load_profiles())
    paragraphs = [(p.label, p.text) for s in issue.sections for p in s.paragraphs]
    assert [p for p in paragraphs if p[0]] == [
        ("Location", "Remote (EU time zones)"), ("Salary", "€95k–€120k")]
    assert {(None, "Stack: Rust, Tokio, PostgreSQL"),
            (None, "Ferrowave builds settlement software for energy traders.")} <= set(paragraphs)
    (item,) = [i for s in issue.sections for i in s.items]
    assert item.text.startswith("Note:") and "keep their lines together" in item.text


GIGS = """\
# Sleeve Notes, April

Here is what is on in the valley this month.

## Listings

**Thu 2 April — Hattie Crane Trio**
8pm · The Coal Shed, Wharf Road · £12
Crane plays a battered upright piano like it owes her money. The trio launches its record.

**Sat 4 April — Valley Ceilidh**
7.30pm · St Mungo's Hall · £8, under-12s free
No experience needed: a caller walks you through every dance.

## Venue news

The Coal Shed has fixed its heating,
and the Anchor keeps its Friday session.
"""


@pytest.mark.parametrize("parser", ["auto", "python"])
def test_an_events_title_and_details_line_are_lines_of_their_own_not_run_into_its_blurb(
        parser, monkeypatch):
    """A bold title over a details line ("8pm · The Coal Shed · £12") over a blurb, on lines of
    one paragraph, reads as a reader sees it: a listing's entry, its details apart from its
    blurb ("£12 Crane plays…" ran on as one sentence); wrapped text stays one paragraph."""
    if parser == "python":
        monkeypatch.setattr("digest.ingest.markdown.markdown_rs.tokens", lambda *a: None)
    (issue,), _ = segment_document(read_bytes("2026-04-01.md", GIGS.encode()), *load_profiles())
    listings, venues = issue.sections[1:]
    assert [(i.title, i.excerpt) for i in listings.items] == [
        ("Thu 2 April — Hattie Crane Trio", "8pm · The Coal Shed, Wharf Road · £12. Crane plays "
         "a battered upright piano like it owes her money. The trio launches its record."),
        ("Sat 4 April — Valley Ceilidh", "7.30pm · St Mungo's Hall · £8, under-12s free. No "
         "experience needed: a caller walks you through every dance.")]
    assert [p.text for p in venues.paragraphs] == [
        "The Coal Shed has fixed its heating, and the Anchor keeps its Friday session."]


SAVED_AS_TEXT = """[Read online](https://tidepool.example/letters/9)

# Tidepool Notes 9: Winter storms

**Tuesday, 10 March 2026**

The storms moved a lot of sand this winter, and the rock pools at the north end are
deeper than they have been for years. The [survey map](https://tidepool.example/map)
shows the new pools.

## Volunteers

We need four more people for the [spring count][1] on 28 March. Bring **boots** and a
notebook; the [tide table][2] says low water is at 10:40.

[1]: https://tidepool.example/count
[2]: https://tides.example/north-beach
"""


def test_a_text_file_that_is_plainly_markdown_is_read_as_markdown():
    """html2text's output saved as .txt: its links are links, its headings sections and its
    "[1]: …" lines no text, not a page of brackets and stars."""
    doc = read_bytes("2026-03-10-notes.txt", SAVED_AS_TEXT.encode())
    assert doc.format == "markdown"
    (issue,), _ = segment_document(doc, *load_profiles())
    assert issue.title == "Tidepool Notes 9: Winter storms"
    volunteers = issue.sections[-1]
    assert volunteers.heading == "Volunteers"
    (paragraph,) = volunteers.paragraphs
    assert paragraph.text == "We need four more people for the spring count on 28 March. " \
        "Bring boots and a notebook; the tide table says low water is at 10:40."
    assert [(link.text, link.url) for link in paragraph.links] == [
        ("spring count", "https://tidepool.example/count"),
        ("tide table", "https://tides.example/north-beach")]


@pytest.mark.parametrize("body", [
    "# Allotment news\n\nThe *new* shed is up. Details at [the site](https://plots.example).\n",
    "Allotment news\n\n**Shed** up, **water** on. See [the site](https://plots.example) and "
    "[the rota](https://plots.example/rota).\n",
])
def test_a_text_mail_with_a_few_marks_stays_plain_text(body):
    """A star, a hash or a link or two written as Markdown in a plain-text mail make it no
    Markdown file."""
    assert read_bytes("news.txt", body.encode()).format == "text"


@pytest.mark.parametrize("under, dated, sections", [
    ("## Issue 19, 8 March 2026", "2026-03-08", ["Reading", "Tools"]),
    ("## Road restrictions begin March 16", None,
     ["Road restrictions begin March 16", "Reading", "Tools"]),
])
def test_a_heading_under_the_title_that_numbers_and_dates_the_issue_dates_it(under, dated,
                                                                             sections):
    """"# Spindle Digest" over "## Issue 19, 8 March 2026": the issue's number and date, its
    subtitle, not a section (the issue was undated); a story's heading with a date stays."""
    text = (f"# Spindle Digest\n\n{under}\n\nWelcome to this issue. Three posts caught my eye."
            "\n\n## Reading\n\nA long post about slow software.\n\n## Tools\n\n"
            "A client for the small web shipped its second version.\n")
    (issue,), _ = segment_document(read_bytes("spindle.md", text.encode()), *load_profiles())
    assert (str(issue.date) if issue.date else None) == dated
    assert [s.heading for s in issue.sections if s.heading] == sections
NOTED = """---
title: "Hedge Letters #12"
date: 2026-03-11
---

The hawthorn hedge on the north lane is older than the church.[^age] Nobody planted it on
purpose.

[^age]: A count of its woody species puts it at about six hundred years.

    The count is a rule of thumb, and [a botanist's note](https://hedges.example/count)
    explains why it fails on chalk.

    Ours is on clay.
"""


@pytest.mark.parametrize("parser", ["auto", "python"])
def test_a_footnotes_indented_paragraphs_are_the_note_not_code(parser, monkeypatch):
    if parser == "python":
        monkeypatch.setattr("digest.ingest.markdown.markdown_rs.tokens", lambda *a: None)
    (issue,), _ = segment_document(read_bytes("12.md", NOTED.encode()), *load_profiles())
    assert [(p.kind, p.text) for s in issue.sections for p in s.paragraphs] == [
        ("text", "The hawthorn hedge on the north lane is older than the church. Nobody "
                 "planted it on purpose.")]
    assert [d.text for d in issue.dropped if d.kind == "note"][1:] == [
        "The count is a rule of thumb, and a botanist's note explains why it fails on chalk.",
        "Ours is on clay."]


def test_a_heading_over_nothing_but_footnotes_is_a_note_not_an_empty_section():
    letter = NOTED.replace("[^age]: A count", "## Notes on sources\n\n[^age]: A count")
    (issue,), _ = segment_document(read_bytes("12.md", letter.encode()), *load_profiles())
    assert [s.heading for s in issue.sections] == [None]
    assert ("note", "Notes on sources") in [(d.kind, d.text) for d in issue.dropped]
