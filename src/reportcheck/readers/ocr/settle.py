"""Deciding the cells recognition was not sure of: confirmed by a relation, or not read.

A cell marked unsure by :mod:`.page` reaches its table as one private character. Here, with
the tables found, each is decided:

- its reading is a number and a relation of the table (a row's total, a column's sum) holds
  with that number and with every other cell of it read surely: the figure is kept and said
  to be confirmed (RC005, info) — that relation is then no evidence of the report's
  correctness, and the message says so;
- otherwise the cell is not read (RC003, naming the cell, what was recognised and how
  sure): it stays text with the reading, so no relation through it is evaluated and no
  rule calls it wrong or missing. It is never given a number.

The marks are then taken out of the report's text (each becomes 「□」: one character for one,
so every offset and place stays).
"""

from __future__ import annotations

from decimal import Decimal

from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.relations import relations_for
from reportcheck.model.report import Cell, CellState, Location, Report
from reportcheck.model.tables import TABLE_EN
from reportcheck.model.values import parse_text
from reportcheck.readers.ocr.page import Recognised

UNREAD_MARK = "□"


def settle(report: Report, rec: Recognised) -> None:
    """Decide the unsure cells of a report read from page images (see the module)."""
    report.recognised = dict(rec.pages)
    _decide(report, rec)
    _not_found(report, rec)
    table = {ord(m): UNREAD_MARK for m in rec.unsure}
    if report.text is not None:
        report.text = report.text.translate(table)
    for section in report.sections or ():
        section.body = section.body.translate(table)


def _decide(report: Report, rec: Recognised) -> None:
    unsure: dict[tuple[str, str, str], tuple[str, float]] = {}
    for tid, data in report.tables.items():
        for (row, col), cell in data.cells.items():
            marks = [rec.unsure[c] for c in cell.raw if c in rec.unsure]
            if marks:  # (with what else the cell holds: all of it is unsure)
                text = "".join(rec.unsure[c].text if c in rec.unsure else c for c in cell.raw)
                text = " ".join(text.split())  # a cell's lines on one line, for the message
                conf = min(u.confidence for u in marks)
                unsure[(tid, row, col)] = (text.strip(), conf)
                data.cells[(row, col)] = Cell(None, text.strip(), CellState.TEXT, cell.location)
            elif cell.state is CellState.TEXT and _page(cell) in rec.pages:
                # text where the table wants a figure, on a recognised page: what was
                # recognised is no figure (a scribble, a smudge read as 「川」) — not read
                text = cell.raw.strip()
                conf = rec.cells.get((_page(cell), text), rec.pages[_page(cell)])
                text = " ".join(text.split())
                unsure[(tid, row, col)] = (text, conf)
    if not unsure:
        return
    relations = relations_for(report.format_version) if report.format_version else ()
    tables = report.tables
    for ref, (text, conf) in unsure.items():
        tid, row, col = ref
        data = tables[tid]
        cell = data.cells[(row, col)]
        tdef = report.table_def(tid)
        rdef = next((r for r in tdef.rows if r.id == row), None)
        cdef = next((c for c in tdef.columns if c.id == col), None)
        row_label = rdef.full_label if rdef else row
        col_label = cdef.label if cdef else col
        name = Tr(
            f"{tdef.short}「{row_label}·{col_label}」（{cell.location.zh if cell.location else ''}）",
            f"{TABLE_EN[tid]} “{row_label} · {col_label}” ({cell.location or ''})",
        )
        value = parse_text(text, cdef.kind) if cdef else parse_text(text)
        confirmed = None
        if value.state is CellState.NUMBER:
            for rel in relations:
                if ref not in rel.cells:
                    continue
                sums: list[int | Decimal] = []
                for side in (rel.lhs, rel.rhs):
                    total: int | Decimal = 0
                    for other in side:
                        if other == ref:
                            total += value.value or 0
                            continue
                        if other in unsure:
                            break
                        t = tables.get(other[0])
                        c = t.get(other[1], other[2]) if t is not None else None
                        if c is None or c.state in (CellState.TEXT, CellState.FORMULA_NO_VALUE):
                            break
                        total += c.value or 0
                    else:
                        sums.append(total)
                        continue
                    break
                if len(sums) == 2 and sums[0] == sums[1]:
                    confirmed = rel
                    break
        sure: str | Tr = f"{conf:.2f}"
        if conf == 0.0 and text:  # a figure whose marks of ink are not its characters read
            sure = Tr(
                "0.00（墨迹的笔画数与识别出的字符数不符）",
                "0.00 (the marks of ink do not match the characters read)",
            )
        place = {"cell": name, "text": text or "?", "confidence": sure}
        if confirmed is not None:
            data.cells[(row, col)] = Cell(
                value.value, text, CellState.NUMBER, cell.location, value.unit
            )
            report.findings.append(
                emit(
                    "RC005",
                    {**place, "relation": Tr(confirmed.summary, confirmed.summary_en)},
                    variant="recognised",
                    table=tid,
                    table_label=f"{tdef.short} {tdef.title}",
                    row=row,
                    row_label=row_label,
                    column=col,
                    column_label=col_label,
                    location=cell.location,
                    actual=text,
                )
            )
            continue
        report.findings.append(
            emit(
                "RC003",
                place,
                variant="recognised",
                table=tid,
                table_label=f"{tdef.short} {tdef.title}",
                row=row,
                row_label=row_label,
                column=col,
                column_label=col_label,
                location=cell.location,
                actual=text,
            )
        )


def _page(cell: Cell | None) -> int:
    """The page a cell read from pages stands on (0: not known)."""
    page = cell.location.page if cell is not None and cell.location is not None else None
    return page or 0


def _not_found(report: Report, rec: Recognised) -> None:
    """A table, or a row or column of a table, that is not found on recognised pages is not
    read (its ruling lines missing, its label or header not recognised), not called
    missing: RC003 says so (RC101, RC102 and RC103 then say nothing of it)."""
    from reportcheck.model.tables import TABLE_IDS

    if not rec.pages:
        return
    pages = ", ".join(str(n) for n in sorted(rec.pages))
    first = Location(f"page {min(rec.pages)}")
    for tid in TABLE_IDS:
        tdef = report.table_def(tid)
        name = Tr(tdef.short, TABLE_EN[tid])
        data = report.tables.get(tid)
        if data is None:
            report.findings.append(
                emit(
                    "RC003",
                    {"table": name, "pages": pages},
                    variant="recognised_table",
                    table=tid,
                    table_label=f"{tdef.short} {tdef.title}",
                    location=first,
                )
            )
            continue
        if _page(next(iter(data.cells.values()), None)) not in rec.pages:
            continue  # the table is on a page with text
        for r in tdef.rows:
            if any((r.id, c.id) in data.cells for c in r.columns):
                continue
            report.findings.append(
                emit(
                    "RC003",
                    {"table": name, "label": r.full_label},
                    variant="recognised_row",
                    table=tid,
                    table_label=f"{tdef.short} {tdef.title}",
                    row=r.id,
                    row_label=r.full_label,
                    location=data.location or first,
                )
            )
        for c in tdef.columns:  # a header not recognised: its column not placed
            rows = [r for r in tdef.rows if any(x.id == c.id for x in r.columns)]
            present = [r for r in rows if any((r.id, x.id) in data.cells for x in r.columns)]
            if len(rows) > 1 and present and all((r.id, c.id) not in data.cells for r in present):
                report.findings.append(
                    emit(
                        "RC003",
                        {"table": name, "label": c.label},
                        variant="recognised_column",
                        table=tid,
                        table_label=f"{tdef.short} {tdef.title}",
                        column=c.id,
                        column_label=c.label,
                        location=data.location or first,
                    )
                )
