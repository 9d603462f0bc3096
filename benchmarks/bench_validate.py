"""Speed of `reportcheck validate` on Excel workbooks (issue 2, item 9).

(a) One workbook, whole process: `reportcheck validate FILE` against a bare
    `python -c "import openpyxl; openpyxl.load_workbook(FILE)"`, median of N runs each.
(b) In-process: read and check 200 generated workbooks, files per second on one core.

Run:  python benchmarks/bench_validate.py [--runs 15] [--files 200]
Prints the figures; it asserts nothing (machines are noisy). The README quotes its output.
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


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    subprocess.run(cmd, capture_output=True, check=False, env=_ENV)  # warm-up: caches
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV
        )
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--files", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        one = _workbook(d, 0)
        exe = [sys.executable, "-m", "reportcheck"]
        rc = subprocess.run([*exe, "validate", str(one)], capture_output=True, check=False)
        if rc.returncode != 0:
            print(rc.stdout.decode(), rc.stderr.decode())
            raise SystemExit("the generated workbook does not validate cleanly")
        bare = [sys.executable, "-c", f"import openpyxl; openpyxl.load_workbook({str(one)!r})"]
        t_rc = _median_seconds([*exe, "validate", str(one)], args.runs)
        t_bare = _median_seconds(bare, args.runs)
        print(f"(a) whole process, median of {args.runs} runs")
        print(f"    reportcheck validate one.xlsx          {t_rc * 1000:7.1f} ms")
        print(f"    python -c 'openpyxl.load_workbook()'   {t_bare * 1000:7.1f} ms")
        print(f"    ratio reportcheck / bare openpyxl      {t_rc / t_bare:7.2f}  (target <= 1.00)")

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
