"""Publication rules: the deadline (RC601, R10) and the 信息处理费 statement in section 六 (RC602)."""

from __future__ import annotations

from datetime import date

import pytest

from reportcheck.config import Settings
from reportcheck.rules.publication import deadline
from test_rules_sections import full_report, report_from_text, run


def _codes(text: str, *codes: str, settings: Settings | None = None) -> list[str]:
    report = report_from_text(text, settings=settings)
    from reportcheck.api import check

    s = settings or Settings()
    s.select = codes
    return [f.code for f in check(report, s)]


# --------------------------------------------------------------------------- RC601


def _deadline_codes(
    level: str | None, published: str, settings: Settings | None = None
) -> list[str]:
    report = report_from_text(full_report(published=published))
    report.metadata.level = level  # the metadata reader's decision, set here explicitly
    return [f.code for f in run(report, "RC601", settings=settings)]


@pytest.mark.parametrize(
    ("level", "published", "late"),
    [
        ("department", "发布日期：2025-01-31", False),
        ("department", "发布日期：2025-02-01", True),
        ("department", "发布日期：2025年3月1日", True),
        ("government", "发布日期：2025-03-31", False),
        ("government", "发布日期：2025-04-01", True),
        # townships: deadlines are set locally, not checked by default
        ("township", "发布日期：2025-06-01", False),
        # level unknown: nothing is said
        (None, "发布日期：2025-06-01", False),
        # date unknown: nothing is said
        ("department", "索引号：123", False),
    ],
)
def test_deadline(level: str | None, published: str, late: bool) -> None:
    assert _deadline_codes(level, published) == (["RC601"] if late else [])


def test_township_deadline_when_configured() -> None:
    settings = Settings()
    settings.deadlines = {**settings.deadlines, "township": "02-28"}
    assert _deadline_codes("township", "发布日期：2025-03-01", settings) == ["RC601"]
    assert _deadline_codes("township", "发布日期：2025-02-28", settings) == []


def test_late_finding_says_by_how_much() -> None:
    report = report_from_text(full_report(published="发布日期：2025-02-10"))
    report.metadata.level = "department"
    [f] = run(report, "RC601")
    assert (f.actual, f.expected, f.difference) == ("2025-02-10", "2025-01-31", "10")


def test_deadline_by_level() -> None:
    report = report_from_text(full_report(published="发布日期：2025-02-10"))
    report.metadata.level = "government"
    assert deadline(report, Settings()) == date(2025, 3, 31)
    report.metadata.level = "department"
    assert deadline(report, Settings()) == date(2025, 1, 31)
    report.metadata.year = None
    assert deadline(report, Settings()) is None


def test_table_only_submission_has_no_deadline_check() -> None:
    report = report_from_text(full_report(published="发布日期：2025-02-10"))
    report.metadata.level = "department"
    report.metadata.published = None
    assert run(report, "RC601") == []


# --------------------------------------------------------------------------- RC602


@pytest.mark.parametrize(
    "statement",
    [
        "本年度未收取信息处理费。",
        "本机关收取信息处理费共计400元。",
        "2024年，无收取信息处理费情况。",
        "本年度未产生信息处理费。",
        "本年度政府信息公开工作未发生收费情况。",
        "本机关未向申请人收取任何费用。",
        "本年度依申请公开工作未产生任何费用。",
        "办理政府信息公开申请没有发生相关费用。",
    ],
)
def test_fee_statement_accepted(statement: str) -> None:
    text = full_report(prose={6: ["本年度无其他需要报告的事项。", statement]})
    assert _codes(text, "RC602") == []


@pytest.mark.parametrize(
    "said",
    [
        ["无。"],
        ["本年度无其他需要报告的事项。"],
        # 表二's 行政事业性收费 is another fee
        ["本年度行政事业性收费情况见表二。"],
    ],
)
def test_fee_statement_missing(said: list[str]) -> None:
    text = full_report(prose={6: said})
    assert _codes(text, "RC602") == ["RC602"]


def test_fee_stated_elsewhere_does_not_count() -> None:
    text = full_report(prose={1: ["本年度未收取信息处理费。"], 6: ["无。"]})
    assert _codes(text, "RC602") == ["RC602"]


def test_no_fee_statement_needed_before_2021() -> None:
    text = full_report(
        title="某某县某某局2020年政府信息公开工作年度报告",
        published="发布日期：2021-01-10",
        prose={6: ["无。"]},
        version="2019",
    )
    assert _codes(text, "RC602") == []


def test_missing_section_six_is_reported_once() -> None:
    text = full_report(drop=[6], prose={6: ["无。"]})
    assert _codes(text, "RC111", "RC602") == ["RC111"]


# --------------------------------------------------------------------------- RC603


def _unchecked(text: str, level: str | None = "keep") -> list[str]:
    report = report_from_text(text)
    if level != "keep":
        report.metadata.level = level
    return [f.message for f in run(report, "RC603")]


@pytest.mark.parametrize(
    ("text", "level", "says"),
    [
        (
            full_report(published="索引号：123").replace("\n2025年1月10日", ""),
            "keep",
            "没有找到发布日期",
        ),
        (
            full_report(title="政府信息公开工作年度报告", published="发布日期：2025-01-10"),
            "keep",
            "没有找到报告年度",
        ),
        (
            full_report(title="某某服务中心2024年政府信息公开工作年度报告"),
            None,
            "无法从单位名称「某某服务中心」判断",
        ),
        (full_report(title="某某镇人民政府2024年政府信息公开工作年度报告"), "keep", "由各地规定"),
    ],
)
def test_deadline_unchecked_says_why(text: str, level: str | None, says: str) -> None:
    messages = _unchecked(text, level)
    assert len(messages) == 1 and says in messages[0]


def test_deadline_checked_says_nothing() -> None:
    assert _unchecked(full_report()) == []  # a county bureau, its year and its date


def test_deadline_unchecked_not_for_workbooks() -> None:
    from reportcheck import api
    from reportcheck.model.report import Report

    report: Report = api.read_path("examples/2021-valid.json")
    assert [f for f in api.check(report) if f.code == "RC603"] == []
