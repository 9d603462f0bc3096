"""Start-up stays light: the command line imports what a command needs and nothing more.

`reportcheck --help` must not import the Excel, HTML, Word or PDF libraries (issue 2), and
validating a workbook imports neither openpyxl nor pydantic (both cost more than the
whole check). Issue 13: `--version` and `--help` import nothing of reportcheck but the
command line and its options; `validate` imports the reader of its input kind, the renderer of its output
format and nothing of the others, no rule pages, writers or prose machinery for a table-only
submission, and rich only for the terminal.

The modules are read from ``sys.modules`` when the process exits, so that a module loaded
with ``importlib.import_module`` (readers, rule modules) counts too: ``python -X
importtime`` does not list those.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

HEAVY = ("openpyxl", "pydantic", "lxml", "docx", "bs4", "html5lib", "pypdfium2")


_MARK = "--- modules at exit ---"
_RUN = (
    "import atexit, sys\n"
    f"atexit.register(lambda: print({_MARK!r}, *sorted(sys.modules), sep='\\n', file=sys.stderr))\n"
    "sys.argv[0] = 'reportcheck'\n"
    "from reportcheck.cli import main\n"
    "main()\n"
)


def _imported(*args: str) -> set[str]:
    """Every module in ``sys.modules`` when ``reportcheck ARGS`` ends."""
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    # no arguments: the help, and exit 2 as for any missing command
    assert proc.returncode in ((0, 1) if args else (2,)), proc.stderr[-2000:]
    assert _MARK in proc.stderr, proc.stderr[-2000:]
    return set(proc.stderr.split(_MARK, 1)[1].split())


def _ours(names: set[str], package: str) -> set[str]:
    return {n for n in names if n == package or n.startswith(package + ".")}


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def test_help_imports_no_reader_library() -> None:
    names = _imported("--help")
    assert "reportcheck.cli" in names  # the list was read
    assert not _top(names) & set(HEAVY)
    assert not {n for n in names if n.startswith("reportcheck.readers")}


@pytest.mark.parametrize("example", ["2021-valid.xlsx", "2021-valid.json"])
def test_validate_imports_neither_openpyxl_nor_pydantic(example: str) -> None:
    path = EXAMPLES / example
    assert Path(path).is_file()
    names = _imported("validate", str(path))
    assert "reportcheck.readers.detect" in names  # the list was read, a reader ran
    assert not _top(names) & set(HEAVY)


def test_validate_pdf_imports_pdfium_only_then() -> None:
    """The PDF library is imported when a PDF is read, and only then (see above) — in the
    child process that reads it under the memory and time limits (issue 21), not here."""
    names = _imported("validate", str(Path(__file__).parent / "data" / "pdf" / "lo-2021-clean.pdf"))
    assert "reportcheck.isolate" in names and "reportcheck.readers.pdf" in names
    assert not _top(names) & {"openpyxl", "pydantic", "docx", "pypdfium2"}


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_version_and_help_import_only_the_command_line(args: list[str]) -> None:
    """No option of any command is needed to say the version or list the commands."""
    names = _imported(*args)
    assert "typer" in names  # the list was read
    assert _ours(names, "reportcheck") == {
        "reportcheck",
        "reportcheck.cli",
        "reportcheck.clioptions",
    }
    assert not _top(names) & {*HEAVY, "rich"}


# what the validate path of each input may load of the readers (exactly these)
_READERS = {
    "xlsx": {
        "detect",
        "container",
        "xlsx",
        "sheetcells",
        "sheet_metadata",
        "grid",
        "gridcells",
        "numfmt",
    },
    "json": {"detect", "encoding", "json_"},
}
# what each output format may load of the renderers (exactly these), and whether rich
_RENDERERS = {
    "terminal": ({"common", "terminal"}, True),
    "json": ({"common", "json_"}, False),
    "concise": ({"common", "concise"}, False),
    "junit": ({"common", "junit"}, False),
    "github": ({"common", "github"}, False),
    "markdown": ({"common", "markdown"}, False),
}
# never on the validate path of a table-only submission: the prose machinery (RC4xx reads
# text, a workbook has none), rule pages (rules/docs/SARIF), writers, the batch summary
_NEVER = (
    "reportcheck.prose",
    "reportcheck.findings.catalogue.pages",
    "reportcheck.writers",
    "reportcheck.summary",
    "reportcheck.docs",
    "reportcheck.model.submission",
)


@pytest.mark.parametrize(
    ("example", "kind", "fmt"),
    [
        ("2021-valid.xlsx", "xlsx", "terminal"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "terminal"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "json"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "concise"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "junit"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "github"),
        ("invalid/RC300-culprit.xlsx", "xlsx", "markdown"),
        ("2021-valid.json", "json", "terminal"),
        ("invalid/RC001-unknown-key.json", "json", "json"),
    ],
)
def test_validate_imports_only_what_it_uses(example: str, kind: str, fmt: str) -> None:
    """The reader of the input, the renderer of the format, no other reader, renderer,
    rule pages, writer or prose machinery; rich only for the terminal."""
    names = _imported("validate", "--format", fmt, str(EXAMPLES / example))
    readers = {n.removeprefix("reportcheck.readers.") for n in _ours(names, "reportcheck.readers")}
    assert readers - {"reportcheck.readers"} == _READERS[kind]
    renderers, rich = _RENDERERS[fmt]
    shown = {n.removeprefix("reportcheck.render.") for n in _ours(names, "reportcheck.render")}
    assert shown - {"reportcheck.render"} == renderers
    assert ("rich" in names) is rich
    assert not {n for n in names if n.startswith(_NEVER)}
    assert not _top(names) & set(HEAVY)


def test_validate_text_imports_no_reader_of_another_kind() -> None:
    """A published text loads the text reader and the prose rules, not the Excel, JSON,
    HTML, Word, CSV or PDF readers."""
    names = _imported("validate", str(EXAMPLES / "2021-valid.txt"))
    assert "reportcheck.readers.text.reader" in names
    assert "reportcheck.prose" in names  # RC4xx ran
    others = ("xlsx", "json_", "html", "docx", "csv_", "pdf")
    assert not {n for n in names for o in others if n.startswith(f"reportcheck.readers.{o}")}
    assert not _top(names) & set(HEAVY)


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_one_file_is_checked_without_the_batch_spool(fmt: str, tmp_path: Path) -> None:
    """Issue 13: one file is checked in-process with its result kept in memory: no
    temporary spool file, no pickling; nor string (a finding's template) or glob (a
    pattern) for a clean workbook named on the command line, with no configuration
    file above it (tomllib imports string)."""
    one = tmp_path / "年报.xlsx"
    one.write_bytes((EXAMPLES / "2021-valid.xlsx").read_bytes())
    names = _imported("validate", "--format", fmt, str(one))
    assert "reportcheck.batch" in names  # the list was read
    assert not names & {"pickle", "tempfile", "string", "glob"}
