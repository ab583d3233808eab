"""Blog posts that arrive as newsletters: a feed entry keeps its post and loses the sharing
widgets, the "appeared first on" line and its excerpt's "[…]", a link preview card is one
entry, a link list's headlines stay content, and a digest of posts links each heading to its
post under its byline. Fixtures written here."""

from __future__ import annotations

import pytest
from _letters import build_one, issue_of, mail

from digest.fetch.feeds import entry_item, parse_feed
from digest.segment import load_profiles

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Garden Notes</title><link>https://gardennotes.example</link>
<generator>https://wordpress.org/?v=6.7.1</generator>
<item><title>Week 11: Seed potatoes</title>
<link>https://gardennotes.example/2025/03/week-11/</link>
<guid isPermaLink="false">https://gardennotes.example/?p=311</guid>
<pubDate>Sat, 15 Mar 2025 08:00:00 +0000</pubDate>
<content:encoded><![CDATA[
<p>The seed potatoes arrived this week, right before a frost nobody forecast.</p>
<h3>On the plot</h3>
<p>The broad beans came through the frost with black tips but nothing worse.</p>
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul>
<li><a href="https://gardennotes.example/2025/03/week-11/?share=mastodon">Mastodon</a></li>
<li><a href="https://gardennotes.example/2025/03/week-11/?share=email">Email</a></li></ul></div>
<div class="sharedaddy sd-like"><h3 class="sd-title">Like this:</h3>
<div><span>Like</span> <span>Loading...</span></div></div>
<p>The post <a href="https://gardennotes.example/2025/03/week-11/">Week 11: Seed potatoes</a>
appeared first on <a href="https://gardennotes.example">Garden Notes</a>.</p>
]]></content:encoded></item></channel></rss>"""

GHOST = """<html><body><table><tr><td class="post-content">
<p>Hello friends. The shop finally got its new bench this month.</p>
<h2>Worth reading</h2>
<figure class="kg-card kg-bookmark-card">
<a class="kg-bookmark-container" href="https://woodjournal.example/hide-glue">
<div class="kg-bookmark-content"><div class="kg-bookmark-title">Hide glue, revisited</div>
<div class="kg-bookmark-description">Why animal glue is back among furniture restorers.</div>
<div class="kg-bookmark-metadata"><span>Wood Journal</span><span>Priya Nand</span></div>
</div></a></figure>
<p>I tried the recipe on a chair rung and it held overnight.</p>
<figure class="kg-card kg-bookmark-card">
<a class="kg-bookmark-container" href="https://toolmakers.example/clamp-pressure">
<div class="kg-bookmark-content"><div class="kg-bookmark-title">How much clamp pressure is
enough?</div>
<div class="kg-bookmark-description">Moderate pressure made the strongest joints.</div>
<div class="kg-bookmark-metadata"><span>Toolmakers Blog</span></div></div></a></figure>
<h2>From the shop</h2>
<p>The spring class on dovetails opens for sign-ups next Tuesday.</p>
<p>Until next month,<br>Ada</p>
</td></tr>
<tr><td><a href="https://workbench.example/issue-14/#comments">Comment</a>
<a href="https://workbench.example/#/feedback/1/1">More like this</a></td></tr>
<tr><td>The Workbench &copy; 2025 &ndash;
<a href="https://workbench.example/unsubscribe/?uuid=a1">Unsubscribe</a></td></tr>
</table></body></html>"""

LINKS = """<html><body>
<h3>#Programming</h3>
<p><a href="https://dev.example.io/sqlite">SQLite in production, two years on</a>
<a href="https://talk.example.com/item?id=13">(comments)</a></p>
<p><a href="https://code.example.dev/async">Five pitfalls of async Rust</a>
<a href="https://talk.example.com/item?id=14">(comments)</a></p>
<h3>#Fun</h3>
<p><a href="https://fun.example.org/cats">A map of every cat in one village</a>
<a href="https://talk.example.com/item?id=17">(comments)</a></p>
<hr>
<p>Enjoy the newsletter? Please forward it to a friend, they'll thank you for it.</p>
<p>Have a tip? Just reply to this email.</p>
<p>You're receiving this because you subscribed. <a href="https://weekly.example/unsub">Unsubscribe</a></p>
</body></html>"""


@pytest.fixture(scope="module")
def profiles():
    return load_profiles()


def test_a_feed_post_keeps_its_text_without_sharing_widgets_or_its_appeared_first_line(
        profiles):
    (entry,), _ = parse_feed(FEED.encode())
    page = entry_item(entry, "Garden Notes", "garden-notes")
    assert b'<meta name="generator" content="https://wordpress.org/?v=6.7.1">' in page.data
    issue = issue_of("week-11.html", page.data, profiles)
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in issue.sections] == [
        (None, ["The seed potatoes arrived this week, right before a frost nobody forecast."]),
        ("On the plot", ["The broad beans came through the frost with black tips but nothing "
                         "worse."])]
    assert [d.text for d in issue.dropped if d.kind == "chrome"] == [
        "Share this:", "Mastodon", "Email", "Like this:", "Like Loading...",
        "The post Week 11: Seed potatoes appeared first on Garden Notes."]


def test_a_link_preview_card_is_one_entry_and_its_site_line_is_furniture(profiles):
    issue = issue_of("14.eml", mail(GHOST, "The Workbench <workbench@ghost.io>",
                                    "Glue, clamps and patience"), profiles)
    reading = issue.sections[1]
    assert reading.heading == "Worth reading" and reading.paragraphs == []
    assert [(i.title, i.links[0].url, i.excerpt) for i in reading.items] == [
        ("Hide glue, revisited", "https://woodjournal.example/hide-glue",
         "Why animal glue is back among furniture restorers. I tried the recipe on a chair "
         "rung and it held overnight."),
        ("How much clamp pressure is enough?", "https://toolmakers.example/clamp-pressure",
         "Moderate pressure made the strongest joints.")]
    dropped = [(d.kind, d.text) for d in issue.dropped]
    assert ("chrome", "Wood JournalPriya Nand") in dropped
    assert ("chrome", "Toolmakers Blog") in dropped
    assert ("signoff", "Ada") in dropped and ("chrome", "Comment More like this") in dropped


def test_linked_headlines_lose_their_bracketed_aside_and_are_never_captions(
        profiles):
    issue = issue_of("512.eml", mail(LINKS, "Weekly <hi@weekly.example>", "Weekly #512",
                                     List_Unsubscribe="<https://weekly.example/unsub>"),
                     profiles)
    assert [(i.text, [link.url for link in i.links]) for i in issue.sections[0].items] == [
        ("SQLite in production, two years on",  # its discussion stays a link, not words
         ["https://dev.example.io/sqlite", "https://talk.example.com/item?id=13"]),
        ("Five pitfalls of async Rust",
         ["https://code.example.dev/async", "https://talk.example.com/item?id=14"])]
    fun = issue.sections[-1]
    assert fun.heading == "#Fun"
    assert [p.text for p in fun.paragraphs] == ["A map of every cat in one village (comments)"]
    assert [d.text[:30] for d in issue.dropped if d.kind == "chrome"] == [
        "Enjoy the newsletter? Please f", "Have a tip? Just reply to this",
        "You're receiving this because "]


POSTS = """<html><body><table><tr><td>
<h1>This week at the Makers' Guild</h1>
<p>Here are the newest posts from our blog.</p>
<h2><a href="https://guild.example/blog/laser-rules?utm_source=rss">New rules for the laser
cutter</a></h2>
<p><em>By Sam Price on Mar 11, 2025 09:14 am</em></p>
<p>From April, every member must pass a short safety course before using the laser cutter.</p>
<h2><a href="https://guild.example/blog/open-day">Open day on 22 March</a></h2>
<p>Mar 13, 2025</p>
<p>We open the workshop to the public on Saturday 22 March, with a table for each member.</p>
<h2>By the numbers</h2>
<p>By the way, the guild now has 212 members.</p>
</td></tr></table></body></html>"""


def test_a_digest_of_posts_links_each_heading_to_its_post_under_its_byline(tmp_path):
    site = build_one(tmp_path, "guild", "posts.eml",
                     mail(POSTS, "Makers' Guild <news@guild.example>", "New on the blog"))
    (page,) = (site / "issues").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert '<a href="https://guild.example/blog/laser-rules" rel="noopener noreferrer">New ' \
        'rules for the laser cutter</a></h2>' in html
    assert '<p class="byline">By Sam Price</p>' in html
    assert "09:14" not in html and "Mar 13, 2025" not in html
    assert "By the way, the guild now has 212 members." in html  # a sentence, not a byline


def test_a_feeds_excerpt_loses_the_mark_that_it_goes_on_elsewhere(profiles):
    feed = FEED.replace("<content:encoded>", "<description>").replace(
        "</content:encoded>", "</description>").replace(
        "nobody forecast.</p>", "nobody forecast. [&#8230;]</p>")
    (entry,), _ = parse_feed(feed.encode())
    issue = issue_of("week-11.html", entry_item(entry, "Garden Notes", "g").data, profiles)
    assert issue.sections[0].paragraphs[0].text == \
        "The seed potatoes arrived this week, right before a frost nobody forecast."
    cut = feed.replace("nobody forecast. [&#8230;]", "nobody forecast, so the trays went [&#8230;]")
    (entry,), _ = parse_feed(cut.encode())
    issue = issue_of("week-11.html", entry_item(entry, "Garden Notes", "g").data, profiles)
    assert issue.sections[0].paragraphs[0].text == "The seed potatoes arrived this week, right " \
        "before a frost nobody forecast, so the trays went…"  # cut short, and said so


def test_a_post_linked_by_its_heading_is_a_story_another_newsletter_carried(tmp_path):
    from digest.build import build
    from digest.config import load_config

    seeds = tmp_path / "seeds"
    (seeds / "guild").mkdir(parents=True)
    (seeds / "guild" / "posts.eml").write_bytes(mail(
        POSTS, "Makers' Guild <news@guild.example>", "New on the blog",
        "Tue, 11 Mar 2025 10:00:00 +0000"))
    (seeds / "town").mkdir()
    (seeds / "town" / "2025-03-12-town-notes.md").write_text(
        "# Town Notes 9\n\nA short week in town.\n\n## Elsewhere\n\n"
        "- [New rules for the laser cutter at the guild](https://guild.example/blog/laser-rules"
        "?utm_medium=email) — members need a safety course from April.\n"
        "- [The market moves indoors](https://market.example/indoors) for the winter.\n")
    (tmp_path / "digest.toml").write_text('[build]\ninput = "seeds"\noutput = "site"\n'
                                          '[site]\nsearch = false\n')
    build(load_config(tmp_path / "digest.toml"))
    week = (tmp_path / "site" / "weeks" / "2025-w11.html").read_text(encoding="utf-8")
    stories = week[week.index('id="stories"'):]
    stories = stories[:stories.index("</section>")]
    assert "https://guild.example/blog/laser-rules" in stories
    assert "Makers&#39; Guild" in stories and "Town" in stories
    (page,) = (tmp_path / "site" / "issues").glob("*makers-guild*.html")
    html = page.read_text(encoding="utf-8")
    assert 'class="also-line"> <a class="also"' in html


@pytest.mark.parametrize("line", ["6 min read · Member-only", "11 min read",
                                  "Sent by Medium Digest · 548 Pine St, Springfield, 94104",
                                  "April 11, 2024 | Read time: 4 minutes"])
def test_a_reading_time_or_sender_line_is_chrome(line, profiles):
    html = ("<html><body><h2>Stop writing clever code</h2>"
            "<p>Why the boring solution wins in the long run, with three examples.</p>"
            f"<p>{line}</p><h2>Bake bread</h2><p>Margins, mornings and one oven.</p>"
            "</body></html>")
    issue = issue_of("d.eml", mail(html, "Digest <d@digest.example>", "Digest"), profiles)
    assert [d.text for d in issue.dropped] == [line]


COUNCIL = """<html><body><table>
<tr><td><h1>Northside News — March 2025</h1>
<p>Welcome to the March issue: library hours, road works and summer grants.</p></td></tr>
<tr><td><h3>Library opens late on Thursdays</h3>
<p>From 3 April the central library stays open until 9pm on Thursdays.</p>
<table><tr><td><a href="https://northside.example/news/library-hours">Read more</a></td></tr>
</table></td>
<td><h3>Road works on Elm Street</h3>
<p>Elm Street will be closed for six weeks from 14 April.</p>
<table><tr><td><a href="https://northside.example/news/elm-street">Find out more</a></td></tr>
</table></td></tr>
<tr><td><h3>Summer grants</h3>
<p>Community groups can apply for grants of up to £2,000. <a
href="https://northside.example/subscribe?from=news">Subscribe</a> for reminders.</p>
<p><a href="https://northside.example/subscribe">Subscribe</a></p></td></tr>
<tr><td><p>Northside Council, Town Hall, Market Square, Northside NS1 2AB</p>
<p>You are receiving this because you signed up. <a href="https://mail.example/u">Unsubscribe</a>
</p></td></tr></table></body></html>"""


def test_a_read_more_button_links_its_section_and_the_senders_address_goes_with_the_footer(
        profiles):
    issue = issue_of("march.eml", mail(COUNCIL, "Northside Council <news@northside.example>",
                                       "Northside News — March 2025"), profiles)
    assert [(s.heading, s.link) for s in issue.sections[1:]] == [
        ("Library opens late on Thursdays", "https://northside.example/news/library-hours"),
        ("Road works on Elm Street", "https://northside.example/news/elm-street"),
        ("Summer grants", None)]
    assert [d.text for d in issue.dropped] == [
        "Read more", "Find out more", "Subscribe",
        "Northside Council, Town Hall, Market Square, Northside NS1 2AB",
        "You are receiving this because you signed up. Unsubscribe"]
    assert issue.sections[-1].paragraphs[0].text.endswith("Subscribe for reminders.")


EMBED = """<html><body><div class="post">
<p>This week I kept coming back to one essay about city trees.</p>
<h2>What I read</h2>
<div class="embedded-post-wrap"><a class="embedded-post"
href="https://greenstreets.example/p/shade-is-infrastructure">
<div class="embedded-post-header"><span>Green Streets</span></div>
<div class="embedded-post-title">Shade is infrastructure</div>
<div class="embedded-post-body">Cities plan roads decades ahead, but treat trees as decoration.
</div>
<div class="embedded-post-meta">a year ago · 212 likes · 18 comments · Mara Quinn</div>
</a></div>
<p>Mara's point about maintenance budgets is the one I keep thinking about.</p>
</div></body></html>"""


def test_a_cards_site_name_over_its_title_and_its_line_of_details_are_furniture(profiles):
    issue = issue_of("post.eml", mail(EMBED, "Tom Reed <tom@smallcity.example>", "Trees"),
                     profiles)
    read = issue.sections[-1]
    assert [(p.text, [link.url for link in p.links]) for p in read.paragraphs] == [
        ("Shade is infrastructure", ["https://greenstreets.example/p/shade-is-infrastructure"]),
        ("Cities plan roads decades ahead, but treat trees as decoration.", []),
        ("Mara's point about maintenance budgets is the one I keep thinking about.", [])]
    assert [d.text for d in issue.dropped] == [
        "Green Streets", "a year ago · 212 likes · 18 comments · Mara Quinn"]


def test_a_cards_subtitle_heading_is_its_blurb_not_a_subhead(profiles):
    html = """<html><body><h1>Daily picks</h1>
<a href="https://pub.example/clever-code"><h2>Stop writing clever code</h2>
<h3>Why the boring solution wins</h3></a>
<a href="https://pub.example/window-functions"><h2>SQL window functions, explained</h2>
<h3>Running totals without a subquery</h3></a>
</body></html>"""
    issue = issue_of("picks.eml", mail(html, "Picks <p@pub.example>", "Daily picks"), profiles)
    assert [(s.heading, s.link, [p.text for p in s.paragraphs]) for s in issue.sections] == [
        ("Stop writing clever code", "https://pub.example/clever-code",
         ["Why the boring solution wins"]),
        ("SQL window functions, explained", "https://pub.example/window-functions",
         ["Running totals without a subquery"])]


SUBSTACK_NOTES = """<html><body><div class="post"><h1>Notes on bridges</h1>
<h3 class="subtitle">Why the old ones last</h3>
<p>Stone bridges still carry lorries fifty times heavier than their builders imagined<a
class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>. The arch turns every
load into compression.</p>
<div class="footnote" id="footnote-1"><a href="#footnote-anchor-1" class="footnote-number">1</a>
<div class="footnote-content"><p>From the county's survey of its masonry bridges.</p></div></div>
</div></body></html>"""

PANDOC_NOTES = """<html><body><article><h1>Notes on bridges</h1>
<p>Stone bridges still carry lorries fifty times heavier than their builders imagined<sup
id="fnref1"><a href="#fn1" class="footnote-ref">[1]</a></sup>. The arch turns every load into
compression.</p>
<section class="footnotes"><hr><ol><li id="fn1"><p>From the county's survey of its masonry
bridges. <a href="#fnref1" class="footnote-back">↩︎</a></p></li></ol></section>
</article></body></html>"""


@pytest.mark.parametrize("html", [SUBSTACK_NOTES, PANDOC_NOTES], ids=["substack", "pandoc"])
def test_footnotes_found_by_their_links_leave_the_text_and_are_notes(html, profiles):
    issue = issue_of("bridges.html", html.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Stone bridges still carry lorries fifty times heavier than their builders imagined. "
        "The arch turns every load into compression."]
    assert [(d.kind, d.text) for d in issue.dropped if d.kind == "note"] == [
        ("note", "From the county's survey of its masonry bridges.")]


def test_a_numbered_link_to_a_place_that_does_not_link_back_stays(profiles):
    html = SUBSTACK_NOTES.replace('href="#footnote-anchor-1"', 'href="#top"')
    issue = issue_of("bridges.html", html.encode(), profiles)
    assert "imagined1." in issue.sections[0].paragraphs[0].text


def test_a_posts_only_heading_deep_under_its_title_is_its_subtitle(profiles):
    issue = issue_of("bridges.html", SUBSTACK_NOTES.encode(), profiles)
    assert (issue.title, issue.dek) == ("Notes on bridges", "Why the old ones last")
    assert [s.heading for s in issue.sections] == [None]


@pytest.mark.parametrize("line", ["Posted on November 24, 2026 by Sam Hale",
                                  "Published 24 Nov 2026 by Sam Hale"])
def test_a_line_giving_the_date_then_the_author_is_the_posts_byline(line, profiles):
    html = POSTS.replace("By Sam Price on Mar 11, 2025 09:14 am", line)
    issue = issue_of("posts.eml", mail(html, "Makers' Guild <news@guild.example>", "New"),
                     profiles)
    laser = next(s for s in issue.sections if s.heading == "New rules for the laser cutter")
    assert laser.author == "Sam Hale"
    assert [p.text for p in laser.paragraphs] == [
        "From April, every member must pass a short safety course before using the laser cutter."]


def test_a_sentence_with_a_date_and_by_stays_text(profiles):
    html = POSTS.replace("By Sam Price on Mar 11, 2025 09:14 am",
                         "The cutter was serviced on 3 March by Laser Works Ltd and checked")
    issue = issue_of("posts.eml", mail(html, "Makers' Guild <news@guild.example>", "New"),
                     profiles)
    laser = next(s for s in issue.sections if s.heading == "New rules for the laser cutter")
    assert laser.author is None


POST_PAGE = """<!DOCTYPE html><html lang="nl"><head><title>Veldnotities 58</title></head><body>
<article><h1>Veldnotities 58: de lepelaars zijn terug</h1>
<p>Drie jaar na het openen van de dijken is de polder weer een moeras. Binnen een jaar telden
de tellers 84 soorten, waaronder twee paar lepelaars.</p>
<h2>De vissen niet</h2>
<p>Aal en snoek kwamen alleen terug waar de nieuwe duikers ze vanuit de rivier doorlieten.</p>
<div class="delen"><a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fveld.example">Deel
op X</a> <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fveld.example">Deel
op Facebook</a> <a href="mailto:?subject=Veldnotities%2058">Mail</a></div>
<div class="aanmelden"><h3>Veldnotities in je inbox</h3><p>Elke vrijdag, gratis, 4.000 lezers.</p>
<form action="/aanmelden"><input type="email" name="email"><button>Aanmelden</button></form></div>
</article></body></html>"""


def test_a_posts_share_buttons_and_sign_up_box_are_furniture_in_any_language(profiles):
    """Found by their markup and links alone: the share endpoints and the box around a form
    asking for an e-mail address."""
    issue = issue_of("2026-11-20-veld.html", POST_PAGE.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs][-1] == (
        "Aal en snoek kwamen alleen terug waar de nieuwe duikers ze vanuit de rivier "
        "doorlieten.")
    assert {"Deel op X Deel op Facebook Mail", "Veldnotities in je inbox",
            "Elke vrijdag, gratis, 4.000 lezers."} <= {
        d.text for d in issue.dropped if d.kind == "chrome"}


SAVED_POST = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Garden Notes #88: Frost and fleece</title></head><body>
<header><p><a href="/">Riverside Allotments</a></p></header>
<main>
<article class="post"><h1>Garden Notes #88: Frost and fleece</h1>
<p>Three hard frosts in a week have finished the dahlias, and the taps are off until March.</p>
<h3>Fleece</h3>
<p>The shed has twenty metres of fleece left; write what you take in the book by the door.</p>
</article>
<div id="comments"><h2>2 thoughts on this post</h2>
<article class="comment"><p><b>Harold</b> 27 November at 10:14</p>
<p>I can bring a second set of loppers on the 5th.</p><a href="#respond">Reply</a></article>
<article class="comment"><p><b>Sunita</b> 27 November at 12:40</p>
<p>Is the fleece the thick kind or the thin kind?</p><a href="#respond">Reply</a></article>
</div>
</main></body></html>"""


def test_a_saved_posts_comments_each_an_article_are_furniture(profiles):
    issue = issue_of("garden-notes-88.html", SAVED_POST.encode(), profiles)
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in issue.sections] == [
        (None, ["Three hard frosts in a week have finished the dahlias, and the taps are off "
                "until March."]),
        ("Fleece", ["The shed has twenty metres of fleece left; write what you take in the book "
                    "by the door."])]
    chrome = [d.text for d in issue.dropped if d.kind == "chrome"]
    assert "I can bring a second set of loppers on the 5th." in chrome
    assert "Is the fleece the thick kind or the thin kind?" in chrome


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<id>tag:harbour.example,2026:feed</id><updated>2026-11-27T09:00:00Z</updated>
<entry><title type="html">Q&amp;amp;A: Don&amp;#8217;t moor at the north wall</title>
<id>tag:harbour.example,2026:1</id><updated>2026-11-27T09:00:00Z</updated>
<link href="https://harbour.example/qa"/>
<content type="html">&lt;div style="display:none;max-height:0;overflow:hidden"&gt;Plus: the
crane is back&lt;/div&gt;&lt;p style="font-size:22px;font-weight:bold"&gt;The north wall&lt;/p&gt;
&lt;p&gt;The harbour master closed the north wall to moorings after a survey found loose
stones below the waterline.&lt;/p&gt;&lt;p style="background:url(https://track.example/p.gif)"&gt;
Boats moored there move to the east pontoon from Monday.&lt;/p&gt;</content></entry>
<entry><title>Crane notes</title><id>tag:harbour.example,2026:2</id>
<updated>2026-11-20T09:00:00Z</updated><link href="https://harbour.example/crane"/>
<content type="text">Hi all,

The harbour crane is back from its repair and lifts boats again from Tuesday.

Bookings open on Monday at the office.

Take care,
Sam</content></entry></feed>"""


def test_a_feed_entry_keeps_what_its_markup_says_and_its_title_reads_as_text(profiles):
    (styled, plain), _ = parse_feed(ATOM.encode())
    assert styled.title == "Q&A: Don’t moor at the north wall"
    page = entry_item(styled, "Harbour Notes", "harbour-notes")
    assert b"track.example" not in page.data  # a style loading anything is not kept
    issue = issue_of("qa.html", page.data, profiles)
    assert issue.title == "Q&A: Don’t moor at the north wall"
    text = [p.text for s in issue.sections for p in s.paragraphs] + [s.heading or "" for s in
                                                                      issue.sections]
    assert not any("crane is back" in t for t in text) and issue.dek is None
    assert [s.heading for s in issue.sections][-1] == "The north wall"
    crane = issue_of("crane.html", entry_item(plain, "Harbour Notes", "harbour-notes").data,
                     profiles)
    assert [p.text for s in crane.sections for p in s.paragraphs] == [
        "Hi all,", "The harbour crane is back from its repair and lifts boats again from Tuesday.",
        "Bookings open on Monday at the office."]
    assert [d.text for d in crane.dropped if d.kind == "signoff"] == ["Take care,", "Sam"]


def test_an_issue_read_from_a_page_links_to_the_original(tmp_path):
    from bs4 import BeautifulSoup

    (entry,), _ = parse_feed(FEED.encode())
    page = entry_item(entry, "Garden Notes", "garden-notes")
    site = build_one(tmp_path, "garden-notes", "week-11.html", page.data)
    (issue_page,) = (site / "issues").glob("*.html")
    soup = BeautifulSoup(issue_page.read_text(encoding="utf-8"), "html.parser")
    original = soup.find("a", string="read the original")
    assert original is not None
    assert original["href"] == "https://gardennotes.example/2025/03/week-11/"


def test_a_read_more_link_closing_an_excerpt_is_not_its_words(profiles):
    feed = FEED.replace("nobody forecast.</p>", 'nobody forecast. The trays went … <a class='
                        '"more-link" href="https://gardennotes.example/2025/03/week-11/">'
                        'Continue reading<span> "Week 11: Seed potatoes"</span></a></p>')
    (entry,), _ = parse_feed(feed.encode())
    issue = issue_of("week-11.html", entry_item(entry, "Garden Notes", "g").data, profiles)
    assert issue.sections[0].paragraphs[0].text == "The seed potatoes arrived this week, right " \
        "before a frost nobody forecast. The trays went …"
    assert issue.sections[0].paragraphs[0].links == []


def test_a_feed_entry_is_dated_where_it_was_written_not_in_utc(profiles):
    feed = FEED.replace("Sat, 15 Mar 2025 08:00:00 +0000", "Fri, 14 Mar 2025 20:30:00 -0500")
    (entry,), _ = parse_feed(feed.encode())
    page = entry_item(entry, "Garden Notes", "garden-notes")
    assert page.stem.startswith("2025-03-14-")  # 01:30 on the 15th in UTC
    assert str(issue_of("week-11.html", page.data, profiles).date) == "2025-03-14"


def test_an_untitled_feed_entry_is_named_by_its_feed_and_date_not_its_cut_first_words(
        profiles):
    feed = """{"version": "https://jsonfeed.org/version/1.1", "title": "Field Log",
    "items": [{"id": "1", "url": "https://log.example/1", "date_published":
    "2026-11-27T07:10:00+00:00", "content_html": "<p>Walked the marsh boardwalk at dawn. The \
tide was higher than the tables said, and the herons stood in water to their knees.</p>"}]}"""
    (entry,), _ = parse_feed(feed.encode())
    page = entry_item(entry, "Field Log", "field-log")
    assert page.stem.startswith("2026-11-27-walked-the-marsh-boardwalk")
    assert issue_of("1.html", page.data, profiles).title == "Field Log — 2026-11-27"


def test_a_json_feed_opening_with_a_byte_order_mark_is_read():
    feed = ('\ufeff{"version": "https://jsonfeed.org/version/1.1", "title": "Field Log", '
            '"items": [{"id": "1", "title": "Dawn", "content_text": "Herons."}]}')
    (entry,), _ = parse_feed(feed.encode())
    assert entry.title == "Dawn"


def test_a_feeds_language_is_its_entries_language(profiles):
    feed = FEED.replace("<generator>", "<language>es-ES</language><generator>").replace(
        "The seed potatoes arrived this week", "Las patatas llegaron esta semana")
    (entry,), _ = parse_feed(feed.encode())
    page = entry_item(entry, "Garden Notes", "garden-notes")
    assert b'<html lang="es-ES">' in page.data
    assert issue_of("week-11.html", page.data, profiles).language == "es"


SAVED_ESSAY = """<!DOCTYPE html><html lang="en"><head><title>The last keepers</title></head><body>
<article><h1>The last keepers were never lonely</h1>
<p>Every account of a keeper's life I read as a child described isolation.</p>
<h2>Three men and a logbook</h2><p>The rota kept three men talking every day of the year.</p>
<div class="author-bio"><h3>About Isobel Trask</h3><p>Isobel Trask is an oral historian.</p>
</div>
<section class="related-posts"><h3>Related posts</h3><ul>
<li><a href="https://tide.example/herring">The herring girls</a></li>
<li><a href="https://tide.example/ferry">The last ferrymen</a></li></ul></section>
<section id="comments" class="comments-area"><h2>4 thoughts on this post</h2>
<ol class="comment-list"><li class="comment"><p>My uncle kept the light at Ardnamurchan.</p>
</li></ol></section></article></body></html>"""


def test_a_posts_bio_related_posts_and_comments_inside_its_article_are_furniture(profiles):
    issue = issue_of("keepers.html", SAVED_ESSAY.encode(), profiles)
    shown = " ".join([s.heading or "" for s in issue.sections] +
                     [p.text for s in issue.sections for p in s.paragraphs] +
                     [i.text for s in issue.sections for i in s.items])
    assert "rota kept three men" in shown
    assert not any(w in shown for w in ("oral historian", "herring", "Ardnamurchan", "thoughts"))


SIDENOTES = """<html><body><article><h1>Bells of the river towns</h1>
<p>Every river town once rang a bell when the fog came down.<label for="sn-1"
class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1"
class="margin-toggle"><span class="sidenote">The last fog bell on the lower river was sold
for scrap in 1961.</span> Ferrymen steered by the sound alone.</p>
<p>Some of the bells still hang in church towers.<label for="mn-1"
class="margin-toggle">&#8853;</label><input type="checkbox" id="mn-1"
class="margin-toggle"><span class="marginnote">Two of them are rung at weddings.</span></p>
</article></body></html>"""


def test_a_sidenote_is_a_note_and_the_sentence_runs_on_past_it(profiles):
    issue = issue_of("bells.html", SIDENOTES.encode(), profiles)
    assert [p.text for s in issue.sections for p in s.paragraphs] == [
        "Every river town once rang a bell when the fog came down. Ferrymen steered by the "
        "sound alone.",
        "Some of the bells still hang in church towers."]
    assert [(d.kind, d.text) for d in issue.dropped if d.kind == "note"] == [
        ("note", "The last fog bell on the lower river was sold for scrap in 1961."),
        ("note", "Two of them are rung at weddings.")]


@pytest.mark.parametrize("meta_line", ["Posted on 8 March 2026 by Esther Mbeki",
                                       "Published 8 March 2026 by Esther Mbeki"])
def test_a_posts_dated_byline_names_its_author_and_is_no_subtitle(meta_line):
    """A WordPress theme's "Posted on 8 March 2026 by Esther Mbeki" under the title: the
    post's author, dropped as a byline (it was the issue's subtitle, the date shown twice)."""
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    html = ('<html><body><article><h1 class="entry-title">Spring stock-up</h1>'
            f'<div class="entry-meta">{meta_line}</div><div class="entry-content">'
            "<p>Every March I empty the pantry and start again. This year the shelves held "
            "eleven jars of mustard.</p><h2>What I kept</h2><p>The good vinegar, the rice and "
            "the beans.</p></div></article></body></html>")
    (issue,), _ = segment_document(read_bytes("stock-up.html", html.encode()),
                                   *load_profiles())
    assert (issue.author, issue.dek) == ("Esther Mbeki", None)
    assert ("byline", meta_line) in [(d.kind, d.text) for d in issue.dropped]


ARCHIVE_CARD = """<html><body>
<h2>Back issues</h2>
<p>Two winters ago I wrote about rope swings in <a href="https://swing.example/p/ropes">Ropes
and knots for a garden swing</a>, and it still gets letters every week.</p>
<p><a href="https://swing.example/p/ropes?utm_source=email">Ropes and knots for a garden
swing</a></p>
<div><a href="https://swing.example/p/ropes?utm_campaign=post_embed">
<div>Swing Letters</div>
<div>Ropes and knots for a garden swing</div>
<div>Which rope rots, which knot slips, and why a bowline is not the answer for a seat.</div>
</a></div>
<h2>Next week</h2>
<p>Treehouses, with a reader's plans for one built round a living oak.</p>
</body></html>"""


def test_a_line_linking_the_post_a_card_under_it_shows_reads_once(profiles):
    """The writer's line that only links a post, in the words of the title of the card
    right under it: the title is shown once, with the card's blurb."""
    issue = issue_of("swing.html", ARCHIVE_CARD.encode(), profiles)
    shown = [p.text for s in issue.sections for p in s.paragraphs] + [
        t or "" for s in issue.sections for i in s.items for t in (i.title, i.text, i.excerpt)]
    assert shown.count("Ropes and knots for a garden swing") == 1
    assert any("why a bowline is not the answer" in text for text in shown)
