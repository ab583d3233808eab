"""The site built from the seeds: its pages, their links, their structure."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest
from test_render_seeds import BASE_URL, page, seed_files, seed_site

WEEKS = ["2021-W52", "2023-W51", "2024-W02", "2024-W05", "2024-W06", "2024-W07", "2024-W08",
         "2024-W10", "2024-W13", "2024-W14"]


def html_pages() -> list[str]:
    return [name for name in seed_files() if name.endswith(".html")]


def test_a_page_per_week_per_issue_and_the_listings():
    files = seed_files()
    assert sorted(n for n in files if n.startswith("weeks/")) == [
        f"weeks/{key.lower()}.html" for key in WEEKS]
    issues = sorted(n for n in files if n.startswith("issues/"))
    assert len(issues) == 10
    assert sum("-china-report-" in n for n in issues) == 9
    assert sum("-protocol-" in n for n in issues) == 1
    for name in ("index.html", "archive.html", "outlets.html", "404.html", "sitemap.xml",
                 "robots.txt", "static/style.css", "static/favicon.svg",
                 "newsletters/china-report.html", "newsletters/protocol.html"):
        assert name in files
    assert "undated.html" not in files  # every seed issue has a date


@pytest.mark.parametrize("name", ["index.html", "archive.html", "weeks/2024-w13.html"])
def test_pages_under_a_project_path_link_relatively_to_files(name):
    for attrs in page(name).all("a") + page(name).all("link"):
        href = attrs.get("href") or ""
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        assert not href.startswith("/"), href
        assert not href.split("#")[0].endswith("/") and href.split("#")[0], href


def test_every_internal_link_resolves_to_a_file_and_its_anchor():
    files = seed_files()
    checked = 0
    for name in html_pages():
        if name == "404.html":
            continue
        for attrs in page(name).all("a") + page(name).all("link"):
            href = attrs.get("href") or ""
            parts = urlsplit(href)
            if parts.scheme:
                assert parts.scheme in ("http", "https", "mailto"), href
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name),
                                                       unquote(parts.path))) if parts.path else name
            assert target in files, f"{name}: {href}"
            if parts.fragment and target.endswith(".html"):
                assert parts.fragment in page(target).ids, f"{name}: {href}"
            checked += 1
    assert checked > 500


def test_issue_pages_anchor_only_the_sentences_and_items_other_pages_link_to():
    targets: dict[str, set[str]] = {}
    for name in html_pages():
        for attrs in page(name).all("a"):
            parts = urlsplit(attrs.get("href") or "")
            if parts.fragment and not parts.scheme:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name),
                                                           unquote(parts.path)))
                targets.setdefault(target, set()).add(parts.fragment)
    issues = [n for n in html_pages() if n.startswith("issues/")]
    anchored = 0
    for name in issues:
        spans = [a for a in page(name).all("span") if a.get("class") == "s"]
        items = [a for a in page(name).all("li") if a.get("id")]
        for attrs in spans + items:
            assert attrs.get("id") in targets.get(name, set()), (name, attrs)
        anchored += len(spans) + len(items)
    assert anchored > 50  # the summaries' sentences and items keep theirs


def test_404_links_are_absolute_from_the_base_url():
    links = [a.get("href") or "" for a in page("404.html").all("a") + page("404.html").all("link")]
    internal = [h for h in links if not h.startswith("#")]
    assert internal and all(h.startswith(BASE_URL) for h in internal)


@pytest.mark.parametrize("name", ["index.html", "archive.html", "outlets.html", "404.html",
                                  "weeks/2021-w52.html", "newsletters/protocol.html",
                                  "issues/2021-12-28-protocol-chinas-7-top-tech-trends-to-watch"
                                  "-in-2022.html"])
def test_pages_are_accessible_and_need_no_scripts(name):
    html = seed_files()[name].decode()
    parsed = page(name)
    assert parsed.all("html")[0].get("lang") == "en"
    assert len(parsed.all("h1")) == 1
    assert parsed.all("main") and parsed.all("nav") and parsed.all("header")
    assert parsed.all("a")[0].get("href") == "#main" and "main" in parsed.ids
    levels = [int(tag[1]) for tag, _ in parsed.tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    assert "<script" not in html and " style=" not in html and "<style" not in html
    csp = [m for m in parsed.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'self'" in (csp[0].get("content") or "")
    rels = {(x.get("rel"), x.get("type")) for x in parsed.all("link")}
    assert ("icon", "image/svg+xml") in rels
    assert ("alternate", "application/rss+xml") in rels
    assert ("alternate", "application/atom+xml") in rels
    assert ("alternate", "application/feed+json") in rels


def test_every_summary_sentence_links_to_the_same_sentence_in_its_issue():
    site = seed_site()
    files = seed_files()
    linked = 0
    for week in site.weeks:
        week_page = page(f"weeks/{week.key.lower()}.html")
        hrefs = [a.get("href") or "" for a in week_page.all("a")]
        for digest in week.issues:
            if digest.issue.duplicate_of is not None:
                continue
            issue_href = next(h for h in hrefs if h.startswith("../issues/")
                              and digest.issue.date.isoformat() in h)
            target = posixpath.normpath(posixpath.join("weeks", issue_href.split("#")[0]))
            assert target in files
            issue_page = page(target)
            for part in digest.sections:
                for sentence in part.sentences:
                    ident = f"s{sentence.section}-{sentence.paragraph}-{sentence.index}"
                    assert f"{issue_href.split('#')[0]}#{ident}" in hrefs
                    assert issue_page.text(ident) == " ".join(sentence.text.split())
                    linked += 1
    assert linked > 40


def test_the_week_page_shows_roundups_outlets_paywalls_and_teaser_authors():
    china = seed_files()["weeks/2024-w13.html"].decode()
    assert "Catch up with China" in china and "Lost in translation" in china
    assert "One more thing" in china
    assert '<span class="outlet">Reuters</span> <span class="paywall"' in china
    assert re.search(r'<span class="outlet">[^<]+</span>\n', china)  # one not paywalled
    # the roundup shows its most central items; the rest are a count linking into the issue
    more = re.search(r'<a href="\.\./(issues/[^"#]+)#(s\d+)">and (\d+) more items?</a> in the '
                     r'issue', china)
    assert more and int(more.group(3)) > 0
    issue = seed_files()[more.group(1)].decode()
    assert f'id="{more.group(2)}"' in issue
    assert '<span class="outlet">BBC</span>\n' in issue  # not paywalled
    assert issue.count('<ul class="items">') == 3  # three items carry sub-items
    protocol = seed_files()["weeks/2021-w52.html"].decode()
    for author in ("Veronica Irwin", "Donna Goodison", "Bennett Richardson", "Kate Kaye"):
        assert f"by {author}" in protocol
    assert "Financial Technology Association" not in protocol  # sponsored: never summarized


def test_a_line_per_week_with_words_and_reading_time():
    week = next(w for w in seed_site().weeks if w.key == "2024-W13")
    digest = week.issues[0]
    html = seed_files()["weeks/2024-w13.html"].decode()
    minutes = round((digest.words_in - digest.words_out) / 230)
    assert (f"1 issue · {digest.words_in:,} words in · {digest.words_out:,} in the digest · "
            f"about {minutes} min of reading saved") in html


def test_the_issue_page_has_the_full_text_with_subheads_sponsor_and_authors():
    name = "issues/2021-12-28-protocol-chinas-7-top-tech-trends-to-watch-in-2022.html"
    html = seed_files()[name].decode()
    parsed = page(name)
    assert len(parsed.all("h3")) == 7  # the lead's subheads
    assert '<span class="label-sponsored">Sponsored</span>' in html
    assert "By Kate Kaye" in html and "By Veronica Irwin" in html
    assert {"s0", "s1", "s2", "s3", "s4", "s5"} <= parsed.ids
    china = seed_files()[next(n for n in seed_files() if "four-things" in n)].decode()
    assert "s1-item-0-0" in china and '<span class="outlet">Billboard</span>' in china


def test_the_archive_lists_weeks_newest_first_by_year_and_the_newsletters():
    html = seed_files()["archive.html"].decode()
    positions = [html.index(f"weeks/{key.lower()}.html") for key in reversed(WEEKS)]
    assert positions == sorted(positions)
    assert [h for h in re.findall(r'<h2 id="y(\d+)">', html)] == ["2024", "2023", "2021"]
    assert "newsletters/china-report.html" in html and "newsletters/protocol.html" in html


def test_the_newsletter_page_lists_its_issues_newest_first():
    html = seed_files()["newsletters/china-report.html"].decode()
    dates = re.findall(r'<time datetime="([\d-]+)">', html)
    assert len(dates) == 9 and dates == sorted(dates, reverse=True)


def _table(html: str) -> dict[str, tuple[int, int, int]]:
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="num">(\d+)</td>'
                      r'<td class="num">(\d+)</td><td class="num">(\d+)%</td></tr>', html)
    return {name: (int(s), int(p), int(share)) for name, s, p, share in rows}


def _cited(digests) -> dict[str, list[bool]]:
    found: dict[str, list[bool]] = {}

    def walk(items):
        for item in items:
            if item.outlet:
                found.setdefault(item.outlet, []).append(item.paywalled)
            walk(item.sub_items)

    for digest in digests:
        if digest.issue.duplicate_of is None:
            for section in digest.issue.sections:
                walk(section.items)
    return found


def test_the_outlets_page_counts_stories_and_paywalls_per_week_and_overall():
    html = seed_files()["outlets.html"].decode()
    tables = html.split("<table>")[1:]
    assert len(tables) == 1 + 9  # overall, then each China Report week, newest first
    every = [d for w in seed_site().weeks for d in w.issues]
    expected = _cited(every)
    overall = _table(tables[0].split("<tfoot>")[0])
    assert set(overall) == set(expected)
    for name, flags in expected.items():
        assert overall[name][:2] == (len(flags), sum(flags))
    assert overall["Reuters"][0] == overall["Reuters"][1] >= 8  # Reuters is always “$”
    assert overall["MIT Technology Review"][1] < overall["MIT Technology Review"][0]
    counts = [v[0] for v in overall.values()]
    assert counts == sorted(counts, reverse=True)
    latest = _table(tables[1].split("<tfoot>")[0])
    assert {k: v[:2] for k, v in latest.items()} == {
        k: (len(f), sum(f)) for k, f in _cited(seed_site().weeks[0].issues).items()}
    assert "Stories cited in Week 13, 2024, by outlet" in html


def test_home_is_the_latest_week():
    home = seed_files()["index.html"].decode()
    assert "<h1>Week 14, 2024</h1>" in home
    assert "Threads is giving Taiwanese users" in home


def test_sitemap_and_robots_use_absolute_urls():
    sitemap = seed_files()["sitemap.xml"].decode()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(html_pages()) - 1  # all but 404.html
    assert all(loc.startswith(BASE_URL) for loc in locs)
    assert f"Sitemap: {BASE_URL}sitemap.xml" in seed_files()["robots.txt"].decode()


def test_static_files_are_copied_and_hold_no_external_resources():
    css = seed_files()["static/style.css"].decode()
    assert "prefers-color-scheme: dark" in css and "@media print" in css
    assert "@import" not in css and "url(" not in css
    assert seed_files()["static/favicon.svg"].startswith(b"<svg")
