"""What the templates show, prepared from the model: HTML fragments already made safe."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from markupsafe import Markup

from digest.model import Issue, IssueDigest, Item, Mention, Section, SectionDigest, Story
from digest.textwords import closed_runs, has_cjk

from .text import LinkQueue, inline, safe_url

# A section's own heading is shown when it has one; these label the ones without.
ROLE_LABELS = {
    "lead": "Lead story",
    "roundup": "Roundup",
    "brief": "Brief",
    "anecdote": "Anecdote",
    "teaser": "Teaser",
    "sponsored": "Sponsored",
    "section": "Section",
}
_ENDED = re.compile(r"[.!?…:;)\]»”’\"'。！？」）]\s*$")  # text that a sentence or a bracket closes
CJK_ENDS = ("。", "！", "？", "」", "』", "）")
_BY = re.compile(r"[\W_]|\bby\b")  # what joins a title to its author: "by", dashes, spaces
BLOCK_TAGS = {"subhead": "h3", "quote": "blockquote", "code": "pre"}


def sentence_id(section: int, paragraph: int, index: int) -> str:
    return f"s{section}-{paragraph}-{index}"


def item_id(section: int, *path: int) -> str:
    return f"s{section}-item-" + "-".join(map(str, path))


@dataclass
class ItemView:
    html: Markup
    outlet: str | None
    paywalled: bool
    id: str
    href: str | None = None  # the item in its issue page, on digest pages
    external: bool = False  # the text carries links to other sites
    story: str | None = None  # on digest pages: the story the item cites, when not in its text
    extra: list[tuple[str, Markup]] = field(default_factory=list)
    subs: list[ItemView] = field(default_factory=list)
    excerpt: Markup | None = None  # a quote or comment under the title line, on issue pages
    author: str | None = None  # digest pages: who wrote the story, shown after its title
    number: int | None = None  # its number in a numbered list of the source
    outlet_apart: bool = False  # the text runs on into the outlet ("Kim Lee · Example Blog")


@dataclass
class BlockView:
    tag: str  # p | h3 | blockquote | pre
    sentences: list[tuple[str, Markup]]  # (id, html); the id "" when nothing links to it
    extra: list[tuple[str, Markup]] = field(default_factory=list)
    label: str | None = None  # a repeated lead-in ("Why it matters"), shown before the text
    joiner: str = " "  # between sentences: none after Chinese or Japanese ones ("。")


@dataclass
class TableView:
    """The rows of a data table the source had, each a list of cells (safe HTML), and the
    links whose text no cell showed."""

    rows: list[list[Markup]]
    extra: list[tuple[str, Markup]] = field(default_factory=list)
    tag: str = "table"


@dataclass
class SectionView:
    id: str
    role: str
    heading: str
    author: str | None = None
    sponsor: str | None = None
    link: str | None = None  # the page its heading links to (vetted)
    href: str | None = None  # digest pages: the section on its issue page
    dek: tuple[str, Markup] | None = None
    blocks: list[BlockView] = field(default_factory=list)
    items: list[ItemView] = field(default_factory=list)
    # issue pages: paragraphs, lists of items and tables, in source order
    parts: list[BlockView | TableView | list[ItemView]] = field(default_factory=list)
    numbered: bool = False
    sentences: list[SentenceView] = field(default_factory=list)  # digest pages only
    more: int = 0  # digest pages: the section's items left out
    more_noun: str = "item"  # "link" when every item of the section carries one
    more_href: str | None = None
    joiner: str = " "  # between summary sentences, as BlockView.joiner
    labelled: bool = False  # digest pages: the heading is a role's label, the section had none


@dataclass
class SentenceView:
    href: str  # the sentence in its issue page
    html: Markup
    label: str | None = None  # its paragraph's label ("Why it matters"), shown apart


def heading_link(section: Section) -> str | None:
    """Where the section's own heading links to, when that is safe to link."""
    return safe_url(section.link) if section.link and section.heading else None


def heading(section: Section) -> str:
    if section.role == "sponsored":
        return ROLE_LABELS["sponsored"] + (f": {section.sponsor}" if section.sponsor else "")
    return section.heading or ROLE_LABELS.get(section.role, ROLE_LABELS["section"])


def _item(item: Item, section: int, path: tuple[int, ...], href: Callable[[str], str] | None,
          linked: Collection[str] = ()) -> ItemView:
    queue = LinkQueue(list(item.links))
    pending = len(queue.links)
    ident = item_id(section, *path)
    text, author = item.text, None
    if href is not None and item.title and item.title not in text:  # cut inside its title
        text = item.title
    if href is not None and item.title and item.author and _only_title_and_author(text, item):
        text, author = item.title, item.author  # "by Author" shown apart, kept when cut off
    elif item.author and item.author not in text:  # a credit the segmenter took out of it
        author = item.author
    view = ItemView(queue.render(text), item.outlet, item.paywalled, ident,
                    href=href(ident) if href else None, external=pending > 0, author=author)
    if href is None:
        view.id = ident if ident in linked else ""
        if item.excerpt:
            view.excerpt = queue.render(item.excerpt)
        view.extra = queue.leftover()
    elif pending and len(queue.links) == pending:  # the cut text kept no link's words
        view.story = queue.leftover()[0][0]
    view.number = item.number
    view.outlet_apart = bool(item.outlet) and (author is not None or not _ENDED.search(text))
    view.subs = [_item(sub, section, (*path, n), href, linked)
                 for n, sub in enumerate(item.sub_items)]
    return view


def _only_title_and_author(text: str, item: Item) -> bool:
    """Whether the item's text says no more than its title and author (or the cut lost them)."""
    if item.author is None or item.author not in text:
        return True
    rest = text.replace(item.title or "", "", 1).replace(item.author, "", 1)
    rest = rest.replace(item.outlet, "", 1) if item.outlet else rest
    return not _BY.sub("", rest)


def _block(digest: IssueDigest, s: int, p: int, linked: Collection[str]) -> BlockView:
    paragraph = digest.issue.sections[s].paragraphs[p]
    tag = BLOCK_TAGS.get(paragraph.kind, "p")
    if tag == "pre":  # code keeps its spacing and is never read as markdown
        return BlockView(tag, [(_anchor(sentence_id(s, p, 0), linked),
                                Markup.escape(paragraph.text))])
    queue = LinkQueue(list(paragraph.links))
    if paragraph.kind == "row":  # its cells, each with the links whose text it holds
        return BlockView("tr", [("", queue.render(cell)) for cell in paragraph.text.split(" | ")],
                         queue.leftover())
    parts = digest.split.get((s, p)) or [paragraph.text]
    sentences = [(_anchor(sentence_id(s, p, i), linked), queue.render(text))
                 for i, text in enumerate(parts)]
    return BlockView(tag, sentences, queue.leftover(), paragraph.label, joiner(parts))


def joiner(sentences: list[str]) -> str:
    """What goes between the sentences: a space, or nothing when they are Chinese or
    Japanese (their full stop "。" holds its own space)."""
    return "" if sentences and all(s.rstrip()[-1:] in CJK_ENDS for s in sentences[:-1]) and \
        has_cjk(sentences[0]) else " "


def _anchor(ident: str, linked: Collection[str]) -> str:
    return ident if ident in linked else ""


def linked_ids(digest: IssueDigest) -> set[str]:
    """The ids on an issue page that its summary links to: chosen sentences and items."""
    found: set[str] = set()

    def items(item: Item, section: int, path: tuple[int, ...]) -> None:
        found.add(item_id(section, *path))
        for n, sub in enumerate(item.sub_items):
            items(sub, section, (*path, n))

    for part in digest.sections:
        found.update(sentence_id(x.section, x.paragraph, x.index) for x in part.sentences)
        for n, item in zip(_places(part), part.items):
            items(item, part.section, (n,))
    return found


def _places(part: SectionDigest) -> list[int]:
    """Each summary item's place among its section's items."""
    return part.item_places or list(range(len(part.items)))


def issue_sections(digest: IssueDigest, linked: Collection[str]) -> list[SectionView]:
    """Every section of an issue in full. The sentences and items in `linked` carry their
    ids, for other pages to link to; the rest go without, so that the page stays light for
    readers and for the search index (Pagefind keeps every element with an id as an anchor)."""
    views = []
    for s, section in enumerate(digest.issue.sections):
        view = SectionView(f"s{s}", section.role, heading(section), section.author,
                           section.sponsor, heading_link(section),
                           numbered=any(i.number for i in section.items))
        if section.dek:
            view.dek = (sentence_id(s, -1, 0), inline(section.dek))
        view.blocks = [_block(digest, s, p, linked) for p in range(len(section.paragraphs))]
        view.items = [_item(item, s, (n,), None, linked) for n, item in enumerate(section.items)]
        view.parts = in_source_order(view.blocks, [(p.line, p.place) for p in section.paragraphs],
                                     view.items, [(i.line, i.place) for i in section.items])
        views.append(view)
    return views


def in_source_order(blocks: list[BlockView], block_places: list[tuple[int, int]],
                    items: list[ItemView], item_places: list[tuple[int, int]]
                    ) -> list[BlockView | TableView | list[ItemView]]:
    """Paragraphs and items as the source had them, by line and, on one line (HTML written
    on one line), by place: each run of items with no paragraph between them is one list,
    placed where its first item stood, and each run of a table's rows one table."""
    order = sorted([(place, 0, n) for n, place in enumerate(block_places)]
                   + [(place, 1, n) for n, place in enumerate(item_places)])
    parts: list[BlockView | TableView | list[ItemView]] = []
    for _, kind, n in order:
        last = parts[-1] if parts else None
        if kind == 1 and isinstance(last, list):
            last.append(items[n])
        elif kind == 1:
            parts.append([items[n]])
        elif blocks[n].tag != "tr":
            parts.append(blocks[n])
        else:
            if not isinstance(last, TableView):
                last = TableView([])
                parts.append(last)
            last.rows.append([html for _, html in blocks[n].sentences])
            last.extra += blocks[n].extra
    return parts


def digest_sections(digest: IssueDigest, issue_url: str) -> list[SectionView]:
    """The summary of an issue: chosen sentences and cut items, each linking to the issue page."""
    views = []
    for part in digest.sections:
        if part.role == "sponsored" or not (part.sentences or part.items):
            continue
        section = digest.issue.sections[part.section]
        views.append(_digest_section(part, section, issue_url))
    return views


def _digest_section(part: SectionDigest, section: Section, issue_url: str) -> SectionView:
    view = SectionView(f"s{part.section}", part.role, heading(section), section.author,
                       link=heading_link(section), href=f"{issue_url}#s{part.section}",
                       numbered=any(i.number for i in part.items),
                       labelled=not section.heading and section.role != "sponsored")
    shown = closed_runs([x.text for x in part.sentences], [x.paragraph for x in part.sentences])
    view.sentences = [SentenceView(f"{issue_url}#{sentence_id(x.section, x.paragraph, x.index)}",
                                   inline(text), x.label)
                      for x, text in zip(part.sentences, shown, strict=True)]
    view.joiner = joiner([x.text for x in part.sentences])
    view.items = [_item(item, part.section, (n,), lambda ident: f"{issue_url}#{ident}")
                  for n, item in zip(_places(part), part.items)]
    view.more = part.more_items
    if section.items and all(item.links for item in section.items):
        view.more_noun = "link"
    view.more_href = f"{issue_url}#s{part.section}"
    return view


@dataclass
class StoryView:
    title: Markup
    url: str | None
    carriers: list[tuple[str, str]]  # (newsletter, the item or sentence in its issue page)
    newsletters: int


def mention_id(mention: Mention) -> str:
    """The id of a mention's item, sentence or section on its issue page."""
    if mention.kind == "item":
        return item_id(mention.place[0], *mention.place[1:])
    if mention.kind == "section":
        return f"s{mention.place[0]}"
    return sentence_id(*mention.place)


def story_views(stories: list[Story], issue_url: Callable[[Issue], str]) -> list[StoryView]:
    return [StoryView(inline(story.title), safe_url(story.url),
                      [(c.issue.publication, f"{issue_url(c.issue)}#{mention_id(c.mention)}")
                       for c in story.carriers], len(story.publications))
            for story in stories]


def also_in(stories: list[Story], issue_url: Callable[[Issue], str]) -> dict[str, list[str]]:
    """For each item or sentence (issue page#id) of a story: the other newsletters that
    carried it."""
    found: dict[str, list[str]] = {}
    for story in stories:
        for carrier in story.carriers:
            others = [p for p in story.publications if p != carrier.issue.publication]
            found[f"{issue_url(carrier.issue)}#{mention_id(carrier.mention)}"] = others
    return found
