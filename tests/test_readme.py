"""The README's console examples are the real output (issue 22): each ```console block that
starts with ``$ reportcheck …`` is run and compared, so the tour cannot drift from what the
command prints. ``REPORTCHECK_UPDATE_SNAPSHOTS=1`` writes the current output into README.md.

The commands run at 80 columns without colour, in a folder where ``examples`` is this
repository's and ``../shared`` the corpus beside it (a block that reads ../shared is skipped
when it is not there); files they write go to that folder, never into the repository.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SHARED
from reportcheck.cli import app

README = ROOT / "README.md"
UPDATE = os.environ.get("REPORTCHECK_UPDATE_SNAPSHOTS") == "1"
BLOCK = re.compile(r"```console\n\$ (reportcheck [^\n]*)\n(.*?)```\n", re.S)


def _blocks() -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def _run(command: str, folder: Path) -> str:
    work = folder / "work"
    work.mkdir(exist_ok=True)
    if not (work / "examples").exists():
        (work / "examples").symlink_to(ROOT / "examples")
    if SHARED.is_dir() and not (folder / "shared").exists():
        (folder / "shared").symlink_to(SHARED)
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    for k in ("FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "REPORTCHECK_DOCS_URL"):
        env.pop(k, None)
    args = shlex.split(command)[1:]
    done = subprocess.run(
        [sys.executable, "-m", "reportcheck", *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return done.stdout + done.stderr


def test_the_readme_has_console_examples() -> None:
    commands = [c for c, _ in _blocks()]
    assert any(c.startswith("reportcheck validate examples/") for c in commands), commands
    assert any(c.startswith("reportcheck convert ") for c in commands), commands


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_a_console_example_is_what_the_command_prints(tmp_path: Path, index: int) -> None:
    command, shown = _blocks()[index]
    if "../shared" in command and not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    printed = _run(command, tmp_path)
    if UPDATE and printed != shown:
        text = README.read_text(encoding="utf-8")
        old = f"```console\n$ {command}\n{shown}```\n"
        README.write_text(text.replace(old, f"```console\n$ {command}\n{printed}```\n", 1), "utf-8")
        return
    assert printed == shown, (
        f"README.md's example of `{command}` differs from the real output; if the change is "
        "intended, run REPORTCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_readme.py"
    )


def test_the_validate_options_paragraph_is_there_once_and_complete() -> None:
    """One paragraph lists validate's options, and it lists every one of them."""
    text = README.read_text(encoding="utf-8")
    assert text.count("`validate` options:") == 1
    paragraph = text.split("`validate` options:", 1)[1].split("\n\n", 1)[0]
    shown = CliRunner().invoke(app, ["validate", "--help"], env={"COLUMNS": "200"}).output
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", shown)) - {"--help"}
    assert options, shown
    missing = sorted(o for o in options if f"`{o}" not in paragraph and f" {o}" not in paragraph)
    assert missing == [], missing
    for fmt in ("terminal", "concise", "json", "sarif", "junit", "gitlab", "github", "markdown"):
        assert fmt in paragraph.split("`,", 1)[0], fmt


def test_docs_ci_lists_every_suffix_a_walk_reads() -> None:
    from reportcheck.inputs import READ_TO_SEE, REPORT_SUFFIXES

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"(?<![\w/])\.[a-z]+(?=[\s`)])", text))
    assert set(REPORT_SUFFIXES) <= listed, set(REPORT_SUFFIXES) - listed
    assert set(READ_TO_SEE) <= listed, set(READ_TO_SEE) - listed
