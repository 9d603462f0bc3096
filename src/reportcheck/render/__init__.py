"""Renderers: findings in, text out — one interface for every output format.

Every format is a module here with one function of the :class:`Renderer` shape::

    def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None

It writes the whole run to ``out`` file by file as the results come (memory does not grow
with the batch). :data:`RENDERERS` maps each ``--format`` name to its module; adding a
format is one module and one line there. ``rich`` is imported only by the terminal
renderer (and :mod:`reportcheck.render.progress`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from reportcheck.render.common import counts

if TYPE_CHECKING:
    from reportcheck.findings import Severity
    from reportcheck.results import FileResult


ERRORS = "backslashreplace"
"""How the output writes what UTF-8 cannot encode (a lone surrogate): ``\\udcff``, the
same rule as :func:`reportcheck.errors.one_line` (issue 21)."""


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need besides the results; each format reads what it uses."""

    lang: str = "zh"
    counts: Mapping[str, int] | None = None
    """The run's totals (:func:`reportcheck.render.common.counts`), known before the files
    (a JSON or JUnit head, a Markdown heading); None: counted from the results."""
    thresholds: Mapping[str, Severity] | None = None
    """Each file's ``fail-on`` severity (JUnit failures follow it)."""
    show_info: bool = True
    color: bool | None = None
    """Terminal colour: False never, True always, None when a terminal."""
    project_root: str | Path | None = None
    """What SARIF and GitLab paths are relative to (default: the git root)."""
    docs_url: str | None = None
    """The docs/rules.md that SARIF's ``helpUri`` points into."""
    step_summary: str | None = None
    """``github``: the file the Markdown report is appended to (``$GITHUB_STEP_SUMMARY``)."""
    max_bytes: int | None = None
    """``markdown``: at most this many bytes of UTF-8 (a note says what was cut)."""


class Renderer(Protocol):
    """An output format: the run written to ``out``."""

    def __call__(
        self, results: Iterable[FileResult], out: IO[str], options: RenderOptions
    ) -> None: ...


RENDERERS: dict[str, str] = {
    "terminal": "reportcheck.render.terminal",
    "concise": "reportcheck.render.concise",
    "json": "reportcheck.render.json_",
    "sarif": "reportcheck.render.sarif",
    "junit": "reportcheck.render.junit",
    "gitlab": "reportcheck.render.gitlab",
    "github": "reportcheck.render.github",
    "markdown": "reportcheck.render.markdown",
}
"""``--format`` name → the module whose ``write`` is its :class:`Renderer`."""


def renderer(name: str) -> Renderer:
    """The renderer of format ``name`` (ValueError for an unknown one). Its module is
    imported only now: a run imports the renderer of its format and no other (rich for
    the terminal alone — 15–20 ms of a one-file run, ``tests/test_startup.py``)."""
    if name not in RENDERERS:
        raise ValueError(f"unknown output format {name!r}")
    write: Renderer = importlib.import_module(RENDERERS[name]).write
    return write


def with_counts(
    results: Iterable[FileResult], options: RenderOptions
) -> tuple[Iterable[FileResult], Mapping[str, int]]:
    """The results and the run's totals: ``options.counts``, or counted from the results
    (then they are read into a list first)."""
    if options.counts is not None:
        return results, options.counts
    listed = list(results)
    return listed, counts(listed)
