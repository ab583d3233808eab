"""What a reader reads on the pages, as text: a label is set off from its sentence, an
item's outlet from its authors, and a table (in Markdown, or plain text set out in columns)
is a table."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from conftest import run_digest

from digest.ingest.text import read_text, wrap_width

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


def test_a_paragraph_on_the_next_line_stays_apart_where_its_first_word_would_have_fitted():
    """A text wrapped tightly at 64 columns (a line breaks only where the next word would
    not fit), its paragraphs with no blank line between them: a line ending its sentence
    with room for the next line's first word ends its paragraph, though it comes within a
    tenth of the width; a sentence's end the next word would not have fitted after is
    still a wrap."""
    body = ("Morning all. The pool reopens on Monday after the retiling, and\n"
            "the lane ropes are back where they were, so please swim in the\n"
            "lane that suits your pace, and keep left when you pass.\n"
            "Coach Imogen is away on Saturday and Sunday this weekend.\n"
            "The sessions will be taken by Tomas, who ran the winter squad\n"
            "last year and knows most of you already. Please arrive ten\n"
            "minutes early.\n"
            "\n"
            "Lockers now take a pound coin, which you get back when you are\n"
            "done with it. The old tokens work until the end of the month.\n"
            "Reception will swap them for coins.\n")
    assert [(b.line, b.end_line) for b in read_text(body).blocks] == [
        (1, 3), (4, 4), (5, 7), (9, 11)]


def test_a_text_wrapped_with_slack_still_runs_a_sentences_end_on_into_the_next_line():
    """Lines broken by hand or balanced (`fmt`), some stopping short mid-sentence: a line
    ending its sentence near the width runs on as before, though the next word would have
    fitted after it."""
    body = ("The allotment society met on Tuesday evening to agree\n"
            "the rents for next year, which will stay as they are.\n"
            "The committee thanks everyone who came along and stayed for\n"
            "tea, and especially those who brought cake for the raffle,\n"
            "which raised more than we had hoped. Water troughs fill\n"
            "from April; please do not use hoses on the main supply,\n"
            "which is metered, and report leaks to the secretary as\n"
            "soon as you can find her at the gate on a Saturday.\n")
    (block,) = read_text(body).blocks
    assert "as they are. The committee thanks" in block.text


def test_a_tables_wrapped_cells_and_a_footers_lines_of_parts_do_not_widen_the_width():
    """Prose wrapped at 66 columns, with a cell's words wrapped in their column under a
    table's row (to 76 columns) and a footer's lines of parts (74): the width is 66, so a
    sentence wrapped at it stays whole ("…in March" over "and to the scouts…", which 76
    columns cut) and a paragraph on the next line stays apart."""
    body = ("The hall committee met on Thursday and agreed the spring programme\n"
            "for the village, which is printed below with the times.\n"
            "Tickets for the quiz are on sale at the bar and in the shop.\n"
            "\n"
            "Sat 5 Apr    14:00   Seed swap and plant sale\n"
            "                     Bring cuttings in labelled pots; tea and cakes\n"
            "                     in the small hall, and a raffle for the roof fund.\n"
            "Thu 10 Apr   19:30   Quiz night\n"
            "                     Teams of up to six. Entry £2 a head, paid on the night.\n"
            "\n"
            "The kitchen will be closed for a week in April while the new ovens\n"
            "are fitted, so please bring a packed lunch to the club.\n"
            "Our thanks to the volunteers who painted the small hall in March\n"
            "and to the scouts who cleared the gutters and the drains on the\n"
            "north side of the hall.\n"
            "\n"
            "Millbrook Village Hall · Station Road, Millbrook MB4 2LW · Charity 1098765\n"
            "Tel 01632 960 774 · hello@millbrookhall.example · millbrookhall.example\n")
    assert wrap_width(body.split("\n")) == 66
    blocks = read_text(body).blocks
    assert [(b.line, b.end_line) for b in blocks if b.line < 5 or b.line > 10] == [
        (1, 2), (3, 3), (11, 12), (13, 15), (17, 17), (18, 18)]


def test_a_footer_sentence_past_the_width_does_not_widen_it():
    """A footer's sentence two columns past the 62 the letter is wrapped at: breaks
    mid-sentence that left room for the next word at 64 ("…the mill has" over "lost…") show
    the width is 62, and a paragraph ending where the next one's first word fits at 62
    stays apart."""
    body = ("We would only add that the path is very muddy in places. Not\n"
            "every stile is passable either, and the one by the mill has\n"
            "lost its step, so bring a stick and wear boots you do not mind\n"
            "ruining on the way up to the ridge and back down again.\n"
            "Dogs must be kept on a lead through the farm and past the\n"
            "sheep in the top field, and the gates should be left as found.\n"
            "\n"
            "--\n"
            "The Ridgeway Walkers' Letter goes out on the first of the month.\n"
            "Reply to this address to write back; we read everything.\n")
    assert wrap_width(body.split("\n")) == 62
    assert [(b.line, b.end_line) for b in read_text(body).blocks][:2] == [(1, 4), (5, 6)]


def test_a_day_and_its_month_opening_a_wrapped_line_is_no_list_entry():
    """"…beginnt am" over "14. Juni um 15 Uhr…": German writes a day with a dot, and a wrap
    set it at the line's start; the sentence goes on, no entry numbered 14 opens. A list
    numbered in order under a line ending its sentence stays a list, its entry "2. Mai:
    …" too."""
    body = ("Nach den Osterferien beginnt wieder der normale Betrieb. Wir freuen uns,\n"
            "dass so viele Kinder gesund aus dem Urlaub zurückgekommen sind. Das\n"
            "Sommerfest im Garten beginnt in diesem Jahr etwas später, nämlich am\n"
            "14. Juni um 15 Uhr, und endet wie immer mit dem Lagerfeuer am Abend.\n"
            "\n"
            "Tagesordnung des Elternabends:\n"
            "1. Begrüßung und Bericht der Leitung über das vergangene Kita-Jahr und\n"
            "2. Mai: Ausflug in den Tierpark\n"
            "3. Wahl der Elternvertretung\n")
    texts = [b.text for b in read_text(body).blocks]
    assert texts[0].endswith("nämlich am 14. Juni um 15 Uhr, und endet wie immer mit dem "
                             "Lagerfeuer am Abend.")
    assert texts[2:] == [
        "1. Begrüßung und Bericht der Leitung über das vergangene Kita-Jahr und",
        "2. Mai: Ausflug in den Tierpark", "3. Wahl der Elternvertretung"]


def test_comma_separated_records_stay_lines_of_their_own():
    """A list pasted from a spreadsheet ("VG151,Cucumbers,NL,12 pcs,7.90,0.00") inside text
    wrapped at 72 columns: each record is a line of its own, never run on into the next."""
    body = ("Good morning. Prices below are per case unless stated, delivered to your\n"
            "door within our usual zone. Orders placed before 2pm are delivered the\n"
            "next working day, and orders placed after it on the day after that.\n"
            "\n"
            "VG151,Cucumbers,NL,12 pcs,7.90,0.00\n"
            "FR201,Lemons,ES,15kg,24.60,+2.40\n"
            "HB301,Flat parsley,UK,1kg,6.20,0.00\n"
            "HB302,Coriander,CY,1kg,6.90,+0.30\n")
    assert [b.text for b in read_text(body).blocks][1:] == [
        "VG151,Cucumbers,NL,12 pcs,7.90,0.00", "FR201,Lemons,ES,15kg,24.60,+2.40",
        "HB301,Flat parsley,UK,1kg,6.20,0.00", "HB302,Coriander,CY,1kg,6.90,+0.30"]


def test_an_ellipsis_is_no_leaders_and_an_address_line_stays_over_its_telephone():
    """"…additional time... but" is a sentence with an ellipsis, no row set out with dot
    leaders, so its paragraph is not cut there; in text wrapped tightly at 66 columns, a
    footer's address line over a line opening in capitals that would have fitted after it
    stays a line of its own."""
    body = ("Spring is here and the centre's calendar is fuller than it has\n"
            "been for years. Our thanks to the new volunteers who have taken on\n"
            "the Tuesday evening slot, which had been empty since the autumn,\n"
            "and to the choir, who will sing at the reopening... and then stay\n"
            "for the ceilidh, we are told, however late it runs on the night.\n"
            "\n"
            "Otterbrook Community Centre, Station Road, Otterbrook OT4 2LW\n"
            "Tel 01632 960 774 / hello@otterbrookcc.example\n")
    assert [(b.line, b.end_line) for b in read_text(body).blocks] == [(1, 5), (7, 7), (8, 8)]
