"""CSV exports of a workbook, one file per sheet, are read as one report with cell places."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.writers.xlsx import cell_address, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")
runner = CliRunner()


def _export(
    sub: Submission, version: str, folder: Path, prefix: str, encoding: str = "utf-8-sig"
) -> list[Path]:
    """Save every sheet of the workbook as ``<prefix><sheet>.csv``, as Excel's 另存为 CSV does."""
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / "book.xlsx"
    write_workbook(book, version, sub.report(), overwrite=True)
    wb = openpyxl.load_workbook(book)
    out = []
    for ws in wb.worksheets:
        path = folder / f"{prefix}{ws.title}.csv"
        with path.open("w", encoding=encoding, newline="") as fh:
            w = csv.writer(fh)
            for row in ws.iter_rows(values_only=True):
                w.writerow(["" if v is None else v for v in row])
        out.append(path)
    book.unlink()
    return out


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("prefix", ["年报-", "年报_", ""])
def test_one_report_from_the_sheets_with_cell_places(
    version: str, prefix: str, tmp_path: Path
) -> None:
    sub = Submission.valid(version).add("applications", "granted", "natural_person", 1)
    files = _export(sub, version, tmp_path / "导出", prefix)
    res = runner.invoke(app, ["validate", str(tmp_path / "导出"), "-f", "json"])
    assert res.exit_code == 1, res.output
    doc = json.loads(res.stdout)
    assert len(doc["files"]) == 1  # one report, not four
    [found] = [f for f in doc["files"][0]["findings"] if f["severity"] == "error"]
    ref = cell_address(version, "applications", "granted", "natural_person").split("!")[1]
    assert found["code"] == "RC300"
    assert found["location"]["address"] == f"{prefix}表三.csv!{ref}"
    assert doc["files"][0]["agency"] == "示例县测试局"  # from 基本信息.csv
    # naming every file gives the same single result
    res = runner.invoke(app, ["validate", *map(str, files), "-f", "json"])
    assert len(json.loads(res.stdout)["files"]) == 1
    # and one sheet named alone is read with its siblings
    one = api.validate_path(tmp_path / "导出" / f"{prefix}表三.csv")
    assert one.report is not None and set(one.report.tables) == {
        "proactive_disclosure",
        "applications",
        "review_litigation",
    }


def test_gbk_exports_and_a_lone_csv_keeps_line_places(tmp_path: Path) -> None:
    sub = Submission.valid("2021")
    _export(sub, "2021", tmp_path / "gbk", "年报-", encoding="gbk")
    result = api.validate_path(tmp_path / "gbk" / "年报-表二.csv")
    assert result.report is not None and len(result.report.tables) == 3
    assert result.findings == []
    files = _export(sub, "2021", tmp_path / "lone", "x")
    lone = tmp_path / "lone" / "tables.csv"
    (tmp_path / "lone" / "x表三.csv").rename(lone)
    report = api.read_path(lone)
    cell = report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None
    assert cell.location.address.startswith("line ")
    assert files


def test_annotate_csv_export(tmp_path: Path) -> None:
    sub = Submission.valid("2021").add("applications", "granted", "natural_person", 1)
    _export(sub, "2021", tmp_path / "e", "年报-")
    out = tmp_path / "m.xlsx"
    res = runner.invoke(
        app, ["validate", str(tmp_path / "e" / "年报-表三.csv"), "--annotate", str(out)]
    )
    assert res.exit_code == 1
    wb = openpyxl.load_workbook(out)
    sheet, ref = cell_address("2021", "applications", "granted", "natural_person").split("!")
    assert str(wb[sheet][ref].fill.fgColor.rgb).endswith("FFC7CE")
