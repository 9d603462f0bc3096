"""A clerk's Word report of our own, built with python-docx: a header and a footer, a page
number field, a picture, a style of its own, a bulleted list (numbering), the three tables
with the official merges, and the prose in several runs — with the mistakes the Word round
trip must mark: a wrong cell in 表三 and one in 表四, and a sentence whose figure
disagrees with 表三. Every word and figure is made up.
"""

from __future__ import annotations

import io
import struct
import zlib
from functools import cache

import pytest

from reportcheck.model.tables import OUTCOME_COLUMNS
from test_docx_reader import T3_VALUES, T4_VALUES, add_table2, add_table3

docx = pytest.importorskip("docx")

HEADER = "示例县统计局政府信息公开工作年度报告（内部校对稿）"
FOOTER = "示例县统计局办公室编印"
STYLE = "报告正文"
SENTENCE = "本年度共收到政府信息公开申请１２件，均已按期答复。"
"""The prose mismatch: 表三 says 10 new applications (written in full-width digits, in three
runs, the figure in bold)."""

T3_WRONG = dict(T3_VALUES)
T3_WRONG["granted"] = [5, 1, None, None, 1, None, 6]
"""表三 （一）予以公开·自然人 5 where its row and its column both say 4 (RC300, suggestion 4)."""
T4_WRONG = list(T4_VALUES)
T4_WRONG[5] = 2
"""表四 未经复议直接起诉·结果维持 2 (it was 1) under a total of 2: the parts add up to 3
(RC304 on the total, the parts light yellow)."""


def png(width: int = 24, height: int = 12) -> bytes:
    """A small red-and-white PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00"
        + b"".join(b"\xc0\x00\x00" if (x + y) % 6 < 3 else b"\xff\xff\xff" for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def add_table4(doc: object, values: list[int]) -> None:
    """表四 (one row of figures under two header bands)."""
    table = doc.add_table(rows=4, cols=15)  # type: ignore[attr-defined]
    cell = table.cell
    cell(0, 0).merge(cell(1, 4))
    cell(0, 0).text = "行政复议"
    cell(0, 5).merge(cell(0, 14))
    cell(0, 5).text = "行政诉讼"
    cell(1, 5).merge(cell(1, 9))
    cell(1, 5).text = "未经复议直接起诉"
    cell(1, 10).merge(cell(1, 14))
    cell(1, 10).text = "复议后起诉"
    for j in range(15):
        cell(2, j).text = OUTCOME_COLUMNS[j % 5].label
        cell(3, j).text = str(values[j])


def _page_number(paragraph: object) -> None:
    """A PAGE field in the footer (fldChar begin, instrText, separate, result, end)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(tag: str, text: str | None = None, **attrs: str) -> None:
        r = paragraph.add_run()  # type: ignore[attr-defined]
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if text is not None:
            el.text = text
        r._r.append(el)

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    run_with("w:instrText", " PAGE ")
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1")  # type: ignore[attr-defined]
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def build(
    t3: dict[str, list[int | None]] | None = None,
    t4: list[int] | None = None,
    sentence: str = SENTENCE,
) -> bytes:
    """The report; by default with the three mistakes (see the module doc)."""
    return _build(
        tuple((k, tuple(v)) for k, v in (t3 or T3_WRONG).items()),
        tuple(t4 or T4_WRONG),
        sentence,
    )


def correct() -> bytes:
    """The same report without mistakes (the sentence says 10 applications)."""
    return build(T3_VALUES, list(T4_VALUES), SENTENCE.replace("１２", "１０"))


@cache
def _build(
    t3: tuple[tuple[str, tuple[int | None, ...]], ...], t4: tuple[int, ...], sentence: str
) -> bytes:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.text = FOOTER + "  第 "
    _page_number(footer)
    footer.add_run(" 页")
    body = doc.styles.add_style(STYLE, WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = doc.styles["Normal"]
    body.font.size = Pt(12)
    body.paragraph_format.first_line_indent = Cm(0.8)

    doc.add_paragraph("示例县统计局2023年政府信息公开工作年度报告", "Title")
    doc.add_paragraph("一、总体情况", "Heading 1")
    p = doc.add_paragraph(style=STYLE)
    figure = sentence[sentence.index("申请") + 2 : sentence.index("件")]
    head, _, tail = sentence.partition(figure)
    p.add_run(head)
    p.add_run(figure).bold = True
    p.add_run(tail)
    doc.add_paragraph("主动公开工作按计划推进，重点领域信息及时发布。", STYLE)
    doc.add_picture(io.BytesIO(png()), width=Cm(2))
    doc.add_paragraph("二、主动公开政府信息情况", "Heading 1")
    add_table2(doc)
    doc.add_paragraph("三、收到和处理政府信息公开申请情况", "Heading 1")
    add_table3(doc, {k: list(v) for k, v in t3})
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况", "Heading 1")
    add_table4(doc, list(t4))
    doc.add_paragraph("五、存在的主要问题及改进情况", "Heading 1")
    doc.add_paragraph("答复文书的格式还不够统一。", "List Bullet")
    doc.add_paragraph("公开目录更新不够及时。", "List Bullet")
    doc.add_paragraph("六、其他需要报告的事项", "Heading 1")
    doc.add_paragraph("本年度未收取信息处理费。", STYLE)
    for table in doc.tables:
        table.style = doc.styles["Table Grid"]
    signature = doc.add_paragraph("示例县统计局")
    signature.add_run().add_break()
    signature.add_run("2024年1月22日")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
