"""The PDF reader, on PDFs made by LibreOffice (from .docx) and Chromium (from HTML), on
PDFs built the way WPS 文字 exports them, and on a real WPS export of the corpus.

The PDFs, their sources and the figures they print are in tests/data/pdf/, made by
``make_pdfs.py`` there (the tests need neither tool) and ``make_wps_like.py`` (reportlab). Each case is checked three ways:
every table cell as printed (``NAME.expected.json``), the same findings as its source
document read by the Word or HTML reader, and places given as page and line.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck.cli import app, expand_paths
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import Report
from reportcheck.readers.detect import sniff

pdfium = pytest.importorskip("pypdfium2")

DATA = Path(__file__).parent / "data" / "pdf"
CASES = sorted(p.name.removesuffix(".expected.json") for p in DATA.glob("*.expected.json"))
runner = CliRunner()

CELL_PLACE = re.compile(r"^page (\d+), line (\d+), col (\d+)$")
LINE_PLACE = re.compile(r"^page (\d+), line (\d+)$")


def _source(case: str) -> Path:
    docx = DATA / f"{case}.docx"
    return docx if docx.exists() else DATA / f"{case}.html"


def _expected(case: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((DATA / f"{case}.expected.json").read_text("utf-8"))
    return data


def _read(name: str) -> Report:
    return api.read_path(DATA / name)


def _page_text(name: str, page: int) -> str:
    doc = pdfium.PdfDocument(DATA / name)
    try:
        text = str(doc[page - 1].get_textpage().get_text_range())
        return re.sub(r"\s+", "", text)
    finally:
        doc.close()


def test_every_case_is_there() -> None:
    assert len(CASES) >= 5
    assert {c.split("-")[0] for c in CASES} == {"lo", "chromium", "wps"}
    assert {_expected(c)["version"] for c in CASES} == {"2019", "2021"}


@pytest.mark.parametrize("case", CASES)
def test_every_table_value_is_read_exactly(case: str) -> None:
    expected = _expected(case)
    report = _read(f"{case}.pdf")
    assert report.kind == "pdf"
    assert report.format_version == expected["version"]
    assert report.metadata.year == expected["year"]
    assert report.metadata.agency == expected["agency"]
    tables = expected["tables"]
    assert isinstance(tables, dict)
    wrong = []
    count = 0
    for table_id, rows in tables.items():
        data = report.tables[table_id]
        for row_id, cols in rows.items():
            for col_id, text in cols.items():
                count += 1
                cell = data.get(row_id, col_id)
                got = None if cell is None else cell.raw.strip()
                if got != text:
                    wrong.append((table_id, row_id, col_id, text, got))
    assert count >= 186  # (a report printing （六）其他处理 as one row has 186)
    assert wrong == []


def _keys(report: Report) -> list[tuple[str, str | None, str | None, str | None, int]]:
    return sorted(
        (f.code, f.table, f.row, f.column, len(f.cells)) for f in api.check(report, Settings())
    )


@pytest.mark.parametrize("case", CASES)
def test_same_values_and_findings_as_the_source_document(case: str) -> None:
    as_pdf = _read(f"{case}.pdf")
    source = api.read_path(_source(case))
    assert _keys(as_pdf) == _keys(source)
    for table_id, data in source.tables.items():
        mine = as_pdf.tables[table_id]
        assert {k: (c.value, c.state) for k, c in mine.cells.items()} == {
            k: (c.value, c.state) for k, c in data.cells.items()
        }
    assert [(s.number, s.heading) for s in as_pdf.sections or []] == [
        (s.number, s.heading) for s in source.sections or []
    ]
    assert as_pdf.metadata == source.metadata


def test_clean_reports_have_no_findings() -> None:
    for case in (
        "lo-2021-clean",
        "chromium-2021-clean",
        "chromium-2019-negative",
        "wps-2021-clean",
        "wps-2021-borderless",
    ):
        assert api.check(_read(f"{case}.pdf")) == [], case


def test_errors_are_found_and_placed_by_page_and_line() -> None:
    report = _read("lo-2021-errors.pdf")
    found = {(f.code, f.row, f.column): f for f in api.check(report)}
    assert set(found) >= {
        ("RC300", "granted", "total"),
        ("RC300", "total", "natural_person"),
        ("RC304", "review", "total"),
        ("RC401", "new_received", "total"),
    }
    cell = report.tables["applications"].get("granted", "total")
    assert cell is not None and cell.location is not None
    m = CELL_PLACE.match(cell.location.address)
    assert m, cell.location
    assert cell.location.zh == f"第 {m[1]} 页第 {m[2]} 行第 {m[3]} 列"
    assert m[3] == "10"  # 总计 is the tenth column of 表三's grid
    assert "（一）予以公开" in _page_text("lo-2021-errors.pdf", int(m[1]))
    prose = found[("RC401", "new_received", "total")]
    assert prose.location is not None
    m = LINE_PLACE.match(prose.location.address)
    assert m, prose.location
    assert prose.location.zh == f"第 {m[1]} 页第 {m[2]} 行"
    assert "全年新收政府信息公开申请80件" in _page_text("lo-2021-errors.pdf", int(m[1]))


def test_every_value_has_a_page_and_line() -> None:
    for case in CASES:
        report = _read(f"{case}.pdf")
        for data in report.tables.values():
            for cell in data.cells.values():
                assert cell.location is not None and CELL_PLACE.match(cell.location.address)


def test_line_numbers_count_from_the_top_of_the_page() -> None:
    """The title is on line 1 of page 1 (LibreOffice puts the running header above it)."""
    report = _read("chromium-2021-clean.pdf")
    assert report.place(0) is not None
    assert report.place(0).address == "page 1, line 1"  # type: ignore[union-attr]
    lo = _read("lo-2021-clean.pdf")
    assert lo.place(0).address == "page 1, line 2"  # type: ignore[union-attr]


def test_table3_over_a_page_break_is_one_table() -> None:
    """表三 of this report starts on page 3 and ends on page 4, where its three header rows
    are printed again: they are not rows, and the rows of page 4 keep their places."""
    report = _read("lo-2019-errors.pdf")
    t3 = report.tables["applications"]
    pages = {CELL_PLACE.match(c.location.address)[1] for c in t3.cells.values() if c.location}  # type: ignore[index]
    assert pages == {"3", "4"}
    assert not t3.extra_rows
    forward = t3.get("carried_forward", "natural_person")
    assert forward is not None and forward.raw == "22"
    assert forward.location is not None and forward.location.address.startswith("page 4, ")


def test_headers_footers_and_page_numbers_are_not_text() -> None:
    for case in ("lo-2021-clean", "chromium-2021-clean", "chromium-2019-negative"):
        text = _read(f"{case}.pdf").text or ""
        assert not re.search(r"^\s*-\s*\d+\s*-\s*$", text, re.M), case
        assert "file://" not in text
        assert "政府信息公开\n" not in text  # the running header of the LibreOffice pages
        assert not re.search(r"\d+/\d+\s*$", text, re.M), case


def test_a_sentence_split_by_a_page_break_is_joined() -> None:
    """In the LibreOffice report a paragraph of section 三 runs from page 2 onto page 3."""
    text = _read("lo-2021-clean.pdf").text or ""
    assert "建立疑难申请集体研究机制" in text
    assert "“政府信息公开”专栏查阅和下载" in text  # a line break inside a paragraph


def test_merged_labels_down_the_side_are_one_cell() -> None:
    report = _read("lo-2021-clean.pdf")
    found = re.findall(r"三\s*、\s*本\s*年\s*度\s*办\s*理\s*结\s*果", report.text or "")
    assert found == ["三、本年度办理结果"]  # one cell, its characters in one piece


# ------------------------------------------------------------------ what cannot be read


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("scanned.pdf", "没有文字层（扫描件）", "no text layer"),
        ("encrypted.pdf", "已加密", "encrypted"),
        ("damaged.pdf", "已损坏", "damaged"),
    ],
)
def test_unreadable_pdfs_are_refused_in_one_line(name: str, zh: str, en: str) -> None:
    with pytest.raises(InputError) as err:
        _read(name)
    assert zh in err.value.problem and en in err.value.problem_en
    result = runner.invoke(app, ["validate", str(DATA / name)])
    assert result.exit_code == 2
    assert zh in "".join(result.output.split()) and "Traceback" not in result.output
    result = runner.invoke(app, ["validate", "--lang", "en", str(DATA / name)])
    assert result.exit_code == 2
    assert en in " ".join(result.output.split())


def test_pdf_is_detected_by_content_not_extension(tmp_path: Path) -> None:
    data = (DATA / "lo-2021-clean.pdf").read_bytes()
    assert sniff("x.pdf", data) == "pdf"
    renamed = tmp_path / "年报.txt"
    renamed.write_bytes(data)
    assert api.read_path(renamed).kind == "pdf"
    assert sniff("x.pdf", b"\r\n%PDF-1.7\n" + data[9:]) == "pdf"


def test_folder_walks_and_globs_include_pdf(tmp_path: Path) -> None:
    shutil.copy(DATA / "lo-2021-clean.pdf", tmp_path / "年报.PDF")
    shutil.copy(DATA / "chromium-2021-clean.pdf", tmp_path / "b.pdf")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["b.pdf", "年报.PDF"]
    assert [Path(p).name for p in expand_paths([str(tmp_path / "*.pdf")])] == ["b.pdf"]
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_input_file_is_not_modified() -> None:
    path = DATA / "lo-2021-errors.pdf"
    before = path.read_bytes()
    api.check(api.read_path(path))
    assert path.read_bytes() == before


def test_the_pre_commit_hook_matches_pdf() -> None:
    hook = (Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    m = re.search(r"^\s*files: (.+)$", hook, re.M)
    assert m is not None
    assert re.search(m[1], "reports/2024/年报.pdf")


def test_tables_without_ruling_lines_are_read_from_where_the_figures_stand() -> None:
    """The same report printed from a page whose tables have no borders: columns from the
    figures' positions, header words broken over lines (「商业企」 over 「业」) joined, 表二's
    blocks, 表三 over the page break with its header printed again, 表四's 15 figures."""
    report = _read("chromium-2021-borderless.pdf")
    assert set(report.tables) == {"proactive_disclosure", "applications", "review_litigation"}
    assert api.check(report) == []
    t3 = report.tables["applications"]
    pages = {CELL_PLACE.match(c.location.address)[1] for c in t3.cells.values() if c.location}  # type: ignore[index]
    assert pages == {"2", "3"}
    assert "商业企业" in (report.text or "")


@pytest.mark.parametrize(
    "fmt", ["terminal", "concise", "json", "sarif", "junit", "github", "markdown"]
)
def test_every_output_format_says_page_and_line(fmt: str) -> None:
    """A table cell and a sentence of the prose, placed by page and line in every format
    (Chinese by default; the English words where the format keeps the address as data)."""
    path = DATA / "lo-2021-errors.pdf"
    found = api.check(api.read_path(path))
    places = {f.code: f.location for f in found if f.code in ("RC300", "RC401")}
    assert set(places) == {"RC300", "RC401"}
    result = runner.invoke(app, ["validate", "--format", fmt, str(path)])
    assert result.exit_code == 1, result.output
    out = "".join(result.output.split())
    for loc in places.values():
        assert loc is not None
        assert "".join(loc.zh.split()) in out or "".join(loc.address.split()) in out, (fmt, loc)


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_convert_a_pdf_to_a_submission(tmp_path: Path, suffix: str) -> None:
    """What the PDF says, as a JSON or Excel submission: the same values, checked clean."""
    out = tmp_path / f"年报{suffix}"
    source = DATA / "chromium-2019-negative.pdf"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    again = api.read_path(out)
    original = api.read_path(source)
    assert again.format_version == "2019"
    for table_id, data in original.tables.items():
        assert {k: c.value for k, c in again.tables[table_id].cells.items()} == {
            k: c.value for k, c in data.cells.items()
        }
    change = again.tables["proactive_disclosure"].get("administrative_licensing", "change")
    assert change is not None and change.value == -3
    assert api.check(again) == []


def test_pages_without_text_are_said_and_their_tables_not_called_missing() -> None:
    """Two pages of text, the table pages scanned: the scanned pages are named (RC003), and
    表三 and 表四 are said to be maybe on them, not reported missing (RC101)."""
    report = _read("partly-scanned.pdf")
    found = api.check(report)
    codes = [(f.code, f.table) for f in found]
    assert ("RC003", None) in codes
    assert ("RC003", "applications") in codes and ("RC003", "review_litigation") in codes
    assert not [f for f in found if f.code in ("RC101", "RC111")]  # maybe on the images
    scan = next(f for f in found if f.code == "RC003" and f.table is None)
    assert scan.location is not None and scan.location.zh == "第 3 页"
    assert "proactive_disclosure" in report.tables  # 表二 is on page 2, with text


def test_a_pdf_of_too_many_pages_is_refused(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument.new()
    for _ in range(301):
        doc.new_page(595, 842)
    path = tmp_path / "big.pdf"
    doc.save(str(path))
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "301" in err.value.problem and "pages" in err.value.problem_en


def test_labels_written_as_real_reports_write_them() -> None:
    """lo-2021-label-variants (make_label_variants.py): row labels with a conjunction added, a
    verb replaced, characters lost or swapped, numbering doubled or without 、; headings
    numbered with a comma or renamed — every value read (above), each changed label said
    once as a variant (RC108), nothing called missing, unreadable or unknown."""
    expected = _expected("lo-2021-label-variants")
    found = api.check(_read("lo-2021-label-variants.pdf"))
    assert sorted(f.row or "" for f in found if f.code == "RC108") == sorted(
        expected["variants"]  # type: ignore[arg-type]
    )
    assert [f.code for f in found if f.code != "RC108"] == []
    for f in found:
        assert "\n" not in f.message


# ------------------------------------------------------------------ WPS 文字's exports


def test_the_wps_like_pdfs_are_built_as_wps_builds_them() -> None:
    """What makes WPS's PDFs hard is in the test files: a text object per character in the
    tables, fonts set at size 200 and scaled down by the text matrix, rules as thin filled
    rectangles, the label down the side in a vertical font."""
    raw = pdfium.raw
    doc = pdfium.PdfDocument(DATA / "wps-2021-clean.pdf")
    try:
        page = doc[2]  # 表三 going on
        textpage = page.get_textpage()
        chars = [
            i for i in range(raw.FPDFText_CountChars(textpage.raw))
            if not raw.FPDFText_IsGenerated(textpage.raw, i)
        ]  # fmt: skip
        kinds = [
            raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, k))
            for k in range(raw.FPDFPage_CountObjects(page.raw))
        ]
        assert kinds.count(raw.FPDF_PAGEOBJ_TEXT) >= 0.9 * len(chars)
        assert raw.FPDFText_GetFontSize(textpage.raw, chars[0]) == 200
        filled = 0
        for k, kind in enumerate(kinds):
            if kind == raw.FPDF_PAGEOBJ_PATH:
                fill, stroke = pdfium.raw.c_int(), pdfium.raw.c_int()
                raw.FPDFPath_GetDrawMode(raw.FPDFPage_GetObject(page.raw, k), fill, stroke)
                filled += bool(fill.value and not stroke.value)
        assert filled >= 100
        textpage.close()
        page.close()
    finally:
        doc.close()
    assert b"UniGB-UCS2-V" in (DATA / "wps-2021-clean.pdf").read_bytes()


def test_a_label_down_the_side_in_a_vertical_font_stays_in_its_cell() -> None:
    """三、本年度办理结果 in WPS's vertical font (PDFium boxes its characters 200 points wide
    and tall): one cell, and no row label takes a character of it."""
    for case in ("wps-2021-clean", "wps-2021-single-other"):
        report = _read(f"{case}.pdf")
        text = report.text or ""
        assert re.findall(r"三、本年度办理结果", text) == ["三、本年度办理结果"], case
        # two lines of one cell, its figures centred between them: the label whole, in order
        assert re.search(
            r"^（二）部分公开（区分处理的，只计这一情形，不计其他情形） \| \d", text, re.M
        )
        assert report.tables["applications"].extra_rows == []


def test_a_label_down_the_side_of_a_table_without_rules_is_in_no_row() -> None:
    """Without rules, the characters of 三、本年度办理结果 (one under the other, at one x)
    would be read into the row labels beside them or as rows of their own: they are left
    out, and every row is known by its own label."""
    report = _read("wps-2021-borderless.pdf")
    assert report.tables["applications"].extra_rows == []
    text = report.text or ""
    assert not re.search(r"^(?:三|、|本|年|度|办|理|结|果) \|", text, re.M)
    assert re.search(r"^（一）予以公开 \| 41 \|", text, re.M)


def test_text_just_above_or_below_a_table_without_rules_stays_out_of_it() -> None:
    """The short last line of the paragraph above 表三 is no header line of the table, and
    the heading indented by two characters right under 表四 is no row of it."""
    report = _read("wps-2021-borderless.pdf")
    text = report.text or ""
    assert re.search(
        r"^为进一步提升答复质量，.*确保答复内容准确、依据充分、程序规范。$", text, re.M
    )
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]


def test_a_2021_report_printing_other_handling_as_one_row_is_told_once() -> None:
    """（六）其他处理 as one row (no sub-rows 1.–3.): said once (RC105), not rows missing
    or unreadable; every other cell read."""
    found = api.check(_read("wps-2021-single-other.pdf"))
    assert [f.code for f in found] == ["RC105"]


@requires_shared
def test_the_real_wps_export_009_reads_cell_for_cell() -> None:
    """../shared/corpus/009-hongze-2024.pdf, exported by WPS 文字: all 186 values as read by
    hand, and no finding beyond the report's own: （六）其他处理 as one row (RC105, once: 表三
    read in the 2019 format's rows), the typo'd label 「2.其他法律行政止公开」 read as its row
    (RC108, a hint), the prose's 17 applications of the office against 95 of the government
    (RC401, a warning; soft in the corpus' json), no publication date printed (RC603)."""
    from test_corpus import _actual, _expected, _same

    name = "009-hongze-2024.pdf"
    doc = json.loads((CORPUS / name).with_suffix(".json").read_text("utf-8"))
    report = api.read_path(CORPUS / name)
    assert (report.format_version, report.metadata.year) == ("2021", 2024)
    expected = _expected(doc)
    assert len(expected) == 186
    wrong = [
        f"{key}: read {got!r}, expected {want!r}"
        for key, want in expected.items()
        if not _same(want, got := _actual(report, *key))
    ]
    assert wrong == []
    assert report.tables["applications"].extra_rows == []
    found = api.check(report)
    assert sorted(f.code for f in found) == ["RC105", "RC108", "RC401", "RC603"]
    variant = next(f for f in found if f.code == "RC108")
    assert variant.row == "denied_2"


def test_a_mesh_of_rules_is_no_table_and_the_page_is_still_read(tmp_path: Path) -> None:
    """Rules crossing in a fine mesh (a drawing, hatching): past MAX_GRID cells or MAX_PAIRS
    comparisons they are no table; the text on the page is read as lines all the same."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "mesh.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    for n, text in ((150, "云溪区人民政府2024年政府信息公开工作年度报告"), (2450, "一、总体情况")):
        # a 150 x 150 mesh; 4 900 rules over each other
        c.setFont("STSong-Light", 16)
        c.drawString(60, 810, text)
        for i in range(n):
            c.rect(20 + (i % 180) * 3, 20, 0.3, 760, stroke=0, fill=1)
            c.rect(20, 20 + (i % 250) * 3, 540, 0.3, stroke=0, fill=1)
        c.showPage()
    c.save()
    report = api.read_path(path)
    assert report.metadata.year == 2024
    assert report.tables == {}
    assert "一、总体情况" in (report.text or "")


def test_the_bounds_on_rules_hold() -> None:
    """A finer mesh than MAX_GRID grid cells is no table; comparing more pairs of rules
    than a page or the PDF may stops and leaves the page without tables."""
    from reportcheck.readers.pdf import page as pdf
    from reportcheck.readers.pdf import ruled

    def mesh(n: int, step: float) -> list[pdf._Rule]:
        vertical = [pdf._Rule(10 + i * step, 10, 10.3 + i * step, 800) for i in range(n)]
        horizontal = [pdf._Rule(10, 10 + i * step, 580, 10.3 + i * step) for i in range(n)]
        return vertical + horizontal

    assert ruled._table(1, mesh(20, 20)) is not None
    assert (19 * 19) <= pdf.MAX_GRID < 80 * 80
    assert ruled._table(1, mesh(80, 5)) is None
    budget = [10 * pdf.MAX_PAIRS]
    assert len(ruled._rule_groups(mesh(20, 20), budget)) == 1
    assert budget[0] < 10 * pdf.MAX_PAIRS  # the pairs compared are counted
    crowded = [pdf._Rule(10 + i * 0.01, 10, 10.3 + i * 0.01, 800) for i in range(1500)]
    assert ruled._rule_groups(crowded, budget) == []  # 1.1 million pairs > MAX_PAIRS
    assert ruled._rule_groups(mesh(20, 20), [5]) == []  # the PDF's budget spent


@pytest.mark.parametrize("how", ["stroked lines", "filled thin rectangles"])
def test_a_tables_rules_drawn_as_one_path_make_its_cells(tmp_path: Path, how: str) -> None:
    """Some producers draw all of a table's rules as one path of many pieces (moved by the
    page's transformation): its pieces are the rules, each figure stands in its own cell."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportcheck.readers.pdf import page as pages
    from reportcheck.readers.pdf import pdfium, ruled

    path = tmp_path / "one-path.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.saveState()
    c.translate(100, 500)  # the path's points are its own; its matrix places them
    p = c.beginPath()
    for i in range(4):  # 3 rows
        if how == "stroked lines":
            p.moveTo(0, i * 20)
            p.lineTo(300, i * 20)
        else:
            p.rect(0, i * 20, 300, 0.5)
    for j in range(4):  # 3 columns
        if how == "stroked lines":
            p.moveTo(j * 100, 0)
            p.lineTo(j * 100, 60)
        else:
            p.rect(j * 100, 0, 0.5, 60)
    c.setLineWidth(0.5)
    c.drawPath(p, stroke=how == "stroked lines", fill=how != "stroked lines")
    c.setFont("Helvetica", 10)
    for i in range(3):
        for j in range(3):
            c.drawString(j * 100 + 40, i * 20 + 6, f"{i}{j}")
    c.restoreState()
    c.showPage()
    c.save()
    doc = pdfium._open(str(path), path.read_bytes())
    try:
        (page,) = pdfium._pages(str(path), doc)
    finally:
        doc.close()
    ruled._find_tables(page, [pages.MAX_PAIRS])
    (table,) = page.tables
    assert len(table.cells) == 9
    assert sorted(cell.text() for cell in table.cells) == [
        f"{i}{j}" for i in range(3) for j in range(3)
    ]


def test_a_title_in_large_type_keeps_its_boxes(tmp_path: Path) -> None:
    """Characters far taller than the page's usual ones are fixed only when their ink is
        small (WPS's vertical font): a cover title in 100-point type is read as printed (its ink
    boxes would leave gaps between the digits wide enough for spaces)."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "cover.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Times-Roman", 100)
    c.drawString(80, 700, "2024")
    c.setFont("STSong-Light", 30)
    c.drawString(80, 640, "云溪区人民政府政府信息公开工作年度报告")
    c.setFont("STSong-Light", 12)
    c.drawString(80, 580, "一、总体情况")
    for i in range(1, 30):
        c.drawString(
            80, 560 - i * 16, "本报告根据《中华人民共和国政府信息公开条例》编制，所列数据截至年底。"
        )
    c.showPage()
    c.save()
    report = api.read_path(path)
    assert (report.text or "").startswith("2024\n云溪区人民政府")
