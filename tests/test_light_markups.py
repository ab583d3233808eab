"""Newsletters kept in Org-mode (`.org`), Gemini's gemtext (`.gmi`), reStructuredText (`.rst`)
and AsciiDoc (`.adoc`) read as their published pages show them: headings, links, lists, quotes
and code, never their markup; line numbers stay the file's. Fixtures written here."""

from __future__ import annotations

import datetime as dt

from _issues import issue_of, texts

from digest.config import FeedConfig, SiteConfig
from digest.ingest import detect_format
from digest.render import render_site
from digest.summarize import SummaryConfig, summarize_issue
from digest.weeks import group_by_week


def items(issue) -> list:
    return [i for s in issue.sections for i in s.items]


ORG = """#+TITLE: Burrow Notes — Issue 7
#+SUBTITLE: Letters from the warren workshop
#+DATE: <2026-04-06 Mon>
#+AUTHOR: Tamsin Roe
#+OPTIONS: toc:nil num:nil

Spring is here and the workshop has reopened its doors on Saturdays.

* TODO Reading list                                                   :links:
:PROPERTIES:
:CUSTOM_ID: reading
:END:
- [[https://pond.example/notes/hinges.html][Hinges that last]] :: a long look at
  brass against steel in damp sheds.
- *Saw sharpening* is easier with a =3-sided= file, says [[https://fen.example/saws][Ola]].[fn:1]

* Shop talk
#+BEGIN_QUOTE
Measure twice, then measure again.
#+END_QUOTE

#+BEGIN_SRC org
,#+TITLE: Shelf plans
,* Uprights
#+END_SRC

[fn:1] Ola teaches the Thursday class.

* COMMENT Draft ideas
Nothing here is ready.

* Left out                                                         :noexport:
A note to myself about the print run.
"""


def test_org_keywords_give_title_subtitle_date_and_author_and_are_no_text():
    issue = issue_of("burrow-notes/issue-7.org", ORG)
    assert issue.format == "org"
    assert (issue.title, issue.dek, issue.date, issue.author) == (
        "Burrow Notes — Issue 7", "Letters from the warren workshop", dt.date(2026, 4, 6),
        "Tamsin Roe")
    assert not [t for t in texts(issue) if "Burrow Notes" in t or "Tamsin" in t or
                "toc:nil" in t]


def test_org_headlines_are_sections_without_keywords_tags_drawers_or_left_out_subtrees():
    issue = issue_of("burrow-notes/issue-7.org", ORG)
    assert [s.heading for s in issue.sections] == [None, "Reading list", "Shop talk"]
    found = " ".join(texts(issue))
    for hidden in ("CUSTOM_ID", ":END:", "TODO", ":links:", "Nothing here is ready",
                   "print run"):
        assert hidden not in found
    reading = issue.sections[1]
    assert (reading.heading_line, reading.items[0].line) == (9, 13)  # the file's own lines


def test_org_links_lists_and_emphasis_read_as_the_export_shows_them():
    issue = issue_of("burrow-notes/issue-7.org", ORG)
    hinges, saws = items(issue)
    assert hinges.text == "Hinges that last — a long look at brass against steel in damp sheds."
    assert [link.url for link in hinges.links] == ["https://pond.example/notes/hinges.html"]
    assert hinges.line == 13
    assert saws.text == "Saw sharpening is easier with a 3-sided file, says Ola."
    assert saws.title == "Saw sharpening"
    assert [(link.text, link.url) for link in saws.links] == [("Ola", "https://fen.example/saws")]
    assert "Ola teaches the Thursday class." in [d.text.split(": ", 1)[-1]
                                                 for d in issue.dropped if d.kind == "note"]


def test_org_quote_and_source_blocks_are_a_quote_and_code():
    issue = issue_of("burrow-notes/issue-7.org", ORG)
    shop = issue.sections[2]
    assert [(p.kind, p.text) for p in shop.paragraphs] == [
        ("quote", "Measure twice, then measure again."),
        ("code", "#+TITLE: Shelf plans\n* Uprights")]


GEMTEXT = """```drawing of the capsule's name
  _  _  ___ ___
 | \\| || __|_  )
 | .` || _| / /
 |_|\\_||___/___|
```
# Nettle Log
## Fortnight 12, 14 April 2026

A quiet fortnight: I planted *far* too many beans and read the snake_case_guide twice.

## Links

=> gemini://bramble.example/log/seed-trays.gmi Bramble: reusing seed trays
A short piece on washing and stacking the old trays.
=> gemini://quill.example/notes/
=> https://web.example/essays/slow Slow pages (web)

## Odds and ends

* Radio club meets on Friday.
* The mirror moved to a new host.

> Grow what you eat.
"""


def test_gemtext_links_are_entries_with_their_links_and_bare_ones_show_the_address():
    issue = issue_of("nettle-log/2026-04-14.gmi", GEMTEXT)
    assert issue.format == "gemtext"
    trays, bare, web = items(issue)[:3]
    assert trays.text == "Bramble: reusing seed trays — A short piece on washing and " \
        "stacking the old trays."
    assert [link.url for link in trays.links] == ["gemini://bramble.example/log/seed-trays.gmi"]
    assert bare.text == "gemini://quill.example/notes/"
    assert [link.url for link in bare.links] == ["gemini://quill.example/notes/"]
    assert (web.text, web.line) == ("Slow pages (web)", 17)
    assert not [t for t in texts(issue) if "=>" in t]


def test_gemtext_headings_lists_quotes_and_text_as_written():
    issue = issue_of("nettle-log/2026-04-14.gmi", GEMTEXT)
    found = texts(issue)
    assert "A quiet fortnight: I planted *far* too many beans and read the snake_case_guide " \
        "twice." in found
    assert "Radio club meets on Friday." in found
    assert "Grow what you eat." in [p.text for s in issue.sections for p in s.paragraphs
                                    if p.kind == "quote"]
    assert {"Links", "Odds and ends"} <= {s.heading for s in issue.sections}


def test_an_ascii_art_banner_over_the_gemtext_title_is_no_lead_story():
    issue = issue_of("nettle-log/2026-04-14.gmi", GEMTEXT)
    assert issue.title == "Nettle Log"
    assert not [t for t in texts(issue) if "_|" in t or "|_" in t]


def test_gemini_links_stay_links_on_the_site():
    issue = issue_of("nettle-log/2026-04-14.gmi", GEMTEXT)
    files = render_site(group_by_week([summarize_issue(issue, SummaryConfig())]),
                        SiteConfig(base_url="https://example.org/", search=False), FeedConfig())
    page = next(v.decode() for k, v in files.items() if k.startswith("issues/"))
    assert '<a href="gemini://bramble.example/log/seed-trays.gmi" rel="noopener noreferrer">' \
        in page


ORG_MAIL = """From: Tamsin Roe <tamsin@burrow.example>
To: notes@burrow.example
Subject: Burrow Notes - Issue 8
Date: Mon, 13 Apr 2026 08:00:00 +0000
List-Id: Burrow Notes <notes.burrow.example>
Content-Type: text/plain; charset=utf-8

#+TITLE: Burrow Notes - Issue 8
#+OPTIONS: toc:nil

Glue week: three readers wrote in about the same failed joint.

* Reading list
- [[https://pond.example/notes/glue.html][Glue that holds]] :: hide glue against PVA.

______________________________
Burrow notes mailing list
"""


def test_an_org_document_sent_as_a_plain_text_mail_reads_as_org():
    issue = issue_of("burrow-notes/issue-8.eml", ORG_MAIL)
    assert [s.heading for s in issue.sections] == [None, "Reading list"]
    (entry,) = items(issue)
    assert (entry.text, entry.line) == ("Glue that holds — hide glue against PVA.", 14)
    assert [link.url for link in entry.links] == ["https://pond.example/notes/glue.html"]
    assert not [t for t in texts(issue) if "#+" in t or "[[" in t or "_" in t]


def test_org_or_gemtext_saved_as_text_is_read_so_only_by_unmistakable_signs():
    assert detect_format("a.txt", ORG) == "org"
    assert detect_format("a.txt", GEMTEXT + "=> gemini://quill.example/ Quill\n") == "gemtext"
    assert detect_format("a.txt", "#+TITLE: only this line\n\nThen a letter.\n") == "text"
    assert detect_format("a.txt", "# Club news\n\n=> gemini://x.example/ one link\n"
                                  "Then a letter.\n") == "text"
    assert detect_format("a.txt", "Title: Club news\nDate: 2026-04-06\n\n* Fair\n") == "text"


RST = """==============================
Marsh Radio Club: April 2026
==============================

:date: 2026-04-09 18:30
:author: Odile Fenwick
:tags: club, aerials

.. contents:: In this letter
   :local:

.. A note for the editors only: check the repeater times.

Our spring field day moved to the `old pumping station <https://marsh.example/station>`_,
see the |venue| notes and the `booking form`_.

Aerials
~~~~~~~

* A **folded dipole** costs less than a pizza, writes `Ines`__.
* Use ``coax-7`` for the long run [#]_.

__ https://ines.example/dipole

.. note::

   The hut key now lives with the treasurer.

Logging script::

    log --band 40m

Repeater news
^^^^^^^^^^^^^

Nothing `clickable <javascript:alert(1)>`_ here, only words.

.. include:: /etc/passwd
.. raw:: html

   <script>alert("raw")</script>

.. |venue| replace:: station's
.. _booking form: https://marsh.example/book
.. [#] Thirty metres at most.
"""


def test_rst_title_and_fields_name_date_and_credit_the_issue_and_are_no_text():
    issue = issue_of("marsh-radio/april.rst", RST)
    assert issue.format == "rst"
    assert (issue.title, issue.date, issue.author) == (
        "Marsh Radio Club: April 2026", dt.date(2026, 4, 9), "Odile Fenwick")
    found = " ".join(texts(issue))
    for hidden in ("Odile", "aerials", "In this letter", ":local:", "editors only", "====",
                   "passwd", "<script", "alert", "replace::", "booking form:"):
        assert hidden not in found


def test_rst_titles_underlined_with_any_mark_are_sections_with_the_files_lines():
    issue = issue_of("marsh-radio/april.rst", RST)
    assert [(s.heading, s.heading_line) for s in issue.sections] == [
        (None, None), ("Aerials", 17)]
    assert ("subhead", "Repeater news", 33) in [(p.kind, p.text, p.line)
                                                for p in issue.sections[1].paragraphs]


def test_rst_links_emphasis_literals_and_footnotes_read_as_docutils_shows_them():
    issue = issue_of("marsh-radio/april.rst", RST)
    lead = issue.sections[0].paragraphs[0]
    assert lead.text == "Our spring field day moved to the old pumping station, see the " \
        "station's notes and the booking form."
    assert [(link.text, link.url) for link in lead.links] == [
        ("old pumping station", "https://marsh.example/station"),
        ("booking form", "https://marsh.example/book")]
    dipole, coax = items(issue)
    assert (dipole.text, dipole.line) == ("A folded dipole costs less than a pizza, writes Ines.",
                                          20)
    assert [link.url for link in dipole.links] == ["https://ines.example/dipole"]
    assert coax.text == "Use coax-7 for the long run."
    assert "Thirty metres at most." in [d.text.split(": ", 1)[-1] for d in issue.dropped
                                        if d.kind == "note"]
    repeater = issue.sections[1].paragraphs[-1]
    assert (repeater.text, repeater.links) == ("Nothing clickable here, only words.", [])


def test_rst_admonitions_are_quotes_and_literal_blocks_code():
    issue = issue_of("marsh-radio/april.rst", RST)
    kinds = [(p.kind, p.text) for p in issue.sections[1].paragraphs]
    assert ("quote", "The hut key now lives with the treasurer.") in kinds
    assert ("code", "log --band 40m") in kinds
    assert not [text for _, text in kinds if "::" in text]


def test_rst_saved_as_text_is_read_so_only_by_a_title_and_its_fields():
    assert detect_format("a.txt", RST) == "rst"
    assert detect_format("a.rest", "Plain words.\n") == "rst"
    assert detect_format("a.txt", "Club news\n=========\n\nThe fair is on Sunday.\n") == "text"
    assert detect_format("a.txt", ":date: 2026-04-09\n:author: Odile\n\nWords.\n") == "text"


ADOC = """= Orchard Tools Update 12
Wren Haldane <wren@orchard.example>
v12.0, 2026-05-06: spring
:url-shop: https://orchard.example/shop
:toc: macro

toc::[]
// a reminder for the editor: ask about the ladder photos

Grafting season is over and the link:{url-shop}/knives[new knives^] are in.
ifdef::env-github[]
This line is for the repository page only.
endif::[]
include::../../private/notes.adoc[]

== Workshop

=== Pruning

* https://prune.example/saws[Folding saws, a comparison^] by Ada Lusk
** Cut *above* the bud, _never_ below.
* A link:javascript:alert(1)[tempting link] that goes nowhere.

NOTE: The shed closes early on Friday.

[source,python]
----
rows = plan(trees=12)
----

[quote, Old gardener]
____
Plant in spring, prune in winter.
____

|===
|Day |Task

|Monday
|Mulching
|===
"""


def test_asciidoc_header_titles_dates_and_credits_the_issue_and_is_no_text():
    issue = issue_of("orchard-tools/update-12.adoc", ADOC)
    assert issue.format == "asciidoc"
    assert (issue.title, issue.date, issue.author) == (
        "Orchard Tools Update 12", dt.date(2026, 5, 6), "Wren Haldane")
    found = " ".join(texts(issue))
    for hidden in ("Wren", "v12.0", "url-shop", "toc", "reminder", "repository page",
                   "include", "private", "----", "|==="):
        assert hidden not in found


def test_asciidoc_sections_lists_and_links_read_as_asciidoctor_shows_them():
    issue = issue_of("orchard-tools/update-12.adoc", ADOC)
    assert [(s.heading, s.heading_line) for s in issue.sections][:2] == [
        (None, None), ("Workshop", 16)]
    lead = issue.sections[0].paragraphs[0]
    assert lead.text == "Grafting season is over and the new knives are in."
    assert [link.url for link in lead.links] == ["https://orchard.example/shop/knives"]
    saws, tempting = items(issue)[:2]
    assert (saws.text, saws.line) == ("Folding saws, a comparison by Ada Lusk", 20)
    assert [link.url for link in saws.links] == ["https://prune.example/saws"]
    assert "Cut above the bud, never below." in [sub.text for sub in saws.sub_items]
    assert (tempting.text, tempting.links) == ("A tempting link that goes nowhere.", [])
    assert "Monday | Mulching" in [item.text for item in items(issue)]


def test_asciidoc_admonitions_and_quotes_are_quotes_and_listings_code():
    issue = issue_of("orchard-tools/update-12.adoc", ADOC)
    found = [(p.kind, p.text) for s in issue.sections for p in s.paragraphs]
    assert ("quote", "The shed closes early on Friday.") in found
    assert ("code", "rows = plan(trees=12)") in found
    assert any(kind == "quote" and text.startswith("Plant in spring, prune in winter.")
               for kind, text in found)


def test_asciidoc_saved_as_text_is_read_so_only_by_a_title_and_its_attributes():
    assert detect_format("a.txt", ADOC.replace("toc::[]", "")) == "asciidoc"
    assert detect_format("a.asc", "Plain words.\n") == "asciidoc"
    assert detect_format("a.txt", "= Club news\n\nThe fair is on Sunday.\n") == "text"
