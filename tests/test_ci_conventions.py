"""CI conventions (issue 12 B): colour variables, the pre-commit hook, concise lines, JUnit
names, the GitHub job summary, stdin."""

from __future__ import annotations

import dataclasses
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api, output

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


# ---------------------------------------------------------------------- 8. JUnit, job summary


def _results(tmp_path: Path, n: int) -> list[api.FileResult]:
    """``n`` results of a report with many findings (one file checked, its result copied)."""
    sub = Submission.valid("2021")
    for col in ("natural_person", "commercial", "research", "social_welfare", "other"):
        for row in ("granted", "partial", "carried_forward"):
            sub.add("applications", row, col, 1)
    one = api.validate_path(sub.write(tmp_path / "many.json"))
    assert len(one.findings) >= 10
    return [dataclasses.replace(one, path=str(tmp_path / f"{i:04d}.json")) for i in range(n)]


def test_junit_case_names_do_not_change_with_the_language(bad_json: Path) -> None:
    results = [api.validate_path(bad_json)]
    names = {}
    for lang in ("zh", "en"):
        root = ET.fromstring(output.render(results, "junit", lang))
        names[lang] = [c.get("name") for c in root.iter("testcase")]
    assert names["zh"] == names["en"]
    assert "RC3 arithmetic" in names["zh"]
    zh = ET.fromstring(output.render(results, "junit", "zh"))
    assert "个问题" in (zh.find(".//failure").get("message") or "")  # messages still follow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_is_cut_to_a_size_with_a_note(tmp_path: Path, lang: str) -> None:
    from reportcheck.render import markdown

    results = _results(tmp_path, 40)
    full = markdown.render(results, lang)
    limit = len(full.encode()) // 3
    cut = markdown.render(results, lang, max_bytes=limit)
    assert len(cut.encode()) <= limit
    kept = sum(1 for line in cut.splitlines() if line.startswith("| `RC"))
    total = sum(len(r.findings) for r in results)
    note = cut.rstrip().splitlines()[-1]
    said = re.search(
        r"省略了 (\d+) 条问题（涉及 (\d+) 个文件）"
        if lang == "zh"
        else r"(\d+) findings \((\d+) files\)",
        note,
    )
    assert said, note
    assert int(said.group(1)) == total - kept
    per_file = len(results[0].findings)
    assert -(-(total - kept) // per_file) <= int(said.group(2)) <= len(results)
    assert markdown.render(results, lang, max_bytes=len(full.encode()) + 10_000) == full


def test_the_job_summary_stays_under_1_mib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = _results(tmp_path, 1500)
    summary = tmp_path / "step_summary.md"
    summary.write_text("# an earlier step\n" + "x" * 100_000 + "\n", encoding="utf-8")
    output.append_step_summary(results, "zh", str(summary))
    size = summary.stat().st_size
    assert 1_000_000 < size <= output.STEP_SUMMARY_LIMIT
    text = summary.read_text("utf-8")
    assert text.startswith("# an earlier step") and "已截断" in text
    small = tmp_path / "small.md"
    output.append_step_summary(results[:2], "zh", str(small))
    assert "已截断" not in small.read_text("utf-8")
