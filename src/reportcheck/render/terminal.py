"""Terminal output (rich): a summary line per file, then each finding in full.

For each finding: code, severity, where (table / row / column, cell address), what the
cell says, what it should be, the difference, every relation written out with addresses
and values (zero terms folded), and a compact view of the table region with the cells
that disagree marked. Works on 80 columns and when piped (no colour, marks in brackets).
"""

from __future__ import annotations

import io
import os.path
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from reportcheck.findings import Check, Finding, Severity, Term, fmt_number
from reportcheck.findings.catalogue import MAX_PARAM
from reportcheck.model.location import zh_address
from reportcheck.model.tables import FORMATS
from reportcheck.model.values import elide
from reportcheck.render import RenderOptions, with_counts
from reportcheck.render.common import counts as common_counts
from reportcheck.render.common import file_facts, not_checked, place, summary_line, totals
from reportcheck.render.common import where as where_words
from reportcheck.results import FileResult

if TYPE_CHECKING:  # rich.table is imported by _grid, for a finding that shows a table region
    from rich.table import Table

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEV = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_T = {
    "zh": {
        "suggest": "建议改为 {v}",
        "actual": "实际",
        "expected": "应为",
        "diff": "差",
        "zeros": "其余 {n} 项为 0",
        "hidden_rows": "… 另 {n} 行",
        "hidden_zero": "… 另 {n} 行为 0",
        "clean": "未发现问题",
        "waived": "已豁免",
        "files": "共 {n} 个文件",
        "relation": "关系",
        "column_of": "{c}列",
        "sheet": "（工作表 {s}）",
        "blank": "空",
    },
    "en": {
        "suggest": "suggested: {v}",
        "actual": "actual",
        "expected": "expected",
        "diff": "difference",
        "zeros": "{n} more terms are 0",
        "hidden_rows": "+{n} more rows",
        "hidden_zero": "+{n} zero rows",
        "clean": "no problems found",
        "waived": "waived",
        "files": "{n} files",
        "relation": "relation",
        "column_of": "column {c}",
        "sheet": " (sheet {s})",
        "blank": "blank",
    },
}


def make_console(file: IO[str] | None = None, color: bool | None = None) -> Console:
    """A console that wraps at the terminal width (80 when piped) and never highlights.

    ``color``: False never (no escape sequence, bold neither), True always, None when the
    output is a terminal (rich then reads ``NO_COLOR`` itself; the command line decides with
    :func:`reportcheck.output.color_setting`).
    """
    return Console(
        file=file,
        highlight=False,
        no_color=True if color is False else None,
        color_system=None if color is False else "auto",  # no colour: no escapes at all
        force_terminal=True if color else None,
        soft_wrap=False,
        emoji=False,
    )


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format terminal``: each file in
    full as it comes, then the run's summary line (coloured as ``options.color`` says)."""
    results, run_counts = with_counts(results, options)
    console = make_console(file=out, color=options.color)
    any_file = False
    for r in results:
        render_file(r, console, options.lang, options.show_info)
        console.print()
        any_file = True
    if any_file:  # a closing line, for one file too: CI logs end the same way every time
        console.print(Text(summary_line(run_counts, options.lang)))


def text(results: Sequence[FileResult], lang: str = "zh", *, show_info: bool = True) -> str:
    """The terminal view as plain text (no colour)."""
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang, show_info=show_info, color=False))
    return buf.getvalue()


def render(
    results: Sequence[FileResult], console: Console, lang: str = "zh", show_info: bool = True
) -> None:
    """Print every file's findings and a closing summary."""
    for r in results:
        render_file(r, console, lang, show_info)
        console.print()
    if results:  # a closing line, for one file too: CI logs end the same way every time
        console.print(Text(summary_line(results, lang)))


def render_file(r: FileResult, console: Console, lang: str = "zh", show_info: bool = True) -> None:
    """One file: its header line and each finding in full (the summary page shows this)."""
    plain = console.no_color or not console.is_terminal
    _file_header(r, console, lang)
    for f in r.findings:
        if show_info or f.severity is not Severity.INFO:
            _finding(f, console, lang, plain)


def _file_header(r: FileResult, console: Console, lang: str) -> None:
    t = _T[lang]
    line = Text()
    line.append(r.path, style="bold")
    line.append(": ")
    if r.error:
        line.append(
            not_checked(r, lang) or "", style="yellow" if r.error.unsupported else "bold red"
        )
        _indented(console, line, 2, first=0)
        return
    counts = common_counts([r])
    if counts["error"] + counts["warning"] + counts["info"] + counts["waived"] == 0:
        line.append(t["clean"], style="bold green")
    else:
        style = "bold red" if counts["error"] else "yellow" if counts["warning"] else "cyan"
        line.append(totals([r], lang), style=style)
    bits = file_facts(r, lang)
    if bits:
        line.append(
            f"（{'，'.join(bits)}）" if lang == "zh" else f" ({', '.join(bits)})", style="dim"
        )
    _indented(console, line, 2, first=0)


def _finding(f: Finding, console: Console, lang: str, plain: bool) -> None:
    t = _T[lang]
    head, first = Text(), 2
    head.append(f.code, style="bold")
    head.append(" ")
    sev = _SEV[lang][f.severity]
    head.append(sev, style=_STYLE[f.severity] if not f.waived else "dim")
    if f.waived:
        head.append(f" [{t['waived']}: {f.waived}]", style="dim")
    where = where_words(f, lang)
    if where:
        head.append(f"  {where}")
    if f.location:
        # an address of 200,000 characters (a damaged file's key) is shown by its start and
        # end; the JSON, SARIF and the other machine formats keep it whole
        loc = elide(place(f, lang), MAX_PARAM)
        # A long JSON pointer goes on its own line rather than being broken mid-path.
        if 2 + head.cell_len + 2 + cell_len(loc) > console.width:
            _indented(console, head, 4, first=2)
            head, first = Text(), 4
        else:
            head.append("  ")
        head.append(loc, style="bold magenta")
    _indented(console, head, 4, first=first)
    _indented(console, Text(f.text(lang)), 4)
    vals = []
    if f.actual is not None:
        vals.append(f"{t['actual']} {f.actual.strip() or t['blank']}")
    if f.expected is not None:
        vals.append(f"{t['expected']} {f.expected}")
    if f.difference is not None:
        d = f.difference
        vals.append(f"{t['diff']} {'+' if not d.startswith('-') else ''}{d}")
    if vals and (f.checks or f.difference is not None):
        _indented(console, Text(" · ".join(vals), style="dim"), 4)
    hint = f.hint_text(lang)
    if hint:
        _indented(console, Text(hint, style="dim"), 4)
    if f.suggestion is not None:
        _indented(console, Text(t["suggest"].format(v=f.suggestion), style="bold green"), 4)
    for chk in f.checks:
        _check(chk, console, lang)
    if f.checks:
        grid = _grid(f, plain, lang)
        if grid is not None:
            _print_trimmed(console, grid)


def _print_trimmed(console: Console, table: Table) -> None:
    """Print a table without the spaces rich pads its lines with (clean when piped)."""
    for line in console.render_lines(table, console.options, pad=False):
        text = Text()
        for seg in line:
            if not seg.control:
                text.append(seg.text, seg.style)
        text.rstrip()
        console.print(text, overflow="ignore", crop=False)


def _indented(console: Console, text: Text, indent: int, first: int | None = None) -> None:
    """Print ``text`` wrapped to the console width: the first line indented by ``first``
    (default ``indent``), the others by ``indent``; no trailing spaces. Chinese is broken
    as Chinese typesetting does (:func:`line_spans`): never before ，。；、） nor after （「, and
    never between a number and its unit (``2021 版``, ``31 件``)."""
    first = indent if first is None else first
    widths = (max(console.width - first, 20), max(console.width - indent, 20))
    for i, line in enumerate(_cut(text, line_spans(text.plain, *widths))):
        line.rstrip()
        console.print(Text(" " * (first if i == 0 else indent)) + line, overflow="fold")


def _cut(text: Text, spans: list[tuple[int, int]]) -> list[Text]:
    """The pieces of ``text`` at ``spans`` (increasing, not overlapping), styles kept.

    One :meth:`Text.divide` for all of them: slicing a ``Text`` once per line copies the
    whole text each time (quadratic in its length; a 200,000-character line took minutes).
    """
    cuts = sorted({offset for span in spans for offset in span})
    pieces = text.divide(cuts)
    starts = {start: i for i, start in enumerate([0, *cuts])}
    return [pieces[starts[start]] if end > start else Text() for start, end in spans]


_NO_START = set("，。；：、）」』》！？%,.;:)!?…·")
"""Characters a line never starts with (they close what stands before them)."""
_NO_END = set("（「『《(“‘")
"""Characters a line never ends with (they open what follows)."""


def _is_wide(ch: str) -> bool:
    return cell_len(ch) == 2


def line_spans(text: str, first: int, width: int) -> list[tuple[int, int]]:
    """Where to break ``text`` into lines of at most ``first`` (then ``width``) cells.

    Breaks fall at spaces or between two Chinese characters, not before closing
    punctuation, not after opening punctuation, and not at the space between a number and
    the Chinese word after it (its unit). A piece longer than a line is cut by width.
    Returns (start, end) offsets; spaces at a break are left out.
    """
    n = len(text)
    # break opportunities: offsets where a new line may start
    ok = [False] * (n + 1)
    for i in range(1, n):
        a, b = text[i - 1], text[i]
        if b in _NO_START or a in _NO_END:
            continue
        if a == " " and b != " ":
            before = text[i - 2] if i >= 2 else ""
            if before.isdigit() and _is_wide(b):
                continue  # 2021 版, 31 件: a number keeps its unit
            ok[i] = True
        else:
            # beside a Chinese character, except between a number and it
            ok[i] = (_is_wide(b) and a != " " and not a.isdigit()) or (
                _is_wide(a) and b != " " and not b.isdigit()
            )
    spans: list[tuple[int, int]] = []
    start = 0
    limit = first
    while start < n:
        while start < n and text[start] == " ":
            start += 1
        if start >= n:
            break
        used = 0
        last_ok = -1
        i = start
        while i < n:
            w = cell_len(text[i])
            if used + w > limit:
                break
            used += w
            i += 1
            if i < n and ok[i]:
                last_ok = i
        if i >= n:
            spans.append((start, n))
            break
        end = last_ok if last_ok > start else i  # no break opportunity: cut by width
        if end <= start:
            end = start + 1
        stop = end
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        spans.append((start, stop))
        start = end
        limit = width
    return spans or [(0, 0)]


def _labels(t: Term, lang: str) -> tuple[str, str]:
    """(row label, column label) of a term."""
    row, _, col = (t.label if lang == "zh" else t.label_en).rpartition("·")
    return row, col


def _prefix(locations: list[str]) -> str:
    """The sheet (``表三!``) or JSON pointer path (``/applications/granted/``) every address
    of a relation shares, so that it is said once instead of in every term."""
    if len(locations) < 2:
        return ""
    common = os.path.commonprefix(locations)  # noqa: RUF071 - addresses, not file paths
    # a sheet (表三!), a JSON path (/…/), or the start of a text/HTML place (table 2, row 6, )
    cut = max(common.rfind("!"), common.rfind("/"), common.rfind(", ") + 1)
    return common[: cut + 1] if cut > 0 else ""


def _place(address: str, lang: str) -> str:
    """An address (or the rest of one) in the output language."""
    return zh_address(address) if lang == "zh" else address


def _term(t: Term, lang: str, share: str | None, prefix: str) -> str:
    row, col = _labels(t, lang)
    name = col if share == "row" else row if share == "column" else f"{row}·{col}"
    loc = f" {_place(t.location[len(prefix) :], lang)}" if t.location else ""
    value = t.shown() if t.value is not None or t.raw.strip() else _T[lang]["blank"]
    return f"{name}{loc} {value}"


def _side(terms: tuple[Term, ...], lang: str, share: str | None, prefix: str) -> list[str]:
    """The terms of one side of a relation; zero terms folded into one when there are many."""
    zeros = [x for x in terms if x.value == 0]
    if len(zeros) < 2:  # folding one zero term would not make the line shorter
        return [_term(x, lang, share, prefix) for x in terms]
    parts = [_term(x, lang, share, prefix) for x in terms if x.value != 0]
    if zeros:
        locs = [_place(z.location[len(prefix) :], lang) for z in zeros if z.location]
        span = ""
        if len(locs) > 1:
            span = f"（{locs[0]}…{locs[-1]}）" if lang == "zh" else f" ({locs[0]}…{locs[-1]})"
        parts.append(_T[lang]["zeros"].format(n=len(zeros)) + span)
    return parts or ["0"]


def _check(chk: Check, console: Console, lang: str) -> None:
    """One relation, written out with addresses and values.

    The row or column every term shares, and the sheet or JSON path every address shares,
    are named once on a title line; the terms then carry only what differs::

        （一）予以公开（工作表 表三）
          总计 J6 24
          ≠ 自然人 D6 21 + 商业企业 E6 3 + 法律服务机构 H6 1 + 其余 3 项为 0（F6…I6） = 25
    """
    t = _T[lang]
    terms = (*chk.lhs, *chk.rhs)
    share = (
        "row"
        if len({x.row for x in terms}) == 1
        else "column"
        if len({x.column for x in terms}) == 1
        else None
    )
    prefix = _prefix([x.location for x in terms if x.location])
    row, col = _labels(terms[0], lang)
    title = row if share == "row" else t["column_of"].format(c=col) if share == "column" else ""
    if prefix.endswith("!"):
        title += t["sheet"].format(s=prefix[:-1])
    elif prefix.endswith(", "):
        place = _place(prefix[:-2], lang)
        title += f"（{place}）" if lang == "zh" else f" ({place})"
    elif prefix:
        title += f"（{prefix}…）" if lang == "zh" else f" ({prefix}…)"
    if title:
        _indented(console, Text(title.strip(), style="dim"), 4)
    mark = "=" if chk.residual == 0 else "≠"
    width = max(console.width - 6, 20)
    for i, line in enumerate(_pack("", _side(chk.lhs, lang, share, prefix), chk.lhs_sum, width)):
        console.print(Text("      " + line, style="bold" if i == 0 else ""), overflow="fold")
    for line in _pack(f"{mark} ", _side(chk.rhs, lang, share, prefix), chk.rhs_sum, width):
        console.print(Text("      " + line), overflow="fold")


def _pack(lead: str, parts: list[str], total: object, width: int) -> list[str]:
    """``lead`` + the parts joined by `` + ``, broken only between terms, then ``= total``."""
    end = f" = {fmt_number(total)}" if len(parts) > 1 else ""  # type: ignore[arg-type]
    lines: list[str] = []
    cur = lead
    for i, part in enumerate(parts):
        piece = part + (end if i == len(parts) - 1 else "")
        if i == 0:
            cur += piece
        elif cell_len(cur) + 3 + cell_len(piece) <= width:
            cur += " + " + piece
        else:
            lines.append(cur)
            cur = " " * len(lead) + "+ " + piece
    lines.append(cur)
    return lines


def _order(table_id: str, what: str, ident: str) -> int:
    """Position of a row or column in the official layout (either version).

    The latest version is asked first: its positions keep the rows of both versions in
    order (2019's single （六）其他处理 still sorts before （七）总计).
    """
    for fmt in reversed(FORMATS.values()):
        tdef = fmt.table(table_id)
        ids = [r.id for r in tdef.rows] if what == "row" else [c.id for c in tdef.columns]
        if ident in ids:
            return ids.index(ident)
    return 999


_SHORT_EN = {
    "natural_person": "persons",
    "commercial": "companies",
    "research": "research",
    "social_welfare": "NGOs",
    "legal_services": "legal",
    "other": "other",
    "other_outcome": "other",
    "new_made": "made",
    "new_published": "published",
    "total_published": "in total",
    "previous_items": "last year",
    "change": "change",
    "total_amount": "amount",
    "repealed": "repealed",
    "in_force": "in force",
}
"""English column headings of the table region, short as the Chinese ones (自然人, 商业企业):
the full names are in the relation lines above it."""


def _grid(f: Finding, plain: bool, lang: str = "zh") -> Table | None:
    """The table region of the finding: rows and columns of every term, marked cells."""
    terms: dict[tuple[str, str], Term] = {}
    for chk in f.checks:
        for t in (*chk.lhs, *chk.rhs):
            terms[(t.row, t.column)] = t
    table_id = next(iter(terms.values())).table
    rows = sorted(dict.fromkeys(r for r, _ in terms), key=lambda r: _order(table_id, "row", r))
    cols = sorted(dict.fromkeys(c for _, c in terms), key=lambda c: _order(table_id, "col", c))
    if len(rows) < 2 and len(cols) < 2:
        return None
    hidden, hidden_zero = 0, True
    if len(rows) > 10:
        # Always the totals (left-hand sides) and the finding's own row; then the rows
        # that carry a number, in table order, up to ten rows in all.
        must = {t.row for chk in f.checks for t in chk.lhs} | ({f.row} if f.row else set())
        nonzero = [
            r
            for r in rows
            if r not in must
            and any(t.value not in (0, None) for (rr, _), t in terms.items() if rr == r)
        ]
        keep = must | set(nonzero[: max(0, 10 - len(must))])
        hidden = len(rows) - len(keep)
        hidden_zero = not (set(nonzero) - keep)
        rows = [r for r in rows if r in keep]
    marked = (
        set(f.cells[:1])
        if f.code in ("RC300", "RC204")
        else {t.location for chk in f.checks for t in chk.lhs if t.location}
    )
    from rich.table import Table  # 7.8 ms: only for a finding that shows a table region

    table = Table(box=None, pad_edge=False, padding=(0, 1), show_edge=False)
    zh = lang == "zh"
    table.add_column("", no_wrap=True, max_width=14 if zh else 22, overflow="ellipsis")

    def label(t: Term) -> str:
        return t.label if zh else t.label_en

    col_labels = {c: label(next(t for (_, cc), t in terms.items() if cc == c)) for c in cols}
    for c in cols:
        # Headers fold onto a second line (社会公益 / 组织) rather than losing their end;
        # in English a column's heading is its short name (the relation lines name it whole)
        name = col_labels[c].split("·")[-1]
        if not zh:
            name = _SHORT_EN.get(c, name)
        table.add_column(name, justify="right", max_width=8 if zh else 10, overflow="fold")
    for r in rows:
        row_label = label(next(t for (rr, _), t in terms.items() if rr == r)).split("·")[0]
        cells: list[Text | str] = [Text(row_label, overflow="ellipsis")]
        for c in cols:
            cell = terms.get((r, c))
            if cell is None:
                cells.append("")
                continue
            val = cell.shown() if cell.value is not None or cell.raw.strip() else _T[lang]["blank"]
            if cell.location in marked:
                cells.append(Text(f"[{val}]" if plain else val, style="bold red reverse"))
            else:
                cells.append(Text(val))
        table.add_row(*cells)
    if hidden:
        key = "hidden_zero" if hidden_zero else "hidden_rows"
        table.add_row(Text(_T[lang][key].format(n=hidden), style="dim"))
    return table
