"""Finding a table's rows however a report writes their labels — one finder for every reader.

Every reader (workbooks, CSV, HTML, Word, PDF, text) turns what it sees into grids of
label and value cells; :mod:`reportcheck.readers.grid` then asks this module which row of
the format each labelled line of numbers is. Two steps:

1. **Exact**, by key (:func:`match_row`): the label folded by
   :func:`~reportcheck.model.labels.label_key` (widths, spaces, quotes, numbering
   punctuation, traditional characters) is one of the row's keys. Most rows of most reports
   are found here, at the cost of a dictionary lookup.
2. **Close**, for a line of numbers whose label matched nothing: the label is compared with
   every row's label by edit distance (characters inserted, dropped, substituted or swapped,
   after folding and without the numbering), and the candidates are then placed by order —
   a table's rows come in the format's order, so a close label must fall between the
   exactly found rows above and below it. A label is read as a row when

   - its similarity (1 − distance ÷ length of the longer label) is at least
     :data:`SIMILARITY_MIN` (0.75: one edit in 4–7 characters, two in 8–11, three in
     12–15 …), the compared text being at least :data:`MIN_LENGTH` characters long;
   - no other row allowed by the order is within :data:`MARGIN` (0.08) of it — else the
     label is **ambiguous** and both candidates are named;
   - a row out of order is taken only with a similarity of :data:`OUT_OF_ORDER_MIN` (0.9);
   - a label cut short (the head of a row's label, at least :data:`PREFIX_MIN` characters,
     its tail wrapped onto a line the text lost) counts as :data:`PREFIX_SCORE` (0.8) close.

   Merged labels glued onto a row label (「办理1.属于国家秘密」, the characters of
   三、本年度办理结果 printed one per line beside the sub-rows) are tried without the text
   before an inner numbering; a group label written before its sub-row
   (「（三）不予公开1.属于国家秘密」) without the group.

A row read by a close label is said as a label variant (RC108, info, naming the official
label); an ambiguous one as RC106 with both candidates — never as missing or unreadable.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from reportcheck.model.labels import label_key, strip_numbering
from reportcheck.model.tables import (
    ColumnDef,
    RowDef,
    TableDef,
    on_formats_changed,
    row_key_candidates,
)

# ---------------------------------------------------------------- exact matches, by key


def match_row(table: TableDef, labels: list[str]) -> RowDef | None:
    """Find the row whose label matches the labels seen left of a row of numbers.

    ``labels`` are the label texts of one row, outermost first (group, then leaf).
    The leaf is tried first; group labels only break ties (e.g. a bare ``3.其他``).
    Answers are remembered per table (readers ask about the same labels again and again).
    """
    memo = table._row_matches
    key = tuple(labels)
    if key not in memo:
        if len(memo) > 20_000:  # a long batch of odd labels: start afresh
            memo.clear()
        memo[key] = _match_row(table, labels)
    return memo[key]


def _split_group(table: TableDef, text: str) -> list[str]:
    """A sub-row label written after its group in one cell (「（三）不予公开 1.属于国家秘密」,
    merged cells lost in pasting): the group and the sub-row label, else the text itself."""
    key = label_key(text)
    for group in dict.fromkeys(r.group for r in table.rows if r.group):
        for gk in dict.fromkeys((label_key(group), strip_numbering(label_key(group)))):
            if len(key) > len(gk) and key.startswith(gk):
                return [group, key[len(gk) :]]
    return [text]


def _match_row(table: TableDef, labels: list[str]) -> RowDef | None:
    labels = [part for text in labels for part in _split_group(table, text)]
    for text in reversed(labels):
        cands = row_key_candidates(text)
        hits = [r for r in table.rows if any(c in r.keys for c in cands)]
        if not hits:
            hits = [
                r for r in table.rows if any(len(k) >= 4 and cands[0].startswith(k) for k in r.keys)
            ]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            group_keys = {label_key(g) for g in labels[:-1]}
            narrowed = [
                r for r in hits if r.group and any(label_key(r.group) in g for g in group_keys)
            ]
            if len(narrowed) == 1:
                return narrowed[0]
    return None


def match_column(columns: tuple[ColumnDef, ...], text: str) -> ColumnDef | None:
    """Find the column whose header matches ``text`` (None if none or ambiguous).

    Answers are remembered (readers ask about the same headers in every report), by the
    identity of ``columns``: hashing the definitions would cost more than the answer."""
    key = (id(columns), text)
    hit = _COLUMN_MATCHES.get(key)
    if hit is not None and hit[0] is columns:
        return hit[1]
    if len(_COLUMN_MATCHES) > 20_000:  # a long batch of odd headers: start afresh
        _COLUMN_MATCHES.clear()
    cands = row_key_candidates(text)
    hits = [c for c in columns if any(k in c.keys for k in cands)]
    found = hits[0] if len(hits) == 1 else None
    _COLUMN_MATCHES[key] = (columns, found)
    return found


_COLUMN_MATCHES: dict[tuple[int, str], tuple[tuple[ColumnDef, ...], ColumnDef | None]] = {}
on_formats_changed(_COLUMN_MATCHES.clear)


# ---------------------------------------------------------------- close matches

SIMILARITY_MIN = 0.75
"""Least similarity (1 − edit distance ÷ longer length) for a close label to name a row."""
MARGIN = 0.08
"""A second row at least this close to the best makes the label ambiguous."""
OUT_OF_ORDER_MIN = 0.9
"""Least similarity for a row found out of the format's order."""
MIN_LENGTH = 4
"""Labels (without numbering) shorter than this are only matched exactly."""
PREFIX_MIN = 8
"""A label cut short — the head of a row's label, the rest wrapped onto a line the text
lost or set apart (text taken from a PDF: 「5.要求行政机关确认或重新出」 for …重新出具已获取
信息) — names the row when at least this many characters of it (without numbering) begin
that row's label, with :data:`PREFIX_SCORE`."""
PREFIX_SCORE = 0.8
"""The similarity given to a label cut short (:data:`PREFIX_MIN`): a close label, read
only in the format's order (below :data:`OUT_OF_ORDER_MIN`); two rows beginning with the
same head make it ambiguous."""

_NOTE = re.compile(r"\((?:区分处理|单位|本列).*\)?$")
# An inner numbering where glued characters of a merged label precede the row's own label
# (「办理1.属于国家秘密」, 「结果（二）部分公开」); after label_key, numbering reads 1. / (二) / 一、
_INNER_NUMBER = re.compile(r"(?<=.)(?:\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四]、)")
_NUMBER_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row a label may name, with how close the label is."""

    row: RowDef
    score: float


@dataclass(frozen=True, slots=True)
class RowMatch:
    """What the finder decided for one labelled line of numbers."""

    row: RowDef | None
    """The row read, or None (no row close enough, or ambiguous)."""
    exact: bool = False
    """Found by key (no variant to report)."""
    score: float = 0.0
    ambiguous: tuple[RowDef, ...] = ()
    """Two or more rows equally close (row is None then)."""
    anchored: bool = False
    """Placed by the table's own structure: the only row left under its 表二 block title."""


def distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment).

    >>> distance("其他法律行政止公开", "其他法律行政法规禁止公开")
    3
    >>> distance("予以公开", "予公以开")
    1
    """
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[-1]


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """1 − edit distance ÷ the longer length (1.0 for equal texts, 0.0 for nothing alike).

    When the lengths alone keep it below ``floor`` (the distance is at least their
    difference), that bound — shorter ÷ longer, below ``floor`` — is returned without
    computing the distance: a 100,000-character label against a row's took seconds.
    """
    longer = max(len(a), len(b))
    if not longer:
        return 1.0
    bound = min(len(a), len(b)) / longer
    if bound < floor:
        return bound
    return 1.0 - distance(a, b) / longer


_LOOSE_NUMBER = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）]?[、.,，．]*")


def _body(key: str) -> str:
    """A key without its note in brackets and its numbering — also numbering written
    loosely: doubled (「四四、」), unclosed (「(一予以公开」), without 、 (「一本年新收」)."""
    core = _NOTE.sub("", key)
    body = strip_numbering(core)
    if body == core:
        body = _LOOSE_NUMBER.sub("", core, count=1)
    return body


_T = TypeVar("_T")


def _per_table(memo: dict[int, tuple[TableDef, _T]], table: TableDef, make: Callable[[], _T]) -> _T:
    """What ``make`` gives for ``table``, remembered by the table's identity (hashing the
    definitions would cost more than the answer; a table replaced is a new identity)."""
    hit = memo.get(id(table))
    if hit is None or hit[0] is not table:
        hit = memo[id(table)] = (table, make())
    return hit[1]


_BODIES: dict[int, tuple[TableDef, tuple[tuple[RowDef, tuple[str, ...]], ...]]] = {}
_CANDIDATES: dict[int, tuple[TableDef, dict[tuple[str, ...], tuple[Candidate, ...]]]] = {}


def _row_bodies(table: TableDef) -> tuple[tuple[RowDef, tuple[str, ...]], ...]:
    """Each row's label bodies."""

    def make() -> tuple[tuple[RowDef, tuple[str, ...]], ...]:
        rows = []
        for r in table.rows:
            bodies = {_body(label_key(t)) for t in (r.label, *r.variants)}
            rows.append((r, tuple(b for b in bodies if b)))
        return tuple(rows)

    return _per_table(_BODIES, table, make)


def _texts(table: TableDef, labels: tuple[str, ...]) -> list[str]:
    """The texts to compare: the leaf label, without glued merged-label characters before
    an inner numbering, and without a group label written before it."""
    leaf = label_key(labels[-1])
    texts = [leaf]
    for m in _INNER_NUMBER.finditer(leaf):
        if m.start() <= 6:  # a few glued characters, not a second label
            texts.append(leaf[m.start() :])
    for g in _group_keys(table):
        if len(leaf) > len(g) and leaf.startswith(g):
            texts.append(leaf[len(g) :])
    return list(dict.fromkeys(texts))


_GROUPS: dict[int, tuple[TableDef, tuple[str, ...]]] = {}


def _group_keys(table: TableDef) -> tuple[str, ...]:
    """The keys of the table's group labels, with and without their numbering, in the
    rows' order (each row's group, as :func:`_texts` compared them one by one)."""
    return _per_table(
        _GROUPS,
        table,
        lambda: tuple(
            dict.fromkeys(
                g
                for r in table.rows
                if r.group
                for g in (label_key(r.group), strip_numbering(label_key(r.group)))
            )
        ),
    )


def _numbering(key: str) -> str:
    m = _NUMBER_PREFIX.match(key)
    return m.group() if m else ""


def candidates(table: TableDef, labels: tuple[str, ...]) -> tuple[Candidate, ...]:
    """Rows of ``table`` whose label is close to ``labels`` (outermost first), best first;
    each row once, at its best similarity. Only rows at least :data:`SIMILARITY_MIN` close."""
    if not labels:
        return ()
    memo = _per_table(_CANDIDATES, table, dict)
    found = memo.get(labels)
    if found is None:
        if len(memo) > 20_000:  # a long batch of odd labels: start afresh
            memo.clear()
        found = memo[labels] = _candidates(table, labels)
    return found


def may_name(table: TableDef, row: RowDef, labels: tuple[str, ...]) -> bool:
    """Whether :func:`candidates` could hold ``row`` for ``labels`` — a cheap test before
    the edit distances: a text compared shares enough characters with one of the row's
    label bodies to be :data:`SIMILARITY_MIN` close (the distance is at least the longer
    length less the characters in common), or begins one (:data:`PREFIX_MIN`)."""
    if not labels:
        return False
    memo = _per_table(_COMPARED, table, dict)
    compared = memo.get(labels)
    if compared is None:
        if len(memo) > 20_000:  # a long batch of odd labels: start afresh
            memo.clear()
        compared = memo[labels] = tuple(
            (body, Counter(body))
            for body in dict.fromkeys(_body(t) for t in _texts(table, labels))
            if len(body) >= MIN_LENGTH
        )
    for b, need in _row_counts(table).get(row.id, ()):
        for body, have in compared:
            if len(body) >= PREFIX_MIN and len(b) > len(body) and b.startswith(body):
                return True
            least = SIMILARITY_MIN * max(len(body), len(b))
            if min(len(body), len(b)) >= least and sum((have & need).values()) >= least:
                return True
    return False


_COUNTS: dict[int, tuple[TableDef, dict[str, tuple[tuple[str, Counter[str]], ...]]]] = {}


def _row_counts(table: TableDef) -> dict[str, tuple[tuple[str, Counter[str]], ...]]:
    """Each row's label bodies with their characters counted (:func:`may_name`)."""
    return _per_table(
        _COUNTS,
        table,
        lambda: {
            r.id: tuple((b, Counter(b)) for b in bodies if len(b) >= MIN_LENGTH)
            for r, bodies in _row_bodies(table)
        },
    )


_COMPARED: dict[
    int, tuple[TableDef, dict[tuple[str, ...], tuple[tuple[str, Counter[str]], ...]]]
] = {}


def _candidates(table: TableDef, labels: tuple[str, ...]) -> tuple[Candidate, ...]:
    best: dict[str, Candidate] = {}
    for text in _texts(table, labels):
        body = _body(text)
        if len(body) < MIN_LENGTH:
            continue
        number = _numbering(text)
        for row, bodies in _row_bodies(table):
            score = max(
                (similarity(body, b, SIMILARITY_MIN) for b in bodies if len(b) >= MIN_LENGTH),
                default=0,
            )
            if (
                score < PREFIX_SCORE
                and len(body) >= PREFIX_MIN
                and any(len(b) > len(body) and b.startswith(body) for b in bodies)
            ):
                score = PREFIX_SCORE
            if score < SIMILARITY_MIN:
                continue
            if number and number != _numbering(label_key(row.label)):
                score -= 0.01  # numbering drift is common: only a tie-breaker
            held = best.get(row.id)
            if held is None or score > held.score:
                best[row.id] = Candidate(row, score)
    return tuple(sorted(best.values(), key=lambda c: -c.score))


_GLUE: dict[int, tuple[TableDef, frozenset[str]]] = {}


def _merged_chars(table: TableDef) -> frozenset[str]:
    """The characters of the table's group labels (三、本年度办理结果, （三）不予公开 …):
    what a merged cell printed one character per line leaves glued to a row label."""
    return _per_table(
        _GLUE,
        table,
        lambda: frozenset(
            ch for r in table.rows if r.group for ch in label_key(r.group) if not ch.isdigit()
        ),
    )


def unglued(table: TableDef, label: str) -> str:
    """``label`` without the characters of a merged group label glued before its numbering
    (「结果2.其他法律行政止公开」 → 「2.其他法律行政止公开」), as the report prints it."""
    text = re.sub(r"\s*\n\s*", "", label.strip())  # a label wrapped in its cell: one line
    glue = _merged_chars(table)
    m = _INNER_NUMBER.search(label_key(text))
    if m is None:
        return text
    head = label_key(text)[: m.start()]
    if len(head) <= 6 and all(ch in glue for ch in head):
        # drop as many printed characters as the key's head holds (spaces aside)
        n, i = 0, 0
        while i < len(text) and n < len(head):
            n += not text[i].isspace()
            i += 1
        return text[i:].strip()
    return text


def _exact(table: TableDef, labels: tuple[str, ...]) -> RowDef | None:
    """The row named exactly by ``labels`` — also when a few characters of a merged group
    label are glued before the row's own numbered label (「办理1.属于国家秘密」): a reading
    artefact, not a different label. Answers are remembered per table (:func:`align` reads
    the same memo inline)."""
    memo = _exact_memo(table)
    rdef = memo.get(labels, _UNSEEN)
    if rdef is _UNSEEN:
        if len(memo) > 20_000:  # a long batch of odd labels: start afresh
            memo.clear()
        rdef = memo[labels] = match_row(table, list(labels)) or _unglued_row(table, labels)
    return rdef  # type: ignore[no-any-return]


def _unglued_row(table: TableDef, labels: tuple[str, ...]) -> RowDef | None:
    leaf = label_key(labels[-1])
    body = _LOOSE_NUMBER.sub("", leaf, count=1)
    if body != leaf and len(body) >= MIN_LENGTH:
        # numbering written loosely (「二上年结转…」, 「(一予以公开」): the same label
        rdef = match_row(table, [*labels[:-1], body])
        if rdef is not None:
            return rdef
    glue = _merged_chars(table)
    for m in _INNER_NUMBER.finditer(leaf):
        head = leaf[: m.start()]
        if len(head) <= 6 and all(ch in glue for ch in head):
            return match_row(table, [*labels[:-1], leaf[m.start() :]])
    return None


def find_one(table: TableDef, labels: tuple[str, ...]) -> RowDef | None:
    """The row ``labels`` name on their own (no order to help): exactly, else the one close
    row with no rival within :data:`MARGIN` (for readers that place torn rows by their
    labelled neighbours)."""
    if not labels:
        return None
    rdef = _exact(table, labels)
    if rdef is not None:
        return rdef
    cands = candidates(table, labels)
    if not cands or (len(cands) > 1 and cands[0].score - cands[1].score < MARGIN):
        return None
    return cands[0].row


def align(
    table: TableDef,
    labels: list[tuple[str, ...]],
    numbers: Callable[[int], bool],
    eligible: Callable[[int], bool] | None = None,
) -> list[RowMatch]:
    """Decide the row of every labelled line of one grid, in order.

    ``labels`` are each line's labels, outermost first, top to bottom; ``numbers(i)`` says
    whether line ``i`` holds figures. Exact matches first (each row once: a later line with
    the same label is not read again); then close labels of lines with numbers, each between
    the exact rows above and below it. ``eligible(i)`` says whether line ``i`` may be a row
    at all (a header row naming the columns may not); both are asked only of lines that
    would be taken, as they cost more than the lookup.
    """
    out: list[RowMatch | None] = []
    taken: set[str] = set()
    memo = _exact_memo(table)  # the exact answers, inline: this loop is hot
    for i, seen in enumerate(labels):
        rdef = memo.get(seen, _UNSEEN)
        if rdef is _UNSEEN:
            rdef = _exact(table, seen) if seen else None
        if rdef is not None and rdef.id not in taken and (eligible is None or eligible(i)):
            taken.add(rdef.id)
            out.append(_exact_match(rdef))
        else:
            out.append(None)
    if len(taken) == len(table.rows) or all(m is not None for m in out):
        # every row found exactly (the usual case: the other lines are headers, titles…)
        return [m if m is not None else _NONE for m in out]
    blocks: list[str | None] = _block_of(table, labels) if table.blocks else [None] * len(labels)
    if not taken and not any(blocks):
        # no line found exactly, no block title: not this table, no close label is sought
        return [m if m is not None else _NONE for m in out]
    if not taken:
        result = [_NONE] * len(out)
        _fill_blocks(table, labels, numbers, eligible, result, blocks)
        return result
    order = {r.id: i for i, r in enumerate(table.rows)}
    exact_at = [order[m.row.id] if m is not None and m.row else None for m in out]
    found = [i for i, k in enumerate(exact_at) if k is not None]
    first, last = found[0], found[-1]
    chosen: dict[int, RowMatch] = {}
    for i, seen in enumerate(labels):
        if out[i] is not None or not seen:
            continue
        # a line without figures only inside the table (a blank row between its rows;
        # never the header above it nor a note below)
        inside_table = first < i < last
        if not inside_table and not numbers(i):
            continue
        if eligible is not None and not eligible(i):
            continue
        cands = [c for c in candidates(table, seen) if c.row.id not in taken]
        if not cands:
            continue
        lo = max((k for k in exact_at[:i] if k is not None), default=-1)
        hi = min((k for k in exact_at[i + 1 :] if k is not None), default=len(table.rows))
        inside = [c for c in cands if lo < order[c.row.id] < hi]
        pool = inside or [c for c in cands if c.score >= OUT_OF_ORDER_MIN and numbers(i)]
        if not pool:
            continue
        top = pool[0]
        rivals = [c.row for c in pool[1:] if top.score - c.score < MARGIN]
        if rivals:
            chosen[i] = RowMatch(None, score=top.score, ambiguous=(top.row, *rivals))
        else:
            chosen[i] = RowMatch(top.row, score=top.score)
    # each row once: where two close labels chose the same row, the closer one keeps it
    by_row: dict[str, int] = {}
    for i, m in sorted(chosen.items(), key=lambda kv: -kv[1].score):
        if m.row is None:
            continue
        if m.row.id in by_row:
            chosen[i] = _NONE  # read once, by the closer label; this one is unknown
        else:
            by_row[m.row.id] = i
    result = [m if m is not None else chosen.get(i, _NONE) for i, m in enumerate(out)]
    _fill_gaps(table, labels, numbers, eligible, result)
    if any(blocks):
        _fill_blocks(table, labels, numbers, eligible, result, blocks)
    return result


def _block_of(table: TableDef, labels: list[tuple[str, ...]]) -> list[str | None]:
    """For each line, the 表二 block whose title (第二十条第（五）项) stands last above it
    (None before any title, and for tables without blocks)."""
    titles = {label_key(b): b for b in table.blocks}
    if not titles or not any("二十条" in seen[0] for seen in labels if seen):
        return [None] * len(labels)  # no block title here (every title names 第二十条)
    out: list[str | None] = []
    current: str | None = None
    for seen in labels:
        if seen:
            key = label_key(seen[0])
            hit = next((b for k, b in titles.items() if k in key), None)
            if hit is not None:
                current = hit
        out.append(current)
    return out


def _fill_blocks(
    table: TableDef,
    labels: list[tuple[str, ...]],
    numbers: Callable[[int], bool],
    eligible: Callable[[int], bool] | None,
    result: list[RowMatch],
    blocks: list[str | None],
) -> None:
    """A line of figures left unread under a 表二 block title is the block's one row not yet
    found, when its label is at least :data:`GAP_SIMILARITY_MIN` like it (「行政审批」 under
    第二十条第（五）项, whose only row is 行政许可)."""
    taken = {m.row.id for m in result if m.row is not None}
    for block in dict.fromkeys(b for b in blocks if b):
        lines = [
            i
            for i, b in enumerate(blocks)
            if b == block
            and result[i].row is None
            and labels[i]
            and not result[i].ambiguous
            and label_key(labels[i][-1]) != label_key(block)
            and numbers(i)
            and (eligible is None or eligible(i))
        ]
        rows = [r for r in table.rows if r.block == block and r.id not in taken]
        if len(lines) == 1 and len(rows) == 1 and _alike(labels[lines[0]], rows[0]):
            result[lines[0]] = RowMatch(rows[0], score=GAP_SIMILARITY_MIN, anchored=True)
            taken.add(rows[0].id)


def _fill_gaps(
    table: TableDef,
    labels: list[tuple[str, ...]],
    numbers: Callable[[int], bool],
    eligible: Callable[[int], bool] | None,
    result: list[RowMatch],
) -> None:
    """Between two rows found, as many lines of figures left unread as rows of the format
    left unfound: they are those rows, one for one in order, when each label is at least
    :data:`GAP_SIMILARITY_MIN` like its row or carries the row's own numbering
    (「（一）同意公开」 for （一）予以公开: a verb replaced, the place and number agree)."""
    order = {r.id: k for k, r in enumerate(table.rows)}
    placed = [(i, order[m.row.id]) for i, m in enumerate(result) if m.row is not None]
    taken = {m.row.id for m in result if m.row is not None}
    for (ia, ka), (ib, kb) in itertools.pairwise(placed):
        if kb <= ka + 1 or ib <= ia + 1:
            continue
        lines = [
            i
            for i in range(ia + 1, ib)
            if labels[i]
            and not result[i].ambiguous
            and numbers(i)
            and (eligible is None or eligible(i))
        ]
        rows = [r for r in table.rows[ka + 1 : kb] if r.id not in taken]
        if not lines or len(lines) != len(rows):
            continue
        pairs = list(zip(lines, rows, strict=True))
        if all(_alike(labels[i], r) for i, r in pairs):
            for i, r in pairs:
                result[i] = RowMatch(r, score=GAP_SIMILARITY_MIN)
                taken.add(r.id)


GAP_SIMILARITY_MIN = 0.4
"""Least similarity of a label placed by its position alone (a gap of as many lines as
rows between two rows found), unless its numbering is the row's own."""


def _alike(seen: tuple[str, ...], row: RowDef) -> bool:
    leaf = label_key(seen[-1])
    number = _numbering(leaf)
    if number and number == _numbering(label_key(row.label)) and len(_body(leaf)) >= 2:
        return True
    body = _body(leaf)
    bodies = [_body(label_key(t)) for t in (row.label, *row.variants)]
    return any(similarity(body, b, GAP_SIMILARITY_MIN) >= GAP_SIMILARITY_MIN for b in bodies if b)


_NONE = RowMatch(None)
_UNSEEN: Any = object()
_EXACT_MEMOS: dict[int, tuple[TableDef, dict[tuple[str, ...], Any]]] = {}


def _exact_memo(table: TableDef) -> dict[tuple[str, ...], Any]:
    """labels → the row :func:`_exact` names (or None), per table."""
    return _per_table(_EXACT_MEMOS, table, dict)


_EXACT_MATCHES: dict[int, RowMatch] = {}


def _exact_match(rdef: RowDef) -> RowMatch:
    """The (frozen, shared) match of a row found exactly."""
    m = _EXACT_MATCHES.get(id(rdef))
    if m is None or m.row is not rdef:
        m = _EXACT_MATCHES[id(rdef)] = RowMatch(rdef, exact=True, score=1.0)
    return m
