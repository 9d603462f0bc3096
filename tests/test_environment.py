"""Errors of the environment are one-line errors too (issue 12 A.4): a pipe or a device as
input, an unreadable file, a folder with a symlink loop, names with spaces, Chinese or a
newline, ``-o`` where nothing can be written. Exit 2 and one line naming the file; never a
traceback (the command runs in a process of its own, as a user runs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportcheck import api
from reportcheck.errors import InputError

VALID = EXAMPLES / "2021-valid.json"


def _run(*args: str, cwd: Path) -> tuple[int, str, str]:
    """``validate`` (concise format: an unreadable file's line goes to stderr)."""
    fmt = [] if "-f" in args else ["-f", "concise"]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportcheck",
            "validate",
            "--no-config",
            "--lang",
            "en",
            *fmt,
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("reportcheck: ")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    code, _, err = _run("pipe.json", cwd=tmp_path)
    assert code == 2
    (line,) = _error_lines(err)
    assert line == (
        "reportcheck: pipe.json: not a regular file (a pipe, device or socket): it cannot be "
        "read as a report"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_forever(tmp_path: Path) -> None:
    code, _, err = _run("/dev/zero", cwd=tmp_path)
    assert code == 2
    assert _error_lines(err)[0].startswith("reportcheck: /dev/zero: not a regular file")


@pytest.mark.parametrize("name", ["a report 年报 2024.json", "new\nline.json", "-dash.json"])
def test_names_with_spaces_chinese_or_a_newline(tmp_path: Path, name: str) -> None:
    shutil.copy(VALID, tmp_path / name)
    code, _, err = _run("--", name, cwd=tmp_path)
    assert code == 0, err
    broken = tmp_path / ("broken " + name)
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = _run("--", broken.name, cwd=tmp_path)
    assert code == 2
    (line,) = _error_lines(err)
    assert line.startswith(
        "reportcheck: broken " + name.replace("\n", "\\n") + ": JSON syntax error"
    )


def test_a_folder_with_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(VALID, folder / "r.json")
    (folder / "self").symlink_to(folder, target_is_directory=True)
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")  # a loop of two links
    code, out, err = _run("reports", cwd=tmp_path)
    assert code in (0, 2), err
    # the report once, and the two links of the loop named (not skipped silently)
    assert "2 not checked" in out and "in 3 files" in out, out + err


def test_a_symlink_loop_named_as_the_input(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(InputError) as err:
        api.read_path(tmp_path / "a.json")
    assert err.value.text("en").startswith(f"{tmp_path / 'a.json'}: ")
    code, _, err_text = _run("a.json", cwd=tmp_path)
    assert code == 2
    assert len(_error_lines(err_text)) == 1


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied (simulated: the tests may run as root, who reads everything)."""
    p = tmp_path / "secret.json"
    shutil.copy(VALID, p)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError) as err:
        api.read_path(p)
    assert err.value.text("en") == f"{p}: cannot read: Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_output_into_a_folder_without_write_permission(tmp_path: Path) -> None:
    shutil.copy(VALID, tmp_path / "r.json")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = _run("r.json", "-f", "json", "-o", "locked/out.json", cwd=tmp_path)
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert _error_lines(err)[0].startswith("reportcheck: locked/out.json: ")


@pytest.mark.parametrize("target", ["missing-folder/out.json", "."])
def test_output_where_nothing_can_be_written(tmp_path: Path, target: str) -> None:
    shutil.copy(VALID, tmp_path / "r.json")
    code, _, err = _run("r.json", "-f", "json", "-o", target, cwd=tmp_path)
    assert code == 2
    (line,) = _error_lines(err)
    assert line.startswith(f"reportcheck: {target}: ")


def test_a_file_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "MAX_INPUT", 100)
    p = tmp_path / "big.json"
    shutil.copy(VALID, p)
    with pytest.raises(InputError, match="too large"):
        api.read_path(p)
