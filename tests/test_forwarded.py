"""A newsletter a reader forwarded to the mailbox digest reads is the newsletter's, not the
reader's: named, dated and titled by the forwarded header block, which is furniture, and
saved by `digest fetch` under the newsletter's folder. Fixtures written here."""

from __future__ import annotations

import mailbox

import pytest
from _letters import mail

from digest.cli import main
from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

LETTER = """Hi friends,

This week I wrote the queue I promised in the last issue. It is forty lines of code and it has
run for a week without a hiccup. Below is how it works and what I would change next time.

WHAT IT DOES

One process writes, every other process sends it jobs through a table. The writer takes jobs
in order, and a job that fails three times is parked for a human to look at.
"""

PLAIN_HEADER = """---------- Forwarded message ---------
From: Quiet Signals <lena@quietsignals.example>
Date: Sun, Nov 29, 2026 at 9:00 AM
Subject: Quiet Signals #20: a queue in forty lines
To: <sam@example.org>


"""

HTML_FORWARD = """<div dir="ltr">Thought you would like this one.<br><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Weitergeleitete Nachricht
---------<br>Von: <strong class="gmail_sendername">Stadtbrief</strong>
<span>&lt;post@stadtbrief.example&gt;</span><br>Datum: So., 29. Nov. 2026 um 09:00 Uhr<br>
Betreff: WG: Stadtbrief Nr. 43: Der Markt kehrt zurück<br>An: &lt;sam@example.org&gt;<br>
</div><br><br><h2>Der Markt kehrt zurück</h2>
<p>Der Wochenmarkt auf dem alten Platz öffnet am Samstag wieder, mit zwanzig Ständen.</p>
<p>Die Stadt hat die Gebühren für das erste Jahr erlassen.</p></div></div>"""


def forward(body: str, subtype: str = "plain") -> bytes:
    return mail(body, "Sam Reader <sam@example.org>", "Fwd: something",
                "Mon, 30 Nov 2026 08:12:00 +0000", subtype, To="digest-inbox@example.org",
                Message_ID=f"<{abs(hash(body))}@example.org>")


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_a_forwarded_text_letter_is_the_newsletters_and_still_reads_as_paragraphs(profiles):
    (issue,), _ = segment_document(read_bytes("fwd.eml", forward(PLAIN_HEADER + LETTER)),
                                   *profiles)
    assert (issue.publication, issue.title, issue.date.isoformat()) == (
        "Quiet Signals", "Quiet Signals #20: a queue in forty lines", "2026-11-29")
    assert [d.text for d in issue.dropped if d.kind == "chrome"][:2] == [
        "Forwarded message",  # its dashes read as a heading's decoration
        "From: Quiet Signals <lena@quietsignals.example>"]
    assert issue.sections[0].paragraphs[-1].text.endswith(
        "it has run for a week without a hiccup. Below is how it works and what I would change "
        "next time.")


def test_a_forwarded_html_mail_in_german_is_the_newsletters(profiles):
    (issue,), _ = segment_document(read_bytes("fwd.eml", forward(HTML_FORWARD, "html")),
                                   *profiles)
    assert (issue.publication, issue.title, issue.date.isoformat()) == (
        "Stadtbrief", "Stadtbrief Nr. 43: Der Markt kehrt zurück", "2026-11-29")
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert not any(t.startswith(("Von:", "Betreff:", "---")) for t in kept)


OUTLOOK_HTML = """<div class="WordSection1"><p class="MsoNormal">Thought the board would want
to see the piece on the ferry &#8211; see below.<o:p></o:p></p><p class="MsoNormal">Ruth</p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b>
Tarn Ferry News &lt;news@tarnferry.example&gt;<br><b>Sent:</b> 12 May 2026 17:45<br><b>To:</b>
Ruth Ames &lt;ruth@example.org&gt;<br><b>Subject:</b> Tarn Ferry News &#8211; May 2026: the
new boat</p></div><h2>The new boat</h2><p>The new ferry arrives in June and carries twice as
many bicycles as the old one.</p><p>Its engine is electric and charges at the north slip.</p>
</div>"""

OUTLOOK_TEXT = """Sharing for the library group.

Get Outlook for Android<https://aka.ms/AAb9ysg>
________________________________
From: Tarn Libraries <hello@tarnlibraries.example>
Sent: Friday, May 15, 2026 4:30:12 PM
To: Ruth Ames <ruth@example.org>
Subject: Tarn Libraries Update: the summer reading challenge

The summer reading challenge starts on the first day of the holidays and runs for six weeks.
Every child who reads six books gets a medal and a certificate.
"""


@pytest.mark.parametrize("body, subtype, expected", [
    (OUTLOOK_HTML, "html", ("Tarn Ferry News", "Tarn Ferry News – May 2026: the new boat",
                            "2026-05-12")),
    (OUTLOOK_TEXT, "plain", ("Tarn Libraries",
                             "Tarn Libraries Update: the summer reading challenge",
                             "2026-05-15"))])
def test_an_outlook_forward_with_no_marker_line_is_the_newsletters_without_the_note_above_it(
        body, subtype, expected, profiles):
    """Outlook writes no "Forwarded message" line, only a rule and From/Sent/To/Subject; what
    the reader wrote above it is theirs, not the newsletter's."""
    (issue,), _ = segment_document(read_bytes("fwd.eml", forward(body, subtype)), *profiles)
    assert (issue.publication, issue.title, issue.date.isoformat()) == expected
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "see below" not in kept and "Sharing for" not in kept and "Outlook" not in kept
    assert "Sent:" not in kept and "Subject:" not in kept
    assert "twice as many bicycles" in kept or "six books" in kept


OUTLOOK_CHINESE = """轉給大家參考。

王小明
________________________________
寄件者: 城市綠地通訊 <news@lvdi.example>
寄件日期: 2026年11月20日 上午 09:12
收件者: 王小明 <ming@example.com.tw>
主旨: [外部郵件] 城市綠地通訊 第27期：河濱雨水花園完工

河濱公園的雨水花園上週完工，雨季時可以收集附近街道的雨水，讓地下水慢慢補充。

冬季志工招募開始了，每月第二個週六上午在公園集合。
"""


@pytest.mark.parametrize("subject", ["WG: [EXTERN] Nordstadt-Rundbrief Nr. 12",
                                     "[EXTERNAL] Fwd: Nordstadt-Rundbrief Nr. 12",
                                     "EXTERN: Nordstadt-Rundbrief Nr. 12"])
def test_a_company_servers_external_tag_leaves_the_title(subject, profiles):
    message = mail("<h2>Laubaktion</h2><p>Am Samstag sammeln wir Laub am Spielplatz.</p>",
                   "Nordstadt-Rundbrief <post@nordstadt.example>", subject,
                   "Fri, 06 Nov 2026 08:15:00 +0100")
    (issue,), _ = segment_document(read_bytes("fwd.eml", message), *profiles)
    assert issue.title == "Nordstadt-Rundbrief Nr. 12"


def test_a_chinese_outlook_forward_is_the_newsletters(profiles):
    (issue,), _ = segment_document(read_bytes("fwd.eml", forward(OUTLOOK_CHINESE)), *profiles)
    assert (issue.publication, issue.title, issue.date.isoformat()) == (
        "城市綠地通訊", "城市綠地通訊 第27期：河濱雨水花園完工", "2026-11-20")
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "轉給大家" not in kept and "寄件者" not in kept and "雨水花園" in kept


def test_a_plain_text_forward_quoted_whole_reads_as_its_sender_wrote_it(profiles):
    """Apple Mail quotes every line it forwards in plain text ("> From: …", "> LETTER"): the
    newsletter's headings and paragraphs are found under the quoting."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in (
        PLAIN_HEADER.replace("---------- Forwarded message ---------\n", "") + LETTER
    ).split("\n"))
    body = f"Thought you'd like this.\n\nBegin forwarded message:\n\n{quoted}\n"
    (issue,), _ = segment_document(read_bytes("fwd.eml", forward(body)), *profiles)
    assert (issue.publication, issue.date.isoformat()) == ("Quiet Signals", "2026-11-29")
    assert [s.heading for s in issue.sections] == [None, "WHAT IT DOES"]
    assert all(p.kind == "text" for s in issue.sections for p in s.paragraphs)


def test_a_newsletter_forwarded_as_an_attachment_is_read_from_the_attached_message(profiles):
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    letter = mail(LETTER,
                  "Quiet Signals <lena@quietsignals.example>", "Quiet Signals #20: a queue",
                  "Sun, 29 Nov 2026 09:00:00 +0000", "plain")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "Sam Reader <sam@example.org>", "Fwd: Quiet Signals #20"
    outer["Date"] = "Mon, 30 Nov 2026 08:12:00 +0000"
    outer.set_content("Forwarding this one as an attachment, the queue piece is good.")
    outer.add_attachment(message_from_bytes(letter, policy=policy.default))
    (issue,), _ = segment_document(read_bytes("fwd.eml", bytes(outer)), *profiles)
    assert (issue.publication, issue.title, issue.date.isoformat()) == (
        "Quiet Signals", "Quiet Signals #20: a queue", "2026-11-29")
    kept = " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "forty lines of code" in kept and "attachment" not in kept


def test_fetch_saves_a_forwarded_newsletter_under_its_own_name(tmp_path, monkeypatch):
    box = mailbox.mbox(tmp_path / "Inbox.mbox")
    box.add(forward(PLAIN_HEADER + LETTER))
    box.add(forward(HTML_FORWARD, "html"))
    box.flush()
    (tmp_path / "digest.toml").write_text(  # a mailbox the reader forwards newsletters to
        '[build]\ninput = "seeds"\n\n[[sources]]\nname = "Inbox"\nmbox = "Inbox.mbox"\n'
        'senders = ["*"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["fetch", "-q"]) == 0
    saved = sorted(p.relative_to(tmp_path / "seeds").as_posix()
                   for p in (tmp_path / "seeds").rglob("*.eml"))
    assert saved == ["quiet-signals/2026-11-29-quiet-signals-20-a-queue-in-forty-lines.eml",
                     "stadtbrief/2026-11-29-stadtbrief-nr-43-der-markt-kehrt-zuruck.eml"]
