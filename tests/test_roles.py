"""Section roles come from profiles (data), so a new newsletter needs no Python."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_digest

from digest.ingest import read_file
from digest.segment import ProfileError, load_profiles, segment_document
from digest.summarize import SummaryConfig, algorithm_names, summarize_issue

HARBOR = ROOT / "tests" / "data" / "harbor"
ISSUE = HARBOR / "2025-03-04-harbor-notes.txt"


@pytest.fixture()
def profile_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    shutil.copy(HARBOR / "harbor-notes.toml", folder)
    return folder


NO_BUDGET = {"budget_ratio": 1.0, "budget_max_words": 100_000, "budget_ceiling": 1.0}


def harbor_digest(profile_dir: Path):
    """The fixture issue summarized by its roles alone, with no word budget."""
    generic, profiles = load_profiles([profile_dir], algorithm_names())
    (issue,), problems = segment_document(read_file(ISSUE), generic, profiles)
    assert [p for p in problems if p.severity == "error"] == []
    return issue, summarize_issue(issue, SummaryConfig(**NO_BUDGET))


def test_a_toml_only_profile_gets_roundup_and_anecdote_summaries(profile_dir):
    issue, digest = harbor_digest(profile_dir)
    assert issue.publication == "Harbor Notes"
    assert [(s.kind, s.role) for s in issue.sections] == [
        ("lead", "lead"), ("quick_hits", "roundup"), ("tide_table", "brief"),
        ("parting_shot", "anecdote")]
    lead, hits, tide, shot = digest.sections

    assert 3 <= len(lead.sentences) <= 6
    assert hits.sentences == []
    assert [(i.text, i.outlet) for i in hits.items] == [
        ("A new crane arrived at the container terminal.", "Port Weekly"),
        ("The fish market reopened after repairs to its roof.", "Coast Herald"),
        ("Harbor pilots will train on a simulator this spring.", "Port Weekly")]
    assert [s.text for s in hits.items[1].sub_items] == ["Stall holders got a month of free rent."]
    # The anecdote is summarized by its opening sentence, as the role says.
    assert [s.text for s in shot.sentences] == [
        "A seal has been sleeping on the ferry ramp every morning this week."]
    # The profile's own policy for this section wins over the brief role's two sentences.
    assert [s.text for s in tide.sentences] == [
        "Spring tides arrive on the twelfth and the twenty-sixth this month."]


def test_config_sets_a_roles_policy_and_a_profile_section_still_wins(profile_dir):
    from digest.model import SummaryPolicy

    issue, _ = harbor_digest(profile_dir)
    config = SummaryConfig(**NO_BUDGET)
    config.roles["anecdote"] = SummaryPolicy(sentences=2).over(config.roles["anecdote"])
    config.roles["brief"] = SummaryPolicy(sentences=3)
    digest = summarize_issue(issue, config)
    assert [s.text for s in digest.sections[3].sentences] == [
        "A seal has been sleeping on the ferry ramp every morning this week.",
        "The crew named it Captain and now wait for it to leave before loading cars."]
    assert len(digest.sections[2].sentences) == 1


def test_inspect_json_gives_each_sections_role(profile_dir, tmp_path):
    done = run_digest("inspect", "--json", "--profiles", str(profile_dir), str(ISSUE),
                      cwd=tmp_path)
    (issue,) = json.loads(done.stdout)["files"][0]["issues"]
    assert [(s["kind"], s["role"]) for s in issue["sections"]] == [
        ("lead", "lead"), ("quick_hits", "roundup"), ("tide_table", "brief"),
        ("parting_shot", "anecdote")]


def test_a_generic_section_made_of_items_is_a_roundup(tmp_path):
    path = tmp_path / "letter.md"
    path.write_text("# Weekly letter\n\nSome opening words about the week that was.\n\n"
                    "## Links\n\n- [First link](https://a.example/1). With more.\n"
                    "- [Second link](https://a.example/2).\n- [Third link](https://a.example/3).\n\n"
                    "## Essay\n\nA paragraph of prose. And another sentence.\n\n- one aside\n\n"
                    "More prose here.\n", encoding="utf-8")
    (issue,), _ = segment_document(read_file(path), *load_profiles())
    assert [(s.heading, s.role, s.layout) for s in issue.sections] == [
        (None, "lead", "prose"), ("Links", "roundup", "list"), ("Essay", "section", "prose")]
    digest = summarize_issue(issue, SummaryConfig(**NO_BUDGET))
    assert [i.text for i in digest.sections[1].items] == ["First link.", "Second link.",
                                                          "Third link."]
    assert digest.sections[2].items == []


@pytest.mark.parametrize(("line", "message"), [
    ('role = "closer"', "role"),
    ('role = "anecdote"\nsentences = -1', "sentences"),
    ('role = "anecdote"\nalgorithm = "magic"', "algorithm"),
    ('role = "anecdote"\nmin = 1.5', "min"),
])
def test_a_bad_role_or_policy_in_a_profile_names_the_key(tmp_path, line, message):
    (tmp_path / "bad.toml").write_text(
        f'name = "Bad"\n[[sections]]\nkind = "x"\nheadings = ["X"]\n{line}\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=rf"bad\.toml: sections\[0\]\.{message}"):
        load_profiles([tmp_path], algorithm_names())


def test_a_replaced_config_key_exits_2_naming_the_new_key(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    for old, new in [("lost_in_translation_sentences = 3", "summary.roles.brief.sentences"),
                     ("section_ratio = 0.5", "summary.roles.section.sentences"),
                     ("one_more_thing_algorithm = 'lead'", "summary.roles.anecdote.algorithm")]:
        (tmp_path / "digest.toml").write_text(f"[summary]\n{old}\n", encoding="utf-8")
        done = run_digest("build", cwd=tmp_path, check=False)
        assert done.returncode == 2, done.stderr
        assert new in done.stderr and old.split()[0] in done.stderr
    assert not (tmp_path / "output").exists()


def test_a_role_table_in_the_config_changes_the_summaries(tmp_path):
    seed = str(ROOT / "seeds" / "002_4589aac93914ba55.txt")
    config = tmp_path / "roles.toml"
    config.write_text("[summary.roles.sponsored]\nsentences = 1\n", encoding="utf-8")
    done = run_digest("summarize", "--config", str(config), seed, cwd=tmp_path, check=False)
    assert done.returncode == 2 and "summary.roles.sponsored" in done.stderr
    unbudgeted = "[summary]\nbudget_ratio = 1.0\nbudget_max_words = 100000\nbudget_ceiling = 1.0\n"
    config.write_text(unbudgeted + "[summary.roles.brief]\nsentences = 1\n", encoding="utf-8")
    one = run_digest("summarize", "--config", str(config), seed, cwd=tmp_path).stdout
    plain = tmp_path / "plain.toml"
    plain.write_text(unbudgeted, encoding="utf-8")
    two = run_digest("summarize", "--config", str(plain), seed, cwd=tmp_path).stdout

    def briefs(text: str) -> list[str]:
        parts = text.split("## Lost in translation\n")[1:]
        return [part.split("\n")[0] for part in parts]

    assert len(briefs(one)) == len(briefs(two)) == 9
    assert all(len(a) < len(b) and a in b for a, b in zip(briefs(one), briefs(two)))


def test_the_entry_the_issue_title_names_is_shown_first_in_its_roundup(tmp_path):
    entries = [
        ("Gull colonies return to the north pier", "The gull count on the north pier doubled "
         "this spring, the harbour's wardens say, and the gulls now nest on the old crane."),
        ("Harbour wardens count the gulls", "Wardens counted the gulls on the pier twice this "
         "spring; the gulls nest where the wardens walk."),
        ("Harbour ferry returns to the winter timetable", "From Monday the ferry leaves "
         "every forty minutes until March."),
        ("Pier gulls and the wardens' new boat", "The wardens bought a boat to count the pier "
         "gulls from the water this spring."),
    ]
    body = "\n".join(f"- **{title}** — {text}" for title, text in entries)
    path = tmp_path / "2026-03-02-harbour-notes.md"
    path.write_text(f"---\ntitle: The ferry's winter timetable returns\n---\n\n## This week\n\n"
                    f"{body}\n", encoding="utf-8")
    (issue,), _ = segment_document(read_file(path), *load_profiles())
    roundup = next(s for s in summarize_issue(issue, SummaryConfig(roundup_items=1)).sections
                   if s.items)
    assert [i.title for i in roundup.items] == ["Harbour ferry returns to the winter timetable"]
    path.write_text(path.read_text(encoding="utf-8").replace(
        "The ferry's winter timetable returns", "Harbour Notes #88"), encoding="utf-8")
    (issue,), _ = segment_document(read_file(path), *load_profiles())
    roundup = next(s for s in summarize_issue(issue, SummaryConfig(roundup_items=1)).sections
                   if s.items)
    assert [i.title for i in roundup.items] != ["Harbour ferry returns to the winter timetable"]
