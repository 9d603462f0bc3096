"""Text laid out with spaces, as ``pdftotext -layout`` (or a PDF viewer's copy) prints a
report's 表三, in many shapes at once: every shape of a correct report is read without a
false claim — no arithmetic error, no row missing or unknown; at most a label said as a
variant (RC108), empty cells said (RC207), rows placed by their order (RC005) or rows said
unreadable (RC003) — and where nothing is said unreadable, every value is read right.

The shapes are drawn at random from a fixed seed (so a failure can be rerun): the table's
zeros printed or left empty, its columns' place and width, page breaks with the header
printed again further right, labels wrapped at a given width with the figures on the
first, the middle or the last line, and the group labels (（三）不予公开 …) printed before
each row or cut into pieces down the side.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.model.tables import FORMATS
from test_text_reader import (
    T3,
    T3_COLUMNS,
    T4_VALUES,
    _header_lines,
    _layout_blank_t3,
    _place,
    report_text,
    spaced_tables,
    t3,
)

ALLOWED = {"RC207", "RC108", "RC003", "RC005"}


def layout_t3(rng: random.Random, zero: str = "0") -> tuple[str, dict[str, object]]:
    """表三 in a shape drawn from ``rng``; the shape's parameters. A zero printed is ``zero``
    (「0」, or a placeholder such as 「/」)."""
    shape: dict[str, object] = {
        "empty_zeros": rng.random() < 0.6,
        "left": rng.choice([30, 36, 44, 50]),
        "step": rng.choice([5, 6, 7, 8]),
        "breaks": sorted(rng.sample([r.id for r in T3.rows][3:], rng.choice([0, 0, 1, 2]))),
        "shift": rng.choice([0, 2, 4, 6]),
        "wrap": rng.choice([12, 14, 16, 18, 40]),
        "figures": rng.choice(["first", "middle", "last", "first"]),
        "side": rng.random() < 0.5,
    }
    left, step = int(shape["left"]), int(shape["step"])  # type: ignore[call-overload]
    wrap = int(shape["wrap"])  # type: ignore[call-overload]
    lines = _header_lines(left, step)
    pieces: dict[str, list[str]] = {}
    for r in T3.rows:
        if r.id in shape["breaks"]:  # type: ignore[operator]
            left += int(shape["shift"])  # type: ignore[call-overload]
            lines += ["", rng.choice(["- 2 -", "-3-", "第 2 页"]), "\f", *_header_lines(left, step)]
        group = r.group if r.group and r.group.startswith("（") else None
        label = f"{group} {r.label}" if group and not shape["side"] else r.label
        parts = [label[i : i + wrap] for i in range(0, len(label), wrap)]
        figures = ""
        for k, v in enumerate(t3(r.id)):
            if v or not shape["empty_zeros"]:
                figures = _place(figures, str(v) if v else zero, left + step * k)
        at = 0
        if len(parts) > 1 and shape["figures"] == "middle":
            at = len(parts) // 2
        elif len(parts) > 1 and shape["figures"] == "last":
            at = len(parts)
            parts.append("")
        if group and shape["side"] and group not in pieces:
            pieces[group] = [group[k : k + 3] for k in range(0, len(group), 3)]
        for k, part in enumerate(parts):
            side = pieces[group].pop(0) if group and shape["side"] and pieces.get(group) else ""
            line = f"{side:<5}  {part}"
            if k == at and figures.strip() and len(figures) > len(line):
                line += figures[len(line) :]
            lines.append(line.rstrip())
    return "\n".join(lines), shape


@pytest.mark.parametrize("seed", range(40))
def test_a_correct_report_laid_out_with_spaces_gives_no_false_claim(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    t2, _, t4 = spaced_tables()
    body, shape = layout_t3(rng)
    path = tmp_path / "r.txt"
    path.write_text(report_text((t2, body, t4)), encoding="utf-8")
    report = api.read_path(path, Settings())
    findings = api.check(report)
    claims = [(f.code, f.message) for f in findings if f.code not in ALLOWED]
    assert not claims, (shape, claims)
    if not any(f.code == "RC003" for f in findings):
        apps = report.tables["applications"]
        for r in T3.rows:
            got = [(c.value or 0) if (c := apps.get(r.id, col)) else None for col in T3_COLUMNS]
            assert got == t3(r.id), (shape, r.id)


@pytest.mark.parametrize("zero", ["/", "—", "无"])
def test_zeros_printed_as_placeholders_are_read(tmp_path: Path, zero: str) -> None:
    # a table that marks its empty cells (「/」 「—」 「无」): a row of them alone, its label
    # wrapped or not, is a row (its cells empty), not a line of text — every row was said
    # missing (RC102) or its label taken apart from its figures
    t2, _, t4 = spaced_tables()
    rng = random.Random(7)
    shapes = 0
    while shapes < 12:
        body, shape = layout_t3(rng, zero)
        if shape["empty_zeros"]:
            continue
        shapes += 1
        report = api.read_bytes("r.txt", report_text((t2, body, t4)).encode(), Settings())
        findings = api.check(report)
        assert {f.code for f in findings} <= {"RC207", "RC108"}, (shape, findings)
        apps = report.tables["applications"]
        for r in T3.rows:
            got = [(c.value or 0) if (c := apps.get(r.id, col)) else None for col in T3_COLUMNS]
            assert got == t3(r.id), (shape, r.id)


def _report_2019(t3_text: str) -> str:
    """A 2019-format report around ``t3_text``: 表二 and 表四 laid out with spaces."""
    lines = ["示例局2020年政府信息公开工作年度报告", "发布日期：2021-01-20", "一、总体情况"]
    lines += ["本局做好公开工作。", "二、主动公开政府信息情况"]
    t2 = FORMATS["2019"].table("proactive_disclosure")
    for block in t2.blocks:
        rows = [r for r in t2.rows if r.block == block]
        lines += [block, "信息内容   " + "   ".join(c.label for c in rows[0].columns)]
        for r in rows:
            values = ["-2" if c.id == "change" else "3" for c in r.columns]
            lines.append(f"{r.label}      " + "      ".join(values))
    lines += ["三、收到和处理政府信息公开申请情况", t3_text]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼"]
    lines += ["结果维持 结果纠正 其他结果 尚未审结 总计 " * 3 + " ".join(map(str, T4_VALUES))]
    lines += ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    return "\n".join(lines)


def test_a_2019_report_laid_out_with_spaces_is_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2019's 表三: （六）其他处理 is a row, printed alone when its cells are empty — not
    # header words (it was: the row said unread, RC003, in 40 of 60 shapes)
    monkeypatch.setattr(sys.modules[__name__], "T3", FORMATS["2019"].table("applications"))
    rng = random.Random(2019)
    for _ in range(30):
        body, shape = layout_t3(rng)
        report = api.read_bytes("r.txt", _report_2019(body).encode(), Settings())
        assert report.format_version == "2019"
        findings = api.check(report)
        assert {f.code for f in findings} <= {"RC207", "RC108"}, (shape, findings)
        apps = report.tables["applications"]
        got = [(c.value or 0) if (c := apps.get("other", col)) else None for col in T3_COLUMNS]
        assert got == [0] * 7, shape


def test_most_shapes_are_read_whole() -> None:
    """Of 100 shapes, nearly all are read whole (nothing said unreadable): the reader does
    not get its safety by giving up."""
    t2, _, t4 = spaced_tables()
    whole = 0
    rng = random.Random(1000)
    for _ in range(100):
        body, _shape = layout_t3(rng)
        report = api.read_bytes("r.txt", report_text((t2, body, t4)).encode(), Settings())
        whole += not any(f.code == "RC003" for f in api.check(report))
    assert whole >= 85


def test_a_line_of_placeholders_after_a_table_is_no_row_of_it(tmp_path: Path) -> None:
    # a line of dashes under a table that prints its zeros as nothing (a separator, or a
    # row of placeholders without a label): the table's columns are still found from its
    # header, its rows placed (every row was said unreadable, RC003)
    t2, _, t4 = spaced_tables()
    body = _layout_blank_t3() + "\n" + "  ".join(["-"] * 7)
    report = api.read_bytes("r.txt", report_text((t2, body, t4)).encode(), Settings())
    assert {f.code for f in api.check(report)} == {"RC207"}
