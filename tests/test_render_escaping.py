"""Hostile newsletter text must reach the output as text, never as markup or script."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from digest.config import FeedConfig, SiteConfig
from digest.model import Issue, Item, Link, Paragraph, Section
from digest.render import render_site
from digest.summarize import SummaryConfig, summarize_issue
from digest.weeks import group_by_week

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
BAD_URLS = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//evil.example/x", "/etc/passwd"]
SAFE_SCHEMES = ("http", "https", "gemini", "mailto")


def hostile_issue(date: dt.date | None) -> Issue:
    links = [Link("click here", url) for url in BAD_URLS] + [Link("a fine link",
                                                                  "https://ok.example/a")]
    text = (f"Attack one {SCRIPT} and two {IMG}. Then [click here](javascript:alert(1)) "
            f"and <javascript:alert(1)> and a fine link. And \"quotes\" ' & ampersands.")
    item = Item(1, f"Story {SCRIPT} click here", outlet=f"Outlet {IMG}", paywalled=True,
                number=1, links=links, sub_items=[Item(2, f"Sub {IMG} click here",
                                                       outlet=SCRIPT, links=links)])
    return Issue(
        source=f"evil{date}.txt", index=0, format="text", publication=f"Evil {SCRIPT} Weekly",
        title=f"Title {SCRIPT} {IMG}", first_line=1, last_line=20, dek=f"Dek {IMG}", date=date,
        author=f"{IMG} Mallory",
        sections=[
            Section("lead", None, 1, 5, paragraphs=[
                Paragraph(1, text, links=links),
                Paragraph(2, f"Subhead {SCRIPT}", kind="subhead"),
                Paragraph(3, f"Quoted {IMG}. Second sentence {SCRIPT}.", kind="quote"),
                Paragraph(4, f"code {SCRIPT}", kind="code"),
                Paragraph(5, f"More text {SCRIPT}. Even more {IMG}.", links=links)]),
            Section("catch_up", f"Catch up {SCRIPT}", 6, 8, items=[item]),
            Section("teaser", f"Teaser {IMG}", 9, 10, author=f"{SCRIPT} Eve",
                    dek=f"Teaser dek {SCRIPT}.", paragraphs=[Paragraph(10, f"Body {IMG}.")]),
            Section("sponsored", None, 11, 12, sponsor=f"Sponsor {SCRIPT}",
                    paragraphs=[Paragraph(12, f"Buy {IMG}.", links=links)]),
        ])


class Markup(HTMLParser):
    """Collects every element and its attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def assert_harmless(html: str, where: str, base: str = "https://example.org/") -> None:
    parser = Markup()
    parser.feed(html)
    tags = {tag for tag, _ in parser.elements}
    assert not {"script", "img", "iframe", "object", "embed", "form"} & tags, where
    for tag, attrs in parser.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            assert name not in ("style", "srcdoc", "formaction"), (where, tag, name)
            if name in ("href", "src", "action"):
                scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", value.strip())
                assert scheme is None or scheme.group(1).lower() in SAFE_SCHEMES, (where, value)
        href = attrs.get("href", "")
        if tag == "a" and re.match(r"(https?|mailto):", href) and not href.startswith(base):
            assert "noopener" in attrs.get("rel", "").split(), (where, href)


def render() -> dict[str, bytes]:
    digests = [summarize_issue(hostile_issue(d), SummaryConfig())
               for d in (dt.date(2024, 5, 6), None)]
    # No search box: render_site makes no index (the build does: test_search.py).
    return render_site(group_by_week(digests),
                       SiteConfig(base_url="https://example.org/", search=False), FeedConfig())


def test_nothing_executable_reaches_any_page_or_feed():
    files = render()
    assert "undated.html" in files and "weeks/2024-w19.html" in files
    for name, data in files.items():
        text = data.decode("utf-8")
        if name.endswith(".html"):
            assert_harmless(text, name)
        elif name.endswith(".json"):
            for item in json.loads(text)["items"]:
                assert_harmless(item["content_html"], name)
        elif name.endswith(".xml") and name != "sitemap.xml":
            root = ET.fromstring(data)
            for element in root.iter():
                if element.tag.endswith(("encoded", "content", "description")):
                    assert_harmless(element.text or "", name)


def test_hostile_text_is_shown_escaped_and_bad_links_are_dropped():
    files = render()
    issue = next(v.decode() for k, v in files.items() if k.startswith("issues/2024"))
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in issue
    assert "&lt;img src=x onerror=alert(1)&gt;" in issue
    assert 'href="https://ok.example/a" rel="noopener noreferrer"' in issue
    hrefs = re.findall(r'href="([^"]*)"', issue)
    assert not [h for h in hrefs if re.match(r"\s*(javascript|vbscript|data|java\s)", h, re.I)
                or h.startswith(("//", "/"))]


def test_only_safe_link_schemes_are_linked():
    from digest.render.text import safe_url

    for url in BAD_URLS + ["https://", "mailto:", "ftp://x.example/", "gemini:///x"]:
        assert safe_url(url) is None, url
    for url in ("https://a.example/x?y=1&z=2", "http://a.example", "mailto:me@a.example",
                "gemini://capsule.example/log/"):
        assert safe_url(url) == url


WRITTEN = """# Snake Case Weekly #4

March 2, 2026

## Python corner

The \\_\\_init\\_\\_ method runs first, and `__repr__` comes later; \\*args is no keyword.
Multiply 5 * 3 * 2 by hand, and name the file my\\_file\\_name.py as before.

## Links

- [Why \\_real\\_ fixtures matter](https://fixtures.example/real) — a short read on what
  fixtures hide.
"""


def test_characters_the_writer_typed_are_shown_as_typed_not_as_emphasis(tmp_path):
    """A Markdown source's own emphasis is read away; what is left (`__init__`, an escaped
    `_real_`, `*args`) is the writer's text and must not come out bold or italic."""
    from conftest import run_digest

    (tmp_path / "seeds" / "snake").mkdir(parents=True)
    (tmp_path / "seeds" / "snake" / "2026-03-02-issue.md").write_text(WRITTEN)
    run_digest("build", "-q", cwd=tmp_path)
    page = next((tmp_path / "output" / "issues").glob("2026-03-02-*.html")).read_text()
    assert "The __init__ method runs first, and __repr__ comes later; *args is no keyword." in page
    assert "Multiply 5 * 3 * 2 by hand, and name the file my_file_name.py" in page
    assert "Why _real_ fixtures matter" in page
    body = page.split("<main", 1)[1]
    assert "<em>" not in body and "<strong>" not in body
