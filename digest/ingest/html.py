"""HTML reader: a saved page or an e-mail body to blocks, with BeautifulSoup's html.parser.

Chrome that is never read (scripts, styles, navigation, forms, hidden elements, e-mail
preheaders) is dropped. Every block-level element that directly holds text gives a block,
without repeating the text of the blocks nested in it; `Block.line` is the element's source line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from digest.model import Block, Link, Meta, Part

from .decode import clean_line, collapse
from .text import LIST_MARKER

DROP = (
    "script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg",
    "form", "button", "head", "select", "textarea", "canvas", "audio", "video",
)
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "html", "li", "main", "menu", "ol", "p", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_MARKUP = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_HIDDEN = re.compile(r"display:none|visibility:hidden|mso-hide:all")
# Hide a preheader, but also shrink layout tables in e-mails: hidden only when holding text alone.
_SHRUNK = re.compile(r"(?:max-height|font-size|opacity):0(?![.\d])")
_STRUCTURE = frozenset({"table", "tr", "td", "p", "div", "ul", "ol", "li", "h1", "h2", "h3"})
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$"
)
_DATE_KEYS = ("article:published_time", "date", "dc.date", "dcterms.date", "datepublished")


MAX_DEPTH = 100  # elements nested deeper are read as the text of their ancestor at this depth


def read_html(text: str) -> Part:
    soup, where = _parse(text)
    meta = _head_meta(soup)
    _clean(soup)
    _flatten(soup)
    blocks = _Walker(where).read(soup)
    if not meta.title:
        h1 = soup.find("h1")
        meta.title = collapse(h1.get_text()) or None if h1 else None
    return Part(blocks=blocks, meta=meta)


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML fragment (raw HTML inside Markdown), lines counted from 1."""
    soup, where = _parse(text)
    _clean(soup)
    _flatten(soup)
    return _Walker(where).read(soup)


def _parse(text: str) -> tuple[BeautifulSoup, dict[int, int]]:
    head, opened, tail = text.partition("<!--")
    if opened and "-->" not in tail:
        text = head  # an unclosed comment hides the rest of the file
    soup = BeautifulSoup(text, "html.parser")
    return soup, _string_lines(soup)


def _string_lines(soup: BeautifulSoup) -> dict[int, int]:
    """The source line where each string starts (html.parser gives lines for tags only)."""
    where: dict[int, int] = {}
    line = 1
    for node in soup.descendants:
        if isinstance(node, Tag):
            line = node.sourceline or line
        else:
            where[id(node)] = line
            line += node.count("\n")
    return where


def _head_meta(soup: BeautifulSoup) -> Meta:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    title = found.get("og:title")
    if not title:
        tag = soup.find(lambda t: t.name == "title" and not t.find_parent("svg"))
        title = tag.get_text() if tag else None
    time = soup.find("time", attrs={"datetime": True})
    dates = [found.get("article:published_time"), time and time.get("datetime")]
    dates += [found.get(key) for key in _DATE_KEYS[1:]]
    date = next((d for d in map(parse_date, dates) if d), None)
    return Meta(
        title=collapse(title) or None if title else None,
        date=date,
        publication=found.get("og:site_name"),
        author=found.get("author"),
    )


def _clean(soup: BeautifulSoup) -> None:
    for node in soup.find_all(string=lambda s: isinstance(s, _MARKUP)):
        node.extract()
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in _hidden(soup):
        tag.decompose()


def _hidden(soup: BeautifulSoup) -> list[Tag]:
    """Hidden elements, outermost only (`Tag.decomposed` searches the subtree: quadratic)."""
    found: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, Tag):
                (found if _is_hidden(child) else stack).append(child)
    return found


def _flatten(soup: BeautifulSoup) -> None:
    """Replace what is nested past MAX_DEPTH by its text, so no reader recurses that deep."""
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth < MAX_DEPTH:
            stack.extend((c, depth + 1) for c in tag.children if isinstance(c, Tag))
        elif tag.find(True) is not None:
            text = " ".join(tag.stripped_strings)
            tag.clear()
            tag.append(text)


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return True
    style = re.sub(r"\s+", "", str(tag.get("style", "")).lower())
    if _HIDDEN.search(style):
        return True
    return bool(_SHRUNK.search(style)) and tag.find(_STRUCTURE) is None


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or metadata: ISO dates and datetimes only, never a guess."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    match = _DATETIME.match(value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match[1])
    except ValueError:
        return None


@dataclass
class _Context:
    """What the blocks of one element become."""

    kind: str
    level: int
    number: list[int | None]  # shared by an item's paragraphs: only the first gets it
    line: int
    start: int  # how many blocks there were when the element began


@dataclass
class _Segment:
    """Inline text between `<br>`s."""

    breaks: int
    line: int
    end_line: int
    words: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


class _Walker:
    def __init__(self, where: dict[int, int]) -> None:
        self.where = where
        self.blocks: list[Block] = []
        self.run: list[_Segment] = []
        self.breaks = 0

    def read(self, root: BeautifulSoup) -> list[Block]:
        context = _Context("paragraph", 0, [None], 1, 0)
        self.walk(root, context)
        self.flush(context)
        return self.blocks

    def walk(self, node: Tag, context: _Context) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                self.text(str(child), self.where.get(id(child), context.line))
            elif not isinstance(child, Tag) or child.name == "img":
                continue
            elif child.name == "br":
                self.breaks += 1
            elif child.name in ("hr", "pre"):
                self.flush(context)
                self.blocks.extend(_leaf(child))
            elif child.name in BLOCK:
                self.flush(context)
                inner = self.context(child, context)
                self.walk(child, inner)
                self.flush(inner)
            else:
                self.walk(child, context)
                if child.name == "a":
                    self.link(child)

    def context(self, tag: Tag, outer: _Context) -> _Context:
        line = tag.sourceline or outer.line
        start = len(self.blocks)
        if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return _Context("heading", int(tag.name[1]), [None], line, start)
        if tag.name == "li":
            depth = max(1, len(tag.find_parents(["ol", "ul"])))
            return _Context("item", depth, [_item_number(tag)], line, start)
        kind = "quote" if tag.name == "blockquote" else outer.kind
        number = outer.number if kind == "item" else [None]
        return _Context(kind, outer.level, number, line, start)

    def text(self, text: str, line: int) -> None:
        stripped = text.lstrip()
        if not stripped.strip():
            if self.run and not self.breaks:
                self.run[-1].words.append(" ")
            return
        line += text[: len(text) - len(stripped)].count("\n")
        if not self.run or self.breaks:
            self.run.append(_Segment(self.breaks, line, line))
            self.breaks = 0
        segment = self.run[-1]
        segment.words.append(text)
        segment.end_line = line + stripped.rstrip().count("\n")

    def link(self, tag: Tag) -> None:
        href = str(tag.get("href", "")).strip()
        text = collapse(tag.get_text())
        if not href or not text or href.lower().startswith(("javascript:", "#")):
            return
        if self.run:
            self.run[-1].links.append(Link(text, href))
        elif self.blocks:
            self.blocks[-1].links.append(Link(text, href))

    def flush(self, context: _Context) -> None:
        groups: list[list[_Segment]] = []
        for segment in self.run:
            first = "".join(segment.words).lstrip()
            if not groups or segment.breaks > 1 or (segment.breaks and LIST_MARKER.match(first)):
                groups.append([])
            groups[-1].append(segment)
        self.run, self.breaks = [], 0
        for group in groups:
            text = collapse(" ".join("".join(s.words) for s in group))
            if not text:
                continue
            line = context.line if len(self.blocks) == context.start else group[0].line
            block = Block(text, line, max(line, group[-1].end_line), context.kind, context.level)
            block.number, context.number[0] = context.number[0], None
            block.links = [link for segment in group for link in segment.links]
            self.blocks.append(block)


def _leaf(tag: Tag) -> list[Block]:
    line = tag.sourceline or 1
    if tag.name == "hr":
        return [Block(text="", line=line, end_line=line, kind="rule")]
    raw = tag.get_text()
    text = "\n".join(clean_line(row).rstrip() for row in raw.split("\n")).strip("\n")
    if not text.strip():
        return []
    end = line + raw.rstrip().count("\n")
    return [Block(text=text, line=line, end_line=end, kind="code")]


def _item_number(item: Tag) -> int | None:
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return None
    try:
        number = int(str(parent.get("start", "1")))
        for sibling in parent.find_all("li", recursive=False):
            number = int(str(sibling.get("value", number)))
            if sibling is item:
                return number
            number += 1
    except ValueError:
        return None
    return None
