"""How each role of newsletter section is condensed, and the plain-text rendering."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from digest.datewords import opens_with_day
from digest.model import (
    Issue,
    IssueDigest,
    Item,
    OutletCount,
    Paragraph,
    Section,
    SectionDigest,
    Sentence,
    SummaryPolicy,
)
from digest.textwords import (
    ARMENIAN_STOP,
    ENDS_SENTENCE,
    QUESTION_MARKS,
    SENTENCE_ENDS,
    closed_runs,
    count_words,
    has_cjk,
    only_links,
)

from .algorithms import DEFAULT_ALGORITHM, ranking, scores
from .budget import Unit, section_weights, spend, word_budget
from .cache import SummaryCache, summary_key
from .choice import choose
from .ranker import centrality_of_terms, content_terms, item_terms
from .standalone import (
    Words,
    greets,
    heading_names,
    issue_labels,
    split_label,
    welcomes,
    words,
)
from .tokenizer import CHUNK, split_sentences
from .words import base_language

SUMMARIZED_PARAGRAPHS = ("text", "quote")
_WORD = re.compile(r"\w")
ROW_LINK_WORDS = 3  # words of each link in a row of links ("Add to calendar · Google Calendar")
OWN_WORDS = 12  # an opening paragraph this long is the writer's telling of the section
CREDIT_WORDS = 15  # "— Pat Lee (@patlee) November 24, 2026": the credit of a quoted post
_CREDIT = re.compile(r"^[—–-]\s*\S")
MIN_SENTENCE_WORDS = 6
GREETING_WORDS = 8  # an issue's opening line this short, ending in "!" or ",", greets (or
# three times as long, opening with a greeting that welcomes: "Hello and welcome to Earshot, the
# weekly letter of podcast picks from me, Dara.")
_CLOSERS = SENTENCE_ENDS + ":："  # what may close a title set in bold ("**Frost.**")
_QUOTES = "\"')”’»"  # what may follow a sentence's full stop: "…said \"yes.\""
_SPACED_ENDS = SENTENCE_ENDS.translate(str.maketrans("", "", "。！？"))  # a space follows these
# A sentence's end with more after it: a mark of any script and a space ("।", "።", "։", "။",
# "។"; Armenian's typed as a colon), or a Chinese or Japanese mark, which no space follows.
_SENTENCE_END = re.compile(rf"[{_SPACED_ENDS}][\"'”’)\]]*\s|[。！？]|{ARMENIAN_STOP}")


def default_roles() -> dict[str, SummaryPolicy]:
    """The built-in policy of each role a config file can tune (sponsored is never summarized)."""
    return {
        "lead": SummaryPolicy(sentences=0.1, min=3, max=6),
        "roundup": SummaryPolicy(sentences=0.2, min=1, max=4),  # its items, and its intro
        "brief": SummaryPolicy(sentences=2),
        # An anecdote opens with its hook, so its first sentence is its best summary.
        "anecdote": SummaryPolicy(sentences=1, algorithm="lead"),
        "teaser": SummaryPolicy(sentences=1),  # used when a teaser has no dek
        "section": SummaryPolicy(sentences=0.2, min=1, max=4),
    }


@dataclass
class SummaryConfig:
    """The default algorithm and each role's policy; a profile section's overrides win over its
    role's, and `sentences` (the command line's --sentences) over both."""

    algorithm: str | None = None
    roles: dict[str, SummaryPolicy] = field(default_factory=default_roles)
    sentences: int | None = field(default=None, metadata={"command_line": True})
    # The digest's word budget: a share of the issue's words, at least budget_min_words (a
    # short issue's digest still says something) and at most budget_max_words, but at least
    # one sentence or item of each section with content while the digest stays under
    # budget_ceiling of the issue's words (or budget_min_words, or in a short issue twice
    # that, at most half the issue).
    budget_ratio: float = 0.15
    budget_min_words: int = 50
    budget_max_words: int = 300
    budget_ceiling: float = 0.25
    roundup_items: int = 10  # a roundup's most central items shown; the rest are counted
    standalone: bool = True  # leave out sentences that lean on one the reader does not see

    def policy(self, section: Section) -> SummaryPolicy:
        """The policy for one section: its overrides over its role's policy over the default."""
        role = self.roles.get(section.role) or self.roles["section"]
        policy = section.summary.over(role)
        if self.sentences is not None:
            policy = SummaryPolicy(self.sentences, self.sentences, self.sentences,
                                   policy.algorithm)
        return policy


def budget(policy: SummaryPolicy, available: int) -> int:
    """How many of `available` sentences a policy keeps. A float is a ratio of them, clamped
    to min and max; an int is a fixed count."""
    amount = policy.sentences or 0
    count = amount
    if isinstance(amount, float):
        count = round(amount * available)
        count = max(policy.min or 0, count if policy.max is None else min(policy.max, count))
    return max(0, min(int(count), available))


Splitter = Callable[[str], list[str]]


def first_sentence(text: str, splitter: Splitter = split_sentences) -> str:
    """The first sentence of the first line with text in it.

    A line where no full stop (of any script), question or exclamation mark is followed by a
    space is one sentence: pysbd would cut list items such as "Deny todo!() in tidy" or
    "incr.comp.: Add a graph" at the mark (and it is the slowest step of cutting a roundup)."""
    line = next((line for line in text.split("\n") if line.strip()), "").strip()
    if len(line) <= CHUNK and not _SENTENCE_END.search(line):
        return line
    sentences = splitter(line)
    return sentences[0] if sentences else text.strip()


def cut_item(item: Item, splitter: Splitter = split_sentences) -> Item:
    """A copy of a list item cut to its first sentence, sub-items too; outlet and flags kept.
    An item whose first sentence is only its title ("**Frost.** The first…"; not one that is a
    whole statement: "**Nobody has ever watched an eel spawn.** We know…"), or too short to
    say anything (a date, "5/17."; in a point linking nowhere, "Ports are quieter."), or a
    question ("What would fix most of this?"), keeps the sentence after it as well; a headline
    alone, or a title line linking nowhere with no sentence of its own ("The Salt Clerk by
    Ines Harrowgate"), the first of its blurb ("Title — Blurb."). A cut inside the title or
    the link the item opens with keeps it whole ("Apr 24. Russia - Rust online meetup",
    "Seedlings vanish. Why?")."""
    body, title = item.text.strip(), (item.title or "").strip()
    text = first_sentence(item.text, splitter)
    opening = title or (item.links[0].text.strip() if item.links else "")  # what it opens with
    if opening and len(text) < len(opening) and opening.startswith(text.rstrip()) and \
            body.startswith(opening) and "\n" not in opening:
        # "[Apr 22. Ann Arbor - Rust Meetup](…)." was cut to "Apr 22."
        text = opening if _WORD.search(body[len(opening):]) else body
    says = len(body) > len(text) and _full_sentence(title)  # "**Nobody has seen an eel…**"
    titled = item.title and (text.rstrip(_CLOSERS) == title.rstrip(_CLOSERS) and not says or
                             _credit_only(text, title))
    short = not item.title and count_words(text) < (2 if item.links else MIN_SENTENCE_WORDS)
    asked = text.rstrip(" \"”’»)").endswith(("?", "？"))  # a question, answered after it
    # a title line alone over its blurb, linking nowhere ("The Salt Clerk by Ines Harrowgate",
    # "Matinee (dir. Rosa Kettering, 1974) · 1h 32m"): no sentence, nothing to follow
    bare = body == text and bool(item.excerpt) and not item.links and \
        not text.endswith(tuple(SENTENCE_ENDS))
    if titled or short or asked or bare:
        if body.startswith(text) and len(body) > len(text):
            more = first_sentence(body[len(text):].lstrip(), splitter)
            joint = "" if has_cjk(text[-1:]) or not _WORD.search(more) else " "  # "Title" "."
            if titled or short or _WORD.search(more):  # no "?." after a question
                text = f"{text}{joint}{more}"
        elif body == text and item.excerpt and (bare or asked or not item.author):
            text = f"{text} — {_opening(item.excerpt, splitter)}"  # its blurb's first
    return dataclasses.replace(item, text=text,
                               links=list(item.links),
                               sub_items=[cut_item(sub, splitter) for sub in item.sub_items])


def _opening(text: str, splitter: Splitter) -> str:
    """The first sentence of a blurb or answer; one that only asks back ("Properly wrong?")
    with the sentence that answers it."""
    first = first_sentence(text, splitter)
    rest = text.strip()[len(first):].lstrip() if text.strip().startswith(first) else ""
    if first.rstrip(" \"”’»)").endswith(("?", "？")) and _WORD.search(rest):
        return f"{first} {first_sentence(rest, splitter)}"
    return first


_STATEMENT_ENDS = SENTENCE_ENDS.translate(str.maketrans("", "", QUESTION_MARKS + "…"))


_LABEL_BREAK = re.compile(r":|\s[-–—·|]\s")  # "RFC 0027: Colour…", "Aug 17. Portland - RustConf"


def _full_sentence(title: str) -> bool:
    """A title that is itself a statement of a sentence's length, written as a sentence
    ("Nobody has ever watched an eel spawn in the wild."), unlike a label ("Frost.", "Small
    caps held up.", "RFC 0027: Colour management by default.", a name in capitals: "Pale
    Dry Rosé of Grenache 2025.") or a question, which the sentence after it explains."""
    words = title.split()
    capitals = sum(1 for w in words if w.lstrip("\"'“‘(«")[:1].isupper())
    return title.rstrip(" \"'”’»)").endswith(tuple(_STATEMENT_ENDS)) and \
        count_words(title) >= MIN_SENTENCE_WORDS and not _LABEL_BREAK.search(title) and \
        2 * capitals < len(words)


CREDIT_WORDS_MOST = 8  # "— Marguerite Oyelaran, The Long Field": who wrote it and where
_CREDIT_JOINS = frozenset({"by", "in", "and", "of", "the", "for", "at", "&"})
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def _credit_only(text: str, title: str) -> bool:
    """The sentence is the item's title and who wrote it, where ("The town clock problem —
    Marguerite Oyelaran, The Long Field."): names only after the title, no sentence."""
    if not title or not text.startswith(title):
        return False
    rest = _WORDS.findall(text[len(title):])
    return 0 < len(rest) <= CREDIT_WORDS_MOST and all(
        w[:1].isupper() or w.casefold() in _CREDIT_JOINS for w in rest)


QUIZ_QUESTIONS = 3  # a quiz's questions, each answered in a list of as many further on


def answer_keys(sections: list[Section]) -> set[int]:
    """The sections that answer a quiz set earlier in the issue: entries numbered as those of
    a list before it whose entries mostly ask ("?"), none of its own asking."""
    keys: set[int] = set()
    for s, section in enumerate(sections):
        numbers = _numbers(section.items)
        if len(section.items) < QUIZ_QUESTIONS or numbers is None or \
                any(_asks(item) for item in section.items):
            continue
        if any(_numbers(before.items) == numbers and
               2 * sum(map(_asks, before.items)) > len(numbers) for before in sections[:s]):
            keys.add(s)
    return keys


def _numbers(items: list[Item]) -> list[int] | None:
    """The entries' numbers, when every one has one."""
    numbers = [item.number for item in items]
    return None if None in numbers else [n for n in numbers if n is not None]


def _asks(item: Item) -> bool:
    return any(mark in item.text for mark in ("?", "？", "¿", "؟"))


def _item_words(items: list[Item]) -> int:
    """Words of the items as the issue page shows them: text, excerpt and sub-items."""
    return sum(count_words(i.text) + count_words(i.excerpt or "") +
               (_item_words(i.sub_items) if i.sub_items else 0) for i in items)


def summarize_issue(
    issue: Issue, config: SummaryConfig | None = None, cache: SummaryCache | None = None
) -> IssueDigest:
    """Condense every section of an issue by its role, within the issue's word budget; the
    input issue is not modified.

    Call `cache.save()` afterwards to keep the cache's new entries.
    """
    config = config or SummaryConfig()
    algorithm = config.algorithm or DEFAULT_ALGORITHM
    language = base_language(issue.language)
    split: dict[tuple[int, int], list[str]] = {}
    splitter = sentence_splitter(cache, language)
    for s, section in enumerate(issue.sections):
        for p, paragraph in enumerate(section.paragraphs):
            split[(s, p)] = splitter(paragraph.text)
    labels = _split_labels(split)
    headline = headline_terms(issue, language)
    sections: list[SectionDigest] = []
    units: list[list[Unit]] = []
    terms: list[list[str]] = []  # the terms of each section's sentences and items
    words_in = 0
    keys = answer_keys(issue.sections)
    for s, section in enumerate(issue.sections):
        for paragraph in section.paragraphs:
            words_in += count_words(paragraph.text)
        words_in += _item_words(section.items)
        digest, offered = _summarize_section(s, section, split, labels, config, algorithm,
                                             cache, language, headline)
        if s in keys:  # kept on the issue's page, never given away in the digest
            digest, offered = SectionDigest(section=s, kind=section.kind, role=section.role), []
        sections.append(digest)
        units.append(offered)
        terms.append([t for p in range(len(section.paragraphs)) for x in split[(s, p)]
                       for t in content_terms(x, language)] +
                      [t for i in section.items for t in item_terms(i.text, language)])
    budget = word_budget(words_in, config.budget_ratio, config.budget_min_words,
                         config.budget_max_words)
    # a short issue shows each section while its digest keeps under half of it
    ceiling = max(round(config.budget_ceiling * words_in),
                  min(budget, config.budget_min_words),
                  min(2 * config.budget_min_words, words_in // 2))
    used = spend(sections, units, section_weights(terms), budget, ceiling)
    return IssueDigest(issue=issue, sections=sections, split=split, words_in=words_in,
                       words_out=used, outlets=cited_outlets(issue), budget=budget)


def sentence_splitter(cache: SummaryCache | None, language: str) -> Splitter:
    """Sentences of a paragraph by the rules of `language`, through the cache if there is one."""
    compute = partial(split_sentences, language=language)
    return compute if cache is None else partial(cache.split, compute=compute,
                                                 language=language)


def _split_labels(split: dict[tuple[int, int], list[str]]) -> dict[tuple[int, int, int], str]:
    """Split every repeated "Label:" prefix off its sentence, in place, as a piece of its own;
    returns the label of each sentence that had one, by (section, paragraph, sentence)."""
    known = issue_labels(x for sentences in split.values() for x in sentences)
    labels: dict[tuple[int, int, int], str] = {}
    if not known:
        return labels
    for (s, p), sentences in split.items():
        pieces: list[str] = []
        for sentence in sentences:
            label, written, rest = split_label(sentence, known)
            if label and rest.strip():
                pieces.append(written)
                labels[(s, p, len(pieces))] = label
                sentence = rest.strip()
            pieces.append(sentence)
        split[(s, p)] = pieces
    return labels


def cited_outlets(issue: Issue) -> list[OutletCount]:
    """Every outlet the issue's list items (sub-items too) name, in order of first mention."""
    counts: dict[str, OutletCount] = {}

    def walk(items: list[Item]) -> None:
        for item in items:
            name = " ".join((item.outlet or "").split())
            if name:
                count = counts.setdefault(name.casefold(), OutletCount(name))
                count.items += 1
                count.paywalled += item.paywalled
            walk(item.sub_items)

    for section in issue.sections:
        walk(section.items)
    return list(counts.values())


HEADLINE_SHARE = 2 / 3  # of the title's words an entry names: the story the title headlines
# A masthead's numbering, after which a title gives its headline ("Harbour Weekly #49 Storm
# Ula and the sea wall", "Open Source Pulse · Week 19"); else after its first colon
# ("Pulse AM: Grocery price war").
_NUMBERING = re.compile(r"(?:#|\b(?:no|nr|n°|issue|week|vol|volume|edition|episode|ep)\.?\s*)"
                        r"\d+\b[\s:—–|·.-]*", re.IGNORECASE)


def headline_terms(issue: Issue, language: str = "en") -> frozenset[str]:
    """The content words of the headline the issue's title gives after its newsletter's name
    and number, if any, less the words of that name."""
    title = issue.title or ""
    numbered = _NUMBERING.search(title)
    if numbered:
        title = title[numbered.end():]
    title = title.split(": ", 1)[-1]
    own = set(item_terms(issue.publication or "", language))
    return frozenset(set(item_terms(title, language)) - own)


def _headlined(item: Item, headline: frozenset[str], language: str) -> int:
    """How many words of the headline an entry's title names, when that is two or more and
    most of them; else 0."""
    shared = len(headline & set(item_terms(item.title or item.text, language)))
    return shared if shared >= 2 and shared >= HEADLINE_SHARE * len(headline) else 0


def _item_units(section: Section, splitter: Splitter, most: int, language: str = "en",
                headline: frozenset[str] = frozenset()) -> tuple[list[Unit], int]:
    """A roundup's `most` most central items (by their whole text), the one the issue's title
    names first, cut, best first; and how many are left out. Only the items shown are cut:
    cutting is the slow part."""
    items = section.items
    scores = centrality_of_terms([item_terms(i.text, language) for i in items]) \
        if len(items) > 1 else [0.0] * len(items)
    amounts = quantities(items) | chapters(items)
    shown = [n for n in range(len(items)) if n not in amounts]
    named = {n: _headlined(items[n], headline, language) for n in shown} if headline else {}
    ranked = sorted(shown, key=lambda n: (-named.get(n, 0), -scores[n], n))[:most]
    cut = {n: _on_its_day(section, cut_item(items[n], splitter)) for n in ranked}
    units = [Unit(count_words(cut[n].text) + _item_words(cut[n].sub_items), item=cut[n],
                  order=n) for n in ranked]
    return units, max(0, len(items) - most)


_CLOCK = re.compile(r"^\d{1,2}[.:h]\d{2}\b")  # "20.00 New Voices…", "19:30 Folk Harbour"


def _on_its_day(section: Section, item: Item) -> Item:
    """A programme's entry that opens with its time, listed under its day's subhead ("Sunday
    15 March" over "20.00 New Voices: …"), with that day before it: alone in the digest, a
    time says nothing."""
    if not _CLOCK.match(item.text):
        return item
    day = next((sub.heading for sub in reversed(section.subsections) if sub.line < item.line),
               None)
    if day is None or not opens_with_day(day):
        return item
    return dataclasses.replace(item, text=f"{day.rstrip(' :')}, {item.text}")


# "1½ lb (680 g) ground beef", "2 œufs", "[ ] 8 burger buns": an amount and what of.
# Not "532: Rename…", "4/13 Seattle", "5/23. Bangalore": a number, a date.
_QUANTITY = re.compile(r"^(?:\[[ xX]?\]\s*)?(?:\d+(?:[.,]\d+)?|[1-7]/[2-8]|[½⅓⅔¼¾⅛])[½⅓⅔¼¾⅛]?"
                       r"(?![\d:./])\s*[(\w]")
QUANTITY_WORDS = 16  # an ingredient's line, a shopping list's entry
_YEAR_FIRST = re.compile(r"^\d{4}\D")  # "2026년 12월 5일", not 2026 of anything
QUANTITIES_MIN = 3


def quantities(items: list[Item]) -> set[int]:
    """The entries of runs of QUANTITIES_MIN or more short ones, no sentence among them, most
    opening with an amount (a recipe's ingredients: "1½ lb ground beef", "Juice of 1 lime",
    "sel, poivre"; a shopping list): what a dish needs, told by the text around them, never
    a summary."""
    found: set[int] = set()
    run: list[int] = []
    for n, item in enumerate([*items, None]):
        if item is not None and count_words(item.text) <= QUANTITY_WORDS and \
                not item.text.rstrip().endswith((".", "!", "?")):
            run.append(n)
            continue
        amounts = sum(1 for m in run if _QUANTITY.match(items[m].text) and
                      not opens_with_day(items[m].text) and not _YEAR_FIRST.match(items[m].text))
        if len(run) >= QUANTITIES_MIN and 2 * amounts > len(run):
            found.update(run)
        run = []
    return found


# "03:12 What a bridge is made of": a recording's chapter, by its time from the start.
_CHAPTER = re.compile(r"^[(\[]?(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})[)\]]?"
                      r"\s*[-–—:|]?\s+\S")
CHAPTERS_MIN = 3


def chapter_list(items: list[Item]) -> bool:
    """A recording's chapters (three or more entries, each opening with its time, in order,
    from the start): what the episode holds, told by the section around it, never a summary."""
    times = []
    for item in items:
        match = _CHAPTER.match(item.text)
        if not match:
            return False
        times.append(int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"]))
    return len(times) >= CHAPTERS_MIN and times[0] <= 60 and times == sorted(times)


def chapters(items: list[Item]) -> set[int]:
    """The entries of a recording's chapter list set among other entries (an interview's
    questions after it): what the episode holds, never a summary."""
    timed = [n for n, item in enumerate(items) if _CHAPTER.match(item.text)]
    return set(timed) if chapter_list([items[n] for n in timed]) else set()


ANSWERED_QUOTES = 2  # quoted questions, each with a speaker's reply right under it
LETTER_PARAGRAPHS = 3  # a reader's letter, signed, over the reply
_QUOTED = re.compile(r"^[\"“«„‘'].*[\"”»“’']$", re.DOTALL)  # a paragraph wholly in quotes


def _asked(section: Section, texts: list[int], lexicon: Words | None = None) -> set[int]:
    """What the section's text answers, left out of its summary: the quotes it replies to
    (two or more, each right over a speaker's labelled reply), or the reader's letter it
    opens with (a few paragraphs of text, signed "— Worried in Leeds" over the reply), in
    quotes or opening with a greeting."""
    paragraphs = section.paragraphs
    runs = [p for p in texts if paragraphs[p].kind == "quote" and
            (p + 1 >= len(paragraphs) or paragraphs[p + 1].kind != "quote")]
    replied = [p for p in runs if p + 1 in texts and paragraphs[p + 1].kind == "text" and
               paragraphs[p + 1].label is not None]
    if len(replied) >= ANSWERED_QUOTES and replied == runs:
        return {p for p in texts if paragraphs[p].kind == "quote"}
    signed = next((p for p in texts if _credit(paragraphs[p])), None)
    if signed is None or signed == texts[0] or signed == texts[-1]:
        return set()
    letter = [p for p in texts if p < signed]
    if len(letter) > LETTER_PARAGRAPHS or any(paragraphs[p].kind != "text" for p in letter):
        return set()  # a quoted post with its credit is _own_words'; a long text, no letter
    opening = paragraphs[letter[0]].text.strip()
    if all(_QUOTED.match(paragraphs[p].text.strip()) for p in letter) or \
            lexicon is not None and greets(opening, lexicon):
        return {*letter, signed}
    return set()


def _credit(paragraph: Paragraph) -> bool:
    """A line crediting what is above it: a dash and a few words ("— Pat Lee (@patlee)")."""
    return bool(_CREDIT.match(paragraph.text)) and count_words(paragraph.text) <= CREDIT_WORDS


def _own_words(section: Section, texts: list[int], lexicon: Words | None = None,
               ) -> list[int]:
    """The paragraphs to summarize a section from: one that opens with its writer's prose and
    goes on to quote (a post, with its credit: "— Pat Lee (@patlee)", or the message a reply
    answers) is told in the writer's words, not the quote's; one answering questions or a
    letter (`_asked`) by its answers."""
    paragraphs = section.paragraphs
    asked = _asked(section, texts, lexicon)
    if asked:
        return [p for p in texts if p not in asked]
    if not texts or paragraphs[texts[0]].kind != "text" or \
            count_words(paragraphs[texts[0]].text) < OWN_WORDS:
        return texts
    quoted = next((p for p in texts if paragraphs[p].kind == "quote"), None)
    if quoted is None:
        return texts
    credits = {p for p in texts if p > quoted and _CREDIT.match(paragraphs[p].text) and
               count_words(paragraphs[p].text) <= CREDIT_WORDS}
    return [p for p in texts if paragraphs[p].kind != "quote" and p not in credits]


def _summarize_section(
    s: int,
    section: Section,
    split: dict[tuple[int, int], list[str]],
    labels: dict[tuple[int, int, int], str],
    config: SummaryConfig,
    algorithm: str,
    cache: SummaryCache | None,
    language: str = "en",
    headline: frozenset[str] = frozenset(),
) -> tuple[SectionDigest, list[Unit]]:
    digest = SectionDigest(section=s, kind=section.kind, role=section.role)
    if section.role == "sponsored":
        return digest, []
    if section.role == "teaser" and section.dek and section.dek.strip():
        dek = Sentence(section.dek.strip(), s, -1, 0, section.first_line)
        return digest, [Unit(count_words(dek.text), [dek])]
    units: list[Unit] = []
    if section.layout == "list" and not chapter_list(section.items):
        splitter = sentence_splitter(cache, language)
        units, digest.more_items = _item_units(section, splitter, config.roundup_items,
                                               language, headline)
    lexicon = words(language)
    closers = _list_closers(section) if units else set()
    texts = [p for p, par in enumerate(section.paragraphs) if par.kind in SUMMARIZED_PARAGRAPHS
             and not _link_row(par) and p not in closers
             and not _table_note(section, p, split[(s, p)], lexicon)
             and not _table_caption(section, p) and not _field(par)]
    texts = _own_words(section, [p for p in texts if split[(s, p)]], lexicon)
    places = [(p, i) for p in texts for i in range(len(split[(s, p)]))
              if (s, p, i + 1) not in labels]
    policy = config.policy(section)
    count = budget(policy, len(places))
    if count == 0:
        return digest, units
    algorithm = policy.algorithm or algorithm
    places = _candidates(places, split, s, texts[0] if s == 0 and texts else None, bool(units),
                         lead=s == 0 and not section.heading, lexicon=lexicon)
    if not places:
        return digest, units
    paragraphs = [[split[(s, p)][i] for p2, i in places if p2 == p] for p in texts]
    paragraphs = [p for p in paragraphs if p]
    flat = [x for p in paragraphs for x in p]
    headed = bool(section.heading) and places[0] == (texts[0], 0)  # flat[0] under its heading
    named = heading_names(section.heading)

    def compute() -> list[list[int]]:
        values = scores(paragraphs, algorithm, language)
        order = ranking(paragraphs, count, algorithm, language) if values is None else sorted(
            range(len(flat)), key=lambda i: (-values[i], i))
        if not config.standalone:
            return [[i] for i in order[:count]]
        groups, skipped = choose(flat, order, count, lexicon=words(language),
                                 follows=_follows(places, split, s), scores=values,
                                 headed=headed, named=named)
        digest.notes.extend(f"skipped, {x.reason}: {_short(flat[x.index])}" for x in skipped)
        return groups

    if cache is None:
        groups = compute()
    else:
        params: dict[str, object] = {"count": count, "standalone": config.standalone}
        if headed:
            params["headed"] = True
        if named:
            params["named"] = named
        key = summary_key(paragraphs, algorithm,
                          params if language == "en" else {**params, "language": language})
        groups = cache.chosen(key, compute)
    sentence_units = []
    for group in groups:
        chosen = []
        for index in group:
            if 0 <= index < len(places):
                p, i = places[index]
                line = section.paragraphs[p].line
                label = labels.get((s, p, i)) or (section.paragraphs[p].label if i == 0 else None)
                chosen.append(Sentence(_shown(split, s, p, i), s, p, i, line, label))
        if chosen:
            sentence_units.append(Unit(sum(count_words(x.text) for x in chosen), chosen))
    return digest, sentence_units + units


def _field(paragraph: Paragraph) -> bool:
    """A repeated label's line whose value closes no sentence ("Amount: Up to $450,000 over
    three years"): a field of a record, not a sentence to show alone."""
    return paragraph.label is not None and \
        not ENDS_SENTENCE.search(paragraph.text.rstrip().rstrip(_QUOTES))


def _shown(split: dict[tuple[int, int], list[str]], s: int, p: int, i: int) -> str:
    """Sentence `i` of paragraph `p` as the digest shows it alone: one that goes on from a
    salutation in lower case, as German and Dutch letters write it ("Liebe Leserinnen und
    Leser," over "die Stadt hat …"), opens with a capital there."""
    text = split[(s, p)][i]
    before = split[(s, p)][i - 1] if i else (split.get((s, p - 1)) or [""])[-1]
    if text[:1].islower() and before.rstrip().endswith((",", "，")):
        return text[0].upper() + text[1:]
    return text


def _list_closers(section: Section) -> set[int]:
    """The paragraphs below the last item of a list that nothing led into: how the section (or
    the letter) closes ("Next week: …", an appeal, a P.S.), never what the list is about.
    Prose going on after a list it led into is the section's own."""
    def place(x: Paragraph | Item) -> tuple[int, int]:
        return x.line, x.place

    first = min(map(place, section.items))
    if any(p.kind == "text" and place(p) < first for p in section.paragraphs):
        return set()
    last = max(map(place, section.items))
    return {p for p, paragraph in enumerate(section.paragraphs) if place(paragraph) >= last}


TABLE_NOTE_WORDS = 10  # each sentence of a table's note at most: "Prices as of 4:00 PM ET."


def _table_note(section: Section, p: int, sentences: list[str], lexicon: Words) -> bool:
    """A paragraph of short sentences right above or under a table's rows that says when or
    where its figures were taken ("Prices as of 4:00 PM ET. Source: exchange data."): how
    the table was made, never what the section says."""
    paragraphs = section.paragraphs
    if not sentences or not any(0 <= q < len(paragraphs) and paragraphs[q].kind == "row"
                                for q in (p - 1, p + 1)):
        return False
    if any(count_words(x) > TABLE_NOTE_WORDS for x in sentences):
        return False
    return any(_notes_how_taken(x, lexicon) for x in sentences)


def _table_caption(section: Section, p: int) -> bool:
    """A few words on the line right above a table's rows (or the one above that), ending no
    sentence nor with a colon ("Monday to Friday (new times shown)", "Squat loading"): what the
    table holds, never the section's news."""
    paragraphs, text = section.paragraphs, section.paragraphs[p].text.rstrip()
    return p + 1 < len(paragraphs) and paragraphs[p + 1].kind == "row" and \
        paragraphs[p + 1].line - paragraphs[p].line <= CAPTION_GAP and \
        count_words(text) <= CAPTION_WORDS and text[-1:] not in _CLOSERS


CAPTION_WORDS = 12
CAPTION_GAP = 2  # lines from a caption to the table's first row: a blank line between at most


def _notes_how_taken(sentence: str, lexicon: Words) -> bool:
    """The sentence opens with a note's label ("Source:") or says "as of" anywhere."""
    text = f" {sentence.lower()} "
    return any(text[1:].startswith(phrase) if phrase.endswith(":") else f" {phrase} " in text
               for phrase in lexicon.table_notes)


def _link_row(paragraph: Paragraph) -> bool:
    """Two short links or more and nothing else ("Add to calendar · Google Calendar"): no
    sentence (a linked title with its "(comments)" link is one)."""
    texts = [link.text for link in paragraph.links]
    return len(texts) >= 2 and all(count_words(t) <= ROW_LINK_WORDS for t in texts) and \
        only_links(paragraph.text, texts)


def _follows(places: list[tuple[int, int]], split: dict[tuple[int, int], list[str]],
             s: int) -> list[bool]:
    """Whether each candidate comes right after the candidate before it in the section."""
    flags = [False]
    for (p0, i0), (p, i) in zip(places, places[1:]):
        flags.append((p == p0 and i == i0 + 1)
                     or (p == p0 + 1 and i == 0 and i0 == len(split[(s, p0)]) - 1))
    return flags


def _short(text: str) -> str:
    return text if len(text) <= 70 else text[:69] + "…"


def _candidates(places: list[tuple[int, int]], split: dict[tuple[int, int], list[str]],
                s: int, opening: int | None = None, items: bool = False,
                lead: bool = False, lexicon: Words | None = None) -> list[tuple[int, int]]:
    """Sentences worth showing alone: fragments like "Yes, rockets." only if nothing else (no
    longer sentence, no `items` shown for the section, and not in the issue's unheaded `lead`,
    whose short lines greet: "Ciao a tutti! Buona lettura."), and never the first sentence of
    the issue's `opening` paragraph when it is a salutation: short, ending in "!" or ","
    ("Bonjour à toutes et à tous !", "Hello and welcome to issue 12!") or opening with a
    greeting of the language's (`lexicon`: "Hello friends, welcome to the 88th issue.")."""
    first = split[(s, opening)][0] if opening is not None else ""
    if first and _salutation(first, lexicon):
        places = [(p, i) for p, i in places if (p, i) != (opening, 0)]
    full = [(p, i) for p, i in places if count_words(split[(s, p)][i]) >= MIN_SENTENCE_WORDS]
    return full or ([] if items or lead else places)


def _salutation(first: str, lexicon: Words | None) -> bool:
    """An issue's opening sentence that only greets: short, ending in "!" or ",", or opening
    with a greeting; up to three times as long when the greeting welcomes the reader."""
    count = count_words(first)
    if count <= GREETING_WORDS and first.rstrip().endswith(("!", ",", "！", "，")):
        return True
    return lexicon is not None and (count <= GREETING_WORDS and greets(first, lexicon) or
                                    count <= 3 * GREETING_WORDS and welcomes(first, lexicon))


def _budget_said(digest: IssueDigest) -> str:
    if digest.words_out <= digest.budget:
        return f"budget {digest.budget}"
    return f"budget {digest.budget}, passed so that each section shows its best part"


def format_digest(digest: IssueDigest, verbose: bool = False) -> str:
    """The digest as plain text: the issue's title, then each non-empty section; `verbose`
    adds the budget and why sentences and sections were left out."""
    issue = digest.issue
    head = issue.title or "(untitled)"
    facts = [x for x in (issue.publication, issue.date and issue.date.isoformat()) if x]
    lines = [head + (f" ({', '.join(facts)})" if facts else "")]
    lines.append(f"{digest.words_in} words in, {digest.words_out} words out"
                 + (f" ({_budget_said(digest)})" if verbose else ""))
    for part in digest.sections:
        section = issue.sections[part.section]
        title = f"## {section.heading or part.role}"
        if not part.sentences and not part.items:
            if verbose and (part.notes or part.more_items):
                lines += ["", f"{title} (left out)"] + _notes(part)
            continue
        lines += ["", title]
        if part.sentences:
            shown = closed_runs([x.text for x in part.sentences],
                                [x.paragraph for x in part.sentences])
            lines.append(" ".join((f"[{x.label}] " if x.label else "") + text
                                  for x, text in zip(part.sentences, shown, strict=True)))
        lines += _format_items(part.items, 0)
        if part.more_items:
            more = f"and {part.more_items} more" if part.items else f"{part.more_items} items"
            lines.append(f"- {more} in the issue")
        if verbose:
            lines += _notes(part)
    return "\n".join(lines) + "\n"


def _notes(part: SectionDigest) -> list[str]:
    return [f"  ! {note}" for note in part.notes]


def _format_items(items: list[Item], depth: int) -> list[str]:
    lines = []
    for item in items:
        notes = [x for x in (item.outlet, "paywall" if item.paywalled else None) if x]
        suffix = f" ({', '.join(notes)})" if notes else ""
        lines.append(f"{'  ' * depth}- {item.text}{suffix}")
        lines += _format_items(item.sub_items, depth + 1)
    return lines
