"""RC5xx cross-year continuity: this year's report against last year's (R7, R8)."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

WARNING = Severity.WARNING

ENTRIES = (
    Entry(
        "RC500",
        "previous-year-mismatch",
        WARNING,
        Tr("给出的上年报告不是上一年度的", "the previous report given is not of the year before"),
        {
            "default": Tr(
                "--previous 给出的 {previous} 是 {last} 年度报告，本报告是 {year} 年度，"
                "不是上一年度的报告，未做跨年度核对（应给出 {expected} 年度报告）",
                "--previous {previous} is the {last} report and this is the {year} report: it "
                "is not last year's, so nothing was compared across years (give the "
                "{expected} report)",
            )
        },
        "the pairing of reports (reportcheck.pairing, --previous)",
    ),
    Entry(
        "RC501",
        "carried-over",
        WARNING,
        Tr(
            "上年结转申请数与上年报告的结转下年度数不一致",
            "carried over from last year differs from last year's carried forward",
        ),
        {
            "default": Tr(
                "{cell} = {value}，与上年报告（{previous}）{last_cell} = {last_value} 不一致，"
                "二者应相等",
                "{cell} = {value}, but last year's report ({previous}) says {last_cell} = "
                "{last_value}; the two should be equal",
            ),
            "with_total": Tr(
                "{cell} = {value}，与上年报告（{previous}）{last_cell} = {last_value} 不一致，"
                "二者应相等（总计{total} 因此也差 {difference}）",
                "{cell} = {value}, but last year's report ({previous}) says {last_cell} = "
                "{last_value}; the two should be equal (so the total{total} is off by "
                "{difference} too)",
            ),
            "row": Tr(
                "表三 {row}与上年报告（{previous}）的「{last_row}」有 {count} 列不一致：{cause}。"
                "{columns}",
                "Table 3 {row} differs from last year's report ({previous}) {last_row} in "
                "{count} columns: {cause}. {columns}",
            ),
        },
        "rules.crossyear",
    ),
    Entry(
        "RC502",
        "documents-in-force",
        WARNING,
        Tr("现行有效件数与上年数字推算不符", "documents in force do not add up from last year"),
        {
            "default": Tr(
                "{cell} = {value}，与上年数字推算不符，请核对：上年现行有效件数 {before}"
                "（{previous}{before_at}）+ 本年制发件数 {made}{made_at} − 本年废止件数 "
                "{repealed}{repealed_at} = {expected}",
                "{cell} = {value} does not add up from last year; check: in force last year "
                "{before} ({previous}{before_at}) + issued this year {made}{made_at} − "
                "repealed this year {repealed}{repealed_at} = {expected}",
            )
        },
        "rules.crossyear",
        hints={
            "default": Tr(
                "文件也可能因有效期届满、被修订或宣布失效而增减；数字无误时可忽略本提示",
                "documents also lapse, are revised or are declared invalid; if the figure is "
                "right, this warning can be ignored",
            )
        },
    ),
)
