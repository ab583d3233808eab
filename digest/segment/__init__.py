"""Segment: split each Document into issues, and each issue into sections and dropped lines.

Newsletter-specific knowledge lives in profiles (TOML data); this package only holds rules
that hold for any newsletter.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Sequence
from itertools import islice
from pathlib import Path

from digest.datewords import without_date, written_date, written_month
from digest.links import host
from digest.model import Block, Document, Dropped, Issue, IssueHint, Meta, Problem
from digest.textwords import ENDS_SENTENCE, count_words, folded

from .account import unaccounted
from .cards import build_cards
from .chrome import (
    chrome_paragraphs,
    drop_contents,
    drop_emptied,
    footer,
    footer_sentences,
    links_to_chrome,
    polls,
    pull_quotes,
    top_rows,
    without_merge_tags,
    without_more_links,
    without_unsubscribe_links,
)
from .dedupe import find_duplicates, issue_text
from .entries import linked_entries
from .language import (
    bylines,
    call_words,
    issue_language,
    months,
    more_lines,
    note_headings,
    plain_words,
    reading_line,
    reading_time,
)
from .names import BYLINE_WORDS, byline
from .notes import after_sign_off, numbered_notes, over_notes
from .profiles import (
    Profile,
    ProfileError,
    choose,
    detect_platform,
    heading_key,
    load_platforms,
    with_platform,
)
from .profiles import load_profiles as _load_profiles
from .rules import (
    author_boxes,
    credited_names,
    drop_kind,
    farewell,
    in_capitals,
    is_caption_before,
    is_caption_under,
    is_date_line,
    is_issue_line,
    lone_signature,
    looks_like_heading,
    sign_offs,
    tells_story,
)
from .sections import RULE_NAMES, build_sections, figures_with_labels
from .sponsors import mark_sponsored, sponsor_leads, sponsored_items

__all__ = ["Profile", "ProfileError", "load_profiles", "segment_document"]

# An issue dated outside these is taken as undated: a sender's clock at 0 (1 January 1970), a
# year typed wrong (2099) would put it at the top of every feed for decades.
EARLIEST = dt.date(1980, 1, 1)
LATEST_DAYS = 366  # after the day of the build
AHEAD_DAYS = 1  # later than tomorrow (a time zone ahead) is said: a post scheduled ahead

DETECT_BLOCKS = 400
SUBTITLE_WORDS = 15  # a subtitle line over a byline is short
TITLE_TAIL_WORDS = 4  # words after the page's title in the heading that titles the issue
LONE_SUBTITLE_LEVEL = 3  # a heading this deep right under the title, and no other: a subtitle
MASTHEAD_LINES = 3  # lines under the title that may give its author and date
TAGLINES, TAGLINE_WORDS = 2, 6  # short lines over the title: the newsletter's name, tagline
NUMBER_PART_WORDS = 3  # "Issue 31" in a masthead line of parts
_PARTS = re.compile(r"\s+[·|•]\s+")  # "Issue 31 · by Hanna Lind"
ENTRY_META_WORDS = 12  # a reading-time line under an entry's title ("Nature Notes · 4 min read")
_WORD_CHAR = re.compile(r"[^\W_]")  # a letter or digit, in any script
_SITE_LINE = re.compile(r"^(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})$", re.IGNORECASE)
SITE_LINE_REACH = 3  # blocks above a site's name that may hold the link to it
PASSED_OVER = ("chrome", "byline", "caption")  # looked past under the title (a logo too)


def load_profiles(extra_dirs: list[Path] | None = None, algorithms: Collection[str] | None = None,
                  ) -> tuple[Profile, list[Profile]]:
    """The generic profile and the newsletter profiles, each rule they disable checked by name."""
    generic, profiles = _load_profiles(extra_dirs, algorithms)
    for profile in profiles:
        unknown = sorted(profile.rules_disabled - set(RULE_NAMES))
        if unknown:
            raise ProfileError(f"{profile.source}: rules.disable: unknown rule "
                               f"{', '.join(unknown)} (rules: {', '.join(RULE_NAMES)})")
    return generic, profiles


def segment_document(
    doc: Document, generic: Profile, profiles: list[Profile]
) -> tuple[list[Issue], list[Problem]]:
    """All issues of one document, duplicates marked, dates filled from metadata."""
    issues: list[Issue] = []
    problems: list[Problem] = []
    for part in doc.parts:
        for place, block in enumerate(part.blocks):
            block.place = place
        profile = choose(profiles, [b.text for b in part.blocks[:DETECT_BLOCKS]])
        language = issue_language(part.meta.language, part.blocks)
        effective = _with_platform(profile or generic, part.blocks, part.meta, doc.format,
                                   language)
        page = doc.format == "html"
        chunks = split_issues(part.blocks, profile, one=bool(part.meta.title) and not page,
                              page_title=part.meta.title if page else None)
        meta = _dump_meta(part.meta) if len(chunks) > 1 and \
            (profile is None or profile.starts_before is None) else part.meta
        for blocks in chunks:
            issue = build_issue(blocks, effective, meta, doc, len(issues))
            issue.language = language
            issues.append(issue)
            for block in unaccounted(issue, blocks):
                problems.append(Problem(doc.path, "line is in no section and not dropped: "
                                        f"{block.text[:60]!r}", block.line, "error"))
    if not issues and not doc.problems:  # a page that only redirects, a file of markup alone
        problems.append(Problem(doc.path, "no text found: nothing to build"))
    for dup, original in find_duplicates([issue_text(i) for i in issues]).items():
        issues[dup].duplicate_of = original
        problems.append(Problem(doc.path, f"issue {dup + 1} “{issues[dup].title}” repeats issue "
                                f"{original + 1}: kept the first copy", issues[dup].first_line,
                                "info"))
    problems.extend(apply_hints(issues, doc.hints, doc.path))
    today = dt.date.today()
    latest = today + dt.timedelta(days=LATEST_DAYS)
    for issue in issues:
        if issue.date is not None and not EARLIEST <= issue.date <= latest:
            problems.append(Problem(doc.path, f"issue “{issue.title}” is dated "
                                    f"{issue.date.isoformat()}, which cannot be right (a sender's "
                                    "wrong clock?): built as undated", issue.first_line))
            issue.date, issue.date_approximate, issue.date_source = None, False, None
        elif issue.date is None and issue.duplicate_of is None:
            problems.append(Problem(doc.path, f"issue “{issue.title}” has no date: built as "
                                    "undated", issue.first_line))
        elif issue.date is not None and issue.date > today + dt.timedelta(days=AHEAD_DAYS):
            problems.append(Problem(doc.path, f"issue “{issue.title}” is dated "
                                    f"{issue.date.isoformat()}, ahead of today (a scheduled "
                                    "post?): built in that week, which the site opens on",
                                    issue.first_line))
        if not issue.sections:
            problems.append(Problem(doc.path, f"issue “{issue.title}” has no text sections",
                                    issue.first_line))
        missing = missing_sections(issue, profiles)
        if missing and issue.duplicate_of is None:
            problems.append(Problem(doc.path, f"issue “{issue.title}” is missing sections "
                                    f"({', '.join(missing)}): truncated?", issue.last_line))
    return issues, problems


def _with_platform(profile: Profile, blocks: list[Block], meta: Meta, fmt: str,
                   language: str | None) -> Profile:
    """The profile with the chrome of the mail platform found in the headers, a saved page's
    own address or, in HTML and e-mail (where platforms put their furniture), its links;
    phrases of `language`."""
    generic, platforms = load_platforms()
    ends = blocks if len(blocks) <= 2 * DETECT_BLOCKS else \
        blocks[:DETECT_BLOCKS] + blocks[-DETECT_BLOCKS:]
    links = [link.url for b in ends for link in b.links
             if link.url.startswith(("http://", "https://"))] if fmt in ("html", "email") else []
    own = host(meta.address) if meta.address else None  # a saved page's own address
    platform = detect_platform(platforms, meta.origins + ([own] if own else []), links)
    merged = with_platform(profile, generic, platform, meta.unsubscribe, language, meta.address)
    by, joins = bylines(language)
    drop = {**merged.drop, "chrome": [*merged.drop.get("chrome", []), reading_line(language)]}
    return dataclasses.replace(merged, by=by, joins=joins, months=months(language),
                               plain=plain_words(language), more=more_lines(language),
                               calls=call_words(language), notes=note_headings(language),
                               reading=reading_time(language), drop=drop)


def _dump_meta(meta: Meta) -> Meta:
    """What a dump's file says of itself, for each of its issues, which their titles date and
    name: not the collection's title, nor a number or date of the file (its name, its page:
    the first issue's at best); a date `metadata.toml` gives holds."""
    if meta.date_source == "metadata":
        return dataclasses.replace(meta, title=None, number=None)
    return dataclasses.replace(meta, title=None, number=None, date=None, date_approximate=False,
                               date_source=None)


def dated_titles(blocks: list[Block], page_title: str | None = None) -> list[int]:
    """The title of each issue of a dump, when it is one: two or more headings of one level,
    each the same name with a date of its own ("Allotment Letter — 3 October 2026",
    "Allotment Letter — 10 October 2026"), the date maybe the line right under it, no other
    heading at that level. They open the file, or stand under a collection's title (a heading
    over theirs, lines over the first, a page's title) when each has its number and sections
    (`_collected`). Titles that share their numbered first part are parts of one issue
    ("Fellside Post 88 — Part 1: …", "… 88 — Part 2: …"); a page titled by a later one is
    that issue. Anything else is one issue."""
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    levels = sorted({blocks[i].level for i in headings})
    titles = [i for i in headings if blocks[i].level == levels[0]] if levels else []
    head = len(titles) == 1 and len(levels) > 1 and len(headings) > 1
    if head:  # a collection's title over its issues' titles
        titles = [i for i in headings if blocks[i].level == levels[1]]
    if len(titles) < 2 or (head and titles[0] != headings[1]) or \
            not _one_dated_name(blocks, titles) or _parts_of_one(blocks, titles):
        return []
    if page_title is not None and \
            folded(page_title) in {folded(blocks[i].text) for i in titles[1:]}:
        return []
    if not head and page_title is None and titles[0] <= DUMP_FIRST_TITLE:
        return titles
    return titles if _collected(blocks, titles) else []


DUMP_FIRST_TITLE = 2  # blocks (a "View online" line, a picture) a dump's first title may follow
DUMP_DATE_WORDS = 6  # "Tuesday, 13 October 2026" right under an issue's title in a dump
DUMP_HEAD_BLOCKS = 4  # lines over a collection's first issue: its title, a line about it


def _one_dated_name(blocks: list[Block], titles: list[int]) -> bool:
    """Each title gives a date of its own and the same name."""
    dates = [_title_date(blocks, i) for i in titles]
    if None in dates or len(set(dates)) < len(dates):
        return False
    names = {_name_part(blocks[i].text) for i in titles}
    return len(names) == 1 and "" not in names


def _parts_of_one(blocks: list[Block], titles: list[int]) -> bool:
    """The titles share the number they open with: the parts of one issue ("Fellside Post 88
    — Part 1: Saturday …", "Fellside Post 88 — Part 2: Sunday …")."""
    numbers = {_numbered_part(blocks[i].text) for i in titles}
    return len(numbers) == 1 and None not in numbers


def _collected(blocks: list[Block], titles: list[int]) -> bool:
    """Dated titles under a collection's title are its issues when each has a number of its
    own ("Issue 12 — 3 March 2026"; "Monday 16 March 2026" over "Issue 118 · …") and sections
    (headings under it), and only a few lines (the collection's title, a line about it, no
    section) stand over the first."""
    level = blocks[titles[0]].level
    above = [b for b in blocks[:titles[0]] if b.kind not in ("chrome", "rule", "page")]
    if len(above) > DUMP_HEAD_BLOCKS or \
            any(b.kind == "heading" and (n or b.level >= level) for n, b in enumerate(above)):
        return False
    numbers = [_issue_number(blocks, i) for i in titles]
    if None in numbers or len(set(numbers)) < len(numbers):
        return False
    ends = [*titles[1:], len(blocks)]
    return all(any(b.kind == "heading" and b.level > level for b in blocks[start:end])
               for start, end in zip(titles, ends))


def _issue_number(blocks: list[Block], at: int) -> str | None:
    """The number a dump's title gives its issue, or the line right under it does ("Monday
    16 March 2026" over "Issue 118 · Spring tides")."""
    found = _numbered_part(blocks[at].text)
    below = blocks[at + 1] if at + 1 < len(blocks) else None
    if found is None and below is not None and below.kind == "paragraph":
        part = _FIRST_PART.split(below.text.strip(), maxsplit=1)[0]
        found = _numbered_part(part) if _number_part(part) else None
    return found


def _numbered_part(title: str) -> str | None:
    """A title's first part (before a dash, middle dot or bar) that holds a figure other than
    its date's ("Issue 12" of "Issue 12 — 3 March 2026"), compared as a heading."""
    for part in _FIRST_PART.split(without_date(title)):
        if any(c.isdigit() for c in part):
            return heading_key(part)
    return None


def _title_date(blocks: list[Block], at: int) -> dt.date | None:
    """The date an issue's title in a dump gives, or the line right under it ("# Kiln Weekly
    3" over "Tuesday, 20 October 2026")."""
    found = written_date(blocks[at].text)
    below = blocks[at + 1] if at + 1 < len(blocks) else None
    if found is None and below is not None and below.kind == "paragraph" and \
            count_words(below.text) <= DUMP_DATE_WORDS:
        found = written_date(below.text)
    return found


def _name_part(title: str) -> str:
    """A dated title's words before its date, compared as a heading: the newsletter's name."""
    return " ".join(heading_key(re.split(r"\d", title, maxsplit=1)[0]).split()[:NAME_PART_WORDS])


NAME_PART_WORDS = 2  # "Allotment Letter — October 3, 2026": its month is no part of its name


def missing_sections(issue: Issue, profiles: list[Profile]) -> list[str]:
    """Headings a profile's issue always has but this one lacks, as when a dump is cut short."""
    profile = next((p for p in profiles if p.name == issue.publication and p.sections), None)
    if profile is None:
        return []
    found = {s.kind for s in issue.sections}
    return [rule.headings[0] for rule in profile.sections if rule.kind not in found]


def split_issues(blocks: list[Block], profile: Profile | None, one: bool = False,
                 page_title: str | None = None) -> list[list[Block]]:
    """A dump of many issues cut where the profile says an issue starts, or, unless the file
    is `one` issue by what it says of itself (a subject, a front matter title), at each of
    its dated titles (`dated_titles`: a page's title set aside when they show a collection)
    or, untitled, each repeat of its masthead (`repeated_mastheads`); what stands over an
    issue's title is the collection's or the masthead (chrome). Else one issue."""
    if not blocks:
        return []
    if profile is None or profile.starts_before is None:
        titles = [] if one else dated_titles(blocks, page_title)
        starts = titles
        if not titles and not one and page_title is None:
            starts, titles = repeated_mastheads(blocks)
        if not titles:
            return [blocks]
        return _cut(blocks, [0, *starts[1:]], titles)
    starts = [max(i - 1, 0) for i, b in enumerate(blocks) if profile.starts_before.search(b.text)]
    starts = sorted(set(starts))
    if not starts:
        return [blocks]
    if starts[0] != 0:
        starts[0] = 0
    return [blocks[a:b] for a, b in zip(starts, [*starts[1:], len(blocks)])]


def _cut(blocks: list[Block], starts: list[int], titles: list[int]) -> list[list[Block]]:
    """The issues of a dump, each from its start; its title a top heading, what stands over
    it (the collection's title, the masthead repeated) chrome."""
    issues = []
    for start, title, end in zip(starts, titles, [*starts[1:], len(blocks)], strict=True):
        over = [b if b.kind in ("rule", "page") else dataclasses.replace(b, kind="chrome")
                for b in blocks[start:title]]
        heading = dataclasses.replace(blocks[title], kind="heading", level=1)
        issues.append([*over, heading, *blocks[title + 1:end]])
    return issues


def repeated_mastheads(blocks: list[Block]) -> tuple[list[int], list[int]]:
    """Where each issue of a plain dump starts, and its title, when each opens with the
    file's masthead: the same short lines ("THE SIGNAL BOX", "Newsletter of …") over a
    line that dates it, the same but for its date and number ("No. 61 · September 2026",
    "No. 62 · October 2026"), its title."""
    top = next((i for i, b in enumerate(blocks) if b.kind not in ("rule", "chrome", "page")),
               len(blocks))
    under = next((n for n in range(1, MASTHEAD_LINES) if top + n < len(blocks) and
                  _dating_line(blocks[top + n])), None)
    if top > DUMP_FIRST_TITLE or under is None or \
            not all(_masthead_line(b) for b in blocks[top:top + under]):
        return [], []
    head = [heading_key(b.text) for b in blocks[top:top + under]]
    starts = [i for i in range(top, len(blocks) - under)
              if [heading_key(b.text) for b in blocks[i:i + under]] == head and
              _dating_line(blocks[i + under])]
    dates = {heading_key(blocks[i + under].text) for i in starts}
    if len(starts) < 2 or len(dates) < len(starts) or \
            len({_undated(blocks[i + under].text) for i in starts}) > 1:
        return [], []
    return starts, [i + under for i in starts]


def _undated(line: str) -> str:
    """A masthead's dated line without its date and figures ("No. 61 · September 2026" ->
    "no"): the same in each issue, not a footer's "Next issue: 10 March 2026"."""
    return re.sub(r"\d", "", heading_key(without_date(line))).strip()


def _masthead_line(block: Block) -> bool:
    """A short line of a masthead, no sentence: a newsletter's name, its tagline."""
    return block.kind in ("paragraph", "heading") and \
        count_words(block.text) <= SUBTITLE_WORDS and not ENDS_SENTENCE.search(block.text)


def _dating_line(block: Block) -> bool:
    """A short line giving an issue's date or month ("No. 61 · September 2026")."""
    return block.kind in ("paragraph", "heading") and \
        count_words(block.text) <= DUMP_DATE_WORDS and \
        (written_date(block.text) or written_month(block.text)) is not None


def classify(blocks: list[Block], profile: Profile) -> list[str | None]:
    """Each block's drop kind (or None), with captions found by the credit that follows them.

    Cards find their own captions, since a card's dek also sits above its photo credit.
    """
    kinds = [_own_kind(b, profile) for b in blocks]
    if profile.layout == "cards":
        return kinds
    kinds = _site_lines(blocks, _entry_meta(blocks, kinds, profile))
    # Sign-offs before the footer sweep (which would take one above a chrome line as chrome),
    # and again after it (a name over footer lines found only by their position).
    kinds = footer_sentences(blocks, polls(blocks, top_rows(blocks, kinds)), profile)
    kinds = chrome_paragraphs(blocks, kinds, profile)
    kinds = credited_names(blocks, pull_quotes(blocks, kinds))
    kinds = farewell(blocks, sign_offs(blocks, footer(blocks, sign_offs(blocks, kinds))))
    kinds = author_boxes(blocks, lone_signature(blocks, kinds))
    kinds = over_notes(blocks, after_sign_off(blocks, kinds, profile), profile)
    kinds = _lone_counts(blocks, [k or ("chrome" if _wordless(b) else None)
                                  for b, k in zip(blocks, kinds)])
    titled = _pictured_titles(blocks)
    for i in range(len(blocks) - 1):
        if kinds[i] is None and is_caption_before(blocks[i], blocks[i + 1], kinds[i + 1]) and \
                not _pictured_story(blocks, i) and not _only_text(blocks, kinds, i):
            kinds[i] = "caption"
        elif is_caption_under(blocks[i], blocks[i + 1], kinds[i + 1]) and \
                i + 1 not in titled:
            kinds[i + 1] = "caption"
    return kinds


def _pictured_titles(blocks: list[Block]) -> set[int]:
    """The bold lines each under a picture and over text of their own, when two entries or more
    are so laid out (a cover, "**The Lighthouse Ledger**", its blurb): entries' titles, not
    captions."""
    found = {i for i in range(1, len(blocks) - 1)
             if blocks[i - 1].kind == "caption" and _all_bold(blocks[i]) and
             blocks[i + 1].kind == "paragraph" and not _all_bold(blocks[i + 1])}
    return found if len(found) >= 2 else set()


def _all_bold(block: Block) -> bool:
    return block.kind == "paragraph" and block.lead_kind == "strong" and block.lead == block.text


def _pictured_story(blocks: list[Block], i: int) -> bool:
    """Block i is a story's text, not a caption, when its heading is right above it and the
    picture over that heading (an image roundup: picture, title, blurb, "Photo: …")."""
    return i >= 2 and blocks[i - 1].kind == "heading" and blocks[i - 2].kind == "caption"


ISSUE_HEADING_WORDS = 6


def _issue_heading(block: Block) -> bool:
    """A heading under the title that only numbers and dates the issue, its year written ("##
    Issue 19, 8 March 2026"), not a story's ("Spring load restrictions begin March 16")."""
    return block.kind == "heading" and count_words(block.text) <= ISSUE_HEADING_WORDS and \
        _YEAR.search(block.text) is not None and any(c.isdigit() for c in
                                                     _YEAR.sub("", block.text))


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _only_text(blocks: list[Block], kinds: list[str | None], i: int) -> bool:
    """Block i, of two sentences or more, is all its section says, between its heading (and
    picture) and the credit that ends the section ("PLOT OF THE MONTH" / two sentences /
    "Photo: Tom Bexley" / the next heading): the story the picture goes with, not its
    caption."""
    if not tells_story(blocks[i].text):
        return False
    above = i - 1
    while above >= 0 and (blocks[above].kind == "caption" or kinds[above] == "caption" or
                          _wordless(blocks[above])):
        above -= 1
    after = i + 2
    return above >= 0 and _titles(blocks[above]) and \
        (after == len(blocks) or blocks[after].kind == "rule" or _titles(blocks[after]))


def _titles(block: Block) -> bool:
    """A heading, or a plain-text line that will be one."""
    return block.kind == "heading" or block.kind == "paragraph" and looks_like_heading(block.text)


def _own_kind(block: Block, profile: Profile) -> str | None:
    """A block's drop kind by its own text and links; a line linking to the unsubscribe page
    is chrome, never a credit or a caption ("Written by the newsroom at X. Unsubscribe")."""
    kind = drop_kind(block, profile)
    if kind in (None, "credit", "caption") and links_to_chrome(block, profile):
        return "chrome"
    if kind is None and block.kind == "paragraph" and _COUNTS.match(_after_linked_call(block)):
        return "chrome"  # "412 points · 133 comments" under an entry, "See post · 88 comments"
    if kind is None and block.kind == "paragraph" and _POSTED_BY.match(block.text):
        return "byline"  # "Ruth Pemberton <ruth.p@example.org>: May 14 09:12AM" in a digest
    return kind


# A line of counts only, in any language: two or more numbers, each with a word or two,
# between separators ("412 points · 133 comments", "1.2k views | 38 Kommentare"); a Latin
# word of four letters or more (a listing's "3 bd | 2 ba | 1,840 sqft" is its facts).
_COUNT = r"\d[\d.,]*\s*[kKmM]?\+?\s+(?:[^\W\d_]{4,}|[^\W\d_a-zA-Z]{1,3})(?:\s[^\W\d_]+)?"
_COUNTS = re.compile(rf"^{_COUNT}(?:\s*[·•|]\s*{_COUNT})+$")  # not "/": "3 eggs / 200 g flour"


# Who posted a message of a list's digest: a name, the address in angle brackets, the time.
_POSTED_BY = re.compile(r"^[^<>@:\n]{1,80}<[^<>\s@]+@[^<>\s@]+>\s*(?::\s*[^<>]{0,60})?$")


def _after_linked_call(block: Block) -> str:
    """The block's text past the linked call opening it ("See post · 1,204 reactions")."""
    if len(block.links) == 1:
        call, mark, rest = block.text.partition(" · ")
        if mark and call.strip() == block.links[0].text.strip():
            return rest
    return block.text


def _lone_counts(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the counts a card shows under its story (claps, comments, reactions: "2.1K"
    over "48", "1,284") as chrome: a number alone on its line, in thousands ("2.1K") or next
    to another such line (a single "48" may be a story's figure)."""
    counts = [b.kind == "paragraph" and _LONE_COUNT.match(b.text) is not None for b in blocks]
    out = list(kinds)
    for i, block in enumerate(blocks):
        if counts[i] and kinds[i] is None and (
                block.text[-1] in "KkMm" or i and counts[i - 1] or
                i + 1 < len(blocks) and counts[i + 1]):
            out[i] = "chrome"
    return out


_LONE_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d)?[KkMm]?$")


def _wordless(block: Block) -> bool:
    """A paragraph that is a sign alone, with no word: a callout's "💡", a row of stars (a
    signature's "--" is the sign-off's, found before)."""
    return block.kind == "paragraph" and _WORD_CHAR.search(block.text) is None


def _entry_meta(blocks: list[Block], kinds: list[str | None],
                profile: Profile) -> list[str | None]:
    """Kinds with the reading-time line right under a heading ("Nature Notes · 4 min read")
    as that entry's byline: furniture of the entry, never the start of the footer."""
    kinds = list(kinds)
    for i in range(1, len(blocks)):
        if kinds[i] == "chrome" and blocks[i - 1].kind == "heading" and \
                profile.reading is not None and count_words(blocks[i].text) <= ENTRY_META_WORDS \
                and profile.reading.search(blocks[i].text):
            kinds[i] = "byline"
    return kinds


def _site_lines(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with a line that only names the site an entry just above links to
    ("deep.example.com" under its title and text) as that entry's byline: furniture of the
    entry, never a photo's credit."""
    kinds = list(kinds)
    for i, block in enumerate(blocks):
        found = _SITE_LINE.match(block.text) if kinds[i] is None and \
            block.kind == "paragraph" and not block.links else None
        if found and any(host(link.url) == found[1].lower()
                         for above in blocks[max(0, i - SITE_LINE_REACH):i]
                         for link in above.links):
            kinds[i] = "byline"
    return kinds


def build_issue(blocks: list[Block], profile: Profile, meta: Meta, doc: Document,
                index: int) -> Issue:
    every = blocks
    kept = [b for b in blocks if b.kind != "page"]  # a printed page's furniture is chrome, read
    pages = [b for b in blocks if b.kind == "page"] if kept else []  # past before all else
    blocks = kept or blocks
    blocks = sponsor_leads(without_more_links(without_merge_tags(blocks), profile.more,
                                                  meta.address, meta.title), profile)
    blocks = numbered_notes(blocks, profile.notes)
    kinds = classify(blocks, profile)
    meta = sender_names(meta, profile, [b.text for b, k in zip(blocks, kinds) if k is None][
        :OPENING_BLOCKS])
    dek = None
    if profile.layout == "cards":
        title, dek, sections, dropped = build_cards(blocks, kinds, profile)
    else:
        dek_dropped: list[Dropped] = []
        title, start = _title(blocks, kinds, profile, meta)
        while start < len(blocks) and kinds[start] == "caption":
            start += 1  # a picture under the title (a masthead's, the lead story's)
        if title is not None:
            if meta.dek:
                dek = meta.dek  # the subtitle the file gives (Org's `#+SUBTITLE:`)
            elif _subtitle(blocks, kinds, start):
                dek, start = blocks[start].text, start + 1
            elif _byline_at(blocks, kinds, start, profile, meta):
                pass  # "By Tom Reed · 6 Mar 2026": the masthead's byline, not a dated dek
            elif start < len(blocks) and kinds[start] is None and \
                    (blocks[start].kind == "paragraph" or _issue_heading(blocks[start])) and \
                    is_issue_line(blocks[start].text, profile.months):
                dek = _unsponsored(blocks[start], profile, dek_dropped)  # "Issue 88, 20 March"
                start += 1
            elif doc.format == "text" and _tagline_under_title(blocks, kinds, start, profile):
                dek, start = blocks[start].text, start + 1
            else:
                at = _subtitle_line(blocks, kinds, start, profile, meta)
                if at is not None:
                    dek, start = blocks[at].text, at + 1
            meta = _dated(_masthead(blocks, kinds, start, profile, meta),
                          [dek, title, *_reading_lines(blocks, kinds, start, profile)])
        sections, dropped = build_sections(blocks[start:], kinds[start:], profile)
        dropped += [Dropped(k, b.line, b.text) for b, k in zip(blocks[:start], kinds) if k]
        dropped += dek_dropped
        sections = sponsored_items(mark_sponsored(sections, dropped, profile), dropped, profile)
        sections = drop_emptied(drop_contents(linked_entries(sections), dropped), dropped)
        for section in sections:
            figures_with_labels(section)
            without_unsubscribe_links(section, profile)
    dropped += [Dropped("chrome", b.line, b.text) for b in pages]
    publication = meta.publication or profile.name or publication_from_folder(meta.folder) \
        or "Newsletter"
    return Issue(
        source=doc.path,
        index=index,
        format=doc.format,
        publication=publication,
        publisher=meta.publisher or profile.publisher,
        author=None if (meta.author or "").casefold() == publication.casefold() else meta.author,
        title=title or meta.title or fallback_title(publication, meta, doc.path),
        dek=dek,
        date=meta.date,
        date_approximate=meta.date_approximate,
        date_source=meta.date_source if meta.date else None,
        address=meta.address if (meta.address or "").startswith(("https://", "http://")) else None,
        first_line=every[0].line,
        last_line=max(b.end_line for b in every),
        sections=sections,
        dropped=sorted(dropped, key=lambda d: d.line),
    )


def _title(blocks: list[Block], kinds: list[str | None], profile: Profile,
           meta: Meta) -> tuple[str | None, int]:
    """The issue's title and the index of its first body block."""
    first = blocks[0]
    if profile.starts_before is not None and len(blocks) > 1 and \
            profile.starts_before.search(blocks[1].text):
        return first.text, 1
    # An e-mail's title heading may come after its "View in browser" row, a text's after the
    # rule that frames it.
    top = next((i for i, k in enumerate(kinds) if k is None and blocks[i].kind != "rule"), 0)
    top = _past_own_link(blocks, kinds, top)
    if kinds[top] is None and blocks[top].kind in ("heading", "paragraph") and meta.title and \
            meta.publication and \
            folded(blocks[top].text) == folded(meta.publication) != folded(meta.title):
        kinds[top] = "chrome"  # the newsletter's name as a masthead: the subject titles it
        below = _title_under_taglines(blocks, kinds, top + 1, meta.title)
        return meta.title, top + 1 if below is None else below + 1
    if kinds[top] is None and blocks[top].kind == "heading" and blocks[top].level <= 1:
        if _said_more(blocks[top].text, meta.title):
            return meta.title, top + 1
        return blocks[top].text, top + 1
    if meta.title:
        below = _title_under_taglines(blocks, kinds, top, meta.title, 1)
        if below is not None:  # the newsletter's name or tagline over the subject's words
            return meta.title, below + 1
        # "X - week 47" and "X week 47": the same words
        same = heading_key(blocks[top].text) == heading_key(meta.title)
        if not same and kinds[top] is None and _names_the_issue(blocks[top], meta.title):
            return blocks[top].text, top + 1  # "ALLOTMENT BULLETIN - NOVEMBER" over the text
        return meta.title, top + 1 if same else 0
    if kinds[0] is None and first.kind == "paragraph" and looks_like_heading(first.text):
        return first.text, 1
    return None, 0


def _title_under_taglines(blocks: list[Block], kinds: list[str | None], top: int,
                          title: str, least: int = 0) -> int | None:
    """Where the subject's words are written as the title from `top` on, past `least` to
    TAGLINES short lines of masthead ("The Weekly Lantern"), which become chrome."""
    for below in range(top + least, min(top + TAGLINES + 1, len(blocks))):
        if kinds[below] is None and heading_key(blocks[below].text) == heading_key(title):
            above = range(top, below)
            if not all(kinds[j] is None and blocks[j].kind in ("paragraph", "heading") and
                       count_words(blocks[j].text) <= TAGLINE_WORDS and
                       not ENDS_SENTENCE.search(blocks[j].text) for j in above):
                return None
            for j in above:
                kinds[j] = "chrome"
            return below
    return None


def _past_own_link(blocks: list[Block], kinds: list[str | None], top: int) -> int:
    """Past a line over the title that links where the title links, the post's own page
    ("View this post on the web at https://…", in any language): that line is chrome."""
    below = next((i for i in range(top + 1, len(blocks)) if kinds[i] is None), None)
    if below is None or kinds[top] is not None or blocks[top].kind != "paragraph" or \
            len(blocks[top].links) != 1 or blocks[below].kind != "heading" or \
            [link.url for link in blocks[below].links] != [blocks[top].links[0].url]:
        return top
    kinds[top] = "chrome"
    return below


def _said_more(heading: str, title: str | None) -> bool:
    """The subject (or page title) is the heading and after a colon what the issue is about
    ("HARBOUR NOTES #41" under "Harbour Notes #41: The new breakwater opens"), or after a bar
    or dash its number or date ("The Northwind Dispatch | April 2024")."""
    if not title or not title.casefold().startswith(heading.casefold()):
        return False
    rest = title[len(heading):].lstrip()
    if rest[:1] in ("|", "–", "—", "-", "·"):
        return any(c.isdigit() for c in rest)
    return rest[:1] in (":", "：") and bool(rest[1:].strip())


def _names_the_issue(block: Block, title: str) -> bool:
    """A heading at the top that is the page's title and a few words more: the issue's
    month or number after its newsletter's name."""
    text, title = folded(block.text), folded(title)
    return (block.kind == "heading" or looks_like_heading(block.text)) and \
        text.startswith(title) and not text[len(title):len(title) + 1].isalnum() and \
        count_words(text) - count_words(title) <= TITLE_TAIL_WORDS


def _subtitle(blocks: list[Block], kinds: list[str | None], start: int) -> bool:
    """The heading right under the title is its subtitle ("Issue 14 - 2 March 2026") when no
    other heading shares its level and the sections' headings below it repeat another level or
    are shallower (a post's `<h3>` subtitle over its `<h2>` sections), or when it is the only
    heading and at least LONE_SUBTITLE_LEVEL deep: else it would open a section holding only
    the opening text."""
    if start >= len(blocks) or kinds[start] is not None or blocks[start].kind != "heading":
        return False
    level = blocks[start].level
    below = [b.level for b in blocks[start + 1:] if b.kind == "heading"]
    if not below:  # a post's one `<h3>` under its title, no section after it
        return level >= LONE_SUBTITLE_LEVEL
    return level not in below and (any(below.count(n) > 1 for n in below) or
                                   any(n < level for n in below))


_FIELDS = re.compile(r"\s+([|·•])\s+")


def _unsponsored(block: Block, profile: Profile, dropped: list[Dropped]) -> str:
    """An issue line without its fields that name a sponsor ("16 November 2026 | Presented
    by Ledgerly"): those go to `dropped` as chrome."""
    parts = _FIELDS.split(block.text)
    fields, marks = parts[::2], parts[1::2]
    ads = [n for n, text in enumerate(fields) if any(p.search(text) for p in profile.sponsor)]
    if not ads or len(ads) == len(fields):
        return block.text
    dropped.append(Dropped("chrome", block.line, " ".join(fields[n] for n in ads)))
    kept = [n for n in range(len(fields)) if n not in ads]
    return "".join(fields[n] + (f" {marks[n]} " if n < kept[-1] else "") for n in kept)


def _byline_at(blocks: list[Block], kinds: list[str | None], at: int, profile: Profile,
               meta: Meta) -> bool:
    """Block `at` is a line naming the issue's author ("By Tom Reed · 6 Mar 2026")."""
    return at < len(blocks) and kinds[at] is None and blocks[at].kind == "paragraph" and \
        bool(_author(blocks[at].text, profile, meta) or
             _author_among(blocks[at].text, profile, meta))


def _tagline_under_title(blocks: list[Block], kinds: list[str | None], start: int,
                         profile: Profile) -> bool:
    """In plain text, a short line of title-like words set right under the title's line, no
    blank line between ("Department of Plant Sciences"), and no date alone: the masthead's
    tagline, not the first section's heading."""
    if not 0 < start < len(blocks) or kinds[start] is not None:
        return False
    above, block = blocks[start - 1], blocks[start]
    return block.kind == "paragraph" and above.end_line + 1 == block.line and \
        looks_like_heading(block.text) and not in_capitals(block.text) and \
        not is_date_line(block.text, profile.months)


def _subtitle_line(blocks: list[Block], kinds: list[str | None], start: int, profile: Profile,
                   meta: Meta) -> int | None:
    """A short line, no sentence, right under the title (past chrome) and over a byline or a
    date line, as a post's e-mail gives its subtitle, or over the first section's heading (a
    text's tagline: "A monthly letter for orchard keepers - November 2026"): its index, or
    None."""
    found = islice((n for n in range(start, len(blocks)) if kinds[n] not in PASSED_OVER), 2)
    at, below = next(found, None), next(found, None)
    if at is not None and not kinds[at] and blocks[at].kind == "heading" and \
            (_dated_tagline(blocks[at].text, profile) or
             is_date_line(blocks[at].text, profile.months)):
        return at  # "Edisi Maret 2026 – Sabtu, 7 Maret 2026" underlined under the masthead
    if at is None or below is None or kinds[at] or kinds[below] or \
            blocks[at].kind != "paragraph" or blocks[below].kind not in ("paragraph", "heading"):
        return None
    line = blocks[at].text
    if count_words(line) > SUBTITLE_WORDS or line.rstrip()[-1:] in ".!?:,;" or blocks[at].links:
        return None
    if _dated_tagline(line, profile):
        return at  # "News from the observatory's research group — 28 November 2026"
    if blocks[below].kind == "heading" or in_capitals(blocks[below].text):
        return None if is_date_line(line, profile.months) else at
    text = blocks[below].text
    dated = is_date_line(text, profile.months)
    return at if dated or _author(text, profile, meta) else None


_LAST_PART = re.compile(r"\s+[—–·|•-]\s+(?=[^—–·|•]+$)")  # before a line's last part
_FIRST_PART = re.compile(r"\s+[—–·|•]\s+")  # after a line's first part


def _dated_tagline(line: str, profile: Profile) -> bool:
    """A line whose last part, after a dash, middle dot or bar, is a whole date ("Society for
    Applied Acoustics · Issue 74 · 25 November 2026"), or whose first part is ("Friday, 6
    March 2026 · A fortnightly briefing on nutrition research"): a tagline or masthead with
    the date."""
    line = line.strip()
    for parts in (_LAST_PART.split(line, maxsplit=1), _FIRST_PART.split(line, maxsplit=1)[::-1]):
        if len(parts) == 2 and is_date_line(parts[1], profile.months) and \
                written_date(parts[1]) is not None:
            return True
    return False


def _masthead(blocks: list[Block], kinds: list[str | None], start: int, profile: Profile,
               meta: Meta) -> Meta:
    """The lines right under the title (and subtitle) that give the issue's author or date,
    marked `byline` in `kinds`; the author they name goes into the Meta returned."""
    lines = islice((at for at in range(start, len(blocks)) if kinds[at] not in PASSED_OVER),
                   MASTHEAD_LINES)
    for at in lines:  # a "View online" row above them is passed over
        if kinds[at] is not None or blocks[at].kind != "paragraph":
            break
        dated = is_date_line(blocks[at].text, profile.months)
        author = None if dated else _author(blocks[at].text, profile, meta) or \
            _author_among(blocks[at].text, profile, meta)
        if not dated and author is None:
            break
        kinds[at] = "byline"
        meta = _dated(dataclasses.replace(meta, author=author or meta.author), [blocks[at].text])
    return meta


def _reading_lines(blocks: list[Block], kinds: list[str | None], start: int,
                   profile: Profile) -> list[str]:
    """A post's meta line under its title, set aside for its reading time, that may date it
    ("Saturday, 14 March 2026 · 6 min read")."""
    ahead = range(start, min(len(blocks), start + MASTHEAD_LINES))
    return [blocks[at].text for at in ahead if kinds[at] in ("byline", "chrome") and
            profile.reading is not None and profile.reading.search(blocks[at].text)]


def _dated(meta: Meta, texts: list[str | None]) -> Meta:
    """With no date from its file, headers or metadata, an issue takes the first one `texts`
    write out (its masthead's date line, subtitle or title): a whole date, else a month
    ("March 2026"). A month only (from a file name or title) takes the day a text gives in
    that month."""
    if meta.date is not None and meta.date_approximate:  # a month ("bulletin-2026-11.md")
        whole = next((d for d in map(written_date, filter(None, texts)) if d is not None and
                      (d.year, d.month) == (meta.date.year, meta.date.month)), None)
        if whole is not None:  # the day the text gives, in that month
            return dataclasses.replace(meta, date=whole, date_approximate=False,
                                       date_source="text")
    if meta.date is not None:
        return meta
    for find, approximate in ((written_date, False), (written_month, True)):
        for text in texts:
            date = find(text) if text else None
            if date is not None:
                return dataclasses.replace(meta, date=date, date_approximate=approximate,
                                           date_source="text")
    return meta


def _author(text: str, profile: Profile, meta: Meta) -> str | None:
    """The author a "By Tom Reed · 6 Mar 2026" line names, in the issue's language ("Von …",
    "Par …"), or the line itself when it is only the name the sender gave."""
    if meta.author and meta.author != meta.publication and text.casefold() == \
            meta.author.casefold():
        return meta.author
    return byline(text, profile.by, profile.joins) if count_words(text) <= BYLINE_WORDS else None


def _author_among(text: str, profile: Profile, meta: Meta) -> str | None:
    """The author a masthead line of parts names ("Issue 31 · by Hanna Lind", "By Jo Park |
    No. 4 | 3 March"), when every other part is a date or an issue's number."""
    parts = [part.strip() for part in _PARTS.split(text)]
    if len(parts) < 2:
        return _dated_by(text, profile)
    authors = [_author(part, profile, meta) for part in parts]
    for part, author in zip(parts, authors, strict=True):
        if author is None and not (is_date_line(part, profile.months) or
                                   is_issue_line(part, profile.months) or _number_part(part)):
            return None
    return next((a for a in authors if a), None)


DATED_BY_WORDS = 6  # "Posted on 8 March 2026": the words before a byline's "by"


def _dated_by(text: str, profile: Profile) -> str | None:
    """The author of a line that dates the post and then names who wrote it ("Posted on 8
    March 2026 by Esther Mbeki", as WordPress themes write it)."""
    folded = text.casefold()
    for word in profile.by:
        at = folded.find(f" {word.casefold()} ")
        head = text[:at]
        if at > 0 and count_words(head) <= DATED_BY_WORDS and written_date(head):
            return byline(text[at + 1:], profile.by, profile.joins)
    return None


def _number_part(text: str) -> bool:
    """An issue's number ("Issue 31", "No. 4", "#12"): a word or two and a figure."""
    return count_words(text) <= NUMBER_PART_WORDS and any(c.isdigit() for c in text) and \
        text.rstrip()[-1:] not in ".!?"


def sender_names(meta: Meta, profile: Profile, opening: Sequence[str] = ()) -> Meta:
    """A mail platform's sender name that joins the author and the newsletter ("Anna Weber
    from Field Notes") read as both, when nothing else named the newsletter; any sender name
    so joined, when the newsletter's folder is named so too ("Jonah from FareFlash" in
    `fareflash/`); and a person sending, when the list's name or the subject's opening words
    name the folder ("Giulia Ferraro" sending the List-Id "Cucina di Casa" in
    `cucina-di-casa/`; "Metro Housing Pulse: January 2026" in `metro-housing-pulse/`). A first
    name at a brand the issue's opening lines or subject write is read so too ("Camila at
    Tidewater" over "The Tidewater developer relations newsletter")."""
    if not meta.publication or meta.publication != meta.author:
        return meta
    for pattern in profile.senders:
        found = pattern.fullmatch(meta.publication)
        if found and found["author"].strip() and found["publication"].strip():
            return dataclasses.replace(meta, author=found["author"].strip(),
                                       publication=found["publication"].strip())
    found = _SENDER_JOIN.fullmatch(meta.publication)
    first = _FIRST_NAME_AT.fullmatch(meta.publication)
    if found and (meta.folder and _name_key(found["publication"]) == _name_key(meta.folder) or
                  first and _written(first["publication"], [meta.title or "", *opening])):
        return dataclasses.replace(meta, author=found["author"].strip(),
                                   publication=found["publication"].strip())
    if meta.list_name and _holds(meta.publication, meta.list_name):
        return dataclasses.replace(meta, publication=meta.list_name)
    if meta.folder and _name_key(meta.publication) == _name_key(meta.folder):
        return meta  # the sender's name is the newsletter's ("City Notes" in `city-notes/`)
    if not meta.folder:
        return _project_post(meta)
    opening = _opening_name(meta.title or "", meta.folder)
    named = next((n for n in (meta.list_name, opening)
                  if n and _name_key(n) == _name_key(meta.folder)), None)
    if named and _SLUG.fullmatch(named):  # a list's label ("cucina-di-casa"), no name
        if not meta.publication.isascii():
            return meta  # "Тиждень Києва" over the label spelling it in Latin letters
        named = " ".join(named.replace("_", "-").split("-")).title()
    if not named:
        return _project_post(meta)
    author = None if meta.author == meta.list_name else meta.author  # no sender's name
    return dataclasses.replace(meta, publication=named, author=author)


def _project_post(meta: Meta) -> Meta:
    """A person posting to a project's mailing list ("Tomás Halloran" sending "[ANN]
    Quillmark 1.9.0"): the project is the publication, the person its author, unless their
    name already holds the project's ("Quillmark Release Team")."""
    if not meta.project or _written(meta.project, [meta.publication or ""]):
        return meta
    return dataclasses.replace(meta, publication=meta.project)


_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


OPENING_BLOCKS = 6  # the issue's first lines, where its masthead names the newsletter
# "Camila at Tidewater": a first name at a brand, which the issue's masthead may name.
_FIRST_NAME_AT = re.compile(r"(?P<author>[A-Z][\w’'-]+) (?:at|@) (?P<publication>\S.*)")


def _written(name: str, texts: list[str]) -> bool:
    """The name is written in one of the texts, as words of their own ("The Tidewater
    developer relations newsletter" writes "Tidewater")."""
    pattern = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


# "Maren at The Weeknight Skillet", "Jonah from FareFlash", "Sam | Pocket Ledger": a person and
# the newsletter, which the folder its issues are kept in names too.
_SENDER_JOIN = re.compile(
    r"(?P<author>\S.{0,40}?)\s+(?:at|from|@|\||·|–|—)\s+(?P<publication>\S.*)")


# Where a subject's opening name ends: "Metro Housing Pulse: January 2026", "Side B #112".
_SUBJECT_NAME = re.compile(r"\s*[:|—–#]\s*|\s+-\s+")


def _holds(name: str, listed: str) -> bool:
    """The sender's name writes the List-Id's name of two words or more among others, a
    team's ("Equipa do Boletim Aberto" holding "Boletim Aberto")."""
    words = re.sub(r"[\W_]+", " ", name.casefold()).split()
    key = re.sub(r"[\W_]+", " ", listed.casefold()).split()
    return 1 < len(key) < len(words) and any(
        words[n:n + len(key)] == key for n in range(len(words) - len(key) + 1))


def _opening_name(subject: str, folder: str) -> str:
    """The subject's opening name: up to its first mark ("Metro Housing Pulse: January
    2026"), or its opening words that name the folder before the issue's number ("Small
    Talk No. 12" in `small-talk/`)."""
    opening = _SUBJECT_NAME.split(subject, maxsplit=1)[0]
    words = opening.split()
    return next((" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)
                 if _name_key(" ".join(words[:n])) == _name_key(folder) and
                 _ISSUE_NUMBER.fullmatch(" ".join(words[n:]))), opening)


# An issue's number after the newsletter's name: "12", "#12", "No. 12", "Nr. 12".
_ISSUE_NUMBER = re.compile(r"(?:#\s*|[^\W\d]{1,4}\.\s*)?\d+")


def _name_key(name: str) -> str:
    """A newsletter's name reduced to its letters and digits, without a leading "The"."""
    return re.sub(r"^the", "", re.sub(r"[\W_]+", "", name.casefold()))


def publication_from_folder(folder: str | None) -> str | None:
    """"haskell-weekly" -> "Haskell Weekly": a newsletter's folder read as its name."""
    words = re.sub(r"[-_.]+", " ", folder or "").split()
    if not words or all(w.isdigit() for w in words):
        return None
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)


def fallback_title(publication: str, meta: Meta, path: str) -> str:
    """An untitled issue's title: its number from the file name, else its date (its month when
    only the month is known), else the file's name (an issue must be told apart from the others)."""
    if meta.number is not None:
        return f"{publication} — Issue {meta.number}"
    if meta.date is not None and meta.date_approximate:  # a month alone: not its first day
        return f"{publication} — {calendar.month_name[meta.date.month]} {meta.date.year}"
    if meta.date is not None:
        return f"{publication} — {meta.date.isoformat()}"
    return Path(path).stem or publication




def apply_hints(issues: list[Issue], hints: list[IssueHint], path: str) -> list[Problem]:
    """Dates from the metadata file: matched by title, or by position for untitled hints."""
    problems = []
    by_title = {folded(h.title): h for h in hints if h.title}
    used: set[int] = set()
    for issue in issues:
        hint = by_title.get(folded(issue.title))
        if hint is not None:
            issue.date, issue.date_approximate = hint.date, hint.date_approximate
            issue.date_source = "metadata" if hint.date else None
            used.add(id(hint))
    untitled = [h for h in hints if not h.title]
    for issue, hint in zip([i for i in issues if i.duplicate_of is None], untitled):
        if issue.date is None:
            issue.date, issue.date_approximate = hint.date, hint.date_approximate
            issue.date_source = "metadata" if hint.date else None
    for hint in hints:
        if hint.title and id(hint) not in used:
            problems.append(Problem(path, f"metadata names an issue “{hint.title}” that is not "
                                    "in the file"))
    return problems
