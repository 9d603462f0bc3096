"""Prose against tables: figures the text restates must agree with 表二, 表三 and 表四.

Reports restate their tables in prose (「全年收到申请34件，上年结转2件…予以公开9件」,
「行政复议7件，诉讼9件，均获维持」). This package reads those figures and compares them with
the tables. What is read is declared as data, so it can grow:

- :data:`QUANTITIES` — the table quantities prose may state (a row, a group of rows, or a
  sum), with the cells they come from;
- :data:`PHRASES` — phrase patterns naming a quantity, with a priority (the most specific
  phrase of a clause wins: 「同意公开答复9件」 is about 予以公开, not about 答复);
- :data:`CLAIMS` — statements without a number (「所有申请均已办理完成」, 「均获维持」,
  「未发生行政复议」) and the table fact they assert;
- :data:`AMOUNTS` and :data:`MONEY_UNITS` — money amounts of the tables (表二's
  行政事业性收费, in 万元) with the words that name them, the sections whose prose is read
  and the units prose writes money in (元, 万元, 亿元 …).

No false alarms: a figure is compared only when its clause names exactly one quantity and
holds exactly one count (件/起/宗); sentences about other years, other units (全市, 各乡镇 …
in a department's report), comparisons (同比, 较上年, 增长) and other things (网络问政, 行政许可
申请, 人大建议) are skipped. When in doubt, nothing is said. A table value read as blank in
a 总计 cell is taken as the sum of its row, and a figure agrees when it matches either.
Money is Decimal throughout, compared in 万元 with ``Settings.amount_tolerance``.

Modules: :mod:`~reportcheck.prose.sentences` (sentences and clauses),
:mod:`~reportcheck.prose.quantities` (the table quantities, :data:`QUANTITIES`),
:mod:`~reportcheck.prose.phrases` (:data:`PHRASES` and :data:`CLAIMS` as data),
:mod:`~reportcheck.prose.context` (the context filters), :mod:`~reportcheck.prose.figures`
(figures stated in the text), :mod:`~reportcheck.prose.claims` (statements without a number
the tables contradict), :mod:`~reportcheck.prose.money` (money amounts) and
:mod:`~reportcheck.prose.sums` (a total and its parts in one sentence: the prose against
itself, RC406). The rules RC401–RC406 that use them are in :mod:`reportcheck.rules.prose`.
"""

from __future__ import annotations

from reportcheck.prose.claims import Contradiction, contradictions
from reportcheck.prose.figures import Figure, figures
from reportcheck.prose.money import (
    AMOUNTS,
    MONEY_UNITS,
    Amount,
    Money,
    StatedAmount,
    amounts_agree,
    read_money,
    stated_amounts,
    table_money,
)
from reportcheck.prose.phrases import CLAIMS, PHRASES, Claim, Phrase
from reportcheck.prose.quantities import QUANTITIES, Quantity
from reportcheck.prose.sentences import Clause, Sentence, sentences

__all__ = [
    "AMOUNTS",
    "CLAIMS",
    "MONEY_UNITS",
    "PHRASES",
    "QUANTITIES",
    "Amount",
    "Claim",
    "Clause",
    "Contradiction",
    "Figure",
    "Money",
    "Phrase",
    "Quantity",
    "Sentence",
    "StatedAmount",
    "amounts_agree",
    "contradictions",
    "figures",
    "read_money",
    "sentences",
    "stated_amounts",
    "table_money",
]
