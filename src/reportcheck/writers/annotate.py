"""The clerk's own workbook handed back with every problem marked on its cell.

``reportcheck validate FILE --annotate OUT.xlsx`` writes a copy of the checked workbook —
its sheets, layout, styles, merged cells, data validation and formulas kept — in which:

- the cell a finding names is filled red (an error), orange (a warning) or blue (info),
  and the cells it was added up with are filled a light yellow;
- every marked cell carries a comment: what the cell says, what it should be, the
  addition written out with addresses and values, and the suggested value;
- a first sheet 问题清单 (``Findings`` with ``--lang en``) lists every finding: code,
  severity, place (a hyperlink to the cell), what and where, message, suggestion.

For any other input (JSON, HTML, text, Word …) the same marks go onto the workbook that
``reportcheck convert`` writes in the official layout (:mod:`reportcheck.writers.xlsx`):
every cell the reader saw is mapped to its place there. The input is never modified.

openpyxl is imported only here and only when a marked copy is asked for.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportcheck.findings import Check, Finding, Severity, Term, fmt_number
from reportcheck.model.location import zh_address
from reportcheck.model.report import Report
from reportcheck.model.tables import TABLE_EN, TABLE_SHORT
from reportcheck.output import place_problem, write_atomic
from reportcheck.render.common import labels

SHEET = {"zh": "问题清单", "en": "Findings"}
"""Name of the sheet listing every finding, by language."""
_MARKER = {"zh": "reportcheck 问题清单", "en": "reportcheck findings"}
"""The first words of that sheet's title (a copy annotated again replaces its own list)."""

_FILL = {
    Severity.ERROR: "FFC7CE",
    Severity.WARNING: "FFD8A8",
    Severity.INFO: "DDEBF7",
}
_FONT = {Severity.ERROR: "9C0006", Severity.WARNING: "7F3F00", Severity.INFO: "1F4E79"}
_CONTEXT_FILL = "FFE699"
"""The cells a marked total was added up with."""

_ADDRESS = re.compile(r"^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)$")

_COLS = {
    "zh": ("序号", "代码", "级别", "位置", "表格与栏目", "问题", "建议改为", "说明"),
    "en": ("No.", "code", "severity", "place", "table and cell", "problem", "suggestion", "note"),
}
_T: dict[str, dict[str, str]] = {
    "zh": {
        "title": "reportcheck 问题清单：{file}",
        "counts": "{e} 个错误，{w} 个警告，{i} 个提示。点击「位置」一栏可跳到该单元格；"
        "标红的单元格是有问题的格，浅黄色的是与它相加的格，单元格批注写明了应为多少。",
        "none": "没有发现问题。",
        "says": "现为：{v}",
        "blank": "空",
        "should": "应为：{v}",
        "suggest": "建议改为：{v}",
        "part_of": "参与 {where} 的计算（{code}）：",
        "waived": "已豁免：{r}",
        "zeros": "其余 {n} 项为 0",
        "author": "reportcheck",
    },
    "en": {
        "title": "reportcheck findings: {file}",
        "counts": "{e} error(s), {w} warning(s), {i} info. Click a place to go to its cell; "
        "a red cell is the cell in question, light yellow cells were added up with it, and "
        "each cell's comment says what it should be.",
        "none": "No problems found.",
        "says": "now: {v}",
        "blank": "blank",
        "should": "should be: {v}",
        "suggest": "suggested: {v}",
        "part_of": "added up in {where} ({code}): ",
        "waived": "waived: {r}",
        "zeros": "{n} more are 0",
        "author": "reportcheck",
    },
}  # fmt: skip
_SEV = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


def parse_address(address: str) -> tuple[str, str] | None:
    """``表三!D7`` → ``("表三", "D7")``, ``'My Sheet'!D7`` → ``("My Sheet", "D7")``; None
    when the address is not a worksheet cell."""
    m = _ADDRESS.match(address.strip())
    if m is None:
        return None
    sheet = m[1].replace("''", "'") if m[1] is not None else m[2]
    return sheet, f"{m[3].upper()}{m[4]}"


@dataclass
class _Mark:
    severity: Severity | None = None
    """The most serious finding naming this cell; None when it was only added up."""
    notes: list[str] = field(default_factory=list)


def _relation(chk: Check, lang: str, place: Callable[[str], str | None] | None = None) -> str:
    """One relation on one line: ``总计 J7 24 ≠ 自然人 D7 22 + … + 其余 3 项为 0 = 25``.

    ``place`` gives how a term's location is shown (default: the cell reference of a
    sheet address, ``表三!J7`` → ``J7``)."""

    def term(t: Term) -> str:
        name = t.label if lang == "zh" else t.label_en
        shown = (place or _cell_ref)(t.location) if t.location else None
        loc = f" {shown or ''}".rstrip()
        value = t.shown() if t.value is not None or t.raw.strip() else _T[lang]["blank"]
        return f"{name}{loc} {value}"

    def side(terms: Sequence[Term], total: object) -> str:
        zeros = [t for t in terms if t.value == 0]
        if len(zeros) < 2:
            parts = [term(t) for t in terms]
        else:
            parts = [term(t) for t in terms if t.value != 0]
            parts.append(_T[lang]["zeros"].format(n=len(zeros)))
        text = " + ".join(parts)
        return f"{text} = {fmt_number(total)}" if len(terms) > 1 else text  # type: ignore[arg-type]

    mark = "=" if chk.residual == 0 else "≠"
    return f"{side(chk.lhs, chk.lhs_sum)} {mark} {side(chk.rhs, chk.rhs_sum)}"


def _cell_ref(location: str) -> str:
    return location.split("!")[-1]


def _note(f: Finding, lang: str, place: Callable[[str], str | None] | None = None) -> str:
    """The comment a finding puts on its own cell (``place`` as for :func:`_relation`)."""
    t = _T[lang]
    lines = [f"{f.code} {_SEV[lang][f.severity]}", f.text(lang)]
    facts = []
    if f.actual is not None:
        facts.append(t["says"].format(v=f.actual.strip() or t["blank"]))
    if f.expected is not None:
        facts.append(t["should"].format(v=f.expected))
    if facts:
        lines.append("；".join(facts) if lang == "zh" else "; ".join(facts))
    lines += [_relation(c, lang, place) for c in f.checks]
    if f.suggestion is not None:
        lines.append(t["suggest"].format(v=f.suggestion))
    hint = f.hint_text(lang)
    if hint:
        lines.append(hint)
    if f.waived:
        lines.append(t["waived"].format(r=f.waived))
    return "\n".join(lines)


class _Places:
    """Where a finding's addresses are in the workbook being marked."""

    def __init__(self, report: Report, converted: bool) -> None:
        self.report = report
        self.map: dict[str, tuple[str, str]] = {}
        if converted:
            from reportcheck.readers.sheetcells import column_letter
            from reportcheck.writers.xlsx import layout

            for tid, data in report.tables.items():
                lay = layout(report.table_def(tid))
                for key, cell in data.cells.items():
                    if key in lay.data and cell.location is not None:
                        r, c = lay.data[key]
                        self.map[cell.location.address] = (lay.sheet, f"{column_letter(c)}{r}")
        self.converted = converted

    def cell(self, address: str | None) -> tuple[str, str] | None:
        if address is None:
            return None
        if self.converted:
            return self.map.get(address)
        return parse_address(address)

    def of(self, f: Finding) -> tuple[str, str] | None:
        """The cell a finding is about (its location, else its table/row/column)."""
        found = self.cell(f.location.address if f.location else None)
        if found is None and self.converted and f.table and f.row and f.column:
            from reportcheck.writers.xlsx import layout

            try:
                lay = layout(self.report.table_def(f.table))
                sheet, _, ref = lay.address(f.row, f.column).partition("!")
            except KeyError:
                return None
            found = (sheet, ref)
        return found


def annotate(
    report: Report,
    findings: Iterable[Finding],
    data: bytes | None = None,
    lang: str = "zh",
) -> bytes:
    """The marked workbook as bytes.

    ``data`` is the checked workbook's own bytes (an ``xlsx`` report): the copy keeps
    everything openpyxl keeps (sheets, values, formulas, styles, merged cells, data
    validation, conditional formatting; not charts or pictures). Without it (any other
    input) the marks go onto the workbook in the official layout.
    """
    findings = list(findings)
    converted = data is None or report.kind != "xlsx"
    if converted:
        from reportcheck.writers.xlsx import build_workbook

        wb = build_workbook(report.format.version, report)
    else:
        assert data is not None
        wb = load_copy(data)
    places = _Places(report, converted)
    marks: dict[tuple[str, str], _Mark] = {}
    rows: list[tuple[Finding, tuple[str, str] | None]] = []
    sheets = set(wb.sheetnames)
    for f in findings:
        own = places.of(f)
        if own is not None and own[0] not in sheets:
            own = None
        rows.append((f, own))
        if f.waived:
            continue
        subjects: list[tuple[str, str]] = []
        context: list[tuple[str, str]] = []
        if own is not None:
            subjects.append(own)
        for addr in (*f.cells, *(t.location for c in f.checks for t in (*c.lhs, *c.rhs))):
            at = places.cell(addr)
            if at is None or at[0] not in sheets or at in subjects or at in context:
                continue
            (context if own is not None else subjects).append(at)
        note = _note(f, lang)
        for at in subjects:
            m = marks.setdefault(at, _Mark())
            if m.severity is None or f.severity.rank > m.severity.rank:
                m.severity = f.severity
            m.notes.append(note)
        if own is not None:
            head = _T[lang]["part_of"].format(where=own[1], code=f.code)
            for at in context:
                m = marks.setdefault(at, _Mark())
                m.notes.append(head + "\n" + "\n".join(_relation(c, lang) for c in f.checks))
    _mark_cells(wb, marks, lang)
    _findings_sheet(wb, report, rows, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def load_copy(data: bytes) -> Any:
    """The clerk's workbook opened with openpyxl, faster.

    Loading, openpyxl replaces every cell under a merged range by a placeholder and then
    redraws the range's outer borders cell by cell — half the time of loading a report.
    Here each placeholder takes over the covered cell's own style instead (the same
    borders, found directly), for this load only."""
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.cell.cell import MergedCell  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.worksheet import (  # type: ignore[import-untyped,unused-ignore]
        Worksheet,
    )

    def clean(ws: Any, mcr: Any) -> None:
        cells = mcr.cells
        next(cells)  # the top-left cell stays
        for row, col in cells:
            old = ws._cells.get((row, col))
            placeholder = MergedCell(ws, row, col)
            if old is not None and old.has_style:
                placeholder._style = copy(old._style)
            ws._cells[row, col] = placeholder

    original = Worksheet._clean_merge_range
    Worksheet._clean_merge_range = clean
    try:
        return load_workbook(io.BytesIO(data), rich_text=True)
    finally:
        Worksheet._clean_merge_range = original


def _top_left(ws: Any, ref: str) -> str:
    """The top-left cell of the merged range covering ``ref`` (comments and fills go there)."""
    for rng in ws.merged_cells.ranges:
        if ref in rng:
            return str(rng.start_cell.coordinate)
    return ref


def _mark_cells(wb: Any, marks: dict[tuple[str, str], _Mark], lang: str) -> None:
    from openpyxl.comments import Comment  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import (  # type: ignore[import-untyped,unused-ignore]
        Border,
        Font,
        PatternFill,
        Side,
    )

    merged: dict[tuple[str, str], _Mark] = {}
    for (sheet, ref), m in marks.items():
        at = (sheet, _top_left(wb[sheet], ref))
        if at in merged:
            prev = merged[at]
            prev.notes += [n for n in m.notes if n not in prev.notes]
            if m.severity and (prev.severity is None or m.severity.rank > prev.severity.rank):
                prev.severity = m.severity
        else:
            merged[at] = _Mark(m.severity, list(dict.fromkeys(m.notes)))
    for (sheet, ref), m in merged.items():
        cell = wb[sheet][ref]
        color = _FILL[m.severity] if m.severity else _CONTEXT_FILL
        cell.fill = PatternFill("solid", fgColor=color)
        if m.severity is not None:
            edge = Side(style="medium", color=_FONT[m.severity])
            cell.border = Border(left=edge, right=edge, top=edge, bottom=edge)
            old = cell.font
            cell.font = Font(
                name=old.name, size=old.sz, bold=True, italic=old.i, color=_FONT[m.severity]
            )
        text = "\n\n".join(m.notes)
        if cell.comment is not None and cell.comment.text:
            text = cell.comment.text.rstrip() + "\n\n" + text
        comment = Comment(text, _T[lang]["author"])
        lines = sum(max(1, len(line) // 28 + 1) for line in text.splitlines())
        comment.width = 360
        comment.height = min(60 + 16 * lines, 900)
        cell.comment = comment


def _place_text(f: Finding, lang: str) -> str:
    loc = f.location
    if loc is None:
        return ""
    return zh_address(loc.address) if lang == "zh" else loc.address


def _where(f: Finding, lang: str) -> str:
    if f.table is None:
        return ""
    table = TABLE_SHORT.get(f.table, f.table) if lang == "zh" else TABLE_EN.get(f.table, f.table)
    _, row, column = labels(f, lang)
    return " ".join(x for x in (table, row, column) if x)


def _findings_sheet(
    wb: Any, report: Report, rows: list[tuple[Finding, tuple[str, str] | None]], lang: str
) -> None:
    from openpyxl.styles import (  # type: ignore[import-untyped,unused-ignore]
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )
    from openpyxl.worksheet.hyperlink import Hyperlink  # type: ignore[import-untyped,unused-ignore]

    t = _T[lang]
    name = SHEET[lang]
    if name in wb.sheetnames:
        old = wb[name]
        if str(old["A1"].value or "").startswith(_MARKER[lang]):
            wb.remove(old)  # our own list, from annotating a marked copy again
        else:
            name = f"{name} (reportcheck)"
            if name in wb.sheetnames:
                wb.remove(wb[name])
    ws = wb.create_sheet(name, 0)
    wb.active = 0
    for other in wb.worksheets[1:]:
        other.sheet_view.tabSelected = False
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(vertical="top", wrap_text=True)
    file = report.source
    ws["A1"] = t["title"].format(file=file)
    ws["A1"].font = Font(name="宋体", size=14, bold=True)
    live = [f for f, _ in rows if not f.waived]
    counts = {s: sum(1 for f in live if f.severity is s) for s in Severity}
    ws["A2"] = (
        t["counts"].format(
            e=counts[Severity.ERROR], w=counts[Severity.WARNING], i=counts[Severity.INFO]
        )
        if rows
        else t["none"]
    )
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:H1")
    ws.merge_cells("A2:H2")
    ws.row_dimensions[2].height = 34
    header = 3
    for i, text in enumerate(_COLS[lang], 1):
        c = ws.cell(header, i, text)
        c.font = Font(name="宋体", bold=True)
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center")
    for n, (f, at) in enumerate(rows, 1):
        r = header + n
        note = t["waived"].format(r=f.waived) if f.waived else (f.hint_text(lang) or "")
        suggestion = f.suggestion
        values = (
            n,
            f.code,
            _SEV[lang][f.severity],
            f"{at[0]}!{at[1]}" if at else _place_text(f, lang),
            _where(f, lang),
            f.text(lang),
            suggestion if suggestion is not None else "",
            note,
        )
        for i, v in enumerate(values, 1):
            c = ws.cell(r, i, v)
            c.alignment = wrap
            c.border = border
            if isinstance(v, str):
                c.data_type = "s"
        sev = ws.cell(r, 3)
        sev.font = Font(bold=True, color=_FONT[f.severity])
        if not f.waived:
            sev.fill = PatternFill("solid", fgColor=_FILL[f.severity])
        if at is not None:
            link = ws.cell(r, 4)
            quoted = "'" + at[0].replace("'", "''") + "'"
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quoted}!{at[1]}")
            link.font = Font(color="0563C1", underline="single")
        ws.row_dimensions[r].height = max(20, 15 * (len(f.text(lang)) // 38 + 1))
    for col, width in zip("ABCDEFGH", (6, 8, 7, 14, 30, 60, 12, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(header + 1, 1)
    if rows:
        ws.auto_filter.ref = f"A{header}:H{header + len(rows)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"


# ------------------------------------------------------------------ where copies go

SUFFIX = "-标注"
"""Added to an input's name for its marked copy in a folder (``年报.xlsx`` → ``年报-标注.xlsx``)."""

_NOT_WORD = (".xlsx", ".json", ".html", ".htm", ".txt", ".md", ".markdown", ".csv", ".pdf")
"""Inputs that are surely not Word documents: a marked ``.docx`` of them is refused."""


def _is_word(path: str) -> bool:
    return path.lower().endswith(".docx")


class TargetError(ValueError):
    """``--annotate`` cannot write where it was asked to (zh and en message)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


def targets(target: str, inputs: Sequence[str], protected: Iterable[str] = ()) -> dict[str, str]:
    """Where the marked copy of each input goes.

    One input: ``target`` itself, or a file named after the input inside ``target`` when
    that is a folder. Several inputs: ``target`` is a folder (made when missing) holding
    one ``<name>-标注.xlsx`` per input — ``<name>-标注.docx`` for a Word document (its own
    document marked); the folder ``target`` is in must exist (as for every output:
    :func:`reportcheck.output.place_problem`). Raises :class:`TargetError` when a copy would
    overwrite an input (or a file in ``protected``: --previous, --config), when several
    inputs are to go into one file, or when a marked ``.docx`` is asked of a report that is
    not a Word document.
    """
    t = Path(target)
    folder = os.path.isdir(t) or (len(inputs) > 1)
    # the folder it is written in must be there (as for every output)
    problem = place_problem(t / "标注.xlsx" if os.path.isdir(t) else t)
    if problem is not None:
        zh, _, en = problem.partition(" / ")
        raise TargetError(zh, en)
    if folder and os.path.exists(t) and not os.path.isdir(t):
        raise TargetError(
            f"{target}: 检查多个文件时 --annotate 应为文件夹",
            f"{target}: with several inputs --annotate must be a folder",
        )
    if folder and t.suffix.lower() in (".xlsx", ".docx") and not os.path.exists(t):
        raise TargetError(
            f"{target}: 检查多个文件时 --annotate 应为文件夹（每个文件写一个标注副本）",
            f"{target}: with several inputs --annotate must be a folder (one marked "
            "copy per input)",
        )
    if not folder and _is_word(target):
        for p in inputs:
            if p.lower().endswith(_NOT_WORD):
                raise TargetError(
                    f"{target}: 只有 Word 文档（.docx）才能写出标注的 Word 副本，"
                    f"{p} 请用 --annotate 〈名称〉.xlsx",
                    f"{target}: a marked Word copy is made of a Word document (.docx) only; "
                    f"for {p} use --annotate NAME.xlsx",
                )
    out: dict[str, str] = {}
    used: set[str] = set()
    for p in inputs:
        if folder:
            src = Path(p)
            ext = ".docx" if _is_word(p) else ".xlsx"
            name = f"{src.stem}{SUFFIX}{ext}"
            if name in used:
                name = f"{src.name}{SUFFIX}{ext}"
            k = 2
            while name in used:
                name = f"{src.stem}{SUFFIX}-{k}{ext}"
                k += 1
            used.add(name)
            dest = str(t / name)
        else:
            dest = str(t)
        out[p] = dest
    for dest in out.values():
        if not os.path.exists(dest):
            continue
        for inp in (*inputs, *protected):
            if os.path.exists(inp) and os.path.samefile(inp, dest):
                raise TargetError(
                    f"{dest}: 不能把标注写到输入文件上",
                    f"{dest}: will not write the marked copy onto an input file",
                )
    return out


def write_copy(dest: str, report: Report, findings: Iterable[Finding], lang: str) -> None:
    """Write the marked copy of ``report`` to ``dest`` (made whole before it replaces a
    file; the --annotate folder made when missing): a marked workbook, or for ``dest``
    ending in ``.docx`` the Word document itself marked (:mod:`reportcheck.writers.word`).
    Raises OSError when it cannot be written, :class:`TargetError` when a Word copy is asked
    of another kind of report and :class:`~reportcheck.writers.word.WordError` when the
    document cannot be marked."""
    if _is_word(dest):
        if report.kind != "docx":
            raise TargetError(
                f"{dest}: {report.source} 不是 Word 文档，无法写出标注的 Word 副本"
                "（请用 --annotate 〈名称〉.xlsx）",
                f"{dest}: {report.source} is not a Word document, so no marked Word copy "
                "(use --annotate NAME.xlsx)",
            )
        from reportcheck.writers import word

        source = Path(report.source).read_bytes()
        out = word.annotate(report.source, source, findings, lang)
    else:
        data = Path(report.source).read_bytes() if report.kind == "xlsx" else None
        out = annotate(report, findings, data, lang)
    Path(dest).parent.mkdir(exist_ok=True)  # the --annotate folder; never the ones above it
    write_atomic(Path(dest), out)
