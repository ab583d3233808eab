"""markdown-it-py's token stream, made by markdown-it-pyrs (the Rust port) when it is installed.

The Rust parser is many times faster but gives a syntax tree with byte offsets; this module
turns that tree into the tokens markdown-it-py would give (types, tags, line maps, list item
numbers, hidden paragraphs of tight lists, joined text), so the reader cannot tell them apart.
Where the Rust parser panics (it does on some malformed input) `tokens` returns None and the
caller parses with markdown-it-py instead; the panic's message on stderr is kept out of sight.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from bisect import bisect_left
from types import MappingProxyType
from typing import IO, Any
from urllib.parse import unquote

try:
    from markdown_it_pyrs import MarkdownIt, Node
except ImportError:  # optional: markdown-it-py alone gives the same tokens, only slower
    MarkdownIt = Node = None

_BLOCK = {"paragraph", "heading", "lheading", "bullet_list", "ordered_list", "list_item",
          "blockquote", "fence", "code_block", "html_block", "hr", "table", "thead", "tbody",
          "trow", "tcell", "definition"}
_PAIRED = {"em": "em", "strong": "strong", "strikethrough": "s"}
_PANIC = re.compile(rb"thread '[^'\n]*' panicked at ")
# The Rust parser recurses once per nesting level and overflows the stack (killing the process,
# not raising) somewhere past 10,000 levels; text that could nest a hundredth as deep goes to
# markdown-it-py, which does not recurse. Real newsletters stay far below both limits.
_INLINE_DELIMITERS = 2000  # `*`, `_`, `~` and `[` in one run of lines between blank lines
# searched in "\n" + text: a literal first is found fast, a line start (^) is tried everywhere
_NESTED_LINE = re.compile(r"\n(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])){100}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DEFINITION = re.compile(r"\s*\[(?:\\.|[^\\\]])*\]:\s*")
_NO_ATTRS: MappingProxyType[str, Any] = MappingProxyType({})
_parser: Any = None
_stderr: IO[bytes] | None = None


class Token:
    """The fields of markdown-it-py's Token that a reader uses, in a lighter object."""

    __slots__ = ("type", "tag", "nesting", "level", "content", "map", "children", "markup",
                 "info", "hidden", "block", "attrs", "meta")

    def __init__(self, type: str, tag: str, nesting: int, level: int = 0, content: str = "",
                 map: list[int] | None = None, children: list[Token] | None = None,
                 markup: str = "", info: str = "", hidden: bool = False, block: bool = False,
                 attrs: dict[str, Any] | None = None) -> None:
        # one assignment a field: a third faster than tuple assignments, for ~1,500 tokens a file
        self.type = type
        self.tag = tag
        self.nesting = nesting
        self.level = level
        self.content = content
        self.map = map
        self.children = children
        self.markup = markup
        self.info = info
        self.hidden = hidden
        self.block = block
        self.attrs = _NO_ATTRS if attrs is None else attrs
        self.meta = _NO_ATTRS

    def attrGet(self, name: str) -> Any:  # noqa: N802 (markdown-it-py's name)
        return self.attrs.get(name)

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.content!r})"


def available() -> bool:
    return MarkdownIt is not None


def tokens(text: str, max_nesting: int) -> list[Token] | None:
    """The tokens of `text` (newlines already normalised), or None when the Rust parser is
    missing or fails on it, or when blocks nest `max_nesting` deep: there markdown-it-py stops
    reading a container and the Rust parser, which has no such limit, does not."""
    global _parser
    if MarkdownIt is None:
        return None
    if _parser is None:
        _parser = MarkdownIt("commonmark").enable_many(["table", "strikethrough"])
    text = text.replace("\0", "\ufffd")  # as markdown-it-py does before parsing
    if _could_nest_deeply(text):
        return None
    tree = _quiet_parse(text)
    if tree is None:
        return None
    try:
        return _Tokens(text, max_nesting).block(tree)
    except (RecursionError, _TooDeep):  # nested deeper than this walk may recurse
        return None


def _could_nest_deeply(text: str) -> bool:
    if _NESTED_LINE.search("\n" + text):
        return True
    if sum(map(text.count, "*_~[")) <= _INLINE_DELIMITERS:
        return False
    return any(sum(map(chunk.count, "*_~[")) > _INLINE_DELIMITERS
               for chunk in _BLANK_LINE.split(text))


def _quiet_parse(text: str) -> Node | None:
    """The syntax tree, or None after a Rust panic, whose report to fd 2 is dropped."""
    global _stderr
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no usable stderr to guard: parse as is
        return _parse_or_none(text)
    if _stderr is None:
        _stderr = tempfile.TemporaryFile()  # noqa: SIM115 (kept open for the process)
    os.dup2(_stderr.fileno(), 2)
    try:
        tree = _parse_or_none(text)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    _stderr.seek(0)
    written = _stderr.read()
    _stderr.seek(0)
    _stderr.truncate()
    if written:  # anything else written meanwhile, without the panic report
        panic = _PANIC.search(written) if tree is None else None
        os.write(2, written[:panic.start()] if panic else written)
    return tree


def _parse_or_none(text: str) -> Node | None:
    try:
        return _parser.tree(text)
    except BaseException as exc:  # pyo3's PanicException derives from BaseException
        if type(exc).__name__ != "PanicException":
            raise
        return None


class _TooDeep(Exception):
    """Blocks nested as deep as markdown-it-py's maxNesting."""


class _Tokens:
    """Walks the tree, keeping byte offsets → line numbers and the source for raw slices."""

    def __init__(self, text: str, max_nesting: int) -> None:
        self.max_nesting = max_nesting
        self.source = text.encode()
        self.newlines = [m.start() for m in re.finditer(b"\n", self.source)]
        self.out: list[Token] = []
        self.definition_nodes: list[Node] = []  # met in the walk, in the order of the text
        self.definitions: dict[str, str] | None = None
        # addresses to take from a reference definition, once the walk has met them all
        self.referenced: list[tuple[dict[str, Any], str, str]] = []

    def lines(self, node: Node) -> list[int]:
        """0-based [first line, line after the last] of a node, as markdown-it-py's `map`."""
        return self.span(*(node.srcmap or (0, 0)))

    def span(self, start: int, end: int) -> list[int]:
        """The lines of the bytes from `start` to `end`, as `lines` gives them."""
        # (the last line, that of max(end - 1, start), is never before the first)
        return [bisect_left(self.newlines, start),
                bisect_left(self.newlines, max(end - 1, start)) + 1]

    def block(self, root: Node) -> list[Token]:
        self._children(root, 0)
        for attrs, key, url in self.referenced:
            found = self._definition(url)
            if found is not None and unquote(found) == unquote(url):
                attrs[key] = found
        return self.out

    def _children(self, node: Node, level: int) -> None:
        run: list[Node] = []
        for child in node.children:
            if child.name not in _BLOCK:
                run.append(child)
                continue
            if run:
                self._hidden_paragraph(run, level)
                run = []
            self._node(child, level)
        if run:
            self._hidden_paragraph(run, level)

    def _hidden_paragraph(self, run: list[Node], level: int) -> None:
        """A tight list item's text, which the tree gives without a paragraph around it."""
        start, end = run[0].srcmap[0], run[-1].srcmap[1]
        span = self.span(start, end)
        self._push("paragraph_open", "p", 1, level, span, hidden=True)
        self._inline(run, span, level + 1, self.source[start:end])
        self._push("paragraph_close", "p", -1, level, None, hidden=True)

    def _push(self, kind: str, tag: str, nesting: int, level: int, span: list[int] | None,
              markup: str = "", content: str = "", info: str = "", hidden: bool = False,
              attrs: dict[str, Any] | None = None) -> None:
        if level >= self.max_nesting:
            raise _TooDeep
        self.out.append(Token(kind, tag, nesting, level, content, span, None, markup, info,
                              hidden, True, attrs))

    def _node(self, node: Node, level: int) -> None:
        name, span = node.name, self.lines(node)
        if name in {"paragraph", "heading", "lheading"}:
            if name == "paragraph":
                kind, tag, markup = "paragraph", "p", ""
            else:
                meta = node.meta
                kind, tag = "heading", f"h{meta['level']}"
                markup = "#" * meta["level"] if name == "heading" else meta["marker"]
            self._push(f"{kind}_open", tag, 1, level, span, markup=markup)
            inner = [span[0], span[1] - 1] if name == "lheading" else span
            start, end = self._inline_bytes(node)
            self._inline(node.children, inner, level + 1, self.source[start:end])
            self._push(f"{kind}_close", tag, -1, level, None, markup=markup)
        elif name in {"bullet_list", "ordered_list"}:
            self._list(node, level, span)
        elif name == "blockquote":
            self._push("blockquote_open", "blockquote", 1, level, span, markup=">")
            self._children(node, level + 1)
            self._push("blockquote_close", "blockquote", -1, level, None, markup=">")
        elif name in {"fence", "code_block"}:
            meta = node.meta
            markup = meta.get("marker", "") * meta.get("marker_len", 0)
            self._push(name, "code", 0, level, span, content=meta.get("content", ""),
                       info=meta.get("info", ""), markup=markup)
        elif name == "html_block":
            self._push("html_block", "", 0, level, span, content=node.meta.get("content", ""))
        elif name == "hr":
            meta = node.meta
            self._push("hr", "hr", 0, level, span, markup=meta["marker"] * meta["marker_len"])
        elif name == "table":
            self._table(node, level, span)
        elif name == "definition":
            self.definition_nodes.append(node)

    def _inline_bytes(self, node: Node) -> tuple[int, int]:
        children = node.children
        if not children:
            return node.srcmap[0], node.srcmap[0]
        return children[0].srcmap[0], children[-1].srcmap[1]

    def _list(self, node: Node, level: int, span: list[int]) -> None:
        ordered, meta = node.name == "ordered_list", node.meta
        kind, tag, marker = ("ordered_list", "ol", meta["marker"]) if ordered else (
            "bullet_list", "ul", meta["marker"])
        attrs = {"start": meta["start"]} if ordered and meta["start"] != 1 else {}
        self._push(f"{kind}_open", tag, 1, level, span, markup=marker, attrs=attrs)
        for item in node.children:
            number = self._number(item) if ordered else ""
            self._push("list_item_open", "li", 1, level + 1, self.lines(item), markup=marker,
                       info=number)
            self._children(item, level + 2)
            self._push("list_item_close", "li", -1, level + 1, None, markup=marker)
        self._push(f"{kind}_close", tag, -1, level, None, markup=marker)

    def _number(self, item: Node) -> str:
        """The number an ordered item is written with (the tree keeps only the list's start)."""
        start = item.srcmap[0]
        while start < len(self.source) and self.source[start] in b" \t":
            start += 1
        end = start
        while end < len(self.source) and 48 <= self.source[end] <= 57:
            end += 1
        return self.source[start:end].decode()

    def _table(self, node: Node, level: int, span: list[int]) -> None:
        aligns = node.meta.get("alignments", [])
        self._push("table_open", "table", 1, level, span)
        for part in node.children:
            tag = part.name
            self._push(f"{tag}_open", tag, 1, level + 1, self.lines(part))
            cell = "th" if tag == "thead" else "td"
            for row in part.children:
                row_span = self.lines(row)
                self._push("tr_open", "tr", 1, level + 2, row_span)
                for index, column in enumerate(row.children):
                    align = aligns[index] if index < len(aligns) else "none"
                    attrs = {} if align == "none" else {"style": f"text-align:{align}"}
                    self._push(f"{cell}_open", cell, 1, level + 3, row_span, attrs=attrs)
                    start, end = self._inline_bytes(column)
                    self._inline(column.children, row_span, level + 4, self.source[start:end])
                    self._push(f"{cell}_close", cell, -1, level + 3, None)
                self._push("tr_close", "tr", -1, level + 2, None)
            self._push(f"{tag}_close", tag, -1, level + 1, None)
        self._push("table_close", "table", -1, level, None)

    def _inline(self, nodes: list[Node], span: list[int], level: int, raw: bytes) -> None:
        children: list[Token] = []
        self._spans(nodes, children, 0)
        token = Token("inline", "", 0, map=span, level=level,
                      content=raw.decode(errors="replace").strip(), children=children)
        self.out.append(token)

    def _spans(self, nodes: list[Node], out: list[Token], level: int) -> None:
        for node in nodes:
            name = node.name
            if name == "text" or name == "text_special":
                content = node.meta["content"]
                if out and out[-1].type == "text":  # markdown-it-py's text_join
                    out[-1].content += content
                else:
                    out.append(Token("text", "", 0, level, content))
            elif name == "softbreak" or name == "hardbreak":
                out.append(Token(name, "br", 0, level))
            elif name == "link" or name == "autolink":
                self._link(node, out, level)
            elif name in _PAIRED:
                tag = _PAIRED[name]
                markup = node.meta["marker"] * (1 if name == "em" else 2)
                out.append(Token(f"{tag}_open", tag, 1, level, "", None, None, markup))
                self._spans(node.children, out, level + 1)
                out.append(Token(f"{tag}_close", tag, -1, level, "", None, None, markup))
            elif name == "code_inline":
                meta = node.meta
                content = "".join([child.meta.get("content", "") for child in node.children])
                out.append(Token("code_inline", "code", 0, level, content, None, None,
                                 meta["marker"] * meta["marker_len"]))
            elif name == "image":
                self._image(node, out, level)
            elif name == "html_inline":
                out.append(Token("html_inline", "", 0, level, node.meta["content"]))

    def _link(self, node: Node, out: list[Token], level: int) -> None:
        meta = node.meta
        attrs: dict[str, Any] = {}
        self._url(node, meta["url"], attrs, "href")
        if meta.get("title"):
            attrs["title"] = meta["title"]
        auto = node.name == "autolink"
        markup, info = ("autolink", "auto") if auto else ("", "")
        out.append(Token("link_open", "a", 1, level, "", None, None, markup, info, attrs=attrs))
        before = len(out)
        self._spans(node.children, out, level + 1)
        if auto:  # the link's text is plain text, never joined with what precedes it
            out[before:] = [Token("text", "", 0, level + 1,
                                  "".join(t.content for t in out[before:]))]
        out.append(Token("link_close", "a", -1, level, "", None, None, markup, info))

    def _image(self, node: Node, out: list[Token], level: int) -> None:
        """An image, whose `content` is its alt text's source as markdown-it-py keeps it."""
        start = node.srcmap[0] + 2
        after = node.children[-1].srcmap[1] if node.children else start
        end = self.source.find(b"]", max(after, start))
        children: list[Token] = []
        self._spans(node.children, children, 0)
        meta = node.meta
        attrs: dict[str, Any] = {}
        self._url(node, meta["url"], attrs, "src")
        attrs["alt"] = ""
        if meta.get("title"):
            attrs["title"] = meta["title"]
        out.append(Token("image", "img", 0, level=level, attrs=attrs, children=children,
                         content=self.source[start:end].decode(errors="replace")))

    def _url(self, node: Node, url: str, attrs: dict[str, Any], key: str) -> None:
        """`attrs[key]`: a link's destination as written, as the tree gives it (`url`)
        percent-encoded, which the reader's markdown-it-py is set not to do. One written in
        a reference definition is set by `block`, once the walk has met every definition."""
        attrs[key] = url
        if "%" not in url:  # encoding only ever adds "%…"
            return
        if node.name == "autolink":
            text = "".join(child.meta.get("content", "") for child in node.children)
            attrs[key] = text if url.startswith("mailto:") <= text.startswith("mailto:") else (
                "mailto:" + text)
            return
        found = self._inline_destination(node)
        if found is None:
            self.referenced.append((attrs, key, url))
        elif unquote(found) == unquote(url):
            attrs[key] = found

    def _inline_destination(self, node: Node) -> str | None:
        start, end = node.srcmap
        after = node.children[-1].srcmap[1] if node.children else start + 1
        close = self.source.find(b"](", after, end)
        if close < 0:
            return None
        text = self.source[close + 2:end].decode(errors="replace")
        pos = len(text) - len(text.lstrip())
        return _destination(text, pos)

    def _definition(self, url: str) -> str | None:
        """The destination as written of the reference definition the link resolved to."""
        if self.definitions is None:
            self.definitions = {}
            for node in self.definition_nodes:
                text = self.source[node.srcmap[0]:node.srcmap[1]].decode(errors="replace")
                label = _DEFINITION.match(text)
                found = _destination(text, label.end()) if label else None
                if found is not None:
                    self.definitions.setdefault(unquote(node.meta["destination"]), found)
        return self.definitions.get(unquote(url))


def _destination(text: str, pos: int) -> str | None:
    """The link destination written at `pos`, as markdown-it-py reads it (imported only for
    the few links whose address has a `%`)."""
    from markdown_it.helpers import parseLinkDestination

    result = parseLinkDestination(text, pos, len(text))
    return result.str if result.ok else None
