"""HTTP GET for feeds with the standard library: conditional, bounded in time and size, gzip.

The bytes are fetched here and handed to the parser, so the timeout and the size limit hold
whatever the server sends; redirects are followed (up to urllib's limit of 10).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from digest import __version__

USER_AGENT = f"digest/{__version__} (newsletter feed reader)"
CHUNK = 65536


class FetchError(Exception):
    """A source that could not be fetched; the message is the reason, fit for one line."""


@dataclass
class Response:
    status: int  # 200, or 304 when the feed has not changed
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


def redact(url: str) -> str:
    """The URL without any user name or password in it."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = host + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def get(url: str, *, etag: str | None = None, last_modified: str | None = None,
        timeout: float = 30, max_bytes: int = 10_000_000) -> Response:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip",
               "Accept": "application/rss+xml, application/atom+xml, application/feed+json, "
                         "application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            body = _read(reply, max_bytes, deadline, timeout)
            encoding = (reply.headers.get("Content-Encoding") or "").strip().lower()
            if encoding in ("gzip", "x-gzip"):
                body = _gunzip(body, max_bytes)
            elif encoding not in ("", "identity"):
                raise FetchError(f"unsupported Content-Encoding {encoding!r}")
            return Response(reply.status, body, reply.headers.get("ETag"),
                            reply.headers.get("Last-Modified"),
                            reply.headers.get("Content-Type") or "")
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, etag=etag, last_modified=last_modified)
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(reason(exc.reason, timeout)) from exc
    except http.client.IncompleteRead as exc:
        raise FetchError(f"truncated response: got {len(exc.partial):,} bytes, "
                         f"{exc.expected:,} more were announced") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(reason(exc, timeout)) from exc


def _read(reply: http.client.HTTPResponse, max_bytes: int, deadline: float,
          timeout: float) -> bytes:
    length = reply.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"too large: {int(length):,} bytes (limit {max_bytes:,})")
    chunks: list[bytes] = []
    size = 0
    while chunk := reply.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: more than {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s")
        chunks.append(chunk)
    if length and length.isdigit() and size < int(length):
        raise FetchError(f"truncated response: got {size:,} of the {int(length):,} bytes "
                         "announced")
    return b"".join(chunks)


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    inflate = zlib.decompressobj(wbits=47)  # gzip or zlib header
    try:
        data = inflate.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"corrupt gzip body ({exc})") from exc
    if len(data) > max_bytes:
        raise FetchError(f"too large once unzipped: more than {max_bytes:,} bytes")
    if not inflate.eof:
        raise FetchError("truncated gzip body")
    return data


def reason(error: object, timeout: float) -> str:
    """One line for a network failure, without a traceback's worth of detail."""
    if isinstance(error, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(error, socket.gaierror):
        return "host not found (DNS)"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({error.verify_message})"
    if isinstance(error, ssl.SSLError):
        return f"TLS error ({error.reason or error})"
    if isinstance(error, ConnectionError):
        return f"connection lost ({error.__class__.__name__})"
    if isinstance(error, http.client.HTTPException):
        return f"bad HTTP response ({error.__class__.__name__})"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or error.__class__.__name__
