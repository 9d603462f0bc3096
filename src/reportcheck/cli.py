"""The command line: thin on purpose. Parse options, call :mod:`reportcheck.api`, render.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it;
2 the run could not be done (unreadable input, bad options or configuration).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reportcheck import __version__

app = typer.Typer(
    name="reportcheck",
    help="校验政府信息公开工作年度报告 / Validate government information-disclosure annual reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    json = "json"


class Version(StrEnum):
    v2019 = "2019"
    v2021 = "2021"


REPORT_SUFFIXES = (".xlsx", ".json", ".html", ".htm", ".txt", ".md", ".markdown", ".docx")

_DEBUG = False


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reportcheck: {message}", err=True)
    return typer.Exit(2)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories walked for report files; glob patterns expanded."""
    import glob

    out: list[str] = []
    for p in paths:
        if any(ch in p for ch in "*?[") and not Path(p).exists():
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise _fail(f"{p}: 没有匹配的文件 / no files match")
            out.extend(m for m in matches if Path(m).is_file())
        elif Path(p).is_dir():
            found = sorted(
                str(f)
                for f in Path(p).rglob("*")
                if f.is_file()
                and f.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in f.parts)
            )
            if not found:
                raise _fail(f"{p}: 目录中没有年报文件 / no report files in this directory")
            out.extend(found)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", is_eager=True)
    ] = False,
) -> None:
    if version:
        typer.echo(f"reportcheck {__version__}")
        raise typer.Exit(0)


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="Report files, directories or glob patterns.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.terminal,
    lang: Annotated[Lang, typer.Option("--lang", help="Message language.")] = Lang.zh,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
    ] = FailOn.error,
    format_version: Annotated[
        Version | None,
        typer.Option(
            "--format-version",
            help="Check against this format version instead of the one the labels show.",
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Hide info findings.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check annual reports and show every defect with its cell, value and expected value."""
    global _DEBUG
    _DEBUG = debug
    from reportcheck.api import validate_path
    from reportcheck.config import Settings
    from reportcheck.findings import Severity

    settings = Settings(format_version=format_version.value if format_version else None)
    files = expand_paths(paths)
    results = [validate_path(p, settings) for p in files]
    for r in results:
        if r.error is not None:
            typer.echo(f"reportcheck: {r.error.text(lang.value)}", err=True)
    if output_format is OutputFormat.json:
        from reportcheck.render import json_

        sys.stdout.write(json_.render(results, lang.value))
    else:
        from reportcheck.render import terminal

        console = terminal.make_console(color=False if no_color else None)
        terminal.render(results, console, lang.value, show_info=not quiet)
    if any(r.error for r in results):
        raise typer.Exit(2)
    threshold = Severity(fail_on.value)
    raise typer.Exit(1 if any(r.fails(threshold) for r in results) else 0)


def main() -> None:
    """Entry point of the ``reportcheck`` console script."""
    try:
        app()
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
