"""The account that proves nothing was silently lost: every block is in a section or dropped."""

from __future__ import annotations

from digest.model import Block, Issue
from digest.textwords import folded


def unaccounted(issue: Issue, blocks: list[Block]) -> list[Block]:
    """Blocks of an issue that are neither in a section, its title or dek, nor dropped."""
    dropped = {d.line for d in issue.dropped}
    headings = {s.heading_line for s in issue.sections}
    spans = [(s.first_line, s.last_line) for s in issue.sections]
    missing = []
    title, dek = folded(issue.title or ""), folded(issue.dek or "")
    for block in blocks:
        if block.kind == "rule":  # a rule separates and says nothing: it cannot be lost
            continue
        if block.line in dropped or block.line in headings or block.line == issue.first_line:
            continue
        if any(a <= block.line <= b for a, b in spans):
            continue
        text = folded(block.text)
        if text in (title, dek) or block.kind == "heading" and title.startswith(text):
            continue  # the title, or a heading the subject said more than ("X" of "X | May")
        missing.append(block)
    return missing


def dropped_counts(issues: list[Issue], counts: dict[str, int] | None = None) -> dict[str, int]:
    counts = dict(counts or {})
    for issue in issues:
        for d in issue.dropped:
            counts[d.kind] = counts.get(d.kind, 0) + 1
    return dict(sorted(counts.items()))
