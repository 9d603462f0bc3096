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

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Report
from reportcheck.readers.encoding import decode_text
from reportcheck.readers.grid import Grid, GridCell, locate_in_report
from reportcheck.readers.xlsx import extract_metadata


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a CSV export of the tables (``kind`` is ``csv``)."""
    text = decode_text(path, data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    grid = Grid("csv", by_header=True)
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for row in reader:
            line = reader.line_num
            for col, value in enumerate(row, 1):
                grid.cells[(line, col)] = GridCell(
                    value.strip(), Location(f"line {line}, field {col}", line, col)
                )
    except csv.Error as exc:
        raise InputError(path, f"CSV 格式错误：{exc}", f"malformed CSV: {exc}") from None
    grid.finish()
    report = Report(source=path, kind="csv")
    report.metadata = extract_metadata([grid], False)
    locate_in_report(report, [grid], settings)
    if not report.tables:
        raise InputError(
            path,
            "没有找到年报表格（表二、表三、表四）",
            "no report tables (表二, 表三, 表四) were found",
        )
    return report
