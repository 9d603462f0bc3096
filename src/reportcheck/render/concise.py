"""Concise output for large batches: one line per finding, and counts per rule.

``--format concise`` prints ``file:line:col: CODE message [severity]`` where the input has
lines (JSON, text, Markdown, HTML, CSV), so that editors and terminals jump there (the
``%f:%l:%c: %m`` of vim, Emacs' compilation mode, VS Code problem matchers), and
``file:place: CODE message [severity]`` where it has none (``b.xlsx:表三!D7: …``): one line
each, easy to grep, sort or count in a collecting office's batch of hundreds of reports.
``--statistics`` prints how often each code occurred and in how many files, most frequent
first.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from reportcheck.api import FileResult
from reportcheck.findings import Finding, Severity
from reportcheck.render.common import SEVERITY_WORD, not_checked, place, summary_line

_WAIVED = {"zh": "已豁免", "en": "waived"}


def render(results: Sequence[FileResult], lang: str = "zh", show_info: bool = True) -> str:
    """One line per finding (and per unreadable file), then the summary line."""
    lines: list[str] = []
    for r in results:
        if r.error is not None:
            lines.append(f"{r.path}: {not_checked(r, lang)}")
            continue
        for f in r.findings:
            if not show_info and f.severity is Severity.INFO:
                continue
            lines.append(line(r.path, f, lang))
    lines.append(summary_line(results, lang))
    return "\n".join(lines) + "\n"


def line(path: str, f: Finding, lang: str = "zh") -> str:
    """``path:line:col: CODE message [severity]`` (or ``path:place:`` without a line)."""
    loc = f.location
    if loc is not None and loc.line:
        head = f"{path}:{loc.line}:{loc.column or 1}:"
    else:
        where = place(f, lang)
        head = f"{path}:{where}:" if where else f"{path}:"
    tags = [SEVERITY_WORD[lang][f.severity]]
    if f.waived:
        tags.append(f"{_WAIVED[lang]}: {f.waived}")
    return f"{head} {f.code} {f.text(lang)} [{'; '.join(tags)}]"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def statistics(results: Sequence[FileResult], lang: str = "zh") -> str:
    """Per code: occurrences, files, severity and summary, most frequent first."""
    from reportcheck.findings import catalogue

    count: Counter[str] = Counter()
    files: dict[str, set[str]] = {}
    severity: dict[str, Severity] = {}
    for r in results:
        for f in r.findings:
            if f.waived:
                continue
            count[f.code] += 1
            files.setdefault(f.code, set()).add(r.path)
            severity[f.code] = f.severity
    head = (
        ("次数", "文件数", "代码", "级别", "规则")
        if lang == "zh"
        else ("count", "files", "code", "severity", "rule")
    )
    rows = [head]
    for code, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
        entry = catalogue.find(code)
        summary = entry.summary.text(lang) if entry else ""
        rows.append(
            (str(n), str(len(files[code])), code, SEVERITY_WORD[lang][severity[code]], summary)
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(
            [
                _pad(row[0], widths[0], right=True),
                _pad(row[1], widths[1], right=True),
                _pad(row[2], widths[2]),
                _pad(row[3], widths[3]),
                row[4],
            ]
        ).rstrip()
        for row in rows
    ]
    if len(rows) == 1:
        lines = ["未发现问题" if lang == "zh" else "no findings"]
    lines.append(summary_line(results, lang))
    return "\n".join(lines) + "\n"
