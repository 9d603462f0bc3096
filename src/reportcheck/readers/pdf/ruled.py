"""Tables from ruling lines (cell boxes, each character in the box it falls in), lines of
text numbered from the top of each page, and the page furniture (headers, footers, page
numbers)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from reportcheck.readers.pdf.page import (
    _DIGITS,
    _PAGE_NUMBER,
    _TOL,
    MAX_GRID,
    MAX_PAIRS,
    MAX_RULES,
    _Char,
    _group_lines,
    _Line,
    _Page,
    _Rule,
    _Table,
    _TCell,
)

# ------------------------------------------------------------------ tables from ruling lines


def _clusters(values: list[float]) -> list[float]:
    """Positions within _TOL of each other taken as one (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _touch(a: _Rule, b: _Rule) -> bool:
    return (
        a.x0 - _TOL <= b.x1 and b.x0 - _TOL <= a.x1 and a.top - _TOL <= b.bottom
        and b.top - _TOL <= a.bottom
    )  # fmt: skip


def _rule_groups(rules: list[_Rule], budget: list[int]) -> list[list[_Rule]]:
    """Rules that touch each other, directly or through others (one table each).
    ``budget``: the pairs of rules that may still be compared in this PDF."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].top)
    allowed = min(MAX_PAIRS, budget[0])
    compared = 0
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if rules[j].top - _TOL > rules[i].bottom:
                break
            compared += 1
            if compared > allowed:
                budget[0] -= allowed
                return []  # a mesh of rules over each other: no table (see MAX_PAIRS)
            if _touch(rules[i], rules[j]):
                parent[find(i)] = find(j)
    budget[0] -= compared
    groups: dict[int, list[_Rule]] = {}
    for i, r in enumerate(rules):
        groups.setdefault(find(i), []).append(r)
    return list(groups.values())


def _table(page: int, rules: list[_Rule]) -> _Table | None:
    hs = [rule for rule in rules if rule.horizontal]
    vs = [rule for rule in rules if not rule.horizontal]
    if len(hs) < 2 or len(vs) < 2:
        return None
    xs = _open_edges(
        _clusters([(rule.x0 + rule.x1) / 2 for rule in vs]), [(r.x0, r.x1) for r in hs]
    )
    ys = _open_edges(
        _clusters([(rule.top + rule.bottom) / 2 for rule in hs]), [(r.top, r.bottom) for r in vs]
    )
    if len(xs) < 2 or len(ys) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows * n_cols > MAX_GRID:
        return None

    # the rules standing on each column and row boundary, as (from, to) spans
    on_x: list[list[tuple[float, float]]] = [[] for _ in xs]
    on_y: list[list[tuple[float, float]]] = [[] for _ in ys]
    for rule in vs:
        on_x[_nearest(xs, (rule.x0 + rule.x1) / 2)].append((rule.top, rule.bottom))
    for rule in hs:
        on_y[_nearest(ys, (rule.top + rule.bottom) / 2)].append((rule.x0, rule.x1))

    # each boundary's spans joined where they overlap (within _TOL), as (starts, ends)
    x_spans = [_joined(spans) for spans in on_x]
    y_spans = [_joined(spans) for spans in on_y]

    def vertical_at(i: int, y: float) -> bool:
        starts, ends = x_spans[i]
        k = bisect_right(starts, y) - 1
        return k >= 0 and y <= ends[k]

    def horizontal_at(i: int, x: float) -> bool:
        starts, ends = y_spans[i]
        k = bisect_right(starts, x) - 1
        return k >= 0 and x <= ends[k]

    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        ym = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            xm = (xs[c] + xs[c + 1]) / 2
            if c + 1 < n_cols and not vertical_at(c + 1, ym):
                parent[find(r * n_cols + c)] = find(r * n_cols + c + 1)
            if r + 1 < n_rows and not horizontal_at(r + 1, xm):
                parent[find(r * n_cols + c)] = find((r + 1) * n_cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(n_rows):  # row by row: a cell's first grid position is its top row
        for c in range(n_cols):
            root = find(r * n_cols + c)
            s = spans.get(root)
            if s is None:
                spans[root] = [r, c, r, c]
                continue
            if c < s[1]:
                s[1] = c
            if c > s[3]:
                s[3] = c
            s[2] = r
    cells = [
        _TCell(r1, c1, r2, c2, xs[c1], ys[r1], xs[c2 + 1], ys[r2 + 1])
        for r1, c1, r2, c2 in spans.values()
    ]
    cells.sort(key=lambda c: (c.r1, c.c1))
    table = _Table(page, xs, ys, cells)
    for cell in cells:
        for r in range(cell.r1, cell.r2 + 1):
            for c in range(cell.c1, cell.c2 + 1):
                table.at[(r, c)] = cell
    return table


def _open_edges(edges: list[float], across: list[tuple[float, float]]) -> list[float]:
    """The rules' positions on one axis (``edges``, sorted) with the table's open sides: a
    table drawn without its outer left and right edges (or top and bottom) still ends where
    the rules across it end, when two or more of them reach out that far together."""
    if not edges or len(across) < 2:
        return edges
    low = min(a for a, _ in across)
    high = max(b for _, b in across)
    if edges[0] - low > 3 * _TOL and sum(1 for a, _ in across if a - low <= _TOL) >= 2:
        edges = [low, *edges]
    if high - edges[-1] > 3 * _TOL and sum(1 for _, b in across if high - b <= _TOL) >= 2:
        edges = [*edges, high]
    return edges


def _joined(spans: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Spans widened by _TOL and joined where they overlap: their starts and ends, sorted
    (a point is on a span when it lies between the start before it and that start's end)."""
    starts: list[float] = []
    ends: list[float] = []
    for a, b in sorted(spans):
        a, b = a - _TOL, b + _TOL
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _nearest(values: list[float], x: float) -> int:
    """The index of the sorted ``values`` nearest to ``x``."""
    k = bisect_right(values, x)
    if k == 0:
        return 0
    if k == len(values) or x - values[k - 1] <= values[k] - x:
        return k - 1
    return k


_HANGING = frozenset("，。、；：！？）》」』”’】〕")
"""CJK closing punctuation: its glyph stands in the left half of its (full-width) box."""


def _find_tables(page: _Page, budget: list[int]) -> None:
    if len(page.rules) > MAX_RULES:
        page.rules = []
    for group in _rule_groups(page.rules, budget):
        table = _table(page.number, group)
        if table is not None and len(table.cells) > 1:
            page.tables.append(table)
    if not page.tables:
        return
    page.tables.sort(key=lambda t: t.top)
    boxes = [
        (t.top, t.bottom, t.x0, t.x1, t.ys, t.xs, len(t.ys) - 2, len(t.xs) - 2, t.at)
        for t in page.tables
    ]
    for ch in page.chars:
        y = ch.cy
        for top, bottom, left, right, ys, xs, last_row, last_col, at in boxes:
            if top <= y <= bottom:
                # closing punctuation stands in the left of its box, and hangs past the
                # end of a wrapped label into the cell padding (标点溢出边界): where it starts
                x = ch.x0 + 0.25 * (ch.x1 - ch.x0) if ch.text in _HANGING else (ch.x0 + ch.x1) / 2
                if left <= x <= right:
                    r = bisect_right(ys, y) - 1
                    r = 0 if r < 0 else last_row if r > last_row else r
                    c = bisect_right(xs, x) - 1
                    c = 0 if c < 0 else last_col if c > last_col else c
                    cell = at.get((r, c))
                    if cell is not None:
                        cell.chars.append(ch)
                        ch.cell = cell
                    break


# ------------------------------------------------------------------ lines and furniture


def _number_lines(page: _Page) -> None:
    """Number the page's lines from the top; characters of a cell over several grid rows
    (a label down the side) make no lines of their own."""
    forming: list[_Char] = []
    tall: list[_Char] = []
    for c in page.chars:
        cell = c.cell
        (forming if cell is None or cell.r1 == cell.r2 else tall).append(c)
    lines = _group_lines(forming)  # each in order of x
    lines.sort(key=_line_top)
    page.line_tops = tops = []
    page.lines = []
    for n, line in enumerate(lines, 1):
        free = []
        for ch in line:
            ch.line = n
            if ch.cell is None:
                free.append(ch)
        tops.append(min(c.cy for c in line))
        if free:
            page.lines.append(_Line(page.number, n, free))
    for ch in tall:  # in a tall merged cell: the line it stands beside
        ch.line = _nearest(tops, ch.cy) + 1 if tops else 1


def _line_top(line: list[_Char]) -> float:
    return min(c.top for c in line)


def _mark_furniture(pages: list[_Page]) -> None:
    """Page numbers and lines repeated in the margin bands of other pages."""

    def band(page: _Page, line: _Line, share: float) -> bool:
        return line.bottom <= page.height * share or line.top >= page.height * (1 - share)

    def key(line: _Line) -> str:
        return _DIGITS.sub("#", re.sub(r"\s+", "", line.text()))

    seen: Counter[str] = Counter()
    for page in pages:
        for k in {key(line) for line in page.lines if band(page, line, 0.12)}:
            seen[k] += 1
    # (words repeated: a line of figures alone, the same count of them at the top of two
    # pages, is a table's row going on there, no running header)
    repeated = {k for k, n in seen.items() if n >= 2 and any(ch.isalpha() for ch in k)}
    for page in pages:
        for line in page.lines:
            if not band(page, line, 0.12):
                continue
            text = line.text().strip()
            if _PAGE_NUMBER.match(text) or key(line) in repeated:
                line.furniture = True
