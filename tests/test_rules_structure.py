"""Structure rules RC101–RC106 (rules/structure.py), on both format versions."""

from __future__ import annotations

import pytest

from factories import Submission, by_code, keys
from reportcheck import api
from reportcheck.config import Settings
from reportcheck.model.report import Location
from reportcheck.model.tables import FORMATS, TABLE_IDS
from reportcheck.rules import structure

VERSIONS = ["2021", "2019"]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_complete_submission_passes_every_structure_rule(version: str) -> None:
    report = Submission.valid(version).report()
    settings = Settings()
    for check in (
        structure.missing_table,
        structure.missing_row,
        structure.missing_column,
        structure.outdated_format,
        structure.mixed_format,
        structure.unknown_row,
    ):
        assert list(check(report, settings)) == []


# ---------------------------------------------------------------------- RC101 missing table


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("table", TABLE_IDS)
def test_rc101_missing_table(version: str, table: str) -> None:
    findings = Submission.valid(version).remove(table).findings()
    assert keys(findings) == [("RC101", table, None, None)]
    tdef = FORMATS[version].table(table)
    assert findings[0].table_label == f"{tdef.short} {tdef.title}"


@pytest.mark.parametrize("version", VERSIONS)
def test_rc101_two_missing_tables_two_findings(version: str) -> None:
    sub = Submission.valid(version).remove("proactive_disclosure").remove("review_litigation")
    assert sorted(keys(sub.findings())) == [
        ("RC101", "proactive_disclosure", None, None),
        ("RC101", "review_litigation", None, None),
    ]


# ---------------------------------------------------------------------- RC102 missing row


@pytest.mark.parametrize(
    ("version", "table", "row"),
    [
        ("2021", "applications", "partial"),
        ("2021", "applications", "other_2"),
        ("2019", "applications", "other"),
        ("2019", "applications", "denied_3"),
        ("2021", "proactive_disclosure", "administrative_fees"),
        ("2019", "proactive_disclosure", "government_procurement"),
        ("2021", "review_litigation", "litigation_after_review"),
        ("2019", "review_litigation", "review"),
    ],
)
def test_rc102_missing_row(version: str, table: str, row: str) -> None:
    sub = Submission.zeros(version).remove(table, row)  # zeros: no arithmetic consequence
    findings = sub.findings()
    assert keys(findings) == [("RC102", table, row, None)]
    assert findings[0].row_label == FORMATS[version].table(table).row(row).full_label


@pytest.mark.parametrize("version", VERSIONS)
def test_rc102_missing_row_silences_its_relations(version: str) -> None:
    """A missing row's relations are not evaluated: the row is reported, nothing invented."""
    sub = Submission.valid(version).remove("applications", "granted")
    assert keys(sub.findings()) == [("RC102", "applications", "granted", None)]


def test_rc102_a_2021_report_on_2019_rows_misses_the_other_subrows() -> None:
    sub = Submission.zeros("2021")
    sub.doc["applications"] = Submission.zeros("2019").doc["applications"]
    # the three sub-rows of （六）其他处理 are one defect: one finding naming the group
    [finding] = [f for f in sub.findings() if f.code == "RC102"]
    assert (finding.table, finding.row, finding.row_label) == (
        "applications",
        "other_1",
        "（六）其他处理",
    )
    assert finding.extra == {"rows": "other_1,other_2,other_3"}


def test_rc102_one_missing_subrow_of_a_group_is_named_alone() -> None:
    sub = Submission.zeros("2021").remove("applications", "denied_3")
    assert keys(sub.findings(), "RC102") == [("RC102", "applications", "denied_3", None)]


# ---------------------------------------------------------------------- RC103 missing column


@pytest.mark.parametrize("version", VERSIONS)
def test_rc103_a_column_missing_from_every_row_is_one_finding(version: str) -> None:
    sub = Submission.zeros(version)
    for row in sub.doc["applications"].values():
        del row["legal_services"]
    findings = sub.findings()
    assert keys(findings) == [("RC103", "applications", None, "legal_services")]
    assert findings[0].column_label == "法律服务机构"


@pytest.mark.parametrize(
    ("version", "table", "row", "column"),
    [
        ("2021", "applications", "total", "research"),
        ("2019", "applications", "other", "total"),
        ("2021", "proactive_disclosure", "normative_documents", "in_force"),
        ("2019", "proactive_disclosure", "administrative_licensing", "change"),
        ("2019", "review_litigation", "review", "pending"),
    ],
)
def test_rc103_one_missing_cell(version: str, table: str, row: str, column: str) -> None:
    findings = Submission.zeros(version).remove(table, row, column).findings()
    assert keys(findings) == [("RC103", table, row, column)]


def test_rc103_a_table_two_column_missing_in_every_block_row() -> None:
    sub = Submission.zeros("2021")
    for row in ("regulations", "normative_documents"):
        del sub.doc["proactive_disclosure"][row]["repealed"]
    assert keys(sub.findings()) == [("RC103", "proactive_disclosure", None, "repealed")]


def test_rc103_single_column_rows_of_table_two_are_missing_rows_instead() -> None:
    """A 表二 row with its only column missing is an empty row: RC102, not RC103."""
    sub = Submission.zeros("2021")
    for row in ("administrative_licensing", "administrative_penalty", "administrative_coercion"):
        sub.put({}, "proactive_disclosure", row)
    assert sorted(keys(sub.findings())) == [
        ("RC102", "proactive_disclosure", row, None)
        for row in ("administrative_coercion", "administrative_licensing", "administrative_penalty")
    ]


# ---------------------------------------------------------------------- RC104 outdated format


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_rc104_2019_format_for_2021_or_later(year: int) -> None:
    findings = Submission.valid("2019", year=year).findings()
    assert keys(findings) == [("RC104", None, None, None)]
    assert (findings[0].actual, findings[0].expected) == ("2019", "2021")


@pytest.mark.parametrize(("version", "year"), [("2019", 2019), ("2019", 2020), ("2021", 2021)])
def test_rc104_passes_for_the_format_of_the_year(version: str, year: int) -> None:
    assert by_code(Submission.valid(version, year=year).findings(), "RC104") == []


def test_rc104_needs_a_year() -> None:
    sub = Submission.valid("2019")
    del sub.doc["report"]["year"]
    assert by_code(sub.findings(), "RC104") == []


def test_rc104_names_the_2019_labels_when_detected_from_the_keys() -> None:
    sub = Submission.valid("2019", year=2024, declare_version=False)
    [f] = by_code(sub.findings(), "RC104")
    assert "government_procurement" in f.message_en or "other" in f.message_en


# ---------------------------------------------------------------------- RC105 mixed format


def _mixed() -> Submission:
    """2021 表二 with a 2019 表三 pasted in."""
    sub = Submission.zeros("2021")
    sub.doc["applications"] = Submission.zeros("2019").doc["applications"]
    return sub


def test_rc105_labels_of_both_versions() -> None:
    sub = _mixed()
    del sub.doc["format_version"]
    findings = sub.findings()
    assert ("RC105", None, None, None) in keys(findings)
    [f] = by_code(findings, "RC105")
    assert (f.expected, f.actual) == ("2021", "2019")  # checked as 2021, 2019 labels also seen
    assert "other" in f.message


def test_rc105_checked_as_2019_with_2021_labels() -> None:
    sub = Submission.zeros("2019")
    sub.doc["applications"] = Submission.zeros("2021").doc["applications"]
    [f] = by_code(sub.findings(), "RC105")
    assert (f.expected, f.actual) == ("2019", "2021")


@pytest.mark.parametrize("version", VERSIONS)
def test_rc105_passes_on_one_version(version: str) -> None:
    sub = Submission.valid(version, declare_version=False)
    assert by_code(sub.findings(), "RC105") == []


# ---------------------------------------------------------------------- RC106 unknown row


@pytest.mark.parametrize("version", VERSIONS)
def test_rc106_a_row_the_format_does_not_have(version: str) -> None:
    report = Submission.valid(version).report()
    where = Location("表二!A12")
    report.tables["proactive_disclosure"].extra_rows.append(("其他主动公开文件", where))
    findings = api.check(report)
    assert keys(findings) == [("RC106", "proactive_disclosure", None, None)]
    assert findings[0].location == where and findings[0].actual == "其他主动公开文件"


@pytest.mark.parametrize("version", VERSIONS)
def test_rc106_passes_without_extra_rows(version: str) -> None:
    report = Submission.valid(version).report()
    assert list(structure.unknown_row(report, Settings())) == []
