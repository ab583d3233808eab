"""A received message saved as a web page (Outlook's "Save as… .htm", a mail program's print
page) is dated and named by the header block it opens with, which is never text: the
reader's own name and address are never published. Fixtures written here."""

from __future__ import annotations

import datetime as dt

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

OUTLOOK = """<html><head><title>Parish Pump – Advent bulletin</title></head><body>
<table><tr><td><p><b>From:</b></p></td><td><p>Parish Pump &lt;news@parishpump.example&gt;</p>
</td></tr><tr><td><p><b>Sent:</b></p></td><td><p>20 November 2026 16:12</p></td></tr>
<tr><td><p><b>To:</b></p></td><td><p>Jo Reader</p></td></tr>
<tr><td><p><b>Subject:</b></p></td><td><p>Parish Pump – Advent bulletin</p></td></tr></table>
<h1>Lights on the green</h1><p>The tree on the green goes up on Thursday, and the lights are
switched on at five on Saturday.</p><h1>Bin collections</h1><p>Black bins due on Christmas Day
are collected on the Saturday after.</p></body></html>"""


def test_an_outlook_saved_message_is_dated_by_its_header_block_which_is_no_text():
    (issue,), _ = segment_document(read_bytes("Parish Pump - Advent bulletin.htm",
                                              OUTLOOK.encode()), *load_profiles())
    assert issue.date == dt.date(2026, 11, 20)
    assert issue.publication == "Parish Pump"
    headings = [s.heading for s in issue.sections if s.heading]
    assert "Bin collections" in headings and not {"From", "Sent", "To", "Subject"} & set(headings)
    everything = " ".join(p.text for s in issue.sections for p in s.paragraphs) + \
        " ".join(filter(None, (s.dek for s in issue.sections)))
    assert "Jo Reader" not in everything and "Sent" not in everything


def test_a_recipients_address_near_the_top_of_a_saved_page_is_no_text():
    html = ("<html><body><p>Signal &amp; Noise &lt;hello@signal.example&gt;</p>"
            "<p>To: jo.reader@mail.example</p><h1>The quiet band</h1><p>If you tuned across "
            "60 metres last weekend and heard nothing, your receiver was fine.</p>"
            "</body></html>")
    (issue,), _ = segment_document(read_bytes("Signal.html", html.encode()), *load_profiles())
    everything = " ".join(p.text for s in issue.sections for p in s.paragraphs) + \
        " ".join(filter(None, (s.dek for s in issue.sections)))
    assert "jo.reader" not in everything
