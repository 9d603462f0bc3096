"""The format-neutral report model that every reader produces and every rule reads.

A reader never judges: it records each value with the raw text it saw and where it saw it.
Nothing here is ever overwritten by a computed value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from reportcheck.model.location import Location as Location  # re-exported: it was here
from reportcheck.model.tables import FormatDef, TableDef, format_def
from reportcheck.records import record

if TYPE_CHECKING:
    from reportcheck.findings import Finding


class CellState(StrEnum):
    """What a cell holds, as read."""

    NUMBER = "number"
    BLANK = "blank"
    PLACEHOLDER = "placeholder"
    """/, -, —, 无 and the like: a stand-in for zero, not a number."""
    TEXT = "text"
    """Text that is not a number (or a JSON value of the wrong type)."""
    FORMULA_NO_VALUE = "formula_no_value"
    """An Excel formula whose result was never calculated and saved."""


@record(frozen=True, slots=True)
class Cell:
    """One table cell as read: value, raw text, state and location."""

    value: int | Decimal | None
    raw: str
    state: CellState
    location: Location | None = None
    unit: str | None = None
    """A unit written in the cell (元, 万元, 件), if any."""
    formula: str | None = None

    @property
    def numeric(self) -> bool:
        """Whether the cell holds a number."""
        return self.state is CellState.NUMBER

    def arithmetic_value(self) -> int | Decimal:
        """The value used in sums: blanks and placeholders count as 0."""
        return self.value if self.value is not None else 0


@record(slots=True)
class TableData:
    """The cells read for one table, by (row id, column id).

    A (row, column) of the format that is absent from ``cells`` was not found in the file.
    """

    table_id: str
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    location: Location | None = None
    extra_rows: list[tuple[str, Location | None]] = field(default_factory=list)
    """Labels of rows the reader saw but could not match (e.g. local additions)."""
    variants: list[tuple[str, str, Location | None]] = field(default_factory=list)
    """Rows read by a label close to the official one: (row id, label as printed, where)."""
    ambiguous: list[tuple[str, Location | None, tuple[str, ...]]] = field(default_factory=list)
    """Rows whose label is equally close to several rows: (label, where, candidate row ids);
    not read."""

    def get(self, row_id: str, column_id: str) -> Cell | None:
        """The cell, or None if it was not found."""
        return self.cells.get((row_id, column_id))


@record(slots=True)
class Metadata:
    """What the report says about itself."""

    agency: str | None = None
    year: int | None = None
    published: date | None = None
    level: str | None = None
    """department | government | township (for the publication deadline)."""
    title: str | None = None
    places: dict[str, Location] = field(default_factory=dict, compare=False)
    """Where each fact (agency, year, published, level) was read, or where its empty value
    cell stands beside its label (``基本信息!B3``, ``/report/year``)."""
    raw: dict[str, str] = field(default_factory=dict, compare=False)
    """Each fact's text as written, kept when it could not be read (``2025年13月``)."""


@record(frozen=True, slots=True)
class Waiver:
    """A finding the submitter asks to waive, with a reason."""

    code: str
    reason: str
    location: str | None = None
    """Only waive findings at this source address (all of the code if None)."""


@record(slots=True)
class Section:
    """A top-level section heading found in a published report."""

    number: int
    heading: str
    location: Location
    body: str = ""
    """The text of the section up to the next heading (tables included as text)."""


@record(frozen=True, slots=True)
class Picture:
    """A picture in the body of a published report (an HTML ``<img>``, a Word drawing, an
    image on a PDF page with text): what it shows is not read. A table printed as a
    picture is then not in the text, and is not called missing (RC003 names the picture)."""

    location: Location
    section: int | None = None
    """The number of the top-level section it stands in (None: before the first heading,
    or the report has none)."""
    image: str | None = None
    """Where its image is, for the reader that made it to fetch (a Word relationship id,
    an ``<img>``'s ``src``): a table printed as a picture is recognised from it when the
    ``ocr`` extra is installed."""


@record(frozen=True, slots=True)
class Attachment:
    """A link from a web page to a document (``.pdf``, ``.doc``, ``.xls`` …): the report, or
    its tables, may be in it; it is not read (a page is read, not what it links to)."""

    name: str
    """The document's file name, as the link gives it."""
    location: Location

    @property
    def may_hold_report(self) -> bool:
        """Whether its name speaks of the report or its tables (not the site's 公开指南 or a
        form to download)."""
        return _REPORT_DOCUMENT.search(self.name) is not None

    def of_another_year(self, year: int | None) -> bool:
        """Whether its name gives years, none of them ``year`` (the report's): 「2023年度
        报告.pdf」 beside the report of 2024 is a past report the site lists, not this one."""
        years = {int(y) for y in _YEAR.findall(self.name)}
        return year is not None and bool(years) and year not in years


_REPORT_DOCUMENT = re.compile(r"年报|报告|附表|表格|统计|数据|表[一二三四1-4]")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@record(slots=True)
class Report:
    """A report as read from one file."""

    source: str
    kind: str
    """xlsx, json, text, markdown, html, docx, csv or pdf; xls or ods (read natively); doc, odt,
    wps or et (read from a LibreOffice conversion)."""
    format_version: str | None = None
    """The version used to check the report (declared, detected or forced)."""
    detected_version: str | None = None
    """The version the labels point to (None when they do not say)."""
    version_evidence: dict[str, list[str]] = field(default_factory=dict)
    table_versions: dict[str, str] = field(default_factory=dict)
    """Tables read in another version than ``format_version`` because their own labels say
    so (a 2019-style 表二 beside a 2021 表三): table id → version. Said once (RC105)."""
    metadata: Metadata = field(default_factory=Metadata)
    tables: dict[str, TableData] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    """Problems the reader met (they are findings too, not exceptions)."""
    waivers: list[Waiver] = field(default_factory=list)
    sections: list[Section] | None = None
    """Section headings (published reports only; None for table-only submissions)."""
    text: str | None = None
    """Body text of a published report (None for table-only submissions)."""
    table_positions: dict[str, int] = field(default_factory=dict)
    """Published reports: the character offset in ``text`` where each table starts."""
    unread_pages: list[int] = field(default_factory=list)
    """Pages of a PDF without a text layer (scanned images): what they show was not read, so
    nothing on them is called missing (the reader says so, RC003)."""
    pictures: list[Picture] = field(default_factory=list)
    """Pictures in the body of a published report, in document order (see :class:`Picture`)."""
    attachments: list[Attachment] = field(default_factory=list)
    """Documents a web page links to (see :class:`Attachment`)."""
    recognised_pictures: dict[int, float] = field(default_factory=dict)
    """Pictures (``picture 2``) a table was recognised from, each with the recogniser's
    mean confidence: findings there say so."""
    recognised: dict[int, float] = field(default_factory=dict)
    """Pages read by text recognition from their image (a scan; ``reportcheck[ocr]``), each
    with the recogniser's mean confidence: findings there say so (「识别自图像」)."""
    places: list[tuple[int, Location]] = field(default_factory=list)
    """Reports read from pages (PDF): offsets in ``text`` where a printed line starts, in
    order, with where that line stands (``page 4, line 12``); see :meth:`place`."""
    previous: Report | None = field(default=None, repr=False, compare=False)
    """The same agency's report of the year before, when known (cross-year rules RC5xx).
    Set by the library when it pairs reports (:mod:`reportcheck.pairing`), never by a reader."""

    def place(self, offset: int) -> Location | None:
        """Where an offset of ``text`` stands on the pages (None when the report was not
        read from pages)."""
        if not self.places:
            return None
        k = bisect_right(self.places, offset, key=lambda p: p[0])
        return self.places[max(0, k - 1)][1]

    @property
    def format(self) -> FormatDef:
        """The format definition used to check the report (the latest when none is set)."""
        return format_def(self.format_version)

    def table_def(self, table_id: str) -> TableDef:
        """The definition of a table in the report's format (or in the version the table's
        own labels say, when the report mixes them: :attr:`table_versions`)."""
        version = self.table_versions.get(table_id)
        if version is not None:
            return format_def(version).table(table_id)
        return self.format.table(table_id)
