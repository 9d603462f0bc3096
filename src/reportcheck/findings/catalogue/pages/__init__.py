"""Rule pages: each code's documentation (what it checks, why it matters, how to fix it,
in Chinese and English) and its passing and failing cases, one module per family.

Kept out of :mod:`reportcheck.findings.catalogue` so that emitting a finding never loads
them: only ``reportcheck rules``, the SARIF rule descriptors, ``python -m
reportcheck.docs`` and the tests do.
"""

from __future__ import annotations

import importlib
import json
from functools import cache

from reportcheck.findings.catalogue import FAMILY_MODULES
from reportcheck.findings.catalogue.entry import Case, Key, Op, Page, Tr


@cache
def _family(prefix: str) -> dict[str, Page]:
    module = importlib.import_module(f"{__name__}.{FAMILY_MODULES[prefix]}")
    pages: dict[str, Page] = module.PAGES
    return pages


def page(code: str) -> Page:
    """The page of ``code`` (KeyError if it has none)."""
    code = code.upper()
    return _family(code[:3])[code]


HEADINGS = {
    "what": Tr("检查什么", "What it checks"),
    "why": Tr("为什么重要", "Why it matters"),
    "fix": Tr("如何修改", "How to fix it"),
    "note": Tr("说明", "Note"),
    "cases": Tr("示例", "Examples"),
    "fails": Tr("不通过", "Fails"),
    "passes": Tr("通过", "Passes"),
    "input": Tr("输入", "input"),
    "previous": Tr("上年报告", "last year's report"),
    "gives": Tr("结果", "gives"),
    "nothing": Tr("无", "nothing"),
    "unchanged": Tr("原样", "as it is"),
}
"""Headings and words of a rule page, by language."""


def sections(code: str, lang: str = "zh") -> list[tuple[str, str]]:
    """The page's text sections in ``lang``: (heading, text), note included if any."""
    p = page(code)
    out = [(HEADINGS[k].text(lang), getattr(p, k).text(lang)) for k in ("what", "why", "fix")]
    if p.note is not None:
        out.append((HEADINGS["note"].text(lang), p.note.text(lang)))
    return out


def page_text(code: str, lang: str = "zh") -> str:
    """The page's text sections as plain text (headings, then the text)."""
    return "\n\n".join(f"{h}\n{t}" for h, t in sections(code, lang))


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'


def _snippet(text: str, limit: int = 48) -> str:
    one = text.replace("\n", "⏎")
    return one if len(one) <= limit else one[: limit - 1] + "…"


def describe_op(op: Op) -> str:
    """One patch operation, for people: ``set /report/year = 2022``."""
    kind = op[0]
    if kind == "replace":
        return f"replace 「{_snippet(op[1])}」 → 「{_snippet(op[2])}」"
    if kind == "remove":
        return f"remove {op[1]}"
    return f"{kind} {op[1]} = {_snippet(_shown(op[2]), 80)}"


def describe_input(base: str, patch: tuple[Op, ...], lang: str) -> str:
    """``examples/2021-valid.json: set … ; remove …`` (or the file as it is)."""
    ops = "; ".join(describe_op(op) for op in patch) or HEADINGS["unchanged"].text(lang)
    return f"`{base}`: {ops}"


def describe_key(key: Key) -> str:
    """``RC201 applications/new_received/natural_person``."""
    code, *place = key
    where = "/".join(p for p in place if p)
    return f"{code} {where}" if where else code


def describe_case(code: str, case: Case, lang: str = "zh") -> list[str]:
    """A case as lines: the verdict and title, the input, last year's report, what it gives."""
    verdict = HEADINGS["fails" if case.fails(code) else "passes"].text(lang)
    lines = [f"{verdict}: {case.title.text(lang)}"]
    lines.append(f"  {HEADINGS['input'].text(lang)}: {describe_input(case.base, case.patch, lang)}")
    if case.previous is not None:
        prev = describe_input(case.previous_base, case.previous, lang)
        lines.append(f"  {HEADINGS['previous'].text(lang)}: {prev}")
    gives = ", ".join(describe_key(k) for k in case.expect) or HEADINGS["nothing"].text(lang)
    lines.append(f"  {HEADINGS['gives'].text(lang)}: {gives}")
    return lines
