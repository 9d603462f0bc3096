"""The plain-text and Markdown reader: table styles, encodings, glued cells, torn labels.

Reports are built here from data — a small balanced 2021 report whose tables are written
in each of the shapes real text copies have (``|``-flattened as copied from a page,
Markdown, space-separated, cells run together) — with our own example wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model.report import CellState, Report
from reportcheck.model.tables import APPLICANT_COLUMNS, FORMATS, OUTCOME_COLUMNS
from reportcheck.readers import glued, text

T3 = FORMATS["2021"].table("applications")
T3_COLUMNS = [c.id for c in APPLICANT_COLUMNS]
T4_COLUMNS = [c.id for c in OUTCOME_COLUMNS]

# A balanced 表三 (一 + 二 = 三（七） + 四 per column, every row adds up); others are 0.
T3_VALUES: dict[str, list[int]] = {
    "new_received": [5, 1, 0, 0, 0, 0, 6],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [3, 1, 0, 0, 0, 0, 4],
    "denied_3": [1, 0, 0, 0, 0, 0, 1],
    "total": [4, 1, 0, 0, 0, 0, 5],
    "carried_forward": [2, 0, 0, 0, 0, 0, 2],
}
T4_VALUES = [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
T2_ROWS = [
    (
        "第二十条第（一）项",
        ["本年制发件数", "本年废止件数", "现行有效件数"],
        [("规章", [0, 0, 0]), ("行政规范性文件", [3, 0, 17])],
    ),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [25])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [12]), ("行政强制", [0])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["1.5"])]),
]


def t3(row: str) -> list[int]:
    return T3_VALUES.get(row, [0] * 7)


def _labels(style: str) -> list[tuple[list[str], list[int]]]:
    """表三's rows as (label cells, values): the group label on its first row."""
    out = []
    seen: set[str] = set()
    for r in T3.rows:
        cells = []
        if r.group and r.group not in seen:
            seen.add(r.group)
            if r.group.startswith("（"):
                cells.append(r.group)
            elif r.id == "granted":
                cells.append("三、本年度办理结果" if style != "pipe" else "三、本 年度办理 结果")
        cells.append(r.label)
        out.append((cells, t3(r.id)))
    return out


def pipe_tables() -> tuple[str, str, str]:
    """The three tables flattened into ``|`` lines, as copied from a web page."""
    t2 = []
    for block, cols, rows in T2_ROWS:
        t2.append(f"{block} | " + " | " * len(cols))
        t2.append("信息内容 | " + " | ".join(cols))
        for label, values in rows:
            t2.append(f"{label} | " + " | ".join(str(v) for v in values))
    t3_lines = [
        "(本列数据的勾稽关系为:第一项加第二项之 和,等于第三项加第四项之和) | 申请人情况 | |||||||||",
        "自然 人 | 法人或其他组织 | 总计 | ||||||||",
        "商业 企业 | 科研 机构 | 社会 公益 组织 | 法律 服务 机构 | 其他 | ||||||",
    ]
    for cells, values in _labels("pipe"):
        t3_lines.append(" | ".join(cells + [str(v) for v in values]) + " | |||")
    t4 = [
        "行政复议 | 行政诉讼 | |||||||||||||",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||",
        " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + " | |||||",
        " | ".join(str(v) for v in T4_VALUES),
    ]
    return "\n".join(t2), "\n".join(t3_lines), "\n".join(t4)


def markdown_tables() -> tuple[str, str, str]:
    """Markdown tables (``|---|`` rows, ``<br>`` inside labels)."""
    t2 = ["| 信息内容 | 本年<br>制发件数 | 本年<br/>废止件数 | 现行有效件数 |", "|---|---|---|---|"]
    for block, cols, rows in T2_ROWS:
        if len(cols) > 1:
            t2.extend(f"| {label} | " + " | ".join(map(str, v)) + " |" for label, v in rows)
        else:
            t2.append(f"| {block} | {cols[0]} | | |")
            t2.extend(f"| {label} | {v[0]} | | |" for label, v in rows)
    t3_lines = [
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | | |",
        "|:---|---|---|---|---|---|---|---|---|",
        "| | | 自然人 | 商业<br>企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
    ]
    for cells, values in _labels("md"):
        row = (cells if len(cells) == 2 else ["", *cells]) + [str(v) for v in values]
        t3_lines.append("| " + " | ".join(row) + " |")
    t4 = [
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "| " + " | ".join(map(str, T4_VALUES)) + " |",
    ]
    return "\n".join(t2), "\n".join(t3_lines), "\n".join(t4)


def spaced_tables() -> tuple[str, str, str]:
    """Tables as text with the cells separated by spaces or tabs (pdftotext-like)."""
    t2 = []
    for block, cols, rows in T2_ROWS:
        t2.append(block)
        t2.append("信息内容 " + " ".join(cols))
        t2.extend(f"{label}\t" + "\t".join(map(str, v)) for label, v in rows)
    t3_lines = [
        "申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    for cells, values in _labels("spaced"):
        t3_lines.append(" ".join(cells) + "  " + " ".join(map(str, values)))
    t4 = [
        "行政复议 行政诉讼",
        "未经复议直接起诉 复议后起诉",
        "结果维持 结果纠正 其他结果 尚未审结 总计 " * 3 + " ".join(map(str, T4_VALUES)),
    ]
    return "\n".join(t2), "\n".join(t3_lines), "\n".join(t4)


def report_text(tables: tuple[str, str, str], *, fee: bool = True) -> str:
    t2, t3_text, t4 = tables
    six = "本年度未收取信息处理费。" if fee else "无。"
    return "\n".join(
        [
            "示例县测试局2024年政府信息公开工作年度报告",
            "发布日期：2025-01-20",
            "",
            "一、总体情况",
            "本局依照条例做好公开工作。全年收到政府信息公开申请6件，上年结转1件，办结5件，结转下年度2件。",
            "二、主动公开政府信息情况",
            t2,
            "三、收到和处理政府信息公开申请情况",
            t3_text,
            "四、政府信息公开行政复议、行政诉讼情况",
            t4,
            "五、存在的主要问题及改进情况",
            "公开栏目更新不够及时，下一步将加强。",
            "六、其他需要报告的事项",
            six,
            "示例县测试局",
            "2025年1月20日",
        ]
    )


def _read(tmp_path: Path, content: str | bytes, name: str = "r.txt", **kw: object) -> Report:
    p = tmp_path / name
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return api.read_path(p, Settings(**kw))  # type: ignore[arg-type]


def _keys(findings: list[Finding]) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted(
        ((f.code, f.table, f.row, f.column) for f in findings),
        key=lambda k: tuple(x or "" for x in k),
    )


def _assert_values(report: Report) -> None:
    apps = report.tables["applications"]
    for r in T3.rows:
        assert [apps.get(r.id, c).value for c in T3_COLUMNS] == t3(r.id), r.id  # type: ignore[union-attr]
    rl = report.tables["review_litigation"]
    got = [
        rl.get(r, c).value
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in T4_COLUMNS
    ]  # type: ignore[union-attr]
    assert got == T4_VALUES
    pd = report.tables["proactive_disclosure"]
    assert pd.get("normative_documents", "in_force").value == 17  # type: ignore[union-attr]
    assert pd.get("administrative_licensing", "decisions").value == 25  # type: ignore[union-attr]
    assert str(pd.get("administrative_fees", "amount").value) == "1.5"  # type: ignore[union-attr]


# ----------------------------------------------------------------------------- table styles


@pytest.mark.parametrize(
    ("style", "name"),
    [(pipe_tables, "r.txt"), (markdown_tables, "r.md"), (spaced_tables, "r.txt")],
    ids=["pipe", "markdown", "spaced"],
)
def test_every_table_style_reads_the_same_values(tmp_path: Path, style: object, name: str) -> None:
    report = _read(tmp_path, report_text(style()), name)  # type: ignore[operator]
    _assert_values(report)
    assert report.kind == ("markdown" if name.endswith(".md") else "text")
    assert report.format_version == "2021"
    assert _keys(api.check(report)) == []


@pytest.mark.parametrize("figures_on", ["first", "middle", "last"])
def test_labels_wrapped_in_their_cells_are_read(tmp_path: Path, figures_on: str) -> None:
    """Text taken from a PDF with its layout (pdftotext -layout): a long label wrapped in
    its cell over three lines, its figures on the first, the middle or the last of them
    (alone there when on the last), and the group label down the side cut into pieces of
    three characters, one on each line beside them — each row read as its own, none
    unread, unknown or missing, nothing said."""
    t2, _, t4 = spaced_tables()
    t3_lines = [
        "申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    lines: list[tuple[str | None, str, list[int] | None]] = []  # (group, label, figures)
    cut = set()
    at = {"first": 0, "middle": 1, "last": 2}[figures_on]
    for r, (_, values) in zip(T3.rows, _labels("spaced"), strict=True):
        group = r.group if r.group and r.group.startswith("（") else None
        if len(r.label) > 16 and group:
            parts = [r.label[:9], r.label[9:14], r.label[14:]]
            if figures_on == "last":
                parts.append("")
            for k, part in enumerate(parts):
                lines.append((group, part, values if k == at + (figures_on == "last") else None))
            cut.add(r.id)
        else:
            lines.append((group, r.label, values))
    pieces: dict[str, list[str]] = {}
    for group, _, _ in lines:
        if group and group not in pieces:
            pieces[group] = [group[k : k + 3] for k in range(0, len(group), 3)]
    for group, label, values in lines:
        side = pieces[group].pop(0) if group and pieces[group] else ""
        figures = "    " + "   ".join(map(str, values)) if values else ""
        t3_lines.append(f"{side:<6}{label:<12}{figures}".rstrip())
    assert len(cut) >= 3
    report = _read(tmp_path, report_text((t2, "\n".join(t3_lines), t4)))
    _assert_values(report)
    assert _keys(api.check(report)) == []


def _layout_t3(values: dict[str, list[int | None]]) -> str:
    """表三 as pdftotext -layout prints it: figures under their columns at fixed places, an
    empty cell printed as nothing."""
    lines = [
        "申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    for r, (cells, default) in zip(T3.rows, _labels("spaced"), strict=True):
        label = "  ".join(cells)
        row = values.get(r.id, default)
        figures = "".join(f"{'' if v is None else v:>6}" for v in row)
        lines.append(f"{label:<40}{figures}")
    return "\n".join(lines)


def test_empty_cells_of_a_layout_table_are_placed_by_their_columns(tmp_path: Path) -> None:
    # rows with an empty cell or more beside rows with a figure in every column: each
    # figure under its column, the empty ones blank (counted as 0, said: RC207)
    t2, _, t4 = spaced_tables()
    blanks: dict[str, list[int | None]] = {
        "carried_over": [1, None, None, None, None, None, 1],
        "granted": [3, 1, None, None, None, None, 4],
    }
    report = _read(tmp_path, report_text((t2, _layout_t3(blanks), t4)))
    apps = report.tables["applications"]
    for r in T3.rows:
        want = blanks.get(r.id, t3(r.id))
        assert [apps.get(r.id, c).value for c in T3_COLUMNS] == want, r.id  # type: ignore[union-attr]
    assert _keys(api.check(report)) == [("RC207", "applications", None, None)]
    # a wrong figure among them is still found, in its own column
    blanks["granted"] = [3, 2, None, None, None, None, 4]
    keys = _keys(api.check(_read(tmp_path, report_text((t2, _layout_t3(blanks), t4)))))
    assert [k for k in keys if k[0].startswith("RC3") and k[2] == "granted"]


def test_a_figure_with_its_unit_after_a_space_is_read(tmp_path: Path) -> None:
    # 「行政事业性收费    1.5 万元」: text laid out with spaces sets the unit apart
    t2, t3_text, t4 = spaced_tables()
    t2 = t2.replace("行政事业性收费\t1.5", "行政事业性收费     1.5 万元")
    assert "1.5 万元" in t2
    report = _read(tmp_path, report_text((t2, t3_text, t4)))
    fee = report.tables["proactive_disclosure"].get("administrative_fees", "amount")
    assert fee is not None and str(fee.value) == "1.5"
    assert _keys(api.check(report)) == []


def _place(line: str, word: str, middle: int) -> str:
    """``line`` with ``word`` written so that its middle stands at ``middle``."""
    at = middle - len(word) // 2
    line = line.ljust(at)
    return line[:at] + word + line[at + len(word) :]


def _header_lines(left: int, step: int = 6) -> list[str]:
    """表三's column headers broken over four lines as pdftotext -layout prints them, the
    columns' middles ``step`` characters apart from ``left``."""
    mids = [left + step * k for k in range(7)]
    lines = ["", "", "", ""]
    lines[0] = _place(
        _place("（本列数据的勾稽关系为：第一项加第二项之和）", "自然", mids[0]), "总计", mids[6]
    )
    for k, word in enumerate(["人", "商业", "科研", "社会", "法律", "其他"]):
        lines[1] = _place(lines[1], word, mids[k])
    for k, word in zip(range(1, 5), ["企业", "机构", "公益", "服务"], strict=True):
        lines[2] = _place(lines[2], word, mids[k])
    for k, word in zip(range(3, 5), ["组织", "机构"], strict=True):
        lines[3] = _place(lines[3], word, mids[k])
    return ["申请人情况".rjust(left + 10), *lines]


def _layout_blank_t3(break_before: str | None = None) -> str:
    """表三 as pdftotext -layout prints a table whose zeros are empty cells: figures under
    their columns, empty cells as nothing, rows without a figure as their label alone (a
    long label wrapped onto a second line); after ``break_before`` a page break, the header
    printed again and the columns 6 characters further right."""
    left = 44
    lines = _header_lines(left)
    for r in T3.rows:
        if r.id == break_before:
            left += 6
            lines += ["", "- 2 -", "\f", *_header_lines(left)]
        label = r.label if not r.group or r.group.startswith("三") else f"{r.group} {r.label}"
        head, tail = (label[:18], label[18:]) if len(label) > 22 else (label, "")
        line = "  " + head
        for k, v in enumerate(t3(r.id)):
            if v:
                line = _place(line, str(v), left + 6 * k)
        lines.append(line)
        if tail:
            lines.append("      " + tail)
    return "\n".join(lines)


@pytest.mark.parametrize("break_before", [None, "denied_5", "unable_1"])
def test_a_layout_table_printing_zeros_as_empty_cells_is_read(
    tmp_path: Path, break_before: str | None
) -> None:
    # no row has a figure in every column: the columns are where the headers stand (on
    # each page: the table goes on under its header printed again, further right); rows
    # without any figure are their label alone, counted as empty
    t2, _, t4 = spaced_tables()
    report = _read(tmp_path, report_text((t2, _layout_blank_t3(break_before), t4)))
    apps = report.tables["applications"]
    for r in T3.rows:
        got = [apps.get(r.id, c).value or 0 for c in T3_COLUMNS]  # type: ignore[union-attr]
        assert got == t3(r.id), r.id
    assert _keys(api.check(report)) == [("RC207", "applications", None, None)]


def test_a_wrong_figure_in_a_layout_table_of_empty_cells_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # （一）予以公开 says 4 in 总计 where its figures make 5: the cell is named, nothing else
    t2, _, t4 = spaced_tables()
    monkeypatch.setitem(T3_VALUES, "granted", [3, 2, 0, 0, 0, 0, 4])
    report = _read(tmp_path, report_text((t2, _layout_blank_t3("unable_1"), t4)))
    assert report.tables["applications"].get("granted", "commercial").value == 2  # type: ignore[union-attr]
    keys = _keys(api.check(report))
    assert [k for k in keys if k[0] in ("RC300", "RC301") and k[2] == "granted"], keys
    assert not [k for k in keys if k[0] == "RC003"], keys


def test_a_row_whose_label_reads_like_a_heading_is_a_row(tmp_path: Path) -> None:
    # 「一一、本年新收…数量 5 1 0 0 0 0 6」 (numbering doubled) with single spaces, as
    # pdfplumber extracts it: a label and seven figures are a row, not section 一's heading
    t2, t3_text, t4 = spaced_tables()
    t3_text = t3_text.replace(
        "一、本年新收政府信息公开申请数量  ", "一一、本年新收政府信息公开申请数量 "
    )
    t3_text = t3_text.replace(
        "二、上年结转政府信息公开申请数量  ", "二上年结转政府信息公开申请数量 "
    )
    assert "一一、" in t3_text and "二上年" in t3_text
    report = _read(tmp_path, report_text((t2, t3_text, t4)))
    _assert_values(report)
    keys = _keys(api.check(report))
    assert {k[0] for k in keys} <= {"RC108"}, keys


@pytest.mark.parametrize("shape", ["interleaved", "after"])
def test_table_4_in_reading_order_is_read(tmp_path: Path, shape: str) -> None:
    # pdftotext -raw: 表四's header a word or two per line, each column's figure right
    # after its words (「结果」⏎「维持」⏎「1」…), or all fifteen after some 30 header lines
    t2, t3_text, _ = spaced_tables()
    words = [["结果", "维持"], ["结果", "纠正"], ["其他", "结果"], ["尚未", "审结"], ["总计"]]
    lines = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]
    for k, value in enumerate(T4_VALUES):
        lines += words[k % 5]
        if shape == "interleaved":
            lines.append(str(value))
    if shape == "after":
        lines.append(" ".join(map(str, T4_VALUES)))
    report = _read(tmp_path, report_text((t2, t3_text, "\n".join(lines))))
    _assert_values(report)
    assert _keys(api.check(report)) == []


def test_the_founding_report_shape_gives_its_three_findings(tmp_path: Path) -> None:
    """表二 replaced by prose, no heading before 表三, section 六 silent on the fee."""
    _, t3_text, t4 = pipe_tables()
    content = report_text(("本年主动公开文件41条。", t3_text, t4), fee=False).replace(
        "三、收到和处理政府信息公开申请情况\n", ""
    )
    findings = api.check(_read(tmp_path, content))
    assert [
        (f.code, f.table, f.extra.get("section")) for f in sorted(findings, key=lambda f: f.code)
    ] == [
        ("RC101", "proactive_disclosure", None),
        ("RC111", None, "3"),
        ("RC602", None, None),
    ]


def test_a_wrong_cell_is_found_and_located_by_line_and_field(tmp_path: Path) -> None:
    content = report_text(pipe_tables()).replace(
        "（一）予以公开 | 3 | 1 |", "（一）予以公开 | 4 | 1 |"
    )
    report = _read(tmp_path, content)
    findings = api.check(report)
    assert _keys(findings) == [("RC300", "applications", "granted", "natural_person")]
    loc = findings[0].location
    assert loc is not None and loc.line is not None
    line = content.split("\n")[loc.line - 1]
    assert loc.address == f"line {loc.line}, field 3"
    assert line[loc.column - 1 :].startswith("4 |")  # type: ignore[operator]


def test_report_text_is_the_source_text_and_tables_have_positions(tmp_path: Path) -> None:
    content = report_text(pipe_tables())
    report = _read(tmp_path, content.replace("\n", "\r\n"))
    assert report.text == content
    start = report.table_positions["applications"]
    assert content[start:].startswith("(本列数据的勾稽关系为")
    assert content[report.table_positions["review_litigation"] :].startswith("行政复议")
    assert content[report.table_positions["proactive_disclosure"] :].startswith(
        "第二十条第（一）项"
    )


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("gb18030"),
        lambda s: s.encode("gbk"),
        lambda s: s.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_encodings(tmp_path: Path, encode: object) -> None:
    content = report_text(pipe_tables())
    report = _read(tmp_path, encode(content))  # type: ignore[operator]
    assert report.text == content
    _assert_values(report)
    assert report.metadata.agency == "示例县测试局"


def test_undecodable_text_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="decode"):
        text.decode("x.txt", b"\x81\x20\x81\x20 not text")


def test_text_that_is_no_report_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an annual report"):
        _read(tmp_path, "print()\n")


# ----------------------------------------------------------------------------- glued cells


def glued_text(
    t3_rows: dict[str, str] | None = None,
    t2_rows: dict[str, str] | None = None,
    t4: str = "100120001100000",
) -> str:
    """One long line as a crawler writes it: no separator between cells."""
    t2 = {
        "规章": "000",
        "行政规范性文件": "3017",
        "行政许可": "25",
        "行政处罚": "12",
        "行政强制": "0",
        "行政事业性收费": "1.5",
    }
    t2.update(t2_rows or {})
    body = [
        "当前位置：首页 政务公开 示例县2024年政府信息公开工作年度报告。一、总体情况全年收到申请6件，予以公开4件。"
    ]
    body.append("二、主动公开政府信息情况 ")
    for block, cols, rows in T2_ROWS:
        body.append(block + "信息内容" + "".join(cols))
        body.extend(label + t2[label] for label, _ in rows)
    body.append(
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    )
    for cells, values in _labels("glued"):
        run = (t3_rows or {}).get(_row_id(cells[-1]), "".join(map(str, values)))
        body.append("".join(cells) + run)
    body.append(
        " 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        + "结果维持结果纠正其他结果尚未审结总计" * 2
        + t4
    )
    body.append(
        "五、存在的主要问题及改进情况栏目更新不够及时。六、其他需要报告的事项本年度未收取信息处理费。"
    )
    return "标题: 示例县2024年政府信息公开工作年度报告\n发布时间: 2025-03-01 09:00\n" + "".join(
        body
    )


def _row_id(label: str) -> str:
    return next(r.id for r in T3.rows if r.label == label)


def test_glued_cells_are_split_where_one_reading_fits(tmp_path: Path) -> None:
    report = _read(tmp_path, glued_text(t2_rows={"行政规范性文件": "309"}))
    _assert_values_t3_t4(report)
    pd = report.tables["proactive_disclosure"]
    assert [pd.get("regulations", c).value for c in ("made", "repealed", "in_force")] == [0, 0, 0]  # type: ignore[union-attr]
    assert [pd.get("normative_documents", c).value for c in ("made", "repealed", "in_force")] == [
        3,
        0,
        9,
    ]  # type: ignore[union-attr]
    assert _keys(api.check(report)) == []  # one digit per cell: nothing was assumed
    assert report.metadata.year == 2024 and report.metadata.level == "government"
    assert [s.number for s in report.sections or []] == [1, 2, 3, 4, 5, 6]
    cell = report.tables["applications"].get("new_received", "total")
    assert cell is not None and cell.location is not None and cell.location.line == 3
    line = (report.text or "").split("\n")[2]
    assert line[(cell.location.column or 0) - 1 :].startswith("6二、上年结转")
    assert cell.location.address == f"line 3, col {cell.location.column}"


def test_review_groups_split_by_their_totals_are_said_to_be_assumed(tmp_path: Path) -> None:
    # 1·0·2·0·3 | 12·0·0·0·12 | 0·0·0·0·0: one reading, but only by the group totals
    report = _read(tmp_path, glued_text(t2_rows={"行政规范性文件": "309"}, t4="10203120001200000"))
    rl = report.tables["review_litigation"]
    assert [rl.get("litigation_direct", c).value for c in T4_COLUMNS] == [12, 0, 0, 0, 12]  # type: ignore[union-attr]
    assert _keys(api.check(report)) == [("RC005", "review_litigation", None, None)]


def _assert_values_t3_t4(report: Report) -> None:
    apps = report.tables["applications"]
    for r in T3.rows:
        assert [apps.get(r.id, c).value for c in T3_COLUMNS] == t3(r.id), r.id  # type: ignore[union-attr]
    rl = report.tables["review_litigation"]
    got = [
        rl.get(r, c).value
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in T4_COLUMNS
    ]  # type: ignore[union-attr]
    assert got == [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def test_a_glued_row_with_several_readings_is_not_read(tmp_path: Path) -> None:
    report = _read(tmp_path, glued_text())  # 3017: 3·0·17 or 30·1·7
    findings = api.check(report)
    assert ("RC003", "proactive_disclosure", "normative_documents", None) in _keys(findings)
    assert not any(f.code == "RC102" for f in findings)  # the row is there, not missing
    assert report.tables["proactive_disclosure"].get("normative_documents", "made") is None


def test_a_glued_row_with_one_split_is_read_even_when_its_total_fails(
    tmp_path: Path,
) -> None:
    # 7 digits for 7 cells: 5·1·0·0·0·0·7 is the only split; its total fails (5 + 1 ≠ 7),
    # which is the report's defect: the arithmetic rule says so, the reader does not hide it
    report = _read(tmp_path, glued_text({"new_received": "5100007"}, {"行政规范性文件": "309"}))
    apps = report.tables["applications"]
    assert [apps.get("new_received", c).value for c in T3_COLUMNS] == [5, 1, 0, 0, 0, 0, 7]  # type: ignore[union-attr]
    keys = _keys(api.check(report))
    assert ("RC003", "applications", "new_received", None) not in keys
    # the total cell is named (RC300: it also breaks the 勾稽关系 of its column)
    assert [k for k in keys if k[0] in ("RC300", "RC301") and k[2] == "new_received"]


def test_a_glued_row_that_no_split_makes_add_up_is_unreadable_not_an_arithmetic_error(
    tmp_path: Path,
) -> None:
    # 8 digits for 7 cells: seven splits, none adds up: nothing is claimed about the sums
    report = _read(tmp_path, glued_text({"new_received": "51000017"}, {"行政规范性文件": "309"}))
    keys = _keys(api.check(report))
    assert ("RC003", "applications", "new_received", None) in keys
    assert not [k for k in keys if k[0].startswith("RC3") and k[2] == "new_received"]


def test_separate_figures_too_few_for_a_row_are_not_said_to_run_together(
    tmp_path: Path,
) -> None:
    # text taken from a PDF a figure per line, one figure lost: 14 figures apart from each
    # other for 表四's 15 cells — none glued, so not "run together"; and one line per finding
    t4 = "\n\n".join("11002100012010")
    report = _read(tmp_path, glued_text(t2_rows={"行政规范性文件": "309"}, t4=t4))
    found = [f for f in api.check(report) if f.code == "RC003" and f.table == "review_litigation"]
    assert len(found) == 1
    message = found[0].message
    assert "只有 14 个数字（1 1 0 0 2 1 0 0 0 1 2 0 1 0），本行有 15 格" in message
    assert "连在一起（" not in message and "\n" not in message
    assert not report.tables["review_litigation"].cells  # no cell guessed


def test_rows_that_need_the_row_totals_are_said_to_be_assumed(tmp_path: Path) -> None:
    # 14 · 0 … 14: "140000014" splits uniquely only when 总计 = the sum of the row
    rows = {
        "new_received": "140000014",
        "total": "130000013",
        "granted": "120000012",
        "carried_forward": "20000002",
    }
    report = _read(tmp_path, glued_text(rows, {"行政规范性文件": "309"}))
    apps = report.tables["applications"]
    assert [apps.get("new_received", c).value for c in T3_COLUMNS] == [14, 0, 0, 0, 0, 0, 14]  # type: ignore[union-attr]
    rc005 = [f for f in api.check(report) if f.code == "RC005" and f.table == "applications"]
    assert len(rc005) == 1 and "一、本年新收政府信息公开申请数量" in rc005[0].message


def test_prose_with_figures_is_not_a_glued_table(tmp_path: Path) -> None:
    content = report_text(pipe_tables()).replace(
        "公开栏目更新不够及时，下一步将加强。",
        "本年新收政府信息公开申请数量6件，予以公开4件，部分公开0件，不予公开1件，无法提供0件。",
    )
    findings = api.check(_read(tmp_path, content))
    assert not [f for f in findings if f.code in ("RC003", "RC005")]


# ----------------------------------------------------------------------------- torn labels


def _torn(drop: list[str], extra_rows: int = 0) -> str:
    """A Markdown 表三 whose rows in ``drop`` lost their labels (printed loose above)."""
    t2, t3_text, t4 = markdown_tables()
    lines = []
    for line in t3_text.split("\n"):
        hit = next((r for r in T3.rows if f"| {r.label} |" in line and r.id in drop), None)
        if hit is None:
            lines.append(line)
            continue
        lines.append("")
        lines.append(hit.label[:6])  # the label, torn and printed loose
        lines.append(hit.label[6:] or "续")
        cells = line.split(" | ")
        lines.append(
            "| "
            + " | ".join(c.strip("| ") for c in cells if not any(ch in c for ch in "（）、."))
            + " |"
        )
        lines.extend(["| " + " | ".join(["0"] * 7) + " |"] * extra_rows)
    return report_text((t2, "\n".join(lines), t4))


def test_labels_printed_loose_above_their_figures_are_theirs(tmp_path: Path) -> None:
    # each torn label just above its row of figures: put back together, read exactly
    report = _read(tmp_path, _torn(["partial", "denied_3", "unable_1"]), "r.md")
    apps = report.tables["applications"]
    for row in ("partial", "denied_3", "unable_1"):
        assert [apps.get(row, c).value for c in T3_COLUMNS] == t3(row)  # type: ignore[union-attr]
    assert _keys(api.check(report)) == []


def test_rows_without_labels_are_identified_by_their_place(tmp_path: Path) -> None:
    # the labels of two rows listed together, then their two rows of figures (an extractor
    # that sets the label column apart): which is which is not joined up from the text but
    # placed by the order of the rows around them, and said (RC005)
    text = _torn(["denied_3"])
    four = next(r for r in T3.rows if r.id == "denied_4")
    line = next(ln for ln in text.split("\n") if f"| {four.label} |" in ln)
    figures = "| " + " | ".join(str(v) for v in t3("denied_4")) + " |"
    text = text.replace(line + "\n", "")
    torn3 = next(r for r in T3.rows if r.id == "denied_3").label
    text = text.replace(
        torn3[:6] + "\n", torn3[:6] + "\n" + torn3[6:] + "\n" + four.label + "\n", 1
    )
    text = text.replace(
        torn3[6:] + "\n" + four.label + "\n" + torn3[6:] + "\n",
        torn3[6:] + "\n" + four.label + "\n",
        1,
    )
    rows = text.split("\n")
    k = next(i for i, ln in enumerate(rows) if ln.startswith("| ") and i > rows.index(four.label))
    rows.insert(k + 1, figures)
    report = _read(tmp_path, "\n".join(rows), "r.md")
    apps = report.tables["applications"]
    for row in ("denied_3", "denied_4"):
        assert [apps.get(row, c).value for c in T3_COLUMNS] == t3(row)  # type: ignore[union-attr]
    assert _keys(api.check(report)) == [("RC005", "applications", None, None)]


def test_rows_without_labels_that_do_not_fit_are_not_read(tmp_path: Path) -> None:
    report = _read(tmp_path, _torn(["denied_3"], extra_rows=1), "r.md")
    keys = _keys(api.check(report))
    assert ("RC003", "applications", None, None) in keys
    # its label is on the page (torn over two lines): unreadable, never "missing"
    assert ("RC003", "applications", "denied_3", None) in keys
    assert ("RC102", "applications", "denied_3", None) not in keys
    assert not [k for k in keys if k[0].startswith("RC3")]


# ----------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("run", "n", "relation", "cells", "options", "assumed"),
    [
        ("0000000", 7, glued.row_total, ["0"] * 7, 1, False),
        ("500000 5", 7, glued.row_total, ["5", "0", "0", "0", "0", "0", "5"], 1, False),
        ("640020470", 7, glued.row_total, ["64", "0", "0", "2", "0", "4", "70"], 1, True),
        ("270020130", 7, glued.row_total, None, 2, True),  # 27·0·0·2·0·1·30 or 2·7·0·0·20·1·30
        # 7 digits, 7 cells: one split, read although 1 ≠ 3 (the arithmetic rules say so)
        ("1000003", 7, glued.row_total, ["1", "0", "0", "0", "0", "0", "3"], 1, False),
        ("10000013", 7, glued.row_total, None, 0, True),  # several splits, none adds up
        # 15 digits for 表四: one split, read although the first group does not add up
        (
            "100010000000000",
            15,
            glued.group_totals,
            ["1", "0", "0", "0", "1"] + ["0"] * 10,
            1,
            False,
        ),
        ("693665", 3, None, None, 10, False),
        (" 000", 3, None, ["0", "0", "0"], 1, False),
        ("10203120001200000", 15, glued.group_totals, None, 1, True),
        ("12", 7, glued.row_total, None, 0, False),
    ],
)
def test_split_run(
    run: str, n: int, relation: object, cells: list[str] | None, options: int, assumed: bool
) -> None:
    reading = glued.split_run(run, n, relation)  # type: ignore[arg-type]
    assert len(reading.options) == options
    assert reading.assumed is assumed
    if cells is not None:
        assert reading.cells is not None and [t for t, _ in reading.cells] == cells


def test_split_run_keeps_decimals_where_the_column_allows() -> None:
    reading = glued.split_run("24252.311082", 1, None, frozenset({0}))
    assert reading.cells == (("24252.311082", 0),)
    assert glued.split_run("24252.311082", 1).options == ()


def test_segment_header_words() -> None:
    assert glued.segment("行政复议行政诉讼") == ["行政复议", "行政诉讼"]
    assert glued.segment("信息内容 本年处理决定数量") == ["信息内容", "本年处理决定数量"]
    assert glued.segment("结果结果其他尚未") is None


def test_blank_cells_stay_blank(tmp_path: Path) -> None:
    content = report_text(pipe_tables()).replace(
        "（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4", "（一）予以公开 | 3 | 1 |  |  |  |  | 4"
    )
    report = _read(tmp_path, content)
    cell = report.tables["applications"].get("granted", "research")
    assert cell is not None and cell.state is CellState.BLANK


def test_an_unreadable_review_table_is_said_once(tmp_path: Path) -> None:
    # 19 digits for 15 cells with no split that gives every group its total
    report = _read(
        tmp_path, glued_text(t2_rows={"行政规范性文件": "309"}, t4="9999999999999999999")
    )
    keys = _keys(api.check(report))
    assert keys == [("RC003", "review_litigation", None, None)]


def test_a_2019_report_in_text(tmp_path: Path) -> None:
    t3_2019 = FORMATS["2019"].table("applications")
    lines = [
        "示例局2020年政府信息公开工作年度报告",
        "发布日期：2021-01-20",
        "一、总体情况",
        "正文。",
        "二、主动公开政府信息情况",
    ]
    t2 = FORMATS["2019"].table("proactive_disclosure")
    for block in t2.blocks:
        rows = [r for r in t2.rows if r.block == block]
        lines.append(block)
        lines.append("信息内容 | " + " | ".join(c.label for c in rows[0].columns))
        for r in rows:
            values = [
                "251000元" if c.id == "total_amount" else "-2" if c.id == "change" else "3"
                for c in r.columns
            ]
            lines.append(f"{r.label} | " + " | ".join(values))
    lines.append("三、收到和处理政府信息公开申请情况")
    for r in t3_2019.rows:
        lines.append(f"{r.label} | " + " | ".join(str(v) for v in t3(r.id)))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 | 行政诉讼",
        " ".join(map(str, T4_VALUES)),
    ]
    lines += [
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    report = _read(tmp_path, "\n".join(lines))
    assert report.format_version == "2019" and report.metadata.year == 2020
    pd = report.tables["proactive_disclosure"]
    assert pd.get("government_procurement", "total_amount").raw == "251000元"  # type: ignore[union-attr]
    assert pd.get("administrative_licensing", "change").value == -2  # type: ignore[union-attr]
    assert report.tables["applications"].get("other", "total") is not None
    assert _keys(api.check(report)) == []


def test_a_running_header_is_no_rest_of_the_label_above(tmp_path: Path) -> None:
    # a page's running header between two rows (pdfplumber, a table over a page break)
    # after a row whose label is written otherwise: it goes on no label (the label variant
    # was quoted with the header glued on, 「3.危及三安全一稳某某局政府信息公开」)
    t2, t3_text, t4 = spaced_tables()
    t3_text = t3_text.replace("3.危及“三安全一稳定”  1", "3.危及三安全一稳  1").replace(
        "4.保护第三方合法权益  0", "示例县测试局政府信息公开\n4.保护第三方合法权益  0"
    )
    findings = api.check(_read(tmp_path, report_text((t2, t3_text, t4))))
    assert [(f.code, f.row, f.actual) for f in findings] == [
        ("RC108", "denied_3", "3.危及三安全一稳")
    ]
