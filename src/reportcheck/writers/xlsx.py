"""Write Excel workbooks in the official printed layout of 表二, 表三 and 表四.

``reportcheck template`` uses this to hand out a blank workbook that clerks fill in, and
the examples are written with it from data. The layout follows the tables as printed in
the State Council format (国办公开办函〔2019〕60号 / 〔2021〕30号): a sheet 基本信息 for the
report's own data, then one sheet per table with its title row and the merged header
cells of the official tables. Every label is taken from :mod:`reportcheck.model.tables`;
the layout is computed from the :class:`~reportcheck.model.tables.TableDef`, so a table
declared with a row or column more or less is laid out the same way.

Data cells carry Excel data validation (whole numbers ≥ 0 for counts, decimals ≥ 0 for
amounts, any whole number for the 2019 本年增/减), so a clerk cannot type ``三十一``.

When a :class:`~reportcheck.model.report.Report` is given its cells are written as they
were read: numbers as numbers, placeholders and text as their raw text, blanks left empty,
a formula without a calculated value as that formula. Nothing is corrected.

openpyxl is imported inside the functions that need it (``reportcheck --help`` stays fast).
"""

from __future__ import annotations

import errno
import io
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import (
    APPLICANT_HEADER,
    CONTENT_HEADER,
    FORMATS,
    TABLE_SECTION,
    TABLE_SHORT,
    ColumnDef,
    RowDef,
    TableDef,
    ValueKind,
)
from reportcheck.readers.sheetcells import column_letter

META_SHEET = "基本信息"
"""Name of the sheet with the report's own data."""
META_FIELDS = (
    ("agency", "单位名称"),
    ("year", "报告年度"),
    ("published", "发布日期"),
    ("level", "单位层级"),
)
"""(Metadata attribute, label) of the 基本信息 rows, in order; values go in column B."""
LEVELS = ("department", "government", "township")
LEVEL_ZH = {"department": "部门", "government": "政府", "township": "乡镇"}
"""单位层级 as the template offers it (the reader reads these and the English words)."""
CHECK_FILL = "FF8080"
"""The fill a total gets in Excel or LibreOffice as soon as its table stops adding up."""

_TOP_GROUP = re.compile(r"^[一二三四五六七八九十]+、")


# ------------------------------------------------------------------ the layout


@dataclass
class Layout:
    """Where everything of one table goes on its sheet (1-based rows and columns)."""

    table: TableDef
    sheet: str
    width: int
    """Number of columns the table spans."""
    texts: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(row, column, text, role) of every label; role is title, header or label."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(row1, col1, row2, col2) ranges merged into one cell."""
    data: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    """(row id, column id) → (row, column) of its data cell."""
    kinds: dict[tuple[int, int], ValueKind] = field(default_factory=dict)
    top: int = 2
    """First row of the table body (below the title)."""
    bottom: int = 2
    """Last row of the table."""
    freeze: str | None = None
    widths: dict[int, float] = field(default_factory=dict)
    landscape: bool = False
    header_rows: int = 1
    """Rows repeated at the top of every printed page (the title and the column headers)."""

    def put(
        self,
        row: int,
        col: int,
        text: str,
        role: str,
        row2: int | None = None,
        col2: int | None = None,
    ) -> None:
        """Place a label, merged over (row..row2, col..col2) when those are given."""
        self.texts.append((row, col, text, role))
        r2, c2 = row2 or row, col2 or col
        if (r2, c2) != (row, col):
            self.merges.append((row, col, r2, c2))

    def cell(self, row_id: str, col: ColumnDef, at: tuple[int, int], span_to: int = 0) -> None:
        """Place the data cell of (row, column), merged to column ``span_to`` if given."""
        self.data[(row_id, col.id)] = at
        self.kinds[at] = col.kind
        if span_to > at[1]:
            self.merges.append((at[0], at[1], at[0], span_to))

    def address(self, row_id: str, column_id: str) -> str:
        """``表三!D5``: where the cell of (row id, column id) is written."""
        r, c = self.data[(row_id, column_id)]
        return f"{self.sheet}!{column_letter(c)}{r}"


def layout(tdef: TableDef) -> Layout:
    """The official printed layout of a table."""
    if tdef.id == "applications":
        return _applications(tdef)
    if tdef.id == "review_litigation":
        return _review_litigation(tdef)
    return _proactive(tdef)


def cell_address(version: str, table_id: str, row_id: str, column_id: str) -> str:
    """Where :func:`write_workbook` puts a cell, e.g. ``cell_address("2021", "applications",
    "total", "total")`` → ``表三!J28``."""
    return layout(FORMATS[version].table(table_id)).address(row_id, column_id)


def _title(tdef: TableDef) -> str:
    return f"{TABLE_SECTION[tdef.id]}{tdef.title}"


def _proactive(tdef: TableDef) -> Layout:
    """表二: one block per article item; a block header row, a column header row, its rows.

    A block with fewer columns than the widest block spans its last column to the right
    edge, as in the printed table (本年处理决定数量 over three columns in 2021).
    """
    width = 1 + max(len(r.columns) for r in tdef.rows)
    lay = Layout(tdef, TABLE_SHORT[tdef.id], width, freeze="A3")
    lay.put(1, 1, _title(tdef), "title", col2=width)
    r = 2
    blocks: list[tuple[str | None, list[RowDef]]] = []
    for row in tdef.rows:
        if blocks and blocks[-1][0] == row.block:
            blocks[-1][1].append(row)
        else:
            blocks.append((row.block, [row]))
    for block, rows in blocks:
        if block:
            lay.put(r, 1, block, "band", col2=width)
            r += 1
        shown: tuple[ColumnDef, ...] | None = None
        for row in rows:
            last = 1 + len(row.columns)
            if row.columns != shown:
                lay.put(r, 1, CONTENT_HEADER, "header")
                for i, col in enumerate(row.columns, 2):
                    lay.put(r, i, col.label, "header", col2=width if i == last else None)
                shown = row.columns
                r += 1
            lay.put(r, 1, row.label, "label")
            for i, col in enumerate(row.columns, 2):
                lay.cell(row.id, col, (r, i), span_to=width if i == last else 0)
            r += 1
    lay.bottom = r - 1
    lay.widths = {1: 24.0, **{c: 18.0 for c in range(2, width + 1)}}
    return lay


def _label_path(tdef: TableDef) -> list[list[str]]:
    """Each 表三 row's labels, outermost first: [一、…], [三、…, （一）…] or [三、…, （三）…, 1.…]."""
    paths: list[list[str]] = []
    top: str | None = None
    for row in tdef.rows:
        if row.group is None:
            top = None
            paths.append([row.label])
        elif _TOP_GROUP.match(row.group):
            top = row.group
            paths.append([row.group, row.label])
        else:
            paths.append([*([top] if top else []), row.group, row.label])
    return paths


def _applications(tdef: TableDef) -> Layout:
    """表三: three label columns, seven applicant columns under 申请人情况."""
    cols = tdef.columns
    label_cols = 3
    width = label_cols + len(cols)
    first = label_cols + 1
    lay = Layout(tdef, TABLE_SHORT[tdef.id], width, freeze=f"{column_letter(first)}5")
    lay.landscape = True
    lay.put(1, 1, _title(tdef), "title", col2=width)
    if tdef.note:
        lay.put(2, 1, tdef.note, "header", row2=4, col2=label_cols)
    lay.put(2, first, APPLICANT_HEADER, "header", col2=width)
    pos = {c.id: first + i for i, c in enumerate(cols)}
    i = 0
    while i < len(cols):
        band = cols[i].band
        if band is None:
            lay.put(3, pos[cols[i].id], cols[i].label, "header", row2=4)
            i += 1
            continue
        j = i
        while j + 1 < len(cols) and cols[j + 1].band == band:
            j += 1
        lay.put(3, pos[cols[i].id], band, "header", col2=pos[cols[j].id])
        for c in cols[i : j + 1]:
            lay.put(4, pos[c.id], c.label, "header")
        i = j + 1
    lay.top = 2
    body = 5
    paths = _label_path(tdef)
    # merge runs of equal outer labels down the rows (三、本年度办理结果, （三）不予公开 …)
    for level in (0, 1):
        k = 0
        while k < len(paths):
            if len(paths[k]) <= level + 1:
                k += 1
                continue
            m = k
            while (
                m + 1 < len(paths)
                and len(paths[m + 1]) > level + 1
                and paths[m + 1][level] == paths[k][level]
            ):
                m += 1
            lay.put(body + k, 1 + level, paths[k][level], "label", row2=body + m)
            k = m + 1
    for k, (row, path) in enumerate(zip(tdef.rows, paths, strict=True)):
        r = body + k
        lay.put(r, len(path), path[-1], "label", col2=label_cols if len(path) < 3 else None)
        for col in row.columns:
            lay.cell(row.id, col, (r, pos[col.id]))
    lay.bottom = body + len(tdef.rows) - 1
    lay.header_rows = body - 1
    lay.widths = {1: 10.0, 2: 14.0, 3: 40.0, **{c: 10.0 for c in range(first, width + 1)}}
    return lay


def _review_litigation(tdef: TableDef) -> Layout:
    """表四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), outcome headers, one data row."""
    width = sum(len(r.columns) for r in tdef.rows)
    lay = Layout(tdef, TABLE_SHORT[tdef.id], width, freeze="A5")
    lay.landscape = True
    lay.put(1, 1, _title(tdef), "title", col2=width)
    c = 1
    k = 0
    rows = tdef.rows
    while k < len(rows):
        row = rows[k]
        n = len(row.columns)
        if row.group is None:
            lay.put(2, c, row.label, "header", col2=c + n - 1)
            for i, col in enumerate(row.columns):
                lay.put(3, c + i, col.label, "header", row2=4)
                lay.cell(row.id, col, (5, c + i))
            c += n
            k += 1
            continue
        m = k
        while m + 1 < len(rows) and rows[m + 1].group == row.group:
            m += 1
        span = sum(len(x.columns) for x in rows[k : m + 1])
        lay.put(2, c, row.group, "header", col2=c + span - 1)
        for sub in rows[k : m + 1]:
            lay.put(3, c, sub.label, "header", col2=c + len(sub.columns) - 1)
            for i, col in enumerate(sub.columns):
                lay.put(4, c + i, col.label, "header")
                lay.cell(sub.id, col, (5, c + i))
            c += len(sub.columns)
        k = m + 1
    lay.bottom = 5
    lay.header_rows = 4
    lay.widths = {col: 9.0 for col in range(1, width + 1)}
    return lay


# ------------------------------------------------------------------ writing


def write_workbook(
    path: str | Path,
    version: str,
    report: Report | None = None,
    *,
    overwrite: bool = False,
    tables: Sequence[TableDef] | None = None,
) -> None:
    """Write a workbook in the official layout of ``version`` (a key of ``FORMATS``).

    Without ``report``: a blank template with all three tables. With ``report``: its
    metadata and the cells it holds, and only the tables it has (a table the report lacks
    is left out, as it was). ``tables`` lays out these table definitions instead of the
    format's (used to build examples with a row or column more or less).

    Raises :class:`FileExistsError` when ``path`` exists and ``overwrite`` is false, and
    :class:`OSError` when the file cannot be written. An existing file is replaced only
    once the new workbook is complete.
    """
    data = workbook_bytes(version, report, tables=tables)
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(p))
    if not overwrite:
        with p.open("xb") as fh:
            fh.write(data)
        return
    tmp = p.with_name(f".{p.name}.tmp")
    try:
        tmp.write_bytes(data)
        from reportcheck.output import file_mode

        os.chmod(tmp, file_mode(p))  # the permissions of the file replaced kept
        tmp.replace(p)
    finally:
        tmp.unlink(missing_ok=True)


def workbook_bytes(
    version: str, report: Report | None = None, *, tables: Sequence[TableDef] | None = None
) -> bytes:
    """The workbook :func:`write_workbook` writes, as bytes."""
    wb = build_workbook(version, report, tables=tables)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def build_workbook(
    version: str, report: Report | None = None, *, tables: Sequence[TableDef] | None = None
) -> Any:
    """The openpyxl ``Workbook`` :func:`workbook_bytes` saves (the marked copy of a report
    that is not a workbook starts from it)."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    fmt = FORMATS[version]
    if tables is None:
        tables = [t for t in fmt.tables if report is None or t.id in report.tables]
    wb = Workbook()
    meta = wb.active
    meta.title = META_SHEET
    _write_metadata(meta, version, report)
    for tdef in tables:
        ws = wb.create_sheet(TABLE_SHORT[tdef.id])
        lay = layout(tdef)
        data = report.tables.get(tdef.id) if report is not None else None
        _write_table(ws, lay, data.cells if data is not None else {})
        _self_checks(ws, lay, version)
    return wb


def _styles() -> dict[str, Any]:
    from openpyxl.styles import (  # type: ignore[import-untyped,unused-ignore]
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "title": Font(name="宋体", size=14, bold=True),
        "header": Font(name="宋体", size=11, bold=True),
        "band": Font(name="宋体", size=11, bold=True),
        "label": Font(name="宋体", size=11),
        "data": Font(name="宋体", size=11),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "header_fill": PatternFill("solid", fgColor="F2F2F2"),
        "input_fill": PatternFill("solid", fgColor="FFFDE7"),
    }


_VALIDATION = {
    ValueKind.COUNT: (
        "whole",
        "greaterThanOrEqual",
        "0",
        None,
        "请填写不小于 0 的整数；没有的填 0。",
    ),
    ValueKind.SIGNED_COUNT: (
        "whole",
        "between",
        "-999999999",
        "999999999",
        "请填写整数；减少时填负数，没有变化填 0。",
    ),
    ValueKind.AMOUNT: (
        "decimal",
        "greaterThanOrEqual",
        "0",
        None,
        "请填写不小于 0 的数，单位为万元，可有小数；没有的填 0。",
    ),
    ValueKind.MONEY: (
        "decimal",
        "greaterThanOrEqual",
        "0",
        None,
        "请填写不小于 0 的金额数字，可有小数；没有的填 0。",
    ),
}


def _write_table(ws: Any, lay: Layout, cells: dict[tuple[str, str], Cell]) -> None:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped,unused-ignore]
        DataValidation,
    )

    st = _styles()
    stamp = _Stamper()
    text_role = {(r, c): role for r, c, _t, role in lay.texts}
    # borders on every cell of the table (a merged cell shows the borders of all it covers)
    for r in range(lay.top, lay.bottom + 1):
        for c in range(1, lay.width + 1):
            role = text_role.get((r, c), "data" if (r, c) in lay.kinds else "")
            stamp(ws.cell(r, c), role, lambda x, role=role: _style_cell(x, role, st))
    for r, c, text, role in lay.texts:
        x = ws.cell(r, c)
        x.value = text
        if not lay.top <= r <= lay.bottom:  # the title row, outside the bordered body
            stamp(x, f"{role}-free", lambda x, role=role: _style_cell(x, role, st, False))
    _merge(ws, lay.merges)
    validations: dict[ValueKind, Any] = {}
    for key, (r, c) in lay.data.items():
        x = ws.cell(r, c)
        kind = lay.kinds[(r, c)]
        if kind not in validations:
            vtype, op, f1, f2, message = _VALIDATION[kind]
            dv = DataValidation(
                type=vtype,
                operator=op,
                formula1=f1,
                formula2=f2,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="数值不符合要求",
                error=message,
                showInputMessage=False,
            )
            ws.add_data_validation(dv)
            validations[kind] = dv
        validations[kind].add(x.coordinate)
        cell = cells.get(key)
        if cell is not None:
            _put_value(x, cell)
    for col, w in lay.widths.items():
        ws.column_dimensions[column_letter(col)].width = w
    _fit_heights(ws, lay)
    ws.freeze_panes = lay.freeze
    ws.print_title_rows = f"1:{lay.header_rows}"
    _protect(ws, ())  # the input cells were unlocked as they were styled
    ws.page_setup.orientation = "landscape" if lay.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def _merge(ws: Any, ranges: Sequence[tuple[int, int, int, int]]) -> None:
    """Merge the ranges. Every cell under them already has its borders and no value, so
    openpyxl's clean-up of covered cells (its costliest step here) is not needed."""
    from openpyxl.worksheet.merge import (  # type: ignore[import-untyped,unused-ignore]
        MergedCellRange,
    )

    for r1, c1, r2, c2 in ranges:
        ref = f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}"
        ws.merged_cells.add(MergedCellRange(ws, ref))


class _Stamper:
    """Give many cells the same style fast: style the first cell of a kind through
    openpyxl's style attributes, then copy its style array to the others (assigning the
    attributes cell by cell costs openpyxl a lookup of every style object each time)."""

    def __init__(self) -> None:
        self.done: dict[str, Any] = {}

    def __call__(self, x: Any, key: str, style: Any) -> None:
        from copy import copy

        proto = self.done.get(key)
        if proto is not None:
            x._style = copy(proto)
            return
        style(x)
        self.done[key] = copy(x._style)


def _style_cell(x: Any, role: str, st: dict[str, Any], border: bool = True) -> None:
    """A table cell's look by its role: title, header, band, label, data or empty."""
    from openpyxl.styles import Protection  # type: ignore[import-untyped,unused-ignore]

    if border:
        x.border = st["border"]
    if not role:
        return
    x.font = st[role]
    x.alignment = st["left"] if role == "label" else st["center"]
    if role in ("header", "band"):
        x.fill = st["header_fill"]
    elif role == "data":
        x.fill = st["input_fill"]
        x.protection = Protection(locked=False)


def _protect(ws: Any, inputs: Any) -> None:
    """Lock the labels (sheet protection without a password); input cells stay editable.

    Formatting, column widths and row heights stay free, so a clerk can still widen a
    column or mark a cell; Excel and LibreOffice lift the protection without asking for a
    password (审阅 → 撤销工作表保护)."""
    from openpyxl.styles import Protection  # type: ignore[import-untyped,unused-ignore]

    unlocked = Protection(locked=False)
    for r, c in inputs:
        ws.cell(r, c).protection = unlocked
    prot = ws.protection
    prot.sheet = True
    prot.formatCells = False
    prot.formatColumns = False
    prot.formatRows = False
    prot.selectLockedCells = False
    prot.selectUnlockedCells = False


def self_check_formulas(lay: Layout, version: str) -> list[tuple[str, str, str]]:
    """The conditional-formatting checks of one table: (cell, formula, relation id).

    Each formula is true when its relation does not hold — a 表三 row total, a result
    column's （七）总计, the 勾稽关系 of a column (on its 结转下年度 cell) or a 表四 group
    total — and at least one of its cells is filled in (an empty template stays white).
    Blanks count as 0, as the rules count them. References are absolute, so a formula
    means the same wherever a spreadsheet evaluates it.
    """
    from reportcheck.model.relations import relations_for

    def ref(row_id: str, col_id: str) -> str | None:
        at = lay.data.get((row_id, col_id))
        return None if at is None else f"${column_letter(at[1])}${at[0]}"

    out: list[tuple[str, str, str]] = []
    for rel in relations_for(version):
        if rel.lhs[0][0] != lay.table.id:
            continue
        lhs = [ref(r, c) for _, r, c in rel.lhs]
        rhs = [ref(r, c) for _, r, c in rel.rhs]
        if any(x is None for x in (*lhs, *rhs)):
            continue  # a table laid out with a row or column less
        left = [x for x in lhs if x]
        right = [x for x in rhs if x]
        every = ",".join((*left, *right))
        formula = f"AND(COUNTA({every})>0,SUM({','.join(left)})<>SUM({','.join(right)}))"
        target = ref(rel.marked[1], rel.marked[2])
        assert target is not None  # one of the cells checked above
        out.append((target.replace("$", ""), formula, rel.id))
    return out


def _self_checks(ws: Any, lay: Layout, version: str) -> None:
    """Totals that turn red in Excel and LibreOffice as soon as they stop adding up."""
    from openpyxl.formatting.rule import FormulaRule  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped,unused-ignore]

    if version not in FORMATS or lay.table.id not in ("applications", "review_litigation"):
        return
    fill = PatternFill("solid", fgColor=CHECK_FILL, bgColor=CHECK_FILL)
    font = Font(bold=True, color="9C0006")
    for target, formula, _rid in self_check_formulas(lay, version):
        ws.conditional_formatting.add(
            target, FormulaRule(formula=[formula], fill=fill, font=font, stopIfTrue=False)
        )


def _put_value(x: Any, cell: Cell) -> None:
    """Write a cell as the report has it (never a corrected value)."""
    if cell.state is CellState.FORMULA_NO_VALUE:
        if cell.formula:
            x.value = f"={cell.formula.lstrip('=')}"
        return
    if cell.state is CellState.BLANK:
        return
    if cell.state is CellState.NUMBER and cell.unit is None and cell.value is not None:
        x.value = cell.value
        return
    text = cell.raw.strip()
    x.value = text
    x.data_type = "s"  # text that starts with = stays text, not a formula


def _text_width(text: str) -> float:
    """Width of text in Excel's character units (a CJK character counts as two)."""
    return sum(2.0 if ord(ch) > 0x2E80 else 1.1 for ch in text)


def _fit_heights(ws: Any, lay: Layout) -> None:
    """Row heights for wrapped labels (Excel does not grow rows for merged cells)."""
    spans: dict[tuple[int, int], tuple[int, int, int, int]] = {
        (r1, c1): (r1, c1, r2, c2) for r1, c1, r2, c2 in lay.merges
    }
    need: dict[int, float] = {}
    for r, c, text, role in lay.texts:
        r1, c1, r2, c2 = spans.get((r, c), (r, c, r, c))
        if role == "title":
            need[r] = max(need.get(r, 0.0), 28.0)
            continue
        width = sum(lay.widths.get(col, 9.0) for col in range(c1, c2 + 1)) - 1
        lines = max(1, math.ceil(_text_width(text) / max(width, 1.0)))
        per_row = (16.0 * lines + 4) / (r2 - r1 + 1)
        for row in range(r1, r2 + 1):
            need[row] = max(need.get(row, 0.0), per_row)
    for row, h in need.items():
        ws.row_dimensions[row].height = max(20.0, round(h))


# ------------------------------------------------------------------ 基本信息


def _instructions(version: str) -> list[str]:
    fmt = FORMATS[version]
    kinds = {c.kind for t in fmt.tables for c in t.columns}
    lines = [
        f"本工作簿按{fmt.document}的表格样式制作：表二、表三、表四各占一张工作表。"
        "请只在浅黄色单元格中填写，不要增删行列，也不要改动标签文字。",
        "件数一律填不小于 0 的整数；没有的填 0，不要留空，也不要填“/”“—”“无”。",
    ]
    if ValueKind.AMOUNT in kinds:
        lines.append("表二中收费金额的单位是万元，可有小数，不要填成元。")
    if ValueKind.SIGNED_COUNT in kinds:
        lines.append("表二中“本年增/减”减少时填负数；采购总金额填数字，可有小数。")
    lines += [
        "表三每一列都应满足表内注明的勾稽关系；每一行的总计等于自然人与法人或其他组织各列之和。",
        "上方的报告年度填四位数字年份；发布日期按 YYYY-MM-DD 格式填写。",
        "单位层级从下拉列表中选择：部门（县级以上人民政府部门）、政府（人民政府，"
        "含办公厅、办公室）或乡镇（乡镇人民政府、街道办事处）。",
        "表三、表四的总计不等于各项之和、或表三某列的勾稽关系不成立时，该总计单元格会变成红色；"
        "填对后自动恢复。",
        "标签单元格已锁定（工作表保护，无密码）；需要修改时可在“审阅”中撤销工作表保护。",
        "填好后可运行 reportcheck validate 本文件.xlsx 检查表格。",
    ]
    return [f"{i}. {line}" for i, line in enumerate(lines, 1)]


def _write_metadata(ws: Any, version: str, report: Report | None) -> None:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped,unused-ignore]
        DataValidation,
    )

    st = _styles()
    ws.cell(1, 1, META_SHEET).font = st["title"]
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 28
    md = report.metadata if report is not None else None
    for i, (attr, label) in enumerate(META_FIELDS, 2):
        lab = ws.cell(i, 1, label)
        lab.font = st["header"]
        lab.fill = st["header_fill"]
        lab.alignment = st["left"]
        val = ws.cell(i, 2)
        val.fill = st["input_fill"]
        val.alignment = st["left"]
        val.font = st["data"]
        for x in (lab, val):
            x.border = st["border"]
        value = getattr(md, attr) if md is not None else None
        if value is None:
            continue
        if attr == "published":
            val.value = value.isoformat()
            val.data_type = "s"
        elif attr == "level":
            val.value = LEVEL_ZH.get(value, value)
        else:
            val.value = value
    ws.cell(3, 2).number_format = "0"
    ws.cell(4, 2).number_format = "@"
    year = DataValidation(
        type="whole",
        operator="between",
        formula1="2000",
        formula2="2100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="年度不符合要求",
        error="请填写四位数字年份。",
    )
    ws.add_data_validation(year)
    year.add("B3")
    level = DataValidation(
        type="list",
        formula1='"' + ",".join(LEVEL_ZH.values()) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # department / government / township are still read
        errorTitle="单位层级不符合要求",
        error="请从 " + " / ".join(LEVEL_ZH.values()) + " 中选择。",
    )
    ws.add_data_validation(level)
    level.add("B5")
    start = len(META_FIELDS) + 3
    ws.cell(start, 1, "填报说明").font = st["header"]
    ws.merge_cells(start_row=start, start_column=1, end_row=start, end_column=2)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 70
    for k, line in enumerate(_instructions(version), start + 1):
        x = ws.cell(k, 1, line)
        x.alignment = st["left"]
        x.font = st["label"]
        ws.merge_cells(start_row=k, start_column=1, end_row=k, end_column=2)
        lines = max(1, math.ceil(_text_width(line) / 82))
        ws.row_dimensions[k].height = 16 * lines + 4
    _protect(ws, ((i, 2) for i in range(2, len(META_FIELDS) + 2)))
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1  # 基本信息 and its instructions on one page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
