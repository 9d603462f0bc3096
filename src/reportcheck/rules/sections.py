"""Structure of a published report: the six sections, their order, and each table in its section.

The template of the 国务院办公厅 has six sections: 一、总体情况 · 二、主动公开政府信息情况 (表二) ·
三、收到和处理政府信息公开申请情况 (表三) · 四、政府信息公开行政复议、行政诉讼情况 (表四) ·
五、存在的主要问题及改进情况 · 六、其他需要报告的事项. Real reports vary the wording, so a
heading is recognised by its keywords (:data:`SECTION_KEYWORDS`) and its numeral is used to
choose between candidates and to notice a renumbering.

:func:`layout` works out which heading stands for which section and where each section
starts in :attr:`Report.text`; the rules here and in :mod:`~reportcheck.rules.publication`
use it. Table-only submissions (Excel, JSON: ``report.sections is None``) are not checked.

One defect, one finding: a missing heading is reported once (RC111) — the table that then
sits under the previous section (RC113) and the numbering that skips it (RC114) are its
consequences and are not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.labels import HEADING_PHRASES
from reportcheck.model.report import Location, Report
from reportcheck.model.rowfinder import similarity
from reportcheck.model.tables import TABLE_EN, TABLE_SHORT
from reportcheck.records import record
from reportcheck.rules.registry import rule

NUMERALS = "一二三四五六"
"""Section numerals, 一 = section 1."""

STANDARD_HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
STANDARD_EN = {
    1: "overview",
    2: "proactive disclosure",
    3: "applications received and handled",
    4: "administrative review and litigation",
    5: "main problems and improvements",
    6: "other matters to report",
}

SECTION_KEYWORDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (4, ("行政复议", "行政诉讼", "复议", "诉讼")),
    (6, ("其他需要报告", "其他需报告", "需要报告的事项", "其他事项")),
    (5, ("问题", "改进", "整改")),
    (2, ("主动公开",)),
    (3, ("收到和处理", "依申请", "申请公开", "公开申请", "申请情况", "申请办理")),
    (1, ("总体情况", "总体概况", "基本情况", "工作概况", "概述", "综述")),
)
"""Keywords that identify a heading's section, tried in this order (first hit wins):
四 before 三 because 「因政府信息公开申请行政复议」 mentions 申请."""

INLINE_HEADINGS = {
    1: r"(?:总体情况|总体概况|基本情况|概述)",
    2: r"主动公开(?:政府信息|工作|情况)",
    3: r"(?:收到和处理政府信息公开申请|依申请公开|政府信息公开申请情况)",
    4: r"(?:因?政府信息公开(?:工作)?(?:被申请|申请)?(?:的)?行政复议|行政复议)",
    5: r"(?:政府信息公开工作)?存在的(?:主要)?问题",
    6: r"其他需(?:要)?报告",
}
"""Strict heading starts, used to find a heading that runs on inside a paragraph
(text taken from a web page without line breaks) when no heading line was found."""

SECTION_TABLES = {
    2: "proactive_disclosure",
    3: "applications",
    4: "review_litigation",
}
TABLE_SECTIONS = {t: s for s, t in SECTION_TABLES.items()}

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


_FULL_WIDTH = re.compile(r"[\uff01-\uff5e\u3000]")
_folded: list[tuple[str, str]] = []


def fold(text: str) -> str:
    """Full-width ASCII to half width, character for character (offsets are kept).

    The last long text folded is remembered (the rules fold the same report text often).
    """
    entry = _folded[0] if _folded else None  # read once: another thread may replace it
    if entry is not None and entry[0] is text:
        return entry[1]
    out = text.translate(_FOLD) if _FULL_WIDTH.search(text) else text
    if len(text) > 200:
        _folded[:] = [(text, out)]
    return out


def classify(heading: str) -> int | None:
    """The section (1–6) a heading stands for by its keywords, or None."""
    body = re.sub(r"^\s*[一二三四五六]\s*[、.．]\s*", "", fold(heading))
    for number, words in SECTION_KEYWORDS:
        if any(w in body for w in words):
            return number
    return None


def numeral(heading: str) -> int | None:
    """The number written at the start of a heading (三、 → 3), or None."""
    m = re.match(r"^\s*([一二三四五六])\s*[、.．]", fold(heading))
    return NUMERALS.index(m[1]) + 1 if m else None


@record(frozen=True)
class Heading:
    """A top-level heading found in the report."""

    text: str
    offset: int
    """Where it starts in ``report.text``."""
    location: Location
    section: int | None
    """The section its keywords name (None for a heading of the report's own)."""
    numeral: int | None
    """The number written before it."""


@record()
class Layout:
    """Which heading stands for which section, and where the sections are."""

    text_length: int
    headings: list[Heading] = field(default_factory=list)
    """Every top-level heading, in text order."""
    chosen: dict[int, Heading] = field(default_factory=dict)
    """The heading taken for each section that has one."""

    def span(self, section: int) -> tuple[int, int] | None:
        """Start and end offsets of a section's text (heading included), or None."""
        h = self.chosen.get(section)
        if h is None:
            return None
        later = [x.offset for x in self.headings if x.offset > h.offset]
        return h.offset, min(later, default=self.text_length)

    def section_at(self, offset: int) -> int | None:
        """The section whose chosen heading is the last one at or before ``offset``."""
        before = [(h.offset, s) for s, h in self.chosen.items() if h.offset <= offset]
        return max(before)[1] if before else None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _find_headings(report: Report) -> list[Heading]:
    text = report.text or ""
    out: list[Heading] = []
    cursor = 0
    for sec in report.sections or []:
        head = sec.heading.strip()
        off = text.find(head, cursor) if head else -1
        if off < 0 and head:
            off = text.find(head)
        if off < 0 and sec.location.line:
            lines = text.split("\n")
            if 0 < sec.location.line <= len(lines):
                off = sum(len(x) + 1 for x in lines[: sec.location.line - 1])
        if off < 0:
            continue
        cursor = off + len(head)
        out.append(Heading(head, off, sec.location, classify(head), numeral(head) or sec.number))
    return out


def _inline(report: Report, text: str, section: int) -> list[Heading]:
    """Headings of one section that run on inside a paragraph (strict pattern)."""
    pat = re.compile(rf"(?<![(（第])({NUMERALS[section - 1]})\s*、\s*{INLINE_HEADINGS[section]}")
    folded = fold(text)
    out = []
    for m in pat.finditer(folded):
        start = folded.rfind("\n", 0, m.start()) + 1
        end = folded.find("\n", m.start())
        if "|" in folded[start : end if end >= 0 else None]:
            continue  # a label inside a table
        line = _line_of(text, m.start())
        snippet = text[m.start() : m.start() + 24].split("\n")[0]
        where = report.place(m.start()) or Location(f"line {line}", line)
        out.append(Heading(snippet, m.start(), where, section, section))
    return out


_layouts: list[tuple[tuple[object, ...], Layout]] = []


def layout(report: Report) -> Layout | None:
    """The section layout of a published report (None for table-only submissions).

    Computed once per report state (the rules of this module and others share it).
    """
    if report.sections is None or report.text is None:
        return None
    key = (
        report.text,
        report.sections,
        [(s.number, s.heading, s.location) for s in report.sections],
        dict(report.table_positions),
    )
    entry = _layouts[0] if _layouts else None  # read once: another thread may replace it
    if entry is not None and _same(entry[0], key):
        return entry[1]
    lay = _layout(report, report.text)
    _layouts[:] = [(key, lay)]
    return lay


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return a[0] is b[0] and a[1] is b[1] and a[2:] == b[2:]


def _layout(report: Report, text: str) -> Layout:
    lay = Layout(len(text), _find_headings(report))
    found = {h.section for h in lay.headings if h.section}
    for s in range(1, 7):
        if s not in found:
            lay.headings.extend(_inline(report, text, s))
    lay.headings.sort(key=lambda h: h.offset)
    for s in range(1, 7):
        cands = [h for h in lay.headings if h.section == s]
        if cands:
            lay.chosen[s] = _choose(s, cands, report)
    _by_number(lay)
    return lay


def _by_number(lay: Layout) -> None:
    """A section with no heading by its keywords takes the heading numbered as it whose
    words name no section (「六、其他」), when that heading stands where the section belongs:
    after the sections before it, before those after it. Its wording is then said (RC115),
    not the heading "missing"."""
    for s in range(1, 7):
        if s in lay.chosen:
            continue
        after = max((h.offset for k, h in lay.chosen.items() if k < s), default=-1)
        before = min((h.offset for k, h in lay.chosen.items() if k > s), default=lay.text_length)
        cands = [
            h
            for h in lay.headings
            if h.section is None and h.numeral == s and after < h.offset < before
        ]
        if len(cands) == 1:
            h = cands[0]
            taken = Heading(h.text, h.offset, h.location, s, h.numeral)
            lay.headings[lay.headings.index(h)] = taken
            lay.chosen[s] = taken


def _choose(section: int, cands: list[Heading], report: Report) -> Heading:
    """Among several headings naming one section, the one its table sits under,
    else the one with the right number, else the first."""
    table = SECTION_TABLES.get(section)
    pos = report.table_positions.get(table) if table else None
    if pos is not None:
        before = [h for h in cands if h.offset <= pos]
        if before:
            return before[-1]
    right = [h for h in cands if h.numeral == section]
    return (right or cands)[0]


def _increasing(seq: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of ``seq``."""
    best: list[list[int]] = []
    for i, v in enumerate(seq):
        prev = [p for p in best if seq[p[-1]] < v]
        longest = max(prev, key=_size) if prev else []
        best.append([*longest, i])
    if not best:
        return set()
    top: list[int] = max(best, key=_size)
    return set(top)


def _size(chain: list[int]) -> int:
    return len(chain)


def _out_of_order(lay: Layout) -> set[int]:
    ordered = sorted(lay.chosen.values(), key=lambda h: h.offset)
    keep = _increasing([h.section or 0 for h in ordered])
    return {h.section for i, h in enumerate(ordered) if i not in keep and h.section}


def text_location(report: Report, lay: Layout | None, offset: int) -> Location | None:
    """Where an offset of ``report.text`` is, for a person: its line, counted from the
    nearest heading whose line is known (so it matches the file's lines); in HTML and Word,
    whose text has no lines of its own, the location of that heading."""
    placed = report.place(offset)
    if placed is not None:  # read from pages: the page and line
        return placed
    text = report.text or ""
    anchor = None
    if lay is not None:
        before = [h for h in lay.headings if h.offset <= offset]
        anchor = before[-1] if before else None
    if anchor is not None and anchor.location.line is not None:
        line = anchor.location.line + text.count("\n", anchor.offset, offset)
        return Location(f"line {line}", line)
    if anchor is not None and report.kind not in ("text", "markdown"):
        return anchor.location
    line = text.count("\n", 0, offset) + 1
    return Location(f"line {line}", line)


def _where_missing(lay: Layout, section: int, report: Report) -> Location | None:
    table = SECTION_TABLES.get(section)
    pos = report.table_positions.get(table) if table else None
    if pos is not None and report.kind in ("text", "markdown"):
        return text_location(report, lay, pos)  # the line the table starts on
    if table and table in report.tables and report.tables[table].location:
        return report.tables[table].location
    later = [h for s, h in sorted(lay.chosen.items()) if s > section]
    return later[0].location if later else None


@rule("RC111")
def missing_section(report: Report, settings: Settings) -> Iterator[Finding]:
    """A heading of the six sections is missing from a published report."""
    lay = layout(report)
    if lay is None or report.unread_pages:  # (a heading may be on a scanned page: RC003)
        return
    if not lay.chosen:
        yield emit(
            "RC111",
            variant="none",
            expected="、".join(STANDARD_HEADINGS.values()),
        )
        return
    for s in range(1, 7):
        if s in lay.chosen:
            continue
        table = SECTION_TABLES.get(s)
        note = f"（{TABLE_SHORT[table]}之前）" if table and table in report.tables else ""
        note_en = f" (before {TABLE_EN[table]})" if table and table in report.tables else ""
        heading = STANDARD_HEADINGS[s]
        yield emit(
            "RC111",
            {
                "numeral": Tr(NUMERALS[s - 1], str(s)),  # section 三 / section 3
                "heading": Tr(heading, f"{STANDARD_EN[s]}, 「{heading}」"),
                "before": Tr(note, note_en),
            },
            location=_where_missing(lay, s, report),
            expected=STANDARD_HEADINGS[s],
            extra={"section": str(s)},
        )


@rule("RC112")
def section_order(report: Report, settings: Settings) -> Iterator[Finding]:
    """The six sections are not in the order of the format."""
    lay = layout(report)
    if lay is None:
        return
    ordered = sorted(lay.chosen.values(), key=lambda h: h.offset)
    for s in sorted(_out_of_order(lay)):
        h = lay.chosen[s]
        idx = ordered.index(h)
        prev = ordered[idx - 1] if idx else None
        after = f"位于「{prev.text}」之后" if prev else "位于最前"
        after_en = f"comes after 「{prev.text}」" if prev else "comes first"
        lower = [x for x in ordered if x.section and x.section < s and x is not h]
        should = f"应在「{lower[-1].text}」之后" if lower else "应在其他章节之前"
        should_en = f"belongs after 「{lower[-1].text}」" if lower else "belongs first"
        yield emit(
            "RC112",
            {"heading": h.text, "after": Tr(after, after_en), "should": Tr(should, should_en)},
            location=h.location,
            actual=h.text,
            expected=STANDARD_HEADINGS[s],
            extra={"section": str(s)},
        )


@rule("RC113")
def table_section(report: Report, settings: Settings) -> Iterator[Finding]:
    """A table is not in its own section (表二 under 二, 表三 under 三, 表四 under 四)."""
    lay = layout(report)
    if lay is None or not lay.chosen:
        return
    moved = _out_of_order(lay)
    for table, pos in sorted(report.table_positions.items(), key=lambda kv: kv[1]):
        own = TABLE_SECTIONS.get(table)
        if own is None or own not in lay.chosen or own in moved:
            continue
        here = lay.section_at(pos)
        if here == own:
            continue
        data = report.tables.get(table)
        where = (
            f"位于第{NUMERALS[here - 1]}部分「{lay.chosen[here].text}」中"
            if here
            else "位于所有章节标题之前"
        )
        where_en = (
            f"is in section {NUMERALS[here - 1]} (「{lay.chosen[here].text}」)"
            if here
            else "comes before every section heading"
        )
        yield emit(
            "RC113",
            {
                "table": Tr(TABLE_SHORT[table], TABLE_EN[table]),
                "where": Tr(where, where_en),
                "section": Tr(NUMERALS[own - 1], str(own)),
                "heading": lay.chosen[own].text,
            },
            table=table,
            location=data.location if data else None,
            extra={"section": str(own)},
        )


@rule("RC114")
def section_numbering(report: Report, settings: Settings) -> Iterator[Finding]:
    """The section headings are numbered differently from the format (one finding per report)."""
    lay = layout(report)
    if lay is None:
        return
    ordered = sorted(lay.chosen.values(), key=lambda h: h.offset)
    wrong = [h for h in ordered if h.numeral is not None and h.numeral != h.section]
    if not wrong:
        return
    written = [h.numeral for h in ordered]
    if len(lay.chosen) < 6 and written == list(range(1, len(ordered) + 1)):
        return  # renumbered behind a missing section: RC111 reports that
    listed = "；".join(f"「{h.text}」应为第{NUMERALS[(h.section or 1) - 1]}部分" for h in wrong)
    listed_en = "; ".join(f"「{h.text}」 is section {h.section or 1}" for h in wrong)
    yield emit(
        "RC114",
        {"listed": Tr(listed, listed_en)},
        location=wrong[0].location,
        actual=wrong[0].text,
        expected=STANDARD_HEADINGS[wrong[0].section or 1],
    )


CLOSE_HEADING = 0.6
"""A heading at least this similar to the standard one (edit distance, as rows) is not said
to be worded differently."""


def _title(heading: str) -> str:
    """A heading's words without its number, spaces and closing punctuation."""
    body = re.sub(
        r"^\s*(?:第\s*)?([一二三四五六七八九十])(?:\s*\1)?\s*(?:部分)?\s*[、.．,，:：]*\s*",
        "",
        fold(heading),
    )
    body = re.sub(r"^[(（]\s*[一二三四五六]\s*[)）]\s*[、.．]?", "", body)
    return re.sub(r"[\s。:：*#]+", "", body)


_FILLER = re.compile(r"^(?:政府信息公开)?(?:工作)?(?:中)?")


def _plain(title: str) -> str:
    """A title without the filler words reports put before it (「政府信息公开工作总体情况」)."""
    return _FILLER.sub("", title, count=1) or title


@rule("RC115")
def section_named_differently(report: Report, settings: Settings) -> Iterator[Finding]:
    """A section heading found by its number and keywords, worded outside the accepted forms."""
    lay = layout(report)
    if lay is None:
        return
    for s, h in sorted(lay.chosen.items()):
        title = _title(h.text)
        if re.match(HEADING_PHRASES[s], title) or re.match(HEADING_PHRASES[s], _plain(title)):
            continue  # an accepted wording (a heading running on into its paragraph too)
        if similarity(_plain(title), _title(STANDARD_HEADINGS[s])) >= CLOSE_HEADING:
            continue  # a few words changed (「……及整改措施」): the same heading
        yield emit(
            "RC115",
            {"numeral": NUMERALS[s - 1], "heading": h.text, "standard": STANDARD_HEADINGS[s]},
            location=h.location,
            actual=h.text,
            expected=STANDARD_HEADINGS[s],
            extra={"section": str(s)},
        )
