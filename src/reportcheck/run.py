"""``reportcheck validate`` as one library call: :func:`validate` (the command line parses its
options into :class:`ValidateOptions` and returns what this returns as its exit code).

The steps, in order: the inputs collected (files, folders walked, patterns, standard
input); each file's settings (configuration files and the command line's overrides); the
batch read and checked (:class:`reportcheck.batch.Batch`); the baseline written or applied;
then, as each result streams past, its error line on stderr, its marked copy
(``--annotate``) and its summary rows (``--summary``); the renderer of the format
(:data:`reportcheck.render.RENDERERS`) writes the run to stdout or ``--output``; the exit
code says what was found.

Exit codes: 0 no unwaived finding at or above ``fail-on`` (or ``exit_zero``); 1 there are
such findings; 2 the run could not be done (unreadable input, bad options or
configuration) — with one line on stderr saying why.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from reportcheck import baseline as baselines
from reportcheck import output as out
from reportcheck.api import MAX_INPUT, one_per_export, too_big
from reportcheck.batch import Batch
from reportcheck.config import ConfigResolver, Settings, with_overrides
from reportcheck.errors import ConfigError, InputError
from reportcheck.findings import Severity
from reportcheck.inputs import collect
from reportcheck.render.common import summary_line
from reportcheck.results import FileResult

if TYPE_CHECKING:
    from reportcheck.summary import SummaryWriter


@dataclass(frozen=True)
class ValidateOptions:
    """What ``reportcheck validate`` was asked (the options of the same names)."""

    paths: list[str]
    output_format: str = "terminal"
    output: Path | None = None
    stdin_filename: str | None = None
    project_root: Path | None = None
    docs_url: str | None = None
    lang: str = "zh"
    fail_on: str | None = None
    exit_zero: bool = False
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    extend_ignore: list[str] | None = None
    show_settings: bool = False
    config: Path | None = None
    no_config: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    format_version: str | None = None
    previous: Path | None = None
    no_color: bool = False
    quiet: bool = False
    statistics: bool = False
    annotate: str | None = None
    jobs: int | None = None
    max_memory: int | None = None
    timeout: float | None = None
    summary: list[Path] = field(default_factory=list)
    no_convert: bool = False


class Stop(Exception):
    """The run ends here with exit ``code``; ``message`` (if any) is its line on stderr."""

    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def fail(message: str) -> Stop:
    """Exit 2 with ``reportcheck: message`` on stderr."""
    return Stop(2, message)


def say(line: str, err: bool = False) -> None:
    """One line on stdout (or stderr), flushed at once (the two interleave as they come)."""
    print(line, file=sys.stderr if err else sys.stdout, flush=True)


def validate(options: ValidateOptions) -> int:
    """Run ``reportcheck validate`` and return its exit code (see the module doc)."""
    try:
        return _validate(options)
    except Stop as stop:
        if stop.message is not None:
            say(f"reportcheck: {stop.message}", err=True)
        return stop.code


def _validate(o: ValidateOptions) -> int:
    fmt = out.resolve_format(o.output_format)
    if o.no_config and o.config is not None:
        raise fail(
            "--no-config 与 --config 不能同时使用 / --no-config and --config exclude each other"
        )
    if o.baseline is not None and o.write_baseline is not None:
        raise fail("--baseline 与 --write-baseline 不能同时使用 / give one of them")
    stdin = read_stdin(o.paths, o.stdin_filename)
    try:
        got = collect([p for p in o.paths if p != "-"])
    except InputError as err:
        raise fail(f"{err.path}: {err.problem} / {err.problem_en}") from None
    got.files.extend(stdin)
    for own in (o.baseline, o.write_baseline):  # a baseline in a walked folder is not a report
        if own is not None and os.path.isfile(own):
            got.files = [p for p in got.files if not (p in got.walked and os.path.samefile(p, own))]
    files = [p for p in got.files if p not in got.skipped]
    summaries = _summaries(o.summary)
    for place in (o.output, *summaries, o.write_baseline):
        problem = out.place_problem(place) if place is not None else None
        if problem is not None:
            raise fail(problem)
    for target in (o.output, *summaries):
        if target is None or not os.path.exists(target):  # False where it may not look
            continue
        for inp in (*files, o.previous, o.config):
            if inp is not None and os.path.exists(inp) and os.path.samefile(inp, target):
                raise fail(f"{target}: 不能覆盖输入文件 / will not overwrite the input file")
    marked = _annotate_targets(o.annotate, files, (o.previous, o.config, o.output, *summaries))
    try:
        settings_for = _settings(o)
        if o.show_settings:
            first = next(iter(got.files), ".")
            shown = {"file": first, **settings_for(first).shown()}
            say(json.dumps(shown, ensure_ascii=False, indent=2))
            return 0
        thresholds = _FailOn(got.files, settings_for)
        # the CSV files of one workbook export are one report, checked under the first
        kept = set(one_per_export(files, set(stdin)))
        run = Batch(
            [p for p in got.files if p in kept or p in got.skipped],
            settings_for,
            got.skipped,
            previous=str(o.previous) if o.previous is not None else None,
            jobs=o.jobs,
            keep_reports=bool(marked),
            cells=bool(o.summary),  # the summary's batch outliers read every figure
            data=stdin,
        )
        with progress(len(run.files), o.quiet) as tick:
            run.progress = tick
            run.run()
    except ConfigError as err:
        raise fail(str(err)) from None
    except InputError as err:  # --previous could not be read
        raise fail(err.text(o.lang)) from None
    with run:
        results = run.results()
        if o.write_baseline is not None:
            _write_baseline(o.write_baseline, results)
            return 0
        if o.baseline is not None:
            results = _with_baseline(o.baseline, run)
        state = _Verdict()
        sinks = [_summary_writer(p, o.lang, settings_for, marked) for p in summaries]
        echo = _errors_on_stderr(fmt, o.output)
        stream = _tee(results, echo, o, state, thresholds, sinks, marked, got.walked)
        _render(stream, fmt, o, run.counts, thresholds)
        for sink in sinks:
            try:
                sink.close()
            except OSError as exc:
                raise fail(f"{sink.path}: 无法写入 / cannot write: {exc.strerror or exc}") from None
    # a file that could not be read stops the run (2); a file a walk met that is not a
    # report format is listed and does not, unless nothing at all could be checked
    if state.hard:
        return 2
    if not state.checked:
        raise fail("没有可检查的年报文件 / no report files could be checked")
    if o.exit_zero:
        return 0
    return 1 if state.failed else 0


def _settings(o: ValidateOptions) -> Callable[[str], Settings]:
    """Each file's settings: its configuration (found from its folder, once per file of
    configuration) with the command line's overrides."""
    resolver = ConfigResolver(o.config, isolated=o.no_config)
    merged: dict[int, Settings] = {}

    def settings_for(p: str) -> Settings:
        base = resolver.for_path(p)
        if id(base) not in merged:
            merged[id(base)] = with_overrides(
                base,
                select=o.select,
                ignore=o.ignore,
                extend_select=o.extend_select,
                extend_ignore=o.extend_ignore,
                format_version=o.format_version,
                fail_on=Severity(o.fail_on) if o.fail_on else None,
                max_memory=o.max_memory,
                timeout=o.timeout,
            )
            if o.no_convert:
                merged[id(base)].convert = False
        return merged[id(base)]

    return settings_for


class _FailOn(Mapping[str, Severity]):
    """Each file's ``fail-on`` severity, from its settings when asked (not a dict of every
    file: memory stays flat however many files a batch has)."""

    def __init__(self, files: Sequence[str], settings_for: Callable[[str], Settings]) -> None:
        self._files = files
        self._settings_for = settings_for

    def __getitem__(self, path: str) -> Severity:
        return self._settings_for(path).fail_on

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class _Verdict:
    """What the exit code needs, gathered as the results stream past."""

    def __init__(self) -> None:
        self.hard = False
        self.checked = False
        self.failed = False


def _errors_on_stderr(fmt: str, output: Path | None) -> bool:
    """Whether a file that was not checked gets its line on stderr as well: when stdout is
    a document for a program (JSON, SARIF, JUnit, GitLab), goes to a file (``-o``) or to
    another place than stderr (a pipe, a log), so that whoever reads stderr still learns
    which files were not checked. Never when the output shown on the same terminal already
    has the line (each line once on a screen)."""
    if output is None:
        return fmt in out.MACHINE or not _same_terminal(sys.stdout)
    return not _on_the_terminal(output)


def _same_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is the terminal stderr shows on (then a line on both is seen
    twice)."""
    try:
        if not (stream.isatty() and sys.stderr.isatty()):
            return False
        a, b = os.fstat(stream.fileno()), os.fstat(sys.stderr.fileno())
        return (a.st_dev, a.st_ino, a.st_rdev) == (b.st_dev, b.st_ino, b.st_rdev)
    except (OSError, ValueError):
        return False


def _on_the_terminal(output: Path) -> bool:
    """Whether ``-o`` names the terminal the messages go to (``/dev/tty``, ``/dev/stderr``)."""
    try:
        if not sys.stderr.isatty():
            return False
        if os.path.realpath(output) == "/dev/tty":
            return True
        there, err = os.stat(output), os.fstat(sys.stderr.fileno())
        return (there.st_dev, there.st_ino, there.st_rdev) == (err.st_dev, err.st_ino, err.st_rdev)
    except (OSError, ValueError):
        return False


def _tee(
    results: Iterator[FileResult],
    echo_errors: bool,
    o: ValidateOptions,
    state: _Verdict,
    thresholds: Mapping[str, Severity],
    sinks: list[SummaryWriter],
    marked: dict[str, str],
    walked: set[str],
) -> Iterator[FileResult]:
    """Each result on its way to the renderer: the error line on stderr (when
    ``echo_errors``), the marked copy, the summary rows, and what the exit code needs."""
    for r in results:
        if r.error is not None and echo_errors:
            say(f"reportcheck: {r.error.text(o.lang)}", err=True)
        if r.error is not None and not (r.error.unsupported and r.path in walked):
            state.hard = True
        state.checked = state.checked or r.report is not None
        if r.findings:  # an unread path (a folder it may not enter) needs no settings
            state.failed = state.failed or r.fails(thresholds[r.path])
        if marked:  # first: the summary links the marked copy when it was written
            _write_marked(r, marked, o.lang, not o.quiet)
        for sink in sinks:
            sink.add(r)
        yield r


def _render(
    results: Iterator[FileResult],
    fmt: str,
    o: ValidateOptions,
    counts: dict[str, int],
    thresholds: Mapping[str, Severity],
) -> None:
    """Write the run to stdout or ``--output`` as the results come."""
    output = o.output
    if output is None and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors=out.ERRORS)  # a lone surrogate as \udcff (issue 21)
    try:
        with (
            out.open_atomic(output)
            if output is not None
            else contextlib.nullcontext(sys.stdout) as fh
        ):
            if o.statistics:
                _statistics(results, fmt, fh, o.lang, counts)
            else:
                out.stream(
                    results,
                    fmt,
                    fh,
                    o.lang,
                    counts,
                    thresholds=thresholds,
                    show_info=not o.quiet,
                    color=out.color_setting(o.no_color, to_file=output is not None),
                    project_root=o.project_root,
                    docs_url=o.docs_url,
                    step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None,
                )
            if output is None:
                fh.flush()
    except OSError as exc:
        if output is None:
            raise _stdout_failed(exc) from None
        raise fail(f"{output}: 无法写入 / cannot write: {exc.strerror}") from None
    if output is not None and not o.statistics and not _on_the_terminal(output):
        say(summary_line(counts, o.lang))
    elif fmt in out.MACHINE and not o.statistics:
        say(summary_line(counts, o.lang), err=True)


def _statistics(
    results: Iterator[FileResult], fmt: str, fh: IO[str], lang: str, counts: dict[str, int]
) -> None:
    """``--statistics``: how often each code occurred, instead of the findings (JSON for
    ``--format json``, a table otherwise)."""
    from reportcheck.render import concise  # the view of its own: a run loads one renderer

    if fmt == "json":
        fh.write(concise.statistics_json(results, lang, counts))
    else:
        fh.write(concise.statistics(results, lang, counts))


def _stdout_failed(exc: OSError) -> Stop:
    """Standard output cannot be written (a full disk, a closed pipe): one line, exit 2,
    and what is left in its buffer dropped (no second error as Python exits)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    reason = exc.strerror or type(exc).__name__
    return fail(f"无法写入标准输出 / cannot write to standard output: {reason}")


@contextmanager
def progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr while the files are read: only on a terminal, for more than
    20 files, and not with --quiet (never in the output itself)."""
    if quiet or total <= 20 or not sys.stderr.isatty():
        yield None
        return
    # rich only for a long batch on a terminal (15-20 ms of a one-file run otherwise)
    from reportcheck.render.progress import progress_bar

    with progress_bar(total, "检查 / checking") as tick:
        yield tick


def _summaries(paths: list[Path]) -> list[Path]:
    """The ``--summary`` files: each a known suffix, one per format (exit 2 otherwise)."""
    if not paths:
        return paths
    from reportcheck.summary import SUFFIXES  # only with --summary (see _summary_writer)

    kinds: dict[str, Path] = {}
    for p in paths:
        kind = p.suffix.lower()
        kind = ".html" if kind == ".htm" else kind
        if kind not in SUFFIXES:
            raise fail(
                f"{p}: 汇总文件应以 .xlsx、.html 或 .csv 结尾 / the summary must end in "
                ".xlsx, .html or .csv"
            )
        if kind in kinds:
            raise fail(
                f"{p}: 已有 {kind} 汇总 {kinds[kind]}，每种格式写一份 / a {kind} summary is "
                f"already asked for ({kinds[kind]}): one file per format"
            )
        kinds[kind] = p
    return paths


def _summary_writer(
    path: Path,
    lang: str,
    settings_for: Callable[[str], Settings],
    marked: dict[str, str],
) -> SummaryWriter:
    """A ``--summary`` writer, linking each file's marked copy when ``--annotate`` wrote
    one (exit 2 with one line when it cannot be written)."""
    # the summary writers only with --summary: never on a plain validate path (test_startup)
    from reportcheck.summary import open_summary

    def annotated(p: str) -> str | None:
        dest = marked.get(p)
        return dest if dest is not None and os.path.exists(dest) else None

    try:
        return open_summary(path, lang, settings_for, annotated if marked else None)
    except OSError as exc:
        raise fail(f"{path}: 无法写入 / cannot write: {exc.strerror or exc}") from None


def _write_baseline(path: Path, results: Iterator[FileResult]) -> None:
    """--write-baseline: record the run's findings in ``path``."""
    text, n = baselines.document(path, results)
    try:
        out.write_atomic(path, text)
    except OSError as exc:
        raise fail(f"{path}: 无法写入 / cannot write: {exc.strerror}") from None
    say(f"{path}: 已记录 {n} 条问题 / recorded {n} findings")


def _with_baseline(path: Path, run: Batch) -> Iterator[FileResult]:
    """--baseline: the results without the recorded findings, and the run's counts without
    them (a first pass counts what is left out; a note on stderr says how many)."""
    try:
        known = baselines.Known(path)
    except ConfigError as err:
        raise fail(str(err)) from None
    for _ in known.filter(run.results()):
        pass
    for severity, n in known.hidden.items():
        run.counts[severity] -= n
    hidden = sum(known.hidden.values())
    say(
        f"reportcheck: 基线 {path} 中已记录的 {hidden} 条问题未显示 / "
        f"{hidden} findings recorded in the baseline {path} left out",
        err=True,
    )
    return known.filter(run.results())


def read_stdin(paths: list[str], name: str | None) -> dict[str, bytes]:
    """``validate -``: standard input, under ``--stdin-filename`` (default ``-``), bounded."""
    if "-" not in paths:
        if name is not None:
            raise fail("--stdin-filename 只能与 - （读取标准输入）一起使用 / needs - (stdin)")
        return {}
    if paths.count("-") > 1:
        raise fail("标准输入 - 只能读取一次 / - (stdin) can be read once only")
    name = name or "-"
    data = sys.stdin.buffer.read(MAX_INPUT + 1)
    if len(data) > MAX_INPUT:
        zh, en = too_big(len(data))
        raise fail(f"{name}: {zh} / {en}")
    return {name: data}


def _annotate_targets(
    target: str | None, files: list[str], protected: tuple[Path | None, ...]
) -> dict[str, str]:
    """Where --annotate writes each input's marked copy (exit 2 onto an input file)."""
    if target is None:
        return {}
    # the writers (openpyxl, Word) only with --annotate (test_startup)
    from reportcheck.writers.annotate import TargetError, targets

    try:
        return targets(target, files, [str(p) for p in protected if p is not None])
    except TargetError as err:
        raise fail(str(err)) from None


def _write_marked(r: FileResult, marked: dict[str, str], lang: str, show_info: bool) -> None:
    """The marked copy of one input (``--annotate``), and a line on stderr saying so."""
    from reportcheck.writers.annotate import TargetError, write_copy  # see _annotate_targets
    from reportcheck.writers.word import WordError

    dest = marked.get(r.path)
    if r.report is None or dest is None:
        return
    shown = [f for f in r.findings if show_info or f.severity is not Severity.INFO]
    try:
        write_copy(dest, r.report, shown, lang)
    except OSError as exc:
        raise fail(f"{dest}: 无法写入 / cannot write: {exc.strerror or exc}") from None
    except (TargetError, WordError) as err:  # a Word copy of another kind of report
        raise fail(str(err)) from None
    word = dest.lower().endswith(".docx")
    if lang == "zh":
        what = "标注的 Word 文档，问题以批注标出" if word else "标注工作簿"
        line = f"{dest}: 已写入{what}（{len(shown)} 处问题）"
    else:
        what = "marked Word document, with comments" if word else "marked workbook"
        line = f"{dest}: wrote the {what} ({len(shown)} finding(s))"
    say(line, err=True)
