"""Structure: the tables, rows and columns of the format are all there, in the right version (R9)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportcheck.config import Settings
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.findings.cells import position_keys, table_name
from reportcheck.model.labels import label_key
from reportcheck.model.report import CellState, Location, Report, TableData
from reportcheck.model.sections import picture_in_place
from reportcheck.model.tables import (
    FORMATS,
    TABLE_EN,
    TABLE_IDS,
    RowDef,
    TableDef,
    version_for_year,
)
from reportcheck.rules.onpage import (
    group_on_page,
    line_at,
    row_on_page,
    table_on_page,
)
from reportcheck.rules.registry import rule


def _table_fields(report: Report, table_id: str) -> dict[str, Any]:
    tdef = report.table_def(table_id)
    return {"table": table_id, "table_label": f"{tdef.short} {tdef.title}"}


@rule("RC101")
def missing_table(report: Report, settings: Settings) -> Iterator[Finding]:
    """One of the three standard tables (表二, 表三, 表四) is missing."""
    for table_id in TABLE_IDS:
        if table_id in report.tables:
            continue
        tdef = report.table_def(table_id)
        name = Tr(
            f"{tdef.short}「{tdef.title}」", f"{TABLE_EN[table_id]} ({tdef.short} {tdef.title})"
        )
        said = [f for f in report.findings if f.code == "RC003" and f.table == table_id]
        if any(f.row is None for f in said):
            continue  # the reader found it and said why it could not read it
        seen = table_on_page(report, tdef)
        if seen is None and said:  # rows of it were named unreadable: it is on the page
            first = min((f.location.line or 0) for f in said if f.location) if said else 0
            text = report.text or ""
            seen = (sum(len(x) + 1 for x in text.split("\n")[: max(first - 1, 0)]), len(said))
        if seen is not None:
            # on the page, but no reader could place its numbers: unreadable, not missing
            offset, rows = seen
            where = line_at(report, offset) if report.kind in ("text", "markdown") else None
            yield emit(
                "RC003",
                {"table": name, "rows": rows},
                variant="table_unplaced",
                fields=_table_fields(report, table_id),
                location=where,
            )
            continue
        picture = picture_in_place(report, table_id)
        if picture is not None:
            # a picture stands where the table belongs: it may be the table, printed as one
            yield emit(
                "RC003",
                {"table": name, "where": Tr(picture.location.zh, picture.location.address)},
                variant="table_picture",
                fields=_table_fields(report, table_id),
                location=picture.location,
            )
            continue
        year = report.metadata.year
        named = [a for a in report.attachments if a.may_hold_report and not a.of_another_year(year)]
        if named:
            # the web page links to the report or its tables: the table may be in it
            link = named[0]
            yield emit(
                "RC003",
                {"table": name, "name": link.name},
                variant="table_attachment",
                fields=_table_fields(report, table_id),
                location=link.location,
            )
            continue
        yield emit("RC101", {"table": name}, fields=_table_fields(report, table_id))


def _unread_rows(
    report: Report, tdef: TableDef, data: TableData, missing: list[RowDef]
) -> tuple[list[RowDef], list[int]]:
    """The rows missing from a table that may stand on a page that could not be read
    (scanned, text not decodable), and those pages: rows before the first row read when
    the page before the table's first is unread, rows after the last row read when the
    page after its last is unread, any row when an unread page lies among its pages. A
    row missing between rows read on the same pages is missing."""
    if not report.unread_pages or not missing:
        return [], []
    pages = {p for c in data.cells.values() if c.location and (p := c.location.page)}
    if not pages:
        return [], []
    first_page, last_page = min(pages), max(pages)
    order = {r.id: i for i, r in enumerate(tdef.rows)}
    read = [order[r] for r, _ in data.cells if r in order]
    if not read:
        return [], []
    first, last = min(read), max(read)
    maybe: list[RowDef] = []
    used: set[int] = set()
    for n in report.unread_pages:
        if first_page < n < last_page:
            rows = missing
        elif n == first_page - 1:
            rows = [r for r in missing if order[r.id] < first]
        elif n == last_page + 1:
            rows = [r for r in missing if order[r.id] > last]
        else:
            continue
        if rows:
            used.add(n)
            maybe.extend(r for r in rows if r not in maybe)
    return [r for r in missing if r in maybe], sorted(used)


@rule("RC102")
def missing_row(report: Report, settings: Settings) -> Iterator[Finding]:
    """A row of the format is missing from a table that is present."""
    # A row the reader found but could not read is reported there (RC003), not as missing.
    unreadable = {(f.table, f.row) for f in report.findings if f.code == "RC003"}
    bare = bare_other_group(report)
    for table_id, data in report.tables.items():
        tdef = report.table_def(table_id)
        missing = []
        for r in tdef.rows:
            if any((r.id, c.id) in data.cells for c in r.columns):
                continue
            whole = not data.cells and (table_id, None) in unreadable
            if (table_id, r.id) in unreadable or whole:
                continue
            if bare and table_id == "applications" and r.group == bare:
                continue  # （六） written as one row: said once by RC105
            offset = row_on_page(report, r, tdef)
            if offset is not None:
                # its label is on the page: the row is there, its numbers were not read
                yield _unplaced(report, table_id, r.id, r.full_label, offset)
                continue
            missing.append(r)
        maybe, unread = _unread_rows(report, tdef, data, missing)
        if maybe:
            # the table goes on (or starts) on a page that could not be read: its rows
            # that would stand there may be there — unread, not missing
            yield emit(
                "RC003",
                {
                    "table": table_name(table_id),
                    "count": len(maybe),
                    "pages": ", ".join(str(n) for n in unread),
                },
                variant="rows_unread_pages",
                fields=_table_fields(report, table_id),
                location=Location(f"page {unread[0]}"),
                extra={"rows": ",".join(r.id for r in maybe)},
            )
            missing = [r for r in missing if r not in maybe]
        # A group whose sub-rows are all missing (（三）不予公开 kept as one line, its eight
        # sub-rows deleted) is one defect: one finding naming the group and its rows.
        groups: dict[str, list[RowDef]] = {}
        for r in tdef.rows:  # 表三's result groups （三）–（六）
            if r.result and r.group and not r.group.startswith("三、"):
                groups.setdefault(r.group, []).append(r)
        done: set[str] = set()
        for r in missing:
            if r.id in done:
                continue
            members = groups.get(r.group or "", [])
            if len(members) > 1 and all(m in missing for m in members):
                done.update(m.id for m in members)
                labels = [m.label for m in members]
                offset = group_on_page(report, r.group or "")
                read_as_row = any(
                    label_key(label).startswith(label_key(r.group or "-"))
                    for label, _ in data.extra_rows
                )
                if offset is not None and not read_as_row:
                    # the group's own label is on the page without its sub-rows (printed as
                    # one row, the 2019 way) and its figures were not read: unread, not missing
                    yield _unplaced(report, table_id, r.id, r.group or "", offset)
                    continue
                yield emit(
                    "RC102",
                    {
                        "table": table_name(table_id),
                        "group": r.group,
                        "count": len(members),
                        "rows": Tr("、".join(labels), ", ".join(labels)),
                    },
                    variant="group",
                    fields=_table_fields(report, table_id),
                    row=r.id,
                    row_label=r.group,
                    location=data.location,
                    extra={"rows": ",".join(m.id for m in members)},
                )
                continue
            yield emit(
                "RC102",
                {
                    "table": table_name(table_id),
                    "row": Tr(r.full_label, f"“{r.full_label}” ({r.en})"),
                },
                fields=_table_fields(report, table_id),
                row=r.id,
                row_label=r.full_label,
                location=data.location,
            )


def _unplaced(report: Report, table_id: str, row: str, label: str, offset: int) -> Finding:
    """RC003 for a row whose label stands in the text at ``offset`` but whose figures could
    not be placed: unread, not missing."""
    where = line_at(report, offset) if report.kind in ("text", "markdown") else None
    return emit(
        "RC003",
        {"table": table_name(table_id), "label": label},
        variant="row_unplaced",
        fields=_table_fields(report, table_id),
        row=row,
        row_label=label,
        location=where or report.tables[table_id].location,
    )


@rule("RC103")
def missing_column(report: Report, settings: Settings) -> Iterator[Finding]:
    """A column of the format is missing from a table that is present."""
    # a column the reader found but could not read is reported there (RC003), not as missing
    unread = {(f.table, f.column) for f in report.findings if f.code == "RC003" and f.row is None}
    for table_id, data in report.tables.items():
        tdef = report.table_def(table_id)
        if data.cells.keys() >= position_keys(tdef):
            continue  # every cell of the format is there (the usual case): nothing to say
        present_rows = [r for r in tdef.rows if any((r.id, c.id) in data.cells for c in r.columns)]
        whole_missing: set[str] = set()
        for c in tdef.columns:
            rows_with = [r for r in present_rows if any(x.id == c.id for x in r.columns)]
            if rows_with and all((r.id, c.id) not in data.cells for r in rows_with):
                whole_missing.add(c.id)
                if (table_id, c.id) in unread:
                    continue
                if len(tdef.columns) > 1 and all(
                    len(r.columns) == 1 for r in rows_with
                ):  # single-column 表二 rows: the row check reports it
                    continue
                yield emit(
                    "RC103",
                    {"table": table_name(table_id), "column": Tr(c.label, f"“{c.label}” ({c.en})")},
                    fields=_table_fields(report, table_id),
                    column=c.id,
                    column_label=c.label,
                    location=data.location,
                )
        for r in present_rows:
            for c in r.columns:
                if c.id in whole_missing or (r.id, c.id) in data.cells:
                    continue
                yield emit(
                    "RC103",
                    {
                        "table": table_name(table_id),
                        "row": r.full_label,
                        "column": Tr(c.label, f"“{c.label}” ({c.en})"),
                    },
                    variant="cell",
                    fields=_table_fields(report, table_id),
                    row=r.id,
                    row_label=r.full_label,
                    column=c.id,
                    column_label=c.label,
                    location=data.location,
                )


@rule("RC104")
def outdated_format(report: Report, settings: Settings) -> Iterator[Finding]:
    """A report uses a format whose last year is before the report year (the 2019 trial
    format for 2021 or later)."""
    year = report.metadata.year
    used = report.format
    if report.format_version is None or year is None or used.last_year is None:
        return
    if year <= used.last_year:
        return
    due = FORMATS[version_for_year(year)]
    evidence = report.version_evidence.get(used.version, [])
    shown = "、".join(evidence[:4]) if evidence else f"{used.version} 版标签"
    params: dict[str, object] = {
        "year": year,
        "used": Tr(used.title_zh, used.title_en),
        "since": due.first_year,
        "evidence": Tr(shown, ", ".join(evidence[:4])),
        "document": Tr(due.document, f"the {due.title_en}"),
    }
    variant = "default"
    outdated = [
        t
        for t in TABLE_IDS
        if t in report.tables and t not in report.table_versions and t != "review_litigation"
    ]
    if report.table_versions and outdated:
        # the report mixes versions: only these tables are on the outdated one
        variant = "tables"
        params["tables"] = Tr(
            "、".join(report.table_def(t).short for t in outdated),
            ", ".join(TABLE_EN[t] for t in outdated),
        )
    yield emit("RC104", params, variant=variant, actual=used.version, expected=due.version)


@rule("RC105")
def mixed_format(report: Report, settings: Settings) -> Iterator[Finding]:
    """The labels mix two format versions (2019 and 2021)."""
    used = report.format.version
    if report.table_versions:
        shown = [
            (report.table_def(t).short, TABLE_EN[t], report.table_versions.get(t, used))
            for t in TABLE_IDS
            if t in report.tables and t != "review_litigation"
        ]
        yield emit(
            "RC105",
            {
                "listed": Tr(
                    "，".join(f"{zh}按 {v} 版" for zh, _, v in shown),
                    ", ".join(f"{en} in the {v} format" for _, en, v in shown),
                )
            },
            variant="per_table",
            hint="bare_other_read"
            if any(
                _BARE_OTHER in report.version_evidence.get(v, [])
                for v in report.table_versions.values()
            )
            else None,
            actual=",".join(f"{t}:{v}" for t, v in sorted(report.table_versions.items())),
            expected=used,
        )
        return
    ev = report.version_evidence
    others = [(len(found), v) for v, found in ev.items() if v != used and found]
    if not ev.get(used) or not others:
        return
    other = max(others)[1]
    odd = ev[other]
    bare = bare_other_group(report)
    yield emit(
        "RC105",
        {
            "used": used,
            "other": other,
            "labels": Tr("、".join(odd[:5]), ", ".join(f"“{x}”" for x in odd[:5])),
        },
        hint="bare_other" if bare else None,
        actual=other,
        expected=used,
    )


_OTHER = "（六）其他处理"
_BARE_OTHER = "（六）其他处理（无细分项）"


def bare_other_group(report: Report) -> str | None:
    """The group label when a 表三 whose format splits （六）其他处理 into sub-rows prints it
    as one row of numbers (the 2019 way): the mix is reported once (RC105), not as three
    missing rows and an unknown one."""
    used = report.format.version
    if not any(_BARE_OTHER in found for v, found in report.version_evidence.items() if v != used):
        return None
    tdef = report.table_def("applications")
    return _OTHER if any(r.group == _OTHER for r in tdef.rows) else None


@rule("RC106")
def unknown_row(report: Report, settings: Settings) -> Iterator[Finding]:
    """A table has a row whose label is not part of the format."""
    bare = bare_other_group(report)
    for table_id, data in report.tables.items():
        for label, loc in data.extra_rows:
            if bare and table_id == "applications" and label_key(label) == label_key(bare):
                continue  # said once by RC105
            yield emit(
                "RC106",
                {"table": table_name(table_id), "label": label},
                fields=_table_fields(report, table_id),
                location=loc,
                actual=label,
            )
        tdef = report.table_def(table_id)
        for label, loc, ids in data.ambiguous:
            rows = [tdef.row(i) for i in ids if tdef.has_row(i)]
            yield emit(
                "RC106",
                {
                    "table": table_name(table_id),
                    "label": label,
                    "candidates": Tr(
                        "、".join(f"「{r.full_label}」" for r in rows),
                        " and ".join(f"“{r.full_label}” ({r.en})" for r in rows),
                    ),
                },
                variant="ambiguous",
                fields=_table_fields(report, table_id),
                location=loc,
                actual=label,
                extra={"candidates": ",".join(ids)},
            )


@rule("RC108")
def label_variant(report: Report, settings: Settings) -> Iterator[Finding]:
    """A row read by a label close to, but not the same as, the format's (info)."""
    for table_id, data in report.tables.items():
        tdef = report.table_def(table_id)
        for row_id, label, loc in data.variants:
            r = tdef.row(row_id)
            yield emit(
                "RC108",
                {
                    "table": table_name(table_id),
                    "label": label,
                    "official": Tr(r.full_label, f"“{r.full_label}” ({r.en})"),
                },
                fields=_table_fields(report, table_id),
                row=row_id,
                row_label=r.full_label,
                location=loc,
                actual=label,
                expected=r.full_label,
            )


_SUBMISSIONS = ("xlsx", "csv", "json")


@rule("RC107")
def nothing_filled_in(report: Report, settings: Settings) -> Iterator[Finding]:
    """A workbook, CSV or JSON whose tables are all empty: a blank template must not pass.

    Passes: any cell filled in, even with 0 or a placeholder
    Fails: every cell of every table found is blank
    """
    if report.kind not in _SUBMISSIONS or not report.tables:
        return
    cells = [c for t in report.tables.values() for c in t.cells.values()]
    if not cells or any(c.state is not CellState.BLANK for c in cells):
        return
    tables = [t for t in TABLE_IDS if t in report.tables]
    yield emit(
        "RC107",
        {
            "tables": Tr(
                "、".join(report.table_def(t).short for t in tables),
                ", ".join(TABLE_EN[t] for t in tables),
            ),
            "count": len(cells),
        },
        actual="0",
    )
