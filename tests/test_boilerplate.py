"""A paragraph a newsletter repeats in issue after issue is boilerplate: dropped (and counted)
before summarizing, in a built site and in `digest inspect` over several files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_digest

WELCOME = ("Hello and welcome to another issue of the Pond Letter, where we gather what "
           "happened around the pond this week.")
TWICE = "Our spring meeting moved to the boathouse, since the hall is being painted."
TOPICS = [
    ("Herons", "A heron stood in the reeds for an hour before catching a carp. "
               "Nobody had seen one fish there since the winter floods."),
    ("Frogs", "The frogs started singing on Tuesday night. Their chorus lasted until dawn "
              "and woke half the street."),
    ("Lilies", "Water lilies opened on the east bank. The gardeners counted forty flowers by "
               "Sunday afternoon."),
    ("Dragonflies", "The first dragonflies hatched from the shallows. One landed on a "
                    "child's hat during the picnic."),
]


def issue(n: int, topic: tuple[str, str], extra: str = "") -> str:
    heading, text = topic
    return (f"---\ntitle: Pond Letter {n}\ndate: 2026-05-{n:02d}\n---\n\n{WELCOME}\n\n"
            f"## {heading}\n\n{text}\n\n{extra}")


def write_issues(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for n, topic in enumerate(TOPICS, 1):
        path = folder / f"issue-{n}.md"
        path.write_text(issue(n, topic, TWICE if n <= 2 else ""), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_paragraph_in_every_issue_is_dropped_as_boilerplate_and_counted(tmp_path):
    write_issues(tmp_path / "seeds" / "pond-letter")
    done = run_digest("build", "-v", cwd=tmp_path)
    assert "dropped: boilerplate 4" in done.stdout  # one an issue, with the dropped lines
    def pages(folder: str) -> str:
        return "\n".join(p.read_text(encoding="utf-8")
                         for p in (tmp_path / "output" / folder).glob("*.html"))

    weeks, issues = pages("weeks"), pages("issues")
    assert "welcome to another issue of the Pond Letter" not in weeks + issues
    assert "A heron stood in the reeds" in weeks and "Water lilies opened" in weeks
    assert "spring meeting moved to the boathouse" in issues  # in two issues only: kept


def test_inspect_over_several_files_lists_boilerplate_in_dropped_lines(tmp_path):
    paths = write_issues(tmp_path / "pond-letter")
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json",
                           *map(str, paths)], capture_output=True, text=True, check=True)
    for found in json.loads(done.stdout)["files"]:
        (only,) = found["issues"]
        boilerplate = [d["text"] for d in only["dropped"] if d["kind"] == "boilerplate"]
        assert boilerplate == [WELCOME]
        texts = [p["text"] for s in only["sections"] for p in s["paragraphs"]]
        assert WELCOME not in texts and [s["heading"] for s in only["sections"]] == \
            [t[0] for t in TOPICS if t[1] in texts]
    alone = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", str(paths[0])],
                           capture_output=True, text=True, check=True)
    (kept,) = json.loads(alone.stdout)["files"][0]["issues"]
    assert WELCOME in [p["text"] for s in kept["sections"] for p in s["paragraphs"]]


def test_a_weekly_sent_under_the_same_title_every_week_still_loses_its_boilerplate(tmp_path):
    """Four issues all titled "Weekly update", a week apart, are four issues, not one."""
    folder = tmp_path / "seeds" / "pond-letter"
    folder.mkdir(parents=True)
    for n, topic in enumerate(TOPICS, 1):
        text = issue(n, topic).replace(f"title: Pond Letter {n}", "title: Weekly update")
        text = text.replace(f"date: 2026-05-{n:02d}", f"date: 2026-05-{7 * n:02d}")
        (folder / f"issue-{n}.md").write_text(text, encoding="utf-8")
    done = run_digest("build", "-v", cwd=tmp_path)
    assert "dropped: boilerplate 4" in done.stdout
