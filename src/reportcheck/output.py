"""Turning a run's results into output: pick the renderer, write stdout or a file atomically.

Kept out of :mod:`reportcheck.cli` so the CLI stays a thin option parser, and usable from
Python: ``output.render(results, "sarif")``.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from reportcheck.errors import InputError, one_line
from reportcheck.findings import Severity
from reportcheck.render import ERRORS, RENDERERS, RenderOptions, renderer
from reportcheck.render.common import STEP_SUMMARY_LIMIT, summary_room
from reportcheck.results import FileResult

__all__ = ["ERRORS", "STEP_SUMMARY_LIMIT"]  # re-exported for Python callers

FORMATS = tuple(RENDERERS)
"""Every output format (``auto`` is resolved by :func:`resolve_format`)."""
MACHINE = ("json", "sarif", "junit", "gitlab")
"""Formats whose output is a document that a program reads: nothing else goes to stdout."""


def resolve_format(name: str, environ: Mapping[str, str] | None = None) -> str:
    """``auto`` → ``github`` under GitHub Actions (``GITHUB_ACTIONS=true``), else ``terminal``."""
    env = os.environ if environ is None else environ
    if name != "auto":
        return name
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "terminal"


def color_setting(
    no_color: bool = False, to_file: bool = False, environ: Mapping[str, str] | None = None
) -> bool | None:
    """Colour for the terminal view: False (never), True (always) or None (when a terminal).

    ``--no-color`` and a file (``-o``) are never coloured; then ``NO_COLOR`` (https://no-color.org:
    set and not empty) turns colour off, and ``FORCE_COLOR`` (set, not empty and not ``0``)
    turns it on when the output is piped, as CI logs that show colour want. NO_COLOR wins.
    """
    env = os.environ if environ is None else environ
    if no_color or to_file or env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return None


def render(
    results: Sequence[FileResult],
    fmt: str,
    lang: str = "zh",
    *,
    thresholds: Mapping[str, Severity] | None = None,
    show_info: bool = True,
    color: bool | None = None,
    project_root: str | Path | None = None,
    docs_url: str | None = None,
) -> str:
    """The run rendered in ``fmt`` (one of :data:`FORMATS`) as text.

    ``thresholds`` gives each file's ``fail-on`` severity (JUnit failures follow it).
    ``project_root`` (default: the git root) is what SARIF and GitLab paths are relative
    to; ``docs_url`` is the docs/rules.md that SARIF's ``helpUri`` points into.
    """
    buf = io.StringIO()
    options = RenderOptions(
        lang,
        thresholds=thresholds,
        show_info=show_info,
        color=color,
        project_root=project_root,
        docs_url=docs_url,
    )
    renderer(fmt)(shown(results, fmt), buf, options)
    return buf.getvalue()


TEXT = ("terminal", "concise", "github", "markdown", "junit")
"""Formats whose file names are shown as text: a name that is not clean is shown escaped
(:func:`reportcheck.errors.one_line`). The JSON formats write it as it is: JSON escapes
control characters, and a lone surrogate (a byte that is not UTF-8) is written as the JSON
escape ``\\udcff`` (the output's ``backslashreplace``), which reads back as the name."""


def shown(results: Iterable[FileResult], fmt: str) -> Iterable[FileResult]:
    """The results with their file names as ``fmt`` shows them (see :data:`TEXT`)."""
    if fmt not in TEXT:
        return results
    return map(_shown, results)


def _shown(r: FileResult) -> FileResult:
    path = r.path
    if path.isprintable() and all(
        f.file is None or f.file is path or f.file.isprintable() for f in r.findings
    ):
        return r
    out = copy.copy(r)
    out.path = one_line(path)
    out.findings = [
        f if f.file is None or f.file.isprintable() else replace(f, file=one_line(f.file))
        for f in r.findings
    ]
    if r.error is not None:
        e = r.error
        out.error = InputError(one_line(e.path), e.problem, e.problem_en, unsupported=e.unsupported)
    return out


def file_mode(target: str | Path) -> int:
    """The permissions a file written over ``target`` gets: the existing file's (a report
    kept 0600 stays 0600), else the usual ones (0666 less the umask), never the temporary
    file's 0600."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def stream(
    results: Iterable[FileResult],
    fmt: str,
    out: IO[str],
    lang: str,
    counts: Mapping[str, int],
    *,
    thresholds: Mapping[str, Severity] | None = None,
    show_info: bool = True,
    color: bool | None = None,
    project_root: str | Path | None = None,
    docs_url: str | None = None,
    step_summary: str | None = None,
) -> None:
    """Write the run in ``fmt`` to ``out`` one file at a time as the results come (memory
    does not grow with the batch); ``counts`` are the run's totals
    (:func:`reportcheck.render.common.counts`). For ``github``, ``step_summary`` is the
    file the Markdown report is appended to (``$GITHUB_STEP_SUMMARY``), in the same pass."""
    options = RenderOptions(
        lang,
        counts=counts,
        thresholds=thresholds,
        show_info=show_info,
        color=color,
        project_root=project_root,
        docs_url=docs_url,
        step_summary=step_summary,
    )
    renderer(fmt)(shown(results, fmt), out, options)


@contextlib.contextmanager
def open_atomic(path: str | Path) -> Iterator[IO[str]]:
    """A text file to write ``path`` through: readers see the old file or the whole new one
    (as :func:`write_atomic`); what is not a regular file is written to directly."""
    target = Path(path)
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8", errors=ERRORS, newline="") as fh:
            yield fh
        return
    import tempfile  # not at the top: only a written file needs it (start-up, issue 13)

    target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors=ERRORS, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` so that readers see the old file or the new, never half.

    A temporary file in the same directory is written, flushed to disk and renamed over
    ``path`` with :func:`os.replace`. The new file keeps the permissions of the file it
    replaces, or gets the usual ones (0666 less the umask), never the temporary file's 0600. A symbolic link is followed (the link stays,
    the file it points to is replaced); what is not a regular file (``/dev/stdout``, a named
    pipe) is written to directly, never replaced.
    """
    target = Path(path)
    data = text.encode("utf-8", ERRORS) if isinstance(text, str) else text
    if target.exists() and not target.is_file():
        with open(target, "wb") as fh:
            fh.write(data)
        return
    target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    import tempfile  # not at the top: only a written file needs it (start-up, issue 13)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def place_problem(path: str | Path) -> str | None:
    """Why ``path`` cannot be written where it is, in one line (Chinese / English), or None.

    The one rule for every output (``-o``, ``--summary``, ``--annotate``,
    ``--write-baseline``, ``template``, ``convert``): reportcheck writes the file (or the
    ``--annotate`` folder) it is given, never the folders above it. A missing folder is
    refused, so that a mistyped path does not leave folders behind; checked before a run,
    so that a long batch does not end in an error.
    """
    if os.path.exists(path) and not os.path.isfile(path):  # /dev/stdout, a pipe: as it is
        return None
    parent = Path(os.path.abspath(path)).parent
    try:
        if not parent.exists():
            return f"{path}: 无法写入：目录不存在 / cannot write: no such folder"
        if not parent.is_dir():
            return f"{path}: 无法写入：上级路径不是目录 / cannot write: not in a folder"
    except OSError as exc:  # a folder above it that may not be entered
        return f"{path}: 无法写入 / cannot write: {exc.strerror or exc}"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{path}: 无法写入 / cannot write: Permission denied"
    return None


def append_step_summary(results: Sequence[FileResult], lang: str, path: str) -> None:
    """Append the Markdown report to GitHub's ``$GITHUB_STEP_SUMMARY`` file, cut (with a
    note saying what was cut) so that the file stays within :data:`STEP_SUMMARY_LIMIT`."""
    from reportcheck.render import markdown  # Python callers only; not on a validate path

    room = summary_room(path)
    with open(path, "a", encoding="utf-8", errors=ERRORS) as fh:
        fh.write(markdown.render(results, lang, max_bytes=room) + "\n")
