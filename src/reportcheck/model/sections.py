"""The section layout of a published report: which heading stands for which of the six
sections and where each starts in :attr:`Report.text`.

The template of the 国务院办公厅 has six sections: 一、总体情况 · 二、主动公开政府信息情况 (表二) ·
三、收到和处理政府信息公开申请情况 (表三) · 四、政府信息公开行政复议、行政诉讼情况 (表四) ·
五、存在的主要问题及改进情况 · 六、其他需要报告的事项. Real reports vary the wording, so a
heading is recognised by its keywords (:data:`SECTION_KEYWORDS`) and its numeral is used to
choose between candidates and to notice a renumbering.

Part of the model, like the tables: the section rules (:mod:`reportcheck.rules.sections`,
RC11x), the publication rules and the prose checks (:mod:`reportcheck.prose`) read it, and
a workbook's check loads it without the prose machinery.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field

from reportcheck.model.location import Location
from reportcheck.model.report import Picture, Report
from reportcheck.records import record

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


def pictures_in_place(report: Report) -> Iterator[Picture]:
    """Each picture standing where a table missing from the text belongs, once (one picture
    may stand for several tables). A table is looked at when the ones before it are done
    with: a picture read in the meantime may have given it."""
    seen: list[Picture] = []
    for table_id in TABLE_SECTIONS:
        picture = picture_in_place(report, table_id) if table_id not in report.tables else None
        if picture is not None and picture not in seen:
            seen.append(picture)
            yield picture


def picture_in_place(report: Report, table_id: str) -> Picture | None:
    """A picture standing where a table missing from the text belongs — it may be the
    table printed as a picture (a screenshot pasted into the document, a web page showing
    an image of the table): in its own section by preference, else in sections 二 to its
    own (all three tables may be one picture under 二), or anywhere when the report has no
    headings. Not in a section before a table read from the text: that table stands
    between the picture and the place of this one (the picture of 表二 is no picture of
    表四 when 表三 is in the text)."""
    if not report.pictures:
        return None
    if not report.sections:
        return report.pictures[0]
    own = TABLE_SECTIONS[table_id]
    first = max((s for s in range(3, own) if SECTION_TABLES[s] in report.tables), default=2)
    placed = [p for p in report.pictures if p.section is not None and first <= p.section <= own]
    return next((p for p in placed if p.section == own), placed[-1] if placed else None)


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


def out_of_order(lay: Layout) -> set[int]:
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
