"""GitHub Actions output: workflow commands, escaping, the 10-per-type limit, waivers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factories import Submission, sheet_addresses
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.findings import Finding, Severity
from reportcheck.model.report import Location
from reportcheck.render import github

COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


def _commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in text.splitlines():
        m = COMMAND.match(line)
        if m:
            props = dict(p.split("=", 1) for p in (m.group(2) or "").strip().split(",") if p)
            out.append((m.group(1), props, m.group(3)))
    return out


def _unescape(text: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def test_escaping_follows_the_toolkit() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    line = github.command("error", "x: 1, y\n2", file="dir/a,b:c.json", line=3, title="RC301 t")
    assert line == "::error file=dir/a%2Cb%3Ac.json,line=3,title=RC301 t::x: 1, y%0A2"


def test_one_annotation_per_finding_with_file_line_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.doc["bogus"] = 1
    sub.write(tmp_path / "bad.json")
    text = github.render([api.validate_path("bad.json")], "en")
    cmds = _commands(text)
    assert [(kind, props["title"].split()[0]) for kind, props, _ in cmds] == [
        ("error", "RC300"),
        ("warning", "RC001"),
    ]
    _kind, props, message = cmds[0]
    assert props["file"] == "bad.json"
    assert int(props["line"]) > 1 and int(props["col"]) > 1
    assert props["title"] == "RC300 likely-wrong-cell"
    assert "granted" in _unescape(message) or "予以公开" in _unescape(message)
    assert text.splitlines()[-1] == "1 error, 1 warning, 0 info in 1 file"


def test_workbook_cells_are_named_in_the_message(tmp_path: Path) -> None:
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    report = sheet_addresses(sub.report())
    result = FileResult("r.xlsx", report, api.check(report))
    ((kind, props, message),) = _commands(github.render([result], "zh"))
    assert kind == "error" and "line" not in props
    assert _unescape(message).startswith("表三!D6")


def _many(n: int, severity: Severity, path: str = "r.json") -> FileResult:
    findings = [
        Finding(
            "RC201" if severity is Severity.ERROR else "RC207",
            severity,
            f"第 {i} 个",
            f"number {i}",
            file=path,
            location=Location(f"/x/{i}", i + 1, 3),
        )
        for i in range(n)
    ]
    return FileResult(path, None, findings)


@pytest.mark.parametrize("n", [9, 10, 11, 25])
def test_at_most_ten_annotations_per_type(n: int) -> None:
    results = [_many(n, Severity.ERROR), _many(3, Severity.INFO, "s.json")]
    text = github.render(results, "en")
    cmds = _commands(text)
    errors = [c for c in cmds if c[0] == "error"]
    notices = [c for c in cmds if c[0] == "notice"]
    assert len(errors) == min(n, 10)
    assert len(notices) == 3
    if n > 10:
        assert f"{n - 9} more errors" in errors[-1][2]
        assert errors[-1][1]["title"] == "reportcheck"
    else:
        assert all(c[1]["title"].startswith("RC201") for c in errors)
    # every finding is still in the log, as a plain line
    plain = [line for line in text.splitlines() if not line.startswith("::")]
    assert sum("RC201" in line for line in plain) == n


def test_waived_findings_are_not_annotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sub = Submission.valid().add("applications", "granted", "natural_person", 1)
    sub.doc["waivers"] = [{"code": "RC300", "reason": "corrected in print"}]
    sub.write(tmp_path / "w.json")
    text = github.render([api.validate_path("w.json")], "en")
    assert _commands(text) == []
    assert "waived: corrected in print" in text


def test_unreadable_file_is_an_error_annotation() -> None:
    result = api.validate_path("does-not-exist.json")
    ((kind, props, message),) = _commands(github.render([result], "en"))
    assert kind == "error"
    assert props["file"] == "does-not-exist.json"
    assert "no such file" in message
