"""The text reader: the lines of a report into blocks (paragraphs and tables)."""

from __future__ import annotations

import itertools
import re
import statistics
from typing import Any

from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model.report import Location, Report
from reportcheck.model.rowfinder import candidates, find_one, match_row
from reportcheck.model.tables import FORMATS, formats_cache
from reportcheck.readers import glued
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block, build_report
from reportcheck.readers.text.decode import decode
from reportcheck.readers.text.lines import (
    _CJK,
    LINE_BREAK,
    MAX_LINE,
    MAX_LINES,
    NUMBERED,
    Piece,
    TextCell,
    is_label,
    is_loose,
    split_pieces,
    unboxed,
)
from reportcheck.readers.text.prose_split import resolve
from reportcheck.readers.text.repair import Repairs, Unresolved
from reportcheck.readers.text.version import detect_version

_TOKENS = re.compile(r"[^\s\u3000]+")
_INNER_NUMBER = re.compile(r"\d+\s*[、.．]")
_INNER_NUMBERING = re.compile(r"[(（]\s*[一二三四五六七八九十]+\s*[)）]|\d+\s*[、.．](?!\d)")
"""A numbering inside a label, after pieces of a group label printed beside it (「予处理4.」,
「、 （二）」)."""
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?)\s*$"
)
_GLUED_FIGURE = re.compile(r"[\u4e00-\u9fff）)]\d+\s*$")
"""A label that ends in figures run into it (「…另行制作2」: the row's first figure, its
label filling the column up to it)."""
_DIGIT = re.compile(r"\d")
_LONE_FIGURE = re.compile(r"^\s*\d{1,6}\s*$")
"""A line holding one figure and nothing else, inside a table torn apart by extraction."""

LONGEST_LABEL = 80
"""Characters of the longest label a row may have (its group's before it: some 50); a
longer text is tried as no row's (a table's lines of label text go on no further)."""

LOOSE_GAP = 12
"""Loose lines (torn labels, blank lines) a table may span between two of its rows."""


def _is_fragment(event: tuple[str, Any]) -> bool:
    """Whether an event of :class:`_Wrapped` is a line of label text that starts no
    numbering (the rest of a label)."""
    return event[0] == "fragment" and not NUMBERED.match(event[1].text)


def _label_piece(text: str) -> bool:
    """Whether a line of a table could be a row's label or a piece of one: short Chinese
    text, no sentence, no figure but its numbering."""
    compact = "".join(text.split())
    numbering = NUMBERED.match(compact)
    rest = _INNER_NUMBER.sub("", compact[numbering.end() if numbering else 0 :])
    return (
        0 < len(compact) <= 40
        and bool(_CJK.search(compact))
        and not any(ch.isdigit() for ch in rest)
        and not re.search(r"[。；;！？!?：:]", compact)
    )


@formats_cache
def _label_words(version: str) -> tuple[frozenset[str], frozenset[str]]:
    """For :class:`_Wrapped`, in ``version``: the characters of the group labels (the
    pieces printed down the side), and the words of the tables' headers (a line holding
    one is no piece of a row label)."""
    tables = [t for t in FORMATS[version].tables if t.id != "review_litigation"]
    side = frozenset(ch for t in tables for r in t.rows if r.group for ch in r.group if ch.strip())
    heads = frozenset(
        {"申请人情况", "法人或其他组织", "本列数据", "勾稽关系", "信息内容"}
        | {c.label for t in FORMATS[version].tables for c in t.columns if len(c.label) >= 3}
    )
    return side, heads


class _Wrapped:
    """Labels wrapped in their cells, put back together — text taken from a PDF with its
    layout (pdftotext -layout, a PDF viewer's copy) prints a label wrapped over two or
    three lines with its figures on one of them: the first (the rest of the label on the
    lines below, alone), the last (the head above, alone), or one in the middle.

    Lines of a table holding label text and no figures are fragments: one that starts a
    numbered label (「5.」「（六）」) is the head of the next row's label; one that does not
    goes on the head before it, or else on the label of the row above while that label
    names no row of the format (its tail). The row of figures takes the head: as its label
    when it has none, before its own when that starts no numbering (its middle line).
    Pieces of a group label printed down the side (「其他处」「理」: four characters or
    fewer, all of group labels) are left out, as they are beside rows of figures.

    Only where this is sure: a head that starts no numbering is given to no row; a line
    with figures that is no row (「行政许可 58 -3 2l04」) or a page break ends what is
    joined; when a second head comes before any row took the first, or a
    row without a label is followed by another (an extraction that lists the labels apart
    from their figures, 008's Markdown), no head is given until a row with a label of its
    own: those rows are placed by their order (:meth:`Repairs._label_orphans`) — unless
    the last head and the rest of its label (the row's own label, or the lines after a row
    without one) make a whole label of 表三: the first head was a row's label alone."""

    def __init__(self, version: str, spaced: bool) -> None:
        fmt = FORMATS[version]
        self.spaced = spaced
        """The table is laid out with spaces (no 「|」 or tab between its cells)."""
        self.tables = [t for t in fmt.tables if t.id != "review_litigation"]
        self.side, self.heads = _label_words(version)
        self.events: list[tuple[str, Any]] = []
        self.places: dict[int, int] = {}
        """Where each fragment stands: how many rows came before it."""
        self.applications = fmt.table("applications")
        self.blank: list[tuple[int, list[TextCell]]] = []
        """Lines that are a whole label of 表三 and went with no row: rows whose cells are
        all empty, if the table prints empty cells as nothing (see _blank_cells)."""

    def header(self) -> None:
        self.events.append(("header", None))

    def row(self, cells: list[TextCell]) -> None:
        self.events.append(("row", cells))

    def fragment(self, piece: Piece, at: int) -> None:
        """A line of label text without figures; ``at``: how many rows came before it."""
        compact = "".join(piece.text.split())
        if (
            "\f" in piece.text
            or any(word in compact for word in self.heads)
            or glued.header_fragments(piece.text)
        ):
            self.header()  # a page break, the header printed again: no label goes over it
            return
        tokens = [(m.group(), m.start()) for m in _TOKENS.finditer(piece.text)]
        # pieces of a group label down the side, left of the label column; the last word
        # of a line of several is the label column's own (「开      公开」: 公开 ends a label)
        while len(tokens) > 1 and self._is_side(tokens[0][0]):
            tokens.pop(0)
        if not tokens or (
            len(tokens) == 1
            and self._is_side(tokens[0][0])
            and len(_TOKENS.findall(piece.text)) == 1
        ):
            return
        words = "".join(t for t, _ in tokens)
        inner = _INNER_NUMBERING.search(words)
        if inner and inner.start() and self._is_side(words[: inner.start()], 6):
            words = words[inner.start() :]  # 「予处理4.无正当理由…」: the side glued on
        numbering = NUMBERED.match(words)
        rest = _INNER_NUMBER.sub("", words[numbering.end() if numbering else 0 :])
        if any(ch.isdigit() for ch in rest):
            self.header()  # figures in it: a row not read as one, no piece of a label
        elif is_label(words):
            cell = TextCell(words, piece.start + tokens[0][1])
            self.events.append(("fragment", cell))
            self.places[id(cell)] = at

    def _numbered(self, label: str) -> bool:
        """Whether a label starts a numbering, pieces of a group label before it aside
        (「供3.补正后…」, 「、 （二）部分公开…」)."""
        if NUMBERED.match(label):
            return True
        inner = _INNER_NUMBERING.search(label)
        head = "".join(label[: inner.start()].split()) if inner else ""
        return bool(inner and head and self._is_side(head, 6))

    def _whole_label(self, text: str) -> list[str] | None:
        """The labels (group, row) of ``text`` when it is exactly a row label of 表三, its
        group label before it or not (「（三）不予公开1.属于国家秘密」), else None."""
        if len(text) > LONGEST_LABEL:
            return None
        if match_row(self.applications, [text]) is not None:
            return [text]
        for group in {r.group for r in self.applications.rows if r.group}:
            rest = text[len(group) :] if text.startswith(group) else ""
            if rest and match_row(self.applications, [group, rest]) is not None:
                return [group, rest]
        return None

    def _closer(self, label: str, longer: str) -> bool:
        """Whether ``longer`` (a label and a line after it) is at least as close to a row of
        the format as ``label``: a line that takes it further from every row (a page's
        running header, 「某某局政府信息公开」) is no rest of it."""

        def best(text: str) -> float:
            return max(
                (c[0].score for t in self.tables if (c := candidates(t, (text,)))), default=0.0
            )

        return best(longer) >= best(label)

    def _names(self, label: str) -> bool:
        """Whether a label names a row of the format by itself, however numbered (「二上年
        结转…」): the label of a row of its own, no tail of the label above."""
        return any(find_one(t, (label,)) is not None for t in self.tables)

    def _without_side(self, label: str) -> str:
        """A label without the pieces of a group label printed beside it (「理  求缴纳…」),
        its words joined."""
        tokens = label.split()
        while tokens and self._is_side(tokens[0]):
            tokens.pop(0)
        return "".join(tokens)

    def _is_side(self, token: str, most: int = 4) -> bool:
        return len(token) <= most and all(ch in self.side for ch in token)

    def _open(self, labels: list[TextCell]) -> bool:
        """Whether a row's labels (its group's, its own) name no row of the format: its
        own may go on on the line below."""
        texts = [c.text for c in labels]
        if not texts:
            return False
        seen = _INNER_NUMBER.search(texts[-1])
        for table in self.tables:
            rdef = match_row(table, texts)
            if rdef is None:
                continue
            own = _INNER_NUMBER.search(rdef.label)
            if not (seen and own and seen.group().strip() != own.group().strip()):
                return False  # named (its numbering too: 「2.其他」 is no 「3.其他」)
        return True

    def finish(self) -> None:
        """Join the fragments to the rows they belong to (see the class)."""
        head: list[TextCell] = []
        last: list[TextCell] = []  # the labels of the row above
        unsure = False
        loose: list[TextCell] = []  # while unsure: the last numbered fragment, and its rest
        broken: list[TextCell] = []  # a numbered head that a page break parted from its row
        used: set[int] = set()  # the fragments given to a row
        events = self.events
        width = len(self.applications.columns)
        # a table laid out with spaces printing its zeros as nothing (two rows with some
        # figures missing at least): a whole label alone is a row of empty cells (a table
        # with its cells marked off, 「|」, prints an empty row as one)
        empties = self.spaced and (
            sum(
                1
                for kind, thing in events
                if kind == "row"
                and any(is_label(c.text) for c in thing)
                and 0 < sum(1 for c in thing if c.text.strip() and not is_label(c.text)) < width
            )
            >= 2
        )
        for k, (kind, thing) in enumerate(events):
            if kind == "header":
                if head and NUMBERED.match(head[0].text):
                    broken = head  # a label's head before a page break
                head, last, unsure, loose = [], [], False, []
            elif kind == "fragment":
                numbered = bool(NUMBERED.match(thing.text))
                if unsure:
                    if numbered:
                        loose = [thing]
                    elif loose:
                        loose.append(thing)
                    continue
                if numbered and head and not NUMBERED.match(head[0].text):
                    head = [thing]  # what went before was the end of a label, not a head
                elif numbered and head:
                    if empties and self._whole_label("".join(c.text for c in head)):
                        head = [thing]  # the one before: a row of empty cells
                    else:
                        head, unsure = [], True  # labels listed apart from their figures
                        loose = [thing]
                elif numbered or (not head and not self._open(last)):
                    head = [thing]
                elif head:
                    head.append(thing)
                elif (
                    last
                    and len(last[-1].text) <= LONGEST_LABEL
                    and self._closer(last[-1].text, last[-1].text + thing.text)
                ):
                    last[-1].text += thing.text
            else:
                cells: list[TextCell] = thing
                labels = [c for c in cells if is_label(c.text)]
                leaf = labels[-1] if labels else None
                own = leaf is not None and (self._numbered(leaf.text) or self._names(leaf.text))
                headed = bool(head and NUMBERED.match(head[0].text))
                before = loose if unsure else [] if headed else broken
                if own:
                    unsure = False
                elif before and leaf is not None:
                    # the last head and this row's label make a whole label of 表三 (「（一）
                    # 予以公开」 alone, its cells empty, then 「（二）部分公开（…只计这一」 and
                    # 「情形，不计其他情形） 6 1 0 …」): a wrapped label after all
                    # (the label may go on after the figures too: 「…逾期不补」 ⏎ 「正、…其政府
                    # 1 0 …」 ⏎ 「信息公开申请」)
                    # — or a head before a page break (its footer and header between them)
                    head_text = "".join(c.text for c in before) + self._without_side(leaf.text)
                    rest = itertools.takewhile(_is_fragment, events[k + 1 : k + 5])
                    if self._whole_label(head_text) or self._whole_label(
                        head_text + "".join(t.text for _, t in rest)
                    ):
                        leaf.text = head_text
                        used.update(id(c) for c in before)
                        unsure = False
                        head = []
                elif unsure and loose and leaf is None:
                    # the figures on a middle line of the last head's label: the label goes on
                    # after them (「5.要求行政机关确认或重新出」 ⏎ 「0 0 0 …」 ⏎ 「具已获取信息」)
                    tails = list(itertools.takewhile(_is_fragment, events[k + 1 : k + 5]))
                    whole = "".join(c.text for c in loose) + "".join(t.text for _, t in tails)
                    if tails and not NUMBERED.match(tails[0][1].text) and self._whole_label(whole):
                        leaf = TextCell("".join(c.text for c in loose), loose[0].start, None)
                        cells.insert(0, leaf)
                        labels = [leaf]
                        used.update(id(c) for c in loose)
                        unsure = False
                        head = []
                if head and not unsure and NUMBERED.match(head[0].text):
                    joined = "".join(c.text for c in head)
                    if leaf is None:
                        nxt = events[k + 1] if k + 1 < len(events) else None
                        if (
                            nxt is not None
                            and nxt[0] == "row"
                            and not any(is_label(c.text) for c in nxt[1])
                        ):
                            unsure = True  # rows of figures without labels, one after another
                        else:
                            leaf = TextCell(joined, head[0].start, None)
                            cells.insert(0, leaf)
                            used.update(id(c) for c in head)
                    elif not own:
                        leaf.text = joined + self._without_side(leaf.text)
                        used.update(id(c) for c in head)
                head, loose, broken = [], [], []
                last = [*labels[:-1], leaf] if leaf is not None else []
        # lines of label text given to no row: a numbered one and those after it that go
        # on (no numbering), joined — a whole label of 表三 is a row printed without figures
        block: list[TextCell] = []
        for kind, thing in [*events, ("header", None)]:
            if (
                kind == "fragment"
                and id(thing) not in used
                and (block or self._numbered(thing.text))
            ):
                if block and self._numbered(thing.text):
                    self._blank_row(block)
                    block = []
                block.append(thing)
                continue
            if block:
                self._blank_row(block)
            block = []

    def _blank_row(self, block: list[TextCell]) -> None:
        labels = self._whole_label("".join(c.text for c in block))
        if labels is not None:
            cells = [TextCell(t, block[0].start) for t in labels]
            self.blank.append((self.places[id(block[0])], cells))


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


@formats_cache
def _column_chars(version: str) -> frozenset[str]:
    """The characters of 表三's column headers (自然人 商业企业 …) in ``version``."""
    return frozenset(ch for c in FORMATS[version].table("applications").columns for ch in c.label)


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
            heading = self._heading(pieces, first, header_rows)
            for i in range(min([first, *header_rows, *heading]), last + 1):
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
                    # a row's label alone (its cells all empty, printed as nothing) or a
                    # piece of a wrapped label is part of the table: not counted
                    gap += p.kind not in ("blank", "separator") and not _label_piece(p.text)
                    if gap > LOOSE_GAP:
                        break
                else:
                    break
                j += 1
            header: list[int] = []
            k, gap = first - 1, 0
            while k >= 0 and is_loose(pieces[k]) and gap <= LOOSE_GAP:
                if pieces[k].kind == "text":
                    if glued.segment(pieces[k].text):
                        header.insert(0, k)
                    elif not glued.header_piece(pieces[k].text):
                        # pieces of header words (表四's broken a word or two per line,
                        # some 30 lines of them) do not count towards the gap
                        gap += 1
                k -= 1
            if out and header and header[0] <= out[-1][1]:
                header = [h for h in header if h > out[-1][1]]
            out.append((first, last, header))
            i = last + 1
        return out

    def _blank_cells(
        self,
        rows: list[list[TextCell]],
        parts: list[tuple[int, list[Piece]]],
        blank: list[tuple[int, list[TextCell]]],
    ) -> None:
        """Empty cells of a table laid out with spaces (pdftotext -layout): a row with fewer
        figures than the table has columns has them placed under the columns where they
        stand, and an empty cell in each column left over, as the PDF prints it.

        Each part of the table (``parts``: the index of its first row, and the header lines
        above it — a table goes on over a page break under its header printed again, and
        the text sets it somewhere else on the line) has its own columns: where the
        figures of its full rows stand (their middles; two such rows of 表三's or 表四's
        width), or else where 表三's column headers stand in its header lines (「自然人」
        「商业企业」… however they are broken over lines: pieces of one header within 2.5
        characters of each other, seven places for seven columns). Each figure goes to the
        nearest column — within 2.5 characters, and 1.5 nearer than the next (a figure
        between two columns is no one's) — in order, or the row is left as it is (said
        unreadable). Where rows were placed so, a line that is a whole label of 表三 with no
        figures is a row whose cells are all empty. None of this in a table with a row of
        figures without a label (a figure may have gone to another line)."""

        def values(row: list[TextCell]) -> list[TextCell]:
            return [c for c in row if c.text.strip() and not is_label(c.text)]

        # a line of placeholders alone (「- - - - -」) is no row to place nor to place by
        counts = [
            len(values(r)) if any(is_label(c.text) or _DIGIT.search(c.text) for c in r) else 0
            for r in rows
        ]
        if any(
            k and not any(is_label(c.text) for c in r) for r, k in zip(rows, counts, strict=True)
        ):
            return
        width = len(FORMATS[self.version].table("applications").columns)
        inserts: list[tuple[int, list[TextCell]]] = []
        bounds = [start for start, _ in parts] + [len(rows)]
        for (lo, heads), hi in zip(parts, bounds[1:], strict=True):
            columns = self._columns(rows[lo:hi], counts[lo:hi], heads, width)
            if columns is None:
                continue
            placed_any = False
            for i in range(lo, hi):
                if 0 < counts[i] < len(columns) and self._place(rows[i], columns):
                    placed_any = True
            if placed_any and len(columns) == width:
                for at, labels in blank:  # whole labels of 表三 alone on their line
                    if lo <= at <= hi:
                        start = self.line_starts[self.line_of(labels[0].start) - 1]
                        cells = [TextCell("", start + round(x), None) for x in columns]
                        inserts.append((at, [*labels, *cells]))
        # from the last: rows at the same place go in in their order
        for at, row in reversed(sorted(inserts, key=lambda x: x[0])):
            rows.insert(at, row)

    def _middle(self, cell: TextCell) -> float:
        """Where a cell's text stands on its line: the middle, in characters."""
        text = cell.text.strip()
        lead = len(cell.text) - len(cell.text.lstrip())
        line_start = self.line_starts[self.line_of(cell.start) - 1]
        return cell.start + lead - line_start + len(text) / 2

    def _columns(
        self, rows: list[list[TextCell]], counts: list[int], heads: list[Piece], width: int
    ) -> list[float] | None:
        """The columns of one part of a table (see _blank_cells), or None."""
        n = max(counts, default=0)
        full = [
            [c for c in r if c.text.strip() and not is_label(c.text)]
            for r, k in zip(rows, counts, strict=True)
            if k == n
        ]
        if n in (width, 15) and len(full) >= 2:
            columns = [statistics.median(self._middle(vs[k]) for vs in full) for k in range(n)]
        elif 1 < n < width:
            columns = self._header_columns(heads)
            if len(columns) != width:
                return None
        else:
            return None
        if min(b - a for a, b in itertools.pairwise(columns)) < 2:
            return None
        return columns

    def _place(self, row: list[TextCell], columns: list[float]) -> bool:
        """Put a row's figures under their columns, empty cells between (see _blank_cells)."""
        if any(not c.text.strip() for c in row):
            return False  # empty cells of its own
        if any(is_label(c.text) and _GLUED_FIGURE.search(c.text) for c in row):
            return False  # a figure run into its label: which column is empty is not known
        n = len(columns)
        placed: dict[int, TextCell] = {}
        for cell in row:
            if is_label(cell.text):
                continue
            where = self._middle(cell)
            near = sorted(range(n), key=lambda j: abs(columns[j] - where))
            d1 = abs(columns[near[0]] - where)
            d2 = abs(columns[near[1]] - where)
            k = near[0]
            if d1 > 2.5 or d2 - d1 < 1.5 or k in placed or (placed and k < max(placed)):
                return False
            placed[k] = cell
        labels = [c for c in row if is_label(c.text)]
        start = self.line_starts[self.line_of(row[-1].start) - 1]
        row[:] = labels + [
            placed.get(k) or TextCell("", start + round(columns[k]), None) for k in range(n)
        ]
        return True

    def _column_heads(self, piece: Piece) -> bool:
        """Whether a line holds two of 表三's column headers or pieces of them."""
        chars = _column_chars(self.version)
        heads = [t for t in piece.text.split() if all(ch in chars for ch in t)]
        return len(heads) >= 2

    def _header_columns(self, above: list[Piece]) -> list[float]:
        """Where 表三's column headers stand in the lines above it (see _blank_cells)."""
        chars = _column_chars(self.version)
        places = sorted(
            m.start() + len(m.group()) / 2
            for p in above
            for m in _TOKENS.finditer(p.text)
            if all(ch in chars for ch in m.group())
        )
        groups: list[list[float]] = []
        for x in places:
            if groups and x - groups[-1][-1] <= 2.5:
                groups[-1].append(x)
            else:
                groups.append([x])
        return [sum(g) / len(g) for g in groups]

    def _heading(self, pieces: list[Piece], first: int, header_rows: list[int]) -> list[int]:
        """The first row's label printed above its figures: the lines of label text right
        above the table's first row of figures (at most four), which go to the wrapped
        labels too."""
        heading: list[int] = []
        k = first - 1
        while (
            k >= 0
            and pieces[k].kind == "text"
            and k not in header_rows
            and _label_piece(pieces[k].text)
            and not self._column_heads(pieces[k])
            and not glued.segment(pieces[k].text)
            and len(heading) < 4
        ):
            heading.insert(0, k)
            k -= 1
        return heading

    def _table_block(
        self, pieces: list[Piece], first: int, last: int, header_rows: list[int]
    ) -> Block:
        rows: list[list[TextCell]] = []
        strays: list[TextCell] = []
        spaced = all("|" not in p.text and "\t" not in p.text for p in pieces[first : last + 1])
        wrap = _Wrapped(self.version, spaced)
        applications = wrap.applications
        above = [p for p in pieces[max(0, first - 8) : first] if p.kind == "text"]
        parts: list[tuple[int, list[Piece]]] = [(0, above)]  # for _blank_cells
        heading = self._heading(pieces, first, header_rows)
        for i in range(min([first, *header_rows, *heading]), last + 1):
            p = pieces[i]
            if p.kind == "text" and i > first and self._column_heads(p):
                if parts[-1][0] < len(rows):
                    parts.append((len(rows), [p]))  # the header printed again
                else:
                    parts[-1][1].append(p)
            if p.kind == "row" and _PAGE_NUMBER.match(p.text):
                wrap.header()  # 「- 2 -」: a page's number where the table goes over a page
                continue
            if p.kind == "row":
                for cells in p.rows:
                    wrap.row(cells)
                rows.extend(p.rows)
            elif p.kind == "text" and first < i and _LONE_FIGURE.match(p.text):
                strays.append(
                    TextCell(p.text.strip(), p.start + len(p.text) - len(p.text.lstrip()))
                )
            elif p.kind == "text" and (i in header_rows or i > first or i in heading):
                words = glued.segment(p.text)
                if words and i > first and len(words) == 1 and match_row(applications, words):
                    words = None  # a row's label alone (2019's （六）其他处理), no header
                if words:
                    lead = len(p.text) - len(p.text.lstrip())
                    rows.append([TextCell(w, p.start + lead, None) for w in words])
                    wrap.header()
                elif i > first or i in heading:
                    wrap.fragment(p, len(rows))
        wrap.finish()
        if spaced:
            self._blank_cells(rows, parts, wrap.blank)
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
