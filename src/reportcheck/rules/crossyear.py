"""Cross-year continuity: this year's report against last year's (R7, R8).

A report is compared with ``report.previous``, the same agency's report of the year before.
The rules never look for it: the library pairs the reports (:mod:`reportcheck.pairing`) —
``reportcheck validate --previous LAST_YEAR FILE``, or consecutive years of one agency
checked in the same call. Without a previous report these rules say nothing.

Blanks and placeholders (/, -, —, 无) count as the 0 they stand for, as in the arithmetic
rules; a cell that is missing, holds text or is a formula never calculated is not compared
(the value rules report it in its own report).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportcheck.config import Settings
from reportcheck.findings import Finding, Number, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import at, at_zh, cell_fields, cell_name, shown, shown_en
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import APPLICANT_COLUMNS
from reportcheck.records import record
from reportcheck.rules.registry import rule

_COMPARABLE = (CellState.NUMBER, CellState.BLANK, CellState.PLACEHOLDER)
_COLUMNS = tuple(c.id for c in APPLICANT_COLUMNS)
_PARTS = _COLUMNS[:-1]
"""The six applicant columns that add up to 总计."""
_APPS = "applications"
_PROACTIVE = "proactive_disclosure"


@record(frozen=True)
class _Value:
    """A cell that can be compared, and the number it counts as."""

    cell: Cell
    number: Number


def _value(report: Report, table: str, row: str, column: str) -> _Value | None:
    data = report.tables.get(table)
    cell = data.get(row, column) if data is not None else None
    if cell is None or cell.state not in _COMPARABLE:
        return None
    return _Value(cell, cell.arithmetic_value())


def _row(report: Report, table: str, row: str) -> dict[str, _Value]:
    """The comparable cells of a 表三 row, by column id."""
    if table not in report.tables or not report.table_def(table).has_row(row):
        return {}
    out: dict[str, _Value] = {}
    for column in _COLUMNS:
        v = _value(report, table, row, column)
        if v is not None:
            out[column] = v
    return out


def previous_name(previous: Report, lang: str) -> str:
    """``2023 年度，2023年报.json`` — how messages name last year's report."""
    year = previous.metadata.year
    if lang == "zh":
        return f"{year} 年度，{previous.source}" if year else previous.source
    return f"{year}, {previous.source}" if year else previous.source


def _address(cell: Cell) -> str:
    return cell.location.address if cell.location else ""


def _shown_en(cell: Cell) -> str:
    return (fmt_number(cell.value) if cell.numeric else None) or shown_en(cell)


def _shown(cell: Cell) -> str:
    return (fmt_number(cell.value) if cell.numeric else None) or shown(cell)


def _at(cell: Cell) -> Tr:
    return Tr(at_zh(cell), at(cell))


def _value_tr(cell: Cell) -> Tr:
    return Tr(_shown(cell), _shown_en(cell))


def _previous_tr(previous: Report) -> Tr:
    return Tr(previous_name(previous, "zh"), previous_name(previous, "en"))


# --------------------------------------------------------------------------- RC500


# --------------------------------------------------------------------------- RC501


def in_force_dropped(
    report: Report, previous: Report, row: str, settings: Settings
) -> tuple[Cell, Cell, Number, Cell, Number] | None:
    """(this year's cell, last year's cell and figure, the repealed cell and figure) when
    表二 ``row``'s 现行有效件数 fell to 0 (or blank) from at least ``in_force_minimum``
    with fewer repealed than were in force (RC703, :mod:`reportcheck.rules.plausibility`);
    RC502 leaves such a row to RC703."""
    data, before = report.tables.get(_PROACTIVE), previous.tables.get(_PROACTIVE)
    if data is None or before is None:
        return None
    now_cell = data.get(row, "in_force")
    last_cell = before.get(row, "in_force")
    repealed_cell = data.get(row, "repealed")
    if now_cell is None or last_cell is None or repealed_cell is None:
        return None
    zeroish = (CellState.NUMBER, CellState.BLANK, CellState.PLACEHOLDER)
    if now_cell.state not in zeroish or now_cell.arithmetic_value() != 0:
        return None
    last = _positive_value(last_cell)
    if last is None or last < settings.plausibility.in_force_minimum:
        return None
    if repealed_cell.state not in zeroish:
        return None
    repealed = repealed_cell.arithmetic_value()
    if repealed >= last:
        return None
    return now_cell, last_cell, last, repealed_cell, repealed


def _positive_value(cell: Cell) -> Number | None:
    """The cell's number when it is a number above 0."""
    if cell.state is not CellState.NUMBER or cell.value is None or cell.value <= 0:
        return None
    return cell.value


@rule("RC501")
def carried_over(report: Report, settings: Settings) -> Iterator[Finding]:
    """This year's 表三 二、上年结转 differs from last year's 四、结转下年度继续办理 (R7)."""
    previous = report.previous
    if previous is None:
        return
    now = _row(report, _APPS, "carried_over")
    before = _row(previous, _APPS, "carried_forward")
    differ = [c for c in _COLUMNS if c in now and c in before and now[c].number != before[c].number]
    if not differ:
        return
    if len(differ) >= 2:
        why = _row_cause(report, previous, now, before)
        if why is not None:
            yield _row_finding(report, previous, now, before, differ, why)
            return
    follows: str | None = None
    parts = [c for c in differ if c != "total"]
    if "total" in differ and parts and all(c in now and c in before for c in _PARTS):
        part_change = sum((now[c].number - before[c].number for c in _PARTS), 0)
        if part_change == now["total"].number - before["total"].number:
            differ = parts  # the total differs only because the parts do
            if len(parts) == 1:
                follows = "total"
    for column in differ:
        yield _column_finding(report, previous, column, now, before, follows)


def _row_cause(
    report: Report, previous: Report, now: dict[str, _Value], before: dict[str, _Value]
) -> Tr | None:
    """One cause that explains every differing column of the row (zh, en), or None."""
    if len(now) < len(_COLUMNS) or len(before) < len(_COLUMNS):
        return None
    mine = [now[c].number for c in _COLUMNS]
    if all(v == 0 for v in mine):
        return Tr("本年报告这一行全部为 0 或空", "this year's row is all 0 or blank")
    last_over = _row(previous, _APPS, "carried_over")
    if len(last_over) == len(_COLUMNS) and [last_over[c].number for c in _COLUMNS] == mine:
        return Tr(
            "这一行与上年报告的「二、上年结转政府信息公开申请数量」相同，可能照抄了上年报告的上年结转数",
            "the row equals last year's own 'carried over from last year' row: it may have "
            "been copied from last year's report unchanged",
        )
    forward = _row(report, _APPS, "carried_forward")
    if len(forward) == len(_COLUMNS) and [forward[c].number for c in _COLUMNS] == mine:
        return Tr(
            "这一行与本年报告的「四、结转下年度继续办理」相同，可能填成了本年的结转下年度数",
            "the row equals this year's 'carried forward to next year' row: this year's "
            "figures may have been written in",
        )
    theirs = [before[c].number for c in _PARTS]
    if mine[-1] == before["total"].number:
        for k, zh, en in ((1, "右", "right"), (-1, "左", "left")):
            if _shifted(theirs, mine[:-1], k):
                return Tr(
                    f"各列数字整体向{zh}错了一列",
                    f"the figures are shifted one column to the {en}",
                )
    return None


def _shifted(theirs: list[Number], mine: list[Number], k: int) -> bool:
    """Whether ``mine`` is ``theirs`` moved ``k`` columns (what falls off or comes in is 0)."""
    if not any(theirs):
        return False
    n = len(theirs)
    for i in range(n):
        j = i - k
        if 0 <= j < n:
            if mine[i] != theirs[j]:
                return False
        elif mine[i] != 0:
            return False
    dropped = theirs[n - k :] if k > 0 else theirs[:-k]
    return not any(dropped)


def _row_finding(
    report: Report,
    previous: Report,
    now: dict[str, _Value],
    before: dict[str, _Value],
    differ: list[str],
    why: Tr,
) -> Finding:
    tdef = report.table_def(_APPS)
    row = tdef.row("carried_over")
    last_row = previous.table_def(_APPS).row("carried_forward")
    zh_parts, en_parts = [], []
    for c in differ:
        label = row.column(c)
        mine, theirs = now[c].cell, before[c].cell
        zh_parts.append(
            f"{label.label}{at_zh(mine)} = {_shown(mine)}（上年{at_zh(theirs)} = {_shown(theirs)}）"
        )
        en_parts.append(
            f"{label.en}{at(mine)} = {_shown_en(mine)} (last year{at(theirs)}: {_shown_en(theirs)})"
        )
    first = now[differ[0]].cell
    return emit(
        "RC501",
        {
            "row": Tr(row.label, "carried over from last year"),
            "previous": _previous_tr(previous),
            "last_row": Tr(last_row.label, "carried forward to next year"),
            "count": len(differ),
            "cause": why,
            "columns": Tr("；".join(zh_parts), "; ".join(en_parts)),
        },
        variant="row",
        fields=cell_fields(report, _APPS, "carried_over"),
        location=first.location,
        cells=tuple(_address(now[c].cell) for c in differ if now[c].cell.location),
        actual="、".join(_shown(now[c].cell) for c in _COLUMNS),
        expected="、".join(fmt_number(before[c].number) or "" for c in _COLUMNS),
        extra={
            "previous_file": previous.source,
            "previous_year": str(previous.metadata.year or ""),
            "previous_cells": ", ".join(_address(before[c].cell) for c in differ),
            "cause": why.en,
        },
    )


def _column_finding(
    report: Report,
    previous: Report,
    column: str,
    now: dict[str, _Value],
    before: dict[str, _Value],
    follows: str | None,
) -> Finding:
    mine, theirs = now[column], before[column]
    diff = mine.number - theirs.number
    params: dict[str, object] = {
        "cell": cell_name(report, _APPS, "carried_over", column, mine.cell),
        "value": _value_tr(mine.cell),
        "previous": _previous_tr(previous),
        "last_cell": cell_name(previous, _APPS, "carried_forward", column, theirs.cell),
        "last_value": _value_tr(theirs.cell),
    }
    fields = cell_fields(report, _APPS, "carried_over", column)
    variant = "default"
    if follows is not None:
        total = now[follows].cell
        variant = "with_total"
        params |= {"total": Tr(at_zh(total), at(total)), "difference": diff}
        if total.location:
            fields["cells"] = (*fields.get("cells", ()), total.location.address)
    return emit(
        "RC501",
        params,
        variant=variant,
        fields=fields,
        actual=mine.cell.raw,
        expected=fmt_number(theirs.number),
        difference=fmt_number(diff),
        extra={
            "previous_file": previous.source,
            "previous_year": str(previous.metadata.year or ""),
            "previous_location": _address(theirs.cell),
            "previous_value": fmt_number(theirs.number) or "",
        },
    )


# --------------------------------------------------------------------------- RC502


@rule("RC502")
def documents_in_force(report: Report, settings: Settings) -> Iterator[Finding]:
    """表二 现行有效件数 does not add up from last year's: check it (R8)."""
    previous = report.previous
    if previous is None or not (counts_in_force(report) and counts_in_force(previous)):
        return

    for row in ("regulations", "normative_documents"):
        made = _value(report, _PROACTIVE, row, "made")
        repealed = _value(report, _PROACTIVE, row, "repealed")
        now = _value(report, _PROACTIVE, row, "in_force")
        before = _value(previous, _PROACTIVE, row, "in_force")
        if made is None or repealed is None or now is None or before is None:
            continue
        if settings.enabled("RC703") and in_force_dropped(report, previous, row, settings):
            continue  # fallen to 0: RC703 says so, with the likely cause
        expected = before.number + made.number - repealed.number
        if now.number == expected:
            continue
        yield _in_force_finding(report, previous, row, made, repealed, now, before, expected)


def counts_in_force(report: Report) -> bool:
    """Whether the report's 表二 counts documents made, repealed and in force (2021 on)."""
    if report.format_version is None:
        return False
    table = report.table_def(_PROACTIVE)
    return all(table.has_column(c) for c in ("made", "repealed", "in_force"))


def _in_force_finding(
    report: Report,
    previous: Report,
    row: str,
    made: _Value,
    repealed: _Value,
    now: _Value,
    before: _Value,
    expected: Number,
) -> Finding:
    n = fmt_number
    return emit(
        "RC502",
        {
            "cell": cell_name(report, _PROACTIVE, row, "in_force", now.cell),
            "value": _value_tr(now.cell),
            "before": before.number,
            "previous": _previous_tr(previous),
            "before_at": _at(before.cell),
            "made": made.number,
            "made_at": _at(made.cell),
            "repealed": repealed.number,
            "repealed_at": _at(repealed.cell),
            "expected": expected,
        },
        hint="default",
        fields=cell_fields(report, _PROACTIVE, row, "in_force"),
        actual=now.cell.raw,
        expected=n(expected),
        difference=n(now.number - expected),
        extra={
            "previous_file": previous.source,
            "previous_year": str(previous.metadata.year or ""),
            "previous_location": _address(before.cell),
            "previous_value": n(before.number) or "",
        },
    )
