"""Mutation fuzzing of every reader (issue 12): findings or an InputError, nothing else.

From seed reports of each kind (the examples, the Word/HTML/PDF files of tests/data/pdf, a
CSV made from the example workbook) it makes mutated inputs with a fixed seed — byte flips,
truncation, spliced and duplicated ranges, huge numbers, deep nesting, odd encodings, and
for .xlsx/.docx mutated XML inside a valid zip, dropped, duplicated and swapped members —
and reads and checks each one (``api.read_bytes`` + ``api.check``, every 10th case also
rendered in the terminal, JSON and SARIF formats) in a worker process with a memory limit
(``RLIMIT_AS``) and a CPU limit (``RLIMIT_CPU``), and a wall-clock timeout watched from here.

An outcome is ``ok`` (a report), ``refused`` (an InputError) or a failure: ``crash`` (any
other exception, named by its type and the innermost reportcheck frame), ``hang`` (over the
timeout), ``died`` (the worker killed: a signal, the CPU limit) — MemoryError is a crash.
Failures are de-duplicated by where they happen; with ``--save DIR`` the smallest input of
each is written there (``<reader>-<n>.<ext>``) for a regression test.

Run:  python benchmarks/fuzz.py                      # short form: 150 cases per reader
      python benchmarks/fuzz.py --cases 10000 --jobs 2 --save /tmp/fuzz-crashes
Prints the counts per reader and the failures; exits 1 if there was one. The short form is
run by the test suite (tests/test_fuzz.py), so .ci/run runs it too.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import os
import random
import resource
import sys
import time
import traceback
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data" / "pdf"
OLD = ROOT / "tests" / "data" / "old"
"""The .xls/.ods LibreOffice made from the examples (tests/data/old/make_old.py)."""

MEMORY_LIMIT = 768 * 1024 * 1024
"""Address space of a worker (Python and the imports take ~250 MB of it)."""
CPU_LIMIT = 60
"""CPU seconds a worker may use for one case before the kernel stops it."""
TIMEOUT = 30.0
"""Wall-clock seconds per case (the machine may be shared: generous)."""
SLOW = 2.0
"""A case taking longer than this is listed as slow (not a failure)."""


# ------------------------------------------------------------------ seeds


def _csv_seed() -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from reportcheck.readers.xlsx import read_grids

    grids, _ = read_grids("seed.xlsx", (EXAMPLES / "2021-valid.xlsx").read_bytes())
    lines = []
    for g in grids:
        rows = sorted({r for r, _ in g.cells})
        width = max(c for _, c in g.cells)
        for r in rows:
            cells = [g.cells[(r, c)].text if (r, c) in g.cells else "" for c in range(1, width + 1)]
            lines.append(",".join('"' + t.replace('"', '""') + '"' for t in cells))
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _pdf_bombs() -> list[tuple[str, bytes]]:
    """Small forms of the PDF bombs of issue 21 (tests/bombs.py): forms drawing forms and a
    page content that inflates, as seeds the mutations grow or break."""
    sys.path.insert(0, str(ROOT / "tests"))
    import bombs

    return [
        ("forms-chain.pdf", bombs.pdf_form_chain(12)),
        ("inflate.pdf", bombs.pdf_inflating_content(8)),
    ]


def seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Seed files per reader: (file name, bytes)."""

    def files(*paths: Path) -> list[tuple[str, bytes]]:
        return [(p.name, p.read_bytes()) for p in paths if p.is_file()]

    text = (EXAMPLES / "2021-valid.txt").read_bytes()
    out = {
        "xlsx": files(
            EXAMPLES / "2021-valid.xlsx",
            EXAMPLES / "2019-valid.xlsx",
            EXAMPLES / "chongyang-2024.xlsx",
        ),
        "docx": files(DATA / "lo-2021-clean.docx", DATA / "lo-2019-errors.docx"),
        "json": files(EXAMPLES / "2021-valid.json", EXAMPLES / "json-format-example-2021.json"),
        "html": files(DATA / "chromium-2021-clean.html", DATA / "chromium-2019-negative.html"),
        "text": files(EXAMPLES / "2021-valid.txt", EXAMPLES / "founding-style-2024.txt"),
        "markdown": [("2021-valid.md", text)],
        "csv": [("2021-valid.csv", _csv_seed())],
        "pdf": files(DATA / "lo-2021-clean.pdf", DATA / "chromium-2021-clean.pdf") + _pdf_bombs(),
        "xls": files(OLD / "report-2021.xls", OLD / "rc301-2021.xls"),
        "ods": files(OLD / "report-2021.ods"),
    }
    return {k: v for k, v in out.items() if v}


# ------------------------------------------------------------------ mutations

HUGE = [
    b"9" * 5000,
    b"1" * 30,
    b"1e999999999",
    b"-0",
    b"99999999999",
    b"\xef\xbc\x93\xef\xbc\x91",  # ３１
    b"NaN",
    b"1,234,567,890,123,456",
]
TOKENS = [
    b"<",
    b">",
    b"&",
    b"&#0;",
    b"&#x110000;",
    b"&nbsp;",
    b'"',
    b"'",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n",
    b"|",
    b"\t",
    b"\xe2\x80\xa8",
    "一、".encode(),
    "表三".encode(),
    "（一）".encode(),
    "总计".encode(),
    b'<!DOCTYPE x [<!ENTITY a "b">]>',
    b'<?xml version="1.0" encoding="gbk"?>',
    b'<?xml version="1.0" encoding="x-unknown"?>',
    b'<?xml version="1.0" encoding="utf-32"?>',
    b'rowspan="65534"',
    b'colspan="1000"',
    b'w:val="99999999999"',
    b'r="XFD1048576"',
    b'ref="A1:XFD1048576"',
    b'<c r="A1" t="s"><v>99999999</v></c>',
    b'<w:gridSpan w:val="99999999999"/>',
    *HUGE,
]
NESTS = [
    (b"<div>", b"</div>"),
    (b"<table><tr><td>", b"</td></tr></table>"),
    (b"<w:ins>", b"</w:ins>"),
    (b"<w:customXml>", b"</w:customXml>"),
    (b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"),
    (b"[", b"]"),
    (b'{"a":', b"}"),
]


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def mutate_bytes(rng: random.Random, data: bytes, donors: list[bytes]) -> bytes:
    """One to four random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 4))):
        op = rng.randrange(11)
        if not out:
            out = bytearray(b"x")
        i = _pos(rng, out)
        if op == 0:  # flip bits
            for _ in range(rng.randint(1, 8)):
                j = rng.randrange(len(out))
                out[j] ^= 1 << rng.randrange(8)
        elif op == 1:  # random bytes
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2:  # delete a range
            del out[i : i + rng.choice((1, 4, 64, 1024, 65536))]
        elif op == 3:  # truncate
            del out[i:]
        elif op == 4:  # duplicate a range, maybe many times
            n = rng.choice((1, 16, 1024))
            chunk = bytes(out[i : i + n])
            out[i:i] = chunk * rng.choice((1, 2, 50, 2000))
        elif op == 5:  # a token
            out[i:i] = rng.choice(TOKENS)
        elif op == 6:  # deep nesting
            open_, close = rng.choice(NESTS)
            depth = rng.choice((50, 500, 5000, 50000))
            out[i:i] = open_ * depth + close * rng.choice((0, depth))
        elif op == 7:  # splice from another seed
            donor = rng.choice(donors)
            j = rng.randrange(len(donor) + 1)
            out[i:i] = donor[j : j + rng.choice((16, 256, 4096))]
        elif op == 8:  # replace a digit run with a huge number
            j = out.find(b"1", i)
            if j >= 0:
                out[j : j + 1] = rng.choice(HUGE)
        elif op == 9:  # overwrite with one repeated byte
            n = rng.choice((4, 64, 4096))
            out[i : i + n] = bytes([rng.randrange(256)]) * n
        else:  # re-encode (text inputs): GBK, UTF-16, GB18030 …
            try:
                text = bytes(out).decode("utf-8")
                enc = rng.choice(("gbk", "utf-16", "utf-16-le", "gb18030", "utf-32", "big5"))
                out = bytearray(text.encode(enc, errors="replace"))
            except UnicodeDecodeError:
                pass
    return bytes(out)


def mutate_zip(rng: random.Random, data: bytes, donors: list[bytes]) -> bytes:
    """Mutate the XML inside a valid zip, or the members, or (sometimes) the zip's bytes."""
    if rng.random() < 0.25:
        return mutate_bytes(rng, data, donors)
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        members = [(i.filename, zin.read(i)) for i in zin.infolist()]
    except Exception:
        return mutate_bytes(rng, data, donors)
    xml = [k for k, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    for _ in range(rng.choice((1, 1, 2, 3))):
        op = rng.randrange(6)
        if op <= 2 and xml:  # mutate one XML part (the main part most often)
            main = [
                k
                for k in xml
                if members[k][0] in ("word/document.xml",) or "worksheets/" in members[k][0]
            ]
            k = rng.choice(main if main and rng.random() < 0.6 else xml)
            name, body = members[k]
            members[k] = (name, mutate_bytes(rng, body, [m[1] for m in members]))
        elif op == 3 and members:  # drop a member
            members.pop(rng.randrange(len(members)))
            xml = [k for k, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
        elif op == 4 and members:  # duplicate a member under its own or another's name
            name, body = rng.choice(members)
            other = rng.choice(members)[0]
            members.append((rng.choice((name, other)), body))
        elif members:  # swap two members' contents
            a, b = rng.randrange(len(members)), rng.randrange(len(members))
            members[a], members[b] = (members[a][0], members[b][1]), (members[b][0], members[a][1])
    buf = io.BytesIO()
    method = rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", method) as zout:
        warnings.simplefilter("ignore")  # a duplicated member name is one of the mutations
        for name, body in members:
            try:
                zout.writestr(name, body)
            except (ValueError, OSError):  # pragma: no cover - a duplicate name is allowed
                continue
    return buf.getvalue()


def cases(
    kind: str, seed_files: list[tuple[str, bytes]], n: int, seed: int
) -> Iterator[tuple[str, bytes]]:
    """``n`` mutated inputs of one reader, the same ones for the same ``seed``."""
    rng = random.Random(f"{seed}:{kind}")
    donors = [d for _, d in seed_files]
    mutate: Callable[[random.Random, bytes, list[bytes]], bytes] = (
        mutate_zip if kind in ("xlsx", "docx") else mutate_bytes
    )
    for _ in range(n):
        name, data = rng.choice(seed_files)
        yield name, mutate(rng, data, donors)


# ------------------------------------------------------------------ the worker


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, resource.RLIM_INFINITY))


def run_one(name: str, data: bytes, render: bool) -> tuple[str, str]:
    """Read, check (and render) one input: (outcome, detail)."""
    from reportcheck import api, output
    from reportcheck.errors import InputError

    try:
        report = api.read_bytes(name, data)
    except InputError as err:
        line = err.text("en")
        if "\n" in line:
            return "crash", f"multi-line error: {line[:200]!r}"
        return "refused", line[:200]
    except BaseException as exc:
        return "crash", _where(exc)
    try:
        result = api.FileResult(name, report, api.check(report))
        if render:
            for fmt in ("terminal", "json", "sarif"):
                output.render([result], fmt, "en")
            output.render([result], "concise", "zh")
    except BaseException as exc:
        return "crash", _where(exc)
    return "ok", f"{len(result.findings)} findings"


def _where(exc: BaseException) -> str:
    """``TypeError at readers/x.py:12 (function)``: the innermost reportcheck frame."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "reportcheck" in f.filename]
    if frames:
        f = frames[-1]
        short = f.filename.split("reportcheck/", 1)[-1]
        return f"{type(exc).__name__} at {short}:{f.lineno} ({f.name}): {str(exc)[:120]}"
    return f"{type(exc).__name__}: {str(exc)[:160]}"


def _worker(tasks: Any, results: Any) -> None:
    _limits()
    sys.setrecursionlimit(1000)
    while True:
        task = tasks.get()
        if task is None:
            return
        index, name, data, render = task
        # the CPU limit counts from now: RLIMIT_CPU is the process's total, not the case's
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(used.ru_utime + used.ru_stime) + CPU_LIMIT
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))  # SIGXCPU at soft
        start = time.perf_counter()
        outcome, detail = run_one(name, data, render)
        results.put((index, outcome, detail, time.perf_counter() - start))


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    failures: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Failure signature → (file name, smallest input)."""
    slow: list[tuple[float, str]] = field(default_factory=list)


class Pool:
    """Worker processes fed one case at a time; a dead or hung worker is replaced."""

    def __init__(self, jobs: int) -> None:
        self.ctx = mp.get_context("fork")
        self.results = self.ctx.Queue()
        self.workers: list[tuple[Any, Any]] = [self._start() for _ in range(jobs)]

    def _start(self) -> tuple[Any, Any]:
        tasks = self.ctx.Queue()
        proc = self.ctx.Process(target=_worker, args=(tasks, self.results), daemon=True)
        proc.start()
        return proc, tasks

    def run(self, items: list[tuple[str, bytes]], tally: Tally, every: int = 10) -> None:
        pending = iter(enumerate(items))
        busy: dict[int, tuple[int, float]] = {}  # worker slot -> (case index, start)
        done = 0
        while done < len(items):
            for slot, (_proc, tasks) in enumerate(self.workers):
                if slot not in busy:
                    nxt = next(pending, None)
                    if nxt is None:
                        continue
                    i, (name, data) = nxt
                    tasks.put((i, name, data, i % every == 0))
                    busy[slot] = (i, time.monotonic())
            try:
                index, outcome, detail, seconds = self.results.get(timeout=0.2)
            except Exception:
                index = -1
            if index >= 0:
                slot = next(s for s, (i, _) in busy.items() if i == index)
                del busy[slot]
                done += 1
                self._record(tally, items[index], outcome, detail, seconds)
            for slot, (i, start) in list(busy.items()):
                proc, _ = self.workers[slot]
                hung = time.monotonic() - start > TIMEOUT
                if hung or not proc.is_alive():
                    if proc.is_alive():
                        proc.kill()
                    proc.join()
                    outcome = "hang" if hung else "died"
                    detail = f"over {TIMEOUT:.0f} s" if hung else f"exit code {proc.exitcode}"
                    del busy[slot]
                    done += 1
                    self._record(tally, items[i], outcome, detail, time.monotonic() - start)
                    self.workers[slot] = self._start()

    @staticmethod
    def _record(
        tally: Tally, item: tuple[str, bytes], outcome: str, detail: str, seconds: float
    ) -> None:
        name, data = item
        tally.counts[outcome] += 1
        if outcome in ("crash", "hang", "died"):
            key = f"{outcome}: {detail}"
            old = tally.failures.get(key)
            if old is None or len(data) < len(old[1]):
                tally.failures[key] = (name, data)
        if seconds > SLOW:
            tally.slow.append((seconds, f"{name} ({len(data)} bytes): {outcome} {detail[:80]}"))

    def close(self) -> None:
        for _proc, tasks in self.workers:
            tasks.put(None)
        for proc, _ in self.workers:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def fuzz(
    n: int,
    seed: int = 12,
    jobs: int = 1,
    kinds: list[str] | None = None,
    quiet: bool = False,
    save: Path | None = None,
) -> dict[str, Tally]:
    """Fuzz each reader (those of ``kinds``, in that order) with ``n`` cases; the tallies."""
    all_seeds = seeds()
    out: dict[str, Tally] = {}
    pool = Pool(jobs)
    try:
        for kind in kinds or list(all_seeds):
            seed_files = all_seeds[kind]
            start = time.perf_counter()
            tally = out[kind] = Tally()
            batch: list[tuple[str, bytes]] = []
            for item in cases(kind, seed_files, n, seed):
                batch.append(item)
                if len(batch) == 200:
                    pool.run(batch, tally)
                    batch = []
                    done = sum(tally.counts.values())
                    if not quiet and done % 1000 == 0:
                        failures = sum(tally.counts[k] for k in ("crash", "hang", "died"))
                        print(f"  {kind} {done} cases, {failures} failures", flush=True)
            if batch:
                pool.run(batch, tally)
            if not quiet:
                report(kind, tally, save)
                c = tally.counts
                print(
                    f"{kind:9} {sum(c.values()):6} cases  ok {c['ok']:6}  refused {c['refused']:6}  "
                    f"failures {c['crash'] + c['hang'] + c['died']:4}  "
                    f"({time.perf_counter() - start:.0f} s)",
                    flush=True,
                )
    finally:
        pool.close()
    return out


def report(kind: str, tally: Tally, save: Path | None) -> None:
    """Print a reader's failures and slowest cases; write each failure's input to ``save``."""
    for n, (key, (name, data)) in enumerate(sorted(tally.failures.items()), 1):
        print(f"FAIL {kind}: {key}  [{name}, smallest {len(data)} bytes]", flush=True)
        if save:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"{kind}-{n}{Path(name).suffix}").write_bytes(data)
    for seconds, what in sorted(tally.slow, reverse=True)[:3]:
        print(f"slow {kind}: {seconds:.1f} s {what}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=150, help="cases per reader (150)")
    parser.add_argument("--seed", type=int, default=12, help="random seed (12)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (1)")
    parser.add_argument("--reader", action="append", help="only this reader (repeatable)")
    parser.add_argument("--save", type=Path, help="write the smallest input of each failure here")
    opts = parser.parse_args()
    print(
        f"fuzz: {opts.cases} cases per reader, seed {opts.seed}, {opts.jobs} worker(s), "
        f"{MEMORY_LIMIT // 1_048_576} MiB / {CPU_LIMIT} s CPU per worker, {TIMEOUT:.0f} s per case"
    )
    tallies = fuzz(opts.cases, opts.seed, opts.jobs, opts.reader, save=opts.save)
    failed = sum(len(t.failures) for t in tallies.values())
    total = sum(sum(t.counts.values()) for t in tallies.values())
    print(f"{total} cases, {failed} distinct failures")
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
