"""Summarize: sentence choice, algorithms, section policies, provenance and the cache."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from digest.model import Issue, Item, Link, Paragraph, Section, SummaryPolicy
from digest.summarize import (
    DEFAULT_ALGORITHM,
    SummaryCache,
    SummaryConfig,
    algorithm_names,
    format_digest,
    summarize_issue,
    summarize_text,
)
from digest.summarize.policy import cut_item
from digest.summarize.tokenizer import DigestTokenizer, split_sentences

ROOT = Path(__file__).resolve().parents[1]

ESSAY = (
    "The city council voted on Tuesday to expand the bus network across the river. "
    "The new routes will link the northern suburbs to the city centre and the hospital.\n"
    "Residents had asked for better bus links for years. "
    "Many of them work at the hospital and drive because the buses are slow. "
    "The weather was mild.\n"
    "The expansion will cost the city council about twelve million over five years. "
    "Officials said the bus network would carry twice as many riders by the end. "
    "A spokesperson declined to comment on the timetable.\n"
    "Critics of the plan said the council should fix the existing bus routes first. "
    "Supporters replied that the new routes would relieve traffic on the river bridges. "
    "The vote passed by nine to four. "
    "Work on the first bus routes starts in the spring."
)


def sentences_of(text: str) -> list[str]:
    return split_sentences(text)


def test_summarize_text_returns_requested_count_in_document_order() -> None:
    all_sentences = sentences_of(ESSAY)
    chosen = summarize_text(ESSAY, 4)
    assert len(chosen) == 4
    positions = [all_sentences.index(s) for s in chosen]
    assert positions == sorted(positions)


def test_summarize_text_short_and_empty_text() -> None:
    assert summarize_text("Only one sentence here.", 3) == ["Only one sentence here."]
    assert summarize_text("", 3) == []
    assert summarize_text("   \n\n ", 2) == []
    assert summarize_text(ESSAY, 0) == []


@pytest.mark.parametrize("name", algorithm_names())
def test_every_algorithm_works(name: str) -> None:
    all_sentences = sentences_of(ESSAY)
    chosen = summarize_text(ESSAY, 3, name)
    assert len(chosen) == 3
    positions = [all_sentences.index(s) for s in chosen]
    assert positions == sorted(positions)


def test_every_sumy_algorithm_and_lead_is_offered() -> None:
    names = set(algorithm_names())
    stock = {"lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction"}
    assert stock | {"lead", DEFAULT_ALGORITHM} <= names


def test_lead_takes_the_first_sentences() -> None:
    assert summarize_text(ESSAY, 2, "lead") == sentences_of(ESSAY)[:2]


def test_unknown_algorithm_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="textrank") as error:
        summarize_text(ESSAY, 2, "bogus")
    assert "bogus" in str(error.value) and "lead" in str(error.value)
    with pytest.raises(ValueError):
        summarize_text("", 2, "bogus")


def test_items_are_cut_at_a_sentence_end_followed_by_a_space() -> None:
    from digest.summarize.policy import first_sentence

    assert first_sentence("Deny todo!() in tidy") == "Deny todo!() in tidy"
    assert first_sentence("incr.comp.: Add new DepGraph implementation") == (
        "incr.comp.: Add new DepGraph implementation")
    assert first_sentence("See https://github.com/search?q=is%3Apr for more") == (
        "See https://github.com/search?q=is%3Apr for more")
    assert first_sentence("Dr. Smith arrived. He left.") == "Dr. Smith arrived."
    assert first_sentence("\n  Trains got faster! Nobody noticed.\nSecond line.") == (
        "Trains got faster!")
    assert first_sentence("   ") == ""


def test_tokenizer_splits_per_line_and_drops_punctuation() -> None:
    tokenizer = DigestTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("Dr. Smith arrived. He left.\nA new line") == (
        "Dr. Smith arrived.", "He left.", "A new line")
    words = tokenizer.to_words("It's 5 o'clock, isn't it?")
    assert words[:2] == ("It", "o'clock") and words[-1] == "it"
    assert not {"5", ",", "?", "'s"} & set(words)


def test_the_ranker_weighs_words_sumys_list_drops_and_reads_its_own_from_data() -> None:
    from digest.summarize.ranker import centrality_scores, content_terms
    from digest.summarize.words import ranking_stop_words, stop_words

    ignored = ranking_stop_words("en")
    assert {"the", "and", "of", "wouldn't", "since", "although"} <= ignored
    assert {"said", "new", "would"} <= stop_words() - ignored
    assert content_terms("The board said it would not wait.") == ("board", "said", "would", "wait")
    scores = centrality_scores(["The board said profits rose.", "The union said wages fell.",
                                "Rain reached the coast."])
    assert scores[0] > scores[2] < scores[1]


def test_runs_without_any_nltk_data(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, sys
        import nltk
        nltk.data.path[:] = [os.environ["NLTK_DATA"]]
        from digest.summarize import algorithm_names, summarize_text
        text = sys.stdin.read()
        for name in algorithm_names():
            assert len(summarize_text(text, 3, name)) == 3, name
        print("ok")
        """
    )
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], input=ESSAY, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert list(empty.iterdir()) == []


def make_issue() -> Issue:
    lead_paragraphs = ESSAY.split("\n")
    return Issue(
        source="test.txt", index=0, format="text", publication="Test Report",
        title="Buses", first_line=1, last_line=80,
        sections=[
            Section(
                kind="lead", role="lead", heading=None, first_line=1, last_line=20,
                paragraphs=[
                    Paragraph(line=3, text=lead_paragraphs[0]),
                    Paragraph(line=5, text="Why the council acted", kind="subhead"),
                    Paragraph(line=7, text=lead_paragraphs[1]),
                    Paragraph(line=9, text=lead_paragraphs[2], kind="quote"),
                    Paragraph(line=11, text="print('code is never summarized')", kind="code"),
                    Paragraph(line=13, text=lead_paragraphs[3]),
                ],
            ),
            Section(
                kind="news", role="roundup", layout="list", heading="Catch up",
                first_line=21, last_line=30,
                items=[
                    Item(line=22, text="Trains between the two cities got faster. Nobody noticed.",
                         outlet="Wire",
                         paywalled=True, number=1,
                         sub_items=[Item(line=23,
                                         text="A detail about the new timetable. Another.")]),
                    Item(line=24, text="Ferries across the bay are back. They are cheap.",
                         outlet="Daily",
                         number=2),
                ],
            ),
            Section(
                kind="translated", role="brief", heading="Lost in translation",
                first_line=31, last_line=40,
                paragraphs=[
                    Paragraph(line=32, text="A story went viral. It was about a cat. "
                              "The cat rode the bus every day."),
                    Paragraph(line=34, text="The bus company gave the cat a pass. "
                              "Riders loved the cat and the bus."),
                ],
            ),
            Section(
                kind="last", role="anecdote", heading="One more thing", first_line=41,
                last_line=44,
                paragraphs=[Paragraph(line=42, text="A bus was painted gold. "
                                      "It cost a lot. People took photos of the gold bus.")],
            ),
            Section(
                kind="teaser", role="teaser", heading="Read more", first_line=45, last_line=50,
                dek="Why buses matter more than ever.",
                paragraphs=[Paragraph(line=47, text="Teaser body one. Teaser body two.")],
            ),
            Section(
                kind="teaser", role="teaser", heading="Also", first_line=51, last_line=54,
                paragraphs=[Paragraph(line=52, text="No dek here. Second sentence.")],
            ),
            Section(
                kind="sponsored", role="sponsored", heading="Sponsor", first_line=55,
                last_line=60,
                sponsor="Acme",
                paragraphs=[Paragraph(line=56, text="Buy Acme. Acme is great. Really.")],
            ),
            Section(
                kind="section", role="roundup", layout="list", heading="Links", first_line=61,
                last_line=70,
                items=[Item(line=62, text="First link. More text.",
                            links=[Link("First link", "https://example.org/1")]),
                       Item(line=63, text="Second link. More text.",
                            links=[Link("Second link", "https://example.org/2")])],
            ),
            Section(
                kind="section", heading="Analysis", first_line=71, last_line=80,
                paragraphs=[Paragraph(line=72, text=lead_paragraphs[3])],
            ),
        ],
    )


def test_provenance_points_at_the_source_sentence() -> None:
    issue = make_issue()
    digest = summarize_issue(issue, SummaryConfig())
    assert set(digest.split) == {
        (s, p) for s, section in enumerate(issue.sections)
        for p in range(len(section.paragraphs))
    }
    chosen = [x for part in digest.sections for x in part.sentences if x.paragraph >= 0]
    assert chosen
    for sentence in chosen:
        paragraph = issue.sections[sentence.section].paragraphs[sentence.paragraph]
        assert digest.split[(sentence.section, sentence.paragraph)][sentence.index] == sentence.text
        assert sentence.line == paragraph.line
        assert sentence.text in paragraph.text
        assert paragraph.kind in ("text", "quote")


NO_BUDGET = {"budget_ratio": 1.0, "budget_max_words": 100_000, "budget_ceiling": 1.0}


def test_section_policies() -> None:
    issue = make_issue()
    original = copy.deepcopy(issue)
    digest = summarize_issue(issue, SummaryConfig(**NO_BUDGET))
    assert issue == original
    by_kind = {part.section: part for part in digest.sections}
    assert [part.section for part in digest.sections] == list(range(len(issue.sections)))

    lead = by_kind[0].sentences
    assert 3 <= len(lead) <= 6
    assert [(x.paragraph, x.index) for x in lead] == sorted((x.paragraph, x.index) for x in lead)

    roundup = by_kind[1]
    assert roundup.sentences == []
    assert [i.text for i in roundup.items] == ["Trains between the two cities got faster.",
                                             "Ferries across the bay are back."]
    assert [(i.outlet, i.paywalled, i.number) for i in roundup.items] == [
        ("Wire", True, 1), ("Daily", False, 2)]
    assert [s.text for s in roundup.items[0].sub_items] == ["A detail about the new timetable."]
    assert [(o.name, o.items, o.paywalled) for o in digest.outlets] == [
        ("Wire", 1, 1), ("Daily", 1, 0)]
    assert issue.sections[1].items[0].text == (
        "Trains between the two cities got faster. Nobody noticed.")

    assert len(by_kind[2].sentences) == 2
    assert len(by_kind[3].sentences) == 1
    assert [x.text for x in by_kind[4].sentences] == ["Why buses matter more than ever."]
    assert by_kind[4].sentences[0].paragraph == -1
    assert len(by_kind[5].sentences) == 1
    assert by_kind[6].sentences == [] and by_kind[6].items == []
    assert [i.text for i in by_kind[7].items] == ["First link.", "Second link."]
    assert 1 <= len(by_kind[8].sentences) <= 4


def test_config_counts_and_words() -> None:
    issue = make_issue()
    config = SummaryConfig(algorithm="lead", **NO_BUDGET)
    config.roles["lead"] = SummaryPolicy(sentences=2)
    config.roles["brief"] = SummaryPolicy(sentences=1)
    digest = summarize_issue(issue, config)
    lead = digest.sections[0].sentences
    assert [x.text for x in lead] == sentences_of(ESSAY)[:2]
    assert len(digest.sections[2].sentences) == 1
    assert 0 < digest.words_out < digest.words_in
    paragraph_words = sum(len(p.text.split()) for s in issue.sections for p in s.paragraphs)
    assert digest.words_in > paragraph_words


def test_format_digest_is_plain_text() -> None:
    text = format_digest(summarize_issue(make_issue(), SummaryConfig()))
    assert text.startswith("Buses (Test Report)")
    assert "## Catch up" in text and \
        "- Trains between the two cities got faster. (Wire, paywall)" in text
    assert "  - A detail about the new timetable." in text
    assert "Sponsor" not in text and "Buy Acme" not in text


def test_cache_second_run_has_no_misses(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "summaries.json"
    first = SummaryCache(path)
    expected = summarize_issue(make_issue(), SummaryConfig(), first)
    assert first.misses > 0 and first.hits == 0
    first.save()
    assert json.loads(path.read_bytes().partition(b"\n")[2])["summaries"]

    second = SummaryCache(path)
    again = summarize_issue(make_issue(), SummaryConfig(), second)
    assert second.misses == 0 and second.hits == first.misses
    assert again.sections == expected.sections and again.split == expected.split

    changed = make_issue()
    changed.sections[2].paragraphs[1].text = "The cat retired. It now rides a tram instead."
    third = SummaryCache(path)
    summarize_issue(changed, SummaryConfig(), third)
    assert third.misses == 1 and third.hits == first.misses - 1


def test_a_cache_written_by_other_summary_rules_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """An upgrade (or an edited word list) that changes which sentences stand alone must not
    get the old choices back from the cache."""
    import digest.summarize.cache as cache_module

    assert cache_module._rules_digest() in cache_module._VERSION  # the code and word lists
    path = tmp_path / "summaries.json"
    first = SummaryCache(path)
    summarize_issue(make_issue(), SummaryConfig(), first)
    first.save()
    monkeypatch.setattr(cache_module, "_VERSION", cache_module._VERSION + "-edited")
    later = SummaryCache(path)
    assert len(later) == 0
    summarize_issue(make_issue(), SummaryConfig(), later)
    assert later.hits == 0 and later.misses == first.misses


def test_cache_key_includes_algorithm_and_count(tmp_path: Path) -> None:
    cache = SummaryCache(tmp_path / "c.json")
    summarize_issue(make_issue(), SummaryConfig(), cache)
    misses = cache.misses
    other = SummaryConfig(algorithm="lead")
    other.roles["anecdote"] = SummaryPolicy(sentences=1, algorithm="textrank")
    summarize_issue(make_issue(), other, cache)
    assert cache.misses == 2 * misses
    other.roles["lead"] = SummaryPolicy(sentences=1)
    summarize_issue(make_issue(), other, cache)
    assert cache.misses == 2 * misses + 1


def test_cache_survives_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("{not json", encoding="utf-8")
    cache = SummaryCache(path)
    summarize_issue(make_issue(), SummaryConfig(), cache)
    cache.save()
    assert SummaryCache(path).misses == 0 and len(SummaryCache(path)) == cache.misses
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]


def test_memory_only_cache() -> None:
    cache = SummaryCache(None)
    summarize_issue(make_issue(), SummaryConfig(), cache)
    summarize_issue(make_issue(), SummaryConfig(), cache)
    assert cache.hits == cache.misses > 0
    cache.save()


def test_a_point_too_short_to_say_anything_keeps_its_next_sentence() -> None:
    short = Item(line=1, text="Ports are quieter. Rotterdam had its lowest March in years.")
    linked = Item(line=2, text="Rust 1.0 is out. Read the notes.",
                  links=[Link("Rust 1.0", "https://example.org/r")])
    long = Item(line=3, text="Freight rates fell for the sixth week in a row. Ships wait.")
    assert [cut_item(i).text for i in (short, linked, long)] == [
        "Ports are quieter. Rotterdam had its lowest March in years.", "Rust 1.0 is out.",
        "Freight rates fell for the sixth week in a row."]


def test_a_point_opening_with_a_question_keeps_its_answer() -> None:
    asked = Item(line=1, text="What would fix most of this? A yearly seal check costs less "
                              "than one lost batch. Some clinics already do it.")
    linked = Item(line=2, text="Are we there yet?. An overview of editors for the language.",
                  links=[Link("Are we there yet?", "https://example.org/y")])
    assert [cut_item(i).text for i in (asked, linked)] == [
        "What would fix most of this? A yearly seal check costs less than one lost batch.",
        "Are we there yet?"]


def test_a_fragment_beside_a_sections_items_and_a_lone_salutation_are_never_summaries() -> None:
    issue = Issue(source="t.md", index=0, format="markdown", title="Jobs", publication="Jobs",
                  first_line=1, last_line=20, sections=[
                      Section(kind="lead", heading=None, first_line=1, last_line=2,
                              paragraphs=[Paragraph(line=1, text="Hello and welcome, friends!")]),
                      Section(kind="section", role="roundup", layout="list", heading="Hiring",
                              first_line=3, last_line=9,
                              items=[Item(line=4, text="Arborist at City Parks, full time.",
                                          links=[Link("Arborist", "https://j.example/1")])],
                              paragraphs=[Paragraph(line=8, text="Hiring?")])])
    digest = summarize_issue(issue, SummaryConfig())
    assert [[x.text for x in part.sentences] for part in digest.sections] == [[], []]
    assert [i.text for i in digest.sections[1].items] == ["Arborist at City Parks, full time."]


def quoting(first: Paragraph) -> Issue:
    """A section that goes on from `first` to quote a post and credit it."""
    return Issue(source="t.html", index=0, format="html", title="Links", publication="Links",
                 first_line=1, last_line=20, sections=[
                     Section(kind="section", heading="Why coastlines have no length",
                             first_line=1, last_line=9, paragraphs=[
                                 first,
                                 Paragraph(line=4, kind="quote", text="The coastline paradox "
                                           "is my favourite fact to ruin a dinner party with."),
                                 Paragraph(line=5, kind="quote",
                                           text="— Sam Ortiz (@sam) November 22, 2026")])])


def test_a_section_quoting_a_post_it_credits_is_told_in_its_writers_words() -> None:
    own = ("A short explainer on the coastline paradox: measure with a shorter ruler and the "
           "coast gets longer, without limit.")
    digest = summarize_issue(quoting(Paragraph(line=2, text=own)), SummaryConfig())
    assert [x.text for x in digest.sections[0].sentences] == [own]


def test_a_section_that_opens_with_the_quote_is_told_in_it() -> None:
    issue = quoting(Paragraph(line=2, kind="quote", text="Measure a coast with a shorter ruler "
                              "and it grows longer, without any limit at all."))
    digest = summarize_issue(issue, SummaryConfig())
    assert all("@sam" not in x.text for x in digest.sections[0].sentences)
    assert [x.paragraph for x in digest.sections[0].sentences][:1] in ([0], [1])


TABLED = {
    "frost.md": "# Garden Notes 31\n\n## Frost cloth\n\nCheap frost cloth tears after one "
                "season. We tested four brands over three winters.\n\n| Brand | Weight | "
                "Seasons |\n| --- | --- | --- |\n| Fleecy | 30 g | 1 |\n| Hortex | 50 g | 3 |\n",
    "frost.html": "<h1>Garden Notes 31</h1><h2>Frost cloth</h2><p>Cheap frost cloth tears after "
                  "one season. We tested four brands over three winters.</p><table><tr><th>"
                  "Brand</th><th>Weight</th><th>Seasons</th></tr><tr><td>Fleecy</td><td>30 g"
                  "</td><td>1</td></tr><tr><td>Hortex</td><td>50 g</td><td>3</td></tr></table>",
}


@pytest.mark.parametrize("name", sorted(TABLED))
def test_the_rows_of_a_data_table_stay_in_the_issue_but_are_never_its_summary(name: str) -> None:
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    (issue,), _ = segment_document(read_bytes(name, TABLED[name].encode()), *load_profiles())
    rows = [(p.kind, p.text) for p in issue.sections[-1].paragraphs if p.kind == "row"]
    assert rows == [("row", "Brand | Weight | Seasons"), ("row", "Fleecy | 30 g | 1"),
                    ("row", "Hortex | 50 g | 3")]
    roomy = SummaryConfig(budget_ratio=1.0, budget_max_words=10_000, budget_ceiling=1.0,
                          budget_min_words=1_000)
    chosen = [s.text for s in summarize_issue(issue, roomy).sections[-1].sentences]
    assert chosen and not any("|" in text for text in chosen)


def test_a_row_of_short_links_is_never_a_summary_sentence() -> None:
    row = Paragraph(line=9, text="Add to calendar · Google Calendar",
                    links=[Link("Add to calendar", "https://club.example.net/cal.ics"),
                           Link("Google Calendar", "https://calendar.example.com/add")])
    story = Paragraph(line=5, text="A tiny spreadsheet that runs in your terminal (comments)",
                      links=[Link("A tiny spreadsheet that runs in your terminal",
                                  "https://show.example.app/"),
                             Link("(comments)", "https://news.example.com/item?id=4216")])
    issue = Issue(source="t.html", index=0, format="html", title="Club", publication="Club",
                  first_line=1, last_line=9, sections=[
                      Section(kind="section", role="section", heading="Events", first_line=1,
                              last_line=9, paragraphs=[row]),
                      Section(kind="section", role="section", heading="Show", first_line=4,
                              last_line=5, paragraphs=[story])])
    digest = summarize_issue(issue, SummaryConfig())
    assert [s.text for s in digest.sections[0].sentences] == []
    assert [s.text for s in digest.sections[1].sentences] == [story.text]


def test_an_item_cut_inside_the_link_it_opens_with_keeps_the_link_whole() -> None:
    link = Link("Apr 22. Ann Arbor - Rust Meetup - Monthly Gathering",
                "https://meetup.example.com/a2")
    event = Item(line=1, text="Apr 22. Ann Arbor - Rust Meetup - Monthly Gathering.",
                 links=[link])
    assert cut_item(event).text == "Apr 22. Ann Arbor - Rust Meetup - Monthly Gathering."
    talk = Item(line=2, text="5/27. Vilnius. Functional Vilnius #4: Rust & Monoids.",
                links=[Link("5/27. Vilnius", "https://meetup.example.com/v")])
    assert cut_item(talk).text == "5/27. Vilnius"
    question = Item(line=3, text="Seedlings vanish. Why?", title="Seedlings vanish. Why?",
                    excerpt="Slugs. Check at dusk.")
    assert cut_item(question).text == "Seedlings vanish. Why? — Slugs."


def test_thanks_and_requests_to_the_reader_are_never_summary_sentences() -> None:
    crate = Section(kind="section", role="section", heading="Crate of the Week", first_line=1,
                    last_line=5, paragraphs=[
                        Paragraph(line=1, text="Our pick is quickfold, a folding library for "
                                               "very large text files."),
                        Paragraph(line=3, text="Thanks to Ana Lima for the suggestion!"),
                        Paragraph(line=5, text="Submit your suggestions for next week!")])
    quote = Section(kind="section", role="section", heading="Quote of the Week", first_line=7,
                    last_line=9, paragraphs=[
                        Paragraph(line=7, text="<ana> borrowck says no", kind="code"),
                        Paragraph(line=9, text="Thanks to Joel Park for the tip.")])
    issue = Issue(source="t.md", index=0, format="markdown", title="Weekly", publication="W",
                  first_line=1, last_line=9, sections=[crate, quote])
    digest = summarize_issue(issue, SummaryConfig())
    assert [s.text for s in digest.sections[0].sentences] == [
        "Our pick is quickfold, a folding library for very large text files."]
    assert digest.sections[1].sentences == []
    from digest.summarize.standalone import not_a_summary_sentence

    assert not_a_summary_sentence("Thanks to a new grant, the library will open on Sundays "
                                  "from next month for everyone.") is None
    assert not_a_summary_sentence("If you find any errors in this week's issue, please submit "
                                  "a PR.") == "only asks the reader for something"
    assert not_a_summary_sentence("If the rain holds off, the market opens at nine on "
                                  "Saturday.") is None
    assert not_a_summary_sentence("Answer the poll above, or reply in the comments.") == \
        "only asks the reader for something"  # the poll is not shown in the digest


def test_closing_appeals_and_teasers_of_the_next_issue_are_never_the_summary() -> None:
    """An appeal of any length, one after an opening phrase, and what the next issue holds
    leave the section's own news to its summary."""
    take = Section(kind="section", role="section", heading="Our take", first_line=1,
                   last_line=7, paragraphs=[
                       Paragraph(line=1, text="The ferry should run all winter, and the "
                                              "harbour board can afford it."),
                       Paragraph(line=3, text="As always, hit reply if you think we are wrong "
                                              "about the ferry."),
                       Paragraph(line=5, text="Reply and tell us which crossing you use most; "
                                              "the most surprising answer opens next month's "
                                              "letter."),
                       Paragraph(line=7, text="Send them to letters@quay.example with your "
                                              "name and your town.")])
    closing = Section(kind="section", role="section", heading="Coming up", first_line=9,
                      last_line=11, paragraphs=[
                          Paragraph(line=9, text="Next week: a walk along the old canal, from "
                                                 "the first lock to the last one."),
                          Paragraph(line=11, text="The towpath reopened on Monday after two "
                                                  "years of repairs to its banks.")])
    issue = Issue(source="t.md", index=0, format="markdown", title="Quay", publication="Quay",
                  first_line=1, last_line=11, sections=[take, closing])
    digest = summarize_issue(issue, SummaryConfig(sentences=1))
    assert [s.text for s in digest.sections[0].sentences] == [
        "The ferry should run all winter, and the harbour board can afford it."]
    assert [s.text for s in digest.sections[1].sentences] == [
        "The towpath reopened on Monday after two years of repairs to its banks."]


def test_a_note_under_a_table_on_when_its_figures_were_taken_is_no_summary() -> None:
    """"Rates as of noon Friday." under a table says how it was made, not what happened; a
    comment under a table is the section's summary."""
    def table(first: int, note: str, heading: str) -> Section:
        rows = [Paragraph(line=first + n, text=row, kind="row") for n, row in enumerate(
            ["Crossing | Fare | Change", "North quay | 4.20 | +0.30", "Salt island | 6.10 | 0"])]
        return Section(kind="section", role="section", heading=heading, first_line=first,
                       last_line=first + 4, paragraphs=[
                           *rows, Paragraph(line=first + 4, text=note)])

    fares = table(1, "Fares as of noon on Friday, in pounds. Source: the harbour office.",
                  "Fares")
    trips = table(7, "Crossings to Salt Island rose by a fifth at the weekend, the busiest "
                     "since the old bridge closed.", "Trips")
    issue = Issue(source="t.md", index=0, format="markdown", title="Quay", publication="Quay",
                  first_line=1, last_line=11, sections=[fares, trips])
    digest = summarize_issue(issue, SummaryConfig())
    assert digest.sections[0].sentences == []
    assert [s.text for s in digest.sections[1].sentences] == [trips.paragraphs[-1].text]


def test_what_follows_a_list_is_never_its_summary() -> None:
    """A list section's summary is its items (and what leads into them), not the paragraph
    that closes it: "Next week: …", an appeal, a P.S."""
    tips = Section(kind="section", role="roundup", layout="list", heading="What I would tell a "
                   "fourth city", first_line=1, last_line=9, items=[
                       Item(line=3, text="Map the ground first. Every city said the survey "
                                         "paid for itself."),
                       Item(line=4, text="Pay the shops from day one. It costs little and buys "
                                         "patience."),
                       Item(line=5, text="Keep the old bus running until the last week.")],
                   paragraphs=[
                       Paragraph(line=7, text="Next week: the one city that decided against "
                                              "building a tram line, and why its reasons were "
                                              "good ones.")])
    issue = Issue(source="t.html", index=0, format="html", title="Trams", publication="Grid",
                  first_line=1, last_line=9, sections=[tips])
    digest = summarize_issue(issue, SummaryConfig())
    shown = [s.text for s in digest.sections[0].sentences]
    assert not any(text.startswith("Next week") for text in shown)
    assert digest.sections[0].items


SHORT_WEEKLY = """\
<html><body><h1>The Science Weekly 204</h1>
<p>This week: an antibiotic from soil, a green comet and an old star map.</p>
<h2>Biology</h2>
<p>A garden in Oxford gave researchers a new antibiotic. The bacteria that make it were found
in a flower bed, and the drug killed resistant strains in mice without harming their gut.</p>
<h2>Space</h2>
<p>Comet K1 turned green as it neared the Sun. The colour comes from carbon, and amateur
astronomers in the south can see it with binoculars before dawn until Friday.</p>
<h2>History</h2>
<p>A carved bone may be the oldest map of the stars. It was found in a cave in Spain, and its
marks match the Pleiades and three bright stars of Orion as they stood 20,000 years ago.</p>
<h2>Weather</h2>
<p>October was the wettest month on record in Wales. Rain gauges in the hills collected more
than twice the usual total, and two rivers burst their banks in the last week.</p>
</body></html>"""


def test_a_short_issue_shows_every_section_under_half_its_words() -> None:
    """An issue of about a hundred words: each section's best sentence, not the two most
    central ones within fifty words."""
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    (issue,), _ = segment_document(read_bytes("weekly.html", SHORT_WEEKLY.encode()),
                                   *load_profiles())
    digest = summarize_issue(issue)
    assert [bool(d.sentences) for d in digest.sections] == [True] * 5
    assert digest.words_out <= digest.words_in // 2


def test_a_greeting_opening_the_issue_is_never_its_first_summary_sentence() -> None:
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# Frontend Notes 88\n\nHello friends, welcome to the 88th issue. This week is "
            "heavy on layout and light on frameworks, which I consider a small victory.\n\n"
            "## Layout\n\nContainer queries now work in every browser that readers of this "
            "letter use, so the old media query workarounds can finally go.\n")
    (issue,), _ = segment_document(read_bytes("notes.md", text.encode()), *load_profiles())
    shown = [x.text for d in summarize_issue(issue).sections for x in d.sentences]
    assert shown and not [x for x in shown if x.startswith("Hello")]


def test_a_sentence_going_on_from_a_salutation_in_lower_case_opens_with_a_capital() -> None:
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document

    text = ("# Die Woche in Linux 45\n\nHallo zusammen,\n\nhier ist der Rückblick auf die "
            "vergangene Woche, mit einem neuen Kernel und einem Treffen in Köln.\n")
    (issue,), _ = segment_document(read_bytes("woche.md", text.encode()), *load_profiles())
    shown = [x.text for d in summarize_issue(issue).sections for x in d.sentences]
    assert shown == ["Hier ist der Rückblick auf die vergangene Woche, mit einem neuen Kernel "
                     "und einem Treffen in Köln."]


GUIDE = """# Harbour Radio this week

The drama season opens on Sunday, and the quiz returns on Saturday after a winter break.

## Day by day

### Saturday 14 March

- 11.00 The Saturday Quiz — the new series begins with a new host.
- 19.30 Folk Harbour — a session recorded at the Anchor Rooms.

### Sunday 15 March

- 08.00 Sunday Worship — from the harbour chapel.
- 20.00 New Voices: The Tide Tables — the first play of the drama season.
"""


def test_a_programmes_entry_in_the_digest_says_its_day_as_well_as_its_time():
    from digest.ingest import read_bytes
    from digest.segment import load_profiles, segment_document
    from digest.summarize import SummaryConfig, summarize_issue

    (issue,), _ = segment_document(read_bytes("guide.md", GUIDE.encode()), *load_profiles())
    digest = summarize_issue(issue, SummaryConfig())
    shown = [item.text for part in digest.sections for item in part.items]
    assert shown and all(text.startswith(("Saturday 14 March, ", "Sunday 15 March, "))
                         for text in shown)
    assert any(text.startswith("Sunday 15 March, 20.00 New Voices") or
               text.startswith("Saturday 14 March, 11.00") for text in shown)


def test_a_chapter_list_among_an_interviews_questions_is_never_in_the_digest() -> None:
    chapters = [Item(line=n, text=f"{t} {name}") for n, (t, name) in enumerate(
        [("00:00", "Hello"), ("04:30", "Salt marshes"), ("19:15", "What the tide leaves")])]
    asked = Item(line=9, text="How did the marsh come back?", title="How did the marsh come back?",
                 excerpt="Slowly, once the sea wall was opened to the tide again.")
    issue = Issue(source="t.md", index=0, format="markdown", title="Ep. 4", publication="Tide",
                  first_line=1, last_line=20, sections=[
                      Section(kind="section", heading="Chapters", first_line=1, last_line=20,
                              role="roundup", layout="list", items=[*chapters, asked])])
    shown = [i.text for i in summarize_issue(issue).sections[0].items]
    assert shown == ["How did the marsh come back? — Slowly, once the sea wall was opened to "
                     "the tide again."]
