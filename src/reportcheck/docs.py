"""The rule catalogue for people, generated from :mod:`reportcheck.findings.catalogue`:
``reportcheck rules [CODE]`` and ``docs/rules.md``.

Regenerate the Markdown catalogue after adding or changing a code::

    python -m reportcheck.docs            # writes docs/rules.md
    python -m reportcheck.docs --check    # exit 1 when docs/rules.md is stale

Each code's page (what it checks, why it matters, how to fix it), its messages and its
passing and failing cases all come from the catalogue; the cases are the ones
``tests/test_catalogue_cases.py`` runs.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

from reportcheck.findings.catalogue import FAMILIES, Entry, entries, get
from reportcheck.findings.catalogue.pages import (
    HEADINGS,
    describe_case,
    describe_input,
    describe_key,
    page,
    page_text,
    sections,
)

DEFAULT_PATH = Path("docs/rules.md")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def catalogue_lines(lang: str = "zh") -> list[str]:
    """One line per code: code, severity, name, summary (for ``reportcheck rules``)."""
    all_entries = entries()
    width = max((len(e.name) for e in all_entries), default=0)
    sev = max(_width(e.severity.word(lang)) for e in all_entries)
    lines: list[str] = []
    family = ""
    for e in all_entries:
        if e.family != family:
            family = e.family
            if lines:
                lines.append("")
            lines.append(f"{family}xx {FAMILIES[family].text(lang)}")
        lines.append(
            f"  {e.code}  {_pad(e.severity.word(lang), sev)}  {e.name:<{width}}  "
            f"{e.summary.text(lang)}"
        )
    return lines


_EMITTERS_ZH = (
    (
        " for a table or row whose words are on the page but whose numbers no reader could place",
        "（表格或行的文字在页面上、但数字无法对应到各列时）",
    ),
    ("the arithmetic engine", "计算引擎"),
    ("the table readers", "表格读取器"),
    ("the JSON reader", "JSON 读取器"),
    ("the Excel reader", "Excel 读取器"),
    ("the text reader", "文本读取器"),
    ("every reader", "所有读取器"),
    ("the prose rules", "正文规则"),
    ("the pairing of reports", "年报配对"),
    ("Excel, HTML, Word, text", "Excel、HTML、Word、文本"),
    ("; ", "；"),
)
"""The parts of reportcheck that emit findings, as a Chinese page names them (the module
names, rules.values and the like, are the code's own and stay as they are)."""


def emitted_by(text: str, lang: str = "zh") -> str:
    """The ``emitted_by`` of a catalogue entry in the page's language."""
    if lang != "zh":
        return text
    for en, zh in _EMITTERS_ZH:
        text = text.replace(en, zh)
    return text


def explain(code: str, lang: str = "zh") -> str:
    """Everything about one code (for ``reportcheck rules CODE``)."""
    e = get(code)
    zh = lang == "zh"
    head = [
        f"{e.code} {e.name}",
        f"{'级别' if zh else 'severity'}: {e.severity.word(lang)}   "
        f"{'类别' if zh else 'family'}: {e.family} {FAMILIES[e.family].text(lang)}   "
        f"{'产生者' if zh else 'emitted by'}: {emitted_by(e.emitted_by, lang)}",
        e.summary.text(lang),
    ]
    body = [f"{h}\n{_indent(t)}" for h, t in sections(code, lang)]
    cases = [HEADINGS["cases"].text(lang)]
    for case in page(code).cases:
        cases += ["  " + line for line in describe_case(code, case, lang)]
    return "\n\n".join(["\n".join(head), *body, "\n".join(cases)]) + "\n"


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def rule_dict(code: str) -> dict[str, Any]:
    """A code as JSON-ready data (``reportcheck rules --format json``)."""
    e = get(code)
    p = page(code)
    return {
        "code": e.code,
        "name": e.name,
        "family": e.family,
        "severity": e.severity.value,
        "summary": {"zh": e.summary.zh, "en": e.summary.en},
        "emitted_by": e.emitted_by,
        "doc": page_text(code, "en"),
        "page": {
            k: {"zh": t.zh, "en": t.en}
            for k, t in (("what", p.what), ("why", p.why), ("fix", p.fix), ("note", p.note))
            if t is not None
        },
        "messages": {v: {"zh": t.zh, "en": t.en} for v, t in e.messages.items()},
        "hints": {v: {"zh": t.zh, "en": t.en} for v, t in e.hints.items()},
        "cases": [
            {
                "fails": case.fails(code),
                "title": {"zh": case.title.zh, "en": case.title.en},
                "base": case.base,
                "patch": [list(op) for op in case.patch],
                "previous": None
                if case.previous is None
                else {"base": case.previous_base, "patch": [list(op) for op in case.previous]},
                "expect": [list(k) for k in case.expect],
            }
            for case in p.cases
        ],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _anchor(e: Entry) -> str:
    return f"{e.code.lower()}-{e.name}"


def _code_span(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _entry_markdown(e: Entry) -> list[str]:
    p = page(e.code)
    lines = [
        "",
        f"### {e.code} {e.name}",
        "",
        f"**Severity:** {e.severity.value} ({e.severity.word('zh')}) · "
        f"**Emitted by:** {e.emitted_by}",
        "",
        f"{e.summary.zh} · {e.summary.en}",
    ]
    for key in ("what", "why", "fix", "note"):
        text = getattr(p, key)
        if text is None:
            continue
        lines += [
            "",
            f"**{HEADINGS[key].en}** · {HEADINGS[key].zh}",
            "",
            text.en,
            "",
            text.zh,
        ]
    lines += ["", "**Messages** · 消息", ""]
    for variant, t in e.messages.items():
        lines.append(f"- `{variant}`: {_code_span(t.zh)} · {_code_span(t.en)}")
    for variant, t in e.hints.items():
        lines.append(f"- hint `{variant}`: {_code_span(t.zh)} · {_code_span(t.en)}")
    lines += [
        "",
        "**Examples** · 示例 (run by `tests/test_catalogue_cases.py`)",
        "",
        "| | Case | Input | Findings |",
        "|---|---|---|---|",
    ]
    for case in p.cases:
        verdict = "Fails" if case.fails(e.code) else "Passes"
        where = describe_input(case.base, case.patch, "en")
        if case.previous is not None:
            where += "; last year: " + describe_input(case.previous_base, case.previous, "en")
        found = ", ".join(describe_key(k) for k in case.expect) or "none"
        lines.append(
            f"| {verdict} | {_cell(case.title.zh)} · {_cell(case.title.en)} | {_cell(where)} "
            f"| {_cell(found)} |"
        )
    return lines


def rules_markdown() -> str:
    """The whole ``docs/rules.md``."""
    all_entries = entries()
    lines = [
        "# reportcheck rules",
        "",
        "<!-- Generated from the finding catalogue by `python -m reportcheck.docs`; "
        "do not edit. -->",
        "",
        "Every code `reportcheck` reports. Codes are stable and never reused. Select or ignore",
        "codes or whole families (`RC3`) with `--select`/`--ignore` or in the configuration",
        "(see [ci.md](ci.md)); change a code's severity with `[tool.reportcheck.severity]`.",
        "`reportcheck rules CODE` shows the same text in the terminal (Chinese; `--lang en`).",
        "",
        "Each code's entry is data in `src/reportcheck/findings/catalogue/` (severity, name,",
        "summary, message templates) and `…/catalogue/pages/` (this text and the examples).",
        "The examples are patches on `examples/2021-valid.json` or `examples/2021-valid.txt`",
        "(JSON pointers; `replace` changes the text), each with every finding it gives as",
        "code and table/row/column ids; `tests/test_catalogue_cases.py` runs them all.",
        "",
        "| Code | Name | Severity | Summary |",
        "|---|---|---|---|",
    ]
    for e in all_entries:
        lines.append(
            f"| [{e.code}](#{_anchor(e)}) | {e.name} | {e.severity.value} | "
            f"{_cell(e.summary.zh)} · {_cell(e.summary.en)} |"
        )
    family = ""
    for e in all_entries:
        if e.family != family:
            family = e.family
            lines += ["", f"## {family}xx {FAMILIES[family].zh} · {FAMILIES[family].en}"]
        lines += _entry_markdown(e)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m reportcheck.docs [--check] [PATH]``: write or check docs/rules.md."""
    parser = argparse.ArgumentParser(
        prog="python -m reportcheck.docs",
        description="Write docs/rules.md from the finding catalogue, or check that it is fresh.",
    )
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    ns = parser.parse_args(sys.argv[1:] if argv is None else argv)
    check: bool = ns.check
    path: Path = ns.path
    text = rules_markdown()
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != text:
            print(f"{path} is stale: run `python -m reportcheck.docs` to regenerate it")
            return 1
        print(f"{path} is up to date")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(entries())} codes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
