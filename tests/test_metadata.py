"""Metadata (agency, year, publication date, level) and headings of published reports."""

from __future__ import annotations

from datetime import date

import pytest

from reportcheck.model.report import Location
from reportcheck.readers import metadata
from reportcheck.readers.published import Block


@pytest.mark.parametrize(
    ("text", "agency", "year", "published", "title"),
    [
        (
            "示例县测试局2024年政府信息公开工作年度报告\n索引号：001\n发文机构: 示例县测试局 主题分类: 其他\n"
            "名称: 示例县测试局2024年政府信息公开工作年度报告 发布日期: 2025年01月09日\n一、总体情况\n正文。",
            "示例县测试局",
            2024,
            date(2025, 1, 9),
            "示例县测试局2024年政府信息公开工作年度报告",
        ),
        (  # a crawler's header: empty 发布机构, the title after 标题:, a time after the date
            "标题: 示例综合实验区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n"
            "文号: \n发布机构: \n栏目: 年报\n正文 来源：某县人民政府",
            "示例综合实验区",
            2021,
            date(2022, 2, 8),
            "示例综合实验区2021年度政府信息公开工作年度报告",
        ),
        (  # year first, title broken over two lines (PDF), no date at all
            "正文\n2024 年示例市科委政府信息公开工作\n年度报告\n根据条例编制本报告。",
            "示例市科委",
            2024,
            None,
            "2024 年示例市科委政府信息公开工作年度报告",
        ),
        (  # no header: the signature and the date under it at the end
            "关于2023年度政府信息公开工作年度报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n\n"
            "示例镇人民政府\n2024年1月18日\n",
            "示例镇人民政府",
            2023,
            date(2024, 1, 18),
            "关于2023年度政府信息公开工作年度报告",
        ),
        (  # date in Chinese numerals under the signature
            "示例区2022年政府信息公开工作年度报告\n正文。\n示例区人民政府办公室\n二〇二三年三月二十八日",
            "示例区",
            2022,
            date(2023, 3, 28),
            "示例区2022年政府信息公开工作年度报告",
        ),
        ("一份没有标题的文字。\n", None, None, None, None),
    ],
)
def test_extract(
    text: str, agency: str | None, year: int | None, published: date | None, title: str | None
) -> None:
    md = metadata.extract(text)
    assert (md.agency, md.year, md.published, md.title) == (agency, year, published, title)


def test_an_impossible_date_is_no_date() -> None:
    md = metadata.extract("示例局2024年政府信息公开工作年度报告\n发布日期：2025-02-30\n")
    assert md.published is None


@pytest.mark.parametrize(
    ("agency", "level"),
    [
        ("崇阳县政务服务和大数据管理局", "department"),
        ("上海市科委", "department"),
        ("上海市科学技术委员会", "department"),
        ("上海市人民政府办公厅", "department"),  # its own report, as a department
        ("示例县人民政府", "government"),
        ("镇江市人民政府", "government"),  # 镇江 is a city, not a township
        ("平潭综合实验区", "government"),  # a region-wide report
        ("示例市", "government"),
        ("示例镇人民政府", "township"),
        ("示例乡", "township"),
        ("示例街道办事处", "township"),
        ("某某", None),
        (None, None),
    ],
)
def test_agency_level(agency: str | None, level: str | None) -> None:
    assert metadata.agency_level(agency) == level


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("一、总体情况", 1),
        ("## 二、主动公开政府信息情况", 2),
        ("**三、收到和处理政府信息公开申请情况**", 3),
        ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", 4),
        ("五、政府信息公开工作存在的主要问题及改进情况", 5),
        ("六. 其他需要报告的事项", 6),
        ("二、工作机制保障", 2),  # a heading of the report's own (the rules classify it)
        ("七、附件", 7),
        ("一、本年新收政府信息公开申请数量", None),  # a label of 表三
        ("四、结转下年度继续办理", None),
        ("三、本年度办理结果", None),
        ("一、总体情况。2024年，我局认真落实条例，公开了大量信息，收到申请31件。", None),
        ("（一）主动公开方面", None),
        ("一是加强组织领导", None),
    ],
)
def test_heading_line(line: str, number: int | None) -> None:
    assert metadata.heading_line(line) == number


def test_inline_headings_only_at_a_boundary_and_in_standard_wording() -> None:
    line = (
        "联系电话0591-1234。一、总体情况2021年，我区公开信息。本报告包括主动公开政府信息情况等。"
        "二、主动公开政府信息情况 第二十条…24252.31三、收到和处理政府信息公开申请情况（本列…）"
        "四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议…"
        "详见二、主动公开政府信息情况。"
    )
    found = [(n, line[s:e]) for s, e, n in metadata.inline_headings(line)]
    assert found == [
        (1, "一、总体情况"),
        (2, "二、主动公开政府信息情况"),
        (3, "三、收到和处理政府信息公开申请情况"),
        (4, "四、政府信息公开行政复议、行政诉讼情况"),
    ]


def _blocks(lines: list[str]) -> tuple[list[Block], str]:
    text = "\n".join(lines)
    blocks = []
    offset = 0
    for i, line in enumerate(lines, 1):
        if line:
            blocks.append(Block(line, Location(f"line {i}", i), offset=offset))
        offset += len(line) + 1
    return blocks, text


def test_sections_with_bodies_cut_from_the_text() -> None:
    blocks, text = _blocks(
        [
            "示例局2024年政府信息公开工作年度报告",
            "一、总体情况",
            "第一段。",
            "第二段。",
            "二、主动公开政府信息情况本年主动公开信息10条。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "",
            "示例局",
            "2025年1月9日",
        ]
    )
    secs = metadata.sections(blocks, text)
    assert [(s.number, s.heading, s.location.line) for s in secs] == [
        (1, "一、总体情况", 2),
        (2, "二、主动公开政府信息情况", 5),
        (6, "六、其他需要报告的事项", 6),
    ]
    assert secs[0].body == "第一段。\n第二段。"
    assert secs[1].body == "本年主动公开信息10条。"
    assert secs[2].body == "本年度未收取信息处理费。"  # the signature is not part of section 六


def test_sections_without_offsets_join_the_blocks() -> None:
    blocks = [
        Block(t, Location(f"paragraph {i}")) for i, t in enumerate(["一、总体情况", "甲。", "乙。"])
    ]
    secs = metadata.sections(blocks)
    assert [(s.number, s.body) for s in secs] == [(1, "甲。\n乙。")]


def test_title_agency_before_guanyu() -> None:
    """「X局关于2024年…报告」: the agency is X局, not X局关于."""
    from reportcheck.readers.metadata import _title

    found = _title(["白鹭县自然资源局关于2024年政府信息公开工作年度报告"])
    assert found is not None and found[1:] == (2024, "白鹭县自然资源局")


# ----------------------------------------------------------------------------- issue 8: metadata from the report


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        (  # page furniture before the report: the site's 发布机构 is a desktop icon, 来源 the site
            "桌面\n首页 > 政务公开 > 年度报告\n发布机构：桌面\n来源：本网\n"
            "白鹭县民政局2023年政府信息公开工作年度报告\n一、总体情况\n正文。",
            "白鹭县民政局",
            2023,
        ),
        (  # a breadcrumb glued to the title
            "首页>信息公开>白鹭县水利局2024年度政府信息公开工作年度报告\n正文。",
            "白鹭县水利局",
            2024,
        ),
        (  # no agency in the title: the opening sentence names it, before 发布机构
            "2024年政府信息公开工作年度报告\n发布机构：门户网站管理员\n"
            "本报告由白鹭县交通运输局根据《中华人民共和国政府信息公开条例》要求编制。",
            "白鹭县交通运输局",
            2024,
        ),
        (  # 「…，X编制了本报告」
            "政府信息公开工作年度报告\n根据条例第五十条规定，白鹭市统计局编制了本报告。"
            "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
            "白鹭市统计局",
            2022,
        ),
        (  # no year in the title: the statistics period, with spaces in the years
            "白鹭新区管委会政府信息公开工作年度报告\n"
            "本报告中所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。",
            "白鹭新区管委会",
            2023,
        ),
        (  # 统计期限为…至12月31日 (second year left out)
            "政府信息公开年报\n统计期限为2021年1月1日至12月31日。\n白鹭县林业局\n2022年1月20日",
            "白鹭县林业局",
            2021,
        ),
        (  # a period that is not one calendar year gives no year
            "政府信息公开年报\n统计期限自2021年1月1日起至2022年12月31日止。",
            None,
            None,
        ),
        (  # 我局 is not a name; the 来源 line is one
            "政府信息公开年报\n本报告由我局编制。\n来源：白鹭县审计局",
            "白鹭县审计局",
            None,
        ),
    ],
)
def test_agency_and_year_from_the_report_not_the_site(
    text: str, agency: str | None, year: int | None
) -> None:
    md = metadata.extract(text)
    assert (md.agency, md.year) == (agency, year)


@pytest.mark.parametrize(
    "name",
    [
        "桌面",
        "首页",
        "本网",
        "我局",
        "政务公开",
        "首页>政务公开",
        "本报告",
        "2024",
        "某某",
        "详见附件",
    ],
)
def test_furniture_is_never_an_agency(name: str) -> None:
    assert not metadata.is_agency_name(name)


@pytest.mark.parametrize(
    ("agency", "level"),
    [
        ("白鹭经济技术开发区管委会", "government"),
        ("白鹭新区管理委员会", "government"),
        ("白鹭高新区", "government"),
        ("白鹭综合保税区管理委员会", "government"),
        ("白鹭经济技术开发区管委会经济发展局", "department"),  # a department of the zone
        ("白鹭县民政局", "department"),
    ],
)
def test_zone_committee_is_government_level(agency: str, level: str) -> None:
    assert metadata.agency_level(agency) == level


def test_a_table_label_numbered_loosely_is_no_heading() -> None:
    # text in reading order puts 表三's labels on lines of their own, some numbered without
    # 、 or with the numeral doubled: never section 二's or 一's heading
    from reportcheck.readers.metadata import heading_line

    assert heading_line("二上年结转政府信息公开申请数量") is None
    assert heading_line("一一、本年新收政府信息公开申请数量") is None
    assert heading_line("四结转下年度继续办理") is None
    assert heading_line("二、主动公开政府信息情况") == 2
    assert heading_line("二主动公开政府信息情况") == 2


def test_pieces_of_merged_labels_side_by_side_are_no_heading() -> None:
    # pdfplumber prints the side label 三、本年度办理结果 and the group label （四）无法提供
    # in pieces on one line: 「三、 （四）无」 is no heading of section 三
    from reportcheck.readers.metadata import heading_line

    assert heading_line("三、 （四）无") is None
    assert heading_line("三、（一）予以公开") is None
    assert heading_line("三、收到和处理政府信息公开申请情况") == 3
