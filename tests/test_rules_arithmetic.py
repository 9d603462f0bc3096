"""Arithmetic rules RC300–RC304 (rules/arithmetic.py): relations R1, R2, R3, R5 and culprits."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import CORPUS, requires_shared
from factories import (
    OUTCOMES,
    PARTS,
    Submission,
    balanced_applications,
    by_code,
    keys,
    other_row,
    result_rows,
    sheet_addresses,
    sheet_layout,
)
from reportcheck import api
from reportcheck.findings import Check
from reportcheck.model.relations import Relation, relations_for
from reportcheck.rules import arithmetic

VERSIONS = ["2021", "2019"]
COLUMNS = [*PARTS, "total"]


def _without_info(sub: Submission, **options: object) -> list[api.Finding]:
    return [f for f in sub.findings(**options) if f.code != "RC207"]


# ---------------------------------------------------------------------- the relations as data


@pytest.mark.parametrize("version", VERSIONS)
def test_relations_of_each_version(version: str) -> None:
    rels = relations_for(version)
    by = {code: [r for r in rels if r.code == code] for code in ("RC301", "RC302", "RC303")}
    rows = 25 if version == "2021" else 23
    assert len(by["RC301"]) == rows  # R1: every 表三 row
    assert len(by["RC302"]) == 7 and len(by["RC303"]) == 7  # R2, R3: every column
    assert len([r for r in rels if r.code == "RC304"]) == 3  # R5: every 表四 row
    results = next(r for r in rels if r.id == "results_total:natural_person")
    assert [ref[1] for ref in results.rhs] == result_rows(version)
    assert ("applications", other_row(version), "natural_person") in results.rhs


@pytest.mark.parametrize("version", VERSIONS)
def test_2019_other_is_one_result_row(version: str) -> None:
    rows = result_rows(version)
    if version == "2019":
        assert rows[-1] == "other" and not any(r.startswith("other_") for r in rows)
    else:
        assert rows[-3:] == ["other_1", "other_2", "other_3"] and "other" not in rows


@pytest.mark.parametrize("version", VERSIONS)
def test_a_balanced_submission_has_no_arithmetic_finding(version: str) -> None:
    assert Submission.valid(version).findings() == []
    assert Submission.zeros(version).findings() == []


def test_evaluate_skips_relations_with_a_text_cell() -> None:
    report = Submission.valid("2021").set("applications", "granted", "commercial", "三").report()
    failing, passing = arithmetic.evaluate(report, relations_for("2021"))
    evaluated = {rel.id for rel, _ in failing} | {rel.id for rel in passing}
    assert "row_total:granted" not in evaluated
    assert "results_total:commercial" not in evaluated
    assert "row_total:partial" in evaluated


# ---------------------------------------------------------------------- culprit: one wrong addend


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("row", "column", "delta"),
    [
        ("granted", "natural_person", 1),
        ("partial", "commercial", -1),
        ("unable_1", "research", 2),
        ("<other>", "other", 5),
        ("denied_8", "legal_services", 1),
    ],
)
def test_one_wrong_addend_is_one_rc300_naming_it(
    version: str, row: str, column: str, delta: int
) -> None:
    row = other_row(version) if row == "<other>" else row
    sub = Submission.valid(version)
    right = sub.get("applications", row, column)
    sub.add("applications", row, column, delta)
    findings = sub.findings()
    assert keys(findings) == [("RC300", "applications", row, column)]
    f = findings[0]
    assert (f.actual, f.expected) == (str(right + delta), str(right))
    assert f.difference == str(delta)
    assert sorted(c.relation for c in f.checks) == [f"results_total:{column}", f"row_total:{row}"]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("row", ["new_received", "carried_over", "carried_forward"])
def test_one_wrong_cell_of_the_balance_rows_is_its_culprit(version: str, row: str) -> None:
    sub = Submission.valid(version).add("applications", row, "natural_person", 3)
    findings = sub.findings()
    assert keys(findings) == [("RC300", "applications", row, "natural_person")]
    assert sorted(c.relation for c in findings[0].checks) == [
        "balance:natural_person",
        f"row_total:{row}",
    ]


# ---------------------------------------------------------------------- culprit: a wrong total


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("column", ["natural_person", "legal_services", "total"])
def test_one_wrong_grand_total_cell_explains_three_relations(version: str, column: str) -> None:
    sub = Submission.valid(version)
    right = sub.get("applications", "total", column)
    sub.add("applications", "total", column, -1)
    findings = sub.findings()
    assert keys(findings) == [("RC300", "applications", "total", column)]
    f = findings[0]
    assert (f.expected, f.difference) == (str(right), "-1")
    assert sorted(c.relation for c in f.checks) == sorted(
        ["row_total:total", f"results_total:{column}", f"balance:{column}"]
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_one_wrong_row_total_is_its_culprit(version: str) -> None:
    sub = Submission.valid(version).add("applications", "unable_1", "total", 10)
    findings = sub.findings()
    assert keys(findings) == [("RC300", "applications", "unable_1", "total")]
    assert findings[0].difference == "10"


# ---------------------------------------------------------------------- several errors


@pytest.mark.parametrize("version", VERSIONS)
def test_two_independent_errors_give_two_findings(version: str) -> None:
    sub = Submission.valid(version)
    sub.add("applications", "granted", "natural_person", 1)
    sub.add("applications", "unable_1", "commercial", -1)
    sub.add("review_litigation", "review", "upheld", 1)
    assert sorted(keys(sub.findings())) == [
        ("RC300", "applications", "granted", "natural_person"),
        ("RC300", "applications", "unable_1", "commercial"),
        ("RC304", "review_litigation", "review", "total"),
    ]


@pytest.mark.parametrize("version", VERSIONS)
def test_compensating_errors_are_reported_per_relation_not_blamed(version: str) -> None:
    """+1 and −1 in one column: the column adds up, two rows do not. No cell is blamed."""
    sub = Submission.valid(version)
    sub.add("applications", "granted", "natural_person", 1)
    sub.add("applications", "partial", "natural_person", -1)
    assert sorted(keys(sub.findings())) == [
        ("RC301", "applications", "granted", "total"),
        ("RC301", "applications", "partial", "total"),
    ]


@pytest.mark.parametrize("version", VERSIONS)
def test_two_wrong_cells_in_one_row_are_reported_per_relation(version: str) -> None:
    """Row off by 2, two columns off by 1 each: no single cell explains it, so no RC300."""
    sub = Submission.valid(version)
    sub.add("applications", "granted", "natural_person", 1)
    sub.add("applications", "granted", "commercial", 1)
    findings = sub.findings()
    assert sorted(keys(findings)) == [
        ("RC301", "applications", "granted", "total"),
        ("RC302", "applications", "total", "commercial"),
        ("RC302", "applications", "total", "natural_person"),
    ]
    row = by_code(findings, "RC301")[0]
    assert (row.actual, row.expected, row.difference) == ("24", "26", "-2")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_consistent_update_that_forgot_the_totals_is_not_blamed_on_one_cell(
    version: str,
) -> None:
    """The clerk raised 予以公开·自然人 and （七）总计·自然人 but no 总计 column or 结转."""
    sub = Submission.valid(version)
    sub.add("applications", "granted", "natural_person", 1)
    sub.add("applications", "total", "natural_person", 1)
    assert sorted(keys(sub.findings())) == [
        ("RC301", "applications", "granted", "total"),
        ("RC301", "applications", "total", "total"),
        ("RC303", "applications", None, "natural_person"),
    ]


# ---------------------------------------------------------------------- each relation alone


@pytest.mark.parametrize("version", VERSIONS)
def test_rc301_row_total_alone(version: str) -> None:
    sub = Submission.valid(version).add("applications", "granted", "commercial", 2)
    findings = sub.findings(select=("RC301",))
    assert keys(findings) == [("RC301", "applications", "granted", "total")]
    f = findings[0]
    assert (f.actual, f.expected, f.difference) == ("24", "26", "-2")
    [check] = f.checks
    assert check.relation == "row_total:granted"
    assert [t.column for t in check.rhs] == list(PARTS)


@pytest.mark.parametrize("version", VERSIONS)
def test_rc302_results_total_alone(version: str) -> None:
    """（七）总计 and 结转 moved together: only the sum of the result rows disagrees."""
    sub = Submission.valid(version)
    for column in ("natural_person", "total"):
        sub.add("applications", "total", column, 1).add(
            "applications", "carried_forward", column, -1
        )
    findings = sub.findings()
    assert sorted(keys(findings)) == [
        ("RC302", "applications", "total", "natural_person"),
        ("RC302", "applications", "total", "total"),
    ]
    f = by_code(findings, "RC302")[0]
    assert len(f.checks[0].rhs) == len(result_rows(version))


@pytest.mark.parametrize("version", VERSIONS)
def test_rc303_balance_alone(version: str) -> None:
    """一 raised in a row that still adds up: 一 + 二 no longer equals 三 + 四."""
    sub = Submission.valid(version)
    sub.add("applications", "new_received", "commercial", 2)
    sub.add("applications", "new_received", "total", 2)
    findings = sub.findings()
    assert sorted(keys(findings)) == [
        ("RC303", "applications", None, "commercial"),
        ("RC303", "applications", None, "total"),
    ]
    f = findings[0]
    assert f.row is None and f.difference == "2"
    assert [t.row for t in f.checks[0].lhs] == ["new_received", "carried_over"]
    assert [t.row for t in f.checks[0].rhs] == ["total", "carried_forward"]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("row", ["review", "litigation_direct", "litigation_after_review"])
def test_rc304_table_four_group_total(version: str, row: str) -> None:
    sub = Submission.valid(version).add("review_litigation", row, "pending", 1)
    findings = sub.findings()
    assert keys(findings) == [("RC304", "review_litigation", row, "total")]
    assert findings[0].difference == "-1"


def test_rc304_the_real_2023_case_total_zero_beside_parts() -> None:
    sub = Submission.zeros("2021")
    sub.set("review_litigation", "review", "upheld", 10).set("review_litigation", "review",
                                                            "corrected", 1)  # fmt: skip
    [f] = sub.findings()
    assert (f.code, f.actual, f.expected, f.difference) == ("RC304", "0", "11", "-11")


@pytest.mark.parametrize("version", VERSIONS)
def test_rc304_passes_when_every_group_adds_up(version: str) -> None:
    sub = Submission.valid(version)
    sub.add("review_litigation", "review", "other", 4).add(
        "review_litigation", "review", "total", 4
    )
    assert sub.findings() == []


# ---------------------------------------------------------------------- blanks, placeholders, text


@pytest.mark.parametrize("version", VERSIONS)
def test_blanks_and_placeholders_count_as_zero(version: str) -> None:
    sub = Submission.valid(version)
    for row in ("denied_1", "denied_2", "unable_3"):
        for column in COLUMNS:
            sub.set("applications", row, column, None if row != "unable_3" else "/")
    sub.blank("applications", "granted", "research")
    assert [f.code for f in sub.findings()] == ["RC207"]


@pytest.mark.parametrize("version", VERSIONS)
def test_blank_total_gives_rc204_with_the_expected_value(version: str) -> None:
    sub = Submission.valid(version).blank("applications", "carried_over", "total")
    findings = _without_info(sub)
    assert keys(findings) == [("RC204", "applications", "carried_over", "total")]
    assert findings[0].expected == "4"
    assert len(findings[0].checks) == 2  # its row and the balance of the 总计 column


@pytest.mark.parametrize("version", VERSIONS)
def test_a_relation_with_a_text_cell_is_skipped(version: str) -> None:
    sub = Submission.valid(version).set("applications", "total", "natural_person", "见附表")
    sub.add("applications", "granted", "commercial", 1)  # an unrelated real error
    assert sorted(keys(sub.findings())) == [
        ("RC201", "applications", "total", "natural_person"),
        # results_total:commercial and row_total:granted both fail: one culprit
        ("RC300", "applications", "granted", "commercial"),
    ]


def _shanghai_like(version: str) -> Submission:
    """Every result row's 总计 cell left blank, as in the 2019 Shanghai report."""
    sub = Submission.valid(version)
    for row in result_rows(version):
        sub.blank("applications", row, "total")
    return sub


@pytest.mark.parametrize("version", VERSIONS)
def test_all_result_row_totals_blank(version: str) -> None:
    sub = _shanghai_like(version)
    nonzero = [r for r in result_rows(version) if balanced_applications(version)[r]["total"] != 0]
    findings = _without_info(sub)
    assert sorted(keys(findings)) == sorted(
        [("RC204", "applications", r, "total") for r in nonzero]
        + [("RC302", "applications", "total", "total")]
    )
    rc302 = by_code(findings, "RC302")[0]
    # 43 is right: counted as 0 the blank row totals give 0, filled in they give 43
    assert (rc302.actual, rc302.expected, rc302.difference) == ("43", None, None)
    assert rc302.extra == {"sum_as_blank": "0", "sum_filled": "43"}
    assert "blank" in rc302.message_en
    expected = {f.row: f.expected for f in by_code(findings, "RC204")}
    assert expected == {r: str(balanced_applications(version)[r]["total"]) for r in nonzero}


def _corpus_submission(name: str) -> tuple[Submission, dict[str, object]]:
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    sub = Submission.valid(str(data["format"]), year=int(data["report_year"]))
    table3 = data["table3"]
    table4 = data["table4"]
    assert isinstance(table3, dict) and isinstance(table4, dict)
    sub.doc["applications"] = {r: dict(zip(COLUMNS, v, strict=True)) for r, v in table3.items()}
    sub.doc["review_litigation"] = {
        r: dict(zip([*OUTCOMES, "total"], v, strict=True)) for r, v in table4.items()
    }
    return sub, data


@requires_shared
def test_the_shanghai_2019_report_matches_the_corpus_expectations() -> None:
    """../shared/corpus/001: 11 blank row totals and the 总计 column of （七）总计."""
    sub, data = _corpus_submission("001-shanghai-bgt-2019.json")
    findings = _without_info(sub)
    expected = data["expected_findings"]
    assert isinstance(expected, list)
    want = sorted(
        ("RC204", "applications", e["row"], "total")
        if e["check"] == "t3_row_total"
        else ("RC302", "applications", "total", e["column"])
        for e in expected
    )
    assert sorted(keys(findings)) == want
    for e in expected:
        if e["check"] == "t3_row_total":
            [f] = [f for f in findings if f.row == e["row"]]
            assert f.expected == str(e["sum_of_columns"])
        else:
            [f] = by_code(findings, "RC302")
            assert (f.actual, f.extra["sum_as_blank"]) == (
                str(e["reported_total"]),
                str(e["sum_of_result_rows"]),
            )
            assert f.extra["sum_filled"] == str(e["reported_total"])  # the blanks explain it


@requires_shared
@pytest.mark.parametrize(
    "name", ["004-pingtan-2021.json", "006-shuyang-fgj-2023.json", "008-shanghai-kewei-2024.json"]
)
def test_corpus_reports_without_arithmetic_defects_give_none(name: str) -> None:
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} is not in the corpus")
    sub, data = _corpus_submission(name)
    expected = data.get("expected_findings") or []
    arithmetic_findings = [f for f in sub.findings() if f.code.startswith("RC3")]
    assert isinstance(expected, list)
    assert len(arithmetic_findings) == len(expected)


# ---------------------------------------------------------------------- what a finding carries


def test_rc300_finding_carries_everything_the_renderers_show() -> None:
    report = sheet_addresses(
        Submission.valid("2021").add("applications", "granted", "natural_person", 1).report()
    )
    at = {(r, c): a for (t, r, c), a in sheet_layout("2021").items() if t == "applications"}
    [f] = api.check(report)
    culprit = at[("granted", "natural_person")]
    assert f.location is not None and f.location.address == culprit
    assert (f.row_label, f.column_label) == ("（一）予以公开", "自然人")
    assert f.table_label == "表三 收到和处理政府信息公开申请情况"
    assert (f.actual, f.expected, f.difference) == ("21", "20", "1")
    assert f.cells[0] == culprit  # the culprit first, then the other cells added up
    assert at[("granted", "total")] in f.cells and at[("total", "natural_person")] in f.cells
    row_check = next(c for c in f.checks if c.relation == "row_total:granted")
    assert row_check.lhs[0].location == at[("granted", "total")]
    assert [t.location for t in row_check.rhs] == [at[("granted", c)] for c in PARTS]
    assert (row_check.lhs_sum, row_check.rhs_sum) == (24, 25)
    bare = culprit.split("!")[1]
    assert bare in f.message and "21" in f.message and "20" in f.message


@pytest.mark.parametrize("version", VERSIONS)
def test_only_selected_relations_run(version: str) -> None:
    sub = Submission.valid(version).add("applications", "granted", "natural_person", 1)
    assert keys(sub.findings(select=("RC302",))) == [
        ("RC302", "applications", "total", "natural_person")
    ]
    assert sub.findings(ignore=("RC3",)) == []


def test_amount_cells_never_enter_the_arithmetic() -> None:
    sub = Submission.valid("2021")
    sub.set("proactive_disclosure", "administrative_fees", "amount", Decimal("123.456"))
    assert sub.findings() == []


# ---------------------------------------------------------------------- culprit search itself


@pytest.mark.parametrize("version", VERSIONS)
def test_a_wrong_addend_and_a_wrong_grand_total_are_both_named(version: str) -> None:
    sub = Submission.valid(version)
    sub.add("applications", "granted", "natural_person", 1)
    sub.add("applications", "total", "commercial", -1)
    assert sorted(keys(sub.findings())) == [
        ("RC300", "applications", "granted", "natural_person"),
        ("RC300", "applications", "total", "commercial"),
    ]


def _relation(name: str, lhs: str, rhs: tuple[str, ...]) -> Relation:
    def ref(cell: str) -> tuple[str, str, str]:
        return ("t", cell, "c")

    return Relation(name, "RC301", (ref(lhs),), tuple(ref(c) for c in rhs), ref(lhs), "", "")


def _failing(rel: Relation, residual: int) -> tuple[Relation, Check]:
    return rel, Check(rel.id, rel.code, (), (), residual, 0)


def test_culprit_search_does_not_guess_between_equally_good_cells() -> None:
    """a, b and c each explain two of the three failures: none is named."""
    failing = [
        _failing(_relation("P", "p", ("a", "b")), -1),
        _failing(_relation("Q", "q", ("a", "c")), -1),
        _failing(_relation("S", "s", ("b", "c")), -1),
    ]
    assert arithmetic._culprits(failing, []) == []


def test_culprit_search_takes_independent_equally_good_cells() -> None:
    failing = [
        _failing(_relation("P", "p", ("a", "x")), -1),
        _failing(_relation("Q", "q", ("a", "y")), -1),
        _failing(_relation("S", "s", ("b", "x2")), 2),
        _failing(_relation("T", "t", ("b", "y2")), 2),
    ]
    found = arithmetic._culprits(failing, [])
    assert [(ref[1], delta, [r.id for r, _ in rels]) for ref, delta, rels in found] == [
        ("a", -1, ["P", "Q"]),
        ("b", 2, ["S", "T"]),
    ]


def test_culprit_search_never_blames_a_cell_of_a_relation_that_holds() -> None:
    rel_p, rel_q = _relation("P", "p", ("a", "x")), _relation("Q", "q", ("a", "y"))
    holds = _relation("H", "h", ("a", "z"))
    found = arithmetic._culprits([_failing(rel_p, -1), _failing(rel_q, -1)], [holds])
    assert found == []


def test_culprit_search_needs_the_same_change_in_every_relation() -> None:
    failing = [
        _failing(_relation("P", "p", ("a", "x")), -1),
        _failing(_relation("Q", "q", ("a", "y")), -2),
    ]
    assert arithmetic._culprits(failing, []) == []
