"""`digest fetch` from a real IMAP server (Dovecot 2.3 on 127.0.0.1), and from mail exports."""

from __future__ import annotations

import datetime as dt
import json
import mailbox
import os
from email.message import EmailMessage
from pathlib import Path

import pytest
from _fetch_servers import Dovecot, Issue, dovecot_binary, make_ca, message
from _tools import require
from conftest import run_digest

from digest.config import load_config
from digest.fetch import fetch_all

NEWS = [Issue("Example Weekly", "Tides and trains", dt.date(2024, 4, 2), "tide tables"),
        Issue("Harbor Notes", "Cranes", dt.date(2024, 4, 3), "container cranes"),
        Issue("Example Weekly", "Ferries at dawn", dt.date(2024, 4, 9), "ferry timetables")]
SENDERS = [("Example Weekly", "hello@weekly.example"), ("Harbor Notes", "notes@harbor.example"),
           ("Example Weekly", "hello@weekly.example")]


def mail(number: int) -> bytes:
    return message(NEWS[number], *SENDERS[number], number)


@pytest.fixture
def dovecot():
    require(dovecot_binary(), "dovecot not found or not root (apt-get install dovecot-imapd)")
    server = Dovecot()
    server.start()
    yield server
    server.close()


def project(root: Path, server: Dovecot, **extra: object) -> Path:
    keys = {"name": "Inbox", "imap": "127.0.0.1", "port": server.port, "tls": False,
            "user": server.USER, "password_env": "TEST_IMAP_PASSWORD", **extra}
    (root / "digest.toml").write_text(
        "[[sources]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in keys.items()))
    return root


def fetch(root: Path, password: str = Dovecot.PASSWORD, *args: str):
    env = {"TEST_IMAP_PASSWORD": password} if password else {}
    os.environ.update(env)
    try:
        return run_digest("fetch", *args, cwd=root, check=False)
    finally:
        for key in env:
            os.environ.pop(key, None)


def saved(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def test_fetching_twice_adds_nothing_and_a_new_message_is_added(tmp_path, dovecot):
    dovecot.deliver(mail(0))
    dovecot.deliver(mail(1))
    root = project(tmp_path, dovecot)
    first = fetch(root)
    assert (first.returncode, first.stdout.strip()) == (0, "Inbox: 2 new, 0 known"), first.stderr
    assert saved(root / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.eml",
                                     "harbor-notes/2024-04-03-cranes.eml"]
    kept = (root / "seeds/harbor-notes/2024-04-03-cranes.eml").read_bytes()
    assert b"Message-ID: <1.20240403@mail.example>" in kept and b"container cranes" in kept
    assert fetch(root).stdout.strip() == "Inbox: 0 new, 2 known"

    dovecot.deliver(mail(2))
    assert fetch(root).stdout.strip() == "Inbox: 1 new, 2 known"
    assert len(saved(root / "seeds")) == 3
    state = (root / "seeds/.digest-fetch.json").read_text()
    assert json.loads(state)["sources"]["Inbox"]["last_uid"] == 3
    assert Dovecot.PASSWORD not in state and "TEST_IMAP_PASSWORD" not in state
    # read-only: nothing was marked as read on the server
    assert not list((dovecot.maildir / "cur").glob("*:2,*S*"))


def test_the_sender_filter_keeps_matching_messages_only_and_mark_read_marks_them(tmp_path,
                                                                              dovecot):
    for number in range(3):
        dovecot.deliver(mail(number))
    root = project(tmp_path, dovecot, senders=["*@harbor.example"], mark_read=True)
    assert fetch(root).stdout.strip() == "Inbox: 1 new, 0 known, 2 passed over (not from `senders`)"
    assert saved(root / "seeds") == ["harbor-notes/2024-04-03-cranes.eml"]
    seen = [p.read_bytes() for p in dovecot.maildir.glob("cur/*:2,*S*")]
    assert len(seen) == 1 and b"notes@harbor.example" in seen[0]


def forwarded(sender: str, subject: str, number: int) -> bytes:
    """A newsletter a reader forwarded to the mailbox, as Gmail writes it (plain text)."""
    mail = EmailMessage()
    mail["From"] = "Sam Reader <sam@reader.example>"
    mail["Subject"] = f"Fwd: {subject}"
    mail["Date"] = "Thu, 04 Apr 2024 09:00:00 +0000"
    mail["Message-ID"] = f"<fwd{number}@reader.example>"
    mail.set_content(f"---------- Forwarded message ---------\nFrom: {sender}\n"
                     f"Date: Wed, Apr 3, 2024 at 8:00 AM\nSubject: {subject}\n"
                     f"To: <sam@reader.example>\n\nThe cranes arrived at the harbor today.\n")
    return bytes(mail)


def test_a_forwarded_newsletter_passes_the_sender_filter_by_its_forwarded_sender(
        tmp_path, dovecot):
    dovecot.deliver(forwarded("Harbor Notes <notes@harbor.example>", "Cranes", 1))
    dovecot.deliver(forwarded("Example Weekly <hello@weekly.example>", "Tides", 2))
    dovecot.deliver(mail(0))
    root = project(tmp_path, dovecot, senders=["*@harbor.example"], mark_read=True)
    assert fetch(root).stdout.strip() == "Inbox: 1 new, 0 known, 2 passed over (not from `senders`)"
    assert saved(root / "seeds") == ["harbor-notes/2024-04-03-cranes.eml"]
    assert len(list(dovecot.maildir.glob("cur/*:2,*S*"))) == 1


def personal(number: int) -> bytes:
    """Mail from a friend: no list headers, as no one's personal mail has them."""
    return message(Issue("", "Dinner on Friday?", dt.date(2024, 4, 4), "our new flat"),
                   "Alex Friend", "alex@friend.example", number, to_list=False)


def test_without_senders_only_mail_sent_to_a_list_is_taken_and_the_rest_is_counted(
        tmp_path, dovecot):
    """An inbox holding personal mail beside newsletters: the personal mail is never saved
    (the site is published), a forward has no list headers either, and `senders = ["*"]`
    takes everything."""
    dovecot.deliver(mail(0))
    dovecot.deliver(personal(1))
    dovecot.deliver(forwarded("Harbor Notes <notes@harbor.example>", "Cranes", 2))
    dovecot.deliver(mail(1))
    root = project(tmp_path, dovecot)
    done = fetch(root)
    assert done.stdout.strip() == (
        "Inbox: 2 new, 0 known, 2 passed over (not sent to a list (no List-Unsubscribe or "
        "List-Id header): set `senders` to choose)")
    assert done.returncode == 0 and done.stderr == ""
    assert saved(root / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.eml",
                                     "harbor-notes/2024-04-03-cranes.eml"]
    (tmp_path / "all").mkdir()
    everything = project(tmp_path / "all", dovecot, senders=["*"])
    assert fetch(everything).stdout.strip() == "Inbox: 4 new, 0 known"
    assert "alex-friend/2024-04-04-dinner-on-friday.eml" in saved(everything / "seeds")


def test_a_recreated_folder_is_scanned_again_without_saving_twice(tmp_path, dovecot):
    dovecot.deliver(mail(0))
    root = project(tmp_path, dovecot)
    assert fetch(root).stdout.strip() == "Inbox: 1 new, 0 known"
    dovecot.stop()
    dovecot.reset_mailbox(uidvalidity=2000)
    dovecot.deliver(mail(2))
    dovecot.deliver(mail(0))
    dovecot.start()
    done = fetch(root)
    assert done.stdout.strip() == "Inbox: 1 new, 1 known"
    assert "UIDVALIDITY changed" in done.stderr
    assert saved(root / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.eml",
                                     "example-weekly/2024-04-09-ferries-at-dawn.eml"]
    state = json.loads((root / "seeds/.digest-fetch.json").read_text())["sources"]["Inbox"]
    assert (state["uidvalidity"], state["last_uid"]) == (2000, 2)


def test_a_wrong_password_or_a_missing_secret_is_one_line_and_the_rest_goes_on(tmp_path,
                                                                            dovecot):
    dovecot.deliver(mail(0))
    root = project(tmp_path, dovecot)
    done = fetch(root, password="wrong")
    assert done.returncode == 0
    assert done.stderr.strip().startswith("digest: fetch: Inbox: failed: login failed for me:")
    assert "wrong" not in done.stderr and saved(root / "seeds") == []

    skipped = fetch(root, password="")
    assert skipped.returncode == 0
    assert skipped.stderr.strip() == ("digest: fetch: Inbox: skipped: $TEST_IMAP_PASSWORD is "
                                      "not set")
    assert fetch(root, "", "--strict").returncode == 0  # a fork without secrets still publishes


def test_a_server_gone_mid_fetch_fails_that_source_and_the_next_fetch_completes(tmp_path,
                                                                                dovecot):
    for number in range(3):
        dovecot.deliver(mail(number))
    root = project(tmp_path, dovecot)

    def log(line: str) -> None:
        if "messages to look at" in line:
            dovecot.crash()  # the server goes away after the folder was listed

    os.environ["TEST_IMAP_PASSWORD"] = Dovecot.PASSWORD
    try:
        report = fetch_all(load_config(root / "digest.toml"), log)
    finally:
        del os.environ["TEST_IMAP_PASSWORD"]
    [result] = report.results
    assert result.failure and result.failure.startswith("connection lost"), result
    assert saved(root / "seeds") == []
    dovecot.start()
    assert fetch(root).stdout.strip() == "Inbox: 3 new, 0 known"


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory):
    require(dovecot_binary(), "dovecot not found or not root (apt-get install dovecot-imapd)")
    folder = tmp_path_factory.mktemp("ca")
    return make_ca(folder)


def test_tls_with_a_test_ca_given_in_ca_file(tmp_path, test_ca):
    ca, cert, key = test_ca
    server = Dovecot(tls=(cert, key))
    try:
        server.start()
        server.deliver(mail(1))
        root = project(tmp_path, server, tls=True, ca_file=str(ca))
        done = fetch(root)
        assert done.stdout.strip() == "Inbox: 1 new, 0 known", done.stderr
        untrusted = project(tmp_path / "other", server, tls=True) if (
            tmp_path / "other").mkdir() is None else None
        refused = fetch(untrusted)
        assert "Inbox: failed: cannot connect to 127.0.0.1" in refused.stderr
        assert "certificate" in refused.stderr
    finally:
        server.close()


def test_mbox_and_maildir_exports_are_read_once_and_left_untouched(tmp_path):
    box = mailbox.mbox(tmp_path / "News.mbox")
    box.add(mail(0))
    box.add(mail(1))
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir")
    maildir.add(mail(1))  # the same message in both exports
    maildir.add(mail(2))
    before = (tmp_path / "News.mbox").read_bytes()
    (tmp_path / "digest.toml").write_text(
        '[[sources]]\nname = "Takeout"\nmbox = "News.mbox"\n'
        '[[sources]]\nname = "Old mail"\nmaildir = "Maildir"\n')
    done = run_digest("fetch", cwd=tmp_path)
    assert sorted(done.stdout.splitlines()) == ["Old mail: 1 new, 1 known",
                                                "Takeout: 2 new, 0 known"] or sorted(
        done.stdout.splitlines()) == ["Old mail: 2 new, 0 known", "Takeout: 1 new, 1 known"]
    assert saved(tmp_path / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.eml",
                                         "example-weekly/2024-04-09-ferries-at-dawn.eml",
                                         "harbor-notes/2024-04-03-cranes.eml"]
    again = run_digest("fetch", cwd=tmp_path)
    assert sorted(again.stdout.splitlines()) == ["Old mail: 0 new, 2 known",
                                                 "Takeout: 0 new, 2 known"]
    assert (tmp_path / "News.mbox").read_bytes() == before


def test_the_sender_filter_applies_to_mail_exports_too(tmp_path):
    """A reader's whole mailbox export: only the senders named are fetched."""
    box = mailbox.mbox(tmp_path / "All mail.mbox")
    for number in range(3):
        box.add(mail(number))
    box.close()
    (tmp_path / "digest.toml").write_text(
        '[[sources]]\nname = "Takeout"\nmbox = "All mail.mbox"\n'
        'senders = ["*@harbor.example"]\n')
    done = run_digest("fetch", cwd=tmp_path)
    assert done.stdout.splitlines() == ["Takeout: 1 new, 0 known, 2 passed over "
                                        "(not from `senders`)"]
    assert saved(tmp_path / "seeds") == ["harbor-notes/2024-04-03-cranes.eml"]


def test_a_mail_export_without_senders_takes_list_mail_only(tmp_path):
    """A whole Takeout export: newsletters (List-Id, or Precedence: bulk) are taken, the
    reader's own mail is passed over and counted."""
    box = mailbox.mbox(tmp_path / "All mail.mbox")
    box.add(mail(0))
    box.add(message(Issue("", "Re: the boat trip", dt.date(2024, 4, 5), "see you at nine"),
                    "Alex Friend", "alex@friend.example", 7, to_list=False))
    for number, (name, value) in enumerate([("List-Id", "Harbor Notes <notes.harbor.example>"),
                                            ("Precedence", "Bulk")], 1):
        sender = ("", SENDERS[number][1]) if name == "List-Id" else SENDERS[number]  # no name:
        listed = mailbox.mboxMessage(message(NEWS[number], *sender, number,  # the list's
                                             to_list=False))  # name is the folder's
        listed[name] = value
        box.add(listed)
    box.close()
    (tmp_path / "digest.toml").write_text(
        '[[sources]]\nname = "Takeout"\nmbox = "All mail.mbox"\n')
    done = run_digest("fetch", cwd=tmp_path)
    assert done.stdout.splitlines()[0].startswith("Takeout: 3 new, 0 known, 1 passed over")
    assert saved(tmp_path / "seeds") == ["example-weekly/2024-04-02-tides-and-trains.eml",
                                         "example-weekly/2024-04-09-ferries-at-dawn.eml",
                                         "harbor-notes/2024-04-03-cranes.eml"]
