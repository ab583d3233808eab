"""Markdown as note apps and site generators leave it (MDX, MkDocs, kramdown, Obsidian,
Notion): their own markup reads as the page it publishes, never as the issue's text; private
notes are never published. Fixtures written here."""

from __future__ import annotations

import datetime as dt

from _issues import issue_of, texts

MDX = """---
title: "Component Corner #23"
date: 2026-03-04
---

import Callout from '@site/src/components/Callout';
import { YouTube } from 'astro-embed';
export const issueNumber = 23;

Hi everyone! This is issue {issueNumber} of Component Corner, about building interfaces.

{/* truncate */}

## Islands are not free

Partial hydration is the headline feature of island frameworks, and for good reason.

<Callout type="warning" title="Watch your directives">
  A single client directive on a layout hydrates it on every page.
</Callout>

<LinkCard
  title="Forty island sites, measured"
  href="https://noor.example/islands"
  description="Noor's full audit."
/>
"""


def test_mdx_imports_expressions_and_components_read_as_the_page_shows_them():
    issue = issue_of("23.mdx", MDX)
    found = texts(issue)
    assert found[0] == "Hi everyone! This is issue of Component Corner, about building " \
        "interfaces."
    assert not [t for t in found if "import" in t or "export" in t or "{" in t or "<" in t]
    assert "Watch your directives — A single client directive on a layout hydrates it on " \
        "every page." in found
    card = next(p for s in issue.sections for p in s.paragraphs if p.text.startswith("Forty"))
    assert [link.url for link in card.links] == ["https://noor.example/islands"]


MKDOCS = """---
title: Group update, week 10
date: 2026-03-05
---

# Group update, week 10 { #week-10 .post-title }

Welcome to the fortnightly update from the group, with news of the coring season.

!!! warning "Freezer rules from Monday"
    Every box in the freezer must carry a label with your name from Monday.

## Fieldwork {: .section-fieldwork }

=== "Stations A-D"

    Shallow shelf, 40 to 90 m of water depth, gravity cores only.

- [x] Boots signed out :white_check_mark:
- [ ] Headtorches packed
"""


def test_mkdocs_admonitions_tabs_attribute_lists_task_boxes_and_shortcodes_are_not_text():
    issue = issue_of("update.md", MKDOCS)
    assert issue.title == "Group update, week 10"
    found = texts(issue)
    assert "Freezer rules from Monday — Every box in the freezer must carry a label with your " \
        "name from Monday." in found
    assert "Shallow shelf, 40 to 90 m of water depth, gravity cores only." in found
    assert [s.heading for s in issue.sections if s.heading] == ["Fieldwork"]
    assert {"Boots signed out", "Headtorches packed"} <= set(found)
    assert not [t for t in found if "!!!" in t or "===" in t or "{" in t or ":white" in t]


OBSIDIAN = """# Margin Notes 41

#weekly #reading-notes

> [!info] Housekeeping
> The reading circle moves to Thursday evenings from April.

Hello friends. Most of this letter is about [[The Cartographer's Apprentice]], which I could
not put down. %%fix the cover image before publishing%%

## Books I finished

![[cartographer-cover.jpg|200]]

[[Marchetti (author)|Odile Marchetti]] writes about what it means to be counted, and
==the survey chapters are the best writing this year.== ^survey-chapters

%%
Private: ask the publisher about a review copy.
%%
"""


def test_obsidian_links_embeds_highlights_tags_and_titled_callouts_read_as_words():
    issue = issue_of("41.md", OBSIDIAN)
    found = texts(issue)
    everything = " ".join(found)
    assert "Housekeeping The reading circle moves to Thursday evenings from April." in found
    assert "Most of this letter is about The Cartographer's Apprentice, which I could not " \
        "put down." in everything
    assert "Odile Marchetti writes about what it means to be counted, and the survey chapters " \
        "are the best writing this year." in found
    for leaked in ("#weekly", "[[", "![[", "==", "^survey", "%%"):
        assert leaked not in everything


def test_obsidian_comments_are_private_and_never_published():
    everything = " ".join(texts(issue_of("41.md", OBSIDIAN)))
    assert "cover image" not in everything and "review copy" not in everything


NOTION = """# Ridgeline Cycling Club — March Bulletin

Status: Published
Date: March 10, 2026
Author: Kwame Oduya
Tags: bulletin, club, rides

<aside>
💡 Membership renewals close on **31 March**. Renew through the club portal before then.

</aside>

Spring is finally showing up on the ridge, and the first long club ride goes out on Sunday.

<details>
<summary>Route notes and hazards</summary>

The towpath is closed between locks 14 and 15 until the end of March.

</details>
"""


def test_a_notion_pages_properties_date_it_and_its_callouts_stay_as_text():
    issue = issue_of("March Bulletin 3f2a9c1e.md", NOTION)
    assert issue.date == dt.date(2026, 3, 10)
    assert issue.author == "Kwame Oduya"
    found = texts(issue)
    assert found[0] == "💡 Membership renewals close on 31 March. Renew through the club " \
        "portal before then."
    assert "Route notes and hazards" in found + [s.heading for s in issue.sections]
    assert not [t for t in found if t.startswith(("Status:", "Date:", "Tags:"))]


def test_kramdown_toc_and_template_link_targets_leave_their_words():
    text = ("---\ntitle: Wochenbrief 12\ndate: 2026-03-04\nlang: de\n---\n\n"
            "* Inhaltsverzeichnis\n{:toc}\n\nHallo zusammen! Die Folien liegen im "
            "[Archiv]({{ site.baseurl }}{% link archiv.md %}), wie immer.\n\n"
            "## Termine\n\n{% for termin in site.data.termine %}\n"
            "- {{ termin.datum }}: {{ termin.titel }}\n{% endfor %}\n")
    issue = issue_of("2026-03-04-wochenbrief-12.md", text)
    found = texts(issue)
    assert found == ["Hallo zusammen! Die Folien liegen im Archiv, wie immer."]


def test_rust_generics_a_links_bracketed_words_and_table_alignment_are_left_alone():
    text = ("# This Week 12\n\nNews from the compiler.\n\n* [add <[[T; N]]>::flatten]"
            "(https://example.com/pr/1) [[transcript]](https://example.com/t)\n"
            "* detect JS-style === and !== and recover\n\n"
            "| | mean | count |\n|:---:|:---:|:---:|\n| Regressions | 0.5% | 36 |\n")
    found = texts(issue_of("12.md", text))
    assert any("<[[T; N]]>::flatten [transcript]" in t for t in found)
    assert any("=== and !==" in t for t in found)
    assert "Regressions | 0.5% | 36" in found
