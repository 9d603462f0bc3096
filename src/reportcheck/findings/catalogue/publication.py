"""RC6xx publication: published in time (R10), and section 六 states the 信息处理费."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

WARNING = Severity.WARNING

ENTRIES = (
    Entry(
        "RC601",
        "late-publication",
        WARNING,
        Tr("年报发布逾期", "published late"),
        {
            "default": Tr(
                "{year} 年度报告于 {published} 发布，晚于{level}的发布期限 {deadline}（逾期 {days} 天）",
                "the {year} report was published on {published}, after the {level} deadline "
                "{deadline} ({days} days late)",
            )
        },
        "rules.publication",
    ),
    Entry(
        "RC602",
        "fee-statement",
        WARNING,
        Tr("未说明信息处理费收取情况", "no statement on 信息处理费"),
        {
            "default": Tr(
                "第六部分「{heading}」未说明信息处理费的收取情况（如「本年度未收取信息处理费」"
                "或「收取信息处理费共计400元」）；该部分内容为「{said}」",
                "section 六 (「{heading}」) does not say what 信息处理费 was charged, or that "
                "none was; it says 「{said}」",
            )
        },
        "rules.publication",
    ),
)
