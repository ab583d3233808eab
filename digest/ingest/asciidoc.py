"""AsciiDoc newsletters (`.adoc`, `.asciidoc`, `.asc`: Antora, Asciidoctor and jekyll-asciidoc
posts): each line turned into the Markdown line that shows what Asciidoctor's HTML shows, one
for one, and read by the Markdown reader, so block line numbers stay the file's.

The title (`= Title`), the author and revision lines under it and the `:revdate:`, `:author:`
and `:lang:` attributes are the issue's metadata; attribute entries, comments, preprocessor
directives (`include::` is never followed, `ifdef::` keeps what the file's attributes keep),
block attributes, block macros and passthrough blocks are no text. `==` sections are headings,
lists lists, `----` and `....` blocks code, admonitions and quote blocks quotes, table rows
entries of a list; `link:url[text]`, `https://url[text]`, bare addresses, `<<id,text>>`,
`*bold*`, `_em_` and `` `code` `` read as such, `{attribute}` references as their values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from digest.datewords import written_date
from digest.model import Meta, Part

from .asmarkdown import RULE, guarded, link, literal
from .dates import parse_date
from .decode import normalize_newlines

_ATTRIBUTE = re.compile(r"^:(!?)([\w][\w-]{0,60})(!?):(?:[ \t]+(.*))?$")
_REFERENCE = re.compile(r"\{([\w][\w-]{0,60})\}")
_PREPROCESSOR = re.compile(r"^(include|ifdef|ifndef|ifeval|endif)::([^\[\n]*)\[(.*)\]$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[([^\]\n]*|\[[^\]\n]*\])\][ \t]*$")
_ATTRIBUTE_LIST = re.compile(r'(?:[^,"]|"[^"]*")+')  # a block's attributes, between commas
_BLOCK_TITLE = re.compile(r"^\.([^\s.].*)$")
_SECTION = re.compile(r"^(={1,6}|#{1,6})[ \t]+(\S.*)$")
_DELIMITER = re.compile(r"^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--)[ \t]*$")
_TABLE = re.compile(r"^([|,:!])={3,}[ \t]*$")
_BREAK = re.compile(r"^(?:'{3,}|-{3}|\*{3}|- - -|\* \* \*)[ \t]*$")
_BLOCK_MACRO = re.compile(r"^[a-z][\w-]{0,30}::\S{0,2000}\[[^\n]*\][ \t]*$")
_ITEM = re.compile(r"^[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,9}\.)[ \t]+(?:\[[ xX*]\][ \t]+)?(\S.*)$")
_DESCRIBED = re.compile(r"^[ \t]*([^\s:;][^\n]{0,200}?)(:{2,4}|;;)(?:[ \t]+(\S.*))?$")
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(\S.*)$")
_AUTHOR = re.compile(r"^([^<>:\n]{1,120}?)(?:[ \t]+<[^<>\s]{1,200}>)?[ \t]*$")
_SCHEME = re.compile(r"^(?:https?|ftp|irc|gemini)://\S|^mailto:\S", re.IGNORECASE)
_CONSTRAINED = r"(?<![\w*_`#])"
_INLINE = re.compile(
    r"\\(?P<escaped>[*_`#+{^~<\[])"
    r"|\+\+\+(?P<pass3>[^\n]{0,400}?)\+\+\+"
    r"|(?<![\w:/])(?P<macro>link|mailto|xref|image|icon|kbd|btn|menu|footnote|footnoteref|pass|anchor|"
    r"indexterm2?|stem|latexmath|asciimath):(?P<target>[^\s\[\]]{0,2000})"
    r"\[(?P<attrs>[^\]\n]{0,400})\]"
    r"|(?P<url>\b(?:https?|ftp|irc)://[^\s\[\]<>]{1,2000})\[(?P<text>[^\]\n]{0,400})\]"
    r"|<(?P<angle>(?:https?|ftp)://[^\s<>]{1,2000})>"
    r"|(?P<bare>\b(?:https?|ftp)://[^\s\[\]<>]{0,2000}[^\s\[\]<>.,;:!?)'\"])"
    r"|<<(?P<xid>[^,<>\n]{1,200})(?:,[ \t]*(?P<xtext>[^<>\n]{0,400}))?>>"
    r"|\[\[[^\[\]\n]{1,200}\]\]"
    r"|(?:\[[^\[\]\n]{0,100}\])?(?P<double>\*\*|__|##|``)(?P<dbody>[^\n]{1,400}?)(?P=double)"
    rf"|(?:\[[^\[\]\n]{{0,100}}\])?{_CONSTRAINED}(?P<mark>[*_`#])"
    r"(?P<body>[^\s*_`#](?:[^\n]{0,400}?[^\s])?)(?P=mark)(?![\w*_`#])"
    r"|(?<![\w+])\+(?P<plus>[^\s+](?:[^+\n]{0,400}?[^\s+])?)\+(?!\w)")
_EMPHASIS = {"*": "**", "_": "_", "#": "", "`": "`"}
_ADMONITIONS = {"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"}
# Asciidoctor's own attributes for characters a line could not write plainly.
_BUILT_IN = {"nbsp": " ", "sp": " ", "empty": "", "amp": "&", "lt": "<", "gt": ">",
             "startsb": "[", "endsb": "]", "vbar": "|", "caret": "^", "asterisk": "*",
             "tilde": "~", "apostrophe": "'", "backslash": "\\", "backtick": "`", "plus": "+",
             "quot": '"', "deg": "°", "zwsp": "", "wj": "", "two-colons": "::",
             "two-semicolons": ";;", "cpp": "C++", "pp": "++", "brvbar": "¦", "ldquo": "“",
             "rdquo": "”", "lsquo": "‘", "rsquo": "’"}
MAX_VALUE = 1000  # an attribute's value, as long as it is written at most
MAX_REFERENCES = 50  # references replaced in one line
MAX_LEVEL = 5  # list markers nested deeper read as this level
SIGN_ATTRIBUTES = 2
_DATE_KEYS = ("revdate", "date", "page-date", "published_at")


def read_asciidoc(text: str) -> Part:
    """The file's blocks, read through Markdown, and its header as metadata."""
    from .markdown import read_markdown

    lines = normalize_newlines(text).removeprefix("\ufeff").split("\n")
    translation = _Translation(lines)
    part = read_markdown("\n".join(translation.run()))
    part.meta = translation.meta()
    return part


def looks_like_asciidoc(head: str) -> bool:
    """Whether text saved under another name is unmistakably AsciiDoc: it opens with a
    `= Title` line and attribute entries (`:revdate:`, `:author:`) under it."""
    lines = head.split("\n")[:40]
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None or not re.match(r"^= \S", lines[start]):
        return False
    end = next((n for n in range(start, len(lines)) if not lines[n].strip()), len(lines))
    return sum(bool(_ATTRIBUTE.match(line)) for line in lines[start:end]) >= SIGN_ATTRIBUTES


@dataclass
class _Translation:
    """Walks the lines once, keeping the file's attributes, the conditions and delimited
    blocks open, the list items open (for their columns) and the next block's attributes."""

    lines: list[str]
    out: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)
    conditions: list[bool] = field(default_factory=list)
    blocks: list[tuple[str, str, str]] = field(default_factory=list)  # delimiter, prefix,
    # and what its closing line shows (a quote's attribution)
    items: list[int] = field(default_factory=list)  # the content column of each open level
    style: list[str] = field(default_factory=list)  # the next block's attributes
    closers: dict[str, list[int]] = field(default_factory=dict)
    columns: int = 1  # the open table's
    row: list[str] = field(default_factory=list)  # its cells gathered, from row_line on
    row_line: int = 0
    paragraph: str = ""  # "", "text", "admonition" or "literal": the paragraph going on
    attached: bool = False  # a `+` joined the next block to the list item above

    def run(self) -> list[str]:
        """The Markdown lines."""
        self.out = [""] * len(self.lines)
        for n, line in enumerate(self.lines):
            self.closers.setdefault(line.rstrip(), []).append(n)
        n = self._header()
        while n < len(self.lines):
            n = self._line(n)
        return self.out

    def meta(self) -> Meta:
        """The title, date, author and language the header and attributes give."""
        values = {**self.header, **{k: v for k, v in self.attributes.items()
                                    if k in ("revdate", "author", "lang", "doctitle", *
                                             _DATE_KEYS)}}
        date = next((found for found in (_date(values[key]) for key in _DATE_KEYS
                                          if values.get(key)) if found), None)
        title = values.get("doctitle")
        return Meta(title=_plain(self._text(title)) if title else None, date=date,
                    author=values.get("author"), language=values.get("lang"))

    def _header(self) -> int:
        """The document's title and the author, revision and attribute lines under it;
        the index of the first line of its body."""
        n = 0
        while n < len(self.lines) and (not self.lines[n].strip() or
                                       self.lines[n].startswith("//") or
                                       _ATTRIBUTE.match(self.lines[n])):
            n = self._line(n)
        if n == len(self.lines) or not re.match(r"^= \S", self.lines[n]):
            return n
        self.header["doctitle"] = self.lines[n][2:].strip()
        self.out[n] = "# " + self._inline(self._expanded(self.header["doctitle"]))
        n += 1
        for role in ("author", "revision"):
            if n < len(self.lines) and self.lines[n].strip() and not \
                    self.lines[n].startswith((":", "//")):
                if role == "author" and not _date(self.lines[n]):
                    authors = [_AUTHOR.match(name.strip()) for name in self.lines[n].split(";")]
                    self.header["author"] = ", ".join(a[1].strip() for a in authors if a)
                    n += 1
                elif _date(self.lines[n]) or re.match(r"^v?\d", self.lines[n]):
                    self.header["revdate"] = self.lines[n].split(":")[0].split(",")[-1]
                    n += 1
        return n

    def _line(self, n: int) -> int:
        """Reads the line at `n`; the index of the next line to read."""
        line = self.lines[n]
        stripped = line.rstrip()
        if self.blocks and stripped == self.blocks[-1][0]:
            return self._close(n)
        delimiter = self.blocks[-1][0] if self.blocks else ""
        if delimiter[:1] in ("/", "+"):  # a comment or passthrough block: no text
            return n + 1
        preprocessor = _PREPROCESSOR.match(stripped) if "::" in line[:10] else None
        if preprocessor:
            self._condition(preprocessor, n)
            return n + 1
        if self.conditions and not all(self.conditions):
            return n + 1
        if delimiter[:1] in ("-", ".") and len(delimiter) >= 4:
            self.out[n] = self._prefix() + line
            return n + 1
        if not stripped:
            self._blank()
            return n + 1
        if stripped.startswith("//") and not stripped.startswith("////"):
            return n + 1
        if delimiter[1:2] == "=" and _TABLE.match(delimiter):
            self._cells(n, delimiter[0])
            return n + 1
        return self._block_line(n, line)

    def _block_line(self, n: int, line: str) -> int:
        """A line outside code, comments and tables: by its shape, a block's start or a line
        of text."""
        stripped = line.rstrip()
        if line[:1] == ":" and _ATTRIBUTE.match(stripped):
            self._attribute(_ATTRIBUTE.match(stripped))
            return n + 1
        if self.paragraph in ("", "literal") or self.attached:
            opened = self._opening(n, stripped)
            if opened is not None:
                return opened
        if line[:1] in (" ", "\t") and self.paragraph in ("", "literal") and not self.items:
            self.paragraph = "literal"
            self.out[n] = self._prefix() + "    " + line.strip()
            return n + 1
        item = _ITEM.match(line)
        if item and not _DELIMITER.match(stripped):
            self._item(n, item)
            return n + 1
        if self.paragraph in ("", "literal"):
            described = _DESCRIBED.match(stripped)
            if described and not re.search(r"(?:https?|ftp|mailto):", described[1]):
                self._described(n, described)
                return n + 1
            admonition = _ADMONITION.match(stripped)
            if admonition:
                self.paragraph = "admonition"
                self.out[n] = self._prefix() + "> " + self._text(admonition[2])
                return n + 1
        if stripped == "+" and self.items:
            self.attached, self.paragraph = True, ""
            return n + 1
        self._paragraph_line(n, stripped)
        return n + 1

    def _opening(self, n: int, stripped: str) -> int | None:
        """A line that opens or marks a block (attributes, title, section, delimiter, break,
        block macro), handled; None for any other."""
        if _BLOCK_ATTRIBUTES.match(stripped):
            self.style = [part.strip().replace('"', "") for part in
                          _ATTRIBUTE_LIST.findall(stripped[1:-1])]
            return n + 1
        if _BLOCK_TITLE.match(stripped):
            self.out[n] = self._prefix() + "**" + self._text(stripped[1:]) + "**"
            return n + 1
        section = _SECTION.match(stripped)
        if section and not self.blocks:
            self.items.clear()
            words = section[2].rstrip()
            words = words.removesuffix(" " + section[1]).rstrip() if words != section[1] else words
            self.out[n] = "#" * len(section[1]) + " " + self._text(words)
            self.style = []
            return n + 1
        if _DELIMITER.match(stripped) or _TABLE.match(stripped):
            return self._open(n, stripped)
        if _BREAK.match(stripped):
            self.items.clear()
            self.out[n] = self._prefix() + RULE
            return n + 1
        if stripped == "<<<" or _BLOCK_MACRO.match(stripped):
            self.style = []
            return n + 1
        return None

    def _attribute(self, found: re.Match[str]) -> None:
        """An attribute entry: set (its value as written, references in it replaced) or
        unset (`:name!:`)."""
        name = found[2].lower()
        if found[1] or found[3]:
            self.attributes.pop(name, None)
        else:
            self.attributes[name] = self._expanded((found[4] or "").strip())[:MAX_VALUE]

    def _condition(self, found: re.Match[str], n: int) -> None:
        """A preprocessor directive: `include::` is never followed; `ifdef::`/`ifndef::` keep
        their lines when the file's attributes say so (`ifeval::` keeps them), `endif::`
        closes the last."""
        kind, names, content = found[1], found[2], found[3]
        if kind == "endif":
            if self.conditions:
                self.conditions.pop()
            return
        if kind == "include":
            return
        wanted = [name.strip().lower() for name in re.split(r"[,+]", names) if name.strip()]
        joined = all if "+" in names else any
        holds = True if kind == "ifeval" else joined(name in self.attributes for name in wanted)
        holds = holds if kind != "ifndef" else not holds
        if content and kind != "ifeval":  # one line's content, given in the brackets
            if holds and all(self.conditions):
                self.out[n] = self._prefix() + self._text(content)
            return
        self.conditions.append(holds)

    def _open(self, n: int, delimiter: str) -> int:
        """A delimited block opening at `n`: code fenced, a comment or passthrough left out,
        a quote, sidebar or admonition quoted (a quote's attribution under it), a table's
        rows entries, an example or open block as its text."""
        style = [part for part in self.style if part] or [""]
        prefix, closing = self._prefix(), self._closing(n, delimiter)
        self.style, self.paragraph = [], ""
        if delimiter[:1] in ("-", ".") and len(delimiter) >= 4:
            inner = self.lines[n + 1:closing] if closing is not None else self.lines[n + 1:]
            fence = "`" * max([3, *(len(line) - len(line.lstrip("`")) + 1 for line in inner
                                    if line.startswith("```"))])
            language = style[1] if style[0].lower() == "source" and len(style) > 1 else ""
            self.out[n] = prefix + fence + re.sub(r"[^\w+#.-]", "", language)
            if closing is not None:
                self.out[closing] = prefix + fence
            self.blocks.append((delimiter, prefix, ""))
            return n + 1
        if delimiter == "--" and closing is None:
            return n + 1
        if _TABLE.match(delimiter):
            self.columns = _columns(style, self.lines[n + 1:n + 3])
        quoted = delimiter[:1] in ("_", "*") or style[0].upper() in _ADMONITIONS or \
            style[0].lower() in ("quote", "verse")
        by = ", ".join(style[1:3]) if style[0].lower() in ("quote", "verse") else ""
        self.blocks.append((delimiter, prefix + ("> " if quoted else ""),
                            f"> — {self._text(by)}" if by else ""))
        return n + 1

    def _closing(self, start: int, delimiter: str) -> int | None:
        """The line that closes the block `delimiter` opens at `start`, if any."""
        ends = self.closers.get(delimiter, [])
        at = bisect_right(ends, start)
        return ends[at] if at < len(ends) else None

    def _close(self, n: int) -> int:
        """The line that closes the innermost delimited block."""
        delimiter, prefix, attribution = self.blocks.pop()
        if delimiter[:1] in ("-", ".") and len(delimiter) >= 4:
            return n + 1  # its fence written when it opened
        if _TABLE.match(delimiter):
            self._row()
        if attribution:
            self.out[n] = prefix + attribution
        self.paragraph = ""
        return n + 1

    def _cells(self, n: int, separator: str) -> None:
        """A table's line: its cells, gathered into rows of the table's columns, each row an
        entry of a list on the line it starts on (a line that goes on a cell is joined)."""
        line = self.lines[n].strip()
        if separator in ",:":
            self._row()
            self.row_line, self.row = n, [cell.strip() for cell in line.split(separator)]
            self._row()
            return
        if line.startswith("|") or re.match(r"^[\w.+*^<>]{1,8}\|", line):
            for cell in re.split(r"(?<!\\)\|", line)[1:]:
                if not self.row:
                    self.row_line = n
                self.row.append(cell.strip())
                if len(self.row) >= self.columns:
                    self._row()
        elif self.row:
            self.row[-1] = f"{self.row[-1]} {line}".strip()

    def _row(self) -> None:
        """The row gathered, written as an entry of a list."""
        text = " \\| ".join(self._text(cell) for cell in self.row if cell)
        if text:
            self.out[self.row_line] = self._prefix() + "- " + text
        self.row = []

    def _blank(self) -> None:
        """A blank line: the paragraph ends; a list ends unless an item or `+` follows."""
        self.paragraph = ""
        self.attached = False

    def _item(self, n: int, item: re.Match[str]) -> None:
        """A list item, nested by its marker's length (`**`, `..`)."""
        marker = item[1]
        level = min(len(marker) if marker[0] in "*." else 1, MAX_LEVEL)
        level = min(level, len(self.items) + 1)
        del self.items[level - 1:]
        column = self.items[-1] if self.items else 0
        symbol = "1." if marker[0] in ".0123456789" else "-"
        self.items.append(column + len(symbol) + 1)
        self.out[n] = self._prefix() + " " * column + symbol + " " + self._text(item[2])
        self.paragraph, self.attached = "text", False

    def _described(self, n: int, found: re.Match[str]) -> None:
        """A description list's entry (`term:: text`): the term bold, a dash, the text."""
        self.items[:] = [2]
        text = f" {self._text(found[3])}" if found[3] else ""
        self.out[n] = self._prefix() + f"- **{self._text(found[1].strip())}** —{text}"
        self.paragraph = "text"

    def _paragraph_line(self, n: int, stripped: str) -> None:
        """A line of text, in the list item, quote or admonition it goes on."""
        column = " " * (self.items[-1] if self.items and (self.paragraph == "text" or
                                                          self.attached) else 0)
        if not column:
            self.items.clear()
        quote = "> " if self.paragraph == "admonition" else ""
        if self.style and (self.style[0].upper() in _ADMONITIONS or
                           self.style[0].lower() in ("quote", "verse")):
            quote, self.paragraph = "> ", "admonition"
        else:
            self.paragraph = self.paragraph if self.paragraph == "admonition" else "text"
        self.style = []
        self.out[n] = self._prefix() + column + quote + guarded(
            self._text(stripped.removesuffix(" +").strip()))

    def _prefix(self) -> str:
        """The quote marks of the delimited blocks the line is inside."""
        return self.blocks[-1][1] if self.blocks else ""

    def _text(self, text: str) -> str:
        """A line's words as Markdown: attribute references replaced, inline markup read."""
        return self._inline(self._expanded(text))

    def _expanded(self, text: str) -> str:
        """The text with its attribute references replaced by their values (a reference to
        no attribute stays as written, as Asciidoctor leaves it)."""
        if "{" not in text:
            return text
        return _REFERENCE.sub(lambda found: self.attributes.get(
            found[1].lower(), _BUILT_IN.get(found[1].lower(), found[0])), text,
            count=MAX_REFERENCES)

    def _inline(self, text: str) -> str:
        """AsciiDoc's inline markup as Markdown's, every other character as written."""
        out: list[str] = []
        at = 0
        for found in _INLINE.finditer(text):
            out.append(_words(text[at:found.start()]))
            out.append(self._markup(found))
            at = found.end()
        out.append(_words(text[at:]))
        return "".join(out)

    def _markup(self, found: re.Match[str]) -> str:
        """One piece of inline markup: a link, a cross reference, a macro or emphasis."""
        if found["escaped"] is not None:
            return literal(found["escaped"])
        if found["pass3"] is not None:
            return literal(found["pass3"])
        if found["macro"]:
            return self._macro(found["macro"], found["target"], found["attrs"])
        if found["url"]:
            return _linked(self._inline(_label(found["text"])) or literal(found["url"]),
                           found["url"])
        address = found["angle"] or found["bare"]
        if address:
            return link(literal(address), address)
        if found["xid"]:
            return self._inline(found["xtext"] or found["xid"].replace("_", " ").strip())
        if found["double"] or found["mark"]:
            mark = found["double"] or found["mark"]
            body = found["dbody"] if found["double"] else found["body"]
            if mark[0] == "`":
                return _code_span(body.removeprefix("+").removesuffix("+"))
            return _EMPHASIS[mark[0]] + self._inline(body) + _EMPHASIS[mark[0]]
        if found["plus"] is not None:
            return literal(found["plus"])
        return ""  # an inline anchor

    def _macro(self, name: str, target: str, attributes: str) -> str:
        """An inline macro (`name:target[attributes]`) as what it shows."""
        label = _label(attributes)
        if name in ("link", "mailto"):
            address = ("mailto:" if name == "mailto" else "") + target
            return _linked(self._inline(label) or literal(target), address)
        if name == "xref":
            return self._inline(label) or literal(target.split("#")[-1].removesuffix(".adoc"))
        if name in ("kbd", "stem", "latexmath", "asciimath"):
            return _code_span(attributes)
        if name == "menu":
            return literal(" > ".join([target, *(part.strip() for part in
                                                 attributes.split(">") if part.strip())]))
        if name in ("footnote", "footnoteref"):
            text = attributes.split(",", 1)[-1] if name == "footnoteref" else attributes
            return f" ({self._inline(text.strip())})" if text.strip() else ""
        if name in ("btn", "indexterm2"):
            return self._inline(attributes)
        if name == "pass":
            return literal(attributes)
        return ""  # a picture, an icon, an anchor, an index term


def _words(text: str) -> str:
    """Text between markup, as written but for " -- ", the dash Asciidoctor sets for it."""
    return literal(text).replace(" -- ", " — ")


def _columns(style: list[str], lines: list[str]) -> int:
    """A table's columns: as its `cols` attribute counts them ("1,2,2", "3*"), else the
    cells of its first line."""
    cols = next((part.split("=", 1)[1].strip('"') for part in style
                 if part.startswith("cols=")), None)
    if cols:
        counted = sum(int(spec.split("*")[0]) if re.match(r"^\d{1,3}\*", spec) else 1
                      for spec in re.split(r"[,;]", cols))
        return max(1, counted)
    first = next((line for line in lines if line.strip()), "")
    return max(1, len(re.split(r"(?<!\\)\|", first.strip())) - 1)


def _label(attributes: str) -> str:
    """A link's words: the whole text, or its first attribute when it names others
    (`text,window=_blank`), without the `^` that opens it in a new window."""
    if "=" in attributes:
        attributes = attributes.split(",")[0]
        attributes = "" if "=" in attributes else attributes
    return attributes.strip().strip('"').removesuffix("^").strip()


def _linked(words: str, address: str) -> str:
    """Words linked to a web or mail address; a link to anything else (a page of the site,
    `javascript:`) its words only."""
    return link(words, address) if _SCHEME.match(address) else words


def _code_span(text: str) -> str:
    """Text as a Markdown code span, backticks inside it kept."""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _plain(markdown: str) -> str:
    """Markdown's words without its marks (for the issue's title)."""
    words = re.sub(r"\[([^\]]*)\]\(<[^>]*>\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", words.replace("**", "")).strip()


def _date(value: str):
    """A date an attribute or the revision line writes, ISO or in words."""
    value = value.strip()
    return parse_date(value) or parse_date(value.split()[0] if value else "") or \
        written_date(value)
