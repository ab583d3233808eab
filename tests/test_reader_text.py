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


TABLED = """\
---
title: Harbour Notes 5
date: 2026-03-11
---

## Tides

Spring tides this week: plan launches around the low water. The harbour office has the times.

| Day | Low water | Height |
| --- | --- | --- |
| Monday | 06:12 | 0.4 m |
| Tuesday | [06:58](https://example.org/tides/tue) | 0.3 m |
"""


def test_a_data_table_shows_as_a_table_on_the_issue_page(tmp_path):
    (tmp_path / "seeds" / "harbour").mkdir(parents=True)
    (tmp_path / "seeds" / "harbour" / "5.md").write_text(TABLED, encoding="utf-8")
    run_digest("build", "-q", cwd=tmp_path)
    (issue,) = (tmp_path / "output" / "issues").glob("*.html")
    (table,) = lxml.html.parse(str(issue)).getroot().findall(".//main//table")
    assert [[" ".join(td.text_content().split()) for td in tr.findall("td")]
            for tr in table.findall("tr")] == [["Day", "Low water", "Height"],
                                               ["Monday", "06:12", "0.4 m"],
                                               ["Tuesday", "06:58", "0.3 m"]]
    assert table.find(".//a").get("href") == "https://example.org/tides/tue"
    assert "|" not in text(issue)
