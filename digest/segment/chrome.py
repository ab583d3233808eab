"""Platform chrome found by structure as well as by phrase: links to the unsubscribe page, the
footer run at the end of an e-mail, contents lists, and headings left with nothing but chrome
under them. Sponsor markers are digest.segment.sponsors' business."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from digest.datewords import written_date
from digest.model import Block, Dropped, Item, Link, Section
from digest.textwords import (
    ENDS_SENTENCE,
    IN_PAGE_WORDS,
    SENTENCE_ENDS,
    count_words,
    only_links,
)

from .language import imprint_words
from .profiles import Profile, address_key, heading_key
from .rules import FAREWELL_WORDS, one_link

LINK_CHROME_WORDS = 30  # a line linking to a platform page is furniture only when short
UNSUBSCRIBE_WORDS = 60  # a paragraph linking to the unsubscribe page: a footer's notice
STORY_WORDS = 40  # a paragraph this long, of sentences, under a heading: a story, no footer
FOOTER_WORDS = 60  # a footer is a run of short lines...
FOOTER_SHARE = 0.4  # ...starting in the last 40% of the issue...
ROW_LINKS = 3  # a row of this many short links and nothing else is furniture anywhere
LABEL_WORDS = 3  # a short label may open a row of links ("Follow us:", "Seguici su:")
_ROW_LABEL = re.compile(r"^[^:：\n]{1,30}[:：]\s*")
LINK_ROW_WORDS = 3  # words of each link in a row above a footer (social pages, the website)
FOOTER_ROW_WORDS = 5  # right above the footer's first line, a call may run longer
QUESTION_WORDS, QUESTION_LINK_WORDS = 12, 6  # "Kan du ikke se nyhedsbrevet? Se det i din browser"
VOTE_WORDS = 8  # a poll's answer ("😐 It was fine", "🙂 Carina, ma si può fare meglio")
POLL_QUESTION_WORDS = 12
CONTENTS_SHARE = 0.8  # of a list's entries naming headings below it: the contents
ENTRY_WORDS = 14  # a contents entry that only echoes a section: a line, not a paragraph
ECHO_WORDS = 2  # the rare words it shares with how that section begins
CONTENTS_LABEL_WORDS = 6  # "In this issue:" over the contents entries
OPENING_BLOCKS, OPENING_WORDS = 3, 40
_WORD = re.compile(r"[^\W\d_]{3,}")
POSTAL_WORDS = 20
PULL_QUOTE_WORDS = 6  # a shorter quote that repeats the text may be a phrase it discusses
NAME_WORDS, NAMED_SHARE = 12, 0.6  # the sender's name or address opening a footer line
CHROME_SENTENCES = 4  # a closing paragraph of furniture: thanks, a share call, an opt-out
CLOSING_BLOCKS = 12  # where the closing paragraphs and footer are
_SENTENCE_BREAK = re.compile(f"(?<=[{SENTENCE_ENDS}])\\s+|(?<=[。！？])")


def links_to_chrome(block: Block, profile: Profile) -> bool:
    """A short line linking to the unsubscribe address or a platform's own pages, or only to
    the issue's own page and its site's home ("Share on X", "The post … appeared first on …"),
    or that is one link within the page ("Back to top")."""
    if not block.links:
        return False
    n = count_words(block.text)
    if n <= UNSUBSCRIBE_WORDS and any(_unsubscribes(link, profile) for link in block.links):
        return True  # "… To turn it off, click here to unsubscribe or visit your preferences."
    if block.kind == "heading":  # (a heading linking the way out is one too)
        return False
    if n > LINK_CHROME_WORDS:
        return False
    if profile.own and all(address_key(link.url) in profile.own for link in block.links):
        return True
    if one_link(block, IN_PAGE_WORDS) and block.links[0].url.strip().startswith("#"):
        return True  # "Back to top", "↑ Top": a way around the page, in any language
    return any(p.search(link.url) for link in block.links for p in profile.chrome_links)


def _unsubscribes(link: Link, profile: Profile) -> bool:
    """The link is the reader's own way out: the List-Unsubscribe address, or a page only
    unsubscribing leads to (a personal token in it, often)."""
    if profile.unsubscribe and address_key(link.url) in profile.unsubscribe:
        return True
    lowered = link.url.lower()  # most links name no such page: no search for them
    return ("unsub" in lowered or "opt" in lowered or "leave" in lowered) and \
        bool(_UNSUBSCRIBE_PAGE.search(link.url))


# Unsubscribe pages (the generic profile's chrome links name them too, with share pages).
_UNSUBSCRIBE_PAGE = re.compile(
    r"(?i)/(?:unsubscribe|unsub|optout|opt-out|leave)(?=[/?#.]|$)|[?&](?:unsubscribe|unsub)=")


def without_unsubscribe_links(section: Section, profile: Profile) -> None:
    """No unsubscribe link is published, even in text that stays: it often carries the
    reader's own token (a Discourse summary's "click here to unsubscribe" in a long
    paragraph); the words stay, unlinked."""
    for paragraph in section.paragraphs:
        paragraph.links = [x for x in paragraph.links if not _unsubscribes(x, profile)]
    for item in _all_items(section.items):
        item.links = [x for x in item.links if not _unsubscribes(x, profile)]


def _all_items(items: list[Item]) -> list[Item]:
    return [x for item in items for x in (item, *_all_items(item.sub_items))]


def footer(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the footer swept (`_sweep`), and the sender's postal address right above
    the chrome lines that end the issue, however short that footer."""
    kinds = _sweep(blocks, kinds)
    end = len(blocks)
    while end > 0 and kinds[end - 1] == "chrome":
        end -= 1
    if 0 < end < len(blocks) and kinds[end - 1] is None and _postal(blocks[end - 1]):
        kinds[end - 1] = "chrome"
    if end == len(blocks):
        kinds = _sender_card(blocks, kinds)
        while end > 0 and kinds[end - 1] == "chrome":
            end -= 1
    return _ruled_names(blocks, kinds, end)


CARD_LINES = 3  # the sender's name and address, how to reach them, their register number


def _sender_card(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the sender's card that ends an issue with no other footer as chrome: up to
    CARD_LINES short lines, each an address, a register's line or contact details, among them
    a postal address and a way to reach the sender ("Otterbrook Community Centre, Station
    Road, …" / "Tel 01632 960 774 / hello@…" / "Charity no. 1098765"); not when a line so
    detailed stands above too (each of a calendar's entries giving its venue)."""
    start = len(blocks)
    while start > 0 and len(blocks) - start < CARD_LINES and kinds[start - 1] is None and \
            _card_line(blocks[start - 1]):
        start -= 1
    card = blocks[start:]
    if not card or not any(_postal(b) for b in card) or \
            not any(_reaches(b.text) for b in card) or \
            any(_postal(b) and _reaches(b.text) for b in blocks[:start]):
        return kinds
    return kinds[:start] + ["chrome"] * len(card)


_MAIL_OR_WEB = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|"
                          r"\b[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.IGNORECASE)


def _reaches(text: str) -> bool:
    """Text giving a way to reach someone: a telephone number, an e-mail or web address."""
    return bool(_PHONE_IN.search(text) or _MAIL_OR_WEB.search(text))


def _card_line(block: Block) -> bool:
    """A short line of a sender's card, no sentence: an address, a register's line, or
    contact details ("Tel 0113 496 0551 · orders@… · greenwaywholesale.example")."""
    text = block.text.strip()
    return block.kind == "paragraph" and count_words(text) <= POSTAL_WORDS and \
        not ENDS_SENTENCE.search(text) and (_postal(block) or _reaches(text))


def _ruled_names(blocks: list[Block], kinds: list[str | None], end: int) -> list[str | None]:
    """The sender's name lines between a rule and the chrome lines that end the issue
    ("====" / "Coast Path Friends, registered charity 1234567" / "To leave this list…"):
    the footer opens at the rule."""
    if end == len(blocks):
        return _list_footer(blocks, kinds)
    start = end
    while start > 0 and end - start < FOOTER_NAME_LINES and kinds[start - 1] is None and \
            blocks[start - 1].kind == "paragraph" and (
                _names(blocks[start - 1].text) or _postal(blocks[start - 1]) or
                _label(blocks[start - 1].text)):
        start -= 1
    if start < end and start > 0 and blocks[start - 1].kind == "rule":
        kinds[start:end] = ["chrome"] * (end - start)
    return kinds


FOOTER_NAME_LINES = 3  # name or address lines between a rule and the closing chrome lines
_ADDRESS_ALONE = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")


def _list_footer(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """A mailing list's footer under a rule that ends the issue: its name, its address alone
    on a line, its page ("lisp-letter mailing list" / "lisp-letter@lists.example.org" /
    "https://lists.example.org/listinfo/lisp-letter"), no sentence among them."""
    start = len(blocks)
    while start > 0 and len(blocks) - start <= FOOTER_NAME_LINES and \
            kinds[start - 1] is None and blocks[start - 1].kind == "paragraph" and \
            _label(blocks[start - 1].text):
        start -= 1
    if 0 < start < len(blocks) and blocks[start - 1].kind == "rule" and \
            any(_ADDRESS_ALONE.fullmatch(b.text.strip()) for b in blocks[start:]):
        kinds[start:] = ["chrome"] * (len(blocks) - start)
    return kinds
LABEL_WORDS = 6  # "lisp-letter mailing list", "lisp-letter@lists.example.org"


def _label(text: str) -> bool:
    """A few words that say no sentence: a list's name or address over its footer."""
    return count_words(text) <= LABEL_WORDS and not text.rstrip().endswith((".", "!", "?"))


def _sweep(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the footer swept: from the first chrome line after which every line is short,
    no heading follows and most lines are chrome, everything to the end is chrome; so too
    after a rule in the issue's second half under which every line is chrome or names someone
    or somewhere, two of them chrome (a legal notice: the company, its address, register and
    officers, then "You are getting this…")."""
    kinds = list(kinds)
    starts: list[int] = []
    ruled = stop = None
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.kind == "heading" or count_words(block.text) > FOOTER_WORDS:
            stop = i if block.kind == "heading" else None
            break
        if kinds[i] == "chrome":
            starts.insert(0, i)
        if block.kind == "rule" and ruled is None:
            ruled = i
    if not starts:
        return kinds
    notice = ruled is not None and len(blocks) / 2 <= ruled < starts[0] and \
        _notice(blocks[ruled + 1:], kinds[ruled + 1:])
    if notice:
        starts = [ruled + 1]  # the notice opens with the sender's name, not a chrome line
    elif starts[0] < len(blocks) * (1 - FOOTER_SHARE):
        return kinds
    if stop is not None:  # all of the last heading's part only when it holds no story
        starts = [n for n in starts if any(kinds[j] is None and blocks[j].kind != "rule"
                                           for j in range(stop + 1, n)) or
                  not any(k is None and _story(b) for b, k in zip(blocks[n:], kinds[n:]))] \
            or starts[-1:]
    # From the first chrome line that opens a footer (one further down may, when a line of
    # furniture stands over text first: a paywall's notice over the post's link row).
    start = next((n for n in starts if notice or _opens_footer(blocks, kinds, n)), starts[-1])
    if notice or _opens_footer(blocks, kinds, start):
        short = True  # rows of short links above it; the lowest may hold a longer call
        while start > 0 and kinds[start - 1] is None and short and \
                _only_links(blocks[start - 1], FOOTER_ROW_WORDS) and \
                not entry_call(blocks, start - 1):
            short = _only_links(blocks[start - 1])
            start -= 1  # the footer's row of links above it: social pages, the website, "Support
            # the show on Patreon · Merch"
        kinds[start:] = ["chrome" if k is None else k for k in kinds[start:]]
    while start > 0 and kinds[start - 1] is None and (
            _postal(blocks[start - 1]) or _PHONE.match(blocks[start - 1].text) or
            _contact(blocks[start - 1])):
        start -= 1  # the sender's postal address (and telephone, opening hours) right above
        kinds[start] = "chrome"  # the footer
    return kinds


_PHONE_IN = re.compile(r"(?:\+\d[\d ]{1,4})?\(?\d{2,5}\)?[ .-]\d{3,4}[ .-]?\d{3,4}\b")
CONTACT_WORDS = 14  # "Open daily 9 am – 8 pm · (207) 555-0148"


def _contact(block: Block) -> bool:
    """A short line of contact details holding a telephone number, no sentence."""
    text = block.text.strip()
    return block.kind == "paragraph" and count_words(text) <= CONTACT_WORDS and \
        _PHONE_IN.search(text) is not None and not ENDS_SENTENCE.search(text)


def _story(block: Block) -> bool:
    """A paragraph of several sentences, as a message's body is and a footer's line is not
    ("The 150 mm loan Dobsonian came back on Saturday with its finder scope cracked. …")."""
    return count_words(block.text) >= STORY_WORDS and \
        len(_SENTENCE_BREAK.split(block.text.strip())) >= 2


def _opens_footer(blocks: list[Block], kinds: list[str | None], start: int) -> bool:
    """Every line from `start` on is chrome or names someone or somewhere, or most are
    chrome, two at least."""
    tail = kinds[start:]
    chrome = sum(1 for k in tail if k == "chrome")
    named = all(k == "chrome" or _names(b.text) or _postal(b)
                for b, k in zip(blocks[start:], tail))  # "Wypisz się" over the address
    return named or chrome >= 2 and chrome * 2 >= len(tail)


def entry_call(blocks: list[Block], i: int) -> bool:
    """A line that is one link whose words other lines of the issue link elsewhere ("View
    job" under each of three jobs): each entry's own call, not the footer's."""
    if len(blocks[i].links) != 1:
        return False
    words, url = blocks[i].text.strip().casefold(), blocks[i].links[0].url
    return any(len(b.links) == 1 and b.links[0].url != url and
               b.text.strip().casefold() == words for b in blocks)


def _notice(blocks: list[Block], kinds: list[str | None]) -> bool:
    """Lines that are each chrome or only a name or address, two of them chrome."""
    return sum(1 for k in kinds if k == "chrome") >= 2 and all(
        k == "chrome" or block.kind == "paragraph" and _names(block.text)
        for block, k in zip(blocks, kinds))


def footer_sentences(blocks: list[Block], kinds: list[str | None],
                     profile: Profile) -> list[str | None]:
    """Kinds with the footer's lines that begin with the sender's name or address as chrome:
    in the run of short lines that ends the issue, a paragraph whose first sentences only name
    someone or somewhere and whose next one is chrome by itself ("Garden Club, 4 Orchard Lane.
    You are getting this because…")."""
    patterns = profile.drop.get("chrome", ())
    kinds = list(kinds)
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.kind == "heading" or count_words(block.text) > FOOTER_WORDS or \
                i < len(blocks) * (1 - FOOTER_SHARE):
            break
        if kinds[i] is not None or block.kind != "paragraph":
            continue
        sentences = _SENTENCE_BREAK.split(block.text.strip())
        for n in range(1, len(sentences)):
            if any(p.search(sentences[n]) for p in patterns):
                head = " ".join(sentences[:n])
                if _names(head) or _address_like(head.rstrip(". ")):
                    kinds[i] = "chrome"  # (its address: "2 Ropewalk · 01632 960 555 · …")
                break
    return kinds


def chrome_paragraphs(blocks: list[Block], kinds: list[str | None],
                      profile: Profile) -> list[str | None]:
    """Kinds with a closing paragraph of furniture sentences as chrome: among the issue's last
    CLOSING_BLOCKS blocks, two to four sentences, each chrome by itself ("Thanks for reading!
    If you found this useful, share it with a friend."), where the patterns only take a line
    that is one, or a short farewell beside them ("Until next Thursday! Hit reply and…"), or,
    beside two of them, a short note ("To post, reply… Posts go out on Tuesdays. To leave,
    …")."""
    patterns = profile.drop.get("chrome", ())
    kinds = list(kinds)
    for i in range(max(0, len(blocks) - CLOSING_BLOCKS), len(blocks)):
        block = blocks[i]
        if kinds[i] is not None or block.kind != "paragraph" or \
                count_words(block.text) > FOOTER_WORDS:
            continue
        sentences = [s for s in _SENTENCE_BREAK.split(block.text.strip()) if s.strip()]
        if not 2 <= len(sentences) <= CHROME_SENTENCES:
            continue
        furniture = [any(p.search(s) for p in patterns) for s in sentences]
        aside = sum(furniture) >= 2  # a short note between two ("Posts go out on Tuesdays.")
        if any(furniture) and all(f or _farewell(s) or aside and
                                  count_words(s) <= FAREWELL_WORDS
                                  for f, s in zip(furniture, sentences)):
            kinds[i] = "chrome"
    return kinds


def _farewell(sentence: str) -> bool:
    """A short exclamation ("Until next Thursday!"), in any language."""
    return sentence.rstrip().endswith(("!", "！")) and count_words(sentence) <= FAREWELL_WORDS


def _names(text: str) -> bool:
    """Text that only names someone or somewhere ("Harbour Office, Quay Street."): a few
    words, most of them capitalised or numbers, and no sentence of the issue's."""
    words = text.split()
    named = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return 0 < len(words) <= NAME_WORDS and named >= NAMED_SHARE * len(words)


def pull_quotes(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with each pull quote as chrome: a quote of PULL_QUOTE_WORDS words or more that
    repeats, word for word, part of a paragraph of the issue (a magazine's layout, set in large
    type beside the text it comes from)."""
    quotes = [i for i, b in enumerate(blocks) if b.kind == "quote" and kinds[i] is None and
              count_words(b.text) >= PULL_QUOTE_WORDS]
    if not quotes:
        return kinds
    kinds = list(kinds)
    for i in quotes:
        words = _plain_words(blocks[i].text)
        needle = max(re.findall(r"\w+", blocks[i].text)[1:], key=len, default="")  # as written
        if any(needle in b.text and words in _plain_words(b.text) for n, b in enumerate(blocks)
               if b.kind in ("paragraph", "item") and kinds[n] is None):
            kinds[i] = "chrome"
    return kinds


def _plain_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def top_rows(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the rows of links above an issue's first text as chrome: where to listen,
    read online or follow ("Apple Podcasts · Spotify · RSS"), and a lone short link opening the
    issue right above its title or the logo over it ("Zobacz w przeglądarce", "View as
    Webpage", whatever the language); further down, a row of three such links or more, unless
    each names a version or a figure (releases: "Biome 2.5 · Turbopack 3.2 · Lerna 11.0")."""
    kinds = list(kinds)
    for i, block in enumerate(blocks):
        if block.kind == "heading" or kinds[i] is not None:
            continue
        above_title = i == 0 and _over_title(blocks, i)
        if not (_only_links(block) and (len(block.links) >= 2 or above_title) or
                i == 0 and _asked_and_linked(block)):
            break
        kinds[i] = "chrome"
    for i, block in enumerate(blocks):  # such a row of three or more anywhere
        if kinds[i] is None and len(block.links) >= ROW_LINKS and \
                _only_links(block, LINK_ROW_WORDS + 1) and \
                not all(any(c.isdigit() for c in link.text) for link in block.links):
            kinds[i] = "chrome"  # "Listen on the web · Spotify · RSS"; not "Biome 2.5 · …"
    return kinds


LOGO_PICTURES = 2  # pictures that may stand between a top link and the title: a logo, a banner


def _over_title(blocks: list[Block], i: int) -> bool:
    """A heading comes next, maybe under a picture or two: the logo between a "View as
    Webpage" row and the issue's title."""
    below = next((j for j in range(i + 1, len(blocks)) if blocks[j].kind != "caption"), None)
    return below is not None and below - i - 1 <= LOGO_PICTURES and \
        blocks[below].kind == "heading"


def _asked_and_linked(block: Block) -> bool:
    """A question and the link that answers it, opening the issue: "Lukt het niet om deze
    e-mail goed te bekijken? Bekijk de online versie", "Não está conseguindo visualizar este
    e-mail? Clique aqui", whatever the language."""
    question, mark, answer = block.text.partition("?")
    return bool(mark) and len(block.links) == 1 and \
        answer.strip() == block.links[0].text.strip() and \
        0 < count_words(answer) <= QUESTION_LINK_WORDS and \
        count_words(question) <= QUESTION_WORDS


_POSTAL_MARK = re.compile(r"^〒\s?\d{3}-?\d{4}\b")  # Japan's postal mark and code


def _postal(block: Block) -> bool:
    """A line like a postal address: short, no sentence, a number and two or more commas,
    middle dots or bars ("Northside Council, Town Hall, Market Square, Northside NS1 2AB",
    "City Pulse · 1 Town Hall Square, Riverton RV1 1AA"); no price and no date, which an
    entry's details line has ("OpenSpectra · €30/hour · Closes 20 December 2026"); or a legal
    notice's line naming its register ("Vereinsregister Amtsgericht Lindenau VR 2041")."""
    return block.kind == "paragraph" and (_address_like(block.text) or _imprint(block.text))


_BRACKETED = re.compile(r"\([^()]*\)")


def _address_like(text: str) -> bool:
    """Counted without a note in brackets: "SRE, Quillstack (remote, UTC−3 to UTC+3)" is a
    job, its commas and figure a note's."""
    text = text.rstrip()
    if _POSTAL_MARK.match(text):  # "〒999-0123 架空県山彦町本通り3-14"
        return True
    bare = _BRACKETED.sub("", text)
    return count_words(text) <= POSTAL_WORDS and sum(map(bare.count, ",·•|")) >= 2 and \
        any(c.isdigit() for c in bare) and not ENDS_SENTENCE.search(text) and \
        not _PRICE.search(text) and written_date(text) is None


def _imprint(text: str) -> bool:
    """A short line, no sentence, with a figure and a word naming a register or an officer
    (`imprint` in `_languages.toml`): "Handelsregister HRB 1234 · Geschäftsführer: …"."""
    folded = text.casefold()
    return count_words(text) <= POSTAL_WORDS and any(c.isdigit() for c in text) and \
        not ENDS_SENTENCE.search(text.rstrip()) and \
        any(_whole_word(word).search(folded) for word in imprint_words())


@lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    """The word alone, not inside another ("cif", never "specific")."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


# A telephone number alone, perhaps labelled: "(555) 410-2200", "Tel. +44 20 7946 0000"
_PHONE = re.compile(r"^\s*(?:[^\W\d_]{1,10}\.?:?\s*)?\+?[\d(][\d ().\-/]{6,20}\d\s*$")
_PRICE = re.compile(r"[$€£¥₹₩₽₺₪₫฿]\s?\d|\d\s?[$€£¥₹₩₽₺₪₫฿]")  # "€30", "30 €"


def polls(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with reader polls as chrome ("How was today's issue?" over "🔥 Loved it", "👎 Not
    for me"): two or more short lines in a row, each one link and nothing else, all to one
    page with a different query each (the vote), and the question right above them. A line
    the issue repeats is no answer: a card's button ("View job"), which a mail platform's
    click tracking sends to the same page as the next card's title."""
    kinds = list(kinds)
    buttons = Counter(b.text for b in blocks if _vote(b))
    voting = [_vote(b) and buttons[b.text] == 1 for b in blocks]
    i = 0
    while i < len(blocks):
        run = [i] if voting[i] else []
        while run and run[-1] + 1 < len(blocks) and voting[run[-1] + 1] and \
                _page(blocks[run[-1] + 1]) == _page(blocks[i]):
            run.append(run[-1] + 1)
        if len(run) >= 2 and len({blocks[k].links[0].url for k in run}) == len(run):
            kinds[run[0]:run[-1] + 1] = [k or "chrome" for k in kinds[run[0]:run[-1] + 1]]
            question = run[0] - 1
            if question >= 0 and kinds[question] is None and \
                    blocks[question].text.rstrip()[-1:] in "?？؟" and \
                    count_words(blocks[question].text) <= POLL_QUESTION_WORDS:
                kinds[question] = "chrome"
        i = run[-1] + 1 if run else i + 1
    return kinds


def _vote(block: Block) -> bool:
    return block.kind in ("paragraph", "heading") and one_link(block, VOTE_WORDS) and \
        "?" in block.links[0].url


def _page(block: Block) -> tuple[str, str]:
    parts = urlsplit(block.links[0].url)
    return parts.netloc.lower(), parts.path


def _only_links(block: Block, most: int = LINK_ROW_WORDS) -> bool:
    """A short line, not a list entry, that is nothing but links of a few words each
    ("Facebook", "Website | Archive", "Support the show · Merch"): a list of linked stories
    is content."""
    if not block.links or block.kind != "paragraph" or \
            any(count_words(link.text) > most for link in block.links):
        return False
    label = _ROW_LABEL.match(block.text)  # "Seguici su: Instagram · Facebook"
    text = block.text[label.end():] if label and count_words(label[0]) <= LABEL_WORDS \
        else block.text
    return only_links(text, [link.text for link in block.links])


def drop_contents(sections: list[Section], dropped: list[Dropped]) -> list[Section]:
    """A list whose entries name the headings below it ("In this issue: …"), or echo how
    the sections below begin, sharing ECHO_WORDS words with one's opening that no third
    section uses ("Why three ports are backed up" over "Ports"), is the issue's table of
    contents: the page has its own, so the entries are chrome; so is a line of them ("In this
    issue: Calls for papers · Jobs board · Member spotlight")."""
    # (where, heading): below section n when `where` > n, so a section's own subheads count
    headings = [(n, _entry_key(s.heading)) for n, s in enumerate(sections) if s.heading]
    headings += [(n + 1, _entry_key(sub.heading)) for n, s in enumerate(sections)
                 for sub in s.subsections]
    openings: list[set[str]] = []  # made when an entry may echo a section, rarely

    def echoes(item: Item, n: int) -> bool:
        if not _may_echo(item):
            return False
        if not openings:
            rare = _rare_words(sections)
            openings.extend(_words(_opening(s)) & rare for s in sections)
        return any(len(_words(item.text) & opening) >= ECHO_WORDS for opening in openings[n:])

    for n, section in enumerate(sections):
        if len(section.items) < 2:
            continue
        below = {heading for where, heading in headings if where > n}
        named, misses = [], 0
        for item in section.items:
            if _entry_key(item.text) in below or echoes(item, n + 1):
                named.append(item)
            else:
                misses += 1
                if misses > (1 - CONTENTS_SHARE) * len(section.items):
                    break
        else:
            if len(named) >= 2:
                section.items = [item for item in section.items if item not in named]
                dropped.extend(Dropped("chrome", item.line, item.text) for item in named)
                _drop_label(section, named[0].line, dropped)
                _unlisted(section)
    for n, section in enumerate(sections):
        below = {heading for where, heading in headings if where > n}
        lines = [p for p in section.paragraphs if p.kind == "text"]
        named_lines = [p for p in lines if _entry_key(p.text) in below]
        if len(named_lines) >= 2 and len(named_lines) >= CONTENTS_SHARE * len(lines):
            # the entries as lines of their own ("１．【巻頭】…" under "今号の目次")
            section.paragraphs = [p for p in section.paragraphs if p not in named_lines]
            dropped.extend(Dropped("chrome", p.line, p.text) for p in named_lines)
            continue
        for paragraph in lines:
            entries = _inline_entries(paragraph.text)
            if len(entries) >= 2 and sum(_entry_key(e) in below for e in entries) >= \
                    CONTENTS_SHARE * len(entries):
                section.paragraphs.remove(paragraph)
                dropped.append(Dropped("chrome", paragraph.line, paragraph.text))
    return sections


# A contents line: "In this issue: Calls for papers · Jobs board · Member spotlight"
_CONTENTS_LINE = re.compile(r"^(?:([^:：]{1,60})[:：]\s*)?(.+)$")
_ENTRY_BREAK = re.compile(r"\s+[·•|/]\s+|\s*;\s*")


def _inline_entries(text: str) -> list[str]:
    """The entries of a contents line, after its short label: its parts between middle dots,
    bullets, bars or semicolons."""
    found = _CONTENTS_LINE.match(text.strip())
    if found is None or found[1] and count_words(found[1]) > CONTENTS_LABEL_WORDS:
        return []
    parts = [part.strip(" .") for part in _ENTRY_BREAK.split(found[2])]
    return parts if len(parts) >= 2 and all(parts) else []


def _entry_key(text: str) -> str:
    """A heading or contents entry compared without its number ("1. Winter talks" is named
    by the entry "Winter talks", whose list took the number as its marker)."""
    return _NUMBER.sub("", heading_key(text))


_NUMBER = re.compile(r"^\d{1,3} ")


def _drop_label(section: Section, first: int, dropped: list[Dropped]) -> None:
    """The short line right above the contents entries that names them ("In this issue",
    a collapsed box's "Inside:", a bold "In questo numero:"): chrome with them."""
    above = [p for p in section.paragraphs if p.line < first or p.line == first and (
             p.kind == "subhead" or p.text.rstrip().endswith((":", "：")))]  # on the list's
    # line: one introducing it (a subhead has lost its colon)
    if not above or any(above[-1].line < item.line < first for item in section.items):
        return
    label = above[-1]
    if label.kind in ("text", "subhead") and not label.links and \
            0 < count_words(label.text) <= CONTENTS_LABEL_WORDS and \
            not ENDS_SENTENCE.search(label.text):
        section.paragraphs.remove(label)
        section.subsections = [sub for sub in section.subsections
                               if (sub.heading, sub.line) != (label.text, label.line)]
        dropped.append(Dropped("chrome", label.line, label.text))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _opening(section: Section) -> str:
    """A section's heading and how its first few blocks begin: what a contents entry echoes."""
    blocks = sorted([*section.paragraphs, *section.items], key=lambda b: b.line)[:OPENING_BLOCKS]
    return " ".join([section.heading or "", *(" ".join(b.text.split()[:OPENING_WORDS])
                                               for b in blocks)])


def _rare_words(sections: list[Section]) -> set[str]:
    """Words at most two sections use: a contents entry's and the one it names."""
    seen: Counter[str] = Counter()
    for section in sections:
        text = " ".join([section.heading or "", *(p.text for p in section.paragraphs),
                         *(item.text for item in section.items)])
        seen.update(_words(text))
    return {word for word, count in seen.items() if count <= 2}


def _may_echo(item: Item) -> bool:
    """A short entry linking nowhere else, written as a title, not as a sentence: it may only
    echo a later section's opening (a "TL;DR" list of sentences tells the news in brief)."""
    return not item.sub_items and count_words(item.text) <= ENTRY_WORDS and \
        all(link.url.startswith("#") for link in item.links) and \
        item.text.rstrip()[-1:] not in ".!。！"


def _unlisted(section: Section) -> None:
    """A section that was a list only for its contents entries reads as prose again."""
    if not section.items and section.layout == "list":
        section.layout = "prose"
        if section.role == "roundup":
            section.role = "lead" if section.kind == "lead" else "section"


def drop_emptied(sections: list[Section], dropped: list[Dropped]) -> list[Section]:
    """A heading whose whole section was chrome (a jobs promo, a footer) is chrome too, and one
    whose whole section was credits ("Credits" over "Produced by …") is credit; so is a subhead
    whose whole part was chrome ("Share the newsletter" over a referral block)."""
    kept = []
    lines = sorted(d.line for d in dropped if d.kind == "chrome")
    credits = sorted(d.line for d in dropped if d.kind == "credit")
    for n, section in enumerate(sections):
        end = sections[n + 1].first_line if n + 1 < len(sections) else None
        _drop_emptied_subheads(section, end, lines, dropped)
        empty = not (section.paragraphs or section.items or section.subsections)
        under = {kind for kind, found in (("chrome", lines), ("credit", credits)) if any(
            section.first_line <= line and (end is None or line < end) for line in found)}
        if empty and under and section.heading:
            kind = "chrome" if "chrome" in under else "credit"
            heading_line = section.heading_line or section.first_line
            dropped.append(Dropped(kind, heading_line, section.heading))
            if section.dek and section.first_line < heading_line:  # its kicker, over it
                dropped.append(Dropped(kind, section.first_line, section.dek))
            continue
        kept.append(section)
    return kept


def _drop_emptied_subheads(section: Section, end: int | None, lines: list[int],
                           dropped: list[Dropped]) -> None:
    subs, gone = section.subsections, set()
    if not subs or bisect_right(lines, subs[0].line) == (
            bisect_left(lines, end) if end is not None else len(lines)):
        return  # no chrome under any of its subheads
    for k, sub in enumerate(subs):
        stop = subs[k + 1].line if k + 1 < len(subs) else end

        def inside(line: int, start: int = sub.line, stop: int | None = stop) -> bool:
            return start < line and (stop is None or line < stop)

        if any(inside(p.line + (p.kind != "subhead")) for p in section.paragraphs) or \
                any(inside(item.line + 1) for item in section.items) or \
                not any(inside(line) for line in lines):
            continue
        gone.add(sub.line)
        dropped.append(Dropped("chrome", sub.line, sub.heading))
    if gone:
        section.subsections = [sub for sub in subs if sub.line not in gone]
        section.paragraphs = [p for p in section.paragraphs
                              if not (p.kind == "subhead" and p.line in gone)]


# A mail platform's merge tag left unfilled ("*|FNAME|*", "*|LIST:ADDRESSLINE|*", Markdown
# having eaten its stars: "|FNAME|"; "%%FirstName%%"; "{{ contact.firstname }}", "{{ first_name
# |default:"friend" }}"; "{$name}"; "[[FIRSTNAME OR "Friend"]]"; "[firstname,fallback=there]").
_MERGE_TAG = re.compile(r"\*?\|[A-Z][A-Z0-9_]*(?::[^|\s]{1,40})?\|\*?|%%[A-Za-z][\w.]{0,40}%%"
                        r"|\{\{\s*[A-Za-z_][\w.]{0,40}\s*(?:\|[^{}\n]{0,60})?\}\}"
                        r"|\{\$[A-Za-z_]\w{0,30}\}"
                        r"|\[\[[A-Z][A-Z0-9_]{0,30}(?: OR \"[^\"\n]{0,30}\")?\]\]"
                        r"|\[[a-z]\w{0,30},fallback=[^\]\n]{0,40}\]")
_SPACE_BEFORE = re.compile(r"\s+(?=[,.!?;:])|,(?=\s*[.!?;:])")  # "Hi ,", "morning, ."
_LEFT_MARKS = " ·•|–—-"


def _tagged(text: str) -> bool:
    """The text holds a merge tag; each holds "|", "%", "{" or "[", so most text is never
    searched (testing for the four costs a third of the search)."""
    return ("|" in text or "%" in text or "{" in text or "[" in text) and \
        _MERGE_TAG.search(text) is not None


def without_merge_tags(blocks: list[Block]) -> list[Block]:
    """Blocks with unfilled merge tags taken out of their words ("Hi *|FNAME|*," reads "Hi,")
    and of their links (a link to "*|UNSUB|*" goes nowhere); a line of nothing else is chrome."""
    out = []
    for block in blocks:
        if not (_tagged(block.text) or any(_tagged(link.url) for link in block.links)):
            out.append(block)
            continue
        text = _untagged(block.text)
        lead = _untagged(block.lead) if block.lead else None
        links = [link for link in block.links if not _tagged(link.url)]
        out.append(dataclasses.replace(
            block, text=text or block.text, links=links, kind=block.kind if text else "chrome",
            lead=lead or None, lead_kind=block.lead_kind if lead else None))
    return out


def without_more_links(blocks: list[Block], more: frozenset[str], address: str | None = None,
                       title: str | None = None) -> list[Block]:
    """Blocks without the "read more" link an excerpt ends with, after the mark that cuts it
    ("… so I worked in some … Continue reading "Garlic in, leeks out""), or pointing to the
    issue's own page (`address`; a feed's excerpt, "Continue reading <its title> →"): a call
    to go elsewhere, not the story's words. `more` holds the profile's "read more" lines."""
    own = address_key(address) if address else None
    out = []
    for block in blocks:
        last = block.links[-1] if block.links else None
        words = last.text.strip() if last else ""
        text = block.text.rstrip()[:-len(words)].rstrip(" →»|·-–—") if words else ""
        home = last is not None and own is not None and address_key(last.url) == own
        if last is None or block.kind not in ("paragraph", "item") or \
                not block.text.rstrip().endswith(words) or \
                not (home or text.endswith(("…", "...", "[…]", "[...]"))) or \
                not _is_more_link(words, more, title if home else None):
            out.append(block)
            continue
        out.append(dataclasses.replace(block, text=text, links=block.links[:-1]))
    return out


# What may follow "Continue reading" in a read-more link: an arrow, or the post's title quoted.
_MORE_TAIL = re.compile(r"\s*(?:[→»›>….]+|[\"“«„'‘][^\"”»“']{1,120}[\"”»“'’])?\s*[→»›>….]*")
_ARROWS = " →»›>…."


def _is_more_link(words: str, more: frozenset[str], title: str | None = None) -> bool:
    """Link words that are a "read more" line, maybe with an arrow or the post's title
    (`title`: also unquoted, as a link back to the post itself says it)."""
    folded = words.casefold()
    phrase = max((m for m in more if folded.startswith(m)), key=len, default=None)
    if phrase is None:
        return False
    tail = folded[len(phrase):]
    named = bool(title) and " ".join(tail.strip(_ARROWS).split()) == \
        " ".join(title.casefold().split())
    return named or bool(_MORE_TAIL.fullmatch(tail))


def _untagged(text: str) -> str:
    return _SPACE_BEFORE.sub("", " ".join(_MERGE_TAG.sub(" ", text).split())).strip(_LEFT_MARKS)
