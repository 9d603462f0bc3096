"""A workbook saved as CSV (UTF-8 with BOM, GBK, ; or , separated) is read like a sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES
from reportcheck import api
from reportcheck.errors import InputError


def _rows(workbook: Path) -> list[list[str]]:
    wb = openpyxl.load_workbook(workbook)
    rows: list[list[str]] = []
    for ws in wb.worksheets:
        for r in ws.iter_rows(values_only=True):
            rows.append(["" if v is None else str(v) for v in r])
        rows.append([])
    return rows


def _write(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ","), ("gbk", ","), ("utf-8", ";")]
)
def test_a_valid_workbook_saved_as_csv_is_clean(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = _write(tmp_path / "r.csv", _rows(EXAMPLES / "2021-valid.xlsx"), encoding, delimiter)
    result = api.validate_path(path)
    assert result.error is None and result.report is not None
    assert result.report.kind == "csv"
    assert set(result.report.tables) == {
        "proactive_disclosure",
        "applications",
        "review_litigation",
    }
    assert result.report.metadata.year == 2024
    assert result.report.sections is None  # a table submission: no section rules
    assert [f.code for f in result.findings] == []


def test_a_wrong_cell_in_a_csv_is_named_by_line_and_field(tmp_path: Path) -> None:
    rows = _rows(EXAMPLES / "2021-valid.xlsx")
    line = next(i for i, r in enumerate(rows) if "（一）予以公开" in r)
    field = next(i for i, v in enumerate(rows[line]) if v.strip().isdigit())
    rows[line][field] = str(int(rows[line][field]) + 1)
    result = api.validate_path(_write(tmp_path / "r.csv", rows, "utf-8"))
    [f] = result.findings
    assert (f.code, f.row, f.column) == ("RC300", "granted", "natural_person")
    assert f.location is not None
    assert f.location.address == f"line {line + 1}, field {field + 1}"


def test_a_csv_without_report_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,amount\nA,1\nB,2\n", encoding="utf-8")
    with pytest.raises(InputError):
        api.read_path(path)
