"""Real servers for the fetch tests, on 127.0.0.1 free ports: an HTTP feed server and Dovecot.

The feeds and messages are written here (invented newsletters), never copied from elsewhere.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import gzip
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from html import escape
from pathlib import Path

MAIL_UID = 65534  # nobody: Dovecot will not serve mail as root


@dataclass
class Issue:
    """One invented newsletter issue: a lead and two sections, as HTML."""

    publication: str
    title: str
    date: dt.date
    topic: str
    id: str = ""

    @property
    def html(self) -> str:
        t = self.topic
        return (f"<p>This week {t} moved faster than anyone expected, and the people who "
                f"follow {t} closely spent the days arguing about what it means.</p>"
                f"<p>Our lead looks at why {t} matters to readers of {self.publication}, "
                "what changed since the last issue, and what to watch next.</p>"
                f"<h2>In other news</h2><ol><li>A council voted to study {t} again "
                "(Example Times)</li><li>Two researchers published <a href='https://news.example/"
                "figures?id=7&amp;_bhlid=ab12&amp;utm_medium=email'>new figures</a> on "
                f"{t} (Sample Post)</li></ol><h2>One more thing</h2><p>A reader wrote in "
                f"about {t} and a bicycle; we are still thinking about it.</p>"
                '<img src="https://track.example/open.gif" width="1" height="1" alt="">')

    @property
    def link(self) -> str:
        return f"https://news.example/{self.id or self.title.lower().replace(' ', '-')}"


def rss(title: str, issues: list[Issue]) -> bytes:
    items = "".join(
        f"<item><title>{escape(i.title)}</title><link>{i.link}?utm_source=feed</link>"
        f"<guid>{escape(i.id or i.link)}</guid>"
        f"<pubDate>{email.utils.format_datetime(_noon(i.date))}</pubDate>"
        f"<description>{escape(i.title)} in short.</description>"
        f"<content:encoded><![CDATA[{i.html}<script>alert(1)</script>]]></content:encoded>"
        "</item>" for i in issues)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(title)}</title><link>https://news.example/</link>"
            f"<description>{escape(title)}</description>{items}</channel></rss>").encode()


def atom(title: str, issues: list[Issue], summary_only: bool = False) -> bytes:
    def body(i: Issue) -> str:
        if summary_only:
            return f"<summary>{escape(i.title)}: a short summary of {escape(i.topic)}.</summary>"
        return f'<content type="html">{escape(i.html)}</content>'

    entries = "".join(
        f"<entry><title>{escape(i.title)}</title><id>{escape(i.id or i.link)}</id>"
        f'<link href="{i.link}"/><updated>{_noon(i.date).isoformat()}</updated>'
        f"<author><name>Ann Author</name></author>{body(i)}</entry>" for i in issues)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:example:{len(issues)}</id>"
            f"<updated>2024-04-30T12:00:00Z</updated>{entries}</feed>").encode()


def json_feed(title: str, issues: list[Issue]) -> bytes:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": title,
        "items": [{"id": i.id or i.link, "url": i.link, "title": i.title,
                   "content_html": i.html, "date_published": _noon(i.date).isoformat(),
                   "authors": [{"name": "Jo Writer"}]} for i in issues]}).encode()


def message(issue: Issue, sender: str, address: str, number: int,
            to_list: bool = True) -> bytes:
    """A newsletter issue as mail; `to_list=False` leaves out the list headers, as personal
    mail has none."""
    mail = EmailMessage()
    mail["From"] = f"{sender} <{address}>"
    if to_list:
        domain = address.partition("@")[2]
        mail["List-Unsubscribe"] = f"<https://{domain}/unsubscribe/{number}>"
    mail["To"] = "me@example.org"
    mail["Subject"] = issue.title
    mail["Date"] = email.utils.format_datetime(_noon(issue.date))
    mail["Message-ID"] = f"<{number}.{issue.date:%Y%m%d}@mail.example>"
    mail.set_content(f"{issue.title}\n\n(plain-text version)\n")
    mail.add_alternative(f"<html><body>{issue.html}</body></html>", subtype="html")
    return bytes(mail)


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/xml"
    etag: str | None = None
    gzip: bool = False
    delay: float = 0.0
    redirect: str | None = None
    truncate: bool = False  # announce the whole length, send half, hang up


@dataclass
class FeedServer:
    """http.server in a thread; routes are set by the test, requests are recorded."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextlib.contextmanager
def feed_server():
    state = FeedServer()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.requests.append((self.path, dict(self.headers)))
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.redirect:
                self.send_response(302)
                self.send_header("Location", route.redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            body = gzip.compress(route.body) if route.gzip else route.body
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(body)))
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            self.wfile.write(body[:len(body) // 2] if route.truncate else body)
            if route.truncate:
                self.close_connection = True

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda *_: None  # a client that gave up (the timeout test)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot") or "/usr/sbin/dovecot"
    return found if os.access(found, os.X_OK) and os.geteuid() == 0 else None


def make_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A test CA and a certificate for 127.0.0.1 signed by it (openssl); (ca, cert, key)."""
    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True,
                       timeout=60)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=digest test CA", "-keyout", "ca.key", "-out", "ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout",
        "server.key", "-out", "server.csr")
    (folder / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem")
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


class Dovecot:
    """Dovecot 2.3 in the foreground, one user ("me") with a Maildir, on a free port."""

    USER, PASSWORD = "me", "correct horse"

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        # Every folder above the passwd-file must be world-executable: not pytest's tmp_path.
        self.home = Path(tempfile.mkdtemp(prefix="digest-dovecot-", dir="/tmp"))
        self.home.chmod(0o755)
        self.port = free_port()
        self.tls = tls
        self.maildir = self.home / "mail" / "Maildir"
        self.process: subprocess.Popen[bytes] | None = None
        self._count = 0
        self.reset_mailbox(uidvalidity=1000)
        (self.home / "run").mkdir()
        (self.home / "passwd").write_text(
            f"{self.USER}:{{PLAIN}}{self.PASSWORD}:{MAIL_UID}:{MAIL_UID}::{self.home / 'mail'}::\n")
        (self.home / "dovecot.conf").write_text(self._conf())

    def _conf(self) -> str:
        if self.tls:
            cert, key = self.tls
            ssl = f"ssl = required\nssl_cert = <{cert}\nssl_key = <{key}\n"
            listener = f"inet_listener imap {{\n port = 0\n}}\ninet_listener imaps {{\n" \
                       f" address = 127.0.0.1\n port = {self.port}\n ssl = yes\n}}"
        else:
            ssl = "ssl = no\ndisable_plaintext_auth = no\n"
            listener = f"inet_listener imap {{\n address = 127.0.0.1\n port = {self.port}\n}}\n" \
                       "inet_listener imaps {\n port = 0\n}"
        passwd = self.home / "passwd"
        return (f"protocols = imap\nlisten = 127.0.0.1\nbase_dir = {self.home / 'run'}\n"
                f"state_dir = {self.home / 'run'}\nlog_path = {self.home / 'log'}\n"
                f"instance_name = digest-test-{self.port}\n"
                "default_login_user = dovenull\ndefault_internal_user = dovecot\n"
                f"{ssl}auth_mechanisms = plain\nauth_failure_delay = 0\n"
                "mail_location = maildir:~/Maildir\n"
                f"passdb {{\n driver = passwd-file\n args = scheme=PLAIN {passwd}\n}}\n"
                f"userdb {{\n driver = passwd-file\n args = {passwd}\n}}\n"
                f"service imap-login {{\n{listener}\n}}\n")

    def reset_mailbox(self, uidvalidity: int) -> None:
        """An empty INBOX with the given UIDVALIDITY (as if the folder were recreated)."""
        shutil.rmtree(self.home / "mail", ignore_errors=True)
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True)
        (self.maildir / "dovecot-uidlist").write_text(f"3 V{uidvalidity} N1\n")
        self._chown()

    def deliver(self, data: bytes) -> None:
        self._count += 1
        name = f"{int(time.time())}.M{self._count}P{os.getpid()}.test"
        (self.maildir / "tmp" / name).write_bytes(data)
        os.rename(self.maildir / "tmp" / name, self.maildir / "new" / name)
        self._chown()

    def _chown(self) -> None:
        for path in [self.home / "mail", *(self.home / "mail").rglob("*")]:
            os.chown(path, MAIL_UID, MAIL_UID)

    def start(self) -> None:
        self.process = subprocess.Popen([dovecot_binary() or "dovecot", "-F", "-c",
                                         str(self.home / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.process.stderr.read().decode()}"
                                   f"{self.log()}")
            with contextlib.suppress(OSError), socket.create_connection(
                    ("127.0.0.1", self.port), timeout=1):
                return
            time.sleep(0.1)
        raise RuntimeError(f"dovecot did not listen on {self.port}: {self.log()}")

    def crash(self) -> None:
        """Kill the server and every process it started, as a crash or a cut cable would."""
        if not self.process:
            return
        family = {self.process.pid}
        for _ in range(3):  # children, grandchildren
            for stat in Path("/proc").glob("[0-9]*/stat"):
                with contextlib.suppress(OSError, IndexError, ValueError):
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                    if int(fields[1]) in family:
                        family.add(int(stat.parent.name))
        for pid in family:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(10)
        self.stop()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process and self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def log(self) -> str:
        path = self.home / "log"
        return path.read_text(errors="replace") if path.exists() else ""

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)
