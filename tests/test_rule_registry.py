"""The rule registry (rules/registry.py): every code with a check function is found through
it, arithmetic included, and ``--select`` of any code runs exactly that code.

A made-up arithmetic rule, RC399, is added in a fixture the way a maintainer would add a real
one (a relation, a catalogue entry and page, a code bound in the registry): it runs, it is
selectable alone and it is documented.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import api, docs
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.findings import Severity, catalogue
from reportcheck.findings.catalogue import arithmetic as arithmetic_entries
from reportcheck.findings.catalogue.entry import Case, Entry, Page, Tr
from reportcheck.findings.catalogue.pages import _family
from reportcheck.model.relations import Relation, relation_codes, relations_for
from reportcheck.model.tables import versions
from reportcheck.rules import arithmetic, registry

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "examples" / "2021-valid.json"

MADE_UP = Relation(
    "made_up:carried",
    "RC399",
    (("applications", "carried_forward", "total"),),
    (("applications", "carried_over", "total"),),
    ("applications", "carried_forward", "total"),
    "四、结转下年度继续办理 = 二、上年结转（虚构的规则）",
    "carried forward = carried over (a made-up rule)",
)
"""Fails on examples/2021-valid.json (4 carried forward, 2 carried over)."""

ENTRY = Entry(
    "RC399",
    "made-up-carried",
    Severity.ERROR,
    Tr("虚构：结转下年度 = 上年结转", "made up: carried forward = carried over"),
    {"default": arithmetic_entries._TOTAL},
    arithmetic_entries.ENGINE,
)
PAGE = Page(
    Tr("虚构的规则，只用于测试。", "A made-up rule, for the tests only."),
    Tr("它证明一个新的计算规则只需登记一次。", "It shows a new arithmetic rule is added once."),
    Tr("无需修改。", "Nothing to fix."),
    (
        Case(
            Tr("示例", "the example"),
            expect=(("RC399", "applications", "carried_forward", "total"),),
        ),
    ),
)


@pytest.fixture
def made_up_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """RC399 declared as a real arithmetic rule is: a relation, a catalogue entry with its
    page, and its code bound to the arithmetic engine in the registry."""
    registry.load_all()
    monkeypatch.setitem(catalogue._ENTRIES, "RC399", ENTRY)
    monkeypatch.setitem(_family("RC3"), "RC399", PAGE)
    relations_of = arithmetic.relations_of
    monkeypatch.setattr(arithmetic, "relations_of", lambda r: (*relations_of(r), MADE_UP))
    monkeypatch.setattr(registry, "RULES", dict(registry.RULES))
    registry.rule("RC399")(arithmetic.check_arithmetic)
    yield


def _codes(settings: Settings | None = None) -> set[str]:
    report = api.read_bytes(str(VALID), VALID.read_bytes())
    return {f.code for f in api.check(report, settings)}


def test_every_relation_code_is_bound_to_the_arithmetic_engine() -> None:
    codes = {r.code for v in versions() for r in relations_for(v)}
    assert codes == set(relation_codes()) and codes >= {"RC301", "RC302", "RC303", "RC304"}
    for code in ("RC300", *codes):
        assert registry.get_rule(code).check is arithmetic.check_arithmetic


def test_a_function_bound_to_several_codes_runs_once() -> None:
    runs = registry.checks(Settings().enabled)
    assert len(runs) == len(set(runs))
    assert runs.count(arithmetic.check_arithmetic) == 1
    only = registry.checks(Settings(select=["RC304"]).enabled)
    assert only == [arithmetic.check_arithmetic]


@pytest.mark.parametrize("code", ["RC301", "RC302", "RC303", "RC304"])
def test_each_arithmetic_code_alone_runs_exactly_that_code(code: str) -> None:
    doc = json.loads(VALID.read_text(encoding="utf-8"))
    doc["applications"]["new_received"]["natural_person"] += 1  # RC301, RC303 fail
    doc["applications"]["granted"]["natural_person"] += 1  # RC301, RC302 fail
    doc["review_litigation"]["review"]["upheld"] += 1  # RC304 fails
    report = api.read_bytes("x.json", json.dumps(doc).encode())
    everything = {f.code for f in api.check(report)}
    assert code in everything or "RC300" in everything
    found = {f.code for f in api.check(report, Settings(select=[code]))}
    assert found == {code}


def test_rc300_alone_names_the_culprit_of_a_full_run() -> None:
    """``--select RC300`` found nothing before: the engine evaluated only the selected
    relations' codes, so no relation failed for a culprit to explain."""
    path = ROOT / "examples" / "invalid" / "RC300-culprit.xlsx"
    report = api.read_bytes(str(path), path.read_bytes())
    full = [f for f in api.check(report) if f.code == "RC300"]
    assert full
    assert api.check(report, Settings(select=["RC300"])) == full
    result = CliRunner().invoke(app, ["validate", "--no-config", str(path), "--select", "RC300"])
    assert result.exit_code == 1 and "RC300" in result.output


def test_a_made_up_arithmetic_rule_runs(made_up_rule: None) -> None:
    assert "RC399" in _codes()
    report = api.read_bytes(str(VALID), VALID.read_bytes())
    (f,) = [f for f in api.check(report) if f.code == "RC399"]
    assert (f.table, f.row, f.column) == ("applications", "carried_forward", "total")
    assert f.actual == "4" and f.expected == "2"


def test_a_made_up_arithmetic_rule_is_selectable_alone(made_up_rule: None) -> None:
    assert _codes(Settings(select=["RC399"])) == {"RC399"}
    assert "RC399" not in _codes(Settings(ignore=["RC399"]))
    result = CliRunner().invoke(app, ["validate", str(VALID), "--select", "RC399", "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "RC399" in result.output
    assert not any(f"RC{n}" in result.output for n in (300, 301, 302, 303, 304, 207))


def test_a_made_up_arithmetic_rule_is_documented(made_up_rule: None) -> None:
    text = docs.rules_markdown()
    assert "### RC399 made-up-carried" in text
    assert "A made-up rule, for the tests only." in text
    assert "RC399" in "\n".join(docs.catalogue_lines("en"))
    assert registry.get_rule("RC399").summary_en == "made up: carried forward = carried over"


def test_without_the_fixture_there_is_no_rc399() -> None:
    assert "RC399" not in registry.RULES and catalogue.find("RC399") is None
    assert "RC399" not in _codes()
