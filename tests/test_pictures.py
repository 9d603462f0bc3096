"""A table printed as a picture is not called missing.

Many published reports carry a table as a picture: a screenshot of the spreadsheet pasted into
the Word file, an ``<img>`` on the web page, an image on the PDF page. What a picture shows is
not read, so such a table is not in the text; when a picture stands where the table belongs
(from section 二 to the table's own section), the finding is RC003 ("not read", naming the
picture), not RC101 ("missing"), and a correct report passes. A picture elsewhere (a logo
above the title, a seal over the signature) or an icon does not excuse a missing table.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.readers import ocr

DATA = Path(__file__).parent / "data" / "pdf"
HTML = (DATA / "chromium-2021-clean.html").read_text("utf-8")
PNG = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 32).decode()


def _tables(html: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"<table.*?</table>", html, re.S)]


def _replace(html: str, which: list[int], by: str) -> str:
    """The page with its ``which`` tables (0: 表二, 1: 表三, 2: 表四) replaced by ``by``."""
    for k in sorted(which, reverse=True):
        a, b = _tables(html)[k]
        html = html[:a] + by + html[b:]
    return html


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_bytes(content)
    return path


def _findings(tmp_path: Path, name: str, content: str | bytes) -> list[Finding]:
    settings = Settings()
    return api.check(api.read_path(_write(tmp_path, name, content), settings), settings)


def _picture_findings(findings: list[Finding]) -> dict[str, str]:
    """Table id → the picture's address, for each RC003 that names one."""
    return {
        f.table: f.location.address
        for f in findings
        if f.code == "RC003" and f.table and f.location and "picture" in f.location.address
    }


def test_a_web_page_with_3_as_a_picture_passes_and_says_so(tmp_path: Path) -> None:
    page = _replace(HTML, [1], f'<p><img src="{PNG}" alt=""></p>')
    findings = _findings(tmp_path, "r.html", page)
    assert [f.code for f in findings] == ["RC003"]
    assert _picture_findings(findings) == {"applications": "picture 1"}
    f = findings[0]
    assert "第 1 幅图片" in f.message and "不一定是缺表" in f.message
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    en = CliRunner().invoke(app, ["validate", str(tmp_path / "r.html"), "--lang", "en"])
    assert "a picture stands where it belongs (picture 1)" in " ".join(en.output.split())


def test_each_table_is_matched_with_the_picture_in_its_own_section(tmp_path: Path) -> None:
    page = _replace(HTML, [0, 1, 2], f'<p><img src="{PNG}" width="600" height="400"></p>')
    findings = _findings(tmp_path, "r.html", page)
    assert not [f for f in findings if f.code in ("RC101", "RC111")]
    assert _picture_findings(findings) == {
        "proactive_disclosure": "picture 1",
        "applications": "picture 2",
        "review_litigation": "picture 3",
    }


def test_all_three_tables_in_one_picture_under_2(tmp_path: Path) -> None:
    page = _replace(HTML, [1, 2], "")
    page = _replace(page, [0], f'<p><img src="{PNG}"></p>')
    findings = _findings(tmp_path, "r.html", page)
    assert not [f for f in findings if f.code == "RC101"]
    assert set(_picture_findings(findings)) == {
        "proactive_disclosure",
        "applications",
        "review_litigation",
    }


def test_a_heading_printed_in_the_picture_with_its_table(tmp_path: Path) -> None:
    page = _replace(HTML, [1], f'<p><img src="{PNG}"></p>')
    page = page.replace("<h2>三、收到和处理政府信息公开申请情况</h2>", "")
    findings = _findings(tmp_path, "r.html", page)
    assert not [f for f in findings if f.code in ("RC101", "RC111", "RC113", "RC114")]
    heading = [f for f in findings if f.code == "RC003" and f.table is None]
    assert len(heading) == 1 and "标题可能和表格一起印在图片中" in heading[0].message


def test_the_picture_of_2_is_no_picture_of_4_when_3_is_in_the_text(tmp_path: Path) -> None:
    """表二 printed as a picture under 二, 表三 in the text, 表四 replaced by a sentence (or
    section 四 left out): 表四 is missing — 表三 stands between the picture and its place."""
    pictured = _replace(HTML, [0], f'<p><img src="{PNG}" width="600" height="300"></p>')
    page = _replace(pictured, [1], "<p>本年度未发生行政复议、行政诉讼情况。</p>")
    findings = _findings(tmp_path, "r.html", page)
    assert _picture_findings(findings) == {"proactive_disclosure": "picture 1"}
    assert [(f.code, f.table) for f in findings if f.code != "RC003"] == [
        ("RC101", "review_litigation")
    ]
    four = "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>"
    assert four in pictured
    page = _replace(pictured, [1], "").replace(four, "")
    codes = [f.code for f in _findings(tmp_path, "r.html", page)]
    assert codes.count("RC101") == 1 and codes.count("RC111") == 1


@pytest.mark.parametrize(
    "picture",
    [
        '<img src="icon.png" width="16" height="16">',  # an icon
        '<img src="x.gif" style="width: 20px; height: 20px">',
        '<img src="x.gif" style="width:1cm;height:0.8cm">',
        '<img src="x.gif" style="width:30pt;height:30pt">',
    ],
)
def test_an_icon_does_not_excuse_a_missing_table(tmp_path: Path, picture: str) -> None:
    page = _replace(HTML, [1], f"<p>{picture}</p>")
    codes = [f.code for f in _findings(tmp_path, "r.html", page)]
    assert codes == ["RC101"]


@pytest.mark.parametrize(
    "style", ["width:15cm;height:9cm", "width:6in", "width:100%", "width:40em", "height:400px"]
)
def test_a_picture_sized_in_other_units_is_no_icon(tmp_path: Path, style: str) -> None:
    """15 cm is no icon of 15 pixels (Word's web pages size pictures in cm and pt)."""
    page = _replace(HTML, [1], f'<p><img src="/up/t3.png" style="{style}"></p>')
    assert _picture_findings(_findings(tmp_path, "r.html", page)) == {"applications": "picture 1"}


def test_a_picture_outside_the_tables_sections_does_not_excuse_one(tmp_path: Path) -> None:
    logo = f'<p><img src="{PNG}" alt="logo"></p>'
    page = _replace(HTML, [1], "").replace("<body>", f"<body>{logo}", 1)
    five = "<h2>五、存在的主要问题及改进情况</h2>"
    assert five in page
    page = page.replace(five, five + logo)
    codes = [f.code for f in _findings(tmp_path, "r.html", page)]
    assert codes == ["RC101"]


def test_a_word_file_with_3_pasted_as_a_picture(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.shared import Cm

    png = tmp_path / "t.png"
    png.write_bytes(_png(300, 200))
    out = {}
    for name, width in (("picture", Cm(15)), ("icon", Cm(0.5))):
        doc = docx.Document(str(DATA / "lo-2021-clean.docx"))
        table = doc.tables[1]
        para = doc.add_paragraph()
        para.add_run().add_picture(str(png), width=width)
        table._tbl.addprevious(para._p)
        table._tbl.getparent().remove(table._tbl)
        doc.save(str(tmp_path / f"{name}.docx"))
        out[name] = _findings(tmp_path, f"{name}.docx", (tmp_path / f"{name}.docx").read_bytes())
    assert _picture_findings(out["picture"]) == {"applications": "picture 1"}
    assert [f.code for f in out["picture"]] == ["RC003"]
    assert [f.code for f in out["icon"]] == ["RC101"]


def _png(width: int, height: int) -> bytes:
    """A grey PNG (python-docx reads its size from the header)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    raw = b"".join(b"\0" + b"\xc0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _wps(tmp_path: Path, name: str, **options: object) -> list[Finding]:
    pytest.importorskip("reportlab")
    pytest.importorskip("pypdfium2")
    sys.path.insert(0, str(DATA))
    import make_wps_like as mw

    if not mw.CJK_FILE.exists():
        pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed")
    path = mw.make_report(name, tmp_path, **options)
    settings = Settings()
    with pytest.MonkeyPatch.context() as m:  # what is said without the recognition extra
        m.setattr(ocr, "available", lambda: False)
        return api.check(api.read_path(path, settings), settings)


def test_a_pdf_with_3_as_an_image_on_a_page_with_text(tmp_path: Path) -> None:
    findings = _wps(tmp_path, "pic", pictures=("[表三]",), seal=True)
    assert [f.code for f in findings] == ["RC003"]
    assert _picture_findings(findings) == {"applications": "page 3, picture 1"}
    assert "第 3 页第 1 幅图片" in findings[0].message


def test_a_pdf_with_every_table_an_image(tmp_path: Path) -> None:
    findings = _wps(tmp_path, "pics", pictures=("[表二]", "[表三]", "[表四]"))
    assert not [f for f in findings if f.code == "RC101"]
    where = _picture_findings(findings)
    assert set(where) == {"proactive_disclosure", "applications", "review_litigation"}
    assert len(set(where.values())) == 3  # each its own picture


def test_a_seal_is_no_picture_of_a_table(tmp_path: Path) -> None:
    """The seal over the signature stands in section 六: the report, read whole, passes
    with no finding; the picture is there but excuses nothing."""
    findings = _wps(tmp_path, "seal", seal=True)
    assert findings == []
    report = api.read_path(tmp_path / "seal.pdf")
    assert [p.section for p in report.pictures] == [6]


_NAMESPACES = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}


def _word_with(tmp_path: Path, name: str, run: str, sentence: str = "") -> list[Finding]:
    """The findings on the LibreOffice test report with 表三 replaced by ``run`` (a run's
    raw XML: a drawing, an object) and ``sentence``."""
    import zipfile

    docx = pytest.importorskip("docx")
    doc = docx.Document(str(DATA / "lo-2021-clean.docx"))
    table = doc.tables[1]
    para = doc.add_paragraph(f"{sentence}DRAWING-HERE")
    table._tbl.addprevious(para._p)
    table._tbl.getparent().remove(table._tbl)
    doc.save(str(tmp_path / "base.docx"))
    with (
        zipfile.ZipFile(tmp_path / "base.docx") as z,
        zipfile.ZipFile(tmp_path / name, "w") as out,
    ):
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8").replace("DRAWING-HERE", f"</w:t></w:r>{run}<w:r><w:t>")
                declare = "".join(
                    f'xmlns:{k}="{uri}" '
                    for k, uri in _NAMESPACES.items()
                    if f"xmlns:{k}=" not in xml
                )
                data = xml.replace("<w:document ", f"<w:document {declare}", 1).encode("utf-8")
            out.writestr(item, data)
    return _findings(tmp_path, name, (tmp_path / name).read_bytes())


def test_a_worksheet_embedded_as_an_object_in_word(tmp_path: Path) -> None:
    """A worksheet pasted into Word as an object shows as its picture (``w:object`` with a
    VML shape): the table is not in the text, and is not called missing."""
    obj = (
        '<w:r><w:object w:dxaOrig="8306" w:dyaOrig="4573">'
        '<v:shape id="s1" style="width:415.3pt;height:228.65pt"><v:imagedata r:id="rId99"/>'
        '</v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="s1" '
        'r:id="rId98"/></w:object></w:r>'
    )
    findings = _word_with(tmp_path, "object.docx", obj)
    assert [f.code for f in findings] == ["RC003"]
    assert _picture_findings(findings) == {"applications": "picture 1"}


_EMU = 12_700


def _drawing(graphic: str, anchor: str = "inline") -> str:
    """A DrawingML drawing 425 by 227 points (15 by 8 cm) holding ``graphic``."""
    return (
        f'<w:drawing><wp:{anchor}><wp:extent cx="{425 * _EMU}" cy="{227 * _EMU}"/>'
        f'<wp:docPr id="7" name="d"/><a:graphic><a:graphicData uri="urn:x">{graphic}'
        f"</a:graphicData></a:graphic></wp:{anchor}></w:drawing>"
    )


_BLIP = '<pic:pic><pic:blipFill><a:blip r:embed="rId97"/></pic:blipFill></pic:pic>'
_CHART = '<c:chart r:id="rId96"/>'
_TEXT_BOX = (
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>注：数据截至12月31日</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp>"
)


@pytest.mark.parametrize(
    "run",
    [
        pytest.param(f"<w:r>{_drawing(_CHART)}</w:r>", id="a chart"),
        pytest.param(
            f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{_drawing(_TEXT_BOX, "anchor")}'
            '</mc:Choice><mc:Fallback><w:pict><v:shape style="width:425pt;height:227pt">'
            "<v:textbox><w:txbxContent><w:p/></w:txbxContent></v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>",
            id="a text box",
        ),
        pytest.param(
            '<w:r><w:pict><v:line from="0,0" to="440pt,0" strokecolor="red"/></w:pict></w:r>',
            id="a line",
        ),
    ],
)
def test_a_drawing_that_shows_no_image_excuses_nothing(tmp_path: Path, run: str) -> None:
    """A chart, a text box or a line under 三 where 表三 is replaced by a sentence: 表三 is
    missing, it was not printed as a picture."""
    findings = _word_with(tmp_path, "drawing.docx", run, "本年度未收到政府信息公开申请。")
    assert [(f.code, f.table) for f in findings] == [("RC101", "applications")]


def test_a_picture_with_its_fallback_is_one_picture(tmp_path: Path) -> None:
    """Word writes a drawing in ``mc:AlternateContent`` with a VML copy as its fallback:
    one picture, counted once; floating (``wp:anchor``) or not."""
    run = (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{_drawing(_BLIP, "anchor")}'
        '</mc:Choice><mc:Fallback><w:pict><v:shape style="width:425pt;height:227pt">'
        '<v:imagedata r:id="rId97"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
        "</w:r>"
    )
    findings = _word_with(tmp_path, "fallback.docx", run)
    assert [f.code for f in findings] == ["RC003"]
    assert _picture_findings(findings) == {"applications": "picture 1"}
    assert len(api.read_path(tmp_path / "fallback.docx").pictures) == 1


# ------------------------------------------------------------------ the report elsewhere

SHELL = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>临川市自然资源和规划局2024年政府信息公开工作年度报告</title></head><body>
<div><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zn.doc">公开指南</a></div>
<h1>临川市自然资源和规划局2024年政府信息公开工作年度报告</h1>
<p>发布时间：2025-01-20　来源：本局办公室</p>
{body}
<p>【打印本页】【关闭窗口】</p></body></html>
"""


def test_a_page_that_only_links_to_the_report_is_refused_naming_it(tmp_path: Path) -> None:
    link = '<p>附件：<a href="/up/2025/P020250120612345.pdf">2024年政府信息公开工作年度报告.pdf</a></p>'
    path = tmp_path / "shell.html"
    path.write_text(SHELL.format(body=link), "utf-8")
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "只有附件" in err.value.problem
    assert "「2024年政府信息公开工作年度报告.pdf」" in err.value.problem
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('<iframe src="/pdfjs/web/viewer.html?file=/up/2024nb.pdf"></iframe>', "2024nb.pdf"),
        ('<embed src="/up/2024nb.pdf" type="application/pdf">', "2024nb.pdf"),
        ('<object data="/up/2024nb.pdf" type="application/pdf"></object>', "2024nb.pdf"),
        (
            '<p><a href="/servlet/download?fileid=123">2024年政府信息公开工作年度报告.pdf</a></p>',
            "2024年政府信息公开工作年度报告.pdf",
        ),
    ],
    ids=["pdf.js", "embed", "object", "download link"],
)
def test_a_page_showing_the_report_or_linking_it_by_name_is_refused(
    tmp_path: Path, body: str, name: str
) -> None:
    """The report shown in the page by the browser's PDF viewer, or linked through a
    download address that names no file (its text does): refused naming it, not three
    RC101."""
    path = _write(tmp_path, "shell.html", SHELL.format(body=body))
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "只有附件" in err.value.problem and f"「{name}」" in err.value.problem


def test_a_page_of_pictures_only_is_refused_saying_so(tmp_path: Path) -> None:
    pages = "".join(f'<p><img src="/up/page{k}.jpg"></p>' for k in range(1, 6))
    path = tmp_path / "pictures.html"
    path.write_text(SHELL.format(body=pages), "utf-8")
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "5 幅图片" in err.value.problem


def test_a_table_in_a_linked_attachment_is_not_missing(tmp_path: Path) -> None:
    link = '<p>详见附件：<a href="/up/P0202501.xls">附表：依申请公开情况统计表.xls</a></p>'
    findings = _findings(tmp_path, "r.html", _replace(HTML, [1], link))
    assert [f.code for f in findings] == ["RC003"]
    assert findings[0].table == "applications"
    assert "「附表：依申请公开情况统计表.xls」" in findings[0].message


def test_links_to_the_reports_of_past_years_excuse_nothing(tmp_path: Path) -> None:
    """The site lists its past reports beside the page of the 2024 report: 表三 replaced
    by a sentence is missing from it (a link to this year's tables would excuse it)."""
    side = (
        '<ul><li><a href="/up/P0201.pdf">2023年政府信息公开工作年度报告.pdf</a></li>'
        '<li><a href="/up/P0202.pdf">2022年度报告.pdf</a></li></ul>'
    )
    page = _replace(HTML, [1], "<p>本年度未收到政府信息公开申请。</p>")
    page = page.replace("</body>", f"{side}</body>")
    assert api.read_path(_write(tmp_path, "r.html", page)).metadata.year == 2024
    findings = _findings(tmp_path, "r.html", page)
    assert [(f.code, f.table) for f in findings] == [("RC101", "applications")]
    this_year = '<p><a href="/up/P0203.xls">2024年依申请公开情况统计表.xls</a></p>'
    findings = _findings(tmp_path, "r.html", page.replace("</body>", f"{this_year}</body>"))
    assert [(f.code, f.table) for f in findings] == [("RC003", "applications")]


def test_a_link_to_another_document_excuses_nothing(tmp_path: Path) -> None:
    link = '<p><a href="/up/zhinan.doc">政府信息公开指南.doc</a></p>'
    findings = _findings(tmp_path, "r.html", _replace(HTML, [1], link))
    assert [f.code for f in findings] == ["RC101"]


def _pages_docx(tmp_path: Path, png_pages: list[bytes], logo: bool = False) -> Path:
    docx = pytest.importorskip("docx")
    from docx.shared import Cm

    doc = docx.Document()
    if logo:  # the agency's emblem, 150 × 80 px shown 3 cm wide, before the pages
        (tmp_path / "logo.png").write_bytes(_png(150, 80))
        doc.add_picture(str(tmp_path / "logo.png"), width=Cm(3))
    for k, png in enumerate(png_pages):
        (tmp_path / f"p{k}.png").write_bytes(png)
        doc.add_picture(str(tmp_path / f"p{k}.png"), width=Cm(17))
    doc.save(str(tmp_path / "pages.docx"))
    return tmp_path / "pages.docx"


def test_word_pages_pasted_as_pictures_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = _pages_docx(tmp_path, [_png(400, 560), _png(400, 560)])
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "2 幅图片" in err.value.problem and ocr.INSTALL in err.value.problem


@pytest.mark.slow
@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_word_pages_pasted_as_pictures_are_recognised(tmp_path: Path) -> None:
    """Pages 3 and 4 of the LibreOffice test report (表三, 表四) rendered at 200 dpi and
    pasted into Word after the agency's logo: read by recognition, page by page, the logo
    left out; never a wrong value. (The whole report's scan is read by tests/test_ocr.py.)"""
    import io

    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(DATA / "lo-2021-clean.pdf")
    pngs = []
    for i in (2, 3):
        out = io.BytesIO()
        doc[i].render(scale=200 / 72).to_pil().save(out, "PNG", dpi=(200, 200))
        pngs.append(out.getvalue())
    path = _pages_docx(tmp_path, pngs, logo=True)  # the logo left out, not the file refused
    settings = Settings()
    settings.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    report = api.read_path(path, settings)
    assert sorted(report.recognised) == [1, 2]
    text = api.read_path(DATA / "lo-2021-clean.pdf")
    same = unread = 0
    for table_id in ("applications", "review_litigation"):
        for key, cell in text.tables[table_id].cells.items():
            got = report.tables[table_id].cells.get(key)
            assert got is not None, (table_id, key)
            if got.value is None and got.raw:
                unread += 1  # said: RC003
            else:
                assert got.value == cell.value, (table_id, key, got.raw)
                same += 1
    assert unread <= 5 and same > 180
    findings = api.check(report, settings)
    assert not [f for f in findings if f.code in ("RC101", "RC102", "RC103") and f.table]


needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


@pytest.fixture(scope="module")
def table3_jpeg() -> bytes:
    """表三 of the LibreOffice test report (page 3), rendered at 200 dpi and cut out: the
    picture a clerk pastes in for the table."""
    import io

    import pypdfium2 as pdfium

    from reportcheck.readers.pdf.pdfium import _open, _pages
    from reportcheck.readers.pdf.ruled import _find_tables

    source = DATA / "lo-2021-clean.pdf"
    doc = _open(str(source), source.read_bytes())
    pages = _pages(str(source), doc)
    doc.close()
    page = next(p for p in pages if p.number == 3)
    _find_tables(page, [10**6])
    table = max(page.tables, key=lambda t: len(t.cells))
    scale = 200 / 72
    image = pdfium.PdfDocument(source)[2].render(scale=scale).to_pil().convert("RGB")
    box = (table.x0 - 4, table.top - 4, table.x1 + 4, table.ys[-1] + 4)
    out = io.BytesIO()
    image.crop(tuple(round(v * scale) for v in box)).save(out, "JPEG", quality=90, dpi=(200, 200))
    return out.getvalue()


def _table3_as_read(report: object) -> None:
    """Every value of 表三 as the text PDF gives it, or not read (said); never wrong."""
    from reportcheck.model.report import Report

    assert isinstance(report, Report)
    text = api.read_path(DATA / "lo-2021-clean.pdf")
    same = unread = 0
    for key, cell in text.tables["applications"].cells.items():
        got = report.tables["applications"].cells.get(key)
        assert got is not None, key
        if got.value is None and got.raw and cell.value is not None:
            unread += 1
        else:
            assert got.value == cell.value, (key, got.raw)
            same += 1
    assert unread <= 5 and same > 150


@pytest.mark.slow
@needs_ocr
def test_with_the_extra_a_table_printed_as_a_picture_in_a_pdf_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table3_jpeg: bytes
) -> None:
    """The picture of 表三 printed in the WPS-like report: its page is read from its image,
    the other pages from the text layer; every value as printed or not read, none wrong,
    nothing missing."""
    sys.path.insert(0, str(DATA))
    import make_wps_like as mw

    if not mw.CJK_FILE.exists():
        pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed")
    monkeypatch.setattr(mw, "GREY_JPEG", table3_jpeg)
    path = mw.make_report("picture3", tmp_path, pictures=("[表三]",))
    settings = Settings()
    settings.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    report = api.read_path(path, settings)
    assert len(report.recognised) == 1  # the page with the picture, only
    _table3_as_read(report)
    findings = api.check(report, settings)
    assert not [f for f in findings if f.code in ("RC101", "RC102", "RC103", "RC111")]
    assert not [f for f in findings if f.severity == "error"]


@pytest.mark.slow
@needs_ocr
@pytest.mark.parametrize("where", ["data", "beside", "outside", "web"])
def test_with_the_extra_a_picture_of_3_on_a_web_page(
    tmp_path: Path, table3_jpeg: bytes, where: str
) -> None:
    """A page with 表三 as a picture: inline (``data:``), or saved with the page into its
    ``_files`` folder, is recognised; an image outside the page's folder or on the web is
    not fetched (the table named as a picture, RC003)."""
    page_dir = tmp_path / "page"
    (page_dir / "r_files").mkdir(parents=True)
    (page_dir / "r_files" / "t3.jpg").write_bytes(table3_jpeg)
    (tmp_path / "t3.jpg").write_bytes(table3_jpeg)
    src = {
        "data": "data:image/jpeg;base64," + base64.b64encode(table3_jpeg).decode(),
        "beside": "r_files/t3.jpg",
        "outside": "../t3.jpg",
        "web": "https://www.example.gov.cn/up/t3.jpg",
    }[where]
    path = page_dir / "r.html"
    path.write_text(_replace(HTML, [1], f'<p><img src="{src}"></p>'), "utf-8")
    settings = Settings()
    settings.timeout = 600.0  # a slow shared machine: the bounds are tested elsewhere
    report = api.read_path(path, settings)
    findings = api.check(report, settings)
    assert not [f for f in findings if f.severity == "error"]
    if where in ("outside", "web"):
        assert "applications" not in report.tables
        assert _picture_findings(findings) == {"applications": "picture 1"}
        return
    _table3_as_read(report)
    assert report.recognised_pictures and set(report.recognised_pictures) == {1}
    for f in findings:  # placed in the picture, and saying it was recognised
        assert f.location is not None and f.location.address.startswith("picture 1")
        assert "识别自图像" in f.message and "第 1 幅图片" in f.message


@pytest.mark.slow
@needs_ocr
def test_with_the_extra_a_picture_of_3_in_a_word_file(tmp_path: Path, table3_jpeg: bytes) -> None:
    docx = pytest.importorskip("docx")
    from docx.shared import Cm

    (tmp_path / "t3.jpg").write_bytes(table3_jpeg)
    doc = docx.Document(str(DATA / "lo-2021-clean.docx"))
    table = doc.tables[1]
    para = doc.add_paragraph()
    para.add_run().add_picture(str(tmp_path / "t3.jpg"), width=Cm(16))
    table._tbl.addprevious(para._p)
    table._tbl.getparent().remove(table._tbl)
    doc.save(str(tmp_path / "r.docx"))
    settings = Settings()
    settings.timeout = 600.0
    report = api.read_path(tmp_path / "r.docx", settings)
    _table3_as_read(report)
    assert not [f for f in api.check(report, settings) if f.severity == "error"]


@pytest.mark.slow
@needs_ocr
def test_recognition_never_loads_the_model_in_the_calling_process(
    tmp_path: Path, table3_jpeg: bytes
) -> None:
    """A picture of a web page or a Word file is recognised in a child under the limits, as
    a PDF's scanned pages are: the model and its threads never load in the process that
    reads (a batch's PDFs read after them could not load PDFium in their limited children:
    an internal error for every PDF after a recognised picture)."""
    import subprocess

    src = "data:image/jpeg;base64," + base64.b64encode(table3_jpeg).decode()
    page = tmp_path / "a.html"
    page.write_text(_replace(HTML, [1], f'<p><img src="{src}"></p>'), "utf-8")
    script = (
        "import sys\n"
        "from reportcheck import api\n"
        f"report = api.read_path({str(page)!r})\n"
        "assert 'applications' in report.tables, 'not recognised'\n"
        "assert 'onnxruntime' not in sys.modules, 'the model loaded here'\n"
        "assert 'rapidocr_onnxruntime' not in sys.modules\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "viewer",
    [
        '<iframe src="/pdfjs/web/viewer.html?file=/up/2025/P020250120612.pdf"></iframe>',
        '<embed src="/up/2025/P020250120612.pdf" type="application/pdf">',
        '<object data="/up/2025/P020250120612.pdf" type="application/pdf"></object>',
    ],
)
def test_a_page_showing_the_report_in_a_viewer_is_refused_naming_it(
    tmp_path: Path, viewer: str
) -> None:
    path = tmp_path / "viewer.html"
    path.write_text(SHELL.format(body=viewer), "utf-8")
    with pytest.raises(InputError) as err:
        api.read_path(path)
    # the document shown is named first, before the site's 公开指南 linked in its menu
    assert "只有附件 「P020250120612.pdf」" in err.value.problem
