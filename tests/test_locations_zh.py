"""Text, HTML and Word locations are said in Chinese in Chinese output; sheet addresses and
JSON pointers are the same in both languages."""

from __future__ import annotations

import io

import pytest

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.model.location import Location, zh_address
from reportcheck.readers.text import read
from reportcheck.render import terminal


@pytest.mark.parametrize(
    ("address", "zh"),
    [
        ("line 21", "第 21 行"),
        ("line 178, field 8", "第 178 行第 8 栏"),
        ("line 10, col 2112", "第 10 行第 2112 字"),
        ("table 2, row 14, col 3", "表格 2 第 14 行第 3 列"),
        ("table 2, row 14", "表格 2 第 14 行"),
        ("paragraph 12", "第 12 段"),
        ("表三!D29", "表三!D29"),
        ("/applications/total/total", "/applications/total/total"),
        ("line 21 and more", "line 21 and more"),
    ],
)
def test_zh_address(address: str, zh: str) -> None:
    assert zh_address(address) == zh
    assert Location(address).zh == zh


REPORT = """\
示例局2024年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况
自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 6
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
"""


def test_terminal_says_text_locations_in_chinese_and_english() -> None:
    report = read("r.txt", REPORT.encode(), "text", Settings())
    findings = [f for f in api.check(report) if f.code in ("RC301", "RC300")]
    assert findings and findings[0].location is not None
    assert findings[0].location.address == "line 5, field 8"
    assert "第 5 行第 8 栏" in findings[0].message
    assert "line 5, field 8" in findings[0].message_en
    for lang, want in (("zh", "第 5 行第 8 栏"), ("en", "line 5, field 8")):
        out = io.StringIO()
        result = api.FileResult("r.txt", report, findings)
        terminal.render([result], terminal.make_console(file=out, color=False), lang)
        assert want in out.getvalue()
