"""What the build reads from the input folder: in a Maildir (a folder a mail program keeps,
with `cur/`, `new/` and `tmp/`), only its delivered messages; the rest is said, not read."""

from __future__ import annotations

from pathlib import Path

from _letters import mail

from digest.ingest.files import input_files


def maildir(root: Path) -> Path:
    box = root / "seeds" / "lantern-notes"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    letter = mail("<p>The lanterns go up on Friday.</p>", "Lantern <l@lantern.example>",
                  "Lantern Notes 12", "Fri, 13 Nov 2026 09:00:00 +0000")
    (box / "cur" / "1762668004.M231405P18822.mx2,S=931:2,S").write_bytes(letter)
    (box / "new" / "1763272803.M518204P20117.mx2").write_bytes(letter.replace(b"12", b"13"))
    (box / "tmp" / "1763877603.M7730P20145.mx2").write_bytes(letter[:200])
    (box / "dovecot-uidlist").write_text("3 V1762668000 N3\n1 :1762668004.M231405P18822.mx2\n")
    (box / "maildirfolder").write_text("")
    return box


def test_a_maildir_gives_its_delivered_messages_only_and_says_what_it_passed_over(tmp_path):
    box = maildir(tmp_path)
    files, problems = input_files(tmp_path / "seeds")
    assert sorted(p.parent.name for p in files) == ["cur", "new"]
    said = {Path(p.path).name: (p.severity, p.message) for p in problems}
    assert said["1763877603.M7730P20145.mx2"][0] == "info"
    assert "still delivering" in said["1763877603.M7730P20145.mx2"][1]
    assert set(said) == {"1763877603.M7730P20145.mx2", "dovecot-uidlist", "maildirfolder"}
    assert (box / "dovecot-uidlist").exists()


def test_folders_named_like_a_maildirs_elsewhere_are_read_whole(tmp_path):
    notes = tmp_path / "seeds" / "garden" / "new"
    notes.mkdir(parents=True)
    (notes / "2026-03-14.md").write_text("# Garden 14\n\nSeeds are in.\n")
    (notes.parent / "2026-03-07.md").write_text("# Garden 7\n\nFrost again.\n")
    files, problems = input_files(tmp_path / "seeds")
    assert sorted(p.name for p in files) == ["2026-03-07.md", "2026-03-14.md"]
    assert problems == []


def test_inspect_and_summarize_read_a_folder_as_the_build_does(tmp_path):
    """`digest inspect` on a Maildir said "unreadable: Is a directory" and showed nothing."""
    import json

    from conftest import run_digest

    box = maildir(tmp_path)
    done = run_digest("inspect", "--json", str(box), cwd=tmp_path)
    titles = [i["title"] for f in json.loads(done.stdout)["files"] for i in f["issues"]]
    assert sorted(titles) == ["Lantern Notes 12", "Lantern Notes 13"]
    assert "still delivering" in done.stderr and "Is a directory" not in done.stderr
    summary = run_digest("summarize", str(box), cwd=tmp_path)
    assert "Lantern Notes 13" in summary.stdout


def test_summarize_into_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(300):  # more summaries than a pipe holds
        (folder / f"2026-03-{n % 28 + 1:02d}-{n}.md").write_text(
            f"# Notes {n}\n\nThe lanterns number {n} go up on Friday at the harbour, and "
            f"the choir sings at {n % 12 + 1} o'clock by the old crane.\n")
    reader = subprocess.run(f"{sys.executable} -m digest summarize {folder}/*.md | head -c 1",
                            shell=True, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in reader.stderr and "BrokenPipe" not in reader.stderr


def test_a_mail_programs_index_beside_its_mbox_is_said_and_not_read(tmp_path):
    folder = tmp_path / "seeds" / "local-folders"
    folder.mkdir(parents=True)
    (folder / "Newsletters").write_bytes(b"From - Sat Nov 07 08:00:00 2026\n" + mail(
        "<p>Gales this week.</p>", "Almanac <a@almanac.example>", "Almanac 7",
        "Sat, 07 Nov 2026 08:00:00 +0000"))
    (folder / "Newsletters.msf").write_text('// <!-- <mdb:mork:z v="1.4"/> -->\n< <(a=c)> >\n')
    files, problems = input_files(tmp_path / "seeds")
    assert [p.name for p in files] == ["Newsletters"]
    assert [(Path(p.path).name, p.severity) for p in problems] == [("Newsletters.msf", "info")]


def test_a_saved_pages_folder_of_assets_and_loose_pictures_are_said_and_not_read(tmp_path):
    """A browser's "Web page, complete" keeps "Page_files/" beside "Page.html" (scripts,
    styles, pictures, an iframe's page): none of it is an issue, and a picture is no error."""
    folder = tmp_path / "seeds" / "kettle-and-cog"
    assets = folder / "Kettle & Cog #58_files"
    assets.mkdir(parents=True)
    (folder / "Kettle & Cog #58.html").write_text(
        "<html><body><h1>Kettle &amp; Cog #58</h1><p>The repair café ran out of chairs.</p>"
        "</body></html>", encoding="utf-8")
    (assets / "jquery.min.js").write_text("!function(e){return e}(window);")
    (assets / "saved_resource.html").write_text("<html><body><p>Comments</p></body></html>")
    (assets / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    files, problems = input_files(tmp_path / "seeds")
    assert [p.name for p in files] == ["Kettle & Cog #58.html"]
    said = {Path(p.path).name: p.severity for p in problems}
    assert said == {"Kettle & Cog #58_files": "info", "cover.png": "info"}
