"""The date an issue writes under its title or in it ("Issue 9 - Tuesday, 12 May 2026",
"Harbour News — March 2026"), used when its file, headers and metadata give none, in any
language with month names. Fixtures written here."""

from __future__ import annotations

import datetime as dt

import pytest
from _letters import issue_of

from digest.datewords import is_numbered_date, written_date, written_month
from digest.ingest import read_file
from digest.segment import load_profiles, segment_document

HARBOUR = """\
HARBOUR NEWS
Issue 9 - Tuesday, 12 May 2026

Good morning. The ferry timetable changes next week, and the fish market reopens.

TIMETABLE

From Monday boats leave every forty minutes instead of every hour.

MARKET

The fish market reopens on Saturday after repairs to its roof.
"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


@pytest.mark.parametrize("masthead, date, approximate", [
    ("Issue 9 - Tuesday, 12 May 2026", dt.date(2026, 5, 12), False),
    ("12 May 2026", dt.date(2026, 5, 12), False),
    ("May 12th, 2026", dt.date(2026, 5, 12), False),
    ("2026-05-12", dt.date(2026, 5, 12), False),
    ("May 2026", dt.date(2026, 5, 1), True),
    ("Issue 9", None, False),
    ("Tuesday, 12 May", None, False),  # no year: never guessed
    ("Dienstag, 12.05.2026", dt.date(2026, 5, 12), False),
    ("Tue 12 May 2026", dt.date(2026, 5, 12), False),
    ("13/05/2026", dt.date(2026, 5, 13), False),
    ("5/12/2026", None, False),  # 12 May or 5 December: never guessed
    ("Nº 9 · 12 de mayo de 2026", dt.date(2026, 5, 12), False),  # "de" between the parts
])
def test_the_date_written_under_the_title_dates_an_undated_file(masthead, date, approximate,
                                                                 profiles):
    text = HARBOUR.replace("Issue 9 - Tuesday, 12 May 2026", masthead)
    issue = issue_of("harbour.txt", text.encode(), profiles)
    assert (issue.date, issue.date_approximate) == (date, approximate)
    assert issue.date_source == ("text" if date else None)


def test_a_date_in_the_title_dates_the_issue_and_the_file_name_wins(profiles, tmp_path):
    titled = "Harbour News — 12 May 2026\n\n" + HARBOUR.split("\n", 2)[2]
    assert issue_of("harbour.txt", titled.encode(), profiles).date == dt.date(2026, 5, 12)
    named = tmp_path / "harbour" / "2026-05-19-harbour.txt"
    named.parent.mkdir()
    named.write_text(HARBOUR)
    (issue,), _ = segment_document(read_file(named, root=tmp_path), *profiles)
    assert (issue.date, issue.date_source) == (dt.date(2026, 5, 19), "file name")


@pytest.mark.parametrize("text, date", [
    ("6. März 2026", dt.date(2026, 3, 6)),
    ("9 de mayo de 2026", dt.date(2026, 5, 9)),
    ("mardi 4 mars 2026", dt.date(2026, 3, 4)),
    ("Sept 30, 2025", dt.date(2025, 9, 30)),
    ("2026年5月9日（土）", dt.date(2026, 5, 9)),
    ("3 ноября 2026 г.", dt.date(2026, 11, 3)),
    ("5 травня 2026", dt.date(2026, 5, 5)),
    ("piątek, 13 listopada 2026", dt.date(2026, 11, 13)),
    ("1 maja 2026", dt.date(2026, 5, 1)),
    ("٢٦ نوفمبر ٢٠٢٦", dt.date(2026, 11, 26)),  # Arabic, in Arabic-Indic digits
    ("3 مارس 2026", dt.date(2026, 3, 3)),
    ("26 בנובמבר 2026", dt.date(2026, 11, 26)),  # Hebrew: the month after "ב" (in)
    ("Τεύχος 31 — 6 Δεκεμβρίου 2026", dt.date(2026, 12, 6)),  # Greek: the month's genitive
    ("9 Aralık 2026", dt.date(2026, 12, 9)),  # Turkish
    ("7 दिसंबर 2026", dt.date(2026, 12, 7)),  # Hindi: vowel signs inside the month's name
    ("7 दिसम्बर 2026", dt.date(2026, 12, 7)),  # …and its other spelling
    ("2 मई 2026", dt.date(2026, 5, 2)),  # a month of two letters
    ("الجمعة ٤ كانون الأول ٢٠٢٦", dt.date(2026, 12, 4)),  # Levantine: a month of two words
    ("٤ تشرين الثاني ٢٠٢٦", dt.date(2026, 11, 4)),
    ("Thứ Bảy, ngày 5 tháng 12 năm 2026", dt.date(2026, 12, 5)),  # Vietnamese: by number
    ("5 thg 12, 2026", dt.date(2026, 12, 5)),
    ("24.11.2026", dt.date(2026, 11, 24)),
    ("Dienstag, 24.11.2026", dt.date(2026, 11, 24)),
    ("2026/11/24", dt.date(2026, 11, 24)),
    ("11/24/2026", dt.date(2026, 11, 24)),
    ("24/11/2026", dt.date(2026, 11, 24)),
    ("05/11/2026", None),  # 5 November or May 11: never guessed
    ("https://example.org/2026/11/24/post", None),
    ("v1.24.11.2026", None),
    ("31 February 2026", None),
    ("Version 2 of 2026", None),
    ("Chapter 12 2026", None),
    ("令和8年3月12日", dt.date(2026, 3, 12)),  # Japanese eras: Reiwa 1 is 2019
    ("令和８年３月１２日（木）発行", dt.date(2026, 3, 12)),
    ("令和元年5月1日", dt.date(2019, 5, 1)),  # "元年": an era's first year
    ("平成31年4月30日", dt.date(2019, 4, 30)),  # Heisei 1 is 1989
    ("平成元年1月8日", dt.date(1989, 1, 8)),
    ("民國115年3月14日", dt.date(2026, 3, 14)),  # the Republic of China's years: 1 is 1912
    ("中華民國115年3月14日", dt.date(2026, 3, 14)),
    ("第158期 中華民國115年3月14日出刊（2026/03/14）", dt.date(2026, 3, 14)),
    ("民国115年3月14日", dt.date(2026, 3, 14)),
    ("115年3月14日", None),  # a year of no era named: never guessed
    ("115/03/23（一）", None),
    ("令和8年2月30日", None),
    ("2026. 3. 11. (수)", dt.date(2026, 3, 11)),  # Korean: a dot after each part
    ("2026.3.11.", dt.date(2026, 3, 11)),
    ("2026.3.11", dt.date(2026, 3, 11)),
    ("2026.3.11.4", None),
    ("Since 2026. 3. 11 more came", None),
    ("2026 թ. հոկտեմբերի 5", dt.date(2026, 10, 5)),  # Armenian: the year's "թ.", a genitive
    ("5 հոկտեմբերի 2026 թ.", dt.date(2026, 10, 5)),
    ("ორშაბათი, 5 ოქტომბერი, 2026", dt.date(2026, 10, 5)),  # Georgian
    ("5 அக்டோபர் 2026", dt.date(2026, 10, 5)),  # Tamil
    ("၂၀၂၆ ခုနှစ်၊ အောက်တိုဘာလ ၅ ရက်", dt.date(2026, 10, 5)),  # Burmese, in its digits
    ("ថ្ងៃច័ន្ទ ទី៥ ខែតុលា ឆ្នាំ២០២៦", dt.date(2026, 10, 5)),  # Khmer: words joined to figures
    ("ວັນທີ 5 ຕຸລາ 2026", dt.date(2026, 10, 5)),  # Lao
    ("2026 ඔක්තෝබර් 5", dt.date(2026, 10, 5)),  # Sinhala
    ("2026 අප්\u200dරේල් 3", dt.date(2026, 4, 3)),  # …its April has a joiner inside
    ("پیر، 5 اکتوبر 2026ء", dt.date(2026, 10, 5)),  # Urdu: "ء" after the year
    ("22/02/2018 ዓ.ም.", None),  # the Ethiopian calendar's year: no Gregorian date
    ("ጥቅምት 12 ቀን 2019 ዓ.ም.", None),
])
def test_dates_written_out_in_several_languages(text, date):
    assert written_date(text) == date


LETTER = """\
測試通訊 第9號
{masthead}

這是本期的第一段內文，說明這一期的主要內容與活動安排，歡迎大家參加。
"""


@pytest.mark.parametrize("masthead, date", [
    ("令和8年3月12日", dt.date(2026, 3, 12)),
    ("令和8年3月12日（木）発行", dt.date(2026, 3, 12)),
    ("民國115年3月14日", dt.date(2026, 3, 14)),
    ("中華民國115年3月14日出刊（2026/03/14）", dt.date(2026, 3, 14)),
    ("2026. 3. 11. (수)", dt.date(2026, 3, 11)),
    ("115/03/23", None),
])
def test_an_era_or_korean_date_under_the_title_dates_the_issue_as_its_date_line(
        masthead, date, profiles):
    """The line is the masthead's date, not a section's heading over the opening text."""
    issue = issue_of("letter.txt", LETTER.format(masthead=masthead).encode(), profiles)
    assert issue.date == date
    if date is not None:
        assert [(d.kind, d.text) for d in issue.dropped] == [("byline", masthead)]
        assert [s.heading for s in issue.sections] == [None]


@pytest.mark.parametrize("name, letter, date", [
    ("letter.txt", "ရွာ့သတင်း\n၂၀၂၆ ခုနှစ်၊ အောက်တိုဘာလ ၅ ရက်\n\nဒီအပတ် ရွာမှာ စာကြည့်တိုက် "
     "အသစ် ဖွင့်ပါသည်။ ကလေးများ နေ့တိုင်း လာဖတ်ကြသည်။\n", dt.date(2026, 10, 5)),
    ("letter.txt", "ព័ត៌មានភូមិ\nថ្ងៃច័ន្ទ ទី៥ ខែតុលា ឆ្នាំ២០២៦\n\nសប្តាហ៍នេះ "
     "បណ្ណាល័យថ្មីបានបើកនៅក្នុងភូមិ។ ក្មេងៗមកអានសៀវភៅរៀងរាល់ថ្ងៃ។\n", dt.date(2026, 10, 5)),
    ("letter.md", "# Թաղամասի լուրեր\n\n2026 թ. հոկտեմբերի 5\n\nԱյս շաբաթ մեր թաղամասում "
     "բացվեց նոր գրադարան։ Երեխաները ամեն օր այնտեղ կարդում են։\n", dt.date(2026, 10, 5)),
    ("letter.md", "# محلے کی خبریں\n\nپیر، 5 اکتوبر 2026ء\n\nاس ہفتے ہمارے محلے میں نیا کتب "
     "خانہ کھلا ہے۔ بچے ہر روز وہاں کتابیں پڑھنے آتے ہیں۔\n", dt.date(2026, 10, 5)),
    ("letter.md", "# የመንደር ዜና\n\n22/02/2018 ዓ.ም.\n\nበዚህ ሳምንት በመንደራችን አዲስ ቤተ መጻሕፍት "
     "ተከፈተ። ልጆች በየቀኑ ያነባሉ።\n", None),
])
def test_a_letter_in_its_own_script_is_dated_by_the_line_under_its_title(name, letter, date,
                                                                         profiles):
    issue = issue_of(name, letter.encode(), profiles)
    assert issue.date == date
    if date is not None:  # the date line is the masthead's, no text
        assert [d.kind for d in issue.dropped] == ["byline"]


def test_an_era_date_inside_a_sentence_is_no_date_line():
    assert is_numbered_date("令和8年3月12日（木）発行")
    assert not is_numbered_date("令和8年3月12日に新しい工場が動き始めました。")
    assert not is_numbered_date("第3号 令和8年3月12日")


def test_a_month_and_year_alone_name_a_month_not_a_day():
    assert written_date("Forge Notes — March 2026") is None
    assert written_month("Forge Notes — March 2026") == dt.date(2026, 3, 1)
    assert written_month("Marching 2026") is None
    assert written_month("Boletín de marzo de 2026") == dt.date(2026, 3, 1)
    assert written_month("Butlletí núm. 42 – Març de 2026") == dt.date(2026, 3, 1)
    assert written_month("Nyhedsbrev, marts 2026") == dt.date(2026, 3, 1)
    assert written_month("Zpravodaj březen 2026") == dt.date(2026, 3, 1)


def test_a_tagline_ending_in_a_date_is_the_subtitle_and_dates_the_issue(profiles):
    text = ("# Stargazer Notes #41: The comet that wasn't\n\n*News from the Pellworth Hill "
            "observatory group — 28 November 2026*\n\nHello stargazers!\n\nThree weeks ago our "
            "survey telescope reported a new comet. It was not one.\n")
    issue = issue_of("notes.md", text.encode(), profiles)
    assert (issue.date, issue.date_approximate) == (dt.date(2026, 11, 28), False)
    assert issue.dek == "News from the Pellworth Hill observatory group — 28 November 2026"
    opening = text.replace("News from the Pellworth Hill observatory group — 28 November 2026",
                           "Friday, 28 November 2026 · News from the Pellworth Hill group")
    issue = issue_of("notes.md", opening.encode(), profiles)  # the date may come first
    assert (issue.date, issue.dek) == (
        dt.date(2026, 11, 28), "Friday, 28 November 2026 · News from the Pellworth Hill group")


def test_the_day_under_the_title_refines_the_month_of_the_file_name(profiles, tmp_path):
    named = tmp_path / "acoustics" / "bulletin-2026-11.md"
    named.parent.mkdir()
    named.write_text("# Acoustics Bulletin — November 2026\n\n**Society for Applied Acoustics** "
                     "· Issue 74 · 25 November 2026\n\nDear members, the spring meeting filled "
                     "in a week.\n")
    (issue,), _ = segment_document(read_file(named, root=tmp_path), *profiles)
    assert (issue.date, issue.date_approximate) == (dt.date(2026, 11, 25), False)
    named.write_text(named.read_text().replace("25 November 2026", "25 October 2026"))
    (issue,), _ = segment_document(read_file(named, root=tmp_path), *profiles)
    assert (issue.date, issue.date_approximate) == (dt.date(2026, 11, 1), True)  # not that month
