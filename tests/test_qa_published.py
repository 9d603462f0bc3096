"""QA of published reports as auditors meet them: copied text, CMS HTML, split tables.

Each test is a false alarm found by running ``reportcheck validate`` on realistic variants
of a balanced 2021 report (our own wording, built here from the format's labels); a
clean report must give no finding at all.
"""

from __future__ import annotations

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.model.tables import FORMATS

_F = FORMATS["2021"]
_T2 = _F.table("proactive_disclosure")
_T3 = _F.table("applications")
_HEADS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

T2_VALUES: dict[str, list[str]] = {
    "regulations": ["0", "0", "0"],
    "normative_documents": ["3", "1", "17"],
    "administrative_licensing": ["156"],
    "administrative_penalty": ["12"],
    "administrative_coercion": ["2"],
    "administrative_fees": ["1.5"],
}
T3_VALUES: dict[str, list[int]] = {r.id: [0] * 7 for r in _T3.rows} | {
    "new_received": [40, 3, 0, 0, 1, 0, 44],
    "carried_over": [2, 0, 0, 0, 0, 0, 2],
    "granted": [20, 1, 0, 0, 0, 0, 21],
    "partial": [3, 0, 0, 0, 0, 0, 3],
    "denied_4": [1, 0, 0, 0, 0, 0, 1],
    "unable_1": [10, 1, 0, 0, 1, 0, 12],
    "not_processed_1": [2, 0, 0, 0, 0, 0, 2],
    "other_3": [1, 0, 0, 0, 0, 0, 1],
    "total": [37, 2, 0, 0, 1, 0, 40],
    "carried_forward": [5, 1, 0, 0, 0, 0, 6],
}
T4_VALUES = [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
PROSE = [
    "2024年，我局围绕自然资源管理推进政务公开。全年共收到政府信息公开申请44件，"
    "上年结转2件，办结40件，结转下年度继续办理6件。",
    "本年度我局制发行政规范性文件3件，废止1件，现行有效17件。",
    "在办结的40件申请中，予以公开21件，占52.5%；无法提供12件，占30%。",
    "本年度发生行政复议2件、行政诉讼1件，均尚未审结。",
    "一是公开内容不够全面；二是解读形式单一。",
    "本年度未收取信息处理费。",
]
AGENCY = "白鹭县自然资源局"
TITLE = f"{AGENCY}2024年政府信息公开工作年度报告"


def _t2_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    for block in _T2.blocks:
        block_rows = [r for r in _T2.rows if r.block == block]
        rows.append([block])
        rows.append(["信息内容", *[c.label for c in block_rows[0].columns]])
        rows.extend([r.label, *T2_VALUES[r.id]] for r in block_rows)
    return rows


def _check(name: str, data: bytes) -> list[Finding]:
    report = api.read_bytes(name, data, Settings())
    return api.check(report, Settings())


# ------------------------------------------------------------------ text copied from a browser


def _copied_text(sep: str) -> str:
    """The report as a browser copies it: cells separated by tabs (or spaces), one row a line."""
    tables = {
        1: _t2_rows(),
        2: [
            [_NOTE, "申请人情况"],
            ["自然人", "法人或其他组织", "总计"],
            _ORGS,
            *(
                [*([r.group] if r.group and not r.group.startswith("三、") else []), r.label]
                + [str(v) for v in T3_VALUES[r.id]]
                for r in _T3.rows
            ),
        ],
        3: [
            ["行政复议", "行政诉讼"],
            [*_HEADS, "未经复议直接起诉", "复议后起诉"],
            _HEADS * 2,  # the third header row is longer than a torn label
            [str(v) for v in T4_VALUES],
        ],
    }
    lines = [TITLE, "发布日期：2025-01-20"]
    for i, heading in enumerate(HEADINGS):
        lines += [heading, PROSE[i]]
        lines += [sep.join(row) for row in tables.get(i, [])]
    lines += [AGENCY, "2025年1月20日"]
    return "\n".join(lines) + "\n"


def test_copied_table4_with_long_header_rows_is_read_tab_separated() -> None:
    findings = _check("copied.txt", _copied_text("\t").encode())
    assert [(f.code, f.table) for f in findings] == []


def test_copied_table4_with_long_header_rows_is_read_space_separated() -> None:
    findings = _check("copied.txt", _copied_text(" ").encode())
    assert [(f.code, f.table) for f in findings] == []


# ------------------------------------------------------------------ HTML


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{span}>{text or '&nbsp;'}</td>"


def _table(rows: list[str]) -> str:
    return '<table border="1">' + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _html_t2() -> str:
    rows = []
    for line in _t2_rows():
        if len(line) == 1:
            rows.append(_td(line[0], colspan=4))
        elif len(line) == 2:
            rows.append(_td(line[0]) + _td(line[1], colspan=3))
        else:
            rows.append("".join(_td(x) for x in line))
    return _table(rows)


def _html_t3_rows() -> list[str]:
    """表三 with the official merges: 三、本年度办理结果 and （三）… over their rows."""
    rows = [
        _td(_NOTE, 3, 3) + _td("申请人情况", colspan=7),
        _td("自然人", rowspan=2) + _td("法人或其他组织", colspan=5) + _td("总计", rowspan=2),
        "".join(_td(x) for x in _ORGS),
    ]
    results = [r for r in _T3.rows if r.group]
    sizes: dict[str, int] = {}
    for r in results:
        sizes[r.group or ""] = sizes.get(r.group or "", 0) + 1
    seen: set[str] = set()
    for r in _T3.rows:
        nums = "".join(_td(str(v)) for v in T3_VALUES[r.id])
        if not r.group:
            rows.append(_td(r.label, colspan=3) + nums)
            continue
        lead = _td("三、本年度办理结果", rowspan=len(results)) if r.id == results[0].id else ""
        if r.group.startswith("三、"):
            rows.append(lead + _td(r.label, colspan=2) + nums)
            continue
        if r.group not in seen:
            seen.add(r.group)
            lead += _td(r.group, rowspan=sizes[r.group])
        rows.append(lead + _td(r.label) + nums)
    return rows


def _html_t4() -> str:
    return _table(
        [
            _td("行政复议", colspan=5) + _td("行政诉讼", colspan=10),
            "".join(_td(h, rowspan=2) for h in _HEADS)
            + _td("未经复议直接起诉", colspan=5)
            + _td("复议后起诉", colspan=5),
            "".join(_td(h) for h in _HEADS * 2),
            "".join(_td(str(v)) for v in T4_VALUES),
        ]
    )


def _page(t3: list[str]) -> bytes:
    tables = {1: [_html_t2()], 2: t3, 3: [_html_t4()]}
    parts = [f"<h1>{TITLE}</h1>", "<div>发布时间：2025-01-20 09:30</div>"]
    for i, heading in enumerate(HEADINGS):
        parts += [f"<p><strong>{heading}</strong></p>", f"<p>{PROSE[i]}</p>", *tables.get(i, [])]
    parts += [f"<p>{AGENCY}</p>", "<p>2025年1月20日</p>"]
    body = "\n".join(parts)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def test_html_report_in_one_table3_is_clean() -> None:
    assert [(f.code, f.table) for f in _check("r.html", _page([_table(_html_t3_rows())]))] == []


def test_table3_continued_in_a_second_table_without_its_label_columns() -> None:
    """A page break turned into a second table (PDF to HTML): the rows after the break lost
    the merged 三、本年度办理结果 / （四）无法提供 cells, so their numbers sit two or three
    columns left of the headers. They are read by order, not under the wrong headers."""
    rows = _html_t3_rows()
    # cut inside （四）无法提供: the continuation has only the row labels and their numbers
    ids = [r.id for r in _T3.rows]
    k = ids.index("unable_3")
    cut = 3 + k
    tail = [_td(r.label) + "".join(_td(str(v)) for v in T3_VALUES[r.id]) for r in _T3.rows[k:]]
    findings = _check("r.html", _page([_table(rows[:cut]), _table(tail)]))
    assert [(f.code, f.table, f.row, f.column) for f in findings] == []


# ------------------------------------------------------------------ section 六


def _with_section6(statement: str) -> bytes:
    prose = [*PROSE[:5], statement]
    parts = [f"<h1>{TITLE}</h1>", "<div>发布时间：2025-01-20 09:30</div>"]
    tables = {1: [_html_t2()], 2: [_table(_html_t3_rows())], 3: [_html_t4()]}
    for i, heading in enumerate(HEADINGS):
        parts += [f"<p><strong>{heading}</strong></p>", f"<p>{prose[i]}</p>", *tables.get(i, [])]
    body = "\n".join(parts)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def test_fee_notices_are_a_statement_on_the_processing_fee() -> None:
    """The format's own wording counts the fee notices sent and the amount collected."""
    for statement in (
        "本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。",
        "本机关2024年度发出收费通知0件，总金额0元，实际收取总金额0元。",
    ):
        codes = [f.code for f in _check("r.html", _with_section6(statement))]
        assert codes == [], statement


def test_section6_without_a_fee_statement_is_still_reported() -> None:
    codes = [f.code for f in _check("r.html", _with_section6("本年度无其他需要报告的事项。"))]
    assert codes == ["RC602"]
