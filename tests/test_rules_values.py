"""Value rules RC201–RC207 (rules/values.py), on both format versions."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from factories import Submission, by_code, keys
from reportcheck import api
from reportcheck.model.report import CellState

VERSIONS = ["2021", "2019"]

# A cell whose value does not matter to any relation when it changes alone: its row and
# column relations are then broken, so value tests use zero-sum cells in 表三 and set the
# row total along, or cells of 表二 (no relations).
_T2_COUNT = {"2021": ("regulations", "made"), "2019": ("regulations", "new_made")}


def _t2(version: str, value: object) -> Submission:
    row, col = _T2_COUNT[version]
    return Submission.valid(version).set("proactive_disclosure", row, col, value)


def _t2_key(code: str, version: str) -> tuple[str, str, str, str]:
    row, col = _T2_COUNT[version]
    return (code, "proactive_disclosure", row, col)


# ---------------------------------------------------------------------- RC201 not a number


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("text", ["三十一", "约30", "31（其中2件合并）", "N.A.", "1.2.3"])
def test_rc201_text_in_a_count(version: str, text: str) -> None:
    findings = _t2(version, text).findings()
    assert keys(findings) == [_t2_key("RC201", version)]
    assert findings[0].actual == text
    assert findings[0].expected == "不小于 0 的整数"


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("text", ["1", "１", " 1 ", "1件", "1项", "+1"])
def test_rc201_passes_numbers_written_as_text(version: str, text: str) -> None:
    findings = _t2(version, text).findings()
    if text == "１":  # read as 1, but Excel takes full-width digits as text (RC208)
        assert keys(findings) == [_t2_key("RC208", version)]
        assert findings[0].suggestion == "1"
    else:
        assert findings == []


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("text", "value"),
    [("三十一", "31"), ("一百零五件", "105"), ("两千三百", "2300"), ("十二", "12")],
)
def test_rc201_number_in_words_carries_its_suggestion(version: str, text: str, value: str) -> None:
    [f] = _t2(version, text).findings()
    assert f.code == "RC201" and f.suggestion == value


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("text", ["约30", "三一", "31（其中2件合并）"])
def test_rc201_no_suggestion_when_not_certain(version: str, text: str) -> None:
    [f] = _t2(version, text).findings()
    assert f.code == "RC201" and f.suggestion is None


def test_rc208_only_for_submissions_not_published_text() -> None:
    from reportcheck import api

    text = Path("examples/2021-valid.txt").read_text(encoding="utf-8")
    assert "| 21 |" in text
    report = api.read_bytes("x.txt", text.replace("| 21 |", "| ２１ |", 1).encode())
    assert report.kind == "text"
    assert "RC208" not in [f.code for f in api.check(report)]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc201_text_in_table_three_skips_its_relations(version: str) -> None:
    """The relations of a text cell are not evaluated; the text cell gets RC201 only."""
    sub = Submission.valid(version).set("applications", "granted", "natural_person", "二十")
    assert keys(sub.findings()) == [("RC201", "applications", "granted", "natural_person")]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc201_text_in_table_four(version: str) -> None:
    sub = Submission.valid(version).set("review_litigation", "review", "total", "共8件")
    assert keys(sub.findings()) == [("RC201", "review_litigation", "review", "total")]


def test_rc201_text_in_the_fee_amount() -> None:
    sub = Submission.valid("2021")
    sub.set("proactive_disclosure", "administrative_fees", "amount", "约一万元")
    findings = sub.findings()
    assert keys(findings) == [("RC201", "proactive_disclosure", "administrative_fees", "amount")]
    assert "万元" in (findings[0].expected or "")


@pytest.mark.parametrize("text", ["251000元", "25.6万元", "251,000", "0"])
def test_rc201_passes_2019_procurement_money_with_its_unit(text: str) -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "government_procurement", "total_amount", text)
    assert sub.findings() == []


def test_rc201_text_in_the_2019_procurement_money() -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "government_procurement", "total_amount", "约25万")
    assert keys(sub.findings()) == [
        ("RC201", "proactive_disclosure", "government_procurement", "total_amount")
    ]


# ---------------------------------------------------------------------- RC202 negative


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("value", [-1, "-3", Decimal("-2")])
def test_rc202_negative_count(version: str, value: object) -> None:
    findings = _t2(version, value).findings()
    assert keys(findings) == [_t2_key("RC202", version)]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc202_negative_in_table_three_is_reported_with_its_arithmetic(version: str) -> None:
    sub = Submission.valid(version)
    sub.set("applications", "denied_7", "research", -1).set("applications", "denied_7", "total", -1)
    sub.add("applications", "total", "research", -1).add("applications", "total", "total", -1)
    sub.add("applications", "carried_forward", "research", 1)
    sub.add("applications", "carried_forward", "total", 1)
    assert keys(sub.findings()) == [
        ("RC202", "applications", "denied_7", "research"),
        ("RC202", "applications", "denied_7", "total"),
    ]


@pytest.mark.parametrize("value", [-3, "-3", 0, 5])
def test_rc202_passes_the_2019_change_which_may_be_negative(value: object) -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "administrative_penalty", "change", value)
    assert sub.findings() == []


def test_rc202_negative_fee_amount() -> None:
    sub = Submission.valid("2021")
    sub.set("proactive_disclosure", "administrative_fees", "amount", Decimal("-0.5"))
    assert keys(sub.findings()) == [
        ("RC202", "proactive_disclosure", "administrative_fees", "amount")
    ]


def test_rc202_negative_2019_procurement_money() -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "government_procurement", "total_amount", "-100元")
    assert keys(sub.findings()) == [
        ("RC202", "proactive_disclosure", "government_procurement", "total_amount")
    ]


# ---------------------------------------------------------------------- RC203 not whole


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("value", [Decimal("0.5"), "1.5", "2.25件"])
def test_rc203_fraction_in_a_count(version: str, value: object) -> None:
    findings = _t2(version, value).findings()
    assert keys(findings) == [_t2_key("RC203", version)]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("value", [Decimal("1.0"), "1.00", 1])
def test_rc203_passes_whole_numbers_with_a_zero_fraction(version: str, value: object) -> None:
    assert _t2(version, value).findings() == []


def test_rc203_2019_change_must_be_whole_too() -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "other_services", "change", Decimal("1.5"))
    assert keys(sub.findings()) == [("RC203", "proactive_disclosure", "other_services", "change")]


@pytest.mark.parametrize(
    ("version", "row", "column", "value"),
    [
        ("2021", "administrative_fees", "amount", Decimal("0.35")),
        ("2019", "government_procurement", "total_amount", Decimal("25.6")),
    ],
)
def test_rc203_passes_decimal_amounts(version: str, row: str, column: str, value: Decimal) -> None:
    assert (
        Submission.valid(version).set("proactive_disclosure", row, column, value).findings() == []
    )


# ---------------------------------------------------------------------- RC204 blank total


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("blank", [None, "/", "—", "无", ""])
def test_rc204_blank_row_total_says_what_it_should_be(version: str, blank: object) -> None:
    sub = Submission.valid(version).set("applications", "granted", "total", blank)
    findings = [f for f in sub.findings() if f.code != "RC207"]
    assert keys(findings) == [("RC204", "applications", "granted", "total")]
    assert findings[0].expected == "24"  # 20 + 3 + 1
    assert findings[0].actual == (blank or "")


@pytest.mark.parametrize("version", VERSIONS)
def test_rc204_blank_table_four_total(version: str) -> None:
    sub = Submission.valid(version).blank("review_litigation", "review", "total")
    findings = [f for f in sub.findings() if f.code != "RC207"]
    assert keys(findings) == [("RC204", "review_litigation", "review", "total")]
    assert findings[0].expected == "8"
    assert [c.relation for c in findings[0].checks] == ["group_total:review"]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc204_passes_a_blank_total_beside_blank_parts(version: str) -> None:
    sub = Submission.valid(version)
    for col in ("upheld", "corrected", "other", "pending", "total"):
        sub.blank("review_litigation", "litigation_after_review", col)
    assert [f.code for f in sub.findings()] == ["RC207"]


@pytest.mark.parametrize("version", VERSIONS)
def test_rc204_a_blank_part_that_must_hold_a_number(version: str) -> None:
    """A blank cell that every relation says should hold 20 is named, with 20."""
    sub = Submission.valid(version).blank("applications", "granted", "natural_person")
    findings = [f for f in sub.findings() if f.code != "RC207"]
    assert keys(findings) == [("RC204", "applications", "granted", "natural_person")]
    assert findings[0].expected == "20"


# ---------------------------------------------------------------------- RC205 formula without value


@pytest.mark.parametrize("version", VERSIONS)
def test_rc205_formula_without_a_calculated_value(version: str) -> None:
    report = Submission.valid(version).report()
    data = report.tables["applications"]
    cell = data.cells[("total", "total")]
    data.cells[("total", "total")] = replace(
        cell, value=None, raw="", state=CellState.FORMULA_NO_VALUE, formula="SUM(J6:J28)"
    )
    findings = api.check(report)
    # the cell is reported once; its relations are not evaluated (no invented RC30x)
    assert keys(findings) == [("RC205", "applications", "total", "total")]
    assert findings[0].actual == "=SUM(J6:J28)"


@pytest.mark.parametrize("version", VERSIONS)
def test_rc205_passes_a_formula_with_its_cached_value(version: str) -> None:
    report = Submission.valid(version).report()
    data = report.tables["applications"]
    data.cells[("total", "total")] = replace(data.cells[("total", "total")], formula="SUM(J6:J28)")
    assert api.check(report) == []


# ---------------------------------------------------------------------- RC206 fee amount


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2500元", "0.25"), ("12,500元", "1.25"), (Decimal("25600000"), None), (1000000, None)],
)
def test_rc206_fee_amount_in_the_wrong_unit(value: object, expected: str | None) -> None:
    sub = Submission.valid("2021")
    sub.set("proactive_disclosure", "administrative_fees", "amount", value)
    findings = sub.findings()
    assert keys(findings) == [("RC206", "proactive_disclosure", "administrative_fees", "amount")]
    assert findings[0].severity.value == "warning"
    assert findings[0].expected == expected


@pytest.mark.parametrize("value", [0, Decimal("25.6"), "25.6万元", Decimal("999999.99")])
def test_rc206_passes_plausible_amounts(value: object) -> None:
    sub = Submission.valid("2021")
    sub.set("proactive_disclosure", "administrative_fees", "amount", value)
    assert sub.findings() == []


def test_rc206_does_not_apply_to_2019_procurement_money() -> None:
    sub = Submission.valid("2019")
    sub.set("proactive_disclosure", "government_procurement", "total_amount", "251000元")
    assert by_code(sub.findings(), "RC206") == []


# ---------------------------------------------------------------------- RC207 placeholders


@pytest.mark.parametrize("version", VERSIONS)
def test_rc207_one_note_per_table_listing_the_cells(version: str) -> None:
    sub = Submission.valid(version)
    sub.set("applications", "denied_1", "research", "/").blank("applications", "denied_2", "other")
    sub.set("review_litigation", "litigation_after_review", "corrected", "—")
    findings = sub.findings()
    assert keys(findings) == [
        ("RC207", "applications", None, None),
        ("RC207", "review_litigation", None, None),
    ]
    apps = findings[0]
    assert apps.severity.value == "info"
    assert apps.cells == ("/applications/denied_1/research", "/applications/denied_2/other")
    assert apps.actual == "2"


@pytest.mark.parametrize("version", VERSIONS)
def test_rc207_passes_when_every_cell_holds_a_number(version: str) -> None:
    assert by_code(Submission.valid(version).findings(), "RC207") == []


def test_rc207_lists_at_most_eight_addresses_in_the_message() -> None:
    sub = Submission.valid("2021")
    for i in range(1, 9):
        sub.blank("applications", f"denied_{i}", "social_welfare")
    sub.blank("applications", "unable_3", "social_welfare")
    [f] = sub.findings()
    assert f.code == "RC207" and len(f.cells) == 9
    assert f.message.endswith("等") and f.message_en.endswith("…")
