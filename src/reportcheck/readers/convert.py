"""Reading Word 97–2003 (``.doc``), WPS (``.wps``, older ``.et``) and OpenDocument text
through a LibreOffice conversion, when LibreOffice is installed.

A copy of the input is converted in a private temporary folder (mode 0700) by ``soffice``
run headless, with a fresh user profile made for this one conversion (macros disabled in
it, links from untrusted places blocked), no standard input, its own process group, a time
limit (:data:`TIME_LIMIT`) and the result's size limited (the reader's input limit). The
converted ``.docx`` or ``.xlsx`` is then read by the ordinary reader; places are those of
the converted document. The input itself is never opened for writing, and the folder is
removed afterwards whatever happened.

Without LibreOffice, or with ``--no-convert``, the file is reported as not checked, with
both ways out: save it in the new format, or install LibreOffice.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from reportcheck.errors import InputError

TIME_LIMIT = 120
"""Seconds one conversion may take (a report converts in 2–5 s, the profile included)."""
MAX_OUTPUT = 64 * 1024 * 1024
"""Bytes of the converted file (the input limit of every reader)."""

_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseOpenCL" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""
"""The fresh profile's settings: no macro runs, no link to an untrusted place is followed."""


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def advice(path: str, kind: str, why: str = "") -> InputError:
    """The one line for a file that needs LibreOffice and is not converted: both ways out."""
    suffix = Path(path).suffix.lower() or ".doc"
    to = ".xlsx" if suffix in (".et", ".xls", ".ods") else ".docx"
    zh_why, en_why = {
        "": ("未安装 LibreOffice", "LibreOffice is not installed"),
        "off": ("已用 --no-convert 关闭转换", "conversion is off: --no-convert"),
    }[why]
    return InputError(
        path,
        f"{suffix} 格式需要转换后才能检查（{zh_why}）：请用 Word 或 WPS 打开后另存为 {to}，"
        f"或安装 LibreOffice 由 reportcheck 自动转换",
        f"the {suffix} format must be converted to be checked ({en_why}): open it in Word or "
        f"WPS and save it as {to}, or install LibreOffice and reportcheck converts it",
        unsupported=True,
    )


def convert(
    path: str, data: bytes, kind: str, target: str, program: str, limit: float = TIME_LIMIT
) -> bytes:
    """The bytes of ``data`` (a file of ``kind``) converted by LibreOffice to ``target``
    (``docx`` or ``xlsx``). Raises :class:`InputError` when the conversion fails, takes longer
    than ``limit`` seconds or gives more than :data:`MAX_OUTPUT` bytes."""
    suffix = Path(path).suffix.lower()
    if not suffix[1:].isalnum() or len(suffix) > 6:
        suffix = {"doc": ".doc", "odt": ".odt", "xls": ".xls", "ods": ".ods"}.get(kind, ".doc")
    work = tempfile.mkdtemp(prefix="reportcheck-convert-")  # mode 0700
    try:
        source = os.path.join(work, f"input{suffix}")
        with open(source, "xb") as fh:
            fh.write(data)
        profile = os.path.join(work, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as fh:
            fh.write(_PROFILE_SETTINGS)
        out = os.path.join(work, "out")
        os.mkdir(out)
        env = {
            k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")
        }
        env["HOME"] = work  # nothing of the user's home is read or written
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            out,
            source,
        ]
        _run(path, command, env, work, min(limit, TIME_LIMIT))
        result = os.path.join(out, f"input.{target}")
        try:
            size = os.path.getsize(result)
        except OSError:
            raise InputError(
                path,
                "LibreOffice 无法转换此文件（文件可能已损坏）",
                "LibreOffice could not convert the file (it may be damaged)",
            ) from None
        if size > MAX_OUTPUT:
            raise InputError(
                path,
                f"LibreOffice 转换结果过大（{size // 1_048_576} MiB），不像年报",
                f"the converted file is too large ({size // 1_048_576} MiB): not a report",
            )
        return Path(result).read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(path: str, command: list[str], env: dict[str, str], cwd: str, limit: float) -> None:
    """Run the conversion in its own process group; end the whole group at the time limit."""
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
    except OSError as exc:
        raise InputError(
            path,
            f"无法启动 LibreOffice：{exc.strerror or exc}",
            f"LibreOffice could not be started: {exc.strerror or exc}",
        ) from None
    try:
        proc.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        _end(proc)
        raise InputError(
            path,
            f"LibreOffice 转换超过 {limit:g} 秒，已停止（--timeout 可放宽每个文件的时限）",
            f"the LibreOffice conversion took longer than {limit:g} s and was stopped "
            "(--timeout gives each file more time)",
        ) from None
    finally:
        if proc.poll() is None:  # interrupted: leave nothing running
            _end(proc)


def _end(proc: subprocess.Popen[bytes]) -> None:
    """End the conversion's process group (this conversion's processes only)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
