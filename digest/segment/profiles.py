"""Newsletter profiles: data files that tell the segmenter how one newsletter is laid out.

A profile is a TOML file (see `digest/profiles/`); users add their own in a folder named by
the `profiles` config key. `_common.toml` is merged into every profile and is the whole
profile of a newsletter that matches none.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from digest.confine import read_inside
from digest.model import POLICY_KEYS, ROLES, SummaryPolicy

BUILTIN = Path(__file__).resolve().parent.parent / "profiles"
PLATFORMS = BUILTIN / "platforms"
DROP_KINDS = ("chrome", "credit", "caption", "note", "signoff", "bio")


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the key."""


@dataclass
class SectionRule:
    kind: str
    headings: list[str]
    layout: str = "prose"  # prose | roundup (numbered stories, parsed with [roundup])
    role: str = "section"  # one of digest.model.ROLES
    summary: SummaryPolicy = field(default_factory=SummaryPolicy)  # overrides of the role's


@dataclass
class Profile:
    name: str
    source: str
    publisher: str | None = None
    detect: list[re.Pattern[str]] = field(default_factory=list)
    layout: str = "sections"  # sections | cards
    starts_before: re.Pattern[str] | None = None
    sections: list[SectionRule] = field(default_factory=list)
    item: re.Pattern[str] = re.compile(r"^\d{1,3}[.)]\s+")
    sub_item: re.Pattern[str] = re.compile(r"^(?:[•·▪◦‣*–-]\s+|・\s*)")
    outlet: re.Pattern[str] | None = None  # where an item names its outlet (group 1)
    paywall: str = "$"
    card_end: re.Pattern[str] | None = None
    drop: dict[str, list[re.Pattern[str] | Remembered]] = field(default_factory=dict)
    rules_disabled: frozenset[str] = frozenset()  # segmenter rules switched off, by name
    sponsor: list[re.Pattern[str]] = field(default_factory=list)  # marks an ad; group 1: who
    sponsor_openings: list[re.Pattern[str]] = field(default_factory=list)  # an ad's 1st clause
    chrome_links: list[re.Pattern[str]] = field(default_factory=list)  # URLs only chrome has
    unsubscribe: list[str] = field(default_factory=list)  # host+path of List-Unsubscribe
    own: tuple[str, ...] = ()  # host+path of the issue's own page and of its site's home
    platform: str | None = None  # the mail platform whose chrome was merged in
    senders: list[re.Pattern[str]] = field(default_factory=list)  # "<author> from <newsletter>"
    by: tuple[str, ...] = ("by",)  # words introducing an author, in the language
    joins: tuple[str, ...] = ("and",)  # words joining two authors ("A and B")
    months: frozenset[str] = frozenset()  # months' names, in the issue's language and English
    plain: frozenset[str] = frozenset()  # words no credited name holds (language.plain_words)
    more: frozenset[str] = frozenset()  # "read more" lines, lower-case (language.more_lines)
    calls: frozenset[str] = frozenset()  # words a call to action opens with (language.calls)
    reading: re.Pattern[str] | None = None  # a reading time (language.reading_time)
    notes: frozenset[str] = frozenset()  # headings over notes, as keys (language.note_headings)

    def section_for(self, text: str) -> SectionRule | None:
        """The section a heading opens, matched case- and punctuation-insensitively."""
        if not self.sections:
            return None
        key = heading_key(text)
        for rule in self.sections:
            if any(heading_key(h) == key for h in rule.headings):
                return rule
        return None

    def matches(self, texts: list[str]) -> bool:
        return any(p.search(t) for p in self.detect for t in texts)


def heading_key(text: str) -> str:
    """Text compared as a heading: case, punctuation and spacing set aside."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


_NOT_WORD = re.compile(r"[^\w\s]")


def _compile(path: Path, key: str, pattern: object) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise ProfileError(f"{path}: {key}: expected a string pattern, got {pattern!r}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ProfileError(f"{path}: {key}: bad pattern {pattern!r}: {exc}") from exc


def _patterns(path: Path, key: str, value: object) -> list[re.Pattern[str]]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ProfileError(f"{path}: {key}: expected a list of patterns")
    return [_compile(path, key, p) for p in value]


def _sources(path: Path, key: str, value: object) -> tuple[str, ...]:
    """Patterns kept as written, compiled when an issue in their language needs them (the
    platform files ship with digest: a test compiles every one)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise ProfileError(f"{path}: {key}: expected a list of string patterns")
    return tuple(dict.fromkeys(v for p in value for v in (p, unaccented(p))))


def unaccented(text: str) -> str:
    """The text without its accents: a phrase set in capitals often loses them ("ΧΟΡΗΓΟΥΜΕΝΟ"
    for "Χορηγούμενο", "DESABONNEMENT"), so a phrase table holds both forms."""
    split = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in split if not "\u0300" <= c <= "\u036f"))


def _section_rule(path: Path, i: int, entry: object,
                  algorithms: Collection[str] | None) -> SectionRule:
    """One [[sections]] table: kind, headings, role, and the role's policy overrides."""
    where = f"{path}: sections[{i}]"
    if not isinstance(entry, dict) or "kind" not in entry or "headings" not in entry:
        raise ProfileError(f"{where}: needs 'kind' and 'headings'")
    role = entry.get("role", "section")
    if role not in ROLES:
        raise ProfileError(f"{where}.role: unknown role {role!r} (use one of {', '.join(ROLES)})")
    try:
        summary = SummaryPolicy.from_table({k: v for k, v in entry.items() if k in POLICY_KEYS})
    except ValueError as exc:
        raise ProfileError(f"{where}.{exc}") from None
    if summary.algorithm is not None and algorithms is not None and \
            summary.algorithm not in algorithms:
        raise ProfileError(f"{where}.algorithm: must be one of {', '.join(algorithms)}, "
                           f"got {summary.algorithm!r}")
    layout = entry.get("layout", "roundup" if role == "roundup" else "prose")
    if layout not in ("prose", "roundup"):
        raise ProfileError(f"{where}.layout: expected 'prose' or 'roundup'")
    return SectionRule(entry["kind"], list(entry["headings"]), layout, role, summary)


def parse_profile(path: Path, data: dict, common: dict[str, list[re.Pattern[str]]],
                  algorithms: Collection[str] | None = None) -> Profile:
    """Build a Profile from one TOML table, merging the common drop patterns; `algorithms`,
    when given, are the summary algorithms a section may name."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{path}: name: every profile needs a name")
    drop_table = data.get("drop", {})
    if not isinstance(drop_table, dict):
        raise ProfileError(f"{path}: drop: expected a table")
    drop = {kind: list(common.get(kind, [])) for kind in DROP_KINDS}
    for kind, value in drop_table.items():
        if kind not in DROP_KINDS:
            raise ProfileError(f"{path}: drop.{kind}: unknown kind (use one of {DROP_KINDS})")
        drop[kind] = _patterns(path, f"drop.{kind}", value) + drop[kind]
    roundup = data.get("roundup", {})
    sections = [_section_rule(path, i, entry, algorithms)
                for i, entry in enumerate(data.get("sections", []))]
    profile = Profile(
        name=name.strip(),
        source=str(path),
        publisher=data.get("publisher"),
        detect=_patterns(path, "detect", data.get("detect")),
        layout=data.get("layout", "sections"),
        sections=sections,
        drop=drop,
    )
    if "issue" in data and "starts_before" in data["issue"]:
        pattern = data["issue"]["starts_before"]
        profile.starts_before = _compile(path, "issue.starts_before", pattern)
    if "item" in roundup:
        profile.item = _compile(path, "roundup.item", roundup["item"])
    if "sub_item" in roundup:
        profile.sub_item = _compile(path, "roundup.sub_item", roundup["sub_item"])
    if "outlet" in roundup:
        profile.outlet = _compile(path, "roundup.outlet", roundup["outlet"])
        if profile.outlet.groups < 1:
            raise ProfileError(f"{path}: roundup.outlet: the pattern needs a group "
                               "around the outlet's name")
    profile.paywall = str(roundup.get("paywall", profile.paywall))
    if "cards" in data:
        profile.card_end = _compile(path, "cards.end", data["cards"].get("end", ""))
    profile.rules_disabled = _disabled_rules(path, data.get("rules", {}))
    if profile.layout not in ("sections", "cards"):
        raise ProfileError(f"{path}: layout: expected 'sections' or 'cards'")
    return profile


def _disabled_rules(path: Path, table: object) -> frozenset[str]:
    """`[rules] disable = [...]`: segmenter rules this newsletter does without (the names are
    checked against the segmenter's rules by `digest.segment.load_profiles`)."""
    if not isinstance(table, dict) or set(table) - {"disable"}:
        raise ProfileError(f"{path}: rules: expected a table with only 'disable'")
    names = table.get("disable", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ProfileError(f"{path}: rules.disable: expected a list of rule names")
    return frozenset(names)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(read_inside(path, path.parent, "profiles folder").decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile: {exc}") from exc


def load_profiles(extra_dirs: list[Path] | None = None, algorithms: Collection[str] | None = None,
                  ) -> tuple[Profile, list[Profile]]:
    """The generic profile and the newsletter profiles (user folders first, then built-ins);
    a section naming a summary algorithm not in `algorithms` (when given) is an error."""
    common_path = BUILTIN / "_common.toml"
    common_data = _read(common_path).get("drop", {})
    common = {k: _patterns(common_path, f"drop.{k}", common_data.get(k)) for k in DROP_KINDS}
    generic = Profile(name="", source=str(common_path), drop=common)
    profiles: list[Profile] = []
    for folder in [*(extra_dirs or []), BUILTIN]:
        for path in sorted(folder.glob("*.toml")):
            if not path.name.startswith("_"):
                profiles.append(parse_profile(path, _read(path), common, algorithms))
    return generic, profiles


def choose(profiles: list[Profile], texts: list[str]) -> Profile | None:
    return next((p for p in profiles if p.matches(texts)), None)


@dataclass
class Platform:
    """What one mail platform wraps around every issue, and how its e-mails are recognised."""

    name: str
    source: str
    hosts: list[str] = field(default_factory=list)
    generator: list[re.Pattern[str]] = field(default_factory=list)
    # Phrase patterns by language, as written: only the language is ever compiled.
    chrome: dict[str, tuple[str, ...]] = field(default_factory=dict)
    chrome_links: list[re.Pattern[str]] = field(default_factory=list)
    sponsor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sponsor_openings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    credit: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Foto: …", by language
    senders: list[re.Pattern[str]] = field(default_factory=list)

    def named_by(self, origins: list[str]) -> bool:
        """A header domain, mailer or generator of the message names this platform."""
        return any(_host_in(o, self.hosts) for o in origins) or any(
            p.search(o) for p in self.generator for o in origins)


def _host_in(host: str, hosts: list[str]) -> bool:
    host = host.lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def parse_platform(path: Path, data: dict) -> Platform:
    """One platform file: `[detect]`, `[chrome] links`, `[names] sender`, and `[lang.CODE]`
    phrase tables (`drop.chrome`, `drop.credit`, `sponsor.markers`, `sponsor.openings`)."""
    detect, chrome, names = data.get("detect", {}), data.get("chrome", {}), data.get("names", {})
    if not all(isinstance(t, dict) for t in (detect, chrome, names)):
        raise ProfileError(f"{path}: detect, chrome and names must be tables")
    senders = _patterns(path, "names.sender", names.get("sender"))
    for pattern in senders:
        if not {"author", "publication"} <= pattern.groupindex.keys():
            raise ProfileError(f"{path}: names.sender: {pattern.pattern!r} needs the groups "
                               "(?P<author>…) and (?P<publication>…)")
    platform = Platform(
        name=str(data.get("name") or path.stem),
        source=str(path),
        hosts=[str(h).lower() for h in detect.get("hosts", [])],
        generator=_patterns(path, "detect.generator", detect.get("generator")),
        chrome_links=_patterns(path, "chrome.links", chrome.get("links")),
        senders=senders,
    )
    for code, table in data.get("lang", {}).items():
        if not isinstance(table, dict):
            raise ProfileError(f"{path}: lang.{code}: expected a table")
        code = str(code).lower()
        chrome = _sources(path, f"lang.{code}.drop.chrome", table.get("drop", {}).get("chrome"))
        sponsor = _sources(path, f"lang.{code}.sponsor.markers",
                           table.get("sponsor", {}).get("markers"))
        if chrome:
            platform.chrome[code] = chrome
        if sponsor:
            platform.sponsor[code] = sponsor
        openings = _sources(path, f"lang.{code}.sponsor.openings",
                            table.get("sponsor", {}).get("openings"))
        if openings:
            platform.sponsor_openings[code] = openings
        credit = _sources(path, f"lang.{code}.drop.credit", table.get("drop", {}).get("credit"))
        if credit:
            platform.credit[code] = credit
    return platform


@lru_cache(maxsize=1)
def load_platforms() -> tuple[Platform, tuple[Platform, ...]]:
    """The generic platform set (`_generic.toml`) and the named platforms."""
    generic = parse_platform(PLATFORMS / "_generic.toml", _read(PLATFORMS / "_generic.toml"))
    named = tuple(parse_platform(p, _read(p)) for p in sorted(PLATFORMS.glob("*.toml"))
                  if not p.name.startswith("_"))
    return generic, named


def detect_platform(platforms: tuple[Platform, ...], origins: list[str],
                    links: list[str]) -> Platform | None:
    """The platform a message's headers or page's generator name; else the one whose own
    pages (unsubscribe, preferences, share: its `[chrome] links`) two or more links go to."""
    named = next((p for p in platforms if p.named_by(origins)), None)
    if named is not None:
        return named
    anywhere = searched_together(tuple(c for p in platforms for c in p.chrome_links))
    distinct = Counter(url for url in links if any(p.search(url) for p in anywhere))
    counts = {p.name: sum(n for url, n in distinct.items()
                          if any(c.search(url) for c in p.chrome_links)) for p in platforms}
    best = max(platforms, key=lambda p: counts[p.name], default=None)
    return best if best is not None and counts[best.name] >= 2 else None


def with_platform(profile: Profile, generic: Platform, platform: Platform | None,
                  unsubscribe: list[str], language: str | None = None,
                  address: str | None = None) -> Profile:
    """The profile with the generic and the detected platform's chrome merged in: the
    newsletter's own patterns come first, so they win where they disagree. Phrase tables
    are those of the issue's `language` (English when unknown or when no table has it), and
    the detected platform's English ones too: a platform leaves its own strings in English in
    an issue written in any language (Mailchimp's "Our mailing address is:"); the generic
    English ones are not, as they may read a line of another language ("Open Online ist…")."""
    sets = [generic] + ([platform] if platform else [])
    drop = {kind: [*searched_together(tuple(p for p in patterns if isinstance(p, re.Pattern))),
                   *(p for p in patterns if not isinstance(p, re.Pattern))]
            for kind, patterns in profile.drop.items()}
    own = _phrases([platform.chrome], FALLBACK_LANGUAGE) if platform and language and \
        language != FALLBACK_LANGUAGE else ()  # a platform's English strings in any issue
    drop["chrome"] = list(drop.get("chrome", [])) + [_short_lines(
        tuple(dict.fromkeys(_phrases([s.chrome for s in sets], language) + own)))]
    credits = tuple(p for s in sets for p in s.credit.get(language or "", ()))
    if credits:  # English ones are every profile's (_common.toml)
        drop["credit"] = list(drop.get("credit", [])) + [_short_lines(credits)]
    return dataclasses.replace(
        profile,
        drop=drop,
        sponsor=profile.sponsor + _compiled(_phrases([s.sponsor for s in sets], language)),
        sponsor_openings=profile.sponsor_openings + _compiled(
            _phrases([s.sponsor_openings for s in sets], language)),
        chrome_links=list(searched_together(tuple(profile.chrome_links + [
            c for s in sets for c in s.chrome_links]))),  # two searches a link at most
        unsubscribe=[address_key(u) for u in unsubscribe],
        own=_own(address) if address else (),
        platform=platform.name if platform else None,
        senders=profile.senders + (platform.senders if platform else []),
    )


FALLBACK_LANGUAGE = "en"


def _phrases(tables: list[dict[str, tuple[str, ...]]], language: str | None) -> tuple[str, ...]:
    """The patterns of one language from each table; English when none has that language."""
    code = language if language and any(language in t for t in tables) else FALLBACK_LANGUAGE
    return tuple(p for t in tables for p in t.get(code, ()))


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


# Patterns joined into one find alone what they found apart only when no flag but
# case-insensitivity applies and no group is referred to (by number or name, or a condition).
_JOINABLE_FLAGS = re.IGNORECASE | re.UNICODE
_GROUP_REFERENCES = re.compile(r"\\[1-9]|\(\?P[<=]|\(\?\(")
_LEADING_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")


@lru_cache(maxsize=64)
def searched_together(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """Patterns a text is searched with one by one (`any(p.search(text) for p in …)`), joined
    into fewer that find the same texts: those anchored at the start as one tried there alone
    (in one pattern with the others they were tried at every character: twice the cost), the
    others as one, and apart those that cannot be joined. A newsletter's drop patterns were a
    search each, some thirty a paragraph; chrome links are searched so too."""
    anchored, anywhere, apart = [], [], []
    for pattern in patterns:
        if pattern.flags & ~_JOINABLE_FLAGS or _GROUP_REFERENCES.search(pattern.pattern):
            apart.append(pattern)
            continue
        body = _LEADING_FLAGS.sub("", pattern.pattern, count=1)
        scope = "?i:" if pattern.flags & re.IGNORECASE else "?:"
        if body.startswith("^") and not bar_outside_groups(body):
            anchored.append(f"({scope}{body[1:]})")
        else:
            anywhere.append(f"({scope}{body})")
    try:
        joined = [re.compile(f"^(?:{'|'.join(anchored)})")] if anchored else []
        joined += [re.compile("|".join(anywhere))] if anywhere else []
    except re.error:  # (a pattern that only compiles alone)
        return patterns
    return (*joined, *apart)


def bar_outside_groups(pattern: str) -> bool:
    """Whether a pattern has a `|` outside any group (`^a|b` finds "b" anywhere), skipping
    escaped characters and character classes."""
    depth, n = 0, 0
    while n < len(pattern):
        char = pattern[n]
        if char == "\\":
            n += 1
        elif char == "[":  # a class: a "]" right after "[" or "[^" is one of its characters
            n += 2 if pattern.startswith("^", n + 1) else 1
            n += 1 if pattern.startswith("]", n) else 0
            while n < len(pattern) and pattern[n] != "]":
                n += 2 if pattern[n] == "\\" else 1
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        n += 1
    return False


CHROME_CHARS = 600  # platform chrome is a short line: longer paragraphs are never searched


class Remembered:
    """A pattern that keeps its answer per text searched, for the phrase tables: each issue of
    a newsletter repeats its furniture (a footer, standing lines), and the tables' combined
    pattern is the slowest search of segmenting. Answers are kept in two generations of
    KEPT texts each, so the texts searched again and again stay."""

    KEPT = 20_000

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled, self.pattern, self.flags = compiled, compiled.pattern, compiled.flags
        self._new: dict[str, re.Match[str] | None] = {}
        self._old: dict[str, re.Match[str] | None] = {}

    def search(self, text: str) -> re.Match[str] | None:
        if text in self._new:
            return self._new[text]
        found = self._old[text] if text in self._old else self.compiled.search(text)
        if len(self._new) >= self.KEPT:
            self._old, self._new = self._new, {}
        self._new[text] = found
        return found


@lru_cache(maxsize=32)
def _short_lines(patterns: tuple[str, ...]) -> Remembered:
    """Phrase patterns as one, tried only on a paragraph of at most CHROME_CHARS characters;
    those anchored at the start (most) are tried there alone, which is fast."""
    anchored, anywhere = [], []
    for pattern in patterns:
        flags, body = ("(?i)", pattern[4:]) if pattern.startswith("(?i)") else ("", pattern)
        if body.startswith("^"):
            anchored.append(f"(?{flags[2:3]}:{body[1:]})" if flags else f"(?:{body[1:]})")
        else:
            anywhere.append(f"(?{flags[2:3]}:{body})" if flags else f"(?:{body})")
    branches = anchored + ([f".*?(?:{'|'.join(anywhere)})"] if anywhere else [])
    return Remembered(re.compile(f"^(?=.{{0,{CHROME_CHARS}}}$)(?:{'|'.join(branches) or '(?!)'})"))


def _own(address: str) -> tuple[str, ...]:
    """The page's key and its site's home page's (its host alone)."""
    page = address_key(address)
    return (page, page.split("/", 1)[0]) if page else ()


def address_key(url: str) -> str:
    """Host and path of a URL, lower-cased: two links to one page compare equal."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    return (parts.netloc.lower() + parts.path.rstrip("/")).lower()
