"""markdown-it-pyrs (fast, used when installed) and markdown-it-py give the same blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest import markdown_rs
from digest.ingest.markdown import read_markdown

pytestmark = pytest.mark.skipif(not markdown_rs.available(),
                                reason="markdown-it-pyrs is not installed")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FILES = sorted([*DATA.glob("markdown/*.md"), *DATA.glob("twir/*.md"), *ROOT.glob("seeds/*.txt")])
# An unclosed code span inside a link label makes markdown-it-pyrs 0.4 panic.
PANICS = "Intro\n\n* [`unclosed code in a label](https://example.org/x)\n* [second](/y)\n"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_parsers_give_identical_blocks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert markdown_rs.tokens(text) is not None, "markdown-it-pyrs should parse this file"
    fast, slow = read_markdown(text), read_markdown(text, parser="python")
    assert fast.blocks == slow.blocks
    assert fast.meta == slow.meta


def test_the_fixture_exercises_what_the_reader_reads() -> None:
    blocks = read_markdown((DATA / "markdown" / "constructs.md").read_text(encoding="utf-8"))
    kinds = {b.kind for b in blocks.blocks}
    assert kinds >= {"heading", "paragraph", "item", "quote", "code", "rule"}
    urls = [link.url for b in blocks.blocks for link in b.links]
    assert "https://example.org/café/naïve–dash" in urls  # as written, not percent-encoded
    assert "https://example.org/réf" in urls
    assert "https://example.org/with space" in urls
    assert "mailto:someone@example.org" in urls
    assert [b.number for b in blocks.blocks if b.text in ("First", "Also numbered one",
                                                          "Then seven")] == [1, 1, 7]


def test_a_file_the_rust_parser_fails_on_is_read_by_markdown_it_py_quietly(capfd) -> None:
    assert markdown_rs.tokens(PANICS) is None
    part = read_markdown(PANICS)
    assert part.blocks == read_markdown(PANICS, parser="python").blocks
    assert [b.text for b in part.blocks][-1] == "second"
    assert "panicked" not in capfd.readouterr().err
