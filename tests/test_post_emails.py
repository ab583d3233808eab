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


def test_a_footnote_whose_number_links_back_is_a_note_and_its_mark_leaves_the_text():
    issue = issue_of("tide.eml", mail(POST.format(view="View online"),
                                      "Tidewater <t@tidewater.example>", "The long tide",
                                      "Wed, 25 Nov 2026 14:00:00 +0000"), load_profiles())
    text = [p.text for s in issue.sections for p in s.paragraphs]
    assert text[0].endswith("on the highest spring tides.")
    assert ("note", "The tide gauge recorded 14 such floods this year.") in [
        (d.kind, d.text) for d in issue.dropped]
    assert not any("tide gauge" in t for t in text)
