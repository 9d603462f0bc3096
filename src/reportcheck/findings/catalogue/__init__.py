"""The finding catalogue: every code reportcheck reports, as data, below the readers.

Per code (one module per family: :mod:`.input_` RC0xx, :mod:`.structure` RC1xx with the
sections RC11x, :mod:`.values` RC2xx, :mod:`.arithmetic` RC3xx, :mod:`.prose` RC4xx,
:mod:`.crossyear` RC5xx, :mod:`.publication` RC6xx, :mod:`.plausibility` RC7xx): its severity, name, zh/en summary,
zh/en message templates and optional hints (:class:`~.entry.Entry`). The documentation
(what it checks, why it matters, how to fix it) and the passing and failing cases live in
:mod:`.pages`, loaded only by ``reportcheck rules``, docs generation and the tests.

Every finding is built here, by readers, the arithmetic engine, pairing and rules alike::

    from reportcheck.findings.catalogue import Tr, emit

    emit("RC201", {"cell": Tr(zh, en), "raw": raw, "expected": Tr(zh_kind, en_kind)},
         fields=cell_fields(report, table, row, column), actual=raw)

A parameter whose text differs by language is a :class:`Tr`; numbers are written as
:func:`~reportcheck.findings.fmt_number` writes them. A missing or unknown parameter
raises :class:`TemplateError` (a bug at the call site, caught by the tests).

To add a code: write its :class:`~.entry.Entry` in the family module and its
:class:`~.entry.Page` in ``pages/<family>.py``, emit it with :func:`emit`, and run
``python -m reportcheck.docs``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from reportcheck.findings import Finding, fmt_number
from reportcheck.findings.catalogue import (
    arithmetic,
    crossyear,
    input_,
    plausibility,
    prose,
    publication,
    structure,
    values,
)
from reportcheck.findings.catalogue.entry import Entry, Tr, placeholders

__all__ = [
    "FAMILIES",
    "Entry",
    "TemplateError",
    "Tr",
    "all_codes",
    "emit",
    "entries",
    "get",
    "parameters",
]

FAMILIES: dict[str, Tr] = {
    "RC0": Tr("输入", "input"),
    "RC1": Tr("结构", "structure"),
    "RC2": Tr("数值", "values"),
    "RC3": Tr("表内计算", "arithmetic"),
    "RC4": Tr("正文与表格", "prose against tables"),
    "RC5": Tr("跨年度", "cross-year"),
    "RC6": Tr("发布", "publication"),
    "RC7": Tr("合理性", "plausibility"),
}
"""Code families, by prefix."""

FAMILY_MODULES = {
    "RC0": "input_",
    "RC1": "structure",
    "RC2": "values",
    "RC3": "arithmetic",
    "RC4": "prose",
    "RC5": "crossyear",
    "RC6": "publication",
    "RC7": "plausibility",
}
"""The module (here and under ``pages/``) that holds each family."""


class TemplateError(KeyError):
    """A finding was emitted with a parameter missing, unknown, or an unknown variant."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _collect() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for module in (
        input_,
        structure,
        values,
        arithmetic,
        prose,
        crossyear,
        publication,
        plausibility,
    ):
        for e in module.ENTRIES:
            prefix = next(p for p, m in FAMILY_MODULES.items() if module.__name__.endswith(m))
            if not e.code.startswith(prefix):
                raise ValueError(f"{e.code} is declared in the {prefix}xx module")
            if e.code in out:
                raise ValueError(f"code {e.code} is declared twice")
            if "default" not in e.messages:
                raise ValueError(f"{e.code} has no default message")
            out[e.code] = e
    return dict(sorted(out.items()))


_ENTRIES = _collect()
_PARAMS: dict[tuple[str, str, str | None], frozenset[str]] = {}


def get(code: str) -> Entry:
    """The entry of ``code`` (KeyError if there is none)."""
    return _ENTRIES[code.upper()]


def find(code: str) -> Entry | None:
    """The entry of ``code``, or None."""
    return _ENTRIES.get(code.upper())


def all_codes() -> list[str]:
    """Every code, in order."""
    return list(_ENTRIES)


def entries() -> list[Entry]:
    """Every entry, by code."""
    return list(_ENTRIES.values())


def parameters(code: str, variant: str = "default", hint: str | None = None) -> frozenset[str]:
    """The parameters a message variant (and hint) needs; zh and en use the same ones."""
    key = (code, variant, hint)
    found = _PARAMS.get(key)
    if found is None:
        e = _ENTRIES[code]
        texts = [*_template(e, e.messages, variant, "message")]
        if hint is not None:
            texts += _template(e, e.hints, hint, "hint")
        found = frozenset().union(*(placeholders(t) for t in texts))
        _PARAMS[key] = found
    return found


def _template(e: Entry, table: Mapping[str, Tr], name: str, what: str) -> Tr:
    try:
        return table[name]
    except KeyError:
        raise TemplateError(f"{e.code} has no {what} variant {name!r}") from None


MAX_PARAM = 300
"""Characters of one parameter in a message: a 200,000-character key or label from a
damaged file is cut (its start, …, its end), so no renderer has to wrap it whole."""


_SHOWN = ("actual", "expected")
"""Finding fields that only show a value (cut like a parameter); ``suggestion`` is written
into the cell by ``convert --apply-suggestions`` and is never cut."""


_BREAK = re.compile(r"[ \t\u3000]*[\r\n\v\f\u2028\u2029][\s\u3000]*")


def _short(text: str) -> str:
    """A value as a message quotes it: on one line (the text's line breaks a space: a
    message is one line in every output), elided past MAX_PARAM characters."""
    if _BREAK.search(text):
        text = _BREAK.sub(" ", text).strip()
    if len(text) <= MAX_PARAM:
        return text
    keep = MAX_PARAM // 4
    return f"{text[: MAX_PARAM - keep - 1]}…{text[-keep:]}"


def emit(
    code: str,
    params: Mapping[str, object] | None = None,
    *,
    variant: str = "default",
    hint: str | None = None,
    fields: Mapping[str, Any] | None = None,
    **finding_fields: Any,
) -> Finding:
    """A finding of ``code``: its severity from the catalogue, its message (and hint) in
    both languages rendered from the templates of ``variant`` (and ``hint``) with
    ``params``. ``fields`` (usually from ``cell_fields``) are overridden by
    ``finding_fields``."""
    try:
        entry = _ENTRIES[code]
    except KeyError:
        raise TemplateError(f"unknown code {code}") from None
    values = params or {}
    needed = _PARAMS.get((code, variant, hint))
    if needed is None:
        needed = parameters(code, variant, hint)
    if values.keys() != needed:
        missing = sorted(needed.difference(values))
        unknown = sorted(set(values).difference(needed))
        raise TemplateError(
            f"{code} ({variant}{', hint ' + hint if hint else ''}): "
            + "; ".join(
                part
                for part in (
                    f"missing parameter(s) {', '.join(missing)}" if missing else "",
                    f"unknown parameter(s) {', '.join(unknown)}" if unknown else "",
                )
                if part
            )
        )
    zh: dict[str, object] = {}
    en: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, Tr):
            zh[key], en[key] = _short(value.zh), _short(value.en)
        elif isinstance(value, Decimal):
            zh[key] = en[key] = fmt_number(value)
        elif isinstance(value, str):
            zh[key] = en[key] = _short(value)
        else:
            zh[key] = en[key] = value
    message = entry.messages[variant]
    merged = {**fields, **finding_fields} if fields else finding_fields
    for name in _SHOWN:  # what a cell says is shown, not kept: its address keeps the original
        value = merged.get(name)
        if isinstance(value, str) and len(value) > MAX_PARAM:
            merged[name] = _short(value)
    if hint is not None:
        h = entry.hints[hint]
        merged["hint"] = h.zh.format_map(zh)
        merged["hint_en"] = h.en.format_map(en)
    return Finding(
        code, entry.severity, message.zh.format_map(zh), message.en.format_map(en), **merged
    )
