"""Two files holding one issue make one issue (the same message saved twice, a corrected
resend), but two issues that look alike stay two (a weekly listing that repeats last week's
events and adds some). Fixtures written here."""

from __future__ import annotations

from pathlib import Path

from _letters import mail
from conftest import run_digest

EVENTS = ["Tuesday: knitting circle in the reading room.",
          "Wednesday: story time for under-fives at half past ten.",
          "Thursday: the local history society on the old mill.",
          "Friday: film night with a documentary about the canal."]


def letter(subject: str, date: str, events: list[str]) -> bytes:
    body = "".join(f"<p>{e}</p>" for e in events)
    return mail(f"<h1>What's on</h1><p>Here is the week at the library.</p>{body}",
                "Library News <news@library.example>", subject, date)


def built(tmp_path: Path, files: dict[str, bytes]) -> str:
    folder = tmp_path / "in" / "library"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    done = run_digest("build", "--input", str(tmp_path / "in"), "--output",
                      str(tmp_path / "site"), cwd=tmp_path)
    return done.stderr + done.stdout


def test_a_listing_repeated_and_extended_a_week_later_is_a_second_issue(tmp_path):
    said = built(tmp_path, {
        "2026-03-02.eml": letter("What's on at the library", "Mon, 2 Mar 2026 08:00 +0000",
                                 EVENTS[:3]),
        "2026-03-09.eml": letter("What's on at the library", "Mon, 9 Mar 2026 08:00 +0000",
                                 EVENTS)})
    assert "repeats" not in said
    weeks = sorted(p.name for p in (tmp_path / "site" / "weeks").glob("*.html"))
    assert weeks == ["2026-w10.html", "2026-w11.html"]


def test_a_corrected_resend_the_next_day_is_the_same_issue(tmp_path):
    said = built(tmp_path, {
        "first.eml": letter("What's on at the library", "Mon, 2 Mar 2026 08:00 +0000",
                            EVENTS[:4]),
        "resend.eml": letter("[Resend] What's on at the library (corrected)",
                             "Tue, 3 Mar 2026 09:00 +0000", EVENTS[:4])})
    assert "repeats" in said
    assert len(list((tmp_path / "site" / "issues").glob("*.html"))) == 1


def test_a_correction_sent_the_same_day_is_the_copy_kept_whatever_the_file_names(tmp_path):
    """An original naming Saturday, its resend "(corrected)" naming Thursday, the same day:
    the page shows the correction, whichever file name sorts first."""
    more = ["The reading room closes early on Thursday for the history talk, at five o'clock.",
            "New this month: a shelf of large-print crime novels donated by a reader.",
            "Volunteers for the spring book sale can sign up at the front desk any day.",
            "The printer on the first floor is fixed, and copies cost ten pence again."]
    right = EVENTS + more
    wrong = [e.replace("Friday", "Saturday") for e in right]
    def untitled(subject: str, date: str, lines: list[str]) -> bytes:  # titled by subject
        return mail("".join(f"<p>{line}</p>" for line in lines),
                    "Library News <news@library.example>", subject, date)

    said = built(tmp_path, {
        "2026-03-02-whats-on.eml": untitled("What's on at the library",
                                            "Mon, 2 Mar 2026 08:00 +0000", wrong),
        "2026-03-02-whats-on_corrected.eml": untitled(
            "What's on at the library (corrected)", "Mon, 2 Mar 2026 11:00 +0000", right)})
    assert "repeats" in said
    (page,) = (tmp_path / "site" / "issues").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert "Friday: film night" in html and "Saturday: film night" not in html


def test_only_issues_sent_within_days_of_a_same_titled_one_are_read_back_to_compare():
    """A newsletter whose every issue bears one title: a year of weeklies is not read back
    (an archive of thousands would be, and its fingerprints held, on every build), but the
    copy sent again the next day still is found, and an undated one is compared with all."""
    import datetime as dt

    from digest.model import Issue
    from digest.segment.dedupe import cross_file_duplicates

    def issue(name: str, day: dt.date | None) -> Issue:
        return Issue(name, 0, "eml", "Library News", "What's on", 1, 9, date=day)

    start = dt.date(2026, 1, 5)
    weeklies = [issue(f"week-{n}.eml", start + dt.timedelta(weeks=n)) for n in range(52)]
    resent = issue("resent.eml", start + dt.timedelta(weeks=20, days=1))
    read: list[str] = []

    def text_of(one: Issue) -> str:
        read.append(one.source)
        return " ".join(EVENTS)

    kept, repeats = cross_file_duplicates(weeklies + [resent], text_of)
    assert sorted(read) == ["resent.eml", "week-20.eml"]
    assert [(r.source, k.source) for r, k in repeats] == [("week-20.eml", "resent.eml")]
    assert len(kept) == 52  # the copy sent later kept: it may correct the first

    read.clear()
    kept, repeats = cross_file_duplicates(weeklies[:3] + [issue("undated.eml", None)], text_of)
    assert len(read) == 4
    assert [(r.source, k.source) for r, k in repeats] == [("undated.eml", "week-0.eml")]
