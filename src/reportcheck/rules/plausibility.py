"""Plausibility (RC7xx): figures that add up but cannot be right.

Across years (RC701–RC703) a cell of this year's report is compared with the same cell of
``report.previous`` (see :mod:`reportcheck.rules.crossyear` for how reports are paired);
within one report (RC711, RC712) a figure is looked at with the table around it. None is an
error, each message says how it decided, and every threshold is
:class:`~reportcheck.config.Plausibility`. Money is Decimal, counts int; a ratio is computed
exactly (Decimal) and only rounded for the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, Number, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import at, at_zh, cell_fields, cell_name, positions
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import TableDef, ValueKind
from reportcheck.rules.crossyear import counts_in_force, in_force_dropped, previous_name
from reportcheck.rules.registry import rule

_NUMBER = CellState.NUMBER
_AMOUNT = ValueKind.AMOUNT
_COUNTS = (ValueKind.COUNT, ValueKind.SIGNED_COUNT)
_PROACTIVE = "proactive_disclosure"
_TOTALLED = ("applications", "review_litigation")
"""Tables whose rows RC702 compares by their 总计 only (one finding a row, not seven)."""
_UNIT_FACTORS = (10_000, 1_000)


def _previous_tr(previous: Report) -> Tr:
    return Tr(previous_name(previous, "zh"), previous_name(previous, "en"))


def _at(cell: Cell) -> Tr:
    return Tr(at_zh(cell), at(cell))


def _positive(cell: Cell | None) -> Number | None:
    """The cell's number when it is a number above 0 (blanks, text and 0 are not compared)."""
    if cell is None or cell.state is not _NUMBER or cell.value is None or cell.value <= 0:
        return None
    return cell.value


_KINDS: dict[int, tuple[TableDef, dict[tuple[str, str], tuple[ValueKind, str]]]] = {}


def _kinds(tdef: TableDef) -> dict[tuple[str, str], tuple[ValueKind, str]]:
    """(kind, row and column label) of every cell of a table's format, remembered per
    definition (by identity, as :func:`~reportcheck.findings.cells.positions`)."""
    hit = _KINDS.get(id(tdef))
    if hit is None or hit[0] is not tdef:
        kinds = {(r, c): (d.kind, f"{tdef.row(r).label}·{d.label}") for r, c, d in positions(tdef)}
        hit = _KINDS[id(tdef)] = (tdef, kinds)
    return hit[1]


def _pairs(
    report: Report, previous: Report
) -> Iterator[tuple[str, str, str, ValueKind, Cell, Number, Cell, Number]]:
    """(table, row, column, kind, this year's cell and number, last year's cell and number)
    of every cell that holds a number above 0 in both reports. Reports on different format
    versions are compared where a cell has the same row and column labels in both."""
    for table, data in report.tables.items():
        before = previous.tables.get(table)
        if before is None:
            continue
        tdef, last_def = report.table_def(table), previous.table_def(table)
        kinds = _kinds(tdef)
        last_kinds = kinds if last_def is tdef else _kinds(last_def)
        last_cells = before.cells
        for key, now_cell in data.cells.items():
            now = _positive(now_cell)
            if now is None:
                continue
            known = kinds.get(key)
            if known is None or (last_kinds is not kinds and last_kinds.get(key) != known):
                continue
            last_cell = last_cells.get(key)
            last = _positive(last_cell)
            if last is None:
                continue
            assert last_cell is not None
            yield table, key[0], key[1], known[0], now_cell, now, last_cell, last


def _digits(value: Number) -> tuple[str, int]:
    """The significant digits of a number above 0 and its exponent (``12.30`` → ``("123",
    -1)``, ``1200`` → ``("12", 2)``)."""
    _sign, digits, exponent = Decimal(value).normalize().as_tuple()
    assert isinstance(exponent, int)
    return "".join(map(str, digits)), exponent


def _shift(now: Number, last: Number, kind: ValueKind) -> int | None:
    """The power of ten between two figures written with the same significant digits
    (1268 and 12680: 1), when that is telling: at least two significant digits (three for a
    count shifted by one or two places, which ordinary changes reach now and then)."""
    a, ea = _digits(now)
    b, eb = _digits(last)
    if a != b or ea == eb:
        return None
    k = ea - eb
    need = 3 if kind in _COUNTS and abs(k) <= 2 else 2
    if len(a) < need or not 1 <= abs(k) <= 4:
        return None
    return k


def _ratio_text(ratio: Decimal) -> str:
    if ratio >= 100:
        return f"{ratio:,.0f}"
    return f"{ratio:.1f}"


def _times(factor: int, grew: bool) -> Tr:
    if grew:
        return Tr(f"{factor:,} 倍", f"{factor:,} times")
    return Tr(f"1/{factor:,}", f"1/{factor:,} of")


def _near(factor: int, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    return Decimal(factor) / tolerance, Decimal(factor) * tolerance


def _bound(value: Decimal, grew: bool) -> str:
    return f"{value:,.0f}" if grew else f"1/{value:,.0f}"


def _unit_factor(now: Number, last: Number, tolerance: Decimal) -> tuple[int, bool] | None:
    """(factor, whether it grew) when the fee changed by about 10,000 or 1,000 times."""
    grew = now > last
    ratio = Decimal(now) / Decimal(last) if grew else Decimal(last) / Decimal(now)
    for factor in _UNIT_FACTORS:
        low, high = _near(factor, tolerance)
        if low <= ratio <= high:
            return factor, grew
    return None


def _slip(factor: int, grew: bool, now: Number) -> Tr:
    if factor == 10_000 and grew:
        wan = fmt_number(Decimal(now) / 10_000)
        return Tr(
            f"本年的数可能是以元填写的：除以 10,000 为 {wan} 万元。",
            f"This year's figure may be in yuan: divided by 10,000 it is {wan}.",
        )
    if factor == 10_000:
        return Tr(
            "上年报告的数可能是以元填写的，或本年的数少了四位。",
            "Last year's figure may have been in yuan, or this year's has lost four digits.",
        )
    if grew:
        return Tr(
            "本年的数可能多写了三个 0，或以千元、元填写后换算有误。",
            "This year's figure may have three zeros too many, or was converted wrongly "
            "from thousands of yuan or yuan.",
        )
    return Tr(
        "本年的数可能少写了三个 0，或上年报告的数有误。",
        "This year's figure may have three zeros too few, or last year's is wrong.",
    )


def _extra(previous: Report, last_cell: Cell, last: Number) -> dict[str, str]:
    return {
        "previous_file": previous.source,
        "previous_year": str(previous.metadata.year or ""),
        "previous_location": last_cell.location.address if last_cell.location else "",
        "previous_value": fmt_number(last) or "",
    }


def _slip_of(
    kind: ValueKind, now_cell: Cell, now: Number, last_cell: Cell, last: Number, tolerance: Decimal
) -> tuple[str, dict[str, object]] | None:
    """The RC701 message variant and its own parameters when this pair of figures looks
    like a slip, else None."""
    if kind is _AMOUNT and now_cell.unit != "元" and last_cell.unit != "元":
        unit = _unit_factor(now, last, tolerance)
        if unit is not None:
            factor, grew = unit
            low, high = _near(factor, tolerance)
            ratio = Decimal(now) / Decimal(last) if grew else Decimal(last) / Decimal(now)
            return "default", {
                "factor": _times(factor, grew),
                "slip": _slip(factor, grew, now),
                "ratio": _ratio_text(ratio) if grew else f"1/{_ratio_text(ratio)}",
                "low": _bound(low if grew else high, grew),
                "high": _bound(high if grew else low, grew),
            }
    if kind is not _AMOUNT and kind not in _COUNTS:
        return None
    k = _shift(now, last, kind)
    if k is None:
        return None
    return "digits", {"factor": _times(10 ** abs(k), k > 0), "digits": _digits(now)[0]}


@rule("RC701")
def unit_slip(report: Report, settings: Settings) -> Iterator[Finding]:
    """A figure about 10,000 or 1,000 times last year's, or last year's digits shifted."""
    previous = report.previous
    if previous is None:
        return
    tolerance = settings.plausibility.unit_tolerance
    for table, row, column, kind, now_cell, now, last_cell, last in _pairs(report, previous):
        slip = _slip_of(kind, now_cell, now, last_cell, last, tolerance)
        if slip is None:
            continue
        variant, own = slip
        yield emit(
            "RC701",
            {
                "cell": cell_name(report, table, row, column, now_cell),
                "before": last,
                "previous": _previous_tr(previous),
                "before_at": _at(last_cell),
                "value": now,
                **own,
            },
            variant=variant,
            fields=cell_fields(report, table, row, column),
            actual=now_cell.raw,
            extra=_extra(previous, last_cell, last),
        )


@rule("RC702")
def count_jump(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count (a 表二 figure, a 表三 or 表四 row's 总计) changed by ×20 and by 50 or more."""
    previous = report.previous
    if previous is None:
        return
    p = settings.plausibility
    for table, row, column, kind, now_cell, now, last_cell, last in _pairs(report, previous):
        if kind not in _COUNTS or (table in _TOTALLED and column != "total"):
            continue
        grew = now > last
        ratio = Decimal(now) / Decimal(last) if grew else Decimal(last) / Decimal(now)
        change: Number = now - last if grew else last - now
        if ratio < p.jump_factor or change < p.jump_minimum:
            continue
        if _slip_of(kind, now_cell, now, last_cell, last, p.unit_tolerance) is not None:
            continue  # RC701 says what it is
        yield emit(
            "RC702",
            {
                "cell": cell_name(report, table, row, column, now_cell),
                "before": last,
                "previous": _previous_tr(previous),
                "before_at": _at(last_cell),
                "value": now,
                "times": Tr(
                    f"是上年的约 {_ratio_text(ratio)} 倍",
                    f"about {_ratio_text(ratio)} times last year's",
                )
                if grew
                else Tr(
                    f"只有上年的约 1/{_ratio_text(ratio)}",
                    f"about 1/{_ratio_text(ratio)} of last year's",
                ),
                "change": change,
                "factor": p.jump_factor,
                "minimum": p.jump_minimum,
            },
            fields=cell_fields(report, table, row, column),
            actual=now_cell.raw,
            extra=_extra(previous, last_cell, last),
        )


@rule("RC703")
def in_force_to_zero(report: Report, settings: Settings) -> Iterator[Finding]:
    """表二 现行有效件数 fell to 0 from 10 or more without as many repealed."""
    previous = report.previous
    if previous is None:
        return
    if not (counts_in_force(report) and counts_in_force(previous)):
        return
    for row in ("regulations", "normative_documents"):
        found = in_force_dropped(report, previous, row, settings)
        if found is None:
            continue
        now_cell, last_cell, last, repealed_cell, repealed = found
        yield emit(
            "RC703",
            {
                "cell": cell_name(report, _PROACTIVE, row, "in_force", now_cell),
                "before": last,
                "previous": _previous_tr(previous),
                "before_at": _at(last_cell),
                "repealed": repealed,
                "repealed_at": _at(repealed_cell),
                "minimum": settings.plausibility.in_force_minimum,
            },
            fields=cell_fields(report, _PROACTIVE, row, "in_force"),
            actual=now_cell.raw,
            extra=_extra(previous, last_cell, last),
        )


# --------------------------------------------------------------------------- within a report


@rule("RC711")
def fee_decimals(report: Report, settings: Settings) -> Iterator[Finding]:
    """A 万元 amount finer than a fen: more than ``fee_decimals`` (6) decimal places."""
    places_max = settings.plausibility.fee_decimals
    for table, data in report.tables.items():
        for row, column, cdef in positions(report.table_def(table)):
            if cdef.kind is not _AMOUNT:
                continue
            cell = data.get(row, column)
            value = _positive(cell)
            if cell is None or value is None or cell.unit == "元":
                continue
            exponent = Decimal(value).normalize().as_tuple().exponent
            assert isinstance(exponent, int)
            if -exponent <= places_max:
                continue
            yield emit(
                "RC711",
                {
                    "cell": cell_name(report, table, row, column, cell),
                    "value": value,
                    "places": -exponent,
                    "yuan": Decimal(value) * 10_000,
                    "unit": Decimal(10) ** (4 - places_max),
                    "max": places_max,
                },
                fields=cell_fields(report, table, row, column),
                actual=cell.raw,
            )


def _half(value: Number) -> int | None:
    """21 for 2121 (a whole number whose digits are one string of two or more digits
    written twice), else None."""
    if not isinstance(value, int) or value < 1010:
        return None
    text = str(value)
    n = len(text)
    if n % 2 or text[: n // 2] != text[n // 2 :]:
        return None
    return int(text[: n // 2])


@rule("RC712")
def doubled_digits(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count that is another count typed twice (2121 for 21), when a relation of the
    table holds with the half."""
    doubled = {
        (table, row, column): half
        for table, data in report.tables.items()
        for (row, column), cell in data.cells.items()
        # (most counts are small: the test that costs nothing first)
        if type(cell.value) is int and cell.value >= 1010 and cell.state is _NUMBER
        if (half := _half(cell.value)) is not None
    }
    if not doubled:
        return
    from reportcheck.rules.arithmetic import evaluate, relations_of

    every = relations_of(report)
    failing, passing = evaluate(report, every)
    held = {ref for rel in passing for ref in rel.cells}
    seen: set[tuple[str, str, str]] = set()
    for rel, chk in failing:
        for ref in rel.cells:
            half = doubled.get(ref)
            if half is None or ref in seen or ref in held:
                continue
            cell = report.tables[ref[0]].get(ref[1], ref[2])
            assert cell is not None and cell.value is not None
            needed = -chk.residual if ref in rel.lhs else chk.residual
            if half - cell.value != needed:
                continue
            seen.add(ref)
            yield emit(
                "RC712",
                {
                    "cell": cell_name(report, *ref, cell),
                    "value": cell.value,
                    "half": half,
                    "relation": Tr(rel.summary, rel.summary_en),
                    "lhs": chk.lhs_sum,
                    "rhs": chk.rhs_sum,
                },
                fields=cell_fields(report, *ref),
                actual=cell.raw,
                expected=str(half),
                suggestion=str(half),
            )
