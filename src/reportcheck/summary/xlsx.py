"""The summary as an Excel workbook, ready to forward.

Sheets: 汇总 (one row per file: frozen header, autofilter, widths for Chinese text, status in
colour, the file and its marked copy as links), 问题清单 (every finding, one row each, with
its place), 批次情况 (the batch: counts, the most frequent codes, the same agency and year
given twice, cross-year comparisons, agencies with a year missing, files not checked).

Written with openpyxl's write-only mode: the findings go to the workbook's temporary part
as each file comes, so the run's memory does not grow with them.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcheck import __version__
from reportcheck.findings import Finding, Severity
from reportcheck.output import file_mode
from reportcheck.render.common import SEVERITY_WORD, labels, place
from reportcheck.summary import SummaryWriter
from reportcheck.summary.model import (
    LEVEL_WORD,
    STATUS_WORD,
    STATUSES,
    FileRow,
    code_summary,
    headers,
    values,
)
from reportcheck.summary.outliers import HEADS, WORDS, round_figure

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.results import FileResult

MAX_ROWS = 1_048_576
"""Excel's row limit: findings beyond it are counted, not listed."""

_FONT = "等线"
_FILL = {
    "passed": ("C6EFCE", "006100"),
    "warnings": ("FFEB9C", "9C5700"),
    "errors": ("FFC7CE", "9C0006"),
    "unreadable": ("D9D9D9", "404040"),
    "unsupported": ("EDEDED", "595959"),
}
_SEV_FILL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "passed"}
_FINDING_WIDTHS = (5, 20, 14, 7, 5, 14, 12, 5, 14, 9, 8, 9, 6, 40, 8)
"""问题清单's columns: the long texts (file, agency, rule, place, row, column, message,
waiver) wrap, so that the sheet prints one page wide at a readable size."""
_FINDING_WRAPPED = (1, 2, 5, 6, 8, 9, 10, 11, 13, 14)
_FILE_CAPS = {1: 34, 2: 16, 14: 34, 15: 20, 16: 20}
"""汇总's widest columns (file, agency, first problem, compared with, marked copy): their
text wraps past these widths; the other columns are as wide as their text, up to 12. The
file is a link, which LibreOffice does not wrap: a longer name is shrunk to fit."""
_FILE_WRAPPED = (2, 14, 15, 16)

_T: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "政府信息公开工作年度报告 校验汇总",
        "files_sheet": "汇总",
        "findings_sheet": "问题清单",
        "batch_sheet": "批次情况",
        "made": "reportcheck {v} 生成于 {t}",
        "line": "共 {n} 个文件：{parts}；共 {e} 个错误、{w} 个警告、{i} 个提示{u}",
        "unread": "；{u} 处未能读取、未检查",
        "finding_head": [
            "序号",
            "文件",
            "机关",
            "代码",
            "级别",
            "规则",
            "位置",
            "表",
            "行",
            "列",
            "实际",
            "应为",
            "差",
            "说明",
            "已豁免",
        ],
        "truncated": "另有 {n} 条问题未列出（超过 Excel 的行数上限），请用 --format json 查看全部",
        "overview": "总体情况",
        "status": "状态",
        "files": "文件数",
        "top": "最常见的问题",
        "top_head": ["代码", "规则", "次数", "文件数"],
        "dups": "同一机关同一年度报送了不止一份",
        "dups_head": ["机关", "年度", "文件"],
        "dups_none": "无",
        "pairs": "与上年报告对照（跨年度核对 RC5xx）",
        "pairs_head": ["机关", "年度", "文件", "上年报告", "跨年度问题"],
        "pairs_none": "本批中没有同一机关相邻年度的报告",
        "missing": "缺少年度（本批含 {a}–{b} 年度）",
        "missing_head": ["机关", "已有年度", "缺少年度"],
        "not_checked": "未检查的文件",
        "not_checked_head": ["文件", "状态", "原因与处理办法"],
        "none": "无",
    },
    "en": {
        "title": "Government information disclosure annual reports: validation summary",
        "files_sheet": "Summary",
        "findings_sheet": "Findings",
        "batch_sheet": "Batch",
        "made": "written by reportcheck {v} at {t}",
        "line": "{n} files: {parts}; {e} errors, {w} warnings, {i} info in all{u}",
        "unread": "; {u} places not read (not checked)",
        "finding_head": [
            "No.",
            "file",
            "agency",
            "code",
            "severity",
            "rule",
            "place",
            "table",
            "row",
            "column",
            "actual",
            "expected",
            "difference",
            "message",
            "waived",
        ],
        "truncated": "{n} more findings not listed (Excel's row limit): use --format json for all",
        "overview": "Overview",
        "status": "status",
        "files": "files",
        "top": "Most frequent findings",
        "top_head": ["code", "rule", "count", "files"],
        "dups": "The same agency and year given more than once",
        "dups_head": ["agency", "year", "files"],
        "dups_none": "none",
        "pairs": "Compared with last year's report (cross-year checks RC5xx)",
        "pairs_head": ["agency", "year", "file", "last year's report", "cross-year findings"],
        "pairs_none": "no reports of one agency for consecutive years in this batch",
        "missing": "Years missing (the batch holds {a}–{b})",
        "missing_head": ["agency", "years present", "years missing"],
        "not_checked": "Files not checked",
        "not_checked_head": ["file", "status", "reason and what to do"],
        "none": "none",
    },
}


def display_width(text: str) -> float:
    """The column width a text needs: a Chinese character takes about 1.5 digits' width."""
    return sum(1.5 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def status_line(counts: dict[str, int], lang: str) -> str:
    """``通过 12，仅警告 3，有错误 5，无法读取 1，不支持 2`` (statuses with files only)."""
    sep = "，" if lang == "zh" else ", "
    words = STATUS_WORD[lang]
    return sep.join(f"{words[s]} {counts[s]}" for s in STATUSES if counts[s])


def _landscape(ws: Any, title_rows: str | None) -> None:
    """Printed on A4 landscape with narrow margins, one page wide (the column widths are
    chosen so that this keeps the text at 80 % or more), the header row repeated on every
    page, with the cell grid (a printed table is read along its lines)."""
    from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped,unused-ignore]

    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5, header=0.2, footer=0.2)
    ws.print_options.gridLines = True


LINE_HEIGHT = 15.0
"""Points a line of 10.5-point text takes, with the line spacing of a CJK font (Noto Sans
CJK, which LibreOffice and WPS use for 等线 where it is missing, is taller than 等线)."""


def text_units(text: str) -> float:
    """The width ``text`` takes in column-width units at 10.5 points (a Chinese character
    about 1.5 digits; a little more is counted, so that a wrapped cell gets a line too
    many rather than one too few)."""
    return sum(1.55 if unicodedata.east_asian_width(ch) in "WF" else 1.05 for ch in text)


def lines_in(text: str, width: float) -> int:
    """The lines ``text`` wraps to in a column ``width`` units wide (a wrapped line breaks
    at a space or a dash, or anywhere between Chinese characters: words are not split,
    so a line is counted for the part of the room a word leaves unused)."""
    room = max(width - 1.5, 1.0)
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for word in _WORDS.findall(part):
            w = text_units(word)
            if used + w > room and used > 0:
                lines += 1
                used = 0.0
            while w > room:  # a word longer than the line: broken where it must be
                lines += 1
                w -= room
            used += w
        total += lines
    return total


_WORDS = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef-]+-?|\s+")
"""What a line breaks between: each Chinese character, a run of other characters (with a
dash it ends in), spaces."""


def unbreakable(text: str, width: float) -> bool:
    """Whether ``text`` has a word longer than a line of a column ``width`` units wide
    (a long file name without dashes): such a cell is shrunk to fit, not wrapped."""
    room = max(width - 1.5, 1.0)
    return any(text_units(w) > room for w in _WORDS.findall(text))


def row_height(cells: list[tuple[object, float]], minimum: int = 1) -> float:
    """The height (points) of a row whose wrapped cells hold these (value, column width)."""
    lines = max([minimum, *(lines_in(str(v), w) for v, w in cells if v not in (None, ""))])
    return round(lines * LINE_HEIGHT + 3, 1)


class XlsxSummary(SummaryWriter):
    """The workbook (see the module doc)."""

    def __init__(
        self,
        path: str | Path,
        lang: str,
        settings_for: Callable[[str], Settings],
        annotated: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(path, lang, settings_for, annotated)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        # the temporary file first: a folder that cannot be written fails before the run
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped,unused-ignore]

        self._wb = Workbook(write_only=True)
        t = _T[lang]
        thin = Side(style="thin", color="BFBFBF")
        self._st: dict[str, Any] = {
            "font": Font(name=_FONT, size=10.5),
            "bold": Font(name=_FONT, size=10.5, bold=True),
            "title": Font(name=_FONT, size=16, bold=True, color="1F3864"),
            "section": Font(name=_FONT, size=12, bold=True, color="1F3864"),
            "dim": Font(name=_FONT, size=10, color="595959"),
            "link": Font(name=_FONT, size=10.5, color="0563C1", underline="single"),
            "head_fill": PatternFill("solid", fgColor="D9E1F2"),
            "border": Border(bottom=thin),
            "wrap": Alignment(wrap_text=True, vertical="top"),
            "shrink": Alignment(shrink_to_fit=True, vertical="top"),
            "top": Alignment(vertical="top"),
            "center": Alignment(horizontal="center", vertical="top"),
        }
        for status, (fill, ink) in _FILL.items():
            self._st[f"fill_{status}"] = PatternFill("solid", fgColor=fill)
            self._st[f"ink_{status}"] = Font(name=_FONT, size=10.5, color=ink, bold=True)
        self._files = self._wb.create_sheet(t["files_sheet"])
        self._fsheet = self._wb.create_sheet(t["findings_sheet"])
        self._batchsheet = self._wb.create_sheet(t["batch_sheet"])
        ws = self._fsheet
        # each column at least as wide as the longest word of its heading (severity)
        self._widths = [
            max(base, max(text_units(w) for w in h.split()) + 2)
            for base, h in zip(_FINDING_WIDTHS, t["finding_head"], strict=True)
        ]
        for letter, width in zip("ABCDEFGHIJKLMNO", self._widths, strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
        _landscape(ws, "1:1")
        ws.row_dimensions[1].height = row_height(
            list(zip(t["finding_head"], self._widths, strict=True))
        )
        ws.append(
            [self._cell(ws, h, "bold", fill="head_fill", align="wrap") for h in t["finding_head"]]
        )
        self._finding_rows = 1
        self._truncated = 0
        self._made = datetime.now().strftime("%Y-%m-%d %H:%M")

    # ------------------------------------------------------------------ cells

    def _cell(
        self,
        ws: Any,
        value: object,
        font: str = "font",
        fill: str | None = None,
        align: str = "top",
        link: str | None = None,
        number_format: str | None = None,
    ) -> Any:
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]

        c = WriteOnlyCell(ws, value=value)
        c.font = self._st["link" if link else font]
        c.alignment = self._st[align]
        if fill:
            c.fill = self._st[fill]
        if link:
            c.hyperlink = link
        if number_format:
            c.number_format = number_format
        elif hasattr(value, "isoformat"):
            c.number_format = "yyyy-mm-dd"
        return c

    def _link(self, target: str) -> str:
        """A link to ``target`` relative to the workbook (it travels with the folder)."""
        try:
            rel = os.path.relpath(os.path.abspath(target), os.path.abspath(self.path.parent))
        except ValueError:
            rel = os.path.abspath(target)
        return Path(rel).as_posix()

    # ------------------------------------------------------------------ streaming

    def _findings(self, row: FileRow, result: FileResult) -> None:
        ws, lang = self._fsheet, self.lang
        for f in result.findings:
            if self._finding_rows >= MAX_ROWS - 1:
                self._truncated += 1
                continue
            cells = self._finding_cells(ws, row, f, lang)
            ws.row_dimensions[self._finding_rows + 1].height = row_height(
                [
                    (cells[i].value, self._widths[i])
                    for i in _FINDING_WRAPPED
                    if not cells[i].alignment.shrink_to_fit
                ]
            )
            ws.append(cells)
            self._finding_rows += 1

    def _finding_cells(self, ws: Any, row: FileRow, f: Finding, lang: str) -> list[Any]:
        table, row_label, column_label = labels(f, lang)
        sev = self._cell(
            ws, SEVERITY_WORD[lang][f.severity], f"ink_{_SEV_FILL[f.severity]}", align="center"
        )
        if not f.waived:
            sev.fill = self._st[f"fill_{_SEV_FILL[f.severity]}"]
        wrap = "wrap"
        path_align = "shrink" if unbreakable(row.path, self._widths[1]) else wrap
        return [
            self._cell(ws, row.index + 1),
            self._cell(ws, row.path, align=path_align),
            self._cell(ws, row.agency or "", align=wrap),
            self._cell(ws, f.code, "bold"),
            sev,
            self._cell(ws, code_summary(f.code, lang), align=wrap),
            self._cell(ws, place(f, lang), align=wrap),
            self._cell(ws, table or ""),
            self._cell(ws, row_label or "", align=wrap),
            self._cell(ws, column_label or "", align=wrap),
            self._cell(ws, f.actual if f.actual is not None else "", align=wrap),
            self._cell(ws, f.expected if f.expected is not None else "", align=wrap),
            self._cell(ws, f.difference if f.difference is not None else ""),
            self._cell(ws, f.text(lang), align=wrap),
            self._cell(ws, f.waived or "", align=wrap),
        ]

    # ------------------------------------------------------------------ closing

    def close(self) -> None:
        t = _T[self.lang]
        if self._truncated:
            ws = self._fsheet
            ws.append([None, self._cell(ws, t["truncated"].format(n=self._truncated), "bold")])
        self._fsheet.auto_filter.ref = f"A1:O{max(self._finding_rows, 2)}"
        self._write_files()
        self._write_batch()
        self._write_outliers()
        tmp = self._tmp
        try:
            self._wb.save(tmp)
            os.chmod(tmp, file_mode(self.path))  # an existing summary's permissions kept
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _write_files(self) -> None:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

        ws, lang, t = self._files, self.lang, _T[self.lang]
        annotate = self.annotated is not None
        head = headers(lang, annotate)
        rows = self.batch.rows
        widths = [display_width(h) + 2 for h in head]
        for r in rows[:2000]:  # widths from the first rows: enough to see the shape
            for i, v in enumerate(values(r, lang, annotate)):
                shown = v.isoformat() if hasattr(v, "isoformat") else str(v)
                widths[i] = max(widths[i], display_width(shown) + 2)
        widths = [round(min(w, _FILE_CAPS.get(i, 12)), 1) for i, w in enumerate(widths)]
        for i, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(i + 1)].width = w
        ws.freeze_panes = "C5"
        _landscape(ws, "4:4")
        totals = self.batch.totals()
        line = t["line"].format(
            n=len(rows),
            parts=status_line(self.batch.statuses(), lang),
            e=totals["error"],
            w=totals["warning"],
            i=totals["info"],
            u=t["unread"].format(u=totals["unread"]) if totals.get("unread") else "",
        )
        ws.row_dimensions[1].height = 26
        ws.row_dimensions[2].height = 18
        ws.row_dimensions[4].height = row_height(list(zip(head, widths, strict=True)))
        ws.append([self._cell(ws, t["title"], "title")])
        ws.append([self._cell(ws, line, "bold")])
        ws.append([self._cell(ws, t["made"].format(v=__version__, t=self._made), "dim")])
        ws.append([self._cell(ws, h, "bold", fill="head_fill", align="wrap") for h in head])
        for n, r in enumerate(rows, start=5):
            shown = values(r, lang, annotate)
            ws.row_dimensions[n].height = row_height(
                [(shown[i], widths[i]) for i in _FILE_WRAPPED if i < len(shown)]
            )
            cells = []
            for i, v in enumerate(shown):
                if i == 1:
                    cells.append(self._cell(ws, v, align="shrink", link=self._link(r.path)))
                elif i == 9:
                    cells.append(
                        self._cell(
                            ws, v, f"ink_{r.status}", fill=f"fill_{r.status}", align="center"
                        )
                    )
                elif i == 8 and r.late_days is not None and r.late_days > 0:
                    cells.append(self._cell(ws, v, "ink_errors"))
                elif i in _FILE_WRAPPED and i != 16:
                    cells.append(self._cell(ws, v, align="wrap"))
                elif i == 16 and r.annotated:
                    cells.append(self._cell(ws, v, align="shrink", link=self._link(r.annotated)))
                else:
                    cells.append(self._cell(ws, v))
            ws.append(cells)
        last = get_column_letter(len(head))
        ws.auto_filter.ref = f"A4:{last}{max(4 + len(rows), 5)}"

    def _write_batch(self) -> None:
        ws, lang, t, batch = self._batchsheet, self.lang, _T[self.lang], self.batch
        widths = (30, 26, 36, 36, 24)
        for letter, width in zip("ABCDE", widths, strict=True):
            ws.column_dimensions[letter].width = width
        _landscape(ws, None)
        ws.print_options.gridLines = False  # sections of different shapes: no one grid
        at = [0]  # the rows written so far

        def append(cells: list[Any], height: float | None = None) -> None:
            at[0] += 1
            if height is not None:
                ws.row_dimensions[at[0]].height = height
            ws.append(cells)

        def section(title: str, head: list[str]) -> None:
            append([])
            append([self._cell(ws, title, "section")], 20)
            append([self._cell(ws, h, "bold", fill="head_fill", align="wrap") for h in head])

        def line(*cells: object) -> None:
            height = row_height(list(zip(cells, widths, strict=False)))
            append([self._cell(ws, c, align="wrap") for c in cells], height)

        append([self._cell(ws, t["title"], "title")], 26)
        append([self._cell(ws, t["made"].format(v=__version__, t=self._made), "dim")])
        section(t["overview"], [t["status"], t["files"]])
        for status, n in batch.statuses().items():
            append(
                [
                    self._cell(
                        ws, STATUS_WORD[lang][status], f"ink_{status}", fill=f"fill_{status}"
                    ),
                    self._cell(ws, n),
                ]
            )
        section(t["top"], t["top_head"])
        for code, n in batch.codes.most_common(10):
            line(code, code_summary(code, lang), n, batch.code_files[code])
        if not batch.codes:
            line(t["none"])
        section(t["dups"], t["dups_head"])
        for agency, year, group in batch.duplicates():
            line(agency, year, "\n".join(r.path for r in group))
        if not batch.duplicates():
            line(t["dups_none"])
        section(t["pairs"], t["pairs_head"])
        for r in batch.compared():
            line(r.agency or "", r.year or "", r.path, r.previous or "", r.crossyear)
        if not batch.compared():
            line(t["pairs_none"])
        years = batch.years()
        if len(years) > 1:
            section(t["missing"].format(a=years[0], b=years[-1]), t["missing_head"])
            sep = "、" if lang == "zh" else ", "
            for agency, have, missing in batch.missing_years():
                line(agency, sep.join(map(str, have)), sep.join(map(str, missing)))
            if not batch.missing_years():
                line(t["none"])
        section(t["not_checked"], t["not_checked_head"])
        for r in batch.not_checked():
            line(r.path, STATUS_WORD[lang][r.status], r.first)
        if not batch.not_checked():
            line(t["none"])

    def _write_outliers(self) -> None:
        """The sheet 「异常值，请核实」: the batch's outliers (:mod:`reportcheck.summary.outliers`),
        after the others."""
        lang, w = self.lang, WORDS[self.lang]
        ws = self._wb.create_sheet(w["sheet"])
        widths = (30, 20, 6, 30, 11, 11, 11, 44)
        for letter, width in zip("ABCDEFGH", widths, strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A4"
        _landscape(ws, "3:3")
        p, found = self.outliers()
        lead = w["lead"].format(n=p.outlier_reports)
        ws.row_dimensions[1].height = 26
        ws.row_dimensions[2].height = 18
        ws.append([self._cell(ws, w["title"], "title")])
        ws.append([self._cell(ws, lead, "dim")])  # runs on over the empty cells beside it
        heads = HEADS[lang]
        ws.row_dimensions[3].height = row_height(list(zip(heads, widths, strict=False)))
        ws.append([self._cell(ws, h, "bold", fill="head_fill", align="wrap") for h in heads])
        rows = self.batch.rows
        for n, o in enumerate(found):
            r = rows[o.index]
            cell = o.cell[0] if lang == "zh" else o.cell[1]
            value: object = Decimal(o.value) if "." in o.value else int(o.value)
            why = o.why(lang, p)
            place = f"{cell}\n{o.address}".strip()
            times = o.times(lang)
            ws.row_dimensions[4 + n].height = row_height(
                [(r.agency or "", widths[1]), (place, widths[3]), (times, widths[6]),
                 (why, widths[7])]
            )  # fmt: skip
            path_align = "shrink" if unbreakable(r.path, widths[0]) else "wrap"
            ws.append(
                [
                    self._cell(ws, r.path, link=self._link(r.path), align=path_align),
                    self._cell(ws, r.agency or "", align="wrap"),
                    self._cell(ws, LEVEL_WORD[lang].get(o.family[0], o.family[0]), align="wrap"),
                    self._cell(ws, place, align="wrap"),
                    self._cell(ws, value, "ink_errors"),
                    self._cell(ws, round_figure(o.median)),
                    self._cell(ws, times, align="wrap"),
                    self._cell(ws, why, align="wrap"),
                ]
            )
        if not found:
            key = "none" if self.batch.figures.compared(p) else "too_few"
            ws.append([self._cell(ws, w[key].format(n=p.outlier_reports))])
