"""The rule registry: every code, its severity, summary and documentation.

Codes are stable and never reused. Families:

- ``RC0xx`` input: what a reader met (unknown keys, unreadable parts)
- ``RC1xx`` structure: missing table / row / column, format version, sections
- ``RC2xx`` values: not a number, negative, fractions, blank totals, formulas
- ``RC3xx`` arithmetic within a table (R1, R2, R3, R5 of format.md)
- ``RC4xx`` prose against the tables
- ``RC5xx`` cross-year continuity
- ``RC6xx`` publication

A rule's docstring is its documentation: first line the summary, then when it fails and
an example. ``reportcheck rules`` and ``docs/rules.md`` are generated from here.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportcheck.findings import Finding, Severity, catalogue

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.model.report import Report

CheckFn = Callable[["Report", "Settings"], Iterable[Finding]]

FAMILIES: dict[str, tuple[str, str]] = dict(catalogue.FAMILIES)
"""Code families by prefix: (zh, en) names."""


@dataclass(frozen=True)
class Rule:
    """A code as the rules see it: its catalogue entry and, when a rule module runs it,
    the check function."""

    code: str
    name: str
    severity: Severity
    summary: str
    summary_en: str
    doc: str
    check: CheckFn | None
    """The function that runs the rule; None for codes that another part emits
    (a reader, the shared arithmetic engine, the pairing), named in ``emitted_by``."""
    emitted_by: str = ""

    @property
    def family(self) -> str:
        """``RC3`` for ``RC301``."""
        return self.code[:3]


RULES: dict[str, Rule] = {}
RULE_MODULES = (
    "input_",
    "structure",
    "values",
    "arithmetic",
    "sections",
    "narrative",
    "crossyear",
    "publication",
)
"""Every module that registers rules, in the order their checks run."""


def rule(code: str, *legacy: object) -> Callable[[CheckFn], CheckFn]:
    """Bind a check function to ``code``; severity, name and summary come from the
    catalogue (:mod:`reportcheck.findings.catalogue`).

    ``legacy`` (name, severity, summary, summary_en — the old signature, still used by
    rule modules not yet converted) must agree with the catalogue.
    """
    entry = catalogue.get(code)
    if legacy and tuple(legacy) != (entry.name, entry.severity, *entry.summary):
        raise ValueError(f"@rule({code!r}, …) disagrees with the catalogue entry")

    def deco(fn: CheckFn) -> CheckFn:
        _add(_from_entry(entry, _doc(fn), fn))
        return fn

    return deco


def _from_entry(entry: catalogue.Entry, doc: str, check: CheckFn | None) -> Rule:
    return Rule(
        entry.code,
        entry.name,
        entry.severity,
        entry.summary.zh,
        entry.summary.en,
        doc,
        check,
        "" if check is not None else entry.emitted_by,
    )


def declare(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    summary_en: str,
    doc: str,
    emitted_by: str,
) -> None:
    """Register the documentation of a code whose findings are produced elsewhere (reader
    or engine); the other arguments must agree with the catalogue."""
    entry = catalogue.get(code)
    if (name, severity, summary, summary_en) != (entry.name, entry.severity, *entry.summary):
        raise ValueError(f"declare({code!r}, …) disagrees with the catalogue entry")
    _add(_from_entry(entry, inspect.cleandoc(doc), None))


def _add(r: Rule) -> None:
    if r.code in RULES:
        raise ValueError(f"rule code {r.code} registered twice")
    RULES[r.code] = r


def _doc(fn: Callable[..., object]) -> str:
    return inspect.cleandoc(fn.__doc__ or "")


def all_rules() -> list[Rule]:
    """Every rule, by code (importing every rule module first)."""
    load_all()
    return [RULES[c] for c in sorted(RULES)]


def get_rule(code: str) -> Rule:
    """One rule by code (KeyError if unknown)."""
    load_all()
    return RULES[code.upper()]


def load_all() -> None:
    """Import every rule module so that their rules are registered."""
    import importlib

    for name in RULE_MODULES:
        importlib.import_module(f"reportcheck.rules.{name}")


def make(
    code: str,
    message: str,
    message_en: str,
    fields: Mapping[str, Any] | None = None,
    **kw: Any,
) -> Finding:
    """Build a finding of ``code`` with its catalogue severity from ready-made messages.

    Deprecated: the prose rules and the text reader still use it until they emit through
    :func:`reportcheck.findings.catalogue.emit`, which renders the catalogue's templates.
    """
    merged = {**(fields or {}), **kw}
    return Finding(code, catalogue.get(code).severity, message, message_en, **merged)
