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

from reportcheck.findings import Finding, Severity

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.model.report import Report

CheckFn = Callable[["Report", "Settings"], Iterable[Finding]]

FAMILIES = {
    "RC0": ("输入", "input"),
    "RC1": ("结构", "structure"),
    "RC2": ("数值", "values"),
    "RC3": ("表内计算", "arithmetic"),
    "RC4": ("正文与表格", "prose against tables"),
    "RC5": ("跨年度", "cross-year"),
    "RC6": ("发布", "publication"),
}


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    code: str
    name: str
    severity: Severity
    summary: str
    summary_en: str
    doc: str
    check: CheckFn | None
    """The function that runs the rule; None for codes that another part emits
    (a reader, or the shared arithmetic engine), named in ``emitted_by``."""
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


def rule(
    code: str, name: str, severity: Severity, summary: str, summary_en: str
) -> Callable[[CheckFn], CheckFn]:
    """Register a check function as the rule ``code``; its docstring documents it."""

    def deco(fn: CheckFn) -> CheckFn:
        _add(Rule(code, name, severity, summary, summary_en, _doc(fn), fn))
        return fn

    return deco


def declare(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    summary_en: str,
    doc: str,
    emitted_by: str,
) -> None:
    """Register a code whose findings are produced elsewhere (reader or engine)."""
    _add(Rule(code, name, severity, summary, summary_en, inspect.cleandoc(doc), None, emitted_by))


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
    """Build a finding of ``code`` with the rule's registered severity.

    ``fields`` (usually from :func:`reportcheck.rules.common.cell_fields`) are overridden
    by keyword arguments.
    """
    if code not in RULES:  # a reader may report before any rule module was imported
        load_all()
    r = RULES[code]
    merged = {**(fields or {}), **kw}
    return Finding(code, r.severity, message, message_en, **merged)
