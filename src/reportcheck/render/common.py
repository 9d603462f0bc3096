"""Small helpers shared by the machine and CI renderers (SARIF, JUnit, GitHub, Markdown).

No third-party imports here: these renderers run in CI logs and must stay light.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportcheck.findings import UNREAD_CODES, Finding, Severity
from reportcheck.model.tables import FORMATS, TABLE_EN
from reportcheck.results import FileResult

_FACTS = {
    "zh": {"format": "{v} 版格式", "year": "{y} 年度", "previous": "对照上年：{p}"},
    "en": {
        "format": "{v} format",
        "year": "report year {y}",
        "previous": "compared with last year's {p}",
    },
}


def file_facts(r: FileResult, lang: str = "zh") -> list[str]:
    """What a file's header says about the report: format version, year, agency, and the
    last-year report it was compared with."""
    rep = r.report
    if rep is None:
        return []
    t = _FACTS[lang]
    bits = []
    if rep.format_version:
        bits.append(t["format"].format(v=rep.format_version))
    if rep.metadata.year:
        bits.append(t["year"].format(y=rep.metadata.year))
    if rep.metadata.agency:
        bits.append(rep.metadata.agency)
    if rep.previous is not None:
        bits.append(t["previous"].format(p=rep.previous.source))
    return bits


SEVERITY_WORD = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


def counts(results: Sequence[FileResult]) -> dict[str, int]:
    """Unwaived findings per severity, waived findings, unreadable files, files not checked
    because they are not a report format (unsupported), files."""
    out = {
        "error": 0,
        "warning": 0,
        "info": 0,
        "waived": 0,
        "unreadable": 0,
        "unsupported": 0,
        "unread": 0,
    }
    for r in results:
        if r.error:
            out["unsupported" if r.error.unsupported else "unreadable"] += 1
        for f in r.findings:
            if f.waived:
                out["waived"] += 1
            elif f.code in UNREAD_CODES:
                out["unread"] += 1  # not read by reportcheck: counted apart, not a warning
            else:
                out[f.severity.value] += 1
    out["files"] = len(results)
    return out


def summary_line(results: Sequence[FileResult] | Mapping[str, int], lang: str = "zh") -> str:
    """The closing line of a run: ``2 个错误，1 个警告，0 个提示，共 3 个文件`` (from the
    results, or from their :func:`counts` already made)."""
    c = results if isinstance(results, Mapping) else counts(results)
    n = c["files"]
    if lang == "zh":
        return totals(c, lang) + f"，共 {n} 个文件"
    return totals(c, lang) + f" in {n} file{'s' * (n != 1)}"


def totals(results: Sequence[FileResult] | Mapping[str, int], lang: str = "zh") -> str:
    """Counts by severity (and waived, unreadable): ``2 个错误，1 个警告，0 个提示``."""
    c = results if isinstance(results, Mapping) else counts(results)
    if lang == "zh":
        parts = [f"{c['error']} 个错误", f"{c['warning']} 个警告", f"{c['info']} 个提示"]
        if c.get("unread"):
            parts.append(f"{c['unread']} 处未能读取、未检查")
        if c["waived"]:
            parts.append(f"{c['waived']} 个已豁免")
        if c["unreadable"]:
            parts.append(f"{c['unreadable']} 个文件无法检查")
        if c["unsupported"]:
            parts.append(f"{c['unsupported']} 个文件格式不支持、未检查")
        return "，".join(parts)
    parts = [
        f"{c['error']} error{'s' * (c['error'] != 1)}",
        f"{c['warning']} warning{'s' * (c['warning'] != 1)}",
        f"{c['info']} info",
    ]
    if c.get("unread"):
        parts.append(f"{c['unread']} not read (not checked)")
    if c["waived"]:
        parts.append(f"{c['waived']} waived")
    if c["unreadable"]:
        parts.append(f"{c['unreadable']} unreadable")
    if c["unsupported"]:
        parts.append(f"{c['unsupported']} not checked (unsupported format)")
    return ", ".join(parts)


NOT_CHECKED = {"zh": "未检查", "en": "not checked"}
UNREADABLE = {"zh": "无法检查", "en": "could not be checked"}


def not_checked(r: FileResult, lang: str = "zh") -> str | None:
    """``无法检查: …`` / ``未检查: …`` for a file that was not checked (None otherwise)."""
    if r.error is None:
        return None
    word = (NOT_CHECKED if r.error.unsupported else UNREADABLE)[lang]
    return f"{word}: {r.error.problem if lang == 'zh' else r.error.problem_en}"


def relative(path: str) -> str:
    """``path`` relative to the working directory, with forward slashes where possible."""
    return _relative(path, os.getcwd())


@functools.lru_cache(maxsize=1024)
def _relative(path: str, cwd: str) -> str:
    """:func:`relative`, once per path and working directory: a renderer asks for each
    finding, and resolving a path reads every folder on its way (GitHub's output of 1,500
    files of a dozen findings each took 6.3 s, 1.7 s once per path)."""
    p = Path(path)
    try:
        rel = Path(os.path.relpath(p.resolve(), Path(cwd).resolve()))
    except ValueError:  # another drive on Windows
        return p.as_posix()
    if rel.parts and rel.parts[0] == "..":
        return p.resolve().as_posix()
    return rel.as_posix()


def where(f: Finding, lang: str = "zh") -> str:
    """Table, row and column in words (``表三 （一）予以公开 自然人``; ``Table 3 disclosed
    · natural persons`` in English), or empty."""
    table, row, column = labels(f, lang)
    if lang == "zh":
        return " ".join(x for x in (table, row, column) if x)
    return " · ".join(x for x in (" ".join(x for x in (table, row) if x), column) if x)


def labels(f: Finding, lang: str = "zh") -> tuple[str | None, str | None, str | None]:
    """The finding's table, row and column as the output language names them: the
    official Chinese labels, or the English names of the format's rows and columns (by
    their ids; the Chinese label where the id is not one of the format's)."""
    table = f.table_label.split()[0] if f.table_label else None
    if lang == "zh":
        return table, f.row_label, f.column_label
    row, column = f.row_label, f.column_label
    if f.table is None:
        return table, row, column
    table = TABLE_EN.get(f.table, table)
    tdefs = [t for fmt in reversed(FORMATS.values()) for t in fmt.tables if t.id == f.table]
    rdef = next((t.row(f.row) for t in tdefs if f.row is not None and t.has_row(f.row)), None)
    if rdef is not None:
        row = rdef.en
    if f.column is not None:
        rows = [rdef] if rdef is not None and rdef.has_column(f.column) else []
        rows += [r for t in tdefs for r in t.rows]
        column = next((c.en for r in rows for c in r.columns if c.id == f.column), column)
    return table, row, column


def address(f: Finding) -> str | None:
    """The source address (``表三!D29``, ``/applications/total/total``, ``line 42``)."""
    return f.location.address if f.location else None


def place(f: Finding, lang: str = "zh") -> str:
    """Where the finding is, for people: the address in the output language, and the line
    where the address is not itself a line (``/applications/total/total（第 246 行）``)."""
    loc = f.location
    if loc is None:
        return ""
    text = loc.zh if lang == "zh" else loc.address
    if loc.line and not loc.address.startswith("line"):
        text += f"（第 {loc.line} 行）" if lang == "zh" else f" (line {loc.line})"
    return text


def finding_line(f: Finding, lang: str = "zh") -> str:
    """One finding on one line: ``RC301 错误 表三!D29 表三 … : message``."""
    bits = [f.code, SEVERITY_WORD[lang][f.severity]]
    loc = place(f, lang)
    if loc:
        bits.append(loc)
    text = " ".join(bits) + ": " + f.text(lang)
    if f.waived:
        text += f" [{'已豁免' if lang == 'zh' else 'waived'}: {f.waived}]"
    return text


STEP_SUMMARY_LIMIT = 1024 * 1024
"""GitHub refuses a job step's summary over 1 MiB (and shows none of it)."""


def summary_room(path: str) -> int:
    """Bytes the step summary may still take (at least 1 KiB: a note that it was cut)."""
    try:
        already = os.path.getsize(path)
    except OSError:
        already = 0
    return max(STEP_SUMMARY_LIMIT - already - 1, 1024)


def json_chunk(obj: Any, depth: int) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)`` with every line after the first
    shifted right by ``depth`` levels: a piece of a bigger document written as it comes
    (JSON strings hold no raw line break, so each ``\\n`` is one of json's own)."""
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
