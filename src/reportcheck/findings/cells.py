"""How a finding names a cell: labels, places and cell descriptions for messages, shared by
the rules and the prose checks (below both)."""

from __future__ import annotations

from typing import Any

from reportcheck.findings import Term
from reportcheck.findings.catalogue import Tr
from reportcheck.model.report import Cell, Report
from reportcheck.model.tables import TABLE_EN, TABLE_SHORT, ColumnDef, RowDef, TableDef

_POSITIONS: dict[int, tuple[TableDef, tuple[tuple[str, str, ColumnDef], ...]]] = {}


def positions(tdef: TableDef) -> tuple[tuple[str, str, ColumnDef], ...]:
    """(row id, column id, column) of every cell of a table's format, in order.

    Remembered per definition (by identity: definitions never change once made), since
    every value rule walks them for every file.
    """
    hit = _POSITIONS.get(id(tdef))
    if hit is None or hit[0] is not tdef:
        cells = tuple((r.id, c.id, c) for r in tdef.rows for c in r.columns)
        hit = _POSITIONS[id(tdef)] = (tdef, cells)
    return hit[1]


_KEYS: dict[int, tuple[TableDef, frozenset[tuple[str, str]]]] = {}


def position_keys(tdef: TableDef) -> frozenset[tuple[str, str]]:
    """The (row id, column id) of every cell of a table's format (see :func:`positions`)."""
    hit = _KEYS.get(id(tdef))
    if hit is None or hit[0] is not tdef:
        hit = _KEYS[id(tdef)] = (tdef, frozenset((r, c) for r, c, _ in positions(tdef)))
    return hit[1]


def where(report: Report, table: str, row: str | None = None, column: str | None = None) -> str:
    """``表三 （一）予以公开·自然人`` — how a clerk names a cell."""
    parts = [TABLE_SHORT[table]]
    if row:
        rdef = report.table_def(table).row(row)
        name = rdef.full_label
        if column:
            name += "·" + rdef.column(column).label
        parts.append(name)
    return " ".join(parts)


def where_en(report: Report, table: str, row: str | None = None, column: str | None = None) -> str:
    """``Table 3 disclosed · natural persons`` (English)."""
    parts = [TABLE_EN[table]]
    if row:
        rdef = report.table_def(table).row(row)
        name = f"{rdef.en} ({rdef.label})"
        if column:
            name += f" · {rdef.column(column).en}"
        parts.append(name)
    return " ".join(parts)


def cell_name(report: Report, table: str, row: str, column: str, cell: Cell | None = None) -> Tr:
    """How each language names a cell in a message: :func:`where` and the cell's place
    (``表三 （一）予以公开·自然人 第 21 行第 3 栏`` / ``Table 3 … D7``)."""
    return Tr(
        where(report, table, row, column) + at_zh(cell),
        where_en(report, table, row, column) + at(cell),
    )


def table_name(table: str) -> Tr:
    """``表三`` / ``Table 3``."""
    return Tr(TABLE_SHORT[table], TABLE_EN[table])


def shown_tr(cell: Cell) -> Tr:
    """What the cell says, in each language (:func:`shown`, :func:`shown_en`)."""
    return Tr(shown(cell), shown_en(cell))


def cell_fields(
    report: Report, table: str, row: str | None = None, column: str | None = None
) -> dict[str, Any]:
    """Keyword arguments locating a finding at a table / row / column."""
    tdef = report.table_def(table)
    out: dict[str, Any] = {"table": table, "table_label": f"{tdef.short} {tdef.title}"}
    if row:
        rdef: RowDef = tdef.row(row)
        out["row"] = row
        out["row_label"] = rdef.full_label
        if column:
            cdef: ColumnDef = rdef.column(column)
            out["column"] = column
            out["column_label"] = cdef.label
            cell = report.tables[table].get(row, column) if table in report.tables else None
            if cell is not None:
                out["location"] = cell.location
                if cell.location:
                    out["cells"] = (cell.location.address,)
    return out


def at(cell: Cell | None) -> str:
    """`` D29`` — the cell's address with a leading space, or nothing."""
    return f" {cell.location.address}" if cell is not None and cell.location else ""


def at_zh(cell: Cell | None) -> str:
    """:func:`at` for Chinese messages (``第 21 行第 3 栏`` for text files)."""
    return f" {cell.location.zh}" if cell is not None and cell.location else ""


def term(report: Report, table: str, row: str, column: str) -> Term:
    """The contribution of one cell to a relation."""
    rdef = report.table_def(table).row(row)
    cdef = rdef.column(column)
    cell = report.tables[table].get(row, column)
    label = _short_label(rdef, cdef)
    return Term(
        label=label,
        label_en=f"{rdef.en}·{cdef.en}",
        location=cell.location.address if cell and cell.location else None,
        value=cell.value if cell is not None and cell.numeric else None,
        raw=cell.raw if cell is not None else "",
        row=row,
        column=column,
        table=table,
    )


def _short_label(rdef: RowDef, cdef: ColumnDef) -> str:
    return f"{rdef.label.split('（区分')[0]}·{cdef.label}"


def shown(cell: Cell) -> str:
    """What the cell says, for messages (空 for a blank)."""
    return cell.raw.strip() or "空"


def shown_en(cell: Cell) -> str:
    """What the cell says, for English messages."""
    return f"“{cell.raw.strip()}”" if cell.raw.strip() else "blank"
