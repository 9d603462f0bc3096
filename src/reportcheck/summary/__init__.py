"""The batch summary for a collecting office: ``reportcheck validate --summary FILE``.

One row per input file — agency, level, report year, format version, publication date and
deadline, status (通过 / 有错误 / 仅警告 / 无法读取 / 不支持), counts per severity and the
first error in words — and the batch's own facts: reports of the same agency and year given
twice, the agencies whose consecutive years were compared (RC5xx), agencies with a year
missing, every file that was not checked with the reason, and the figures far outside what
the batch's other reports of the same level say (「异常值，请核实」,
:mod:`reportcheck.summary.outliers`).

Written as an Excel workbook (``.xlsx``), a self-contained web page (``.html``) or CSV
(``.csv``), chosen by the suffix. The writers are sinks: :meth:`SummaryWriter.add` takes
each file's result as the run produces it (the findings go to the workbook's or page's
temporary parts at once and are not kept), :meth:`SummaryWriter.close` writes the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.config import Plausibility, Settings
from reportcheck.output import shown
from reportcheck.summary.model import Batch, FileRow, file_row

if TYPE_CHECKING:
    from reportcheck.results import FileResult
    from reportcheck.summary.outliers import Outlier

SUFFIXES = (".xlsx", ".html", ".htm", ".csv")
"""What ``--summary`` can write, by the file's suffix."""

__all__ = ["SUFFIXES", "Batch", "FileRow", "SummaryWriter", "file_row", "open_summary"]


class SummaryWriter:
    """Collects a run's rows (and, by the format, its findings) and writes the summary."""

    def __init__(
        self,
        path: str | Path,
        lang: str,
        settings_for: Callable[[str], Settings],
        annotated: Callable[[str], str | None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.lang = lang
        self.settings_for = settings_for
        self.annotated = annotated
        self.batch = Batch()
        self.plausibility: Plausibility | None = None
        """The outlier thresholds: the first checked file's settings (one batch, one view)."""

    def add(self, result: FileResult) -> None:
        """One file's result, in input order (a name that is not clean shown escaped, as
        in the text formats: :func:`reportcheck.output.shown`)."""
        settings = self.settings_for(result.path)
        (result,) = shown([result], "concise")
        row = file_row(result, settings, self.lang)
        if self.annotated is not None:
            row.annotated = self.annotated(result.path)
        self.batch.add(row)
        if result.report is not None:
            if self.plausibility is None:
                self.plausibility = self.settings_for(result.path).plausibility
            self.batch.figures.add(row.index, result.report)
        self._findings(row, result)

    def outliers(self) -> tuple[Plausibility, list[Outlier]]:
        """The thresholds and the batch's outliers (:mod:`reportcheck.summary.outliers`)."""
        p = self.plausibility or Plausibility()
        return p, self.batch.figures.outliers(p)

    def _findings(self, row: FileRow, result: FileResult) -> None:
        """Keep what the format shows of the file's findings (nothing by default)."""

    def close(self) -> None:
        """Write the summary file (atomically)."""
        raise NotImplementedError


def open_summary(
    path: str | Path,
    lang: str,
    settings_for: Callable[[str], Settings],
    annotated: Callable[[str], str | None] | None = None,
) -> SummaryWriter:
    """The writer for ``path``'s suffix (see :data:`SUFFIXES`)."""
    suffix = Path(path).suffix.lower()
    # the writer of the suffix asked for only (openpyxl for .xlsx, rich for .html)
    if suffix == ".csv":
        from reportcheck.summary.csv_ import CsvSummary

        return CsvSummary(path, lang, settings_for, annotated)
    if suffix == ".xlsx":
        from reportcheck.summary.xlsx import XlsxSummary

        return XlsxSummary(path, lang, settings_for, annotated)
    if suffix in (".html", ".htm"):
        from reportcheck.summary.html import HtmlSummary

        return HtmlSummary(path, lang, settings_for, annotated)
    raise ValueError(f"{path}: the summary must end in .xlsx, .html or .csv")
