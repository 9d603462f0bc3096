"""Every code's passing and failing cases, as the catalogue declares them, really run.

A case (:class:`reportcheck.findings.catalogue.entry.Case`) is a patch on a file of the
repository (usually ``examples/2021-valid.json`` or ``examples/2021-valid.txt``), with the
keys (code, table, row, column) of every finding the patched input gives. This one test
builds each input, validates it with the library, and compares. docs/rules.md shows the
same cases, so the documentation cannot promise what the rules do not do.

Also checked here: every code has at least one failing and one passing case, the zh and
en templates of every message and hint use the same parameters, and emitting with a
parameter missing or unknown fails loudly.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalogue_cases import ROOT, run_case
from reportcheck import api
from reportcheck.findings.catalogue import TemplateError, Tr, all_codes, emit, entries, get
from reportcheck.findings.catalogue.entry import Case, placeholders
from reportcheck.findings.catalogue.pages import page


def _cases() -> Iterator[Any]:
    for e in entries():
        for i, case in enumerate(page(e.code).cases):
            kind = "fails" if case.fails(e.code) else "passes"
            # a .doc is read through LibreOffice: a slow case
            slow = (pytest.mark.slow,) if case.base.endswith((".doc", ".wps")) else ()
            yield pytest.param(e.code, case, id=f"{e.code}-{i}-{kind}", marks=slow)


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_case(code: str, case: Case, tmp_path: Path) -> None:
    if case.base.endswith((".doc", ".wps")) and shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (soffice) to convert the .doc")
    got = run_case(case, tmp_path)
    assert Counter(got) == Counter(case.expect), (
        f"{code}: {case.title.en}\n  expected {sorted(case.expect, key=str)}\n"
        f"  got      {sorted(got, key=str)}"
    )


@pytest.mark.parametrize("code", all_codes())
def test_every_code_has_a_failing_and_a_passing_case(code: str) -> None:
    cases = page(code).cases
    assert any(c.fails(code) for c in cases), f"{code} has no failing case"
    assert any(not c.fails(code) for c in cases), f"{code} has no passing case"


@pytest.mark.parametrize("code", all_codes())
def test_zh_and_en_templates_use_the_same_parameters(code: str) -> None:
    e = get(code)
    for kind, table in (("message", e.messages), ("hint", e.hints)):
        for variant, t in table.items():
            assert placeholders(t.zh) == placeholders(t.en), f"{code} {kind} {variant}"


def test_emit_renders_both_languages() -> None:
    f = emit(
        "RC201",
        {"cell": Tr("表三 甲", "Table 3 A"), "raw": "三十一", "expected": Tr("整数", "a number")},
        table="applications",
    )
    assert (f.code, f.severity, f.table) == ("RC201", get("RC201").severity, "applications")
    assert f.message == "表三 甲 写的是「三十一」，应为整数"
    assert f.message_en == "Table 3 A says “三十一”, which is not a number"


def test_emit_fails_loudly_on_a_missing_or_unknown_parameter() -> None:
    with pytest.raises(TemplateError, match=r"missing parameter.*raw"):
        emit("RC201", {"cell": "x", "expected": "y"})
    with pytest.raises(TemplateError, match=r"unknown parameter.*cells"):
        emit("RC201", {"cell": "x", "raw": "1", "expected": "y", "cells": 2})
    with pytest.raises(TemplateError, match="no message variant"):
        emit("RC201", {}, variant="nope")
    with pytest.raises(TemplateError, match="unknown code"):
        emit("RC999")


def test_the_example_inputs_are_clean() -> None:
    """The bases the cases patch give no finding at all, so each case's findings are the
    patch's doing."""
    for base in {c.base for code in all_codes() for c in page(code).cases}:
        if "invalid" in base:
            continue
        result = api.validate_path(ROOT / base)
        assert result.findings == [], base
