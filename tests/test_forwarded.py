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
