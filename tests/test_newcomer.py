"""What a newcomer tripped over (issue 22): permission problems, one rule for outputs,
several summaries, messages and usage lines."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.model.report import Cell, CellState, Location, Report, TableData
from reportcheck.rules.values import placeholders

runner = CliRunner()
VALID = EXAMPLES / "2021-valid.xlsx"
VALID_JSON = EXAMPLES / "2021-valid.json"


# ---------------------------------------------------------------- 1. permission problems


def _unprivileged() -> list[str] | None:
    """A command prefix that runs reportcheck as a user bound by file permissions: none
    for an ordinary user; as root, root without the capabilities that override them
    (setpriv), which reads and writes by the permission bits as any other user does."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    probe = Path("/proc/self/status")
    try:
        status = subprocess.run([*prefix, "cat", str(probe)], capture_output=True, text=True)
    except OSError:
        return None
    if status.returncode != 0:
        return None
    return prefix


def _run_as_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("cannot run as a user bound by file permissions (no setpriv)")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("REPORTCHECK_DOCS_URL", None)
    cmd = [*prefix, sys.executable, "-m", "reportcheck", *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def batch(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder with a report, a stray README and a sub-folder this user may not enter
    (holding a report and a reportcheck.toml); a folder this user may not write."""
    folder = tmp_path / "batch"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    shutil.copy(VALID, folder / "2021-valid.xlsx")
    (folder / "README.md").write_text("说明\n", encoding="utf-8")
    shutil.copy(VALID_JSON, locked / "2021-valid.json")
    (locked / "reportcheck.toml").write_text('ignore = ["RC207"]\n', encoding="utf-8")
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    locked.chmod(0o000)
    readonly.chmod(0o555)
    yield tmp_path
    locked.chmod(0o755)
    readonly.chmod(0o755)


def _no_traceback(text: str) -> None:
    assert "internal error" not in text and "Traceback" not in text, text


def test_a_folder_that_may_not_be_entered_is_one_line_and_the_rest_is_checked(
    batch: Path,
) -> None:
    res = _run_as_user(["validate", "batch", "-f", "concise", "--lang", "en"], batch)
    _no_traceback(res.stderr + res.stdout)
    assert res.returncode == 2, res.stderr
    lines = res.stdout.splitlines()
    assert "batch/locked: could not be checked: cannot read the folder: Permission denied" in lines
    assert "batch/README.md: not checked: a project or tool file, not a report" in lines
    # the report beside it was checked (no findings, so no line) and the run closed
    assert lines[-1] == "0 errors, 0 warnings, 0 info, 1 unreadable, 1 not checked " + (
        "(unsupported format) in 3 files"
    ), lines


def test_a_report_that_may_not_be_read_is_one_line(batch: Path) -> None:
    res = _run_as_user(["validate", "batch/locked/2021-valid.json", "--lang", "en"], batch)
    _no_traceback(res.stderr + res.stdout)
    assert res.returncode == 2
    assert "batch/locked/2021-valid.json: could not be checked: cannot read: Permission denied" in (
        " ".join(res.stdout.split())
    )


@pytest.mark.parametrize(
    "option",
    [
        ["--summary", "readonly/s.html"],
        ["--summary", "readonly/s.xlsx"],
        ["--summary", "batch/locked/s.csv"],
        ["-o", "readonly/out.txt"],
        ["-o", "batch/locked/out.txt"],
        ["--annotate", "batch/locked/a.xlsx"],
        ["--write-baseline", "batch/locked/b.json"],
    ],
)
def test_an_output_that_may_not_be_written_is_one_line_before_the_run(
    batch: Path, option: list[str]
) -> None:
    res = _run_as_user(["validate", "batch/2021-valid.xlsx", *option], batch)
    _no_traceback(res.stderr)
    assert res.returncode == 2
    assert res.stderr.splitlines() == [
        f"reportcheck: {option[1]}: 无法写入 / cannot write: Permission denied"
    ]
    assert res.stdout == ""  # refused before anything was checked


@pytest.mark.parametrize("command", ["template", "convert"])
def test_template_and_convert_into_a_folder_that_may_not_be_written(
    batch: Path, command: str
) -> None:
    args = ["template", "-o", "readonly/t.xlsx"]
    if command == "convert":
        args = ["convert", "batch/2021-valid.xlsx", "-o", "batch/locked/c.json"]
    res = _run_as_user(args, batch)
    _no_traceback(res.stderr)
    assert res.returncode == 2
    assert (
        res.stderr.strip() == f"reportcheck: {args[-1]}: 无法写入 / cannot write: Permission denied"
    )


# ---------------------------------------------------------------- 6. outputs: one rule


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(VALID), "-o", "nodir/sub/out.txt"],
        ["validate", str(VALID), "--summary", "nodir/sub/s.html"],
        ["validate", str(VALID), "--annotate", "nodir/sub/a.xlsx"],
        ["validate", str(VALID), str(VALID_JSON), "--annotate", "nodir/sub/marked"],
        ["validate", str(VALID), "--write-baseline", "nodir/sub/b.json"],
        ["template", "-o", "nodir/sub/t.xlsx"],
        ["convert", str(VALID), "-o", "nodir/sub/c.json"],
    ],
)
def test_no_output_makes_the_folders_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    target = args[-1]
    assert (
        f"reportcheck: {target}: 无法写入：目录不存在 / cannot write: no such folder" in res.output
    )
    assert not (tmp_path / "nodir").exists()


def test_the_annotate_folder_itself_is_made(tmp_path: Path) -> None:
    """With several inputs --annotate names a folder: that folder (and only it) is made."""
    folder = tmp_path / "marked"
    res = runner.invoke(app, ["validate", str(VALID), str(VALID_JSON), "--annotate", str(folder)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "2021-valid-标注.xlsx",
        "2021-valid.json-标注.xlsx",
    ]


def test_several_summaries_are_all_written(tmp_path: Path) -> None:
    html, xlsx, csv = tmp_path / "a.html", tmp_path / "b.xlsx", tmp_path / "c.csv"
    res = runner.invoke(
        app,
        [
            "validate",
            str(VALID),
            str(EXAMPLES / "invalid"),
            "-q",
            "--summary",
            str(html),
            "--summary",
            str(xlsx),
            "--summary",
            str(csv),
        ],
    )
    assert res.exit_code == 1, res.output
    assert "2021-valid.xlsx" in html.read_text(encoding="utf-8")
    assert "2021-valid.xlsx" in csv.read_text(encoding="utf-8-sig")
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    assert any(
        "2021-valid.xlsx" in str(c.value) for ws in wb for row in ws.iter_rows() for c in row
    )


def test_two_summaries_of_one_format_are_refused(tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "validate",
            str(VALID),
            "--summary",
            str(tmp_path / "a.html"),
            "--summary",
            str(tmp_path / "b.htm"),
        ],
    )
    assert res.exit_code == 2
    assert "one file per format" in res.output
    assert not list(tmp_path.iterdir())


def _on_a_terminal(args: list[str], cwd: Path, one: bool) -> list[str]:
    """The lines a terminal shows for ``reportcheck args``: stdout and stderr on one
    terminal, or (``one`` False) each on a terminal of its own, read apart so that their
    lines do not interleave."""
    ends = [pty.openpty()] if one else [pty.openpty(), pty.openpty()]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportcheck", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=ends[0][1],
        stderr=ends[-1][1],
    )
    shown: list[str] = []
    for master, slave in ends:
        os.close(slave)
        got = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            got += chunk
        os.close(master)
        shown += got.decode("utf-8").replace("\r\n", "\n").splitlines()
    proc.wait(timeout=120)
    return shown


@pytest.mark.parametrize("fmt", ["terminal", "concise", "json", "markdown"])
@pytest.mark.parametrize("to_file", [True, False])
def test_not_checked_lines_are_shown_once_on_a_terminal(
    tmp_path: Path, fmt: str, to_file: bool
) -> None:
    (tmp_path / "r").mkdir()
    shutil.copy(VALID, tmp_path / "r" / "a.xlsx")
    (tmp_path / "r" / "README.md").write_text("x\n", encoding="utf-8")
    args = ["validate", "r", "-f", fmt, "--lang", "en"] + (["-o", "out.txt"] if to_file else [])
    # a document for programs (JSON) and the line for people: on terminals of their own
    shown = _on_a_terminal(args, tmp_path, one=fmt != "json")
    said = [line for line in shown if "README.md" in line and '"' not in line]  # not JSON's
    assert len(said) == 1, shown
    assert "not a report" in said[0]


# ---------------------------------------------------------------- 9. messages


def test_a_mistyped_option_gets_a_close_suggestion_only() -> None:
    res = runner.invoke(app, ["validate", "x.xlsx", "--bogus"])
    assert res.exit_code == 2
    assert "No such option: --bogus" in res.output and "Possible" not in res.output
    res = runner.invoke(app, ["validate", "x.xlsx", "--formt", "json"])
    assert "(Possible options: --format)" in res.output


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("validate", "validate [OPTIONS] PATH..."),
        ("convert", "convert [OPTIONS] REPORT"),
        ("rules", "rules [OPTIONS] [CODE]"),
        ("template", "template [OPTIONS]"),
        ("schema", "schema [OPTIONS]"),
    ],
)
def test_usage_lines_show_metavars(command: str, usage: str) -> None:
    res = runner.invoke(app, [command, "--help"])
    first = res.output.splitlines()[0]
    assert first.endswith(usage), first
    assert "{" not in res.output.split("Options:")[0]


def _placeholders(cells: dict[tuple[str, str], Cell]) -> tuple[str, str]:
    report = Report("r.txt", "text", format_version="2021")
    report.tables["applications"] = TableData("applications", cells)
    (finding,) = placeholders(report, Settings())
    return finding.message, finding.message_en


def _blank(address: str | None) -> Cell:
    return Cell(None, "", CellState.BLANK, Location(address) if address else None)


def test_rc207_count_and_list_agree() -> None:
    # five blank cells, two on one line: each place listed once, and 等 for the rest
    shared = _blank("line 7")
    zh, en = _placeholders(
        {
            ("a", "1"): _blank("line 3"),
            ("a", "2"): _blank("line 5"),
            ("b", "1"): shared,
            ("b", "2"): _blank("line 7"),
            ("c", "1"): _blank(None),
        }
    )
    assert "有 5 个单元格为空或占位符" in zh and zh.endswith("第 3 行、第 5 行、第 7 行 等"), zh
    assert en.endswith("line 3, line 5, line 7, …"), en
    # every one named: no 等
    zh, en = _placeholders({("a", str(i)): _blank(f"line {i}") for i in range(1, 5)})
    assert "有 4 个单元格" in zh and zh.endswith("第 4 行"), zh
    assert en.endswith("line 4"), en
