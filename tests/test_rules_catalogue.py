"""The rule catalogue: ``reportcheck rules [CODE]`` and the generated docs/rules.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import docs
from reportcheck.cli import app
from reportcheck.rules.registry import all_rules

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
CODES = [r.code for r in all_rules()]


def test_docs_rules_md_is_fresh() -> None:
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.is_file() else ""
    assert current == docs.rules_markdown(), (
        "docs/rules.md is stale: regenerate it with `python -m reportcheck.docs` "
        "(run from the repository root) and commit it"
    )


def test_docs_check_mode(tmp_path: Path) -> None:
    path = tmp_path / "rules.md"
    assert docs.main(["--check", str(path)]) == 1
    assert docs.main([str(path)]) == 0
    assert docs.main(["--check", str(path)]) == 0
    assert all(f"### {code} " in path.read_text(encoding="utf-8") for code in CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_rule_documents_a_passing_and_a_failing_example(code: str) -> None:
    doc = next(r for r in all_rules() if r.code == code).doc
    assert doc.strip(), f"{code} has no docstring"
    assert re.search(r"^Passes\b", doc, re.M), f"{code}: the docstring needs a 'Passes:' example"
    assert re.search(r"^Fails\b", doc, re.M), f"{code}: the docstring needs a 'Fails:' example"


def test_rules_lists_every_code_with_severity_and_summary() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith("  RC")]
    assert [parts[0] for parts in lines] == CODES
    for parts, r in zip(lines, all_rules(), strict=True):
        assert parts[1] == r.severity.value
        assert parts[2] == r.name
    assert all_rules()[0].summary in result.stdout
    english = runner.invoke(app, ["rules", "--lang", "en"]).stdout
    assert all(r.summary_en in english for r in all_rules())


def test_rules_json() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == CODES
    assert {"code", "name", "severity", "summary", "doc"} <= set(data[0])


@pytest.mark.parametrize("code", CODES)
def test_rules_code_explains_it(code: str) -> None:
    result = runner.invoke(app, ["rules", code.lower()])
    assert result.exit_code == 0
    rule = next(r for r in all_rules() if r.code == code)
    assert result.stdout.startswith(f"{code} {rule.name}\n")
    assert rule.severity.value in result.stdout
    assert "Passes" in result.stdout and "Fails" in result.stdout


def test_unknown_code_exits_2() -> None:
    result = runner.invoke(app, ["rules", "RC999"])
    assert result.exit_code == 2
    assert "RC999" in result.stderr
