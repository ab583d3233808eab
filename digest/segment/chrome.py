"""Platform chrome found by structure as well as by phrase: links to the unsubscribe page, the
footer run at the end of an e-mail, headings left with nothing but chrome under them, and
sponsor markers that turn what follows into a `sponsored` section."""

from __future__ import annotations

import dataclasses
import re

from digest.model import Block, Dropped, Section

from .profiles import Profile, address_key

LINK_CHROME_WORDS = 30  # a line linking to a platform page is furniture only when short
FOOTER_WORDS = 60  # a footer is a run of short lines...
FOOTER_SHARE = 0.4  # ...starting in the last 40% of the issue...
MARKER_WORDS = 12  # a sponsor marker is a short line
LINK_ROW_WORDS = 2  # words of each link in a row above a footer (social pages, the website)
CONTENTS_SHARE = 0.8  # of a list's entries naming headings below it: the contents


def links_to_chrome(block: Block, profile: Profile) -> bool:
    """A short line linking to the unsubscribe address or a platform's own pages."""
    if not block.links or len(block.text.split()) > LINK_CHROME_WORDS or block.kind == "heading":
        return False
    for link in block.links:
        if profile.unsubscribe and address_key(link.url) in profile.unsubscribe:
            return True
        if any(p.search(link.url) for p in profile.chrome_links):
            return True
    return False


def footer(blocks: list[Block], kinds: list[str | None]) -> list[str | None]:
    """Kinds with the footer swept: from the first chrome line after which every line is short,
    no heading follows and most lines are chrome, everything to the end is chrome."""
    kinds = list(kinds)
    start = None
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.kind == "heading" or len(block.text.split()) > FOOTER_WORDS:
            break
        if kinds[i] == "chrome":
            start = i
    if start is None or start < len(blocks) * (1 - FOOTER_SHARE):
        return kinds
    tail = kinds[start:]
    chrome = sum(1 for k in tail if k == "chrome")
    if chrome >= 2 and chrome * 2 >= len(tail):
        while start > 0 and kinds[start - 1] is None and _only_links(blocks[start - 1]):
            start -= 1  # the footer's row of links above it: social pages, the website
        kinds[start:] = ["chrome" if k is None else k for k in kinds[start:]]
    return kinds


def _only_links(block: Block) -> bool:
    """A short line, not a list entry, that is nothing but links of a word or two each
    ("Facebook", "Website | Archive"): a list of linked stories is content."""
    if not block.links or block.kind != "paragraph" or \
            len(block.text.split()) > LINK_ROW_WORDS * len(block.links):
        return False
    rest = block.text
    for link in block.links:
        rest = rest.replace(link.text, " ", 1)
    return not re.sub(r"[\s|·•,/-]+", "", rest)


def sponsor_of(text: str, profile: Profile) -> tuple[bool, str | None]:
    """Whether a short line marks an advertisement, and the sponsor it names."""
    if len(text.split()) > MARKER_WORDS:
        return False, None
    for pattern in profile.sponsor:
        match = pattern.search(text)
        if match:
            name = match.group(1) if pattern.groups and match.group(1) else None
            return True, name.strip() if name else None
    return False, None


def sponsor_leads(blocks: list[Block], profile: Profile) -> list[Block]:
    """Blocks with an advertisement's marker written as its bold or linked opening
    ("**Sponsored by Pixelbase** — Ship tokens…") set apart, as if on a line of its own."""
    out: list[Block] = []
    for block in blocks:
        lead = block.lead
        if not (lead and block.kind == "paragraph" and block.text.startswith(lead)
                and sponsor_of(lead, profile)[0]):
            out.append(block)
            continue
        rest = block.text[len(lead):].lstrip(" —–-:|·.")
        for text in (lead, rest) if rest else (lead,):
            links = [link for link in block.links if link.text in text]
            out.append(dataclasses.replace(block, text=text, links=links, lead=None,
                                           lead_kind=None))
    return out


def mark_sponsored(sections: list[Section], dropped: list[Dropped],
                   profile: Profile) -> list[Section]:
    """Sections headed by a sponsor marker become `sponsored`; a marker line inside a section
    starts one (or, as its last line, marks the section after it). Markers are dropped."""
    out: list[Section] = []
    pending: str | None | bool = False  # a marker ended the previous section
    for section in sections:
        if pending is not False:
            section.sponsor, pending = pending or section.heading, False
            section.kind = section.role = "sponsored"
        if section.heading and section.kind != "sponsored":
            marked, name = sponsor_of(section.heading, profile)
            if marked:
                section.kind = section.role = "sponsored"
                section.sponsor = name
        if section.dek and section.kind != "sponsored" and sponsor_of(section.dek, profile)[0]:
            # a marker heading right above the advertisement's own heading is its kicker
            section.kind = section.role = "sponsored"
            section.sponsor = sponsor_of(section.dek, profile)[1] or section.heading
            dropped.append(Dropped("chrome", section.first_line, section.dek))
            section.dek = None
        out.append(section)
        if section.kind == "sponsored":
            _drop_markers(section, dropped, profile)
            continue
        for n, paragraph in enumerate(section.paragraphs):
            marked, name = sponsor_of(paragraph.text, profile)
            if not marked:
                continue
            dropped.append(Dropped("chrome", paragraph.line, paragraph.text))
            rest = section.paragraphs[n + 1:]
            if rest and rest[0].line == paragraph.line:  # the marker opened the ad's paragraph
                section.paragraphs = section.paragraphs[:n] + rest[1:]
                out.append(Section("sponsored", None, rest[0].line, rest[0].line, sponsor=name,
                                   paragraphs=rest[:1], role="sponsored"))
                break
            items = [i for i in section.items if i.line > paragraph.line]
            section.paragraphs = section.paragraphs[:n]
            section.items = [i for i in section.items if i.line <= paragraph.line]
            if not rest and not items:
                pending = name
            else:
                first = min([p.line for p in rest] + [i.line for i in items])
                out.append(Section("sponsored", None, first, section.last_line, sponsor=name,
                                   paragraphs=rest, items=items, role="sponsored"))
                section.last_line = max(paragraph.line - 1, section.first_line)
            break
    return out


def _drop_markers(section: Section, dropped: list[Dropped], profile: Profile) -> None:
    """Markers inside an advertisement's own section: dropped, the first sponsor they name
    naming it when its heading did not."""
    kept = []
    for paragraph in section.paragraphs:
        marked, name = sponsor_of(paragraph.text, profile)
        if marked:
            dropped.append(Dropped("chrome", paragraph.line, paragraph.text))
            section.sponsor = section.sponsor or name
        else:
            kept.append(paragraph)
    section.paragraphs = kept


def drop_contents(sections: list[Section], dropped: list[Dropped]) -> list[Section]:
    """A list whose entries name the headings below it ("In this issue: …") is the issue's
    table of contents: the page has its own, so the entries are chrome."""
    # (where, heading): below section n when `where` > n, so a section's own subheads count
    headings = [(n, _folded(s.heading)) for n, s in enumerate(sections) if s.heading]
    headings += [(n + 1, _folded(sub.heading)) for n, s in enumerate(sections)
                 for sub in s.subsections]
    for n, section in enumerate(sections):
        if len(section.items) < 2:
            continue
        below = {heading for where, heading in headings if where > n}
        named, misses = [], 0
        for item in section.items:
            if _folded(item.text) in below:
                named.append(item)
            else:
                misses += 1
                if misses > (1 - CONTENTS_SHARE) * len(section.items):
                    break
        else:
            if len(named) >= 2:
                section.items = [item for item in section.items if item not in named]
                dropped.extend(Dropped("chrome", item.line, item.text) for item in named)
                _unlisted(section)
    return sections


def _unlisted(section: Section) -> None:
    """A section that was a list only for its contents entries reads as prose again."""
    if not section.items and section.layout == "list":
        section.layout = "prose"
        if section.role == "roundup":
            section.role = "lead" if section.kind == "lead" else "section"


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def drop_emptied(sections: list[Section], dropped: list[Dropped]) -> list[Section]:
    """A heading whose whole section was chrome (a jobs promo, a footer) is chrome too."""
    kept = []
    lines = sorted(d.line for d in dropped if d.kind == "chrome")
    for n, section in enumerate(sections):
        end = sections[n + 1].first_line if n + 1 < len(sections) else None
        empty = not (section.paragraphs or section.items or section.subsections)
        under = any(section.first_line <= line and (end is None or line < end) for line in lines)
        if empty and under and section.heading:
            dropped.append(Dropped("chrome", section.heading_line or section.first_line,
                                   section.heading))
            continue
        kept.append(section)
    return kept
