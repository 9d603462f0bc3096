"""Pages drawn inside form XObjects, and pages turned sideways or upside down.

Some producers draw a page's content inside a form XObject (a printer to PDF, a tool that
imposes or stamps pages, a page imported whole into another PDF), scaled or turned onto
the page: a landscape 表三 printed sideways on a portrait page, a page upside down. The
reader walks forms for ruling lines and images (their boxes through the forms' matrices)
and turns a page whose text runs up, down or upside down upright before it builds lines and
tables. The PDFs are made at test time from the checked-in test PDFs with PDFium (each
page captured as a form XObject and placed, turned or not, on a new page).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Report
from reportcheck.readers import ocr

pdfium = pytest.importorskip("pypdfium2")

DATA = Path(__file__).parent / "data" / "pdf"


def _placed(source: Path, out: Path, turned: dict[int, int]) -> Path:
    """Every page of ``source`` as a form XObject on a new page; the pages in ``turned``
    (0-based) turned by that many quarter turns clockwise."""
    src = pdfium.PdfDocument(source)
    new = pdfium.PdfDocument.new()
    for i in range(len(src)):
        w, h = src[i].get_size()
        form = src.page_as_xobject(i, new).as_pageobject()
        turns = turned.get(i, 0)
        if turns == 1:  # the text runs down the page
            matrix, size = pdfium.PdfMatrix(0, -1, 1, 0, 0, w), (h, w)
        elif turns == 2:
            matrix, size = pdfium.PdfMatrix(-1, 0, 0, -1, w, h), (w, h)
        elif turns == 3:  # the text runs up the page
            matrix, size = pdfium.PdfMatrix(0, 1, -1, 0, h, 0), (h, w)
        else:
            matrix, size = pdfium.PdfMatrix(), (w, h)
        page = new.new_page(*size)
        form.transform(matrix)
        page.insert_obj(form)
        page.gen_content()
    new.save(out)
    return out


def _wrong(expected_json: Path, report: Report) -> list[tuple[str, str, str, str, str | None]]:
    """The cells of the report not read as ``NAME.expected.json`` says they are printed."""
    expected = json.loads(expected_json.read_text("utf-8"))
    wrong = []
    for table_id, rows in expected["tables"].items():
        data = report.tables.get(table_id)
        for row_id, cols in rows.items():
            for col_id, text in cols.items():
                cell = data.cells.get((row_id, col_id)) if data else None
                if cell is None or cell.raw.strip() != text.strip():
                    wrong.append((table_id, row_id, col_id, text, cell.raw if cell else None))
    return wrong


@pytest.mark.parametrize(
    ("name", "turns"),
    [
        *((name, turns) for name in ("wps-2021-clean", "lo-2021-clean") for turns in range(4)),
        # Chromium's fonts inside a form turned onto the page: PDFium puts some of its
        # glyphs where they would stand upright (a limit, not read: see the README)
        ("chromium-2021-clean", 0),
    ],
)
def test_every_value_read_from_forms_and_turned_pages(
    tmp_path: Path, name: str, turns: int
) -> None:
    """Every page inside a form XObject, and the page of 表三 (page 3) turned: every value
    read as printed, the ruling lines found inside the forms, no finding but the report's own."""
    report = api.read_path(_placed(DATA / f"{name}.pdf", tmp_path / "placed.pdf", {2: turns}))
    assert _wrong(DATA / f"{name}.expected.json", report) == []
    settings = Settings()
    same = api.check(api.read_path(DATA / f"{name}.pdf"), settings)
    got = api.check(report, settings)
    assert sorted(f.code for f in got) == sorted(f.code for f in same)


def test_rules_and_images_inside_forms_are_found(tmp_path: Path) -> None:
    from reportcheck.readers.pdf.pdfium import _open, _pages

    def pages(path: Path) -> list[tuple[int, int]]:
        doc = _open(str(path), path.read_bytes())
        try:
            return [(len(p.rules), p.images) for p in _pages(str(path), doc)]
        finally:
            doc.close()

    source = DATA / "wps-2021-clean.pdf"
    assert pages(_placed(source, tmp_path / "f.pdf", {})) == pages(source)
    turned = pages(_placed(source, tmp_path / "t.pdf", {2: 3}))
    assert turned[2][0] == pages(source)[2][0] > 0
    # a scan whose page image is drawn inside a form: a scan (its image counted)
    scan = DATA / "partly-scanned.pdf"
    placed = pages(_placed(scan, tmp_path / "s.pdf", {}))
    assert [n for _, n in placed] == [n for _, n in pages(scan)]
    assert any(n for _, n in placed)


def test_a_scan_inside_forms_is_still_a_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = _placed(DATA / "partly-scanned.pdf", tmp_path / "s.pdf", {})
    report = api.read_path(path)
    assert report.unread_pages == api.read_path(DATA / "partly-scanned.pdf").unread_pages != []
    with pytest.raises(InputError):
        api.read_path(_placed(DATA / "scanned.pdf", tmp_path / "all.pdf", {}))


@pytest.mark.parametrize("borderless", [False, True])
def test_a_page_printed_sideways_is_read(tmp_path: Path, borderless: bool) -> None:
    """The WPS-like report with its 表三 page (3) printed sideways: a landscape page whose
    content is turned a quarter turn in the content stream (the text runs up the page)."""
    import sys

    pytest.importorskip("reportlab")
    sys.path.insert(0, str(DATA))
    import make_wps_like as mw

    if not mw.CJK_FILE.exists():
        pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed")
    path = mw.make_report("sideways", tmp_path, borderless=borderless, sideways=(3,))
    doc = pdfium.PdfDocument(path)
    w, h = doc[2].get_size()
    assert w > h  # the page is landscape, its text turned
    report = api.read_path(path)
    assert _wrong(tmp_path / "sideways.expected.json", report) == []
    assert api.check(report, Settings()) == []
