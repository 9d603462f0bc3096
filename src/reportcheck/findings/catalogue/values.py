"""RC2xx values: every cell holds what its column allows (R4, R6)."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

ENTRIES = (
    Entry(
        "RC201",
        "not-a-number",
        ERROR,
        Tr("数值单元格中不是数字", "text in a numeric cell"),
        {
            "default": Tr(
                "{cell} 写的是「{raw}」，应为{expected}",
                "{cell} says “{raw}”, which is not {expected}",
            ),
            "long": Tr(
                "{cell} 是 {digits} 位的数字「{raw}」，不是可用的数值（应为{expected}）",
                "{cell} holds a {digits}-digit number (“{raw}”), too long to be {expected}",
            ),
        },
        "rules.values",
    ),
    Entry(
        "RC202",
        "negative",
        ERROR,
        Tr("数值为负数", "negative value"),
        {
            "default": Tr(
                "{cell} = {value}，不能为负数", "{cell} = {value}, which must not be negative"
            )
        },
        "rules.values",
    ),
    Entry(
        "RC203",
        "not-whole",
        ERROR,
        Tr("件数不是整数", "count is not a whole number"),
        {
            "default": Tr(
                "{cell} = {value}，件数应为整数",
                "{cell} = {value}, but a count must be a whole number",
            )
        },
        "rules.values",
    ),
    Entry(
        "RC204",
        "blank-total",
        ERROR,
        Tr("需要数值的总计单元格为空或占位符", "a total is blank or a placeholder"),
        {
            "default": Tr(
                "{cell} 为「{shown}」，但{parts} = {sum}：总计不能空着，应填 {sum}",
                "{cell} is {shown}, but {parts} add up to {sum}: a total must not be left blank",
            ),
            "culprit": Tr(
                "{cell} 为「{shown}」，应填 {expected}：它所在的{count}个关系都要求这个数",
                "{cell} is {shown} but should be {expected}: {count} relations it is part of "
                "require that value",
            ),
        },
        "the arithmetic engine (rules.arithmetic, RC300)",
    ),
    Entry(
        "RC205",
        "formula-not-calculated",
        ERROR,
        Tr("公式没有计算结果", "formula has no calculated value"),
        {
            "default": Tr(
                "{cell} 是公式「={formula}」但没有计算结果：请在 Excel/WPS 中打开并保存，或直接填写数值",
                "{cell} holds the formula “={formula}” with no calculated value: open and "
                "save the workbook in Excel/WPS, or type the number",
            )
        },
        "rules.values",
    ),
    Entry(
        "RC206",
        "fee-amount-suspicious",
        WARNING,
        Tr("收费金额可疑", "suspicious fee amount"),
        {
            "default": Tr(
                "{cell} 写作「{shown}」，单位应为万元（{yuan} 元 = {wan} 万元）",
                "{cell} is written “{shown}”; the unit is 10,000 yuan ({yuan} yuan = {wan} × "
                "10,000 yuan)",
            ),
            "large": Tr(
                "{cell} = {value} 万元，金额过大，是否按元填写？",
                "{cell} = {value} (×10,000 yuan) is implausibly large: was it entered in yuan?",
            ),
        },
        "rules.values",
    ),
    Entry(
        "RC207",
        "placeholders",
        INFO,
        Tr("空白或占位符按 0 计", "blanks and placeholders read as 0"),
        {
            "default": Tr(
                "{table} 有 {count} 个单元格为空或占位符，按 0 计：{cells}",
                "{table} has {count} blank or placeholder cell(s), read as 0: {cells}",
            ),
            "unlocated": Tr(
                "{table} 有 {count} 个单元格为空或占位符，按 0 计",
                "{table} has {count} blank or placeholder cell(s), read as 0",
            ),
        },
        "rules.values",
    ),
    Entry(
        "RC208",
        "number-as-text",
        WARNING,
        Tr("数字写成全角，Excel 不把它当作数字", "a number in full-width digits, text to Excel"),
        {
            "default": Tr(
                "{cell} 写的是全角数字「{raw}」，本工具读作 {value}，但 Excel 把它当作文字，"
                "求和时不计入",
                "{cell} is written in full-width digits, “{raw}”: read here as {value}, but "
                "Excel takes it as text and leaves it out of its sums",
            )
        },
        "rules.values",
    ),
)
