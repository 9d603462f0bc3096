"""Reader for a workbook saved as CSV (逗号分隔值): one sheet's cells, no merges.

Offices often export a sheet as CSV (UTF-8, with or without BOM, or GBK from Excel on
Chinese Windows). The rows become one grid read by header like a worksheet; a cell's
location is its line and field (``line 12, field 4``), the way a text editor shows it.
Merged cells are lost in CSV: a group label appears once and the cells it covered are
empty, which the label locator handles as it does for flattened text. A CSV is a table
submission like a workbook: its metadata comes from label/value cells (单位名称, 报告年度 …)
or a title cell, and the section and prose rules do not apply.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Report
from reportcheck.readers.encoding import decode_text, visible
from reportcheck.readers.grid import (
    MAX_TABLE_CELLS,
    Grid,
    GridCell,
    check_cells,
    check_grids,
    locate_in_report,
)
from reportcheck.readers.sheet_metadata import extract_metadata
from reportcheck.readers.sheetcells import column_letter

_EXPORT = re.compile(r"^(?P<prefix>.*?)[-_－—\s]*(?P<sheet>基本信息|表[二三四234])$")
_SHEET_ORDER = {"基本信息": 0, "表二": 1, "表2": 1, "表三": 2, "表3": 2, "表四": 3, "表4": 3}


def export_group(path: str) -> list[str]:
    """The CSV files exported from one workbook that ``path`` belongs to, in sheet order:
    ``年报-基本信息.csv``, ``年报-表二.csv``, ``年报-表三.csv``, ``年报-表四.csv`` (``-``, ``_``
    or nothing between), or ``表二.csv`` … in one folder. ``[]`` when ``path`` is not named
    as such an export."""
    p = Path(path)
    m = _EXPORT.match(p.stem)
    if m is None or p.suffix.lower() != ".csv":
        return []
    prefix = m["prefix"]
    members: list[tuple[int, str]] = []
    try:
        siblings = list(p.parent.iterdir()) if str(p.parent) else list(Path(".").iterdir())
    except OSError:
        siblings = [p]
    for q in siblings:
        mq = _EXPORT.match(q.stem)
        if mq is None or q.suffix.lower() != ".csv" or mq["prefix"] != prefix:
            continue
        if not q.is_file():
            continue
        name = str(q) if q != p else path
        members.append((_SHEET_ORDER[mq["sheet"]], name))
    if not any(name == path for _, name in members):
        members.append((_SHEET_ORDER[m["sheet"]], path))
    return [name for _, name in sorted(members)]


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a CSV export of the tables (``kind`` is ``csv``).

    A file named as one sheet of a workbook export (``年报-表三.csv``) is read together
    with the other sheets of that export found beside it, as one report, and its places
    are cells of their file (``年报-表三.csv!D7``); any other CSV is one sheet, with line
    and field places."""
    group = export_group(path)
    grids: list[Grid] = []
    for member in group or [path]:
        if member == path:
            raw = data
        else:
            try:
                raw = Path(member).read_bytes()
            except OSError as exc:
                raise InputError(
                    member, f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}"
                ) from None
        sheet = Path(member).name if group else None
        grids.append(_grid(member, raw, sheet))
    check_grids(grids)  # several exported sheets together: before the work on them
    report = Report(source=path, kind="csv")
    report.metadata = extract_metadata(grids, False)
    locate_in_report(report, grids, settings)
    if not report.tables:
        raise InputError(
            path,
            "没有找到年报表格（表二、表三、表四）",
            "no report tables (表二, 表三, 表四) were found",
        )
    return report


def _grid(path: str, data: bytes, sheet: str | None) -> Grid:
    """One CSV file as a grid; cells placed as ``sheet!D7`` when ``sheet`` is given."""
    text = visible(decode_text(path, data))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = Grid(sheet or "csv", by_header=True)
    reader = csv.reader(io.StringIO(text), dialect)
    filled = 0
    try:
        for record, row in enumerate(reader, 1):
            line = reader.line_num
            for col, value in enumerate(row, 1):
                if sheet:
                    loc = Location(f"{sheet}!{column_letter(col)}{record}")
                else:
                    loc = Location(f"line {line}, field {col}", line, col)
                text = value.strip()
                filled += bool(text)
                grid.cells[(line, col)] = GridCell(text, loc)
            if filled > MAX_TABLE_CELLS:
                check_cells(filled)  # refused as soon as there are too many
    except csv.Error as exc:
        raise InputError(path, f"CSV 格式错误：{exc}", f"malformed CSV: {exc}") from None
    grid.finish()
    return grid
