"""Value checks: every cell holds what its column allows (R4, R6)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, Severity, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import TABLE_SHORT, ColumnDef, ValueKind
from reportcheck.rules.common import cell_fields, cell_name, shown, table_name
from reportcheck.rules.registry import declare, rule

_EXPECT = {
    ValueKind.COUNT: Tr("不小于 0 的整数", "a whole number ≥ 0"),
    ValueKind.SIGNED_COUNT: Tr("整数（可为负数）", "a whole number (may be negative)"),
    ValueKind.AMOUNT: Tr("不小于 0 的数（单位：万元）", "a number ≥ 0 (in 10,000 yuan)"),
    ValueKind.MONEY: Tr("金额", "an amount of money"),
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


@rule("RC201")
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
            kind = _EXPECT[cdef.kind]
            yield emit(
                "RC201",
                {
                    "cell": cell_name(report, table, row, col, cell),
                    "raw": cell.raw.strip(),
                    "expected": kind,
                },
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=kind.zh,
            )


@rule("RC202")
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
            yield emit(
                "RC202",
                {"cell": cell_name(report, table, row, col, cell), "value": cell.value},
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind].zh,
            )


@rule("RC203")
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
            yield emit(
                "RC203",
                {"cell": cell_name(report, table, row, col, cell), "value": cell.value},
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind].zh,
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


@rule("RC205")
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
            yield emit(
                "RC205",
                {"cell": cell_name(report, table, row, col, cell), "formula": cell.formula},
                fields=cell_fields(report, table, row, col),
                actual=f"={cell.formula}",
            )


@rule("RC206")
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
            yield emit(
                "RC206",
                {
                    "cell": cell_name(report, table, row, col, cell),
                    "shown": shown(cell),
                    "yuan": cell.value,
                    "wan": wan,
                },
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=fmt_number(wan),
            )
        elif cell.value >= _IMPLAUSIBLE_WAN:
            yield emit(
                "RC206",
                {"cell": cell_name(report, table, row, col, cell), "value": cell.value},
                variant="large",
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
            )


@rule("RC207")
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
        params: dict[str, object] = {"table": table_name(table_id), "count": len(empty)}
        if addrs:
            params["cells"] = Tr(listed, listed_en)
        yield emit(
            "RC207",
            params,
            variant="default" if addrs else "unlocated",
            table=table_id,
            table_label=f"{TABLE_SHORT[table_id]} {report.table_def(table_id).title}",
            cells=tuple(addrs),
            actual=str(len(empty)),
        )
