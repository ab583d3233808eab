"""Newsletters with no profile are segmented by their headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digest.ingest import read_bytes, read_file
from digest.segment import load_profiles, segment_document

TWIR = sorted((Path(__file__).parent / "data" / "twir").glob("*.md"))


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def top_headings(text: str) -> list[str]:
    """The source's section headings, outside comments and fences: those at the shallowest
    level used more than once, and any lone shallower one."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6})\s+(.*?)\s*$", line)):
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(2)).replace("`", "")
            found.append((len(m.group(1)), plain.replace("*", "")))
    levels = [level for level, _ in found]
    top = min(level for level in levels if levels.count(level) > 1)
    return [text for level, text in found if level <= top]


@pytest.mark.parametrize("path", TWIR, ids=[p.name for p in TWIR])
def test_this_week_in_rust_issue_has_its_date_and_top_sections(path, profiles):
    doc = read_file(path)
    issues, problems = segment_document(doc, *profiles)
    assert [p for p in problems if p.severity == "error"] == []
    (issue,) = issues
    assert issue.date.isoformat() == path.name[:10]
    assert issue.publication == "This Week in Rust"
    assert issue.title.startswith("This Week in Rust")
    assert [s.heading for s in issue.sections if s.heading] == top_headings(path.read_text())
    assert issue.sections[0].kind == "lead"


def test_a_lone_shallower_heading_does_not_swallow_the_sections(profiles):
    """This Week in Rust since 2022 has one `# Quote of the Week` among its `##` sections."""
    path = next(p for p in TWIR if p.name.startswith("2026"))
    (issue,), _ = segment_document(read_file(path), *profiles)
    headings = [s.heading for s in issue.sections]
    assert headings[:4] == [None, "Updates from Rust Community", "Crate of the Week",
                            "Calls for Testing"]
    assert headings[-2:] == ["Jobs", "Quote of the Week"]
    community = issue.sections[1]
    assert [s.heading for s in community.subsections][:2] == ["Official", "Newsletters"]
    assert len(issue.sections[0].items) == 0 and len(community.items) > 10


def test_section_headings_after_a_lone_shallower_one_still_open_sections(profiles):
    text = ("# Harbour Notes\n\nA calm week on the water.\n\n# Special report\n\n"
            "The dredger arrives in May.\n\n## Ferries\n\nThe ferry runs late.\n\n"
            "### Timetable\n\nDepartures move by ten minutes.\n\n## Moorings\n\n"
            "Ten new moorings open.\n")
    (issue,), _ = segment_document(read_bytes("harbour.md", text.encode()), *profiles)
    assert [s.heading for s in issue.sections] == [None, "Special report", "Ferries", "Moorings"]
    assert [s.heading for s in issue.sections[2].subsections] == ["Timetable"]


def test_plain_text_newsletter_splits_on_title_like_lines(profiles):
    text = "\n\n".join([
        "The Weekly Widget",
        "Welcome back. This week was busy in the widget world, and we have a lot to cover.",
        "Top stories",
        "Acme shipped a new widget. It is blue and it is fast.",
        "Globex recalled its widget after reports of overheating in cold weather.",
        "What we're reading",
        "- A long essay on widget history (Widget Monthly)",
        "- A podcast about sprockets (Sprocket FM $)",
        "That's all for this week. Thanks for reading!",
    ])
    doc = read_bytes("widget.txt", text.encode())
    (issue,), problems = segment_document(doc, *profiles)
    assert issue.title == "The Weekly Widget"
    kinds = [(s.kind, s.heading) for s in issue.sections]
    assert kinds == [("lead", None), ("section", "Top stories"), ("section", "What we're reading")]
    reading = issue.sections[2]
    # With no profile to say where an item names its outlet, a parenthesis is only text
    # (This Week in Rust's "(Part 1)" or "(Remote)" are no outlets).
    assert [(i.text, i.outlet, i.paywalled) for i in reading.items] == [
        ("A long essay on widget history (Widget Monthly)", None, False),
        ("A podcast about sprockets (Sprocket FM $)", None, False)]
    assert reading.paragraphs == []  # the outro ("That's all for this week…") is furniture
    assert [d.text for d in issue.dropped] == ["That's all for this week. Thanks for reading!"]


def test_a_profile_says_where_items_name_their_outlet(tmp_path):
    (tmp_path / "widget.toml").write_text("""
name = "The Weekly Widget"
detect = ['^The Weekly Widget$']

[[sections]]
kind = "catch_up"
headings = ["What we're reading"]
layout = "roundup"

[roundup]
outlet = '\\s*\\(([^()]{1,80})\\)\\s*$'
paywall = '$'
""", encoding="utf-8")
    text = "\n\n".join([
        "The Weekly Widget", "Welcome back, with a lot to cover this week.",
        "What we're reading",
        "- A long essay on widget history (Widget Monthly)",
        "- A podcast about sprockets (Sprocket FM $)",
        "- A note on gears (see part 2)",
    ])
    doc = read_bytes("widget.txt", text.encode())
    (issue,), _ = segment_document(doc, *load_profiles([tmp_path]))
    assert issue.publication == "The Weekly Widget"
    (roundup,) = [s for s in issue.sections if s.kind == "catch_up"]
    assert [(i.text, i.outlet, i.paywalled) for i in roundup.items] == [
        ("A long essay on widget history", "Widget Monthly", False),
        ("A podcast about sprockets", "Sprocket FM", True),
        ("A note on gears (see part 2)", None, False)]


def test_an_outlet_pattern_needs_a_group_for_the_name(tmp_path):
    from digest.segment import ProfileError

    (tmp_path / "bad.toml").write_text('name = "Bad"\n[roundup]\noutlet = \'\\(.*\\)$\'\n',
                                       encoding="utf-8")
    with pytest.raises(ProfileError, match="roundup.outlet"):
        load_profiles([tmp_path])


def test_an_issue_with_no_headings_is_one_lead_section(profiles):
    doc = read_bytes("note.txt", b"Just one paragraph of thoughts, no headings at all.\n")
    (issue,), _ = segment_document(doc, *profiles)
    assert [s.kind for s in issue.sections] == ["lead"]
    assert issue.title == "note"
