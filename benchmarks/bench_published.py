"""Speed of reading and checking published reports in-process (issue 3, item 9; target ≤ 20 ms).

For every report in ../shared/corpus (text, Markdown, HTML) and for a generated text
report in each table style, the median time of ``api.check(api.read_bytes(...))`` over
N runs, after one warm-up run (imports, caches). The file is read once; only reading the
bytes into a report and checking it is timed.

Run:  python benchmarks/bench_published.py [--runs 50]
Prints the figures; it asserts nothing (machines are noisy). The README quotes its output.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from reportcheck import api
from reportcheck.config import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
TARGET_MS = 20.0


def _generated() -> dict[str, tuple[str, bytes]]:
    """Our own example report, its tables written in each text style."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_text_reader import (  # type: ignore[import-not-found]
        glued_text,
        markdown_tables,
        pipe_tables,
        report_text,
        spaced_tables,
    )

    return {
        "generated, | lines": ("g.txt", report_text(pipe_tables()).encode()),
        "generated, Markdown": ("g.md", report_text(markdown_tables()).encode()),
        "generated, spaces": ("g.txt", report_text(spaced_tables()).encode()),
        "generated, glued (GBK)": ("g.txt", glued_text().encode("gbk")),
    }


def _time(name: str, data: bytes, runs: int) -> tuple[float, float]:
    settings = Settings()
    api.check(api.read_bytes(name, data, settings), settings)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        api.check(api.read_bytes(name, data, settings), settings)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    cases: dict[str, tuple[str, bytes]] = {}
    if CORPUS.is_dir():
        for p in sorted(CORPUS.iterdir()):
            if p.suffix in (".txt", ".md", ".html", ".htm", ".docx") and p.stem != "README":
                cases[p.name] = (p.name, p.read_bytes())
    else:
        print(f"({CORPUS} not found: corpus reports skipped)")
    cases.update(_generated())
    print(
        f"read + check in-process, median of {args.runs} runs (Python {platform.python_version()})"
    )
    print(f"{'report':<34} {'kB':>6} {'median ms':>10} {'max ms':>8}")
    for label, (name, data) in cases.items():
        med, worst = _time(name, data, args.runs)
        flag = "" if med <= TARGET_MS else f"  > {TARGET_MS:g} ms"
        print(f"{label:<34} {len(data) / 1024:>6.1f} {med:>10.2f} {worst:>8.2f}{flag}")


if __name__ == "__main__":
    main()
