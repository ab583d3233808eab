"""Shared fixtures: a built copy of the seeds, made once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_digest(*args: str, cwd: Path, check: bool = True,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, as a user would (`env`: added variables)."""
    done = subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})
    if check and done.returncode != 0:
        raise AssertionError(f"digest {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder holding a copy of seeds/, built once with the default config."""
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    run_digest("build", "-q", cwd=project)
    return project


@pytest.fixture(scope="session")
def seed_site(seed_project: Path) -> Path:
    return seed_project / "output"
