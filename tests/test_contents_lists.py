"""What a mail platform wraps around the stories is left out: a contents list that only echoes
the sections below it ("In this edition: …"), a poll's sign-in line, and a referral block
under a subhead of its own, subhead included; a list of other stories stays. Fixtures
written here."""

from __future__ import annotations

import pytest
from _letters import issue_of, mail

from digest.segment import load_profiles

BRIEF = """\
<h1>Orchard Notes: frost, a cider press and the bee census</h1>
<p>Morning, growers. Here is the week in the orchards.</p>
<p><b>In this edition:</b></p>
<ul><li>How late frost caught the apricots</li><li>A village buys its own cider press</li>
<li>Counting bees with phone cameras</li></ul>
<h2>🍑 Weather</h2>
<p><b>Late frost hits apricots.</b> Two nights below freezing last week damaged apricot
blossom across the valley, and growers expect a third of a normal crop. Peaches, which flower
later, were spared.</p>
<h2>🍎 Cider</h2>
<p><b>Hollin buys a cider press.</b> The village of Hollin raised enough money to buy a
second-hand cider press, which will be shared by eleven smallholders from September.</p>
<h2>🐝 Science</h2>
<p><b>Bee census goes mobile.</b> Volunteers will count bees this summer by filming flowers
with their phones; software tells species apart from the footage. Last year's census needed
trained spotters at every site.</p>
<hr>
<h3>What did you think of this edition?</h3>
<p><a href="https://orchardnotes.example/poll?a=1">🍏🍏🍏 Loved it</a></p>
<p><a href="https://orchardnotes.example/poll?a=2">🍏 Meh</a></p>
<p>Login or Subscribe to participate in polls.</p>
<hr>
<h3>Bring a friend to the orchard</h3>
<p>You have <b>2</b> referrals: three more and we send you a pruning saw.</p>
<p><a href="https://orchardnotes.example/refer?id=k9">Click to share</a></p>
<hr>
<p>Update your email preferences or <a href="https://orchardnotes.example/unsub?id=k9">unsubscribe</a></p>
<p>© 2026 Orchard Notes</p>
"""

HEADERS = {"List_Unsubscribe": "<https://orchardnotes.example/unsub?id=k9>",
           "Message_ID": "<k9.20260412@mail.beehiiv.com>"}


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def brief(body: str) -> bytes:
    return mail(body, "Orchard Notes <notes@orchardnotes.example>", "Orchard Notes",
                "Sun, 12 Apr 2026 07:00:00 +0000", **HEADERS)


def test_a_contents_list_echoing_the_sections_below_is_chrome(profiles):
    issue = issue_of("notes.eml", brief(BRIEF), profiles)
    lead = issue.sections[0]
    assert lead.items == []
    assert [p.text for p in lead.paragraphs] == [
        "Morning, growers. Here is the week in the orchards."]
    dropped = [d.text for d in issue.dropped]
    assert "How late frost caught the apricots" in dropped
    assert "Counting bees with phone cameras" in dropped
    assert [s.heading for s in issue.sections[1:]] == ["🍑 Weather", "🍎 Cider", "🐝 Science"]


def test_a_poll_sign_in_line_and_a_referral_block_with_its_subhead_are_left_out(profiles):
    issue = issue_of("notes.eml", brief(BRIEF), profiles)
    science = issue.sections[-1]
    assert [p.text[:24] for p in science.paragraphs] == ["Bee census goes mobile. "]
    assert science.subsections == []
    dropped = {d.text for d in issue.dropped}
    assert {"Login or Subscribe to participate in polls.",
            "Bring a friend to the orchard"} <= dropped


def test_a_poll_right_under_the_last_story_never_becomes_the_storys_link(profiles):
    """No rules around the poll and no sign-in line under it: its first answer is furniture,
    not the "Read more"-style call closing the story above."""
    body = BRIEF.replace("<hr>\n", "").replace(
        "<p>Login or Subscribe to participate in polls.</p>\n", "")
    issue = issue_of("notes.eml", brief(body), profiles)
    science = issue.sections[-1]
    assert science.heading == "🐝 Science" and science.link is None
    assert "🍏🍏🍏 Loved it" in {d.text for d in issue.dropped}


def test_a_list_of_other_stories_in_the_lead_stays(profiles):
    other = BRIEF.replace(
        "<li>How late frost caught the apricots</li><li>A village buys its own cider press</li>"
        "\n<li>Counting bees with phone cameras</li>",
        "<li>Ten hedges worth planting for birds</li><li>Why mulch beats bare soil in drought"
        "</li>\n<li>The best ladders for tall pear trees</li>")
    issue = issue_of("notes.eml", brief(other), profiles)
    assert [item.text for item in issue.sections[0].items] == [
        "Ten hedges worth planting for birds", "Why mulch beats bare soil in drought",
        "The best ladders for tall pear trees"]


ITALIAN = """<table><tr><td><h1>La Bottega del Libro — n. 88</h1></td></tr>
""" + ("<tr><td><p>Ciao a tutti! Buona lettura.</p><p><b>In questo numero:</b></p><ul>"
       "<li>Le novità di dicembre</li><li>Un incontro con l'autrice</li></ul></td></tr>") + """
<tr><td><h2>Le novità di dicembre</h2><p>A dicembre arrivano in libreria tre romanzi che
aspettavamo da tempo, tra cui il nuovo libro di una giovane scrittrice sarda.</p></td></tr>
<tr><td><h2>Un incontro con l'autrice</h2><p>Giovedì 10 dicembre alle 18 incontriamo in
libreria l'autrice del romanzo. L'ingresso è libero, ma i posti sono sessanta.</p></td></tr>
</table>"""


def test_a_bold_contents_label_on_the_lists_line_goes_with_it_and_a_greeting_is_no_summary(
        profiles):
    """"In questo numero:" in bold, on the same source line as its list (as e-mail builders
    write HTML): chrome with the entries; the lead left is only "Ciao a tutti! Buona
    lettura.", a greeting, so the digest opens with the first story."""
    from digest.summarize import summarize_issue

    issue = issue_of("bottega.eml", mail(ITALIAN, "La Bottega <ciao@bottega.example>",
                                         "La Bottega del Libro — n. 88",
                                         "Fri, 27 Nov 2026 08:00:00 +0100"), profiles)
    lead = issue.sections[0]
    assert [p.text for p in lead.paragraphs] == ["Ciao a tutti! Buona lettura."]
    assert lead.subsections == [] and lead.items == []
    assert ("chrome", "In questo numero") in {(d.kind, d.text) for d in issue.dropped}
    chosen = [s.text for d in summarize_issue(issue).sections for s in d.sentences]
    assert chosen[0].startswith("A dicembre arrivano in libreria")


TLDR = """\
# Frontend Notes 92

**TL;DR**
- Container queries now work in every major browser, including the last holdout.
- A draft would let CSS read typed values from HTML attributes.
- We tested five date pickers with a screen reader; only two passed.

## Container queries everywhere

The last major browser shipped container queries this week, so most projects can drop the
polyfill.

## Typed attributes

A draft in the CSS working group would let attr() return numbers and lengths.

## Date pickers, tested

We ran five date pickers through a screen reader and keyboard checks; two passed.
"""


def test_a_tldr_list_of_sentences_echoing_the_sections_is_kept(profiles):
    """Entries written as sentences tell the news in brief: not a table of contents."""
    issue = issue_of("notes.md", TLDR.encode(), profiles)
    assert [i.text[:20] for i in issue.sections[0].items] == [
        "Container queries no", "A draft would let CS", "We tested five date "]


def test_a_contents_line_naming_the_sections_below_is_chrome_not_the_lead(profiles):
    text = ("# Acoustics Bulletin — November 2026\n\n*In this issue: Calls for papers · Jobs "
            "board · Member spotlight*\n\nDear members, the spring meeting filled in a week and "
            "we are adding a second hall.\n\n## Calls for papers\n\nAbstracts are due on 15 "
            "January.\n\n## Jobs board\n\nTwo posts in Bergen and one in Leeds.\n\n## Member "
            "spotlight\n\nThis month we talk to an engineer who tunes concert halls.\n")
    issue = issue_of("bulletin.md", text.encode(), profiles)
    assert ("chrome", "In this issue: Calls for papers · Jobs board · Member spotlight") in {
        (d.kind, d.text) for d in issue.dropped}
    assert not any("In this issue" in p.text for s in issue.sections for p in s.paragraphs)


def test_a_poll_whose_answers_run_to_seven_words_is_left_out(profiles):
    html = ("<h1>Trafiletto 142</h1><p>La settimana della tecnologia, in breve, da Milano.</p>"
            "<h2>Notizie</h2><p>Il comune ha approvato il piano per la fibra nelle scuole, con "
            "lavori da aprile.</p><p>Com'era la newsletter di oggi?</p>"
            "<p><a href='https://tr.example/polls/9?choice=a1'>🤩 Ottima, come sempre</a></p>"
            "<p><a href='https://tr.example/polls/9?choice=b2'>🙂 Carina, ma si può fare "
            "meglio</a></p><p><a href='https://tr.example/polls/9?choice=c3'>😴 Noiosa questa "
            "volta</a></p>")
    issue = issue_of("142.eml", mail(html, "Trafiletto <news@tr.example>", "Trafiletto 142",
                                     "Mon, 09 Mar 2026 08:00:00 +0000"), profiles)
    assert {"Com'era la newsletter di oggi?", "🙂 Carina, ma si può fare meglio"} <= {
        d.text for d in issue.dropped}
