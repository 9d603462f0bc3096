"""Tables whose cells ran together: text taken from a web page with no separator between cells.

A crawler that flattens an HTML table writes ``一、本年新收政府信息公开申请数量640020470``
for the row 64 · 0 · 0 · 2 · 0 · 4 · 70. The digits can be split into cells only where the
table's own structure leaves exactly one reading:

- each cell is a whole number written without leading zeros (``0`` itself is a cell), a
  space that survived in the text is always a cell boundary;
- a 表三 row has 7 cells; a run that the digits alone split one way only (7 digits for 7
  cells) is read so, even when its total then fails (that is the report's defect, reported
  by the arithmetic rules); when the digits allow several splits, the one where
  自然人 + … + 其他 = 总计 is taken if it is the only one;
- 表四 is one run of 15 cells in three groups of five, 结果维持 + 结果纠正 + 其他结果 +
  尚未审结 = 总计 in each group;
- a 表二 row has as many cells as its columns and no relation between them, so only the
  digits themselves can decide (``000`` → 0 · 0 · 0, but ``693665`` fits many splits).

A row that admits no reading or more than one is not read at all (the reader says so,
RC003); a row whose reading needed the row-total relation is marked ``assumed`` — that
relation then holds by construction and is no evidence (the reader says so, RC005). The
functions here only find and split; :mod:`reportcheck.readers.text` turns the result into
grids and findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from reportcheck.model.labels import flex, label_key
from reportcheck.model.tables import (
    FORMATS,
    REVIEW_LITIGATION,
    RowDef,
    TableDef,
    ValueKind,
    formats_cache,
    on_formats_changed,
)

MAX_DIGITS = 40
"""Longer runs are not split (too many readings to be worth trying)."""

_CELL_INT = re.compile(r"0|[1-9]\d{0,6}")
_CELL_AMOUNT = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


# --------------------------------------------------------------------------- splitting


Cells = tuple[tuple[str, int], ...]
"""(text, offset in the run) per cell."""

MAX_OPTIONS = 16
"""Readings kept per run when more than one fits (for the joint check of 表三's columns)."""

MAX_STEPS = 2_000
"""Partial splits tried per run. Seven cells of up to seven digits cut a run of 38 ones in
hundreds of thousands of ways; a run with that many is not read (RC003) instead of costing
seconds per row (the runs of the corpus and the tests need fewer than 1,000)."""


@dataclass(frozen=True)
class Reading:
    """How one run of digits splits into cells."""

    options: tuple[Cells, ...]
    """Every reading that fits the structure (at most :data:`MAX_OPTIONS`)."""
    more: bool = False
    """More readings fit than were kept."""
    assumed: bool = False
    """The digits alone allowed several splits; the relation narrowed them."""
    gave_up: str | None = None
    """Why no split was tried to the end: ``"long"`` (more than :data:`MAX_DIGITS` digits)
    or ``"many"`` (more than :data:`MAX_STEPS` partial splits)."""

    @property
    def cells(self) -> Cells | None:
        """The one reading, or None when none or several fit."""
        return self.options[0] if len(self.options) == 1 and not self.more else None


def _pieces(chunk: str, amount: bool) -> list[int]:
    """End positions (exclusive) of valid first cells of ``chunk``."""
    if not amount:  # 0, or 1–7 digits without a leading zero (_CELL_INT), quickly
        if not chunk or not chunk[0].isdigit():
            return []
        if chunk[0] == "0":
            return [1]
        out = []
        for end in range(1, min(7, len(chunk)) + 1):
            if not chunk[end - 1].isdigit():
                break
            out.append(end)
        return out
    pat = _CELL_AMOUNT
    ends = []
    for end in range(1, len(chunk) + 1):
        if pat.fullmatch(chunk, 0, end):
            ends.append(end)
        elif not amount and end > 7:
            break
    return ends


def values_of(cells: Cells, amounts: frozenset[int] = frozenset()) -> list[int | Decimal]:
    """The numbers of a reading."""
    return [Decimal(t) if i in amounts else int(t) for i, (t, _) in enumerate(cells)]


def split_run(
    run: str,
    n: int,
    relation: Callable[[Sequence[int | Decimal]], bool] | None = None,
    amounts: frozenset[int] = frozenset(),
) -> Reading:
    """Split a run of digits (spaces are boundaries) into ``n`` cells.

    ``relation`` is the table's own arithmetic on the cells (None for 表二); ``amounts``
    the positions of cells that may hold decimals. Returns the readings that fit.
    """
    norm = unicodedata.normalize("NFKC", run)
    if len(norm) != len(run):  # keep offsets: only width-folding is expected
        norm = run
    chunks = [(m.start(), m.group()) for m in re.finditer(r"[0-9.]+", norm)]
    digits = sum(len(c) for _, c in chunks)
    if digits > MAX_DIGITS:
        return Reading((), gave_up="long")
    if not chunks or digits < n or len(chunks) > n:
        return Reading(())
    plain = 0
    first: list[Cells] = []
    fitting: list[Cells] = []
    more = False

    steps = 0

    def walk(ci: int, pos: int, acc: list[tuple[str, int]]) -> None:
        nonlocal plain, more, steps
        steps += 1
        if more or steps > MAX_STEPS:
            return
        if ci == len(chunks):
            if len(acc) == n:
                plain += 1
                cells = tuple(acc)
                if not first:
                    first.append(cells)
                if relation is None or relation(values_of(cells, amounts)):
                    if len(fitting) == MAX_OPTIONS:
                        more = True
                    else:
                        fitting.append(cells)
            return
        start, chunk = chunks[ci]
        rest = chunk[pos:]
        left = n - len(acc)
        later = len(chunks) - ci - 1
        if left - later < 1 or left > len(rest) + sum(len(c) for _, c in chunks[ci + 1 :]):
            return
        for end in _pieces(rest, len(acc) in amounts):
            cell = (rest[:end], start + pos)
            if end == len(rest):
                walk(ci + 1, 0, [*acc, cell])
            elif left - later > 1:
                walk(ci, pos + end, [*acc, cell])

    walk(0, 0, [])
    if steps > MAX_STEPS:  # too many ways to cut it to try them all: not read (RC003)
        return Reading((), gave_up="many")
    if plain == 1:
        # the digits alone leave one reading: it is what the page says, even when the
        # row's total then fails — that is the report's defect, for the arithmetic rules
        return Reading((first[0],))
    return Reading(tuple(fitting), more, assumed=relation is not None and plain > 1)


def row_total(values: Sequence[int | Decimal]) -> bool:
    """表三: the first six cells add up to the seventh (R1)."""
    return sum(values[:6]) == values[6]


def group_totals(values: Sequence[int | Decimal]) -> bool:
    """表四: in each group of five, the first four add up to the fifth (R5)."""
    return all(sum(values[g : g + 4]) == values[g + 4] for g in (0, 5, 10))


# --------------------------------------------------------------------------- finding rows


_NUMBERING = re.compile(
    r"^\s*(?:(?P<arabic>\d{1,2})\s*[.．、]|[（(](?P<paren>[一二三四五六七八九十]+)[)）]|(?P<cn>[一二三四五六七八九十]+)\s*、)\s*"
)
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


def _numbering_pattern(label: str) -> tuple[str, str]:
    """(regex of the label's numbering, the label without it)."""
    m = _NUMBERING.match(label)
    if m is None:
        return "", label
    core = label[m.end() :]
    if m["arabic"]:
        return rf"{m['arabic']}\s*[.．、]\s*", core
    if m["paren"]:
        return rf"[（(〔]\s*{m['paren']}\s*[)）〕]\s*", core
    return rf"{m['cn']}\s*[、.．]\s*", core


_DIGIT_AHEAD = r"(?=[0-9０-９])"
_NOTE_AFTER = r"(?:\s*[（(][^（()）\n]{1,40}[)）])?\s*"


@lru_cache(maxsize=256)
def row_pattern(label: str, variants: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The pattern of a row label followed (after an optional note) by a digit.

    The numbering (``1.``, ``（一）``, ``一、``) is part of the match where printed, so
    that the ``2`` of ``2.其他法律…`` is never read as the last digit of the row before.
    A short label (``3.其他``, ``（七）总计``) must carry its numbering.
    """
    alts = []
    for text in (label, *variants):
        num, core = _numbering_pattern(text)
        core = _TRAILING_NOTE.sub("", core) or core
        body = flex(core)
        if len(core) < 4 and num:
            alts.append(num + body)
        elif num:
            alts.append(f"(?:{num})?{body}")
        else:
            alts.append(body)
    return re.compile("(?:" + "|".join(alts) + ")" + _NOTE_AFTER + _DIGIT_AHEAD)


@dataclass
class GluedRow:
    """One row found in glued text."""

    row: RowDef
    label: str
    label_start: int
    run: str
    """The digits (and spaces) after the label, as printed."""
    run_start: int
    reading: Reading


@dataclass
class GluedTable:
    """A table found in glued text."""

    table_id: str
    start: int
    end: int
    rows: list[GluedRow] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    """Header words seen (kept as labels for version evidence)."""


@formats_cache
def vocabulary() -> tuple[str, ...]:
    """Normalised header words and group labels of the three tables (longest first)."""
    words: set[str] = {
        "信息内容",
        "申请人情况",
        "法人或其他组织",
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "（单位：万元）",
        "单位：万元",
    }
    for fmt in FORMATS.values():
        for t in fmt.tables:
            words.update(t.blocks)
            for r in t.rows:
                if r.group:
                    words.add(r.group)
            for c in t.columns:
                words.add(c.label)
                words.update(c.variants)
    return tuple(sorted({label_key(w) for w in words}, key=len, reverse=True))


def header_fragments(text: str) -> bool:
    """Whether a line holds only pieces of header words, spaced apart (表四's header as PDF
    text prints it, broken one or two characters per line: 「结果 结果 其他 尚未 总」)."""
    tokens = text.split()
    if len(tokens) < 3 or len(text) > 200:
        return False
    return all(len(t) <= 4 and any(t in w for w in vocabulary()) for t in tokens)


def segment(text: str) -> list[str] | None:
    """Split text made only of header words (``行政复议行政诉讼``) into them, else None."""
    if len(text) > 120:  # header words only: never a long text (and keep the cache small)
        return None
    found = _segment(text)
    return list(found) if found is not None else None


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[str, ...] | None:
    """:func:`segment`, cached (the same header lines recur in every report)."""
    key = label_key(text)
    if not key:
        return None
    best: list[list[str] | None] = [None] * (len(key) + 1)
    best[0] = []
    for i in range(len(key)):
        if best[i] is None:
            continue
        for w in vocabulary():
            if key.startswith(w, i) and best[i + len(w)] is None:
                prev = best[i]
                assert prev is not None
                best[i + len(w)] = [*prev, w]
    result = best[len(key)]
    return tuple(result) if result is not None else None


on_formats_changed(_segment.cache_clear)


_RUN = re.compile(r"[0-9０-９][0-9０-９.．\s]*")


def _leading_run(text: str) -> tuple[str, str]:
    m = _RUN.match(text)
    if m is None:
        return "", text
    run = m.group().rstrip()
    return run, text[len(run) :]


def find_rows_table(text: str, tdef: TableDef, *, minimum: int) -> GluedTable | None:
    """表二 or 表三 in glued text: each row label followed by its run of digits.

    The labels are searched in the table's order. A table is the longest stretch of
    found rows in which only header words or group labels (``（三）不予公开``,
    ``第二十条第（五）项信息内容本年处理决定数量``) stand between one row's digits and the next
    row's label; it needs at least ``minimum`` rows, so that prose such as 「予以公开31件」
    is never taken for a table.
    """
    pos = 0
    hits: list[tuple[RowDef, re.Match[str]]] = []
    for rdef in tdef.rows:
        variants = tuple(v for v in rdef.variants if v != rdef.label)
        m = row_pattern(rdef.label, variants).search(text, pos)
        if m is None:
            continue
        hits.append((rdef, m))
        pos = m.end()
    if len(hits) < minimum:
        return None
    runs: list[tuple[str, bool]] = []  # (digits, followed only by header words)
    for i, (_, m) in enumerate(hits):
        nxt = hits[i + 1][1].start() if i + 1 < len(hits) else len(text)
        run, rest = _leading_run(text[m.end() : nxt])
        runs.append((run, not rest.strip() or segment(rest) is not None))
    best: tuple[int, int] = (0, 0)
    start = 0
    for i in range(len(hits)):
        if i + 1 == len(hits) or not runs[i][1]:
            if i + 1 - start > best[1] - best[0]:
                best = (start, i + 1)
            start = i + 1
    first, stop = best
    if stop - first < minimum:
        return None
    table = GluedTable(tdef.id, hits[first][1].start(), hits[first][1].end())
    for i in range(first, stop):
        rdef, m = hits[i]
        run = runs[i][0]
        label = text[m.start() : m.end()].strip()
        table.rows.append(
            GluedRow(rdef, label, m.start(), run, m.end(), _read_row(run, rdef, tdef))
        )
        table.end = m.end() + len(run)
    return table


def _read_row(run: str, rdef: RowDef, tdef: TableDef) -> Reading:
    n = len(rdef.columns)
    amounts = frozenset(
        i for i, c in enumerate(rdef.columns) if c.kind in (ValueKind.AMOUNT, ValueKind.MONEY)
    )
    relation = row_total if tdef.id == "applications" else None
    return split_run(run, n, relation, amounts)


_REVIEW_HEAD = re.compile(
    r"行政复议\s*行政诉讼((?:\s*(?:结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉))+)\s*"
)


_HEADER_CHARS = "".join(sorted(set("结果维持纠正其他尚未审结总计未经复议直接起诉后行政诉讼")))
_REVIEW_HEAD_BROKEN = re.compile(
    rf"行政复议\s*行政诉讼(?=[{_HEADER_CHARS}\s]*结\s*果)[{_HEADER_CHARS}\s]{{8,400}}?(?=[0-9])"
)
"""表四's header with its words broken one or two characters per line (PDF text): only
the characters of its header words and spaces stand between 行政复议 行政诉讼 and the numbers."""


def header_piece(text: str) -> bool:
    """Whether a line holds only pieces of 表四's header words (「审结 总计 结果」)."""
    compact = "".join(text.split())
    return bool(compact) and all(ch in _HEADER_CHARS for ch in compact)


_REVIEW_START = re.compile(r"行政复议\s*行政诉讼")
_FIGURE = re.compile(r"\d{1,7}")


def _interleaved_review(text: str) -> GluedTable | None:
    """表四 as text in reading order prints it: its header words broken over lines, then
    either each column's figure after that column's words (「结果」⏎「维持」⏎「2」, fifteen
    times) or the fifteen figures together after all of them (「3 1 0 1 5 …」) — either way
    the figures in the order of the columns. Read only when it is one or the other for all
    fifteen, each figure a token of its own (nothing glued), and no other text between."""
    m = _REVIEW_START.search(text)
    if m is None:
        return None
    cells: list[tuple[str, int]] = []
    headed = False  # header words since the last figure
    between: set[bool] = set()  # whether header words stood before each later figure
    for tok in re.finditer(r"\S+", text[m.end() : m.end() + 2000]):
        word = tok.group()
        if _FIGURE.fullmatch(word):
            if cells:
                between.add(headed)
            elif not headed:
                return None
            if len(between) > 1:
                return None  # some figures headed, some not: no order to trust
            cells.append((word, tok.start()))
            headed = False
            if len(cells) == 15:
                break
        elif all(ch in _HEADER_CHARS for ch in word):
            headed = True
        else:
            return None
    if len(cells) < 15:
        return None
    start = m.end()
    end = start + cells[-1][1] + len(cells[-1][0])
    table = GluedTable("review_litigation", m.start(), end)
    table.header = ["行政复议", "行政诉讼"]
    run = text[start:end]
    reading = Reading(options=(tuple(cells),))
    table.rows.append(GluedRow(REVIEW_LITIGATION.rows[0], "", m.start(), run, start, reading))
    return table


def find_review(text: str) -> GluedTable | None:
    """表四 in glued text: its header words, then one run of 15 numbers (or, in reading
    order, each column's header words and then its figure: :func:`_interleaved_review`)."""
    interleaved = _interleaved_review(text)
    if interleaved is not None:
        return interleaved
    norm = unicodedata.normalize("NFKC", text)
    for pat in (_REVIEW_HEAD, _REVIEW_HEAD_BROKEN):
        m = pat.search(norm)
        run = _leading_run(text[m.end() :])[0] if m is not None else ""
        if m is not None and run:
            break
    else:
        return None
    table = GluedTable("review_litigation", m.start(), m.end() + len(run))
    table.header = ["行政复议", "行政诉讼"]
    reading = split_run(run, 15, group_totals)
    table.rows.append(GluedRow(REVIEW_LITIGATION.rows[0], "", m.start(), run, m.end(), reading))
    return table


MAX_COMBINATIONS = 4096


def resolve_columns(table: GluedTable, version: str) -> list[str]:
    """Choose among the readings of 表三 rows that several splits fit, by the columns.

    A row such as ``270020130`` fits 27·0·0·2·0·1·30 and 2·7·0·0·20·1·30; the column
    relations of the table (R2: （七）总计 = the result rows; R3: 一 + 二 = 三 + 四) may leave
    one combination of the readings of all such rows. Only the relations in which an
    ambiguous row takes part and whose other rows were read are used; when exactly one
    combination fits them it is taken. Returns the ids of the relations used (they then
    hold by construction), or an empty list when nothing was decided.
    """
    from itertools import product

    from reportcheck.model.relations import relations_for

    by_row = {g.row.id: g for g in table.rows}
    open_rows = [g for g in table.rows if len(g.reading.options) > 1 and not g.reading.more]
    if not open_rows:
        return []
    open_ids = {g.row.id for g in open_rows}
    usable = []
    for rel in relations_for(version):
        rows = {ref[1] for ref in rel.cells}
        if len(rows) < 2:
            continue  # a row total: it does not tell one row's reading from another's
        if not rows & open_ids:
            continue
        if all(
            r in by_row
            and by_row[r].reading.options
            and not by_row[r].reading.more
            and (len(by_row[r].reading.options) == 1 or r in open_ids)
            for r in rows
        ):
            usable.append(rel)
    if not usable:
        return []
    total = 1
    for g in open_rows:
        total *= len(g.reading.options)
    if total > MAX_COMBINATIONS:
        return []
    columns = [c.id for c in by_row[open_rows[0].row.id].row.columns]
    fixed = {
        rid: values_of(g.reading.options[0])
        for rid, g in by_row.items()
        if len(g.reading.options) == 1 and not g.reading.more
    }
    fits: list[tuple[Cells, ...]] = []
    for combo in product(*(g.reading.options for g in open_rows)):
        values = dict(fixed)
        for g, cells in zip(open_rows, combo, strict=True):
            values[g.row.id] = values_of(cells)

        def cell(
            ref: tuple[str, str, str], values: dict[str, list[int | Decimal]] = values
        ) -> int | Decimal:
            return values[ref[1]][columns.index(ref[2])]

        if all(sum(cell(r) for r in rel.lhs) == sum(cell(r) for r in rel.rhs) for rel in usable):
            fits.append(combo)
            if len(fits) > 1:
                return []
    if len(fits) != 1:
        return []
    for g, cells in zip(open_rows, fits[0], strict=True):
        g.reading = Reading((cells,), assumed=True)
    return sorted({rel.id for rel in usable})
