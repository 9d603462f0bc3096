"""Issue 8: tables damaged the way real extractions damage them are still read.

Every text here is a report of our own (tests/test_rules_sections.full_report), damaged in
one way: 表四's header broken two characters per line with its 15 numbers spaced or glued;
表四 published as three small tables; a stray label fragment inside 表三; a 2021 表三 that
writes （六）其他处理 as one row.
"""

from __future__ import annotations

from pathlib import Path

from reportcheck import api
from reportcheck.model.report import Report
from test_rules_sections import full_report, t4_lines

REVIEW = ((1, 0, 0, 0, 1), (0, 0, 0, 2, 2), (0, 0, 0, 0, 0))
BASE = full_report(t3={"new_received": 5, "total": 5, "granted": 5}, t4=REVIEW)
T4 = "\n".join(t4_lines(*REVIEW))
BROKEN_HEADER = [
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果 结果 其他 尚未 总",
    "维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总",
    "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计",
]


def _read(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return api.read_path(path)


def _review(report: Report) -> list[int | None]:
    t = report.tables["review_litigation"]
    return [
        t.get(r, c).value  # type: ignore[union-attr,misc]
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]


def _codes(report: Report) -> list[str]:
    return sorted(f.code for f in api.check(report))


EXPECTED = [v for g in REVIEW for v in g]


def test_review_with_its_header_broken_and_its_numbers_spaced(tmp_path: Path) -> None:
    text = BASE.replace(T4, "\n".join([*BROKEN_HEADER, " ".join(map(str, EXPECTED))]))
    report = _read(tmp_path, text)
    assert _review(report) == EXPECTED
    assert _codes(report) == []


def test_review_with_its_numbers_glued(tmp_path: Path) -> None:
    text = BASE.replace(T4, "\n".join([*BROKEN_HEADER, "".join(map(str, EXPECTED))]))
    report = _read(tmp_path, text)
    assert _review(report) == EXPECTED  # 15 digits for 15 cells: one reading
    assert _codes(report) == []


def test_review_glued_where_several_splits_fit_lists_them(tmp_path: Path) -> None:
    # 16 digits: 10·0·0·0·10 or 1·0·0·0·1 + … — the group totals leave two readings
    text = BASE.replace(T4, "\n".join([*BROKEN_HEADER, "1000100010001000" + "0" * 0]))
    report = _read(tmp_path, text)
    found = [f for f in api.check(report) if f.table == "review_litigation"]
    assert [f.code for f in found] == ["RC003"]
    assert "RC101" not in _codes(report)


def test_review_published_as_three_small_tables(tmp_path: Path) -> None:
    parts = []
    for name, group in zip(
        ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"), REVIEW, strict=True
    ):
        parts += [
            name,
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
            " | ".join(map(str, group)),
            "",
        ]
    report = _read(tmp_path, BASE.replace(T4, "\n".join(parts)))
    assert _review(report) == EXPECTED
    assert _codes(report) == []


def test_a_stray_label_fragment_does_not_end_the_applications_table(tmp_path: Path) -> None:
    line = next(x for x in BASE.split("\n") if x.startswith("（二）部分公开"))
    for fragment in ("三、本", "法提供", "（三）不"):
        report = _read(tmp_path, BASE.replace(line, f"{fragment}\n{line}"))
        assert len(report.tables["applications"].cells) == 175, fragment
        assert _codes(report) == [], fragment


def test_a_2021_table_with_one_other_row_is_one_mixed_format_finding(tmp_path: Path) -> None:
    lines = BASE.split("\n")
    first = next(i for i, x in enumerate(lines) if x.startswith("（六）其他处理"))
    last = next(i for i, x in enumerate(lines) if x.startswith("3.其他"))
    lines[first : last + 1] = ["（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0"]
    report = _read(tmp_path, "\n".join(lines))
    apps = report.tables["applications"]
    assert apps.get("carried_forward", "total") is not None  # the rows after it are read
    found = api.check(report)
    assert [f.code for f in found] == ["RC105"]
    assert found[0].hint is not None and "其他处理" in found[0].hint


def _t2(report: Report, row: str) -> dict[str, object]:
    t = report.tables["proactive_disclosure"]
    return {c: cell.value for (r, c), cell in t.cells.items() if r == row}


BASE_2019 = full_report(
    version="2019",
    t3={"new_received": 5, "total": 5, "granted": 5},
    title="某某县某某局2020年政府信息公开工作年度报告",
    published="发布日期：2021-01-10",
)
LICENSING = next(x for x in BASE_2019.split("\n") if x.startswith("行政许可"))


def test_negative_changes_glued_to_the_number_before(tmp_path: Path) -> None:
    for form in ("行政许可 2648-18 538", "行政许可 | 2648-18 | 538", "行政许可\t2648-18\t538"):
        report = _read(tmp_path, BASE_2019.replace(LICENSING, form))
        assert _t2(report, "administrative_licensing") == {
            "previous_items": 2648,
            "change": -18,
            "decisions": 538,
        }, form
        # the rows after it are read too
        assert _t2(report, "administrative_penalty"), form
        assert _codes(report) == [], form


def test_negative_change_glued_to_both_sides_is_not_guessed(tmp_path: Path) -> None:
    # 2648-18538: -1·8538, -18·538, -185·38 and -1853·8 all fit a row with no relation
    report = _read(tmp_path, BASE_2019.replace(LICENSING, "行政许可 2648-18538"))
    assert _t2(report, "administrative_licensing") == {}
    found = [f for f in api.check(report) if f.row == "administrative_licensing"]
    assert [f.code for f in found] == ["RC003"]
    assert _t2(report, "administrative_penalty")


def test_a_dash_elsewhere_is_not_a_minus(tmp_path: Path) -> None:
    line = next(x for x in BASE.split("\n") if x.startswith("行政许可"))
    report = _read(tmp_path, BASE.replace(line, "行政许可 | 12-3"))
    # 2021 has no column that may be negative: 12-3 is not read as 12 and -3
    assert -3 not in _t2(report, "administrative_licensing").values()
    assert any(f.row == "administrative_licensing" for f in api.check(report))


def test_ocr_commas_for_the_numbering_mark(tmp_path: Path) -> None:
    text = (
        BASE.replace("一、本年新收", "一,本年新收")
        .replace("二、上年结转", "二，上年结转")
        .replace("四、结转下年度", "四,结转下年度")
    )
    report = _read(tmp_path, text)
    assert len(report.tables["applications"].cells) == 175
    assert _codes(report) == []


def test_a_header_row_repeated_inside_the_applications_table(tmp_path: Path) -> None:
    lines = BASE.split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("（三）不予公开"))
    head = [x for x in lines if x.startswith(("自然人 | 法人", "商业企业 |"))]
    report = _read(tmp_path, "\n".join(lines[:i] + head + lines[i:]))
    assert len(report.tables["applications"].cells) == 175
    assert _codes(report) == []


def test_columns_renamed_by_a_converter(tmp_path: Path) -> None:
    lines = BASE.split("\n")
    head = [x for x in lines if x.startswith(("自然人 | 法人", "商业企业 |"))]
    text = BASE.replace(head[0], "数据1 | 数据2 | 数据3").replace(
        head[1], "数据4 | 数据5 | 数据6 | 数据7"
    )
    report = _read(tmp_path, text)
    assert len(report.tables["applications"].cells) == 175
    assert _codes(report) == []
