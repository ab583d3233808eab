"""The language an issue is written in: as its file or `metadata.toml` says it (HTML `lang`,
`Content-Language`, front matter `lang`), else the language whose common words
(`digest/profiles/_languages.toml`) its first few hundred words use most, else none (the
phrase tables then fall back to English)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache

from digest.confine import read_inside
from digest.model import Block
from digest.textwords import KANA

from .profiles import BUILTIN, heading_key

SAMPLE_WORDS = 400  # words read from the start of an issue
SAMPLE_BLOCKS = 40  # blocks whose script is looked at
MIN_HITS = 8  # fewer common words than this: too little text to tell
MARGIN = 1.5  # the first language must have this many times the second's common words
# and this many different ones: a language with no table that shares a few short words with
# one ("na", "o" in Czech and Portuguese) is not taken for it
MIN_DISTINCT = 4
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?![A-Za-z])")
_WORD = re.compile(r"[^\W\d_]+")
SCRIPT_SHARE = 0.3  # of the sample's letters in Han, kana or Hangul: the language they write
KANA_SHARE = 0.1  # of its Han and kana that are kana: Japanese, not Chinese
_KANA = re.compile(f"[{KANA}]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SCRIPTS = [
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),  # Devanagari: Hindi, by far its most read language
    ("bn", re.compile(r"[\u0980-\u09ff]")),  # Bengali (Assamese, which shares it, read as it)
    # Each the script of one language, or of one read far more than the others that share it
    # (Amharic beside Tigrinya, Burmese beside Shan and Mon)
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("si", re.compile(r"[\u0d80-\u0dff]")),
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("my", re.compile(r"[\u1000-\u109f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]")),
    ("am", re.compile(r"[\u1200-\u139f\u2d80-\u2ddf]")),  # Ethiopic
    ("km", re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")),
    ("hy", re.compile(r"[\u0531-\u058f]")),
]
# Any letter of those scripts: text with none (most) is not counted letter by letter.
_TOLD_BY_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0531-\u058f\u0590-\u06ff\u0750-\u077f\u0900-\u09ff\u0b80-\u0bff"
    r"\u0d80-\u0eff\u1000-\u10ff\u1100-\u11ff\u1200-\u139f\u1780-\u17ff\u19e0-\u19ff"
    r"\u1c90-\u1cbf\u1f00-\u1fff\u2d80-\u2ddf\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PERSIAN = re.compile(r"[پچژگیک]")  # letters Arabic does not use (its yeh and kaf: ي ك)
_URDU = re.compile(r"[ٹڈڑںے]")
ARABIC_OWN = 3  # of those letters: Persian or Urdu, not Arabic


_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")  # its vowel signs are no `\w`


def _devanagari(text: str) -> str:
    """Hindi, or Nepali when Nepali's own common words ("छ", "पनि", "थियो") are clearly ahead
    of Hindi's ("है", "में", "था"): the `words` of their tables."""
    words = common_words()
    counts = Counter(words.get(w) for w in _DEVANAGARI_WORD.findall(text))
    return "ne" if counts["ne"] >= MIN_HITS and counts["ne"] >= MARGIN * counts["hi"] else "hi"


def _arabic_script(text: str) -> str:
    if len(_URDU.findall(text)) >= ARABIC_OWN:
        return "ur"
    return "fa" if len(_PERSIAN.findall(text)) >= ARABIC_OWN else "ar"


@lru_cache(maxsize=1)
def _data() -> dict[str, dict]:
    path = BUILTIN / "_languages.toml"
    return tomllib.loads(read_inside(path, path.parent, "profiles folder").decode("utf-8"))


def bylines(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that introduce an author in the language and those that join two authors,
    English "by" and "and" among them."""
    table = _data().get(language or "", {})
    return (tuple(dict.fromkeys(["by", *table.get("by", [])])),
            tuple(dict.fromkeys(["and", *table.get("and", [])])))


def _with_english(language: str | None, *keys: str) -> frozenset[str]:
    """The entries under `keys` of the language's table and of English's, lower-case."""
    data = _data()
    return frozenset(w.casefold() for code in ("en", language or "en")
                     for key in keys for w in data.get(code, {}).get(key, []))


@lru_cache(maxsize=16)
def months(language: str | None) -> frozenset[str]:
    """The months' names and short names in the language (as dates write them too), English
    ones among them; a name of two words written as one, as `datewords.joined` reads it."""
    return frozenset(name.replace(" ", "") for name in
                     _with_english(language, "months", "months_in_dates"))


@lru_cache(maxsize=1)
def closing_words() -> frozenset[str]:
    """The last words of a letter's closing in the languages that end that line with a colon
    ("Üdvözlettel:"), every language's together: they are no other language's words."""
    return frozenset(w.casefold() for table in _data().values() for w in table.get("closings", []))


@lru_cache(maxsize=1)
def imprint_words() -> frozenset[str]:
    """The words that name a register or an officer in a legal notice ("Vereinsregister",
    "Vorsitzende", "registered charity"), every language's together: a footer's, never a story's."""
    return frozenset(w.casefold() for table in _data().values() for w in table.get("imprint", []))


@lru_cache(maxsize=16)
def plain_words(language: str | None) -> frozenset[str]:
    """Words a name credited after an entry never holds: the language's common words and
    calls to action ("more", "here", "register"), English ones among them."""
    return _with_english(language, "words", "calls")


@lru_cache(maxsize=16)
def call_words(language: str | None) -> frozenset[str]:
    """Words a call to action opens with ("Register", "Read", "Jetzt"), English ones among them."""
    return _with_english(language, "calls")


@lru_cache(maxsize=16)
def more_lines(language: str | None) -> frozenset[str]:
    """Lines that only point to the rest of a story ("Read more", "Lire la suite"), lower-case,
    in the language and English, with typographic apostrophes written straight."""
    return frozenset(line.replace("’", "'") for line in _with_english(language, "more"))


@lru_cache(maxsize=16)
def note_headings(language: str | None) -> frozenset[str]:
    """Headings over an essay's notes or sources ("Notes", "Further reading", "Quellen"),
    compared as headings, in the language and English."""
    return frozenset(heading_key(h) for h in _with_english(language, "notes"))


_UNIT = r"(?:[^\W\d_]|[\u0900-\u0dff]){1,10}"  # a word; Indic vowel signs are no letters to `\w`


@lru_cache(maxsize=16)
def reading_time(language: str | None) -> re.Pattern[str]:
    """A post's reading time ("6 min read", "5 min de lecture", "Read time: 4 minutes"), in the
    language or English."""
    phrases = sorted(_with_english(language, "reading"), key=len, reverse=True)
    units = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!)"
    labels = sorted(_with_english(language, "reading_labels"), key=len, reverse=True)
    before = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in labels) or "(?!)"
    # after a label, the number and its unit either way round ("Muda wa kusoma: dakika 5")
    return re.compile(rf"\d{{1,3}}\s*(?:{units})(?!\w)|(?:{before})\s*:?\s*(?:\d{{1,3}}\s*"
                      rf"{_UNIT}\.?|{_UNIT}\s+\d{{1,3}})(?![\w\u0900-\u0dff])", re.IGNORECASE)


@lru_cache(maxsize=16)
def reading_line(language: str | None) -> re.Pattern[str]:
    """A line that is only a reading time, and short fields around it ("6 min read ·
    Member-only", "Engineering Today · 6 min read")."""
    # possessive: a paragraph is not tried 40 ways; a figure's dot is no sentence's end; a
    # reading time has a figure, so a line with none fails at the lookahead
    field = r"(?:[^.!?·•|\n]|(?<=\d)[.,](?=\d)){1,40}+"
    return re.compile(rf"^(?=\D*+\d)(?:{field}\s*+[·•|]\s*)?(?:{reading_time(language).pattern})"
                      rf"(?:\s*[·•|]\s*{field})?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """Each common word and the one language it marks."""
    data = _data()
    owner: dict[str, str] = {}
    shared: set[str] = set()
    for code, table in data.items():
        for word in table.get("words", []):
            word = word.casefold()
            if word in owner and owner[word] != code:
                shared.add(word)
            owner[word] = code
    return {word: code for word, code in owner.items() if word not in shared}


def primary(tag: str | None) -> str | None:
    """A language tag's primary language: "de-AT" -> "de"; None when there is none."""
    found = _TAG.match(tag or "")
    return found[1].lower() if found else None


def by_script(text: str) -> str | None:
    """The language a good share of the text's letters are written in the script of, for
    scripts that tell their language alone: Chinese, Japanese and Korean, Arabic (Persian
    and Urdu by their own letters), Hebrew, Greek, Thai, Devanagari (Hindi; Nepali by its
    words), Bengali, Tamil, Sinhala, Lao, Burmese, Georgian, Ethiopic (Amharic), Khmer and
    Armenian."""
    if _TOLD_BY_SCRIPT.search(text) is None:
        return None
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return None
    for code, script in _SCRIPTS:
        if len(script.findall(text)) > SCRIPT_SHARE * letters:
            if code == "ar":
                return _arabic_script(text)
            return _devanagari(text) if code == "hi" else code
    kana, han = len(_KANA.findall(text)), len(_HAN.findall(text))
    if kana + han <= SCRIPT_SHARE * letters:
        return None
    return "ja" if kana >= KANA_SHARE * (kana + han) else "zh"


def detect(blocks: list[Block]) -> str | None:
    """The language most of the first SAMPLE_WORDS words mark, when it is clearly ahead, or
    the one the text's script tells."""
    sample = [b.text for b in blocks if b.kind not in ("code", "rule")][:SAMPLE_BLOCKS]
    if any(not t.isascii() for t in sample):
        script = by_script(" ".join(sample))
        if script:
            return script
    words = common_words()
    counts: Counter[str] = Counter()
    distinct: set[str] = set()
    seen = 0
    for block in blocks:
        if block.kind in ("code", "rule"):
            continue
        for word in _WORD.findall(block.text.casefold()):
            code = words.get(word)
            if code:
                counts[code] += 1
                distinct.add(word)
            seen += 1
        if seen >= SAMPLE_WORDS:
            break
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS or \
            sum(words[w] == ranked[0][0] for w in distinct) < MIN_DISTINCT:
        return None
    if len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def issue_language(declared: str | None, blocks: list[Block]) -> str | None:
    return primary(declared) or detect(blocks)
