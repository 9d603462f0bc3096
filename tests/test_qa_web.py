"""QA of the shapes real agencies publish other than PDF: CMS web pages, Word files saved
by WPS, workbooks a clerk fills, text copied from a page.

Each test is a false claim found by a sweep of variations of a correct report of our own
(the builders of ``test_html_reader`` and ``test_docx_reader``, ``examples/``): the report
must read every value and give no finding — a row "unreadable", a heading "missing", a
table "in the wrong section" or a figure "not a number" on a correct report is a bug.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import test_docx_reader as word
import test_html_reader as web
from conftest import EXAMPLES
from reportcheck import api
from reportcheck.findings import Finding
from reportcheck.model.report import Report
from reportcheck.model.tables import FORMATS


def _read(tmp_path: Path, name: str, data: bytes) -> tuple[Report, list[Finding]]:
    path = tmp_path / name
    path.write_bytes(data)
    report = api.read_path(path)
    return report, [f for f in api.check(report) if f.code != "RC207"]


def _values(report: Report) -> dict[tuple[str, str, str], object]:
    return {
        (t, r, c): cell.value
        for t, data in report.tables.items()
        for (r, c), cell in data.cells.items()
    }


# ------------------------------------------------------------------ web pages

T3_ROWS = web.table3()
T3_TABLE = web._table(T3_ROWS)


def _page(body: str) -> bytes:
    return web.page(body).encode()


@pytest.mark.parametrize(
    "between", ["- 5 -", "— 12 —", "第 5 页", "（续表）", "续上表", "表三（续）"]
)
def test_html_table_split_at_a_page_break_with_a_page_number_between(
    tmp_path: Path, between: str
) -> None:
    """A page converted from a paginated document splits 表三 in two tables with the page
    number (or 「续表」) between them; the second piece has no header row. Before, each
    row of the second piece was "unreadable" (RC003)."""
    split = web._table(T3_ROWS[:14]) + f"<p>{between}</p>" + web._table(T3_ROWS[14:])
    report, found = _read(tmp_path, "r.html", _page(web.report_body().replace(T3_TABLE, split)))
    web.assert_values(report)
    assert found == []


def test_html_text_between_tables_still_keeps_them_apart() -> None:
    """Only a page number or a continuation note joins two tables; a sentence does not."""
    one = "<table><tr><td>A</td><td>1</td></tr></table>"
    grids = [b.grid for b in web.html.blocks(f"{one}<p>第 5 页</p>{one}") if b.grid]
    assert len(grids) == 1
    grids = [b.grid for b in web.html.blocks(f"{one}<p>本表单位为件。</p>{one}") if b.grid]
    assert len(grids) == 2
    grids = [b.grid for b in web.html.blocks(f"{one}<p>2024</p>{one}") if b.grid]
    assert len(grids) == 2  # a year is no page number


def _heading_in_first_row(body: str) -> str:
    for h in ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"):
        start = '<table border="1" cellspacing="0"><tbody>'
        body = body.replace(
            f"<p>{h}</p>\n{start}",
            f'{start}<tr><td colspan="10"><p><strong>{h}</strong></p></td></tr>',
        )
    return body


def test_html_section_heading_typed_into_the_tables_first_row(tmp_path: Path) -> None:
    """Sites lay out the heading as the first row of its table. Before, the table was said
    to stand in section 二 (RC113), the heading being inside it."""
    body = _heading_in_first_row(web.report_body())
    assert body.count("<strong>") == 2
    report, found = _read(tmp_path, "r.html", _page(body))
    web.assert_values(report)
    assert found == []
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    heading = next(s for s in report.sections or [] if s.number == 3)
    assert heading.location.address == "table 2, row 1, col 1"
    cell = report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None
    assert cell.location.address == "table 2, row 7, col 4"  # rows keep the page's numbers


def test_a_block_title_in_the_first_row_stays_in_the_table() -> None:
    """表二 published one table per 第二十条 block: each first row is a block title, not a
    heading, and the four tables are still read as one."""
    grids = [
        b.grid
        for b in web.html.blocks(
            "<table><tr><td colspan=2>第二十条第（一）项</td></tr><tr><td>规章</td><td>1</td></tr>"
            "</table><table><tr><td colspan=2>第二十条第（五）项</td></tr>"
            "<tr><td>行政许可</td><td>2</td></tr></table>"
        )
        if b.grid
    ]
    assert len(grids) == 1 and grids[0].cells[(1, 1)].text == "第二十条第（一）项"


@pytest.mark.parametrize(
    ("where", "invisible"),
    [("labels", "\u200b"), ("labels", "\xad"), ("labels", "&#8203;"), ("figures", "\u200b")],
)
def test_html_characters_that_show_nothing(tmp_path: Path, where: str, invisible: str) -> None:
    """Web editors leave zero-width spaces and soft hyphens inside labels and figures.
    Before, 「予以\u200b公开」 was a label variant (RC108) and 「12\u200b」 not a number (RC201)."""
    body = web.report_body()
    if where == "labels":
        for label in ("予以公开", "行政处罚", "本机关不掌握", "结转下年度继续办理"):
            body = body.replace(label, label[:2] + invisible + label[2:])
    else:
        body = re.sub(r"<td><p>(\d+)</p></td>", rf"<td><p>\1{invisible}</p></td>", body)
    report, found = _read(tmp_path, "r.html", _page(body))
    web.assert_values(report)
    assert found == []


def _natural_person_over_two_cells(value_right: bool) -> str:
    """表三 with 「自然人」 over two cells (colspan=2) and each row's figure in one of them,
    the other empty: what a page pasted from Word gives when the cell borders of the rows
    do not line up."""
    rows = []
    for i, row in enumerate(T3_ROWS):
        if i == 0:
            row = row.replace('<td colspan="7">', '<td colspan="8">')
        elif i == 1:
            row = re.sub(
                r'<td rowspan="2">(.*?自然人.*?)</td>', r'<td rowspan="2" colspan="2">\1</td>', row
            )
        elif i >= 3:
            cells = re.findall(r"<td(?: [^>]*)?>.*?</td>", row)
            first = cells[-7]
            pair = f"<td>&nbsp;</td>{first}" if value_right else f"{first}<td>&nbsp;</td>"
            row = row.replace("".join(cells[-7:]), pair + "".join(cells[-6:]))
        rows.append(row)
    return web._table(rows)


@pytest.mark.parametrize("value_right", [True, False])
def test_html_header_over_two_cells_with_the_figure_in_either(
    tmp_path: Path, value_right: bool
) -> None:
    """Before, a figure in the right-hand cell under a two-cell header was not read: the
    自然人 column was blank and every row "did not add up" (RC301, a false error)."""
    body = web.report_body().replace(T3_TABLE, _natural_person_over_two_cells(value_right))
    report, found = _read(tmp_path, "r.html", _page(body))
    web.assert_values(report)
    assert found == []


def test_html_table4_columns_over_two_cells() -> None:
    heads = "".join(
        f'<td colspan="2">{c}</td>'
        for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    )
    values = "".join(f"<td></td><td>{v}</td>" for v in web.T4_VALUES)
    table = web._table(
        [
            '<tr><td colspan="10" rowspan="2">行政复议</td><td colspan="20">行政诉讼</td></tr>',
            '<tr><td colspan="10">未经复议直接起诉</td><td colspan="10">复议后起诉</td></tr>',
            f"<tr>{heads * 3}</tr>",
            f"<tr>{values}</tr>",
        ]
    )
    report = web.read(_page(web.report_body().replace(web._table(web.table4()), table)))
    web.assert_values(report)
    cell = report.tables["review_litigation"].get("review", "upheld")
    assert cell is not None and cell.location is not None
    assert cell.location.address == "table 3, row 4, col 2"  # where the figure is


def test_two_figures_under_one_header_are_not_guessed_between() -> None:
    """Under a header over three cells, the first cell empty: one filled cell beside it is
    the column's figure; two are not guessed between (the empty first cell is read)."""
    grid_html = (
        "<table><tr><td>项目</td><td colspan=3>自然人</td><td>总计</td></tr>"
        "<tr><td>一、本年新收政府信息公开申请数量</td><td></td><td></td><td>3</td><td>3</td></tr>"
        "<tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td></td><td></td><td>1</td></tr>"
        "<tr><td>（一）予以公开</td><td></td><td>2</td><td>4</td><td>6</td></tr></table>"
    )
    (grid,) = [b.grid for b in web.html.blocks(grid_html) if b.grid]
    from reportcheck.readers.grid import _under

    assert _under(grid, 2, 2) is grid.cells[(2, 4)]  # the one filled cell under 自然人
    assert _under(grid, 3, 2) is grid.cells[(3, 2)]  # the first cell's own figure
    assert _under(grid, 4, 2) is grid.cells[(4, 2)]  # two figures: not guessed
    assert _under(grid, 2, 5) is grid.cells[(2, 5)]  # a one-cell header: its cell


_SIDEBAR = (
    '<div class="side"><h3>年度报告</h3><ul>'
    '<li><a href="/a">示例县统计局2022年政府信息公开工作年度报告</a></li>'
    '<li><a href="/b">示例县统计局2021年政府信息公开工作年度报告</a></li></ul></div>'
)


@pytest.mark.parametrize("before", [True, False])
def test_html_sidebar_of_other_years_reports(tmp_path: Path, before: bool) -> None:
    """A site lists the agency's other annual reports beside the article — before it in the
    page's source on many templates. Before, the first of them gave the report's year (2022
    instead of 2023): RC601, and the wrong year for every check that uses it."""
    body = _SIDEBAR + web.report_body() if before else web.report_body() + _SIDEBAR
    report, found = _read(tmp_path, "r.html", _page(body))
    web.assert_values(report)
    assert found == []
    assert report.metadata.year == 2023
    assert report.metadata.title == "示例县统计局2023年政府信息公开工作年度报告"


def test_a_sentence_naming_last_years_report_is_no_title() -> None:
    """Between the title and the first heading, a sentence that starts like a title (last
    year's report named) does not replace it: only titles that are their whole line do."""
    from reportcheck.readers.metadata import extract

    md = extract(
        "示例县统计局2023年政府信息公开工作年度报告（全文）\n"
        "2022年政府信息公开工作年度报告中的一处数据有误，特此更正。\n一、总体情况\n正文。"
    )
    assert (md.year, md.agency) == (2023, "示例县统计局")


@pytest.mark.parametrize("marked", ["# {}", "**{}**", "> {}", "## **{}**"])
def test_a_markdown_title_gives_the_agency_and_year(tmp_path: Path, marked: str) -> None:
    """A converter writes the title as a Markdown heading or in bold. Before, 「**2019年X
    政府信息公开工作年度报告**」 gave no title: no agency, so no level, and the deadline
    was not checked (RC603)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    title = text.split("\n", 1)[0]
    report, found = _read(tmp_path, "r.md", text.replace(title, marked.format(title), 1).encode())
    assert (report.metadata.year, report.metadata.agency) == (2024, "示例县市场监督管理局")
    assert found == []


def test_a_title_broken_over_two_lines_keeps_its_agency() -> None:
    from reportcheck.readers.metadata import extract

    md = extract("示例县统计局\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。")
    assert (md.year, md.agency) == (2023, "示例县统计局")


def _info_box(colon: str, spaced: bool) -> str:
    """The information table a government site shows above a disclosed document: label
    cells and value cells (索引号, 发布机构, 发布日期 …), labels with or without a colon,
    sometimes letter-spaced."""

    def label(text: str) -> str:
        return (" ".join(text) if spaced else text) + colon

    return (
        f'<table class="info"><tr><td>{label("索引号")}</td><td>000000000/2024-00012</td>'
        f"<td>{label('分类')}</td><td>政府信息公开年报</td></tr>"
        f"<tr><td>{label('发布机构')}</td><td>示例县统计局</td>"
        f"<td>{label('发文日期')}</td><td>2024-01-18</td></tr>"
        f"<tr><td>{label('文号')}</td><td></td><td>{label('发布日期')}</td><td>2024-01-25</td>"
        "</tr></table>"
    )


@pytest.mark.parametrize(("colon", "spaced"), [("：", False), ("", False), ("", True)])
def test_html_information_table_gives_the_date_and_agency(
    tmp_path: Path, colon: str, spaced: bool
) -> None:
    """A title without the agency and no signature: the page's information table names
    both. Before, 「发布日期 | 2024-01-25」 in two cells was not read (RC603: the deadline
    not checked), nor 「发布机构 | 示例县统计局」."""
    body = (
        web.report_body()
        .replace("示例县统计局2023年政府信息公开工作年度报告", "2023年政府信息公开工作年度报告")
        .replace("<p>示例县统计局<br>2024年1月20日</p>", "")
    )
    report, found = _read(tmp_path, "r.html", _page(_info_box(colon, spaced) + body))
    web.assert_values(report)
    assert found == []
    assert report.metadata.published is not None
    assert report.metadata.published.isoformat() == "2024-01-25"  # not 发文日期
    assert report.metadata.agency == "示例县统计局"


@pytest.mark.parametrize(
    "title",
    [
        "示例县统计局二〇二三年政府信息公开工作年度报告",
        "示例县统计局二○二三年度政府信息公开工作年度报告",
        "示例县统计局政府信息公开工作2023年度报告",
    ],
)
def test_html_title_with_the_year_in_chinese_numerals_or_after_the_words(
    tmp_path: Path, title: str
) -> None:
    """Formal titles write the year 「二〇二三年」 or after the words. Before, the year was
    not found (RC603, the deadline not checked)."""
    body = web.report_body().replace("示例县统计局2023年政府信息公开工作年度报告", title)
    report, found = _read(tmp_path, "r.html", _page(body))
    web.assert_values(report)
    assert found == []
    assert (report.metadata.year, report.metadata.agency) == (2023, "示例县统计局")


def test_a_date_all_in_chinese_numerals_is_still_a_date() -> None:
    from reportcheck.readers.metadata import extract

    md = extract(
        "示例县统计局二〇二三年政府信息公开工作年度报告\n一、总体情况\n正文。\n示例县统计局\n二〇二四年一月二十日"
    )
    assert (md.year, md.agency, str(md.published)) == (2023, "示例县统计局", "2024-01-20")


# ------------------------------------------------------------------ Word files

_DOC = "word/document.xml"


def _edit_docx(data: bytes, edit: Callable[[str], str]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename == _DOC:
                part = edit(part.decode()).encode()
            z.writestr(item, part)
    return out.getvalue()


def _assert_word_values(report: Report) -> None:
    t3 = report.tables["applications"]
    for row in FORMATS["2021"].table("applications").rows:
        got = [t3.get(row.id, c) for c in word.T3_COLUMNS]
        expected = word.T3_VALUES.get(row.id, word.ZERO_ROW)
        assert [c.value if c else "missing" for c in got] == expected, row.id
    assert [c.value for c in report.tables["review_litigation"].cells.values()] == word.T4_VALUES
    assert len(report.tables["proactive_disclosure"].cells) == 10


def _table3_xml(document: str) -> tuple[str, str, list[str]]:
    """表三's ``w:tbl`` in the document, its properties (before the first row), its rows."""
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S)
    t3 = tables[1]
    return t3, t3[: t3.index("<w:tr")], re.findall(r"<w:tr[ >].*?</w:tr>", t3, re.S)


@pytest.mark.parametrize(
    "between",
    [
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
        "<w:p><w:r><w:t>- 3 -</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>（续表）</w:t></w:r></w:p>",
    ],
)
def test_word_table_split_at_a_page_with_a_page_number_between(
    tmp_path: Path, between: str
) -> None:
    """表三 split in two tables at a page (WPS's 「拆分表格」), the page number typed or
    「（续表）」 between. Before, the rows of the second piece were "unreadable"."""

    def split(document: str) -> str:
        t3, head, rows = _table3_xml(document)
        first = head + "".join(rows[:14]) + "</w:tbl>"
        return document.replace(t3, first + between + head + "".join(rows[14:]) + "</w:tbl>")

    report, found = _read(tmp_path, "r.docx", _edit_docx(word.build(), split))
    _assert_word_values(report)
    assert found == []


def test_word_section_heading_in_the_tables_first_row(tmp_path: Path) -> None:
    heading = "三、收到和处理政府信息公开申请情况"

    def into_table(document: str) -> str:
        t3, _, rows = _table3_xml(document)
        document = document.replace(f"<w:p><w:r><w:t>{heading}</w:t></w:r></w:p>", "")
        row = (
            '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="10"/></w:tcPr>'
            f"<w:p><w:r><w:t>{heading}</w:t></w:r></w:p></w:tc></w:tr>"
        )
        return document.replace(t3, t3.replace(rows[0], row + rows[0], 1))

    report, found = _read(tmp_path, "r.docx", _edit_docx(word.build(), into_table))
    _assert_word_values(report)
    assert found == []
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]


_TEXT_BOX = (
    "<w:p><w:r><mc:AlternateContent "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<wp:extent cx="3000000" cy="400000"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
    '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
    "<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
    "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def test_word_heading_in_a_text_box(tmp_path: Path) -> None:
    """A heading drawn as a text box (the VML fallback repeats it). Before, text boxes were
    not read and the section's heading was "missing" (RC111)."""
    heading = "五、存在的主要问题及改进情况"

    def boxed(document: str) -> str:
        plain = f"<w:p><w:r><w:t>{heading}</w:t></w:r></w:p>"
        assert plain in document
        return document.replace(plain, _TEXT_BOX.format(text=heading))

    report, found = _read(tmp_path, "r.docx", _edit_docx(word.build(), boxed))
    _assert_word_values(report)
    assert found == []
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    assert report.text is not None and report.text.count(heading) == 1


# ------------------------------------------------------------------ workbooks and text


def test_workbook_strings_with_zero_width_spaces(tmp_path: Path) -> None:
    """Labels and figures pasted into a workbook from a web page carry zero-width spaces.
    Before, no table was found at all (an input error) or every figure was "not a number"."""
    openpyxl = pytest.importorskip("openpyxl")
    source = EXAMPLES / "2021-valid.xlsx"
    expected = _values(api.read_path(source))
    wb = openpyxl.load_workbook(source)
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = cell.value[:2] + "\u200b" + cell.value[2:]
                elif isinstance(cell.value, int):
                    cell.value = f"{cell.value}\u200b"
    buf = io.BytesIO()
    wb.save(buf)
    report, found = _read(tmp_path, "r.xlsx", buf.getvalue())
    assert _values(report) == expected
    assert found == []


def test_text_with_full_width_figures_keeps_its_year_agency_and_date(tmp_path: Path) -> None:
    """A report typed in full-width mode: 「２０２４年」 in the title, 「２０２５－０１－２２」
    as the date. Before, the year, the agency and the date were lost (RC603: the deadline
    not checked)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    wide = text.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    report, found = _read(tmp_path, "r.txt", wide.encode())
    assert _values(report) == _values(api.read_path(EXAMPLES / "2021-valid.txt"))
    assert found == []
    assert report.metadata.year == 2024
    assert report.metadata.agency == "示例县市场监督管理局"
    assert report.metadata.published is not None
    assert report.metadata.published.isoformat() == "2025-01-22"


# ------------------------------------------------------------------ files office systems export


def _word_2003_xml(data: bytes, heading_number_shown: bool = False) -> bytes:
    """The Word report as Word 2003 XML (what office systems generate from a template and
    name ``.doc``): the 2003 namespace, lower-case ``vmerge``, the body in ``wx:sect``;
    optionally heading 一 numbered by a list whose number Word writes as ``wx:t``."""
    document = zipfile.ZipFile(io.BytesIO(data)).read(_DOC).decode()
    body = document[document.index("<w:body>") : document.index("</w:body>") + 9]
    body = re.sub(r"<w:sectPr.*?</w:sectPr>|<w:sectPr/>", "", body, flags=re.S)
    body = body.replace("<w:vMerge", "<w:vmerge").replace("<w:hMerge", "<w:hmerge")
    body = body.replace("<w:body>", "<w:body><wx:sect>").replace("</w:body>", "</wx:sect></w:body>")
    if heading_number_shown:
        listed = (
            '<w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/>'
            '<wx:t wx:val="一、"/></w:listPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'
        )
        body = re.sub(
            r"<w:p>(?:(?!<w:p>).)*?<w:t>一、总体情况</w:t></w:r></w:p>",
            listed,
            body,
            count=1,
            flags=re.S,
        )
        assert "wx:t" in body
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<?mso-application progid="Word.Document"?>\n'
        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
        'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">'
        f"{body}</w:wordDocument>"
    ).encode()


@pytest.mark.parametrize("numbered", [False, True])
def test_word_2003_xml_named_doc(tmp_path: Path, numbered: bool) -> None:
    """Before, a Word 2003 XML file was taken for a web page and no table was read."""
    data = _word_2003_xml(word.build(), heading_number_shown=numbered)
    report, found = _read(tmp_path, "report.doc", data)
    _assert_word_values(report)
    assert found == []
    assert report.kind == "doc"  # a Word document, but no .docx to write a marked copy of
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    assert report.text is not None and "一、总体情况" in report.text  # the list's number too


def test_word_2003_xml_bordered_paragraphs_and_tracked_changes() -> None:
    """Word 2003 XML wraps paragraphs with borders in ``wx:pBdrGroup`` and writes tracked
    changes as ``aml:annotation``: the paragraphs are read, a deletion is not."""
    from reportcheck.readers import docx as reader

    data = _word_2003_xml(word.build()).decode()
    para = "<w:p><w:r><w:t>人员培训仍需加强。</w:t></w:r></w:p>"
    assert para in data
    changed = (
        '<wx:pBdrGroup xmlns:aml="http://schemas.microsoft.com/aml/2001/core"><w:p><w:r>'
        "<w:t>人员培训</w:t></w:r>"
        '<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>还</w:delText>'
        '</w:r></aml:content></aml:annotation><aml:annotation w:type="Word.Insertion">'
        "<aml:content><w:r><w:t>仍需</w:t></w:r></aml:content></aml:annotation>"
        "<w:r><w:t>加强。</w:t></w:r></w:p></wx:pBdrGroup>"
    )
    texts = [b.text for b in reader.blocks(data.replace(para, changed).encode())]
    assert "人员培训仍需加强。" in texts


def test_word_flat_xml(tmp_path: Path) -> None:
    """Word's 「Word XML 文档」: the package's parts inline, ``pkg:package``."""
    src = zipfile.ZipFile(io.BytesIO(word.build()))
    parts = "".join(
        f'<pkg:part pkg:name="/{name}"><pkg:xmlData>'
        + re.sub(r"^<\?xml[^>]*\?>\s*", "", src.read(name).decode())
        + "</pkg:xmlData></pkg:part>"
        for name in src.namelist()
        if name.startswith("word/") and name.endswith(".xml")
    )
    data = (
        '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        f"{parts}</pkg:package>"
    ).encode()
    report, found = _read(tmp_path, "report.xml", data)
    _assert_word_values(report)
    assert found == []


def test_damaged_word_xml_is_a_clear_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(_word_2003_xml(word.build())[:3000])
    from reportcheck.errors import InputError

    with pytest.raises(InputError, match="Word"):
        api.read_path(path)


def _mhtml(page: bytes, charset: str, encoding: str) -> bytes:
    import base64
    import quopri

    body = base64.encodebytes(page) if encoding == "base64" else quopri.encodestring(page)
    head = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_01"\r\n'
        "\r\nThis is a multi-part message in MIME format.\r\n\r\n------=_NextPart_01\r\n"
        "Content-Location: file:///C:/report.htm\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\n\r\n'
    )
    tail = (
        "\r\n------=_NextPart_01\r\nContent-Location: file:///C:/report.files/image001.png\r\n"
        "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
        "------=_NextPart_01--\r\n"
    )
    return head.encode() + body + tail.encode()


@pytest.mark.parametrize(
    ("name", "charset", "encoding"),
    [("report.doc", "utf-8", "base64"), ("report.mht", "gb2312", "quoted-printable")],
)
def test_single_file_web_page(tmp_path: Path, name: str, charset: str, encoding: str) -> None:
    """A report saved as 「单一文件网页」 (MHTML) by Word or WPS, or exported by an office
    system as ``.doc``. Before: "not an annual report"."""
    page = web.page(web.report_body(), charset=charset).encode(
        "gbk" if charset != "utf-8" else "utf-8"
    )
    report, found = _read(tmp_path, name, _mhtml(page, charset, encoding))
    web.assert_values(report)
    assert found == []
    assert report.metadata.year == 2023


def _excel_2003_xml(source: Path) -> bytes:
    """A workbook as Excel 2003 XML, the way Excel writes it: a cell's place given
    (``ss:Index``) only after a gap, merged ranges as ``ss:MergeAcross``/``ss:MergeDown``
    with the cells they cover left out."""
    from xml.sax.saxutils import escape

    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(source)
    out = [
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
    ]
    for ws in wb.worksheets:
        merges = {(m.min_row, m.min_col): (m.max_row, m.max_col) for m in ws.merged_cells.ranges}
        hidden = {
            (r, c)
            for (r1, c1), (r2, c2) in merges.items()
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        out.append(f'<Worksheet ss:Name="{escape(ws.title)}"><Table>')
        last_row = 0
        for r in range(1, ws.max_row + 1):
            cells, last_col = [], 0
            for c in range(1, ws.max_column + 1):
                value, merge = ws.cell(r, c).value, merges.get((r, c))
                if (r, c) in hidden or (value is None and merge is None):
                    continue
                attrs = "" if c == last_col + 1 else f' ss:Index="{c}"'
                if merge and merge[1] > c:
                    attrs += f' ss:MergeAcross="{merge[1] - c}"'
                if merge and merge[0] > r:
                    attrs += f' ss:MergeDown="{merge[0] - r}"'
                kind = "Number" if isinstance(value, int | float) else "String"
                data = (
                    "" if value is None else f'<Data ss:Type="{kind}">{escape(str(value))}</Data>'
                )
                cells.append(f"<Cell{attrs}>{data}</Cell>")
                last_col = merge[1] if merge else c
            if cells:
                index = "" if r == last_row + 1 else f' ss:Index="{r}"'
                out.append(f"<Row{index}>{''.join(cells)}</Row>")
                last_row = r
        out.append("</Table></Worksheet>")
    out.append("</Workbook>")
    return "\n".join(out).encode()


@pytest.mark.parametrize(
    ("example", "name"), [("2021-valid", "report.xls"), ("2019-valid", "r.xml")]
)
def test_excel_2003_xml_workbook(tmp_path: Path, example: str, name: str) -> None:
    """An office system's workbook template is Excel 2003 XML named ``.xls``; the clerk
    fills it and saves it so. Before, it was taken for a web page and no table was read."""
    source = EXAMPLES / f"{example}.xlsx"
    report, found = _read(tmp_path, name, _excel_2003_xml(source))
    expected = api.read_path(source)
    assert _values(report) == _values(expected)
    assert found == []
    assert report.metadata.year == expected.metadata.year
    assert report.metadata.agency == expected.metadata.agency
    cell = report.tables["applications"].get("granted", "natural_person")
    same = expected.tables["applications"].get("granted", "natural_person")
    assert cell is not None and same is not None and cell.location is not None
    assert cell.location == same.location  # 表三!D7: places as Excel writes them


def test_damaged_excel_xml_is_a_clear_input_error(tmp_path: Path) -> None:
    from reportcheck.errors import InputError

    path = tmp_path / "report.xls"
    path.write_bytes(_excel_2003_xml(EXAMPLES / "2021-valid.xlsx")[:2500])
    with pytest.raises(InputError, match="Excel"):
        api.read_path(path)


_LONG_NOTE = "注：" + "本表统计本年度通过信函、网络、当面等各种渠道收到的政府信息公开申请，" * 12


@pytest.mark.parametrize("where", ["bottom", "top"])
def test_html_data_table_with_a_long_note_row(tmp_path: Path, where: str) -> None:
    """A note of a few hundred characters in a row of 表三. Before, a cell that long made
    the table "page layout": 表三 was not read at all."""
    assert len(_LONG_NOTE) > 400
    note = f'<tr><td colspan="10">{_LONG_NOTE}</td></tr>'
    rows = [*T3_ROWS, note] if where == "bottom" else [note, *T3_ROWS]
    report, found = _read(
        tmp_path, "r.html", _page(web.report_body().replace(T3_TABLE, web._table(rows)))
    )
    web.assert_values(report)
    assert found == []


def test_a_layout_table_with_a_long_cell_is_still_layout() -> None:
    """The rule it refines: a page laid out as a table whose content cell is long text."""
    page = (
        "<table><tr><td>首页</td><td>政务公开</td></tr>"
        f"<tr><td>栏目</td><td><p>一、总体情况</p><p>{_LONG_NOTE}</p></td></tr></table>"
    )
    blocks = web.html.blocks(page)
    assert all(b.grid is None for b in blocks)
    assert "一、总体情况" in [b.text for b in blocks]


def test_word_data_table_with_a_long_note_row(tmp_path: Path) -> None:
    def noted(document: str) -> str:
        t3, _, rows = _table3_xml(document)
        note = (
            '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="10"/></w:tcPr>'
            f"<w:p><w:r><w:t>{_LONG_NOTE}</w:t></w:r></w:p></w:tc></w:tr>"
        )
        return document.replace(t3, t3.replace(rows[-1], rows[-1] + note))

    report, found = _read(tmp_path, "r.docx", _edit_docx(word.build(), noted))
    _assert_word_values(report)
    assert found == []


def _boxed(text: str) -> str:
    """The example report's ``|`` tables drawn with box-drawing characters, a rule line
    between rows, as a text browser dumps a page (``w3m -dump``)."""
    out: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        widths = [max(len(c) for c in r) * 2 + 2 for r in rows]
        out.append("┌" + "┬".join("─" * w for w in [widths[0]]) + "┐")
        for i, r in enumerate(rows):
            out.append("│" + "│".join(c.ljust(4) for c in r) + "│")
            out.append("├" + "┼".join("─" * 4 for _ in r) + "┤" if i < len(rows) - 1 else "└──┘")
        rows.clear()

    for line in text.split("\n"):
        if "|" in line:
            rows.append([c.strip() for c in line.split("|")])
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


def test_text_with_tables_drawn_in_box_characters(tmp_path: Path) -> None:
    """A page dumped by a text browser or a converter draws its tables with 「│」 and
    「├──┼──┤」. Before, no table was read (RC003 for all three)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    boxed = _boxed(text)
    assert "│规章│0" in boxed.replace(" ", "")
    report, found = _read(tmp_path, "r.txt", boxed.encode())
    assert _values(report) == _values(api.read_path(EXAMPLES / "2021-valid.txt"))
    assert found == []
    cell = report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None and cell.location.line is not None
    assert "（一）予以公开" in boxed.split("\n")[cell.location.line - 1]  # lines keep their numbers


def test_box_characters_in_prose_are_left_alone() -> None:
    from reportcheck.readers.text.lines import unboxed

    prose = "本局坚持问题导向──以公开促落实。\n全年新收申请12件。"
    assert unboxed(prose) == prose
    assert unboxed("│ 规章 │ │ 3 │\n├──┼──┼──┤") == "| 规章 | | 3 |\n"


def _markdown_with_html_tables(one_line: bool) -> str:
    """The example report as a PDF-to-Markdown converter writes it: prose and headings as
    Markdown lines, 表二 as a pipe table, 表三 and 表四 as HTML tables — on one line each
    (MinerU) or a row per line (pandoc's gfm)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    out: list[str] = []
    rows: list[str] = []
    section = ""

    def flush() -> None:
        if rows:
            out.extend(("<table>" + "".join(rows) + "</table>").split("\n"))
            rows.clear()

    for line in text.split("\n"):
        if line[:2] in ("二、", "三、", "四、", "五、") and "|" not in line:
            section = line[:2]
        if "|" in line and section in ("三、", "四、"):
            cells = "".join(f"<td>{c.strip()}</td>" for c in line.split("|"))
            rows.append(f"<tr>{cells}</tr>" if one_line else f"\n<tr>{cells}</tr>")
            continue
        flush()
        out.append(f"| {line} |" if "|" in line else line)
    flush()
    return "\n".join(out)


@pytest.mark.parametrize("one_line", [True, False])
def test_markdown_with_html_tables(tmp_path: Path, one_line: bool) -> None:
    """Before, a Markdown file holding ``<table>`` was read as a web page: its lines ran
    together into one paragraph and every heading was "missing" (RC111)."""
    md = _markdown_with_html_tables(one_line)
    assert md.count("<table>") == 2
    report, found = _read(tmp_path, "report.md", md.encode())
    assert report.kind == "markdown"
    assert _values(report) == _values(api.read_path(EXAMPLES / "2021-valid.txt"))
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    assert found == []
    cell = report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None and cell.location.line is not None
    assert "（一）予以公开" in md.split("\n")[cell.location.line - 1]  # the line it stands on


def test_pipe_row_with_the_empty_cells_of_a_spanning_label(tmp_path: Path) -> None:
    """pandoc writes a label spanning three columns as the label and two empty cells; the
    row's seven figures follow. Before: "4 figures, 7 expected" (RC003)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    padded = text.replace(
        "一、本年新收政府信息公开申请数量 | 45", "一、本年新收政府信息公开申请数量 |  |  | 45"
    ).replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 5",
    )
    assert padded != text
    report, found = _read(tmp_path, "r.txt", padded.encode())
    assert _values(report) == _values(api.read_path(EXAMPLES / "2021-valid.txt"))
    assert found == []


def test_a_page_fragment_named_md_is_still_a_page() -> None:
    """Markup outside the tables (paragraphs, line breaks): a web page, as before."""
    from reportcheck.readers.detect import sniff

    assert sniff("x.md", b"<p>title</p><table><tr><td>1</td></tr></table>") == "html"
    assert sniff("x.md", b"title\n<p>x</p><table><tr><td>1</td></tr></table>") == "html"
    assert sniff("x.md", b"# title\n<table><tr><td>1</td></tr></table>\ntext") == "markdown"
    assert sniff("x.txt", b"title\n<table><tr><td>1</td></tr></table>") == "text"
    assert sniff("x.html", b"title\n<table><tr><td>1</td></tr></table>") == "html"


def _spans_repeated(page: bytes) -> str:
    """The page as a converter that repeats a merged cell's text in every position it
    covers writes it (docling): every table a regular pipe table."""
    out: list[str] = []
    for block in web.html.blocks(page.decode()):
        if block.grid is None:
            out.append(block.text)
            continue
        grid = block.grid
        width = max(c for _, c in grid.cells)
        for n, r in enumerate(grid.rows):
            cells = [grid.at(r, c) for c in range(1, width + 1)]
            out.append(
                "| " + " | ".join(" ".join(c.text.split()) if c else "" for c in cells) + " |"
            )
            if n == 0:
                out.append("|" + "---|" * width)
        out.append("")
    return "\n".join(out)


def test_markdown_with_merged_cells_repeated(tmp_path: Path) -> None:
    """表二's one-figure blocks (行政许可, 行政处罚 …) under a header spanning three
    columns: the figure repeated three times. Before: "3 figures, 1 expected" (RC003)."""
    md = _spans_repeated(_page(web.report_body()))
    assert "| 行政处罚 | 12 | 12 | 12 |" in md
    report, found = _read(tmp_path, "report.md", md.encode())
    web.assert_values(report)
    assert found == []


def test_space_aligned_row_whose_label_runs_into_its_first_figure(tmp_path: Path) -> None:
    """A table laid out with spaces whose label column is too narrow for one label: the
    label runs into the row's first figure (「…另行制作2」). Before, the other six figures
    were placed by their columns, the first column taken for empty: RC301, a false error.
    The row is said unread (RC003) — never a wrong sum."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    lines = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            line = "".join(c.ljust(12) for c in cells[:-1]) + cells[-1]
        lines.append(line)
    spaced = "\n".join(lines)
    assert "另行制作2 " in spaced
    report, found = _read(tmp_path, "r.txt", spaced.encode())
    assert not [f for f in found if f.code.startswith("RC3")]
    expected = _values(api.read_path(EXAMPLES / "2021-valid.txt"))
    wrong = {k: v for k, v in _values(report).items() if v is not None and v != expected[k]}
    assert wrong == {}
