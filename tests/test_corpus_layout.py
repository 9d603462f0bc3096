"""Hand-read tables of real reports, typed into the official Excel layout, validate correctly.

For every corpus report with a ``.json`` of hand-read values, the values are written as a
JSON submission, put into the official workbook layout by the template writer, read back by
the Excel reader and checked: the cells come back exactly, and the arithmetic findings are
the ones the corpus expects (none, or for 001 its blank totals) — the same as for the
published report itself. Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck.model.report import CellState
from reportcheck.model.tables import FORMATS
from reportcheck.readers.json_ import read_json
from reportcheck.writers.xlsx import write_workbook
from test_corpus import EXPECTED_CODES, WITH_VALUES, _expected


def _submission(doc: dict[str, Any]) -> dict[str, Any]:
    """The corpus json as a JSON submission in our ids (only cells the report has)."""
    version = doc["format"]
    sub: dict[str, Any] = {"format_version": version, "report": {"year": doc["report_year"]}}
    fmt = FORMATS[version]
    for (table, row, col), value in _expected(doc).items():
        if not fmt.table(table).has_row(row):
            continue
        sub.setdefault(table, {}).setdefault(row, {})[col] = value
    return sub


@requires_shared
@pytest.mark.parametrize("name", WITH_VALUES)
def test_hand_read_tables_in_the_official_layout(name: str, tmp_path: Path) -> None:
    doc = json.loads((CORPUS / name).with_suffix(".json").read_text(encoding="utf-8"))
    sub = _submission(doc)
    report = read_json("corpus.json", json.dumps(sub, ensure_ascii=False).encode())
    workbook = tmp_path / "official.xlsx"
    write_workbook(workbook, doc["format"], report)

    result = api.validate_path(workbook)
    assert result.error is None
    read = result.report
    assert read is not None and read.format_version == doc["format"]
    for table, rows in sub.items():
        if table in ("format_version", "report"):
            continue
        for row, cols in rows.items():
            for col, want in cols.items():
                cell = read.tables[table].get(row, col)
                assert cell is not None, (table, row, col)
                if want is None:
                    assert cell.state is CellState.BLANK, (table, row, col, cell)
                elif isinstance(want, str):
                    assert cell.raw.strip() == want, (table, row, col, cell)
                else:
                    assert cell.value == Decimal(str(want)), (table, row, col, cell)

    arithmetic = [f for f in result.findings if f.code.startswith("RC3") or f.code == "RC204"]
    expected = doc["expected_findings"]
    assert len(arithmetic) == len(expected), [(f.code, f.row, f.column) for f in arithmetic]
    for exp in expected:
        assert any(
            f.code in EXPECTED_CODES[exp["check"]]
            and (exp.get("row") is None or f.row == exp["row"])
            and (exp.get("column") is None or f.column == exp["column"])
            for f in arithmetic
        ), exp
    assert not [f for f in result.findings if f.code in ("RC101", "RC102", "RC103", "RC003")]
