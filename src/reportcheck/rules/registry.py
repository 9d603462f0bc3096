"""The rule registry: which check function runs which code.

Everything else about a code — severity, name, summary, messages, documentation and
cases — is data in :mod:`reportcheck.findings.catalogue`. A rule module binds its check
functions to codes with ``@rule("RC201")``; codes that another part emits (a reader, the
arithmetic engine, the pairing) have no check function here and are still listed.

Codes are stable and never reused. Families:

- ``RC0xx`` input: what a reader met (unknown keys, unreadable parts)
- ``RC1xx`` structure: missing table / row / column, format version, sections
- ``RC2xx`` values: not a number, negative, fractions, blank totals, formulas
- ``RC3xx`` arithmetic within a table (R1, R2, R3, R5 of the format)
- ``RC4xx`` prose against the tables
- ``RC5xx`` cross-year continuity
- ``RC6xx`` publication
- ``RC7xx`` plausibility: figures that add up but cannot be right
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from reportcheck.findings import Finding, Severity, catalogue
from reportcheck.records import record

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.model.report import Report

CheckFn = Callable[["Report", "Settings"], Iterable[Finding]]

CROSS_YEAR = ("RC5", "RC70")
"""Prefixes of the codes that compare a report with last year's: they run once the reports
are paired (:func:`reportcheck.api.check_cross_year`)."""

FAMILIES: dict[str, tuple[str, str]] = dict(catalogue.FAMILIES)
"""Code families by prefix: (zh, en) names."""


@record(frozen=True)
class Rule:
    """A code as the rules see it: its catalogue entry and, when a rule module runs it,
    the check function."""

    code: str
    name: str
    severity: Severity
    summary: str
    summary_en: str
    check: CheckFn | None
    """The function that runs the rule; None for codes that another part emits
    (a reader, the shared arithmetic engine, the pairing), named in ``emitted_by``."""
    emitted_by: str = ""

    @property
    def family(self) -> str:
        """``RC3`` for ``RC301``."""
        return self.code[:3]

    @property
    def doc(self) -> str:
        """The rule page as plain English text (loads the pages of the code's family)."""
        from reportcheck.findings.catalogue.pages import page_text

        return page_text(self.code, "en")


RULES: dict[str, Rule] = {}
"""Every code with a check function bound so far; every code after :func:`load_all`."""
RULE_MODULES = (
    "structure",
    "values",
    "arithmetic",
    "sections",
    "prose",
    "crossyear",
    "publication",
    "plausibility",
)
"""Every module that binds check functions to codes."""


def rule(code: str, *legacy: object) -> Callable[[CheckFn], CheckFn]:
    """Bind a check function to ``code`` (severity, name and summary come from the
    catalogue).

    ``legacy`` (name, severity, summary, summary_en — the old signature, still used by the
    prose rules until they move) must agree with the catalogue entry.
    """
    entry = catalogue.get(code)
    if legacy and tuple(legacy) != (entry.name, entry.severity, *entry.summary):
        raise ValueError(f"@rule({code!r}, …) disagrees with the catalogue entry")

    def deco(fn: CheckFn) -> CheckFn:
        if RULES.get(code) is not None and RULES[code].check is not None:
            raise ValueError(f"rule code {code} bound twice")
        RULES[code] = _from_entry(entry, fn)
        return fn

    return deco


def _from_entry(entry: catalogue.Entry, check: CheckFn | None) -> Rule:
    return Rule(
        entry.code,
        entry.name,
        entry.severity,
        entry.summary.zh,
        entry.summary.en,
        check,
        entry.emitted_by,
    )


def all_rules() -> list[Rule]:
    """Every code of the catalogue, by code (importing every rule module first)."""
    load_all()
    return [RULES[c] for c in sorted(RULES)]


def get_rule(code: str) -> Rule:
    """One rule by code (KeyError if unknown)."""
    load_all()
    return RULES[code.upper()]


def load_all() -> None:
    """Import every rule module so that their check functions are bound."""
    import importlib
    import sys

    for name in RULE_MODULES:
        module = f"reportcheck.rules.{name}"
        if module not in sys.modules:  # the check of every file asks: keep the answer cheap
            importlib.import_module(module)
    for entry in catalogue.entries():
        if entry.code not in RULES:
            RULES[entry.code] = _from_entry(entry, None)


def make(
    code: str,
    message: str,
    message_en: str,
    fields: Mapping[str, Any] | None = None,
    **kw: Any,
) -> Finding:
    """Build a finding of ``code`` with its catalogue severity from ready-made messages.

    Deprecated: nothing in reportcheck uses it any more (kept for work in progress being
    converted); every part emits through :func:`reportcheck.findings.catalogue.emit`,
    which renders the catalogue's templates.
    """
    merged = {**(fields or {}), **kw}
    return Finding(code, catalogue.get(code).severity, message, message_en, **merged)
