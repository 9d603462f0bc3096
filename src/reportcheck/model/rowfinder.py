"""Finding a table's rows however a report writes their labels — one finder for every reader.

Every reader (workbooks, CSV, HTML, Word, PDF, text) turns what it sees into grids of
label and value cells; :mod:`reportcheck.readers.grid` then asks this module which row of
the format each labelled line of numbers is. Two steps:

1. **Exact**, by key (:func:`reportcheck.model.tables.match_row`): the label folded by
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
   - a row out of order is taken only with a similarity of :data:`OUT_OF_ORDER_MIN` (0.9).

   Merged labels glued onto a row label (「办理1.属于国家秘密」, the characters of
   三、本年度办理结果 printed one per line beside the sub-rows) are tried without the text
   before an inner numbering; a group label written before its sub-row
   (「（三）不予公开1.属于国家秘密」) without the group.

A row read by a close label is said as a label variant (RC108, info, naming the official
label); an ambiguous one as RC106 with both candidates — never as missing or unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportcheck.model.labels import label_key, strip_numbering
from reportcheck.model.tables import RowDef, TableDef, match_row

SIMILARITY_MIN = 0.75
"""Least similarity (1 − edit distance ÷ longer length) for a close label to name a row."""
MARGIN = 0.08
"""A second row at least this close to the best makes the label ambiguous."""
OUT_OF_ORDER_MIN = 0.9
"""Least similarity for a row found out of the format's order."""
MIN_LENGTH = 4
"""Labels (without numbering) shorter than this are only matched exactly."""

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


def similarity(a: str, b: str) -> float:
    """1 − edit distance ÷ the longer length (1.0 for equal texts, 0.0 for nothing alike)."""
    longer = max(len(a), len(b))
    return 1.0 - distance(a, b) / longer if longer else 1.0


_LOOSE_NUMBER = re.compile(r"^[(（]?[一二三四五六七八九十\d]{1,3}[)）]?[、.,，．]*")


def _body(key: str) -> str:
    """A key without its note in brackets and its numbering — also numbering written
    loosely: doubled (「四四、」), unclosed (「(一予以公开」), without 、 (「一本年新收」)."""
    core = _NOTE.sub("", key)
    body = strip_numbering(core)
    if body == core:
        body = _LOOSE_NUMBER.sub("", core, count=1)
    return body


_BODIES: dict[int, tuple[TableDef, tuple[tuple[RowDef, tuple[str, ...]], ...]]] = {}
_CANDIDATES: dict[tuple[int, tuple[str, ...]], tuple[TableDef, tuple[Candidate, ...]]] = {}


def _row_bodies(table: TableDef) -> tuple[tuple[RowDef, tuple[str, ...]], ...]:
    """Each row's label bodies (remembered by the table's identity, as match_row's answers)."""
    hit = _BODIES.get(id(table))
    if hit is None or hit[0] is not table:
        rows = []
        for r in table.rows:
            bodies = {_body(label_key(t)) for t in (r.label, *r.variants)}
            rows.append((r, tuple(b for b in bodies if b)))
        hit = _BODIES[id(table)] = (table, tuple(rows))
    return hit[1]


def _texts(table: TableDef, labels: tuple[str, ...]) -> list[str]:
    """The texts to compare: the leaf label, without glued merged-label characters before
    an inner numbering, and without a group label written before it."""
    leaf = label_key(labels[-1])
    texts = [leaf]
    for m in _INNER_NUMBER.finditer(leaf):
        if m.start() <= 6:  # a few glued characters, not a second label
            texts.append(leaf[m.start() :])
    for r in table.rows:
        if r.group:
            for g in (label_key(r.group), strip_numbering(label_key(r.group))):
                if len(leaf) > len(g) and leaf.startswith(g):
                    texts.append(leaf[len(g) :])
    return list(dict.fromkeys(texts))


def _numbering(key: str) -> str:
    m = _NUMBER_PREFIX.match(key)
    return m.group() if m else ""


def candidates(table: TableDef, labels: tuple[str, ...]) -> tuple[Candidate, ...]:
    """Rows of ``table`` whose label is close to ``labels`` (outermost first), best first;
    each row once, at its best similarity. Only rows at least :data:`SIMILARITY_MIN` close."""
    if not labels:
        return ()
    key = (id(table), labels)
    hit = _CANDIDATES.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    if len(_CANDIDATES) > 20_000:  # a long batch of odd labels: start afresh
        _CANDIDATES.clear()
    found = _candidates(table, labels)
    _CANDIDATES[key] = (table, found)
    return found


def _candidates(table: TableDef, labels: tuple[str, ...]) -> tuple[Candidate, ...]:
    best: dict[str, Candidate] = {}
    for text in _texts(table, labels):
        body = _body(text)
        if len(body) < MIN_LENGTH:
            continue
        number = _numbering(text)
        for row, bodies in _row_bodies(table):
            score = max((similarity(body, b) for b in bodies if len(b) >= MIN_LENGTH), default=0)
            if score < SIMILARITY_MIN:
                continue
            if number and number != _numbering(label_key(row.label)):
                score -= 0.01  # numbering drift is common: only a tie-breaker
            held = best.get(row.id)
            if held is None or score > held.score:
                best[row.id] = Candidate(row, score)
    return tuple(sorted(best.values(), key=lambda c: -c.score))


def _merged_chars(table: TableDef) -> frozenset[str]:
    """The characters of the table's group labels (三、本年度办理结果, （三）不予公开 …):
    what a merged cell printed one character per line leaves glued to a row label."""
    return frozenset(
        ch for r in table.rows if r.group for ch in label_key(r.group) if not ch.isdigit()
    )


def unglued(table: TableDef, label: str) -> str:
    """``label`` without the characters of a merged group label glued before its numbering
    (「结果2.其他法律行政止公开」 → 「2.其他法律行政止公开」), as the report prints it."""
    text = label.strip()
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
    artefact, not a different label."""
    rdef = match_row(table, list(labels))
    if rdef is not None:
        return rdef
    leaf = label_key(labels[-1])
    glue = _merged_chars(table)
    for m in _INNER_NUMBER.finditer(leaf):
        head = leaf[: m.start()]
        if len(head) <= 6 and all(ch in glue for ch in head):
            return match_row(table, [*labels[:-1], leaf[m.start() :]])
    return None


def align(table: TableDef, lines: list[tuple[tuple[str, ...], bool]]) -> list[RowMatch]:
    """Decide the row of every labelled line of one grid, in order.

    ``lines`` are (labels outermost first, has numbers) per line, top to bottom. Exact
    matches first (each row once: a later line with the same label is not read again);
    then close labels of lines with numbers, each between the exact rows above and below it.
    """
    order = {r.id: i for i, r in enumerate(table.rows)}
    out: list[RowMatch | None] = []
    taken: set[str] = set()
    for labels, _numbers in lines:
        rdef = _exact(table, labels) if labels else None
        if rdef is not None and rdef.id not in taken:
            taken.add(rdef.id)
            out.append(RowMatch(rdef, exact=True, score=1.0))
        else:
            out.append(None)
    if all(m is not None for m in out) or not taken:
        # every line found exactly, or none (not this table: no close label is sought)
        return [m if m is not None else RowMatch(None) for m in out]
    exact_at = [order[m.row.id] if m is not None and m.row else None for m in out]
    chosen: dict[int, RowMatch] = {}
    for i, (labels, numbers) in enumerate(lines):
        if out[i] is not None or not numbers or not labels:
            continue
        cands = [c for c in candidates(table, labels) if c.row.id not in taken]
        if not cands:
            continue
        lo = max((k for k in exact_at[:i] if k is not None), default=-1)
        hi = min((k for k in exact_at[i + 1 :] if k is not None), default=len(table.rows))
        inside = [c for c in cands if lo < order[c.row.id] < hi]
        pool = inside or [c for c in cands if c.score >= OUT_OF_ORDER_MIN]
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
            chosen[i] = RowMatch(None)  # read once, by the closer label; this one is unknown
        else:
            by_row[m.row.id] = i
    return [m if m is not None else chosen.get(i, RowMatch(None)) for i, m in enumerate(out)]
