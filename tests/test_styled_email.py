"""An HTML e-mail that sets its headings by inline style alone (`<p style="font-weight:
bold">`, as many e-mail builders write them), with a picture carrying no alternative text and
a caption that ends with its photographer's credit. Fixture written here."""

from __future__ import annotations

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


def test_a_caption_ending_with_its_copyright_mark_is_a_caption_in_any_language():
    caption = "La nouvelle voie sur le quai Perrache, le 15 avril. © Julien Marchetti"
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
