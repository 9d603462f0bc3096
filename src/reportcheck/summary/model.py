"""What the summary says about each file and about the batch, in words for an office."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from reportcheck.findings import UNREAD_CODES, Finding, Severity
from reportcheck.findings.catalogue import get
from reportcheck.pairing import agency_key
from reportcheck.render.common import place
from reportcheck.rules.publication import deadline
from reportcheck.summary.outliers import Figures

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.results import FileResult

STATUSES = ("errors", "warnings", "passed", "unreadable", "unsupported")
"""Every file status, most serious first (the order of the charts and filters)."""

STATUS_WORD = {
    "zh": {
        "passed": "通过",
        "errors": "有错误",
        "warnings": "仅警告",
        "unreadable": "无法读取",
        "unsupported": "不支持",
    },
    "en": {
        "passed": "passed",
        "errors": "errors",
        "warnings": "warnings only",
        "unreadable": "unreadable",
        "unsupported": "not supported",
    },
}

LEVEL_WORD = {
    "zh": {"department": "部门", "government": "政府", "township": "乡镇（街道）"},
    "en": {"department": "department", "government": "government", "township": "township"},
}

KIND_WORD = {
    "xlsx": "Excel",
    "csv": "CSV",
    "json": "JSON",
    "html": "HTML",
    "docx": "Word",
    "markdown": "Markdown",
    "text": "text",
    "pdf": "PDF",
    "image": "image",
}


def _code_summary(code: str, lang: str) -> str:
    try:
        summary = get(code).summary
    except (ImportError, KeyError):
        return ""
    return summary.zh if lang == "zh" else summary.en


def code_summary(code: str, lang: str) -> str:
    """The code's one-line summary from the catalogue (empty when unknown)."""
    return _code_summary(code, lang)


@dataclass(slots=True)
class FileRow:
    """One input file, as the summary shows it."""

    index: int
    path: str
    status: str
    """One of :data:`STATUSES`."""
    kind: str | None = None
    agency: str | None = None
    agency_key: str | None = None
    level: str | None = None
    year: int | None = None
    version: str | None = None
    published: date | None = None
    deadline: date | None = None
    late_days: int | None = None
    """Days after the deadline (0 or less: in time), when both dates are known."""
    error: int = 0
    warning: int = 0
    info: int = 0
    waived: int = 0
    unread: int = 0
    """Places reportcheck could not read (RC003): counted apart, not as warnings."""
    first: str = ""
    """The first error (else warning) in words, or why the file was not checked."""
    first_code: str = ""
    previous: str | None = None
    """Last year's report it was compared with (RC5xx)."""
    crossyear: int = 0
    """Findings of the comparison with last year's report (RC5xx, RC70x, not waived)."""
    annotated: str | None = None
    """The marked copy of the workbook (``--annotate``), when one was written."""
    codes: Counter[str] = field(default_factory=Counter)

    def deadline_word(self, lang: str) -> str:
        """按期 / 逾期 12 天 / 未注明发布日期 / empty when no deadline applies."""
        if self.deadline is None:
            return ""
        if self.published is None:
            return "未注明发布日期" if lang == "zh" else "no publication date"
        if self.late_days is not None and self.late_days > 0:
            if lang == "zh":
                return f"逾期 {self.late_days} 天"
            return f"{self.late_days} day{'s' * (self.late_days != 1)} late"
        return "按期" if lang == "zh" else "in time"


def first_problem(findings: list[Finding], lang: str) -> tuple[str, str]:
    """(code, words) of the first unwaived error, else the first warning."""
    for severity in (Severity.ERROR, Severity.WARNING):
        for f in findings:
            if f.severity is severity and not f.waived:
                where = place(f, lang)
                text = f"{f.code} {where}：{f.text(lang)}" if where else f"{f.code} {f.text(lang)}"
                if lang != "zh":
                    text = f"{f.code} {where}: {f.text(lang)}" if where else text
                return f.code, text
    return "", ""


def file_row(result: FileResult, settings: Settings, lang: str, index: int = 0) -> FileRow:
    """The summary row of one file's result."""
    if result.error is not None:
        status = "unsupported" if result.error.unsupported else "unreadable"
        problem = result.error.problem if lang == "zh" else result.error.problem_en
        return FileRow(index, result.path, status, first=problem)
    rep = result.report
    row = FileRow(index, result.path, "passed")
    for f in result.findings:
        if f.waived:
            row.waived += 1
            continue
        if f.code in UNREAD_CODES:
            row.unread += 1
            row.codes[f.code] += 1
            continue
        setattr(row, f.severity.value, getattr(row, f.severity.value) + 1)
        row.codes[f.code] += 1
        if f.code.startswith(("RC5", "RC70")):  # RC70x: plausibility across years
            row.crossyear += 1
    row.status = "errors" if row.error else "warnings" if row.warning else "passed"
    row.first_code, row.first = first_problem(result.findings, lang)
    if rep is not None:
        meta = rep.metadata
        row.kind, row.agency, row.agency_key = rep.kind, meta.agency, agency_key(rep)
        row.level, row.year, row.version = meta.level, meta.year, rep.format_version
        row.published = meta.published
        row.deadline = deadline(rep, settings)
        if row.published is not None and row.deadline is not None:
            row.late_days = (row.published - row.deadline).days
        row.previous = rep.previous.source if rep.previous is not None else None
    return row


@dataclass
class Batch:
    """Every row of the run, and what they say together."""

    rows: list[FileRow] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)
    """Unwaived findings per code over the batch."""
    code_files: Counter[str] = field(default_factory=Counter)
    """Files per code."""
    severity_of: dict[str, Severity] = field(default_factory=dict)
    figures: Figures = field(default_factory=Figures)
    """Every figure of the checked reports, for the batch's outliers (「异常值，请核实」)."""

    def add(self, row: FileRow) -> None:
        row.index = len(self.rows)
        self.rows.append(row)
        self.codes.update(row.codes)
        self.code_files.update(row.codes.keys())
        row.codes = Counter()  # counted; not kept per row

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def statuses(self) -> dict[str, int]:
        """Files per status, in :data:`STATUSES` order."""
        out = dict.fromkeys(STATUSES, 0)
        for r in self.rows:
            out[r.status] += 1
        return out

    def totals(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0, "waived": 0, "unread": 0}
        for r in self.rows:
            out["unread"] += r.unread
            out["error"] += r.error
            out["warning"] += r.warning
            out["info"] += r.info
            out["waived"] += r.waived
        return out

    def duplicates(self) -> list[tuple[str, int, list[FileRow]]]:
        """(agency, year, files) for every agency and year given more than once."""
        groups: dict[tuple[str, int], list[FileRow]] = defaultdict(list)
        for r in self.rows:
            if r.agency_key and r.year is not None:
                groups[(r.agency_key, r.year)].append(r)
        return [
            (g[0].agency or key, year, g)
            for (key, year), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]))
            if len(g) > 1
        ]

    def compared(self) -> list[FileRow]:
        """The files compared with last year's report (RC5xx), in input order."""
        return [r for r in self.rows if r.previous is not None]

    def years(self) -> list[int]:
        """The report years of the batch, in order."""
        return sorted({r.year for r in self.rows if r.year is not None})

    def missing_years(self) -> list[tuple[str, list[int], list[int]]]:
        """(agency, years present, years missing) for each agency without a report for
        every year of the batch (only when the batch spans more than one year)."""
        years = self.years()
        if len(years) < 2:
            return []
        span = range(years[0], years[-1] + 1)
        have: dict[str, set[int]] = defaultdict(set)
        name: dict[str, str] = {}
        for r in self.rows:
            if r.agency_key and r.year is not None:
                have[r.agency_key].add(r.year)
                name.setdefault(r.agency_key, r.agency or r.agency_key)
        out = []
        for key in sorted(have):
            missing = [y for y in span if y not in have[key]]
            if missing:
                out.append((name[key], sorted(have[key]), missing))
        return out

    def not_checked(self) -> list[FileRow]:
        return [r for r in self.rows if r.status in ("unreadable", "unsupported")]

    def per_agency(self) -> list[tuple[str, int, int]]:
        """(agency, errors, warnings) per agency, most findings first."""
        out: dict[str, list[int]] = {}
        for r in self.rows:
            if r.agency and (r.error or r.warning):
                acc = out.setdefault(r.agency, [0, 0])
                acc[0] += r.error
                acc[1] += r.warning
        return sorted(((a, e, w) for a, (e, w) in out.items()), key=lambda t: (-t[1] - t[2], t[0]))


def headers(lang: str, annotate: bool = False) -> list[str]:
    """The file table's column headings."""
    if lang == "zh":
        cols = [
            "序号",
            "文件",
            "机关",
            "层级",
            "年度",
            "格式版本",
            "发布日期",
            "发布期限",
            "是否按期",
            "状态",
            "错误",
            "警告",
            "提示",
            "已豁免",
            "首个问题",
            "对照上年",
        ]
        return [*cols, "标注文件"] if annotate else cols
    cols = [
        "No.",
        "file",
        "agency",
        "level",
        "year",
        "format",
        "published",
        "deadline",
        "in time",
        "status",
        "errors",
        "warnings",
        "info",
        "waived",
        "first problem",
        "compared with",
    ]
    return [*cols, "marked copy"] if annotate else cols


def values(row: FileRow, lang: str, annotate: bool = False) -> list[object]:
    """The file table's cells for ``row`` (dates as dates, counts as ints)."""
    checked = row.status not in ("unreadable", "unsupported")
    cells: list[object] = [
        row.index + 1,
        row.path,
        row.agency or "",
        LEVEL_WORD[lang].get(row.level or "", row.level or ""),
        row.year if row.year is not None else "",
        row.version or "",
        row.published or "",
        row.deadline or "",
        row.deadline_word(lang),
        STATUS_WORD[lang][row.status],
        row.error if checked else "",
        row.warning if checked else "",
        row.info if checked else "",
        row.waived if checked else "",
        row.first,
        row.previous or "",
    ]
    if annotate:
        cells.append(row.annotated or "")
    return cells
