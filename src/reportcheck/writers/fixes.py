"""``convert FILE --apply-suggestions``: a corrected copy, with every change said.

Only a finding's :attr:`~reportcheck.findings.Finding.suggestion` is ever applied — a value
that is certain (RC300's culprit, a blank total whose parts are all filled in, a fee typed
in 元, a number written in words or full-width). Two findings suggesting different values
for one cell cancel each other out: that cell is left as it is and said so. Nothing is
changed without the option, and the input file is never modified.

For a workbook written as a workbook the clerk's own file is copied and only the changed
cells are rewritten (sheets, styles and layout kept); otherwise the corrected report is
written in the official layout or as JSON.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from reportcheck.findings import Finding
from reportcheck.model.location import zh_address
from reportcheck.model.report import Report, TableData
from reportcheck.model.values import parse_text


@dataclass(frozen=True)
class Change:
    """One cell changed: where, from what, to what, and the finding that said so."""

    table: str
    row: str
    column: str
    address: str | None
    before: str
    after: str
    code: str

    def line(self, lang: str = "zh") -> str:
        """``表三!D7：22 → 21（RC300）``."""
        where = self.address or f"{self.table}/{self.row}/{self.column}"
        if lang == "zh":
            return (
                f"{zh_address(where)}：{self.before.strip() or '空'} → {self.after}（{self.code}）"
            )
        return f"{where}: {self.before.strip() or 'blank'} → {self.after} ({self.code})"


def planned(report: Report, findings: Iterable[Finding]) -> tuple[list[Change], list[str]]:
    """The changes the findings' suggestions make, and the cells left alone because two
    findings disagree about them (their addresses)."""
    by_cell: dict[tuple[str, str, str], Change] = {}
    conflicts: set[tuple[str, str, str]] = set()
    for f in findings:
        if f.suggestion is None or f.waived or not (f.table and f.row and f.column):
            continue
        key = (f.table, f.row, f.column)
        data = report.tables.get(f.table)
        cell = data.get(f.row, f.column) if data is not None else None
        if cell is None:
            continue
        change = Change(
            f.table,
            f.row,
            f.column,
            cell.location.address if cell.location else None,
            cell.raw,
            f.suggestion,
            f.code,
        )
        old = by_cell.get(key)
        if old is not None and old.after != change.after:
            conflicts.add(key)
        by_cell.setdefault(key, change)
    kept = [c for k, c in by_cell.items() if k not in conflicts]
    left = [by_cell[k].address or "/".join(k) for k in sorted(conflicts)]
    return kept, left


def corrected(report: Report, changes: Iterable[Change]) -> Report:
    """A copy of ``report`` with the changed cells read as the suggested values."""
    tables = {tid: TableData(t.table_id, dict(t.cells), t.location, list(t.extra_rows))
              for tid, t in report.tables.items()}  # fmt: skip
    for c in changes:
        cell = tables[c.table].cells[(c.row, c.column)]
        kind = report.table_def(c.table).row(c.row).column(c.column).kind
        tables[c.table].cells[(c.row, c.column)] = parse_text(c.after, kind, cell.location)
    return replace(report, tables=tables, findings=[])


def fixed_workbook(data: bytes, changes: Iterable[Change]) -> bytes:
    """The clerk's workbook with the changed cells rewritten (numbers as numbers)."""
    from reportcheck.writers.annotate import load_copy, parse_address

    wb = load_copy(data)
    for c in changes:
        at = parse_address(c.address) if c.address else None
        if at is None or at[0] not in wb.sheetnames:
            continue
        ws = wb[at[0]]
        ref = at[1]
        for rng in ws.merged_cells.ranges:
            if ref in rng:
                ref = rng.start_cell.coordinate
                break
        value: Any = Decimal(c.after)
        ws[ref].value = int(value) if value == value.to_integral_value() else float(value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
