"""RC3xx arithmetic within a table: R1, R2, R3 (表三) and R5 (表四), and the cell that
breaks several of them (RC300). All are emitted by the arithmetic engine
(:mod:`reportcheck.rules.arithmetic`), which evaluates the relations of
:mod:`reportcheck.model.relations`."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

ERROR = Severity.ERROR
ENGINE = "the arithmetic engine (rules.arithmetic, RC300)"

_TOTAL = Tr(
    "{cell} = {lhs}，但{parts} = {rhs}：{direction} {amount}（总计或某一加数填错）",
    "{cell} = {lhs}, but {parts} add up to {rhs}: {amount} too {direction} (the total or "
    "one of the parts is wrong)",
)
_BLANK_TOTALS = Tr(
    "{cell} = {lhs}，但参与相加的 {filled} 个行总计空着（按 0 计只得 {rhs}）；按各行内之和补齐后"
    "合计为 {would}，与本格一致：请补填这些行总计",
    "{cell} = {lhs}, but {filled} of the row totals it adds up are blank (counted as 0 they "
    "give {rhs}); filled in with their rows' sums they add up to {would}, which agrees: fill "
    "in those row totals",
)
"""The printed total is right; blank row totals among its parts are the defect."""

_HINTS = {
    "blanks": Tr(
        "{blanks} 个加数为空（按 0 计）", "{blanks} of the parts are blank (counted as 0)"
    ),
    "blank_totals": Tr(
        "{blanks} 个加数为空（按 0 计）；其中 {filled} 个是空着的行总计，按各行内之和补齐后合计为 "
        "{would}，仍差 {still}",
        "{blanks} of the parts are blank (counted as 0); {filled} of them are blank row "
        "totals — filled in with their rows' sums they add up to {would}, still {still} off",
    ),
}

ENTRIES = (
    Entry(
        "RC300",
        "likely-wrong-cell",
        ERROR,
        Tr("一个单元格导致多个关系不成立", "one cell breaks several relations"),
        {
            "default": Tr(
                "{cell} = {actual}，应为 {expected}（{direction} {amount}）：它所在的{count}个关系都差"
                "同一个数，最可能是这个单元格填错了",
                "{cell} = {actual}, should be {expected} ({amount} too {direction}): {count} "
                "relations it is part of are off by the same amount, so this cell is the likely "
                "culprit",
            )
        },
        ENGINE,
    ),
    Entry(
        "RC301",
        "row-total",
        ERROR,
        Tr(
            "表三各行：总计 = 自然人 + 法人或其他组织各列",
            "Table 3 rows: total = natural persons + the five organisation columns",
        ),
        {"default": _TOTAL, "blank_totals": _BLANK_TOTALS},
        ENGINE,
        _HINTS,
    ),
    Entry(
        "RC302",
        "results-total",
        ERROR,
        Tr(
            "表三各列：（七）总计 = 全部办理结果之和",
            "Table 3 columns: total answered = sum of every result row",
        ),
        {"default": _TOTAL, "blank_totals": _BLANK_TOTALS},
        ENGINE,
        _HINTS,
    ),
    Entry(
        "RC303",
        "balance",
        ERROR,
        Tr(
            "表三勾稽关系：第一项 + 第二项 = 第三项 + 第四项",
            "Table 3 balance: received + carried over = answered + carried forward",
        ),
        {
            "default": Tr(
                "表三 {column}列勾稽关系不成立：第一项 + 第二项 = {lhs}，第三项（七）总计 + 第四项 = "
                "{rhs}，相差 {amount}",
                "Table 3 column {column} does not balance: received + carried over = {lhs}, "
                "answered + carried forward = {rhs}, a difference of {amount}",
            ),
            "blank_totals": _BLANK_TOTALS,
        },
        ENGINE,
        _HINTS,
    ),
    Entry(
        "RC304",
        "review-litigation-total",
        ERROR,
        Tr(
            "表四各组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            "Table 4 groups: total = upheld + corrected + other + pending",
        ),
        {"default": _TOTAL, "blank_totals": _BLANK_TOTALS},
        ENGINE,
        _HINTS,
    ),
)
