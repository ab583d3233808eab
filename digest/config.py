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
class Config:
    site: SiteConfig = field(default_factory=SiteConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    feed: FeedConfig = field(default_factory=FeedConfig)
    summary: Any = None  # digest.summarize.SummaryConfig, filled by load_config
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
        if expected is str and not isinstance(value, str):
            raise ConfigError(f"{source}: '{section}.{key}' must be a string, got {value!r}")
        setattr(target, key, value)


def _summary(table: object, source: str) -> Any:
    from digest.summarize import SummaryConfig, algorithm_names

    summary = SummaryConfig()
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [summary] must be a table")
    known = {f.name for f in dataclasses.fields(summary)}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{source}: unknown key 'summary.{key}' "
                              f"(known: {', '.join(sorted(known))})")
        default = getattr(summary, key)
        if key.endswith("algorithm"):
            if value not in algorithm_names():
                raise ConfigError(f"{source}: 'summary.{key}' must be one of "
                                  f"{', '.join(algorithm_names())}, got {value!r}")
        elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{source}: 'summary.{key}' must be a number ≥ 0, got {value!r}")
        elif isinstance(default, int) and not isinstance(default, bool) and key.endswith(
                ("_min", "_max")) and not isinstance(value, int):
            raise ConfigError(f"{source}: 'summary.{key}' must be a whole number, got {value!r}")
        setattr(summary, key, value)
    return summary


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
            else:
                raise ConfigError(f"{source}: unknown key '{key}' "
                                  "(known: build, feed, site, summary)")
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
