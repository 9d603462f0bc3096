"""A correct report printed the ways real WPS (and Word) users print it: every value read,
no finding but the report's own, exit code 0 — and a wrong figure still caught.

The real reports a collection holds vary in what the tests' fixed PDFs do not: the 2019
format, header rows repeated on every page (WPS's 标题行重复), a header row alone at the foot
of a page, the label down the side wrapped in the text font, letter-spaced labels
(「自 然 人」), full-width digits, zero printed as 「—」「-」「/」「无」 or left blank, thousands
separators, rules drawn as strokes, one path, a double outer border or with the outer sides
left open, body text at 16 points beside tables at 10.5 or 12 (labels wrapped, punctuation
hanging past the end of a wrapped label), a title on two lines, page numbers 「— 3 —」,
tables narrower than the text, empty rows, rows of wrapped labels cut by the page break
(允许跨页断行), bold made by printing each character twice, a caption, 「单位：件」 and a note
around the tables, other numbering (「1、」, half-width brackets), tables at 14 points. The WPS-like maker (``data/pdf/make_wps_like.py``)
draws the tests' usual report each of these ways (reportlab, the dev extra; about half a
second each).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

DATA = Path(__file__).parent / "data" / "pdf"
sys.path.insert(0, str(DATA))

import make_pdfs as mp  # noqa: E402
import make_wps_like as mw  # noqa: E402

if not mw.CJK_FILE.exists():
    pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed", allow_module_level=True)

runner = CliRunner()
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _zero(text: str) -> Callable[[str], str]:
    return lambda t: text if t == "0" else t


def _spaced(sep: str) -> Callable[[str], str]:
    """Short labels and headers letter-spaced (「自 然 人」, 「总 计」)."""
    return lambda t: sep.join(t) if len(t) <= 5 and not any(c in t for c in "、（") else t


def _thousands(t: str) -> str:
    return f"{int(t):,}" if t.isdigit() else t


V2019 = {"_base": "chromium-2019-negative"}
AROUND = {
    "before_table": {
        "[表二]": ("表1 主动公开政府信息情况",),
        "[表三]": ("表2 收到和处理政府信息公开申请情况", "单位：件"),
        "[表四]": ("单位：件",),
    },
    "after_table": {
        "[表二]": ("注：收费金额单位为万元，保留2位小数。",),
        "[表三]": ("注：本表统计时间为2024年1月1日至2024年12月31日。",),
    },
}
"""A caption, 「单位：件」 above a table, a note below it."""
PLACEHOLDERS = {"RC207"}
"""The finding of a report that prints some zeros as placeholders (「—」, blank …)."""

# name → (maker options, the findings of the correct report)
VARIANTS: dict[str, tuple[dict[str, Any], set[str]]] = {
    "2019-format": (V2019, set()),
    "2019-format-borderless": ({**V2019, "borderless": True}, set()),
    "header-repeated": ({"repeat_header": True}, set()),
    "header-repeated-2019": ({**V2019, "repeat_header": True, "_before": 2}, set()),
    # 申请人情况 alone at the foot of a page, the whole header again over the last row
    "header-repeated-first-row-alone": ({"repeat_header": True, "_before": 9, "_longer": 2}, set()),
    # without rules, the header begun at the foot of page 2 and printed again whole on
    # page 4: its lines grouped otherwise, it was read as rows (RC102 on a correct report)
    "header-repeated-borderless": (
        {
            "borderless": True,
            "repeat_header": True,
            "table_size": 10.5,
            "body_size": 16.0,
            "_before": 0,
        },
        set(),
    ),
    # 表四's header at the foot of page 3 and again over its figures on page 4 (RC003)
    "header-repeated-borderless-table4": (
        {
            "borderless": True,
            "repeat_header": True,
            "table_size": 10.5,
            "body_size": 16.0,
            "_before": 3,
        },
        set(),
    ),
    "side-label-stacked": ({"side_label": "stacked", "_before": 2}, set()),
    "labels-letter-spaced": ({"label_text": _spaced(" ")}, set()),
    "labels-spaced-ideographic": ({"label_text": _spaced("\u3000")}, set()),
    "labels-spaced-borderless": ({"borderless": True, "label_text": _spaced(" ")}, set()),
    "digits-full-width": ({"figure_text": lambda t: t.translate(FULL_WIDTH)}, set()),
    "zero-as-dash": ({"figure_text": _zero("—")}, PLACEHOLDERS),
    "zero-as-hyphen": ({"figure_text": _zero("-")}, PLACEHOLDERS),
    "zero-as-slash": ({"figure_text": _zero("/")}, PLACEHOLDERS),
    "zero-as-wu": ({"figure_text": _zero("无")}, PLACEHOLDERS),
    "zero-as-blank": ({"figure_text": _zero("")}, PLACEHOLDERS),
    # single figures one under the other in a column (full-width digits, 「无」) were taken
    # for the label down the side, one character per line, and left out
    "digits-full-width-borderless": (
        {"borderless": True, "figure_text": lambda t: t.translate(FULL_WIDTH)},
        set(),
    ),
    "zero-as-wu-borderless": ({"borderless": True, "figure_text": _zero("无")}, PLACEHOLDERS),
    "zero-as-dash-borderless": ({"borderless": True, "figure_text": _zero("—")}, PLACEHOLDERS),
    # rows of 「—」 only (no number) were no rows: the rows around them ran too far apart
    "zero-as-dash-borderless-at-11": (
        {"borderless": True, "figure_text": _zero("—"), "table_size": 11.0, "body_size": 16.0},
        PLACEHOLDERS,
    ),
    "thousands-separators": ({"figure_text": _thousands}, set()),
    "thousands-borderless": ({"borderless": True, "figure_text": _thousands}, set()),
    "rules-stroked": ({"rules": "strokes"}, set()),
    "rules-one-path": ({"rules": "path"}, set()),
    "rules-double-border": ({"rules": "double"}, set()),
    "rules-open-sides": ({"rules": "open"}, set()),
    "body-16-table-10.5": ({"body_size": 16.0, "table_size": 10.5}, set()),
    # wrapped labels whose punctuation hangs past their cell's edge
    "body-16-table-12": ({"body_size": 16.0, "table_size": 12.0}, set()),
    "tables-narrower-10.5": ({"table_width": 0.65, "table_size": 10.5}, set()),
    # （三）不予公开 wrapped in its narrow column beside the wrapped end of 2.其他法律…
    "body-16-table-10.5-borderless": (
        {"borderless": True, "body_size": 16.0, "table_size": 10.5},
        set(),
    ),
    "title-on-two-lines": ({"title_break": True}, set()),
    "page-numbers-em-dash": ({"footer": "— {} —"}, set()),
    "page-numbers-di-ye": ({"footer": "第 {} 页"}, set()),
    "tables-narrower": ({"table_width": 0.65}, set()),
    "empty-rows": ({"blank_rows": True}, set()),
    "bold-printed-twice": ({"fake_bold": True}, set()),
    "bold-printed-twice-borderless": ({"fake_bold": True, "borderless": True}, set()),
    "unit-caption-and-note": (AROUND, set()),
    "unit-caption-and-note-borderless": ({**AROUND, "borderless": True}, set()),
    "numbering-1、": ({"label_text": lambda t: re.sub(r"^(\d)\.", r"\1、", t)}, set()),
    "numbering-half-width-brackets": (
        {"label_text": lambda t: t.replace("（", "(").replace("）", ")")},
        set(),
    ),
    # without rules at 11–12 points: row labels wrapped over four lines and more, （六）
    # beside the first line of the next row's label, the first row's label around its figures
    "table-at-11-borderless": ({"body_size": 16.0, "table_size": 11.0, "borderless": True}, set()),
    "table-at-12-borderless": ({"body_size": 16.0, "table_size": 12.0, "borderless": True}, set()),
    # a character of 三、本年度办理结果 between two rows took the figures of the row below
    # set a point high (「度 3 0」): RC204, an error, on a correct report
    "borderless-at-9": ({"table_size": 9.0, "_before": 2, "borderless": True}, set()),
    # 「（四）」 on the line of the figures of 2.没有现成信息… (its label wrapped around them)
    "borderless-at-10": (
        {"table_size": 10.0, "_before": 4, "_longer": 3, "borderless": True},
        set(),
    ),
    # a line of seven figures at the top of page 4 (表三 going on) and of page 5 (表四's
    # figures): the same 「# # # # # # #」 twice in the top margin band was taken for a
    # running header and left out (表三 row and 表四 RC003)
    "borderless-figures-at-the-top-of-two-pages": (
        {"table_size": 9.0, "_before": 7, "_longer": 3, "borderless": True},
        set(),
    ),
    # 「（四）」 filling its narrow column, its closing bracket's box touching 「要另行制作」
    # (the end of 2.没有现成信息需要另行制作) beside it
    "table-at-12-narrower-borderless": (
        {"table_size": 12.0, "table_width": 0.85, "borderless": True},
        set(),
    ),
    "table-at-14-over-three-pages": ({"body_size": 16.0, "table_size": 14.0}, set()),
    "table-at-14-header-repeated": (
        {"body_size": 16.0, "table_size": 14.0, "repeat_header": True},
        set(),
    ),
    # a row of wrapped labels cut by the page break (允许跨页断行): 2.其他法律… with the
    # part of （三）不予公开 on the next page; 1.申请人无正当理由… cut after three lines
    "row-cut-by-page-break": (
        {"split_rows": True, "table_size": 10.5, "body_size": 16.0, "_before": 2, "_longer": 3},
        set(),
    ),
    "row-cut-after-three-lines": (
        {"split_rows": True, "table_size": 11.0, "body_size": 16.0, "_before": 0},
        set(),
    ),
    "row-cut-header-repeated": ({"split_rows": True, "repeat_header": True, "_before": 5}, set()),
}


def _make(tmp_path: Path, name: str, options: dict[str, Any], edits: Any = None) -> Path:
    options = dict(options)
    base = options.pop("_base", "lo-2021-clean")
    case = copy.deepcopy(next(c for c in mp.CASES if c.name == base))
    case.name, case.tool, case.browser_header = name, "wps", False
    case.breaks_before_t3 = options.pop("_before", case.breaks_before_t3)
    case.longer = options.pop("_longer", case.longer)
    if edits:
        case.edits = dict(edits)
    mw.make(mw.WpsCase(case, **options), tmp_path)
    return tmp_path / f"{name}.pdf"


def _wrong(path: Path) -> list[tuple[str, str, str, str, str | None]]:
    """The cells not read as printed (``NAME.expected.json`` beside the PDF)."""
    expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
    report = api.read_path(path)
    wrong = []
    for table_id, rows in expected["tables"].items():
        data = report.tables.get(table_id)
        for row_id, cols in rows.items():
            for col_id, text in cols.items():
                cell = data.get(row_id, col_id) if data is not None else None
                got = None if cell is None else cell.raw.strip()
                if got != text.strip():
                    wrong.append((table_id, row_id, col_id, text, got))
    return wrong


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_correct_report_printed_this_way_reads_whole_and_passes(
    tmp_path: Path, name: str
) -> None:
    options, findings = VARIANTS[name]
    path = _make(tmp_path, name, options)
    assert _wrong(path) == []
    assert {f.code for f in api.check(api.read_path(path), Settings())} == findings
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_a_block_title_at_the_top_of_a_page_is_a_row_of_its_own(tmp_path: Path) -> None:
    """表二 going on on the next page with a block title (第二十条第（六）项) is no rest of the
    row the page break cut (行政许可 above it): the title stays a line of its own."""
    options = VARIANTS["row-cut-by-page-break"][0]
    report = api.read_path(_make(tmp_path, "title", options))
    assert "\n第二十条第（六）项\n" in report.text


WRONG = {
    ("applications", "granted", "natural_person"): "99",  # 27: its row and column
    ("review_litigation", "review", "total"): "77",  # 5 = 3 + 1 + 0 + 1
}


@pytest.mark.parametrize(
    "name",
    ["2019-format", "header-repeated-first-row-alone", "zero-as-dash", "thousands-borderless"],
)
def test_a_wrong_figure_printed_this_way_is_caught(tmp_path: Path, name: str) -> None:
    path = _make(tmp_path, name, VARIANTS[name][0], WRONG)
    codes = {f.code for f in api.check(api.read_path(path), Settings())}
    assert "RC304" in codes
    assert codes & {"RC300", "RC301", "RC302"}
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 1
