"""Finding the input files: every regular file inside the input folder, each once, in order."""

from __future__ import annotations

from pathlib import Path

from digest.confine import regular_files
from digest.model import Problem

SKIPPED_NAMES = {"metadata.toml", "README.md", "README", "README.txt", ".gitkeep"}


def input_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Files to read, sorted; links leaving the folder, broken or looping links, special files
    and second names of one file are each reported once and skipped."""
    if not folder.is_dir():
        return [], [Problem(str(folder), "input folder not found", severity="error")]
    found, refused = regular_files(folder)
    problems = [Problem(str(r.path), f"skipped: {r.reason}",
                        severity="info" if r.reason.startswith("another name") else "error")
                for r in refused if r.path.name not in SKIPPED_NAMES]
    return [p for p in found if p.name not in SKIPPED_NAMES], problems
