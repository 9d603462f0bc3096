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

import io
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

from reportcheck import __version__
from reportcheck.findings import Finding, Severity
from reportcheck.render import RenderOptions, with_counts
from reportcheck.render.common import SEVERITY_WORD, not_checked, place, summary_line
from reportcheck.render.common import counts as common_counts
from reportcheck.results import FileResult
from reportcheck.rules.registry import RULES, load_all

_WAIVED = {"zh": "已豁免", "en": "waived"}


def render(results: Sequence[FileResult], lang: str = "zh", show_info: bool = True) -> str:
    """One line per finding (and per unreadable file), then the summary line."""
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang, show_info=show_info))
    return buf.getvalue()


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format concise``: one line per
    finding (and per unreadable file) as the files come, then the run's summary line."""
    results, run_counts = with_counts(results, options)
    lang = options.lang
    for r in results:
        if r.error is not None:
            out.write(f"{r.path}: {not_checked(r, lang)}\n")
            continue
        for f in r.findings:
            if not options.show_info and f.severity is Severity.INFO:
                continue
            out.write(line(r.path, f, lang) + "\n")
    out.write(summary_line(run_counts, lang) + "\n")


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


def tally(results: Iterable[FileResult]) -> list[tuple[str, int, int, Severity]]:
    """Per code: (code, occurrences, files, severity), most frequent first (waived findings
    are not counted)."""
    count: Counter[str] = Counter()
    files: Counter[str] = Counter()
    severity: dict[str, Severity] = {}
    for r in results:
        seen: set[str] = set()
        for f in r.findings:
            if f.waived:
                continue
            count[f.code] += 1
            seen.add(f.code)
            severity[f.code] = f.severity
        files.update(seen)
    return [
        (code, n, files[code], severity[code])
        for code, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def statistics(
    results: Iterable[FileResult], lang: str = "zh", counts: Mapping[str, int] | None = None
) -> str:
    """Per code: occurrences, files, severity and summary, most frequent first."""
    load_all()
    if counts is None:
        results = list(results)
        counts = common_counts(results)
    head = (
        ("次数", "文件数", "代码", "级别", "规则")
        if lang == "zh"
        else ("count", "files", "code", "severity", "rule")
    )
    rows = [head]
    for code, n, nfiles, sev in tally(results):
        rule = RULES.get(code)
        summary = (rule.summary if lang == "zh" else rule.summary_en) if rule else ""
        rows.append((str(n), str(nfiles), code, SEVERITY_WORD[lang][sev], summary))
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
    lines.append(summary_line(counts, lang))
    return "\n".join(lines) + "\n"


def statistics_json(
    results: Iterable[FileResult], lang: str = "zh", counts: Mapping[str, int] | None = None
) -> str:
    """``--statistics --format json``: the counts per code as a JSON document (see
    docs/output-json.md)."""
    # the JSON renderer's contract version; not at the top: a concise run loads one renderer
    from reportcheck.render.json_ import SCHEMA_VERSION

    load_all()
    if counts is None:
        results = list(results)
        counts = common_counts(results)
    codes = []
    for code, n, nfiles, sev in tally(results):
        rule = RULES.get(code)
        codes.append(
            {
                "code": code,
                "rule": rule.name if rule else None,
                "severity": sev.value,
                "count": n,
                "files": nfiles,
                "summary": (rule.summary if lang == "zh" else rule.summary_en) if rule else None,
            }
        )
    summary = {k: counts[k] for k in ("error", "warning", "info", "waived")}
    summary["files"] = counts["files"]
    summary["files_unreadable"] = counts["unreadable"]
    summary["files_unsupported"] = counts["unsupported"]
    summary["unread"] = counts.get("unread", 0)
    doc = {
        "tool": "reportcheck",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "language": lang,
        "kind": "statistics",
        "summary": summary,
        "codes": codes,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
