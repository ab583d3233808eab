"""reStructuredText newsletters (`.rst`, `.rest`: Pelican and Sphinx/ablog posts): each line
turned into the Markdown line that shows what docutils' HTML shows, one for one, and read by
the Markdown reader, so block line numbers stay the file's.

Titles over- or underlined with any punctuation are headings, levels in the order their styles
first appear; the field list under the title (`:date:`, `:author:`) is the issue's metadata.
Links (`` `words <https://…>`_ ``, `` `words`_ `` with its `.. _words: https://…` target,
bare addresses), emphasis and literals read as such; comments, targets, substitution
definitions and the directives that insert files, raw markup or a contents list (`include`,
`raw`, `csv-table :file:`, `contents`) give no text — no file is ever read. Admonitions and
indented text are quotes, literal blocks and `code-block` code, tables rows, footnotes notes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from digest.model import Meta, Part

from .asmarkdown import RULE, guarded, link, literal
from .dates import parse_date
from .decode import normalize_newlines

_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{1,}[ \t]*$")  # a line of one punctuation mark
_FIELD = re.compile(r"^:((?:[^:\\\n]|\\.){1,60}):(?:[ \t]+(.*))?$")
_EXPLICIT = re.compile(r"^\.\.(?:[ \t]+|$)(.*)$")
_TARGET = re.compile(r"^_(`[^`]{1,200}`|[^:`]{1,200}|_):(?:[ \t]+(.*))?$")
_ANONYMOUS = re.compile(r"^__[ \t]+(\S.*)$")
_FOOTNOTE = re.compile(r"^\[(#?[\w.-]{0,40}|\*)\](?:[ \t]+(.*))?$")
_SUBSTITUTION = re.compile(r"^\|([^|\n]{1,80})\|[ \t]+([\w-]{1,40})::(?:[ \t]+(.*))?$")
_DIRECTIVE = re.compile(r"^([\w][\w:.+-]{0,40})::(?:[ \t]+(.*))?$")
_BULLET = re.compile(r"^([-*+•‣⁃])(?:[ \t]+|$)")
_ENUMERATED = re.compile(r"^(?:(\d{1,9}|#)[.)]|\((\d{1,9}|#)\))(?:[ \t]+|$)")
_SIMPLE_BORDER = re.compile(r"^=+(?: +=+)+ *$")
_GRID_BORDER = re.compile(r"^\+[-=]+(?:\+[-=]+)*\+ *$")
_LINE_BLOCK = re.compile(r"^\|(?: +|$)")
_SCHEME = re.compile(r"^(?:https?|ftp|gemini)://\S|^mailto:\S", re.IGNORECASE)
_EMBEDDED = re.compile(r"^(.*?)[ \t\n]*<([^<>]{1,2000})>$", re.DOTALL)
_START = r"(?<![^\s\-:/'\"<(\[{])"  # what may stand before inline markup
_END = r"(?=[\s\-.,:;!?\\/'\")\]}>]|$)"  # and after it
_INLINE = re.compile(
    r"\\(?P<escaped>[^\n]?)"
    rf"|{_START}``(?P<literal>\S(?:[^\n]{{0,400}}?(?:\n[^\n]{{0,400}}?)?\S)?)``{_END}"
    r"| ?\[(?:#?[\w.-]{0,40}|\*)\]_(?![\w])"  # a footnote's or citation's reference
    rf"|{_START}(?P<role>:[\w.+-]{{1,40}}:)?(?P<target>_)?`(?P<body>[^`\s](?:[^`]{{0,400}}?"
    rf"[^`\s])?)`(?P<after>:[\w.+-]{{1,40}}:)?(?P<ref>__?)?{_END}"
    rf"|{_START}\*\*(?P<strong>\S(?:[^*]{{0,400}}?\S)?)\*\*{_END}"
    rf"|{_START}\*(?P<em>[^*\s](?:[^*]{{0,400}}?[^*\s])?)\*{_END}"
    rf"|{_START}\|(?P<sub>[^|\s](?:[^|\n]{{0,80}}?[^|\s])?)\|(?P<subref>__?)?{_END}"
    r"|(?P<url>\b(?:https?|ftp)://[^\s<>\"`]*[^\s<>\"`'.,;:!?)\]])"
    r"|(?<![\w.+-])(?P<name>\w[\w.+-]{0,60})_(?![\w`])")
_CODE_ROLES = {"code", "literal", "file", "kbd", "samp", "command", "program", "envvar",
               "option", "makevar", "regexp", "math"}
_NAMED_ROLES = {"pep": "PEP", "rfc": "RFC"}  # the names docutils shows before the number
_QUOTES = {"attention", "caution", "danger", "error", "hint", "important", "note", "tip",
           "warning", "admonition", "seealso", "epigraph", "pull-quote", "highlights",
           "topic", "sidebar", "versionadded", "versionchanged", "deprecated"}
_CODE = {"code", "code-block", "sourcecode", "parsed-literal", "math", "doctest"}
# Directives that insert a file, raw markup or the generator's own furniture: never text.
_NOTHING = {"include", "raw", "literalinclude", "contents", "sectnum", "section-numbering",
            "header", "footer", "meta", "title", "default-role", "role", "highlight", "toctree",
            "index", "target-notes", "image", "class", "unicode", "date", "replace"}
_METADATA = ("title", "date", "author", "authors", "lang", "language")
MAX_DEPTH = 8  # quotes, lists and directives nested deeper read as text
SIGN_FIELDS = 2


def read_rst(text: str) -> Part:
    """The file's blocks, read through Markdown, and its title and fields as metadata."""
    from .markdown import meta_from, read_markdown

    lines = [line.expandtabs(8) for line in
             normalize_newlines(text).removeprefix("\ufeff").split("\n")]
    translation = _Translation(lines)
    part = read_markdown("\n".join(translation.run()))
    fields = {key: value for key, value in translation.fields.items() if key in _METADATA}
    if translation.title:
        fields.setdefault("title", translation.title)
    part.meta = _meta(meta_from(fields), fields)
    return part


def _meta(found: Meta, fields: dict[str, str]) -> Meta:
    """A date written as Pelican allows it ("2026-03-12 09:00", "2026/03/12")."""
    if found.date is None and fields.get("date"):
        found.date = parse_date(fields["date"].split()[0].replace("/", "-"))
    return found


def looks_like_rst(head: str) -> bool:
    """Whether text saved under another name is unmistakably reStructuredText: it opens with
    a title over- or underlined, and a field list (`:date:`, `:author:`) follows it."""
    lines = [line for line in head.split("\n")[:30]]
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return False
    at = start + (3 if _ADORNMENT.match(lines[start]) else 2)
    title = lines[start:at]
    if len(title) < at - start or not _ADORNMENT.match(title[-1]) or \
            _ADORNMENT.match(title[-2]):
        return False
    fields = [line for line in lines[at:at + 12] if _FIELD.match(line)]
    return len(fields) >= SIGN_FIELDS


@dataclass
class _Translation:
    """Walks the lines once per nesting level, keeping the heading styles met (their order
    gives levels), the link targets and substitutions the file defines, and its fields."""

    lines: list[str]
    styles: list[tuple[str, bool]] = field(default_factory=list)
    targets: dict[str, str] = field(default_factory=dict)
    anonymous: list[str] = field(default_factory=list)
    substitutions: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    numbered: int = 0  # autonumbered footnotes met

    def run(self) -> list[str]:
        """The Markdown lines, the file's targets and substitutions read first."""
        self._definitions()
        out = self._region(self.lines, 0, top=True)
        return out

    def _definitions(self) -> None:
        """The link targets (`.. _name: https://…`, anonymous `__ https://…`) and the text
        substitutions (`.. |name| replace:: words`) the file defines anywhere."""
        for n, line in enumerate(self.lines):
            explicit = _EXPLICIT.match(line.lstrip()) if line.lstrip()[:2] in ("..", "__") \
                else None
            if explicit is None:
                anonymous = _ANONYMOUS.match(line.lstrip())
                if anonymous:
                    self.anonymous.append(anonymous[1].strip())
                continue
            target = _TARGET.match(explicit[1])
            substitution = _SUBSTITUTION.match(explicit[1])
            if target:
                address = "".join(part.strip() for part in [target[2] or "",
                                                            *self._continued(n)])
                if target[1] == "_":
                    self.anonymous.append(address)
                else:
                    self.targets[_name(target[1].strip("`"))] = address
            elif substitution and substitution[2] == "replace":
                words = " ".join([substitution[3] or "", *self._continued(n)]).strip()
                self.substitutions[_name(substitution[1])] = words

    def _continued(self, n: int) -> list[str]:
        """The indented lines that go on from the explicit markup at `n`."""
        found = []
        indent = _columns(self.lines[n])
        for line in self.lines[n + 1:]:
            if not line.strip() or _columns(line) <= indent:
                break
            found.append(line.strip())
        return found

    def _region(self, lines: list[str], depth: int, top: bool = False) -> list[str]:
        """One Markdown line for each line of a body (a file, or a quote's, item's or
        directive's lines without their indentation)."""
        out = [""] * len(lines)
        n = 0
        fields_open = top
        while n < len(lines):
            line = lines[n]
            if not line.strip():
                n += 1
                continue
            if fields_open and _FIELD.match(line):
                n = self._docinfo(lines, n)
                continue
            heading = self._heading(lines, n) if top else None
            if heading:
                n = self._write_heading(lines, n, heading, out)
                fields_open = fields_open and self.title is not None and len(self.styles) == 1
                continue
            fields_open = False
            n = self._block(lines, n, out, depth)
        return out

    def _docinfo(self, lines: list[str], n: int) -> int:
        """The field list under the title (or over it): the issue's metadata, no text."""
        key = ""
        while n < len(lines) and lines[n].strip():
            found = _FIELD.match(lines[n])
            if found is None and not lines[n][:1].isspace():
                return n
            if found:
                key = found[1].strip().lower()
                self.fields[key] = (found[2] or "").strip()
            elif key:
                self.fields[key] = f"{self.fields[key]} {lines[n].strip()}".strip()
            n += 1
        return n

    def _heading(self, lines: list[str], n: int) -> tuple[str, bool, int] | None:
        """A title at `n`: its words, whether it is overlined, and how many lines it takes."""
        line = lines[n]
        below = lines[n + 1] if n + 1 < len(lines) else ""
        over = _ADORNMENT.match(line)
        if over and n + 2 < len(lines) and lines[n + 1].strip() and \
                lines[n + 2].rstrip() == line.rstrip() and not _ADORNMENT.match(lines[n + 1]):
            return lines[n + 1].strip(), True, 3
        if over or line[:1].isspace() or not _ADORNMENT.match(below):
            return None
        if len(below.rstrip()) < min(len(line.rstrip()), 4):
            return None
        return line.strip(), False, 2

    def _write_heading(self, lines: list[str], n: int, heading: tuple[str, bool, int],
                       out: list[str]) -> int:
        """A title as a heading, its level the place its style first appeared."""
        words, overlined, size = heading
        style = (lines[n + size - 1].strip()[0], overlined)
        if style not in self.styles:
            self.styles.append(style)
        level = self.styles.index(style) + 1
        if self.title is None and level == 1:
            self.title = _plain(self._inline(words))
        out[n + size - 2] = "#" * min(level, 6) + " " + self._inline(words)
        return n + size

    def _block(self, lines: list[str], n: int, out: list[str], depth: int) -> int:
        """The block opening at `n` written into `out`; the index of the line after it."""
        line = lines[n]
        if line[:1] == " " and depth < MAX_DEPTH:
            end = _indented_end(lines, n, 1)
            out[n:end] = _quoted(self._region(_dedented(lines[n:end]), depth + 1))
            return end
        if line.startswith("..") and _EXPLICIT.match(line):
            return self._explicit(lines, n, out, depth)
        if _ANONYMOUS.match(line):
            return _indented_end(lines, n + 1, 1)
        if _ADORNMENT.match(line) and len(line.strip()) >= 4 and \
                (n + 1 == len(lines) or not lines[n + 1].strip()):
            out[n] = RULE
            return n + 1
        if _SIMPLE_BORDER.match(line):
            return self._simple_table(lines, n, out)
        if _GRID_BORDER.match(line):
            return self._grid_table(lines, n, out)
        if depth < MAX_DEPTH:
            item = _BULLET.match(line) or _ENUMERATED.match(line)
            if item and (len(line) > item.end() or n + 1 < len(lines)):
                return self._item(lines, n, item, out, depth)
            if _FIELD.match(line):
                return self._field(lines, n, out, depth)
            if n + 1 < len(lines) and lines[n + 1][:1] == " " and lines[n + 1].strip() and \
                    not line.rstrip().endswith("::"):
                return self._definition(lines, n, out, depth)
        if _LINE_BLOCK.match(line):
            return self._line_block(lines, n, out)
        return self._paragraph(lines, n, out)

    def _paragraph(self, lines: list[str], n: int, out: list[str]) -> int:
        """A paragraph, its inline markup read across its lines; one ending in "::" introduces
        the literal block indented under it (code)."""
        end = n + 1
        while end < len(lines) and lines[end].strip() and not lines[end][:1].isspace():
            end += 1
        text = "\n".join(line.strip() for line in lines[n:end])
        literal_next = text.endswith("::")
        if literal_next:
            text = text[:-2].rstrip() + (":" if text[-3:-2] not in (" ", "\n", "") else "")
        for k, content in enumerate(self._inline(text).split("\n")):
            out[n + k] = "\\" + content if k and _ADORNMENT.match(lines[n + k]) else \
                guarded(content)
        if not literal_next:
            return end
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start == len(lines) or not lines[start][:1].isspace():
            return end
        stop = _indented_end(lines, start, 1)
        out[start:stop] = _code(lines[start:stop])
        return stop

    def _item(self, lines: list[str], n: int, item: re.Match[str], out: list[str],
              depth: int) -> int:
        """A list item: its first line and the lines indented under it, as a Markdown item."""
        column = item.end() if len(lines[n]) > item.end() else len(item[0].rstrip()) + 1
        end = _indented_end(lines, n + 1, column)
        body = [lines[n][column:], *(line[column:] for line in lines[n + 1:end])]
        if item.re is _BULLET:
            marker = "-"
        else:
            number = item[1] or item[2]
            marker = ("1" if number == "#" else number) + "."
        inner = self._region(body, depth + 1)
        pad = " " * (len(marker) + 1)
        out[n] = marker + " " + inner[0]
        out[n + 1:end] = [pad + text if text else "" for text in inner[1:]]
        return end

    def _field(self, lines: list[str], n: int, out: list[str], depth: int) -> int:
        """A field in the text (`:Venue: the old mill`): an entry of a list, its name bold."""
        found = _FIELD.match(lines[n])
        assert found is not None
        end = _indented_end(lines, n + 1, 1)
        inner = self._region(_dedented([found[2] or "", *lines[n + 1:end]]), depth + 1)
        out[n] = f"- **{self._inline(found[1].strip())}:** {inner[0]}".rstrip()
        out[n + 1:end] = ["  " + text if text else "" for text in inner[1:]]
        return end

    def _definition(self, lines: list[str], n: int, out: list[str], depth: int) -> int:
        """A definition list's entry (a term over its indented definition): the term bold,
        then a dash and the definition, as one entry."""
        end = _indented_end(lines, n + 1, 1)
        term = lines[n].strip().split(" : ")[0]
        inner = self._region(_dedented(lines[n + 1:end]), depth + 1)
        out[n] = f"- **{self._inline(term)}** —"
        out[n + 1:end] = ["  " + text if text else "" for text in inner]
        return end

    def _line_block(self, lines: list[str], n: int, out: list[str]) -> int:
        """A line block (`| line`): each line as written, a line of its own."""
        while n < len(lines) and _LINE_BLOCK.match(lines[n]):
            out[n] = guarded(self._inline(lines[n][1:].strip())) + "\\"
            n += 1
        out[n - 1] = out[n - 1].removesuffix("\\")
        return n

    def _explicit(self, lines: list[str], n: int, out: list[str], depth: int) -> int:
        """Explicit markup (`.. `): a footnote is a note, a directive by its kind; targets,
        substitution definitions and comments are no text."""
        explicit = _EXPLICIT.match(lines[n])
        assert explicit is not None
        rest = explicit[1]
        end = _indented_end(lines, n + 1, 1)
        footnote = _FOOTNOTE.match(rest)
        directive = _DIRECTIVE.match(rest)
        if footnote and not _TARGET.match(rest):
            label = footnote[1].lstrip("#") or self._next_number()
            inner = self._region(_dedented([footnote[2] or "", *lines[n + 1:end]]), depth + 1)
            out[n] = f"[^{label}]: {inner[0]}"
            out[n + 1:end] = ["    " + text if text else "" for text in inner[1:]]
        elif directive and depth < MAX_DEPTH:
            self._directive(directive[1].lower(), directive[2] or "", lines[n + 1:end],
                            n + 1, out, depth)
        return end

    def _next_number(self) -> str:
        """The label of the next autonumbered footnote (`.. [#]`)."""
        self.numbered += 1
        return str(self.numbered)

    def _directive(self, name: str, argument: str, body: list[str], start: int,
                   out: list[str], depth: int) -> None:
        """A directive's lines: an admonition or topic quoted, code as code, a table's rows,
        a figure's caption and any other directive's content as text; the directives that
        insert files or raw markup nothing."""
        if name in _NOTHING:
            return
        inner = _dedented(body)
        options = 0
        while options < len(inner) and _FIELD.match(inner[options]):
            options += 1
        options_of = {found[1].lower() for found in map(_FIELD.match, inner[:options])
                      if found}
        content = [""] * options + inner[options:]
        if name in _CODE:
            out[start:start + len(body)] = [""] * options + _code(body[options:])
        elif name == "csv-table":
            if not options_of & {"file", "url"}:
                out[start:start + len(body)] = _csv_rows(content, self._inline)
        elif name in _QUOTES:
            opening = [argument] if argument and name not in ("versionadded",
                                                                "versionchanged",
                                                                "deprecated") else []
            lines = self._region(content, depth + 1)
            if opening:  # the title (or the words) written on the directive's line
                heading = self._inline(" ".join(opening))
                bold = name in ("admonition", "topic", "sidebar")
                lines = _quoted([f"**{heading}**" if bold else heading, *lines])
                out[start - 1:start + len(body)] = lines
            else:
                out[start:start + len(body)] = _quoted(lines)
        elif name == "rubric":
            out[start - 1] = f"**{self._inline(argument)}**"
        elif name != "figure" or options < len(inner):
            out[start:start + len(body)] = self._region(content, depth + 1)

    def _simple_table(self, lines: list[str], n: int, out: list[str]) -> int:
        """A simple table (columns under `===  ===` borders): with a one-line header, a
        Markdown table; else each row an entry of a list."""
        columns = [m.start() for m in re.finditer(r"=+", lines[n])]
        borders, end = [n], n + 1
        while end < len(lines) and lines[end].strip():
            if _SIMPLE_BORDER.match(lines[end]):
                borders.append(end)
            end += 1
        headed = len(borders) >= 3 and borders[1] == n + 2
        for k in range(n, end):
            if k in borders:
                out[k] = "| " + " | ".join(["---"] * len(columns)) + " |" \
                    if headed and k == borders[1] else ""
                continue
            cells = [self._inline(cell) for cell in _split(lines[k], columns)]
            out[k] = "| " + " | ".join(cells) + " |" if headed else "- " + " \\| ".join(
                cell for cell in cells if cell)
        return end

    def _grid_table(self, lines: list[str], n: int, out: list[str]) -> int:
        """A grid table (`+---+---+` borders): each row an entry of a list, its cells' lines
        joined, on the row's first line."""
        columns = [m.start() for m in re.finditer(r"\+", lines[n].rstrip())][:-1]
        end = n
        row: list[int] = []
        while end < len(lines) and lines[end][:1] in ("+", "|"):
            if _GRID_BORDER.match(lines[end]):
                self._grid_row(lines, row, columns, out)
                row = []
            else:
                row.append(end)
            end += 1
        self._grid_row(lines, row, columns, out)
        return end

    def _grid_row(self, lines: list[str], row: list[int], columns: list[int],
                  out: list[str]) -> None:
        """A grid table's row, its cells' lines joined, as one entry."""
        if not row:
            return
        cells = [" ".join(parts).strip() for parts in zip(*(
            _split(lines[k].rstrip().rstrip("|"), [c + 1 for c in columns]) for k in row))]
        text = " \\| ".join(self._inline(cell.strip("| ")) for cell in cells if
                            cell.strip("| "))
        out[row[0]] = "- " + text if text else ""

    def _inline(self, text: str) -> str:
        """reStructuredText's inline markup as Markdown's, every other character as written."""
        out: list[str] = []
        at = 0
        for found in _INLINE.finditer(text):
            out.append(literal(text[at:found.start()]))
            markdown = self._markup(found)  # as many lines as the markup took
            out.append(markdown + "\n" * (found[0].count("\n") - markdown.count("\n")))
            at = found.end()
        out.append(literal(text[at:]))
        return "".join(out)

    def _markup(self, found: re.Match[str]) -> str:
        """One piece of inline markup: a link, a reference, a role, emphasis or a literal."""
        if found["escaped"] is not None:
            return literal(found["escaped"].strip())
        if found["literal"] is not None:
            return _code_span(found["literal"])
        if found["body"] is not None:
            return self._interpreted(found)
        if found["strong"] is not None:
            return "**" + self._inline(found["strong"]) + "**"
        if found["em"] is not None:
            return "_" + self._inline(found["em"]) + "_"
        if found["sub"] is not None:
            words = literal(self.substitutions.get(_name(found["sub"]), ""))
            address = self.targets.get(_name(found["sub"])) if found["subref"] else None
            return link(words, address) if words and address and _SCHEME.match(address) \
                else words
        if found["url"] is not None:
            return link(literal(found["url"]), found["url"])
        if found["name"] is not None:
            address = self.targets.get(_name(found["name"]))
            if address is None:
                return literal(found[0])
            return _linked(literal(found["name"]), self._resolved(address))
        return ""  # a footnote's reference

    def _interpreted(self, found: re.Match[str]) -> str:
        """`` `text` `` with its role or as a reference: a link, code, emphasis or words."""
        body = found["body"]
        role = (found["role"] or found["after"] or "").strip(":").lower()
        if found["ref"]:
            embedded = _EMBEDDED.match(body)
            words, address = (embedded[1], "".join(embedded[2].split())) if embedded else \
                (body, None)
            if address is None:
                address = self._anonymous() if found["ref"] == "__" else \
                    self.targets.get(_name(body))
            elif address.endswith("_") and not _SCHEME.match(address):
                address = self.targets.get(_name(address[:-1].strip("`")))
            words = words.strip() or (address or "")
            return _linked(self._inline(words), self._resolved(address))
        if found["target"]:
            return self._inline(body)
        embedded = _EMBEDDED.match(body)
        words = (embedded[1] or embedded[2]) if embedded else body.lstrip("~!")
        if role in _CODE_ROLES:
            return _code_span(words)
        if role == "strong":
            return "**" + literal(words) + "**"
        if role in ("emphasis", "title-reference", "title", "t"):
            return "_" + literal(words) + "_"
        if role in _NAMED_ROLES:
            return f"{_NAMED_ROLES[role]} {literal(words)}"
        return literal(words.split(".")[-1] if body.startswith("~") else words)

    def _anonymous(self) -> str | None:
        """The address of the next anonymous reference, in the order targets are written."""
        return self.anonymous.pop(0) if self.anonymous else None

    def _resolved(self, address: str | None) -> str | None:
        """A target's address, through a target that names another (`.. _a: b_`)."""
        for _ in range(5):
            if address is None or not address.endswith("_") or _SCHEME.match(address):
                return address
            address = self.targets.get(_name(address[:-1].strip("`")))
        return None


def _linked(words: str, address: str | None) -> str:
    """Words linked to a web address; to a section of the page, or to no address, words."""
    return link(words, address) if address and _SCHEME.match(address) else words


def _name(text: str) -> str:
    """A reference name as docutils compares them: case and runs of spaces aside."""
    return " ".join(text.lower().split())


def _plain(markdown: str) -> str:
    """A heading's words without Markdown's marks (for the issue's title)."""
    words = re.sub(r"\[([^\]]*)\]\(<[^>]*>\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", words.replace("**", "")).strip()


def _columns(line: str) -> int:
    """How far in a line is set."""
    return len(line) - len(line.lstrip(" "))


def _indented_end(lines: list[str], start: int, indent: int) -> int:
    """Where the lines set in by `indent` or more from `start` end (blank lines between them
    theirs, blank lines after them not)."""
    end = last = start
    while end < len(lines):
        if lines[end].strip():
            if _columns(lines[end]) < indent:
                break
            last = end + 1
        end += 1
    return last


def _dedented(lines: list[str]) -> list[str]:
    """Lines without the indentation they share."""
    indent = min((_columns(line) for line in lines if line.strip()), default=0)
    return [line[indent:] for line in lines]


def _quoted(lines: list[str]) -> list[str]:
    """Markdown lines as one quote: blank lines between them inside it, those after it not."""
    last = max((k for k, line in enumerate(lines) if line.strip()), default=-1)
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    return ["> " + line if line.strip() else ">" if first < k < last else ""
            for k, line in enumerate(lines)]


def _code(lines: list[str]) -> list[str]:
    """Lines of a literal block as Markdown's indented code."""
    return ["    " + line if line.strip() else "" for line in _dedented(lines)]


def _code_span(text: str) -> str:
    """Text as a Markdown code span, backticks inside it kept."""
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _split(line: str, columns: list[int]) -> list[str]:
    """A table line's cells, cut where its columns start."""
    edges = [*columns[1:], len(line) + 1]
    return [line[start:stop].strip() for start, stop in zip(columns, edges)]


def _csv_rows(lines: list[str], inline) -> list[str]:
    """A `csv-table`'s own rows, each an entry of a list."""
    out = []
    for line in lines:
        row = next(csv.reader([line], skipinitialspace=True), []) if line.strip() else []
        cells = [inline(cell.strip()) for cell in row if cell.strip()]
        out.append("- " + " \\| ".join(cells) if cells else "")
    return out
