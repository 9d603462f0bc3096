"""Scanned reports read by text recognition (the ``ocr`` extra): scans made here from the
corpus' real WPS report 009 (pdftoppm at 150, 200 and 300 dpi; turned, noisy, JPEG, a red
seal over 表三) and from the test PDFs of each producer must give exactly the values of
their text layer — or RC003 for a cell not sure, never a wrong value. Without the extra, an
image is refused in one line with the install line.

Recognition is the slow part of the suite (about two seconds of CPU a page): each scan
here checks something no other one does (a resolution, a producer, a degradation, a kind
of file), and each is recognised once."""

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


DATA = Path(__file__).parent / "data" / "pdf"


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
@pytest.mark.parametrize(
    ("name", "dpi"),
    [
        ("wps-2021-clean.pdf", 200),  # built the way WPS exports (make_wps_like.py)
        ("chromium-2021-clean.pdf", 200),  # a page printed by Chromium
        ("lo-2021-errors.pdf", 300),  # LibreOffice: its errors must be found on the scan too
    ],
)
def test_scans_of_the_test_pdfs_read_as_their_text(tmp_path: Path, name: str, dpi: int) -> None:
    """Each producer's PDF scanned. (LibreOffice's clean PDF at 200 dpi: scanned whole with
    figures scribbled over, and its table pages scanned in a PDF with text pages, read with
    its findings: the scribble and mixed-PDF tests below.)"""
    text = api.read_path(DATA / name)
    scan = api.read_path(scanned_pdf(render(DATA / name, dpi), tmp_path / name, dpi), _settings())
    same, wrong, unread = _compare(text, scan)
    assert wrong == []
    assert same + unread == sum(len(t.cells) for t in text.tables.values())
    assert _codes(scan) == _codes(text)


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
def test_a_page_image_is_read_and_its_findings_say_so(tmp_path: Path) -> None:
    """One page of a report as a JPEG: what is on it read as its text layer says; the
    report's findings say 识别自图像 with the confidence."""
    page = render(DATA / "lo-2021-errors.pdf", 200)[2]
    image = tmp_path / "第3页.jpg"
    degrade(page, angle=-0.7, jpeg=80).save(image, "JPEG", quality=95, dpi=(200, 200))
    text = api.read_path(DATA / "lo-2021-errors.pdf")
    scan = api.read_path(image, _settings())
    assert scan.kind == "image" and scan.recognised
    compared = 0
    for tid, table in scan.tables.items():
        for key, cell in table.cells.items():
            want = text.tables[tid].cells.get(key)
            if want is None or cell.state is CellState.TEXT:
                continue
            assert (cell.value, cell.state) == (want.value, want.state), (tid, key)
            compared += 1
    assert compared >= 40  # 表三's rows on page 3
    result = runner.invoke(app, ["validate", "--timeout", "600", str(image)])
    assert "识别自图像" in "".join(result.output.split())
    assert "Traceback" not in result.output


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
def test_a_figure_scribbled_over_is_not_read_or_confirmed_never_guessed(tmp_path: Path) -> None:
    """Figures of 表三 (page 3: 「56」, 「14」, 「68」) scribbled over with a pen: each such cell is
    not read (RC003) or, when a relation confirms the figure recognised, read as printed
    (RC005) — never another value."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    name = "lo-2021-clean.pdf"
    pages = render(DATA / name, 200)
    doc = pdfium.PdfDocument(str(DATA / name))
    tp = doc[2].get_textpage()
    height = doc[2].get_size()[1]
    draw = ImageDraw.Draw(pages[2])
    hit = 0
    for figure in ("56", "14", "68"):
        search = tp.search(figure, match_whole_word=True)
        found = search.get_next()
        assert found is not None, figure
        left, bottom, _right, top = tp.get_charbox(found[0])
        x0, y0 = left * 200 / 72, (height - top) * 200 / 72
        x1 = tp.get_charbox(found[0] + found[1] - 1)[2] * 200 / 72
        y1 = (height - bottom) * 200 / 72
        for d in range(0, int(x1 - x0) + 8, 5):
            draw.line((x0 - 4 + d, y1 + 3, x0 + 4 + d, y0 - 3), fill=(30, 30, 30), width=3)
        hit += 1
    doc.close()
    scan = api.read_path(scanned_pdf(pages, tmp_path / "scribbled.pdf", 200), _settings())
    text = api.read_path(DATA / name)
    same, wrong, unread = _compare(text, scan)
    assert hit == 3 and wrong == []
    assert same + unread == 200
    said = [f for f in scan.findings if f.code in ("RC003", "RC005")]
    assert len(said) >= 1  # the scribbled figures are not taken as read without a word


@needs_ocr
def test_images_out_of_bounds_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    from reportcheck.readers.ocr import image as image_mod

    coarse = tmp_path / "72dpi.png"
    Image.new("RGB", (595, 842), "white").save(coarse)  # an A4 page at 72 dpi
    with pytest.raises(InputError) as err:
        api.read_path(coarse)
    assert "dpi" in err.value.problem and "100" in err.value.problem
    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (120, 90), "white").save(tiny)
    with pytest.raises(InputError) as err:
        api.read_path(tiny)
    assert "太小" in err.value.problem
    monkeypatch.setattr(image_mod, "MAX_PIXELS", 1_000_000)
    big = tmp_path / "big.png"
    Image.new("RGB", (1654, 2339), "white").save(big, dpi=(200, 200))
    with pytest.raises(InputError) as err:
        image_mod.load(str(big), big.read_bytes())
    assert "过大" in err.value.problem
    broken = tmp_path / "broken.png"
    broken.write_bytes(big.read_bytes()[:200])
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 2 and "Traceback" not in result.output


@needs_ocr
def test_what_is_unsure_is_said_and_labels_are_not() -> None:
    from reportcheck.readers.ocr.page import SURE, _prose_text, _unsure
    from reportcheck.readers.ocr.recognize import Reading

    assert not _unsure("95", 0.99) and not _unsure("0", SURE)
    assert _unsure("95", 0.6)  # a figure not sure
    assert _unsure("0=", 0.99) and _unsure("o", 0.99) and _unsure("@n", 0.2)  # not a figure
    assert not _unsure("（一）予以公开", 0.5)  # a label: read loosely by the row finder
    assert not _unsure("/", 0.95) and _unsure("/", 0.5)
    assert _unsure("", 0.0)  # ink with nothing read on it is not an empty cell
    line = Reading("收到申请95件", 0.5, (("收", 0.99, 0), ("9", 0.99, 0), ("5", 0.4, 0)))
    assert _prose_text(line) == "收9□"


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
@requires_shared
@pytest.mark.parametrize(
    ("dpi", "angle", "noise", "jpeg"),
    [(150, 1.5, 0.0, 60), (300, -1.5, 10.0, None)],
)
def test_009_scanned_coarse_or_fine_turned_noisy_reads_every_value_with_the_same_findings(
    tmp_path: Path, dpi: int, angle: float, noise: float, jpeg: int | None
) -> None:
    """The real WPS report 009 scanned coarse (150 dpi, turned, JPEG) and fine (300 dpi,
    turned the other way, noisy): every value as its text layer says, or said not read; the
    same findings, each saying it was recognised. (Its usual resolution, 200 dpi: the
    stamped TIFF above; the test PDFs' scans.)"""
    pdf = CORPUS / "009-hongze-2024.pdf"
    text = api.read_path(pdf)
    pages = [degrade(p, angle=angle, noise=noise, jpeg=jpeg) for p in render(pdf, dpi)]
    scan = api.read_path(scanned_pdf(pages, tmp_path / "scan.pdf", dpi), _settings())
    same, wrong, unread = _compare(text, scan)
    assert wrong == []
    assert same + unread == 186 and unread <= 5
    assert _codes(scan) == _codes(text)
    findings = api.check(scan, _settings())
    assert all("识别自图像" in f.message for f in findings)


@pytest.mark.slow
@needs_ocr
@needs_pdftoppm
def test_a_pdf_with_scanned_pages_reads_both(tmp_path: Path) -> None:
    """Pages 1–2 with text, pages 3–4 (the tables) scanned at 200 dpi: the text pages read
    from their text, the scanned ones recognised; one report, the values of the original."""
    import pypdfium2 as pdfium

    name = DATA / "lo-2021-clean.pdf"
    scan = scanned_pdf(render(name, 200), tmp_path / "scan.pdf", 200)
    mixed = pdfium.PdfDocument.new()
    text_doc, scan_doc = pdfium.PdfDocument(str(name)), pdfium.PdfDocument(str(scan))
    mixed.import_pages(text_doc, [0, 1])
    mixed.import_pages(scan_doc, [2, 3])
    mixed.save(str(tmp_path / "mixed.pdf"))
    for doc in (mixed, text_doc, scan_doc):
        doc.close()
    text = api.read_path(name)
    both = api.read_path(tmp_path / "mixed.pdf", _settings())
    assert sorted(both.recognised) == [3, 4]
    same, wrong, unread = _compare(text, both)
    assert wrong == [] and same + unread == 200
    assert _codes(both) == _codes(text)
