"""Prose figures written with a thousands separator (「1,234件」) are read whole and compared:
the clause split does not cut a number at its comma."""

from __future__ import annotations

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.model.tables import FORMATS
from reportcheck.readers.text import read

ROWS = {
    "new_received": [1200, 34, 0, 0, 0, 0, 1234],
    "granted": [1200, 34, 0, 0, 0, 0, 1234],
    "total": [1200, 34, 0, 0, 0, 0, 1234],
}


def _report(sentence: str) -> str:
    lines = [
        "示例市人民政府办公室2024年政府信息公开工作年度报告",
        "一、总体情况",
        sentence,
        "三、收到和处理政府信息公开申请情况",
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况",
        "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计",
    ]
    for row in FORMATS["2021"].table("applications").rows:
        values = ROWS.get(row.id, [0] * 7)
        lines.append(" | ".join([row.label, *map(str, values)]))
    return "\n".join(lines) + "\n"


def _codes(sentence: str) -> list[str]:
    report = read("r.txt", _report(sentence).encode(), "text", Settings())
    assert report.tables["applications"].get("new_received", "total") is not None
    return [f.code for f in api.check(report) if f.code.startswith("RC40")]


def test_a_figure_with_a_thousands_separator_that_agrees() -> None:
    assert _codes("全年共收到政府信息公开申请1,234件，均已按时答复。") == []


def test_a_figure_with_a_thousands_separator_that_differs() -> None:
    assert _codes("全年共收到政府信息公开申请1,243件，均已按时答复。") == ["RC401"]


def test_a_governments_figure_in_a_departments_report_is_not_compared() -> None:
    """「市政府共制发…25件，我局制发3件」: 25 is the city government's, not this bureau's."""
    lines = _report("").replace("示例市人民政府办公室", "示例县自然资源局")
    lines = lines.replace(
        "一、总体情况\n",
        "一、总体情况\n本年度市政府共制发行政规范性文件25件，我局制发3件。\n",
    )
    lines += (
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
        "规章 | 0 | 0 | 0\n"
        "行政规范性文件 | 3 | 0 | 12\n"
    )
    report = read("r.txt", lines.encode(), "text", Settings())
    assert report.metadata.agency == "示例县自然资源局"
    assert [f.code for f in api.check(report) if f.code == "RC404"] == []
