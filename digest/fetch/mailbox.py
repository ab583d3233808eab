"""Mail exports: an mbox file or a Maildir folder, read (never changed) with the stdlib."""

from __future__ import annotations

import mailbox
from pathlib import Path
from typing import Any

from digest.config import SourceConfig

from .common import Log, SourceResult
from .http import FetchError
from .messages import UNREADABLE, headers, passed_over_because, save_message, wanted
from .store import Store


def fetch_mailbox(source: SourceConfig, state: dict[str, Any], store: Store, log: Log,
                  root: Path) -> SourceResult:
    result = SourceResult(source.name)
    path = Path(source.mbox or source.maildir).expanduser()
    path = path if path.is_absolute() else root / path
    try:
        if source.mbox:
            if not path.is_file():
                raise FetchError(f"{path}: no such mbox file")
            box: mailbox.Mailbox = mailbox.mbox(path, create=False)
        else:
            if not (path / "cur").is_dir() or not (path / "new").is_dir():
                raise FetchError(f"{path}: not a Maildir (no cur/ and new/ folders)")
            box = mailbox.Maildir(path, factory=None, create=False)
        for key in box.iterkeys():
            data = box.get_bytes(key)
            if len(data) > source.max_bytes:
                result.warnings.append(f"message {key}: skipped, larger than "
                                       f"{source.max_bytes:,} bytes")
                continue
            try:
                keep = wanted(headers(data), source.senders)
            except UNREADABLE as exc:
                result.warnings.append(f"message {key}: skipped, cannot be read "
                                       f"({exc.__class__.__name__})")
                continue
            if keep:
                save_message(data, source.name, f"message {key}", store, result)
            else:
                result.passed_over += 1
    except OSError as exc:
        raise FetchError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    state.update(path=str(source.mbox or source.maildir))
    result.passed_over_because = passed_over_because(source.senders)
    return result
