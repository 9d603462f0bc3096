#!/usr/bin/env python3
"""Build the example submissions of this folder from data, reproducibly.

    python examples/build_examples.py           # rewrite the examples in examples/
    python examples/build_examples.py OUTDIR    # write them into OUTDIR instead

Every example is declared below (:data:`EXAMPLES`): its file, what it shows, how it is
built and what ``reportcheck validate`` must report for it. The workbooks are written by
:func:`reportcheck.writers.xlsx.write_workbook` in the official layout, so they look like
what a clerk fills in; the defect of each invalid example is made in the data (or, for
a missing row or column, in the table definition laid out), never by hand.
``tests/test_examples.py`` checks the findings and that the committed files are not stale;
``README.md`` is written from the same declarations.

Agencies and figures are invented, except ``chongyang-2024.xlsx``, which carries the
figures of a real 2024 report (崇阳县政务服务和大数据管理局; 表三 31 applications, all
disclosed; 表四 all 0; its 表二 was replaced by prose, so the table is absent).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportcheck.findings import Finding
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import (
    APPLICANT_PARTS,
    FORMATS,
    OUTCOME_PARTS,
    TABLE_SHORT,
    RowDef,
    TableDef,
)
from reportcheck.model.values import parse_cell
from reportcheck.readers.json_ import read_json
from reportcheck.writers.xlsx import cell_address, write_workbook

HERE = Path(__file__).resolve().parent

Key = tuple[str, str | None, str | None, str | None]
"""(code, table, row, column) of a finding."""

_PARTS = APPLICANT_PARTS
_OUTCOMES = OUTCOME_PARTS


# ---------------------------------------------------------------------- data


def _applications(version: str, parts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """A balanced 表三: row totals, （七）总计 and 结转下年度 computed from the part cells."""
    tdef = FORMATS[version].table("applications")
    rows = {r.id: {c: parts.get(r.id, {}).get(c, 0) for c in _PARTS} for r in tdef.rows}
    results = [r.id for r in tdef.rows if r.result]
    for c in _PARTS:
        rows["total"][c] = sum(rows[r][c] for r in results)
        forward = rows["new_received"][c] + rows["carried_over"][c] - rows["total"][c]
        assert forward >= 0, c
        rows["carried_forward"][c] = forward
    return {r: {**cells, "total": sum(cells.values())} for r, cells in rows.items()}


def _review_litigation(parts: dict[str, dict[str, int]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in FORMATS["2021"].table("review_litigation").rows:
        cells = {c: parts.get(r.id, {}).get(c, 0) for c in _OUTCOMES}
        out[r.id] = {**cells, "total": sum(cells.values())}
    return out


def valid_2021() -> dict[str, Any]:
    """A complete, balanced 2024 report of an invented county bureau (2021 format)."""
    return {
        "$schema": "../schemas/submission-2021.schema.json",
        "format_version": "2021",
        "report": {
            "agency": "示例县市场监督管理局",
            "year": 2024,
            "published": "2025-01-22",
            "level": "department",
        },
        "proactive_disclosure": {
            "regulations": {"made": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"made": 3, "repealed": 1, "in_force": 17},
            "administrative_licensing": {"decisions": 1268},
            "administrative_penalty": {"decisions": 214},
            "administrative_coercion": {"decisions": 9},
            "administrative_fees": {"amount": Decimal("12.35")},
        },
        "applications": _applications(
            "2021",
            {
                "new_received": {
                    "natural_person": 45,
                    "commercial": 4,
                    "legal_services": 2,
                    "other": 1,
                },
                "carried_over": {"natural_person": 2},
                "granted": {"natural_person": 21, "commercial": 2, "legal_services": 1},
                "partial": {"natural_person": 5},
                "denied_4": {"natural_person": 2},
                "denied_6": {"natural_person": 1},
                "unable_1": {"natural_person": 8, "commercial": 1},
                "unable_2": {"natural_person": 2},
                "not_processed_1": {"natural_person": 3},
                "not_processed_2": {"natural_person": 1},
                "other_1": {"natural_person": 1},
                "other_3": {"natural_person": 1, "other": 1},
            },
        ),
        "review_litigation": _review_litigation(
            {
                "review": {"upheld": 2, "corrected": 1, "pending": 1},
                "litigation_direct": {"upheld": 1, "pending": 1},
            }
        ),
    }


def valid_2019() -> dict[str, Any]:
    """A complete, balanced 2020 report (2019 format, in force for 2019 and 2020)."""
    return {
        "$schema": "../schemas/submission-2019.schema.json",
        "format_version": "2019",
        "report": {
            "agency": "示例县自然资源局",
            "year": 2020,
            "published": "2021-01-28",
            "level": "department",
        },
        "proactive_disclosure": {
            "regulations": {"new_made": 0, "new_published": 0, "total_published": 0},
            "normative_documents": {"new_made": 4, "new_published": 4, "total_published": 21},
            "administrative_licensing": {"previous_items": 56, "change": -3, "decisions": 980},
            "other_services": {"previous_items": 12, "change": 2, "decisions": 40},
            "administrative_penalty": {"previous_items": 88, "change": 0, "decisions": 176},
            "administrative_coercion": {"previous_items": 10, "change": 0, "decisions": 7},
            "administrative_fees": {"previous_items": 3, "change": -1},
            "government_procurement": {"items": 14, "total_amount": Decimal("326.8")},
        },
        "applications": _applications(
            "2019",
            {
                "new_received": {"natural_person": 30, "commercial": 3, "research": 1},
                "carried_over": {"natural_person": 1},
                "granted": {"natural_person": 14, "commercial": 2, "research": 1},
                "partial": {"natural_person": 3},
                "denied_1": {"natural_person": 1},
                "unable_1": {"natural_person": 6, "commercial": 1},
                "not_processed_2": {"natural_person": 2},
                "other": {"natural_person": 2},
            },
        ),
        "review_litigation": _review_litigation({"review": {"upheld": 1, "corrected": 1}}),
    }


def chongyang_2024() -> dict[str, Any]:
    """The figures of a real 2024 report, which has no 表二."""
    return {
        "format_version": "2021",
        "report": {
            "agency": "崇阳县政务服务和大数据管理局",
            "year": 2024,
            "published": "2025-01-09",
            "level": "department",
        },
        "applications": _applications(
            "2021",
            {"new_received": {"natural_person": 31}, "granted": {"natural_person": 31}},
        ),
        "review_litigation": _review_litigation({}),
    }


# ---------------------------------------------------------------------- writing


def dumps(doc: Any) -> str:
    """JSON text with Decimal values written exactly (12.35 stays 12.35)."""

    def default(value: object) -> object:
        if isinstance(value, Decimal):
            return f"\0dec:{value}"
        raise TypeError(type(value).__name__)

    text = json.dumps(doc, ensure_ascii=False, indent=2, default=default)
    return _DECIMAL.sub(r"\1", text) + "\n"


_DECIMAL = re.compile(r'"\\u0000dec:([-0-9.]+)"')


def report_of(doc: dict[str, Any]) -> Report:
    """The document as the JSON reader reads it."""
    return read_json("example.json", dumps(doc).encode("utf-8"))


def write_json(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(dumps(doc), encoding="utf-8")


def write_xlsx(
    path: Path,
    doc: dict[str, Any],
    *,
    tables: list[TableDef] | None = None,
    cells: dict[tuple[str, str, str], Cell] | None = None,
) -> None:
    """A workbook of ``doc`` in the official layout (``tables`` to lay out others)."""
    report = report_of(doc)
    for (table, row, col), cell in (cells or {}).items():
        report.tables[table].cells[(row, col)] = cell
    version = report.format_version or "2021"
    write_workbook(path, version, report, overwrite=True, tables=tables)


def report_text(doc: dict[str, Any]) -> str:
    """``doc`` as the text of a published report: the six sections with a few sentences
    each (invented wording) and the tables as ``|``-separated lines, as text copied out of
    a web page or PDF looks. The figures in the sentences agree with the tables."""
    meta, t2, t3, t4 = (doc[k] for k in ("report", *_TABLE_KEYS))
    fmt = FORMATS[doc["format_version"]]
    agency, year = meta["agency"], meta["year"]
    answered = t3["total"]["total"]
    lines = [
        f"{agency}{year}年政府信息公开工作年度报告",
        f"发布日期：{meta['published']}",
        "一、总体情况",
        f"{year}年，本局围绕市场监管重点工作推进政务公开，按照规定的程序发布和更新政府信息。",
        f"全年新收政府信息公开申请{t3['new_received']['total']}件，上年结转"
        f"{t3['carried_over']['total']}件，已答复{answered}件，结转下年度继续办理"
        f"{t3['carried_forward']['total']}件。",
        "二、主动公开政府信息情况",
        f"本年制发规范性文件{t2['normative_documents']['made']}件，废止"
        f"{t2['normative_documents']['repealed']}件，现行有效规范性文件"
        f"{t2['normative_documents']['in_force']}件；全年行政事业性收费金额"
        f"{t2['administrative_fees']['amount']}万元。",
    ]
    tdef = fmt.table("proactive_disclosure")
    for block in tdef.blocks:
        rows = [r for r in tdef.rows if r.block == block]
        lines.append(f"{block} | | | ")
        lines.append("信息内容 | " + " | ".join(c.label for c in rows[0].columns))
        for r in rows:
            lines.append(f"{r.label} | " + " | ".join(str(t2[r.id][c.id]) for c in r.columns))
    granted = t3["granted"]["total"]
    lines += [
        "三、收到和处理政府信息公开申请情况",
        f"在已答复的申请中，予以公开{granted}件，占{Decimal(granted * 100) / answered:.1f}%。",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | |||||",
        "自然人 | 法人或其他组织 | 总计",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
    ]
    apps = fmt.table("applications")
    for r in apps.rows:
        if r.id == "granted":
            label = f"三、本年度办理结果 | {r.label}"
        elif r.group and not r.group.startswith("三、") and r.label.startswith("1."):
            label = f"{r.group} | {r.label}"
        else:
            label = r.label
        lines.append(f"{label} | " + " | ".join(str(t3[r.id][c.id]) for c in r.columns))
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        f"全年发生政府信息公开行政复议{t4['review']['total']}件，行政诉讼"
        f"{t4['litigation_direct']['total'] + t4['litigation_after_review']['total']}件。",
        "行政复议 | 行政诉讼",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
        " | ".join(outcomes * 3),
        " | ".join(
            str(t4[row][c]) for row in ("review", "litigation_direct", "litigation_after_review")
            for c in (*_OUTCOMES, "total")
        ),
        "五、存在的主要问题及改进情况",
        "部分栏目更新不够及时，政策解读形式较为单一。下一步将完善发布审核流程，丰富解读形式。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        agency,
        f"{year + 1}年1月20日",
    ]
    return "\n".join(lines) + "\n"


_TABLE_KEYS = ("proactive_disclosure", "applications", "review_litigation")


def write_text(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(report_text(doc), encoding="utf-8")


def _set(doc: dict[str, Any], table: str, row: str, col: str, value: Any) -> dict[str, Any]:
    doc[table][row][col] = value
    return doc


def _without(doc: dict[str, Any], *path: str) -> dict[str, Any]:
    node = doc
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return doc


def _table(version: str, table_id: str) -> TableDef:
    return FORMATS[version].table(table_id)


def _format_tables(version: str, **replace_by_id: TableDef) -> list[TableDef]:
    return [replace_by_id.get(t.id, t) for t in FORMATS[version].tables]


# ---------------------------------------------------------------------- the examples


@dataclass(frozen=True)
class Example:
    """One example file and what validating it must give."""

    name: str
    """Path relative to examples/."""
    shows: str
    """What it shows (Chinese, for README.md)."""
    shows_en: str
    build: Callable[[Path], None]
    codes: frozenset[str] = frozenset()
    """Codes of every error and warning finding (empty for a valid example)."""
    expect: tuple[Key, ...] = ()
    """Findings that must be there, by (code, table, row, column)."""

    @property
    def valid(self) -> bool:
        """A valid example has no error or warning findings."""
        return not self.codes


def _xlsx(doc: Callable[[], dict[str, Any]], **kw: Any) -> Callable[[Path], None]:
    return lambda path: write_xlsx(path, doc(), **kw)


def _two_reports(path: Path) -> None:
    """The 2021 valid example, and beside its sheets a second agency's 表三 on a sheet of its
    own (two reports kept in one workbook, one per sheet)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    write_xlsx(path, _invalid(lambda d: None)())
    wb = load_workbook(path)
    other = wb.copy_worksheet(wb["表三"])
    other.title = "乙局表三"
    wb.save(path)


def _json(doc: Callable[[], dict[str, Any]]) -> Callable[[Path], None]:
    return lambda path: write_json(path, doc())


def _rc102_tables() -> list[TableDef]:
    apps = _table("2021", "applications")
    rows = tuple(r for r in apps.rows if r.id != "partial")
    return _format_tables("2021", applications=replace(apps, rows=rows))


def _rc103_tables() -> list[TableDef]:
    apps = _table("2021", "applications")
    rows = tuple(
        replace(r, columns=tuple(c for c in r.columns if c.id != "legal_services"))
        for r in apps.rows
    )
    return _format_tables("2021", applications=replace(apps, rows=rows))


def _rc105_tables() -> list[TableDef]:
    """The 2021 表二 with the old 第二十条第（九）项 block pasted under it."""
    proactive = _table("2021", "proactive_disclosure")
    procurement = _table("2019", "proactive_disclosure").row("government_procurement")
    return _format_tables(
        "2021", proactive_disclosure=replace(proactive, rows=(*proactive.rows, procurement))
    )


_RC105_CELLS = {
    ("proactive_disclosure", "government_procurement", "items"): parse_cell(5),
    ("proactive_disclosure", "government_procurement", "total_amount"): parse_cell(Decimal("58.2")),
}

_LOCAL_ROW = RowDef(
    "other_documents",
    "其他主动公开文件",
    "other proactively published documents",
    _table("2021", "proactive_disclosure").row("regulations").columns,
    block=_table("2021", "proactive_disclosure").row("regulations").block,
)


def _rc106_tables() -> list[TableDef]:
    """表二 with a local row (as one province added) inside the first block."""
    proactive = _table("2021", "proactive_disclosure")
    rows = list(proactive.rows)
    rows.insert(2, _LOCAL_ROW)
    return _format_tables("2021", proactive_disclosure=replace(proactive, rows=tuple(rows)))


_RC106_CELLS = {
    ("proactive_disclosure", "other_documents", c.id): parse_cell(v)
    for c, v in zip(_LOCAL_ROW.columns, (41, 0, 41), strict=True)
}

_RC205_CELLS = {
    ("applications", "total", "total"): Cell(
        None,
        "",
        CellState.FORMULA_NO_VALUE,
        formula=(
            "SUM({}:{})".format(
                cell_address("2021", "applications", "granted", "total").split("!")[1],
                cell_address("2021", "applications", "other_3", "total").split("!")[1],
            )
        ),
    )
}


def _outdated() -> dict[str, Any]:
    doc = valid_2019()
    doc["report"].update(year=2024, published="2025-01-20")
    return doc


def _invalid(change: Callable[[dict[str, Any]], Any]) -> Callable[[], dict[str, Any]]:
    """The 2021 valid example with one change."""

    def make() -> dict[str, Any]:
        doc = valid_2021()
        doc["$schema"] = "../../schemas/submission-2021.schema.json"
        change(doc)
        return doc

    return make


def _placeholders(doc: dict[str, Any]) -> None:
    """Columns with no applications written as / and — instead of 0."""
    for row in doc["applications"].values():
        row["research"] = "/"
        row["social_welfare"] = "—"
    for row in doc["review_litigation"].values():
        if row["total"] == 0:
            for col in row:
                row[col] = None


def _wrong_structure(doc: dict[str, Any]) -> None:
    row = doc["applications"]["new_received"]
    doc["applications"]["new_received"] = list(row.values())


def _unknown_key(doc: dict[str, Any]) -> None:
    doc["format_versoin"] = doc.pop("format_version")


def _row_totals(doc: dict[str, Any]) -> None:
    # two row totals off by one in opposite directions: the column total still adds up
    doc["applications"]["granted"]["total"] += 1
    doc["applications"]["partial"]["total"] -= 1


def _results_total(doc: dict[str, Any]) -> None:
    # an enterprise's application counted under 自然人: the row still adds up
    doc["applications"]["granted"]["natural_person"] += 1
    doc["applications"]["granted"]["commercial"] -= 1


def _balance(doc: dict[str, Any]) -> None:
    # one more application received than answered or carried forward
    doc["applications"]["new_received"]["natural_person"] += 1
    doc["applications"]["new_received"]["total"] += 1


def _review_total(doc: dict[str, Any]) -> None:
    # as in a real 2023 district report: 总计 0 beside 结果维持 10 and 结果纠正 1
    doc["review_litigation"]["review"] = {
        "upheld": 10,
        "corrected": 1,
        "other": 0,
        "pending": 0,
        "total": 0,
    }


EXAMPLES: tuple[Example, ...] = (
    Example(
        "2021-valid.xlsx",
        "2024 年度报告（2021 版格式）：三张表齐全，全部关系成立",
        "a 2024 report in the 2021 format: all three tables, every relation holds",
        _xlsx(valid_2021),
    ),
    Example(
        "2021-valid.json",
        "与 2021-valid.xlsx 相同的数据，JSON 提交格式",
        "the same figures as 2021-valid.xlsx as a JSON submission",
        _json(valid_2021),
    ),
    Example(
        "2021-valid.txt",
        "与 2021-valid.xlsx 相同的数据，作为发布的年报正文：六个部分、正文中的数字与表格一致",
        "the same figures as a published report's text: the six sections, and sentences "
        "whose figures agree with the tables",
        lambda path: write_text(path, valid_2021()),
    ),
    Example(
        "2019-valid.xlsx",
        "2020 年度报告（2019 版试行格式）：表二五个分块，（六）其他处理不分项",
        "a 2020 report in the 2019 trial format: five 表二 blocks, one （六）其他处理 row",
        _xlsx(valid_2019),
    ),
    Example(
        "chongyang-2024.xlsx",
        "真实年报（崇阳县政务服务和大数据管理局 2024 年度）的数据：表三、表四平衡，"
        "但没有表二（原报告以文字代替）",
        "the figures of a real 2024 report: 表三 and 表四 balance, but 表二 is missing "
        "(the report replaced it with prose)",
        _xlsx(chongyang_2024),
        frozenset({"RC101"}),
        (("RC101", "proactive_disclosure", None, None),),
    ),
    Example(
        "invalid/RC101-missing-table.xlsx",
        "缺少表四工作表",
        "表四 is missing",
        _xlsx(_invalid(lambda d: _without(d, "review_litigation"))),
        frozenset({"RC101"}),
        (("RC101", "review_litigation", None, None),),
    ),
    Example(
        "invalid/RC102-missing-row.xlsx",
        "表三删去了「（二）部分公开」一行",
        "表三 without the row （二）部分公开",
        _xlsx(_invalid(lambda d: None), tables=_rc102_tables()),
        frozenset({"RC102"}),
        (("RC102", "applications", "partial", None),),
    ),
    Example(
        "invalid/RC103-missing-column.xlsx",
        "表三删去了「法律服务机构」一列",
        "表三 without the column 法律服务机构",
        _xlsx(_invalid(lambda d: None), tables=_rc103_tables()),
        frozenset({"RC103"}),
        (("RC103", "applications", None, "legal_services"),),
    ),
    Example(
        "invalid/RC104-outdated-format.xlsx",
        "2024 年度报告仍使用 2019 版试行格式的表格",
        "a 2024 report on the 2019 trial format",
        _xlsx(_outdated),
        frozenset({"RC104"}),
        (("RC104", None, None, None),),
    ),
    Example(
        "invalid/RC105-mixed-versions.xlsx",
        "2021 版表二下面粘贴了 2019 版的「第二十条第（九）项 政府集中采购」",
        "a 2021 表二 with the 2019 block 第二十条第（九）项 政府集中采购 pasted below it",
        _xlsx(_invalid(lambda d: None), tables=_rc105_tables(), cells=_RC105_CELLS),
        frozenset({"RC105"}),
        (("RC105", None, None, None),),
    ),
    Example(
        "invalid/RC106-unknown-row.xlsx",
        "表二中加了一行地方自设的「其他主动公开文件」",
        "表二 with a local row 其他主动公开文件",
        _xlsx(_invalid(lambda d: None), tables=_rc106_tables(), cells=_RC106_CELLS),
        frozenset({"RC106"}),
        (("RC106", "proactive_disclosure", None, None),),
    ),
    Example(
        "invalid/RC201-text.xlsx",
        "表三「一、本年新收」自然人一格写的是汉字「四十五」",
        "表三 new applications, natural persons written in words (四十五)",
        _xlsx(
            _invalid(lambda d: _set(d, "applications", "new_received", "natural_person", "四十五"))
        ),
        frozenset({"RC201"}),
        (("RC201", "applications", "new_received", "natural_person"),),
    ),
    Example(
        "invalid/RC202-negative.xlsx",
        "表二「行政强制」本年处理决定数量为 -9",
        "表二 coercive measures: −9 decisions",
        _xlsx(
            _invalid(
                lambda d: _set(
                    d, "proactive_disclosure", "administrative_coercion", "decisions", -9
                )
            )
        ),
        frozenset({"RC202"}),
        (("RC202", "proactive_disclosure", "administrative_coercion", "decisions"),),
    ),
    Example(
        "invalid/RC203-fraction.json",
        "表二「行政处罚」本年处理决定数量为 214.5",
        "表二 penalties: 214.5 decisions",
        _json(
            _invalid(
                lambda d: _set(
                    d,
                    "proactive_disclosure",
                    "administrative_penalty",
                    "decisions",
                    Decimal("214.5"),
                )
            )
        ),
        frozenset({"RC203"}),
        (("RC203", "proactive_disclosure", "administrative_penalty", "decisions"),),
    ),
    Example(
        "invalid/RC204-blank-total.xlsx",
        "表三「（一）予以公开」的总计空着，而各列合计为 24",
        "表三 disclosed: the total is left blank while the columns add up to 24",
        _xlsx(_invalid(lambda d: _set(d, "applications", "granted", "total", None))),
        frozenset({"RC204"}),
        (("RC204", "applications", "granted", "total"),),
    ),
    Example(
        "invalid/RC205-formula.xlsx",
        "表三「（七）总计」的总计是脚本写入的公式，没有保存计算结果",
        "表三 total answered: a formula written by a script, never calculated",
        _xlsx(_invalid(lambda d: None), cells=_RC205_CELLS),
        frozenset({"RC205"}),
        (("RC205", "applications", "total", "total"),),
    ),
    Example(
        "invalid/RC206-fee-in-yuan.xlsx",
        "表二收费金额按元填写（123500元），单位应为万元",
        "表二 fee amount written in yuan (123500元) where the unit is 10,000 yuan",
        _xlsx(
            _invalid(
                lambda d: _set(
                    d, "proactive_disclosure", "administrative_fees", "amount", "123500元"
                )
            )
        ),
        frozenset({"RC206"}),
        (("RC206", "proactive_disclosure", "administrative_fees", "amount"),),
    ),
    Example(
        "invalid/RC207-placeholders.json",
        "没有申请的列填「/」「—」、表四空着：按 0 计，只给提示",
        "empty columns written as / and —, 表四 left blank: read as 0, info only",
        _json(_invalid(_placeholders)),
        frozenset(),
        (("RC207", "applications", None, None), ("RC207", "review_litigation", None, None)),
    ),
    Example(
        "invalid/RC300-culprit.xlsx",
        "表三「（一）予以公开」自然人多填 1（22 应为 21）：行合计和列合计都差 1，指出这一格",
        "表三 disclosed, natural persons 1 too high (22 for 21): its row and its column are "
        "both off by 1, so this cell is named",
        _xlsx(_invalid(lambda d: _set(d, "applications", "granted", "natural_person", 22))),
        frozenset({"RC300"}),
        (("RC300", "applications", "granted", "natural_person"),),
    ),
    Example(
        "invalid/RC301-row-total.xlsx",
        "表三两行的总计一多一少（25 应为 24，4 应为 5），总计列的合计仍然成立",
        "表三: two row totals off by one in opposite directions (25 for 24, 4 for 5)",
        _xlsx(_invalid(_row_totals)),
        frozenset({"RC301"}),
        (
            ("RC301", "applications", "granted", "total"),
            ("RC301", "applications", "partial", "total"),
        ),
    ),
    Example(
        "invalid/RC302-results-total.xlsx",
        "表三一件商业企业的申请记在了自然人下：行合计成立，自然人、商业企业两列的"
        "办理结果之和与（七）总计不符",
        "表三: an enterprise's application counted under natural persons; the row adds up, "
        "the result columns do not",
        _xlsx(_invalid(_results_total)),
        frozenset({"RC302"}),
        (
            ("RC302", "applications", "total", "natural_person"),
            ("RC302", "applications", "total", "commercial"),
        ),
    ),
    Example(
        "invalid/RC303-balance.xlsx",
        "表三本年新收多 1 件，既未办结也未结转：勾稽关系不成立",
        "表三: one more application received than answered or carried forward",
        _xlsx(_invalid(_balance)),
        frozenset({"RC303"}),
        (
            ("RC303", "applications", None, "natural_person"),
            ("RC303", "applications", None, "total"),
        ),
    ),
    Example(
        "invalid/RC304-review-total.xlsx",
        "表四行政复议：结果维持 10、结果纠正 1，总计却填 0",
        "表四 administrative review: upheld 10, corrected 1, total 0",
        _xlsx(_invalid(_review_total)),
        frozenset({"RC304"}),
        (("RC304", "review_litigation", "review", "total"),),
    ),
    Example(
        "invalid/RC007-two-reports.xlsx",
        "一个工作簿里放了两个单位的表三（工作表「表三」和「乙局表三」）：只检查了第一份",
        "a workbook holding two agencies' 表三 (sheets 表三 and 乙局表三): only the first "
        "is checked",
        _two_reports,
        frozenset({"RC007"}),
        (("RC007", "applications", None, None),),
    ),
    Example(
        "invalid/RC001-unknown-key.json",
        "JSON 顶层键写错：format_versoin（应为 format_version）",
        "a misspelt top-level key: format_versoin (format_version)",
        _json(_invalid(_unknown_key)),
        frozenset({"RC001"}),
        (("RC001", None, None, None),),
    ),
    Example(
        "invalid/RC002-wrong-structure.json",
        "JSON 中「一、本年新收」一行写成了数组而不是 {列: 数值}；该行因此也算缺失（RC102）",
        "a JSON row written as an array instead of {column: value}; the row then counts "
        "as missing too (RC102)",
        _json(_invalid(_wrong_structure)),
        frozenset({"RC002", "RC102"}),
        (
            ("RC002", "applications", "new_received", None),
            ("RC102", "applications", "new_received", None),
        ),
    ),
)


def build(out: Path) -> list[Path]:
    """Write every example into ``out`` (replacing what is there); return the paths."""
    written: list[Path] = []
    for ex in EXAMPLES:
        path = out / ex.name
        path.parent.mkdir(parents=True, exist_ok=True)
        ex.build(path)
        written.append(path)
    return written


def readme(out: Path = HERE) -> str:
    """The text of README.md: each example with the findings validating it in ``out`` gives.

    Only codes, severities and cell addresses are listed (they are part of the examples'
    contract); the wording of the messages is what ``reportcheck validate`` shows.
    """
    from reportcheck import api

    lines = [
        "# Examples / 示例",
        "",
        "Generated by `python examples/build_examples.py` from the data in that script: do "
        "not edit these files by hand; change the script and run it again (it rewrites this "
        "README too). `tests/test_examples.py` checks that each file gives the findings "
        "listed here and that the committed files are not stale.",
        "",
        "本目录由 `examples/build_examples.py` 根据脚本中的数据生成（含本说明）。"
        "请修改脚本后重新生成，不要手工修改文件。",
        "",
        "```sh",
        "reportcheck validate examples/2021-valid.xlsx",
        "reportcheck validate examples/invalid/ --lang en",
        "reportcheck template -o 年报表格.xlsx    # a blank workbook in the same layout",
        "```",
        "",
        "The workbooks use the official printed layout — sheet 基本信息 (单位名称, 报告年度, "
        "发布日期, 单位层级), then 表二, 表三 and 表四 with their merged headers — as "
        "`reportcheck template` writes it. Agencies and figures are invented, except in "
        "`chongyang-2024.xlsx`, which carries the figures (not the text) of a real 2024 "
        "report. Each file under `invalid/` shows one rule; its name starts with the code.",
        "",
        "| file | shows / 内容 | `reportcheck validate` reports |",
        "|---|---|---|",
    ]
    for ex in EXAMPLES:
        result = api.validate_path(out / ex.name)
        said = [_said(f) for f in result.findings]
        shown = "<br>".join(said) if said else "no findings / 未发现问题"
        lines.append(f"| `{ex.name}` | {ex.shows}<br>{ex.shows_en} | {shown} |")
    lines += [
        "",
        "Errors make `reportcheck validate` exit with 1, warnings too with "
        "`--fail-on warning`; info findings (RC207: cells left blank or written as /, —) "
        "never do.",
        "",
    ]
    return "\n".join(lines)


def _said(f: Finding) -> str:
    """``RC204 error 表三 `表三!J7` ``: code, severity, table and where."""
    parts = [f.code, f.severity.value]
    if f.table:
        parts.append(TABLE_SHORT[f.table])
    if f.location:
        parts.append(f"`{f.location.address}`")
    return " ".join(parts)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for path in build(out):
        print(path)
    if out.resolve() == HERE:
        (HERE / "README.md").write_text(readme(HERE), encoding="utf-8")
        print(HERE / "README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))


__all__ = ["EXAMPLES", "Example", "build", "readme"]
