"""HTML e-mails as mail platforms send them: layout read in order, platform chrome dropped,
sponsors set apart, links cleaned — checked through `digest inspect --json`.

The fixtures in tests/data/email/ are written for these tests in the shape Substack,
Mailchimp, Buttondown and HubSpot give their e-mails; their text is made up.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from digest.ingest import read_bytes
from digest.links import clean_url

EMAILS = Path(__file__).resolve().parent / "data" / "email"
TRACKERS = ("utm_", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "ref_src", "s=r", "ref=")


def inspect(*paths: Path) -> dict[str, dict]:
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", *map(str, paths)],
                          capture_output=True, text=True, check=True)
    return {Path(f["path"]).stem: f for f in json.loads(done.stdout)["files"]}


@pytest.fixture(scope="module")
def emails() -> dict[str, dict]:
    return {name: f["issues"][0] for name, f in inspect(*sorted(EMAILS.glob("*.eml"))).items()}


def texts(issue: dict) -> list[str]:
    """Every text a reader of the digest could see: headings, paragraphs, items."""
    found = [issue["title"]]
    for section in issue["sections"]:
        found += [section["heading"] or ""] + [p["text"] for p in section["paragraphs"]]
        found += [i["text"] for i in section["items"]]
        found += [s["text"] for i in section["items"] for s in i["sub_items"]]
    return found


def urls(issue: dict) -> list[str]:
    found = []
    for section in issue["sections"]:
        for entry in section["paragraphs"] + section["items"]:
            found += [link["url"] for link in entry.get("links", [])]
    return found


CHROME = {
    "substack": ["Open in app", "Forwarded this email? Subscribe here for more", "Like",
                 "Comment", "Restack", "© 2025 Field Notes", "Unsubscribe", "Start writing",
                 "548 Market Street PMB 72296, San Francisco, CA 94104", "SPONSORED"],
    "mailchimp": ["View this email in your browser", "Our mailing address is:",
                  "You are receiving this email because you signed up at the spring fair.",
                  "Copyright © 2025 Hill Orchard Club, All rights reserved.",
                  "You can update your preferences or unsubscribe from this list."],
    "buttondown": ["Unsubscribe", "Brought to you by Buttondown", "Presented by Rockpool Boots"],
    "hubspot": ["View in browser", "Subscribe", "Work with us", "Unsubscribe Manage preferences",
                "We are growing! Check out job openings at the Kiln Works studio.",
                "Kiln Works, 12 Clay Street, Unit 4, Stoke, ST1 1AA, United Kingdom"],
}


@pytest.mark.parametrize("name", sorted(CHROME))
def test_platform_chrome_is_dropped_as_chrome_and_never_in_a_section(emails, name):
    issue = emails[name]
    shown = texts(issue)
    dropped = {d["text"] for d in issue["dropped"] if d["kind"] == "chrome"}
    for line in CHROME[name]:
        assert line in dropped
        assert not any(line == text for text in shown)
    assert not any("archives of this newsletter" in text for text in shown)


@pytest.mark.parametrize("name", sorted(CHROME))
def test_kept_links_carry_no_tracking_parameters(emails, name):
    found = urls(emails[name])
    assert found
    assert not [url for url in found if any(t in url for t in TRACKERS)]


def test_hidden_preheaders_and_tracking_pixels_leave_no_text(emails):
    hidden = ["Rocks, rain and a walk", "Scions, knives and tape", "Anemones, a new pool",
              "The quarterly from the Kiln Works team", "open tracking pixel", "Kiln Works logo"]
    for issue in emails.values():
        everything = texts(issue) + [d["text"] for d in issue["dropped"]]
        assert not [t for t in everything if any(h in t for h in hidden)]


def test_layout_tables_read_in_order_with_the_letter_as_lead(emails):
    issue = emails["hubspot"]
    assert issue["title"] == "The Kiln Works Quarterly"
    assert [s["kind"] for s in issue["sections"]] == ["lead", "section", "section"]
    lead = [p["text"] for p in issue["sections"][0]["paragraphs"]]
    assert lead[0] == "Dear potters," and lead[-1] == "Thank you for your patience."
    assert [d["kind"] for d in issue["dropped"] if d["text"] == "— Morgan"] == ["signoff"]
    assert [s["heading"] for s in issue["sections"][1:]] == ["Glazes that worked", "Classes"]
    assert [i["text"] for i in issue["sections"][1]["items"]] == ["Cone 10 reduction",
                                                                  "Two dips, thin"]


def test_br_lines_stay_lines_and_data_tables_stay_rows(emails):
    issue = emails["mailchimp"]
    assert issue["title"] == "Grafting day"
    lead = [p["text"] for p in issue["sections"][0]["paragraphs"]]
    assert lead == ["We meet at the lower gate at ten.", "Bring a sharp knife.",
                    "Tape and wax are on us."]
    table = issue["sections"][1]
    assert table["heading"] == "What to bring"
    assert [p["text"] for p in table["paragraphs"]] == [
        "Time | Where | What", "10:00 | Lower gate | Welcome",
        "10:30 | Nursery rows | Whip grafts", "12:00 | Barn | Lunch"]


def test_sponsor_markers_make_sponsored_sections(emails):
    sponsored = [s for s in emails["buttondown"]["sections"] if s["kind"] == "sponsored"]
    assert len(sponsored) == 1 and sponsored[0]["sponsor"] == "Rockpool Boots"
    assert sponsored[0]["role"] == "sponsored"
    assert sponsored[0]["paragraphs"][0]["text"] == \
        "Boots that grip wet weed and dry out overnight."
    substack = emails["substack"]["sections"]
    assert [s["kind"] for s in substack] == ["lead", "section", "section", "sponsored"]
    assert substack[-1]["paragraphs"][0]["text"].startswith("Hand lenses for field work")
    before = [p["text"] for p in substack[-2]["paragraphs"]]
    assert before == ["Lichens of the North by A. Writer — a slow, careful guide with good plates."]


def test_redirects_are_unwrapped_and_opaque_click_links_kept(emails):
    classes = emails["hubspot"]["sections"][2]["paragraphs"][0]["links"]
    assert classes == [{"text": "book a place", "url": "https://www.kilnworks.example/classes"}]
    opaque = "https://info.kilnworks.example/e3t/Ctc/AB+12/cXyZ/VVabcd0"
    assert clean_url(opaque) == opaque
    assert clean_url("https://news.example.com/item?id=12&utm_source=x") == \
        "https://news.example.com/item?id=12"


def _token(payload: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def test_a_redirect_carrying_its_destination_in_an_encoded_token_is_unwrapped():
    """A mail platform's click link whose path holds base64-encoded JSON (a signed token,
    "…/redirect/2/eyJ…") leads to the one web address among its values."""
    story = _token({"e": "https://news.example/story?id=4&utm_source=letter", "p": 12,
                    "sub": "link-redirect"})
    wrapped = f"https://mail.example/redirect/2/{story}.c2lnbmF0dXJl?j={_token({'u': 9})}"
    assert clean_url(wrapped) == "https://news.example/story?id=4"
    for kept in (f"https://app.example/login/{_token({'user': 9, 'exp': 3})}",
                 f"https://mail.example/r/{_token({'a': 'https://a.example/1', 'b': 'https://b.example/2'})}",
                 "https://mail.example/r/eyJub3QgYmFzZTY0"):
        assert clean_url(kept) == kept


def test_a_click_link_carrying_its_address_base64_encoded_leads_there():
    """Kit's click links hold the destination, base64-encoded, as the last part of the path."""
    encoded = base64.urlsafe_b64encode(b"https://shop.example/prints?ref=newsletter").decode()
    assert clean_url(f"https://click.mailer.example/q8w6/e5hv/{encoded.rstrip('=')}") == \
        "https://shop.example/prints"
    for kept in ("https://blog.example/aHR0cHM6Ly9", "https://cdn.example/aHR0cHM6Ly8_/x",
                 f"https://podcasts.example/feed/{encoded.rstrip('=')}/episode/dGFnOnNvdW5k"):
        assert clean_url(kept) == kept


def test_mailchimps_click_link_loses_the_subscribers_id():
    assert clean_url("https://club.us14.list-manage.com/track/click?u=8f3a&id=10c4&e=5d2c7a91f0") \
        == "https://club.us14.list-manage.com/track/click?id=10c4&u=8f3a"


def test_bold_and_linked_titles_are_marked_on_blocks():
    part = read_bytes("substack.eml", (EMAILS / "substack.eml").read_bytes()).parts[0]
    leads = {b.text.split(".")[0]: (b.lead, b.lead_kind) for b in part.blocks if b.lead}
    assert leads["Map lichens"] == ("Map lichens.", "strong")
    assert leads["Orange crusts"] == ("Orange crusts.", "strong")
    assert leads["Lichens of the North by A"] == ("Lichens of the North", "link")
    whole = read_bytes("x.html", b"<p><b>Only bold</b></p><p>plain <b>late</b></p>").parts[0]
    assert [(b.lead, b.lead_kind) for b in whole.blocks] == [("Only bold", "strong"),
                                                              (None, None)]


def test_a_link_to_the_list_unsubscribe_address_is_chrome_whatever_its_words(tmp_path):
    mail = tmp_path / "letter.eml"
    mail.write_text(
        "From: Allotment Letter <letter@allotment.example>\nSubject: Beans\n"
        "Date: Wed, 02 Jul 2025 09:00:00 +0000\n"
        "List-Unsubscribe: <https://allotment.example/leave/abc?k=1>\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<h1>Beans</h1><p>The runner beans reached the top of the canes this week.</p>"
        "<p>Had enough? <a href='https://allotment.example/leave/abc?k=2'>Stop these "
        "letters</a></p>", encoding="utf-8")
    issue = inspect(mail)["letter"]["issues"][0]
    assert ("chrome", "Had enough? Stop these letters") in \
        [(d["kind"], d["text"]) for d in issue["dropped"]]
    assert "Had enough? Stop these letters" not in texts(issue)


def test_a_saved_page_finds_its_platform_by_link_hosts(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Pond notes</h1><p>Frogspawn in the top pond at last.</p>"
        "<p><a href='https://pond.us5.list-manage.com/profile?u=1'>Your details</a></p>"
        "<p><a href='https://pond.us5.list-manage.com/vcard?u=1'>Keep us in your book</a></p>"
        "</body></html>", encoding="utf-8")
    issue = inspect(page)["page"]["issues"][0]
    assert [d["text"] for d in issue["dropped"]] == ["Your details", "Keep us in your book"]


def picture_mail(html_words: str) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Poster Club <hello@posterclub.example>"
    message["Subject"] = "Poster Club: the November print"
    message["Date"] = "Thu, 27 Nov 2026 09:00:00 +0000"
    message.set_content(
        "This month's print is a two-colour linocut of the harbour at dusk by Mira Stone.\n"
        "It is printed on heavy cotton paper in an edition of sixty, and ships in a tube\n"
        "on the fifth of December. Members get it at half price until Sunday.\n")
    message.add_alternative(
        '<html><body><a href="https://posterclub.example/nov"><img src="https://posterclub'
        f'.example/print.jpg" alt="The November print" width="600"></a>{html_words}'
        '</body></html>', subtype="html")
    return bytes(message)


def test_a_mail_drawn_in_pictures_is_read_from_its_plain_text_body():
    (part,) = read_bytes("poster.eml", picture_mail("<p>Buy now</p>")).parts
    assert part.blocks[0].text.startswith("This month's print is a two-colour linocut")
    assert part.meta.title == "Poster Club: the November print"


def test_an_html_body_with_words_of_its_own_is_still_the_one_read():
    words = "<p>" + "The harbour at dusk, cut in lino and printed in two colours. " * 5 + "</p>"
    (part,) = read_bytes("poster.eml", picture_mail(words)).parts
    assert [b.kind for b in part.blocks][:1] == ["caption"]  # the picture's own words
    assert part.blocks[1].text.startswith("The harbour at dusk")


def test_pictures_alternative_texts_are_not_the_words_of_an_html_body():
    pictures = "".join(f'<img src="https://posterclub.example/p{n}.jpg" alt="A linocut print '
                       f'of the harbour, view {n}" width="600" height="400">' for n in range(8))
    (part,) = read_bytes("poster.eml", picture_mail(pictures)).parts
    assert part.blocks[0].text.startswith("This month's print is a two-colour linocut")


def test_a_greeting_under_the_logo_is_the_letters_text_not_the_logos_caption():
    from digest.segment import load_profiles, segment_document

    html = ('<html><body><p style="text-align:center"><img src="https://cdn.example/logo.png" '
            'alt="Quinlan Studio" width="160"></p><p>Hey there,</p><p>Last month I printed '
            'four hundred posters for the riverside festival on a press older than I am.</p>'
            '</body></html>')
    (issue,), _ = segment_document(read_bytes("letter.html", html.encode()), *load_profiles())
    assert [d.text for d in issue.dropped if d.kind == "caption"] == ["Quinlan Studio"]
    assert issue.sections[0].paragraphs[0].text == "Hey there,"


def test_a_govdelivery_bulletin_loses_its_subscriber_furniture(tmp_path):
    """A public agency's bulletin: "Bookmark (What's this?)", "Stay Connected with …" and
    "SUBSCRIBER SERVICES:" are the platform's, dropped; the notices are the text."""
    from _letters import issue_of, mail

    from digest.segment import load_profiles

    body = ('<p>Bookmark <a href="https://public.govdelivery.com/accounts/XXTOWN/subscriber/'
            'topics?qsp=1">(What\'s this?)</a></p><h1>Public Works Update</h1>'
            "<p><strong>1. Bridge closes on March 23</strong></p><p>The Mill Road bridge "
            "closes for deck repairs until June.</p><p><strong>Stay Connected with Town Public "
            "Works:</strong></p><p>SUBSCRIBER SERVICES:<br><a href=\"https://public.govdelivery."
            "com/accounts/XXTOWN/subscriber/edit\">Manage Subscriptions</a></p>")
    issue = issue_of("bulletin.eml", mail(
        body, "Town Public Works <townpw@public.govdelivery.com>", "Public Works Update",
        "Fri, 13 Mar 2026 16:00:00 +0000",
        Message_ID="<1.bulletin@public.govdelivery.com>"), load_profiles())
    dropped = {d.text for d in issue.dropped if d.kind == "chrome"}
    assert {"Bookmark (What's this?)", "Stay Connected with Town Public Works:",
            "SUBSCRIBER SERVICES:"} <= dropped
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "deck repairs" in kept and "Stay Connected" not in kept


CARDS_DIGEST = """<h1>Daily Digest</h1><h2>Today's highlights</h2>
<p>Rhea Kallström in Field Notes</p>
<h3><a href="https://posts.example/p/desk">A month at a kitchen counter</a></h3>
<p>What an accidental experiment taught me about posture and snacks</p>
<p>Devan Osei in Pipeline Quarterly</p>
<h3><a href="https://posts.example/p/fresh">Your warehouse is lying about freshness</a></h3>
<p>Three timestamp mistakes I find in every analytics stack</p>
<p>See more of what you like and less of what you don't.</p>
<h2>Calls for testing</h2>
<h3><a href="https://tests.example/rfcs">RFCs</a></h3>
<h3><a href="https://tests.example/tools">Tools</a></h3>
<p>If you would like your feature on this list, add the testing label to it.</p>
"""


def test_linked_titles_each_over_a_line_of_text_are_entries_with_their_writer():
    """A platform's digest of posts: each post a linked title over its subtitle, the writer's
    line above it. Titles with nothing under them stay subheads."""
    from _letters import issue_of, mail

    from digest.segment import load_profiles

    issue = issue_of("digest.eml", mail(CARDS_DIGEST, "Daily Digest <noreply@posts.example>",
                                        "Daily Digest", "Tue, 10 Mar 2026 07:00:00 +0000"),
                     load_profiles())
    today = next(s for s in issue.sections if s.heading == "Today's highlights")
    assert [(i.title, i.author, i.excerpt, i.links[0].url) for i in today.items] == [
        ("A month at a kitchen counter", "Rhea Kallström in Field Notes",
         "What an accidental experiment taught me about posture and snacks",
         "https://posts.example/p/desk"),
        ("Your warehouse is lying about freshness", "Devan Osei in Pipeline Quarterly",
         "Three timestamp mistakes I find in every analytics stack",
         "https://posts.example/p/fresh")]
    assert [p.text for p in today.paragraphs] == [
        "See more of what you like and less of what you don't."]
    testing = next(s for s in issue.sections if s.heading == "Calls for testing")
    assert not testing.items and [s.heading for s in testing.subsections] == ["RFCs", "Tools"]


def test_a_table_whose_cells_each_hold_one_paragraph_is_a_data_table():
    """Word, Outlook and Google Docs set every cell's text in a <p class=MsoNormal>: the
    table is still rows, not a heading per cell; a layout table's cells hold several."""
    from digest.ingest.html import read_html

    cells = [("Date", "What", "Where"), ("Sat 28 Nov, 5pm", "Lights switch-on", "The green"),
             ("Wed 9 Dec, 7.30pm", "Parish council", "Village hall")]
    rows = "".join("<tr>" + "".join(f"<td><p class=MsoNormal><span>{c}</span></p></td>"
                                    for c in row) + "</tr>" for row in cells)
    part = read_html(f"<html><body><h2>Diary dates</h2><table>{rows}</table></body></html>")
    assert [(b.kind, b.text) for b in part.blocks if b.kind == "row"] == [
        ("row", " | ".join(row)) for row in cells]
    layout = read_html("<html><body><table><tr><td><p>One story.</p><p>Its second paragraph."
                       "</p></td><td><p>Another.</p><p>More.</p></td></tr><tr><td><p>A</p><p>B"
                       "</p></td><td><p>C</p><p>D</p></td></tr></table></body></html>")
    assert not [b for b in layout.blocks if b.kind == "row"]


def test_substacks_open_in_app_row_is_chrome_and_the_title_heads_the_issue():
    """"Open in app or view online" over the post's title was its lead (and its summary)."""
    from _letters import issue_of, mail

    from digest.segment import load_profiles

    profiles = load_profiles()

    post = "https://quietwire.substack.com/p/the-long-way-round"
    html = ('<table><tr><td align="right" class="meta-author-wrap">'
            f'<a href="{post}?utm_source=email&amp;redirect=app-store">Open in app</a> or '
            f'<a href="{post}?utm_source=email">view online</a></td></tr></table>'
            '<table><tr><td align="center"><a href="https://quietwire.substack.com/">'
            '<img src="https://substackcdn.com/logo.png" width="48" height="48" '
            'alt="Quiet Wire"></a></td></tr></table>'
            f'<h1 class="post-title"><a href="{post}?utm_source=substack">The long way round'
            '</a></h1><h3 class="subtitle">Why the ferry timetable matters more than the '
            "bridge</h3>"
            "<p>Every winter the ferry timetable changes and nobody notices until March. This "
            "year the last crossing moved forty minutes earlier.</p>"
            "<h2>What changed</h2><p>The operator cut two late sailings and added one at "
            "dawn. Commuters lose, the fish market wins.</p>")
    issue = issue_of("post.eml", mail(html, "Quiet Wire <quietwire@substack.com>",
                                      "The long way round", "Tue, 03 Mar 2026 12:00:00 +0000"),
                     profiles)
    assert ("chrome", "Open in app or view online") in [(d.kind, d.text) for d in issue.dropped]
    assert issue.sections[0].paragraphs[0].text.startswith("Every winter the ferry")


def test_the_readers_own_address_is_never_published(tmp_path):
    """The footer naming the address the letter went to is the reader's, whatever its
    language; the address is taken out of longer text too, and no link leads to it."""
    mail = tmp_path / "lettre.eml"
    mail.write_text(
        "From: La Lettre du Port <lettre@port.example>\nTo: mira.k@inbox.example\n"
        "Subject: Les quais en mars\nDate: Fri, 13 Mar 2026 08:00:00 +0000\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<h1>Les quais en mars</h1><p>Les travaux du quai nord reprennent lundi et dureront "
        "trois semaines, avec une passerelle provisoire pour les piétons.</p>"
        "<p>Vos questions sur les travaux ? Nous les lisons toutes, et nous répondrons dans "
        "le prochain numéro à celles qui reviennent le plus souvent, que vous écriviez de "
        "mira.k@inbox.example ou d'ailleurs. Les riverains du quai nord recevront aussi une "
        "lettre de la mairie avec le plan de la passerelle, les horaires du chantier et le "
        "numéro à appeler en cas de bruit la nuit ou de livraison bloquée.</p>"
        "<p>Cet e-mail a été envoyé à <a href='mailto:mira.k@inbox.example'>"
        "mira.k@inbox.example</a>.</p>", encoding="utf-8")
    issue = inspect(mail)["lettre"]["issues"][0]
    assert "mira.k@inbox.example" not in json.dumps(issue)
    assert any(d["kind"] == "chrome" and d["text"].startswith("Cet e-mail a été envoyé à")
               for d in issue["dropped"])
    assert any("nous répondrons dans le prochain numéro" in t for t in texts(issue))
