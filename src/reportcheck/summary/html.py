"""The summary as one web page that works offline: no CDN, no font, no request of any kind.

At the top the batch in figures and three charts drawn as inline SVG (files by status, the
ten most frequent codes, findings per agency); then the table of files — sortable by any
column, filtered by words and by status — each file opening to its findings exactly as the
terminal shows them (the addition written out, the table region with the cell marked); then
the same agency and year given twice, the cross-year comparisons, the years missing and the
files not checked.

The filter and the sort are kept in the address (``summary.html#q=财政&status=errors``), so a
view can be bookmarked or sent on. A Content-Security-Policy forbids the page any network
access. Each file's findings are rendered when the file comes and kept in a temporary file,
not in memory.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcheck import __version__
from reportcheck.output import file_mode
from reportcheck.render.terminal_html import TerminalHtml
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
from reportcheck.summary.xlsx import status_line

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.results import FileResult

COLOURS = {
    "passed": "#2e7d32",
    "warnings": "#b26a00",
    "errors": "#c62828",
    "unreadable": "#455a64",
    "unsupported": "#90a4ae",
}

_T: dict[str, dict[str, Any]] = {
    "zh": {
        "lang": "zh-CN",
        "title": "政府信息公开工作年度报告 校验汇总",
        "made": "reportcheck {v} · 生成于 {t}",
        "line": "共 {n} 个文件：{parts}。共 {e} 个错误、{w} 个警告、{i} 个提示{u}。",
        "unread": "；{u} 处未能读取、未检查",
        "by_status": "文件状态",
        "top_codes": "最常见的十类问题",
        "per_agency": "各机关的问题数（前 {n} 个）",
        "no_findings": "没有发现问题",
        "files": "文件",
        "filter": "筛选：文件名、机关、问题……",
        "shown": "显示 {a} / {b} 个文件",
        "open_all": "全部展开",
        "close_all": "全部收起",
        "open_hint": "点击一行查看该文件的问题（与命令行显示相同）",
        "dups": "同一机关同一年度报送了不止一份",
        "dups_none": "无。",
        "pairs": "与上年报告对照（跨年度核对 RC5xx）",
        "pairs_none": "本批中没有同一机关相邻年度的报告。",
        "missing": "缺少年度（本批含 {a}–{b} 年度）",
        "not_checked": "未检查的文件",
        "none": "无。",
        "agency": "机关",
        "year": "年度",
        "file": "文件",
        "previous": "上年报告",
        "crossyear": "跨年度问题",
        "have": "已有年度",
        "lack": "缺少年度",
        "status": "状态",
        "reason": "原因与处理办法",
        "errors": "错误",
        "warnings": "警告",
        "no_details": "没有问题。",
        "noscript": "（排序、筛选和展开需要浏览器允许本页面的脚本；表格内容不受影响。）",
    },
    "en": {
        "lang": "en",
        "title": "Government information disclosure annual reports: validation summary",
        "made": "reportcheck {v} · written {t}",
        "line": "{n} files: {parts}. {e} errors, {w} warnings, {i} info in all{u}.",
        "unread": "; {u} places not read (not checked)",
        "by_status": "Files by status",
        "top_codes": "The ten most frequent findings",
        "per_agency": "Findings per agency (top {n})",
        "no_findings": "no findings",
        "files": "Files",
        "filter": "Filter: file name, agency, finding…",
        "shown": "{a} of {b} files shown",
        "open_all": "open all",
        "close_all": "close all",
        "open_hint": "Click a row to see the file's findings (as the command line shows them)",
        "dups": "The same agency and year given more than once",
        "dups_none": "None.",
        "pairs": "Compared with last year's report (cross-year checks RC5xx)",
        "pairs_none": "No reports of one agency for consecutive years in this batch.",
        "missing": "Years missing (the batch holds {a}–{b})",
        "not_checked": "Files not checked",
        "none": "None.",
        "agency": "agency",
        "year": "year",
        "file": "file",
        "previous": "last year's report",
        "crossyear": "cross-year findings",
        "have": "years present",
        "lack": "years missing",
        "status": "status",
        "reason": "reason and what to do",
        "errors": "errors",
        "warnings": "warnings",
        "no_details": "No findings.",
        "noscript": "(Sorting, filtering and opening rows need the page's script; the table is "
        "complete without it.)",
    },
}

_NUMERIC = {0, 4, 10, 11, 12, 13}
"""Columns sorted as numbers (序号, 年度, the counts)."""
_DEADLINE = 7
"""The deadline column: on the page it is the tooltip of 是否按期."""

_E = html.escape


class HtmlSummary(SummaryWriter):
    """The page (see the module doc)."""

    def __init__(
        self,
        path: str | Path,
        lang: str,
        settings_for: Callable[[str], Settings],
        annotated: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(path, lang, settings_for, annotated)
        self._view = TerminalHtml(self.lang)
        # closed by close(): the spool lives as long as the writer
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._sizes: list[int] = []
        self._made = datetime.now().strftime("%Y-%m-%d %H:%M")

    def _findings(self, row: FileRow, result: FileResult) -> None:
        if result.findings:
            fragment = f'<pre class="term">{self._view.html(result)}</pre>'
        else:
            fragment = f"<p>{_T[self.lang]['no_details']}</p>"
        self._spool.write(fragment)
        self._sizes.append(len(fragment))

    def close(self) -> None:
        self._spool.seek(0)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                self._write(out)
            os.chmod(tmp, file_mode(self.path))  # an existing summary's permissions kept
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        finally:
            self._spool.close()

    # ------------------------------------------------------------------ the page

    def _write(self, out: io.TextIOBase | Any) -> None:
        lang, t, batch = self.lang, _T[self.lang], self.batch
        totals = batch.totals()
        statuses = batch.statuses()
        line = t["line"].format(
            n=len(batch.rows),
            parts=status_line(statuses, lang),
            e=totals["error"],
            w=totals["warning"],
            i=totals["info"],
            u=t["unread"].format(u=totals["unread"]) if totals.get("unread") else "",
        )
        out.write(
            f'<!doctype html>\n<html lang="{t["lang"]}">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="reportcheck {_E(__version__)}">\n'
            f"<title>{_E(t['title'])}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        )
        out.write(
            f"<header><h1>{_E(t['title'])}</h1><p class=lead>{_E(line)}</p>"
            f"<p class=made>{_E(t['made'].format(v=__version__, t=self._made))}</p></header>\n"
        )
        out.write('<section class="cards">')
        for s in STATUSES:
            out.write(
                f'<div class="card" style="border-top-color:{COLOURS[s]}">'
                f'<div class="n" style="color:{COLOURS[s]}">{statuses[s]}</div>'
                f'<div class="w">{_E(STATUS_WORD[lang][s])}</div></div>'
            )
        out.write("</section>\n<section class=charts>")
        out.write(self._figure(t["by_status"], self._status_chart(statuses)))
        out.write(self._figure(t["top_codes"], self._codes_chart()))
        agencies = batch.per_agency()[:10]
        out.write(
            self._figure(t["per_agency"].format(n=len(agencies)), self._agency_chart(agencies))
        )
        out.write("</section>\n")
        self._files_table(out)
        self._sections(out)
        out.write(f"<script>{_JS}</script>\n</body>\n</html>\n")

    @staticmethod
    def _figure(title: str, svg: str) -> str:
        return f"<figure class=chart><figcaption>{_E(title)}</figcaption>{svg}</figure>"

    def _bars(self, items: list[tuple[str, list[tuple[int, str]], str]], title: str) -> str:
        """Horizontal bars: (label, [(value, colour)…] stacked, shown number)."""
        if not items:
            return f'<p class="empty">{_E(_T[self.lang]["no_findings"])}</p>'
        width, label_w, bar_h, gap = 440, 200, 18, 8
        top = max(sum(v for v, _ in parts) for _, parts, _ in items) or 1
        scale = (width - label_w - 48) / top
        height = len(items) * (bar_h + gap) + gap
        out = [
            f'<svg viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{_E(title)}">'
        ]
        for i, (label, parts, shown) in enumerate(items):
            y = gap + i * (bar_h + gap)
            short = label if len(label) <= 15 else label[:14] + "…"
            out.append(
                f'<text x="{label_w - 6}" y="{y + bar_h - 5}" text-anchor="end" class="lbl">'
                f"<title>{_E(label)}</title>{_E(short)}</text>"
            )
            x = float(label_w)
            for value, colour in parts:
                w = value * scale
                if w > 0:
                    out.append(
                        f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1.5):.1f}" height="{bar_h}" '
                        f'rx="2" fill="{colour}"><title>{_E(label)}: {value}</title></rect>'
                    )
                x += w
            out.append(f'<text x="{x + 5:.1f}" y="{y + bar_h - 5}" class="num">{_E(shown)}</text>')
        out.append("</svg>")
        return "".join(out)

    def _status_chart(self, statuses: dict[str, int]) -> str:
        words = STATUS_WORD[self.lang]
        items = [(words[s], [(n, COLOURS[s])], str(n)) for s, n in statuses.items()]
        return self._bars(items, _T[self.lang]["by_status"])

    def _codes_chart(self) -> str:
        batch = self.batch
        items = []
        for code, n in batch.codes.most_common(10):
            summary = code_summary(code, self.lang)
            items.append((f"{code} {summary}".strip(), [(n, "#3f6fb5")], str(n)))
        return self._bars(items, _T[self.lang]["top_codes"])

    def _agency_chart(self, agencies: list[tuple[str, int, int]]) -> str:
        items = [
            (a, [(e, COLOURS["errors"]), (w, COLOURS["warnings"])], f"{e} / {w}")
            for a, e, w in agencies
        ]
        t = _T[self.lang]
        svg = self._bars(items, t["per_agency"].format(n=len(agencies)))
        if items:
            svg += (
                f'<p class="legend"><i style="background:{COLOURS["errors"]}"></i>{_E(t["errors"])}'
                f' <i style="background:{COLOURS["warnings"]}"></i>{_E(t["warnings"])}</p>'
            )
        return svg

    def _files_table(self, out: Any) -> None:
        lang, t, batch = self.lang, _T[self.lang], self.batch
        annotate = self.annotated is not None
        head = headers(lang, annotate)
        out.write(f'<section id="files"><h2>{_E(t["files"])}</h2>')
        out.write(
            f'<div class="controls"><input id="q" type="search" placeholder="{_E(t["filter"])}" '
            f'aria-label="{_E(t["filter"])}">'
        )
        statuses = batch.statuses()
        for s in STATUSES:
            if statuses[s]:
                out.write(
                    f'<label class="chip" style="--c:{COLOURS[s]}"><input type="checkbox" '
                    f'name="status" value="{s}" checked> {_E(STATUS_WORD[lang][s])} '
                    f"<b>{statuses[s]}</b></label>"
                )
        out.write(
            f'<button type="button" id="openall">{_E(t["open_all"])}</button>'
            f'<button type="button" id="closeall">{_E(t["close_all"])}</button>'
            f'<span id="shown" data-fmt="{_E(t["shown"])}">'
            f"{_E(t['shown'].format(a=len(batch.rows), b=len(batch.rows)))}</span></div>"
        )
        out.write(
            f'<p class="hint">{_E(t["open_hint"])}</p><noscript><p class="hint">'
            f"{_E(t['noscript'])}</p></noscript>"
        )
        out.write('<div class="scroll"><table id="t"><thead><tr>')
        for i, h in enumerate(head):
            if i == _DEADLINE:
                continue
            kind = "num" if i in _NUMERIC else "text"
            out.write(
                f'<th data-type="{kind}" tabindex="0">{_E(h)}<span class="arrow"></span></th>'
            )
        out.write("</tr></thead><tbody>\n")
        for r, size in zip(batch.rows, self._sizes, strict=True):
            fragment = self._spool.read(size)
            out.write(self._row(r, lang, annotate, len(head)))
            out.write(f'<tr class="detail" hidden><td colspan="{len(head)}">{fragment}</td></tr>\n')
        out.write("</tbody></table></div></section>\n")

    def _row(self, r: FileRow, lang: str, annotate: bool, n: int) -> str:
        cells = values(r, lang, annotate)
        parts = [f'<tr class="file" data-status="{r.status}" tabindex="0" aria-expanded="false">']
        for i, v in enumerate(cells):
            shown = v.isoformat() if hasattr(v, "isoformat") else str(v)
            if i == _DEADLINE:
                continue
            if i == 8 and r.deadline is not None:  # the deadline itself as the cell's tooltip
                late = " late" if r.late_days is not None and r.late_days > 0 else ""
                parts.append(
                    f'<td class="nowrap soft{late}" title="{_E(r.deadline.isoformat())}">'
                    f"{_E(shown)}</td>"
                )
            elif i == 1:
                parts.append(f'<td class="path"><span class="caret">▸</span>{_E(shown)}</td>')
            elif i == 9:
                parts.append(
                    f'<td><span class="badge" style="background:{COLOURS[r.status]}">'
                    f"{_E(shown)}</span></td>"
                )
            elif i == 14:
                parts.append(f'<td class="first">{_E(shown)}</td>')
            elif i == 2:
                parts.append(f'<td class="agency">{_E(shown)}</td>')
            elif i in (3, 6, 7, 8):
                parts.append(f'<td class="nowrap">{_E(shown)}</td>')
            elif i in _NUMERIC:
                zero = " zero" if shown == "0" else ""
                parts.append(f'<td class="num{zero}">{_E(shown)}</td>')
            else:
                parts.append(f"<td>{_E(shown)}</td>")
        parts.append("</tr>\n")
        return "".join(parts)

    def _sections(self, out: Any) -> None:
        lang, t, batch = self.lang, _T[self.lang], self.batch
        sep = "、" if lang == "zh" else ", "

        def table(head: list[str], rows: list[list[object]]) -> str:
            cells = "".join(f"<th>{_E(h)}</th>" for h in head)
            body = "".join(
                "<tr>" + "".join(f"<td>{_E(str(c))}</td>" for c in row) + "</tr>" for row in rows
            )
            return (
                f'<table class="plain"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'
            )

        out.write('<section class="batch">')
        dups = batch.duplicates()
        out.write(f"<h2>{_E(t['dups'])}</h2>")
        if dups:
            rows: list[list[object]] = [
                [
                    agency,
                    year,
                    "；".join(r.path for r in group)
                    if lang == "zh"
                    else "; ".join(r.path for r in group),
                ]
                for agency, year, group in dups
            ]
            out.write(table([t["agency"], t["year"], t["file"]], rows))
        else:
            out.write(f"<p>{_E(t['dups_none'])}</p>")
        out.write(f"<h2>{_E(t['pairs'])}</h2>")
        pairs = batch.compared()
        if pairs:
            rows = [
                [r.agency or "", r.year or "", r.path, r.previous or "", r.crossyear] for r in pairs
            ]
            out.write(
                table([t["agency"], t["year"], t["file"], t["previous"], t["crossyear"]], rows)
            )
        else:
            out.write(f"<p>{_E(t['pairs_none'])}</p>")
        years = batch.years()
        if len(years) > 1:
            out.write(f"<h2>{_E(t['missing'].format(a=years[0], b=years[-1]))}</h2>")
            gaps = batch.missing_years()
            if gaps:
                rows = [[a, sep.join(map(str, h)), sep.join(map(str, m))] for a, h, m in gaps]
                out.write(table([t["agency"], t["have"], t["lack"]], rows))
            else:
                out.write(f"<p>{_E(t['none'])}</p>")
        out.write(f"<h2>{_E(t['not_checked'])}</h2>")
        skipped = batch.not_checked()
        if skipped:
            rows = [[r.path, STATUS_WORD[lang][r.status], r.first] for r in skipped]
            out.write(table([t["file"], t["status"], t["reason"]], rows))
        else:
            out.write(f"<p>{_E(t['none'])}</p>")
        self._outliers(out)
        out.write("</section>\n")

    def _outliers(self, out: Any) -> None:
        """「异常值，请核实」: the batch's outliers (:mod:`reportcheck.summary.outliers`)."""
        lang, w = self.lang, WORDS[self.lang]
        p, found = self.outliers()
        out.write(f'<h2 id="outliers">{_E(w["title"])}</h2>')
        out.write(f'<p class="made">{_E(w["lead"].format(n=p.outlier_reports))}</p>')
        if not found:
            key = "none" if self.batch.figures.compared(p) else "too_few"
            out.write(f"<p>{_E(w[key].format(n=p.outlier_reports))}</p>")
            return
        head = "".join(f"<th>{_E(h)}</th>" for h in HEADS[lang])
        out.write(
            "<style>.outliers td:nth-child(1){word-break:break-all;min-width:10em}"
            ".outliers td:nth-child(2){min-width:7em}.outliers td:nth-child(4){min-width:14em}"
            ".outliers td:nth-child(5),.outliers td:nth-child(6),.outliers td:nth-child(7)"
            "{white-space:nowrap}.outliers td:nth-child(8){min-width:18em}"
            ".outliers .addr{display:block;color:#616161;font-size:12px;word-break:break-all}"
            "</style>"
        )
        out.write(f'<table class="plain outliers"><thead><tr>{head}</tr></thead><tbody>')
        rows = self.batch.rows
        for o in found:
            r = rows[o.index]
            cell = o.cell[0] if lang == "zh" else o.cell[1]
            out.write(
                f"<tr><td>{_E(r.path)}</td><td>{_E(r.agency or '')}</td>"
                f"<td>{_E(LEVEL_WORD[lang].get(o.family[0], o.family[0]))}</td>"
                f'<td>{_E(cell)}<span class="addr">{_E(o.address)}</span></td>'
                f'<td><b style="color:#c62828">{_E(o.value)}</b></td>'
                f"<td>{_E(round_figure(o.median))}</td><td>{_E(o.times(lang))}</td>"
                f"<td>{_E(o.why(lang, p))}</td></tr>"
            )
        out.write("</tbody></table>")


_CSS = """
:root{--ink:#212121;--dim:#616161;--line:#e0e0e0;--head:#eef2f8;--accent:#1f3864}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;color:var(--ink);background:#fafafa;
font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Micro Hei",sans-serif}
header h1{margin:0 0 4px;font-size:22px;color:var(--accent)}
.lead{margin:4px 0;font-size:15px}.made{margin:0;color:var(--dim);font-size:12px}
.cards{display:flex;gap:12px;margin:18px 0;flex-wrap:wrap}
.card{background:#fff;border:1px solid var(--line);border-top:4px solid;border-radius:6px;
padding:10px 18px;min-width:120px}
.card .n{font-size:26px;font-weight:700;line-height:1.1}.card .w{color:var(--dim)}
.charts{display:flex;gap:16px;flex-wrap:wrap;margin-bottom:20px}
.chart{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 14px;
flex:1 1 360px;max-width:470px}
.chart figcaption{font-weight:700;margin-bottom:6px;color:var(--accent)}
.chart svg{max-width:100%;height:auto}.chart .lbl{font-size:12px;fill:#424242}
.chart .num{font-size:12px;fill:#424242}.chart .empty{color:var(--dim)}
.legend{margin:4px 0 0;font-size:12px;color:var(--dim)}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 8px}
h2{font-size:17px;color:var(--accent);margin:26px 0 8px}
.controls{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:4px}
#q{flex:0 1 320px;padding:6px 10px;border:1px solid #bdbdbd;border-radius:4px;font:inherit}
.chip{border:1px solid var(--c);color:var(--c);border-radius:14px;padding:2px 10px;
cursor:pointer;user-select:none;background:#fff}
.chip input{accent-color:var(--c);margin:0 2px 0 0;vertical-align:-2px}
button{font:inherit;padding:4px 10px;border:1px solid #bdbdbd;background:#fff;border-radius:4px;
cursor:pointer}
#shown{color:var(--dim);margin-left:auto}
.hint{color:var(--dim);font-size:12px;margin:2px 0 8px}
.scroll{background:#fff;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{padding:5px 7px;font-size:13px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0;z-index:1;cursor:pointer;font-weight:600;
word-break:keep-all;
box-shadow:inset 0 -1px var(--line)}
th .arrow{display:inline-block;width:1em;color:var(--dim)}
th[aria-sort=ascending] .arrow::after{content:"▲"}
th[aria-sort=descending] .arrow::after{content:"▼"}
tr.file{cursor:pointer;scroll-margin-top:4.5em}tr.file:hover{background:#f5f8fc}
tr.file[aria-expanded=true]{background:#eef4fb}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.zero{color:#bdbdbd}
td.path{min-width:12em;max-width:24em;overflow-wrap:anywhere}td.nowrap{white-space:nowrap}
td.soft{white-space:normal;min-width:4.5em}
td.agency{min-width:7em}
.caret{display:inline-block;width:1.1em;color:var(--dim);transition:transform .1s}
tr.file[aria-expanded=true] .caret{transform:rotate(90deg)}
td.first{min-width:14em;color:#424242;overflow-wrap:anywhere}
td.late{color:#c62828;font-weight:600}td[title]{text-decoration:underline dotted #bdbdbd}
.badge{color:#fff;border-radius:10px;padding:1px 9px;white-space:nowrap;font-size:12px}
tr.detail>td{background:#fff;padding:4px 8px 12px 28px;max-width:0}
pre.term{margin:6px 0;padding:10px 14px;background:#fff;border:1px solid var(--line);
border-left:4px solid #90a4ae;border-radius:4px;overflow-x:auto;max-width:100%;
font:13px/1.45 "Noto Sans Mono CJK SC","Sarasa Mono SC","DejaVu Sans Mono",monospace}
table.plain{background:#fff;border:1px solid var(--line)}
table.plain th{background:var(--head)}
@media (max-width:1240px){body{padding:16px 14px 32px}th,td{padding:4px 4px;font-size:12.5px}
td.path{min-width:7em}td.first{min-width:9em}td.agency{min-width:6em}}
@media (max-width:900px){.scroll{overflow-x:auto}thead th{position:static}}
@media print{body{background:#fff;padding:0}.controls,.hint,button{display:none}
thead th{position:static}}
"""

_JS = r"""
(function(){
var tbody=document.querySelector('#t tbody'),q=document.getElementById('q');
var boxes=[].slice.call(document.querySelectorAll('input[name=status]'));
var shown=document.getElementById('shown'),heads=[].slice.call(document.querySelectorAll('#t th'));
function pairs(){var out=[],rows=tbody.rows;for(var i=0;i<rows.length;i+=2){out.push([rows[i],rows[i+1]]);}return out;}
var all=pairs(),sortCol=-1,desc=false;
function toggle(tr,open){var d=tr.nextElementSibling;if(open===undefined){open=d.hidden;}
d.hidden=!open;tr.setAttribute('aria-expanded',open?'true':'false');}
all.forEach(function(p){p[0].addEventListener('click',function(){toggle(p[0]);});
p[0].addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();toggle(p[0]);}});});
function apply(){var words=q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
var on={};boxes.forEach(function(b){on[b.value]=b.checked;});var n=0;
all.forEach(function(p){var text=p[0].textContent.toLowerCase();
var ok=on[p[0].dataset.status]!==false&&words.every(function(w){return text.indexOf(w)>=0;});
p[0].hidden=!ok;if(!ok){p[1].hidden=true;p[0].setAttribute('aria-expanded','false');}if(ok){n++;}});
shown.textContent=shown.dataset.fmt.replace('{a}',n).replace('{b}',all.length);save();}
function key(p,c){var td=p[0].cells[c],t=td.textContent.replace(/^▸/,'').trim();
if(heads[c].dataset.type==='num'){var v=parseFloat(t);return isNaN(v)?-Infinity:v;}return t;}
function sort(c,d){sortCol=c;desc=d;heads.forEach(function(h,i){if(i===c){h.setAttribute('aria-sort',d?'descending':'ascending');}else{h.removeAttribute('aria-sort');}});
var coll=new Intl.Collator(document.documentElement.lang,{numeric:true});
var order=all.slice().sort(function(a,b){var x=key(a,c),y=key(b,c),r;
if(typeof x==='number'){r=x-y;}else{r=coll.compare(x,y);}if(r===0){r=parseInt(a[0].cells[0].textContent)-parseInt(b[0].cells[0].textContent);return r;}return d?-r:r;});
order.forEach(function(p){tbody.appendChild(p[0]);tbody.appendChild(p[1]);});save();}
heads.forEach(function(h,i){function go(){sort(i,sortCol===i?!desc:(h.dataset.type==='num'));}
h.addEventListener('click',go);h.addEventListener('keydown',function(e){if(e.key==='Enter'){go();}});});
q.addEventListener('input',apply);boxes.forEach(function(b){b.addEventListener('change',apply);});
document.getElementById('openall').addEventListener('click',function(){all.forEach(function(p){if(!p[0].hidden){toggle(p[0],true);}});});
document.getElementById('closeall').addEventListener('click',function(){all.forEach(function(p){toggle(p[0],false);});});
var loading=true;
function save(){if(loading){return;}var s=[];if(q.value){s.push('q='+encodeURIComponent(q.value));}
var off=boxes.filter(function(b){return !b.checked;});if(off.length){s.push('status='+boxes.filter(function(b){return b.checked;}).map(function(b){return b.value;}).join(','));}
if(sortCol>=0){s.push('sort='+sortCol+(desc?'-desc':''));}
try{history.replaceState(null,'',s.length?'#'+s.join('&'):location.pathname+location.search);}catch(e){}}
function load(){var h=location.hash.replace(/^#/,'');h.split('&').forEach(function(kv){var i=kv.indexOf('=');if(i<0){return;}
var k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));
if(k==='q'){q.value=v;}if(k==='status'){var want=v.split(',');boxes.forEach(function(b){b.checked=want.indexOf(b.value)>=0;});}
if(k==='sort'){var m=/^(\d+)(-desc)?$/.exec(v);if(m&&heads[+m[1]]){sort(+m[1],!!m[2]);}}
if(k==='open'){all.forEach(function(p){if(p[0].cells[0].textContent.trim()===v){toggle(p[0],true);opened=p[0];}});}});apply();
if(opened&&!opened.hidden){var row=opened;row.scrollIntoView({block:'start'});
requestAnimationFrame(function(){row.scrollIntoView({block:'start'});});}}
var opened=null;
load();loading=false;
})();
"""
