"""The speed guards of the shipped phrase patterns stay true to the phrases they guard.

A lookahead listing first letters, `(?=[adfinp])(?:for …|is not …|…)`, lets a search pass
over a word at once; it must list the first letter of every alternative after it, or a phrase
added to the list later would silently never match. A lookahead for a sign the pattern needs,
`(?=[^©]*+©)`, must name a sign the pattern itself writes after it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from digest.segment.profiles import bar_outside_groups

PROFILES = Path(__file__).resolve().parents[1] / "digest" / "profiles"
FIRST_LETTERS = re.compile(r"\(\?=\[([a-z]+)\]\)(?:\(\?=[^)]*\))*\(\?:")
NEEDED_SIGN = re.compile(r"\(\?=\[\^([^\]]+)\]\*\+(?:\[[^\]]+\]|\\?.)\)")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def _patterns() -> list[str]:
    files = [PROFILES / "_common.toml", *sorted((PROFILES / "platforms").glob("*.toml"))]
    return [s for f in files for s in _strings(tomllib.loads(f.read_text("utf-8")))]


def _marks(text: str, start: int = 0):
    """Each bracket or bar of `text` from `start` with the group depth after it, skipping
    escaped characters and character classes."""
    depth, n = 0, start
    while n < len(text):
        if text[n] == "\\":
            n += 2
            continue
        if text[n] == "[":
            n = text.index("]", n + 2)
        elif text[n] in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[text[n]]
            yield n, text[n], depth
        n += 1


def _group(text: str, start: int) -> str:
    """The body of the group opening at `start` ("(?:"), up to its closing bracket."""
    end = next(n for n, mark, depth in _marks(text, start) if mark == ")" and depth == 0)
    return text[start + 3:end]


def _alternatives(body: str) -> list[str]:
    """The alternatives of a group's body, split at its own `|` only."""
    bars = [n for n, mark, depth in _marks(body) if mark == "|" and depth == 0]
    return [body[a + 1:b] for a, b in zip([-1, *bars], [*bars, len(body)])]


def _first_letters(alternative: str) -> set[str]:
    """The letters an alternative may open with (a nested group's alternatives' too)."""
    if alternative.startswith("(?:"):
        inner = _group(alternative, 0)
        letters = {c for alt in _alternatives(inner) for c in _first_letters(alt)}
        rest = alternative[len(inner) + 4:]
        return letters | _first_letters(rest) if rest.startswith("?") else letters
    if not alternative[:1].isalpha():
        raise AssertionError(f"cannot tell the first letter of {alternative!r}")
    return {alternative[0].lower()}


GUARDED = [p for p in _patterns() if FIRST_LETTERS.search(p)]
NEEDING = [p for p in _patterns() if NEEDED_SIGN.search(p)]


def test_the_shipped_tables_have_guards_to_check():
    assert len(GUARDED) >= 5 and len(NEEDING) >= 4


@pytest.mark.parametrize("pattern", GUARDED)
def test_a_first_letter_guard_lists_every_alternative(pattern):
    for found in FIRST_LETTERS.finditer(pattern):
        listed = set(found[1])
        body = _group(pattern, found.end() - 3)
        opening = {c for alt in _alternatives(body) for c in _first_letters(alt)}
        assert opening <= listed, f"{sorted(opening - listed)} missing from {found[0]!r}"


@pytest.mark.parametrize("pattern", NEEDING)
def test_a_needed_sign_guard_names_a_sign_the_pattern_writes(pattern):
    for found in NEEDED_SIGN.finditer(pattern):
        rest = pattern[found.end():]
        assert any(sign in rest.replace(f"[^{found[1]}", "") for sign in found[1]), found[0]


def test_the_checker_finds_a_missing_letter():
    pattern = "(?i)^.{0,80}\\b(?=[rs])(?:reply|send|write back) with"
    with pytest.raises(AssertionError, match="w"):
        test_a_first_letter_guard_lists_every_alternative(pattern)


ANCHORED = [p for p in _patterns() if p.startswith(("^", "(?i)^"))]


def test_an_anchored_pattern_is_anchored_as_a_whole():
    """Anchored phrases and chrome links are combined as `^(?:…|…)`, tried at the start only:
    a bar outside any group (`^a|b`, "b" anywhere) would change what matches."""
    assert len(ANCHORED) > 100
    assert [p for p in ANCHORED if bar_outside_groups(p)] == []
