"""Reading an Excel workbook saved as one XML file (Excel 2003 XML, "XML 表格 2003").

Office systems generate workbooks this way from a template and name them ``.xls``; a clerk
who fills such a file in Excel or WPS saves it in the same form. The file is
``<Workbook>`` (namespace ``urn:schemas-microsoft-com:office:spreadsheet``) with one
``<Worksheet ss:Name>`` per sheet, each a ``<Table>`` of ``<Row>`` s of ``<Cell>`` s:

- ``ss:Index`` on a row or a cell places it (rows and cells left out are empty);
- ``ss:MergeAcross`` / ``ss:MergeDown`` merge the cell with the cells right of / below it
  (those cells are not written, the next cell's place skips them);
- ``<Data ss:Type="Number|String|Boolean|DateTime|Error">`` holds the value; a formula
  (``ss:Formula``) keeps its saved result there.

Each sheet becomes a :class:`~reportcheck.readers.grid.Grid` with places as Excel writes them
(``表三!D7``), found by the same table finder as ``.xlsx`` and ``.xls``.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from reportcheck.errors import InputError
from reportcheck.model.report import Location
from reportcheck.readers.container import XMLRefused, parse
from reportcheck.readers.grid import MAX_POSITIONS, Grid, GridCell

MAX_COLUMN = 16_384
"""Excel's last column (XFD): an index beyond it is damage."""
MAX_ROW = 1_048_576
MAX_CELLS = 200_000
"""Cells of a workbook (as for .xlsx)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(el: Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value
    return None


def _count(el: Element, name: str, default: int, limit: int) -> int:
    raw = _attr(el, name)
    if raw is None or not raw.strip().isdigit() or len(raw.strip()) > 9:
        return default
    return min(int(raw), limit)


def read_grids(path: str, data: bytes) -> tuple[list[Grid], set[str]]:
    """Every worksheet as a :class:`Grid`, and the names of the hidden ones (none: Excel
    2003 XML says a sheet is hidden in its options, which the tables finder does not need:
    the visible sheets come first in the file as Excel shows them)."""
    from reportcheck.readers.sheetcells import (
        column_letter,
        number_text,
        parse_number,
        sheet_prefix,
    )

    try:
        root = parse(data, "Excel XML")
    except XMLRefused as err:
        raise err.refusal(path, "Excel 文件", "Excel file") from None
    if _local(root.tag) != "Workbook":
        raise InputError(
            path,
            "不是 Excel 工作簿：XML 文件中没有 Workbook",
            "not an Excel workbook: the XML file holds no Workbook",
        )
    grids: list[Grid] = []
    cells = 0
    covered = 0  # positions the merged ranges cover, all sheets together
    for n, sheet in enumerate(el for el in root if _local(el.tag) == "Worksheet"):
        name = _attr(sheet, "Name") or f"Sheet{n + 1}"
        prefix = sheet_prefix(name)
        grid = Grid(name, by_header=True)
        for table in (el for el in sheet if _local(el.tag) == "Table"):
            r = 0
            taken: set[tuple[int, int]] = set()  # covered by a merge from above
            for row in (el for el in table if _local(el.tag) == "Row"):
                r = _count(row, "Index", r + 1, MAX_ROW)
                c = 0
                for cell in (el for el in row if _local(el.tag) == "Cell"):
                    c = _count(cell, "Index", c + 1, MAX_COLUMN)
                    while (r, c) in taken:
                        c += 1
                    across = _count(cell, "MergeAcross", 0, MAX_COLUMN)
                    down = _count(cell, "MergeDown", 0, MAX_ROW)
                    last_r, last_c = min(r + down, MAX_ROW), min(c + across, MAX_COLUMN)
                    covered += (last_r - r + 1) * (last_c - c + 1)
                    if covered > MAX_POSITIONS:
                        raise InputError(
                            path,
                            f"工作表「{name}」的合并区域过大，不像年报",
                            f"the sheet “{name}” merges too large a range: not a report",
                        )
                    if last_r > r or last_c > c:
                        grid.merged.append((r, c, last_r, last_c))
                        taken.update(
                            (rr, cc)
                            for rr in range(r + 1, last_r + 1)
                            for cc in range(c, last_c + 1)
                        )
                    data_el = next((d for d in cell if _local(d.tag) == "Data"), None)
                    loc = Location(f"{prefix}{column_letter(c)}{r}")
                    if data_el is not None:
                        text = "".join(data_el.itertext())
                        number = (
                            parse_number(text.strip())
                            if _attr(data_el, "Type") == "Number"
                            else None
                        )
                        if number is not None:
                            grid.cells[(r, c)] = GridCell(number_text(number), loc, number)
                        else:
                            grid.cells[(r, c)] = GridCell(text, loc)
                        cells += 1
                        if cells > MAX_CELLS:
                            raise InputError(
                                path,
                                f"工作簿的单元格超过 {MAX_CELLS} 个，不像年报",
                                f"the workbook has more than {MAX_CELLS} cells: not a report",
                            )
                    elif last_r > r or last_c > c:
                        grid.cells[(r, c)] = GridCell("", loc)
                    c = last_c
        if grid.cells:
            grid.finish()
            grids.append(grid)
    return grids, set()
