"""Structure of a published report: the six sections, their order, and each table in its section.

The template of the 国务院办公厅 has six sections: 一、总体情况 · 二、主动公开政府信息情况 (表二) ·
三、收到和处理政府信息公开申请情况 (表三) · 四、政府信息公开行政复议、行政诉讼情况 (表四) ·
五、存在的主要问题及改进情况 · 六、其他需要报告的事项. Real reports vary the wording, so a
heading is recognised by its keywords and its numeral is used to choose between candidates
and to notice a renumbering (:mod:`reportcheck.model.sections` works out which heading stands
for which section; the rules here, in :mod:`~reportcheck.rules.publication` and the prose
checks use it). Table-only submissions (Excel, JSON: ``report.sections is None``) are not checked.

One defect, one finding: a missing heading is reported once (RC111) — the table that then
sits under the previous section (RC113) and the numbering that skips it (RC114) are its
consequences and are not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.labels import HEADING_PHRASES
from reportcheck.model.report import Location, Report
from reportcheck.model.rowfinder import similarity
from reportcheck.model.sections import (
    NUMERALS,
    SECTION_TABLES,
    STANDARD_EN,
    STANDARD_HEADINGS,
    TABLE_SECTIONS,
    Layout,
    classify,
    fold,
    layout,
    numeral,
    out_of_order,
    picture_in_place,
    text_location,
)
from reportcheck.model.tables import TABLE_EN, TABLE_SHORT
from reportcheck.rules.registry import rule

__all__ = [  # the layout's names as this module had them (tests and writers read them here)
    "NUMERALS",
    "SECTION_TABLES",
    "STANDARD_EN",
    "STANDARD_HEADINGS",
    "TABLE_SECTIONS",
    "Layout",
    "classify",
    "fold",
    "layout",
    "numeral",
    "text_location",
]


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
        picture = picture_in_place(report, table) if table and table not in report.tables else None
        if picture is not None and picture.section != s:
            # its table is not in the text and a picture stands where both belong: the
            # heading may be printed in the picture with the table (RC003, not RC111)
            yield emit(
                "RC003",
                {
                    "heading": Tr(STANDARD_HEADINGS[s], f"「{STANDARD_HEADINGS[s]}」"),
                    "where": Tr(picture.location.zh, picture.location.address),
                },
                variant="heading_picture",
                location=picture.location,
                extra={"section": str(s)},
            )
            continue
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
    for s in sorted(out_of_order(lay)):
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
    moved = out_of_order(lay)
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
        if similarity(_plain(title), _title(STANDARD_HEADINGS[s]), CLOSE_HEADING) >= CLOSE_HEADING:
            continue  # a few words changed (「……及整改措施」): the same heading
        yield emit(
            "RC115",
            {"numeral": NUMERALS[s - 1], "heading": h.text, "standard": STANDARD_HEADINGS[s]},
            location=h.location,
            actual=h.text,
            expected=STANDARD_HEADINGS[s],
            extra={"section": str(s)},
        )
