"""Real reports read right (issue 19): rows and headings found however a report writes them.

Each pattern seen in real reports — words inserted, dropped or swapped in a label, a typo,
numbering doubled, damaged or missing, a merged label's characters glued to the row labels,
a label wrapped over lines, counts written with their measure word, sections renamed, split
or added, the two versions mixed — is applied to a correct report of our own, which is then
read as text, as an HTML page and as a Word document. Each must give every value of the
tables and no false claim: no row or table "missing", "unreadable" or "unknown", no heading
"missing", no error; and the run's exit code is 0.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from html import escape
from pathlib import Path

import docx
import pytest

from reportcheck import api
from reportcheck.findings import Finding, Severity
from reportcheck.model.report import Report
from reportcheck.model.tables import FORMATS
from test_rules_sections import full_report

T3 = {"new_received": 12, "carried_over": 1, "granted": 6, "partial": 2, "denied_3": 1}
T3.update({"unable_1": 2, "not_processed_2": 1, "total": 12, "carried_forward": 1})
T2 = {("normative_documents", "made"): 3, ("normative_documents", "in_force"): 17}
T2.update({("administrative_licensing", "decisions"): 1268})
T4 = ((2, 1, 0, 1, 4), (1, 0, 0, 1, 2), (0, 0, 0, 0, 0))

FALSE_CLAIMS = {"RC003", "RC101", "RC102", "RC103", "RC106", "RC111", "RC201", "RC204"}


def base() -> str:
    return full_report(t2=T2, t3=T3, t4=T4)


# --------------------------------------------------------------------- the forms


def as_text(text: str) -> tuple[str, bytes]:
    return "report.txt", text.encode("utf-8")


def as_html(text: str) -> tuple[str, bytes]:
    """The text as a web page: each run of `|` lines a <table>, every other line a <p>."""
    out = ["<html><head><meta charset='utf-8'></head><body>"]
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "|" in line:
            cells = "".join(f"<td>{escape(c.strip())}</td>" for c in line.split("|"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append("<table border='1'>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            out.append(f"<p>{escape(line)}</p>".replace("\\n", "<br>"))
    out.append("</body></html>")
    return "report.html", "\n".join(out).encode("utf-8")


def as_docx(text: str) -> tuple[str, bytes]:
    """The text as a Word document: each run of `|` lines a table, other lines paragraphs."""
    doc = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                table.cell(i, j).text = c.replace("\\n", "\n")
        rows.clear()

    for line in text.split("\n"):
        if "|" in line:
            rows.append([c.strip() for c in line.split("|")])
            continue
        flush()
        if line.strip():
            doc.add_paragraph(line)
    flush()
    buf = io.BytesIO()
    doc.save(buf)
    return "report.docx", buf.getvalue()


FORMS: dict[str, Callable[[str], tuple[str, bytes]]] = {
    "text": as_text,
    "html": as_html,
    "docx": as_docx,
}


def read(text: str, form: str, tmp_path: Path) -> tuple[Report, list[Finding]]:
    name, data = FORMS[form](text)
    path = tmp_path / name
    path.write_bytes(data)
    report = api.read_path(path)
    return report, api.check(report)


def values(report: Report) -> dict[tuple[str, str, str], object]:
    return {
        (t, r, c): cell.value
        for t, data in report.tables.items()
        for (r, c), cell in data.cells.items()
    }


# --------------------------------------------------------------------- the patterns


def _sub(old: str, new: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return apply


PATTERNS: dict[str, tuple[Callable[[str], str], set[str]]] = {
    # (edit of the report, codes that must be said — and nothing else beyond info)
    "conjunction inserted": (
        _sub("2.其他法律行政法规禁止公开", "2.其他法律和行政法规禁止公开"),
        {"RC108"},
    ),
    "verb replaced": (_sub("3.危及“三安全一稳定”", "3.危害“三安全一稳定”"), {"RC108"}),
    "characters lost (a real typo)": (
        _sub("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
        {"RC108"},
    ),
    "characters swapped": (_sub("（一）予以公开", "（一）以予公开"), {"RC108"}),
    "numbering doubled": (
        _sub("一、本年新收政府信息公开申请数量", "一一、本年新收政府信息公开申请数量"),
        set(),
    ),
    "numbering without 、": (
        _sub("二、上年结转政府信息公开申请数量", "二上年结转政府信息公开申请数量"),
        set(),
    ),
    "OCR comma for 、": (
        _sub("四、结转下年度继续办理", "四,结转下年度继续办理"),
        set(),
    ),
    "bracket not closed": (_sub("（二）部分公开（区分处理的", "（二部分公开（区分处理的"), set()),
    "merged label glued to a sub-row": (
        _sub("（三）不予公开 | 1.属于国家秘密", "（三）不予公开 | 办理1.属于国家秘密"),
        set(),
    ),
    "counts with their measure word": (
        _sub("行政许可 | 1268", "行政许可 | 1268件"),
        set(),
    ),
    "heading numbered with a comma": (
        _sub("三、收到和处理政府信息公开申请情况", "三，收到和处理政府信息公开申请情况"),
        set(),
    ),
    "heading numeral doubled": (
        _sub("五、存在的主要问题及改进情况", "五五、存在的主要问题及改进情况"),
        set(),
    ),
    "heading renamed (accepted wording)": (
        _sub("五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施"),
        set(),
    ),
    "section split in two, seven sections": (
        lambda t: _sub("六、其他需要报告的事项", "七、其他需要报告的事项")(
            _sub(
                "五、存在的主要问题及改进情况\n本部分内容从略。",
                "五、存在的主要问题\n本部分内容从略。\n六、改进措施\n下一步将完善流程。",
            )(t)
        ),
        # the shortened heading of 五 is said (RC115), the renumbering once (RC114)
        {"RC114", "RC115"},
    ),
    "a 信息处理费 table in section 六": (
        _sub(
            "本年度未收取信息处理费。",
            "本年度未收取信息处理费。\n收费项目 | 金额（元）\n信息处理费 | 0",
        ),
        set(),
    ),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_base_report_is_read_whole_and_passes(form: str, tmp_path: Path) -> None:
    report, found = read(base(), form, tmp_path)
    assert [f.code for f in found if f.severity is not Severity.INFO] == []
    assert len(values(report)) == 10 + 25 * 7 + 15


_BASE_VALUES: dict[str, dict[tuple[str, str, str], object]] = {}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_a_pattern_of_real_reports_reads_every_value_without_false_claims(
    pattern: str, form: str, tmp_path: Path
) -> None:
    edit, said = PATTERNS[pattern]
    if form not in _BASE_VALUES:
        (tmp_path / "base").mkdir()
        _BASE_VALUES[form] = values(read(base(), form, tmp_path / "base")[0])
    report, found = read(edit(base()), form, tmp_path)
    got = values(report)
    lost = {k: v for k, v in _BASE_VALUES[form].items() if got.get(k) != v}
    assert not lost, lost
    codes = {f.code for f in found}
    assert not codes & FALSE_CLAIMS, [(f.code, f.message) for f in found]
    assert not [f for f in found if f.severity is Severity.ERROR], [f.message for f in found]
    assert said <= codes, (said, codes)
    unexpected = {f.code for f in found if f.severity is not Severity.INFO} - said
    assert not unexpected, [(f.code, f.message) for f in found]


def test_a_label_variant_names_the_official_label(tmp_path: Path) -> None:
    edit, _ = PATTERNS["characters lost (a real typo)"]
    _, found = read(edit(base()), "text", tmp_path)
    (f,) = [f for f in found if f.code == "RC108"]
    assert f.row == "denied_2"
    assert "其他法律行政法规禁止公开" in f.message and "其他法律行政止公开" in f.message
    assert f.severity is Severity.INFO


def test_a_label_wrapped_over_lines_with_its_figures_on_a_third(tmp_path: Path) -> None:
    """A PDF's text: the long label of （二）部分公开 over two lines, its figures on a third."""
    text = base()
    line = next(x for x in text.split("\n") if x.startswith("（二）部分公开"))
    figures = line.split("|", 1)[1]
    wrapped = "（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）\n" + figures.strip()
    report, found = read(text.replace(line, wrapped), "text", tmp_path)
    assert report.tables["applications"].get("partial", "total") is not None
    assert report.tables["applications"].get("partial", "total").value == 2  # type: ignore[union-attr]
    assert not {f.code for f in found} & FALSE_CLAIMS, [f.message for f in found]


def test_a_2019_table_beside_a_2021_table(tmp_path: Path) -> None:
    """A 2024 report whose 表二 is still on the 2019 layout: 表三 is read as 2021 (no rows
    missing or unknown, no false sums), the outdated 表二 and the mix are said."""
    text = base()
    start = text.index("第二十条第（一）项")
    end = text.index("三、收到和处理政府信息公开申请情况")
    old_t2 = "\n".join(
        [
            "第二十条第（一）项 | | | ",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规章 | 0 | 0 | 0",
            "规范性文件 | 3 | 3 | 17",
            "第二十条第（五）项 | | | ",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政许可 | 40 | -2 | 1268",
            "其他对外管理服务事项 | 5 | 0 | 30",
            "第二十条第（六）项 | | | ",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政处罚 | 120 | 3 | 214",
            "行政强制 | 10 | 0 | 9",
            "第二十条第（八）项 | | | ",
            "信息内容 | 上一年项目数量 | 本年增/减",
            "行政事业性收费 | 2 | 0",
            "第二十条第（九）项 | | | ",
            "信息内容 | 采购项目数量 | 采购总金额",
            "政府集中采购 | 12 | 251000元",
            "",
        ]
    )
    report, found = read(text[:start] + old_t2 + text[end:], "text", tmp_path)
    assert report.table_def("proactive_disclosure") is FORMATS["2019"].table("proactive_disclosure")
    assert report.table_def("applications") is FORMATS["2021"].table("applications")
    codes = [f.code for f in found]
    assert "RC105" in codes and codes.count("RC105") == 1
    assert not set(codes) & {"RC102", "RC106", "RC301", "RC302", "RC303", "RC003"}, codes
    assert report.table_def("applications").has_row("other_1")


def test_a_correct_report_with_an_unreadable_row_exits_0(tmp_path: Path) -> None:
    """What the tool could not read is said (RC003, a warning counted apart) but is not a
    defect of the report: the run exits 0 unless it asks to be strict."""
    from typer.testing import CliRunner

    from reportcheck.cli import app

    text = base()
    line = next(x for x in text.split("\n") if "（一）予以公开" in x)
    glued = "三、本年度办理结果 | （一）予以公开 | 6 | 0 | 0 | 0"
    path = tmp_path / "r.txt"
    path.write_text(text.replace(line, glued), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["validate", "--no-config", str(path), "-f", "concise"])
    assert "RC003" in res.stdout, res.stdout
    assert res.exit_code == 0, res.stdout
    assert "未能读取" in res.stdout.splitlines()[-1]
    strict = runner.invoke(
        app, ["validate", "--no-config", str(path), "-f", "concise", "--fail-on", "warning"]
    )
    assert strict.exit_code == 1


@pytest.mark.parametrize(
    ("section", "heading", "said"),
    [
        (1, "一、政府信息公开工作总体情况", set()),
        (1, "第一部分 总体情况", set()),
        (1, "一 总体情况", set()),
        (2, "二，主动公开政府信息情况", set()),
        (3, "三、收到和处理政府信息公开申请的情况", set()),
        (3, "三、依申请公开情况", {"RC115"}),
        (4, "四、因政府信息公开申请行政复议、提起行政诉讼情况", set()),
        (5, "五、工作中存在的问题和改进措施", set()),
        (5, "五、存在的主要问题及整改措施", set()),
        (5, "五、存在问题及下一步工作打算", {"RC115"}),
        (6, "六、其他需报告的事项", set()),
        (6, "六、其他", {"RC115"}),  # found by its number where 六 belongs
    ],
)
def test_headings_however_worded_are_found_never_missing(
    section: int, heading: str, said: set[str]
) -> None:
    text = full_report(headings={section: heading}, t2=T2, t3=T3, t4=T4)
    found = api.check(api.read_bytes("report.txt", text.encode("utf-8")))
    codes = {f.code for f in found if f.code.startswith("RC11")}
    assert codes == said, [(f.code, f.message) for f in found]


def test_a_paragraph_starting_with_a_numeral_is_no_heading() -> None:
    """「一是……」 enumerates inside a section: not taken for section 一's heading."""
    text = full_report(
        drop=(1,), prose={1: ["一是加强组织领导，二是完善制度。"]}, t2=T2, t3=T3, t4=T4
    )
    found = api.check(api.read_bytes("report.txt", text.encode("utf-8")))
    assert [f.extra.get("section") for f in found if f.code == "RC111"] == ["1"]


@pytest.mark.parametrize(
    ("old", "new", "row"),
    [
        ("（一）予以公开", "（一）同意公开", "granted"),  # a verb replaced: its place and number
        ("1.属于国家秘密", "1.属国家秘密", "denied_1"),
        ("四、结转下年度继续办理", "四、结转下一年度继续办理", "carried_forward"),
    ],
)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_label_placed_by_its_order_and_number(
    old: str, new: str, row: str, form: str, tmp_path: Path
) -> None:
    report, found = read(base().replace(old, new), form, tmp_path)
    assert report.tables["applications"].get(row, "total") is not None
    assert not {f.code for f in found} & FALSE_CLAIMS, [(f.code, f.message) for f in found]
    assert [f.row for f in found if f.code == "RC108"] == [row]


def test_a_renamed_column_header_with_one_figure_per_column(tmp_path: Path) -> None:
    text = base().replace("自然人 | 法人或其他组织 | 总计", "公民 | 法人或其他组织 | 总计")
    report, found = read(text, "html", tmp_path)
    assert report.tables["applications"].get("granted", "natural_person") is not None
    assert not {f.code for f in found} & FALSE_CLAIMS, [(f.code, f.message) for f in found]


def test_a_block_title_places_its_only_row(tmp_path: Path) -> None:
    """「行政审批」 under 第二十条第（五）项, whose only row is 行政许可."""
    report, found = read(base().replace("行政许可 | 1268", "行政审批 | 1268"), "html", tmp_path)
    cell = report.tables["proactive_disclosure"].get("administrative_licensing", "decisions")
    assert cell is not None and cell.value == 1268
    assert [f.row for f in found if f.code == "RC108"] == ["administrative_licensing"]


GLUED_T2 = (
    "某某县某某局2024年政府信息公开工作年度报告\n"
    "一、总体情况\n{prose}\n"
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
    "规章000行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293\n"
)


def test_glued_digits_the_prose_decides() -> None:
    """693665 fits ten splits; the text names the row's made and in-force counts: one fits."""
    prose = "本年制发行政规范性文件69件，现行有效规范性文件665件。"
    report = api.read_bytes("r.txt", GLUED_T2.format(prose=prose).encode("utf-8"))
    found = api.check(report)
    t2 = report.tables["proactive_disclosure"]
    cells = [t2.get("normative_documents", c) for c in ("made", "repealed", "in_force")]
    assert [c.value if c else None for c in cells] == [69, 3, 665]
    assert "RC003" not in {f.code for f in found}
    (said,) = [f for f in found if f.code == "RC005" and f.row == "normative_documents"]
    assert "69 · 3 · 665" in said.message and "665件" in said.message


@pytest.mark.parametrize(
    "prose",
    [
        "本年制发行政规范性文件69件。",  # three splits still fit
        "本年制发行政规范性文件70件。",  # none fits: the prose and the table disagree
        "",
    ],
)
def test_glued_digits_the_prose_does_not_decide_stay_unread(prose: str) -> None:
    report = api.read_bytes("r.txt", GLUED_T2.format(prose=prose).encode("utf-8"))
    found = api.check(report)
    assert report.tables["proactive_disclosure"].get("normative_documents", "made") is None
    assert [f.row for f in found if f.code == "RC003"] == ["normative_documents"]
