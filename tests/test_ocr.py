"""Scanned reports read by text recognition (the ``ocr`` extra): scans made here from the
corpus' real WPS report 009 (pdftoppm at 150 and 200 dpi; turned, noisy, JPEG, a red seal
over 表三) must give exactly the values of its text layer — or RC003 for a cell not sure,
never a wrong value. Without the extra, an image is refused in one line with the install
line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import CellState, Report
from reportcheck.readers import ocr

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CORPUS, requires_shared
from scans import degrade, have_pdftoppm, render, scanned_pdf, tiff

runner = CliRunner()
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
needs_pdftoppm = pytest.mark.skipif(not have_pdftoppm(), reason="pdftoppm is not installed")
PNG = bytes.fromhex("89504e470d0a1a0a") + b"\x00" * 64


def test_an_image_without_the_extra_is_refused_with_the_install_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    page = tmp_path / "第3页.png"
    page.write_bytes(PNG)
    with pytest.raises(InputError) as err:
        api.read_path(page)
    assert ocr.INSTALL in err.value.problem and ocr.INSTALL in err.value.problem_en
    result = runner.invoke(app, ["validate", str(page)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "reportcheck[ocr]" in "".join(result.output.split())


def test_a_scan_without_the_extra_is_refused_with_the_install_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    scan = Path(__file__).parent / "data" / "pdf" / "scanned.pdf"
    with pytest.raises(InputError) as err:
        api.read_path(scan)
    assert "没有文字层" in err.value.problem
    assert ocr.INSTALL in err.value.problem


@needs_ocr
def test_a_scan_too_coarse_is_not_guessed() -> None:
    """tests/data/pdf/scanned.pdf is 60 dpi: refused (exit 2), never read as figures."""
    scan = Path(__file__).parent / "data" / "pdf" / "scanned.pdf"
    with pytest.raises(InputError) as err:
        api.read_path(scan)
    assert "60 dpi" in err.value.problem


def _settings() -> Settings:
    s = Settings()
    s.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    return s


def _compare(text: Report, scan: Report) -> tuple[int, list[str], int]:
    """(cells read equal, cells read wrong, cells not read)."""
    same, wrong, unread = 0, [], 0
    for tid, table in text.tables.items():
        for key, cell in table.cells.items():
            got = scan.tables[tid].cells.get(key) if tid in scan.tables else None
            if got is not None and got.state is CellState.TEXT and cell.state is not CellState.TEXT:
                unread += 1  # said: RC003 names it
                assert any(
                    f.code == "RC003" and (f.table, f.row, f.column) == (tid, *key)
                    for f in scan.findings
                )
            elif got is None or got.value != cell.value or got.state is not cell.state:
                wrong.append(f"{tid} {key}: {cell.raw!r} read {got.raw if got else None!r}")
            else:
                same += 1
    return same, wrong, unread


def _codes(report: Report) -> list[tuple[str, str | None]]:
    return sorted(
        (f.code, f.location.address if f.location else None)
        for f in api.check(report, _settings())
        if f.code not in ("RC003", "RC005")
    )


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
@requires_shared
@pytest.mark.parametrize("dpi", [150, 200])
def test_a_scan_of_009_reads_every_value_with_the_same_findings(tmp_path: Path, dpi: int) -> None:
    pdf = CORPUS / "009-hongze-2024.pdf"
    text = api.read_path(pdf)
    scan = api.read_path(
        scanned_pdf(render(pdf, dpi), tmp_path / f"scan{dpi}.pdf", dpi), _settings()
    )
    same, wrong, unread = _compare(text, scan)
    assert wrong == []
    assert same + unread == 186 and unread <= 5
    assert _codes(scan) == _codes(text)
    findings = api.check(scan, _settings())
    assert all("识别自图像" in f.message for f in findings)


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
@requires_shared
def test_a_turned_noisy_stamped_jpeg_scan_never_gives_a_wrong_value(tmp_path: Path) -> None:
    """Pages turned by -1° and +1.5°, noise, JPEG at quality 70, a red seal over 表三 (page
    3), as one multi-page TIFF: every value as the text layer says, or not read (RC003)."""
    pdf = CORPUS / "009-hongze-2024.pdf"
    text = api.read_path(pdf)
    pages = [
        degrade(
            p,
            angle=1.5 if k % 2 else -1.0,
            noise=8,
            jpeg=70,
            stamp=(0.6, 0.7) if k == 2 else None,
        )
        for k, p in enumerate(render(pdf, 200))
    ]
    scan = api.read_path(tiff(pages, tmp_path / "scan.tif", 200), _settings())
    assert scan.kind == "image"
    same, wrong, unread = _compare(text, scan)
    assert wrong == []
    assert same + unread == 186
