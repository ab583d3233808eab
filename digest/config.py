"""The one TOML config file, with every key's default; CLI flags and the environment override it."""

from __future__ import annotations

import dataclasses
import os
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_FILE = "digest.toml"
RETIRED_KEYS = Path(__file__).resolve().parent / "retired_keys.toml"
BASE_URL_ENV = "DIGEST_BASE_URL"


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass
class SiteConfig:
    title: str = "Newsletter Digest"
    description: str = "A weekly digest of the newsletters I read."
    base_url: str = "http://127.0.0.1:8000/"
    author: str = "digest"
    language: str = "en"
    timezone: str = "UTC"
    stories: bool = True  # open each week with the stories several newsletters carried
    search: bool = True  # a Pagefind index of the issue pages, and a search box on every page


@dataclass
class BuildConfig:
    input: str = "seeds"
    output: str = "output"
    profiles: str = "profiles"
    templates: str = "templates"
    cache: str = ".digest-cache"
    jobs: int = 0  # worker processes for many new files or pages; 0: one per core (up to 8)
    file_timeout: int = 30  # seconds to read, segment and summarize one file before skipping it


@dataclass
class FeedConfig:
    entries: int = 20


@dataclass
class SourceConfig:
    """One `[[sources]]` table: a feed, an IMAP folder, an mbox file or a Maildir to fetch."""

    name: str = ""
    feed: str = ""
    imap: str = ""
    mbox: str = ""
    maildir: str = ""
    port: int = 0  # 0: 993 with TLS, 143 without
    tls: bool = True
    ca_file: str = ""  # certificate authorities to trust instead of the system's (PEM)
    user: str = ""
    password_env: str = ""
    folder: str = "INBOX"
    senders: list[str] = field(default_factory=list)
    mark_read: bool = False
    timeout: int = 30  # seconds
    max_bytes: int = 10_000_000  # largest feed or message accepted

    @property
    def kind(self) -> str:
        return next(k for k in SOURCE_KINDS if getattr(self, k))


SOURCE_KINDS = ("feed", "imap", "mbox", "maildir")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Config:
    site: SiteConfig = field(default_factory=SiteConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    feed: FeedConfig = field(default_factory=FeedConfig)
    summary: Any = None  # digest.summarize.SummaryConfig, filled by load_config
    sources: list[SourceConfig] = field(default_factory=list)
    root: Path = field(default_factory=Path.cwd)

    def path(self, value: str) -> Path:
        """A config path, relative to the folder holding the config file; links are kept (the
        output is one), so `..` is folded by name."""
        return Path(os.path.abspath(self.root / value))


def _fill(target: object, table: object, section: str, source: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [{section}] must be a table")
    known = {f.name: f for f in dataclasses.fields(target)}  # type: ignore[arg-type]
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{source}: unknown key '{section}.{key}' "
                              f"(known: {', '.join(sorted(known))})")
        expected = type(getattr(target, key))
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(f"{source}: '{section}.{key}' must be a whole number, got {value!r}")
        if expected is bool and not isinstance(value, bool):
            raise ConfigError(f"{source}: '{section}.{key}' must be true or false, got {value!r}")
        if expected is str and not isinstance(value, str):
            raise ConfigError(f"{source}: '{section}.{key}' must be a string, got {value!r}")
        if expected is bool and not isinstance(value, bool):
            raise ConfigError(f"{source}: '{section}.{key}' must be true or false, got {value!r}")
        if expected is list and not (isinstance(value, list)
                                     and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{source}: '{section}.{key}' must be a list of strings, "
                              f"got {value!r}")
        setattr(target, key, value)


def _sources(tables: object, source: str) -> list[SourceConfig]:
    if not isinstance(tables, list):
        raise ConfigError(f"{source}: 'sources' must be an array of tables ([[sources]])")
    found: list[SourceConfig] = []
    for number, table in enumerate(tables, 1):
        where = f"sources[{number}]"
        item = SourceConfig()
        _fill(item, table, where, source)
        if not item.name.strip():
            raise ConfigError(f"{source}: '{where}.name' is required")
        kinds = [k for k in SOURCE_KINDS if getattr(item, k)]
        if len(kinds) != 1:
            raise ConfigError(f"{source}: {where} ({item.name}) needs exactly one of "
                              f"{', '.join(SOURCE_KINDS)}, got {', '.join(kinds) or 'none'}")
        if item.feed and not item.feed.startswith(("http://", "https://")):
            raise ConfigError(f"{source}: '{where}.feed' must be an http(s) URL, "
                              f"got {item.feed!r}")
        if item.imap and not item.tls and item.imap not in LOCAL_HOSTS:
            raise ConfigError(f"{source}: '{where}.tls' = false is only allowed for "
                              f"127.0.0.1 or localhost, not {item.imap!r}")
        if item.imap and not (item.user and item.password_env):
            raise ConfigError(f"{source}: {where} ({item.name}) needs 'user' and "
                              "'password_env' (the name of the variable holding the password)")
        if not 0 <= item.port <= 65535 or item.timeout < 1 or item.max_bytes < 1:
            raise ConfigError(f"{source}: {where} ({item.name}): 'port', 'timeout' or "
                              "'max_bytes' out of range")
        if item.name in {f.name for f in found}:
            raise ConfigError(f"{source}: two sources are named {item.name!r}")
        found.append(item)
    return found


def _retired(section: str) -> dict[str, str]:
    """Keys of a config table that were replaced, each with the key to use now."""
    data = tomllib.loads(RETIRED_KEYS.read_text(encoding="utf-8"))
    return data.get(section, {})


BUDGET_KEYS = ("budget_ratio", "budget_min_words", "budget_max_words", "budget_ceiling",
               "roundup_items", "standalone")


def _budget_value(summary: Any, key: str, value: object, source: str) -> object:
    """A checked value for one of the summary's budget keys (its type is the default's)."""
    default = getattr(summary, key)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{source}: 'summary.{key}' must be true or false, got {value!r}")
    elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{source}: 'summary.{key}' must be a number ≥ 0, got {value!r}")
    elif isinstance(default, int) and not isinstance(value, int):
        raise ConfigError(f"{source}: 'summary.{key}' must be a whole number, got {value!r}")
    elif isinstance(default, float) and value > 1:
        raise ConfigError(f"{source}: 'summary.{key}' is a share of the words, at most 1, "
                          f"got {value!r}")
    return float(value) if isinstance(default, float) else value


def _summary(table: object, source: str) -> Any:
    from digest.summarize import SummaryConfig, algorithm_names

    summary = SummaryConfig()
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [summary] must be a table")
    retired = _retired("summary")
    for key, value in table.items():
        if key in retired:
            raise ConfigError(f"{source}: 'summary.{key}' is no longer read: set "
                              f"'{retired[key]}' instead")
        if key == "algorithm":
            _check_algorithm(value, "summary.algorithm", source, algorithm_names())
            summary.algorithm = value
        elif key == "roles":
            _roles(summary.roles, value, source, algorithm_names())
        elif key in BUDGET_KEYS:
            setattr(summary, key, _budget_value(summary, key, value, source))
        else:
            raise ConfigError(f"{source}: unknown key 'summary.{key}' (known: algorithm, "
                              f"roles, {', '.join(BUDGET_KEYS)})")
    return summary


def _roles(roles: dict, table: object, source: str, algorithms: list[str]) -> None:
    """Each [summary.roles.NAME] table, laid over that role's built-in policy."""
    from digest.model import SummaryPolicy

    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [summary.roles] must be a table")
    for role, values in table.items():
        where = f"summary.roles.{role}"
        if role not in roles:
            raise ConfigError(f"{source}: unknown role '{where}' (known: "
                              f"{', '.join(roles)}; sponsored sections are never summarized)")
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: [{where}] must be a table")
        try:
            policy = SummaryPolicy.from_table(values)
        except ValueError as exc:
            raise ConfigError(f"{source}: {where}.{exc}") from None
        if policy.algorithm is not None:
            _check_algorithm(policy.algorithm, f"{where}.algorithm", source, algorithms)
        roles[role] = policy.over(roles[role])


def _check_algorithm(value: object, key: str, source: str, algorithms: list[str]) -> None:
    if value not in algorithms:
        raise ConfigError(f"{source}: '{key}' must be one of {', '.join(algorithms)}, "
                          f"got {value!r}")


def load_config(path: Path | None = None, base_url: str | None = None) -> Config:
    """Read the config file (if any), then apply the environment and the command line."""
    config = Config()
    source = path or Path(CONFIG_FILE)
    if path is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if source.is_file():
        config.root = source.resolve().parent
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{source}: cannot read config: {exc}") from exc
        for key, table in data.items():
            if key in ("site", "build", "feed"):
                _fill(getattr(config, key), table, key, str(source))
            elif key == "summary":
                config.summary = _summary(table, str(source))
            elif key == "sources":
                config.sources = _sources(table, str(source))
            else:
                raise ConfigError(f"{source}: unknown key '{key}' "
                                  "(known: build, feed, site, sources, summary)")
    if config.summary is None:
        config.summary = _summary({}, str(source))
    config.site.base_url = base_url or os.environ.get(BASE_URL_ENV) or config.site.base_url
    if not config.site.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{source}: 'site.base_url' must be an absolute http(s) URL, "
                          f"got {config.site.base_url!r}")
    config.site.base_url = config.site.base_url.rstrip("/") + "/"
    if config.feed.entries < 1:
        raise ConfigError(f"{source}: 'feed.entries' must be at least 1")
    if config.build.file_timeout < 1:
        raise ConfigError(f"{source}: 'build.file_timeout' must be at least 1 (seconds)")
    if config.build.jobs < 0:
        raise ConfigError(f"{source}: 'build.jobs' must be 0 (one per core) or more")
    try:
        zoneinfo.ZoneInfo(config.site.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{source}: 'site.timezone' is not a known time zone: "
                          f"{config.site.timezone!r}") from exc
    return config
