"""Markdown output: a totals heading and one table per file; cells escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import Submission
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.findings import Finding, Severity
from reportcheck.render import markdown


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if (
            line.startswith("| ")
            and not line.startswith("| Code")
            and not line.startswith("| 代码")
        ):
            # split on unescaped pipes
            cells, cur, i = [], "", 1
            while i < len(line):
                if line[i] == "\\" and i + 1 < len(line):
                    cur += line[i : i + 2]
                    i += 2
                    continue
                if line[i] == "|":
                    cells.append(cur.strip())
                    cur = ""
                else:
                    cur += line[i]
                i += 1
            rows.append(cells)
    return rows


def test_one_table_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Submission.valid().write(tmp_path / "good.json")
    bad = Submission.valid().add("applications", "granted", "natural_person", 1)
    bad.write(tmp_path / "bad.json")
    waived = bad.copy()
    waived.doc["waivers"] = [{"code": "RC300", "reason": "corrected in print"}]
    waived.write(tmp_path / "waived.json")
    results = [api.validate_path(n) for n in ("good.json", "bad.json", "waived.json", "nope.json")]
    text = markdown.render(results, "en")
    lines = text.splitlines()
    assert (
        lines[0] == "## reportcheck: 1 error, 0 warnings, 0 info, 1 waived, 1 unreadable in 4 files"
    )
    headings = [line for line in lines if line.startswith("### ")]
    assert [h.split("`")[1] for h in headings] == [
        "good.json",
        "bad.json",
        "waived.json",
        "nope.json",
    ]
    assert "no problems found" in headings[0]
    assert "could not be checked" in headings[3]
    rows = _table_rows(text)
    assert [(r[0], r[1]) for r in rows] == [("`RC300`", "error"), ("`RC300`", "~~error~~ waived")]
    assert rows[0][3].startswith("/applications/granted/natural_person")
    assert (rows[0][5], rows[0][6]) == ("21", "20")
    assert "corrected in print" in rows[1][4]


def test_cells_are_escaped() -> None:
    f = Finding("RC201", Severity.ERROR, "a | b\nc", "a | b\nc", file="x.json", actual="1|2")
    text = markdown.render([FileResult("x.json", None, [f])], "zh")
    (row,) = _table_rows(text)
    assert len(row) == 7
    assert row[4] == "a \\| b c"
    assert row[5] == "1\\|2"
