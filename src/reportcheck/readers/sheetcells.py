"""Spreadsheet conventions shared by the workbook, CSV and OpenDocument readers and the
marked copies: A1 cell addresses, sheet prefixes (``表三!D7``) and numbers as a
spreadsheet saves them."""

from __future__ import annotations

import functools
import re
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache

from reportcheck.model.numbers import plain
from reportcheck.model.report import Location
from reportcheck.model.values import MAX_DIGITS

# ------------------------------------------------------------------ addresses


@lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@lru_cache(maxsize=65536)  # immutable, and the same places recur in every workbook of a batch
def cell_location(prefix: str, row: int, col: int) -> Location:
    return Location(f"{prefix}{column_letter(col)}{row}")


_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,9})$")


@lru_cache(maxsize=65536)  # the same addresses recur in every workbook of a batch
def parse_ref(ref: str) -> tuple[int, int] | None:
    """``D29`` → ``(29, 4)`` (row, column); None if ``ref`` is not a cell reference."""
    m = _REF.match(ref.strip())
    if m is None:
        return None
    col = 0
    for ch in m[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(m[2]), col


_PLAIN_SHEET = re.compile(r"^[^\W\d]\w*$")
_LOOKS_LIKE_REF = re.compile(r"^(?:[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$")


def sheet_prefix(name: str) -> str:
    """The sheet part of an address as Excel writes it: ``表三!`` or ``'My Sheet'!``."""
    if _PLAIN_SHEET.match(name) and not _LOOKS_LIKE_REF.match(name):
        return f"{name}!"
    return "'" + name.replace("'", "''") + "'!"


# ------------------------------------------------------------------ numbers

_CONTEXT15 = Context(prec=15)


def parse_number(text: str) -> int | Decimal | None:
    """The number saved in a ``<v>``: int when integral, else Decimal; None if not a number.

    Excel keeps 15 significant digits; text written with more (``0.30000000000000004``,
    as some generators write binary floats) is rounded to 15, as Excel shows it.
    """
    if text.isascii() and text.isdigit() and len(text) <= 15:
        return int(text)  # the common case: a count
    try:
        dec = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not dec.is_finite() or dec.adjusted() >= MAX_DIGITS:
        return None  # 1E+99 is no figure of a report: kept as its text (RC201)
    if len(dec.as_tuple().digits) > 15:
        dec = _CONTEXT15.plus(dec)
    if dec == dec.to_integral_value():
        return int(dec)
    return dec.normalize()


def number_text(value: int | Decimal) -> str:
    """A number as displayed (no exponent)."""
    return str(value) if isinstance(value, int) else plain(value)


@functools.cache
def _escape() -> re.Pattern[str]:
    # compiled on first use: most workbooks never need it (start-up, issue 13)
    return re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Undo Excel's ``_xHHHH_`` escapes of control characters (``_x000D_`` etc.)."""
    if "_x" not in text:
        return text
    return _escape().sub(lambda m: chr(int(m[1], 16)), text)
