"""RC1xx structure: the tables, rows and columns of the format, its version (R9), and
the six sections of a published report (RC11x)."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

ENTRIES = (
    Entry(
        "RC101",
        "missing-table",
        ERROR,
        Tr("缺少表格", "table missing"),
        {"default": Tr("缺少{table}", "{table} is missing")},
        "rules.structure",
    ),
    Entry(
        "RC102",
        "missing-row",
        ERROR,
        Tr("表格缺少行", "row missing"),
        {
            "default": Tr("{table}缺少「{row}」行", "{table} has no row {row}"),
            "group": Tr(
                "{table}缺少「{group}」的全部 {count} 个细分行：{rows}",
                "{table} has none of the {count} rows under “{group}”: {rows}",
            ),
        },
        "rules.structure",
    ),
    Entry(
        "RC103",
        "missing-column",
        ERROR,
        Tr("表格缺少列", "column missing"),
        {
            "default": Tr("{table}缺少「{column}」列", "{table} has no column {column}"),
            "cell": Tr(
                "{table}「{row}」行缺少「{column}」", "{table} row “{row}” has no {column} value"
            ),
        },
        "rules.structure",
    ),
    Entry(
        "RC104",
        "outdated-format",
        ERROR,
        Tr("使用了过时的表格格式", "outdated format"),
        {
            "default": Tr(
                "{year} 年度报告使用了 {used}（{evidence}）；自 {since} 年度起应使用{document}",
                "the {year} report uses the {used} ({evidence}); from report year "
                "{since} {document} applies",
            ),
            "tables": Tr(
                "{year} 年度报告的{tables}使用了 {used}（{evidence}）；自 {since} 年度起应使用"
                "{document}",
                "{tables} of the {year} report use the {used} ({evidence}); from report year "
                "{since} {document} applies",
            ),
        },
        "rules.structure",
    ),
    Entry(
        "RC105",
        "mixed-format",
        WARNING,
        Tr("混用两个版本的标签", "labels of both versions"),
        {
            "default": Tr(
                "按 {used} 版检查，但也出现了 {other} 版的标签：{labels}",
                "checked as the {used} format, but labels of the {other} format also occur: "
                "{labels}",
            ),
            "per_table": Tr(
                "表格混用两个版本的格式：{listed}；每张表按它自己的版本读取和核对",
                "the tables mix the two format versions: {listed}; each table was read and "
                "checked in its own version",
            ),
        },
        "rules.structure",
        hints={
            "bare_other_read": Tr(
                "表三「（六）其他处理」写成了一行（2019 版的写法），没有按 2021 版格式分为 3 个细分项；"
                "已按一行读取并核对。请按细分项填写",
                "Table 3 prints 「（六）其他处理」 as one row (the 2019 way), not as the 3 sub-rows "
                "of the 2021 format; it was read and checked as one row. Fill in the sub-rows",
            ),
            "bare_other": Tr(
                "「（六）其他处理」写成了一行，没有按本版格式分为 3 个细分项：请按细分项填写；"
                "在此之前，该行及（七）总计与各项之和的关系未核对",
                "「（六）其他处理」 is written as one row, not as the 3 sub-rows of this format: "
                "fill in the sub-rows; until then that row and the total of the results are "
                "not checked",
            ),
        },
    ),
    Entry(
        "RC106",
        "unknown-row",
        WARNING,
        Tr("无法识别的行", "unrecognised row"),
        {
            "default": Tr(
                "{table}中的行「{label}」不属于标准格式，未检查",
                "{table} has a row “{label}” that is not part of the format; it was not checked",
            ),
            "ambiguous": Tr(
                "{table}中的行「{label}」与{candidates}同样接近，无法确定是哪一行，未检查",
                "{table} has a row “{label}” that is as close to {candidates}; which row it is "
                "cannot be told, so it was not checked",
            ),
        },
        "rules.structure",
    ),
    Entry(
        "RC107",
        "nothing-filled-in",
        ERROR,
        Tr("未填写任何数据", "nothing filled in"),
        {
            "default": Tr(
                "未填写任何数据：{tables}的 {count} 个单元格全部为空",
                "nothing is filled in: all {count} cells of {tables} are blank",
            )
        },
        "rules.structure",
    ),
    Entry(
        "RC108",
        "label-variant",
        INFO,
        Tr("行标签与格式的写法不同", "row label written differently"),
        {
            "default": Tr(
                "{table}的行「{label}」与格式的「{official}」写法不同，已按「{official}」读取",
                "{table} row “{label}” is written differently from the format's {official}; "
                "it was read as that row",
            )
        },
        "rules.structure",
    ),
    # ------------------------------------------------------------------ sections
    Entry(
        "RC111",
        "missing-section",
        WARNING,
        Tr("缺少章节标题", "section heading missing"),
        {
            "default": Tr(
                "缺少第{numeral}部分的标题「{heading}」{before}",
                "the heading of section {numeral} ({heading}) is missing{before}",
            ),
            "none": Tr(
                "未找到任何章节标题（一、总体情况 至 六、其他需要报告的事项），无法检查报告结构",
                "none of the six section headings (一、总体情况 … 六、其他需要报告的事项) was "
                "found; the structure could not be checked",
            ),
        },
        "rules.sections",
    ),
    Entry(
        "RC112",
        "section-order",
        WARNING,
        Tr("章节顺序错误", "sections out of order"),
        {
            "default": Tr(
                "章节「{heading}」顺序错误：{after}，{should}",
                "section 「{heading}」 is out of order: it {after}; it {should}",
            )
        },
        "rules.sections",
    ),
    Entry(
        "RC113",
        "table-section",
        WARNING,
        Tr("表格不在其所属章节", "table outside its section"),
        {
            "default": Tr(
                "{table}{where}，应位于第{section}部分「{heading}」下",
                "{table} {where}; it belongs under section {section} (「{heading}」)",
            )
        },
        "rules.sections",
    ),
    Entry(
        "RC114",
        "section-numbering",
        INFO,
        Tr("章节编号与格式不一致", "sections numbered differently"),
        {
            "default": Tr(
                "章节编号与标准格式不一致：{listed}",
                "the section headings are numbered differently from the format: {listed}",
            )
        },
        "rules.sections",
    ),
    Entry(
        "RC115",
        "section-named-differently",
        INFO,
        Tr("章节标题的写法与格式不同", "section heading worded differently"),
        {
            "default": Tr(
                "第{numeral}部分的标题写作「{heading}」，按编号和位置读作「{standard}」",
                "the heading of section {numeral} reads 「{heading}」, read by its number and "
                "place as 「{standard}」",
            )
        },
        "rules.sections",
    ),
)
