"""Findings: frozen records of one defect each, with everything a renderer needs.

A finding carries its rule code, severity, a message in Chinese and English, where it is
(table, row and column ids and labels, the source address), what the cell says, what it
should be, the difference, and — for arithmetic — each relation written out term by term
with the addresses and values that were added up.
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from decimal import Decimal
from enum import StrEnum

from reportcheck.model.location import Location
from reportcheck.model.numbers import plain
from reportcheck.records import record

Number = int | Decimal
_DIGITS = re.compile(r"(\d+)")


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def word(self, lang: str = "zh") -> str:
        """The severity as validate shows it: 错误 / 警告 / 提示, or error / warning / info."""
        if lang == "zh":
            return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]
        return self.value


UNREAD_CODES = frozenset({"RC003"})
"""Codes that say what reportcheck could not read (a row, a table): not a defect of the
report. They are warnings, counted apart ("N 处未能读取、未检查") and fail a run only when
it asks for it (``--fail-on warning``)."""


@record(frozen=True, slots=True)
class Term:
    """One cell that takes part in a relation."""

    label: str
    """Row and column label, e.g. ``（一）予以公开·自然人``."""
    label_en: str
    location: str | None
    value: Number | None
    """The value as read (None when blank, placeholder or text)."""
    raw: str
    row: str
    column: str
    table: str

    def shown(self) -> str:
        """The value as it should appear in an addition (blank shows as 空)."""
        return _num(self.value) if self.value is not None else (self.raw.strip() or "空")


@record(frozen=True, slots=True)
class Check:
    """One relation evaluated: ``lhs`` terms summed against ``rhs`` terms."""

    relation: str
    """Relation id, e.g. ``row_total:granted``."""
    code: str
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]
    lhs_sum: Number
    rhs_sum: Number

    @property
    def residual(self) -> Number:
        """lhs − rhs; zero when the relation holds."""
        return self.lhs_sum - self.rhs_sum

    def formula(self, lang: str = "zh") -> str:
        """The relation written out: ``总计 D29 = 52, 予以公开 D6 + … = 51``."""

        def side(terms: tuple[Term, ...]) -> str:
            parts = []
            for t in terms:
                name = t.label if lang == "zh" else t.label_en
                loc = f" {t.location}" if t.location else ""
                parts.append(f"{name}{loc} ({t.shown()})")
            return " + ".join(parts)

        return f"{side(self.lhs)} = {_num(self.lhs_sum)}; {side(self.rhs)} = {_num(self.rhs_sum)}"


@record(frozen=True, slots=True)
class Finding:
    """One defect in one file."""

    code: str
    severity: Severity
    message: str
    """Chinese message (the default language)."""
    message_en: str
    file: str | None = None
    table: str | None = None
    table_label: str | None = None
    row: str | None = None
    row_label: str | None = None
    column: str | None = None
    column_label: str | None = None
    location: Location | None = None
    actual: str | None = None
    """What the cell says (raw text, or the number as read)."""
    expected: str | None = None
    """What it should be."""
    difference: str | None = None
    """actual − expected, where both are numbers."""
    checks: tuple[Check, ...] = ()
    """Relations involved, each written out (for arithmetic findings)."""
    cells: tuple[str, ...] = ()
    """Addresses of cells to highlight in a table view."""
    hint: str | None = None
    hint_en: str | None = None
    waived: str | None = None
    """The reason given for waiving this finding, if waived."""
    suggestion: str | None = None
    """The value the cell should hold, where it is certain (the culprit of RC300, a blank
    total whose parts are filled, a fee typed in 元, a number written in words or
    full-width): what ``convert --apply-suggestions`` writes into the cell."""
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def text(self, lang: str = "zh") -> str:
        """The message in ``lang`` (zh or en)."""
        return self.message if lang == "zh" else self.message_en

    def hint_text(self, lang: str = "zh") -> str | None:
        """The hint in ``lang`` (zh or en)."""
        return self.hint if lang == "zh" else self.hint_en

    def with_file(self, file: str) -> Finding:
        """A copy bound to a file."""
        return replace(self, file=file)

    def sort_key(self) -> tuple[int, str, tuple[int, int], tuple[tuple[int, str], ...]]:
        """Errors first, then by code, then in document order: line and column where the
        location has them, else the address in natural order (D9 before D10)."""
        loc = self.location
        position = (loc.line or 0, loc.column or 0) if loc else (0, 0)
        address = loc.address if loc else ""
        parts = tuple(
            (int(p), "")
            if p.isascii() and p.isdigit() and len(p) < 20
            else (-1, p)  # 5,000 digits, 「²」: no int
            for p in _DIGITS.split(address)
            if p
        )
        return (-self.severity.rank, self.code, position, parts)


def _num(value: Number) -> str:
    if isinstance(value, Decimal):
        return plain(value.normalize())
    return str(value)


def fmt_number(value: Number | None) -> str | None:
    """Format a number for messages and machine output (None stays None)."""
    return None if value is None else _num(value)
