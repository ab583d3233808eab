"""Helpers for the tests that write a newsletter and read it back: a message around an HTML
or text body, the one issue a file holds, and a one-newsletter site built from one file."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from digest.build import build
from digest.config import load_config
from digest.ingest import read_bytes
from digest.model import Issue
from digest.segment import segment_document


def mail(body: str, sender: str, subject: str, date: str | None = None,
         subtype: str = "html", **headers: str) -> bytes:
    """A message with the body and headers given (`List_Unsubscribe` for List-Unsubscribe)."""
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = subject
    if date:
        message["Date"] = date
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body, subtype=subtype)
    return bytes(message)


def build_one(tmp_path: Path, folder: str, name: str, text: str | bytes) -> Path:
    """The site built, search off, from `seeds/<folder>/<name>` holding `text`."""
    seeds = tmp_path / "seeds" / folder
    seeds.mkdir(parents=True)
    (seeds / name).write_bytes(text.encode() if isinstance(text, str) else text)
    (tmp_path / "digest.toml").write_text('[build]\ninput = "seeds"\noutput = "site"\n'
                                          '[site]\nsearch = false\n')
    build(load_config(tmp_path / "digest.toml"))
    return tmp_path / "site"


def issue_of(name: str, data: bytes, profiles: tuple) -> Issue:
    """The one issue of a file named `name` holding `data`."""
    (issue,), _ = segment_document(read_bytes(name, data), *profiles)
    return issue
