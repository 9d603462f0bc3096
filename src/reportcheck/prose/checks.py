"""The comparisons of RC401–RC405: what the prose states against the tables, as findings;
and RC406, a total the prose states against the sum of its parts.

Run by the checks of :mod:`reportcheck.rules.prose`, which import this module on their
first use (so that reading a workbook never compiles the prose patterns). Every finding is
built with :func:`~reportcheck.findings.catalogue.emit` from the RC4xx templates of
:mod:`reportcheck.findings.catalogue.prose`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import at, at_zh, cell_fields, where, where_en
from reportcheck.model.report import Cell, Report
from reportcheck.model.sections import Layout, layout, text_location
from reportcheck.prose.claims import Contradiction, contradictions
from reportcheck.prose.context import SPECIFIC_REASON
from reportcheck.prose.figures import Figure, figures, percent_ok, quoted
from reportcheck.prose.money import Money, StatedAmount, amounts_agree, stated_amounts, table_money
from reportcheck.prose.quantities import APPLICANTS, QUANTITIES, Values, sum_rows
from reportcheck.prose.sums import breakdowns

_GROUPS = {
    "denied": "denied",
    "unable": "unable",
    "not_processed": "not_processed",
    "other": "other",
}


def applications(report: Report) -> Iterator[Finding]:
    """RC401: figures and claims about applications against 表三."""
    lay = layout(report)
    for fig, values in _mismatches(report, ("applications", "outcome")):
        yield _figure_finding("RC401", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "applications":
            yield _claim_finding("RC401", report, lay, c)


def percentage(report: Report) -> Iterator[Finding]:
    """RC402: the share of an outcome against its count and the total answered."""
    lay = layout(report)
    seen: set[tuple[str, str]] = set()
    for fig in figures(report):
        if fig.quantity.family != "outcome" or fig.percent is None:
            continue
        values = fig.quantity.values(report)
        if fig.value not in values or percent_ok(report, fig.value, fig.percent):
            continue
        if (fig.quantity.id, fig.percent) in seen:
            continue
        seen.add((fig.quantity.id, fig.percent))
        answered = (QUANTITIES["answered"].values(report) or (0,))[0]
        exact = (
            (Decimal(fig.value) * 100 / answered).quantize(Decimal("0.01")) if answered else None
        )
        q = fig.quantity
        yield emit(
            "RC402",
            {
                "quote": quoted(fig.sentence),
                "quantity": Tr(q.zh, q.en),
                "percent": fig.percent,
                "value": fig.value,
                "answered": answered,
                "exact": str(exact),  # as computed (0.01), not as fmt_number writes it
            },
            table=q.table,
            row=q.row,
            column="total",
            location=text_location(report, lay, fig.clause.offset),
            actual=f"{fig.percent}%",
            expected=f"{exact}%",
            extra={"quantity": q.id, "sentence": fig.sentence.text},
        )


def review_litigation(report: Report) -> Iterator[Finding]:
    """RC403: figures and claims about reviews and lawsuits against 表四."""
    lay = layout(report)
    for fig, values in _mismatches(report, ("review",)):
        yield _figure_finding("RC403", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "review":
            yield _claim_finding("RC403", report, lay, c)


def documents(report: Report) -> Iterator[Finding]:
    """RC404: counts of 规章 and 规范性文件 against 表二."""
    lay = layout(report)
    for fig, values in _mismatches(report, ("documents",)):
        yield _figure_finding("RC404", report, lay, fig, values)


def fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """RC405: the 行政事业性收费 amount against 表二 (within ``amount_tolerance``)."""
    lay = layout(report)
    tolerance = settings.amount_tolerance
    seen: set[tuple[str, Decimal, bool]] = set()
    for st in stated_amounts(report, lay):
        a = st.amount
        got = table_money(report, a)
        if got is None:
            continue
        table, cell = got
        if amounts_agree(st.money, table, tolerance):
            continue
        key = (a.id, st.money.wan, st.none)
        if key in seen:
            continue
        seen.add(key)
        yield _amount_finding(report, lay, st, table, cell, tolerance)


def sums(report: Report) -> Iterator[Finding]:
    """RC406: a total and the parts listed after 其中 / 包括 / 含 / 分别为 that do not add up."""
    lay = layout(report)
    seen: set[tuple[str, int, tuple[int, ...]]] = set()
    for b in breakdowns(report.text or ""):
        key = (b.sentence.text, b.total, b.parts)
        if key in seen:
            continue
        seen.add(key)
        diff = b.sum - b.total
        one_part = abs(diff) in b.parts
        yield emit(
            "RC406",
            {
                **({"part": abs(diff)} if one_part else {}),
                "quote": quoted(b.sentence),
                "parts": Tr("其中各项" if b.marker == "其中" else "所列各项", "the parts"),
                "expression": " + ".join(map(str, b.parts)),
                "sum": b.sum,
                "total": b.total,
                "unit": Tr(f" {b.unit}", ""),  # the unit is a Chinese word: zh only
                "difference": abs(diff),
                "direction": Tr(
                    "各项之和多于总数" if diff > 0 else "各项之和少于总数",
                    "more" if diff > 0 else "less",
                ),
            },
            hint="one_part" if one_part else None,
            location=text_location(report, lay, b.sentence.offset),
            actual=str(b.sum),
            expected=str(b.total),
            difference=str(diff),
            extra={
                "sentence": b.sentence.text,
                "parts": " + ".join(map(str, b.parts)),
                "total": str(b.total),
                "unit": b.unit,
            },
        )


def _one_reason(report: Report, fig: Figure) -> Values:
    """For 「因涉及第三方合法权益不予公开1件」, a count of one reason (one sub-row) is also
    right; 「因本机关不掌握等原因无法提供265件」 (等: and others) is about the whole group."""
    prefix = fig.quantity.id
    text = fig.clause.text
    if prefix not in _GROUPS or not SPECIFIC_REASON.search(text) or "等" in text:
        return ()
    if "applications" not in report.tables:
        return ()
    rows = [r.id for r in report.table_def("applications").rows if r.id.startswith(prefix + "_")]
    return tuple(v for r in rows for v in sum_rows(report, "applications", [r], APPLICANTS))


def _mismatches(report: Report, families: tuple[str, ...]) -> Iterator[tuple[Figure, Values]]:
    seen: set[tuple[str, int]] = set()
    for fig in figures(report):
        if fig.quantity.family not in families:
            continue
        values = fig.quantity.values(report)
        if not values or fig.value in values or fig.value in _one_reason(report, fig):
            continue
        key = (fig.quantity.id, fig.value)
        if key in seen:
            continue
        seen.add(key)
        yield fig, values


def _figure_finding(
    code: str, report: Report, lay: Layout | None, fig: Figure, values: Values
) -> Finding:
    q = fig.quantity
    table_value, *others = values
    shown = others and q.id != "received"  # received: N or N + C, the label says so
    alt = Tr(
        f"（按各列相加为 {others[0]}）" if shown else "",
        f" ({others[0]} adding up the columns)" if shown else "",
    )
    return emit(
        code,
        {
            "quote": quoted(fig.sentence),
            "quantity": Tr(q.zh, q.en),
            "value": fig.value,
            "percent": Tr(f"（{fig.percent}%）" if fig.percent else "", ""),
            "label": Tr(q.label, label_en(q.label)),
            "table_value": table_value,
            "alt": alt,
        },
        table=q.table,
        row=q.row,
        column="total" if q.family != "documents" else None,
        location=text_location(report, lay, fig.clause.offset),
        actual=str(fig.value),
        expected=str(table_value),
        difference=str(fig.value - table_value),
        extra={"quantity": q.id, "sentence": fig.sentence.text},
    )


def _claim_finding(code: str, report: Report, lay: Layout | None, c: Contradiction) -> Finding:
    return emit(
        code,
        {"quote": quoted(c.sentence), "claim": Tr(c.zh, c.en)},
        variant="claim",
        table=c.table,
        row=c.row,
        column=c.column,
        location=text_location(report, lay, c.offset),
        actual=c.actual,
        expected=c.expected,
        extra={"claim": c.claim.id, "sentence": c.sentence.text},
    )


def _amount_finding(
    report: Report,
    lay: Layout | None,
    st: StatedAmount,
    table: Money,
    cell: Cell,
    tolerance: Decimal,
) -> Finding:
    a = st.amount
    prose_wan = fmt_number(st.money.wan)
    table_wan = fmt_number(table.wan)
    diff = fmt_number(st.money.wan - table.wan)
    tol = fmt_number(tolerance)
    if st.none:
        said = Tr(f"称未收取{a.zh}", f"says no {a.en} were collected")
    else:
        in_wan = st.money.written == f"{prose_wan}万元"
        said = Tr(
            f"中{a.zh}为 {st.money.written}" + ("" if in_wan else f"（{prose_wan} 万元）"),
            f"gives {a.en} as {st.money.written}"
            + ("" if in_wan else f" ({prose_wan} × 10,000 yuan)"),
        )
    return emit(
        "RC405",
        {
            "quote": quoted(st.sentence),
            "said": said,
            "cell": Tr(
                f"{where(report, a.table, a.row, a.column)}{at_zh(cell)}",
                f"{where_en(report, a.table, a.row, a.column)}{at(cell)}",
            ),
            "table_wan": table_wan,
            "written": f"「{table.written}」"
            if table.written and table.written != table_wan
            else "",
            "difference": diff,
            "tolerance": tol,
        },
        fields=cell_fields(report, a.table, a.row, a.column),
        location=text_location(report, lay, st.clause.offset),
        actual=prose_wan,
        expected=table_wan,
        difference=diff,
        extra={
            "quantity": a.id,
            "sentence": st.sentence.text,
            "tolerance": tol or "0",
            **({"claim": "none"} if st.none else {}),
        },
    )


_TABLES_EN = (("表二", "Table 2 "), ("表三", "Table 3 "), ("表四", "Table 4 "))


def label_en(label: str) -> str:
    """A quantity's table label for English messages: the table named in English, the
    row labels kept as the report prints them (「（一）予以公开」)."""
    out = label
    for zh, en in _TABLES_EN:
        out = out.replace(zh, en)
    out = re.sub(r"（或加(「[^」]*」)）", r" (or plus \1)", out)
    return out.replace("各项之和", " (sum of its rows)").replace("」+「", "」 + 「")
