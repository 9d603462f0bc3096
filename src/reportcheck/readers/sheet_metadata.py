"""The report's own facts in a workbook or a CSV file: the publishing agency, the year, the
publication date and the agency level, as a clerk types them around the tables (a title
row, 「单位：X局」, 「填报日期」 cells and the like).

Shared by the workbook readers (:mod:`~reportcheck.readers.xlsx`,
:mod:`~reportcheck.readers.calc`) and the CSV reader.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from reportcheck.model.labels import label_key, without_label
from reportcheck.model.report import Location, Metadata
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.sheetcells import column_letter


@functools.cache
def _title() -> re.Pattern[str]:
    """A whole cell that is a title: ``XX局2024年政府信息公开工作年度报告`` (or year first);
    compiled on first use, for text that can match (start-up, issue 13)."""
    return re.compile(
        r"^\s*(?P<pre>[^\s，。:：]*?)\s*(?P<year>(?:19|20)\d\d)\s*年度?\s*(?P<mid>[^\s，。:：]*?)\s*"
        r"政府信息公开(?:工作)?(?:年度)?报告\s*(?:[（(][^）)]{0,20}[）)])?\s*$"
    )


_FIELDS = {
    "agency": ("单位名称", "发文机构", "报告单位", "发布机构", "机关名称"),
    "year": ("报告年度", "年度"),
    "published": ("发布日期", "公开日期", "发布时间"),
    "level": ("单位层级", "层级"),
}
_FIELD_OF = {label_key(label): name for name, labels in _FIELDS.items() for label in labels}


_LABEL_FIRST = frozenset(label[0] for labels in _FIELDS.values() for label in labels)
"""The first characters of the labels: a cell starting otherwise is no 「label value」."""


@functools.cache
def _inline() -> re.Pattern[str]:
    # compiled on first use: only for text that can match (start-up, issue 13)
    return re.compile(
        r"^\s*(?P<label>"
        + "|".join(label for labels in _FIELDS.values() for label in labels)
        + r")"
        r"(?:\s*[:：]\s*|\s+)(?P<value>\S.*?)\s*$"
    )


@functools.cache
def _year_pattern() -> re.Pattern[str]:
    # compiled on first use: most workbooks never need it (start-up, issue 13)
    return re.compile(r"^\s*((?:19|20)\d\d)\s*年?度?\s*$")


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    # compiled on first use: most workbooks never need it (start-up, issue 13)
    return re.compile(
        r"^\s*(?P<y>(?:19|20)\d\d)\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})\s*日?"
        r"(?:[T\s].*)?$"
    )


LEVELS = {
    "department": "department",
    "government": "government",
    "township": "township",
    "部门": "department",
    "政府": "government",
    "乡镇": "township",
    "街道": "township",
}


def extract_metadata(grids: list[Grid], date1904: bool = False) -> Metadata:
    """Title, agency, year, publication date and level as the workbook states them.

    A title cell such as ``XX局2024年政府信息公开工作年度报告`` gives year and agency;
    label cells (单位名称, 报告年度, 发布日期, 单位层级 and their variants) give their value
    from the cell to the right, or below. Labelled values win over the title.
    """
    md = Metadata()
    pairs: dict[str, GridCell] = {}
    for g in grids:
        # only text cells can be a title, a label or a labelled value: sort just those
        texts = sorted(
            (pos, cell) for pos, cell in g.cells.items() if cell.text and cell.value is None
        )
        for (r, c), cell in texts:
            text = cell.text.strip()
            if not text:
                continue
            if md.title is None and "政府信息公开" in text:  # what _TITLE needs, cheaply
                m = _title().search(text.translate(_FULLWIDTH_DIGITS))
                if m:
                    md.title = text
                    md.year = int(m["year"])
                    agency = without_label(m["pre"] or m["mid"])  # 「名称X局2024年…」
                    if agency:
                        md.agency = agency
                    continue
            inline = _inline().match(text) if text[0] in _LABEL_FIRST else None
            if inline:
                name = _FIELD_OF[label_key(inline["label"])]
                pairs.setdefault(name, GridCell(inline["value"], cell.location))
                continue
            name_or_none = _FIELD_OF.get(label_key(text.rstrip(":：")))
            if name_or_none is not None and name_or_none not in pairs:
                value = _value_beside(g, r, c)
                if value is not None:
                    pairs[name_or_none] = value
                elif name_or_none not in md.places:  # the label with its value not filled in
                    md.places[name_or_none] = _beside(g, r, c)
    for name, cell in pairs.items():
        if cell.location is not None:
            md.places[name] = cell.location
        md.raw[name] = cell.text.strip()
    if "agency" in pairs:
        md.agency = without_label(pairs["agency"].text.strip()) or None
    if "year" in pairs:
        year = _year(pairs["year"])
        if year is not None:
            md.year = year
    if "published" in pairs:
        md.published = _date(pairs["published"], date1904)
    if "level" in pairs:
        md.level = _level(pairs["level"].text)
    return md


def _beside(grid: Grid, r: int, c: int) -> Location:
    """The place of the value cell right of a label at (r, c) (past a merged label)."""
    c2 = c
    for mr1, mc1, _mr2, mc2 in grid.merged:
        if (mr1, mc1) == (r, c):
            c2 = mc2
            break
    cell = grid.cells.get((r, c2 + 1))
    if cell is not None and cell.location is not None:
        return cell.location
    label = grid.cells[(r, c)].location
    if "!" not in label.address:  # a CSV line: the label's own place
        return label
    return Location(f"{label.address.rpartition('!')[0]}!{column_letter(c2 + 1)}{r}")


def _value_beside(grid: Grid, r: int, c: int) -> GridCell | None:
    """The first non-empty cell right of (r, c) within a few columns, else the one below."""
    r1, c1 = r, c
    r2, c2 = r, c
    for mr1, mc1, mr2, mc2 in grid.merged:
        if (mr1, mc1) == (r, c):
            r2, c2 = mr2, mc2
            break
    right_exists = False
    for cc in range(c2 + 1, c2 + 5):
        cell = grid.cells.get((r1, cc))
        if cell is not None:
            right_exists = True
            if cell.text.strip() or cell.value is not None:
                return cell
    if right_exists:
        return None  # an empty value cell beside the label: not filled in
    below = grid.cells.get((r2 + 1, c1))
    if below is None or not (below.text.strip() or below.value is not None):
        return None
    if _FIELD_OF.get(label_key(below.text.strip().rstrip(":："))) is not None:
        return None  # the next label of a vertical list, not a value
    return below


def _year(cell: GridCell) -> int | None:
    if isinstance(cell.value, int) and 1990 <= cell.value <= 2100:
        return cell.value
    m = _year_pattern().match(cell.text.translate(_FULLWIDTH_DIGITS))
    return int(m[1]) if m else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _date(cell: GridCell, date1904: bool) -> date | None:
    if isinstance(cell.value, int | Decimal) and 20_000 < cell.value < 80_000:
        base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
        return (base + timedelta(days=int(cell.value))).date()
    m = _date_pattern().match(cell.text.translate(_FULLWIDTH_DIGITS))
    if m is None:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _level(text: str) -> str | None:
    t = text.strip().lower()
    if t in LEVELS:
        return LEVELS[t]
    for word in ("乡镇", "街道", "部门", "政府"):  # 县政府部门 is a department
        if word in t:
            return LEVELS[word]
    return None
