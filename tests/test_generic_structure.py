"""Structure found without a profile: headings of every form, titled items, plain-text lists,
labels and rule-separated posts, seen through `digest inspect --json` on fixtures written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def inspect(path: Path, *extra: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", str(path), *extra],
                          capture_output=True, text=True, check=True)
    (issue,) = json.loads(done.stdout)["files"][0]["issues"]
    return issue


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def headings(issue: dict) -> list[str | None]:
    return [s["heading"] for s in issue["sections"]]


def all_text(issue: dict) -> str:
    out = []
    for s in issue["sections"]:
        out += [s["heading"] or ""] + [p["text"] for p in s["paragraphs"]]
        for item in s["items"]:
            out += [item["text"], item["excerpt"] or ""]
            out += [sub["text"] for sub in item["sub_items"]]
    return "\n".join(out)


BOLD_ITEMS = """\
# Garden Notes

A short welcome from the editor, who spent the week in the shed.

Tools
-----

**Trowel upgrades.** A sturdier handle is now sold in most shops. It costs less than before.

__Seed trays.__ Reusable trays that stack flat for the winter.

They also come in three sizes.

**Rain barrels.** Cheap ways to keep water from the roof.

Reading
-------

[Soil is alive](https://example.org/soil) by Jo Park — a walk through what lives underfoot.

[Why hedges matter](https://example.org/hedges) — Ana Ruiz @ Green Weekly

That is all for this week.
"""


def test_bold_and_linked_titles_make_the_items_of_a_section(tmp_path):
    issue = inspect(write(tmp_path, "notes.md", BOLD_ITEMS))
    assert headings(issue) == [None, "Tools", "Reading"]
    tools, reading = issue["sections"][1:]
    assert [i["title"] for i in tools["items"]] == ["Trowel upgrades.", "Seed trays.",
                                                      "Rain barrels."]
    assert tools["items"][0]["text"].startswith("Trowel upgrades. A sturdier handle")
    assert tools["items"][1]["excerpt"] == "They also come in three sizes."
    assert tools["paragraphs"] == []
    soil, hedges = reading["items"]
    assert (soil["title"], soil["author"]) == ("Soil is alive", "Jo Park")
    assert soil["links"] == [{"text": "Soil is alive", "url": "https://example.org/soil"}]
    assert (hedges["title"], hedges["author"], hedges["outlet"]) == (
        "Why hedges matter", "Ana Ruiz", "Green Weekly")
    assert hedges["text"] == "Why hedges matter — Ana Ruiz"
    assert [p["text"] for p in reading["paragraphs"]] == ["That is all for this week."]


def test_a_single_bold_opening_stays_a_paragraph(tmp_path):
    text = "# Note\n\nIntro.\n\n## Only\n\n**Heads up.** The office is closed on Friday.\n"
    issue = inspect(write(tmp_path, "one.md", text))
    only = issue["sections"][-1]
    assert only["items"] == []
    assert only["paragraphs"][0]["text"] == "Heads up. The office is closed on Friday."


LINKED_LIST = """\
Welcome to this week's issue of the Example Weekly.

## Featured

- [Parsing without tears](https://example.com/parse) by Kim Lee
  > A gentle tour of parser combinators, with exercises.

- [Faster builds](https://example.com/builds) by Ravi Das
  > Caching the right things. Then measuring again.

## In brief

- [A tiny web server](https://example.com/web) by Mo Chen
"""


def test_linked_list_entries_keep_link_author_and_quoted_excerpt(tmp_path):
    issue = inspect(write(tmp_path, "weekly.md", LINKED_LIST))
    assert headings(issue) == [None, "Featured", "In brief"]
    first, second = issue["sections"][1]["items"]
    assert first["title"] == "Parsing without tears"
    assert first["author"] == "Kim Lee"
    assert first["excerpt"] == "A gentle tour of parser combinators, with exercises."
    assert first["links"][0]["url"] == "https://example.com/parse"
    assert second["excerpt"] == "Caching the right things. Then measuring again."
    assert issue["sections"][1]["paragraphs"] == []
    assert issue["sections"][2]["items"][0]["author"] == "Mo Chen"


NESTED_TEXT = """\
Field Notes Weekly

Hello again. This week we collected a few links about birds and trees for you.

- Birds:
  - Owls hunt mostly at night and can turn their heads
    a long way round.
  - Swifts sleep while flying.
- Trees:
  * Oaks can live for a thousand years.
  + Birches grow fast.
    1) in the north
    2) in the hills
  • Willows like water.
  – Yews are slow.
"""


def test_plain_text_categories_become_sections_of_nested_entries(tmp_path):
    issue = inspect(write(tmp_path, "field.txt", NESTED_TEXT))
    assert issue["title"] == "Field Notes Weekly"
    assert headings(issue) == [None, "Birds", "Trees"]
    birds, trees = issue["sections"][1:]
    assert [i["text"] for i in birds["items"]] == [
        "Owls hunt mostly at night and can turn their heads a long way round.",
        "Swifts sleep while flying."]
    assert [i["text"] for i in trees["items"]] == [
        "Oaks can live for a thousand years.", "Birches grow fast.", "Willows like water.",
        "Yews are slow."]
    assert [s["text"] for s in trees["items"][1]["sub_items"]] == ["in the north",
                                                                     "in the hills"]
    assert issue["sections"][0]["items"] == []


def test_categories_are_entries_with_sub_entries_when_the_issue_has_headings(tmp_path):
    text = NESTED_TEXT.replace("Field Notes Weekly\n", "Field Notes Weekly\n==================\n")
    text = text.replace("- Birds:", "LINKS OF THE WEEK\n\n- Birds:")
    issue = inspect(write(tmp_path, "field.txt", text))
    assert headings(issue) == [None, "LINKS OF THE WEEK"]
    birds, trees = issue["sections"][1]["items"]
    assert birds["text"] == "Birds:" and len(birds["sub_items"]) == 2
    assert trees["text"] == "Trees:" and len(trees["sub_items"]) == 4
    assert [s["text"] for s in trees["sub_items"][1]["sub_items"]] == ["in the north",
                                                                       "in the hills"]


@pytest.mark.parametrize("form, heading", [
    ("Council News\n------------\n", "Council News"),
    ("COUNCIL NEWS\n", "COUNCIL NEWS"),
    ("🏛️ Council news\n", "🏛️ Council news"),
])
def test_pseudo_headings_in_plain_text_open_sections(tmp_path, form, heading):
    body = "The vote on the bridge was held today after a long and heated debate.\n\n"
    text = ("Morning Brief\n=============\n\nA short intro for the reader, with a few words.\n\n"
            f"{form}\n{body}{form.replace('ouncil', 'ity')}\n{body}")
    issue = inspect(write(tmp_path, "brief.txt", text))
    assert issue["title"] == "Morning Brief"
    assert headings(issue)[1] == heading
    assert len(issue["sections"]) == 3
    assert issue["sections"][0]["paragraphs"][0]["text"].startswith("A short intro")


def test_bold_and_colon_lines_are_headings(tmp_path):
    text = ("# Digest\n\nOpening words for everyone this week.\n\n**Local**\n\n"
            "The park reopened after repairs.\n\n**Abroad**\n\nA ferry line was added.\n\n"
            "Worth a click:\n\n- A museum opened a wing for old maps.\n"
            "- A bakery sells rye bread again.\n")
    issue = inspect(write(tmp_path, "digest.md", text))
    assert headings(issue) == [None, "Local", "Abroad", "Worth a click"]  # its colon left out
    assert len(issue["sections"][3]["items"]) == 2


def test_bold_lines_under_markup_headings_are_subheads(tmp_path):
    text = ("# Digest\n\nOpening words.\n\n## Local\n\n**Parks**\n\nThe park reopened.\n\n"
            "## Abroad\n\nA ferry line was added.\n")
    issue = inspect(write(tmp_path, "digest.md", text))
    assert headings(issue) == [None, "Local", "Abroad"]
    assert [s["heading"] for s in issue["sections"][1]["subsections"]] == ["Parks"]


LABELLED = """\
# Policy Letter

Welcome back to the letter.

## Water rules change

What happened: The city changed its water rules on Monday. Gardens may be watered twice a week.

**Why it matters:** Summer is dry. Fewer hoses means more water for homes.

## Buses run later

What happened: Night buses now run until two in the morning.

Why it matters: Late workers get home safely.

Note: one line only.
"""


def test_repeated_lead_ins_are_labels_kept_apart_from_the_text(tmp_path):
    issue = inspect(write(tmp_path, "policy.md", LABELLED))
    water, buses = issue["sections"][1:]
    assert [(p["label"], p["text"]) for p in water["paragraphs"]] == [
        ("What happened", "The city changed its water rules on Monday. Gardens may be "
                          "watered twice a week."),
        ("Why it matters", "Summer is dry. Fewer hoses means more water for homes.")]
    assert water["items"] == []
    assert [p["label"] for p in buses["paragraphs"]] == ["What happened", "Why it matters",
                                                         None]
    assert buses["paragraphs"][2]["text"] == "Note: one line only."


def test_labels_are_not_glued_into_summary_sentences(tmp_path):
    path = write(tmp_path, "policy.md", LABELLED)
    config = write(tmp_path, "digest.toml", "[summary]\nbudget_ratio = 1.0\nbudget_ceiling = 1.0\n")
    done = subprocess.run([sys.executable, "-m", "digest", "summarize", "--config", str(config),
                           str(path)], capture_output=True, text=True, check=True)
    # labels are shown apart, as "[Label] sentence", never glued in as "Label: sentence"
    assert "What happened:" not in done.stdout and "Why it matters:" not in done.stdout
    assert "[What happened] Night buses now run until two in the morning." in done.stdout


JEKYLL = """\
---
layout: post
title: "#5. Quiet week"
tags: pipelines storage
---

*Topics: pipelines, storage, testing*

<!--cut-->

---

[Moving files faster](https://example.com/a) — Lee Chan @ Example Blog

*A calm look at copying data between stores.*

![level:easy] ![topic:storage]

---

**Two notes on queues:** [part one](https://example.com/q1), [part two](https://example.com/q2)

*Short and practical.*

![level:medium]

---

[Testing in production](https://example.com/b) — Sam Ode

*Careful, but useful.* ![topic:testing]

---

{% include tags.md %}
"""


def test_rule_separated_posts_are_items_and_template_markup_is_dropped(tmp_path):
    issue = inspect(write(tmp_path, "2024-01-02-5_quiet.md", JEKYLL))
    assert issue["title"] == "#5. Quiet week"
    assert all(s["heading"] is None for s in issue["sections"])
    items = [i for s in issue["sections"] for i in s["items"]]
    assert [i["title"] for i in items] == ["Moving files faster", "Two notes on queues:",
                                           "Testing in production"]
    assert (items[0]["author"], items[0]["outlet"]) == ("Lee Chan", "Example Blog")
    assert items[0]["excerpt"] == "A calm look at copying data between stores."
    assert items[2]["excerpt"] == "Careful, but useful."
    assert len(items[1]["links"]) == 2
    text = all_text(issue)
    assert "Topics: pipelines" in text
    assert "![" not in text and "{%" not in text and "cut" not in text
    chrome = [d["text"] for d in issue["dropped"] if d["kind"] == "chrome"]
    assert chrome == ["![level:easy] ![topic:storage]", "![level:medium]",
                      "{% include tags.md %}"]


def test_a_profile_switches_rules_off_by_name(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "plain.toml").write_text(
        'name = "Plain Digest"\ndetect = ["^Opening words"]\n'
        '[rules]\ndisable = ["bold_heading", "title_line_heading", "titled_items"]\n',
        encoding="utf-8")
    text = ("# Digest\n\nOpening words.\n\n**Local**\n\nThe park reopened.\n\n"
            "**One.** First.\n\n**Two.** Second.\n")
    path = write(tmp_path, "digest.md", text)
    assert headings(inspect(path)) == [None, "Local"]
    issue = inspect(path, "--profiles", str(profiles))
    assert headings(issue) == [None]
    assert issue["sections"][0]["items"] == []


def test_an_unknown_rule_name_is_a_profile_error_naming_the_file(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "bad.toml").write_text('name = "Bad"\n[rules]\ndisable = ["no_such_rule"]\n',
                                       encoding="utf-8")
    path = write(tmp_path, "a.md", "# A\n\nText.\n")
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", str(path), "--profiles",
                           str(profiles)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "bad.toml" in done.stderr and "no_such_rule" in done.stderr


def test_bang_brackets_inside_words_and_code_stay_text(tmp_path):
    text = ("# Notes\n\nWe stabilized #![no_std] support and `![keep:me]` in code.\n\n"
            "Also see ![alone:badge] here.\n")
    issue = inspect(write(tmp_path, "notes.md", text))
    paragraphs = [p["text"] for p in issue["sections"][0]["paragraphs"]]
    assert paragraphs == ["We stabilized #![no_std] support and ![keep:me] in code.",
                          "Also see here."]


def test_a_colon_line_above_a_plain_text_list_is_a_heading(tmp_path):
    text = ("Weekly Picks\n\nA few words before the lists begin, as always.\n\n"
            "Worth a click:\n- A museum opened a wing for old maps.\n"
            "- A bakery sells rye bread again.\n\nWorth a listen:\n"
            "1. A podcast about rivers.\n2. A talk on bridges.\n")
    issue = inspect(write(tmp_path, "picks.txt", text))
    assert headings(issue) == [None, "Worth a click", "Worth a listen"]
    assert [i["text"] for i in issue["sections"][2]["items"]] == ["A podcast about rivers.",
                                                                  "A talk on bridges."]
    assert [i["number"] for i in issue["sections"][2]["items"]] == [1, 2]


BYLINES = """\
Welcome to this week's links.

## Reading

- [Typed builds](https://example.com/a) by Well-Made
  > Hyphens belong to the name.

- [Tidy parsers](https://example.com/b) by Kim O'Brien
  > An apostrophe too.

- [Carte des sols](https://example.com/c) by José Núñez
  > Accented letters.

- [Pair work](https://example.com/d) by Ana Ruiz and Li Wei
  > Two authors.

- [Group work](https://example.com/e) by Tom Ellis, Laurent P. René de Cotret
  > A list with an initial.

- [Garden notes](https://example.com/f) by Jo Park, a gardener
  > A comma that starts a description.

- [Old news](https://example.com/g) by the Example Foundation.
  > A closing full stop.
"""


def test_bylines_keep_whole_names_of_any_script_and_every_author(tmp_path):
    issue = inspect(write(tmp_path, "links.md", BYLINES))
    authors = [i["author"] for i in issue["sections"][1]["items"]]
    assert authors == ["Well-Made", "Kim O'Brien", "José Núñez", "Ana Ruiz and Li Wei",
                       "Tom Ellis, Laurent P. René de Cotret", "Jo Park",
                       "the Example Foundation"]


def test_numbered_headings_in_capitals_are_sections_even_over_a_list():
    """"3) ETKİNLİK TAKVİMİ" over a bulleted calendar is the calendar's section, as "1)" and
    "2)" over paragraphs are, not an entry numbered 3 with the calendar as its sub-entries."""
    text = ("Merhaba gönüllüler, bu ayın haberleri aşağıda.\n\n"
            "1) İFTAR SOFRASI\n\nHer akşam dernek bahçesinde iftar sofrası kuruyoruz.\n\n"
            "2) OKUMA SAATLERİ\n\nÇocuklar için okuma saatleri cumartesi günleri devam ediyor.\n\n"
            "3) ETKİNLİK TAKVİMİ\n\n- 14 Mart: Gıda kolisi hazırlığı\n- 21 Mart: Nevruz pikniği\n"
            "- 28 Mart: Gönüllü oryantasyonu\n\n4) AİDAT\n\nAidatlar ay sonuna kadar ödenir.\n")
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    (issue,), _ = segment_document(read_bytes("2026-03-09.txt", text.encode()), *load_profiles())
    assert [s.heading for s in issue.sections[1:]] == [
        "1) İFTAR SOFRASI", "2) OKUMA SAATLERİ", "3) ETKİNLİK TAKVİMİ", "4) AİDAT"]
    assert [i.text for i in issue.sections[3].items] == [
        "14 Mart: Gıda kolisi hazırlığı", "21 Mart: Nevruz pikniği",
        "28 Mart: Gönüllü oryantasyonu"]


@pytest.mark.parametrize("line, author", [
    ("By Tom Reed · 6 Mar 2026", "Tom Reed"),
    ("By Ada Finch • 6 Mar 2026", "Ada Finch"),
    ("Friday, March 6, 2026 · by Odile Baptiste & Kwame Asante", "Odile Baptiste & Kwame Asante"),
])
def test_a_byline_with_its_date_under_the_title_names_the_author_and_dates_the_issue(
        line, author, tmp_path):
    """A byline of two parts, the name and a date, is no dated subtitle: it names the author,
    gives the date a file without one takes, and is dropped as `byline`."""
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = (f"# Field Notes 12\n\n{line}\n\nThe river rose again on Monday and the ferry "
            "stopped for two days while the crews cleared the slipway.\n\n## Second\n\n"
            "More about the week and what comes next for the harbour.\n")
    (issue,), _ = segment_document(read_bytes("notes.md", text.encode()), *load_profiles())
    assert (issue.dek, issue.author, str(issue.date)) == (None, author, "2026-03-06")
    assert ("byline", line) in [(d.kind, d.text) for d in issue.dropped]


@pytest.mark.parametrize("name, text", [
    ("horizon.md", "# Horizon\n\nDate: 2026-03-08\n\n## The triangle\n\nDraw the radius to "
     "your eye and to the horizon: they meet at a right angle.\n\n$$\n(R + h)^2 = R^2 + d^2\n"
     "$$\n\nSo the distance grows with the square root of your height.\n"),
    ("horizon.html", "<h1>Horizon</h1><h2>The triangle</h2><p>Draw the radius to your eye and "
     "to the horizon: they meet at a right angle.</p><p>\\[ (R + h)^2 = R^2 + d^2 \\]</p>"
     "<p>So the distance grows with the square root of your height.</p>"),
])
def test_a_displayed_formula_is_kept_as_written_and_never_a_summary_sentence(name, text):
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document
    from digest.summarize import SummaryConfig, summarize_issue

    (issue,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    kinds = [(p.kind, p.text) for s in issue.sections for p in s.paragraphs]
    assert [k for k, t in kinds if "R^2" in t] == ["code"]
    shown = " ".join(s.text for part in summarize_issue(issue, SummaryConfig()).sections
                     for s in part.sentences)
    assert "R^2" not in shown
