"""A blog post sent as e-mail: a line over the title linking to the post's own page ("View
this post on the web at …", in any language), the linked title and its subtitle, and a
footnote whose number is itself the link back to the reference. Fixture written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles

POST = """<div class="post">
<p><a href="https://tidewater.example/p/the-long-tide?utm_source=email">{view}
https://tidewater.example/p/the-long-tide</a></p>
<h1><a href="https://tidewater.example/p/the-long-tide">The long tide</a></h1>
<h3>Why the harbour floods on sunny days, and what the city plans to do</h3>
<p>Last Tuesday the harbour road flooded under a clear sky. It happens a dozen times a year
now, on the highest spring tides.<sup><a id="footnote-anchor-1" href="#footnote-1">1</a></sup></p>
<p>The city's plan has three parts: raise the harbour road, add valves to the storm drains,
and build a low wall along the quay.</p>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1">1</a>
<div class="footnote-content"><p>The tide gauge recorded 14 such floods this year.</p></div></div>
</div>"""


@pytest.mark.parametrize("view", ["View this post on the web at",
                                  "Diesen Beitrag im Web ansehen:"])
def test_a_line_linking_where_the_title_links_is_chrome_and_the_title_titles(view):
    issue = issue_of("tide.eml", mail(POST.format(view=view), "Tidewater <t@tidewater.example>",
                                      "The long tide", "Wed, 25 Nov 2026 14:00:00 +0000"),
                     load_profiles())
    assert issue.title == "The long tide"
    assert issue.dek == "Why the harbour floods on sunny days, and what the city plans to do"
    assert [s.heading for s in issue.sections] == [None]
    assert issue.sections[0].paragraphs[0].text.startswith("Last Tuesday")
    assert any(d.kind == "chrome" and d.text.startswith(view) for d in issue.dropped)


@pytest.mark.parametrize("page", ["", "https://tidewater.example/p/the-long-tide"],
                         ids=["in-page links", "the post's whole address, as Substack mails"])
def test_a_footnote_whose_number_links_back_is_a_note_and_its_mark_leaves_the_text(page):
    post = POST.replace('href="#footnote', f'href="{page}#footnote')
    issue = issue_of("tide.eml", mail(post.format(view="View online"),
                                      "Tidewater <t@tidewater.example>", "The long tide",
                                      "Wed, 25 Nov 2026 14:00:00 +0000"), load_profiles())
    text = [p.text for s in issue.sections for p in s.paragraphs]
    assert text[0].endswith("on the highest spring tides.")
    assert ("note", "The tide gauge recorded 14 such floods this year.") in [
        (d.kind, d.text) for d in issue.dropped]
    assert not any("tide gauge" in t for t in text)


CARD_POST = """<h1><a href="https://field.example/rewilding/">Rewilding the river meadows</a></h1>
<p>This autumn the trust let the river meadows flood for the first time in sixty years.</p>
<p>Within weeks, snipe and lapwing were back. Volunteers counted 120 lapwing in a morning.</p>
<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container"
href="https://wetlands.example/report-2026"><div class="kg-bookmark-content">
<div class="kg-bookmark-title">Wetland birds report 2026</div>
<div class="kg-bookmark-description">Counts of wading birds on forty restored sites across the
county, with maps.</div></div></a></figure>
<div class="kg-card kg-button-card"><a href="https://field.example/volunteer/"
class="kg-btn kg-btn-accent">Join a count</a></div>
<p>Next year the trust wants to open a second set of sluices further downstream.</p>"""


def test_a_link_card_and_a_button_inside_a_post_open_no_sections():
    """A bookmark card's linked title and a button are lines of the post, not headings that
    would split it into sections of one paragraph each."""
    issue = issue_of("ghost.eml", mail(CARD_POST, "Field Notes <n@field.example>",
                                       "Rewilding the river meadows",
                                       "Wed, 25 Nov 2026 08:00:00 +0000"), load_profiles())
    assert [s.heading for s in issue.sections] == [None]
    text = [p.text for p in issue.sections[0].paragraphs]
    assert text[-1] == ("Next year the trust wants to open a second set of sluices further "
                        "downstream.")
    assert "Join a count" in text and "Wetland birds report 2026" in " ".join(text)


GHOST_HEAD = """<html><body><table>
<tr><td><a href="https://lantern.example/"><img src="https://lantern.example/icon.png"
alt="The Lantern"></a></td></tr>
<tr><td><a href="https://lantern.example/" class="site-title">The Lantern</a></td></tr>
<tr><td><a href="https://lantern.example/" class="site-subtitle">The Weekly Lantern</a></td></tr>
<tr><td><a href="https://lantern.example/bus-lane/">Council delays bus lane vote again</a></td></tr>
<tr><td>By Rosa Delgado &amp; Kwame Asante &bull; 17 Apr 2024 &bull;
<a href="https://lantern.example/bus-lane/">View in browser</a></td></tr>
<tr><td><p>Welcome to our Wednesday look at what the council decided, delayed and dodged.</p>
<h2>Bus lane vote pushed to May</h2>
<p>For the third time since January, the transport committee put off its vote.</p>
</td></tr></table></body></html>"""


def test_a_posts_tagline_over_its_title_is_masthead_and_the_title_no_text():
    issue = issue_of("lantern.eml", mail(GHOST_HEAD, "The Lantern <news@lantern.example>",
                                         "Council delays bus lane vote again"), load_profiles())
    assert issue.title == "Council delays bus lane vote again"
    assert [p.text for p in issue.sections[0].paragraphs] == [
        "Welcome to our Wednesday look at what the council decided, delayed and dodged."]
    assert ("chrome", "The Weekly Lantern") in [(d.kind, d.text) for d in issue.dropped]


def test_a_heading_element_the_page_calls_a_subtitle_is_the_issues_subtitle():
    """Substack sets a post's subtitle in `<h3 class="subtitle">`, the level of the essay's own
    subheads: it is the issue's subtitle, not the heading of its first section."""
    from _letters import issue_of, mail

    from digest.segment import load_profiles

    body = ('<h1 class="post-title">The Quiet Economics of Repair</h1><h3 class="subtitle">Why '
            "fixing things got expensive</h3><p>Mar 11, 2026</p><p>My "
            "grandfather owned a radio for forty-one years.</p><h3>The myth of complexity</h3>"
            "<p>The usual explanation is that devices are too intricate to fix.</p>")
    issue = issue_of("repair.eml", mail(body, "Tinker's Ledger <tl@substack.example>",
                                        "The Quiet Economics of Repair",
                                        "Wed, 11 Mar 2026 10:00:00 +0000"), load_profiles())
    assert issue.dek == "Why fixing things got expensive"
    assert [s.heading for s in issue.sections] == [None, "The myth of complexity"]
    assert issue.sections[0].paragraphs[0].text.startswith("My grandfather")


COLUMN = """<table><tr><td>
<h2>Ferry fares</h2>
<p>The island ferry raised its fares again, the third time since spring.<sup><a
href="#footnote-1" name="fnref-1" style="color:#000">1</a></sup> Commuters say the
season ticket now costs more than the car it replaced.</p>
<p>The operator blames fuel, and the council blames the operator.<sup><a href="#footnote-2"
name="fnref-2">2</a></sup></p>
<hr>
<p class="fn"><a name="footnote-1"></a><a href="#fnref-1">[1]</a> Counting the winter
surcharge, which the operator calls a levy.</p>
<p class="fn"><a name="footnote-2"></a><a href="#fnref-2">[2]</a> Both have a point.</p>
<p class="fn">Neither of them rides the ferry.</p>
</td></tr></table>"""

ANCHOR_ID = COLUMN.replace('<a name="footnote-', '<a id="footnote-')
ONE_WAY = """<h2>Ferry fares</h2>
<p>The island ferry raised its fares again, the third time since spring.<sup><a
href="#fn1">1</a></sup> Commuters say the season ticket now costs more than the car it
replaced.</p>
<p>The operator blames fuel, and the council blames the operator.<sup><a
href="#fn2">2</a></sup></p>
<ol><li id="fn1">Counting the winter surcharge, which the operator calls a levy.</li>
<li id="fn2">Both have a point.</li></ol>"""


@pytest.mark.parametrize("body", [COLUMN, ANCHOR_ID, ONE_WAY],
                         ids=["name anchors", "empty anchors with an id", "no link back"])
def test_a_columns_footnotes_leave_its_sentences_and_its_sections(body):
    issue = issue_of("ferry.eml", mail(body, "Harbour Column <c@harbour.example>",
                                       "Ferry fares", "Mon, 9 Mar 2026 16:00:00 +0000"),
                     load_profiles())
    text = [p.text for s in issue.sections for p in s.paragraphs]
    assert text == [
        "The island ferry raised its fares again, the third time since spring. Commuters say "
        "the season ticket now costs more than the car it replaced.",
        "The operator blames fuel, and the council blames the operator."]
    notes = [d.text for d in issue.dropped if d.kind == "note"]
    assert notes[:2] == ["Counting the winter surcharge, which the operator calls a levy.",
                         "Both have a point."]


def test_a_footnotes_second_paragraph_is_the_note_too():
    issue = issue_of("ferry.eml", mail(COLUMN, "Harbour Column <c@harbour.example>",
                                       "Ferry fares", "Mon, 9 Mar 2026 16:00:00 +0000"),
                     load_profiles())
    assert ("note", "Neither of them rides the ferry.") in [
        (d.kind, d.text) for d in issue.dropped]
