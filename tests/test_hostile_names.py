"""File names and output that are not clean (issue 21): names with bytes that are not
UTF-8, a newline or a terminal escape sequence are written escaped by one rule in every
format (``\\udcff``, ``\\n``, ``\\x1b``; JSON keeps the name recoverable); stdout that
cannot be written is one line and exit 2; an overwritten output keeps its permissions; a
link to itself, a link loop under a ``**`` glob and a name too long are one line each."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportcheck.errors import one_line
from reportcheck.inputs import expand_glob

NAMES = [b"bad-\xff\xfe.json", b"new\nline.json", b"esc-\x1b[31mred\x1b[0m.json"]

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file names")


def _cli(*args: str, cwd: Path, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reportcheck", "validate", "--no-config", *args],
        cwd=cwd,
        capture_output=stdout is None,
        stdout=stdout,
        stderr=subprocess.PIPE if stdout is not None else None,
        timeout=120,
    )


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("names")
    data = (
        (EXAMPLES / "2021-valid.json").read_bytes().replace(b'"research": 0', b'"research": 3', 1)
    )
    for name in NAMES:
        with open(os.fsencode(d) + b"/" + name, "wb") as fh:
            fh.write(data)
    return d


def test_one_line_escapes_what_is_not_clean_text() -> None:
    assert one_line("a\nb\x1b[31m\udcff\u202e中文\t") == "a\\nb\\x1b[31m\\udcff\\u202e中文\\t"
    assert one_line("示例 2024.xlsx") == "示例 2024.xlsx"


@posix
@pytest.mark.parametrize(
    "fmt", ["terminal", "concise", "github", "markdown", "junit", "sarif", "gitlab"]
)
def test_every_format_writes_names_escaped(names: Path, fmt: str) -> None:
    got = _cli(".", "-f", fmt, cwd=names)
    assert got.returncode == 1, got.stderr
    text = got.stdout.decode("utf-8")  # valid UTF-8
    assert "\x1b" not in text and "\udcff" not in text
    if fmt in ("sarif", "gitlab"):
        json.loads(text)
    if fmt == "sarif":
        assert "bad-%FF%FE.json" in text  # the URI of the bytes on disk
    elif fmt == "gitlab":
        assert "bad-\\\\udcff\\\\udcfe.json" in text or "bad-\\udcff\\udcfe.json" in text
    else:
        for shown in ("bad-\\udcff\\udcfe.json", "new\\nline.json", "esc-\\x1b[31mred"):
            assert shown in text, (fmt, shown)
        assert not any(line.startswith("line.json") for line in text.splitlines())


@posix
def test_json_keeps_the_names_recoverable(names: Path) -> None:
    got = _cli(".", "-f", "json", cwd=names)
    doc = json.loads(got.stdout.decode("utf-8"))
    files = sorted(os.fsencode(f["file"]).rsplit(b"/", 1)[-1] for f in doc["files"])
    assert files == sorted(NAMES)


@posix
def test_a_full_disk_on_stdout_is_one_line(names: Path) -> None:
    with open("/dev/full", "wb") as full:
        got = _cli(".", "-f", "json", cwd=names, stdout=full.fileno())
    assert got.returncode == 2
    lines = got.stderr.decode("utf-8").strip().splitlines()
    assert lines[-1].startswith("reportcheck: ") and "standard output" in lines[-1]
    assert "Traceback" not in got.stderr.decode() and "internal error" not in got.stderr.decode()


def test_an_overwritten_output_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("{}")
    out.chmod(0o600)
    got = _cli(str(EXAMPLES / "2021-valid.json"), "-f", "json", "-o", str(out), cwd=tmp_path)
    assert got.returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text(encoding="utf-8"))["files"]


@posix
def test_a_link_to_itself_and_a_name_too_long_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "self.xlsx").symlink_to("self.xlsx")
    got = _cli("self.xlsx", "x" * 256 + ".xlsx", "--lang", "en", "-f", "concise", cwd=tmp_path)
    assert got.returncode == 2
    err = got.stderr.decode()
    assert "self.xlsx: " in err and "symbolic links" in err
    assert "File name too long" in err
    assert "internal error" not in err and "Traceback" not in err


@posix
def test_a_glob_through_a_link_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "up1").symlink_to("..")
    (tmp_path / "a" / "up2").symlink_to("..")  # glob.glob would walk 2**40 paths
    (tmp_path / "a" / "r.xlsx").write_bytes((EXAMPLES / "2021-valid.xlsx").read_bytes())
    found = expand_glob(f"{tmp_path}/**/*.xlsx")
    assert [os.path.realpath(p) for p in found] == [str((tmp_path / "a" / "r.xlsx").resolve())]
    got = _cli(f"{tmp_path}/**/*.xlsx", "-f", "concise", cwd=tmp_path)
    assert got.returncode == 0, got.stderr


@posix
def test_a_folder_walk_names_links_to_nothing_or_to_themselves(tmp_path: Path) -> None:
    (tmp_path / "good.xlsx").write_bytes((EXAMPLES / "2021-valid.xlsx").read_bytes())
    (tmp_path / "self.xlsx").symlink_to("self.xlsx")
    (tmp_path / "gone.xlsx").symlink_to("moved-away.xlsx")
    got = _cli(".", "-f", "json", "--lang", "en", cwd=tmp_path)
    assert got.returncode == 2
    errors = {f["file"]: f["error"] for f in json.loads(got.stdout)["files"]}
    assert errors["good.xlsx"] is None
    assert "symbolic link" in errors["self.xlsx"] and "symbolic link" in errors["gone.xlsx"]
