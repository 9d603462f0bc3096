"""Make test PDFs built the way WPS 文字 exports reports (WPS itself does not run here).

    python tests/data/pdf/make_wps_like.py        # needs reportlab (the dev extra)

Every real government PDF tried so far came from WPS 文字 (../shared/corpus/009-hongze-2024.pdf
is one). These files reproduce what its exports do, drawn with reportlab:

- **embedded and CID fonts**: the Chinese text in an embedded TrueType subset (Droid Sans
  Fallback, Debian's fonts-droid-fallback; reportlab embeds TrueType as simple-font subsets,
  not as WPS's CID Identity-H), the label down the side in a Type 0 CID font (reportlab's
  STSong-Light, UniGB-UCS2-V: not embedded, so PDFium spends some 4 ms per file finding a
  font for it), figures and page numbers in Times-Roman;
- **a text object per character** in the tables, headings and title (BT … ET around each
  glyph), a text object per run of one font in the paragraphs;
- **WPS's font size**: text is set at size 200 and scaled down by the text matrix, so that
  PDFium's font size of a character says 200 while it is printed at 10;
- **rules as thin filled rectangles** (0.5 pt), one per cell edge, and the table's outer
  right and bottom edges as stroked line segments;
- **a label down the side in a vertical font** (UniGB-UCS2-V, WPS's Identity-V): 三、本年度
  办理结果 one character per line in its own narrow column, merged over all result rows;
- **labels wrapped over two lines with their figures on a third**: the figures centred
  between the label's lines, so the row has three baselines;
- **baseline jitter**: the figures' baseline moved up or down by up to 0.8 pt, as mixed
  fonts do;
- **a table over a page break without its header again**, merged cells cut by the break
  (their text stays on the first page, the rest of the cell is empty), page numbers
  ``- 3 -`` at the foot;
- ``wps-2021-single-other``: a 2021 report that prints （六）其他处理 as one row (without its
  sub-rows 1.–3.), as real reports do;
- ``wps-2021-borderless``: the first report with its tables printed without rules.

:func:`make_report` draws the tests' usual report with :class:`WpsCase`'s options for the
shapes real reports take (``tests/test_pdf_wps_variants.py``): header rows repeated on each
page, rules stroked / one path / a double border / open sides, the side label wrapped in the
text font, body and table font sizes, a narrower table, a two-line title, other page
numbers, figures and labels printed differently (「—」 for zero, 「1,386」, full-width digits,
「自 然 人」), empty rows, rows cut by a page break, bold printed twice, lines around tables.

The report texts and figures are the tests' own (``make_pdfs.prose``; invented figures).
Beside each PDF: the same report as HTML (``make_pdfs.html``, read by the HTML reader for
comparison) and ``NAME.expected.json``, every table cell as printed.
"""

from __future__ import annotations

import base64
import copy
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pdfs as mp  # noqa: E402

from reportcheck.model.tables import APPLICANT_COLUMNS, FORMATS  # noqa: E402

PAGE_W, PAGE_H = 595.3, 841.9
LEFT, RIGHT, TOP, BOTTOM = 79.0, 516.0, 770.0, 90.0
BIG = 200.0
"""The font size WPS writes; the text matrix scales it to the printed size."""
CJK, CJK_V, LATIN = "DroidSansFallback", "STSong-Light-V", "Times-Roman"
CJK_FILE = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
RULE = 0.5
GREY_JPEG: bytes = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc"
    "KDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QA"
    "tRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0"
    "NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2"
    "t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/APSK/9k="
)
"""A plain grey 8×8 JPEG (Pillow, quality 75): the picture a table is printed as (reportlab
embeds a JPEG as it is, without Pillow)."""
_QUOTES = "“”‘’—–"
"""Set in the Latin font (Droid Sans Fallback has no glyphs for them)."""


@dataclass
class WpsCase:
    case: mp.Case
    single_other: bool = False
    """（六）其他处理 printed as one row (2021 format)."""
    borderless: bool = False
    """Tables printed without rules (the label down the side still in the vertical font)."""
    pictures: tuple[str, ...] = ()
    """Tables (``[表三]`` …) printed as a picture instead (a screenshot pasted in: a plain
    grey image the size of a table, no text)."""
    seal: bool = False
    """A picture over the signature (the agency's seal)."""
    sideways: tuple[int, ...] = ()
    """Pages printed sideways: the page landscape, its content turned a quarter turn
    counter-clockwise in the content stream (its text runs up the page), as some printers
    to PDF print a page laid out landscape."""
    unmapped: bool = False
    """Fonts embedded without their map to Unicode (``/ToUnicode``), as some print-to-PDF
    drivers write them: the Chinese text cannot be decoded from the text layer (the glyphs
    print right)."""
    repeat_header: bool = False
    """The header rows of 表三 and 表四 printed again at the top of every page the table
    runs onto (WPS's 标题行重复)."""
    rules: str = "rects"
    """How the tables' rules are drawn: ``rects`` (a thin filled rectangle per cell edge,
    the outer right and bottom edges stroked), ``strokes`` (every edge a stroked line),
    ``path`` (all of a table part's edges one stroked path), ``double`` (the outer border
    a double line), ``open`` (no outer left and right edges)."""
    side_label: str = "vertical"
    """三、本年度办理结果 down the side: ``vertical`` (a vertical font) or ``stacked`` (the
    text font, one character per line: the narrow column wraps it)."""
    body_size: float = 14.0
    """The paragraphs' font size (headings a point larger)."""
    table_size: float | None = None
    """The tables' font size, labels and figures alike (default: labels 9, figures 11)."""
    table_width: float = 1.0
    """The tables' width as a share of the text's, centred."""
    footer: str = "- {} -"
    """The page number at the foot of each page."""
    title_break: bool = False
    """The title on two lines: the agency, then the rest."""
    figure_text: Callable[[str], str] | None = None
    """How each table figure is printed (its text as the case gives it → as printed):
    zero as 「—」, thousands separators, full-width digits."""
    label_text: Callable[[str], str] | None = None
    """How each table label and header is printed (letter-spaced 「自 然 人」 …)."""
    fake_bold: bool = False
    """Headings, the tables' header cells and 总计 labels in a bold made by printing each
    character twice, a little apart (as some exports do for a font without a bold face:
    each character is in the text layer twice)."""
    before_table: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Lines printed just above a table (``[表三]`` → 「单位：件」 right-aligned, a caption)."""
    after_table: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Lines printed just below a table (a note: 「注：…」)."""
    split_rows: bool = False
    """A row of wrapped labels that does not fit at the foot of a page is cut by the page
    break (WPS's and Word's 允许跨页断行, on by default): its figures and the label lines
    that fit on the page, the rest of its labels at the top of the next."""
    blank_rows: bool = False
    """An empty row (ruled, nothing in it) at the end of 表二 and inside 表三 after its
    header, as left in a table by hand."""


def _apps(parts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return mp.applications("2021", parts)


APPS_A = _apps(
    {
        "new_received": {"natural_person": 84, "commercial": 6, "research": 2, "other": 1},
        "carried_over": {"natural_person": 3},
        "granted": {"natural_person": 41, "commercial": 3},
        "partial": {"natural_person": 8, "research": 1},
        "denied_3": {"natural_person": 2},
        "denied_7": {"natural_person": 1},
        "unable_1": {"natural_person": 19, "commercial": 2},
        "unable_2": {"natural_person": 3},
        "not_processed_2": {"natural_person": 2},
        "not_processed_4": {"natural_person": 1, "other": 1},
        "other_1": {"natural_person": 2},
        "other_2": {"natural_person": 1},
        "other_3": {"natural_person": 3, "research": 1},
    }
)
APPS_B = _apps(
    {
        "new_received": {"natural_person": 131, "commercial": 12, "legal_services": 3},
        "carried_over": {"natural_person": 4, "commercial": 1},
        "granted": {"natural_person": 70, "commercial": 7, "legal_services": 2},
        "partial": {"natural_person": 11},
        "denied_1": {"natural_person": 1},
        "denied_6": {"natural_person": 2, "commercial": 1},
        "unable_1": {"natural_person": 26, "commercial": 3},
        "unable_3": {"natural_person": 2},
        "not_processed_1": {"natural_person": 5},
        "not_processed_5": {"natural_person": 1},
        "other_2": {"natural_person": 6, "commercial": 1, "legal_services": 1},
    }
)
T2_A = {
    "regulations": {"made": "0", "repealed": "0", "in_force": "0"},
    "normative_documents": {"made": "5", "repealed": "2", "in_force": "17"},
    "administrative_licensing": {"decisions": "6218"},
    "administrative_penalty": {"decisions": "1903"},
    "administrative_coercion": {"decisions": "57"},
    "administrative_fees": {"amount": "4312"},
}
T4_A = mp.review(
    {
        "review": {"upheld": 2, "corrected": 1},
        "litigation_direct": {"upheld": 1, "pending": 1},
        "litigation_after_review": {"upheld": 1, "other": 1},
    }
)

CASES = [
    WpsCase(
        mp.Case("wps-2021-clean", "2021", 2024, "云溪区人民政府", "2025年1月22日", T2_A,
                APPS_A, T4_A, "wps", breaks_before_t3=1)
    ),
    WpsCase(
        mp.Case("wps-2021-single-other", "2021", 2024, "柳川县人民政府", "2025年1月16日",
                T2_A, APPS_B, T4_A, "wps", breaks_before_t3=2),
        single_other=True,
    ),
    WpsCase(
        mp.Case("wps-2021-borderless", "2021", 2024, "云溪区人民政府", "2025年1月22日", T2_A,
                APPS_A, T4_A, "wps", breaks_before_t3=1, borderless=True),
        borderless=True,
    ),
]  # fmt: skip


# ------------------------------------------------------------------ 表三 as WPS users print it


def table3(case: mp.Case, single_other: bool) -> mp.TLayout:
    """表三 as :func:`make_pdfs.table3` lays it out, or with （六）其他处理 as one row."""
    layout = mp.table3(case)
    if not single_other:
        return layout
    t3 = FORMATS[case.version].table("applications")
    index = {r.id: i for i, r in enumerate(t3.rows, 3)}
    first, last = index["other_1"], index["other_3"]
    gone = last - first  # rows removed (three become one)
    vals = case.values()["applications"]
    cells: list[mp.TCell] = []
    for c in layout.cells:
        if first <= c.row <= last and c.rowspan == 1:
            continue  # the sub-rows, and their figures
        if c.row == first and c.text == "（六）其他处理":
            continue  # the group label over them
        if c.row > last:
            c = replace(c, row=c.row - gone)
        elif c.row < first <= c.row + c.rowspan - 1:
            c = replace(c, rowspan=c.rowspan - gone)  # 三、本年度办理结果 down the side
        cells.append(c)
    cells.append(mp.TCell("（六）其他处理", first, 1, colspan=2, align="left"))
    for j, col in enumerate(APPLICANT_COLUMNS, 3):
        total = sum(int(vals[f"other_{k}"][col.id] or 0) for k in (1, 2, 3))
        cells.append(mp.TCell(str(total), first, j))
    return replace(layout, rows=layout.rows - gone, cells=cells)


def expected(wcase: WpsCase) -> dict[str, object]:
    values = wcase.case.values()
    if wcase.figure_text is not None:
        printed = wcase.figure_text
        for rows in values.values():
            for cells in rows.values():
                for col, text in cells.items():
                    cells[col] = printed(text)
    if wcase.single_other:  # read as the 2019 format's one row
        apps = values["applications"]
        parts = [apps.pop(f"other_{k}") for k in (1, 2, 3)]
        apps["other"] = {c: str(sum(int(p[c] or 0) for p in parts)) for c in parts[0]}
    return {
        "version": wcase.case.version,
        "year": wcase.case.year,
        "agency": wcase.case.agency,
        "tables": values,
    }


def restyle(wcase: WpsCase, marker: str, layout: mp.TLayout) -> mp.TLayout:
    """A table's layout as ``wcase`` prints it: figures and labels through its
    ``figure_text`` and ``label_text``, an empty row where ``blank_rows`` puts one."""
    figure_rows = {"[表二]": 0, "[表三]": 3, "[表四]": 3}[marker]
    figure_cols = {"[表二]": 1, "[表三]": 3, "[表四]": 0}[marker]
    cells: list[mp.TCell] = []
    for c in layout.cells:
        value = not c.header and c.row >= figure_rows and c.col >= figure_cols
        change = wcase.figure_text if value else wcase.label_text
        cells.append(replace(c, text=change(c.text)) if change and c.text else c)
    layout = replace(layout, cells=cells)
    if wcase.blank_rows and marker in ("[表二]", "[表三]"):
        at = layout.rows if marker == "[表二]" else layout.header_rows
        moved = []
        for c in layout.cells:
            if c.row >= at:
                c = replace(c, row=c.row + 1)
            elif c.row + c.rowspan > at:
                c = replace(c, rowspan=c.rowspan + 1)
            moved.append(c)
        moved.extend(mp.TCell("", at, j) for j in range(layout.cols))
        layout = replace(layout, rows=layout.rows + 1, cells=moved)
    return layout


# ------------------------------------------------------------------ drawing


class Pdf:
    """A reportlab canvas written to the way WPS writes its pages."""

    def __init__(self, path: Path, title: str, ruled: bool = True) -> None:
        from reportlab.pdfgen import canvas

        self.c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("tests")
        self.c.setCreator("WPS-like (tests/data/pdf/make_wps_like.py)")
        self.page = 1
        self.y = TOP
        self.jitter = 0
        self.ruled = ruled
        self.rules = "rects"
        self.pending: list[tuple[float, float, float, float]] = []
        """Rules waiting to be drawn as one path (``rules == "path"``)."""
        self.side_label = "vertical"
        self.body_size = 14.0
        self.label_size, self.figure_size = LABEL, FIGURE
        self.table_width = 1.0
        self.footer_text = "- {} -"
        self.bold = False
        """Text printed twice, a little apart (a bold made so: see ``fake_bold``)."""
        self.fake_bold = False

    # --- glyphs

    @staticmethod
    def font(ch: str) -> str:
        return LATIN if ord(ch) < 0x2000 or ch in _QUOTES else CJK

    @staticmethod
    def width(ch: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(ch, LATIN, size) if Pdf.font(ch) == LATIN else size

    def text_width(self, text: str, size: float) -> float:
        return sum(self.width(ch, size) for ch in text)

    def _object(self, text: str, font: str, x: float, y: float, size: float) -> None:
        """One text object (BT … ET): the font at WPS's size, scaled by the matrix."""
        t = self.c.beginText()
        t.setFont(font, BIG)
        k = size / BIG
        t.setTextTransform(k, 0, 0, k, x, y)
        t.textOut(text)
        self.c.drawText(t)
        if self.bold:  # a bold made by printing the text again a little to the right
            self._bold_again(text, font, x, y, size)

    def _bold_again(self, text: str, font: str, x: float, y: float, size: float) -> None:
        self.bold = False
        try:
            self._object(text, font, x + size * 0.04, y, size)
        finally:
            self.bold = True

    def _shift(self, ch: str) -> float:
        """The figures' baseline jitter: -0.8 … +0.8 pt, the same each run."""
        if not ch.isdigit():
            return 0.0
        self.jitter = (self.jitter + 3) % 5
        return (self.jitter - 2) * 0.4

    def chars(self, text: str, x: float, y: float, size: float) -> float:
        """A text object per character (tables, headings, title); returns the end x."""
        for ch in text:
            if ch != " ":
                self._object(ch, self.font(ch), x, y + self._shift(ch), size)
            x += self.width(ch, size)
        return x

    def runs(self, text: str, x: float, y: float, size: float) -> float:
        """A text object per run of one font (paragraphs)."""
        start = 0
        while start < len(text):
            font = self.font(text[start])
            end = start
            while end < len(text) and self.font(text[end]) == font:
                end += 1
            run = text[start:end]
            dy = self._shift(run[0]) if font == LATIN else 0.0
            self._object(run, font, x, y + dy, size)
            x += self.text_width(run, size)
            start = end
        return x

    def vertical(self, text: str, x_mid: float, y_top: float, size: float) -> None:
        """A label set in the vertical font, one character under the other, each its own
        text object (the glyph hangs from its origin, centred on it)."""
        for i, ch in enumerate(text):
            self._object(ch, CJK_V, x_mid, y_top - i * size * 1.05, size)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A rule as a thin filled rectangle (or as :attr:`rules` says)."""
        if not self.ruled:
            return
        if self.rules in ("strokes", "path"):
            w, h = max(x1 - x0, RULE), max(y1 - y0, RULE)
            if w >= h:
                self.line(x0, y0 + h / 2, x0 + w, y0 + h / 2)
            else:
                self.line(x0 + w / 2, y0, x0 + w / 2, y0 + h)
            return
        self.c.rect(x0, y0, max(x1 - x0, RULE), max(y1 - y0, RULE), stroke=0, fill=1)

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if not self.ruled:
            return
        if self.rules == "path":
            self.pending.append((x0, y0, x1, y1))
            return
        self.c.setLineWidth(RULE)
        self.c.line(x0, y0, x1, y1)

    def flush(self) -> None:
        """The rules waiting (``rules == "path"``) drawn as one stroked path."""
        if not self.pending:
            return
        path = self.c.beginPath()
        for x0, y0, x1, y1 in self.pending:
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        self.c.setLineWidth(RULE)
        self.c.drawPath(path, stroke=1, fill=0)
        self.pending = []

    # --- pages and flow

    sideways: tuple[int, ...] = ()

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = TOP
        self._turn()

    def _turn(self) -> None:
        """A page printed sideways: landscape, the portrait content turned onto it."""
        if self.page in self.sideways:
            self.c.setPageSize((PAGE_H, PAGE_W))
            self.c.translate(PAGE_H, 0)
            self.c.rotate(90)
        else:
            self.c.setPageSize((PAGE_W, PAGE_H))

    def footer(self) -> None:
        text = self.footer_text.format(self.page)
        size = 10.5
        self.chars(text, (LEFT + RIGHT) / 2 - self.text_width(text, size) / 2, 52, size)

    def room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def centred(self, text: str, size: float) -> None:
        lines = [ln for part in text.split("\n") for ln in _wrap(self, part, size, RIGHT - LEFT)]
        for line in lines:
            self.room(size * 1.6)
            self.y -= size * 1.6
            w = self.text_width(line, size)
            self.chars(line, (LEFT + RIGHT - w) / 2, self.y, size)
        self.y -= size * 0.6

    def heading(self, text: str, size: float | None = None) -> None:
        size = self.body_size + 1 if size is None else size
        self.room(size * 2)
        self.y -= size * 1.9
        self.bold = self.fake_bold
        self.chars(text, LEFT + 2 * size, self.y, size)
        self.bold = False

    def paragraph(
        self, text: str, size: float | None = None, indent: bool = True, right: bool = False
    ) -> None:
        size = self.body_size if size is None else size
        first = 2 * size if indent else 0.0
        lines = _wrap(self, text, size, RIGHT - LEFT, first)
        for i, line in enumerate(lines):
            self.room(size * 1.75)
            self.y -= size * 1.75
            if right:
                x = RIGHT - self.text_width(line, size) - 2 * size
            else:
                x = LEFT + (first if i == 0 else 0.0)
            self.runs(line, x, self.y, size)

    def picture(self, w: float, h: float, x: float = LEFT, advance: bool = True) -> None:
        """An image ``w`` by ``h`` points at ``x`` below the current line (``advance``:
        the text goes on below it; else text is printed over it, as over a seal)."""
        from reportlab.lib.utils import ImageReader

        self.room(h + 10)
        top = self.y - 6
        self.c.drawImage(ImageReader(io.BytesIO(GREY_JPEG)), x, top - h, w, h)
        if advance:
            self.y = top - h - 6

    def save(self) -> None:
        self.footer()
        self.c.showPage()
        self.c.save()


_NO_LINE_START = set("。，、；：？！）》”’")
"""Punctuation that never starts a line (it hangs over the margin instead, as in WPS)."""


def _wrap(pdf: Pdf, text: str, size: float, width: float, first: float = 0.0) -> list[str]:
    """Lines of at most ``width`` (the first one ``first`` narrower); a run of digits or
    Latin letters is not broken, closing punctuation is not put at the start of a line."""
    lines: list[str] = []
    line, used, limit = "", 0.0, width - first
    i = 0
    while i < len(text):
        j = i + 1
        if ord(text[i]) < 0x2000:
            while j < len(text) and ord(text[j]) < 0x2000 and text[j] != " ":
                j += 1
        piece = text[i:j]
        w = pdf.text_width(piece, size)
        if line and used + w > limit + 0.01 and piece not in _NO_LINE_START:
            lines.append(line)
            line, used, limit = "", 0.0, width
        line += piece
        used += w
        i = j
    if line:
        lines.append(line)
    return lines


# ------------------------------------------------------------------ tables


LABEL, FIGURE, PAD, LEAD = 9.0, 11.0, 2.5, 1.3


def _is_figure(text: str) -> bool:
    return bool(text) and all(ord(ch) < 0x2000 for ch in text)


def _cell_lines(pdf: Pdf, cell: mp.TCell, width: float) -> list[str]:
    size = pdf.figure_size if _is_figure(cell.text) else pdf.label_size
    return _wrap(pdf, cell.text, size, width - 2 * PAD) if cell.text else []


def draw_table(
    pdf: Pdf,
    t: mp.TLayout,
    vertical_label: bool,
    repeat_header: bool = False,
    split_rows: bool = False,
) -> None:
    """Row heights from the wrapped text; rows placed down the page, a new page where a
    row does not fit (no header printed again, as WPS does by default; ``repeat_header``:
    the layout's header rows printed again at the top of each page it runs onto;
    ``split_rows``: a row of wrapped labels that does not fit is cut by the page break, as
    WPS and Word allow by default (允许跨页断行): the lines that fit and the row's figures
    stay on the page, the rest of its labels go on at the top of the next one)."""
    total = sum(t.widths)
    width = (RIGHT - LEFT) * pdf.table_width
    xs = [LEFT + (RIGHT - LEFT - width) / 2]
    for w in t.widths:
        xs.append(xs[-1] + width * w / total)
    forced: dict[int, float] = {}
    """Rows cut by a page break: the height of their part on the first page."""
    head = t.header_rows if repeat_header else 0
    while True:
        heights = _heights(pdf, t, xs, vertical_label)
        for r, h in forced.items():
            heights[r] = h
        # the rows on each page: where each row's top stands
        tops: list[tuple[int, float]] = []  # (page, y of the row's top)
        page, y = pdf.page, pdf.y - 6
        parts: list[list[int]] = [[]]
        cut: tuple[int, int, float] | None = None
        for r in range(t.rows):
            if y - heights[r] < BOTTOM and parts[-1]:
                if split_rows and r not in forced and r >= t.header_rows:
                    k = _lines_that_fit(pdf, t, xs, r, y - BOTTOM)
                    if k:
                        cut = (r, k, y - BOTTOM)
                        break
                page, y = page + 1, TOP - sum(heights[:head])
                parts.append([])
            tops.append((page, y))
            parts[-1].append(r)
            y -= heights[r]
        if cut is None:
            break
        r, k, room = cut
        t = _cut_row(pdf, t, xs, r, k)
        forced = {(i + 1 if i > r else i): h for i, h in forced.items()}
        forced[r] = room
    for k, rows in enumerate(parts):
        if k:
            pdf.new_page()
            if head and rows[0] >= head:  # the header again, above this page's rows
                again = list(tops)
                y_head = TOP
                for r in range(head):
                    again[r] = (pdf.page, y_head)
                    y_head -= heights[r]
                _draw_part(pdf, t, xs, heights, again, list(range(head)), vertical_label)
        _draw_part(pdf, t, xs, heights, tops, rows, vertical_label)
    pdf.y = y - 4


def _heights(pdf: Pdf, t: mp.TLayout, xs: list[float], vertical_label: bool) -> list[float]:
    heights = [0.0] * t.rows
    for c in t.cells:
        if c.rowspan == 1:
            lines = _cell_lines(pdf, c, xs[c.col + c.colspan] - xs[c.col])
            size = pdf.figure_size if _is_figure(c.text) else pdf.label_size
            heights[c.row] = max(heights[c.row], len(lines) * size * LEAD + 2 * PAD + 4, 19.0)
    for c in t.cells:  # a merged cell down the side needs its rows to hold its lines
        if c.rowspan > 1 and not (vertical_label and c.col == 0 and c.rowspan > 4):
            lines = _cell_lines(pdf, c, xs[c.col + c.colspan] - xs[c.col])
            need = len(lines) * pdf.label_size * LEAD + 2 * PAD + 4
            have = sum(heights[c.row : c.row + c.rowspan])
            if need > have:
                heights[c.row + c.rowspan - 1] += need - have
    return heights


def _lines_that_fit(pdf: Pdf, t: mp.TLayout, xs: list[float], r: int, room: float) -> int:
    """How many lines of row ``r``'s wrapped labels fit in ``room`` (0: the row is not cut:
    no label of it over two lines or more, or not one line fits)."""
    most = max(
        (
            len(_cell_lines(pdf, c, xs[c.col + c.colspan] - xs[c.col]))
            for c in t.cells
            if c.row == r and c.rowspan == 1 and not _is_figure(c.text)
        ),
        default=0,
    )
    fit = int((room - 2 * PAD - 4) // (pdf.label_size * LEAD))
    return fit if most >= 2 and 1 <= fit < most else 0


def _cut_row(pdf: Pdf, t: mp.TLayout, xs: list[float], r: int, k: int) -> mp.TLayout:
    """The layout with row ``r`` cut in two after ``k`` lines of its labels: its figures
    in the first part, the rest of its labels in the second (a row of its own below)."""
    cells: list[mp.TCell] = []
    for c in t.cells:
        if c.row > r:
            cells.append(replace(c, row=c.row + 1))
        elif c.row + c.rowspan > r and c.rowspan > 1:
            cells.append(replace(c, rowspan=c.rowspan + 1))
        elif c.row == r:
            lines = _cell_lines(pdf, c, xs[c.col + c.colspan] - xs[c.col])
            if _is_figure(c.text) or len(lines) <= k:
                cells.append(c)
                cells.append(replace(c, text="", row=r + 1))
            else:
                cells.append(replace(c, text="".join(lines[:k])))
                cells.append(replace(c, text="".join(lines[k:]), row=r + 1))
        else:
            cells.append(c)
    return replace(t, rows=t.rows + 1, cells=cells)


def _draw_part(
    pdf: Pdf,
    t: mp.TLayout,
    xs: list[float],
    heights: list[float],
    tops: list[tuple[int, float]],
    rows: list[int],
    vertical_label: bool,
) -> None:
    first, last = rows[0], rows[-1]
    top = tops[first][1]
    bottom = tops[last][1] - heights[last]
    for c in t.cells:
        r1, r2 = c.row, c.row + c.rowspan - 1
        if r2 < first or r1 > last:
            continue
        a, b = max(r1, first), min(r2, last)
        y0 = tops[a][1]
        y1 = tops[b][1] - heights[b]
        x0, x1 = xs[c.col], xs[c.col + c.colspan]
        pdf.rule(x0, y0 - RULE, x1, y0)  # top edge
        if not (pdf.rules == "open" and c.col == 0):
            pdf.rule(x0, y1, x0 + RULE, y0)  # left edge
        if _text_part(c, tops) == (a, b):  # the other parts of a cut cell: empty
            _cell_text(pdf, c, x0, y0, x1, y1, vertical_label)
    if pdf.rules != "open":
        pdf.line(xs[-1], bottom, xs[-1], top)
    pdf.line(xs[0], bottom, xs[-1], bottom)
    if pdf.rules == "double":  # the outer border doubled, 1.5 pt outside
        d = 1.5
        pdf.rule(xs[0] - d, top + d - RULE, xs[-1] + d, top + d)
        pdf.rule(xs[0] - d, bottom - d, xs[-1] + d, bottom - d + RULE)
        pdf.rule(xs[0] - d, bottom - d, xs[0] - d + RULE, top + d)
        pdf.rule(xs[-1] + d - RULE, bottom - d, xs[-1] + d, top + d)
    pdf.flush()


def _text_part(c: mp.TCell, tops: list[tuple[int, float]]) -> tuple[int, int]:
    """The rows of the part of a cell that holds its text: the part with the most rows
    where a page break cuts the cell (the first of them on a tie)."""
    parts: dict[int, list[int]] = {}
    for r in range(c.row, c.row + c.rowspan):
        parts.setdefault(tops[r][0], []).append(r)
    rows = max(parts.values(), key=len)
    return rows[0], rows[-1]


def _cell_text(
    pdf: Pdf, c: mp.TCell, x0: float, y0: float, x1: float, y1: float, vertical_label: bool
) -> None:
    if not c.text:
        return
    if vertical_label and c.col == 0 and c.rowspan > 4:
        # one character under the other, smaller where the part of the cell on this page
        # is short
        size = min(pdf.label_size + 1, (y0 - y1 - 2 * PAD) / (len(c.text) * 1.05))
        height = len(c.text) * size * 1.05
        if pdf.side_label == "stacked":  # the text font, one character per line
            size = min(pdf.label_size, (y0 - y1 - 2 * PAD) / (len(c.text) * LEAD))
            y = (y0 + y1) / 2 + len(c.text) * size * LEAD / 2
            for ch in c.text:
                y -= size * LEAD
                pdf.chars(ch, (x0 + x1 - pdf.width(ch, size)) / 2, y + size * 0.25, size)
            return
        pdf.vertical(c.text, (x0 + x1) / 2, (y0 + y1) / 2 + height / 2, size)
        return
    pdf.bold = pdf.fake_bold and (c.header or c.text.endswith("总计"))
    figure = _is_figure(c.text)
    size = pdf.figure_size if figure else pdf.label_size
    lines = _cell_lines(pdf, c, x1 - x0)
    block = len(lines) * size * LEAD
    y = (y0 + y1) / 2 + block / 2  # the lines centred in the cell
    for line in lines:
        y -= size * LEAD
        w = pdf.text_width(line, size)
        x = x0 + PAD if c.align == "left" else (x0 + x1 - w) / 2
        pdf.chars(line, x, y + size * 0.25, size)
    pdf.bold = False


# ------------------------------------------------------------------ a report


def make(wcase: WpsCase, out: Path = HERE) -> None:
    """Write ``NAME.pdf``, ``NAME.html`` and ``NAME.expected.json`` into ``out``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(CJK, str(CJK_FILE)))
    vertical = UnicodeCIDFont("STSong-Light", isVertical=True)
    vertical.name = vertical.fontName = CJK_V
    pdfmetrics.registerFont(vertical)

    case = wcase.case
    tables = {
        "[表二]": lambda: mp.table2(case),
        "[表三]": lambda: table3(case, wcase.single_other),
        "[表四]": lambda: mp.table4(case),
    }
    title = f"{case.agency}{case.year}年政府信息公开工作年度报告"
    pdf = Pdf(out / f"{case.name}.pdf", title, ruled=not wcase.borderless)
    pdf.sideways = wcase.sideways
    pdf.rules, pdf.side_label, pdf.footer_text = wcase.rules, wcase.side_label, wcase.footer
    pdf.body_size, pdf.table_width = wcase.body_size, wcase.table_width
    if wcase.table_size is not None:
        pdf.label_size = pdf.figure_size = wcase.table_size
    pdf._turn()
    pdf.centred(
        title.replace(case.agency, case.agency + "\n", 1) if wcase.title_break else title, 20
    )
    pdf.fake_bold = wcase.fake_bold
    for heading, paras in mp.prose(case):
        pdf.heading(heading)
        for para in paras:
            for text in wcase.before_table.get(para, ()):
                pdf.paragraph(text, indent=False, right=text.startswith("单位"))
            if para in wcase.pictures:
                w, h = _jpeg_size()
                pdf.picture(RIGHT - LEFT, min(h / w * (RIGHT - LEFT), TOP - BOTTOM - 20))
            elif para in tables:
                layout = restyle(wcase, para, tables[para]())
                draw_table(pdf, layout, para == "[表三]", wcase.repeat_header, wcase.split_rows)
            else:
                pdf.paragraph(para)
            for text in wcase.after_table.get(para, ()):
                pdf.paragraph(text, indent=False)
    pdf.y -= 20
    if wcase.seal:
        pdf.picture(120.0, 120.0, x=RIGHT - 160.0, advance=False)
    for line in (case.agency, case.signed):
        pdf.paragraph(line, indent=False, right=True)
    pdf.save()
    if wcase.unmapped:  # the key renamed in place: the byte offsets stay right
        path = out / f"{case.name}.pdf"
        path.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))

    saved = dict(mp._TABLES)
    mp._TABLES["[表三]"] = lambda c: table3(c, wcase.single_other)
    try:
        (out / f"{case.name}.html").write_text(mp.html(case), encoding="utf-8")
    finally:
        mp._TABLES.clear()
        mp._TABLES.update(saved)
    (out / f"{case.name}.expected.json").write_text(
        json.dumps(expected(wcase), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{case.name}.pdf")


def _jpeg_size() -> tuple[int, int]:
    """The pixel size of the picture a table is printed as (:data:`GREY_JPEG`; a test may
    put a real picture of a table there)."""
    from reportlab.lib.utils import ImageReader

    w, h = ImageReader(io.BytesIO(GREY_JPEG)).getSize()
    return int(w), int(h)


def make_report(name: str, out: Path, **options: Any) -> Path:
    """The tests' usual report (``lo-2021-clean``'s text and figures) drawn the WPS way as
    ``NAME.pdf`` in ``out``, with ``options`` (:class:`WpsCase`'s fields); its path."""
    case = copy.copy(next(c for c in mp.CASES if c.name == "lo-2021-clean"))
    case.name = name
    make(WpsCase(case, **options), out)
    return out / f"{name}.pdf"


def main(only: list[str]) -> None:
    for wcase in CASES:
        if not only or wcase.case.name in only:
            make(wcase)


if __name__ == "__main__":
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit(__doc__)
    main(sys.argv[1:])
