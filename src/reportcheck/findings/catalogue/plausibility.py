"""RC7xx plausibility: figures that add up but cannot be right (issue 27).

Across years (RC70x): a figure of this year's report against the same cell of last year's —
a unit slip (元 written where the table asks for 万元: about 10,000 times), a count that jumps
far, 现行有效件数 fallen to 0. Within one report (RC71x): a 万元 amount with more decimal
places than a whole yuan needs, a count that is another count typed twice. None is an error:
each says what it saw and how it decided, so that a clerk can check or dismiss it at once.
The thresholds are :class:`reportcheck.config.Plausibility` (``[plausibility]`` in the
configuration).
"""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

WARNING = Severity.WARNING
INFO = Severity.INFO

ENTRIES = (
    Entry(
        "RC701",
        "unit-slip-across-years",
        WARNING,
        Tr("与上年相比疑似单位错误", "a likely unit slip against last year's figure"),
        {
            "default": Tr(
                "疑似单位错误：{cell} 上年 {before} 万元（{previous}{before_at}），本年 {value} 万元，"
                "约为上年的 {factor}。{slip}（判断依据：本年与上年之比为 {ratio}，在 {low} 至 "
                "{high} 之间；收费金额正常的年度变化远小于此）",
                "Likely unit slip: {cell} was {before} (10,000 yuan) last year ({previous}"
                "{before_at}) and is {value} this year, about {factor} last year's. {slip} (how "
                "this was decided: this year's figure is {ratio} times last year's, between {low} "
                "and {high}; a fee amount's ordinary change from one year to the next is far "
                "smaller)",
            ),
            "digits": Tr(
                "疑似多写或少写了 0、或小数点位置错误：{cell} 上年 {before}（{previous}{before_at}），"
                "本年 {value}，恰为上年的 {factor}（判断依据：两个数的有效数字都是「{digits}」，"
                "只差小数点或末尾 0 的位置）",
                "Likely a 0 too many or too few, or a misplaced decimal point: {cell} was "
                "{before} last year ({previous}{before_at}) and is {value} this year, exactly "
                "{factor} last year's (how this was decided: both figures have the same "
                "significant digits “{digits}” and differ only in the place of the decimal "
                "point or of trailing zeros)",
            ),
        },
        "rules.plausibility",
    ),
    Entry(
        "RC702",
        "count-jump",
        INFO,
        Tr("件数与上年相比变化极大", "a count changed far more than usual since last year"),
        {
            "default": Tr(
                "{cell} 从上年的 {before}（{previous}{before_at}）变为本年的 {value}，{times}，"
                "相差 {change} 件，请核实（判断依据：变化达到 {factor} 倍且相差至少 "
                "{minimum} 件；阈值见配置 plausibility.jump-factor、jump-minimum）",
                "{cell} went from {before} last year ({previous}{before_at}) to {value} this "
                "year, {times}, a difference of {change}; please check "
                "(how this was decided: a change of at least {factor} times and at least "
                "{minimum} items; thresholds plausibility.jump-factor and jump-minimum)",
            )
        },
        "rules.plausibility",
    ),
    Entry(
        "RC703",
        "in-force-to-zero",
        WARNING,
        Tr(
            "现行有效件数降为 0，但废止件数不足",
            "documents in force fell to 0 without as many repealed",
        ),
        {
            "default": Tr(
                "{cell} 为 0，而上年为 {before}（{previous}{before_at}），本年只废止 {repealed} 件"
                "{repealed_at}：可能漏填了现行有效件数，或填在了别的单元格（判断依据：上年至少 "
                "{minimum} 件、本年为 0，且本年废止件数少于上年现行有效件数）",
                "{cell} is 0, but it was {before} last year ({previous}{before_at}) and only "
                "{repealed} were repealed this year{repealed_at}: the figure in force may have "
                "been left out or written in another cell (how this was decided: at least "
                "{minimum} last year, 0 this year, and fewer repealed than were in force)",
            )
        },
        "rules.plausibility",
    ),
    Entry(
        "RC711",
        "fee-decimals",
        INFO,
        Tr("收费金额比 1 分还细", "a fee amount finer than a fen"),
        {
            "default": Tr(
                "{cell} = {value} 万元，有 {places} 位小数，合 {yuan} 元，比 {unit} 元还细，"
                "不像一笔钱数：可能是把以元计的数手工或用公式除以 10,000 时出错，请核对单位和数值"
                "（判断依据：万元超过 {max} 位小数；以元计到分的数换算成万元最多 6 位小数）",
                "{cell} = {value} (10,000 yuan) has {places} decimal places, {yuan} yuan, finer "
                "than {unit} yuan, which no sum of money is: a yuan figure may have gone wrong "
                "when divided by 10,000, by hand or by a formula; please check the unit and the "
                "figure (how this was decided: more than {max} decimal places of 10,000 yuan; "
                "yuan to the fen make at most 6)",
            )
        },
        "rules.plausibility",
    ),
    Entry(
        "RC712",
        "doubled-digits",
        INFO,
        Tr("件数疑似重复录入（如 21 写成 2121）", "a count typed twice (21 as 2121)"),
        {
            "default": Tr(
                "{cell} = {value}，是「{half}」重复了两遍；按 {half} 计算时「{relation}」成立"
                "（现为 {lhs} ≠ {rhs}），可能是重复录入（判断依据：这个数由同一串数字重复两次组成，"
                "换成一半正好使表内关系成立）",
                "{cell} = {value} is “{half}” twice; with {half} the relation “{relation}” holds "
                "(now {lhs} ≠ {rhs}): the figure may have been typed twice (how this was "
                "decided: the number is one string of digits repeated, and its half makes the "
                "table's relation hold)",
            )
        },
        "rules.plausibility",
    ),
)
