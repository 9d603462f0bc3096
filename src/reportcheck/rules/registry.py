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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

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


def rule(code: str, *more: str) -> Callable[[CheckFn], CheckFn]:
    """Bind a check function to ``code`` and to every code of ``more`` (severity, name and
    summary come from the catalogue).

    One function may run several codes (the arithmetic engine runs RC300 and the code of
    every relation): :func:`checks` runs it once when any of them is enabled, and it
    emits only the enabled ones.
    """
    entries = [catalogue.get(c) for c in (code, *more)]

    def deco(fn: CheckFn) -> CheckFn:
        for entry in entries:
            bound = RULES.get(entry.code)
            if bound is not None and bound.check is not None:
                raise ValueError(f"rule code {entry.code} bound twice")
        for entry in entries:
            RULES[entry.code] = _from_entry(entry, fn)
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


def checks(enabled: Callable[[str], bool], prefixes: tuple[str, ...] = ()) -> list[CheckFn]:
    """The check functions to run: each function bound to a code that ``enabled`` accepts
    (and that starts with one of ``prefixes``, when given), once, in the order of the
    first code bound to it."""
    load_all()
    first: dict[CheckFn, str] = {}
    wanted: set[CheckFn] = set()
    for code in sorted(RULES):
        fn = RULES[code].check
        if fn is None:
            continue
        first.setdefault(fn, code)
        if enabled(code) and (not prefixes or code.startswith(prefixes)):
            wanted.add(fn)
    return [fn for fn in first if fn in wanted]


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
