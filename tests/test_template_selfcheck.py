"""The template checks itself while the clerk types: totals turn red as soon as they stop
adding up; labels locked, inputs editable; 单位层级 in Chinese; print setup.

The conditional-formatting formulas are evaluated by a real spreadsheet engine: each
rule's formula is copied into a spare cell of its sheet, LibreOffice (headless) opens
the workbook, calculates and saves it, and the saved results are read back. These tests
are marked slow and skip when LibreOffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api
from reportcheck.writers.xlsx import LEVEL_ZH, cell_address, write_workbook

openpyxl = pytest.importorskip("openpyxl")

VERSIONS = ("2019", "2021")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _rules(ws: object) -> list[tuple[str, str]]:
    """(cell, formula) of every conditional-formatting rule of a sheet."""
    out = []
    for cf in ws.conditional_formatting:  # type: ignore[attr-defined]
        for rule in cf.rules:
            out.append((str(cf.sqref), rule.formula[0]))
    return out


def _addr(version: str, table: str, row: str, col: str) -> str:
    return cell_address(version, table, row, col).split("!")[1]


@pytest.mark.parametrize("version", VERSIONS)
def test_rules_on_every_total_and_balance(version: str, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, version)
    wb = openpyxl.load_workbook(path)
    t3 = dict(_rules(wb["表三"]))
    # a row total, a result column's （七）总计 and a column's 勾稽关系 (on 结转下年度)
    assert _addr(version, "applications", "granted", "total") in t3
    assert _addr(version, "applications", "total", "natural_person") in t3
    assert _addr(version, "applications", "carried_forward", "commercial") in t3
    t4 = dict(_rules(wb["表四"]))
    assert _addr(version, "review_litigation", "review", "total") in t4
    assert not _rules(wb["表二"])
    for formula in (*t3.values(), *t4.values()):
        assert formula.startswith("AND(COUNTA(") and "$" in formula


@pytest.mark.parametrize("version", VERSIONS)
def test_labels_locked_inputs_open_levels_in_chinese_print_setup(
    version: str, tmp_path: Path
) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, version)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.protection.sheet is True
        assert not ws.protection.password  # no password: 审阅 → 撤销工作表保护
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
    t3 = wb["表三"]
    assert t3["A5"].protection.locked  # a label
    assert not t3[_addr(version, "applications", "granted", "natural_person")].protection.locked
    assert t3.print_title_rows.replace("$", "") == "1:4"
    assert wb["表四"].print_title_rows.replace("$", "") == "1:4"
    meta = wb["基本信息"]
    assert meta.page_setup.fitToHeight == 1  # on one page
    assert not meta["B2"].protection.locked and meta["A2"].protection.locked
    [level] = [dv for dv in meta.data_validations.dataValidation if "B5" in str(dv.sqref)]
    assert level.formula1 == '"部门,政府,乡镇"'
    # each offered word is read back as its level, and so are the English words
    for word, code in [*((v, k) for k, v in LEVEL_ZH.items()), ("township", "township")]:
        meta["B5"] = word
        meta["B2"] = "示例县测试局"
        wb.save(path)
        assert api.read_path(path).metadata.level == code


# ---------------------------------------------------------------------- evaluated


def _probe(src: Path, dest: Path) -> dict[str, list[tuple[str, str]]]:
    """Copy every rule's formula into a spare cell; return sheet → [(rule cell, probe)]."""
    wb = openpyxl.load_workbook(src)
    probes: dict[str, list[tuple[str, str]]] = {}
    for ws in wb.worksheets:
        for i, (target, formula) in enumerate(_rules(ws)):
            probe = f"AZ{200 + i}"
            ws[probe] = f"={formula}"
            probes.setdefault(ws.title, []).append((target, probe))
    wb.save(dest)
    return probes


def _calculate(files: list[Path], out: Path, profile: Path) -> None:
    """LibreOffice opens, calculates and saves each workbook into ``out``."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )


def _cases(version: str) -> dict[str, tuple[Submission, set[str]]]:
    """name → (submission, cells that must turn red)."""
    a, r = "applications", "review_litigation"
    ok = Submission.valid(version)
    return {
        "valid": (ok, set()),
        # one part one too high: its row total and its column's （七）总计 (the 勾稽关系
        # uses the printed （七）总计, which still balances)
        "part": (
            ok.copy().add(a, "granted", "commercial", 1),
            {_addr(version, a, "granted", "total"), _addr(version, a, "total", "commercial")},
        ),
        # a row total typed wrong: that row total, the 总计 column's （七）总计
        "row_total": (
            ok.copy().add(a, "partial", "total", 2),
            {_addr(version, a, "partial", "total"), _addr(version, a, "total", "total")},
        ),
        # 上年结转 wrong: only the column's 勾稽关系
        "balance": (
            ok.copy().add(a, "carried_over", "research", 1).add(a, "carried_over", "total", 1),
            {
                _addr(version, a, "carried_forward", "research"),
                _addr(version, a, "carried_forward", "total"),
            },
        ),
        # a 表四 group total
        "review": (ok.copy().add(r, "review", "total", 3), {_addr(version, r, "review", "total")}),
        # a blank total beside filled parts
        "blank_total": (
            ok.copy().blank(a, "granted", "total"),
            {_addr(version, a, "granted", "total"), _addr(version, a, "total", "total")},
        ),
    }


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_turns_exactly_the_broken_totals_red(tmp_path: Path) -> None:
    files: list[Path] = []
    expected: dict[str, set[str]] = {}
    probes: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for version in VERSIONS:
        for name, (sub, red) in _cases(version).items():
            src = tmp_path / f"src-{version}-{name}.xlsx"
            write_workbook(src, version, sub.report())
            probe = tmp_path / f"{version}-{name}.xlsx"
            probes[probe.name] = _probe(src, probe)
            expected[probe.name] = red
            files.append(probe)
    # the empty template stays white
    blank = tmp_path / "blank-template.xlsx"
    write_workbook(tmp_path / "src-blank.xlsx", "2021")
    probes[blank.name] = _probe(tmp_path / "src-blank.xlsx", blank)
    expected[blank.name] = set()
    files.append(blank)
    out = tmp_path / "calculated"
    _calculate(files, out, tmp_path / "lo-profile")
    for name, red in expected.items():
        wb = openpyxl.load_workbook(out / name, data_only=True)
        got: set[str] = set()
        for sheet, pairs in probes[name].items():
            for target, probe in pairs:
                value = wb[sheet][probe].value
                assert value in (True, False), (name, target, value)
                if value:
                    got.add(target)
        assert got == red, name
