"""Time `digest fetch` of many feeds served locally: one at a time against the parallel pool.

    python benchmarks/fetch_feeds.py [--feeds 50] [--hosts 50] [--entries 10]
                                     [--latency 0.05] [--runs 3]

Each feed is an RSS file of invented entries, served by http.server threads on 127.0.0.N
(every 127/8 address is this machine), so the pool's one-connection-per-host rule applies as
it would on the real network; --latency delays every response to stand in for a distant
server. Every run fetches into a new, empty input folder (so every entry is written), first
with one worker, then with the default pool; the medians of --runs runs are printed.
"""

from __future__ import annotations

import argparse
import email.utils
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.config import Config, SourceConfig  # noqa: E402
from digest.fetch import MAX_WORKERS, fetch_all  # noqa: E402


def feed(number: int, entries: int) -> bytes:
    items = []
    for entry in range(entries):
        when = email.utils.format_datetime(
            email.utils.localtime().replace(year=2024, month=4, day=1 + entry % 28))
        text = " ".join(f"Paragraph {p} of entry {entry} in feed {number} says something."
                        for p in range(40))
        items.append(f"<item><title>Feed {number} entry {entry}</title>"
                     f"<link>https://feed{number}.example/{entry}</link>"
                     f"<guid>feed{number}-{entry}</guid><pubDate>{when}</pubDate>"
                     f"<description><![CDATA[<p>{text}</p>]]></description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {number}</title>'
            f"{''.join(items)}</channel></rss>").encode()


def serve(hosts: int, bodies: dict[str, bytes], latency: float) -> list[tuple[str, int, object]]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = bodies.get(self.path)
            time.sleep(latency)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    servers = []
    for host in range(hosts):
        address = f"127.0.0.{host + 1}"
        server = http.server.ThreadingHTTPServer((address, 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((address, server.server_address[1], server))
    return servers


def run(sources: list[SourceConfig], workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        config = Config(root=Path(folder), sources=sources)
        start = time.perf_counter()
        report = fetch_all(config, lambda _: None, workers=workers)
        elapsed = time.perf_counter() - start
    failed = [r for r in report.results if r.failure]
    if failed:
        raise SystemExit(f"{failed[0].name}: {failed[0].failure}")
    return elapsed, report.new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=50, help="distinct 127.0.0.N servers")
    parser.add_argument("--entries", type=int, default=10, help="entries per feed")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bodies = {f"/feed{n}.xml": feed(n, args.entries) for n in range(args.feeds)}
    servers = serve(args.hosts, bodies, args.latency)
    sources = []
    for n in range(args.feeds):
        address, port, _ = servers[n % len(servers)]
        sources.append(SourceConfig(name=f"Feed {n}", feed=f"http://{address}:{port}/feed{n}.xml"))
    timings: dict[str, list[float]] = {"sequential (1 worker)": [],
                                       f"parallel ({MAX_WORKERS} workers)": []}
    for _ in range(args.runs):
        for label, workers in zip(timings, (1, MAX_WORKERS)):
            elapsed, new = run(sources, workers)
            timings[label].append(elapsed)
    print(f"{args.feeds} feeds on {len(servers)} hosts, {args.entries} entries each "
          f"({new} files written per run), {args.latency * 1000:.0f} ms per response, "
          f"medians of {args.runs} runs:")
    for label, values in timings.items():
        print(f"  {label:24} {statistics.median(values):6.2f} s")
    for _, _, server in servers:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
