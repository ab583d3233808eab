"""ARCHITECTURE.md stays true: every file it names exists."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_file_architecture_md_names_exists():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:digest|tests|templates|benchmarks)/[^`\s]*)`", text))
    assert len(named) >= 10
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []
