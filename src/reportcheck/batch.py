"""Checking a batch on every core, in flat memory: what ``reportcheck validate`` runs.

1. **Read and check** each file in a worker process (``jobs``; one in-process when 1). A
   worker sends back the file's findings and a *slim* report — its metadata and the table
   cells the cross-year rules compare (RC5xx: 表三 上年结转 / 结转下年度, 表二 规章 and 规范性文件;
   RC70x: every figure) — pickled; the main process writes it to a temporary spool file and keeps only the pairing
   facts (agency, year, path) and the counts. Memory does not grow with the batch; the spool
   is on disk.
2. **Pair** the reports by those facts (:func:`reportcheck.pairing.plan`) and run the
   cross-year rules (RC5xx, RC70x) on each pair, from the two slim reports.
3. **Stream** the results in input order (:meth:`Batch.results`): each read back from the
   spool, given its cross-year findings, handed to the renderers and dropped. A spooled
   result keeps the slim report's cells apart, as plain tuples (:func:`pack`): they are
   read back only for the files that pair, so the results' reports come back without
   table cells (no renderer reads them; ``keep_reports`` keeps everything).

The output is the same as :func:`reportcheck.api.validate_paths` gives, in the same order,
for any number of jobs. A batch of a few files checked in-process (one file, as a clerk
runs it) keeps its results in memory instead: no spool, no pickling (issue 13).
"""

from __future__ import annotations

import copy
import gc
import os
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import field, replace
from typing import IO, Any

from reportcheck.api import (
    FileResult,
    _adjust,
    check,
    check_cross_year,
    read_bytes,
    read_path,
    validate_path,
)
from reportcheck.config import Settings
from reportcheck.errors import InputError
from reportcheck.findings import UNREAD_CODES, Finding
from reportcheck.isolate import CAN_FORK, Workers, guarded
from reportcheck.model.report import Cell, CellState, Location, Report, TableData
from reportcheck.pairing import EXPLICIT, Item, item, mismatch_finding, plan
from reportcheck.records import record

CROSS_YEAR_ROWS = {
    "applications": ("carried_over", "carried_forward"),
    "proactive_disclosure": ("regulations", "normative_documents"),
}
"""The rows the continuity rules (RC5xx) read, of this year's report and of last year's."""


def slim(report: Report) -> Report:
    """The report with only what the renderers, the cross-year rules and the summary read:
    source, kind, versions, metadata, waivers and the table cells (no text, sections or
    reader findings — those are already in the findings). The plausibility checks across
    years (RC70x) and the summary's batch outliers compare every cell, not only the rows of
    :data:`CROSS_YEAR_ROWS`."""
    tables = {
        tid: TableData(tid, dict(data.cells), data.location) for tid, data in report.tables.items()
    }
    return Report(
        source=report.source,
        kind=report.kind,
        format_version=report.format_version,
        detected_version=report.detected_version,
        metadata=report.metadata,
        tables=tables,
        waivers=report.waivers,
    )


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ the worker side

_SETTINGS: list[Settings] = []
_KEEP = False


def _init(settings: list[Settings], keep: bool, worker: bool = False) -> None:
    global _SETTINGS, _KEEP
    _SETTINGS, _KEEP = settings, keep
    if worker:
        # A worker reads file after file: what it imported is frozen (never scanned again,
        # its pages not copied from the parent by the collector's writes) and the
        # collector runs every 50,000 allocations, not 700. Measured (issue 23, 1,000
        # workbooks, --jobs 2): peak memory 36-37 MB with it, 41-43 MB without (-15 %);
        # CPU 2.4-4.8 % less.
        gc.freeze()
        gc.set_threshold(50_000, 20, 20)


def _work(
    task: tuple[int, str, int, bytes | None],
) -> tuple[int, bytes, Item | None, tuple[int, ...]]:
    """Read and check one file (or the bytes given for it): (index, pickled result,
    pairing facts, counts)."""
    return _spooled(_check(task))


def _spooled(
    checked: tuple[int, FileResult, Item | None, tuple[int, ...]],
) -> tuple[int, bytes, Item | None, tuple[int, ...]]:
    """A checked file's result pickled for the spool."""
    import pickle  # a batch only: one file is kept in memory (tests/test_startup.py)

    index, result, facts, counts = checked
    cells = b""
    report = result.report
    if report is not None and report.tables and not _KEEP:
        # the slim report's cells as plain tuples, apart: only the cross-year rules read
        # them, for the few files that pair; every other file's are never unpickled
        cells = pickle.dumps(pack(report.tables), protocol=pickle.HIGHEST_PROTOCOL)
        report.tables = {}  # the slim copy's own dict (slim() made it)
    head = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    return index, len(head).to_bytes(4, "little") + head + cells, facts, counts


def _failed(index: int, path: str, err: InputError, spooled: bool) -> Any:
    """What a file gives that failed where it was read (isolate: an exception, a crash,
    its time or memory limit): its one-line result, as the batch keeps results."""
    checked = _finish(index, FileResult(path, error=err))
    return _spooled(checked) if spooled else checked


def _guarded(
    step: Callable[[tuple[int, str, int, bytes | None]], Any],
) -> Callable[[tuple[int, str, int, bytes | None]], Any]:
    """``step`` run in this process with each file's failure its own (isolate.guarded)."""

    def run(task: tuple[int, str, int, bytes | None]) -> Any:
        index, path, key, _ = task
        try:
            return guarded(path, lambda: step(task), _SETTINGS[key].timeout)
        except InputError as err:
            return _failed(index, path, err, step is _work)

    return run


def _work_guarded(
    task: tuple[int, str, int, bytes | None],
) -> tuple[int, bytes, Item | None, tuple[int, ...]]:
    """:func:`_work` with the file's failure its own (a process pool without fork)."""
    got: tuple[int, bytes, Item | None, tuple[int, ...]] = _guarded(_work)(task)
    return got


_Packed = tuple[
    tuple[
        str,
        tuple[str, int | None, int | None] | None,
        tuple[
            tuple[
                str,
                str,
                object,
                str,
                str,
                tuple[str, int | None, int | None] | None,
                str | None,
                str | None,
            ],
            ...,
        ],
    ],
    ...,
]


def _loc(loc: Location | None) -> tuple[str, int | None, int | None] | None:
    return None if loc is None else (loc.address, loc.line, loc.column)


def pack(tables: Mapping[str, TableData]) -> _Packed:
    """A slim report's tables as tuples of plain values (pickled and unpickled several
    times faster than the records; :func:`unpack` gives them back)."""
    state = {s: s.value for s in CellState}  # a dict lookup, not the enum's descriptor
    return tuple(
        (
            tid,
            _loc(data.location),
            tuple(
                (
                    row,
                    col,
                    c.value,
                    c.raw,
                    state[c.state],
                    None if (at := c.location) is None else (at.address, at.line, at.column),
                    c.unit,
                    c.formula,
                )
                for (row, col), c in data.cells.items()
            ),
        )
        for tid, data in tables.items()
    )


def unpack(packed: _Packed) -> dict[str, TableData]:
    """The tables :func:`pack` was given."""

    def loc(t: tuple[str, int | None, int | None] | None) -> Location | None:
        return None if t is None else Location(*t)

    out: dict[str, TableData] = {}
    for tid, where, cells in packed:
        out[tid] = TableData(
            tid,
            {
                (row, col): Cell(value, raw, CellState(state), loc(at), unit, formula)  # type: ignore[arg-type]
                for row, col, value, raw, state, at, unit, formula in cells
            },
            loc(where),
        )
    return out


def _check(
    task: tuple[int, str, int, bytes | None],
) -> tuple[int, FileResult, Item | None, tuple[int, ...]]:
    """Read and check one file (or the bytes given for it): (index, result with the slim
    report unless kept, pairing facts, counts)."""
    index, path, key, data = task
    if data is None:
        result = validate_path(path, _SETTINGS[key])
    else:
        try:
            report = read_bytes(path, data, _SETTINGS[key])
            result = FileResult(path, report, check(report, _SETTINGS[key]))
        except InputError as err:
            result = FileResult(path, error=err)
    return _finish(index, result)


def _finish(index: int, result: FileResult) -> tuple[int, FileResult, Item | None, tuple[int, ...]]:
    facts: Item | None = None
    if result.report is not None:
        facts = item(result.report)
        if not _KEEP:
            result.report = slim(result.report)
    return index, result, facts, _counts(result)


def _counts(r: FileResult) -> tuple[int, ...]:
    """(error, warning, info, waived, unreadable, unsupported, unread) of one result."""
    e = w = i = waived = unread = 0
    for f in r.findings:
        if f.waived:
            waived += 1
        elif f.code in UNREAD_CODES:
            unread += 1
        elif f.severity.value == "error":
            e += 1
        elif f.severity.value == "warning":
            w += 1
        else:
            i += 1
    bad = r.error is not None
    unsupported = bad and r.error is not None and r.error.unsupported
    return e, w, i, waived, int(bad and not unsupported), int(unsupported), unread


# ------------------------------------------------------------------ the main process

IN_MEMORY = 8
"""A batch of at most this many files checked in-process keeps its results in memory (no
spool file, no pickling); a larger one spools them, so that memory stays flat."""


@record()
class Batch:
    """One run over many files (see the module doc).

    ``files`` are the paths in input order; ``skipped`` those not to read, with the reason
    (they keep their place in the output). ``keep_reports`` keeps the whole report of each
    file (``--annotate`` needs it) instead of the slim one.
    """

    files: Sequence[str]
    settings_for: Callable[[str], Settings]
    skipped: dict[str, InputError] = field(default_factory=dict)
    previous: str | Report | None = None
    jobs: int | None = None
    keep_reports: bool = False
    data: Mapping[str, bytes] = field(default_factory=dict)
    """Inputs already in memory by the name they go by (standard input)."""
    cells: bool = False
    """Whether :meth:`results` gives each report back with its table cells (the summary's
    batch outliers read them; otherwise only the files that pair are read back whole)."""
    progress: Callable[[int], None] | None = None
    """Called with the number of files done so far, as the batch is read."""
    counts: dict[str, int] = field(default_factory=dict)
    """Over the whole run, after :meth:`run`: error, warning, info, waived, unreadable,
    unsupported and files (as :func:`reportcheck.render.common.counts`)."""
    _offsets: array[int] = field(default_factory=lambda: array("q"))
    """Where each file's pickled result starts in the spool (-1: not spooled)."""
    _sizes: array[int] = field(default_factory=lambda: array("q"))
    _facts: list[Item | None] = field(default_factory=list)
    """Each file's pairing facts (None: not read). What the main process keeps of a file is
    these few words, its path (``files``) and, when skipped, the reason: flat memory."""
    _extra: dict[int, list[Finding]] = field(default_factory=dict)
    _previous: dict[int, Report] = field(default_factory=dict)
    _spool: IO[bytes] | None = None
    _held: dict[int, FileResult] = field(default_factory=dict)
    _last: Report | None = None
    workers_started: int = 0
    """Worker processes started by :meth:`run` (more than ``jobs`` when a worker that
    died or ran past its time was replaced)."""

    def run(self) -> None:
        """Read and check every file, pair them and run the cross-year rules.

        Raises :class:`InputError` when ``previous`` cannot be read.
        """
        if isinstance(self.previous, Report):
            self._last = slim(self.previous)
        elif self.previous is not None:
            path = str(self.previous)
            self._last = slim(read_path(path, self.settings_for(path)))
        n = len(self.files)
        self._offsets = array("q", [-1]) * n
        self._sizes = array("q", [0]) * n
        self._facts = [None] * n
        totals = [0] * 7
        table: list[Settings] = []
        ids: dict[int, int] = {}
        which = array("I", [0]) * n  # the index in ``table`` of each file's settings
        todo = 0
        for i, path in enumerate(self.files):
            skip = self.skipped.get(path)
            if skip is not None:
                totals[5 if skip.unsupported else 4] += 1
                continue
            s = self.settings_for(path)
            if id(s) not in ids:
                ids[id(s)] = len(table)
                table.append(s)
            which[i] = ids[id(s)]
            todo += 1
        done = n - todo
        if self.progress is not None:
            self.progress(done)
        agencies: dict[str, str] = {}  # one string per agency, however many files name it
        for index, got, facts, counts in self._map(self._tasks(which), todo, table):
            if facts is not None:
                agency = facts[0]
                if agency is not None:
                    agency = agencies.setdefault(agency, agency)
                facts = (agency, facts[1], self.files[index])
            self._facts[index] = facts
            if isinstance(got, FileResult):
                self._held[index] = got
            else:
                if self._spool is None:
                    import tempfile  # a batch only (see _spooled)

                    self._spool = tempfile.TemporaryFile()  # noqa: SIM115 -- see close()
                self._offsets[index] = self._spool.tell()
                self._sizes[index] = len(got)
                self._spool.write(got)
            for k, c in enumerate(counts):
                totals[k] += c
            done += 1
            if self.progress is not None:
                self.progress(done)
        self._cross_year(totals)
        keys = ("error", "warning", "info", "waived", "unreadable", "unsupported", "unread")
        self.counts = dict(zip(keys, totals, strict=True))
        self.counts["files"] = len(self.files)

    def _tasks(self, which: array[int]) -> Iterator[tuple[int, str, int, bytes | None]]:
        """The work, made as it is handed out (never a list of every file)."""
        for i, path in enumerate(self.files):
            if path not in self.skipped:
                yield i, path, which[i], self.data.get(path)

    def _map(
        self,
        tasks: Iterator[tuple[int, str, int, bytes | None]],
        todo: int,
        table: list[Settings],
    ) -> Iterator[tuple[int, FileResult | bytes, Item | None, tuple[int, ...]]]:
        """Each file's (index, result or pickled result, pairing facts, counts)."""
        jobs = self.jobs or default_jobs()
        # a worker is worth its start (~30 ms) from a few files on; a handful stays in-process
        jobs = min(jobs, todo // 4 if self.jobs is None else todo)
        _init(table, self.keep_reports)
        if jobs <= 1:
            yield from map(_guarded(_check if todo <= IN_MEMORY else _work), tasks)
            return
        chunk = max(1, min(16, todo // (jobs * 8)))
        if not CAN_FORK:  # Windows: a pool of spawned processes, exceptions caught in them
            import multiprocessing  # Windows only: the fork-based Workers elsewhere

            init = (table, self.keep_reports, True)
            with multiprocessing.Pool(jobs, initializer=_init, initargs=init) as pool:
                yield from pool.imap(_work_guarded, tasks, chunksize=chunk)
            return
        keep = self.keep_reports

        def limits(task: tuple[int, str, int, bytes | None]) -> tuple[int, float]:
            s = table[task[2]]
            return s.max_memory, s.timeout

        workers = Workers(
            jobs,
            _work,
            name=lambda task: task[1],
            limits=limits,
            setup=lambda: _init(table, keep, True),
            chunk=chunk,
        )
        self.workers_started = 0
        try:
            for task, got in workers.run(tasks):
                if isinstance(got, InputError):
                    yield _failed(task[0], task[1], got, True)
                else:
                    yield got
        finally:
            self.workers_started = workers.started

    def _load(self, index: int, cells: bool = False) -> FileResult:
        """A fresh copy of one file's result: callers set its findings, its report's
        ``previous`` (as on a result read back from the spool). Read back from the spool,
        its report has its tables' cells only when ``cells`` is asked for (the cross-year
        rules); no renderer reads them."""
        held = self._held.get(index)
        if held is not None:
            fresh = copy.copy(held)
            fresh.findings = list(held.findings)
            if held.report is not None:
                fresh.report = copy.copy(held.report)
            return fresh
        import pickle  # see _spooled

        assert self._spool is not None and self._offsets[index] >= 0
        self._spool.seek(self._offsets[index])
        blob = memoryview(self._spool.read(self._sizes[index]))
        size = int.from_bytes(blob[:4], "little")
        result: FileResult = pickle.loads(blob[4 : 4 + size])
        if cells and len(blob) > 4 + size and result.report is not None:
            result.report.tables = unpack(pickle.loads(blob[4 + size :]))
        return result

    def _cross_year(self, totals: list[int]) -> None:
        """Pair the reports by their facts; run RC5xx on each pair (RC500 for a
        ``--previous`` that does not fit)."""
        facts = [f or (None, None, path) for f, path in zip(self._facts, self.files, strict=True)]
        unread = {i for i, f in enumerate(self._facts) if f is None}
        last = item(self._last) if self._last is not None else None
        partner, mismatch = plan(facts, last, taken=unread)
        for i in sorted(set(partner) | mismatch):
            result = self._load(i, cells=True)
            report = result.report
            assert report is not None
            settings = self.settings_for(result.path)
            found: list[Finding] = []
            if i in mismatch:
                assert self._last is not None
                found.append(mismatch_finding(report, self._last))
            j = partner.get(i)
            if j is not None:
                before = self._last if j == EXPLICIT else self._load(j, cells=True).report
                assert before is not None
                report.previous = before
                self._previous[i] = Report(before.source, before.kind, metadata=before.metadata)
                found.extend(check_cross_year(report, settings))
            found = [_adjust(f, report, settings) for f in found if settings.enabled(f.code)]
            if found:
                self._extra[i] = found
                extra = _counts(FileResult(result.path, findings=found))
                for k, n in enumerate(extra):
                    totals[k] += n

    def results(self) -> Iterator[FileResult]:
        """Every file's result in input order (read back one at a time)."""
        for i, path in enumerate(self.files):
            skip = self.skipped.get(path)
            if skip is not None:
                yield FileResult(path, error=skip)
                continue
            r = self._load(i, cells=self.cells)
            if i in self._extra:
                r.findings = sorted([*r.findings, *self._extra[i]], key=Finding.sort_key)
            if r.report is not None and i in self._previous:
                r.report = replace(r.report, previous=self._previous[i])
            yield r

    def close(self) -> None:
        """Remove the spool (and drop the results held in memory)."""
        self._held.clear()
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
