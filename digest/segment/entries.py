"""Subheads as entries: a section that lists stories as a linked title each, with a line or
two under it (a platform's digest of posts, a "what we're reading" list written with `<h3>`
titles), or that lists events, jobs or episodes as a title each over its details (a date, a
time, a price), is a list of entries, not subheads over loose paragraphs.
"""

from __future__ import annotations

from digest.model import Item, Paragraph, Section
from digest.textwords import ENDS_SENTENCE, count_words

from .sections import CALL_WORDS, as_list, is_list

BLURB_WORDS = 60  # what an entry's title has under it: a subtitle, a line or two
KICKER_WORDS = 8  # "Rhea Kallström in Better Field Notes" over a title: who wrote it, where
LEAST_ENTRIES = 2


def linked_entries(sections: list[Section]) -> list[Section]:
    """Sections whose subheads are two or more titles that are each one link, each over a
    line or two of text (at most BLURB_WORDS words; the last over as many paragraphs as the
    others), maybe under a short line naming its writer, with those made entries: the title
    linked, the text its excerpt, the line its author."""
    for section in sections:
        if section.items:
            continue
        runs = _runs(section.paragraphs)
        entry = _entry
        if len(runs) < LEAST_ENTRIES:
            runs, entry = _listing_runs(section.paragraphs), _listed
        if len(runs) < LEAST_ENTRIES:
            continue
        taken = {id(p) for kicker, title, blurb in runs for p in (kicker, title, *blurb) if p}
        section.items = [entry(kicker, title, blurb) for kicker, title, blurb in runs]
        section.paragraphs = [p for p in section.paragraphs if id(p) not in taken]
        heads = {title.line for _, title, _ in runs}
        section.subsections = [s for s in section.subsections if s.line not in heads]
        if is_list(section):
            as_list(section)
    return sections


Run = tuple[Paragraph | None, Paragraph, list[Paragraph]]


def _runs(paragraphs: list[Paragraph]) -> list[Run]:
    """The entries among the paragraphs, or none when any subhead is not one."""
    titles = [n for n, p in enumerate(paragraphs) if _linked_title(p)]
    if len(titles) < LEAST_ENTRIES or any(
            p.kind == "subhead" and n not in titles for n, p in enumerate(paragraphs)):
        return []
    runs: list[Run] = []
    kicker = paragraphs[titles[0] - 1] if titles[0] and _kicker(paragraphs[titles[0] - 1]) \
        else None
    for k, n in enumerate(titles):
        last = k + 1 == len(titles)
        below = paragraphs[n + 1:len(paragraphs) if last else titles[k + 1]]
        following = None
        if not last and below and _kicker(below[-1]):
            following, below = below[-1], below[:-1]  # the next title's writer
        if last:  # as long as the others' (what follows is the section's own text)
            below = below[:max(len(blurb) for _, _, blurb in runs)]
        if not below or any(p.kind != "text" for p in below) or \
                sum(count_words(p.text) for p in below) > BLURB_WORDS:
            return []
        runs.append((kicker, paragraphs[n], below))
        kicker = following
    return runs


def _linked_title(paragraph: Paragraph) -> bool:
    return paragraph.kind == "subhead" and len(paragraph.links) == 1 and \
        paragraph.links[0].text.strip() == paragraph.text.strip()


def _kicker(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return paragraph.kind == "text" and not paragraph.links and \
        0 < count_words(text) <= KICKER_WORDS and not ENDS_SENTENCE.search(text)


def _entry(kicker: Paragraph | None, title: Paragraph, blurb: list[Paragraph]) -> Item:
    return Item(line=title.line, text=title.text, links=list(title.links), title=title.text,
                author=kicker.text if kicker else None,
                excerpt=" ".join(p.text for p in blurb) or None, place=title.place)


LISTING_WORDS = 100  # what a listing's entry has under its title: details and a blurb
DETAIL_WORDS = 15  # a details line: "Saturday 14 March, 2pm and 5pm", "£8 / £5 under-16s"


def _listing_runs(paragraphs: list[Paragraph]) -> list[Run]:
    """A listing (events, exhibitions, courses): two or more subheads, each over a short part
    that gives details in lines of their own — one with a figure, a date, a time or a price —
    and perhaps a blurb and a call ("Book tickets"); the last part no longer than the others.
    Any other subhead, or a part of another shape, and it is no listing."""
    heads = [n for n, p in enumerate(paragraphs) if p.kind == "subhead"]
    if len(heads) < LEAST_ENTRIES:
        return []
    runs: list[Run] = []
    for k, n in enumerate(heads):
        last = k + 1 == len(heads)
        below = paragraphs[n + 1:len(paragraphs) if last else heads[k + 1]]
        if last:
            below = below[:max(len(part) for _, _, part in runs)]
        details = [p for p in below if _detail(p)]
        if not details or not any(any(c.isdigit() for c in p.text) for p in details) or \
                any(p.kind != "text" for p in below) or \
                sum(count_words(p.text) for p in below) > LISTING_WORDS:
            return []
        runs.append((None, paragraphs[n], below))
    return runs


def _detail(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return paragraph.kind == "text" and not paragraph.links and \
        0 < count_words(text) <= DETAIL_WORDS and not ENDS_SENTENCE.search(text)


def _call(paragraph: Paragraph) -> bool:
    """"Book tickets", "Route map": a line that is one link of a few words."""
    return len(paragraph.links) == 1 and count_words(paragraph.text) <= CALL_WORDS and \
        paragraph.links[0].text.strip() == paragraph.text.strip()


def _listed(kicker: Paragraph | None, title: Paragraph, part: list[Paragraph]) -> Item:
    """A listing's entry: its details as one sentence, then its blurb ("Friday 13 March,
    6.30pm · Millrace Bridge · Free. Hundreds of paper lanterns…"), linked where its call
    goes; a summary shows the title and the details, what a reader of listings looks for."""
    details = " · ".join(f"{p.label}: {p.text.strip()}" if p.label else p.text.strip()
                         for p in part if _detail(p))  # "Salary: €80k–€95k"
    blurb = " ".join(p.text.strip() for p in part if not _detail(p) and not _call(p))
    links = [*title.links, *(link for p in part if not _detail(p) for link in p.links)]
    return Item(line=title.line, text=title.text, links=links, title=title.text,
                excerpt=" ".join(x for x in (f"{details}." if details else "", blurb) if x)
                or None, place=title.place)
