"""The summary as CSV: one row per file (UTF-8 with a BOM, so that Excel shows the Chinese).

The batch's facts are columns of each row: the other files of the same agency and year
(同年重复), and the years of the batch the agency has no report for (缺少年度).
"""

from __future__ import annotations

import csv
import io

from reportcheck.output import write_atomic
from reportcheck.summary.model import FileRow, headers, values
from reportcheck.summary.writer import SummaryWriter

_EXTRA = {"zh": ["同年重复", "缺少年度"], "en": ["same agency and year", "years missing"]}


class CsvSummary(SummaryWriter):
    """One CSV table (see the module doc)."""

    def close(self) -> None:
        lang, batch = self.lang, self.batch
        annotate = self.annotated is not None
        twins: dict[int, list[FileRow]] = {}
        for _agency, _year, group in batch.duplicates():
            for r in group:
                twins[r.index] = [o for o in group if o is not r]
        sep = "、" if lang == "zh" else ", "
        gaps = {agency: sep.join(map(str, missing)) for agency, _, missing in batch.missing_years()}
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([*headers(lang, annotate), *_EXTRA[lang]])
        for r in batch.rows:
            cells = [
                v.isoformat() if hasattr(v, "isoformat") else v for v in values(r, lang, annotate)
            ]
            others = "; ".join(o.path for o in twins.get(r.index, []))
            w.writerow([*cells, others, gaps.get(r.agency or "", "")])
        write_atomic(self.path, "\ufeff" + buf.getvalue())
