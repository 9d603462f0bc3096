"""The report built from a PDF's pages (read from the text layer, or recognised from page
images by :mod:`reportcheck.readers.ocr`): paragraphs and tables in reading order, a grid
per table, then the blocks every published-report reader builds the report from."""

from __future__ import annotations

import statistics
from bisect import bisect_left

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.report import Location, Picture, Report
from reportcheck.model.tables import TABLE_EN, TABLE_IDS
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.pdf.loose import (
    _continue_loose,
    _drop_side_label,
    _loose_grid,
    _loose_tables,
    _prose_like,
    _segments,
    _within,
)
from reportcheck.readers.pdf.page import (
    _CJK,
    _HEADING_START,
    _NUMBERED,
    MAX_PAIRS,
    _Line,
    _Loose,
    _Page,
    _Para,
    _place,
    _Table,
    _TCell,
)
from reportcheck.readers.pdf.ruled import (
    _clusters,
    _find_tables,
    _mark_furniture,
    _nearest,
    _number_lines,
)
from reportcheck.readers.published import Block, build_report

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
                    if head and not _within(head, thing.lines[: thing.header]):
                        thing = _Loose([*head, *thing.lines], len(head) + thing.header)
                    # (else the header printed again over the figures: once is enough)
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
    head_texts = _head_texts(parts) if len(parts) > 1 else frozenset()
    bottom: dict[int, GridCell] = {}
    """The cells of the last row placed so far, by column (a row split by the page break
    goes on in them)."""
    for k, t in enumerate(parts):
        skip = 0
        n_rows = len(t.ys) - 1
        if k > 0:
            while skip < n_rows and (
                (skip < len(header) and t.row_texts(skip) == header[skip])
                or _repeated_head(t.row_texts(skip), head_texts)
            ):
                skip += 1
            if skip and any(c.r1 < skip <= c.r2 for c in t.cells):
                skip = 0  # a "repeated" row merged into what follows is no header
            if skip < n_rows and _split_row(t, skip, bottom, xs):
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


def _head_texts(parts: list[_Table]) -> frozenset[str]:
    """The texts of the table's header rows (those above its first row with a figure, the
    first six rows at most, over the first parts: a page break may fall inside the header
    itself, its first row alone at the foot of a page)."""
    out: set[str] = set()
    seen = 0
    for t in parts:
        for r in range(len(t.ys) - 1):
            texts = t.row_texts(r)
            if seen >= 6 or any(ch.isdigit() for text in texts for ch in text):
                return frozenset(out)
            out.update(k for text in texts if (k := "".join(text.split())))
            seen += 1
    return frozenset(out)


def _repeated_head(texts: tuple[str, ...], head: frozenset[str]) -> bool:
    """Whether a continued table's row is its header printed again (WPS's and Word's
    repeated header rows): every text of it one of the header's, none a figure — also when
    a merged header cell's text stood in another part of the header on the first page."""
    keys = [k for text in texts if (k := "".join(text.split()))]
    return bool(keys) and all(k in head and not any(ch.isdigit() for ch in k) for k in keys)


def _split_row(table: _Table, row: int, above: dict[int, GridCell], xs: list[float]) -> bool:
    """Whether the first row of a continued table is the rest of the row the page break cut
    (a label going on, no figures): its text belongs to the cells above it. The row's own
    cells only: a label down the side or a group label cut by the break has its part of
    the merged cell here too (「（三）不予公开」 beside 「公开」, the rest of 2.其他法律…)."""
    cells = [c for c in table.cells if c.r1 == row == c.r2 and c.chars]
    texts = [c.text() for c in cells]
    if not texts or not above or any(ch.isdigit() for t in texts for ch in t):
        return False
    if any(_NUMBERED.match(t) for t in texts):
        return False  # a row of its own (「（七）总计」 left blank)
    for cell in cells:  # each the rest of the cell above, column for column
        c1 = _col(xs, cell.x0) + 1
        c2 = max(c1, _col(xs, cell.x1))
        target = above.get(c1)
        if (
            target is None
            or above.get(c2) is not target
            or above.get(c1 - 1) is target
            or above.get(c2 + 1) is target
        ):
            return False  # a row of its own (a block title over the whole table: 第二十条…)
    return any(any(ch.isdigit() for ch in c.text) for c in above.values())


def _line_at(table: _Table, cell: _TCell) -> int:
    """The line beside the middle of an empty cell."""
    if not table.line_tops:
        return 1
    return _nearest(table.line_tops, (cell.top + cell.bottom) / 2) + 1


def _col(xs: list[float], x: float) -> int:
    """The index of the column boundary nearest to ``x``."""
    return _nearest(xs, x)


def _start(item: _Item) -> tuple[int, float]:
    """Where an item starts: (page, top)."""
    first = item[0] if isinstance(item, list) else item.lines[0]
    return first.page, first.top


def _pictures(pages: list[_Page], items: list[_Item]) -> list[tuple[int, Picture]]:
    """The pictures on pages with text, each with how many items (blocks) stand before it:
    not those in the top or bottom margin (a letterhead, a logo repeated on every page)."""
    starts = [_start(item) for item in items]
    out: list[tuple[int, Picture]] = []
    for page in pages:
        if not page.chars:
            continue  # a scanned page: said as such (RC003 image_pages)
        band = 0.08 * page.height
        shown = [b for b in page.pictures if b[3] > band and b[1] < page.height - band]
        for k, (_, top, _, _) in enumerate(sorted(shown, key=lambda b: b[1]), 1):
            before = bisect_left(starts, (page.number, top))
            out.append((before, Picture(Location(f"page {page.number}, picture {k}"))))
    return out


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
    items = _items(pages)
    for item in items:
        if isinstance(item, _Para):
            builder.paragraph(item)
        else:
            builder.table(item)
    text = builder.text()
    report = build_report(path, kind, builder.blocks, settings, text, _pictures(pages, items))
    report.places = builder.places
    report.unread_pages = [p.number for p in pages if p.unread]
    images = [str(n) for n in report.unread_pages]
    for variant in ("image_pages", "undecodable_pages", "outlined_pages"):
        some = [str(p.number) for p in pages if p.unread == variant]
        if some:
            report.findings.append(
                emit(
                    "RC003",
                    {"pages": ", ".join(some)},
                    variant=variant,
                    location=Location(f"page {some[0]}"),
                )
            )
    for table_id in TABLE_IDS if images else ():
        if table_id not in report.tables:  # not on the pages read: on the others, maybe
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
