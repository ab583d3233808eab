"""Bytes to clean text: encoding detection and whitespace normalisation shared by all readers."""

from __future__ import annotations

import codecs
import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
# The dot operator and the bullet operator, set between a line's fields as "·" is ("Daily
# update ⋅ March 12, 2026"): read as "·".
_MIDDLE_DOTS = str.maketrans("\u22c5\u2219", "\u00b7\u00b7")
# Text taken from a PDF or a Word file: its typeset ligatures ("ﬁeld") as the letters they
# join, so that words are found and copied whole, and the bullets of the Symbol and Wingdings
# fonts (private-use characters, "" over a list) as the bullets they draw.
_TYPESET = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                          "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\uf0b7": "•",
                          "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"})
# The joiners: part of a word between two letters of a script that uses them (Persian "نامه‌ی",
# Hindi conjuncts) or of an emoji between two symbols ("👩‍💻"); anywhere else (a preheader's
# padding, a Latin word broken so that mail apps do not link it) nothing.
_JOINER = re.compile("[\u200c\u200d]")
_JOINED = ("L", "M", "S")
_LATIN_END = "\u024f"
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Signatures of common binary formats that may carry few control bytes early on.
_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-",
          b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"\x7fELF", b"Rar!", b"RIFF", b"OggS", b"ID3",
          b"\x00\x00\x01\x00", b"II*\x00", b"MM\x00*", b"\xd0\xcf\x11\xe0")


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                            rb"[\xf0-\xf4][\x80-\xbf]{3}")


class NotText(ValueError):
    """The bytes are not a text document (binary data)."""


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])  # 0-8 and 14-31: not tab or line breaks


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other binaries; UTF-16 with a BOM is text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if data.startswith(_MAGIC):
        return True
    sample = data[:8192]
    if sample.count(b"\x00") > len(sample) // 100:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 20


# Charsets a browser reads as a larger one (the WHATWG Encoding Standard): text labelled
# ISO-8859-1 is written in windows-1252 ("’", "–"), GB2312 in GB18030, Shift_JIS in CP932.
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
                     "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
                     "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs"}
# A page's own charset: <meta charset="…">, or the http-equiv Content-Type's.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{2,40})",
                           re.IGNORECASE)


def codec(label: str) -> str:
    """The codec to read text labelled `label` with, as browsers read it; LookupError for a
    label Python does not know."""
    name = codecs.lookup(label.strip()).name
    return _AS_BROWSERS_READ.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first 4 KB (a saved page keeps its own)."""
    found = _META_CHARSET.search(data[:4096])
    return found[1].decode("ascii") if found else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode bytes (as UTF-8, else as the charset the file `declared`); return the text and
    a warning when a fallback encoding was used."""
    if looks_binary(data):
        raise NotText("binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if declared:
            try:
                return data.decode(codec(declared)), None
            except (LookupError, UnicodeDecodeError):
                pass
        where = data[: exc.start].count(b"\n") + 1
        damaged = data.decode("utf-8", errors="replace")
        bad = damaged.count("\ufffd")
        if len(_UTF8_SEQUENCE.findall(data)) > bad:
            return damaged, (f"not valid UTF-8: {bad} bad byte sequence{'s' * (bad != 1)} "
                             f"replaced (the first on line {where})")
        try:
            text = data.decode("cp1252")
            name = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            name = "latin-1"
        return text, f"not valid UTF-8 (first bad byte on line {where}); read as {name}"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """Normalise one line: NFC, odd spaces to plain spaces, "⋅" to "·", zero-width and control
    chars removed."""
    if line.isascii():  # most lines: already NFC, with no odd or zero-width space
        return _CONTROL.sub("", line.replace("\t", " "))
    line = unicodedata.normalize("NFC", line)
    line = line.translate(_ZERO_WIDTH).translate(_MIDDLE_DOTS).translate(_TYPESET)
    if "\u200c" in line or "\u200d" in line:
        line = _JOINER.sub(lambda m: m.group() if _joins(m.string, m.start()) else "", line)
    line = _SPACES.sub(" ", line)
    return _CONTROL.sub("", line)


def _joins(line: str, at: int) -> bool:
    """A joiner at `at` stands between two letters, marks or symbols, not both Latin."""
    if not 0 < at < len(line) - 1:
        return False
    before, after = line[at - 1], line[at + 1]
    return unicodedata.category(before)[0] in _JOINED and \
        unicodedata.category(after)[0] in _JOINED and max(before, after) > _LATIN_END


def collapse(text: str) -> str:
    """Clean a run of text and fold all white space to single spaces."""
    return " ".join(clean_line(text).split())
