"""All cores, streamed (issue 11, items 3 and 5): ``--jobs N`` gives the same output in input
order for any N, cross-year pairing still works, results come back slim, one at a time; the
progress bar only on a terminal; ``--statistics --format json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from office import make_office
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.batch import CROSS_YEAR_ROWS, Batch
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.inputs import collect
from reportcheck.render import RenderOptions, json_

runner = CliRunner()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_office(tmp_path_factory.mktemp("office") / "收件", files=36, seed=5)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", "--no-config", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "concise", "terminal", "markdown"])
def test_the_output_is_the_same_for_any_number_of_jobs(office: Path, fmt: str) -> None:
    one = _run(str(office), "-f", fmt, "--jobs", "1")
    two = _run(str(office), "-f", fmt, "--jobs", "2")
    three = _run(str(office), "-f", fmt, "-j", "3")
    assert one == two == three
    assert one[0] == 2  # the damaged workbook


def test_the_batch_gives_what_validate_paths_gives(office: Path) -> None:
    got = collect([str(office)])
    files = [p for p in got.files if p not in got.skipped]
    checked = {r.path: r for r in api.validate_paths(files, Settings())}
    expected = [checked.get(p) or FileResult(p, error=got.skipped[p]) for p in got.files]
    with Batch(got.files, lambda p: Settings(), got.skipped, jobs=2) as run:
        run.run()
        streamed = list(run.results())
        assert run.counts["files"] == len(expected)
    assert json_.render(streamed) == json_.render(expected)
    paired = [r for r in streamed if r.report is not None and r.report.previous is not None]
    assert paired  # the office folder has agencies with two years
    for r in streamed:
        if r.report is None:
            continue
        assert r.report.text is None and r.report.sections is None  # slim: no text kept
        assert r.report.tables == {}  # the cells stay in the spool: no renderer reads them


def test_a_slim_report_keeps_what_the_cross_year_rules_read(office: Path) -> None:
    """The cells the spool keeps apart (pack) come back as they were (unpack)."""
    from reportcheck.batch import pack, slim, unpack

    got = collect([str(office)])
    checked = 0
    for path in got.files:
        if path in got.skipped:
            continue
        report = api.validate_path(path, Settings()).report
        if report is None:
            continue
        thin = slim(report)
        for tid, data in thin.tables.items():
            # every cell: the plausibility checks across years (RC70x) compare them all
            assert set(data.cells) == set(report.tables[tid].cells)
        assert thin.tables, path  # 表二 and 表三 are in every report of the office folder
        for tid, rows in CROSS_YEAR_ROWS.items():  # what the continuity rules (RC5xx) read
            assert {row for row, _ in thin.tables[tid].cells} >= set(rows)
        back = unpack(pack(thin.tables))
        assert back == thin.tables
        checked += 1
    assert checked


def test_cross_year_pairs_in_any_input_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    last = Submission.valid(year=2023, agency="示例县审计局")
    last.add("applications", "carried_forward", "natural_person", 2)  # breaks its own R3 too
    last.write(tmp_path / "2023.json")
    Submission.valid(year=2024, agency="示例县审计局").write(tmp_path / "2024.json")
    for jobs in ("1", "2"):
        _, out, _ = _run("2024.json", "2023.json", "-f", "json", "--jobs", jobs)
        files = json.loads(out)["files"]
        assert files[0]["file"] == "2024.json" and files[0]["previous"] == "2023.json"
        assert "RC501" in {f["code"] for f in files[0]["findings"]}
        assert files[1]["previous"] is None


def test_an_explicit_previous_of_the_wrong_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Submission.valid(year=2022, agency="示例县审计局").write(tmp_path / "2022.json")
    Submission.valid(year=2024, agency="示例县审计局").write(tmp_path / "2024.json")
    for jobs in ("1", "2"):
        code, out, _ = _run("2024.json", "--previous", "2022.json", "-f", "json", "-j", jobs)
        doc = json.loads(out)
        assert [f["code"] for f in doc["files"][0]["findings"]] == ["RC500"]
        assert doc["summary"]["warning"] == 1 and code == 0


def test_statistics_as_json(office: Path) -> None:
    _, text, _ = _run(str(office), "--statistics")
    code, out, _ = _run(str(office), "--statistics", "-f", "json")
    doc = json.loads(out)
    assert doc["kind"] == "statistics" and doc["summary"]["files"] == 36
    assert doc["codes"] and doc["codes"] == sorted(
        doc["codes"], key=lambda c: (-c["count"], c["code"])
    )
    top = doc["codes"][0]
    assert f"{top['code']}  " in text and str(top["count"]) in text.splitlines()[1]
    assert {"code", "rule", "severity", "count", "files", "summary"} == set(top)
    assert code == 2  # the damaged workbook, as without --statistics


def test_the_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from reportcheck.run import progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with progress(21, quiet=False) as tick:
        assert tick is not None
        tick(5)
    with progress(20, quiet=False) as tick:
        assert tick is None  # a handful of files: no bar
    with progress(500, quiet=True) as tick:
        assert tick is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    with progress(500, quiet=False) as tick:
        assert tick is None  # piped or in CI: no bar


def test_no_progress_bar_in_the_output(office: Path) -> None:
    _, out, err = _run(str(office), "-f", "json")
    json.loads(out)
    assert "\r" not in err and "检查 /" not in err


def test_the_streamed_sarif_is_the_document(office: Path) -> None:
    import io

    from reportcheck.render import sarif

    got = collect([str(office)])
    with Batch(got.files, lambda p: Settings(), got.skipped, jobs=1) as run:
        run.run()
        results = list(run.results())
    buf = io.StringIO()
    sarif.write(results, buf, RenderOptions("en", project_root=office.parent))
    assert json.loads(buf.getvalue()) == sarif.document(results, "en", office.parent)


@pytest.mark.parametrize("previous", [False, True])
def test_a_few_files_held_in_memory_give_what_the_spool_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, previous: bool
) -> None:
    """Issue 13: a handful of files checked in-process keep their results in memory (no
    spool, no pickling); the results are those read back from the spool, and each call of
    results() gives fresh ones (the baseline filters the first pass in place)."""
    import reportcheck.batch as batch

    last = Submission.valid(year=2023, agency="示例县审计局")
    last.add("applications", "carried_forward", "natural_person", 2)
    last.write(tmp_path / "2023.json")
    Submission.valid(year=2024, agency="示例县审计局").write(tmp_path / "2024.json")
    Submission.valid(year=2022, agency="示例县审计局").write(tmp_path / "2022.json")
    files = [str(tmp_path / "2024.json"), str(tmp_path / "2023.json")]
    prev = str(tmp_path / "2022.json") if previous else None

    def streamed(in_memory: int) -> tuple[str, str, bool, dict[str, int]]:
        monkeypatch.setattr(batch, "IN_MEMORY", in_memory)
        with Batch(files, lambda p: Settings(), previous=prev, jobs=1) as run:
            run.run()
            first = list(run.results())
            shown = json_.render(first)
            held = bool(run._held)
            for r in first:  # as the baseline does: the first pass is changed in place
                r.findings = []
                if r.report is not None:
                    r.report.previous = None
            second = list(run.results())
        return shown, json_.render(second), held, run.counts

    spooled, spooled_again, held, counts = streamed(0)
    assert not held
    kept, kept_again, held, kept_counts = streamed(8)
    assert held
    assert kept == spooled == kept_again == spooled_again  # fresh each time
    doc = json.loads(kept)["files"][0]
    assert doc["findings"] and doc["previous"]  # paired, with cross-year findings
    assert kept_counts == counts
