"""Prose against tables (RC401–RC405): figures the text restates must agree with 表二, 表三
and 表四; and the prose against itself (RC406): a total and its parts must add up.

The checks only. Reading the prose — sentences, the quantities, phrases and claims as data,
the context filters, money — and the comparisons are the package :mod:`reportcheck.prose`,
imported on the first report that has text to read: validating a workbook (or JSON) never
loads it or compiles its patterns. Severity, messages and documentation are in the
catalogue (:mod:`reportcheck.findings.catalogue.prose`).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.model.report import Report
from reportcheck.rules.registry import rule


def _applies(report: Report) -> bool:
    """A published report with text, sections and tables (never a workbook or JSON)."""
    return report.sections is not None and bool(report.text) and bool(report.tables)


@rule("RC401")
def prose_applications(report: Report, settings: Settings) -> Iterator[Finding]:
    """A figure in the text about applications differs from 表三."""
    if not _applies(report):
        return
    from reportcheck.prose import checks

    yield from checks.applications(report)


@rule("RC402")
def prose_percentage(report: Report, settings: Settings) -> Iterator[Finding]:
    """A percentage of an outcome in the text does not fit its count and the total answered."""
    if not _applies(report):
        return
    from reportcheck.prose import checks

    yield from checks.percentage(report)


@rule("RC403")
def prose_review_litigation(report: Report, settings: Settings) -> Iterator[Finding]:
    """What the text says about 行政复议 and 行政诉讼 differs from 表四."""
    if not _applies(report):
        return
    from reportcheck.prose import checks

    yield from checks.review_litigation(report)


@rule("RC404")
def prose_documents(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count of 规章 or 规范性文件 in the text differs from 表二."""
    if not _applies(report):
        return
    from reportcheck.prose import checks

    yield from checks.documents(report)


@rule("RC405")
def prose_fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """The 行政事业性收费 amount the text states differs from 表二's 本年收费金额 (万元)."""
    if not _applies(report) or "收费" not in (report.text or ""):
        return
    from reportcheck.prose import checks

    yield from checks.fee_amount(report, settings)


_MARKERS = ("其中", "包括", "包含", "含", "分别")


@rule("RC406")
def prose_sum(report: Report, settings: Settings) -> Iterator[Finding]:
    """A total in the text and the parts it lists do not add up."""
    text = report.text or ""
    if report.sections is None or not any(w in text for w in _MARKERS):
        return
    from reportcheck.prose import checks

    yield from checks.sums(report)
