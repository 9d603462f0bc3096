"""A batch that survives anything (issue 21): a file that raises, hangs, crashes its worker
or eats memory gets its own one-line result; every other file is checked and reported in
every output format; workers that die are replaced; none outlives the run.

The misbehaving files are ordinary files whose names make a patched reader misbehave (the
patch is made in a child Python that then runs the command line, so the workers, forked
from it, have it too), beside a real PDF bomb (tests/bombs.py). Every subprocess is run
with a generous ``timeout=``: a hang fails the test instead of freezing the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bombs import pdf_form_chain
from conftest import EXAMPLES, ROOT
from reportcheck import isolate
from reportcheck.batch import Batch
from reportcheck.config import Settings
from reportcheck.errors import InputError

pytestmark = pytest.mark.skipif(not isolate.CAN_FORK, reason="needs fork (POSIX)")

GOOD = 10

PATCH = """
import os, signal, sys
import reportcheck.batch as b
real = b.validate_path
def misbehave(path, settings=None):
    name = os.path.basename(str(path))
    if name.startswith("raise"):
        raise RuntimeError("a bug")
    if name.startswith("hang"):
        while True:
            pass
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("hog"):
        hog = []
        while True:  # pages never touched: the address space runs out at once, even on
            hog.append(bytes(64 * 1024 * 1024))  # a machine too busy to fill them
    return real(path, settings)
b.validate_path = misbehave
from reportcheck.cli import main
sys.argv = ["reportcheck", *sys.argv[1:]]
main()
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile-batch")
    good = (EXAMPLES / "2021-valid.xlsx").read_bytes()
    for i in range(GOOD):
        (d / f"good-{i:02}.xlsx").write_bytes(good)
    for bad in ("raise", "hang", "crash", "hog"):
        (d / f"{bad}.xlsx").write_bytes(good)
    (d / "bomb.pdf").write_bytes(pdf_form_chain())
    return d


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PATCH, "validate", "--no-config", *args],
        capture_output=True,
        text=True,
        timeout=timeout,  # a hang fails the test, never the suite
        cwd=ROOT,
    )


LIMITS = ("--timeout", "2", "--max-memory", "512")
"""The hanging file spins until the time limit, in each of the 8 runs below: 2 s is ten
times what a good file here takes to read and check, command line and all."""


def test_every_good_file_is_reported_whatever_the_others_do(folder: Path) -> None:
    got = _cli(str(folder), "-f", "json", "--lang", "en", "-j", "3", *LIMITS)
    assert got.returncode == 2, got.stderr
    files = {Path(f["file"]).name: f for f in json.loads(got.stdout)["files"]}
    assert len(files) == GOOD + 5
    for i in range(GOOD):
        f = files[f"good-{i:02}.xlsx"]
        assert f["error"] is None and f["findings"] == [], f
    errors = {name: files[name]["error"] for name in files if not name.startswith("good")}
    assert "internal error: RuntimeError: a bug" in errors["raise.xlsx"]
    assert "timed out" in errors["hang.xlsx"] and "2 s" in errors["hang.xlsx"]
    assert "internal error" in errors["crash.xlsx"] and "SIGSEGV" in errors["crash.xlsx"]
    assert "out of memory" in errors["hog.xlsx"] and "512 MB" in errors["hog.xlsx"]
    # PDFium reaches 512 MB within a second or two; on a very busy machine, the time limit
    # may come first: either way a clear result
    assert "out of memory" in errors["bomb.pdf"] or "timed out" in errors["bomb.pdf"]
    assert "Traceback" not in got.stderr
    # one line per failed file on stderr, naming it
    for name in errors:
        assert sum(name in line for line in got.stderr.splitlines()) == 1, name


@pytest.mark.parametrize("fmt", ["concise", "terminal", "sarif", "junit", "markdown", "github"])
def test_every_output_format_lists_every_file(folder: Path, fmt: str) -> None:
    got = _cli(str(folder), "-f", fmt, "--lang", "zh", "-j", "2", *LIMITS)
    assert got.returncode == 2
    shown = got.stdout + got.stderr
    for name in ("raise.xlsx", "hang.xlsx", "crash.xlsx", "hog.xlsx", "bomb.pdf"):
        assert name in shown, (fmt, name)
    for word in ("内部错误", "超出时间", "超出内存"):
        assert word in shown, (fmt, word)
    summary = [line for line in shown.splitlines() if "共 15 个文件" in line]
    assert summary and "5 个文件无法检查" in summary[-1], shown[-500:]


def test_in_process_a_raising_and_a_hanging_file_do_not_stop_the_others(folder: Path) -> None:
    """One job, a few files (checked in this process): exceptions caught, a timer for the
    hang; the PDF bomb still goes to a child with the memory limit."""
    names = ["good-00.xlsx", "raise.xlsx", "good-01.xlsx", "hang.xlsx", "bomb.pdf"]
    got = _cli(*(str(folder / n) for n in names), "-f", "json", "-j", "1", "--lang", "en", *LIMITS)
    files = {Path(f["file"]).name: f for f in json.loads(got.stdout)["files"]}
    assert [n for n in names if files[n]["error"] is None] == ["good-00.xlsx", "good-01.xlsx"]
    assert "RuntimeError" in files["raise.xlsx"]["error"]
    assert "timed out" in files["hang.xlsx"]["error"]
    assert (
        "out of memory" in files["bomb.pdf"]["error"] or "timed out" in files["bomb.pdf"]["error"]
    )
    assert got.returncode == 2


def test_a_pdf_bomb_alone_is_stopped_by_the_memory_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_form_chain())
    got = subprocess.run(
        [sys.executable, "-m", "reportcheck", "validate", str(bomb), "--max-memory", "400"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert got.returncode == 2
    assert "超出内存" in got.stdout and "400 MB" in got.stdout
    assert "Traceback" not in got.stderr


def _square(task: int) -> int:
    if task == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    if task == 5:
        raise ValueError("five")
    return task * task


def test_a_worker_that_dies_is_replaced() -> None:
    workers = isolate.Workers(
        2, _square, name=lambda t: f"file-{t}", limits=lambda t: (1024, 30.0), chunk=3
    )
    got = dict(workers.run(range(10)))
    assert {t: v for t, v in got.items() if not isinstance(v, InputError)} == {
        t: t * t for t in range(10) if t not in (3, 5)
    }
    assert "internal error" in got[3].text("en") and "SIGKILL" in got[3].text("en")
    assert got[3].path == "file-3"
    assert "ValueError: five" in got[5].text("en")
    assert workers.started == 3
    assert workers.workers == []


def test_settings_and_options_set_the_limits(tmp_path: Path) -> None:
    from reportcheck.config import load_config, with_overrides
    from reportcheck.errors import ConfigError

    (tmp_path / "reportcheck.toml").write_text("max-memory = 2048\ntimeout = 30\n")
    s = load_config(tmp_path / "reportcheck.toml")
    assert (s.max_memory, s.timeout) == (2048, 30.0)
    assert with_overrides(s, max_memory=600, timeout=2.5).timeout == 2.5
    for bad in ("max-memory = 10", "timeout = 0", 'timeout = "x"'):
        (tmp_path / "reportcheck.toml").write_text(bad)
        with pytest.raises(ConfigError):
            load_config(tmp_path / "reportcheck.toml")
    assert Settings().max_memory == 1024 and Settings().timeout == 10.0


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_hanging_batch(folder: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    files = [str(folder / "hang.xlsx"), *(str(p) for p in sorted(folder.glob("good-*")))]
    options = ["-j", "2", "--timeout", "600", "-f", "json"]
    proc = subprocess.Popen(
        [sys.executable, "-c", PATCH, "validate", "--no-config", *files, *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        cwd=ROOT,
    )
    workers: set[int] = set()
    for _ in range(600):  # up to a minute for the workers to start
        workers = _children(proc.pid)
        if len(workers) >= 1:
            break
        time.sleep(0.1)
    assert workers, "no worker started"
    return proc, workers


def _gone(pids: set[int]) -> bool:
    for _ in range(300):  # up to 30 s for the kernel to deliver the signals
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_killed_parent_leaves_no_worker(folder: Path) -> None:
    proc, workers = _start_hanging_batch(folder)
    try:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert _gone(workers)
    finally:
        for p in workers:
            if _alive(p):
                os.kill(p, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_ctrl_c_stops_the_run_and_its_workers(folder: Path) -> None:
    proc, workers = _start_hanging_batch(folder)
    try:
        os.killpg(proc.pid, signal.SIGINT)  # as the terminal sends it: the whole group
        assert proc.wait(timeout=30) == 130
        assert _gone(workers)
    finally:
        if proc.poll() is None:
            proc.kill()
        for p in workers:
            if _alive(p):
                os.kill(p, signal.SIGKILL)


def test_the_batch_api_gives_each_failure_as_the_files_result(tmp_path: Path) -> None:
    """Batch in this process, as the library runs it: a file that raises is its result."""
    good = tmp_path / "good.xlsx"
    good.write_bytes((EXAMPLES / "2021-valid.xlsx").read_bytes())
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": "2021", "report": []}', encoding="utf-8")
    with Batch([str(good), str(bad)], lambda p: Settings(), jobs=1) as run:
        run.run()
        results = list(run.results())
    assert results[0].error is None
    assert results[1].error is not None and "\n" not in results[1].error.text("en")


def test_a_child_has_its_limit_beyond_what_it_inherits() -> None:
    """A forked reader may add its limit to the address space it inherits: a parent that
    has mapped much (OpenCV alone maps some 400 MB; here 600 MB mapped and never touched)
    leaves its PDF child room to read under a 400 MB limit — it had none before (PDFium
    failed to allocate: an internal error)."""
    import mmap

    from reportcheck import api
    from reportcheck.config import Settings

    if not isolate.CAN_FORK or isolate._LIMITED:
        pytest.skip("no forked children here")
    data = (Path(__file__).parent / "data" / "pdf" / "lo-2021-clean.pdf").read_bytes()
    held = mmap.mmap(-1, 600 * 1024 * 1024)
    try:
        report = api.read_bytes("r.pdf", data, Settings(max_memory=400, timeout=60))
    finally:
        held.close()
    assert "applications" in report.tables
