"""Finding the input files: every file under the input folder, safely and in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

from digest.model import Problem

SKIPPED_NAMES = {"metadata.toml", "README.md", "README", "README.txt", ".gitkeep"}


def input_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Files to read, sorted; links that are broken or loop are reported and skipped."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], [Problem(str(folder), "input folder not found", severity="error")]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or name in SKIPPED_NAMES:
                continue
            if path.is_symlink():
                problem = _check_link(path)
                if problem:
                    problems.append(problem)
                    continue
            found.append(path)
    return found, problems


def _check_link(path: Path) -> Problem | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return Problem(str(path), f"skipped: broken or looping link ({exc.__class__.__name__})",
                       severity="error")
    if not target.is_file():
        return Problem(str(path), "skipped: link does not point at a file", severity="error")
    return None
