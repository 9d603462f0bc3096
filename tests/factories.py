"""Builders of JSON submissions and reports for tests (shared by every test module).

Start from a valid, balanced submission and break exactly the thing a test is about::

    from factories import Submission, keys

    sub = Submission.valid("2021").set("applications", "granted", "natural_person", 21)
    assert keys(sub.findings()) == [("RC300", "applications", "granted", "natural_person")]

- :meth:`Submission.valid` — every table filled with small non-zero figures that satisfy
  every relation (R1, R2, R3, R5), so one change gives exactly the findings it causes.
- :meth:`Submission.zeros` — every cell 0 (valid too).
- :func:`balanced_applications` — a balanced 表三 from the figures of its part cells: row
  totals, （七）总计 and 结转下年度 are computed.
- :meth:`Submission.report` reads the document with the real JSON reader;
  :func:`sheet_addresses` gives a report Excel-like addresses (``表三!D6``), as if it had
  been read from a workbook (renderer tests).
- :func:`keys` / :func:`codes` turn findings into what tests assert on (never the wording).

Figures are invented for tests; they are not taken from any real report.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportcheck import api
from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.model.report import Location, Report
from reportcheck.model.tables import FORMATS, TABLE_IDS, TABLE_SHORT
from reportcheck.readers.json_ import read_json

PARTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other")
"""The six applicant columns of 表三 that add up to 总计."""
OUTCOMES = ("upheld", "corrected", "other", "pending")
"""The four 表四 columns that add up to 总计."""

# 表三 part cells (applicant columns without 总计); every other cell is 0 or computed.
# The "other" result row is other_3 in 2021 and the single （六）其他处理 row in 2019.
_APPLICATIONS: dict[str, dict[str, int]] = {
    "new_received": {"natural_person": 40, "commercial": 6, "research": 1, "legal_services": 2,
                     "other": 1},
    "carried_over": {"natural_person": 3, "commercial": 1},
    "granted": {"natural_person": 20, "commercial": 3, "legal_services": 1},
    "partial": {"natural_person": 4, "commercial": 1},
    "denied_4": {"natural_person": 2},
    "unable_1": {"natural_person": 6, "commercial": 1, "research": 1},
    "not_processed_2": {"natural_person": 2},
    "<other>": {"natural_person": 1, "other": 1},
}  # fmt: skip
"""New 54 = answered 43 + carried forward 11 (自然人 43 = 35 + 8)."""

_REVIEW_LITIGATION: dict[str, dict[str, int]] = {
    "review": {"upheld": 5, "corrected": 1, "other": 0, "pending": 2},
    "litigation_direct": {"upheld": 2, "corrected": 0, "other": 1, "pending": 0},
    "litigation_after_review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0},
}

_PROACTIVE: dict[str, dict[str, dict[str, Any]]] = {
    "2021": {
        "regulations": {"made": 1, "repealed": 0, "in_force": 12},
        "normative_documents": {"made": 5, "repealed": 2, "in_force": 30},
        "administrative_licensing": {"decisions": 120},
        "administrative_penalty": {"decisions": 35},
        "administrative_coercion": {"decisions": 4},
        "administrative_fees": {"amount": Decimal("1.25")},
    },
    "2019": {
        "regulations": {"new_made": 1, "new_published": 1, "total_published": 12},
        "normative_documents": {"new_made": 5, "new_published": 5, "total_published": 30},
        "administrative_licensing": {"previous_items": 40, "change": -2, "decisions": 120},
        "other_services": {"previous_items": 3, "change": 0, "decisions": 9},
        "administrative_penalty": {"previous_items": 60, "change": 1, "decisions": 35},
        "administrative_coercion": {"previous_items": 8, "change": 0, "decisions": 4},
        "administrative_fees": {"previous_items": 2, "change": 0},
        "government_procurement": {"items": 6, "total_amount": "251000元"},
    },
}

_YEAR = {"2019": 2019, "2021": 2024}


def other_row(version: str) -> str:
    """The （六）其他处理 row that takes "other" results: ``other_3`` (2021) or ``other`` (2019)."""
    return "other" if version == "2019" else "other_3"


def result_rows(version: str) -> list[str]:
    """Ids of the 表三 result rows that add up to （七）总计, in order."""
    return [r.id for r in FORMATS[version].table("applications").rows if r.result]


def balanced_applications(
    version: str, parts: dict[str, dict[str, int]] | None = None
) -> dict[str, dict[str, int]]:
    """A 表三 that satisfies R1, R2 and R3.

    ``parts`` gives the applicant-column figures of ``new_received``, ``carried_over`` and
    any result rows (missing cells are 0; the key ``"<other>"`` stands for the version's
    （六）其他处理 row). Row totals, （七）总计 and 结转下年度继续办理 are computed; raises
    ValueError if more was answered than received in some column.
    """
    given = copy.deepcopy(_APPLICATIONS if parts is None else parts)
    if "<other>" in given:
        given[other_row(version)] = given.pop("<other>")
    tdef = FORMATS[version].table("applications")
    rows = {r.id: {c: int(given.get(r.id, {}).get(c, 0)) for c in PARTS} for r in tdef.rows}
    results = result_rows(version)
    for c in PARTS:
        rows["total"][c] = sum(rows[r][c] for r in results)
        forward = rows["new_received"][c] + rows["carried_over"][c] - rows["total"][c]
        if forward < 0:
            raise ValueError(f"column {c}: more answered than received")
        rows["carried_forward"][c] = forward
    return {r: {**cells, "total": sum(cells.values())} for r, cells in rows.items()}


def balanced_review_litigation(
    parts: dict[str, dict[str, int]] | None = None,
) -> dict[str, dict[str, int]]:
    """A 表四 whose group totals hold (R5); ``parts`` as in :func:`balanced_applications`."""
    given = _REVIEW_LITIGATION if parts is None else parts
    out: dict[str, dict[str, int]] = {}
    for r in FORMATS["2021"].table("review_litigation").rows:
        cells = {c: int(given.get(r.id, {}).get(c, 0)) for c in OUTCOMES}
        out[r.id] = {**cells, "total": sum(cells.values())}
    return out


@dataclass
class Submission:
    """A JSON submission under construction (``doc`` is the plain JSON data).

    Mutating methods change the document in place and return ``self`` for chaining; use
    :meth:`copy` to branch.
    """

    doc: dict[str, Any]

    # ------------------------------------------------------------------ constructors

    @classmethod
    def valid(
        cls,
        version: str = "2021",
        *,
        year: int | None = None,
        agency: str = "示例县测试局",
        level: str | None = "department",
        declare_version: bool = True,
    ) -> Submission:
        """A complete submission with small non-zero figures that passes every rule."""
        doc: dict[str, Any] = {}
        if declare_version:
            doc["format_version"] = version
        report: dict[str, Any] = {"agency": agency, "year": year or _YEAR[version]}
        if level:
            report["level"] = level
        doc["report"] = report
        doc["proactive_disclosure"] = copy.deepcopy(_PROACTIVE[version])
        doc["applications"] = balanced_applications(version)
        doc["review_litigation"] = balanced_review_litigation()
        return cls(doc)

    @classmethod
    def zeros(cls, version: str = "2021", *, year: int | None = None) -> Submission:
        """Every cell of every table 0 (with the version declared)."""
        fmt = FORMATS[version]
        doc: dict[str, Any] = {
            "format_version": version,
            "report": {"agency": "示例县测试局", "year": year or _YEAR[version]},
        }
        for t in fmt.tables:
            doc[t.id] = {r.id: {c.id: 0 for c in r.columns} for r in t.rows}
        return cls(doc)

    @classmethod
    def from_text(cls, text: str) -> Submission:
        """A submission from JSON text (decimals kept exact)."""
        return cls(json.loads(text, parse_float=Decimal))

    # ------------------------------------------------------------------ access and changes

    @property
    def version(self) -> str:
        """The declared format version (2021 when none is declared)."""
        return str(self.doc.get("format_version", "2021"))

    def get(self, table: str, row: str, column: str) -> Any:
        """One cell's JSON value."""
        return self.doc[table][row][column]

    def set(self, table: str, row: str, column: str, value: Any) -> Submission:
        """Set one cell's JSON value (any JSON value: int, Decimal, str, None, list…)."""
        self.doc[table][row][column] = value
        return self

    def add(self, table: str, row: str, column: str, delta: int) -> Submission:
        """Change a numeric cell by ``delta``."""
        return self.set(table, row, column, self.get(table, row, column) + delta)

    def put(self, value: Any, *path: str) -> Submission:
        """Set the value at a key path, creating objects on the way (``put(1, "x", "y")``)."""
        node = self.doc
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        return self

    def remove(self, *path: str) -> Submission:
        """Delete the key at a path (``remove("applications", "partial")``)."""
        node = self.doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        return self

    def blank(self, table: str, row: str, column: str) -> Submission:
        """Leave one cell blank (JSON null)."""
        return self.set(table, row, column, None)

    def copy(self) -> Submission:
        """An independent copy."""
        return Submission(copy.deepcopy(self.doc))

    # ------------------------------------------------------------------ output

    def text(self, indent: int | None = 2) -> str:
        """The JSON text; Decimal values are written as exact JSON numbers."""
        return dumps(self.doc, indent)

    def data(self) -> bytes:
        """The JSON text as UTF-8 bytes."""
        return self.text().encode("utf-8")

    def write(self, path: Path) -> Path:
        """Write the document to ``path`` (a directory gets ``submission.json``)."""
        if path.is_dir():
            path = path / "submission.json"
        path.write_text(self.text(), encoding="utf-8")
        return path

    def report(self, forced_version: str | None = None, path: str = "submission.json") -> Report:
        """The document read by the real JSON reader (as if from ``path``)."""
        return read_json(path, self.data(), forced_version)

    def findings(self, settings: Settings | None = None, **options: Any) -> list[Finding]:
        """Every finding the library reports for this document (``options`` → Settings)."""
        settings = settings or Settings(**options)
        return api.check(api.read_bytes("submission.json", self.data(), settings), settings)


_DECIMAL = re.compile(r'"\\u0000dec:([-0-9.Ee+]+)"')


def dumps(doc: Any, indent: int | None = 2) -> str:
    """JSON text of ``doc`` with Decimal values written exactly (``1.25`` stays ``1.25``)."""

    def default(value: object) -> object:
        if isinstance(value, Decimal):
            return f"\0dec:{value}"
        raise TypeError(type(value).__name__)

    text = json.dumps(doc, ensure_ascii=False, indent=indent, default=default)
    return _DECIMAL.sub(r"\1", text) + "\n"


# ---------------------------------------------------------------------- findings


Key = tuple[str, str | None, str | None, str | None]


def keys(findings: list[Finding], *prefixes: str) -> list[Key]:
    """``(code, table, row, column)`` of each finding, optionally only codes with a prefix."""
    return [
        (f.code, f.table, f.row, f.column)
        for f in findings
        if not prefixes or f.code.startswith(prefixes)
    ]


def codes(findings: list[Finding]) -> list[str]:
    """The codes of the findings, in order."""
    return [f.code for f in findings]


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    """The findings of one code."""
    return [f for f in findings if f.code == code]


# ---------------------------------------------------------------------- sheet addresses


def sheet_layout(version: str) -> dict[tuple[str, str, str], str]:
    """Excel-like addresses of every cell in a plausible one-table-per-sheet layout.

    Fixed on purpose (other tests assert on these addresses); it is close to, but not
    the same as, the template ``reportcheck template`` writes (writers/xlsx.py).

    表三: labels in A–C, 自然人 … 总计 in D–J, 一、本年新收 on row 4 (so （一）予以公开 is
    D6). 表四: the official single row 4 of 15 numbers (A–O). 表二: labels in A, values from
    B, a header row above each block.
    """
    out: dict[tuple[str, str, str], str] = {}
    fmt = FORMATS[version]
    apps = fmt.table("applications")
    for i, r in enumerate(apps.rows):
        for j, c in enumerate(r.columns):
            out[("applications", r.id, c.id)] = f"表三!{chr(ord('D') + j)}{4 + i}"
    for i, r in enumerate(fmt.table("review_litigation").rows):
        for j, c in enumerate(r.columns):
            out[("review_litigation", r.id, c.id)] = f"表四!{chr(ord('A') + 5 * i + j)}4"
    line, block = 1, None
    for r in fmt.table("proactive_disclosure").rows:
        if r.block != block:
            block, line = r.block, line + 2
        else:
            line += 1
        for j, c in enumerate(r.columns):
            out[("proactive_disclosure", r.id, c.id)] = f"表二!{chr(ord('B') + j)}{line}"
    return out


def sheet_addresses(report: Report) -> Report:
    """The report with every cell's location replaced by its :func:`sheet_layout` address."""
    layout = sheet_layout(report.format_version or "2021")
    for table_id, data in report.tables.items():
        data.location = Location(f"{TABLE_SHORT[table_id]}!A1")
        data.cells = {
            (r, c): replace(cell, location=Location(layout[(table_id, r, c)]))
            for (r, c), cell in data.cells.items()
        }
    report.kind = "xlsx"
    return report


__all__ = [
    "OUTCOMES",
    "PARTS",
    "TABLE_IDS",
    "Submission",
    "balanced_applications",
    "balanced_review_litigation",
    "by_code",
    "codes",
    "dumps",
    "keys",
    "other_row",
    "result_rows",
    "sheet_addresses",
    "sheet_layout",
]
