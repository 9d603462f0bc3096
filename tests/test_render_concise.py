"""`--format concise` (one line per finding) and `--statistics` (counts per code)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from factories import Submission
from reportcheck.cli import app

runner = CliRunner()


def _write(tmp_path: Path, name: str, sub: Submission) -> str:
    p = tmp_path / name
    p.write_text(json.dumps(sub.doc, ensure_ascii=False, default=str), encoding="utf-8")
    return str(p)


def _batch(tmp_path: Path) -> list[str]:
    clean = Submission.valid("2021")
    one = Submission.valid("2021").add("applications", "granted", "natural_person", 1)
    two = Submission.valid("2021").add("review_litigation", "review", "total", 3)
    return [
        _write(tmp_path, "a.json", clean),
        _write(tmp_path, "b.json", one),
        _write(tmp_path, "c.json", two),
    ]


def test_concise_is_one_line_per_finding(tmp_path: Path) -> None:
    files = _batch(tmp_path)
    result = runner.invoke(app, ["validate", *files, "--format", "concise", "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3  # two findings and the summary
    # file:line:col: CODE message [severity] — the line and column of the value in the JSON
    b_text = Path(files[1]).read_text("utf-8").splitlines()
    m = re.match(rf"{re.escape(files[1])}:(\d+):(\d+): RC300 (.+) \[error\]$", lines[0])
    assert m, lines[0]
    row, col = int(m.group(1)), int(m.group(2))
    value = Submission.valid("2021").get("applications", "granted", "natural_person") + 1
    assert '"natural_person"' in b_text[row - 1]
    assert b_text[row - 1][col - 1 :].startswith(str(value))  # the column of the value
    assert "/applications/granted/natural_person" in m.group(3)
    assert re.match(rf"{re.escape(files[2])}:\d+:\d+: RC304 .+ \[error\]$", lines[1])
    assert lines[2] == "2 errors, 0 warnings, 0 info in 3 files"


def test_statistics_counts_codes_and_files(tmp_path: Path) -> None:
    files = _batch(tmp_path)
    files.append(
        _write(
            tmp_path,
            "d.json",
            Submission.valid("2021").add("applications", "granted", "natural_person", 2),
        )
    )
    result = runner.invoke(app, ["validate", *files, "--statistics", "--lang", "en"])
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.strip().splitlines()]
    assert rows[0] == ["count", "files", "code", "severity", "rule"]
    assert rows[1][:4] == ["2", "2", "RC300", "error"]
    assert rows[2][:4] == ["1", "1", "RC304", "error"]
    assert result.stdout.strip().splitlines()[-1] == "3 errors, 0 warnings, 0 info in 4 files"


def test_statistics_of_a_clean_batch(tmp_path: Path) -> None:
    files = [_write(tmp_path, "a.json", Submission.valid("2021"))]
    result = runner.invoke(app, ["validate", *files, "--statistics"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "未发现问题"


def test_concise_without_lines_names_the_cell(tmp_path: Path) -> None:
    from reportcheck.writers.xlsx import write_workbook

    sub = Submission.valid("2021").add("applications", "granted", "natural_person", 1)
    path = tmp_path / "b.xlsx"
    write_workbook(path, "2021", sub.report())
    result = runner.invoke(app, ["validate", "--no-config", str(path), "-f", "concise"])
    first = result.stdout.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:表三!D\d+: RC300 .+ \[错误\]$", first), first
