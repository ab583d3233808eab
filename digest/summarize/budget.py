"""The word budget of an issue's digest, spent on its most central sections first.

Every section proposes units in its own order of preference (a sentence, a sentence with the
ones that lean on it, or a roundup item cut to its first sentence). Each section with content keeps
its first unit; the rest of the budget goes to further units a round at a time, each round
in order of section centrality (the summed cosine similarity of a section's words to the other
sections').
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.model import Item, SectionDigest, Sentence

from .ranker import centrality_of_terms


@dataclass
class Unit:
    """What a section may show: sentences (one, or one with those that lean on it) or one cut
    item."""

    words: int
    sentences: list[Sentence] = field(default_factory=list)
    item: Item | None = None
    order: int = 0  # the item's position in its section


def word_budget(words_in: int, ratio: float, least: int, most: int) -> int:
    """`ratio` of the issue's words, at least `least` (all of a shorter issue's), at most
    `most`."""
    return min(most, max(round(ratio * words_in), min(least, words_in)))


def section_weights(terms: list[list[str]]) -> list[float]:
    """How central each section is to its issue, each given as the terms of its sentences and
    items (those the rankers have already found, so nothing is tokenized twice)."""
    return centrality_of_terms(terms) if len(terms) > 1 else [1.0] * len(terms)


def spend(digests: list[SectionDigest], units: list[list[Unit]], weights: list[float],
          budget: int, ceiling: int) -> int:
    """Fill the section digests from their units within `budget` words; returns the words
    used (over the budget only when the one unit each section keeps does not fit).

    Each section keeps its best unit, most central section first, while the digest stays
    under `ceiling` words (an issue of many one-line sections cannot show them all); the
    most central section always shows something. Further units are taken a round at a time:
    each section's second, in order of centrality, then each one's third, and so on."""
    order = sorted(range(len(digests)), key=lambda s: (-weights[s], s))
    taken: list[list[Unit]] = [[] for _ in digests]
    used = 0
    for s in order:
        if units[s] and (used == 0 or used + units[s][0].words < ceiling):
            taken[s].append(units[s][0])
            used += units[s][0].words
        elif units[s]:
            digests[s].notes.append(f"section left out: its best part would take the digest "
                                    f"past {ceiling} words")
    for round_ in range(1, max((len(u) for u in units), default=0)):
        for s in order:  # every section's second unit, then every third, …
            if round_ >= len(units[s]) or not taken[s]:
                continue
            unit = units[s][round_]
            if used + unit.words <= budget:
                taken[s].append(unit)
                used += unit.words
            else:
                digests[s].notes.append(f"{_over(used, budget, unit)}: {_describe(unit)}")
    for digest, chosen, offered in zip(digests, taken, units):
        sentences = [x for unit in chosen for x in unit.sentences]
        digest.sentences = sorted(sentences, key=lambda x: (x.paragraph, x.index))
        items = sorted((u for u in chosen if u.item is not None), key=lambda u: u.order)
        digest.items = [u.item for u in items if u.item is not None]
        digest.item_places = [u.order for u in items]
        digest.more_items += sum(1 for u in offered if u.item is not None) - len(digest.items)
    return used


def _over(used: int, budget: int, unit: Unit) -> str:
    if used >= budget:
        return f"over the word budget (the sections' best parts alone take {used} of {budget})"
    return f"over the word budget ({used} of {budget} used, this takes {unit.words} more)"


def _describe(unit: Unit) -> str:
    text = unit.item.text if unit.item is not None else " ".join(x.text for x in unit.sentences)
    return text if len(text) <= 70 else text[:69] + "…"
