"""The seeds' summaries stay as they were when section roles replaced section names.

`tests/data/seed_summaries.json` was written from the code before that change; run this
file with `python tests/test_summary_snapshot.py --write` only when a summary is meant to
change, and say why in the commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "seed_summaries.json"


def _item(item: Any) -> dict[str, Any]:
    return {"line": item.line, "text": item.text, "outlet": item.outlet,
            "paywalled": item.paywalled, "number": item.number,
            "sub_items": [_item(sub) for sub in item.sub_items]}


def seed_summaries() -> list[dict[str, Any]]:
    """Every summary the default config makes of the seeds, as plain data."""
    from digest.ingest import read_file
    from digest.segment import load_profiles, segment_document
    from digest.summarize import SummaryConfig, summarize_issue

    generic, profiles = load_profiles()
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        issues, _ = segment_document(read_file(path), generic, profiles)
        for issue in issues:
            if issue.duplicate_of is not None:
                continue
            digest = summarize_issue(issue, SummaryConfig())
            found.append({
                "source": path.name, "title": issue.title,
                "words_in": digest.words_in, "words_out": digest.words_out,
                "outlets": [[o.name, o.items, o.paywalled] for o in digest.outlets],
                "sections": [{
                    "section": part.section, "kind": part.kind,
                    "sentences": [[x.text, x.paragraph, x.index, x.line] for x in part.sentences],
                    "items": [_item(i) for i in part.items],
                } for part in digest.sections],
            })
    return found


def test_the_seeds_summaries_match_the_snapshot():
    want = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    got = seed_summaries()
    assert [(d["source"], d["title"]) for d in got] == [(d["source"], d["title"]) for d in want]
    for mine, theirs in zip(got, want):
        assert mine == theirs, mine["title"]


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    SNAPSHOT.write_text(json.dumps(seed_summaries(), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
