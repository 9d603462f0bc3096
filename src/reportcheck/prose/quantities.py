"""The table quantities prose may state (:data:`QUANTITIES`), with the cells they come from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import APPLICANT_PARTS, OUTCOME_PARTS

APPLICANTS = APPLICANT_PARTS
OUTCOMES = OUTCOME_PARTS


def cell_int(report: Report, table: str, row: str, column: str) -> int | None:
    """A cell as an int: blank or placeholder → 0; missing or text → None."""
    data = report.tables.get(table)
    cell = data.get(row, column) if data else None
    if cell is None or cell.state is CellState.TEXT or cell.state is CellState.FORMULA_NO_VALUE:
        return None
    v = cell.arithmetic_value()
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else None
    return v


Values = tuple[int, ...]
"""The values a table supports for a quantity, the one to show first (empty: unknown)."""


def _unique(*values: int | None) -> Values:
    return tuple(dict.fromkeys(v for v in values if v is not None))


def _total_as_read(report: Report, table: str, row: str) -> int | None:
    data = report.tables.get(table)
    cell = data.get(row, "total") if data else None
    if cell is None or cell.state is not CellState.NUMBER:
        return None
    return cell_int(report, table, row, "total")


def _parts_sum(report: Report, table: str, row: str, parts: tuple[str, ...]) -> int | None:
    data = report.tables.get(table)
    if data is None or all(data.get(row, c) is None for c in parts):
        return None
    values = [cell_int(report, table, row, c) for c in parts]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def sum_rows(report: Report, table: str, rows: list[str], parts: tuple[str, ...]) -> Values:
    """Totals of some rows: each row by its 总计 (its parts where 总计 is blank), or all
    rows by their parts. Empty when a row cannot be read at all."""
    by_total = 0
    by_parts: int | None = 0
    for r in rows:
        total = _total_as_read(report, table, r)
        psum = _parts_sum(report, table, r, parts)
        if total is None and psum is None:
            return ()
        by_total += total if total is not None else (psum or 0)
        by_parts = None if by_parts is None or psum is None else by_parts + psum
    return _unique(by_total, by_parts) if rows else ()


def _t3(*prefixes: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        if "applications" not in report.tables:
            return ()
        rows = [
            r.id
            for r in report.table_def("applications").rows
            if any(r.id == p or r.id.startswith(p + "_") for p in prefixes)
        ]
        return sum_rows(report, "applications", rows, APPLICANTS)

    return values


def _t3_received(report: Report) -> Values:
    """本年新收, or 本年新收 + 上年结转 (「共受理…（含上年结转…）」)."""
    n = _t3("new_received")(report)
    c = _t3("carried_over")(report)
    return _unique(*n, *(a + b for a in n for b in c))


def _t4(*rows: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        if "review_litigation" not in report.tables:
            return ()
        return sum_rows(report, "review_litigation", list(rows), OUTCOMES)

    return values


DOC_COLUMNS = {
    "made": ("made", "new_made", "new_published"),
    "in_force": ("in_force",),
    "repealed": ("repealed",),
}
"""The 表二 columns a document count may stand in, those the report's format has (2021:
本年制发件数; 2019: 本年新制作数量 or 本年新公开数量; the 2019 表二 counts nothing repealed or in
force)."""


def _t2(row: str, which: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        tdef = report.format.table("proactive_disclosure")
        cols = [c for c in DOC_COLUMNS.get(which, ()) if tdef.has_column(c)]
        out: list[int | None] = []
        data = report.tables.get("proactive_disclosure")
        for col in cols:
            cell = data.get(row, col) if data else None
            if cell is not None and cell.state is CellState.NUMBER:
                out.append(cell_int(report, "proactive_disclosure", row, col))
        return _unique(*out)

    return values


@dataclass(frozen=True)
class Quantity:
    """A table quantity that prose may state."""

    id: str
    zh: str
    en: str
    family: str
    """applications | outcome | review | documents: which context filters apply."""
    table: str
    row: str | None
    """The row id for findings (None for a group of rows)."""
    values: Callable[[Report], Values]
    """Every value the table supports (total as read, sum of parts)."""
    label: str
    """How the table names it, for messages."""


QUANTITIES: dict[str, Quantity] = {
    q.id: q
    for q in (
        Quantity(
            "received",
            "收到申请",
            "applications received",
            "applications",
            "applications",
            "new_received",
            _t3_received,
            "表三「一、本年新收」（或加「二、上年结转」）",
        ),
        Quantity(
            "carried_over",
            "上年结转",
            "carried over",
            "applications",
            "applications",
            "carried_over",
            _t3("carried_over"),
            "表三「二、上年结转」",
        ),
        Quantity(
            "answered",
            "办结（答复）",
            "answered",
            "applications",
            "applications",
            "total",
            _t3("total"),
            "表三「（七）总计」",
        ),
        Quantity(
            "carried_forward",
            "结转下年度",
            "carried forward",
            "applications",
            "applications",
            "carried_forward",
            _t3("carried_forward"),
            "表三「四、结转下年度继续办理」",
        ),
        Quantity(
            "granted_partial",
            "予以公开及部分公开",
            "disclosed in full or in part",
            "outcome",
            "applications",
            "granted",
            _t3("granted", "partial"),
            "表三「（一）予以公开」+「（二）部分公开」",
        ),
        Quantity(
            "granted",
            "予以公开",
            "disclosed",
            "outcome",
            "applications",
            "granted",
            _t3("granted"),
            "表三「（一）予以公开」",
        ),
        Quantity(
            "partial",
            "部分公开",
            "partly disclosed",
            "outcome",
            "applications",
            "partial",
            _t3("partial"),
            "表三「（二）部分公开」",
        ),
        Quantity(
            "denied",
            "不予公开",
            "withheld",
            "outcome",
            "applications",
            None,
            _t3("denied"),
            "表三「（三）不予公开」各项之和",
        ),
        Quantity(
            "unable",
            "无法提供",
            "cannot provide",
            "outcome",
            "applications",
            None,
            _t3("unable"),
            "表三「（四）无法提供」各项之和",
        ),
        Quantity(
            "not_processed",
            "不予处理",
            "not processed",
            "outcome",
            "applications",
            None,
            _t3("not_processed"),
            "表三「（五）不予处理」各项之和",
        ),
        Quantity(
            "other",
            "其他处理",
            "otherwise handled",
            "outcome",
            "applications",
            None,
            _t3("other"),
            "表三「（六）其他处理」",
        ),
        Quantity(
            "review",
            "行政复议",
            "administrative reviews",
            "review",
            "review_litigation",
            "review",
            _t4("review"),
            "表四「行政复议·总计」",
        ),
        Quantity(
            "litigation",
            "行政诉讼",
            "lawsuits",
            "review",
            "review_litigation",
            None,
            _t4("litigation_direct", "litigation_after_review"),
            "表四「未经复议直接起诉·总计」+「复议后起诉·总计」",
        ),
        Quantity(
            "regulations",
            "规章",
            "regulations",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "made"),
            "表二「规章·本年制发件数」",
        ),
        Quantity(
            "regulations_in_force",
            "现行有效规章",
            "regulations in force",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "in_force"),
            "表二「规章·现行有效件数」",
        ),
        Quantity(
            "regulations_repealed",
            "废止规章",
            "regulations repealed",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "repealed"),
            "表二「规章·本年废止件数」",
        ),
        Quantity(
            "normative_documents",
            "规范性文件",
            "normative documents",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "made"),
            "表二「行政规范性文件·本年制发件数」",
        ),
        Quantity(
            "normative_documents_in_force",
            "现行有效规范性文件",
            "normative documents in force",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "in_force"),
            "表二「行政规范性文件·现行有效件数」",
        ),
        Quantity(
            "normative_documents_repealed",
            "废止规范性文件",
            "normative documents repealed",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "repealed"),
            "表二「行政规范性文件·本年废止件数」",
        ),
    )
}
