"""HTML e-mails laid out as platforms without a profile lay them out (Constant Contact, Sendy,
Flodesk): a web-version link over the logo, pictured entries with bold titles, each entry
closing with the same call. Fixtures written here; their text is made up."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles


@pytest.fixture(scope="module")
def profiles() -> tuple:
    return load_profiles()


WEB_VERSION = """<table width="600"><tr><td align="center" style="font-size:11px">
<a href="https://myemail.mailer.example/Westbury-Bulletin.html?aid=XyZ">{words}</a></td></tr>
<tr><td align="center"><img src="https://files.mailer.example/crest.png" alt="Westbury crest">
</td></tr>
<tr><td><h1>Westbury Town Bulletin</h1></td></tr>
<tr><td><h2>Bin collections change</h2>
<p>Garden waste will be collected fortnightly on Wednesdays instead of Tuesdays from 16 June.
A new calendar will come through every door by the end of the month.</p></td></tr>
<tr><td><h2>Roadworks on Station Road</h2>
<p>The water company is replacing a main between the bridge and the library from 9 June. The
road will be one-way towards the town centre.</p></td></tr>
<tr><td style="font-size:10px"><a href="https://visitor.mailer.example/do?p=un&amp;m=1">Unsubscribe</a></td></tr>
</table>"""


@pytest.mark.parametrize("words", ["View as Webpage", "Web-Ansicht öffnen"])
def test_a_lone_link_over_the_logo_over_the_title_is_chrome(profiles, words):
    issue = issue_of("bulletin.eml", mail(WEB_VERSION.format(words=words),
                                          "Westbury Council <clerk@westbury.example>",
                                          "Westbury Town Bulletin", "Mon, 02 Jun 2025 10:15 +0100"),
                     profiles)
    shown = [p.text for s in issue.sections for p in s.paragraphs]
    assert words not in shown
    assert words in {d.text for d in issue.dropped if d.kind == "chrome"}
    assert [s.heading for s in issue.sections] == ["Bin collections change",
                                                   "Roadworks on Station Road"]


BOOKS = [("The Lighthouse Ledger", "A keeper's daughter finds the station's log has been "
          "rewritten. Slow, salty and very satisfying.", "lighthouse"),
         ("Soil and Stars", "Short essays on farming by moonlight, pressed into customers' "
          "hands all month by our staff.", "soil"),
         ("Ninety Small Bridges", "A walking guide to the footbridges of the northern canals, "
          "with drawings on every page.", "bridges")]
PICKS = """<table width="600">
<tr><td><img src="https://assets.example/logo.png" alt="Paper Lantern Books"></td></tr>
<tr><td><p>Summer is here and so is our reading table. Here are three books the team chose
this month.</p></td></tr>
{entries}
<tr><td style="font-size:11px">Paper Lantern Books · 22 Bridge Street · Hebden Bridge HX7 8AA
· UK</td></tr>
<tr><td style="font-size:11px"><a href="https://lantern.example/unsubscribe/9a8b">Unsubscribe</a></td></tr>
</table>"""
ENTRY = """<tr><td><img src="https://assets.example/{key}.jpg" alt="Cover of {title}"></td></tr>
<tr><td><p><b>{title}</b></p><p>{blurb}</p>
<p><a href="https://lantern.example/books/{key}">Reserve a copy</a></p></td></tr>"""


def picks(profiles: tuple):
    entries = "\n".join(ENTRY.format(title=t, blurb=b, key=k) for t, b, k in BOOKS)
    return issue_of("picks.eml", mail(PICKS.format(entries=entries),
                                      "Paper Lantern Books <hello@lantern.example>",
                                      "June Shelf Picks", "Fri, 06 Jun 2025 16:00 +0100"),
                    profiles)


def test_bold_titles_under_pictures_open_entries_not_captions(profiles):
    issue = picks(profiles)
    assert [s.heading for s in issue.sections] == [None] + [t for t, _, _ in BOOKS]
    assert [p.text for p in issue.sections[1].paragraphs] == [BOOKS[0][1]]
    captions = {d.text for d in issue.dropped if d.kind == "caption"}
    assert "Cover of Soil and Stars" in captions and "Soil and Stars" not in captions


def test_the_last_entrys_call_over_the_footer_goes_as_the_others_do(profiles):
    issue = picks(profiles)
    assert all(p.text != "Reserve a copy" for s in issue.sections for p in s.paragraphs)
    assert issue.sections[-1].link == "https://lantern.example/books/bridges"
