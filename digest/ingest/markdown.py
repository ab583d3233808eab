"""Markdown reader: markdown-it-py's token stream to blocks, front matter to metadata.

Front matter may be YAML (between `---` lines), TOML (between `+++` lines) or a Pelican-style
`Key: value` header; its lines give no blocks, and block line numbers stay those of the file.
HTML comments are dropped and raw HTML keeps only its visible text.
"""

from __future__ import annotations

import copy
import re
import tomllib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from digest.datewords import month_number, opens_with_day, written_date
from digest.model import Block, Link, Meta, Part
from digest.textwords import SENTENCE_ENDS, lone_emoji

from . import markdown_rs
from .clippings import WIKILINK_VALUE, clipped
from .dates import parse_date
from .decode import clean_line, collapse, normalize_newlines
from .markup import without_tool_markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# markdown-it skips whatever lies past MAX_NESTING block levels, and everything after it in the
# container; lines are flattened first (_shallow) so that no real text reaches that depth.
MAX_NESTING = 120
MAX_MARKERS, MAX_INDENT = 20, 40  # list or quote markers opening one line; leading columns
_MARKER = r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)"
_MARKERS, _KEPT = re.compile(f"^(?:{_MARKER})+"), re.compile(f"^(?:{_MARKER}){{{MAX_MARKERS}}}")
_PELICAN_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,30}):(?:[ \t]+(.*))?$")
_YAML_KEY = re.compile(r"^\s*[\w-]+\s*:")
_SCRIPT_OPEN = re.compile(r"^<(script|style)\b", re.IGNORECASE)
_LEAD_HTML = re.compile(r"^<(strong|b|a)(?:\s[^>]*)?>$", re.IGNORECASE)
# Leftover template markup: undefined image references used as badges, Liquid/Jinja tags.
# (A tag holds no brace, and spaces before one are taken from the first: a run of "{" or of
# spaces then takes linear time, not quadratic.)
_LEFTOVER = re.compile(r"(?<!\S)!\[[^\]\n]*\](?!\S)|\{%[^{}\n]*?%\}|\{\{[^{}\n]*?\}\}")
# "Hi {{name}},": the tag and the spaces before it, before a mark
_LEFTOVER_BEFORE_MARK = re.compile(rf"(?<!\s)\s*(?:{_LEFTOVER.pattern})(?=[,.!?;:])")
# Footnotes of Markdown's common extension: a reference ("…failed.[^1]") and a definition
# opening a paragraph ("[^1]: One of them failed twice.").
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")
_FOOTNOTE = re.compile(r"^\[\^[^\]\s]{1,20}\]:\s")
NOTE_GAP = 2  # lines from a footnote's end to its next paragraph, set in under it
_MONTH_YEAR = re.compile(r"^([^\W\d_]{3,12})\.?\s+\d{4}$")  # "November 2026", after "23. "
_TITLE_ENDS = SENTENCE_ENDS + ":：—–-|·,;"  # a title ending so is set off already


def read_markdown(text: str, parser: str = "auto") -> Part:
    """`parser` "auto": markdown-it-pyrs where installed and able, else markdown-it-py (the
    same blocks, slower); "python": markdown-it-py always."""
    lines = normalize_newlines(text).removeprefix("\ufeff").split("\n")
    size, fields = front_matter(lines)
    if not fields:
        fields = _properties(lines)
    rest = lines[size:]
    found, left_out = clipped(rest, fields)
    for key, value in found.items():
        fields.setdefault(key, value)
    body = "\n" * size + "\n".join(map(_shallow, without_tool_markup(rest)))
    tokens = None if parser == "python" else markdown_rs.tokens(body, MAX_NESTING)
    if tokens is None:
        tokens = python_parser().parse(body)
    notices = [f"the reader's own highlights and notes ({left_out} lines) left out"] \
        if left_out else []
    return Part(blocks=_Blocks().read(tokens), meta=meta_from(fields), notices=notices)


@lru_cache(maxsize=1)
def python_parser() -> MarkdownIt:
    """markdown-it-py, set up as the reader needs it (imported only when the Rust parser is
    missing or gives up: a fiftieth of a second of a worker's start-up)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Links are kept exactly as written: whether one is safe to show is the renderer's
    # decision, and skipping markdown-it's percent-encoding makes parsing a fifth faster.
    parser.normalizeLink = parser.normalizeLinkText = lambda url: url
    parser.validateLink = lambda url: True
    parser.options["maxNesting"] = MAX_NESTING
    return parser


PROPERTY_LINES = 3
_PROPERTY = re.compile(r"^([A-Z][\w’' -]{0,30}?):[ \t]+(\S.*)$")


def _properties(lines: list[str]) -> dict[str, Any]:
    """A note app's page properties right under its title, as Notion exports them ("Status:
    Published", "Date: March 10, 2026", "Author: Kwame Oduya"): three or more lines of fields,
    one a date, read as front matter and taken out of the text (their lines left blank)."""
    at = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    if at == len(lines) or not lines[at].startswith("# "):
        return {}
    start = at + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and _PROPERTY.match(lines[end]):
        end += 1
    if end - start < PROPERTY_LINES or end < len(lines) and lines[end].strip():
        return {}
    fields = {m[1].strip().lower(): m[2].strip() for m in map(_PROPERTY.match, lines[start:end])
              if m is not None}
    dated = {key: value for key, value in fields.items()
             if key.split()[0] in DATE_KEYS and key not in fields.keys() & DATE_KEYS}
    fields.update({key.split()[0]: value for key, value in dated.items()
                   if key.split()[0] not in fields})  # "Created time" as "created"
    if not fields.keys() & set(DATE_KEYS):
        return {}
    for key in fields.keys() & set(DATE_KEYS):  # "March 10, 2026", "10. März 2026"
        fields[key] = parse_date(fields[key]) or written_date(fields[key]) or fields[key]
    lines[start:end] = [""] * (end - start)
    return fields


def _shallow(line: str) -> str:
    """A line nested past MAX_MARKERS markers or MAX_INDENT columns, brought up to them."""
    found = _MARKERS.match(line)
    # (n markers take 2n - 1 characters at least: a shorter run holds too few to count)
    if found and len(found[0]) > 2 * MAX_MARKERS and \
            len(re.findall(r"[-*+>]|\d[.)]", found[0])) > MAX_MARKERS:
        kept = _KEPT.match(line)
        line = (kept[0] if kept else "") + line[found.end():]
    if not line.startswith((" ", "\t")):  # not indented
        return line
    indent = len(line) - len(line.lstrip(" \t"))
    if len(line[:indent].expandtabs(4)) > MAX_INDENT:
        line = " " * MAX_INDENT + line[indent:]
    return line


def front_matter(lines: list[str]) -> tuple[int, dict[str, Any]]:
    """How many leading lines are front matter, and its fields with lower-case keys."""
    first = lines[0].rstrip() if lines else ""
    if first not in ("---", "+++"):
        return _pelican(lines)
    closers = ("---", "...") if first == "---" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if end is None:
        return 0, {}
    inner = "\n".join(lines[1:end])
    fields = _yaml(inner) if first == "---" else _toml(inner)
    return (0, {}) if fields is None else (end + 1, _with_own_fields(fields))


# The tables a site generator keeps a post's own fields in, beside those it knows (Zola's
# `[extra]`, Hugo's `[params]`): `author` or `series` under `[extra]` are the post's.
OWN_TABLES = ("extra", "params")


def _with_own_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields, with those of an own-fields table where the top level lacks them."""
    for table in OWN_TABLES:
        if isinstance(fields.get(table), dict):
            for key, value in _lower(fields[table]).items():
                fields.setdefault(key, value)
    return fields


@lru_cache(maxsize=1)
def _loader() -> type:
    """Safe loading, with an impossible timestamp (`2024-02-30`) kept as its string."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node: yaml.Node) -> object:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _yaml(inner: str) -> dict[str, Any] | None:
    if not inner.strip():
        return {}
    import yaml  # only for YAML front matter

    try:
        data = yaml.load(inner, Loader=_loader())
    except (yaml.YAMLError, ValueError):
        return {} if _YAML_KEY.match(inner) else None
    return _lower(data) if isinstance(data, dict) else None


def _toml(inner: str) -> dict[str, Any]:
    try:
        return _lower(tomllib.loads(inner))
    except tomllib.TOMLDecodeError:
        return {}


def _pelican(lines: list[str]) -> tuple[int, dict[str, Any]]:
    fields: dict[str, Any] = {}
    key = ""
    count = len(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            count = index
            break
        match = _PELICAN_LINE.match(line)
        if match:
            key = match[1].strip().lower()
            fields[key] = (match[2] or "").strip()
        elif key and line[:1] in (" ", "\t"):
            fields[key] = f"{fields[key]} {line.strip()}"
        else:
            return 0, {}
    if not {"title", "date"} & fields.keys():
        return 0, {}
    return count, fields


def _lower(data: dict[Any, Any]) -> dict[str, Any]:
    return {str(key).strip().lower(): value for key, value in data.items()}


# The keys a site generator or platform export keeps a post's date under (Jekyll and Hugo
# `date`, Astro `pubDate`, Hugo `publishDate`, Ghost `published_at`, Eleventy `created`…).
DATE_KEYS = ("date", "pubdate", "publishdate", "publish_date", "published", "published_at",
             "date_published", "created", "created_at")


def meta_from(fields: dict[str, Any]) -> Meta:
    def first(*keys: str) -> str | None:
        for key in keys:
            value = _text(fields.get(key))
            if value:
                return value
        return None

    date = next((fields[key] for key in DATE_KEYS if fields.get(key)), None)
    if isinstance(date, dict):  # MkDocs' blog: `date: {created: 2026-03-16, updated: …}`
        date = next((value for key, value in _lower(date).items() if key in DATE_KEYS), None)
    return Meta(
        title=first("title", "subject"),
        date=parse_date(date),
        # Pelican's one `Category` names the newsletter; Jekyll's `categories` are topics; a
        # Hugo post's `series` is the run of issues it belongs to
        publication=first("publication", "newsletter", "series") or (
            _text(fields["category"]) if isinstance(fields.get("category"), str) else None),
        publisher=first("publisher"),
        author=first("author", "authors"),
        language=first("lang", "language", "locale"),
        address=next((value for value in map(_text, (fields.get(key) for key in ADDRESS_KEYS))
                      if value and value.startswith(("https://", "http://"))), None),
    )


# The keys a page's own web address is kept under (a clipping's `url` or `source`, a site
# generator's `canonical_url`); an address is used only when it is a whole web address.
ADDRESS_KEYS = ("address", "canonical_url", "canonicalurl", "original_url", "url", "source")


def _text(value: object) -> str | None:
    """A field's words: the first of a list, a note app's wikilink as its words ("[[Johanna
    Wiesner]]", as Obsidian's Web Clipper writes an author)."""
    if isinstance(value, list | tuple):
        value = next((item for item in value if isinstance(item, str) and item.strip()), None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return collapse(WIKILINK_VALUE.sub(r"\1", str(value))) or None
    return None



class _Blocks:
    """Walks the token stream, keeping track of lists, items and quotes around each paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[str] = []  # "list" | "item" | "quote", innermost last
        self.number: int | None = None  # the number of the current item, until it is used
        self.item_used = False  # the current item's first paragraph has been read
        self.row: list[tuple[str, list[Link]]] | None = None
        self.in_comment = False

    def read(self, tokens: list[Token]) -> list[Block]:
        opened: Token | None = None
        for token in tokens:
            kind = token.type
            if kind in {"bullet_list_open", "ordered_list_open"}:
                self.stack.append("list")
            elif kind == "list_item_open":
                self.stack.append("item")
                self.number = int(token.info) if token.info.isdigit() else None
                self.item_used = False
            elif kind == "blockquote_open":
                self.stack.append("quote")
            elif kind in {"bullet_list_close", "ordered_list_close", "list_item_close",
                          "blockquote_close"}:
                self.stack.pop()
            elif kind in {"paragraph_open", "heading_open"}:
                opened = token
            elif kind == "tr_open":
                self.row, opened = [], token
            elif kind == "tr_close":
                self._row(opened)
            elif kind == "inline":
                self._inline(token, opened)
            elif kind == "code_block" and self._after_note(token):
                self._note_continued(token)
            elif kind in {"fence", "code_block"}:
                self._code(token)
            elif kind == "hr":
                line = _lines(token)[0]
                self.blocks.append(Block(text="", line=line, end_line=line, kind="rule"))
            elif kind == "html_block" and not _only_comment(token.content):
                from .html import html_blocks  # BeautifulSoup, imported only when needed

                offset = _lines(token)[0] - 1
                for block in html_blocks(token.content):
                    block.line += offset
                    block.end_line += offset
                    self.blocks.append(block)
        return self.blocks

    def _inline(self, token: Token, opened: Token | None) -> None:
        if self.row is not None:  # a table cell: its text and links, no title
            self.row.append(self._plain(token))
            return
        if opened is not None and opened.type == "paragraph_open":
            token = self._picture_over_text(token)
            fields = _field_lines(token) or _detail_lines(token) \
                if "item" not in self.stack else None
            if fields:  # (an entry's lines stay its text: "[RFC PR #1184](…):" / "RFC: …")
                for line in fields:
                    self._inline(line, opened)
                return
        lead, lead_kind = opening_title(token.children or [])
        text, links = self._plain(token, lead)
        if not text or opened is None:
            return
        line, end = _lines(token)
        block = Block(text=text, line=line, end_line=end, links=links)
        block.lead, block.lead_kind = lead, lead_kind
        if opened.type == "heading_open" and "quote" not in self.stack:
            block.kind, block.level = "heading", int(opened.tag[1:])
        elif opened.type == "paragraph_open" and _only_images(token.children or []):
            block.kind = "caption"  # a picture's alt text, not the issue's
        elif opened.type == "paragraph_open" and _FOOTNOTE.match(token.content):
            block.kind = "note"  # the footnotes, at its end
        else:
            self._place(block)
        self.blocks.append(block)

    def _picture_over_text(self, token: Token) -> Token:
        """A paragraph opening with a picture alone on its first line ("![Tulips](t.jpg)"
        over "*Photo: Ines Alvarez*"): the picture's alt text is a caption block of its own,
        and what follows it (the token given back) is read as the paragraph."""
        children = token.children or []
        if not children or children[0].type in {"text", "text_special"} and \
                children[0].content.strip():  # text first: no picture over it
            return token
        first = next((n for n, c in enumerate(children)
                      if c.type in {"softbreak", "hardbreak"}), None)
        if first is None or not _only_images(children[:first]) or \
                _only_images(children[first + 1:]) or \
                not any(c.type != "softbreak" and c.type != "hardbreak" and
                        (c.content.strip() or c.type != "text") for c in children[first + 1:]):
            return token
        line = _lines(token)[0]
        alt = collapse(" ".join(c.content for c in children[:first] if c.type == "image"))
        if alt:
            self.blocks.append(Block(text=alt, line=line, end_line=line, kind="caption"))
        start, end = token.map or (line - 1, line)
        rest = copy.copy(token)  # either parser's token class
        rest.children, rest.map = children[first + 1:], [start + 1, max(end, start + 2)]
        return rest

    def _place(self, block: Block) -> None:
        """Kind, level and number of a paragraph from the containers around it."""
        inner = next((c for c in reversed(self.stack) if c != "list"), None)
        if inner == "item" and not self.item_used and _date_not_item(self.number, block.text):
            block.text, self.number = f"{self.number}. {block.text}", None
            self.item_used = True
            block.level = self.stack.count("list") - 1
        elif inner == "item" and not self.item_used:
            block.kind, block.level = "item", self.stack.count("list")
            block.number, self.number = self.number, None
            self.item_used = True
        elif inner == "quote":
            block.kind = "quote"
            block.level = self.stack.count("list")  # a quote inside a list entry continues it
        else:
            block.level = self.stack.count("list")  # an entry's second paragraph continues it

    def _row(self, opened: Token | None) -> None:
        cells, self.row = self.row or [], None
        text = " | ".join(cell for cell, _ in cells)  # an empty cell keeps its column
        if text.strip(" |") and opened is not None:
            line, end = _lines(opened)
            block = Block(text=text, line=line, end_line=end)
            block.links = [link for _, links in cells for link in links]
            self._place(block)
            if block.kind == "paragraph":
                block.kind = "row"
            self.blocks.append(block)

    def _after_note(self, token: Token) -> bool:
        """An indented block right under a footnote's definition (a blank line between) goes
        on with the note, as the footnote extension reads it, not a code sample."""
        last = self.blocks[-1] if self.blocks else None
        return last is not None and last.kind == "note" and \
            _lines(token)[0] - last.end_line <= NOTE_GAP

    def _note_continued(self, token: Token) -> None:
        """The paragraphs of a footnote after its first (indented under its definition), read
        as Markdown and kept as notes."""
        offset = _lines(token)[0] - 1
        inner = markdown_rs.tokens(token.content, MAX_NESTING) or \
            python_parser().parse(token.content)
        for block in _Blocks().read(inner):
            block.line, block.end_line = block.line + offset, block.end_line + offset
            if block.kind != "rule":
                block.kind, block.level = "note", 0
                self.blocks.append(block)

    def _code(self, token: Token) -> None:
        text = "\n".join(clean_line(line).rstrip() for line in token.content.split("\n"))
        if text.strip("\n"):
            line, end = _lines(token)
            self.blocks.append(Block(text=text.strip("\n"), line=line, end_line=end, kind="code"))

    def _plain(self, token: Token, lead: str | None = None) -> tuple[str, list[Link]]:
        """The readable text of an inline token, and its links. A `lead` (the bold or linked
        title it opens with) alone on the first line is set off from the text under it."""
        parts: list[str] = []
        first_break: int | None = None
        links: list[Link] = []
        opened: list[tuple[int, str]] = []
        leftover: list[str] = []
        skip_until: str | None = None
        for child in token.children or []:
            kind = child.type
            if skip_until:
                if kind == "html_inline" and child.content.lower().startswith(skip_until):
                    skip_until = None
            elif kind in {"text", "text_special"}:
                parts.append(self._uncomment(child.content))
                if "[^" in parts[-1]:
                    parts[-1] = _FOOTNOTE_REF.sub("", parts[-1])
                if "![" in parts[-1] or "{" in parts[-1]:  # badges and template tags: not text
                    leftover.append(parts[-1])
                    parts[-1] = _LEFTOVER.sub(" ", _LEFTOVER_BEFORE_MARK.sub("", parts[-1]))
            elif self.in_comment:
                continue
            elif kind == "code_inline":
                parts.append(child.content)
            elif kind in {"softbreak", "hardbreak"}:
                first_break = len(parts) if first_break is None else first_break
                parts.append(" ")
            elif kind == "image":
                parts.append(child.content)
            elif kind == "link_open":
                opened.append((len(parts), str(child.attrs.get("href", ""))))
            elif kind == "link_close" and opened:
                start, href = opened.pop()
                text = collapse("".join(parts[start:]))
                if text and href:
                    links.append(Link(text, href))
            elif kind == "html_inline":
                script = _SCRIPT_OPEN.match(child.content)
                if script:
                    skip_until = f"</{script[1].lower()}"
                elif child.content.lower().startswith("<br"):
                    first_break = len(parts) if first_break is None else first_break
                    parts.append(" ")
        text = collapse("".join(parts))
        if lead and first_break is not None:
            text = set_off(lead, collapse("".join(parts[:first_break])), text)
        if leftover and not any(c.isalnum() for c in text):  # a line of badges or template
            text = collapse(" ".join(leftover))  # tags alone ("{{ a }}: {{ b }}") is kept, for
            # the segmenter to drop
        return text, links

    def _uncomment(self, text: str) -> str:
        """Text outside `<!-- -->`, for comments the parser left as literal text."""
        if not self.in_comment and "<!--" not in text:  # most text
            return text
        kept: list[str] = []
        while text:
            if self.in_comment:
                _, found, text = text.partition("-->")
                self.in_comment = not found
            else:
                head, found, text = text.partition("<!--")
                kept.append(head)
                self.in_comment = bool(found)
        return "".join(kept)


_FIELD_LABEL = re.compile(r"^[^\W\d_][^:.!?\n]{0,40}:(?:\s|$)")
FIELD_LABEL_WORDS = 4
_DETAIL_SEPARATOR = re.compile(r"\s[·•|]\s")
DETAIL_WORDS = 15  # "7.30pm–11pm · St Mungo's Hall, Lower Calderbrook · £8, under-12s free"


def _field_lines(token: Token) -> list[Token] | None:
    """A paragraph whose lines are fields, each opening with its label ("**Location:**
    Remote", "Salary: €95k", "Stack: Rust"): each line a paragraph of its own, as a reader
    sees them, not one run of text ("Location: Remote Salary: €95k Stack: …"). Given when two
    or more lines, and at least half of them, open with a label."""
    lines = _lines_of(token)
    if len(lines) < 2:
        return None
    labelled = sum(1 for line in lines if _labelled(line))
    if labelled < 2 or 2 * labelled < len(lines):
        return None
    return _pieces(token, lines)


def _lines_of(token: Token) -> list[list[Token]]:
    """An inline token's children, line by line (split at its line breaks)."""
    lines: list[list[Token]] = [[]]
    for child in token.children or []:
        if child.type in {"softbreak", "hardbreak"}:
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


def _pieces(token: Token, parts: list[list[Token]]) -> list[Token]:
    """The token cut in `parts` (runs of its children, one source line each but the last)."""
    start = (token.map or [0, 0])[0]
    out = []
    for n, children in enumerate(parts):
        piece = copy.copy(token)  # either parser's token class
        end = start + n + 1 if n + 1 < len(parts) else max((token.map or [0, 0])[1],
                                                             start + n + 1)
        piece.children, piece.map = children, [start + n, end]
        piece.content = "".join(c.content for c in children)
        out.append(piece)
    return out


def _detail_lines(token: Token) -> list[Token] | None:
    """A paragraph whose first lines are a title and a details line or two ("**Thu 2 April —
    Hattie Crane Trio**" over "8pm · The Coal Shed · £12"), then a blurb: the title and each
    details line a paragraph of its own, the blurb one, as a reader sees them ("£12 Crane
    plays…" ran on as one sentence). A details line is short, ends in no punctuation, holds a
    figure and separates its details with "·", "•" or "|"."""
    lines = _lines_of(token)
    details = [n for n, line in enumerate(lines) if _details(line)]
    if not details or len(lines) < 2 or details[0] > 1 or \
            details != list(range(details[0], details[-1] + 1)):
        return None
    children = token.children or []
    breaks = [n for n, c in enumerate(children) if c.type in {"softbreak", "hardbreak"}]
    rest = children[breaks[details[-1]] + 1:] if details[-1] < len(breaks) else []
    return _pieces(token, [*lines[:details[-1] + 1], *([rest] if rest else [])])


def _details(line: list[Token]) -> bool:
    if any(c.type == "link_open" for c in line):
        return False
    text = "".join(c.content for c in line if c.type in {"text", "code_inline"}).strip()
    return bool(_DETAIL_SEPARATOR.search(text)) and any(c.isdigit() for c in text) and \
        len(text.split()) <= DETAIL_WORDS and text[-1:] not in ".!?:;,"


def _labelled(line: list[Token]) -> bool:
    text = "".join(c.content for c in line if c.type in {"text", "code_inline"}).lstrip()
    found = _FIELD_LABEL.match(text)
    return found is not None and len(found[0].split()) <= FIELD_LABEL_WORDS


def _date_not_item(number: int | None, text: str) -> bool:
    """"23. November 2026" on a line of its own, or opening one ("3. März: Elternabend"): a
    date written day first with a dot (German, Nordic, Czech…), which Markdown reads as an
    entry numbered 23."""
    if number is None or not 1 <= number <= 31:  # (most entries: no text to look at)
        return False
    found = _MONTH_YEAR.match(text)
    return found is not None and month_number(found[1]) is not None or \
        opens_with_day(f"{number}. {text}")


def _only_comment(html: str) -> bool:
    """Whether raw HTML is one comment and nothing else: no text, so no HTML parse needed."""
    html = html.strip()
    return html.startswith("<!--") and html.find("-->", 2) == len(html) - 3


def opening_title(children: list[Token]) -> tuple[str | None, str | None]:
    """The bold or linked run a paragraph opens with, and how it is marked ("strong" | "link")."""
    start = 0  # past blank text and an emoji set as a bullet ("🔹 **Title** …")
    while start < len(children) and children[start].type == "text" and \
            (not children[start].content.strip() or lone_emoji(children[start].content)):
        start += 1
    if start == len(children):
        return None, None
    first = children[start]
    if first.type == "strong_open":
        close, kind = ("strong_close",), "strong"
    elif first.type == "link_open":
        close, kind = ("link_close",), "link"
    elif first.type == "html_inline" and _LEAD_HTML.match(first.content.strip()):
        tag = _LEAD_HTML.match(first.content.strip())[1].lower()
        close, kind = (f"</{tag}>",), "link" if tag == "a" else "strong"
    else:
        return None, None
    parts: list[str] = []
    depth = 0
    for child in children[start + 1:]:
        if child.type == first.type and child.type != "html_inline":
            depth += 1
        elif child.type in close or (child.type == "html_inline" and
                                      child.content.strip().lower() in close):
            if depth == 0:
                title = collapse("".join(parts))
                return (title, kind) if title else (None, None)
            depth -= 1
        elif child.type in {"text", "text_special", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return None, None


def set_off(lead: str, first_line: str, text: str) -> str:
    """The text with a title that is its whole first line followed by " — " when a sentence
    starts on the next, as a title over its blurb reads ("**Floods close ports**⏎Heavy
    rain…"), unless the title ends in a mark."""
    rest = text[len(lead):].lstrip()
    if first_line != lead or not text.startswith(lead) or not rest[:1].isupper() or \
            lead[-1] in _TITLE_ENDS:
        return text
    return f"{lead} — {rest}"


def _lines(token: Token) -> tuple[int, int]:
    """1-based first and last source line of a block token."""
    start, end = token.map or (0, 1)
    return start + 1, max(end, start + 1)


def _only_images(children: list[Token]) -> bool:
    """An inline run of nothing but images (linked or not), and spaces between them."""
    found = False
    for child in children:
        if child.type == "image":
            found = True
        elif child.type in {"text", "text_special"}:
            if child.content.strip():
                return False
        elif child.type not in {"softbreak", "hardbreak", "link_open", "link_close"}:
            return False
    return found
