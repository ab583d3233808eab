"""Bytes to blocks through `read_bytes` / `read_file`: encodings, newlines, odd spaces, binaries."""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.ingest import read_bytes, read_file
from digest.model import Document

TEXT = "Weekly notes\n\n“Smart quotes” and a café.\n\nLast line.\n"
MARKDOWN = "---\ntitle: Café issue\ndate: 2024-01-08\n---\n\n# Café\n\nA “quoted” word.\n"
HTML = "<html>\n<head><title>Café</title></head>\n<body>\n<h1>Café</h1>\n<p>“Quoted”</p>\n</body>\n"


def _lines(doc: Document) -> list[tuple[str, int]]:
    [part] = doc.parts
    return [(block.text, block.line) for block in part.blocks]


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_unicode_encodings_read_alike(encoding: str) -> None:
    encode = ENCODINGS[encoding]
    doc = read_bytes("notes.txt", encode(TEXT))
    assert doc.problems == []
    assert _lines(doc) == [
        ("Weekly notes", 1), ("“Smart quotes” and a café.", 3), ("Last line.", 5),
    ]
    doc = read_bytes("issue.md", encode(MARKDOWN))
    assert doc.format == "markdown" and doc.problems == []
    assert doc.parts[0].meta.title == "Café issue"
    assert _lines(doc) == [("Café", 6), ("A “quoted” word.", 8)]
    doc = read_bytes("page.html", encode(HTML))
    assert doc.format == "html" and doc.problems == []
    assert doc.parts[0].meta.title == "Café"
    assert _lines(doc) == [("Café", 4), ("“Quoted”", 5)]


def test_cp1252_is_read_with_a_warning() -> None:
    data = "Intro line\n“smart quotes” café\n".encode("cp1252")
    doc = read_bytes("old.txt", data)
    assert _lines(doc) == [("Intro line", 1), ("“smart quotes” café", 2)]
    [problem] = doc.problems
    assert problem.severity == "warning"
    assert "cp1252" in problem.message and "line 2" in problem.message


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_lone_cr_line_numbers(newline: str) -> None:
    def encoded(text: str) -> bytes:
        return text.replace("\n", newline).encode("utf-8")

    assert _lines(read_bytes("a.txt", encoded(TEXT)))[-1] == ("Last line.", 5)
    assert _lines(read_bytes("a.md", encoded(MARKDOWN))) == [("Café", 6), ("A “quoted” word.", 8)]
    assert _lines(read_bytes("a.html", encoded(HTML))) == [("Café", 4), ("“Quoted”", 5)]
    doc = read_bytes("a.md", encoded("Title: T\nDate: 2024-01-08\n\n## Heading\n\nText\n"))
    assert doc.parts[0].meta.title == "T"
    assert _lines(doc) == [("Heading", 4), ("Text", 6)]


def test_odd_spaces_are_normalised() -> None:
    odd = "caf\u00e9\u00a0au\u200blait \u2003 cafe\u0301\u2060 end"
    expected = "café aulait café end"
    assert _lines(read_bytes("a.txt", odd.encode("utf-8"))) == [(expected, 1)]
    assert _lines(read_bytes("a.md", f"# {odd}\n".encode())) == [(expected, 1)]
    page = "<p>caf&eacute;&nbsp;au&#8203;lait &emsp; cafe\u0301&zwj; end</p>"
    assert _lines(read_bytes("a.html", page.encode("utf-8"))) == [(expected, 1)]


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("issue.txt", "This Week in Rust " * 200)
        archive.writestr("notes.md", "# Notes\n")
    return buffer.getvalue()


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(3000),
    "zip": _zip(),
}


@pytest.mark.parametrize("kind", BINARIES)
@pytest.mark.parametrize("name", ["file.txt", "file.md", "file.html", "file"])
def test_binary_files_are_skipped(tmp_path: Path, kind: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BINARIES[kind])
    doc = read_file(path)
    assert doc.parts == []
    assert [p.severity for p in doc.problems] == ["error"]
    assert "not text" in doc.problems[0].message


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html"])
@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_files(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    doc = read_file(path)
    assert all(part.blocks == [] for part in doc.parts)
    assert any("empty" in p.message for p in doc.problems)
    assert all(p.severity == "warning" for p in doc.problems)


def test_truncated_utf16_does_not_raise() -> None:
    data = codecs.BOM_UTF16_LE + "hello\nworld".encode("utf-16-le")[:-1]
    doc = read_bytes("cut.txt", data)
    assert _lines(doc)[0] == ("hello", 1)


def test_nul_bytes_in_text_are_removed() -> None:
    doc = read_bytes("nul.txt", b"Hello\x00 world.\n" + b"A longer line of plain text.\n" * 9)
    assert _lines(doc)[0] == ("Hello world.", 1)
    assert [p.message for p in doc.problems] == ["NUL characters removed"]


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.eml", "a.mbox"]),
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from([
            "From a Mon Jan  1 00:00:00 2024\n", "Subject: x\n", "Date: nonsense\n", "\n",
            "<p>", "</p>", "<!--", "-->", "---\n", "+++\n", "# h\n", "Title: t\n",
            "Content-Transfer-Encoding: base64\n", "<br>", "1. item\n", "> q\n", "```\n",
        ]), max_size=30).map(lambda parts: "".join(parts).encode()),
    ),
)
def test_reading_never_raises(name: str, data: bytes) -> None:
    doc = read_bytes(name, data)
    for part in doc.parts:
        for block in part.blocks:
            assert 1 <= block.line <= block.end_line
