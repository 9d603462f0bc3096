"""Issue 13: validating a workbook (or JSON) never loads the prose package nor compiles its
patterns; the prose rules load it on the first report with text to read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A pattern only reportcheck.prose compiles (its count of 件/起/宗).
_PROBE = r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:件|起|宗)(?!数)"

_SCRIPT = """
import json, re, sys
import reportcheck.rules
from reportcheck import api
from reportcheck.rules.registry import load_all

load_all()
probe = sys.argv[1]

def state():
    return {
        "rules_loaded": "reportcheck.rules.prose" in sys.modules,
        "prose_loaded": any(m == "reportcheck.prose" or m.startswith("reportcheck.prose.")
                            for m in sys.modules),
        # re's own cache of compiled patterns (_cache2 as well on Python >= 3.13)
        "compiled": any(
            len(key) > 1 and key[1] == probe
            for cache in (getattr(re, "_cache", {}), getattr(re, "_cache2", {}))
            for key in cache
        ),
    }

out = {}
for path in sys.argv[2:]:
    (result,) = api.validate_paths([path])
    assert result.error is None, result.error
    out[path] = {**state(), "codes": sorted({f.code for f in result.findings})}
print(json.dumps(out))
"""


def _run(*paths: str) -> dict[str, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, _PROBE, *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, dict[str, object]] = json.loads(done.stdout)
    return result


def test_the_probe_is_a_prose_pattern() -> None:
    from reportcheck.prose.context import COUNT

    assert COUNT.pattern == _PROBE


def test_workbook_and_json_never_compile_the_prose_patterns() -> None:
    xlsx, js, txt = (
        "examples/2021-valid.xlsx",
        "examples/2021-valid.json",
        "examples/2021-valid.txt",
    )
    got = _run(xlsx, js, txt)
    for path in (xlsx, js):
        assert got[path]["rules_loaded"] is True  # the prose rules did run on it
        assert got[path]["prose_loaded"] is False, path
        assert got[path]["compiled"] is False, path
    # the same process, on a published report: now the prose rules read its text
    assert got[txt]["prose_loaded"] is True
    assert got[txt]["compiled"] is True


def test_the_prose_rules_still_find_on_text(tmp_path: Path) -> None:
    text = (ROOT / "examples/2021-valid.txt").read_text(encoding="utf-8")
    assert text.count("已答复50件") == 1
    path = tmp_path / "report.txt"
    path.write_text(text.replace("已答复50件", "已答复51件"), encoding="utf-8")
    got = _run(str(path))[str(path)]
    assert got["prose_loaded"] is True
    assert got["codes"] == ["RC401"]
