"""The inputs of issue 21 (tests/bombs.py): each ends with a clear result — findings or one
line naming the file, never "internal error" — through the batch as a run checks them
(the PDF reader in a child under the memory limit). ``benchmarks/hostile.py`` prints the
time and memory of each; no timed assertions here."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bombs import BOMBS
from reportcheck import isolate, output
from reportcheck.batch import Batch
from reportcheck.config import Settings

EXPECTED = {
    "pdf: two forms drawing each other twice": "out of memory",
    "pdf: a chain of 30 forms each drawing the next twice": "out of memory",
    "pdf: page content inflating to 256 MiB": ("no text layer", "out of memory"),
    "text: a 50 MB line of digits": "characters (limit 200000",
    "xlsx: a row numbered r='²'": "row number “²”",
}
"""Cases refused, with a word of the reason; every other case is read."""

FINDINGS = {
    "json: a value of 1e-999999": {"RC203"},
}

SETTINGS = Settings(max_memory=512, timeout=120)
"""A lower memory limit than the default (the PDF bombs reach it sooner); time enough for
a loaded machine (the limit itself is tested in test_isolation.py)."""


@pytest.mark.parametrize("name", list(BOMBS))
def test_each_bomb_ends_with_a_clear_result(name: str, tmp_path: Path) -> None:
    if name.startswith("pdf") and not isolate.CAN_FORK:
        pytest.skip("the PDF reader's memory limit needs fork")
    filename, build = BOMBS[name]
    path = tmp_path / filename
    path.write_bytes(build())
    with Batch([str(path)], lambda p: SETTINGS, jobs=1) as run:
        run.run()
        (result,) = run.results()
    if name in EXPECTED:
        assert result.error is not None, name
        line = result.error.text("en")
        assert any(word in line for word in EXPECTED[name]) and "\n" not in line
        assert "internal error" not in line
    else:
        assert result.error is None, result.error.text("en")
        assert FINDINGS.get(name, set()) <= {f.code for f in result.findings}
    for fmt in output.FORMATS:
        text = output.render([result], fmt, "en")
        text.encode("utf-8")  # every format encodable: no lone surrogate left
        assert max(map(len, text.splitlines())) < 20_000, fmt


def test_a_tiny_value_is_written_in_scientific_notation(tmp_path: Path) -> None:
    path = tmp_path / "tiny.json"
    path.write_bytes(BOMBS["json: a value of 1e-999999"][1]())
    with Batch([str(path)], lambda p: SETTINGS, jobs=1) as run:
        run.run()
        (result,) = run.results()
    text = output.render([result], "terminal", "en")
    assert "1E-999999" in text and len(text) < 20_000


def test_lone_surrogates_in_a_submission_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(BOMBS["json: lone surrogates in strings"][1]())
    with Batch([str(path)], lambda p: SETTINGS, jobs=1) as run:
        run.run()
        (result,) = run.results()
    assert result.report is not None
    assert result.report.metadata.agency == "示例\\ud800县\\udfff"
    for fmt in ("terminal",):
        assert "示例\\ud800县\\udfff" in output.render([result], fmt, "zh")


def test_a_long_sentence_is_cut_in_bounded_pieces() -> None:
    """A run without a full stop is cut at semicolons (else commas) into pieces of at most
    1,000 characters; a run of 100,000 digits into pieces of 1,000, not of one digit (the
    prose checks stay linear: that run took 65 s when each cut backed off to one digit)."""
    from reportcheck.prose.sentences import MAX_SENTENCE, _bounded

    digits = "1" * 100_000
    pieces = _bounded(digits, 0, len(digits))
    assert len(pieces) == 100 and all(b - a == MAX_SENTENCE for a, b in pieces)
    prose = "共收到申请52件，其中自然人45件、法人4件、其他3件；" * 200
    pieces = _bounded(prose, 0, len(prose))
    assert all(prose[b - 1] == "；" for _, b in pieces[:-1])
    assert all(b - a <= MAX_SENTENCE for a, b in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(prose)
    assert all(x[1] == y[0] for x, y in itertools.pairwise(pieces))
