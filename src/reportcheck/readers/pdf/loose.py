"""Tables printed without ruling lines: columns from where the figures (and the headers of
empty columns) stand, a row per line of figures with the label lines around it."""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from reportcheck.model.labels import label_key
from reportcheck.model.report import CellState, Location
from reportcheck.model.tables import APPLICANT_COLUMNS, APPLICANT_HEADER, REVIEW_LITIGATION
from reportcheck.model.values import parse_text
from reportcheck.readers import glued
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.metadata import starts_table_label
from reportcheck.readers.pdf.page import (
    _CJK,
    _HEADING_START,
    _NUMBERED,
    _by_cy,
    _Char,
    _group_lines,
    _Line,
    _line_text,
    _Loose,
    _place,
)
from reportcheck.readers.text.lines import SENTENCE


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
            if (
                _CJK.match(ch.text)
                # (a figure is none: full-width digits, 「无」 for zero, one under the other)
                and not _is_value(ch.text)
                and (len(seg) == 1 or seg[1].x0 - ch.x1 > 0.3 * ch.height)
            ):
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
    table.lines, table.header = kept[:header] + _regrouped(kept[header:]), header


def _regrouped(lines: list[_Line]) -> list[_Line]:
    """The body lines of a table again, their characters grouped into lines without the
    label down the side: a character of it, standing between two rows, began a line of
    its own and took the figures of the row below set a point high (「度 3 0」 above
    「1.信访举报投诉类申请 0 0 0 0 3」). Each line keeps the page line of its first one."""
    if not lines:
        return lines
    page = lines[0].page
    chars = [c for ln in lines for c in ln.chars]
    number = {id(c): ln.number for ln in lines for c in ln.chars}
    out = [
        _Line(page, min(number[id(c)] for c in group), group)
        for group in _group_lines(chars)
        if group
    ]
    out.sort(key=lambda ln: ln.top)
    return out


# ------------------------------------------------------------------ tables without rules

_GROUP_HEADERS = frozenset(
    label_key(w)
    for w in (
        APPLICANT_HEADER,
        *(c.band for c in APPLICANT_COLUMNS if c.band),
        *(r.label for r in REVIEW_LITIGATION.rows),
        *(r.group for r in REVIEW_LITIGATION.rows if r.group),
    )
)
"""The format's headers over groups of columns (表三's 申请人情况 and 法人或其他组织, 表四's
行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉): a header row of their own even when, on a
wide page, one fits over a single column (never stacked on that column's header)."""

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


_PLACEHOLDER_MARKS = frozenset("/-—–－─无\\×")
"""Characters of the placeholders a report prints for zero (「—」, 「/」, 「无」 …)."""


def _has_figures(line: _Line) -> bool:
    if not any(c.text.isdigit() or c.text in _PLACEHOLDER_MARKS for c in line.chars):
        return False
    segments = _segments(line)
    if len(segments) < 2:
        return False  # (one piece: neither two values nor a label and a number)
    texts = [_line_text(seg) for seg in segments]
    values = [t for t in texts if _is_value(t)]
    if not any(_is_number(t) for t in values):
        # a row whose every cell holds a placeholder (「—」 printed for each zero): three
        # of them or more, beside a label at most
        return len(values) >= 3 and len(texts) - len(values) <= 3
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
            if _prose_like(lines[j], left, right) and not _side_piece(
                lines, j, rows, labelled, left, right
            ):
                break
            if rows[j] or labelled[j]:
                end = j
            elif j - end > 8:  # (a row label wrapped over many lines, a group label)
                break
            j += 1
        if j == len(lines) and j - 1 - end <= 2:
            # a block header at the foot of the page: the table goes on on the next one
            end = j - 1
        body = i
        if (
            i > 0
            and not rows[i - 1]
            and lines[i - 1].bottom > lines[i].top
            and (not out or lines[i - 1] is not out[-1].lines[-1])
        ):
            # the first row's label wrapped around its figures (its first line beside
            # their top half): a line of the row, not of the header, however it reads
            body = start = i - 1
        # header lines above the first figures (a header wrapped in narrow columns: many)
        while (
            start > 0
            and start > body - 12
            and not rows[start - 1]
            and lines[start].top - lines[start - 1].bottom <= 2.2 * lines[start].size
            and not _prose_like(lines[start - 1], left, right)
            # a short sentence above a table on a wide page is not running text by its
            # width, but a header cell never ends a sentence
            and not SENTENCE.search(lines[start - 1].text())
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
            out.append(_Loose(lines[start : end + 1], body - start))
        i = end + 1
    return out


_SIDE_PIECE = 8
"""Characters at most in a line of a label wrapped in a narrow column (「（三）」 over
「不予公」 over 「开」)."""


def _side_piece(
    lines: list[_Line], j: int, rows: list[bool], labelled: list[bool], left: float, right: float
) -> bool:
    """Whether line ``j``, which reads like a heading, is a piece of a label down the side
    of a table (「三、（四）无」; 「（三）」 of （三）不予公开 wrapped one or three characters
    a line in its narrow column, maybe beside the wrapped end of a row label or the first
    line of the next one): figures (or a row's label) follow right below — or, the piece
    short, after one or two more lines of labels (no running text), each close under the
    one before."""
    k = j + 1
    while k < len(lines) and not (rows[k] or labelled[k]):
        if (
            k > j + 2
            or len(lines[j].chars) > _SIDE_PIECE
            or _prose_like(lines[k], left, right)
            or lines[k].top - lines[k - 1].bottom > lines[k - 1].size
        ):
            return False
        k += 1
    return k < len(lines) and lines[k].top - lines[k - 1].bottom <= lines[k - 1].size


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


_CLOSING = frozenset("）)」』】〕》")
"""Closing brackets: their glyph stands in the left half of their box."""


def _at_columns(piece: list[_Char], columns: list[float]) -> list[tuple[str, list[_Char]]]:
    """A label piece cut where one of its characters starts a label column after a gap: a
    group label in a narrow column (「（三）」 of （三）不予公开 wrapped) set close to the
    wrapped end of the row label beside it (「公开」) is read as one piece otherwise."""
    cuts = [
        k
        for k in range(1, len(piece))
        # (a closing bracket's right half is blank: 「（四）」 filling its column, its box
        # touching the next column's text, is apart from it all the same)
        if (
            piece[k].x0 - piece[k - 1].x1 >= 0.3 * piece[k].height
            or (
                piece[k - 1].text in _CLOSING
                and piece[k].x0 - piece[k - 1].x1 >= 0.1 * piece[k].height
            )
        )
        and any(abs(piece[k].x0 - x) <= 1.0 for x in columns)
    ]
    bounds = [0, *cuts, len(piece)]
    return [(_line_text(piece[a:b]), piece[a:b]) for a, b in pairwise(bounds)]


def _at_words(text: str, piece: list[_Char]) -> list[tuple[str, list[_Char]]]:
    """A header piece that is two or more of the format's header words run together
    (「社会公益组织法律服务机构」: two columns' headers set close on a wide page) cut into them."""
    words = glued.segment(text) if len(text) == len(piece) else None
    if not words or len(words) < 2 or "".join(words) != text:
        return [(text, piece)]
    out: list[tuple[str, list[_Char]]] = []
    at = 0
    for w in words:
        out.append((w, piece[at : at + len(w)]))
        at += len(w)
    return out


def _continue_loose(table: _Loose, more: _Loose) -> None:
    """A table without rules going on on the next page: its header lines printed again are
    dropped (they are the first part's)."""
    head = [ln.text() for ln in table.lines[: table.header]]
    lines = more.lines
    k = 0
    while k < min(more.header, len(head)) and lines[k].text() == head[k]:
        k += 1
    # the header again, its lines grouped otherwise (it began at the foot of the page
    # before the first time, its cells wrapped differently): the lines above the figures
    # whose characters are all the header's — not the rest of a row's label the page break
    # cut, below them
    have = Counter(c.text for ln in table.lines[: table.header] for c in ln.chars)
    while k < more.header:
        need = Counter(c.text for c in lines[k].chars)
        if not all(have[ch] >= n for ch, n in need.items()):
            break
        have -= need
        k += 1
    table.lines.extend(lines[k:])


def _within(lines: list[_Line], header: list[_Line]) -> bool:
    """Whether every character of ``lines`` is one of the header's (as many times)."""
    have = Counter(c.text for ln in header for c in ln.chars)
    need = Counter(c.text for ln in lines for c in ln.chars)
    return bool(need) and all(have[ch] >= n for ch, n in need.items())


def _loose_grid(table: _Loose, number: int) -> tuple[Grid, dict[int, Location]]:
    """The grid of a table without rules: columns from where its figures stand, a row per
    line of figures (with the label lines that wrap around it), header lines above."""
    segs = [
        [(_line_text(p), p) for s in _segments(ln) for p in _at_numbers(s)] for ln in table.lines
    ]
    for i in range(table.header):  # header words set close together: one piece each
        segs[i] = [part for text, piece in segs[i] for part in _at_words(text, piece)]
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
    if n_labels > 1:  # a label piece running into the next label column is two pieces
        for i in range(table.header, len(segs)):
            segs[i] = [
                part
                for text, s in segs[i]
                for part in (_at_columns(s, label_cols) if s[-1].x1 < value_left else [(text, s)])
            ]
    # a column with no figure in any row (every cell of it left empty) is where its own
    # header stands: a header piece right of the labels, over no column of figures, and
    # no group header — one with a header piece under it that reaches out beyond it
    # (申请人情况 centred over the empty column has 法人或其他组织 under it; 社会公 has
    # only 益组织, the rest of its own words)
    over: set[tuple[int, float, float]] = set()
    """Header pieces over others (group headers): a header row of their own below."""
    if columns:
        edge = label_right + size / 2 if label_right else value_left - size
        tops = [
            (i, s[0].x0, s[-1].x1)
            for i in range(table.header)
            for text, s in segs[i]
            if s[0].x0 > edge and not _is_value(text)
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
            if label_right
            and (i, a, b) not in over
            and not any(a <= y + 1 and x - 1 <= b for x, y in columns)
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
            if cols is not None and (
                cols[1] > cols[0]
                or (i, s[0].x0, s[-1].x1) in over
                or label_key(text) in _GROUP_HEADERS
            ):
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
                # the row above, all its cells empty, has its own numbered label where this
                # line has one, or further right (「5.要求…」 before 「（六）其他处理 5 1 6」):
                # two rows, not one label wrapped over its figures — unless its label's
                # line stands beside these figures' top half (the label wrapped around
                # them; the numbered piece here a group label's first line, 「（四）」)
                or (
                    numbered
                    and any(c >= deepest for c in numbered_at)
                    and not _beside(table.lines[i - 1], table.lines[i])
                )
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


def _beside(above: _Line, line: _Line) -> bool:
    """Whether the line above stands beside ``line``, half a line higher: a label wrapped
    around the figures of its row, centred between its lines (two rows, even set close,
    stand a line or more apart: their boxes may overlap by a point or two)."""
    return (line.top + line.bottom) - (above.top + above.bottom) < 1.6 * line.size


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
