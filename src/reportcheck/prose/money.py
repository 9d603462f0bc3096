"""Money amounts: the amounts of the tables prose may state, and reading money (Decimal, in 万元)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.sections import Layout
from reportcheck.prose.context import (
    COMPARISON,
    OTHER_TIME,
    OWN_YEAR_CUMULATIVE,
    other_year,
    own_scope,
)
from reportcheck.prose.sentences import Clause, Sentence, sentences

MONEY_UNITS: dict[str, Decimal] = {
    "亿元": Decimal(10_000),
    "千万元": Decimal(1_000),
    "百万元": Decimal(100),
    "万元": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}
"""The units prose writes money in, and their size in 万元 (the unit of 表二)."""

MONEY = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*("
    + "|".join(sorted(MONEY_UNITS, key=len, reverse=True))
    + ")"
)
APPROXIMATE = re.compile(r"约|近|逾|超过|超出|不足|不到|左右|以上|以下|余|多")
"""A figure said to be approximate (「约12万元」, 「12万元以上」) is not compared."""


@dataclass(frozen=True)
class Amount:
    """A money amount of a table (in 万元) that prose may state."""

    id: str
    zh: str
    en: str
    table: str
    row: str
    column: str
    keyword: str
    """A word every sentence about it contains (a quick test of the whole text)."""
    name: str
    """Names the amount in a clause wherever it stands (「行政事业性收费」)."""
    weak_name: str
    """Names it only at the start of a clause in :attr:`own_sections` (「本年收费金额0元」
    under 二、主动公开), in a sub-sentence that names nothing of :attr:`other_things`."""
    own_sections: frozenset[int]
    sections: frozenset[int]
    """The sections whose prose is read (六 states the 信息处理费, 三 the applications)."""
    none: str
    """A claim that there was none (「未收取行政事业性收费」), without a figure."""
    follows: str
    """What may stand beside the figure in a clause that follows a clause naming the
    amount (「行政事业性收费方面，全年收取12.5万元」)."""
    other_things: str
    """Words in a clause that make its figure about something else (other fees,
    reductions, items, a part)."""
    other_context: str
    """Words in a sub-sentence that make its figures about other money (budgets, non-tax
    revenue, the fees of applications)."""


AMOUNTS: tuple[Amount, ...] = (
    Amount(
        "administrative_fees",
        "行政事业性收费",
        "administrative fees",
        "proactive_disclosure",
        "administrative_fees",
        "amount",
        keyword="收费",
        name=r"行政事业性收费",
        weak_name=r"^\s*(?:本年度?|全年|当年|年度)?(?:共|累计)?收费(?:金额|总额|收入)",
        own_sections=frozenset({2}),
        sections=frozenset({1, 2}),
        none=r"(?:未|没有|无)(?:收取|征收|发生|产生|涉及|有)?(?:任何)?的?行政事业性收费"
        r"|行政事业性收费(?:金额|收入|总额)?(?:为|是)?(?:零|0)(?![\d.])(?!\s*(?:项|件|个|条|次|笔|家))",
        follows=r"(?:本年度?|全年|当年|年度|共|共计|合计|总计|累计|收取|征收|实收|收入|金额|收费|总额|"
        r"为|达|计|是|了|\s)*",
        other_things=r"信息处理费|处理费|经营服务性|服务性收费|中介|涉企|停车|景区|门票|标准|目录|清单|"
        r"项目|政策|减免|免征|免收|减征|减收|降费|减负|让利|清理|取消|退还|退费|罚没|罚款|违规|违法|"
        r"乱收费|代收|其中|除|以外|之外|政府性基金|基金",
        other_context=r"预算|决算|非税|税收|财政收入|一般公共|国有资本|收支|信息公开|依申请|申请|"
        r"信息处理|处理费|检索|复制|邮寄|递送",
    ),
)


class _AmountPatterns(NamedTuple):
    name: re.Pattern[str]
    weak: re.Pattern[str]
    none: re.Pattern[str]
    follows: re.Pattern[str]
    other: re.Pattern[str]
    other_context: re.Pattern[str]


_AMOUNT_PATTERNS = {
    a.id: _AmountPatterns(
        *(
            re.compile(p)
            for p in (a.name, a.weak_name, a.none, a.follows, a.other_things, a.other_context)
        )
    )
    for a in AMOUNTS
}


@dataclass(frozen=True)
class Money:
    """An amount in 万元 and the precision it is written with."""

    wan: Decimal
    step: Decimal
    """One unit of its last written digit, in 万元 (0 for zero: a zero is exact)."""
    written: str
    """As written (「12.5万元」, or the table cell's text)."""


def read_money(number: str, unit: str) -> Money:
    """「125,000」「元」 → 12.5 万元, written to the 元 (Decimal, never float)."""
    d = Decimal(number.replace(",", ""))
    factor = MONEY_UNITS[unit]
    exponent = d.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) * factor
    return Money(d * factor, Decimal(0) if d == 0 else step, f"{number}{unit}")


def amounts_agree(prose: Money, table: Money, tolerance: Decimal) -> bool:
    """Whether a stated amount agrees with the table's.

    They agree when they differ by at most ``tolerance`` plus half a unit of the last digit
    of the less precisely written one (one is the other rounded: 2.4亿元 for 24252.311082
    万元, 125326元 for 12.53 万元), or when the less precise one is the other cut off at its
    last digit (2.42亿元 for 24252.31 万元). A zero is exact.
    """
    diff = abs(prose.wan - table.wan)
    if diff * 2 <= tolerance * 2 + max(prose.step, table.step):
        return True
    return any(0 <= b.wan - a.wan < a.step for a, b in ((prose, table), (table, prose)) if a.step)


def table_money(report: Report, amount: Amount) -> tuple[Money, Cell] | None:
    """The table's amount in 万元 with its cell (blank or placeholder: 0), or None when the
    cell is missing, not a number, or not in the report's format (the 2019 表二 has no fee
    amount)."""
    table = report.format.table(amount.table)
    if not table.has_row(amount.row) or not table.row(amount.row).has_column(amount.column):
        return None
    data = report.tables.get(amount.table)
    cell = data.get(amount.row, amount.column) if data else None
    if cell is None or cell.state in (CellState.TEXT, CellState.FORMULA_NO_VALUE):
        return None
    raw = cell.raw.strip()
    if not cell.numeric or cell.value is None:
        return Money(Decimal(0), Decimal(0), raw), cell
    value = Decimal(cell.value)
    money = read_money(str(value), "元" if cell.unit == "元" else "万元")
    return Money(money.wan, money.step, raw), cell


@dataclass
class StatedAmount:
    """An amount the prose states (or says there was none of)."""

    amount: Amount
    money: Money
    sentence: Sentence
    clause: Clause
    none: bool = False
    """A claim of none (「未收取行政事业性收费」) rather than a figure."""


def stated_amounts(report: Report, lay: Layout | None) -> Iterator[StatedAmount]:
    """Every amount the prose states that can be compared with a table.

    A figure is read when its clause names the amount (or the clause before it does, and
    the figure stands alone: 「行政事业性收费方面，全年收取12.5万元」) and holds exactly one
    money figure; a clause naming it with no figure may say there was none. Only the
    sections of :attr:`Amount.sections` are read, and the context filters of the count
    rules apply: other years, other units, comparisons, other times; then the amount's own
    (other fees, budgets, non-tax revenue, approximate figures).
    """
    text = report.text or ""
    for amount in AMOUNTS:
        if amount.keyword not in text:
            continue
        other_context = _AMOUNT_PATTERNS[amount.id].other_context
        for s in sentences(text):
            if amount.keyword not in s.text or other_context.search(s.text):
                continue
            section = lay.section_at(s.offset) if lay is not None else None
            if section not in amount.sections:
                continue
            if other_year(report, s) or not own_scope(report, s.context):
                continue
            clauses = s.clauses
            for i, clause in enumerate(clauses):
                found = _amount_in(amount, clause, clauses[i - 1] if i else None, section, s)
                if found is not None and _amount_context_ok(clause.text):
                    yield found


def _amount_in(
    amount: Amount, clause: Clause, before: Clause | None, section: int, s: Sentence
) -> StatedAmount | None:
    """What one clause states about an amount (None: nothing, or nothing certain)."""
    name, weak, none, follows, other, _ = _AMOUNT_PATTERNS[amount.id]
    text = clause.text
    if other.search(text):
        return None
    figures = list(MONEY.finditer(text))
    if len(figures) > 1:
        return None
    if not figures:
        if none.search(text):
            return StatedAmount(amount, Money(Decimal(0), Decimal(0), "0"), s, clause, True)
        return None
    m = figures[0]
    named = bool(name.search(text)) or (
        section in amount.own_sections
        and weak.search(text) is not None
        and not other.search(s.text)
    )
    if not named:
        rest = text[: m.start()] + text[m.end() :]
        named = (
            before is not None
            and bool(name.search(before.text))
            and not MONEY.search(before.text)
            and not other.search(before.text)
            and follows.fullmatch(rest.strip().rstrip("。！？!?；;、").strip()) is not None
        )
    if not named or APPROXIMATE.search(text):
        return None
    return StatedAmount(amount, read_money(m[1], m[2]), s, clause)


def _amount_context_ok(clause: str) -> bool:
    """The clause filters of the count rules: comparisons and other times."""
    if COMPARISON.search(clause):
        return False
    return not (OTHER_TIME.search(clause) and not OWN_YEAR_CUMULATIVE.search(clause))
