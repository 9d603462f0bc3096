"""What a published report's text shows of its tables, for "missing means missing".

A table or row that no reader could place is not thereby missing: when its labels stand in
the report's text, the defect is that its numbers could not be read, and the reader's
word for that is RC003 ("found, not readable"), never RC101/RC102 ("not in the report").
This module finds, in :attr:`Report.text`, the words that only a table prints (header
cells such as 结果维持 or 本年处理决定数量, the 勾稽关系 note, numbered row labels), however
the extraction spaced or broke them (``结果\\n维持``, ``结 果 纠 正``). Only the structure
rules use it, and only for published reports (Excel and JSON have no text).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportcheck.model.labels import flex
from reportcheck.model.report import Location, Report
from reportcheck.model.tables import RowDef, TableDef

TABLE_MARKERS: dict[str, tuple[tuple[str, ...], int]] = {
    "proactive_disclosure": (
        (
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "本年新制作数量",
            "对外公开总数量",
            "本年处理决定数量",
            "处理决定数量",
            "本年收费金额",
            "上一年项目数量",
            "采购项目数量",
        ),
        2,
    ),
    "applications": (
        (
            "勾稽关系",
            "申请人情况",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "本年新收政府信息公开申请数量",
            "上年结转政府信息公开申请数量",
            "结转下年度继续办理",
            "本年度办理结果",
        ),
        3,
    ),
    "review_litigation": (
        (
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "未经复议直接起诉",
            "复议后起诉",
            "结果结果其他尚未",  # the header broken two characters per line (PDF text)
        ),
        3,
    ),
}
"""Per table: words only the table itself prints, and how many must stand in the text.

Prose that speaks of a table's subject (「本年度未发生行政复议、行政诉讼」, a table replaced by
a sentence) names none of these or too few, and stays "missing"."""


@lru_cache(maxsize=256)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(flex(words))


def _find(text: str, words: str) -> int | None:
    m = _pattern(words).search(text)
    return m.start() if m else None


def line_at(report: Report, offset: int) -> Location:
    """The line an offset of the report's text is on (``line 12``)."""
    text = report.text or ""
    line = text.count("\n", 0, offset) + 1
    return Location(f"line {line}", line)


def table_on_page(report: Report, tdef: TableDef) -> tuple[int, int] | None:
    """Where a table's own words start in the report's text, and its number of rows, when
    enough of its words stand in the text (else None)."""
    text = report.text
    if not text:
        return None
    words, needed = TABLE_MARKERS.get(tdef.id, ((), 0))
    found = [o for o in (_find(text, w) for w in words) if o is not None]
    if not words or len(found) < needed:
        return None
    return min(found), len(tdef.rows)


def row_on_page(report: Report, rdef: RowDef, tdef: TableDef | None = None) -> int | None:
    """Where a row's label stands in the report's text, numbering included (so that prose
    naming the same thing — 「予以公开20件」 — is not taken for the row), else None.

    Written as the format writes it (its numbering and first words), or — given its
    table — written otherwise on a line of its own that starts with a numbering: a label
    the row finder reads as this row and no other (「2.其他法律行政止公开」, 「二上年结转…」,
    「（一）以予公开」), the figures after it aside."""
    text = report.text
    if not text:
        return None
    label = re.sub(r"（(?:区分处理|单位|本列)[^）]*）$", "", rdef.label).strip()
    if len(re.sub(r"\W", "", label)) < 3:
        # a short label (规章) only as a line of its own, or with its figures after it
        m = re.search(rf"^[ \t\u3000]*{re.escape(label)}[ \t\u3000\d.]*$", text, re.MULTILINE)
        return m.start() + len(m.group()) - len(m.group().lstrip()) if m else None
    # a long label broken over two lines with its numbers between the parts
    # (「2.其他法律行政法规禁止 0」 ⏎ 「公开」): its numbered first part is enough
    m = re.match(r"^(?:\d{1,2}[.．、]|（[一二三四五六七八九十]）|[一二三四五六七八九十]、)?", label)
    head = label[: (m.end() if m else 0) + PREFIX]
    found = _find(text, head)
    if found is None and tdef is not None:
        found = _written_otherwise(text, tdef, rdef)
    return found


_NUMBERED_LINE = re.compile(
    r"^[ \t\u3000]*(?:[^\s\d]{1,4}[ \t\u3000]+){0,2}?"
    r"(?P<label>(?:\S{0,6}?\d{1,2}[.．、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、，,]?)"
    r"[^\n]{2,70})$",
    re.MULTILINE,
)
"""A line that starts with a numbering, up to two pieces of a group label printed down the
side before it (「度  不予公 2.其他法律行政止公开」, text laid out with spaces)."""
_TRAILING_FIGURES = re.compile(r"[\s\d.,，、\-—]*$")


def _written_otherwise(text: str, tdef: TableDef, rdef: RowDef) -> int | None:
    """A line starting with a numbering whose label the row finder reads as ``rdef`` (the
    best candidate by a margin), else None."""
    from reportcheck.model.rowfinder import MARGIN, candidates, may_name

    for m in _NUMBERED_LINE.finditer(text):
        words = _TRAILING_FIGURES.sub("", m["label"]).strip()
        if len(words) < 4 or not may_name(tdef, rdef, (words,)):
            continue
        found = candidates(tdef, (words,))
        if not found or found[0].row.id != rdef.id:
            continue
        if len(found) == 1 or found[0].score - found[1].score >= MARGIN:
            return m.start("label")
    return None


PREFIX = 7
"""Characters of a row label (after its numbering) that identify it on the page."""


def group_on_page(report: Report, group: str) -> int | None:
    """Where a group label of 表三 (「（六）其他处理」) stands in the report's text as a row
    label — its numbering and its words together — else None."""
    text = report.text
    if not text or len(re.sub(r"\W", "", group)) < 4:
        return None
    return _find(text, group)
