"""A report passed on as text gives the same table values as its web page, wherever the text
determines them (issue 8).

``tests/data/textforms/`` holds reports of our own wording as published web pages and the
text forms people make of them with real tools (``make_forms.py`` there): the page's text as
a browser copies it (``.inner.txt``), as a text browser dumps it (``.w3m.txt``: tables drawn
with box characters), the page printed to PDF and extracted by pdftotext with and without
``-layout``, and the page opened as a Word document and saved as text by LibreOffice
(``.lotext.txt``: a cell per line, an empty cell a no-break space; ``make_lotext.py``). The
figures are in ``NAME.json``.

- the page, the browser's copy (tabs between cells), the text browser's dump and the Word
  text (a cell per line) are read exactly, with the same findings;
- the PDF extractions lose blank cells and scatter labels; whatever is read from them must
  be right, no table or row is called missing, and no arithmetic finding appears that the
  page itself does not give.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.model.tables import OUTCOME_COLUMNS
from reportcheck.model.values import parse_text

DATA = Path(__file__).parent / "data" / "textforms"
NAMES = sorted(p.stem for p in DATA.glob("*.json"))
T3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other",
    "total",
)
T4_ROWS = ("review", "litigation_direct", "litigation_after_review")


def _expected(name: str) -> dict[tuple[str, str, str], object]:
    doc = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str, str], object] = {}
    for key, value in doc["table2"].items():
        row, col = key.split("/")
        out[("proactive_disclosure", row, col)] = (
            parse_text(value).value if isinstance(value, str) else value
        )
    for row, values in doc["table3"].items():
        for col, value in zip(T3_COLUMNS, values, strict=True):
            out[("applications", row, col)] = value
    for row, values in zip(T4_ROWS, doc["table4"], strict=True):
        for col, value in zip((c.id for c in OUTCOME_COLUMNS), values, strict=True):
            out[("review_litigation", row, col)] = value
    return out


def _read(path: Path) -> tuple[dict[tuple[str, str, str], object], list[tuple[str, ...]]]:
    report = api.read_path(path)
    values = {
        (t, r, c): cell.value
        for t, table in report.tables.items()
        for (r, c), cell in table.cells.items()
    }
    keys = sorted((f.code, f.table or "", f.row or "", f.column or "") for f in api.check(report))
    return values, keys


def test_the_forms_are_there() -> None:
    assert len(NAMES) >= 3
    for name in NAMES:
        for form in ("html", "inner.txt", "w3m.txt", "layout.txt", "raw.txt", "lotext.txt"):
            assert (DATA / f"{name}.{form}").is_file()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", ["html", "inner.txt", "w3m.txt", "lotext.txt"])
def test_page_and_browser_copy_are_read_exactly(name: str, form: str) -> None:
    expected = _expected(name)
    values, keys = _read(DATA / f"{name}.{form}")
    assert {k: values.get(k, "not read") for k in expected} == expected
    _, page_keys = _read(DATA / f"{name}.html")
    assert keys == page_keys


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", ["layout.txt", "raw.txt"])
def test_pdf_extractions_never_misread_or_call_anything_missing(name: str, form: str) -> None:
    expected = _expected(name)
    values, keys = _read(DATA / f"{name}.{form}")
    wrong = {k: (v, expected[k]) for k, v in values.items() if k in expected and v != expected[k]}
    assert wrong == {}
    assert [k for k in keys if k[0] in ("RC101", "RC102")] == []
    # an arithmetic finding names a cell the page's own findings name (the engine may
    # choose another code when fewer cells were read: RC301 for the page's RC300)
    _, page_keys = _read(DATA / f"{name}.html")
    page_cells = {k[1:] for k in page_keys if k[0].startswith("RC3") or k[0] == "RC204"}
    assert {k[1:] for k in keys if k[0].startswith("RC3")} <= page_cells


def _rows(text: str) -> list[list[str]]:
    from reportcheck.readers.text.lines import split_pieces

    return [[c.text for c in p.rows[0]] for p in split_pieces(text) if p.kind == "row"]


def test_tab_rows_keep_their_empty_cells() -> None:
    assert _rows("二、上年结转政府信息公开申请数量\t2\t\t\t\t\t\t2") == [
        ["二、上年结转政府信息公开申请数量", "2", "", "", "", "", "", "2"]
    ]


def test_a_row_with_every_cell_empty_keeps_its_cells() -> None:
    assert _rows("2.其他法律行政法规禁止公开\t\t\t\t\t\t\t") == [
        ["2.其他法律行政法规禁止公开", "", "", "", "", "", "", ""]
    ]
    # the browser's copy of a whole report whose zeros are left blank: every row read,
    # the empty ones as empty, none said unreadable
    example = Path(__file__).parents[1] / "examples" / "2021-valid.txt"
    lines = []
    for line in example.read_text("utf-8").splitlines():
        if " | " in line:
            cells = line.split(" | ")
            line = "\t".join("" if c.strip() == "0" else c for c in cells)
        lines.append(line)
    report = api.read_bytes("copied.txt", "\n".join(lines).encode("utf-8"))
    assert [f.code for f in api.check(report) if f.code.startswith(("RC0", "RC1"))] == []
    cell = report.tables["applications"].get("denied_2", "total")
    assert cell is not None and cell.value is None and cell.raw == ""


def test_a_sentence_with_a_tab_is_prose() -> None:
    assert _rows("本年度收到申请31件。\t已全部办结。") == []


def test_cells_on_lines_of_their_own_between_tab_lines() -> None:
    # a page pasted from Word, copied from the browser: each cell a paragraph of its own,
    # the first broken by <br>, a middle one of two paragraphs, an empty cell (no-break
    # space), two empty cells with no paragraph on one tab line; rows apart by blank lines
    text = "\n".join(
        [
            "正文一段。",
            "",
            "（二）部分公开（区分处理的，",
            "只计这一情形）",
            "",
            "\t",
            "",
            "本年新",
            "",
            "制作",
            "",
            "\t",
            "",
            "\xa0",
            "",
            "\t\t\t",
            "",
            "3",
            "",
            "",
            "",
            "下一段文字。",
        ]
    )
    assert _rows(text) == [
        ["（二）部分公开（区分处理的，只计这一情形）", "本年新制作", "", "", "", "3"]
    ]


def test_a_one_row_other_group_whose_figures_are_lost_is_unread_not_missing() -> None:
    # a text extraction of a report that prints （六）其他处理 as one row (the 2019 way) and
    # whose figures did not come through: its label is on the page, so its three sub-rows
    # of the 2021 format are not "missing" (RC102) — the row is said unread (RC003)
    example = Path(__file__).parents[1] / "examples" / "2021-valid.txt"
    lines = []
    for line in example.read_text("utf-8").splitlines():
        if line.startswith("（六）其他处理 |"):
            line = "（六）其他处理"
        elif line.startswith(("2.申请人逾期未按收费", "3.其他 |")):
            continue
        lines.append(line)
    report = api.read_bytes("one-row-other.txt", "\n".join(lines).encode("utf-8"))
    found = [(f.code, f.row_label) for f in api.check(report)]
    assert ("RC003", "（六）其他处理") in found
    assert not any(code == "RC102" for code, _ in found)


def test_a_cell_per_line_with_the_label_wrapped_is_one_row() -> None:
    # PyMuPDF's text of a PDF: every cell a line, a wrapped label over two lines, a group
    # label's pieces down the side on lines of their own before it
    lines = ["4.无正当理由大量反复申请", *"0000000", "（六）", "其他处", "理"]
    lines += ["1.申请人无正当理由逾期不补", "正、行政机关不再处理其政", "府信息公开申请"]
    lines += [*"1000001", "2.申请人逾期未按收费通知要"]
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert [label, *"1000001"] in _rows("\n".join(lines))


def test_blank_lines_between_figures_are_no_empty_cells() -> None:
    # a blank line after every figure (pdftotext's reading order) separates the figures;
    # figures one short of a row with a blank line after them are not a row whose 总计 is
    # empty (that was an RC204 error on a correct report)
    spaced = "二、上年结转政府信息公开申请数量\n1\n\n0\n\n0\n\n1\n（一）予以公开"
    assert ["二、上年结转政府信息公开申请数量", "1", "", "0", "", "0", "", "1"] not in _rows(spaced)
    short = "二、上年结转政府信息公开申请数量\n5\n1\n0\n0\n0\n0\n\n（一）予以公开"
    assert not any(r[0].startswith("二、上年结转") and "" in r for r in _rows(short))
    # a Word table saved as text leaves empty cells as lines with nothing between figures
    word = "二、上年结转政府信息公开申请数量\n2\n\n\n\n\n\n2\n（一）予以公开"
    assert ["二、上年结转政府信息公开申请数量", "2", "", "", "", "", "", "2"] in _rows(word)


def test_blank_lines_before_each_figure_are_no_empty_cells() -> None:
    # pdftotext's reading order sets a blank line before each figure too: seven lines of
    # three figures and four blanks (the page's footer after them) are no row of 表三 (its
    # figures were read into the wrong columns: RC204 on a correct report)
    text = "4.保护第三方合法权益\n\n2\n\n2\n\n1\n\n- 5 -\n5.属于三类内部事务信息"
    assert not any(r[0] == "4.保护第三方合法权益" for r in _rows(text))


def test_a_running_header_between_a_label_and_its_figures_is_no_row() -> None:
    # PyMuPDF's text of a table over a page break: the page's footer and running header
    # between a row's label and its figures; the header is no row's label (it was RC106,
    # 'not a row of the format', on a correct report)
    lines = ["二、上年结转政府信息公开申请数量", "- 5 -", "某某区某某局政府信息公开"]
    lines += [*"5100006", "三、本年度办理结果", "（一）予以公开", "27", *"40020", "33"]
    rows = _rows("\n".join(lines))
    assert not any(r[0].startswith("某某区") for r in rows)
    assert ["（一）予以公开", "27", "4", "0", "0", "2", "0", "33"] in rows


def test_the_end_of_a_label_set_after_its_figures_goes_back_to_it() -> None:
    # PyMuPDF, sorted: a label's second line on the same line as the figures, after them
    line = "（二）部分公开（区分处理的，只计这    8      0      1      0      0      0      9   一情形，不计其他情形）"
    assert _rows(line) == [
        [
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "8",
            "0",
            "1",
            "0",
            "0",
            "0",
            "9",
        ]
    ]
    # a sentence with figures in it is no row
    assert _rows("全年收到申请 8 0 1 0 0 0 9   件，均已办结。") == []
