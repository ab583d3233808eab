"""A Markdown letter as blog-style newsletters write it: a picture alone on its line, footnotes
and the closing credit are not the issue's text. Fixture written here."""

from __future__ import annotations

import pytest

from digest.ingest import read_bytes
from digest.segment import load_profiles, segment_document

LETTER = """---
title: "Small Tools #41: Backups you can trust"
date: 2026-11-26
---

Hello! This issue is about backups that restore. Two of my five drills failed.[^1] The fixes
were small.

![A terminal showing a restore command](https://smalltools.example/img/restore.png)

## The drill

Pick one backup at random and restore it on a clean machine.[^drill] Time the whole thing.

[![Badge](https://smalltools.example/b.svg)](https://smalltools.example/ci) The badge links
to the build, and this sentence is the text.

---

*Small Tools is written by Priya Nair. Reply with your own drill stories.*

[^1]: One of them failed twice, for different reasons.
[^drill]: A drill is worth more than any dashboard.
"""


@pytest.mark.parametrize("parser", ["auto", "python"])
def test_pictures_footnotes_and_the_closing_credit_are_not_text(parser, monkeypatch):
    if parser == "python":
        monkeypatch.setattr("digest.ingest.markdown.markdown_rs.tokens", lambda *a: None)
    (issue,), _ = segment_document(read_bytes("41.md", LETTER.encode()), *load_profiles())
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert texts == [
        "Hello! This issue is about backups that restore. Two of my five drills failed. The "
        "fixes were small.",
        "Pick one backup at random and restore it on a clean machine. Time the whole thing.",
        "Badge The badge links to the build, and this sentence is the text."]
    dropped = [(d.kind, d.text) for d in issue.dropped]
    assert ("caption", "A terminal showing a restore command") in dropped
    assert ("credit", "Small Tools is written by Priya Nair. Reply with your own drill "
            "stories.") in dropped
    assert [k for k, t in dropped if t.startswith("[^1]:")] == ["note"]
