"""The "cards" layout: a web page's article, then teaser cards for other stories.

Each card ends with the profile's `cards.end` line; an author's name and bio follow it.
A card with a paragraph, not a name, after that line is a sponsor's card.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.model import Block, Dropped, Paragraph, Section

from .profiles import Profile
from .rules import is_caption_before, leading_name, looks_like_heading, looks_like_name
from .sections import build_sections

HEADER_SPAN = 3  # paragraphs allowed between a dek and its photo credit


@dataclass
class Header:
    title: str | None
    dek: str | None
    end: int  # index of the first block after the header


def read_header(blocks: list[Block], kinds: list[str | None], start: int, stop: int) -> Header:
    """Title, dek, then (repeated title | caption)* and a credit: a story's opening."""
    i = start
    title = dek = None
    if i < stop and kinds[i] is None and looks_like_heading(blocks[i].text):
        title = blocks[i].text
        i += 1
        if i < stop and kinds[i] is None and not looks_like_heading(blocks[i].text):
            dek = blocks[i].text
            i += 1
    credit = next((j for j in range(i, min(stop, i + HEADER_SPAN + 1)) if kinds[j] == "credit"),
                  None)
    if credit is None:
        return Header(title, dek, i)
    for j in range(i, credit):
        if kinds[j] is None:
            repeat = title is not None and blocks[j].text == title
            kinds[j] = "other" if repeat else "caption"
    return Header(title, dek, credit + 1)


def is_header_at(blocks: list[Block], kinds: list[str | None], i: int, stop: int) -> bool:
    header = read_header(blocks, list(kinds), i, stop)
    return header.title is not None and header.dek is not None and header.end > i + 2


def build_cards(
    blocks: list[Block], kinds: list[str | None], profile: Profile
) -> tuple[str | None, str | None, list[Section], list[Dropped]]:
    """Title, dek, sections and dropped lines of one page laid out as an article and cards."""
    assert profile.card_end is not None
    ends = [i for i, b in enumerate(blocks) if profile.card_end.search(b.text)]
    header = read_header(blocks, kinds, 0, len(blocks))
    first_card = len(blocks)
    if ends:
        first_card = next(
            (i for i in range(ends[0] - 1, header.end, -1)
             if is_header_at(blocks, kinds, i, ends[0])),
            ends[0],
        )
    sections, dropped = build_sections(blocks[header.end:first_card], kinds[header.end:first_card],
                                       profile, lead_subheads=True)
    start = first_card
    for end in ends:
        if end < start:
            continue
        card, tail_end, card_dropped = _card(blocks, kinds, start, end, profile)
        sections.append(card)
        dropped.extend(card_dropped)
        start = tail_end
    rest_sections, rest_dropped = build_sections(blocks[start:], kinds[start:], profile, "section")
    sections.extend(rest_sections)
    dropped.extend(rest_dropped)
    dropped.extend(Dropped(k, b.line, b.text) for b, k in zip(blocks[: header.end], kinds) if k)
    dropped.sort(key=lambda d: d.line)
    return header.title, header.dek, sections, dropped


def _card(
    blocks: list[Block], kinds: list[str | None], start: int, end: int, profile: Profile
) -> tuple[Section, int, list[Dropped]]:
    """One card from its first block to its end marker, plus the author and bio after it."""
    header = read_header(blocks, kinds, start, end)
    for j in range(header.end, end):
        if kinds[j] is None and j + 1 < end and is_caption_before(blocks[j], blocks[j + 1],
                                                                  kinds[j + 1]):
            kinds[j] = "caption"
    kinds[end] = kinds[end] or "chrome"
    body = range(header.end, end)
    section = Section("teaser", header.title, blocks[start + (1 if header.title else 0)].line,
                      blocks[end].line, dek=header.dek,
                      heading_line=blocks[start].line if header.title else None, role="teaser")
    section.paragraphs = [Paragraph(blocks[j].line, blocks[j].text, links=list(blocks[j].links),
                                    place=blocks[j].place)
                          for j in body if kinds[j] is None and blocks[j].text.strip()]
    tail = end + 1
    after = blocks[tail] if tail < len(blocks) and kinds[tail] is None else None
    if after is not None and looks_like_name(after.text):
        section.author = after.text
        section.last_line = after.line
        tail += 1
        first_name = after.text.split()[0]
        if tail < len(blocks) and kinds[tail] is None and blocks[tail].text.startswith(first_name):
            kinds[tail] = "bio"
            section.last_line = blocks[tail].end_line
            tail += 1
    elif after is not None:
        section.kind = section.role = "sponsored"
        section.sponsor = leading_name(after.text) or None
        section.paragraphs.append(Paragraph(after.line, after.text, links=list(after.links),
                                             place=after.place))
        section.last_line = after.end_line
        tail += 1
    dropped = [Dropped(kinds[j], blocks[j].line, blocks[j].text)
               for j in range(start, tail) if kinds[j]]
    return section, tail, dropped
