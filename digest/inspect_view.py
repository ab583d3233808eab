"""What `digest inspect` shows: segmented issues as JSON-ready dicts or a readable tree."""

from __future__ import annotations

from typing import Any

from digest.model import Document, Issue, Item, Paragraph, Section


def item_dict(item: Item, top: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"line": item.line, "text": item.text, "outlet": item.outlet,
                            "paywalled": item.paywalled, "title": item.title,
                            "author": item.author, "excerpt": item.excerpt}
    if top:
        data["number"] = item.number
        data["sub_items"] = [item_dict(s, top=False) for s in item.sub_items]
    elif item.sub_items:  # deeper entries, under a sub-item
        data["sub_items"] = [item_dict(s, top=False) for s in item.sub_items]
    if item.links:
        data["links"] = [{"text": link.text, "url": link.url} for link in item.links]
    return data


def paragraph_dict(paragraph: Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {"line": paragraph.line, "kind": paragraph.kind,
                            "label": paragraph.label, "text": paragraph.text}
    if paragraph.links:
        data["links"] = [{"text": link.text, "url": link.url} for link in paragraph.links]
    return data


def section_dict(section: Section) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": section.kind,
        "role": section.role,
        "heading": section.heading,
        "dek": section.dek,
        "first_line": section.first_line,
        "last_line": section.last_line,
        "author": section.author,
        "subsections": [{"heading": s.heading, "line": s.line} for s in section.subsections],
        "items": [item_dict(i) for i in section.items],
        "paragraphs": [paragraph_dict(p) for p in section.paragraphs],
    }
    if section.link:
        data["link"] = section.link
    if section.sponsor:
        data["sponsor"] = section.sponsor
    return data


def issue_dict(issue: Issue) -> dict[str, Any]:
    return {
        "publication": issue.publication,
        "publisher": issue.publisher,
        "author": issue.author,
        "title": issue.title,
        "dek": issue.dek,
        "date": issue.date.isoformat() if issue.date else None,
        "date_approximate": issue.date_approximate,
        "date_source": issue.date_source,
        "language": issue.language,
        "first_line": issue.first_line,
        "last_line": issue.last_line,
        "duplicate_of": issue.duplicate_of,
        "sections": [section_dict(s) for s in issue.sections],
        "dropped": [{"kind": d.kind, "line": d.line, "text": d.text} for d in issue.dropped],
    }


def file_dict(doc: Document, issues: list[Issue]) -> dict[str, Any]:
    return {
        "path": doc.path,
        "format": doc.format,
        "issues": [issue_dict(i) for i in issues],
        "problems": [str(p) for p in doc.problems],
    }


def tree(doc: Document, issues: list[Issue]) -> str:
    """A readable outline of one file's issues, for people rather than programs."""
    out = [f"{doc.path} ({doc.format}, {len(issues)} issue{'s' * (len(issues) != 1)})"]
    for n, issue in enumerate(issues):
        date = issue.date.isoformat() if issue.date else "undated"
        dup = f"  [duplicate of issue {issue.duplicate_of + 1}]" if issue.duplicate_of is not None \
            else ""
        out.append(f"  {n + 1}. {issue.title}  ({issue.publication}, {date}, "
                   f"lines {issue.first_line}-{issue.last_line}){dup}")
        for section in issue.sections:
            label = section.heading or section.kind
            extra = f", by {section.author}" if section.author else ""
            role = f" [{section.role}]" if section.role != section.kind else ""
            out.append(f"     - {section.kind}{role}: {label} (lines {section.first_line}-"
                       f"{section.last_line}{extra})")
            if section.dek:
                out.append(f"         “{section.dek}”")
            for sub in section.subsections:
                out.append(f"         § {sub.heading} (line {sub.line})")
            for item in section.items:
                out.append(_item_line(item, "         "))
                out.extend(_item_line(s, "             ") for s in item.sub_items)
        if issue.dropped:
            counts: dict[str, int] = {}
            for d in issue.dropped:
                counts[d.kind] = counts.get(d.kind, 0) + 1
            out.append("     dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return "\n".join(out)


def _item_line(item: Item, indent: str) -> str:
    number = f"{item.number}. " if item.number else "• "
    text = item.text if len(item.text) <= 70 else item.text[:69] + "…"
    outlet = f" ({item.outlet}{' $' if item.paywalled else ''})" if item.outlet else ""
    return f"{indent}{number}{text}{outlet}  [line {item.line}]"
