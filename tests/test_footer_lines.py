"""The lines that end a newsletter are its footer even when they open with the sender's name
or address ("Harbour Office, Quay Street. Reply to this e-mail to reach us.") or name its
writers next to the unsubscribe link; an entry's reading-time line never starts the footer;
a referral programme's line and a sign standing alone ("💡") are not text either; a
section's heading reads without the sign it was set off by ("■ New fuel prices").
Fixtures written here."""

from __future__ import annotations

from html import escape

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles
from digest.summarize import SummaryConfig, summarize_issue

BULLETIN = """\
HARBOUR BULLETIN
Friday 21 November 2026

Good morning. Three things from the harbour this week, and a note about the winter timetable.

* * *

■ Dredging starts Monday

The channel by the north quay will be dredged from Monday for two weeks. Boats moored at
berths 12 to 20 should move to the visitor pontoon; the harbour office has the keys.

■ New fuel prices

Diesel at the fuel berth goes up by four cents a litre from 1 December, after the supplier's
annual review. Petrol is unchanged.

* * *

WINTER TIMETABLE

The ferry moves to its winter timetable on 1 December: four crossings a day instead of
seven, the last one leaving at half past four.

* * *

Harbour Office, Quay Street. Reply to this e-mail to reach us.
To stop receiving the bulletin, reply with STOP.
"""

GARDEN = """<html><body><div style="max-width:600px">
<div style="font-size:26px;font-weight:bold">Frost is coming</div>
<div>The first hard frost is forecast for Tuesday night. Wrap tender pots in fleece and move
the citrus into the porch before dark.</div>
<div style="font-size:26px;font-weight:bold">Seed swap on 6 December</div>
<div>Bring seeds in labelled envelopes to the community hall from ten o'clock. Last year eighty
people swapped more than a thousand packets; this year there will be soup.</div>
<div style="font-size:12px">Garden Club, 4 Orchard Lane, Little Hampton. You are getting this
because you joined the club.<br><a href="https://club.example/u/abc">Leave the list</a> |
<a href="https://club.example/p">Change what you get</a></div>
</div></body></html>"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def section_texts(issue) -> dict[str, list[str]]:
    return {s.heading: [p.text for p in s.paragraphs] for s in issue.sections if s.heading}


def test_a_plain_text_footer_opening_with_the_senders_address_is_left_out(profiles):
    issue = issue_of("2026-11-21-bulletin.txt", BULLETIN.encode(), profiles)
    texts = section_texts(issue)
    assert texts["WINTER TIMETABLE"] == [
        "The ferry moves to its winter timetable on 1 December: four crossings a day instead of "
        "seven, the last one leaving at half past four."]
    dropped = [d.text for d in issue.dropped if d.kind == "chrome"]
    assert "Harbour Office, Quay Street. Reply to this e-mail to reach us." in dropped
    assert "To stop receiving the bulletin, reply with STOP." in dropped


def test_headings_lose_the_sign_they_are_set_off_by(profiles):
    issue = issue_of("2026-11-21-bulletin.txt", BULLETIN.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [
        "Dredging starts Monday", "New fuel prices", "WINTER TIMETABLE"]


@pytest.mark.parametrize("sign", ["⛽", "✨", "❓", "⭐", "✅"])  # the last four: dingbats
def test_a_pictograph_opening_a_heading_is_kept(sign, profiles):  # drawn as emoji
    text = BULLETIN.replace("■ New fuel prices", f"{sign} New fuel prices")
    issue = issue_of("2026-11-21-bulletin.txt", text.encode(), profiles)
    assert f"{sign} New fuel prices" in [s.heading for s in issue.sections]


def test_an_html_footer_naming_the_sender_before_why_you_get_it_is_never_a_summary(profiles):
    data = mail(GARDEN, "Garden Club <news@club.example>", "Garden Club Weekly",
                "Sat, 22 Nov 2026 08:00:00 +0000", List_Unsubscribe="<https://club.example/u/abc>")
    issue = issue_of("garden.eml", data, profiles)
    assert section_texts(issue)["Seed swap on 6 December"] == [
        "Bring seeds in labelled envelopes to the community hall from ten o'clock. Last year "
        "eighty people swapped more than a thousand packets; this year there will be soup."]
    digest = summarize_issue(issue, SummaryConfig())
    summary = " ".join(s.text for section in digest.sections for s in section.sentences)
    assert "Orchard Lane" not in summary and "joined the club" not in summary


@pytest.mark.parametrize("text", [
    # Not at the end: the same sentence inside the issue is its writer's.
    BULLETIN.replace("Petrol is unchanged.", "Petrol is unchanged. Reply to this e-mail with "
                     "questions about your account."),
    # A last paragraph too long to be a footer line.
    BULLETIN.replace("Harbour Office, Quay Street.", "The harbour office on Quay Street is open "
                     "from eight until five on weekdays and from nine until noon on Saturdays, "
                     "and the harbour master walks the pontoons every morning at seven to check "
                     "moorings, fenders and shore power before the first ferry comes in, so "
                     "most problems are found before owners notice them."),
])
def test_a_chrome_sentence_inside_a_paragraph_of_the_issue_is_kept(text, profiles):
    issue = issue_of("2026-11-21-bulletin.txt", text.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert any("Reply to this e-mail" in t for t in kept)


def test_advice_opening_like_an_opt_out_line_is_content(profiles):
    text = BULLETIN.replace("Petrol is unchanged.", "Petrol is unchanged.\n\nTo stop receiving "
                            "calls from fuel brokers, register the berth with the national list.")
    issue = issue_of("2026-11-21-bulletin.txt", text.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert any(t.startswith("To stop receiving calls") for t in kept)


MORNING = """<html><body>
<h2>Trams stop on Wednesday</h2>
<p>Tram drivers will strike for a day from 4am on Wednesday after talks over shift patterns
broke down. Buses will run every ten minutes on the three busiest routes.</p>
<h2>Weather</h2>
<p>Rain most days this week, heaviest on Thursday, with highs around nine degrees.</p>
<p>Metro Morning is written by the newsroom at Example Media.
<a href="https://metro.example/unsubscribe/x9">Unsubscribe</a></p>
</body></html>"""


def test_a_footer_line_naming_its_writers_is_no_photo_credit_and_leaves_the_text_above(
        profiles):
    data = mail(MORNING, "Metro Morning <hello@metro.example>", "Metro Morning",
                List_Unsubscribe="<https://metro.example/unsubscribe/x9>")
    issue = issue_of("metro.eml", data, profiles)
    assert section_texts(issue)["Weather"] == [
        "Rain most days this week, heaviest on Thursday, with highs around nine degrees."]
    assert [d.kind for d in issue.dropped] == ["chrome"]


READING_ROOM = """# The Reading Room, issue 52

Three pieces worth your evening, picked by the editors.

### [Why bridges sing in the wind](https://example.org/bridges)
*Engineering Today · 6 min read*

A look at vortex shedding, the effect that made a famous bridge twist itself apart.

### [What ants know about traffic](https://example.org/ants)
*Nature Notes · 4 min read*

Army ants never jam: their trails have lanes, and the fastest ants wait at crossings so that
the column keeps moving.

---

You can reply to this email to suggest a piece for next week.
"""


def test_a_reading_time_line_under_the_last_entry_does_not_start_the_footer(profiles):
    issue = issue_of("2026-11-24-room.md", READING_ROOM.encode(), profiles)
    texts = section_texts(issue)
    assert texts["What ants know about traffic"] == [
        "Army ants never jam: their trails have lanes, and the fastest ants wait at crossings "
        "so that the column keeps moving."]
    assert texts["Why bridges sing in the wind"] == [
        "A look at vortex shedding, the effect that made a famous bridge twist itself apart."]
    assert [d.text for d in issue.dropped] == [
        "Engineering Today · 6 min read", "Nature Notes · 4 min read",
        "You can reply to this email to suggest a piece for next week."]


STUDIO = """<html><body>
<h1>Studio Letter: the kiln is back</h1>
<p>After three weeks of repairs the big kiln fired again on Thursday, and the first load came
out evenly glazed from top shelf to bottom.</p>
<div class="callout"><div class="emoji">💡</div><div class="text">Members can book firing slots
again from Monday. Slots open at nine and go quickly.</div></div>
<h2>Open studio</h2>
<p>Our winter open studio is on 7 December from eleven until five, with seconds for sale.</p>
<p>Share your glaze tests with friends on the studio forum before the open day.</p>
<p><a href="https://studio.example/refer?id=abc">Invite a potter, get a free bag of clay</a></p>
</body></html>"""


def test_a_sign_alone_and_a_referral_link_are_not_the_letters_text(profiles):
    issue = issue_of("studio.eml", mail(STUDIO, "Clay Studio <hi@studio.example>",
                                        "Studio Letter"), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert "💡" not in kept
    assert "Members can book firing slots again from Monday. Slots open at nine and go " \
           "quickly." in kept
    assert "Share your glaze tests with friends on the studio forum before the open day." in kept
    assert "Invite a potter, get a free bag of clay" not in kept


def test_a_line_asking_to_share_the_letter_for_a_reward_is_chrome(profiles):
    text = BULLETIN.replace("Petrol is unchanged.", "Petrol is unchanged.\n\nShare Harbour "
                            "Bulletin with a friend and get a free mooring night.")
    issue = issue_of("2026-11-21-bulletin.txt", text.encode(), profiles)
    assert "Share Harbour Bulletin with a friend and get a free mooring night." in [
        d.text for d in issue.dropped]


UTILITY = """\
Stadtwerk-Brief Nr. 41
Dienstag, 3. März 2026

Liebe Leserinnen und Leser,

im März beginnen die Arbeiten am neuen Pumpwerk. Wir erklären, was sich für Sie ändert.

NEUE TARIFE

Der Grundpreis für Strom sinkt ab April um zwei Euro im Monat. Wer einen alten Vertrag hat,
bekommt das neue Angebot per Post.

Mit freundlichen Grüßen
Ihr Team der Stadtwerke

--------------------------------
Impressum
Stadtwerke Ahlbach GmbH
Hafenstraße 4, 12345 Ahlbach
Geschäftsführer: Dr. Jana Roth
Registergericht: Amtsgericht Ahlbach, HRB 9876
Sie erhalten diesen Newsletter, weil Sie sich angemeldet haben.
Abmelden: https://stadtwerke.example.de/newsletter/abmelden
"""

RULED_NEWS = """\
VILLAGE NOTES

The hall committee met on Tuesday and agreed the spring programme.

----

The library van now stops at the green on Thursdays at ten.

The bin collection moves to Friday over the holiday.

You are receiving this because you joined the village list.

Unsubscribe: https://village.example.org/unsubscribe
"""


def test_a_legal_notice_set_apart_by_a_rule_is_footer_and_the_closing_above_a_sign_off(
        profiles):
    issue = issue_of("brief.txt", UTILITY.encode(), profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts[-1].startswith("Der Grundpreis für Strom sinkt ab April")
    dropped = {d.text: d.kind for d in issue.dropped}
    assert dropped["Mit freundlichen Grüßen"] == dropped["Ihr Team der Stadtwerke"] == "signoff"
    assert dropped["Geschäftsführer: Dr. Jana Roth"] == "chrome"
    assert dropped["Hafenstraße 4, 12345 Ahlbach"] == "chrome"


def test_news_lines_under_a_rule_stay_even_with_a_footer_below(profiles):
    issue = issue_of("notes.txt", RULED_NEWS.encode(), profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "The library van now stops at the green on Thursdays at ten." in texts
    assert "The bin collection moves to Friday over the holiday." in texts


TOWN_WEEKLY = """\
<html lang="pl"><body><h1>Tygodnik Miejski 12</h1>
<p>Dzień dobry! W tym tygodniu piszemy o nowych tramwajach i o jarmarku na Rynku.</p>
<h2>Wydarzenia</h2>
<ul>
<li><a href="https://kultura.example/jarmark">Jarmark świąteczny</a> – od 28 listopada</li>
<li><a href="https://kultura.example/koncert">Koncert kolęd</a> – 20 grudnia, wstęp wolny</li>
</ul>
<p>Do zobaczenia za tydzień!<br>Zespół Tygodnika</p>
<hr>
<p>Otrzymujesz tę wiadomość, bo zapisałeś się na newsletter.
<a href="https://tygodnik.example/wypisz?u=5">Wypisz się</a></p>
<p>Tygodnik Miejski sp. z o.o., ul. Długa 5, 00-001 Warszawa</p>
</body></html>"""


def test_a_postal_address_under_the_opt_out_line_and_a_farewell_after_a_list_are_dropped(
        profiles):
    """One opt-out line (the List-Unsubscribe link) over the sender's address is a footer,
    in a language with no phrase table; the farewell above it, under the last list, is a
    sign-off."""
    issue = issue_of("12.eml", mail(TOWN_WEEKLY, "Tygodnik Miejski <r@tygodnik.example>",
                                    "Tygodnik Miejski 12",
                                    List_Unsubscribe="<https://tygodnik.example/wypisz?u=5>"),
                     profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Dzień dobry! W tym tygodniu piszemy o nowych tramwajach i o jarmarku na Rynku."]
    assert [(d.kind, d.text) for d in issue.dropped][-4:] == [
        ("signoff", "Do zobaczenia za tydzień!"), ("signoff", "Zespół Tygodnika"),
        ("chrome", "Otrzymujesz tę wiadomość, bo zapisałeś się na newsletter. Wypisz się"),
        ("chrome", "Tygodnik Miejski sp. z o.o., ul. Długa 5, 00-001 Warszawa")]


PULSE = """\
<html><body><h1>City Pulse</h1>
<p><a href="https://citypulse.example/s/library"><b>The new library opens its doors</b></a></p>
<p>After four years of building, the central library opened on Saturday with 300,000 books.</p>
<p><a href="https://citypulse.example/s/library">READ MORE</a></p>
<p><a href="https://citypulse.example/s/market"><b>Christmas market moves to the harbour</b></a></p>
<p>The market leaves the old square for the first time in forty years.</p>
<p><a href="https://citypulse.example/s/market">READ MORE</a></p>
<p>City Pulse · 1 Town Hall Square, Riverton RV1 1AA</p>
<p><a href="https://citypulse.example/unsubscribe/77">Unsubscribe</a></p>
</body></html>"""


def test_the_senders_address_set_with_middle_dots_over_a_one_line_footer_is_chrome(profiles):
    issue = issue_of("pulse.eml", mail(PULSE, "City Pulse <news@citypulse.example>",
                                       "City Pulse: the week",
                                       List_Unsubscribe="<https://citypulse.example/unsubscribe/77>"),
                     profiles)
    last = issue.sections[-1].items[-1]  # linked titles over their blurbs: entries
    assert (last.title, last.excerpt) == (
        "Christmas market moves to the harbour",
        "The market leaves the old square for the first time in forty years.")
    assert issue.sections[-1].paragraphs == []
    assert ("chrome", "City Pulse · 1 Town Hall Square, Riverton RV1 1AA") in {
        (d.kind, d.text) for d in issue.dropped}


COAST = """\
THE COAST PATH BULLETIN
No. 17 - Autumn 2026

1) STORM DAMAGE AT GULL COVE

The October storm took out twenty metres of the path above Gull Cove. A diversion through
the farm fields is signed until the repair in spring.

2) NEW BENCHES ON THE CLIFF TOP

Six new oak benches were put in last month, paid for by the summer fair.

========================================
Coast Path Friends, registered charity 1234567
To leave this list, reply with "unsubscribe".
"""


def test_a_footer_under_a_rule_naming_the_sender_over_a_reply_to_leave_line_is_left_out(
        profiles):
    issue = issue_of("coast.txt", COAST.encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "Six new oak benches were put in last month, paid for by the summer fair."]
    assert {("chrome", "Coast Path Friends, registered charity 1234567"),
            ("chrome", 'To leave this list, reply with "unsubscribe".')} <= {
        (d.kind, d.text) for d in issue.dropped}


def test_a_name_line_under_a_rule_with_no_footer_after_it_stays(profiles):
    text = COAST.replace('To leave this list, reply with "unsubscribe".\n', "")
    issue = issue_of("coast.txt", text.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert "Coast Path Friends, registered charity 1234567" in kept + [
        s.heading for s in issue.sections]


SHED = """\
# The Potting Shed #9

Hi *|FNAME|*,

This week: sowing sweet peas in autumn, and the seed catalogue is out.

## Sweet peas now

Sow sweet peas in deep pots in late autumn and keep them in a cold frame.

*|LIST:ADDRESSLINE|* · [Unsubscribe](*|UNSUB|*)
"""


def test_unfilled_merge_tags_are_no_text_and_their_links_go_nowhere(profiles):
    """A letter sent with its platform's merge tags unfilled (Markdown eats their stars)."""
    issue = issue_of("shed.md", SHED.encode(), profiles)
    assert [p.text for p in issue.sections[0].paragraphs][0] == "Hi,"
    kept = [p for s in issue.sections for p in s.paragraphs]
    assert not [p for p in kept if "|" in p.text or any("|" in link.url for link in p.links)]
    assert ("chrome", "Unsubscribe") in {(d.kind, d.text) for d in issue.dropped}


def test_a_line_of_merge_tags_alone_is_chrome_in_an_html_mail(profiles):
    html = ("<p>Good morning, %%FirstName%%. The market is back on Saturday.</p>"
            "<h2>Market</h2><p>Forty stalls return to the square, with the cheese van.</p>"
            "<p>*|LIST:ADDRESSLINE|*</p>")
    issue = issue_of("m.eml", mail(html, "Market <m@market.example>", "Market news",
                                   "Mon, 30 Nov 2026 08:00:00 +0000"), profiles)
    text = [p.text for s in issue.sections for p in s.paragraphs]
    assert text[0] == "Good morning. The market is back on Saturday."
    assert ("chrome", "*|LIST:ADDRESSLINE|*") in {(d.kind, d.text) for d in issue.dropped}


@pytest.mark.parametrize("tag", ["{{ contact.firstname }}", '{{ first_name|default:"friend" }}',
                                 "{$name}", '[[FIRSTNAME OR "Friend"]]',
                                 "[firstname,fallback=there]"])
def test_other_platforms_unfilled_merge_tags_are_no_text(tag, profiles):
    html = (f"<p>Hi {escape(tag)}, the market is back on Saturday.</p><h2>Market</h2><p>Forty "
            "stalls return to the square, with the cheese van.</p>")
    issue = issue_of("m.eml", mail(html, "Market <m@market.example>", "Market news",
                                   "Mon, 30 Nov 2026 08:00:00 +0000"), profiles)
    text = [p.text for s in issue.sections for p in s.paragraphs]
    assert text[0] == "Hi, the market is back on Saturday."
    markdown = issue_of("m.md", f"# Market news\n\nHi {tag}, the market is back on Saturday."
                        "\n\n## Market\n\nForty stalls return to the square.\n".encode(), profiles)
    assert markdown.sections[0].paragraphs[0].text == "Hi, the market is back on Saturday."


@pytest.mark.parametrize("name, text", [
    ("fika.md", "# Fika 94\n\n## Tools\n\nGridlens overlays your grid lines and names each "
                "area. It is free and open source.\n\n- Ana\n"),
    ("lab.txt", "HOMELAB DISPATCH\n\nA WARNING ABOUT CHEAP DRIVES\n--------------------------"
                "\n\nTwo readers saw the same drive drop off the bus after a few weeks. Check "
                "its firmware\nbefore you trust it.\n\n- Dev\n")])
def test_a_name_after_a_hyphen_under_the_last_paragraph_signs_the_letter(name, text, profiles):
    """"- Ana" reads as a list of one entry in Markdown and a list line in plain text; under
    the last paragraph it is the writer's signature, not an entry."""
    issue = issue_of(name, text.encode(), profiles)
    assert [d.text.lstrip("- ") for d in issue.dropped if d.kind == "signoff"] in (
        ["Ana"], ["Dev"])
    assert not [i for s in issue.sections for i in s.items]
    assert all("Ana" not in p.text and "Dev" not in p.text
               for s in issue.sections for p in s.paragraphs)


WINNERS = """<h1>Willow Creek News</h1><p>Dear families, what a week it was at the fair.</p>
<p>Warmly,<br>Rosa Alvarez<br>Principal</p>
<h2>Science Fair Winners</h2>
<p><strong>First place:</strong> Maya Okoro and Ben Liu, “Does Music Help Plants Grow?”<br>
<strong>Second place:</strong> Theo Grant, “The Best Shape for a Paper Airplane”<br>
<strong>Third place:</strong> Aisha Rahman, “Which Apples Brown Fastest?”</p>
<h2>Important Dates</h2><p>Picture day is on 17 March; order forms went home on Monday.</p>
"""


def test_labelled_lines_naming_winners_are_text_not_a_sign_off(profiles):
    """"Second place: Theo Grant, “The Best…”" is no closing ("Warmly,") over a name."""
    issue = issue_of("school.eml", mail(WINNERS, "Willow Creek <news@willow.example>",
                                        "Willow Creek News", "Fri, 13 Mar 2026 15:00:00 +0000"),
                     profiles)
    winners = next(s for s in issue.sections if s.heading == "Science Fair Winners")
    assert [p.label for p in winners.paragraphs] == ["First place", "Second place",
                                                     "Third place"]
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == [
        "Warmly,", "Rosa Alvarez", "Principal"]


@pytest.mark.parametrize("line, kind", [
    ("Not displaying correctly? Read it online", "chrome"),
    ("Smart Brevity count: 1,184 words ... 4½ mins.", "chrome"),
    ("Today's newsletter is 912 words — a 3.5-minute read.", "chrome"),
    ("This message was sent by Scholar Alerts because you're following new results for "
     "[soil carbon].", "chrome"),
    ("Sign up here to get this newsletter in your inbox.", "chrome"),
    ("This newsletter is for informational purposes only and does not constitute investment "
     "advice.", "chrome"),
    ("Today's newsletter was edited by Lou Prentiss and copy edited by Mara Finch.", "credit"),
    ("All photographs © Leon Varga unless noted. Shot on a Mamiya 7 with Portra 400.", "credit"),
    ("That's the week. Go outside, it's nice out.", "chrome"),
    ("Thanks for spending part of your morning with The Ledger. See you tomorrow.", "chrome"),
    ("Become a paid member of Shelfline to read the rest of this essay.", "chrome"),
    ("To stop receiving the bulletin, update your preferences in the members' area.", "chrome"),
    ("The Kiln Trust is a company registered in England and Wales (No. 4455667). Registered "
     "office: 2 Pottery Row, Stoke ST1 4AB.", "chrome"),
    ("Sent to all members of the Guild of Glassblowers. Registered charity no. 1122334.",
     "chrome"),
    ("Privacy policy · Terms of use", "chrome"),
    ("Have news to share? Send it to notes@guild.example by the 15th.", "chrome"),
    ("To post an announcement, reply to this message or write to the editor.", "chrome"),
    ("You receive this as a member of the club.", "chrome"),
    ("Trouble reading this? View it in your browser", "chrome"),
    ("To leave this list, reply with the word leave.", "chrome"),
    ("Nothing in this newsletter is financial advice. The author holds shares in two of the "
     "companies named.", "chrome"),
    ("Disclosure: I am not a financial adviser, and some links are affiliate links.", "chrome"),
    ("Harbour Research is an independent publisher and is not a registered investment "
     "adviser.", "chrome"),
    ("The information in this newsletter is for general education only and is not medical "
     "advice.", "chrome"),
    ("Please enjoy our wines responsibly. You must be 21 or over to order.", "chrome"),
    ("The full transcript is available to paid subscribers.", "chrome"),
    ("Members-only from here. The rest of this essay is for paying members of Harbour Review.",
     "chrome"),
    ("A subscription gets you:", "chrome"),
    ("On Sun, Nov 15, 2026 at 6:02 PM Jonah Pell <jonah@pell.example> wrote:", "chrome"),
    ("Ilse Varga wrote:", "chrome"),
    ("Jonah Pell (jonah@pell.example) wrote:", "chrome"),
    ("You have received this email because you are registered to receive contents alerts "
     "from the Journal of Coastal Hydrology.", "chrome"),
    ("This email was sent from an unmonitored mailbox. Please do not reply.", "chrome"),
    ("Please do not reply to this message; replies are not read.", "chrome"),
    ("This message was sent to priya@example.org because you watch the tilekit repository.",
     "chrome"),
    ("This email was intended for Priya Nair (Geospatial Engineer at Puddle Labs).", "chrome"),
    ("This is a service message; you cannot unsubscribe from it.", "chrome"),
    ("To stop these weekly e-mails, change your preferences at the wiki.", "chrome"),
    ("MEMBERS ONLY – please do not forward this bulletin outside your organisation.", "chrome"),
    ("ATTORNEY ADVERTISING", "chrome"),
    ("You receive all messages sent to this group.", "chrome"),
    ("Information in this bulletin is provided as a courtesy and may change without notice.",
     "chrome"),
    ("If someone forwarded you this, you can subscribe here. Saltmarsh is free and always will "
     "be; if you'd like to support it, you can buy me a coffee.", "chrome"),
    ("What did you think of this week’s issue?", "chrome"),
    ("Your answer helps me decide who to interview next.", "chrome"),
    ("Thanks for reading, and if you know someone who would like this, forward it along.",
     "chrome"),
    ("Free UK delivery on orders over £60 | View this email in your browser", "chrome"),
    ("Crisp Count™: 1,412 words ... 5½ mins. Edited by Tess Holloway.", "chrome"),
    ("Was this forwarded to you? Subscribe here.", "chrome"),
    ("📬 Did a friend send you this newsletter? Welcome, please sign up.", "chrome"),
    ("Know someone who would like this briefing? Forward it or they can sign up here:",
     "chrome"),
    ("Brisk thanks our partners for supporting our newsletters. Sponsorship has no influence "
     "on editorial content.", "chrome"),
    ("Thanks to Tess Holloway for editing and Priya Kanwar for copy editing this newsletter.",
     "credit"),
    ("Reporting by Aimee Castellano and Rob Thiessen; Editing by Grant Hallworth", "credit"),
    ("Today's Briefing was compiled by Hanne Solberg in London and edited by Mateo Arriaga.",
     "credit"),
    ("[Chart: the one-year loan rate, 2019-2026, falling from 4.15% to 3.05%]", "caption"),
    ("[image: Volunteers clearing the dunes]", "caption"),
    ("View this email in your browser: https://pulse.example/issues/2026/118-the-new-bus-lanes"
     "?utm_source=newsletter", "chrome"),
    ("View as a webpage | Voir la version Web", "chrome"),
    ("Skip to content", "chrome"),
    ("This website uses cookies to improve your experience.", "chrome"),
    ("Click to share on Facebook (Opens in new window)", "chrome"),
    ("Leave a Reply", "chrome"),
    ("← Previous Post: The almanac's autumn issue", "chrome"),
    ("Proudly powered by WordPress", "chrome"),
    ("[image]", "chrome"),
    ("CAUTION: This email originated from outside of the organisation. Do not click links "
     "unless you recognise the sender.", "chrome"),
    ("CONFIDENTIAL – internal use only. Do not forward outside Halvorsen & Lund.", "chrome"),
    ("This e-mail is confidential. If you are not the intended recipient, please notify the "
     "sender and delete it.", "chrome"),
    ("Please consider the environment before printing this e-mail.", "chrome"),
    ("Sent from Outlook for iOS", "chrome"),
    ("Microsoft Teams meeting", "chrome"),
    ("Meeting ID: 384 221 907 655 Passcode: Xk7tQp", "chrome"),
    ("Posted on behalf of the Office of the Provost", "chrome"),
    ("Why COPY beats inserts was originally published in Pipes & Buckets on Medium, where "
     "people are continuing the conversation by highlighting and responding to this story.",
     "chrome"),
    ("[a]Hester, do we still want to mention the printed edition?", "chrome"),
    ("(Le français suit)", "chrome"),
    ("Share this story", "chrome"),
])
def test_more_english_furniture_lines_are_left_out(line, kind, profiles):
    body = (f"<h1>Pulse Morning</h1><p>{escape(line)}</p><p>The council approved the new bus "
            "lanes on Monday, and the first one opens in June.</p><p>The vote took 40 minutes; the "
            f"motion ran to 900 words.</p>")
    issue = issue_of("pulse.eml", mail(body, "Pulse <news@pulse.example>", "Pulse Morning",
                                       "Tue, 12 May 2026 06:00:00 +0000"), profiles)
    assert (kind, line) in {(d.kind, d.text) for d in issue.dropped}
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert "The vote took 40 minutes; the motion ran to 900 words." in kept


@pytest.mark.parametrize("line", [
    "One reader sent a photo of the street in 1972 and wrote:",
    "On Monday a reader who grew up above the bakery wrote:",
    "If you can lend a gazebo or help set up from 3pm, please reply to this email.",
    "Did someone send you the wrong parcel? Here is what the depot says to do.",
    "Thanks to Ines Alvarez for the tip about the ferry, which turned out to be right.",
    "If you are not sure whether your bin is collected, check the council's map.",
])
def test_a_sentence_leading_into_a_readers_words_or_asking_for_help_stays(line, profiles):
    body = (f"<h1>Pulse Morning</h1><h2>Letters</h2><p>{escape(line)}</p><blockquote><p>My "
            "grandmother ran the shop on the corner for forty years.</p></blockquote>"
            "<p>The council approved the new bus lanes on Monday.</p>")
    issue = issue_of("pulse.eml", mail(body, "Pulse <news@pulse.example>", "Pulse Morning",
                                       "Tue, 12 May 2026 06:00:00 +0000"), profiles)
    letters = next(s for s in issue.sections if s.heading == "Letters")
    assert line in [p.text for p in letters.paragraphs]


def test_an_agency_credit_is_a_credit_and_a_staff_credit_takes_no_caption_above_it(profiles):
    body = ("<h1>Pulse Morning</h1><p>The council approved the new bus lanes on Monday.</p>"
            "<p>Crowds at the opening of the new bridge.</p><p>Tom Bell/Reuters</p>"
            "<h2>Our picks</h2><p>Kyle is counting down to the jazz festival.</p>"
            "<p>This newsletter was edited by Gwen Ortiz and copy edited by Sam Dietz.</p>")
    issue = issue_of("pulse.eml", mail(body, "Pulse <news@pulse.example>", "Pulse Morning",
                                       "Tue, 12 May 2026 06:00:00 +0000"), profiles)
    dropped = {(d.kind, d.text) for d in issue.dropped}
    assert {("credit", "Tom Bell/Reuters"),
            ("caption", "Crowds at the opening of the new bridge.")} <= dropped
    picks = next(s for s in issue.sections if s.heading == "Our picks")
    assert [p.text for p in picks.paragraphs] == ["Kyle is counting down to the jazz festival."]


def test_the_counts_under_a_cards_story_are_left_out_and_a_lone_figure_kept(profiles):
    body = ("<h1>Daily picks</h1><h2>Today</h2><p>Rhea Kallström in Field Notes</p>"
            '<h3><a href="https://posts.example/desk">A month at a kitchen counter</a></h3>'
            "<p>What an accidental experiment taught me about posture.</p><p>2.1K</p><p>48</p>"
            "<h2>Stat</h2><p>The share of commuters who now cycle in winter:</p><p>12</p>"
            "<p>It was four before the new lanes opened.</p>")
    issue = issue_of("picks.eml", mail(body, "Picks <picks@posts.example>", "Daily picks",
                                       "Tue, 10 Mar 2026 07:00:00 +0000"), profiles)
    assert {("chrome", "2.1K"), ("chrome", "48")} <= {(d.kind, d.text) for d in issue.dropped}
    stat = next(s for s in issue.sections if s.heading == "Stat")
    assert "12" in [p.text for p in stat.paragraphs]


def test_a_cards_call_and_counts_on_one_line_are_left_out(profiles):
    """"See post · 1,204 reactions · 88 comments": the card's link and its counts, no entry
    (each card's summary was "See post")."""
    cards = "".join(
        f"<p><b>{name}</b></p><p>{words}</p><p><a href='https://social.example/post/{n}'>See "
        f"post</a> · {n * 100 + 4} reactions · {n + 8} comments</p>"
        for n, (name, words) in enumerate([
            ("Hanna Lind", "We moved our tile server to a single machine and it got faster."),
            ("Mateus Okafor", "Three things I learned running a map meetup for a year.")], 1))
    body = f"<h1>Weekly highlights</h1><h2>Trending posts</h2>{cards}"
    issue = issue_of("week.eml", mail(body, "Social <news@social.example>", "Highlights",
                                      "Sun, 08 Mar 2026 07:00:00 +0000"), profiles)
    assert ("chrome", "See post · 104 reactions · 9 comments") in {
        (d.kind, d.text) for d in issue.dropped}
    assert not any("See post" in i.text for s in issue.sections for i in s.items)


def test_a_briefings_helpers_and_tip_line_under_its_byline_are_left_out(profiles):
    body = ("<h1>Capitol Dispatch</h1><p>By Eli Marchetti</p><p>With help from Dev Saran</p>"
            "<p>Send tips to eli@dispatch.example and follow along on X @elimarchetti.</p>"
            "<h2>Driving the day</h2><p>The Senate votes on the rail bill at noon.</p>")
    issue = issue_of("dispatch.eml", mail(body, "Dispatch <news@dispatch.example>",
                                          "Capitol Dispatch", "Mon, 18 May 2026 06:00:00 +0000"),
                     profiles)
    dropped = {d.text for d in issue.dropped}
    assert {"With help from Dev Saran",
            "Send tips to eli@dispatch.example and follow along on X @elimarchetti."} <= dropped
    assert [s.heading for s in issue.sections] == ["Driving the day"]


def test_an_address_set_apart_by_bars_and_the_sign_off_above_it_end_a_text_letter(profiles):
    text = ("FUNDING ROUNDUP\n\nDEADLINES THIS MONTH\n\n* 22 May - Writers' bursaries\n"
            "* 29 May - Festival grants\n\nKind regards,\nThe Funding Roundup team\n\n"
            "Arts Council Digest | 2 Cathedral Walk, Bristol BS1 5AA\n"
            "To stop receiving this email, reply with UNSUBSCRIBE in the subject line.\n")
    issue = issue_of("roundup.txt", text.encode(), profiles)
    dropped = {(d.kind, d.text) for d in issue.dropped}
    assert {("signoff", "Kind regards,"), ("signoff", "The Funding Roundup team"),
            ("chrome", "Arts Council Digest | 2 Cathedral Walk, Bristol BS1 5AA")} <= dropped


JOBS_LETTER = (
    "<h1>Guild Bulletin</h1><p>Our jobs board has three openings this month, and the call for "
    "talks closes soon.</p><h2>Jobs</h2>"
    "<p><b>Research Software Engineer</b></p><p>Institute of Tides, Porthaven · £41,000 · "
    "Closes 14 December 2026</p><p><a href='https://jobs.example/1'>View job</a></p>"
    "<p><b>Data Steward</b></p><p>Fenland University · Competitive · Closes 8 January "
    "2027</p><p><a href='https://jobs.example/2'>View job</a></p>"
    "<p><b>Python Developer (part-time)</b></p><p>OpenTide Foundation · €30/hour · Closes 20 "
    "December 2026</p><p><a href='https://jobs.example/3'>View job</a></p>"
    "<p>The Guild is a community interest company registered in England and Wales (No. "
    "13579246). Registered office: 5 Quay Lane, Porthaven PH1 2BX.</p>"
    "<p>You are receiving this because you joined the Guild. "
    "<a href='https://guild.example/unsubscribe'>Unsubscribe</a></p>")


def test_the_last_entry_above_a_legal_footer_keeps_its_details_and_call(profiles):
    """An entry's details line (a price, a date) is no postal address, and its "View job" is
    its own call (every entry has one), not the footer's row of links: the jobs are the
    entries of the "Jobs" section, each linked where its call goes."""
    issue = issue_of("guild.eml", mail(JOBS_LETTER, "Guild <news@guild.example>",
                                       "Guild Bulletin", "Tue, 1 Dec 2026 09:00:00 +0000"),
                     profiles)
    last = issue.sections[-1]
    assert last.heading == "Jobs"
    assert [(i.title, i.excerpt, [link.url for link in i.links]) for i in last.items][-1] == (
        "Python Developer (part-time)", "OpenTide Foundation · €30/hour · Closes 20 December "
        "2026.", ["https://jobs.example/3"])
    assert {d.text for d in issue.dropped if d.kind == "chrome"} >= {
        "The Guild is a community interest company registered in England and Wales (No. "
        "13579246). Registered office: 5 Quay Lane, Porthaven PH1 2BX."}


def test_an_address_and_telephone_over_the_footer_are_left_out_and_a_call_above_is_no_closing(
        profiles):
    body = ("<h1>Orchard School News</h1><p>Welcome back, families. Here is the week.</p>"
            "<h2>Spirit wear</h2><p>Orders close Wednesday! Hoodies are $28 and shirts $12.</p>"
            "<p><a href='https://pta.example/wear'>Order Spirit Wear</a></p>"
            "<p><b>Orchard Elementary</b><br>12 Bramble Lane, Maple Falls, ST 29630<br>"
            "(555) 410-2200</p>"
            "<p>Orchard Elementary sent this newsletter to you. "
            "<a href='https://mailer.example/unsubscribe'>Unsubscribe</a></p>")
    issue = issue_of("orchard.eml", mail(body, "Orchard Elementary <news@mailer.example>",
                                         "Orchard School News",
                                         "Fri, 13 Mar 2026 14:00:00 +0000"), profiles)
    wear = next(s for s in issue.sections if s.heading == "Spirit wear")
    assert wear.link == "https://pta.example/wear"
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "Bramble Lane" not in kept and "410-2200" not in kept
    assert not [d for d in issue.dropped if d.kind == "signoff"]


@pytest.mark.parametrize("ending, signed", [
    ("Enjoy the long weekend, and tell me what you watched.\n\nLena", ["Lena"]),
    ("Have a lovely weekend, and tell us what we missed.\n\nJonah & Priti\n\nRiverton Weekly",
     ["Jonah & Priti", "Riverton Weekly"]),
    ("See you at the festival.\n\nLINKS", []),  # a heading in capitals, no name
    ("> The pups answered before we knew there was a question.\n\nMara Lind", []),  # a credit
    ("See you on the mat.\n\nxo,\n\nNoor", ["xo,", "Noor"]),  # a closing in lower case
    ("Thanks for reading.\n\ncheers,\n\nLena", ["cheers,", "Lena"]),
    ("Diolch yn fawr.\n\nHwyl am y tro / Bye for now,\n\nGwen Pryce",  # two languages
     ["Hwyl am y tro / Bye for now,", "Gwen Pryce"]),
    ("Visitors are always welcome.\n\nGareth (club secretary)", ["Gareth (club secretary)"]),
    ("Visitors are always welcome.\n\nRound 5 (10 March)", []),  # a figure: no role
])
def test_a_name_alone_under_the_last_sentence_signs_the_letter(ending, signed, profiles):
    text = ("# Reel Notes 14\n\nThree films this week, one of them long.\n\n## Skipping\n\n"
            f"The remake of Gasworks. I tried. I really did.\n\n{ending}\n\n---\n\n"
            "[Unsubscribe](https://reel.example/unsubscribe)\n")
    issue = issue_of("14.md", text.encode(), profiles)
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == signed


def test_a_closing_over_a_signature_found_below_it_goes_with_it(profiles):
    text = ("LANTERN ARTS NEWS\n\nMembership is 15 pounds a year and helps pay for the grants "
            "above.\n\nWith best wishes,\n\nCarys Whitlow\nArts Development Officer\n"
            "Lantern Valley Arts Council\n\n--\nLantern Valley Arts Council, The Old Pumphouse, "
            "Mill Race Lane, LB3 9HQ\n\nTo stop receiving this newsletter, reply with "
            "UNSUBSCRIBE.\n")
    issue = issue_of("arts.txt", text.encode(), profiles)
    assert "With best wishes," in [d.text for d in issue.dropped if d.kind == "signoff"]
    assert not any("With best wishes" in p.text for s in issue.sections for p in s.paragraphs)


def test_a_closing_paragraph_of_list_notices_with_a_short_note_between_is_chrome(profiles):
    from digest.model import Block
    from digest.segment.chrome import chrome_paragraphs
    from digest.segment.profiles import load_platforms, with_platform

    generic = with_platform(profiles[0], load_platforms()[0], None, [], "en")
    texts = ["The first release of the atlas of earthworms is online, with 58,000 records.",
             "To post an announcement, reply to this message or write to editor@soil.example. "
             "Posts are sent every Tuesday. To unsubscribe, send a message with "
             "\"unsubscribe\" to soil-request@soil.example.",
             "To post an announcement, reply to this message. The river rose again on Monday "
             "and the ferry stopped. To unsubscribe, reply with STOP."]
    blocks = [Block(text=t, line=n + 1, end_line=n + 1) for n, t in enumerate(texts)]
    assert chrome_paragraphs(blocks, [None] * 3, generic) == [None, "chrome", None]


def test_a_closing_line_of_address_and_opt_out_is_chrome_with_the_signature_above(profiles):
    text = ("# Branch Weekly\n\nNew books are in.\n\n## Fines amnesty\n\nUntil 31 October you can "
            "return overdue items with no fines at all.\n\nPriya and the Northgate team\n\n"
            "*Northgate Branch Library, 2 Ropewalk, Northgate NG7 1AD · 01632 960 555 · Part "
            "of Marlshire Libraries. To stop receiving this newsletter, reply with "
            "\"unsubscribe\".*\n")
    issue = issue_of("weekly.md", text.encode(), profiles)
    fines = next(s for s in issue.sections if s.heading == "Fines amnesty")
    assert [p.text for p in fines.paragraphs] == [
        "Until 31 October you can return overdue items with no fines at all."]


def test_no_unsubscribe_link_is_published_and_a_notice_linking_to_it_is_chrome(profiles):
    """The reader's own unsubscribe address (the List-Unsubscribe header's, with its token)
    never reaches the site: a notice of up to sixty words linking to it is chrome, and
    text that stays keeps its words, unlinked."""
    leave = "https://forum.example/email/unsubscribe/9f3d2c1ab07e"
    notice = ("This summary is sent from Hearth Forum when we haven't seen you in a while. To turn "
              f"it off or change how often it arrives, <a href='{leave}'>click here to "
              "unsubscribe</a> or visit your email preferences on the forum's own page.")
    story = ("The stove thread ran to forty replies this week: most of you burn ash, a few burn "
             "birch, and one reader burns apple wood from his own orchard, which smells like "
             "a bakery. If you would rather not hear about stoves again, you can always "
             f"<a href='{leave}'>leave this list</a>, though we would miss you a great deal. "
             "The next summary goes out on Friday, with the chimney sweep's answers.")
    body = (f"<h1>Hearth Forum</h1><h2>Stoves</h2><p>{story}</p><h2>More</h2><p>Two new topics "
            f"came in about flue liners and ash pans this week.</p><p>{notice}</p>")
    issue = issue_of("summary.eml", mail(body, "Hearth <summary@forum.example>", "Summary",
                                         "Fri, 20 Nov 2026 09:00:00 +0000",
                                         List_Unsubscribe=f"<{leave}>"), profiles)
    assert any(d.kind == "chrome" and d.text.startswith("This summary is sent")
               for d in issue.dropped)
    kept = [p for s in issue.sections for p in s.paragraphs]
    assert any("leave this list" in p.text for p in kept)
    assert not [link for p in kept for link in p.links if "unsubscribe" in link.url]


def test_a_paywall_notice_over_the_posts_link_row_and_footer_goes_with_them(profiles):
    """A chrome line over lines that are not furniture alone ("Become a paid member…" over
    "More like this", "Comment"): the footer opens further down, at a line that does open
    one, and the link row above it goes with it."""
    post = "https://review.example/the-last-ferry/"
    body = ("<h1>Harbour Review</h1><h2>A timetable is a policy</h2>" + "".join(
        f"<p>The ferry lost a sailing in {year}, and the island lost a little more of its "
        f"working week with it, one family at a time.</p>" for year in range(1986, 2026, 4)) +
        "<p>Become a paid member of Harbour Review to get access to all premium content.</p>"
        f"<p><a href='https://review.example/#/portal/signup'>Upgrade</a></p>"
        f"<p><a href='{post}?feedback=1'>More like this</a></p>"
        f"<p><a href='{post}?feedback=0'>Less like this</a></p>"
        f"<p><a href='{post}#comments'>Comment</a></p>"
        "<p>Harbour Review © 2026 – <a href='https://review.example/unsubscribe/?key=9'>"
        "Unsubscribe</a></p>")
    issue = issue_of("ferry.eml", mail(body, "Harbour Review <news@review.example>",
                                       "The last ferry", "Thu, 5 Mar 2026 07:00:00 +0000"),
                     profiles)
    chrome = {d.text for d in issue.dropped if d.kind == "chrome"}
    assert {"Become a paid member of Harbour Review to get access to all premium content.",
            "More like this", "Comment"} <= chrome
    assert [p.text[:8] for p in issue.sections[-1].paragraphs] == ["The ferr"] * 10


def test_a_call_to_a_ghost_sites_sign_up_portal_never_links_a_story(profiles):
    """"Become a member" closing a Ghost post's section links to the site's sign-up portal
    (`/#/portal/signup`): furniture, never the story's link."""
    body = ("<h1>Harbour Review</h1><h2>A timetable is a policy</h2><p>Every cut to the ferry "
            "timetable was small, and every cut was defended on its own terms.</p><p><a "
            "href='https://review.example/#/portal/signup'>Become a member</a></p><h2>Next "
            "week</h2><p>Part two looks at the campaign to bring back the Sunday boat.</p>")
    issue = issue_of("ghost.eml", mail(body, "Harbour Review <news@review.example>", "Ferry",
                                       "Thu, 5 Mar 2026 07:00:00 +0000",
                                       X_Mailer="Ghost"), profiles)
    assert [s.link for s in issue.sections] == [None, None]


def test_an_unsubscribe_address_set_between_rules_in_plain_text_is_never_a_heading(profiles):
    """A text part's footer writes the unsubscribe address alone on a line right over a
    rule ("━━━━"): no heading (a setext underline makes none of an address), and not
    published, whatever else the footer holds."""
    leave = "https://teahouse.example/mail/stop?id=58a1"
    rule = "━" * 30
    body = (f"{rule}\nTeahouse Letter No. 58\n{rule}\n\nThe winter beans arrived on Monday and the "
            "first roast sold out by Wednesday afternoon, so we roasted twice more this week.\n\n"
            f"{rule}\nReading group\n{rule}\n\nThe December reading group meets on the 13th at "
            "two o'clock, with a short story collection and a pot of the new roast.\n\n"
            f"{rule}\nTeahouse, 12 Firefly Lane\n\nTo stop these letters or change your address:\n"
            f"{leave}\n{rule}\n")
    issue = issue_of("letter.eml", mail(body, "Teahouse <letter@teahouse.example>",
                                        "Teahouse Letter 58", "Fri, 20 Nov 2026 10:00:00 +0900",
                                        subtype="plain", List_Unsubscribe=f"<{leave}>"),
                     profiles)
    assert [s.heading for s in issue.sections if s.heading and "://" in s.heading] == []
    published = [link.url for s in issue.sections for p in s.paragraphs for link in p.links]
    assert leave not in published
    assert not any(leave in p.text for s in issue.sections for p in s.paragraphs)


def test_a_heading_linking_to_the_unsubscribe_page_is_chrome(profiles):
    text = ("# Teahouse Letter\n\n## Winter beans\n\nThe winter beans arrived on Monday and sold "
            "out by Wednesday.\n\n## [Stop these letters](https://teahouse.example/unsubscribe/"
            "k9)\n\nTeahouse, 12 Firefly Lane.\n")
    issue = issue_of("letter.md", text.encode(), profiles)
    assert "Stop these letters" not in [s.heading for s in issue.sections]
    assert ("chrome", "Stop these letters") in [(d.kind, d.text) for d in issue.dropped]


def test_the_readers_token_in_the_unsubscribe_address_leaves_every_link(profiles):
    """A code-hosting digest carries the reader's token (the one its List-Unsubscribe
    address names them by) on every link: the site would publish it."""
    token = "AB7QXZ2ME5KQ"
    body = ("<h1>Your weekly digest</h1><h2>Pull requests</h2><p><a href='https://forge.example/"
            f"tilekit/pull/1882?notification_referrer_id=w&email_token={token}'>Replace the "
            "quadtree index with an R-tree</a> — opened 3 days ago, 14 comments.</p><p><a "
            f"href='https://forge.example/tilekit/pull/1890?email_token={token}'>Stream "
            "MBTiles export</a> — merged yesterday after two rounds of review.</p>")
    issue = issue_of("digest.eml", mail(body, "Forge <noreply@forge.example>", "Weekly digest",
                                        "Mon, 09 Mar 2026 08:00:00 +0000",
                                        List_Unsubscribe=f"<https://forge.example/unsubscribe?"
                                        f"token={token}>"), profiles)
    urls = [link.url for s in issue.sections for p in s.paragraphs for link in p.links] + [
        link.url for s in issue.sections for i in s.items for link in i.links]
    assert urls and not any(token in url for url in urls)
    assert "https://forge.example/tilekit/pull/1890" in urls


@pytest.mark.parametrize("line", ["Lesezeit: 6 Minuten · 1.380 Wörter",
                                  "Mitarbeit: Selin Kaya; Redaktion: Henrik Stoltenberg"])
def test_a_german_reading_time_with_its_word_count_and_staff_credits_are_left_out(line,
                                                                                  profiles):
    body = (f"<h1>Hauptstadt-Kompass</h1><p>{escape(line)}</p><p>Die Koalition hat sich in der "
            "Nacht nicht auf den Haushalt geeinigt, und die Bahnreform steht vor dem nächsten "
            "Stresstest.</p><p>Die Länder wollen der Reform nur zustimmen, wenn der Bund die "
            "Mittel für den Regionalverkehr dauerhaft erhöht.</p>")
    issue = issue_of("kompass.eml", mail(body, "Kompass <brief@kompass.example>",
                                         "Hauptstadt-Kompass", "Tue, 10 Mar 2026 06:00:00 +0100"),
                     profiles)
    assert issue.language == "de"
    assert line in {d.text for d in issue.dropped}


MAILMAN = """\
KILN NEWS -- Weekly #12

The big kiln is fixed, and the glaze shelf has moved to the back room.

FIRINGS

The next bisque firing is on Thursday. Bring pieces bone dry by Wednesday evening, labelled
with your name and the clay body.

That's all for this week. Happy throwing,
Marta

_______________________________________________
kiln-news mailing list
kiln-news@lists.kiln.example
To unsubscribe send an email to kiln-news-leave@lists.kiln.example
"""


def test_a_mailing_lists_footer_and_the_name_under_a_farewell_are_left_out(profiles):
    issue = issue_of("kiln.txt", MAILMAN.encode(), profiles)
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert kept[-1].startswith("The next bisque firing is on Thursday.")
    dropped = {d.text: d.kind for d in issue.dropped}
    assert dropped["Marta"] == "signoff"
    assert dropped["kiln-news mailing list"] == dropped["kiln-news@lists.kiln.example"] == "chrome"


def test_the_writers_box_ending_the_issue_is_a_bio_not_the_last_storys_text(profiles):
    html = ("<h1>Brisk AM</h1><p>Good morning. Two stories today.</p><h2>1 fun thing</h2>"
            "<p>A grower in the valley set a record for the heaviest pumpkin, at 2,871 pounds, "
            "after a long review of the scales.</p><p>He says the secret is talking to it "
            "every morning.</p><p><img src='jonah.jpg' alt='Headshot of Jonah Mercer'></p>"
            "<p>Jonah Mercer</p><p>Jonah is Brisk's chief Washington correspondent. He has "
            "covered Congress since 2011.</p><p>@jonahmercer</p>"
            "<p><a href='https://brisk.example/unsubscribe'>Unsubscribe</a></p>")
    issue = issue_of("brisk.eml", mail(html, "Brisk <am@brisk.example>", "Brisk AM",
                                       "Thu, 12 Mar 2026 06:00:00 +0000"), profiles)
    last = issue.sections[-1]
    assert [p.text for p in last.paragraphs][-1] == "He says the secret is talking to it every " \
        "morning."
    assert [d.text for d in issue.dropped if d.kind == "bio"] == [
        "Jonah Mercer", "Jonah is Brisk's chief Washington correspondent. He has covered "
        "Congress since 2011.", "@jonahmercer"]


def test_ids_naming_the_reader_leave_poll_feedback_forward_and_referral_links(profiles):
    """A poll's answers ("?choice=a1&sid=<id>"), Ghost's feedback buttons (the member's uuid
    and key in a fragment, percent-encoded), Mailchimp's forward-to-a-friend ("?e=<id>") and
    a referral link spelled out in the text ("?ref=<code>") all name the reader."""
    sid, uuid, code = "b7c41f0e-2d3a-4e8b-9c51", "5d0c7a3e-91f2-4b6e", "Qx7Lm2PzRa"
    body = ("<h1>Trafiletto 142</h1><p>The week in tech, briefly, from Milan.</p>"
            "<h2>How was today's issue?</h2>"
            f"<p><a href='https://tr.example/polls/9?choice=a1&sid={sid}'>Great, as always, "
            "thank you</a></p>"
            f"<p><a href='https://tr.example/polls/9?choice=b2&sid={sid}'>Fine, could be "
            "better in places</a></p>"
            f"<p><a href='https://tr.example/post/#%2Ffeedback%2F67%2F1%2F%3Fuuid={uuid}"
            "%26key=a9f3e1c07b2d48e6'>More like this</a></p>"
            "<p><a href='https://us21.forward-to-friend.com/forward?e=8f3c2a1b0d&id=7d6e'>"
            "Forward</a></p>"
            f"<p>Or copy and paste this link to others: <a href='https://tr.example/subscribe?"
            f"ref={code}'>https://tr.example/subscribe?ref={code}</a></p>")
    issue = issue_of("142.eml", mail(body, "Trafiletto <news@tr.example>", "Trafiletto 142",
                                     "Mon, 09 Mar 2026 08:00:00 +0000"), profiles)
    published = " ".join(
        [p.text for s in issue.sections for p in s.paragraphs] +
        [link.url for s in issue.sections for p in s.paragraphs for link in p.links] +
        [link.url for s in issue.sections for i in s.items for link in i.links] +
        [i.text for s in issue.sections for i in s.items])
    for leaked in (sid, uuid, "a9f3e1c07b2d48e6", "8f3c2a1b0d", code):
        assert leaked not in published


def test_the_readers_name_a_platform_filled_into_the_greeting_is_not_published(profiles):
    body = ("<p>Hallo Mira,</p><p>diese Woche gibt es neue Werkzeuge und einen Kurs im Mai."
            "</p><h2>Werkstatt</h2><p>Die Drechselbank ist repariert und steht wieder bereit.</p>")
    message = mail(body, "Lena Brandt <lena@werkstatt.example>", "Werkstattbrief 38",
                   "Mon, 09 Mar 2026 08:00:00 +0100", To="Mira Sommerfeld <mira@post.example>")
    issue = issue_of("38.eml", message, profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "Hallo," in texts and not [t for t in texts if "Mira" in t]


def test_a_line_of_opening_hours_and_telephone_over_the_footer_is_left_out(profiles):
    body = ("<h1>Lantern &amp; Quill</h1><p>Spring is here, and so are our author evenings.</p>"
            "<h2>Book club</h2><p>The Thursday book club meets on April 9 to talk about Slow "
            "Fields, and new members are always welcome.</p>"
            "<p>212 Cobbler Street, Hartwell Bay, ME 04100</p>"
            "<p>Open daily 9 am – 8 pm · (207) 555-0148</p>"
            "<p>You received this email because you signed up at the shop. "
            "<a href='https://lq.example/unsubscribe'>Unsubscribe</a></p>")
    issue = issue_of("lq.eml", mail(body, "Lantern & Quill <news@lq.example>", "March at L&Q",
                                    "Tue, 10 Mar 2026 09:00:00 +0000"), profiles)
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "555-0148" not in kept and "Cobbler Street" not in kept


SHOWS_LETTER = "<h1>This week on Fernway</h1><p>Three shows, three new episodes.</p>" + "".join(
    f"<h2><a href='https://fernway.example/shows/{slug}?utm_source=newsletter'>{title}</a></h2>"
    f"<p>{blurb}</p><p><a href='https://fernway.example/shows/{slug}?utm_medium=email'>"
    "Listen now →</a></p>" for slug, title, blurb in [
        ("heist", "The Glasshouse Heist, part 4", "The head gardener speaks for the first time."),
        ("heron", "The heron who owns the canal", "A dawn walk with the lock keeper's heron."),
        ("tango", "Tango in a week", "Five lessons in five days with a patient teacher.")])


def test_a_button_under_each_headed_card_linking_where_its_heading_does_is_furniture(
        profiles):
    issue = issue_of("fernway.eml", mail(SHOWS_LETTER, "Fernway <hi@fernway.example>",
                                         "This week on Fernway",
                                         "Wed, 2 Dec 2026 09:00:00 +0000"), profiles)
    shows = [s for s in issue.sections if s.heading and "Fernway" not in s.heading]
    assert [[p.text for p in s.paragraphs] for s in shows] == [
        ["The head gardener speaks for the first time."],
        ["A dawn walk with the lock keeper's heron."],
        ["Five lessons in five days with a patient teacher."]]
    assert [d.text for d in issue.dropped if d.kind == "chrome"].count("Listen now →") == 3


SHOW_NOTES = """# Bench Talk, episode 12

## This week

We test three ways to keep a sourdough starter alive while you are away for a month.

## Credits

Bench Talk is hosted by Maya Oduya. Produced by Ezra Lind. Mixed by Hana Sato. Music by The
Pantry Strings.

The festival is hosted by the city council.

Thanks for listening!

---

{row}

You're receiving this because you signed up at benchtalk.example. [Unsubscribe]({leave})
""".format(row="[Support the show on Patreon](https://patreon.example/benchtalk) · "
              "[Merch](https://shop.benchtalk.example) · [Instagram](https://ig.example/bt)",
           leave="https://benchtalk.example/unsubscribe")


def test_a_shows_credits_and_the_support_row_over_its_footer_are_furniture(profiles):
    issue = issue_of("bench.md", SHOW_NOTES.encode(), profiles)
    kinds = {d.text: d.kind for d in issue.dropped}
    assert kinds["Bench Talk is hosted by Maya Oduya. Produced by Ezra Lind. Mixed by Hana "
                 "Sato. Music by The Pantry Strings."] == "credit"
    assert kinds["Support the show on Patreon · Merch · Instagram"] == "chrome"
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "The festival is hosted by the city council." in texts  # one sentence: no credits


def test_a_closing_paragraph_saying_what_the_newsletter_is_and_how_to_leave_is_furniture(
        profiles):
    text = ("# Table Talk #40\n\n## This week\n\nThe market hall reopens on Saturday with twelve "
            "new stalls.\n\n## Recipes\n\nA spring soup of leeks and new potatoes, ready in half"
            " an hour.\n\nUntil next week!\n\nLucía\n\n*Table Talk is a free weekly newsletter "
            "about food in our town. If someone forwarded it to you, you can sign up at "
            "tabletalk.example. To unsubscribe, reply to this email.*\n")
    issue = issue_of("table.md", text.encode(), profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts == ["The market hall reopens on Saturday with twelve new stalls.",
                     "A spring soup of leeks and new potatoes, ready in half an hour."]


COUNT_ROWS = """\
---
title: "Workbench 4"
date: 2026-05-02
---

Hello makers. Two tools and one argument this week.

## Tool of the week

Kiln is a tiny build runner that reads a Makefile and runs its targets in parallel.

⭐ 1,380 stars · 🍴 41 forks · Go · Apache-2.0

It caches every step, so a second build of an unchanged tree takes under a second.

## The argument

A long thread asked whether build tools should ever download anything by themselves.

♡ 215 · ⇄ 18 · 💬 9

Most replies said no, and the thread's author agreed by the end of the day.

## Scores

Harbour Rovers 2 · Mill Lane 1

Harbour Rovers stay top of the table after a late goal on Saturday.
"""


def test_a_row_of_engagement_or_repository_counts_is_no_text_nor_subhead(profiles):
    """A line of counts, each after its pictograph ("♡ 215 · ⇄ 18") or abbreviated ("3.8K
    Likes"), with a few short labels after them ("Go · Apache-2.0"): a card's furniture,
    dropped; a line of named figures ("Harbour Rovers 2 · Mill Lane 1") stays."""
    issue = issue_of("2026-05-02-workbench.md", COUNT_ROWS.encode(), profiles)
    kept = [(p.kind, p.text) for s in issue.sections for p in s.paragraphs]
    assert ("text", "Harbour Rovers 2 · Mill Lane 1") in kept
    assert all("⭐" not in text and "♡" not in text for _, text in kept)
    assert all(not s.items and not s.subsections for s in issue.sections)
    assert {("chrome", "⭐ 1,380 stars · 🍴 41 forks · Go · Apache-2.0"),
            ("chrome", "♡ 215 · ⇄ 18 · 💬 9")} <= {(d.kind, d.text) for d in issue.dropped}


WORKSHOP_JOBS = """<html><body><h1>Forge Notes 44</h1>
<p>Hello again. This week: two talks on build caches and a short list of jobs.</p>
<h2>Talks</h2>
<p>Mara Olsen explains why her team's remote build cache missed half its hits, and how a
single environment variable was to blame. The slides are online.</p>
<h2>Jobs</h2>
<p><a href="https://jobs.example/1">Build Engineer, Tinplate (remote, Europe)</a></p>
<p><a href="https://jobs.example/2">Release Manager, Oakfield (hybrid, UTC+1 to UTC+2)</a></p>
<p>You are receiving Forge Notes because you signed up at forgenotes.example.</p>
<p><a href="https://forgenotes.example/unsubscribe/9">Unsubscribe</a></p>
<p>Forge Notes, 12 Mill Yard, Unit 3, Bristol BS1 6XX</p>
</body></html>"""


def test_the_last_job_over_a_footer_is_no_postal_address(profiles):
    """A job's note in brackets ("hybrid, UTC+1 to UTC+2") holds commas and figures, but the
    entry is no address: it stays with the jobs; the real address goes."""
    issue = issue_of("forge.eml", mail(WORKSHOP_JOBS, "Forge Notes <hi@forgenotes.example>",
                                       "Forge Notes 44"), profiles)
    assert section_texts(issue)["Jobs"][-1] == \
        "Release Manager, Oakfield (hybrid, UTC+1 to UTC+2)"
    assert ("chrome", "Forge Notes, 12 Mill Yard, Unit 3, Bristol BS1 6XX") in {
        (d.kind, d.text) for d in issue.dropped}


CHOIR = """<html><body><h1>Chorbrief April</h1>
<p>Liebe Sängerinnen und Sänger,</p>
<p>die Probe am Dienstag fällt aus, weil der Saal renoviert wird. Wir treffen uns stattdessen
am Donnerstag um 19 Uhr im Gemeindehaus.</p>
<p>Herzliche Grüße</p>
<p>Ihr Chorvorstand</p>
<p>Liederkranz Talheim e.V. · Lindenweg 7 · 54321 Talheim</p>
<p>Vereinsregister Amtsgericht Talheim VR 518 · Vorsitzender: Bernd Kölsch</p>
<p>Sie erhalten diesen Newsletter, weil Sie Mitglied im Liederkranz sind.</p>
<p><a href="https://liederkranz.example/abmelden?u=4">Newsletter abbestellen</a></p>
</body></html>"""


def test_a_register_line_above_a_german_footer_is_the_footers_and_the_greeting_a_sign_off(
        profiles):
    """The club's address and its register line ("Vereinsregister … VR 518 · Vorsitzender:
    …") are the footer's, so the closing and name above them are a sign-off."""
    issue = issue_of("chor.eml", mail(CHOIR, "Liederkranz <info@liederkranz.example>",
                                      "Chorbrief April"), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs][-1].startswith(
        "die Probe am Dienstag fällt aus")
    dropped = {(d.kind, d.text) for d in issue.dropped}
    assert {("signoff", "Herzliche Grüße"), ("signoff", "Ihr Chorvorstand"),
            ("chrome", "Vereinsregister Amtsgericht Talheim VR 518 · Vorsitzender: Bernd Kölsch"),
            ("chrome", "Liederkranz Talheim e.V. · Lindenweg 7 · 54321 Talheim")} <= dropped


def test_a_french_mail_services_footer_lines_are_chrome(profiles):
    """"Cet e-mail a été envoyé à …" and "Vous l'avez reçu car …" are a footer's lines."""
    body = """<html lang="fr"><body><h1>La Gazette du Marché</h1>
<p>Bonjour ! Le marché du samedi déménage place des Tilleuls pendant les travaux de la halle,
jusqu'à la fin du mois de mai.</p>
<p>Les producteurs seront tous présents, et la fromagère revient après son congé.</p>
<p>Cet e-mail a été envoyé à lecteur@exemple.fr.</p>
<p>Vous l'avez reçu car vous êtes inscrit à la Gazette du Marché.</p>
<p><a href="https://gazette.example/desinscription?u=2">Se désinscrire</a></p>
</body></html>"""
    issue = issue_of("gazette.eml", mail(body, "Gazette <g@gazette.example>",
                                         "La Gazette du Marché"), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs][-1] == \
        "Les producteurs seront tous présents, et la fromagère revient après son congé."
    assert {("chrome", "Cet e-mail a été envoyé à lecteur@exemple.fr."),
            ("chrome", "Vous l'avez reçu car vous êtes inscrit à la Gazette du Marché.")} <= {
        (d.kind, d.text) for d in issue.dropped}
