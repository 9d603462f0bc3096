"""Reader for the spreadsheet formats offices still hold: Excel 97–2003 ``.xls`` (and WPS
``.et``, the same BIFF8 workbook inside an OLE2 file) and OpenDocument ``.ods`` — and the
``.xls`` that is Excel 2003 XML (:mod:`reportcheck.readers.spreadsheetml`).

The values come from python-calamine (the Rust calamine library: BIFF5/8 and ODF, the cached
result of every formula, merged ranges of ``.xls``). It was chosen over xlrd 2 by measurement
(see the commit that brought it in): ten times faster on a report workbook, the same values,
merged ranges and cached results, and one library for ``.xls`` and ``.ods``; xlrd exposes
number formats that calamine does not (a percentage or a 万 display is read as the stored
number here), and calamine makes a dense grid of each sheet — which is why the guards below
run before it:

- ``.xls``: the OLE2 container is opened by :mod:`reportcheck.readers.ole` (sector chains
  followed once, every size checked against the file), and the workbook stream's records are
  measured (:func:`~reportcheck.readers.ole.scan_biff`): a sheet whose used range is larger
  than a report's could be, or too many cells, is refused before calamine sees it;
- ``.ods``: the zip is opened by :mod:`reportcheck.readers.container` (its size, ratio and XML
  guards) and ``content.xml`` is walked once, repeated rows and columns counted without being
  made, for the same limits — and for the merged ranges, which calamine does not give for ODF.

Each sheet becomes a :class:`~reportcheck.readers.grid.Grid` with places as Excel writes them
(``表三!D7``); the tables are found by the same finder as ``.xlsx``, so a workbook saved in
both formats gives the same findings.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Report
from reportcheck.readers.grid import Grid, GridCell, check_grids, locate_in_report

MAX_AREA = 1_000_000
"""Positions (A1 to the last used cell) of all the sheets of a workbook together."""
MAX_CELLS = 200_000
"""Cells of a workbook (as for .xlsx)."""
MAX_MERGES = 20_000
"""Merged ranges of a sheet (as for .xlsx)."""

_NO_TABLES = (
    "没有找到年报表格（表二、表三、表四）",
    "none of the report tables (表二, 表三, 表四) was found",
)


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read an ``xls`` (OLE2 workbook) or ``ods`` file into a :class:`Report`."""
    grids, hidden = read_grids(path, data, kind)
    check_grids(grids)
    from reportcheck.readers.sheet_metadata import extract_metadata
    from reportcheck.readers.xlsx import _more_reports

    report = Report(source=path, kind=kind)
    report.metadata = extract_metadata(grids)
    found = locate_in_report(report, grids, settings)
    if not found.tables:
        raise InputError(path, *_NO_TABLES)
    report.findings.extend(_more_reports(report, grids, hidden))
    return report


def read_grids(path: str, data: bytes, kind: str) -> tuple[list[Grid], set[str]]:
    """Every sheet as a :class:`Grid` (visible sheets first), and the hidden sheets' names."""
    if kind == "xls" and not data.startswith(b"\xd0\xcf\x11\xe0"):  # Excel 2003 XML
        from reportcheck.readers.spreadsheetml import read_grids as xml_grids

        return xml_grids(path, data)
    merges: list[list[tuple[int, int, int, int]]] | None = None
    if kind == "ods":
        merges = _ods_layout(path, data)
        source = data
    else:
        source = _xls_stream_checked(path, data)
    import python_calamine as pc  # .xls/.ods only (a compiled library)

    try:
        with _panics_unprinted():
            sheets = _sheets(pc, source, merges)
    except _TooManyMerges as exc:
        raise InputError(
            path,
            f"工作表「{exc.name}」的合并单元格超过 {MAX_MERGES} 处，不像年报",
            f"the sheet “{exc.name}” has more than {MAX_MERGES} merged ranges: not a report",
        ) from None
    except pc.PasswordError:
        raise InputError(
            path,
            "文件已加密（设有打开密码）：请取消密码后再检查",
            "the file is encrypted (password-protected): remove the password and check it again",
        ) from None
    except BaseException as exc:  # the library's errors, and a panic of its Rust code
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # KeyboardInterrupt, SystemExit
        app = (
            ("OpenDocument 表格", "OpenDocument spreadsheet")
            if kind == "ods"
            else ("Excel", "Excel")
        )
        raise InputError(
            path,
            f"损坏的 {app[0]} 文件：{str(exc)[:120]}",
            f"a damaged {app[1]} file: {str(exc)[:120]}",
        ) from None
    sheets.sort(key=lambda s: s[1])  # visible first: a hidden copy of last year must not win
    grids = [_grid(name, rows, start, ranges) for name, _h, rows, start, ranges in sheets]
    return grids, {name for name, hidden, *_ in sheets if hidden}


_Sheet = tuple[str, bool, list[list[object]], tuple[int, int], list[tuple[int, int, int, int]]]


def _sheets(
    pc: Any, source: bytes, merges: list[list[tuple[int, int, int, int]]] | None
) -> list[_Sheet]:
    """(name, hidden, rows, top-left, merged ranges) of each worksheet, as calamine reads it."""
    book = pc.CalamineWorkbook.from_filelike(io.BytesIO(source))
    sheets: list[_Sheet] = []
    for i, meta in enumerate(book.sheets_metadata):
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        sheet = book.get_sheet_by_index(i)
        rows = sheet.to_python(skip_empty_area=True)
        start = sheet.start or (0, 0)
        ranges = merges[i] if merges is not None and i < len(merges) else None
        if ranges is None:
            ranges = [(a[0], a[1], b[0], b[1]) for a, b in sheet.merged_cell_ranges or ()]
        if len(ranges) > MAX_MERGES:
            raise _TooManyMerges(meta.name)
        hidden = meta.visible != pc.SheetVisibleEnum.Visible
        sheets.append((meta.name, hidden, rows, start, ranges))
    return sheets


class _TooManyMerges(Exception):
    """A sheet with more than :data:`MAX_MERGES` merged ranges (named)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@contextlib.contextmanager
def _panics_unprinted() -> Iterator[None]:
    """Standard error (the file descriptor) sent to /dev/null while calamine runs: a panic of
    its Rust code (a damaged file) is printed there by Rust, before Python sees the error
    that says it in one line."""
    fd = 2  # where Rust's panic hook writes, whatever sys.stderr is
    with contextlib.suppress(AttributeError, ValueError, OSError):
        sys.stderr.flush()
    try:
        saved = os.dup(fd)
    except OSError:  # no standard error at all
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(null)


def _xls_stream_checked(path: str, data: bytes) -> bytes:
    """``data`` once its OLE2 container and workbook stream passed the guards."""
    from reportcheck.readers.ole import WORKBOOK_STREAMS, OleFile, scan_biff

    ole = OleFile(path, data)
    for name in WORKBOOK_STREAMS:
        stream = ole.stream(name)
        if stream is not None:
            scan_biff(path, stream)
            # a last sector cut short (a truncated download) is read as zeros, as here;
            # calamine would panic on it
            short = (len(data) - ole.size) % ole.size
            return data + b"\x00" * (ole.size - short) if short else data
    raise InputError(
        path,
        "不是 Excel 工作簿：OLE2 文件中没有 Workbook 数据流",
        "not an Excel workbook: the OLE2 file has no Workbook stream",
    )


# ------------------------------------------------------------------ cells


def _grid(
    name: str,
    rows: Sequence[Sequence[object]],
    start: tuple[int, int],
    ranges: list[tuple[int, int, int, int]],
) -> Grid:
    from reportcheck.readers.sheetcells import column_letter, sheet_prefix

    prefix = sheet_prefix(name)
    grid = Grid(name, by_header=True)
    r0, c0 = start
    for i, row in enumerate(rows):
        r = r0 + i + 1
        for j, value in enumerate(row):
            c = c0 + j + 1
            grid.cells[(r, c)] = _cell(value, Location(f"{prefix}{column_letter(c)}{r}"))
    if ranges and grid.cells:
        _merge(grid, ranges)
    grid.finish()
    return grid


_EPOCH = datetime(1899, 12, 30)


def _cell(value: object, loc: Location) -> GridCell:
    """A calamine value as the .xlsx reader would give the same saved cell."""
    from reportcheck.readers.sheetcells import number_text, parse_number

    if value is None or value == "":
        return GridCell("", loc)
    if isinstance(value, bool):
        return GridCell("TRUE" if value else "FALSE", loc)
    if isinstance(value, int):
        return GridCell(str(value), loc, value)
    if isinstance(value, float):
        number = parse_number(repr(value))  # 15 significant digits, as Excel shows
        if number is None:
            return GridCell(repr(value), loc)
        return GridCell(number_text(number), loc, number)
    if isinstance(value, datetime | date):
        when = (
            value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        )
        delta = when - _EPOCH
        serial: int | Decimal = delta.days
        if delta.seconds or delta.microseconds:
            serial = Decimal(delta.days) + Decimal(delta.seconds) / Decimal(86400)
        from reportcheck.readers import numfmt

        code = "yyyy/m/d h:mm" if isinstance(value, datetime) and delta.seconds else "yyyy/m/d"
        text = numfmt.display(serial, code, None, False) or value.isoformat()
        return GridCell(text, loc, value=serial, shown_as="date")
    if isinstance(value, time | timedelta):
        return GridCell(str(value), loc)
    return GridCell(str(value), loc)


def _merge(grid: Grid, ranges: list[tuple[int, int, int, int]]) -> None:
    """Record the merged ranges (0-based from calamine or the ODS walk) and drop the cells
    they hide, clipped to the cells present (as the .xlsx reader does)."""
    cells = grid.cells
    max_row = max(r for r, _ in cells)
    max_col = max(c for _, c in cells)
    for a, b, c, d in ranges:
        r1, c1, r2, c2 = a + 1, b + 1, min(c + 1, max_row), min(d + 1, max_col)
        if r1 > max_row or c1 > max_col or (r1, c1) == (r2, c2) or r2 < r1 or c2 < c1:
            continue
        grid.merged.append((r1, c1, r2, c2))
        for r in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                if (r, col) != (r1, c1):
                    cells.pop((r, col), None)


# ------------------------------------------------------------------ OpenDocument

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T = f"{{{_TABLE_NS}}}"
_ROW, _TABLE = f"{_T}table-row", f"{_T}table"
_CELL, _COVERED = f"{_T}table-cell", f"{_T}covered-table-cell"
_COLS_REP, _ROWS_REP = f"{_T}number-columns-repeated", f"{_T}number-rows-repeated"
_COLS_SPAN, _ROWS_SPAN = f"{_T}number-columns-spanned", f"{_T}number-rows-spanned"
_VALUE_TYPE = f"{{{_OFFICE_NS}}}value-type"


def _count(el: object, attr: str) -> int:
    from xml.etree.ElementTree import Element

    assert isinstance(el, Element)
    raw = el.get(attr, "1")
    return int(raw) if raw.isdigit() and len(raw) < 10 else 1


def _ods_layout(path: str, data: bytes) -> list[list[tuple[int, int, int, int]]]:
    """The merged ranges (0-based, inclusive) of each sheet of an ODS file, in sheet order,
    after checking its sheets against :data:`MAX_AREA` and :data:`MAX_CELLS`."""
    from reportcheck.readers.container import Package

    pkg = Package(path, data, "ods")
    elements = pkg.iterparse("content.xml", release_depth=0)
    if elements is None:
        raise pkg.error("缺少 content.xml", "content.xml is missing")
    out: list[list[tuple[int, int, int, int]]] = []
    merges: list[tuple[int, int, int, int]] = []
    row = 0
    area = 0
    cells = 0
    last_row = last_col = -1
    for el in elements:
        tag = el.tag
        if tag == _ROW:
            repeat = _count(el, _ROWS_REP)
            col = 0
            filled = False
            for cell in el:
                if cell.tag not in (_CELL, _COVERED):
                    continue
                n = _count(cell, _COLS_REP)
                if cell.tag == _CELL and (cell.get(_VALUE_TYPE) or len(cell)):
                    filled = True
                    cells += n * repeat
                    last_col = max(last_col, col + n - 1)
                    span_c, span_r = _count(cell, _COLS_SPAN), _count(cell, _ROWS_SPAN)
                    if span_c > 1 or span_r > 1:
                        merges.append((row, col, row + span_r - 1, col + span_c - 1))
                elif cell.tag == _CELL:
                    span_c, span_r = _count(cell, _COLS_SPAN), _count(cell, _ROWS_SPAN)
                    if span_c > 1 or span_r > 1:  # an empty merged cell still merges
                        merges.append((row, col, row + span_r - 1, col + span_c - 1))
                col += n
            if filled:
                last_row = row + repeat - 1
            row += repeat
            el.clear()
            if cells > MAX_CELLS:
                raise InputError(
                    path,
                    f"工作簿的单元格超过 {MAX_CELLS} 个，不像年报",
                    f"the workbook has more than {MAX_CELLS} cells: not a report",
                )
            if area + (last_row + 1) * (last_col + 1) > MAX_AREA:
                raise InputError(
                    path,
                    f"工作表的使用范围超过 {MAX_AREA} 格，不像年报",
                    f"a sheet's used range covers more than {MAX_AREA} cells: not a report",
                )
            if len(merges) > MAX_MERGES:
                raise InputError(
                    path,
                    f"工作表的合并单元格超过 {MAX_MERGES} 处，不像年报",
                    f"a sheet has more than {MAX_MERGES} merged ranges: not a report",
                )
        elif tag == _TABLE:
            area += (last_row + 1) * (last_col + 1) if last_row >= 0 else 0
            out.append(merges)
            merges = []
            row = 0
            last_row = last_col = -1
    return out
