"""English output is English, Chinese output is Chinese (issue 22).

Every message and rule page of the catalogue, and what ``validate`` prints for the examples
and the real reports, is scanned for the other language's script. Allowed in English: the
official Chinese label in brackets or quotes after its English name (``disclosed
（（一）予以公开）``, 「…」 quoted report text), the report's own data (file names, the
agency's name, sheet names in addresses, values as read); in Chinese: codes, identifiers,
option names and file names, never English prose.
"""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, ROOT
from reportcheck import api, docs
from reportcheck.findings.catalogue import all_codes
from reportcheck.output import stream
from reportcheck.render.common import counts

CJK = re.compile(r"[\u3400-\u9fff]")
# quoted or bracketed text: a label after its English name, report text, an identifier
PROTECTED = re.compile(
    r"「[^」]*」|“[^”]*”|‘[^’]*’|《[^》]*》|`[^`]*`|\"[^\"]*\"|\{[^{}]*\}"
    r"|（[^（）]*）|\([^()]*\)"
)
# English prose: three or more lowercase words in a row
PROSE = re.compile(r"\b[a-z]{2,}(?:[ -][a-z]{2,}){2,}\b")


def _bare_chinese(text: str) -> list[str]:
    for _ in range(3):  # brackets within brackets
        text = PROTECTED.sub("", text)
    return CJK.findall(text)


def _english_prose(text: str) -> list[str]:
    text = PROTECTED.sub("", text)
    text = re.sub(
        r"\S*[/.\\]\S*|--?[a-z][\w-]*|\b[a-z]+_[a-z_]+\b", "", text
    )  # paths, options, ids
    return PROSE.findall(text)


def _catalogue_texts() -> list[tuple[str, str, str]]:
    """Every (place, zh, en) pair of the catalogue: messages, summaries, rule pages."""
    out = []
    for path in sorted((ROOT / "src" / "reportcheck" / "findings" / "catalogue").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Tr":
                try:
                    zh, en = (ast.literal_eval(a) for a in node.args)
                except ValueError:  # built from names: checked where they are rendered
                    continue
                out.append((f"{path.name}:{node.lineno}", zh, en))
    return out


def test_there_are_catalogue_texts() -> None:
    assert len(_catalogue_texts()) > 300


@pytest.mark.parametrize("where", [0, 1])
def test_every_catalogue_text_is_in_its_language(where: int) -> None:
    texts = _catalogue_texts()
    if where == 0:
        bad = [(p, en) for p, _, en in texts if _bare_chinese(en)]
    else:
        bad = [(p, zh) for p, zh, _ in texts if _english_prose(zh)]
    assert bad == []


@pytest.mark.parametrize("code", all_codes())
def test_every_rule_page_is_in_its_language(code: str) -> None:
    en = docs.explain(code, "en")
    zh = docs.explain(code, "zh")
    assert [line for line in en.splitlines() if _bare_chinese(line)] == []
    assert [line for line in zh.splitlines() if _english_prose(line)] == []


def _reports() -> list[Path]:
    found = sorted(p for p in EXAMPLES.rglob("*.*") if p.suffix in (".xlsx", ".json", ".txt"))
    if CORPUS.is_dir():
        found += sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".pdf", ".txt", ".md"))
    return found


@pytest.mark.parametrize("fmt", ["terminal", "concise", "markdown"])
def test_every_output_is_in_its_language(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # a line each: no label broken over two
    results = [api.validate_path(p) for p in _reports()]
    results = [r for r in results if r.error is None]
    assert len(results) > 20
    data: set[str] = set()
    for r in results:
        data.add(r.path)
        assert r.report is not None
        data.update(x for x in (r.report.metadata.agency, r.report.metadata.title) if x)
        for f in r.findings:
            shown = (f.actual, f.expected, f.suggestion, f.waived)  # as read, or the waiver given
            data.update(x for x in shown if x and CJK.search(x))
    for lang in ("en", "zh"):
        buf = io.StringIO()
        stream(iter(results), fmt, buf, lang, counts(results), color=False)
        text = buf.getvalue()
        for d in sorted(data, key=len, reverse=True):  # the reports' own words
            text = text.replace(d, " ")
        text = re.sub(r"\S*!\S*|\(sheet [^)]*\)|sheet \S+", " ", text)  # sheet addresses
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lang == "en":
            bad = [ln for ln in lines if _bare_chinese(ln)]
        else:
            bad = [ln for ln in lines if _english_prose(ln)]
        assert bad == [], (lang, bad[:20])
