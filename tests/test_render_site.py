"""render_site as a function: deterministic, pure, careful with duplicates and undated issues."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re

from test_render_seeds import CONFIG, seed_digests, seed_files, seed_site

from digest.config import FeedConfig
from digest.model import Issue, Site
from digest.render import default_templates, render_site
from digest.render.urls import Paths, relative, slugify
from digest.summarize import SummaryConfig, summarize_issue
from digest.weeks import group_by_week


def test_two_renders_are_byte_identical(tmp_path):
    first = render_site(seed_site(), CONFIG, FeedConfig())
    second = render_site(seed_site(), CONFIG, FeedConfig())
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], name
    assert first == seed_files()
    assert not list(tmp_path.iterdir())  # nothing written anywhere


def test_input_order_does_not_change_the_output():
    digests = seed_digests()
    site = group_by_week(list(reversed(digests)))
    for week in site.weeks:
        week.issues.reverse()
    assert render_site(site, CONFIG, FeedConfig()) == seed_files()


def test_duplicates_never_get_pages_even_if_the_build_left_them_in():
    site = seed_site()
    duplicates = [d for w in site.weeks for d in w.issues if d.issue.duplicate_of is not None]
    assert duplicates  # group_by_week keeps them; the renderer must skip them
    files = seed_files()
    assert sum(n.startswith("issues/") for n in files) == 10
    assert sum("silicon-valley-of" in n for n in files) == 1
    only_duplicate = Site(weeks=[dataclasses.replace(site.weeks[0], issues=[
        dataclasses.replace(site.weeks[0].issues[0],
                            issue=dataclasses.replace(site.weeks[0].issues[0].issue,
                                                      duplicate_of=0))])])
    files = render_site(only_duplicate, CONFIG, FeedConfig())
    assert not [n for n in files if n.startswith(("weeks/", "issues/"))]
    assert "index.html" in files and "feed.xml" in files


def test_undated_issues_get_their_own_page_and_issue_pages():
    digests = [d for d in seed_digests() if d.issue.duplicate_of is None]
    undated = [dataclasses.replace(d, issue=dataclasses.replace(d.issue, date=None))
               for d in digests[:2]]
    files = render_site(group_by_week(digests[2:] + undated), CONFIG, FeedConfig())
    listing = files["undated.html"].decode()
    for digest in undated:
        assert digest.issue.title in listing
    undated_pages = [n for n in files if n.startswith("issues/undated-")]
    assert len(undated_pages) == 2
    assert all(f'href="{n}"' in listing for n in undated_pages)
    assert 'href="undated.html"' in files["archive.html"].decode()
    assert len([n for n in files if n.startswith("weeks/")]) == 8


def test_only_undated_issues_still_make_a_site():
    digest = copy.deepcopy(seed_digests()[0])
    digest.issue.date = None
    files = render_site(group_by_week([digest]), CONFIG, FeedConfig())
    assert "undated.html" in files and "No dated issues yet" in files["index.html"].decode()
    assert any(n.startswith("issues/undated-") for n in files)


def test_slugs_are_ascii_lowercase_never_empty_and_cut():
    assert slugify("Ça va? Déjà-vu — «Ünïcode»!") == "ca-va-deja-vu-unicode"
    assert slugify("中文标题") == "zhongwenbiaoti" and slugify("Новости") == "novosti"
    assert slugify("Weekly changes 2–8 March 2026") == "weekly-changes-2-8-march-2026"
    assert slugify("🎉 — ★") == "x" and slugify("", "issue") == "issue"
    long = slugify("word " * 40)
    assert len(long) <= 80 and not long.endswith("-")
    for text in ("A  B", "--a--", "<script>", "x" * 200, "émoji 🎉 party"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(text)), text


def test_issue_slugs_are_unique_in_a_stable_order():
    base = Issue("a.txt", 0, "text", "Pub", "Same title", 1, 2, date=dt.date(2024, 1, 1))
    issues = [dataclasses.replace(base, source=s, index=i)
              for s, i in (("b.txt", 0), ("a.txt", 1), ("a.txt", 0))]
    digests = [summarize_issue(i, SummaryConfig()) for i in issues]
    paths = Paths(digests)
    assert [paths.issue(i) for i in issues] == [
        "issues/2024-01-01-pub-same-title-3.html", "issues/2024-01-01-pub-same-title-2.html",
        "issues/2024-01-01-pub-same-title.html"]
    assert [Paths(digests[::-1]).issue(i) for i in issues] == [paths.issue(i) for i in issues]


def test_relative_links_from_any_depth():
    assert relative("index.html")("weeks/2024-w14.html") == "weeks/2024-w14.html"
    assert relative("weeks/2024-w14.html")("issues/x.html#s0-1-2") == "../issues/x.html#s0-1-2"
    assert relative("weeks/2024-w14.html")("weeks/2024-w13.html") == "2024-w13.html"
    assert relative("issues/x.html")("#top") == "x.html#top"


def test_templates_can_be_replaced(tmp_path):
    folder = tmp_path / "templates"
    (folder / "static").mkdir(parents=True)
    (folder / "404.html").write_text("<p>gone</p>\n", encoding="utf-8")
    (folder / "static" / "extra.css").write_text("p {}\n", encoding="utf-8")
    files = render_site(seed_site(), CONFIG, FeedConfig(), folder)
    assert files["404.html"] == b"<p>gone</p>\n"
    assert files["static/extra.css"] == b"p {}\n"
    assert files["static/style.css"] == (default_templates() / "static" / "style.css").read_bytes()
    assert files["index.html"] == seed_files()["index.html"]  # the rest from the defaults
