"""A sumy tokenizer that needs no downloaded data: pysbd for sentences, NLTK's regex words.

sumy's own English Tokenizer loads NLTK punkt data, which may be missing; this one only uses
code shipped in the pysbd and nltk packages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from digest.datewords import month_number
from digest.textwords import ARMENIAN_STOP, LETTER, SENTENCE_ENDS, SPACE_ENDED, has_cjk

LANGUAGE = "english"

_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*$")
_MARKED_WORD = re.compile(rf"^[^\W\d_](?:{LETTER}|['’-])*$")  # "किताब", "أيضاً"
_LETTERS = re.compile(r"[^\W\d_]+")  # a Chinese or Japanese run between its punctuation
_INNER_STOP = re.compile(f"[{SENTENCE_ENDS}]")
_TRAILING = re.compile(f"[{SENTENCE_ENDS}\"'”’)\\]」』）\\s]*$")
# A web address written out, which pysbd would cut at its `?` or `.`; ends before punctuation.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’”]")
_MASK = re.compile(r"\bADDRESS(\d+)X\b")
_ROUGH_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII
CHUNK = 2000  # pysbd slows sharply past a few thousand characters
# In Thai and Lao a space between two letters ends a sentence (or a clause), unless the line
# is Lao that ends its sentences with full stops, after a word, not an abbreviation's one
# letter ("…ວຽງຈັນ. ມີ…", not "ທ. ສົມພອນ"): then its spaces only part phrases. Thai writes
# its full stop only in abbreviations ("16.00 น.", "ดร.").
_SPACE_BREAK = re.compile(f"(?<=[{SPACE_ENDED}])\\s+(?=[{SPACE_ENDED}])")
_FULL_STOPPED = re.compile(r"[\u0e80-\u0eff]{3}\.(?:\s|$)")
# A script's own full stop, whatever the language's rules say (Devanagari, Ethiopic, Armenian,
# Myanmar, Khmer, Urdu; not after a figure, "၁။" numbering a list, nor closing Khmer's "។ល។",
# "and so on"), and the ASCII colon Armenian is often typed with for its full stop, between an
# Armenian letter and the capital opening the next sentence ("…տարեդարձը: Ակումբի…").
_OWN_STOP = re.compile(rf"(?:(?<!\d)(?<!។ល)[।॥።፧։။។៕۔]|{ARMENIAN_STOP})[\"'”’»)\]]*\s+")


@lru_cache(maxsize=8)
def _segmenter(language: str = "en") -> Any:
    """pysbd's rules for the language (its abbreviations: "z. B.", "am 3. März"), or those of
    the language `abbreviations.toml` says it cuts sentences as (Bengali as Hindi), else
    English."""
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    language = _data().get(language, {}).get("rules", language)
    return pysbd.Segmenter(language=language if language in LANGUAGE_CODES else "en",
                           clean=False)


# The characters each NLTKWordTokenizer rule needs to see before it can match, in NLTK's
# order; a rule whose characters are all absent leaves the text as it is, so it is skipped.
# The whitespace rule only matters to the clitic and 'tis rules after it, which need a "'".
_STARTING = ["«“‘„`", '"', "`", "\"'", "'"]
_PUNCTUATION = [".", ":,", ":,", ".", ";@#$%&", "\u2012\u2013\u2014\u2015", ".", "?!", "'", "*"]
_PARENS, _DASHES = "[](){}<>", "-"
_ENDING = ["»”’", "'", '"', "'", "'", "'"]
_INSERTED = frozenset(" `'")  # every character NLTK's replacements can add
# NLTK's contraction rules, and one pattern that matches wherever any of them would (the same
# words, without the groups; "wanna" then "\s" and " 'tis" need "\bwanna\b" and "'tis").
_CONTRACTIONS = [
    r"(?i)\b(can)(?#X)(not)\b", r"(?i)\b(d)(?#X)('ye)\b", r"(?i)\b(gim)(?#X)(me)\b",
    r"(?i)\b(gon)(?#X)(na)\b", r"(?i)\b(got)(?#X)(ta)\b", r"(?i)\b(lem)(?#X)(me)\b",
    r"(?i)\b(more)(?#X)('n)\b", r"(?i)\b(wan)(?#X)(na)(?=\s)",
    r"(?i) ('t)(?#X)(is)\b", r"(?i) ('t)(?#X)(was)\b"]
_CONTRACTION = re.compile(
    r"\b(?:cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna)\b|'t(?:is|was)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_tokenizer() -> Any:
    """NLTK's word tokenizer with its fixed patterns compiled by the stdlib `re`.

    NLTK 3.9+ runs every pattern through `nltk.redos` (the `regex` engine with a timeout per
    call) to guard caller-supplied patterns; these are NLTK's own linear ones, and plain `re`
    gives the same tokens in half the time.
    """
    from nltk.tokenize.destructive import NLTKWordTokenizer

    def plain(pattern: Any) -> Any:
        if isinstance(pattern, re.Pattern):
            return pattern
        return re.compile(pattern.pattern, pattern.flags & _RE_FLAGS)

    def rules(table: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        return [(plain(pattern), replacement) for pattern, replacement in table]

    base = NLTKWordTokenizer
    tokenizer = base()
    tokenizer.STARTING_QUOTES = rules(base.STARTING_QUOTES)
    tokenizer.PUNCTUATION = rules(base.PUNCTUATION)
    tokenizer.ENDING_QUOTES = rules(base.ENDING_QUOTES)
    tokenizer.PARENS_BRACKETS = rules([base.PARENS_BRACKETS])[0]
    tokenizer.DOUBLE_DASHES = rules([base.DOUBLE_DASHES])[0]
    tokenizer.CONVERT_PARENTHESES = rules(base.CONVERT_PARENTHESES)
    tokenizer.CONTRACTIONS2 = [plain(p) for p in base.CONTRACTIONS2]
    tokenizer.CONTRACTIONS3 = [plain(p) for p in base.CONTRACTIONS3]
    return tokenizer


Rule = tuple[re.Pattern[str], str, frozenset[str]]


@lru_cache(maxsize=1)
def _gated_rules() -> tuple[list[Rule], list[Rule], re.Pattern[str], list[re.Pattern[str]]]:
    """NLTK's rules, each with the characters it needs, split at the padding step; then the
    pattern matching wherever any contraction rule would, and the contraction rules."""
    nltk = _word_tokenizer()

    def gate(table: list[tuple[Any, str]], needs: list[str]) -> list[Rule]:
        return [(p, r, frozenset(n)) for (p, r), n in zip(table, needs, strict=True)]

    before = [*gate(nltk.STARTING_QUOTES, _STARTING), *gate(nltk.PUNCTUATION, _PUNCTUATION),
              *gate([nltk.PARENS_BRACKETS, nltk.DOUBLE_DASHES], [_PARENS, _DASHES])]
    contractions = [*nltk.CONTRACTIONS2, *nltk.CONTRACTIONS3]
    if [p.pattern for p in contractions] != _CONTRACTIONS:
        raise RuntimeError("NLTK's contraction rules changed: review tokenizer._CONTRACTION")
    return before, gate(nltk.ENDING_QUOTES, _ENDING), _CONTRACTION, contractions


def _apply(rules: list[Rule], text: str, present: set[str]) -> str:
    for pattern, replacement, needs in rules:
        if not needs.isdisjoint(present):
            text, count = pattern.subn(replacement, text)
            if count:
                present |= _INSERTED
    return text


def word_tokens(text: str) -> list[str]:
    """Exactly NLTKWordTokenizer().tokenize(text), without running the rules that cannot match."""
    before, ending, anywhere, contractions = _gated_rules()
    present = set(text)
    text = " " + _apply(before, text, present) + " "
    text = _apply(ending, text, present)
    if anywhere.search(text):
        for pattern in contractions:
            text = pattern.sub(r" \1 \2 ", text)
    return text.split()


@lru_cache(maxsize=4096)
def _split_line(line: str, language: str = "en") -> tuple[str, ...]:
    """pysbd's sentences of one line, web addresses kept whole; a line with no inner full stop
    is one sentence. The processor is called directly: Segmenter.segment only adds a slow
    search for each sentence's position in the original text, which we do not need."""
    addresses: list[str] = []
    if ("://" in line or "www." in line) and not _MASK.search(line):
        def mask(found: re.Match[str]) -> str:
            addresses.append(found[0])
            return f"ADDRESS{len(addresses) - 1}X"

        masked = _ADDRESS.sub(mask, line)
    else:
        masked = line
    if not _INNER_STOP.search(_TRAILING.sub("", masked)):
        return (line,)
    parts = (s.strip() for s in _segmenter(language).processor(masked).process())
    if addresses:
        parts = (_MASK.sub(lambda found: addresses[int(found[1])], s) for s in parts)
    found = [s for s in parts if s]
    return _rejoined(found, language, _glued(line, found))


_INSIDE_WORDS = (".", ":", "՜")  # marks pysbd may cut at that a word or figure goes on after


def _glued(line: str, parts: list[str]) -> list[bool]:
    """For each part, whether the line runs into it from a full stop, colon or Armenian "՜"
    with no space: a cut inside a word or figure ("~/." and "local/bin", "the ." and "venv",
    "St." and "-Anselm", "18:" and "00", "Ի՜" and "նչ"), never a sentence's end (a Chinese or
    Japanese sentence's "。" is followed by none either)."""
    glued, position = [False], 0
    for before, part in zip(parts, parts[1:]):
        start = line.find(before, position)
        if start < 0:
            return [False] * len(parts)
        position = start + len(before)
        hyphened = part[:1] == "-"  # "St.-Anselm", "Dr.-Ing."
        first = part[1:2] if hyphened else part[:1]
        # "κ.λπ.", "т.д." too; and a time, "18:00", or Armenian's "՜" set inside its word
        glued.append(before.endswith(_INSIDE_WORDS) and first.isalnum() and
                     line.startswith(part[:1], position))
    return glued


def _rejoined(parts: list[str], language: str, glued: list[bool] | None = None
              ) -> tuple[str, ...]:
    """Cuts undone where no sentence ends: inside a word (`glued`: ".venv", "~/.local"),
    before a comma ("Fr., 14.08."), after a comma or colon (pysbd's Arabic rules cut at "،"
    and ":"), after an abbreviation of the language ("ul.", "bl.a.", "dir."), and after a
    time mark before a weekday, month or time zone ("6 a.m. Monday"). (Not before a word in
    lower case: names of software often open a sentence so, "nom is…".) Where a language
    writes a name's initials in a script without capitals, after one of them ("க." |
    "சிவகுமார்")."""
    kept: list[str] = []
    short, times, then = _abbreviations(language)
    for n, part in enumerate(parts):
        if kept and (glued and glued[n] or part[:1] in _COMMAS):  # no sentence opens with ","
            kept[-1] = f"{kept[-1]}{part}"
        elif kept and (kept[-1][-1] in _NO_END or _last_word(kept[-1]) in short or
                       _writes_initials(language) and _initial(kept[-1]) or
                       _last_word(kept[-1]) in times and _first_word(part) in then or
                       _unended(kept[-1]) or _continued(kept[-1], part, language)):
            kept[-1] = f"{kept[-1]} {part}"
        else:
            kept.append(part)
    return tuple(kept)


_NO_END = ",:;،؛、，"
_COMMAS = ",،、，"  # not ":" nor ";": a smiley ":)" may follow a sentence


_ENDED = re.compile(f"[{SENTENCE_ENDS}][\"'”’»)\\]」』）]*$")
_ORDINAL_END = re.compile(r"(?:^|\s)\d{1,3}\.$")  # "modelinin 2." (sürümünü), "am 5." (und)
_DAY_MONTH_END = re.compile(r"(?:^|\s)\d{1,2}\.\d{1,2}\.$")  # "ti 17.3." (klo 18)
_BRIEF_END = re.compile(r"(?:^|\s)[^\W\d_A-Z]\.$")  # "c.", "p.": a letter in lower case
_SHORT_END = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}|[^\W\d_]+(?:\.[^\W\d_]+)+)\.$")  # "Tbk."


def _unended(part: str) -> bool:
    """A piece that ends in a letter or figure: pysbd cut before what it took for a list's
    number ("am" | "5. und 6. Dezember"), never at a sentence's end."""
    return _ENDED.search(part) is None and part[-1:].isalnum()


def _continued(before: str, part: str, language: str) -> bool:
    """A month's name after an ordinal ("am 25." | "April"), a figure after a letter in lower
    case ("c." | "1790", "p." | "233"), or a piece opening in lower
    case after an ordinal ("2." | "sürümünü") or, outside
    English (where software's names open sentences so), after a short word or one with
    inner stops ("Tbk." | "menjadi", "κ.λπ." | "από") or a day and its month in figures
    ("ti 17.3." | "klo 18"): an abbreviation or a date, not a sentence's end."""
    if _ORDINAL_END.search(before) and month_number(_first_word(part)):
        return True  # "Samstag, 25." | "April": a date written day first
    if part[:1].isdigit() and _BRIEF_END.search(before):
        return True  # "compiled c." | "1790", "op. cit., p." | "251": a citation's abbreviation
    if not part[:1].islower():
        return False
    return _ORDINAL_END.search(before) is not None or language != "en" and (
        _SHORT_END.search(before) is not None or _DAY_MONTH_END.search(before) is not None)


def _initial(part: str) -> bool:
    """The piece ends with one letter (its vowel sign with it) and a full stop: an initial."""
    word = _last_word(part)
    return word[:1].isalpha() and sum(c.isalpha() for c in word) == 1


def _last_word(part: str) -> str:
    word = part.rsplit(None, 1)[-1]
    return word[:-1].casefold() if word.endswith(".") else ""


def _first_word(part: str) -> str:
    return part.split(None, 1)[0].strip(",.;:").casefold()


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """`abbreviations.toml`: each language's table."""
    import tomllib
    from pathlib import Path

    return tomllib.loads((Path(__file__).with_name("abbreviations.toml")).read_text("utf-8"))


@lru_cache(maxsize=16)
def _writes_initials(language: str) -> bool:
    """`initials` of the language in `abbreviations.toml`: it writes a name's initials as a
    letter and a full stop, with no capital to tell them ("க. சிவகுமார்")."""
    return bool(_data().get(language, {}).get("initials"))


@lru_cache(maxsize=16)
def _abbreviations(language: str) -> tuple[frozenset[str], ...]:
    """The language's (and English) abbreviations, time marks, and what may follow those."""
    data = _data()
    return tuple(frozenset(w.casefold() for code in {language, "en"}
                           for w in data.get(code, {}).get(key, []))
                 for key in ("abbreviations", "times", "then"))


def _chunks(line: str) -> list[str]:
    """A very long line cut at likely sentence ends into pieces pysbd handles quickly."""
    if len(line) <= CHUNK:
        return [line]
    pieces, current = [], ""
    for part in _ROUGH_BREAK.split(line):
        if current and len(current) + len(part) > CHUNK:
            pieces.append(current)
            current = ""
        current = f"{current} {part}" if current else part
        while len(current) > CHUNK * 2:
            cut = current.rfind(" ", 0, CHUNK) + 1 or CHUNK
            pieces.append(current[:cut].strip())
            current = current[cut:]
    return [*pieces, current] if current else pieces


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split text into sentences: on newlines first, then pysbd on each line (it is slow on
    long strings, so it never sees a whole document, nor more than a few thousand characters),
    by the rules of `language` where pysbd has them; also at a script's own full stop; and in
    Thai, or Lao that uses no full stop, at each space between two of its letters."""
    sentences: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        for piece in _chunks(line) if line else []:
            found = _split_line(piece, language)
            if not piece.isascii():
                found = _script_ends(piece, found)
            if "“" in piece and has_cjk(piece):
                found = _quotes_whole(found)
            sentences.extend(found)
    return sentences


def _script_ends(piece: str, found: tuple[str, ...]) -> tuple[str, ...]:
    """The sentences of a line cut also where its script ends one and pysbd's rules did not:
    at the script's own full stop, and in Thai or Lao at a space, unless the line is Lao that
    uses the full stop."""
    if _OWN_STOP.search(piece):
        found = tuple(part for s in found for part in _own_stops(s))
    if _SPACE_BREAK.search(piece) and not _FULL_STOPPED.search(piece):
        found = tuple(part for s in found for part in _SPACE_BREAK.split(s))
    return found


def _own_stops(sentence: str) -> list[str]:
    """A sentence cut after each of its script's own full stops that more text follows."""
    parts, start = [], 0
    for found in _OWN_STOP.finditer(sentence):
        parts.append(sentence[start:found.end()].rstrip())
        start = found.end()
    rest = sentence[start:].strip()
    return [*parts, rest] if rest else parts or [sentence]


def _quotes_whole(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """Chinese sentences with a quotation kept whole: "说：“单机数据库远没有过时。大多数团队
    根本用不到分布式。”这句话…" is cut at a "。" inside the quote; the pieces until its
    closing mark are one sentence (the mark goes with the words it closes)."""
    out: list[str] = []
    for sentence in sentences:
        open_marks = out[-1].count("“") - out[-1].count("”") if out else 0
        if open_marks <= 0:
            out.append(sentence)
            continue
        at = -1
        for _ in range(open_marks):  # where the quotation closes, if it does here
            at = sentence.find("”", at + 1)
            if at < 0:
                break
        head, rest = (sentence, "") if at < 0 else (sentence[:at + 1], sentence[at + 1:])
        out[-1] += head
        if rest.strip():
            out.append(rest.strip())
    return tuple(out)


def split_words(text: str) -> list[str]:
    """Word tokens of a sentence, without punctuation or numbers (as sumy's tokenizer does);
    a word written with vowel signs or points (Hindi "किताब") is a word too."""
    words = [w for w in word_tokens(text)
             if _WORD.match(w) or has_cjk(w) or not w.isascii() and _MARKED_WORD.match(w)]
    if not any(has_cjk(w) for w in words):
        return words
    return [part for w in words for part in (_LETTERS.findall(w) if has_cjk(w) else [w])]


class DigestTokenizer:
    """The object sumy's parsers and summarizers expect as a tokenizer."""

    language = LANGUAGE

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(split_sentences(text))

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(split_words(text))


def clear_split_cache() -> None:
    """Forget the in-process sentence splits (for timing cold runs)."""
    _split_line.cache_clear()
