"""Text taken from a printed newsletter (a PDF saved as text): its page breaks, typeset
ligatures and font bullets read as a reader sees them on paper. Fixtures written here."""

from __future__ import annotations

import pytest

from digest.ingest import read_bytes
from digest.model import Issue
from digest.segment import load_profiles, segment_document
from digest.summarize.policy import summarize_issue

PRINTED = (
    "STAFF NEWS\n"
    "Issue 12 · 4 March 2026\n\n"
    "Depot news\n\n"
    "The ﬁrst ﬂoor oﬃce at Leeds reopens on Monday after the ﬁre-safety works.\n\n"
    "Sports round-up\n\n"
    "\uf0b7 The netball team beat Hollins 12-4 on Tuesday.\n"
    "\uf0b7 The five-a-side league starts again in April.\n"
    "\x0cPensions\n\n"
    "Free sessions with an independent adviser run at every site this month.\n")


def test_a_printed_newsletters_page_breaks_ligatures_and_font_bullets_read_as_on_paper():
    document = read_bytes("staff-news.txt", PRINTED.encode())
    assert not [p for p in document.problems if p.severity != "info"]  # a page break is fine
    (issue,), _ = segment_document(document, *load_profiles())
    texts = [p.text for s in issue.sections for p in s.paragraphs]
    assert "The first floor office at Leeds reopens on Monday after the fire-safety works." \
        in texts
    sports = next(s for s in issue.sections if s.heading == "Sports round-up")
    assert [i.text for i in sports.items] == [
        "The netball team beat Hollins 12-4 on Tuesday.",
        "The five-a-side league starts again in April."]


# A society's newsletter printed as PDF and saved with `pdftotext`: three pages, each with a
# running head (but the first) and a foot that numbers it, a contents list with leaders, words
# hyphenated where a line ends, and paragraphs that run on across a page break.
ALLOTMENTS = (
    "WILLOW LANE ALLOTMENTS\n"
    "Newsletter 9 · Autumn 2026\n"
    "\n"
    "IN THIS ISSUE\n"
    "From the chair . . . . . . . . . . . . . . . . . . . . 1\n"
    "Water butts and the new pipes . . . . . . . . . . 2\n"
    "Seed swap . . . . . . . . . . . . . . . . . . . . . . . 3\n"
    "\n"
    "FROM THE CHAIR\n"
    "This has been a remarkable year for our plot holders. The\n"
    "wet spring held back the potatoes, but the long warm sum-\n"
    "mer more than made up for it, and the show tables in Au-\n"
    "gust were the fullest anyone can remember. My thanks go\n"
    "to everyone who helped at the gate on show day, and to\n"
    "the judges from the county federation, who travelled a\n"
    "long way to be with us and stayed for the auction after-\n"
    "wards. The committee has agreed to raise the rent a little\n"
    "next year, to pay for the new water pipes along the whole\n"
    "\n"
    "Autumn 2026 · Page 1\n"
    "\n"
    "\fWillow Lane Allotments · Newsletter 9\n"
    "\n"
    "Eastern Path. Work starts in November and will be\n"
    "done before the first frosts arrive, so please clear anything\n"
    "stored beside the old standpipes by the end of October.\n"
    "Marion Hale, Chair\n"
    "\n"
    "WATER BUTTS AND THE NEW PIPES\n"
    "Every plot will keep its water butt once the pipes are in.\n"
    "The council has offered a second butt to any plot holder\n"
    "who asks before Christmas, and the trading hut will stock\n"
    "the new fittings at cost. The work party meets at the hut\n"
    "on the first Saturday of each month; tools and tea are\n"
    "\n"
    "Autumn 2026 · Page 2\n"
    "\n"
    "\fWillow Lane Allotments · Newsletter 9\n"
    "\n"
    "provided, and nobody is expected to stay all morning.\n"
    "\n"
    "SEED SWAP\n"
    "The winter seed swap is in the pavilion on 14 February.\n"
    "Bring seeds you saved this year in labelled envelopes, and\n"
    "take home as many as you bring. Last year we swapped more\n"
    "than four hundred packets, most of them beans and squash.\n"
    "\n"
    "Autumn 2026 · Page 3\n"
    "\f")

FURNITURE = ["Autumn 2026 · Page 1", "Willow Lane Allotments · Newsletter 9",
             "Autumn 2026 · Page 2", "Willow Lane Allotments · Newsletter 9",
             "Autumn 2026 · Page 3"]


def _read(name: str, text: str) -> tuple[list, Issue]:
    document = read_bytes(name, text.encode())
    (issue,), _ = segment_document(document, *load_profiles())
    return document.parts[0].blocks, issue


def _texts(issue: Issue) -> list[str]:
    """Every heading, subhead, paragraph and entry of the issue."""
    return [text for s in issue.sections for text in (
        s.heading or "", s.dek or "", *(p.text for p in s.paragraphs),
        *(i.text for i in s.items), *(sub.heading for sub in s.subsections))]


def test_a_printed_pages_running_heads_and_feet_are_chrome_on_their_own_lines():
    blocks, issue = _read("willow-lane.txt", ALLOTMENTS)
    assert [(b.line, b.text) for b in blocks if b.kind == "page" and b.line > 7] == list(
        zip([20, 22, 36, 38, 48], FURNITURE))
    assert [d.text for d in issue.dropped if d.kind == "chrome"][-5:] == FURNITURE
    assert not [t for t in _texts(issue) if "Page" in t or "Newsletter 9" in t]
    assert [s.heading for s in issue.sections] == [
        "FROM THE CHAIR", "WATER BUTTS AND THE NEW PIPES", "SEED SWAP"]


def _pages(foot: str, head: str = "") -> str:
    """Three printed pages of a club's letter, each closed by `foot` (with its number), the
    second and third opened by `head`."""
    pages = [
        "HILLTOP RAMBLERS\nClub letter, spring 2027\n\nNEW ROUTES\nTwo new routes join the "
        "programme this spring: a short walk along the\ncanal for newcomers and a long ridge "
        "walk for the keen. Both start\nat the station car park at nine and finish at a pub.\n",
        "BOOTS AND MAPS\nThe club's map library has moved to the back room of the library on\n"
        "Station Road. Members may borrow two maps at a time for a month,\nand the spare boots "
        "in the cupboard are there for anyone to try.\n",
        "SUBSCRIPTIONS\nSubscriptions stay at twelve pounds for the year. Please pay the\n"
        "treasurer at any walk, or by bank transfer with your name as the\nreference, before "
        "the end of March so that the insurance holds.\n"]
    return "\f".join(
        (f"{head}\n\n" if n > 1 and head else "") + f"{page}\n{foot.format(n=n)}\n"
        for n, page in enumerate(pages, start=1)) + "\f"


@pytest.mark.parametrize("foot, head", [
    ("— {n} —", ""), ("{n}", ""), ("Page {n} of 3", ""), ("- {n} -", "Hilltop Ramblers"),
    ("Seite {n}", ""), ("{n}", "Hilltop Ramblers · Club letter · Spring 2027")])
def test_a_page_number_alone_on_its_line_or_a_running_head_is_chrome(foot, head):
    blocks, issue = _read("ramblers.txt", _pages(foot, head))
    feet = [foot.format(n=n) for n in (1, 2, 3)]
    assert [b.text for b in blocks if b.kind == "page"] == (
        [feet[0], head, feet[1], head, feet[2]] if head else feet)
    assert [s.heading for s in issue.sections] == ["NEW ROUTES", "BOOTS AND MAPS",
                                                   "SUBSCRIPTIONS"]
    assert all(len(s.paragraphs) == 1 for s in issue.sections)


def test_a_printed_page_break_does_not_end_a_paragraph_running_on_across_it():
    blocks, issue = _read("willow-lane.txt", ALLOTMENTS)
    chair, butts = (next(b for b in blocks if b.text.startswith(opening))
                    for opening in ("This has been", "Every plot"))
    assert (chair.line, chair.end_line) == (10, 26)
    assert "new water pipes along the whole Eastern Path. Work starts in November" in chair.text
    assert (butts.line, butts.end_line) == (30, 40)
    assert butts.text.endswith("tools and tea are provided, and nobody is expected to stay all "
                               "morning.")


def test_a_sentence_a_page_break_cut_is_never_a_heading_nor_a_subhead():
    _, issue = _read("willow-lane.txt", ALLOTMENTS)  # "…along the whole" / "Eastern Path. …"
    assert not [s.heading for s in issue.sections if "Eastern Path" in (s.heading or "")]
    assert not [sub.heading for s in issue.sections for sub in s.subsections]
    assert not [p.text for s in issue.sections for p in s.paragraphs
                if p.kind == "subhead" or p.text.startswith(("Eastern Path", "provided"))]
    (chair,) = [s for s in issue.sections if s.heading == "FROM THE CHAIR"]
    assert [p.text[-64:] for p in chair.paragraphs] == [
        "anything stored beside the old standpipes by the end of October."]


def test_a_contents_list_with_leaders_is_chrome_never_a_section_nor_summarized():
    blocks, issue = _read("willow-lane.txt", ALLOTMENTS)
    assert [b.text for b in blocks if b.kind == "page" and b.line <= 7] == [
        "IN THIS ISSUE", "From the chair . . . . . . . . . . . . . . . . . . . . 1",
        "Water butts and the new pipes . . . . . . . . . . 2",
        "Seed swap . . . . . . . . . . . . . . . . . . . . . . . 3"]
    assert [d.line for d in issue.dropped if d.kind == "chrome"][:4] == [4, 5, 6, 7]
    assert not [t for t in _texts(issue) if ". . ." in t or t == "IN THIS ISSUE"]
    digest = summarize_issue(issue)
    assert [issue.sections[s.section].heading for s in digest.sections] == [
        "FROM THE CHAIR", "WATER BUTTS AND THE NEW PIPES", "SEED SWAP"]
    assert not [s.text for d in digest.sections for s in d.sentences if ". . ." in s.text]


# A sports club's letter in German, printed with `pdftotext -layout`: its running head names
# the page ("Seite 2"), its foot numbers it between dashes, its contents ("Inhalt") lead to
# page numbers with dots, and compounds stay whole where a line breaks them at their hyphen.
VEREIN = (
    "\n"
    "                          SV Birkenhain 1921 e.V.\n"
    "                             Mitgliederbrief\n"
    "                          Ausgabe 2/2026 · Juni\n"
    "\n"
    "\n"
    "      Inhalt\n"
    "      Vorwort ................................................................ 2\n"
    "      Sommerfest ............................................................. 2\n"
    "      Vereinsheim ............................................................ 3\n"
    "\n"
    "\n"
    "                                   — 1 —\n"
    "\f  SV Birkenhain · Mitgliederbrief 2/2026                                 Seite 2\n"
    "\n"
    "\n"
    "  Vorwort\n"
    "\n"
    "  Liebe Mitglieder, in diesem Frühjahr haben sich so viele Kinder wie nie zuvor für\n"
    "  unsere Jugend- und Schülerteams angemeldet, dass wir im Herbst zwei neue Jugend-\n"
    "  mannschaften melden. Außerdem bieten wir ab September ein zweites Eltern-\n"
    "  Kind-Turnen am Samstagvormittag an, weil die erste Gruppe seit Wochen voll ist.\n"
    "  Wer als Übungsleiterin oder Übungsleiter mithelfen möchte, meldet sich bitte in\n"
    "  der Geschäfts-\n"
    "  stelle oder spricht uns einfach beim Training an.\n"
    "\n"
    "\n"
    "  Sommerfest\n"
    "\n"
    "  Unser Sommerfest findet am Samstag, 4. Juli, ab 14 Uhr auf dem Sportgelände statt.\n"
    "  Für die Kinder gibt es eine Hüpfburg und ein Torwandschießen, für die Erwachsenen\n"
    "  Kaffee, Kuchen und am Abend Musik. Kuchenspenden nimmt die Geschäftsstelle gern\n"
    "  entgegen; bitte tragt euch dafür bis Ende Juni in die Liste im Vereinsheim ein.\n"
    "\n"
    "\n"
    "                                   — 2 —\n"
    "\f  SV Birkenhain · Mitgliederbrief 2/2026                                 Seite 3\n"
    "\n"
    "\n"
    "  Vereinsheim\n"
    "\n"
    "  Die Renovierung des Vereinsheims ist abgeschlossen. Die Küche ist neu, die Fenster\n"
    "  sind dicht, und im Gastraum haben jetzt achtzig Gäste Platz. Wir danken allen, die\n"
    "  an den Wochenenden mit angepackt haben, und der Gemeinde für ihren Zuschuss.\n"
    "\n"
    "\n"
    "                                   — 3 —\n"
    "\f")


def test_a_german_letters_running_heads_page_numbers_and_contents_are_chrome():
    blocks, issue = _read("mitgliederbrief-2-2026.txt", VEREIN)
    assert [b.text for b in blocks if b.kind == "page"] == [
        "Inhalt", *(f"{title} {'.' * dots} {page}" for title, dots, page in (
            ("Vorwort", 64, 2), ("Sommerfest", 61, 2), ("Vereinsheim", 60, 3))),
        "— 1 —", "SV Birkenhain · Mitgliederbrief 2/2026 Seite 2", "— 2 —",
        "SV Birkenhain · Mitgliederbrief 2/2026 Seite 3", "— 3 —"]
    assert [s.heading for s in issue.sections if s.heading] == [
        "Vorwort", "Sommerfest", "Vereinsheim"]


def test_a_word_hyphenated_at_a_printed_lines_end_is_joined_but_a_compound_is_kept():
    blocks, _ = _read("willow-lane.txt", ALLOTMENTS)
    chair = next(b for b in blocks if b.text.startswith("This has been"))
    assert "the long warm summer more than made up for it, and the show tables in August were" \
        in chair.text
    assert "stayed for the auction afterwards." in chair.text
    blocks, _ = _read("mitgliederbrief-2-2026.txt", VEREIN)
    letter = next(b for b in blocks if b.text.startswith("Liebe Mitglieder"))
    assert "zwei neue Jugendmannschaften melden" in letter.text
    assert "ein zweites Eltern-Kind-Turnen am Samstagvormittag" in letter.text  # capitalised
    assert "in der Geschäftsstelle oder spricht" in letter.text
    assert "unsere Jugend- und Schülerteams" in letter.text  # not broken by the line's end


def test_a_hyphen_the_text_writes_elsewhere_or_between_two_of_its_words_is_kept():
    text = _pages("Page {n}").replace(
        "Two new routes join the programme this spring: a short walk along the\ncanal",
        "The twenty new members and the three new leaders will help with twenty-\nthree "
        "walks this spring and a co-operative outing with the\nwalking club of the co-\n"
        "operative society, a short walk along the\ncanal")
    blocks, _ = _read("ramblers.txt", text)
    routes = next(b for b in blocks if b.text.startswith("The twenty new members"))
    assert "help with twenty-three walks this spring" in routes.text
    assert "walking club of the co-operative society" in routes.text


def test_pages_saved_without_their_form_feeds_are_known_by_the_lines_numbering_them():
    text = _pages("Page {n} of 3").replace("\f", "").replace(
        "finish at a pub.\n", "finish at a pub, where the\n").replace(
        "BOOTS AND MAPS\n", "landlord keeps a table for us.\n\nBOOTS AND MAPS\n")
    blocks, issue = _read("ramblers.txt", text)
    assert [b.text for b in blocks if b.kind == "page"] == [
        "Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    (routes,) = [s for s in issue.sections if s.heading == "NEW ROUTES"]
    assert [p.text[-50:] for p in routes.paragraphs] == [
        "and finish at a pub, where the landlord keeps a table for us."[-50:]]


PARISH = (
    "ST AIDAN'S PARISH NEWS\n"
    "\n"
    "MASS TIMES\n"
    "Saturday 6.00 pm .................................................. Vigil Mass\n"
    "Sunday 9.30 am ...................................................... Parish Mass\n"
    "Sunday 11.00 am .................................................. Sung Mass (choir)\n"
    "Wednesday 7.00 pm ............................................... Evening Mass\n"
    "\n"
    "FROM THE PRIEST\n"
    "Our soup lunches go on every Friday after the morning Mass in\n"
    "the hall, and the suggested donation of three pounds goes to\n"
    "the food bank in Northgate and the night shelter run by the\n"
    "Sisters of Mercy on South Quay. Last week's lunch raised two\n"
    "hundred pounds. My thanks to the Mothers' Union for the soup.\n"
    "\n"
    "NOTICES\n"
    "The church roof appeal has passed forty thousand pounds, and\n"
    "the scaffolding goes up on the north side after Easter Sunday.\n")


def test_rows_with_leaders_longer_than_the_prose_do_not_hide_the_width_it_is_wrapped_at():
    _, issue = _read("st-aidans.txt", PARISH)
    (priest,) = [s for s in issue.sections if s.heading == "FROM THE PRIEST"]
    assert [p.text[:41] for p in priest.paragraphs] == ["Our soup lunches go on every Friday after"]
    assert "night shelter run by the Sisters of Mercy on South Quay." in priest.paragraphs[0].text
