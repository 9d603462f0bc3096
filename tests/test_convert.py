"""``reportcheck convert``: a published report written as a JSON or Excel submission.

What was read must survive the trip: validating the written submission gives the same
table findings as validating the report itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck.cli import app
from test_text_reader import pipe_tables, report_text

runner = CliRunner()


def _table_keys(path: Path) -> list[tuple[str, str | None, str | None, str | None]]:
    """Findings about the tables (structure, values, arithmetic), by key."""
    result = api.validate_path(path)
    assert result.error is None
    return sorted(
        (f.code, f.table, f.row, f.column)
        for f in result.findings
        if f.code[:4] == "RC10" or f.code[:3] in ("RC2", "RC3")
    )


def _defective(tmp_path: Path) -> Path:
    """Our own report with the founding report's defects and a wrong cell in 表三."""
    _, t3_text, t4 = pipe_tables()
    content = report_text(("本年主动公开文件41条。", t3_text, t4), fee=False)
    content = content.replace("（一）予以公开 | 3 | 1 |", "（一）予以公开 | 4 | 1 |")
    content = content.replace("三、收到和处理政府信息公开申请情况\n", "")
    p = tmp_path / "report.txt"
    p.write_text(content, encoding="utf-8")
    return p


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_converted_submission_gives_the_same_table_findings(tmp_path: Path, suffix: str) -> None:
    src = _defective(tmp_path)
    before = src.read_bytes()
    out = tmp_path / f"out{suffix}"
    res = runner.invoke(app, ["convert", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "表三" in res.output and "表二" in res.output  # written, and what is missing
    assert src.read_bytes() == before
    keys = _table_keys(src)
    assert ("RC101", "proactive_disclosure", None, None) in keys
    assert ("RC300", "applications", "granted", "natural_person") in keys
    assert _table_keys(out) == keys


def test_json_holds_the_values_and_metadata_as_read(tmp_path: Path) -> None:
    src = _defective(tmp_path)
    out = tmp_path / "out.json"
    assert runner.invoke(app, ["convert", str(src), "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format_version"] == "2021"
    assert doc["report"] == {
        "agency": "示例县测试局",
        "year": 2024,
        "published": "2025-01-20",
        "level": "department",
        "title": "示例县测试局2024年政府信息公开工作年度报告",
    }
    assert "proactive_disclosure" not in doc
    assert doc["applications"]["granted"]["natural_person"] == 4  # as printed, not corrected
    assert doc["review_litigation"]["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 2,
    }


@requires_shared
@pytest.mark.parametrize(
    "name",
    ["000-chongyang-zwfwj-2024.txt", "008-shanghai-kewei-2024.md", "006-shuyang-fgj-2023.html"],
)
def test_corpus_reports_convert_to_json_with_the_same_table_findings(
    tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out.json"
    res = runner.invoke(app, ["convert", str(CORPUS / name), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert _table_keys(out) == _table_keys(CORPUS / name)


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    src = _defective(tmp_path)
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    res = runner.invoke(app, ["convert", str(src), "-o", str(out)])
    assert res.exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    res = runner.invoke(app, ["convert", str(src), "-o", str(out), "--force"])
    assert res.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format_version"] == "2021"


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    src = tmp_path / "report.json"
    src.write_text('{"format_version": "2021", "applications": {}}', encoding="utf-8")
    before = src.read_bytes()
    res = runner.invoke(app, ["convert", str(src), "-o", str(src), "--force"])
    assert res.exit_code == 2
    assert src.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "output"),
    [
        (None, "out.json"),  # no such file
        ("print()\n", "out.json"),  # not a report
        ("一、总体情况\n", "out.csv"),  # not a format we write
    ],
)
def test_what_cannot_be_converted_is_one_line_and_exit_2(
    tmp_path: Path, content: str | None, output: str
) -> None:
    src = tmp_path / "in.txt"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["convert", str(src), "-o", str(tmp_path / output)])
    assert res.exit_code == 2
    assert len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / output).exists()
