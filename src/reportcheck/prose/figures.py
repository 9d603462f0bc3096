"""Figures the prose states about one quantity (「予以公开9件」)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reportcheck.model.report import Report
from reportcheck.model.values import MAX_DIGITS
from reportcheck.prose.context import COUNT, PERCENT, context_ok
from reportcheck.prose.phrases import PHRASES, Phrase
from reportcheck.prose.quantities import QUANTITIES, Quantity
from reportcheck.prose.sentences import Clause, Sentence, sentences

_PHRASES = [(p, re.compile(p.pattern)) for p in sorted(PHRASES, key=lambda p: -p.priority)]

# Document counts: which column a clause is about.
_IN_FORCE = re.compile(r"现行有效|有效的?")
_REPEALED = re.compile(r"废止|失效")


@dataclass
class Figure:
    """A figure the prose states about one quantity."""

    quantity: Quantity
    value: int
    sentence: Sentence
    clause: Clause
    percent: str | None = None


def _phrases_in(text: str) -> list[tuple[Phrase, int]]:
    """Non-overlapping phrase matches in a clause, most specific first."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[Phrase, int]] = []
    for phrase, pat in _PHRASES:
        for m in pat.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((phrase, m.start()))
    return out


def _quantity_of(text: str) -> str | None:
    """The one quantity a clause names (None when it names none, or several equally)."""
    found = _phrases_in(text)
    if not found:
        return None
    top = max(p.priority for p, _ in found)
    ids = {p.quantity for p, _ in found if p.priority == top}
    if len(ids) != 1:
        return None
    qid = ids.pop()
    if qid in ("regulations", "normative_documents"):
        if _REPEALED.search(text):
            return qid + "_repealed"
        if _IN_FORCE.search(text):
            return qid + "_in_force"
    return qid


def _split_counts(clause: Clause) -> list[Clause]:
    """A clause with several counts split at 、 (「行政复议2件、行政诉讼1件」)."""
    if len(COUNT.findall(clause.text)) <= 1:
        return [clause]
    out = []
    start = 0
    for i, ch in enumerate(clause.text + "、"):
        if ch in "、和及" or i == len(clause.text):
            piece = clause.text[start:i]
            if piece.strip():
                out.append(Clause(piece, clause.offset + start))
            start = i + 1
    return out


def figures(report: Report) -> Iterator[Figure]:
    """Every figure the prose states that can be compared with a table."""
    for fig in _stated(report.text or ""):
        if context_ok(report, fig.quantity, fig.sentence, fig.clause.text):
            yield fig


_stated_cache: list[tuple[str, list[Figure]]] = []


def _stated(text: str) -> list[Figure]:
    """Every clause with one count and one quantity (before the context filters).

    Depends on the text only, so it is computed once per text.
    """
    entry = _stated_cache[0] if _stated_cache else None  # read once: another thread may replace it
    if entry is not None and entry[0] is text:
        return entry[1]
    out: list[Figure] = []
    for s in sentences(text):
        clauses = s.clauses
        for ci, clause in enumerate(clauses):
            for piece in _split_counts(clause):
                counts = COUNT.findall(piece.text)
                if len(counts) != 1:
                    continue
                qid = _quantity_of(piece.text)
                if qid is None or qid not in QUANTITIES:
                    continue
                digits = counts[0].replace(",", "")
                if len(digits) > MAX_DIGITS:
                    continue  # no count of a report: the table's cell says what it is (RC201)
                value = int(digits)
                percent = _percent(piece.text, clauses[ci + 1 :])
                out.append(Figure(QUANTITIES[qid], value, s, piece, percent))
    _stated_cache[:] = [(text, out)]
    return out


def _percent(text: str, following: list[Clause]) -> str | None:
    m = PERCENT.search(text)
    if m:
        return m[1]
    if following:
        nxt = following[0].text.strip()
        m2 = PERCENT.search(nxt)
        if m2 and nxt.startswith(("占", "比例", "比重")) and not COUNT.search(nxt):
            return m2[1]
    return None


def percent_ok(report: Report, value: int, stated: str) -> bool:
    """The stated share of one outcome agrees with some reading of the totals.

    Shares are taken of the applications answered (（七）总计), or of those received;
    a stated figure within one unit of its last digit of the exact share is accepted
    (it may be rounded or cut off).
    """
    p = Decimal(stated)
    exponent = p.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    both = (*QUANTITIES["answered"].values(report), *QUANTITIES["received"].values(report))
    bases = [b for b in both if b > 0]
    if not bases:
        return True
    return any(abs(Decimal(value) * 100 / b - p) < unit for b in bases)


def quoted(s: Sentence) -> str:
    text = re.sub(r"\s+", " ", s.quote).strip().rstrip("；;，,")
    return text if len(text) <= 120 else text[:118] + "…"
