"""Shared by the readers of published reports (text, Markdown, HTML, Word).

Such a reader turns its file into a list of :class:`Block` s in document order — body
paragraphs and tables (as :class:`~reportcheck.readers.grid.Grid` s) — and calls
:func:`build_report`, which finds the tables, the format version, the metadata and the
sections, the same way for every kind of file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Attachment, Location, Picture, Report, TableData
from reportcheck.readers import metadata
from reportcheck.readers.blocks import Block
from reportcheck.readers.grid import Grid, check_grids, locate_in_report, stack

__all__ = ["Block", "append_table", "build_report", "grid_text", "holds_figures"]


def append_table(blocks: list[Block], grid: Grid, location: Location, text: str) -> None:
    """Add a table to the blocks of an HTML or Word report.

    A table right after another, with no text between — or only a page number or
    「续表」 (a table split at a page break) — continues it: real reports split one table
    into several (表二 one small table per 第二十条 block), and the pieces are read as one
    grid (:func:`~reportcheck.readers.grid.stack`); cells keep their locations. A section
    heading typed into the table's first row is a paragraph before it.
    """
    lifted = _heading_row(grid)
    if lifted is not None:  # a section heading typed into the table's first row
        heading, grid = lifted
        blocks.append(heading)
        text = text.partition("\n")[2]
    at = len(blocks) - 1
    while at >= 0 and blocks[at].grid is None and _continued(blocks[at].text):
        at -= 1  # a page number or 「续表」 between the pieces of a table split at a page
    last = blocks[at] if at >= 0 else None
    if last is not None and last.grid is not None and last.parts:
        parts = (*last.parts, grid)
        stacked = stack(list(parts), f"{parts[0].name}–{grid.name}")
        blocks[at] = Block(f"{last.text}\n{text}", last.location, stacked, parts=parts)
    else:
        blocks.append(Block(text, location, grid, parts=(grid,)))


_CONTINUED = re.compile(
    r"\s*(?:[-—–－─\s]*\d{1,3}[-—–－─\s]*"  # - 5 -, — 5 —, 5
    r"|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}"  # 第 5 页, 5/12
    r"|[（(]?\s*(?:表[一二三四1-4]?\s*)?[（(]?续(?:表|上表|前表)?\s*[一二三四1-4]?\s*[)）]?[:：]?)\s*"
)
"""A line a table split at a page break leaves between its pieces: a page number, or a
note that the table continues (「续表」, 「（续上表）」, 「表三（续）」)."""


def _continued(text: str) -> bool:
    """Whether a paragraph between two tables is only :data:`_CONTINUED` (a short one)."""
    return len(text) <= 20 and _CONTINUED.fullmatch(text) is not None


def _heading_row(grid: Grid) -> tuple[Block, Grid] | None:
    """A table whose first row is one cell holding a section heading
    (「三、收到和处理政府信息公开申请情况」 typed into the table's top row, as a person reads
    it the heading above the table): the heading as a paragraph, and the table without it.
    None when the first row is anything else."""
    rows = grid.rows
    if len(rows) < 2:
        return None
    top = rows[0]
    origins = {grid.origin(top, c) for c in grid.row_cols(top)}
    if len(origins) != 1:
        return None
    origin = origins.pop()
    cell = grid.cells.get(origin)
    if cell is None or origin[0] != top or any(m[:2] == origin and m[2] > top for m in grid.merged):
        return None
    title = re.sub(r"\s*\n\s*", "", cell.text.strip())
    if metadata.heading_line(title) is None and metadata.alt_heading(title) is None:
        return None
    rest = Grid(grid.name, by_header=grid.by_header)
    rest.cells = {k: v for k, v in grid.cells.items() if k[0] != top}
    rest.merged = [m for m in grid.merged if m[0] != top]
    rest.finish()
    return Block(title, cell.location), rest


_FIGURE = re.compile(r"\s*[-+]?[\d０-９][\d０-９,，.．]*\s*")
_DATA_FIGURES = 5
"""Cells holding a figure alone that make a table with a long cell (a note row) a data
table, not page layout (:func:`holds_figures`)."""


def holds_figures(texts: list[str]) -> bool:
    """Whether a table's cell texts hold the figures of a data table (at least
    :data:`_DATA_FIGURES` cells that are a number alone): the HTML and Word readers take
    a table with a long cell for page layout unless it does."""
    return sum(1 for t in texts if len(t) < 20 and _FIGURE.fullmatch(t)) >= _DATA_FIGURES


def grid_text(grid: Grid) -> str:
    """A table's cells as text lines (``|`` between cells), for the report's body text."""
    lines = []
    for r in grid.rows:
        cells = [grid.cells[(r, c)].text.strip() for c in grid.row_cols(r) if (r, c) in grid.cells]
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def build_report(
    path: str,
    kind: str,
    blocks: list[Block],
    settings: Settings,
    text: str | None = None,
    pictures: Sequence[tuple[int, Picture]] = (),
    attachments: Sequence[Attachment] = (),
    refuse: bool = True,
) -> Report:
    """Assemble a :class:`Report` from the blocks of a published report.

    ``report.text`` is the blocks' texts joined by line breaks, or ``text`` when the
    reader gives it (then every block carries its ``offset`` in it). ``pictures``: the
    report's pictures — each with the number of blocks before it (its section is found here);
    ``attachments``: the documents a web page links to.

    A file with neither a table nor a section heading in its text, but with pictures or
    links to documents, is refused (:class:`InputError`): the report is in them, not here
    (unless ``refuse`` is false: the caller reads the pictures, :func:`refuse_elsewhere`).
    """
    check_grids(b.grid for b in blocks if b.grid is not None)  # before any work on them
    report = Report(source=path, kind=kind)
    grid_offsets: dict[int, int] = {}
    if text is not None:
        report.text = text
        for block in blocks:
            if block.grid is not None:
                grid_offsets[id(block.grid)] = block.offset or 0
    else:
        parts: list[str] = []
        offset = 0
        for block in blocks:
            if block.grid is not None:
                grid_offsets[id(block.grid)] = offset
            parts.append(block.text)
            offset += len(block.text) + 1
        report.text = "\n".join(parts)
    grids = [b.grid for b in blocks if b.grid is not None]
    report.metadata = metadata.extract(report.text)
    report.sections = metadata.sections(blocks, text)
    if pictures:
        report.pictures = _placed(blocks, pictures)
    report.attachments = list(attachments)

    found = locate_in_report(report, grids, settings)
    for table_id, data in found.tables.items():
        grid = _grid_of(grids, data)
        if grid is not None:
            report.table_positions[table_id] = grid_offsets.get(id(grid), 0)
    if refuse and not report.tables and not report.sections:
        refuse_elsewhere(path, report)
    return report


def refuse_elsewhere(path: str, report: Report) -> None:
    """Refuse a file whose text holds no table and no section heading when the report is
    plainly elsewhere: in the document a web page links to, or in its pictures."""
    named = [a for a in report.attachments if a.may_hold_report]
    if named or (report.attachments and not report.pictures):
        shown = (named or report.attachments)[:3]
        names = "、".join(f"「{a.name}」" for a in shown)
        names_en = ", ".join(f"“{a.name}”" for a in shown)
        raise InputError(
            path,
            f"页面上没有报告的表格和正文，只有附件 {names}：报告在附件中，请检查附件文件本身",
            f"the page holds none of the report's tables or text, only a link to {names_en}: "
            "the report is in the attachment; check that file itself",
        )
    if report.pictures:
        n = len(report.pictures)
        raise InputError(
            path,
            f"文字中没有报告的表格和正文，文件中有 {n} 幅图片：报告可能印成了图片，未读取；"
            "请提供文字版的报告（Word、PDF 或网页文字）",
            f"the text holds none of the report's tables or text, and the file has {n} "
            f"picture{'s' if n > 1 else ''}: the report may be printed as pictures, which are "
            "not read; give the report as text (Word, PDF or a web page's text)",
        )


def _placed(blocks: list[Block], pictures: Sequence[tuple[int, Picture]]) -> list[Picture]:
    """Each picture with the number of the section it stands in."""
    heads = metadata.heading_blocks(blocks)
    out = []
    for before, picture in pictures:
        section = None
        for index, number in heads:
            if index >= before:
                break
            section = number
        out.append(replace(picture, section=section))
    return out


def _grid_of(grids: list[Grid], data: TableData) -> Grid | None:
    if data.location is None:
        return None
    for g in grids:
        if any(c.location == data.location for c in g.cells.values()):
            return g
    return None
