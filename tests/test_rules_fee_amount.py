"""RC405: the 行政事业性收费 amount stated in the text against 表二's 本年收费金额 (万元).

Agreement (exact, 元/万元/亿元, rounding to the written precision, within the configured
tolerance), disagreement, 未收取 against a non-zero amount, no false alarms (信息处理费,
other years, 预算, 同比, the 2019 format …), and the corpus reports (skipped without
../shared).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, requires_shared
from reportcheck import api
from reportcheck import prose as narrative
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.model.report import Report
from reportcheck.prose import Money, amounts_agree, read_money
from reportcheck.rules.sections import layout
from test_rules_sections import full_report, report_from_text, run

FEE = ("administrative_fees", "amount")


def _text(
    section2: Iterable[str] = (),
    *,
    section1: Iterable[str] = (),
    section3: Iterable[str] = (),
    section6: Iterable[str] = (),
    fee: str = "12.53",
    version: str = "2021",
    title: str = "某某县某某局2024年政府信息公开工作年度报告",
) -> str:
    prose = {1: list(section1) or ["概述。"], 2: list(section2) or ["从略。"]}
    if section3:
        prose[3] = list(section3)
    if section6:
        prose[6] = list(section6)
    t2: dict[tuple[str, str], str] = {FEE: fee} if version == "2021" else {}
    return full_report(prose=prose, t2=t2, version=version, title=title)  # type: ignore[arg-type]


def _report(section2: Iterable[str] = (), **kw: str | Iterable[str]) -> Report:
    report = report_from_text(_text(section2, **kw))  # type: ignore[arg-type]
    assert "proactive_disclosure" in report.tables
    return report


def _found(report: Report, settings: Settings | None = None) -> list[Finding]:
    return run(report, "RC405", settings=settings)


def _keys(findings: list[Finding]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.table, f.row, f.column) for f in findings]


RC405 = [("RC405", "proactive_disclosure", *FEE)]

# --------------------------------------------------------------------------- money


def test_read_money_converts_to_wan_exactly() -> None:
    assert read_money("125000", "元").wan == Decimal("12.5")
    assert read_money("125,000", "元").wan == Decimal("12.5")
    assert read_money("12.5", "万元").wan == Decimal("12.5")
    assert read_money("3.2", "亿元").wan == Decimal("32000")
    assert read_money("0.1", "元").wan == Decimal("0.00001")
    assert all(isinstance(read_money(n, u).wan, Decimal) for n, u in (("1", "元"), ("2.4", "亿元")))
    # the precision it is written with, in 万元; a zero is exact
    assert read_money("2.4", "亿元").step == Decimal("1000")
    assert read_money("125000", "元").step == Decimal("0.0001")
    assert read_money("0", "万元").step == 0


def _m(wan: str) -> Money:
    return read_money(wan, "万元")


def test_amounts_agree_rounding_cut_off_and_tolerance() -> None:
    zero = Decimal(0)
    assert amounts_agree(read_money("2.4", "亿元"), _m("24252.311082"), zero)  # rounded
    assert amounts_agree(read_money("2.43", "亿元"), _m("24252.311082"), zero)  # rounded
    assert amounts_agree(read_money("2.42", "亿元"), _m("24252.311082"), zero)  # cut off
    assert not amounts_agree(read_money("2.5", "亿元"), _m("24252.311082"), zero)
    assert not amounts_agree(read_money("2.41", "亿元"), _m("24252.311082"), zero)
    assert amounts_agree(read_money("125326", "元"), _m("12.53"), zero)  # the table rounded
    assert not amounts_agree(_m("12.71"), _m("12.53"), zero)
    assert not amounts_agree(_m("12.71"), _m("12.53"), Decimal("0.1"))
    assert amounts_agree(_m("12.71"), _m("12.53"), Decimal("0.18"))
    assert not amounts_agree(_m("0"), _m("0.004"), zero)  # zero is exact
    assert amounts_agree(_m("0"), _m("0.004"), Decimal("0.01"))


# --------------------------------------------------------------------------- agreeing


@pytest.mark.parametrize(
    ("sentence", "fee"),
    [
        ("全年收取行政事业性收费12.53万元。", "12.53"),  # exact
        ("行政事业性收费共计125300元。", "12.53"),  # 元
        ("行政事业性收费共计125,300元。", "12.53"),  # thousands separator
        ("行政事业性收费收入0.001253亿元。", "12.53"),  # 亿元
        ("本年度行政事业性收费收入12.530万元。", "12.53"),
        ("行政事业性收费收入2.4亿元。", "24252.311082"),  # rounded to the written precision
        ("行政事业性收费共计125326元。", "12.53"),  # the table is the rounded one
        ("全年累计收取行政事业性收费12.53万元。", "12.53"),
        ("本年收费金额0元。", "0"),  # without the fee's name, under 二
        ("行政事业性收费方面，全年共收取12.53万元。", "12.53"),  # named in the clause before
        ("本年度未收取行政事业性收费。", "0"),
        ("本机关没有收取行政事业性收费。", "0"),
        ("２０２４年行政事业性收费１２．５３万元。", "12.53"),  # full width, the report's year
    ],
)
def test_agreeing_amounts_raise_nothing(sentence: str, fee: str) -> None:
    report = _report([sentence], fee=fee)
    assert narrative.table_money(report, narrative.AMOUNTS[0]) is not None
    assert [s.amount.id for s in narrative.stated_amounts(report, layout(report))] == [
        "administrative_fees"
    ], "the sentence must be read, or the test proves nothing"
    assert _found(report) == []


def test_section_one_is_read_too() -> None:
    assert _found(_report(section1=["2024年，本局收取行政事业性收费125300元。"])) == []
    assert _keys(_found(_report(section1=["2024年，本局收取行政事业性收费130000元。"]))) == RC405


# --------------------------------------------------------------------------- disagreeing


@pytest.mark.parametrize(
    ("sentence", "actual", "difference"),
    [
        ("全年收取行政事业性收费14万元。", "14", "1.47"),
        ("行政事业性收费共计12000元。", "1.2", "-11.33"),
        ("行政事业性收费收入3.2亿元。", "32000", "31987.47"),
        ("本年收费金额0元。", "0", "-12.53"),
        ("行政事业性收费方面，全年共收取20万元。", "20", "7.47"),
        ("行政事业性收费12.71万元，同比增长10%。", "12.71", "0.18"),  # this year's figure
    ],
)
def test_differing_amount(sentence: str, actual: str, difference: str) -> None:
    [f] = _found(_report([sentence]))
    assert _keys([f]) == RC405
    assert (f.actual, f.expected, f.difference) == (actual, "12.53", difference)
    assert f"{actual} 万元" in f.message or f"{actual}万元" in f.message  # converted
    assert f.extra["tolerance"] == "0"
    assert f.extra["quantity"] == "administrative_fees"


def test_finding_quotes_the_sentence_names_the_cell_and_the_tolerance() -> None:
    report = _report(["全年收取行政事业性收费14万元。"])
    [f] = _found(report)
    cell = report.tables["proactive_disclosure"].get(*FEE)
    assert cell is not None and cell.location is not None
    assert f.cells == (cell.location.address,)
    assert "全年收取行政事业性收费14万元" in f.message
    assert cell.location.zh in f.message and "表二" in f.message
    assert "14万元" in f.message and "12.53 万元" in f.message and "容差 0 万元" in f.message
    assert cell.location.address in f.message_en and "tolerance 0" in f.message_en
    # located at the sentence, not at the table
    assert f.location is not None and f.location.line is not None
    assert (report.text or "").split("\n")[f.location.line - 1].startswith("全年收取")


def test_same_wrong_amount_twice_is_one_finding() -> None:
    report = _report(
        ["全年收取行政事业性收费14万元。"], section1=["本局收取行政事业性收费14万元。"]
    )
    assert _keys(_found(report)) == RC405


def test_table_in_yuan_is_converted() -> None:
    # 「125300元」 in the cell (RC206 says it is the wrong unit) is 12.53 万元
    assert _found(_report(["全年收取行政事业性收费12.53万元。"], fee="125300元")) == []


# --------------------------------------------------------------------------- tolerance


def test_configured_tolerance_makes_it_pass() -> None:
    report = _report(["全年收取行政事业性收费12.71万元。"])
    assert _keys(_found(report)) == RC405
    assert _keys(_found(report, Settings(amount_tolerance=Decimal("0.1")))) == RC405
    assert _found(report, Settings(amount_tolerance=Decimal("0.2"))) == []
    [f] = _found(report, Settings(amount_tolerance=Decimal("0.1")))
    assert f.extra["tolerance"] == "0.1" and "容差 0.1 万元" in f.message


def _validate(path: Path, *options: str) -> list[str]:
    result = CliRunner().invoke(
        app, ["validate", str(path), "--select", "RC405", "-f", "json", *options]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    return [f["code"] for f in doc["files"][0]["findings"]]


def test_tolerance_from_reportcheck_toml_via_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "年报.txt"
    path.write_text(_text(["全年收取行政事业性收费12.71万元。"]), encoding="utf-8")
    assert _validate(path, "--no-config") == ["RC405"]
    (tmp_path / "reportcheck.toml").write_text("amount-tolerance = 0.1\n", encoding="utf-8")
    assert _validate(path) == ["RC405"]
    (tmp_path / "reportcheck.toml").write_text('amount-tolerance = "0.2"\n', encoding="utf-8")
    assert _validate(path) == []
    assert _validate(path, "--no-config") == ["RC405"]


# --------------------------------------------------------------------------- claims of none


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收取行政事业性收费。",
        "本机关没有收取任何行政事业性收费。",
        "本年度无行政事业性收费。",
        "行政事业性收费为0。",
    ],
)
def test_none_claimed_against_a_non_zero_amount(sentence: str) -> None:
    [f] = _found(_report([sentence]))
    assert _keys([f]) == RC405
    assert (f.extra["claim"], f.actual, f.expected) == ("none", "0", "12.53")


def test_none_claimed_against_a_tiny_amount_within_tolerance() -> None:
    report = _report(["本年度未收取行政事业性收费。"], fee="0.004")
    assert _keys(_found(report)) == RC405
    assert _found(report, Settings(amount_tolerance=Decimal("0.01"))) == []


# --------------------------------------------------------------------------- no false alarms


@pytest.mark.parametrize(
    "where",
    [
        # the 信息处理费 of section 六 (and anywhere else) is another fee
        {"section6": ["本年度未收取信息处理费。"]},
        {"section6": ["收取信息处理费共计400元。"]},
        {"section6": ["本年度未收取行政事业性收费。"]},  # 六 speaks of the application fee
        {"section2": ["收取信息处理费共计400元。"]},
        {"section2": ["依申请公开工作中未收取任何行政事业性收费。"]},
        {"section3": ["办理申请时未收取行政事业性收费。"]},
        # other years
        {"section2": ["2023年行政事业性收费10万元。"]},
        {"section2": ["2023年，本局收取行政事业性收费10万元。"]},
        {"section2": ["上年行政事业性收费10万元。"]},
        {"section2": ["去年收取行政事业性收费10万元。"]},
        # budgets and non-tax revenue
        {"section2": ["行政事业性收费预算20万元。"]},
        {"section2": ["部门预算中行政事业性收费收入20万元。"]},
        {"section2": ["全年非税收入3.2亿元，其中行政事业性收费收入1.2亿元。"]},
        # comparisons
        {"section2": ["行政事业性收费同比增长2万元。"]},
        {"section2": ["行政事业性收费较上年减少3万元。"]},
        # other units and region-wide figures in a department's report
        {"section2": ["各乡镇行政事业性收费20万元。"]},
        {"section2": ["全县行政事业性收费20万元。"]},
        # reductions, items, approximate figures, other fees
        {"section2": ["为企业减免行政事业性收费3万元。"]},
        {"section2": ["行政事业性收费项目20个。"]},
        {"section2": ["公开行政事业性收费目录清单，涉及金额20万元。"]},
        {"section2": ["收取行政事业性收费约20万元。"]},
        {"section2": ["行政事业性收费20万元左右。"]},
        {"section2": ["停车场收费方面，收费金额20万元。"]},
        {"section2": ["物业收费金额20万元。"]},
        {"section1": ["本年收费金额400元。"]},  # without the fee's name, only under 二
        {"section2": ["行政事业性收费和信息处理费共计20万元。"]},
    ],
)
def test_no_false_alarm(where: dict[str, list[str]]) -> None:
    assert _found(_report(**where)) == []  # type: ignore[arg-type]


def test_2019_format_has_no_fee_amount() -> None:
    report = _report(
        ["全年收取行政事业性收费20万元。"],
        version="2019",
        title="某某县某某局2020年政府信息公开工作年度报告",
    )
    assert report.format_version == "2019"
    assert narrative.table_money(report, narrative.AMOUNTS[0]) is None
    assert _found(report) == []


def test_table_only_submissions_are_not_read() -> None:
    report = _report(["全年收取行政事业性收费20万元。"])
    report.text, report.sections = None, None
    assert _found(report) == []


# --------------------------------------------------------------------------- corpus

PUBLISHED = [
    "000-chongyang-zwfwj-2024.txt",
    "001-shanghai-bgt-2019.html",
    "004-pingtan-2021.txt",
    "006-shuyang-fgj-2023.html",
    "008-shanghai-kewei-2024.md",
]


@requires_shared
@pytest.mark.parametrize("name", PUBLISHED)
def test_corpus_reports_get_no_rc405(name: str) -> None:
    # Checked by hand: no corpus report states a 行政事业性收费 figure in its prose. 004
    # (表二 24252.311082 万元) says in section 六 that no 信息处理费 was charged, 006 and
    # 008 that no fee was charged for disclosure: 信息处理费, never compared with 表二.
    report = api.read_path(CORPUS / name, Settings())
    assert list(narrative.stated_amounts(report, layout(report))) == []
    assert _found(report) == []


def _pingtan_with(sentence: str) -> Report:
    """The 004 report with a sentence of our own at the start of its section 二."""
    path = CORPUS / "004-pingtan-2021.txt"
    text = path.read_text(encoding="utf-8")
    heading = "二、主动公开政府信息情况"
    at = text.rindex(heading) + len(heading)
    data = (text[:at] + " " + sentence + text[at:]).encode("utf-8")
    return api.read_bytes(path.name, data, Settings())


@requires_shared
def test_corpus_table_amount_against_our_own_sentences() -> None:
    # 004's 表二 holds 24252.311082 万元: 2.4亿元 is that amount rounded, 3.2亿元 is not
    report = _pingtan_with("本年度行政事业性收费收入2.4亿元。")
    assert [s.money.wan for s in narrative.stated_amounts(report, layout(report))] == [
        Decimal("24000")
    ]
    assert _found(report) == []
    assert _keys(_found(_pingtan_with("本年度行政事业性收费收入3.2亿元。"))) == RC405
