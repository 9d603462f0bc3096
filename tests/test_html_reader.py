"""The HTML reader: encodings, merged cells, Word-paste markup, page furniture, locations.

Pages are built here from data (a small balanced 2021 report with every table in the
shapes real sites publish); the corpus pages 001 and 006 are read against their hand-read
values when ../shared is beside the repository.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import APPLICANT_COLUMNS, FORMATS, OUTCOME_COLUMNS
from reportcheck.readers import html
from reportcheck.readers.grid import Grid

T3_COLUMNS = [c.id for c in APPLICANT_COLUMNS]
T4_COLUMNS = [c.id for c in OUTCOME_COLUMNS]

# A balanced 表三 (一 + 二 = 三（七） + 四 in every column); cells not named are 0.
T3_VALUES: dict[str, list[int | None]] = {
    "new_received": [5, 1, None, None, None, None, 6],
    "carried_over": [1, 0, None, None, None, None, 1],
    "granted": [3, 1, None, None, None, None, 4],
    "denied_3": [1, 0, None, None, None, None, 1],
    "total": [4, 1, None, None, None, None, 5],
    "carried_forward": [2, 0, None, None, None, None, 2],
}
T4_VALUES = [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
T2_VALUES = {
    ("regulations", "made"): 0,
    ("normative_documents", "made"): 3,
    ("normative_documents", "in_force"): 17,
    ("administrative_penalty", "decisions"): 12,
    ("administrative_fees", "amount"): "1.5",
}


def _v(value: int | str | None) -> str:
    return "&nbsp;" if value is None else str(value)


def _label(text: str, per_char: bool) -> str:
    if not per_char:
        return text
    return "".join(f'<span style="font-family:宋体">{ch}</span>' for ch in text)


def table2(*, br: bool = False) -> list[str]:
    """表二 (2021) as rows: four blocks, each with its header row."""
    made = "本年<br/>制发件数" if br else "本年制发件数"
    rows = []
    t2 = FORMATS["2021"].table("proactive_disclosure")
    for block in t2.blocks:
        block_rows = [r for r in t2.rows if r.block == block]
        cols = block_rows[0].columns
        rows.append(f'<tr><td colspan="4"><p>{block}</p></td></tr>')
        if len(cols) == 3:
            heads = [made if c.id == "made" else c.label for c in cols]
            cells = "".join(f"<td><p>{h}</p></td>" for h in heads)
            rows.append(f"<tr><td><p>信息内容</p></td>{cells}</tr>")
        else:
            rows.append(
                f'<tr><td><p>信息内容</p></td><td colspan="3"><p>{cols[0].label}</p></td></tr>'
            )
        for r in block_rows:
            label = "规范性文件" if r.id == "normative_documents" else r.label
            if len(cols) == 3:
                cells = "".join(
                    f"<td><p>{_v(T2_VALUES.get((r.id, c.id), 0))}</p></td>" for c in cols
                )
            else:
                val = T2_VALUES.get((r.id, cols[0].id), 0)
                cells = f'<td colspan="3"><p>{_v(val)}</p></td>'
            rows.append(f"<tr><td><p>{label}</p></td>{cells}</tr>")
    return rows


def table3(*, per_char: bool = False, word: bool = False) -> list[str]:
    """表三 (2021) as rows, with the merged header and group cells of the official form."""
    t3 = FORMATS["2021"].table("applications")
    empty = "<p><o:p>&nbsp;</o:p></p>" if word else "&nbsp;"

    def cell(v: int | None) -> str:
        return f"<td>{empty}</td>" if v is None else f"<td><p>{v}</p></td>"

    rows = [
        f'<tr><td colspan="3" rowspan="3"><p>{t3.note}</p></td>'
        '<td colspan="7"><p>申请人情况</p></td></tr>',
        '<tr><td rowspan="2"><p><o:p> </o:p></p><p>自然人</p></td>'
        '<td colspan="5"><p>法人或其他组织</p></td><td rowspan="2"><p>总计</p></td></tr>',
        "<tr><td><p>商业</p><p>企业</p></td><td><p>科研<br>机构</p></td>"
        + "".join(f"<td><p>{c.label}</p></td>" for c in APPLICANT_COLUMNS[3:6])
        + "</tr>",
    ]
    results = [r for r in t3.rows if (r.group and r.group.startswith("三、")) or r.result]
    groups: dict[str, int] = {}
    for r in t3.rows:
        if r.group and not r.group.startswith("三、"):
            groups[r.group] = groups.get(r.group, 0) + 1
    seen: set[str] = set()
    for r in t3.rows:
        values = T3_VALUES.get(r.id, [0, None, None, None, None, None, 0])
        lead = ""
        if r.id == "granted":
            lead = (
                f'<td rowspan="{len(results)}"><p>{_label("三、本年度办理结果", per_char)}</p></td>'
            )
        if r.group and not r.group.startswith("三、"):
            if r.group not in seen:
                seen.add(r.group)
                lead += f'<td rowspan="{groups[r.group]}"><p>{_label(r.group, per_char)}</p></td>'
            label = f"<td><p>{_label(r.label, per_char)}</p></td>"
        elif r.result or r.id == "total":
            label = f'<td colspan="2"><p>{_label(r.label, per_char)}</p></td>'
        else:
            label = f'<td colspan="3"><p>{_label(r.label, per_char)}</p></td>'
        rows.append("<tr>" + lead + label + "".join(cell(v) for v in values) + "</tr>")
    return rows


def table4() -> list[str]:
    """表四 as rows: two header bands, the 15 outcome headers, one row of values."""
    outcomes = "".join(f"<td>{c.label}</td>" for c in OUTCOME_COLUMNS)
    return [
        '<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>',
        '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
        f"<tr>{outcomes * 3}</tr>",
        "<tr>" + "".join(f"<td>{v}</td>" for v in T4_VALUES) + "</tr>",
    ]


def _table(rows: list[str]) -> str:
    return '<table border="1" cellspacing="0"><tbody>' + "".join(rows) + "</tbody></table>"


def report_body(
    *,
    one_table: bool = False,
    per_char: bool = False,
    word: bool = False,
    br: bool = False,
) -> str:
    """The report: title, six sections with example prose of our own, the three tables."""
    t2, t3, t4 = table2(br=br), table3(per_char=per_char, word=word), table4()
    parts = [
        "<h1>示例县统计局2023年政府信息公开工作年度报告</h1>",
        "<p>一、总体情况</p>",
        "<p>本局依法做好政府信息公开，全年新收申请6件。</p>",
        "<p>二、主动公开政府信息情况</p>",
    ]
    if one_table:
        parts.append(_table(t2 + t3 + t4))
    else:
        parts += [
            _table(t2),
            "<p>三、收到和处理政府信息公开申请情况</p>",
            _table(t3),
            "<p>四、政府信息公开行政复议、行政诉讼情况</p>",
            _table(t4),
        ]
    parts += [
        "<p>五、存在的主要问题及改进情况</p>",
        "<p>培训仍需加强。</p>",
        "<p>六、其他需要报告的事项</p>",
        "<p>本年度未收取信息处理费。</p>",
        "<p>示例县统计局<br>2024年1月20日</p>",
    ]
    return "\n".join(parts)


def page(body: str, *, charset: str | None = "utf-8", http_equiv: bool = False) -> str:
    """A whole page: head with an optional charset declaration, furniture around the body."""
    if charset is None:
        meta = ""
    elif http_equiv:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    else:
        meta = f'<meta charset="{charset}">'
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>示例县人民政府</title>\n"
        "<style>td { border: 1px solid } .x:before { content: '<table>' }</style>\n"
        '<script>var s = "<table><tr><td>规章</td><td>99</td></tr></table>";</script>\n'
        "</head><body>\n"
        '<div class="nav"><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></div>\n'
        f'<div class="article">\n{body}\n</div>\n'
        '<div class="footer"><p>主办：示例县人民政府办公室 | 网站标识码 0000000000</p></div>\n'
        "</body></html>\n"
    )


def read(data: bytes, name: str = "report.html") -> Report:
    return html.read(name, data, "html", Settings())


def findings(report: Report) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.table, f.row, f.column) for f in api.check(report) if f.code != "RC207"]


def assert_values(report: Report) -> None:
    """Every cell of the built report was read with its value."""
    t3 = report.tables["applications"]
    for row in FORMATS["2021"].table("applications").rows:
        values = T3_VALUES.get(row.id, [0, None, None, None, None, None, 0])
        got = [t3.get(row.id, c) for c in T3_COLUMNS]
        assert [c.value if c else "missing" for c in got] == values, row.id
    t4 = report.tables["review_litigation"]
    got4 = [t4.get(r, c) for r in ("review", "litigation_direct", "litigation_after_review")
            for c in T4_COLUMNS]  # fmt: skip
    assert [c.value if c else None for c in got4] == T4_VALUES
    t2 = report.tables["proactive_disclosure"]
    from decimal import Decimal

    for r in FORMATS["2021"].table("proactive_disclosure").rows:
        for c in r.columns:
            cell = t2.get(r.id, c.id)
            assert cell is not None, (r.id, c.id)
            expected = T2_VALUES.get((r.id, c.id), 0)
            assert cell.value == (Decimal(expected) if isinstance(expected, str) else expected)


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("encoding", "charset", "http_equiv"),
    [
        ("utf-8", "utf-8", False),
        ("utf-8", None, False),
        ("gbk", "gbk", False),
        ("gbk", "gb2312", True),
        ("gbk", None, False),
        ("gb18030", "GB18030", True),
        ("utf-8", "gbk", False),  # declared wrong: the bytes are valid UTF-8
        ("gbk", "utf-8", True),  # declared wrong the other way
    ],
)
def test_encodings(encoding: str, charset: str | None, http_equiv: bool) -> None:
    data = page(report_body(), charset=charset, http_equiv=http_equiv).encode(encoding)
    report = read(data)
    assert_values(report)
    assert report.metadata.year == 2023
    assert findings(report) == [] or all(code[0].startswith("RC6") for code in findings(report))


def test_utf8_with_bom() -> None:
    report = read(b"\xef\xbb\xbf" + page(report_body()).encode("utf-8"))
    assert_values(report)
    assert report.text is not None and "\ufeff" not in report.text


def test_gbk_is_not_mistaken_for_utf8() -> None:
    text = page(report_body(), charset=None)
    assert html.decode("x", text.encode("gbk")) == text
    assert html.decode("x", text.encode("gb18030")) == text


def test_undecodable_bytes_are_an_input_error() -> None:
    junk = bytes(range(0x80, 0x100)) * 200
    with pytest.raises(InputError):
        read(b"<html><body><table>" + junk + b"</table></body></html>")


def test_a_few_broken_bytes_are_tolerated() -> None:
    data = page(report_body()).encode("utf-8").replace("培训".encode(), b"\xff\xfe")
    assert_values(read(data))


# ------------------------------------------------------------------ the whole report


def test_clean_report_has_no_findings() -> None:
    report = read(page(report_body()).encode())
    assert_values(report)
    assert report.format_version == "2021"
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    assert [f for f in findings(report) if not f[0].startswith("RC6")] == []


def test_one_table_holding_all_three() -> None:
    report = read(page(report_body(one_table=True)).encode())
    assert_values(report)


def test_table2_as_one_table_per_block() -> None:
    """表二 published as four small tables, one per 第二十条 block, nothing but an empty
    paragraph between them: read as one table, each cell keeping its own location."""
    rows = table2()
    starts = [i for i, r in enumerate(rows) if "第二十条" in r] + [len(rows)]
    split = "<p>&nbsp;</p>".join(_table(rows[a:b]) for a, b in pairwise(starts))
    report = read(page(report_body().replace(_table(rows), split)).encode())
    assert_values(report)
    fee = report.tables["proactive_disclosure"].get("administrative_fees", "amount")
    assert fee is not None and fee.location is not None
    assert fee.location.address == "table 4, row 3, col 2"
    assert report.tables["applications"].location is not None
    assert report.tables["applications"].location.address.startswith("table 5,")


def test_tables_with_text_between_stay_apart() -> None:
    two = "<table><tr><td>A</td><td>1</td></tr></table>"
    assert len(_grids(f"{two}x{two}")) == 2
    assert len(_grids(f"{two}<p>&nbsp;</p>{two}")) == 1
    (stacked,) = _grids(
        "<table><tr><td rowspan=2>A</td><td>1</td></tr><tr><td>2</td></tr></table>"
        "<p> </p><table><tr><td>B</td><td>3</td></tr></table>"
    )
    assert stacked.cells[(3, 1)].text == "B"
    assert stacked.cells[(3, 1)].location.address == "table 2, row 1, col 1"
    assert stacked.merged == [(1, 1, 2, 1)]


def test_labels_split_into_per_character_spans() -> None:
    report = read(page(report_body(per_char=True)).encode())
    assert_values(report)


def test_word_paste_markup() -> None:
    body = report_body(word=True).replace(
        "<p>一、总体情况</p>",
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument>"
        "</xml><![endif]--><p class=MsoNormal>一、总体情况<o:p></o:p></p>"
        "<p><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>",
    )
    report = read(page(body).encode())
    assert_values(report)
    assert report.text is not None and "WordDocument" not in report.text
    # Word's empty-cell paragraphs are blank cells, not zeros
    cell = report.tables["applications"].get("granted", "research")
    assert cell is not None and cell.state is CellState.BLANK


def test_br_inside_labels() -> None:
    report = read(page(report_body(br=True)).encode())
    assert_values(report)


def test_page_furniture_is_text_scripts_and_styles_are_not() -> None:
    report = read(page(report_body()).encode())
    assert report.text is not None
    assert "首页" in report.text and "网站标识码" in report.text
    assert "var s" not in report.text and "border" not in report.text
    assert "99" not in report.text


def test_layout_table_around_the_report() -> None:
    """Old sites put the whole page in a table; its cells are text, not a data table."""
    body = (
        '<table width="100%"><tr><td class="menu">首页<br>政务公开</td>'
        f"<td>{report_body()}</td></tr>"
        "<tr><td colspan=2>版权所有 示例县人民政府</td></tr></table>"
    )
    report = read(page(body).encode())
    assert_values(report)
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    t3 = report.tables["applications"].get("granted", "natural_person")
    assert t3 is not None and t3.location is not None
    assert t3.location.address.startswith("table 2,")  # the layout table is not counted


# ------------------------------------------------------------------ grids and locations


def _grids(text: str) -> list[Grid]:
    return [b.grid for b in html.blocks(text) if b.grid is not None]


def test_rowspan_and_colspan_expand_into_a_grid() -> None:
    src = (
        "<table>"
        '<tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>'
        "<tr><td>C</td></tr>"
        '<tr><td>D</td><td colspan="2">E</td></tr>'
        "<tr><td>F<td>G<td>H"  # unclosed cells and row
        "</table>"
    )
    (grid,) = _grids(src)
    assert {k: v.text for k, v in grid.cells.items()} == {
        (1, 1): "A",
        (1, 3): "B",
        (2, 3): "C",
        (3, 1): "D",
        (3, 2): "E",
        (4, 1): "F",
        (4, 2): "G",
        (4, 3): "H",
    }
    assert sorted(grid.merged) == [(1, 1, 2, 2), (3, 2, 3, 3)]
    assert grid.at(2, 2) is grid.cells[(1, 1)]


def test_rowspan_beyond_the_table_and_odd_span_values() -> None:
    src = '<table><tr><td rowspan="9">A</td><td colspan="2x">B</td></tr><tr><td>C</td></tr></table>'
    (grid,) = _grids(src)
    assert (1, 1, 2, 1) in grid.merged  # clamped to the table's last row
    assert (1, 2, 1, 3) in grid.merged  # "2x" reads as 2, as browsers do
    assert grid.cells[(2, 2)].text == "C"


def test_cell_text_lines_and_entities() -> None:
    src = (
        "<table><tr><td><p>本年新<br />制作数量</p></td><td>&#49;&#50;</td>"
        "<td> &nbsp; </td><td>A&amp;B &lt;x&gt;</td></tr></table>"
    )
    (grid,) = _grids(src)
    assert grid.cells[(1, 1)].text == "本年新\n制作数量"
    assert grid.cells[(1, 2)].text == "12"
    assert grid.cells[(1, 3)].text == ""
    assert grid.cells[(1, 4)].text == "A&B <x>"


def test_locations_name_table_row_column_and_line() -> None:
    text = page(report_body())
    report = read(text.encode())
    cell = report.tables["applications"].get("granted", "commercial")
    assert cell is not None and cell.location is not None
    # table 2 of the page (表二 is table 1), row 6 (three header rows, two count rows,
    # then （一）予以公开), column 5 (three label columns, then 自然人, 商业企业)
    assert cell.location.address == "table 2, row 6, col 5"
    lines = text.splitlines()
    assert cell.location.line is not None
    assert "三、收到和处理" in lines[cell.location.line - 2]
    heading = next(s for s in report.sections or [] if s.number == 3)
    assert heading.location.address.startswith("paragraph ")
    assert lines[(heading.location.line or 0) - 1].startswith("<p>三、")


def test_single_line_page_has_no_line_numbers() -> None:
    report = read(report_body().replace("\n", "").encode())
    cell = report.tables["applications"].get("granted", "commercial")
    assert cell is not None and cell.location is not None and cell.location.line is None


def test_signature_date_after_br_is_its_own_line() -> None:
    report = read(page(report_body()).encode())
    assert report.metadata.published is not None
    assert report.metadata.published.isoformat() == "2024-01-20"


def test_chinese_text_wrapped_in_the_source_is_joined() -> None:
    blocks = html.blocks("<p>本年新收政府信息公开\n   申请数量 6 件，\n答复 5 件</p>")
    assert [b.text for b in blocks] == ["本年新收政府信息公开申请数量 6 件，答复 5 件"]


# ------------------------------------------------------------------ bad input


def test_page_without_tables_is_checked_and_misses_tables() -> None:
    body = "<h1>示例县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>表格见附件。</p>"
    report = read(page(body).encode())
    codes = [(f.code, f.table) for f in api.check(report)]
    for table_id in ("proactive_disclosure", "applications", "review_litigation"):
        assert ("RC101", table_id) in codes


@pytest.mark.parametrize("data", [b"", b"  \n ", b"<html><head><script>x</script></head></html>"])
def test_empty_page_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        read(data)


def test_binary_junk_named_html(tmp_path: Path) -> None:
    p = tmp_path / "report.html"
    p.write_bytes(b"\x00\x01\x02<table>\x00" * 100)
    with pytest.raises(InputError):
        api.read_path(p)


def test_html_through_the_api_by_content(tmp_path: Path) -> None:
    p = tmp_path / "report.txt"  # the extension does not decide: the content does
    p.write_bytes(page(report_body()).encode("gbk"))
    report = api.read_path(p)
    assert report.kind == "html"
    assert_values(report)


# ------------------------------------------------------------------ the corpus

_T2_2019 = {
    "art20_1": {"regulations": "regulations", "normative_documents": "normative_documents"},
    "art20_5": {
        "admin_license": "administrative_licensing",
        "other_external_services": "other_services",
    },
    "art20_6": {
        "admin_penalty": "administrative_penalty",
        "admin_coercion": "administrative_coercion",
    },
    "art20_8": {"admin_fees": "administrative_fees"},
    "art20_9": {"gov_procurement": "government_procurement"},
}
_T2_ROWS = {
    "regulations": "regulations",
    "normative_documents": "normative_documents",
    "admin_license": "administrative_licensing",
    "admin_penalty": "administrative_penalty",
    "admin_coercion": "administrative_coercion",
    "admin_fees": "administrative_fees",
}
_T2_COLUMNS = {
    "prev_year_items": "previous_items",
    "valid": "in_force",
    "amount_wan_yuan": "amount",
}


_TABLES = {
    "table2": "proactive_disclosure",
    "table3": "applications",
    "table4": "review_litigation",
}


def _expected_cells(doc: dict[str, object]) -> dict[tuple[str, str, str], object]:
    """The corpus file's hand-read values by (table, row, column) of the model."""
    out: dict[tuple[str, str, str], object] = {}
    t3 = doc["table3"]
    assert isinstance(t3, dict)
    for row, values in t3.items():
        for col, v in zip(T3_COLUMNS, values, strict=True):
            out[("applications", row, col)] = v
    t4 = doc["table4"]
    assert isinstance(t4, dict)
    for row, values in t4.items():
        for col, v in zip(T4_COLUMNS, values, strict=True):
            out[("review_litigation", row, col)] = v
    t2 = doc["table2"]
    assert isinstance(t2, dict)
    rows: list[tuple[str, dict[str, object]]] = []
    if doc["format"] == "2019":
        for block, mapping in _T2_2019.items():
            for key, row_id in mapping.items():
                rows.append((row_id, t2[block][key]))
    else:
        rows = [(_T2_ROWS[k], v) for k, v in t2.items()]
    for row_id, cols in rows:
        for col, v in cols.items():
            if col != "label_note":
                out[("proactive_disclosure", row_id, _T2_COLUMNS.get(col, col))] = v
    return out


def _read_corpus(name: str) -> tuple[Report, dict[str, object]]:
    path = CORPUS / name
    doc = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return api.read_path(path), doc


@requires_shared
@pytest.mark.parametrize("name", ["001-shanghai-bgt-2019.html", "006-shuyang-fgj-2023.html"])
def test_corpus_values(name: str) -> None:
    report, doc = _read_corpus(name)
    assert report.kind == "html"
    assert report.format_version == doc["format"]
    assert sorted(report.tables) == sorted(_TABLES[t] for t in doc["tables_present"])
    for (table, row, col), expected in _expected_cells(doc).items():
        cell = report.tables[table].get(row, col)
        assert cell is not None, (table, row, col)
        if expected is None:
            assert cell.state is CellState.BLANK, (table, row, col, cell)
        elif isinstance(expected, str):  # a value written with its unit: 251000元
            assert cell.raw == expected and cell.state is CellState.NUMBER
        else:
            assert (cell.value, cell.state) == (expected, CellState.NUMBER), (table, row, col)
    # nothing read that the hand-read file does not have
    read_cells = {(t, r, c) for t, data in report.tables.items() for (r, c) in data.cells}
    assert read_cells == set(_expected_cells(doc))
    assert all(not data.extra_rows for data in report.tables.values())


_CHECKS: dict[str, Callable[[dict[str, object]], tuple[str, str | None, str | None]]] = {
    "t3_row_total": lambda e: ("RC204", str(e["row"]), "total"),
    "t3_results_total": lambda e: ("RC302", "total", str(e["column"])),
}


@requires_shared
@pytest.mark.parametrize("name", ["001-shanghai-bgt-2019.html", "006-shuyang-fgj-2023.html"])
def test_corpus_arithmetic_findings(name: str) -> None:
    """The arithmetic findings are exactly those the corpus file expects (001: blank totals)."""
    report, doc = _read_corpus(name)
    expected = doc["expected_findings"]
    assert isinstance(expected, list)
    want = sorted(_CHECKS[e["check"]](e) for e in expected)
    got = sorted(
        (f.code, f.row, f.column)
        for f in api.check(report)
        if f.code.startswith("RC3") or f.code == "RC204"
    )
    assert got == want


@pytest.mark.parametrize("start", ["<h1>", "<section><h2>", "<span>"])
def test_page_fragment_starting_with_any_element_is_html(tmp_path: Path, start: str) -> None:
    p = tmp_path / "report.htm"
    p.write_text(f"{start}示例县2023年政府信息公开工作年度报告<p>一、总体情况</p>", "utf-8")
    assert api.read_path(p).kind == "html"
