"""Batch speed and memory of ``reportcheck validate DIR --format json -o out.json`` (issue 11).

Whole process, as an office runs it: wall time from start to exit, files per second, and the
peak memory of the process and its workers together (the proportional set size, PSS, of the
whole process tree, sampled every 20 ms from /proc; RSS where PSS is not available). Time
and memory come from two runs of each line: reading smaps_rollup of every process 50 times
a second costs the kernel time the workers then lack (about 5 % of a 2-core run), so the
timed run is not sampled.

Inputs are generated into ``benchmarks/out/`` (kept between runs, rebuilt when missing):

- workbooks: distinct generated 2021 workbooks of many agencies (balanced, some with errors),
  linked under as many names as a run needs (5,000 and the curve up to 20,000);
- published: 2,000 text and HTML reports (the corpus' kinds), generated from our own example
  report with the agency and figures varied;
- mixed: what a national collection receives — 60 % PDF (the readable test PDFs of
  tests/data/pdf, made by LibreOffice, Chromium and the WPS-like script, and the corpus' real
  WPS export when ../shared is there), 25 % HTML and text (the published ones above and the
  corpus' HTML, text and Markdown), 15 % workbooks (the generated ones), shuffled; its files/s
  gives the national figure for such a mix.

Targets (2-core machine): 5,000 workbooks ≥ 500 files/s; 2,000 published ≥ 250 files/s; peak
memory ≤ 300 MB whatever the batch size; from the curve, 165,000 reports in < 6 minutes.

Run:  python benchmarks/bench_batch.py [--quick] [--jobs 1 2] [--curve 1000 5000 10000 20000]
      [--mixed 2000]
Prints one table; it asserts nothing (machines are noisy: say if it was loaded).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
NATIONAL = 165_000
sys.path.insert(0, str(ROOT / "tests"))

# Users' machines cache bytecode; a sandbox that sets PYTHONDONTWRITEBYTECODE would make
# every run recompile the project and measure the compiler instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# ------------------------------------------------------------------ inputs


def _distinct_workbooks(n: int) -> list[Path]:
    """``n`` distinct workbooks (generated once, kept in benchmarks/out/workbooks-src)."""
    src = OUT / "workbooks-src"
    src.mkdir(parents=True, exist_ok=True)
    have = sorted(src.glob("*.xlsx"))
    if len(have) >= n:
        return have[:n]
    from office import make_office

    tmp = OUT / "workbooks-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"(generating {n} distinct workbooks into {src} …)", flush=True)
    make_office(tmp, files=int(n / 0.62) + 40, seed=7)
    made = sorted(tmp.glob("20*.xlsx"))
    for i, p in enumerate(made):
        if p.stat().st_size > 1000:
            shutil.copy(p, src / f"{i:04d}-{p.name}")
    shutil.rmtree(tmp, ignore_errors=True)
    return sorted(src.glob("*.xlsx"))[:n]


def _linked(kind: str, sources: list[Path], n: int) -> Path:
    """A folder of ``n`` files, the sources linked round-robin under their own names."""
    folder = OUT / f"{kind}-{n}"
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        dest = folder / f"{i:06d}-{src.name.split('-', 1)[-1]}"
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy(src, dest)
    return folder


def _html(text: str) -> str:
    """Our text report as a web page: headings, paragraphs and the ``|`` tables as tables."""
    from html import escape

    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>年报</title></head><body>"]
    rows: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if rows:
            out.append("<table border='1'>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            out.append(f"<p>{escape(line)}</p>")
    if rows:
        out.append("<table border='1'>" + "".join(rows) + "</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _published(n: int) -> Path:
    """``n`` distinct published reports, half text and half HTML."""
    folder = OUT / f"published-{n}"
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    from office import _text, agencies

    rnd = random.Random(3)
    pool = [
        a for c in ("示例县", "样例县", "模拟县", "试点县", "东山县", "西岭县") for a in agencies(c)
    ]
    for i in range(n):
        agency, _ = pool[i % len(pool)]
        year = rnd.choice((2022, 2023, 2024))
        text = _text(agency, year)
        if i % 2:
            (folder / f"{i:05d}-{year}-{agency}.html").write_text(_html(text), encoding="utf-8")
        else:
            (folder / f"{i:05d}-{year}-{agency}.txt").write_text(text, encoding="utf-8")
    return folder


MIX = (("pdf", 0.60), ("published", 0.25), ("workbook", 0.15))
"""The mixed batch: share of each kind of file."""
_UNREADABLE_PDFS = {"scanned", "partly-scanned", "encrypted", "damaged"}


def _mixed(n: int, workbooks: list[Path], published: Path) -> tuple[Path, dict[str, int]]:
    """``n`` files, MIX of PDFs, published reports and workbooks, linked in a shuffled order;
    and how many of each kind."""
    pdfs = [
        p for p in sorted((ROOT / "tests" / "data" / "pdf").glob("*.pdf"))
        if p.stem not in _UNREADABLE_PDFS
    ]  # fmt: skip
    texts = sorted(published.iterdir())
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        pdfs += sorted(corpus.glob("*.pdf"))
        texts += [p for p in sorted(corpus.iterdir()) if p.suffix in (".html", ".txt", ".md")]
    pools = {"pdf": pdfs, "published": texts, "workbook": workbooks}
    counts = {kind: round(n * share) for kind, share in MIX}
    counts["pdf"] += n - sum(counts.values())
    order = [(kind, i) for kind, k in counts.items() for i in range(k)]
    random.Random(11).shuffle(order)
    folder = OUT / f"mixed-{n}"
    if folder.is_dir() and sum(1 for _ in folder.iterdir()) == n:
        return folder, counts
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k, (kind, i) in enumerate(order):
        src = pools[kind][i % len(pools[kind])]
        dest = folder / f"{k:06d}-{src.name.split('-', 1)[-1]}"
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy(src, dest)
    return folder, counts


# ------------------------------------------------------------------ measuring


def _tree_memory(pid: int) -> int:
    """PSS (else RSS) in bytes of ``pid`` and all its descendants."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as fh:
                kb = next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration):
            try:
                with open(f"/proc/{p}/status", encoding="ascii") as fh:
                    kb = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
            except (OSError, StopIteration):
                kb = 0
        total += kb * 1024
        try:
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return total


def run(folder: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds of an unsampled run, peak MB of a sampled one, exit code) over ``folder``."""
    out = OUT / "out.json"
    cmd = [sys.executable, "-m", "reportcheck", "validate", str(folder), "--no-config"]
    cmd += ["--format", "json", "-o", str(out), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    code = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV, check=False
    ).returncode
    elapsed = time.perf_counter() - t0
    _, peak, _ = _sampled(folder, jobs)
    return elapsed, peak, code


def _sampled(folder: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one whole-process run, its memory sampled."""
    out = OUT / "out.json"
    cmd = [sys.executable, "-m", "reportcheck", "validate", str(folder), "--no-config"]
    cmd += ["--format", "json", "-o", str(out), "--jobs", str(jobs)]
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory(proc.pid))
            done.wait(0.02)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    code = proc.wait()
    elapsed = time.perf_counter() - t0
    done.set()
    watcher.join()
    return elapsed, peak / 2**20, code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small batches: a smoke run")
    ap.add_argument("--jobs", type=int, nargs="*", help="job counts to compare")
    ap.add_argument("--curve", type=int, nargs="*", help="batch sizes of the workbook curve")
    ap.add_argument("--distinct", type=int, default=0, help="distinct workbooks (default 100)")
    ap.add_argument("--mixed", type=int, default=0, help="files in the mixed batch (2000)")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    jobs = args.jobs or sorted({1, cores or 1})
    big = 500 if args.quick else 5000
    pub = 200 if args.quick else 2000
    curve = args.curve or ([200, 500, 1000] if args.quick else [1000, 5000, 10000, 20000])
    sources = _distinct_workbooks(args.distinct or (20 if args.quick else 100))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"reportcheck validate DIR --format json -o out.json — whole process, Python "
        f"{platform.python_version()}, {cores} cores, load average {load:.1f} at start"
    )
    print(f"{'batch':<34} {'jobs':>4} {'files':>7} {'seconds':>8} {'files/s':>8} {'peak MB':>8}")
    rows: list[tuple[str, int, int, float, float]] = []

    def line(label: str, folder: Path, n: int, j: int) -> tuple[float, float]:
        seconds, mb, code = run(folder, j)
        note = "" if code in (0, 1) else f"  (exit {code})"
        print(f"{label:<34} {j:>4} {n:>7} {seconds:>8.2f} {n / seconds:>8.0f} {mb:>8.0f}{note}")
        rows.append((label, j, n, seconds, mb))
        return seconds, mb

    wb = _linked("workbooks", sources, big)
    for j in jobs:
        line(f"{big} generated workbooks", wb, big, j)
    pubs = _published(pub)
    for j in jobs:
        line(f"{pub} published (text, HTML)", pubs, pub, j)
    mixed = args.mixed or (200 if args.quick else 2000)
    folder, counts = _mixed(mixed, sources, pubs)
    mix = ", ".join(f"{counts[k]} {k}" for k, _ in MIX)
    for j in jobs:
        seconds, _ = line(f"{mixed} mixed: 60% PDF 25% HTML/text", folder, mixed, j)
        print(
            f"  (mixed: {mix}; {NATIONAL:,} reports of this mix ≈ "
            f"{seconds / mixed * NATIONAL / 60:.1f} min with --jobs {j})"
        )
    points: list[tuple[int, float]] = []
    for n in curve:
        seconds, _ = line("workbook curve", _linked("workbooks", sources, n), n, max(jobs))
        points.append((n, seconds))
    if len(points) >= 2:
        # least squares t = a + b·n: start-up and per-file cost
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        a = my - b * mx
        national = a + b * NATIONAL
        print(
            f"curve: t = {a:.2f} s + {b * 1000:.3f} ms × files; {NATIONAL:,} reports ≈ "
            f"{national / 60:.1f} min on this machine (target < 6 min); peak memory over the "
            f"curve {min(r[4] for r in rows if r[0] == 'workbook curve'):.0f}–"
            f"{max(r[4] for r in rows if r[0] == 'workbook curve'):.0f} MB"
        )


if __name__ == "__main__":
    main()
