"""Property-based tests: ingest and segment never raise, and every line is accounted for."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from digest.ingest import read_bytes
from digest.ingest.decode import clean_line, collapse
from digest.segment import choose, load_profiles, segment_document, split_issues
from digest.segment.account import unaccounted

GENERIC, PROFILES = load_profiles()

words = st.text(alphabet=st.sampled_from("abcdefg XYZ$().,:•-–’“\u00a0\u200b\t"), min_size=1,
                max_size=60)
line = st.one_of(
    words,
    words.map(lambda w: f"{w}."),
    st.integers(1, 12).flatmap(lambda n: words.map(lambda w: f"{n}. {w} (Reuters $)")),
    words.map(lambda w: f"  • {w} (Outlet)"),
    st.sampled_from([
        "Catch up with China", "Lost in translation", "One more thing", "One last thing",
        "This story first appeared in China Report, MIT Technology Review’s newsletter.",
        "Now read the rest of China Report", "ROKID", "Update: fixed.", "Keep ReadingShow less",
        "Latest Stories", "Photo: Someone/Getty Images", "# A heading", "## Sub heading",
        "Let me know your thoughts at me@example.com.", "Jane Doe", "---", "+++", "Title: X",
        "Date: 2024-01-02", "<p>html</p>", "<!-- comment -->", "```", "> quoted",
        "#+TITLE: Weekly", "#+DATE: 2026-03-09", "* Heading :tag:", "** Sub", ":PROPERTIES:",
        ":END:", "#+BEGIN_SRC", "#+END_SRC", "[[https://a.example/x][a link]]", "[fn:1] A note.",
        "=> https://a.example/post A post", "=> gemini://b.example/", "[3]Marker words",
        "   1. https://a.example/ref", "References", "[12][IMG]", "Report<https://a.example/r>",
        "Issue 12 — 3 March 2026", "[1] A numbered note.", "Gareth (secretary)",
    ]),
    st.just(""),
)
documents = st.lists(line, max_size=60).map("\n".join)
names = st.sampled_from(["a.txt", "b.md", "c.html", "d", "e.org", "f.gmi"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents, name=names)
@example(text="a\nX\n:\nXXX", name="a.txt")  # a kicker over a heading whose section is chrome
def test_segmenting_never_raises_and_every_line_is_accounted_for(text, name):
    doc = read_bytes(name, text.encode("utf-8"))
    issues, problems = segment_document(doc, GENERIC, PROFILES)
    assert not [p for p in problems if "in no section" in p.message]
    for part in doc.parts:
        profile = choose(PROFILES, [b.text for b in part.blocks])
        chunks = split_issues(part.blocks, profile)
        own = [i for i in issues if i.first_line in {c[0].line for c in chunks}]
        for issue, blocks in zip(own, chunks):
            assert unaccounted(issue, blocks) == []


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400), name=names)
def test_reading_arbitrary_bytes_never_raises(data, name):
    doc = read_bytes(name, data)
    issues, _ = segment_document(doc, GENERIC, PROFILES)
    assert all(issue.title for issue in issues)


@given(st.text(max_size=200))
def test_normalisation_is_idempotent(text):
    assert clean_line(clean_line(text)) == clean_line(text)
    assert collapse(collapse(text)) == collapse(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Unsubscribe", "View in browser", "A story about a bridge.",
                                 "Share this", "© 2026 Harbour Weekly", "x", ""]), max_size=80))
def test_a_remembered_pattern_answers_as_the_pattern_itself(texts):
    import re

    from digest.segment.profiles import Remembered

    compiled = re.compile(r"(?i)^(?:unsubscribe|view in browser|share this|©.{0,40})$")
    remembered = Remembered(compiled)
    remembered.KEPT = 3  # generations turn over within the example
    for text in texts + texts:
        found, expected = remembered.search(text), compiled.search(text)
        assert (found and found[0]) == (expected and expected[0])
