"""Line classification: each line of a text report is blank, a separator, a heading, a table
row or a paragraph (:func:`split_pieces`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from reportcheck.errors import Refused
from reportcheck.model.report import CellState, Location
from reportcheck.model.rowfinder import find_one
from reportcheck.model.tables import FORMATS, TableDef, ValueKind, on_formats_changed
from reportcheck.model.values import parse_text
from reportcheck.readers import glued, metadata
from reportcheck.readers.grid import MAX_TABLE_CELLS, check_cells
from reportcheck.readers.published import Block

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOX_EDGE = "│┃║╎╏┆┇┊┋├┤┼┬┴┌┐└┘╋┣┫┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝╞╡╪╤╧╒╕╘╛╓╖╙╜╟╢╫╥╨"
"""Box-drawing characters that stand between cells (verticals, junctions, corners)."""
_BOX_RULE = "─━═╌╍┄┅┈┉"
_BOX_LINE = re.compile(f"[{_BOX_EDGE}]")
_BOX_ONLY = re.compile(f"^[{_BOX_EDGE}{_BOX_RULE}\\s]*$")
_BOX_CELL = str.maketrans(dict.fromkeys(_BOX_EDGE, "|"))
_BOX_RUN = re.compile(f"[{_BOX_RULE}]+")


def unboxed(text: str) -> str:
    """A text whose tables are drawn with box-drawing characters (what a text browser or a
    converter dumps: 「│规章│0│0│0│」 between 「├───┼──┤」 rules) with its tables as ``|``
    rows: the lines that draw rules become blank lines (the line count, and so every line
    number, stays), and the characters between cells become ``|`` — an empty cell stays an
    empty field between two ``|``. Lines without a vertical or a junction are left alone
    (a 「──」 used as a dash in prose)."""
    if not _BOX_LINE.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _BOX_LINE.search(line):
            if _BOX_ONLY.match(line):
                lines[i] = ""
            else:
                lines[i] = _BOX_RUN.sub(" ", line.translate(_BOX_CELL)).strip()
    return "\n".join(lines)


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d))"
)
"""A label's numbering at its start (「三、」 「（六）」 「5.」; not 「2.5」)."""
_TOKEN = re.compile(r"[^ \t\u3000]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE = re.compile(r"[。；;！？!?]")


@dataclass
class TextCell:
    text: str
    start: int
    """Offset in the report text."""
    field: int | None = None
    """1-based field number in its line (None for cells cut from glued text)."""


@dataclass
class Piece:
    """A line, or part of a line cut at a heading."""

    line: int
    start: int
    text: str
    kind: str
    """blank | separator | heading | row | text"""
    rows: list[list[TextCell]] = field(default_factory=list)
    """A table row's cells (two rows when header words precede numbers on one line)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    return bool(_CJK.search(text)) and parse_text(text).state is CellState.TEXT


@lru_cache(maxsize=4096)
def _value_token(token: str) -> CellState | None:
    """NUMBER or PLACEHOLDER for a token that can stand in a row of numbers, else None."""
    state = parse_text(token).state
    return state if state in (CellState.NUMBER, CellState.PLACEHOLDER) else None


def _clean_field(text: str) -> str:
    if "<" in text or "&" in text:
        text = _BR.sub(" ", text).replace("&nbsp;", " ")
    stripped = text.strip()
    if len(stripped) > 4 and stripped[:2] in ("**", "__") and stripped[-2:] == stripped[:2]:
        return stripped[2:-2]
    return text


def _tab_row(line: str, start: int) -> list[TextCell]:
    """A row copied from a browser: cells separated by tabs, empty cells kept (``0\t\t\t0``)."""
    cells = []
    pos = 0
    for no, part in enumerate(line.split("\t"), 1):
        lead = len(part) - len(part.lstrip())
        cells.append(TextCell(part.strip(), start + pos + lead, no))
        pos += len(part) + 1
    # a browser writes one tab between two cells of the page, a merged cell once: every
    # field is a cell, a trailing empty one too (a 总计 left blank)
    return _split_signed(cells) if "-" in line else cells


def _is_tab_row(line: str) -> bool:
    """Cells separated by tabs: at least one tab between two pieces of text, and not a
    sentence of prose that happens to hold a tab."""
    inner = line.strip(" \u3000\r\xa0")
    if "\t" not in inner:
        return False
    fields = inner.split("\t")
    parts = [x for x in fields if x.strip()]
    if len(parts) == 1 and fields[0].strip() and len(fields) >= 3:
        # a row label and its cells all empty, each kept by its tab (「2.其他…⇥⇥⇥⇥⇥⇥⇥」)
        return not SENTENCE.search(inner)
    return len(parts) >= 2 and (inner.count("\t") >= 2 or not SENTENCE.search(inner))


def _pipe_row(line: str, start: int) -> list[TextCell]:
    body_start, body_end = 0, len(line)
    stripped = line.strip()
    if stripped.startswith("|"):
        body_start = line.index("|") + 1
    if stripped.endswith("|") and len(stripped) > 1:
        body_end = line.rindex("|")
    cells = []
    pos = body_start
    for no, part in enumerate(line[body_start:body_end].split("|"), 1):
        lead = len(part) - len(part.lstrip())
        cells.append(TextCell(_clean_field(part).strip(), start + pos + lead, no))
        pos += len(part) + 1
    if not stripped.startswith("|"):
        # flattened text: trailing empty fields are merged cells of the page, not cells
        while cells and not cells[-1].text:
            cells.pop()
    return _split_signed(cells) if "-" in line else cells


_ROW_TABLES: tuple[TableDef, ...] = tuple(
    t for fmt in FORMATS.values() for t in fmt.tables if t.id != "review_litigation"
)


def _names_row(labels: list[str]) -> bool:
    return _names_row_cached(tuple(labels))


@lru_cache(maxsize=4096)
def _names_row_cached(labels: tuple[str, ...]) -> bool:
    return any(find_one(t, labels) is not None for t in _ROW_TABLES)


@lru_cache(maxsize=1024)
def _signed_row(label: str) -> bool:
    """Whether a label names a row with a column that may be negative (2019 本年增/减)."""
    for t in _ROW_TABLES:
        r = find_one(t, (label,))
        if r is not None and any(c.kind is ValueKind.SIGNED_COUNT for c in r.columns):
            return True
    return False


_GLUED_SIGN = re.compile(r"^-?\d+(?:-\d+)+$")


def _signed_parts(text: str) -> list[tuple[str, int]]:
    """A token cut where a minus starts the next number (「2648-18」 → 2648, -18), with each
    part's offset in the token; any other token as it is."""
    if not _GLUED_SIGN.match(text):
        return [(text, 0)]
    return [(m.group(), m.start()) for m in re.finditer(r"-?\d+", text)]


def _split_signed(cells: list[TextCell]) -> list[TextCell]:
    """A number glued to the negative one after it (「2648-18」, 「2648-18 538」 as PDF text
    and page copies print 2648 · -18 · 538): the minus starts a cell. Only in a row that has
    a column which may be negative, so that nothing else is cut at a dash."""
    if not cells or not _signed_row(cells[0].text):
        return cells
    out = [
        TextCell(part, c.start + off, c.field) for c in cells for part, off in _signed_parts(c.text)
    ]
    if len(out) != len(cells):
        for k, c in enumerate(out, 1):
            if c.field is not None:
                c.field = k
    return out


_ENDS_IN_VALUE = re.compile(r"(?:[0-9０-９/／\-—–－─无×]|[0-9０-９]\s*(?:万元|元|件|个|项|条))\s*$")
_SPACED_UNIT = re.compile(r"(?<=[0-9０-９])\s+(?=(?:万元|元|件|个|项|条)\s*$)")
"""The space between a row's last figure and its unit (「386.5 万元」 in text laid out
with spaces): the unit goes with its figure."""


_TAIL_AFTER_FIGURES = re.compile(
    r"^(?P<head>.*?\S)(?P<figures>(?:[ \t]+\d{1,7}){5,})[ \t]{2,}(?P<tail>[^\s\d。；;！？!?：:]{1,20})[ \t]*$"
)
"""A row whose label's second line the extraction set after its figures (PyMuPDF sorted:
「（二）部分公开（区分处理的，只计这    8  0  1  0  0  0  9   一情形，不计其他情形）」)."""


def _tail_after_figures(line: str, start: int) -> list[list[TextCell]] | None:
    """The row of :data:`_TAIL_AFTER_FIGURES`: its label with the tail put back after it."""
    m = _TAIL_AFTER_FIGURES.match(line)
    if m is None or not _CJK.search(m["tail"]) or not _CJK.search(m["head"]):
        return None
    rows = _spaced_row(line[: m.end("figures")], start)
    if rows is None or len(rows) != 1 or not rows[0] or rows[0][0].field != 1:
        return None
    rows[0][0].text += m["tail"]
    return rows


_PLACEHOLDER_ROW = 5
"""Placeholders (「/」 「—」 「无」) at the end of a line that make it a row without a figure
(a table that marks its empty cells so: 「（三）不予公开 1.属于  /  /  /  /  /  /  /」)."""


def _spaced_row(line: str, start: int) -> list[list[TextCell]] | None:
    """A label (or nothing) followed by numbers separated by spaces or tabs."""
    if not _ENDS_IN_VALUE.search(line):
        return _tail_after_figures(line, start)
    line = _SPACED_UNIT.sub("", line)
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(line)]
    if "-" in line and tokens and _signed_row(tokens[0][0]):
        tokens = [(part, off + at) for t, off in tokens for part, at in _signed_parts(t)]
    k = len(tokens)
    while k > 0 and _value_token(tokens[k - 1][0]) is not None:
        k -= 1
    values = tokens[k:]
    prefix = tokens[:k]
    if (
        not any(_value_token(t) is CellState.NUMBER for t, _ in values)
        and len(values) < _PLACEHOLDER_ROW
    ):
        return None
    no = 1
    cells: list[TextCell] = []
    header: list[TextCell] = []
    if prefix:
        text = line[: values[0][1]].strip()
        if len(text) > 60 or SENTENCE.search(text) or not _CJK.search(text) or "|" in text:
            return None
        words = glued.segment(text) if len(prefix) > 1 else None
        split = _merge_numbering([t for t, _ in prefix])
        if words and len(words) > 1 and len(values) > 1:
            # header words, then the numbers (表四 on one line): a header row and a data row
            header = [TextCell(w, start + prefix[0][1], i) for i, w in enumerate(words, 1)]
            no = len(words) + 1
        elif len(split) > 1 and _names_row(split):
            # a group label and a row label: 「（三）不予公开 1.属于国家秘密 0 0 …」
            offsets = _token_starts(prefix, split)
            cells.extend(
                TextCell(t, start + c, i)
                for i, (t, c) in enumerate(zip(split, offsets, strict=True), 1)
            )
            no = len(split) + 1
        elif len(values) > 1 or _names_row([text]):
            cells.append(TextCell(text, start + prefix[0][1], 1))
            no = 2
        else:
            return None
    elif len(values) < 2:
        return None
    cells.extend(TextCell(t, start + c, no + i) for i, (t, c) in enumerate(values))
    return [header, cells] if header else [cells]


def _merge_numbering(tokens: list[str]) -> list[str]:
    """Tokens with a bare number (``2.``, ``(三)``) joined to the label that follows it."""
    out: list[str] = []
    carry = ""
    for t in tokens:
        if not _CJK.search(t) or re.fullmatch(r"[（(][一二三四五六七八九十]+[)）]", t):
            carry += t
            continue
        out.append(carry + t)
        carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def _token_starts(prefix: list[tuple[str, int]], merged: list[str]) -> list[int]:
    """Where each merged token starts (the start of its first original token)."""
    starts = []
    i = 0
    for word in merged:
        starts.append(prefix[i][1])
        length = 0
        while i < len(prefix) and length < len(word):
            length += len(prefix[i][0])
            i += 1
    return starts


MAX_LINES = 100_000
"""Lines of a text (a long report has two or three thousand); more cost seconds and
hundreds of MB to classify and are refused."""
MAX_LINE = 200_000
"""Characters of one line (a whole report flattened onto one line by a crawler has 20–60
thousand); a longer one costs hundreds of MB to classify and is refused."""


def split_pieces(text: str) -> list[Piece]:
    """The text's lines classified; more table cells than a report can hold are refused
    as they are met (:func:`~reportcheck.readers.grid.check_cells`)."""
    out: list[Piece] = []
    lines = text.split("\n")
    starts = [0] * len(lines)
    pos = 0
    for i, line in enumerate(lines):
        starts[i] = pos
        pos += len(line) + 1
    if len(lines) > MAX_LINES:
        raise Refused(
            f"文本有 {len(lines)} 行（上限 {MAX_LINES}），不像年报",
            f"the text has {len(lines)} lines (limit {MAX_LINES}): not a report",
        )
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE:
            raise Refused(
                f"第 {i + 1} 行有 {len(line)} 个字符（上限 {MAX_LINE}），不像年报",
                f"line {i + 1} has {len(line)} characters (limit {MAX_LINE}): not a report",
            )
    joined = _tab_line_rows(lines, starts) if "\t" in text else {}
    if "\n" in text:
        joined.update((k, v) for k, v in _cell_line_rows(lines, starts).items() if k not in joined)
    cells = 0
    i = 0
    while i < len(lines):
        if i in joined:
            last, row_cells = joined[i]
            span = text[starts[i] : starts[last] + len(lines[last])]
            out.append(Piece(i + 1, starts[i], span, "row", [row_cells]))
            cells += len(row_cells)
            i = last + 1
            continue
        pieces = _line_pieces(i + 1, starts[i], lines[i])
        for p in pieces:
            if p.kind == "row":
                cells += sum(len(row) for row in p.rows)
        if cells > MAX_TABLE_CELLS:
            check_cells(cells)
        out.extend(pieces)
        i += 1
    check_cells(cells)
    return out


def _is_tab_only(line: str) -> bool:
    """Only tabs (and spaces, no-break spaces of empty cells between them)."""
    return "\t" in line and not line.strip(" \t\r\u3000\xa0")


def _is_content(line: str) -> bool:
    """A line with a cell's text (a no-break space alone is an empty cell's text)."""
    return bool(line.strip(" \t\r\u3000")) and not _is_tab_only(line)


def _tab_line_rows(lines: list[str], starts: list[int]) -> dict[int, tuple[int, list[TextCell]]]:
    """Rows of a table copied from a browser whose cells held paragraphs (pages pasted
    from Word): each cell's text on lines of its own, a line holding only a tab between
    cells, single blank lines around (``标签⏎⏎\t⏎⏎26⏎⏎\t⏎⏎\xa0⏎⏎…``), rows apart by two or
    more blank lines. Returns, per first line, (last line, the row's cells) — each cell
    keeps its offset in the text, so its location is its own line."""
    out: dict[int, tuple[int, list[TextCell]]] = {}
    n = len(lines)
    i = 0
    while i < n:
        if not _is_tab_only(lines[i]):
            i += 1
            continue
        # the row starts at the one content line before the first tab (≤ 1 blank between)
        first = i - 1
        if first >= 0 and not lines[first].strip(" \r"):
            first -= 1
        if first < 0 or not _is_content(lines[first]) or first in out or _is_tab_row(lines[first]):
            i += 1
            continue
        # lines broken by <br> inside the first cell follow each other with no blank line
        top = first
        while (
            top > 0
            and _is_content(lines[top - 1])
            and top - 1 not in out
            and len(lines[top - 1].strip()) <= 40
            and not SENTENCE.search(lines[top - 1])
        ):
            top -= 1
        cells = [_join_cell(lines, starts, list(range(top, first + 1)), 1)]
        first = top
        pending: list[int] | None = None  # the lines of the cell after the last tab
        closed = False  # the cell after the last tab stood on the tab's line (a no-break space)
        last = first
        j = i
        while j < n:
            line = lines[j]
            if _is_tab_only(line):
                parts = line.split("\t")
                if pending is not None:
                    cells.append(_join_cell(lines, starts, pending, len(cells) + 1))
                # cells with no paragraph between two tabs on the line are empty
                cells.extend(TextCell("", starts[j], 0) for _ in parts[1:-1])
                closed = bool(parts[-1])
                pending = None if closed else []
                if closed:
                    cells.append(TextCell("", starts[j] + len(line) - len(parts[-1]), 0))
                last = j
                j += 1
                continue
            if _is_content(line):
                if pending is None:
                    break
                pending.append(j)
                last = j
                j += 1
                continue
            # a blank line: one stands between a cell and a tab; two or more end the row
            nxt = lines[j + 1] if j + 1 < n else ""
            after = lines[j + 3] if j + 3 < n and not lines[j + 2].strip(" \r") else ""
            if _is_tab_only(nxt) or (
                not closed and pending == [] and _is_content(nxt) and _is_tab_only(lines[j - 1])
            ):
                j += 1
                continue
            if pending and _is_content(nxt) and _is_tab_only(after):
                j += 1  # a cell of several paragraphs: another tab follows its next one
                continue
            break
        if pending:
            cells.append(_join_cell(lines, starts, pending, len(cells) + 1))
        out[first] = (last, _trim_row(cells))
        i = last + 1
    return out


def _is_empty_cell(line: str) -> bool:
    """A line holding only no-break spaces: an empty cell's text."""
    return "\xa0" in line and not line.strip(" \t\r\u3000\xa0")


def _cell_line_rows(lines: list[str], starts: list[int]) -> dict[int, tuple[int, list[TextCell]]]:
    """Rows of 表二 and 表三 written one cell per line — how LibreOffice saves a Word
    document's table as text, and PyMuPDF takes a PDF's: a row's labels (short lines:
    「三、本年度办理结果」⏎「（一）予以公开」; its own label wrapped over up to four lines
    from the one that starts its numbering), then its cells, one per line, an empty cell as
    a line of a no-break space (or nothing). Taken only where the row's own label starts a
    numbering or names a row of the format, and exactly as many such lines as the row has
    cells (:func:`_widths`) stand between its labels and the next label (or, without the
    blank lines after them, as many), one a figure or a placeholder at least. Returns, per
    first line, (last line, the row's cells), as :func:`_tab_line_rows`."""
    out: dict[int, tuple[int, list[TextCell]]] = {}
    n = len(lines)

    def label_text(text: str) -> bool:
        return (
            bool(text)
            and _value_token(text) is None
            and len(text) <= 60
            and bool(_CJK.search(text))
            and not SENTENCE.search(text)
        )

    # each line once: a short line of Chinese, no figure, no sentence
    labels = [label_text(line.strip(" \t\r\u3000\xa0")) for line in lines]
    label = labels.__getitem__

    def cell(k: int) -> bool:
        text = lines[k].strip(" \t\r\u3000\xa0")
        return not text or _value_token(text) is not None

    i = 0
    while i < n:
        if not label(i):
            i += 1
            continue
        while i < n and label(i):
            i += 1
        # the row's own label: the last label lines back to the one that starts it with a
        # numbering (a label wrapped over lines, 「5.要求行政机关确认或重新出」⏎「具已获取信息」;
        # four lines at most), else the last line; no header words, no pieces of a group
        # label down the side (「其他处」)
        top = i
        while top > 0 and label(top - 1) and i - top < 4 and not _header_words(lines[top - 1]):
            top -= 1
            if NUMBERED.match(lines[top]):
                break
        if not NUMBERED.match(lines[top]):
            top = i - 1 if label(i - 1) and not _header_words(lines[i - 1]) else i
        if top == i:
            continue
        j = i
        while j < n and cell(j):
            j += 1
        seq = list(range(i, j))
        trimmed = list(seq)
        while trimmed and not lines[trimmed[-1]].strip(" \t\r\u3000\xa0"):
            trimmed.pop()
        if not trimmed:  # no cell with a figure or a placeholder after the labels
            i = max(j, i)
            continue
        own = "".join(lines[k].strip() for k in range(top, i))
        if not NUMBERED.match(own) and not _names_row([own]):
            # no row's label: a page's running header or footer between a row's label and
            # its figures (「某某局政府信息公开」⏎「- 5 -」), a line of prose
            i = max(j, i)
            continue
        widths = _widths((own,))
        for run in (trimmed, seq):
            if (
                len(run) in widths
                and any(lines[k].strip(" \t\r\u3000\xa0") for k in run)
                and _empty_cells(lines, run, trimmed)
            ):
                cells = [_join_cell(lines, starts, list(range(top, i)), 0)]
                cells += [
                    _line_cell(lines[k], starts[k], 0)
                    if lines[k].strip(" \t\r\u3000\xa0")
                    else TextCell("", starts[k], 0)
                    for k in run
                ]
                out[top] = (run[-1], _trim_row(cells))
                break
        i = max(j, i)
    return out


def _empty_cells(lines: list[str], run: list[int], trimmed: list[int]) -> bool:
    """Whether the blank lines of ``run`` are empty cells: always when a no-break space
    marks them; a line with nothing only when one stands between two figures of the row
    (``trimmed``: the run without the blank lines after it) and the blank lines do not
    merely alternate with the figures (a text that sets a blank line before or after each
    figure, 「1⏎⏎0⏎⏎2」 or 「⏎1⏎⏎0⏎⏎2⏎」, separates; it does not leave cells empty)."""
    texts = [lines[k].strip(" \t\r\u3000") for k in run]
    if all(texts) or any(
        "\xa0" in lines[k] and not t.strip("\xa0") for k, t in zip(run, texts, strict=True)
    ):
        return True
    inner = [lines[k].strip(" \t\r\u3000\xa0") for k in trimmed]
    filled = [k for k, t in enumerate(inner) if t]
    between = bool(filled) and any(not t for t in inner[filled[0] : filled[-1]])
    alternating = any(
        all(bool(t) == (k % 2 == first) for k, t in enumerate(texts)) for first in (0, 1)
    )
    return between and not alternating


def _header_words(line: str) -> bool:
    """Header words of a table (信息内容, 本年增/减 …), not a row's or group's label."""
    return bool(glued.segment(line)) and not metadata.is_table_label(line)


@lru_cache(maxsize=1024)
def _widths(labels: tuple[str, ...]) -> frozenset[int]:
    """How many cells a row with these labels has: a 表二 row's own (3 for 规章, 1 for
    行政许可 in 2021 …), else 表三's seven."""
    from reportcheck.model.labels import label_key

    keys = {label_key(x) for x in labels}
    found = {
        len(r.columns)
        for fmt in FORMATS.values()
        for r in fmt.table("proactive_disclosure").rows
        if label_key(r.label) in keys
    }
    return (
        frozenset(found)
        if found
        else frozenset({len(FORMATS["2021"].table("applications").columns)})
    )


on_formats_changed(_widths.cache_clear)  # the widths come from the registered formats


def _line_cell(line: str, start: int, no: int) -> TextCell:
    lead = len(line) - len(line.lstrip())
    return TextCell(line.strip(), start + lead, no)


def _join_cell(lines: list[str], starts: list[int], rows: list[int], no: int) -> TextCell:
    """One cell from the lines between two tabs (a cell of several paragraphs joined)."""
    if not rows:
        return TextCell("", 0, no)
    first = _line_cell(lines[rows[0]], starts[rows[0]], no)
    parts = [lines[r].strip() for r in rows]
    text = "".join(parts) if all(_CJK.search(x) for x in parts) else " ".join(parts)
    return TextCell(text.strip(), first.start, no)


def _trim_row(cells: list[TextCell]) -> list[TextCell]:
    for k, c in enumerate(cells, 1):
        c.field = k
    return cells


def _line_pieces(no: int, start: int, line: str) -> list[Piece]:
    if not line.strip():
        return [Piece(no, start, line, "blank")]
    if _SEPARATOR.match(line):
        return [Piece(no, start, line, "separator")]
    if "|" in line and (line.count("|") >= 2 or not SENTENCE.search(line)):
        return [Piece(no, start, line, "row", [_pipe_row(line, start)])]
    if "\t" in line and _is_tab_row(line):
        return [Piece(no, start, line, "row", [_tab_row(line, start)])]
    spaced = _spaced_row(line, start)
    if spaced is not None and _figures(spaced[-1]) >= 3:
        # a label and three figures or more: a table's row, however its label is numbered
        # (「一一、本年新收…数量 63 9 1 0 4 2 79」 is no heading)
        return [Piece(no, start, line, "row", spaced)]
    lead = metadata.lead_heading(line)
    if lead is not None and not line[lead[1] :].strip(" \t。：:"):
        lead = None  # the heading is the whole line
    if lead is None and metadata.heading_line(line) is not None:
        return [Piece(no, start, line, "heading")]
    rows = _spaced_row(line, start) if lead is None else None
    if rows is not None:
        return [Piece(no, start, line, "row", rows)]
    cuts: list[tuple[int, int]] = []
    if lead is not None:
        cuts.append((0, lead[1]))
    cuts.extend(
        (s, e) for s, e, _ in metadata.inline_headings(line) if not cuts or s >= cuts[-1][1]
    )
    out: list[Piece] = []
    pos = 0
    for s, e in cuts:
        if line[pos:s].strip():
            out.append(Piece(no, start + pos, line[pos:s], "text"))
        out.append(Piece(no, start + s, line[s:e], "heading"))
        pos = e
    if line[pos:].strip() or not out:
        out.append(Piece(no, start + pos, line[pos:], "text"))
    return out


def _figures(cells: list[TextCell]) -> int:
    return sum(1 for c in cells if _value_token(c.text) is CellState.NUMBER)


RUN_KINDS = ("text", "blank")


def is_loose(p: Piece) -> bool:
    """A line a table may span: blank, a separator, or a short fragment that is no sentence."""
    if p.kind in ("blank", "separator"):
        return True
    text = p.text.strip()
    if p.kind != "text" or SENTENCE.search(text):
        return False
    # a longer line is loose only when made of header words (表四's copied header rows);
    # its length without spaces (text with its layout spaces out a table's header lines)
    short = len(text) <= 40 or len("".join(text.split())) <= 40
    return short or glued.segment(text) is not None or glued.header_fragments(text)


class Lines:
    """Locations in the text of a report: offsets to lines and columns."""

    text: str
    line_starts: list[int]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def location(self, offset: int, field_no: int | None = None) -> Location:
        line = self.line_of(offset)
        column = offset - self.line_starts[line - 1] + 1
        if field_no is not None:
            return Location(f"line {line}, field {field_no}", line, column)
        return Location(f"line {line}, col {column}", line, column)

    def line_location(self, offset: int) -> Location:
        line = self.line_of(offset)
        column = offset - self.line_starts[line - 1] + 1
        return Location(f"line {line}", line, column if column > 1 else None)

    def _paragraph(self, start: int, text: str) -> Block:
        lead = len(text) - len(text.lstrip())
        return Block(text.strip(), self.line_location(start + lead), offset=start + lead)
