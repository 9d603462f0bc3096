"""Reading a report saved as a Word document (.docx).

``word/document.xml`` is read straight from the zip with :mod:`xml.etree.ElementTree`:
the body is a flat sequence of paragraphs (``w:p``) and tables (``w:tbl``), which is all a
report needs, and the standard library parses it in a few milliseconds with nothing to
import (python-docx costs a heavy import of lxml and hides the merged-cell markup this
reader must see anyway).

What is read, in document order:

- **paragraphs** — the text of each non-empty ``w:p`` (runs, ``w:tab`` as a tab,
  ``w:br``/``w:cr`` as line breaks, each line a block), inside content controls
  (``w:sdt``) too. Deleted text of tracked changes, field codes and text boxes are not
  read; the text of fields (a date, a page number) is.
- **tables** — cells placed on the table's column grid: ``w:gridBefore`` skips columns,
  ``w:gridSpan`` merges columns, ``w:vMerge`` continues the cell above (vertical merge);
  each merged cell appears once, at its top-left position, with its range in
  :attr:`Grid.merged`. A cell's paragraphs are its text lines. A table used for layout —
  one holding another table, or a single cell — is read as paragraphs and the tables in it.

Locations: ``paragraph 12`` (non-empty paragraphs counted from the top) and
``table 2, row 14, col 3`` (tables counted from the top, rows and grid columns 1-based).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Report
from reportcheck.readers.grid import Grid, GridCell, stack
from reportcheck.readers.published import Block, build_report

_MAX_XML = 64 * 1024 * 1024
"""A document.xml larger than this (uncompressed) is not a report: refuse, don't expand."""

_LAYOUT_CELL_CHARS = 400
"""A cell with more text than this is page layout, not a table cell (labels are < 100)."""

_SKIP = frozenset(
    {"pPr", "rPr", "tblPr", "tcPr", "trPr", "delText", "instrText", "del", "moveFrom",
     "txbxContent", "Fallback", "footnoteReference", "endnoteReference", "commentReference",
     "sectPr", "tblGrid"}
)  # fmt: skip
"""Elements whose content is no text of the document (or a duplicate of it)."""


def _local(tag: str) -> str:
    """An element's name without its namespace (Transitional and Strict OOXML alike)."""
    return tag.rsplit("}", 1)[-1]


def _attr(el: ET.Element | None, name: str) -> str | None:
    """A ``w:``-namespaced attribute (``w:val``) whatever the namespace URI."""
    if el is None:
        return None
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


# ------------------------------------------------------------------ what the document holds


@dataclass
class _Para:
    lines: list[str]


@dataclass
class _Cell:
    items: list[_Para | _Table]
    span: int = 1
    vmerge: str | None = None
    """None (no vertical merge), "restart" or "continue"."""
    hmerge: str | None = None
    """Legacy horizontal merge: None, "restart" or "continue"."""

    def text(self) -> str:
        return "\n".join(t for p in self.items if isinstance(p, _Para) for t in p.lines)


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)
    before: int = 0
    """Grid columns skipped before the first cell (w:gridBefore)."""


@dataclass
class _Table:
    rows: list[_Row]

    def is_layout(self) -> bool:
        cells = [c for r in self.rows for c in r.cells]
        return (
            len(cells) == 1
            or any(isinstance(i, _Table) for c in cells for i in c.items)
            or any(len(c.text()) > _LAYOUT_CELL_CHARS for c in cells)
        )


def _text(el: ET.Element, out: list[str]) -> None:
    """Append the text of a paragraph's runs, in order."""
    for c in el:
        name = _local(c.tag)
        if name == "t":
            out.append(c.text or "")
        elif name == "tab" or name == "ptab":
            out.append("\t")
        elif name == "br" or name == "cr":
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("-")
        elif name not in _SKIP:
            _text(c, out)


def _paragraph(p: ET.Element) -> _Para | None:
    parts: list[str] = []
    _text(p, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    lines = [line for line in lines if line]
    return _Para(lines) if lines else None


def _content(el: ET.Element) -> list[_Para | _Table]:
    """Paragraphs and tables of the body or a cell, looking inside content controls."""
    items: list[_Para | _Table] = []
    for c in el:
        name = _local(c.tag)
        if name == "p":
            para = _paragraph(c)
            if para is not None:
                items.append(para)
        elif name == "tbl":
            items.append(_table(c))
        elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            items.extend(_content(c))
        elif name == "AlternateContent":
            choice = _child(c, "Choice")
            if choice is not None:
                items.extend(_content(choice))
    return items


def _row_cells(tr: ET.Element) -> list[ET.Element]:
    out: list[ET.Element] = []
    for c in tr:
        name = _local(c.tag)
        if name == "tc":
            out.append(c)
        elif name in ("sdt", "sdtContent", "customXml"):
            out.extend(_row_cells(c))
    return out


def _table_rows(tbl: ET.Element) -> list[ET.Element]:
    out: list[ET.Element] = []
    for c in tbl:
        name = _local(c.tag)
        if name == "tr":
            out.append(c)
        elif name in ("sdt", "sdtContent", "customXml"):
            out.extend(_table_rows(c))
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, int(value)) if value is not None else default
    except ValueError:
        return default


def _table(tbl: ET.Element) -> _Table:
    rows: list[_Row] = []
    for tr in _table_rows(tbl):
        row = _Row()
        tr_pr = _child(tr, "trPr")
        if tr_pr is not None:
            row.before = _int(_attr(_child(tr_pr, "gridBefore"), "val"), 0)
        for tc in _row_cells(tr):
            cell = _Cell(_content(tc))
            tc_pr = _child(tc, "tcPr")
            if tc_pr is not None:
                cell.span = max(1, _int(_attr(_child(tc_pr, "gridSpan"), "val"), 1))
                for name in ("vMerge", "hMerge"):
                    merge = _child(tc_pr, name)
                    if merge is not None:
                        state = "restart" if _attr(merge, "val") == "restart" else "continue"
                        setattr(cell, name.lower(), state)
            row.cells.append(cell)
        rows.append(row)
    return _Table(rows)


# ------------------------------------------------------------------ blocks


class _Numbering:
    """Turns the document's content into blocks, numbering paragraphs and tables."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self._run: list[Grid] = []
        self._run_grid: Grid | None = None

    def walk(self, items: list[_Para | _Table]) -> None:
        for item in items:
            if isinstance(item, _Para):
                self.paragraphs += 1
                loc = Location(f"paragraph {self.paragraphs}")
                self.blocks.extend(Block(line, loc) for line in item.lines)
            elif item.is_layout():
                for row in item.rows:
                    for cell in row.cells:
                        self.walk(cell.items)
            elif any(row.cells for row in item.rows):
                self.tables += 1
                self._add_table(_grid(item, self.tables), Location(f"table {self.tables}"))

    def _add_table(self, grid: Grid, location: Location) -> None:
        """A table right after another, with no text between, continues it (see
        :func:`~reportcheck.readers.grid.stack`)."""
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.grid is not None and last.grid is self._run_grid:
            self._run.append(grid)
            self._run_grid = stack(self._run, f"{self._run[0].name}–{grid.name}")
            text = f"{last.text}\n{_table_text(grid)}"
            self.blocks[-1] = Block(text, last.location, self._run_grid)
        else:
            self._run = [grid]
            self._run_grid = grid
            self.blocks.append(Block(_table_text(grid), location, grid))


def _table_text(grid: Grid) -> str:
    """A table as text lines, ``|`` between cells, each cell on one line."""
    return "\n".join(
        " | ".join(" ".join(grid.cells[(r, c)].text.split()) for c in cols)
        for r in grid.rows
        if (cols := [c for c in grid.row_cols(r) if (r, c) in grid.cells])
    )


def _grid(table: _Table, number: int) -> Grid:
    """Place the cells on the column grid; vertical and horizontal merges become ranges."""
    grid = Grid(f"table {number}", by_header=True)
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    extent: dict[tuple[int, int], list[int]] = {}  # origin -> [last row, last column]
    for r, row in enumerate(table.rows, 1):
        c = 1 + row.before
        for cell in row.cells:
            above = owner.get((r - 1, c))
            left = owner.get((r, c - 1))
            if cell.vmerge == "continue" and above is not None:
                origin = above
                extent[origin][0] = r
            elif cell.hmerge == "continue" and left is not None:
                origin = left
            else:
                origin = (r, c)
                address = f"table {number}, row {r}, col {c}"
                grid.cells[origin] = GridCell(cell.text(), Location(address))
                extent[origin] = [r, c]
            last = c + cell.span - 1
            extent[origin][1] = max(extent[origin][1], last)
            for cc in range(c, last + 1):
                owner[(r, cc)] = origin
            c = last + 1
    grid.merged = [
        (r1, c1, r2, c2) for (r1, c1), (r2, c2) in extent.items() if (r2, c2) != (r1, c1)
    ]
    grid.finish()
    return grid


def blocks(document_xml: bytes) -> list[Block]:
    """The paragraphs and tables of ``word/document.xml``, in document order."""
    root = ET.fromstring(document_xml)
    body = _child(root, "body")
    numbering = _Numbering()
    if body is not None:
        numbering.walk(_content(body))
    return numbering.blocks


def _document_xml(path: str, data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise InputError(
                    path,
                    "不是 Word 文档：缺少 word/document.xml",
                    "not a Word document: word/document.xml is missing",
                ) from None
            if info.file_size > _MAX_XML:
                raise InputError(
                    path, "Word 文档正文过大，不像年报", "the Word document body is too large"
                )
            return z.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        raise InputError(
            path,
            "不是有效的 Word (.docx) 文件：zip 结构损坏",
            "not a valid Word (.docx) file: the zip structure is damaged",
        ) from None


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a Word (.docx) report (``kind`` is ``"docx"``)."""
    xml = _document_xml(path, data)
    try:
        found = blocks(xml)
    except ET.ParseError as err:
        raise InputError(
            path,
            f"Word 文档正文不是有效的 XML（{err}）",
            f"the Word document body is not valid XML ({err})",
        ) from None
    if not found:
        raise InputError(path, "Word 文档中没有文字", "the Word document has no text")
    return build_report(path, kind, found, settings)
