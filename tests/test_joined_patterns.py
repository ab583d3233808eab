"""A newsletter's drop patterns are searched joined into fewer patterns (`searched_together`):
a text any of them finds is found, and no other, whatever a reader's profile writes — a bar
outside a group, a group referred to again, flags other than `(?i)`, a `]` or `|` in a class.
Patterns written here."""

from __future__ import annotations

import re

from digest.segment.profiles import bar_outside_groups, load_profiles, searched_together

WRITTEN = [
    r"(?i)^copyright\b.{0,80}$",
    r"^Sponsored by|advertisement$",  # a bar outside any group: the second anywhere
    r"^(?:Photo|Image)s? by [A-Z]\w+$",
    r"^(\w+) and \1$",  # a group referred to by number
    r"^(?P<word>\w+) or (?P=word)$",  # and by name
    r"(?s)^Read more.+here$",  # a flag but (?i)
    r"(?x) ^ forward \s to \s a \s friend  # a comment",
    r"^[]|]+ menu$",  # a class opening with "]", holding a bar
    r"^[^]|]{3} links$",
    r"\bunsubscribe\b",
    r"(?i)view (?:it )?in (?:your )?browser",
    r"^\[[a-z]{1,2}\](?=\S)(?!\()",
    r"(?iu)^tweet this$",
]

TEXTS = [
    "Copyright 2026 The Harbour Weekly", "copyright", "Not copyright 2026",
    "Sponsored by Acme", "The big advertisement", "An advertisement in the middle",
    "Photos by Lena", "photos by lena", "echo and echo", "echo and delta", "alpha or alpha",
    "alpha or beta", "Read more\nabout it here", "read more here", "forward to a friend",
    "Forward to a friend", "]|] menu", "abc links", "a|b links", "Click to unsubscribe now",
    "unsubscribed", "VIEW THIS IN YOUR BROWSER", "[ab]text", "[ab](link)", "TWEET THIS",
    "tweet this", "", "A paragraph about something else entirely.",
]


def found_apart(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def test_joined_patterns_find_the_texts_the_patterns_found_apart():
    patterns = [re.compile(p) for p in WRITTEN]
    joined = searched_together(tuple(patterns))
    assert len(joined) < len(patterns)
    for text in TEXTS:
        assert found_apart(list(joined), text) == found_apart(patterns, text), text


def test_each_pattern_joined_with_the_others_keeps_its_own_texts():
    """Each alone, then with the others: the joined set finds what the one pattern finds,
    at least, among texts the others never find."""
    patterns = [re.compile(p) for p in WRITTEN]
    for n, pattern in enumerate(patterns):
        others = patterns[:n] + patterns[n + 1:]
        joined = searched_together((pattern, *others))
        for text in TEXTS:
            if not found_apart(others, text):
                assert found_apart(list(joined), text) == bool(pattern.search(text)), \
                    (pattern.pattern, text)


def test_the_shipped_drop_patterns_become_one_search_a_kind():
    generic, profiles = load_profiles()
    for profile in [generic, *profiles]:
        for kind, patterns in profile.drop.items():
            anchored = all(p.pattern.startswith(("^", "(?i)^")) for p in patterns)
            assert len(searched_together(tuple(patterns))) <= (1 if anchored else 2), kind


def test_a_bar_outside_groups_is_told_from_one_inside_a_group_or_class():
    assert bar_outside_groups("^a(?:x|y)|b")
    assert bar_outside_groups(r"^\(a|b")
    assert bar_outside_groups("^[^|]|x")
    assert not bar_outside_groups(r"^a(?:x|y)[|]b\|c")
    assert not bar_outside_groups("^[]|]x")
    assert not bar_outside_groups("^[^]|]x")
    assert not bar_outside_groups(r"^[\]|]x")
