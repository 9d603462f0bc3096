"""The rule catalogue for people: ``reportcheck rules [CODE]`` and the generated docs/rules.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import docs
from reportcheck.cli import app
from reportcheck.findings.catalogue.pages import page
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
def test_every_code_has_a_page(code: str) -> None:
    p = page(code)
    for text in (p.what, p.why, p.fix):
        assert text.zh.strip() and text.en.strip(), code
    assert p.cases, f"{code} has no cases (tests/test_catalogue_cases.py runs them)"


def test_rules_lists_every_code_with_severity_and_summary_in_chinese() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith("  RC")]
    assert [parts[0] for parts in lines] == CODES
    for parts, r in zip(lines, all_rules(), strict=True):
        assert (
            parts[1]
            == r.severity.word("zh")
            == {"error": "错误", "warning": "警告", "info": "提示"}[r.severity.value]
        )
        assert parts[2] == r.name
    assert all(r.summary in result.stdout for r in all_rules())
    english = runner.invoke(app, ["rules", "--lang", "en"]).stdout
    lines = [line.split() for line in english.splitlines() if line.startswith("  RC")]
    assert [parts[1] for parts in lines] == [r.severity.value for r in all_rules()]
    assert all(r.summary_en in english for r in all_rules())


def test_rules_json() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == CODES
    assert {"code", "name", "severity", "summary", "doc", "page", "messages", "cases"} <= set(
        data[0]
    )
    assert data[0]["messages"]["default"]["zh"]


@pytest.mark.parametrize("code", CODES)
def test_rules_code_explains_it_in_chinese_by_default(code: str) -> None:
    result = runner.invoke(app, ["rules", code.lower()])
    assert result.exit_code == 0
    rule = next(r for r in all_rules() if r.code == code)
    assert result.stdout.startswith(f"{code} {rule.name}\n")
    assert f"级别: {rule.severity.word('zh')}" in result.stdout
    for heading in ("检查什么", "为什么重要", "如何修改", "示例", "不通过", "通过"):
        assert heading in result.stdout
    assert page(code).what.zh in result.stdout
    english = runner.invoke(app, ["rules", code, "--lang", "en"]).stdout
    assert f"severity: {rule.severity.value}" in english
    assert page(code).fix.en in english and "Fails" in english and "Passes" in english


def test_unknown_code_exits_2() -> None:
    result = runner.invoke(app, ["rules", "RC999"])
    assert result.exit_code == 2
    assert "RC999" in result.stderr
