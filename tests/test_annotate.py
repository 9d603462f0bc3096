"""``validate --annotate``: the clerk's own workbook handed back with every problem marked.

Marked copies are written into tmp_path, opened with openpyxl to see what Excel would
show (fills, comments, the 问题清单 sheet and its hyperlinks) and read back with the real
reader, which must find the same problems in the copy as in the original.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.writers.annotate import SHEET, annotate, parse_address
from reportcheck.writers.xlsx import cell_address, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")
RED = "FFC7CE"
LIGHT = "FFE699"


def _fill(cell: object) -> str:
    rgb = str(cell.fill.fgColor.rgb)  # type: ignore[attr-defined]
    return rgb[-6:]


def _culprit(version: str) -> Submission:
    """One cell one too high: RC300 on 表三 （一）予以公开·自然人."""
    return Submission.valid(version).add("applications", "granted", "natural_person", 1)


def _workbook(tmp_path: Path, sub: Submission, version: str, name: str = "年报.xlsx") -> Path:
    path = tmp_path / name
    write_workbook(path, version, sub.report())
    return path


def _mark(path: Path, tmp_path: Path, lang: str = "zh") -> tuple[api.FileResult, object]:
    result = api.validate_path(path)
    assert result.report is not None
    data = path.read_bytes() if result.report.kind == "xlsx" else None
    out = tmp_path / f"marked-{lang}.xlsx"
    out.write_bytes(annotate(result.report, result.findings, data, lang))
    return result, openpyxl.load_workbook(out)


def test_parse_address() -> None:
    assert parse_address("表三!D7") == ("表三", "D7")
    assert parse_address("'My ''s'!$A$10") == ("My 's", "A10")
    assert parse_address("line 12, field 4") is None
    assert parse_address("/applications/total/total") is None


@pytest.mark.parametrize("version", VERSIONS)
def test_workbook_culprit_red_parts_light_comment_and_list(version: str, tmp_path: Path) -> None:
    path = _workbook(tmp_path, _culprit(version), version)
    before = path.read_bytes()
    result, wb = _mark(path, tmp_path)
    assert path.read_bytes() == before  # the input is never modified
    [f] = [f for f in result.findings if f.code == "RC300"]
    sheet, ref = f.location.address.split("!")  # type: ignore[union-attr]
    assert (sheet, ref) == tuple(cell_address(version, "applications", "granted",
                                              "natural_person").split("!"))  # fmt: skip
    assert wb.sheetnames[0] == "问题清单"
    assert wb.sheetnames[1:] == openpyxl.load_workbook(path).sheetnames
    cell = wb[sheet][ref]
    assert _fill(cell) == RED
    text = cell.comment.text
    assert "RC300" in text and f"应为：{f.expected}" in text and f"现为：{f.actual}" in text
    assert "≠" in text and "自然人" in text  # the addition written out
    # the row total and the column total it was added up with are light
    for col in ("total",):
        at = cell_address(version, "applications", "granted", col).split("!")[1]
        assert _fill(wb[sheet][at]) == LIGHT
        assert "参与" in wb[sheet][at].comment.text
    at = cell_address(version, "applications", "total", "natural_person").split("!")[1]
    assert _fill(wb[sheet][at]) == LIGHT
    # a cell no finding names is left as it was
    other = cell_address(version, "applications", "partial", "commercial").split("!")[1]
    assert _fill(wb[sheet][other]) != RED and wb[sheet][other].comment is None
    # layout kept: merged ranges, values, styles of the clerk's sheets
    orig = openpyxl.load_workbook(path)
    for name in orig.sheetnames:
        assert {str(r) for r in wb[name].merged_cells.ranges} == {
            str(r) for r in orig[name].merged_cells.ranges
        }
        for row in orig[name].iter_rows():
            for c in row:
                assert wb[name][c.coordinate].value == c.value
    # 问题清单: code, severity, place as a hyperlink to the cell, message
    ws = wb["问题清单"]
    header = [c.value for c in ws[3]]
    assert header[:7] == ["序号", "代码", "级别", "位置", "表格与栏目", "问题", "建议改为"]
    row = [c.value for c in ws[4]]
    assert row[1] == "RC300" and row[2] == "错误" and row[3] == f"{sheet}!{ref}"
    assert row[5] == f.message
    assert ws.cell(4, 4).hyperlink.location == f"'{sheet}'!{ref}"


def test_english_comments_and_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _culprit("2021"), "2021")
    result, wb = _mark(path, tmp_path, "en")
    assert wb.sheetnames[0] == SHEET["en"] == "Findings"
    f = next(f for f in result.findings if f.code == "RC300")
    sheet, ref = f.location.address.split("!")  # type: ignore[union-attr]
    text = wb[sheet][ref].comment.text
    assert f.message_en in text and "should be" in text
    assert wb["Findings"].cell(4, 3).value == "error"


@pytest.mark.parametrize("version", VERSIONS)
def test_json_input_marks_the_converted_workbook(version: str, tmp_path: Path) -> None:
    sub = _culprit(version).set("applications", "partial", "research", "三")
    path = sub.write(tmp_path / "年报.json")
    result, wb = _mark(path, tmp_path)
    codes = {f.code for f in result.findings}
    assert {"RC300", "RC201"} <= codes
    sheet, ref = cell_address(version, "applications", "granted", "natural_person").split("!")
    assert _fill(wb[sheet][ref]) == RED
    assert "RC300" in wb[sheet][ref].comment.text
    sheet, ref = cell_address(version, "applications", "partial", "research").split("!")
    assert _fill(wb[sheet][ref]) == RED and "RC201" in wb[sheet][ref].comment.text
    assert wb[sheet][ref].value == "三"  # written as read, never corrected
    places = {c.value for c in wb["问题清单"]["D"][3:]}
    assert f"{sheet}!{ref}" in places


def test_text_input_marks_the_converted_workbook(tmp_path: Path) -> None:
    src = Path("examples/2021-valid.txt").read_text(encoding="utf-8")
    # break one 表三 cell: the 自然人 column of （一）予以公开 (its line in the example)
    result = api.validate_path("examples/2021-valid.txt")
    assert result.report is not None
    cell = result.report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None
    lines = src.splitlines()
    i, col = cell.location.line - 1, cell.location.column - 1  # type: ignore[operator]
    raw = cell.raw.strip()
    assert lines[i][col : col + len(raw)] == raw
    lines[i] = lines[i][:col] + str(int(raw) + 1) + lines[i][col + len(raw) :]
    path = tmp_path / "年报.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, wb = _mark(path, tmp_path)
    assert [f.code for f in result.findings if f.severity.value == "error"] == ["RC300"]
    sheet, ref = cell_address("2021", "applications", "granted", "natural_person").split("!")
    assert _fill(wb[sheet][ref]) == RED
    ws = wb["问题清单"]
    assert ws.cell(4, 4).hyperlink.location == f"'{sheet}'!{ref}"


def test_the_marked_copy_checks_the_same(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _culprit("2021").blank("applications", "denied_1", "total"), "2021")
    result, _ = _mark(path, tmp_path)
    again = api.validate_path(tmp_path / "marked-zh.xlsx")
    assert [(f.code, str(f.location)) for f in again.findings] == [
        (f.code, str(f.location)) for f in result.findings
    ]
    # annotating a marked copy again replaces its list instead of adding a second one
    data = (tmp_path / "marked-zh.xlsx").read_bytes()
    assert again.report is not None
    twice = tmp_path / "twice.xlsx"
    twice.write_bytes(annotate(again.report, again.findings, data))
    assert openpyxl.load_workbook(twice).sheetnames.count("问题清单") == 1


def test_no_findings_still_gives_a_list(tmp_path: Path) -> None:
    result, wb = _mark(Path("examples/2021-valid.xlsx"), tmp_path)
    assert not [f for f in result.findings if f.severity.value == "error"]
    assert wb.sheetnames[0] == "问题清单"


runner = CliRunner()


def test_cli_annotate_one_file_and_refusal(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _culprit("2021"), "2021")
    out = tmp_path / "标注.xlsx"
    res = runner.invoke(app, ["validate", str(path), "--annotate", str(out)])
    assert res.exit_code == 1, res.output
    assert "已写入标注工作簿" in res.output
    assert openpyxl.load_workbook(out).sheetnames[0] == "问题清单"
    before = path.read_bytes()
    res = runner.invoke(app, ["validate", str(path), "--annotate", str(path)])
    assert res.exit_code == 2
    assert "输入文件" in res.output and "Traceback" not in res.output
    assert path.read_bytes() == before


def test_cli_annotate_several_inputs_into_a_folder(tmp_path: Path) -> None:
    a = _workbook(tmp_path, _culprit("2021"), "2021", "甲局.xlsx")
    b = Submission.valid("2019").write(tmp_path / "乙局.json")
    folder = tmp_path / "marked"
    res = runner.invoke(app, ["validate", str(a), str(b), "--annotate", str(folder), "-q"])
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in folder.iterdir()) == ["乙局-标注.xlsx", "甲局-标注.xlsx"]
    res = runner.invoke(app, ["validate", str(a), str(b), "--annotate", str(a)])
    assert res.exit_code == 2
    res = runner.invoke(app, ["validate", str(a), str(b), "--annotate", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and "文件夹" in res.output
