"""A fixture written in a test read and segmented into its one issue, and that issue's text."""

from __future__ import annotations

from digest.ingest import read_bytes
from digest.model import Issue
from digest.segment import load_profiles, segment_document


def issue_of(name: str, text: str) -> Issue:
    (issue,), _ = segment_document(read_bytes(name, text.encode()), *load_profiles())
    return issue


def texts(issue: Issue) -> list[str]:
    """Every paragraph's text, section by section, then every item's."""
    return [p.text for s in issue.sections for p in s.paragraphs] + \
        [i.text for s in issue.sections for i in s.items]
