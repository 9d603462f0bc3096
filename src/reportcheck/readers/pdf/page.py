"""What a PDF page holds once read: characters with their boxes, ruling lines, the cells
of ruled tables, lines of text, paragraphs and tables without rules; the bounds a PDF is
read within."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from reportcheck.model.report import Location

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

SCAN_TEXT = 60
"""A page that is one picture over half of it or more with fewer characters than this, all
in its top or bottom margin, is a scanned page with a line of text put on it (a stamp of
the site, a page number added when the scans were bound into a PDF): its picture is what it
shows, read as a scan. A cover (a picture with a title over it) is no scan."""
OUTLINED = 150
"""Paths the size of a character (:data:`GLYPH_SIZE`, no rules) on a page without characters
or images from which its text is taken to be drawn as outlines (a blank page has none, a
table's rules are none of them)."""
GLYPH_SIZE = 40.0
"""Points: a path no wider and no taller than this may be a glyph drawn as an outline."""
PICTURE_MIN = (72.0, 36.0)
"""An image at least this wide and tall (points) could be a table printed as a picture;
smaller ones are logos, icons and lines of decoration."""
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
_SUSPECT = re.compile(
    "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd"
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]"
)
"""Characters a Chinese report does not print, and what PDFium gives for a glyph its font
cannot map to Unicode (control codes, private use, accented Latin letters): a page with
them, or with little Chinese, has its characters' map errors asked."""
UNDECODABLE = (20, 0.1)
"""A page with at least this many characters that PDFium cannot map to Unicode, and this
share of its characters, cannot be read from its text layer (a font embedded without its
map, from some printers to PDF); fewer are left out (a symbol font's tick box)."""
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
    recognise: bool = False
    """Read from its image though it has text: a table missing from the text stands on it
    as a picture (see :func:`reportcheck.readers.pdf.read`)."""
    drawn: int = 0
    """Paths on it the size of a character: a page without characters or images but
    hundreds of them has its text drawn as outlines (「文字转曲」, :data:`OUTLINED`)."""
    undecodable: bool = False
    """Its text cannot be decoded (fonts without a map to Unicode, :data:`UNDECODABLE`): no
    character of it is read; the page is as a scanned one."""
    pictures: list[tuple[float, float, float, float]] = field(default_factory=list)
    """The boxes (x0, top, x1, bottom) of its images big enough to hold a table (see
    :data:`PICTURE_MIN`)."""
    tables: list[_Table] = field(default_factory=list)
    lines: list[_Line] = field(default_factory=list)
    line_tops: list[float] = field(default_factory=list)

    @property
    def unread(self) -> str | None:
        """Why the page's text is not read from its text layer — the RC003 variant that
        says so: its text cannot be decoded, it is a scan (images), its text is drawn as
        outlines — or None (a page of text, or a blank one). Such a page is recognised
        from its image when the ``ocr`` extra is installed."""
        if self.chars:
            return None
        if self.undecodable:
            return "undecodable_pages"
        if self.images:
            return "image_pages"
        if self.drawn >= OUTLINED:
            return "outlined_pages"
        return None


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


def _place(page: int, line: int) -> Location:
    return Location(f"page {page}, line {line}")


_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])"
)
