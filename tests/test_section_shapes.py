"""Sections a reader can use: a bare heading over another is a kicker, never an empty section;
a horizontal rule is never a paragraph. Fixtures written here, seen through `digest inspect` and
a real `digest build`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

LETTER = """<html><head><title>Harbour Notes</title>
<meta name="dcterms.created" content="2025-03-07"></head><body>
<h1>Harbour Notes: the season in review</h1>
<p>Dear readers,</p>
<p>The harbour had a busy season, and this issue looks back at what changed on the water.</p>
<p>Yours, Ines</p>
<h1>Stories of the Season</h1>
<h1>A Quiet Start</h1>
<p>The season opened slowly, with fog keeping most boats in port for a week.</p>
<h1>Rivers Rise</h1>
<p>Spring rain lifted both rivers above their banks.</p>
<ul><li>The north quay closed for three days.</li><li>Ferries ran a shorter route.</li></ul>
<hr>
<p>The water fell again by May.</p>
<h1>Sponsored</h1>
<h1>Tidewater Rope Company</h1>
<p>Rope that lasts a season longer, made by the harbour since 1911.</p>
<h1>Bridges Reopen</h1>
<p>Both bridges reopened after repairs to their hinges.</p>
<ul><li>The east bridge lifts twice an hour.</li><li>Cyclists have a lane of their own.</li></ul>
</body></html>
"""


def inspect(path: Path, *extra: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", str(path), *extra],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["files"][0]


def tree(path: Path) -> str:
    return subprocess.run([sys.executable, "-m", "digest", "inspect", str(path)],
                          capture_output=True, text=True, check=True).stdout


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def paragraphs(issue: dict) -> list[str]:
    return [p["text"] for s in issue["sections"] for p in s["paragraphs"]]


def test_a_bare_heading_over_a_story_is_its_kicker_not_an_empty_section(tmp_path):
    path = write(tmp_path / "in" / "harbour", "2025-03-07.html", LETTER)
    found = inspect(path)
    assert not [p for p in found["problems"] if "no section" in p]  # every line accounted
    (issue,) = found["issues"]
    sections = issue["sections"]
    assert [s["heading"] for s in sections] == [None, "A Quiet Start", "Rivers Rise",
                                                "Tidewater Rope Company", "Bridges Reopen"]
    assert all(s["paragraphs"] or s["items"] for s in sections)
    assert sections[1]["dek"] == "Stories of the Season"
    assert "Stories of the Season" not in paragraphs(issue)
    assert "“Stories of the Season”" in tree(path)

    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "digest", "build", "-q", "--input", str(tmp_path / "in"),
                    "--output", str(out)], check=True, capture_output=True)
    (page,) = [p for p in out.rglob("*.html") if "A Quiet Start" in p.read_text()
               and "issue-section" in p.read_text()]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    quiet = next(s for s in soup.select("section.issue-section") if "A Quiet Start" in s.h2.text)
    assert quiet.select_one("p.dek").get_text(strip=True) == "Stories of the Season"
    assert not [s for s in soup.select("section.issue-section") if not s.find(["p", "li"])]


def test_a_sponsor_marker_over_an_advertisement_heading_marks_it_sponsored(tmp_path):
    found = inspect(write(tmp_path, "2025-03-07.html", LETTER))
    (issue,) = found["issues"]
    (ad,) = [s for s in issue["sections"] if s["heading"] == "Tidewater Rope Company"]
    assert ad["role"] == "sponsored" and ad["dek"] is None
    assert {"kind": "chrome", "text": "Sponsored"}.items() <= next(
        d for d in issue["dropped"] if d["text"] == "Sponsored").items()
    others = [s for s in issue["sections"] if s is not ad]
    assert not [s for s in others if s["role"] == "sponsored"]


def test_a_rule_is_never_a_paragraph(tmp_path):
    text = ("# Field Notes\n\nA short opening before the notes.\n\n---\n\n## Birds\n\n"
            "Swifts came back early.\n\n---\n\nThe heron stayed.\n\n## Links\n\n"
            "- A map of nests.\n\n***\n\n- A call for counters.\n")
    found = inspect(write(tmp_path, "notes.md", text))
    assert not [p for p in found["problems"] if "no section" in p]
    (issue,) = found["issues"]
    assert paragraphs(issue) == ["A short opening before the notes.", "Swifts came back early.",
                                 "The heron stayed."]
    html = write(tmp_path, "notes.html", "<h1>Field Notes</h1><p>Opening words here.</p>"
                 "<h2>Birds</h2><p>Swifts came back early.</p><hr><p>The heron stayed.</p>"
                 "<hr/><h2>Links</h2><ul><li>A map of nests.</li></ul><hr>")
    (issue,) = inspect(html)["issues"]
    assert all(p.strip() for p in paragraphs(issue))
    assert paragraphs(issue) == ["Opening words here.", "Swifts came back early.",
                                 "The heron stayed."]


def test_the_rule_rule_cannot_be_switched_off(tmp_path):
    profiles = tmp_path / "profiles"
    write(profiles, "notes.toml", 'name = "Notes"\ndetect = ["^Opening"]\n'
          '[rules]\ndisable = ["rule"]\n')
    path = write(tmp_path, "a.md", "# A\n\nOpening.\n\n---\n\nText.\n")
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", str(path), "--profiles",
                           str(profiles)], capture_output=True, text=True)
    assert done.returncode == 2 and "notes.toml" in done.stderr
    assert "unknown rule rule " in done.stderr


def test_an_authors_sign_off_section_is_chrome_not_content(tmp_path):
    text = ("# Garden Letters: May\n\nI planted 40 rows this month. Here is what grew.\n\n"
            "## Beans climbed the fence\n\nThe runner beans reached the top rail by the 20th, "
            "two weeks early.\n\nThe slugs left them alone.\n\n## That's all for May!\n\n"
            "If these letters help you, please forward this to friends who grow things too, "
            "and tell them to write back!\n\nThanks for reading,\n\n"
            "Ines Moreau - [gardenletters.example](https://gardenletters.example/)\n\n"
            "I give talks on soil; write to talks@gardenletters.example\n")
    path = write(tmp_path, "2026-05-may.md", text)
    (issue,) = inspect(path)["issues"]
    assert [s["heading"] for s in issue["sections"]] == [None, "Beans climbed the fence"]
    dropped = [d["text"] for d in issue["dropped"] if d["kind"] == "chrome"]
    assert "That's all for May!" in dropped and "Thanks for reading," in dropped
    summary = subprocess.run([sys.executable, "-m", "digest", "summarize", str(path)],
                             capture_output=True, text=True, check=True).stdout
    assert "Garden Letters: May" in summary
    assert "forward" not in summary and "Thanks" not in summary and "talks@" not in summary


def test_a_badge_the_issue_repeats_is_no_heading():
    """"OPEN ACCESS" over two of a contents alert's article titles is a badge: sections are
    named once, so a line in capitals said twice over a title names none (said twice over
    text, it still opens two sections: tests/test_generic_structure.py)."""
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# Coastal Letters, Volume 38\n\n## Research articles\n\nOPEN ACCESS\n\n"
            "Seagrass recovers faster where otters have returned\n\nOtters eat the crabs that "
            "eat the grazers.\n\nOPEN ACCESS\n\nOyster microplastics track rainfall\n\n"
            "Storm drains carry the load.\n\n## Short communications\n\nA bristle worm is "
            "found north of sixty degrees for the first time.\n")
    (issue,), _ = segment_document(read_bytes("toc.md", text.encode()), *load_profiles())
    assert [s.heading for s in issue.sections if s.heading] == [
        "Research articles", "Short communications"]
    articles = next(s for s in issue.sections if s.heading == "Research articles")
    assert not articles.subsections
    assert [p.text for p in articles.paragraphs].count("OPEN ACCESS") == 2


def test_a_figure_set_alone_over_what_it_counts_is_one_line():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    body = ("<h1>Wells update</h1><p>Here is what your gifts did this season.</p>"
            "<h2>Impact</h2><p><b>14</b></p><p>new wells completed</p>"
            "<p><b>9,200</b></p><p>people with safe water within 500 m of home</p>"
            "<p>We are on track for twenty wells before the rains.</p>")
    (issue,), _ = segment_document(read_bytes("wells.html", body.encode()), *load_profiles())
    impact = next(s for s in issue.sections if s.heading == "Impact")
    assert [p.text for p in impact.paragraphs] == [
        "14 new wells completed", "9,200 people with safe water within 500 m of home",
        "We are on track for twenty wells before the rains."]


def test_a_heading_the_issue_has_once_over_several_deeper_ones_is_their_section(tmp_path):
    """"## Listings" right over three "###" events, after the opening text, is the section
    they are in, not the first event's kicker with the others sections of their own."""
    events = "".join(f"### {title}\n\n{text}\n\n" for title, text in [
        ("Thu 2 April — Hattie Crane Trio", "A trio launches its record at the Coal Shed."),
        ("Sat 4 April — Valley Ceilidh", "A caller walks you through every dance."),
        ("Wed 8 April — Bach Cello Suites", "Three suites in under an hour, at lunchtime.")])
    text = f"# Sleeve Notes, April\n\nHere is what is on this month.\n\n## Listings\n\n{events}"
    (issue,) = inspect(write(tmp_path, "2026-04-01.md", text))["issues"]
    assert [(s["heading"], s["dek"]) for s in issue["sections"]] == [
        (None, None), ("Listings", None)]
    assert [p["text"] for p in issue["sections"][1]["paragraphs"] if p["kind"] == "subhead"] \
        == ["Thu 2 April — Hattie Crane Trio", "Sat 4 April — Valley Ceilidh",
            "Wed 8 April — Bach Cello Suites"]


def test_a_bare_heading_and_a_short_line_over_a_storys_heading_both_make_its_kicker(tmp_path):
    """"HEALTHY RIVERBEND" over "Patient Newsletter · Spring 2026" over the first story's
    heading: the second line was lost, neither text nor dropped."""
    page = ("<html><body><h1>Riverbend Hospital</h1><h2>HEALTHY RIVERBEND</h2>"
            "<p>Patient Newsletter · Spring 2026</p><h2>A note from our doctors</h2>"
            "<p>After a long winter the emergency department is quieter again.</p>"
            "<h2>New clinic hours</h2><p>The clinic opens on Saturday mornings from April.</p>"
            "</body></html>")
    (issue,) = inspect(write(tmp_path, "2026-03-10.html", page))["issues"]
    assert issue["sections"][0]["dek"] == "HEALTHY RIVERBEND — Patient Newsletter · Spring 2026"


CHAPTER = """# Chapter Seven: The Cartographer's Debt

The gate was open when Mira reached it, which was the first wrong thing.

"I didn't know I was expected."

The keeper only shrugged and went on sweeping the leaves into a careful heap by the wall.

"I haven't got any key."

"Nobody has," he said. "That's rather the point of this house."

She followed him past the glasshouses, where the panes had been patched with maps.
"""


def test_a_line_of_dialogue_alone_is_a_paragraph_of_the_story_not_a_heading():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    (issue,), _ = segment_document(read_bytes("chapter-seven.md", CHAPTER.encode()),
                                   *load_profiles())
    assert len(issue.sections) == 1
    assert '"I haven\'t got any key."' in [p.text for p in issue.sections[0].paragraphs]


def test_a_subheads_closing_colon_is_left_out_as_a_headings_is():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# Kiln Weekly 4\n\nNews from the studio this week.\n\n## Firings\n\nThe bisque "
            "firing is on Thursday.\n\n### In brief:\n\n- Glaze shelf moved.\n- New wheel.\n\n"
            "## Classes\n\nThe Tuesday class is full.\n\n### Waiting list:\n\nAsk at the desk.\n")
    (issue,), _ = segment_document(read_bytes("kiln.md", text.encode()), *load_profiles())
    subheads = [p.text for s in issue.sections for p in s.paragraphs if p.kind == "subhead"]
    assert subheads == ["In brief", "Waiting list"]
    assert [x.heading for s in issue.sections for x in s.subsections] == subheads


def test_an_emoji_led_line_linking_a_title_is_no_heading():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    html = ("<h1>Bundler Weekly 12</h1><p>This week's links.</p><h2>📙 Articles</h2>"
            "<p><a href='https://a.example/1'>Tree shaking, explained</a> — Why one missing "
            "field drags dead code into every page.</p>"
            "<p>📄 <a href='https://a.example/2'>How hot reloading works</a> Lea Fournier</p>"
            "<p>📺 <a href='https://a.example/3'>Bundlers from first principles</a> Sam Okonkwo</p>"
            "<h2>🛠 Tools</h2><p><a href='https://a.example/4'>knut 4.0</a> — Finds unused "
            "files.</p>")
    (issue,), _ = segment_document(read_bytes("12.html", html.encode()), *load_profiles())
    assert [s.heading for s in issue.sections if s.heading] == ["📙 Articles", "🛠 Tools"]
    articles = issue.sections[1]
    assert not [p for p in articles.paragraphs if p.kind == "subhead"]


def test_event_cards_with_a_bold_time_and_a_capitals_button_are_a_listing():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    events = [("An Evening with Tobias Rendell", "rendell", "Thursday, March 19 · 7:00 pm",
               "Tobias reads from his debut novel about a cider farm in a summer of floods."),
              ("Poetry Open Mic", "open-mic", "Friday, March 27 · 7:30 pm",
               "Five minutes each, sign-up sheet at the counter from seven."),
              ("Saturday Story Time", "story-time", "Every Saturday · 10:30 am",
               "Picture books, puppets and a craft to take home.")]
    cards = "".join(f"<h3><a href='https://shop.example/events/{slug}'>{title}</a></h3>"
                    f"<p><strong>{when}</strong></p><p>{blurb}</p>"
                    f"<p><a href='https://shop.example/events/{slug}'>RSVP</a></p>"
                    for title, slug, when, blurb in events)
    html = (f"<h1>Lantern &amp; Quill</h1><p>Spring is here, and so are our evenings.</p>"
            f"<h2>Upcoming Events</h2>{cards}<h2>Staff Picks</h2><p>Three books we loved.</p>")
    (issue,), _ = segment_document(read_bytes("lq.html", html.encode()), *load_profiles())
    upcoming = next(s for s in issue.sections if s.heading == "Upcoming Events")
    assert [i.title for i in upcoming.items] == [title for title, *_ in events]
    assert not [p for p in upcoming.paragraphs if p.kind == "subhead"]
