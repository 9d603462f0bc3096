"""Start-up stays light: the command line imports what a command needs and nothing more.

`reportcheck --help` must not import the Excel, HTML, Word or PDF libraries (issue 2), and
validating a workbook imports neither openpyxl nor pydantic (both cost more than the
whole check). Checked with ``python -X importtime``, which lists every module imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

HEAVY = ("openpyxl", "pydantic", "lxml", "docx", "bs4", "html5lib", "pypdfium2")


def _imported(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reportcheck", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


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
    """The PDF library is imported when a PDF is read, and only then (see above)."""
    names = _imported("validate", str(Path(__file__).parent / "data" / "pdf" / "lo-2021-clean.pdf"))
    assert "pypdfium2" in _top(names)
    assert not _top(names) & {"openpyxl", "pydantic", "docx"}
