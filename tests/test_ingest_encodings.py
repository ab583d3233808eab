"""Bytes to blocks through `read_bytes` / `read_file`: encodings, newlines, odd spaces, binaries."""

from __future__ import annotations

import base64
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


# --- East Asian legacy charsets -------------------------------------------------------------


def _jis(text: str) -> bytes:
    """`text` in ISO-2022-JP as Japanese mail programs send it (Microsoft's CP50220): each
    character's CP932 code (Shift_JIS with the NEC and IBM extensions) written as its JIS code
    between escape sequences, so "①", "㈱" and "Ⅲ" (JIS row 13) and IBM's kanji (rows 89-92)
    are sent, which Python's ISO-2022-JP codecs cannot write."""
    out, two_bytes = bytearray(), False
    for char in text:
        code = char.encode("cp932")
        if len(code) == 1:
            out += b"\x1b(B" + code if two_bytes else code
            two_bytes = False
            continue
        lead, trail = code
        row = 2 * (lead - (0x70 if lead < 0xa0 else 0xb0)) - (trail < 0x9f)
        cell = trail - (0x1f if trail < 0x7f else 0x20 if trail < 0x9f else 0x7e)
        out += (b"" if two_bytes else b"\x1b$B") + bytes((row, cell))
        two_bytes = True
    return bytes(out) + (b"\x1b(B" if two_bytes else b"")


def _mail(body: bytes, charset: str, subject: bytes = b"Factory letter",
          sender: bytes = b"Works office") -> bytes:
    """A message with `body` as it is (7bit or 8bit), its lines ending in CRLF: the body
    opens on line 8."""
    return (b"From: " + sender + b" <office@example.jp>\r\nSubject: " + subject + b"\r\n"
            b"Date: Thu, 12 Mar 2026 07:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body.replace(b"\n", b"\r\n"))


def _word(text: str, charset: str, encoded: bytes) -> bytes:
    return b"=?" + charset.encode() + b"?B?" + base64.b64encode(encoded) + b"?="


FACTORY = ("工場だより　第12号\n\n今週の目次：①道具の置き場②朝の点検③見学会\n\n"
           "丸福工業㈱の第Ⅲ工場から、纊と ⅰ の話です。１０時～１２時に開きます。\n")


def test_the_helper_writes_iso_2022_jp_as_python_does_where_python_can() -> None:
    plain = "工場だより　第12号\n\n道具の置き場を決めました。\n"
    assert _jis(plain) == plain.encode("iso2022_jp")


def test_iso_2022_jp_mail_with_nec_and_ibm_characters_is_read_as_mail_programs_read_it() -> None:
    """"①", "㈱", "Ⅲ" and IBM's kanji are not in JIS X 0208, so Python's codecs reject the
    body; the whole of it was read as UTF-8, escape sequences and all."""
    subject = _word("", "ISO-2022-JP", _jis("工場だより①　丸福工業㈱"))
    sender = _word("", "ISO-2022-JP", _jis("丸福工業㈱ 総務課"))
    doc = read_bytes("letter.eml", _mail(_jis(FACTORY), "ISO-2022-JP", subject, sender))
    assert doc.problems == []
    assert doc.parts[0].meta.title == "工場だより① 丸福工業㈱"
    assert doc.parts[0].meta.publication == "丸福工業㈱ 総務課"
    assert _lines(doc) == [
        ("工場だより 第12号", 8), ("今週の目次：①道具の置き場②朝の点検③見学会", 10),
        ("丸福工業㈱の第Ⅲ工場から、纊と ⅰ の話です。１０時～１２時に開きます。", 12)]
    assert "\uff5e" in _lines(doc)[2][0]  # "～" as CP932 and browsers read it, not "〜"


def test_iso_2022_jp_with_jis_x_0213_escapes_and_half_width_katakana_is_read() -> None:
    """Short lines each switching to JIS X 0213 (ESC $ ( Q) for "①": so many escapes that
    the body was taken for binary data."""
    body = "".join(f"{n}本日の目次①春②夏③秋\n" for n in range(1, 6)).encode("iso2022_jp_2004")
    body += "ｶﾀｶﾅの行\n".encode("iso2022_jp_ext")
    doc = read_bytes("letter.eml", _mail(body, "iso-2022-jp"))
    assert doc.problems == []
    texts = [text for block in doc.parts[0].blocks for text in block.text.split("\n")]
    assert "1本日の目次①春②夏③秋" in texts[0] and "ｶﾀｶﾅの行" in texts[-1]
    assert doc.parts[0].blocks[0].line == 8


def test_iso_2022_jp_text_that_declares_nothing_or_a_page_that_does_is_read_in_it() -> None:
    letter = "町内だより\n\n回覧板のお知らせです。\n"
    doc = read_bytes("letter.txt", letter.encode("iso2022_jp"))
    assert (doc.problems, _lines(doc)) == ([], [("町内だより", 1), ("回覧板のお知らせです。", 3)])
    page = ('<html><head><meta charset="iso-2022-jp"><title>町内だより</title></head>'
            "<body><p>回覧板のお知らせです。①</p></body></html>")
    doc = read_bytes("page.html", page.encode("iso2022_jp_2004"))
    assert doc.problems == [] and doc.parts[0].meta.title == "町内だより"
    assert _lines(doc) == [("回覧板のお知らせです。①", 1)]


def test_malformed_iso_2022_jp_keeps_its_lines_and_says_where_it_is_bad() -> None:
    body = (_jis("一行目です。\n") + b"\x1b$B%F%\n" + b"\x1b$Bxx\x1b(Z\xff\n" +
            _jis("四行目です。①\n") + b"\x1b$")
    doc = read_bytes("letter.eml", _mail(body, "iso-2022-jp"))
    texts = [(text, block.line + n) for block in doc.parts[0].blocks
             for n, text in enumerate(block.text.split("\n"))]
    assert ("一行目です。", 8) in texts and ("四行目です。①", 11) in texts
    [problem] = doc.problems
    assert "body is not valid iso-2022-jp" in problem.message
    assert "replaced (the first on line 2)" in problem.message


BIG5 = "河岸社區電子報\n\n會費€10元～每月一次，碁會與恒常聚會①，啲茶點。\n"


def _big5(text: str) -> bytes:
    """Big5 as Taiwanese and Hong Kong senders write it: CP950 for most ("€", "～"), the ETEN
    "①" and HKSCS's "啲" as Big5-HKSCS writes them."""
    return b"".join(c.encode("big5hkscs" if c in "①啲" else "cp950") for c in text)


@pytest.mark.parametrize("kind", ["page", "mail"])
def test_big5_is_read_as_browsers_read_it(kind: str) -> None:
    """"€" (A3E1) is not in Python's Big5 or Big5-HKSCS: the whole text was read as
    windows-1252."""
    if kind == "page":
        data = b'<html><head><meta charset="big5"></head><body>' + \
            _big5(BIG5).replace(b"\n\n", b"\n<p>") + b"</body></html>"
        doc = read_bytes("page.html", data)
    else:
        doc = read_bytes("letter.eml", _mail(_big5(BIG5), "big5",
                                             _word("", "big5", _big5("河岸電子報€"))))
        assert doc.parts[0].meta.title == "河岸電子報€"
    assert doc.problems == []
    assert _lines(doc)[-1][0] == "會費€10元～每月一次，碁會與恒常聚會①，啲茶點。"
    assert "\uff5e" in _lines(doc)[-1][0]


def test_big5_with_a_bad_byte_is_read_as_big5_with_a_warning() -> None:
    data = _big5("河岸社區電子報\n\n會費十元。\n").replace("費".encode("cp950"), b"\x80")
    doc = read_bytes("letter.eml", _mail(data, "big5"))
    assert _lines(doc)[-1] == ("會\ufffd十元。", 10)
    [problem] = doc.problems
    assert problem.message == ("message 1: body is not valid big5: 1 bad byte sequence "
                               "replaced (the first on line 3)")
    doc = read_bytes("page.html", b'<meta charset="big5">' + data)
    assert [p.message for p in doc.problems] == [
        "not valid big5: 1 bad byte sequence replaced (the first on line 3)"]


_PIECES = [b"\x1b$B", b"\x1b$@", b"\x1b(B", b"\x1b(J", b"\x1b(I", b"\x1b$(Q", b"\x1b$(D",
           b"\x1b$(P", b"\x1b&@", b"\x1b", b"\x1b$", b"\x1b(", b"\x0e", b"\x0f", b"\n", b"\r\n",
           b" ", b"-!", b"%F", b"yy", b"!", b"\x80", b"\xa4@", b"\xa3\xe1", b"\xc6\xa1",
           b"\x88b", b"\xa4", b"ab", b"\xff"]


@settings(max_examples=300, deadline=None)
@given(data=st.lists(st.sampled_from(_PIECES), max_size=40).map(b"".join),
       charset=st.sampled_from(["iso-2022-jp", "iso-2022-jp-2", "big5", "big5-hkscs"]))
def test_legacy_east_asian_decoding_never_raises_and_keeps_every_line(data, charset) -> None:
    from digest.ingest.decode import decode_as

    text = decode_as(data, charset, errors="replace")
    assert text.count("\n") == data.count(b"\n") and text.count("\r") == data.count(b"\r")
    try:
        assert decode_as(data, charset) == text
    except UnicodeDecodeError:
        assert "\ufffd" in text
    doc = read_bytes("a.eml", _mail(data, charset))
    for part in doc.parts:
        for block in part.blocks:
            assert 8 <= block.line <= block.end_line


def test_encoded_words_split_inside_a_word_are_joined_as_rfc_2047_says():
    """A mail program folds a long name or subject into encoded words wherever the bytes
    run out, inside a word; the space between them is no space ("தொ" + "டர்பு" is
    "தொடர்பு"; "Nach" + "richten" is "Nachrichten")."""
    def words(text: str, cut: int) -> str:
        halves = text[:cut], text[cut:]
        return "\r\n ".join("=?utf-8?b?" + base64.b64encode(h.encode()).decode() + "?="
                            for h in halves)

    name, subject = "மக்கள் தொடர்பு அலுவலகம்", "Gemeinde-Nachrichten März"
    data = (f"From: {words(name, 9)} <pro@uni.example>\r\nSubject: {words(subject, 13)}\r\n"
            "Date: Fri, 13 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nA short note for the week.\r\n")
    (part,) = read_bytes("news.eml", data.encode()).parts
    assert (part.meta.publication, part.meta.title) == (name, subject)
