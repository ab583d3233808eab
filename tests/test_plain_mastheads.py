"""Plain-text letters as club secretaries and small publishers type them: a masthead set
between stars over a tagline, headings in square brackets, and a signature under "--" that
holds the club's address and why the reader gets the letter. Fixtures written here."""

from __future__ import annotations

from digest.ingest import read_bytes
from digest.model import Issue
from digest.segment import load_profiles, segment_document

ORCHARD = """\
*** THE PEAR TREE ***
A monthly letter for orchard keepers - October 2026

[ NEWS ]

1) The county pear day moves to the 10th because the hall floods.
Stalls open at nine.

2) Rootstock orders close on 30 November and ship in February.

[ IN THE ORCHARD ]

Pick pears before they are ripe and let them finish indoors, on a cool shelf.

[ EVENTS ]

The pruning walk is on the first Sunday of the month, from the church gate.
"""

BULLETIN = """\
HILLSIDE SWIMMERS - WEEKLY BULLETIN

Hi all,

Two things this week: the pool closes early on Friday, and the gala needs timekeepers.

=== POOL CLOSES EARLY ===

The pool shuts at 19:00 on Friday for a school event, so the evening session moves to Saturday
morning at 8:00. Lanes are as usual.

=== TIMEKEEPERS WANTED ===

The winter gala on 12 December needs ten timekeepers. No experience needed: we show you how
on the night.

Happy swimming,
Omar (club secretary)

--
Hillside Swimmers, The Lido, Park Road, Hillside HS4 2PQ
You get this bulletin because you are a member of the club. Change what you get: https://swim.example/prefs
"""


def issue(name: str, text: str) -> Issue:
    (found,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    return found


def test_a_masthead_between_stars_titles_the_issue_and_its_tagline_dates_it():
    found = issue("pear.txt", ORCHARD)
    assert found.title == "THE PEAR TREE"
    assert found.dek == "A monthly letter for orchard keepers - October 2026"
    assert (found.date.isoformat(), found.date_approximate) == ("2026-10-01", True)
    assert [s.heading for s in found.sections] == ["NEWS", "IN THE ORCHARD", "EVENTS"]


def test_stars_set_around_several_headings_mark_sections_not_a_title():
    text = ORCHARD.replace("[ NEWS ]", "*** NEWS ***")
    found = issue("pear.txt", text)
    assert found.title != "THE PEAR TREE"
    assert "NEWS" in [s.heading for s in found.sections]


def test_a_signature_under_two_dashes_at_the_end_is_never_the_last_story():
    found = issue("swim.txt", BULLETIN)
    last = found.sections[-1]
    assert last.heading == "TIMEKEEPERS WANTED"
    assert [p.text for p in last.paragraphs] == [
        "The winter gala on 12 December needs ten timekeepers. No experience needed: we show "
        "you how on the night."]
    signed = [d.text for d in found.dropped if d.kind == "signoff"]
    assert signed[:3] == ["Happy swimming,", "Omar (club secretary)", "--"]
    assert signed[-1].startswith("You get this bulletin because")


def test_two_dashes_before_a_story_that_goes_on_are_not_a_signature():
    text = BULLETIN.replace("Happy swimming,\nOmar (club secretary)\n\n--\n", "--\n") + (
        "\nThe lido's winter hours start in November, with the outdoor pool open from 7:00 to "
        "10:00 every day and the sauna until noon, and members can bring one guest each week "
        "for free until the end of the year, as voted at the last meeting.\n")
    found = issue("swim.txt", text)
    kept = [p.text for s in found.sections for p in s.paragraphs]
    assert any(t.startswith("The lido's winter hours") for t in kept)


def test_a_dated_line_underlined_under_the_masthead_is_its_subtitle_and_dates_the_issue():
    """"Edisi Maret 2026 – Sabtu, 7 Maret 2026" over a rule of hyphens, right under the
    masthead: the issue's subtitle and date, not its first section (the issue was undated,
    its greeting that section's text)."""
    found = issue("kabar.txt", "KABAR KEBUN KOTA\nEdisi Maret 2026 – Sabtu, 7 Maret 2026\n"
                  + "-" * 60 + "\n\nSalam hijau, kawan-kawan! Bibit cabai dan tomat di kebun "
                  "sudah tumbuh subur, dan kami juga sangat berterima kasih untuk semua relawan "
                  "yang datang ke kerja bakti bulan lalu.\n\nPANEN RAYA\n\nPanen raya pertama "
                  "tahun ini akan jatuh pada hari Minggu, 15 Maret, di kebun Cigadung, dan kami "
                  "harap kita bisa berkumpul bersama setelah itu.\n")
    assert (found.title, found.dek, found.date.isoformat(), found.language) == (
        "KABAR KEBUN KOTA", "Edisi Maret 2026 – Sabtu, 7 Maret 2026", "2026-03-07", "id")
    assert [s.heading for s in found.sections] == [None, "PANEN RAYA"]


LAB = """\
Birchfield Lab Weekly -- week of 9 March 2026
Department of Soil Ecology

Hi all,

The new growth chamber arrives on the 20th. It will go where the old freezer stood, so
please take your boxes out of that freezer before Friday and find them a place in the cold
room; anything left there on Monday goes to the shared shelf with no name on it.

Half of us are at the field station this week, so please check the incubators morning and
evening; number 2 has been running a degree warm overnight since Friday, and facilities
have promised to send an engineer on Wednesday. Until then, move anything that cannot take
the heat to number 4, label it with your name and the date, and write it on the sheet by
the door so that we know where everything is when the engineer comes.

ROTA

  Task                   This week      Next week
  Autoclave              Priya          Jonas
  Media prep             Jonas          Ines
  Waste and sharps       Ines           Tomasz
  Sample inventory       Tomasz         Priya

The nitrogen dewar is filled on Tuesdays only, so plan ahead if you need more for a long
run. Facilities will not come out for a single flask, and the last time we asked for an
extra delivery it took them nine days and a form signed by the head of department. If you
are not sure how much your experiment will use, ask Jonas, who has kept a record of every
fill since the autumn and can tell you what a week of freezing usually takes.

Prices of consumables are as of 1 March and may change; orders go through Ines as before.
--
Birchfield Lab Weekly goes to everyone in the group.

------------------------------------------------------------------------
Soil Ecology Group | Room 214, Hartley Building, Birchfield BF1 2AB
Lab office: Mon-Thu 9:00-16:00 | 01632 960 552 | lab@birchfield.example
Group leader: Dr Alma Reyes | Lab manager: Ines Sousa
Registered charity no. 7654321 | www.birchfield.example
"""


def test_a_line_right_under_the_title_is_its_tagline_not_a_section():
    found = issue("lab.txt", LAB)
    assert (found.title, found.dek) == ("Birchfield Lab Weekly -- week of 9 March 2026",
                                        "Department of Soil Ecology")
    assert [s.heading for s in found.sections] == [None, "ROTA"]


def test_a_rota_in_columns_is_rows_and_its_last_line_no_subheading():
    rota = issue("lab.txt", LAB).sections[1]
    assert not rota.subsections
    assert [p.text for p in rota.paragraphs][:5] == [
        "Task | This week | Next week", "Autoclave | Priya | Jonas",
        "Media prep | Jonas | Ines", "Waste and sharps | Ines | Tomasz",
        "Sample inventory | Tomasz | Priya"]


def test_two_dashes_under_a_full_sentence_are_a_signature_not_its_last_words():
    found = issue("lab.txt", LAB)
    kept = [p.text for s in found.sections for p in s.paragraphs]
    assert "Prices of consumables are as of 1 March and may change; orders go through Ines as " \
        "before." in kept
    assert not any("--" in text for text in kept)


def test_three_lines_of_name_address_and_staff_under_a_rule_are_the_footer():
    found = issue("lab.txt", LAB)
    kept = " ".join(p.text for s in found.sections for p in s.paragraphs)
    assert "Room 214" not in kept and "Group leader" not in kept and "01632" not in kept
