"""JSON output: a versioned contract (see docs/output-json.md).

``schema_version`` changes only when a field is removed or changes meaning; new fields may
be added at any time.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from reportcheck import __version__
from reportcheck.findings import Check, Finding, Term, catalogue
from reportcheck.render import RenderOptions, with_counts
from reportcheck.render.common import counts, json_chunk
from reportcheck.results import FileResult

SCHEMA_VERSION = 1


def _number(text: str | None) -> int | float | None:
    if text is None:
        return None
    try:
        d = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def term_dict(t: Term) -> dict[str, Any]:
    """One contributing cell."""
    return {
        "row": t.row,
        "column": t.column,
        "label": t.label,
        "location": t.location,
        "value": _number(str(t.value)) if t.value is not None else None,
        "raw": t.raw,
    }


def check_dict(c: Check) -> dict[str, Any]:
    """One relation written out."""
    return {
        "relation": c.relation,
        "code": c.code,
        "lhs": [term_dict(t) for t in c.lhs],
        "rhs": [term_dict(t) for t in c.rhs],
        "lhs_sum": _number(str(c.lhs_sum)),
        "rhs_sum": _number(str(c.rhs_sum)),
    }


def finding_dict(f: Finding, lang: str = "zh") -> dict[str, Any]:
    """A finding as plain JSON-ready data."""
    rule = catalogue.find(f.code)
    loc = f.location
    return {
        "code": f.code,
        "rule": rule.name if rule else None,
        "severity": f.severity.value,
        "file": f.file,
        "table": f.table,
        "table_label": f.table_label,
        "row": f.row,
        "row_label": f.row_label,
        "column": f.column,
        "column_label": f.column_label,
        "location": (
            {"address": loc.address, "line": loc.line, "column": loc.column} if loc else None
        ),
        "actual": f.actual,
        "expected": f.expected,
        "suggestion": f.suggestion,
        "difference": _number(f.difference),
        "message": f.text(lang),
        "messages": {"zh": f.message, "en": f.message_en},
        "hint": f.hint_text(lang),
        "checks": [check_dict(c) for c in f.checks],
        "cells": list(f.cells),
        "waived": f.waived,
        "details": dict(f.extra),
    }


def file_dict(r: FileResult, lang: str = "zh") -> dict[str, Any]:
    """One file's result."""
    rep = r.report
    return {
        "file": r.path,
        "status": ("unsupported" if r.error.unsupported else "error") if r.error else "checked",
        "error": r.error.text(lang) if r.error else None,
        "kind": rep.kind if rep else None,
        "format_version": rep.format_version if rep else None,
        "report_year": rep.metadata.year if rep else None,
        "agency": rep.metadata.agency if rep else None,
        "previous": rep.previous.source if rep and rep.previous else None,
        "summary": _summary([r]),
        "findings": [finding_dict(f, lang) for f in r.findings],
    }


def _summary(results: Sequence[FileResult]) -> dict[str, int]:
    c = counts(results)
    return {k: c[k] for k in ("error", "warning", "info", "waived", "unread")}


def render(results: Sequence[FileResult], lang: str = "zh") -> str:
    """The whole run as a JSON document."""
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang))
    return buf.getvalue()


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format json``: the document
    streamed to ``out``, one file at a time (the totals head it)."""
    results, counts = with_counts(results, options)
    lang = options.lang
    summary = {k: counts[k] for k in ("error", "warning", "info", "waived")}
    summary["files"] = counts["files"]
    summary["files_unreadable"] = counts["unreadable"]
    summary["files_unsupported"] = counts["unsupported"]
    summary["unread"] = counts.get("unread", 0)
    head = {
        "tool": "reportcheck",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "language": lang,
        "summary": summary,
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    out.write(text[:-2] + ',\n  "files": [')
    first = True
    for r in results:
        chunk = json_chunk(file_dict(r, lang), 2)
        out.write(("\n    " if first else ",\n    ") + chunk)
        first = False
    out.write("]\n}\n" if first else "\n  ]\n}\n")
