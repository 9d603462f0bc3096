"""Nothing blank passes: an empty template is an error (RC107); a workbook or JSON without
its agency or year, with a date that is not a date or an unknown level, is warned about at
its place (RC604); a deadline that cannot be checked says why (RC603)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.writers.xlsx import write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")
runner = CliRunner()


def _codes(result: api.FileResult) -> list[tuple[str, str | None]]:
    return sorted((f.code, str(f.location) if f.location else None) for f in result.findings
                  if f.code != "RC207")  # fmt: skip


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_blank_template_fails(version: str, lang: str, tmp_path: Path) -> None:
    path = tmp_path / "空白.xlsx"
    write_workbook(path, version)
    res = runner.invoke(app, ["validate", str(path), "--lang", lang, "--no-color"])
    assert res.exit_code == 1
    assert ("未填写任何数据" if lang == "zh" else "nothing is filled in") in res.output
    result = api.validate_path(path)
    assert _codes(result) == [
        ("RC107", None),
        ("RC604", "基本信息!B2"),  # 单位名称
        ("RC604", "基本信息!B3"),  # 报告年度
    ]
    [f] = [f for f in result.findings if f.code == "RC107"]
    assert f.severity.value == "error"


@pytest.mark.parametrize("version", VERSIONS)
def test_blank_json_fails_and_zeros_pass(version: str) -> None:
    sub = Submission.zeros(version)
    assert [f.code for f in sub.findings()] == []
    for t in list(sub.doc):
        if isinstance(sub.doc[t], dict) and t != "report":
            sub.doc[t] = {r: dict.fromkeys(cols) for r, cols in sub.doc[t].items()}
    assert "RC107" in [f.code for f in sub.findings()]


def test_one_figure_is_enough_to_not_be_blank(tmp_path: Path) -> None:
    sub = Submission.zeros("2021")
    for t in ("proactive_disclosure", "applications", "review_litigation"):
        sub.doc[t] = {r: dict.fromkeys(cols) for r, cols in sub.doc[t].items()}
    sub.set("review_litigation", "review", "other", "/")  # a placeholder is filled in
    assert "RC107" not in [f.code for f in sub.findings()]


def _filled(tmp_path: Path, **meta: object) -> Path:
    path = tmp_path / "年报.xlsx"
    write_workbook(path, "2021", Submission.valid("2021").report())
    wb = openpyxl.load_workbook(path)
    ws = wb["基本信息"]
    for ref, value in meta.items():
        ws[ref] = value
    wb.save(path)
    return path


def test_missing_agency_and_year_at_their_cells(tmp_path: Path) -> None:
    path = _filled(tmp_path, B2=None, B3=None)
    assert _codes(api.validate_path(path)) == [("RC604", "基本信息!B2"), ("RC604", "基本信息!B3")]
    res = runner.invoke(app, ["validate", str(path), "--lang", "en", "-f", "json"])
    found = json.loads(res.stdout)["files"][0]["findings"]
    assert {f["location"]["address"] for f in found} == {"基本信息!B2", "基本信息!B3"}
    assert any("no agency" in f["message"] for f in found)
    assert all(f["severity"] == "warning" for f in found)


def test_a_date_that_is_not_a_date_and_an_unknown_level(tmp_path: Path) -> None:
    path = _filled(tmp_path, B4="2025年13月", B5="市级")
    result = api.validate_path(path)
    assert _codes(result) == [("RC604", "基本信息!B4"), ("RC604", "基本信息!B5")]
    texts = " ".join(f.message for f in result.findings)
    assert "「2025年13月」不是日期" in texts and "「市级」无法识别" in texts


@pytest.mark.parametrize("word", ["部门", "政府", "乡镇", "department", "township"])
def test_levels_in_chinese_and_english_are_known(word: str, tmp_path: Path) -> None:
    path = _filled(tmp_path, B4="2025-01-20", B5=word)
    codes = [f.code for f in api.validate_path(path).findings]
    assert "RC604" not in codes
    # a township's deadline is set locally: the reason it was not checked is said
    assert ("RC603" in codes) == (word in ("乡镇", "township"))


def test_a_date_without_a_level_says_why_the_deadline_was_not_checked(tmp_path: Path) -> None:
    path = _filled(tmp_path, B4="2025-01-20", B5=None)
    [f] = api.validate_path(path).findings
    assert (f.code, f.severity.value, str(f.location)) == ("RC603", "info", "基本信息!B5")
    assert "单位层级" in f.message


def test_json_without_agency(tmp_path: Path) -> None:
    sub = Submission.valid("2021").remove("report", "agency")
    [f] = sub.findings()
    assert (f.code, str(f.location)) == ("RC604", "/report")
