"""Pydantic models and JSON Schemas of the JSON submission format, generated from the tables.

The models are built with :func:`pydantic.create_model` from the declarations in
:mod:`reportcheck.model.tables`, so that file stays the one source of truth: every row and
column field carries its official Chinese label as ``title``, its English name as
``description`` and the accepted label variants (and its group, block or header band) as
``x-…`` annotations in the schema. docs/json-format.md describes the format in words.

This module imports pydantic; nothing on the validation path imports it (readers, rules
and the API read JSON leniently by hand so that a bad document still gives findings, and
so that ``reportcheck validate`` starts fast). Use it for the schema, for editors, or to
build a submission in Python::

    from reportcheck.model.submission import json_schema, submission_model

    Model = submission_model("2021")
    doc = Model.model_validate(data)  # raises on anything the schema forbids

Regenerate the checked-in schemas (and the generated tables of docs/json-format.md)::

    python -m reportcheck.model.submission           # write
    python -m reportcheck.model.submission --check   # exit 1 if anything is stale
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictStr,
    WithJsonSchema,
    create_model,
)
from typing_extensions import TypeAliasType

from reportcheck.model.tables import (
    FORMATS,
    TABLE_IDS,
    ColumnDef,
    RowDef,
    TableDef,
    ValueKind,
    formats_cache,
    versions,
)

__all__ = ["JSON_SCHEMA_DIALECT", "json_schema", "schema_name", "schema_text", "submission_model"]
"""The public API (README, "As a library"); the rest serves the generator."""

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_STRING_NOTE = (
    'null = 空白单元格；字符串保留报告原文（如 "/"、"—"、"无"），由规则检查：'
    "占位符按 0 计（RC207），总计为空或占位符报 RC204，其他文字报 RC201。"
    ' null = a blank cell; a string keeps the report\'s own text ("/", "—", "无") and is '
    "checked by the rules: a placeholder reads as 0 (RC207), a blank or placeholder total is "
    "RC204, any other text is RC201."
)


def _cell_type(name: str, number: dict[str, Any], python: Any, description: str) -> Any:
    """A named cell type: a number, a string (the report's own text) or null (blank)."""
    schema = {
        "anyOf": [number, {"type": "string"}, {"type": "null"}],
        "description": f"{description} {_STRING_NOTE}",
    }
    return TypeAliasType(name, Annotated[python | StrictStr | None, WithJsonSchema(schema)])


_NonNegativeInt = Annotated[int, Strict(), Field(ge=0)]
_NonNegativeDecimal = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]

Count = _cell_type(
    "Count",
    {"type": "integer", "minimum": 0},
    _NonNegativeInt,
    "件数：不小于 0 的整数（RC202 负数、RC203 非整数）。A count: a whole number ≥ 0 "
    "(RC202 negative, RC203 not whole).",
)
SignedCount = _cell_type(
    "SignedCount",
    {"type": "integer"},
    Annotated[int, Strict()],
    "增减数：整数，可为负数（2019 版 本年增/减）。A change: a whole number that may be "
    "negative (the 2019 本年增/减).",
)
Amount = _cell_type(
    "Amount",
    {"type": "number", "minimum": 0},
    _NonNegativeInt | _NonNegativeDecimal,
    '金额（万元）：不小于 0 的数，可有小数；写 "2500元" 之类的字符串会被提示单位可能有误'
    "（RC206）。An amount in 10,000 yuan: a number ≥ 0, decimals allowed; a string such as "
    '"2500元" is read with its unit and flagged as a likely unit mistake (RC206).',
)
Money = _cell_type(
    "Money",
    {"type": "number", "minimum": 0},
    _NonNegativeInt | _NonNegativeDecimal,
    '金额（2019 版 采购总金额）：不小于 0 的数，或报告原文连同单位写成字符串，如 "251000元"、'
    '"25.6万元"。Money (the 2019 采购总金额): a number ≥ 0, or the report\'s text with its '
    'unit as a string, such as "251000元" or "25.6万元".',
)

CELL_TYPES: dict[ValueKind, Any] = {
    ValueKind.COUNT: Count,
    ValueKind.SIGNED_COUNT: SignedCount,
    ValueKind.AMOUNT: Amount,
    ValueKind.MONEY: Money,
}
"""The JSON type of a cell, by the kind of value its column holds."""

_FORBID = ConfigDict(extra="forbid")


def _iso_date(value: str) -> str:
    date.fromisoformat(value)  # raises ValueError → a validation error
    return value


def _optional(schema: dict[str, Any]) -> None:
    """Document an optional key as "may be omitted" rather than "may be null".

    The reader treats null like an absent key, and so do the models; the schema shows the
    plain type so that editors suggest the real value.
    """
    branches = schema.get("anyOf")
    if branches is not None:
        kept = [b for b in branches if b != {"type": "null"}]
        if len(kept) == 1:
            del schema["anyOf"]
            schema.update(kept[0])
    if schema.get("default", ...) is None:
        del schema["default"]


_DATE: dict[str, Any] = {"format": "date"}


class Metadata(BaseModel):
    """报告信息 / What the report says about itself (every key optional)."""

    model_config = ConfigDict(extra="forbid", title="Metadata")

    agency: str | None = Field(
        title="发布机关", description="publishing agency", default=None, json_schema_extra=_optional
    )
    year: Annotated[int, Strict(), Field(ge=2000, le=2100)] | None = Field(
        title="报告年度",
        description="report year; decides the format version when neither format_version "
        "nor the keys do, and whether a 2019-format report is outdated (RC104)",
        default=None,
        json_schema_extra=_optional,
    )
    published: Annotated[str, AfterValidator(_iso_date), Field(json_schema_extra=_DATE)] | None = (
        Field(
            title="发布日期",
            description="publication date, YYYY-MM-DD",
            default=None,
            json_schema_extra=_optional,
        )
    )
    level: Literal["department", "government", "township"] | None = Field(
        title="机关层级",
        description="department (a department of a government at county level or above), "
        "government (the government itself) or township; sets the publication deadline",
        default=None,
        json_schema_extra=_optional,
    )
    title: str | None = Field(
        title="报告标题",
        description="the report's title",
        default=None,
        json_schema_extra=_optional,
    )


class Waiver(BaseModel):
    """豁免 / A finding the submitter asks to waive, with the reason."""

    model_config = ConfigDict(extra="forbid", title="Waiver")

    code: Annotated[str, Field(pattern=r"^[Rr][Cc]\d{3}$")] = Field(
        title="规则代码", description="rule code, e.g. RC207"
    )
    reason: Annotated[str, Field(pattern=r"\S")] = Field(
        title="理由", description="why the finding does not apply (must not be empty)"
    )
    location: str | None = Field(
        title="位置",
        description="only waive the finding at this address (a JSON pointer such as "
        "/applications/total/total); all findings of the code when absent",
        default=None,
        json_schema_extra=_optional,
    )


# ---------------------------------------------------------------------- generated models


def _camel(text: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[_\W]+", text) if part)


def _extra(**items: object) -> dict[str, Any]:
    """``x-…`` schema annotations, leaving out empty ones."""
    out: dict[str, Any] = {}
    for key, value in items.items():
        if value in (None, (), [], False):
            continue
        out[f"x-{key}"] = list(value) if isinstance(value, tuple) else value
    return out


def _column_field(c: ColumnDef) -> tuple[Any, Any]:
    return (
        CELL_TYPES[c.kind],
        Field(
            title=c.label,
            description=c.en,
            json_schema_extra=_extra(band=c.band, variants=c.variants),
        ),
    )


def _row_field(r: RowDef, model: type[BaseModel]) -> tuple[Any, Any]:
    return (
        model,
        Field(
            title=r.label,
            description=r.en,
            json_schema_extra=_extra(
                group=r.group, block=r.block, result=r.result, variants=r.variants
            ),
        ),
    )


def _shared(table_id: str) -> bool:
    """Whether the table is declared identically in every version."""
    first, *rest = (FORMATS[v].table(table_id) for v in versions())
    return all(t == first for t in rest)


@cache
def _row_model(table: TableDef, columns: tuple[ColumnDef, ...]) -> type[BaseModel]:
    same_columns = all(r.columns == columns for r in table.rows)
    name = _camel(table.id) + "Row"
    if not same_columns:
        name += "".join(_camel(c.id) for c in columns)
    labels = " · ".join(c.label for c in columns)
    fields: dict[str, Any] = {c.id: _column_field(c) for c in columns}
    model: type[BaseModel] = create_model(
        name,
        __config__=_FORBID,
        __doc__=f"{table.short} 一行的单元格：{labels}. The cells of one {table.short} row.",
        **fields,
    )
    return model


def _table_model(table: TableDef, version: str) -> type[BaseModel]:
    """The model of a table; one model serves every version that declares it identically."""
    return _build_table_model(table, None if _shared(table.id) else version)


@cache
def _build_table_model(table: TableDef, version: str | None) -> type[BaseModel]:
    fields: dict[str, Any] = {r.id: _row_field(r, _row_model(table, r.columns)) for r in table.rows}
    if version is None:
        doc = f"{table.short} {table.title}（两个版本相同）. {table.en} (same in every version)."
    else:
        doc = f"{table.short} {table.title}（{version} 版）. {table.en}."
    name = _camel(table.id) + (version or "")
    model: type[BaseModel] = create_model(name, __config__=_FORBID, __doc__=doc, **fields)
    return model


@formats_cache
def submission_model(version: str) -> type[BaseModel]:
    """The pydantic model of a whole JSON submission in one format version."""
    fmt = FORMATS[version]
    tables: dict[str, Any] = {}
    for table_id in TABLE_IDS:
        t = fmt.table(table_id)
        tables[table_id] = (
            _table_model(t, version),
            Field(
                title=f"{t.short} {t.title}",
                description=t.en,
                json_schema_extra=_extra(note=t.note),
            ),
        )
    # A Literal of a value known only at run time: built outside a type expression (mypy
    # rejects a variable inside Literal[...] in a type expression).
    version_literal: Any = Literal.__getitem__(version)
    model: type[BaseModel] = create_model(
        f"Submission{version}",
        __config__=_FORBID,
        __doc__=(
            f"政府信息公开工作年度报告提交文件（{version} 版格式：{fmt.document}）。"
            f"A JSON submission of the annual report tables, format version {version}. "
            "See docs/json-format.md."
        ),
        schema_uri=(
            str | None,
            Field(
                alias="$schema",
                title="$schema",
                description="the JSON Schema of this document (for editors; not checked)",
                default=None,
                json_schema_extra=_optional,
            ),
        ),
        format_version=(
            version_literal,
            Field(
                version,
                title="格式版本",
                description="format version; when absent it is detected from the keys, "
                "then from report.year",
            ),
        ),
        report=(
            Metadata | None,
            Field(
                title="报告信息",
                description="report metadata",
                default=None,
                json_schema_extra=_optional,
            ),
        ),
        **tables,
        waivers=(
            list[Waiver],
            Field(
                default_factory=list,
                title="豁免",
                description="findings the submitter asks to waive, each with a reason",
            ),
        ),
    )
    return model


def json_schema(version: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a JSON submission in one format version."""
    schema = submission_model(version).model_json_schema(by_alias=True)
    schema["$schema"] = JSON_SCHEMA_DIALECT
    schema["title"] = f"政府信息公开工作年度报告 JSON 提交文件（{version} 版格式）"
    return schema


def schema_text(version: str) -> str:
    """The checked-in form of the schema: sorted keys, indented, UTF-8, trailing newline."""
    return json.dumps(json_schema(version), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_name(version: str) -> str:
    """File name of a version's schema in ``schemas/``."""
    return f"submission-{version}.schema.json"


# ---------------------------------------------------------------------- docs/json-format.md

DOC_BEGIN = "<!-- BEGIN GENERATED TABLES (python -m reportcheck.model.submission) -->"
DOC_END = "<!-- END GENERATED TABLES -->"
EXAMPLE_BEGIN = "<!-- BEGIN GENERATED EXAMPLE (python -m reportcheck.model.submission) -->"
EXAMPLE_END = "<!-- END GENERATED EXAMPLE -->"
EXAMPLE = "examples/json-format-example-2021.json"
"""The complete example that docs/json-format.md shows (relative to the repository)."""

_KIND_DOC = {
    ValueKind.COUNT: "count",
    ValueKind.SIGNED_COUNT: "signed count",
    ValueKind.AMOUNT: "amount (万元)",
    ValueKind.MONEY: "money",
}


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def tables_markdown() -> str:
    """Markdown tables of every row id ↔ label and column id ↔ label.

    The latest version comes first and in full; an older version shows only what differs
    when its columns are the same.
    """
    out: list[str] = []
    order = tuple(reversed(versions()))
    for table_id in TABLE_IDS:
        latest = FORMATS[order[0]].table(table_id)
        which = "both versions" if _shared(table_id) else f"{order[0]} format"
        out += [f"### `{table_id}` — {latest.short} {latest.title} ({which})", ""]
        out += _rows_markdown(latest.rows)
        out += _columns_markdown(latest)
        for version in order[1:]:
            older = FORMATS[version].table(table_id)
            if older == latest:
                continue
            if older.columns != latest.columns:
                out += [f"### `{table_id}` — {older.short} {older.title} ({version} format)", ""]
                out += _rows_markdown(older.rows)
                out += _columns_markdown(older)
                continue
            ids = {r.id for r in latest.rows}
            only = [r for r in older.rows if r.id not in ids]
            dropped = [r.id for r in latest.rows if not older.has_row(r.id)]
            out += [
                f"In the {version} format {latest.short} has the same columns; instead of "
                + ", ".join(f"`{r}`" for r in dropped)
                + " it has:",
                "",
                *_rows_markdown(tuple(only)),
            ]
    return "\n".join(out).rstrip() + "\n"


def _rows_markdown(rows: tuple[RowDef, ...]) -> list[str]:
    """Rows with their block or group; their columns only where rows differ (表二)."""
    extra = [name for name in ("block", "group") if any(getattr(r, name) for r in rows)]
    if len({r.columns for r in rows}) > 1:
        extra.append("columns")
    out = [
        "| row id | official label | English |" + "".join(f" {x} |" for x in extra),
        "|---|---|---|" + "---|" * len(extra),
    ]
    for r in rows:
        cells = [f"`{r.id}`", _md(r.label), _md(r.en)]
        for name in extra:
            if name == "columns":
                cells.append(" ".join(f"`{c.id}`" for c in r.columns))
            else:
                cells.append(_md(getattr(r, name) or ""))
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _columns_markdown(t: TableDef) -> list[str]:
    out = ["| column id | official label | English | value |", "|---|---|---|---|"]
    for c in t.columns:
        label = f"{c.band}·{c.label}" if c.band else c.label
        out.append(f"| `{c.id}` | {_md(label)} | {_md(c.en)} | {_KIND_DOC[c.kind]} |")
    return [*out, ""]


def render_doc(text: str, example: str | None = None) -> str:
    """docs/json-format.md with its generated parts replaced: the tables and the example."""
    text = _splice(text, DOC_BEGIN, DOC_END, "\n" + tables_markdown())
    if example is not None:
        text = _splice(text, EXAMPLE_BEGIN, EXAMPLE_END, f"```json\n{example.rstrip()}\n```")
    return text


def _splice(text: str, begin: str, end: str, body: str) -> str:
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        raise ValueError(f"the markers {begin!r} … {end!r} are missing")
    return f"{text[: start + len(begin)]}\n{body}\n{text[stop:]}"


# ---------------------------------------------------------------------- command line

REPO = Path(__file__).resolve().parents[3]


def generated_files(root: Path = REPO) -> dict[Path, str]:
    """Every file this module generates, with its fresh content."""
    out = {root / "schemas" / schema_name(v): schema_text(v) for v in versions()}
    doc, example = root / "docs" / "json-format.md", root / EXAMPLE
    if doc.exists():
        shown = example.read_text(encoding="utf-8") if example.exists() else None
        out[doc] = render_doc(doc.read_text(encoding="utf-8"), shown)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the schemas and the generated doc tables."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m reportcheck.model.submission",
        description="Regenerate schemas/submission-<version>.schema.json and the tables "
        "of docs/json-format.md from reportcheck.model.tables.",
    )
    parser.add_argument("--root", type=Path, default=REPO, help="repository root")
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in generated_files(args.root).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale += 1
        if args.check:
            print(f"stale: {path}", file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
