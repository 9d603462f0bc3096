"""Publication: the report was published in time (R10) and states the 信息处理费 (section 六).

Both rules look at published reports only (HTML, Word, text); Excel and JSON submissions
carry no publication date or prose and are not checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.report import Report
from reportcheck.model.sections import fold, layout
from reportcheck.rules.registry import rule

LEVEL_ZH = {"department": "政府部门", "government": "人民政府", "township": "乡镇（街道）"}


def agency_level(report: Report) -> str | None:
    """The agency level for the deadline, as the metadata reader decided it (or None)."""
    return report.metadata.level


def deadline(report: Report, settings: Settings) -> date | None:
    """The last day for publishing the report, or None when not known or not checked."""
    year = report.metadata.year
    level = agency_level(report)
    if year is None or level is None:
        return None
    mmdd = settings.deadlines.get(level)
    if not mmdd:
        return None
    try:
        month, day = (int(x) for x in mmdd.split("-"))
        return date(year + 1, month, day)
    except ValueError:
        return None


@rule("RC601")
def late_publication(report: Report, settings: Settings) -> Iterator[Finding]:
    """The report was published after the deadline (R10)."""
    published = report.metadata.published
    last = deadline(report, settings)
    if published is None or last is None or published <= last:
        return
    level = agency_level(report) or ""
    days = (published - last).days
    yield emit(
        "RC601",
        {
            "year": report.metadata.year,
            "published": published.isoformat(),
            "level": Tr(LEVEL_ZH.get(level, level), level),
            "deadline": last.isoformat(),
            "days": days,
        },
        actual=published.isoformat(),
        expected=last.isoformat(),
        difference=str(days),
    )


LEVEL_EN = {"department": "department", "government": "government", "township": "township"}


@rule("RC603")
def deadline_unchecked(report: Report, settings: Settings) -> Iterator[Finding]:
    """The publication deadline could not be checked, and why.

    RC601 needs the publication date, the report year and the agency level (the deadline
    differs: 31 January for departments, 31 March for a government's own report, set
    locally for townships). Rather than guess, this says which one is missing: a report
    whose agency is 「某某中心」 may be a department or a region's report. Published reports
    only; a workbook or JSON submission is usually checked before it is published.

    Passes: a county bureau's report with its title and 发布日期
    Fails (info): a report whose title names no agency level, or has no date
    """
    md = report.metadata
    if report.sections is None:
        # a workbook or JSON: checked only when the clerk gave a date (and it was read)
        if md.published is None:
            return
        if md.year is None:
            yield emit("RC603", variant="no_year")
        elif agency_level(report) is None:
            yield emit("RC603", variant="no_level_field", location=md.places.get("level"))
        elif deadline(report, settings) is None and agency_level(report) == "township":
            # (a department's or government's deadline switched off is not news)
            level = agency_level(report) or ""
            yield emit(
                "RC603",
                {"level": Tr(LEVEL_ZH.get(level, level), LEVEL_EN.get(level, level)), "key": level},
                variant="no_deadline",
            )
        return
    if md.published is None:
        yield emit("RC603")
    elif md.year is None:
        yield emit("RC603", variant="no_year")
    elif agency_level(report) is None:
        name = md.agency
        yield emit(
            "RC603",
            {"agency": Tr(f"「{name}」", f" ({name})") if name else ""},
            variant="no_level",
            actual=md.agency,
        )
    elif deadline(report, settings) is None:
        level = agency_level(report) or ""
        yield emit(
            "RC603",
            {"level": Tr(LEVEL_ZH.get(level, level), LEVEL_EN.get(level, level)), "key": level},
            variant="no_deadline",
        )


@functools.cache
def _fee_pattern() -> re.Pattern[str]:
    """:data:`FEE_STATEMENT_PATTERN`, compiled on first use (a workbook has no section 六)."""
    return re.compile(FEE_STATEMENT_PATTERN)


FEE_STATEMENT_PATTERN = (
    r"信息处理费|处理费"
    r"|(?<!行政事业性)收费(?:情况|事项|行为|通知)"
    r"|(?:未|没有|无|不)(?:发生|产生)?(?:任何)?(?:[^。；\n]{0,12})?收(?:取)?(?:任何)?(?:费|费用)"
    r"|收取[^。；\n]{0,12}费用?"
    r"|(?:未|没有|无|不)(?:发生|产生)(?:任何)?(?:相关)?费用"
)
"""What counts as a statement on 信息处理费 in section 六: the fee named, a charge (or
none) of fees on applications, or the fee notices sent (「发出收费通知的件数和总金额以及实际
收取的总金额均为0」, the format's own wording). 表二's 行政事业性收费 does not count."""


_FEE_FROM = 2021
"""The first report year 信息处理费 (国办函〔2020〕109号) applies to."""


def _fee_required(report: Report) -> bool:
    """信息处理费 applies from report year 2021; without a year, when the labels show a
    format made for those years (the 2021 format on)."""
    year = report.metadata.year
    if year is not None:
        return year >= _FEE_FROM
    if report.format_version is None or report.detected_version != report.format_version:
        return False
    return report.format.first_year >= _FEE_FROM


@functools.cache
def _closing() -> re.Pattern[str]:
    """The date line that closes a report (compiled on first use: prose only)."""
    return re.compile(
        r"^\s*(?:20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[二〇零○一三四五六七八九十]{4}年.*日)\s*$"
    )


def _content(body: str, agency: str | None) -> str:
    """What a section says, without the signature and date that close the report."""
    lines = [x.strip() for x in body.split("\n") if x.strip()]
    while lines and (_closing().match(lines[-1]) or (agency and lines[-1] == agency)):
        lines.pop()
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


@rule("RC602")
def fee_statement(report: Report, settings: Settings) -> Iterator[Finding]:
    """Section 六 does not say what 信息处理费 was charged, or that none was."""
    if not _fee_required(report):
        return
    lay = layout(report)
    if lay is None or report.text is None:
        return
    span = lay.span(6)
    if span is None:
        return
    body = fold(report.text[span[0] : span[1]])
    if _fee_pattern().search(body):
        return
    heading = lay.chosen[6]
    said = _content(body[len(heading.text) :], report.metadata.agency)
    shown = said[:60] + ("…" if len(said) > 60 else "")
    yield emit(
        "RC602",
        {"heading": heading.text, "said": shown},
        location=heading.location,
        actual=shown,
        expected="本年度未收取信息处理费 / 收取信息处理费共计…元",
    )


_SUBMISSIONS = ("xlsx", "csv", "json")


@rule("RC604")
def report_facts(report: Report, settings: Settings) -> Iterator[Finding]:
    """A workbook, CSV or JSON without its agency or report year, or with a 发布日期 that is
    not a date or a 单位层级 that is not known — each with its place (a JSON date or level
    that is not valid is RC002 already).

    Passes: 基本信息 filled in (单位名称, 报告年度; 发布日期 and 单位层级 may be left blank)
    Fails: 单位名称 left blank; 发布日期 「2025年13月」
    """
    if report.kind not in _SUBMISSIONS:
        return
    md = report.metadata
    places = md.places

    def raw(key: str) -> str:
        return md.raw.get(key, "").strip()

    if not md.agency:
        yield emit("RC604", location=places.get("agency"))
    if md.year is None:
        if raw("year") and report.kind != "json":
            yield emit(
                "RC604",
                {"raw": raw("year")},
                variant="year_bad",
                location=places.get("year"),
                actual=raw("year"),
            )
        elif not raw("year"):
            yield emit("RC604", variant="year", location=places.get("year"))
    if report.kind == "json":
        return
    if md.published is None and raw("published"):
        yield emit(
            "RC604",
            {"raw": raw("published")},
            variant="date",
            location=places.get("published"),
            actual=raw("published"),
        )
    if md.level is None and raw("level"):
        yield emit(
            "RC604",
            {"raw": raw("level")},
            variant="level",
            location=places.get("level"),
            actual=raw("level"),
        )
