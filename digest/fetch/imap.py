"""IMAP folders with IMAPClient: read-only, only what arrived since the last fetch.

The folder is opened with EXAMINE (read-only), so flags stay as they were unless the source
says `mark_read = true`. Messages are fetched by UID above the last one saved; when the
folder's UIDVALIDITY changes, the whole folder is scanned again and the keys in the state file
keep what was already saved from being saved twice.
"""

from __future__ import annotations

import contextlib
import imaplib
import os
import ssl
from pathlib import Path
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from digest.config import SourceConfig

from .common import Log, SourceResult
from .http import FetchError, reason
from .messages import (
    UNREADABLE,
    headers,
    may_be_forward,
    passed_over_because,
    save_message,
    sender_matches,
    wanted,
)
from .store import Store

BATCH = 25


def fetch_imap(source: SourceConfig, state: dict[str, Any], store: Store, log: Log,
               root: Path) -> SourceResult:
    password = os.environ.get(source.password_env, "")
    port = source.port or (993 if source.tls else 143)
    ca_file = Path(source.ca_file).expanduser() if source.ca_file else None
    ca_file = root / ca_file if ca_file and not ca_file.is_absolute() else ca_file
    try:
        context = ssl.create_default_context(cafile=ca_file) if source.tls else None
    except (OSError, ssl.SSLError) as exc:
        raise FetchError(f"ca_file {ca_file}: cannot be read as PEM certificates "
                         f"({reason(exc, source.timeout)})") from exc
    try:
        client = IMAPClient(source.imap, port=port, ssl=source.tls, ssl_context=context,
                            timeout=source.timeout)
    except (OSError, IMAPClientError) as exc:
        raise FetchError(f"cannot connect to {source.imap}:{port}: "
                         f"{reason(exc, source.timeout)}") from exc
    try:
        return _fetch(client, source, password, state, store, log)
    except LoginError as exc:
        raise FetchError(f"login failed for {source.user}: {_server_text(exc)}") from exc
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise FetchError(f"connection lost: {reason(exc, source.timeout)}") from exc
    except (IMAPClientError, imaplib.IMAP4.error) as exc:
        raise FetchError(f"server said: {_server_text(exc)}") from exc
    finally:
        with contextlib.suppress(Exception):  # the server may be gone already
            client.logout()


def _fetch(client: IMAPClient, source: SourceConfig, password: str, state: dict[str, Any],
           store: Store, log: Log) -> SourceResult:
    result = SourceResult(source.name)
    client.login(source.user, password)
    info = client.select_folder(source.folder, readonly=not source.mark_read)
    validity = int(info.get(b"UIDVALIDITY", 0))
    last = int(state.get("last_uid", 0))
    if state.get("uidvalidity") not in (None, validity):
        result.warnings.append("the folder's UIDVALIDITY changed: scanning it all again")
        last = 0
    state.update(folder=source.folder, uidvalidity=validity, last_uid=last)
    uids = sorted(client.search("ALL"))
    todo = [u for u in uids if u > last]
    result.known = len(uids) - len(todo)
    if todo:
        log(f"{source.name}: {len(todo)} messages to look at")
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        sizes = client.fetch(batch, ["RFC822.SIZE", "BODY.PEEK[HEADER]"])
        keep, forwards = [], []
        for uid in batch:
            data = sizes.get(uid, {})
            if int(data.get(b"RFC822.SIZE", 0)) > source.max_bytes:
                result.warnings.append(f"message UID {uid}: skipped, larger than "
                                       f"{source.max_bytes:,} bytes")
                continue
            verdict = _verdict(data.get(b"BODY[HEADER]", b""), source.senders)
            if verdict is None:
                result.passed_over += 1
            else:
                (keep if verdict else forwards).append(uid)
        bodies = client.fetch(keep + forwards, ["BODY.PEEK[]"]) if keep or forwards else {}
        kept = []
        for uid in batch:
            raw = bodies.get(uid, {}).get(b"BODY[]")
            if uid in keep and raw is None:
                result.warnings.append(f"message UID {uid}: the server sent no body")
            elif raw is not None and (uid in keep or _forwarded_from(raw, source.senders)):
                kept.append(uid)
                save_message(raw, source.name, f"message UID {uid}", store, result)
            elif raw is not None:
                result.passed_over += 1
            state["last_uid"] = uid  # saved (or passed over) for good
        if source.mark_read and kept:
            client.add_flags(kept, [b"\\Seen"])
    result.passed_over_because = passed_over_because(source.senders)
    return result


def _verdict(header: bytes, senders: list[str]) -> bool | None:
    """True: a message to keep; False: a forward whose body may name a sender to keep (read
    it to know); None: passed over."""
    try:
        message = headers(header)
        return True if sender_matches(message, senders) else (
            False if senders and may_be_forward(message) else None)
    except UNREADABLE:
        return True  # read in full, and reported there if it still cannot be read


def _forwarded_from(raw: bytes, senders: list[str]) -> bool:
    try:
        return wanted(headers(raw), senders)
    except UNREADABLE:
        return False


def _server_text(error: Exception) -> str:
    text = str(error)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return text or error.__class__.__name__
