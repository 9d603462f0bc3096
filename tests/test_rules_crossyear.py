"""Cross-year continuity (RC5xx): rules RC501/RC502, the pairing of reports, --previous."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factories import PARTS, Submission, balanced_applications, keys
from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model.report import Report
from reportcheck.pairing import pair
from reportcheck.writers.xlsx import write_workbook

runner = CliRunner()
APPS = "applications"
PROACTIVE = "proactive_disclosure"


# ---------------------------------------------------------------------- builders


def next_year(last: Submission, agency: str | None = None) -> Submission:
    """The report of the year after ``last`` that continues it exactly: 上年结转 = last
    year's 结转下年度, 现行有效 = last year's + 制发 − 废止 (both 2021 format)."""
    doc = Submission.valid("2021", year=last.doc["report"]["year"] + 1)
    if agency is not None:
        doc.doc["report"]["agency"] = agency
    else:
        doc.doc["report"]["agency"] = last.doc["report"]["agency"]
    forward = last.doc[APPS]["carried_forward"]
    parts = _parts(doc)
    parts["carried_over"] = {c: forward[c] for c in PARTS}
    doc.doc[APPS] = balanced_applications("2021", parts)
    if last.version == "2021":
        for row in ("regulations", "normative_documents"):
            cells = doc.doc[PROACTIVE][row]
            before = last.doc[PROACTIVE][row]["in_force"]
            cells["in_force"] = before + cells["made"] - cells["repealed"]
    return doc


def _parts(sub: Submission) -> dict[str, dict[str, int]]:
    """The applicant-column figures of every 表三 row (what balanced_applications takes)."""
    return {row: {c: cells[c] for c in PARTS} for row, cells in sub.doc[APPS].items()}


def with_carried_over(sub: Submission, **cells: int) -> Submission:
    """``sub`` with some 上年结转 part cells changed and 表三 balanced again."""
    parts = _parts(sub)
    parts["carried_over"].update(cells)
    sub.doc[APPS] = balanced_applications("2021", parts)
    return sub


def paired(this: Submission, last: Submission | None) -> Report:
    report = this.report(path="2024.json")
    if last is not None:
        report.previous = last.report(path="2023.json")
    return report


def findings(this: Submission, last: Submission | None) -> list[Finding]:
    return api.check(paired(this, last), Settings())


def rc5(this: Submission, last: Submission | None) -> list[tuple[Any, ...]]:
    return keys(findings(this, last), "RC5")


LAST = Submission.valid("2021", year=2023)


# ---------------------------------------------------------------------- RC501


def test_continuing_report_passes_every_rule() -> None:
    this = next_year(LAST)
    assert findings(this, LAST) == []


def test_no_previous_report_nothing_compared() -> None:
    this = with_carried_over(next_year(LAST), natural_person=0)
    assert rc5(this, None) == []


def test_one_wrong_cell_is_one_finding_with_both_cells() -> None:
    # 自然人 carried over 7 instead of 8; the row total follows (10 instead of 11).
    this = with_carried_over(next_year(LAST), natural_person=7)
    found = findings(this, LAST)
    assert keys(found, "RC5") == [("RC501", APPS, "carried_over", "natural_person")]
    assert [k for k in keys(found) if k[0] != "RC501"] == []  # 表三 itself still adds up
    f = found[0]
    assert (f.actual, f.expected, f.difference) == ("7", "8", "-1")
    assert f.location is not None
    assert f.location.address == "/applications/carried_over/natural_person"
    assert f.extra["previous_file"] == "2023.json"
    assert f.extra["previous_location"] == "/applications/carried_forward/natural_person"
    assert f.cells == (
        "/applications/carried_over/natural_person",
        "/applications/carried_over/total",
    )
    assert "2023.json" in f.message and "2023.json" in f.message_en


def test_total_alone_differs() -> None:
    this = next_year(LAST).set(APPS, "carried_over", "total", 12)
    assert rc5(this, LAST) == [("RC501", APPS, "carried_over", "total")]


def test_two_wrong_cells_are_two_findings_and_the_total_is_not_a_third() -> None:
    this = with_carried_over(next_year(LAST), natural_person=7, commercial=3)
    assert rc5(this, LAST) == [
        ("RC501", APPS, "carried_over", "natural_person"),
        ("RC501", APPS, "carried_over", "commercial"),
    ]


def test_a_total_wrong_on_its_own_is_its_own_finding() -> None:
    # 自然人 is 1 short and the total is 5 too high: two defects, two findings.
    this = with_carried_over(next_year(LAST), natural_person=7)
    this.set(APPS, "carried_over", "total", 16)
    assert sorted(rc5(this, LAST)) == [
        ("RC501", APPS, "carried_over", "natural_person"),
        ("RC501", APPS, "carried_over", "total"),
    ]


@pytest.mark.parametrize(
    "cause",
    ["all_zero", "last_years_carried_over", "this_years_carried_forward", "shifted"],
)
def test_one_cause_for_the_whole_row_is_one_finding(cause: str) -> None:
    this = next_year(LAST)
    forward = LAST.doc[APPS]["carried_forward"]  # 8, 2, 0, 0, 1, 0 → 11
    if cause == "all_zero":
        row = dict.fromkeys(PARTS, 0)
    elif cause == "last_years_carried_over":
        row = {c: LAST.doc[APPS]["carried_over"][c] for c in PARTS}
    elif cause == "this_years_carried_forward":
        # carried over = this year's own carried forward: new + over X − answered = X
        # only when as many were answered as received; answer 7 more to make it so.
        parts = _parts(this)
        parts["granted"]["natural_person"] += 5
        parts["granted"]["commercial"] += 1
        parts["granted"]["legal_services"] += 1
        parts["carried_over"] = dict.fromkeys(PARTS, 0) | {"natural_person": 2, "commercial": 1}
        this.doc[APPS] = balanced_applications("2021", parts)
        assert this.doc[APPS]["carried_forward"] == this.doc[APPS]["carried_over"]
        row = {c: this.doc[APPS]["carried_over"][c] for c in PARTS}
    else:
        row = {"natural_person": 0} | {
            PARTS[i + 1]: forward[PARTS[i]] for i in range(len(PARTS) - 1)
        }
    if cause != "this_years_carried_forward":
        this = with_carried_over(this, **row)
    if cause == "shifted":
        assert this.doc[APPS]["carried_over"]["total"] == 11
    found = [f for f in findings(this, LAST) if f.code == "RC501"]
    assert keys(found) == [("RC501", APPS, "carried_over", None)]
    assert len(found[0].cells) >= 2
    assert found[0].extra["cause"]


def test_blanks_and_placeholders_count_as_zero_text_is_not_compared() -> None:
    this = next_year(LAST)
    assert this.get(APPS, "carried_over", "research") == 0
    this.set(APPS, "carried_over", "research", "/").blank(APPS, "carried_over", "other")
    assert rc5(this, LAST) == []
    this.set(APPS, "carried_over", "natural_person", "八")
    assert rc5(this, LAST) == []  # RC201 reports the text; nothing to compare
    this.set(APPS, "carried_over", "commercial", None)  # 2 carried forward, blank here
    assert rc5(this, LAST) == [("RC501", APPS, "carried_over", "commercial")]


def test_missing_table_or_row_nothing_compared() -> None:
    this = with_carried_over(next_year(LAST), natural_person=0)
    assert rc5(this.copy().remove(APPS, "carried_over"), LAST) == []
    assert rc5(this, LAST.copy().remove(APPS)) == []


def test_a_2020_report_on_the_2019_format_is_last_year_for_rc501() -> None:
    last = Submission.valid("2019", year=2020)
    this = Submission.valid("2021", year=2021)
    parts = _parts(this)
    parts["carried_over"] = {c: last.doc[APPS]["carried_forward"][c] for c in PARTS}
    this.doc[APPS] = balanced_applications("2021", parts)
    assert rc5(this, last) == []  # RC502 not compared across formats either
    this = with_carried_over(this, commercial=5)
    assert rc5(this, last) == [("RC501", APPS, "carried_over", "commercial")]


# ---------------------------------------------------------------------- RC502


def test_documents_in_force_add_up() -> None:
    this = next_year(LAST)
    assert this.get(PROACTIVE, "normative_documents", "in_force") == 33  # 30 + 5 − 2
    assert rc5(this, LAST) == []


def test_documents_in_force_do_not_add_up() -> None:
    this = next_year(LAST).set(PROACTIVE, "normative_documents", "in_force", 31)
    found = findings(this, LAST)
    assert keys(found) == [("RC502", PROACTIVE, "normative_documents", "in_force")]
    f = found[0]
    assert (f.actual, f.expected, f.difference) == ("31", "33", "-2")
    assert f.severity.value == "warning"
    assert f.extra["previous_location"] == "/proactive_disclosure/normative_documents/in_force"
    assert f.extra["previous_value"] == "30"


def test_documents_in_force_each_row_on_its_own() -> None:
    this = next_year(LAST).add(PROACTIVE, "regulations", "in_force", 1)
    this.add(PROACTIVE, "normative_documents", "in_force", -1)
    assert rc5(this, LAST) == [
        ("RC502", PROACTIVE, "regulations", "in_force"),
        ("RC502", PROACTIVE, "normative_documents", "in_force"),
    ]


def test_documents_in_force_placeholders_and_text() -> None:
    this = next_year(LAST)
    this.set(PROACTIVE, "regulations", "repealed", "/")  # 0 repealed
    assert rc5(this, LAST) == []
    this.set(PROACTIVE, "regulations", "made", "若干")
    assert rc5(this, LAST) == []


def test_documents_in_force_not_compared_with_a_2019_format_report() -> None:
    last = Submission.valid("2019", year=2020)
    this = Submission.valid("2021", year=2021).set(PROACTIVE, "regulations", "in_force", 99)
    assert [k for k in rc5(this, last) if k[0] == "RC502"] == []
    assert rc5(this, None) == []


# ---------------------------------------------------------------------- pairing


def _read(sub: Submission, name: str) -> Report:
    return api.read_bytes(name, sub.data())


def test_pair_same_agency_consecutive_years_names_normalised() -> None:
    a = _read(LAST, "a.json")
    b = _read(next_year(LAST, agency=" 示例县测试局 "), "b.json")
    c = _read(next_year(next_year(LAST)), "c.json")
    pair([c, b, a])
    assert (a.previous, b.previous, c.previous) == (None, a, b)


def test_pair_needs_agency_year_and_one_candidate() -> None:
    last = _read(LAST, "a.json")
    other = _read(next_year(LAST, agency="另一个局"), "b.json")
    gap = _read(next_year(next_year(LAST)), "c.json")
    pair([last, other, gap])
    assert (other.previous, gap.previous) == (None, None)
    no_agency = next_year(LAST)
    del no_agency.doc["report"]["agency"]
    twice = [_read(LAST, "a1.json"), _read(LAST, "a2.json")]
    lone, this = _read(no_agency, "d.json"), _read(next_year(LAST), "e.json")
    pair([*twice, lone, this])
    assert (lone.previous, this.previous) == (None, None)  # which 2023 report is meant?


def test_explicit_previous() -> None:
    last = _read(LAST, "last.json")
    this = _read(next_year(LAST), "this.json")
    later = _read(Submission.valid(year=2026), "later.json")
    earlier = _read(Submission.valid(year=2020), "early.json")
    pair([this, later, earlier], last)
    assert this.previous is last and this.findings == []
    assert later.previous is None and [f.code for f in later.findings] == ["RC500"]
    assert earlier.previous is None and earlier.findings == []
    unknown = next_year(LAST)
    del unknown.doc["report"]["year"]
    report = _read(unknown, "u.json")
    pair([report], last)
    assert report.previous is last  # the user said it is last year's


def test_explicit_previous_does_not_note_a_report_paired_in_the_batch() -> None:
    given = _read(Submission.valid(year=2022), "given.json")
    a, b = _read(LAST, "2023.json"), _read(next_year(LAST), "2024.json")
    pair([a, b], given)
    assert a.previous is given and b.previous is a
    assert b.findings == []


# ---------------------------------------------------------------------- CLI and api


def _json_run(*args: str) -> tuple[int, dict[str, list[tuple[Any, ...]]], str]:
    result = runner.invoke(app, ["validate", "--no-config", "-f", "json", *args])
    out: dict[str, list[tuple[Any, ...]]] = {}
    if result.stdout.strip():
        for f in json.loads(result.stdout)["files"]:
            out[Path(f["file"]).name] = [
                (x["code"], x["table"], x["row"], x["column"]) for x in f["findings"]
            ]
    return result.exit_code, out, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_cli_batch_pairs_one_agency_consecutive_years(here: Path) -> None:
    LAST.write(here / "2023.json")
    with_carried_over(next_year(LAST), natural_person=7).write(here / "2024.json")
    code, found, _ = _json_run("2024.json", "2023.json")
    assert code == 0  # a warning
    assert found == {
        "2024.json": [("RC501", APPS, "carried_over", "natural_person")],
        "2023.json": [],
    }
    assert _json_run("2024.json")[1] == {"2024.json": []}
    assert _json_run(".")[1]["2024.json"] == [("RC501", APPS, "carried_over", "natural_person")]


def test_cli_batch_different_agencies_or_years_apart(here: Path) -> None:
    LAST.write(here / "2023.json")
    with_carried_over(next_year(LAST, agency="另一个局"), natural_person=7).write(here / "b.json")
    gap = with_carried_over(next_year(LAST), natural_person=7)
    gap.doc["report"]["year"] = 2025
    gap.write(here / "c.json")
    code, found, _ = _json_run("2023.json", "b.json", "c.json")
    assert code == 0
    assert found == {"2023.json": [], "b.json": [], "c.json": []}


def test_cli_previous_xlsx_and_json(here: Path) -> None:
    write_workbook(here / "2023.xlsx", "2021", LAST.report())
    wrong = with_carried_over(next_year(LAST), natural_person=7)
    wrong.set(PROACTIVE, "regulations", "in_force", 20)
    wrong.write(here / "2024.json")
    want = [
        ("RC501", APPS, "carried_over", "natural_person"),
        ("RC502", PROACTIVE, "regulations", "in_force"),
    ]
    code, found, _ = _json_run("--previous", "2023.xlsx", "2024.json")
    assert (code, found) == (0, {"2024.json": want})
    assert _json_run("--previous", "2023.xlsx", "2024.json", "--fail-on", "warning")[0] == 1
    # the other way round: last year's JSON, this year's workbook
    LAST.write(here / "2023.json")
    write_workbook(here / "2024.xlsx", "2021", wrong.report())
    code, found, _ = _json_run("--previous", "2023.json", "2024.xlsx")
    assert (code, found) == (0, {"2024.xlsx": want})
    result = runner.invoke(app, ["validate", "--no-config", "--previous", "2023.xlsx", "2024.xlsx"])
    assert "2023.xlsx" in result.stdout and "表三!" in result.stdout  # last year's file and cell


def test_cli_previous_of_the_wrong_year_is_a_warning(here: Path) -> None:
    Submission.valid(year=2022).write(here / "2022.json")
    with_carried_over(next_year(LAST), natural_person=7).write(here / "2024.json")
    code, found, _ = _json_run("--previous", "2022.json", "2024.json")
    assert (code, found) == (0, {"2024.json": [("RC500", None, None, None)]})


def test_cli_unreadable_previous_exits_2(here: Path) -> None:
    next_year(LAST).write(here / "2024.json")
    (here / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    for bad in ("missing.json", "broken.xlsx"):
        result = runner.invoke(app, ["validate", "--no-config", "--previous", bad, "2024.json"])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"reportcheck: {bad}: ")
        assert result.stdout == ""


def test_cli_an_unreadable_file_in_the_batch_still_exits_2_others_checked(here: Path) -> None:
    LAST.write(here / "2023.json")
    with_carried_over(next_year(LAST), natural_person=7).write(here / "2024.json")
    code, found, err = _json_run("2023.json", "missing.json", "2024.json")
    assert code == 2
    assert "missing.json" in err
    assert found["2024.json"] == [("RC501", APPS, "carried_over", "natural_person")]


def test_api_validate_paths(tmp_path: Path) -> None:
    a = LAST.write(tmp_path / "2023.json")
    b = with_carried_over(next_year(LAST), natural_person=7).write(tmp_path / "2024.json")
    seen: list[str] = []

    def settings_for(path: str) -> Settings:
        seen.append(Path(path).name)
        return Settings(ignore=("RC502",))

    results = api.validate_paths([b, a], settings_for)
    assert [Path(r.path).name for r in results] == ["2024.json", "2023.json"]
    assert keys(results[0].findings) == [("RC501", APPS, "carried_over", "natural_person")]
    assert set(seen) == {"2023.json", "2024.json"}
    assert results[0].report is not None and results[0].report.previous is results[1].report
    # one file at a time knows no previous year
    assert api.validate_path(b).findings == []
    # previous given as a report already read; an unreadable previous raises
    only = api.validate_paths([b], previous=api.read_path(a))
    assert keys(only[0].findings, "RC5") == [("RC501", APPS, "carried_over", "natural_person")]
    with pytest.raises(InputError):
        api.validate_paths([b], previous=tmp_path / "missing.json")
