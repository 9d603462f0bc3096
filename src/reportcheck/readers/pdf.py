"""Reading a report published as a PDF with a text layer.

The PDF is opened with pypdfium2 (PDFium: wheels for every platform, no system library; a
6-page report's characters and their boxes come out in a few milliseconds). Nothing is taken
from PDFium's own text flow: it glues the numbers of neighbouring cells and tears labels
from their figures. Instead, the page is rebuilt from where each character stands:

- **ruling lines** — thin path objects (LibreOffice strokes lines, Chromium fills thin
  rectangles) make the tables: rules that touch each other form one table; the x of its
  vertical rules and the y of its horizontal rules cut it into grid cells, and two grid
  cells with no rule between them are one merged cell (三、本年度办理结果 down the side,
  申请人情况 over seven columns). Each character goes into the cell its centre lies in;
  so cells are separated by where they stand: no glued digits, no label torn from its row.
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
import re
import statistics
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Location, Report
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block, build_report

MAX_PAGES = 200
"""A report has a few pages; a longer PDF is read up to here (a finding would say so)."""

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
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")
_DIGITS = re.compile(r"\d+")


# ------------------------------------------------------------------ what a page holds


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    cell: _TCell | None = None
    line: int = 0
    """The page line (1-based) the character is on (0: not yet known)."""

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


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

    def lines(self) -> list[list[_Char]]:
        return _group_lines(self.chars)

    def text(self) -> str:
        return "\n".join(_line_text(line) for line in self.lines())

    def first_line(self) -> int:
        lines = [c.line for c in self.chars if c.line]
        return min(lines) if lines else 0


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
        return tuple(c.text() for c in sorted(self.cells, key=lambda c: c.c1) if c.r1 == r)


@dataclass
class _Line:
    """A line of text outside the tables."""

    page: int
    number: int
    chars: list[_Char]
    furniture: bool = False

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        return statistics.median(c.height for c in self.chars)

    def text(self) -> str:
        return _line_text(self.chars)


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
    """Characters grouped into lines: each line the characters whose centres lie within the
    band of its first (top-most) character, in order of x."""
    out: list[list[_Char]] = []
    top = bottom = 0.0
    for ch in sorted(chars, key=lambda c: (c.cy, c.x0)):
        if out and top <= ch.cy <= bottom:
            out[-1].append(ch)
        else:
            out.append([ch])
            top, bottom = ch.top, ch.bottom
            if bottom - top < 1:  # a character with no height (a rule drawn as text)
                top, bottom = ch.cy - 1, ch.cy + 1
    for line in out:
        line.sort(key=lambda c: c.x0)
    return out


def _line_text(chars: list[_Char]) -> str:
    """The characters of a line, with a space where a gap is wider than a third of a
    character's height — between Latin letters and digits only: the gap that typesetters
    leave between Chinese and a number (「编制了 2024 年」) is no space in the text."""
    parts: list[str] = []
    prev: _Char | None = None
    for ch in chars:
        if prev is not None:
            gap = ch.x0 - prev.x1
            if (
                gap > max(ch.height, prev.height) / 3
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


def _pages(path: str, doc: Any) -> list[_Page]:
    import pypdfium2.raw as raw

    pages: list[_Page] = []
    rect = raw.FS_RECTF()
    left, bottom_, right, top_ = (
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
        ctypes.c_float(),
    )
    for index in range(min(len(doc), MAX_PAGES)):
        page = doc[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        chars: list[_Char] = []
        if count > 0:
            buf = ctypes.create_string_buffer((count + 1) * 2)
            got = raw.FPDFText_GetText(
                tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
            )
            text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
            one_to_one = len(text) == count
            for i in range(count):
                if raw.FPDFText_IsGenerated(tp, i):
                    continue
                if one_to_one:
                    ch = text[i]
                else:
                    code = raw.FPDFText_GetUnicode(tp, i)
                    ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
                if ch.isspace() or ch in "\x00\ufffe\uffff" or "\ud800" <= ch <= "\udfff":
                    continue
                raw.FPDFText_GetLooseCharBox(tp, i, rect)
                top, bottom = height - rect.top, height - rect.bottom
                size = raw.FPDFText_GetFontSize(tp, i)
                if bottom - top < 0.6 * size:
                    # a glyph whose box is its ink (一 in some embedded fonts): the font's
                    # height around its middle, so it stays on its line
                    mid = (top + bottom) / 2
                    top, bottom = mid - size / 2, mid + size / 2
                chars.append(_Char(ch, rect.left, top, rect.right, bottom))
        rules: list[_Rule] = []
        images = 0
        for obj in range(raw.FPDFPage_CountObjects(page.raw)):
            handle = raw.FPDFPage_GetObject(page.raw, obj)
            kind = raw.FPDFPageObj_GetType(handle)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                images += 1
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            if not raw.FPDFPageObj_GetBounds(handle, left, bottom_, right, top_):
                continue
            x0, x1 = left.value, right.value
            y0, y1 = height - top_.value, height - bottom_.value
            w, h = x1 - x0, y1 - y0
            if (w <= _RULE_THICKNESS and h > 3) or (h <= _RULE_THICKNESS and w > 3):
                rules.append(_Rule(x0, y0, x1, y1))
            elif w > 3 and h > 3 and raw.FPDFPath_CountSegments(handle) in (4, 5):
                fill, stroke = ctypes.c_int(), ctypes.c_int()
                raw.FPDFPath_GetDrawMode(handle, fill, stroke)
                if stroke.value and not fill.value:  # a rectangle drawn as its outline
                    rules.extend(
                        (
                            _Rule(x0, y0, x1, y0),
                            _Rule(x0, y1, x1, y1),
                            _Rule(x0, y0, x0, y1),
                            _Rule(x1, y0, x1, y1),
                        )
                    )
        pages.append(_Page(index + 1, width, height, chars, rules, images))
        textpage.close()
        page.close()
    return pages


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


def _rule_groups(rules: list[_Rule]) -> list[list[_Rule]]:
    """Rules that touch each other, directly or through others (one table each)."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].top)
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if rules[j].top - _TOL > rules[i].bottom:
                break
            if _touch(rules[i], rules[j]):
                parent[find(i)] = find(j)
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

    # the rules standing on each column and row boundary, as (from, to) spans
    on_x: list[list[tuple[float, float]]] = [[] for _ in xs]
    on_y: list[list[tuple[float, float]]] = [[] for _ in ys]
    for rule in vs:
        on_x[_nearest(xs, (rule.x0 + rule.x1) / 2)].append((rule.top, rule.bottom))
    for rule in hs:
        on_y[_nearest(ys, (rule.top + rule.bottom) / 2)].append((rule.x0, rule.x1))

    def vertical_at(i: int, y: float) -> bool:
        return any(a - _TOL <= y <= b + _TOL for a, b in on_x[i])

    def horizontal_at(i: int, x: float) -> bool:
        return any(a - _TOL <= x <= b + _TOL for a, b in on_y[i])

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
    for r in range(n_rows):
        for c in range(n_cols):
            root = find(r * n_cols + c)
            s = spans.setdefault(root, [r, c, r, c])
            s[0], s[1] = min(s[0], r), min(s[1], c)
            s[2], s[3] = max(s[2], r), max(s[3], c)
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


def _nearest(values: list[float], x: float) -> int:
    """The index of the sorted ``values`` nearest to ``x``."""
    k = bisect_right(values, x)
    if k == 0:
        return 0
    if k == len(values) or x - values[k - 1] <= values[k] - x:
        return k - 1
    return k


def _find_tables(page: _Page) -> None:
    for group in _rule_groups(page.rules):
        table = _table(page.number, group)
        if table is not None and len(table.cells) > 1:
            page.tables.append(table)
    page.tables.sort(key=lambda t: t.top)
    for ch in page.chars:
        x, y = (ch.x0 + ch.x1) / 2, ch.cy
        for t in page.tables:
            if t.x0 <= x <= t.x1 and t.top <= y <= t.bottom:
                r = min(max(bisect_right(t.ys, y) - 1, 0), len(t.ys) - 2)
                c = min(max(bisect_right(t.xs, x) - 1, 0), len(t.xs) - 2)
                cell = t.at.get((r, c))
                if cell is not None:
                    cell.chars.append(ch)
                    ch.cell = cell
                break


# ------------------------------------------------------------------ lines and furniture


def _number_lines(page: _Page) -> None:
    """Number the page's lines from the top; characters of a cell over several grid rows
    (a label down the side) make no lines of their own."""
    forming = [c for c in page.chars if c.cell is None or c.cell.r1 == c.cell.r2]
    lines = _group_lines(forming)
    lines.sort(key=lambda line: min(c.top for c in line))
    page.line_tops = []
    for n, line in enumerate(lines, 1):
        for ch in line:
            ch.line = n
        page.line_tops.append(min(c.cy for c in line))
    for ch in page.chars:
        if not ch.line:  # in a tall merged cell: the line it stands beside
            ch.line = _nearest(page.line_tops, ch.cy) + 1 if page.line_tops else 1
    free: dict[int, list[_Char]] = {}
    for ch in page.chars:
        if ch.cell is None:
            free.setdefault(ch.line, []).append(ch)
    page.lines = [
        _Line(page.number, n, sorted(chs, key=lambda c: c.x0)) for n, chs in sorted(free.items())
    ]


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


_Item = _Para | list[_Table]


def _items(pages: list[_Page]) -> list[_Item]:
    """Paragraphs and tables (a table with its continuations) in reading order."""
    items: list[_Item] = []
    body_left = min((ln.x0 for p in pages for ln in p.lines if not ln.furniture), default=0.0)
    body_right = max((ln.x1 for p in pages for ln in p.lines if not ln.furniture), default=0.0)
    sizes = [c.height for p in pages for c in p.chars if c.cell is None]
    body_size = statistics.median(sizes) if sizes else 10.0
    for page in pages:
        content: list[tuple[float, _Line | _Table]] = [
            (ln.top, ln) for ln in page.lines if not ln.furniture
        ]
        content.extend((t.top, t) for t in page.tables)
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
            elif isinstance(last, _Para) and _continues(
                last.lines[-1], thing, first_on_page, body_left, body_right, body_size
            ):
                last.lines.append(thing)
            else:
                items.append(_Para([thing]))
            first_on_page = False
    return items


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

    def table(self, parts: list[_Table]) -> None:
        self.tables += 1
        grid, rows = _grid(parts, self.tables)
        lines: list[str] = []
        start = self.offset
        for r in grid.rows:
            cells = [grid.cells[(r, c)] for c in grid.row_cols(r) if (r, c) in grid.cells]
            line = " | ".join(_flat(c.text) for c in cells)
            self.places.append((start + sum(len(x) + 1 for x in lines), rows[r]))
            lines.append(line)
        text = "\n".join(lines)
        self._add(text)
        location = rows[grid.rows[0]] if grid.rows else _place(parts[0].page, 1)
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
    header = [first.row_texts(r) for r in range(min(len(first.ys) - 1, 6))]
    for k, t in enumerate(parts):
        skip = 0
        if k > 0:
            n_rows = len(t.ys) - 1
            while skip < min(n_rows, len(header)) and t.row_texts(skip) == header[skip]:
                skip += 1
            if skip and any(c.r1 < skip <= c.r2 for c in t.cells):
                skip = 0  # a "repeated" row merged into what follows is no header
        for cell in t.cells:
            if cell.r1 < skip:
                continue
            c1 = _col(xs, cell.x0) + 1
            c2 = max(c1, _col(xs, cell.x1))
            r1 = cell.r1 - skip + 1 + offset
            r2 = cell.r2 - skip + 1 + offset
            line = cell.first_line()
            if not line:
                # an empty cell: the line of the row's first character, or its top
                row_lines = [x.first_line() for x in t.cells if x.r1 == cell.r1 and x.first_line()]
                line = min(row_lines) if row_lines else _line_at(t, cell)
            loc = Location(f"page {t.page}, line {line}, col {c1}")
            grid.cells[(r1, c1)] = GridCell(cell.text(), loc)
            if r2 > r1 or c2 > c1:
                grid.merged.append((r1, c1, r2, c2))
            if r1 not in row_places or cell.c1 == 0:
                row_places[r1] = _place(t.page, line)
        offset += len(t.ys) - 1 - skip
    grid.finish()
    for r in grid.rows:
        row_places.setdefault(r, _place(parts[0].page, 1))
    return grid, row_places


def _line_at(table: _Table, cell: _TCell) -> int:
    """The line beside the middle of an empty cell."""
    if not table.line_tops:
        return 1
    return _nearest(table.line_tops, (cell.top + cell.bottom) / 2) + 1


def _col(xs: list[float], x: float) -> int:
    """The index of the column boundary nearest to ``x``."""
    return _nearest(xs, x)


# ------------------------------------------------------------------ the reader


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a PDF report (``kind`` is ``"pdf"``)."""
    doc = _open(path, data)
    try:
        pages = _pages(path, doc)
    finally:
        doc.close()
    if not any(p.chars for p in pages):
        raise InputError(
            path,
            "PDF 没有文字层（扫描件），请先进行文字识别（OCR）",
            "the PDF has no text layer (a scan): run text recognition (OCR) on it first",
        )
    for page in pages:
        _find_tables(page)
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
    if not report.tables and not report.sections and report.metadata.year is None:
        raise InputError(
            path,
            "不是政府信息公开工作年度报告：PDF 中没有找到表格、章节标题或报告标题",
            "not an annual report: no table, section heading or report title in the PDF",
        )
    return report
