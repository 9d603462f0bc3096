"""Plausibility (issue 27): figures that add up but cannot be right — across years (RC701–
RC703), within one report (RC711, RC712) and across a batch (the summary's 「异常值，请核实」).

The catalogue's cases (tests/test_catalogue_cases.py) run each rule's own examples; here: the
messages say both years' figures and how they decided, a real-looking pair with ordinary
changes gets nothing, the real corpus gets nothing, the thresholds come from the
configuration, --select/--ignore work, and the summary names planted slips of a generated
batch and nothing else.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from factories import Submission
from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Plausibility, Settings, parse_config
from reportcheck.errors import ConfigError
from reportcheck.findings import Finding
from reportcheck.model.report import CellState, Report

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
FEE = ("proactive_disclosure", "administrative_fees", "amount")
PENALTY = ("proactive_disclosure", "administrative_penalty", "decisions")


def _pair(last: Submission, now: Submission, settings: Settings | None = None) -> list[Finding]:
    """The findings of ``now`` checked with ``last`` as last year's report."""
    settings = settings or Settings()
    before = api.read_bytes("2023.json", last.data(), settings)
    report = api.read_bytes("2024.json", now.data(), settings)
    report.previous = before
    return api.check(report, settings)


def _years() -> tuple[Submission, Submission]:
    """A pair that carries on exactly (no RC5xx): last year's report and this year's."""
    now = Submission.valid(year=2024, agency="示例县审计局")
    last = now.copy()
    last.put(2023, "report", "year")
    last.doc["applications"]["carried_forward"] = dict(now.doc["applications"]["carried_over"])
    for row in ("regulations", "normative_documents"):  # in force = last year's + made − repealed
        cells = now.doc["proactive_disclosure"][row]
        before = cells["in_force"] - cells["made"] + cells["repealed"]
        last.put(before, "proactive_disclosure", row, "in_force")
    return last, now


def _rc7(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith("RC7")]


# ------------------------------------------------------------------ across years


def test_a_yuan_for_wan_slip_names_both_years_and_the_factor() -> None:
    last, now = _years()
    last.put(11.8, *FEE)
    now.put(123500, *FEE)
    found = _pair(last, now)
    assert [(f.code, f.severity.value) for f in found] == [("RC701", "warning")]
    [f] = found
    assert "疑似单位错误" in f.message and "上年 11.8 万元" in f.message
    assert "本年 123500 万元" in f.message and "约为上年的 10,000 倍" in f.message
    assert "除以 10,000 为 12.35 万元" in f.message  # what it would be
    assert "判断依据" in f.message and "10,466" in f.message  # how it decided
    assert (
        "about 10,000 times last year's" in f.message_en and "how this was decided" in f.message_en
    )
    assert f.extra["previous_value"] == "11.8" and f.extra["previous_file"] == "2023.json"


def test_a_slip_the_other_way_and_by_a_thousand() -> None:
    last, now = _years()
    last.put(118000, *FEE)  # last year's in yuan
    now.put(12.35, *FEE)
    [f] = _pair(last, now)
    assert (
        f.code == "RC701"
        and "1/10,000" in f.message
        and "上年报告的数可能是以元填写的" in f.message
    )
    last.put(12.5, *FEE)
    now.put(12350, *FEE)
    [f] = _pair(last, now)
    assert f.code == "RC701" and "约为上年的 1,000 倍" in f.message


def test_a_real_looking_pair_with_ordinary_changes_gets_nothing() -> None:
    """Fees double or halve, counts move by up to three times: nothing from RC5xx or RC7xx."""
    rnd = random.Random(27)
    for _ in range(60):
        last, now = _years()
        for row, column in (
            ("administrative_licensing", "decisions"),
            ("administrative_penalty", "decisions"),
            ("administrative_coercion", "decisions"),
        ):
            value = now.doc["proactive_disclosure"][row][column]
            last.put(
                max(1, round(value * rnd.uniform(1 / 3, 3))), "proactive_disclosure", row, column
            )
        fee = (
            Decimal(str(rnd.choice((0.5, 2, 1.6, 0.7, 3))))
            * now.doc["proactive_disclosure"]["administrative_fees"]["amount"]
        )
        last.put(float(round(fee, 2)), *FEE)
        assert _pair(last, now) == [], (
            last.doc["proactive_disclosure"],
            now.doc["proactive_disclosure"],
        )


def test_a_count_jump_is_info_and_its_thresholds_are_the_configuration() -> None:
    last, now = _years()
    now.put(214, *PENALTY)
    last.put(9, *PENALTY)  # ×23.8, 205 more
    [f] = _pair(last, now)
    assert (f.code, f.severity.value) == ("RC702", "info")
    assert (
        "约 23.8 倍" in f.message
        and "相差 205 件" in f.message
        and "20 倍且相差至少 50 件" in f.message
    )
    assert _pair(last, now, Settings(plausibility=Plausibility(jump_factor=Decimal(30)))) == []
    assert _pair(last, now, Settings(plausibility=Plausibility(jump_minimum=300))) == []
    last.put(20, *PENALTY)  # ×10.7
    assert _pair(last, now) == []
    [f] = _pair(last, now, Settings(plausibility=Plausibility(jump_factor=Decimal(10))))
    assert f.code == "RC702" and "10 倍" in f.message


def test_in_force_fallen_to_zero_is_rc703_not_rc502_unless_rc703_is_ignored() -> None:
    last, now = _years()
    now.put(0, "proactive_disclosure", "normative_documents", "in_force")
    [f] = _pair(last, now)
    assert (f.code, f.severity.value) == ("RC703", "warning")
    assert "上年为 27" in f.message and "本年只废止 2 件" in f.message and "判断依据" in f.message
    # ignored, RC502 still says the figures do not add up
    assert [f.code for f in _pair(last, now, Settings(ignore=("RC703",)))] == ["RC502"]
    # from fewer than 10: RC502's business only
    last.put(5, "proactive_disclosure", "normative_documents", "in_force")
    assert [f.code for f in _pair(last, now)] == ["RC502"]


def test_the_batch_pairs_and_compares_every_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked together (more files than the in-memory limit, so through the spool), the
    2024 report is compared with the 2023 one cell by cell, in any number of jobs."""
    monkeypatch.chdir(tmp_path)
    last, now = _years()
    last.put(11.8, *FEE)
    now.put(123500, *FEE)
    last.write(tmp_path / "2023.json")
    now.write(tmp_path / "2024.json")
    for i in range(9):
        Submission.valid(year=2024, agency=f"示例县第{i}局").write(tmp_path / f"x{i}.json")
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["validate", "--no-config", ".", "-f", "json", "--jobs", jobs])
        doc = json.loads(result.stdout)
        codes = {f["file"]: [x["code"] for x in f["findings"]] for f in doc["files"]}
        assert codes["2024.json"] == ["RC701"], codes
        others = [c for k, cs in codes.items() if k != "2024.json" for c in cs]
        assert not [c for c in others if c.startswith("RC7")]


def test_select_and_ignore_as_any_rule(tmp_path: Path) -> None:
    last, now = _years()
    last.put(11.8, *FEE)
    now.put(123500, *FEE)
    last.write(tmp_path / "2023.json")
    now.write(tmp_path / "2024.json")

    def codes(*args: str) -> list[str]:
        result = runner.invoke(
            app,
            [
                "validate",
                "--no-config",
                "--previous",
                str(tmp_path / "2023.json"),
                str(tmp_path / "2024.json"),
                "-f",
                "json",
                *args,
            ],
        )
        return [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]

    assert codes() == ["RC701"]
    assert codes("--ignore", "RC7") == []
    assert codes("--ignore", "RC701") == []
    assert codes("--select", "RC5") == []
    assert codes("--select", "RC701") == ["RC701"]


def test_the_plausibility_table_of_the_configuration(tmp_path: Path) -> None:
    s = parse_config(
        {
            "plausibility": {
                "jump-factor": 10,
                "jump-minimum": 30,
                "unit-tolerance": "2",
                "fee-decimals": 4,
            }
        },
        "reportcheck.toml",
    )
    p = s.plausibility
    assert (p.jump_factor, p.jump_minimum, p.unit_tolerance, p.fee_decimals) == (
        Decimal(10),
        30,
        Decimal(2),
        4,
    )
    assert p.outlier_reports == 20 and s.shown()["plausibility"]["jump-factor"] == "10"
    for bad, words in (
        ({"jump-factr": 10}, "plausibility.jump-factr"),
        ({"jump-factor": 1}, "大于 1"),
        ({"jump-minimum": -3}, "不小于 0 的整数"),
        ({"jump-minimum": 2.5}, "整数"),
        ({"outlier-factor": "x"}, "应为数字"),
    ):
        with pytest.raises(ConfigError, match=words):
            parse_config({"plausibility": bad}, "reportcheck.toml")
    with pytest.raises(ConfigError, match="应为表"):
        parse_config({"plausibility": 3}, "reportcheck.toml")
    # from a file, through the CLI: one line, exit 2
    (tmp_path / "reportcheck.toml").write_text(
        "[plausibility]\njump-factor = 0.5\n", encoding="utf-8"
    )
    Submission.valid().write(tmp_path / "a.json")
    result = runner.invoke(app, ["validate", str(tmp_path / "a.json")])
    assert result.exit_code == 2 and "plausibility.jump-factor" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ within a report


def _one(sub: Submission) -> list[Finding]:
    return api.check(api.read_bytes("a.json", sub.data()), Settings())


def test_a_fee_finer_than_a_fen_says_why() -> None:
    sub = Submission.valid()
    sub.put(12.3456789, *FEE)
    [f] = _one(sub)
    assert (f.code, f.severity.value) == ("RC711", "info")
    assert (
        "7 位小数" in f.message and "123456.789 元" in f.message and "比 0.01 元还细" in f.message
    )
    sub.put(24252.311082, *FEE)  # a real zone's fees, to the fen
    assert _one(sub) == []


def test_a_count_typed_twice_when_a_relation_points_to_the_half() -> None:
    sub = Submission.valid()
    value = sub.doc["applications"]["granted"]["natural_person"]
    assert value >= 10
    sub.put(int(str(value) * 2), "applications", "granted", "natural_person")
    found = _one(sub)
    [f] = [f for f in found if f.code == "RC712"]
    assert f.severity.value == "info" and f.suggestion == str(value)
    assert f"是「{value}」重复了两遍" in f.message and "成立" in f.message
    assert {x.code for x in found} - {"RC712"} <= {"RC300", "RC301", "RC302", "RC303"}
    # a doubled figure nothing points to: nothing
    sub = Submission.valid()
    sub.put(2121, *PENALTY)
    assert _one(sub) == []


# ------------------------------------------------------------------ the real corpus


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus (../shared) is absent")
def test_no_false_alarm_on_the_real_corpus() -> None:
    reports = [p for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".html", ".md", ".pdf")]
    assert reports
    for path in reports:
        result = api.validate_path(path, Settings(select=("RC7",)))
        assert result.findings == [], (path.name, [f.message for f in result.findings])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus (../shared) is absent")
def test_real_reports_against_an_ordinary_last_year() -> None:
    """Each real report, paired with a last year made from it by ordinary changes (every
    figure times 1/3 to 3, money kept to the fen): nothing from RC7xx."""
    rnd = random.Random(7)
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in (".txt", ".html", ".md", ".pdf"):
            continue
        report = api.validate_path(path, Settings()).report
        if report is None or not report.tables:
            continue
        for _ in range(5):
            report.previous = _ordinary_last_year(report, rnd)
            found = _rc7(api.check_cross_year(report, Settings()))
            assert found == [], (path.name, [f.message for f in found])


def _ordinary_last_year(report: Report, rnd: random.Random) -> Report:
    import copy

    last = copy.deepcopy(report)
    last.previous = None
    for data in last.tables.values():
        for key, cell in data.cells.items():
            if cell.state is not CellState.NUMBER or cell.value is None:
                continue
            factor = rnd.uniform(1 / 3, 3)
            if isinstance(cell.value, int):
                value: int | Decimal = round(cell.value * factor)
            else:
                value = round(cell.value * Decimal(str(round(factor, 3))), 2)
            data.cells[key] = replace(cell, value=value)
    return last


# ------------------------------------------------------------------ across a batch


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A generated office batch with three slips planted in department reports: a fee in
    yuan, a count typed twice, a count with its digits lost. Returns the folder and the
    planted file → value."""
    from office import make_office

    folder = make_office(tmp_path_factory.mktemp("plausible") / "收件", files=110, seed=5)
    departments = sorted(p for p in folder.glob("2024-*局.json"))
    assert len(departments) >= 3
    plants = {
        departments[0]: (FEE, 123500),
        departments[1]: (PENALTY, 214214),
        departments[2]: (("proactive_disclosure", "administrative_licensing", "decisions"), 1),
    }
    out = {}
    for path, (where, value) in plants.items():
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc[where[0]][where[1]][where[2]] = value
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        out[f"收件/{path.name}"] = str(value)
    return folder, out


def _summary(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> Path:
    monkeypatch.chdir(folder.parent)
    runner.invoke(app, ["validate", "--no-config", "收件", "--summary", name, "-q", *args])
    return folder.parent / name


def test_the_summary_names_the_planted_slips_and_nothing_else(
    planted: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    folder, plants = planted
    wb = load_workbook(_summary(folder, "汇总.xlsx", monkeypatch))
    ws = wb["异常值，请核实"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    assert {r[0]: str(r[4]) for r in rows} == plants
    fee = next(r for r in rows if str(r[4]) == "123500")
    assert fee[2] == "部门" and "本年收费金额" in fee[3] and fee[5] == "1.25"
    assert fee[6] == "约 98,800 倍" and "中位数为 1.25" in fee[7] and "至少 10 倍" in fee[7]
    page = _summary(folder, "汇总.html", monkeypatch).read_text(encoding="utf-8")
    section = page[page.index('id="outliers"') :]
    for value in plants.values():
        assert f'<b style="color:#c62828">{value}</b>' in section
    assert section.count("<tr><td>") == 3


def test_a_clean_batch_has_no_outliers_and_a_small_one_is_not_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from office import make_office

    folder = make_office(tmp_path / "收件", files=70, seed=8)
    page = _summary(folder, "汇总.html", monkeypatch).read_text(encoding="utf-8")
    section = page[page.index('id="outliers"') :]
    assert "<tr><td>" not in section.split("</section>")[0] and "<p>无</p>" in section
    small = tmp_path / "small" / "收件"
    small.mkdir(parents=True)
    for i in range(5):
        Submission.valid(agency=f"示例县第{i}局").write(small / f"{i}.json")
    page = _summary(small, "汇总.html", monkeypatch).read_text(encoding="utf-8")
    assert "没有哪个单元格有至少 20 份同级报告的数" in page


def test_outlier_thresholds_come_from_the_configuration(
    planted: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder, _ = planted
    config = tmp_path / "c.toml"
    config.write_text("[plausibility]\noutlier-factor = 100000\n", encoding="utf-8")
    monkeypatch.chdir(folder.parent)
    runner.invoke(app, ["validate", "--config", str(config), "收件", "--summary", "c.html", "-q"])
    section = (folder.parent / "c.html").read_text(encoding="utf-8").split('id="outliers"')[1]
    assert section.count("<tr><td>") == 0  # 98,800 and 6,120 times are under 100,000


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_the_outliers_in_a_real_browser(
    planted: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder, plants = planted
    page = _summary(folder, "汇总.html", monkeypatch).resolve()
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'p'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout.split('id="outliers"')[1]
    assert "异常值，请核实" in done.stdout and all(v in dom for v in plants.values())


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None or PDFTOPPM is None, reason="LibreOffice or pdftoppm is not installed"
)
def test_the_outlier_sheet_prints(
    planted: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """LibreOffice opens the workbook and prints the sheet with every planted figure."""
    folder, plants = planted
    book = _summary(folder, "汇总.xlsx", monkeypatch)
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "汇总.pdf"), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    last = text[text.rindex("异常值，请核实") :]
    assert all(v in last for v in plants.values())


def test_outliers_on_a_real_spread_name_only_the_slip() -> None:
    """Figures that vary as real bureaus' do (log-normal, about ×3 either way): none is an
    outlier, until one is written in yuan — ×10,000 — which is the only one named."""
    from reportcheck.summary.outliers import Figures

    rnd = random.Random(11)
    reports = []
    for i in range(40):
        sub = Submission.valid(agency=f"示例县第{i}局")
        sub.put(max(1, round(35 * 10 ** rnd.gauss(0, 0.5))), *PENALTY)
        sub.put(float(round(Decimal("1.25") * Decimal(str(10 ** rnd.gauss(0, 0.4))), 2)), *FEE)
        reports.append(api.read_bytes(f"{i}.json", sub.data()))
    figures = Figures()
    for i, report in enumerate(reports):
        figures.add(i, report)
    assert figures.outliers(Plausibility()) == []
    slipped = Submission.valid(agency="示例县第40局")
    slipped.put(12500, *FEE)  # 1.25 万元 written in yuan
    figures.add(40, api.read_bytes("40.json", slipped.data()))
    [o] = figures.outliers(Plausibility())
    assert (o.index, o.family[2:], o.value) == (40, FEE, "12500")
    assert o.deviations > 5 and o.ratio > 1000 and "稳健标准差" in o.why("zh", Plausibility())
    # fewer reports than outlier-reports: nothing is compared
    assert figures.outliers(Plausibility(outlier_reports=50)) == []
