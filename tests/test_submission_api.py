"""The generated pydantic models (``reportcheck.model.submission``, public API) accept every
valid example: the JSON files in examples/ as they are, and every valid example of any kind
converted to JSON by the writer that ``reportcheck convert`` uses."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from conftest import EXAMPLES
from reportcheck import api
from reportcheck.findings import Severity
from reportcheck.model import submission
from reportcheck.writers.json_ import dumps

_INPUT_SUFFIXES = {".xlsx", ".json", ".txt", ".md", ".html", ".docx", ".csv"}


def _top_level_examples() -> list[Path]:
    return sorted(
        p for p in EXAMPLES.iterdir() if p.suffix in _INPUT_SUFFIXES and p.name != "README.md"
    )


def _is_valid(result: api.FileResult) -> bool:
    return result.error is None and not any(
        f.severity.rank >= Severity.WARNING.rank for f in result.findings
    )


def _load(text: str) -> object:
    return json.loads(text, parse_float=Decimal)


def test_the_public_names_are_exported() -> None:
    assert set(submission.__all__) >= {"submission_model", "json_schema"}
    for version in ("2019", "2021"):
        assert issubclass(submission.submission_model(version), BaseModel)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_json_example_validates_against_its_model(path: Path) -> None:
    result = api.validate_path(path)
    assert result.report is not None and result.report.format_version
    model = submission.submission_model(result.report.format_version)
    doc = model.model_validate(_load(path.read_text("utf-8")))
    assert doc.model_dump(by_alias=True, exclude_unset=True)["format_version"] == (
        result.report.format_version
    )


_RESULTS = {p: api.validate_path(p) for p in _top_level_examples()}
_VALID = [p for p, r in _RESULTS.items() if _is_valid(r)]


@pytest.mark.parametrize("path", _VALID, ids=lambda p: p.name)
def test_every_valid_example_converted_to_json_validates(path: Path) -> None:
    report = _RESULTS[path].report
    assert report is not None and report.format_version
    submission.submission_model(report.format_version).model_validate(_load(dumps(report)))


def test_the_valid_examples_cover_both_versions_and_several_kinds() -> None:
    versions = {r.report.format_version for p, r in _RESULTS.items() if p in _VALID and r.report}
    assert versions == {"2019", "2021"}
    assert {p.suffix for p in _VALID} >= {".xlsx", ".json", ".txt"}


def test_an_example_with_a_missing_table_is_refused_by_the_model_too() -> None:
    missing = [p for p, r in _RESULTS.items() if "RC101" in {f.code for f in r.findings}]
    assert missing, "examples/ has published-style reports with a table missing"
    for path in missing:
        report = _RESULTS[path].report
        assert report is not None and report.format_version
        model = submission.submission_model(report.format_version)
        with pytest.raises(ValidationError, match="Field required"):
            model.model_validate(_load(dumps(report)))


def test_the_model_rejects_what_the_examples_must_not_contain() -> None:
    """Not a model that accepts anything: a misspelt row in a valid example is refused."""
    path = EXAMPLES / "2021-valid.json"
    doc = _load(path.read_text("utf-8"))
    assert isinstance(doc, dict)
    doc["applications"]["new_recieved"] = doc["applications"].pop("new_received")
    with pytest.raises(ValidationError):
        submission.submission_model("2021").model_validate(doc)
