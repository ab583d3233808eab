"""Newsletters a reader brings from a read-later or clipping tool (Readwise Reader, Omnivore,
Obsidian's Web Clipper, Logseq) as Markdown: the reader's own highlights and notes are never
published, the tool's details date and name the issue, and its wrapper is no section.
Fixtures written here."""

from __future__ import annotations

import datetime as dt

from conftest import run_digest

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

READWISE = """\
---
title: "Harbour Notes #12: The ferry timetable"
url: "https://harbournotes.example/p/ferry-timetable"
saved: 2026-03-24
published: 2026-03-19
category: articles
---
# Harbour Notes #12: The ferry timetable

## Metadata
- Author: [[Ines Calder]]
- Full Title: Harbour Notes #12: The ferry timetable
- Category: #articles
- URL: https://harbournotes.example/p/ferry-timetable

## Full Document
### The new timetable starts in April

The morning ferry will leave ten minutes earlier from April, to meet the first train at
the other side. The council says the change adds no crossings and costs nothing.

### Worth your time

- [Why ferries run late](https://ferries.example/late) — A short read on tides and crews.

## Highlights
- The morning ferry will leave ten minutes earlier from April. ([View Highlight](https://read.readwise.io/read/01abc))
    - Note: Tell Dana before the school run changes.
"""

OMNIVORE = """\
---
id: 6f1c2a0e-93b4-11ef-8d2a-2b7f4c1e9a10
title: Harbour Notes #13
date_saved: 2026-03-30 08:41:07
date_published: 2026-03-26 06:00:00
---

# Harbour Notes #13

[Read on Omnivore](https://omnivore.app/me/harbour-notes-13-18e2f4c6a1b)
[Read Original](https://harbournotes.example/p/harbour-notes-13)

date_saved: 2026-03-30 08:41:07

date_published: 2026-03-26 06:00:00

## Content

### The pier reopens

The old pier reopens on Saturday after two years of repairs, with a new railing along
its whole length and benches at the far end.

## Highlights

> The old pier reopens on Saturday after two years of repairs. [⤴️](https://omnivore.app/me/harbour-notes-13-18e2f4c6a1b#3c9e)

Ask the council about the benches.
"""

LOGSEQ = """\
title:: Harbour Notes #14
author:: [[Ines Calder]]
source:: https://harbournotes.example/p/harbour-notes-14
published:: [[Apr 2nd, 2026]]

- The harbour master retired this week after thirty years at the quay, and the council has
  named her deputy to follow her.
  id:: 65f0a2c4-1b2d-4e3f-9a8b-7c6d5e4f3a21
- See ((65f0a2c4-1b2d-4e3f-9a8b-7c6d5e4f3a21)) for the story of her first winter.
"""


def issue_of(name: str, text: str):
    document = read_bytes(name, text.encode())
    (issue,), _ = segment_document(document, *load_profiles())
    return issue, document


def everything(issue) -> str:
    return "\n".join([*(s.heading or "" for s in issue.sections),
                      *(p.text for s in issue.sections for p in s.paragraphs),
                      *(i.text for s in issue.sections for i in s.items)])


def test_a_readwise_export_leaves_out_the_readers_highlights_and_reads_its_details():
    issue, document = issue_of("Harbour Notes 12.md", READWISE)
    text = everything(issue)
    assert "Tell Dana" not in text and "View Highlight" not in text
    assert "Highlights" not in text and "Metadata" not in text and "Full Document" not in text
    assert [s.heading for s in issue.sections if s.heading] == [
        "The new timetable starts in April", "Worth your time"]
    assert issue.date == dt.date(2026, 3, 19)  # published, not saved
    assert issue.publication != "articles"  # Readwise's kind of document, no newsletter
    assert issue.address == "https://harbournotes.example/p/ferry-timetable"
    assert [p.severity for p in document.problems if "highlights" in p.message] == ["info"]


def test_an_omnivore_export_is_dated_by_its_publication_and_loses_the_tools_lines():
    issue, _ = issue_of("Harbour Notes 13.md", OMNIVORE)
    text = everything(issue)
    assert issue.date == dt.date(2026, 3, 26)
    for gone in ("Read on Omnivore", "Read Original", "date_saved", "Ask the council",
                 "Content"):
        assert gone not in text, gone
    assert issue.address == "https://harbournotes.example/p/harbour-notes-13"
    assert "The pier reopens" in (issue.dek, *(s.heading for s in issue.sections))


def test_a_logseq_page_takes_its_properties_as_details_not_text():
    issue, _ = issue_of("Harbour Notes 14.md", LOGSEQ)
    text = everything(issue)
    assert (issue.title, issue.date) == ("Harbour Notes #14", dt.date(2026, 4, 2))
    assert "id::" not in text and "((" not in text and "title::" not in text
    assert "The harbour master retired this week" in text


def test_a_newsletters_own_highlights_section_is_kept_when_no_tool_wrote_the_file(tmp_path):
    folder = tmp_path / "seeds" / "harbour"
    folder.mkdir(parents=True)
    (folder / "2026-03-05.md").write_text(
        "# Harbour Notes #11\n\n## Highlights\n\nThe regatta drew four hundred boats, the most"
        " in a decade.\n\n## Tides\n\nSpring tides peak on Tuesday.\n")
    run_digest("build", "-q", cwd=tmp_path)
    page = next((tmp_path / "output" / "issues").glob("2026-03-05-*.html")).read_text()
    assert "The regatta drew four hundred boats" in page


def test_a_web_clippers_author_written_as_a_wikilink_is_the_authors_name():
    issue, _ = issue_of("Kiezbrief 87.md", """---
title: "Kiezbrief #87"
source: "https://kiezbrief.example/87/"
author:
  - "[[Johanna Wiesner]]"
published: 2026-03-11
created: 2026-03-17
---

Die Markthalle bleibt vorerst geöffnet, hat der Bezirk am Dienstag entschieden.
""")
    assert (issue.author, issue.date) == ("Johanna Wiesner", dt.date(2026, 3, 11))
    assert issue.address == "https://kiezbrief.example/87/"


def test_a_page_address_no_parser_can_read_breaks_nothing(tmp_path):
    """A hostile front matter's `url` (an unclosed IPv6 bracket): the issue is built, with no
    original link, and nothing fails."""
    folder = tmp_path / "seeds" / "harbour"
    folder.mkdir(parents=True)
    (folder / "2026-03-02.md").write_text(
        '---\ntitle: Harbour Notes #10\nurl: "http://[harbour/notes"\ndate: 2026-03-02\n---\n\n'
        "The ferry timetable changes on Monday, with an earlier first boat.\n")
    done = run_digest("build", "--strict", cwd=tmp_path)
    assert "error" not in done.stderr
    assert list((tmp_path / "output" / "issues").glob("2026-03-02-*.html"))
