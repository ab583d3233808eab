"""Plain-text tables of other shapes: values pasted with separators, headers over two lines
or over all but the first column, a row whose note runs across columns, cells that wrap;
and entries lettered A), B), C)."""

from __future__ import annotations

from digest.ingest import read_bytes
from digest.ingest.text import read_text
from digest.model import Block
from digest.segment import load_profiles, segment_document
from digest.segment.rules import sign_offs


def rows(text: str) -> list[str]:
    return [b.text for b in read_text(text).blocks if b.kind == "row"]


PROSE = ("Good morning. Prices are per case, delivered to your door within our usual zone,\n"
         "and orders placed before two are delivered the next working day, as ever.\n\n")


def test_values_pasted_with_commas_are_one_row_a_line():
    text = PROSE + ("code,product,origin,price\nVG101,Carrots,UK,7.80\n"
                    "VG102,\"Onions, red\",NL,15.90\nVG110,Leeks,UK,8.60\n\nThat is all.\n")
    assert rows(text) == ["code | product | origin | price", "VG101 | Carrots | UK | 7.80",
                          "VG102 | Onions, red | NL | 15.90", "VG110 | Leeks | UK | 8.60"]


def test_values_pasted_with_semicolons_or_tabs_are_rows_and_prose_with_commas_is_not():
    text = ("Maand;Basisprijs;Totaal\njanuari;42,10;47,55\nfebruari;43,25;48,70\n\n"
            "Name\tType\tPackets\nKelvedon\tPea\t14\nBoltardy\tBeetroot\t\n\n"
            "Apples, pears, plums and a damson, planted in the orchard in 2019,\n"
            "2020, and again in 2022, when the last of the old hedging came out,\n"
            "need pruning, mulch and a little love, before the blossom comes.\n")
    assert rows(text) == ["Maand | Basisprijs | Totaal", "januari | 42,10 | 47,55",
                          "februari | 43,25 | 48,70", "Name | Type | Packets",
                          "Kelvedon | Pea | 14", "Boltardy | Beetroot | "]


def test_a_cell_ending_with_a_date_and_its_dot_keeps_its_row_in_the_table():
    text = ("  Datum         Uhrzeit    Veranstaltung            Ort\n"
            "  Sa 22.03.     10:00      Arbeitseinsatz           Sportplatz\n"
            "  Fr 28.03.     19:30      Jahreshauptversammlung   Vereinsheim\n"
            "  So 25.05.     08:30      Vereinswanderung         Bahnhof\n")
    assert rows(text)[1:] == ["Sa 22.03. | 10:00 | Arbeitseinsatz | Sportplatz",
                              "Fr 28.03. | 19:30 | Jahreshauptversammlung | Vereinsheim",
                              "So 25.05. | 08:30 | Vereinswanderung | Bahnhof"]


def test_a_header_over_all_but_the_first_column_heads_its_table():
    text = ("INDEXES\n"
            "                              Close       Change\n"
            "  Harbour 500              5,612.44       +22.37\n"
            "  Industrial 30           41,203.87       -58.14\n"
            "  Volatility Index            18.62        -1.04\n")
    assert rows(text)[0] == " | Close | Change"


def test_a_header_of_two_lines_heads_its_table():
    text = ("TABLE\n\n"
            "                  ------ Home ------   ------ Away ------\n"
            "  Pos  Team        P   W   D   L       P   W   D   L\n"
            "  1    Kestrel     5   5   0   0       4   4   0   0\n"
            "  2    Ashby       4   3   0   1       5   4   1   0\n\n"
            "  Stop            Mon-Fri       Sat\n"
            "                  first  last   first  last\n"
            "  Town Centre     0615   2245   0715   2245\n"
            "  Kingsmead       0627   2257   0727   2257\n")
    assert rows(text) == [" |  | Home |  |  |  | Away |  |  | ",
                          "Pos | Team | P | W | D | L | P | W | D | L",
                          "1 | Kestrel | 5 | 5 | 0 | 0 | 4 | 4 | 0 | 0",
                          "2 | Ashby | 4 | 3 | 0 | 1 | 5 | 4 | 1 | 0",
                          "Stop | Mon-Fri |  | Sat | ", " | first | last | first | last",
                          "Town Centre | 0615 | 2245 | 0715 | 2245",
                          "Kingsmead | 0627 | 2257 | 0727 | 2257"]


def test_a_row_with_a_note_across_empty_columns_is_in_its_table():
    text = ("Saturday\n\n"
            "  Haverleigh Market Place        0650  0750  then every 60 mins  1850\n"
            "  Coldstream Bridge              0708  0808                      1908\n"
            "  General Hospital               0719  0819                      1919\n")
    assert rows(text) == ["Haverleigh Market Place | 0650 | 0750 | then every 60 mins | 1850",
                          "Coldstream Bridge | 0708 | 0808 |  | 1908",
                          "General Hospital | 0719 | 0819 |  | 1919"]


def test_a_cell_wrapped_onto_the_next_line_stays_in_its_row():
    text = ("  Day         Time      Event                        Contact\n"
            "  Monday      10:00     Toddler group (bring a       Fiona\n"
            "                        snack to share)\n"
            "  Tuesday     19:30     Ceilidh class                Morag\n"
            "  Friday      19:00     Film night                   Ewan\n")
    blocks = read_text(text).blocks
    assert [b.text for b in blocks][1:3] == [
        "Monday | 10:00 | Toddler group (bring a snack to share) | Fiona",
        "Tuesday | 19:30 | Ceilidh class | Morag"]
    assert {b.kind for b in blocks} == {"row"} and blocks[1].end_line == 3


def test_an_indented_line_under_lines_that_are_no_table_stays():
    text = "Tel  01632 960441\n      evenings only\n"
    assert [b.text for b in read_text(text).blocks] == ["Tel 01632 960441", "evenings only"]


def test_a_caption_with_a_comma_in_brackets_is_no_sign_off():
    blocks = [Block(text="Squat loading (working sets, % of training max)", line=1, end_line=1),
              Block(text="Set | Reps", line=3, end_line=3, kind="row")]
    assert sign_offs(blocks, [None, None])[0] is None


PROGRAMME = """\
STRENGTH CLUB
Members' programme, week 2

Morning all. Week two is where the loads start to feel real, so please take the
warm-up seriously and do not skip the ramp sets on any of the days.

DAY 1 -- LOWER
--------------

A)  Back squat - 5 x 5 @ 75%
B)  Romanian deadlift - 4 x 8
C1) Nordic curl - 3 x 5
C2) Copenhagen plank - 3 x 20s each side
D)  Farmer's carry - 4 x 30m

Train well,
Dervla
"""


def test_lines_lettered_in_turn_are_entries_each_its_own():
    (found,), _ = segment_document(read_bytes("club.txt", PROGRAMME.encode()), *load_profiles())
    day = found.sections[-1]
    assert [item.text for item in day.items] == [
        "Back squat - 5 x 5 @ 75%", "Romanian deadlift - 4 x 8", "Nordic curl - 3 x 5",
        "Copenhagen plank - 3 x 20s each side", "Farmer's carry - 4 x 30m"]



def test_a_caption_right_over_a_tables_rows_is_not_summarized_a_sentence_under_them_is():
    from digest.model import Paragraph, Section
    from digest.summarize.policy import _table_caption

    section = Section("section", "ROUTE 14", 1, 9, paragraphs=[
        Paragraph(2, "Monday to Friday (new times shown)"),
        Paragraph(4, "Market Place | 0520 | 0550", kind="row"),
        Paragraph(5, "General Hospital | 0549 | 0619", kind="row"),
        Paragraph(7, "The 0650 journey continues to the bus station, for the first train."),
        Paragraph(8, "Saturday"), Paragraph(12, "Market Place | 0650", kind="row")])
    assert [_table_caption(section, p) for p in (0, 3, 4)] == [True, False, False]
