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

from reportcheck.config import Settings
from reportcheck.summary.model import Batch, FileRow, file_row
from reportcheck.summary.writer import SummaryWriter

SUFFIXES = (".xlsx", ".html", ".htm", ".csv")
"""What ``--summary`` can write, by the file's suffix."""

__all__ = ["SUFFIXES", "Batch", "FileRow", "SummaryWriter", "file_row", "open_summary"]


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
