"""Plain-text letters drawn with box-drawing lines ("━━━━", "────", "════"), as mail
magazines in any language are: the lines are rules, a line under a title underlines it, and a
masthead framed by two of them gives the issue its title. Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import issue_of

from digest.ingest import read_bytes
from digest.segment import load_profiles

WORKSHOP = """\
═══════════════════════════════════
  WEEKLY NOTES FROM THE WORKSHOP
  No. 61 — 21 November 2026
═══════════════════════════════════

Hello from a cold workshop. The stove is lit and the orders are in.

───────────────────────────────────
NEW TOOLS IN THE RACK
───────────────────────────────────

We now stock two sizes of pull saw. The smaller one is the better first saw: it cuts on the
pull stroke, so the blade can be thin and the cut narrow.

Classes in December
───────────────────

The spoon carving class is full. There are three places left on the dovetail class on
13 December; it runs from ten until four and lunch is included.

───────────────────────────────────
Workshop Ltd, Unit 4, Canal Yard. Reply to this e-mail to book a place.
"""

LIBRARY = """\
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　まちの図書館だより　第128号
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

こんにちは。図書館だより11月号をお届けします。今月は冬の開館時間のお知らせです。

■ 冬の開館時間について

12月1日から2月末まで、平日の閉館時間を午後7時に変更します。土曜日と日曜日はこれまでどおりです。

──────────────────────────────
このメールは送信専用です。配信停止はこちら：https://library.example.jp/stop
──────────────────────────────
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_a_framed_masthead_titles_the_issue_and_its_second_line_is_the_issue_line(profiles):
    issue = issue_of("2026-11-21-notes.txt", WORKSHOP.encode(), profiles)
    assert (issue.title, issue.dek) == ("WEEKLY NOTES FROM THE WORKSHOP",
                                        "No. 61 — 21 November 2026")


def test_box_drawing_lines_frame_and_underline_section_headings(profiles):
    issue = issue_of("2026-11-21-notes.txt", WORKSHOP.encode(), profiles)
    assert [(s.heading, [p.text[:24] for p in s.paragraphs]) for s in issue.sections] == [
        (None, ["Hello from a cold worksh"]),
        ("NEW TOOLS IN THE RACK", ["We now stock two sizes o"]),
        ("Classes in December", ["The spoon carving class "])]
    assert [d.text for d in issue.dropped] == [
        "Workshop Ltd, Unit 4, Canal Yard. Reply to this e-mail to book a place."]


def test_no_line_of_box_drawing_is_read_as_text():
    (part,) = read_bytes("2026-11-21-notes.txt", WORKSHOP.encode()).parts
    assert not [b.text for b in part.blocks if b.text.strip("═─ ") == "" and b.text]


def test_a_japanese_mail_magazine_is_titled_by_its_framed_masthead(profiles):
    issue = issue_of("2026-11-20-library.txt", LIBRARY.encode(), profiles)
    assert issue.title == "まちの図書館だより 第128号"
    assert [s.heading for s in issue.sections] == [None, "冬の開館時間について"]
    assert "配信停止" not in " ".join(p.text for s in issue.sections for p in s.paragraphs)


NOTICES = """\
SOIL NOTICES - 17 November 2026

Three notices this week.

----------------------------------------------------------------------
1. Webinar: carbon in deep subsoils
----------------------------------------------------------------------

A talk on how much carbon lies below one metre, and why most inventories leave it out.

----------------------------------------------------------------------
2. Position: PhD student in soil microbiology (Ghent)
----------------------------------------------------------------------

A four-year funded place studying how cover crops change fungal communities.

----------------------------------------------------------------------
3. Atlas: "European Earthworms"
----------------------------------------------------------------------

The first release of the atlas is online, with records of 140 species.

----------------------------------------------------------------------
1. Apples
2. Pears
----------------------------------------------------------------------
"""


def test_a_numbered_heading_alone_in_its_frame_is_a_heading_whatever_closes_it(profiles):
    issue = issue_of("notices.txt", NOTICES.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [
        "1. Webinar: carbon in deep subsoils",
        "2. Position: PhD student in soil microbiology (Ghent)",
        '3. Atlas: "European Earthworms"']
    position = issue.sections[2]
    assert [p.text[:24] for p in position.paragraphs] == ["A four-year funded place"]
    assert [i.text for i in issue.sections[-1].items] == ["Apples", "Pears"]  # a list, framed


def test_a_heading_in_capitals_may_end_with_a_note_in_brackets(profiles):
    text = ("FANZINE 88\n\nThe first paragraph of the issue says hello to every reader.\n\n"
            "SATURDAY: HARBOUR 2-1 MILLBROOK\n\nWe lost, but the second half was better.\n\n"
            "THE TABLE (bottom half)\n\nWe sit two points above the drop with fifteen games "
            "to go.\n")
    issue = issue_of("88.txt", text.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [
        "SATURDAY: HARBOUR 2-1 MILLBROOK", "THE TABLE (bottom half)"]


WRAPPED_WITH_TABLE = """CUB PACK LETTER - SPRING TERM

Dear parents and carers,

This letter sets out the programme for next term, the dates of the
Easter camp and some housekeeping. Please keep it somewhere safe, or
stick it on the fridge where everyone in the family can see it.

Meetings are on Wednesdays, 6.15pm to 7.45pm, at the Scout Hut on
Quarry Lane unless it says otherwise below, and pick-up is at the gate.

Date      Activity                                   Notes
06 Jan    Welcome back and Chinese New Year          Chopsticks challenge, bring a bowl
13 Jan    Navigator badge part 1                     Bring a compass if you have one
20 Jan    Navigator badge part 2 - night hike        Meet at the hut, torch needed
27 Jan    Fire station visit                         Ashcombe Fire Station, 6.30pm start

Easter camp will be at Ferndown Scout Campsite from Friday 3 April
(meet 6pm) to Sunday 5 April (collect 2pm). The cost is 65 pounds and
a deposit of 20 pounds secures a place.

""" + (  # a group's footer, left unwrapped
    'You received this message because you are subscribed to the Google Groups "Cub Pack '
    'Parents" group.\nTo unsubscribe from this group and stop receiving emails from it, send '
    "an email to cubs+unsubscribe@groups.example.\nTo view this discussion visit "
    "https://groups.example/d/msgid/cubs/CAK3x9q7Hpz.\n")


def test_wrapped_text_with_a_wide_table_and_an_unwrapped_footer_reads_as_paragraphs(profiles):
    """A table's rows (set out in columns) and a few footer lines left unwrapped are wider
    than the text's wrap: they no longer set its width, so its paragraphs still join."""
    issue = issue_of("letter.txt", WRAPPED_WITH_TABLE.encode(), profiles)
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "Meetings are on Wednesdays, 6.15pm to 7.45pm, at the Scout Hut on Quarry Lane " \
        "unless it says otherwise below, and pick-up is at the gate." in texts
    assert any(t.startswith("Easter camp will be at Ferndown Scout Campsite from Friday 3 April "
                            "(meet 6pm)") for t in texts)
    rows = [p.text for s in issue.sections for p in s.paragraphs if p.kind == "row"]
    assert len(rows) == 5 and rows[1].startswith("06 Jan | Welcome back")


KURA = """\
☆。.:*・゜☆。.:*・゜☆。.:*・゜☆

　　みなと書房だより　第１２号

☆。.:*・゜☆。.:*・゜☆。.:*・゜☆

こんにちは、店主の片山です。

港のまわりの桜もようやく咲きはじめ、店の前の坂道には
散歩の人が増えてきました。今月も新しい本が
たくさん届いています。

━━━━━━━━━━━━━━━━━━━━━━
　◆ 今号の目次 ◆
━━━━━━━━━━━━━━━━━━━━━━
　① 春の古本市のお知らせ
　② 店主の読書日記
━━━━━━━━━━━━━━━━━━━━━━

■□■□■□■□■□■□■□■□■□■□
① 春の古本市のお知らせ
■□■□■□■□■□■□■□■□■□■□

毎年ご好評いただいている春の古本市を、
４月４日（土）から港の広場で開きます。

■□■□■□■□■□■□■□■□■□■□
② 店主の読書日記
■□■□■□■□■□■□■□■□■□■□

先週は、古い航海日誌の復刻版を読みました。一行ずつ
読むうちに、昔の船乗りの暮らしが目に浮かぶようで
した。
"""


def test_a_japanese_mail_magazine_broken_by_hand_reads_as_paragraphs_under_its_parts(
        profiles):
    """Lines broken by hand at uneven lengths (after a comma or mid-phrase) are one paragraph;
    ornament lines ("■□■□…", "☆。.:*・゜☆") frame headings as rules do; and the rule closing
    the contents' box underlines none of its entries."""
    issue = issue_of("minato.txt", KURA.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [
        "① 春の古本市のお知らせ", "② 店主の読書日記"]  # the contents box is furniture
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "港のまわりの桜もようやく咲きはじめ、店の前の坂道には散歩の人が増えてきました。" \
        "今月も新しい本がたくさん届いています。" in texts
    assert "毎年ご好評いただいている春の古本市を、４月４日（土）から港の広場で開きます。" in texts
    assert "先週は、古い航海日誌の復刻版を読みました。一行ずつ読むうちに、昔の船乗りの暮らしが" \
        "目に浮かぶようでした。" in texts


TRANSCRIPT = """\
Harbour Voices - Episode 4

This week we talk to the last ferry captain about forty years on the crossing.

FROM THE TRANSCRIPT

ALEX:
So when did you first take the wheel?

MAREN:
At nineteen. The old captain stood behind me the whole way and never said a word.

ALEX:
And the worst crossing?

MAREN:
The February storm of 1990. We turned back twice before we made the harbour.

CHAPTERS

(00:00) Welcome
(03:10) The first crossing
"""


def test_a_transcripts_speaker_labels_on_their_own_lines_are_no_headings(profiles):
    issue = issue_of("voices.txt", TRANSCRIPT.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [
        "FROM THE TRANSCRIPT", "CHAPTERS"]
    said = " ".join(f"{i.text} {i.excerpt or ''}" for s in issue.sections for i in s.items) + \
        " ".join(p.text for s in issue.sections for p in s.paragraphs)
    assert "At nineteen. The old captain stood behind me" in said
    assert "The February storm of 1990." in said


def test_a_contents_box_of_numbered_lines_is_furniture_and_each_entry_its_own_line(profiles):
    """The contents, one full-width-numbered line per part, name the headings below: the page
    has its own contents, so they are furniture; no two entries run together."""
    fair, diary = "１．春の古本市、今年は港の広場で二日間の開催へ", "２．店主の読書日記"
    text = KURA.replace("　① 春の古本市のお知らせ\n　② 店主の読書日記\n",
                        f"　{fair}\n　{diary}\n")
    text = text.replace("① 春の古本市のお知らせ\n■", f"{fair}\n■")
    text = text.replace("② 店主の読書日記\n■", f"{diary}\n■")
    issue = issue_of("minato.txt", text.encode(), profiles)
    assert [s.heading for s in issue.sections if s.heading] == [fair, diary]
    kinds = {d.text: d.kind for d in issue.dropped}
    assert kinds[fair] == kinds[diary] == "chrome"
