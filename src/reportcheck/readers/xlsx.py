"""Reader for Excel workbooks (.xlsx), built on the standard library only.

openpyxl is not used here: its import alone costs more than reading a report. The parts
read are the ones a report needs:

- ``xl/workbook.xml`` and ``xl/_rels/workbook.xml.rels``: sheet names, order, paths;
- ``xl/sharedStrings.xml``: plain and rich-text strings (phonetic runs are skipped);
- each worksheet's ``<sheetData>`` (cell types ``s``, ``str``, ``inlineStr``, ``n``,
  ``b``, ``e``, ``d``; formulas, shared formulas and their cached values) and
  ``<mergeCells>``.

Every sheet becomes one :class:`~reportcheck.readers.grid.Grid`; the tables are then
found by their labels (:func:`~reportcheck.readers.grid.locate`), wherever they are.
Numbers are read from the saved text with :class:`~decimal.Decimal`, never float. A
formula whose result was never saved is kept as such (rule RC205), not read as empty.
Text cells keep their text and go through :func:`~reportcheck.model.values.parse_text`
like every other reader's, so ``３１``, ``1,234`` and ``/`` mean the same everywhere.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar, cast
from xml.etree.ElementTree import Element

from reportcheck.config import Settings
from reportcheck.errors import InputError, one_line
from reportcheck.findings import Finding
from reportcheck.model.report import Location, Report
from reportcheck.readers.container import Package, XMLRefused, parse
from reportcheck.readers.grid import Grid, GridCell, check_grids, locate_in_report
from reportcheck.readers.sheet_metadata import extract_metadata
from reportcheck.readers.sheetcells import (
    cell_location,
    column_letter,
    number_text,
    parse_number,
    parse_ref,
    sheet_prefix,
    unescape,
)
from reportcheck.records import record

MAX_ROW = 1_048_576
MAX_COL = 16_384
"""Excel's sheet size: a cell beyond it is damage (and must not cost a loop to reach)."""
MAX_CELLS = 200_000
"""Cells of a workbook (a report's sheets hold a few thousand, styled empty ones included)."""
MAX_MERGES = 20_000
"""Merged ranges of a sheet (a report's tables have a few dozen)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

_NO_TABLES = (
    "没有找到年报表格（表二、表三、表四）",
    "none of the report tables (表二, 表三, 表四) was found",
)


def read_xlsx(path: str, data: bytes, settings: Settings) -> Report:
    """Read an .xlsx workbook into a :class:`Report` (the file is never modified).

    Raises :class:`InputError` when the file is not a readable workbook or holds none of
    the three tables.
    """
    book = _Workbook(path, data)
    grids = book.grids()
    check_grids(grids)  # before the metadata and the tables are looked for
    report = Report(source=path, kind="xlsx")
    report.metadata = extract_metadata(grids, book.date1904)

    found = locate_in_report(report, grids, settings)
    if not found.tables:
        raise InputError(path, *_NO_TABLES)
    report.findings.extend(_more_reports(report, grids, book.hidden))
    return report


def _more_reports(report: Report, grids: list[Grid], hidden: set[str]) -> list[Finding]:
    """RC007 when a table read from one visible sheet is also on another visible sheet:
    the workbook holds more than one report (two years, two agencies), and only the first
    is checked — said, never silent. A hidden sheet (last year's copy) does not count."""
    from reportcheck.findings.catalogue import Tr, emit
    from reportcheck.model.tables import TABLE_EN, TABLE_SHORT
    from reportcheck.readers.grid import holds_table

    visible = [g for g in grids if g.name not in hidden]
    if len(visible) < 2 or report.format_version is None:
        return []
    out: list[Finding] = []
    for table_id, data in report.tables.items():
        first = next((c.location for c in data.cells.values() if c.location), None)
        if first is None or "!" not in first.address:
            continue
        used = first.address.rpartition("!")[0].strip("'").replace("''", "'")
        others = [
            g.name
            for g in visible
            if g.name != used and holds_table(g, table_id, report.format_version)
        ]
        if not others:
            continue
        short = TABLE_SHORT[table_id]
        zh = "」「".join(others)
        out.append(
            emit(
                "RC007",
                {
                    "table": Tr(short, TABLE_EN[table_id]),
                    "used": used,
                    "others": Tr(f"「{zh}」", ", ".join(f"“{o}”" for o in others)),
                },
                table=table_id,
                location=first,
            )
        )
    return out


def read_grids(path: str, data: bytes) -> tuple[list[Grid], bool]:
    """Every worksheet as a :class:`Grid` (visible sheets first), and the 1904 date flag.

    Raises :class:`InputError` when the file is not a readable workbook.
    """
    book = _Workbook(path, data)
    return book.grids(), book.date1904


# ------------------------------------------------------------------ shared formulas


@functools.cache
def _formula_ref() -> re.Pattern[str]:
    # compiled on first use: most workbooks never need it (start-up, issue 13)
    return re.compile(
        r"(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])"
        r"|\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'!"
    )


def translate_formula(formula: str, drow: int, dcol: int) -> str:
    """Shift the relative references of a shared formula by (drow, dcol)."""
    if not drow and not dcol:
        return formula

    def shift(m: re.Match[str]) -> str:
        if m.group(2) is None:  # a string literal or a quoted sheet name
            return m.group(0)
        col_abs, letters, row_abs, digits = m.groups()
        ref = parse_ref(f"{letters}{digits}")
        if ref is None:  # pragma: no cover - the pattern admits only references
            return m.group(0)
        row, col = ref
        if not col_abs:
            col += dcol
        if not row_abs:
            row += drow
        if row < 1 or col < 1:
            return "#REF!"
        return f"{col_abs}{column_letter(col)}{row_abs}{row}"

    return _formula_ref().sub(shift, formula)


# ------------------------------------------------------------------ the workbook


@record()
class _SheetRef:
    """A worksheet as the workbook lists it: its name, its part and whether it is hidden."""

    name: str
    part: str
    hidden: bool


@record()
class _Shared:
    """The formula a shared formula's other cells are shifted from, and where it stands."""

    formula: str
    row: int
    col: int


class _Workbook:
    """One workbook being read: its package, what was read of it so far, and the guards'
    counts. (A plain class: a dataclass costs its compile at every start, issue 13.)"""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.date1904 = False
        self.cells = 0
        """Cells read so far from every sheet (bounded by :data:`MAX_CELLS`)."""
        self.hidden: set[str] = set()
        """Names of the hidden sheets."""
        self.formats: Sequence[tuple[int, str | None]] = ()
        """Number format of each cell style (``styles.xml``), by the cells' ``s`` index."""
        self.rels: dict[str, dict[str, tuple[str, str]]] = {}
        """Relationships already read, by part (the workbook's are asked for three times)."""
        self.plain_styles: frozenset[str] = frozenset()
        """The ``s`` values of styles that show a number as it is (no date, %, 万 format)."""
        self._open()

    def _open(self) -> None:
        if self.data[:8] == _OLE:
            if _ENCRYPTED in self.data:
                raise InputError(
                    self.path,
                    "Excel 文件已加密（设有打开密码）：请取消密码后另存为 .xlsx",
                    "the Excel file is encrypted (password-protected): remove the password "
                    "and save it as .xlsx",
                )
            raise InputError(
                self.path,
                "旧版 Excel 二进制格式（.xls）不受支持：请另存为 .xlsx",
                "old binary Excel format (.xls) is not supported: save it as .xlsx",
            )
        self.pkg = Package(self.path, self.data, "xlsx")
        if not self.pkg.has("xl/workbook.xml"):
            raise InputError(
                self.path,
                "不是 Excel (.xlsx) 工作簿：缺少 xl/workbook.xml",
                "not an Excel (.xlsx) workbook: xl/workbook.xml is missing",
            )

    # -- workbook structure

    def sheets(self) -> list[_SheetRef]:
        raw = self.pkg.read("xl/workbook.xml")
        assert raw is not None  # checked in _open
        self.date1904, listed = self._parsed(_workbook_part, raw, "xl/workbook.xml")
        rels = self._rels("xl/workbook.xml")
        out: list[_SheetRef] = []
        for name, rid, hidden in listed:
            target = rels.get(rid)
            if target is None:
                continue
            rel_type, part = target
            if not rel_type.endswith("/worksheet"):
                continue  # chart sheets, dialog and macro sheets hold no cells
            out.append(_SheetRef(name, part, hidden))
        return out

    def _parsed(self, parse_part: Callable[[bytes, str], _T], raw: bytes, part: str) -> _T:
        """``parse_part(raw, part)``, remembered by content for a small part: the workbook's
        structure, relationships and styles are the same bytes in every report made from
        one template, as a batch's reports mostly are."""
        try:
            if len(raw) <= _REMEMBERED_BYTES:
                return cast(_T, _remembered(parse_part, raw, part))
            return parse_part(raw, part)
        except XMLRefused as exc:
            raise self.pkg.error(exc.zh, exc.en) from None

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of ``part``: id → (type, target part path)."""
        if part not in self.rels:
            folder, name = posixpath.split(part)
            rels_part = f"{folder}/_rels/{name}.rels"
            raw = self.pkg.read(rels_part)
            listed = () if raw is None else self._parsed(_rels_part, raw, rels_part)
            self.rels[part] = {rid: (kind, target) for rid, kind, target in listed}
        return self.rels[part]

    def number_formats(self) -> Sequence[tuple[int, str | None]]:
        """(number-format id, format code) of every cell style, by its ``s`` index."""
        rels = self._rels("xl/workbook.xml")
        part = next((p for t, p in rels.values() if t.endswith("/styles")), "xl/styles.xml")
        raw = self.pkg.read(part)
        if raw is None:
            return ()
        return self._parsed(_styles_part, raw, part)

    def shared_strings(self) -> list[str]:
        rels = self._rels("xl/workbook.xml")
        part = next(
            (p for t, p in rels.values() if t.endswith("/sharedStrings")), "xl/sharedStrings.xml"
        )
        # a huge table of strings is read incrementally, never whole in memory
        elements = self.pkg.select(part, _SI, release_depth=2)
        if elements is None:
            return []
        return [_rich_text(el, _ns(el)) for el in elements]

    # -- cells

    def grids(self) -> list[Grid]:
        refs = self.sheets()
        strings = self.shared_strings()
        self.formats = self.number_formats()
        from reportcheck.readers.numfmt import DATE_IDS

        # "" and "0": no style, or the default one (shown as it is, whatever styles.xml says)
        self.plain_styles = frozenset(
            {"", "0"}
            | {
                str(i)
                for i, (fid, code) in enumerate(self.formats)
                if code is None and fid not in DATE_IDS
            }
        )
        # Visible sheets first: a hidden copy of last year's tables must not win.
        refs.sort(key=lambda s: s.hidden)
        self.hidden = {ref.name for ref in refs if ref.hidden}
        out: list[Grid] = []
        for ref in refs:
            elements = self.pkg.select(ref.part, _SHEET_PARTS, release_depth=3)
            if elements is None:
                raise InputError(
                    self.path,
                    f"损坏的 Excel 文件：找不到工作表「{ref.name}」（{ref.part}）",
                    f"a damaged Excel file: the sheet “{ref.name}” ({ref.part}) is missing",
                )
            out.append(_SheetReader(self, ref.name, strings).read(elements))
        return out


_T = TypeVar("_T")
_REMEMBERED_BYTES = 256 * 1024
"""Parts up to this size are parsed once per content (:meth:`_Workbook._parsed`)."""


@lru_cache(maxsize=64)
def _remembered(parse_part: Callable[[bytes, str], object], raw: bytes, part: str) -> object:
    return parse_part(raw, part)


def _workbook_part(raw: bytes, part: str) -> tuple[bool, tuple[tuple[str, str, bool], ...]]:
    """``xl/workbook.xml``: the 1904 date flag, and (name, relationship id, hidden) of each
    sheet listed, in order."""
    root = parse(raw, part)
    ns = _ns(root)
    pr = root.find(f"{ns}workbookPr")
    date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
    listed: list[tuple[str, str, bool]] = []
    sheets_el = root.find(f"{ns}sheets")
    for sh in sheets_el if sheets_el is not None else []:
        rid = next((v for k, v in sh.attrib.items() if k.endswith("}id")), "")
        listed.append((sh.get("name", ""), rid, sh.get("state", "visible") != "visible"))
    return date1904, tuple(listed)


def _rels_part(raw: bytes, part: str) -> tuple[tuple[str, str, str], ...]:
    """A ``.rels`` part: (id, type, target part path) of each internal relationship."""
    root = parse(raw, part)
    folder = part.rpartition("/_rels/")[0]  # xl/_rels/workbook.xml.rels → xl
    out: list[tuple[str, str, str]] = []
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), resolved))
    return tuple(out)


def _styles_part(raw: bytes, part: str) -> tuple[tuple[int, str | None], ...]:
    """``styles.xml``: (number-format id, format code) of every cell style, by index."""
    from reportcheck.readers.numfmt import format_code

    root = parse(raw, part)
    ns = _ns(root)
    custom: dict[int, str] = {}
    for nf in root.iter(f"{ns}numFmt"):
        nf_id = nf.get("numFmtId", "")
        if nf_id.isascii() and nf_id.isdigit() and len(nf_id) < 7:
            custom[int(nf_id)] = nf.get("formatCode", "")
    out: list[tuple[int, str | None]] = []
    xfs = root.find(f"{ns}cellXfs")
    for xf in xfs if xfs is not None else []:
        xf_id = xf.get("numFmtId", "0")
        number = int(xf_id) if xf_id.isascii() and xf_id.isdigit() and len(xf_id) < 7 else 0
        out.append((number, format_code(number, custom)))
    return tuple(out)


_SI = frozenset({"si"})
_SHEET_PARTS = frozenset({"row", "mergeCell"})
"""The elements of a worksheet read: rows (with their cells) and merged ranges."""


_SMALL_MERGE = 64
"""Merged ranges of at most this many cells have their covered places remembered."""


@lru_cache(maxsize=4096)  # the same merged ranges recur in every workbook of a batch
def _range(ref: str) -> tuple[int, int, int, int] | None:
    """``B2:D3`` → (2, 2, 3, 4): first row, first column, last row, last column."""
    a, _, b = ref.partition(":")
    p1, p2 = parse_ref(a), parse_ref(b or a)
    if p1 is None or p2 is None:
        return None
    return (
        min(p1[0], p2[0]),
        min(p1[1], p2[1]),
        max(p1[0], p2[0]),
        max(p1[1], p2[1]),
    )


@lru_cache(maxsize=4096)
def _covered(r1: int, c1: int, r2: int, c2: int) -> tuple[tuple[int, int], ...]:
    """The places a merged range hides: all but its top-left."""
    return tuple((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1) if (r, c) != (r1, c1))


@lru_cache(maxsize=16384)  # the same references recur in every workbook of a batch
def _place(prefix: str, ref: str) -> tuple[tuple[int, int], GridCell] | None:
    """(row, column) of a cell reference of sheet ``prefix``, and the shared empty cell
    there; None when ``ref`` is no reference within Excel's sheet size."""
    pos = parse_ref(ref)
    if pos is None or pos[0] > MAX_ROW or pos[1] > MAX_COL:
        return None
    return pos, _empty(prefix, pos)


@lru_cache(maxsize=16384)  # immutable, and the same places recur in every workbook of a batch
def _empty(prefix: str, pos: tuple[int, int]) -> GridCell:
    """A styled empty cell (``<c r="D7" s="3"/>``), one shared record for each place."""
    return GridCell("", cell_location(prefix, pos[0], pos[1]))


def _ns(root: Element) -> str:
    """``{namespace}`` of the root element (transitional and strict OOXML differ)."""
    tag = root.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


@lru_cache(maxsize=16)
def _cell_tags(ns: str) -> tuple[str, str, str]:
    """The tags of a cell's value, formula and inline string in namespace ``ns``."""
    return f"{ns}v", f"{ns}f", f"{ns}is"


def _rich_text(si: Element, ns: str) -> str:
    """Text of a shared or inline string: ``<t>`` or the ``<t>`` of each run ``<r>``."""
    parts: list[str] = []
    for child in si:
        if child.tag == f"{ns}t":
            parts.append(child.text or "")
        elif child.tag == f"{ns}r":
            t = child.find(f"{ns}t")
            if t is not None:
                parts.append(t.text or "")
        # <rPh> (phonetic guides) and <phoneticPr> are not part of the text
    return unescape("".join(parts))


class _SheetReader:
    """One worksheet's cells and merged ranges → a :class:`Grid`."""

    def __init__(self, book: _Workbook, name: str, strings: list[str]) -> None:
        self.book = book
        self.path = book.path
        self.name = name
        self.prefix = sheet_prefix(name)
        self.strings = strings
        self.shared: dict[str, _Shared] = {}

    def read(self, elements: Iterator[Element]) -> Grid:
        """The sheet from its rows and merged ranges (:meth:`Package.select`)."""
        grid = Grid(self.name, by_header=True)
        row_no = 0
        merges: list[str] = []
        for el in elements:
            tag = el.tag
            name = tag[tag.index("}") + 1 :] if tag[:1] == "{" else tag
            if name == "row":
                row_no = self._row(grid, el, _ns(el), row_no)
            elif name == "mergeCell":
                merges.append(el.get("ref", ""))
                if len(merges) > MAX_MERGES:
                    raise InputError(
                        self.path,
                        f"工作表「{self.name}」的合并单元格超过 {MAX_MERGES} 处，不像年报",
                        f"the sheet “{self.name}” has more than {MAX_MERGES} merged ranges: "
                        "not a report",
                    )
        if merges and grid.cells:
            self._merge(grid, merges)
        grid.finish()
        return grid

    def _row(self, grid: Grid, row_el: Element, ns: str, row_no: int) -> int:
        r_attr = row_el.get("r")
        if not r_attr:
            row_no += 1
        elif r_attr.isascii() and r_attr.isdigit():
            row_no = int(r_attr) if len(r_attr) < 8 else MAX_ROW + 1
        else:  # 「²」 (a digit to str.isdigit, not to int), 「x」, 「-5」: not a row number
            raise InputError(
                self.path,
                f"损坏的 Excel 文件：工作表「{self.name}」的行号「{one_line(r_attr[:20])}」不是数字",
                f"a damaged Excel file: the row number “{one_line(r_attr[:20])}” of the sheet "
                f"“{self.name}” is not a number",
            )
        if row_no > MAX_ROW:
            raise self._out_of_range(f"row {row_no}")
        col_no = 0
        book = self.book
        book.cells += len(row_el)
        if book.cells > MAX_CELLS:
            raise InputError(
                self.path,
                f"工作簿的单元格超过 {MAX_CELLS} 个，不像年报",
                f"the workbook has more than {MAX_CELLS} cells: not a report",
            )
        cells = grid.cells
        prefix = self.prefix
        v_tag, _f_tag, is_tag = _cell_tags(ns)
        t_tag = f"{ns}t"
        plain = book.plain_styles
        for c_el in row_el:
            ref = c_el.get("r", "")
            place = _place(prefix, ref) if ref else None
            if place is not None:
                pos, empty = place
            else:  # no reference, or none Excel could write: after the previous cell
                parsed = parse_ref(ref) if ref else None
                pos = parsed if parsed is not None else (row_no, col_no + 1)
                if pos[0] > MAX_ROW or pos[1] > MAX_COL:
                    raise self._out_of_range(ref or f"row {pos[0]}, column {pos[1]}")
                empty = _empty(prefix, pos)
            col_no = pos[1]
            # the two commonest kinds inline: a styled empty cell, and a plain count
            n = len(c_el)
            if not n:
                cells[pos] = empty
                continue
            kind = c_el.get("t", "n")
            if n == 1 and kind == "inlineStr":
                is_el = c_el[0]
                if is_el.tag == is_tag and len(is_el) == 1 and is_el[0].tag == t_tag:
                    # <c t="inlineStr"><is><t>text</t></is></c>: what _rich_text gives
                    text = is_el[0].text or ""
                    if "_x" in text:
                        text = unescape(text)
                    cells[pos] = GridCell(text, empty.location)
                    continue
            elif n == 1 and kind == "n" and c_el.get("s", "") in plain:
                v_el = c_el[0]
                vtext = v_el.text
                if (
                    v_el.tag == v_tag
                    and vtext
                    and vtext.isdigit()
                    and vtext.isascii()
                    and len(vtext) <= 15
                    and (vtext[0] != "0" or len(vtext) == 1)
                ):
                    cells[pos] = GridCell(vtext, empty.location, int(vtext))
                    continue
            cells[pos] = self._cell(c_el, ns, pos[0], pos[1], empty.location)
        return row_no

    def _shown(self, value: int | Decimal, style: str) -> tuple[str, str] | None:
        """(what Excel shows, how) for a number whose format is a date, a percentage or a
        万 display (:mod:`reportcheck.readers.numfmt`); None for plain numbers."""
        from reportcheck.readers import numfmt

        formats = self.book.formats
        idx = int(style) if style.isascii() and style.isdigit() and len(style) < 7 else -1
        if not 0 <= idx < len(formats):
            return None
        fid, code = formats[idx]
        if code is None and fid not in numfmt.DATE_IDS:
            return None
        code = code or "yyyy/m/d"
        text = numfmt.display(value, code, fid, self.book.date1904)
        if text is None:
            return None
        if numfmt.is_date(code, fid):
            return text, "date"
        return text, "wan" if numfmt.shows_wan_of_yuan(code) else "percent"

    def _out_of_range(self, ref: str) -> InputError:
        return InputError(
            self.path,
            f"损坏的 Excel 文件：工作表「{self.name}」的单元格 {ref[:20]} 超出 Excel 的范围",
            f"a damaged Excel file: the cell {ref[:20]} of the sheet “{self.name}” is outside "
            "what Excel allows",
        )

    def _merge(self, grid: Grid, merges: list[str]) -> None:
        # Clip to the cells present: a merge over whole columns must not cost millions.
        cells = grid.cells
        max_row = max(r for r, _ in cells)
        max_col = max(c for _, c in cells)
        for ref in merges:
            rng = _range(ref)
            if rng is None or rng[0] > max_row or rng[1] > max_col:
                continue
            r1, c1, r2, c2 = rng[0], rng[1], min(rng[2], max_row), min(rng[3], max_col)
            if (r1, c1) == (r2, c2):
                continue
            grid.merged.append((r1, c1, r2, c2))
            # hidden under the merged cell: Excel shows the top-left only
            area = (r2 - r1 + 1) * (c2 - c1 + 1)
            covered: Iterable[tuple[int, int]]
            if area <= _SMALL_MERGE:
                covered = _covered(r1, c1, r2, c2)  # the same few ranges in every report
            elif area <= len(cells):
                covered = [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
                covered.remove((r1, c1))
            else:  # a range larger than the sheet's cells: look at the cells instead
                covered = [
                    (r, c)
                    for r, c in cells
                    if r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1)
                ]
            for pos in covered:
                cells.pop(pos, None)

    def _cell(self, c: Element, ns: str, row: int, col: int, loc: Location) -> GridCell:
        """A cell with children (an empty one is read in :meth:`_row`), at ``loc``."""
        kind = c.get("t", "n")
        v_tag, f_tag, is_tag = _cell_tags(ns)
        v_el = f_el = is_el = None
        for child in c:  # the first of each, as find() would give
            tag = child.tag
            if tag == v_tag:
                v_el = child if v_el is None else v_el
            elif tag == f_tag:
                f_el = child if f_el is None else f_el
            elif tag == is_tag:
                is_el = child if is_el is None else is_el
        vtext = v_el.text if v_el is not None else None
        formula: str | None = None
        if f_el is not None:
            formula = self._formula(f_el, row, col)
            # <v/> is an empty text result for t="str", no result at all otherwise
            if v_el is None or (not vtext and kind != "str"):
                return GridCell("", loc, formula=formula, no_cached_value=True)
        if kind == "inlineStr":
            text = _rich_text(is_el, ns) if is_el is not None else (vtext or "")
            return GridCell(text, loc, formula=formula)
        if vtext is None:
            return GridCell("", loc, formula=formula)
        if kind == "s":
            try:
                text = self.strings[int(vtext)]
            except (ValueError, IndexError):
                raise InputError(
                    self.path,
                    f"损坏的 Excel 文件：{loc} 引用了不存在的共享字符串",
                    f"a damaged Excel file: {loc} refers to a shared string that does not exist",
                ) from None
            return GridCell(text, loc, formula=formula)
        if kind == "n":
            value = parse_number(vtext)
            if value is None:
                return GridCell(vtext, loc, formula=formula)
            style = c.get("s")
            if style and style != "0" and style not in self.book.plain_styles:
                shown = self._shown(value, style)
                if shown is not None:
                    return GridCell(shown[0], loc, value=value, formula=formula, shown_as=shown[1])
            return GridCell(number_text(value), loc, value=value, formula=formula)
        if kind == "b":
            return GridCell(
                "TRUE" if vtext.strip() in ("1", "true") else "FALSE", loc, formula=formula
            )
        # str (a formula's text result), e (#REF! and other errors), d (ISO date)
        return GridCell(unescape(vtext), loc, formula=formula)

    def _formula(self, f: Element, row: int, col: int) -> str | None:
        text = f.text or ""
        if f.get("t") == "shared":
            si = f.get("si", "")
            if text:
                self.shared[si] = _Shared(text, row, col)
            elif si in self.shared:
                base = self.shared[si]
                text = translate_formula(base.formula, row - base.row, col - base.col)
        return text or None
