"""E-mail reader: one `.eml` message, or an mbox of many, each message to one Part.

The HTML body is preferred (read by `read_html`), else the plain-text one (`read_text`); the
plain-text one also when the HTML says next to nothing (pictures) and the text says much more.
Line numbers are those of the decoded body part. When the body is stored as is (7bit/8bit,
not base64 or quoted-printable) they are shifted by the body's first line in the file, so they
point into the file; for encoded bodies they count lines of the decoded text.
"""

from __future__ import annotations

import datetime as dt
import re
from email import policy
from email.header import decode_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from functools import cache
from typing import cast

from digest.forwarded import (
    SEARCH_LINES,
    Forward,
    field_lines,
    forwarded,
    is_forward,
    unquoted,
    without_prefix,
)
from digest.links import reader_tokens, without_tokens
from digest.listmail import is_list_mail
from digest.model import Link, Meta, Part, Problem
from digest.textwords import count_words

from .decode import NotText, codec, collapse, decode, decode_as, normalize_newlines
from .html import read_html
from .listdigest import SUBJECT_TAG
from .mimedigest import digest_text
from .org import looks_like_org
from .text import read_text

_SEPARATOR_TIME = re.compile(rb"\d{1,2}:\d{2}")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")  # a header field's name and colon
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_HEADERS_END = re.compile(rb"\r?\n\r?\n")
_ENCODED = ("base64", "quoted-printable")
_UNDECODED = re.compile("[\udc80-\udcff\ufffd]")
_SURROGATES = re.compile("[\udc80-\udcff]")
_C1 = re.compile("[\x80-\x9f]")
_TNEF_TYPES = ("application/ms-tnef", "application/vnd.ms-tnef")
_UTF8_SAMPLE = "é—".encode()
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_REPLY = re.compile(r"^(?:(?:re|aw|sv|fwd?):\s*)+", re.IGNORECASE)
_ADJACENT_WORDS = re.compile(r"\?=\s+=\?")  # two encoded words apart only by white space
_DOMAIN = re.compile(r"(?:@|//|<|\.)((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[>/?:\s]|$)", re.IGNORECASE)
_WEB_LINK = re.compile(r"<(https?://[^>\s]+)>")
_LIST_LABEL = re.compile(r"<([a-z][a-z0-9_-]{2,40})\.[^>\s]+>", re.IGNORECASE)
PICTURE_MAIL_WORDS = 40  # an HTML body saying less than this may be a mail drawn in pictures
RICHER_TEXT = 3  # ...whose plain-text body, this many times as long, is read instead
NOTE_WORDS = 60  # a forwarder's note over the newsletter they attach says no more than this


def read_email(data: bytes, name: str) -> tuple[list[Part], list[Problem]]:
    """Parts of the messages in a file; malformed messages give problems, never exceptions."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    messages = split_mbox(data) if data.startswith(b"From ") else [(1, data)]
    parts: list[Part] = []
    problems: list[Problem] = []
    if not any(raw.strip() for _, raw in messages):
        problems.append(Problem(name, "no e-mail message found", severity="error"))
        return parts, problems
    personal = _personal(messages)
    if personal:
        problems.append(Problem(
            name, f"{len(personal)} of its {len(messages)} messages left out as personal mail: "
            f"sent to no list (no List-Unsubscribe, List-Id or List-Post header) where the "
            f"others were (message {', '.join(map(str, sorted(personal)))})", severity="info"))
    for number, (line, raw) in enumerate(messages, start=1):
        if number in personal:
            continue
        try:
            part = _read_message(raw, _Where(name, number, line), problems)
        except Exception as exc:  # one bad message must not stop the others
            problems.append(
                Problem(name, f"message {number} unreadable: {exc}", line, severity="error")
            )
            continue
        if part is not None:
            parts.append(part)
    return parts, problems


def _personal(messages: list[tuple[int, bytes]]) -> set[int]:
    """The numbers of an export's messages sent to no list, when some of its others were: a
    mail program's export (Gmail's Takeout, a Thunderbird folder) holds the reader's own mail
    and receipts beside their newsletters, and those are never published. A forward of a
    newsletter is kept; an export with no list mail at all is kept whole."""
    if len(messages) < 2:
        return set()
    listed = {}
    for number, (_, raw) in enumerate(messages, start=1):
        try:
            head = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
            listed[number] = is_list_mail(head) or is_forward(str(head.get("Subject") or "")) \
                or _attaches_newsletter(raw)
        except Exception:  # noqa: BLE001 (its reading says what is wrong with it)
            listed[number] = True
    return {n for n, ok in listed.items() if not ok} if any(listed.values()) else set()


def _attaches_newsletter(raw: bytes) -> bool:
    """A note over an attached newsletter: a forward, kept as the newsletter's."""
    if b"message/rfc822" not in raw.lower():
        return False
    message = cast(EmailMessage, BytesParser(policy=policy.default).parsebytes(raw))
    return _forwarded_attachment(message) is not None


def split_mbox(data: bytes) -> list[tuple[int, bytes]]:
    """Messages of an mbox with the file line of their first header, `>From ` unescaped. A
    line opening with "From " starts a message only with a header line under it: a mail
    program that does not escape the body's own ("From the committee: …", "From 18:30 until
    21:00…") would cut its message there."""
    lines = data.split(b"\n")
    starts: list[int] = []
    previous_blank = True
    for index, line in enumerate(lines):
        if line.startswith(b"From ") and (previous_blank or _SEPARATOR_TIME.search(line)) and (
                index == 0 or index + 1 < len(lines) and _HEADER_LINE.match(lines[index + 1])):
            starts.append(index + 1)
        previous_blank = not line.strip()
    ends = [start - 1 for start in starts[1:]] + [len(lines)]
    return [
        (start + 1, _ESCAPED_FROM.sub(rb"\1", b"\n".join(lines[start:end])))
        for start, end in zip(starts, ends)
    ]


class _Where:
    def __init__(self, name: str, number: int, line: int) -> None:
        self.name, self.number, self.line = name, number, line

    def problem(self, message: str, severity: str = "warning") -> Problem:
        return Problem(self.name, f"message {self.number}: {message}", self.line, severity)


def _read_message(raw: bytes, where: _Where, problems: list[Problem]) -> Part | None:
    message = cast(EmailMessage, BytesParser(policy=policy.default).parsebytes(raw))
    date = _date(message, where, problems)
    listed = digest_text(message, lambda p: _body_text(p, where, problems), _html_words)
    if listed is not None:
        return _with_headers(read_text(listed), message, date, where, problems)
    attached = _forwarded_attachment(message)
    if attached is not None:  # forwarded as an attachment: the newsletter is that message
        return _read_message(attached, where, problems)
    _tnef(message, where, problems)
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        problems.append(
            Problem(where.name, f"message {where.number} has no text or HTML body", where.line)
        )
        return None
    try:
        text = _body_text(body, where, problems)
    except NotText:
        problems.append(where.problem("body is binary, not text", "error"))
        return None
    part = _read_body(body, normalize_newlines(text))
    more = _later_html(message, body) if body.get_content_type() == "text/html" else []
    if more:  # the rest of the issue (Apple Mail: its text after an attachment)
        part = _joined(part, text, more, where, problems)
    if body.get_content_type() == "text/html":
        body, part = _richer_plain(message, body, part, where)
    shift = None if more and body.get_content_type() == "text/html" else _body_line(raw, body)
    if shift is not None:
        for block in part.blocks:
            block.line += where.line + shift - 2
            block.end_line += where.line + shift - 2
    return _with_headers(part, message, date, where, problems)


def _tnef(message: Message, where: _Where, problems: list[Problem]) -> None:
    """Says so when Outlook sent the body in a winmail.dat (TNEF: rich text in Microsoft's
    own container, which no reader here opens): only the text beside it is read."""
    for part in message.walk():
        if part.get_content_type() in _TNEF_TYPES:
            name = part.get_filename() or "winmail.dat"
            problems.append(where.problem(
                f"its body sits in {name} (Outlook's TNEF), which the build cannot read; "
                f"only the text beside it is read", "info"))
            return


def _later_html(message: EmailMessage, body: Message) -> list[Message]:
    """The inline HTML parts after the body in the part that holds it (not an alternative):
    a mail program that puts an attachment inside the text sends the text after it as a
    second HTML part, which is the issue's too."""
    for container in message.walk():
        children = container.get_payload() if container.is_multipart() else []
        if not any(child is body for child in children):
            continue
        if container.get_content_subtype() == "alternative":
            return []
        after = children[[child is body for child in children].index(True) + 1:]
        return [child for child in after if child.get_content_type() == "text/html"
                and not child.is_attachment()]
    return []


def _joined(part: Part, text: str, more: list[Message], where: _Where,
            problems: list[Problem]) -> Part:
    """The body's blocks followed by those of the later HTML parts, each part's lines counted
    on from the last's."""
    offset = normalize_newlines(text).count("\n") + 1
    for other in more:
        try:
            html = normalize_newlines(_body_text(other, where, problems))
        except NotText:
            continue
        for block in read_html(html).blocks:
            block.line += offset
            block.end_line += offset
            part.blocks.append(block)
        offset += html.count("\n") + 1
    return part


def _forwarded_attachment(message: EmailMessage) -> bytes | None:
    """The one message attached to a forward, as bytes: one "Fwd:" in its subject, or a
    short note (a greeting, a name, a number: never published) over a newsletter, whatever
    its subject says ("[Fwd: …]", nothing at all)."""
    attached = [part for part in message.walk() if part.get_content_type() == "message/rfc822"]
    if len(attached) != 1:
        return None
    inner = attached[0].get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else inner
    if not isinstance(inner, Message):
        return None
    if not is_forward(_subject(message) or "") and not (
            _is_newsletter(inner) and _note_words(message) <= NOTE_WORDS):
        return None
    return inner.as_bytes(policy=policy.default)


def _is_newsletter(message: Message) -> bool:
    """Sent to a list, or written in HTML: what a newsletter is and a personal note seldom."""
    if is_list_mail(message):
        return True
    return any(part.get_content_type() == "text/html" and not part.is_attachment()
               for part in message.walk())


def _note_words(message: EmailMessage) -> int:
    """The words of a message's own body (not of a message attached to it)."""
    body = message.get_body(preferencelist=("plain", "html"))
    payload = body.get_payload(decode=True) if body is not None else None
    if not isinstance(payload, bytes):
        return 0
    try:
        text, _ = decode(payload, body.get_content_charset())  # type: ignore[union-attr]
    except NotText:
        return 0
    return count_words(_html_words(text) if body.get_content_type() == "text/html" else text)


def _with_headers(part: Part, message: EmailMessage, date: dt.date | None, where: _Where,
                  problems: list[Problem]) -> Part:
    """The part with what the message's headers say: its title, date, sender, origins."""
    sender = _readable(_sender(message), "From", where, problems)
    subject = _readable(_subject(message), "Subject", where, problems)
    subject = without_prefix(subject) if subject else subject  # "[EXTERNAL] Fwd: …"
    forward = _forward(part)
    listed = _titled_list(message, sender, subject)
    tagged = _list_tag(message, subject)
    if tagged is not None:  # "[Harbour Chess] Club news…": the list's name
        subject = tagged[1]
        if not listed and not _names_list(sender, tagged[0]):  # a person sends it
            listed = _tag_name(message, tagged[0])
    if forward is not None:  # a reader forwarded it: the newsletter's own header names it
        sender, subject = forward.sender or sender, forward.subject or subject
        date = forward.date or date
        listed = None
    publication = listed or sender
    unsubscribe = _unsubscribe(message)
    _without_reader_tokens(part, reader_tokens(unsubscribe))
    _without_reader_address(part, _reader_addresses(message))
    if forward is None:  # (a forward's To line names whoever it was first sent to)
        _unnamed_greeting(part, _recipient_names(message))
    part.meta = Meta(
        title=subject or part.meta.title,
        date=date or part.meta.date,
        date_source="header" if date else part.meta.date_source,
        publication=publication or part.meta.publication,
        publisher=part.meta.publisher,
        author=sender or part.meta.author,
        origins=_origins(message) + part.meta.origins,
        unsubscribe=unsubscribe,
        address=part.meta.address,
        language=_readable(_raw_header(message, "content-language"), "Content-Language",
                           where, problems) or part.meta.language,
        list_name=_list_phrase(message) or _list_label(message) or None,
        project=_project(message, _subject(message)) if forward is None else None,
    )
    return part


GREETING_BLOCKS, GREETING_WORDS = 8, 6  # where a letter greets its reader, and how briefly


def _recipient_names(message: Message) -> list[str]:
    """The reader's name as the To header gives it, whole and first name alone."""
    try:
        header = message.get("to")
        names = [a.display_name for a in getattr(header, "addresses", ()) if a.display_name]
    except Exception:  # noqa: BLE001 (a header the library cannot parse names no one)
        return []
    found = [n.strip() for n in names if n.strip() and "@" not in n]
    return sorted({*found, *(n.split()[0] for n in found)}, key=len, reverse=True)


def _unnamed_greeting(part: Part, names: list[str]) -> None:
    """The reader's name out of the greeting a platform filled it into ("Hallo Mira," reads
    "Hallo,"): the site is published, and its reader is not."""
    if not names:
        return
    pattern = re.compile(r"(?<=\S)\s+(?:" + "|".join(map(re.escape, names)) +
                         r")(?=\s*(?:[,!.:;]|$))")
    for block in part.blocks[:GREETING_BLOCKS]:
        if count_words(block.text) <= GREETING_WORDS and pattern.search(block.text):
            block.text = pattern.sub("", block.text, count=1)


def _html_words(html: str) -> str:
    """An HTML body's text, a paragraph to a line."""
    return "\n\n".join(block.text for block in read_html(html).blocks)


def _read_body(body: Message, text: str) -> Part:
    if body.get_content_type() == "text/html":
        return read_html(text)
    if looks_like_org(text[:4096]):  # an Org document sent as it is (Emacs's mail programs)
        from .org import read_org

        return read_org(text)
    return read_text(unquoted(text), flowed=str(body.get_param("format", "")).lower() == "flowed",
                     delsp=str(body.get_param("delsp", "")).lower() == "yes")


def _words(part: Part) -> int:
    """The words a body says itself: not its furniture, nor its pictures' alternative text."""
    return sum(count_words(b.text) for b in part.blocks if b.kind not in ("chrome", "caption"))


def _richer_plain(message: EmailMessage, html: Message, part: Part,
                  where: _Where) -> tuple[Message, Part]:
    """The plain-text body instead of the HTML one when the HTML says next to nothing that
    the text says at length (a mail drawn in pictures, its words in the text part only)."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is None or plain is html or _words(part) >= PICTURE_MAIL_WORDS:
        return html, part
    try:
        text = _body_text(plain, where, [])
    except NotText:
        return html, part
    other = _read_body(plain, normalize_newlines(text))
    return (plain, other) if _words(other) >= RICHER_TEXT * max(_words(part), 1) else (html, part)


def _forward(part: Part) -> Forward | None:
    """The forwarded message's header block at the top of the body, its blocks and the
    forwarder's note above them marked as chrome; None when the message was not forwarded."""
    head = part.blocks[:SEARCH_LINES]
    lines: list[tuple[int, str]] = [(n, line) for n, block in enumerate(head)
                                    for line in field_lines(block.text)]
    found = forwarded([line for _, line in lines])
    if found is None:
        return None
    taken = {lines[k][0] for k in found.lines}
    for n in taken:  # a block holding header lines and more is not furniture
        if all(k in found.lines for k, (m, _) in enumerate(lines) if m == n):
            part.blocks[n].kind = "chrome"
    for block in part.blocks[:min(taken)]:  # the reader's own note above what they forward
        block.kind = "chrome"
    return found


def _readable(value: str | None, name: str, where: _Where,
              problems: list[Problem]) -> str | None:
    """A decoded header with bytes of an unknown charset (kept as surrogates) read as any
    file is, said once."""
    value = _utf8(value) if value is not None else None
    if value is None or not _UNDECODED.search(value):
        return value
    problems.append(where.problem(f"{name} header in an unknown charset; read as best it could"))
    return _as_read(value) or None


def _as_read(value: str) -> str:
    """A header's bytes of an unknown charset read as any file is (a From and a List-Id of
    one message in the same UTF-8, undeclared, read alike)."""
    if not _UNDECODED.search(value):
        return value
    text, _ = decode(value.encode("utf-8", "surrogateescape").replace("\ufffd".encode(), b"?"))
    return collapse(text)


def _utf8(value: str) -> str:
    """A header's raw 8-bit bytes (kept as surrogates) read as UTF-8 when they are UTF-8, as
    RFC 6532 lets a header be written; other bytes are left for `_readable` to guess."""
    if not _SURROGATES.search(value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return value


def _raw_header(message: Message, name: str) -> str | None:
    for key, value in message.raw_items():
        if key.lower() == name:
            return _utf8(str(value))
    return None


def _headers(message: Message, *names: str) -> list[str]:
    wanted = {n.lower() for n in names}
    return [str(value) for key, value in message.raw_items() if key.lower() in wanted]


def _origins(message: Message) -> list[str]:
    """The domains and mailer names a message gives for itself: a platform is found by them."""
    found = [collapse(v) for v in _headers(message, "x-mailer", "x-generator", "feedback-id")]
    for value in _headers(message, "list-id", "list-unsubscribe", "message-id", "return-path",
                          "from", "sender", "list-post", "x-campaign", "x-report-abuse-to"):
        found += [d.lower().rstrip(".") for d in _DOMAIN.findall(value)]
    return list(dict.fromkeys(f for f in found if f))


def _without_reader_tokens(part: Part, tokens: frozenset[str]) -> None:
    """No link keeps the token the unsubscribe address names the reader by ("…?email_token=
    AB7QXZ2ME5KQ" on every pull request of a digest): the site would publish it."""
    if not tokens:
        return
    for block in part.blocks:
        for n, link in enumerate(block.links):
            url = without_tokens(link.url, tokens)
            if url != link.url:
                block.text = block.text.replace(link.url, url)
                block.links[n] = Link(url if link.text == link.url else link.text, url)


READER_ADDRESS_WORDS = 60  # a paragraph naming the reader's address this briefly: a footer's
_ADDRESS_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to")
_SENDER_HEADERS = ("from", "sender", "reply-to", "list-post")
_MAIL_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _reader_addresses(message: Message) -> set[str]:
    """The reader's own e-mail addresses, as the envelope headers give them: not the
    sender's nor the list's (a list's posts go "To" the list itself)."""
    def addresses(names: tuple[str, ...]) -> set[str]:
        return {a.lower() for value in _headers(message, *names)
                for a in _MAIL_ADDRESS.findall(value)}

    listed = " ".join(_headers(message, "list-id")).lower()
    return {a for a in addresses(_ADDRESS_HEADERS) - addresses(_SENDER_HEADERS)
            if a.replace("@", ".") not in listed}


def _without_reader_address(part: Part, addresses: set[str]) -> None:
    """The reader's own address never reaches the site: a short paragraph naming it ("This
    email was sent to mira@…", "Cet e-mail a été envoyé à …") is about their subscription,
    chrome; a longer one loses the address, and no link leads to it."""
    if not addresses:
        return
    pattern = re.compile("|".join(map(re.escape, sorted(addresses, key=len, reverse=True))),
                         re.IGNORECASE)
    for block in part.blocks:
        if not pattern.search(block.text) and \
                not any(pattern.search(link.url) for link in block.links):
            continue
        if count_words(block.text) <= READER_ADDRESS_WORDS:
            block.kind = "chrome"
        text = pattern.sub("", block.text)
        block.text = text if block.kind == "code" else collapse(text)
        block.links = [link for link in block.links if not pattern.search(link.url)]


def _unsubscribe(message: Message) -> list[str]:
    """The web addresses of the List-Unsubscribe header (a body link to one is chrome)."""
    return [url for value in _headers(message, "list-unsubscribe")
            for url in _WEB_LINK.findall(collapse(value))]


def _subject(message: Message) -> str | None:
    try:
        subject = str(message.get("subject") or "")
    except Exception:  # a header the library cannot parse
        subject = _raw_header(message, "subject") or ""
    raw = _raw_header(message, "subject")
    if _unread_words(subject, raw):
        subject = _read_words(raw or "")
    return collapse(subject) or None


def _unread_words(value: str, raw: str | None) -> bool:
    """The library left an encoded word of the header unread, or could not read all its
    bytes: ISO-2022-JP holding "①" or "㈱" (an error to Python's codec, which leaves the word
    as it is), Big5 holding "€"; or it put a space between two encoded words where the
    header folds, which RFC 2047 joins ("தொ" and "டர்பு" are "தொடர்பு"); or read an
    ISO-8859-1 word's windows-1252 bytes as C1 controls ("=96" is "–", as in a body)."""
    return bool(raw and _ENCODED_WORD.search(raw) and
                (_ENCODED_WORD.search(value) or _UNDECODED.search(value) or
                 _C1.search(value) or _ADJACENT_WORDS.search(raw)))


def _read_words(raw: str) -> str:
    """A header's encoded words read as the body is read (`decode_as`)."""
    try:
        parts = decode_header(" ".join(raw.split()))
    except (ValueError, IndexError):  # a word the library cannot split
        return raw
    read = []
    for chunk, charset in parts:
        if isinstance(chunk, str) or charset is None:
            read.append(chunk if isinstance(chunk, str) else chunk.decode("raw-unicode-escape"))
            continue
        try:
            read.append(decode_as(chunk, charset.partition("*")[0], errors="replace"))
        except LookupError:
            read.append(chunk.decode("ascii", errors="replace"))
    return "".join(read)


def _sender(message: Message) -> str | None:
    """Who the message names as its sender; a notification address's sender name is whoever
    acted (GitHub's "Anwen Li <notifications@github.com>"), so its list's name, when its
    `List-Id` gives one, names it instead."""
    try:
        header = message.get("from")
        addresses = getattr(header, "addresses", ())
        name = addresses[0].display_name if addresses else ""
        address = addresses[0].addr_spec if addresses else ""
    except Exception:  # a header the library cannot parse
        name, address = parseaddr(_raw_header(message, "from") or "")
    raw = _raw_header(message, "from")
    if _unread_words(name, raw):
        name = parseaddr(_read_words(raw or ""))[0] or name
    listed = _list_phrase(message)
    if listed and _NOTIFIER.match(address or ""):
        return listed
    return collapse(name) or _list_name(message)


def _titled_list(message: Message, sender: str | None, subject: str | None) -> str | None:
    """The name of the list a person sends ("Teo Brannigan" sending "List-Id: Side B <…>"),
    when the subject opens with it too ("Side B #112: five albums"): the list is the
    newsletter, the sender its author."""
    listed = _list_phrase(message)
    if not listed or not subject or listed == sender or not _LIST_TITLE.fullmatch(listed):
        return None
    opening = _REPLY.sub("", subject).lstrip("[ ")  # a member's "Re: [Side B] …" too
    return listed if opening.casefold().startswith(listed.casefold()) else None


def _list_tag(message: Message, subject: str | None) -> tuple[str, str] | None:
    """The name a mailing list writes in brackets before its messages' subjects ("[Harbour
    Chess] Club news"; fml's "[harbour-chess:00412]", with its count), when its List-Id names
    the list so too (its label, or the opening words of its phrase: "Harbour Chess Club
    announcements <announce.harbourchess.example>"; never a category inside it, "[SECURITY]"
    on "Larchmont security announcements"), and the subject without it."""
    found = SUBJECT_TAG.match(subject or "")
    raw = _raw_header(message, "list-id") or ""
    tag = _COUNTED.sub("", found[2].strip()) if found else ""
    if found is None or not raw or not _LIST_TITLE.fullmatch(tag.replace("-", " ")):
        return None
    key = re.sub(r"[\W_]+", " ", tag.casefold()).split()
    phrase = re.sub(r"[\W_]+", " ", _list_phrase(message).casefold()).split()
    if _list_label(message).casefold() != "-".join(key) and phrase[:len(key)] != key:
        return None
    return tag, (found[1] + subject[found.end():]).strip() or subject  # type: ignore[index]


def _tag_name(message: Message, tag: str) -> str:
    """The list a subject's tag names: the tag in words ("Harbour Chess"; "[lisp-letter]":
    "Lisp Letter"), or the List-Id's name when it holds those words ("[hedgerow-weekly]" on
    "Hedgerow Emacs Weekly <…>"; not a description, "Weekly news about Lisp")."""
    if " " in tag or not re.search(r"[-_]", tag):
        return tag
    words = [w for w in re.split(r"[-_]+", tag) if w]
    phrase = _list_phrase(message)
    if {w.casefold() for w in words} <= set(re.sub(r"[\W_]+", " ", phrase.casefold()).split()):
        return phrase
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)


def _names_list(sender: str | None, tag: str) -> bool:
    """The sender's name is the list's own ("SoilNet Announcements" sending "[SoilNet] …")."""
    if sender and "@" in sender:  # an address given as the name ("main@QuiltGuild.groups.io")
        return False
    words = set(re.sub(r"[\W_]+", " ", (sender or "").casefold()).split())
    return not sender or set(re.sub(r"[\W_]+", " ", tag.casefold()).split()) <= words


# fml's count after a list's tag ("[hoshi-announce:00412]"): the message's number on the list.
_COUNTED = re.compile(r":\d+$")


# A list's name as a title: words, no figures (never "3f8c2a…mc list" or "owner/repo").
_LIST_TITLE = re.compile(r"[^\W\d_][^\W\d_’'&.-]*(?: [^\W\d_&][^\W\d_’'&.-]*| &){0,7}")


# A sender address that only relays notifications: its display name is no newsletter's.
_NOTIFIER = re.compile(r"^(?:notifications?|notify)@", re.IGNORECASE)


def _list_phrase(message: Message) -> str:
    """The name a List-Id gives before its brackets ("Riverside allotment holders
    <allotments.lists.example.org>"), or ""."""
    raw = _raw_header(message, "list-id") or ""
    return _as_read(collapse(raw.partition("<")[0]).strip(' "')) if "<" in raw else ""


def _list_label(message: Message) -> str:
    """The label a List-Id gives its list ("<eastfield-allotments.googlegroups.com>", or
    written without its brackets as fml does): "eastfield-allotments", or ""."""
    raw = collapse(_raw_header(message, "list-id") or "")
    found = _LIST_LABEL.search(raw if "<" in raw else f"<{raw}>")
    return found[1] if found else ""


def _list_name(message: Message) -> str | None:
    """A mailing list's name, from its List-Id's phrase, else its label
    ("<eastfield-allotments.…>": Eastfield Allotments): what names a message sent with no
    sender's name."""
    name = _list_phrase(message)
    if not name:  # no phrase: the list's own label ("<eastfield-allotments.googlegroups.com>")
        name = _list_label(message).replace("-", " ").replace("_", " ").title()
    return name or None


def _project(message: Message, subject: str | None) -> str | None:
    """The project a mailing-list post's subject opens with, when the sender's address and
    the list's own (its tag, List-Id, List-Post or the address it went to) both name it:
    "[ANN] Quillmark 1.9.0" from tomas@quillmark.example to quillmark-users@lists.… gives
    "Quillmark"; "Apache Kafka 3.7.0" to users@kafka.apache.org, "Apache Kafka"."""
    tag = SUBJECT_TAG.match(subject or "")
    if not (tag or is_list_mail(message)):
        return None  # no list post: a person's own mail
    sender = _name_parts(_sender_domain(message))
    listed = _name_parts(" ".join([tag[2] if tag else "", _list_label(message),
                                   *_headers(message, "list-post", "to", "cc")]))
    words = (subject[tag.end():] if tag else subject or "").split()
    run: list[str] = []
    for word in words:
        bare = word.strip(":,;")
        if not (bare[:1].isupper() and bare.casefold() in sender | listed):
            break
        run.append(bare)
    named = {w.casefold() for w in run}
    return " ".join(run) if named & sender and named & listed else None


def _sender_domain(message: Message) -> str:
    """The From address's domain without its last label ("quillmark" of …@quillmark.example)."""
    address = parseaddr(_raw_header(message, "from") or "")[1]
    return address.partition("@")[2].rpartition(".")[0]


def _name_parts(text: str) -> set[str]:
    """The words addresses and list labels join with marks: "quillmark-users@lists.quillmark
    .example" holds "quillmark", "users", "lists", "example"."""
    return {w for w in re.split(r"[\W_]+", text.casefold()) if len(w) >= 3 and w.isalpha()}


def _date(message: Message, where: _Where, problems: list[Problem]) -> dt.date | None:
    """The Date header's day (an RFC 5322 date, or ISO 8601 as some exports write it); with
    none, the day the message was received, from its newest Received header."""
    raw = _raw_header(message, "date")
    if raw is None or not raw.strip():
        received = _received_date(message)
        if received is not None:
            problems.append(where.problem("no Date header; dated by when it was received",
                                          "info"))
            return received
        problems.append(where.problem("missing Date header; date left empty"))
        return None
    found = _parsed_date(collapse(raw))
    if found is None:
        problems.append(where.problem(f"malformed Date header {collapse(raw)!r}; date left empty"))
    return found


def _parsed_date(value: str) -> dt.date | None:
    try:
        return parsedate_to_datetime(value).date()
    except (ValueError, TypeError, IndexError, OverflowError):
        pass
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _received_date(message: Message) -> dt.date | None:
    """The date after the last ";" of the first (newest) Received header that has one."""
    for value in message.get_all("Received", []) or []:
        _, semicolon, when = str(value).rpartition(";")
        found = _parsed_date(collapse(when)) if semicolon else None
        if found is not None:
            return found
    return None


def _body_text(body: Message, where: _Where, problems: list[Problem]) -> str:
    """The body decoded with its declared charset, else as `decode` reads any file."""
    payload = body.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = body.get_content_charset()
    if charset and _mislabelled_utf8(data, charset):
        problems.append(where.problem(f"body declared {charset} is UTF-8; read as UTF-8",
                                      "info"))
        return data.decode("utf-8")
    if charset:
        try:
            return decode_as(data, charset)
        except LookupError:
            text, warning = decode(data)
            problems.append(where.problem(f"body in an unknown charset {charset!r}; "
                                          f"{warning or 'read as UTF-8'}"))
            return text
        except UnicodeDecodeError:
            pass
    text, warning = decode(data, charset)
    if charset and warning and warning.startswith(f"not valid {charset}"):
        problems.append(where.problem(f"body is {warning}"))
    elif charset:
        problems.append(where.problem(f"body is not valid {charset}; {warning or 'read as UTF-8'}"))
    elif warning:
        problems.append(where.problem(f"body {warning}"))
    return text


def _mislabelled_utf8(data: bytes, charset: str) -> bool:
    """UTF-8 sent under a one-byte charset's name (ISO-8859-1, US-ASCII): its characters
    past ASCII are valid UTF-8 sequences, which a one-byte charset's text never is
    throughout, and read in that charset they would be "nÃºmero"."""
    if data.isascii() or not _one_byte(charset):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@cache
def _one_byte(charset: str) -> bool:
    """Whether a charset reads each byte as a character (ISO-8859-x, windows-125x, ASCII):
    "é" and "—" in UTF-8, five bytes, are five characters to it."""
    try:
        return len(_UTF8_SAMPLE.decode(codec(charset), "replace")) == len(_UTF8_SAMPLE)
    except LookupError:
        return False


def _body_line(raw: bytes, body: Message) -> int | None:
    """The line of the raw message where a body stored as is begins (None when encoded)."""
    if str(body.get("content-transfer-encoding", "")).strip().lower() in _ENCODED:
        return None
    payload = body.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return None
    headers_end = _HEADERS_END.search(raw)
    position = raw.find(payload[:200], headers_end.end() if headers_end else 0)
    return raw.count(b"\n", 0, position) + 1 if position >= 0 else None
