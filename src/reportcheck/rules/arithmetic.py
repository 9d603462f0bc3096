"""Arithmetic within a table: R1, R2, R3 (表三) and R5 (表四), with culprit detection.

The relations are data (:mod:`reportcheck.model.relations`); this module evaluates them.
Blank cells and placeholders count as 0; a relation that holds a text cell or an
uncalculated formula is not evaluated (the value rules report that cell instead).

When several relations fail and one cell explains all of them — changing that cell by the
same amount would make every one of them hold, and would break none that holds — one
finding names that cell (RC300, or RC204 when the cell is blank) instead of one finding
per relation. Relations that no single cell explains are reported one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from reportcheck.config import Settings
from reportcheck.findings import Check, Finding, Number, fmt_number
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import cell_fields, cell_name, shown_tr, term
from reportcheck.model.relations import (
    CellRef,
    Relation,
    relation_codes,
    relations_for,
    relations_of_tables,
)
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.rules.registry import rule

_UNKNOWN = (CellState.TEXT, CellState.FORMULA_NO_VALUE)
_BLANKISH = (CellState.BLANK, CellState.PLACEHOLDER)


def _cell(report: Report, ref: CellRef) -> Cell | None:
    table = report.tables.get(ref[0])
    return table.get(ref[1], ref[2]) if table is not None else None


def evaluate(
    report: Report, relations: Iterable[Relation]
) -> tuple[list[tuple[Relation, Check]], list[Relation]]:
    """Evaluate every relation whose cells were all read as numbers, blanks or placeholders.

    Returns the failing relations, each written out term by term (:class:`Check`), and the
    relations that hold (their terms are not needed, so they are not built).
    """
    failing: list[tuple[Relation, Check]] = []
    passing: list[Relation] = []
    tables = {tid: data.cells for tid, data in report.tables.items()}
    for rel in relations:
        # the sums inline, left to right (Cell.arithmetic_value: blanks count 0); a cell
        # not read, text or an uncalculated formula leaves the relation unevaluated
        sums: list[Number] = []
        for side in (rel.lhs, rel.rhs):
            total: Number = 0
            for tid, row, col in side:
                cells = tables.get(tid)
                cell = cells.get((row, col)) if cells is not None else None
                if cell is None or cell.state in _UNKNOWN:
                    break
                if cell.value is not None:
                    total += cell.value
            else:
                sums.append(total)
                continue
            break
        if len(sums) != 2:
            continue
        lsum, rsum = sums
        if lsum == rsum:
            passing.append(rel)
            continue
        lhs = tuple(term(report, *ref) for ref in rel.lhs)
        rhs = tuple(term(report, *ref) for ref in rel.rhs)
        failing.append((rel, Check(rel.id, rel.code, lhs, rhs, lsum, rsum)))
    return failing, passing


def _delta(rel: Relation, check: Check, ref: CellRef) -> Number:
    """The change to ``ref`` that would make the relation hold."""
    return -check.residual if ref in rel.lhs else check.residual


def _culprits(
    failing: list[tuple[Relation, Check]], passing: list[Relation]
) -> list[tuple[CellRef, Number, list[tuple[Relation, Check]]]]:
    """Cells each of which alone explains two or more failing relations."""
    in_passing = {ref for rel in passing for ref in rel.cells}
    remaining = list(failing)
    found: list[tuple[CellRef, Number, list[tuple[Relation, Check]]]] = []
    while True:
        by_cell: dict[CellRef, list[tuple[Relation, Check]]] = defaultdict(list)
        for rel, chk in remaining:
            for ref in rel.cells:
                by_cell[ref].append((rel, chk))
        best: list[tuple[CellRef, Number, list[tuple[Relation, Check]]]] = []
        for ref, rels in by_cell.items():
            if len(rels) < 2 or ref in in_passing:
                continue
            deltas = {_delta(rel, chk, ref) for rel, chk in rels}
            if len(deltas) != 1:
                continue
            best.append((ref, deltas.pop(), rels))
        if not best:
            return found
        top = max(len(b[2]) for b in best)
        leaders = [b for b in best if len(b[2]) == top]
        ids = [{rel.id for rel, _ in b[2]} for b in leaders]
        done: set[str] = set()
        for i, leader in enumerate(leaders):
            # Leaders that explain disjoint failures are independent errors: take each.
            # Two cells that explain some of the same failures equally well: don't guess;
            # those relations are reported one by one.
            if not any(ids[i] & other for j, other in enumerate(ids) if j != i):
                found.append(leader)
            done |= ids[i]
        remaining = [(r, c) for r, c in remaining if r.id not in done]


def relations_of(report: Report) -> tuple[Relation, ...]:
    """The arithmetic relations of ``report``: of its format, or of each table's own version
    when the report mixes them (:attr:`Report.table_versions`)."""
    version = report.format.version
    if not report.table_versions:
        return relations_for(version)
    tv = report.table_versions
    return relations_of_tables(
        tv.get("applications", version), tv.get("review_litigation", version)
    )


@rule("RC300", *relation_codes())
def check_arithmetic(report: Report, settings: Settings) -> Iterator[Finding]:
    """Every relation of the report whose code is enabled (RC301–RC304 and any other code a
    relation declares, :mod:`reportcheck.model.relations`), and RC300: one cell makes
    several relations fail, it is the likely culprit."""
    every = relations_of(report)
    culprits_wanted = settings.enabled("RC300")
    # A culprit is found among every relation, as in a full run (``--select RC300`` alone
    # names the same cell); the findings of the relations not selected are dropped after.
    rels = list(every) if culprits_wanted else [r for r in every if settings.enabled(r.code)]
    failing, passing = evaluate(report, rels)
    if not failing:
        return
    explained: set[str] = set()
    culprits = _culprits(failing, passing) if culprits_wanted else []
    for ref, delta, rels_for_cell in culprits:
        explained.update(r.id for r, _ in rels_for_cell)
        yield _culprit_finding(report, ref, delta, rels_for_cell, settings)
    # A blank total whose parts are known "should be" their sum: other relations that add
    # it up can then say whether they would hold once it is filled in.
    inferred: dict[CellRef, Number] = {}
    for rel, chk in failing:
        total = _cell(report, rel.total) if rel.total else None
        if rel.total and total is not None and total.state in _BLANKISH:
            inferred[rel.total] = chk.rhs_sum
    for rel, chk in failing:
        if rel.id not in explained:
            yield _relation_finding(report, rel, chk, inferred)


def _culprit_finding(
    report: Report,
    ref: CellRef,
    delta: Number,
    rels: list[tuple[Relation, Check]],
    settings: Settings,
) -> Finding:
    cell = _cell(report, ref)
    assert cell is not None
    actual = cell.arithmetic_value()
    expected = actual + delta
    name = cell_name(report, *ref, cell)
    checks = tuple(c for _, c in rels)
    highlight = _highlight(checks, first=cell.location.address if cell.location else None)
    n = len(rels)
    if cell.state in (CellState.BLANK, CellState.PLACEHOLDER) and settings.enabled("RC204"):
        return emit(
            "RC204",
            {"cell": name, "shown": shown_tr(cell), "expected": expected, "count": _count(n)},
            variant="culprit",
            fields=cell_fields(report, *ref),
            actual=cell.raw,
            expected=fmt_number(expected),
            suggestion=fmt_number(expected),
            checks=checks,
            cells=highlight,
        )
    diff = -delta
    return emit(
        "RC300",
        {
            "cell": name,
            "actual": actual,
            "expected": expected,
            "direction": _direction(diff),
            "amount": _abs(diff),
            "count": _count(n),
        },
        fields=cell_fields(report, *ref),
        actual=fmt_number(actual),
        expected=fmt_number(expected),
        difference=fmt_number(diff),
        suggestion=fmt_number(expected),
        checks=checks,
        cells=highlight,
    )


def _count(n: int) -> Tr:
    """How many relations: 「两个」 / "both", 「 3 个」 / "all 3"."""
    return Tr("两", "both") if n == 2 else Tr(f" {n} ", f"all {n}")


def _abs(n: Number) -> Number:
    return -n if n < 0 else n


def _direction(diff: Number) -> Tr:
    return Tr("多", "high") if diff > 0 else Tr("少", "low")


def _highlight(checks: Iterable[Check], first: str | None = None) -> tuple[str, ...]:
    """Addresses of every cell added up; ``first`` (the culprit) leads, renderers mark it."""
    seen: dict[str, None] = {first: None} if first else {}
    for chk in checks:
        for t in (*chk.lhs, *chk.rhs):
            if t.location:
                seen.setdefault(t.location, None)
    return tuple(seen)


def _relation_finding(
    report: Report, rel: Relation, chk: Check, inferred: dict[CellRef, Number]
) -> Finding:
    """One failing relation that no single cell explains."""
    anchor = rel.total or rel.lhs[0]
    cell = _cell(report, anchor)
    assert cell is not None
    fields = cell_fields(report, *anchor)
    blanks = [t for t in chk.rhs if t.value is None]
    name = cell_name(report, *anchor, cell)
    if rel.total and cell.state in (CellState.BLANK, CellState.PLACEHOLDER):
        return emit(
            "RC204",
            {
                "cell": name,
                "shown": shown_tr(cell),
                "parts": _parts(chk, "the parts"),
                "sum": chk.rhs_sum,
            },
            fields=fields,
            actual=cell.raw,
            expected=fmt_number(chk.rhs_sum),
            # certain only when every part is filled in (a blank part may be a missing figure)
            suggestion=fmt_number(chk.rhs_sum) if not blanks else None,
            checks=(chk,),
            cells=_highlight((chk,)),
        )
    diff = chk.residual
    params: dict[str, object] = {"lhs": chk.lhs_sum, "rhs": chk.rhs_sum}
    if rel.total:
        params |= {
            "cell": name,
            "parts": _parts(chk, "its parts"),
            "direction": _direction(diff),
            "amount": _abs(diff),
        }
    else:  # no printed total: both sides are sums (a balance, RC303)
        col = report.table_def(rel.lhs[0][0]).row(rel.lhs[0][1]).column(rel.lhs[0][2])
        params |= {"column": Tr(col.label, f"{col.en} ({col.label})"), "amount": _abs(diff)}
        fields.pop("row", None)
        fields.pop("row_label", None)
    variant = "default"
    hint: str | None = None
    expected: Number | None = chk.rhs_sum
    difference: Number | None = diff
    extra: dict[str, str] = {}
    if blanks:
        hint = "blanks"
        params["blanks"] = len(blanks)
        filled = [inferred[ref] for ref in rel.rhs if ref in inferred]
        if filled:
            would = chk.rhs_sum + sum(filled, 0)
            if would == chk.lhs_sum:
                # The printed total is right; the blank row totals are the defect.
                params = {
                    "cell": name,
                    "lhs": chk.lhs_sum,
                    "rhs": chk.rhs_sum,
                    "filled": len(filled),
                    "would": would,
                }
                variant, hint = "blank_totals", None
                expected, difference = None, None
                extra = {
                    "sum_as_blank": str(fmt_number(chk.rhs_sum)),
                    "sum_filled": str(fmt_number(would)),
                }
            else:
                hint = "blank_totals"
                params |= {"filled": len(filled), "would": would}
                params["still"] = _abs(chk.lhs_sum - would)
    return emit(
        rel.code,
        params,
        variant=variant,
        hint=hint,
        fields=fields,
        actual=fmt_number(chk.lhs_sum),
        expected=fmt_number(expected),
        difference=fmt_number(difference),
        checks=(chk,),
        cells=_highlight((chk,)),
        extra=extra,
    )


def _parts(chk: Check, en: str) -> Tr:
    """「 7 项之和」 / "its parts" — what a total is compared with."""
    return Tr(f" {len(chk.rhs)} 项之和", en)
