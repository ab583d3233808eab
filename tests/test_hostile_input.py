"""Hostile and broken input: the build survives, reports each file, escapes everything,
and writes nothing outside its output folder. The corpus is generated here, not checked in."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import zipfile
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, run_digest

ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CHINA = (ROOT / "seeds" / "002_4589aac93914ba55.txt").read_text(encoding="utf-8")
FIRST_ISSUE = "\n".join(CHINA.splitlines()[:62]) + "\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner.txt", "hello " * 1000)
    return buffer.getvalue()


def _attachments_only() -> bytes:
    message = EmailMessage()
    message["From"] = "News <news@example.com>"
    message["Subject"] = "Only attachments"
    message["Date"] = "Tue, 02 Apr 2024 10:00:00 +0000"
    message.add_attachment(PNG, maintype="image", subtype="png", filename="a.png")
    message.add_attachment(_zip(), maintype="application", subtype="zip", filename="b.zip")
    return message.as_bytes()


def _bad_date() -> bytes:
    message = EmailMessage()
    message["From"] = "News <news@example.com>"
    message["Subject"] = "A letter with a broken date"
    message["Date"] = "sometime last Tuesday, probably"
    message.set_content("Hello readers.\n\nThis is the whole letter. It has one paragraph.\n")
    return message.as_bytes()


EVIL_HTML = """<!doctype html><html><head><title>Evil <script>alert(1)</script></title>
<style>body { background: expression(alert(1)) }</style></head><body>
<h1 onclick="alert(1)">Evil weekly</h1>
<p onmouseover="alert(2)" style="width: expression(alert(3))">Click
<a href="javascript:alert(4)">here</a> or <a href="data:text/html;base64,PHNjcmlwdD4=">there</a>
or <a href="https://example.com/ok">a real link</a>.</p>
<script>alert(5)</script><iframe src="https://evil.example/"></iframe>
<object data="evil.swf"></object><embed src="evil.swf">
<img src="x" onerror="alert(6)">
<h2>Section &lt;script&gt;alert(7)&lt;/script&gt;</h2>
<p>Text that mentions &lt;script&gt;alert(8)&lt;/script&gt; as words, and javascript:alert(9).</p>
</body></html>"""

EVIL_MD = """---
title: "Markdown with <script>alert(1)</script> in the title"
date: 2024-03-12
---

<div onclick="alert(2)"><script>alert(3)</script>Raw block</div>

A paragraph with <b onmouseover="alert(4)">raw inline HTML</b> and
[a javascript link](javascript:alert(5)) and [a data link](data:text/html,hi) and
![an image](javascript:alert(6)).

## A section

<iframe src="https://evil.example/"></iframe>

* [fine](https://example.com/) item
"""


SECRET = "root:x:0:0:root:/root:/bin/bash OUTSIDE-SECRET-MARKER\n"
DEEP_LISTS = ("---\ntitle: Deep lists\ndate: 2024-03-14\n---\n\nThe lead of deep lists.\n\n"
              + "- " * 5000 + "innermost item\n\n"
              + "".join("  " * i + f"- level {i}\n" for i in range(300))
              + "\nAFTER-THE-DEEP-LISTS paragraph.\n")
UNKNOWN_CHARSET = (b"From: =?x-unknown-42?q?Caf=E9_News?= <news@example.com>\n"
                   b"Subject: =?x-unknown-42?q?Caf=E9_weekly?=\n"
                   b"Date: Tue, 02 Apr 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
                   b"Content-Type: text/plain; charset=\"x-unknown-42\"\n\n"
                   b"Hello caf\xe9 readers.\n\nA second paragraph of the letter.\n")


def corpus(folder: Path) -> dict[str, str | None]:
    """Write every case; return each file's name and a word its message must contain."""
    cases: dict[str, tuple[bytes | str, str | None]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\t\n   \n", "empty"),
        "image.png": (PNG, "not text"),
        "archive.zip": (_zip(), "a ZIP archive"),
        "printed.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdftotext"),
        "bad-utf8.txt": (FIRST_ISSUE.encode() + b"\xff\xfe\xfa broken \xc3\x28\n", "UTF-8"),
        "cp1252.txt": ("The “smart” café — déjà vu.\n\nSecond paragraph here.\n"
                       .encode("cp1252"), "cp1252"),
        "utf16.txt": ("\ufeffA UTF-16 letter\n\nIt reads fine.\n".encode("utf-16"), None),
        "nul.txt": (b"Null\x00 bytes\x00 inside\n\nAnother\x00 paragraph.\n", "NUL"),
        "control.txt": (b"Bell \x07 and form \x0c feed\n\nvertical \x0b tab\n", "control"),
        "huge.txt": (("A sentence in a very large file. " * 30 + "\n\n") * 21000, "large"),
        "one-line.txt": ("word " * 210000, "long line"),
        "evil.html": (EVIL_HTML, "active content"),
        "evil.md": (EVIL_MD, "active content"),
        "attachments.eml": (_attachments_only(), "no text or HTML body"),
        "bad-date.eml": (_bad_date(), "Date"),
        "no-sections.txt": ("just some words without any structure at all and no end",
                            "no date"),
        "truncated.txt": ("\n".join(CHINA.splitlines()[:20]) + "\n", "missing"),
        "copy-one.txt": (FIRST_ISSUE, None),
        "copy-two.txt": (FIRST_ISSUE, "repeats"),
        "deep-lists.md": (DEEP_LISTS, None),
        "charset.eml": (UNKNOWN_CHARSET, "unknown charset"),
        "traversal.md": ('---\ntitle: "../../../../etc/passwd/..\\\\..//x"\ndate: 2024-03-13\n'
                         "---\n\nA body paragraph that is fine.\n", None),
        # a run of spaces inside a line no reader may take quadratic time over (each of
        # these took minutes, past the file's time limit)
        "spaces.org": ("#+TITLE: Weekly\n#+DATE: 2024-03-13\n\n* A" + " " * 90_000 + "b\n\n"
                       "A body paragraph that is fine.\n", None),
        "spaces.gmi": ("# Weekly 2024-03-13\n\n=> https://a.example/ x" + " " * 90_000 +
                       "y\n\nA body paragraph that is fine.\n", None),
        "spaces.rst": ("Weekly\n======\n\n:date: 2024-03-13\n\nA `" + " " * 30_000 +
                       "`" * 30_000 + ":" * 30_000 + "b\n\n* x" + " " * 30_000 + "y\n\n"
                       "A body paragraph that is fine.\n", None),
        "spaces.adoc": ("= Weekly\n:revdate: 2024-03-13\n\nA `" + " " * 30_000 +
                        "`" * 30_000 + ":" * 30_000 + "b\n\n* x" + " " * 30_000 + "y\n\n"
                        "A body paragraph that is fine.\n", None),
        "spaces-dump.txt": ("Weekly, 13 March 2024\n\nThe [1]Harbour Board met" + " " * 90_000 +
                            "today [2]again.\n\nReferences\n\n   1. https://a.example/1\n"
                            "   2. https://a.example/2\n", None),
        # one long word (a pasted data URI, a key) before a bracket: searching for the words
        # a bracketed address or a "[1]" follows took minutes a line
        "long-word.txt": ("Weekly, 13 March 2024\n\nSee <data:image/png;base64," +
                          "QUFB" * 25_000 + "> and " + "x" * 60_000 + " [\n\n" +
                          "a." * 30_000 + " [1]\n\nA body paragraph that is fine.\n\n"
                          "[1] https://a.example/1\n[2] https://a.example/2\n", None),
        # a run of one sign or letter on a line of its own: a printed page's last word, a
        # Markdown link's or template tag's opening, searched for from every place in it
        "printed-word.txt": ("WEEKLY\n\n" + "a" * 90_000 + "\n\fA body paragraph that is "
                             "fine, on the second page of the letter.\n", None),
        "brackets.txt": ("Weekly, 13 March 2024\n\n" + "[" * 90_000 + "\n\nA body paragraph "
                         "that is fine.\n", None),
        # one paragraph of 6,000 wrapped lines: each line's test for a word broken at its
        # hyphen looked through the whole paragraph so far
        "long-paragraph.txt": ("Weekly, 13 March 2024\n\n" + "\n".join(
            ["the tide came in over the flats and the birds rose from the mud in one"] * 6000)
            + ".\n", None),
        "braces.md": ("---\ntitle: Weekly\ndate: 2024-03-13\n---\n\n- " + "{" * 90_000 +
                      "\n\nA body paragraph that is fine." + " " * 90_000 + "{{name}}.\n", None),
    }
    folder.mkdir()
    for name, (data, _) in cases.items():
        target = folder / name
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    unreadable = folder / "unreadable.txt"
    if os.geteuid() == 0:  # root reads any mode: a link to what the kernel refuses instead
        unreadable.symlink_to("/proc/self/mem")
    else:
        unreadable.write_text("secret")
        unreadable.chmod(0)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder.parent / "secret.txt").write_text(SECRET)
    (folder / "outside.txt").symlink_to(folder.parent / "secret.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipe.txt")
    (folder / "pipe-link.txt").symlink_to("pipe.txt")
    (folder / "alias.txt").symlink_to("copy-one.txt")
    (folder / "linked-folder").symlink_to(folder.parent)
    expected = {name: word for name, (_, word) in cases.items()}
    expected.update({"unreadable.txt": "outside" if os.geteuid() == 0 else "unreadable",
                     "loop-a.txt": "link", "loop-b.txt": "link",
                     "outside.txt": "link points outside the input folder",
                     "passwd.txt": "link points outside the input folder",
                     "pipe.txt": "FIFO, not a regular file", "pipe-link.txt": "FIFO",
                     "alias.txt": "another name of copy-one.txt",
                     "linked-folder": "link to a folder"})
    return expected


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str | None], str, int]:
    project = tmp_path_factory.mktemp("hostile")
    expected = corpus(project / "seeds")
    outside = project.parent / "outside-marker"
    before = sorted(p.name for p in project.parent.iterdir())
    done = run_digest("build", cwd=project, check=False)
    after = sorted(p.name for p in project.parent.iterdir())
    assert before == after and not outside.exists()
    return project, expected, done.stderr, done.returncode


def test_the_build_completes_with_exit_0(hostile):
    project, _, stderr, code = hostile
    assert code == 0, stderr
    assert (project / "output" / "index.html").is_file()


def test_each_bad_file_gets_one_clear_message_naming_it(hostile):
    _, expected, stderr, _ = hostile
    lines = stderr.splitlines()
    for name, word in expected.items():
        about = [line for line in lines if f"/{name}" in line or line.startswith(name)]
        if word is None:
            continue
        assert about, f"no message names {name}:\n{stderr}"
        assert any(word.lower() in line.lower() for line in about), (name, about)


def test_long_runs_inside_a_line_are_read_within_the_files_time_budget(hostile):
    """The files made of one long run of spaces, signs or letters (see `corpus`) are read, not
    skipped: no search over a line may take time growing with its length squared."""
    _, _, stderr, _ = hostile
    assert not [line for line in stderr.splitlines() if "took longer than" in line], stderr


def test_nothing_outside_the_input_folder_is_read(hostile):
    project, _, stderr, _ = hostile
    site = b"".join(p.read_bytes() for p in (project / "output").rglob("*") if p.is_file())
    assert b"OUTSIDE-SECRET-MARKER" not in site and b"root:x:0:0" not in site
    assert stderr.count("outside.txt") == 1 and stderr.count("pipe.txt") == 1


def test_deep_markdown_lists_keep_their_text_and_what_follows(hostile):
    project, _, _, _ = hostile
    page = next(p for p in (project / "output" / "issues").glob("*deep-lists*.html"))
    text = page.read_text(encoding="utf-8")
    assert "innermost item" in text and "level 299" in text
    assert "AFTER-THE-DEEP-LISTS" in text


def test_strict_makes_the_same_build_fail(hostile):
    project, _, _, _ = hostile
    done = run_digest("build", "--strict", "-q", cwd=project, check=False)
    assert done.returncode == 1


# The search box's files: the only scripts a page may load (never inline ones).
SEARCH_SCRIPTS = ("pagefind/pagefind-ui.js", "static/search.js")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        src = dict(attrs).get("src") or ""
        if tag == "script" and src.endswith(SEARCH_SCRIPTS):
            self.scripts.append(src)
            self.in_script = True
        elif tag in ("script", "iframe", "object", "embed", "applet", "base", "form"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if name in ("href", "src", "action", "data") and value.startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.bad.append(f"{tag} {name}={value[:20]}")
            if name == "style":
                self.bad.append(f"{tag} style=")

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.bad.append("inline script")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = self.in_script and tag != "script"


def test_nothing_executable_from_input_reaches_the_output(hostile):
    project, _, _, _ = hostile
    output = project / "output"
    pages = list(output.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        scan = _Scan()
        html = page.read_text(encoding="utf-8")
        scan.feed(html)
        assert scan.bad == [], (page.name, scan.bad)
        assert [s.rsplit("/", 2)[-2:] for s in scan.scripts] == [
            ["pagefind", "pagefind-ui.js"], ["static", "search.js"]], page.name
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in html
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            for script in SEARCH_SCRIPTS:
                text = re.sub(rf'<script src="[^"<>]*{script}" defer></script>', "", text)
            assert "expression(" not in text, path.name
            assert "<script" not in text.replace("&lt;script", ""), path.name


def test_output_is_valid_xml_and_json_with_no_illegal_characters(hostile):
    project, _, _, _ = hostile
    output = project / "output"
    for path in output.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not ILLEGAL_XML.search(text), path.name
        if path.suffix == ".xml":
            ElementTree.fromstring(path.read_bytes())
        if path.suffix == ".json":
            json.loads(text)


def test_output_paths_are_slugs_inside_the_output_folder(hostile):
    project, _, _, _ = hostile
    output = project / "output"
    for path in output.rglob("*"):
        assert output.resolve() in path.resolve().parents
        if path.suffix == ".html":
            assert re.fullmatch(r"[a-z0-9-]+\.html", path.name), path.name
    assert not (project / "etc").exists()


def test_undated_and_sectionless_issues_are_still_listed(hostile):
    project, _, _, _ = hostile
    undated = (project / "output" / "undated.html").read_text(encoding="utf-8")
    assert "no-sections" in undated


def test_a_copy_under_a_second_name_is_built_once(hostile):
    project, _, _, _ = hostile
    pages = [p for p in (project / "output" / "issues").glob("*.html")
             if "threads-is-giving" in p.name]
    assert len(pages) == 1


@pytest.fixture(autouse=True, scope="module")
def _cleanup_unreadable(hostile):
    yield
    project = hostile[0]
    target = project / "seeds" / "unreadable.txt"
    if target.exists() and not target.is_symlink():
        target.chmod(0o644)
    shutil.rmtree(project, ignore_errors=True)


def _letter(n: int) -> str:
    return (f"---\ntitle: Good letter {n}\ndate: 2024-03-{n % 28 + 1:02d}\n---\n\nGOOD-LETTER-{n} "
            "has a lead sentence.\n\n## News\n\nOne story here.\n")


def _deep_html(depth: int) -> str:
    return ("<!doctype html><html><head><title>Deep</title></head><body><h1>Deep</h1>"
            + "<div>nested " * depth + "DEEPEST" + "</div>" * depth + "</body></html>")


def _mbox(messages: int) -> bytes:
    return b"".join(b"From news@example.com Tue Apr  2 10:00:00 2024\nFrom: News <n@example.com>\n"
                    b"Subject: Tiny %d\nDate: Tue, 02 Apr 2024 10:00:00 +0000\n\nHello %d.\n\n"
                    % (i, i) for i in range(messages))


def _many_parts(parts: int) -> bytes:
    """A multipart message written out directly (EmailMessage takes seconds for 10,000 parts)."""
    head = (b"From: News <news@example.com>\nSubject: Many parts\n"
            b"Date: Tue, 02 Apr 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="XX"\n\n')
    body = b"--XX\nContent-Type: text/plain\n\nMANY-PARTS body text of the message.\n"
    rest = b"".join(b"--XX\nContent-Type: application/octet-stream\nContent-Disposition: "
                    b'attachment; filename="a%d.bin"\n\nx\n' % i for i in range(parts - 1))
    return head + body + rest + b"--XX--\n"


def test_html_nested_past_the_depth_limit_is_read_flat_not_recursed():
    from digest.ingest import read_bytes

    blocks = read_bytes("deep.html", _deep_html(5000).encode()).parts[0].blocks
    assert blocks[0].text == "Deep" and len(blocks) < 200
    assert blocks[-1].text.endswith("nested DEEPEST") and blocks[-1].text.count("nested") > 4900


def _skipped_or_read(stderr: str, site: str, name: str, seconds: int, marker: str) -> None:
    """A heavy file is read within the budget, or skipped with one message saying so."""
    about = [line for line in stderr.splitlines() if f"/{name}" in line]
    timed_out = [line for line in about if f"skipped: took longer than {seconds} s to read"
                 in line]
    assert len(timed_out) == 1 or (marker in site and not timed_out), (name, about)


def test_each_file_has_a_time_budget_and_the_build_goes_on(tmp_path):
    """A 100,000-deep HTML file, an mbox of 50,000 tiny messages and a message of 10,000
    MIME parts, with a 3 s budget per file (-j 1: read in one child process)."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "digest.toml").write_text("[build]\nfile_timeout = 3\n")
    (tmp_path / "seeds" / "deep.html").write_text(_deep_html(100_000))
    (tmp_path / "seeds" / "tiny.mbox").write_bytes(_mbox(50_000))
    (tmp_path / "seeds" / "parts.eml").write_bytes(_many_parts(10_000))
    for n in range(3):
        (tmp_path / "seeds" / f"good-{n}.md").write_text(_letter(n))
    done = run_digest("build", "-j", "1", cwd=tmp_path)
    site = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "output").rglob("*.html"))
    assert all(f"GOOD-LETTER-{n}" in site for n in range(3)), done.stderr
    _skipped_or_read(done.stderr, site, "deep.html", 3, "DEEPEST")
    _skipped_or_read(done.stderr, site, "tiny.mbox", 3, "Tiny 49999")
    _skipped_or_read(done.stderr, site, "parts.eml", 3, "MANY-PARTS")


def test_a_stuck_worker_is_replaced_and_the_other_files_are_read(tmp_path):
    """Enough files for the worker pool: the one worker past its time is killed and replaced."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "digest.toml").write_text("[build]\nfile_timeout = 5\n")
    (tmp_path / "seeds" / "deep.html").write_text(_deep_html(400_000))  # far past 5 s
    for n in range(40):
        (tmp_path / "seeds" / f"good-{n:02d}.md").write_text(_letter(n))
    done = run_digest("build", "-j", "2", "-v", cwd=tmp_path)
    assert "worker processes: 2" in done.stdout
    site = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "output").rglob("*.html"))
    assert all(f"GOOD-LETTER-{n}" in site for n in range(40)), done.stderr
    _skipped_or_read(done.stderr, site, "deep.html", 5, "DEEPEST")


def test_a_page_with_no_text_is_said_to_have_none(tmp_path):
    page = tmp_path / "moved.html"
    page.write_text('<!doctype html><html><head><meta http-equiv="refresh" content="0; '
                    'url=https://example.org/new"><title>Redirecting…</title></head><body>'
                    "</body></html>", encoding="utf-8")
    done = run_digest("inspect", str(page), cwd=tmp_path)
    assert "moved.html: warning: no text found: nothing to build" in done.stderr
