"""No file skipped silently (issue 11, item 2): what a folder or glob yields is checked or
listed with the reason; unreadable files and folders are named and the rest still checked."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import Submission
from reportcheck.cli import app
from reportcheck.inputs import collect

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
OLD = Path(__file__).resolve().parent / "data" / "old"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A county office's folder as it arrives: two workbooks, an old .xls, a .doc, a scan,
    an archive, a Word lock file and a README. (The runs below say --no-convert: the .doc
    is then listed as not checked whether LibreOffice is installed or not.)"""
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "收件"
    d.mkdir()
    shutil.copy(EXAMPLES / "2021-valid.xlsx", d / "a-县财政局.xlsx")
    shutil.copy(EXAMPLES / "invalid" / "RC300-culprit.xlsx", d / "b-县市场监管局.xlsx")
    shutil.copy(OLD / "report-2021.xls", d / "c-县教育局.xls")
    shutil.copy(OLD / "invalid" / "word-2021.doc", d / "d-县民政局.doc")
    (d / "e-扫描件.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (d / "f-全部.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (d / "~$县民政局.docx").write_bytes(b"\x00" * 162)
    (d / "README.txt").write_text("收件说明\n", encoding="utf-8")
    (d / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return d


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["validate", "--no-config", "--no-convert", *args], env={"COLUMNS": "300"}
    )
    return result.exit_code, result.stdout, result.stderr


def test_every_file_of_a_folder_is_checked_or_listed_with_the_reason(office: Path) -> None:
    code, out, _ = _run("收件")
    assert code == 1  # the RC300 workbook; the files not checked do not stop the run
    assert "a-县财政局.xlsx: 未发现问题" in out
    assert "c-县教育局.xls: 未发现问题" in out  # read natively
    assert (
        "d-县民政局.doc: 未检查: .doc 格式需要转换后才能检查（已用 --no-convert 关闭转换）："
        "请用 Word 或 WPS 打开后另存为 .docx，或安装 LibreOffice 由 reportcheck 自动转换" in out
    )
    assert "e-扫描件.png: 未检查: 图片（扫描件）" in out and "reportcheck[ocr]" in out
    assert "f-全部.zip: 未检查: 压缩包：请先解压" in out
    assert "~$县民政局.docx: 未检查: Office 临时文件" in out
    assert "README.txt: 未检查: 项目说明或工具文件" in out
    assert ".DS_Store" not in out  # hidden files are not walked (documented)
    last = out.strip().splitlines()[-1]
    assert last == "1 个错误，0 个警告，0 个提示，5 个文件格式不支持、未检查，共 8 个文件"


def test_every_machine_format_lists_the_files_not_checked(office: Path) -> None:
    _, out, err = _run("收件", "-f", "json", "--lang", "en")
    doc = json.loads(out)
    status = {Path(f["file"]).name: f["status"] for f in doc["files"]}
    assert status["a-县财政局.xlsx"] == status["b-县市场监管局.xlsx"] == "checked"
    assert status["c-县教育局.xls"] == "checked"
    assert status["d-县民政局.doc"] == status["e-扫描件.png"] == "unsupported"
    assert doc["summary"]["files_unsupported"] == 5 and doc["summary"]["files_unreadable"] == 0
    word = next(f for f in doc["files"] if f["file"].endswith(".doc"))
    assert "save it as .docx" in word["error"] and "install LibreOffice" in word["error"]
    assert err.count("\n") == 6  # one line per file not checked, then the summary line
    _, out, _ = _run("收件", "-f", "junit")
    assert out.count("<skipped ") == 5
    _, out, _ = _run("收件", "-f", "sarif")
    run = json.loads(out)["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 5 and {n["level"] for n in notes} == {"warning"}
    assert run["invocations"][0]["executionSuccessful"] is True
    _, out, _ = _run("收件", "-f", "concise")
    assert "d-县民政局.doc: 未检查: .doc 格式需要转换" in out
    _, out, _ = _run("收件", "-f", "github")
    assert out.count("::warning file=") == 5


def test_a_xls_that_is_a_web_page_is_checked(office: Path) -> None:
    page = "<html><body><table><tr><td>表三</td></tr></table></body></html>"
    (office / "c-县教育局.xls").write_text(page, encoding="utf-8")
    _, out, _ = _run("收件", "-f", "json")
    xls = next(f for f in json.loads(out)["files"] if f["file"].endswith(".xls"))
    assert xls["status"] == "checked" and xls["kind"] == "html"


def test_a_named_unsupported_file_stops_the_run(office: Path) -> None:
    code, out, _ = _run("收件/d-县民政局.doc")
    assert code == 2 and "另存为 .docx" in out


def test_a_folder_of_nothing_checkable_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "p1.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = _run("scans")
    assert code == 2
    assert "p1.jpg: 未检查: 图片" in out and "没有可检查的年报文件" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _run("empty")
    assert code == 2 and "empty: 目录中没有文件" in err


def test_the_same_file_named_twice_is_checked_once(office: Path) -> None:
    got = collect(["收件/a-县财政局.xlsx", "./收件/a-县财政局.xlsx", "收件", "收件/*.xlsx"])
    assert [Path(p).name for p in got.files].count("a-县财政局.xlsx") == 1
    assert got.files[0] == "收件/a-县财政局.xlsx"  # the first spelling is kept
    code, out, _ = _run("收件/a-县财政局.xlsx", "./收件/a-县财政局.xlsx")
    assert code == 0 and out.strip().endswith("共 1 个文件")


def test_an_unreadable_folder_is_named_and_the_rest_is_checked(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (office / "乡镇").mkdir()
    Submission.valid().write(office / "乡镇" / "x.json")
    (office / "封存").mkdir()
    Submission.valid().write(office / "封存" / "y.json")
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path).endswith("封存"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = _run("收件")
    assert code == 2  # something could not be read
    assert "封存: 无法检查: 无法读取目录：Permission denied" in out
    assert "x.json: 未发现问题" in out and "b-县市场监管局.xlsx: 1 个错误" in out


def test_an_unreadable_file_is_named_and_the_rest_is_checked(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name.startswith("a-"):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, _ = _run("收件")
    assert code == 2
    assert "a-县财政局.xlsx: 无法检查: 无法读取：Permission denied" in out
    assert "b-县市场监管局.xlsx: 1 个错误" in out


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_real_permissions(office: Path) -> None:
    locked = office / "封存"
    locked.mkdir()
    Submission.valid().write(locked / "y.json")
    locked.chmod(0)
    try:
        code, out, _ = _run("收件")
    finally:
        locked.chmod(0o755)
    assert code == 2 and "无法读取目录" in out


def test_an_ofd_file_is_named_as_such_and_not_supported(tmp_path: Path) -> None:
    """OFD (GB/T 33190, China's fixed-layout format) is a zip with OFD.xml: said in one line
    as not read yet (「不支持」 in the batch summary), not as a zip that is no Office file."""
    import zipfile

    from reportcheck import api
    from reportcheck.errors import InputError

    path = tmp_path / "年报.ofd"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "OFD.xml", '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'
        )
        z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    with pytest.raises(InputError) as err:
        api.read_path(path)
    assert "OFD" in err.value.problem and err.value.unsupported
