"""Markdown output: a heading with the totals, then one table of findings per file.

Used as is (``--format markdown``, e.g. for a merge-request comment) and as the GitHub
step summary. GitHub-flavoured tables; ``|`` and line breaks in cells are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportcheck.api import FileResult
from reportcheck.findings import Finding
from reportcheck.render.common import (
    SEVERITY_WORD,
    counts,
    file_facts,
    not_checked,
    place,
    relative,
    summary_line,
    totals,
    where,
)

_HEAD = {
    "zh": ("代码", "级别", "位置", "单元格", "问题", "实际", "应为"),
    "en": ("Code", "Severity", "Where", "Cell", "Problem", "Actual", "Expected"),
}
_T = {
    "zh": {
        "clean": "未发现问题",
        "waived": "已豁免",
    },
    "en": {
        "clean": "no problems found",
        "waived": "waived",
    },
}


def cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    if not text:
        return ""
    out = text.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(out.replace("\r", "").split("\n")).strip()


def _file_line(r: FileResult, lang: str) -> str:
    t = _T[lang]
    title = f"### `{relative(r.path)}`"
    if r.error is not None:
        return f"{title} — {cell(not_checked(r, lang) or '')}"
    c = counts([r])
    if c["error"] + c["warning"] + c["info"] + c["waived"] == 0:
        status = t["clean"]
    else:
        status = totals([r], lang)
    bits = [cell(b) for b in file_facts(r, lang)]
    extra = (f"（{'，'.join(bits)}）" if lang == "zh" else f" ({', '.join(bits)})") if bits else ""
    return f"{title} — {status}{extra}"


def _row(f: Finding, lang: str) -> str:
    t = _T[lang]
    sev = SEVERITY_WORD[lang][f.severity]
    if f.waived:
        sev = f"~~{sev}~~ {t['waived']}"
    problem = f.text(lang)
    if f.waived:
        problem += (
            f"（{t['waived']}：{f.waived}）" if lang == "zh" else f" ({t['waived']}: {f.waived})"
        )
    loc = place(f, lang)
    cells = (f"`{f.code}`", sev, where(f), loc, problem, f.actual, f.expected)
    return "| " + " | ".join(cell(x) for x in cells) + " |"


def render(results: Sequence[FileResult], lang: str = "zh") -> str:
    """The whole run as a Markdown document."""
    lines = [f"## reportcheck: {summary_line(results, lang)}", ""]
    for r in results:
        lines.append(_file_line(r, lang))
        lines.append("")
        if r.findings:
            head = _HEAD[lang]
            lines.append("| " + " | ".join(head) + " |")
            lines.append("|" + "---|" * len(head))
            lines.extend(_row(f, lang) for f in r.findings)
            lines.append("")
    return "\n".join(lines)
