"""Write a :class:`~reportcheck.model.report.Report` as a JSON submission document.

The cells keep what the report said: numbers as JSON numbers, blanks as ``null``, and
placeholders or text as the original string, so that nothing is silently corrected.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import TABLE_IDS


def schema_name(version: str) -> str:
    """File name of the JSON Schema of a format version (in ``schemas/``)."""
    return f"submission-{version}.schema.json"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON submission (only the tables that were found)."""
    version = report.format.version
    md = report.metadata
    meta: dict[str, Any] = {}
    if md.agency:
        meta["agency"] = md.agency
    if md.year is not None:
        meta["year"] = md.year
    if md.published:
        meta["published"] = md.published.isoformat()
    if md.level:
        meta["level"] = md.level
    if md.title:
        meta["title"] = md.title
    doc: dict[str, Any] = {"$schema": schema_name(version), "format_version": version}
    if meta:
        doc["report"] = meta
    fmt = report.format
    for table_id in TABLE_IDS:
        data = report.tables.get(table_id)
        if data is None:
            continue
        table: dict[str, Any] = {}
        for r in fmt.table(table_id).rows:
            row: dict[str, Any] = {}
            for c in r.columns:
                cell = data.get(r.id, c.id)
                if cell is None:
                    continue
                if cell.state is CellState.NUMBER and cell.unit is None:
                    row[c.id] = cell.value
                elif cell.state in (CellState.BLANK, CellState.FORMULA_NO_VALUE):
                    row[c.id] = None
                else:
                    row[c.id] = cell.raw.strip()
            if row:
                table[r.id] = row
        doc[table_id] = table
    if report.waivers:
        doc["waivers"] = [
            {"code": w.code, "reason": w.reason, **({"location": w.location} if w.location else {})}
            for w in report.waivers
        ]
    return doc


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(report: Report) -> str:
    """The JSON submission text of a report."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2, default=_default) + "\n"
