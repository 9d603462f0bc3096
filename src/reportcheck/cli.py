"""The command line: thin on purpose. Parse the options, call the library, exit.

``validate`` builds :class:`reportcheck.run.ValidateOptions` and returns the exit code of
:func:`reportcheck.run.validate`; the options are declared once in
:mod:`reportcheck.clioptions` and shared by the commands.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it;
2 the run could not be done (unreadable input, bad options or configuration).

The library is imported inside each command, not at the top: ``reportcheck --version``
and ``--help`` import nothing but this module and its options (tests/test_startup.py;
importing the validation path costs ~60 ms a bare ``--help`` does not need).

No ``from __future__ import annotations`` here: typer reads every parameter's annotation
while it builds the commands, and a string annotation is compiled anew each of the four
times it is read (measured in docs/architecture.md).
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportcheck import __version__
from reportcheck import clioptions as opt
from reportcheck.clioptions import CatalogueFormat, Command, Language, OutputFormat

if TYPE_CHECKING:
    from reportcheck.model.report import Report

app = typer.Typer(
    name="reportcheck",
    help="校验政府信息公开工作年度报告 / Validate government information-disclosure annual reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
    paths: opt.Paths,
    output_format: opt.Format = OutputFormat.terminal,
    output: opt.OutputFile = None,
    stdin_filename: opt.StdinFilename = None,
    project_root: opt.ProjectRoot = None,
    docs_url: opt.DocsUrl = None,
    lang: opt.Lang = Language.zh,
    fail_on: opt.FailOnOption = None,
    exit_zero: opt.ExitZero = False,
    select: opt.Select = None,
    ignore: opt.Ignore = None,
    extend_select: opt.ExtendSelect = None,
    extend_ignore: opt.ExtendIgnore = None,
    show_settings: opt.ShowSettings = False,
    config: opt.Config = None,
    no_config: opt.NoConfig = False,
    baseline: opt.Baseline = None,
    write_baseline: opt.WriteBaseline = None,
    format_version: opt.FormatVersion = None,
    previous: opt.Previous = None,
    no_color: opt.NoColor = False,
    quiet: opt.Quiet = False,
    statistics: opt.Statistics = False,
    annotate: opt.Annotate = None,
    jobs: opt.Jobs = None,
    max_memory: opt.MaxMemory = None,
    timeout: opt.Timeout = None,
    summary: opt.Summary = None,
    no_convert: opt.NoConvert = False,
    debug: opt.Debug = False,  # read by main(): a bug's traceback instead of its one line
) -> None:
    """Check annual reports and show every defect with its cell, value and expected value.

    Exit codes: 0 no unwaived finding at or above --fail-on (or --exit-zero); 1 there are
    such findings; 2 the run could not be done (unreadable input, bad options or configuration).
    """
    from reportcheck import run  # see the module doc

    options = run.ValidateOptions(
        paths=paths,
        output_format=output_format.value,
        output=output,
        stdin_filename=stdin_filename,
        project_root=project_root,
        docs_url=docs_url,
        lang=lang.value,
        fail_on=fail_on.value if fail_on is not None else None,
        exit_zero=exit_zero,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        extend_ignore=extend_ignore,
        show_settings=show_settings,
        config=config,
        no_config=no_config,
        baseline=baseline,
        write_baseline=write_baseline,
        format_version=format_version,
        previous=previous,
        no_color=no_color,
        quiet=quiet,
        statistics=statistics,
        annotate=annotate,
        jobs=jobs,
        max_memory=max_memory,
        timeout=timeout,
        summary=summary or [],
        no_convert=no_convert,
    )
    raise typer.Exit(run.validate(options))


@app.command(cls=Command)
def template(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Workbook to write (default: 年报表格.xlsx)."),
    ] = Path("年报表格.xlsx"),
    format_version: opt.FormatVersion = None,
    force: opt.Force = False,
) -> None:
    """Write a blank Excel workbook in the official table layout, ready to fill in.

    Sheets 基本信息, 表二, 表三 and 表四 with the official labels and merged headers; the
    data cells accept only numbers of the right kind. An existing file is kept unless
    --force is given.
    """
    from reportcheck.output import place_problem
    from reportcheck.writers.xlsx import write_workbook

    format_version = format_version or opt.latest_version()
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
    format_version: opt.FormatVersion = None,
    force: opt.Force = False,
    lang: opt.Lang = Language.zh,
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
    read: "Report", settings: object, suffix: str, lang: str
) -> "tuple[Report, bytes | None, int | None]":
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


def _converted(output: Path, read: "Report", lang: str) -> str:
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


@app.command(cls=Command)
def rules(
    code: Annotated[
        str | None,
        typer.Argument(metavar="CODE", help="A rule code (RC301): show its full explanation."),
    ] = None,
    lang: opt.Lang = Language.zh,
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
    format_version: opt.FormatVersion = None,
) -> None:
    """Print the JSON Schema of the JSON submission format (the files in schemas/)."""
    from reportcheck.model.submission import schema_text

    sys.stdout.write(schema_text(format_version or opt.latest_version()))


def main() -> None:
    """Entry point of the ``reportcheck`` console script."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so in one line unless --debug
        if "--debug" in sys.argv[1:]:
            raise
        typer.echo(
            f"reportcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for "
            f"the traceback)",
            err=True,
        )
        sys.exit(2)
