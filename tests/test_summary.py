"""``validate --summary FILE`` (issue 11, item 1): the workbook, the page and the CSV an office
forwards — one row per file, every finding, the batch's duplicates, cross-year pairs, missing
years and the files not checked."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from office import make_office
from reportcheck.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_office(tmp_path_factory.mktemp("office") / "收件", files=40, seed=3)


@pytest.fixture
def here(office: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(office.parent)
    return office.parent


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", "--no-config", *args])
    return result.exit_code, result.stdout, result.stderr


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    _, out, _ = _run("收件", "-f", "json", *args)
    return json.loads(out)  # type: ignore[no-any-return]


def test_the_workbook(here: Path) -> None:
    from openpyxl import load_workbook

    code, _, _ = _run("收件", "--summary", "汇总.xlsx", "-q")
    assert code == 2  # the damaged workbook in the folder
    doc = _json()
    wb = load_workbook(here / "汇总.xlsx")
    assert wb.sheetnames == ["汇总", "问题清单", "批次情况", "异常值，请核实"]
    files = wb["汇总"]
    assert files.freeze_panes == "C5" and files.auto_filter.ref.startswith("A4:")
    head = [c.value for c in files[4]]
    assert head[:10] == [
        "序号",
        "文件",
        "机关",
        "层级",
        "年度",
        "格式版本",
        "发布日期",
        "发布期限",
        "是否按期",
        "状态",
    ]
    rows = [[c.value for c in r] for r in files.iter_rows(min_row=5)]
    assert len(rows) == len(doc["files"]) == doc["summary"]["files"]
    by_file = {r[1]: r for r in rows}
    for f in doc["files"]:
        row = by_file[f["file"]]
        assert row[2] == f["agency"] and row[4] == f["report_year"]  # empty cells read None
        if f["status"] == "checked":
            s = f["summary"]
            expected = "有错误" if s["error"] else "仅警告" if s["warning"] else "通过"
            assert (row[9], row[10], row[11]) == (expected, s["error"], s["warning"])
        else:
            assert row[9] == ("不支持" if f["status"] == "unsupported" else "无法读取")
            assert row[14]  # the reason
    assert files.column_dimensions["C"].width > 10  # Chinese names are not cut to 8
    assert files["B5"].hyperlink is not None  # the file opens from the summary
    bad = next(r for r in rows if r[9] == "有错误")
    assert bad[14].startswith("RC3")  # the first error, in words
    late = next(r for r in rows if r[8] and str(r[8]).startswith("逾期"))
    assert re.fullmatch(r"逾期 \d+ 天", late[8])
    findings = list(wb["问题清单"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == sum(len(f["findings"]) for f in doc["files"])
    assert wb["问题清单"].auto_filter.ref == f"A1:O{len(findings) + 1}"
    rc300 = next(r for r in findings if r[3] == "RC300")
    assert rc300[6].startswith("表三!") and rc300[10] is not None  # its place, actual value
    batch = [" ".join(str(c) for c in r if c is not None) for r in wb["批次情况"].values]
    text = "\n".join(batch)
    assert "同一机关同一年度报送了不止一份" in text and "（重新报送）" in text
    assert "与上年报告对照" in text and "未检查的文件" in text
    assert "2024-示例县档案馆.xls 无法读取 损坏的 Office 文件" in text
    assert "缺少年度（本批含 2023–2024 年度）" in text


def test_the_workbook_in_english(here: Path) -> None:
    from openpyxl import load_workbook

    _run("收件", "--summary", "summary.xlsx", "--lang", "en", "-q")
    wb = load_workbook(here / "summary.xlsx")
    assert wb.sheetnames == ["Summary", "Findings", "Batch", "Outliers"]
    statuses = {r[9] for r in wb["Summary"].iter_rows(min_row=5, values_only=True)}
    assert statuses <= {"passed", "errors", "warnings only", "unreadable", "not supported"}
    assert "not supported" in statuses


def test_the_csv(here: Path) -> None:
    _run("收件", "--summary", "汇总.csv", "-q")
    raw = (here / "汇总.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 CSV with a BOM correctly
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][-2:] == ["同年重复", "缺少年度"]
    doc = _json()
    assert len(rows) - 1 == len(doc["files"])
    twice = [r for r in rows[1:] if r[-2]]
    assert len(twice) == 2 and any("（重新报送）" in r[-2] for r in twice)


def test_the_page_is_one_offline_file(here: Path) -> None:
    _run("收件", "--summary", "汇总.html", "-q")
    page = (here / "汇总.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="zh-CN">' in page
    assert "default-src 'none'" in page  # the browser may fetch nothing
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<svg") == 3  # status, codes, agencies
    doc = _json()
    assert page.count('<tr class="file"') == len(doc["files"])
    assert page.count('<tr class="detail" hidden>') == len(doc["files"])
    assert "表三!D7" in page or "表三!J28" in page  # the terminal's view of the RC300 finding
    assert "同一机关同一年度报送了不止一份" in page and "未检查的文件" in page
    _run("收件", "--summary", "summary.html", "--lang", "en", "-q")
    en = (here / "summary.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in en and "Files not checked" in en and "未检查的文件" not in en


def test_cross_year_pairs_and_missing_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    last = Submission.valid(year=2023, agency="示例县审计局")
    last.write(tmp_path / "a-2023.json")
    this = Submission.valid(year=2024, agency="示例县审计局")
    this.write(tmp_path / "a-2024.json")
    Submission.valid(year=2024, agency="示例县统计局").write(tmp_path / "b-2024.json")
    _run("a-2023.json", "a-2024.json", "b-2024.json", "--summary", "s.xlsx")
    rows = [[c for c in r if c is not None] for r in load_workbook("s.xlsx")["批次情况"].values]
    pair = next(r for r in rows if "a-2024.json" in r)
    assert pair[:4] == ["示例县审计局", 2024, "a-2024.json", "a-2023.json"]
    assert pair[4] >= 1  # RC501: the generated figures do not carry on
    assert ["示例县统计局", "2024", "2023"] in rows


def test_bad_summary_options(here: Path) -> None:
    code, _, err = _run("收件/2024-示例县档案馆.xls", "--summary", "x.pdf")
    assert code == 2 and "x.pdf" in err and ".xlsx、.html 或 .csv" in err
    some = next(p for p in (here / "收件").glob("*.json"))
    code, _, err = _run(str(some), "--summary", str(some.with_suffix(".csv")))
    assert code in (0, 1)
    copy = here / "in.csv"
    shutil.copy(here / "汇总.csv" if (here / "汇总.csv").exists() else some, copy)
    code, _, err = _run(str(copy), "--summary", str(copy))
    assert code == 2 and "不能覆盖输入文件" in err
    code, _, err = _run(str(some), "--summary", "no-such-dir/s.xlsx")
    assert code == 2 and "no-such-dir/s.xlsx: 无法写入" in err


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_the_page_in_a_real_browser(here: Path, tmp_path: Path) -> None:
    """Headless chromium: the page renders, the filter in the address applies, the sort
    orders, a file opens to its findings, and the browser requests nothing but the file."""
    _run("收件", "--summary", "汇总.html", "-q")
    page = (here / "汇总.html").resolve()
    netlog = tmp_path / "net.json"

    def dom(fragment: str, log: Path | None = None) -> str:
        return dom_of(page, log, fragment)

    def dom_of(target: Path, log: Path | None = None, fragment: str = "") -> str:
        cmd = [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ]
        if log is not None:
            cmd.append(f"--log-net-log={log}")
        done = subprocess.run(
            [*cmd, target.as_uri() + fragment], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    everything = dom("", netlog)
    rows = re.findall(r'<tr class="file"[^>]*>', everything)
    assert len(rows) == everything.count('<tr class="detail"') > 30
    assert f"显示 {len(rows)} / {len(rows)} 个文件" in everything
    # what the page asked for (chromium's own update and time requests are not the page's)
    assert _page_requests(netlog) == []
    control = tmp_path / "control.html"  # the check does see a page that fetches
    control.write_text('<img src="http://example.invalid/x.png">', encoding="utf-8")
    seen = tmp_path / "control.json"
    dom_of(control, seen)
    assert _page_requests(seen) == ["http://example.invalid/x.png"]
    errors_only = dom("#status=errors")
    tags = re.findall(r'<tr class="file"[^>]*>', errors_only)
    visible = [re.findall(r'data-status="(\w+)"', t)[0] for t in tags if "hidden" not in t]
    assert visible and set(visible) == {"errors"}
    assert re.search(f"显示 {len(visible)} / {len(rows)} 个文件", errors_only)
    words = dom("#q=" + "示例县财政局")
    visible = [m for m in re.findall(r'<tr class="file"[^>]*>', words) if "hidden" not in m]
    assert 1 <= len(visible) < len(rows)
    by_errors = dom("#sort=9-desc")  # column 9 of the page (发布期限 is a tooltip): 错误
    first = re.search(r'<tr class="file" data-status="(\w+)"', by_errors)
    assert first is not None and first.group(1) == "errors"
    opened = dom("#status=errors&open=" + _first_error_row(everything))
    assert 'aria-expanded="true"' in opened
    detail = opened.split('aria-expanded="true"', 1)[1].split('<tr class="file"', 1)[0]
    assert '<tr class="detail">' in detail and "RC3" in detail and "≠" in detail


def _page_requests(netlog: Path) -> list[str]:
    """URLs that a page opened from a file asked for (its network isolation key is file://)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return sorted(
        {
            e["params"]["url"]
            for e in log["events"]
            if e["type"] == start
            and str(e["params"].get("network_isolation_key", "")).startswith("file://")
            and not e["params"]["url"].startswith("file:")
        }
    )


def _first_error_row(dom: str) -> str:
    m = re.search(r'<tr class="file" data-status="errors"[^>]*><td class="num">(\d+)</td>', dom)
    assert m is not None
    return m.group(1)


def test_the_workbook_links_the_marked_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --annotate in the same run, 标注文件 links each file to its marked workbook."""
    from openpyxl import load_workbook

    examples = Path(__file__).resolve().parents[1] / "examples"
    monkeypatch.chdir(tmp_path)
    shutil.copy(examples / "invalid" / "RC300-culprit.xlsx", "a.xlsx")
    shutil.copy(examples / "2021-valid.xlsx", "b.xlsx")
    code, _, _ = _run("a.xlsx", "b.xlsx", "--annotate", "marked", "--summary", "s.xlsx")
    assert code == 1
    ws = load_workbook("s.xlsx")["汇总"]
    assert ws.cell(4, 17).value == "标注文件"
    links = [(ws.cell(r, 2).value, ws.cell(r, 17).hyperlink) for r in (5, 6)]
    assert [(f, h.target if h else None) for f, h in links] == [
        ("a.xlsx", "marked/a-标注.xlsx"),
        ("b.xlsx", "marked/b-标注.xlsx"),
    ]
    assert all((tmp_path / "marked" / n).is_file() for n in ("a-标注.xlsx", "b-标注.xlsx"))


def test_places_not_read_are_counted_apart(tmp_path: Path) -> None:
    """A row reportcheck could not read (RC003) is no warning of the report: the closing line
    and both summaries count it apart (issue 19)."""
    from openpyxl import load_workbook

    text = (Path(__file__).parents[1] / "examples" / "2021-valid.txt").read_text("utf-8")
    line = next(x for x in text.split("\n") if x.startswith("（二）部分公开"))
    (tmp_path / "a.txt").write_text(text.replace(line, "（二）部分公开 5 0 0"), "utf-8")
    result = runner.invoke(
        app,
        ["validate", "--no-config", str(tmp_path / "a.txt"), "-f", "concise",
         "--summary", str(tmp_path / "s.xlsx"), "--summary", str(tmp_path / "s.html")],
    )  # fmt: skip
    assert result.exit_code == 0, result.stdout
    assert "1 处未能读取、未检查" in result.stdout.splitlines()[-1]
    assert "0 个警告" in result.stdout.splitlines()[-1]
    line1 = str(load_workbook(tmp_path / "s.xlsx")["汇总"]["A2"].value)
    assert "1 处未能读取、未检查" in line1
    assert "1 处未能读取、未检查" in (tmp_path / "s.html").read_text("utf-8")
