"""Excel as the clerk sees it: number formats from styles.xml.

Workbooks are made with openpyxl (which writes styles.xml as Excel does) and read with the
real reader."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api
from reportcheck.readers.numfmt import display, is_date, shows_wan_of_yuan
from reportcheck.writers.xlsx import cell_address, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")


def _book(
    tmp_path: Path, version: str, edits: dict[tuple[str, str, str], tuple[object, str]]
) -> Path:
    path = tmp_path / "年报.xlsx"
    write_workbook(path, version, Submission.valid(version).report(), overwrite=True)
    wb = openpyxl.load_workbook(path)
    for key, (value, fmt) in edits.items():
        sheet, ref = cell_address(version, *key).split("!")
        wb[sheet][ref].value = value
        wb[sheet][ref].number_format = fmt
    wb.save(path)
    return path


def test_display() -> None:
    assert display(45312, 'm"月"d"日"', 176, False) == "1月21日"
    assert display(45312, "yyyy/m/d", 14, False) == "2024/1/21"
    assert display(45312, 'yyyy"年"m"月"d"日"', 31, False) == "2024年1月21日"
    assert display(45312, "yyyy-mm-dd hh:mm", 200, False) == "2024-01-21 00:00"
    assert display(Decimal("0.35"), "0%", 9, False) == "35%"
    assert display(Decimal("0.125"), "0.0%", 200, False) == "12.5%"
    assert display(123500, '0!.0000"万"', 200, False) == "12.3500万"
    assert display(12, "0", 1, False) is None
    assert display(12, '0.00"万元"', 200, False) is None  # a label only
    assert is_date('[$-804]yyyy"年"m"月"', None) and not is_date('0.00"天"', None)
    assert shows_wan_of_yuan('0\\.0000"万"') and not shows_wan_of_yuan('0"万元"')


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("fmt", ['m"月"d"日"', "m/d", "yyyy/m/d"])
def test_a_count_in_a_date_cell_is_reported_as_excel_shows_it(
    version: str, fmt: str, tmp_path: Path
) -> None:
    path = _book(tmp_path, version, {("applications", "granted", "natural_person"): (45312, fmt)})
    result = api.validate_path(path)
    [f] = result.findings
    shown = {'m"月"d"日"': "1月21日", "m/d": "1/21", "yyyy/m/d": "2024/1/21"}[fmt]
    assert (f.code, f.actual) == ("RC201", shown)
    assert f"「{shown}」" in f.message and f"“{shown}”" in f.message_en
    assert "45312" not in f.message


@pytest.mark.parametrize("version", VERSIONS)
def test_percentage_display_kept_and_no_false_alarm(version: str, tmp_path: Path) -> None:
    sub = Submission.valid(version)
    value = sub.get("applications", "partial", "commercial")
    path = _book(tmp_path, version, {("applications", "partial", "commercial"): (value, "0%")})
    result = api.validate_path(path)
    assert result.findings == []
    assert result.report is not None
    cell = result.report.tables["applications"].get("partial", "commercial")
    assert cell is not None and cell.value == value and cell.raw == f"{value * 100}%"


def test_fee_shown_in_wan_but_stored_in_yuan(tmp_path: Path) -> None:
    key = ("proactive_disclosure", "administrative_fees", "amount")
    path = _book(tmp_path, "2021", {key: (123500, '0!.0000"万"')})
    [f] = api.validate_path(path).findings
    assert (f.code, f.actual, f.suggestion) == ("RC206", "12.3500万", "12.35")
    # a plain 万元 suffix is a label: the stored figure is already in 万元
    path = _book(tmp_path, "2021", {key: (Decimal("12.35"), '0.00"万元"')})
    assert api.validate_path(path).findings == []


def test_a_date_formatted_publication_date_is_read(tmp_path: Path) -> None:
    path = _book(tmp_path, "2021", {})
    wb = openpyxl.load_workbook(path)
    wb["基本信息"]["B4"] = date(2025, 1, 20)
    wb["基本信息"]["B4"].number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    report = api.read_path(path)
    assert report.metadata.published == date(2025, 1, 20)


def test_formats_remembered_by_content_never_mixed_between_workbooks(tmp_path: Path) -> None:
    """The reader parses a styles.xml once per content (a batch's reports share their
    template): a workbook whose styles differ still gets its own formats, before and after."""
    key = ("applications", "granted", "natural_person")
    plain = tmp_path / "plain"
    dated = tmp_path / "dated"
    plain.mkdir()
    dated.mkdir()
    value = Submission.valid("2021").get(*key)
    a = _book(plain, "2021", {key: (value, "0")})
    b = _book(dated, "2021", {key: (value, "yyyy/m/d")})
    for _ in range(2):  # the second round reads every part from what was remembered
        assert api.validate_path(a).findings == []
        assert "RC201" in {f.code for f in api.validate_path(b).findings}
