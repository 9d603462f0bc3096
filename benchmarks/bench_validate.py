"""Speed of `reportcheck validate` on Excel workbooks (issue 2 item 9, issue 13).

(a) One workbook, whole process, against a bare
    `python -c "import openpyxl; openpyxl.load_workbook(FILE)"`: `reportcheck validate FILE`
    (terminal output, piped) and `reportcheck validate --format json FILE`; and
    `reportcheck --version` / `--help` against `python -c pass`. The commands run
    alternating, one of each per round in a rotating order, so that a change in the
    machine's load hits all of them alike; each figure is the median of N rounds, each
    ratio the median of the N per-round ratios. CPU time (user + system of the child) is
    printed beside the wall time: it moves less when the machine is shared.
(b) In-process: read and check 200 generated workbooks, files per second on one core.

Run:  python benchmarks/bench_validate.py [--runs 21] [--files 200]
Prints the figures and the load average; it asserts nothing (machines are noisy). The
README quotes its output. Targets (issue 13): terminal <= 0.85 x and json <= 0.75 x the
bare openpyxl load; --version and --help <= 60 ms above `python -c pass`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.model.tables import APPLICANT_PARTS, FORMATS
from reportcheck.readers.json_ import read_json
from reportcheck.writers.xlsx import write_workbook


def _submission(seed: int) -> bytes:
    """A plausible, balanced 2021 submission with random figures."""
    rnd = random.Random(seed)
    fmt = FORMATS["2021"]
    doc: dict[str, object] = {
        "format_version": "2021",
        "report": {"agency": f"测试单位{seed}", "year": 2024},
    }
    for t in fmt.tables:
        doc[t.id] = {r.id: {c.id: 0 for c in r.columns} for r in t.rows}
    apps = doc["applications"]
    assert isinstance(apps, dict)
    parts = APPLICANT_PARTS
    results = [r.id for r in fmt.table("applications").rows if r.result]
    for row in results:
        for c in parts:
            apps[row][c] = rnd.choice([0, 0, 0, rnd.randint(0, 30)])
    for c in [*parts, "total"]:
        if c == "total":
            for row in apps:
                apps[row]["total"] = sum(apps[row][p] for p in parts)
            continue
        answered = sum(apps[r][c] for r in results)
        apps["total"][c] = answered
        apps["carried_forward"][c] = rnd.randint(0, 3)
        apps["carried_over"][c] = rnd.randint(0, min(3, answered))
        apps["new_received"][c] = answered + apps["carried_forward"][c] - apps["carried_over"][c]
    for row in apps.values():
        row["total"] = sum(row[p] for p in parts)
    return json.dumps(doc, ensure_ascii=False).encode()


def _workbook(dirpath: Path, seed: int) -> Path:
    report = read_json(f"gen{seed}.json", _submission(seed))
    out = dirpath / f"report-{seed:03d}.xlsx"
    write_workbook(out, "2021", report)
    return out


# Users' machines cache bytecode; a sandbox that sets PYTHONDONTWRITEBYTECODE would make
# every run recompile the project and measure the compiler instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_utime + usage.ru_stime


def _alternating(cmds: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """``runs`` rounds, each command once per round, the order rotating round by round."""
    names = list(cmds)
    for name in names:  # warm-up: page cache, bytecode
        subprocess.run(cmds[name], capture_output=True, check=False, env=_ENV)
    times: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            times[name].append(_run(cmds[name]))
    return times


def _ratio(times: dict[str, list[tuple[float, float]]], a: str, b: str, k: int) -> float:
    """Median of the per-round ratios a/b (k = 0 wall, 1 CPU)."""
    return statistics.median(x[k] / y[k] for x, y in zip(times[a], times[b], strict=True))


def _above(times: dict[str, list[tuple[float, float]]], a: str, b: str, k: int) -> float:
    """Median of the per-round differences a - b, in ms."""
    return statistics.median(x[k] - y[k] for x, y in zip(times[a], times[b], strict=True)) * 1000


def _med(times: dict[str, list[tuple[float, float]]], name: str, k: int) -> float:
    return statistics.median(x[k] for x in times[name]) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--files", type=int, default=200, help="0: only (a)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        one = _workbook(d, 0)
        exe = [sys.executable, "-m", "reportcheck"]
        rc = subprocess.run([*exe, "validate", str(one)], capture_output=True, check=False)
        if rc.returncode != 0:
            print(rc.stdout.decode(), rc.stderr.decode())
            raise SystemExit("the generated workbook does not validate cleanly")
        script = Path(sys.executable).with_name("reportcheck")  # the console script
        cli = [str(script)] if script.exists() else exe
        cmds = {
            "bare openpyxl load": [
                sys.executable,
                "-c",
                f"import openpyxl; openpyxl.load_workbook({str(one)!r})",
            ],
            "validate (terminal)": [*cli, "validate", str(one)],
            "validate --format json": [*cli, "validate", "--format", "json", str(one)],
            "python -c pass": [sys.executable, "-c", "pass"],
            "reportcheck --version": [*cli, "--version"],
            "reportcheck --help": [*cli, "--help"],
        }
        load = os.getloadavg()
        times = _alternating(cmds, args.runs)
        load_after = os.getloadavg()
        print(
            f"(a) whole process, {args.runs} alternating rounds, medians; load average "
            f"{load[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} CPUs)"
        )
        print(f"    {'':28s} {'wall ms':>8s} {'CPU ms':>8s}")
        for name in cmds:
            print(f"    {name:28s} {_med(times, name, 0):8.1f} {_med(times, name, 1):8.1f}")
        bare = "bare openpyxl load"
        for name, target in (("validate (terminal)", 0.85), ("validate --format json", 0.75)):
            print(
                f"    ratio {name} / bare openpyxl: wall {_ratio(times, name, bare, 0):.2f}, "
                f"CPU {_ratio(times, name, bare, 1):.2f}  (target <= {target:.2f})"
            )
        for name in ("reportcheck --version", "reportcheck --help"):
            print(
                f"    {name} above python -c pass: wall {_above(times, name, 'python -c pass', 0):.1f}"
                f" ms, CPU {_above(times, name, 'python -c pass', 1):.1f} ms  (target <= 60 ms)"
            )
        if args.files <= 0:
            return

        files = [one] + [_workbook(d, i) for i in range(1, args.files)]
        settings = Settings()
        if hasattr(os, "sched_setaffinity"):  # one core, as the target says
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        t0 = time.perf_counter()
        bad = 0
        for f in files:
            result = api.validate_path(f, settings)
            bad += result.error is not None or bool(result.findings)
        elapsed = time.perf_counter() - t0
        print(f"(b) in-process, {len(files)} generated workbooks on one core")
        print(
            f"    {len(files) / elapsed:7.1f} files/s  ({elapsed * 1000 / len(files):.2f} ms per file;"
            f" target >= 100 files/s); files with findings: {bad}"
        )


if __name__ == "__main__":
    main()
