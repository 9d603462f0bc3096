"""Make the text forms of published reports that tests/test_text_forms.py reads.

Each report is written here in our own words, with its figures, as the HTML page an agency
publishes (the official tables with merged header cells; in the ``word`` style every cell
holds a ``<p>`` as pages pasted from Word do, and the legal-person cells of zero are left
blank). From each page the forms in which people pass a report on are made with real tools:

- ``NAME.html`` — the page itself;
- ``NAME.inner.txt`` — the page's text as a browser copies it (select all, copy, paste into a
  text file): Chromium's ``innerText`` (cells separated by tabs, rows by line breaks, and the
  paragraphs inside cells on lines of their own);
- ``NAME.w3m.txt`` — the page as a text browser dumps it (``w3m -dump``: tables drawn with
  box-drawing characters, 「│规章│0│」 between 「├──┼──┤」 rules);
- ``NAME.layout.txt`` — the page printed to PDF by Chromium, then ``pdftotext -layout``
  (columns kept by spaces, blank cells vanish);
- ``NAME.raw.txt`` — the same PDF through ``pdftotext`` in reading order (cells one per line,
  numbers before or after their labels; header words broken one or two characters per line).

``NAME.json`` holds the figures (``null`` = blank on the page). Run from the repository root
with Chromium, poppler-utils, w3m and the Python package ``playwright`` installed (the browser is
Debian's ``/usr/bin/chromium``; no browser is downloaded)::

    python tests/data/textforms/make_forms.py

The outputs are checked in, so the test suite needs none of these tools.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "src"))

from reportcheck.model.tables import FORMATS  # noqa: E402
from reportcheck.rules.sections import STANDARD_HEADINGS  # noqa: E402

T3_PARTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other")


def _t3(version: str, rows: dict[str, list[int | None]]) -> dict[str, list[int | None]]:
    """Every 表三 row: given ones as they are, the others all zero, totals computed."""
    tdef = FORMATS[version].table("applications")
    out: dict[str, list[int | None]] = {}
    for r in tdef.rows:
        vals = rows.get(r.id, [0, None, None, None, None, None])
        out[r.id] = [*vals[:6], sum(v or 0 for v in vals[:6])] if len(vals) == 6 else list(vals)
    return out


def _sum_rows(t3: dict[str, list[int | None]], ids: list[str]) -> list[int | None]:
    cols = []
    for c in range(7):
        vals = [t3[i][c] for i in ids]
        cols.append(None if all(v is None for v in vals) else sum(v or 0 for v in vals))
    return cols


REPORTS: dict[str, dict[str, object]] = {
    "county-bureau-2024": {
        "version": "2021",
        "style": "word",
        "agency": "青禾县市场监督管理局",
        "year": 2024,
        "published": "2025年1月16日",
        "t2": {
            ("regulations", "made"): 0,
            ("regulations", "repealed"): 0,
            ("regulations", "in_force"): 0,
            ("normative_documents", "made"): 3,
            ("normative_documents", "repealed"): 1,
            ("normative_documents", "in_force"): 12,
            ("administrative_licensing", "decisions"): 1843,
            ("administrative_penalty", "decisions"): 267,
            ("administrative_coercion", "decisions"): 15,
            ("administrative_fees", "amount"): 0,
        },
        "t3": {
            "new_received": [41, 3, None, None, 1, None],
            "carried_over": [2, None, None, None, None, None],
            "granted": [22, 2, None, None, 1, None],
            "partial": [4, None, None, None, None, None],
            "denied_3": [1, None, None, None, None, None],
            "unable_1": [9, 1, None, None, None, None],
            "not_processed_2": [2, None, None, None, None, None],
            "other_3": [1, None, None, None, None, None],
            "carried_forward": [4, None, None, None, None, None],
        },
        "t4": [[3, 1, 0, 0, 4], [1, 0, 0, 1, 2], [0, 0, 0, 0, 0]],
    },
    "town-2023-errors": {
        "version": "2021",
        "style": "plain",
        "agency": "青禾县白石镇人民政府",
        "year": 2023,
        "published": "2024年1月22日",
        "t2": {
            ("normative_documents", "made"): 2,
            ("normative_documents", "in_force"): 9,
            ("administrative_licensing", "decisions"): 56,
            ("administrative_penalty", "decisions"): 8,
        },
        "t3": {
            "new_received": [12, 1, 0, 0, 0, 0],
            "granted": [8, 1, 0, 0, 0, 0],
            "unable_1": [3, 0, 0, 0, 0, 0],
            "carried_forward": [1, 0, 0, 0, 0, 0],
        },
        # the defects: 一 row total 14 (13), 表四 复议 total 0 beside 2 + 1
        "t3_override": {"new_received": [12, 1, 0, 0, 0, 0, 14]},
        "t4": [[2, 1, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
    },
    "city-office-2020": {
        "version": "2019",
        "style": "word",
        "agency": "青禾市人民政府办公室",
        "year": 2020,
        "published": "2021年1月28日",
        "t2": {
            ("regulations", "new_made"): 1,
            ("regulations", "new_published"): 1,
            ("regulations", "total_published"): 23,
            ("normative_documents", "new_made"): 14,
            ("normative_documents", "new_published"): 14,
            ("normative_documents", "total_published"): 310,
            ("administrative_licensing", "previous_items"): 2648,
            ("administrative_licensing", "change"): -185,
            ("administrative_licensing", "decisions"): 38,
            ("other_services", "previous_items"): 120,
            ("other_services", "change"): 6,
            ("other_services", "decisions"): 0,
            ("administrative_penalty", "previous_items"): 77,
            ("administrative_penalty", "change"): -3,
            ("administrative_penalty", "decisions"): 412,
            ("administrative_coercion", "previous_items"): 12,
            ("administrative_coercion", "change"): 0,
            ("administrative_coercion", "decisions"): 9,
            ("administrative_fees", "previous_items"): 4,
            ("administrative_fees", "change"): -1,
            ("government_procurement", "items"): 31,
            ("government_procurement", "total_amount"): "1268.5万元",
        },
        "t3": {
            "new_received": [186, 12, 1, None, 3, 2],
            "carried_over": [7, None, None, None, None, None],
            "granted": [71, 5, None, None, 1, None],
            "partial": [18, 2, None, None, None, 1],
            "denied_1": [2, None, None, None, None, None],
            "denied_4": [6, 1, None, None, None, None],
            "unable_1": [54, 3, 1, None, 2, 1],
            "not_processed_1": [11, None, None, None, None, None],
            "not_processed_2": [9, 1, None, None, None, None],
            "other": [12, None, None, None, None, None],
            "carried_forward": [10, None, None, None, None, None],
        },
        "t4": [[5, 1, 1, 1, 8], [2, 0, 0, 3, 5], [1, 0, 0, 0, 1]],
    },
}

PROSE = {
    1: "本年度，我单位按照条例要求，坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化，"
    "及时更新公开目录，做好政策解读和回应关切。",
    5: "公开内容的及时性还有提升空间，部分栏目更新不够快。下一步将加强培训，完善审核流程。",
    6: "本年度未收取信息处理费。无其他需要报告的事项。",
}


def _cell(value: object, style: str, attrs: str = "") -> str:
    text = "" if value is None else html.escape(str(value))
    inner = f"<p>{text or '&nbsp;'}</p>" if style == "word" else text
    return f"<td{attrs}>{inner}</td>"


def _t2_html(version: str, vals: dict[tuple[str, str], object], style: str) -> str:
    tdef = FORMATS[version].table("proactive_disclosure")
    width = max(len(r.columns) for r in tdef.rows) + 1
    out = ["<table border='1' cellspacing='0'>"]
    for block in tdef.blocks:
        rows = [r for r in tdef.rows if r.block == block]
        out.append(f"<tr>{_cell(block, style, f' colspan={width}')}</tr>")
        heads = "".join(_cell(c.label, style) for c in rows[0].columns)
        pad = width - 1 - len(rows[0].columns)
        extra = _cell("", style, f" colspan={pad}") if pad else ""
        out.append(f"<tr>{_cell('信息内容', style)}{heads}{extra}</tr>")
        for r in rows:
            cells = "".join(_cell(vals.get((r.id, c.id), 0), style) for c in r.columns)
            extra = _cell("", style, f" colspan={pad}") if pad else ""
            out.append(f"<tr>{_cell(r.label, style)}{cells}{extra}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _t3_html(version: str, t3: dict[str, list[int | None]], style: str) -> str:
    tdef = FORMATS[version].table("applications")
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    out = [
        "<table border='1' cellspacing='0'>",
        f"<tr>{_cell(note, style, ' colspan=3 rowspan=3')}{_cell('申请人情况', style, ' colspan=7')}</tr>",
        f"<tr>{_cell('自然人', style, ' rowspan=2')}{_cell('法人或其他组织', style, ' colspan=5')}"
        f"{_cell('总计', style, ' rowspan=2')}</tr>",
        "<tr>"
        + "".join(
            _cell(w, style)
            for w in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
        )
        + "</tr>",
    ]
    results = [r for r in tdef.rows if r.group]
    first = True
    for r in tdef.rows:
        vals = "".join(_cell(v, style) for v in t3[r.id])
        if not r.group:
            out.append(f"<tr>{_cell(r.label, style, ' colspan=3')}{vals}</tr>")
            continue
        lead = _cell("三、本年度办理结果", style, f" rowspan={len(results)}") if first else ""
        first = False
        if r.group == "三、本年度办理结果":
            out.append(f"<tr>{lead}{_cell(r.label, style, ' colspan=2')}{vals}</tr>")
            continue
        members = [x for x in results if x.group == r.group]
        head = _cell(r.group, style, f" rowspan={len(members)}") if members[0] is r else ""
        out.append(f"<tr>{lead}{head}{_cell(r.label, style)}{vals}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _t4_html(t4: list[list[int]], style: str) -> str:
    parts = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    return "\n".join(
        [
            "<table border='1' cellspacing='0'>",
            f"<tr>{_cell('行政复议', style, ' colspan=5')}{_cell('行政诉讼', style, ' colspan=10')}</tr>",
            "<tr>"
            + "".join(_cell(w, style, " rowspan=2") for w in parts)
            + _cell("未经复议直接起诉", style, " colspan=5")
            + _cell("复议后起诉", style, " colspan=5")
            + "</tr>",
            "<tr>" + "".join(_cell(w, style) for w in parts * 2) + "</tr>",
            "<tr>" + "".join(_cell(v, style) for g in t4 for v in g) + "</tr>",
            "</table>",
        ]
    )


def page(spec: dict[str, object], t3: dict[str, list[int | None]]) -> str:
    version = str(spec["version"])
    style = str(spec["style"])
    agency = str(spec["agency"])
    year = spec["year"]
    t2 = spec["t2"]
    t4 = spec["t4"]
    assert isinstance(t2, dict) and isinstance(t4, list)
    heads = STANDARD_HEADINGS
    body = [
        f"<h1>{agency}{year}年政府信息公开工作年度报告</h1>",
        f"<p>本报告由{agency}根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自"
        f"{year}年1月1日起至{year}年12月31日止。</p>",
    ]
    for n in range(1, 7):
        body.append(f"<p><strong>{heads[n]}</strong></p>")
        if n == 2:
            body.append(_t2_html(version, t2, style))
        elif n == 3:
            body.append(_t3_html(version, t3, style))
        elif n == 4:
            body.append(_t4_html(t4, style))
        else:
            body.append(f"<p>{PROSE[n]}</p>")
    body.append(f"<p style='text-align:right'>{agency}</p>")
    body.append(f"<p style='text-align:right'>{spec['published']}</p>")
    style_css = (
        "body{font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;font-size:14px;"
        "margin:2cm} table{border-collapse:collapse;margin:8px 0} td{border:1px solid #000;"
        "padding:2px 4px;text-align:center} p{margin:4px 0}"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{agency}{year}年政府信息公开工作年度报告</title><style>{style_css}</style>"
        f"</head><body>{''.join(body)}</body></html>"
    )


W3M = ["w3m", "-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"]
"""A text browser's dump of a page (its tables drawn with box-drawing characters)."""


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        tab = browser.new_page()
        for name, spec in REPORTS.items():
            version = str(spec["version"])
            t3 = _t3(version, spec["t3"])  # type: ignore[arg-type]
            tdef = FORMATS[version].table("applications")
            results = [r.id for r in tdef.rows if r.group and r.id != "total"]
            t3["total"] = _sum_rows(t3, results)
            override = spec.get("t3_override") or {}
            assert isinstance(override, dict)
            t3.update(override)
            html_path = HERE / f"{name}.html"
            html_path.write_text(page(spec, t3), encoding="utf-8")
            tab.goto(html_path.as_uri())
            (HERE / f"{name}.inner.txt").write_text(tab.inner_text("body"), encoding="utf-8")
            with (HERE / f"{name}.w3m.txt").open("w", encoding="utf-8") as dump:
                subprocess.run(
                    [*W3M, str(html_path)],
                    check=True,
                    stdout=dump,
                )
            pdf = Path(tmp) / f"{name}.pdf"
            tab.pdf(path=str(pdf), format="A4")
            for mode, args in (("layout", ["-layout"]), ("raw", [])):
                out = HERE / f"{name}.{mode}.txt"
                subprocess.run(
                    ["pdftotext", *args, "-enc", "UTF-8", str(pdf), str(out)], check=True
                )
            t2 = spec["t2"]
            assert isinstance(t2, dict)
            figures = {
                "version": version,
                "agency": spec["agency"],
                "year": spec["year"],
                "table2": {f"{r}/{c}": v for (r, c), v in t2.items()},
                "table3": t3,
                "table4": spec["t4"],
            }
            (HERE / f"{name}.json").write_text(
                json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        browser.close()


if __name__ == "__main__":
    main()
