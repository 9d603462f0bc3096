"""One renderer interface (issue 23): every --format is a module in render/ whose
``write(results, out, options)`` the registry names; adding a format is one module and one
registry line (and its name in the command line's choices)."""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Iterable
from typing import IO

import pytest

from conftest import EXAMPLES
from reportcheck import api, output
from reportcheck.clioptions import OutputFormat
from reportcheck.errors import InputError
from reportcheck.render import RENDERERS, RenderOptions, renderer
from reportcheck.render.common import counts
from reportcheck.results import FileResult


def _results() -> list[FileResult]:
    return [
        api.validate_path(EXAMPLES / "2021-valid.json"),
        api.validate_path(EXAMPLES / "invalid" / "RC301-row-total.xlsx"),
        FileResult("missing.xlsx", error=InputError("missing.xlsx", "不存在", "missing")),
    ]


def test_the_command_line_offers_every_registered_format() -> None:
    assert {f.value for f in OutputFormat} == {*RENDERERS, "auto"}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_takes_the_same_arguments(fmt: str) -> None:
    """Each renderer is called the same way; streamed with the run's totals or given a
    list to count, it writes the same text."""
    results = _results()
    write = renderer(fmt)
    streamed = io.StringIO()
    write(iter(results), streamed, RenderOptions("en", counts=counts(results), color=False))
    listed = io.StringIO()
    write(results, listed, RenderOptions("en", color=False))
    assert streamed.getvalue() == listed.getvalue()
    assert "RC301" in streamed.getvalue()
    assert output.render(results, fmt, "en", color=False) == listed.getvalue()


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        renderer("yaml")


def test_a_new_format_is_one_module_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("reportcheck_test_tsv")

    def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
        for r in results:
            for f in r.findings:
                out.write(f"{r.path}\t{f.code}\t{options.lang}\n")

    module.write = write  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(RENDERERS, "tsv", module.__name__)
    text = output.render(_results(), "tsv", "en")
    assert text.splitlines() == [
        f"{EXAMPLES / 'invalid' / 'RC301-row-total.xlsx'}\t{f.code}\ten"
        for f in _results()[1].findings
    ]
