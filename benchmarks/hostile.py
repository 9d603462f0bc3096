"""Time and memory of every hostile input of issues 12 and 21 (target: ≤ 1 s and ≤ 100 MB
each for issue 12's; ≤ 10 s and ≤ 1 GB, a clear result, for issue 21's bombs).

Each case of ``tests/hostile.py`` and ``tests/bombs.py`` is written to a temporary folder
and checked by ``python -m reportcheck validate FILE`` in a process of its own (peak memory
includes the child that reads a PDF), under a 2 GiB address space and a 30 s CPU limit (so a regression shows as a figure, not a frozen machine).
Printed per case: the exit code, wall-clock seconds, peak resident memory (MB, from
``wait4``'s rusage of that one process) and the first line of what it printed to stderr
(exit 2) or the number of findings. The first line of the table is ``--version``: the
cost of starting Python and the command line, included in every other figure.

Run:  python benchmarks/hostile.py [-k SUBSTRING]
Prints the figures; it asserts nothing (machines are noisy), but exits 1 if a case
crashed (a traceback, a signal, an exit code other than 0, 1 or 2).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from bombs import BOMBS  # type: ignore[import-not-found]  # noqa: E402
from hostile import CASES  # type: ignore[import-not-found]  # noqa: E402

LIMIT_AS = 2 * 1024**3
LIMIT_CPU = 30


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))
    resource.setrlimit(resource.RLIMIT_CPU, (LIMIT_CPU, LIMIT_CPU))


def run(args: list[str]) -> tuple[int, float, float, str, str]:
    """Exit code, seconds, peak MB, stdout, stderr of ``reportcheck ARGS``."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reportcheck", *args],
            stdout=out,
            stderr=err,
            preexec_fn=_limits,  # a fresh child, no threads
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    return code, seconds, usage.ru_maxrss / 1024, stdout, stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-k", default="", help="only cases whose name contains this")
    opts = parser.parse_args()
    code, seconds, mb, _, _ = run(["--version"])
    print(f"{'case':58} exit  seconds     MB  outcome")
    print(f"{'(start-up: reportcheck --version)':58} {code:4} {seconds:8.2f} {mb:6.0f}")
    crashed = 0
    worst_s = worst_mb = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (filename, build) in (CASES | BOMBS).items():
            if opts.k not in name:
                continue
            path = Path(tmp) / filename
            path.write_bytes(build())
            code, seconds, mb, stdout, stderr = run(
                ["validate", str(path), "--format", "json", "--lang", "en"]
            )
            lines = [line for line in stderr.splitlines() if line.strip()]
            if code == 2:
                outcome = lines[0] if lines else "(no message)"
                outcome = outcome.replace(str(path), filename)
            elif code in (0, 1):
                try:
                    doc = json.loads(stdout)
                    n = sum(len(f.get("findings", [])) for f in doc.get("files", []))
                    codes = sorted({x["code"] for f in doc["files"] for x in f["findings"]})
                    outcome = f"{n} findings ({', '.join(codes[:6])})"
                except (ValueError, KeyError, TypeError):
                    outcome = "findings"
            else:
                outcome = f"CRASH: {lines[-1] if lines else code}"
            if code not in (0, 1, 2) or "Traceback" in stderr or "internal error" in stderr:
                crashed += 1
                outcome = "CRASH: " + (lines[-1] if lines else str(code))
            worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
            print(f"{name[:58]:58} {code:4} {seconds:8.2f} {mb:6.0f}  {outcome[:110]}")
            path.unlink()
    print(f"worst: {worst_s:.2f} s, {worst_mb:.0f} MB; crashes: {crashed}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
