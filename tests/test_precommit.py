"""The pre-commit hook, run by pre-commit itself against a scratch git repository.

pre-commit clones this repository at its current commit (a local path: no network but
PyPI, where pip fetches the build backend and the dependencies for the hook's virtualenv)
and runs the ``reportcheck`` hook of ``.pre-commit-hooks.yaml``. Slow (one install, about
10 s); skipped when git or pre-commit is not available or the checkout is not a git
repository. Tests the committed state of the hook definition.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factories import Submission

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A scratch repository whose .pre-commit-config.yaml points at this checkout's HEAD."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed")
    try:
        rev = _git("rev-parse", "HEAD", cwd=ROOT)
        _git("cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout with a committed .pre-commit-hooks.yaml")
    repo = tmp_path_factory.mktemp("scratch")
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: reportcheck\n",
        encoding="utf-8",
    )
    (repo / "reports").mkdir()
    Submission.valid().write(repo / "reports" / "good.json")
    Submission.valid().add("applications", "granted", "natural_person", 1).write(
        repo / "reports" / "bad.json"
    )
    (repo / "README.md").write_text("# Reports\n\nNot a report.\n", encoding="utf-8")
    (repo / "package.json").write_text('{"name": "x"}\n', encoding="utf-8")
    _git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "PRE_COMMIT_COLOR": "never",
    }
    return repo, env


def _pre_commit(scratch: tuple[Path, dict[str, str]], *files: str) -> tuple[int, str]:
    repo, env = scratch
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "reportcheck", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done.returncode, done.stdout + done.stderr


def test_clean_report_passes(scratch: tuple[Path, dict[str, str]]) -> None:
    code, out = _pre_commit(scratch, "reports/good.json")
    assert code == 0, out
    assert "Passed" in out


def test_broken_report_fails(scratch: tuple[Path, dict[str, str]]) -> None:
    code, out = _pre_commit(scratch, "reports/good.json", "reports/bad.json")
    assert code == 1, out
    assert "Failed" in out
    assert "RC300" in out
    assert "bad.json" in out


def test_other_json_and_markdown_are_not_checked(scratch: tuple[Path, dict[str, str]]) -> None:
    code, out = _pre_commit(scratch, "README.md", "package.json")
    assert code == 0, out
    assert "no files to check" in out


def test_consecutive_years_are_checked_in_one_run(scratch: tuple[Path, dict[str, str]]) -> None:
    """require_serial: pre-commit must not split the files over processes (it does from
    9 files on two cores, 4 or more per process, shuffled), or the cross-year checks of
    the years that land in different processes are lost."""
    repo, env = scratch
    years = repo / "years"
    years.mkdir(exist_ok=True)
    agencies = [f"示例县第{n}局" for n in range(1, 7)]
    files = []
    for agency in agencies:
        for year in (2023, 2024):  # 2024's 上年结转 differs from 2023's 结转: RC501
            sub = Submission.valid("2021", year=year)
            sub.doc["report"]["agency"] = agency
            files.append(sub.write(years / f"{agency}{year}.json").relative_to(repo).as_posix())
    _git("add", "years", cwd=repo)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "reportcheck", "--verbose", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout + done.stderr
    flagged = {a for a in agencies for line in out.splitlines() if f"{a}2024.json" in line}
    assert out.count("RC501") >= len(agencies), out  # warnings: the hook still passes
    assert flagged == set(agencies), out
