"""The Excel reader: official layouts anywhere in a workbook, values, formulas, bad files.

Workbooks are built in tmp_path from data (tests/xlsx_fixtures.py), with openpyxl (inline
strings, formulas without cached values) and with a hand-written writer that produces
what Excel saves (shared strings, rich text, relative part paths, cached formula values).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import FORMATS
from reportcheck.readers.sheetcells import column_letter, parse_number, parse_ref, sheet_prefix
from reportcheck.readers.xlsx import read_grids, read_xlsx, translate_formula
from reportcheck.rules.values import formula_no_value
from xlsx_fixtures import (
    Block,
    Formula,
    Key,
    Rich,
    Sheet,
    metadata_sheet,
    ref,
    sample_values,
    table2,
    table3,
    table4,
    write_openpyxl,
    write_raw,
)

Writer = Callable[[Path, list[Sheet]], Path]
WRITERS: dict[str, Writer] = {"openpyxl": write_openpyxl, "excel-like": write_raw}


def read(path: Path, settings: Settings | None = None) -> Report:
    return read_xlsx(str(path), path.read_bytes(), settings or Settings())


def cells(report: Report) -> dict[Key, Any]:
    return {
        (t, r, c): cell for t, data in report.tables.items() for (r, c), cell in data.cells.items()
    }


def expected_value(v: Any) -> Any:
    """What a sample value reads as (a text with a unit keeps its number)."""
    if isinstance(v, str):
        return Decimal(v.removesuffix("元"))
    return v


def assert_all_read(report: Report, values: dict[Key, Any], where: dict[Key, str]) -> None:
    got = cells(report)
    assert set(got) == set(values)
    for key, v in values.items():
        cell = got[key]
        assert cell.state is CellState.NUMBER, key
        assert cell.value == expected_value(v), key
        assert type(cell.value) is type(expected_value(v)), key
        assert cell.location is not None
        assert cell.location.address == where[key], key


def all_three(version: str, values: dict[Key, Any], **kw: Any) -> list[Block]:
    return [table2(version, values, **kw), table3(version, values, **kw), table4(values, **kw)]


# ------------------------------------------------------------------ layouts


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("version", ["2021", "2019"])
def test_one_sheet_each_official_layout(tmp_path: Path, version: str, writer: str) -> None:
    values = sample_values(version)
    sheets, where = [], {}
    for name, block in zip(("表二", "表三", "表四"), all_three(version, values), strict=True):
        s = Sheet(name)
        where.update(s.place(block, 1, 1))
        sheets.append(s)
    report = read(WRITERS[writer](tmp_path / "r.xlsx", sheets))
    assert report.kind == "xlsx"
    assert report.format_version == version
    assert report.detected_version == version
    assert report.findings == []
    assert_all_read(report, values, where)
    assert where[("applications", "granted", "natural_person")] == "表三!D6"
    assert report.tables["applications"].location is not None


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_three_tables_on_one_sheet_any_order_from_f7(
    tmp_path: Path, order: tuple[int, int, int], writer: str
) -> None:
    values = sample_values("2021")
    titles = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", None]
    blocks = [
        table2("2021", values, title=titles[0]),
        table3("2021", values, title=titles[1]),
        table4(values, title="四、政府信息公开行政复议、行政诉讼情况"),
    ]
    s = Sheet("年报表格")
    where: dict[Key, str] = {}
    row = 7
    for i in order:
        where.update(s.place(blocks[i], row, 6))
        row += blocks[i].height + 2
    notes = Sheet("说明")
    notes.cells[(1, 1)] = "本工作簿由示例单位填报。"
    notes.cells[(2, 1)] = "填报人：张三"
    report = read(WRITERS[writer](tmp_path / "r.xlsx", [notes, s]))
    assert report.findings == []
    assert_all_read(report, values, where)
    first = where[("applications", "new_received", "natural_person")]
    assert first.startswith("年报表格!I")


def test_blank_styled_cells_and_row_numbers_left_of_the_table(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("Sheet1")
    where = s.place(table3("2021", values), 3, 4)
    for r in range(1, 40):
        for c in range(1, 4):
            s.cells.setdefault((r, c), None)
    for k in range(6, 31):
        s.cells[(k, 1)] = k - 5  # a 序号 column
    report = read(write_raw(tmp_path / "r.xlsx", [s]))
    got = cells(report)
    assert len(got) == 25 * 7
    assert (
        got[("applications", "granted", "total")].location.address
        == where[  # type: ignore[union-attr]
            ("applications", "granted", "total")
        ]
    )


def test_extra_sheets_and_hidden_copies_are_ignored(tmp_path: Path) -> None:
    values = sample_values("2021")
    old = {k: (v + 100 if isinstance(v, int) else v) for k, v in values.items()}
    hidden = Sheet("去年", hidden=True)
    hidden.place(table3("2021", old), 1, 1)
    other = Sheet("统计")
    other.cells[(1, 1)] = "月份"
    other.cells[(1, 2)] = "件数"
    for m in range(1, 13):
        other.cells[(m + 1, 1)] = f"{m}月"
        other.cells[(m + 1, 2)] = m
    main = Sheet("表三")
    where = main.place(table3("2021", values), 2, 2)
    report = read(write_raw(tmp_path / "r.xlsx", [hidden, other, main]))
    got = cells(report)
    key = ("applications", "new_received", "total")
    assert got[key].value == values[key]
    assert got[key].location.address == where[key]  # type: ignore[union-attr]


def test_sheet_names_that_excel_quotes(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("My Sheet")
    where = s.place(table3("2021", values), 1, 1)
    t4 = Sheet("O'Brien 2024")
    where.update(t4.place(table4(values), 1, 1))
    report = read(write_openpyxl(tmp_path / "r.xlsx", [s, t4]))
    got = cells(report)
    assert got[("applications", "total", "total")].location.address == "'My Sheet'!J27"  # type: ignore[union-attr]
    assert got[("review_litigation", "review", "upheld")].location.address == "'O''Brien 2024'!A4"  # type: ignore[union-attr]
    assert where[("applications", "total", "total")] == "'My Sheet'!J27"


# ------------------------------------------------------------------ label variants


def _half_width(label: str) -> str:
    return label.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')


def _spaced(label: str) -> str:
    if len(label) < 4:
        return label
    mid = len(label) // 2
    return f" {label[:mid]}\n{label[mid:]}  ".replace("、", " 、", 1)


def _numbered_with_comma(label: str) -> str:
    return label.replace(".", "、", 1) if label[:1].isdigit() else label


def _full_width_numbers(label: str) -> str:
    return (
        label.translate(str.maketrans("123456789.", "１２３４５６７８９．"))
        if label[:1].isdigit()
        else label
    )


@pytest.mark.parametrize("style", [_half_width, _spaced, _numbered_with_comma, _full_width_numbers])
def test_label_variants(tmp_path: Path, style: Callable[[str], str]) -> None:
    values = sample_values("2021")
    sheets, where = [], {}
    for name, block in zip(
        ("表二", "表三", "表四"), all_three("2021", values, style=style), strict=True
    ):
        s = Sheet(name)
        where.update(s.place(block, 2, 2))
        sheets.append(s)
    report = read(write_raw(tmp_path / "r.xlsx", sheets))
    assert report.findings == []
    assert_all_read(report, values, where)


def test_rich_text_labels_and_escaped_line_breaks(tmp_path: Path) -> None:
    values = sample_values("2021")
    block = table3("2021", values)
    for pos, v in list(block.cells.items()):
        if v == "（一）予以公开":
            block.cells[pos] = Rich(("（一）", "予以公开"))
        if v == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
            block.cells[pos] = "（二）部分公开_x000D_\n（区分处理的，只计这一情形，不计其他情形）"
    s = Sheet("表三")
    where = s.place(block, 1, 1)
    path = write_raw(tmp_path / "r.xlsx", [s])
    report = read(path)
    got = cells(report)
    for row in ("granted", "partial"):
        assert got[("applications", row, "total")].value == values[("applications", row, "total")]
    grids, _ = read_grids(str(path), path.read_bytes())
    texts = {c.text for c in grids[0].cells.values()}
    assert "（一）予以公开" in texts  # runs joined, the phonetic guide left out
    assert "（二）部分公开\r\n（区分处理的，只计这一情形，不计其他情形）" in texts
    assert where


# ------------------------------------------------------------------ values


@pytest.mark.parametrize("writer", WRITERS)
def test_text_numbers_and_placeholders(tmp_path: Path, writer: str) -> None:
    values: dict[Key, Any] = dict(sample_values("2021"))
    cases: dict[Key, tuple[Any, CellState, Any]] = {
        ("applications", "new_received", "natural_person"): ("12", CellState.NUMBER, 12),
        ("applications", "new_received", "commercial"): ("１２", CellState.NUMBER, 12),
        ("applications", "new_received", "total"): ("1,234", CellState.NUMBER, 1234),
        ("applications", "granted", "natural_person"): ("/", CellState.PLACEHOLDER, None),
        ("applications", "granted", "commercial"): ("-", CellState.PLACEHOLDER, None),
        ("applications", "granted", "research"): ("—", CellState.PLACEHOLDER, None),
        ("applications", "granted", "social_welfare"): ("无", CellState.PLACEHOLDER, None),
        ("applications", "granted", "legal_services"): (None, CellState.BLANK, None),
        ("applications", "granted", "other"): ("十二", CellState.TEXT, None),
        ("applications", "partial", "natural_person"): ("3件", CellState.NUMBER, 3),
        ("proactive_disclosure", "administrative_fees", "amount"): (
            Decimal("0.1"),
            CellState.NUMBER,
            Decimal("0.1"),
        ),
        ("review_litigation", "review", "upheld"): (" 5 ", CellState.NUMBER, 5),
    }
    for key, (raw, _, _) in cases.items():
        values[key] = raw
    sheets, where = [], {}
    for name, block in zip(("表二", "表三", "表四"), all_three("2021", values), strict=True):
        s = Sheet(name)
        where.update(s.place(block, 1, 1))
        sheets.append(s)
    report = read(WRITERS[writer](tmp_path / "r.xlsx", sheets))
    got = cells(report)
    for key, (raw, state, value) in cases.items():
        cell = got[key]
        assert cell.state is state, key
        assert cell.value == value, key
        if isinstance(raw, str):
            assert cell.raw == raw, key  # the text as written is kept
        if state is not CellState.BLANK or writer == "excel-like":
            assert cell.location is not None and cell.location.address == where[key], key


def test_numbers_are_decimal_never_float(tmp_path: Path) -> None:
    s = Sheet("表二")
    values = sample_values("2021")
    values[("proactive_disclosure", "administrative_fees", "amount")] = 0.30000000000000004
    values[("proactive_disclosure", "regulations", "made")] = 3.0
    s.place(table2("2021", values), 1, 1)
    report = read(write_raw(tmp_path / "r.xlsx", [s]))
    got = cells(report)
    fee = got[("proactive_disclosure", "administrative_fees", "amount")]
    assert fee.value == Decimal("0.3") and isinstance(fee.value, Decimal)
    made = got[("proactive_disclosure", "regulations", "made")]
    assert made.value == 3 and type(made.value) is int


def test_parse_number() -> None:
    assert parse_number("31") == 31 and type(parse_number("31")) is int
    assert str(parse_number("12.50")) == "12.5"
    assert parse_number("2.5E+2") == 250
    assert parse_number("1E-3") == Decimal("0.001")
    assert parse_number("-2") == -2
    assert parse_number("1.1000000000000001") == Decimal("1.1")
    assert parse_number("abc") is None
    assert parse_number("NaN") is None


# ------------------------------------------------------------------ formulas


def test_formula_with_cached_value_keeps_value_and_formula(tmp_path: Path) -> None:
    values: dict[Key, Any] = dict(sample_values("2021"))
    key = ("applications", "new_received", "total")
    values[key] = Formula("SUM(D4:I4)", cached=values[key])
    s = Sheet("表三")
    where = s.place(table3("2021", values), 1, 1)
    assert where[key] == "表三!J4"
    report = read(write_raw(tmp_path / "r.xlsx", [s]))
    cell = cells(report)[key]
    assert cell.state is CellState.NUMBER
    assert cell.value == sample_values("2021")[key]
    assert cell.formula == "SUM(D4:I4)"
    assert list(formula_no_value(report, Settings())) == []


def test_shared_formulas_are_translated(tmp_path: Path) -> None:
    values: dict[Key, Any] = dict(sample_values("2021"))
    plain = sample_values("2021")
    rows = ["new_received", "carried_over", "granted"]
    for n, row in enumerate(rows):
        key = ("applications", row, "total")
        r = 4 + n
        values[key] = Formula(
            "SUM(D4:I4)" if n == 0 else "",
            cached=plain[key],
            shared_si=0,
            shared_ref="J4:J6" if n == 0 else None,
        )
        assert r
    s = Sheet("表三")
    s.place(table3("2021", values), 1, 1)
    report = read(write_raw(tmp_path / "r.xlsx", [s]))
    got = cells(report)
    assert [got[("applications", r, "total")].formula for r in rows] == [
        "SUM(D4:I4)",
        "SUM(D5:I5)",
        "SUM(D6:I6)",
    ]
    assert [got[("applications", r, "total")].value for r in rows] == [
        plain[("applications", r, "total")] for r in rows
    ]


@pytest.mark.parametrize("writer", WRITERS)
def test_formula_without_cached_value_is_rc205_not_blank(tmp_path: Path, writer: str) -> None:
    values: dict[Key, Any] = dict(sample_values("2021"))
    key = ("applications", "total", "natural_person")
    values[key] = Formula("SUM(D6:D26)")  # openpyxl saves formulas without a result
    s = Sheet("表三")
    where = s.place(table3("2021", values), 1, 1)
    report = read(WRITERS[writer](tmp_path / "r.xlsx", [s]))
    cell = cells(report)[key]
    assert cell.state is CellState.FORMULA_NO_VALUE
    assert cell.value is None
    assert cell.formula == "SUM(D6:D26)"
    found = list(formula_no_value(report, Settings()))
    assert [(f.code, f.table, f.row, f.column) for f in found] == [
        ("RC205", "applications", "total", "natural_person")
    ]
    assert found[0].location is not None and found[0].location.address == where[key]


def test_text_formula_result_error_and_boolean_cells(tmp_path: Path) -> None:
    values: dict[Key, Any] = dict(sample_values("2021"))
    values[("review_litigation", "review", "upheld")] = Formula('TEXT(1,"0")', cached="1")
    values[("review_litigation", "review", "corrected")] = Formula("1/0", cached=None)
    values[("review_litigation", "review", "other")] = True
    s = Sheet("表四")
    s.place(table4(values), 1, 1)
    path = write_raw(tmp_path / "r.xlsx", [s])
    # an error value as Excel saves it: <c t="e"><f>..</f><v>#DIV/0!</v></c>
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'<c r="B4"><f>1/0</f></c>', b'<c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    got = cells(read(path))
    upheld = got[("review_litigation", "review", "upheld")]
    assert (upheld.state, upheld.value) == (CellState.NUMBER, 1)
    err = got[("review_litigation", "review", "corrected")]
    assert (err.state, err.raw, err.formula) == (CellState.TEXT, "#DIV/0!", "1/0")
    boolean = got[("review_litigation", "review", "other")]
    assert (boolean.state, boolean.raw) == (CellState.TEXT, "TRUE")


def test_empty_cached_values(tmp_path: Path) -> None:
    s = Sheet("表四")
    s.place(table4(sample_values("2021")), 1, 1)
    path = write_raw(tmp_path / "r.xlsx", [s])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    # A4: a text formula whose result is empty; B4: <v/> with no type, as openpyxl saves
    sheet = sheet.replace(b'<c r="A4"><v>1</v></c>', b'<c r="A4" t="str"><f>""</f><v/></c>')
    sheet = sheet.replace(b'<c r="B4"><v>0</v></c>', b'<c r="B4"><f>1+1</f><v></v></c>')
    # C4: a text formula saved without any result
    sheet = sheet.replace(b'<c r="C4"><v>2</v></c>', b'<c r="C4" t="str"><f>A1&amp;B1</f></c>')
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    got = cells(read(path))
    assert got[("review_litigation", "review", "upheld")].state is CellState.BLANK
    assert got[("review_litigation", "review", "corrected")].state is CellState.FORMULA_NO_VALUE
    other = got[("review_litigation", "review", "other")]
    assert (other.state, other.formula) == (CellState.FORMULA_NO_VALUE, "A1&B1")


def test_translate_formula() -> None:
    assert translate_formula("SUM(D4:I4)", 2, 0) == "SUM(D6:I6)"
    assert translate_formula("$D$4+D$4+$D4", 1, 1) == "$D$4+E$4+$D5"
    assert translate_formula('A1&"B2"', 1, 0) == 'A2&"B2"'
    assert translate_formula("LOG10(A1)+'Sheet 1'!B2", 1, 0) == "LOG10(A2)+'Sheet 1'!B3"
    assert translate_formula("A1", -1, 0) == "#REF!"


# ------------------------------------------------------------------ versions


def test_2019_workbook(tmp_path: Path) -> None:
    values = sample_values("2019")
    values[("proactive_disclosure", "government_procurement", "total_amount")] = "251000元"
    values[("proactive_disclosure", "administrative_licensing", "change")] = -2
    values[("proactive_disclosure", "other_services", "change")] = "-3"
    sheets, where = [], {}
    for name, block in zip(("表二", "表三", "表四"), all_three("2019", values), strict=True):
        s = Sheet(name)
        where.update(s.place(block, 1, 1))
        sheets.append(s)
    report = read(write_raw(tmp_path / "r.xlsx", sheets))
    assert (report.format_version, report.detected_version) == ("2019", "2019")
    assert "政府集中采购" in report.version_evidence["2019"]
    got = cells(report)
    money = got[("proactive_disclosure", "government_procurement", "total_amount")]
    assert (money.value, money.unit, money.raw) == (Decimal("251000"), "元", "251000元")
    assert got[("proactive_disclosure", "administrative_licensing", "change")].value == -2
    assert got[("proactive_disclosure", "other_services", "change")].value == -3
    other = got[("applications", "other", "total")]
    assert other.value == values[("applications", "other", "total")]
    assert not any(r == "other_1" for _, r, _ in got)
    assert len(report.tables["proactive_disclosure"].cells) == 22
    assert len(report.tables["applications"].cells) == 23 * 7


def test_format_version_override(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("表二")
    s.place(table2("2021", values), 1, 1)
    t3 = Sheet("表三")
    t3.place(table3("2021", values), 1, 1)
    path = write_raw(tmp_path / "r.xlsx", [s, t3])
    forced = read(path, Settings(format_version="2019"))
    assert forced.format_version == "2019"
    assert forced.detected_version == "2021"
    assert read(path).format_version == "2021"


def test_version_from_year_and_default(tmp_path: Path) -> None:
    values = sample_values("2019")
    s = Sheet("表四")
    s.place(table4(values), 3, 1)
    path = write_raw(tmp_path / "r.xlsx", [s])
    plain = read(path)
    assert plain.detected_version is None
    assert plain.format_version == "2021"
    assert [f.code for f in plain.findings] == ["RC004"]
    assert read(path, Settings(default_format_version="2019")).format_version == "2019"
    s.cells[(1, 1)] = "示例区审计局2020年政府信息公开工作年度报告"
    path = write_raw(tmp_path / "r2.xlsx", [s])
    by_year = read(path)
    assert (by_year.format_version, by_year.metadata.year) == ("2019", 2020)
    assert by_year.findings == []


# ------------------------------------------------------------------ metadata


@pytest.mark.parametrize("writer", WRITERS)
def test_metadata_sheet(tmp_path: Path, writer: str) -> None:
    values = sample_values("2021")
    t3 = Sheet("表三")
    t3.place(table3("2021", values), 1, 1)
    report = read(WRITERS[writer](tmp_path / "r.xlsx", [metadata_sheet(), t3]))
    md = report.metadata
    assert (md.agency, md.year, md.published, md.level) == (
        "示例市测试局",
        2024,
        date(2025, 1, 20),
        "department",
    )


@pytest.mark.parametrize(
    ("year", "published", "level", "expected"),
    [
        ("2024年", "2025年1月20日", "government", (2024, date(2025, 1, 20), "government")),
        ("２０２３", 45677, "乡镇", (2023, date(2025, 1, 20), "township")),
        (2022, "2023/1/31", "县政府部门", (2022, date(2023, 1, 31), "department")),
        (2022, "下月发布", "其他", (2022, None, None)),
    ],
)
def test_metadata_value_forms(
    tmp_path: Path, year: Any, published: Any, level: Any, expected: tuple[Any, ...]
) -> None:
    t4 = Sheet("表四")
    t4.place(table4(sample_values("2021")), 1, 1)
    meta = metadata_sheet(year=year, published=published, level=level)
    report = read(write_raw(tmp_path / "r.xlsx", [meta, t4]))
    md = report.metadata
    assert (md.year, md.published, md.level) == expected


def test_metadata_from_title_and_inline_labels(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("年报")
    s.cells[(1, 2)] = "示例市测试局2024年政府信息公开工作年度报告"
    s.cells[(2, 2)] = "发布日期：2025-01-15"
    s.cells[(3, 2)] = "单位层级"  # value below, not beside
    s.cells[(4, 2)] = "部门"
    s.place(table3("2021", values), 6, 2)
    report = read(write_raw(tmp_path / "r.xlsx", [s]))
    md = report.metadata
    assert md.title == "示例市测试局2024年政府信息公开工作年度报告"
    assert (md.agency, md.year, md.published, md.level) == (
        "示例市测试局",
        2024,
        date(2025, 1, 15),
        "department",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("示例市测试局2024年政府信息公开工作年度报告", ("示例市测试局", 2024)),
        ("2023年度示例县政府信息公开年度报告（修订）", ("示例县", 2023)),
        (" 2022年政府信息公开工作年度报告 ", (None, 2022)),
        ("依据2021年政府信息公开工作年度报告格式填写", (None, None)),
        ("本表按《2021年政府信息公开工作年度报告》填写：表三", (None, None)),
    ],
)
def test_title_cell(tmp_path: Path, text: str, expected: tuple[Any, Any]) -> None:
    s = Sheet("表四")
    s.cells[(1, 1)] = text
    s.place(table4(sample_values("2021")), 3, 1)
    md = read(write_raw(tmp_path / "r.xlsx", [s])).metadata
    assert (md.agency, md.year) == expected
    assert (md.title is not None) == (expected[1] is not None)


def test_empty_metadata_template_reads_nothing(tmp_path: Path) -> None:
    meta = Sheet("基本信息")
    for r, label in enumerate(["报告年度", "发布日期", "单位层级", "单位名称"], 1):
        meta.cells[(r, 1)] = label
        meta.cells[(r, 2)] = None  # bordered but empty value cells
    meta.cells[(5, 1)] = "填报说明：单位名称填写全称"
    t4 = Sheet("表四")
    t4.place(table4(sample_values("2021")), 1, 1)
    md = read(write_raw(tmp_path / "r.xlsx", [meta, t4])).metadata
    assert (md.agency, md.year, md.published, md.level) == (None, None, None, None)


def test_template_writer_round_trip(tmp_path: Path) -> None:
    writer = pytest.importorskip("reportcheck.writers.xlsx")
    from factories import Submission

    for version in ("2021", "2019"):
        source = Submission.valid(version).report()
        source.metadata.published = date(2025, 1, 20)
        data = writer.workbook_bytes(version, source)
        report = read_xlsx("t.xlsx", data, Settings())
        assert report.format_version == version
        assert report.findings == []
        md = report.metadata
        assert (md.agency, md.year, md.published, md.level) == (
            source.metadata.agency,
            source.metadata.year,
            date(2025, 1, 20),
            source.metadata.level,
        )
        for table_id, data_in in source.tables.items():
            got = report.tables[table_id].cells
            assert {k: c.value for k, c in got.items()} == {
                k: c.value for k, c in data_in.cells.items()
            }
            for (row, col), cell in got.items():
                assert cell.location is not None
                assert cell.location.address == writer.cell_address(version, table_id, row, col)


# ------------------------------------------------------------------ against openpyxl


@pytest.mark.parametrize("writer", WRITERS)
def test_same_cells_and_merged_ranges_as_openpyxl(tmp_path: Path, writer: str) -> None:
    values: dict[Key, Any] = dict(sample_values("2019"))
    values[("applications", "granted", "commercial")] = "/"
    values[("proactive_disclosure", "administrative_licensing", "change")] = -2
    values[("applications", "total", "total")] = Formula("SUM(J6:J24)", cached=None)
    sheets = []
    for name, block in zip(("表 二", "表三", "表四"), all_three("2019", values), strict=True):
        s = Sheet(name)
        s.place(block, 3, 2)
        sheets.append(s)
    assert_same_as_openpyxl(WRITERS[writer](tmp_path / "r.xlsx", sheets))


def test_template_writer_output_same_as_openpyxl(tmp_path: Path) -> None:
    writer = pytest.importorskip("reportcheck.writers.xlsx")
    from factories import Submission

    path = tmp_path / "t.xlsx"
    path.write_bytes(writer.workbook_bytes("2019", Submission.valid("2019").report()))
    assert_same_as_openpyxl(path)


def assert_same_as_openpyxl(path: Path) -> None:
    """Every non-empty cell, formula and merged range as openpyxl reads them."""
    import openpyxl

    grids, _ = read_grids(str(path), path.read_bytes())
    wb = openpyxl.load_workbook(path)
    assert [g.name for g in grids] == wb.sheetnames
    for grid, ws in zip(grids, wb.worksheets, strict=True):
        assert sorted(grid.merged) == sorted(
            (m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges
        )
        theirs = {
            (c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None
        }
        mine: dict[tuple[int, int], Any] = {}
        for pos, cell in grid.cells.items():
            if cell.formula is not None:
                mine[pos] = "=" + cell.formula
            elif cell.value is not None:
                mine[pos] = cell.value
            elif cell.text:
                mine[pos] = cell.text
        assert set(mine) == set(theirs)
        for pos, v in theirs.items():
            if isinstance(v, float):
                assert mine[pos] == Decimal(repr(v)), pos
            else:
                assert mine[pos] == v, pos
            address = sheet_prefix(ws.title) + ws.cell(*pos).coordinate
            assert grid.cells[pos].location.address == address


# ------------------------------------------------------------------ bad files


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    return buf.getvalue()


def _workbook_parts(tmp_path: Path) -> dict[str, bytes]:
    s = Sheet("表四")
    s.place(table4(sample_values("2021")), 1, 1)
    path = write_raw(tmp_path / "ok.xlsx", [s])
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _ole(*streams: str) -> bytes:
    """An OLE compound file header followed by directory entry names (UTF-16LE)."""
    body = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for name in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + body


def _bad_files(tmp_path: Path) -> dict[str, bytes]:
    parts = _workbook_parts(tmp_path)
    no_sheet = {n: d for n, d in parts.items() if not n.startswith("xl/worksheets/")}
    corrupt = dict(parts)
    corrupt["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:-40]
    bad_sst = dict(parts)
    bad_sst["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    )
    empty = Sheet("Sheet1")
    no_tables = Sheet("Sheet1")
    no_tables.cells[(1, 1)] = "示例局2024年政府信息公开工作年度报告"
    no_tables.cells[(2, 1)] = "本年度共收到申请 12 件。"
    return {
        "not-a-zip": b"this is plain text, not a workbook",
        "truncated-zip": parts["xl/workbook.xml"][:0] + b"PK\x03\x04" + b"\0" * 60,
        "zip-not-a-workbook": _zip({"word/document.xml": "<w/>"}),
        "corrupt-workbook-xml": _zip({**parts, "xl/workbook.xml": b"<workbook"}),
        "missing-sheet": _zip(no_sheet),
        "corrupt-sheet-xml": _zip(corrupt),
        "bad-shared-string": _zip(bad_sst),
        "empty-workbook": write_openpyxl(tmp_path / "empty.xlsx", [empty]).read_bytes(),
        "no-sheets": _zip(
            {
                **parts,
                "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheets/></workbook>',
            }
        ),
        "no-tables": write_raw(tmp_path / "nt.xlsx", [no_tables]).read_bytes(),
        "encrypted": _ole("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "old-xls": _ole("Root Entry", "Workbook"),
    }


BAD = [
    "not-a-zip",
    "truncated-zip",
    "zip-not-a-workbook",
    "corrupt-workbook-xml",
    "missing-sheet",
    "corrupt-sheet-xml",
    "bad-shared-string",
    "empty-workbook",
    "no-sheets",
    "no-tables",
    "encrypted",
    "old-xls",
]


@pytest.mark.parametrize("name", BAD)
def test_bad_files_raise_input_error(tmp_path: Path, name: str) -> None:
    data = _bad_files(tmp_path)[name]
    with pytest.raises(InputError) as err:
        read_xlsx(f"{name}.xlsx", data, Settings())
    assert "\n" not in err.value.text("zh") and "\n" not in err.value.text("en")
    if name in ("empty-workbook", "no-sheets", "no-tables"):
        assert "没有找到年报表格" in err.value.problem
    if name == "encrypted":
        assert "加密" in err.value.problem and "encrypted" in err.value.problem_en


@pytest.mark.parametrize("name", ["corrupt-sheet-xml", "encrypted", "no-tables", "missing-sheet"])
def test_bad_files_through_the_api_and_cli(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(_bad_files(tmp_path)[name])
    result = api.validate_path(path)
    assert result.error is not None and result.report is None
    proc = subprocess.run(
        [sys.executable, "-m", "reportcheck", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout


# ------------------------------------------------------------------ helpers and imports


def test_addresses() -> None:
    assert [column_letter(c) for c in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert parse_ref("D29") == (29, 4) and parse_ref("$AB$3") == (3, 28)
    assert parse_ref("表三") is None
    assert sheet_prefix("表三") == "表三!"
    assert sheet_prefix("Sheet1") == "Sheet1!"
    assert sheet_prefix("My Sheet") == "'My Sheet'!"
    assert sheet_prefix("2024") == "'2024'!"
    assert sheet_prefix("A1") == "'A1'!"
    assert sheet_prefix("表-三") == "'表-三'!"
    assert ref(29, 4) == "D29"


def test_reader_does_not_import_openpyxl(tmp_path: Path) -> None:
    s = Sheet("表四")
    s.place(table4(sample_values("2021")), 1, 1)
    path = write_raw(tmp_path / "r.xlsx", [s])
    code = (
        "import sys\n"
        "from reportcheck import api\n"
        f"api.read_path({str(path)!r})\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_relative_and_absolute_part_paths(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("表三")
    s.place(table3("2021", values), 1, 1)
    for relative in (True, False):
        path = write_raw(tmp_path / f"r{relative}.xlsx", [s], relative_targets=relative)
        assert len(cells(read(path))) == 175


# ------------------------------------------------------------------ a real report's figures


@requires_shared
def test_shanghai_2019_figures_in_a_workbook(tmp_path: Path) -> None:
    """The 2019 Shanghai report's 表三/表四 figures (blank 总计 cells kept blank)."""
    doc = json.loads((CORPUS / "001-shanghai-bgt-2019.json").read_text(encoding="utf-8"))
    fmt = FORMATS["2019"]
    values: dict[Key, Any] = {}
    for row_id, figures in doc["table3"].items():
        row = fmt.table("applications").row(row_id)
        for col, v in zip(row.columns, figures, strict=True):
            values[("applications", row_id, col.id)] = v
    for row_id, figures in doc["table4"].items():
        row = fmt.table("review_litigation").row(row_id)
        for col, v in zip(row.columns, figures, strict=True):
            values[("review_litigation", row_id, col.id)] = v
    s = Sheet("Sheet1")
    where = s.place(table3("2019", values), 1, 1)
    where.update(s.place(table4(values), 30, 1))
    report = read(write_raw(tmp_path / "r.xlsx", [s]), Settings(format_version="2019"))
    got = cells(report)
    for key, v in values.items():
        assert got[key].value == v, key
        assert got[key].state is (CellState.BLANK if v is None else CellState.NUMBER)
        assert got[key].location.address == where[key]  # type: ignore[union-attr]


def test_damaged_files_never_raise_anything_but_input_error(tmp_path: Path) -> None:
    """Random damage to the XML parts and to the zip bytes: a report or an InputError."""
    import random

    values = sample_values("2021")
    sheets = []
    for name, block in zip(("表二", "表三", "表四"), all_three("2021", values), strict=True):
        s = Sheet(name)
        s.place(block, 1, 1)
        sheets.append(s)
    base = write_raw(tmp_path / "r.xlsx", sheets).read_bytes()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    rng = random.Random(7)
    samples: list[bytes] = []
    for _ in range(150):
        damaged = dict(parts)
        name = rng.choice(sorted(n for n in parts if n.startswith("xl/")))
        part = bytearray(damaged[name])
        for _ in range(rng.randint(1, 5)):
            part[rng.randrange(len(part))] = rng.choice(b'<>/"=0123456789ABCrtsvfe ')
        damaged[name] = bytes(part)
        samples.append(_zip(dict(damaged)))
    for _ in range(150):
        raw = bytearray(base)
        for _ in range(rng.randint(1, 3)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        samples.append(bytes(raw))
    outcomes = {"report": 0, "error": 0}
    for data in samples:
        try:
            api.read_bytes("damaged.xlsx", data)
            outcomes["report"] += 1
        except InputError:
            outcomes["error"] += 1
    assert outcomes["report"] and outcomes["error"]


def test_flat_layout_without_merged_cells(tmp_path: Path) -> None:
    """One label column, group labels on rows of their own, no header band."""
    values = sample_values("2021")
    t = FORMATS["2021"].table("applications")
    s = Sheet("Sheet1")
    headers = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for c, h in enumerate(headers, 2):
        s.cells[(1, c)] = h
    r, group = 2, None
    where: dict[Key, str] = {}
    for row in t.rows:
        if row.id == "granted":
            s.cells[(r, 1)] = "三、本年度办理结果"
            r += 1
        if row.group and not row.group.startswith("三、") and row.group != group:
            s.cells[(r, 1)] = row.group
            r += 1
        group = row.group
        s.cells[(r, 1)] = row.label
        for k, col in enumerate(row.columns):
            s.cells[(r, 2 + k)] = values[(t.id, row.id, col.id)]
            where[(t.id, row.id, col.id)] = f"Sheet1!{ref(r, 2 + k)}"
        r += 1
    report = read(write_raw(tmp_path / "r.xlsx", [s], styled_blanks=False))
    assert report.findings == []
    assert_all_read(report, {k: v for k, v in values.items() if k[0] == t.id}, where)


def _rewrite(path: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as z:
        parts = {n: edit(n, z.read(n)) for n in z.namelist()}
    path.write_bytes(_zip(dict(parts)))
    return path


def test_strict_ooxml_namespaces(tmp_path: Path) -> None:
    values = sample_values("2021")
    s = Sheet("表三")
    where = s.place(table3("2021", values), 1, 1)

    def strict(name: str, data: bytes) -> bytes:
        return data.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        ).replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )

    path = _rewrite(write_raw(tmp_path / "r.xlsx", [s]), strict)
    assert b"purl.oclc.org" in zipfile.ZipFile(path).read("xl/workbook.xml")
    report = read(path)
    assert_all_read(report, {k: v for k, v in values.items() if k[0] == "applications"}, where)


def test_cells_and_rows_without_positions(tmp_path: Path) -> None:
    """``r`` is optional on <row> and <c>: positions follow from the order."""
    import re

    values = sample_values("2021")
    s = Sheet("表三")
    where = s.place(table3("2021", values), 1, 1)

    def no_positions(name: str, data: bytes) -> bytes:
        if not name.startswith("xl/worksheets/"):
            return data
        return re.sub(rb'(<row|<c) r="[A-Z0-9]+"', rb"\1", data)

    path = _rewrite(write_raw(tmp_path / "r.xlsx", [s]), no_positions)
    assert b'<c r="' not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    report = read(path)
    assert_all_read(report, {k: v for k, v in values.items() if k[0] == "applications"}, where)


def test_inline_strings_and_counts_as_generators_write_them() -> None:
    """Cells as openpyxl and other generators write them (t="inlineStr", t="n" spelt out,
    a namespace prefix): plain, escaped and rich inline strings, counts, a count with a
    leading zero, a number in a date style, styled empty cells."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (
        f'<x:worksheet xmlns:x="{ns}"><x:sheetData><x:row r="1">'
        '<x:c r="A1" t="inlineStr"><x:is><x:t>予以公开</x:t></x:is></x:c>'
        '<x:c r="B1" t="inlineStr"><x:is><x:t>甲_x000D_乙</x:t></x:is></x:c>'
        '<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>（一）</x:t></x:r>'
        "<x:r><x:t>部分</x:t></x:r></x:is></x:c>"
        '<x:c r="D1" s="0" t="n"><x:v>12</x:v></x:c>'
        '<x:c r="E1" t="n"><x:v>007</x:v></x:c>'
        '<x:c r="F1" s="1" t="n"><x:v>45312</x:v></x:c>'
        '<x:c r="G1" s="1"/><x:c r="H1" t="inlineStr"><x:is><x:t/></x:is></x:c>'
        "</x:row></x:sheetData></x:worksheet>"
    )
    styles = (
        f'<styleSheet xmlns="{ns}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/>'
        "</cellXfs></styleSheet>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
            '<sheet name="表三" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        zf.writestr("xl/styles.xml", styles)
    [grid], _ = read_grids("g.xlsx", buf.getvalue())
    got = {grid.cells[(1, c)].location.address: grid.cells[(1, c)] for c in range(1, 9)}
    assert [got[a].text for a in ("表三!A1", "表三!B1", "表三!C1")] == [
        "予以公开",
        "甲\r乙",
        "（一）部分",
    ]
    assert (got["表三!D1"].text, got["表三!D1"].value) == ("12", 12)
    assert (got["表三!E1"].text, got["表三!E1"].value) == ("7", 7)
    assert (got["表三!F1"].text, got["表三!F1"].shown_as) == ("2024/1/21", "date")
    assert got["表三!G1"].text == got["表三!H1"].text == ""
    assert got["表三!G1"].value is None
