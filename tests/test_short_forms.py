"""Short-form newsletters a reader recognises by their shape: a thread of numbered posts, a
quote with who said it, a plain-text link with its comment, a figure over what it counts.
Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import issue_of

from digest.segment import load_profiles
from digest.summarize import summarize_issue

POSTS = [
    "Our allotment society switched to a shared seed library this spring.",
    "The first month was chaos, because nobody labelled the envelopes.",
    "So we made one rule: every packet carries a name and a year.",
    "By June the library lent out more seed than the shop sold.",
]


def thread(numbered: list[str]) -> bytes:
    return ("# Seed Thread 9\n\nA thread from last week, tidied up for the letter.\n\n" +
            "\n\n".join(numbered) + "\n").encode()


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


@pytest.mark.parametrize("numbered", [
    [f"{n}/4 {post}" for n, post in enumerate(POSTS, 1)],
    [f"**{n}/4** {post}" for n, post in enumerate(POSTS, 1)],
    [f"{post} ({n}/4)" for n, post in enumerate(POSTS, 1)],
    [f"{n}\ufe0f\u20e3 {post}" for n, post in enumerate(POSTS, 1)],
])
def test_a_threads_numbered_posts_are_its_entries_without_their_numbers(profiles, numbered):
    issue = issue_of("2026-03-02-seeds.md", thread(numbered), profiles)
    lead = issue.sections[0]
    assert [(i.number, i.title, i.text) for i in lead.items] == [
        (n, None, post) for n, post in enumerate(POSTS, 1)]
    assert lead.role == "lead"  # the writer's own thread, never labelled a roundup
    shown = [i.text for d in summarize_issue(issue).sections for i in d.items]
    assert shown and all("/4" not in text and "\u20e3" not in text for text in shown)


def test_numbers_that_are_no_thread_stay_text(profiles):
    """Short lines, or a run that does not start at 1, are no thread's posts."""
    issue = issue_of("2026-03-02-seeds.md", thread([
        "1/12 Advent fair", "2/12 Carol night", f"3/4 {POSTS[0]}", f"4/4 {POSTS[1]}"]), profiles)
    assert not issue.sections[0].items


SAYINGS = """<html><head><title>Overheard 12</title></head><body><h1>Overheard 12</h1>
<p>Lines from the week that stayed with us.</p>
<h2>On the river</h2>
<blockquote><p>“A lock keeper learns patience or learns another trade.”</p></blockquote>
<p>— Halvard Oyen, lock keeper at Tellbridge</p>
<p>He has worked the same lock for thirty-one years.</p>
<blockquote><p>“The heron was here before the canal and will be here after it.”</p></blockquote>
<p>– Mirela Dost (ranger, on the towpath walk)</p>
<h2>At the market</h2>
<blockquote><p>“Nobody buys the ugly carrots until you call them heritage.”</p></blockquote>
<p>—Jonty Brack, greengrocer</p>
</body></html>
"""


def test_a_quote_keeps_who_said_it_as_its_author(profiles):
    issue = issue_of("overheard.html", SAYINGS.encode(), profiles)
    said = [(i.text, i.author, i.excerpt) for s in issue.sections for i in s.items]
    assert said == [
        ("“A lock keeper learns patience or learns another trade.”",
         "Halvard Oyen, lock keeper at Tellbridge",
         "He has worked the same lock for thirty-one years."),
        ("“The heron was here before the canal and will be here after it.”",
         "Mirela Dost (ranger, on the towpath walk)", None),
        ("“Nobody buys the ugly carrots until you call them heritage.”",
         "Jonty Brack, greengrocer", None)]
    shown = [(i.text, i.author) for d in summarize_issue(issue).sections for i in d.items]
    assert shown and all(author for _, author in shown)


PINS = """\
PIN BOARD
Issue 7

Three pins this week.

--- READING ---

* How cold frames work :: https://garden.example/cold-frames :: Short, with
  good drawings.

* A ledger of every ferry crossing -> https://ferries.example/ledger
  -> someone counted them all.

* Why moss likes roofs · https://moss.example/roofs
  · not what I expected.

* Old tram timetables, scanned → https://trams.example/scans
"""


def test_a_plain_text_title_address_and_comment_is_a_titled_link(profiles):
    issue = issue_of("2026-03-02-pins.txt", PINS.encode(), profiles)
    items = issue.sections[-1].items
    assert [(i.title, i.text, [(link.text, link.url) for link in i.links], i.sub_items)
            for i in items] == [
        ("How cold frames work", "How cold frames work :: Short, with good drawings.",
         [("How cold frames work", "https://garden.example/cold-frames")], []),
        ("A ledger of every ferry crossing",
         "A ledger of every ferry crossing -> someone counted them all.",
         [("A ledger of every ferry crossing", "https://ferries.example/ledger")], []),
        ("Why moss likes roofs", "Why moss likes roofs · not what I expected.",
         [("Why moss likes roofs", "https://moss.example/roofs")], []),
        (None, "Old tram timetables, scanned",
         [("Old tram timetables, scanned", "https://trams.example/scans")], [])]
