"""The "sections" layout: a lead, then sections opened by headings (known or generic)."""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.model import Block, Dropped, Item, Paragraph, Section, Subsection

from .profiles import Profile, SectionRule
from .roundup import item_from, item_level
from .rules import looks_like_heading, looks_like_numbered_subhead


@dataclass
class _Open:
    """A section being filled, with the lines it has seen so far."""

    section: Section
    layout: str = "prose"
    level: int | None = None  # of the Markdown/HTML heading that opened it
    lines: list[tuple[int, int]] = field(default_factory=list)
    numbered: bool = False  # some story so far has a number

    def take(self, block: Block) -> None:
        self.lines.append((block.line, block.end_line))

    def close(self) -> Section:
        if self.lines:
            self.section.first_line = self.lines[0][0]
            self.section.last_line = max(end for _, end in self.lines)
        if self.layout == "roundup" or is_list(self.section):
            self.section.layout = "list"
            if self.section.role == "section":
                self.section.role = "roundup"
        return self.section


def is_list(section: Section) -> bool:
    """A section with at least as many list items as paragraphs of text is a list of items."""
    texts = [p for p in section.paragraphs if p.kind in ("text", "quote") and p.text.strip()]
    return bool(section.items) and len(section.items) >= len(texts)


def _kind_of(block: Block) -> str:
    return {"quote": "quote", "code": "code"}.get(block.kind, "text")


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
    markup = any(b.kind == "heading" for b in blocks)
    top_level = section_level([b.level for b in blocks
                               if b.kind == "heading" and not profile.section_for(b.text)])
    sections: list[Section] = []
    dropped: list[Dropped] = []
    current: _Open | None = None

    def open_section(kind: str, heading: str | None, line: int, rule: SectionRule | None = None,
                     level: int | None = None) -> _Open:
        nonlocal current
        if current is not None:
            sections.append(current.close())
        section = Section(kind, heading, line, line, heading_line=line - 1 if heading else None,
                          role="lead" if kind == "lead" else "section")
        if rule is not None:
            section.role, section.summary = rule.role, rule.summary
        current = _Open(section, rule.layout if rule else "prose", level)
        return current

    for i, block in enumerate(blocks):
        kind = kinds[i]
        if kind is not None:
            dropped.append(Dropped(kind, block.line, block.text))
            if current is not None and kind != "chrome":
                current.take(block)
            continue
        rule = profile.section_for(block.text) if block.kind in ("heading", "paragraph") else None
        if rule is not None:
            open_section(rule.kind, block.text, block.line + 1, rule)
            continue
        in_lead = current is None or current.section.kind == lead_kind
        roundup_item = current is not None and current.layout == "roundup" and bool(
            item_level(block, profile))
        if not roundup_item and _is_heading(blocks, kinds, i, markup):
            level = block.level if block.kind == "heading" else None
            opened = current.level if current is not None else None
            deeper = level is not None and level > (top_level if opened is None else opened)
            if current is not None and (deeper or (in_lead and lead_subheads)):
                _subhead(current, block)
            else:
                open_section("section", block.text, block.line + 1, level=level)
            continue
        if current is None:
            open_section(lead_kind, None, block.line)
        if roundup_item:
            _add_item(current, block, profile)
        elif current.layout == "roundup":
            current.section.paragraphs.append(Paragraph(block.line, block.text, _kind_of(block),
                                                        list(block.links)))
            current.take(block)
        elif in_lead and lead_subheads and looks_like_numbered_subhead(block.text) and not (
            i + 1 < len(blocks) and looks_like_numbered_subhead(blocks[i + 1].text)
        ):
            _subhead(current, block)
        elif block.kind == "item" or (not in_lead and item_level(block, profile)):
            _add_item(current, block, profile)
        else:
            current.section.paragraphs.append(
                Paragraph(block.line, block.text, _kind_of(block), list(block.links)))
            current.take(block)
    if current is not None:
        sections.append(current.close())
    return sections, dropped


def section_level(levels: list[int]) -> int:
    """The heading level that opens sections: the shallowest one used more than once, so a
    lone `# Quote of the Week` among `##` sections does not turn them all into subheads (it
    opens a section of its own); the shallowest when no level repeats."""
    repeated = [level for level in set(levels) if levels.count(level) > 1]
    return min(repeated or levels, default=1)


def _is_heading(blocks: list[Block], kinds: list[str | None], i: int, markup: bool) -> bool:
    block = blocks[i]
    if block.kind == "heading":
        return True
    if markup or block.kind != "paragraph" or not looks_like_heading(block.text):
        return False
    following = next((b for b, k in zip(blocks[i + 1:], kinds[i + 1:]) if k is None), None)
    return following is not None and not looks_like_heading(following.text)


def _subhead(current: _Open, block: Block) -> None:
    current.section.subsections.append(Subsection(block.text, block.line))
    current.section.paragraphs.append(Paragraph(block.line, block.text, "subhead"))
    current.take(block)


def _add_item(current: _Open, block: Block, profile: Profile) -> None:
    items: list[Item] = current.section.items
    level = item_level(block, profile, current.numbered) or 1
    if level == 2 and items:
        item = item_from(block, profile.sub_item, profile)
        item.number = None
        items[-1].sub_items.append(item)
    else:  # a story: numbered, or bulleted in a list with no numbers
        marker = profile.item if profile.item.match(block.text) else profile.sub_item
        items.append(item_from(block, marker, profile))
        current.numbered = current.numbered or items[-1].number is not None
    current.take(block)
