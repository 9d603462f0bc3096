"""Reading a report published as a PDF with a text layer.

The PDF is opened with pypdfium2 (PDFium: wheels for every platform, no system library; a
6-page report's characters and their boxes come out in a few milliseconds). Nothing is taken
from PDFium's own text flow: it glues the numbers of neighbouring cells and tears labels
from their figures. Instead, the page is rebuilt from where each character stands:

- **characters** — each with PDFium's box (its font's ascent to descent); where a font
  makes that box nonsense (WPS's vertical CJK font: boxes 200 points tall; a box that is
  only the ink), the character's ink box and the page's usual height instead
  (:func:`_odd_boxes`). WPS writes a text object per character and sets text at size 200
  scaled down by the text matrix; the per-character calls are declared on plain addresses
  (:class:`_Calls`), the text of a page taken in one call.
- **ruling lines** — thin path objects (LibreOffice strokes lines, Chromium and WPS fill
  thin rectangles; a rectangle drawn as its outline; a whole table's rules as one path of
  many pieces) make the tables: rules that touch each other form one table; the x of its
  vertical rules and the y of its horizontal rules cut it into grid cells, and two grid
  cells with no rule between them are one merged cell (三、本年度办理结果 down the side,
  申请人情况 over seven columns). Each character goes into the cell its centre lies in, and
  a cell's text is its characters in lines by their middle (within a third of their height:
  the ±1 pt of mixed fonts), top to bottom; so cells are separated by where they stand: no
  glued digits, no label torn from its row, no row label taking a character of the label
  down the side. Bounded: MAX_OBJECTS, MAX_SEGMENTS, MAX_RULES, MAX_PAIRS, MAX_GRID.
- **lines** — characters outside tables, grouped by their vertical position (a line is the
  characters whose centres lie within the first one's height), in order of x; a space is
  put where the gap between two characters is wider than a third of their height.
- **cells without rules** — a table printed without ruling lines: lines whose characters
  fall into groups far apart (wider than two characters' gap) are rows, and their cells are
  the groups, columns by where they stand (see :func:`_loose_tables`).
- **page furniture** — a line in the top or bottom margin band that is a page number
  (``- 4 -``, ``第 4 页``, ``4/6``) or that repeats on other pages (digits aside: a running
  header, Chromium's date/title/address lines) is left out of the prose and the tables;
  it still counts when lines are numbered.
- **paragraphs** — a line continues the one before when that one reaches the right margin
  and this one is not indented and starts no heading, also over a page break (the page's
  footer and the next page's header between them are furniture); titles broken over two
  lines are joined too.
- **tables over a page break** — a table at the top of a page, with nothing but furniture
  since the table that ended the page before and the same left and right edges, continues
  it: the header rows printed again are dropped, the columns are those of both parts
  together (their vertical rules), and the rows follow each other in one grid.

Locations: every line is counted from the top of its page, every printed line included
(headers and footers too): a table cell is ``page 3, line 14, col 4`` (第 3 页第 14 行第 4 列;
columns counted in the table's grid from its left edge, as in HTML and Word tables), a
paragraph or a sentence ``page 4, line 12`` (第 4 页第 12 行), the line it starts on.

What cannot be read is said once: a PDF without any text (scanned pages) is refused with
the advice to run OCR; an encrypted or damaged file is refused naming the problem.
"""

from __future__ import annotations

import ctypes
import gc
import re
import statistics
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import Any

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.report import CellState, Location, Report
from reportcheck.model.tables import TABLE_EN, TABLE_IDS
from reportcheck.model.values import parse_text
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.metadata import starts_table_label
from reportcheck.readers.published import Block, build_report

MAX_PAGES = 300
"""A report has a few pages (a long one 30); a PDF with more is not read (one line, exit 2)."""
MAX_CHARS = 300_000
"""Characters in the whole PDF (a 6-page report has about 6 000)."""
MAX_RULES = 5_000
"""Ruling lines on one page; past this (a vector drawing) the page's tables are read from
where their figures stand."""
MAX_OBJECTS = 400_000
"""Page objects looked at in the whole PDF for ruling lines (WPS writes one per character: a
6-page report has some 3 000); past this the remaining pages' tables are read from where
their figures stand (each object costs a microsecond: the bound keeps a PDF under a second)."""
MAX_PAIRS = 1_000_000
"""Pairs of rules compared on one page to find which touch (a table's rules give some
thousands; 5 000 rules over each other give 12 million, a few seconds): past this the page's
rules are a drawing, not tables, and its text is read from where it stands. The whole PDF
may compare three times as many (then its remaining pages are read so too)."""
MAX_SEGMENTS = 200_000
"""Pieces of paths read in the whole PDF, where a path draws many rules at once (a table's
rules as one path): past this such paths are left alone."""
MAX_GRID = 5_000
"""Grid cells of one ruled table (表三 has 10 columns and about 30 rows): rules crossing in a
finer mesh (a drawing, a hatched area) are no table; its text is read from where it stands."""

_RULE_THICKNESS = 2.5
"""A path thinner than this (points) is a ruling line."""
_TOL = 2.0
"""Points within which two rules are at the same place."""

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[-—–－\s]*$"
)
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d))"
)
_SKIP = frozenset("\x00\ufffe\uffff \r\n\t")
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
_DIGITS = re.compile(r"\d+")


# ------------------------------------------------------------------ what a page holds


class _Char:
    """A character and its box (points, from the top-left corner of the page)."""

    __slots__ = ("bottom", "cell", "cy", "height", "index", "line", "text", "top", "x0", "x1")

    def __init__(
        self, text: str, x0: float, top: float, x1: float, bottom: float, index: int = -1
    ) -> None:
        self.text = text
        self.index = index
        """PDFium's index of the character on its text page."""
        self.x0, self.top, self.x1, self.bottom = x0, top, x1, bottom
        self.cy = (top + bottom) / 2
        self.height = bottom - top
        self.cell: _TCell | None = None
        self.line = 0
        """The page line (1-based) the character is on (0: not yet known)."""


@dataclass(slots=True)
class _Rule:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class _TCell:
    """A cell of a ruled table: grid rows r1..r2 and columns c1..c2 (0-based, inclusive)."""

    r1: int
    c1: int
    r2: int
    c2: int
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[_Char] = field(default_factory=list)
    _text: str | None = None

    def text(self) -> str:
        """The cell's lines (computed once: the characters are all in by then)."""
        if self._text is None:
            self._text = "\n".join(_line_text(line) for line in _group_lines(self.chars))
        return self._text

    def first_line(self) -> int:
        return min((c.line for c in self.chars if c.line), default=0)


@dataclass
class _Table:
    page: int
    xs: list[float]
    ys: list[float]
    cells: list[_TCell]
    line_tops: list[float] = field(default_factory=list)
    """The centres of the page's lines (set once they are numbered)."""
    at: dict[tuple[int, int], _TCell] = field(default_factory=dict)
    """The cell covering each grid position."""

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def x1(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def row_texts(self, r: int) -> tuple[str, ...]:
        return tuple(c.text() for c in self.rows.get(r, ()))

    @cached_property
    def rows(self) -> dict[int, list[_TCell]]:
        """The cells starting on each grid row, left to right (``cells`` is in that order)."""
        out: dict[int, list[_TCell]] = {}
        for cell in self.cells:
            out.setdefault(cell.r1, []).append(cell)
        return out


class _Line:
    """A line of text outside the tables (its characters in order of x)."""

    __slots__ = (
        "_figures",
        "_segments",
        "_size",
        "_text",
        "bottom",
        "chars",
        "furniture",
        "number",
        "page",
        "top",
    )

    def __init__(self, page: int, number: int, chars: list[_Char]) -> None:
        self.page, self.number, self.chars = page, number, chars
        self.furniture = False
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)
        self._size: float | None = None
        self._text: str | None = None
        self._segments: list[list[_Char]] | None = None
        self._figures: bool | None = None

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def size(self) -> float:
        """The median height of the line's characters."""
        if self._size is None:
            heights = sorted(c.height for c in self.chars)
            n = len(heights)
            self._size = (heights[n // 2] + heights[(n - 1) // 2]) / 2
        return self._size

    def text(self) -> str:
        if self._text is None:
            self._text = _line_text(self.chars)
        return self._text


@dataclass
class _Page:
    number: int
    width: float
    height: float
    chars: list[_Char]
    rules: list[_Rule]
    images: int = 0
    tables: list[_Table] = field(default_factory=list)
    lines: list[_Line] = field(default_factory=list)
    line_tops: list[float] = field(default_factory=list)


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped into lines, each in order of x."""
    if len(chars) <= 1:
        return [chars] if chars else []
    if len(chars) <= 40:  # a cell: one line (a figure, a short label) often, as below
        cys = [c.cy for c in chars]
        if max(cys) - min(cys) <= max(0.35 * min(c.height for c in chars), 0.5):
            return [sorted(chars, key=_by_x)]
    out: list[list[_Char]] = []
    cy = reach = 0.0
    for ch in sorted(chars, key=_by_line):
        d = ch.cy - cy
        if out and (-reach <= d <= reach or abs(d) <= 0.35 * ch.height):
            out[-1].append(ch)
        else:
            # a line is the characters centred within a third of a height of its first one:
            # text of neighbouring cells set half a line lower is a line of its own
            out.append([ch])
            cy, reach = ch.cy, max(0.35 * ch.height, 0.5)
    _nearer_line(out)
    for line in out:
        line.sort(key=_by_x)
    return [line for line in out if line]


def _nearer_line(lines: list[list[_Char]]) -> None:
    """Characters taken into a line above their own (the lines are formed top down, each
    from its first character) go to the next line when they stand nearer its centre: a
    figure set a point high (the baseline jitter of mixed fonts) otherwise joins a line of
    text beside the table that happens to be centred 3–4 points higher — a character of a
    label down the side (本年度办理结果, one per line) — and leaves its row."""
    for k in range(len(lines) - 1):
        line, below = lines[k], lines[k + 1]
        if len(line) < 2:
            continue
        top, under = line[0].cy, below[0].cy
        keep = [line[0]]
        for ch in line[1:]:
            if under - ch.cy < ch.cy - top - 0.5:
                below.append(ch)
            else:
                keep.append(ch)
        if len(keep) < len(line):
            line[:] = keep


_by_x = attrgetter("x0")
_by_cy = attrgetter("cy")
_by_line = attrgetter("cy", "x0")


def _line_text(chars: list[_Char]) -> str:
    """The characters of a line, with a space where a gap is wider than a third of a
    character's height — between Latin letters and digits only: the gap that typesetters
    leave between Chinese and a number (「编制了 2024 年」) is no space in the text."""
    if not chars:
        return ""
    prev = chars[0]
    parts = [prev.text]
    for ch in chars[1:]:
        gap = 3 * (ch.x0 - prev.x1)
        if (
            gap > 0
            and gap > ch.height
            and gap > prev.height
            and not _CJK.match(ch.text)
            and not _CJK.match(prev.text)
        ):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    return "".join(parts)


# ------------------------------------------------------------------ PDFium


def _open(path: str, data: bytes) -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(
            path,
            "读取 PDF 需要 pypdfium2：pip install pypdfium2",
            "reading PDF needs pypdfium2: pip install pypdfium2",
        ) from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise InputError(
                path,
                "PDF 已加密（设有打开密码）：请提供未加密的 PDF",
                "the PDF is encrypted (it needs a password to open): give an unencrypted PDF",
            ) from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise InputError(
                path,
                "PDF 使用了不支持的加密方式",
                "the PDF uses an unsupported security handler",
            ) from None
        raise InputError(
            path,
            "PDF 文件已损坏，无法打开（文件可能不完整）",
            "a damaged PDF that cannot be opened (the file may be incomplete)",
        ) from None


def _odd_boxes(tp: Any, chars: list[_Char], page_height: float) -> None:
    """Characters whose box says nothing of where they stand, given one that does.

    PDFium's box of a character spans its font's ascent and descent. Some fonts give it
    nonsense. WPS's vertical CJK font (Identity-V: a label set down the side, one character
    per line) yields boxes 200 points wide and tall: against the page's usual height (the
    median), such a character — when its ink is not that big too (a title in large type)
    — takes the usual height around the ink's middle (PDFium's tight box), and the ink's
    width where the box is that wide too. Fonts whose box is only the ink (一 a hairline
    in some embedded fonts) make a glyph too thin to stay on its line: it takes its font
    size around its middle — unless the font size is WPS's (text set at size 200-odd and
    scaled down by the text matrix, which PDFium's size leaves out), when only a hairline
    is widened, to the usual height."""
    if not chars:
        return
    heights = [c.height for c in chars]
    usual = sorted(heights)[len(heights) // 2]
    if usual <= 0:
        return
    high, low = 2.5 * usual, max(0.6 * usual, 2.0)
    odd = [c for c, h in zip(chars, heights, strict=True) if h > high or h < low]
    if not odd:
        return
    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for c in odd:
        if c.height > high:
            if not raw.FPDFText_GetCharBox(tp, c.index, left, right, bottom, top):
                continue
            if top.value - bottom.value > high:
                continue  # a big glyph indeed (a title in large type): its box is right
            if c.x1 - c.x0 > high:
                c.x0, c.x1 = left.value, right.value
            mid = page_height - (top.value + bottom.value) / 2
            size = usual
        else:
            size = raw.FPDFText_GetFontSize(tp, c.index)
            if size > high:  # WPS's size, not the printed one
                if c.height >= 2:
                    continue
                size = usual
            if c.height >= 0.6 * size:
                continue  # smaller type, its box whole
            mid = c.cy
        c.top, c.bottom = mid - size / 2, mid + size / 2
        c.cy, c.height = mid, size


class _Calls:
    """The PDFium functions called once per character or page object, declared on plain
    addresses (``c_void_p``) rather than pypdfium2's typed pointers: the same functions of
    the same library (pypdfium2 loads it as a CDLL), without making a pointer object for
    every handle passed or returned — a third of the time of these calls, and a page of
    WPS holds a text object per character."""

    _made: _Calls | None = None

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        void, num = ctypes.c_void_p, ctypes.c_int

        def fn(f: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *argtypes)(_address(f))

        self.loose_box = fn(raw.FPDFText_GetLooseCharBox, num, void, num, void)
        self.count_objects = fn(raw.FPDFPage_CountObjects, num, void)
        self.get_object = fn(raw.FPDFPage_GetObject, void, void, num)
        self.kind = fn(raw.FPDFPageObj_GetType, num, void)
        self.bounds = fn(raw.FPDFPageObj_GetBounds, num, void, void, void, void, void)
        self.segments = fn(raw.FPDFPath_CountSegments, num, void)
        self.draw_mode = fn(raw.FPDFPath_GetDrawMode, num, void, void, void)
        self.matrix = fn(raw.FPDFPageObj_GetMatrix, num, void, void)
        self.segment = fn(raw.FPDFPath_GetPathSegment, void, void, num)
        self.point = fn(raw.FPDFPathSegment_GetPoint, num, void, void, void)
        self.segment_kind = fn(raw.FPDFPathSegment_GetType, num, void)
        self.closes = fn(raw.FPDFPathSegment_GetClose, num, void)
        self.image, self.path = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH
        self.moveto, self.lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO

    @classmethod
    def get(cls) -> _Calls:
        if cls._made is None:
            cls._made = cls()
        return cls._made


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _pages(path: str, doc: Any) -> list[_Page]:
    import pypdfium2.raw as raw

    if len(doc) > MAX_PAGES:
        raise InputError(
            path,
            f"PDF 有 {len(doc)} 页，超过 {MAX_PAGES} 页：不是一份年度报告",
            f"the PDF has {len(doc)} pages, more than {MAX_PAGES}: not one annual report",
        )
    calls = _Calls.get()
    pages: list[_Page] = []
    total = objects = 0
    rect = raw.FS_RECTF()
    box = ctypes.addressof(rect)
    segments = [MAX_SEGMENTS]  # path segments the PDF may still have read
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        total += max(count, 0)
        if total > MAX_CHARS:
            raise InputError(
                path,
                f"PDF 的文字超过 {MAX_CHARS} 个字符：不是一份年度报告",
                f"the PDF holds more than {MAX_CHARS} characters: not one annual report",
            )
        chars: list[_Char] = []
        if count > 0:
            buf = ctypes.create_string_buffer((count + 1) * 2)
            got = raw.FPDFText_GetText(
                tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
            )
            text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
            if len(text) != count:  # characters beyond the BMP: one by one
                text = "".join(
                    chr(code)
                    if 0 < (code := raw.FPDFText_GetUnicode(tp, i)) < 0x110000
                    else "\ufffd"
                    for i in range(count)
                )
            loose_box, add, at = calls.loose_box, chars.append, _address(tp)
            # PDFium's generated characters are spaces and line breaks: skipped here
            for i, ch in enumerate(text):
                if ch in _SKIP or ch.isspace() or "\ud800" <= ch <= "\udfff":
                    continue
                loose_box(at, i, box)
                add(_Char(ch, rect.left, height - rect.top, rect.right, height - rect.bottom, i))
            _odd_boxes(tp, chars, height)
        n_objects = max(calls.count_objects(_address(page.raw)), 0)
        objects += n_objects
        rules, images = _paths(
            page.raw, height, n_objects if objects <= MAX_OBJECTS else 0, segments
        )
        pages.append(_Page(index + 1, width, height, chars, rules, images))
        textpage.close()
        page.close()
    return pages


def _paths(page: Any, height: float, count: int, segments: list[int]) -> tuple[list[_Rule], int]:
    """The ruling lines among the page's first ``count`` objects, and how many images.
    ``segments``: how many path segments may still be read (see MAX_SEGMENTS)."""
    calls = _Calls.get()
    at = _address(page)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    where = tuple(ctypes.addressof(v) for v in (left, bottom, right, top))
    get, kind_of, image, path = calls.get_object, calls.kind, calls.image, calls.path
    rules: list[_Rule] = []
    images = 0
    for obj in range(count):
        handle = get(at, obj)
        kind = kind_of(handle)
        if kind != path:
            images += kind == image
            continue
        if not calls.bounds(handle, *where):
            continue
        x0, x1 = left.value, right.value
        y0, y1 = height - top.value, height - bottom.value
        w, h = x1 - x0, y1 - y0
        if (w <= _RULE_THICKNESS and h > 3) or (h <= _RULE_THICKNESS and w > 3):
            rules.append(_Rule(x0, y0, x1, y1))
            continue
        if w <= 3 or h <= 3:
            continue
        n = calls.segments(handle)
        if n in (4, 5):
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            calls.draw_mode(handle, ctypes.addressof(fill), ctypes.addressof(stroke))
            if stroke.value and not fill.value:  # a rectangle drawn as its outline
                rules.extend(
                    (
                        _Rule(x0, y0, x1, y0),
                        _Rule(x0, y1, x1, y1),
                        _Rule(x0, y0, x0, y1),
                        _Rule(x1, y0, x1, y1),
                    )
                )
        elif 5 < n <= segments[0]:
            segments[0] -= n
            rules.extend(_segment_rules(calls, handle, n, height))
    return rules, images


def _segment_rules(calls: _Calls, handle: int, count: int, height: float) -> list[_Rule]:
    """The rules inside one path of many pieces (a whole table's rules drawn as one path):
    each thin piece (a thin filled rectangle, a short straight stroke) and, where the path
    is stroked, each horizontal or vertical stroke longer than 3 points. Curves are no
    rules."""
    import pypdfium2.raw as raw

    m = raw.FS_MATRIX()
    if not calls.matrix(handle, ctypes.addressof(m)):
        return []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    calls.draw_mode(handle, ctypes.addressof(fill), ctypes.addressof(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
    pieces: list[list[tuple[float, float]]] = []
    curved: set[int] = set()
    for k in range(count):
        seg = calls.segment(handle, k)
        if not seg or not calls.point(seg, at_x, at_y):
            continue
        # the path's own coordinates, through its matrix to the page's (from the top)
        px = m.a * x.value + m.c * y.value + m.e
        py = height - (m.b * x.value + m.d * y.value + m.f)
        kind = calls.segment_kind(seg)
        if kind == calls.moveto or not pieces:
            pieces.append([(px, py)])
        else:
            pieces[-1].append((px, py))
            if kind != calls.lineto:
                curved.add(len(pieces) - 1)
        if calls.closes(seg):
            pieces[-1].append(pieces[-1][0])
    rules: list[_Rule] = []
    for k, points in enumerate(pieces):
        if k in curved or len(points) < 2:
            continue
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = x1 - x0, y1 - y0
        if (w <= _RULE_THICKNESS and h > 3) or (h <= _RULE_THICKNESS and w > 3):
            rules.append(_Rule(x0, y0, x1, y1))
        elif stroke.value:
            for (ax, ay), (bx, by) in pairwise(points):
                if abs(ay - by) <= 0.5 and abs(ax - bx) > 3:
                    rules.append(_Rule(min(ax, bx), ay, max(ax, bx), ay))
                elif abs(ax - bx) <= 0.5 and abs(ay - by) > 3:
                    rules.append(_Rule(ax, min(ay, by), ax, max(ay, by)))
    return rules


# ------------------------------------------------------------------ tables from ruling lines


def _clusters(values: list[float]) -> list[float]:
    """Positions within _TOL of each other taken as one (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _touch(a: _Rule, b: _Rule) -> bool:
    return (
        a.x0 - _TOL <= b.x1 and b.x0 - _TOL <= a.x1 and a.top - _TOL <= b.bottom
        and b.top - _TOL <= a.bottom
    )  # fmt: skip


def _rule_groups(rules: list[_Rule], budget: list[int]) -> list[list[_Rule]]:
    """Rules that touch each other, directly or through others (one table each).
    ``budget``: the pairs of rules that may still be compared in this PDF."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].top)
    allowed = min(MAX_PAIRS, budget[0])
    compared = 0
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if rules[j].top - _TOL > rules[i].bottom:
                break
            compared += 1
            if compared > allowed:
                budget[0] -= allowed
                return []  # a mesh of rules over each other: no table (see MAX_PAIRS)
            if _touch(rules[i], rules[j]):
                parent[find(i)] = find(j)
    budget[0] -= compared
    groups: dict[int, list[_Rule]] = {}
    for i, r in enumerate(rules):
        groups.setdefault(find(i), []).append(r)
    return list(groups.values())


def _table(page: int, rules: list[_Rule]) -> _Table | None:
    hs = [rule for rule in rules if rule.horizontal]
    vs = [rule for rule in rules if not rule.horizontal]
    if len(hs) < 2 or len(vs) < 2:
        return None
    xs = _clusters([(rule.x0 + rule.x1) / 2 for rule in vs])
    ys = _clusters([(rule.top + rule.bottom) / 2 for rule in hs])
    if len(xs) < 2 or len(ys) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows * n_cols > MAX_GRID:
        return None

    # the rules standing on each column and row boundary, as (from, to) spans
    on_x: list[list[tuple[float, float]]] = [[] for _ in xs]
    on_y: list[list[tuple[float, float]]] = [[] for _ in ys]
    for rule in vs:
        on_x[_nearest(xs, (rule.x0 + rule.x1) / 2)].append((rule.top, rule.bottom))
    for rule in hs:
        on_y[_nearest(ys, (rule.top + rule.bottom) / 2)].append((rule.x0, rule.x1))

    # each boundary's spans joined where they overlap (within _TOL), as (starts, ends)
    x_spans = [_joined(spans) for spans in on_x]
    y_spans = [_joined(spans) for spans in on_y]

    def vertical_at(i: int, y: float) -> bool:
        starts, ends = x_spans[i]
        k = bisect_right(starts, y) - 1
        return k >= 0 and y <= ends[k]

    def horizontal_at(i: int, x: float) -> bool:
        starts, ends = y_spans[i]
        k = bisect_right(starts, x) - 1
        return k >= 0 and x <= ends[k]

    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        ym = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            xm = (xs[c] + xs[c + 1]) / 2
            if c + 1 < n_cols and not vertical_at(c + 1, ym):
                parent[find(r * n_cols + c)] = find(r * n_cols + c + 1)
            if r + 1 < n_rows and not horizontal_at(r + 1, xm):
                parent[find(r * n_cols + c)] = find((r + 1) * n_cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(n_rows):  # row by row: a cell's first grid position is its top row
        for c in range(n_cols):
            root = find(r * n_cols + c)
            s = spans.get(root)
            if s is None:
                spans[root] = [r, c, r, c]
                continue
            if c < s[1]:
                s[1] = c
            if c > s[3]:
                s[3] = c
            s[2] = r
    cells = [
        _TCell(r1, c1, r2, c2, xs[c1], ys[r1], xs[c2 + 1], ys[r2 + 1])
        for r1, c1, r2, c2 in spans.values()
    ]
    cells.sort(key=lambda c: (c.r1, c.c1))
    table = _Table(page, xs, ys, cells)
    for cell in cells:
        for r in range(cell.r1, cell.r2 + 1):
            for c in range(cell.c1, cell.c2 + 1):
                table.at[(r, c)] = cell
    return table


def _joined(spans: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Spans widened by _TOL and joined where they overlap: their starts and ends, sorted
    (a point is on a span when it lies between the start before it and that start's end)."""
    starts: list[float] = []
    ends: list[float] = []
    for a, b in sorted(spans):
        a, b = a - _TOL, b + _TOL
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _nearest(values: list[float], x: float) -> int:
    """The index of the sorted ``values`` nearest to ``x``."""
    k = bisect_right(values, x)
    if k == 0:
        return 0
    if k == len(values) or x - values[k - 1] <= values[k] - x:
        return k - 1
    return k


def _find_tables(page: _Page, budget: list[int]) -> None:
    if len(page.rules) > MAX_RULES:
        page.rules = []
    for group in _rule_groups(page.rules, budget):
        table = _table(page.number, group)
        if table is not None and len(table.cells) > 1:
            page.tables.append(table)
    if not page.tables:
        return
    page.tables.sort(key=lambda t: t.top)
    boxes = [
        (t.top, t.bottom, t.x0, t.x1, t.ys, t.xs, len(t.ys) - 2, len(t.xs) - 2, t.at)
        for t in page.tables
    ]
    for ch in page.chars:
        y = ch.cy
        for top, bottom, left, right, ys, xs, last_row, last_col, at in boxes:
            if top <= y <= bottom:
                x = (ch.x0 + ch.x1) / 2
                if left <= x <= right:
                    r = bisect_right(ys, y) - 1
                    r = 0 if r < 0 else last_row if r > last_row else r
                    c = bisect_right(xs, x) - 1
                    c = 0 if c < 0 else last_col if c > last_col else c
                    cell = at.get((r, c))
                    if cell is not None:
                        cell.chars.append(ch)
                        ch.cell = cell
                    break


# ------------------------------------------------------------------ lines and furniture


def _number_lines(page: _Page) -> None:
    """Number the page's lines from the top; characters of a cell over several grid rows
    (a label down the side) make no lines of their own."""
    forming: list[_Char] = []
    tall: list[_Char] = []
    for c in page.chars:
        cell = c.cell
        (forming if cell is None or cell.r1 == cell.r2 else tall).append(c)
    lines = _group_lines(forming)  # each in order of x
    lines.sort(key=_line_top)
    page.line_tops = tops = []
    page.lines = []
    for n, line in enumerate(lines, 1):
        free = []
        for ch in line:
            ch.line = n
            if ch.cell is None:
                free.append(ch)
        tops.append(min(c.cy for c in line))
        if free:
            page.lines.append(_Line(page.number, n, free))
    for ch in tall:  # in a tall merged cell: the line it stands beside
        ch.line = _nearest(tops, ch.cy) + 1 if tops else 1


def _line_top(line: list[_Char]) -> float:
    return min(c.top for c in line)


def _mark_furniture(pages: list[_Page]) -> None:
    """Page numbers and lines repeated in the margin bands of other pages."""

    def band(page: _Page, line: _Line, share: float) -> bool:
        return line.bottom <= page.height * share or line.top >= page.height * (1 - share)

    def key(line: _Line) -> str:
        return _DIGITS.sub("#", re.sub(r"\s+", "", line.text()))

    seen: Counter[str] = Counter()
    for page in pages:
        for k in {key(line) for line in page.lines if band(page, line, 0.12)}:
            seen[k] += 1
    repeated = {k for k, n in seen.items() if n >= 2}
    for page in pages:
        for line in page.lines:
            if not band(page, line, 0.12):
                continue
            text = line.text().strip()
            if _PAGE_NUMBER.match(text) or key(line) in repeated:
                line.furniture = True


# ------------------------------------------------------------------ blocks


@dataclass
class _Para:
    lines: list[_Line]


@dataclass
class _Loose:
    """A table printed without ruling lines: its lines, the header lines first."""

    lines: list[_Line]
    header: int
    """How many of ``lines`` (from the top) are header lines (above the first figures)."""

    @property
    def top(self) -> float:
        return self.lines[0].top


def _drop_side_label(table: _Loose) -> None:
    """A label down the side of a table without rules (三、本年度办理结果, one character per
    line) is left out: its characters stand at one x, one under the other, each apart from
    the row label beside it or alone on its line, and would otherwise be read into the row
    labels (「三（一）予以公开」) or as rows of their own. The rows are known by their own
    labels."""
    firsts: list[_Char] = []
    for ln in table.lines[table.header :]:
        for seg in _segments(ln):
            ch = seg[0]
            if _CJK.match(ch.text) and (len(seg) == 1 or seg[1].x0 - ch.x1 > 0.3 * ch.height):
                firsts.append(ch)
    # columns of them: centres within 0.4 of a character's height of each other
    firsts.sort(key=lambda c: c.x0 + c.x1)
    columns: list[list[_Char]] = []
    for ch in firsts:
        if (
            columns
            and (ch.x0 + ch.x1) - (columns[-1][-1].x0 + columns[-1][-1].x1) <= 0.8 * ch.height
        ):
            columns[-1].append(ch)
        else:
            columns.append([ch])
    side: list[_Char] = []
    for column in columns:  # runs of three or more, each under the one before
        column.sort(key=_by_cy)
        run: list[_Char] = []
        for ch in column:
            if run and ch.cy - run[-1].cy > 2.5 * ch.height:
                side.extend(run if len(run) >= 3 else ())
                run = []
            run.append(ch)
        side.extend(run if len(run) >= 3 else ())
    if not side:
        return
    gone = {id(c) for c in side}
    kept: list[_Line] = []
    header = table.header
    for k, ln in enumerate(table.lines):
        chars = [c for c in ln.chars if id(c) not in gone]
        if len(chars) == len(ln.chars):
            kept.append(ln)
        elif chars:
            kept.append(_Line(ln.page, ln.number, chars))
        elif k < table.header:
            header -= 1
    table.lines, table.header = kept, header


_Item = _Para | list[_Table] | _Loose


def _items(pages: list[_Page]) -> list[_Item]:
    """Paragraphs and tables (a table with its continuations) in reading order."""
    items: list[_Item] = []
    body_left = min((ln.x0 for p in pages for ln in p.lines if not ln.furniture), default=0.0)
    body_right = max((ln.x1 for p in pages for ln in p.lines if not ln.furniture), default=0.0)
    sizes = [c.height for p in pages for c in p.chars if c.cell is None]
    body_size = statistics.median(sizes) if sizes else 10.0
    for page in pages:
        body = [ln for ln in page.lines if not ln.furniture]
        loose = _loose_tables(body, body_left, body_right)
        in_loose = {id(ln) for t in loose for ln in t.lines}
        for t in loose:
            _drop_side_label(t)
        content: list[tuple[float, _Line | _Table | _Loose]] = [
            (ln.top, ln) for ln in body if id(ln) not in in_loose
        ]
        content.extend((t.top, t) for t in page.tables)
        content.extend((t.top, t) for t in loose)
        content.sort(key=lambda x: x[0])
        first_on_page = True
        for _, thing in content:
            last = items[-1] if items else None
            if isinstance(thing, _Table):
                if (
                    first_on_page
                    and isinstance(last, list)
                    and last[-1].page == page.number - 1
                    and abs(last[-1].x0 - thing.x0) <= 3
                    and abs(last[-1].x1 - thing.x1) <= 3
                ):
                    last.append(thing)
                else:
                    items.append([thing])
            elif isinstance(thing, _Loose):
                if first_on_page and isinstance(last, _Loose):
                    _continue_loose(last, thing)
                else:
                    head = (
                        _header_before(items, thing, body_left, body_right) if first_on_page else []
                    )
                    if head:
                        thing = _Loose([*head, *thing.lines], len(head) + thing.header)
                    items.append(thing)
            elif isinstance(last, _Para) and _continues(
                last.lines[-1], thing, first_on_page, body_left, body_right, body_size
            ):
                last.lines.append(thing)
            else:
                items.append(_Para([thing]))
            first_on_page = False
    return items


def _header_before(items: list[_Item], table: _Loose, left: float, right: float) -> list[_Line]:
    """The header rows (all, or the first ones) of a table without rules printed at the
    foot of the page before the one its figures start on: the last lines read there as text, each no running text and
    no heading, at least one of them in pieces side by side (「结果维持 结果纠正 …」) —
    taken off the paragraphs they were read as (the table's rows then have their columns,
    instead of a table whose figures fit no header)."""
    lines: list[_Line] = []
    k = len(items)
    while k > 0 and isinstance(items[k - 1], _Para):
        para = items[k - 1]
        assert isinstance(para, _Para)
        if not all(
            ln.page == table.lines[0].page - 1
            and not _prose_like(ln, left, right)
            and not _HEADING_START.match(ln.text())
            for ln in para.lines
        ):
            break
        lines[:0] = para.lines
        k -= 1
    if not lines or not any(len(_segments(ln)) >= 2 for ln in lines) or len(lines) > 8:
        return []
    del items[k:]
    return lines


def _continues(
    prev: _Line, line: _Line, page_break: bool, left: float, right: float, body: float
) -> bool:
    """Whether ``line`` goes on with the paragraph that ``prev`` ends."""
    size = line.size
    if abs(prev.size - size) > 1 or _HEADING_START.match(line.text()):
        return False
    if page_break:
        if prev.page != line.page - 1:
            return False
    elif prev.page != line.page or line.top - prev.bottom > 1.5 * size:
        return False
    if size > body * 1.2:  # a title broken over lines: both centred
        mid = (left + right) / 2
        return (
            abs((prev.x0 + prev.x1) / 2 - mid) <= size
            and abs((line.x0 + line.x1) / 2 - mid) <= size
        )
    return prev.x1 >= right - 1.5 * size and line.x0 <= left + 0.5 * size


def _join(a: str, b: str) -> str:
    """Two lines of one paragraph: Chinese runs on without a space, words get one."""
    if not a or not b:
        return a + b
    if _CJK.match(a[-1]) or _CJK.match(b[0]):
        return a + b
    return a + " " + b


def _place(page: int, line: int) -> Location:
    return Location(f"page {page}, line {line}")


class _Builder:
    """The report text, its blocks and where each of its lines stands on the pages."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.blocks: list[Block] = []
        self.places: list[tuple[int, Location]] = []
        self.tables = 0

    def _add(self, text: str) -> int:
        start = self.offset
        self.parts.append(text)
        self.offset += len(text) + 1
        return start

    def paragraph(self, para: _Para) -> None:
        text = ""
        marks: list[tuple[int, Location]] = []
        for ln in para.lines:
            piece = ln.text().strip()
            joined = _join(text, piece)
            marks.append((len(joined) - len(piece), _place(ln.page, ln.number)))
            text = joined
        start = self._add(text)
        self.places.extend((start + k, loc) for k, loc in marks)
        self.blocks.append(Block(text, marks[0][1], offset=start))

    def table(self, parts: list[_Table] | _Loose) -> None:
        self.tables += 1
        if isinstance(parts, _Loose):
            grid, rows = _loose_grid(parts, self.tables)
            first_page = parts.lines[0].page
        else:
            grid, rows = _grid(parts, self.tables)
            first_page = parts[0].page
        lines: list[str] = []
        start = at = self.offset
        for r in grid.rows:
            cells = [grid.cells[(r, c)] for c in grid.row_cols(r) if (r, c) in grid.cells]
            line = " | ".join(_flat(c.text) for c in cells)
            self.places.append((at, rows[r]))
            at += len(line) + 1
            lines.append(line)
        text = "\n".join(lines)
        self._add(text)
        location = rows[grid.rows[0]] if grid.rows else _place(first_page, 1)
        self.blocks.append(Block(text, location, grid, offset=start, parts=(grid,)))

    def text(self) -> str:
        return "\n".join(self.parts)


def _flat(text: str) -> str:
    out = ""
    for line in text.split("\n"):
        out = _join(out, line.strip())
    return out


def _grid(parts: list[_Table], number: int) -> tuple[Grid, dict[int, Location]]:
    """One grid of a table and its continuations; the header rows each continuation prints
    again are dropped. Columns are the vertical rules of all parts together."""
    xs = _clusters([x for t in parts for x in t.xs])
    grid = Grid(f"table {number}", by_header=True)
    row_places: dict[int, Location] = {}
    offset = 0
    first = parts[0]
    header = (
        [first.row_texts(r) for r in range(min(len(first.ys) - 1, 6))] if len(parts) > 1 else []
    )  # (the rows a continuation may print again)
    bottom: dict[int, GridCell] = {}
    """The cells of the last row placed so far, by column (a row split by the page break
    goes on in them)."""
    for k, t in enumerate(parts):
        skip = 0
        n_rows = len(t.ys) - 1
        if k > 0:
            while skip < min(n_rows, len(header)) and t.row_texts(skip) == header[skip]:
                skip += 1
            if skip and any(c.r1 < skip <= c.r2 for c in t.cells):
                skip = 0  # a "repeated" row merged into what follows is no header
            if skip < n_rows and _split_row(t, skip, bottom):
                for cell in t.cells:
                    target = bottom.get(_col(xs, cell.x0) + 1)
                    if cell.r1 == cell.r2 == skip and target is not None and cell.chars:
                        target.text = f"{target.text}\n{cell.text()}"
                skip += 1
        below: dict[int, GridCell] = {}
        for cell in t.cells:
            if cell.r2 < skip:
                continue
            c1 = _col(xs, cell.x0) + 1
            c2 = max(c1, _col(xs, cell.x1))
            r1 = max(cell.r1, skip) - skip + 1 + offset
            r2 = cell.r2 - skip + 1 + offset
            line = cell.first_line()
            if not line:
                # an empty cell: the line of the row's first character, or its top
                row_lines = [n for x in t.rows.get(cell.r1, ()) if (n := x.first_line())]
                line = min(row_lines) if row_lines else _line_at(t, cell)
            loc = Location(f"page {t.page}, line {line}, col {c1}")
            placed = GridCell(cell.text(), loc)
            grid.cells[(r1, c1)] = placed
            if r2 > r1 or c2 > c1:
                grid.merged.append((r1, c1, r2, c2))
            if r1 not in row_places or cell.c1 == 0:
                row_places[r1] = _place(t.page, line)
            if cell.r2 == n_rows - 1:
                for c in range(c1, c2 + 1):
                    below[c] = placed
        bottom = below
        offset += n_rows - skip
    grid.finish()
    for r in grid.rows:
        row_places.setdefault(r, _place(parts[0].page, 1))
    return grid, row_places


_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])"
)


def _split_row(table: _Table, row: int, above: dict[int, GridCell]) -> bool:
    """Whether the first row of a continued table is the rest of the row the page break cut
    (a label going on, no figures): its text belongs to the cells above it."""
    cells = [c for c in table.cells if c.r1 == row]
    texts = [c.text() for c in cells if c.chars]
    if not texts or not above or any(ch.isdigit() for t in texts for ch in t):
        return False
    if any(_NUMBERED.match(t) for t in texts):
        return False  # a row of its own (「（七）总计」 left blank)
    return any(any(ch.isdigit() for ch in c.text) for c in above.values())


def _line_at(table: _Table, cell: _TCell) -> int:
    """The line beside the middle of an empty cell."""
    if not table.line_tops:
        return 1
    return _nearest(table.line_tops, (cell.top + cell.bottom) / 2) + 1


def _col(xs: list[float], x: float) -> int:
    """The index of the column boundary nearest to ``x``."""
    return _nearest(xs, x)


# ------------------------------------------------------------------ tables without rules

_SEGMENT_GAP = 0.8
"""A gap wider than this many character heights separates two cells of a line."""


def _segments(line: _Line) -> list[list[_Char]]:
    """The line's characters in groups separated by wide gaps (the cells of a table row);
    computed once per line (a line's characters do not change: a line with fewer is a new
    one)."""
    if line._segments is not None:
        return line._segments
    out: list[list[_Char]] = []
    for ch in line.chars:
        if out and ch.x0 - out[-1][-1].x1 <= _SEGMENT_GAP * max(ch.height, out[-1][-1].height):
            out[-1].append(ch)
        else:
            out.append([ch])
    line._segments = out
    return out


@lru_cache(maxsize=4096)
def _state(text: str) -> CellState:
    """What a piece of text is as a cell (the same few texts, 「0」 most, come back
    thousands of times in a PDF's tables)."""
    return parse_text(text).state


def _is_value(text: str) -> bool:
    return _state(text) in (CellState.NUMBER, CellState.PLACEHOLDER)


def _is_number(text: str) -> bool:
    return _state(text) is CellState.NUMBER


def _figures(line: _Line) -> bool:
    """A line of a table: two values or more (one a number), or a label and a number
    (computed once per line)."""
    if line._figures is None:
        line._figures = _has_figures(line)
    return line._figures


def _has_figures(line: _Line) -> bool:
    if not any(c.text.isdigit() for c in line.chars):
        return False
    segments = _segments(line)
    if len(segments) < 2:
        return False  # (one piece: neither two values nor a label and a number)
    texts = [_line_text(seg) for seg in segments]
    values = [t for t in texts if _is_value(t)]
    if not any(_is_number(t) for t in values):
        return False
    return len(values) >= 2 or (len(texts) >= 2 and _is_number(texts[-1]))


def _prose_like(line: _Line, left: float, right: float) -> bool:
    """A line of running text: one piece, most of the width, or a section heading."""
    segs = _segments(line)
    if len(segs) != 1:
        return False
    width = line.x1 - line.x0
    return width >= 0.6 * (right - left) or (
        # a heading at the margin or indented by two characters (as WPS users indent them)
        line.x0 <= left + 2.5 * line.size and bool(_HEADING_START.match(line.text()))
    )


def _loose_tables(lines: list[_Line], left: float, right: float) -> list[_Loose]:
    """Runs of lines that are rows of a table printed without rules (on one page)."""
    rows = [_figures(ln) for ln in lines]
    # a row of the format with every cell empty: its label alone on the line
    labelled = [
        not row and any(starts_table_label(_line_text(seg)) for seg in _segments(ln))
        for row, ln in zip(rows, lines, strict=True)
    ]
    out: list[_Loose] = []
    i = 0
    while i < len(lines):
        if not rows[i]:
            i += 1
            continue
        start = i
        end = i  # last line with figures
        j = i + 1
        while j < len(lines):
            gap = lines[j].top - lines[j - 1].bottom
            if gap > 2.2 * lines[j].size:
                break
            if _prose_like(lines[j], left, right):
                # a piece of a label down the side (「三、（四）无」) reads like a heading:
                # inside the table when figures follow right below
                nxt = j + 1 < len(lines) and (rows[j + 1] or labelled[j + 1])
                if not nxt or lines[j + 1].top - lines[j].bottom > lines[j].size:
                    break
            if rows[j] or labelled[j]:
                end = j
            elif j - end > 4:
                break
            j += 1
        if j == len(lines) and j - 1 - end <= 2:
            # a block header at the foot of the page: the table goes on on the next one
            end = j - 1
        # header lines above the first figures
        while (
            start > 0
            and start > i - 8
            and not rows[start - 1]
            and lines[start].top - lines[start - 1].bottom <= 2.2 * lines[start].size
            and not _prose_like(lines[start - 1], left, right)
            and not _ends_paragraph(lines, start - 1, left, right)
            and (not out or lines[start - 1] is not out[-1].lines[-1])
        ):
            start -= 1
        values = sum(
            1
            for k in range(i, end + 1)
            for seg in _segments(lines[k])
            if _is_value(_line_text(seg))
        )
        if (
            values >= 5
            or start == 0  # (at the top of a page: a table going on, maybe)
            # a row of the format's by its label (規章 and its figures at the foot of a page)
            or any(
                starts_table_label(_line_text(seg))
                for k in range(i, end + 1)
                if rows[k]
                for seg in _segments(lines[k])
            )
        ):
            out.append(_Loose(lines[start : end + 1], i - start))
        i = end + 1
    return out


def _ends_paragraph(lines: list[_Line], k: int, left: float, right: float) -> bool:
    """Whether line ``k`` is the short last line of the paragraph above it (that line runs
    to the right margin, this one starts at the left): no header line of a table below."""
    if k == 0:
        return False
    above, line = lines[k - 1], lines[k]
    return (
        above.x1 >= right - 1.5 * above.size
        and line.x0 <= left + 0.5 * line.size
        and abs(above.size - line.size) <= 1
        and line.top - above.bottom <= above.size
        and len(_segments(line)) == 1
    )


_INNER_NUMBER = re.compile(
    r"(?<=[^\d\s.．])(?=\d{1,2}[.．、](?!\d)|[(（][一二三四五六七八九十]{1,2}[)）])"
)


def _at_numbers(piece: list[_Char]) -> list[list[_Char]]:
    """A label piece cut where a numbered label starts inside it: the group label beside a
    sub-row label runs into it when the table has no rules (「（三）不」 + 「4.保护第三方…」)."""
    text = "".join(c.text for c in piece)
    if len(text) != len(piece) or _is_value(text):
        return [piece]
    cuts = [m.start() for m in _INNER_NUMBER.finditer(text)]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in pairwise(bounds) if b > a]


def _continue_loose(table: _Loose, more: _Loose) -> None:
    """A table without rules going on on the next page: its header lines printed again are
    dropped (they are the first part's)."""
    head = [ln.text() for ln in table.lines[: table.header]]
    lines = more.lines
    k = 0
    while k < min(more.header, len(head)) and lines[k].text() == head[k]:
        k += 1
    table.lines.extend(lines[k:])


def _loose_grid(table: _Loose, number: int) -> tuple[Grid, dict[int, Location]]:
    """The grid of a table without rules: columns from where its figures stand, a row per
    line of figures (with the label lines that wrap around it), header lines above."""
    segs = [
        [(_line_text(p), p) for s in _segments(ln) for p in _at_numbers(s)] for ln in table.lines
    ]
    figure_rows = [i for i, ln in enumerate(table.lines) if i >= table.header and _figures(ln)]
    # value columns: the figures of all rows, overlapping ones in one column
    spans: list[list[float]] = []
    for i in figure_rows:
        for text, s in segs[i]:
            if _is_value(text):
                spans.append([s[0].x0, s[-1].x1])
    columns = _merged_spans(spans)
    value_left = columns[0][0] if columns else float("inf")
    # label columns: where the label pieces left of the figures start
    starts: list[float] = []
    label_right = 0.0
    for i, line_pieces in enumerate(segs):
        if i < table.header:
            continue
        for text, s in line_pieces:
            if s[-1].x1 < value_left and not _is_value(text):
                starts.append(s[0].x0)
                label_right = max(label_right, s[-1].x1)
    size = statistics.median(ln.size for ln in table.lines)
    label_cols: list[float] = []
    for x in sorted(starts):
        if not label_cols or x - label_cols[-1] > size:
            label_cols.append(x)
    n_labels = len(label_cols)
    # a column with no figure in any row (every cell of it left empty) is where its own
    # header stands: a header piece right of the labels, over no column of figures, and
    # no group header — one with a header piece under it that reaches out beyond it
    # (申请人情况 centred over the empty column has 法人或其他组织 under it; 社会公 has
    # only 益组织, the rest of its own words)
    over: set[tuple[int, float, float]] = set()
    """Header pieces over others (group headers): a header row of their own below."""
    if label_right and columns:
        tops = [
            (i, s[0].x0, s[-1].x1)
            for i in range(table.header)
            for text, s in segs[i]
            if s[0].x0 > label_right + size / 2 and not _is_value(text)
        ]
        over = {
            (i, a, b)
            for i, a, b in tops
            if any(
                j > i and x < b and a < y and (x < a - size / 2 or y > b + size / 2)
                for j, x, y in tops
            )
        }
        bare = [
            [a, b]
            for i, a, b in tops
            if (i, a, b) not in over and not any(a <= y + 1 and x - 1 <= b for x, y in columns)
        ]
        if bare:
            columns = _merged_spans([*columns, *bare])
            value_left = columns[0][0]
    # each value column's zone reaches halfway to its neighbours
    bounds = [(label_right + value_left) / 2 if label_right else value_left - size]
    bounds += [(a[1] + b[0]) / 2 for a, b in pairwise(columns)]

    def label_col(x: float) -> int:
        return max((k for k, c in enumerate(label_cols) if c <= x + size / 2), default=0) + 1

    def value_cols(piece: list[_Char]) -> tuple[int, int] | None:
        """The value columns whose zones the piece reaches into (a header wider than one
        column, 申请人情况 over seven, spans several even where it is centred)."""
        first = bisect_right(bounds, piece[0].x0 + 1)
        last = bisect_right(bounds, piece[-1].x1 - 1)
        if last == 0:
            return None
        return n_labels + max(first, 1), n_labels + last

    grid = Grid(f"table {number}", by_header=True)
    places: dict[int, Location] = {}
    cells: dict[tuple[int, int], tuple[list[str], _Char]] = {}
    merged: dict[tuple[int, int], tuple[int, int]] = {}

    def put(r: int, c: int, text: str, first: _Char, c2: int | None = None) -> None:
        if (r, c) in cells:
            cells[(r, c)][0].append(text)
        else:
            cells[(r, c)] = ([text], first)
        if c2 is not None and c2 > c:
            merged[(r, c)] = (r, c2)

    # header lines: pieces over several value columns are a row of their own each (moved
    # up to the first header row where nothing stands above them); the rest, column by
    # column, make one header row (「商业企」 over 「业」 is 商业企业)
    row = 0
    band_rows: list[int] = []
    column_row_pieces: list[tuple[int, str, _Char]] = []
    for i in range(table.header):
        spanning = []
        for text, s in segs[i]:
            cols = value_cols(s)
            if cols is not None and (cols[1] > cols[0] or (i, s[0].x0, s[-1].x1) in over):
                spanning.append((cols, text, s[0]))
            elif cols is not None:
                column_row_pieces.append((cols[0], text, s[0]))
            else:
                column_row_pieces.append((label_col(s[0].x0), text, s[0]))
        if spanning:
            row += 1
            band_rows.append(row)
            for (c1, c2), text, first in spanning:
                target = row
                for r in band_rows[:-1]:
                    if not any(
                        (r, c) in cells or _covered(merged, r, c) for c in range(c1, c2 + 1)
                    ):
                        target = r
                        break
                put(target, c1, text, first, c2)
    if column_row_pieces:
        row += 1
        for c, text, first in column_row_pieces:
            put(row, c, text, first)
    # body lines: a line of figures is a row; label lines around it wrap its label
    current: int | None = None
    has_figures = False
    numbered_at: set[int] = set()
    """The label columns where the current row has a numbered label."""
    body_rows: dict[int, tuple[int, int]] = {}
    """The rows of figures: the page and line of their figures."""
    first_line: dict[int, tuple[int, int]] = {}
    """The rows begun by a numbered label: the page and line of the label."""
    for i in range(table.header, len(table.lines)):
        pieces = segs[i]
        figures = _figures(table.lines[i])
        labels = [(t, s) for t, s in pieces if not (_is_value(t) and value_cols(s))]
        # a numbered label starts a row; a numbered group label left of the row labels
        # (「（六）」 of 其他处理, beside the last line of the row above wrapped) does not
        deepest = max((label_col(s[0].x0) for _, s in labels), default=0)
        numbered = any(_NUMBERED.match(t) and label_col(s[0].x0) == deepest for t, s in labels)
        heads = [(t, s) for t, s in labels if value_cols(s)]
        if not figures and heads:
            # a header line between rows (表二's block headers): a row of its own
            row += 1
            for text, s in pieces:
                cols = value_cols(s)
                if cols is not None:
                    start = cols[0]
                    if s[0].x0 < bounds[0]:  # over the label columns too
                        start = label_col(s[0].x0)
                    put(row, start, text, s[0], cols[1])
                else:
                    put(row, label_col(s[0].x0), text, s[0])
            places.setdefault(row, _place(table.lines[i].page, table.lines[i].number))
            current = None
            continue
        if figures:
            own_label = any(_NUMBERED.match(t) for t, _ in labels)
            if (
                current is None
                or has_figures
                or (own_label and not _label_only(cells, current))
                # the row above, all its cells empty, has its own numbered label where
                # this line has one: two rows, not one label wrapped over its figures
                or (numbered and deepest in numbered_at)
            ):
                row += 1
                current = row
                numbered_at = set()
            has_figures = True
        elif numbered or current is None:
            row += 1
            current = row
            numbered_at = set()
            has_figures = False
        assert current is not None
        for text, s in pieces:
            cols = value_cols(s) if _is_value(text) else None
            if cols is not None:
                put(current, cols[0], text, s[0])
            else:
                col = label_col(s[0].x0)
                put(current, col, text, s[0])
                if _NUMBERED.match(text):
                    numbered_at.add(col)
        places.setdefault(current, _place(table.lines[i].page, table.lines[i].number))
        if figures:
            body_rows.setdefault(current, (table.lines[i].page, table.lines[i].number))
        elif numbered:
            first_line[current] = (table.lines[i].page, table.lines[i].number)
    for r, label_at in first_line.items():  # rows with every cell empty: their label's line
        body_rows.setdefault(r, label_at)
    page_of = {id(ch): ln.page for ln in table.lines for ch in ln.chars}
    for (r, c), (texts, first) in cells.items():
        page = page_of.get(id(first), table.lines[0].page)
        where = Location(f"page {page}, line {first.line}, col {c}")
        grid.cells[(r, c)] = GridCell("\n".join(texts), where)
        places.setdefault(r, _place(page, first.line))
    # a body row's empty cells (nothing printed under a column) have their place too
    for r, (page, line) in body_rows.items():
        for c in range(n_labels + 1, n_labels + len(columns) + 1):
            if (r, c) not in grid.cells and not _covered(merged, r, c):
                grid.cells[(r, c)] = GridCell("", Location(f"page {page}, line {line}, col {c}"))
    grid.merged.extend((r, c, r2, c2) for (r, c), (r2, c2) in merged.items())
    grid.finish()
    return grid, places


def _merged_spans(spans: list[list[float]]) -> list[list[float]]:
    """Horizontal spans, overlapping ones (within a point) joined, left to right."""
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _covered(merged: dict[tuple[int, int], tuple[int, int]], r: int, c: int) -> bool:
    return any(r == r1 and c1 <= c <= c2 for (r1, c1), (_, c2) in merged.items())


def _label_only(cells: dict[tuple[int, int], tuple[list[str], _Char]], row: int) -> bool:
    """Whether a row so far holds labels only (its figures may follow on the next line)."""
    return not any(r == row and _is_value("".join(t)) for (r, _), (t, _) in cells.items())


# ------------------------------------------------------------------ the reader


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a PDF report (``kind`` is ``"pdf"``).

    The cyclic garbage collector waits while it reads: a page makes thousands of small
    objects that all live until the report is built, and its passes over them cost a
    twentieth of the read (``benchmarks/bench_pdf.py``). Their few cycles (a character and
    its cell) are collected afterwards as usual."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(path, data, kind, settings)
    finally:
        if collecting:
            gc.enable()


def _read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    import pypdfium2 as pdfium

    doc = _open(path, data)
    try:
        pages = _pages(path, doc)
    except pdfium.PdfiumError:  # a page that does not load: damaged past the first look
        raise InputError(
            path,
            "PDF 文件已损坏：有页面无法读取",
            "a damaged PDF: a page of it cannot be loaded",
        ) from None
    finally:
        doc.close()
    if any(not p.chars and p.images for p in pages):  # scanned pages: OCR, when installed
        from reportcheck.readers import ocr

        if ocr.available():
            return ocr.read_scanned_pdf(path, data, kind, settings, pages)
    if not any(p.chars for p in pages):
        from reportcheck.readers.ocr import INSTALL

        raise InputError(
            path,
            f"PDF 没有文字层（扫描件），请先进行文字识别（OCR），或安装识别功能：{INSTALL}",
            "the PDF has no text layer (a scan): run text recognition (OCR) on it first, "
            f"or install the recognition extra: {INSTALL}",
        )
    return report_of_pages(path, kind, pages, settings)


def report_of_pages(path: str, kind: str, pages: list[_Page], settings: Settings) -> Report:
    """The report on the pages read (from the text layer, or recognised from page images:
    :mod:`reportcheck.readers.ocr` builds the same pages)."""
    budget = [3 * MAX_PAIRS]  # for the whole PDF: a few seconds at most
    for page in pages:
        _find_tables(page, budget)
        _number_lines(page)
        for table in page.tables:
            table.line_tops = page.line_tops
    _mark_furniture(pages)
    builder = _Builder()
    for item in _items(pages):
        if isinstance(item, _Para):
            builder.paragraph(item)
        else:
            builder.table(item)
    text = builder.text()
    report = build_report(path, kind, builder.blocks, settings, text)
    report.places = builder.places
    report.unread_pages = [p.number for p in pages if not p.chars and p.images]
    images = [str(n) for n in report.unread_pages]
    if images:
        report.findings.append(
            emit(
                "RC003",
                {"pages": ", ".join(images)},
                variant="image_pages",
                location=Location(f"page {images[0]}"),
            )
        )
        for table_id in TABLE_IDS:
            if table_id not in report.tables:  # not on the text pages: on the images, maybe
                tdef = report.table_def(table_id)
                report.findings.append(
                    emit(
                        "RC003",
                        {"table": Tr(tdef.short, TABLE_EN[table_id]), "pages": ", ".join(images)},
                        variant="image_pages_table",
                        table=table_id,
                        location=Location(f"page {images[0]}"),
                    )
                )
    if not report.tables and not report.sections and report.metadata.year is None:
        raise InputError(
            path,
            "不是政府信息公开工作年度报告：PDF 中没有找到表格、章节标题或报告标题",
            "not an annual report: no table, section heading or report title in the PDF",
        )
    return report
