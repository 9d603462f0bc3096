"""The formats offices still hold (issue 25): .xls, .et and .ods read natively; .doc and .wps
read through a LibreOffice conversion when it is installed.

The files under tests/data/old/ were made by LibreOffice from the repository's own
workbooks and Word report (tests/data/old/make_old.py). Each must give the same values,
places and findings as its source. The conversion tests are slow and skip without
``soffice``; the guards of the conversion (time and size limits, no LibreOffice,
``--no-convert``) are tested with stand-in programs, without LibreOffice.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck import api
from reportcheck.cli import app
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.inputs import REPORT_SUFFIXES, collect
from reportcheck.readers import convert as conv
from reportcheck.readers.detect import sniff

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "tests" / "data" / "old"
EXAMPLES = ROOT / "examples"
SOFFICE = shutil.which("soffice")
no_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
runner = CliRunner()

PAIRS = [
    (EXAMPLES / "2021-valid.xlsx", OLD / "report-2021.xls"),
    (EXAMPLES / "2021-valid.xlsx", OLD / "report-2021.ods"),
    (EXAMPLES / "invalid" / "RC301-row-total.xlsx", OLD / "rc301-2021.xls"),
]


def _cells(result: api.FileResult) -> dict[tuple[str, tuple[str, str]], tuple[object, str]]:
    assert result.report is not None, result.error
    return {
        (table, key): (cell.value, cell.location.address if cell.location else "")
        for table, data in result.report.tables.items()
        for key, cell in data.cells.items()
    }


def _findings(result: api.FileResult) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return sorted(
        (f.code, f.table, f.row, f.column, f.location.address if f.location else "")
        for f in result.findings
        if f.code != "RC008"
    )


@pytest.mark.parametrize(("source", "old"), PAIRS, ids=lambda p: Path(p).name)
def test_an_old_workbook_gives_what_its_xlsx_gives(source: Path, old: Path) -> None:
    want, got = api.validate_path(source), api.validate_path(old)
    assert got.error is None, got.error
    assert got.report is not None and want.report is not None
    assert _cells(got) == _cells(want)  # the same values at the same places (表三!D7)
    assert len(_cells(got)) > 150
    assert _findings(got) == _findings(want)
    assert got.report.metadata == want.report.metadata
    assert got.report.kind == old.suffix[1:]


def test_the_rc301_workbook_names_its_cell_as_excel_does() -> None:
    result = api.validate_path(OLD / "rc301-2021.xls")
    places = {f.location.address for f in result.findings if f.location is not None}
    assert result.findings and all(re.match(r"^表[二三四]!\$?[A-Z]+\d+$", p) for p in places)


def test_the_kind_is_told_by_the_content_not_the_suffix(tmp_path: Path) -> None:
    xls = (OLD / "report-2021.xls").read_bytes()
    ods = (OLD / "report-2021.ods").read_bytes()
    assert sniff("a.xls", xls) == sniff("a.et", xls) == sniff("a.doc", xls) == "xls"
    assert sniff("a.bin", xls) == "xls"
    assert sniff("a.ods", ods) == sniff("a.zip", ods) == "ods"
    # a WPS .et is the same workbook inside: read natively
    (tmp_path / "县档案馆.et").write_bytes(xls)
    result = api.validate_path(tmp_path / "县档案馆.et")
    assert result.error is None and result.findings == []
    # an .xls that is a web page is still a web page
    page = "<html><body><table><tr><td>表三</td></tr></table></body></html>"
    assert sniff("a.xls", page.encode()) == "html"


def test_an_ole_file_that_is_neither_workbook_nor_document_is_named() -> None:
    from reportcheck.readers.ole import OleFile, kind_of

    names = OleFile("a.xls", (OLD / "report-2021.xls").read_bytes()).names()
    assert "Workbook" in names and kind_of(names) == "xls"
    assert kind_of({"WordDocument", "1Table"}) == "doc"
    assert kind_of({"PowerPoint Document"}) is None
    assert kind_of({"EncryptedPackage", "EncryptionInfo"}) == "encrypted"


def test_folder_walks_and_globs_check_the_old_kinds(tmp_path: Path) -> None:
    for name in ("a.xls", "b.et", "c.ods", "d.doc", "e.wps", "f.odt"):
        (tmp_path / name).write_bytes(b"x")
    got = collect([str(tmp_path)])
    assert len(got.files) == 6 and not got.skipped
    got = collect([str(tmp_path / "*.et")])
    assert [Path(p).name for p in got.files] == ["b.et"] and not got.skipped


def test_the_pre_commit_pattern_takes_every_kind_a_walk_checks() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    pattern = re.compile(hook["files"])
    for suffix in REPORT_SUFFIXES:
        assert pattern.search(f"reports/x{suffix}"), suffix


# ------------------------------------------------------------------ writing the new format


def test_annotate_on_an_xls_writes_the_official_workbook(tmp_path: Path) -> None:
    out = tmp_path / "marked.xlsx"
    res = runner.invoke(
        app, ["validate", "--no-config", str(OLD / "rc301-2021.xls"), "--annotate", str(out)]
    )
    assert res.exit_code == 1, res.stdout
    with zipfile.ZipFile(out) as z:
        assert "xl/workbook.xml" in z.namelist()  # an .xlsx, never the old format
    import openpyxl

    wb = openpyxl.load_workbook(out)
    assert "表三" in wb.sheetnames and wb.sheetnames[0] == "问题清单"


def test_convert_apply_suggestions_on_an_xls_writes_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "fixed.xlsx"
    res = runner.invoke(
        app, ["convert", str(OLD / "rc301-2021.xls"), "-o", str(out), "--apply-suggestions"]
    )
    assert res.exit_code == 0, res.stdout
    with zipfile.ZipFile(out) as z:
        assert "xl/workbook.xml" in z.namelist()  # an .xlsx, never the old format
    again, source = api.validate_path(out), api.validate_path(OLD / "rc301-2021.xls")
    assert again.error is None
    # no certain correction for a row total (which cell is wrong?): the values as read
    assert {k: v[0] for k, v in _cells(again).items()} == {
        k: v[0] for k, v in _cells(source).items()
    }
    codes = [f.code for f in source.findings if f.code.startswith("RC3")]
    assert "RC301" in codes and [f.code for f in again.findings if f.code in codes] == codes


# ------------------------------------------------------------------ the conversion


def test_without_libreoffice_the_line_names_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "县民政局.doc"
    shutil.copy(OLD / "invalid" / "word-2021.doc", doc)
    monkeypatch.setattr(conv, "soffice", lambda: None)
    with pytest.raises(InputError) as info:
        api.read_path(doc)
    err = info.value
    assert err.unsupported
    zh, en = err.text("zh"), err.text("en")
    assert "\n" not in zh and "另存为 .docx" in zh and "安装 LibreOffice" in zh
    assert "save it as .docx" in en and "install LibreOffice" in en
    with pytest.raises(InputError, match="no-convert"):
        api.read_path(doc, Settings(convert=False))


def test_no_convert_lists_the_doc_as_not_checked(tmp_path: Path) -> None:
    shutil.copy(OLD / "invalid" / "word-2021.doc", tmp_path / "县民政局.doc")
    shutil.copy(OLD / "report-2021.xls", tmp_path / "县教育局.xls")
    res = runner.invoke(
        app, ["validate", "--no-config", "--no-convert", "-j", "1", str(tmp_path)],
        env={"COLUMNS": "300"},
    )  # fmt: skip
    assert res.exit_code == 0, res.stdout
    assert "县教育局.xls: 未发现问题" in res.stdout
    assert (
        "县民政局.doc: 未检查: .doc 格式需要转换后才能检查（已用 --no-convert 关闭转换）"
        in res.stdout
    )


def _stand_in(tmp_path: Path, script: str) -> str:
    """A program that takes soffice's arguments and does ``script`` (sh) instead."""
    prog = tmp_path / "fake-soffice"
    prog.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    prog.chmod(prog.stat().st_mode | stat.S_IXUSR)
    return str(prog)


def test_a_conversion_that_hangs_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    prog = _stand_in(tmp_path, f"echo $$ > {pid_file}; sleep 60")
    with pytest.raises(InputError, match="longer than 1 s"):
        conv.convert("a.doc", b"x", "doc", "docx", prog, limit=1)
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the whole group was ended: nothing left running


def test_a_conversion_is_private_and_its_output_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen"
    # write what the program was given, then an output larger than the limit
    prog = _stand_in(
        tmp_path,
        f'for a in "$@"; do echo "$a" >> {seen}; done; echo "$HOME" >> {seen}; '
        'out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; '
        'head -c 5000 /dev/zero > "$out/input.docx"',
    )
    monkeypatch.setattr(conv, "MAX_OUTPUT", 4000)
    with pytest.raises(InputError, match="too large"):
        conv.convert("a.doc", b"x", "doc", "docx", prog)
    args = seen.read_text().splitlines()
    assert "--headless" in args and "--convert-to" in args
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    home = args[-1]
    assert profile.startswith(f"-env:UserInstallation=file://{home}")  # fresh, in the folder
    assert not Path(home).exists()  # the private folder is removed afterwards
    assert "reportcheck-convert-" in home


@pytest.mark.slow
@no_soffice
def test_a_doc_gives_what_its_docx_gives_and_says_it_was_converted() -> None:
    want = api.validate_path(OLD / "invalid" / "word-2021.docx")
    got = api.validate_path(OLD / "invalid" / "word-2021.doc")
    assert got.error is None, got.error
    assert got.report is not None and got.report.kind == "doc"
    assert {k: v[0] for k, v in _cells(got).items()} == {k: v[0] for k, v in _cells(want).items()}
    assert [f[:4] for f in _findings(got)] == [f[:4] for f in _findings(want)]
    assert any(f.code == "RC300" for f in got.findings)
    note = [f for f in got.findings if f.code == "RC008"]
    assert len(note) == 1 and ".docx" in note[0].message_en


@pytest.mark.slow
@no_soffice
def test_a_mixed_batch_has_no_file_not_checked(tmp_path: Path) -> None:
    shutil.copy(OLD / "invalid" / "word-2021.doc", tmp_path / "a-县民政局.doc")
    shutil.copy(OLD / "invalid" / "word-2021.doc", tmp_path / "b-县水利局.wps")
    shutil.copy(OLD / "report-2021.xls", tmp_path / "c-县教育局.xls")
    shutil.copy(OLD / "report-2021.xls", tmp_path / "d-县档案馆.et")
    shutil.copy(OLD / "report-2021.ods", tmp_path / "e-县统计局.ods")
    shutil.copy(EXAMPLES / "2021-valid.xlsx", tmp_path / "f-县财政局.xlsx")
    out = tmp_path / "marked"
    res = runner.invoke(
        app,
        ["validate", "--no-config", "-f", "json", str(tmp_path), "--annotate", str(out)],
    )
    import json

    doc = json.loads(res.stdout)
    status = {Path(f["file"]).name: f["status"] for f in doc["files"]}
    assert set(status.values()) == {"checked"}, status
    marked = sorted(p.name for p in out.iterdir())
    assert len(marked) == 6 and all(name.endswith(".xlsx") for name in marked)


def test_a_workbook_whose_last_sector_is_cut_short_is_read() -> None:
    """Found by benchmarks/fuzz.py: the last 127 bytes (zeros) cut from the .xls — calamine
    panics on a short last sector; it is read as zeros, as the container reader does."""
    data = (OLD / "rc301-2021.xls").read_bytes()
    got = api.validate_path(OLD / "rc301-2021.xls")
    cut = api.read_bytes("cut.xls", data[:-127])
    assert _cells(api.FileResult("cut.xls", cut, api.check(cut))) == _cells(got)


def test_what_the_library_prints_on_a_panic_is_not_shown(
    capfd: pytest.CaptureFixture[str],
) -> None:
    from reportcheck.readers.calc import _panics_unprinted

    with _panics_unprinted():
        os.write(2, b"thread '<unnamed>' panicked at cfb.rs:345:44\n")
    os.write(2, b"after\n")
    _, err = capfd.readouterr()
    assert err == "after\n"


@pytest.mark.slow
@no_soffice
def test_every_example_workbook_saved_old_gives_the_same_findings(tmp_path: Path) -> None:
    """Every workbook of examples/ saved as .xls and .ods by LibreOffice gives the findings of
    the .xlsx — except RC205 (a formula never calculated): LibreOffice calculates it on
    saving, so the old file holds its result."""
    sources = sorted([*EXAMPLES.glob("*.xlsx"), *(EXAMPLES / "invalid").glob("*.xlsx")])
    for target in ("xls", "ods"):
        subprocess.run(
            [
                str(SOFFICE),
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    compared = 0
    for source in sources:
        want = api.validate_path(source)
        for target in ("xls", "ods"):
            got = api.validate_path(tmp_path / f"{source.stem}.{target}")
            assert got.error is None, got.error
            if source.stem == "RC205-formula":
                assert [f.code for f in want.findings] == ["RC205"] and got.findings == []
                continue
            assert _findings(got) == _findings(want), (source.name, target)
            assert _cells(got) == _cells(want), (source.name, target)
            compared += 1
    assert compared >= 2 * (len(sources) - 1) >= 30


def test_the_conversion_stops_within_the_file_s_own_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch worker past a file's --timeout is killed: the conversion is stopped before that,
    by the conversion itself, so that no LibreOffice is left behind."""
    given: list[float] = []

    def fake(path: str, data: bytes, kind: str, target: str, program: str, limit: float) -> bytes:
        given.append(limit)
        raise InputError(path, "停止", "stopped")

    monkeypatch.setattr(conv, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(conv, "convert", fake)
    data = (OLD / "invalid" / "word-2021.doc").read_bytes()
    for timeout in (10.0, 60.0):
        with pytest.raises(InputError, match="stopped"):
            api.read_bytes("a.doc", data, Settings(timeout=timeout))
    assert given == [8.0, 48.0]
