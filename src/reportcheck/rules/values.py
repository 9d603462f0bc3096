"""Value checks: every cell holds what its column allows (R4, R6)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, Severity, fmt_number
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import TABLE_EN, TABLE_SHORT, ColumnDef, ValueKind
from reportcheck.rules.common import at, at_zh, cell_fields, shown, where, where_en
from reportcheck.rules.registry import declare, make, rule

_EXPECT = {
    ValueKind.COUNT: ("不小于 0 的整数", "a whole number ≥ 0"),
    ValueKind.SIGNED_COUNT: ("整数（可为负数）", "a whole number (may be negative)"),
    ValueKind.AMOUNT: ("不小于 0 的数（单位：万元）", "a number ≥ 0 (in 10,000 yuan)"),
    ValueKind.MONEY: ("金额", "an amount of money"),
}

# A fee amount in 万元 at or above this is almost certainly written in 元.
_IMPLAUSIBLE_WAN = Decimal(1_000_000)


def _cells(report: Report) -> Iterator[tuple[str, str, str, ColumnDef, Cell]]:
    for table_id, data in report.tables.items():
        tdef = report.table_def(table_id)
        for r in tdef.rows:
            for c in r.columns:
                cell = data.get(r.id, c.id)
                if cell is not None:
                    yield table_id, r.id, c.id, c, cell


@rule("RC201", "not-a-number", Severity.ERROR, "数值单元格中不是数字", "text in a numeric cell")
def not_a_number(report: Report, settings: Settings) -> Iterator[Finding]:
    """A numeric cell holds text that is not a number.

    Every cell of 表三 and 表四 and every 表二 count must be a number. Text such as
    ``三十一``, ``31（件）`` with other words, ``约30`` or a JSON ``true`` / object is reported
    here with the cell's own text. (Blank cells and placeholders /, -, —, 无 are not text;
    they read as 0 where a number is optional and are reported under RC204 where a
    total is needed.)

    Passes: ``31``, ``３１``, ``1,234``, ``31件``
    Fails:  ``三十一``, ``约30``
    """
    for table, row, col, cdef, cell in _cells(report):
        if cell.state is CellState.TEXT:
            zh, en = _EXPECT[cdef.kind]
            yield make(
                "RC201",
                f"{where(report, table, row, col)}{at_zh(cell)} 写的是「{cell.raw.strip()}」，应为{zh}",
                f"{where_en(report, table, row, col)}{at(cell)} says “{cell.raw.strip()}”, "
                f"which is not {en}",
                cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=zh,
            )


@rule("RC202", "negative", Severity.ERROR, "数值为负数", "negative value")
def negative(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count or amount is negative.

    Counts and the 表二 fee amount must be ≥ 0. Only the 2019 format's 本年增/减 may be
    negative (a decrease in the number of items).

    Passes: ``0``, ``12``; in 2019 本年增/减: ``-3``
    Fails:  ``-1`` in 表三 自然人
    """
    for table, row, col, cdef, cell in _cells(report):
        if cdef.kind is ValueKind.SIGNED_COUNT or not cell.numeric:
            continue
        if cell.value is not None and cell.value < 0:
            yield make(
                "RC202",
                f"{where(report, table, row, col)}{at_zh(cell)} = {fmt_number(cell.value)}，不能为负数",
                f"{where_en(report, table, row, col)}{at(cell)} = {fmt_number(cell.value)}, "
                f"which must not be negative",
                cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind][0],
            )


@rule("RC203", "not-whole", Severity.ERROR, "件数不是整数", "count is not a whole number")
def not_whole(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count has a fractional part.

    Application, decision and case counts are whole numbers. Only the 表二 fee amount
    (万元) and the 2019 procurement amount may have decimals.

    Passes: ``31``, ``31.0``
    Fails:  ``30.5``
    """
    for table, row, col, cdef, cell in _cells(report):
        if cdef.kind in (ValueKind.AMOUNT, ValueKind.MONEY) or not cell.numeric:
            continue
        if isinstance(cell.value, Decimal):
            yield make(
                "RC203",
                f"{where(report, table, row, col)}{at_zh(cell)} = {fmt_number(cell.value)}，件数应为整数",
                f"{where_en(report, table, row, col)}{at(cell)} = {fmt_number(cell.value)}, "
                f"but a count must be a whole number",
                cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind][0],
            )


declare(
    "RC204",
    "blank-total",
    Severity.ERROR,
    "需要数值的总计单元格为空或占位符",
    "a total is blank or a placeholder",
    """A total cell is blank or a placeholder (/, -, —, 无) while its parts do not add up to 0.

    Blank cells and placeholders read as 0 in the arithmetic. A total left blank beside
    parts that add up to something is itself a defect: the finding says what the total
    should be. (A blank total beside blank parts is accepted as 0.)

    Passes: （一）予以公开 | 258 | 12 | | | 1 | 1 | 272
    Fails:  （一）予以公开 | 258 | 12 | | | 1 | 1 |       (the 2019 Shanghai report)
    """,
    "RC300 (arithmetic engine)",
)


@rule(
    "RC205",
    "formula-not-calculated",
    Severity.ERROR,
    "公式没有计算结果",
    "formula has no calculated value",
)
def formula_no_value(report: Report, settings: Settings) -> Iterator[Finding]:
    """An Excel cell holds a formula whose result was never calculated and saved.

    Files written by scripts or some converters keep the formula but no cached value.
    The cell is not read as empty: open the workbook in Excel or WPS and save it again,
    or type the number.

    Passes: ``=SUM(D6:D28)`` saved by Excel (the value 31 is cached)
    Fails:  ``=SUM(D6:D28)`` written by a script without a value
    """
    for table, row, col, _cdef, cell in _cells(report):
        if cell.state is CellState.FORMULA_NO_VALUE:
            yield make(
                "RC205",
                f"{where(report, table, row, col)}{at_zh(cell)} 是公式「={cell.formula}」但没有计算结果："
                f"请在 Excel/WPS 中打开并保存，或直接填写数值",
                f"{where_en(report, table, row, col)}{at(cell)} holds the formula "
                f"“={cell.formula}” with no calculated value: open and save the workbook in "
                f"Excel/WPS, or type the number",
                cell_fields(report, table, row, col),
                actual=f"={cell.formula}",
            )


@rule("RC206", "fee-amount-suspicious", Severity.WARNING, "收费金额可疑", "suspicious fee amount")
def fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """The 表二 fee amount looks as if it was written in 元 instead of 万元 (R6).

    本年收费金额 is in 万元. A value written with 元 (e.g. ``2500元``), or one of a million
    万元 or more (ten billion yuan), is most likely in the wrong unit.

    Passes: ``0``, ``25.6``, ``25.6万元``
    Fails:  ``2500元``, ``25600000``
    """
    for table, row, col, cdef, cell in _cells(report):
        if cdef.kind is not ValueKind.AMOUNT or not cell.numeric or cell.value is None:
            continue
        if cell.unit == "元":
            wan = cell.value / Decimal(10_000)
            yield make(
                "RC206",
                f"{where(report, table, row, col)}{at_zh(cell)} 写作「{shown(cell)}」，单位应为万元"
                f"（{fmt_number(cell.value)} 元 = {fmt_number(wan)} 万元）",
                f"{where_en(report, table, row, col)}{at(cell)} is written “{shown(cell)}”; the "
                f"unit is 10,000 yuan ({fmt_number(cell.value)} yuan = {fmt_number(wan)})",
                cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=fmt_number(wan),
            )
        elif cell.value >= _IMPLAUSIBLE_WAN:
            yield make(
                "RC206",
                f"{where(report, table, row, col)}{at_zh(cell)} = {fmt_number(cell.value)} 万元，"
                f"金额过大，是否按元填写？",
                f"{where_en(report, table, row, col)}{at(cell)} = {fmt_number(cell.value)} "
                f"(×10,000 yuan) is implausibly large: was it entered in yuan?",
                cell_fields(report, table, row, col),
                actual=cell.raw,
            )


@rule(
    "RC207",
    "placeholders",
    Severity.INFO,
    "空白或占位符按 0 计",
    "blanks and placeholders read as 0",
)
def placeholders(report: Report, settings: Settings) -> Iterator[Finding]:
    """Cells left blank or filled with a placeholder (/, -, —, 无) are read as 0.

    One finding per table, listing the cells, so that a clerk can see which cells were
    never filled in. The official tables expect 0 to be written as 0.

    Passes: every cell holds a number
    Fails (info): 表三 has 100 empty 法人或其他组织 cells
    """
    for table_id, data in report.tables.items():
        empty = [
            c for c in data.cells.values() if c.state in (CellState.BLANK, CellState.PLACEHOLDER)
        ]
        if not empty:
            continue
        addrs = [c.location.address for c in empty if c.location]
        addrs_zh = [c.location.zh for c in empty if c.location]
        listed = "、".join(addrs_zh[:8]) + (" 等" if len(addrs) > 8 else "")
        listed_en = ", ".join(addrs[:8]) + (", …" if len(addrs) > 8 else "")
        yield make(
            "RC207",
            f"{TABLE_SHORT[table_id]} 有 {len(empty)} 个单元格为空或占位符，按 0 计"
            + (f"：{listed}" if addrs else ""),
            f"{TABLE_EN[table_id]} has {len(empty)} blank or placeholder cells, read as 0"
            + (f": {listed_en}" if addrs else ""),
            table=table_id,
            table_label=f"{TABLE_SHORT[table_id]} {report.table_def(table_id).title}",
            cells=tuple(addrs),
            actual=str(len(empty)),
        )
