"""Which sentences a summary shows: the set of highest worth that a reader can follow.

Every sentence either stands alone or needs another shown with it (`standalone.antecedents`);
those needs form a forest, and the best set closed under it is found exactly by dynamic
programming over the forest's pre-order (a tree knapsack of unit weights).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.textwords import LETTER

from .standalone import Words, antecedents


@dataclass
class Skip:
    """A ranked sentence left out of a summary, and why."""

    index: int
    reason: str


# How likely a sentence is wanted, from its score s (as a share of the best score) and its
# rank r (as a share of the sentence count): sigmoid(A·s + B·r + C). Fitted by logistic
# regression on "is this sentence in the reference" over the BBC business articles only
# (benchmarks/summary_quality.py; politics and tech held out).
CHANCE_WEIGHTS = (1.973, -5.652, 0.996)
# A sentence's worth is (2·chance − WORTH_BAR)·words: the set of highest worth is the one of
# highest expected F-score against a wanted set (Dinkelbach's method for the ratio of matched
# words to shown plus wanted words, at F = WORTH_BAR), so a likely sentence is worth more the
# longer it is and an unlikely one costs its length. Chosen on BBC business among 0.4–1.2.
WORTH_BAR = 0.85
WORTH_WORDS = 60  # words counted at most: a run-on "sentence" (a list glued together) no more
_WORD = re.compile(rf"[^\W_](?:[^\W_]+|{LETTER})*")  # "किताब" one word, not three


def chances(scores: Sequence[float]) -> list[float]:
    """Each sentence's chance of being wanted (see CHANCE_WEIGHTS)."""
    n = len(scores)
    top = max(scores, default=0.0)
    rank = {i: place for place, i in enumerate(sorted(range(n), key=lambda i: (-scores[i], i)))}
    a, b, c = CHANCE_WEIGHTS
    return [1 / (1 + math.exp(-(a * (scores[i] / top if top > 0 else 0.0)
                                + b * rank[i] / n + c))) for i in range(n)]


def worth(sentences: Sequence[str], scores: Sequence[float]) -> list[float]:
    """Each sentence's worth in a summary (see WORTH_BAR)."""
    return [(2 * chance - WORTH_BAR) * min(WORTH_WORDS, max(1, len(_WORD.findall(sentence))))
            for sentence, chance in zip(sentences, chances(scores))]


def _preorder(free: Sequence[bool], needed: Sequence[int | None]) -> tuple[list[int], list[int]]:
    """The sentences that can be shown, each after the one it needs, and each one's count of
    sentences that need it directly or in turn (itself included)."""
    children: list[list[int]] = [[] for _ in free]
    for i, parent in enumerate(needed):
        if not free[i] and parent is not None:
            children[parent].append(i)
    order: list[int] = []
    stack = [i for i in range(len(free) - 1, -1, -1) if free[i]]
    while stack:
        i = stack.pop()
        order.append(i)
        stack.extend(reversed(children[i]))
    size = [1] * len(free)
    for i in reversed(order):
        for child in children[i]:
            size[i] += size[child]
    return order, [size[i] for i in order]


def _best_set(value: Sequence[float], free: Sequence[bool], needed: Sequence[int | None],
              count: int) -> list[int]:
    """The sentences, as many as can be had up to `count`, of the highest summed value in
    which every sentence that is not `free` comes with the one it needs."""
    if count <= 0:
        return []
    order, size = _preorder(free, needed)
    none = -math.inf
    best = [[0.0] + [none] * count]  # best[t][c]: from place t of the pre-order on, c taken
    for t in range(len(order) - 1, -1, -1):
        after, skip = best[-1], best[len(order) - t - size[t]]
        here = value[order[t]]
        best.append([skip[0]] + [max(s, a + here) for s, a in zip(skip[1:], after)])
    best.reverse()
    taken = max(c for c in range(count + 1) if best[0][c] > none)
    chosen, t = [], 0
    while taken and t < len(order):
        if best[t + 1][taken - 1] + value[order[t]] == best[t][taken]:
            chosen.append(order[t])
            taken, t = taken - 1, t + 1
        else:
            t += size[t]
    return sorted(chosen)


def choose(flat: Sequence[str], ranked: Sequence[int], count: int,
           lexicon: Words | None = None, follows: Sequence[bool] | None = None,
           scores: Sequence[float] | None = None,
           headed: bool = False, named: Sequence[str] = ()) -> tuple[list[list[int]], list[Skip]]:
    """Up to `count` sentences, each readable alone or shown with the sentence it needs
    (`standalone.antecedents`; `follows[i]` says flat[i - 1] is really the sentence before
    flat[i], default: all but the first). Of all such sets, the one whose sentences' summed
    `worth` (from `scores`, or from the `ranked` order when no scores are given) is highest.
    Returns the groups (a sentence standing alone with the ones that need it, in document
    order), best group first, and the sentences skipped for leaning on their context (or
    never shown: `standalone.not_a_summary_sentence`). `headed`: flat[0] opens a section
    shown under its heading; `named`: the names its heading gives in full ("Rosalind Achebe"),
    by which a sentence opening "Rosalind joined…" names whom its "her" stands for."""
    if scores is None:
        scores = [0.0] * len(flat)
        for place, i in enumerate(ranked):
            scores[i] = float(len(ranked) - place)
    reasons, needed = antecedents(flat, follows, lexicon, headed, named)
    free = [reason is None for reason in reasons]
    chosen = _best_set(worth(flat, scores), free, needed, count)
    groups: dict[int, list[int]] = {}
    for i in chosen:
        root = i
        while not free[root]:
            root = needed[root]  # type: ignore[assignment]
        groups.setdefault(root, []).append(i)
    ordered = sorted(groups.values(), key=lambda g: (-max(scores[i] for i in g), g[0]))
    taken = set(chosen)
    worst = min((scores[i] for i in taken), default=float("-inf"))  # none taken: all said
    skipped = [Skip(i, reasons[i] or "") for i in ranked
               if i not in taken and scores[i] >= worst and reasons[i]]
    return ordered, skipped
