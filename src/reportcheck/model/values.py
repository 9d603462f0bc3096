"""Reading a cell's text as a number, the way real reports write numbers.

Shared by every reader so that ``３１``, ``1,234``, ``31件``, ``/`` and ``—`` mean the same
thing whether they come from Excel, JSON, HTML or text.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportcheck.model.report import Cell, CellState, Location
from reportcheck.model.tables import ValueKind

PLACEHOLDERS = frozenset(
    {"/", "-", "—", "——", "–", "－", "─", "无", "\\", "—-", "--", "不适用", "N/A", "n/a", "×"}
)
_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<unit>件|个|条|项|次|元|万元)?$"
)


def parse_cell(
    raw: object,
    kind: ValueKind = ValueKind.COUNT,
    location: Location | None = None,
    formula: str | None = None,
) -> Cell:
    """Read one cell value (text or a number from a typed source) into a :class:`Cell`.

    Never raises. ``raw`` may be None, str, int, float, Decimal or anything a JSON
    document holds; what is not a number becomes a TEXT cell that keeps its text.
    A money value written in 元 where the column is in 万元 is converted and its unit
    kept, so rules can say so.
    """
    if raw is None:
        return Cell(None, "", CellState.BLANK, location, formula=formula)
    if isinstance(raw, bool):
        return Cell(None, str(raw).lower(), CellState.TEXT, location, formula=formula)
    if isinstance(raw, int):
        return Cell(raw, str(raw), CellState.NUMBER, location, formula=formula)
    if isinstance(raw, float | Decimal) and not Decimal(raw).is_finite():  # NaN, Infinity
        return Cell(None, str(raw), CellState.TEXT, location, formula=formula)
    if isinstance(raw, float):
        dec = Decimal(repr(raw))
        return _number(dec, repr(raw), kind, location, None, formula)
    if isinstance(raw, Decimal):
        return _number(raw, str(raw), kind, location, None, formula)
    if not isinstance(raw, str):
        return Cell(None, _short(raw), CellState.TEXT, location, formula=formula)
    return parse_text(raw, kind, location, formula)


def parse_text(
    raw: str,
    kind: ValueKind = ValueKind.COUNT,
    location: Location | None = None,
    formula: str | None = None,
) -> Cell:
    """Read a cell's text (see :func:`parse_cell`)."""
    s = unicodedata.normalize("NFKC", raw).strip()
    s = s.replace(" ", "").replace("\u3000", "").replace("，", ",")
    s = s.replace("\u2212", "-")  # the minus sign Word's autoformat writes for a hyphen
    if not s:
        return Cell(None, raw, CellState.BLANK, location, formula=formula)
    if s in PLACEHOLDERS:
        return Cell(None, raw, CellState.PLACEHOLDER, location, formula=formula)
    m = _NUMBER.match(s)
    if m is None:
        return Cell(None, raw, CellState.TEXT, location, formula=formula)
    digits = m["int"].replace(",", "")
    text = f"{m['sign']}{digits}" + (f".{m['frac']}" if m["frac"] else "")
    try:
        dec = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return Cell(None, raw, CellState.TEXT, location, formula=formula)
    return _number(dec, raw, kind, location, m["unit"], formula)


def _number(
    dec: Decimal,
    raw: str,
    kind: ValueKind,
    location: Location | None,
    unit: str | None,
    formula: str | None,
) -> Cell:
    if kind in (ValueKind.AMOUNT, ValueKind.MONEY):
        return Cell(dec, raw, CellState.NUMBER, location, unit, formula)
    if dec == dec.to_integral_value():
        return Cell(int(dec), raw, CellState.NUMBER, location, unit, formula)
    # A fraction in a count: keep the exact value; the value rules report it.
    return Cell(dec, raw, CellState.NUMBER, location, unit, formula)


def _short(value: object) -> str:
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
