"""Suggested fixes: set only where the right value is certain; shown in the terminal, the
JSON output and 问题清单; applied only by ``convert --apply-suggestions``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.writers.annotate import annotate
from reportcheck.writers.xlsx import cell_address, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")
A = "applications"
runner = CliRunner()


def _by_code(sub: Submission, code: str) -> list[object]:
    return [f for f in sub.findings() if f.code == code]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc300_culprit_suggests_its_expected_value(version: str) -> None:
    sub = Submission.valid(version)
    before = sub.get(A, "granted", "natural_person")
    [f] = _by_code(sub.add(A, "granted", "natural_person", 3), "RC300")
    assert f.suggestion == str(before) == f.expected  # type: ignore[attr-defined]


@pytest.mark.parametrize("version", VERSIONS)
def test_blank_total_with_its_parts_filled(version: str) -> None:
    sub = Submission.valid(version)
    total = sub.get(A, "partial", "total")
    [f] = _by_code(sub.blank(A, "partial", "total"), "RC204")
    assert f.suggestion == str(total)  # type: ignore[attr-defined]


def test_no_suggestion_where_not_certain() -> None:
    # two parts of one row off: no single cell explains the failures
    sub = (
        Submission.valid("2021").add(A, "granted", "commercial", 1).add(A, "granted", "research", 1)
    )
    found = sub.findings()
    assert any(f.code == "RC301" for f in found)
    assert all(f.suggestion is None for f in found if f.code in ("RC301", "RC302", "RC303"))
    # a blank total beside a blank part: the blank part may be a missing figure
    sub = Submission.valid("2021").blank(A, "granted", "total").blank(A, "granted", "commercial")
    assert all(f.suggestion is None for f in sub.findings() if f.code == "RC204")


def test_fee_in_yuan_suggests_wan() -> None:
    sub = Submission.valid("2021").set(
        "proactive_disclosure", "administrative_fees", "amount", "123500元"
    )
    [f] = _by_code(sub, "RC206")
    assert f.suggestion == "12.35"  # type: ignore[attr-defined]


def test_json_output_terminal_and_list_show_the_suggestion(tmp_path: Path) -> None:
    path = Submission.valid("2021").add(A, "granted", "natural_person", 1).write(tmp_path)
    res = runner.invoke(app, ["validate", str(path), "--format", "json"])
    [f] = json.loads(res.stdout)["files"][0]["findings"]
    assert f["code"] == "RC300" and f["suggestion"] == f["expected"]
    res = runner.invoke(app, ["validate", str(path), "--no-color"])
    assert f"建议改为 {f['expected']}" in res.output
    res = runner.invoke(app, ["validate", str(path), "--no-color", "--lang", "en"])
    assert f"suggested: {f['expected']}" in res.output
    result = api.validate_path(path)
    assert result.report is not None
    out = tmp_path / "m.xlsx"
    out.write_bytes(annotate(result.report, result.findings))
    ws = openpyxl.load_workbook(out)["问题清单"]
    assert ws.cell(4, 7).value == f["expected"]


@pytest.mark.parametrize("version", VERSIONS)
def test_apply_suggestions_to_the_clerks_workbook(version: str, tmp_path: Path) -> None:
    sub = Submission.valid(version)
    good = sub.get(A, "granted", "natural_person")
    sub.add(A, "granted", "natural_person", 2).set(A, "partial", "commercial", "一")
    src = tmp_path / "年报.xlsx"
    write_workbook(src, version, sub.report())
    # a clerk's own touch that the corrected copy must keep
    wb = openpyxl.load_workbook(src)
    wb["基本信息"]["D2"] = "填报人：张三"
    wb.save(src)
    before = src.read_bytes()
    out = tmp_path / "改正.xlsx"
    res = runner.invoke(app, ["convert", str(src), "--apply-suggestions", "-o", str(out)])
    assert res.exit_code == 0, res.output
    d7 = cell_address(version, A, "granted", "natural_person")
    assert f"{d7}：{good + 2} → {good}（RC300）" in res.output
    assert "→ 1（RC201）" in res.output
    assert src.read_bytes() == before  # the input is never modified
    fixed = openpyxl.load_workbook(out)
    sheet, ref = d7.split("!")
    assert fixed[sheet][ref].value == good
    assert fixed["基本信息"]["D2"].value == "填报人：张三"
    assert not [f for f in api.validate_path(out).findings if f.severity.value == "error"]


def test_apply_suggestions_to_json_and_nothing_without_the_option(tmp_path: Path) -> None:
    src = Submission.valid("2021").add(A, "granted", "natural_person", 1).write(tmp_path)
    plain = tmp_path / "as-read.json"
    res = runner.invoke(app, ["convert", str(src), "-o", str(plain)])
    assert res.exit_code == 0 and "→" not in res.output
    assert any(f.code == "RC300" for f in api.validate_path(plain).findings)
    fixed = tmp_path / "fixed.json"
    res = runner.invoke(
        app, ["convert", str(src), "--apply-suggestions", "-o", str(fixed), "--lang", "en"]
    )
    assert res.exit_code == 0 and "(RC300)" in res.output
    assert not api.validate_path(fixed).findings
    fixed_xlsx = tmp_path / "fixed.xlsx"  # a JSON written as a workbook: official layout
    res = runner.invoke(app, ["convert", str(src), "--apply-suggestions", "-o", str(fixed_xlsx)])
    assert res.exit_code == 0
    assert not api.validate_path(fixed_xlsx).findings


def test_nothing_certain_says_so(tmp_path: Path) -> None:
    src = Submission.valid("2021").write(tmp_path)
    res = runner.invoke(
        app, ["convert", str(src), "--apply-suggestions", "-o", str(tmp_path / "x.json")]
    )
    assert res.exit_code == 0 and "没有可以确定的改正" in res.output
