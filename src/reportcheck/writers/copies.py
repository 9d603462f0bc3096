"""The marked copy ``--annotate`` writes: a marked workbook (:mod:`reportcheck.writers.
annotate`), or for a target ending in ``.docx`` the Word document itself marked
(:mod:`reportcheck.writers.word`). Apart from both, so that neither imports the other."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportcheck.findings import Finding
from reportcheck.model.report import Report
from reportcheck.output import write_atomic
from reportcheck.writers import word
from reportcheck.writers.annotate import TargetError, annotate, is_word


def write_copy(dest: str, report: Report, findings: Iterable[Finding], lang: str) -> None:
    """Write the marked copy of ``report`` to ``dest`` (made whole before it replaces a
    file; the --annotate folder made when missing): a marked workbook, or for ``dest``
    ending in ``.docx`` the Word document itself marked (:mod:`reportcheck.writers.word`).
    Raises OSError when it cannot be written, :class:`TargetError` when a Word copy is asked
    of another kind of report and :class:`~reportcheck.writers.word.WordError` when the
    document cannot be marked."""
    if is_word(dest):
        if report.kind != "docx":
            raise TargetError(
                f"{dest}: {report.source} 不是 Word 文档，无法写出标注的 Word 副本"
                "（请用 --annotate 〈名称〉.xlsx）",
                f"{dest}: {report.source} is not a Word document, so no marked Word copy "
                "(use --annotate NAME.xlsx)",
            )
        source = Path(report.source).read_bytes()
        out = word.annotate(report.source, source, findings, lang)
    else:
        data = Path(report.source).read_bytes() if report.kind == "xlsx" else None
        out = annotate(report, findings, data, lang)
    Path(dest).parent.mkdir(exist_ok=True)  # the --annotate folder; never the ones above it
    write_atomic(Path(dest), out)
