"""JUnit XML output: one test case per file and rule family, parsed as CI servers parse it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml

from factories import Submission
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.findings import Severity
from reportcheck.render import junit

FAMILIES = junit.families()


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FileResult]:
    monkeypatch.chdir(tmp_path)
    Submission.valid().write(tmp_path / "good.json")
    bad = Submission.valid().add("applications", "granted", "natural_person", 1)
    bad.doc["bogus"] = 1  # RC001, a warning
    bad.write(tmp_path / "bad.json")
    waived = Submission.valid().add("applications", "granted", "natural_person", 1)
    waived.doc["waivers"] = [{"code": "RC300", "reason": "印刷版已更正"}]
    waived.write(tmp_path / "waived.json")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    names = ["good.json", "bad.json", "waived.json", "broken.json"]
    return [api.validate_path(n) for n in names]


def _parse(text: str, tmp_path: Path) -> JUnitXml:
    path = tmp_path / "junit.xml"
    path.write_text(text, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    assert isinstance(xml, JUnitXml)
    return xml


def test_structure_as_ci_servers_read_it(results: list[FileResult], tmp_path: Path) -> None:
    xml = _parse(junit.render(results, "en"), tmp_path)
    suites = {s.name: s for s in xml}
    assert list(suites) == ["good.json", "bad.json", "waived.json", "broken.json"]
    for name in ("good.json", "bad.json", "waived.json"):
        cases = list(suites[name])
        assert [c.name.split()[0] for c in cases] == FAMILIES
        assert all(c.classname == name for c in cases)
    good = suites["good.json"]
    assert (good.tests, good.failures, good.errors) == (len(FAMILIES), 0, 0)
    assert all(c.is_passed for c in good)
    bad = suites["bad.json"]
    assert (bad.tests, bad.failures, bad.errors) == (len(FAMILIES), 1, 0)
    failed = [c for c in bad if not c.is_passed]
    assert [c.name.split()[0] for c in failed] == ["RC3"]
    (failure,) = failed[0].result
    assert isinstance(failure, Failure)
    assert failure.type == "RC300"
    assert failure.message and "RC300" in failure.message
    assert "/applications/granted/natural_person" in (failure.text or "")
    assert xml.tests == 3 * len(FAMILIES) + 1
    assert xml.failures == 1
    assert xml.errors == 1


def test_warning_is_not_a_failure_unless_fail_on_warning(
    results: list[FileResult], tmp_path: Path
) -> None:
    root = junit.document(results, "en")
    case = root.find("testsuite[@name='bad.json']/testcase[@name='RC0 input']")
    assert case is not None
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "RC001" in (out.text or "")
    root = junit.document(results, "en", {"bad.json": Severity.WARNING})
    case = root.find("testsuite[@name='bad.json']/testcase[@name='RC0 input']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "RC001"


def test_waived_finding_is_not_a_failure(results: list[FileResult]) -> None:
    root = junit.document(results, "zh")
    suite = root.find("testsuite[@name='waived.json']")
    assert suite is not None and suite.get("failures") == "0"
    case = suite.find("testcase[@name='RC3 arithmetic']")
    assert case is not None and case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "印刷版已更正" in (out.text or "")


def test_unreadable_file_is_an_error_case(results: list[FileResult], tmp_path: Path) -> None:
    xml = _parse(junit.render(results, "en"), tmp_path)
    (suite,) = [s for s in xml if s.name == "broken.json"]
    (case,) = list(suite)
    assert case.name == "read"
    (err,) = case.result
    assert isinstance(err, Error)
    assert "JSON" in (err.message or "")


def test_control_characters_do_not_break_the_xml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sub = Submission.valid().set("applications", "granted", "natural_person", "2\x0b0")
    sub.write(tmp_path / "ctl.json")
    result = api.validate_path("ctl.json")
    assert any(f.code == "RC201" for f in result.findings)
    text = junit.render([result], "zh")
    ET.fromstring(text.encode("utf-8"))  # raises on characters XML cannot hold
