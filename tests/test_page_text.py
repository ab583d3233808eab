"""A page a browser wrote out as text (`lynx -dump`, `w3m -dump`) reads as the page: each
numbered marker's link is on the words after it and the marker is no text, the list of
addresses at the end is a note, and pictures' placeholders are never text nor headings.
Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles
from digest.summarize import algorithm_names

LYNX = """\
   [1]View this email in your browser

   [2][moorland-post-banner.png]

Moorland Post

   Issue 31 · Saturday 14 March 2026

Reservoir path reopens after the winter repairs

   [3][IMG]

   The path around the upper reservoir reopened on Monday after four
   months of repairs, the water board [4]Pennine Water Trust said. Walkers
   can read the [5]new route notes before they set out, and dogs must stay
   on a lead near the dam.

   [6]Full story on our website

Bird survey

   [7][INLINE]

   The spring bird survey needs counters on two Saturdays in April, from
   six in the morning: [8]sign up here | [9]Ask the organisers

   [10][fb.png] [11][mastodon.png]

   [12]Unsubscribe

References

   Visible links:
   1. https://moorland-post.example/letters/31
   2. https://moorland-post.example/
   3. https://moorland-post.example/news/reservoir-path
   4. https://pennine-water.example/
   5. https://pennine-water.example/routes/upper-reservoir.pdf
   6. https://moorland-post.example/news/reservoir-path?from=letter
   7. https://moorland-post.example/events
   8. https://birdcount.example/join
   9. mailto:counters@birdcount.example
  10. https://social.example/moorlandpost
  11. https://mastodon.example/@moorlandpost
  12. https://moorland-post.example/unsubscribe?u=7

   Hidden links:
  13. https://moorland-post.example/pixel.gif
"""

W3M = """\
[1]View this email in your browser

Moorland Post

[image]

The path around the upper reservoir reopened on Monday after four months of
repairs, the water board [2]Pennine Water Trust said on Tuesday. Walkers can
read the [3]new route notes before they set out, and dogs must stay on a lead
near the dam, where the new fences are still being put up this week.

[4]Unsubscribe

References:

[1] https://moorland-post.example/letters/31
[2] https://pennine-water.example/
[3] https://pennine-water.example/routes/upper-reservoir.pdf
[4] https://moorland-post.example/unsubscribe?u=7
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles([], algorithm_names())


def everything(issue) -> list[str]:
    """Every line a reader sees: headings, paragraphs and entries."""
    return [line for s in issue.sections for line in
            [s.heading or "", *(p.text for p in s.paragraphs), *(i.text for i in s.items)]]


def test_a_lynx_dump_links_the_words_after_each_marker_and_leaves_its_furniture(profiles):
    issue = issue_of("2026-03-14-post.txt", LYNX.encode(), profiles)
    story = next(s for s in issue.sections for p in s.paragraphs if "reservoir" in p.text)
    paragraph = next(p for p in story.paragraphs if p.text.startswith("The path"))
    assert paragraph.text == (
        "The path around the upper reservoir reopened on Monday after four months of repairs, "
        "the water board Pennine Water Trust said. Walkers can read the new route notes before "
        "they set out, and dogs must stay on a lead near the dam.")
    assert [(link.text, link.url) for link in paragraph.links] == [
        ("Pennine Water Trust", "https://pennine-water.example/"),
        ("new route notes", "https://pennine-water.example/routes/upper-reservoir.pdf")]
    shown = everything(issue)
    assert "Full story on our website" in shown
    assert not [line for line in shown if "[" in line or "://" in line or "mailto" in line]
    assert [s.heading for s in issue.sections][-2:] == [
        "Reservoir path reopens after the winter repairs", "Bird survey"]
    notes = [d.text for d in issue.dropped if d.kind == "note"]
    assert notes[:2] == ["References", "Visible links:"] and "Hidden links:" in notes
    assert "9. mailto:counters@birdcount.example" in notes
    pictures = [d.text for d in issue.dropped if d.kind == "chrome" and "[" in d.text]
    assert pictures == ["[2][moorland-post-banner.png]", "[3][IMG]", "[7][INLINE]",
                        "[10][fb.png] [11][mastodon.png]"]


def test_a_marker_after_a_separator_links_the_words_up_to_the_next(profiles):
    """"…: [8]sign up here | [9]Ask the organisers": after a colon or a separator, each
    link's words run to the next separator or the paragraph's end, a mail address's too."""
    issue = issue_of("2026-03-14-post.txt", LYNX.encode(), profiles)
    (paragraph,) = [p for s in issue.sections for p in s.paragraphs if "survey" in p.text]
    assert paragraph.text == "The spring bird survey needs counters on two Saturdays in April, " \
        "from six in the morning: sign up here | Ask the organisers"
    assert [(link.text, link.url) for link in paragraph.links] == [
        ("sign up here", "https://birdcount.example/join"),
        ("Ask the organisers", "mailto:counters@birdcount.example")]


def test_a_w3m_dump_reads_its_markers_before_the_words(profiles):
    """w3m lists its addresses as "[1] https://…" under "References:", as footnotes are
    listed; its markers stand before the words, so the words after them are the links."""
    issue = issue_of("2026-03-14-post.txt", W3M.encode(), profiles)
    (paragraph,) = [p for s in issue.sections for p in s.paragraphs if "reservoir" in p.text]
    assert paragraph.text == (
        "The path around the upper reservoir reopened on Monday after four months of repairs, "
        "the water board Pennine Water Trust said on Tuesday. Walkers can read the new route "
        "notes before they set out, and dogs must stay on a lead near the dam, where the new "
        "fences are still being put up this week.")
    assert [link.text for link in paragraph.links] == ["Pennine Water Trust",
                                                        "new route notes"]
    assert not [line for line in everything(issue) if "[" in line]
    assert [d.text for d in issue.dropped if d.kind == "note"][0] == "References:"


def test_pictures_placeholders_in_a_mail_are_no_text(profiles):
    """Outlook's "[cid:image001.png@…]" and a browser's "[IMG]" alone on a line are pictures:
    dropped, never a paragraph or a heading."""
    body = ("[cid:image001.png@01DC0A1B.2C3D4E50]\n\nDear all,\n\nThe canteen opens at eight "
            "from Monday, with a new breakfast menu and longer hours on Fridays.\n\n[IMG]\n\n"
            "The car park barrier is fixed and permits work again at both gates.\n")
    issue = issue_of("notice.eml", mail(body, "Facilities <fm@works.example>", "Site notes",
                                        "Mon, 9 Mar 2026 08:00:00 +0000", subtype="plain"),
                     profiles)
    assert not [line for line in everything(issue) if "[" in line]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [
        "[cid:image001.png@01DC0A1B.2C3D4E50]", "[IMG]"]
