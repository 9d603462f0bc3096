"""The command line: thin on purpose. Parse options, call :mod:`reportcheck.api`, render.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it;
2 the run could not be done (unreadable input, bad options or configuration).
"""

from __future__ import annotations

import gc

# This module is the command line's process: collect cycles every 50,000 allocations, not
# every 700 (issue 13). A one-file run keeps ~37,000 objects (typer, the model, the rules),
# and the collector ran some 50 times over them as they were made: 5-7 ms of ~100. A
# report's own objects are freed by reference counting; the batch workers collect the same
# way (reportcheck.batch). A threshold someone else set is kept.
if gc.get_threshold() == (700, 10, 10):
    gc.set_threshold(50_000, 20, 20)

import contextlib
import io
import os
import sys
from collections.abc import Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportcheck import __version__
from reportcheck.lazycli import Command, LazyGroup
from reportcheck.lazycli import command as lazy_command

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import IO

    from reportcheck.batch import Batch
    from reportcheck.config import Settings
    from reportcheck.findings import Severity
    from reportcheck.model.report import Report
    from reportcheck.results import FileResult
    from reportcheck.summary import SummaryWriter

app = typer.Typer(
    name="reportcheck",
    help="校验政府信息公开工作年度报告 / Validate government information-disclosure annual reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=LazyGroup,  # main() builds a command only when it runs (issue 13)
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class OutputFormat(StrEnum):
    terminal = "terminal"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"
    github = "github"
    markdown = "markdown"
    auto = "auto"


def _format_version(value: str) -> str:
    """--format-version: a registered format version (model.tables.FORMATS)."""
    from reportcheck.model.tables import FORMATS

    if value not in FORMATS:
        raise typer.BadParameter(
            f"应为 {' 或 '.join(FORMATS)}，而不是 {value!r} / must be one of "
            f"{', '.join(FORMATS)}, not {value!r}"
        )
    return value


def _latest_version() -> str:
    from reportcheck.model.tables import latest_version

    return latest_version()


_DEBUG = False


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reportcheck: {message}", err=True)
    return typer.Exit(2)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories walked for report files; glob patterns expanded
    (:func:`reportcheck.inputs.expand_paths`; a pattern that matches nothing exits 2)."""
    from reportcheck.errors import InputError
    from reportcheck.inputs import expand_paths as expand

    try:
        return expand(paths)
    except InputError as err:
        raise _fail(f"{err.path}: {err.problem} / {err.problem_en}") from None


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", is_eager=True)
    ] = False,
) -> None:
    if version:
        typer.echo(f"reportcheck {__version__}")
        raise typer.Exit(0)


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="Report files, directories or glob patterns; - reads stdin."
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format (auto: github under GitHub Actions, terminal otherwise).",
        ),
    ] = OutputFormat.terminal,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="NAME",
            help="The name of the report read from stdin (-): for messages and configuration.",
        ),
    ] = None,
    project_root: Annotated[
        Path | None,
        typer.Option(
            "--project-root",
            help="SARIF and GitLab paths are relative to this folder [default: the git root].",
            show_default=False,
        ),
    ] = None,
    docs_url: Annotated[
        str | None,
        typer.Option(
            "--docs-url",
            envvar="REPORTCHECK_DOCS_URL",
            help="URL of docs/rules.md for SARIF helpUri links (each rule's #anchor).",
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Message language.")] = Lang.zh,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that makes the exit code 1 [default: the configuration's "
            "fail-on, else error].",
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when there are findings (still 2 if a run fails)."
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these codes or families (RC3,RC201); repeatable."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Never report these codes or families; repeatable."),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help="Also run these codes (added to the selection)."),
    ] = None,
    extend_ignore: Annotated[
        list[str] | None,
        typer.Option("--extend-ignore", help="Also leave out these codes (kept with --select)."),
    ] = None,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings", help="Print the settings in force for the first file, and exit."
        ),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: reportcheck.toml or pyproject.toml found by "
            "walking up from each file).",
        ),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Leave out the findings recorded in FILE (by file, code and place).",
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record this run's findings in FILE (for --baseline); exit 0.",
        ),
    ] = None,
    format_version: Annotated[
        str | None,
        typer.Option(
            "--format-version",
            parser=_format_version,
            metavar="VERSION",
            help="Check against this format version instead of the one the labels show.",
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="Last year's report of the same agency: the checked reports of the next year "
            "are compared with it (RC5xx). Reports of one agency for consecutive years checked "
            "together are compared without it.",
        ),
    ] = None,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color", help="No colour (as NO_COLOR=1; FORCE_COLOR=1 colours piped output)."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Hide info findings.")] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Instead of the findings, how often each code occurred and in how many files.",
        ),
    ] = False,
    annotate: Annotated[
        str | None,
        typer.Option(
            "--annotate",
            help="Also write a marked copy: the workbook with every problem marked on its cell "
            "(comments, a first sheet 问题清单), or for a Word report named .docx its own "
            "document with Word comments; with several inputs a folder, one copy per input.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes that read and check files in parallel [default: every "
            "core]. The output is the same, in input order, for any number.",
            show_default=False,
        ),
    ] = None,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            metavar="MB",
            help="Memory a file may take to read and check (MB of address space) before its "
            "result is 'out of memory' and the batch goes on [default: 1024].",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="Time a file may take to read and check before its result is 'timed out' "
            "and the batch goes on [default: 10].",
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        list[Path] | None,
        typer.Option(
            "--summary",
            metavar="FILE",
            help="Also write a summary of the batch for the office: one row per file, the "
            "files not checked, agencies given twice or compared across years (.xlsx, .html "
            "or .csv, by the suffix); repeatable (one file per format).",
        ),
    ] = None,
    no_convert: Annotated[
        bool,
        typer.Option(
            "--no-convert",
            help="Do not read .doc/.wps files through a LibreOffice conversion (list them as "
            "not checked).",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check annual reports and show every defect with its cell, value and expected value.

    Exit codes: 0 no unwaived finding at or above --fail-on (or --exit-zero); 1 there are
    such findings; 2 the run could not be done (unreadable input, bad options or configuration).
    """
    global _DEBUG
    _DEBUG = debug
    import os

    from reportcheck import output as out
    from reportcheck.api import _one_per_export
    from reportcheck.batch import Batch
    from reportcheck.config import ConfigResolver, with_overrides
    from reportcheck.errors import ConfigError, InputError
    from reportcheck.findings import Severity
    from reportcheck.inputs import collect

    fmt = out.resolve_format(output_format.value)
    if no_config and config is not None:
        raise _fail(
            "--no-config 与 --config 不能同时使用 / --no-config and --config exclude each other"
        )
    if baseline is not None and write_baseline is not None:
        raise _fail("--baseline 与 --write-baseline 不能同时使用 / give one of them")
    stdin = _read_stdin(paths, stdin_filename)
    try:
        got = collect([p for p in paths if p != "-"])
    except InputError as err:
        raise _fail(f"{err.path}: {err.problem} / {err.problem_en}") from None
    got.files.extend(stdin)
    for own in (baseline, write_baseline):  # a baseline in a walked folder is not a report
        if own is not None and os.path.isfile(own):
            got.files = [p for p in got.files if not (p in got.walked and os.path.samefile(p, own))]
    files = [p for p in got.files if p not in got.skipped]
    summaries = _summaries(summary or [])
    for place in (output, *summaries, write_baseline):
        problem = out.place_problem(place) if place is not None else None
        if problem is not None:
            raise _fail(problem)
    for target in (output, *summaries):
        if target is None or not os.path.exists(target):  # False where it may not look
            continue
        for inp in (*files, previous, config):
            if inp is not None and os.path.exists(inp) and os.path.samefile(inp, target):
                raise _fail(f"{target}: 不能覆盖输入文件 / will not overwrite the input file")
    marked = _annotate_targets(annotate, files, (previous, config, output, *summaries))
    try:
        resolver = ConfigResolver(config, isolated=no_config)
        merged: dict[int, Settings] = {}

        def settings_for(p: str) -> Settings:
            base = resolver.for_path(p)
            if id(base) not in merged:
                merged[id(base)] = with_overrides(
                    base,
                    select=select,
                    ignore=ignore,
                    extend_select=extend_select,
                    extend_ignore=extend_ignore,
                    format_version=format_version,
                    fail_on=Severity(fail_on.value) if fail_on else None,
                    max_memory=max_memory,
                    timeout=timeout,
                )
                if no_convert:
                    merged[id(base)].convert = False
            return merged[id(base)]

        if show_settings:
            import json as _json

            first = next(iter(got.files), ".")
            shown = {"file": first, **settings_for(first).shown()}
            typer.echo(_json.dumps(shown, ensure_ascii=False, indent=2))
            raise typer.Exit(0)
        thresholds = _FailOn(got.files, settings_for)
        # the CSV files of one workbook export are one report, checked under the first
        kept = set(_one_per_export(files, set(stdin)))
        run = Batch(
            [p for p in got.files if p in kept or p in got.skipped],
            settings_for,
            got.skipped,
            previous=str(previous) if previous is not None else None,
            jobs=jobs,
            keep_reports=bool(marked),
            cells=summary is not None,  # the summary's batch outliers read every figure
            data=stdin,
        )
        with _progress(len(run.files), quiet) as tick:
            run.progress = tick
            run.run()
    except ConfigError as err:
        raise _fail(str(err)) from None
    except InputError as err:  # --previous could not be read
        raise _fail(err.text(lang.value)) from None
    with run:
        results = run.results()
        if write_baseline is not None:
            _write_baseline(write_baseline, results)
        if baseline is not None:
            results = _with_baseline(baseline, run)
        state = _Verdict()
        sinks = [_summary_writer(p, lang.value, settings_for, marked) for p in summaries]
        stream = _tee(
            results,
            _errors_on_stderr(fmt, output),
            lang.value,
            state,
            thresholds,
            sinks,
            marked,
            not quiet,
            got.walked,
        )
        _render(
            stream,
            fmt,
            output,
            lang.value,
            run.counts,
            thresholds,
            statistics,
            no_color,
            quiet,
            project_root=project_root,
            docs_url=docs_url,
        )
        for sink in sinks:
            try:
                sink.close()
            except OSError as exc:
                raise _fail(
                    f"{sink.path}: 无法写入 / cannot write: {exc.strerror or exc}"
                ) from None
    # a file that could not be read stops the run (2); a file a walk met that is not a
    # report format is listed and does not, unless nothing at all could be checked
    if state.hard:
        raise typer.Exit(2)
    if not state.checked:
        raise _fail("没有可检查的年报文件 / no report files could be checked")
    if exit_zero:
        raise typer.Exit(0)
    raise typer.Exit(1 if state.failed else 0)


class _FailOn(Mapping[str, "Severity"]):
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
    from reportcheck.output import MACHINE

    if output is None:
        return fmt in MACHINE or not _same_terminal(sys.stdout)
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
    lang: str,
    state: _Verdict,
    thresholds: Mapping[str, Severity],
    sinks: list[SummaryWriter],
    marked: dict[str, str],
    show_info: bool,
    walked: set[str],
) -> Iterator[FileResult]:
    """Each result on its way to the renderer: the error line on stderr (when
    ``echo_errors``), the summary rows, the marked copy, and what the exit code needs."""
    for r in results:
        if r.error is not None and echo_errors:
            typer.echo(f"reportcheck: {r.error.text(lang)}", err=True)
        if r.error is not None and not (r.error.unsupported and r.path in walked):
            state.hard = True
        state.checked = state.checked or r.report is not None
        if r.findings:  # an unread path (a folder it may not enter) needs no settings
            state.failed = state.failed or r.fails(thresholds[r.path])
        if marked:  # first: the summary links the marked copy when it was written
            _write_marked([r], marked, lang, show_info)
        for sink in sinks:
            sink.add(r)
        yield r


def _render(
    results: Iterator[FileResult],
    fmt: str,
    output: Path | None,
    lang: str,
    counts: dict[str, int],
    thresholds: Mapping[str, Severity],
    statistics: bool,
    no_color: bool,
    quiet: bool,
    *,
    project_root: str | Path | None = None,
    docs_url: str | None = None,
) -> None:
    """Write the run to stdout or ``--output`` as the results come."""
    from reportcheck import output as out
    from reportcheck.render.common import summary_line

    color = out.color_setting(no_color, to_file=output is not None)
    if output is None and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors=out.ERRORS)  # a lone surrogate as \udcff (issue 21)
    try:
        with (
            out.open_atomic(output)
            if output is not None
            else contextlib.nullcontext(sys.stdout) as fh
        ):
            if statistics:
                from reportcheck.render import concise

                if fmt == "json":
                    fh.write(concise.statistics_json(results, lang, counts))
                else:
                    fh.write(concise.statistics(results, lang, counts))
            else:
                out.stream(
                    results,
                    fmt,
                    fh,
                    lang,
                    counts,
                    thresholds=thresholds,
                    show_info=not quiet,
                    color=color,
                    project_root=project_root,
                    docs_url=docs_url,
                    step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None,
                )
            if output is None:
                fh.flush()
    except OSError as exc:
        if output is None:
            raise _stdout_failed(exc) from None
        raise _fail(f"{output}: 无法写入 / cannot write: {exc.strerror}") from None
    if output is not None and not statistics and not _on_the_terminal(output):
        typer.echo(summary_line(counts, lang))
    elif fmt in out.MACHINE and not statistics:
        typer.echo(summary_line(counts, lang), err=True)


def _stdout_failed(exc: OSError) -> typer.Exit:
    """Standard output cannot be written (a full disk, a closed pipe): one line, exit 2,
    and what is left in its buffer dropped (no second error as Python exits)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    reason = exc.strerror or type(exc).__name__
    return _fail(f"无法写入标准输出 / cannot write to standard output: {reason}")


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr while the files are read: only on a terminal, for more than
    20 files, and not with --quiet (never in the output itself)."""
    if quiet or total <= 20 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task("检查 / checking", total=total)
        yield lambda done: bar.update(task, completed=done)


def _summaries(paths: list[Path]) -> list[Path]:
    """The ``--summary`` files: each a known suffix, one per format (exit 2 otherwise)."""
    if not paths:
        return paths
    from reportcheck.summary import SUFFIXES

    kinds: dict[str, Path] = {}
    for p in paths:
        kind = p.suffix.lower()
        kind = ".html" if kind == ".htm" else kind
        if kind not in SUFFIXES:
            raise _fail(
                f"{p}: 汇总文件应以 .xlsx、.html 或 .csv 结尾 / the summary must end in "
                ".xlsx, .html or .csv"
            )
        if kind in kinds:
            raise _fail(
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
    from reportcheck.summary import open_summary

    def annotated(p: str) -> str | None:
        dest = marked.get(p)
        return dest if dest is not None and os.path.exists(dest) else None

    try:
        return open_summary(path, lang, settings_for, annotated if marked else None)
    except OSError as exc:
        raise _fail(f"{path}: 无法写入 / cannot write: {exc.strerror or exc}") from None


def _write_baseline(path: Path, results: Iterator[FileResult]) -> None:
    """--write-baseline: record the run's findings in ``path`` and exit 0."""
    from reportcheck import baseline
    from reportcheck.output import write_atomic

    text, n = baseline.document(path, results)
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise _fail(f"{path}: 无法写入 / cannot write: {exc.strerror}") from None
    typer.echo(f"{path}: 已记录 {n} 条问题 / recorded {n} findings")
    raise typer.Exit(0)


def _with_baseline(path: Path, run: Batch) -> Iterator[FileResult]:
    """--baseline: the results without the recorded findings, and the run's counts without
    them (a first pass counts what is left out; a note on stderr says how many)."""
    from reportcheck import baseline
    from reportcheck.errors import ConfigError

    try:
        known = baseline.Known(path)
    except ConfigError as err:
        raise _fail(str(err)) from None
    for _ in known.filter(run.results()):
        pass
    for severity, n in known.hidden.items():
        run.counts[severity] -= n
    hidden = sum(known.hidden.values())
    typer.echo(
        f"reportcheck: 基线 {path} 中已记录的 {hidden} 条问题未显示 / "
        f"{hidden} findings recorded in the baseline {path} left out",
        err=True,
    )
    return known.filter(run.results())


def _read_stdin(paths: list[str], name: str | None) -> dict[str, bytes]:
    """``validate -``: standard input, under ``--stdin-filename`` (default ``-``), bounded."""
    from reportcheck.api import MAX_INPUT, _too_big

    if "-" not in paths:
        if name is not None:
            raise _fail("--stdin-filename 只能与 - （读取标准输入）一起使用 / needs - (stdin)")
        return {}
    if paths.count("-") > 1:
        raise _fail("标准输入 - 只能读取一次 / - (stdin) can be read once only")
    name = name or "-"
    data = sys.stdin.buffer.read(MAX_INPUT + 1)
    if len(data) > MAX_INPUT:
        zh, en = _too_big(len(data))
        raise _fail(f"{name}: {zh} / {en}")
    return {name: data}


def _annotate_targets(
    target: str | None, files: list[str], protected: tuple[Path | None, ...]
) -> dict[str, str]:
    """Where --annotate writes each input's marked copy (exit 2 onto an input file)."""
    if target is None:
        return {}
    from reportcheck.writers.annotate import TargetError, targets

    try:
        return targets(target, files, [str(p) for p in protected if p is not None])
    except TargetError as err:
        raise _fail(str(err)) from None


def _write_marked(
    results: list[FileResult], marked: dict[str, str], lang: str, show_info: bool
) -> None:
    from reportcheck.findings import Severity
    from reportcheck.writers.annotate import TargetError, write_copy
    from reportcheck.writers.word import WordError

    for r in results:
        dest = marked.get(r.path)
        if r.report is None or dest is None:
            continue
        shown = [f for f in r.findings if show_info or f.severity is not Severity.INFO]
        try:
            write_copy(dest, r.report, shown, lang)
        except OSError as exc:
            raise _fail(f"{dest}: 无法写入 / cannot write: {exc.strerror or exc}") from None
        except (TargetError, WordError) as err:  # a Word copy of another kind of report
            raise _fail(str(err)) from None
        word = dest.lower().endswith(".docx")
        if lang == "zh":
            what = "标注的 Word 文档，问题以批注标出" if word else "标注工作簿"
            line = f"{dest}: 已写入{what}（{len(shown)} 处问题）"
        else:
            what = "marked Word document, with comments" if word else "marked workbook"
            line = f"{dest}: wrote the {what} ({len(shown)} finding(s))"
        typer.echo(line, err=True)


@app.command(cls=Command)
def template(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Workbook to write (default: 年报表格.xlsx)."),
    ] = Path("年报表格.xlsx"),
    format_version: Annotated[
        str | None,
        typer.Option(
            "--format-version",
            parser=_format_version,
            metavar="VERSION",
            help="Format version of the tables (default: the latest).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a blank Excel workbook in the official table layout, ready to fill in.

    Sheets 基本信息, 表二, 表三 and 表四 with the official labels and merged headers; the
    data cells accept only numbers of the right kind. An existing file is kept unless
    --force is given.
    """
    from reportcheck.output import place_problem
    from reportcheck.writers.xlsx import write_workbook

    format_version = format_version or _latest_version()
    problem = place_problem(output)
    if problem is not None:
        raise _fail(problem)
    try:
        write_workbook(output, format_version, overwrite=force)
    except FileExistsError:
        raise _fail(
            f"{output}: 文件已存在，加 --force 覆盖 / the file exists; use --force to overwrite"
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _fail(f"{output}: 无法写入 / cannot write: {reason}") from None
    typer.echo(
        f"{output}: 已写入 {format_version} 版年报表格 / wrote the {format_version} format template"
    )


@app.command(cls=Command)
def convert(
    report: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT", help="A report: HTML, Word, text, Markdown, Excel or JSON."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The submission to write: .json or .xlsx; .docx for a Word report with "
            "--apply-suggestions (the corrections as tracked changes).",
        ),
    ],
    format_version: Annotated[
        str | None,
        typer.Option(
            "--format-version",
            parser=_format_version,
            metavar="VERSION",
            help="Read the report as this format version.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Message language.")] = Lang.zh,
    apply_suggestions: Annotated[
        bool,
        typer.Option(
            "--apply-suggestions",
            help="Write the suggested values (where certain) into the copy and list each change.",
        ),
    ] = False,
) -> None:
    """Write what was read from a report as a JSON or Excel submission.

    A published report (web page, Word file, text) becomes a submission that can be
    corrected in Excel or an editor and checked again with `reportcheck validate`. Cells
    are written as read: a blank stays blank, a placeholder or text keeps its text,
    nothing is computed; rows that could not be read are left out. The report is never
    modified; an existing output file is kept unless --force is given. A Word report
    converted with --apply-suggestions -o FIXED.docx is the clerk's own document with each
    correction as a tracked change (by reportcheck) to accept or reject in Word.
    """
    from reportcheck.api import read_path
    from reportcheck.config import Settings
    from reportcheck.errors import InputError
    from reportcheck.output import place_problem

    suffix = output.suffix.lower()
    if suffix == ".docx" and not apply_suggestions:
        raise _fail(
            f"{output}: 写出 .docx 需加 --apply-suggestions（把改正以修订写入 Word 文档）/ "
            "a .docx output needs --apply-suggestions (the corrections as tracked changes)"
        )
    if suffix not in (".json", ".xlsx", ".docx"):
        raise _fail(
            f"{output}: 输出文件应以 .json 或 .xlsx 结尾 / the output must end in .json or .xlsx"
        )
    problem = place_problem(output)
    if problem is not None:
        raise _fail(problem)
    there = os.path.exists(output)  # False where it may not look (then writing says why)
    if there and os.path.exists(report) and os.path.samefile(output, report):
        raise _fail(f"{output}: 不能覆盖输入文件 / will not overwrite the input file")
    if there and not force:
        raise _fail(
            f"{output}: 文件已存在，加 --force 覆盖 / the file exists; use --force to overwrite"
        )
    settings = Settings(format_version=format_version)
    try:
        read = read_path(report, settings)
    except InputError as err:
        raise _fail(err.text(lang.value)) from None
    version = read.format.version
    if suffix == ".docx" and read.kind != "docx":
        raise _fail(
            f"{output}: {report} 不是 Word 文档，改正稿请写成 .xlsx 或 .json / {report} is not "
            "a Word document: write the corrected copy as .xlsx or .json"
        )
    fixed: bytes | None = None
    tracked: int | None = None
    if apply_suggestions:
        read, fixed, tracked = _apply(read, settings, suffix, lang.value)
    try:
        if fixed is not None:
            from reportcheck.output import write_atomic

            if output.exists() and not force:  # pragma: no cover - checked above
                raise FileExistsError(str(output))
            write_atomic(output, fixed)
        elif suffix == ".xlsx":
            from reportcheck.writers.xlsx import write_workbook

            write_workbook(output, version, read, overwrite=force)
        else:
            from reportcheck.writers.json_ import dumps

            _write_text(output, dumps(read), force)
    except FileExistsError:
        raise _fail(
            f"{output}: 文件已存在，加 --force 覆盖 / the file exists; use --force to overwrite"
        ) from None
    except OSError as exc:
        raise _fail(f"{output}: 无法写入 / cannot write: {exc.strerror or exc}") from None
    if tracked is not None:
        typer.echo(
            f"{output}: 已写入 Word 修订稿（{tracked} 处修订，作者 reportcheck，在 Word 中逐条接受或拒绝）"
            if lang.value == "zh"
            else f"{output}: wrote the Word document with {tracked} tracked change(s) by "
            "reportcheck (accept or reject each in Word)"
        )
        return
    typer.echo(_converted(output, read, lang.value))


def _apply(
    read: Report, settings: object, suffix: str, lang: str
) -> tuple[Report, bytes | None, int | None]:
    """Apply the findings' suggestions: the corrected report; for a workbook written as a
    workbook the clerk's own file with the changed cells, for a Word report written as
    .docx its own document with the changes tracked (None otherwise); for the latter how
    many changes were tracked. Each change is printed."""
    from reportcheck.api import check
    from reportcheck.config import Settings
    from reportcheck.writers.fixes import corrected, fixed_workbook, planned

    assert isinstance(settings, Settings)
    changes, left = planned(read, check(read, settings))
    for c in changes:
        typer.echo(c.line(lang))
    for addr in left:
        typer.echo(
            f"{addr}：两条建议不一致，未改动"
            if lang == "zh"
            else f"{addr}: suggestions disagree, left as is"
        )
    if not changes:
        typer.echo(
            "没有可以确定的改正，未改动任何单元格"
            if lang == "zh"
            else "no certain corrections: nothing changed"
        )
    fixed = None
    tracked = None
    if suffix == ".xlsx" and read.kind == "xlsx":
        fixed = fixed_workbook(Path(read.source).read_bytes(), changes)
    elif suffix == ".docx":
        from reportcheck.writers import word

        try:
            fixed, tracked = word.corrected(read.source, Path(read.source).read_bytes(), changes)
        except word.WordError as err:
            raise _fail(str(err)) from None
    return corrected(read, changes), fixed, tracked


def _write_text(path: Path, text: str, overwrite: bool) -> None:
    """Write a new file, or replace one only once the new text is complete."""
    if not overwrite:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
        return
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        from reportcheck.output import file_mode

        os.chmod(tmp, file_mode(path))  # the permissions of the file replaced kept
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _converted(output: Path, read: Report, lang: str) -> str:
    """One line saying what was written, and what a clerk must still fill in."""
    from reportcheck.model.tables import TABLE_EN, TABLE_IDS, TABLE_SHORT

    names = TABLE_SHORT if lang == "zh" else TABLE_EN
    sep = "、" if lang == "zh" else ", "
    found = sep.join(names[t] for t in TABLE_IDS if t in read.tables) or "-"
    missing = sep.join(names[t] for t in TABLE_IDS if t not in read.tables)
    unread = sum(1 for f in read.findings if f.code == "RC003")
    if lang == "zh":
        line = f"{output}: 已写入 {read.format_version} 版 {found}"
        line += f"（缺少 {missing}）" if missing else ""
        line += f"；{unread} 处无法读取，未写入（reportcheck validate 查看）" if unread else ""
    else:
        line = f"{output}: wrote the {read.format_version} format, {found}"
        line += f" ({missing} missing)" if missing else ""
        line += (
            f"; {unread} part(s) could not be read and were left out (see reportcheck validate)"
            if unread
            else ""
        )
    return line


class CatalogueFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command(cls=Command)
def rules(
    code: Annotated[
        str | None,
        typer.Argument(metavar="CODE", help="A rule code (RC301): show its full explanation."),
    ] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of the text (zh or en).")
    ] = Lang.zh,
    output_format: Annotated[
        CatalogueFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CatalogueFormat.text,
) -> None:
    """List every rule code with its severity and summary, or explain one code."""
    import json

    from reportcheck import docs
    from reportcheck.findings.catalogue import all_codes

    if code is None:
        if output_format is CatalogueFormat.json:
            data = [docs.rule_dict(c) for c in all_codes()]
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif output_format is CatalogueFormat.markdown:
            typer.echo(docs.rules_markdown(), nl=False)
        else:
            typer.echo("\n".join(docs.catalogue_lines(lang.value)))
        return
    wanted = code.strip().upper()
    if wanted not in all_codes():
        raise _fail(
            f"未知的规则代码「{code}」（reportcheck rules 列出全部）/ unknown rule code "
            f"“{code}” (reportcheck rules lists them all)"
        )
    if output_format is CatalogueFormat.json:
        typer.echo(json.dumps(docs.rule_dict(wanted), ensure_ascii=False, indent=2))
    else:
        typer.echo(docs.explain(wanted, lang.value), nl=False)


@app.command(cls=Command)
def schema(
    format_version: Annotated[
        str | None,
        typer.Option(
            "--format-version",
            parser=_format_version,
            metavar="VERSION",
            help="Format version of the schema (default: the latest).",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the JSON submission format (the files in schemas/)."""
    from reportcheck.model.submission import schema_text

    sys.stdout.write(schema_text(format_version or _latest_version()))


def main() -> None:
    """Entry point of the ``reportcheck`` console script."""
    try:
        lazy_command(app)()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so in one line unless --debug
        if _DEBUG or "--debug" in sys.argv:
            raise
        typer.echo(
            f"reportcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for "
            f"the traceback)",
            err=True,
        )
        sys.exit(2)
