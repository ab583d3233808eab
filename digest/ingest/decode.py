"""Bytes to clean text: encoding detection and whitespace normalisation shared by all readers."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache, lru_cache

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
_TRANSLATED = re.compile(f"[{''.join(map(chr, {**_ZERO_WIDTH, **_MIDDLE_DOTS, **_TYPESET}))}]")
# The joiners: part of a word between two letters of a script that uses them (Persian "نامه‌ی",
# Hindi conjuncts) or of an emoji between two symbols ("👩‍💻"); anywhere else (a preheader's
# padding, a Latin word broken so that mail apps do not link it) nothing.
_JOINER = re.compile("[\u200c\u200d]")
_JOINED = ("L", "M", "S")
_LATIN_END = "\u024f"
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# C1 controls: no text holds them, a windows-1252 byte read as ISO-8859-1 gives them
# (Outlook's "=?iso-8859-1?Q?Bulletin_=96_March?="), so they read as windows-1252 reads them.
_C1 = re.compile("[\x80-\x9f]")


# Signatures of common binary formats that may carry few control bytes early on, with what
# a reader is told the file is (and, where there is one, how to bring its text).
_KINDS = {
    b"%PDF-": "a PDF document, not text (save its text beside it with `pdftotext`)",
    b"PK\x03\x04": "a ZIP archive (a .docx, .epub or export), not text: unpack it or save "
                    "the newsletter as text, HTML or e-mail",
    b"PK\x05\x06": "an empty ZIP archive, not text",
    b"\xd0\xcf\x11\xe0": "an Office document (.doc, .msg), not text: save it as text or HTML",
    b"\x89PNG": "an image (PNG), not text", b"GIF8": "an image (GIF), not text",
    b"\xff\xd8\xff": "an image (JPEG), not text", b"\x00\x00\x01\x00": "an icon, not text",
    b"II*\x00": "an image (TIFF), not text", b"MM\x00*": "an image (TIFF), not text",
    b"\x1f\x8b": "a gzip archive, not text: unpack it", b"BZh": "a bzip2 archive, not text",
    b"7z\xbc\xaf": "a 7-Zip archive, not text", b"Rar!": "a RAR archive, not text",
    b"\x7fELF": "a program, not text", b"RIFF": "audio, video or an image (RIFF), not text",
    b"OggS": "audio or video (Ogg), not text", b"ID3": "audio (MP3), not text",
}
_MAGIC = tuple(_KINDS)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                            rb"[\xf0-\xf4][\x80-\xbf]{3}")


class NotText(ValueError):
    """The bytes are not a text document (binary data)."""


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])  # 0-8 and 14-31: not tab or line breaks


def binary_kind(data: bytes) -> str:
    """What a binary file is, in words for the message that skips it."""
    return next((kind for magic, kind in _KINDS.items() if data.startswith(magic)),
                "binary data, not text")


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
    if controls > len(sample) // 20:  # an ISO-2022 text's escapes are no binary's controls
        controls -= len(_ISO2022_ESCAPE.findall(sample))
    return controls > len(sample) // 20


# Charsets a browser reads as a larger one (the WHATWG Encoding Standard): text labelled
# ISO-8859-1 is written in windows-1252 ("’", "–"), GB2312 in GB18030, Shift_JIS in CP932,
# Big5 in Microsoft's CP950 ("€", "～") with the ETEN and HKSCS extensions (`_big5`).
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
                     "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
                     "shift_jis": "cp932", "euc_kr": "cp949", "big5": "cp950",
                     "big5hkscs": "cp950"}
# A page's own charset: <meta charset="…">, or the http-equiv Content-Type's.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{2,40})",
                           re.IGNORECASE)


def codec(label: str) -> str:
    """The codec to read text labelled `label` with, as browsers read it; LookupError for a
    label Python does not know."""
    name = codecs.lookup(label.strip()).name
    return _AS_BROWSERS_READ.get(name, name)


def decode_as(data: bytes, label: str, errors: str = "strict") -> str:
    """`data` read in the charset `label` names, as browsers and mail programs read it;
    LookupError for a label Python does not know, UnicodeDecodeError (with `errors`
    "strict") for bytes that charset cannot hold."""
    name = codec(label)
    if name in _ISO2022_JP:
        try:
            return _iso2022_jp(data, errors)
        except UnicodeDecodeError:
            if not _JP2_ESCAPE.search(data):
                raise
        return data.decode(name, errors)  # ISO-2022-JP-2's Chinese, Korean and Latin sets
    if name == "cp950":
        return _big5(data, errors)
    return data.decode(name, errors)


# ISO-2022-JP as mail programs read it (Microsoft's CP50220 and CP50221, and the WHATWG
# decoder): a JIS X 0208 code is read as CP932 reads it, the same code in Shift_JIS, so that
# the NEC and IBM extensions Japanese mail is sent with ("①", "㈱", "Ⅲ", in JIS rows 13 and
# 89-92) are read, where Python's codecs reject the whole body; JIS X 0212 and JIS X 0213
# (ESC $ ( D, ESC $ ( Q) as EUC-JP and EUC-JIS-2004 read them, half-width katakana (ESC ( I,
# or between SO and SI) and JIS-Roman (ESC ( J: "¥", "‾").
_ISO2022_JP = frozenset({"iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_3",
                         "iso2022_jp_2004", "iso2022_jp_ext"})
_JIS_SWITCH = re.compile(rb"\x1b(?:\([BJI]|\$[@B]|\$\([@BDOPQ]|&@)|[\x0e\x0f]")
_ISO2022_ESCAPE = re.compile(rb"\x1b[$(&.N]")
_JIS_TWO_BYTE_SETS = re.compile(rb"\x1b\$\(?[@BDOPQ]")
_JP2_ESCAPE = re.compile(rb"\x1b(?:\$A|\$\(C|\.[AF]|N)")
_JIS_SETS = {b"\x1b(B": "ascii", b"\x1b(J": "roman", b"\x1b(I": "katakana",
             b"\x1b$@": "0208", b"\x1b$B": "0208", b"\x1b$(@": "0208", b"\x1b$(B": "0208",
             b"\x1b$(D": "0212", b"\x1b$(O": "0213", b"\x1b$(Q": "0213", b"\x1b$(P": "0213-2"}
_JIS_ONE_BYTE = {"ascii": re.compile(rb"[\x00-\x1a\x1c-\x7f]+|[\s\S]"),
                 "katakana": re.compile(rb"[\x21-\x5f]+|[\x00-\x1a\x1c-\x20]+|[\s\S]")}
_JIS_TWO_BYTES = re.compile(rb"[\x21-\x7e]{2}|[\x00-\x1a\x1c-\x20]+|[\s\S]")
_ROMAN = str.maketrans("\\~", "\u00a5\u203e")


def _iso2022_jp(data: bytes, errors: str) -> str:
    out: list[str] = []
    charset = unshifted = "ascii"
    at = 0
    for switch in (*_JIS_SWITCH.finditer(data), None):
        end = switch.start() if switch is not None else len(data)
        if end > at:
            out.append(_jis_run(data, at, end, charset, errors))
        if switch is None:
            return "".join(out)
        at = switch.end()
        if switch[0] == b"\x0e":  # SO: half-width katakana until SI
            charset = "katakana"
        elif switch[0] == b"\x0f":
            charset = unshifted
        elif switch[0] in _JIS_SETS:  # (ESC & @ only announces JIS X 0208's 1990 edition)
            charset = unshifted = _JIS_SETS[switch[0]]
    return "".join(out)


def _jis_run(data: bytes, start: int, end: int, charset: str, errors: str) -> str:
    """Bytes `start` to `end` of an ISO-2022-JP text, all in one character set; a line break
    (or a space) left inside a two-byte set is read as itself, as Python's codec reads one."""
    out: list[str] = []
    if charset in ("ascii", "roman", "katakana"):
        for found in _JIS_ONE_BYTE["katakana" if charset == "katakana" else "ascii"].finditer(
                data, start, end):
            run = found[0]
            if run[0] == 0x1b or run[0] > 0x7f or charset == "katakana" and run[0] > 0x5f:
                out.append(_bad(data, found.start(), found.end(), errors))
            elif charset == "katakana" and run[0] > 0x20:
                out.append("".join(chr(0xff61 - 0x21 + byte) for byte in run))
            else:
                out.append(run.decode("ascii").translate(_ROMAN) if charset == "roman" else
                           run.decode("ascii"))
        return "".join(out)
    table = _jis_table(charset)
    for found in _JIS_TWO_BYTES.finditer(data, start, end):
        unit = found[0]
        read = table.get(unit) if len(unit) == 2 and unit[0] > 0x20 else \
            unit.decode("ascii") if unit[0] <= 0x20 and unit[0] != 0x1b else None
        out.append(read if read is not None else _bad(data, found.start(), found.end(), errors))
    return "".join(out)


def _bad(data: bytes, start: int, end: int, errors: str) -> str:
    if errors == "strict":
        raise UnicodeDecodeError("iso-2022-jp", data, start, end, "illegal sequence")
    return "" if errors == "ignore" else "\ufffd"


@cache
def _jis_table(charset: str) -> dict[bytes, str]:
    """Each two-byte code of a JIS character set (rows and cells 0x21-0x7e), and what it
    reads as: JIS X 0208 in CP932 (its Shift_JIS code), the others in their EUC form."""
    table = {}
    for row in range(0x21, 0x7f):
        for cell in range(0x21, 0x7f):
            if charset == "0208":
                lead = (row + 1) // 2 + (0x70 if row <= 0x5e else 0xb0)
                trail = cell + (0x7e if row % 2 == 0 else 0x1f if cell <= 0x5f else 0x20)
                coded, name = bytes((lead, trail)), "cp932"
            else:
                coded = (b"\x8f" if charset in ("0212", "0213-2") else b"") + \
                    bytes((row | 0x80, cell | 0x80))
                name = "euc_jp" if charset == "0212" else "euc_jis_2004"
            try:
                table[bytes((row, cell))] = coded.decode(name)
            except UnicodeDecodeError:
                continue
    return table


# Big5 as browsers read it: CP950's readings ("€" at A3E1, "～" at A1E3, "￠"), the ETEN
# extension (C6A1-C8FE: "①", kana, Cyrillic) and the codes only Hong Kong's HKSCS has, as
# Big5-HKSCS reads them.
_BIG5_UNITS = re.compile(rb"[\x81-\xfe][\x40-\x7e\xa1-\xfe]|[\x00-\x7f]+|[\s\S]")
_ETEN = (b"\xc6\xa1", b"\xc8\xfe")


def _big5(data: bytes, errors: str) -> str:
    table, eten = _big5_table()
    try:  # most Big5 text: all in CP950, none of it in the ETEN block (CP950 reads otherwise)
        text = data.decode("cp950")
        if eten.isdisjoint(text):
            return text
    except UnicodeDecodeError:
        pass
    out: list[str] = []
    for found in _BIG5_UNITS.finditer(data):
        unit = found[0]
        read = unit.decode("ascii") if unit[0] < 0x80 else table.get(unit)
        if read is None:
            if errors == "strict":
                raise UnicodeDecodeError("big5", data, found.start(), found.end(),
                                         "illegal multibyte sequence")
            read = "" if errors == "ignore" else "\ufffd"
        out.append(read)
    return "".join(out)


@lru_cache(maxsize=1)
def _big5_table() -> tuple[dict[bytes, str], frozenset[str]]:
    """Each Big5 code and what it reads as; and what CP950 reads the ETEN block's codes as
    (no code outside the block reads as one of those)."""
    table, eten = {}, set()
    for lead in range(0x81, 0xff):
        for trail in (*range(0x40, 0x7f), *range(0xa1, 0xff)):
            code = bytes((lead, trail))
            inside = _ETEN[0] <= code <= _ETEN[1]
            for name in ("big5hkscs", "cp950") if inside else ("cp950", "big5hkscs"):
                try:
                    table[code] = code.decode(name)
                    break
                except UnicodeDecodeError:
                    continue
            try:
                if inside:
                    eten.add(code.decode("cp950"))
            except UnicodeDecodeError:
                pass
    return table, frozenset(eten)


def declared_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first 4 KB (a saved page keeps its own)."""
    found = _META_CHARSET.search(data[:4096])
    return found[1].decode("ascii") if found else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode bytes (as UTF-8, else as the charset the file `declared`); return the text and
    a warning when a fallback encoding was used. Text of 7-bit bytes and escape sequences
    (valid UTF-8 too) is read in the charset it declares first, and in ISO-2022-JP when it
    declares none and switches to JIS's two-byte sets."""
    if looks_binary(data):
        raise NotText(binary_kind(data))
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    if declared and not _known(declared):
        declared = None
    escaped = b"\x1b" in data and data.isascii()
    if escaped and declared is None and _JIS_TWO_BYTE_SETS.search(data):
        declared = "iso-2022-jp"
    if escaped and declared:
        read = _in_declared(data, declared)
        return read or (data.decode("ascii"), f"not valid {declared}; read as UTF-8")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if declared:
            read = _in_declared(data, declared)
            if read is not None:
                return read
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


def _known(label: str) -> bool:
    try:
        codec(label)
    except LookupError:
        return False
    return True


def _in_declared(data: bytes, label: str) -> tuple[str, str | None] | None:
    """The text in the charset it declares: whole, or with its bad byte sequences replaced
    (and a warning) when it reads more characters past ASCII than it replaces; None for text
    mostly not in that charset."""
    try:
        return decode_as(data, label), None
    except UnicodeDecodeError as exc:
        where = data[: exc.start].count(b"\n") + 1
    text = decode_as(data, label, errors="replace")
    bad = text.count("\ufffd")
    if len(text) - len(text.encode("ascii", "ignore")) - bad <= bad:
        return None
    return text, (f"not valid {label}: {bad} bad byte sequence{'s' * (bad != 1)} replaced "
                  f"(the first on line {where})")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """Normalise one line: NFC, odd spaces to plain spaces, "⋅" to "·", zero-width and control
    chars removed."""
    if line.isascii():  # most lines: already NFC, with no odd or zero-width space
        # (a tab and the controls are all that is not printable in ASCII)
        return line if line.isprintable() else _CONTROL.sub("", line.replace("\t", " "))
    line = unicodedata.normalize("NFC", _C1.sub(_as_cp1252, line))
    if _TRANSLATED.search(line):  # (a translation looks each character up: slow)
        line = line.translate(_ZERO_WIDTH).translate(_MIDDLE_DOTS).translate(_TYPESET)
    if "\u200c" in line or "\u200d" in line:
        line = _JOINER.sub(lambda m: m.group() if _joins(m.string, m.start()) else "", line)
    if line.isprintable():  # odd spaces and controls are not printable
        return line
    return _CONTROL.sub("", _SPACES.sub(" ", line))


def _as_cp1252(found: re.Match[str]) -> str:
    """A C1 control as the windows-1252 character of its byte ("\x96": "–"), or nothing."""
    return bytes([ord(found[0])]).decode("cp1252", errors="ignore")


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
