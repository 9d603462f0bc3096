"""A PDF whose text cannot be decoded is not "not a report", and what it hides is not missing.

Some printers to PDF embed a font without its map to Unicode (``/ToUnicode``): the page prints
right, but its text layer gives control codes and accented letters instead of Chinese
(PDFium flags each such glyph, ``FPDFText_HasUnicodeMapError``). Such a page is read like a
scanned one: recognised from its image with the ``ocr`` extra, else named (RC003) — and a
table or rows that may be on it are not called missing. A whole PDF of it without the
extra is refused in one line saying why, not as "not an annual report".

The PDFs are drawn at test time by the WPS-like maker (``data/pdf/make_wps_like.py``,
``unmapped=True``); a page of it is put into the readable PDF with PDFium.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.readers import ocr

pytest.importorskip("reportlab")
pdfium = pytest.importorskip("pypdfium2")

DATA = Path(__file__).parent / "data" / "pdf"
sys.path.insert(0, str(DATA))

import make_pdfs as mp  # noqa: E402
import make_wps_like as mw  # noqa: E402

if not mw.CJK_FILE.exists():
    pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed", allow_module_level=True)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The readable report, the same with no map to Unicode, and the readable one with
    each page in turn taken from the other."""
    out = tmp_path_factory.mktemp("undecodable")
    plain = mw.make_report("plain", out)
    garbled = mw.make_report("garbled", out, unmapped=True)
    found = {"plain": plain, "garbled": garbled}
    a, b = pdfium.PdfDocument(plain), pdfium.PdfDocument(garbled)
    for k in range(len(a)):
        mixed = pdfium.PdfDocument.new()
        for i in range(len(a)):
            mixed.import_pages(b if i == k else a, pages=[i])
        found[f"page{k + 1}"] = out / f"page{k + 1}.pdf"
        mixed.save(found[f"page{k + 1}"])
    return found


def test_the_pdfs_are_what_they_claim(pdfs: dict[str, Path]) -> None:
    text = pdfium.PdfDocument(pdfs["garbled"])[0].get_textpage().get_text_range()
    assert "年度报告" not in text and "2024" in text  # figures in the Latin font stay
    plain = pdfium.PdfDocument(pdfs["plain"])[0].get_textpage().get_text_range()
    assert "年度报告" in plain


def test_a_whole_pdf_undecodable_without_the_extra_is_refused_saying_why(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as err:
        api.read_path(pdfs["garbled"])
    assert "文字无法解码" in err.value.problem and ocr.INSTALL in err.value.problem
    assert "cannot be decoded" in err.value.problem_en
    result = CliRunner().invoke(app, ["validate", str(pdfs["garbled"])])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "不是政府信息公开工作年度报告" not in result.output


@pytest.mark.parametrize("page", [1, 2, 3, 4])
def test_one_page_undecodable_without_the_extra_claims_nothing_missing(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    settings = Settings()
    report = api.read_path(pdfs[f"page{page}"], settings)
    assert report.unread_pages == [page]
    findings = api.check(report, settings)
    wrong = [f for f in findings if f.code not in ("RC003", "RC603")]
    assert wrong == [], [f.message for f in wrong]
    said = [f for f in findings if f.code == "RC003" and f.table is None]
    assert said and f"第 {page} 页的文字无法解码" in said[0].message
    # what was read is read right
    expected = json.loads((pdfs["plain"].parent / "plain.expected.json").read_text("utf-8"))
    for table_id, data in report.tables.items():
        for (row, col), cell in data.cells.items():
            want = expected["tables"][table_id].get(row, {}).get(col)
            if want is not None and cell.raw:
                assert cell.raw == want, (table_id, row, col)


@pytest.mark.slow
@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_with_the_extra_an_undecodable_page_is_recognised(pdfs: dict[str, Path]) -> None:
    settings = Settings()
    settings.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    report = api.read_path(pdfs["page3"], settings)
    assert 3 in report.recognised and report.unread_pages == []
    plain = api.read_path(pdfs["plain"], settings)
    for table_id, data in plain.tables.items():
        for key, cell in data.cells.items():
            assert report.tables[table_id].cells[key].value == cell.value, (table_id, key)
    assert api.check(report, settings) == []


def _stamped_scan(path: Path, pages: int) -> Path:
    """Pages that are one picture each (a plain grey image standing for a scan) with a line
    of text put on them, as a site stamps its address and date on the scans it publishes."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(mw.PAGE_W, mw.PAGE_H))
    for k in range(pages):
        c.drawImage(ImageReader(io.BytesIO(mw.GREY_JPEG)), 0, 0, mw.PAGE_W, mw.PAGE_H)
        c.setFont("Helvetica", 8)
        c.drawString(30, 20, f"www.example.gov.cn  2025-01-21  {k + 1}/{pages}")
        c.showPage()
    c.save()
    return path


def test_scans_with_a_line_of_text_on_them_are_scans(
    tmp_path: Path, pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as err:
        api.read_path(_stamped_scan(tmp_path / "scan.pdf", 3))
    assert "没有文字层" in err.value.problem
    # one such page after the text pages: named, not read, nothing on it called missing
    scan = pdfium.PdfDocument(_stamped_scan(tmp_path / "one.pdf", 1))
    mixed = pdfium.PdfDocument(pdfs["plain"])
    mixed.import_pages(scan)
    mixed.save(tmp_path / "mixed.pdf")
    report = api.read_path(tmp_path / "mixed.pdf")
    last = len(mixed)
    assert report.unread_pages == [last]
    findings = api.check(report, Settings())
    assert [f.code for f in findings] == ["RC003"]
    assert f"第 {last} 页没有文字层" in findings[0].message


OUTLINED = DATA / "outlined-page3.pdf"  # page 3 of wps-2021-clean.pdf, text as outlines


def test_text_drawn_as_outlines_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose text is drawn as outlines (「文字转曲」: paths, no text layer) is not read
    from its text layer, and is not called a scan: named (RC003), and what may be on it not
    called missing; a PDF of such pages only is refused saying so (exit 2)."""
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as err:
        api.read_path(OUTLINED)
    assert "文字已转为曲线" in err.value.problem and ocr.INSTALL in err.value.problem
    source = pdfium.PdfDocument(DATA / "wps-2021-clean.pdf")
    outlined = pdfium.PdfDocument(OUTLINED)
    mixed = pdfium.PdfDocument.new()
    for i in range(len(source)):
        mixed.import_pages(outlined if i == 2 else source, pages=[0 if i == 2 else i])
    mixed.save(tmp_path / "mixed.pdf")
    report = api.read_path(tmp_path / "mixed.pdf")
    assert report.unread_pages == [3]
    findings = api.check(report, Settings())
    assert {f.code for f in findings} == {"RC003"}
    assert any("第 3 页的文字已转为曲线" in f.message for f in findings)


@pytest.mark.slow
@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_with_the_extra_text_drawn_as_outlines_is_recognised() -> None:
    settings = Settings()
    settings.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    report = api.read_path(OUTLINED, settings)
    assert report.recognised and report.unread_pages == []
    text = api.read_path(DATA / "wps-2021-clean.pdf")
    read = unread = 0
    for key, cell in report.tables["applications"].cells.items():
        want = text.tables["applications"].cells[key]
        if cell.value is None and cell.raw and want.value is not None:
            unread += 1  # said: RC003
        else:
            assert cell.value == want.value, key
            read += 1
    assert read > 100 and unread <= 5


def test_a_row_missing_among_rows_read_is_missing_beside_an_unread_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """表三 without its row 2.没有现成信息需要另行制作 (between rows read), a scanned page
    just before the table's first page: the row is missing (RC102) — it cannot stand on the
    page before the table's first rows."""
    import io
    from dataclasses import replace

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from reportcheck.model.tables import FORMATS

    table3 = mw.table3

    def without_row(case: mp.Case, single_other: bool) -> mp.TLayout:
        layout = table3(case, single_other)
        rows = FORMATS[case.version].table("applications").rows
        gone = 3 + next(i for i, r in enumerate(rows) if r.id == "unable_2")
        cells = []
        for c in layout.cells:
            if c.row == gone and c.rowspan == 1:
                continue
            if c.row > gone:
                c = replace(c, row=c.row - 1)
            elif c.row < gone <= c.row + c.rowspan - 1:
                c = replace(c, rowspan=c.rowspan - 1)
            cells.append(c)
        return replace(layout, rows=layout.rows - 1, cells=cells)

    monkeypatch.setattr(mw, "table3", without_row)
    path = mw.make_report("row", tmp_path)
    monkeypatch.setattr(ocr, "available", lambda: False)
    settings = Settings()
    report = api.read_path(path, settings)
    cells = report.tables["applications"].cells.values()
    first = min(int(c.location.address.split(",")[0][5:]) for c in cells if c.location)
    assert [f.row for f in api.check(report, settings) if f.code == "RC102"] == ["unable_2"]

    scan = io.BytesIO()
    c = canvas.Canvas(scan, pagesize=(mw.PAGE_W, mw.PAGE_H))
    c.drawImage(ImageReader(io.BytesIO(mw.GREY_JPEG)), 40, 40, mw.PAGE_W - 80, mw.PAGE_H - 80)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(path)
    doc.import_pages(pdfium.PdfDocument(scan.getvalue()), index=first - 1)
    doc.save(tmp_path / "scan.pdf")
    report = api.read_path(tmp_path / "scan.pdf", settings)
    assert report.unread_pages == [first]
    findings = api.check(report, settings)
    assert [f.row for f in findings if f.code == "RC102"] == ["unable_2"]
    assert not [f for f in findings if f.code == "RC003" and f.table == "applications"]


def test_a_cover_picture_with_its_title_is_no_scan(
    tmp_path: Path, pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cover: one picture over the page and the report's title over it (in the middle of
    the page, not in a margin) is a page of text with a picture, not a scan."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(ocr, "available", lambda: False)
    pdfmetrics.registerFont(TTFont(mw.CJK, str(mw.CJK_FILE)))
    cover = io.BytesIO()
    c = canvas.Canvas(cover, pagesize=(mw.PAGE_W, mw.PAGE_H))
    c.drawImage(ImageReader(io.BytesIO(mw.GREY_JPEG)), 0, 0, mw.PAGE_W, mw.PAGE_H)
    c.setFont(mw.CJK, 22)
    c.drawString(90, 500, "临川市自然资源和规划局2024年政府信息公开工作年度报告")
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(pdfs["plain"])
    doc.import_pages(pdfium.PdfDocument(cover.getvalue()), index=0)
    doc.save(tmp_path / "cover.pdf")
    report = api.read_path(tmp_path / "cover.pdf")
    assert report.unread_pages == []
    assert api.check(report, Settings()) == []
