"""The pydantic models are real classes (``reportcheck.model.submission_models``, generated
from model/tables.py and checked in), a submission built in Python is checked as its JSON
file is (``api.check_submission``), and the JSON reader and ``Submission*.model_validate``
agree: on every JSON example and test document, and on documents hypothesis makes from a
valid one (the same values where both accept; a document one rejects the other rejects)."""

from __future__ import annotations

import ast
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from conftest import EXAMPLES
from factories import Submission
from reportcheck import api
from reportcheck.errors import InputError
from reportcheck.findings import Finding
from reportcheck.model import submission, submission_models
from reportcheck.model.report import Report
from reportcheck.model.submission import (
    ApplicationsRow,
    ReviewLitigation,
    Submission2019,
    Submission2021,
)
from reportcheck.model.tables import FORMATS, TABLE_IDS
from reportcheck.readers.json_ import LEVELS, read_document

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src" / "reportcheck" / "model" / "submission_models.py"

SCHEMA_CODES = {"RC001", "RC002", "RC101", "RC102", "RC103", "RC202", "RC203"}
"""Codes of the defects the models describe: an unknown key, a value of the wrong type, a
missing table, row or column, a negative or fractional count. The rest (arithmetic, text in
a cell, placeholders…) are about values the models accept as the report's own."""


# ---------------------------------------------------------------------- real classes


def test_the_models_are_classes_in_a_checked_in_module() -> None:
    tree = ast.parse(MODELS.read_text(encoding="utf-8"))
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    assert {"Submission2019", "Submission2021", "ApplicationsRow", "ReviewLitigation"} <= classes
    assert "create_model" not in MODELS.read_text(encoding="utf-8")
    assert submission.submission_model("2021") is Submission2021
    assert submission.submission_model("2019") is Submission2019
    assert set(submission_models.__all__) <= set(submission.__all__)
    assert Submission2021.model_fields["review_litigation"].annotation is ReviewLitigation


def test_the_checked_in_models_are_fresh() -> None:
    assert MODELS.read_text(encoding="utf-8") == submission.models_source(), (
        "src/reportcheck/model/submission_models.py is stale: run "
        "python -m reportcheck.model.submission"
    )


def test_the_generator_makes_the_same_schemas_from_fresh_text() -> None:
    fresh = submission.load_models(submission.models_source())
    for version in FORMATS:
        assert submission.schema_text(version, fresh) == submission.schema_text(version)


def test_no_source_builds_models_at_run_time() -> None:
    src = ROOT / "src" / "reportcheck"
    assert not [p for p in src.rglob("*.py") if "create_model(" in p.read_text("utf-8")]


# ---------------------------------------------------------------------- check_submission


def _key(f: Finding) -> tuple[object, ...]:
    loc = f.location.address if f.location else None
    return (f.code, f.severity, loc, f.message, f.message_en, f.actual, f.expected, f.waived)


def _json_documents() -> list[Path]:
    """Every JSON submission of examples/ and tests/data (not the expected outputs or the
    SARIF schema kept there)."""
    found = [*EXAMPLES.rglob("*.json"), *(ROOT / "tests" / "data").rglob("*.json")]
    out = []
    for path in sorted(found):
        try:
            doc = json.loads(path.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            continue
        if isinstance(doc, dict) and any(k in doc for k in TABLE_IDS):
            out.append(path)
    return out


def _load(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"), parse_float=Decimal)


@pytest.mark.parametrize("path", _json_documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_json_document_gets_the_same_findings_through_its_model(path: Path) -> None:
    """Where the model accepts a document, checking the instance gives the findings of the
    file, message for message (without the line, which an instance has not)."""
    doc = _load(path)
    result = api.validate_path(path)
    assert result.error is None and result.report is not None and result.report.format_version
    model = submission.submission_model(result.report.format_version)
    try:
        instance = model.model_validate(doc)
    except ValidationError:
        assert _rejected(doc, result.findings), f"the model refuses {path.name}, the reader not"
        return
    assert not _rejected(doc, result.findings), f"the reader refuses {path.name}, the model not"
    found = api.check_submission(instance, source=str(path))
    # the same findings; in another order only where the file's lines decided it
    assert sorted(map(_key, found)) == sorted(map(_key, result.findings))


def test_the_json_documents_are_many() -> None:
    assert len(_json_documents()) >= 6


def _build(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """An instance made with the classes' constructors, nested models first (as a user
    writes it in Python), not with model_validate."""
    kwargs: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            continue
        value = data[key]
        sub = field.annotation
        if isinstance(sub, type) and issubclass(sub, BaseModel) and isinstance(value, dict):
            value = _build(sub, value)
        kwargs[name] = value
    return model(**kwargs)


def test_a_submission_built_in_python_is_checked() -> None:
    doc = Submission.valid("2021").set("applications", "granted", "research", 7).doc
    doc.pop("$schema", None)
    instance = _build(Submission2021, doc)
    assert isinstance(instance, Submission2021)
    assert isinstance(instance.applications.granted, ApplicationsRow)
    from_python = api.check_submission(instance)
    from_json = api.check(api.read_bytes("<submission>", _json(doc).encode()))
    assert sorted(map(_key, from_python)) == sorted(map(_key, from_json))
    assert {"RC300", "RC301", "RC302"} & {f.code for f in from_python}
    assert all(f.file == "<submission>" for f in from_python)


def test_a_changed_instance_is_checked_as_changed() -> None:
    instance = Submission2021.model_validate(_load(EXAMPLES / "2021-valid.json"))
    assert api.check_submission(instance) == []
    instance.applications.granted.natural_person = "x"
    assert {f.code for f in api.check_submission(instance)} == {"RC201"}


def test_check_submission_refuses_what_is_not_a_model() -> None:
    with pytest.raises(TypeError, match="Submission2021"):
        api.check_submission({"format_version": "2021"})  # type: ignore[arg-type]


# ---------------------------------------------------------------------- reader ≡ model

VERSIONS = tuple(FORMATS)

_CELL_VALUES = st.one_of(
    st.integers(-3, 10**7),
    st.integers(10**15, 10**30),
    st.decimals(min_value=-5, max_value=10**5, places=2, allow_nan=False),
    st.sampled_from(["/", "—", "无", "", " ", "12", "1.5", "-3", "abc", "2500元", "25.6万元"]),
    st.text(max_size=6),
    st.none(),
    st.booleans(),
    st.lists(st.integers(0, 3), max_size=2),
    st.just({"n": 1}),
)
_META_VALUES = {
    "agency": st.one_of(st.text(max_size=8), st.integers(0, 3), st.none()),
    "year": st.one_of(st.integers(1990, 2110), st.just("2024"), st.booleans(), st.none()),
    "published": st.one_of(
        st.sampled_from(["2025-01-20", "2025-13-45", "2025-1-2", "", "20250120"]),
        st.integers(20250101, 20250131),
        st.none(),
    ),
    "level": st.one_of(st.sampled_from([*LEVELS, "county", ""]), st.integers(0, 2), st.none()),
    "title": st.one_of(st.text(max_size=8), st.none(), st.integers(0, 2)),
}
_WAIVER = st.fixed_dictionaries(
    {
        "code": st.sampled_from(["RC207", "rc301", "RC2071", "X1", 5]),
        "reason": st.sampled_from(["理由", " ", "", "because", 3]),
    },
    optional={"location": st.sampled_from(["/applications/total/total", None, 3])},
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid submission of either version with a few changes of the kinds a person or a
    program gets wrong: a cell's value, a key removed or misspelt, the metadata, the
    waivers, the format version."""
    version = draw(st.sampled_from(VERSIONS))
    doc: dict[str, Any] = Submission.valid(version).doc
    fmt = FORMATS[version]
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(
            st.sampled_from(
                ["cell", "cell", "cell", "remove", "extra", "meta", "waiver", "version"]
            )
        )
        table = fmt.table(draw(st.sampled_from(TABLE_IDS)))
        row = draw(st.sampled_from(table.rows))
        col = draw(st.sampled_from(row.columns))
        if kind == "cell" and isinstance(doc.get(table.id), dict):
            r = doc[table.id].get(row.id)
            if isinstance(r, dict):
                r[col.id] = draw(_CELL_VALUES)
        elif kind == "remove":
            where = draw(st.sampled_from(["table", "row", "cell"]))
            parent: Any = doc
            path = [table.id, row.id, col.id][: ["table", "row", "cell"].index(where) + 1]
            for key in path[:-1]:
                parent = parent.get(key) if isinstance(parent, dict) else None
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
        elif kind == "extra":
            target = draw(st.sampled_from(["top", "table", "row"]))
            key = draw(st.sampled_from(["extra", "new_recieved", "natrual_person", "备注"]))
            if target == "top":
                doc[key] = 1
            elif isinstance(doc.get(table.id), dict):
                if target == "table":
                    doc[table.id][key] = {}
                elif isinstance(doc[table.id].get(row.id), dict):
                    doc[table.id][row.id][key] = 1
        elif kind == "meta":
            meta = doc.setdefault("report", {})
            if draw(st.booleans()) and isinstance(meta, dict):
                name = draw(st.sampled_from(sorted(_META_VALUES)))
                meta[name] = draw(_META_VALUES[name])
            else:
                doc["report"] = draw(st.sampled_from([None, [], "x", {"unknown": 1}]))
        elif kind == "waiver":
            doc["waivers"] = draw(
                st.one_of(st.lists(_WAIVER, max_size=2), st.sampled_from([None, {}, "x"]))
            )
        else:
            doc["format_version"] = draw(st.sampled_from(["2019", "2021", "2020", 2021, None]))
    return doc


def _cells(report: Report) -> dict[tuple[str, str, str], tuple[object, ...]]:
    return {
        (tid, row, col): (cell.value, cell.state, cell.raw)
        for tid, data in report.tables.items()
        for (row, col), cell in data.cells.items()
    }


def _at(doc: Any, pointer: str) -> Any:
    """The value at a JSON pointer (None where there is none)."""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


def _rejected(doc: Any, findings: list[Finding]) -> list[str]:
    """The findings that say the document breaks its format: the codes of SCHEMA_CODES, and
    RC201 (not a number) for a cell that is a boolean, an array or an object. A negative or
    fractional number written as text ("-3", "1.5") is the report's own text to the model,
    checked by the rules like any text; a number of 20 digits is a number to the format,
    which the rules then refuse to add up: neither breaks the format."""
    out = []
    for f in findings:
        value = _at(doc, f.location.address) if f.location is not None else None
        if f.code in ("RC202", "RC203") and isinstance(value, str):
            continue
        if f.code in SCHEMA_CODES or (f.code == "RC201" and isinstance(value, bool | list | dict)):
            out.append(f.code)
    return sorted(out)


def _reader_rejects(doc: Any, text: str) -> tuple[list[str], Report | None, list[Finding]]:
    try:
        report = api.read_bytes("doc.json", text.encode())
    except InputError as exc:
        return [str(exc)], None, []
    findings = api.check(report)
    return _rejected(doc, findings), report, findings


def _metadata(report: Report) -> tuple[object, ...]:
    md = report.metadata
    return (md.agency, md.year, md.published, md.level, md.title, tuple(report.waivers))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_reader_and_the_models_agree(doc: dict[str, Any]) -> None:
    text = _json(doc)
    rejected, report, findings = _reader_rejects(json.loads(text), text)
    version = report.format_version if report is not None else None
    model = submission.submission_model(version or "2021")
    try:
        instance = model.model_validate(json.loads(text, parse_float=Decimal))
    except ValidationError as exc:
        assert rejected, f"the model refuses what the reader accepts: {exc}"
        return
    assert not rejected, f"the reader reports {rejected}, the model accepts the document"
    assert report is not None
    again = read_document("doc.json", instance.model_dump(by_alias=True, exclude_unset=True))
    assert _cells(again) == _cells(report)  # the same values, cell for cell
    assert _metadata(again) == _metadata(report)
    # the same findings; in another order where the file's lines decided it
    assert sorted(map(_key, api.check_submission(instance, source="doc.json"))) == sorted(
        map(_key, findings)
    )


_DECIMAL = "\u27e6D\u27e7"
"""Marks a Decimal's digits in the text until they are unquoted (written as a number)."""


def _json(doc: dict[str, Any]) -> str:
    """The document as JSON text, its Decimals written as numbers."""
    text = json.dumps(_marked(doc), ensure_ascii=False)
    return text.replace(f'"{_DECIMAL}', "").replace(f'{_DECIMAL}"', "")


def _marked(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{_DECIMAL}{value}{_DECIMAL}"
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_marked(v) for v in value]
    return value
