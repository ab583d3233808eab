"""Markdown as note apps and site generators leave it: their own markup, which no Markdown
parser reads, turned into the text a reader of the published page sees.

Container fences (":::tip") and GitHub's alert marks ("> [!NOTE]"), MDX's imports, exports,
comments and components (a component linking somewhere is that
link), MkDocs' admonitions and content tabs (their title kept, their body dedented),
kramdown's attribute lists and `{:toc}`, `[TOC]` markers, Obsidian's wikilinks, embeds,
comments (private notes: never published), highlights, block ids, tag lines and titled
callouts, Notion's `<aside>` and `<details>` wrappers, emoji shortcodes (`:rocket:`), and
links whose address is a template tag, and a template's loops (Liquid's, Nunjucks', Tera's
`{% for %}` … `{% endfor %}`), which repeat lines from the site's data; a highlight tag's
lines (Jekyll's `{% highlight ruby %}`, Hugo's `{{< highlight go >}}`) are a code block.
Every line stays where it was (a line taken out is left blank), so block line numbers stay
those of the file; code blocks are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A container's fence (":::tip", "::: warning Mind the gap", ":::"), as Docusaurus, VitePress
# and markdown-it-container write callouts (GitHub's alert mark, "> [!NOTE]", is a callout).
_CONTAINER = re.compile(r"^ {0,3}:{3,}(?:[ \t]*[\w{][^\n]*)?[ \t]*$")
_MDX_LINE = re.compile(
    r"""^(?:import\s+(?:[\w*${}\s,]+\s+from\s+)?['"][^'"\n]+['"]|"""
    r"""export\s+(?:const|let|var|default|function|async)\b.*?);?\s*$""")
_JSX_COMMENT = re.compile(r"\{/\*.*?\*/\}")
_JSX_VALUE = re.compile(r"\{[A-Za-z_$][\w$.]*\}")
# A component is named in PascalCase ("LinkCard", "YouTube"); HTML's tags in capitals are not.
_COMPONENT_OPEN = re.compile(r"^\s*<([A-Z][a-z][\w.]*)\b")
_COMPONENT_CLOSE = re.compile(r"^\s*</[A-Z][a-z][\w.]*>\s*$")
_ATTRIBUTE = re.compile(r"""\b(\w+)=(?:"([^"]*)"|'([^']*)'|\{["'`]([^"'`]*)["'`]\})""")
COMPONENT_LINES = 12  # a component's tag spread over lines, at most
_ADMONITION = re.compile(
    r'^(\s*)(?:(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"([^"]*)")?|===\s+"([^"]*)")\s*$')
_IAL_LINE = re.compile(r"^\s*\{:[^}\n]*\}\s*$")  # "{:toc}", "{: .notice--success}"
_IAL_TAIL = re.compile(
    r"""\s*\{:?\s*(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|\S+))"""
    r"""(?:\s+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|\S+)))*\s*\}\s*$""")
_TOC_LINE = re.compile(r"^\s*(?:\[TOC\]|\[\[_?TOC_?\]\])\s*$", re.IGNORECASE)
_TOC_MARK = re.compile(r"^\s*\{:\s*toc\s*\}\s*$", re.IGNORECASE)
_LIST_LINE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
_EMBED = re.compile(r"!\[\[[^\]\n]*\]\]")
# "[[Page]]", "[[Page|alias]]"; not "[[transcript]](…)" (a link's bracketed words), nor Rust's
# "<[[T; N]]>"
_WIKILINK = re.compile(r"(?<![\w<\[`])\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\](?![\](>])")
_MERGE_TAG = re.compile(r'[A-Z][A-Z0-9_]*(?: OR "[^"\n]*")?')  # "[[FIRSTNAME OR "Friend"]]"
_HIGHLIGHT = re.compile(r"(?<![=!<>])==(?=[^\s=])([^=\n]+?)(?<=[^\s=!<>])==(?!=)")
_BLOCK_ID = re.compile(r"\s+\^[A-Za-z0-9-]{2,40}\s*$")
_TAGS_LINE = re.compile(r"^\s*#[^\s#][\w/-]*(?:\s+#[^\s#][\w/-]*)*\s*$")
_CALLOUT = re.compile(r"^(\s{0,3}>[ \t]?)\[![\w-]+\][+-]?[ \t]*(.*)$")
_WRAPPER = re.compile(r"^\s*</?(?:aside|details)>\s*$", re.IGNORECASE)
_SUMMARY = re.compile(r"^\s*<summary>(.*?)</summary>\s*$", re.IGNORECASE)
# ":rocket:", not ":---:" (a table's alignment) nor "std::io" (the literal colon first: fast)
_SHORTCODE = re.compile(r":(?<![\w:/]:)(?=[\w+-]*[a-z])[a-z0-9_+-]{2,40}:(?![\w:/])")
_TEMPLATE_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*(?:(?:\{\{.*?\}\}|\{%.*?%\})\s*)+\)")
_TASK = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)\[[ xX]\]\s+")
_COMMENT_MARK = "%%"
_LOOP_OPEN = re.compile(r"^\s*\{%-?\s*for\s[^%\n]*%\}\s*$")  # "{% for post in site.posts %}"
_LOOP_CLOSE = re.compile(r"^\s*\{%-?\s*endfor\s*-?%\}\s*$")
LOOP_LINES = 40  # a loop's lines, at most
_HIGHLIGHT_OPEN = re.compile(
    r"^ {0,3}(?:\{%-?\s*highlight\s[^%\n]*%\}|\{\{<\s*highlight\s[^>\n]*>\}\})\s*$")
_HIGHLIGHT_CLOSE = re.compile(
    r"^ {0,3}(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*/highlight\s*>\}\})\s*$")
_FENCES = ("!!!", "???", "===")


def without_tool_markup(lines: list[str]) -> list[str]:
    """The lines with the markup above turned into what it shows."""
    text = "\n".join(lines)
    if "{%" in text and "endfor" in text:
        lines = _without_loops(lines)
    if "highlight" in text and ("{%" in text or "{{<" in text):  # what a highlight tag opens with
        lines = _highlights_fenced(lines)
    signs = _signs(text)
    if not signs:
        return lines
    mdx = "mdx" in signs
    out: list[str] = []
    fence, indent, comment, component = "", None, False, None
    for line in lines:
        opened = _FENCE.match(line)
        if opened and (not fence or opened[1].startswith(fence)):
            fence = "" if fence else opened[1][0] * 3
            out.append(line)
            continue
        if fence:
            out.append(line)
            continue
        if component is not None:
            component.append(line)
            if line.rstrip().endswith(("/>", ">")) or len(component) >= COMPONENT_LINES:
                out.extend(_component(component))
                component = None
            continue
        if "comment" in signs:
            line, comment = _uncommented(line, comment)
        if indent is not None:  # an admonition's or tab's body, set in by four more columns
            if not line.strip() or line.startswith(" " * (indent + 4)):
                out.append(line[4:] if line.strip() else line)
                continue
            indent = None
        starts = line.lstrip()[:3]
        if starts == ":::" and _CONTAINER.match(line):
            out.append("")
            continue
        admonition = _ADMONITION.match(line) if starts in _FENCES else None
        if admonition:
            indent = len(admonition[1])
            title = admonition[2] or admonition[3]
            out.append(f"{admonition[1]}**{title}**" if title else "")
            continue
        if "component" in signs and starts[:1] == "<":
            if _COMPONENT_CLOSE.match(line):
                out.append("")
                continue
            if _COMPONENT_OPEN.match(line) and (mdx or "/>" in line or "=" in line):
                component = [line]
                if line.rstrip().endswith(">"):
                    out.extend(_component(component))
                    component = None
                continue
        out.append(_inline(line, signs))
    if component is not None:
        out.extend(component)
    return _without_toc_lists(out) if "ial" in signs else out


# What each kind of markup writes somewhere, looked for in the whole text first: a document
# with none of it is left as it is. The signs opening with a mark are looked for in one search
# (the marks are rare enough for it to skip most of the text fast), the others one by one.
_SIGNS = (":::", "[[", "==", "]({", "[ ]", "[x]", "[X]", "[!", "{:", "{#", "{.", "{ #", "{ .", "%%",
          "<aside", "<details", "<summary", "!!!", "???", "[TOC", "[toc", "[[_TOC")
_SIGN = re.compile("|".join(map(re.escape, _SIGNS)))
_WORD_SIGNS = ("import ", "export ", " ^")
_TAGS_START = re.compile(r"\n[ \t]*#[^\s#]")  # searched in "\n" + text (a literal first: fast)
_COMPONENT_START = re.compile(r"\n[ \t]*</?[A-Z][a-z]")


def _signs(text: str) -> set[str]:
    """Which kinds of markup the document holds at all, so that each line is tried only for
    those."""
    signs = {"shortcode"} if ":" in text and _SHORTCODE.search(text) else set()
    component = "<" in text and _COMPONENT_START.search("\n" + text) is not None
    tagged = "#" in text and _TAGS_START.search("\n" + text) is not None
    if not (component or tagged or _SIGN.search(text) or any(sign in text for sign in _WORD_SIGNS)):
        return signs
    signs.add("lines")
    if component:
        signs.add("component")
    if _COMMENT_MARK in text:
        signs.add("comment")
    if "{" in text or "[TOC" in text or "[toc" in text or "[[_" in text:
        signs.add("ial")
    if ("import " in text or "export " in text) and \
            any(_MDX_LINE.match(line) for line in text.split("\n", 40)[:40]):
        signs.add("mdx")
    return signs


def _without_loops(lines: list[str]) -> list[str]:
    """A template's loop, its opening and closing tags alone on their lines, left blank: its
    lines are filled in from the site's data ("- {{ event.title }} on {{ event.date }}"),
    which the file does not hold, and what is left of them is no text ("- on")."""
    out = list(lines)
    for n in _outside_fences(out):
        if "{%" in out[n] and _LOOP_OPEN.match(out[n]):
            end = _loop_end(out, n)
            if end is not None:
                out[n:end + 1] = [""] * (end + 1 - n)
    return out


def _loop_end(lines: list[str], start: int) -> int | None:
    """The line closing the loop opened at `start` (loops inside it counted), if it is near."""
    depth = 0
    for n in range(start, min(len(lines), start + LOOP_LINES)):
        if _FENCE.match(lines[n]):
            return None
        if _LOOP_OPEN.match(lines[n]):
            depth += 1
        elif _LOOP_CLOSE.match(lines[n]):
            depth -= 1
            if depth == 0:
                return n
    return None


def _highlights_fenced(lines: list[str]) -> list[str]:
    """A highlight tag and its closing tag, each alone on its line, as a code block's fences
    (one with no closing tag below it before the next fence left as it is)."""
    out, stop = list(lines), -1  # where the last search for a closing tag stopped
    for n in _outside_fences(lines):
        if n <= stop or "highlight" not in lines[n] or not _HIGHLIGHT_OPEN.match(lines[n]):
            continue
        stop = next((k for k in range(n + 1, len(lines))
                     if _HIGHLIGHT_CLOSE.match(lines[k]) or _FENCE.match(lines[k])), len(lines))
        if stop < len(lines) and _HIGHLIGHT_CLOSE.match(lines[stop]):
            out[n] = out[stop] = "```"
    return out


def _outside_fences(lines: list[str]) -> Iterator[int]:
    """The numbers of the lines outside code fences (and not fences themselves)."""
    fence = ""
    for n in range(len(lines)):
        opened = _FENCE.match(lines[n])
        if opened and (not fence or opened[1].startswith(fence)):
            fence = "" if fence else opened[1][0] * 3
        elif not fence:
            yield n


def _uncommented(line: str, inside: bool) -> tuple[str, bool]:
    """The line without Obsidian's `%%private comments%%` (which may span lines)."""
    if not inside and _COMMENT_MARK not in line:
        return line, False
    kept: list[str] = []
    while line:
        if inside:
            _, found, line = line.partition(_COMMENT_MARK)
            inside = not found
        else:
            head, found, line = line.partition(_COMMENT_MARK)
            kept.append(head)
            inside = bool(found)
    return "".join(kept).rstrip(), inside


def _component(lines: list[str]) -> list[str]:
    """A component's tag: the link it makes ("[Forty island sites](https://…) — Noor's
    audit"), its title for one wrapping text, or nothing; its other lines left blank."""
    tag = " ".join(line.strip() for line in lines)
    if _COMPONENT_CLOSE.match(tag):
        return [""] * len(lines)
    attributes = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTRIBUTE.finditer(tag)}
    title = attributes.get("title") or attributes.get("label") or ""
    href = attributes.get("href") or attributes.get("url") or ""
    text = f"[{title or href}]({href})" if href.startswith(("http://", "https://")) else \
        f"**{title}**" if title else ""
    if text and attributes.get("description"):
        text = f"{text} — {attributes['description']}"
    return [text] + [""] * (len(lines) - 1)


def _inline(line: str, signs: set[str]) -> str:
    """One line's markup taken out; each rule tried only on a line holding its sign."""
    if "lines" not in signs:  # shortcodes alone
        return _SHORTCODE.sub("", line) if ":" in line and "`" not in line else line
    head = line.lstrip()[:1]
    if "mdx" in signs and head in ("i", "e") and _MDX_LINE.match(line):
        return ""
    if head == "{" and _IAL_LINE.match(line) and not _TOC_MARK.match(line) or \
            head == "[" and _TOC_LINE.match(line) or head == "#" and _TAGS_LINE.match(line) or \
            head == "<" and _WRAPPER.match(line):  # (each opens with its own mark)
        return ""
    if head == "<" and "<summary" in line.lower():
        summary = _SUMMARY.match(line)
        if summary:
            return summary[1]
    if "[!" in line:
        callout = _CALLOUT.match(line)
        if callout:
            line = callout[1] + callout[2]
    if "mdx" in signs and "{" in line:
        line = _JSX_VALUE.sub("", _JSX_COMMENT.sub("", line))
    if "[[" in line:
        line = _WIKILINK.sub(_wikilink, _EMBED.sub("", line))
    if "==" in line:
        line = _HIGHLIGHT.sub(r"\1", line)
    if "]({" in line:
        line = _TEMPLATE_LINK.sub(r"\1", line)
    if "[ ]" in line or "[x]" in line or "[X]" in line:
        line = _TASK.sub(r"\1", line)
    if "shortcode" in signs and ":" in line and "`" not in line:
        line = _SHORTCODE.sub("", line)
    if line.rstrip().endswith("}") and not _TOC_MARK.match(line):
        line = _IAL_TAIL.sub("", line)
    return _BLOCK_ID.sub("", line) if "^" in line else line


def _wikilink(found: re.Match[str]) -> str:
    if _MERGE_TAG.fullmatch(found[1]) and found[2] is None:
        return found[0]  # a mail platform's merge tag, which the segmenter takes out
    return (found[2] or found[1].split("#", 1)[0]).strip()


def _without_toc_lists(lines: list[str]) -> list[str]:
    """kramdown's `{:toc}` takes out itself and the one-entry list above it ("* Contents")."""
    for n, line in enumerate(lines):
        if _TOC_MARK.match(line):
            lines[n] = ""
            if n and _LIST_LINE.match(lines[n - 1]):
                lines[n - 1] = ""
    return lines
