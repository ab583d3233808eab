"""Links as kept: click-tracking redirects unwrapped, tracking parameters removed.

Every reader's links go through `clean_url`, and later stages may use it to compare links
(it also normalises: lower-case host, default port dropped, query sorted). The tracker list
is courlan's, plus the parameters named in the platform profiles' `[links]` tables.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

PLATFORMS = Path(__file__).resolve().parent / "profiles" / "platforms"


@dataclass
class LinkRules:
    params: set[str] = field(default_factory=set)
    redirect: set[str] = field(default_factory=set)
    when: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    hosts: dict[str, set[str]] = field(default_factory=dict)  # host (and its subdomains) → params


@lru_cache(maxsize=1)
def rules() -> LinkRules:
    """The `[links]` tables of the built-in platform profiles, merged."""
    found = LinkRules()
    for path in sorted(PLATFORMS.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("links", {})
        found.params |= {p.lower() for p in table.get("params", [])}
        found.redirect |= {p.lower() for p in table.get("redirect", [])}
        for key, names in table.get("when", {}).items():
            name, _, value = key.partition("=")
            found.when.setdefault((name.lower(), value.lower()), set()).update(
                n.lower() for n in names)
        for host, names in table.get("hosts", {}).items():
            found.hosts.setdefault(host.lower(), set()).update(n.lower() for n in names)
    return found


def _host_params(host: str, hosts: dict[str, set[str]]) -> set[str]:
    """The parameters dropped on this host: its own and its parent domains' entries."""
    names: set[str] = set()
    labels = host.lower().rstrip(".").split(".")
    for n in range(len(labels) - 1):
        names |= hosts.get(".".join(labels[n:]), set())
    return names


def host(url: str) -> str:
    """A link's host, lower-case, without "www.", a port or a user (never raises: the link may
    be anything a page wrote)."""
    found = url.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    return found.split(":", 1)[0].lower().removeprefix("www.")


def clean_url(url: str) -> str:
    """The address a link leads to, without what only tracks the click; others unchanged."""
    if not url.lower().startswith(("http://", "https://")):
        return url
    if "?" not in url and _TOKEN_START not in url and _ADDRESS_START not in url:
        return _unnamed(url)  # (a fragment may hold a query of its own)
    for _ in range(3):  # a redirect may wrap another
        inner = _unwrapped(url) or _decoded(url)
        if inner is None:
            break
        url = inner
    url = _unnamed(url)
    return _untracked(url) if "?" in url else url


# A parameter that names the reader, by its name and an id for a value ("sid=b7c41f0e-2d3a-…",
# "uuid=5d0c…", Ghost's "key=a9f3e1c0…", "e=8f3c2a1b0d", a referral code "ref=Qx7Lm2Pz"; not
# "ref=hn"): a poll's answer, a feedback button, a forward-to-a-friend or referral link each
# carry it, and a published link must not.
_PERSONAL_PARAM = re.compile(
    r"(?i)^(?:sid|uid|uuid|e|key|subscriber_?id|subscriber|member_?id|member_?uuid|"
    r"recipient_?id|contact_?id|user_?id|email|mail|ref|referral|referral_?code)$")
_PERSONAL_VALUE = re.compile(r"(?=[^&#]*\d)[A-Za-z0-9-]{8,}|[^@&#\s]+@[^@&#\s]+")


def _unnamed(url: str) -> str:
    """The link without the parameters that name its reader, in its query and in a fragment
    that holds one (Ghost's "#/feedback/…/?uuid=…&key=…", percent-encoded or not)."""
    if "=" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = _without_personal(parts.query)
    fragment = parts.fragment
    if "=" in fragment:
        head, mark, inner = unquote(fragment).partition("?")
        fragment = head + mark + _without_personal(inner) if mark else fragment
        if fragment.endswith("?"):
            fragment = fragment[:-1]
    if (query, fragment) == (parts.query, parts.fragment):
        return url
    return urlunsplit(parts._replace(query=query, fragment=fragment))


def _without_personal(query: str) -> str:
    if "=" not in query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs
            if not (_PERSONAL_PARAM.match(k) and _PERSONAL_VALUE.fullmatch(v))]
    return query if len(kept) == len(pairs) else urlencode(kept)


_TOKEN_START = "eyJ"  # base64 of '{"': encoded JSON, as signed tokens carry it
_TOKEN = re.compile(r"(?:^|[/=])(eyJ[A-Za-z0-9_-]{8,})")
_ADDRESS_START = "aHR0c"  # base64 of "http": a web address encoded whole, as Kit's links carry it
_ADDRESS = re.compile(r"(?:^|[/=])(aHR0cHM6Ly[A-Za-z0-9_-]{4,}|aHR0cDovL[A-Za-z0-9_-]{4,})"
                      r"=*(?=$|[?#&])")  # the link's last part: not a page naming a feed


def _decoded(url: str) -> str | None:
    """The destination of a redirect that carries it base64-encoded in its path or query:
    whole (`…/aHR0cHM6Ly9…`, as Kit's click links do), or in JSON, as a signed token does
    (`…/redirect/2/eyJlIjoiaHR0cHM6…`): the one web address among the JSON's values."""
    for match in _ADDRESS.finditer(url) if _ADDRESS_START in url else ():
        try:
            found = base64.urlsafe_b64decode(match[1] + "=" * (-len(match[1]) % 4)).decode("ascii")
        except (ValueError, binascii.Error):
            continue
        if found.isprintable() and " " not in found:
            return found
    if _TOKEN_START not in url:
        return None
    for match in _TOKEN.finditer(url):
        token = match[1]
        try:
            data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
            continue
        if not isinstance(data, dict):
            continue
        found = [v.strip() for v in data.values()
                 if isinstance(v, str) and v.strip().lower().startswith(("http://", "https://"))]
        if len(found) == 1:
            return found[0]
    return None


def _unwrapped(url: str) -> str | None:
    names = rules().redirect
    try:
        query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    except ValueError:
        return None
    for name, value in query:
        value = value.strip()
        if name.lower() in names and value.lower().startswith(("http://", "https://")):
            return value
        if name.lower() in names and value.lower().startswith(("http%3a", "https%3a")):
            return unquote(value)
    return None


def reader_tokens(urls: list[str]) -> frozenset[str]:
    """The values in unsubscribe addresses that name the reader (a token: letters and figures,
    five or more), which the mail's other links may carry too."""
    found = set()
    for url in urls:
        try:
            query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        except ValueError:
            continue
        found |= {v for _, v in query if _READER_TOKEN.fullmatch(v)}
    return frozenset(found)


_READER_TOKEN = re.compile(r"(?=[^\W_]*\d)(?=[^\W_]*[A-Za-z])[A-Za-z0-9]{5,}")
# Names of parameters that carry who reads ("email_token", "midToken", "uid"), not which list
# or campaign (Mailchimp's click links need their "u" and "id").
_READER_PARAM = re.compile(r"(?i)token|tok$|email|user|uid|subscriber|recipient|member|hash")


def without_tokens(url: str, tokens: frozenset[str]) -> str:
    """The link without the query parameters that carry one of the reader's `tokens` under
    a name that says so."""
    if not tokens or "?" not in url:
        return url
    try:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return url
    kept = [(k, v) for k, v in query if v not in tokens or not _READER_PARAM.search(k)]
    return url if len(kept) == len(query) else urlunsplit(parts._replace(query=urlencode(kept)))


def ready() -> None:
    """Import courlan now: before forking workers that will all clean links, so that each
    does not import it again."""
    from courlan.clean import normalize_url  # noqa: F401


def _untracked(url: str) -> str:
    from courlan.clean import normalize_url  # 40–80 ms to import: only when a link has a query

    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    found = rules()
    present = {(k.lower(), v.lower()) for k, v in query}
    drop = found.params | _host_params(parts.hostname or "", found.hosts)
    for condition, names in found.when.items():
        if condition in present:
            drop |= names
    kept = [(k, v) for k, v in query if k.lower() not in drop]
    cleaned = url if len(kept) == len(query) else urlunsplit(parts._replace(query=urlencode(kept)))
    try:
        return normalize_url(cleaned)
    except ValueError:
        return cleaned
