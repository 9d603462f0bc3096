"""What every summary writer does (:mod:`reportcheck.summary`): collect a run's rows, and
the figures the outliers are found in, as the results come."""

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
