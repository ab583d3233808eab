"""Finding the input files: every regular file inside the input folder, each once, in order;
in a Maildir, only its messages."""

from __future__ import annotations

from pathlib import Path

from digest.confine import regular_files
from digest.model import Problem

SKIPPED_NAMES = {"metadata.toml", "README.md", "README", "README.txt", ".gitkeep"}
# A mail program's index beside the mbox it indexes (Thunderbird's "Inbox.msf"): not mail.
MAIL_INDEX_SUFFIXES = {".msf"}
# What a saved web page needs beside it (its pictures, scripts, styles and fonts): never an
# issue, said once as passed over, not as unreadable.
ASSET_SUFFIXES = {".js", ".mjs", ".css", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp",
                  ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf",
                  ".otf", ".eot", ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".thmx"}
# The folder a browser (or Outlook, Word) saves beside a page for those: "Page_files",
# "Page-Dateien", "Page-fichiers".
_COMPANION = ("_files", "-Dateien", "-fichiers", "_archivos", "-bestanden")


def input_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Files to read, sorted; links leaving the folder, broken or looping links, special files
    and second names of one file are each reported once and skipped."""
    if not folder.is_dir():
        return [], [Problem(str(folder), "input folder not found", severity="error")]
    found, refused = regular_files(folder)
    problems = [Problem(str(r.path), f"skipped: {r.reason}",
                        severity="info" if r.reason.startswith("another name") else "error")
                for r in refused if r.path.name not in SKIPPED_NAMES]
    files, maildir = [], _maildirs(found)
    companions = _companions(found)
    for folder in sorted(companions):
        problems.append(Problem(str(folder), "skipped: the pictures and scripts a saved page "
                                             "keeps beside it", severity="info"))
    for path in found:
        if path.name in SKIPPED_NAMES or any(c in path.parents for c in companions):
            continue
        if path.suffix.lower() in ASSET_SUFFIXES:
            problems.append(Problem(str(path), "skipped: a picture, script or style (not "
                                               "text)", severity="info"))
            continue
        if path.suffix.lower() in MAIL_INDEX_SUFFIXES:
            problems.append(Problem(str(path), "skipped: a mail program's index of the mbox "
                                               "beside it", severity="info"))
            continue
        home = next((m for m in maildir if m in path.parents), None)
        if home is None or path.parent in (home / "cur", home / "new"):
            files.append(path)
        elif path.parent == home / "tmp":
            problems.append(Problem(str(path), "skipped: a message Maildir is still delivering "
                                               "(tmp/)", severity="info"))
        elif path.parent == home:
            problems.append(Problem(str(path), "skipped: the mail program's own file in a "
                                               "Maildir", severity="info"))
        else:
            files.append(path)  # a subfolder of its own (a Maildir++ folder is one too)
    return files, problems


def _maildirs(found: list[Path]) -> set[Path]:
    """Folders that are Maildirs: messages in `cur/` or `new/`, beside another of `cur/`,
    `new/` and `tmp/`."""
    return {p.parent.parent for p in found if p.parent.name in ("cur", "new") and
            sum((p.parent.parent / name).is_dir() for name in ("cur", "new", "tmp")) >= 2}


def _companions(found: list[Path]) -> set[Path]:
    """Folders saved beside a web page for its assets: named as the page and "_files" (or
    the browser's word in its language), next to that page."""
    pages = {(p.parent, p.stem.casefold()) for p in found
             if p.suffix.lower() in (".html", ".htm", ".xhtml")}
    return {folder for p in found for folder in p.parents
            if folder.name.endswith(_COMPANION) and
            (folder.parent, _page_of(folder.name).casefold()) in pages}


def _page_of(name: str) -> str:
    return next(name[:-len(end)] for end in _COMPANION if name.endswith(end))
