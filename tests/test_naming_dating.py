"""Names and dates by convention, for files dropped into a folder with no profile: through
`digest inspect --json`, and the "around" a built site shows for an approximate date."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_digest

from digest.ingest import read_file
from digest.segment import load_profiles, segment_document

ISSUE_BODY = ("Welcome to another issue!\n\n## Featured\n\n"
              "- [A post](https://example.org/a) by Ann\n")


def inspect(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", str(path)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["files"][0]["issues"][0]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def facts(issue: dict) -> tuple:
    return (issue["publication"], issue["title"], issue["date"], issue["date_approximate"],
            issue["date_source"])


def test_folder_names_the_newsletter_and_file_number_titles_the_issue(tmp_path):
    issue = inspect(write(tmp_path / "rock-garden-weekly" / "issue-538.markdown", ISSUE_BODY))
    assert facts(issue) == ("Rock Garden Weekly", "Rock Garden Weekly — Issue 538", None, False,
                            None)


def test_metadata_dates_beat_everything_and_say_so(tmp_path):
    path = write(tmp_path / "rock-garden-weekly" / "issue-538.markdown", ISSUE_BODY)
    write(path.parent / "metadata.toml", '["issue-538.markdown"]\ndate = 2026-08-20\n')
    assert facts(inspect(path)) == ("Rock Garden Weekly", "Rock Garden Weekly — Issue 538",
                                    "2026-08-20", False, "metadata")


def test_dates_in_file_names(tmp_path):
    cases = {
        "2026-02-february.md": ("2026-02-01", True),
        "2025-05-21-notes.md": ("2025-05-21", False),
        "2025.05.21.md": ("2025-05-21", False),
        "20250521.md": ("2025-05-21", False),
        "2025-march.md": ("2025-03-01", True),
    }
    for name, (date, approximate) in cases.items():
        issue = inspect(write(tmp_path / "monthly" / name, "# A month of links\n\nText.\n"))
        assert (issue["date"], issue["date_approximate"], issue["date_source"]) == \
            (date, approximate, "file name"), name
        assert issue["title"] == "A month of links" and issue["publication"] == "Monthly"
    untitled = inspect(write(tmp_path / "monthly" / "2026-02-february.md",
                             "I wrote a lot this month, about gardens.\n\n## Seeds\n\nText.\n"))
    assert untitled["title"] == "Monthly — February 2026"  # its month, not "2026-02-01"


def test_dates_in_folder_names_and_untitled_issues_titled_by_date(tmp_path):
    issue = inspect(write(tmp_path / "2025" / "05" / "21" / "post.txt",
                          "The tomatoes are finally red, all of them at once.\n"))
    assert facts(issue) == ("Newsletter", "Newsletter — 2025-05-21", "2025-05-21", False,
                            "file name")


def test_the_file_itself_beats_its_name(tmp_path):
    path = write(tmp_path / "digest" / "2020-01-01-36_moments.md",
                 '---\ntitle: "#36. A few moments"\ndate: 2024-06-24\n---\n\nText.\n')
    assert facts(inspect(path)) == ("Digest", "#36. A few moments", "2024-06-24", False,
                                    "front matter")
    page = write(tmp_path / "site" / "2020-01-01.html",
                 '<html><head><meta property="og:site_name" content="Garden Post">'
                 '<meta name="dcterms.created" content="2024-03-02"></head>'
                 "<body><h1>Seed swaps</h1><p>Bring labelled packets.</p></body></html>")
    assert facts(inspect(page)) == ("Garden Post", "Seed swaps", "2024-03-02", False, "html")


def test_from_name_beats_site_name_and_metadata_beats_both(tmp_path):
    mail = write(tmp_path / "inbox" / "2020-01-01.eml",
                 "From: Bee Notes <bees@example.org>\nSubject: Swarm season\n"
                 "Date: Thu, 01 May 2025 10:00:00 +0000\nContent-Type: text/html\n\n"
                 '<html><head><meta property="og:site_name" content="Apiary Site"></head>'
                 "<body><p>Three swarms this week.</p></body></html>")
    assert facts(inspect(mail)) == ("Bee Notes", "Swarm season", "2025-05-01", False, "header")
    write(mail.parent / "metadata.toml", '["2020-01-01.eml"]\npublication = "The Bee Letter"\n')
    assert inspect(mail)["publication"] == "The Bee Letter"


@pytest.mark.parametrize("list_id, subject, publication", [
    ("Side B <sideb.mailer.example>", "Side B #112: five albums", "Side B"),
    ("Side B <sideb.mailer.example>", "Five albums for a grey week", "Teo Brannigan"),
    ("3f8c2a1b9d6e7f0amc list <3f8c2a1b9d6e7f0a.list-id.mcsv.example>", "3f8c2a1b9d6e7f0amc "
     "list: albums", "Teo Brannigan"),  # a platform's list number, never a name
])
def test_a_person_sending_a_named_list_is_its_author_when_the_subject_names_it(
        tmp_path, list_id, subject, publication):
    mail = write(tmp_path / "inbox" / "112.eml",
                 f"From: Teo Brannigan <sideb@mailer.example>\nList-Id: {list_id}\n"
                 f"Subject: {subject}\nDate: Sat, 14 Mar 2026 10:15:00 +0000\n"
                 "Content-Type: text/plain\n\nFive records this week, all of them quiet.\n")
    issue = inspect(mail)
    assert issue["publication"] == publication
    assert issue["author"] in ("Teo Brannigan", None)


@pytest.mark.parametrize("sender, folder, publication, author", [
    ("Maren at The Weeknight Skillet", "weeknight-skillet", "The Weeknight Skillet", "Maren"),
    ("Jonah from FareFlash", "fareflash", "FareFlash", "Jonah"),
    ("Letters from Lisbon", "letters-from-lisbon", "Letters from Lisbon", None),
    ("Jonah from FareFlash", "inbox", "Jonah from FareFlash", None),
])
def test_a_sender_name_joining_a_person_and_the_newsletter_its_folder_names_is_read_as_both(
        tmp_path, sender, folder, publication, author):
    """"Maren at The Weeknight Skillet" in `weeknight-skillet/`: the newsletter and its
    author, not a newsletter named so; a name the folder does not confirm stays whole."""
    mail = write(tmp_path / folder / "2026-03-04.eml",
                 f"From: {sender} <hello@mailer.example>\nSubject: Crispy lentils\n"
                 "Date: Wed, 4 Mar 2026 10:15:00 +0000\nContent-Type: text/plain\n\n"
                 "A twenty-minute dal with crispy lentils on top.\n")
    issue = inspect(mail)
    assert (issue["publication"], issue["author"]) == (publication, author)


@pytest.mark.parametrize("headers, publication", [
    ("From: Giulia Ferraro <cucina@mailer.example>\nList-Id: Cucina di Casa <cucina.example>\n"
     "Subject: Pasta e ceci\n", "Cucina di Casa"),
    ("From: Owen Halden at Halden & Price <pulse@mailer.example>\n"
     "Subject: Cucina di Casa: January 2026\n", "Cucina di Casa"),
    ("From: Giulia Ferraro <cucina@mailer.example>\nSubject: Pasta e ceci\n", "Giulia Ferraro"),
    # a list's label names no newsletter: read as words, and never over a name in another
    # script, nor over the sender's own name when that is the folder's
    ("From: Giulia Ferraro <cucina@mailer.example>\nList-Id: cucina-di-casa <cucina.example>\n"
     "Subject: Pasta e ceci\n", "Cucina Di Casa"),
    ("From: =?utf-8?b?0JrRg9GF0L3RjyDQstC00L7QvNCw?= <kuhnia@mailer.example>\n"
     "List-Id: cucina-di-casa <cucina.example>\nSubject: Pasta e ceci\n", "Кухня вдома"),
    ("From: Cucina di Casa <cucina@mailer.example>\nList-Id: cucina-di-casa <cucina.example>\n"
     "Subject: Pasta e ceci\n", "Cucina di Casa"),
])
def test_the_list_or_subject_naming_the_folder_names_the_newsletter_a_person_sends(
        tmp_path, headers, publication):
    """A person sends the newsletter the folder is named after: the List-Id's name, or the
    subject's opening words, when they are the folder's, name it ("Giulia Ferraro" was the
    newsletter of `cucina-di-casa/`)."""
    mail = write(tmp_path / "cucina-di-casa" / "2026-03-03.eml",
                 f"{headers}Date: Tue, 3 Mar 2026 10:15:00 +0000\nContent-Type: text/plain\n\n"
                 "Oggi pasta e ceci, come la faceva mia nonna il martedì.\n")
    assert inspect(mail)["publication"] == publication


@pytest.mark.parametrize("folder, headers, publication, author", [
    # a person posts to a list whose List-Id gives only its label, the folder's name
    ("quillmere-notices", "From: Oriel Vance <oriel@quillmere.example>\n"
     "List-Id: <quillmere-notices.lists.example.org>\nSubject: [NOTICE] Quillmere 2.1\n",
     "Quillmere Notices", "Oriel Vance"),
    # the subject's opening words are the folder's, a number after them
    ("late-lamps", "From: Ada Rusk <ada@latelamps.example>\nSubject: Late Lamps No. 7\n",
     "Late Lamps", "Ada Rusk"),
    # the sender's name holds the List-Id's name among more words
    ("inbox", "From: Equipe da Folha Serena <folha@serena.example>\n"
     "List-Id: Folha Serena <folha.lists.serena.example>\nSubject: Chuva em abril\n",
     "Folha Serena", "Equipe da Folha Serena"),
    # no sender's name, a List-Id that describes the list: the subject names it, no author
    ("bee-notes", "From: bees@lists.example.org\n"
     "List-Id: Notes about our bees <bees.lists.example.org>\nSubject: Bee Notes No. 4\n",
     "Bee Notes", None),
])
def test_the_list_or_subject_names_the_newsletter_over_whoever_sends_it(
        tmp_path, folder, headers, publication, author):
    """A person's name was the newsletter when the List-Id gave only the label of the list the
    folder is named after, when the subject's words naming the folder ran on into a number,
    and when a team's name held the List-Id's."""
    mail = write(tmp_path / folder / "2026-04-01.eml",
                 f"{headers}Date: Wed, 1 Apr 2026 08:00:00 +0000\nContent-Type: text/plain\n\n"
                 "Two short notes this week, and a longer one about the lamps on the quay.\n")
    issue = inspect(mail)
    assert (issue["publication"], issue["author"]) == (publication, author)


@pytest.mark.parametrize("body, publication, author", [
    ("The Tidewater developer relations newsletter\n\nThree meetups this month.\n",
     "Tidewater", "Camila"),
    ("Three meetups this month, and a workshop in Seoul.\n", "Camila at Tidewater", None),
])
def test_a_first_name_at_a_brand_the_masthead_writes_is_author_and_newsletter(
        tmp_path, body, publication, author):
    """"Camila at Tidewater" over "The Tidewater developer relations newsletter": the brand is
    the newsletter, whatever the folder is called; unwritten, the name stays whole."""
    mail = write(tmp_path / "inbox" / "2026-04-08.eml",
                 "From: Camila at Tidewater <devrel@tidewater.example>\nSubject: Dev Dispatch\n"
                 "Date: Wed, 8 Apr 2026 10:15:00 +0000\nContent-Type: text/plain\n\n" + body)
    issue = inspect(mail)
    assert (issue["publication"], issue["author"]) == (publication, author)


def test_a_file_name_word_never_names_the_newsletter(tmp_path):
    issue = inspect(write(tmp_path / "7" / "february-newsletter-issue.md", "Just text.\n"))
    assert issue["publication"] == "Newsletter"


def test_the_site_says_around_for_a_date_from_a_month(tmp_path):
    write(tmp_path / "seeds" / "garden-monthly" / "2026-02-february.md",
          "# Digest: February\n\nThe snowdrops came up early this year, before the crocuses.\n")
    write(tmp_path / "seeds" / "loose.md", "A note with no name at all, in the input folder.\n")
    run_digest("build", "-q", cwd=tmp_path)
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "output").rglob("*.html"))
    assert "around 1 February 2026" in pages
    assert "Garden Monthly" in pages and "Seeds" not in pages and "Loose" not in pages


def test_metadata_names_every_file_of_its_folder_at_once(tmp_path):
    folder = tmp_path / "dd-digest"
    write(folder / "metadata.toml", 'publication = "DD or DIE: Digest"\n\n'
          '["2024-06-24-36_Later.md"]\npublication = "One Issue Apart"\n')
    first = inspect(write(folder / "2024-03-06-35_Sooner.md", "---\ntitle: \"#35. Sooner\"\n"
                          "---\n\nA short note on the week.\n"))
    second = inspect(write(folder / "2024-06-24-36_Later.md", "A short note on the week.\n"))
    assert (first["publication"], first["title"]) == ("DD or DIE: Digest", "#35. Sooner")
    assert second["publication"] == "One Issue Apart"  # the file's own entry wins


def test_a_site_generators_posts_folder_is_passed_over_for_the_newsletters(tmp_path):
    post = write(tmp_path / "garden-notes" / "_posts" / "2026-02-03-frost.md",
                 "The first frost came late this year and took the dahlias.\n")
    assert inspect(post)["publication"] == "Garden Notes"
    write(tmp_path / "seeds" / "pond-notes" / "_posts" / "2026" / "2026-02-03-ice.md",
          "# Ice on the pond\n\nThe pond froze over on Tuesday, the first time in years.\n")
    run_digest("build", "-q", cwd=tmp_path)
    pages = (tmp_path / "output" / "archive.html").read_text(encoding="utf-8")
    assert "Pond Notes" in pages and "Posts" not in pages


def test_a_heading_at_the_top_that_is_the_pages_title_and_its_month_titles_the_issue(tmp_path):
    body = ("<p>Hello all,</p><p>The committee met on Tuesday and agreed to raise the rent "
            "by two pounds a year.</p><h2>Work day</h2><p>Our winter work day is on Saturday "
            "6 December; bring gloves.</p>")
    page = write(tmp_path / "allotments" / "2026-11-25.html",
                 "<html><head><title>Allotment Bulletin</title></head><body>"
                 "<h2>Allotment Bulletin: November</h2>" + body + "</body></html>")
    issue = inspect(page)
    assert issue["title"] == "Allotment Bulletin: November"
    assert [s["heading"] for s in issue["sections"]] == [None, "Work day"]
    other = write(tmp_path / "allotments" / "2026-11-26.html",
                  "<html><head><title>Allotment Bulletin</title></head><body>"
                  "<h2>Allotment Bulletin readers won the county show</h2>" + body +
                  "</body></html>")
    assert inspect(other)["title"] == "Allotment Bulletin"


def test_a_subject_that_says_more_than_the_heading_at_the_top_titles_the_issue(tmp_path):
    """"HARBOUR NOTES #41" over the text of a mail whose subject goes on after a colon: the
    subject titles it; a page title that only adds the site's name after a bar does not."""
    text = ("HARBOUR NOTES #41\n=================\n\nHello again. The new breakwater opened "
            "this week after four years of work.\n\nFERRY TIMETABLE\n---------------\n\n"
            "From Monday the morning ferry leaves at 6:40 instead of 7:10.\n")
    mail = write(tmp_path / "harbour" / "41.eml",
                 "From: Harbour Notes <news@harbour.example>\nSubject: Harbour Notes #41: The "
                 "new breakwater opens\nDate: Mon, 9 Nov 2026 07:00:00 +0000\n"
                 "Content-Type: text/plain; charset=utf-8\n\n" + text)
    issue = inspect(mail)
    assert issue["title"] == "Harbour Notes #41: The new breakwater opens"
    assert [s["heading"] for s in issue["sections"]] == [None, "FERRY TIMETABLE"]
    page = write(tmp_path / "harbour" / "2026-11-16.html",
                 "<html><head><title>Harbour Notes #42 | harbour.example</title></head><body>"
                 "<h1>Harbour Notes #42</h1><p>The ferry runs again after the storm.</p>"
                 "</body></html>")
    assert inspect(page)["title"] == "Harbour Notes #42"


def test_a_subject_adding_the_month_after_a_bar_titles_a_monthly_issue(tmp_path):
    """Every monthly mail's heading reads "The Quay Dispatch"; the subject's "| April 2026"
    tells the issues apart on the newsletter's page."""
    mail = write(tmp_path / "quay" / "april.eml",
                 "From: Quay Freight <news@quay.example>\nSubject: The Quay Dispatch | April "
                 "2026\nDate: Tue, 14 Apr 2026 09:00:00 +0000\nContent-Type: text/html; "
                 "charset=utf-8\n\n<html><body><h1>The Quay Dispatch</h1><p>Hi Sam,</p><p>Our "
                 "new cold store opened on the east quay this month, with room for forty "
                 "containers.</p><h2>Customs</h2><p>New forms apply from May; our brokers will "
                 "fill them in for you.</p></body></html>")
    issue = inspect(mail)
    assert issue["title"] == "The Quay Dispatch | April 2026"
    assert "The Quay Dispatch" not in json.dumps(issue["sections"])


def test_a_first_line_that_is_the_subject_set_otherwise_is_no_text(tmp_path):
    """"BUURTNIEUWS OOST - week 47" over a mail whose subject is "Buurtnieuws Oost week 47":
    the same words, case and punctuation aside, title the issue once."""
    mail = write(tmp_path / "oost" / "47.eml",
                 "From: Buurtnieuws Oost <r@buurt.example>\nSubject: Buurtnieuws Oost week 47\n"
                 "Date: Fri, 20 Nov 2026 17:00:00 +0100\n"
                 "Content-Type: text/plain; charset=utf-8\n\nBUURTNIEUWS OOST - week 47\n\n"
                 "Deze week: de nieuwe speeltuin en een wijziging in het afvalrooster.\n\n"
                 "*** SPEELTUIN ***\n\nDe speeltuin aan de Lindenlaan is vernieuwd.\n")
    issue = inspect(mail)
    assert issue["title"] == "Buurtnieuws Oost week 47"
    assert [p["text"] for p in issue["sections"][0]["paragraphs"]] == [
        "Deze week: de nieuwe speeltuin en een wijziging in het afvalrooster."]


POST = """---
title: "Bread that keeps"
{date_key}: 2026-02-17
categories: newsletter food
tags: [baking, storage]
---

# Bread that keeps

A loaf baked with a little fat in the dough stays soft for three days instead of one.
"""


@pytest.mark.parametrize("date_key", ["date", "pubDate", "publishDate", "published_at",
                                      "created"])
def test_a_posts_categories_never_rename_its_newsletter_and_its_date_key_is_read(
        tmp_path, date_key):
    post = tmp_path / "kitchen-science" / "bread.md"
    post.parent.mkdir()
    post.write_text(POST.format(date_key=date_key), encoding="utf-8")
    profiles = load_profiles()
    (issue,), _ = segment_document(read_file(post, root=tmp_path), *profiles)
    assert (issue.publication, issue.date) == ("Kitchen Science", dt.date(2026, 2, 17))


def test_a_markdown_export_with_subject_and_date_lines_is_markdown_not_mail(tmp_path):
    export = tmp_path / "slow-web" / "23.md"
    export.parent.mkdir()
    export.write_text("Subject: The Slow Web, No. 23\nDate: 2026-02-17\n\nHi everyone,\n\n"
                      "### [Boring software is a feature](https://example.com/boring)\n\n"
                      "A long look at why teams that pick dull tools ship more.\n",
                      encoding="utf-8")
    (issue,), _ = segment_document(read_file(export, root=tmp_path), *load_profiles())
    assert (issue.format, issue.title, issue.date) == (
        "markdown", "The Slow Web, No. 23", dt.date(2026, 2, 17))
    assert [(s.heading, s.link) for s in issue.sections][-1] == (
        "Boring software is a feature", "https://example.com/boring")
    saved = tmp_path / "slow-web" / "24.md"  # a message saved as .md is still a message
    saved.write_text("From: The Slow Web <hi@slow.example>\nSubject: The Slow Web, No. 24\n"
                     "Date: Tue, 03 Mar 2026 08:00:00 +0000\n\nHello again.\n", encoding="utf-8")
    (issue,), _ = segment_document(read_file(saved, root=tmp_path), *load_profiles())
    assert issue.format == "email"


@pytest.mark.parametrize("date", ["Fri, 16 Oct 2099 09:00:00 +0000",
                                  "Thu, 01 Jan 1970 00:00:00 +0000"])
def test_a_date_that_cannot_be_right_is_said_and_the_issue_built_as_undated(date, tmp_path):
    """A sender's clock at 0 or a year typed wrong would put the issue at the top (or bottom)
    of every feed and page for decades."""
    mail = write(tmp_path / "circuits" / "9.eml",
                 "From: Quiet Circuits <news@circuits.example>\nSubject: Quiet Circuits 9\n"
                 f"Date: {date}\nContent-Type: text/plain; charset=utf-8\n\n"
                 "This week: jam jars as enclosures for small radios.\n")
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", str(mail)],
                          capture_output=True, text=True, check=True)
    issue = json.loads(done.stdout)["files"][0]["issues"][0]
    assert issue["date"] is None
    assert "cannot be right" in done.stderr and "built as undated" in done.stderr


def test_a_site_generators_posts_folder_inside_the_newsletters_names_nothing(tmp_path):
    """`sediment-group/posts/…md` (MkDocs' blog, Hugo's `content/posts/`): the newsletter is
    the folder above; a newsletter's own folder named "posts" still names it."""
    from digest.ingest.metadata import folder_name

    root = tmp_path / "seeds"
    for path in (root / "sediment-group" / "posts" / "2026-03-05.md",
                 root / "devrel-dispatch" / "content" / "posts" / "87.md",
                 root / "posts" / "12.md"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Update\n\nNews.\n")
    assert folder_name(root / "sediment-group" / "posts" / "2026-03-05.md", root) == \
        "sediment-group"
    assert folder_name(root / "devrel-dispatch" / "content" / "posts" / "87.md", root) == \
        "devrel-dispatch"
    assert folder_name(root / "posts" / "12.md", root) == "posts"


def test_an_issue_dated_days_ahead_is_built_in_its_week_and_said(tmp_path):
    """A post scheduled ahead (a feed's item dated next fortnight) would open the site on a
    week to come: the build says so."""
    import datetime as dt

    ahead = dt.date.today() + dt.timedelta(days=16)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    for name, day in (("ahead.md", ahead), ("tomorrow.md", tomorrow)):
        write(tmp_path / "gift-guide" / name, f"---\ntitle: Guide {name}\ndate: "
              f"{day.isoformat()}\n---\n\nA gift guide for people who own a multimeter.\n")
    done = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json",
                           str(tmp_path / "gift-guide")], capture_output=True, text=True,
                          check=True)
    dates = {i["title"]: i["date"] for f in json.loads(done.stdout)["files"] for i in f["issues"]}
    assert dates == {"Guide ahead.md": ahead.isoformat(), "Guide tomorrow.md": tomorrow.isoformat()}
    said = [line for line in done.stderr.splitlines() if "ahead of today" in line]
    assert len(said) == 1 and "ahead.md" in said[0]


@pytest.mark.parametrize("meta", ["Saturday, 14 March 2026 · 6 min read",
                                  "6 min read · Mar 14, 2026"])
def test_a_post_dated_on_its_reading_time_line_takes_that_date(tmp_path, meta):
    """A post's meta line under its title gives its date beside its reading time: the line
    is furniture, its date is the issue's."""
    path = write(tmp_path / "slow-post" / "council.md",
                 f"# The Slow Post\n\n{meta}\n\nThe council agreed the budget on Tuesday after"
                 " a long debate about the libraries.\n")
    (issue,), _ = segment_document(read_file(path), *load_profiles())
    assert issue.date == dt.date(2026, 3, 14)
    assert meta in [d.text for d in issue.dropped]
