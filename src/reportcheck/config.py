"""Settings that steer a validation run (rule selection, severities, deadlines, tolerance).

The defaults here are what ``reportcheck validate`` uses with no configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from reportcheck.findings import Severity


@dataclass
class Settings:
    """Options for one validation run."""

    select: tuple[str, ...] = ()
    """Codes or families (``RC3``, ``RC301``) to run; empty means all."""
    ignore: tuple[str, ...] = ()
    """Codes or families never reported."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides per code."""
    format_version: str | None = None
    """Force a format version instead of detecting it from the labels."""
    default_format_version: str | None = None
    """Version to use when neither the labels nor the year decide."""
    deadlines: dict[str, str | None] = field(
        default_factory=lambda: {"department": "01-31", "government": "03-31", "township": None}
    )
    """Publication deadline (MM-DD of the year after the report year) per agency level."""
    amount_tolerance: Decimal = Decimal("0")
    """Tolerance when comparing money amounts (万元)."""

    def enabled(self, code: str) -> bool:
        """Whether findings of ``code`` are reported."""
        if any(code.startswith(p) for p in self.ignore):
            return False
        return not self.select or any(code.startswith(p) for p in self.select)
