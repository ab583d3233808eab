"""Summary sentences that read on their own: no "also" leaning back, no pointer at the page,
no record's field value shown as a sentence."""

from __future__ import annotations

from digest.model import Issue, Paragraph, Section
from digest.summarize import SummaryConfig, summarize_issue
from digest.summarize.standalone import leans_on_context, not_a_summary_sentence, opening_word


def test_also_after_the_first_verb_leans_on_the_sentence_before() -> None:
    assert opening_word("The documentation has also been refreshed.") == "also"
    assert leans_on_context("Tickets are also available in the app from 1 April.")
    assert opening_word("The bar will open late, and the kitchen will also stay open.") is None
    assert opening_word("Members also get a discount on the summer kit.") is None


def test_here_are_points_at_what_follows() -> None:
    assert not_a_summary_sentence("Here are three books the team chose this month.") == \
        "points at what follows"


def test_a_records_field_values_are_not_summary_sentences() -> None:
    def record(line: int, name: str, amount: str, prose: str) -> list[Paragraph]:
        return [Paragraph(line, name), Paragraph(line + 1, "Kestrel Trust", label="Sponsor"),
                Paragraph(line + 2, amount, label="Amount"), Paragraph(line + 3, prose)]

    section = Section("section", "GRANTS", 1, 20, paragraphs=[
        *record(2, "Coastal Awards", "Up to $450,000 over three years for shoreline work",
                "Supports early career faculty who study sediment transport on estuaries."),
        *record(8, "Teaching Grants", "$25,000 - $120,000 for teaching laboratories",
                "Funds equipment used mainly in undergraduate laboratory courses.")])
    issue = Issue("x.txt", 0, "text", "Grants", "Grants", 1, 20, sections=[section])
    digest = summarize_issue(issue, SummaryConfig())
    shown = [x.text for part in digest.sections for x in part.sentences]
    assert shown and not any(x.startswith(("Up to", "$25,000")) for x in shown)
