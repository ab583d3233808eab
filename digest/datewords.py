"""Dates written out in a line of text ("9 May 2026", "May 9th, 2026", "6. März 2026",
"9 de mayo de 2026", "2026. május 9.", "2026-05-09", "2026年5月9日", "令和8年5月9日",
"民國115年5月9日", "24.11.2026", "2026/11/24", "2026. 5. 9.", and "24/11/2026" or "11/24/2026"
when the day is past 12: a date that could be either is never guessed), in any language whose
month names `digest/profiles/_languages.toml` lists. A neutral helper any stage may use (it
imports no stage): forwarded mail's Date lines, and the date under an issue's title."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from digest.textwords import LETTER

_GAP = r"\.?,?\s+(?:[^\W\d_]{1,3}\s+)?"  # "9. Mai", "May 9, 2026", "9 de mayo de 2026"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = rf"({LETTER}{{2,12}})"  # "märz", "मार्च", "မတ်လ"
_DAY_FIRST = re.compile(rf"(?<!\d){_DAY}{_GAP}{_MONTH}{_GAP}(\d{{4}})(?!\d)")
_MONTH_FIRST = re.compile(rf"(?<![^\W\d_]){_MONTH}\.?\s+{_DAY},?\s+(\d{{4}})(?!\d)")
# The year first, then the month's name and the day, as Hungarian writes it ("2026. március
# 14.", "2026. márc. 13., péntek", "2026. március 14-én"): a word right after the day is no
# date's ("2026 March 3 people").
_YEAR_MONTH_DAY = re.compile(rf"(?<![\d.])(\d{{4}})\.?,?\s+{_MONTH}\.?\s+(\d{{1,2}})"
                             rf"(?:\.|-[^\W\d_]{{1,4}})?(?!\d)(?!\s+[^\W\d_])")
# "March 2026", "marzo de 2026", "Març de 2026": a short word may stand between them.
_MONTH_YEAR = re.compile(rf"(?<![^\W\d_]){_MONTH}\.?,?\s+(?:[^\W\d_]{{1,3}}\s+)?(\d{{4}})(?!\d)")
# A line opening with a day and month, a weekday before them or not ("Sat 7 Dec — …",
# "Sáb 14 dic — …", "Dec 7: …", "14 de diciembre —"): an entry of a calendar.
_DAY_MONTH = re.compile(
    rf"^(?:[^\W\d_]{{2,12}}\.?,?\s+)?(?:{_DAY}{_GAP}{_MONTH}|{_MONTH}\.?\s+{_DAY})(?![^\W_])")
# The same with no short word between the day and the month: a month of three letters or
# fewer is no such word ("13. Mai wie gewohnt", "7 May the hall opens").
_DAY_MONTH_CLOSE = re.compile(rf"^(?:[^\W\d_]{{2,12}}\.?,?\s+)?{_DAY}\.?,?\s+{_MONTH}(?![^\W_])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "2026/11/24", "2026.3.11", and Korean "2026.3.11." and "2026. 3. 11." (a dot after each part)
_YEAR_FIRST = re.compile(r"(?<![\d./])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/]|\.\d)")
_YEAR_FIRST_SPACED = re.compile(r"(?<![\d./])(\d{4})\.\s(\d{1,2})\.\s(\d{1,2})\.(?!\d)")
_DOTTED = re.compile(r"(?<![\d./])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d/]|\.\d)")  # 24.11.2026
_SLASHED = re.compile(r"(?<![\d./])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d./])")  # 24/11 or 11/24
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号]")
# A year of an era, as Japan and Taiwan date letters: "令和8年3月12日" (Reiwa 1 is 2019),
# "中華民國115年3月14日" (the Republic's year 1 is 1912); "元年", the era's first year. The
# year before each era's first.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "民國": 1911, "民国": 1911}
_ERA = re.compile(rf"({'|'.join(_ERAS)})\s*(\d{{1,3}}|元)\s*年"
                  r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Any], ...]:
    """Every language's table of the languages' data file."""
    path = Path(__file__).parent / "profiles" / "_languages.toml"
    return tuple(tomllib.loads(path.read_text("utf-8")).values())


@lru_cache(maxsize=1)
def _months() -> list[tuple[str, int]]:
    """Each month's name in every language, and its number (the tables list the twelve in
    order first, and again as dates write them where that form differs: "3 ноября")."""
    return [(name.casefold().replace(" ", ""), n) for table in _tables()
            for key in ("months_in_dates", "months")
            for n, name in enumerate(table.get(key, [])[:12], start=1)]


@lru_cache(maxsize=1)
def _spaced() -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The months' names of two words ("كانون الأول", Arabic December in the Levant), and their
    first words (a text without any of them needs no search)."""
    names = {name for table in _tables() for key in ("months_in_dates", "months")
             for name in table.get(key, []) if " " in name}
    if not names:
        return None
    firsts = tuple({n.split()[0].casefold() for n in names})
    return re.compile("|".join(r"\s+".join(map(re.escape, n.split()))
                               for n in sorted(names, key=len, reverse=True)),
                      re.IGNORECASE), firsts


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern[str] | None:
    """A date that names its month by a word and the month's number ("5 tháng 12 năm 2026",
    "5 thg 12, 2026"): the `month_words` and `year_words` of every language."""
    month = [w for t in _tables() for w in t.get("month_words", [])]
    year = [w for t in _tables() for w in t.get("year_words", [])]
    if not month:
        return None
    years = rf"(?:(?:{'|'.join(map(re.escape, year))})\s+)?" if year else ""
    return re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:{'|'.join(map(re.escape, month))})\.?\s+"
                      rf"(\d{{1,2}}),?\s+{years}(\d{{4}})(?!\d)", re.IGNORECASE)


NUMBERED_DATE_OTHER_WORDS = 3  # beside such a date on a date line: its weekday, "ngày" (day)


NUMBERED_DATE_BEFORE, NUMBERED_DATE_AFTER = 2, 3  # "中華" before an era's date, "発行" after
_BRACKETED = re.compile(r"[(（][^()（）]{1,12}[)）]")  # a weekday "（木）", a date "（2026/3/14）"


def is_numbered_date(text: str) -> bool:
    """A line that is such a date, with at most a weekday and a word for "day" besides; or a
    date by an era's year, or Korean dots ("中華民國115年3月14日", "令和8年3月12日（木）発行",
    "2026. 3. 11. (수)"), with at most a weekday or the same date in brackets, and a word
    before ("中華") or after ("発行", published) it, no figure."""
    numbered = _numbered()
    found = numbered.search(text) if numbered is not None else None
    if found is not None:
        return len((text[:found.start()] + text[found.end():]).split()) <= \
            NUMBERED_DATE_OTHER_WORDS
    text = text.strip()
    found = _ERA.search(text) or _YEAR_FIRST_SPACED.search(text)
    if found is None:
        return False
    before, after = text[:found.start()], _BRACKETED.sub("", text[found.end():])
    return len(before) <= NUMBERED_DATE_BEFORE and len("".join(after.split())) <= \
        NUMBERED_DATE_AFTER and not any(c.isdigit() for c in before + after)


# A script's own comma, read as "," between a date's parts ("၂၀၂၆ ခုနှစ်၊ မတ်လ", "ہفتہ، 14").
_COMMAS = str.maketrans({"၊": ",", "፣": ",", "،": ","})


@lru_cache(maxsize=1)
def _beside_figures() -> list[tuple[re.Pattern[str], str]]:
    """How the words a date writes beside its figures are left out as it is read, and what
    takes their place: a year that another calendar's era follows goes with it (`eras`: "2018
    ዓ.ም.", the Ethiopian year, is no Gregorian one); a language's `date_words` right after a
    figure ("2026 թ.", the year's; "၁၄ ရက်", the day's) or right before one ("ទី១៤", "the
    14th")."""
    def alternatives(key: str) -> str:
        words = sorted({w for t in _tables() for w in t.get(key, [])}, key=len, reverse=True)
        return "|".join(map(re.escape, words))

    eras, words = alternatives("eras"), alternatives("date_words")
    found = [(re.compile(rf"\d+\s*(?:{eras})"), " ")] if eras else []
    if words:
        found += [(re.compile(rf"(?<=\d)\s*(?:{words})"), ""),
                  (re.compile(rf"(?:{words})\s*(?=\d)"), " ")]
    return found


_FIGURE = re.compile(r"\d")


def joined(text: str) -> str:
    """The text as dates are read: each month's name of two words written as one, a script's
    comma as ",", and the words a date writes beside its figures left out ("၂၀၂၆ ခုနှစ်၊
    မတ်လ ၁၄ ရက်" as "၂၀၂၆, မတ်လ ၁၄"), and a year of another calendar ("2018 ዓ.ም.")."""
    if text.isascii():
        return text
    text = text.translate(_COMMAS)
    if _FIGURE.search(text):
        for pattern, replacement in _beside_figures():
            text = pattern.sub(replacement, text)
    spaced = _spaced()
    if spaced is None:
        return text
    folded = text.casefold()
    if not any(first in folded for first in spaced[1]):
        return text
    return spaced[0].sub(lambda m: "".join(m[0].split()), text)


@lru_cache(maxsize=8192)
def month_number(word: str) -> int | None:
    """The month a word names: a month's name, or three or more of its first letters."""
    word = word.casefold()
    return next((n for name, n in _months()
                 if word == name or len(word) >= 3 and name.startswith(word)), None)


def written_date(text: str) -> dt.date | None:
    """The first whole date the text writes (day, month and year), or None."""
    found = _date_found(joined(text))
    return found[0] if found else None


def without_date(text: str) -> str:
    """The text without the first whole date it writes, else without its month and year
    ("Issue 21 (7 September 2026)" -> "Issue 21 ()", "No. 8 · May 2026" -> "No. 8 · "): what
    else a dated title says, its number."""
    text = joined(text)
    found = _date_found(text)
    if found is not None:
        return text[:found[1]] + text[found[2]:]
    month = next((m for m in _MONTH_YEAR.finditer(text) if month_number(m[1])), None)
    return text if month is None else text[:month.start()] + text[month.end():]


def _date_found(text: str) -> tuple[dt.date | None, int, int] | None:
    """The first whole date a text (its two-word months joined) writes, and where."""
    if not _FIGURE.search(text):  # every way of writing a date has a figure
        return None
    for pattern in (_ISO, _CJK, _YEAR_FIRST, _YEAR_FIRST_SPACED):
        found = pattern.search(text)
        if found:
            return _valid(int(found[1]), int(found[2]), int(found[3])), *found.span()
    found = _ERA.search(text)
    if found:
        return _valid(_ERAS[found[1]] + (1 if found[2] == "元" else int(found[2])),
                      int(found[3]), int(found[4])), *found.span()
    found = _DOTTED.search(text)  # day first wherever dots separate the parts
    if found:
        return _valid(int(found[3]), int(found[2]), int(found[1])), *found.span()
    found = _SLASHED.search(text)  # only when one part is past 12: never guessed
    if found and (int(found[1]) > 12) != (int(found[2]) > 12):
        day, month = sorted((int(found[1]), int(found[2])), reverse=True)
        return _valid(int(found[3]), month, day), *found.span()
    numbered = _numbered()
    found = numbered.search(text) if numbered is not None else None
    if found:
        return _valid(int(found[3]), int(found[2]), int(found[1])), *found.span()
    for pattern, day, month, year in ((_DAY_FIRST, 1, 2, 3), (_MONTH_FIRST, 2, 1, 3),
                                      (_YEAR_MONTH_DAY, 3, 2, 1)):
        for found in pattern.finditer(text):
            number = month_number(found[month])
            if number:
                return _valid(int(found[year]), number, int(found[day])), *found.span()
    return None


def opens_with_day(text: str) -> bool:
    """The text opens with a day of a month named in words, with no year needed ("Sat 7 Dec
    — Winter social ride")."""
    text = joined(text).strip()
    found = _DAY_MONTH.match(text)
    if found is not None and month_number(found[2] or found[3]) is not None:
        return True
    found = _DAY_MONTH_CLOSE.match(text)
    return found is not None and month_number(found[2]) is not None


def written_month(text: str) -> dt.date | None:
    """The first day of the month a text names with its year only ("March 2026"), or None."""
    for found in _MONTH_YEAR.finditer(joined(text)):
        number = month_number(found[1])
        if number:
            return _valid(int(found[2]), number, 1)
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
