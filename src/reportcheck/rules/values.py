"""Value checks: every cell holds what its column allows (R4, R6)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import cell_fields, cell_name, positions, shown, table_name
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import TABLE_SHORT, ColumnDef, ValueKind
from reportcheck.model.values import elide, long_number_digits, words_number
from reportcheck.rules.registry import rule

_EXPECT = {
    ValueKind.COUNT: Tr("不小于 0 的整数", "a whole number ≥ 0"),
    ValueKind.SIGNED_COUNT: Tr("整数（可为负数）", "a whole number (may be negative)"),
    ValueKind.AMOUNT: Tr("不小于 0 的数（单位：万元）", "a number ≥ 0 (in 10,000 yuan)"),
    ValueKind.MONEY: Tr("金额", "an amount of money"),
}

# A fee amount in 万元 at or above this is almost certainly written in 元.
_IMPLAUSIBLE_WAN = Decimal(1_000_000)


def _tables(
    report: Report,
) -> Iterator[tuple[str, dict[tuple[str, str], Cell], tuple[tuple[str, str, ColumnDef], ...]]]:
    """(table id, cells read, positions of the format) of each table read. Each rule picks
    its cells from them in one comprehension (a generator of every cell, asked by six rules
    of every file, cost more than the rules)."""
    for table_id, data in report.tables.items():
        yield table_id, data.cells, positions(report.table_def(table_id))


_NUMBER = CellState.NUMBER


@rule("RC201")
def not_a_number(report: Report, settings: Settings) -> Iterator[Finding]:
    """A numeric cell holds text that is not a number."""
    # a cell the reader said it could not read (a scan's unsure figure, RC003) is not text
    unread = {(f.table, f.row, f.column) for f in report.findings if f.code == "RC003" and f.column}
    for table, cells, places in _tables(report):
        text = CellState.TEXT
        picked = [
            (r, c, d, x)
            for r, c, d in places
            if (x := cells.get((r, c))) is not None
            and x.state is text
            and (table, r, c) not in unread
        ]
        for row, col, cdef, cell in picked:
            kind = _EXPECT[cdef.kind]
            in_words = words_number(cell.raw)
            raw = cell.raw.strip()
            digits = long_number_digits(raw)
            params: dict[str, object] = {
                "cell": cell_name(report, table, row, col, cell),
                "raw": elide(raw),
                "expected": kind,
            }
            if digits is not None:
                params["digits"] = digits
            yield emit(
                "RC201",
                params,
                variant="default" if digits is None else "long",
                fields=cell_fields(report, table, row, col),
                actual=elide(cell.raw, 200),
                expected=kind.zh,
                suggestion=str(in_words) if in_words is not None else None,
            )


_FULL_WIDTH = re.compile("[\uff10-\uff19]")
_SUBMISSIONS = ("xlsx", "csv", "json")


@rule("RC208")
def full_width(report: Report, settings: Settings) -> Iterator[Finding]:
    """A workbook, CSV or JSON cell written in full-width digits (text to Excel)."""
    if report.kind not in _SUBMISSIONS:
        return
    for table, cells, places in _tables(report):
        picked = [
            (r, c, x)
            for r, c, _d in places
            if (x := cells.get((r, c))) is not None
            and x.state is _NUMBER
            and x.value is not None
            and not x.raw.isascii()  # full-width digits are not ASCII
        ]
        for row, col, cell in picked:
            if not _FULL_WIDTH.search(cell.raw) or cell.unit == "元":
                continue
            yield emit(
                "RC208",
                {
                    "cell": cell_name(report, table, row, col, cell),
                    "raw": cell.raw.strip(),
                    "value": cell.value,
                },
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=fmt_number(cell.value),
                suggestion=fmt_number(cell.value),
            )


@rule("RC202")
def negative(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count or amount is negative."""
    signed = ValueKind.SIGNED_COUNT
    for table, cells, places in _tables(report):
        picked = [
            (r, c, d, x)
            for r, c, d in places
            if (x := cells.get((r, c))) is not None
            and x.state is _NUMBER
            and x.value is not None
            and x.value < 0
            and d.kind is not signed
        ]
        for row, col, cdef, cell in picked:
            yield emit(
                "RC202",
                {"cell": cell_name(report, table, row, col, cell), "value": cell.value},
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind].zh,
            )


@rule("RC203")
def not_whole(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count has a fractional part."""
    money = (ValueKind.AMOUNT, ValueKind.MONEY)
    for table, cells, places in _tables(report):
        picked = [
            (r, c, d, x)
            for r, c, d in places
            if (x := cells.get((r, c))) is not None
            and x.state is _NUMBER
            and isinstance(x.value, Decimal)
            and d.kind not in money
        ]
        for row, col, cdef, cell in picked:
            yield emit(
                "RC203",
                {"cell": cell_name(report, table, row, col, cell), "value": cell.value},
                fields=cell_fields(report, table, row, col),
                actual=cell.raw,
                expected=_EXPECT[cdef.kind].zh,
            )


@rule("RC205")
def formula_no_value(report: Report, settings: Settings) -> Iterator[Finding]:
    """An Excel cell holds a formula whose result was never calculated and saved."""
    for table, cells, places in _tables(report):
        unsaved = CellState.FORMULA_NO_VALUE
        picked = [
            (r, c, x)
            for r, c, _d in places
            if (x := cells.get((r, c))) is not None and x.state is unsaved
        ]
        for row, col, cell in picked:
            yield emit(
                "RC205",
                {"cell": cell_name(report, table, row, col, cell), "formula": cell.formula},
                fields=cell_fields(report, table, row, col),
                actual=f"={cell.formula}",
            )


@rule("RC206")
def fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """The 表二 fee amount looks as if it was written in 元 instead of 万元 (R6)."""
    amount = ValueKind.AMOUNT
    for table, cells, places in _tables(report):
        picked = [
            (r, c, x)
            for r, c, d in places
            if d.kind is amount
            and (x := cells.get((r, c))) is not None
            and x.state is _NUMBER
            and x.value is not None
        ]
        for row, col, cell in picked:
            assert cell.value is not None
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
                    suggestion=fmt_number(wan),
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
    """Cells left blank or filled with a placeholder (/, -, —, 无) are read as 0."""
    for table_id, data in report.tables.items():
        empty = [
            c for c in data.cells.values() if c.state in (CellState.BLANK, CellState.PLACEHOLDER)
        ]
        if not empty:
            continue
        # each place once (cells of one line of a text share it); the list says when it
        # does not name every counted cell (more than 8, or cells without a place)
        places = {c.location.address: c.location.zh for c in empty if c.location}
        addrs = list(places)
        more = len(empty) > min(len(addrs), 8)
        listed = "、".join(list(places.values())[:8]) + (" 等" if more else "")
        listed_en = ", ".join(addrs[:8]) + (", …" if more else "")
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
