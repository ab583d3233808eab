"""`digest serve`: serve the output on 127.0.0.1; rebuild when inputs, config or templates change.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from digest.config import CONFIG_FILE, Config

POLL_SECONDS = 1.0


def _stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of every file under the watched paths."""
    found = []
    for root in paths:
        files = [root] if root.is_file() else (root.rglob("*") if root.is_dir() else [])
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


def _watch(config: Config, stop: threading.Event) -> None:
    from digest.build import build

    watched = [config.path(config.build.input), config.path(config.build.templates),
               config.path(config.build.profiles), config.root / CONFIG_FILE]
    seen = _stamp(watched)
    while not stop.wait(POLL_SECONDS):
        now = _stamp(watched)
        if now == seen:
            continue
        seen = now
        print("change seen: rebuilding…", file=sys.stderr)
        try:
            report = build(config)
            print(f"rebuilt: {report.issues} issues, {len(report.problems)} warnings",
                  file=sys.stderr)
        except Exception as exc:  # keep serving the last good site
            print(f"rebuild failed: {exc}", file=sys.stderr)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def serve(config: Config, host: str, port: int, rebuild: bool = True) -> int:
    from digest.build import build

    output = config.path(config.build.output)
    report = build(config)
    print(f"built {report.issues} issues; serving {output} at http://{host}:{port}/ "
          "(Ctrl-C to stop)", file=sys.stderr)
    handler = functools.partial(_Quiet, directory=str(output))
    stop = threading.Event()
    if rebuild:
        threading.Thread(target=_watch, args=(config, stop), daemon=True).start()
    with ThreadingHTTPServer((host, port), handler) as server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
    return 0
