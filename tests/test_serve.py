"""`digest serve` serves the site on 127.0.0.1 and rebuilds it when an input changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_rebuilds_when_a_newsletter_arrives(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        home = fetch(f"http://127.0.0.1:{port}/index.html", time.monotonic() + 120)
        assert "Week 14, 2024" in home
        (tmp_path / "seeds" / "late.md").write_text(
            "---\ntitle: A newsletter that came late\ndate: 2024-04-10\n---\n\n"
            "A paragraph long enough to be worth a summary of its own.\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while "A newsletter that came late" not in fetch(
                f"http://127.0.0.1:{port}/index.html", deadline):
            assert time.monotonic() < deadline, "the site was not rebuilt"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_listens_on_loopback_only_by_default():
    done = subprocess.run([sys.executable, "-m", "digest", "serve", "--help"],
                          capture_output=True, text=True, check=True)
    assert "default: 127.0.0.1" in done.stdout
