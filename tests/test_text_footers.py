"""Plain-text letters and list posts as clubs, firms and projects send them: the sender's
card ending the letter with no rule over it, a key's fingerprint under a signature, a person
announcing a project's release on its list, commands after a root prompt. Fixtures written
here."""

from __future__ import annotations

from digest.ingest import read_bytes
from digest.ingest.text import read_text
from digest.model import Issue
from digest.segment import load_profiles, segment_document


def issue(name: str, text: str) -> Issue:
    (found,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    return found


def kept(found: Issue) -> list[str]:
    return [p.text for s in found.sections for p in s.paragraphs]


ROWING = """\
WILLOWMERE ROWING CLUB
Members' letter -- June 2026

Dear members,

The boathouse roof is finished, two weeks early and under budget, and the eights are
back on their racks. Thanks to everyone who moved boats out to the car park in April.

REGATTA

Our home regatta is on 21 June. We still need marshals for the bank and helpers for the
barbecue; sign up on the sheet by the ergs.

Pull hard,
Agnieszka Moreau

Willowmere Rowing Club, Towpath Lane, Willowmere WM3 8RB
Tel 01632 960 902 · captain@willowmererc.example
Registered charity 1187654
"""


def test_the_senders_card_ending_a_letter_is_its_footer_with_no_rule_over_it():
    """Address, telephone and register number under the signature, nothing else below: the
    club's card, not the regatta's text (it reached the summary)."""
    found = issue("rowing.txt", ROWING)
    assert found.sections[-1].paragraphs[-1].text.startswith("Our home regatta")
    chrome = [d.text for d in found.dropped if d.kind == "chrome"]
    assert chrome == ["Willowmere Rowing Club, Towpath Lane, Willowmere WM3 8RB",
                      "Tel 01632 960 902 · captain@willowmererc.example",
                      "Registered charity 1187654"]


def test_a_venue_line_ending_the_last_of_several_events_stays_its_entry():
    """Each event gives its venue and how to book: the last one's is no sender's card."""
    events = "".join(
        f"{day} JUNE -- {name}\n\nAn evening of {name.lower()} for all ages, with tea after.\n\n"
        f"{venue}, 2 Chapel Row, Willowmere WM3 8RA · 01632 960 91{n}\n\n"
        for n, (day, name, venue) in enumerate([("4", "QUIZ", "Church Hall"),
                                                ("11", "CEILIDH", "Village Hall"),
                                                ("18", "FILM", "Old School")]))
    found = issue("events.txt", "WILLOWMERE EVENTS\n\n" + events)
    assert "Old School, 2 Chapel Row, Willowmere WM3 8RA · 01632 960 912" in kept(found)


def test_a_key_fingerprint_under_a_signature_is_part_of_it():
    """"PGP: 7A3C 91F0 …", ten groups of four hex digits under the name, read as a heading
    in capitals, stayed as the last section's text."""
    text = ("RELEASE NOTES\n\nThe 2.0 release is out, with faster builds and a new plugin "
            "interface that many of you asked for over the last year.\n\nCheers,\nMarit\n\n--\n"
            "Marit Solberg, release manager\n"
            "PGP: 0F1E 2D3C 4B5A 6978 8796  A5B4 C3D2 E1F0 1122 3344\n")
    found = issue("notes.txt", text)
    assert not any("0F1E" in t for t in kept(found))
    assert [d.text for d in found.dropped if d.kind == "signoff"][-1].startswith("PGP: 0F1E")


def announcement(headers: str) -> str:
    return (f"{headers}Date: Tue, 3 Mar 2026 09:00:00 +0100\nContent-Type: text/plain\n\n"
            "Hello all,\n\nOn behalf of the maintainers I am pleased to announce the release "
            "of Tarnwick 4.1, with incremental rebuilds and a new plugin hook.\n\nCheers,\n"
            "Ines\n")


def test_a_person_announcing_on_a_projects_list_posts_for_the_project():
    """"[ANN] Tarnwick 4.1" from ines@tarnwick.example to tarnwick-users@lists.…: Tarnwick is
    the publication, Ines Okonkwo its author (she was the publication); mail to no list,
    or whose subject names nothing its addresses do, keeps her name."""
    listed = issue("ann.eml", announcement(
        "From: Ines Okonkwo <ines@tarnwick.example>\n"
        "To: tarnwick-users@lists.tarnwick.example\nSubject: [ANN] Tarnwick 4.1\n"))
    assert (listed.publication, listed.author) == ("Tarnwick", "Ines Okonkwo")
    tagged = issue("ann.eml", announcement(
        "From: Ines Okonkwo <ines@tarnwick.example>\n"
        "Subject: [Tarnwick-announce] Tarnwick 4.1 released\n"))
    assert tagged.publication == "Tarnwick"
    personal = issue("ann.eml", announcement(
        "From: Ines Okonkwo <ines@tarnwick.example>\nTo: friend@mail.example\n"
        "Subject: Tarnwick 4.1\n"))
    assert personal.publication == "Ines Okonkwo"
    elsewhere = issue("ann.eml", announcement(
        "From: Ines Okonkwo <ines@mail.example>\nTo: tarnwick-users@lists.tarnwick.example\n"
        "Subject: [ANN] Tarnwick 4.1\n"))
    assert elsewhere.publication == "Ines Okonkwo"


def test_a_command_after_a_root_prompt_is_code_whatever_it_opens_with():
    """"# : > /proc/2214/fd/41" (the shell's no-op truncating a file) and "$ [ -s log ]" are
    commands, never a heading ("# : > …" read as Markdown's took in the sections below)."""
    text = ("Truncate it through the descriptor:\n\n"
            "    # : > /proc/2214/fd/41\n    $ [ -s /var/log/app.log ] || echo empty\n\n"
            "Then fix the rotation.\n")
    assert [(b.kind, b.text) for b in read_text(text).blocks] == [
        ("paragraph", "Truncate it through the descriptor:"),
        ("code", "# : > /proc/2214/fd/41\n$ [ -s /var/log/app.log ] || echo empty"),
        ("paragraph", "Then fix the rotation.")]


def test_a_long_numbered_heading_in_capitals_under_the_contents_keeps_its_section():
    """"1. WHEN THE DISK IS FULL BUT DU SAYS IT ISN'T", ten words, right under the contents
    list: the first section's heading, not one more entry of the contents (which went, and
    the heading with it)."""
    text = ("DISK NOTES -- issue 3\n\nIn this issue\n  1. When the disk is full\n"
            "  2. Reader mail\n\n1. WHEN THE DISK IS FULL BUT DU SAYS IT ISN'T\n\n"
            "A deleted file that a process still holds open keeps its space until the last "
            "descriptor is closed, so df and du disagree.\n\n2. READER MAIL\n\n"
            "Thanks for all the letters about unattended upgrades this month.\n")
    found = issue("disk.txt", text)
    assert [s.heading for s in found.sections] == [
        "1. WHEN THE DISK IS FULL BUT DU SAYS IT ISN'T", "2. READER MAIL"]
