"""What a reader reads on the pages, as text: a label is set off from its sentence, and an
item's outlet from its authors."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from conftest import run_digest

ISSUE = """\
---
title: Harbour Notes 4
date: 2026-03-04
---

## Ferries

What happened: The morning ferry now leaves ten minutes earlier, to meet the first train.

Why it matters: Commuters from the island gain a quarter of an hour at the other end.

## Reading

- [Tides explained](https://example.org/tides) — Kim Lee and Ana Ruiz @ Green Weekly
- [Rope and knots](https://example.org/knots) — Jo Park @ Sea Crafts
"""


def text(page: Path) -> str:
    return " ".join(lxml.html.parse(str(page)).getroot().find(".//main").text_content().split())


def test_labels_and_outlets_are_set_off_in_the_text(tmp_path):
    (tmp_path / "seeds" / "harbour").mkdir(parents=True)
    (tmp_path / "seeds" / "harbour" / "4.md").write_text(ISSUE, encoding="utf-8")
    run_digest("build", "-q", cwd=tmp_path)
    (week,) = (tmp_path / "output" / "weeks").glob("*.html")
    (issue,) = (tmp_path / "output" / "issues").glob("*.html")
    assert "What happened: The morning ferry" in text(week)
    assert "Kim Lee and Ana Ruiz · Green Weekly" in text(issue)
