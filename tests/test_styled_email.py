"""An HTML e-mail that sets its headings by inline style alone (`<p style="font-weight:
bold">`, as many e-mail builders write them), with a picture carrying no alternative text and
a caption that ends with its photographer's credit. Fixture written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles

LETTER = """<table width="600"><tr><td>
<p style="font-size:16px">Good morning. Rates held, a bakery chain is betting on small towns,
and a valve factory shares what a four-day week did to its output.</p></td></tr>
<tr><td><p style="font-size:22px; font-weight: bold">Rates stay put, again</p>
<p>The central bank held its main rate at 3.25% for the fourth meeting in a row. Two of the
nine board members voted for a cut.</p></td></tr>
<tr><td style="font-size:12px;font-weight:700">ECONOMY</td></tr>
<tr><td><p style="font-size:22px;font-weight:700">A bakery chain bets on small towns</p>
<img src="https://ledger.example/bakery.jpg" alt="" width="540" height="300">
<p style="font-size:12px;color:#777">A Crumb &amp; Co. shop in Eastwick. Photo: Lena Ortiz</p>
<p>Crumb &amp; Co. will open 40 shops in towns of under 20,000 people next year. Rents there
are a third of city rents.</p></td></tr>
<tr><td style="font-weight:bold"><p>Four days, same output</p>
<p style="font-weight:normal">A valve factory in Millbrook moved its 230 workers to a four-day
week in January. Output per week is flat and sick days are down by a third.</p></td></tr>
</table>"""


def test_headings_set_bold_by_style_open_sections_and_a_credited_caption_is_dropped():
    issue = issue_of("ledger.eml", mail(LETTER, "The Ledger Line <hannah@ledger.example>",
                                        "Rates stay put", "Thu, 26 Nov 2026 06:30:00 +0000"),
                     load_profiles())
    sections = {s.heading: s for s in issue.sections}
    assert list(sections) == [None, "Rates stay put, again", "A bakery chain bets on small towns",
                              "Four days, same output"]
    bakery = sections["A bakery chain bets on small towns"]
    assert bakery.dek == "ECONOMY"
    assert [p.text for p in bakery.paragraphs] == [
        "Crumb & Co. will open 40 shops in towns of under 20,000 people next year. Rents there "
        "are a third of city rents."]
    assert ("caption", "A Crumb & Co. shop in Eastwick. Photo: Lena Ortiz") in [
        (d.kind, d.text) for d in issue.dropped]
    assert sections["Four days, same output"].paragraphs[0].text.startswith("A valve factory")


def test_a_story_sentence_naming_a_photo_is_still_text():
    story = ("The prize went to a night view of the quay. Photo editors called it the best "
             "photo by a newcomer in years.")
    body = LETTER.replace("A Crumb &amp; Co. shop in Eastwick. Photo: Lena Ortiz", story)
    issue = issue_of("ledger.eml", mail(body, "The Ledger Line <hannah@ledger.example>",
                                        "Rates stay put", "Thu, 26 Nov 2026 06:30:00 +0000"),
                     load_profiles())
    bakery = next(s for s in issue.sections if s.heading == "A bakery chain bets on small towns")
    assert story in [p.text for p in bakery.paragraphs]


@pytest.mark.parametrize("caption", [
    "La nouvelle voie sur le quai Perrache, le 15 avril. © Julien Marchetti",
    "Professor Brightman in the low-temperature lab, 1985. Photo courtesy of the Brightman "
    "family.",
    "The new shop on its first morning (Photo courtesy of Crumb & Co.)",
])
def test_a_caption_ending_with_its_copyright_mark_or_credit_is_a_caption(caption):
    body = LETTER.replace("A Crumb &amp; Co. shop in Eastwick. Photo: Lena Ortiz", caption)
    issue = issue_of("ledger.eml", mail(body, "The Ledger Line <hannah@ledger.example>",
                                        "Rates stay put", "Thu, 26 Nov 2026 06:30:00 +0000"),
                     load_profiles())
    assert ("caption", caption) in [(d.kind, d.text) for d in issue.dropped]


def test_a_heading_set_as_a_banner_opens_a_section_and_a_footer_badge_does_not():
    """A wide picture with a few words of alternative text is a heading set as a picture;
    the platform's small "Created with …" badge under the footer is not."""
    body = LETTER.replace(
        '<tr><td style="font-weight:bold"><p>Four days, same output</p>',
        '<tr><td><img src="https://ledger.example/h-work.png" alt="Four days, same output" '
        'width="560" height="60">') + (
        '<p>You received this email because you subscribed to The Ledger Line.</p>'
        '<p><a href="https://ledger.example/unsubscribe/x1">Unsubscribe</a></p>'
        '<p><img src="https://assets.example/created-with-sendkit.png" width="100" height="21" '
        'alt="SendKit"></p>')
    issue = issue_of("ledger.eml", mail(body, "The Ledger Line <hannah@ledger.example>",
                                        "Rates stay put", "Thu, 26 Nov 2026 06:30:00 +0000"),
                     load_profiles())
    assert [s.heading for s in issue.sections][-1] == "Four days, same output"


GRID = """<h1>Pottery Corner, May</h1><p>Three new pieces came out of the kiln this week.</p>
<h2>New in the shop</h2>
<table><tr>
<td><a href="https://pots.example/p/bowl?utm_source=mail"><img src="https://pots.example/1.jpg"
 width="170" height="170" alt="A bowl"></a><p style="font-weight:bold">Ash-glazed bowl</p>
<p>Stoneware, 15 cm</p><p><s>£40.00</s> £32.00</p>
<p><a href="https://pots.example/p/bowl?utm_source=mail" class="button">Shop now</a></p></td>
<td><a href="https://pots.example/p/jug"><img src="https://pots.example/2.jpg" width="170"
 height="170" alt="A jug"></a><p style="font-weight:bold">Small milk jug</p><p>Porcelain</p>
<p>£18.00</p><p><a href="https://pots.example/p/jug" class="button">Shop now</a></p></td>
</tr></table>
<h2>From the studio</h2>
<table><tr><td><img src="https://pots.example/kiln.jpg" width="200" height="150" alt="Kiln"></td>
<td><p>The new kiln reaches temperature an hour faster than the old one, so firing days are
shorter and the glazes come out brighter.</p>
<p><a href="https://pots.example/blog/kiln">Read about the kiln</a></p></td></tr></table>
"""


def test_a_row_of_product_cards_is_a_list_of_entries_each_titled_and_linked():
    """A shop's grid (picture, name in bold, details, price, "Shop now" button per cell): the
    name under each picture is the entry's title, not the picture's caption, and the button
    is its link; a picture beside a story's text is no card."""
    issue = issue_of("pots.eml", mail(GRID, "Pottery Corner <shop@pots.example>",
                                      "Pottery Corner, May", "Thu, 21 May 2026 09:00:00 +0000"),
                     load_profiles())
    shop = next(s for s in issue.sections if s.heading == "New in the shop")
    assert [(i.title, i.text, i.links[0].url.split("?")[0]) for i in shop.items] == [
        ("Ash-glazed bowl", "Ash-glazed bowl · Stoneware, 15 cm · £40.00 £32.00",
         "https://pots.example/p/bowl"),
        ("Small milk jug", "Small milk jug · Porcelain · £18.00", "https://pots.example/p/jug")]
    assert not shop.paragraphs
    studio = next(s for s in issue.sections if s.heading == "From the studio")
    assert not studio.items and studio.paragraphs[0].text.startswith("The new kiln")


KICKERS = """<h2>✈️ TRAVEL</h2><h1>Airlines have found a new fee: the middle seat</h1>
<p>Two carriers now charge for the middle seat on short flights.</p>
<h2>🌾 FOOD</h2><h1>The olive oil shortage is over</h1>
<p>Prices fell by a third since January as Spain's harvest recovered.</p>
<h2>📰 TOUR DE HEADLINES</h2><ul><li>A judge blocked a phone ban in schools.</li>
<li>Norway opened the world's longest suspension bridge.</li></ul>
<h2>📊 STAT</h2><p>Fewer than one in ten flights now sell the middle seat last.</p>
"""


def test_labels_set_over_headlines_open_sections_where_they_stand_alone_too():
    """An `<h2>` label over each `<h1>` headline is its kicker; the same labels standing alone
    ("📰 TOUR DE HEADLINES") open sections, not subheads of the story above."""
    issue = issue_of("grind.eml", mail(KICKERS, "Daily Grind <hi@grind.example>",
                                       "Middle seat money", "Wed, 13 May 2026 06:00:00 +0000"),
                     load_profiles())
    assert [(s.heading, (s.dek or "")[-6:]) for s in issue.sections if s.heading] == [
        ("Airlines have found a new fee: the middle seat", "TRAVEL"),
        ("The olive oil shortage is over", "🌾 FOOD"),
        ("📰 TOUR DE HEADLINES", ""), ("📊 STAT", "")]


def test_a_banner_above_every_word_is_the_mastheads_logo_not_a_section():
    body = ('<img src="https://pulse.example/logo.png" width="600" height="80" '
            'alt="Pulse Mesa City"><p>Friday, May 22, 2026</p><p>It is Friday, and the rent '
            'is finally falling.</p><h1>1 big thing: rents fall</h1><p>Average rents dropped '
            '4.2% over the year.</p>')
    issue = issue_of("pulse.eml", mail(body, "Mara Reyes <mara@pulse.example>",
                                       "Pulse Mesa City: Rent is falling",
                                       "Fri, 22 May 2026 06:00:00 +0000"), load_profiles())
    assert issue.title == "Pulse Mesa City: Rent is falling"
    assert "Pulse Mesa City" not in [issue.dek, *(s.heading for s in issue.sections)]
    assert issue.sections[0].paragraphs[0].text.startswith("It is Friday")
