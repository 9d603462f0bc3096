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

import gc
from collections.abc import Callable

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Report
from reportcheck.model.sections import pictures_in_place
from reportcheck.model.tables import TABLE_IDS
from reportcheck.readers import OCR_INSTALL
from reportcheck.readers.pdf.page import _Page
from reportcheck.readers.pdf.pdfium import _open, _pages
from reportcheck.readers.pdf.report import report_of_pages

# ------------------------------------------------------------------ the reader


Recognise = Callable[[list[_Page]], Report]
"""What reads the pages of a PDF that has scanned pages (the OCR reader, when installed)."""


def read(
    path: str, data: bytes, kind: str, settings: Settings, recognise: Recognise | None = None
) -> Report:
    """Read a PDF report (``kind`` is ``"pdf"``). Pages without text but with images are
    scanned pages: given ``recognise`` (:mod:`reportcheck.api` passes the OCR reader when
    the extra is installed), the pages go to it.

    The cyclic garbage collector waits while it reads: a page makes thousands of small
    objects that all live until the report is built, and its passes over them cost a
    twentieth of the read (``benchmarks/bench_pdf.py``). Their few cycles (a character and
    its cell) are collected afterwards as usual."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(path, data, kind, settings, recognise)
    finally:
        if collecting:
            gc.enable()


def _read(
    path: str, data: bytes, kind: str, settings: Settings, recognise: Recognise | None
) -> Report:
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
    if recognise is not None and any(p.unread for p in pages):
        return recognise(pages)  # scanned pages, text not decodable or drawn as outlines
    if not any(p.chars for p in pages) and any(p.unread == "undecodable_pages" for p in pages):
        raise InputError(
            path,
            "PDF 的文字无法解码（字体没有到 Unicode 的映射，常见于某些“打印为 PDF”）：请从原文件"
            f"重新导出 PDF，或先进行文字识别（OCR），或安装识别功能：{OCR_INSTALL}",
            "the PDF's text cannot be decoded (its fonts carry no map to Unicode, as some "
            "'print to PDF' drivers write them): export the PDF again from the original, or "
            f"run OCR on it first, or install the recognition extra: {OCR_INSTALL}",
        )
    if not any(p.chars or p.images for p in pages) and any(
        p.unread == "outlined_pages" for p in pages
    ):
        raise InputError(
            path,
            "PDF 的文字已转为曲线（“文字转曲”，没有文字层）：请从原文件重新导出 PDF（不转曲），"
            f"或先进行文字识别（OCR），或安装识别功能：{OCR_INSTALL}",
            "the PDF's text is drawn as outlines (no text layer): export the PDF again from "
            f"the original without outlining the text, or run OCR on it first, or install the "
            f"recognition extra: {OCR_INSTALL}",
        )
    if not any(p.chars for p in pages):
        raise InputError(
            path,
            f"PDF 没有文字层（扫描件），请先进行文字识别（OCR），或安装识别功能：{OCR_INSTALL}",
            "the PDF has no text layer (a scan): run text recognition (OCR) on it first, "
            f"or install the recognition extra: {OCR_INSTALL}",
        )
    report = report_of_pages(path, kind, pages, settings)
    if recognise is None:
        return report
    pictured = _table_pictures(report)
    if not pictured:
        return report
    # a table missing from the text stands as a picture on a page: that page is read from
    # its image (the rest from the text layer); kept when it gives a table the text did not
    doc = _open(path, data)
    try:
        again = _pages(path, doc)
    finally:
        doc.close()
    for page in again:
        if page.number in pictured:
            page.chars, page.recognise = [], True
    second = recognise(again)
    if any(t in second.tables and t not in report.tables for t in TABLE_IDS):
        return second
    return report


def _table_pictures(report: Report) -> set[int]:
    """The pages of the pictures standing where tables missing from the text belong."""
    return {p for picture in pictures_in_place(report) if (p := picture.location.page)}
