"""RC4xx prose against the tables: what the text of a published report says differs from
its own tables (RC401–RC405), or from itself (RC406: a total and its parts).

Emitted by the prose rules (:mod:`reportcheck.rules.prose`; the comparisons are in
:mod:`reportcheck.prose.checks`). Their pages and cases are in ``pages/prose.py``.
"""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

WARNING = Severity.WARNING
RULES = "rules.prose (the prose rules)"

_FIGURE = Tr(
    "正文「{quote}」中{quantity} {value} 件{percent}，与{label} {table_value} 件{alt}不一致",
    "the text 「{quote}」 gives {quantity} as {value}{percent}, but {label} is {table_value}{alt}",
)
"""A figure in the text against the table: ``quantity`` names it, ``label`` the table's cell;
``percent`` is the share stated beside it (Tr("（12%）", ""): the English message leaves it
out) and ``alt`` the row's sum of parts when its 总计 differs (Tr("（按各列相加为 9）",
" (9 adding up the columns)"), else empty)."""
_CLAIM = Tr("正文「{quote}」{claim}", "the text 「{quote}」 {claim}")
"""A statement without a number (「均获维持」, 「所有申请均已办结」) against the table."""

ENTRIES = (
    Entry(
        "RC401",
        "prose-applications",
        WARNING,
        Tr("正文中的申请数字与表三不一致", "application figures in the text differ from Table 3"),
        {"default": _FIGURE, "claim": _CLAIM},
        RULES,
    ),
    Entry(
        "RC402",
        "prose-percentage",
        WARNING,
        Tr("正文中的办理结果占比与表三不符", "outcome percentage in the text does not fit Table 3"),
        {
            "default": Tr(
                "正文「{quote}」中{quantity}占 {percent}%，按表三 {value} / {answered} 应为 {exact}%",
                "the text 「{quote}」 gives {quantity} as {percent}%, but by Table 3 {value} / "
                "{answered} it is {exact}%",
            )
        },
        RULES,
    ),
    Entry(
        "RC403",
        "prose-review-litigation",
        WARNING,
        Tr(
            "正文中的行政复议、行政诉讼情况与表四不一致",
            "review or litigation figures in the text differ from Table 4",
        ),
        {"default": _FIGURE, "claim": _CLAIM},
        RULES,
    ),
    Entry(
        "RC404",
        "prose-documents",
        WARNING,
        Tr(
            "正文中的规章、规范性文件数与表二不一致",
            "regulation or normative-document counts in the text differ from Table 2",
        ),
        {"default": _FIGURE},
        RULES,
    ),
    Entry(
        "RC405",
        "prose-fee-amount",
        WARNING,
        Tr(
            "正文中的行政事业性收费金额与表二不一致",
            "administrative-fee amount in the text differs from Table 2",
        ),
        {
            "default": Tr(
                "正文「{quote}」{said}，但{cell} 为 {table_wan} 万元{written}（相差 {difference} 万元，"
                "容差 {tolerance} 万元）",
                "the text 「{quote}」 {said}, but {cell} is {table_wan}{written} (× 10,000 "
                "yuan; difference {difference}, tolerance {tolerance})",
            )
        },
        RULES,
    ),
    Entry(
        "RC406",
        "prose-sum",
        WARNING,
        Tr(
            "正文中总数与其中各项之和不符",
            "a total in the text and the parts it lists do not add up",
        ),
        {
            "default": Tr(
                "正文「{quote}」：{parts}之和 {expression} = {sum}，与总数 {total}{unit}不符，"
                "相差 {difference}（{direction}）",
                "the text 「{quote}」: {parts} add up to {expression} = {sum}, not to the "
                "total {total}{unit} ({difference} {direction})",
            )
        },
        RULES,
        hints={
            "one_part": Tr(
                "相差的 {part} 恰为其中一项：该项可能已含在另一项中（应写作该项的「其中」），或总数漏计了它。",
                "the difference, {part}, is exactly one of the parts: that part may be counted "
                "within another one (then say so), or the total may leave it out.",
            )
        },
    ),
)
