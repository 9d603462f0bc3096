"""表二 published as one small table per 第二十条 block, with the block headings as
paragraphs between the tables (a common way Word reports reach the web): every block is
read, and the tables after 表二 are not taken for more of it."""

from __future__ import annotations

from pathlib import Path

from reportcheck import api

PAGE = """<html><head><meta charset="utf-8"><title>x</title></head><body>
<p>示例县教育局2024年政府信息公开工作年度报告</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr></table>
<p>第二十条第（五）项</p>
<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>45</td></tr></table>
<p>第二十条第（六）项</p>
<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政处罚</td><td>7</td></tr><tr><td>行政强制</td><td>0</td></tr></table>
<p>第二十条第（八）项</p>
<table><tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td>1.5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
</body></html>
"""

APPLICATIONS = """
<table><tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
<tr><td>一、本年新收政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
"""


def _read(tmp_path: Path, page: str) -> dict[tuple[str, str], object]:
    p = tmp_path / "report.html"
    p.write_text(page, encoding="utf-8")
    report = api.read_path(p)
    return {k: c.value for k, c in report.tables["proactive_disclosure"].cells.items()}


def test_every_block_of_a_split_table2_is_read(tmp_path: Path) -> None:
    cells = _read(tmp_path, PAGE)
    assert {r for r, _ in cells} == {
        "regulations",
        "normative_documents",
        "administrative_licensing",
        "administrative_penalty",
        "administrative_coercion",
        "administrative_fees",
    }
    assert cells[("administrative_licensing", "decisions")] == 45
    assert cells[("administrative_penalty", "decisions")] == 7
    assert str(cells[("administrative_fees", "amount")]) == "1.5"


def test_the_blocks_end_at_the_first_table_that_is_not_table2(tmp_path: Path) -> None:
    page = PAGE.replace(
        "<p>三、收到和处理政府信息公开申请情况</p>",
        "<p>三、收到和处理政府信息公开申请情况</p>" + APPLICATIONS,
    )
    cells = _read(tmp_path, page)
    assert {r for r, _ in cells} >= {"administrative_fees"}
    assert not [k for k in cells if k[0] in ("new_received", "carried_over")]
    findings = api.validate_path(tmp_path / "report.html").findings
    assert not [f for f in findings if f.code == "RC102" and f.table == "proactive_disclosure"]
