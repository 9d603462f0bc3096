"""An information box's field label is never part of the agency's name (issue 22).

A web page's box (名称 / 发布机构 / 单位名称 …) printed to PDF glues the label to its value
(「名称沭阳县发展和改革局2023年…」): the summary then showed a phantom second agency and
year-to-year pairing broke. Every reader, with the label in the same line, the next cell
and the next line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES
from reportcheck import api
from reportcheck.model.labels import without_label
from reportcheck.model.report import Report

PDF_DATA = Path(__file__).parent / "data" / "pdf"
AGENCY = "示例县市场监督管理局"
TITLE = f"{AGENCY}2024年政府信息公开工作年度报告"
WAYS = ("same-line", "next-cell", "next-line")


def _agency(path: Path) -> str | None:
    report: Report = api.read_path(path)
    assert report.metadata.year == 2024
    return report.metadata.agency


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("名称：示例县民政局", "示例县民政局"),
        ("名称示例县民政局", "示例县民政局"),
        ("单位名称 示例县民政局", "示例县民政局"),
        ("发布机构：示例县民政局", "示例县民政局"),
        ("发 布 机 构　示例县民政局", "示例县民政局"),
        ("标题：示例县民政局", "示例县民政局"),
        ("来源：示例县民政局", "示例县民政局"),
        ("示例县民政局", "示例县民政局"),
        ("名称", "名称"),  # nothing after it: as it is
        ("来宾市民政局", "来宾市民政局"),  # a place called 来宾 is no 来源
        ("名山区人民政府", "名山区人民政府"),
    ],
)
def test_without_label(text: str, bare: str) -> None:
    assert without_label(text) == bare


# ---------------------------------------------------------------- PDF and HTML (a web page)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("kind", ["pdf", "html"])
def test_a_printed_web_page(way: str, kind: str) -> None:
    """tests/data/pdf/label-*.html: a report page under its information box, and the PDF
    Chromium prints of it (make_pdfs.py label)."""
    pytest.importorskip("pypdfium2")
    assert _agency(PDF_DATA / f"label-{way}.{kind}") == "临川市自然资源和规划局"


# ---------------------------------------------------------------- text, Markdown

_BODY = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8").split("\n", 1)[1]
_TEXT_BOXES = {
    "same-line": f"名称{TITLE}",
    "same-line-colon": f"名称：{TITLE}",
    "next-cell": f"名称  {TITLE}  索引号  0143/2025-00002\n发布机构  {AGENCY}  公开日期  2025-01-20",
    "next-line": f"名称\n{TITLE}",
    "agency-next-line": f"发布机构\n{AGENCY}\n公开日期 2025-01-20\n2024年政府信息公开工作年度报告",
}


@pytest.mark.parametrize("way", sorted(_TEXT_BOXES))
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_and_markdown(tmp_path: Path, way: str, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    path.write_text(f"{_TEXT_BOXES[way]}\n{_BODY}", encoding="utf-8")
    assert _agency(path) == AGENCY


# ---------------------------------------------------------------- Word


@pytest.mark.parametrize("way", WAYS)
def test_word(tmp_path: Path, way: str) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document(str(PDF_DATA / "lo-2021-clean.docx"))
    agency = str(
        json.loads((PDF_DATA / "lo-2021-clean.expected.json").read_text("utf-8"))["agency"]
    )
    title = doc.paragraphs[0].text
    assert title.startswith(agency)
    first = doc.paragraphs[0]
    if way == "same-line":
        first.insert_paragraph_before(f"名称{title}")
    elif way == "next-line":
        first.insert_paragraph_before("名称").insert_paragraph_before("")
        first.insert_paragraph_before(title)
    else:
        table = doc.add_table(rows=2, cols=2)
        for (r, c), text in {(0, 0): "名称", (0, 1): title, (1, 0): "发布机构"}.items():
            table.cell(r, c).text = text
        table.cell(1, 1).text = agency
        first._p.addprevious(table._tbl)
    path = tmp_path / "r.docx"
    doc.save(str(path))
    assert _agency(path) == agency


# ---------------------------------------------------------------- workbook, CSV, JSON


def _workbook(way: str) -> openpyxl.Workbook:
    """The example workbook with its 单位名称 row given another way."""
    wb = openpyxl.load_workbook(EXAMPLES / "2021-valid.xlsx")
    ws = wb["基本信息"]
    row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "单位名称")
    ws.cell(row, 1).value = ws.cell(row, 2).value = None
    if way == "same-line":  # one cell: the label, a space, the name
        ws.cell(row, 1).value = f"单位名称 {AGENCY}"
    elif way == "title-same-cell":  # a title cell with the page's label glued on
        ws.cell(row, 1).value = f"名称{TITLE}"
    elif way == "next-cell":  # the label, and in the next cell a value that repeats it
        ws.cell(row, 1).value = "单位名称"
        ws.cell(row, 2).value = f"名称：{AGENCY}"
    else:  # next-line: the label, the name below it (nothing to the label's right)
        ws.cell(row, 8).value = "单位名称"
        ws.cell(row + 1, 8).value = AGENCY
    return wb


_GRID_WAYS = ("same-line", "title-same-cell", "next-cell", "next-line")


@pytest.mark.parametrize("way", _GRID_WAYS)
def test_workbook(tmp_path: Path, way: str) -> None:
    path = tmp_path / "r.xlsx"
    _workbook(way).save(path)
    assert _agency(path) == AGENCY


@pytest.mark.parametrize("way", _GRID_WAYS)
def test_csv(tmp_path: Path, way: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for ws in _workbook(way).worksheets:
        writer.writerows(
            ["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)
        )
        writer.writerow([])
    path = tmp_path / "r.csv"
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    assert _agency(path) == AGENCY


@pytest.mark.parametrize("written", [f"名称：{AGENCY}", f"单位名称 {AGENCY}", f"发布机构{AGENCY}"])
def test_json(tmp_path: Path, written: str) -> None:
    doc = json.loads((EXAMPLES / "2021-valid.json").read_text(encoding="utf-8"))
    doc["report"]["agency"] = written
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert _agency(path) == AGENCY


def test_two_years_of_one_agency_pair_though_one_carries_the_label(tmp_path: Path) -> None:
    """The pairing that broke: the same agency's 2023 report read with 「名称」 glued on."""
    from reportcheck.pairing import item

    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"名称{text}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    got = {item(api.read_path(tmp_path / n))[0] for n in ("a.txt", "b.txt")}
    assert len(got) == 1
