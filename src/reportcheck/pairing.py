"""Pairing each report with last year's, for the cross-year rules (RC5xx).

The rules read ``report.previous`` and never look for it; this module sets it, in two ways:

- **Explicitly**: ``reportcheck validate --previous LAST_YEAR FILE …`` (``previous`` here).
  LAST_YEAR becomes the previous report of every checked report of the year after it, and
  of every checked report whose year, or LAST_YEAR's, is not known (the user said so).
  A checked report of LAST_YEAR's own year or more than one year after it is not paired:
  it gets an RC500 warning saying why. Reports of earlier years get no note.
- **Automatically**: among the reports checked together, a report whose agency and year
  are known is paired with the report of the same agency (names compared by
  :func:`~reportcheck.model.labels.label_key`) and the year before. When two reports of
  that agency and year were checked, which one is meant is not known and none is paired.

The explicit pairing comes first; a report it pairs is not paired again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.findings.catalogue import emit
from reportcheck.model.labels import label_key
from reportcheck.model.report import Report

if TYPE_CHECKING:
    from reportcheck.findings import Finding


def agency_key(report: Report) -> str | None:
    """The normalised agency name (None when the report does not say)."""
    agency = report.metadata.agency
    if not agency:
        return None
    return label_key(agency) or None


EXPLICIT = -1
"""In a :func:`plan`, the partner that is the explicit previous report."""

Item = tuple[str | None, int | None, str]
"""What pairing needs of a report: (agency key, year, source path)."""


def item(report: Report) -> Item:
    """The pairing facts of a report."""
    return agency_key(report), report.metadata.year, report.source


def _same_source(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def plan(
    items: Sequence[Item], previous: Item | None = None, taken: Collection[int] = ()
) -> tuple[dict[int, int], set[int]]:
    """Who is compared with whom (see the module doc), from the cheap facts alone.

    Returns the partner of each paired index — another index into ``items``, or
    :data:`EXPLICIT` for ``previous`` — and the indices that get an RC500 warning (the
    explicit previous report does not fit their year). Indices in ``taken`` already have a
    previous report and are left alone. Memory: a few words per report, so that a batch of
    any size can be paired before its reports are read back (:mod:`reportcheck.batch`).
    """
    partner: dict[int, int] = {}
    mismatch: set[int] = set()
    if previous is not None:
        _, last, source = previous
        for i, (_, year, src) in enumerate(items):
            if i in taken or _same_source(src, source):
                continue
            if year is None or last is None or year == last + 1:
                partner[i] = EXPLICIT
            elif year > last:
                mismatch.add(i)
    by_year: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, (key, year, _) in enumerate(items):
        if key is not None and year is not None:
            by_year[(key, year)].append(i)
    for (key, year), group in by_year.items():
        earlier = by_year.get((key, year - 1), [])
        if len(earlier) != 1:
            continue
        for i in group:
            if i not in taken and i not in partner:
                partner[i] = earlier[0]
                mismatch.discard(i)
    return partner, mismatch


def pair(reports: Sequence[Report], previous: Report | None = None) -> None:
    """Set ``previous`` on each report that has a last year's report (see the module doc).

    Reports that already have a previous report keep it. An explicit ``previous`` that
    does not fit a report's year adds an RC500 finding to that report.
    """
    taken = {i for i, r in enumerate(reports) if r.previous is not None}
    partner, mismatch = plan(
        [item(r) for r in reports], item(previous) if previous is not None else None, taken
    )
    for i in sorted(mismatch):
        assert previous is not None
        reports[i].findings.append(mismatch_finding(reports[i], previous))
    for i, j in partner.items():
        report = reports[i]
        if j == EXPLICIT:
            report.previous = previous
        else:
            report.previous = reports[j]
            _drop_mismatch(report)


def mismatch_finding(report: Report, previous: Report) -> Finding:
    """RC500: ``previous``, given explicitly, is not of the year before ``report``."""
    year, last = report.metadata.year, previous.metadata.year
    assert year is not None and last is not None
    return emit(
        "RC500",
        {"previous": previous.source, "last": last, "year": year, "expected": year - 1},
        actual=str(last),
        expected=str(year - 1),
        extra={"previous_file": previous.source},
    )


def _drop_mismatch(report: Report) -> None:
    """A report paired automatically needs no note about the explicit previous report."""
    report.findings[:] = [f for f in report.findings if f.code != "RC500"]
