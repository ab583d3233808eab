"""Sentences that stand alone: whether a summary sentence leans on the one before it.

A sentence leans on its context when it opens with a connective ("However", "Also") or a
pointing word ("This", "They"), names a person only by a pronoun ("…, she says"), or names
someone by a bare surname that the section introduced earlier with a full name ("Lin died").
The words are per-language data (`en.toml`); the name rules are structural (capitalised runs).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from digest.datewords import month_number, written_date, written_month
from digest.textwords import ARMENIAN, ENDS_SENTENCE, LOWER, MARKS, UPPER, has_cjk

from .words import has_language_data, language_data

# A word whole, vowel signs and all ("इसके"): letters, figures and marks as one class, which
# `textwords.LETTER`'s letters and marks are in.
_TOKEN = re.compile(rf"[^\W\d_][\w'’{MARKS}-]*")
# Mc-, Mac- and O' too, and any Latin, Greek or Cyrillic letter ("Tomás", "Núñez", "Zoë")
_CAPITALISED = rf"(?:Ma?c|O['’])?[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)?"
_CAPITAL_RUN = re.compile(rf"\b{_CAPITALISED}(?:\s+{_CAPITALISED})+\b")
_CAPITAL = re.compile(rf"\b{_CAPITALISED}\b")
_PERSON_REACH = 250  # characters after a full name in which a personal pronoun marks a person
_TAG_LINE = re.compile(r"(?P<label>[^\W\d_][^:.!?]{0,40}):\s*(?P<tags>[^.!?:]+?)\s*")
_TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*")
_TAG_WORDS = 3  # words in one tag or topic at most
WINDOW = 30  # sentences back in which names are introduced


ADDRESS_LABEL_WORDS = 2  # "Listen:", "Tickets at": all a line giving an address says
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
# A web address ending the sentence, with or without its scheme ("…at ofcp.example.gov/news.")
_ENDING_ADDRESS = re.compile(
    r"\s(?:https?://\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*)[.!)]?$", re.IGNORECASE)
POINTER_WORDS = 10  # "Releases are also available at": a sentence saying only where to look
DETAIL_FIELDS, DETAIL_WORDS = 3, 5  # short fields set apart by dots or bars: a card's details
DATELINE_WORDS = 12  # either half of a two-part dateline ("February 2026 · Greater Millbrook…")
DATE_FIELD_WORDS = 6  # its date: "Monday, March 16, 2026", "Goiânia, 10 de março de 2026"
_FIELD_BREAK = re.compile(r"\s[·•|]\s")
# A recording's length: "34 min", "1h 48m", "00:34:12".
_DURATION = re.compile(r"\d+(?:[.,]\d+)?\s?(?:h|hr|hrs|m|min|mins|minutes?|s|sec)\.?"
                       r"(?:\s?\d+\s?(?:m|min|s)\.?)?|\d{1,2}:\d{2}(?::\d{2})?", re.IGNORECASE)
THANKS_WORDS = 12  # a longer one opening so says more ("Thanks to a grant, the library …")
OPENING_PHRASE_WORDS = 3  # "As ever, hit reply…": a request after a short opening phrase


@dataclass(frozen=True)
class Words:
    """One language's word lists (all lower case)."""

    connectives: tuple[tuple[str, ...], ...]  # phrases, as word tuples
    openers: frozenset[str]
    times: frozenset[str]
    persons: frozenset[str]
    titles: frozenset[str] = frozenset()
    defining: frozenset[str] = frozenset()
    label_words: int = 4
    heading_pointers: frozenset[str] = frozenset()  # may open a section, pointing at its heading
    thanks: tuple[tuple[str, ...], ...] = ()  # "thanks to": a short sentence thanking someone
    requests: tuple[tuple[str, ...], ...] = ()  # "submit your": asking the reader for something
    conditions: frozenset[str] = frozenset()  # "if": a request may follow its clause
    greetings: tuple[tuple[str, ...], ...] = ()  # "hello", "welcome": an opening that greets
    ahead: tuple[tuple[str, ...], ...] = ()  # "below is": pointing at what follows on the page
    standing: tuple[tuple[str, ...], ...] = ()  # "instead of": a connective's word, no lean
    welcomes: tuple[tuple[str, ...], ...] = ()  # "welcome to": a greeting that only welcomes
    # "this", "diese", "cette": a pointer that `times` after it make stand ("This week…")
    demonstratives: frozenset[str] = frozenset({"this", "that", "these", "those"})
    teasers: tuple[str, ...] = ()  # "next week:": what the next issue holds, as written
    table_notes: tuple[str, ...] = ()  # "as of": a table's note on when its figures were taken
    additives: frozenset[str] = frozenset()  # "also": after `auxiliaries`, adds to the one before
    auxiliaries: frozenset[str] = frozenset()  # "has", "are": "The guide has also been redone."

    def opening(self, kind: str, tokens: Sequence[str]) -> tuple[str, ...] | None:
        """The first phrase of the list `kind` ("connectives", "requests"…) that `tokens`
        open with."""
        places, lengths = self._openings[kind]
        found = [places[head] for n in lengths if (head := tuple(tokens[:n])) in places]
        return getattr(self, kind)[min(found)] if found else None

    @cached_property
    def _openings(self) -> dict[str, tuple[dict[tuple[str, ...], int], set[int]]]:
        """Each phrase list's first place of each phrase, and its phrases' lengths: an opening
        is looked up once per length, not compared with every phrase."""
        lists = {kind: getattr(self, kind) for kind in _PHRASE_LISTS}
        return {kind: ({p: n for n, p in reversed(list(enumerate(phrases)))},
                       {len(p) for p in phrases}) for kind, phrases in lists.items()}


_PHRASE_LISTS = ("connectives", "thanks", "requests", "greetings", "ahead", "standing",
                 "welcomes")


@lru_cache(maxsize=8)
def words(language: str = "en") -> Words:
    """The word lists of a language shipped beside this module; none for a language without
    them (English connectives would only misread another language's words)."""
    if not has_language_data(language):
        return Words((), frozenset(), frozenset(), frozenset())
    data = language_data(language)
    table = data["standalone"]

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.lower().split()) for p in table[key]}, key=len,
                            reverse=True))

    return Words(phrases("connectives"), frozenset(w.lower() for w in table["openers"]),
                 frozenset(w.lower() for w in table["times"]),
                 frozenset(w.lower() for w in table["persons"]),
                 frozenset(w.lower() for w in table.get("titles", ())),
                 frozenset(w.lower() for w in table.get("defining", ())),
                 int(data.get("labels", {}).get("max_words", 4)),
                 frozenset(w.lower() for w in table.get("heading_pointers", ())),
                 phrases("thanks") if "thanks" in table else (),
                 phrases("requests") if "requests" in table else (),
                 frozenset(w.lower() for w in table.get("conditions", ())),
                 phrases("greetings") if "greetings" in table else (),
                 phrases("ahead") if "ahead" in table else (),
                 phrases("standing") if "standing" in table else (),
                 phrases("welcomes") if "welcomes" in table else (),
                 frozenset(w.lower() for w in table.get(
                     "demonstratives", ("this", "that", "these", "those"))),
                 tuple(t.lower().replace("’", "'") for t in table.get("teasers", ())),
                 tuple(t.lower() for t in table.get("table_notes", ())),
                 frozenset(w.lower() for w in table.get("additives", ())),
                 frozenset(w.lower() for w in table.get("auxiliaries", ())))


@lru_cache(maxsize=4096)  # a sentence's opening is read by several rules
def _tokens(sentence: str) -> tuple[str, ...]:
    return tuple(t.replace("’", "'").lower() for t in _TOKEN.findall(sentence))


_BACK_SUBJECTS = ("it", "its", "it's", "they", "their", "they're")  # after "This week"
_ELIDED = ("was", "is", "are", "were", "will", "has", "had", "did")  # "This year's was…"


def opening_word(sentence: str, lexicon: Words | None = None) -> str | None:
    """The connective or pointing word a sentence opens with, if any: also an additive word
    right after its first verb ("The guide has also been rewritten", "Tickets are also…")."""
    lexicon = lexicon or words()
    tokens = _tokens(sentence[:200])
    if not tokens or lexicon.opening("standing", tokens) is not None:
        return None
    phrase = lexicon.opening("connectives", tokens)
    if phrase is not None:
        return " ".join(phrase)
    return _opening_pointer(tokens, lexicon) or _additive(sentence, lexicon)


ADDITIVE_REACH = 5  # words into a sentence's first clause an "also" after its verb leans back


def _additive(sentence: str, lexicon: Words) -> str | None:
    """The additive word ("also") right after an auxiliary verb in the first few words of a
    sentence's first clause: what it adds to is in the sentence before."""
    tokens = _tokens(sentence[:200].split(",", 1)[0])[:ADDITIVE_REACH + 1]
    return next((word for before, word in zip(tokens, tokens[1:])
                 if word in lexicon.additives and before in lexicon.auxiliaries), None)


def _opening_pointer(tokens: Sequence[str], lexicon: Words) -> str | None:
    """The pointing word (`openers`) a sentence's `tokens` open with, unless a time after a
    demonstrative makes it stand ("This week…")."""
    first = tokens[0]
    if first in lexicon.openers:
        follows = tokens[1] if len(tokens) > 1 else ""
        owner = follows.removesuffix("'s").removesuffix("’s")  # "This week's picks"
        after = tokens[2] if len(tokens) > 2 else ""
        if owner != follows and after in _ELIDED:
            return first  # "This year's was a Raspberry Pi": this year's what?
        if first in lexicon.demonstratives and (
                owner in lexicon.times or owner.rstrip("s") in lexicon.times or
                owner in lexicon.defining):  # "This week", "These weeks", "Este mes"
            return after if after in _BACK_SUBJECTS else None  # "This spring it comes back"
        return first
    return None


def _names(text: str) -> list[tuple[int, list[str]]]:
    """Runs of two or three capitalised words that may be a person's full name, with where
    each starts: leading stop words ("In December", "The Chinese") are not part of a name."""
    from .words import stop_words

    stops = stop_words()
    found = []
    for match in _CAPITAL_RUN.finditer(text):
        parts = match.group().split()
        start = match.start()
        while parts and parts[0].lower() in stops:
            start = text.index(parts[1], start) if len(parts) > 1 else start
            parts.pop(0)
        if 2 <= len(parts) <= 3:
            found.append((start, parts))
    return found


def _unnamed_person(sentence: str, lexicon: Words, alone: set[str] = frozenset()) -> str | None:
    """A personal pronoun with no full name (two or more capitalised words) before it, nor a
    name the text uses alone (`alone`) as the sentence's subject, opening it or its clause
    after an opening phrase ("Akello told us she wants to become a nurse", after "Until
    August, Akello's day began…"; "In December 2020, Lin died after he was poisoned"), nor a
    name opening the sentence with its age ("Marisol, 61, deadlifted her…"), nor the full name
    opening its clause after an opening phrase that holds the pronoun ("For her show, Yuki
    Albright…")."""
    if lexicon.persons.isdisjoint(map(str.lower, _TOKEN.findall(sentence))):
        return None  # most sentences have no pronoun: no match objects made for their words
    for match in _TOKEN.finditer(sentence):
        word = match.group().lower()
        if word in lexicon.persons:
            before = sentence[: match.start()]
            named = _names(before) or alone and _subjects(before) & {_owner(n) for n in alone} \
                or _AGED.match(before) or _named_after(sentence, match.end())
            return None if named else word
    return None


def _named_after(sentence: str, end: int) -> bool:
    """A pronoun in the sentence's opening phrase, its clause opening with the full name it
    stands for: "For her installation at the arts centre, Yuki Albright folded…"."""
    if ", " in sentence[:end]:
        return False
    _, comma, clause = sentence[end:].partition(", ")
    found = _names(clause[:80]) if comma else []
    return bool(found) and found[0][0] == 0


# A name given its age, as people are introduced: "Marisol, 61, deadlifted her…",
# "Tom Reyes (47) said his…".
_AGED = re.compile(r"^\s*[^\W\d_][\w’'-]*(?: [^\W\d_][\w’'-]*)?(?:, \d{1,3},| \(\d{1,3}\))")


def _owner(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")  # "Akello's" names Akello


def _subjects(text: str) -> set[str]:
    """The capitalised words opening a sentence's text and its clause after an opening
    phrase and comma."""
    parts = [text, text.split(", ", 1)[1]] if ", " in text else [text]
    return {_owner(found.group()) for found in (_CAPITAL.match(part.lstrip()) for part in parts)
            if found}


def introduced_surnames(text: str, lexicon: Words | None = None) -> set[str]:
    """Words of the people's full names in a text: a run of capitalised words that is where
    each word first appears (a place first named alone is no surname) and that a personal
    pronoun follows closely ("Lin Qi … he"; a company is an "it")."""
    lexicon = lexicon or words()
    names = set()
    for start, parts in _names(text):
        near = (t.lower() for t in _TOKEN.findall(text[start:start + _PERSON_REACH]))
        if not any(t in lexicon.persons for t in near):
            continue
        for part in parts:
            first = re.search(rf"\b{re.escape(part)}\b", text)
            if first is not None and first.start() >= start:
                names.add(part)
    return names


def _bare_surname(sentence: str, surnames: set[str]) -> str | None:
    """A surname from `surnames` used alone, not as the end of a full name here."""
    if not surnames:
        return None
    full = introduced_surnames(sentence)
    for match in _CAPITAL.finditer(sentence):
        name = match.group()
        if name not in surnames or name in full:
            continue
        before = sentence[: match.start()].rstrip()
        after = sentence[match.end():]
        last = before.split()[-1] if before.split() else ""
        if last[:1].isupper() and last[-1:].isalpha():
            continue
        if last.lower() in ("the", "a", "an"):  # "the Symposium": a thing, not a person
            continue
        if after[:1] == " " and after[1:2].isupper():
            continue
        return name
    return None


def greets(sentence: str, lexicon: Words) -> bool:
    """The sentence opens with a greeting ("Hello friends, welcome to the 88th issue.")."""
    tokens = _tokens(sentence[:80])
    return lexicon.opening("greetings", tokens) is not None


WELCOME_TOKENS = 6  # where a greeting's welcome is said: "Hello and welcome to Earshot, …"


def welcomes(sentence: str, lexicon: Words) -> bool:
    """The sentence opens with a greeting that welcomes the reader to the letter ("Hello and
    welcome to Earshot, the weekly letter of podcast picks from me, Dara."): only that,
    however long, unlike "Hi all, this week I finally finished the bookshelf."."""
    tokens = _tokens(sentence[:120])
    return greets(sentence, lexicon) and any(
        tokens[n:n + len(phrase)] == phrase
        for phrase in lexicon.welcomes for n in range(WELCOME_TOKENS))


CJK_DATELINE_CHARACTERS = 40  # an issue's number and date, written without spaces


def _dateline_field(field: str) -> bool:
    """A date or month with no more than a place or weekday ("Goiânia, 10 de março de 2026",
    "sábado, 14 de marzo de 2026", and so in a script without capitals: "შაბათი, 14 მარტი,
    2026"), or a label in capitals ("ATTORNEY ADVERTISING"); "Prices rose in March 2026" is no
    date."""
    if written_date(field) or written_month(field):
        head, comma, rest = field.partition(",")
        date = rest if comma and len(head.split()) == 1 else field  # past its weekday or place
        return len(field.split()) <= DATE_FIELD_WORDS and not any(
            word.islower() and len(word) > 3 and month_number(word) is None
            for word in _TOKEN.findall(date))
    return field.isupper() and len(field.split()) <= DETAIL_WORDS


# A sentence that stops mid-way, as a feed's excerpt is cut ("…we agreed that…", "…not six,
# and…"): a short word in lower case, then an ellipsis; not one trailing off after a whole
# thought ("I like explicit but I hate noise...", "…every other language…").
_CUT_SHORT = re.compile(r"(?:^|\s)[^\W\d_A-Z][^\W\d_]{0,3}…$")


_ARMENIAN_END = re.compile(f"[{ARMENIAN}]:$")  # Armenian's full stop "։", typed as a colon


def not_a_summary_sentence(sentence: str, lexicon: Words | None = None) -> str | None:
    """Why a sentence must never be shown in a summary (None when it may be): it ends with a
    colon, so it introduces a list or quote that is not shown ("I recommend that you:"; not
    after an Armenian word, where the colon is the full stop "։" typed so) or
    opens pointing at what follows ("Below is the full list…"), only gives an address
    ("Listen: https://…"), is a line of short details ("★★★★☆ · dir. Ana Ruiz · 1h 48m") or a
    quote's attribution ("— Ruth, Aberdeen"), it stops mid-way ("…we agreed that…": a feed's
    excerpt), it
    only thanks someone ("Thanks to jdm for the tip.") or asks the reader for something
    ("Submit your quotes for next week!", also after a condition or a short opening phrase:
    "If you find an error, please submit a PR.", "As ever, hit reply…"), it tells what the
    next issue holds ("Next week: …"), or it is only a label and a list of tags ("Topics:
    rivers, floods, levees")."""
    lexicon = lexicon or words()
    text = sentence.strip()
    if text.endswith((":", "：")) and not _ARMENIAN_END.search(text):  # "各位學員…，大家好：" too
        return "ends with a colon"
    if text.endswith("…") and _CUT_SHORT.search(text):  # (`text` is stripped)
        return "cut short"  # a feed's excerpt ending mid-sentence: "…we agreed that…"
    opening = _tokens(text[:60])
    if lexicon.opening("ahead", opening) is not None:
        return "points at what follows"
    addresses = _ADDRESS.findall(text) if "://" in text or "www." in text else []
    if addresses and (len(_ADDRESS.sub(" ", text).split()) <= ADDRESS_LABEL_WORDS or
                      sum(map(len, addresses)) * 2 > len(text)):
        return "only an address"  # "Listen: https://…", "Links: - https://… - https://…"
    ending = _ENDING_ADDRESS.search(text)
    if ending and len(text[:ending.start()].split()) <= POINTER_WORDS:
        return "only says where to look"  # "Releases are also available at ofcp.gov/news."
    if text.startswith(("—", "―", "– ", "-- ")):
        return "only credits a quote"  # "— /u/kibwen answering …"
    fields = _FIELD_BREAK.split(text.rstrip("."))
    if (len(fields) >= DETAIL_FIELDS or len(fields) == 2 and
            any(_DURATION.fullmatch(f.strip()) for f in fields)) and \
            max(len(f.split()) for f in fields) <= _detail_words(fields):
        return "only a line of details"  # "★★★★☆ · dir. Ana Ruiz · 1h 48m", "with X · 34 min",
        # "Thursday 3 October 2024 · Issue 412 · Your town, every week since 1887"
    if len(fields) == 2 and not any(ENDS_SENTENCE.search(f.strip()) for f in fields) and \
            any(_dateline_field(f.strip()) for f in fields) and \
            all(len(f.split()) <= DATELINE_WORDS for f in fields):
        return "only a dateline"  # "Monday, March 16, 2026 | Presented by Quillfield Wealth",
        # "ATTORNEY ADVERTISING | View as web page"
    if has_cjk(text) and len(text) <= CJK_DATELINE_CHARACTERS and \
            not ENDS_SENTENCE.search(text) and written_date(text):
        return "only a dateline"  # "第158期 中華民國115年3月14日出刊（2026/03/14）"
    if teases(text, lexicon):
        return "only tells what the next issue holds"  # "Next week: the other side of it."
    reason = _thanks_or_request(text, lexicon)
    if reason:
        return reason
    match = _TAG_LINE.fullmatch(text)
    if match and len(match.group("label").split()) <= lexicon.label_words:
        tags = _TAG_SPLIT.split(match.group("tags"))
        if len(tags) >= 2 and all(0 < len(t.split()) <= _TAG_WORDS for t in tags):
            return "a label and a list of tags"
    return None


def _detail_words(fields: list[str]) -> int:
    """The words each of a line's details may have: twice as many when one is a date (a
    dateline's parts)."""
    return DETAIL_WORDS * (2 if any(map(written_date, fields)) else 1)


def teases(sentence: str, lexicon: Words) -> bool:
    """The sentence opens telling what the next issue holds ("Next week: the other side of
    the argument…", "In the next issue, …"): it says nothing of this one."""
    text = sentence.lstrip().lower().replace("’", "'")
    return any(text.startswith(phrase) and (phrase.endswith(":") or
                                            not text[len(phrase):len(phrase) + 1].isalnum())
               for phrase in lexicon.teasers)


def _thanks_or_request(text: str, lexicon: Words) -> str | None:
    """Why a sentence only thanks someone (in THANKS_WORDS words or fewer: "Thanks to a
    grant, the library…" says more) or asks the reader for something, however long ("Reply
    and tell me what you learned; the best one goes at the top of next week's issue."); also
    after a condition or a short opening phrase ("If you find an error, please submit a PR.",
    "As ever, hit reply if you think we have this wrong.")."""
    head, comma, rest = text.partition(",")
    clauses = [text]
    if comma and rest.strip() and (set(_tokens(head[:20])[:1]) & lexicon.conditions or
                                   len(head.split()) <= OPENING_PHRASE_WORDS):
        clauses.append(rest.strip())
    for clause in clauses:
        tokens = _tokens(clause[:200])
        if lexicon.opening("requests", tokens) is not None:
            return "only asks the reader for something"
        if len(clause.split()) <= THANKS_WORDS and \
                lexicon.opening("thanks", tokens) is not None:
            return "only thanks someone"
    return None


def leans_on_context(sentence: str, earlier: str = "", lexicon: Words | None = None) -> str | None:
    """Why a sentence cannot be read alone (None when it can). `earlier` is the text before
    it in its section, where full names are introduced."""
    lexicon = lexicon or words()
    opener = opening_word(sentence, lexicon)
    if opener:
        return f'opens with "{opener}"'
    person = _unnamed_person(sentence, lexicon)
    if person:
        return f'"{person}" with no name before it'
    surname = _bare_surname(sentence, introduced_surnames(earlier, lexicon)) if earlier else None
    if surname:
        return f'bare surname "{surname}"'
    return None


def antecedents(flat: Sequence[str], follows: Sequence[bool] | None = None,
                lexicon: Words | None = None, headed: bool = False, named: Sequence[str] = (),
                ) -> tuple[list[str | None], list[int | None]]:
    """Why each sentence cannot be read alone (None when it can), and which sentence must be
    shown with it (None when none will do). A connective or pointing opener needs the sentence
    right before it (`follows[i]`: flat[i - 1] really is the one before), except a pointer
    opening the first sentence of a `headed` section, shown under the heading it points at
    ("Pear and almond cake" / "This is a one-bowl cake…"). A pronoun standing
    for a person needs the last sentence that names someone, reached through sentences that
    follow each other: the reader then meets the person the text's own reader last met. A
    bare surname needs the last sentence that gives it in full. The parts of the full names a
    section's heading gives (`named`) are names used alone: "Rosalind joined the studio…
    her notebooks" under "Member spotlight: Rosalind Achebe" reads alone."""
    lexicon = lexicon or words()
    follows = follows if follows is not None else [i > 0 for i in range(len(flat))]
    reasons: list[str | None] = []
    needed: list[int | None] = []
    naming: list[int] = []
    alone = _lone_names(flat, lexicon) | set(named)
    for i, sentence in enumerate(flat):
        earlier = " ".join(flat[max(0, i - WINDOW):i])
        known = introduced_surnames(earlier, lexicon) if earlier else set()
        surname = _bare_surname(sentence, known)
        naming.append(PERSON if surname else _naming(sentence, alone, lexicon))
        barred = not_a_summary_sentence(sentence, lexicon)
        opener = opening_word(sentence, lexicon)
        if i == 0 and headed and opener in lexicon.heading_pointers:
            opener = None
        person = _unnamed_person(sentence, lexicon, alone)
        needs: list[int | None] = []
        if opener and opener not in lexicon.persons:
            needs.append(i - 1 if follows[i] else None)
        if person:
            needs.append(_last(i, naming, follows))
        if surname:
            needs.append(next((j for j in range(i - 1, max(-1, i - WINDOW - 1), -1)
                               if any(surname in parts for _, parts in _names(flat[j]))), None))
        reason = barred or (f'opens with "{opener}"' if opener else None) or (
            f'"{person}" with no name before it' if person else None) or (
            f'bare surname "{surname}"' if surname else None)
        reasons.append(reason)
        needed.append(None if barred or not needs else _joined(needs, needed))
    return reasons, needed


NO_NAME, NAME, PERSON = 0, 1, 2


def heading_names(heading: str | None) -> list[str]:
    """The parts of the full names a heading gives ("Member spotlight: Rosalind Achebe")."""
    return sorted({part for _, parts in _names(heading or "") for part in parts})


def _lone_names(flat: Sequence[str], lexicon: Words) -> set[str]:
    """Capitalised words the text also uses alone or after a title, as surnames are used
    ("Mr Eddington", "Lindqvist said"), and not as the first word of a sentence."""
    alone = set()
    for sentence in flat:
        for match in _CAPITAL.finditer(sentence):
            before = sentence[: match.start()].split()
            if not before:
                continue
            last = before[-1]
            titled = last.rstrip(".").lower() in lexicon.titles
            if last[:1].isupper() and last[-1:].isalpha() and not titled:
                continue
            after = sentence[match.end():]
            if not (after[:1] == " " and after[1:2].isupper()):
                alone.add(match.group())
    return alone


def _naming(sentence: str, alone: set[str], lexicon: Words) -> int:
    """Whether a sentence names a person for sure (PERSON: a run of capitalised words with a
    title in it, or ending in a surname the text also uses alone, or that a personal pronoun
    follows in the sentence), may name one (NAME: another run), or names no one."""
    from .words import stop_words

    found = NO_NAME
    for match in _CAPITAL_RUN.finditer(sentence):
        parts = match.group().split()
        while parts and parts[0].lower() in stop_words():
            parts.pop(0)
        if len(parts) < 2:
            continue
        found = NAME
        later = (t.lower() for t in _TOKEN.findall(sentence[match.end():]))
        if (any(p.lower() in lexicon.titles for p in parts[:-1]) or parts[-1] in alone
                or any(t in lexicon.persons for t in later)):
            return PERSON
    return found


def _last(before: int, naming: Sequence[int], follows: Sequence[bool]) -> int | None:
    """The last sentence before `before` that names someone, if the text between is whole and
    that is surely a person, or is any name in the sentence right before."""
    for j in range(before - 1, max(-1, before - 1 - WINDOW), -1):
        if not follows[j + 1]:
            return None
        if naming[j] != NO_NAME:
            return j if naming[j] == PERSON or j == before - 1 else None
    return None


def _joined(needs: Sequence[int | None], needed: Sequence[int | None]) -> int | None:
    """One sentence that brings all `needs` with it: the latest, when the others are among
    the sentences it needs in turn."""
    if None in needs:
        return None
    latest = max(n for n in needs if n is not None)
    chain, j = {latest}, needed[latest]
    while j is not None and j not in chain:
        chain.add(j)
        j = needed[j]
    return latest if chain.issuperset(n for n in needs if n is not None) else None


LABEL = re.compile(r"([A-Z][^:\n/]{0,60}?):\s+(?=\S)")


def issue_labels(texts: Iterable[str], lexicon: Words | None = None) -> set[str]:
    """Short "Label:" prefixes that open two or more paragraphs of an issue."""
    lexicon = lexicon or words()
    counts = Counter(m.group(1) for m in map(LABEL.match, texts) if m)
    return {label for label, n in counts.items()
            if n > 1 and len(label.split()) <= lexicon.label_words}


def split_label(text: str, labels: set[str]) -> tuple[str | None, str, str]:
    """(label, the label as written with its colon, the rest) of a paragraph's text."""
    match = LABEL.match(text)
    if match and match.group(1) in labels:
        return match.group(1), text[: match.end()].strip(), text[match.end():]
    return None, "", text
