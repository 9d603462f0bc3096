"""What validating one file gave (:class:`FileResult`): the record every step after the
check reads — the baseline, the renderers, the summary, the marked copies. Below
:mod:`reportcheck.api` so that those steps need not import the library's entry points."""

from __future__ import annotations

from dataclasses import field

from reportcheck.errors import InputError
from reportcheck.findings import Finding, Severity
from reportcheck.model.report import Report
from reportcheck.records import record


@record()
class FileResult:
    """What validating one file gave: the report read, its findings, or why it could not run."""

    path: str
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None

    def count(self, severity: Severity) -> int:
        """Findings of this severity that are not waived."""
        return sum(1 for f in self.findings if f.severity is severity and not f.waived)

    def fails(self, threshold: Severity) -> bool:
        """Whether any unwaived finding is at or above ``threshold``."""
        return any(f.severity.rank >= threshold.rank and not f.waived for f in self.findings)
