"""Plain-text and Markdown reports: page text, copied text, Markdown extracted from PDFs.

The text is decoded (UTF-8 with or without BOM, else GB18030/GBK; UTF-16 with a BOM) and
cut into lines; ``Report.text`` is that text as it is (line breaks as ``\\n``), so an offset
in it gives the line and column in the file. Each line is then one of:

- a **table row** — fields separated by ``|`` (flattened tables, whose header rows are
  broken over several lines and whose merged cells are left as empty fields, and Markdown
  tables, whose ``|---|`` rows are skipped and whose ``<br>`` inside cells are spaces), or a
  label followed by numbers separated by spaces or tabs (``行政许可 97``, 表四's 15 numbers
  ``0 0 0 … 0``, possibly after its header words);
- a **heading** (``一、总体情况``; standard headings that run on inside a line are cut out
  of it, see :mod:`reportcheck.readers.metadata`);
- a **paragraph**.

Consecutive table rows make one table; short loose lines between them (labels torn from
their numbers in a PDF extraction) do not break it, and lines made only of header words
(``行政复议行政诉讼``) are kept as header rows. Cells are located as ``line 27, field 3``
(``Location.line`` 27, ``Location.column`` the character column of the field).

Two repairs, each said in a finding, never silent:

- **rows without labels** (PDF extraction tears labels away): between two labelled rows of
  表三, unlabelled rows of seven numbers are given the missing rows' identities in order
  when their number is exactly the number of rows missing there (RC005, info); otherwise
  they are not read (RC003);
- **cells run together** (page text with no separator, ``640020470``): see
  :mod:`reportcheck.readers.glued`; a row is read only where the table's structure leaves
  one reading (RC003 when it does not, RC005 naming the relations then assumed).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model.labels import label_key
from reportcheck.model.report import CellState, Location, Report
from reportcheck.model.tables import FORMATS, LATEST, TABLE_SHORT, TableDef, match_row
from reportcheck.model.values import parse_text
from reportcheck.readers import glued, metadata
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block, build_report
from reportcheck.rules.registry import make

LOOSE_GAP = 12
"""Loose lines (torn labels, blank lines) a table may span between two of its rows."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TOKEN = re.compile(r"[^ \t\u3000]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[。；;！？!?]")


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read a plain-text or Markdown report (``kind`` is ``text`` or ``markdown``)."""
    text = "\n".join(_LINE_BREAK.split(decode(path, data)))
    version = _version(text, settings)
    blocks, findings = TextReader(text, version).blocks()
    report = build_report(path, kind, blocks, settings, text)
    if not report.tables and not report.sections and report.metadata.year is None:
        raise InputError(
            path,
            "不是政府信息公开工作年度报告：没有找到表格、章节标题或报告标题",
            "not an annual report: no table, section heading or report title was found",
        )
    report.findings.extend(findings)
    return report


def decode(path: str, data: bytes) -> str:
    """The text of a file: BOM first, then UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        path,
        "无法识别文本编码（应为 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16）",
        "cannot decode the text (expected UTF-8, GBK/GB18030 or UTF-16 with a BOM)",
    )


def _version(text: str, settings: Settings) -> str:
    """The format version to read glued and unlabelled rows with (labels, year, default)."""
    if settings.format_version:
        return settings.format_version
    key = label_key.__wrapped__(text)  # not cached: a whole report is no label
    hits = {v: sum(1 for k in fmt.signature if k in key) for v, fmt in FORMATS.items()}
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    if ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    year = metadata.extract(text).year
    if year is not None:
        return "2019" if year <= 2020 else "2021"
    return settings.default_format_version or LATEST


# ----------------------------------------------------------------------------- lines


@dataclass
class _Cell:
    text: str
    start: int
    """Offset in the report text."""
    field: int | None = None
    """1-based field number in its line (None for cells cut from glued text)."""


@dataclass
class _Piece:
    """A line, or part of a line cut at a heading."""

    line: int
    start: int
    text: str
    kind: str
    """blank | separator | heading | row | text"""
    rows: list[list[_Cell]] = field(default_factory=list)
    """A table row's cells (two rows when header words precede numbers on one line)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@lru_cache(maxsize=4096)
def _is_label(text: str) -> bool:
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


def _pipe_row(line: str, start: int) -> list[_Cell]:
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
        cells.append(_Cell(_clean_field(part).strip(), start + pos + lead, no))
        pos += len(part) + 1
    if not stripped.startswith("|"):
        # flattened text: trailing empty fields are merged cells of the page, not cells
        while cells and not cells[-1].text:
            cells.pop()
    return cells


_ROW_TABLES: tuple[TableDef, ...] = tuple(
    t for fmt in FORMATS.values() for t in fmt.tables if t.id != "review_litigation"
)


def _names_row(labels: list[str]) -> bool:
    return _names_row_cached(tuple(labels))


@lru_cache(maxsize=4096)
def _names_row_cached(labels: tuple[str, ...]) -> bool:
    return any(match_row(t, list(labels)) is not None for t in _ROW_TABLES)


_ENDS_IN_VALUE = re.compile(r"[0-9０-９/／\-—–－─无×]\s*$")


def _spaced_row(line: str, start: int) -> list[list[_Cell]] | None:
    """A label (or nothing) followed by numbers separated by spaces or tabs."""
    if not _ENDS_IN_VALUE.search(line):
        return None
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(line)]
    k = len(tokens)
    while k > 0 and _value_token(tokens[k - 1][0]) is not None:
        k -= 1
    values = tokens[k:]
    if not any(_value_token(t) is CellState.NUMBER for t, _ in values):
        return None
    prefix = tokens[:k]
    no = 1
    cells: list[_Cell] = []
    header: list[_Cell] = []
    if prefix:
        text = line[: values[0][1]].strip()
        if len(text) > 60 or _SENTENCE.search(text) or not _CJK.search(text) or "|" in text:
            return None
        words = glued.segment(text) if len(prefix) > 1 else None
        split = _merge_numbering([t for t, _ in prefix])
        if words and len(words) > 1 and len(values) > 1:
            # header words, then the numbers (表四 on one line): a header row and a data row
            header = [_Cell(w, start + prefix[0][1], i) for i, w in enumerate(words, 1)]
            no = len(words) + 1
        elif len(split) > 1 and _names_row(split):
            # a group label and a row label: 「（三）不予公开 1.属于国家秘密 0 0 …」
            offsets = _token_starts(prefix, split)
            cells.extend(
                _Cell(t, start + c, i)
                for i, (t, c) in enumerate(zip(split, offsets, strict=True), 1)
            )
            no = len(split) + 1
        elif len(values) > 1 or _names_row([text]):
            cells.append(_Cell(text, start + prefix[0][1], 1))
            no = 2
        else:
            return None
    elif len(values) < 2:
        return None
    cells.extend(_Cell(t, start + c, no + i) for i, (t, c) in enumerate(values))
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


def _pieces(text: str) -> list[_Piece]:
    out: list[_Piece] = []
    start = 0
    for no, line in enumerate(text.split("\n"), 1):
        out.extend(_line_pieces(no, start, line))
        start += len(line) + 1
    return out


def _line_pieces(no: int, start: int, line: str) -> list[_Piece]:
    if not line.strip():
        return [_Piece(no, start, line, "blank")]
    if _SEPARATOR.match(line):
        return [_Piece(no, start, line, "separator")]
    if "|" in line and (line.count("|") >= 2 or not _SENTENCE.search(line)):
        return [_Piece(no, start, line, "row", [_pipe_row(line, start)])]
    lead = metadata.lead_heading(line)
    if lead is not None and not line[lead[1] :].strip(" \t。：:"):
        lead = None  # the heading is the whole line
    if lead is None and metadata.heading_line(line) is not None:
        return [_Piece(no, start, line, "heading")]
    rows = _spaced_row(line, start) if lead is None else None
    if rows is not None:
        return [_Piece(no, start, line, "row", rows)]
    cuts: list[tuple[int, int]] = []
    if lead is not None:
        cuts.append((0, lead[1]))
    cuts.extend(
        (s, e) for s, e, _ in metadata.inline_headings(line) if not cuts or s >= cuts[-1][1]
    )
    out: list[_Piece] = []
    pos = 0
    for s, e in cuts:
        if line[pos:s].strip():
            out.append(_Piece(no, start + pos, line[pos:s], "text"))
        out.append(_Piece(no, start + s, line[s:e], "heading"))
        pos = e
    if line[pos:].strip() or not out:
        out.append(_Piece(no, start + pos, line[pos:], "text"))
    return out


_RUN_KINDS = ("text", "blank")


def _loose(p: _Piece) -> bool:
    """A line a table may span: blank, a separator, or a short fragment that is no sentence."""
    if p.kind in ("blank", "separator"):
        return True
    text = p.text.strip()
    if p.kind != "text" or _SENTENCE.search(text):
        return False
    # a longer line is loose only when made of header words (表四's copied header rows)
    return len(text) <= 40 or glued.segment(text) is not None


# ----------------------------------------------------------------------------- reader


class TextReader:
    """Turns the text of a report into blocks (paragraphs and tables) and findings."""

    def __init__(self, text: str, version: str) -> None:
        self.text = text
        self.version = version
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.findings: list[Finding] = []

    # -- locations

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

    # -- blocks

    def blocks(self) -> tuple[list[Block], list[Finding]]:
        pieces = _pieces(self.text)
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

    def _paragraph(self, start: int, text: str) -> Block:
        lead = len(text) - len(text.lstrip())
        return Block(text.strip(), self.line_location(start + lead), offset=start + lead)

    def _regions(self, pieces: list[_Piece]) -> list[tuple[int, int, list[int]]]:
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
                elif _loose(p):
                    gap += p.kind not in ("blank", "separator")
                    if gap > LOOSE_GAP:
                        break
                else:
                    break
                j += 1
            header: list[int] = []
            k, gap = first - 1, 0
            while k >= 0 and _loose(pieces[k]) and gap <= LOOSE_GAP:
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
        self, pieces: list[_Piece], first: int, last: int, header_rows: list[int]
    ) -> Block:
        rows: list[list[_Cell]] = []
        for i in range(min([first, *header_rows]), last + 1):
            p = pieces[i]
            if p.kind == "row":
                rows.extend(r for r in p.rows)
            elif p.kind == "text" and (i in header_rows or i > first):
                words = glued.segment(p.text)
                if words:
                    lead = len(p.text) - len(p.text.lstrip())
                    rows.append([_Cell(w, p.start + lead, None) for w in words])
        self._label_orphans(rows)
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

    # -- rows without labels

    def _label_orphans(self, rows: list[list[_Cell]]) -> None:
        """Give unlabelled rows of 表三 the identity of the rows missing between two labelled ones."""
        tdef = FORMATS[self.version].table("applications")
        order = {r.id: i for i, r in enumerate(tdef.rows)}
        anchors: list[tuple[int, int]] = []  # (row index, table row index)
        orphans: list[int] = []
        for i, row in enumerate(rows):
            labels = [c.text for c in row if _is_label(c.text)]
            values = [c for c in row if c.text.strip() and not _is_label(c.text)]
            if labels and values:
                rdef = match_row(tdef, labels)
                if rdef is not None:
                    anchors.append((i, order[rdef.id]))
            elif not labels and len(values) == len(tdef.columns):
                orphans.append(i)
        if not orphans or len(anchors) < 2:
            return
        matched = {t for _, t in anchors}
        named: list[tuple[str, int]] = []
        for (ra, ia), (rb, ib) in pairwise(anchors):
            between = [i for i in orphans if ra < i < rb]
            if not between or ib <= ia:
                continue
            missing = [tdef.rows[k] for k in range(ia + 1, ib) if k not in matched]
            if len(missing) != len(between):
                loc = self.location(rows[between[0]][0].start, rows[between[0]][0].field)
                self.findings.append(
                    make(
                        "RC003",
                        f"表三「{tdef.rows[ia].label}」与「{tdef.rows[ib].label}」之间有 "
                        f"{len(between)} 行数字没有行标签，而这里缺少 {len(missing)} 行："
                        f"无法确定各行对应哪一项，这些行未读取",
                        f"Table 3 has {len(between)} rows of numbers without labels between "
                        f"“{tdef.rows[ia].label}” and “{tdef.rows[ib].label}”, where "
                        f"{len(missing)} rows are missing: cannot tell which is which, so they "
                        f"were not read",
                        table="applications",
                        location=loc,
                    )
                )
                continue
            for i, rdef in zip(between, missing, strict=True):
                cell = rows[i][0]
                rows[i].insert(0, _Cell(rdef.label, cell.start, cell.field))
                named.append((rdef.full_label, self.line_of(cell.start)))
        if named:
            listed = "、".join(f"「{label}」（第 {line} 行）" for label, line in named)
            listed_en = ", ".join(f"“{label}” (line {line})" for label, line in named)
            self.findings.append(
                make(
                    "RC005",
                    f"表三有 {len(named)} 行数字没有行标签（标签在提取时与数字分开了），"
                    f"按它们在有标签的行之间的位置确定为：{listed}",
                    f"Table 3 has {len(named)} rows of numbers without labels (torn away in "
                    f"extraction); identified by their place between labelled rows as: "
                    f"{listed_en}",
                    table="applications",
                    location=self.line_location(rows[anchors[0][0]][0].start),
                    hint="请核对这些行的数字是否与原报告一致",
                    hint_en="check these rows against the original report",
                )
            )

    # -- paragraphs and glued tables

    def _text_blocks(self, pieces: list[_Piece], covered: list[bool]) -> list[Block]:
        """Paragraphs, with the tables found in runs of text whose cells ran together."""
        out: list[Block] = []
        run: list[_Piece] = []
        for i, p in enumerate([*pieces, None]):
            if p is not None and not (i < len(covered) and covered[i]) and p.kind in _RUN_KINDS:
                run.append(p)
                continue
            if run:
                out.extend(self._glued_run(run))
                run = []
        return out

    def _glued_run(self, run: list[_Piece]) -> list[Block]:
        texts = [p for p in run if p.kind == "text"]
        if not texts:
            return []
        a, b = texts[0].start, texts[-1].end
        spans: list[tuple[int, int, Block]] = []
        chunk = self.text[a:b]
        if re.search(r"\d", chunk):
            for table in self._find_glued(chunk):
                spans.append((a + table.start, a + table.end, self._glued_block(table, a)))
        out = [blk for _, _, blk in spans]
        for p in texts:
            pos = p.start
            for s, e, _ in sorted(spans):
                if e <= pos or s >= p.end:
                    continue
                if p.text[pos - p.start : s - p.start].strip():
                    out.append(self._paragraph(pos, self.text[pos:s]))
                pos = max(pos, e)
            if pos < p.end and self.text[pos : p.end].strip():
                out.append(self._paragraph(pos, self.text[pos : p.end]))
        return out

    def _find_glued(self, chunk: str) -> list[glued.GluedTable]:
        fmt = FORMATS[self.version]
        found: list[glued.GluedTable] = []
        if _GLUED_T3.search(chunk):
            t3 = glued.find_rows_table(chunk, fmt.table("applications"), minimum=5)
            if t3 is not None:
                found.append(t3)
        if _GLUED_T2.search(chunk):
            t2 = glued.find_rows_table(chunk, fmt.table("proactive_disclosure"), minimum=2)
            if t2 is not None and not any(_overlap(t2, t) for t in found):
                found.append(t2)
        if "复议后起诉" in chunk:
            t4 = glued.find_review(chunk)
            if t4 is not None and not any(_overlap(t4, t) for t in found):
                found.append(t4)
        return found

    def _glued_block(self, table: glued.GluedTable, base: int) -> Block:
        """A grid of the rows read from glued text; the others reported."""
        tdef = FORMATS[self.version].table(table.table_id)
        used: list[str] = []
        if table.table_id == "applications":
            used = glued.resolve_columns(table, self.version)
        grid = Grid(f"glued {TABLE_SHORT[table.table_id]}", by_header=False)
        r = 0
        start = base + table.start
        header = table.header or self._glued_header(table, base)
        for c, word in enumerate(header):
            grid.cells[(r, c)] = GridCell(word, self.line_location(start))
        r += 1 if header else 0
        assumed: list[str] = []
        for g in table.rows:
            cells = g.reading.cells
            label_loc = self.location(base + g.label_start)
            if cells is None:
                self.findings.append(self._unreadable(tdef, g, base))
                continue
            if g.reading.assumed:
                assumed.append(g.row.full_label if g.label else "")
            c = 0
            if g.label:
                grid.cells[(r, 0)] = GridCell(g.label, label_loc)
                c = 1
            for digits, off in cells:
                grid.cells[(r, c)] = GridCell(digits, self.location(base + g.run_start + off))
                c += 1
            r += 1
        grid.finish()
        if assumed:
            self.findings.append(self._assumed(tdef, table, base, assumed, used))
        end = base + table.end
        return Block(self.text[start:end], self.line_location(start), grid, offset=start)

    def _glued_header(self, table: glued.GluedTable, base: int) -> list[str]:
        """Version-specific header words inside a glued 表二 (evidence of the format)."""
        if table.table_id != "proactive_disclosure":
            return []
        span = self.text[base + max(table.start - 200, 0) : base + table.end]
        key = label_key.__wrapped__(span)
        return sorted({k for fmt in FORMATS.values() for k in fmt.signature if k in key})

    def _unreadable(self, tdef: TableDef, g: glued.GluedRow, base: int) -> Finding:
        n = len(g.reading.options)
        label = g.row.full_label if g.label else tdef.short
        run = g.run.strip() or "（无）"
        if n == 0 and not g.reading.more:
            why = "没有一种拆分符合本表的结构"
            why_en = "no split fits the table's structure"
        else:
            many = f"{n}+" if g.reading.more else str(n)
            why = f"有 {many} 种拆分都符合本表的结构"
            why_en = f"{many} splits fit the table's structure"
        return make(
            "RC003",
            f"{tdef.short}「{label}」的数字在原文中连在一起（{run}），{why}：无法确定各单元格的值，本行未读取、未检查",
            f"{TABLE_SHORT[tdef.id]} row “{label}”: its digits run together in the text "
            f"({run}) and {why_en}: the cells cannot be told apart, so the row was not read "
            f"or checked",
            table=tdef.id,
            row=g.row.id if tdef.id != "review_litigation" else None,
            row_label=g.row.full_label if tdef.id != "review_litigation" else None,
            location=self.location(base + g.label_start),
            actual=run,
        )

    def _assumed(
        self,
        tdef: TableDef,
        table: glued.GluedTable,
        base: int,
        rows: list[str],
        used: list[str],
    ) -> Finding:
        if tdef.id == "review_litigation":
            rel = "每组「总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结」"
            rel_en = "each group's total = upheld + corrected + other + pending"
        else:
            rel = "每行「总计 = 自然人 + 法人或其他组织各列」"
            rel_en = "each row's total = natural persons + the organisation columns"
        cols = ""
        cols_en = ""
        if used:
            kinds = sorted({u.split(":")[0] for u in used})
            names = {
                "results_total": "「（七）总计 = 各办理结果之和」",
                "balance": "勾稽关系「第一项 + 第二项 = 第三项 + 第四项」",
            }
            names_en = {
                "results_total": "total answered = sum of the result rows",
                "balance": "received + carried over = answered + carried forward",
            }
            cols = "；有的行还需用到各列的" + "和".join(names[k] for k in kinds)
            cols_en = "; some rows also needed the columns' " + " and ".join(
                names_en[k] for k in kinds
            )
        if rows == [""]:
            which, which_en = "其 15 个数字", "its 15 numbers"
        else:
            which = "、".join(f"「{r}」" for r in rows[:8]) + (" 等" if len(rows) > 8 else "")
            which_en = f"{len(rows)} row(s)"
        return make(
            "RC005",
            f"{tdef.short}的数字在原文中连在一起，已按表格结构拆分；{which}只有假定{rel}才有唯一拆分"
            f"{cols}：这些关系因此不能作为核对依据",
            f"{TABLE_SHORT[tdef.id]}: the digits run together in the text and were split by the "
            f"table's structure; {which_en} split uniquely only by assuming {rel_en}"
            f"{cols_en}: those relations hold by construction and are no evidence",
            table=tdef.id,
            location=self.location(base + table.start),
            hint="请以原网页或原文件的表格核对这些数字",
            hint_en="check these figures against the table in the original page or file",
        )


_GLUED_T3 = re.compile(r"(?:申请数量|予以公开|不予公开|无法提供|不予处理|总计)\s*[0-9０-９]")
_GLUED_T2 = re.compile(
    r"(?:规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)\s*[0-9０-９]"
)


def _overlap(a: glued.GluedTable, b: glued.GluedTable) -> bool:
    return a.start < b.end and b.start < a.end
