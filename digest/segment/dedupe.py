"""Exact and near-duplicate issues, by the Jaccard similarity of their word shingles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from digest.model import Issue

SHINGLE = 5
NEAR = 0.9
FULLER = 1.2  # a later copy replaces the first one only when this much longer


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


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """How much of the smaller text the larger one holds: a cut-short copy scores 1.0."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_duplicates(texts: list[str], threshold: float = NEAR) -> dict[int, int]:
    """Map each duplicate's index to the index of the earlier copy it repeats."""
    if len(texts) < 2:
        return {}
    prints = [fingerprint(t) for t in texts]
    found: dict[int, int] = {}
    for j in range(len(texts)):
        for i in range(j):
            if i not in found and similarity(prints[i], prints[j]) >= threshold:
                found[j] = i
                break
    return found


def cross_file_duplicates(
    issues: list[Issue], text_of: Callable[[Issue], str] | None = None
) -> tuple[list[Issue], list[tuple[Issue, Issue]]]:
    """Issues kept, and (repeat, kept copy) pairs for one issue found in two files.

    Only issues of one publication with the same title (a resend's "[Resend]" or "(corrected)"
    aside), sent within RESEND_DAYS of each other, are compared, so this stays linear. A copy
    that holds the other (a cut-short copy) counts too; the first copy is kept unless a later
    one is clearly fuller or resends it (dated later, or tagged as a resend the same day: a
    correction must not lose to the copy it corrects).
    """
    groups: dict[tuple[str, str], list[tuple[Issue, frozenset[int]]]] = {}
    dropped: dict[int, Issue] = {}
    titled: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        titled.setdefault(_key(issue), []).append(issue)
    compared = {id(i) for same in titled.values() for i in _with_a_neighbour(same)}
    for issue in issues:
        key = _key(issue)
        if id(issue) not in compared:  # no issue it could repeat, nor one repeating it
            groups.setdefault(key, []).append((issue, frozenset()))
            continue
        prints = fingerprint((text_of or issue_text)(issue))
        group = groups.setdefault(key, [])
        match = next((n for n, (other, p) in enumerate(group)
                      if _near_in_time(other, issue) and containment(p, prints) >= NEAR), None)
        if match is None:
            group.append((issue, prints))
        elif len(prints) > FULLER * len(group[match][1]) or _resends(issue, group[match][0]):
            dropped[id(group[match][0])] = issue
            group[match] = (issue, prints)
        else:
            dropped[id(issue)] = group[match][0]
    final = {id(i): i for group in groups.values() for i, _ in group}
    kept = [i for i in issues if id(i) in final]
    repeats = [(i, _last(dropped, i, final)) for i in issues if id(i) in dropped]
    return kept, repeats


RESEND_DAYS = 3  # a copy sent again (corrected, or to a second list) goes out within days
# What a resend adds to a title: a tag before it ("[Resend]", "[list-name]") or a note after
# it ("(corrected)", "[updated]").
_TITLE_TAGS = re.compile(r"^\s*\[[^\]]{1,40}\]\s*|\s*[(\[][^)\]]{1,40}[)\]]\s*$")


def _key(issue: Issue) -> tuple[str, str]:
    """What two copies of one issue share: the newsletter and the title without a resend's
    tags."""
    title = " ".join(issue.title.casefold().split())
    return issue.publication.casefold(), _TITLE_TAGS.sub("", title).strip() or title


def _resends(issue: Issue, kept: Issue) -> bool:
    """The issue is a later copy of the kept one, sent again to correct it: dated after it,
    or on the same day with a resend's tag its title adds ("(corrected)", "[Resend]")."""
    if issue.date and kept.date and issue.date != kept.date:
        return issue.date > kept.date
    return _tagged(issue.title) and not _tagged(kept.title)


def _tagged(title: str) -> bool:
    return _TITLE_TAGS.search(" ".join(title.split())) is not None


def _near_in_time(one: Issue, other: Issue) -> bool:
    """Two issues sent more than RESEND_DAYS apart are two issues, however alike (a weekly
    listing that repeats last week's, a year in review quoting the year's issues)."""
    return one.date is None or other.date is None or \
        abs((one.date - other.date).days) <= RESEND_DAYS


def _with_a_neighbour(same: list[Issue]) -> list[Issue]:
    """Those of one title's issues that another of them is near in time to: the only ones a
    copy can be found among (a newsletter whose every issue bears one title is read back and
    fingerprinted only where two issues came out within days)."""
    if len(same) < 2:
        return []
    if any(i.date is None for i in same):
        return same
    ordered = sorted(same, key=lambda i: i.date)
    return [issue for n, issue in enumerate(ordered)
            if n and _near_in_time(ordered[n - 1], issue)
            or n + 1 < len(ordered) and _near_in_time(issue, ordered[n + 1])]


def _last(dropped: dict[int, Issue], issue: Issue, final: dict[int, Issue]) -> Issue:
    """The kept copy an issue was finally replaced by (a fuller copy may replace a fuller one)."""
    while id(issue) not in final:
        issue = dropped[id(issue)]
    return issue


def issue_text(issue: Issue) -> str:
    parts = [issue.title]
    for section in issue.sections:
        parts.extend(p.text for p in section.paragraphs)
        parts.extend(i.text for i in section.items)
    return "\n".join(parts)
