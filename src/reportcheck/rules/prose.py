"""Prose against tables (RC401–RC405): figures the text restates must agree with 表二, 表三
and 表四.

The reading of the prose — sentences, the quantities, phrases and claims as data, the
context filters, money — is the package :mod:`reportcheck.prose`; this module holds the
checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportcheck.config import Settings
from reportcheck.findings import Finding, Severity, fmt_number
from reportcheck.model.report import Cell, Report
from reportcheck.prose.claims import Contradiction, contradictions
from reportcheck.prose.context import SPECIFIC_REASON
from reportcheck.prose.figures import Figure, figures, percent_ok, quoted
from reportcheck.prose.money import Money, StatedAmount, amounts_agree, stated_amounts, table_money
from reportcheck.prose.quantities import APPLICANTS, QUANTITIES, Values, sum_rows
from reportcheck.rules.common import at, at_zh, cell_fields, where, where_en
from reportcheck.rules.registry import make, rule
from reportcheck.rules.sections import Layout, layout, text_location

_GROUPS = {
    "denied": "denied",
    "unable": "unable",
    "not_processed": "not_processed",
    "other": "other",
}


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
    alt = f"（按各列相加为 {others[0]}）" if shown else ""
    alt_en = f" ({others[0]} adding up the columns)" if shown else ""
    pct = f"（{fig.percent}%）" if fig.percent else ""
    quote = quoted(fig.sentence)
    return make(
        code,
        f"正文「{quote}」中{q.zh} {fig.value} 件{pct}，与{q.label} {table_value} 件{alt}不一致",
        f"the text 「{quote}」 gives {q.en} as {fig.value}, but {q.label} is {table_value}{alt_en}",
        table=q.table,
        row=q.row,
        column="total" if q.family != "documents" else None,
        location=text_location(report, lay, fig.clause.offset),
        actual=str(fig.value),
        expected=str(table_value),
        difference=str(fig.value - table_value),
        extra={"quantity": q.id, "sentence": fig.sentence.text},
    )


def _applies(report: Report) -> bool:
    return report.sections is not None and bool(report.text) and bool(report.tables)


@rule(
    "RC401",
    "prose-applications",
    Severity.WARNING,
    "正文中的申请数字与表三不一致",
    "application figures in the text differ from Table 3",
)
def prose_applications(report: Report, settings: Settings) -> Iterator[Finding]:
    """A figure in the text about applications differs from 表三.

    Compared: applications received (本年新收, or with 上年结转), carried over, answered
    (办结/答复 = （七）总计), carried forward, and the count of each outcome (予以公开,
    部分公开, 不予公开, 无法提供, 不予处理, 其他处理; 「予以公开及部分公开」 is their sum), and
    「所有申请均已办结」 against a carry-forward. Figures about other years, other units or other
    things (网络问政, 行政许可申请 …) and comparisons (同比, 较上年) are not compared.

    Passes: 「全年收到申请31件，答复31件」 with 本年新收 31 and （七）总计 31
    Fails:  「因本机关不掌握等原因无法提供265件」 while （四）无法提供 adds up to 337
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("applications", "outcome")):
        yield _figure_finding("RC401", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "applications":
            yield _claim_finding("RC401", report, lay, c)


def _claim_finding(code: str, report: Report, lay: Layout | None, c: Contradiction) -> Finding:
    quote = quoted(c.sentence)
    return make(
        code,
        f"正文「{quote}」{c.zh}",
        f"the text 「{quote}」 {c.en}",
        table=c.table,
        row=c.row,
        column=c.column,
        location=text_location(report, lay, c.offset),
        actual=c.actual,
        expected=c.expected,
        extra={"claim": c.claim.id, "sentence": c.sentence.text},
    )


@rule(
    "RC402",
    "prose-percentage",
    Severity.WARNING,
    "正文中的办理结果占比与表三不符",
    "outcome percentage in the text does not fit Table 3",
)
def prose_percentage(report: Report, settings: Settings) -> Iterator[Finding]:
    """A percentage of an outcome in the text does not fit its count and the total answered.

    Checked only when the count itself agrees with 表三 (otherwise RC401 already reports
    the sentence). The share is taken of the applications answered (（七）总计) or received;
    a figure rounded or cut off at its last digit is accepted.

    Passes: 「不予处理158件，占19.6%」 with 805 answered (19.63 %)
    Fails:  「予以公开40件，占50%」 with 100 answered
    """
    if not _applies(report):
        return
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
        quote = quoted(fig.sentence)
        q = fig.quantity
        yield make(
            "RC402",
            f"正文「{quote}」中{q.zh}占 {fig.percent}%，按表三 {fig.value} / {answered} 应为 {exact}%",
            f"the text 「{quote}」 gives {q.en} as {fig.percent}%, but by Table 3 "
            f"{fig.value} / {answered} it is {exact}%",
            table=q.table,
            row=q.row,
            column="total",
            location=text_location(report, lay, fig.clause.offset),
            actual=f"{fig.percent}%",
            expected=f"{exact}%",
            extra={"quantity": q.id, "sentence": fig.sentence.text},
        )


@rule(
    "RC403",
    "prose-review-litigation",
    Severity.WARNING,
    "正文中的行政复议、行政诉讼情况与表四不一致",
    "review or litigation figures in the text differ from Table 4",
)
def prose_review_litigation(report: Report, settings: Settings) -> Iterator[Finding]:
    """What the text says about 行政复议 and 行政诉讼 differs from 表四.

    Compared: the number of reviews (表四 行政复议·总计) and of lawsuits (未经复议直接起诉·总计 +
    复议后起诉·总计), and statements without a number: 「均获维持」 (nothing corrected, other
    or pending), 「未被纠错」 (nothing corrected), 「未发生行政复议、行政诉讼」 (totals 0).

    Passes: 「行政复议7件，诉讼9件」 with 表四 totals 7 and 9
    Fails:  「行政复议7件，诉讼9件，均获维持」 while 3 cases are 尚未审结
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("review",)):
        yield _figure_finding("RC403", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "review":
            yield _claim_finding("RC403", report, lay, c)


@rule(
    "RC404",
    "prose-documents",
    Severity.WARNING,
    "正文中的规章、规范性文件数与表二不一致",
    "regulation or normative-document counts in the text differ from Table 2",
)
def prose_documents(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count of 规章 or 规范性文件 in the text differs from 表二.

    「制发/出台/主动公开规范性文件N件」 is compared with 本年制发件数 (2019: 本年新制作数量 or
    本年新公开数量), 「现行有效…N件」 with 现行有效件数, 「废止…N件」 with 本年废止件数. Documents of
    other bodies (部门规范性文件, 各区…), documents reprinted (刊登, 转发, 汇编), reviewed or
    cleaned up (备案审查, 清理) and 规章制度 (internal rules) are not compared.

    Passes: 「主动公开行政规范性文件13件」 with 本年制发件数 13
    Fails:  「全年制发行政规范性文件8件」 with 本年制发件数 5
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("documents",)):
        yield _figure_finding("RC404", report, lay, fig, values)


@rule(
    "RC405",
    "prose-fee-amount",
    Severity.WARNING,
    "正文中的行政事业性收费金额与表二不一致",
    "administrative-fee amount in the text differs from Table 2",
)
def prose_fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """The 行政事业性收费 amount the text states differs from 表二's 本年收费金额 (万元).

    Amounts written in 元, 万元 or 亿元 are converted to 万元 and compared with 表二
    (2021 format; the 2019 表二 has no fee amount). They agree when they differ by at most
    ``amount-tolerance`` (万元, default 0) plus half a unit of the last digit of the less
    precisely written one (2.4亿元 is 24252.311082 万元 rounded), or when that one is the
    other cut off at its last digit. 「未收取行政事业性收费」 against a non-zero amount is a
    finding too. Only sections 一 and 二 are read (「本年收费金额…」 without the fee's name
    only in 二); the 信息处理费 of section 六 is a different fee and is never compared, nor
    are figures of other years, comparisons (同比), other units, budgets (预算), non-tax
    revenue (非税收入), reductions (减免) or approximate figures (约).

    Passes: 「全年收取行政事业性收费125000元」 with 本年收费金额 12.5
    Fails:  「本年度未收取行政事业性收费」 with 本年收费金额 3.2
    """
    if not _applies(report) or "收费" not in (report.text or ""):
        return
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


def _amount_finding(
    report: Report,
    lay: Layout | None,
    st: StatedAmount,
    table: Money,
    cell: Cell,
    tolerance: Decimal,
) -> Finding:
    a = st.amount
    quote = quoted(st.sentence)
    prose_wan = fmt_number(st.money.wan)
    table_wan = fmt_number(table.wan)
    diff = fmt_number(st.money.wan - table.wan)
    tol = fmt_number(tolerance)
    cell_zh = f"{where(report, a.table, a.row, a.column)}{at_zh(cell)}"
    cell_en = f"{where_en(report, a.table, a.row, a.column)}{at(cell)}"
    written = f"「{table.written}」" if table.written and table.written != table_wan else ""
    if st.none:
        said_zh, said_en = f"称未收取{a.zh}", f"says no {a.en} were collected"
    else:
        in_wan = st.money.written == f"{prose_wan}万元"
        said_zh = f"中{a.zh}为 {st.money.written}" + ("" if in_wan else f"（{prose_wan} 万元）")
        said_en = f"gives {a.en} as {st.money.written}" + (
            "" if in_wan else f" ({prose_wan} × 10,000 yuan)"
        )
    return make(
        "RC405",
        f"正文「{quote}」{said_zh}，但{cell_zh} 为 {table_wan} 万元{written}"
        f"（相差 {diff} 万元，容差 {tol} 万元）",
        f"the text 「{quote}」 {said_en}, but {cell_en} is {table_wan}{written} (× 10,000 yuan;"
        f" difference {diff}, tolerance {tol})",
        cell_fields(report, a.table, a.row, a.column),
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
