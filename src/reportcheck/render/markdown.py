"""Markdown output: a heading with the totals, then one table of findings per file.

Used as is (``--format markdown``, e.g. for a merge-request comment) and as the GitHub
step summary. GitHub-flavoured tables; ``|`` and line breaks in cells are escaped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import IO

from reportcheck.findings import Finding
from reportcheck.render import RenderOptions, with_counts
from reportcheck.render.common import (
    SEVERITY_WORD,
    counts,
    file_facts,
    not_checked,
    place,
    relative,
    summary_line,
    totals,
    where,
)
from reportcheck.results import FileResult

_HEAD = {
    "zh": ("代码", "级别", "位置", "单元格", "问题", "实际", "应为"),
    "en": ("Code", "Severity", "Where", "Cell", "Problem", "Actual", "Expected"),
}
_T = {
    "zh": {
        "clean": "未发现问题",
        "waived": "已豁免",
    },
    "en": {
        "clean": "no problems found",
        "waived": "waived",
    },
}


def cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    if not text:
        return ""
    out = text.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(out.replace("\r", "").split("\n")).strip()


def _file_line(r: FileResult, lang: str) -> str:
    t = _T[lang]
    title = f"### `{relative(r.path)}`"
    if r.error is not None:
        return f"{title} — {cell(not_checked(r, lang) or '')}"
    c = counts([r])
    if c["error"] + c["warning"] + c["info"] + c["waived"] == 0:
        status = t["clean"]
    else:
        status = totals([r], lang)
    bits = [cell(b) for b in file_facts(r, lang)]
    extra = (f"（{'，'.join(bits)}）" if lang == "zh" else f" ({', '.join(bits)})") if bits else ""
    return f"{title} — {status}{extra}"


def _row(f: Finding, lang: str) -> str:
    t = _T[lang]
    sev = SEVERITY_WORD[lang][f.severity]
    if f.waived:
        sev = f"~~{sev}~~ {t['waived']}"
    problem = f.text(lang)
    if f.waived:
        problem += (
            f"（{t['waived']}：{f.waived}）" if lang == "zh" else f" ({t['waived']}: {f.waived})"
        )
    loc = place(f, lang)
    cells = (f"`{f.code}`", sev, where(f, lang), loc, problem, f.actual, f.expected)
    return "| " + " | ".join(cell(x) for x in cells) + " |"


_CUT = {
    "zh": "> **已截断**：为不超过 {limit}（GitHub 作业摘要的上限），省略了 {rows} 条问题"
    "（涉及 {files} 个文件）。完整结果见作业日志，或用 `--format json -o 结果.json` 保存。",
    "en": "> **Cut**: to stay within {limit} (GitHub's job summary limit), {rows} findings "
    "({files} files) are left out. The job log has them all, or save them with "
    "`--format json -o result.json`.",
}


def _size(n: int) -> str:
    return f"{n // 1024} KiB" if n % (1024 * 1024) else f"{n // (1024 * 1024)} MiB"


def render(results: Sequence[FileResult], lang: str = "zh", max_bytes: int | None = None) -> str:
    """The whole run as a Markdown document, at most ``max_bytes`` bytes of UTF-8 if given.

    What does not fit is left out from the end (whole rows; a file whose header does not fit
    is left out with its rows), and a closing note says how many findings and files were cut.
    """
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang, max_bytes=max_bytes))
    return buf.getvalue()


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format markdown``: :func:`render`,
    written to ``out`` file by file as the results come (memory does not grow with the
    batch); the run's totals head it, at most ``options.max_bytes`` bytes."""
    results, run_counts = with_counts(results, options)
    lang, max_bytes = options.lang, options.max_bytes
    first = f"## reportcheck: {summary_line(run_counts, lang)}"
    out.write(first + "\n")
    # room for the note, with the widest counts it can name
    n_rows = sum(run_counts[k] for k in ("error", "warning", "info", "waived"))
    note = _CUT[lang].format(limit=_size(max_bytes or 0), rows=n_rows, files=run_counts["files"])
    budget = (
        None if max_bytes is None else max_bytes - len(note.encode("utf-8", "surrogatepass")) - 64
    )
    used = len(first.encode("utf-8", "surrogatepass")) + 1 + 1
    cut_rows = 0
    cut_files: set[int] = set()

    def fits(text: str) -> bool:
        nonlocal used
        size = len(text.encode("utf-8", "surrogatepass")) + 1
        if budget is not None and (cut_rows or cut_files or used + size > budget):
            return False
        used += size
        return True

    # the document is its lines joined by line breaks: each line after the first (the
    # heading) is written with the break before it
    for i, r in enumerate(results):
        head_lines = [_file_line(r, lang), ""]
        if r.findings:
            head = _HEAD[lang]
            head_lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        if not fits("\n".join(head_lines)):
            cut_files.add(i)
            cut_rows += len(r.findings)
            continue
        out.write("\n" + "\n".join(head_lines))
        for f in r.findings:
            row = _row(f, lang)
            if fits(row):
                out.write("\n" + row)
            else:
                cut_rows += 1
                cut_files.add(i)
        if r.findings:
            out.write("\n")
            used += 1
    if budget is not None and (cut_rows or cut_files):
        out.write(
            "\n"
            + _CUT[lang].format(limit=_size(max_bytes or 0), rows=cut_rows, files=len(cut_files))
            + "\n"
        )
