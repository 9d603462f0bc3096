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
from collections.abc import Sequence
from pathlib import Path

from reportcheck.model.labels import label_key
from reportcheck.model.report import Report


def agency_key(report: Report) -> str | None:
    """The normalised agency name (None when the report does not say)."""
    agency = report.metadata.agency
    if not agency:
        return None
    return label_key(agency) or None


def _same_file(a: Report, b: Report) -> bool:
    if a is b:
        return True
    try:
        return Path(a.source).resolve() == Path(b.source).resolve()
    except OSError:
        return a.source == b.source


def pair(reports: Sequence[Report], previous: Report | None = None) -> None:
    """Set ``previous`` on each report that has a last year's report (see the module doc).

    Reports that already have a previous report keep it. An explicit ``previous`` that
    does not fit a report's year adds an RC500 finding to that report.
    """
    if previous is not None:
        for report in reports:
            if report.previous is None and not _same_file(report, previous):
                _explicit(report, previous)
    by_year: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for report in reports:
        key, year = agency_key(report), report.metadata.year
        if key is not None and year is not None:
            by_year[(key, year)].append(report)
    for (key, year), group in by_year.items():
        earlier = by_year.get((key, year - 1), [])
        if len(earlier) != 1:
            continue
        for report in group:
            if report.previous is None:
                report.previous = earlier[0]
                _drop_mismatch(report)


def _explicit(report: Report, previous: Report) -> None:
    year, last = report.metadata.year, previous.metadata.year
    if year is None or last is None or year == last + 1:
        report.previous = previous
        return
    if year < last:
        return
    from reportcheck.findings.catalogue import emit

    report.findings.append(
        emit(
            "RC500",
            {"previous": previous.source, "last": last, "year": year, "expected": year - 1},
            actual=str(last),
            expected=str(year - 1),
            extra={"previous_file": previous.source},
        )
    )


def _drop_mismatch(report: Report) -> None:
    """A report paired automatically needs no note about the explicit previous report."""
    report.findings[:] = [f for f in report.findings if f.code != "RC500"]
