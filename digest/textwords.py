"""Words and sentence ends in any script, a neutral helper any stage may use (it imports no
stage): Chinese and Japanese write no spaces between words, so their words are counted by
characters, CJK_CHARS_PER_WORD to a word, and their sentences end in 。！？ as well as . ! ?
Text is spelled in ASCII (for page and file names) by anyascii."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from anyascii import anyascii

# Kana, and Han ideographs (with extension A and the compatibility block). Hangul is left
# out: Korean puts spaces between its words.
CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff\u31f0-\u31ff"
CJK_CHARS_PER_WORD = 2  # Chinese and Japanese words average one to two characters
# What closes a sentence, in any script: । the Devanagari danda, ። ፧ Ethiopic, ։ Armenian,
# ။ Myanmar, ។ ៕ Khmer.
SENTENCE_ENDS = ".!?…。！？؟۔।॥።፧։။។៕"
QUESTION_MARKS = "?？؟፧"  # those of them that close a question
# A line that is one link within the page, of this many words at most ("Back to top", "↑ Top"),
# is furniture: the HTML reader, which drops such links, marks it; Markdown's are found later.
IN_PAGE_WORDS = 4
ENDS_SENTENCE = re.compile(f"[{SENTENCE_ENDS}]$")  # text whose last mark closes a sentence
CLAUSE_ENDS = ",;:、，；：،؛፣፤၊"  # what closes a clause or a line that goes on (፣ ၊ commas)
ARMENIAN = "\u0531-\u0556\u0560-\u0588"  # its letters, capitals first
# Armenian's full stop "։" is often typed as the ASCII colon it looks like: a colon after an
# Armenian letter, before the capital opening the next sentence, ends one.
ARMENIAN_STOP = f"(?<=[{ARMENIAN}]):(?=\\s+[\u0531-\u0556«])"
# A letter, or a mark `\w` takes for no letter: a vowel sign or virama (Indic, Sinhala, Thai,
# Lao, Myanmar, Khmer: "मार्च", "မတ်လ"), Arabic's and Hebrew's vowel points ("أيضاً"), an accent
# written after its letter ("e" + U+0301), or a joiner inside a word (Persian "می‌شود").
MARKS = ("\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0eff"
         "\u1000-\u109f\u1780-\u17ff\u200c\u200d")
LETTER = rf"(?:[^\W\d_]|(?!\d)[{MARKS}])"
# Letters with case in the Latin, Greek and Cyrillic blocks, for patterns of capitalised names
# ("Tomás Ferreira", "Zoë Park", "Łucja Nowak"): `[A-Z][a-z]` sees ASCII only.
_CASED_BLOCKS = ((0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF))


def _cased(test: Callable[[str], bool]) -> str:
    return "".join(chr(c) for low, high in _CASED_BLOCKS for c in range(low, high + 1)
                   if test(chr(c)))


UPPER = "A-Z" + _cased(str.isupper)
LOWER = "a-z" + _cased(str.islower)
_CJK_CHAR = re.compile(f"[{CJK}]")
# Thai, Lao, Myanmar and Khmer are written with no space between words (a space parts phrases):
# one word for every UNSPACED_CHARS_PER_WORD characters, marks included.
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# Those of them with no full stop of their own, Thai and Lao: a space may end their sentences.
SPACE_ENDED = "\u0e00-\u0eff"
UNSPACED_CHARS_PER_WORD = 4
_UNSPACED_RUN = re.compile(f"[{UNSPACED}]+")
_CJK_RUNS = re.compile(f"([{CJK}]+)")


@lru_cache(maxsize=8192)  # the segmenter's rules ask it of one paragraph again and again
def count_words(text: str) -> int:
    """Words of the text: runs between spaces; in Chinese or Japanese one word for every
    CJK_CHARS_PER_WORD characters, and in a script written without spaces between words
    one for every UNSPACED_CHARS_PER_WORD characters of each run of it."""
    if text.isascii():
        return len(text.split())
    unspaced = 0
    if _UNSPACED_RUN.search(text):
        unspaced = sum(-(-len(run) // UNSPACED_CHARS_PER_WORD)
                       for run in _UNSPACED_RUN.findall(text))
        text = _UNSPACED_RUN.sub(" ", text)
    if _CJK_CHAR.search(text) is None:
        return unspaced + len(text.split())
    cjk = len(_CJK_CHAR.findall(text))
    rest = [t for t in _CJK_CHAR.sub(" ", text).split() if any(c.isalnum() for c in t)]
    return unspaced + len(rest) + -(-cjk // CJK_CHARS_PER_WORD)  # "。" alone is no word


def folded(text: str) -> str:
    """Text compared as a reader would: case, spacing, curly or straight quotes and accents
    aside ("What’s on" in a heading is the subject's "What's on"; "DIMINEAȚA PE SCURT" is
    "Dimineata pe scurt", as a mailing list's name, ASCII only, spells it)."""
    if not text.isascii():
        split = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", _ACCENTS.sub("", split))
    return " ".join(text.translate(_STRAIGHT_QUOTES).casefold().split())


_ACCENTS = re.compile("[\u0300-\u036f]")  # the combining accents of Latin, Greek, Cyrillic


_STRAIGHT_QUOTES = str.maketrans("‘’“”", "''\"\"")


def grams(word: str) -> list[str]:
    """A word as terms to compare texts by: itself, or where it holds Chinese or Japanese
    (written without spaces, so a "word" may be a whole sentence) the pairs of characters of
    each run of them, and its other letters as one term each run."""
    if word.isascii() or not _CJK_CHAR.search(word):
        return [word]
    terms: list[str] = []
    for run in _CJK_RUNS.split(word):
        if not run:
            continue
        if _CJK_CHAR.match(run):
            terms += [run[n:n + 2] for n in range(max(len(run) - 1, 1))]
        else:
            terms.append(run)
    return terms


_ROW_SEPARATORS = re.compile(r"[\s|·•,/-]+")


def only_links(text: str, link_texts: list[str]) -> bool:
    """Whether the text is nothing but those links' words and separators ("Website | Archive",
    "Add to calendar · Google Calendar")."""
    if not link_texts:
        return False
    for words in link_texts:
        text = text.replace(words, " ", 1)
    return not _ROW_SEPARATORS.sub("", text)


def opens_lower(text: str) -> bool:
    """The text opens with a lower-case letter of a script that writes capitals: not Georgian,
    whose letters are lower-case ones to Unicode but which writes no capitals."""
    first = text[:1]
    return first.islower() and not "\u10d0" <= first <= "\u10ff"


def caseless(word: str) -> bool:
    """A word opening with a letter of a script without capitals (Tamil, Ethiopic, Burmese,
    Georgian…), where no capital tells a name."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not opens_lower(first)


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def to_ascii(text: str) -> str:
    """The text in ASCII: accents dropped ("Boletín" → "Boletin"), letters of other scripts
    spelled out ("Технописьмо" → "Tekhnopis'mo", "だより" → "dayori"), dashes and spaces a
    space ("2–8" → "2 8"), other signs dropped."""
    return "".join(map(_ascii_char, unicodedata.normalize("NFC", text)))


@lru_cache(maxsize=4096)
def _ascii_char(char: str) -> str:
    if char.isascii():
        return char
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    # a vowel sign is part of its word in Indic scripts ("टेक" → "tek"), not a mark to drop
    category = unicodedata.category(char)
    spelled = char.isalnum() or category in ("Mn", "Mc")
    if not folded and category in ("Pd", "Zs"):
        return " "  # a dash or space parts words: "2–8 March" is not "28 March"
    return folded or (anyascii(char) if spelled else "")


EMOJI_JOINERS = "\ufe0f\u200d"  # a variation selector and a zero-width joiner after an emoji


def is_emoji(char: str) -> bool:
    """A pictograph ("🚀", "🔹"), not a letter, digit or punctuation mark."""
    return unicodedata.category(char) == "So" and ord(char) > 0x2000


def lone_emoji(text: str) -> bool:
    """Text that is one emoji alone (with its variation selector or joiners), as a bullet."""
    core = text.strip().rstrip(EMOJI_JOINERS)
    return len(core) == 1 and is_emoji(core)


# Arrows, box drawing, geometric shapes and dingbats ("■", "▶", "→", "➤", "✦"), and the
# bullets and guillemets of punctuation: signs that only mark where a line starts.
_MARKS = "\u2190-\u21ff\u2500-\u25ff\u2700-\u27bf\u2b00-\u2bff•·‣⁃»›"
# Those of them drawn as emoji by default (Unicode's Emoji_Presentation): pictographs, kept
# as a heading's own ("✨ Highlights", "❓ Question", "⭐ Pick of the week").
_PICTOGRAPHS = "◽◾✅✊✋✨❌❎❓❔❕❗➕➖➗➰➿⬛⬜⭐⭕"
_LEADING_MARK = re.compile(f"^(?![{_PICTOGRAPHS}])[{_MARKS}][{EMOJI_JOINERS}]?\\s+(?=\\w)")


# The lenticular and white brackets Chinese and Japanese set a heading in ("【今週のニュース】").
_BRACKETED = re.compile(r"^[【〖]\s*([^【】〖〗]+?)\s*[】〗]$")
_SQUARE = re.compile(r"^\[\s*([^\[\]]+?)\s*\]$")  # "[ NEWS ]" in plain text


def bracketed(text: str, square: bool = False) -> str | None:
    """What a line wholly set in heading brackets says ("【イベント】" -> "イベント"), or None;
    `square`: square brackets too, for a line already known to be a heading ("[ NEWS ]")."""
    found = _BRACKETED.match(text.strip()) or (_SQUARE.match(text.strip()) if square else None)
    return found[1] if found else None


def without_leading_mark(text: str) -> str:
    """A title without the sign it is set off by ("■ Dredging starts Monday"); pictographs
    ("🚀 Launches") are kept: they are part of how a newsletter names its sections."""
    return _LEADING_MARK.sub("", text, count=1)


def closed_runs(texts: list[str], paragraphs: list[int]) -> list[str]:
    """Summary sentences as shown one after another: one that ends with no mark at all (a
    title or tagline set as a paragraph of its own: "A conversation with chairmaker Jonas
    Verhoeven") is given a full stop when another paragraph's sentence follows, not run into
    it ("…Jonas Verhoeven Jonas Verhoeven has made…")."""
    shown = list(texts)
    for n in range(len(shown) - 1):
        end = shown[n].rstrip()[-1:]
        if paragraphs[n] != paragraphs[n + 1] and end.isalnum() and not has_cjk(end):
            shown[n] = shown[n].rstrip() + "."
    return shown
