"""Cost of the finding catalogue (issue 7): importing it, and emitting one finding.

- import: ``python -X importtime -c "import reportcheck.findings.catalogue"`` in a fresh
  process, the catalogue's own modules (self time) summed, median of N runs; the rule
  pages are not imported by emitting (the last line says whether they were)
- emit: ``emit("RC201", …)`` (both templates rendered, parameters checked) against
  building the same :class:`Finding` from f-strings, as the code did before; median of
  N rounds of 2,000 findings each, in this process

Run:  python benchmarks/bench_emit.py [--runs 15]
Prints the figures; it asserts nothing (machines are noisy: compare the two lines of one
run, not runs on different days).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from reportcheck.findings import Finding, Severity
from reportcheck.findings.catalogue import Tr, emit

ROUND = 2000


def _import_ms() -> tuple[float, bool]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import reportcheck.findings.catalogue"],
        capture_output=True,
        text=True,
        check=True,
    )
    total, pages = 0, False
    for line in proc.stderr.splitlines():
        if "reportcheck.findings.catalogue" in line and "|" in line:
            total += int(line.split("|")[0].split(":")[1])
            pages = pages or ".pages" in line
    return total / 1000, pages


def _emit_round() -> float:
    cell, kind = (
        Tr("表三 （一）予以公开·自然人 D7", "Table 3 disclosed · natural persons D7"),
        Tr("不小于 0 的整数", "a whole number ≥ 0"),
    )
    start = time.perf_counter()
    for _ in range(ROUND):
        emit("RC201", {"cell": cell, "raw": "三十一", "expected": kind}, table="applications")
    return (time.perf_counter() - start) / ROUND * 1e6


def _fstring_round() -> float:
    zh, en = "表三 （一）予以公开·自然人 D7", "Table 3 disclosed · natural persons D7"
    start = time.perf_counter()
    for _ in range(ROUND):
        raw = "三十一"
        Finding(
            "RC201",
            Severity.ERROR,
            f"{zh} 写的是「{raw}」，应为不小于 0 的整数",
            f"{en} says “{raw}”, which is not a whole number ≥ 0",
            table="applications",
        )
    return (time.perf_counter() - start) / ROUND * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=15)
    runs: int = parser.parse_args().runs
    imports = [_import_ms() for _ in range(runs)]
    emits = [_emit_round() for _ in range(runs)]
    plain = [_fstring_round() for _ in range(runs)]
    print(
        f"import reportcheck.findings.catalogue (own modules): "
        f"{statistics.median(i for i, _ in imports):.1f} ms"
    )
    print(
        f"emit one finding: {statistics.median(emits):.1f} µs; the same Finding from "
        f"f-strings: {statistics.median(plain):.1f} µs"
    )
    print(f"rule pages imported by the catalogue: {'yes' if any(p for _, p in imports) else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
