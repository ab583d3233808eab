"""HTML reader: a saved page or an e-mail body to blocks, with BeautifulSoup's html.parser.

Chrome that is never read (scripts, styles, navigation, forms, hidden elements, e-mail
preheaders, images and so tracking pixels) is dropped; only a heading set as a picture, a
banner with a few words of alternative text, is read as a heading (above every word, the
masthead's logo, as chrome). Every block-level element
that directly holds text gives a block, without repeating the text of the blocks nested in it,
so an e-mail's layout tables are read cell by cell in source order; a data table (header
cells, or a uniform grid of short cells) gives one block per row instead. Each
`<br>`-separated line is a block.
A block that opens with a bold run or a link keeps that title as `Block.lead`.
`Block.line` is the element's source line. Furniture known by its markup is read as blocks of
kind `chrome` (asides, footers, and on a page with one `<article>` or `<main>`, what lies
outside it) and a `<figcaption>` as a `caption`, for the segmenter to drop and account for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice, takewhile
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from digest.model import Block, Link, Meta, Part
from digest.textwords import ENDS_SENTENCE, IN_PAGE_WORDS
from digest.urls import story_key

from .dates import parse_date
from .decode import clean_line, collapse

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
_HIDDEN = re.compile(r"display:none|visibility:hidden|mso-hide:all|opacity:0(?![.\d])")
_PREHEADER = re.compile(r"\b(?:pre-?header|preview-?text|preheader-?text)\b", re.IGNORECASE)
_BOLD = re.compile(r"font-weight:(?:bold|bolder|[6-9]00)")
BUTTON_CELL_TAGS = 3  # a cell drawn as a button holds its link and little else
_NORMAL = re.compile(r"font-weight:(?:normal|lighter|[1-5]00)(?![\d])")
# Hide a preheader, but also shrink layout tables in e-mails: hidden only when holding text alone.
_SHRUNK = re.compile(r"(?:max-height|font-size|opacity):0(?![.\d])")
_STRUCTURE = frozenset({"table", "tr", "td", "p", "div", "ul", "ol", "li", "h1", "h2", "h3"})
_LAYOUT_INSIDE = frozenset({"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                            "blockquote", "img"})
_CELL_TEXT = frozenset({"p", "div"})  # one of them in a cell is its text, more are a layout
_DATE_KEYS = ("article:published_time", "date", "dc.date", "dcterms.date", "dcterms.created",
              "dc.date.created", "datepublished")
BANNER_RATIO, BANNER_MIN_HEIGHT, BANNER_WORDS = 4, 12, 6  # a heading set as a picture
BANNER_MIN_WIDTH = 200  # narrower, it is a badge ("Created with …" in a footer), not a heading
PICTURE_MIN = 48  # pixels: a smaller image is an icon, a logo's mark or a tracking pixel
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_NOTE_MARK = re.compile(r"^\[?\d{1,3}\]?$")  # a footnote's reference: "1", "[2]"
DATA_CELL_WORDS = 12  # a data table's cells are short; a layout table's hold paragraphs
CARD_FIELD_WORDS = 4  # a link preview's line naming its site, or a field of its details
CARD_TITLE_WORDS = 20
CARD_CELL_WORDS = 60  # a card in a row of them: a title, a blurb or a price, a button


MAX_DEPTH = 100  # elements nested deeper are read as the text of their ancestor at this depth


def read_html(text: str) -> Part:
    soup, where = _parse(text)
    meta = _head_meta(soup)
    base = _base(soup) or meta.address
    boxes = _signup_boxes(soup)  # before cleaning takes their forms away
    _clean(soup)
    _flatten(soup)
    blocks = _Walker(where, _footnotes(soup), boxes).read(soup)
    if base:
        for block in blocks:
            block.links = [Link(link.text, _absolute(base, link.url)) for link in block.links]
    if not meta.title:
        h1 = soup.find("h1")
        meta.title = collapse(h1.get_text()) or None if h1 else None
    return Part(blocks=blocks, meta=meta)


def _base(soup: BeautifulSoup) -> str | None:
    """The page's `<base href>`, when it is a web address."""
    tag = soup.find("base", href=True)
    href = str(tag["href"]).strip() if tag else ""
    return href if href.lower().startswith(("http://", "https://")) else None


def _absolute(base: str, url: str) -> str:
    """A link relative to the page ("/p/slug", "notes.pdf") made whole against its base; one
    with a scheme, or only a fragment ("#market", a contents entry), stays as written."""
    url = url.strip()
    if not url or url.startswith("#") or _SCHEME.match(url):
        return url
    try:
        return urljoin(base, url)
    except ValueError:
        return url


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML fragment (raw HTML inside Markdown), lines counted from 1."""
    soup, where = _parse(text)
    boxes = _signup_boxes(soup)
    _clean(soup)
    _flatten(soup)
    return _Walker(where, _footnotes(soup), boxes).read(soup)


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
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or \
            tag.get("http-equiv")
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
        date_source="html" if date else None,
        publication=found.get("og:site_name"),
        author=found.get("author"),
        origins=[found["generator"]] if found.get("generator") else [],
        language=_language(soup, found),
        address=_address(soup, found),
    )


def _address(soup: BeautifulSoup, found: dict[str, str]) -> str | None:
    """The page's own web address: its canonical link, else its `og:url`."""
    tag = soup.find("link", rel="canonical", href=True)
    for url in (tag and str(tag["href"]), found.get("og:url")):
        if url and url.strip().lower().startswith(("http://", "https://")):
            return url.strip()
    return None


def _language(soup: BeautifulSoup, found: dict[str, str]) -> str | None:
    """`<html lang>`, else a `content-language` or `og:locale` meta tag."""
    root = soup.find("html")
    lang = root.get("lang") if root is not None else None
    if isinstance(lang, str) and lang.strip():
        return lang.strip()
    return found.get("content-language") or found.get("og:locale")


def _clean(soup: BeautifulSoup) -> None:
    for node in soup.find_all(string=lambda s: isinstance(s, _MARKUP)):
        node.extract()
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in _hidden(soup):
        tag.decompose()
    for tag in soup.find_all("label"):
        if _toggles_note(tag):
            tag.decompose()


def _toggles_note(label: Tag) -> bool:
    """A label that shows a sidenote on a narrow screen ("⊕", or a number drawn by the style
    sheet): right before the note, past the checkbox it works, and never its words."""
    for sibling in label.next_siblings:
        if isinstance(sibling, Tag) and sibling.name == "input" or \
                isinstance(sibling, NavigableString) and not sibling.strip():
            continue
        return isinstance(sibling, Tag) and _is_sidenote(sibling)
    return False


SIGNUP_BOX_WORDS = 60  # a sign-up box: its form and the few lines asking for the address


def _signup_boxes(soup: BeautifulSoup) -> set[int]:
    """The `id()`s of sign-up boxes: the element around a form asking for an e-mail address
    when it holds only a few lines more ("Get Field Notes in your inbox", "Join 4,000
    readers"): page furniture, in any language."""
    boxes: set[int] = set()
    for form in soup.find_all("form"):
        if not form.find("input", attrs={"type": re.compile("^email$", re.I)}) and \
                not form.find("input", attrs={"name": re.compile("mail", re.I)}):
            continue
        box = form.parent  # the form itself goes with the cleaning
        if isinstance(box, Tag) and box.name not in ("body", "html", "main", "article") and \
                len(box.get_text(" ").split()) <= SIGNUP_BOX_WORDS:
            boxes.add(id(box))
    return boxes


def _footnotes(soup: BeautifulSoup) -> set[int]:
    """Footnotes found by their links: a reference ("1", "[2]") linking to an element of the
    page that links back to it (or to the note's number, itself the link back, inside the
    note's element, as Substack writes them; or to an empty anchor, `<a name>` or `<a id>`,
    opening the note's paragraph, as mail columns write them), or set in superscript and
    linking on to a note that gives no way back. References and back links leave the text (no
    "imagined1"); the notes' elements (their `id()`s, returned), with the paragraphs that
    continue them, are read as notes."""
    refs = [a for a in soup.find_all("a", href=True) if "#" in str(a["href"])
            and _NOTE_MARK.match(a.get_text(strip=True))]
    if not refs:
        return set()
    targets = _targets(soup)
    order = {id(tag): n for n, tag in enumerate(soup.find_all(True))}
    aimed = {id(targets[f]) for f in map(_fragment, refs) if f in targets}
    notes: list[Tag] = []
    for ref in refs:
        if ref.attrs is None:  # a back link of a note read before, gone with it
            continue
        target = targets.get(_fragment(ref))
        holder = ref.parent if isinstance(ref.parent, Tag) and ref.parent.name == "sup" else ref
        if target is None or target is ref:
            continue
        own = {str(tag[key]) for tag in (ref, holder) for key in ("id", "name")
               if tag.has_attr(key)}
        note, back = _note_of(target, own)
        if any(parent is note for parent in holder.parents) or \
                sum(id(tag) in aimed for tag in [note, *note.find_all(True)]) > 1 or \
                not back and not (holder.name == "sup" and _one_way(note, holder, order)):
            continue  # (around its reference or another note's target: the page, the list)
        for link in back:
            link.decompose()
        holder.decompose()
        notes.append(note)
    return {id(tag) for tag in [*notes, *_continued(notes)]}


def _targets(soup: BeautifulSoup) -> dict[str, Tag]:
    """The elements a link within the page may point to: by their `id`, and anchors by their
    `name` (`<a name="footnote-1">`, as older mail writes them)."""
    found = {str(tag["name"]): tag for tag in soup.find_all("a", attrs={"name": True})}
    found.update({str(tag["id"]): tag for tag in soup.find_all(id=True)})
    return found


def _note_of(target: Tag, own: set[str]) -> tuple[Tag, list[Tag]]:
    """The note a reference points to, and its links back to the reference (`own` holds the
    reference's names): the target's element, or the one around it when the target is the
    note's number linking back (Substack) or an empty anchor opening the note's paragraph."""
    if target.name == "a" and isinstance(target.parent, Tag) and (
            _fragment(target) in own or not target.get_text(strip=True)):
        note = target.parent
        back = [target] if _fragment(target) in own else []
    else:
        note, back = target, []
    back += [a for a in note.find_all("a", href=True) if _fragment(a) in own and a not in back]
    return note, back


def _one_way(note: Tag, holder: Tag, order: dict[int, int]) -> bool:
    """A note a superscript reference points on to with no link back: an element after the
    reference, with words, and no heading."""
    return order.get(id(note), -1) > order.get(id(holder), -1) and \
        note.name not in ("h1", "h2", "h3", "h4", "h5", "h6", "body", "html") and \
        bool(note.get_text(strip=True))


def _continued(notes: list[Tag]) -> list[Tag]:
    """The paragraphs that go on with a note whose element is one paragraph (note 5's
    second): those between it and the next note beside it, and after the last note those
    set as the notes are (the same element and classes)."""
    found: list[Tag] = []
    ids = {id(note) for note in notes}
    for note in notes:
        if note.name not in BLOCK:
            continue
        after: list[Tag] = []
        for sibling in note.find_next_siblings(True):
            if id(sibling) in ids:
                found += after
                break
            if sibling.name not in BLOCK or sibling.name.startswith("h") and \
                    sibling.name[1:].isdigit():
                break
            after.append(sibling)
        else:
            found += takewhile(lambda tag, like=note: _set_as(tag, like), after)
    return found


def _set_as(tag: Tag, like: Tag) -> bool:
    """The same element with the same classes, some: a paragraph of the same note list."""
    classes = like.get_attribute_list("class")
    return tag.name == like.name and any(classes) and tag.get_attribute_list("class") == classes


def _fragment(link: Tag) -> str:
    """The element a link points to on the page: its fragment ("#footnote-1"), also when
    the link gives the page's whole address first, as Substack's e-mails write footnotes
    ("https://x.substack.com/p/post#footnote-1")."""
    return str(link.get("href", "")).partition("#")[2]


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
    if _PREHEADER.search(" ".join(tag.get_attribute_list("class") or []) + " " +
                         str(tag.get("id", ""))) and tag.find(_STRUCTURE) is None:
        return True
    style = re.sub(r"\s+", "", str(tag.get("style", "")).lower())
    if _HIDDEN.search(style):
        return True
    return bool(_SHRUNK.search(style)) and tag.find(_STRUCTURE) is None


@dataclass
class _Context:
    """What the blocks of one element become."""

    kind: str
    level: int
    number: list[int | None]  # shared by an item's paragraphs: only the first gets it
    line: int
    start: int  # how many blocks there were when the element began
    inside: bool = False  # within the page's one article (or main element)
    opened: list[bool] = field(default_factory=lambda: [False])  # a list entry's first block
    bold: bool = False  # set bold by its style ("<p style='font-weight:bold'>"): a bold line


@dataclass
class _Segment:
    """Inline text between `<br>`s."""

    breaks: int
    line: int
    end_line: int
    words: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    lead: str | None = None
    lead_kind: str | None = None
    in_page: list[str] = field(default_factory=list)  # words of its links within the page


class _Walker:
    def __init__(self, where: dict[int, int], notes: set[int] | None = None,
                 boxes: set[int] | None = None) -> None:
        self.where = where
        self.notes = notes or set()  # the `id()`s of the page's footnotes
        self.boxes = boxes or set()  # and of its sign-up boxes
        self.blocks: list[Block] = []
        self.run: list[_Segment] = []
        self.breaks = 0
        self.main: Tag | None = None
        self.holds_main: set[int] = set()
        self.held: list[Block] = []  # sidenotes read inside a paragraph, given after it

    def read(self, root: BeautifulSoup) -> list[Block]:
        self.main = _main_element(root)
        if self.main is not None:
            self.holds_main = {id(parent) for parent in self.main.parents}
        context = _Context("paragraph", 0, [None], 1, 0, self.main is None)
        self.walk(root, context)
        self.flush(context)
        return self.blocks

    def walk(self, node: Tag, context: _Context) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                self.text(str(child), self.where.get(id(child), context.line))
            elif isinstance(child, Tag) and child.name == "img" and not self.run and \
                    (banner := _banner_heading(child)):
                self.flush(context)
                line = child.sourceline or context.line
                # above every word of the page, a banner is the masthead's logo, no heading
                masthead = all(b.kind in ("chrome", "caption", "rule") for b in self.blocks)
                self.blocks.append(Block(banner, line, line, kind="chrome") if masthead else
                                   Block(banner, line, line, kind="heading", level=2))
            elif isinstance(child, Tag) and child.name == "img" and not self.run and \
                    (alt := _picture_alt(child)):
                self.flush(context)
                line = child.sourceline or context.line
                self.blocks.append(Block(alt, line, line, kind="caption"))
            elif not isinstance(child, Tag) or child.name == "img":
                continue
            elif child.name == "br":
                self.breaks += 1
            elif child.name in ("hr", "pre"):
                self.flush(context)
                self.blocks.extend(_leaf(child))
            elif child.name == "table" and is_data_table(child):
                self.flush(context)
                self.blocks.extend(_table_rows(child))
            elif child.name == "tr" and context.kind == "paragraph" and _card_row(child):
                self.flush(context)
                for cell in _cells(child):
                    self.grid_card(cell, context)
            elif child.name in BLOCK:
                self.flush(context)
                start = len(self.blocks)
                inner = self.context(child, context)
                self.walk(child, inner)
                self.flush(inner)
                if context.kind != "quote" and inner.kind == "quote" and _post_embed(child):
                    self.blocks[start:] = _post_blocks(self.blocks[start:])
            elif child.name == "a" and child.find(BLOCK) is not None:
                self.card(child, context)
            elif _is_sidenote(child) and context.kind not in ("chrome", "note"):
                self.sidenote(child, context)
            else:
                starts = not self.run or self.breaks > 0
                before = len(self.run)
                self.walk(child, context)
                if child.name == "a":
                    self.link(child)
                if starts and len(self.run) > before:
                    self.mark_lead(child, self.run[before])

    def context(self, tag: Tag, outer: _Context) -> _Context:
        line = tag.sourceline or outer.line
        start = len(self.blocks)
        inside = outer.inside or tag is self.main
        if outer.kind != "chrome" and _is_sidenote(tag):  # a note set in the margin
            return _Context("note", 0, [None], line, start, inside)
        if outer.kind == "chrome" or self.chrome(tag, outer):
            return _Context("chrome", outer.level, [None], line, start, inside)
        if outer.kind == "note" or id(tag) in self.notes:  # a footnote, with all it holds
            return _Context("note", 0, [None], line, start, inside)
        if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = STANDFIRST_LEVEL if _standfirst(tag) else int(tag.name[1])
            return _Context("heading", level, [None], line, start, inside)
        weight = _weight(tag)
        bold = outer.bold if weight is None else weight
        if tag.name == "li":
            depth = max(1, len(tag.find_parents(["ol", "ul"])))
            return _Context("item", depth, [_item_number(tag)], line, start, inside, bold=bold)
        if tag.name == "figcaption":  # a picture's caption, whatever its words
            return _Context("caption", outer.level, [None], line, start, inside)
        kind = "quote" if tag.name == "blockquote" or _post_embed(tag) else outer.kind
        number = outer.number if kind == "item" else [None]
        opened = outer.opened if kind == "item" else [False]
        return _Context(kind, outer.level, number, line, start, inside, opened, bold)

    def chrome(self, tag: Tag, outer: _Context) -> bool:
        """Page furniture by its markup: an aside or a footer anywhere, a container the page
        names as comments, the author's bio box, related posts or share buttons (inside a
        post's `<article>` in many themes), and with one article (or main element) on the page,
        whatever lies outside it (site header, related posts)."""
        if tag.name in ("aside", "footer") or id(tag) in self.boxes or \
                tag.name in _CONTAINERS and _furniture_named(tag):
            return True
        return not outer.inside and tag is not self.main and id(tag) not in self.holds_main

    def sidenote(self, tag: Tag, context: _Context) -> None:
        """A sidenote or margin note set inside a sentence (Tufte's `<span class="sidenote">`):
        a note of its own, given after its paragraph, and the sentence runs on past it with a
        space ("…into the background. That silence…"), never glued to the note's words."""
        blocks, run, breaks = self.blocks, self.run, self.breaks
        self.blocks, self.run, self.breaks = [], [], 0
        line = tag.sourceline or context.line
        inner = _Context("note", 0, [None], line, 0, context.inside)
        self.walk(tag, inner)
        self.flush(inner)
        self.held += self.blocks
        self.blocks, self.run, self.breaks = blocks, run, breaks
        if self.run:
            self.run[-1].words.append(" ")

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

    def mark_lead(self, tag: Tag, segment: _Segment) -> None:
        """A line that opens with a link or a bold run keeps it as its title; a button ("Join
        a count") titles nothing: it is a call, not a story's headline."""
        if tag.name == "a" and _is_button(tag):
            return
        kind = "link" if tag.name == "a" and tag.get("href") else "strong" if _is_bold(tag) \
            else None
        title = collapse(tag.get_text())
        if kind and title and (kind == "link" or segment.lead_kind != "link"):
            segment.lead, segment.lead_kind = title, kind

    def card(self, tag: Tag, context: _Context) -> None:
        """A link around blocks (a link preview: title, blurb, site name): its first line is
        a linked title and the lines under it are its text, not all one link's words."""
        self.flush(context)
        start = len(self.blocks)
        inner = self.context(tag, context)
        self.walk(tag, inner)
        self.flush(inner)
        href = str(tag.get("href", "")).strip()
        if start == len(self.blocks) or not _followable(href):
            return
        above = self.blocks[start - 1] if start else None
        if _card_kicker(self.blocks[start:]):
            self.blocks[start].kind = "chrome"  # the site's name over the title
            start += 1
        title = self.blocks[start]
        title.links = [Link(title.text, href)]
        title.lead, title.lead_kind = title.text, "link"
        if above is not None and _repeats_title(above, title, href):
            above.kind = "chrome"
        end = len(self.blocks)
        while end - 1 > start and _card_source(self.blocks[end - 1]):
            end -= 1  # its last short lines name the site and author: the card's furniture
            self.blocks[end].kind = "chrome"
        for block in self.blocks[start + 1:end]:  # a heading under the title is its blurb
            if block.kind == "heading":
                block.kind, block.level = "paragraph", 0

    def grid_card(self, cell: Tag, context: _Context) -> None:
        """One cell of a row of cards (a shop's products, three stories side by side): its
        picture, title, short lines and button as one list entry, titled by its first line
        in bold or linked (else its first line) and linked where its links go."""
        start = len(self.blocks)
        inner = self.context(cell, context)
        self.walk(cell, inner)
        self.flush(inner)
        lines = [b for b in self.blocks[start:] if b.kind not in ("caption", "chrome")]
        if len(lines) > 1 and _is_call(lines[-1]):
            lines.pop()  # its button ("Shop now"): the entry links where it goes
        del self.blocks[start:]
        if not lines:
            return
        title = next((b for b in lines if b.lead_kind and b.lead == b.text), lines[0])
        rest = [b.text for b in lines if b is not title]
        href = _first_href(cell)
        links = [Link(title.text, href)] if href else []
        self.blocks.append(Block(
            " · ".join([title.text, *rest]),
            cell.sourceline or context.line, max(b.end_line for b in lines), "item", 1,
            links=links, lead=title.text, lead_kind="link" if links else "strong"))

    def link(self, tag: Tag) -> None:
        href = str(tag.get("href", "")).strip()
        text = collapse(tag.get_text())
        if href.startswith("#") and text and self.run:
            self.run[-1].in_page.append(text)  # not kept: the page it points into is not ours
        if not text or not _followable(href):
            return
        if self.run:
            self.run[-1].links.append(Link(text, href))
        elif self.blocks:
            self.blocks[-1].links.append(Link(text, href))

    def flush(self, context: _Context) -> None:
        groups: list[list[_Segment]] = []
        for segment in self.run:
            if not groups or (segment.breaks and not _continues(groups[-1][-1], segment)):
                groups.append([])
            groups[-1].append(segment)
        self.run, self.breaks = [], 0
        for group in groups:
            text = collapse(" ".join("".join(s.words) for s in group))
            if not text:
                continue
            line = context.line if len(self.blocks) == context.start else group[0].line
            kind = context.kind
            if kind == "item":  # an entry's later paragraphs continue it, as in Markdown
                kind, context.opened[0] = "paragraph" if context.opened[0] else kind, True
            if kind == "paragraph" and [t for s in group for t in s.in_page] == [text] and \
                    len(text.split()) <= IN_PAGE_WORDS:
                kind = "chrome"  # "Back to top", "↑ Top": a way around the page
            block = Block(text, line, max(line, group[-1].end_line), kind, context.level)
            block.number, context.number[0] = context.number[0], None
            block.links = [link for segment in group for link in segment.links]
            block.lead, block.lead_kind = group[0].lead, group[0].lead_kind
            if context.bold and block.lead_kind is None:  # a line its element sets in bold
                block.lead, block.lead_kind = text, "strong"
            self.blocks.append(block)
        self.blocks += self.held
        self.held = []


_SIDENOTE = re.compile(r"^(?:side|margin)-?notes?$")  # Tufte CSS and the themes after it


def _is_sidenote(tag: Tag) -> bool:
    """An element the page names a sidenote or margin note (`class="sidenote"`,
    `"marginnote"`): a note beside the sentence, not its words."""
    return any(_SIDENOTE.match(str(c).lower()) for c in tag.get_attribute_list("class") or []
               if c)


def _cells(row: Tag) -> list[Tag]:
    return [c for c in row.find_all(["td", "th"], recursive=False)]


def _card_row(row: Tag) -> bool:
    """A row of two or more cards side by side: each cell a picture, a few short lines (at
    most CARD_CELL_WORDS words) and a link."""
    cells = _cells(row)
    return len(cells) >= 2 and all(
        any(_is_picture(image) for image in cell.find_all("img"))
        and cell.find("a", href=True) is not None
        and 0 < len(cell.get_text(" ").split()) <= CARD_CELL_WORDS for cell in cells)


def _is_picture(image: Tag) -> bool:
    """An image as large as a picture, as its attributes say (not an icon or a pixel)."""
    sizes = [str(image.get(side) or "").removesuffix("px") for side in ("width", "height")]
    return not any(size.isdigit() and int(size) < PICTURE_MIN for size in sizes)


def _first_href(cell: Tag) -> str | None:
    hrefs = (str(anchor.get("href", "")).strip() for anchor in cell.find_all("a", href=True))
    return next((href for href in hrefs if _followable(href)), None)


def _followable(href: str) -> bool:
    """An address a link leads somewhere by: not empty, a script or a place in this page."""
    return bool(href) and not href.lower().startswith(("javascript:", "#"))


def _is_call(block: Block) -> bool:
    """A line that is one short link and nothing else: a card's button."""
    return len(block.links) == 1 and block.links[0].text == block.text and \
        len(block.text.split()) <= CARD_FIELD_WORDS


_STANDFIRST = re.compile(r"(?:^|[-_])(?:sub-?title|dek|deck|standfirst|strapline)(?:$|[-_])")


_CONTAINERS = frozenset({"div", "section", "ol", "ul", "nav", "details"})
# Names themes give the furniture they put inside a post (WordPress, Ghost, Jetpack, YARPP).
_FURNITURE_NAME = re.compile(
    r"^(?:comments?(?:-area|-list|-section|-wrapper)?|commentlist|comment-respond|respond|"
    r"author-(?:bio|box|info)|about-author|related(?:-posts|-articles|-stories)?|"
    r"jp-relatedposts|yarpp-related|sharedaddy|share-?(?:buttons|row|bar)|social-share|"
    r"post-navigation|nav-links|newsletter-signup|subscribe-box)$")


def _furniture_named(tag: Tag) -> bool:
    names = [str(c).lower() for c in tag.get_attribute_list("class") or [] if c]
    return any(_FURNITURE_NAME.match(n) for n in [*names, str(tag.get("id") or "").lower()])


STANDFIRST_LEVEL = 7  # below every heading of the markup, as a bold line is


def _standfirst(tag: Tag) -> bool:
    """A heading element the page calls a subtitle (Substack's `<h3 class="subtitle">` under
    the post's title, at the level of the essay's own subheads): read below every markup
    heading, so that under the title it is the issue's subtitle, never a section's heading."""
    return any(_STANDFIRST.search(str(c).lower()) for c in tag.get_attribute_list("class") or []
               if c)


# Class names the networks' embed codes and the mail platforms' post cards give someone
# else's post (X, Bluesky, Mastodon, Threads, Instagram; Substack and beehiiv draw a "tweet").
_POST_EMBED = re.compile(
    r"^(?:twitter-tweet|tweet|embedded-tweet|bluesky-embed|bluesky-wrap|mastodon-embed|"
    r"threads-embed|text-post-media|instagram-media)$")
_HANDLE = re.compile(r"(?<![\w@])@[\w][\w.-]*(?:@[\w-]+(?:\.[\w-]+)+)?")
_ADDRESS_WORD = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
POST_FIELD_WORDS = 10  # a post card's date, counts or author line, set apart from its text
_FIELD_SEPARATOR = re.compile(r"\s[·•|∙]\s")


def _post_embed(tag: Tag) -> bool:
    """An element whose class names an embedded post of a social network."""
    return tag.name in BLOCK and any(
        _POST_EMBED.match(str(c).lower()) for c in tag.get_attribute_list("class") or [] if c)


def _post_field(block: Block) -> bool:
    """A post card's line that is no part of the post: its author and @handle, its date and
    time, its counts ("2,318 Likes", "♡ 488 · ⇄ 61"), "View on …": short, no sentence, and
    a few words, a handle, figures or fields set apart by dots."""
    text = block.text
    if len(block.links) == 1 and block.links[0].text == text and \
            len(text.split()) <= POST_FIELD_WORDS:
        return True  # "View on Bluesky", "View this post on Instagram": a link back to it
    if ENDS_SENTENCE.search(text):
        return False
    fields = _FIELD_SEPARATOR.split(text)
    if len(fields) > 1 and all(len(f.split()) <= CARD_FIELD_WORDS for f in fields):
        return True
    return len(text.split()) <= CARD_FIELD_WORDS or len(text.split()) <= POST_FIELD_WORDS and (
        bool(_HANDLE.search(text)) or any(c.isdigit() for c in text))


def _post_blocks(blocks: list[Block]) -> list[Block]:
    """Someone else's post drawn as a card: its text is a quote, its author's name and
    handle the quote's attribution under it ("— Ana Ruiz (@anaruiz)"), and its date, counts
    and links back to the network chrome; a card with no text ("Post by @ana") is all chrome."""
    lines = [i for i, b in enumerate(blocks) if b.kind not in ("caption", "rule")]
    text = [i for i in lines if not _post_field(blocks[i])]
    for i in lines:
        blocks[i].kind = "chrome"
    if not text:
        return blocks
    first, last = text[0], text[-1]
    for i in range(first, last + 1):
        blocks[i].kind, blocks[i].level = "quote", 0
        _drop_picture_link(blocks[i])
    if any(blocks[i].text[:1] in "—–" for i in lines if i > last):
        for i in lines:  # the network's own "— Name (@handle) date" line says who wrote it
            if i > last and blocks[i].text[:1] in "—–":
                blocks[i].kind = "quote"
        return blocks
    credit = _post_credit([blocks[i] for i in lines if i < first])
    if credit is None:
        return blocks
    return [*blocks[:last + 1], credit, *blocks[last + 1:]]


def _drop_picture_link(block: Block) -> None:
    """A post's text ends with its picture's address written out ("pic.x.com/a1b2"): no words."""
    last = block.text.rsplit(" ", 1)
    if len(last) == 2 and _ADDRESS_WORD.match(last[1]) and \
            any(link.text.startswith(last[1]) for link in block.links):
        block.text = last[0]
        block.links = [link for link in block.links if not link.text.startswith(last[1])]


def _post_credit(header: list[Block]) -> Block | None:
    """The attribution a post card's header gives: its author's name and @handle."""
    at = next((i for i, b in enumerate(header) if _HANDLE.search(b.text)), None)
    if at is None:
        return None
    handle = _HANDLE.search(header[at].text)
    assert handle is not None
    name = header[at].text.replace(handle.group(), " ").strip(" ()·•|")
    if not name and at > 0:
        name = header[at - 1].text.strip()
    words = f"{collapse(name)} ({handle.group()})" if name else handle.group()
    block = header[at]
    return Block(f"— {words}", block.line, block.end_line, kind="quote")


def _card_source(block: Block) -> bool:
    """A short line that is no sentence ("Wood Journal · Priya Nand"), or short fields set
    apart by dots ("a year ago · 212 likes · Mara Quinn")."""
    if block.kind != "paragraph" or ENDS_SENTENCE.search(block.text):
        return False
    fields = re.split(r"\s[·•|]\s", block.text)
    return len(block.text.split()) <= CARD_FIELD_WORDS or len(fields) > 2 and all(
        len(f.split()) <= CARD_FIELD_WORDS for f in fields)


def _repeats_title(line: Block, title: Block, href: str) -> bool:
    """A line that is only a link to the page the card below it shows, in its title's words:
    the card says it once, with its blurb."""
    if line.kind != "paragraph" or line.text != title.text or len(line.links) != 1 or \
            line.links[0].text != line.text:
        return False
    key = story_key(line.links[0].url)
    return key is not None and key == story_key(href)


def _card_kicker(blocks: list[Block]) -> bool:
    """A card opening with a site's name over its title: a line of a few words, then a line
    that is no sentence either, then more."""
    if len(blocks) < 3 or blocks[0].kind != "paragraph":
        return False
    first, second = blocks[0].text, blocks[1].text
    return len(first.split()) <= CARD_FIELD_WORDS and not ENDS_SENTENCE.search(first) and \
        blocks[1].kind in ("paragraph", "heading") and not ENDS_SENTENCE.search(second) and \
        len(second.split()) <= CARD_TITLE_WORDS


def _main_element(root: BeautifulSoup) -> Tag | None:
    """Where the page's content is: its one `<article>` (those inside it, a post's comments,
    go with it), or of several, the one holding the page's one `<h1>` (a post above its
    comments, each an article of its own); else its one `<main>`."""
    articles = [a for a in root.find_all("article") if a.find_parent("article") is None]
    if len(articles) == 1:
        return articles[0]
    titles = root.find_all("h1", limit=2)
    if len(articles) > 1 and len(titles) == 1:
        holder = next((a for a in titles[0].parents if a in articles), None)
        if holder is not None:
            return holder
    found = root.find_all("main", limit=2)
    return found[0] if len(found) == 1 else None


def _continues(before: _Segment, after: _Segment) -> bool:
    """A line after one `<br>` that goes on with an unfinished sentence (text pasted with
    hard breaks); any other line after a `<br>` is a line of its own."""
    if after.breaks > 1:
        return False
    last = "".join(before.words).rstrip()
    first = "".join(after.words).lstrip()
    return bool(last) and last[-1] not in ".!?:…" and first[:1].islower()


def _is_button(link: Tag) -> bool:
    """A link drawn as a button: a class saying so ("button", "kg-btn", "mcnButton"), or a
    background with padding or rounded corners on it or on the cell it fills alone."""
    for tag in (link, link.parent):
        if not isinstance(tag, Tag) or tag is not link and _more_tags_than(tag, BUTTON_CELL_TAGS):
            continue
        classes = [str(c).lower() for c in tag.get_attribute_list("class") or [] if c]
        if any("button" in c or "btn" in c.split("-") or c.endswith("btn") for c in classes):
            return True
        style = re.sub(r"\s+", "", str(tag.get("style", "")).lower())
        if "background" in style and ("padding" in style or "border-radius" in style):
            return True
    return False


def _more_tags_than(tag: Tag, most: int) -> bool:
    """Whether the element holds more than `most` elements (counting stops there: a link's
    parent may be the whole page)."""
    inside = (node for node in tag.descendants if isinstance(node, Tag))
    return next(islice(inside, most, None), None) is not None


def _is_bold(tag: Tag) -> bool:
    return tag.name in ("strong", "b") or bool(_weight(tag))


def _weight(tag: Tag) -> bool | None:
    """Whether the element's style sets it in bold (True) or back to normal (False)."""
    style = re.sub(r"\s+", "", str(tag.get("style", "")).lower())
    if _BOLD.search(style):
        return True
    return False if _NORMAL.search(style) else None


def _banner_heading(image: Tag) -> str | None:
    """The words of a heading set as a picture: a banner (BANNER_RATIO times as wide as it is
    tall, as its width and height say) with a few words of alternative text, not a link."""
    alt = collapse(str(image.get("alt") or ""))
    try:
        width, height = int(str(image.get("width"))), int(str(image.get("height")))
    except ValueError:
        return None
    if not alt or len(alt.split()) > BANNER_WORDS or height < BANNER_MIN_HEIGHT or \
            width < max(BANNER_RATIO * height, BANNER_MIN_WIDTH) or \
            image.find_parent("a") is not None:
        return None
    return alt


def _picture_alt(image: Tag) -> str | None:
    """A picture's alternative text, read as a caption (as Markdown's image paragraphs are):
    it tells the paragraphs above a picture from the caption under it. Icons and pixels
    (under PICTURE_MIN pixels wide or tall, as their attributes say) give none."""
    alt = collapse(str(image.get("alt") or ""))
    return alt if alt and _is_picture(image) else None


def _rows(table: Tag) -> list[list[Tag]]:
    rows = [r for r in table.find_all("tr") if r.find_parent("table") is table]
    return [[c for c in r.find_all(["td", "th"], recursive=False)] for r in rows]


def is_data_table(table: Tag) -> bool:
    """A table of data, not of layout: header cells, or a uniform grid of short cells (each
    may set its text in one paragraph, as Word, Outlook and Google Docs write every cell)."""
    if table.find("table") is not None or table.find(_LAYOUT_INSIDE - _CELL_TEXT) is not None:
        return False
    rows = [r for r in _rows(table) if r]
    if not rows or any(len(c.find_all(_CELL_TEXT)) > 1 for r in rows for c in r):
        return False
    if any(c.name == "th" for c in rows[0]) and len(rows) > 1:
        return True
    widths = {len(r) for r in rows}
    short = all(len(c.get_text().split()) <= DATA_CELL_WORDS for r in rows for c in r)
    return len(rows) >= 2 and len(widths) == 1 and widths.pop() >= 2 and short


def _table_rows(table: Tag) -> list[Block]:
    """A row per block, its cells joined by " | "; in a table of links (every row below the
    header opening with a cell that is one link), each row is a list entry titled by its
    link, and the header row, naming the columns, is chrome."""
    blocks = []
    rows = [row for row in _rows(table) if row]
    headed = all(c.name == "th" for c in rows[0]) if rows else False
    body = rows[1:] if headed else rows
    listed = len(body) >= 2 and all(_link_cell(row) is not None for row in body)
    for row in rows:
        cells = [collapse(c.get_text(" ")) for c in row]
        text = " | ".join(cells)
        if not text.strip(" |"):
            continue
        line = row[0].sourceline or table.sourceline or 1
        links = [Link(collapse(a.get_text()), str(a.get("href", "")).strip())
                 for c in row for a in c.find_all("a", href=True) if collapse(a.get_text())]
        block = Block(text, line, line, kind="row", links=links)
        if listed and row is rows[0] and headed:
            block.kind = "chrome"
        elif listed:
            title = _link_cell(row)
            block.kind, block.level, block.lead, block.lead_kind = "item", 1, title, "link"
        blocks.append(block)
    return blocks


def _link_cell(row: list[Tag]) -> str | None:
    """The text of a row's first cell when it is one link and nothing else."""
    anchors = row[0].find_all("a", href=True)
    text = collapse(row[0].get_text(" "))
    return text if len(anchors) == 1 and text and collapse(anchors[0].get_text(" ")) == text \
        else None


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
