"""The rule catalogue, generated from the registry: ``reportcheck rules`` and ``docs/rules.md``.

Regenerate the Markdown catalogue after adding or changing a rule::

    python -m reportcheck.docs            # writes docs/rules.md
    python -m reportcheck.docs --check    # exit 1 when docs/rules.md is stale

A rule's docstring is its documentation: the first line is the summary, then when it
fails, then ``Passes:`` and ``Fails:`` examples (shown as a list in Markdown).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from reportcheck.rules.registry import FAMILIES, Rule, all_rules

DEFAULT_PATH = Path("docs/rules.md")
_EXAMPLE = re.compile(r"^(Passes|Fails)(,[^:]*)?:\s*(.*)$")


def summary(r: Rule, lang: str = "zh") -> str:
    """The one-line summary in ``lang``."""
    return r.summary if lang == "zh" else r.summary_en


def catalogue_lines(lang: str = "zh") -> list[str]:
    """One line per rule: code, severity, name, summary (for ``reportcheck rules``)."""
    rules = all_rules()
    width = max((len(r.name) for r in rules), default=0)
    lines: list[str] = []
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            zh, en = FAMILIES.get(family, ("", ""))
            if lines:
                lines.append("")
            lines.append(f"{family}xx {zh if lang == 'zh' else en}")
        lines.append(f"  {r.code}  {r.severity.value:<7}  {r.name:<{width}}  {summary(r, lang)}")
    return lines


def explain(r: Rule, lang: str = "zh") -> str:
    """Everything about one rule (for ``reportcheck rules CODE``)."""
    zh, en = FAMILIES.get(r.family, ("", ""))
    head = [
        f"{r.code} {r.name}",
        f"{'级别' if lang == 'zh' else 'severity'}: {r.severity.value}   "
        f"{'类别' if lang == 'zh' else 'family'}: {r.family} {zh if lang == 'zh' else en}",
        f"{r.summary} / {r.summary_en}",
    ]
    if r.emitted_by:
        head.append(f"{'由此产生' if lang == 'zh' else 'emitted by'}: {r.emitted_by}")
    return "\n".join(head) + "\n\n" + (r.doc or r.summary_en) + "\n"


def rule_dict(r: Rule) -> dict[str, Any]:
    """A rule as JSON-ready data (``reportcheck rules --format json``)."""
    return {
        "code": r.code,
        "name": r.name,
        "family": r.family,
        "severity": r.severity.value,
        "summary": {"zh": r.summary, "en": r.summary_en},
        "doc": r.doc,
        "emitted_by": r.emitted_by or None,
    }


def _doc_markdown(doc: str) -> str:
    """A docstring as Markdown: ``Passes:``/``Fails:`` lines become a list."""
    out: list[str] = []
    for line in doc.splitlines():
        m = _EXAMPLE.match(line.strip())
        if m:
            if out and out[-1] and not out[-1].startswith("- "):
                out.append("")
            out.append(f"- **{m.group(1)}{m.group(2) or ''}:** {m.group(3)}")
        elif line.startswith(" ") and out and out[-1].startswith("- "):
            out[-1] += " " + line.strip()  # continuation of an example
        else:
            out.append(line)
    return "\n".join(out).strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _anchor(r: Rule) -> str:
    return f"{r.code.lower()}-{r.name}"


def rules_markdown() -> str:
    """The whole ``docs/rules.md``."""
    rules = all_rules()
    lines = [
        "# reportcheck rules",
        "",
        "<!-- Generated from the rule registry by `python -m reportcheck.docs`; do not edit. -->",
        "",
        "Every code `reportcheck` reports. Codes are stable and never reused. Select or ignore",
        "codes or whole families (`RC3`) with `--select`/`--ignore` or in the configuration",
        "(see [ci.md](ci.md)); change a code's severity with `[tool.reportcheck.severity]`.",
        "`reportcheck rules CODE` shows the same text in the terminal.",
        "",
        "| Code | Name | Severity | Summary |",
        "|---|---|---|---|",
    ]
    for r in rules:
        lines.append(
            f"| [{r.code}](#{_anchor(r)}) | {r.name} | {r.severity.value} | "
            f"{_cell(r.summary)} · {_cell(r.summary_en)} |"
        )
    family = ""
    for r in rules:
        if r.family != family:
            family = r.family
            zh, en = FAMILIES.get(family, (family, family))
            lines += ["", f"## {family}xx {zh} · {en}"]
        lines += ["", f"### {r.code} {r.name}", ""]
        meta = f"**Severity:** {r.severity.value}"
        if r.emitted_by:
            meta += f" · **Emitted by:** {r.emitted_by}"
        lines += [meta, "", f"{r.summary} · {r.summary_en}", "", _doc_markdown(r.doc)]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m reportcheck.docs [--check] [PATH]``: write or check docs/rules.md."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m reportcheck.docs",
        description="Write docs/rules.md from the rule registry, or check that it is fresh.",
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
    print(f"wrote {path} ({len(all_rules())} rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
