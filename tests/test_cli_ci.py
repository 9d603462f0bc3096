"""The CLI as CI runs it: exit codes, --exit-zero, formats, --output, many files, summaries."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck import output
from reportcheck.cli import app

runner = CliRunner()


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """reports/{good,bad,warn}.json, reports/sub/good2.json, reports/.hidden/x.json, notes.txt."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    (d / ".hidden").mkdir()
    Submission.valid().write(d / "good.json")
    Submission.valid().write(d / "sub" / "good2.json")
    Submission.valid().add("applications", "granted", "natural_person", 1).write(d / "bad.json")
    warn = Submission.valid()
    warn.doc["bogus"] = 1  # RC001, a warning only
    warn.write(d / "warn.json")
    (d / ".hidden" / "x.json").write_text("{broken", encoding="utf-8")
    (d / "notes.py").write_text("print()", encoding="utf-8")
    return d


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", "--no-config", *args])
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------------- exit codes


def test_exit_0_when_clean(reports: Path) -> None:
    code, out, _ = _run("reports/good.json")
    assert code == 0
    assert out.strip().splitlines()[-1] == "0 个错误，0 个警告，0 个提示，共 1 个文件"


def test_exit_1_with_errors(reports: Path) -> None:
    assert _run("reports/bad.json")[0] == 1
    assert _run("reports/good.json", "reports/bad.json")[0] == 1


def test_warnings_fail_only_with_fail_on_warning(reports: Path) -> None:
    assert _run("reports/warn.json")[0] == 0
    assert _run("reports/warn.json", "--fail-on", "warning")[0] == 1
    assert _run("reports/warn.json", "--fail-on", "info")[0] == 1


def test_exit_2_when_a_file_cannot_be_checked(reports: Path) -> None:
    code, _, err = _run("reports/good.json", "reports/missing.json", "-f", "json")
    assert code == 2
    assert "missing.json" in err
    assert _run("reports/.hidden/x.json")[0] == 2  # not JSON
    assert _run("reports/notes.py")[0] == 2  # not a report
    assert _run("reports/bad.json", "reports/missing.json")[0] == 2  # 2 wins over 1


def test_exit_2_for_bad_options(reports: Path) -> None:
    assert _run("reports/good.json", "--format", "yaml")[0] == 2
    assert _run("reports/good.json", "--fail-on", "never")[0] == 2
    assert _run("no-such-dir/*.json")[0] == 2  # a glob that matches nothing


def test_exit_zero(reports: Path) -> None:
    assert _run("reports/bad.json", "--exit-zero")[0] == 0
    assert _run("reports/warn.json", "--fail-on", "info", "--exit-zero")[0] == 0
    # like ruff: still 2 when the run itself could not be done
    assert _run("reports/bad.json", "reports/missing.json", "--exit-zero")[0] == 2


def test_exit_codes_through_the_console_script(reports: Path) -> None:
    """The real entry point, in a subprocess (no CliRunner in between)."""
    cmd = [sys.executable, "-c", "from reportcheck.cli import main; main()", "validate"]
    run = [*cmd, "--no-config"]
    assert subprocess.run([*run, "reports/good.json"], capture_output=True).returncode == 0
    assert subprocess.run([*run, "reports/bad.json"], capture_output=True).returncode == 1
    assert subprocess.run([*run, "reports/missing.json"], capture_output=True).returncode == 2
    done = subprocess.run([*run, "--exit-zero", "reports/bad.json"], capture_output=True)
    assert done.returncode == 0


# ---------------------------------------------------------------------- many files


def test_directories_are_walked_skipping_hidden_and_other_files(reports: Path) -> None:
    code, out, _ = _run("reports", "-f", "json")
    listed = json.loads(out)["files"]
    files = [f["file"] for f in listed if f["status"] != "unsupported"]
    unsupported = [Path(f["file"]).as_posix() for f in listed if f["status"] == "unsupported"]
    assert unsupported == ["reports/notes.py"]  # listed with the reason, never dropped
    assert sorted(Path(f).as_posix() for f in files) == [
        "reports/bad.json",
        "reports/good.json",
        "reports/sub/good2.json",
        "reports/warn.json",
    ]
    assert code == 1


def test_globs_and_duplicates(reports: Path) -> None:
    code, out, _ = _run(
        "reports/*.json", "reports/good.json", "reports/**/good*.json", "-f", "json"
    )
    files = [Path(f["file"]).as_posix() for f in json.loads(out)["files"]]
    assert sorted(files) == sorted(set(files))  # each file once
    assert set(files) == {
        "reports/bad.json",
        "reports/good.json",
        "reports/warn.json",
        "reports/sub/good2.json",
    }
    assert code == 1


def test_one_summary_line_for_the_run(reports: Path) -> None:
    code, out, _ = _run("reports", "--lang", "en")
    assert code == 1
    last = "1 error, 1 warning, 0 info, 1 not checked (unsupported format) in 5 files"
    assert out.strip().splitlines()[-1] == last  # notes.py is listed, not dropped
    code, out, err = _run("reports", "-f", "sarif", "--lang", "en")
    assert code == 1
    json.loads(out)  # stdout holds only the document
    assert err.strip().splitlines() == [  # notes.py: listed on stderr too, in one line
        "reportcheck: reports/notes.py: not a report file format (supported: .xlsx, .json, "
        ".html, .htm, .txt, .md, .markdown, .docx, .csv, .pdf, .xls, .et, .ods, .doc, .wps, .odt)",
        "1 error, 1 warning, 0 info, 1 not checked (unsupported format) in 5 files",
    ]


# ---------------------------------------------------------------------- formats and --output


@pytest.mark.parametrize("fmt", ["terminal", "json", "sarif", "junit", "github", "markdown"])
def test_every_format_to_a_file(reports: Path, fmt: str) -> None:
    target = reports.parent / "out" / f"report.{fmt}"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    code, out, _ = _run("reports", "-f", fmt, "-o", str(target), "--lang", "en")
    assert code == 1
    text = target.read_text(encoding="utf-8")
    assert text != "old" and "RC300" in text
    assert "\x1b[" not in text  # no colour codes in files
    assert (
        out.strip() == "1 error, 1 warning, 0 info, 1 not checked (unsupported format) in 5 files"
    )
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp files
    if fmt in ("json", "sarif"):
        json.loads(text)


def test_output_file_permissions_are_ordinary(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    output.write_atomic(target, "a")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_output_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.sarif"
    target.write_text("old", encoding="utf-8")

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        output.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.sarif"]


def test_output_to_an_unwritable_place_exits_2(reports: Path) -> None:
    code, _, err = _run("reports/good.json", "-f", "json", "-o", "no/such/dir/x.json")
    assert code == 2
    assert "no/such/dir/x.json" in err


def test_auto_is_github_under_github_actions(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert output.resolve_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert output.resolve_format("auto", {}) == "terminal"
    assert output.resolve_format("sarif", {"GITHUB_ACTIONS": "true"}) == "sarif"
    _, out, _ = _run("reports/bad.json", "-f", "auto")
    assert "::error" not in out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = _run("reports/bad.json", "-f", "auto")
    assert out.startswith("::error file=reports/bad.json,")


def test_github_step_summary_is_appended(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = reports.parent / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _, _ = _run("reports", "-f", "github", "--lang", "en")
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n")
    assert (
        "## reportcheck: 1 error, 1 warning, 0 info, 1 not checked (unsupported format) in 5 files"
        in text
    )
    assert "`RC300`" in text
    # other formats leave it alone
    _run("reports", "-f", "json")
    assert summary.read_text(encoding="utf-8") == text


# ---------------------------------------------------------------------- other commands


def test_schema_command() -> None:
    from reportcheck.model.submission import json_schema

    for version in ("2019", "2021"):
        result = runner.invoke(app, ["schema", "--format-version", version])
        assert result.exit_code == 0
        assert json.loads(result.stdout) == json_schema(version)
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == json_schema("2021")
    assert runner.invoke(app, ["schema", "--format-version", "2020"]).exit_code == 2


def test_schema_command_matches_the_checked_in_files() -> None:
    root = Path(__file__).resolve().parents[1] / "schemas"
    for version in ("2019", "2021"):
        result = runner.invoke(app, ["schema", "--format-version", version])
        expected = (root / f"submission-{version}.schema.json").read_text(encoding="utf-8")
        assert result.stdout == expected


def test_walk_skips_project_files_but_named_files_are_checked(reports: Path) -> None:
    from reportcheck.cli import expand_paths

    (reports / "README.md").write_text("# Reports\n", encoding="utf-8")
    (reports / "package.json").write_text("{}", encoding="utf-8")
    found = [Path(p).as_posix() for p in expand_paths(["reports"])]
    assert "reports/README.md" not in found and "reports/package.json" not in found
    assert "reports/good.json" in found
    assert expand_paths(["reports/README.md"]) == ["reports/README.md"]
    assert _run("reports")[0] == 1  # README.md does not make the run exit 2
    assert _run("reports/README.md")[0] == 2


def test_walk_from_outside_and_from_hidden_directories(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportcheck.cli import expand_paths

    monkeypatch.chdir(reports / "sub")
    assert sorted(Path(p).name for p in expand_paths([".."])) == [
        "bad.json",
        "good.json",
        "good2.json",
        "warn.json",
    ]
    monkeypatch.chdir(reports / ".hidden")  # a walk below a hidden directory still finds files
    assert expand_paths(["."]) == ["x.json"]
