"""The seeds' gold annotations are the segmenter's specification, checked field by field
through the real command line (`digest inspect --json`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"
CHINA = "002_4589aac93914ba55.txt"
PROTOCOL = "000_d1860bc82f96c703.txt"


def inspect_json(*paths: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "digest", "inspect", "--json", *map(str, paths)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    out = inspect_json(SEEDS / CHINA, SEEDS / PROTOCOL)
    return {Path(f["path"]).name: f for f in out["files"]}


def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def dropped_lines(issue: dict, kind: str) -> list[int]:
    return sorted(d["line"] for d in issue["dropped"] if d["kind"] == kind)


# China Report ---------------------------------------------------------------------------

def china_pairs(seeds: dict) -> list[tuple[dict, dict]]:
    expected = gold("china_report.json")["issues"]
    got = seeds[CHINA]["issues"]
    assert len(got) == len(expected)
    return list(zip(got, expected))


def test_china_report_is_read_as_text_with_ten_issues(seeds):
    china = seeds[CHINA]
    assert china["format"] == "text"
    assert [i["publication"] for i in china["issues"]] == ["China Report"] * 10


def test_china_issue_spans_titles_and_duplicate(seeds):
    for got, want in china_pairs(seeds):
        assert got["title"] == want["title"]
        assert (got["first_line"], got["last_line"]) == (want["first_line"], want["last_line"])
        assert got["duplicate_of"] == want["duplicate_of"]


def test_china_sections_kind_heading_and_span(seeds):
    for got, want in china_pairs(seeds):
        sections = [(s["kind"], s["heading"], s["first_line"], s["last_line"])
                    for s in got["sections"]]
        assert sections == [(s["kind"], s["heading"], s["first_line"], s["last_line"])
                            for s in want["sections"]], want["title"]


def test_china_catch_up_items_and_sub_items(seeds):
    for got, want in china_pairs(seeds):
        (catch_up,) = [s for s in got["sections"] if s["kind"] == "catch_up"]
        items = [
            (i["number"], i["line"], i["outlet"], i["paywalled"],
             [(s["line"], s["outlet"], s["paywalled"]) for s in i["sub_items"]])
            for i in catch_up["items"]
        ]
        assert items == [
            (i["n"], i["line"], i["outlet"], i["paywalled"],
             [(s["line"], s["outlet"], s["paywalled"]) for s in i["sub_items"]])
            for i in want["catch_up_items"]
        ], want["title"]


def test_china_captions_credits_notes_dropped(seeds):
    for got, want in china_pairs(seeds):
        assert dropped_lines(got, "caption") == want["caption_lines"]
        assert dropped_lines(got, "credit") == want["credit_lines"]
        assert dropped_lines(got, "note") == want["note_lines"]


def test_china_standfirst_divider_and_signoff_dropped(seeds):
    for got, want in china_pairs(seeds):
        chrome = dict((d["line"], d["text"]) for d in got["dropped"] if d["kind"] == "chrome")
        assert want["standfirst_line"] in chrome
        dividers = [t for t in chrome.values() if t.startswith("Now read the rest")]
        assert bool(dividers) == want["has_divider"]
        lead = got["sections"][0]
        assert dropped_lines(got, "signoff") == [lead["last_line"]]


def test_china_dates_come_from_the_metadata_file(seeds):
    dates = [i["date"] for i in seeds[CHINA]["issues"]]
    assert dates == ["2024-04-02", "2024-03-26", "2024-03-05", "2024-02-20", "2024-02-13",
                     "2024-02-06", "2024-02-06", "2024-01-30", "2024-01-09", "2023-12-19"]


def test_seeds_are_recognised_without_the_metadata_file(tmp_path):
    for name in (CHINA, PROTOCOL):
        shutil.copy(SEEDS / name, tmp_path / name)
    out = inspect_json(tmp_path / CHINA, tmp_path / PROTOCOL)
    china, protocol = out["files"]
    assert {i["publication"] for i in china["issues"]} == {"China Report"}
    assert all(i["date"] is None for i in china["issues"])
    assert protocol["issues"][0]["publication"] == "Protocol"


# Protocol -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def protocol(seeds) -> dict:
    (issue,) = seeds[PROTOCOL]["issues"]
    return issue


def test_protocol_article_title_dek_and_subheads(protocol):
    want = gold("protocol.json")["lead"]
    assert protocol["title"] == want["title"]
    assert protocol["dek"] == want["dek"]
    assert protocol["first_line"] == want["title_lines"][0]
    assert protocol["date"] == "2021-12-28"
    lead = protocol["sections"][0]
    assert lead["kind"] == "lead"
    assert (lead["first_line"], lead["last_line"]) == (want["first_line"], want["last_line"])
    assert lead["subsections"] == want["subsections"]
    assert set(want["caption_lines"]) <= set(dropped_lines(protocol, "caption"))
    assert set(want["credit_lines"]) <= set(dropped_lines(protocol, "credit"))
    repeated = [d for d in protocol["dropped"] if d["line"] == want["title_lines"][1]]
    assert [d["text"] for d in repeated] == [want["title"]]


def test_protocol_teasers_with_titles_authors_and_bios(protocol):
    cards = gold("protocol.json")["teasers"]
    got = protocol["sections"][1:]
    assert [s["kind"] for s in got] == ["sponsored" if c["sponsored"] else "teaser" for c in cards]
    for section, card in zip(got, cards):
        assert section["heading"] == card["title"]
        paragraph_lines = [p["line"] for p in section["paragraphs"]]
        first, last = card["body_lines"]
        assert paragraph_lines[0] == first and last in paragraph_lines
        assert section["first_line"] <= first and section["last_line"] >= last
        if card["sponsored"]:
            assert section["sponsor"] == card["sponsor"]
            assert section["author"] is None
            continue
        assert section["author"] == card["author"]
        assert card["bio_line"] in dropped_lines(protocol, "bio")
        assert set(card.get("credit_lines", [])) <= set(dropped_lines(protocol, "credit"))
        assert set(card.get("caption_lines", [])) <= set(dropped_lines(protocol, "caption"))
        if card["title"]:
            dek = next(line for line in (SEEDS / PROTOCOL).read_text().splitlines()[
                card["dek_line"] - 1: card["dek_line"]])
            assert section["dek"] == dek.strip()


def test_protocol_chrome_credits_and_bios_all_dropped(protocol):
    want = gold("protocol.json")
    assert dropped_lines(protocol, "chrome") == want["chrome_lines"]
    assert {d["text"] for d in protocol["dropped"] if d["kind"] == "chrome"} == set(
        want["chrome_text"])
    credits = want["lead"]["credit_lines"] + [
        line for card in want["teasers"] for line in card.get("credit_lines", [])]
    assert dropped_lines(protocol, "credit") == sorted(credits)
    bios = [card["bio_line"] for card in want["teasers"] if "bio_line" in card]
    assert dropped_lines(protocol, "bio") == bios
