"""The "sections" layout: a lead, then sections opened by headings (known or generic).

Each block goes through SECTION_RULES in order; the first rule that takes it decides where it
goes. Profiles switch rules off by name (`[rules] disable = [...]`), and `structure.py` has
already said what each block is (heading level, label, titled item, category).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from digest.model import Block, Dropped, Item, Link, Paragraph, Section, Subsection
from digest.textwords import bracketed, count_words, is_emoji, without_leading_mark

from .chrome import entry_call, links_to_chrome
from .names import line_author, take_credit
from .profiles import Profile, SectionRule, heading_key
from .roundup import item_from, item_level
from .rules import in_capitals, is_date_line, looks_like_numbered_subhead, one_link
from .structure import HEADING_RULES, PASSES, Marks, mark, opens_with_title, title_parts


@dataclass
class _Open:
    """A section being filled, with the lines it has seen so far."""

    section: Section
    layout: str = "prose"
    level: int | None = None  # of the heading that opened it
    lines: list[tuple[int, int]] = field(default_factory=list)
    numbered: bool = False  # some story so far has a number
    depth: int = 0  # list depth of the category that opened it: its entries are one deeper
    own: bool = False  # its entries are a thread's posts or quotes: no roundup of links

    def take(self, block: Block) -> None:
        self.lines.append((block.line, block.end_line))

    def close(self) -> Section:
        if self.lines:
            self.section.first_line = self.lines[0][0]
            self.section.last_line = max(end for _, end in self.lines)
        if self.layout == "roundup" or is_list(self.section) or self.own:  # quotes listed
            as_list(self.section, keep_role=self.own)
        return self.section


_FIGURE_ALONE = re.compile(r"^[~≈+<>]?[$€£¥₹]?\d[\d.,\s]*(?:[%kKmM×x]|[$€£¥₹])?\+?$")
FIGURE_LABEL_WORDS = 10  # "people with safe water within 500 m of home"


def figures_with_labels(section: Section) -> None:
    """A figure set alone over the short line that says what it counts ("14" over "new wells
    completed", as an impact box sets it) is one line: "14 new wells completed"."""
    out: list[Paragraph] = []
    for paragraph in section.paragraphs:
        above = out[-1] if out else None
        if above is not None and above.kind == "text" and paragraph.kind == "text" and \
                _FIGURE_ALONE.match(above.text.strip()) and not above.links and \
                0 < count_words(paragraph.text) <= FIGURE_LABEL_WORDS and \
                paragraph.text.strip()[:1].islower():
            out[-1] = replace(above, text=f"{above.text.strip()} {paragraph.text.strip()}",
                              links=list(paragraph.links))
        else:
            out.append(paragraph)
    section.paragraphs = out


def as_list(section: Section, keep_role: bool = False) -> None:
    """The section laid out as a list; a lead or section that is a list is a roundup (not
    a thread's posts or quotes with their speakers, which stay its lead or section)."""
    section.layout = "list"
    if section.role in ("section", "lead") and not keep_role:
        section.role = "roundup"


def is_list(section: Section) -> bool:
    """A section with at least as many list items as paragraphs of text is a list of items."""
    texts = [p for p in section.paragraphs if p.kind in ("text", "quote") and p.text.strip()]
    return bool(section.items) and len(section.items) >= len(texts)


@dataclass
class State:
    """An issue being cut into sections: the rules read and change it."""

    marks: Marks
    profile: Profile
    lead_kind: str
    lead_subheads: bool
    top_level: int
    headed: bool  # the issue has headings of some kind
    sections: list[Section] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    current: _Open | None = None
    kicker: Block | None = None  # a line over the next section's heading, for its dek

    @property
    def in_lead(self) -> bool:
        return self.current is None or self.current.section.kind == self.lead_kind

    def open(self, kind: str, heading: str | None, line: int, rule: SectionRule | None = None,
             level: int | None = None) -> _Open:
        """Close the open section and open one; a profile's section rule gives its role."""
        if self.current is not None:
            self.sections.append(self.current.close())
        section = Section(kind, heading, line, line, heading_line=line - 1 if heading else None,
                          role="lead" if kind == "lead" else "section")
        if rule is not None:
            section.role, section.summary = rule.role, rule.summary
        self.current = _Open(section, rule.layout if rule else "prose", level)
        if self.kicker is not None and heading:
            section.dek = self.kicker.text
            self.current.take(self.kicker)
        self.kicker = None
        return self.current

    def paragraph(self, block: Block, label: str | None = None) -> None:
        """The block as a paragraph; one with no text (a rule) keeps its lines, never a
        paragraph."""
        text = block.text[len(label) + 1:].lstrip() if label else block.text
        if text.strip():
            self.current.section.paragraphs.append(
                Paragraph(block.line, text, _kind_of(block), list(block.links), label,
                          block.place))
        self.current.take(block)

    def roundup_item(self, block: Block) -> bool:
        return self.current is not None and self.current.layout == "roundup" and bool(
            item_level(block, self.profile))


def _kind_of(block: Block) -> str:
    return {"quote": "quote", "code": "code", "row": "row"}.get(block.kind, "text")


# Section rules: each takes block i of the issue or leaves it to the next ------------------

def button(state: State, i: int, block: Block) -> bool:
    """A card's button ("View job" under each card) under an entry that is no list's links
    that entry; its words are chrome. Under a headed card that links where it does already
    ("Listen now" under each show's episode), it is chrome too."""
    current = state.current
    marks = state.marks
    if len(block.links) != 1 or current is None or not marks.button(i):
        return False
    if not current.section.items:  # "Listen now" under each show's headed card, to its page
        url = block.links[0].url
        if url != current.section.link and all(
                link.url != url for p in current.section.paragraphs for link in p.links):
            return False
        state.dropped.append(Dropped("chrome", block.line, block.text))
        current.take(block)
        return True
    item = current.section.items[-1]
    above = next((j for j in range(i - 1, -1, -1) if marks.kinds[j] is None), None)
    if above is None or marks.blocks[above].kind != "paragraph" or \
            marks.heading[above] is not None or marks.blocks[above].line < item.line:
        return False  # a call under a list or a subhead ("Full report"): not the entry's
    if all(link.url != block.links[0].url for link in item.links):
        item.links.append(block.links[0])
    state.dropped.append(Dropped("chrome", block.line, block.text))
    current.take(block)
    return True


def section_link(state: State, i: int, block: Block) -> bool:
    """A "Read more" line (the profile's `more` lines) that is one link and nothing else,
    closing a headed section with text, gives the section its link: the story it tells; so
    does any call of up to CALL_WORDS words ("Tickets", "Details and booking"), or of up to
    LINK_LINE_WORDS opening with a call ("Read the case study"), closing a section of prose
    only, where a heading or a rule follows (or only furniture, when earlier entries closed
    with the same call: the last book's "Reserve a copy" over the footer). In a section of
    two subheads or more (two exhibitions), a "Find out more" closes the last one's part, not
    the section."""
    current = state.current
    marks = state.marks
    if current is None or current.level is None or current.section.link or \
            not current.section.paragraphs or block.kind != "paragraph" or block.level or \
            marks.kinds[i] not in (None, "chrome") or not one_link(block, LINK_LINE_WORDS) or \
            links_to_chrome(block, state.profile):
        return False
    more = _MORE_MARKS.sub("", block.text).casefold().replace("’", "'") in state.profile.more
    after = next((j for j in range(i + 1, len(marks.blocks)) if marks.kinds[j] is None), None)
    if after is not None and marks.heading[after] is None and \
            marks.blocks[after].kind != "rule" or len(current.section.subsections) > 1:
        return False  # (under two subheads or more, it closes the last one's part)
    if not more and (marks.kinds[i] is not None or
                     count_words(block.text) > CALL_WORDS and not _opens_call(block, state) or
                     after is None and not entry_call(marks.blocks, i) or
                     current.section.items or current.section.subsections or
                     i and marks.kinds[i - 1] is None and one_link(marks.blocks[i - 1],
                                                                    LINK_LINE_WORDS)):
        return False  # a call closing one story told in prose (not furniture such as a
        # poll's answer, nor the last of a run of links), with more of the issue after it
    current.section.link, current.section.link_line = block.links[0].url, block.line
    state.dropped.append(Dropped("chrome", block.line, block.text))
    return True


def _opens_call(block: Block, state: State) -> bool:
    first = _FIRST_WORD.match(block.text)
    return first is not None and first.group(1).casefold() in state.profile.calls


def drop(state: State, i: int, block: Block) -> bool:
    """Furniture the profile's patterns found (chrome, credits...) goes to `dropped`."""
    kind = state.marks.kinds[i]
    if kind is None:
        return False
    state.dropped.append(Dropped(kind, block.line, block.text))
    if state.current is not None and kind != "chrome":
        state.current.take(block)
    return True


def profile_section(state: State, i: int, block: Block) -> bool:
    """A heading the profile knows opens its kind of section."""
    if block.kind not in ("heading", "paragraph"):
        return False
    rule = state.profile.section_for(block.text)
    if rule is None:
        return False
    state.open(rule.kind, block.text, block.line + 1, rule)
    return True


def roundup_item(state: State, i: int, block: Block) -> bool:
    if not state.roundup_item(block):
        return False
    _add_item(state.current, block, state.profile)
    state.current.own = state.current.own or i in state.marks.own
    return True


def kicker(state: State, i: int, block: Block) -> bool:
    """A heading with nothing under it, right before a heading that opens a section, is that
    section's kicker (its dek), not an empty section of its own."""
    level = state.marks.heading[i]
    current = state.current
    if level is None or current is None or not _opens_section(state, level) or \
            not _bare(current, state.marks.blocks[i - 1] if i else None):
        return False
    before = current.section
    state.current = None  # the bare section is not kept: its heading moves to the next one
    opened = state.open("section", _heading_text(block.text), block.line + 1, level=level)
    if _linked_whole(block):
        opened.section.link = block.links[0].url
    kickers = [before.dek, before.heading, opened.section.dek]  # the last: a line under it
    opened.section.dek = " — ".join(k for k in kickers if k)
    opened.lines = [(before.heading_line, before.heading_line), *current.lines, *opened.lines]
    return True


def line_kicker(state: State, i: int, block: Block) -> bool:
    """A short line of capitalised words (in bold or not), no sentence, no title of an entry,
    no button (a line that is one link: "Try CloudCrate free", "View job") and no time of a
    programme ("2.30 Film: White Christmas"), right above a heading that opens a section
    ("From The Map Letter", "Jane Doe in Better Code" over a story's title) is that section's
    kicker (its dek)."""
    marks = state.marks
    if state.current is None or block.kind != "paragraph" or block.level or \
            marks.titled[i] == "credit" or one_link(block, KICKER_WORDS) or \
            _CLOCK_START.match(block.text) or \
            (block.lead and not (block.lead_kind == "strong" and block.lead == block.text)) or \
            len(block.links) > 1 or not _label_like(block.text):
        return False
    after = next((j for j in range(i + 1, len(marks.blocks)) if marks.kinds[j] is None), None)
    level = marks.heading[after] if after is not None else None
    if level is None or not _opens_section(state, level):
        return False
    if state.kicker is not None:  # a kicker over this one: a line of the text above after all
        state.paragraph(state.kicker)
    state.kicker = block
    return True


_CLOCK_START = re.compile(r"^\d{1,2}[.:]\d{2}\b")  # "2.30 Film", "19:30 Concert"


def _label_like(text: str) -> bool:
    """Few words, mostly capitalised, no sentence; not a dash and a name ("— Alan Kay" names
    who said the quote above)."""
    words = text.split()
    return 0 < len(words) <= KICKER_WORDS and text.rstrip()[-1:] not in _NOT_KICKER and \
        text[:1] not in "—–-" and \
        "://" not in text and 2 * sum(w[:1].isupper() for w in words) >= len(words)


def heading(state: State, i: int, block: Block) -> bool:
    """A heading opens a section at the top level, and is a subhead below it (or in a lead
    whose newsletter has named sections)."""
    level = state.marks.heading[i]
    if level is None:
        return False
    if _opens_section(state, level):
        opened = state.open("section", _heading_text(block.text), block.line + 1, level=level)
        if _linked_whole(block):
            opened.section.link = block.links[0].url  # a post's title, linked to the post
    else:
        _subhead(state.current, block)
    return True


_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")
_STARRED = re.compile(r"^\*{1,3}\s+(?=[^*]*$)")  # Mailchimp's text version: "** Reader question"


def _linked_whole(block: Block) -> bool:
    """A heading that is one link, its number aside: "[Title](url)", or a plain-text title
    over its address ("1) The budget goes online" / "https://…")."""
    if block.lead_kind == "link" and block.lead == block.text and block.links:
        return True
    return len(block.links) == 1 and bool(block.links[0].text.strip()) and \
        heading_key(block.links[0].text) == heading_key(_NUMBERED.sub("", block.text))


def _heading_text(text: str) -> str:
    """A heading without the colon a line introducing what follows ends with ("IN BRIEF:")
    and without the sign it is set off by ("■ Dredging starts Monday")."""
    text = without_leading_mark(_STARRED.sub("", text))
    text = bracketed(text, square=True) or text
    return text.rstrip().removesuffix(":").rstrip() or text


def _opens_section(state: State, level: int) -> bool:
    """Whether a heading of this level opens a section here (else it is a subhead)."""
    current = state.current
    if current is None:
        return True
    # Under a lone heading shallower than the section level, section headings still open
    # sections: the lone one only opened a section of its own.
    top = state.top_level if current.level is None else max(current.level, state.top_level)
    return not (level > top or (state.in_lead and state.lead_subheads))


def _bare(current: _Open, previous: Block | None) -> bool:
    """A section a heading opened, with nothing at all after that heading (the block before)."""
    section = current.section
    return (current.level is not None and section.kind == "section" and previous is not None
            and section.heading_line == previous.line and not current.lines
            and not (section.paragraphs or section.items or section.subsections))


def category(state: State, i: int, block: Block) -> bool:
    """In an issue with no headings, a list entry that only introduces deeper entries opens a
    section named by it (with headings, it stays an entry with sub-entries)."""
    if state.headed or not state.marks.category[i]:
        return False
    state.open("section", _heading_text(block.text), block.line + 1).depth = block.level
    return True


def lead(state: State, i: int, block: Block) -> bool:
    """Text before any heading opens the lead (never takes the block itself)."""
    if state.current is None and block.kind != "rule":
        state.open(state.lead_kind, None, block.line)
    return False


def section_byline(state: State, i: int, block: Block) -> bool:
    """The line right under a section's heading naming its author or its date ("By Sam Price
    on Mar 11, 2025", as a digest of posts gives each post) is the section's byline."""
    current = state.current
    if current is None or block.kind != "paragraph" or \
            not _bare(current, state.marks.blocks[i - 1] if i else None):
        return False
    profile = state.profile
    author = line_author(block.text, profile.by, profile.joins, profile.months)
    if author is None and not is_date_line(block.text, profile.months):
        return False
    current.section.author = author
    state.dropped.append(Dropped("byline", block.line, block.text))
    current.take(block)
    return True


def rule(state: State, i: int, block: Block) -> bool:
    """A horizontal rule separates, and says nothing: kept in its section's lines."""
    if block.kind != "rule":
        return False
    if state.current is None:
        state.dropped.append(Dropped("other", block.line, block.text))
    else:
        state.current.take(block)
    return True


def roundup_paragraph(state: State, i: int, block: Block) -> bool:
    if state.current.layout != "roundup":
        return False
    state.paragraph(block)
    return True


def numbered_subhead(state: State, i: int, block: Block) -> bool:
    """"2. AI talent stays home." alone in a lead essay is its subhead, not a list."""
    if not (state.in_lead and state.lead_subheads and looks_like_numbered_subhead(block.text)):
        return False
    blocks = state.marks.blocks
    if i + 1 < len(blocks) and looks_like_numbered_subhead(blocks[i + 1].text):
        return False
    _subhead(state.current, block)
    return True


LINK_LINE_WORDS = 4  # "Read more →", "Lire la suite", "Full story"
CALL_WORDS = 3  # a link this short closing a section is its story's, whatever it says
KICKER_WORDS = 6  # "From The Map Letter" over a story's heading
_NOT_KICKER = ".!?:;,…。！？"  # a line ending so is a sentence or leads into what follows
_MORE_MARKS = re.compile(r"[\s→»›>.…:]+$")  # "Read more →", "Weiterlesen »"
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")  # past any sign or arrow ("👉 Read the case study")


def item_continuation(state: State, i: int, block: Block) -> bool:
    """A quote or paragraph inside a list entry, after its first line, is that entry's
    excerpt."""
    items = state.current.section.items
    if block.kind == "item" or block.level < 1 or not items:
        return False
    target = items[-1]
    if block.level > 1 and target.sub_items:
        target = target.sub_items[-1]
    if one_link(block, LINK_LINE_WORDS):  # "Read more →": the entry's link, not its words
        target.links.extend(block.links)
        state.dropped.append(Dropped("chrome", block.line, block.text))
    else:
        _extend(target, block)
    state.current.take(block)
    return True


def titled_item(state: State, i: int, block: Block) -> bool:
    """Paragraphs opening with a bold or linked title are items, with what follows each."""
    role = state.marks.titled[i]
    items = state.current.section.items
    if role == "credit" and items and not items[-1].author:
        items[-1].author = block.text
        items[-1].links.extend(block.links)  # a quote's speaker links to where it was said
    elif role == "more" and items:
        _extend(items[-1], block)
    elif role == "title":
        item = Item(line=block.line, text=block.text, links=list(block.links), place=block.place)
        item.title, item.author, outlet = title_parts(block, state.profile.by,
                                                         state.profile.joins)
        _set_outlet(item, outlet)
        items.append(_credited(item, state.profile))
    else:
        return False
    state.current.take(block)
    return True


def list_item(state: State, i: int, block: Block) -> bool:
    if block.kind != "item" and (state.in_lead or not item_level(block, state.profile)):
        return False
    _add_item(state.current, block, state.profile)
    state.current.own = state.current.own or i in state.marks.own
    return True


def paragraph(state: State, i: int, block: Block) -> bool:
    state.paragraph(block, state.marks.label[i])
    return True


Rule = Callable[[State, int, Block], bool]
SECTION_RULES: list[tuple[str, Rule]] = [
    ("section_link", section_link),
    ("drop", drop),
    ("button", button),
    ("profile_section", profile_section),
    ("roundup_item", roundup_item),
    ("kicker", kicker),
    ("line_kicker", line_kicker),
    ("heading", heading),
    ("category", category),
    ("lead", lead),
    ("section_byline", section_byline),
    ("rule", rule),
    ("roundup_paragraph", roundup_paragraph),
    ("numbered_subhead", numbered_subhead),
    ("item_continuation", item_continuation),
    ("titled_item", titled_item),
    ("list_item", list_item),
    ("paragraph", paragraph),
]
ALWAYS_ON = ("drop", "lead", "rule", "paragraph")  # without them blocks would be lost (or empty)
RULE_NAMES = tuple(
    [name for name, _ in SECTION_RULES if name not in ALWAYS_ON]
    + [name for name, _ in HEADING_RULES] + [name for name, _ in PASSES]
)


def build_sections(
    blocks: list[Block],
    kinds: list[str | None],
    profile: Profile,
    lead_kind: str = "lead",
    lead_subheads: bool | None = None,
) -> tuple[list[Section], list[Dropped]]:
    """Sections and dropped lines of one issue's blocks (its title already taken off).

    Title-like lines in the lead are its subheads when the newsletter has named sections
    (or the caller says so); elsewhere they open a new section.
    """
    if lead_subheads is None:
        lead_subheads = bool(profile.sections)
    marks = mark(blocks, kinds, profile)
    levels = [level for block, level in zip(marks.blocks, marks.heading)
              if level is not None and not profile.section_for(block.text)]
    level = parent_level(marks, section_level(levels))
    state = State(marks, profile, lead_kind, lead_subheads, max(level, kicker_level(marks)),
                  headed=bool(levels))
    rules = [fn for name, fn in SECTION_RULES
             if name in ALWAYS_ON or name not in profile.rules_disabled]
    for i, block in enumerate(marks.blocks):
        for fn in rules:
            if fn(state, i, block):
                break
    if state.current is not None:
        state.sections.append(state.current.close())
    return state.sections, state.dropped


def kicker_level(marks: Marks) -> int:
    """The level of labels (in capitals or led by an emoji) set right above shallower
    headings as their kickers ("✈️ TRAVEL" in an `<h2>` over the `<h1>` "Airlines found a new
    fee"), KICKER_PAIRS times or more: those labels open sections where they stand alone too
    ("📰 TOUR DE HEADLINES"); else 0."""
    headings = marks.heading
    pairs = [above for n, (above, below) in enumerate(zip(headings, headings[1:]))
             if above is not None and below is not None and below < above <= KICKER_DEEPEST
             and _label(marks.blocks[n].text)]
    level, count = max(((n, pairs.count(n)) for n in set(pairs)), key=lambda p: p[1],
                       default=(0, 0))
    return level if count >= KICKER_PAIRS else 0


def _label(text: str) -> bool:
    return in_capitals(text) or is_emoji(text.lstrip()[:1])


KICKER_PAIRS = 2
KICKER_DEEPEST = 6  # headings of the markup (`<h6>`); a bold line over a title is the kicker rules'


def section_level(levels: list[int]) -> int:
    """The heading level that opens sections: the shallowest one used more than once, so a
    lone `# Quote of the Week` among `##` sections does not turn them all into subheads (it
    opens a section of its own); the shallowest when no level repeats."""
    counts: dict[int, int] = {}
    for level in levels:
        counts[level] = counts.get(level, 0) + 1
    repeated = [level for level, n in counts.items() if n > 1]
    return min(repeated or levels, default=1)


def parent_level(marks: Marks, level: int) -> int:
    """The level sections open at: a shallower heading the issue has only once, set right
    over two or more headings of `level` with nothing between ("## Listings" over its
    events' titles) after the issue's opening text, is their section, not the first one's
    kicker (at the very top it is the masthead's dateline); else `level`."""
    found = [(n, depth) for n, depth in enumerate(marks.heading)
             if depth is not None and marks.kinds[n] is None]
    for k, (n, depth) in enumerate(found):
        if depth >= level or sum(1 for _, d in found if d == depth) > 1 or k + 1 == len(found) \
                or all(marks.kinds[j] is not None for j in range(n)):
            continue
        after = found[k + 1][0]
        if found[k + 1][1] == level and all(marks.kinds[j] is not None
                                              for j in range(n + 1, after)) and \
                sum(1 for _, d in found[k + 1:] if d == level) >= 2:
            return depth
    return level


def _subhead(current: _Open, block: Block) -> None:
    text = block.text.rstrip().removesuffix(":").rstrip() or block.text  # "IN BRIEF:"
    current.section.subsections.append(Subsection(text, block.line))
    current.section.paragraphs.append(Paragraph(block.line, text, "subhead",
                                                list(block.links), place=block.place))
    current.take(block)


def _extend(item: Item, block: Block) -> None:
    item.excerpt = f"{item.excerpt} {block.text}" if item.excerpt else block.text
    item.links.extend(block.links)


def _add_item(current: _Open, block: Block, profile: Profile) -> None:
    items: list[Item] = current.section.items
    if current.depth and block.kind == "item":
        block = replace(block, level=max(block.level - current.depth, 1))
    level = item_level(block, profile, current.numbered) or 1
    depth = max(block.level, 2) if level == 2 and block.kind == "item" else level
    parent = items
    while depth > 1 and parent:  # a sub-story goes under the last entry one level up
        parent, depth = parent[-1].sub_items, depth - 1
    if parent is not items:
        item = item_from(block, profile.sub_item, profile)
        item.number = None
        parent.append(_titled(item, block, profile))
    else:  # a story: numbered, or bulleted in a list with no numbers
        marker = profile.item if profile.item.match(block.text) else profile.sub_item
        items.append(_titled(item_from(block, marker, profile), block, profile))
        current.numbered = current.numbered or items[-1].number is not None
    current.take(block)


def _titled(item: Item, block: Block, profile: Profile) -> Item:
    """An entry opening with a bold or linked title keeps it, and its author."""
    if block.lead and not block.text.startswith(block.lead) and item.text.startswith(block.lead):
        block = replace(block, text=item.text)  # a plain-text entry, its "1." taken off
    numbered = profile.item.match(block.lead or "")
    if numbered and not block.text.startswith(block.lead or "") and \
            item.text.startswith(block.lead[numbered.end():]):  # "**1. Ferry strike ends.**"
        block = replace(block, text=item.text, lead=block.lead[numbered.end():])
    if opens_with_title(block, profile.by):
        title, author, outlet = title_parts(block, profile.by, profile.joins)
        item.title, item.author = title, author
        _set_outlet(item, outlet)
        _credited(item, profile)
    return item


def _credited(item: Item, profile: Profile) -> Item:
    """A titled entry whose text ends with a name set apart ("… in half. Tomás Ortega") has
    it as its author, out of its text (after any bracketed aside is taken off)."""
    _drop_aside(item, profile)
    if item.title and not item.author and not item.outlet:
        take_credit(item, profile.plain)
    return item


def _drop_aside(item: Item, profile: Profile) -> None:
    """Closing brackets that hold a second link's words ("Title (comments)", "(RFC #1444)":
    the link stays, its words go) or the entry's reading time ("(4 minute read)", which also
    leaves its title and its link's text)."""
    aside = _ASIDE.search(item.text)
    if aside is None:
        return
    words, tail = aside[1].strip(), aside[0].strip()
    second_link = len(words.split()) <= ASIDE_WORDS and any(
        link.text.strip("() ") == words for link in item.links[1:])
    if not (second_link or profile.reading and profile.reading.fullmatch(words)):
        return
    if item.title and item.title.endswith(tail):
        item.title = item.title[:-len(tail)].rstrip()
    item.links = [Link(link.text[:-len(tail)].rstrip(), link.url)
                  if link.text.endswith(tail) and link.text != tail else link
                  for link in item.links]
    item.text = item.text[:aside.start()]


_ASIDE = re.compile(r"\s+\(\s*(\S+(?: \S+){0,2})\s*\)$")  # a few bracketed words at the end
ASIDE_WORDS = 2  # a second link's words in brackets ("comments", "RFC #1444")


def _set_outlet(item: Item, outlet: str | None) -> None:
    """An outlet named after `@`, or the site named in brackets after the title, is shown
    beside the item, as a profile's outlets are."""
    if not outlet or item.outlet:
        return
    if item.text.endswith(outlet):
        item.outlet = outlet
        item.text = item.text[: -len(outlet)].rstrip().removesuffix("@").rstrip()
    elif item.title and item.text.startswith(f"{item.title} ({outlet})"):
        item.outlet = outlet
        item.text = item.title + item.text[len(item.title) + len(outlet) + 3:]
