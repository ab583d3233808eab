"""Summaries of the real seeds carry no furniture, and point back at their source lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest import read_file
from digest.segment import load_profiles, segment_document
from digest.summarize import SummaryConfig, summarize_issue

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def digests():
    generic, profiles = load_profiles()
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        issues, _ = segment_document(read_file(path), generic, profiles)
        found.extend(summarize_issue(i, SummaryConfig()) for i in issues
                     if i.duplicate_of is None)
    return found


def digest_texts(digest) -> list[str]:
    texts = [s.text for sd in digest.sections for s in sd.sentences]
    for sd in digest.sections:
        for item in sd.items:
            texts.append(item.text)
            texts.extend(sub.text for sub in item.sub_items)
    return texts


def test_every_seed_issue_gets_a_summary_of_its_lead(digests):
    assert len(digests) == 10
    for digest in digests:
        lead = digest.sections[0]
        assert lead.kind == "lead" and 1 <= len(lead.sentences) <= 6
        assert digest.words_out <= digest.budget < 0.25 * digest.words_in
        assert all(part.sentences or part.items for part in digest.sections
                   if part.role != "sponsored" and (digest.issue.sections[part.section].paragraphs
                                                    or digest.issue.sections[part.section].items))


def test_no_summary_sentence_is_furniture(digests):
    for digest in digests:
        dropped = [d.text for d in digest.issue.dropped]
        for text in digest_texts(digest):
            for line in dropped:
                assert text not in line and line not in text, (text, line)


def test_sponsored_cards_are_never_summarized(digests):
    for digest in digests:
        for sd, section in zip(digest.sections, digest.issue.sections):
            if section.kind == "sponsored":
                assert sd.sentences == [] and sd.items == []


def test_each_sentence_points_at_its_source_line(digests):
    lines = {p.name: p.read_text(encoding="utf-8").splitlines() for p in SEEDS.glob("*.txt")}
    for digest in digests:
        source = lines[Path(digest.issue.source).name]
        for sd in digest.sections:
            for sentence in sd.sentences:
                assert sentence.text in " ".join(source[sentence.line - 1].split())


def test_roundup_items_keep_outlet_and_paywall(digests):
    threads = digests[1]
    (roundup,) = [sd for sd in threads.sections if sd.role == "roundup"]
    source = threads.issue.sections[roundup.section].items
    assert [(source[n].outlet, source[n].paywalled) for n in range(2)] == [
        ("Wall Street Journal", True), ("South China Morning Post", True)]
    assert roundup.items and roundup.more_items == len(source) - len(roundup.items)
    for n, item in zip(roundup.item_places, roundup.items):  # cut copies keep their marks
        assert (item.outlet, item.paywalled) == (source[n].outlet, source[n].paywalled)
        assert source[n].text.startswith(item.text)
    assert all(i.text.count(". ") == 0 or i.text.endswith(".") for i in roundup.items)


def test_outlet_counts_merge_spellings_and_count_sub_items(digests):
    for digest in digests:
        items = [item for section in digest.issue.sections for top in section.items
                 for item in [top, *top.sub_items]]
        named = [i for i in items if (i.outlet or "").strip()]
        assert sum(o.items for o in digest.outlets) == len(named)
        assert sum(o.paywalled for o in digest.outlets) == sum(i.paywalled for i in named)
        assert len({o.name.casefold() for o in digest.outlets}) == len(digest.outlets)
    assert any(o.paywalled for d in digests for o in d.outlets)


def test_word_tokens_are_those_of_nltks_own_tokenizer():
    """The tokenizer recompiles NLTK's patterns with `re`; it must not change a token."""
    from nltk.tokenize.destructive import NLTKWordTokenizer

    from digest.summarize.tokenizer import _word_tokenizer, split_sentences, word_tokens

    stock = NLTKWordTokenizer()
    sentences = [s for path in sorted(SEEDS.glob("*.txt"))
                 for s in split_sentences(path.read_text(encoding="utf-8"))]
    sentences += ["“Don't,” she said -- it's 5 o'clock (or so)... isn't it?", "Can't «stop» '90s"]
    assert len(sentences) > 500
    assert [_word_tokenizer().tokenize(s) for s in sentences] == [
        stock.tokenize(s) for s in sentences]
    assert [word_tokens(s) for s in sentences] == [stock.tokenize(s) for s in sentences]


def test_word_tokens_skip_no_rule_that_would_change_a_token():
    """The fast word tokenizer skips NLTK's rules whose characters a text lacks: on text made
    of every character and word those rules act on, it still gives NLTK's exact tokens."""
    import random

    from nltk.tokenize.destructive import NLTKWordTokenizer

    from digest.summarize.tokenizer import word_tokens

    stock = NLTKWordTokenizer()
    pieces = [*"ab cnotgwasmdeily'\"`«»“”‘’„.,:;@#$%&?!*()[]{}<>-‒–—―\t\n\u00a01sSdDLTvVN",
              "can", "not", "CAN", "gon", "na", "got", "ta", "gim", "lem", "me", "wan", "Wan",
              "more", "'n", "d", "'ye", " 't", "'T", "is", "was", "ll", "re", "ve", "n't"]
    draw = random.Random(7)
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 14)))
             for _ in range(60000)]
    texts += ["I cannot, gonna 'tis", "wanna\tgo", "He'll\tsay 'twas \"so\"", "more'n d'ye"]
    assert [word_tokens(t) for t in texts] == [stock.tokenize(t) for t in texts]
