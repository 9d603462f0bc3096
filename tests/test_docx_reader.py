"""The Word (.docx) reader: merged cells, paragraphs, locations, bad files.

Documents are built here with python-docx (a dev dependency; the reader does not use it),
with 表三 merged the way the official form is; a few cases python-docx cannot write
(gridBefore, legacy hMerge, content controls, tracked changes, text boxes) are written as
raw document.xml.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import APPLICANT_COLUMNS, FORMATS, OUTCOME_COLUMNS
from reportcheck.readers import docx as docx_reader

docx = pytest.importorskip("docx")

T3_COLUMNS = [c.id for c in APPLICANT_COLUMNS]
T3_VALUES: dict[str, list[int | None]] = {
    "new_received": [7, 2, None, None, 1, None, 10],
    "carried_over": [1, None, None, None, None, None, 1],
    "granted": [4, 1, None, None, 1, None, 6],
    "partial": [1, None, None, None, None, None, 1],
    "unable_1": [2, None, None, None, None, None, 2],
    "total": [7, 1, None, None, 1, None, 9],
    "carried_forward": [1, 1, None, None, None, None, 2],
}
T4_VALUES = [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]
ZERO_ROW: list[int | None] = [0, None, None, None, None, None, 0]


def _set(cell: object, text: str) -> None:
    cell.text = text  # type: ignore[attr-defined]


def add_table2(doc: object) -> None:
    """表二 (2021): one table of four blocks, the single-column blocks merged across."""
    t2 = FORMATS["2021"].table("proactive_disclosure")
    lines: list[list[str]] = []
    for block in t2.blocks:
        rows = [r for r in t2.rows if r.block == block]
        lines.append([block])
        lines.append(["信息内容", *[c.label for c in rows[0].columns]])
        for r in rows:
            value = "5" if r.id == "normative_documents" else "0"
            lines.append([r.label, *[value for _ in r.columns]])
    table = doc.add_table(rows=len(lines), cols=4)  # type: ignore[attr-defined]
    for i, line in enumerate(lines):
        if len(line) < 4:  # a block header or a one-column block: merge to the right
            table.cell(i, len(line) - 1).merge(table.cell(i, 3))
        for j, text in enumerate(line):
            _set(table.cell(i, j), text)


def add_table3(doc: object, values: dict[str, list[int | None]]) -> None:
    """表三 (2021) with the official form's merges: note, header bands, row groups."""
    t3 = FORMATS["2021"].table("applications")
    n = 3 + len(t3.rows)
    table = doc.add_table(rows=n, cols=10)  # type: ignore[attr-defined]
    cell = table.cell
    cell(0, 0).merge(cell(2, 2))
    _set(cell(0, 0), t3.note or "")
    cell(0, 3).merge(cell(0, 9))
    _set(cell(0, 3), "申请人情况")
    cell(1, 3).merge(cell(2, 3))
    _set(cell(1, 3), "自然人")
    cell(1, 4).merge(cell(1, 8))
    _set(cell(1, 4), "法人或其他组织")
    cell(1, 9).merge(cell(2, 9))
    _set(cell(1, 9), "总计")
    for j, col in enumerate(APPLICANT_COLUMNS[1:6], 4):
        _set(cell(2, j), col.label)
    first_result = None
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(t3.rows, 3):
        if r.group is None:
            cell(i, 0).merge(cell(i, 2))
            _set(cell(i, 0), r.label)
        else:
            first_result = first_result or i
            if r.group.startswith("三、"):
                cell(i, 1).merge(cell(i, 2))
                _set(cell(i, 1), r.label)
            else:
                groups.setdefault(r.group, []).append(i)
                _set(cell(i, 2), r.label)
        for j, v in enumerate(values.get(r.id, ZERO_ROW), 3):
            if v is not None:
                _set(cell(i, j), str(v))
    last_result = max(i for i, r in enumerate(t3.rows, 3) if r.group)
    assert first_result is not None
    cell(first_result, 0).merge(cell(last_result, 0))
    _set(cell(first_result, 0), "三、本年度办理结果")
    for group, rows in groups.items():
        cell(rows[0], 1).merge(cell(rows[-1], 1))
        _set(cell(rows[0], 1), group)


def add_table4(doc: object) -> None:
    table = doc.add_table(rows=4, cols=15)  # type: ignore[attr-defined]
    cell = table.cell
    cell(0, 0).merge(cell(1, 4))
    _set(cell(0, 0), "行政复议")
    cell(0, 5).merge(cell(0, 14))
    _set(cell(0, 5), "行政诉讼")
    cell(1, 5).merge(cell(1, 9))
    _set(cell(1, 5), "未经复议直接起诉")
    cell(1, 10).merge(cell(1, 14))
    _set(cell(1, 10), "复议后起诉")
    for j in range(15):
        _set(cell(2, j), OUTCOME_COLUMNS[j % 5].label)
        _set(cell(3, j), str(T4_VALUES[j]))


def build(values: dict[str, list[int | None]] | None = None) -> bytes:
    """A whole 2021 report as a .docx, in our own words."""
    if values is None:
        return _default_report()
    return _build(values)


@cache
def _default_report() -> bytes:
    return _build(T3_VALUES)


def _build(values: dict[str, list[int | None]]) -> bytes:
    """python-docx takes about a second for the merges: build each document once."""
    doc = docx.Document()
    doc.add_paragraph("示例市档案馆2023年政府信息公开工作年度报告")
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("")  # empty paragraphs are not counted
    doc.add_paragraph("本馆全年新收申请10件。")
    doc.add_paragraph("二、主动公开政府信息情况")
    add_table2(doc)
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    add_table3(doc, values)
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    add_table4(doc)
    doc.add_paragraph("五、存在的主要问题及改进情况")
    doc.add_paragraph("人员培训仍需加强。")
    doc.add_paragraph("六、其他需要报告的事项")
    doc.add_paragraph("本年度未收取信息处理费。")
    signature = doc.add_paragraph("示例市档案馆")
    signature.add_run().add_break()
    signature.add_run("2024年1月25日")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def read(data: bytes, name: str = "report.docx") -> Report:
    return docx_reader.read(name, data, "docx", Settings())


def findings(report: Report) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.table, f.row, f.column) for f in api.check(report) if f.code != "RC207"]


# ------------------------------------------------------------------ a whole report


def test_report_values_sections_and_metadata() -> None:
    report = read(build())
    assert report.kind == "docx"
    assert report.format_version == "2021"
    t3 = report.tables["applications"]
    for row in FORMATS["2021"].table("applications").rows:
        got = [t3.get(row.id, c) for c in T3_COLUMNS]
        assert [c.value if c else "missing" for c in got] == T3_VALUES.get(row.id, ZERO_ROW)
    blank = t3.get("granted", "research")
    assert blank is not None and blank.state is CellState.BLANK
    t4 = report.tables["review_litigation"]
    assert [c.value for c in t4.cells.values()] == T4_VALUES
    t2 = report.tables["proactive_disclosure"]
    assert len(t2.cells) == 10  # 2 × 3 + 1 + 2 + 1
    assert t2.get("normative_documents", "in_force") is not None
    assert t2.cells[("normative_documents", "in_force")].value == 5
    assert t2.cells[("administrative_fees", "amount")].value == 0
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    assert report.metadata.year == 2023
    assert report.metadata.published is not None
    assert report.metadata.published.isoformat() == "2024-01-25"
    assert [f for f in findings(report) if not f[0].startswith("RC6")] == []


def test_merged_cells_of_table3_form_one_grid() -> None:
    blocks = docx_reader.blocks(_xml(build()))
    grids = [b.grid for b in blocks if b.grid is not None]
    assert len(grids) == 3
    g = grids[1]
    assert (1, 1, 3, 3) in g.merged  # the note
    assert (1, 4, 1, 10) in g.merged  # 申请人情况
    assert (2, 4, 3, 4) in g.merged  # 自然人 over two header rows
    assert (2, 5, 2, 9) in g.merged  # 法人或其他组织
    assert (6, 1, 27, 1) in g.merged  # 三、本年度办理结果 over the 22 result rows
    assert (8, 2, 15, 2) in g.merged  # （三）不予公开 over its eight rows
    assert g.cells[(6, 1)].text == "三、本年度办理结果"
    assert g.at(20, 1) is g.cells[(6, 1)]
    assert (7, 1) not in g.cells  # a continued cell appears once, at its origin
    assert g.cells[(2, 5)].location.address == "table 2, row 2, col 5"


def test_wrong_cell_is_named_by_table_row_and_column() -> None:
    values = dict(T3_VALUES)
    values["granted"] = [5, 1, None, None, 1, None, 6]  # 自然人 one too many
    report = read(build(values))
    found = [f for f in api.check(report) if f.code.startswith("RC3")]
    assert [(f.code, f.row, f.column) for f in found] == [("RC300", "granted", "natural_person")]
    assert found[0].location is not None
    # （一）予以公开 is grid row 6 (three header rows, 一, 二); 自然人 is column 4
    assert found[0].location.address == "table 2, row 6, col 4"


def test_table2_as_one_table_per_block() -> None:
    """表二 as four Word tables, one per 第二十条 block, with empty paragraphs between."""
    doc = docx.Document()
    doc.add_paragraph("二、主动公开政府信息情况")
    t2 = FORMATS["2021"].table("proactive_disclosure")
    for block in t2.blocks:
        rows = [r for r in t2.rows if r.block == block]
        cols = rows[0].columns
        table = doc.add_table(rows=2 + len(rows), cols=1 + len(cols))
        _set(table.cell(0, 0).merge(table.cell(0, len(cols))), block)
        for j, text in enumerate(["信息内容", *[c.label for c in cols]]):
            _set(table.cell(1, j), text)
        for i, r in enumerate(rows, 2):
            _set(table.cell(i, 0), r.label)
            for j in range(len(cols)):
                _set(table.cell(i, j + 1), "7")
        doc.add_paragraph("")
    buf = io.BytesIO()
    doc.save(buf)
    report = read(buf.getvalue())
    t2data = report.tables["proactive_disclosure"]
    assert len(t2data.cells) == 10
    assert all(c.value == 7 for c in t2data.cells.values())
    fee = t2data.get("administrative_fees", "amount")
    assert fee is not None and fee.location is not None
    assert fee.location.address == "table 4, row 3, col 2"


def test_paragraphs_keep_tabs_and_breaks_and_are_numbered() -> None:
    doc = docx.Document()
    doc.add_paragraph("")
    p = doc.add_paragraph("发布机构：示例局")
    p.add_run().add_tab()
    p.add_run("发布日期：2024-01-10")
    q = doc.add_paragraph("第一行")
    q.add_run().add_break()
    q.add_run("第二行")
    buf = io.BytesIO()
    doc.save(buf)
    blocks = docx_reader.blocks(_xml(buf.getvalue()))
    assert [(b.text, b.location.address) for b in blocks] == [
        ("发布机构：示例局 发布日期：2024-01-10", "paragraph 1"),
        ("第一行", "paragraph 2"),
        ("第二行", "paragraph 2"),
    ]


def test_docx_through_the_api(tmp_path: Path) -> None:
    p = tmp_path / "report.bin"  # read by content, whatever the name
    p.write_bytes(build())
    report = api.read_path(p)
    assert report.kind == "docx"
    assert "applications" in report.tables


# ------------------------------------------------------------------ what python-docx cannot write

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _doc_xml(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:mc="{_MC}"><w:body>{body}<w:sectPr/></w:body>'
        f"</w:document>"
    ).encode()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text) if text else '<w:p/>'}</w:tc>"


def test_grid_before_hmerge_and_vmerge() -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    h_restart, h_cont = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
    before, span = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>', '<w:gridSpan w:val="2"/>'
    body = (
        "<w:tbl>"
        f"<w:tr>{_tc('A', restart)}{_tc('B')}{_tc('C')}</w:tr>"
        f"<w:tr>{_tc('', cont)}{_tc('D', h_restart)}{_tc('', h_cont)}</w:tr>"
        f"<w:tr>{before}{_tc('E', span)}</w:tr>"
        "</w:tbl>"
    )
    (block,) = docx_reader.blocks(_doc_xml(body))
    g = block.grid
    assert g is not None
    assert {k: v.text for k, v in g.cells.items()} == {
        (1, 1): "A",
        (1, 2): "B",
        (1, 3): "C",
        (2, 2): "D",
        (3, 2): "E",
    }
    assert sorted(g.merged) == [(1, 1, 2, 1), (2, 2, 2, 3), (3, 2, 3, 3)]


def test_tracked_changes_fields_text_boxes_and_content_controls() -> None:
    body = (
        "<w:p><w:r><w:t>本年</w:t></w:r>"
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>新收</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>6</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
        f"{_p('文本框')}</w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{_p('文本框')}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>件</w:t></w:r></w:p>"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('控件内的段落')}</w:sdtContent></w:sdt>"
    )
    blocks = docx_reader.blocks(_doc_xml(body))
    # the text box is a paragraph of its own, read once (its VML fallback repeats it)
    assert [b.text for b in blocks] == ["文本框", "本年新收6件", "控件内的段落"]


def test_comments_and_tracked_changes_in_cells_are_not_text() -> None:
    """What the marked and corrected copies of a report add: comment ranges and references
    (the comment's own text is in comments.xml, never read), a moved paragraph, deleted
    text of a cell, inserted text (read: the change accepted), an inserted paragraph."""
    cell = (
        '<w:p><w:commentRangeStart w:id="1"/>'
        '<w:del w:id="2" w:author="reportcheck"><w:r><w:delText>5</w:delText></w:r></w:del>'
        '<w:ins w:id="3" w:author="reportcheck"><w:r><w:t>4</w:t></w:r></w:ins>'
        '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>'
    )
    body = (
        '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>标题</w:t></w:r>'
        '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>'
        f"<w:tbl><w:tr>{_tc('自然人')}{_tc('总计')}</w:tr>"
        f"<w:tr><w:tc>{cell}</w:tc>{_tc('6')}</w:tr></w:tbl>"
        '<w:ins w:id="4" w:author="x"><w:p><w:r><w:t>插入的段落</w:t></w:r></w:p></w:ins>'
        "<w:moveFrom><w:p><w:r><w:t>移走的段落</w:t></w:r></w:p></w:moveFrom>"
    )
    blocks = docx_reader.blocks(_doc_xml(body))
    assert [b.text for b in blocks] == ["标题", "自然人 | 总计\n4 | 6", "插入的段落"]
    grid = blocks[1].grid
    assert grid is not None and grid.cells[(2, 1)].text == "4"


_NUMBERING = f"""<w:numbering xmlns:w="{_W}">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
  <w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>""".encode()
_STYLES = f"""<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ReportHeading"><w:basedOn w:val="Heading1"/></w:style>
</w:styles>""".encode()


def _np(text: str, *, style: str | None = None, num: str | None = None, level: int = 0) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_automatic_numbering_of_headings() -> None:
    """Headings numbered by Word (not typed) still read 一、… so sections are found."""
    body = (
        _np("总体情况", style="Heading1")
        + _np("主动公开", num="1", level=1)
        + _np("依申请公开", num="1", level=1)
        + _np("属于国家秘密", num="1", level=2)
        + _np("主动公开政府信息情况", style="ReportHeading")  # numbered through its base style
        + _np("平台建设", num="1", level=1)  # a new 二、 restarts （一）
        + _np("要点", num="2")  # a bullet shows no number
        + _np("不编号", style="Heading1", num="0")  # numId 0 switches numbering off
        + _np("其他需要报告的事项", num="3")  # a restarted list: starts at 五
    )
    blocks = docx_reader.blocks(_doc_xml(body), _NUMBERING, _STYLES)
    assert [b.text for b in blocks] == [
        "一、总体情况",
        "（一） 主动公开",
        "（二） 依申请公开",
        "1. 属于国家秘密",
        "二、主动公开政府信息情况",
        "（一） 平台建设",
        "要点",
        "不编号",
        "五、其他需要报告的事项",
    ]


def test_numbered_list_of_python_docx_template() -> None:
    doc = docx.Document()
    doc.add_paragraph("总体情况", style="List Number")
    doc.add_paragraph("其他事项", style="List Number")
    buf = io.BytesIO()
    doc.save(buf)
    report = read(buf.getvalue())
    assert report.text is not None
    assert report.text.splitlines() == ["1. 总体情况", "2. 其他事项"]


def test_layout_table_is_read_as_its_content() -> None:
    inner = f"<w:tbl><w:tr>{_tc('规章')}{_tc('3')}</w:tr><w:tr>{_tc('规范性文件')}{_tc('4')}</w:tr></w:tbl>"
    body = f"<w:tbl><w:tr><w:tc>{_p('一、总体情况')}{inner}{_p('说明')}</w:tc></w:tr></w:tbl>"
    blocks = docx_reader.blocks(_doc_xml(body))
    assert [(b.text, b.location.address, b.grid is not None) for b in blocks] == [
        ("一、总体情况", "paragraph 1", False),
        ("规章 | 3\n规范性文件 | 4", "table 1", True),
        ("说明", "paragraph 2", False),
    ]


# ------------------------------------------------------------------ bad input


def _xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"this is not a zip file at all",
        b"",
        b"PK\x03\x04" + b"\x00" * 40,  # a zip header and nothing behind it
        _zip({"xl/workbook.xml": b"<workbook/>"}),  # a zip, but no Word body
        _zip({"word/document.xml": b"<w:document><w:body><w:p>"}),  # broken XML
        _zip({"word/document.xml": _doc_xml("<w:p/>")}),  # no text at all
    ],
)
def test_unreadable_docx_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        read(data)


def test_damaged_docx_through_the_api(tmp_path: Path) -> None:
    p = tmp_path / "report.docx"
    p.write_bytes(build()[:2000])  # cut off: the central directory is gone
    with pytest.raises(InputError):
        api.read_path(p)


def test_docx_without_tables_is_checked_and_misses_tables() -> None:
    doc = docx.Document()
    doc.add_paragraph("示例市2023年政府信息公开工作年度报告")
    doc.add_paragraph("一、总体情况")
    buf = io.BytesIO()
    doc.save(buf)
    codes = {(f.code, f.table) for f in api.check(read(buf.getvalue()))}
    assert {
        ("RC101", t) for t in ("proactive_disclosure", "applications", "review_litigation")
    } <= codes
