"""The README stays true: its configuration block is every key, at its default."""

from __future__ import annotations

import dataclasses
import re
import tomllib

from conftest import ROOT

from digest.config import Config, load_config
from digest.summarize import DEFAULT_ALGORITHM, SummaryConfig, default_roles


def readme_config() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):]
    return re.search(r"```toml\n(.*?)```", section, re.DOTALL).group(1)


def test_the_readme_lists_every_config_key_with_its_default(tmp_path):
    text = readme_config()
    documented = tomllib.loads(text)
    defaults = Config()
    defaults.summary = SummaryConfig(algorithm=DEFAULT_ALGORITHM)
    for table, values in documented.items():
        fields = {f.name for f in dataclasses.fields(getattr(defaults, table))
                  if not f.metadata.get("command_line")}
        assert set(values) == fields, f"[{table}] in the README"
    assert set(documented) == {"site", "build", "feed", "summary"}
    assert set(documented["summary"]["roles"]) == set(default_roles())

    (tmp_path / "digest.toml").write_text(text, encoding="utf-8")
    loaded = load_config(tmp_path / "digest.toml")
    for table in documented:
        assert getattr(loaded, table) == getattr(defaults, table), table


def test_the_readme_sources_example_is_a_valid_config(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Fetch your newsletters"):]
    text = re.search(r"```toml\n(.*?)```", section, re.DOTALL).group(1)
    (tmp_path / "digest.toml").write_text(text, encoding="utf-8")
    sources = load_config(tmp_path / "digest.toml").sources
    assert [s.kind for s in sources] == ["feed", "imap", "mbox"]
    documented = set(re.findall(r"`(\w+)`", section[:section.index("Where issues go")]))
    keys = {f.name for f in dataclasses.fields(sources[0])}
    assert keys <= documented, keys - documented
