"""The Excel writer and ``reportcheck template``: official layout, validation, round trips.

Workbooks are written into tmp_path and read back with the real Excel reader
(:func:`reportcheck.api.read_path`), so a layout the reader cannot follow fails here.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import FORMATS, ValueKind
from reportcheck.writers.xlsx import META_FIELDS, cell_address, layout, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")


def _varied(version: str) -> Submission:
    """A submission with every kind of cell: numbers, decimals, units, blanks, text."""
    sub = Submission.valid(version)
    sub.put("2025-01-20", "report", "published")
    sub.set("applications", "granted", "research", "/")
    sub.set("applications", "partial", "research", "—")
    sub.set("applications", "denied_1", "research", None)
    sub.set("applications", "denied_2", "social_welfare", "三十一")
    sub.set("applications", "denied_3", "social_welfare", Decimal("0.5"))
    sub.set("applications", "denied_5", "social_welfare", -1)
    sub.set("applications", "denied_6", "social_welfare", "=1+1")  # text, not a formula
    sub.set("review_litigation", "review", "other", "无")
    if version == "2021":
        sub.set("proactive_disclosure", "administrative_fees", "amount", "2500元")
        sub.set("proactive_disclosure", "regulations", "made", "1,234")
    else:
        sub.set("proactive_disclosure", "administrative_licensing", "change", -7)
    return sub


def _same(a: Cell, b: Cell) -> bool:
    if a.state is not b.state or a.unit != b.unit:
        return False
    if a.state is CellState.NUMBER:
        return a.value == b.value
    return a.raw.strip() == b.raw.strip()


def _roundtrip(report: Report, version: str, tmp_path: Path) -> Report:
    path = tmp_path / f"r{version}.xlsx"
    write_workbook(path, version, report)
    return api.read_path(path)


@pytest.mark.parametrize("version", VERSIONS)
def test_json_to_workbook_and_back_keeps_every_cell_and_the_metadata(
    version: str, tmp_path: Path
) -> None:
    source = _varied(version).report()
    back = _roundtrip(source, version, tmp_path)
    assert back.kind == "xlsx"
    assert back.format_version == version
    md, md2 = source.metadata, back.metadata
    assert (md2.agency, md2.year, md2.published, md2.level) == (
        md.agency,
        md.year,
        date(2025, 1, 20),
        "department",
    )
    assert (md.agency, md.year, md.published, md.level) == (
        md2.agency,
        md2.year,
        md2.published,
        md2.level,
    )
    assert set(back.tables) == set(source.tables)
    for table_id, data in source.tables.items():
        got = back.tables[table_id]
        assert set(got.cells) == set(data.cells), table_id
        diff = [
            (key, cell, got.cells[key])
            for key, cell in data.cells.items()
            if not _same(cell, got.cells[key])
        ]
        assert diff == []
        assert got.extra_rows == []
    # and the checks see the same defects, now with sheet addresses
    keys = sorted((f.code, f.table, f.row, f.column) for f in api.check(source))
    keys2 = sorted((f.code, f.table, f.row, f.column) for f in api.check(back))
    assert keys2 == keys


@pytest.mark.parametrize("version", VERSIONS)
def test_cells_are_written_where_cell_address_says(version: str, tmp_path: Path) -> None:
    back = _roundtrip(Submission.valid(version).report(), version, tmp_path)
    for table_id, data in back.tables.items():
        for (row, col), cell in data.cells.items():
            assert cell.location is not None
            assert cell.location.address == cell_address(version, table_id, row, col)


@pytest.mark.parametrize("version", VERSIONS)
def test_blank_template_reads_back_as_blank_tables_without_structural_findings(
    version: str, tmp_path: Path
) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, version)
    report = api.read_path(path)
    assert report.format_version == version
    fmt = FORMATS[version]
    assert set(report.tables) == {t.id for t in fmt.tables}
    for tdef in fmt.tables:
        cells = report.tables[tdef.id].cells
        assert set(cells) == set(tdef.cell_ids())
        assert {c.state for c in cells.values()} == {CellState.BLANK}
    findings = api.check(report)
    # nothing blank passes: the one structural finding is RC107, and 基本信息 is unfilled
    assert [f.code for f in findings if f.code.startswith(("RC0", "RC1", "RC3"))] == ["RC107"]
    assert {f.code for f in findings if f.severity.rank > 1} == {"RC107", "RC604"}
    assert sorted(str(f.location) for f in findings if f.code == "RC604") == [
        "基本信息!B2",
        "基本信息!B3",
    ]


def test_blank_template_has_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, "2021")
    md = api.read_path(path).metadata
    assert (md.agency, md.year, md.published, md.level) == (None, None, None, None)


def test_formula_without_value_is_written_as_that_formula(tmp_path: Path) -> None:
    report = Submission.valid("2021").report()
    total = cell_address("2021", "applications", "granted", "total").split("!")[1]
    report.tables["applications"].cells[("granted", "total")] = Cell(
        None, "", CellState.FORMULA_NO_VALUE, formula="SUM(D7:I7)"
    )
    back = _roundtrip(report, "2021", tmp_path)
    cell = back.tables["applications"].cells[("granted", "total")]
    assert cell.state is CellState.FORMULA_NO_VALUE
    assert cell.formula == "SUM(D7:I7)"
    assert total == "J7"
    assert [f.code for f in api.check(back) if f.severity.rank > 1] == ["RC205"]


def test_a_table_the_report_lacks_is_left_out(tmp_path: Path) -> None:
    sub = Submission.valid("2021").remove("proactive_disclosure")
    path = tmp_path / "r.xlsx"
    write_workbook(path, "2021", sub.report())
    assert openpyxl.load_workbook(path).sheetnames == ["基本信息", "表三", "表四"]
    keys = [(f.code, f.table) for f in api.check(api.read_path(path)) if f.severity.rank > 1]
    assert keys == [("RC101", "proactive_disclosure")]


# ---------------------------------------------------------------------- layout


def _merged(ws: Any) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


@pytest.mark.parametrize("version", VERSIONS)
def test_official_layout(version: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, version)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["基本信息", "表二", "表三", "表四"]
    fmt = FORMATS[version]

    t3 = wb["表三"]
    apps = fmt.table("applications")
    assert t3["A1"].value == "三、" + apps.title
    assert t3["A2"].value == apps.note
    assert t3["D2"].value == "申请人情况"
    assert (t3["D3"].value, t3["E3"].value, t3["J3"].value) == ("自然人", "法人或其他组织", "总计")
    assert [t3.cell(4, c).value for c in range(5, 10)] == [c.label for c in apps.columns[1:6]]
    last = 4 + len(apps.rows)
    expected = {"A1:J1", "A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A5:C5", "A6:C6"}
    expected |= {f"A7:A{last - 1}", "B7:C7", "B8:C8", "B9:B16", "B17:B19", "B20:B24"}
    expected |= {f"B{last - 1}:C{last - 1}", f"A{last}:C{last}"}
    expected |= {"B25:B27"} if version == "2021" else {"B25:C25"}
    assert _merged(t3) == expected
    assert t3["A7"].value == "三、本年度办理结果"
    assert [t3.cell(4 + i, 3).value or t3.cell(4 + i, 2).value for i in (4, 7)] == [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "3.危及“三安全一稳定”",
    ]
    texts = {str(c.value) for row in t3.iter_rows() for c in row if c.value is not None}
    assert {r.label for r in apps.rows} <= texts
    assert t3.freeze_panes == "D5"

    t4 = wb["表四"]
    assert t4["A1"].value == "四、政府信息公开行政复议、行政诉讼情况"
    assert (t4["A2"].value, t4["F2"].value, t4["F3"].value, t4["K3"].value) == (
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
    )
    assert _merged(t4) == {"A1:O1", "A2:E2", "F2:O2", "F3:J3", "K3:O3"} | {
        f"{c}3:{c}4" for c in "ABCDE"
    }
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [t4.cell(3, c).value for c in range(1, 6)] == outcomes
    assert [t4.cell(4, c).value for c in range(6, 16)] == outcomes * 2

    t2 = wb["表二"]
    proactive = fmt.table("proactive_disclosure")
    assert t2["A1"].value == "二、主动公开政府信息情况"
    assert t2["A2"].value == "第二十条第（一）项"
    assert t2["A3"].value == "信息内容"
    headers = [c.value for c in t2[3][1:4]]
    assert headers == [c.label for c in proactive.row("regulations").columns]
    blocks = [
        t2.cell(r, 1).value
        for r in range(1, t2.max_row + 1)
        if str(t2.cell(r, 1).value).startswith("第二十条")
    ]
    assert blocks == list(proactive.blocks)
    if version == "2021":
        assert {"A2:D2", "A6:D6", "B7:D7", "B8:D8", "B14:D14", "B15:D15"} <= _merged(t2)
        assert t2["B14"].value == "本年收费金额（单位：万元）"


@pytest.mark.parametrize("version", VERSIONS)
def test_data_cells_validate_by_kind(version: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, version)
    wb = openpyxl.load_workbook(path)
    expected = {
        ValueKind.COUNT: ("whole", "greaterThanOrEqual", "0"),
        ValueKind.SIGNED_COUNT: ("whole", "between", "-999999999"),
        ValueKind.AMOUNT: ("decimal", "greaterThanOrEqual", "0"),
        ValueKind.MONEY: ("decimal", "greaterThanOrEqual", "0"),
    }
    seen: set[ValueKind] = set()
    for tdef in FORMATS[version].tables:
        ws = wb[tdef.short]
        rules = ws.data_validations.dataValidation
        lay = layout(tdef)
        for r in tdef.rows:
            for c in r.columns:
                coord = lay.address(r.id, c.id).split("!")[1]
                found = [(dv.type, dv.operator, dv.formula1) for dv in rules if coord in dv.sqref]
                assert found == [expected[c.kind]], (tdef.short, r.id, c.id)
                seen.add(c.kind)
    assert seen == (
        {ValueKind.COUNT, ValueKind.AMOUNT}
        if version == "2021"
        else {ValueKind.COUNT, ValueKind.SIGNED_COUNT, ValueKind.MONEY}
    )


def test_metadata_sheet(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    sub = Submission.valid("2021").put("2025-01-20", "report", "published")
    write_workbook(path, "2021", sub.report())
    ws = openpyxl.load_workbook(path)["基本信息"]
    assert [ws.cell(r, 1).value for r in range(2, 6)] == [label for _, label in META_FIELDS]
    assert [ws.cell(r, 2).value for r in range(2, 6)] == [
        "示例县测试局",
        2024,
        "2025-01-20",
        "部门",  # 单位层级 in Chinese (the English words are still read)
    ]
    texts = [str(ws.cell(r, 1).value) for r in range(7, ws.max_row + 1)]
    assert texts[0] == "填报说明"
    assert any("30号" in t for t in texts)  # names the 2021 format document


# ---------------------------------------------------------------------- files and CLI


def test_never_overwrites_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        write_workbook(path, "2021")
    assert path.read_bytes() == b"keep me"
    write_workbook(path, "2019", overwrite=True)
    assert openpyxl.load_workbook(path)["表二"]["B3"].value == "本年新制作数量"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


def test_cli_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["template"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "年报表格.xlsx").is_file()
    assert api.read_path(tmp_path / "年报表格.xlsx").format_version == "2021"

    again = runner.invoke(app, ["template"])
    assert again.exit_code == 2
    assert again.stderr.count("\n") == 1 and "--force" in again.stderr

    forced = runner.invoke(app, ["template", "--force", "--format-version", "2019"])
    assert forced.exit_code == 0
    assert api.read_path(tmp_path / "年报表格.xlsx").format_version == "2019"

    other = runner.invoke(app, ["template", "-o", "b.xlsx", "--format-version", "2019"])
    assert other.exit_code == 0 and (tmp_path / "b.xlsx").is_file()

    for bad in (["-o", str(tmp_path / "no" / "such" / "x.xlsx")], ["-o", ".", "--force"]):
        failed = runner.invoke(app, ["template", *bad])
        assert failed.exit_code == 2, bad
        assert failed.stderr.startswith("reportcheck: ") and failed.stderr.count("\n") == 1


def test_writer_imports_openpyxl_lazily() -> None:
    code = "import sys, reportcheck.writers.xlsx, reportcheck.cli; print('openpyxl' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
