"""JSON output (render/json_.py): the versioned contract of docs/output-json.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from factories import Submission, sheet_addresses, sheet_layout
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.cli import app
from reportcheck.errors import InputError
from reportcheck.render import json_

DOC = ROOT / "docs" / "output-json.md"
FINDING_KEYS = (
    "code",
    "severity",
    "file",
    "table",
    "row",
    "column",
    "location",
    "expected",
    "actual",
    "message",
)


def _result(sub: Submission, path: str = "s.json") -> FileResult:
    report = sub.report(path=path)
    return FileResult(path, report, api.check(report))


def _render(results: list[FileResult], lang: str = "zh") -> dict[str, Any]:
    text = json_.render(results, lang)
    assert text.endswith("}\n")
    doc: dict[str, Any] = json.loads(text)
    return doc


def _several() -> list[FileResult]:
    """A mix: a culprit, blank totals, a misspelt key, a waiver, a fee in 元, unreadable."""
    a = Submission.valid("2021").add("applications", "granted", "natural_person", 1)
    a.set("proactive_disclosure", "administrative_fees", "amount", "2500元")
    b = Submission.valid("2019")
    for row in ("granted", "partial"):
        b.blank("applications", row, "total")
    b.put(1, "applications", "granted", "natrual_person")
    b.put([{"code": "RC207", "reason": "空白即 0"}], "waivers")
    broken = FileResult("x.json", error=InputError("x.json", "JSON 语法错误", "JSON syntax error"))
    return [_result(a, "a.json"), _result(b, "b.json"), broken]


def _findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for file in doc["files"] for f in file["findings"]]


# ---------------------------------------------------------------------- the document


def test_document_structure_and_schema_version() -> None:
    doc = _render(_several())
    assert doc["tool"] == "reportcheck"
    assert doc["schema_version"] == json_.SCHEMA_VERSION == 1
    assert isinstance(doc["version"], str) and doc["language"] == "zh"
    assert [f["file"] for f in doc["files"]] == ["a.json", "b.json", "x.json"]
    summary = doc["summary"]
    assert summary["files"] == 3 and summary["files_unreadable"] == 1
    findings = _findings(doc)
    unwaived = [f for f in findings if not f["waived"]]
    for sev in ("error", "warning", "info"):
        assert summary[sev] == sum(1 for f in unwaived if f["severity"] == sev)
    assert summary["waived"] == 1


def test_every_finding_has_the_contract_fields() -> None:
    findings = _findings(_render(_several()))
    assert {f["code"] for f in findings} >= {"RC300", "RC204", "RC302", "RC001", "RC206", "RC207"}
    for f in findings:
        for key in FINDING_KEYS:
            assert key in f, (f["code"], key)
        assert f["severity"] in ("error", "warning", "info")
        assert f["file"] in ("a.json", "b.json")
        assert isinstance(f["message"], str) and f["message"]
        assert set(f["messages"]) == {"zh", "en"}


def test_fields_documented_in_output_json_md_are_always_present() -> None:
    if not DOC.exists():
        pytest.skip("docs/output-json.md is not there")
    text = DOC.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M))

    def documented(section: str) -> set[str]:
        tables = re.findall(r"(?:^\|.*\n)+", sections[section], flags=re.M)
        table = tables[0]  # the section's own table, not the sub-tables that follow
        names: set[str] = set()
        for cell in re.findall(r"^\| (`[^|]+`) \|", table, flags=re.M):
            names.update(re.findall(r"`([a-z_]+)`", cell))
        return names

    doc = _render(_several())
    assert {"tool", "schema_version", "summary", "files"} <= documented("The document")
    assert documented("The document") <= set(doc)
    for file in doc["files"]:
        assert documented("A file") <= set(file)
    for f in _findings(doc):
        assert documented("A finding") <= set(f)
        for check in f["checks"]:
            assert {"relation", "code", "lhs", "rhs", "lhs_sum", "rhs_sum"} <= set(check)


def test_unreadable_file() -> None:
    [file] = _render([_several()[2]], "en")["files"]
    assert file["status"] == "error"
    assert file["error"] == "x.json: JSON syntax error"
    assert file["findings"] == [] and file["kind"] is None


def test_file_fields() -> None:
    file = _render([_several()[1]])["files"][0]
    assert (file["status"], file["kind"], file["format_version"], file["report_year"]) == (
        "checked",
        "json",
        "2019",
        2019,
    )
    assert file["agency"] == "示例县测试局"


# ---------------------------------------------------------------------- findings


def test_rc300_with_location_expected_actual_difference_and_checks() -> None:
    doc = _render([_several()[0]])
    [f] = [f for f in _findings(doc) if f["code"] == "RC300"]
    assert (f["table"], f["row"], f["column"]) == ("applications", "granted", "natural_person")
    assert (f["row_label"], f["column_label"]) == ("（一）予以公开", "自然人")
    loc = f["location"]
    assert loc["address"] == "/applications/granted/natural_person"
    assert isinstance(loc["line"], int) and isinstance(loc["column"], int)
    assert (f["actual"], f["expected"], f["difference"]) == ("21", "20", 1)
    assert f["cells"][0] == loc["address"]  # the likely wrong cell first
    assert f["rule"] == "likely-wrong-cell"
    by_relation = {c["relation"]: c for c in f["checks"]}
    assert set(by_relation) == {"row_total:granted", "results_total:natural_person"}
    row = by_relation["row_total:granted"]
    assert (row["code"], row["lhs_sum"], row["rhs_sum"]) == ("RC301", 24, 25)
    first = row["rhs"][0]
    assert first == {
        "row": "granted",
        "column": "natural_person",
        "label": "（一）予以公开·自然人",
        "location": "/applications/granted/natural_person",
        "value": 21,
        "raw": "21",
    }


def test_blank_cells_are_null_values_with_their_raw_text() -> None:
    doc = _render([_several()[1]])
    rc302 = next(f for f in _findings(doc) if f["code"] == "RC302")
    blanks = [t for t in rc302["checks"][0]["rhs"] if t["value"] is None]
    assert {t["row"] for t in blanks} >= {"granted", "partial"}
    assert all(t["raw"] == "" for t in blanks)
    # the blanks are named: in the hint, or in the message when filling them would agree
    assert "空" in (rc302["hint"] or "") + rc302["message"]


def test_workbook_addresses_and_no_line() -> None:
    report = sheet_addresses(
        Submission.valid("2021").add("applications", "granted", "natural_person", 1).report()
    )
    doc = _render([FileResult("t.xlsx", report, api.check(report))])
    [f] = _findings(doc)
    address = sheet_layout("2021")[("applications", "granted", "natural_person")]
    assert f["location"] == {"address": address, "line": None, "column": None}


def test_reader_findings_name_their_table_and_row() -> None:
    doc = _render([_several()[1]])
    [f] = [f for f in _findings(doc) if f["code"] == "RC001"]
    assert (f["table"], f["row"], f["column"]) == ("applications", "granted", None)
    assert (f["actual"], f["expected"]) == ("natrual_person", "natural_person")


def test_amount_expected_and_waived() -> None:
    findings = _findings(_render(_several()[:2]))
    rc206 = next(f for f in findings if f["code"] == "RC206")
    assert (rc206["actual"], rc206["expected"], rc206["severity"]) == ("2500元", "0.25", "warning")
    rc207 = next(f for f in findings if f["code"] == "RC207")
    assert rc207["waived"] == "空白即 0"


def test_language_picks_message_and_hint() -> None:
    zh = _findings(_render(_several()[:2], "zh"))
    en = _findings(_render(_several()[:2], "en"))
    assert [f["message"] for f in zh] == [f["messages"]["zh"] for f in zh]
    assert [f["message"] for f in en] == [f["messages"]["en"] for f in en]
    assert any(re.search("[一-鿿]", f["message"]) for f in zh)


def test_findings_are_ordered_errors_first() -> None:
    findings = _render([_several()[1]])["files"][0]["findings"]
    ranks = [{"error": 0, "warning": 1, "info": 2}[f["severity"]] for f in findings]
    assert ranks == sorted(ranks)


def test_non_ascii_is_written_as_is() -> None:
    text = json_.render(_several()[:1])
    assert "予以公开" in text and "\\u" not in text


# ---------------------------------------------------------------------- through the CLI


def test_cli_json_output(tmp_path: Path) -> None:
    path = (
        Submission.valid("2021").add("applications", "granted", "natural_person", 1).write(tmp_path)
    )
    res = CliRunner().invoke(app, ["validate", str(path), "-f", "json", "--lang", "en"])
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    [file] = doc["files"]
    assert file["file"] == str(path) and doc["language"] == "en"
    assert [f["code"] for f in file["findings"]] == ["RC300"]
    assert "1 error" in res.stderr  # the run's summary line goes to stderr


def test_cli_json_clean_file_exits_0(tmp_path: Path) -> None:
    path = Submission.valid("2019").write(tmp_path)
    res = CliRunner().invoke(app, ["validate", str(path), "-f", "json"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["files"][0]["findings"] == []
