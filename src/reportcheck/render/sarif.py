"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run, with every registered rule (its summary and its docstring as help) and one
result per finding:

- ``locations[0].physicalLocation.artifactLocation.uri``: the file, relative to the working
  directory (percent-encoded, as a URI reference must be);
- a ``region`` (``startLine``, ``startColumn``) where the reader knew the line — JSON
  submissions and text-like reports; columns count Unicode code points;
- ``logicalLocations[0].fullyQualifiedName``: the source address as the terminal shows it —
  ``表三!D29`` for a workbook cell, a JSON pointer, ``line 42`` — for workbooks there is no
  region, so this is where the cell is named;
- waived findings carry a ``suppressions`` entry (``inSource``, the reason as justification);
- files that could not be read become ``toolExecutionNotifications`` of the invocation,
  whose ``executionSuccessful`` is then false.

Checked against the official OASIS schema in ``tests/data/sarif-schema-2.1.0.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reportcheck import __version__
from reportcheck.api import FileResult
from reportcheck.findings import Finding, Severity
from reportcheck.render.common import counts, relative, where
from reportcheck.rules.registry import FAMILIES, Rule, all_rules

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative to the working directory when inside it."""
    rel = relative(path)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel, safe="/")


def rule_descriptor(r: Rule, lang: str) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule."""
    from reportcheck.findings.catalogue.pages import page, page_text

    help_text = page_text(r.code, lang)
    family = FAMILIES.get(r.family, ("", ""))
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary if lang == "zh" else r.summary_en},
        "fullDescription": {"text": page(r.code).what.text(lang)},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {
            "tags": [r.family, family[1]] if family[1] else [r.family],
            "summary": {"zh": r.summary, "en": r.summary_en},
        },
    }


def _fingerprint(f: Finding, uri: str) -> str:
    key = "|".join(
        [
            uri,
            f.code,
            f.table or "",
            f.row or "",
            f.column or "",
            f.location.address if f.location else "",
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def result(f: Finding, rule_index: dict[str, int], lang: str, path: str) -> dict[str, Any]:
    """A ``result`` for one finding in the file ``path``."""
    uri = artifact_uri(f.file or path)
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    loc = f.location
    if loc is not None and loc.line:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column:
            region["startColumn"] = loc.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc is not None:
        location["logicalLocations"] = [
            {"fullyQualifiedName": loc.address, "kind": "element", "name": loc.address}
        ]
    words = where(f)
    if words:
        location["message"] = {"text": words}
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": f.text(lang)},
        "locations": [location],
        "partialFingerprints": {"reportcheck/v1": _fingerprint(f, uri)},
        "properties": _properties(f, lang),
    }
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    if f.waived:
        out["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": f.waived}
        ]
    return out


def _properties(f: Finding, lang: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "messages": {"zh": f.message, "en": f.message_en},
        "severity": f.severity.value,
    }
    for name in ("table", "row", "column", "actual", "expected", "difference"):
        value = getattr(f, name)
        if value is not None:
            props[name] = value
    if f.location is not None:
        props["address"] = f.location.address
    hint = f.hint_text(lang)
    if hint:
        props["hint"] = hint
    if f.checks:
        props["relations"] = [c.formula(lang) for c in f.checks]
    if f.cells:
        props["cells"] = list(f.cells)
    if f.waived:
        props["waived"] = f.waived
    return props


def document(results: Sequence[FileResult], lang: str = "zh") -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "warning" if r.error.unsupported else "error",
            "message": {"text": r.error.text(lang)},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}
            ],
        }
        for r in results
        if r.error is not None
    ]
    failed = any(r.error is not None and not r.error.unsupported for r in results)
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "reportcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "zh-CN" if lang == "zh" else "en-US",
                "rules": [rule_descriptor(r, lang) for r in rules],
            }
        },
        "invocations": [invocation],
        "artifacts": [
            {"location": {"uri": uri}, "roles": ["analysisTarget"]}
            for uri in dict.fromkeys(artifact_uri(r.path) for r in results)
        ],
        "results": [result(f, index, lang, r.path) for r in results for f in r.findings],
        "columnKind": "unicodeCodePoints",
        "properties": {"summary": counts(results)},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[FileResult], lang: str = "zh") -> str:
    """The SARIF log as text."""
    return json.dumps(document(results, lang), ensure_ascii=False, indent=2) + "\n"
