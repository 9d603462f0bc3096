"""Format versions as data: a third version declared in this test alone is read and checked.

The hypothetical 2027 format below is the 2021 format with 表二's 现行有效件数 renamed
现行有效数量 (and its own document number). It is registered with
:func:`reportcheck.model.tables.registered` for the test's duration; nothing outside the
declaration changes, and yet its version is told by labels and by year, every rule and
relation runs on it, a 2021-format report for 2027 is outdated (RC104), and 现行有效 still
carries over from a 2021-format report of 2026 (RC502).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission, codes, keys
from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.model.labels import label_key
from reportcheck.model.relations import relations_for
from reportcheck.model.report import Report
from reportcheck.model.tables import (
    FORMATS,
    ColumnDef,
    FormatDef,
    RowDef,
    TableDef,
    check_formats,
    evidence_keys,
    latest_version,
    registered,
    version_for_year,
    versions,
)
from reportcheck.model.version import decide
from reportcheck.writers.xlsx import write_workbook

PROACTIVE = "proactive_disclosure"
RENAMED = "现行有效数量"


def _renamed(column: ColumnDef) -> ColumnDef:
    if column.id != "in_force":
        return column
    return replace(column, label=RENAMED, variants=())


def _proactive_2027(t: TableDef) -> TableDef:
    rows: list[RowDef] = [replace(r, columns=tuple(_renamed(c) for c in r.columns)) for r in t.rows]
    return replace(t, rows=tuple(rows))


_2021 = FORMATS["2021"]

FORMAT_2027 = FormatDef(
    "2027",
    "（假设）国办公开办函〔2027〕1号《中华人民共和国政府信息公开工作年度报告格式（2027 年修订）》",
    2027,
    None,
    (
        _proactive_2027(_2021.table(PROACTIVE)),
        _2021.table("applications"),
        _2021.table("review_litigation"),
    ),
    frozenset({label_key(RENAMED)}),
)
"""The whole declaration of the new version (the 2021 format ends in 2026)."""


@pytest.fixture
def v2027() -> Iterator[None]:
    with registered(replace(_2021, last_year=2026), FORMAT_2027):
        yield


def _workbook(tmp_path: Path, version: str, sub: Submission, name: str) -> Path:
    path = tmp_path / name
    write_workbook(path, version, sub.report())
    return path


def _check(report: Report) -> list[tuple[object, ...]]:
    return keys(api.check(report, Settings()))


# ---------------------------------------------------------------------- the registry


def test_declared_versions_tell_apart_by_their_declared_signatures() -> None:
    # with only 2019 and 2021 registered, the derived evidence is the declared signature
    assert versions() == ("2019", "2021")
    assert {v: evidence_keys()[v] for v in versions()} == {
        v: f.signature for v, f in FORMATS.items()
    }
    assert latest_version() == "2021"
    assert [version_for_year(y) for y in (2008, 2019, 2020, 2021, 2040)] == [
        "2019",
        "2019",
        "2019",
        "2021",
        "2021",
    ]


def test_registered_for_the_block_only(v2027: None) -> None:
    assert versions() == ("2019", "2021", "2027")
    assert latest_version() == "2027"
    assert [version_for_year(y) for y in (2020, 2026, 2027, 2040)] == [
        "2019",
        "2021",
        "2027",
        "2027",
    ]
    # the labels 2021 shares with 2027 are no longer evidence of 2021
    assert evidence_keys()["2021"] == {label_key("现行有效件数")}
    assert evidence_keys()["2027"] == {label_key(RENAMED)}
    assert relations_for("2027")  # R1–R5 built from the declaration


def test_registry_restored_after_the_block() -> None:
    with registered(replace(_2021, last_year=2026), FORMAT_2027):
        assert "2027" in FORMATS
    assert versions() == ("2019", "2021")
    assert FORMATS["2021"].last_year is None
    assert evidence_keys()["2021"] == _2021.signature


def test_a_version_must_continue_the_timeline() -> None:
    with pytest.raises(ValueError, match="2021 must end in 2026"):  # 2021 still open-ended
        check_formats({**FORMATS, "2027": FORMAT_2027})
    with pytest.raises(ValueError, match="must end in 2026"), registered(FORMAT_2027):
        pass
    assert versions() == ("2019", "2021")


# ---------------------------------------------------------------------- detection


def test_version_by_labels(v2027: None, tmp_path: Path) -> None:
    sub = Submission.valid("2021", year=2027)
    path = _workbook(tmp_path, "2027", sub, "2027.xlsx")
    report = api.read_path(path)
    assert (report.detected_version, report.format_version) == ("2027", "2027")
    assert report.version_evidence == {"2027": [RENAMED]}
    assert _check(report) == []  # a valid report on the new format passes every rule
    # the 2021 labels are still told apart by the one that differs
    old = api.read_path(_workbook(tmp_path, "2021", Submission.valid("2021"), "2021.xlsx"))
    assert (old.detected_version, old.version_evidence) == ("2021", {"2021": ["现行有效件数"]})


def test_version_by_year(v2027: None) -> None:
    # a JSON submission has the same keys in 2021 and 2027: the year decides
    for year, version in ((2026, "2021"), (2027, "2027"), (2030, "2027")):
        sub = Submission.valid("2021", year=year, declare_version=False)
        report = sub.report()
        assert (report.detected_version, report.format_version) == (None, version)
        assert codes(api.check(report, Settings())) == ["RC004"]  # version from the year
    assert decide(detected=None, year=None) == ("2027", "default")


def test_cli_accepts_the_registered_version(v2027: None, tmp_path: Path) -> None:
    path = Submission.valid("2021", year=2027).write(tmp_path)
    result = CliRunner().invoke(
        app, ["validate", str(path), "--format-version", "2027", "--no-config"]
    )
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------- rules on it


def test_relations_run_on_the_new_version(v2027: None, tmp_path: Path) -> None:
    broken = Submission.valid("2021", year=2027).add("applications", "granted", "commercial", 1)
    new = api.read_path(_workbook(tmp_path, "2027", broken, "2027.xlsx"))
    assert new.format_version == "2027"
    old = api.read_path(_workbook(tmp_path, "2021", broken.copy().put(2026, "report", "year"),
                                  "2026.xlsx"))  # fmt: skip
    assert old.format_version == "2021"
    found = _check(new)
    assert found and found == _check(old)
    assert {k[0] for k in found} <= {"RC300", "RC301", "RC302", "RC303"}


def test_old_format_in_a_new_year_is_outdated(v2027: None, tmp_path: Path) -> None:
    sub = Submission.valid("2021", year=2027)
    report = api.read_path(_workbook(tmp_path, "2021", sub, "old.xlsx"))
    assert report.format_version == "2021"
    found = [f for f in api.check(report, Settings()) if f.code == "RC104"]
    assert len(found) == 1
    f = found[0]
    assert (f.actual, f.expected) == ("2021", "2027")
    assert "〔2027〕1号" in f.message and "自 2027 年度起" in f.message
    # the 2019 trial format for 2021 is still named as it always was
    report = api.read_path(
        _workbook(tmp_path, "2019", Submission.valid("2019", year=2022), "trial.xlsx")
    )
    (f,) = [f for f in api.check(report, Settings()) if f.code == "RC104"]
    assert "2019 年试行格式" in f.message and "〔2021〕30号" in f.message


def test_documents_in_force_carry_over_from_the_2021_format(v2027: None, tmp_path: Path) -> None:
    # RC502 only (表三's 上年结转 is not carried over here: RC501 is another test's business)
    last = Submission.valid("2021", year=2026)
    this = Submission.valid("2021", year=2027)
    cells = this.doc[PROACTIVE]["normative_documents"]
    before = last.doc[PROACTIVE]["normative_documents"]["in_force"]
    for row in ("regulations", "normative_documents"):
        made, repealed = this.get(PROACTIVE, row, "made"), this.get(PROACTIVE, row, "repealed")
        this.set(PROACTIVE, row, "in_force", last.get(PROACTIVE, row, "in_force") + made - repealed)
    report = api.read_path(_workbook(tmp_path, "2027", this, "2027.xlsx"))
    report.previous = last.report(path="2026.json")
    assert report.format_version == "2027" and keys(api.check(report, Settings()), "RC502") == []
    cells["in_force"] = before  # nothing made or repealed counted
    report = api.read_path(_workbook(tmp_path, "2027", this, "2027b.xlsx"))
    report.previous = last.report(path="2026.json")
    assert keys(api.check(report, Settings()), "RC502") == [
        ("RC502", PROACTIVE, "normative_documents", "in_force")
    ]


# ---------------------------------------------------------------------- published text

EXAMPLE_TEXT = Path(__file__).resolve().parents[1] / "examples" / "2021-valid.txt"


def _text_report(tmp_path: Path, old: str, new: str, year: int) -> Report:
    text = EXAMPLE_TEXT.read_text(encoding="utf-8")
    text = text.replace(old, new).replace("2024", str(year)).replace("2025", str(year + 1))
    path = tmp_path / f"{year}.txt"
    path.write_text(text, encoding="utf-8")
    return api.read_path(path)


def test_published_text_on_the_new_version(v2027: None, tmp_path: Path) -> None:
    new = _text_report(tmp_path, "现行有效件数", RENAMED, 2027)
    assert (new.detected_version, new.format_version) == ("2027", "2027")
    assert api.check(new, Settings()) == []  # read whole: every rule and relation passes
    old = _text_report(tmp_path, "现行有效件数", "现行有效件数", 2026)
    assert (old.detected_version, old.format_version) == ("2021", "2021")
    assert api.check(old, Settings()) == []
    # the table the labels show decides, and an old one in the new year is outdated
    late = _text_report(tmp_path, "现行有效件数", "现行有效件数", 2027)
    assert late.format_version == "2021"
    assert codes(api.check(late, Settings())) == ["RC104"]
