"""Fuzzing (issue 12): every reader, on arbitrary mutations of real inputs, gives a report or
an InputError — nothing else — and the mutation fuzzer's short form runs clean.

Three parts:

- **property tests** (hypothesis, derandomized so the suite is the same on every run):
  edits drawn by hypothesis applied to each reader's seed files, read and checked in-process;
- **the short form of** ``benchmarks/fuzz.py`` (a fixed seed, a few dozen cases per reader,
  in worker processes with memory and CPU limits);
- **regressions**: the smallest input of every crash the fuzzer found, each a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bombs
from conftest import ROOT
from reportcheck import api, output
from reportcheck.config import Settings
from reportcheck.errors import InputError

sys.path.insert(0, str(ROOT / "benchmarks"))
import fuzz

SEEDS = fuzz.seeds()
if "pdf" in SEEDS:  # the PDF bombs of issue 21 too (the reader runs under the limits)
    SEEDS["pdf"] = [*SEEDS["pdf"], ("forms-loop.pdf", bombs.pdf_forms_drawing_each_other())]
FUZZ_DATA = ROOT / "tests" / "data" / "fuzz"
LIMITS = Settings(max_memory=400, timeout=60)
"""The PDF reader's limits here: a bomb stops at 400 MB (sooner than at the default)."""


def _read_and_check(name: str, data: bytes) -> None:
    try:
        report = api.read_bytes(name, data, LIMITS)
    except InputError as err:
        assert "\n" not in err.text("en") and "\n" not in err.text("zh")
        assert "internal error" not in err.text("en"), err.text("en")
        return
    result = api.FileResult(name, report, api.check(report))
    output.render([result], "json", "en")


_EDIT = st.tuples(
    st.sampled_from(("insert", "delete", "replace", "truncate", "repeat")),
    st.floats(min_value=0, max_value=1),
    st.one_of(
        st.binary(min_size=1, max_size=24),
        st.sampled_from(fuzz.TOKENS),
    ),
    st.integers(min_value=1, max_value=4096),
)


def _apply(data: bytes, edits: list[tuple[str, float, bytes, int]]) -> bytes:
    out = bytearray(data)
    for op, where, blob, n in edits:
        i = int(where * len(out))
        if op == "insert":
            out[i:i] = blob
        elif op == "delete":
            del out[i : i + n]
        elif op == "replace":
            out[i : i + len(blob)] = blob
        elif op == "truncate":
            del out[i:]
        else:
            out[i:i] = bytes(out[i : i + 64]) * min(n, 200)
    return bytes(out)


def _xml_edit(data: bytes, edits: list[tuple[str, float, bytes, int]]) -> bytes:
    """The edits applied to the main XML part inside the zip (the zip itself stays valid)."""
    import io
    import zipfile

    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename in ("word/document.xml", "xl/worksheets/sheet3.xml"):
                body = _apply(body, edits)
            z.writestr(info.filename, body)
    return buf.getvalue()


_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("kind", sorted(SEEDS))
@_SETTINGS
@given(data=st.data())
def test_mutated_input_gives_a_report_or_an_input_error(kind: str, data: st.DataObject) -> None:
    name, seed = data.draw(st.sampled_from(SEEDS[kind]), label="seed")
    edits = data.draw(st.lists(_EDIT, min_size=1, max_size=4), label="edits")
    mutated = (
        _xml_edit(seed, edits)
        if kind in ("xlsx", "docx") and data.draw(st.booleans())
        else _apply(seed, edits)
    )
    _read_and_check(name, mutated)


def test_the_mutation_fuzzer_runs_clean() -> None:
    """The short form of benchmarks/fuzz.py: 25 cases per reader, fixed seed, limits per case."""
    tallies = fuzz.fuzz(25, seed=12, jobs=2, quiet=True)
    assert set(tallies) == set(SEEDS)
    for kind, tally in tallies.items():
        assert sum(tally.counts.values()) == 25, kind
        assert not tally.failures, f"{kind}: {sorted(tally.failures)}"


def test_the_fuzzer_is_repeatable() -> None:
    one = [data for _, data in fuzz.cases("json", SEEDS["json"], 20, seed=3)]
    two = [data for _, data in fuzz.cases("json", SEEDS["json"], 20, seed=3)]
    assert one == two
    assert one != [data for _, data in fuzz.cases("json", SEEDS["json"], 20, seed=4)]


def test_the_worker_reports_a_crash_as_such() -> None:
    outcome, detail = fuzz.run_one("x.json", b'{"applications": {}}', render=False)
    assert outcome in ("ok", "refused")
    outcome, detail = fuzz.run_one("x.json", b"[" * 100_000, render=False)
    assert outcome == "refused", detail


# ------------------------------------------------------------------ regressions


def test_a_json_key_of_5000_digits_sorts_and_prints() -> None:
    """Found by the fuzzer: a JSON pointer with a 5,000-digit key crashed the finding sort."""
    doc = json.loads((ROOT / "examples" / "2021-valid.json").read_text(encoding="utf-8"))
    doc["applications"]["new_received"]["9" * 5000] = 1
    data = json.dumps(doc).encode()
    report = api.read_bytes("x.json", data)
    findings = api.check(report)
    assert "RC001" in {f.code for f in findings}
    output.render([api.FileResult("x.json", report, findings)], "terminal", "en")


def test_a_prose_figure_of_5000_digits_is_not_compared() -> None:
    """Found by the fuzzer: a 5,000-digit figure in prose crashed the prose rules."""
    text = (ROOT / "examples" / "2021-valid.txt").read_text(encoding="utf-8")
    i = text.index("件")
    j = i
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    assert j < i, "the example's prose has a count before 件"
    data = (text[:j] + "9" * 5001 + text[i:]).encode()
    report = api.read_bytes("x.txt", data)
    api.check(report)


@pytest.mark.parametrize("path", sorted(FUZZ_DATA.glob("*.*")), ids=lambda p: p.name)
def test_saved_fuzz_inputs(path: Path) -> None:
    """Inputs the fuzzer found crashing (its ``--save``), each kept as a regression."""
    if path.suffix in (".md", ".py"):
        pytest.skip("not an input")
    _read_and_check(path.name, path.read_bytes())


def test_two_million_line_breaks_are_refused_before_any_work() -> None:
    """Found by the fuzzer: a mutation that repeated a line break cost 14 s and 690 MB."""
    data = (ROOT / "examples" / "2021-valid.txt").read_bytes() + b"\r" * 2_000_000
    with pytest.raises(InputError, match="lines"):
        api.read_bytes("x.md", data)


LONG_KEY = 20_000
"""Characters of the long JSON key below: enough for a wrap per line to show (the address
takes hundreds of terminal lines), small enough that the suite stays fast. The fuzzer found
it at 200,000, where slicing the rich Text once per line took minutes (fixed in
render/terminal.py: one divide for all lines)."""


def test_a_long_json_key_is_cut_in_the_message_and_kept_once() -> None:
    """Found by the fuzzer: an unknown key of 200,000 characters went whole into RC001's
    message and its "actual" value, and the terminal renderer took minutes to wrap it."""
    doc = json.loads((ROOT / "examples" / "2021-valid.json").read_text(encoding="utf-8"))
    key = "新" * LONG_KEY
    doc["applications"][key] = 1
    report = api.read_bytes("x.json", json.dumps(doc, ensure_ascii=False).encode())
    findings = api.check(report)
    (rc001,) = [f for f in findings if f.code == "RC001"]
    assert len(rc001.message) < 1000 and "…" in rc001.message
    assert rc001.actual is not None and len(rc001.actual) < 1000 and "…" in rc001.actual
    # the address keeps the key whole, once: a waiver or an editor can still point at it
    assert rc001.location is not None and rc001.location.address == f"/applications/{key}"
    assert len(repr(rc001)) < LONG_KEY + 5000
    shown = output.render([api.FileResult("x.json", report, findings)], "terminal", "zh")
    assert "RC001" in shown and len(shown) < 5000  # the terminal shows the address cut
