"""Exact and near-duplicate issues, by the Jaccard similarity of their word shingles."""

from __future__ import annotations

import hashlib
import re

from digest.model import Issue

SHINGLE = 5
NEAR = 0.9


def fingerprint(text: str) -> frozenset[int]:
    """Hashed word 5-grams of a text, case and punctuation folded."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE:
        return frozenset({hash(" ".join(words))})
    grams = (" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
                     for g in grams)


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_duplicates(texts: list[str], threshold: float = NEAR) -> dict[int, int]:
    """Map each duplicate's index to the index of the earlier copy it repeats."""
    prints = [fingerprint(t) for t in texts]
    found: dict[int, int] = {}
    for j in range(len(texts)):
        for i in range(j):
            if i not in found and similarity(prints[i], prints[j]) >= threshold:
                found[j] = i
                break
    return found


def cross_file_duplicates(issues: list[Issue]) -> tuple[list[Issue], list[tuple[Issue, Issue]]]:
    """Issues kept, and (repeat, original) pairs for the same issue found in two files.

    Only issues of one publication with the same title are compared, so this stays linear.
    """
    kept: list[Issue] = []
    repeats: list[tuple[Issue, Issue]] = []
    seen: dict[tuple[str, str], list[tuple[Issue, frozenset[int]]]] = {}
    for issue in issues:
        key = (issue.publication.casefold(), " ".join(issue.title.casefold().split()))
        prints = fingerprint(issue_text(issue))
        original = next((o for o, p in seen.get(key, []) if similarity(p, prints) >= NEAR), None)
        if original is None:
            seen.setdefault(key, []).append((issue, prints))
            kept.append(issue)
        else:
            repeats.append((issue, original))
    return kept, repeats


def issue_text(issue: Issue) -> str:
    parts = [issue.title]
    for section in issue.sections:
        parts.extend(p.text for p in section.paragraphs)
        parts.extend(i.text for i in section.items)
    return "\n".join(parts)
