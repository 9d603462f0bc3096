"""The grid every reader of a tabular source fills: cells at (row, column) with their text,
location and, for merged cells, the range they cover; and the limits on its size.

:mod:`reportcheck.readers.grid` finds the three tables in it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import field
from typing import Any

from reportcheck.errors import Refused
from reportcheck.model.report import Location
from reportcheck.records import record


def _within(values: list[int], lo: int, hi: int) -> list[int]:
    """The sorted ``values`` from ``lo`` to ``hi`` inclusive."""
    return values[bisect_left(values, lo) : bisect_right(values, hi)]


@record(slots=True)
class GridCell:
    """One cell of a grid as the source gave it."""

    text: str
    location: Location
    value: object = None
    """A typed value from the source (an Excel number); None to parse ``text``."""
    formula: str | None = None
    no_cached_value: bool = False
    """An Excel formula whose result was never saved."""
    shown_as: str | None = None
    """How Excel's number format shows ``value`` when it differs in kind (``text`` is then
    that display): ``date`` (read as text, RC201), ``percent``, ``wan`` (an amount in 元
    shown in 万)."""


MAX_POSITIONS = 250_000
"""Grid positions a table's cells and merged ranges may cover (a report's tables cover a
few hundred, a whole workbook sheet a few thousand). Beyond it the input is refused
(:class:`GridTooLarge`): a merge or span over millions of positions is damage, and costs
seconds and hundreds of MB to expand."""


MAX_TABLE_CELLS = 20_000
"""Filled cells the tables of one file may hold (a report's three tables hold a few hundred;
a workbook with its tables and an extra sheet or two a few thousand). Finding tables costs
time per cell: beyond this the file is refused (:class:`TooManyCells`) rather than read for
seconds."""


class TooManyCells(Refused):
    """More than :data:`MAX_TABLE_CELLS` filled cells in the tables of one file."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"表格中有 {count} 个非空单元格（上限 {MAX_TABLE_CELLS}），不像年报",
            f"the tables hold {count} filled cells (limit {MAX_TABLE_CELLS}): not a report",
        )


def check_cells(count: int) -> None:
    """Raise :class:`TooManyCells` when ``count`` is over :data:`MAX_TABLE_CELLS`."""
    if count > MAX_TABLE_CELLS:
        raise TooManyCells(count)


def check_grids(grids: Iterable[Grid]) -> None:
    """:func:`check_cells` on the filled cells of ``grids``."""
    check_cells(sum(1 for g in grids for c in g.cells.values() if c.text or c.value is not None))


class GridTooLarge(Refused):
    """A table whose cells and merged ranges cover more than :data:`MAX_POSITIONS`."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"表格「{name}」的单元格和合并区域超过 {MAX_POSITIONS} 格，不像年报",
            f"the table “{name}” covers more than {MAX_POSITIONS} cells with its merged "
            "ranges: not a report",
        )


@record()
class Grid:
    """A rectangle of cells: an Excel sheet, an HTML or Word table, or text lines.

    ``cells`` holds each cell at its top-left position; ``merged`` lists the ranges
    (row1, col1, row2, col2, inclusive) that one cell covers.
    """

    name: str
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    by_header: bool = True
    """False for flattened text, whose header positions do not line up with the data."""
    _cover: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)
    header_cache: dict[tuple[int, int, tuple[str, ...]], dict[str, int]] = field(
        default_factory=dict, repr=False
    )
    """Header positions already found (see ``_header_positions``), per search."""
    _by_row: dict[int, list[int]] | None = field(default=None, repr=False)
    """Columns per row, built by :meth:`finish` (cells must not change afterwards)."""
    _lines: list[Any] | None = field(default=None, repr=False)
    """The table finder's reading of the grid's lines, remembered (:mod:`reportcheck.readers.grid`)."""
    spanning: frozenset[int] = field(default=frozenset(), repr=False)
    """Columns where a cell spanning several columns starts (set by :meth:`finish`): only
    under such a header may a row's figure stand right of the header's first column."""

    def finish(self) -> None:
        """Index merged ranges (call once after filling ``cells`` and ``merged``)."""
        self._cover = {}
        # Only rows and columns that hold a cell need to know what covers them: a merge
        # over a whole column (L1:L1048576) must not cost a million entries.
        used_rows = sorted({r for r, _ in self.cells})
        used_cols = sorted({c for _, c in self.cells})
        for r1, c1, r2, c2 in self.merged:
            rows = range(r1, r2 + 1) if r2 - r1 < 256 else _within(used_rows, r1, r2)
            cols = range(c1, c2 + 1) if c2 - c1 < 256 else _within(used_cols, c1, c2)
            if len(self._cover) + len(rows) * len(cols) > MAX_POSITIONS:
                raise GridTooLarge(self.name)
            for r in rows:
                for c in cols:
                    self._cover[(r, c)] = (r1, c1)
        by_row: dict[int, set[int]] = {}
        for r, c in [*self.cells, *self._cover]:
            by_row.setdefault(r, set()).add(c)
        self._by_row = {r: sorted(by_row[r]) for r in sorted(by_row)}
        self._lines = None
        self.spanning = frozenset(c1 for _, c1, _, c2 in self.merged if c2 > c1)

    def at(self, r: int, c: int) -> GridCell | None:
        """The cell at (r, c), or the merged cell covering it."""
        cell = self.cells.get((r, c))
        if cell is not None:
            return cell
        origin = self._cover.get((r, c))
        return self.cells.get(origin) if origin else None

    def origin(self, r: int, c: int) -> tuple[int, int]:
        """Top-left position of the (merged) cell covering (r, c)."""
        return self._cover.get((r, c), (r, c))

    @property
    def rows(self) -> list[int]:
        """Row numbers that hold any cell, in order."""
        if self._by_row is not None:
            return list(self._by_row)
        return sorted({r for r, _ in self.cells} | {r for r, _ in self._cover})

    def row_cols(self, r: int) -> list[int]:
        """Column numbers of row r that hold a cell or are covered by a merged one."""
        if self._by_row is not None:
            return self._by_row.get(r, [])
        cols = {c for rr, c in self.cells if rr == r} | {c for rr, c in self._cover if rr == r}
        return sorted(cols)


def stack(grids: list[Grid], name: str) -> Grid:
    """Grids one under the other, as one grid.

    Tables that follow each other with nothing between them read as one table to a
    person (表二 published as one table per 第二十条 block). Cells keep their own
    locations, so findings still name the source table.
    """
    out = Grid(name, by_header=all(g.by_header for g in grids))
    offset = 0
    for g in grids:
        for (r, c), cell in g.cells.items():
            out.cells[(r + offset, c)] = cell
        out.merged.extend((r1 + offset, c1, r2 + offset, c2) for r1, c1, r2, c2 in g.merged)
        offset += max([r for r, _ in g.cells] + [m[2] for m in g.merged], default=0)
    out.finish()
    return out
