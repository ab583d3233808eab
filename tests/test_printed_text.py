"""Text taken from a printed newsletter (a PDF saved as text): its page breaks, typeset
ligatures and font bullets read as a reader sees them on paper. Fixtures written here."""

from __future__ import annotations

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

PRINTED = (
    "STAFF NEWS\n"
    "Issue 12 · 4 March 2026\n\n"
    "Depot news\n\n"
    "The ﬁrst ﬂoor oﬃce at Leeds reopens on Monday after the ﬁre-safety works.\n\n"
    "Sports round-up\n\n"
    "\uf0b7 The netball team beat Hollins 12-4 on Tuesday.\n"
    "\uf0b7 The five-a-side league starts again in April.\n"
    "\x0cPensions\n\n"
    "Free sessions with an independent adviser run at every site this month.\n")


def test_a_printed_newsletters_page_breaks_ligatures_and_font_bullets_read_as_on_paper():
    document = read_bytes("staff-news.txt", PRINTED.encode())
    assert not [p for p in document.problems if p.severity != "info"]  # a page break is fine
    (issue,), _ = segment_document(document, *load_profiles())
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "The first floor office at Leeds reopens on Monday after the fire-safety works." \
        in texts
    sports = next(s for s in issue.sections if s.heading == "Sports round-up")
    assert [i.text for i in sports.items] == [
        "The netball team beat Hollins 12-4 on Tuesday.",
        "The five-a-side league starts again in April."]
