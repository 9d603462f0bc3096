"""Finding the three tables in a grid of cells, by their labels.

Every reader of a tabular source (Excel sheets, HTML and Word tables, text with ``|``
separators) turns what it read into :class:`~reportcheck.readers.gridcells.Grid` objects —
cells at (row, column) with their text, location and, for merged cells, the range they
cover — and hands them to :func:`locate`. Tables, rows and columns are found by their normalised labels, never by
fixed positions: a table may start at any cell, the three tables may share a grid or have
one each, in any order, with or without titles; rows and columns may come in any order.

Two ways of reading a row's values:

- **by header** (true grids: Excel, HTML, Word): each value is taken from the column under
  the header cell that names it, so a missing or extra column is seen as such;
- **by position** (flattened text, where merged cells shift the fields): the values right
  of the row's labels, in order, when their number matches the columns of the row.

The header way is tried first; when no header names the row's columns, position is used.
A row whose values can be read neither way is reported (RC003) instead of guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from decimal import Decimal
from functools import lru_cache

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.labels import label_key
from reportcheck.model.report import Cell, CellState, Location, Report, TableData
from reportcheck.model.rowfinder import RowMatch, align, match_column, match_row, unglued
from reportcheck.model.tables import (
    FORMATS,
    REVIEW_LITIGATION,
    TABLE_EN,
    ColumnDef,
    RowDef,
    TableDef,
    ValueKind,
)
from reportcheck.model.values import parse_cell, parse_text
from reportcheck.model.version import decide, detect
from reportcheck.model.version import evidence as version_evidence
from reportcheck.readers.gridcells import (
    MAX_POSITIONS,
    MAX_TABLE_CELLS,
    Grid,
    GridCell,
    GridTooLarge,
    TooManyCells,
    check_cells,
    check_grids,
    stack,
)
from reportcheck.records import record

__all__ = [  # the grid itself (readers.gridcells), with what finds the tables in it
    "MAX_POSITIONS",
    "MAX_TABLE_CELLS",
    "Grid",
    "GridCell",
    "GridTooLarge",
    "Located",
    "TooManyCells",
    "all_labels",
    "cell_of",
    "check_cells",
    "check_grids",
    "detect_evidence",
    "holds_table",
    "locate",
    "locate_in_report",
    "stack",
]


def _has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (U+4E00–U+9FFF). Not a regular expression:
    compiling a character class that wide costs a millisecond of every run."""
    return bool(text) and max(text) >= "\u4e00" and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _is_label(cell: GridCell) -> bool:
    """Text with Chinese characters that does not read as a number or a placeholder."""
    if cell.value is not None or cell.no_cached_value:
        return False
    return _is_label_text(cell.text)


@lru_cache(maxsize=8192)
def _is_label_text(text: str) -> bool:
    if not _has_cjk(text):
        return False
    return parse_text(text).state is CellState.TEXT


@record()
class _Line:
    """One grid row split into labels (left) and value cells (right)."""

    row: int
    labels: list[str]
    values: list[tuple[int, GridCell]]
    """(column, cell) of the cells right of the last label."""
    label_cols: list[int]


def _lines(grid: Grid) -> list[_Line]:
    if grid._by_row is not None and grid._lines is not None:
        return grid._lines  # finished grids do not change: split their rows once
    out: list[_Line] = []
    cells, cover = grid.cells, grid._cover
    for r in grid.rows:
        labels: list[str] = []
        label_cols: list[int] = []
        values: list[tuple[int, GridCell]] = []
        seen: set[tuple[int, int]] = set()
        for c in grid.row_cols(r):
            here = (r, c)  # grid.origin() and grid.at(), inline: this loop is hot
            covering = cover.get(here)
            origin = covering or here
            cell = cells.get(here)
            if cell is None:
                if covering is None:
                    continue
                cell = cells.get(covering)
                if cell is None:
                    continue
            merged_here = origin != (r, c)
            if origin in seen:
                continue
            seen.add(origin)
            # _is_label(cell), inline
            if cell.value is None and not cell.no_cached_value and _is_label_text(cell.text):
                if labels and _numbers(values) and not merged_here:
                    # a label after values: a second table side by side; stop here
                    # (blank cells or a row number left of the labels do not count)
                    break
                labels.append(cell.text)
                label_cols.append(c)
                values = []
            elif merged_here and origin[0] != r:
                continue  # a value merged from a row above belongs to that row
            else:
                values.append((c, cell))
        out.append(_Line(r, labels, values, label_cols))
    if grid._by_row is not None:
        grid._lines = out
    return out


@record()
class Located:
    """What :func:`locate` found."""

    tables: dict[str, TableData] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def all_labels(grids: Iterable[Grid]) -> list[str]:
    """Every label text in the grids (for version detection)."""
    return [  # _is_label, inline
        c.text
        for g in grids
        for c in g.cells.values()
        if c.value is None and not c.no_cached_value and _is_label_text(c.text)
    ]


def detect_evidence(grids: list[Grid]) -> dict[str, list[str]]:
    """Version evidence from labels, including a bare （六）其他处理 row with numbers: the
    versions whose 表三 has it as one row (2019), not as a group over sub-rows (2021)."""
    ev = version_evidence(all_labels(grids))
    other = label_key("（六）其他处理")
    single = [
        v
        for v, fmt in FORMATS.items()
        if any(other in r.keys for r in fmt.table("applications").rows)
    ]
    if not single or len(single) == len(FORMATS):
        return ev
    for g in grids:
        for line in _lines(g):
            if line.labels and label_key(line.labels[-1]) == other and _numbers(line.values):
                for v in single:
                    ev.setdefault(v, []).append("（六）其他处理（无细分项）")
                break
    return ev


def _numbers(values: list[tuple[int, GridCell]]) -> list[tuple[int, GridCell]]:
    return [(c, v) for c, v in values if v.text.strip() or v.value is not None or v.formula]


def locate_in_report(report: Report, grids: list[Grid], settings: Settings) -> Located:
    """Decide the report's format version from the grids' labels (then its year) and find
    its tables: sets ``version_evidence``, ``detected_version``, ``format_version`` and
    ``tables`` on ``report`` and adds the reader findings (RC004 when only the default
    decided the version, RC003 for rows that cannot be read). Shared by every reader of
    tabular sources; the caller has already filled ``report.metadata`` (for the year).
    More than :data:`MAX_TABLE_CELLS` filled cells are refused (:class:`TooManyCells`).
    """
    check_grids(grids)
    ev = detect_evidence(grids)
    report.version_evidence = ev
    report.detected_version = detect(ev)
    version, how = decide(
        detected=report.detected_version,
        year=report.metadata.year,
        forced=settings.format_version,
        default=settings.default_format_version,
    )
    report.format_version = version
    if how == "default":
        report.findings.append(emit("RC004", {"version": version}))
    found = locate(grids, version)
    if sum(1 for v, seen in ev.items() if seen) > 1 and not settings.format_version:
        _tables_in_their_version(grids, version, found, report)
    report.tables = found.tables
    report.findings.extend(found.findings)
    return found


def locate(grids: list[Grid], version: str, only: str | None = None) -> Located:
    """Find 表二, 表三 and 表四 of ``version`` in the grids (``only``: just that table)."""
    fmt = FORMATS[version]
    found = Located()
    for tdef in (fmt.table("applications"), fmt.table("proactive_disclosure")):
        if only is not None and tdef.id != only:
            continue
        for i, g in enumerate(grids):
            data = _rows_table(g, tdef, found.findings)
            if data is not None:
                found.tables[tdef.id] = data
                if tdef.id == "proactive_disclosure":
                    _continue_blocks(data, grids[i + 1 :], tdef, found.findings)
                break
    for g in grids:
        if "review_litigation" in found.tables or only not in (None, "review_litigation"):
            break
        data = _review_table(g, found.findings)
        if data is not None:
            found.tables["review_litigation"] = data
    return found


def _tables_in_their_version(
    grids: list[Grid], version: str, found: Located, report: Report
) -> None:
    """A report that mixes the two versions' labels: each of 表二 and 表三 is read in the
    version whose rows its own labels name more of (exactly), so that a 2019-style 表二
    beside a 2021 表三 gives neither rows "missing" nor rows "unknown" (RC105 says the mix)."""
    for table_id in ("proactive_disclosure", "applications"):
        best = (_exact_rows(grids, version, table_id), version)
        for other in FORMATS:
            if other != version:
                best = max(best, (_exact_rows(grids, other, table_id), other))
        if best[1] == version:
            continue
        other_found = locate(grids, best[1], only=table_id)
        data = other_found.tables.get(table_id)
        if data is None:
            continue
        found.tables[table_id] = data
        found.findings[:] = [f for f in found.findings if f.table != table_id] + [
            f for f in other_found.findings if f.table == table_id
        ]
        report.table_versions[table_id] = best[1]


def _exact_rows(grids: list[Grid], version: str, table_id: str) -> int:
    """How many rows of ``table_id`` in ``version`` some grid names exactly (the best grid)."""
    tdef = FORMATS[version].table(table_id)
    most = 0
    for g in grids:
        lines = [line for line in _lines(g) if line.labels]
        most = max(most, sum(1 for _, m in _match_lines(lines, tdef) if m.exact))
    return most


def holds_table(grid: Grid, table_id: str, version: str) -> bool:
    """Whether :func:`locate` would find the table ``table_id`` of ``version`` in ``grid``
    alone — the same test, without reading the values (RC007 asks it of every sheet)."""
    if table_id == "review_litigation":
        return _review_head(_lines(grid)) is not None
    tdef = FORMATS[version].table(table_id)
    matched: set[str] = set()
    for line in _lines(grid):  # two rows named exactly: enough, and the usual case
        if not line.labels:
            continue
        rdef = match_row(tdef, line.labels)  # remembered: cheaper than _is_header, asked first
        if rdef is not None and not _is_header(line, tdef):
            matched.add(rdef.id)
            if len(matched) >= 2:
                return True
    lines = [line for line in _lines(grid) if line.labels]
    found = _match_lines(lines, tdef)  # rows written otherwise, found by the row finder
    return len(found) >= 2 and any(m.exact or m.anchored for _, m in found)


# ------------------------------------------------------------------ 表二 and 表三


def _continue_blocks(
    data: TableData, rest: list[Grid], tdef: TableDef, findings: list[Finding]
) -> None:
    """表二 published as one small table per 第二十条 block with text between them: the
    grids that follow, as long as each holds 表二 rows (with their own header), add the
    rows still missing. The first grid without a 表二 row ends the table."""
    for g in rest:
        more = _rows_table(g, tdef, findings, min_rows=1)
        if more is None:
            return
        for key, cell in more.cells.items():
            data.cells.setdefault(key, cell)
        data.extra_rows.extend(more.extra_rows)


def _rows_table(
    grid: Grid, tdef: TableDef, findings: list[Finding], min_rows: int = 2
) -> TableData | None:
    lines = [line for line in _lines(grid) if line.labels]
    found = _alignment(lines, tdef)
    matched = _match_lines(lines, tdef, found)
    # A table needs more than a stray label: at least two of its rows (one for a further
    # block of a 表二 already found), one of them found by its exact label.
    if len(matched) < min_rows or not any(m.exact or m.anchored for _, m in matched):
        return None
    first = matched[0][0].row
    last = matched[-1][0].row
    data = TableData(tdef.id, location=_first_location(grid, first))
    for line, m in matched:
        rdef = m.row
        assert rdef is not None
        if not m.exact:
            loc = grid.at(line.row, line.label_cols[-1]) if line.label_cols else None
            printed = unglued(tdef, line.labels[-1])
            data.variants.append((rdef.id, printed, loc.location if loc else None))
        cells = _row_values(grid, line, rdef, first, findings, tdef)
        if cells is not None:
            for col_id, cell in cells.items():
                data.cells[(rdef.id, col_id)] = cell
    # rows with numbers inside the table's span that match nothing (or two rows alike)
    matched_rows = {m[0].row for m in matched}
    for line, m in zip(lines, found, strict=True):
        inside = first <= line.row <= last and line.row not in matched_rows
        if inside and _numbers(line.values) and not _is_header(line, tdef):
            loc = grid.at(line.row, line.label_cols[-1]) if line.label_cols else None
            where = loc.location if loc else None
            if m.ambiguous:
                data.ambiguous.append(
                    (line.labels[-1].strip(), where, tuple(r.id for r in m.ambiguous))
                )
            else:
                data.extra_rows.append((line.labels[-1].strip(), where))
    return data


def _alignment(lines: list[_Line], tdef: TableDef) -> list[RowMatch]:
    """The row finder's decision for each labelled line (a header row is never a row)."""
    return align(
        tdef,
        [tuple(line.labels) for line in lines],
        lambda i: bool(_numbers(lines[i].values)),
        lambda i: not _is_header(lines[i], tdef),
    )


def _match_lines(
    lines: list[_Line], tdef: TableDef, found: list[RowMatch] | None = None
) -> list[tuple[_Line, RowMatch]]:
    """The lines that are rows of ``tdef``, each with how it was found, in order."""
    if found is None:
        found = _alignment(lines, tdef)
    return [(line, m) for line, m in zip(lines, found, strict=True) if m.row is not None]


def _is_header(line: _Line, tdef: TableDef) -> bool:
    keys = _header_keys(tdef.columns)
    return any(label_key(t) in keys for t in line.labels)


_HEADER_KEYS: dict[int, tuple[tuple[ColumnDef, ...], frozenset[str]]] = {}
_COLUMN_IDS: dict[int, tuple[tuple[ColumnDef, ...], tuple[str, ...]]] = {}


def _column_ids(columns: tuple[ColumnDef, ...]) -> tuple[str, ...]:
    """The ids of ``columns`` (remembered by identity, as :func:`_header_keys`)."""
    hit = _COLUMN_IDS.get(id(columns))
    if hit is None or hit[0] is not columns:
        hit = _COLUMN_IDS[id(columns)] = (columns, tuple(c.id for c in columns))
    return hit[1]


def _header_keys(columns: tuple[ColumnDef, ...]) -> frozenset[str]:
    """The label keys of a table's column headers (remembered by identity: hashing the
    definitions would cost more than the set)."""
    hit = _HEADER_KEYS.get(id(columns))
    if hit is None or hit[0] is not columns:
        hit = _HEADER_KEYS[id(columns)] = (columns, frozenset(k for c in columns for k in c.keys))
    return hit[1]


def _first_location(grid: Grid, row: int) -> Location | None:
    for c in grid.row_cols(row):
        cell = grid.at(row, c)
        if cell is not None:
            return cell.location
    return None


def _header_positions(
    grid: Grid, columns: tuple[ColumnDef, ...], row: int, top: int
) -> dict[str, int]:
    """Grid columns of the headers naming ``columns``, searching up from ``row``."""
    key = (row, top, _column_ids(columns))
    cached = grid.header_cache.get(key)
    if cached is not None:
        return cached
    pos: dict[str, int] = {}
    for r in range(row - 1, max(top - 12, -1), -1):
        for c in grid.row_cols(r):
            cell = grid.at(r, c)
            if cell is None or not _is_label(cell):
                continue
            col = match_column(columns, cell.text)
            if col is not None and col.id not in pos:
                pos[col.id] = grid.origin(r, c)[1]
        if len(pos) == len(columns):
            break
    grid.header_cache[key] = pos
    return pos


def _aligned(values: list[tuple[int, GridCell]], pos: dict[str, int], count: int) -> bool:
    """Whether a row's numbers sit under the header's columns.

    A table continued in a second table without the merged label columns (a page break in
    a PDF turned into HTML) has its numbers further left than the headers above: such a row
    is read by the order of its numbers when it has exactly one per column.
    """
    numbers = _numbers(values)
    under = set(pos.values())
    if all(c in under for c, _ in numbers):
        return True
    return len(numbers) != count and len(values) != count


def _row_values(
    grid: Grid,
    line: _Line,
    rdef: RowDef,
    table_top: int,
    findings: list[Finding],
    tdef: TableDef,
) -> dict[str, Cell] | None:
    columns = rdef.columns
    values = line.values
    if grid.by_header:
        # 表三's headers sit above the table; 表二 repeats a header row in every block.
        start = table_top if tdef.id == "applications" else line.row
        pos = _header_positions(grid, columns, start, table_top)
        if pos and len(pos) < len(columns) and len(values) == len(columns):
            # a column header written so that it names no column (「公民」 for 自然人): a
            # row with one cell per column is read in the columns' order
            pos = {}
        if pos and _aligned(values, pos, len(columns)):
            out: dict[str, Cell] = {}
            for col in columns:
                if col.id in pos:
                    cell = _under(grid, line.row, pos[col.id])
                    if cell is not None and grid.origin(line.row, pos[col.id])[0] != line.row:
                        # a value merged down from the row above belongs to that row; here
                        # the cell is covered, i.e. blank (else one number counts twice)
                        cell = None if not _is_label(cell) else cell
                    out[col.id] = (
                        cell_of(cell, col)
                        if cell is not None
                        else Cell(None, "", CellState.BLANK, None)
                    )
            return out
    surplus = len(values) - len(columns)
    if surplus > 0 and all(_blank(cell) for _, cell in values[:surplus]):
        values = values[surplus:]  # the empty cells a label spanning columns left (pandoc)
    elif surplus > 0 and len(columns) == 1 and len({c.text.strip() for _, c in values}) == 1:
        values = values[:1]  # one figure written into every cell it spans (docling)
    nums = _numbers(values) if len(values) != len(columns) else values
    if len(nums) == len(columns):
        return {col.id: cell_of(cell, col) for col, (_, cell) in zip(columns, nums, strict=True)}
    if not values:
        # a label alone on its line (PDF text: its numbers stand on other lines): nothing
        # here says the row is blank; it is not read (and said so: RC003)
        return None
    if len(nums) == 0:
        return {col.id: Cell(None, "", CellState.BLANK, None) for col in columns}
    where = values[0][1].location if values else None
    findings.append(
        emit(
            "RC003",
            {
                "table": Tr(tdef.short, TABLE_EN[tdef.id]),
                "label": line.labels[-1].strip(),
                "found": len(nums),
                "expected": len(columns),
            },
            table=tdef.id,
            row=rdef.id,
            row_label=rdef.full_label,
            location=where,
        )
    )
    return None


def _blank(cell: GridCell) -> bool:
    return cell.value is None and not cell.text.strip()


def _under(grid: Grid, row: int, c: int) -> GridCell | None:
    """The value of ``row`` under the header whose first column is ``c``.

    That is the cell at ``c`` — unless it is empty and the header spans several columns
    (a web page pasted from Word splits a column where the cell borders of its rows do not
    line up: 「自然人」 over two cells, the figure in the right one); then the one cell of
    the row under the header's other columns that holds something.
    """
    cell = grid.at(row, c)
    if c not in grid.spanning or (
        cell is not None and (cell.value is not None or cell.text.strip())
    ):
        return cell
    for r in range(row - 1, max(row - 40, 0), -1):
        origin = grid.origin(r, c)
        header = grid.cells.get(origin)
        if header is None or not _is_label(header):
            continue
        last = next((m[3] for m in grid.merged if m[:2] == origin), c)
        if origin[1] != c or last == c:
            return cell  # the nearest header above is not one spanning from here
        beside = [grid.cells.get((row, cc)) for cc in range(c + 1, last + 1)]
        filled = [x for x in beside if x is not None and (x.value is not None or x.text.strip())]
        return filled[0] if len(filled) == 1 else cell
    return cell


def cell_of(cell: GridCell, col: ColumnDef) -> Cell:
    """The report cell a grid cell gives in column ``col`` (as the readers read it)."""
    number = cell.value
    if (
        type(number) is int
        and cell.shown_as is None
        and not cell.no_cached_value
        and number.bit_length() <= _SMALL_INT
    ):  # the commonest cell, an Excel count: what parse_cell gives, without its tests
        text = cell.text or str(number)
        return Cell(number, text, CellState.NUMBER, cell.location, None, cell.formula)
    if cell.no_cached_value:
        return Cell(None, "", CellState.FORMULA_NO_VALUE, cell.location, formula=cell.formula)
    if cell.shown_as == "date":  # a count typed as 1-21 became a date: what Excel shows
        return Cell(None, cell.text, CellState.TEXT, cell.location, formula=cell.formula)
    if cell.shown_as == "wan" and col.kind is ValueKind.AMOUNT and cell.value is not None:
        value = Decimal(str(cell.value))
        return Cell(value, cell.text, CellState.NUMBER, cell.location, "元", cell.formula)
    raw: object = cell.value if cell.value is not None else cell.text
    parsed = parse_cell(raw, col.kind, cell.location, cell.formula)
    if cell.value is not None and parsed.raw != cell.text and cell.text:
        # keep the text as displayed where the source gave both
        return Cell(
            parsed.value, cell.text, parsed.state, parsed.location, parsed.unit, parsed.formula
        )
    return parsed


_SMALL_INT = 49
"""Bits of an int that is certainly below 10**15 (MAX_DIGITS digits), hence a number."""


# ------------------------------------------------------------------ 表四

_REVIEW = label_key("行政复议")
_LITIGATION = label_key("行政诉讼")
_OUTCOME_KEYS = {k for c in REVIEW_LITIGATION.columns for k in c.keys}


def _review_table(grid: Grid, findings: list[Finding]) -> TableData | None:
    """表四: a header naming 行政复议 and 行政诉讼, then one row of 15 values."""
    lines = _lines(grid)
    head = _review_head(lines)
    if head is None:
        return None
    data = TableData("review_litigation", location=_first_location(grid, lines[head].row))
    outcome_cols: list[int] = []
    for line in lines[head + 1 : head + 4]:
        for c in line.label_cols:
            cell = grid.at(line.row, c)
            if cell is not None and label_key(cell.text) in _OUTCOME_KEYS:
                outcome_cols.append(grid.origin(line.row, c)[1])
    outcome_cols = sorted(set(outcome_cols))
    blank_row: list[GridCell | None] | None = None
    # the data row a few lines under the head — or, under a header broken one or two
    # characters per line (text of a PDF: 「结果」⏎「维持」⏎…), some 30 lines under it
    for line in lines[head + 1 : head + 40]:
        nums = _numbers(line.values) if not (grid.by_header and len(outcome_cols) == 15) else []
        if grid.by_header and len(outcome_cols) == 15:
            cells = [_under(grid, line.row, c) for c in outcome_cols]
            if not any(
                c is not None and not _is_label(c) and (c.text.strip() or c.value is not None)
                for c in cells
            ):
                if blank_row is None and all(c is not None and not _is_label(c) for c in cells):
                    blank_row = list(cells)  # an empty data row: kept if no row has values
                continue
            seq: list[GridCell | None] = cells
        elif len(nums) == 15:
            seq = [c for _, c in nums]
        elif len(line.values) == 15 and nums and not line.labels:
            seq = [c for _, c in line.values]  # 15 fields, the blank ones kept in place
        elif len(nums) == 5 and not line.labels:
            groups = _review_groups(lines, head)
            if groups is None:
                continue
            seq = groups
        elif 0 < len(nums) < 15 and not line.labels and _digit_count(nums) == 15:
            # the 15 numbers run together (「100010000000000」): the digits decide
            split = _glued_review(nums, findings)
            if split is None:
                return data
            seq = split
        elif len(nums) > 0 and not line.labels:
            findings.append(
                emit(
                    "RC003",
                    {"found": len(nums)},
                    variant="review_row",
                    table="review_litigation",
                    location=nums[0][1].location,
                )
            )
            return data
        else:
            continue
        _fill_review(data, seq)
        return data
    if blank_row is not None:  # a template's data row, left empty: its cells are blank
        _fill_review(data, blank_row)
    return data


def _review_head(lines: list[_Line]) -> int | None:
    """The index of 表四's header line: 行政复议 and 行政诉讼 on one line, else apart."""
    for i, line in enumerate(lines):
        keys = [label_key(t) for t in line.labels]
        if _REVIEW in keys and any(k.startswith(_LITIGATION) for k in keys):
            return i
    return _review_head_apart(lines)


def _review_head_apart(lines: list[_Line]) -> int | None:
    """表四's header when 行政复议 and 行政诉讼 stand on lines of their own (PDF text, or the
    three groups published as small tables of their own): the 行政复议 line, when outcome
    words (结果维持 …) follow it within a few lines."""
    for i, line in enumerate(lines):
        keys = [label_key(t) for t in line.labels]
        if not any(k == _REVIEW or k.startswith(_REVIEW) for k in keys):
            continue
        after = [label_key(t) for ln in lines[i + 1 : i + 5] for t in ln.labels]
        if sum(1 for k in after if k in _OUTCOME_KEYS) >= 3 or any(
            k.startswith(_LITIGATION) for k in after[:3]
        ):
            return i
    return None


def _review_groups(lines: list[_Line], head: int) -> list[GridCell | None] | None:
    """表四 published as its three groups one after the other, five numbers each, in the
    format's order (行政复议, 未经复议直接起诉, 复议后起诉); None unless exactly three such rows
    follow and the labels between them, where printed, name the groups in that order."""
    rows: list[list[GridCell | None]] = []
    names: list[str] = []
    for line in lines[head:]:
        names.extend(label_key(t) for t in line.labels)
        nums = _numbers(line.values)
        if line.labels or not nums:
            continue
        if len(line.values) != 5:
            return None
        rows.append([c for _, c in line.values])
        if len(rows) == 3:
            break
    if len(rows) != 3:
        return None
    text = "".join(names)
    direct, after = text.find("直接起诉"), text.find("复议后起诉")
    if direct >= 0 and after >= 0 and after < direct:
        return None
    return [c for row in rows for c in row]


def _digit_count(nums: list[tuple[int, GridCell]]) -> int:
    return sum(ch.isdigit() for _, c in nums for ch in c.text)


def _glued_review(
    nums: list[tuple[int, GridCell]], findings: list[Finding]
) -> list[GridCell | None] | None:
    """15 figures run together in one or a few fields: read where the digits (and, among
    several splits, the group totals) leave one reading; else RC003 with the candidates."""
    from reportcheck.readers import glued

    cells = [c for _, c in nums]
    run = " ".join(c.text.strip() for c in cells)
    reading = glued.split_run(run, 15, glued.group_totals)
    if reading.cells is None:
        shown = [" · ".join(t for t, _ in opt) for opt in reading.options[:4]]
        why = (
            Tr(
                "以下拆分都符合各组总计：" + "；".join(shown),
                "these splits all fit: " + "; ".join(shown),
            )
            if shown
            else Tr("没有一种拆分符合各组总计", "no split fits the group totals")
        )
        findings.append(
            emit(
                "RC003",
                {"table": "表四", "label": "", "run": run, "why": why},
                variant="glued",
                table="review_litigation",
                location=cells[0].location,
                actual=run,
            )
        )
        return None
    return [GridCell(t, cells[0].location) for t, _ in reading.cells]


def _fill_review(data: TableData, seq: list[GridCell | None]) -> None:
    """Read 表四's 15 cells, in the order 行政复议, 直接起诉, 复议后起诉."""
    i = 0
    for rdef in REVIEW_LITIGATION.rows:
        for col in rdef.columns:
            gc = seq[i]
            i += 1
            data.cells[(rdef.id, col.id)] = (
                cell_of(gc, col) if gc is not None else Cell(None, "", CellState.BLANK, None)
            )
