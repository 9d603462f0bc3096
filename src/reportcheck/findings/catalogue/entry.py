"""The shapes of the catalogue's data: a code's entry, its rule page and its cases.

Kept apart from the family modules so that each of them imports only these few classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any, NamedTuple

from reportcheck.findings import Severity
from reportcheck.records import record


class Tr(NamedTuple):
    """A text in Chinese and in English (a template, or a parameter value that differs
    by language)."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The text in ``lang`` (zh or en)."""
        return self.zh if lang == "zh" else self.en


@record(frozen=True, slots=True)
class Entry:
    """One code: what a finding of it is called, how serious it is and how it is worded.

    ``messages`` and ``hints`` map a variant name to its zh/en templates (``str.format``
    with named parameters). Most codes have one wording, ``"default"``; a code that says
    different things in different situations has one named variant per situation.
    """

    code: str
    name: str
    """Short kebab-case name (``not-a-number``), as shown beside the code."""
    severity: Severity
    summary: Tr
    messages: Mapping[str, Tr]
    emitted_by: str
    """The part of reportcheck that emits it (``rules.values``, ``the JSON reader``)."""
    hints: Mapping[str, Tr] = field(default_factory=dict)

    @property
    def family(self) -> str:
        """``RC3`` for ``RC301``."""
        return self.code[:3]


def placeholders(template: str) -> frozenset[str]:
    """The parameter names a template uses (``{where}{at}`` → ``{"where", "at"}``)."""
    import string  # when a finding is made: a clean report needs none (start-up, issue 13)

    names = set()
    for _, name, spec, _conv in string.Formatter().parse(template):
        if name is not None:
            if not name or not name.isidentifier():
                raise ValueError(f"template {template!r}: only named parameters are allowed")
            names.add(name)
        if spec and "{" in spec:
            raise ValueError(f"template {template!r}: nested fields are not allowed")
    return frozenset(names)


# ------------------------------------------------------------------------ rule pages


@record(frozen=True, slots=True)
class Page:
    """A code's documentation, modelled on ruff's rule pages, and its cases."""

    what: Tr
    """What it checks."""
    why: Tr
    """Why it matters to the clerk who fills in the report."""
    fix: Tr
    """How to fix it."""
    cases: tuple[Case, ...] = ()
    note: Tr | None = None
    """Anything else worth knowing (exceptions, what is not reported)."""


Op = tuple[Any, ...]
"""One patch operation:

- ``("set", pointer, value)`` / ``("add", pointer, value)`` / ``("remove", pointer)`` — on
  a JSON input, at a JSON pointer (RFC 6901); ``add`` into an array inserts
- ``("replace", old, new)`` — on the input's text, ``old`` must occur exactly once
"""

Key = tuple[str, str | None, str | None, str | None]
"""What a case expects of a finding: code, table, row and column ids."""


@record(frozen=True, slots=True)
class Case:
    """A passing or failing example that the generic test runs and docs/rules.md shows.

    The input is ``base`` (a file of the repository) with ``patch`` applied; ``previous``,
    when given, is last year's report, built the same way. ``expect`` lists every finding
    the input gives (all codes, not only the case's own): for a failing case at least one
    of the code; for a passing case none of it.
    """

    title: Tr
    patch: tuple[Op, ...] = ()
    expect: tuple[Key, ...] = ()
    base: str = "examples/2021-valid.json"
    previous: tuple[Op, ...] | None = None
    """Patch on ``previous_base`` giving last year's report (None: no previous report)."""
    previous_base: str = "examples/2021-valid.json"
    options: Mapping[str, Any] = field(default_factory=dict)
    """Settings for the run (``Settings(**options)``)."""

    def fails(self, code: str) -> bool:
        """Whether this case produces ``code``."""
        return any(k[0] == code for k in self.expect)


def fails(title: Tr, *patch: Op, expect: tuple[Key, ...], **kw: Any) -> Case:
    """A failing case (``expect`` names at least one finding of the code)."""
    return Case(title, tuple(patch), expect, **kw)


def passes(title: Tr, *patch: Op, expect: tuple[Key, ...] = (), **kw: Any) -> Case:
    """A passing case (the input gives no finding of the code)."""
    return Case(title, tuple(patch), expect, **kw)
