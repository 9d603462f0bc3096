"""A first end-to-end check of the core: JSON in, findings out, through the library API."""

from __future__ import annotations

import json
from pathlib import Path

from reportcheck import api
from reportcheck.model.tables import FORMATS


def _full(version: str, value: int = 0) -> dict[str, object]:
    fmt = FORMATS[version]
    doc: dict[str, object] = {
        "format_version": version,
        "report": {"agency": "示例县测试局", "year": 2024},
    }
    for t in fmt.tables:
        doc[t.id] = {r.id: {c.id: value for c in r.columns} for r in t.rows}
    return doc


def test_all_zero_report_is_clean(tmp_path: Path) -> None:
    p = tmp_path / "r.json"
    p.write_text(json.dumps(_full("2021")), encoding="utf-8")
    result = api.validate_path(p)
    assert result.error is None
    assert [f.code for f in result.findings] == []


def test_one_wrong_cell_is_named_once(tmp_path: Path) -> None:
    doc = _full("2021")
    apps = doc["applications"]
    assert isinstance(apps, dict)
    for row in ("new_received", "granted", "total"):
        apps[row]["natural_person"] = 5
        apps[row]["total"] = 5
    apps["granted"]["natural_person"] = 6  # one cell wrong: breaks its row and its column
    p = tmp_path / "r.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    findings = api.validate_path(p).findings
    assert [(f.code, f.row, f.column, f.expected) for f in findings] == [
        ("RC300", "granted", "natural_person", "5")
    ]
