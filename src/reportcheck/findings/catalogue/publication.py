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
        Tr(
            "未说明信息处理费收取情况",
            "no statement on the information processing fee (信息处理费)",
        ),
        {
            "default": Tr(
                "第六部分「{heading}」未说明信息处理费的收取情况（如「本年度未收取信息处理费」"
                "或「收取信息处理费共计400元」）；该部分内容为「{said}」",
                (
                    "section 6 (「{heading}」) does not say what information processing fee (信息处理费) "
                    "was charged, or that none was; it says 「{said}」"
                ),
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
            "no_level_field": Tr(
                "填写了发布日期，但没有填写单位层级（部门 / 政府 / 乡镇），三者发布期限不同："
                "未检查是否按期发布",
                "a publication date is given but no agency level (部门 / 政府 / 乡镇), and their "
                "deadlines differ: the deadline was not checked",
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
    Entry(
        "RC604",
        "report-facts",
        WARNING,
        Tr("缺少或无法读取报告的基本信息", "the report's own facts missing or unreadable"),
        {
            "default": Tr(
                "没有填写单位名称：无法与上年报告对照，汇总时也无法区分",
                "no agency (单位名称) is filled in: the report cannot be paired with "
                "last year's or told apart from others",
            ),
            "year": Tr(
                "没有填写报告年度：无法判断应使用的表格格式和发布期限",
                "no report year (报告年度) is filled in: the format version and the "
                "deadline cannot be decided",
            ),
            "year_bad": Tr(
                "报告年度「{raw}」不是四位数字年份",
                "the report year (报告年度) “{raw}” is not a four-digit year",
            ),
            "date": Tr(
                "发布日期「{raw}」不是日期：请按 2025-01-20 的格式填写",
                "the publication date (发布日期) “{raw}” is not a date: write it as 2025-01-20",
            ),
            "level": Tr(
                "单位层级「{raw}」无法识别：请填 部门、政府 或 乡镇",
                (
                    "the agency level (单位层级) “{raw}” is not known: use department (部门), government "
                    "(政府) or township (乡镇)"
                ),
            ),
        },
        "rules.publication",
    ),
)
