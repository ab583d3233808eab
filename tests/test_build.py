"""`digest build` as a user runs it: deterministic, atomic, quiet when nothing changed."""

from __future__ import annotations

import hashlib
import importlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from _tools import running
from conftest import ROOT, run_digest

from digest.buildcache import RACY_NS, content_digests

# Pagefind writes its filter tables in no fixed order (upstream: Pagefind/pagefind#638), so
# they, and the two files naming them by hash, differ from one run to the next: left out.
UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.")


def tree(folder: Path) -> dict[str, str]:
    """Every file of a site by its hash, but the parts of the search index made in no fixed
    order (they are counted: `files`)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(UNSTABLE)}


def files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path, seed_site):
    other = project(tmp_path)
    run_digest("build", "-q", cwd=other)
    assert tree(other / "output") == tree(seed_site)
    assert any(name.startswith("pagefind/fragment/") for name in tree(seed_site))
    assert files(other / "output") == files(seed_site)


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    before = {p: p.stat().st_mtime_ns for p in (folder / "output").rglob("*")}
    inode = (folder / "output").stat().st_ino
    done = run_digest("build", cwd=folder)
    assert "unchanged" in done.stdout
    assert (folder / "output").stat().st_ino == inode
    assert {p: p.stat().st_mtime_ns for p in (folder / "output").rglob("*")} == before


def _stopped(process: subprocess.Popen) -> bool:
    """Whether the process has stopped itself (DIGEST_STOP_AT) or ended."""
    while process.poll() is None:
        state = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "T":
            return True
        time.sleep(0.01)  # polling a state, not waiting for a guessed duration
    return False


def test_a_killed_build_leaves_the_previous_output_intact(tmp_path):
    """Killed (SIGKILL) once it has written part of the new site: chosen by what the build
    has done (it stops itself at its 20th file-system step), never by a sleep."""
    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    good = tree(folder / "output")
    for n in range(3):
        (folder / "seeds" / f"extra-{n}.md").write_text(
            f"---\ntitle: Extra issue {n}\ndate: 2024-05-{n + 1:02d}\n---\n\n"
            + "\n\n".join(f"## Part {k}\n\nSentence {k} of a text about widgets." for k in
                          range(3)), encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-m", "digest", "build", "-q"], cwd=folder,
                             env={**os.environ, "DIGEST_STOP_AT": "20"})
    assert _stopped(build), "the build ended before its 20th step"
    assert list(folder.glob(".output.v-*/*.html")), "nothing written yet"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert tree(folder / "output") == good
    run_digest("build", "-q", cwd=folder)
    assert len(list(folder.glob(".output.v-*"))) == 1, "leftover temporary folders"
    assert len(tree(folder / "output")) > len(good)


def test_strict_turns_warnings_into_failure(tmp_path):
    folder = project(tmp_path)
    (folder / "seeds" / "empty.txt").write_bytes(b"")
    done = run_digest("build", cwd=folder)
    assert "empty.txt" in done.stderr
    strict = run_digest("build", "--strict", cwd=folder, check=False)
    assert strict.returncode == 1


def test_a_metadata_files_unknown_keys_are_said_once_and_errors_counted_apart(tmp_path):
    """A misspelt key in `metadata.toml` would silently do nothing: it is said, once, however
    many files the folder holds; the summary line counts errors apart from warnings."""
    folder = tmp_path / "in" / "tide"
    folder.mkdir(parents=True)
    (folder / "metadata.toml").write_text('publicaton = "Tide Notes"\n["a.md"]\n'
                                          'titel = "One"\n', encoding="utf-8")
    for name, text in (("a.md", "The spring tides come early."), ("b.md", "Neaps are late.")):
        (folder / name).write_text(f"# Tide notes\n\n{text}\n", encoding="utf-8")
    (folder / "zero.eml").write_bytes(b"")
    (folder / "chart.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    done = run_digest("build", "--input", str(tmp_path / "in"), "--output",
                      str(tmp_path / "site"), cwd=tmp_path)
    assert done.stderr.count("unknown key 'publicaton' ignored") == 1
    assert done.stderr.count("unknown key 'titel' ignored") == 1
    assert done.stdout.rstrip().endswith("warnings, 1 error")  # the picture named .md
    assert done.stderr.count("zero.eml") == 1  # an empty file is said to be empty, once


def test_a_broken_config_exits_2_naming_the_key(tmp_path):
    folder = project(tmp_path)
    (folder / "digest.toml").write_text('[site]\ntitel = "typo"\n', encoding="utf-8")
    done = run_digest("build", cwd=folder, check=False)
    assert done.returncode == 2
    assert "site.titel" in done.stderr
    (folder / "digest.toml").write_text('[feed]\nentries = "ten"\n', encoding="utf-8")
    done = run_digest("build", cwd=folder, check=False)
    assert done.returncode == 2 and "feed.entries" in done.stderr
    (folder / "digest.toml").write_text("[summary]\nalgorithm = 'magic'\n", encoding="utf-8")
    done = run_digest("build", cwd=folder, check=False)
    assert done.returncode == 2 and "summary.algorithm" in done.stderr
    (folder / "digest.toml").write_text("[site\n", encoding="utf-8")
    done = run_digest("build", cwd=folder, check=False)
    assert done.returncode == 2 and "digest.toml" in done.stderr


EDITED = ("---\ntitle: Orchard notes\ndate: 2024-05-07\n---\n\nThis week the orchard sold "
          "{fruit} by the crate, and the market stayed open late for the first time.\n")


def test_an_edit_that_keeps_the_files_size_and_time_is_still_seen(tmp_path):
    """A rebuild does not read again a file whose inode, size and times are those of the last
    build; an edit that keeps its size and modification time still moves its ctime."""
    folder = project(tmp_path)
    issue = folder / "seeds" / "orchard.md"
    issue.write_text(EDITED.format(fruit="apples"), encoding="utf-8")
    time.sleep(RACY_NS / 1e9 + 0.5)  # past the clock's tick: the file's hash is kept as read
    run_digest("build", "-q", cwd=folder)
    page = next((folder / "output" / "issues").glob("*orchard*.html"))
    assert "apples" in page.read_text(encoding="utf-8")
    before = issue.stat()
    issue.write_text(EDITED.format(fruit="melons"), encoding="utf-8")
    os.utime(issue, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = issue.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    run_digest("build", "-q", cwd=folder)
    assert "melons" in page.read_text(encoding="utf-8")


def test_unchanged_files_are_not_read_again_unless_they_just_changed(tmp_path):
    old, fresh = tmp_path / "old.md", tmp_path / "fresh.md"
    old.write_text("old")
    fresh.write_text("fresh")
    ahead = time.time_ns() + 3600 * 10**9
    os.utime(fresh, ns=(ahead, ahead))  # as if written this instant, whenever the check runs
    time.sleep(RACY_NS / 1e9 + 0.5)  # `old` is past the clock's tick
    reads: list[str] = []

    def read(path: Path) -> bytes:
        reads.append(path.name)
        return path.read_bytes()

    first, marks = content_digests([old, fresh], read, {})
    assert set(marks) == {str(old)}  # the fresh file's times cannot be trusted yet
    second, again = content_digests([old, fresh], read, marks)
    assert reads == ["old.md", "fresh.md", "fresh.md"] and second == first and again == marks
    old.write_text("new")
    third, _ = content_digests([old], read, again)
    assert reads[-1] == "old.md" and third[0] != first[0]


def test_a_broken_profile_exits_2_naming_the_file_and_keeps_the_last_site(tmp_path):
    folder = project(tmp_path)
    run_digest("build", "-q", cwd=folder)
    site = tree(folder / "output")
    (folder / "profiles").mkdir()
    (folder / "profiles" / "bad.toml").write_text(
        'name = "Bad"\n[rules]\ndisable = ["no_such_rule"]\n', encoding="utf-8")
    done = run_digest("build", cwd=folder, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("digest: profile error:") and "bad.toml" in done.stderr
    assert "Traceback" not in done.stderr and tree(folder / "output") == site


def test_base_url_comes_from_flag_then_environment_then_config(tmp_path):
    folder = project(tmp_path)
    (folder / "digest.toml").write_text('[site]\nbase_url = "https://config.example/"\n')
    env = {**os.environ, "DIGEST_BASE_URL": "https://env.example/sub/"}
    subprocess.run([sys.executable, "-m", "digest", "build", "-q"], cwd=folder, env=env,
                   check=True)
    assert "https://env.example/sub/" in (folder / "output" / "feed.xml").read_text()
    run_digest("build", "-q", "--base-url", "https://flag.example/", cwd=folder)
    assert "https://flag.example/" in (folder / "output" / "feed.xml").read_text()


def test_an_incremental_rebuild_equals_a_cold_build(tmp_path):
    warm = project(tmp_path / "warm")
    run_digest("build", "-q", cwd=warm)
    issue = ("---\ntitle: A late issue\ndate: 2024-04-03\n---\n\nIntro paragraph of the late "
             "issue, long enough to be summarized on its own.\n\n## News\n\nOne story here. "
             "Another one there.\n")
    (warm / "seeds" / "late.md").write_text(issue, encoding="utf-8")
    (warm / "templates").mkdir()
    shutil.copy(ROOT / "templates" / "base.html", warm / "templates" / "base.html")
    base = (warm / "templates" / "base.html").read_text(encoding="utf-8")
    (warm / "templates" / "base.html").write_text(base.replace("</footer>", "Local.</footer>"))
    done = run_digest("build", "-v", cwd=warm)
    assert "late.md" in done.stderr or "1/1" in done.stderr
    cold = tmp_path / "cold"
    shutil.copytree(warm / "seeds", cold / "seeds")
    shutil.copytree(warm / "templates", cold / "templates")
    run_digest("build", "-q", cwd=cold)
    assert tree(warm / "output") == tree(cold / "output")
    assert files(warm / "output") == files(cold / "output")
    assert "Local." in (warm / "output" / "archive.html").read_text(encoding="utf-8")


def test_a_build_on_every_core_equals_a_build_in_one_process(tmp_path):
    """Enough new files to start worker processes (for reading and for rendering pages)."""
    issues = tmp_path / "issues"
    issues.mkdir()
    for copy in range(8):
        for path in sorted((ROOT / "tests" / "data" / "twir").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            year = int(text.split("Date: ", 1)[1][:4])
            text = text.replace(f"Date: {year}", f"Date: {year - copy}", 1)
            text = text.replace("\n", f" (copy {copy})\n", 1)  # the Title: line
            (issues / f"{copy}-{path.name}").write_text(text, encoding="utf-8")
    for jobs, workers in (("1", "none"), ("2", "2")):  # each in its own folder and cache
        (tmp_path / jobs).mkdir()
        done = run_digest("build", "-v", "-j", jobs, "--input", str(issues), cwd=tmp_path / jobs)
        assert f"worker processes: {workers}" in done.stdout
    one, every = tree(tmp_path / "1" / "output"), tree(tmp_path / "2" / "output")
    assert sum(name.startswith("issues/") for name in every) == 48
    assert one == every


# Faults: crashes at every step, kills at random points, a damaged cache, two builds at once,
# a full disk. A small site, so that each of the many builds takes a fraction of a second.

def small_project(folder: Path, issues: int = 2) -> Path:
    (folder / "seeds").mkdir(parents=True)
    for n in range(issues):
        (folder / "seeds" / f"letter-{n}.md").write_text(
            f"---\ntitle: Letter {n}\ndate: 2024-03-{n + 4:02d}\n---\n\nThe lead of letter {n}, "
            "a sentence long enough to summarize.\n\n## News\n\nOne story here. Another one "
            "there.\n", encoding="utf-8")
    return folder


def _fork_digest(folder: Path, *args: str, **env: str) -> int:
    """Start `digest build -q ARGS` in a forked copy of this process, with the stages already
    imported (no interpreter start-up: the many builds of a loop stay fast); its pid."""
    from digest.cli import main

    for stage in ("build", "ingest", "segment", "segment.account", "segment.dedupe", "summarize",
                  "render", "weeks", "writer"):
        importlib.import_module(f"digest.{stage}")
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 70
        try:
            os.chdir(folder)
            os.environ.update(env)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            code = main(["build", "-q", *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os._exit(code)
    return pid


def _digest_in_fork(folder: Path, *args: str, **env: str) -> int:
    """The exit status of a forked `digest build` (86: a DIGEST_CRASH_AT crash)."""
    pid = _fork_digest(folder, *args, **env)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _leftovers(folder: Path) -> list[str]:
    current = os.readlink(folder / "output")
    return sorted(p.name for p in folder.glob(".output.*")
                  if p.name not in (current, ".output.lock"))


def _clean_site(tmp_path: Path, seeds: Path, name: str) -> dict[str, str]:
    clean = tmp_path / name
    shutil.copytree(seeds, clean / "seeds")
    assert _digest_in_fork(clean) == 0
    return tree(clean / "output")


def test_a_crash_at_every_file_system_step_leaves_the_old_or_the_new_site(tmp_path):
    """The build dies just before its k-th mkdir, write, link, rename or delete, for every k
    (as SQLite's crash tests do); the output is then the old site or the new one, byte for
    byte, and the next build equals a clean one with nothing left over."""
    before = small_project(tmp_path / "before")
    assert _digest_in_fork(before) == 0
    old = tree(before / "output")
    (before / "seeds" / "letter-1.md").write_text(
        "---\ntitle: Letter 1, revised\ndate: 2024-03-05\n---\n\nA new lead sentence for "
        "the revised letter.\n", encoding="utf-8")
    (before / "seeds" / "letter-2.md").write_text(
        "---\ntitle: Letter 2\ndate: 2024-03-12\n---\n\nA third letter, a week later.\n",
        encoding="utf-8")
    new = _clean_site(tmp_path, before / "seeds", "clean")
    assert new != old
    k = 0
    while True:
        k += 1
        trial = tmp_path / f"crash-{k}"
        shutil.copytree(before, trial, symlinks=True)
        code = _digest_in_fork(trial, DIGEST_CRASH_AT=str(k))
        if code == 0:
            break
        assert code == 86, f"step {k}: exit {code}"
        assert tree(trial / "output") in (old, new), f"a mix after a crash at step {k}"
        assert _digest_in_fork(trial) == 0
        assert tree(trial / "output") == new, f"step {k}: the next build differs"
        assert _leftovers(trial) == [], f"step {k}"
        shutil.rmtree(trial)
    assert k > 20, "too few steps: the crash hook is not reached"


def _outliving(folder: Path, seconds: float = 10) -> list[str]:
    """Processes still running, after `seconds`, whose command line names `folder` (a child
    of a killed build, Pagefind above all); Linux's /proc, else none are seen."""
    deadline = time.monotonic() + seconds
    while True:
        alive = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                command = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(folder) in command and running(int(cmdline.parent.name)):
                alive.append(command)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def test_kill_9_at_30_random_points_leaves_the_old_or_the_new_site(tmp_path):
    """SIGKILL at a random step (the build stops itself there) plus a random delay after
    letting it go on, for 30 trials; each compared byte for byte with clean builds."""
    before = small_project(tmp_path / "before", issues=3)
    assert _digest_in_fork(before) == 0
    old = tree(before / "output")
    (before / "seeds" / "letter-0.md").unlink()
    (before / "seeds" / "letter-3.md").write_text(
        "---\ntitle: Letter 3\ndate: 2024-03-20\n---\n\nAnother letter arrives.\n",
        encoding="utf-8")
    new = _clean_site(tmp_path, before / "seeds", "clean")
    trace = tmp_path / "trace"
    probe = tmp_path / "probe"
    shutil.copytree(before, probe, symlinks=True)
    assert _digest_in_fork(probe, DIGEST_TRACE=str(trace)) == 0
    steps = len(trace.read_text().splitlines())
    chance = random.Random(19)
    for trial in range(30):
        folder = tmp_path / f"kill-{trial}"
        shutil.copytree(before, folder, symlinks=True)
        stop = chance.randint(1, steps)
        pid = _fork_digest(folder, DIGEST_STOP_AT=str(stop))
        _, status = os.waitpid(pid, os.WUNTRACED)  # returns once the build has stopped itself
        assert os.WIFSTOPPED(status), f"trial {trial}: the build ended before step {stop}"
        os.kill(pid, signal.SIGCONT)
        time.sleep(chance.random() * 0.05)  # a random extra point past that step
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert _outliving(folder) == [], f"trial {trial}: the killed build's children live on"
        assert tree(folder / "output") in (old, new), f"trial {trial}: a mix after step {stop}"
        assert _digest_in_fork(folder) == 0
        assert tree(folder / "output") == new, f"trial {trial}: the next build differs"
        assert _leftovers(folder) == []
        shutil.rmtree(folder)


def test_a_rebuild_with_a_new_file_stops_every_worker_it_started(tmp_path, monkeypatch):
    import multiprocessing

    from digest.build import build
    from digest.config import load_config

    folder = small_project(tmp_path / "project", issues=2)
    monkeypatch.chdir(folder)
    build(load_config(None), say=lambda _: None)
    (folder / "seeds" / "letter-new.md").write_text(
        "---\ntitle: A new letter\ndate: 2024-03-20\n---\n\nThe lead of the new letter, long "
        "enough to summarize.\n", encoding="utf-8")
    added = build(load_config(None), say=lambda _: None)
    assert added.issues == 3 and added.reused_files == 2
    import digest.build

    def unreadable(source, extra):
        raise RuntimeError("cannot read this one")

    monkeypatch.setattr(digest.build, "segment_file", unreadable)  # workers fork with it
    (folder / "seeds" / "letter-broken.md").write_text("Not read.\n", encoding="utf-8")
    broken = build(load_config(None), say=lambda _: None)  # its second-pass worker goes unused
    assert broken.issues == 3
    assert any("letter-broken.md" in p.path and "cannot read this one" in p.message
               for p in broken.problems)
    assert multiprocessing.active_children() == []
    assert (folder / "output" / "weeks").is_dir()


def test_a_cold_build_vouches_for_the_cache_entries_it_wrote(tmp_path, monkeypatch):
    """The next build (one new issue a week) then does not read every entry again to know
    it is whole: only an entry changed since (size, time or inode) is checked."""
    from digest.build import build
    from digest.buildcache import Store
    from digest.config import load_config

    folder = small_project(tmp_path / "project", issues=3)
    monkeypatch.chdir(folder)
    build(load_config(None), say=lambda _: None)
    cache = folder / ".digest-cache" / "build"
    entries = sorted((cache / "files").glob("*.pickle"))
    assert len(entries) == 3
    stamps = Store(cache).load("checked")
    for path in entries:
        info = path.stat()
        assert stamps[f"files/{path.stem}"] == (info.st_size, info.st_mtime_ns, info.st_ino)
    (folder / "seeds" / "letter-new.md").write_text(
        "---\ntitle: A new letter\ndate: 2024-03-20\n---\n\nThe lead of the new letter, long "
        "enough to summarize.\n", encoding="utf-8")
    read_whole: list[str] = []  # the entries a build read to know they are whole
    checksum, has_entry = Store._payload, Store.has_entry

    def checking(self: Store, name: str, key: str) -> bool:
        monkeypatch.setattr(Store, "_payload", lambda self, path: read_whole.append(path.stem)
                            or checksum(self, path))
        try:
            return has_entry(self, name, key)
        finally:
            monkeypatch.setattr(Store, "_payload", checksum)

    monkeypatch.setattr(Store, "has_entry", checking)
    added = build(load_config(None), say=lambda _: None)
    assert added.issues == 4 and added.reused_files == 3
    assert not set(read_whole) & {path.stem for path in entries}


def test_a_damaged_cache_is_noticed_and_rebuilt_never_served(tmp_path):
    folder = small_project(tmp_path / "project", issues=3)
    run_digest("build", "-q", cwd=folder)
    clean = tree(folder / "output")
    entries = sorted((folder / ".digest-cache" / "build" / "files").glob("*.pickle"))
    assert len(entries) == 3
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # truncated
    damaged = bytearray(entries[1].read_bytes())
    damaged[-5] ^= 0xFF
    entries[1].write_bytes(bytes(damaged))  # one byte changed
    entries[2].write_bytes(b"DGC1" + entries[2].read_bytes()[4:])  # an older version's
    (folder / ".digest-cache" / "build" / "state.pickle").write_bytes(b"garbage")
    summaries = folder / ".digest-cache" / "summaries.json"
    summaries.write_bytes(summaries.read_bytes()[:-9])
    compiled = sorted((folder / ".digest-cache" / "templates").glob("*.cache"))
    assert compiled  # templates are kept compiled between builds
    compiled[0].write_bytes(compiled[0].read_bytes()[:30])
    for path in compiled[1:]:
        path.write_bytes(os.urandom(64))
    done = run_digest("build", cwd=folder)
    assert tree(folder / "output") == clean
    messages = [line for line in done.stderr.splitlines() if "build cache entry" in line]
    assert len(messages) == 4, done.stderr
    reasons = ("truncated or damaged", "another version", "not a digest cache file")
    assert {r for line in messages for r in reasons if r in line} == set(reasons)
    assert all(": info: " in line for line in messages)


def test_two_builds_at_once_wait_for_each_other_and_neither_corrupts(tmp_path):
    folder = small_project(tmp_path / "project", issues=3)
    run_digest("build", "-q", cwd=folder)
    (folder / "seeds" / "letter-1.md").write_text(
        "---\ntitle: Letter 1 again\ndate: 2024-03-05\n---\n\nChanged text here.\n",
        encoding="utf-8")
    clean = _clean_site(tmp_path, folder / "seeds", "clean")
    first = subprocess.Popen([sys.executable, "-m", "digest", "build", "-q"], cwd=folder,
                             env={**os.environ, "DIGEST_STOP_AT": "1"},
                             stderr=subprocess.PIPE, text=True)
    assert _stopped(first)  # holding the lock, stopped at its first step
    second = subprocess.Popen([sys.executable, "-m", "digest", "build", "-q"], cwd=folder,
                              stderr=subprocess.PIPE, text=True)
    waiting = second.stderr.readline()  # printed only when it finds the lock held
    assert "another build is using" in waiting and "waiting" in waiting
    os.kill(first.pid, signal.SIGCONT)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.wait(timeout=300) == 0, second.stderr.read()
    assert tree(folder / "output") == clean
    assert _leftovers(folder) == []


def test_a_full_disk_gives_one_clear_error_and_keeps_the_previous_site(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) makes every larger write fail, as a full disk does."""
    folder = small_project(tmp_path / "project", issues=3)
    run_digest("build", "-q", cwd=folder)
    good = tree(folder / "output")
    (folder / "seeds" / "letter-3.md").write_text(
        "---\ntitle: Letter 3\ndate: 2024-03-20\n---\n\n" + "A long letter. " * 400 + "\n",
        encoding="utf-8")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))

    done = subprocess.run([sys.executable, "-m", "digest", "build", "-q"], cwd=folder,
                          capture_output=True, text=True, preexec_fn=small_files, timeout=300)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and "File too large" in lines[0], lines
    assert tree(folder / "output") == good
    run_digest("build", "-q", cwd=folder)
    assert _leftovers(folder) == []
    assert len(tree(folder / "output")) > len(good)


def test_an_output_folder_of_an_older_version_becomes_a_link_with_the_same_site(tmp_path):
    folder = small_project(tmp_path / "project")
    (folder / "output").mkdir()
    (folder / "output" / "stale.html").write_text("from an older build")
    run_digest("build", "-q", cwd=folder)
    assert (folder / "output").is_symlink()
    site = tree(folder / "output")
    assert "index.html" in site and "stale.html" not in site
    assert _leftovers(folder) == []
