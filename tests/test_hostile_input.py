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


def corpus(folder: Path) -> dict[str, str | None]:
    """Write every case; return each file's name and a word its message must contain."""
    cases: dict[str, tuple[bytes | str, str | None]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\t\n   \n", "empty"),
        "image.png": (PNG, "not text"),
        "archive.zip": (_zip(), "not text"),
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
        "traversal.md": ('---\ntitle: "../../../../etc/passwd/..\\\\..//x"\ndate: 2024-03-13\n'
                         "---\n\nA body paragraph that is fine.\n", None),
    }
    folder.mkdir()
    for name, (data, _) in cases.items():
        target = folder / name
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    unreadable = folder / "unreadable.txt"
    if os.geteuid() == 0:  # root reads any mode, so point at a file the kernel refuses to read
        unreadable.symlink_to("/proc/self/mem")
    else:
        unreadable.write_text("secret")
        unreadable.chmod(0)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    expected = {name: word for name, (_, word) in cases.items()}
    expected.update({"unreadable.txt": "unreadable", "loop-a.txt": "link",
                     "loop-b.txt": "link"})
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
