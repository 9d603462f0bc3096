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

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache
from xml.etree.ElementTree import Element, ParseError, fromstring

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.labels import label_key
from reportcheck.model.report import Location, Metadata, Report
from reportcheck.readers.grid import Grid, GridCell, locate_in_report

_MAX_PART = 200 * 1024 * 1024
"""Largest uncompressed part read (a guard against zip bombs)."""

_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError)
"""What a damaged zip raises (NotImplementedError: an unsupported compression method)."""

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
    grids, date1904 = read_grids(path, data)
    report = Report(source=path, kind="xlsx")
    report.metadata = extract_metadata(grids, date1904)

    found = locate_in_report(report, grids, settings)
    if not found.tables:
        raise InputError(path, *_NO_TABLES)
    return report


def read_grids(path: str, data: bytes) -> tuple[list[Grid], bool]:
    """Every worksheet as a :class:`Grid` (visible sheets first), and the 1904 date flag.

    Raises :class:`InputError` when the file is not a readable workbook.
    """
    book = _Workbook(path, data)
    return book.grids(), book.date1904


# ------------------------------------------------------------------ addresses


@lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=65536)  # the same addresses recur in every workbook of a batch
def parse_ref(ref: str) -> tuple[int, int] | None:
    """``D29`` → ``(29, 4)`` (row, column); None if ``ref`` is not a cell reference."""
    m = _REF.match(ref.strip())
    if m is None:
        return None
    col = 0
    for ch in m[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(m[2]), col


_PLAIN_SHEET = re.compile(r"^[^\W\d]\w*$")
_LOOKS_LIKE_REF = re.compile(r"^(?:[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$")


def sheet_prefix(name: str) -> str:
    """The sheet part of an address as Excel writes it: ``表三!`` or ``'My Sheet'!``."""
    if _PLAIN_SHEET.match(name) and not _LOOKS_LIKE_REF.match(name):
        return f"{name}!"
    return "'" + name.replace("'", "''") + "'!"


# ------------------------------------------------------------------ numbers

_CONTEXT15 = Context(prec=15)


def parse_number(text: str) -> int | Decimal | None:
    """The number saved in a ``<v>``: int when integral, else Decimal; None if not a number.

    Excel keeps 15 significant digits; text written with more (``0.30000000000000004``,
    as some generators write binary floats) is rounded to 15, as Excel shows it.
    """
    if text.isascii() and text.isdigit():
        return int(text)  # the common case: a count
    try:
        dec = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not dec.is_finite():
        return None
    if len(dec.as_tuple().digits) > 15:
        dec = _CONTEXT15.plus(dec)
    if dec == dec.to_integral_value():
        return int(dec)
    return dec.normalize()


def number_text(value: int | Decimal) -> str:
    """A number as displayed (no exponent)."""
    return str(value) if isinstance(value, int) else format(value, "f")


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Undo Excel's ``_xHHHH_`` escapes of control characters (``_x000D_`` etc.)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


# ------------------------------------------------------------------ shared formulas

_FORMULA_REF = re.compile(
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

    return _FORMULA_REF.sub(shift, formula)


# ------------------------------------------------------------------ the workbook


@dataclass
class _SheetRef:
    name: str
    part: str
    hidden: bool


@dataclass
class _Shared:
    formula: str
    row: int
    col: int


@dataclass
class _Workbook:
    path: str
    data: bytes
    date1904: bool = False
    zf: zipfile.ZipFile = field(init=False)
    names: dict[str, str] = field(init=False)
    """Zip member names by lower-case name (some writers vary the case)."""

    def __post_init__(self) -> None:
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
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(self.data))
        except _ZIP_ERRORS:
            raise InputError(
                self.path,
                "不是有效的 Excel (.xlsx) 文件：无法作为 zip 打开",
                "not a valid Excel (.xlsx) file: it cannot be opened as a zip archive",
            ) from None
        self.names = {n.lower(): n for n in self.zf.namelist()}
        if "xl/workbook.xml" not in self.names:
            raise InputError(
                self.path,
                "不是 Excel (.xlsx) 工作簿：缺少 xl/workbook.xml",
                "not an Excel (.xlsx) workbook: xl/workbook.xml is missing",
            )

    # -- parts

    def _bytes(self, part: str) -> bytes | None:
        name = self.names.get(part.lower())
        if name is None:
            return None
        info = self.zf.getinfo(name)
        if info.file_size > _MAX_PART:
            raise InputError(
                self.path,
                f"Excel 文件中的 {part} 过大（{info.file_size // 1_048_576} MB）",
                f"the part {part} of the workbook is too large ({info.file_size // 1_048_576} MB)",
            )
        try:
            return self.zf.read(name)
        except (*_ZIP_ERRORS, RuntimeError) as exc:
            # RuntimeError: a member encrypted with a zip password
            raise InputError(
                self.path,
                f"损坏的 Excel 文件：无法解压 {part}",
                f"a damaged Excel file: {part} cannot be extracted ({exc.__class__.__name__})",
            ) from None

    def _xml(self, part: str) -> Element | None:
        raw = self._bytes(part)
        if raw is None:
            return None
        try:
            return fromstring(raw)
        except (ParseError, LookupError, ValueError) as exc:  # LookupError: unknown encoding
            raise InputError(
                self.path,
                f"损坏的 Excel 文件：{part} 不是有效的 XML（{exc}）",
                f"a damaged Excel file: {part} is not valid XML ({exc})",
            ) from None

    # -- workbook structure

    def sheets(self) -> list[_SheetRef]:
        root = self._xml("xl/workbook.xml")
        assert root is not None  # checked in __post_init__
        ns = _ns(root)
        pr = root.find(f"{ns}workbookPr")
        if pr is not None:
            self.date1904 = pr.get("date1904", "").lower() in ("1", "true")
        rels = self._rels("xl/workbook.xml")
        out: list[_SheetRef] = []
        sheets_el = root.find(f"{ns}sheets")
        for sh in sheets_el if sheets_el is not None else []:
            rid = next((v for k, v in sh.attrib.items() if k.endswith("}id")), None)
            target = rels.get(rid or "")
            if target is None:
                continue
            rel_type, part = target
            if not rel_type.endswith("/worksheet"):
                continue  # chart sheets, dialog and macro sheets hold no cells
            out.append(_SheetRef(sh.get("name", ""), part, sh.get("state", "visible") != "visible"))
        return out

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of ``part``: id → (type, target part path)."""
        folder, name = posixpath.split(part)
        root = self._xml(f"{folder}/_rels/{name}.rels")
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root:
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
        return out

    def shared_strings(self) -> list[str]:
        rels = self._rels("xl/workbook.xml")
        part = next(
            (p for t, p in rels.values() if t.endswith("/sharedStrings")), "xl/sharedStrings.xml"
        )
        root = self._xml(part)
        if root is None:
            return []
        ns = _ns(root)
        return [_rich_text(si, ns) for si in root.iter(f"{ns}si")]

    # -- cells

    def grids(self) -> list[Grid]:
        refs = self.sheets()
        strings = self.shared_strings()
        # Visible sheets first: a hidden copy of last year's tables must not win.
        refs.sort(key=lambda s: s.hidden)
        out: list[Grid] = []
        for ref in refs:
            root = self._xml(ref.part)
            if root is None:
                raise InputError(
                    self.path,
                    f"损坏的 Excel 文件：找不到工作表「{ref.name}」（{ref.part}）",
                    f"a damaged Excel file: the sheet “{ref.name}” ({ref.part}) is missing",
                )
            out.append(_SheetReader(self.path, ref.name, strings).read(root))
        return out


def _ns(root: Element) -> str:
    """``{namespace}`` of the root element (transitional and strict OOXML differ)."""
    tag = root.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


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
    return _unescape("".join(parts))


class _SheetReader:
    """One worksheet's cells and merged ranges → a :class:`Grid`."""

    def __init__(self, path: str, name: str, strings: list[str]) -> None:
        self.path = path
        self.name = name
        self.prefix = sheet_prefix(name)
        self.strings = strings
        self.shared: dict[str, _Shared] = {}

    def read(self, root: Element) -> Grid:
        ns = _ns(root)
        grid = Grid(self.name, by_header=True)
        data = root.find(f"{ns}sheetData")
        row_no = 0
        for row_el in data if data is not None else []:
            r_attr = row_el.get("r")
            row_no = int(r_attr) if r_attr and r_attr.isdigit() else row_no + 1
            col_no = 0
            for c_el in row_el:
                pos = parse_ref(c_el.get("r", ""))
                if pos is None:
                    pos = (row_no, col_no + 1)
                col_no = pos[1]
                grid.cells[pos] = self._cell(c_el, ns, *pos)
        merge_el = root.find(f"{ns}mergeCells")
        if merge_el is not None and grid.cells:
            # Clip to the cells present: a merge over whole columns must not cost millions.
            max_row = max(r for r, _ in grid.cells)
            max_col = max(c for _, c in grid.cells)
            for mc in merge_el:
                rng = self._range(mc.get("ref", ""))
                if rng is None or rng[0] > max_row or rng[1] > max_col:
                    continue
                r1, c1, r2, c2 = rng[0], rng[1], min(rng[2], max_row), min(rng[3], max_col)
                if (r1, c1) == (r2, c2):
                    continue
                grid.merged.append((r1, c1, r2, c2))
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1):
                            # hidden under the merged cell: Excel shows the top-left only
                            grid.cells.pop((r, c), None)
        grid.finish()
        return grid

    @staticmethod
    def _range(ref: str) -> tuple[int, int, int, int] | None:
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

    def _cell(self, c: Element, ns: str, row: int, col: int) -> GridCell:
        loc = Location(f"{self.prefix}{column_letter(col)}{row}")
        kind = c.get("t", "n")
        if not len(c):  # <c r="D7" s="3"/>: a styled empty cell, the commonest kind
            return GridCell("", loc)
        v_el = c.find(f"{ns}v")
        vtext = v_el.text if v_el is not None else None
        formula: str | None = None
        f_el = c.find(f"{ns}f")
        if f_el is not None:
            formula = self._formula(f_el, row, col)
            # <v/> is an empty text result for t="str", no result at all otherwise
            if v_el is None or (not vtext and kind != "str"):
                return GridCell("", loc, formula=formula, no_cached_value=True)
        if kind == "inlineStr":
            is_el = c.find(f"{ns}is")
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
            return GridCell(number_text(value), loc, value=value, formula=formula)
        if kind == "b":
            return GridCell(
                "TRUE" if vtext.strip() in ("1", "true") else "FALSE", loc, formula=formula
            )
        # str (a formula's text result), e (#REF! and other errors), d (ISO date)
        return GridCell(_unescape(vtext), loc, formula=formula)

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


# ------------------------------------------------------------------ metadata

_TITLE = re.compile(
    r"^\s*(?P<pre>[^\s，。:：]*?)\s*(?P<year>(?:19|20)\d\d)\s*年度?\s*(?P<mid>[^\s，。:：]*?)\s*"
    r"政府信息公开(?:工作)?(?:年度)?报告\s*(?:[（(][^）)]{0,20}[）)])?\s*$"
)
"""A whole cell that is a title: ``XX局2024年政府信息公开工作年度报告`` (or year first)."""
_FIELDS = {
    "agency": ("单位名称", "发文机构", "报告单位", "发布机构", "机关名称"),
    "year": ("报告年度", "年度"),
    "published": ("发布日期", "公开日期", "发布时间"),
    "level": ("单位层级", "层级"),
}
_FIELD_OF = {label_key(label): name for name, labels in _FIELDS.items() for label in labels}
_INLINE = re.compile(
    r"^\s*(?P<label>" + "|".join(label for labels in _FIELDS.values() for label in labels) + r")"
    r"\s*[:：]\s*(?P<value>\S.*?)\s*$"
)
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年?度?\s*$")
_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)\d\d)\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[T\s].*)?$"
)
LEVELS = {
    "department": "department",
    "government": "government",
    "township": "township",
    "部门": "department",
    "政府": "government",
    "乡镇": "township",
    "街道": "township",
}


def extract_metadata(grids: list[Grid], date1904: bool = False) -> Metadata:
    """Title, agency, year, publication date and level as the workbook states them.

    A title cell such as ``XX局2024年政府信息公开工作年度报告`` gives year and agency;
    label cells (单位名称, 报告年度, 发布日期, 单位层级 and their variants) give their value
    from the cell to the right, or below. Labelled values win over the title.
    """
    md = Metadata()
    pairs: dict[str, GridCell] = {}
    for g in grids:
        for (r, c), cell in sorted(g.cells.items()):
            text = cell.text.strip()
            if not text or cell.value is not None:
                continue
            if md.title is None:
                m = _TITLE.search(text.translate(_FULLWIDTH_DIGITS))
                if m:
                    md.title = text
                    md.year = int(m["year"])
                    agency = m["pre"] or m["mid"]
                    if agency:
                        md.agency = agency
                    continue
            inline = _INLINE.match(text)
            if inline:
                name = _FIELD_OF[label_key(inline["label"])]
                pairs.setdefault(name, GridCell(inline["value"], cell.location))
                continue
            name_or_none = _FIELD_OF.get(label_key(text.rstrip(":：")))
            if name_or_none is not None and name_or_none not in pairs:
                value = _value_beside(g, r, c)
                if value is not None:
                    pairs[name_or_none] = value
    if "agency" in pairs:
        md.agency = pairs["agency"].text.strip()
    if "year" in pairs:
        year = _year(pairs["year"])
        if year is not None:
            md.year = year
    if "published" in pairs:
        md.published = _date(pairs["published"], date1904)
    if "level" in pairs:
        md.level = _level(pairs["level"].text)
    return md


def _value_beside(grid: Grid, r: int, c: int) -> GridCell | None:
    """The first non-empty cell right of (r, c) within a few columns, else the one below."""
    r1, c1 = r, c
    r2, c2 = r, c
    for mr1, mc1, mr2, mc2 in grid.merged:
        if (mr1, mc1) == (r, c):
            r2, c2 = mr2, mc2
            break
    right_exists = False
    for cc in range(c2 + 1, c2 + 5):
        cell = grid.cells.get((r1, cc))
        if cell is not None:
            right_exists = True
            if cell.text.strip() or cell.value is not None:
                return cell
    if right_exists:
        return None  # an empty value cell beside the label: not filled in
    below = grid.cells.get((r2 + 1, c1))
    if below is None or not (below.text.strip() or below.value is not None):
        return None
    if _FIELD_OF.get(label_key(below.text.strip().rstrip(":："))) is not None:
        return None  # the next label of a vertical list, not a value
    return below


def _year(cell: GridCell) -> int | None:
    if isinstance(cell.value, int) and 1990 <= cell.value <= 2100:
        return cell.value
    m = _YEAR.match(cell.text.translate(_FULLWIDTH_DIGITS))
    return int(m[1]) if m else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _date(cell: GridCell, date1904: bool) -> date | None:
    if isinstance(cell.value, int | Decimal) and 20_000 < cell.value < 80_000:
        base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
        return (base + timedelta(days=int(cell.value))).date()
    m = _DATE.match(cell.text.translate(_FULLWIDTH_DIGITS))
    if m is None:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _level(text: str) -> str | None:
    t = text.strip().lower()
    if t in LEVELS:
        return LEVELS[t]
    for word in ("乡镇", "街道", "部门", "政府"):  # 县政府部门 is a department
        if word in t:
            return LEVELS[word]
    return None
