"""markdown-it-pyrs (fast, used when installed) and markdown-it-py give the same blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest import markdown_rs
from digest.ingest.markdown import python_parser, read_markdown

pytestmark = pytest.mark.skipif(not markdown_rs.available(),
                                reason="markdown-it-pyrs is not installed")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FILES = sorted([*DATA.glob("markdown/*.md"), *DATA.glob("twir/*.md"), *ROOT.glob("seeds/*.txt")])
NESTING = python_parser().options["maxNesting"]
# An unclosed code span inside a link label makes markdown-it-pyrs 0.4 panic.
PANICS = "Intro\n\n* [`unclosed code in a label](https://example.org/x)\n* [second](/y)\n"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_parsers_give_identical_blocks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert markdown_rs.tokens(text, NESTING) is not None, "markdown-it-pyrs should parse this file"
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
    assert markdown_rs.tokens(PANICS, NESTING) is None
    part = read_markdown(PANICS)
    assert part.blocks == read_markdown(PANICS, parser="python").blocks
    assert [b.text for b in part.blocks][-1] == "second"
    assert "panicked" not in capfd.readouterr().err


@pytest.mark.parametrize("text", [
    "*" * 50_000 + "deep" + "*" * 50_000,
    "- " * 50_000 + "deep",
    "> " * 50_000 + "deep",
    "![" * 50_000 + "deep" + "](u)" * 50_000,
], ids=["emphasis", "list markers", "quote markers", "images"])
def test_deep_nesting_is_read_by_markdown_it_py_without_crashing(text: str) -> None:
    # markdown-it-pyrs overflows the native stack (killing the process) on nesting this deep.
    assert markdown_rs.tokens(text, NESTING) is None
    assert read_markdown(text) == read_markdown(text, parser="python")


def test_moderate_nesting_stays_identical() -> None:
    text = "*a " * 300 + "x" + " b*" * 300 + "\n\n" + "> " * min(NESTING - 1, 60) + "quoted\n"
    assert markdown_rs.tokens(text, NESTING) is not None
    assert read_markdown(text) == read_markdown(text, parser="python")


def test_blocks_nested_past_markdown_it_pys_limit_are_read_as_it_reads_them() -> None:
    text = "Intro\n\n" + "> " * (NESTING + 5) + "quoted\n\n- a\n" + "".join(
        "  " * i + "- level\n" for i in range(1, NESTING))
    assert markdown_rs.tokens(text, NESTING) is None
    assert read_markdown(text) == read_markdown(text, parser="python")


def test_a_picture_over_a_line_of_text_is_a_caption_and_that_line_in_both_parsers() -> None:
    """"![Tulip bulbs](t.jpg)" over "*Photo: Ines Alvarez*" in one paragraph: the alt text is
    the picture's caption block, never the paragraph's words."""
    text = ("Hello gardeners, two jobs this week.\n\n![Tulip bulbs in a crate](/img/t.jpg)\n"
            "*Photo: Ines Alvarez*\n\n## Plant the last bulbs\n\nTulips go in now.\n")
    fast, slow = read_markdown(text), read_markdown(text, parser="python")
    assert fast.blocks == slow.blocks
    assert [(b.kind, b.text, b.line) for b in fast.blocks][1:3] == [
        ("caption", "Tulip bulbs in a crate", 3), ("paragraph", "Photo: Ines Alvarez", 4)]


def test_callout_fences_and_alert_marks_are_no_text_in_both_parsers() -> None:
    """":::tip" / ":::" around a callout (Docusaurus, VitePress) and GitHub's "> [!NOTE]" leave
    the callout's words as text; inside a code block they stay as written."""
    text = ("Intro line.\n\n:::tip Pro tip\nBring gloves.\n:::\n\n> [!NOTE]\n> The car park "
            "is closed.\n\n```\n:::kept\n> [!NOTE]\n```\n")
    fast, slow = read_markdown(text), read_markdown(text, parser="python")
    assert fast.blocks == slow.blocks
    assert [(b.kind, b.text, b.line) for b in fast.blocks] == [
        ("paragraph", "Intro line.", 1), ("paragraph", "Bring gloves.", 4),
        ("quote", "The car park is closed.", 8), ("code", ":::kept\n> [!NOTE]", 10)]
