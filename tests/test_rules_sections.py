"""Sections of a published report (RC111–RC114), on reports built from text in the test.

The helpers here (``report_from_text``, ``full_report`` and the table line builders) turn
text with ``|``-separated table lines into a Report through ``published.build_report``, the
path every published-report reader takes; the narrative and publication tests use them too.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.model.report import Location, Report
from reportcheck.model.tables import FORMATS
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block, build_report
from reportcheck.rules import sections

# --------------------------------------------------------------------------- builders


def blocks_from_text(text: str) -> list[Block]:
    """Paragraph blocks, and one grid per run of ``|`` lines (cells by position)."""
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if not run:
            return
        grid = Grid(name=f"table at line {run[0][0]}", by_header=False)
        for r, (ln, line) in enumerate(run):
            for c, cell in enumerate(line.split("|")):
                grid.cells[(r, c)] = GridCell(cell.strip(), Location(f"line {ln}", ln, c + 1))
        grid.finish()
        text_ = "\n".join(line for _, line in run)
        blocks.append(Block(text_, Location(f"line {run[0][0]}", run[0][0]), grid))
        run.clear()

    for ln, line in enumerate(text.split("\n"), 1):
        if "|" in line:
            run.append((ln, line))
            continue
        flush()
        blocks.append(Block(line, Location(f"line {ln}", ln)))
    flush()
    return blocks


def report_from_text(text: str, kind: str = "text", settings: Settings | None = None) -> Report:
    """A Report read from text the way the published-report readers build it."""
    return build_report("report.txt", kind, blocks_from_text(text), settings or Settings())


def t2_lines(version: str = "2021", values: dict[tuple[str, str], int] | None = None) -> list[str]:
    """表二 as text lines (every block with its header), values default 0."""
    vals = values or {}
    tdef = FORMATS[version].table("proactive_disclosure")
    out = []
    for block in tdef.blocks:
        rows = [r for r in tdef.rows if r.block == block]
        out.append(f"{block} | | | ")
        out.append("信息内容 | " + " | ".join(c.label for c in rows[0].columns))
        for r in rows:
            cells = " | ".join(str(vals.get((r.id, c.id), 0)) for c in r.columns)
            out.append(f"{r.label} | {cells}")
    return out


def t3_lines(totals: dict[str, int] | None = None, version: str = "2021") -> list[str]:
    """表三 as text lines; each row's figure goes to 自然人 and 总计."""
    vals = totals or {}
    tdef = FORMATS[version].table("applications")
    out = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | |||||",
        "自然人 | 法人或其他组织 | 总计",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
    ]
    for r in tdef.rows:
        v = vals.get(r.id, 0)
        cells = " | ".join([str(v), "0", "0", "0", "0", "0", str(v)])
        if r.id == "granted":
            label = f"三、本年度办理结果 | {r.label}"
        elif r.group and not r.group.startswith("三、") and r.label.startswith("1."):
            label = f"{r.group} | {r.label}"
        else:
            label = r.label
        out.append(f"{label} | {cells}")
    return out


def t4_lines(
    review: Iterable[int] = (0,) * 5,
    direct: Iterable[int] = (0,) * 5,
    after: Iterable[int] = (0,) * 5,
) -> list[str]:
    """表四 as text lines: three header lines and the 15 numbers on one line."""
    return [
        "行政复议 | 行政诉讼",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
        " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        " | ".join(str(x) for x in (*review, *direct, *after)),
    ]


HEADINGS = dict(sections.STANDARD_HEADINGS)


def full_report(
    *,
    drop: Iterable[int] = (),
    headings: dict[int, str] | None = None,
    order: Iterable[int] = (1, 2, 3, 4, 5, 6),
    prose: dict[int, list[str]] | None = None,
    t2: dict[tuple[str, str], int] | None = None,
    t3: dict[str, int] | None = None,
    t4: tuple[Iterable[int], Iterable[int], Iterable[int]] | None = None,
    tables_in: dict[int, str] | None = None,
    title: str = "某某县某某局2024年政府信息公开工作年度报告",
    published: str = "发布日期：2025-01-10",
    version: str = "2021",
) -> str:
    """A whole report as text: the six sections in ``order``, headings in ``drop`` left
    out (their content kept), prose per section, and the tables under their sections
    (``tables_in`` moves a table: {section: "applications"})."""
    heads = {**HEADINGS, **(headings or {})}
    texts = prose or {}
    tables = {
        2: t2_lines(version, t2),
        3: t3_lines(t3, version),
        4: t4_lines(*(t4 or ((0,) * 5, (0,) * 5, (0,) * 5))),
    }
    placement = {2: 2, 3: 3, 4: 4}
    for sec, table in (tables_in or {}).items():
        placement[sections.TABLE_SECTIONS[table]] = sec
    lines = [title, published]
    for s in order:
        if s not in set(drop):
            lines.append(heads[s])
        lines.extend(texts.get(s, ["本部分内容从略。"] if s != 6 else ["本年度未收取信息处理费。"]))
        for table_sec, sec in placement.items():
            if sec == s:
                lines.extend(tables[table_sec])
    lines.append("某某县某某局")
    lines.append("2025年1月10日")
    return "\n".join(lines)


def run(report: Report, *codes: str, settings: Settings | None = None) -> list[Finding]:
    """The findings of the rules ``codes`` (RC11x, RC4xx and RC6xx when none given)."""
    from reportcheck.api import check

    s = settings or Settings()
    s.select = codes or ("RC11", "RC4", "RC6")
    return check(report, s)


def keys(findings: list[Finding]) -> list[tuple[str, str | None]]:
    """(code, section) of each finding."""
    return [(f.code, f.extra.get("section")) for f in findings]


# --------------------------------------------------------------------------- tests


def test_complete_report_is_clean() -> None:
    assert run(report_from_text(full_report())) == []


def test_heading_variants_are_accepted() -> None:
    text = full_report(
        headings={
            4: "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            5: "五、政府信息公开工作存在的主要问题及改进情况",
        }
    )
    assert run(report_from_text(text), "RC11") == []
    text = full_report(
        headings={4: "四、政府信息公开行政复议及行政诉讼情况", 5: "五、存在的问题及改进情况"}
    )
    assert run(report_from_text(text), "RC11") == []


def test_missing_heading_before_its_table_is_one_finding() -> None:
    text = full_report(drop=[3])
    report = report_from_text(text)
    assert "applications" in report.tables
    found = run(report, "RC11")
    assert keys(found) == [("RC111", "3")]
    first_line = text.split("\n").index(t3_lines()[0]) + 1
    assert found[0].location is not None
    assert found[0].location.line == first_line  # where 表三 starts, the heading belongs


def test_missing_heading_without_table() -> None:
    found = run(report_from_text(full_report(drop=[5])), "RC11")
    assert keys(found) == [("RC111", "5")]


def test_missing_heading_renumbered_behind_it_is_one_finding() -> None:
    text = full_report(
        drop=[3],
        headings={
            4: "三、政府信息公开行政复议、行政诉讼情况",
            5: "四、存在的主要问题及改进情况",
            6: "五、其他需要报告的事项",
        },
    )
    assert keys(run(report_from_text(text), "RC11")) == [("RC111", "3")]


def test_no_heading_at_all_is_one_finding() -> None:
    text = "\n".join(["某某局2024年政府信息公开工作年度报告", *t3_lines(), *t4_lines()])
    found = run(report_from_text(text), "RC11")
    assert [f.code for f in found] == ["RC111"]
    assert "section" not in found[0].extra


def test_sections_out_of_order() -> None:
    found = run(report_from_text(full_report(order=(1, 2, 3, 4, 6, 5))), "RC11")
    assert keys(found) == [("RC112", "5")]
    found = run(report_from_text(full_report(order=(1, 3, 2, 4, 5, 6))), "RC11")
    assert keys(found) == [("RC112", "2")]  # its table moved with it: no RC113


def test_table_under_the_wrong_section() -> None:
    found = run(report_from_text(full_report(tables_in={5: "review_litigation"})), "RC11")
    assert [(f.code, f.table, f.extra.get("section")) for f in found] == [
        ("RC113", "review_litigation", "4")
    ]


def test_table_before_every_heading() -> None:
    text = full_report()
    lines = text.split("\n")
    t4 = t4_lines()
    start = lines.index(t4[0])
    del lines[start : start + len(t4)]
    lines[2:2] = t4
    found = run(report_from_text("\n".join(lines)), "RC11")
    assert [(f.code, f.table) for f in found] == [("RC113", "review_litigation")]


def test_renumbered_sections_are_one_info() -> None:
    text = full_report(
        headings={
            2: "一、主动公开政府信息情况",
            3: "二、收到和处理政府信息公开申请情况",
            4: "三、政府信息公开行政复议、行政诉讼情况",
        }
    )
    found = run(report_from_text(text), "RC11")
    assert [f.code for f in found] == ["RC114"]
    assert found[0].severity.value == "info"


def test_headings_running_on_in_one_paragraph() -> None:
    # text taken from a web page without line breaks: headings inside one paragraph
    body = "".join(f"{HEADINGS[s]}本部分内容从略。" for s in (1, 2, 3, 4, 5, 6)).replace(
        "六、其他需要报告的事项本部分内容从略。", "六、其他需要报告的事项本年度未收取信息处理费。"
    )
    text = "某某县某某局2024年政府信息公开工作年度报告\n" + body
    report = report_from_text(text)
    assert run(report, "RC11") == []
    assert sorted(sections.layout(report).chosen) == [1, 2, 3, 4, 5, 6]  # type: ignore[union-attr]


def test_table_labels_are_not_headings() -> None:
    # 「四、结转下年度继续办理」 and 「三、本年度办理结果」 are table labels, not sections
    report = report_from_text(full_report(drop=[3, 4]))
    assert keys(run(report, "RC11")) == [("RC111", "3"), ("RC111", "4")]


def test_table_only_submissions_are_not_checked() -> None:
    report = report_from_text(full_report(drop=[1, 2, 3]))
    report.sections = None
    assert run(report, "RC11") == []


def test_classify_and_numeral() -> None:
    assert sections.classify("四、因政府信息公开申请行政复议、提起行政诉讼的情况") == 4
    assert sections.classify("三、收到和处理政府信息公开申请情况") == 3
    assert sections.classify("五、存在的主要问题及整改措施") == 5
    assert sections.classify("二、工作机制保障") is None
    assert sections.numeral("六、其他需要报告的事项") == 6
    assert sections.numeral("（六）其他") is None


# ------------------------------------------------------------------ issue 8: heading variants


def _section_codes(text: str) -> list[str]:
    report = report_from_text(text)
    return sorted(f.code for f in sections_findings(report))


def sections_findings(report: Report) -> list[Finding]:
    from reportcheck.rules import registry

    out: list[Finding] = []
    for code in ("RC111", "RC112", "RC113", "RC114"):
        check = registry.get_rule(code).check
        if check is not None:
            out.extend(check(report, Settings()))
    return out


def test_heading_six_in_its_shorter_wordings() -> None:
    for wording in ("六、其他需报告的事项", "六、其他需要报告事项", "六、其他需报告事项"):
        assert _section_codes(full_report(headings={6: wording})) == [], wording
    from reportcheck.readers import metadata

    # the heading at the start of a paragraph that goes on
    assert metadata.lead_heading("六、其他需报告事项本年度未收取信息处理费。") == (6, 9)


def test_headings_numbered_in_brackets() -> None:
    heads = {
        n: f"（{'一二三四五六'[n - 1]}）{h.split('、', 1)[1]}"
        for n, h in sections.STANDARD_HEADINGS.items()
    }
    assert _section_codes(full_report(headings=heads)) == []


def test_headings_without_numbers() -> None:
    heads = {n: h.split("、", 1)[1] for n, h in sections.STANDARD_HEADINGS.items()}
    assert _section_codes(full_report(headings=heads)) == []


def test_a_part_of_section_one_named_like_section_two_is_not_its_heading() -> None:
    """「（一）主动公开政府信息情况」 under 一、总体情况 is a part of it, not section 二."""
    text = full_report(
        drop=[2], prose={1: ["（一）主动公开政府信息情况", "本年主动公开信息120条。"]}
    )
    codes = _section_codes(text)
    assert codes == ["RC111"]  # section 二's heading really is missing, and said once
    found = [f for f in sections_findings(report_from_text(text)) if f.code == "RC111"]
    assert "二" in found[0].message


def test_a_table_row_broken_off_its_line_is_not_a_heading() -> None:
    from reportcheck.readers import metadata

    assert metadata.heading_line("二、上年结转政府信息") is None
    assert metadata.heading_line("二、上年结转政府信息公开申请数量") is None
    assert metadata.heading_line("四、结转下年度") is None
    assert metadata.heading_line("二、主动公开政府信息情况") == 2
