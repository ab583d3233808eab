"""Stories several newsletters carried in one week: grouped on the week page, in its feed
entry and on the outlets page, from a week of three small newsletters (tests/data/stories)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_digest

from digest.model import Issue, IssueDigest, Mention, OutletCount
from digest.render.stats import outlets
from digest.stories import find_stories
from digest.urls import story_key

STORIES = ROOT / "tests" / "data" / "stories"
BRIDGE = "River bridge reopens after two years of repairs"
NEWSLETTERS = ["Harbour Weekly", "Town Notes", "Valley Letter"]


@pytest.fixture(scope="module")
def week_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("stories")
    shutil.copytree(STORIES, project / "news")
    run_digest("build", "-q", "--input", "news", cwd=project)
    return project / "output"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def stories_block(page: BeautifulSoup) -> list[tuple[str, str | None, list[tuple[str, str]]]]:
    """Each story of "In several newsletters": title, link, (newsletter, link) of each."""
    block = page.find(id="stories")
    assert block is not None and block.h2.get_text() == "In several newsletters"
    found = []
    for li in block.find_all("li"):
        story = li.find("a")
        carriers = [(a.get_text(), a["href"]) for a in li.select(".carried a")]
        found.append((story.get_text(), story.get("href"), carriers))
    return found


def test_a_story_three_newsletters_carried_opens_the_week_once(week_site):
    page = soup(week_site / "weeks" / "2025-w10.html")
    stories = stories_block(page)
    assert len(stories) == 1
    title, link, carriers = stories[0]
    assert title == BRIDGE
    assert link == "https://example.org/news/river-bridge-reopens"  # no tracking, not AMP
    assert [name for name, _ in carriers] == NEWSLETTERS
    for name, href in carriers:  # each leads to the item in its issue
        issue, _, anchor = href.partition("#")
        target = soup(week_site / "weeks" / issue).find(id=anchor)
        assert target is not None and BRIDGE in target.get_text(), name
        assert f"also in {', '.join(n for n in NEWSLETTERS if n != name)}" in \
            target.get_text(" ", strip=True)


def test_stories_that_only_share_a_domain_are_not_grouped(week_site):
    page = soup(week_site / "weeks" / "2025-w10.html")
    titles = [title for title, _, _ in stories_block(page)]
    assert not any("Comet" in t or "Rowing" in t for t in titles)
    for item in page.select(".items li"):
        if "Comet" in item.get_text() or "Rowing" in item.get_text():
            assert item.select(".also") == []


def test_each_carrier_says_where_else_it_ran_and_links_to_the_block(week_site):
    notes = []
    for page in sorted((week_site / "issues").glob("*.html")):
        for note in soup(page).select("a.also"):
            assert note["href"] == "../weeks/2025-w10.html#stories"
            notes.append(note.get_text())
    assert notes == ["also in Town Notes, Valley Letter",  # Harbour Weekly, 4 March
                     "also in Harbour Weekly, Town Notes",  # Valley Letter, 5 March
                     "also in Harbour Weekly, Valley Letter"]  # Town Notes, 7 March
    week = soup(week_site / "weeks" / "2025-w10.html")
    shown = [li for li in week.select(".issue-summary .items li") if BRIDGE in li.get_text()]
    assert all(li.select("a.also") for li in shown)  # where the week shows the item too


def test_the_weeks_feed_entry_carries_the_same_block(week_site):
    entry = json.loads((week_site / "feed.json").read_text(encoding="utf-8"))["items"][0]
    stories = stories_block(BeautifulSoup(entry["content_html"], "html.parser"))
    assert [(t, [n for n, _ in c]) for t, _, c in stories] == [(BRIDGE, NEWSLETTERS)]
    assert all(href.startswith("http") for _, _, c in stories for _, href in c)
    rss = (week_site / "feed.xml").read_text(encoding="utf-8")
    assert "In several newsletters" in rss


def test_a_new_issue_joining_the_story_changes_the_week_page(tmp_path):
    shutil.copytree(STORIES, tmp_path / "news")
    late = (tmp_path / "news" / "town-notes.md")
    moved = tmp_path / "town-notes.md"
    late.rename(moved)
    run_digest("build", "-q", "--input", "news", cwd=tmp_path)
    week = tmp_path / "output" / "weeks" / "2025-w10.html"
    assert [[n for n, _ in c] for _, _, c in stories_block(soup(week))] == \
        [["Harbour Weekly", "Valley Letter"]]
    moved.rename(late)
    run_digest("build", "-q", "--input", "news", cwd=tmp_path)
    assert [[n for n, _ in c] for _, _, c in stories_block(soup(week))] == [NEWSLETTERS]
    harbour = next((tmp_path / "output" / "issues").glob("*harbour-weekly*.html"))
    assert "also in Town Notes, Valley Letter" in soup(harbour).get_text(" ", strip=True)


@pytest.mark.parametrize("variant", [
    "https://www.example.org/a/story/?utm_source=x&utm_medium=email",
    "http://example.org/a/story",
    "https://example.org/a/story/#comments",
    "https://amp.example.org/a/story/amp/",
    "https://m.example.org/a/story?amp=1&fbclid=abc",
    "https://mobile.example.org/a/story.amp",
    "https://www-example-org.cdn.ampproject.org/c/s/www.example.org/a/story",
])
def test_one_story_under_every_variant_of_its_link(variant):
    assert story_key(variant) == "example.org/a/story"


def test_links_to_other_pages_stay_apart():
    assert story_key("https://example.org/a/story?id=2") != story_key(
        "https://example.org/a/story?id=3")
    assert story_key("https://example.org/a/other") != story_key("https://example.org/a/story")
    assert story_key("https://example.org/") is None  # a home page is no story
    assert story_key("mailto:editor@example.org") is None


def issue_with(publication: str, *mentions: Mention,
               outlets: list[OutletCount] | None = None) -> IssueDigest:
    issue = Issue(f"{publication}.md", 0, "markdown", publication, f"{publication} 1", 1, 9,
                  date=dt.date(2025, 3, 4))
    return IssueDigest(issue, [], {}, outlets=outlets or [], mentions=list(mentions))


def item(url: str, title: str, outlet: str | None = None, paywalled: bool = False) -> Mention:
    return Mention(url, story_key(url) or url, title, "item", (0, 0), outlet, paywalled)


def test_near_identical_titles_are_one_story_even_under_other_links():
    week = [issue_with("A", item("https://one.example/x/1", "Council approves the new "
                                 "harbour budget for 2025")),
            issue_with("B", item("https://two.example/y/2", "Council approves new harbour "
                                 "budget for 2025")),
            issue_with("C", item("https://one.example/x/3", "Harbour budget row: council "
                                 "members walk out"))]
    stories = find_stories(week)
    assert [s.publications for s in stories] == [["A", "B"]]


def test_short_titles_never_match_by_title_alone():
    week = [issue_with("A", item("https://one.example/x/1", "Read more")),
            issue_with("B", item("https://two.example/y/2", "Read more"))]
    assert find_stories(week) == []


def test_the_outlets_table_counts_a_story_once_a_week():
    one = item("https://news.example/a/1", "Ferry fares rise again this spring", "Daily Tide",
               True)
    two = item("https://news.example/a/1?utm_source=b", "Ferry fares rise again this spring",
               "Daily Tide", True)
    digests = [issue_with("A", one, outlets=[OutletCount("Daily Tide", 2, 1)]),
               issue_with("B", two, outlets=[OutletCount("Daily Tide", 1, 1)])]
    stories = find_stories(digests)
    assert len(stories) == 1
    [row] = outlets(digests, stories)
    assert (row.name, row.stories, row.paywalled) == ("Daily Tide", 2, 1)



def test_stories_are_listed_only_in_weeks_two_newsletters_published_in():
    """Grouping needs every link of an issue listed, which costs; a week one newsletter
    published in has nothing to group, so its issues list none."""
    from digest.build import Source, segment_file, summarize_file
    from digest.summarize import SummaryConfig
    from digest.weeks import crowded, week_of

    harbour = STORIES / "harbour-weekly.md"
    segmented = segment_file(Source(harbour, harbour.name, "k"), ())
    week = week_of(segmented.issues[0].date)
    assert crowded([("Harbour Weekly", week), ("Harbour Weekly", week)]) == frozenset()
    assert crowded([("Harbour Weekly", week), ("Town Notes", week)]) == {week}
    alone = summarize_file(segmented, {}, "k", SummaryConfig(), None, frozenset())
    assert alone.digests[0].prints is None and alone.digests[0].mentions == []
    shared = summarize_file(segment_file(Source(harbour, harbour.name, "k"), ()), {}, "k",
                            SummaryConfig(), None, frozenset({week}))
    assert any(m.title == BRIDGE for m in shared.digests[0].mentions)


def test_a_story_is_found_when_other_newsletters_join_its_week_later(tmp_path):
    (tmp_path / "news").mkdir()
    shutil.copy(STORIES / "harbour-weekly.md", tmp_path / "news")
    run_digest("build", "-q", "--input", "news", cwd=tmp_path)
    week = tmp_path / "output" / "weeks" / "2025-w10.html"
    assert soup(week).find(id="stories") is None
    for name in ("town-notes.md", "valley-letter.md"):
        shutil.copy(STORIES / name, tmp_path / "news")
    run_digest("build", "-q", "--input", "news", cwd=tmp_path)
    assert [[n for n, _ in c] for _, _, c in stories_block(soup(week))] == [NEWSLETTERS]
    cold = tmp_path / "cold"
    shutil.copytree(tmp_path / "news", cold / "news")
    run_digest("build", "-q", "--input", "news", cwd=cold)
    assert week.read_bytes() == (cold / "output" / "weeks" / "2025-w10.html").read_bytes()
