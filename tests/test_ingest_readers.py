"""The Markdown, HTML and e-mail readers on realistic inputs built in tmp_path."""

from __future__ import annotations

import datetime as dt
import html
import re
from email.message import EmailMessage
from pathlib import Path

import pytest

from digest.ingest import read_bytes, read_file
from digest.ingest.email import read_email
from digest.ingest.html import read_html
from digest.ingest.markdown import parse_date, read_markdown
from digest.model import Block

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_4589aac93914ba55.txt"
TWIR = Path(__file__).resolve().parent / "data" / "twir"
HEADINGS = {
    "Now read the rest of China Report", "Catch up with China", "Lost in translation",
    "One more thing",
}


def _kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def _line_of(source: str, needle: str) -> int:
    """1-based line of the first source line holding needle."""
    return next(n for n, line in enumerate(source.split("\n"), 1) if needle in line)


# --- the seed issue as an e-mail newsletter -------------------------------------------------


def seed_issue() -> list[tuple[str, str, int | None]]:
    """The first issue of the seed file (lines 1-62) as (kind, text, item number)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")[:62]
    issue: list[tuple[str, str, int | None]] = []
    for index, line in enumerate(lines):
        text = " ".join(line.split())
        numbered = re.match(r"(\d+)\. (.*)", text)
        if not text:
            continue
        if index == 0 or text in HEADINGS:
            issue.append(("heading", text, None))
        elif numbered:
            issue.append(("item", numbered[2], int(numbered[1])))
        else:
            issue.append(("paragraph", text, None))
    return issue


def newsletter_html(issue: list[tuple[str, str, int | None]]) -> str:
    body: list[str] = []
    for number, (kind, text, _) in enumerate(issue):
        escaped = html.escape(text, quote=False)
        if kind == "item":
            body.append(f"<li>{escaped}</li>")
            continue
        if body and body[-1].startswith("<li>"):
            body[-1] += "</ol>"
        tag = "p" if kind == "paragraph" else ("h1" if number == 0 else "h2")
        body.append(f"<{tag}>{escaped}</{tag}>")
        if text == "Catch up with China":
            body.append("<ol>")
    content = "\n".join(body)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>China Report</title>
<style>.preheader {{ display: none; }} td {{ font-family: Arial; }}</style></head>
<body style="margin:0">
<span class="preheader" style="display:none;max-height:0;overflow:hidden">PREHEADER teaser</span>
<div style="font-size:0;max-height:0;overflow:hidden">&#847; &zwnj; &nbsp; &#847;</div>
<table role="presentation" width="100%"><tr><td class="content" style="font-size:16px">
{content}
</td></tr>
<tr><td style="font-size:12px">You received this because you signed up.
<a href="https://example.com/unsubscribe">Unsubscribe</a></td></tr></table>
</body></html>
"""


def seed_message(subject: str, date: str, cte: str) -> bytes:
    message = EmailMessage()
    message["From"] = "China Report <newsletters@technologyreview.com>"
    message["To"] = "reader@example.com"
    message["Subject"] = subject
    message["Date"] = date
    message.set_content(newsletter_html(seed_issue()), subtype="html", cte=cte)
    return message.as_bytes()


def mbox(*messages: bytes) -> bytes:
    out = b""
    for message in messages:
        escaped = re.sub(rb"(?m)^(>*From )", rb">\1", message)
        out += b"From newsletters@technologyreview.com Tue Apr  2 10:03:00 2024\n"
        out += escaped.rstrip(b"\n") + b"\n\n"
    return out


def assert_seed_blocks(blocks: list[Block]) -> None:
    issue = seed_issue()
    assert _kinds(blocks[: len(issue)]) == [(kind, text) for kind, text, _ in issue]
    assert [b.number for b in blocks if b.kind == "item"] == [1, 2, 3, 4, 5, 6, 7]
    assert {b.level for b in blocks if b.kind == "item"} == {1}
    assert blocks[1].text.startswith("This story first appeared in China Report")
    footer = blocks[len(issue):]
    assert [b.text for b in footer] == ["You received this because you signed up. Unsubscribe"]
    assert footer[0].links[0].url == "https://example.com/unsubscribe"
    everything = " ".join(b.text for b in blocks)
    for leaked in ("PREHEADER", "font-family", "display", "\u034f", "\u200c"):
        assert leaked not in everything


def test_eml_quoted_printable_newsletter(tmp_path: Path) -> None:
    raw = seed_message(
        "Threads is giving Taiwanese users a safe space", "Tue, 02 Apr 2024 10:03:00 -0400",
        "quoted-printable",
    )
    assert b"=E2=80=99" in raw and b"=\n" in raw  # really quoted-printable, with soft breaks
    path = tmp_path / "china-report.eml"
    path.write_bytes(raw)
    doc = read_file(path)
    assert doc.format == "email"
    assert doc.problems == []
    [part] = doc.parts
    assert part.meta.title == "Threads is giving Taiwanese users a safe space"
    assert part.meta.date == dt.date(2024, 4, 2)
    assert part.meta.publication == part.meta.author == "China Report"
    assert_seed_blocks(part.blocks)
    decoded = newsletter_html(seed_issue())  # encoded body: lines of the decoded HTML
    assert part.blocks[0].line == _line_of(decoded, "<h1>")
    assert part.blocks[-1].line == _line_of(decoded, "You received this")


def test_mbox_two_messages_base64_and_8bit(tmp_path: Path) -> None:
    first = seed_message(
        "Threads is giving Taiwanese users a safe space", "Tue, 02 Apr 2024 10:03:00 -0400",
        "base64",
    )
    second = EmailMessage()
    second["From"] = "China Report <newsletters@technologyreview.com>"
    second["Subject"] = "Four things you need to know about China’s AI talent pool"
    second["Date"] = "Tue, 9 Apr 2024 06:00:00 +0000"
    second.set_content(
        "Four things you need to know\n\nFrom the editor: a note on AI talent.\n\n"
        "In 2019, MIT Technology Review covered a report.\n",
        cte="8bit",
    )
    data = mbox(first, second.as_bytes())
    assert b"Content-Transfer-Encoding: base64" in data and b"Morris Chang" not in data
    assert b"\n>From the editor" in data
    path = tmp_path / "china-report.mbox"
    path.write_bytes(data)
    doc = read_file(path)
    assert doc.format == "email" and doc.problems == []
    one, two = doc.parts
    assert one.meta.title == "Threads is giving Taiwanese users a safe space"
    assert two.meta.title == "Four things you need to know about China’s AI talent pool"
    assert (one.meta.date, two.meta.date) == (dt.date(2024, 4, 2), dt.date(2024, 4, 9))
    assert_seed_blocks(one.blocks)
    assert [b.text for b in two.blocks] == [
        "Four things you need to know",
        "From the editor: a note on AI talent.",
        "In 2019, MIT Technology Review covered a report.",
    ]
    file_lines = data.decode("utf-8").split("\n")
    for block in two.blocks:  # a body stored as is: lines point into the file
        assert file_lines[block.line - 1].lstrip(">") == block.text


def _message(**headers: str) -> EmailMessage:
    message = EmailMessage()
    for key, value in headers.items():
        message[key.replace("_", "-")] = value
    return message


def test_email_problems_never_raise() -> None:
    no_date = _message(From="News <n@example.com>", Subject="No date")
    no_date.set_content("Hello there.\n")
    bad_date = (
        b"From: n@example.com\nSubject: Bad date\nDate: sometime last week\n"
        b"Content-Type: text/html; charset=utf-8\n\n<p>Hello</p>\n"
    )
    attachments = _message(From="n@example.com", Subject="Only a PDF", Date="Mon, 1 Apr 2024")
    attachments.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf",
                               filename="issue.pdf")
    data = mbox(no_date.as_bytes(), bad_date, attachments.as_bytes())
    parts, problems = read_email(data, "mixed.mbox")
    assert [p.meta.title for p in parts] == ["No date", "Bad date"]
    assert [p.meta.date for p in parts] == [None, None]
    assert parts[0].meta.publication == "News"
    assert parts[1].meta.publication is None  # no display name: left for metadata.toml
    messages = [p.message for p in problems]
    assert "message 1: missing Date header; date left empty" in messages
    assert any(m.startswith("message 2: malformed Date header 'sometime last week'")
               for m in messages)
    assert "message 3 has no text or HTML body" in messages
    assert all(p.line for p in problems)
    for garbage in (b"From x\n\x00\x01\xff\xfe garbage", b"Subject: x\n\n", b"From \n"):
        read_email(garbage, "garbage.mbox")


def test_email_prefers_html_and_honours_charset() -> None:
    message = _message(From="Lettre <l@example.fr>", Subject="=?utf-8?q?Caf=C3=A9?=",
                       Date="Wed, 03 Apr 2024 08:00:00 +0200")
    message.set_content("plain body\n")
    message.add_alternative("<p>html body: café</p>".encode("latin-1"), maintype="text",
                            subtype="html", params={"charset": "iso-8859-1"}, cte="8bit")
    parts, problems = read_email(message.as_bytes(), "a.eml")
    assert problems == []
    assert parts[0].meta.title == "Café"
    assert _kinds(parts[0].blocks) == [("paragraph", "html body: café")]
    raw = message.as_bytes()
    assert _line_of(raw.decode("latin-1"), "html body") == parts[0].blocks[0].line


def test_email_unknown_charset_falls_back_with_warning() -> None:
    raw = (
        "From: a@example.com\nSubject: s\nDate: Mon, 1 Apr 2024 09:00:00 +0000\n"
        "Content-Type: text/plain; charset=x-nonsense\nContent-Transfer-Encoding: 8bit\n\n"
        "“quoted” café\n"
    ).encode("cp1252")
    parts, problems = read_email(raw, "a.eml")
    assert parts[0].blocks[0].text == "“quoted” café"
    assert parts[0].blocks[0].line == 7
    assert "unknown charset 'x-nonsense'" in problems[0].message


def test_email_labelled_iso_8859_1_is_read_as_windows_1252_as_browsers_do() -> None:
    """Mail programs label windows-1252 text ISO-8859-1; its quotes and dashes were control
    characters, invisible on the page."""
    raw = ("From: a@example.com\nSubject: s\nDate: Mon, 1 Apr 2024 09:00:00 +0000\n"
           "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
           "It’s nearly lantern night – the “best” night of the year.\n").encode("cp1252")
    parts, problems = read_email(raw, "a.eml")
    assert parts[0].blocks[0].text == "It’s nearly lantern night – the “best” night of the year."
    assert problems == []


@pytest.mark.parametrize("charset, meta", [
    ("shift_jis", '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
    ("cp1252", '<meta charset="windows-1252">'),
    ("koi8-r", "<meta charset='KOI8-R'>"),
])
def test_a_saved_page_is_read_in_the_charset_it_declares(charset, meta) -> None:
    words = {"shift_jis": "路地裏の銭湯めぐり", "cp1252": "Harbour’s week – “calm”",
             "koi8-r": "Технописьмо, выпуск 43"}[charset]
    page = (f"<html><head>{meta}<title>{words}</title></head><body><h1>{words}</h1>"
            f"<p>{words}</p></body></html>").encode(charset)
    document = read_bytes("page.html", page)
    assert document.problems == []
    assert document.parts[0].meta.title == words
    assert words in [b.text for b in document.parts[0].blocks]


# --- saved HTML page -------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Page title | Example Weekly</title>
  <meta property="og:title" content="Issue 12: Rust in the kernel">
  <meta property="og:site_name" content="Example Weekly">
  <meta property="article:published_time" content="2024-03-05T08:30:00+00:00">
  <style>body { color: #333; } .secret { display: none; }</style>
  <script>window.tracking = "SCRIPT TEXT";</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
<div hidden>HIDDEN ATTRIBUTE</div>
<div style="display: none">HIDDEN STYLE</div>
<div aria-hidden="true">ARIA HIDDEN</div>
<article>
  <h1>Issue 12: Rust in the kernel</h1>
  <p>Welcome to&nbsp;issue 12.&#8203; Read
     <a href="https://example.com/kernel">the kernel story</a> first.</p>
  <h2>Links</h2>
  <ul>
    <li>Top item
      <ol start="4">
        <li>Fourth <code>cargo</code> tip</li>
        <li>Fifth tip</li>
      </ol>
    </li>
    <li>Second top item</li>
  </ul>
  <blockquote><p>A quoted line.</p></blockquote>
  <pre>fn main() {
    println!("hi");
}</pre>
  <hr>
  <div class="card">Text straight in a div <span>with a span</span>
    <p>and a nested paragraph</p>
  </div>
  <noscript>NOSCRIPT TEXT</noscript>
  <form><button>BUTTON TEXT</button></form>
</article>
<footer><p>© 2024 Example Weekly · <a href="/privacy">Privacy</a></p></footer>
<script>console.log("MORE SCRIPT")</script>
</body>
</html>
"""


def test_saved_html_page(tmp_path: Path) -> None:
    path = tmp_path / "issue-12.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_file(path)
    assert doc.format == "html"
    assert [p.message.split(" (")[0] for p in doc.problems] == ["active content removed"]
    assert [p.severity for p in doc.problems] == ["info"]  # a saved page has its scripts
    [part] = doc.parts
    assert part.meta.title == "Issue 12: Rust in the kernel"
    assert part.meta.date == dt.date(2024, 3, 5)
    assert part.meta.publication == "Example Weekly"
    assert _kinds(part.blocks) == [
        ("heading", "Issue 12: Rust in the kernel"),
        ("paragraph", "Welcome to issue 12. Read the kernel story first."),
        ("heading", "Links"),
        ("item", "Top item"),
        ("item", "Fourth cargo tip"),
        ("item", "Fifth tip"),
        ("item", "Second top item"),
        ("quote", "A quoted line."),
        ("code", 'fn main() {\n    println!("hi");\n}'),
        ("rule", ""),
        ("paragraph", "Text straight in a div with a span"),
        ("paragraph", "and a nested paragraph"),
        ("chrome", "© 2024 Example Weekly · Privacy"),  # the page's footer
    ]
    blocks = part.blocks
    assert [b.level for b in blocks[:7]] == [1, 0, 2, 1, 2, 2, 1]
    assert [b.number for b in blocks[3:7]] == [None, 4, 5, None]
    assert blocks[1].links[0].text == "the kernel story"
    assert blocks[1].links[0].url == "https://example.com/kernel"
    assert blocks[-1].links[0].url == "/privacy"
    for block, needle in zip(blocks, [
        "<h1>", "Welcome to", "<h2>", "Top item", "Fourth", "Fifth", "Second top",
        "<blockquote>", "<pre>", "<hr>", 'class="card"', "and a nested", "<footer>",
    ]):
        assert block.line == _line_of(PAGE, needle), needle
    assert blocks[1].end_line == blocks[1].line + 1
    assert blocks[8].end_line == blocks[8].line + 2
    text = " ".join(b.text for b in blocks)
    for dropped in ("SCRIPT", "HIDDEN", "Home", "About", "NOSCRIPT", "BUTTON", "color", "\u200b",
                    "\xa0", "Page title"):
        assert dropped not in text


def test_html_title_fallbacks_and_dates() -> None:
    page = read_html("<html><head><title> The  Title </title></head><body><h1>H</h1></body>")
    assert page.meta.title == "The Title"
    page = read_html('<body><h1>First <b>h1</b></h1><time datetime="2023-11-02">Nov 2</time>'
                     "<p>Published on 2020-01-01.</p></body>")
    assert (page.meta.title, page.meta.date) == ("First h1", dt.date(2023, 11, 2))
    page = read_html('<meta name="date" content="2022-07-08"><p>x</p>')
    assert page.meta.date == dt.date(2022, 7, 8)
    page = read_html("<p>Posted 2021-05-05</p>")
    assert page.meta.date is None and page.meta.title is None
    page = read_html('<body><svg><title>Icon</title></svg><div style="display:none">'
                     '<p hidden>x<span aria-hidden="true">y</span></p></div><p>ok</p></body>')
    assert page.meta.title is None and [b.text for b in page.blocks] == ["ok"]


def test_html_br_paragraphs_in_one_p() -> None:
    pasted = (
        "<p>First paragraph of the letter,\n<br>still the first.<br><br>\n"
        "Second paragraph.<br>\n<br>\nThird paragraph.<br>1. a list line<br>2. another</p>"
    )
    blocks = read_html(pasted).blocks
    assert [(b.text, b.line) for b in blocks] == [
        ("First paragraph of the letter, still the first.", 1),
        ("Second paragraph.", 3),
        ("Third paragraph.", 5),
        ("1. a list line", 5),
        ("2. another", 5),
    ]


def test_html_email_layout_tables_keep_text() -> None:
    source = (
        '<table><tr><td style="font-size:0; line-height:0">\n'
        '<table><tr><td style="font-size:16px">Column one</td>\n'
        '<td>Column <a href="https://x.example/2">two</a></td></tr></table>\n'
        '</td></tr></table>\n'
        '<div style="max-height:0;overflow:hidden;mso-hide:all">preheader</div>'
    )
    blocks = read_html(source).blocks
    assert [(b.text, b.line) for b in blocks] == [("Column one", 2), ("Column two", 3)]
    assert blocks[1].links[0].url == "https://x.example/2"


# --- Markdown ----------------------------------------------------------------------------------

BODY = """
# Heading one

A paragraph with [a link](https://example.com/a) and `inline code`
on two lines, ![an image](i.png) <span class="x">raw span</span><!-- inline comment -->.

<!--
Dear contributors: this comment must not show.
* [Not an item](https://example.com/hidden)
-->

1. First item
   - nested bullet
2. Second item

> A quotation.

```rust
fn main() {}
```

---

<div class="note"><p>Raw <b>HTML</b> block</p><script>alert("x")</script></div>
"""


def _body_blocks(offset: int) -> list[tuple[str, str, int]]:
    return [(kind, text, line + offset) for kind, text, line in [
        ("heading", "Heading one", 2),
        ("paragraph",
         "A paragraph with a link and inline code on two lines, an image raw span.", 4),
        ("item", "First item", 12),
        ("item", "nested bullet", 13),
        ("item", "Second item", 14),
        ("quote", "A quotation.", 16),
        ("code", "fn main() {}", 18),
        ("rule", "", 22),
        ("paragraph", "Raw HTML block", 24),
    ]]


@pytest.mark.parametrize("header, size, date", [
    ("---\ntitle: YAML issue\ndate: 2024-05-06\nauthor: Ann\ncategory: Weekly\n---", 6,
     dt.date(2024, 5, 6)),
    ('+++\ntitle = "YAML issue"\ndate = 2024-05-06T10:00:00Z\nauthor = "Ann"\n'
     'newsletter = "Weekly"\n+++', 6, dt.date(2024, 5, 6)),
    ("Title: YAML issue\nNumber: 42\nDate: 2024-05-06 10:00\nAuthor: Ann\nCategory: Weekly",
     5, dt.date(2024, 5, 6)),
])
def test_markdown_front_matter(header: str, size: int, date: dt.date) -> None:
    part = read_markdown(header + "\n" + BODY)
    assert part.meta.title == "YAML issue"
    assert part.meta.date == date
    assert part.meta.author == "Ann"
    assert part.meta.publication == "Weekly"
    assert [(b.kind, b.text, b.line) for b in part.blocks] == _body_blocks(size)
    code = part.blocks[6]
    assert code.end_line == code.line + 2
    items = [b for b in part.blocks if b.kind == "item"]
    assert [(b.level, b.number) for b in items] == [(1, 1), (2, None), (1, 2)]
    assert part.blocks[1].links[0].text == "a link"
    assert part.blocks[1].links[0].url == "https://example.com/a"
    assert part.blocks[1].end_line == part.blocks[1].line + 1
    text = " ".join(b.text for b in part.blocks)
    for hidden in ("Dear", "Not an item", "inline comment", "alert", "<", "https://"):
        assert hidden not in text


def test_markdown_without_front_matter_and_bad_dates() -> None:
    part = read_markdown(BODY)
    assert part.meta.title is None and part.meta.date is None
    assert [(b.kind, b.text, b.line) for b in part.blocks] == _body_blocks(0)
    part = read_markdown("---\ntitle: T\ndate: 2024-02-30\n---\n\nText\n")
    assert (part.meta.title, part.meta.date) == ("T", None)
    assert [(b.text, b.line) for b in part.blocks] == [("Text", 6)]
    part = read_markdown("Title: T\nDate: next Tuesday\n\nText\n")
    assert part.meta.date is None and part.blocks[0].line == 4
    part = read_markdown("Note: this is prose, not a header.\n\nText\n")
    assert [b.text for b in part.blocks] == ["Note: this is prose, not a header.", "Text"]


def test_markdown_comment_left_open_in_a_paragraph() -> None:
    part = read_markdown("Before <!-- starts here\n\nstill hidden --> after\n\nlast\n")
    assert [(b.text, b.line) for b in part.blocks] == [("Before", 1), ("after", 3), ("last", 5)]
    part = read_markdown("Text\n\n<!-- never closed\n\nhidden\n")
    assert [b.text for b in part.blocks] == ["Text"]


@pytest.mark.parametrize("value, expected", [
    ("2014-08-11", dt.date(2014, 8, 11)),
    ("2014-08-11 10:00", dt.date(2014, 8, 11)),
    ("2014-08-11T10:00:00+02:00", dt.date(2014, 8, 11)),
    ("2014-08-11T10:00:00Z", dt.date(2014, 8, 11)),
    ("2014-08-11 10:00:00 +0200", dt.date(2014, 8, 11)),
    (dt.datetime(2014, 8, 11, 10, 0), dt.date(2014, 8, 11)),
    (dt.date(2014, 8, 11), dt.date(2014, 8, 11)),
    ("2014-13-11", None),
    ("11/08/2014", None),
    ("August 11, 2014", None),
    (20140811, None),
    (None, None),
])
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# --- This Week in Rust sample ----------------------------------------------------------------

TWIR_FILES = sorted(TWIR.glob("*.md"))


def test_twir_sample_is_bundled() -> None:
    assert len(TWIR_FILES) == 6
    assert any("<!--" in path.read_text(encoding="utf-8") for path in TWIR_FILES)


@pytest.mark.parametrize("path", TWIR_FILES, ids=lambda p: p.name[:10])
def test_twir_issue(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    doc = read_bytes(path.name, path.read_bytes())
    assert doc.format == "markdown" and doc.problems == []
    [part] = doc.parts
    assert part.meta.date == dt.date.fromisoformat(path.name[:10])
    assert part.meta.title and part.meta.title.startswith("This Week in Rust ")
    assert part.meta.publication == "This Week in Rust"
    lines = source.split("\n")
    h2 = [n for n, line in enumerate(lines, 1) if line.startswith("## ")]
    headings = {b.line: b for b in part.blocks if b.kind == "heading"}
    assert h2 and all(n in headings and headings[n].level == 2 for n in h2)
    assert part.blocks[0].line > 3  # the Pelican header gives no blocks
    for block in part.blocks:
        assert "<!--" not in block.text and "-->" not in block.text
        assert 1 <= block.line <= block.end_line <= len(lines)
    text = " ".join(b.text for b in part.blocks)
    for comment in re.findall(r"<!--(.*?)-->", source, re.DOTALL):
        words = " ".join(comment.split())
        if len(words) > 25:
            assert words not in text
    assert any(b.links for b in part.blocks if b.kind == "item")


@pytest.mark.parametrize("parser", ["rust", "python"])
def test_a_bold_title_alone_on_its_line_is_set_off_from_the_text_under_it(parser, monkeypatch):
    from digest.ingest import markdown_rs

    if parser == "python":
        monkeypatch.setattr(markdown_rs, "tokens", lambda text, depth: None)
    text = ("**Floods close ports along the delta**\nHeavy rain shut three ports on Monday.\n\n"
            "**Ports reopen.**\nCargo moved again on Friday.\n\n"
            "[Talks end without a deal](https://news.example.org/talks)\n"
            "(also in French)\n\n"
            "**Comet** visible\nnext week.\n")
    blocks = read_markdown(text).blocks
    assert [b.text for b in blocks] == [
        "Floods close ports along the delta — Heavy rain shut three ports on Monday.",
        "Ports reopen. Cargo moved again on Friday.",  # a title ending in a mark is set off
        "Talks end without a deal (also in French)",  # no sentence starts under it
        "Comet visible next week."]
    assert blocks[0].lead == "Floods close ports along the delta"


def test_a_dot_operator_between_fields_reads_as_a_middle_dot() -> None:
    """"Daily update ⋅ March 12, 2026" (U+22C5) is a line of fields as "·" makes one: the
    summary took it for a sentence."""
    from digest.segment import load_profiles, segment_document
    from digest.summarize import SummaryConfig, summarize_issue

    text = ("# Lookout Alert\n\nDaily update ⋅ March 12, 2026\n\n## News\n\nMinisters kept a "
            "separate fund of 14 million pounds a year for tidal stream projects after "
            "developers warned of delays.\n")
    (issue,), _ = segment_document(read_bytes("alert.md", text.encode()), *load_profiles())
    assert "Daily update · March 12, 2026" in [p.text for s in issue.sections
                                                for p in s.paragraphs] + [issue.dek]
    digest = summarize_issue(issue, SummaryConfig())
    chosen = [s.text for section in digest.sections for s in section.sentences]
    assert not any(t.startswith("Daily update") for t in chosen)


def _export_message(subject: str, body: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = headers.pop("sender", "Harbour Lights <news@harbourlights.example>")
    message["To"] = "reader@example.com"
    message["Subject"] = subject
    message["Date"] = "Fri, 06 Nov 2026 07:00:00 +0000"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def test_a_mail_export_leaves_out_the_readers_own_mail_and_says_so() -> None:
    listed = {"List_Unsubscribe": "<https://harbourlights.example/unsub?u=7>"}
    export = mbox(
        _export_message("Harbour Lights #47: The slipway reopens",
                        "The slipway reopened on Tuesday after six weeks of repairs.", **listed),
        _export_message("Re: Saturday - the ferry times", "Ten o'clock works for us. My new "
                        "number is 07700 900312.", sender="Ines <ines@example.org>"),
        _export_message("Your receipt: weekly rover ticket", "Paid: GBP 31.20 by card ending "
                        "4417.", sender="Tickets <no-reply@ferries.example>"),
        _export_message("Fwd: Tidewater Dispatch: what the marsh remembers",
                        "The drowned forest shows at the lowest tides of the year.",
                        sender="Sam <sam@example.org>"),
        _export_message("Harbour Lights #48: Pilchards and parking",
                        "The pilchards are back in the bay, and so are the parking wardens.",
                        Precedence="bulk"),
    )
    parts, problems = read_email(export, "All mail.mbox")
    assert [p.meta.title for p in parts] == [
        "Harbour Lights #47: The slipway reopens", "Tidewater Dispatch: what the marsh remembers",
        "Harbour Lights #48: Pilchards and parking"]
    everything = " ".join(b.text for p in parts for b in p.blocks)
    assert "07700" not in everything and "4417" not in everything
    said = [p.message for p in problems if "personal mail" in p.message]
    assert len(said) == 1 and "2 of its 5 messages" in said[0] and "(message 2, 3)" in said[0]
    assert "ferry times" not in said[0]  # the build log may be public: no subject in it
    # an export with no list mail at all is read whole: it cannot tell which is which
    parts, _ = read_email(mbox(*(_export_message(f"Letter {n}", "Some news.") for n in (1, 2))),
                          "letters.mbox")
    assert len(parts) == 2


def test_a_body_line_opening_with_from_does_not_cut_its_message_in_an_unescaped_mbox() -> None:
    almanac = _export_message("The Allotment Almanac, 7 November", "Gales this week.\n\n"
                              "From the committee: the AGM moves to the 28th.\n\nThe dawn "
                              "chorus starts late now.\nFrom 06:40 the robins sing by the "
                              "gate.\n\nThe key to shed 3 is lost.")
    radio = _export_message("Nightjar Radio Notes 31", "Recording a dawn chorus in November.")
    export = (b"From - Sat Nov 07 08:00:00 2026\n" + almanac.rstrip(b"\n") + b"\n\n"
              b"From - Thu Nov 12 08:00:00 2026\n" + radio)
    parts, _ = read_email(export, "Newsletters")
    assert [p.meta.title for p in parts] == ["The Allotment Almanac, 7 November",
                                             "Nightjar Radio Notes 31"]
    assert "The key to shed 3 is lost." in [b.text for b in parts[0].blocks]


def test_apple_mail_emlx_is_read_as_its_message_with_file_line_numbers(tmp_path: Path) -> None:
    message = _export_message("Slow Lens — November: Fog", "Three photographs of fog.")
    plist = b'<?xml version="1.0"?>\n<plist version="1.0"><dict><key>flags</key>' \
            b'<integer>8590195713</integer></dict></plist>\n'
    path = tmp_path / "51234.emlx"
    path.write_bytes(str(len(message)).encode() + b"\n" + message + plist)
    doc = read_file(path)
    assert doc.format == "email" and doc.problems == []
    (part,) = doc.parts
    assert part.meta.title == "Slow Lens — November: Fog"
    assert part.meta.date == dt.date(2026, 11, 6)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert [lines[b.line - 1] for b in part.blocks] == ["Three photographs of fog."]
    assert "plist" not in " ".join(b.text for b in part.blocks)


def test_a_message_with_no_date_header_is_dated_when_received_and_iso_dates_are_read() -> None:
    received = EmailMessage()
    received["Received"] = "from mx.example by inbox.example; Sat, 28 Nov 2026 18:01:28 +0000"
    received["Received"] = "from out.example by mx.example; Fri, 27 Nov 2026 23:59:00 +0000"
    received["From"] = "Fenland Birders <birders@fen.example>"
    received["Subject"] = "Fenland Field Notes - No. 44"
    received.set_content("Two cranes over the wash on Thursday.")
    (part,), problems = read_email(received.as_bytes(), "1764356488.M9912P32001Q5.hobbit")
    assert part.meta.date == dt.date(2026, 11, 28)
    assert [p.severity for p in problems] == ["info"]
    iso = _export_message("Fenland Field Notes - No. 40", "Whooper swans are back.")
    iso = iso.replace(b"Fri, 06 Nov 2026 07:00:00 +0000", b"2026-10-31 18:00:00 +0000")
    (part,), problems = read_email(iso, "1761933602.M402118P28811Q1.hobbit")
    assert part.meta.date == dt.date(2026, 10, 31) and problems == []


@pytest.mark.parametrize("active, severity", [
    ('<blockquote class="bluesky-embed"><p>The ferry is late again.</p></blockquote>\n'
     '<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>',
     "info"),
    ('<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/a1b2c3" '
     'allowfullscreen></iframe>', "info"),
    ("<script>document.title = 'x'</script>", "warning"),
    ('<img src="https://cdn.example/a.png" onerror="alert(1)">', "warning"),
    ('<iframe src="https://cdn.example/a.html" onload="alert(1)"></iframe>', "warning"),
])
def test_an_embeds_loader_in_markdown_is_said_and_other_active_content_warned_of(
        tmp_path: Path, active: str, severity: str) -> None:
    """A Buttondown or Ghost post embeds a Bluesky post or a video with the network's own
    code: removing its loader is an info (it failed every `--strict` build); a script of the
    post's own or an event handler stays a warning."""
    path = tmp_path / "issue-19.md"
    path.write_text(f"# Issue 19\n\nThe week in links.\n\n{active}\n\nMore soon.\n")
    doc = read_file(path)
    assert [(p.message.split(" (")[0], p.severity) for p in doc.problems] == [
        ("active content removed", severity)]
