"""Advertisements: sponsor markers ("Sponsored", "Presented by X", "(Sponsor)") that turn
what they mark into a `sponsored` section: a heading, a line, a paragraph's bold opening, or
a badge on one item of a list."""

from __future__ import annotations

import dataclasses
import re

from digest.model import Block, Dropped, Item, Paragraph, Section
from digest.textwords import count_words

from .names import take_credit
from .profiles import Profile
from .rules import one_link
from .sections import as_list, is_list

MARKER_WORDS = 12  # a sponsor marker is a short line
BADGE_WORDS = 2  # a badge in capitals closing an entry ("… CloudDeploy SPONSOR")
# A badge in brackets after an entry's title or at its end ("(Sponsor)", "[Anzeige]"), or
# opening it.
_BRACKETED_END = re.compile(r"\s*[(\[]([^()\[\]]{2,40})[)\]]\s*$")
_BRACKETED_START = re.compile(r"^\s*[(\[]([^()\[\]]{2,40})[)\]]\s*[:—–-]?\s*")
_CLAUSE_END = re.compile(r"[,.;:!?](?=\s|$)|\s[—–]\s")


def sponsor_of(text: str, profile: Profile) -> tuple[bool, str | None]:
    """Whether a short line marks an advertisement, and the sponsor it names."""
    if count_words(text) > MARKER_WORDS:
        return False, None
    for pattern in (*profile.sponsor, *profile.sponsor_openings):
        match = pattern.search(text)
        if match:
            name = match.group(1) if pattern.groups and match.group(1) else None
            return True, name.strip(" .:：") if name else None
    return False, None


def sponsor_leads(blocks: list[Block], profile: Profile) -> list[Block]:
    """Blocks with an advertisement's marker written as its bold or linked opening
    ("**Sponsored by Pixelbase** — Ship tokens…", also in a box set off as a quote) set
    apart, as if on a line of its own."""
    out: list[Block] = []
    for block in blocks:
        lead = block.lead
        if not (lead and block.kind in ("paragraph", "quote") and block.text.startswith(lead)
                and sponsor_of(lead, profile)[0]):
            opening = _sponsor_opening(block, profile)
            if opening:  # the marker, then the advertisement's paragraph whole
                out.append(dataclasses.replace(block, text=opening, links=[], lead=None,
                                               lead_kind=None))
            out.append(block)
            continue
        rest = block.text[len(lead):].lstrip(" —–-:|·.")
        if rest[:1] in (",", "，", "、"):  # "**This episode is supported by Quillpad**, the
            # note-taking notebook that…": the marker, then the ad's sentence whole
            out.append(dataclasses.replace(block, text=lead, links=[], lead=None,
                                           lead_kind=None))
            out.append(dataclasses.replace(block, lead=None, lead_kind=None))
            continue
        for text in (lead, rest) if rest else (lead,):
            links = [link for link in block.links if link.text in text]
            out.append(dataclasses.replace(block, text=text, links=links, lead=None,
                                           lead_kind=None))
    return out


def _sponsor_opening(block: Block, profile: Profile) -> str | None:
    """A paragraph's first clause when it says the paragraph is an advertisement ("This
    episode is supported by Ledgerly, …"): a marker naming the sponsor."""
    if block.kind != "paragraph" or not profile.sponsor_openings or \
            sponsor_of(block.text, profile)[0]:  # a marker line whole ("SPONSOR: Kontor")
        return None
    end = _CLAUSE_END.search(block.text)
    clause = block.text[:end.start()] if end else block.text
    if count_words(clause) > MARKER_WORDS or not block.text[len(clause):].strip(" .,;:!?—–"):
        return None  # a clause that is the whole line is a marker line itself
    return clause if any(p.search(clause) for p in profile.sponsor_openings) else None


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
            marked = marked and not _signed_by(section.paragraphs, name, section, dropped) or \
                _badged_heading(section.heading, profile)
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
            if len(out) > 1:
                _story_goes_on(section, out[-2])
            continue
        for n, paragraph in enumerate(section.paragraphs):
            marked, name = sponsor_of(paragraph.text, profile)
            if not marked or _signed_by(_part(section.paragraphs[n + 1:]), name, section,
                                        dropped):
                continue
            dropped.append(Dropped("chrome", paragraph.line, paragraph.text))
            section.subsections = [s for s in section.subsections if s.line != paragraph.line]
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
                rest, items, after = _ad_ends(rest, items, section)
                back: tuple[list[Paragraph], list[Item]] = ([], [])
                if not after and section.items:
                    kept, kept_items, back = _past_call(rest, items)
                    if back[1]:  # the story's entries go on under the ad's call
                        rest, items = kept, kept_items
                    else:
                        back = ([], [])
                first = min([p.line for p in rest] + [i.line for i in items])
                out.append(Section("sponsored", None, first, section.last_line, sponsor=name,
                                   paragraphs=rest, items=items, role="sponsored"))
                section.last_line = max(paragraph.line - 1, section.first_line)
                if back[0] or back[1]:  # the story goes on under the ad's call
                    section.last_line = out[-1].last_line
                    out[-1].last_line = max([p.line for p in rest] + [i.line for i in items])
                    section.paragraphs += back[0]
                    section.items += back[1]
                out[-1].subsections = [s for s in section.subsections if s.line > paragraph.line]
                section.subsections = [s for s in section.subsections
                                       if s.line <= paragraph.line]
                if section.link_line is not None and section.link_line > paragraph.line:
                    out[-1].link, section.link = section.link, None  # the ad's "Learn more"
                    out[-1].link_line, section.link_line = section.link_line, None
                if after:
                    out[-1].last_line = after[0].first_line - 1
                    out[-1].subsections = [s for s in out[-1].subsections
                                           if s.line < after[0].first_line]
                    out += after
            break
    return out


SIGNATURE_WORDS = 4  # "Helen Oyelaran", "Chief Executive"
SIGNED_LINES = 3  # the last lines of a column where its writer signs


def _signed_by(paragraphs: list[Paragraph], name: str | None, section: Section,
               dropped: list[Dropped]) -> bool:
    """A column headed "A word from Helen" and signed "Helen Oyelaran" at its end (or by a
    sign-off set aside before): the sender's own, not an advertisement."""
    first = name.split()[0].casefold() if name else ""
    if not first or not paragraphs:
        return False
    end = section.last_line if paragraphs[-1] is section.paragraphs[-1] else \
        paragraphs[-1].line
    lines = [p.text for p in paragraphs[-SIGNED_LINES:]] + [
        d.text for d in dropped if d.kind == "signoff" and
        paragraphs[0].line <= d.line <= end + 1]
    return any(count_words(text) <= SIGNATURE_WORDS and
               text.lstrip("—–- ").split()[:1] == [first] for text in
               (t.casefold() for t in lines) if text.strip())


def _part(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs up to the next subhead."""
    end = next((n for n, p in enumerate(paragraphs) if p.kind == "subhead"), len(paragraphs))
    return paragraphs[:end]


# A heading opening with a label in brackets, after its number or not ("■３．【ＰＲ】地元の味",
# "[Anzeige] Neue Räder", "(Sponsored) Ship faster").
_BADGED_HEADING = re.compile(r"^[\W\d０-９_]{0,8}?[(\[【［（]\s*"
                             r"([^()\[\]【】［］（）]{1,20}?)\s*[)\]】］）]")


def _badged_heading(heading: str, profile: Profile) -> bool:
    """A heading badged as an advertisement by a sponsor marker in brackets opening it."""
    found = _BADGED_HEADING.match(heading)
    return found is not None and sponsor_of(found[1], profile)[0]


def _story_goes_on(ad: Section, story: Section) -> None:
    """What follows a headed advertisement's call, when it goes on with the entries of the
    story above it (an ad box set between an interview's questions), is that story's: back
    into its section."""
    if not story.items:
        return
    paragraphs, items, (later, later_items) = _past_call(ad.paragraphs, ad.items)
    if not later_items:
        return  # a sign-off or the sender's credits under the ad, not the story's list
    ad.paragraphs, ad.items = paragraphs, items
    story.paragraphs += later
    story.items += later_items
    story.last_line = max(story.last_line, ad.last_line)
    ad.last_line = max([ad.first_line] + [x.line for x in [*ad.paragraphs, *ad.items]])
    story.subsections += [s for s in ad.subsections if s.line > ad.last_line]
    ad.subsections = [s for s in ad.subsections if s.line <= ad.last_line]


AFTER_CALL_WORDS = 30  # what follows an ad's call, to be the story going on, not fine print
AD_CALL_WORDS = 6  # "Try the Grainline guide →", "Get 20% off your first order"


def _past_call(rest: list[Paragraph], items: list[Item]
               ) -> tuple[list[Paragraph], list[Item], tuple[list[Paragraph], list[Item]]]:
    """An advertisement ends with its call ("Try the Grainline guide →": a short line that is
    one link); what comes after it in the same part, when it says more than a line of fine
    print, is the story the ad was set into, going on (an interview's last questions). Gives
    back the ad's paragraphs and items, and those after its call."""
    call = next((p for p in rest if one_link(p, AD_CALL_WORDS)), None)
    if call is None:
        return rest, items, ([], [])
    place = (call.line, call.place)
    later = [p for p in rest if (p.line, p.place) > place]
    later_items = [i for i in items if (i.line, i.place) > place]
    words = sum(count_words(p.text) for p in later) + sum(
        count_words(f"{i.text} {i.excerpt or ''}") for i in later_items)
    if words < AFTER_CALL_WORDS:
        return rest, items, ([], [])
    return ([p for p in rest if p not in later], [i for i in items if i not in later_items],
            (later, later_items))


def _ad_ends(rest: list[Paragraph], items: list[Item], section: Section,
             ) -> tuple[list[Paragraph], list[Item], list[Section]]:
    """An advertisement that opens with its own heading ends at the next heading of that
    level: what follows is no longer the ad's but the ad's peers, each a section of its own
    ("SPONSORED" / "### Pipette smarter" / … / "### Quote of the day"). Gives back the ad's
    paragraphs and items, and those sections."""
    if not rest or rest[0].kind != "subhead":
        return rest, items, []
    heads = [n for n, p in enumerate(rest) if p.kind == "subhead"][1:]
    if not heads:
        return rest, items, []
    after: list[Section] = []
    for n, at in enumerate(heads):
        head = rest[at]
        end = heads[n + 1] if n + 1 < len(heads) else len(rest)
        last = rest[end].line - 1 if end < len(rest) else section.last_line
        own = [i for i in items if head.line < i.line <= last]
        part = Section("section", head.text, head.line, last, heading_line=head.line,
                       link=head.links[0].url if len(head.links) == 1 else None,
                       paragraphs=rest[at + 1:end], items=own)
        if is_list(part):
            as_list(part)
        after.append(part)
    return rest[:heads[0]], [i for i in items if i.line < rest[heads[0]].line], after


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


def sponsored_items(sections: list[Section], dropped: list[Dropped],
                    profile: Profile) -> list[Section]:
    """Entries of a list badged as advertisements ("Ship faster (Sponsor)", "… SPONSOR"), each
    taken out of its section into a `sponsored` one of its own, right after it, named after
    the name credited at its end or its title. A section of nothing but such entries is
    sponsored as a whole. Badges are dropped."""
    out: list[Section] = []
    for section in sections:
        out.append(section)
        if section.kind == "sponsored" or not section.items:
            continue
        kept, ads = [], []
        for item in section.items:
            badge = _unbadge(item, profile)
            if badge is None:
                kept.append(item)
                continue
            dropped.append(Dropped("chrome", item.line, badge))
            ads.append(item)
        if not ads:
            continue
        if not kept and not section.paragraphs:
            section.kind = section.role = "sponsored"
            section.sponsor = _sponsor(ads[0], profile) if len(ads) == 1 else None
            continue
        section.items = kept
        out += [Section("sponsored", None, item.line, item.line, items=[item],
                        role="sponsored", sponsor=_sponsor(item, profile)) for item in ads]
    return out


def _unbadge(item: Item, profile: Profile) -> str | None:
    """Cut the item's sponsor badge out of its title and text, giving the badge; None if
    it has none."""
    badge = _credit_badge(item, profile)
    if badge:
        return badge
    text = item.text.rstrip()
    if "(" not in text and "[" not in text and not text[-1:].isupper():
        return None  # no bracket, no word in capitals at its end: most entries
    if item.title:
        found = _BRACKETED_END.search(item.title)
        if found and sponsor_of(found[1], profile)[0]:
            title = item.title[:found.start()]
            item.text = item.text.replace(item.title, title, 1)
            item.title = title
            return found[0].strip()
    for pattern in (_BRACKETED_END, _BRACKETED_START):
        found = pattern.search(item.text)
        if found and found[0].strip() != item.text.strip() and sponsor_of(found[1], profile)[0]:
            item.text = (item.text[:found.start()] + item.text[found.end():]).strip()
            if item.title and item.title.startswith(found[0].strip()):
                item.title = item.title[len(found[0].strip()):].strip() or None
            if not item.title and item.links and item.links[0].text.strip() and \
                    item.text.startswith(item.links[0].text):  # the badge hid a linked title
                item.title = item.links[0].text
            return found[0].strip()
    words = item.text.split()
    for count in range(1, BADGE_WORDS + 1):
        tail = words[-count:]
        if len(words) > count and all(w.isupper() for w in tail) and \
                sponsor_of(" ".join(tail), profile)[0]:
            item.text = " ".join(words[:-count])
            return " ".join(tail)
    return None


def _credit_badge(item: Item, profile: Profile) -> str | None:
    """A sponsor badge opening or closing the entry's credit ("Sponsor Flagpole", "Flagpole
    (Sponsor)"), cut out of it: the sponsor's name is left as its author."""
    if not item.author:
        return None
    parts = item.author.split()
    for badge, rest in ((parts[:1], parts[1:]), (parts[-1:], parts[:-1])):
        word = " ".join(badge)
        bare = word.strip("()[]")
        if badge and (len(bare) > 2 or bare != word) and sponsor_of(bare, profile)[0]:
            item.author = " ".join(rest) or None
            return word
    return None


def _sponsor(item: Item, profile: Profile) -> str | None:
    """Who an advertisement is from: the name credited at its end, or its title."""
    if not item.author:
        take_credit(item, profile.plain)
    return item.author or item.title
