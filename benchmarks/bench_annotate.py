"""What `--annotate` adds to a run on one workbook (issue 10: at most 300 ms).

Whole process, interleaved runs of `reportcheck validate FILE` and
`reportcheck validate FILE --annotate OUT.xlsx` on the same workbook (one wrong cell, so
the copy has a red cell, its comment and 问题清单), median of N runs each, and the
difference. Also the workbook of a JSON input (marked on the official layout), and a Word
report of our own (tests/word_fixtures.py, needs python-docx) marked as a Word copy
(`--annotate OUT.docx`: comments in its wrong cells and on its sentence).

Run:  python benchmarks/bench_annotate.py [--runs 11]
Prints the figures; it asserts nothing (machines are noisy). The README quotes its output.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT / "examples" / "invalid" / "RC300-culprit.xlsx"
JSON = ROOT / "examples" / "2021-valid.json"


def _run(args: list[str]) -> float:
    exe = shutil.which("reportcheck")
    cmd = [exe] if exe else [sys.executable, "-m", "reportcheck"]
    start = time.perf_counter()
    subprocess.run([*cmd, *args], capture_output=True, check=False)
    return time.perf_counter() - start


def _compare(src: Path, out: Path, runs: int) -> tuple[float, float]:
    plain: list[float] = []
    marked: list[float] = []
    _run(["validate", str(src)])  # warm the file cache
    for _ in range(runs):
        plain.append(_run(["validate", str(src)]))
        marked.append(_run(["validate", str(src), "--annotate", str(out)]))
    return statistics.median(plain) * 1000, statistics.median(marked) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [("workbook", WORKBOOK, "marked.xlsx"), ("JSON", JSON, "marked.xlsx")]
        if importlib.util.find_spec("docx") is not None:  # python-docx builds the report
            sys.path.insert(0, str(ROOT / "tests"))
            import word_fixtures

            word = Path(tmp) / "年报.docx"
            word.write_bytes(word_fixtures.build())
            inputs.append(("Word", word, "marked.docx"))
        else:
            print("Word: python-docx (a dev dependency) is not installed, not measured")
        for name, src, out in inputs:
            plain, marked = _compare(src, Path(tmp) / out, args.runs)
            print(
                f"{name:8} {src.name}: validate {plain:.0f} ms, with --annotate {marked:.0f} ms "
                f"(+{marked - plain:.0f} ms; target ≤ +300 ms), median of {args.runs}"
            )


if __name__ == "__main__":
    main()
