"""GitHub Actions output: workflow commands that become annotations, and a step summary.

Each finding becomes ``::error file=…,line=…,col=…,title=RC301 …::message`` (``::warning``,
``::notice`` for info). GitHub shows at most 10 annotations of each type per step, so at
most 10 commands of a type are written: when there are more, the first 9 are annotated and
the 10th says how many more there are; every finding is still printed as a plain log line.
Waived findings are never annotated (they are listed in the log and the summary).

When ``$GITHUB_STEP_SUMMARY`` is set, the CLI appends the Markdown report
(:mod:`reportcheck.render.markdown`) to that file.

Escaping follows GitHub's toolkit: in the message ``%``, ``\\r``, ``\\n``; in property values
also ``:`` and ``,``.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO

from reportcheck.findings import Finding, Severity, catalogue
from reportcheck.render import ERRORS, RenderOptions, with_counts
from reportcheck.render.common import (
    finding_line,
    relative,
    summary_line,
    summary_room,
    where,
)
from reportcheck.results import FileResult

MAX_PER_TYPE = 10
"""GitHub shows at most this many annotations of one type per step."""

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (``file``, ``title``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: str | int | None) -> str:
    """One workflow command: ``::kind key=value,…::message``."""
    shown = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None
    )
    return (
        f"::{kind} {shown}::{escape_data(message)}"
        if shown
        else f"::{kind}::{escape_data(message)}"
    )


def annotation(f: Finding, path: str, lang: str) -> str:
    """The workflow command for one finding."""
    rule = catalogue.find(f.code)
    title = f"{f.code} {rule.name}" if rule else f.code
    loc = f.location
    text = f.text(lang)
    bits = [b for b in (loc.address if loc else None, where(f, lang)) if b]
    if bits and loc is not None and not loc.line:  # no line to point at: say where in words
        text = f"{' · '.join(bits)}: {text}"
    hint = f.hint_text(lang)
    if hint:
        text += "\n" + hint
    return command(
        COMMAND[f.severity],
        text,
        file=relative(f.file or path),
        line=loc.line if loc and loc.line else None,
        col=loc.column if loc and loc.line and loc.column else None,
        title=title,
    )


def render(results: Sequence[FileResult], lang: str = "zh") -> str:
    """Annotations (at most 10 per type), every finding as a log line, a closing summary."""
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang))
    return buf.getvalue()


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format github``. With
    ``options.step_summary`` (``$GITHUB_STEP_SUMMARY``), the Markdown report is appended
    to that file in the same pass, cut to what GitHub shows (:data:`STEP_SUMMARY_LIMIT`);
    a file that cannot be opened gets one line on stderr and the annotations still come."""
    results, run_counts = with_counts(results, options)
    path = options.step_summary
    if path is None:
        _write(results, out, options.lang, run_counts)
        return
    room = summary_room(path)
    try:
        summary = open(path, "a", encoding="utf-8", errors=ERRORS)  # noqa: SIM115 -- closed below
    except OSError as exc:
        sys.stderr.write(f"reportcheck: {path}: cannot write: {exc.strerror}\n")
        _write(results, out, options.lang, run_counts)
        return
    with summary:
        _write(results, out, options.lang, run_counts, summary, room)
        summary.write("\n")


def _write(
    results: Iterable[FileResult],
    out: IO[str],
    lang: str,
    run_counts: Mapping[str, int],
    step_summary: IO[str] | None = None,
    summary_bytes: int | None = None,
) -> None:
    """:func:`render`, in one pass over the results, in memory that does not grow with the
    batch: the first annotations of each type are kept, the log lines wait in a temporary
    file (they follow the annotations). With ``step_summary``, the Markdown report (at
    most ``summary_bytes``) is written to it in the same pass."""
    kept: dict[str, list[str]] = {"error": [], "warning": [], "notice": []}
    seen = dict.fromkeys(kept, 0)

    def annotate(kind: str, line: str) -> None:
        seen[kind] += 1
        if len(kept[kind]) < MAX_PER_TYPE:
            kept[kind].append(line)

    def each(log: IO[str]) -> Iterator[FileResult]:
        for r in results:
            if r.error is not None:
                kind = "warning" if r.error.unsupported else "error"
                annotate(
                    kind,
                    command(kind, r.error.text(lang), file=relative(r.path), title="reportcheck"),
                )
            for f in r.findings:
                if not f.waived:
                    annotate(COMMAND[f.severity], annotation(f, r.path, lang))
            for f in r.findings:
                log.write(f"{relative(r.path)}: {finding_line(f, lang)}\n")
            yield r

    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        if step_summary is not None:
            # only for the job summary: a run loads its format's renderer alone (test_startup)
            from reportcheck.render import markdown

            summary_options = RenderOptions(lang, counts=run_counts, max_bytes=summary_bytes)
            markdown.write(each(log), step_summary, summary_options)
        else:
            for _ in each(log):
                pass
        for kind in ("error", "warning", "notice"):
            of_kind = kept[kind]
            if seen[kind] > MAX_PER_TYPE:
                more = seen[kind] - (MAX_PER_TYPE - 1)
                of_kind = of_kind[: MAX_PER_TYPE - 1]
                word = {"error": "错误", "warning": "警告", "notice": "提示"}[kind]
                of_kind.append(
                    command(
                        kind,
                        f"另有 {more} 个{word}未标注，见日志和作业摘要"
                        if lang == "zh"
                        else f"{more} more {kind}s not annotated: see the log and the job summary",
                        title="reportcheck",
                    )
                )
            for line in of_kind:
                out.write(line + "\n")
        log.seek(0)
        shutil.copyfileobj(log, out)
    out.write(summary_line(run_counts, lang) + "\n")
