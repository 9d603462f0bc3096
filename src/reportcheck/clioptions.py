"""The command line's options, declared once (as frictionless's ``console/common.py``).

Each option is an ``Annotated`` alias that a command's parameter names as its type: a
command that takes ``--lang`` writes ``lang: Lang = Lang.zh``, and the flag, its help and
its checks come from here. :class:`Command` is typer's command with click's usage lines and
only close suggestions for a mistyped option.

Imported by ``reportcheck --version`` and ``--help``: nothing of the library at the top.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand


class Language(StrEnum):
    zh = "zh"
    en = "en"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class OutputFormat(StrEnum):
    """``--format`` of validate: every renderer (reportcheck.render.RENDERERS) and auto."""

    terminal = "terminal"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"
    github = "github"
    markdown = "markdown"
    auto = "auto"


class CatalogueFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def format_version(value: str) -> str:
    """--format-version: a registered format version (model.tables.FORMATS)."""
    # not at the top: --help and --version import nothing of the library (tests/test_startup)
    from reportcheck.model.tables import FORMATS

    if value not in FORMATS:
        raise typer.BadParameter(
            f"应为 {' 或 '.join(FORMATS)}，而不是 {value!r} / must be one of "
            f"{', '.join(FORMATS)}, not {value!r}"
        )
    return value


def latest_version() -> str:
    """The latest format version (the default of template and schema)."""
    from reportcheck.model.tables import latest_version as latest  # see format_version

    return latest()


class Command(TyperCommand):
    """typer's command, with usage lines as click writes them (``PATH...``, ``REPORT``,
    ``[CODE]``: not typer's ``{paths}``) and only close suggestions for a mistyped option
    (``--formt`` → ``--format``; ``--bogus`` gets none, not ``--jobs``)."""

    SUGGEST_CUTOFF = 0.75
    """How alike (difflib's ratio, without the dashes) a suggested option must be."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not isinstance(param, TyperArgument):
                pieces.extend(param.get_usage_pieces(ctx))  # options show none
                continue
            var = param.metavar or (param.name or "").upper()
            if param.metavar is None and param.nargs != 1:
                var += "..."
            pieces.append(var if param.required else f"[{var}]")
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except Exception as err:
            # "No such option" carries the options it would suggest (typer declares its
            # class in a private module only: it is known here by its two attributes)
            typed = getattr(err, "option_name", None)
            if isinstance(typed, str) and hasattr(err, "possibilities"):
                err.possibilities = close_options(typed, err.possibilities or ())
            raise


def close_options(typed: str, options: Iterable[str]) -> list[str]:
    """The options spelt like ``typed`` (a typo, not merely a shared letter or two)."""
    bare = typed.lstrip("-")
    return [
        o
        for o in options
        if SequenceMatcher(None, bare, o.lstrip("-")).ratio() >= Command.SUGGEST_CUTOFF
    ]


# ------------------------------------------------------------------ shared by commands

Lang = Annotated[Language, typer.Option("--lang", help="Message language (zh or en).")]
FormatVersion = Annotated[
    str | None,
    typer.Option(
        "--format-version",
        parser=format_version,
        metavar="VERSION",
        help="The format version (2019, 2021): validate and convert read the report as this "
        "version instead of the one its labels show; template and schema write it [default: "
        "the latest].",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]

# ------------------------------------------------------------------ validate

Paths = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...", help="Report files, directories or glob patterns; - reads stdin."
    ),
]
Format = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format (auto: github under GitHub Actions, terminal otherwise).",
    ),
]
OutputFile = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
]
StdinFilename = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="The name of the report read from stdin (-): for messages and configuration.",
    ),
]
ProjectRoot = Annotated[
    Path | None,
    typer.Option(
        "--project-root",
        help="SARIF and GitLab paths are relative to this folder [default: the git root].",
        show_default=False,
    ),
]
DocsUrl = Annotated[
    str | None,
    typer.Option(
        "--docs-url",
        envvar="REPORTCHECK_DOCS_URL",
        help="URL of docs/rules.md for SARIF helpUri links (each rule's #anchor).",
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Lowest severity that makes the exit code 1 [default: the configuration's "
        "fail-on, else error].",
        show_default=False,
    ),
]
ExitZero = Annotated[
    bool,
    typer.Option(
        "--exit-zero", help="Exit 0 even when there are findings (still 2 if a run fails)."
    ),
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Only these codes or families (RC3,RC201); repeatable."),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Never report these codes or families; repeatable."),
]
ExtendSelect = Annotated[
    list[str] | None,
    typer.Option("--extend-select", help="Also run these codes (added to the selection)."),
]
ExtendIgnore = Annotated[
    list[str] | None,
    typer.Option("--extend-ignore", help="Also leave out these codes (kept with --select)."),
]
ShowSettings = Annotated[
    bool,
    typer.Option(
        "--show-settings", help="Print the settings in force for the first file, and exit."
    ),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuration file (default: reportcheck.toml or pyproject.toml found by "
        "walking up from each file).",
    ),
]
NoConfig = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
Baseline = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        help="Leave out the findings recorded in FILE (by file, code and place).",
    ),
]
WriteBaseline = Annotated[
    Path | None,
    typer.Option(
        "--write-baseline",
        metavar="FILE",
        help="Record this run's findings in FILE (for --baseline); exit 0.",
    ),
]
Previous = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        help="Last year's report of the same agency: the checked reports of the next year "
        "are compared with it (RC5xx). Reports of one agency for consecutive years checked "
        "together are compared without it.",
    ),
]
NoColor = Annotated[
    bool,
    typer.Option(
        "--no-color", help="No colour (as NO_COLOR=1; FORCE_COLOR=1 colours piped output)."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Hide info findings.")]
Statistics = Annotated[
    bool,
    typer.Option(
        "--statistics",
        help="Instead of the findings, how often each code occurred and in how many files.",
    ),
]
Annotate = Annotated[
    str | None,
    typer.Option(
        "--annotate",
        help="Also write a marked copy: the workbook with every problem marked on its cell "
        "(comments, a first sheet 问题清单), or for a Word report named .docx its own "
        "document with Word comments; with several inputs a folder, one copy per input.",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes that read and check files in parallel [default: every "
        "core]. The output is the same, in input order, for any number.",
        show_default=False,
    ),
]
MaxMemory = Annotated[
    int | None,
    typer.Option(
        "--max-memory",
        metavar="MB",
        help="Memory a file may take to read and check (MB of address space) before its "
        "result is 'out of memory' and the batch goes on [default: 1024].",
        show_default=False,
    ),
]
Timeout = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        help="Time a file may take to read and check before its result is 'timed out' "
        "and the batch goes on [default: 10].",
        show_default=False,
    ),
]
Summary = Annotated[
    list[Path] | None,
    typer.Option(
        "--summary",
        metavar="FILE",
        help="Also write a summary of the batch for the office: one row per file, the "
        "files not checked, agencies given twice or compared across years (.xlsx, .html "
        "or .csv, by the suffix); repeatable (one file per format).",
    ),
]
NoConvert = Annotated[
    bool,
    typer.Option(
        "--no-convert",
        help="Do not read .doc/.wps files through a LibreOffice conversion (list them as "
        "not checked).",
    ),
]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
