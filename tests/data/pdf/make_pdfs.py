"""Make the test PDFs the way agencies make them, from report texts written for the tests.

    python tests/data/pdf/make_pdfs.py [CASE…]   # needs LibreOffice, Chromium, poppler-utils
    python tests/data/pdf/make_pdfs.py label     # the label-*.pdf only (Chromium)

Each case is one annual report (our own wording; the figures are invented) written as a
Word document (``.docx``, python-docx) or an HTML page, then turned into a PDF by the tool
an agency would use:

- ``lo-*``: the .docx converted by LibreOffice (``soffice --headless --convert-to pdf``);
  a running header with the agency's name, page numbers ``- 4 -`` in the footer, tables
  with ruling lines, merged label cells (三、本年度办理结果 down the side, one character per
  line), header rows repeated on every page a table runs over;
- ``chromium-*``: the page printed by headless Chromium (``--print-to-pdf``), with ``<thead>``
  header rows repeated over page breaks; page numbers from CSS ``@page`` boxes, or Chromium's
  own header and footer (date, title, file address, ``1/6``) as when a page is printed from
  the browser.

Beside each PDF the source (.docx / .html) and ``NAME.expected.json``: every table cell as
printed (``{table: {row: {column: text}}}``), which the tests compare with what the PDF reader
reads. More PDFs for what cannot be read: ``scanned.pdf`` (pages as images, no text
layer), ``partly-scanned.pdf`` (two pages of text, the table pages as images),
``encrypted.pdf`` (an open password, exported by LibreOffice) and ``damaged.pdf`` (a PDF
whose cross-reference table and objects were cut off in transfer).

The test suite reads only the files made here; it needs neither LibreOffice nor Chromium.
Fonts: Noto Serif CJK SC / Noto Sans CJK SC (Debian's fonts-noto-cjk).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from reportcheck.model.tables import APPLICANT_COLUMNS, FORMATS, OUTCOME_COLUMNS

HERE = Path(__file__).resolve().parent

PARTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other")
OUTCOMES = ("upheld", "corrected", "other", "pending")

Values = dict[str, dict[str, dict[str, str]]]
"""table id → row id → column id → the cell's text as printed ('' for an empty cell)."""


# ------------------------------------------------------------------ figures


def applications(version: str, parts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """A balanced 表三 from the applicant-column figures of the rows given."""
    tdef = FORMATS[version].table("applications")
    rows = {r.id: {c: parts.get(r.id, {}).get(c, 0) for c in PARTS} for r in tdef.rows}
    results = [r.id for r in tdef.rows if r.result]
    for c in PARTS:
        rows["total"][c] = sum(rows[r][c] for r in results)
        rows["carried_forward"][c] = (
            rows["new_received"][c] + rows["carried_over"][c] - rows["total"][c]
        )
        assert rows["carried_forward"][c] >= 0, c
    return {r: {**cells, "total": sum(cells.values())} for r, cells in rows.items()}


def review(parts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    out = {}
    for r in ("review", "litigation_direct", "litigation_after_review"):
        cells = {c: parts.get(r, {}).get(c, 0) for c in OUTCOMES}
        out[r] = {**cells, "total": sum(cells.values())}
    return out


@dataclass
class Case:
    name: str
    version: str
    year: int
    agency: str
    signed: str
    """The date under the signature."""
    proactive: dict[str, dict[str, str]]
    apps: dict[str, dict[str, int]]
    t4: dict[str, dict[str, int]]
    tool: str
    """"lo" (docx → LibreOffice) or "chromium" (HTML → Chromium)."""
    breaks_before_t3: int = 0
    """Extra paragraphs before 表三, to push it over a page break."""
    browser_header: bool = False
    longer: int = 0
    """Extra paragraphs in sections 一 and 五 (a longer report)."""
    borderless: bool = False
    """Tables printed without ruling lines (a web page's CSS without borders)."""
    """Chromium's own header and footer instead of CSS page numbers."""
    landscape: bool = False
    """Pages turned landscape (a wide page: header words set close, a short sentence above a
    table narrower than running text)."""
    zero_as: str = "0"
    """How an empty count is printed (0, or blank)."""
    edits: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """Cells printed differently from the balanced figures (the errors of a case)."""
    prose_edits: dict[str, int] = field(default_factory=dict)
    """Figures the prose states differently from the tables."""

    def values(self) -> Values:
        out: Values = {"proactive_disclosure": self.proactive, "applications": {}}
        for r, cells in self.apps.items():
            out["applications"][r] = {c: self._count(v) for c, v in cells.items()}
        out["review_litigation"] = {
            r: {c: str(v) for c, v in cells.items()} for r, cells in self.t4.items()
        }
        for (t, r, c), text in self.edits.items():
            out[t][r][c] = text
        return out

    def _count(self, v: int) -> str:
        return str(v) if v else self.zero_as


T2_2021 = {
    "regulations": {"made": "0", "repealed": "0", "in_force": "2"},
    "normative_documents": {"made": "4", "repealed": "1", "in_force": "23"},
    "administrative_licensing": {"decisions": "1386"},
    "administrative_penalty": {"decisions": "247"},
    "administrative_coercion": {"decisions": "12"},
    "administrative_fees": {"amount": "8.65"},
}
T2_2019 = {
    "regulations": {"new_made": "0", "new_published": "0", "total_published": "3"},
    "normative_documents": {"new_made": "6", "new_published": "6", "total_published": "41"},
    "administrative_licensing": {"previous_items": "58", "change": "-3", "decisions": "2104"},
    "other_services": {"previous_items": "11", "change": "-1", "decisions": "376"},
    "administrative_penalty": {"previous_items": "132", "change": "4", "decisions": "95"},
    "administrative_coercion": {"previous_items": "17", "change": "-2", "decisions": "6"},
    "administrative_fees": {"previous_items": "3", "change": "0"},
    "government_procurement": {"items": "14", "total_amount": "386.5万元"},
}

APPS_2021 = applications(
    "2021",
    {
        "new_received": {"natural_person": 63, "commercial": 9, "research": 1, "legal_services": 4,
                         "other": 2},
        "carried_over": {"natural_person": 5, "commercial": 1},
        "granted": {"natural_person": 27, "commercial": 4, "legal_services": 2},
        "partial": {"natural_person": 6, "commercial": 1},
        "denied_4": {"natural_person": 2},
        "denied_6": {"natural_person": 1},
        "unable_1": {"natural_person": 11, "commercial": 2, "research": 1},
        "unable_3": {"natural_person": 1},
        "not_processed_1": {"natural_person": 3},
        "not_processed_2": {"natural_person": 2, "other": 1},
        "other_1": {"natural_person": 1},
        "other_3": {"natural_person": 2, "legal_services": 1},
    },
)  # fmt: skip
APPS_2019 = applications(
    "2019",
    {
        "new_received": {"natural_person": 148, "commercial": 21, "research": 2,
                         "social_welfare": 1, "legal_services": 7, "other": 3},
        "carried_over": {"natural_person": 9, "commercial": 2},
        "granted": {"natural_person": 61, "commercial": 9, "research": 1, "legal_services": 3},
        "partial": {"natural_person": 14, "commercial": 3},
        "denied_1": {"natural_person": 1},
        "denied_4": {"natural_person": 4, "commercial": 1},
        "denied_5": {"natural_person": 2},
        "unable_1": {"natural_person": 39, "commercial": 5, "research": 1, "legal_services": 2},
        "unable_2": {"natural_person": 3},
        "not_processed_1": {"natural_person": 6},
        "not_processed_3": {"natural_person": 1, "social_welfare": 1},
        "other": {"natural_person": 5, "other": 1},
    },
)  # fmt: skip
T4_2021 = review(
    {
        "review": {"upheld": 3, "corrected": 1, "pending": 1},
        "litigation_direct": {"upheld": 2, "other": 1},
        "litigation_after_review": {"upheld": 1},
    }
)
T4_2019 = review(
    {
        "review": {"upheld": 6, "corrected": 2, "other": 1, "pending": 2},
        "litigation_direct": {"upheld": 3, "corrected": 1, "pending": 1},
        "litigation_after_review": {"upheld": 2, "pending": 1},
    }
)

CASES = [
    Case("lo-2021-clean", "2021", 2024, "临川市自然资源和规划局", "2025年1月20日", T2_2021,
         APPS_2021, T4_2021, "lo", breaks_before_t3=4),
    Case("chromium-2021-clean", "2021", 2024, "临川市自然资源和规划局", "2025年1月20日",
         T2_2021, APPS_2021, T4_2021, "chromium", breaks_before_t3=4),
    Case("lo-2021-errors", "2021", 2024, "青岚县交通运输局", "2025年1月24日", T2_2021,
         APPS_2021, T4_2021, "lo", zero_as="",
         edits={("applications", "granted", "total"): "34",  # R1: 27+4+2 = 33
                ("applications", "total", "natural_person"): "57",  # R2: 56
                ("review_litigation", "review", "total"): "4"},  # R5: 3+1+1 = 5
         prose_edits={"received": 80}),  # the tables say 79
    Case("chromium-2019-negative", "2019", 2019, "江宁府市商务局", "2020年1月17日", T2_2019,
         APPS_2019, T4_2019, "chromium", browser_header=True),
    Case("lo-2019-errors", "2019", 2019, "江宁府市商务局", "2020年1月17日", T2_2019,
         APPS_2019, T4_2019, "lo", breaks_before_t3=7,
         edits={("applications", "carried_forward", "natural_person"): "22",  # R3: 21
                ("applications", "carried_forward", "total"): "31",
                ("proactive_disclosure", "administrative_licensing", "decisions"): "2l04"}),
    Case("lo-2021-six-pages", "2021", 2024, "南屏区人力资源和社会保障局", "2025年1月15日",
         T2_2021, APPS_2021, T4_2021, "lo", breaks_before_t3=4, longer=16),
    Case("chromium-2021-borderless", "2021", 2024, "临川市自然资源和规划局", "2025年1月20日",
         T2_2021, APPS_2021, T4_2021, "chromium", breaks_before_t3=4, borderless=True),
    # no rules and empty cells for 0: a column with no figure in any row (社会公益组织),
    # rows with every cell empty, 表二's first block at the foot of page 1
    Case("chromium-2021-borderless-empty", "2021", 2024, "临川市自然资源和规划局",
         "2025年1月20日", T2_2021, APPS_2021, T4_2021, "chromium", longer=3, borderless=True,
         zero_as=""),
    Case("chromium-2019-landscape-borderless", "2019", 2019, "江宁府市商务局", "2020年1月17日",
         T2_2019, APPS_2019, T4_2019, "chromium", borderless=True, landscape=True, zero_as=""),
]  # fmt: skip


# ------------------------------------------------------------------ the report's text


def prose(case: Case) -> list[tuple[str, list[str]]]:
    """The six sections: heading and paragraphs (a table marker ``[表二]`` where it stands)."""
    a, t4 = case.apps, case.t4
    received_new = case.prose_edits.get("received", a["new_received"]["total"])
    answered = a["total"]["total"]
    forward = a["carried_forward"]["total"]
    opened = a["granted"]["total"] + a["partial"]["total"]
    reviews = t4["review"]["total"]
    suits = t4["litigation_direct"]["total"] + t4["litigation_after_review"]["total"]
    y = case.year
    who = "本局"
    intro = [
        f"根据《中华人民共和国政府信息公开条例》规定，{who}编制了{y}年政府信息公开工作年度报告。"
        f"报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。本报告电子版可在本局门户网站"
        "“政府信息公开”专栏查阅和下载。如对本报告有疑问，请与本局办公室联系。",
        f"{y}年，{who}按照市委、市政府关于深化政务公开的部署，把公开工作同业务工作一起谋划、一起推进，"
        "健全了公开属性源头认定、发布前保密审查和公开效果评估等制度，公开工作的规范化水平继续提高。",
        f"（一）主动公开。全年通过门户网站、政务新媒体和政府公报主动公开各类信息{1200 + y % 7 * 31}条，"
        "重点做好规划编制、项目审批、行政执法和财政资金等领域的信息发布，对涉及群众切身利益的文件"
        "同步开展政策解读，做到文件与解读同步起草、同步审签、同步发布。",
        f"（二）依申请公开。全年新收政府信息公开申请{received_new}件，上年结转"
        f"{a['carried_over']['total']}件，已办结{answered}件，其中予以公开和部分公开{opened}件，"
        f"结转下年度继续办理{forward}件。所有申请均在法定期限内答复，答复书一律载明依据和救济途径。",
        "（三）政府信息管理。对现行有效的规范性文件逐件进行清理，按照规定标注有效状态，"
        "及时更新公开目录和公开指南，确保目录内容与实际公开信息一致。",
        "（四）平台建设。完成门户网站集约化迁移，优化栏目设置和检索功能，"
        "政务新媒体账号实行统一管理，全年未发生内容安全事故。",
        "（五）监督保障。将政务公开纳入年度绩效考核，组织业务培训两期，"
        "聘请社会监督员对公开工作进行评议，对评议中指出的问题逐项整改。",
    ]
    filler = [
        "为进一步提升答复质量，本局对依申请公开工作流程进行了梳理，明确登记、审核、会商、答复各环节的"
        "责任人和办理时限，建立疑难申请集体研究机制，对涉及第三方权益的申请依法征求意见，"
        "确保答复内容准确、依据充分、程序规范。",
        "在办理过程中，本局注重与申请人的沟通，对申请内容不明确的，及时告知补正的事项和期限，"
        "帮助申请人准确描述所需信息；对不属于政府信息公开范围的诉求，"
        "告知其通过信访、投诉等渠道反映，并提供相应的联系方式。",
        "本局还对近三年的依申请公开答复情况进行了回头看，对答复文书格式不统一、"
        "告知救济途径不完整等问题进行了集中整改，并将整改情况纳入业务培训内容。",
    ]
    extra = [filler[i % len(filler)] for i in range(case.breaks_before_t3)]
    more = [
        "围绕重点领域信息公开，本局逐项梳理了本部门的公开事项清单，明确每一事项的公开内容、"
        "公开时限、公开方式和责任科室，清单在门户网站集中公布，并根据职能调整情况动态更新。",
        "在基层政务公开标准化规范化方面，本局指导各镇街对照标准目录完善公开内容，"
        "组织开展交叉检查，对检查中发现的栏目空白、内容陈旧等问题督促限期整改。",
        "本局还通过政府开放日、新闻发布会和在线访谈等形式，邀请群众代表参与政策制定和评估，"
        "广泛听取意见建议，对采纳情况予以公开反馈。",
    ]
    intro += [more[i % len(more)] for i in range(case.longer)]
    return [
        ("一、总体情况", intro),
        ("二、主动公开政府信息情况", ["[表二]"]),
        ("三、收到和处理政府信息公开申请情况", [*extra, "[表三]"]),
        (
            "四、政府信息公开行政复议、行政诉讼情况",
            [
                f"全年因政府信息公开工作被申请行政复议{reviews}件，被提起行政诉讼{suits}件。",
                "[表四]",
            ],
        ),
        (
            "五、存在的主要问题及改进情况",
            [
                "一是政策解读的形式还比较单一，图表、视频等解读方式运用不多；二是部分业务科室"
                "对公开属性认定把握不准，存在公开不及时的情况。",
                f"下一步，{who}将丰富解读形式，加强业务培训，完善公开工作考核办法，"
                "推动政务公开工作再上新台阶。",
            ],
        ),
        (
            "六、其他需要报告的事项",
            [
                f"本年度{who}未收取信息处理费。",
                "本年度未发生其他需要报告的事项。",
            ],
        ),
    ]


# ------------------------------------------------------------------ table layouts


@dataclass
class TCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    align: str = "center"


@dataclass
class TLayout:
    rows: int
    cols: int
    widths: list[float]
    """Relative column widths."""
    cells: list[TCell]
    header_rows: int = 0
    """Rows repeated on every page the table runs over."""


def table2(case: Case) -> TLayout:
    t2 = FORMATS[case.version].table("proactive_disclosure")
    cells: list[TCell] = []
    r = 0
    for block in t2.blocks:
        rows = [x for x in t2.rows if x.block == block]
        cells.append(TCell(block, r, 0, colspan=4, header=True))
        r += 1
        cols = rows[0].columns
        cells.append(TCell("信息内容", r, 0, header=True))
        spans = _spans(len(cols))
        c = 1
        for col, span in zip(cols, spans, strict=True):
            cells.append(TCell(col.label, r, c, colspan=span, header=True))
            c += span
        r += 1
        for row in rows:
            cells.append(TCell(row.label, r, 0))
            c = 1
            for col, span in zip(cols, spans, strict=True):
                cells.append(TCell(case.values()["proactive_disclosure"][row.id][col.id], r, c,
                                   colspan=span))  # fmt: skip
                c += span
            r += 1
    return TLayout(r, 4, [2.2, 1.3, 1.3, 1.3], cells)


def _spans(n: int) -> list[int]:
    return {1: [3], 2: [1, 2], 3: [1, 1, 1]}[n]


def table3(case: Case) -> TLayout:
    t3 = FORMATS[case.version].table("applications")
    vals = case.values()["applications"]
    cells = [
        TCell(t3.note or "", 0, 0, rowspan=3, colspan=3, header=True),
        TCell("申请人情况", 0, 3, colspan=7, header=True),
        TCell("自然人", 1, 3, rowspan=2, header=True),
        TCell("法人或其他组织", 1, 4, colspan=5, header=True),
        TCell("总计", 1, 9, rowspan=2, header=True),
    ]
    for j, col in enumerate(APPLICANT_COLUMNS[1:6], 4):
        cells.append(TCell(col.label, 2, j, header=True))
    groups: dict[str, list[int]] = {}
    results: list[int] = []
    for i, r in enumerate(t3.rows, 3):
        if r.group is None:
            cells.append(TCell(r.label, i, 0, colspan=3, align="left"))
        elif r.group.startswith("三、"):
            results.append(i)
            cells.append(TCell(r.label, i, 1, colspan=2, align="left"))
        else:
            results.append(i)
            groups.setdefault(r.group, []).append(i)
            cells.append(TCell(r.label, i, 2, align="left"))
        for j, col in enumerate(APPLICANT_COLUMNS, 3):
            cells.append(TCell(vals[r.id][col.id], i, j))
    cells.append(TCell("三、本年度办理结果", results[0], 0, rowspan=len(results)))
    for group, rows in groups.items():
        cells.append(TCell(group, rows[0], 1, rowspan=len(rows)))
    widths = [0.55, 1.0, 3.1] + [0.9] * 7
    return TLayout(3 + len(t3.rows), 10, widths, cells, header_rows=3)


def table4(case: Case) -> TLayout:
    vals = case.values()["review_litigation"]
    cells = [
        TCell("行政复议", 0, 0, rowspan=2, colspan=5, header=True),
        TCell("行政诉讼", 0, 5, colspan=10, header=True),
        TCell("未经复议直接起诉", 1, 5, colspan=5, header=True),
        TCell("复议后起诉", 1, 10, colspan=5, header=True),
    ]
    rows = ("review", "litigation_direct", "litigation_after_review")
    for j in range(15):
        cells.append(TCell(OUTCOME_COLUMNS[j % 5].label, 2, j, header=True))
        cells.append(TCell(vals[rows[j // 5]][OUTCOME_COLUMNS[j % 5].id], 3, j))
    return TLayout(4, 15, [1.0] * 15, cells, header_rows=3)


# ------------------------------------------------------------------ HTML (→ Chromium)

_CSS = """
@page { size: A4; margin: 25mm 24mm 22mm 24mm; %(page_boxes)s }
body { font-family: "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.75; }
h1 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 22px; text-align: center;
     font-weight: bold; line-height: 1.5; margin: 0 0 18px; }
h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16px; margin: 14px 0 6px; }
p { text-indent: 2em; margin: 0 0 4px; text-align: justify; }
p.sign { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%%; margin: 8px 0 12px; font-size: 12px;
        line-height: 1.35; }
td, th { border: %(border)s; padding: 3px 2px; font-weight: normal; }
td.l { text-align: left; } td.c, th { text-align: center; }
tr { break-inside: avoid; }
"""
_PAGE_BOXES = '@bottom-center { content: "- " counter(page) " -"; font-size: 12px; }'


def html(case: Case) -> str:
    title = f"{case.agency}{case.year}年政府信息公开工作年度报告"
    css = (_CSS.replace("size: A4;", "size: A4 landscape;") if case.landscape else _CSS) % {
        "page_boxes": "" if case.browser_header else _PAGE_BOXES,
        "border": "none" if case.borderless else "1px solid #000",
    }
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{css}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    for heading, paras in prose(case):
        out.append(f"<h2>{escape(heading)}</h2>")
        for p in paras:
            if p.startswith("[表"):
                out.append(_html_table(_TABLES[p](case)))
            else:
                out.append(f"<p>{escape(p)}</p>")
    out.append(f'<p class="sign">{escape(case.agency)}<br>{escape(case.signed)}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def _html_table(t: TLayout) -> str:
    total = sum(t.widths)
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in t.widths)
    rows: list[list[str]] = [[] for _ in range(t.rows)]
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        tag = "th" if c.header else "td"
        span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
            f' colspan="{c.colspan}"' if c.colspan > 1 else ""
        )
        cls = "l" if c.align == "left" else "c"
        rows[c.row].append(f'<{tag} class="{cls}"{span}>{escape(c.text)}</{tag}>')
    head = "".join(f"<tr>{''.join(r)}</tr>" for r in rows[: t.header_rows])
    body = "".join(f"<tr>{''.join(r)}</tr>" for r in rows[t.header_rows :])
    thead = f"<thead>{head}</thead>" if head else ""
    return f"<table><colgroup>{cols}</colgroup>{thead}<tbody>{body}</tbody></table>"


_TABLES = {"[表二]": table2, "[表三]": table3, "[表四]": table4}


def chromium_pdf(src: Path, out: Path, header: bool) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", f"--print-to-pdf={out}"]  # fmt: skip
    if not header:
        args.append("--no-pdf-header-footer")
    subprocess.run([*args, src.as_uri()], check=True, capture_output=True, timeout=120)


# ------------------------------------------------------------------ Word (→ LibreOffice)


def docx(case: Case) -> bytes:
    import io

    import docx as python_docx
    from docx.enum.section import WD_SECTION  # noqa: F401
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = python_docx.Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
    sec.left_margin = sec.right_margin = Cm(2.6)

    def font(run_or_style: Any, name: str, size: float) -> None:
        run_or_style.font.name = name
        run_or_style.font.size = Pt(size)
        rpr = run_or_style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attr), name)

    normal = doc.styles["Normal"]
    font(normal, "Noto Serif CJK SC", 14)
    normal.paragraph_format.line_spacing = 1.35
    normal.paragraph_format.space_after = Pt(2)

    title = f"{case.agency}{case.year}年政府信息公开工作年度报告"
    header = sec.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    font(header.add_run(f"{case.agency}政府信息公开"), "Noto Sans CJK SC", 9)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(footer.add_run("- "), "Noto Serif CJK SC", 11)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    footer._p.append(fld)
    font(footer.add_run(" -"), "Noto Serif CJK SC", 11)

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run(title), "Noto Sans CJK SC", 18)
    for heading, paras in prose(case):
        h = doc.add_paragraph()
        r = h.add_run(heading)
        font(r, "Noto Sans CJK SC", 14)
        for para in paras:
            if para.startswith("[表"):
                _docx_table(doc, _TABLES[para](case), font, Cm, Pt, qn, OxmlElement,
                            WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH)  # fmt: skip
                continue
            q = doc.add_paragraph(para)
            q.paragraph_format.first_line_indent = Pt(28)
            q.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for line in (case.agency, case.signed):
        s = doc.add_paragraph(line)
        s.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.core_properties.title = title
    doc.save(buf)
    return buf.getvalue()


def _docx_table(doc: Any, t: TLayout, font: Any, Cm: Any, Pt: Any, qn: Any, Ox: Any,
                TA: Any, PA: Any) -> None:  # fmt: skip
    table = doc.add_table(rows=t.rows, cols=t.cols)
    table.style = "Table Grid"
    table.alignment = TA.CENTER
    table.autofit = False
    width = 15.8
    total = sum(t.widths)
    cms = [width * w / total for w in t.widths]
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), cms, strict=True):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            cell.width = Cm(cms[j])
    for i in range(t.header_rows):
        trpr = table.rows[i]._tr.get_or_add_trPr()
        el = Ox("w:tblHeader")
        trpr.append(el)
    for c in t.cells:
        cell = table.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        cell.text = ""
        par = cell.paragraphs[0]
        par.alignment = PA.LEFT if c.align == "left" else PA.CENTER
        par.paragraph_format.first_line_indent = Pt(0)
        par.paragraph_format.line_spacing = 1.0
        par.paragraph_format.space_after = Pt(0)
        font(par.add_run(c.text), "Noto Serif CJK SC", 9)


def lo_pdf(src: Path, out_dir: Path, password: str | None = None) -> Path:
    soffice = shutil.which("soffice") or "soffice"
    target = "pdf"
    if password:
        opts = {
            "EncryptFile": {"type": "boolean", "value": "true"},
            "DocumentOpenPassword": {"type": "string", "value": password},
        }
        target = "pdf:writer_pdf_Export:" + json.dumps(opts)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", target, "--outdir", str(out_dir), str(src)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    return out_dir / (src.stem + ".pdf")


# ------------------------------------------------------------------ the files that cannot be read


def scanned(source_pdf: Path, out: Path) -> None:
    """The pages of a PDF as JPEG images in a new PDF: no text layer (a scan)."""
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "60", "-jpeg", "-l", "2", str(source_pdf),
                        f"{tmp}/p"], check=True)  # fmt: skip
        doc = pdfium.PdfDocument.new()
        for jpg in sorted(Path(tmp).glob("p*.jpg")):
            page = doc.new_page(595, 842)
            image = pdfium.PdfImage.new(doc)
            image.load_jpeg(str(jpg), inline=True)
            image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
            page.insert_obj(image)
            page.gen_content()
        doc.save(str(out))


def partly_scanned(source_pdf: Path, out: Path) -> None:
    """The first two pages of a PDF as they are, the rest as scanned images (a report whose
    table pages were printed, signed and scanned)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(source_pdf))
    doc = pdfium.PdfDocument.new()
    doc.import_pages(src, [0, 1])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "60", "-jpeg", "-f", "3", str(source_pdf),
                        f"{tmp}/p"], check=True)  # fmt: skip
        for jpg in sorted(Path(tmp).glob("p*.jpg")):
            page = doc.new_page(595, 842)
            image = pdfium.PdfImage.new(doc)
            image.load_jpeg(str(jpg), inline=True)
            image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
            page.insert_obj(image)
            page.gen_content()
        doc.save(str(out))


def damaged(source_pdf: Path, out: Path) -> None:
    """A download cut short: the first 3 KB of a PDF, the rest lost."""
    out.write_bytes(source_pdf.read_bytes()[:3000])


# ------------------------------------------------------------------ main


# ------------------------------------------------------------------ an information box


LABEL_BOXES = {
    # the label and the title in one line, glued as a printed page joins them
    "same-line": '<div class="box">名称{title}　索引号 0143/2025-00002</div>',
    # the label in its cell, the title in the next (a web page's information table)
    "next-cell": (
        '<table class="box"><tr><td>名称</td><td>{title}</td><td>索引号</td>'
        "<td>0143/2025-00002</td></tr><tr><td>发布机构</td><td>{agency}</td><td>公开日期</td>"
        "<td>2025-01-20</td></tr></table>"
    ),
    # the label on its line, the title on the next
    "next-line": '<div class="box">名称</div><div class="box">{title}</div>',
}
"""A web page's information box above the report (名称 / 发布机构 …), three ways: what the
reader must not take for part of the agency's name (issue 22)."""


def agency_label_pages() -> None:
    """``label-*.html`` (chromium-2021-clean.html under an information box) and their PDFs
    as Chromium prints them."""
    page = (HERE / "chromium-2021-clean.html").read_text(encoding="utf-8")
    title = re.search(r"<h1>(.*?)</h1>", page)
    assert title is not None
    agency = title[1].split("2024年")[0]
    for name, box in LABEL_BOXES.items():
        src = HERE / f"label-{name}.html"
        filled = box.format(title=title[1], agency=agency)
        src.write_text(page.replace("<body>", f"<body>\n{filled}", 1), encoding="utf-8")
        chromium_pdf(src, HERE / f"label-{name}.pdf", header=False)
        print(f"label-{name}.pdf")


def main(only: list[str]) -> None:
    if only == ["label"]:
        agency_label_pages()
        return
    for case in CASES:
        if only and case.name not in only:
            continue
        if case.tool == "lo":
            src = HERE / f"{case.name}.docx"
            src.write_bytes(docx(case))
            lo_pdf(src, HERE)
        else:
            src = HERE / f"{case.name}.html"
            src.write_text(html(case), encoding="utf-8")
            chromium_pdf(src, HERE / f"{case.name}.pdf", case.browser_header)
        expected = {"version": case.version, "year": case.year, "agency": case.agency,
                    "tables": case.values()}  # fmt: skip
        (HERE / f"{case.name}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{case.name}.pdf")
    if only:
        return
    scanned(HERE / "lo-2021-clean.pdf", HERE / "scanned.pdf")
    partly_scanned(HERE / "lo-2021-clean.pdf", HERE / "partly-scanned.pdf")
    damaged(HERE / "lo-2021-clean.pdf", HERE / "damaged.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "encrypted.docx"
        shutil.copy(HERE / "lo-2021-clean.docx", src)
        shutil.copy(lo_pdf(src, Path(tmp), password="nianbao2024"), HERE / "encrypted.pdf")
    print("scanned.pdf partly-scanned.pdf damaged.pdf encrypted.pdf")
    agency_label_pages()


if __name__ == "__main__":
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit(__doc__)
    main(sys.argv[1:])
