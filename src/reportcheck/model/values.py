"""Reading a cell's text as a number, the way real reports write numbers.

Shared by every reader so that ``３１``, ``1,234``, ``31件``, ``/`` and ``—`` mean the same
thing whether they come from Excel, JSON, HTML or text.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportcheck.model.labels import without_invisible
from reportcheck.model.report import Cell, CellState, Location
from reportcheck.model.tables import ValueKind

PLACEHOLDERS = frozenset(
    {"/", "-", "—", "——", "–", "－", "─", "无", "\\", "—-", "--", "不适用", "N/A", "n/a", "×"}
)
MAX_DIGITS = 15
"""Digits before the decimal point of a value read as a number: Excel's precision, and far
beyond any count or amount of a report. A longer run (an ID number typed into a cell, a
damaged file's 30 or 5,000 digits) stays text — RC201 says so — and never becomes an int
that costs time to print (Python refuses to print ints of more than 4,300 digits)."""

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
        if raw.bit_length() > _MAX_BITS and abs(raw) >= 10**MAX_DIGITS:
            return Cell(None, _long_text(raw), CellState.TEXT, location, formula=formula)
        return Cell(raw, str(raw), CellState.NUMBER, location, formula=formula)
    if isinstance(raw, float | Decimal) and not Decimal(raw).is_finite():  # NaN, Infinity
        return Cell(None, str(raw), CellState.TEXT, location, formula=formula)
    if isinstance(raw, float | Decimal) and Decimal(raw).adjusted() >= MAX_DIGITS:
        return Cell(None, _long_text(raw), CellState.TEXT, location, formula=formula)
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
    s = unicodedata.normalize("NFKC", without_invisible(raw)).strip()
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
    if len(digits.lstrip("0")) > MAX_DIGITS:
        return Cell(None, raw, CellState.TEXT, location, formula=formula)
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


_MAX_BITS = 49  # 10**15 < 2**50


def _long_text(value: int | float | Decimal) -> str:
    """A number too long to read, as text for the message (never more than 4,300 digits:
    Python refuses to print such an int; its length stands for it)."""
    if isinstance(value, int) and value.bit_length() > 14_000:
        return f"<{int(value.bit_length() * 0.30103)}+ digits>"
    return str(value)


def elide(text: str, limit: int = 60) -> str:
    """``text`` cut to about ``limit`` characters for a message: its start, ``…``, its end."""
    if len(text) <= limit:
        return text
    keep = max(4, limit // 4)
    return f"{text[: limit - keep - 1]}…{text[-keep:]}"


def long_number_digits(raw: str) -> int | None:
    """The number of digits of ``raw`` when it is a number too long to read (see
    :data:`MAX_DIGITS`), else None."""
    s = raw.strip().lstrip("+-")
    head = s.split(".", 1)[0].replace(",", "")
    if len(head) > MAX_DIGITS and head.isascii() and head.isdigit():
        return len(head.lstrip("0"))
    m = _scientific().match(s)
    if m is not None:
        try:
            dec = Decimal(s)
        except InvalidOperation:
            return None
        if dec.is_finite() and dec.adjusted() >= MAX_DIGITS:
            return dec.adjusted() + 1
    return None


@functools.cache
def _scientific() -> re.Pattern[str]:
    # compiled on first use: a clean workbook never needs it (start-up, issue 13)
    return re.compile(r"^\d+(?:\.\d*)?[eE][+-]?\d{1,12}$")


def _short(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_WORD_DIGITS = {
    **dict(zip("零〇○一二两三四五六七八九", (0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)),
    **dict(zip("壹贰叁肆伍陆柒捌玖", range(1, 10), strict=True)),
}
_WORD_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


@functools.cache
def _words() -> re.Pattern[str]:
    # compiled on first use: a clean workbook never needs it (start-up, issue 13)
    return re.compile(
        r"^[零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万]+(?:件|个|项|条|次)?$"
    )


def words_number(text: str) -> int | None:
    """A whole number written in Chinese words: 三十一 → 31, 一百零五 → 105, 两千三百 → 2300,
    一万二千 → 12000, 壹拾贰 → 12 (a trailing 件/个/项/条/次 allowed). None when the text
    is not such a number, or says it in a way that is not certain (三一, 十十)."""
    s = text.strip().replace(" ", "").replace("\u3000", "")
    if not s or not _words().match(s):
        return None
    s = s.rstrip("件个项条次")
    total = 0
    for k, part in enumerate(s.split("万")):
        if k > 1 or (k == 1 and not part and not total):
            return None
        value = _below_10000(part) if part else 0
        if value is None:
            return None
        total = total * 10_000 + value if k == 1 else value
    if "万" in s and not s.split("万")[0]:
        return None
    return total


def _below_10000(s: str) -> int | None:
    value, digit, last_unit = 0, None, 10_000
    for i, ch in enumerate(s):
        if ch in _WORD_DIGITS:
            if digit is not None and not (digit == 0 or _WORD_DIGITS[ch] == 0):
                return None  # 三一: two digits in a row say no place
            digit = _WORD_DIGITS[ch] if digit is None or digit == 0 else digit
            continue
        unit = _WORD_UNITS[ch]
        if unit >= last_unit:
            return None  # 十十, 十百
        if digit is None:
            if i != 0 or unit != 10:
                return None  # only a leading 十 may stand alone (十二 = 12)
            digit = 1
        value += digit * unit
        digit, last_unit = None, unit
    return value + (digit or 0)
