"""End-to-end in real Chromium: the built seeds, served under a subpath as GitHub Pages would
serve a project site, and opened from disk (file://)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _tools import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    build_seeds,
    chromium,
    import_or_require,
    pages_server,
    require,
)
from conftest import run_digest

SHOTS = ARTIFACTS / "screenshots"
SENTENCE_LINK = "a.sentence[href*='issues/'][href*='#s']"
MISSING = "no-such-page.html"


@dataclass
class Site:
    folder: Path
    base: str  # the URL the folder is served at, ending in /

    def url(self, origin: str, page: str) -> str:
        return self.base + page if origin == "http" else (self.folder / page).as_uri()

    def page_types(self) -> dict[str, str]:
        """One output page of each kind, by name."""
        def first(pattern: str) -> str:
            return min(p.relative_to(self.folder).as_posix() for p in self.folder.glob(pattern))
        return {"home": "index.html", "week": first("weeks/*.html"),
                "issue": first("issues/*.html"), "archive": "archive.html",
                "newsletter": first("newsletters/*.html"), "outlets": "outlets.html",
                "undated": "undated.html", "404": MISSING,
                "issue-table": first("issues/*a-note-with-no-date*.html")}


@pytest.fixture(scope="module")
def site(seed_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A fresh build of the seeds (plus an undated issue), served at
    http://127.0.0.1:<free port>/digest/ and built with that base URL."""
    project = tmp_path_factory.mktemp("pages-project")
    with pages_server(project / "output") as base:
        build_seeds(project, seed_project, "--base-url", base)
        yield Site(project / "output", base)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium()
    require(executable, "Chromium not found (apt-get install chromium)")
    import_or_require("playwright", "browser tests")
    sync_api = importlib.import_module("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A page that records console errors, uncaught exceptions and failed requests."""

    def __init__(self, browser, width: int = 1280) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.expected_404: str | None = None
        page = self.page
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text} ({m.location.get('url')})"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(
            f"request failed: {r.url} ({r.failure})"))
        page.on("response", self._response)

    def _response(self, response) -> None:
        if response.status >= 400 and response.url != self.expected_404:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, url: str) -> object:
        """Go to `url` and wait until the page has stopped loading (favicon included)."""
        if url.endswith(MISSING):  # the 404 page, as the server gives it for a missing URL
            self.expected_404 = url
            response = self.page.goto(url, wait_until="networkidle")
            assert response is None or response.status == 404
            self.problems = [p for p in self.problems if "status of 404" not in p]
        else:
            self.page.goto(url, wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    opened = Tab(browser)
    yield opened
    opened.close()
    assert not opened.problems, "\n".join(opened.problems)


def click(page, selector: str) -> str:
    """Click the first link matching `selector`; the page it leads to, relative to the site."""
    link = page.locator(selector).first
    target = link.get_attribute("href")
    with page.expect_navigation(wait_until="networkidle"):
        link.click()
    return target


def week_shown(page) -> tuple[str, list[str]]:
    """The week a digest page shows: its heading and the issues it links to, in order."""
    issues = page.eval_on_selector_all("main a[href*='issues/']",
                                       "links => links.map(a => a.href.split('#')[0])")
    return page.locator("h1").inner_text(), list(dict.fromkeys(issues))


def latest_week(site: Site) -> str:
    return max(p.name for p in (site.folder / "weeks").glob("*.html"))


@pytest.mark.parametrize("origin", ["http", "file"])
def test_home_shows_the_latest_week_and_leads_everywhere(site: Site, tab: Tab,
                                                         origin: str) -> None:
    latest = week_shown(tab.open(site.url(origin, f"weeks/{latest_week(site)}")))
    assert latest[1], "the latest week links to no issue"
    home = site.url(origin, "index.html")
    for selector, lands_on in [("main h3 a[href^='issues/']", r"/issues/[^/]+\.html$"),
                               ("a[href='archive.html']", r"/archive\.html$"),
                               ("a[href^='newsletters/'][href$='.html']",
                                r"/newsletters/[^/]+\.html$"),
                               ("a[href='outlets.html']", r"/outlets\.html$")]:
        page = tab.open(home)
        assert week_shown(page) == latest
        click(page, selector)
        assert re.search(lands_on, page.url), (selector, page.url)
        assert page.locator("h1").count() == 1 and page.locator("h1").inner_text().strip()


HIGHLIGHT = """() => {
  const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return {found: false};
  const box = el.getBoundingClientRect();
  const paint = e => getComputedStyle(e).backgroundColor + getComputedStyle(e).backgroundImage;
  const other = el.previousElementSibling || el.nextElementSibling || el.parentElement;
  return {found: true, target: el.matches(':target'), top: box.top, bottom: box.bottom,
          height: innerHeight, own: paint(el), neighbour: paint(other)};
}"""


@pytest.mark.parametrize("origin", ["http", "file"])
def test_a_summary_sentence_lands_on_its_highlighted_source(site: Site, tab: Tab,
                                                            origin: str) -> None:
    page = tab.open(site.url(origin, "index.html"))
    href = click(page, SENTENCE_LINK)
    fragment = href.split("#", 1)[1]
    assert re.fullmatch(r"s\d+-\d+-\d+", fragment), href
    assert page.url.endswith(href.split("/", 1)[1]), (page.url, href)
    page.wait_for_timeout(300)  # let any :target transition finish
    state = page.evaluate(HIGHLIGHT)
    assert state["found"] and state["target"], state
    assert state["top"] >= 0 and state["top"] < state["height"], state
    assert state["own"] != state["neighbour"], state


@pytest.mark.parametrize("origin", ["http", "file"])
def test_every_page_loads_without_errors(site: Site, tab: Tab, origin: str) -> None:
    pages = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html"))
    pages.remove("404.html")  # it links absolutely, to the base URL: shown by the server only
    if origin == "http":
        pages.append(MISSING)
    for name in pages:
        tab.open(site.url(origin, name))
        assert tab.page.title().strip(), name
    assert not tab.problems, "\n".join(tab.problems)


def test_feed_links_in_head_resolve_to_feeds(site: Site, tab: Tab) -> None:
    feedparser = import_or_require("feedparser", "feed links")
    seen: set[str] = set()
    newsletters = [p.relative_to(site.folder).as_posix()
                   for p in site.folder.glob("newsletters/*.html")]  # each links its own feeds
    for name in [*site.page_types().values(), *newsletters]:
        page = tab.open(site.url("http", name))
        hrefs = page.eval_on_selector_all("head link[rel=alternate][type]",
                                          "links => links.map(l => [l.href, l.type])")
        assert {t for _, t in hrefs} >= {"application/rss+xml", "application/atom+xml",
                                         "application/feed+json"}, (name, hrefs)
        seen.update(h for h, _ in hrefs)
    for href in sorted(seen):
        assert href.startswith(site.base), href
        response = tab.page.request.get(href)
        assert response.status == 200, href
        if "json" in response.headers.get("content-type", ""):
            assert response.json()["version"].startswith("https://jsonfeed.org/"), href
        else:
            parsed = feedparser.parse(response.body())
            assert not parsed.bozo and parsed.feed.get("title"), (href, parsed.bozo_exception)


def test_search_finds_a_word_of_one_issue_and_opens_it(site: Site, tab: Tab) -> None:
    """Only the undated note mentions telescopes: typed in the box on the home page, the word
    finds that issue alone, and its result opens it."""
    page = tab.open(site.url("http", "index.html"))
    page.get_by_role("textbox", name="Search").fill("telescopes")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for()
    assert page.locator("li.pagefind-ui__result").count() == 1
    with page.expect_navigation(wait_until="networkidle"):
        result.click()
    assert page.url.startswith(site.base + "issues/")
    assert page.locator("h1").inner_text() == "A note with no date"


JAPANESE_ISSUES = {
    "2026-04-06-minato.md": "---\npublication: 港だより\ndate: 2026-04-06\ntitle: 港だより 第12号\n"
                            "---\n# 港だより 第12号\n\n今週は北の埠頭に新しい灯台守が着任しました。"
                            "夜の見回りは三時間ごとに行われます。\n",
    "2026-04-07-yama.md": "---\npublication: 山の便り\ndate: 2026-04-07\ntitle: 山の便り 第3号\n"
                          "---\n# 山の便り 第3号\n\n今週は山小屋の屋根を直しました。"
                          "雪解けの水が沢に戻ってきました。\n",
}


def test_search_finds_a_japanese_word_inside_a_sentence(browser, tmp_path: Path) -> None:
    """Japanese has no spaces between words: a site in Japanese is indexed by Pagefind
    Extended, whose word splitting finds 灯台守 ("lighthouse keeper") in the middle of a
    sentence of one issue only."""
    (tmp_path / "news").mkdir()
    for name, text in JAPANESE_ISSUES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    (tmp_path / "digest.toml").write_text('[build]\ninput = "news"\n[site]\nlanguage = "ja"\n',
                                          encoding="utf-8")
    tab = Tab(browser)
    with pages_server(tmp_path / "output") as base:
        run_digest("build", "-q", "--base-url", base, cwd=tmp_path)
        page = tab.open(base + "index.html")
        page.get_by_role("textbox").first.fill("灯台守")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=15_000)
        assert page.locator("li.pagefind-ui__result").count() == 1
        assert "港だより" in result.inner_text()
    tab.close()
    assert not tab.problems, "\n".join(tab.problems)


def test_no_serious_accessibility_violations(site: Site, tab: Tab) -> None:
    import_or_require("axe_playwright_python", "accessibility checks")
    axe = importlib.import_module("axe_playwright_python.sync_playwright").Axe()
    found = []
    for kind, name in site.page_types().items():
        page = tab.open(site.url("http", name))
        for v in axe.run(page).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                found += [f"{kind} ({name}): {v['id']} [{v['impact']}] {v['help']}: "
                          f"{n['target']} {n['html'][:120]}" for n in v["nodes"]]
    assert not found, "\n".join(found)


def test_no_horizontal_scroll_on_a_phone_and_screenshots(site: Site, browser) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide: list[str] = []
    for width in (375, 1280):
        tab = Tab(browser, width)
        for kind, name in site.page_types().items():
            page = tab.open(site.url("http", name))
            if width == 375 and not page.evaluate(
                    "document.documentElement.scrollWidth <= innerWidth"):
                wide.append(f"{kind} ({name}): scrollWidth "
                            f"{page.evaluate('document.documentElement.scrollWidth')} > 375")
            page.screenshot(path=SHOTS / f"{kind}-{width}.png", full_page=True)
        tab.close()
        assert not tab.problems, "\n".join(tab.problems)
    assert not wide, "\n".join(wide)
    assert len(list(SHOTS.glob("*.png"))) >= 16
