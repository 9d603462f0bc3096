"""The text reader: the lines of a report into blocks (paragraphs and tables)."""

from __future__ import annotations

import re

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model.report import Location, Report
from reportcheck.readers import glued
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block, build_report
from reportcheck.readers.text.decode import decode
from reportcheck.readers.text.lines import (
    LINE_BREAK,
    MAX_LINE,
    MAX_LINES,
    Piece,
    TextCell,
    is_loose,
    split_pieces,
    unboxed,
)
from reportcheck.readers.text.prose_split import resolve
from reportcheck.readers.text.repair import Repairs, Unresolved
from reportcheck.readers.text.version import detect_version

_LONE_FIGURE = re.compile(r"^\s*\d{1,6}\s*$")
"""A line holding one figure and nothing else, inside a table torn apart by extraction."""

LOOSE_GAP = 12
"""Loose lines (torn labels, blank lines) a table may span between two of its rows."""


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a plain-text or Markdown report (``kind`` is ``text`` or ``markdown``)."""
    breaks = max(data.count(b"\n"), data.count(b"\r"))
    if breaks > MAX_LINES:  # before any work on them (UTF-16 counts a little high: harmless)
        raise InputError(
            path,
            f"文本有 {breaks} 行以上（上限 {MAX_LINES}），不像年报",
            f"the text has more than {breaks} lines (limit {MAX_LINES}): not a report",
        )
    longest, where = _longest_line(data)
    if longest > 4 * MAX_LINE:  # before decoding it: no character takes more than 4 bytes
        raise InputError(
            path,
            f"第 {where} 行超过 {MAX_LINE} 个字符（上限 {MAX_LINE}；该行 {longest:,} 字节），不像年报",
            f"line {where} has over {MAX_LINE} characters (limit {MAX_LINE}; it has {longest:,} "
            "bytes): not a report",
        )
    text = unboxed("\n".join(LINE_BREAK.split(decode(path, data))))
    chunks = html_tables(text)
    if chunks:  # Markdown from a PDF converter that writes its tables as HTML
        text = _blanked(text, chunks)
    version = detect_version(text, settings)
    reader = TextReader(text, version)
    blocks, findings = reader.blocks()
    if chunks:
        blocks = sorted(blocks + _table_blocks(reader, chunks), key=_offset)
    report = build_report(path, kind, blocks, settings, text)
    if not report.tables and not report.sections and report.metadata.year is None:
        raise InputError(
            path,
            "不是政府信息公开工作年度报告：没有找到表格、章节标题或报告标题",
            "not an annual report: no table, section heading or report title was found",
        )
    report.findings.extend(findings)
    if reader.unresolved:
        resolve(report, reader.unresolved, reader.location)
    return report


_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)


def html_tables(text: str) -> list[tuple[int, int, str]]:
    """The HTML tables written inside a Markdown or text report — (start, end, markup) of
    each outermost ``<table>…</table>``, in order (what PDF-to-Markdown converters such as
    MinerU and pandoc write for a table with merged cells). A table left open runs to the
    end of the text."""
    if "<table" not in text and "<TABLE" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    depth = 0
    start = 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((start, m.end(), text[start : m.end()]))
    if depth:
        out.append((start, len(text), text[start:]))
    return out


def _blanked(text: str, chunks: list[tuple[int, int, str]]) -> str:
    """The text with each HTML table made blank (its line breaks kept: every offset and line
    number stays), for the text reader and the prose rules, which never see its markup."""
    parts: list[str] = []
    last = 0
    for start, end, markup in chunks:
        parts.append(text[last:start])
        parts.append(re.sub(r"[^\n]", " ", markup))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _offset(block: Block) -> int:
    return block.offset or 0


def _table_blocks(reader: TextReader, chunks: list[tuple[int, int, str]]) -> list[Block]:
    """Each HTML table as the HTML reader reads it (merged cells expanded into a true grid),
    its places the table's (``table 2, row 6, col 4``, numbered through the text) on the
    line of the text where the row stands."""
    from reportcheck.readers import html  # only for a text holding HTML tables

    out: list[Block] = []
    tables = 0
    for offset, _, markup in chunks:
        first_line = reader.line_of(offset)
        count = 0
        for i, block in enumerate(html.blocks(markup)):
            if block.grid is not None:
                count = max(count, _renumber(block.grid, tables, first_line))
            where = _moved(block.location, tables, first_line)
            out.append(Block(block.text, where, block.grid, offset + i, block.parts))
        tables += count
    return out


_TABLE_ADDRESS = re.compile(r"^table (\d+)")


def _moved(where: Location, tables: int, first_line: int) -> Location:
    """A place in one HTML table as a place in the text: its table numbered after the
    tables before it, its line counted from the text's start."""
    address = _TABLE_ADDRESS.sub(lambda m: f"table {int(m.group(1)) + tables}", where.address)
    return Location(address, first_line + (where.line or 1) - 1)


def _renumber(grid: Grid, tables: int, first_line: int) -> int:
    """Move the grid's cells' places into the text (:func:`_moved`); the highest table
    number the grid's cells name, before moving."""
    highest = 0
    for cell in grid.cells.values():
        m = _TABLE_ADDRESS.match(cell.location.address)
        if m:
            highest = max(highest, int(m.group(1)))
        cell.location = _moved(cell.location, tables, first_line)
    return highest


def _longest_line(data: bytes) -> tuple[int, int]:
    """(bytes, 1-based number) of the longest line of ``data`` (issue 21: a 50 MB line of
    digits took 11 s and 1.7 GB on its way to the line limit), without copying a line."""
    longest = where = 0
    start = 0
    number = 1
    while True:
        end = data.find(b"\n", start)
        stop = len(data) if end < 0 else end
        if stop - start > longest:
            longest, where = stop - start, number
        if end < 0:
            return longest, where
        start = end + 1
        number += 1


class TextReader(Repairs):
    """Turns the text of a report into blocks (paragraphs and tables) and findings."""

    def __init__(self, text: str, version: str) -> None:
        self.text = text
        self.version = version
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.findings: list[Finding] = []
        self.unresolved: list[Unresolved] = []

    # -- blocks

    def blocks(self) -> tuple[list[Block], list[Finding]]:
        pieces = split_pieces(self.text)
        blocks: list[Block] = []
        covered = [False] * len(pieces)
        for first, last, header_rows in self._regions(pieces):
            block = self._table_block(pieces, first, last, header_rows)
            blocks.append(block)
            for i in range(min([first, *header_rows]), last + 1):
                covered[i] = True
        for i, p in enumerate(pieces):
            if covered[i] or p.kind in ("blank", "separator"):
                continue
            if p.kind == "heading":
                blocks.append(self._paragraph(p.start, p.text))
        blocks.extend(self._text_blocks(pieces, covered))
        blocks.sort(key=lambda b: b.offset or 0)
        return blocks, self.findings

    def _regions(self, pieces: list[Piece]) -> list[tuple[int, int, list[int]]]:
        """(first row piece, last row piece, header-word pieces before the first)."""
        out: list[tuple[int, int, list[int]]] = []
        i = 0
        n = len(pieces)
        while i < n:
            if pieces[i].kind != "row":
                i += 1
                continue
            first = last = i
            j = i + 1
            gap = 0
            while j < n:
                p = pieces[j]
                if p.kind == "row":
                    last, gap = j, 0
                elif is_loose(p):
                    gap += p.kind not in ("blank", "separator")
                    if gap > LOOSE_GAP:
                        break
                else:
                    break
                j += 1
            header: list[int] = []
            k, gap = first - 1, 0
            while k >= 0 and is_loose(pieces[k]) and gap <= LOOSE_GAP:
                if pieces[k].kind == "text":
                    gap += 1
                    if glued.segment(pieces[k].text):
                        header.insert(0, k)
                k -= 1
            if out and header and header[0] <= out[-1][1]:
                header = [h for h in header if h > out[-1][1]]
            out.append((first, last, header))
            i = last + 1
        return out

    def _table_block(
        self, pieces: list[Piece], first: int, last: int, header_rows: list[int]
    ) -> Block:
        rows: list[list[TextCell]] = []
        strays: list[TextCell] = []
        for i in range(min([first, *header_rows]), last + 1):
            p = pieces[i]
            if p.kind == "row":
                rows.extend(r for r in p.rows)
            elif p.kind == "text" and first < i and _LONE_FIGURE.match(p.text):
                strays.append(
                    TextCell(p.text.strip(), p.start + len(p.text) - len(p.text.lstrip()))
                )
            elif p.kind == "text" and (i in header_rows or i > first):
                words = glued.segment(p.text)
                if words:
                    lead = len(p.text) - len(p.text.lstrip())
                    rows.append([TextCell(w, p.start + lead, None) for w in words])
        self._label_orphans(rows)
        if len(strays) == 1:
            self._place_stray(rows, strays[0])
        start_piece = pieces[min([first, *header_rows])]
        start = start_piece.start + len(start_piece.text) - len(start_piece.text.lstrip())
        grid = Grid(f"line {self.line_of(start)}", by_header=False)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                loc = (
                    self.location(cell.start, cell.field)
                    if cell.field is not None
                    else self.line_location(cell.start)
                )
                grid.cells[(r, c)] = GridCell(cell.text, loc)
        grid.finish()
        end = pieces[last].end
        return Block(self.text[start:end], self.line_location(start), grid, offset=start)
