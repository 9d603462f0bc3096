"""Build test workbooks from data: the official table layouts, placed anywhere.

Two writers: :func:`write_openpyxl` (inline strings, absolute part paths, formulas without
cached values — what scripts produce) and :func:`write_raw` (shared strings with rich-text
runs, relative part paths, shared formulas with cached values — what Excel produces).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from reportcheck.model.tables import FORMATS, OUTCOME_COLUMNS, TableDef

Key = tuple[str, str, str]
"""(table id, row id, column id)."""
Pos = tuple[int, int]
Range = tuple[int, int, int, int]


@dataclass
class Formula:
    """A formula cell (text without ``=``); ``cached`` None means no saved result."""

    text: str
    cached: int | Decimal | str | None = None
    shared_si: int | None = None
    """Write as a shared formula with this index (raw writer only)."""
    shared_ref: str | None = None
    """Set on the master cell of a shared formula: the range it covers."""


@dataclass
class Rich:
    """A string written as rich-text runs (raw writer only)."""

    runs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.runs)


@dataclass
class Block:
    """A table laid out from (0, 0): cells, merged ranges and where each value sits."""

    cells: dict[Pos, Any] = field(default_factory=dict)
    merged: list[Range] = field(default_factory=list)
    where: dict[Key, Pos] = field(default_factory=dict)
    height: int = 0

    def put(self, r: int, c: int, value: Any, to: Pos | None = None) -> None:
        self.cells[(r, c)] = value
        if to is not None and to != (r, c):
            self.merged.append((r, c, *to))
        self.height = max(self.height, (to or (r, c))[0] + 1)


@dataclass
class Sheet:
    """A worksheet: cells at 1-based (row, column), merged ranges."""

    name: str
    cells: dict[Pos, Any] = field(default_factory=dict)
    merged: list[Range] = field(default_factory=list)
    hidden: bool = False

    def place(self, block: Block, row: int, col: int) -> dict[Key, str]:
        """Put ``block`` with its top-left at (row, col); the address of each value."""
        for (r, c), v in block.cells.items():
            self.cells[(row + r, col + c)] = v
        for r1, c1, r2, c2 in block.merged:
            self.merged.append((row + r1, col + c1, row + r2, col + c2))
        return {k: address(self.name, row + r, col + c) for k, (r, c) in block.where.items()}


def col_letter(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def address(sheet: str, row: int, col: int) -> str:
    plain = sheet.isidentifier() and not sheet[:1].isdigit()
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{col_letter(col)}{row}"


def ref(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


# ------------------------------------------------------------------ sample data


def sample_values(version: str) -> dict[Key, Any]:
    """A consistent report (every relation holds) with distinct, non-zero figures."""
    fmt = FORMATS[version]
    out: dict[Key, Any] = {}
    t2 = fmt.table("proactive_disclosure")
    for i, r in enumerate(t2.rows):
        for j, c in enumerate(r.columns):
            if c.kind.value == "amount":
                out[(t2.id, r.id, c.id)] = Decimal("12.5")
            elif c.kind.value == "money":
                out[(t2.id, r.id, c.id)] = "251000元"
            elif c.kind.value == "signed_count":
                out[(t2.id, r.id, c.id)] = -2 if i % 2 else 3
            else:
                out[(t2.id, r.id, c.id)] = 10 * (i + 1) + j
    t3 = fmt.table("applications")
    cols = [c.id for c in t3.rows[0].columns]
    parts = cols[:-1]

    def row(seed: int) -> dict[str, int]:
        vals = {c: (seed * (k + 1)) % 7 for k, c in enumerate(parts)}
        vals["total"] = sum(vals.values())
        return vals

    results = [r for r in t3.rows if r.result]
    rows: dict[str, dict[str, int]] = {r.id: row(n + 2) for n, r in enumerate(results)}
    rows["total"] = {c: sum(rows[r.id][c] for r in results) for c in cols}
    rows["carried_forward"] = row(3)
    rows["carried_over"] = row(1)
    rows["new_received"] = {
        c: rows["total"][c] + rows["carried_forward"][c] - rows["carried_over"][c] for c in cols
    }
    for rid, vals in rows.items():
        for c, v in vals.items():
            out[(t3.id, rid, c)] = v
    t4 = fmt.table("review_litigation")
    for n, r in enumerate(t4.rows):
        vals4 = [n + 1, n, 2, 1]
        for c, v in zip(r.columns, [*vals4, sum(vals4)], strict=True):
            out[(t4.id, r.id, c.id)] = v
    return out


# ------------------------------------------------------------------ official layouts

Style = Callable[[str], str]


def _same(label: str) -> str:
    return label


def table3(
    version: str,
    values: dict[Key, Any],
    *,
    style: Style = _same,
    note: bool = True,
    title: str | None = None,
) -> Block:
    """表三 as in the official template: 3 label columns, 7 value columns."""
    t = FORMATS[version].table("applications")
    b = Block()
    top = 0
    if title:
        b.put(0, 0, title, (0, 9))
        top = 1
    if note:
        b.put(top, 0, t.note, (top + 2, 2))
    b.put(top, 3, "申请人情况", (top, 9))
    b.put(top + 1, 3, style("自然人"), (top + 2, 3))
    b.put(top + 1, 4, "法人或其他组织", (top + 1, 8))
    b.put(top + 1, 9, style("总计"), (top + 2, 9))
    for k, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        b.put(top + 2, 4 + k, style(label))
    r = top + 3
    results = [row for row in t.rows if row.group is not None]
    first_result = r + 2
    for row in t.rows:
        if row.group is None:
            b.put(r, 0, style(row.label), (r, 2))
        elif row.group.startswith("三、"):
            b.put(r, 1, style(row.label), (r, 2))
        else:
            subs = [x for x in t.rows if x.group == row.group]
            if row is subs[0]:
                b.put(r, 1, style(row.group), (r + len(subs) - 1, 1))
            b.put(r, 2, style(row.label))
        for k, col in enumerate(row.columns):
            b.put(r, 3 + k, values.get((t.id, row.id, col.id)))
            b.where[(t.id, row.id, col.id)] = (r, 3 + k)
        r += 1
    b.put(first_result, 0, style("三、本年度办理结果"), (first_result + len(results) - 1, 0))
    return b


def table4(values: dict[Key, Any], *, style: Style = _same, title: str | None = None) -> Block:
    """表四: 行政复议 (5) | 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5), one row of values."""
    b = Block()
    top = 0
    if title:
        b.put(0, 0, title, (0, 14))
        top = 1
    b.put(top, 0, style("行政复议"), (top + 1, 4))
    b.put(top, 5, style("行政诉讼"), (top, 14))
    b.put(top + 1, 5, style("未经复议直接起诉"), (top + 1, 9))
    b.put(top + 1, 10, style("复议后起诉"), (top + 1, 14))
    rows = ("review", "litigation_direct", "litigation_after_review")
    for g, rid in enumerate(rows):
        for k, col in enumerate(OUTCOME_COLUMNS):
            b.put(top + 2, 5 * g + k, style(col.label))
            b.put(top + 3, 5 * g + k, values.get(("review_litigation", rid, col.id)))
            b.where[("review_litigation", rid, col.id)] = (top + 3, 5 * g + k)
    return b


def table2(
    version: str, values: dict[Key, Any], *, style: Style = _same, title: str | None = None
) -> Block:
    """表二: one block per article item, each with its header row; 4 columns wide."""
    t: TableDef = FORMATS[version].table("proactive_disclosure")
    b = Block()
    r = 0
    if title:
        b.put(0, 0, title, (0, 3))
        r = 1
    for block in t.blocks:
        rows = [x for x in t.rows if x.block == block]
        b.put(r, 0, style(block), (r, 3))
        r += 1
        cols = rows[0].columns
        b.put(r, 0, "信息内容")
        spans = _spans(len(cols))
        for col, (c1, c2) in zip(cols, spans, strict=True):
            b.put(r, c1, style(col.label), (r, c2))
        r += 1
        for row in rows:
            b.put(r, 0, style(row.label))
            for col, (c1, c2) in zip(row.columns, spans, strict=True):
                b.put(r, c1, values.get((t.id, row.id, col.id)), (r, c2))
                b.where[(t.id, row.id, col.id)] = (r, c1)
            r += 1
    return b


def _spans(n: int) -> list[tuple[int, int]]:
    if n == 3:
        return [(1, 1), (2, 2), (3, 3)]
    if n == 2:
        return [(1, 1), (2, 3)]
    return [(1, 3)]


def metadata_sheet(
    agency: str = "示例市测试局",
    year: Any = 2024,
    published: Any = "2025-01-20",
    level: Any = "部门",
) -> Sheet:
    """The 基本信息 sheet as the template writer lays it out: label | value rows."""
    s = Sheet("基本信息")
    for i, (label, value) in enumerate(
        [("单位名称", agency), ("报告年度", year), ("发布日期", published), ("单位层级", level)], 1
    ):
        s.cells[(i, 1)] = label
        s.cells[(i, 2)] = value
    return s


# ------------------------------------------------------------------ writers


def write_openpyxl(path: Path, sheets: list[Sheet]) -> Path:
    """Save with openpyxl (formulas are written without a cached value)."""
    import openpyxl

    wb = openpyxl.Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        if spec.hidden:
            ws.sheet_state = "hidden"
        for (r, c), v in spec.cells.items():
            if v is None:
                continue
            if isinstance(v, Formula):
                v = "=" + v.text
            elif isinstance(v, Rich):
                v = v.text
            ws.cell(r, c, v)
        for r1, c1, r2, c2 in spec.merged:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    wb.save(path)
    return path


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def write_raw(
    path: Path,
    sheets: list[Sheet],
    *,
    relative_targets: bool = True,
    styled_blanks: bool = True,
    extra_parts: dict[str, bytes] | None = None,
) -> Path:
    """Write the XML by hand, the way Excel does: shared strings, cached formula values.

    ``styled_blanks`` writes empty ``<c r=".." s="1"/>`` cells for None values and for
    the covered cells of merged ranges, as Excel does for bordered table cells.
    """
    strings: list[str] = []
    index: dict[str, int] = {}
    rich: dict[int, Rich] = {}

    def sst(v: str | Rich) -> int:
        text = v.text if isinstance(v, Rich) else v
        key = ("R:" if isinstance(v, Rich) else "S:") + text
        if key not in index:
            index[key] = len(strings)
            strings.append(text)
            if isinstance(v, Rich):
                rich[index[key]] = v
        return index[key]

    parts: dict[str, bytes] = {}
    wb_sheets = []
    rels = []
    for n, spec in enumerate(sheets, 1):
        cells = dict(spec.cells)
        if styled_blanks:
            for r1, c1, r2, c2 in spec.merged:
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        cells.setdefault((r, c), None)
        rows: dict[int, list[str]] = {}
        for (r, c), v in sorted(cells.items()):
            xml = _cell_xml(r, c, v, sst, styled_blanks)
            if xml:
                rows.setdefault(r, []).append(xml)
        body = "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
        merges = ""
        if spec.merged:
            merges = f'<mergeCells count="{len(spec.merged)}">' + "".join(
                f'<mergeCell ref="{ref(r1, c1)}:{ref(r2, c2)}"/>' for r1, c1, r2, c2 in spec.merged
            )
            merges += "</mergeCells>"
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}"><sheetData>{body}</sheetData>'
            f"{merges}</worksheet>"
        ).encode()
        state = ' state="hidden"' if spec.hidden else ""
        wb_sheets.append(f'<sheet name={quoteattr(spec.name)} sheetId="{n}"{state} r:id="rId{n}"/>')
        target = f"worksheets/sheet{n}.xml" if relative_targets else f"/xl/worksheets/sheet{n}.xml"
        rels.append(f'<Relationship Id="rId{n}" Type="{_R}/worksheet" Target="{target}"/>')
    rels.append(f'<Relationship Id="rIdS" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rIdT" Type="{_R}/styles" Target="styles.xml"/>')
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{_MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="2"><border/><border><left style="thin"/><right style="thin"/>'
        '<top style="thin"/><bottom style="thin"/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    ).encode()
    items = []
    for i, s in enumerate(strings):
        if i in rich:
            runs = "".join(
                f'<r><rPr><b/></rPr><t xml:space="preserve">{escape(t)}</t></r>'
                for t in rich[i].runs
            )
            items.append(f'<si>{runs}<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>')
        else:
            space = ' xml:space="preserve"' if s != s.strip() or "\n" in s else ""
            items.append(f"<si><t{space}>{escape(s)}</t></si>")
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{_MAIN}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{"".join(items)}</sst>'
    ).encode()
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_R}">'
        f"<workbookPr/><sheets>{''.join(wb_sheets)}</sheets></workbook>"
    ).encode()
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{_PKG}">'
        f"{''.join(rels)}</Relationships>"
    ).encode()
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>']
    overrides += [
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{ct}.worksheet+xml"/>'
        for n in range(1, len(sheets) + 1)
    ]
    overrides.append(
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
    )
    overrides.append(f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{''.join(overrides)}</Types>"
    ).encode()
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
        f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/>'
        f"</Relationships>"
    ).encode()
    parts.update(extra_parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _cell_xml(r: int, c: int, v: Any, sst: Callable[[Any], int], styled: bool) -> str:
    a = ref(r, c)
    if v is None:
        return f'<c r="{a}" s="1"/>' if styled else ""
    if isinstance(v, Formula):
        attrs = ""
        if v.shared_si is not None:
            attrs = f' t="shared" si="{v.shared_si}"'
            if v.shared_ref:
                attrs += f' ref="{v.shared_ref}"'
        f = f"<f{attrs}>{escape(v.text)}</f>" if v.text else f"<f{attrs}/>"
        if v.cached is None:
            return f'<c r="{a}">{f}</c>'
        if isinstance(v.cached, str):
            return f'<c r="{a}" t="str">{f}<v>{escape(v.cached)}</v></c>'
        return f'<c r="{a}">{f}<v>{v.cached}</v></c>'
    if isinstance(v, bool):
        return f'<c r="{a}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, int | Decimal):
        return f'<c r="{a}"><v>{v}</v></c>'
    if isinstance(v, float):
        return f'<c r="{a}"><v>{v!r}</v></c>'
    return f'<c r="{a}" t="s"><v>{sst(v)}</v></c>'
