"""Reading a report saved as a Word document (.docx).

``word/document.xml`` is read straight from the zip with :mod:`xml.etree.ElementTree`:
the body is a flat sequence of paragraphs (``w:p``) and tables (``w:tbl``), which is all a
report needs, and the standard library parses it in a few milliseconds with nothing to
import (python-docx costs a heavy import of lxml and hides the merged-cell markup this
reader must see anyway).

What is read, in document order:

- **paragraphs** — the text of each non-empty ``w:p`` (runs, ``w:tab`` as a tab,
  ``w:br``/``w:cr`` as line breaks, each line a block), inside content controls
  (``w:sdt``) too. Deleted text of tracked changes and field codes are not read; the
  text of fields (a date, a page number) is. A text box's paragraphs (a heading put in a
  text box) are read as paragraphs of their own, before the paragraph it is anchored in.
  A paragraph numbered by Word's automatic numbering (direct or through its style) starts
  with the number it shows (``一、``, ``（一）``, ``1.``), so headings numbered that way are
  found.
- **tables** — cells placed on the table's column grid: ``w:gridBefore`` skips columns,
  ``w:gridSpan`` merges columns, ``w:vMerge`` continues the cell above (vertical merge);
  each merged cell appears once, at its top-left position, with its range in
  :attr:`Grid.merged`. A cell's paragraphs are its text lines. A table used for layout —
  one holding another table, or a single cell — is read as paragraphs and the tables in it.

Locations: ``paragraph 12`` (non-empty paragraphs counted from the top) and
``table 2, row 14, col 3`` (tables counted from the top, rows and grid columns 1-based).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Picture, Report
from reportcheck.readers import OCR_INSTALL
from reportcheck.readers.container import Package, XMLMalformed, XMLRefused, parse
from reportcheck.readers.encoding import visible
from reportcheck.readers.grid import MAX_POSITIONS, Grid, GridCell, GridTooLarge
from reportcheck.readers.published import (
    Block,
    append_table,
    build_report,
    holds_figures,
    refuse_elsewhere,
)

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
    el: ET.Element | None = None
    """The ``w:p`` (for the marked copy of the document: :func:`elements`)."""


@dataclass
class _Picture:
    """A drawing (a picture, a text box, a chart) big enough to hold a table."""

    image: str | None = None
    """The relationship id of the image it shows (``r:embed`` of ``a:blip``, ``r:id`` of
    ``v:imagedata``), when it shows one."""


@dataclass
class _Cell:
    items: list[_Para | _Table | _Picture]
    span: int = 1
    vmerge: str | None = None
    """None (no vertical merge), "restart" or "continue"."""
    hmerge: str | None = None
    """Legacy horizontal merge: None, "restart" or "continue"."""
    el: ET.Element | None = None
    """The ``w:tc``."""

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
    el: ET.Element | None = None
    """The ``w:tbl``."""

    def is_layout(self) -> bool:
        """A table holding tables, a single cell, or a cell with a long text unless the
        table holds figures (a data table with a long note row is still a data table)."""
        cells = [c for r in self.rows for c in r.cells]
        if len(cells) == 1 or any(isinstance(i, _Table) for c in cells for i in c.items):
            return True
        texts = [c.text() for c in cells]
        return any(len(t) > _LAYOUT_CELL_CHARS for t in texts) and not holds_figures(texts)


_Item = _Para | _Table | _Picture

MAX_DEPTH = 120
"""Element nesting walked (Word writes fewer than 30 levels, tables in tables included)."""


def _too_deep() -> XMLRefused:
    return XMLRefused(
        f"word/document.xml 的元素嵌套超过 {MAX_DEPTH} 层",
        f"word/document.xml nests elements more than {MAX_DEPTH} deep",
    )


def _text(el: ET.Element, out: list[str], depth: int = 0) -> None:
    """Append the text of a paragraph's runs, in order."""
    if depth > MAX_DEPTH:
        raise _too_deep()
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
            _text(c, out, depth + 1)


def _paragraph(p: ET.Element, lists: _Lists, depth: int) -> _Para | None:
    parts: list[str] = [lists.label(_child(p, "pPr"))]
    _text(p, parts, depth)
    lines = [" ".join(line.split()) for line in visible("".join(parts)).split("\n")]
    lines = [line for line in lines if line]
    return _Para(lines, p) if lines else None


_EMU_PER_POINT = 12_700
_PICTURE_MIN = (72.0, 36.0)
"""A drawing at least this wide and tall (points) could be a table printed as a picture."""
_VML_SIZE = re.compile(r"\b(width|height)\s*:\s*(\d+(?:\.\d+)?)\s*(pt|in|px|cm|mm)?", re.I)
_VML_POINTS = {"pt": 1.0, "in": 72.0, "px": 0.75, "cm": 72 / 2.54, "mm": 72 / 25.4, "": 0.75}


def _pictures(p: ET.Element) -> list[_Picture]:
    """The pictures in a paragraph big enough to hold a table, in document order: a
    DrawingML drawing that shows an image (``a:blip``; its size ``wp:extent``, EMU), a VML
    ``w:pict`` that shows one (``v:imagedata``; its size the shape's style), or an embedded
    object (``w:object``: a worksheet pasted as an object shows as its picture). No size
    said: counted. A chart, a text box, a line or another shape shows no image: not a
    table printed as a picture. The fallback of an ``mc:AlternateContent`` repeats its
    choice (a VML copy of the drawing) and is not counted again, nor is a picture inside
    a drawing already counted."""
    found: list[_Picture] = []
    wide, tall = _PICTURE_MIN
    stack = [p]  # walked without recursion: a text box may nest paragraphs deeply
    while stack:
        el = stack.pop()
        name = _local(el.tag)
        if name in ("inline", "anchor"):  # wp:inline / wp:anchor: a DrawingML drawing
            extent = _child(el, "extent")
            cx, cy = _int(_attr(extent, "cx"), 0), _int(_attr(extent, "cy"), 0)
            blip = next((b for b in el.iter() if _local(b.tag) == "blip"), None)
            if blip is not None and cx >= wide * _EMU_PER_POINT and cy >= tall * _EMU_PER_POINT:
                found.append(_Picture(_attr(blip, "embed")))
            continue
        if name == "pict" or name == "object":
            size = {"width": wide, "height": tall}
            image = None
            for shape in el:
                for m in _VML_SIZE.finditer(_attr(shape, "style") or ""):
                    unit = _VML_POINTS[(m.group(3) or "").lower()]
                    size[m.group(1).lower()] = float(m.group(2)) * unit
                data = next((d for d in shape.iter() if _local(d.tag) == "imagedata"), None)
                image = image or _attr(data, "id")
            shows = image is not None or name == "object"  # an object shows its picture
            if shows and size["width"] >= wide and size["height"] >= tall:
                found.append(_Picture(image))
            continue
        stack.extend(c for c in reversed(el) if _local(c.tag) != "Fallback")
    return found


_CONTAINERS = frozenset(
    {"sdt", "sdtContent", "customXml", "ins", "moveTo", "sect", "sub-section", "pBdrGroup"}
)
"""Elements whose paragraphs and tables are the body's (content controls, custom XML,
tracked insertions and moves; Word 2003 XML's sections and bordered groups)."""


def _text_boxes(p: ET.Element) -> list[ET.Element]:
    """The text boxes (``w:txbxContent``) drawn in a paragraph, in document order: a
    heading or a note put in a text box is on the page. The fallback of an
    ``mc:AlternateContent`` repeats its choice (a VML copy of the box) and is not read
    again; boxes inside a box are read with it."""
    found: list[ET.Element] = []
    stack = [p]  # walked without recursion, like the pictures
    while stack:
        el = stack.pop()
        name = _local(el.tag)
        if name == "txbxContent":
            found.append(el)
        elif name != "Fallback":
            stack.extend(reversed(el))
    return found


def _content(el: ET.Element, lists: _Lists, depth: int = 0) -> list[_Item]:
    """Paragraphs, tables and pictures of the body or a cell, looking inside content
    controls."""
    if depth > MAX_DEPTH:
        raise _too_deep()
    items: list[_Item] = []
    for c in el:
        name = _local(c.tag)
        if name == "p":
            for box in _text_boxes(c):  # shown beside the paragraph they are anchored in
                items.extend(_content(box, lists, depth + 2))
            para = _paragraph(c, lists, depth + 1)
            if para is not None:
                items.append(para)
            items.extend(_pictures(c))
        elif name == "tbl":
            items.append(_table(c, lists, depth + 1))
        elif name in _CONTAINERS:
            items.extend(_content(c, lists, depth + 1))
        elif name == "AlternateContent":
            choice = _child(c, "Choice")
            if choice is not None:
                items.extend(_content(choice, lists, depth + 2))
    return items


def _children(el: ET.Element, tag: str, depth: int) -> list[tuple[ET.Element, int]]:
    """The ``tag`` children of ``el`` and their depth, looking through content controls
    and custom XML."""
    if depth > MAX_DEPTH:
        raise _too_deep()
    out: list[tuple[ET.Element, int]] = []
    for c in el:
        name = _local(c.tag)
        if name == tag:
            out.append((c, depth + 1))
        elif name in ("sdt", "sdtContent", "customXml"):
            out.extend(_children(c, tag, depth + 1))
    return out


def _row_cells(tr: ET.Element, depth: int) -> list[tuple[ET.Element, int]]:
    return _children(tr, "tc", depth)


def _table_rows(tbl: ET.Element, depth: int) -> list[tuple[ET.Element, int]]:
    return _children(tbl, "tr", depth)


MAX_COLUMNS = 63
"""Word's limit of columns in a table: a larger ``gridSpan``/``gridBefore`` is damage and is
read as this many (a span of 99999999999 must not cost a loop over it)."""


def _int(value: str | None, default: int) -> int:
    if value is None or len(value) > 12:
        return default
    try:
        return max(0, int(value))
    except ValueError:
        return default


def _table(tbl: ET.Element, lists: _Lists, depth: int) -> _Table:
    rows: list[_Row] = []
    for tr, tr_depth in _table_rows(tbl, depth):
        row = _Row()
        tr_pr = _child(tr, "trPr")
        if tr_pr is not None:
            row.before = min(MAX_COLUMNS, _int(_attr(_child(tr_pr, "gridBefore"), "val"), 0))
        for tc, tc_depth in _row_cells(tr, tr_depth):
            cell = _Cell(_content(tc, lists, tc_depth), el=tc)
            tc_pr = _child(tc, "tcPr")
            if tc_pr is not None:
                span = _int(_attr(_child(tc_pr, "gridSpan"), "val"), 1)
                cell.span = min(MAX_COLUMNS, max(1, span))
                for name in ("vMerge", "hMerge", "vmerge", "hmerge"):  # lower case: Word 2003
                    merge = _child(tc_pr, name)
                    if merge is not None:
                        state = "restart" if _attr(merge, "val") == "restart" else "continue"
                        setattr(cell, name.lower(), state)
            row.cells.append(cell)
        rows.append(row)
    return _Table(rows, tbl)


# ------------------------------------------------------------------ automatic numbering

_CHINESE_DIGITS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (Word's chineseCounting, up to 99)."""
    if n < 10 or n > 99:
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(n))
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else _CHINESE_DIGITS[tens])
        + "十"
        + (_CHINESE_DIGITS[ones] if ones else "")
    )


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                           (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


MAX_START = 32_767
"""The largest start of a numbered list Word accepts: a larger ``w:start`` is damage and is
read as this (a start of 1e10 spelt out in letters or roman numerals would never end)."""


def _format(n: int, fmt: str) -> str:
    """A list number in one of Word's number formats (the ones reports use); beyond
    :data:`MAX_START` (a list counted past it) in digits."""
    if n > MAX_START:
        return str(n)
    if fmt.startswith("chinese") or fmt in ("japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"


class _Lists:
    """Word's automatic numbering (一、 （一） 1.): the label a numbered paragraph shows.

    Reports often number their section headings this way; the number is not in the
    paragraph's text but in ``word/numbering.xml``, applied directly (``w:numPr``) or
    through the paragraph's style (``word/styles.xml``).
    """

    def __init__(self, numbering: bytes | None = None, styles: bytes | None = None) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}  # numId -> level -> format
        self.counter_key: dict[str, str] = {}  # numId -> whose counters it shares
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId -> (numId, level)
        if numbering:
            self._read_numbering(parse(numbering, "word/numbering.xml"))
        if styles:
            self._read_styles(parse(styles, "word/styles.xml"))

    def _read_numbering(self, root: ET.Element) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        for el in root:
            if _local(el.tag) == "abstractNum":
                abstract[_attr(el, "abstractNumId") or ""] = {
                    _int(_attr(lvl, "ilvl"), 0): self._level(lvl)
                    for lvl in el
                    if _local(lvl.tag) == "lvl"
                }
        for el in root:
            if _local(el.tag) != "num":
                continue
            num_id = _attr(el, "numId") or ""
            abstract_id = _attr(_child(el, "abstractNumId"), "val") or ""
            levels = dict(abstract.get(abstract_id, {}))
            overridden = False
            for override in el:
                if _local(override.tag) != "lvlOverride":
                    continue
                overridden = True
                ilvl = _int(_attr(override, "ilvl"), 0)
                lvl = _child(override, "lvl")
                base = self._level(lvl) if lvl is not None else levels.get(ilvl, _Level())
                start = _child(override, "startOverride")
                if start is not None:
                    first = min(MAX_START, _int(_attr(start, "val"), 1))
                    base = _Level(first, base.fmt, base.text, base.suffix)
                levels[ilvl] = base
            self.levels[num_id] = levels
            # Word continues a list across numIds of one abstract list unless restarted
            self.counter_key[num_id] = num_id if overridden else f"abstract:{abstract_id}"

    @staticmethod
    def _level(lvl: ET.Element) -> _Level:
        return _Level(
            min(MAX_START, _int(_attr(_child(lvl, "start"), "val"), 1)),
            _attr(_child(lvl, "numFmt"), "val") or "decimal",
            _attr(_child(lvl, "lvlText"), "val") or "",
            _attr(_child(lvl, "suff"), "val") or "tab",
        )

    def _read_styles(self, root: ET.Element) -> None:
        based_on: dict[str, str] = {}
        direct: dict[str, tuple[str | None, int | None]] = {}
        for st in root:
            if _local(st.tag) != "style":
                continue
            sid = _attr(st, "styleId") or ""
            parent = _attr(_child(st, "basedOn"), "val")
            if parent:
                based_on[sid] = parent
            ppr = _child(st, "pPr")
            num_pr = _child(ppr, "numPr") if ppr is not None else None
            if num_pr is not None:
                ilvl = _child(num_pr, "ilvl")
                direct[sid] = (
                    _attr(_child(num_pr, "numId"), "val"),
                    _int(_attr(ilvl, "val"), 0) if ilvl is not None else None,
                )
        for sid in {*based_on, *direct}:
            num_id: str | None = None
            level: int | None = None
            cur: str | None = sid
            for _ in range(10):  # follow basedOn a few steps, nearest definition wins
                if cur is None:
                    break
                d_num, d_lvl = direct.get(cur, (None, None))
                num_id = num_id or d_num
                level = d_lvl if level is None else level
                cur = based_on.get(cur)
            if num_id:
                self.style_num[sid] = (num_id, level or 0)

    def label(self, ppr: ET.Element | None) -> str:
        """The number a paragraph shows (``一、``), counting it; "" when not numbered."""
        if ppr is None:
            return ""
        listed = _child(ppr, "listPr")  # Word 2003 XML writes the number it shows
        if listed is not None:
            shown = next((_attr(t, "val") for t in listed if _local(t.tag) == "t"), None)
            return shown or ""
        if not (self.levels or self.style_num):
            return ""
        num_pr = _child(ppr, "numPr")
        num_id: str | None = None
        level = 0
        style = _attr(_child(ppr, "pStyle"), "val")
        if style and style in self.style_num:
            num_id, level = self.style_num[style]
        if num_pr is not None:
            ilvl = _child(num_pr, "ilvl")
            num_id = _attr(_child(num_pr, "numId"), "val") or num_id
            level = _int(_attr(ilvl, "val"), level) if ilvl is not None else level
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        counters = self.counters.setdefault(self.counter_key[num_id], {})
        lvl = levels.get(level, _Level())
        counters[level] = counters.get(level, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if lvl.fmt in ("bullet", "none") or not lvl.text:
            return ""
        text = lvl.text
        for i in range(level, -1, -1):  # %10 does not exist: levels are 0–8
            li = levels.get(i, _Level())
            value = counters.get(i, li.start)
            text = text.replace(f"%{i + 1}", _format(value, li.fmt))
        return text + ("" if lvl.suffix == "nothing" else " ")


# ------------------------------------------------------------------ blocks


class _Numbering:
    """Turns the document's content into blocks, numbering paragraphs and tables."""

    def __init__(self, elements: dict[str, ET.Element] | None = None) -> None:
        self.blocks: list[Block] = []
        self.pictures: list[tuple[int, Picture]] = []
        """Each picture (where it is, its image's relationship id) and how many blocks stand
        before it."""
        self.paragraphs = 0
        self.tables = 0
        self.elements = elements
        """When given, each address is mapped to its element (see :func:`elements`)."""

    def walk(self, items: list[_Item]) -> None:
        for item in items:
            if isinstance(item, _Picture):
                n = len(self.pictures) + 1
                where = Location(f"picture {n}")
                self.pictures.append((len(self.blocks), Picture(where, image=item.image)))
            elif isinstance(item, _Para):
                self.paragraphs += 1
                loc = Location(f"paragraph {self.paragraphs}")
                self.blocks.extend(Block(line, loc) for line in item.lines)
                if self.elements is not None and item.el is not None:
                    self.elements[loc.address] = item.el
            elif item.is_layout():
                for row in item.rows:
                    for cell in row.cells:
                        self.walk(cell.items)
            elif any(row.cells for row in item.rows):
                self.tables += 1
                grid = _grid(item, self.tables, self.elements)
                self._add_table(grid, Location(f"table {self.tables}"))
                if self.elements is not None and item.el is not None:
                    self.elements[f"table {self.tables}"] = item.el

    def _add_table(self, grid: Grid, location: Location) -> None:
        append_table(self.blocks, grid, location, _table_text(grid))


def _table_text(grid: Grid) -> str:
    """A table as text lines, ``|`` between cells, each cell on one line."""
    return "\n".join(
        " | ".join(" ".join(grid.cells[(r, c)].text.split()) for c in cols)
        for r in grid.rows
        if (cols := [c for c in grid.row_cols(r) if (r, c) in grid.cells])
    )


def _grid(table: _Table, number: int, elements: dict[str, ET.Element] | None = None) -> Grid:
    """Place the cells on the column grid; vertical and horizontal merges become ranges
    (with ``elements``, each cell's address is mapped to its ``w:tc``, the top-left one of
    a merged cell)."""
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
                if elements is not None and cell.el is not None:
                    elements[address] = cell.el
            last = c + cell.span - 1
            extent[origin][1] = max(extent[origin][1], last)
            for cc in range(c, last + 1):
                owner[(r, cc)] = origin
            c = last + 1
        if len(owner) > MAX_POSITIONS:
            raise GridTooLarge(f"table {number}")
    grid.merged = [
        (r1, c1, r2, c2) for (r1, c1), (r2, c2) in extent.items() if (r2, c2) != (r1, c1)
    ]
    grid.finish()
    return grid


def blocks(
    document_xml: bytes, numbering_xml: bytes | None = None, styles_xml: bytes | None = None
) -> list[Block]:
    """The paragraphs and tables of ``word/document.xml``, in document order.

    ``numbering_xml`` and ``styles_xml`` (``word/numbering.xml``, ``word/styles.xml``) give
    the numbers of automatically numbered paragraphs.
    """
    return _numbered(document_xml, numbering_xml, styles_xml).blocks


def _numbered(
    document_xml: bytes, numbering_xml: bytes | None = None, styles_xml: bytes | None = None
) -> _Numbering:
    """The paragraphs, tables and pictures of ``word/document.xml``, in document order."""
    root = parse(document_xml, "word/document.xml")
    body = _child(root, "body")
    try:
        lists = _Lists(numbering_xml, styles_xml)
    except XMLMalformed:  # numbers are a nicety: a broken numbering part loses only them
        lists = _Lists()
    numbering = _Numbering()
    if body is not None:
        numbering.walk(_content(body, lists))
    return numbering


def elements(
    body: ET.Element, numbering_xml: bytes | None = None, styles_xml: bytes | None = None
) -> dict[str, ET.Element]:
    """Where each address the reader gives is in the document: ``paragraph 12`` → its
    ``w:p``, ``table 2`` → its ``w:tbl``, ``table 2, row 6, col 4`` → its ``w:tc`` (the
    top-left one of a merged cell).

    ``body`` is ``w:body`` parsed by ElementTree or lxml (without XML comments or processing
    instructions): the marked and corrected copies of a Word report
    (:mod:`reportcheck.writers.word`) find their cells with it, by the very walk that read
    them.
    """
    try:
        lists = _Lists(numbering_xml, styles_xml)
    except XMLMalformed:
        lists = _Lists()
    found: dict[str, ET.Element] = {}
    _Numbering(found).walk(_content(body, lists))
    return found


def _parts(path: str, data: bytes) -> tuple[bytes, bytes | None, bytes | None]:
    """``word/document.xml``, and ``numbering.xml`` and ``styles.xml`` when present.

    A Word document saved as XML in one file (what office systems generate and name
    ``.doc``: Word 2003 XML, ``w:wordDocument``, or Word's flat XML, ``pkg:package``) is
    read the same way: the 2003 document is its own ``document.xml``; the flat one holds
    the parts inline."""
    if not data.startswith(b"PK"):
        return _flat_parts(path, data)
    pkg = Package(path, data, "docx")
    document = pkg.read("word/document.xml")
    if document is None:
        raise InputError(
            path,
            "不是 Word 文档：缺少 word/document.xml",
            "not a Word document: word/document.xml is missing",
        )
    return document, pkg.read("word/numbering.xml"), pkg.read("word/styles.xml")


def _flat_parts(path: str, data: bytes) -> tuple[bytes, bytes | None, bytes | None]:
    try:
        root = parse(data, "Word XML")
    except XMLRefused as err:
        raise err.refusal(path, "Word 文件", "Word file") from None
    if _local(root.tag) == "wordDocument":  # Word 2003 XML: lists and styles inside
        return data, None, None
    if _local(root.tag) == "package":  # flat OPC: each part's XML in pkg:xmlData
        parts: dict[str, bytes] = {}
        for part in root:
            xml = _child(part, "xmlData")
            name = (_attr(part, "name") or "").lstrip("/")
            if xml is not None and len(xml) and name.startswith("word/"):
                parts[name] = ET.tostring(xml[0])
        document = parts.get("word/document.xml")
        if document is not None:
            return document, parts.get("word/numbering.xml"), parts.get("word/styles.xml")
    raise InputError(
        path,
        "不是 Word 文档：既不是 .docx 也不是 Word 的 XML 文档",
        "not a Word document: neither a .docx nor a Word XML document",
    )


RecogniseImages = Callable[[list[bytes]], Report]
"""What reads pictures of report pages (the OCR reader, when installed)."""


def read(
    path: str,
    data: bytes,
    kind: str,
    settings: Settings,
    recognise: RecogniseImages | None = None,
) -> Report:
    """Read a Word (.docx) report (``kind`` is ``"docx"``).

    A document whose text holds neither a table nor a section heading but which shows
    pictures (pages scanned and pasted in) is refused — or, given ``recognise``
    (:mod:`reportcheck.api` passes the OCR reader when the extra is installed), its
    pictures are read as the report's pages, in document order."""
    document, numbering, styles = _parts(path, data)
    if not data.startswith(b"PK"):
        kind = "doc"  # Word XML (2003 or flat): a Word document, but no .docx to mark
    try:
        found = _numbered(document, numbering, styles)
    except XMLRefused as err:
        raise err.refusal(path, "Word 文件", "Word file") from None
    if not found.blocks and not found.pictures:
        raise InputError(path, "Word 文档中没有文字", "the Word document has no text")
    report = build_report(path, kind, found.blocks, settings, pictures=found.pictures, refuse=False)
    if report.tables or report.sections or not found.pictures:
        return report
    images = _images(path, data, [p.image for _, p in found.pictures])
    if not images:
        refuse_elsewhere(path, report)
    if recognise is None:
        n = len(found.pictures)
        raise InputError(
            path,
            f"文字中没有报告的表格和正文，文档中有 {n} 幅图片：报告可能是贴进 Word 的扫描页，"
            f"未读取；请提供文字版的报告，或安装识别功能：{OCR_INSTALL}",
            f"the text holds none of the report's tables or text, and the document has {n} "
            f"picture{'s' if n > 1 else ''}: the report may be scanned pages pasted into Word, "
            f"not read; give the report as text, or install the recognition extra: {OCR_INSTALL}",
        )
    return recognise(images)


def picture_image(path: str, data: bytes, image: str) -> bytes | None:
    """The bytes of the image a picture shows (its relationship id), if in the document."""
    found = _images(path, data, [image])
    return found[0] if found else None


def _images(path: str, data: bytes, ids: list[str | None]) -> list[bytes]:
    """The images the pictures show (``word/media/…``), in order; each once (none for a
    Word XML document: its images are not read)."""
    if not data.startswith(b"PK"):
        return []
    pkg = Package(path, data, "docx")
    rels = pkg.read("word/_rels/document.xml.rels")
    if rels is None:
        return []
    targets: dict[str, str] = {}
    try:
        root = parse(rels, "word/_rels/document.xml.rels")
    except XMLRefused:
        return []
    for rel in root:
        rid, target = rel.get("Id"), rel.get("Target")
        if rid and target and rel.get("TargetMode") != "External":
            targets[rid] = target
    out: list[bytes] = []
    seen: set[str] = set()
    for rid in ids:
        target = targets.get(rid or "")
        if target is None or target in seen:
            continue
        seen.add(target)
        part = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        image = pkg.read(posixpath.normpath(part))
        if image:
            out.append(image)
    return out
