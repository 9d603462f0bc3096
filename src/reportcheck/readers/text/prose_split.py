"""Glued rows the prose decides: 「693665」 fits 69 · 3 · 665 and nine other splits, but the
report's text says 「制发行政规范性文件69件」 — only one reading agrees with it.

A row of digits that several readings fit is said (RC003) and not read. Here the figures the
prose states for that row's own cells (the same figures RC404 compares: 表二's 规章 and
规范性文件 made / repealed / in force; 表三's 予以公开, 部分公开 … as totals) are matched against
every reading: when exactly one agrees with all of them, and at least one figure constrains
the row, that reading is read and said (RC005 ``by_prose``, quoting the sentence) instead of
RC003. The prose rules then compare those figures with cells they decided: no evidence, and
the finding says so.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.report import Location, Report, TableData
from reportcheck.model.tables import TABLE_EN
from reportcheck.prose.figures import figures, quoted
from reportcheck.prose.quantities import DOC_COLUMNS
from reportcheck.readers import glued
from reportcheck.readers.grid import GridCell, cell_of
from reportcheck.readers.text.repair import Unresolved

_WHICH = {"": "made", "_in_force": "in_force", "_repealed": "repealed"}
"""The 表二 document quantity's id suffix (regulations_in_force …) → which of its counts."""


def _constraints(report: Report, u: Unresolved) -> dict[str, tuple[int, str]]:
    """Column id → (value, quoted sentence) the prose states for the row's cells."""
    tdef = report.table_def(u.table_id)
    rdef = u.row.row
    out: dict[str, tuple[int, str]] = {}
    for fig in figures(report):
        q = fig.quantity
        if q.table != u.table_id or q.row != rdef.id:
            continue
        if u.table_id == "applications":
            cols: tuple[str, ...] = ("total",)
        else:
            suffix = q.id[len(rdef.id) :] if q.id.startswith(rdef.id) else None
            if suffix is None or suffix not in _WHICH:
                continue
            cols = tuple(c for c in DOC_COLUMNS[_WHICH[suffix]] if tdef.has_column(c))
        for col in cols[:1]:
            held = out.get(col)
            if held is not None and held[0] != fig.value:
                return {}  # the prose says two things of one cell: it decides nothing
            out[col] = (fig.value, quoted(fig.sentence))
    return out


def resolve(
    report: Report,
    unresolved: list[Unresolved],
    location: Callable[[int, int | None], Location],
) -> None:
    """Read the glued rows whose one agreeing reading the prose names (see the module doc)."""
    for u in unresolved:
        data = report.tables.get(u.table_id)
        if data is None or any(k[0] == u.row.row.id for k in data.cells):
            continue
        said = _constraints(report, u)
        if not said:
            continue
        columns = [c.id for c in u.row.row.columns]
        agree = [
            opt
            for opt in u.row.reading.options
            if all(
                _value(glued.values_of(opt), columns, col) == value
                for col, (value, _) in said.items()
            )
        ]
        if len(agree) != 1:
            continue
        _read(data, u, agree[0], location)
        report.findings.remove(u.finding)
        tdef = report.table_def(u.table_id)
        sentence = next(iter(said.values()))[1]
        report.findings.append(
            emit(
                "RC005",
                {
                    "table": Tr(tdef.short, TABLE_EN[tdef.id]),
                    "row": u.row.row.full_label,
                    "run": u.row.run.strip(),
                    "count": len(u.row.reading.options),
                    "reading": " · ".join(t for t, _ in agree[0]),
                    "sentence": sentence,
                },
                variant="by_prose",
                hint="default",
                table=u.table_id,
                row=u.row.row.id,
                row_label=u.row.row.full_label,
                location=u.finding.location,
            )
        )


def _value(values: list[int | Decimal], columns: list[str], col: str) -> int | Decimal | None:
    return values[columns.index(col)] if col in columns else None


def _read(
    data: TableData,
    u: Unresolved,
    cells: glued.Cells,
    location: Callable[[int, int | None], Location],
) -> None:
    for col, (digits, off) in zip(u.row.row.columns, cells, strict=True):
        where = location(u.base + u.row.run_start + off, None)
        data.cells[(u.row.row.id, col.id)] = cell_of(GridCell(digits, where), col)
