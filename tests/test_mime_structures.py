"""E-mails whose MIME structure is unusual read as their sender wrote them: an issue split
into two HTML parts around an attachment, a body in a winmail.dat, a newsletter attached to
a short note, UTF-8 sent under a single-byte charset. Fixtures written here."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from _letters import mail

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def _text(issue) -> str:
    return " ".join([*(s.heading or "" for s in issue.sections),
                     *(p.text for s in issue.sections for p in s.paragraphs),
                     *(i.text for s in issue.sections for i in s.items)])


SPLIT_HTML = b"""From: Ines Varga <ines@kitehill.example>
To: Members <members@kitehill.example>
Subject: Kite Hill allotments: April letter
Date: Tue, 07 Apr 2026 19:00:00 +0000
List-Id: <members.kitehill.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="ALT"

--ALT
Content-Type: text/plain; charset=utf-8

Dear plot holders,

Water butts: the new butts arrive on Saturday and go to the plots nearest the gate first.

Seed swap: bring spare packets to the shed on the last Sunday of the month.

--ALT
Content-Type: multipart/mixed; boundary="MIX"

--MIX
Content-Type: text/html; charset=utf-8

<html><body><p>Dear plot holders,</p><h3>Water butts</h3>
<p>The new butts arrive on Saturday and go to the plots nearest the gate first.</p>
</body></html>
--MIX
Content-Type: application/pdf; name="rota.pdf"
Content-Disposition: inline; filename="rota.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
--MIX
Content-Type: text/html; charset=utf-8

<html><body><h3>Seed swap</h3>
<p>Bring spare packets to the shed on the last Sunday of the month.</p>
</body></html>
--MIX--

--ALT--
"""


def test_an_issue_split_into_two_html_parts_around_an_attachment_is_read_whole(profiles):
    (issue,), _ = segment_document(read_bytes("april.eml", SPLIT_HTML), *profiles)
    assert [s.heading for s in issue.sections if s.heading] == ["Water butts", "Seed swap"]
    assert "last Sunday of the month" in _text(issue)


def _attached(subject: str, note: str, inner_headers: dict[str, str], inner_type: str) -> bytes:
    """A note from a reader with a letter (HTML or plain text) attached as a message."""
    body = ("<h2>The orchard</h2><p>Forty new apple trees went in along the north fence.</p>"
            if inner_type == "html" else "The orchard\n\nForty new apple trees went in.\n")
    letter = mail(body, "Greenlane Notes <hello@greenlane.example>", "Greenlane Notes #9",
                  "Sun, 29 Mar 2026 09:00:00 +0000", inner_type, **inner_headers)
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "Pat Reader <pat@example.org>", subject
    outer["Date"] = "Mon, 30 Mar 2026 08:12:00 +0000"
    outer.set_content(note)
    outer.add_attachment(message_from_bytes(letter, policy=policy.default))
    return bytes(outer)


@pytest.mark.parametrize("subject", ["[Fwd: Greenlane Notes #9]", "", "orchard news"])
def test_a_newsletter_attached_to_a_short_note_is_read_whatever_the_subject(profiles, subject):
    raw = _attached(subject, "Thought of you. Call me on 0700 900 123, Pat", {}, "html")
    (issue,), _ = segment_document(read_bytes("fwd.eml", raw), *profiles)
    assert (issue.publication, issue.title) == ("Greenlane Notes", "Greenlane Notes #9")
    assert "apple trees" in _text(issue) and "0700" not in _text(issue)


def test_a_personal_message_with_a_personal_message_attached_stays_the_senders(profiles):
    raw = _attached("the minutes", "Here are the minutes you asked for.", {}, "plain")
    (issue,), _ = segment_document(read_bytes("fwd.eml", raw), *profiles)
    assert issue.title == "the minutes"


def _mbox(*messages: bytes) -> bytes:
    return b"".join(b"From sender@example.org Mon Mar 30 08:00:00 2026\n" + m + b"\n"
                    for m in messages)


def test_an_export_keeps_a_note_attaching_a_newsletter_beside_its_list_mail(profiles):
    listed = (b"From: Greenlane Notes <hello@greenlane.example>\nSubject: Greenlane Notes #8\n"
              b"Date: Sun, 22 Mar 2026 09:00:00 +0000\nList-Id: <notes.greenlane.example>\n"
              b"Content-Type: text/plain; charset=utf-8\n\nThe pond\n\nThe pond was dug out.\n")
    note = _attached("[Fwd: Greenlane Notes #9]", "For you, Pat", {}, "html")
    doc = read_bytes("export.mbox", _mbox(listed, note))
    assert [p.meta.title for p in doc.parts] == ["Greenlane Notes #8", "Greenlane Notes #9"]


def test_a_body_in_a_winmail_dat_is_said_by_name(profiles):
    raw = (b"From: Parish Clerk <clerk@parish.example>\nSubject: April notes\n"
           b"Date: Wed, 01 Apr 2026 18:00:00 +0000\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/mixed; boundary=B\n\n--B\n"
           b"Content-Type: text/plain; charset=utf-8\n\nDear all, the notes are below.\n--B\n"
           b"Content-Type: application/ms-tnef; name=winmail.dat\n"
           b"Content-Disposition: attachment; filename=winmail.dat\n"
           b"Content-Transfer-Encoding: base64\n\neJ8+IhAAAQaQCAAEAAAAAAAB\n--B--\n")
    doc = read_bytes("notes.eml", raw)
    (problem,) = doc.problems
    assert problem.severity == "info" and "winmail.dat" in problem.message


LATIN1_LABEL = """From: Boletim Rio =?utf-8?q?Cl=C3=A1ssico?= <rio@boletim.example>
Subject: Boletim do Rio
Date: Mon, 16 Mar 2026 10:00:00 +0000
List-Id: Boletim Rio Cl\u00e1ssico <rio.boletim.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: 8bit

Reuni\u00e3o de mar\u00e7o

A reuni\u00e3o do n\u00facleo fica para quinta-feira, na sala tr\u00eas.
"""


def test_utf8_sent_as_iso_8859_1_reads_as_utf8_with_a_note(profiles):
    doc = read_bytes("rio.eml", LATIN1_LABEL.encode())
    (issue,), _ = segment_document(doc, *profiles)
    assert issue.sections[0].heading == "Reunião de março"
    assert "núcleo" in _text(issue) and "Ã" not in _text(issue)
    assert [p.severity for p in doc.problems] == ["info"]
    assert "iso-8859-1" in doc.problems[0].message


def test_raw_utf8_headers_read_as_utf8_without_a_warning(profiles):
    raw = LATIN1_LABEL.replace("=?utf-8?q?Cl=C3=A1ssico?=", "Cl\u00e1ssico") \
        .replace("Subject: Boletim do Rio", "Subject: Boletim n\u00ba 3: a reuni\u00e3o")
    doc = read_bytes("rio.eml", raw.encode())
    meta = doc.parts[0].meta
    assert (meta.title, meta.author, meta.list_name) == (
        "Boletim nº 3: a reunião", "Boletim Rio Clássico", "Boletim Rio Clássico")
    assert all(p.severity == "info" for p in doc.problems)


def test_a_windows_1252_dash_in_an_iso_8859_1_subject_is_a_dash(profiles):
    raw = (b"From: Parish Clerk <clerk@parish.example>\n"
           b"Subject: =?iso-8859-1?Q?Clerk's_Notes_=96_April?=\n"
           b"Date: Wed, 01 Apr 2026 18:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
           b"The hall roof is mended.\n")
    (issue,), _ = segment_document(read_bytes("notes.eml", raw), *profiles)
    assert issue.title == "Clerk's Notes – April"


def test_a_quoted_flowed_line_broken_inside_a_word_is_joined_without_a_space(profiles):
    raw = (b"From: Lena <lena@example.org>\nSubject: Quoted\n"
           b"Date: Wed, 01 Apr 2026 18:00:00 +0000\n"
           b"Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n"
           b"As the warden wrote:\n\n> The towpath reopens after the Easter week \n"
           b"> end, when the new gra \n> vel is down.\n")
    doc = read_bytes("q.eml", raw)
    quotes = [b.text for b in doc.parts[0].blocks if b.kind == "quote"]
    assert quotes == ["The towpath reopens after the Easter weekend, when the new gravel is down."]
