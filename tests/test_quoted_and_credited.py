"""Lines that belong to what is around them, not to the text: readers' letters quoted with
"> " in a plain-text letter, the name of the site an entry links to under it, the line naming
a contents list folded into a collapsed box, and the farewell after the last story. Fixtures
written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles

LETTER = """\
THE CORNER SHOP LETTER
======================

Dear neighbours, thank you for your letters. We print two of them, with our answers.

LETTERS
-------

> I was sorry to see the bread shelf go. Will you bring back the rye
> loaves on Saturdays?
> -- Anne, Mill Street

We will. The bakery delivers again from December, Saturdays only.

> Could the shop take card payments under five pounds?
>
> It would help with the bus fare.
> -- Tom, Park Road

Yes, from Monday: the bank lowered the fee on small payments.
"""

LINKS = """\
<html lang="en"><body><h1>Linkbox 140</h1><p>Three links worth your week.</p>
<table>
<tr><td><a href="https://deep.example.com/rivers?utm_source=linkbox"><b>How rivers move their
beds</b></a><br>A long read on meanders, with satellite photos taken twenty years apart.<br>
<span>deep.example.com</span></td></tr>
<tr><td><a href="https://www.sound.example.org/choirs"><b>Why choirs sound better in old
churches</b></a><br>Stone walls and high ceilings make a reverb that hides small mistakes.<br>
<span>sound.example.org</span></td></tr>
<tr><td><a href="https://cook.example.net/salt"><b>The case for salting pasta water less</b>
</a><br>Most of the salt goes down the drain, a chef found. Her notes are on
example.org.<br><span>example.org</span></td></tr>
</table></body></html>
"""

GARDEN = """\
---
title: "Garden Notes #31"
date: 2026-11-20
---

Hello gardeners! The first frost came early this year.

<details>
<summary>In this issue</summary>

- Frost cloth that works
- Bulbs to plant now

</details>

## Frost cloth that works

Cheap frost cloth tears after one season; the heavier fabric lasted three winters.

## Bulbs to plant now

Tulips go in after the first frost, when the soil has cooled enough to keep fungus away.
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_quoted_letters_read_without_their_marks_each_with_its_writer(profiles):
    issue = issue_of("letter.txt", LETTER.encode(), profiles)
    letters = issue.sections[-1]
    assert [(p.kind, p.text) for p in letters.paragraphs] == [
        ("quote", "I was sorry to see the bread shelf go. Will you bring back the rye loaves "
                  "on Saturdays?"),
        ("quote", "-- Anne, Mill Street"),
        ("text", "We will. The bakery delivers again from December, Saturdays only."),
        ("quote", "Could the shop take card payments under five pounds?"),
        ("quote", "It would help with the bus fare."),
        ("quote", "-- Tom, Park Road"),
        ("text", "Yes, from Monday: the bank lowered the fee on small payments.")]


def test_the_name_of_the_site_an_entry_links_to_is_not_its_text(profiles):
    issue = issue_of("links.html", LINKS.encode(), profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs] + [
        i.excerpt for s in issue.sections for i in s.items]  # linked titles over their blurbs
    assert "deep.example.com" not in texts and "sound.example.org" not in texts
    assert {d.text for d in issue.dropped} == {"deep.example.com", "sound.example.org"}
    assert "A long read on meanders, with satellite photos taken twenty years apart." in texts
    assert "example.org" in texts  # a site the entry does not link to stays


def test_the_line_naming_a_collapsed_contents_list_goes_with_it(profiles):
    issue = issue_of("2026-11-20-garden.md", GARDEN.encode(), profiles)
    assert [p.text for p in issue.sections[0].paragraphs] == [
        "Hello gardeners! The first frost came early this year."]
    assert {"In this issue", "Frost cloth that works"} <= {d.text for d in issue.dropped}
    assert [s.heading for s in issue.sections[1:]] == ["Frost cloth that works",
                                                       "Bulbs to plant now"]


BRIEF = """\
<html lang="{lang}"><body><h1>Friday brief</h1>
<p>Good morning. Three things before your coffee gets cold.</p>
<h2>1️⃣ Rail fares freeze</h2>
<p>The government froze rail fares for a year. Operators say they will cut weekend trains.</p>
<h2>2️⃣ The museum night</h2>
<p>Twenty museums stay open until midnight on Saturday, with free entry after eight.</p>
<p>{last}</p>
<p>Sent to you by Friday Brief, 1 Station Road.
<a href="https://brief.example/unsubscribe">Unsubscribe</a></p></body></html>
"""


@pytest.mark.parametrize(("lang", "last"), [
    ("en", "Have a good weekend!"), ("es", "¡Hasta la próxima semana!"),
    ("en", "See you next Friday!<br>Lucía and the Brief team"),
    ("es", "¡Hasta el viernes que viene!</p><p>Lucía</p><p>Redacción de Friday Brief")],
    ids=["en", "es", "en over a signature", "es over two lines of signature"])
def test_a_short_farewell_after_the_last_story_is_a_sign_off(lang, last, profiles):
    issue = issue_of("brief.html", BRIEF.format(lang=lang, last=last).encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "Twenty museums stay open until midnight on Saturday, with free entry after eight."]
    signed = [line for part in last.split("<br>") for line in part.split("</p><p>")]
    assert [d.text for d in issue.dropped if d.kind == "signoff"] == signed


def test_a_short_exclamation_over_a_line_that_is_no_name_stays(profiles):
    page = BRIEF.format(lang="en", last="Book early!</p><p>Tickets go on sale on 3 May.")
    issue = issue_of("brief.html", page.encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs][-2:] == [
        "Book early!", "Tickets go on sale on 3 May."]


def test_an_exclamation_that_is_a_sections_whole_text_stays(profiles):
    page = BRIEF.format(lang="en", last="").replace(
        "<p></p>", "<h2>3️⃣ One more thing</h2><p>Go vote!</p>")
    issue = issue_of("brief.html", page.encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs] == ["Go vote!"]


def test_an_invitation_to_reply_to_this_mail_closing_the_issue_is_chrome(profiles):
    text = ("# The Static Weekly 88\n\n## [One-file themes](https://themes.example.com/one)\n\n"
            "A theme that ships as a single template with inline CSS loads fast and is easy "
            "to fork.\n\n---\n\n*Found something for the next issue? Reply to this mail.*\n")
    issue = issue_of("2026-11-21-static.md", text.encode(), profiles)
    assert [p.text for p in issue.sections[-1].paragraphs] == [
        "A theme that ships as a single template with inline CSS loads fast and is easy to fork."]
    assert ("chrome", "Found something for the next issue? Reply to this mail.") in {
        (d.kind, d.text) for d in issue.dropped}


LIST_DIGEST = """\
Send Ferns-list mailing list submissions to
\tferns@lists.example.org

Today's Topics:

   1. Hart's tongue by the old well (Ruth Amos)
   2. Re: Hart's tongue by the old well (Ken Ito)

----------------------------------------------------------------------

Message: 1
Date: Tue, 25 Nov 2026 08:02:11 +0000
From: Ruth Amos <ruth@example.org>
Subject: Hart's tongue by the old well

A fine clump of hart's tongue fern has come up in the wall of the old well on Mill
Lane, a dozen fronds at least, some of them half a metre long.

------------------------------

Message: 2
Date: Tue, 25 Nov 2026 10:15:40 +0000
From: Ken Ito <ken@example.org>
Subject: Re: Hart's tongue by the old well

I went to look this morning: there are fifteen fronds, and a young plant two stones
further down. The wall stays damp all year, which they like.

> A fine clump of hart's tongue fern has come up in the wall of the old well on Mill
> Lane, a dozen fronds at least.

------------------------------

End of Ferns-list Digest, Vol 3, Issue 12
*****************************************
"""


def test_a_mailing_list_digest_has_a_section_per_message_headed_by_its_subject(profiles):
    from digest.summarize import SummaryConfig, summarize_issue

    issue = issue_of("ferns.txt", LIST_DIGEST.encode(), profiles)
    assert issue.title == "Ferns-list Digest, Vol 3, Issue 12"
    assert [s.heading for s in issue.sections] == [
        "Hart's tongue by the old well", "Re: Hart's tongue by the old well"]
    dropped = {d.text for d in issue.dropped}
    assert {"Send Ferns-list mailing list submissions to", "From: Ken Ito <ken@example.org>",
            "End of Ferns-list Digest, Vol 3, Issue 12"} <= dropped
    roomy = SummaryConfig(budget_ratio=1.0, budget_max_words=10_000, budget_ceiling=1.0,
                          budget_min_words=1_000)
    reply = [s.text for s in summarize_issue(issue, roomy).sections[1].sentences]
    assert reply[0].startswith("I went to look this morning")
    assert not any("clump" in text for text in reply)  # its own words, not those it quotes


def test_a_digests_last_message_above_the_lists_footer_is_kept(profiles):
    """Mailman 3 writes its message headers (To, Message-ID, Content-Type) and, after the last
    message, a footer with the address to leave the list: the last message, one paragraph
    of a few sentences under its subject, was swept away with that footer."""
    last = ("Message: 3\nDate: Mon, 16 Nov 2026 06:40:02 +0000\nFrom: Equipment officer "
            "<kit@example.org>\nSubject: Loan scope returned with a cracked finder\nTo: "
            "ferns@lists.example.org\nMessage-ID: <kit-1116@example.org>\nContent-Type: "
            "text/plain; charset=utf-8\n\nThe loan telescope came back on Saturday with its "
            "finder cracked. Accidents happen and nobody is in trouble, but please tell me when\n"
            "something breaks so that the next borrower is not let down. A new finder is on\n"
            "order and the scope can be borrowed again from the first of December.\n\n"
            + "-" * 30 + "\n\nSubject: Digest Footer\n\nFerns-list mailing list -- "
            "ferns@lists.example.org\nTo unsubscribe send an email to "
            "ferns-leave@lists.example.org\n\n" + "-" * 30 + "\n\n")
    digest = LIST_DIGEST.replace("End of Ferns-list", last + "End of Ferns-list")
    issue = issue_of("ferns.txt", digest.encode(), profiles)
    assert issue.sections[-1].heading == "Loan scope returned with a cracked finder"
    assert issue.sections[-1].paragraphs[0].text.startswith("The loan telescope came back")
    assert len(issue.sections[-1].paragraphs) == 1  # the footer part is no text of it
    assert {"Subject: Digest Footer", "Ferns-list mailing list -- ferns@lists.example.org"} <= {
        d.text for d in issue.dropped}


def test_an_attachment_the_list_scrubbed_is_furniture_not_a_section(profiles):
    scrubbed = LIST_DIGEST.replace(
        "some of them half a metre long.\n",
        "some of them half a metre long.\n-------------- next part --------------\n"
        "A non-text attachment was scrubbed...\nName: well.jpg\nType: image/jpeg\n"
        "Size: 48211 bytes\nURL: <https://lists.example.org/attachments/well.jpg>\n")
    issue = issue_of("ferns.txt", scrubbed.encode(), profiles)
    assert [s.heading for s in issue.sections] == [
        "Hart's tongue by the old well", "Re: Hart's tongue by the old well"]
    assert {"-------------- next part --------------", "A non-text attachment was scrubbed...",
            "Name: well.jpg"} <= {d.text for d in issue.dropped}


def test_a_digests_shared_list_tag_leaves_its_messages_headings(profiles):
    tagged = LIST_DIGEST.replace("Subject: Hart's", "Subject: [Ferns-list] Hart's").replace(
        "Subject: Re: Hart's", "Subject: Re: [Ferns-list] Hart's")
    issue = issue_of("ferns.txt", tagged.encode(), profiles)
    assert [s.heading for s in issue.sections] == [
        "Hart's tongue by the old well", "Re: Hart's tongue by the old well"]


@pytest.mark.parametrize("sender, publication", [
    ("Wendell Ashby <wendell@chess.example>", "Harbour Chess"),
    ("Harbour Chess Club <announce@chess.example>", "Harbour Chess Club"),
    ('"main@HarbourChess.groups.example" <main@HarbourChess.groups.example>', "Harbour Chess"),
])
def test_a_lists_tag_on_the_subject_names_the_list_a_person_posts_to(sender, publication,
                                                                      profiles):
    """"[Harbour Chess] Club news…" from a person, on a list whose List-Id names it so: the
    list is the newsletter (it was "Wendell Ashby"), the title its subject without the tag."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = "[Harbour Chess] Club news: winter rapidplay"
    message["Date"] = "Tue, 24 Nov 2026 19:00:00 +0000"
    message["List-Id"] = "Harbour Chess Club announcements <announce.chess.example>"
    message.set_content("The winter rapidplay is on Saturday 12 December at the Anchor Rooms.\n")
    issue = issue_of("news.eml", bytes(message), profiles)
    assert (issue.publication, issue.title) == (publication, "Club news: winter rapidplay")


@pytest.mark.parametrize("list_id, publication", [
    ("Hedgerow Emacs Weekly <hedgerow-weekly.lists.example.org>", "Hedgerow Emacs Weekly"),
    ("<hedgerow-weekly.lists.example.org>", "Hedgerow Weekly"),
])
def test_a_tag_that_is_the_lists_label_names_it_as_its_list_id_does(list_id, publication,
                                                                    profiles):
    """Mailman's default tag is the list's label ("[hedgerow-weekly]"): the newsletter is
    named as the List-Id names it, as the issues in its folder without the tag are."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Wren Talbot <wren@hedgerow.example>"
    message["Subject"] = "[hedgerow-weekly] Hedgerow Emacs Weekly: Issue 113"
    message["Date"] = "Mon, 16 Mar 2026 07:00:00 +0000"
    message["List-Id"] = list_id
    message.set_content("Three new packages this week and a long thread on fonts.\n")
    issue = issue_of("113.eml", bytes(message), profiles)
    assert (issue.publication, issue.title) == (publication, "Hedgerow Emacs Weekly: Issue 113")


@pytest.mark.parametrize("subject, title", [
    ("[Eastbank Riders] Ride Notes #32", "Ride Notes #32"),
    ("[Eastbank Riders] [Corrected] Ride Notes #32", "[Corrected] Ride Notes #32"),
    ("Re: [Eastbank Riders] Ride Notes #32", "Re: Ride Notes #32"),
])
def test_the_lists_tag_leaves_the_title_when_the_list_is_named_by_its_list_id(subject, title,
                                                                              profiles):
    """The List-Id names the list as the tag does: the tag is no part of any issue's title (a
    corrected resend was never matched with the copy it corrects), and a member's reply
    keeps its "Re:" (it was titled as the issue it answers)."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Colin Ashdown via Eastbank-riders <riders@lists.example.org>"
    message["Subject"] = subject
    message["Date"] = "Fri, 13 Mar 2026 18:00:00 +0000"
    message["List-Id"] = "Eastbank Riders <eastbank-riders.lists.example.org>"
    message.set_content("Saturday's long ride leaves the Lido car park at 8.30.\n")
    issue = issue_of("32.eml", bytes(message), profiles)
    assert (issue.publication, issue.title) == ("Eastbank Riders", title)


@pytest.mark.parametrize("subject, list_id, publication, title", [
    # a category in brackets is no list's name, though the List-Id's description holds it:
    # the project the subject opens with, which the sender's address and the list's name, is
    ("[SECURITY] Tollgate 3.4.1 fixes a header overflow",
     "Tollgate security announcements <tollgate-sec.lists.example.org>", "Tollgate",
     "[SECURITY] Tollgate 3.4.1 fixes a header overflow"),
    # fml numbers each message after the list's label: the label names it, the rest titles
    ("[quill-notes:00231] Quill 2.0 のお知らせ", "quill-notes.ml.example.org", "Quill Notes",
     "Quill 2.0 のお知らせ"),
])
def test_a_category_tag_is_no_lists_name_and_a_counted_tag_names_the_list(
        subject, list_id, publication, title, profiles):
    """"[SECURITY]" on a list described as "… security announcements" named the newsletter
    "SECURITY"; fml's "[quill-notes:00231]" named it "[quill-notes" and stayed in the title."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Brin Okafor <brin@tollgate.example>"
    message["Subject"] = subject
    message["Date"] = "Wed, 18 Nov 2026 09:00:00 +0000"
    message["List-Id"] = list_id
    message.set_content("Upgrade at your convenience; the fix needs no configuration change.\n")
    issue = issue_of("notice.eml", bytes(message), profiles)
    assert (issue.publication, issue.title) == (publication, title)


def mime_digest() -> bytes:
    """The same digest as Mailman sends it by default: MIME, each message a part of its own,
    the list named only by its List-Id, its footer after the last message."""
    from email.message import EmailMessage
    from email.mime.message import MIMEMessage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    outer = MIMEMultipart("mixed")
    outer["From"] = "ferns-request@lists.example.org"
    outer["Subject"] = "Ferns-list Digest, Vol 3, Issue 12"
    outer["Date"] = "Tue, 25 Nov 2026 12:00:00 +0000"
    outer["List-Id"] = "Fern spotters of the valley <ferns.lists.example.org>"
    outer.attach(MIMEText(LIST_DIGEST.split("-" * 70)[0], "plain"))
    messages = MIMEMultipart("digest")
    for sender, subject, body in (
            ("Ruth Amos <ruth@example.org>", "Hart's tongue by the old well",
             "A fine clump of hart's tongue fern has come up in the wall of the old well.\n"),
            ("Ken Ito <ken@example.org>", "Re: Hart's tongue by the old well",
             "I went to look this morning: there are fifteen fronds.\n\n> A fine clump.\n")):
        message = EmailMessage()
        message["From"], message["Subject"] = sender, subject
        message["Date"] = "Tue, 25 Nov 2026 08:02:11 +0000"
        message.set_content(body)
        messages.attach(MIMEMessage(message))
    outer.attach(messages)
    outer.attach(MIMEText("_______________________________________________\nFerns-list mailing "
                          "list\nferns@lists.example.org\nhttps://lists.example.org/ferns\n",
                          "plain"))
    return outer.as_bytes()


def test_a_mime_digest_has_a_section_per_message_and_the_list_names_it(profiles):
    issue = issue_of("ferns.eml", mime_digest(), profiles)
    assert issue.publication == "Fern spotters of the valley"
    assert [s.heading for s in issue.sections] == [
        "Hart's tongue by the old well", "Re: Hart's tongue by the old well"]
    assert [p.text for p in issue.sections[0].paragraphs] == [
        "A fine clump of hart's tongue fern has come up in the wall of the old well."]
    assert [p.text for p in issue.sections[1].paragraphs][0] == (
        "I went to look this morning: there are fifteen fronds.")
    dropped = {d.text for d in issue.dropped}
    assert {"From: Ken Ito <ken@example.org>", "Ferns-list mailing list",
            "Send Ferns-list mailing list submissions to"} <= dropped


ESSAY = """\
<!doctype html><html lang="en"><head><title>The night train returns</title>
<meta name="date" content="2026-06-12"></head><body><article>
<h1>The night train returns</h1>
<p>Ten years ago most sleeper trains had been cut. Operators said nobody wanted them.</p>
<p>That has changed. Three routes opened this spring, and the busiest of them sells out weeks
ahead in summer.</p>
<blockquote class="pullquote"><p>The busiest of them sells out weeks ahead in summer.</p>
</blockquote>
<p>A sleeper leaves one city at night and arrives in another at breakfast.</p>
<blockquote><p>We sold every berth for August by the end of March.</p></blockquote>
<p>So said the operator's director, who plans two more routes.</p>
</article></body></html>
"""


GROUP_DIGEST = """<p>Digest for plotholders@groups.example - 2 updates in 2 topics</p>
<h2><a href="https://groups.example/g/plotholders/t/1">Seed swap on Saturday</a></h2>
<p>Ruth Amos &lt;ruth.amos@example.org&gt;: May 14 09:12AM +0100</p>
<p>The spring seed swap is on Saturday from ten till twelve in the library's community room.
Bring spare seed in labelled envelopes.</p>
<h2><a href="https://groups.example/g/plotholders/t/2">Troughs switched on</a></h2>
<p>Plot Committee &lt;committee@plots.example&gt;: May 14 02:30PM +0100</p>
<p>The council turned the water back on this morning, so all eight troughs are filling.</p>
"""


def test_a_group_digest_hides_who_posted_and_is_named_by_its_list(profiles):
    """The "Name <address>: time" line over each post is a byline, never shown (nor its
    address); a list whose List-Id has no phrase is named by its label."""
    from digest.summarize import summarize_issue

    issue = issue_of("group.eml", mail(GROUP_DIGEST, "plotholders@groups.example",
                                       "[plotholders] Digest - 2 updates in 2 topics",
                                       "Thu, 14 May 2026 16:04:12 +0000",
                                       List_ID="<plotholders.groups.example>"), profiles)
    assert issue.publication == "Plotholders"
    assert {("byline", "Ruth Amos <ruth.amos@example.org>: May 14 09:12AM +0100")} <= {
        (d.kind, d.text) for d in issue.dropped}
    shown = [s.text for d in summarize_issue(issue).sections for s in d.sentences]
    assert shown and not [t for t in shown if "@" in t]


def test_a_notification_senders_name_is_whoever_acted_and_its_list_names_it(profiles):
    """GitHub sends each release notice from "<who pushed it> <notifications@github.com>":
    the repository its List-Id names is the newsletter, not a new one per person."""
    for actor in ("Anwen Li", "Tom Ruiz"):
        issue = issue_of("release.eml", mail(
            "<p>Tilekit 4.2 adds lantern layers and fixes the tile cache.</p>",
            f"{actor} <notifications@github.com>", "[mossgrove/tilekit] Release v4.2.0",
            "Thu, 12 Mar 2026 10:00:00 +0000",
            List_ID="mossgrove/tilekit <tilekit.mossgrove.github.com>"), profiles)
        assert issue.publication == "mossgrove/tilekit"


def test_a_pull_quote_repeating_the_text_is_left_out_and_a_real_quote_kept(profiles):
    issue = issue_of("essay.html", ESSAY.encode(), profiles)
    quotes = [p.text for s in issue.sections for p in s.paragraphs if p.kind == "quote"]
    assert quotes == ["We sold every berth for August by the end of March."]
    assert ("chrome", "The busiest of them sells out weeks ahead in summer.") in {
        (d.kind, d.text) for d in issue.dropped}


PICTURED = """\
<!doctype html><html lang="{lang}"><head><title>{title}</title>
<meta name="date" content="2026-06-23"></head><body>
<h1>{title}</h1>
<p>{opening}</p>
<h2>{heading}</h2>
<p>{story}</p>
<img src="https://example.org/square.jpg" alt="{alt}" width="600" height="300">
<p><em>{credit}</em></p>
<img src="https://example.org/icon.png" alt="Instagram" width="24" height="24">
<h2>{heading2}</h2>
<p>{story2}</p>
</body></html>
"""


@pytest.mark.parametrize("lang, parts", [
    ("en", {"title": "Northside News", "opening": "Hello, neighbours! Works and a party.",
            "heading": "Works on the square",
            "story": "From Monday half the square is closed while the paving is replaced.",
            "alt": "The square seen from the fountain", "credit": "Photo: Lucy Marsh",
            "heading2": "Saturday party",
            "story2": "The party starts at six with music on the high street."}),
    ("es", {"title": "Boletín del barrio", "opening": "¡Hola, vecinos! Obras y una fiesta.",
            "heading": "Obras en la plaza",
            "story": "Desde el lunes se cierra la mitad de la plaza para cambiar el pavimento.",
            "alt": "La plaza vista desde la fuente", "credit": "Foto: Lucía Marín",
            "heading2": "Fiesta del sábado",
            "story2": "La fiesta empieza a las seis con música en la calle Mayor."}),
])
def test_a_story_above_a_picture_is_kept_and_the_credit_under_it_dropped(lang, parts,
                                                                        profiles):
    issue = issue_of("bulletin.html", PICTURED.format(lang=lang, **parts).encode(), profiles)
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in issue.sections[1:]] == [
        (parts["heading"], [parts["story"]]), (parts["heading2"], [parts["story2"]])]
    dropped = {(d.kind, d.text) for d in issue.dropped}
    assert {("caption", parts["alt"]), ("credit", parts["credit"])} <= dropped
    assert "Instagram" not in {d.text for d in issue.dropped}  # an icon says nothing


EDITORS = """\
---
title: "Borrow Notes 12"
date: 2026-06-24
---

## Quote of the Week

> Borrowing is sharing with rules.

– [Ana Lima on the forum](https://forum.example.org/t/1)

Please send us your quotes for next week!

Borrow Notes is edited by:

* [ana](https://code.example.org/ana)
* [joel](https://code.example.org/joel)
* [sam-o](https://code.example.org/sam-o)
"""


@pytest.mark.parametrize("credit", ["list", "line"])
def test_the_names_a_credit_introduces_are_credits_and_the_line_above_stays(credit, profiles):
    text = EDITORS if credit == "list" else EDITORS.split("Borrow Notes is edited by:")[0] + \
        "Borrow Notes is edited by: ana, joel and sam-o.\n"
    issue = issue_of("2026-06-24-borrow-notes.md", text.encode(), profiles)
    credits = [d.text for d in issue.dropped if d.kind == "credit"]
    assert credits == (["Borrow Notes is edited by:", "ana", "joel", "sam-o"] if credit == "list"
                       else ["Borrow Notes is edited by: ana, joel and sam-o."])
    (section,) = issue.sections
    assert "Please send us your quotes for next week!" in [p.text for p in section.paragraphs]
    assert not [i.text for i in section.items if i.text in ("ana", "joel", "sam-o")]


def test_a_shows_production_credits_are_credit(profiles):
    text = ("# Night Shift, episode 58\n\nA night with the crew that cleans the tunnels.\n\n"
            "## Credits\n\nProduced by Lena Ortiz. Mixed by Sam Reed. Music by The Quiet Hours.\n")
    issue = issue_of("2026-11-24-night-shift.md", text.encode(), profiles)
    assert ("credit", "Produced by Lena Ortiz. Mixed by Sam Reed. Music by The Quiet Hours.") \
        in {(d.kind, d.text) for d in issue.dropped}
    assert [s.heading for s in issue.sections] == [None]


PICTURE = """\
<html><body><h1>City weekly</h1>
<p>Good morning. Sheep are back in the parks, and the Christmas market opens soon.</p>
<h2>Parks</h2>
<p>Three city parks have sheep again. The city is testing whether they mow the grass more
cheaply than machines, and whether they are better for insects.</p>
<p><img src="https://weekly.example/sheep.jpg" alt="Sheep in the park" width="560"><br>
<i>{under}</i></p>
<h2>Events</h2>
<p>The Christmas market opens on the square on 28 November and runs until the new year.</p>
</body></html>
"""


@pytest.mark.parametrize("under", ["Fot. Jan Kowalski", "Grazing by the pond in October"])
def test_a_short_line_right_under_a_picture_is_its_caption_in_any_language(under, profiles):
    issue = issue_of("weekly.html", PICTURE.format(under=under).encode(), profiles)
    assert ("caption", under) in {(d.kind, d.text) for d in issue.dropped}
    assert [(s.heading, s.dek) for s in issue.sections[1:]] == [("Parks", None),
                                                                ("Events", None)]


def test_a_line_under_a_picture_said_to_the_reader_stays(profiles):
    issue = issue_of("weekly.html", PICTURE.format(under="Come and see them!").encode(),
                     profiles)
    assert "Come and see them!" in [p.text for s in issue.sections for p in s.paragraphs]


MORNING = """\
<html><body><h1>Chips, checks and a cheaper Christmas</h1>
<p>November 16, 2026 | Presented by <a href="https://ledgerly.example/">Ledgerly</a></p>
<p>Good morning. Chip stocks had their best week since spring, and the post office wants to
stop delivering on Saturdays.</p>
<p>— Dana Kim, Luis Ortega</p>
<p>MARKETS</p>
<p>Chipmakers had their best week since April after cloud companies said they would spend
more on data centres next year.</p>
<p>ECONOMY</p>
<p>The post office proposed ending Saturday letter delivery to save two billion a year.</p>
</body></html>"""


def test_a_sponsor_named_on_the_issue_line_and_the_writers_dash_are_left_out(profiles):
    issue = issue_of("morning.html", MORNING.encode(), profiles)
    assert issue.dek == "November 16, 2026"
    assert [p.text for p in issue.sections[0].paragraphs] == [
        "Good morning. Chip stocks had their best week since spring, and the post office "
        "wants to stop delivering on Saturdays."]
    assert {("chrome", "Presented by Ledgerly"), ("signoff", "— Dana Kim, Luis Ortega")} <= {
        (d.kind, d.text) for d in issue.dropped}
    assert [s.heading for s in issue.sections] == [None, "MARKETS", "ECONOMY"]


@pytest.mark.parametrize("line, kind", [
    ("A photo of a ferry stuck sideways in the harbour went around the world on Tuesday.", None),
    ("The periodic table of Rust types has been updated, and the forum hit a million members.",
     None),
    ("A photo of the ferry stuck sideways in the harbour at dawn.", "caption"),
    ("Two charts showing how fares have risen since 2020.", "caption"),
], ids=["story", "news", "caption", "chart"])
def test_a_sentence_opening_like_a_pictures_description_is_text_when_it_tells(line, kind,
                                                                              profiles):
    text = (f"# Harbour Weekly 9\n\nThree things from the harbour this week.\n\n## Ferries\n\n"
            f"{line}\n\nThe company said no one was hurt and the ferry ran again by evening.\n")
    issue = issue_of("9.md", text.encode(), profiles)
    assert [d.kind for d in issue.dropped if d.text == line] == ([kind] if kind else [])


def test_an_image_roundups_blurb_over_its_photo_credit_is_the_story_not_a_caption(profiles):
    """Picture, title, blurb, "Photo: …": the credit is the picture's above the title, and the
    blurb under the title is what the pick says (it was dropped as the picture's caption)."""
    picks = "".join(
        f'<tr><td><img src="https://cdn.example/{n}.jpg" alt="{alt}" width="560"></td></tr>'
        f"<tr><td><h2>{title}</h2><p>{blurb}</p><p>Photo: {who}</p>"
        f'<p><a href="https://example.com/{n}">See more →</a></p></td></tr>'
        for n, (alt, title, blurb, who) in enumerate([
            ("Glazed tiles in a fan", "Kiln-fired fan tiles", "A ceramicist spent two years "
             "on a glaze that turns from ochre to teal in one firing.", "Oda Varga Studio"),
            ("Woven panels in a window", "Weaving with daylight", "Loose linen panels hung "
             "where the sun crosses them, so the piece changes every hour.", "Kalani Reyes")]))
    html = f"<html><body><h1>Pin Board #12</h1><table>{picks}</table></body></html>"
    issue = issue_of("12.eml", mail(html, "Pin Board <hi@pinboard.example>", "Pin Board #12"),
                     profiles)
    tiles = next(s for s in issue.sections if s.heading == "Kiln-fired fan tiles")
    assert [p.text for p in tiles.paragraphs][0].startswith("A ceramicist spent two years")
    assert ("credit", "Photo: Oda Varga Studio") in [(d.kind, d.text) for d in issue.dropped]


@pytest.mark.parametrize("picture", ["", "** (https://cdn.example/plot-17.jpg)\n"])
def test_a_sections_only_story_over_its_photo_credit_is_kept(picture, profiles):
    """Heading, (picture,) two sentences, "Photo: …", next heading: the sentences are the
    section's story, not the picture's caption (the section was left empty)."""
    text = ("Allotment news, March 2026\n\nSEED SWAP\n\nThe seed swap raised £412 for the "
            "community plot. Thanks to all who brought seeds.\n\nPLOT OF THE MONTH\n\n"
            f"{picture}Plot 9, dug by Ines and Paul, went from couch grass to neat beds in one "
            "winter. Paul built the cold frames from old windows and the beans are up.\n\n"
            "Photo: Dev Ashworth\n\nDATES\n\nSaturday 21 March: a work party at the hedge.\n")
    issue = issue_of("march.txt", text.encode(), profiles)
    plot = next(s for s in issue.sections if s.heading == "PLOT OF THE MONTH")
    assert [p.text for p in plot.paragraphs][-1].startswith("Plot 9, dug by Ines and Paul")
    assert ("credit", "Photo: Dev Ashworth") in [(d.kind, d.text) for d in issue.dropped]


def test_a_link_to_the_pictures_is_no_photo_credit(profiles):
    text = ("# Swap list 214\n\n## For sale: oak table and four chairs\n\nSolid oak, seats six "
            "with the leaf in, collection only from Hatch End.\n\n"
            "Photos: https://swap.example/photo/94120\n\n## Wanted: a sit-on-top kayak\n\n"
            "Anything that floats and has a paddle.\n")
    issue = issue_of("214.md", text.encode(), profiles)
    table = issue.sections[0] if issue.sections[0].heading else issue.sections[1]
    assert "Photos: https://swap.example/photo/94120" in [p.text for p in table.paragraphs]
    assert not [d for d in issue.dropped if d.kind == "credit"]


LIST_POST = """Three packages this week, and a long thread about fonts in the mode line.

The calendar package can now write events back to the server, with a dry run first.

That is all for this week.

{closing}
"""


@pytest.mark.parametrize("closing, kept", [
    ("_______________________________________________\nhedgerow-weekly mailing list\n"
     "hedgerow-weekly@lists.example.org\nhttps://lists.example.org/listinfo/hedgerow-weekly",
     []),
    ("-----\nNext issue: Monday 23 March", ["Next issue: Monday 23 March"]),
])
def test_a_mailing_lists_footer_under_the_last_rule_is_no_text(closing, kept, profiles):
    """Mailman's footer (the list's name, address and page under a rule) ends every post to
    the list: furniture, not the issue's last paragraph; a closing line with no address is
    the writer's."""
    data = mail(LIST_POST.format(closing=closing), "Wren Talbot <wren@hedgerow.example>",
                "Hedgerow weekly 113", "Mon, 16 Mar 2026 07:30:58 +0000", subtype="plain")
    issue = issue_of("113.eml", data, profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts[2:] == ["That is all for this week.", *kept]
    assert not any("mailing list" in t or "@lists" in t for t in texts)


POST_CARDS = """\
<html lang="en"><head><title>Harbour Letter 9</title>
<meta name="date" content="2026-04-14"></head><body>
<h1>Harbour Letter 9</h1>
<p>The ferry timetable changed again on Monday, and the council promised a review.</p>
<h2>What riders said</h2>
<p>Complaints came quickly. I asked @pilotfish about it and he sent me this.</p>
<div class="tweet"><a href="https://x.example/olabrandt/status/7">
<div class="tweet-header"><span>Ola Brandt </span><span>@olabrandt</span></div>
<div class="tweet-text">the seven forty boat left at eight twenty and nobody told us why</div></a>
<div class="tweet-footer"><span>7:41 AM · Apr 13, 2026</span>
<div><span>1,204</span><span>Likes</span> <span>96</span><span>Reposts</span></div></div></div>
<p>The operator blamed a crew shortage and said the timetable would settle by May.</p>
<h2>Elsewhere</h2>
<p>A sailing club posted a picture of the new pontoon, which opened last weekend.</p>
<table class="tweet"><tr><td>
<p><a href="https://x.example/gullclub">Gull Sailing Club</a><br>
<a href="https://x.example/gullclub">@gullclub</a></p>
<p>Pontoon two is open. Mind the fresh paint on the rails.
<a href="https://t.example/k2Pq">pic.x.example/k2Pq</a></p>
<p><a href="https://x.example/gullclub/status/8">5:02 PM • Apr 11, 2026</a></p>
<table><tr><td>88 Likes</td><td>12 Reposts</td><td>4 Replies</td></tr></table>
</td></tr></table>
<blockquote class="instagram-media">
<p><a href="https://ig.example/p/9">See the post on the app</a></p>
<p><a href="https://ig.example/p/9">A picture by Quay Bakery (@quaybakery)</a></p></blockquote>
<p>The club's open day is on the last Saturday of April, with free taster sails.</p>
</body></html>
"""


def test_a_post_embedded_as_a_card_is_an_attributed_quote_and_its_furniture_no_text(profiles):
    """Someone else's post drawn with divs or tables (Substack's and beehiiv's "tweet",
    Instagram's card) reads as a quote under its author's name, never as the writer's own
    text nor in a summary; its date, counts and links back to the network are dropped."""
    from digest.summarize import summarize_issue

    issue = issue_of("harbour.html", POST_CARDS.encode(), profiles)
    said, elsewhere = issue.sections[1], issue.sections[2]
    assert [(p.kind, p.text) for p in said.paragraphs] == [
        ("text", "Complaints came quickly. I asked @pilotfish about it and he sent me this."),
        ("quote", "the seven forty boat left at eight twenty and nobody told us why"),
        ("quote", "— Ola Brandt (@olabrandt)"),
        ("text", "The operator blamed a crew shortage and said the timetable would settle "
                 "by May.")]
    assert [(p.kind, p.text) for p in elsewhere.paragraphs] == [
        ("text", "A sailing club posted a picture of the new pontoon, which opened last "
                 "weekend."),
        ("quote", "Pontoon two is open. Mind the fresh paint on the rails."),
        ("quote", "— Gull Sailing Club (@gullclub)"),
        ("text", "The club's open day is on the last Saturday of April, with free taster "
                 "sails.")]
    assert not elsewhere.items
    dropped = {d.text for d in issue.dropped}
    assert {"7:41 AM · Apr 13, 2026", "5:02 PM • Apr 11, 2026", "88 Likes",
            "See the post on the app", "A picture by Quay Bakery (@quaybakery)"} <= dropped
    chosen = " ".join(s.text for d in summarize_issue(issue).sections for s in d.sentences)
    assert "nobody told us why" not in chosen and "fresh paint" not in chosen
