"""The examples/ folder: every file shows what it claims, and the committed files are current.

The examples are declared in ``examples/build_examples.py`` (file, how it is built, the
codes of its error and warning findings, and findings that must be there by table, row
and column). Here each committed file is validated with the library, and the generator
is run into tmp_path to prove the committed workbooks, JSON files and README are what it
writes today.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reportcheck import api
from reportcheck.model.labels import label_key
from reportcheck.model.report import CellState
from reportcheck.model.rowfinder import match_row
from reportcheck.model.tables import FORMATS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()

openpyxl = pytest.importorskip("openpyxl")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_examples", EXAMPLES_DIR / "build_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_examples = _load()
EXAMPLES: tuple[Any, ...] = build_examples.EXAMPLES
VALID = [ex for ex in EXAMPLES if ex.valid]
INVALID = [ex for ex in EXAMPLES if not ex.valid or ex.expect]

STALE = "the committed examples are stale: run `python examples/build_examples.py`"


def _keys(findings: list[Any]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(f.code, f.table, f.row, f.column) for f in findings}


@pytest.mark.parametrize("ex", VALID, ids=lambda ex: ex.name)
def test_valid_examples_have_no_errors_or_warnings(ex: Any) -> None:
    result = api.validate_path(EXAMPLES_DIR / ex.name)
    assert result.error is None
    assert [(f.code, f.message_en) for f in result.findings if f.severity.rank > 1] == []
    assert _keys(result.findings) >= set(ex.expect)


@pytest.mark.parametrize("ex", INVALID, ids=lambda ex: ex.name)
def test_invalid_examples_show_their_rule(ex: Any) -> None:
    result = api.validate_path(EXAMPLES_DIR / ex.name)
    assert result.error is None
    assert {f.code for f in result.findings if f.severity.rank > 1} == set(ex.codes)
    assert _keys(result.findings) >= set(ex.expect)
    m = re.match(r"invalid/(RC\d{3})-", ex.name)
    if m:  # the file is named after the rule it shows
        assert m[1] in {code for code, *_ in ex.expect}


def test_every_rule_the_brief_names_has_an_example() -> None:
    shown = {code for ex in EXAMPLES for code, *_ in ex.expect}
    wanted = {"RC001", "RC002", *(f"RC10{i}" for i in range(1, 7))}
    wanted |= {f"RC20{i}" for i in range(1, 8)} | {f"RC30{i}" for i in range(5)}
    assert wanted <= shown


def test_every_example_file_is_declared() -> None:
    declared = {ex.name for ex in EXAMPLES}
    on_disk = {p.relative_to(EXAMPLES_DIR).as_posix() for p in (EXAMPLES_DIR / "invalid").iterdir()}
    on_disk |= {p.name for p in EXAMPLES_DIR.glob("*.xlsx")}
    assert on_disk <= declared
    assert all((EXAMPLES_DIR / name).is_file() for name in declared)


def _workbook(path: Path) -> dict[str, Any]:
    """What a workbook shows: cell values (formulas as text), merges, validation, panes."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb:
        out[ws.title] = {
            "cells": {
                c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None
            },
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validation": sorted(
                (dv.type or "", dv.operator or "", dv.formula1 or "", str(dv.sqref))
                for dv in ws.data_validations.dataValidation
            ),
            "freeze": ws.freeze_panes,
        }
    return out


def test_committed_examples_are_what_the_generator_writes(tmp_path: Path) -> None:
    build_examples.build(tmp_path)
    for ex in EXAMPLES:
        fresh, committed = tmp_path / ex.name, EXAMPLES_DIR / ex.name
        if ex.name.endswith((".json", ".txt")):
            assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
                f"{ex.name}: {STALE}"
            )
        else:
            assert _workbook(fresh) == _workbook(committed), f"{ex.name}: {STALE}"


def test_readme_lists_what_validate_reports() -> None:
    text = (EXAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert text == build_examples.readme(EXAMPLES_DIR), STALE


def test_valid_xlsx_and_json_examples_hold_the_same_report() -> None:
    xlsx = api.read_path(EXAMPLES_DIR / "2021-valid.xlsx")
    js = api.read_path(EXAMPLES_DIR / "2021-valid.json")
    assert xlsx.metadata == js.metadata
    for table_id, data in js.tables.items():
        got = xlsx.tables[table_id].cells
        assert {k: c.value for k, c in got.items()} == {k: c.value for k, c in data.cells.items()}


# ---------------------------------------------------------------------- the real report

_NUM = re.compile(r"^\d+$")


def _corpus_rows(text: str) -> list[tuple[list[str], list[int]]]:
    """Rows of ``label | … | n | n …`` in a corpus text: (labels, numbers)."""
    out: list[tuple[list[str], list[int]]] = []
    for line in text.splitlines():
        fields = [f.strip() for f in line.split("|")]
        nums = [int(f) for f in fields if _NUM.match(f)]
        labels = [f for f in fields if f and not _NUM.match(f)]
        if len(nums) >= 7:
            out.append((labels, nums))
    return out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_chongyang_example_carries_the_figures_of_the_real_report() -> None:
    text = (CORPUS / "000-chongyang-zwfwj-2024.txt").read_text(encoding="utf-8")
    report = api.read_path(EXAMPLES_DIR / "chongyang-2024.xlsx")
    assert "proactive_disclosure" not in report.tables
    apps = FORMATS["2021"].table("applications")
    cells = report.tables["applications"].cells
    seen: set[str] = set()
    review: list[int] = []
    for labels, nums in _corpus_rows(text):
        row = match_row(apps, labels) if labels else None
        if row is not None and len(nums) == 7:
            assert [cells[(row.id, c.id)].value for c in row.columns] == nums, row.id
            seen.add(row.id)
        elif not labels and len(nums) == 15:
            review = nums
    assert seen == {r.id for r in apps.rows}
    t4 = FORMATS["2021"].table("review_litigation")
    got = report.tables["review_litigation"].cells
    assert [got[k].value for k in t4.cell_ids()] == review
    assert all(c.state is CellState.NUMBER for c in got.values())
    md = report.metadata
    assert md.agency is not None and label_key(md.agency) in label_key(text.splitlines()[0])
    assert (md.year, md.published.isoformat() if md.published else None) == (2024, "2025-01-09")
