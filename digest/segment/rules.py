"""Small rule functions over a part's blocks: each looks at one block or a pair of neighbours.

They decide what a block *is* (a heading, a caption, a credit...), never where sections go.
"""

from __future__ import annotations

import re

from digest.datewords import is_numbered_date, joined, written_date
from digest.model import Block, Paragraph
from digest.textwords import (
    ENDS_SENTENCE,
    LETTER,
    SENTENCE_ENDS,
    caseless,
    count_words,
    has_cjk,
    opens_lower,
)

from .language import closing_words
from .profiles import Profile

_TERMINAL = re.compile(r"[.,;:!…。、，；：！؟۔،؛।॥]$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_BULLET = re.compile(r"^[•·▪◦‣*–-]\s")
_QUOTE_MARKS = "\"“”„«»‘’'「『"
_WEB_ADDRESS = re.compile(r"https?://|\bwww\.\S")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|van|von|de|der|da|di|la|le|bin|al)$")
CAPTION_MAX_WORDS = 60
SIGNATURE_MARKS = ("--", "—", "–")  # a line of its own over an e-mail signature
PHOTO_CREDIT_WORDS = 8  # "Photograph by Lena Ortiz for The Harbor Ledger."
CAPTION_SENTENCES = 2  # a caption says what a picture shows in a sentence or two
_INNER_END = re.compile(f"[{SENTENCE_ENDS}](?=\\s)")  # a sentence's end with more after it
UNDER_PICTURE_WORDS = 12  # a line right under a picture that is its caption or credit
CLOSING_WORDS = 6  # "Happy digging," / "See you on the pitch,": a letter's closing line
BARE_CLOSING_WORDS = 3  # "Sportliche Grüße": a closing with no comma, only where the issue ends
FAREWELL_WORDS = 6  # "Have a good weekend!" closing the last story: the letter's farewell
NAME_WORDS, NAME_LINES = 4, 2  # a line of name (or role) under it, and how many such lines
TEAM_WORDS = 8  # a team's name signing under a closing ("Ihr Team vom Amt für Wahl und Statistik")
SIGNED_FAREWELL_WORDS = 10  # a longer exclamation over a signature ("¡Buen provecho y …!")
COLOPHON_LINES, COLOPHON_WORDS = 2, 40  # a tagline or colophon under the signature, at the end
SIGNATURE_LINES, SIGNATURE_WORDS = 6, 12  # an e-mail signature under its "--" line
FOOTER_LINE_WORDS = 40  # a line of it when it ends the issue (an address, why you get it)
# Template markup a reader leaves as text: badges written as undefined image references
# (`![level:medium]`), Liquid/Jinja tags (`{% include x %}`, `{{ var }}`), and Markdown link
# definitions the parser could not take (one with no address turns those under it into text).
_LEFTOVER_MARKUP = re.compile(
    r"^(?:!\[[^\]]*\]|\{%.*?%\}|\{\{.*?\}\}|\[[^\]]++\]:(?:\s++[^\s\[]\S*+)?|\s|[:;,·|–—-])+$")
DROP_ORDER = ("chrome", "note", "signoff", "bio", "credit", "caption")
NAME_ENTRY_WORDS = 4  # words of an entry in a list of credited names
_LIST_LINE = re.compile(r"^[-*•–]\s+\S")  # a plain-text list line, marker still on
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")


words = count_words  # the rules' word count: Chinese and Japanese by characters


def one_link(block: Block | Paragraph, most_words: int) -> bool:
    """A line of at most `most_words` words that is one link and nothing else ("Read more →",
    a poll's "🔥 Loved it")."""
    return len(block.links) == 1 and block.text.strip() == block.links[0].text.strip() and \
        words(block.text) <= most_words


def linked_headline(block: Block) -> bool:
    """A block opening with a story's title that is a link, bold or not ("Photos: the tram
    line that was never built"): never a caption or credit, whatever its first word."""
    return block.lead_kind == "link" or bool(block.lead) and any(
        link.text.strip() == block.lead.strip() for link in block.links[:1])


def drop_kind(block: Block, profile: Profile) -> str | None:
    """The kind of furniture a block is by its own text (chrome, credit...), or None."""
    if block.kind == "code":
        return None
    if block.kind == "heading":  # a platform's heading ("Keep reading with a free trial")
        return "chrome" if any(p.search(block.text) for p in profile.drop.get("chrome", ())) \
            else None
    if block.kind in ("caption", "chrome", "note"):  # marked as such by its markup
        return block.kind
    if block.kind != "row" and is_count_row(block.text):
        return "chrome"
    if block.kind == "page":  # a printed page's running head or foot, its number
        return "chrome"
    if ("{" in block.text or block.text[:1] in ("!", "[")) and _LEFTOVER_MARKUP.match(block.text):
        return "chrome"
    for kind in DROP_ORDER:
        patterns = profile.drop.get(kind, [])
        if kind == "caption" and words(block.text) > CAPTION_MAX_WORDS or \
                kind in ("caption", "credit") and linked_headline(block):
            continue
        if any(p.search(block.text) for p in patterns):
            return kind
        bare = _without_addresses(block.text) if kind == "chrome" else None
        if bare and bare.casefold() not in profile.more and any(p.search(bare) for p in patterns):
            return kind  # "View this email in your browser: https://…/vypusk/118"
    return None


_ADDRESS_IN_TEXT = re.compile(r"[\s:：→-]*<?https?://\S+?>?(?=\s|$)")


_SYMBOL = "[\u2190-\u21ff\u2300-\u2bff\u2440-\u244a\U0001f300-\U0001faff]\ufe0f?"  # ♡ ⇄ ⭐ ⑂ 💬
_COUNT = re.compile(rf"(?:{_SYMBOL}\s*)?\d[\d,.]*[KkMm]?(?:\s+[^\W\d]+)?")
_MARKED_COUNT = re.compile(rf"{_SYMBOL}\s*\d|\d[KkMm]\b")
_DIGIT = re.compile(r"\d")
_COUNT_FIELDS = re.compile(r"\s*[·•|∙]\s*")
COUNT_LABEL_WORDS = 2  # a repository card's language or licence after its counts


def is_count_row(text: str) -> bool:
    """A post's or repository card's counts: two or more figures, each after its pictograph or
    abbreviated ("♡ 843 · ⇄ 96", "3.8K Likes • 612 Retweets"), then short labels at most
    ("⭐ 4,213 stars · 🍴 188 forks · Rust · MIT"); never a line of named figures."""
    if not (_DIGIT.search(text) and _MARKED_COUNT.search(text)):  # (finding no digit is faster)
        return False
    counts = 0
    for n, field in enumerate(_COUNT_FIELDS.split(text.strip())):
        found = [m.group() for m in _COUNT.finditer(field)]
        if found and "".join(found).replace(" ", "") == field.replace(" ", ""):
            counts += len(found)
        elif n == 0 or counts < 2 or field[:1].isdigit() or \
                len(field.split()) > COUNT_LABEL_WORDS:
            return False
    return counts >= 2


def _without_addresses(text: str) -> str | None:
    """A line's words without the web addresses it spells out, or None when it has none."""
    if "://" not in text:
        return None
    return _ADDRESS_IN_TEXT.sub("", text).strip(" :：→-") or None


def credited_names(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the list of names under a credit that ends with a colon ("This Week in Rust
    is edited by:" over "- nellshamrell", "- llogiq"…) as credit too: entries of a few words."""
    kinds = list(kinds)
    for i, block in enumerate(blocks):
        if kinds[i] != "credit" or not block.text.rstrip().endswith(":"):
            continue
        j = i + 1
        while j < len(blocks) and kinds[j] is None and words(blocks[j].text) <= NAME_ENTRY_WORDS \
                and (blocks[j].kind == "item" or _LIST_LINE.match(blocks[j].text)):
            kinds[j] = "credit"
            j += 1
    return kinds


def is_caption_under(picture: Block, block: Block, kind: str | None) -> bool:
    """A short line right under a picture, in its element or on the next line, no sentence
    said to the reader and no link ("Fot. Jan Kowalski", "Sheep at work in the park"): the
    picture's caption or credit, in any language; never a greeting under a logo ("Hey
    there,"): a caption does not end in a comma."""
    return (
        picture.kind == "caption" and kind is None and block.kind == "paragraph"
        and not block.links and words(block.text) <= UNDER_PICTURE_WORDS
        and not block.text.rstrip().endswith(("!", "！", "?", "？", ":", "：", ",", "，", "、"))
        and block.line - picture.end_line <= 1
    )


def is_caption_before(block: Block, following: Block, following_kind: str | None) -> bool:
    """A short paragraph sitting right above a photo credit is that photo's caption; not an
    exclamation, said to the reader ("Please submit your quotes for next week!" over "This
    Week in Rust is edited by: …"), nor above a line introducing a list of names ("… by:"),
    nor a story's paragraph of three sentences or more over the credit ending it, nor above a
    credit too long for a picture's ("This newsletter was edited by … and copy edited by …")."""
    return (
        following_kind == "credit"
        and words(following.text) <= PHOTO_CREDIT_WORDS
        and not following.text.rstrip().endswith(":")
        and not block.text.rstrip().endswith(("!", "！"))
        and block.kind == "paragraph"
        and words(block.text) <= CAPTION_MAX_WORDS
        and len(_INNER_END.findall(block.text.rstrip())) < CAPTION_SENTENCES
        and following.line - block.end_line <= 3
    )


STORY_WORDS = 20  # a paragraph of two sentences this long under a heading tells a story


def tells_story(text: str) -> bool:
    """Two sentences or more, of STORY_WORDS words or more: more than a picture's caption
    alone under its heading would say."""
    return words(text) >= STORY_WORDS and bool(_INNER_END.search(text.rstrip()))


def looks_like_heading(text: str) -> bool:
    """A short title-like line: few words, capitalised (or in a script without capitals), no
    closing punctuation."""
    n = words(text)
    if not 1 <= n <= 18 or len(text) > 120 or _BULLET.match(text) or _WEB_ADDRESS.search(text):
        return False  # a line giving an address is an entry ("Why do cats…? - https://…")
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "“\"'‘" or
            first.isalpha() and first.lower() == first.upper()):  # a script without case
        return False
    spoken = text.rstrip(_CLOSING_QUOTES)  # a line of dialogue: "I haven't got any key."
    if spoken != text and _TERMINAL.search(spoken):
        return False
    if text.endswith("?"):
        return n <= 8
    return not _TERMINAL.search(text) and not text.endswith(")")


_CLOSING_QUOTES = "\"'”’»«」』"


def in_capitals(text: str) -> bool:
    """A short line in capitals: at least three letters, none of them lower-case, and no
    sentence's end ("WINTER LEAGUE", "[ NEWS ]"); a note in brackets after it may be in
    lower case ("THE TABLE (bottom half)")."""
    if words(text) > 10 or ENDS_SENTENCE.search(text):
        return False
    letters = [c for c in _TRAILING_NOTE.sub("", text) if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_TRAILING_NOTE = re.compile(r"\s+\([^()]{1,40}\)\s*$")


def looks_like_numbered_subhead(text: str) -> bool:
    """A numbered one-sentence line inside prose ("2. AI talent stays home.")."""
    return bool(_NUMBERED.match(text)) and words(text) <= 22


BOX_BLOCKS = 12  # the author's box sits among the issue's last blocks
BIO_WORDS = 80
BOX_STORY_WORDS = 12  # a paragraph of the issue's own above the box (not its masthead)
_NAMED_PICTURE = re.compile(r"((?:[A-Z][\w’'.-]+ ){1,3}[A-Z][\w’'-]+)\W*$")  # "Headshot of Jo Reed"
_HANDLE = re.compile(r"^@[\w.]{2,40}$")


def author_boxes(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the writer's box that ends an issue as bio: a picture whose alt text names
    them ("Headshot of Kira Vance", "Foto von Lea Brandhorst"), then their name alone, if
    given, and a short paragraph opening with their name or first name ("Kira Vance covers
    markets…", "Jonah is Brisk's chief…"), and their handle ("@jonah")."""
    kinds = list(kinds)
    for i in range(max(0, len(blocks) - BOX_BLOCKS), len(blocks) - 1):
        named = _NAMED_PICTURE.search(blocks[i].text) if blocks[i].kind == "caption" else None
        if named is None or not looks_like_name(named[1]) or not any(
                k is None and b.kind == "paragraph" and words(b.text) >= BOX_STORY_WORDS
                for b, k in zip(blocks[:i], kinds[:i])):  # a story above it, and a person
            continue
        name = named[1]
        j = i + 1
        if kinds[j] is None and blocks[j].text.strip() == name:
            j += 1
        if j >= len(blocks) or kinds[j] is not None or blocks[j].kind != "paragraph" or \
                not 6 <= words(blocks[j].text) <= BIO_WORDS or \
                not ENDS_SENTENCE.search(blocks[j].text) or \
                not blocks[j].text.startswith((name, name.split()[0] + " ")):
            continue
        end = j + 1 + (j + 1 < len(blocks) and kinds[j + 1] is None and
                       _HANDLE.match(blocks[j + 1].text.strip()) is not None)
        kinds[i + 1:end] = ["bio"] * (end - i - 1)
    return kinds


def looks_like_name(text: str) -> bool:
    parts = text.split()
    return 2 <= len(parts) <= 4 and all(_NAME_WORD.match(p) for p in parts) and len(text) < 50


def leading_name(text: str) -> str:
    """The proper-noun phrase a sentence opens with ("The Tech Association (TA) is...")."""
    taken: list[str] = []
    for word in text.split():
        bare = word.strip(",;:")
        if bare[:1].isupper() or re.fullmatch(r"\([A-Z][A-Za-z&]*\)", bare) or (
            taken and bare in ("of", "for", "and", "&", "the", "in", "on")
        ):
            taken.append(bare)
            if word != bare:
                break
            continue
        break
    while taken and taken[-1] in ("of", "for", "and", "&", "the", "in", "on"):
        taken.pop()
    return " ".join(taken)


def sign_offs(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with each sign-off marked: a short closing line ending in a comma over a line or
    two of name, where a section or the issue ends or a postscript follows; a dash and a name
    alone there ("— Sam"); and an e-mail signature, the few short lines under a `--` line at
    the end. By shape alone, in any language."""
    kinds = list(kinds)
    credits = _part_credits(blocks, kinds)
    for i, block in enumerate(blocks):
        if kinds[i] is None and _bulleted_name(blocks, i) and (
                _ends_letter(blocks, kinds, i + 1) or _postscript(blocks, i + 1)):
            kinds[i] = "signoff"  # "- Ana" under the last paragraph: a dash and a name
            continue
        if kinds[i] == "chrome" and _is_closing(_LAST_SENTENCE.split(block.text)[-1]):
            end = _run_end(blocks, kinds, i + 1, NAME_LINES + 1)
            if _signed(blocks[i + 1:end]):  # "That's all for this week. Happy hacking," (a
                kinds[i + 1:end] = ["signoff"] * (end - i - 1)  # farewell) over "Tomasz"
            continue
        if kinds[i] is not None or block.kind != "paragraph":
            continue
        if block.text == "--":
            end = _run_end(blocks, kinds, i + 1, SIGNATURE_LINES + 1)
            most = FOOTER_LINE_WORDS if _only_furniture(blocks[end:], kinds[end:]) else \
                SIGNATURE_WORDS
            if end - i - 1 <= SIGNATURE_LINES and all(
                    words(b.text) <= most for b in blocks[i + 1:end]):
                kinds[i:end] = ["signoff"] * (end - i)
        elif _is_closing(block.text):
            end = _run_end(blocks, kinds, i + 1, NAME_LINES + 1)
            end = next((j for j in range(i + 1, end) if _POSTSCRIPT.match(blocks[j].text)), end)
            end = _before_colophon(blocks, kinds, i + 1, end)
            if _signed(blocks[i + 1:end]):  # a postscript or a colophon may follow the name
                kinds[i:end] = ["signoff"] * (end - i)
            elif end == i + 1 < len(blocks) and kinds[end] == "signoff":
                kinds[i] = "signoff"  # "With best wishes," over a signature found before it
        elif _name_and_role(blocks, kinds, i):
            kinds[i:i + 2] = ["signoff"] * 2
        elif _bare_closing_and_name(block) and _ends_letter(blocks, kinds, i + 1):
            kinds[i] = "signoff"  # "Viele Grüße⏎Jonas" read as one paragraph, at the end
        elif _is_bare_closing(block.text) and not block.links:  # "Sportliche Grüße" over
            # "Ihr Vorstand", at the end (only furniture or a signature below); never a link
            # ("Order Spirit Wear" over the school's name and address)
            end = _run_end(blocks, kinds, i + 1, NAME_LINES + 1)
            if _signed(blocks[i + 1:end]) and _ends_letter(blocks, kinds, end):
                kinds[i:end] = ["signoff"] * (end - i)
        elif i not in credits and (_closing_and_name(block) or _dash_name(blocks, i)) and (
                _run_end(blocks, kinds, i + 1, 1) == i + 1 or _heading_line(blocks[i + 1]) or
                _postscript(blocks, i + 1)) and not _over_table(blocks, i):
            kinds[i] = "signoff"  # "Cheers,⏎Lea" read as one paragraph, "Yours, Ines", "— Sam"
            # (over a postscript too: "- Dana" over "P.S. The spring session starts…")
    return _fingerprints(blocks, kinds)


# An OpenPGP key's fingerprint: forty hex digits in ten groups of four, after a short label
# ("PGP: 7A3C 91F0 … 1C39", "Key fingerprint = 7A3C 91F0 …").
_FINGERPRINT = re.compile(r"(?:[0-9A-F]{4}\s{1,2}){9}[0-9A-F]{4}\s*$", re.IGNORECASE)
FINGERPRINT_LABEL_WORDS = 3


def _fingerprints(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with a key's fingerprint line right under a signature as part of it."""
    for i in range(1, len(blocks)):
        if kinds[i] is not None or kinds[i - 1] != "signoff" or blocks[i].kind != "paragraph":
            continue  # (the pattern is searched under a signature only: it is slow on long text)
        found = _FINGERPRINT.search(blocks[i].text)
        if found and words(blocks[i].text[:found.start()]) <= FINGERPRINT_LABEL_WORDS:
            kinds[i] = "signoff"
    return kinds


LETTER_WORDS = 40  # the prose a letter signed without a closing runs to, at least


def _name_and_role(blocks: list[Block], kinds: list[str | None], i: int) -> bool:
    """A letter signed with no closing line: a name ("Dr. Ruth Okafor") and, right under it,
    the writer's role ("Medical Director"), under at least LETTER_WORDS of prose ending with a
    sentence, where the letter's section ends (a rule, a heading or the end)."""
    if i == 0 or i + 2 > len(blocks) or kinds[i + 1] is not None:
        return False
    name, role = blocks[i], blocks[i + 1]
    if role.kind != "paragraph" or role.line > name.end_line + 1 or \
            not _signing_names(name) or not _is_name_line(role, TEAM_WORDS) or \
            not (_run_end(blocks, kinds, i + 2, 1) == i + 2 or _heading_line(blocks[i + 2])):
        return False
    prose, j = 0, i - 1
    while j >= 0 and (kinds[j] is not None or blocks[j].kind == "paragraph" and
                      not _heading_line(blocks[j])):
        if kinds[j] is None:
            if not prose and not ENDS_SENTENCE.search(blocks[j].text):
                return False
            prose += words(blocks[j].text)
        j -= 1
    return prose >= LETTER_WORDS


def farewell(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the issue's farewell marked: a short exclamation after its last story's
    text, alone or over a line or two of signature, with nothing but furniture below ("Have
    a good weekend!", "Bis bald!", "¡Hasta el martes!" over "Lucía y el equipo")."""
    last = next((i for i in range(len(blocks) - 1, -1, -1)
                 if kinds[i] is None and blocks[i].kind != "rule"), None)
    for names in range(NAME_LINES + 1):
        at = -1 if last is None else last - names
        above = next((j for j in range(at - 1, -1, -1)
                      if kinds[j] is None and blocks[j].kind != "rule"), None)  # past furniture
        if at < 1 or above is None or blocks[above].kind not in ("paragraph", "item") or \
                any(kinds[j] is not None or blocks[j].kind != "paragraph"
                    for j in range(at, last + 1)):
            return kinds
        block = blocks[at]
        if names == 0 and _farewell_and_name(block) or not block.links and \
                block.text.endswith(("!", "！")) and words(block.text) <= (
                    SIGNED_FAREWELL_WORDS if names else FAREWELL_WORDS) and \
                (names == 0 or _signed(blocks[at + 1:last + 1])):
            kinds = list(kinds)
            kinds[at:last + 1] = ["signoff"] * (names + 1)
            return kinds
    return kinds


def lone_signature(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with a signature that ends the letter with no closing line above it: a name
    alone (or names joined by "&"), perhaps over a team's name, under the last sentence and
    with nothing but furniture below ("… tell me what you watched." / "Lena"; "Jonah & Priti"
    / "Riverton This Weekend"), or only a postscript, or a line or two a rule sets apart (a
    tagline: "Field Notes is written by Lena Park.")."""
    for last in _letter_ends(blocks, kinds):
        for names in (2, 1):
            at = last - names + 1
            above = next((j for j in range(at - 1, -1, -1)
                          if kinds[j] is None and blocks[j].kind != "rule"), None)
            if at < 1 or above is None or any(kinds[j] is not None or
                                              blocks[j].kind != "paragraph"
                                              for j in range(at, last + 1)):
                continue
            if blocks[above].kind == "paragraph" and \
                    ENDS_SENTENCE.search(blocks[above].text) and _signing_names(blocks[at]) and \
                    all(_is_name_line(b, TEAM_WORDS) for b in blocks[at + 1:last + 1]):
                kinds = list(kinds)
                kinds[at:last + 1] = ["signoff"] * names
                return kinds
    return kinds


def _letter_ends(blocks: list[Block], kinds: list[str | None]) -> list[int]:
    """Where the letter's text may end: at its last plain line, or right above the postscript
    or the line or two under a rule that end the issue."""
    plain = [i for i, (b, k) in enumerate(zip(blocks, kinds)) if k is None and b.kind != "rule"]
    ends = plain[-1:]
    for n in range(1, min(COLOPHON_LINES, len(plain) - 1) + 1):
        first, before = plain[-n], plain[-n - 1]
        if all(blocks[j].kind == "paragraph" and (
                _POSTSCRIPT.match(blocks[j].text) or words(blocks[j].text) <= COLOPHON_WORDS)
               for j in plain[-n:]) and (
                _POSTSCRIPT.match(blocks[first].text) or
                any(blocks[j].kind == "rule" for j in range(before + 1, first))):
            ends.append(before)
    return ends


SIGNING_NAMES = 3  # words of the names a letter is signed with: "Lena", "Jonah & Priti"
_ROLE_AFTER = re.compile(r"(?<=\S) \((?:[^\W\d_][\w’'.-]*\s?){1,4}\)$")  # "(club secretary)"


def _signing_names(block: Block) -> bool:
    """A line of one or two first names or a short full name, each word capitalised (not
    in capitals: "LINKS" is a heading) or in a script without capitals, or a name and the
    team ("Priya and the Northgate team"), a role in brackets after it or not ("Gareth (club
    secretary)")."""
    text = _ROLE_AFTER.sub("", block.text.strip())
    if block.links or in_capitals(text) or text.endswith((".", ",", ":", ";", "!", "?")) or \
            ENDS_SENTENCE.search(text):  # "。", "।": a sentence in any script
        return False
    parts = [w for w in text.split() if w not in ("&", "and", "+")]
    if 1 <= len(parts) <= SIGNING_NAMES and len(text.split()) <= SIGNING_NAMES + 1 and \
            all(_NAME_WORD.match(w) and w[:1].isupper() or _caseless_name(w) for w in parts):
        return True
    team = _NAME_AND_TEAM.match(text)  # "Priya and the Northgate team"
    return team is not None and words(team[1]) <= TEAM_WORDS and "@" not in team[1]


def _caseless_name(word: str) -> bool:
    """A word of a name in a script without capitals ("சிவகுமார்", "ሄኖክ", "ዶ/ር"), no figure in
    it; not Chinese or Japanese, which put no space between a name and what it says."""
    return caseless(word) and not any(c.isdigit() for c in word) and not has_cjk(word)


_NAME_AND_TEAM = re.compile(r"^[A-Z][\w’'-]+ (?:and|&|\+) (\S.*)$")


def _farewell_and_name(block: Block) -> bool:
    """"Bis nächste Woche!" and "Eure Kiezpost-Redaktion" on two lines read as one paragraph."""
    closing, mark, name = block.text.partition("! ")
    return bool(mark) and not block.links and block.end_line > block.line and \
        words(closing) < FAREWELL_WORDS and _is_name(name, TEAM_WORDS)


def _heading_line(block: Block) -> bool:
    """A paragraph that will read as a heading: a short line all in capitals, or all bold
    ("MARKETS" opening the next section under "— Dana Kim, Luis Ortega")."""
    text = block.text.strip()
    return block.kind == "paragraph" and looks_like_heading(text) and (
        text.isupper() or block.lead_kind == "strong" and block.lead == text)


def _before_colophon(blocks: list[Block], kinds: list[str | None], start: int, end: int) -> int:
    """Where the signature from `start` ends when the lines after it, up to `end`, are a
    colophon that ends the issue ("Gareth" over "The Round-Up is written by volunteers."):
    a line or two of short paragraphs with only furniture below; else `end`."""
    for cut in range(start + 1, min(end, start + NAME_LINES + 1)):
        rest = [j for j in range(cut, len(blocks)) if kinds[j] is None and blocks[j].kind != "rule"]
        if _signed(blocks[start:cut]) and not _signed(blocks[start:end]) and \
                len(rest) <= COLOPHON_LINES and all(
                    blocks[j].kind == "paragraph" and words(blocks[j].text) <= COLOPHON_WORDS
                    for j in rest):
            return cut
    return end


def _only_furniture(blocks: list[Block], kinds: list[str | None]) -> bool:
    return all(k == "chrome" or b.kind == "rule" for b, k in zip(blocks, kinds))


def _signed(names: list[Block]) -> bool:
    """The lines under a closing are a signature: a name, or a name and a role or team."""
    return 1 <= len(names) <= NAME_LINES and all(_is_name_line(b, TEAM_WORDS) for b in names)


def _is_bare_closing(text: str) -> bool:
    """A closing written without a comma, as German and Dutch letters write it ("Viele
    Grüße", "Met vriendelijke groet"): a few capitalised words, no mark at all."""
    return 1 <= words(text) <= BARE_CLOSING_WORDS and text[0].isupper() and \
        not any(c.isdigit() or (not c.isalnum() and not c.isspace()) for c in text)


_LANGUAGES_APART = re.compile(r"\s+[/|·]\s+")  # "Hwyl am y tro / Bye for now,"


def _run_end(blocks: list[Block], kinds: list[str | None], start: int, most: int) -> int:
    """Where the run of plain paragraphs from `start` ends (a heading, or a line that will read
    as one after the first, a rule, a signature's "--", furniture already found, or the end of
    the issue), looking `most` blocks ahead at most."""
    end = start
    while end < min(len(blocks), start + most) and kinds[end] is None and \
            blocks[end].kind == "paragraph" and blocks[end].text not in SIGNATURE_MARKS and \
            not (end > start and _heading_line(blocks[end])):
        end += 1
    return end


_CLOSING_COMMAS = (",", "，", "،", "፣", "၊")  # the comma of a script's own too ("ከሰላምታ ጋር፣")


def _is_closing(text: str) -> bool:
    """"Warmly,", "Bis bald,": a few words and a comma, in lower case only as one word ("xo,",
    "cheers,"); no label ("Second place: Theo Grant,"); in two languages, each a few words
    ("Hwyl am y tro / Bye for now,"); or a few words and a colon where a language ends its
    closing so ("Zöld üdvözlettel:", `closings` in `_languages.toml`)."""
    last = text[:-1].split()[-1:] if text.endswith(":") else []
    if last and last[0].casefold() in closing_words():
        return words(text) <= CLOSING_WORDS and not any(c.isdigit() for c in text)
    if not text.endswith(_CLOSING_COMMAS):  # (most text: its words are not counted)
        return False
    count = max(words(part) for part in _LANGUAGES_APART.split(text))
    return (1 <= count <= CLOSING_WORDS
            and (not opens_lower(text) or count == 1) and not any(c.isdigit() for c in text)
            and ":" not in text and "：" not in text
            and not _BULLET.match(text) and not _NUMBERED.match(text))


def _postscript(blocks: list[Block], at: int) -> bool:
    """A postscript starts at `at` ("P.S. The spring session starts…")."""
    return at < len(blocks) and bool(_POSTSCRIPT.match(blocks[at].text))


def _ends_letter(blocks: list[Block], kinds: list[str | None], start: int) -> bool:
    """Nothing but furniture from `start` on, or an e-mail signature's "--" line."""
    return start < len(blocks) and blocks[start].text in SIGNATURE_MARKS or \
        _only_furniture(blocks[start:], kinds[start:])


def _bare_closing_and_name(block: Block) -> bool:
    """A closing with no comma over a name, on two lines read as one paragraph."""
    parts = block.text.split()
    return block.end_line == block.line + 1 and not block.links and any(
        _is_bare_closing(" ".join(parts[:n])) and _is_name(" ".join(parts[n:]), TEAM_WORDS)
        for n in range(1, min(len(parts), BARE_CLOSING_WORDS + 1)))


def _over_table(blocks: list[Block], i: int) -> bool:
    """The block is right over a table's row: its heading or caption ("BONDS, CURRENCIES AND
    COMMODITIES"), never a sign-off."""
    return i + 1 < len(blocks) and blocks[i + 1].kind == "row"


def _closing_and_name(block: Block) -> bool:
    """"Cheers, Lea": a closing and a name on one line (not a comma inside brackets, "Squat
    loading (working sets, % of training max)": a caption)."""
    closing, comma, name = block.text.partition(", ")
    return bool(comma) and closing.count("(") == closing.count(")") and \
        _is_closing(closing + ",") and not block.links and _is_name(name, TEAM_WORDS)


def _dash_name(blocks: list[Block], i: int) -> bool:
    """ "— Sam" (or "— Priya and the Grid Brief team", "- Dev" in plain text) signing the text
    above, not attributing the quote right above it (or a paragraph all in quotation marks)."""
    text = blocks[i].text
    return (text[:1] in "—–" and _is_name_line(blocks[i], TEAM_WORDS) or
            text.startswith("- ") and _is_name_line(blocks[i]) and _capitalised(text[2:])) and \
        not (i and (blocks[i - 1].kind == "quote" or _in_quotes(blocks[i - 1].text)))


def _in_quotes(text: str) -> bool:
    """A paragraph that is all one quotation ("„Wir haben nicht neun Stunden …“"): the line
    under it says who said it."""
    text = text.strip()
    return len(text) > 2 and text[0] in _QUOTE_MARKS and \
        text.rstrip(".!?…")[-1:] in _QUOTE_MARKS


def _part_credits(blocks: list[Block], kinds: list[str | None]) -> set[int]:
    """The "— Name, Place" lines that close two parts or more, each over the next heading:
    each part's writer (letters to the editor, signed columns), not the issue's sign-off."""
    found = {i for i in range(len(blocks) - 1) if kinds[i] is None and
             blocks[i].kind == "paragraph" and _dash_name(blocks, i) and
             (blocks[i + 1].kind == "heading" or _heading_line(blocks[i + 1]))}
    return found if len(found) > 1 else set()


def _bulleted_name(blocks: list[Block], i: int) -> bool:
    """A list of one entry that is a name, right under a paragraph: a "- Ana" signature
    that Markdown and plain text read as a list."""
    return blocks[i].kind == "item" and i > 0 and blocks[i - 1].kind == "paragraph" and \
        not blocks[i].level > 1 and _is_name_line(blocks[i]) and \
        _capitalised(blocks[i].text) and (i + 1 == len(blocks) or blocks[i + 1].kind != "item")


def _capitalised(text: str) -> bool:
    """Every word of a name capitalised ("Ana", "Ana & Bo", "Dev"), so no entry's title."""
    return all(w[:1].isupper() or w in ("&", "and") for w in text.split())


def _is_name_line(block: Block, most: int = NAME_WORDS) -> bool:
    return not block.links and _is_name(block.text, most)


def _is_name(text: str, most: int = NAME_WORDS) -> bool:
    """A line of name (or role): a few words, not lower-case first, ending as names do."""
    text = text.lstrip("—–- ")
    if not text or opens_lower(text) or text[0] in _QUOTE_MARKS or words(text) > most or \
            any(c.isdigit() for c in text):
        return False  # (a quoted title is no name)
    return not text.endswith((",", ";", ":", *SENTENCE_ENDS.replace(".", ""))) and (
        not text.endswith(".") or len(text.split()[-1]) <= 2)  # a sentence's end, any script


# A postscript's mark: "P.S.", "PS:", "P.P.S.", French "P.-S.".
_POSTSCRIPT = re.compile(r"^(?:(?:P\.?\s?)?P\.?\s?-?\s?S\b\.?:?|P\.\s?D\.?:?\s)")  # P.S., P.D.
# "12th,", "2026.", "13.," (Hungarian: the day's dot and the comma before its weekday)
_NUMERIC_DATE = re.compile(r"\d{1,4}(?:st|nd|rd|th)?(?:[-./]\d{1,4}){0,2}[.,]{0,2}")
# A date written with the year, month and day signs of Chinese, Japanese and Korean
# ("2026年11月27日（金）", "2026년 11월 27일"), its weekday in brackets after it or not.
_CJK_DATE = re.compile(
    r"\d{2,4}\s*[年년]\s*\d{1,2}\s*[月월]\s*(?:\d{1,2}\s*[日일号])?\s*(?:[(（]\S{1,4}[)）]|\S요일)?")
DATE_LINE_WORDS = 5
CJK_DATE_TAIL = 3  # characters a Chinese, Japanese or Korean date line may end with ("発行")
ISSUE_LINE_WORDS = 8
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_YEAR = re.compile(r"\d{4}")  # in any digits ("٢٠٢٦"), read by its value
# Words inside a written date ("8 de dezembro de 2026", "den 3 december 2026", "the 8th of May").
_DATE_JOINERS = frozenset({"de", "del", "of", "the", "den"})


def _without_joiners(tokens: list[str], months: frozenset[str]) -> list[str]:
    """The tokens without the words joining a date's parts ("8 de dezembro de 2026")."""
    def part(token: str) -> bool:
        return token.strip(".,").casefold() in months or \
            _NUMERIC_DATE.fullmatch(token) is not None

    return [t for n, t in enumerate(tokens)
            if not (t.casefold() in _DATE_JOINERS and 0 < n < len(tokens) - 1 and
                    part(tokens[n - 1]) and part(tokens[n + 1]))]


def _has_year(token: str) -> bool:
    return any(1900 <= int(found[0]) <= 2099 for found in _YEAR.finditer(token))
NUMBER_LINE_WORDS = 6  # an issue's numbers and its year, with a word or two ("Week 37, 2025")
# "Issue 47 | 14 March 2026 | …", "SOIL SIGNAL -- No. 27 -- 2 March 2026": no words
_FIELD_MARKS = re.compile(r"(?<!\S)(?:[·|•]|--|—|–)(?!\S)|·")


def is_issue_line(text: str, months: frozenset[str]) -> bool:
    """A short line that is no sentence and holds a date among other words: an issue's
    number and date ("Issue 88, 20 March 2025", "No. 42 · 2026-03-06"), or its numbers and
    year."""
    tokens = _FIELD_MARKS.sub(" ", joined(text)).split()
    if not 2 <= len(tokens) <= ISSUE_LINE_WORDS or text.rstrip()[-1:] in "!?…" or \
            (text.endswith(".") and len(tokens[-1]) > 3) or is_date_line(text, months):
        return False  # a date alone is a byline's
    for n, token in enumerate(tokens):
        if token.strip(".,").casefold() in months and any(
                _NUMERIC_DATE.fullmatch(t) for t in tokens[max(n - 1, 0):n + 2]):
            return True
    if written_date(text):  # "Nº 34 · 27 de noviembre de 2024", in any language's months
        return True
    numbers = [t.strip(".,:#№") for t in tokens if t.strip(".,:#№").isdigit()]
    if len(tokens) <= NUMBER_LINE_WORDS and len(numbers) >= 2 and \
            any(len(n) == 4 and _has_year(n) for n in numbers):
        return True  # "Week 37, 2025", "Vol. 3 · No. 12 · 2025"
    return any(_ISO_DATE.fullmatch(t.strip(".,")) for t in tokens) or bool(
        _CJK_DATE.search(text))


def is_date_line(text: str, months: frozenset[str]) -> bool:
    """A line that is only a date: "Mar 4", "4 mars 2026", "6. März 2026", "2026-03-04", "8 de
    dezembro de 2026", "الخميس ٣ ديسمبر ٢٠٢٦"."""
    found = _CJK_DATE.match(text.strip())
    if found and len(text.strip()) - found.end() <= CJK_DATE_TAIL and \
            not any(c.isdigit() for c in text.strip()[found.end():]):
        return True  # "2026年11月27日", "2026年11月27日発行" (published)
    if is_numbered_date(text):  # "ngày 5 tháng 12 năm 2026"
        return True
    text = _TIME_TAIL.sub("", text) or text  # "March 13, 2026 06:00 AM EDT"
    tokens = _without_joiners(joined(text).replace("·", " ").split(), months)
    if not 1 <= len(tokens) <= DATE_LINE_WORDS:
        return False
    if _date_tokens(tokens, months):
        return True
    # A word before a whole date, in any language: its weekday or place ("Dienstag,
    # 24.11.2026", "Mon 24 Nov 2026", "Berlin, 24.11.2026"); or the weekday after it and its
    # comma, as Hungarian writes it ("2026. március 13., péntek").
    if not 2 <= len(tokens) <= DATE_TOKENS + 1:
        return False
    date = tokens[1:] if _LEADING_WORD.fullmatch(tokens[0]) else \
        tokens[:-1] if tokens[-2].endswith(",") and _LEADING_WORD.fullmatch(tokens[-1]) else None
    return date is not None and _date_tokens(date, months) and any(map(_has_year, date))


# A time after a date, with its zone: "06:00 AM EDT", "at 6:00 a.m. ET", ", 06:00 Uhr".
_TIME_TAIL = re.compile(r"(?:,|\s)\s*(?:at\s+|um\s+|à\s+|a las\s+|alle\s+|om\s+|kl\.?\s*)?"
                        r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:Uhr|h))?"
                        r"(?:\s*\(?(?:[A-Z]{2,5}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)\)?)?\s*$",
                        re.IGNORECASE)
_LEADING_WORD = re.compile(rf"(?:{LETTER}{{2,15}}-)?{LETTER}{{2,15}}\.?,?")  # "terça-feira,"
DATE_TOKENS = 3  # a whole date: day, month and year at most ("Issue 31 · 12 May 2026" is more)


def _date_tokens(tokens: list[str], months: frozenset[str]) -> bool:
    """Tokens that are each a month's name or a number, and make a date: a name and a number,
    or numbers joined by dashes, dots or slashes ("2026-03-04", "24.11.2026", "11/24/2026")."""
    named = [t.strip(".,").casefold() in months for t in tokens]
    numeric = [_NUMERIC_DATE.fullmatch(t) is not None for t in tokens]
    return all(a or b for a, b in zip(named, numeric, strict=True)) and (
        any(named) and any(numeric) or
        any("-" in t or t.count(".") >= 2 or t.count("/") >= 2 for t in tokens))
