"""The batch's outliers: figures far outside what reports of the same level say (issue 27).

A figure that adds up can still be 10,000 times what every other bureau reports — a fee
written in 元, a count with digits typed twice. Across a batch that shows: per *cell
family* (the same cell of the same table, format version and agency level) the figures
above 0 of at least ``outlier_reports`` reports are put on a log scale; a figure is an
outlier when it lies further from their median than ``outlier_spread`` robust standard
deviations (1.4826 × the median absolute deviation) **and** at least ``outlier_factor``
times (or 1/that) the median. The summary lists them as 「异常值，请核实」; they are not
findings on the files (no single file is wrong by itself).

Memory: a float and two small ints per figure (arrays), the figure's text and address
interned — a batch of 10,000 reports of ~100 figures each holds some 20 MB.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportcheck.findings import fmt_number
from reportcheck.findings.cells import where, where_en
from reportcheck.model.report import CellState

if TYPE_CHECKING:
    from reportcheck.config import Plausibility
    from reportcheck.model.report import Report

Family = tuple[str, str, str, str, str]
"""(level, format version, table, row, column)."""

_MAD_TO_SD = 1.4826
"""A normal distribution's standard deviation in median absolute deviations."""

HEADS: dict[str, list[str]] = {
    "zh": ["文件", "机关", "层级", "单元格", "数值", "同级中位数", "倍数", "判断依据"],
    "en": [
        "file",
        "agency",
        "level",
        "cell",
        "figure",
        "median of the level",
        "times",
        "how this was decided",
    ],
}
"""The outlier table's column headings."""

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "异常值，请核实",
        "sheet": "异常值，请核实",
        "lead": (
            "同一层级、同一格式的报告中，同一单元格的数与其他报告相差极大（至少 {n} 份报告有这个数时才比较）。"
            "这不是错误结论：请逐一核实单位（元与万元）和数字。"
        ),
        "none": "无",
        "too_few": "没有哪个单元格有至少 {n} 份同级报告的数，未比较。",
        "why": (
            "{n} 份同级报告中，这个单元格（大于 0 的数）的中位数为 {median}；本数偏离中位数 {dev} 个"
            "稳健标准差（对数尺度，1.4826 × 中位数绝对偏差），超过 {spread} 个且相差至少 {factor} 倍"
        ),
        "times": "约 {x} 倍",
        "fraction": "约 1/{x}",
        "why_same": (
            "{n} 份同级报告中，这个单元格（大于 0 的数）的中位数为 {median}，半数以上的报告与中位数相同"
            "（中位数绝对偏差为 0）；本数与中位数相差至少 {factor} 倍"
        ),
    },
    "en": {
        "title": "Outliers, please check",
        "sheet": "Outliers",
        "lead": (
            "A figure very far from what the other reports of the same level and format say in "
            "the same cell (compared when at least {n} reports have a figure there). Not a "
            "verdict: check the unit (yuan or 10,000 yuan) and the digits of each."
        ),
        "none": "none",
        "too_few": "No cell has a figure in {n} reports of one level: nothing was compared.",
        "why": (
            "the median of this cell (figures above 0) over {n} reports of the level is "
            "{median}; this figure is {dev} robust standard deviations from it (log scale, "
            "1.4826 × the median absolute deviation), more than {spread}, and at least "
            "{factor} times off"
        ),
        "times": "about {x}×",
        "fraction": "about 1/{x}",
        "why_same": (
            "the median of this cell (figures above 0) over {n} reports of the level is "
            "{median}, and more than half of them equal it (median absolute deviation 0); "
            "this figure is at least {factor} times off"
        ),
    },
}


@dataclass(slots=True)
class Outlier:
    """One figure far outside its family, with what the summary says of it."""

    index: int
    """The file's row in the summary (0-based)."""
    family: Family
    cell: tuple[str, str]
    """(zh, en) name of the cell."""
    address: str
    value: str
    median: float
    ratio: float
    """value / median."""
    deviations: float
    """|log10(value) − median| in robust standard deviations (inf when the others agree)."""
    reports: int

    def times(self, lang: str) -> str:
        w = WORDS[lang]
        if self.ratio >= 1:
            return w["times"].format(x=round_figure(self.ratio))
        return w["fraction"].format(x=round_figure(1 / self.ratio))

    def why(self, lang: str, p: Plausibility) -> str:
        w = WORDS[lang]
        return w["why_same" if math.isinf(self.deviations) else "why"].format(
            n=self.reports,
            median=round_figure(self.median),
            dev=f"{self.deviations:.1f}",
            spread=p.outlier_spread,
            factor=p.outlier_factor,
        )


def round_figure(x: float) -> str:
    """A figure for people: 4 significant digits at most, thousands grouped."""
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 1:
        return f"{x:.4g}"
    return f"{x:.3g}"


@dataclass
class Figures:
    """Every figure above 0 of the batch, by family (see the module doc)."""

    _logs: dict[Family, array[float]] = field(default_factory=dict)
    _rows: dict[Family, array[int]] = field(default_factory=dict)
    _shown: dict[Family, list[str]] = field(default_factory=dict)
    _where: dict[Family, list[str]] = field(default_factory=dict)
    _names: dict[Family, tuple[str, str]] = field(default_factory=dict)
    _intern: dict[str, str] = field(default_factory=dict)

    def add(self, index: int, report: Report) -> None:
        """The figures of one checked report (row ``index`` of the summary)."""
        level = report.metadata.level or ""
        version = report.format_version or ""
        number = CellState.NUMBER
        for table, data in report.tables.items():
            for (row, column), cell in data.cells.items():
                value = cell.value
                if cell.state is not number or value is None or value <= 0:
                    continue
                key = (level, version, table, row, column)
                logs = self._logs.get(key)
                if logs is None:
                    logs = self._logs[key] = array("d")
                    self._rows[key] = array("I")
                    self._shown[key] = []
                    self._where[key] = []
                    self._names[key] = _name(report, table, row, column)
                logs.append(math.log10(value))
                self._rows[key].append(index)
                shown = fmt_number(value) or ""
                self._shown[key].append(self._intern.setdefault(shown, shown))
                address = cell.location.address if cell.location else ""
                self._where[key].append(self._intern.setdefault(address, address))

    def compared(self, p: Plausibility) -> int:
        """How many families have enough reports to be compared."""
        return sum(1 for logs in self._logs.values() if len(logs) >= p.outlier_reports)

    def outliers(self, p: Plausibility) -> list[Outlier]:
        """Every outlier, by file and then by cell family."""
        found = list(self._find(p))
        found.sort(key=lambda o: (o.index, o.family))
        return found

    def _find(self, p: Plausibility) -> Iterator[Outlier]:
        spread = float(p.outlier_spread)
        least = math.log10(float(p.outlier_factor))
        for key, logs in self._logs.items():
            n = len(logs)
            if n < p.outlier_reports:
                continue
            ordered = sorted(logs)
            centre = _median(ordered)
            mad = _median(sorted(abs(x - centre) for x in logs))
            scale = _MAD_TO_SD * mad
            limit = max(spread * scale, least)
            for i, x in enumerate(logs):
                off = abs(x - centre)
                if off <= limit:
                    continue
                yield Outlier(
                    index=self._rows[key][i],
                    family=key,
                    cell=self._names[key],
                    address=self._where[key][i],
                    value=self._shown[key][i],
                    median=10**centre,
                    ratio=10 ** (x - centre),
                    deviations=off / scale if scale else math.inf,
                    reports=n,
                )


def _median(ordered: list[float]) -> float:
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _name(report: Report, table: str, row: str, column: str) -> tuple[str, str]:
    try:
        return where(report, table, row, column), where_en(report, table, row, column)
    except KeyError:  # a cell the format does not define: its ids
        return f"{table} {row} {column}", f"{table} {row} {column}"
