"""Org-mode newsletters (`.org`): each line turned into the Markdown line that shows what
Emacs's HTML export shows, one for one, and read by the Markdown reader, so block line numbers
stay the file's.

The `#+TITLE`, `#+SUBTITLE`, `#+DATE`, `#+AUTHOR` and `#+LANGUAGE` keywords are the issue's
metadata; other keywords, comments, drawers (`:PROPERTIES:`…`:END:`), planning lines, comment
blocks and subtrees the export leaves out (`COMMENT`, `:noexport:`) are no text. Headlines are
headings (a level below the title, as the export sets them), without their TODO keyword,
priority, statistics and tags; lists, description lists (`- term :: text`), tables, source,
example and quote blocks, rules, links, emphasis and verbatim read as such, and footnotes as
notes, their references no text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from digest.datewords import written_date
from digest.model import Meta, Part

from .asmarkdown import RULE, guarded, is_rule, link, literal
from .decode import normalize_newlines

_KEYWORD = re.compile(r"^[ \t]*#\+([A-Za-z][\w-]*):[ \t]*((?:.*\S)?)[ \t]*$")
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t].*)?$")
_HEADLINE = re.compile(r"^(\*+)[ \t]+((?:.*\S)?)[ \t]*$")
_TAGS = re.compile(r"(?:^|(?<![ \t])[ \t]+)(:(?:[\w@#%]+:)+)$")
_PRIORITY = re.compile(r"^\[#[A-Za-z0-9]\][ \t]*")
_COOKIE = re.compile(r"[ \t]*\[\d*(?:%|/\d*)\]")
_BLOCK = re.compile(r"^([ \t]*)#\+begin_(\w+)[ \t]*((?:.*\S)?)[ \t]*$", re.IGNORECASE)
_BLOCK_END = re.compile(r"^[ \t]*#\+end_\w+[ \t]*$", re.IGNORECASE)
_DRAWER = re.compile(r"^[ \t]*:([\w-]+):[ \t]*$")
_DRAWER_END = re.compile(r"^[ \t]*:end:[ \t]*$", re.IGNORECASE)
_PLANNING = re.compile(r"^[ \t]*(?:SCHEDULED|DEADLINE|CLOSED):")
_ITEM = re.compile(r"^([ \t]*)([-+*]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[@\d+\][ \t]*)?"
                   r"(?:\[[ xX-]\](?:[ \t]+|$))?(.*)$")
_DESCRIPTION = " :: "
_FIXED = re.compile(r"^[ \t]*:(?:[ \t]|$)")
_TABLE = re.compile(r"^[ \t]*\|")
_TABLE_RULE = re.compile(r"^[ \t]*\|-")
_FOOTNOTE = re.compile(r"^\[fn:([\w-]{1,20})\][ \t]*(.*)$")
_SCHEME = re.compile(r"^([A-Za-z][\w+.-]*):")
_INTERNAL = {"file", "id", "elisp", "shell", "help", "info", "attachment", "cite"}
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)
_INLINE = re.compile(
    r"\[\[(?P<target>[^\[\]\n]+)\](?:\[(?P<label>[^\]]+)\])?\]"
    r"|\[fn:[\w-]*(?::[^\]\n]*)?\]"  # a footnote's reference, or one defined inline
    r"|<<<(?P<radio>[^<>\n]+)>>>|<<[^<>\n]+>>"  # targets
    r"|\{\{\{[^}\n]*\}\}\}|@@[\w-]+:[^@\n]*@@"  # macros; a snippet for one export
    r"|<(?P<angle>(?:https?|ftp|gemini|mailto):[^<>\s]+)>"
    r"|(?P<plain>\b(?:https?|ftp|gemini)://[^\s<>\[\]\"']*[^\s<>\[\]\"'.,;:!?)])"
    r"|(?<![^\s\-({'\"])(?P<mark>[*/+_=~])"  # emphasis, over two lines at most
    r"(?P<body>\S(?:[^\n]{0,400}?(?:\n[^\n]{0,400}?)?\S)?)(?P=mark)"
    r"(?=[\s\-.,;:!?'\")}\[\\]|$)")
_EMPHASIS = {"*": "**", "/": "_", "+": "~~", "_": ""}
_METADATA = ("title", "subtitle", "date", "author", "language")
TODO_WORDS = ("TODO", "DONE")  # Org's own; a file names more in `#+TODO:` lines
_EXCLUDED_TAG = "noexport"
_COMMENTED = "COMMENT"


def read_org(text: str) -> Part:
    """The file's blocks, read through Markdown, and its keywords as metadata."""
    from .markdown import read_markdown

    lines = normalize_newlines(text).removeprefix("\ufeff").split("\n")
    part = read_markdown("\n".join(as_markdown(lines)))
    part.meta = _meta(keywords(lines))
    return part


_SIGN_KEYWORD = re.compile(r"^#\+(?:title|date|author|options|startup):[ \t]", re.IGNORECASE)
SIGN_KEYWORDS = 2


def looks_like_org(head: str) -> bool:
    """Whether text saved under another name is unmistakably Org: it opens with `#+TITLE:` and
    another export keyword."""
    opening = [line for line in head.split("\n")[:20] if line.strip()]
    signs = [line for line in opening if _SIGN_KEYWORD.match(line)]
    return bool(opening) and opening[0][:8].lower() == "#+title:" and \
        len(signs) >= SIGN_KEYWORDS


def keywords(lines: list[str]) -> dict[str, str]:
    """The file's `#+KEY: value` lines, keys in lower case (a key given twice: its values
    joined, as Org joins a title's lines)."""
    found: dict[str, str] = {}
    for line in lines:
        keyword = _KEYWORD.match(line) if line.lstrip().startswith("#+") else None
        if keyword and keyword[2]:
            key = keyword[1].lower()
            found[key] = f"{found[key]} {keyword[2]}" if key in found else keyword[2]
    return found


def _meta(fields: dict[str, str]) -> Meta:
    """What the keywords say of the issue: its title, subtitle, date, author and language."""
    values = {key: _plain(fields[key]) for key in _METADATA if fields.get(key)}
    return Meta(title=values.get("title"), dek=values.get("subtitle"),
                date=written_date(fields.get("date", "")), author=values.get("author"),
                language=values.get("language"))


def _plain(value: str) -> str:
    """A keyword's value as words: its links' labels, no emphasis marks."""
    return _special(_INLINE.sub(lambda found: found["label"] or found["target"] or
                                found["body"] or found["radio"] or found["angle"] or
                                found["plain"] or "", value)).strip()


def as_markdown(lines: list[str]) -> list[str]:
    """One Markdown line for each Org line."""
    return _Translation(lines).run()


@dataclass
class _Translation:
    """Walks the lines once, keeping the open list items (for their indentation) and the
    paragraph being gathered (its inline markup may span lines)."""

    lines: list[str]
    out: list[str] = field(default_factory=list)
    items: list[tuple[int, int]] = field(default_factory=list)  # (Org indent, Markdown column)
    paragraph: list[tuple[int, str, str]] = field(default_factory=list)  # line, prefix, text
    todo: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    closers: dict[str, list[int]] = field(default_factory=dict)  # see _closers

    def _walk(self) -> None:
        """Every line once: a headline closes the paragraph and lists above it, and one the
        export leaves out skips its subtree."""
        n, skipped = 0, 0
        while n < len(self.lines):
            line = self.lines[n]
            headline = _HEADLINE.match(line)
            if headline:
                self._flush()
                self.items.clear()
                level = len(headline[1])
                if skipped and level > skipped:
                    n += 1
                    continue
                title = self._headline(headline[2])
                skipped = 0 if title is not None else level
                self.out[n] = "" if title is None else \
                    "#" * min(level + 1, 6) + " " + guarded(_inline(title))
                n += 1
            elif skipped:
                n += 1
            else:
                n = self._line(n)
        self._flush()

    def run(self) -> list[str]:
        """The Markdown lines, with the file's own TODO keywords and export tags known."""
        fields = keywords(self.lines)
        self.todo = frozenset(TODO_WORDS) | _words(fields.get("todo", ""),
                                                   fields.get("seq_todo", ""),
                                                   fields.get("typ_todo", ""))
        self.excluded = frozenset({_EXCLUDED_TAG}) | _words(fields.get("exclude_tags", ""))
        self.out = [""] * len(self.lines)
        self.closers = _closers(self.lines)
        self._walk()
        return self.out

    def _closing(self, start: int, name: str) -> int | None:
        """The line that closes the block (by its name) or drawer opened at `start`, before
        the next headline; found in the closing lines listed once, so that openers never
        closed cost no second reading."""
        ends, headlines = self.closers.get(name, []), self.closers[_HEADLINE_MARK]
        at, below = bisect_right(ends, start), bisect_right(headlines, start)
        if at == len(ends) or below < len(headlines) and headlines[below] < ends[at]:
            return None
        return ends[at]

    def _headline(self, text: str) -> str | None:
        """A headline's words without its TODO keyword, priority, statistics and tags; None
        for one the export leaves out with its subtree."""
        tags = _TAGS.search(text)
        if tags:
            text = text[:tags.start()]
            if self.excluded & set(tags[1].strip(":").split(":")):
                return None
        first, _, rest = text.partition(" ")
        if first == _COMMENTED:
            return None
        if first in self.todo:
            text = rest.lstrip()
        return _COOKIE.sub("", _PRIORITY.sub("", text)).strip()

    def _line(self, n: int) -> int:
        """Reads the line at `n` (and the lines of a block or drawer it opens); the index of
        the next line to read."""
        line = self.lines[n]
        if not line.strip():
            self._flush()
            return n + 1
        stripped = line.lstrip()
        if stripped.startswith("#"):
            block = _BLOCK.match(line)
            end = self._closing(n, block[2].lower()) if block else None
            if block and end is not None:
                self._flush()
                self._block(n, end, block[2].lower(), block[3])
                return end + 1
            if _KEYWORD.match(line) or _COMMENT.match(line) or _BLOCK.match(line) or \
                    _BLOCK_END.match(line):
                self._flush()
                return n + 1
        if stripped.startswith(":"):
            drawer = _DRAWER.match(line)
            end = self._closing(n, _DRAWER_CLOSE) if drawer and \
                drawer[1].lower() != "end" else None
            if end is not None:
                self._flush()
                return end + 1
            if _FIXED.match(line):
                self._flush()
                self.out[n] = self._fixed(n, line)
                return n + 1
        if _PLANNING.match(line):
            return n + 1
        if _TABLE.match(line):
            self._flush()
            return self._table(n)
        if is_rule(line):  # Org's "-----", or a line of another mark repeated
            self._flush()
            self.out[n] = RULE
            return n + 1
        self._text(n, line)
        return n + 1

    def _indent(self, line: str) -> int:
        """The Markdown column for a line that is not an item: the content column of the list
        item it is inside (by its indentation), else the left edge."""
        indent = len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())
        while self.items and self.items[-1][0] >= indent:
            self.items.pop()
        return self.items[-1][1] if self.items else 0

    def _text(self, n: int, line: str) -> None:
        """A line of a paragraph or list, gathered with the lines of its paragraph."""
        item = _ITEM.match(line)
        if item and (item[1] or item[2] != "*"):
            column = self._indent(line)
            marker = "-" if item[2] in "-+*" else item[2]
            self.items.append((len(item[1].expandtabs(8)), column + len(marker) + 1))
            self.paragraph.append((n, " " * column + marker + " ", _unbroken(item[3])))
            return
        footnote = _FOOTNOTE.match(line)
        if footnote:
            self._flush()
            self.items.clear()
            self.paragraph.append((n, f"[^{footnote[1]}]: ", _unbroken(footnote[2])))
            return
        self.paragraph.append((n, " " * self._indent(line), _unbroken(line.strip())))

    def _flush(self) -> None:
        """Writes the gathered paragraph: its inline markup read across its lines."""
        if not self.paragraph:
            return
        joined = "\n".join(content for _, _, content in self.paragraph)
        for (n, prefix, _), content in zip(self.paragraph, _inline(joined).split("\n")):
            self.out[n] = prefix + guarded(_described(content) if prefix.endswith(
                ("- ", ". ", ") ")) else content)
        self.paragraph = []

    def _block(self, start: int, end: int, kind: str, parameters: str) -> None:
        """A `#+BEGIN_…` block: source and example code fenced, a quote or verse quoted, a
        comment (and export to other than HTML) left out, any other block's lines as text."""
        column = " " * self._indent(self.lines[start])
        inner = self.lines[start + 1:end]
        if kind in ("src", "example"):
            fence = "`" * max([3, *(len(line.lstrip()) - len(line.lstrip().lstrip("`")) + 1
                                    for line in inner)])
            language = parameters.split()[0] if kind == "src" and parameters else ""
            self.out[start], self.out[end] = column + fence + language, column + fence
            base = _columns(self.lines[start])
            for n, line in enumerate(inner, start + 1):
                kept = line.expandtabs(8)[min(base, _columns(line)):]
                self.out[n] = column + re.sub(r"^(\s*),(?=\*|#\+|,)", r"\1", kept)
        elif kind in ("quote", "verse"):
            for n, line in enumerate(inner, start + 1):
                self.out[n] = column + "> " + guarded(_inline(line.strip()))
        elif kind == "export" and parameters.lower().startswith("html"):
            self.out[start + 1:end] = [line.strip() for line in inner]
        elif kind not in ("comment", "export"):
            n = start + 1
            while n < end:
                n = self._line(n)
            self._flush()

    def _fixed(self, n: int, line: str) -> str:
        """A fixed-width line (`: text`): code when a blank or another such line is above it
        (Markdown's indented code), else a line of text."""
        text = line.lstrip()[1:].removeprefix(" ")
        column = self._indent(line)
        if n and (not self.out[n - 1].strip() or self.out[n - 1].startswith(" " * (column + 4))):
            return " " * (column + 4) + text
        return " " * column + guarded(literal(text.strip()))

    def _table(self, start: int) -> int:
        """A table: with a rule under its first row, a Markdown table (a later rule is a row
        of empty cells); without, each row an entry of a list. The next line's index."""
        end = start
        while end < len(self.lines) and _TABLE.match(self.lines[end]):
            end += 1
        column = " " * self._indent(self.lines[start])
        top = start
        while top < end and _TABLE_RULE.match(self.lines[top]):
            top += 1  # a rule over the first row frames it
        headed = top + 1 < end and _TABLE_RULE.match(self.lines[top + 1]) is not None
        width = len(_cells(self.lines[top])) if top < end else 0
        for n in range(top, end):
            if not _TABLE_RULE.match(self.lines[n]):
                cells = [_inline(cell) for cell in _cells(self.lines[n])]
                self.out[n] = column + ("| " + " | ".join(cells) + " |" if headed else
                                        "- " + " \\| ".join(cells))
            elif headed:
                rule = "---" if n == top + 1 else ""
                self.out[n] = column + "| " + " | ".join([rule] * width) + " |"
        return end


def _words(*values: str) -> frozenset[str]:
    """The keywords a `#+TODO:` line defines ("TODO(t) WAIT | DONE(d)": TODO, WAIT, DONE)."""
    return frozenset(word.split("(")[0] for value in values for word in value.split()
                     if word != "|")


_DRAWER_CLOSE, _HEADLINE_MARK = ":end:", "*"


def _closers(lines: list[str]) -> dict[str, list[int]]:
    """Where blocks close (`#+END_SRC` under "src"), drawers close (under ":end:") and
    headlines start (under "*"), each in order."""
    found: dict[str, list[int]] = {_DRAWER_CLOSE: [], _HEADLINE_MARK: []}
    for n, line in enumerate(lines):
        head = line.lstrip()[:2]
        if head == "#+" and _BLOCK_END.match(line):
            found.setdefault(line.strip()[6:].lower(), []).append(n)
        elif head[:1] == ":" and _DRAWER_END.match(line):
            found[_DRAWER_CLOSE].append(n)
        elif line[:1] == "*" and _HEADLINE.match(line):
            found[_HEADLINE_MARK].append(n)
    return found


def _unbroken(text: str) -> str:
    """A line without the `\\\\` that breaks it there: the next line goes on as Markdown's."""
    return text.removesuffix("\\\\").rstrip()


def _columns(line: str) -> int:
    """How far in a line is set (tabs at every eighth column, as Emacs sets them)."""
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def _cells(line: str) -> list[str]:
    """A table row's cells, without the bars around them."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _described(content: str) -> str:
    """A description list's entry ("term :: text") as its term, bold unless a link or marked
    already, then a dash and the text."""
    term, found, text = content.partition(_DESCRIPTION)
    if not found or not term.strip():
        return content
    if not term.startswith(("[", "*", "_", "`", "~")):
        term = f"**{term.strip()}**"
    return f"{term} — {text}" if text.strip() else term


def _inline(text: str) -> str:
    """Org's inline markup as Markdown's, every other character as written (but for the
    dashes and ellipsis the export sets for "--", "---" and "...")."""
    out: list[str] = []
    at = 0
    for found in _INLINE.finditer(text):
        out.append(literal(_special(text[at:found.start()])))
        out.append(_markup(found))
        at = found.end()
    out.append(literal(_special(text[at:])))
    return "".join(out)


_SPECIAL_STRINGS = re.compile(r"(?<!-)-{2,3}(?!-)|\.\.\.")


def _special(text: str) -> str:
    """"--" as an en dash, "---" as an em dash and "..." as an ellipsis, as the export sets
    them."""
    if "--" not in text and "..." not in text:
        return text
    return _SPECIAL_STRINGS.sub(lambda found: {"--": "–", "---": "—"}.get(found[0], "…"), text)


def _markup(found: re.Match[str]) -> str:
    """One piece of inline markup: a link, a target, emphasis or verbatim; a footnote's
    reference and a macro give nothing."""
    if found["target"]:
        return _link(found["target"], found["label"])
    if found["radio"]:
        return literal(found["radio"])
    if found["angle"] or found["plain"]:
        url = found["angle"] or found["plain"]
        return link(literal(url), url)
    mark = found["mark"]
    if not mark:
        return ""
    body = found["body"]
    if mark in "=~":
        ticks = "`" * (max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
        pad = " " if body.startswith("`") or body.endswith("`") else ""
        return f"{ticks}{pad}{body}{pad}{ticks}"
    return _EMPHASIS[mark] + _inline(body) + _EMPHASIS[mark]


def _link(target: str, label: str | None) -> str:
    """`[[target][label]]`: a link where the target is an address, a picture where it is one
    with no label, else the label (or the target's words: a heading, a file in the site)."""
    scheme = _SCHEME.match(target)
    words = _inline(label) if label else None
    internal = scheme is None or scheme[1].lower() in _INTERNAL
    if words is None and _IMAGE.search(target):
        return "!" + link("", target.removeprefix("file:"))
    if internal:
        return words or literal(target.removeprefix("file:").lstrip("*#"))
    return link(words or literal(target), target)
