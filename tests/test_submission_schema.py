"""The pydantic submission models and the JSON Schemas in schemas/ (generated from tables.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from conftest import EXAMPLES, ROOT
from factories import Submission, dumps
from reportcheck import api
from reportcheck.findings import Severity
from reportcheck.model import submission
from reportcheck.model.tables import FORMATS, VERSIONS

REGENERATE = "python -m reportcheck.model.submission"
VERSION_LIST = list(VERSIONS)


def _validator(version: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / submission.schema_name(version)).read_text("utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _schema_errors(version: str, text: str) -> list[str]:
    doc = json.loads(text)  # what any JSON tool sees (floats, not Decimal)
    return [e.message for e in _validator(version).iter_errors(doc)]


# ---------------------------------------------------------------------- freshness


@pytest.mark.parametrize("version", VERSION_LIST)
def test_checked_in_schema_is_fresh(version: str) -> None:
    path = ROOT / "schemas" / submission.schema_name(version)
    assert path.exists(), f"{path} is missing: run `{REGENERATE}`"
    assert path.read_text(encoding="utf-8") == submission.schema_text(version), (
        f"{path.name} is stale: regenerate it with `{REGENERATE}`"
    )


@pytest.mark.parametrize("version", VERSION_LIST)
def test_schema_is_a_valid_draft_2020_12_schema(version: str) -> None:
    schema = submission.json_schema(version)
    assert schema["$schema"] == submission.JSON_SCHEMA_DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_text_is_sorted_indented_utf8_with_trailing_newline() -> None:
    text = submission.schema_text("2021")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "表三" in text  # ensure_ascii=False
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_main_writes_and_checks(tmp_path: Path) -> None:
    assert submission.main(["--root", str(tmp_path), "--check"]) == 1  # nothing there yet
    assert submission.main(["--root", str(tmp_path)]) == 0
    for v in VERSIONS:
        written = (tmp_path / "schemas" / submission.schema_name(v)).read_text("utf-8")
        assert written == submission.schema_text(v)
    assert submission.main(["--root", str(tmp_path), "--check"]) == 0


def test_module_entry_point_check_passes_on_the_repository() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportcheck.model.submission", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------------- the models follow tables.py


def _props(schema: dict[str, Any], ref_holder: dict[str, Any]) -> dict[str, Any]:
    name = ref_holder["$ref"].rsplit("/", 1)[-1]
    props: dict[str, Any] = schema["$defs"][name]["properties"]
    return props


@pytest.mark.parametrize("version", VERSION_LIST)
def test_every_row_and_column_carries_its_label_english_and_variants(version: str) -> None:
    schema = submission.json_schema(version)
    for tdef in FORMATS[version].tables:
        table_field = schema["properties"][tdef.id]
        assert table_field["title"] == f"{tdef.short} {tdef.title}"
        rows = _props(schema, table_field)
        assert list(rows) == [r.id for r in tdef.rows]  # official order in the model
        for r in tdef.rows:
            field = rows[r.id]
            assert (field["title"], field["description"]) == (r.label, r.en)
            assert field.get("x-variants", []) == list(r.variants)
            assert field.get("x-group") == r.group
            assert field.get("x-block") == r.block
            columns = _props(schema, field)
            assert list(columns) == [c.id for c in r.columns]
            for c in r.columns:
                col = columns[c.id]
                assert (col["title"], col["description"]) == (c.label, c.en)
                assert col["$ref"] == f"#/$defs/{submission.CELL_TYPES[c.kind].__name__}"
                assert col.get("x-variants", []) == list(c.variants)
                assert col.get("x-band") == c.band


def test_versions_differ_where_the_format_does() -> None:
    m19, m21 = submission.submission_model("2019"), submission.submission_model("2021")
    apps19 = m19.model_fields["applications"].annotation
    apps21 = m21.model_fields["applications"].annotation
    assert isinstance(apps19, type) and isinstance(apps21, type)
    assert "other" in apps19.model_fields and "other_3" not in apps19.model_fields
    assert "other_3" in apps21.model_fields and "other" not in apps21.model_fields
    # 表四 is the same in both versions: one shared model
    assert m19.model_fields["review_litigation"].annotation is (
        m21.model_fields["review_litigation"].annotation
    )


def test_extra_keys_are_forbidden_everywhere() -> None:
    schema = submission.json_schema("2021")
    objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
    assert objects and all(o.get("additionalProperties") is False for o in objects)


def test_cell_types_document_the_rules() -> None:
    defs = submission.json_schema("2019")["$defs"]
    assert {"Count", "SignedCount", "Money"} <= set(defs)
    for name in ("Count", "SignedCount", "Money"):
        assert "RC201" in defs[name]["description"]
        assert {"type": "null"} in defs[name]["anyOf"]
        assert {"type": "string"} in defs[name]["anyOf"]
    assert {"type": "integer", "minimum": 0} in defs["Count"]["anyOf"]
    assert {"type": "integer"} in defs["SignedCount"]["anyOf"]


# ---------------------------------------------------------------------- documents against the schema


def _json_examples() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.json"))


def test_there_is_a_json_example() -> None:
    assert (EXAMPLES / "json-format-example-2021.json").exists()


# Codes whose defect the schema itself describes; the others (arithmetic, text in a cell,
# placeholders, an outdated version…) are about values the schema allows.
SCHEMA_CODES = {"RC001", "RC002", "RC101", "RC102", "RC103", "RC202", "RC203"}


@pytest.mark.parametrize("path", _json_examples(), ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_json_examples_and_their_schema_agree(path: Path) -> None:
    """Every valid JSON example validates; an invalid one is rejected exactly when its
    defect is one the schema describes."""
    result = api.validate_path(path)
    assert result.error is None and result.report is not None
    errors = _schema_errors(result.report.format_version or "2021", path.read_text("utf-8"))
    codes = {f.code for f in result.findings if f.severity.rank >= Severity.WARNING.rank}
    if codes & SCHEMA_CODES:
        assert errors, f"{path.name}: reportcheck reports {sorted(codes)}, the schema accepts it"
    else:
        assert errors == []


@pytest.mark.parametrize("version", VERSION_LIST)
def test_factory_submissions_validate(version: str) -> None:
    for sub in (Submission.valid(version), Submission.zeros(version)):
        assert _schema_errors(version, sub.text()) == []
    minimal = Submission.valid(version, declare_version=False)
    del minimal.doc["report"]
    assert _schema_errors(version, minimal.text()) == []


def test_placeholders_blanks_and_report_text_are_valid_json_values() -> None:
    sub = Submission.valid("2019")
    sub.set("applications", "granted", "research", "/")
    sub.set("applications", "granted", "social_welfare", None)
    sub.set("applications", "partial", "other", "—")
    sub.set("proactive_disclosure", "administrative_licensing", "change", -3)
    sub.set("proactive_disclosure", "government_procurement", "total_amount", "25.6万元")
    assert _schema_errors("2019", sub.text()) == []


# Documents the schema rejects; the lenient reader must report each (warning or error).
_BROKEN: dict[str, tuple[str, ...]] = {
    "unknown top-level key": ("put", '"x"', "extra"),
    "misspelt row": ("put", "{}", "applications", "new_recieved"),
    "misspelt column": ("put", "1", "applications", "granted", "natrual_person"),
    "missing table": ("remove", "review_litigation"),
    "missing row": ("remove", "applications", "partial"),
    "missing cell": ("remove", "applications", "partial", "commercial"),
    "negative count": ("set", "-1", "applications", "granted", "research"),
    "boolean cell": ("set", "true", "review_litigation", "review", "pending"),
    "object cell": ("set", '{"n": 1}', "applications", "granted", "research"),
    "row as array": ("put", "[1, 2, 3]", "applications", "granted"),
    "negative amount": ("set", "-1.5", "proactive_disclosure", "administrative_fees", "amount"),
    "year as string": ("put", '"2024"', "report", "year"),
    "unknown level": ("put", '"county"', "report", "level"),
    "bad date": ("put", '"2025-13-45"', "report", "published"),
    "unknown format": ("put", '"2020"', "format_version"),
    "waiver without reason": ("put", '[{"code": "RC207", "reason": " "}]', "waivers"),
}


@pytest.mark.parametrize("case", list(_BROKEN), ids=list(_BROKEN))
def test_schema_and_reader_agree_on_broken_documents(case: str) -> None:
    action, value, *path = _BROKEN[case]
    sub = Submission.valid("2021")
    if action == "remove":
        sub.remove(value, *path)
    elif action == "set":
        sub.set(*path, json.loads(value, parse_float=Decimal))
    else:
        sub.put(json.loads(value, parse_float=Decimal), *path)
    assert _schema_errors("2021", sub.text()), f"the schema accepts: {case}"
    serious = [f for f in sub.findings() if f.severity.rank >= Severity.WARNING.rank]
    assert serious, f"the reader and rules accept: {case}"
    with pytest.raises(ValidationError):
        submission.submission_model("2021").model_validate(sub.doc)


# ---------------------------------------------------------------------- round trips


def _roundtrip(model: type[BaseModel], doc: dict[str, Any]) -> dict[str, Any]:
    dumped: dict[str, Any] = model.model_validate(doc).model_dump(by_alias=True, exclude_unset=True)
    return dumped


@pytest.mark.parametrize("version", VERSION_LIST)
def test_model_round_trips_a_valid_submission(version: str) -> None:
    sub = Submission.valid(version)
    sub.set("applications", "granted", "research", "/").blank("applications", "partial", "other")
    sub.put([{"code": "RC207", "reason": "空白即 0"}], "waivers")
    sub.put("2025-01-20", "report", "published")
    model = submission.submission_model(version)
    assert _roundtrip(model, sub.doc) == sub.doc
    # …also through JSON text, exactly (decimals stay Decimal)
    again = Submission.from_text(sub.text()).doc
    assert _roundtrip(model, again) == sub.doc


def test_model_round_trips_the_documented_example() -> None:
    path = EXAMPLES / "json-format-example-2021.json"
    doc = json.loads(path.read_text("utf-8"), parse_float=Decimal)
    out = _roundtrip(submission.submission_model("2021"), doc)
    assert out == doc
    assert dumps(out) == dumps(doc)


def test_amounts_stay_exact_decimals() -> None:
    sub = Submission.valid("2021").set(
        "proactive_disclosure", "administrative_fees", "amount", Decimal("0.10")
    )
    doc = Submission.from_text(sub.text()).doc
    model = submission.submission_model("2021").model_validate(doc)
    amount = model.model_dump()["proactive_disclosure"]["administrative_fees"]["amount"]
    assert amount == Decimal("0.10") and isinstance(amount, Decimal)


# ---------------------------------------------------------------------- lazy import


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_validation_never_imports_pydantic(tmp_path: Path, kind: str) -> None:
    """Reading, checking and rendering must not pay for pydantic (startup is benchmarked).

    This covers reportcheck's own code. (typer itself, from 0.2x, imports pydantic when it
    builds the command's parameters; that is outside this test.)
    """
    sub = Submission.valid("2021").set("applications", "granted", "research", 1)
    path = sub.write(tmp_path)
    if kind == "xlsx":
        from reportcheck.writers.xlsx import write_workbook

        path = tmp_path / "submission.xlsx"
        write_workbook(path, "2021", sub.report())
    code = f"""
import pkgutil, importlib, sys
import reportcheck.readers as readers
from reportcheck import api
from reportcheck.render import json_, terminal
for m in pkgutil.iter_modules(readers.__path__):
    importlib.import_module("reportcheck.readers." + m.name)
r = api.validate_path({str(path)!r})
assert r.error is None and r.findings, "the document should have findings"
json_.render([r]); terminal.render([r], terminal.make_console())
print(sorted(m for m in sys.modules if m.split(".")[0] == "pydantic"), file=sys.stderr)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "RC300" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_no_module_on_the_validation_path_imports_submission() -> None:
    src = ROOT / "src" / "reportcheck"
    imports = re.compile(r"^\s*(?:from reportcheck\.model(?:\.submission| import submission)\b)",
                         re.M)  # fmt: skip
    importers = [
        p.relative_to(src).as_posix()
        for p in src.rglob("*.py")
        if p.name != "submission.py" and imports.search(p.read_text("utf-8"))
    ]
    # only the `schema` command, inside its function
    assert importers in ([], ["cli.py"])
    if importers:
        cli_text = (src / "cli.py").read_text("utf-8")
        assert "\nfrom reportcheck.model.submission" not in cli_text  # not at module level


# ---------------------------------------------------------------------- docs/json-format.md


def test_json_format_doc_is_fresh() -> None:
    path = ROOT / "docs" / "json-format.md"
    text = path.read_text(encoding="utf-8")
    example = (ROOT / submission.EXAMPLE).read_text(encoding="utf-8")
    assert text == submission.render_doc(text, example), (
        f"the generated tables or the example in {path.name} are stale: run `{REGENERATE}`"
    )


def test_json_format_doc_names_every_id_and_label() -> None:
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    for fmt in FORMATS.values():
        for tdef in fmt.tables:
            for r in tdef.rows:
                assert f"`{r.id}`" in text and r.label in text
                for c in r.columns:
                    assert f"`{c.id}`" in text and c.label in text


def test_json_format_doc_snippets_are_json_of_the_format() -> None:
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    blocks = text.split("```json\n")[1:]
    assert len(blocks) >= 3
    whole = json.loads(blocks[-1].split("```")[0], parse_float=Decimal)
    assert whole == json.loads((ROOT / submission.EXAMPLE).read_text("utf-8"), parse_float=Decimal)
    waivers = json.loads("{" + blocks[1].split("```")[0] + "}")["waivers"]
    for w in waivers:
        submission.Waiver.model_validate(w)


def test_the_documented_example_is_clean() -> None:
    result = api.validate_path(ROOT / submission.EXAMPLE)
    assert result.error is None
    assert [(f.code, bool(f.waived)) for f in result.findings] == [("RC207", True)]
