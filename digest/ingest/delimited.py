"""A table pasted into plain text as comma-, semicolon- or tab-separated values: a header
line of names ("code,product,origin,price") over rows of values ("VG101,Carrots,UK,7.80"),
each line split at the same number of one separator, outside double quotes. Each line is a
row of its own, never prose a wrap broke."""

from __future__ import annotations

import csv
import re

from digest.textwords import SENTENCE_ENDS

from .decode import clean_line

SEPARATORS = ("\t", ";", ",")  # a tab first: a European sheet's decimal comma is inside a cell
DELIMITED_ROWS = 3  # lines, the header with them, that make a table
HEADER_CELL_WORDS = 4  # words of a column's name
CELL_WORDS = 6  # words of a value not in quotes
_FIGURE = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_ENDS_SENTENCE = re.compile(f"[^\\d\\s][{SENTENCE_ENDS}]$")  # "kein Training." (not "21.60.")


def delimited_rows(raw: list[str]) -> dict[int, list[str]]:
    """The lines (numbered from 1) of tables set out with separators, each with its cells;
    `raw` as written (a tab is still a tab)."""
    found: dict[int, list[str]] = {}
    for separator in SEPARATORS:
        run: list[tuple[int, list[str]]] = []
        for number, line in enumerate([*raw, ""], start=1):
            cells = None if number in found else _split(line, separator)
            if cells and run and len(cells) == len(run[0][1]):
                run.append((number, cells))
                continue
            if _table(run, raw):
                found.update(run)
            run = [(number, cells)] if cells else []
    return found


def _split(line: str, separator: str) -> list[str] | None:
    """The line's cells at `separator` (two separators at least), quotes respected."""
    if line.count(separator) < 2:
        return None
    cells = next(csv.reader([line.strip(" \r")], delimiter=separator,
                            skipinitialspace=separator != "\t"))
    return [" ".join(clean_line(cell).split()) for cell in cells] if len(cells) >= 3 else None


def _table(run: list[tuple[int, list[str]]], raw: list[str]) -> bool:
    """A header of names (a letter in each, no figure, a few words) over rows of short values,
    half of them with a figure, no cell ending a sentence unless quoted."""
    if len(run) < DELIMITED_ROWS:
        return False
    header, rows = run[0][1], run[1:]
    if not all(_LETTER.search(c) and not _FIGURE.search(c) and
               len(c.split()) <= HEADER_CELL_WORDS and not _ENDS_SENTENCE.search(c)
               for c in header):
        return False
    figures = sum(any(map(_FIGURE.search, cells)) for _, cells in rows)
    return figures * 2 >= len(rows) and all(
        _quoted(cell, raw[number - 1]) or
        len(cell.split()) <= CELL_WORDS and not _ENDS_SENTENCE.search(cell)
        for number, cells in rows for cell in cells)


def _quoted(cell: str, line: str) -> bool:
    """The cell was written in double quotes (free text: "Late, but well packed.")."""
    return f'"{cell}' in line.replace('""', '"')
