"""What a subscriber reads: an issue's text and lists in the order the letter had them, counts
that name what they count, no "0 min" of reading saved, titled items that keep their author, and
share trackers gone from video links. Fixtures written here, seen through a real `digest build`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

LETTER = """# Orchard Letter: pruning season

Dear growers,

Pruning is the work that decides next year's harvest. To prune well this spring, I suggest
that you:

- Cut the dead wood before the buds open.
- Thin the crowded branches in the middle of each tree.
- Keep the tools sharp and clean between trees.

Here is why each of these matters for the orchard.

Warmly, Mara

## Market stalls

- Apples sold out by noon at the east market.
- Pear prices held steady through the week.
- The cider press opened a second line.
- Plum growers asked for a longer season.
- A new stall sold grafted saplings.
- Honey from the orchard bees came back.
- The west market moved to Saturdays.

## Reading

- [Can Grafting Save the Old Pear Trees?](https://trees.example/grafting) by Ines Alder
  > A long look at three orchards that grafted new wood onto trees planted a century ago.

- [Watch: a pruning demonstration](https://youtu.be/AbCdEf12345?si=Xy9shareTracker) by Tom Reed
  > Twenty minutes with a ladder and a saw in a cold March orchard.

- [Soil notes for the season](https://soil.example/notes?si=7&page=2) by Lena Frost
  > What the spring samples said about nitrogen in the lower rows.
"""


NOTE = """# Well notes: a clean pump

The village well was cleaned on Tuesday by four volunteers with ropes and buckets.

The old pump was taken apart, oiled and put back together before the evening.

Water from the well is safe to drink again, the council said on Thursday.

The volunteers found two old coins and a rusty key at the bottom, which the village museum
will show in its window next month, and the school wants to write about them.
"""


STEPS = """# Well steps: opening the well house

First the easy part of the morning.

1. Unlock the well house door.
2. Lift the cover off the shaft.

Then a pause while the air clears from the shaft.

3. Lower the bucket on its rope.
4. Log the water level in the book.
"""


# A post as a feed or a minified e-mail sends it: the whole body on one line.
ONE_LINE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Carburettor season'
    '</title><meta name="date" content="2025-05-05"></head><body><article>'
    '<h1>Carburettor season</h1><p>Spring brings the mowers out of the shed, and most of them '
    'will not start on the first pull this year.</p><h2>The fix</h2><p>Three steps clear a '
    'gummed carburettor in under an hour:</p><ol><li>Drain the float bowl.</li><li>Spray the '
    'jets with cleaner.</li><li>Refit the gasket and the bowl.</li></ol><p>Run the engine dry '
    'before you store it for the winter, and the fuel will not gum again.</p><h2>Next week'
    '</h2><p>Sharpening a blade without taking it off the mower deck.</p></article></body>'
    '</html>\n')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("orchard")
    folder = root / "in" / "orchard"
    folder.mkdir(parents=True)
    (folder / "2025-05-02-orchard-letter.md").write_text(LETTER, encoding="utf-8")
    (root / "in" / "well").mkdir()
    (root / "in" / "well" / "2025-05-04-steps.md").write_text(STEPS, encoding="utf-8")
    (root / "in" / "well" / "2025-05-03-well-notes.md").write_text(NOTE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "digest", "build", "-q", "--input", str(root / "in"),
                    "--output", str(root / "out")], check=True, capture_output=True)
    return root / "out"


def page(site: Path, folder: str, about: str = "Orchard") -> BeautifulSoup:
    (path,) = [p for p in (site / folder).glob("*.html") if about in p.read_text(encoding="utf-8")]
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def lines(soup: BeautifulSoup) -> list[str]:
    return [" ".join(t.get_text(" ").split()) for t in soup.select("main p, main li")]


def test_a_list_between_two_paragraphs_stays_between_them(site):
    text = lines(page(site, "issues"))
    ask = next(n for n, t in enumerate(text) if t.endswith("I suggest that you:"))
    assert text[ask + 1:ask + 5] == [
        "Cut the dead wood before the buds open.",
        "Thin the crowded branches in the middle of each tree.",
        "Keep the tools sharp and clean between trees.",
        "Here is why each of these matters for the orchard."]
    assert "Warmly, Mara" not in text  # the letter's sign-off is left out


def test_a_page_written_on_one_line_keeps_its_list_between_its_paragraphs(tmp_path):
    (tmp_path / "in" / "shed").mkdir(parents=True)
    (tmp_path / "in" / "shed" / "carburettor.html").write_text(ONE_LINE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "digest", "build", "-q", "--input",
                    str(tmp_path / "in"), "--output", str(tmp_path / "out")], check=True,
                   capture_output=True)
    text = lines(page(tmp_path / "out", "issues", "Carburettor"))
    ask = next(n for n, t in enumerate(text) if t.startswith("Three steps clear"))
    assert text[ask + 1:ask + 5] == [
        "Drain the float bowl.", "Spray the jets with cleaner.", "Refit the gasket and the bowl.",
        "Run the engine dry before you store it for the winter, and the fuel will not gum again."]


def test_a_numbered_list_parted_by_a_paragraph_keeps_its_numbers(site):
    soup = page(site, "issues", "Well steps")
    lists = [(ol.get("start"), [li.get_text(strip=True) for li in ol.select("li")])
             for ol in soup.select("main ol.items")]
    assert lists == [(None, ["Unlock the well house door.", "Lift the cover off the shaft."]),
                     ("3", ["Lower the bucket on its rope.", "Log the water level in the book."])]
    text = lines(soup)
    assert text.index("Then a pause while the air clears from the shaft.") == \
        text.index("Lift the cover off the shaft.") + 1


def test_a_count_of_plain_bullets_says_items_not_links(site):
    for folder in ("weeks", "."):
        soup = page(site, folder) if folder != "." else BeautifulSoup(
            (site / "index.html").read_text(encoding="utf-8"), "html.parser")
        more = {" ".join(s.h4.get_text(" ").split()) if s.h4 else "(opening)":
                " ".join(s.select_one("p.more").get_text(" ").split())
                for s in soup.select("section.digest-section") if s.select("p.more")}
        assert more == {"Market stalls": "and 6 more items in the issue",
                        "Reading": "and 1 more link in the issue",
                        "(opening)": "and 2 more items in the issue"}  # Well steps, unlabelled


def test_reading_saved_never_says_zero_minutes(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "about 0 min" not in html, path
    shown = []
    for soup in (page(site, "issues", "Well notes"), page(site, "issues")):
        line = " ".join(soup.select_one("p.reading").get_text(" ").split())
        words_in, words_out = (int(n) for n in re.findall(r"(\d+) (?:words in|in the digest)",
                                                          line))
        assert words_in > words_out
        minutes = round((words_in - words_out) / 230)
        said = f"about {minutes} min" if minutes else "under a minute"
        assert line.endswith(f"· {said} of reading saved"), line
        shown.append(said)
    assert shown[0] == "under a minute" and shown[1].startswith("about")


def test_a_titled_item_keeps_its_author_and_link_on_the_week_page(site):
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    for soup in (page(site, "weeks"), BeautifulSoup(feed["items"][0]["content_html"],
                                                     "html.parser")):
        item = next(li for li in soup.select("li") if "Grafting" in li.get_text())
        link = item.find("a", string="Can Grafting Save the Old Pear Trees?")
        assert link and link["href"] == "https://trees.example/grafting"
        assert "by Ines Alder" in " ".join(item.get_text(" ").split())


def test_youtube_share_tracker_is_removed_and_other_sites_si_kept(site):
    hrefs = [a["href"] for a in page(site, "issues").select("main a[href]")]
    assert "https://youtu.be/AbCdEf12345" in hrefs
    assert not [h for h in hrefs if "si=Xy9" in h]
    assert "https://soil.example/notes?page=2&si=7" in hrefs
