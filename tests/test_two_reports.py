"""A workbook holding two reports, one per sheet, is never checked silently as the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api
from reportcheck.writers.xlsx import write_workbook

openpyxl = pytest.importorskip("openpyxl")


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_second_report_on_its_own_sheet_is_said(version: str, lang: str, tmp_path: Path) -> None:
    path = tmp_path / "两年.xlsx"
    write_workbook(path, version, Submission.valid(version).report())
    wb = openpyxl.load_workbook(path)
    for name in ("表二", "表三", "表四"):
        wb.copy_worksheet(wb[name]).title = f"2023年{name}"
    wb.save(path)
    found = [f for f in api.validate_path(path).findings if f.code == "RC007"]
    assert sorted(f.table for f in found) == sorted(  # type: ignore[type-var]
        ["proactive_disclosure", "applications", "review_litigation"]
    )
    text = " ".join(f.text(lang) for f in found)
    assert "2023年表三" in text
    assert ("只检查了" if lang == "zh" else "only") in text
    assert all(f.severity.value == "error" for f in found)


def test_a_hidden_copy_of_last_year_is_not_a_second_report(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_workbook(path, "2021", Submission.valid("2021").report())
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb["表三"])
    copy.title = "上年表三"
    copy.sheet_state = "hidden"
    wb.save(path)
    assert api.validate_path(path).findings == []
