"""CI conventions (issue 12 B): colour variables, the pre-commit hook, concise lines, JUnit
names, the GitHub job summary, stdin."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from factories import Submission
from reportcheck import output

ROOT = Path(__file__).resolve().parents[1]
ESC = "\x1b["


@pytest.fixture
def bad_json(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    Submission.valid().add("applications", "granted", "natural_person", 1).write(path)
    return path


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "TERM")
    }
    env["TERM"] = "xterm-256color"
    env["COLUMNS"] = "100"
    return {**env, **extra}


def _cli(args: list[str], env: dict[str, str], tty: bool) -> str:
    """stdout of ``reportcheck validate``, written to a pseudo-terminal or to a pipe."""
    cmd = [sys.executable, "-m", "reportcheck", "validate", "--no-config", *args]
    if not tty:
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60).stdout
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stdout=slave, stderr=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


# ---------------------------------------------------------------------- 5. colour


@pytest.mark.parametrize(
    ("flag", "to_file", "env", "expected"),
    [
        (False, False, {}, None),
        (False, False, {"NO_COLOR": "1"}, False),
        (False, False, {"NO_COLOR": ""}, None),  # no-color.org: set and not empty
        (False, False, {"FORCE_COLOR": "1"}, True),
        (False, False, {"FORCE_COLOR": "0"}, None),
        (False, False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (True, False, {"FORCE_COLOR": "1"}, False),
        (False, True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_setting(flag: bool, to_file: bool, env: dict[str, str], expected: object) -> None:
    assert output.color_setting(flag, to_file, env) is expected


def test_a_terminal_is_coloured_unless_no_color(bad_json: Path) -> None:
    assert ESC in _cli([str(bad_json)], _env(), tty=True)
    plain = _cli([str(bad_json)], _env(NO_COLOR="1"), tty=True)
    assert "RC300" in plain and ESC not in plain


def test_force_color_colours_a_pipe(bad_json: Path) -> None:
    assert ESC not in _cli([str(bad_json)], _env(), tty=False)
    forced = _cli([str(bad_json)], _env(FORCE_COLOR="1"), tty=False)
    assert "RC300" in forced and ESC in forced
    assert ESC not in _cli([str(bad_json)], _env(FORCE_COLOR="1", NO_COLOR="1"), tty=False)


# ---------------------------------------------------------------------- 6. pre-commit


def test_the_pre_commit_hook_runs_serially() -> None:
    """(The end-to-end run with two years is in test_precommit.py, marked slow.)"""
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["require_serial"] is True
