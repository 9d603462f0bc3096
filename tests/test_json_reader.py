"""The JSON reader (readers/json_.py): lenient reading, findings with pointer and line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, requires_shared
from factories import Submission, by_code, keys
from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.model.report import CellState, Waiver
from reportcheck.readers.json_ import pointer_positions, read_json


def _read(text: str | bytes, forced: str | None = None) -> api.Report:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_json("t.json", data, forced)


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    """1-based line of the ``nth`` occurrence of ``needle``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


# ---------------------------------------------------------------------- cannot be checked: exit 2


def test_syntax_error_names_line_and_column() -> None:
    text = '{\n  "applications": {\n    "new_received": {"natural_person": 1,,}\n  }\n}\n'
    column = text.splitlines()[2].index(",,") + 2  # the second comma
    with pytest.raises(InputError) as err:
        _read(text)
    assert f"第 3 行第 {column} 列" in err.value.text("zh")
    assert f"line 3, column {column}" in err.value.text("en")
    assert err.value.path == "t.json"


def test_truncated_file_is_a_syntax_error() -> None:
    text = Submission.valid().text()[:200]
    with pytest.raises(InputError, match="JSON syntax error at line"):
        _read(text)


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_syntax_error_exits_2_via_the_cli(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"applications": {"granted": [1, 2,]}}', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--lang", "en", "-f", fmt])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "bad.json" in said and "JSON syntax error at line 1, column 36" in said


@pytest.mark.parametrize("text", ["[]", '["applications"]', '"applications"', "31", "null"])
def test_top_level_must_be_an_object(text: str) -> None:
    with pytest.raises(InputError, match="must be an object"):
        _read(text)


@pytest.mark.parametrize("text", ['{"report": {"year": 2024}}', '{"format_version": "2021"}'])
def test_a_submission_with_none_of_the_tables_cannot_be_checked(text: str) -> None:
    with pytest.raises(InputError, match="none of proactive_disclosure") as got:
        _read(text)
    assert not got.value.unsupported  # a broken submission: the run fails (exit 2)


@pytest.mark.parametrize("text", ["{}", '{"表三": {}}', '{"file": "a.txt", "agency": "某局"}'])
def test_another_programs_json_is_not_a_report(text: str) -> None:
    with pytest.raises(InputError, match="not a report submission") as got:
        _read(text)
    assert got.value.unsupported  # listed as not checked, like a README


def test_a_folder_with_a_non_report_json_is_checked_as_with_a_readme(tmp_path: Path) -> None:
    """A hand-read values file next to the reports does not fail the batch; a broken
    submission does."""
    (tmp_path / "2021-valid.json").write_text(Submission.valid().text(), encoding="utf-8")
    (tmp_path / "values.json").write_text('{"file": "a.txt", "year": 2024}', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path), "-f", "concise", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "values.json: not checked: not a report submission" in result.output
    (tmp_path / "broken.json").write_text('{"format_version": "2021"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path), "-f", "concise", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "broken.json: could not be checked: not a report submission: none of" in result.output


@requires_shared
def test_the_corpus_value_files_are_not_reports() -> None:
    """The hand-read values next to the real reports (../shared/corpus/*.json)."""
    found = sorted(CORPUS.glob("*.json"))
    assert found
    for p in found:
        with pytest.raises(InputError, match="not a report submission") as got:
            read_json(str(p), p.read_bytes())
        assert got.value.unsupported, p.name


def test_not_utf8_cannot_be_checked() -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        _read(Submission.valid().text().encode("gb18030"))


def test_a_utf8_byte_order_mark_is_fine() -> None:
    sub = Submission.valid()
    report = _read(b"\xef\xbb\xbf" + sub.data())
    assert report.format_version == "2021"
    assert api.check(report) == []
    # line numbers are not shifted by the mark
    cell = report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.location is not None
    assert cell.location.line == _line_of(sub.text(), '"granted"') + 1


# ---------------------------------------------------------------------- wrong types: RC002 / RC201


def test_row_as_array_is_rc002_with_pointer_and_line() -> None:
    sub = Submission.valid().put([1, 0, 0, 0, 0, 0, 1], "applications", "granted")
    text = sub.text()
    findings = sub.findings()
    rc002 = by_code(findings, "RC002")
    assert keys(rc002) == [("RC002", "applications", "granted", None)]
    loc = rc002[0].location
    assert loc is not None and loc.address == "/applications/granted"
    assert loc.line == _line_of(text, '"granted"')
    # the row is then treated as missing (its numbers cannot be checked)
    assert ("RC102", "applications", "granted", None) in keys(findings)


def test_table_that_is_not_an_object_is_rc002_and_missing() -> None:
    sub = Submission.valid().put([], "review_litigation")
    findings = sub.findings()
    assert keys(findings, "RC0", "RC1") == [
        ("RC002", "review_litigation", None, None),
        ("RC101", "review_litigation", None, None),
    ]


@pytest.mark.parametrize(
    ("value", "raw"),
    [({"n": 1}, '{"n": 1}'), (True, "true"), (False, "false"), ([1, 2], "[1, 2]")],
    ids=["object", "true", "false", "array"],
)
def test_cell_of_the_wrong_type_is_rc201_with_pointer_and_line(value: object, raw: str) -> None:
    sub = Submission.valid().set("review_litigation", "review", "pending", value)
    findings = sub.findings()
    assert keys(findings) == [("RC201", "review_litigation", "review", "pending")]
    f = findings[0]
    assert f.actual == raw
    assert f.location is not None and f.location.address == "/review_litigation/review/pending"
    assert f.location.line == _line_of(sub.text(), '"pending"', nth=0)
    assert f.location.column is not None


def test_cell_of_the_wrong_type_breaks_no_relation() -> None:
    """A relation with a cell that is not a number is not evaluated: no false RC30x."""
    sub = Submission.valid().set("applications", "granted", "natural_person", {"n": 20})
    assert [f.code for f in sub.findings()] == ["RC201"]


@pytest.mark.parametrize(
    ("value", "pointer"),
    [
        ("2024", "/report/year"),
        (2024.5, "/report/year"),
        (True, "/report/year"),
        (1999, "/report/year"),
    ],
)
def test_year_that_is_not_a_year_is_rc002(value: object, pointer: str) -> None:
    sub = Submission.valid().put(value, "report", "year")
    report = sub.report()
    assert report.metadata.year is None
    rc002 = by_code(sub.findings(), "RC002")
    assert [f.location.address for f in rc002 if f.location] == [pointer]
    assert rc002[0].location is not None
    assert rc002[0].location.line == _line_of(sub.text(), '"year"')


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("report",), ["示例局"]),
        (("report", "level"), "county"),
        (("report", "published"), "2025-02-30"),
        (("format_version",), "2020"),
        (("waivers",), {"code": "RC207"}),
        (("waivers",), [{"code": "RC207"}]),
        (("waivers",), [{"code": "RC207", "reason": "  "}]),
        (("waivers",), ["RC207"]),
    ],
    ids=lambda v: json.dumps(v, ensure_ascii=False),
)
def test_other_wrong_values_are_rc002_at_their_pointer(
    path: tuple[str, ...], value: object
) -> None:
    sub = Submission.valid().put(value, *path)
    rc002 = by_code(sub.findings(), "RC002")
    assert len(rc002) == 1
    loc = rc002[0].location
    assert loc is not None and loc.address.startswith("/" + "/".join(path))
    assert loc.line is not None


def test_wrong_metadata_leaves_the_tables_checked() -> None:
    sub = Submission.valid().put("2024", "report", "year")
    sub.add("applications", "granted", "natural_person", 1)
    assert sorted(keys(sub.findings())) == [
        ("RC002", None, None, None),
        ("RC300", "applications", "granted", "natural_person"),
    ]


# ---------------------------------------------------------------------- unknown keys: RC001


@pytest.mark.parametrize(
    ("path", "pointer", "suggestion", "where"),
    [
        (("applicatons",), "/applicatons", "applications", (None, None)),
        (("report", "agncy"), "/report/agncy", "agency", (None, None)),
        (("applications", "new_recieved"), "/applications/new_recieved", "new_received",
         ("applications", None)),
        (("applications", "granted", "natrual_person"), "/applications/granted/natrual_person",
         "natural_person", ("applications", "granted")),
        (("review_litigation", "review", "totl"), "/review_litigation/review/totl", "total",
         ("review_litigation", "review")),
    ],
)  # fmt: skip
def test_unknown_key_is_rc001_with_pointer_line_and_did_you_mean(
    path: tuple[str, ...], pointer: str, suggestion: str, where: tuple[str | None, str | None]
) -> None:
    sub = Submission.valid().put(7, *path)
    rc001 = by_code(sub.findings(), "RC001")
    assert len(rc001) == 1
    f = rc001[0]
    assert (f.table, f.row, f.column) == (*where, None)
    assert f.location is not None and f.location.address == pointer
    assert f.location.line == _line_of(sub.text(), f'"{path[-1]}"')
    assert (f.actual, f.expected) == (path[-1], suggestion)
    assert f"“{suggestion}”" in f.message_en and f"「{suggestion}」" in f.message


def test_unknown_key_without_a_near_match_has_no_suggestion() -> None:
    sub = Submission.valid().put("备注", "comment")
    [f] = by_code(sub.findings(), "RC001")
    assert f.expected is None and "did you mean" not in f.message_en


def test_unknown_key_in_a_waiver_is_rc001() -> None:
    sub = Submission.valid().put([{"code": "RC207", "reason": "x", "locaton": "/a"}], "waivers")
    [f] = by_code(sub.findings(), "RC001")
    assert f.location is not None and f.location.address == "/waivers/0/locaton"
    assert f.expected == "location"


def test_pointer_escapes_slash_and_tilde_in_keys() -> None:
    sub = Submission.valid().put(1, "applications", "granted", "a/b~c")
    [f] = by_code(sub.findings(), "RC001")
    assert f.location is not None and f.location.address == "/applications/granted/a~1b~0c"
    assert f.location.line == _line_of(sub.text(), '"a/b~c"')


def test_a_misspelt_cell_is_unknown_and_the_real_one_missing() -> None:
    sub = Submission.valid()
    value = sub.get("applications", "granted", "natural_person")
    sub.remove("applications", "granted", "natural_person")
    sub.put(value, "applications", "granted", "natrual_person")
    assert keys(sub.findings()) == [
        ("RC103", "applications", "granted", "natural_person"),
        ("RC001", "applications", "granted", None),
    ]


# ---------------------------------------------------------------------- missing parts: RC101–RC103


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("table", ["proactive_disclosure", "applications", "review_litigation"])
def test_missing_table_is_rc101(version: str, table: str) -> None:
    sub = Submission.valid(version).remove(table)
    assert keys(sub.findings()) == [("RC101", table, None, None)]


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_missing_rows_are_rc102_each(version: str) -> None:
    sub = Submission.valid(version)
    sub.remove("applications", "denied_7")  # all zero: no arithmetic consequence
    sub.remove("proactive_disclosure", "administrative_coercion")
    assert sorted(keys(sub.findings())) == [
        ("RC102", "applications", "denied_7", None),
        ("RC102", "proactive_disclosure", "administrative_coercion", None),
    ]


def test_missing_cell_is_rc103() -> None:
    sub = Submission.valid().remove("applications", "denied_7", "research")
    assert keys(sub.findings()) == [("RC103", "applications", "denied_7", "research")]


def test_missing_column_in_every_row_is_one_rc103() -> None:
    sub = Submission.valid()
    for row in sub.doc["review_litigation"].values():
        del row["other"]
    findings = sub.findings()
    # R5 cannot be checked without the column; no arithmetic finding is invented
    assert keys(findings) == [("RC103", "review_litigation", None, "other")]


def test_empty_table_object_reports_every_row() -> None:
    sub = Submission.valid().put({}, "review_litigation")
    assert keys(sub.findings()) == [
        ("RC102", "review_litigation", r, None)
        for r in ("review", "litigation_direct", "litigation_after_review")
    ]


# ---------------------------------------------------------------------- cell values


@pytest.mark.parametrize(
    ("value", "state", "number"),
    [
        (31, CellState.NUMBER, 31),
        (Decimal("31.0"), CellState.NUMBER, 31),
        ("31", CellState.NUMBER, 31),
        ("３１", CellState.NUMBER, 31),
        ("1,234", CellState.NUMBER, 1234),
        ("31件", CellState.NUMBER, 31),
        (None, CellState.BLANK, None),
        ("", CellState.BLANK, None),
        ("/", CellState.PLACEHOLDER, None),
        ("—", CellState.PLACEHOLDER, None),
        ("无", CellState.PLACEHOLDER, None),
        ("三十一", CellState.TEXT, None),
        ("NaN", CellState.TEXT, None),
    ],
)
def test_cell_values_keep_their_raw_text(value: object, state: CellState, number: int) -> None:
    sub = Submission.valid().set("applications", "denied_7", "research", value)
    cell = sub.report().tables["applications"].get("denied_7", "research")
    assert cell is not None
    assert (cell.state, cell.value) == (state, number)
    if isinstance(value, str):
        assert cell.raw == value


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_text_not_a_crash(literal: str) -> None:
    text = Submission.valid().text().replace('"research": 0', f'"research": {literal}', 1)
    report = _read(text)
    findings = api.check(report)
    assert [f.code for f in findings] == ["RC201"]
    assert findings[0].actual == literal


def test_amounts_are_exact_decimals() -> None:
    sub = Submission.valid()
    sub.set("proactive_disclosure", "administrative_fees", "amount", Decimal("0.10"))
    text = sub.text()
    assert '"amount": 0.10' in text
    cell = _read(text).tables["proactive_disclosure"].get("administrative_fees", "amount")
    assert cell is not None
    assert cell.value == Decimal("0.10") and isinstance(cell.value, Decimal)
    assert str(cell.value) == "0.10"  # not 0.1000000000000000055511151231257827…


def test_many_digit_amount_is_not_rounded() -> None:
    text = Submission.valid().text().replace('"amount": 1.25', '"amount": 12345.678901234567891')
    cell = _read(text).tables["proactive_disclosure"].get("administrative_fees", "amount")
    assert cell is not None and cell.value == Decimal("12345.678901234567891")


def test_fractional_count_is_kept_exact_and_reported() -> None:
    sub = Submission.valid().set("applications", "denied_7", "research", Decimal("0.5"))
    assert sorted(keys(sub.findings(), "RC2")) == [
        ("RC203", "applications", "denied_7", "research")
    ]


def test_every_cell_knows_its_pointer_line_and_column() -> None:
    sub = Submission.valid()
    text = sub.text()
    positions = pointer_positions(text)
    report = sub.report()
    lines = text.splitlines()
    for table_id, data in report.tables.items():
        for (row, col), cell in data.cells.items():
            pointer = f"/{table_id}/{row}/{col}"
            assert cell.location is not None and cell.location.address == pointer
            assert (cell.location.line, cell.location.column) == positions[pointer]
            line = lines[cell.location.line - 1]
            assert line[cell.location.column - 1 :].startswith(cell.raw)


def test_pointer_positions_of_a_compact_document() -> None:
    text = '{"applications":{"granted":{"natural_person":1}},\n"x":[true,{"y":null}]}'
    pos = pointer_positions(text)
    assert pos[""] == (1, 1)
    assert pos["/applications/granted/natural_person"] == (1, 46)
    assert pos["/x/1/y"] == (2, 16)


# ---------------------------------------------------------------------- format version


def test_declared_version_is_used() -> None:
    report = Submission.valid("2019").report()
    assert (report.format_version, report.detected_version) == ("2019", "2019")
    assert report.findings == []


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_version_is_detected_from_the_keys_when_not_declared(version: str) -> None:
    sub = Submission.valid(version, declare_version=False)
    sub.doc["report"]["year"] = 2020 if version == "2021" else 2024  # the keys win over the year
    report = sub.report()
    assert (report.format_version, report.detected_version) == (version, version)
    assert [f.code for f in report.findings] == []


def test_applications_alone_tell_the_version_by_their_other_rows() -> None:
    sub = Submission.valid("2019", declare_version=False).remove("proactive_disclosure")
    del sub.doc["report"]["year"]
    report = sub.report()
    assert report.format_version == "2019"
    assert report.version_evidence == {"2019": ["other"]}


@pytest.mark.parametrize(("year", "version"), [(2019, "2019"), (2020, "2019"), (2021, "2021")])
def test_version_from_the_year_when_the_keys_do_not_tell(year: int, version: str) -> None:
    sub = Submission.valid(version, declare_version=False, year=year)
    sub.remove("proactive_disclosure")
    sub.remove("applications")  # 表四 is the same in both versions
    report = sub.report()
    assert report.format_version == version
    assert [f.code for f in report.findings] == ["RC004"]


def test_version_defaults_to_2021_or_the_configured_default() -> None:
    sub = Submission.zeros("2021").remove("proactive_disclosure").remove("applications")
    del sub.doc["format_version"]
    del sub.doc["report"]["year"]
    assert sub.report().format_version == "2021"
    assert "RC004" in [f.code for f in sub.report().findings]
    report = api.read_bytes("t.json", sub.data(), Settings(default_format_version="2019"))
    assert report.format_version == "2019"


def test_forced_version_overrides_the_declaration() -> None:
    sub = Submission.valid("2021")
    report = sub.report(forced_version="2019")
    assert report.format_version == "2019"
    findings = api.check(report)
    # 2021-only keys are unknown in 2019, and 2019-only rows are missing
    assert ("RC001", "applications", None, None) in keys(findings)
    assert ("RC102", "applications", "other", None) in keys(findings)


def test_unknown_declared_version_falls_back_to_the_keys() -> None:
    sub = Submission.valid("2019").put("2020", "format_version")
    report = sub.report()
    assert report.format_version == "2019"
    assert [f.code for f in report.findings] == ["RC002"]


def test_2019_keys_in_a_2024_report_are_outdated() -> None:
    sub = Submission.valid("2019", year=2024)
    assert keys(sub.findings()) == [("RC104", None, None, None)]


# ---------------------------------------------------------------------- metadata and waivers


def test_metadata_is_read() -> None:
    sub = Submission.valid("2021", year=2023, level="government")
    sub.put("2024-01-31", "report", "published").put("某局2023年报告", "report", "title")
    md = sub.report().metadata
    assert (md.agency, md.year, md.level, md.title) == ("示例县测试局", 2023, "government",
                                                        "某局2023年报告")  # fmt: skip
    assert md.published is not None and md.published.isoformat() == "2024-01-31"


def test_null_metadata_is_absent() -> None:
    sub = Submission.valid()
    sub.doc["report"] = {"agency": None, "year": None, "published": None, "level": None}
    report = sub.report()
    assert report.metadata.year is None and report.metadata.agency is None
    assert by_code(report.findings, "RC002") == []


def test_waivers_are_read_and_applied() -> None:
    sub = Submission.valid().blank("applications", "granted", "total")
    sub.put(
        [
            {"code": "rc204", "reason": "由上级汇总", "location": "/applications/granted/total"},
            {"code": "RC207", "reason": "空白即 0"},
        ],
        "waivers",
    )
    report = sub.report()
    assert report.waivers == [
        Waiver("RC204", "由上级汇总", "/applications/granted/total"),
        Waiver("RC207", "空白即 0", None),
    ]
    findings = api.check(report)
    assert [(f.code, f.waived) for f in findings] == [
        ("RC204", "由上级汇总"),
        ("RC207", "空白即 0"),
    ]


def test_a_waiver_with_another_location_does_not_apply() -> None:
    sub = Submission.valid().blank("applications", "granted", "total")
    sub.put([{"code": "RC204", "reason": "x", "location": "/applications/partial/total"}],
            "waivers")  # fmt: skip
    [f] = [f for f in sub.findings() if f.code == "RC204"]
    assert f.waived is None


def test_the_input_file_is_not_modified(tmp_path: Path) -> None:
    path = Submission.valid().set("applications", "granted", "total", "/").write(tmp_path)
    before = path.read_bytes()
    result = api.validate_path(path)
    assert result.findings and path.read_bytes() == before
