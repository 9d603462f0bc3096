"""The hand-written parts of the JSON submission models: the cell types, the report's
metadata and a waiver.

The table, row and submission models built on them are generated from
:mod:`reportcheck.model.tables` into :mod:`reportcheck.model.submission_models` by
``python -m reportcheck.model.submission``. This module imports pydantic; nothing on the
validation path imports it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictStr,
    WithJsonSchema,
)
from typing_extensions import TypeAliasType

from reportcheck.model.tables import ValueKind

__all__ = [
    "CELL_TYPES",
    "FORBID",
    "Amount",
    "Count",
    "Metadata",
    "Money",
    "SignedCount",
    "Waiver",
    "optional",
    "version_text",
]

_STRING_NOTE = (
    'null = 空白单元格；字符串保留报告原文（如 "/"、"—"、"无"），由规则检查：'
    "占位符按 0 计（RC207），总计为空或占位符报 RC204，其他文字报 RC201。"
    ' null = a blank cell; a string keeps the report\'s own text ("/", "—", "无") and is '
    "checked by the rules: a placeholder reads as 0 (RC207), a blank or placeholder total is "
    "RC204, any other text is RC201."
)


def _schema(number: dict[str, Any], description: str) -> WithJsonSchema:
    """A cell's JSON Schema: a number, a string (the report's own text) or null (blank)."""
    return WithJsonSchema(
        {
            "anyOf": [number, {"type": "string"}, {"type": "null"}],
            "description": f"{description} {_STRING_NOTE}",
        }
    )


def _whole(value: Decimal) -> Decimal:
    if value != value.to_integral_value():
        raise ValueError("not a whole number")
    return value


_NonNegativeInt = Annotated[int, Strict(), Field(ge=0)]
_NonNegativeDecimal = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
_Whole = Annotated[Decimal, Strict(), Field(allow_inf_nan=False), AfterValidator(_whole)]
"""A whole number written with decimals (``3.0``): an integer to JSON Schema and to the
reader, kept as written."""
_NonNegativeWhole = Annotated[_Whole, Field(ge=0)]

Count = TypeAliasType(
    "Count",
    Annotated[
        _NonNegativeInt | _NonNegativeWhole | StrictStr | None,
        _schema(
            {"type": "integer", "minimum": 0},
            "件数：不小于 0 的整数（RC202 负数、RC203 非整数）。A count: a whole number ≥ 0 "
            "(RC202 negative, RC203 not whole).",
        ),
    ],
)
"""A count: a whole number ≥ 0 (an int, or a Decimal such as ``3.0``), the report's own
text, or None (a blank cell)."""

SignedCount = TypeAliasType(
    "SignedCount",
    Annotated[
        Annotated[int, Strict()] | _Whole | StrictStr | None,
        _schema(
            {"type": "integer"},
            "增减数：整数，可为负数（2019 版 本年增/减）。A change: a whole number that may be "
            "negative (the 2019 本年增/减).",
        ),
    ],
)
"""A change: a whole number that may be negative, text, or None."""

Amount = TypeAliasType(
    "Amount",
    Annotated[
        _NonNegativeInt | _NonNegativeDecimal | StrictStr | None,
        _schema(
            {"type": "number", "minimum": 0},
            '金额（万元）：不小于 0 的数，可有小数；写 "2500元" 之类的字符串会被提示单位可能有误'
            "（RC206）。An amount in 10,000 yuan: a number ≥ 0, decimals allowed; a string such as "
            '"2500元" is read with its unit and flagged as a likely unit mistake (RC206).',
        ),
    ],
)
"""An amount in 万元: a number ≥ 0 (int or Decimal), text, or None."""

Money = TypeAliasType(
    "Money",
    Annotated[
        _NonNegativeInt | _NonNegativeDecimal | StrictStr | None,
        _schema(
            {"type": "number", "minimum": 0},
            '金额（2019 版 采购总金额）：不小于 0 的数，或报告原文连同单位写成字符串，如 "251000元"、'
            '"25.6万元"。Money (the 2019 采购总金额): a number ≥ 0, or the report\'s text with its '
            'unit as a string, such as "251000元" or "25.6万元".',
        ),
    ],
)
"""Money (the 2019 采购总金额): a number ≥ 0, or the text with its unit, or None."""

CELL_TYPES: dict[ValueKind, Any] = {
    ValueKind.COUNT: Count,
    ValueKind.SIGNED_COUNT: SignedCount,
    ValueKind.AMOUNT: Amount,
    ValueKind.MONEY: Money,
}
"""The JSON type of a cell, by the kind of value its column holds."""

FORBID = ConfigDict(extra="forbid")
"""Every model of the submission refuses a key it does not declare."""


def _iso_date(value: str) -> str:
    date.fromisoformat(value)  # raises ValueError → a validation error
    return value


def version_text(version: str) -> BeforeValidator:
    """Read ``format_version`` as the JSON reader does: null as absent (the model's own
    version), a number as its digits (``2021`` is ``"2021"``); the schema still asks for
    the string."""

    def read(value: object) -> object:
        if value is None:
            return version
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return str(value)
        return value

    return BeforeValidator(read)


def optional(schema: dict[str, Any]) -> None:
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
        title="发布机关", description="publishing agency", default=None, json_schema_extra=optional
    )
    year: Annotated[int, Strict(), Field(ge=2000, le=2100)] | None = Field(
        title="报告年度",
        description="report year; decides the format version when neither format_version "
        "nor the keys do, and whether a 2019-format report is outdated (RC104)",
        default=None,
        json_schema_extra=optional,
    )
    published: Annotated[str, AfterValidator(_iso_date), Field(json_schema_extra=_DATE)] | None = (
        Field(
            title="发布日期",
            description="publication date, YYYY-MM-DD",
            default=None,
            json_schema_extra=optional,
        )
    )
    level: Literal["department", "government", "township"] | None = Field(
        title="机关层级",
        description="department (a department of a government at county level or above), "
        "government (the government itself) or township; sets the publication deadline",
        default=None,
        json_schema_extra=optional,
    )
    title: str | None = Field(
        title="报告标题",
        description="the report's title",
        default=None,
        json_schema_extra=optional,
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
        json_schema_extra=optional,
    )
