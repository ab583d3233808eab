"""What a reader reads on the pages, as text: a label is set off from its sentence, an
item's outlet from its authors, and a table (in Markdown, or plain text set out in columns)
is a table."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from conftest import run_digest

from digest.ingest.text import read_text

ISSUE = """\
---
title: Harbour Notes 4
date: 2026-03-04
---

## Ferries

What happened: The morning ferry now leaves ten minutes earlier, to meet the first train.

Why it matters: Commuters from the island gain a quarter of an hour at the other end.

## Reading

- [Tides explained](https://example.org/tides) — Kim Lee and Ana Ruiz @ Green Weekly
- [Rope and knots](https://example.org/knots) — Jo Park @ Sea Crafts
"""


def text(page: Path) -> str:
    return " ".join(lxml.html.parse(str(page)).getroot().find(".//main").text_content().split())


def test_labels_and_outlets_are_set_off_in_the_text(tmp_path):
    (tmp_path / "seeds" / "harbour").mkdir(parents=True)
    (tmp_path / "seeds" / "harbour" / "4.md").write_text(ISSUE, encoding="utf-8")
    run_digest("build", "-q", cwd=tmp_path)
    (week,) = (tmp_path / "output" / "weeks").glob("*.html")
    (issue,) = (tmp_path / "output" / "issues").glob("*.html")
    assert "What happened: The morning ferry" in text(week)
    assert "Kim Lee and Ana Ruiz · Green Weekly" in text(issue)


TABLED = """\
---
title: Harbour Notes 5
date: 2026-03-11
---

## Tides

Spring tides this week: plan launches around the low water. The harbour office has the times.

| Day | Low water | Height |
| --- | --- | --- |
| Monday | 06:12 | 0.4 m |
| Tuesday | [06:58](https://example.org/tides/tue) | 0.3 m |
"""


def test_a_data_table_shows_as_a_table_on_the_issue_page(tmp_path):
    (tmp_path / "seeds" / "harbour").mkdir(parents=True)
    (tmp_path / "seeds" / "harbour" / "5.md").write_text(TABLED, encoding="utf-8")
    run_digest("build", "-q", cwd=tmp_path)
    (issue,) = (tmp_path / "output" / "issues").glob("*.html")
    (table,) = lxml.html.parse(str(issue)).getroot().findall(".//main//table")
    assert [[" ".join(td.text_content().split()) for td in tr.findall("td")]
            for tr in table.findall("tr")] == [["Day", "Low water", "Height"],
                                               ["Monday", "06:12", "0.4 m"],
                                               ["Tuesday", "06:58", "0.3 m"]]
    assert table.find(".//a").get("href") == "https://example.org/tides/tue"
    assert "|" not in text(issue)


def test_an_empty_cell_of_a_markdown_table_keeps_its_column(tmp_path):
    (tmp_path / "seeds" / "harbour").mkdir(parents=True)
    (tmp_path / "seeds" / "harbour" / "6.md").write_text(
        "---\ntitle: Harbour Notes 6\ndate: 2026-03-18\n---\n\n## Races\n\n"
        "The spring series opened in a light breeze, and two boats sat out the second race.\n\n"
        "| Boat | | Place | Notes |\n| --- | --- | --- | --- |\n"
        "| Tern | 3 | 1st | |\n| Kestrel | 5 | 2nd | late start |\n", encoding="utf-8")
    run_digest("build", "-q", cwd=tmp_path)
    (issue,) = (tmp_path / "output" / "issues").glob("*.html")
    (table,) = lxml.html.parse(str(issue)).getroot().findall(".//main//table")
    assert [[td.text_content().strip() for td in tr.findall("td")]
            for tr in table.findall("tr")] == [["Boat", "", "Place", "Notes"],
                                               ["Tern", "3", "1st", ""],
                                               ["Kestrel", "5", "2nd", "late start"]]


def test_lines_set_out_in_columns_are_a_tables_rows():
    text = ("PROGRAMME\n\n09:30  Doors open, coffee\n10:00  Welcome\n"
            "13:00  Lunch in the yard\n\nPRICES\n\nTea      1.20\nCoffee   2.50\n")
    blocks = read_text(text).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind == "row"] == [
        ("row", "09:30 | Doors open, coffee"), ("row", "10:00 | Welcome"),
        ("row", "13:00 | Lunch in the yard")]
    assert [b.text for b in blocks if b.kind == "paragraph"][-2:] == ["Tea 1.20", "Coffee 2.50"]


def test_a_row_of_a_wide_table_may_hold_no_figure():
    text = ("EASTER CLOSURES\n\n"
            "  Branch          Good Friday   Sat 4 Apr    Easter Mon\n"
            "  Central         Closed        9am-1pm      Closed\n"
            "  Harbourside     Closed        Closed       Closed\n"
            "  Fleetgate       Closed        10am-4pm     Closed\n\n"
            "Names and places  are set out  by hand here\n"
            "Ana and Tom  went  to the quay\n"
            "Rosa and Lee  came  home early\n")
    rows = [b.text for b in read_text(text).blocks if b.kind == "row"]
    assert rows == ["Branch | Good Friday | Sat 4 Apr | Easter Mon",
                    "Central | Closed | 9am-1pm | Closed",
                    "Harbourside | Closed | Closed | Closed",
                    "Fleetgate | Closed | 10am-4pm | Closed"]  # lines with no figure: no table


def test_sentences_set_two_spaces_apart_are_no_table():
    text = ("The hall opens at 9.  Coffee is free.\nThe talk starts at 10.  Bring a pen.\n"
            "Lunch is at 1.  It costs 5 pounds.\n")
    assert {b.kind for b in read_text(text).blocks} == {"paragraph"}


def test_one_longer_line_does_not_hide_the_width_a_text_is_wrapped_at():
    """A footer's address line longer than the 72 columns the letter is wrapped at: the
    letter's paragraphs are still joined where they were wrapped."""
    body = ("We are sorry to say goodbye to our chair, who steps down after nine\n"
            "years of running the grants. Our new chair is the potter who many of the\n"
            "members will know from the Saturday market, where she has sold bowls\n"
            "for a decade or more, and who has served on the council since 2019.\n"
            "\n"
            "Our annual general meeting is on Wednesday 13 May at 7pm in the Lantern\n"
            "Library. All members are welcome to vote, and tea is served after it.\n"
            "\n"
            "Lantern Valley Arts Council, The Old Pumphouse, Mill Race Lane, Lantern Bridge, "
            "Lantern Valley LB3 9HQ\n")
    blocks = read_text(body).blocks
    assert [b.text[:40] for b in blocks] == [
        "We are sorry to say goodbye to our chair",
        "Our annual general meeting is on Wednesd",
        "Lantern Valley Arts Council, The Old Pum"]
    assert "members will know from the Saturday market" in blocks[0].text


def test_a_word_the_wrap_broke_at_its_hyphen_is_joined_whole():
    body = ("The society welcomed twenty-three new members this autumn, the most since\n"
            "the hall reopened, and the committee thanks everyone who brought a friend-\n"
            "of-a-friend along to the open evening in the long room on Tuesday night.\n"
            "The next open evening will be held in the spring, once the roof is mended -\n"
            "and the heating, which has failed twice this month, is working properly again.\n")
    (block,) = read_text(body).blocks
    assert "a friend-of-a-friend along" in block.text
    assert "is mended - and the heating" in block.text  # a dash set apart stays apart


def test_an_entry_wrapped_on_over_its_address_keeps_its_sentence_whole():
    """"* 19 March … means for" / "  the 2027 fight. Register:" / "  https://…": the first line
    is a sentence wrapped on, not a title over its author; the entry keeps it whole (it was
    cut at "means for", the rest set apart)."""
    part = read_text("EVENTS\n\n* 19 March, 12:00 ET - Webinar: What the new baseline means for\n"
                     "  the 2027 appropriations fight. Register:\n"
                     "  https://civic.example/events/baseline\n"
                     "* 2 April - Fiscal Summit 2026, Washington\n")
    entries = [b for b in part.blocks if b.text.startswith("*")]
    assert entries[0].text.startswith("* 19 March") and \
        "means for the 2027 appropriations fight." in entries[0].text
    assert [link.url for link in entries[0].links] == ["https://civic.example/events/baseline"]
    assert not [b for b in part.blocks if b.text.startswith("the 2027")]


def test_an_entry_wrapped_before_a_figure_keeps_its_sentence_and_a_counts_line_stays_apart():
    part = read_text("BUSINESS\n\n* Insurer Halvard Re expects first-quarter losses of about\n"
                     "  $1.1 billion, mostly from the January fires.\n"
                     "  https://news.example/halvard\n"
                     "* Deleting our build cache made CI 3x faster (quillpath.example)\n"
                     "  198 points · 131 comments\n"
                     "  https://quillpath.example/cache\n")
    entries = [b for b in part.blocks if b.text.startswith("*")]
    assert entries[0].text == "* Insurer Halvard Re expects first-quarter losses of about $1.1 " \
        "billion, mostly from the January fires."
    assert [b.text for b in part.blocks if b.text.startswith("198")] == [
        "198 points · 131 comments"]


def test_a_body_declared_flowed_with_no_soft_break_is_read_as_wrapped_text():
    """A mail program that says `format=flowed` yet ends no line with a space wraps hard: its
    lines are read by the width they are wrapped at (each line was a paragraph, and the
    summaries fragments: "the Anchor Rooms, 14 Dock Street.")."""
    body = ("From Thursday 7 January the club night moves to the upstairs room at\n"
            "the Anchor Rooms, 14 Dock Street. Doors open at seven and the first\n"
            "round starts at half past, so please do not be late on the night.\n\n"
            "Subs are due.\n")
    hard = read_text(body, flowed=True)
    assert [b.text[:24] for b in hard.blocks] == ["From Thursday 7 January ", "Subs are due."]
    soft = read_text(body.replace("room at\n", "room at \n"), flowed=True)
    assert [b.text[:24] for b in soft.blocks] == [
        "From Thursday 7 January ", "round starts at half pas", "Subs are due."]


def test_a_rows_label_cut_short_with_a_full_stop_stays_in_its_table():
    """"Net revenue ret." ends with a full stop and no sentence: the row stays a row (the
    table was split around it, and the summary was "Net revenue ret.")."""
    part = read_text("Hi all, here is the March update. Revenue grew for the fifth month\n"
                     "in a row, and two of the three hires we asked you about have joined.\n"
                     "The numbers are below, with the one worry we have about churn.\n\n"
                     "METRICS\n\n"
                     "Metric              Feb         Mar         Change\n"
                     "Revenue             $41k        $46k        +12%\n"
                     "Net revenue ret.    108%        111%        +3 pt\n"
                     "Customers           212         231         +19\n")
    assert [b.kind for b in part.blocks[-4:]] == ["row"] * 4


def test_a_paragraph_set_in_under_a_numbered_entry_after_a_blank_line_is_its_text():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("LISP LETTER -- Weekly #217\n\nHello everyone, three items this week.\n\n"
            "NEWS\n\n1. SBCL 2.6.3 released\n\n   The March release brings the new collector "
            "out of\n   experimental status. Pause times drop by roughly 60%.\n\n"
            "2. Community survey results\n\n   1,412 people answered the survey this year, "
            "up from 980.\n\nEVENTS\n\nThe symposium is in Kraków this April.\n")
    (issue,), _ = segment_document(read_bytes("letter.txt", text.encode()), *load_profiles())
    news = next(s for s in issue.sections if s.heading == "NEWS")
    assert [(i.text, (i.excerpt or "")[:24]) for i in news.items] == [
        ("SBCL 2.6.3 released", "The March release brings"),
        ("Community survey results", "1,412 people answered th")]
    assert news.paragraphs == []


def test_names_set_out_in_columns_are_one_line_of_names_never_a_heading():
    text = ("SUPPORTERS\n\nThank you to this month's patrons, who keep the channel going:\n\n"
            "  Anneliese Voss      Barnaby Quill       Chidi Okafor\n"
            "  Delphine Roux       Emeka Adeyemi       Freya Halvorsen\n"
            "  Jasper Lindgren\n\nand to the 340 others. You are the best.\n")
    blocks = read_text(text).blocks
    names = [b for b in blocks if "Voss" in b.text]
    assert [(b.kind, b.text, b.line, b.end_line) for b in names] == [
        ("paragraph", "Anneliese Voss · Barnaby Quill · Chidi Okafor · Delphine Roux · Emeka "
         "Adeyemi · Freya Halvorsen · Jasper Lindgren", 5, 7)]
    assert not [b for b in blocks if b.text == "Jasper Lindgren"]


SIGNED = """\
-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Quarry 3.2.1 released
- ---------------------

Quarry 3.2.1 fixes a crash when a config file names a missing include.
Everyone on 3.2.0 should upgrade.

- --
Ilse Marten, for the Quarry maintainers
-----BEGIN PGP SIGNATURE-----

iQEzBAEBCAAdFiEEk3Jd8xq0Vb2YwVJbQZlQkpQx5ZsFAmcX0aUACgkQQZlQkpQx
5ZvN8Af/Xc3ki1yq9u2vXb7T1hT9VnXbqkS0r3a8D1kRbQKk4Rz3yIo=
=q7Zb
-----END PGP SIGNATURE-----
"""


def test_a_clear_signed_announcement_reads_as_the_text_it_signs(tmp_path):
    """The armour, its Hash line and the signature are no text; the signer's dash-escaped
    lines read as written: "- -----" underlines a heading, "- --" opens the signature."""
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    (issue,), _ = segment_document(read_bytes("quarry-3.2.1.txt", SIGNED.encode()),
                                   *load_profiles())
    kept = [p.text for s in issue.sections for p in s.paragraphs]
    assert "Quarry 3.2.1 released" in [issue.title, *(s.heading for s in issue.sections)]
    assert " ".join(kept) == ("Quarry 3.2.1 fixes a crash when a config file names a missing "
                              "include. Everyone on 3.2.0 should upgrade.")
    assert not any("PGP" in t or "SHA256" in t or "iQEz" in t for t in kept)
    assert any(d.text.startswith("Ilse Marten") for d in issue.dropped)
def test_checksum_lines_do_not_hide_the_width_the_prose_is_wrapped_at():
    """Lines of checksums run past the 70 columns the notice is wrapped at: the prose is
    still joined where it was wrapped, before a figure too ("… will ship on" / "14 March."),
    and each checksum stays a line of its own."""
    body = ("The second beta of Wrenfold 3.1 is out for testing, with the new cache\n"
            "layout and the faster importer. Please report anything that breaks on\n"
            "the tracker. If nothing serious turns up, the final release will ship on\n"
            "14 March, with packages for every platform we build for today.\n\n"
            "Checksums:\n\n"
            "  sha256  3f9a0c1d2b4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"
            "  wrenfold-3.1b2.tar.gz\n"
            "  sha256  0a1b2c3d4e5f60718293a4b5c6d7e8f93f9a0c1d2b4e5f60718293a4b5c6d7e8"
            "  wrenfold-3.1b2.zip\n")
    blocks = read_text(body).blocks
    assert blocks[0].text.endswith("If nothing serious turns up, the final release will ship "
                                   "on 14 March, with packages for every platform we build for "
                                   "today.")
    assert [b.text.replace(" | ", " ")[:14] for b in blocks[1:]] == [
        "Checksums:", "sha256 3f9a0c1", "sha256 0a1b2c3"]


def test_a_cell_in_brackets_or_run_on_with_one_space_keeps_its_row_in_the_table():
    """"Ada Pike (inc.)" ends with a bracket, no sentence, and "Ola Brandt-Ngu (inc.)" fills
    its column up to one space before the next: both rows stay rows, cut where the first
    row's columns start (they were read as prose and summarized)."""
    text = ("Ward        Member                Party     Votes\n"
            "North       Ada Pike (inc.)       Labour    1,204\n"
            "South       Ola Brandt-Ngu (inc.) Green       980\n"
            "Riverside   Tom Reyes             (I)         311\n")
    assert [(b.kind, b.text) for b in read_text(text).blocks] == [
        ("row", "Ward | Member | Party | Votes"),
        ("row", "North | Ada Pike (inc.) | Labour | 1,204"),
        ("row", "South | Ola Brandt-Ngu (inc.) | Green | 980"),
        ("row", "Riverside | Tom Reyes | (I) | 311")]


def test_two_rows_of_three_aligned_cells_are_a_table():
    text = "LEVY VOTE\n\nYes   1,204   61.0%\nNo      770   39.0%\n\nThe levy passes.\n"
    assert [(b.kind, b.text) for b in read_text(text).blocks] == [
        ("paragraph", "LEVY VOTE"), ("row", "Yes | 1,204 | 61.0%"),
        ("row", "No | 770 | 39.0%"), ("paragraph", "The levy passes.")]


def test_rows_opening_in_lower_case_are_not_run_on_into_the_header():
    text = ("WEATHER\n\nDay      Low    High   Rain   Wind gust\n"
            "mon. 2   3,1    11,0   0,4    20 km/h\ntue. 3   4,0    12,5   1,1    35 km/h\n"
            "wed. 4   2,2    9,8    0,0    15 km/h\n\nA calm week.\n")
    assert [(b.kind, b.text) for b in read_text(text).blocks][1:3] == [
        ("row", "Day | Low | High | Rain | Wind gust"),
        ("row", "mon. 2 | 3,1 | 11,0 | 0,4 | 20 km/h")]


def test_a_header_underlined_column_by_column_heads_its_rows_and_is_no_heading():
    """"Module    Broken    Fixed" over "-------  --------  -------" and one row: a table
    (its header was read as prose and summarized, the underline as a heading)."""
    text = ("Affected modules\n================\n\n"
            "Module              Broken       Fixed\n"
            "------------------  -----------  -----------\n"
            "net/teasel          < 2.4.1      >= 2.4.1\n\n"
            "Upgrade when you can.\n")
    blocks = read_text(text).blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("row", "Module | Broken | Fixed"), ("row", "net/teasel | < 2.4.1 | >= 2.4.1"),
        ("paragraph", "Upgrade when you can.")]


def test_commands_after_a_prompt_are_code_never_a_heading():
    """"  # pkgtool --sync" is a command at a root prompt, not a Markdown heading: the
    indented run of commands is one code block, kept as written."""
    text = ("To upgrade, run:\n\n"
            "  # pkgtool --sync\n"
            "  # pkgtool --install \">=net/teasel-2.4.1\"\n\n"
            "Then check the service answers:\n\n"
            "    $ curl -s localhost:9000/health\n"
            "    ok\n")
    blocks = read_text(text).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "To upgrade, run:"),
        ("code", "# pkgtool --sync\n# pkgtool --install \">=net/teasel-2.4.1\""),
        ("paragraph", "Then check the service answers:"),
        ("code", "$ curl -s localhost:9000/health\nok")]


def test_titles_over_fields_footers_and_lettered_entries_stay_apart():
    """Lines that are no wrapped prose stay apart though the next word would not have fitted:
    a title over a field, lines of parts, a list footer's lone address, and a lettered entry
    set two spaces off its letter is still wrapped prose."""
    prose = ("Friends, our Lenten soup suppers have been the surprise of this season.\n"
             "Forty people came to the hall on Wednesday, and the lentil soup that the\n"
             "Okafor family brought was gone in twenty minutes. Thank you to all who\n"
             "cooked, set up and washed up: the last supper is before Holy Week.\n\n")
    text = (prose +
            "Visiting Fellowships at the Institute for Polar Studies in Tromvik\n"
            "Sponsor: Institute for Polar Studies\n\n"
            "C)  Farmer's carry - 3 x 40 metres, as heavy as you can hold with\n"
            "    good posture\n\n"
            "St. Brendan's Catholic Church | 215 Chapel Street, Maple Falls, ST 29630\n"
            "Parish office: (555) 410-7781 | office@stbrendans.example.org\n\n"
            "Sedge-announce mailing list\n"
            "Sedge-announce@lists.sedge-project.example\n")
    texts = [b.text for b in read_text(text).blocks]
    assert texts[0].startswith("Friends,") and texts[0].endswith("before Holy Week.")
    assert texts[1:] == [
        "Visiting Fellowships at the Institute for Polar Studies in Tromvik",
        "Sponsor: Institute for Polar Studies",
        "C) Farmer's carry - 3 x 40 metres, as heavy as you can hold with good posture",
        "St. Brendan's Catholic Church | 215 Chapel Street, Maple Falls, ST 29630",
        "Parish office: (555) 410-7781 | office@stbrendans.example.org",
        "Sedge-announce mailing list", "Sedge-announce@lists.sedge-project.example"]
