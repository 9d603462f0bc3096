"""RC6xx publication: published in time (R10), and section 六 states the 信息处理费."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

WARNING, INFO = Severity.WARNING, Severity.INFO

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
    Entry(
        "RC603",
        "deadline-unchecked",
        INFO,
        Tr("未能检查发布期限", "publication deadline not checked"),
        {
            "default": Tr(
                "报告中没有找到发布日期：未检查是否按期发布",
                "no publication date was found in the report: the deadline was not checked",
            ),
            "no_year": Tr(
                "报告中没有找到报告年度（标题或统计期限）：未检查是否按期发布",
                "no report year was found (title or statistics period): the deadline was "
                "not checked",
            ),
            "no_level": Tr(
                "无法从单位名称{agency}判断是政府部门、人民政府还是乡镇（街道）的报告，三者发布期限不同："
                "未检查是否按期发布（可在配置中设定 level）",
                "whether this is a department's, a government's or a township's report cannot "
                "be told from the agency's name{agency}, and their deadlines differ: the "
                "deadline was not checked (set level in the configuration)",
            ),
            "no_deadline": Tr(
                "{level}的发布期限由各地规定，未检查是否按期发布（可在配置 deadlines.{key} 中设定）",
                "the deadline for {level} reports is set locally: not checked (set "
                "deadlines.{key} in the configuration)",
            ),
        },
        "rules.publication",
    ),
)
