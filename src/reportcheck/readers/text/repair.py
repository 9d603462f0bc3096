"""The extraction-damage repairs, each said in a finding: rows without labels (表三 rows
whose labels a PDF extraction tore away) and cells run together (glued digits)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from reportcheck.findings import Finding
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.labels import label_key
from reportcheck.model.rowfinder import find_one
from reportcheck.model.tables import (
    FORMATS,
    TABLE_EN,
    TABLE_SHORT,
    RowDef,
    TableDef,
    evidence_keys,
)
from reportcheck.model.values import elide
from reportcheck.readers import glued
from reportcheck.readers.grid import Grid, GridCell
from reportcheck.readers.published import Block
from reportcheck.readers.text.lines import RUN_KINDS, Lines, Piece, TextCell, is_label


@dataclass
class Unresolved:
    """A glued row that several readings fit (said by ``finding``, RC003): the prose may
    still tell which (:func:`reportcheck.readers.text.prose_split.resolve`)."""

    table_id: str
    row: glued.GluedRow
    base: int
    """Offset of the run's text in the report text."""
    finding: Finding


class Repairs(Lines):
    """The repairs of :class:`~reportcheck.readers.text.reader.TextReader`."""

    version: str
    findings: list[Finding]
    unresolved: list[Unresolved]

    # -- a figure torn from its row

    def _place_stray(self, rows: list[list[TextCell]], stray: TextCell) -> None:
        """The one lone figure inside 表三 (a PDF extraction tore it from its cell) goes back
        into the one row whose 总计 cell is empty, when it is exactly that row's sum — the
        only place the table's own structure leaves for it (said: RC005)."""
        tdef = FORMATS[self.version].table("applications")
        width = len(tdef.columns)
        fits: list[tuple[list[TextCell], RowDef]] = []
        for row in rows:
            labels = [c.text for c in row if is_label(c.text)]
            values = row[len(row) - width :] if len(row) > width else []
            if not labels or len(values) != width or values[-1].text.strip():
                continue
            parts = [c.text.strip() for c in values[:-1]]
            if not all(p.isdigit() for p in parts):
                continue
            rdef = find_one(tdef, tuple(labels))
            if rdef is not None and sum(int(p) for p in parts) == int(stray.text):
                fits.append((row, rdef))
        if len(fits) != 1:
            return
        row, rdef = fits[0]
        empty = row[-1]
        row[-1] = TextCell(stray.text, empty.start, empty.field)
        total = tdef.columns[-1]
        self.findings.append(
            emit(
                "RC005",
                {
                    "row": rdef.full_label,
                    "column": Tr(total.label, total.en),
                    "line": self.line_of(stray.start),
                    "value": stray.text,
                },
                variant="displaced_figure",
                hint="displaced_figure",
                table="applications",
                row=rdef.id,
                row_label=rdef.full_label,
                column=total.id,
                location=self.location(empty.start, empty.field),
            )
        )

    # -- rows without labels

    def _label_orphans(self, rows: list[list[TextCell]]) -> None:
        """Give unlabelled rows of 表三 the identity of the rows missing between two labelled ones."""
        tdef = FORMATS[self.version].table("applications")
        order = {r.id: i for i, r in enumerate(tdef.rows)}
        anchors: list[tuple[int, int]] = []  # (row index, table row index)
        orphans: list[int] = []
        unknown: set[int] = set()  # labelled rows of figures whose label names no row
        for i, row in enumerate(rows):
            labels = [c.text for c in row if is_label(c.text)]
            values = [c for c in row if c.text.strip() and not is_label(c.text)]
            if labels and values:
                rdef = find_one(tdef, tuple(labels))
                if rdef is not None:
                    anchors.append((i, order[rdef.id]))
                elif len(values) == len(tdef.columns):
                    unknown.add(i)
            elif not labels and len(values) == len(tdef.columns):
                orphans.append(i)
        if not orphans or len(anchors) < 2:
            return
        matched = {t for _, t in anchors}
        named: list[tuple[str, int]] = []
        for (ra, ia), (rb, ib) in pairwise(anchors):
            between = [i for i in orphans if ra < i < rb]
            if not between or ib <= ia:
                continue
            # a row with a label of its own that names no row (「（一）同意公开」) takes its
            # place in the order too: the row finder places it by that order later
            between = sorted([*between, *(i for i in unknown if ra < i < rb)])
            missing = [tdef.rows[k] for k in range(ia + 1, ib) if k not in matched]
            if len(missing) != len(between):
                loc = self.location(rows[between[0]][0].start, rows[between[0]][0].field)
                self.findings.append(
                    emit(
                        "RC003",
                        {
                            "before": tdef.rows[ia].label,
                            "after": tdef.rows[ib].label,
                            "rows": len(between),
                            "missing": len(missing),
                        },
                        variant="unlabelled_rows",
                        table="applications",
                        location=loc,
                    )
                )
                continue
            for i, rdef in zip(between, missing, strict=True):
                if i in unknown:
                    continue
                cell = rows[i][0]
                rows[i].insert(0, TextCell(rdef.label, cell.start, cell.field))
                named.append((rdef.full_label, self.line_of(cell.start)))
        if named:
            listed = "、".join(f"「{label}」（第 {line} 行）" for label, line in named)
            listed_en = ", ".join(f"“{label}” (line {line})" for label, line in named)
            self.findings.append(
                emit(
                    "RC005",
                    {"count": len(named), "listed": Tr(listed, listed_en)},
                    variant="torn_labels",
                    hint="torn_labels",
                    table="applications",
                    location=self.line_location(rows[anchors[0][0]][0].start),
                )
            )

    # -- paragraphs and glued tables

    def _text_blocks(self, pieces: list[Piece], covered: list[bool]) -> list[Block]:
        """Paragraphs, with the tables found in runs of text whose cells ran together."""
        out: list[Block] = []
        run: list[Piece] = []
        for i, p in enumerate([*pieces, None]):
            if p is not None and not (i < len(covered) and covered[i]) and p.kind in RUN_KINDS:
                run.append(p)
                continue
            if run:
                out.extend(self._glued_run(run))
                run = []
        return out

    def _glued_run(self, run: list[Piece]) -> list[Block]:
        texts = [p for p in run if p.kind == "text"]
        if not texts:
            return []
        a, b = texts[0].start, texts[-1].end
        spans: list[tuple[int, int, Block]] = []
        chunk = self.text[a:b]
        if re.search(r"\d", chunk):
            for table in self._find_glued(chunk):
                spans.append((a + table.start, a + table.end, self._glued_block(table, a)))
        out = [blk for _, _, blk in spans]
        for p in texts:
            pos = p.start
            for s, e, _ in sorted(spans):
                if e <= pos or s >= p.end:
                    continue
                if p.text[pos - p.start : s - p.start].strip():
                    out.append(self._paragraph(pos, self.text[pos:s]))
                pos = max(pos, e)
            if pos < p.end and self.text[pos : p.end].strip():
                out.append(self._paragraph(pos, self.text[pos : p.end]))
        return out

    def _find_glued(self, chunk: str) -> list[glued.GluedTable]:
        fmt = FORMATS[self.version]
        found: list[glued.GluedTable] = []
        if _GLUED_T3.search(chunk):
            t3 = glued.find_rows_table(chunk, fmt.table("applications"), minimum=5)
            if t3 is not None:
                found.append(t3)
        if _GLUED_T2.search(chunk):
            t2 = glued.find_rows_table(chunk, fmt.table("proactive_disclosure"), minimum=2)
            if t2 is not None and not any(_overlap(t2, t) for t in found):
                found.append(t2)
        if "复议后起诉" in chunk or ("行政复议" in chunk and "结果维持" in chunk):
            t4 = glued.find_review(chunk)
            if t4 is not None and not any(_overlap(t4, t) for t in found):
                found.append(t4)
        return found

    def _glued_block(self, table: glued.GluedTable, base: int) -> Block:
        """A grid of the rows read from glued text; the others reported."""
        tdef = FORMATS[self.version].table(table.table_id)
        used: list[str] = []
        if table.table_id == "applications":
            used = glued.resolve_columns(table, self.version)
        grid = Grid(f"glued {TABLE_SHORT[table.table_id]}", by_header=False)
        r = 0
        start = base + table.start
        header = table.header or self._glued_header(table, base)
        for c, word in enumerate(header):
            grid.cells[(r, c)] = GridCell(word, self.line_location(start))
        r += 1 if header else 0
        assumed: list[str] = []
        for g in table.rows:
            cells = g.reading.cells
            label_loc = self.location(base + g.label_start)
            if cells is None:
                finding = self._unreadable(tdef, g, base)
                self.findings.append(finding)
                if g.reading.options and not g.reading.more and tdef.id != "review_litigation":
                    self.unresolved.append(Unresolved(tdef.id, g, base, finding))
                continue
            if g.reading.assumed:
                assumed.append(g.row.full_label if g.label else "")
            c = 0
            if g.label:
                grid.cells[(r, 0)] = GridCell(g.label, label_loc)
                c = 1
            for digits, off in cells:
                grid.cells[(r, c)] = GridCell(digits, self.location(base + g.run_start + off))
                c += 1
            r += 1
        grid.finish()
        if assumed:
            self.findings.append(self._assumed(tdef, table, base, assumed, used))
        end = base + table.end
        return Block(self.text[start:end], self.line_location(start), grid, offset=start)

    def _glued_header(self, table: glued.GluedTable, base: int) -> list[str]:
        """Version-specific header words inside a glued 表二 (evidence of the format)."""
        if table.table_id != "proactive_disclosure":
            return []
        span = self.text[base + max(table.start - 200, 0) : base + table.end]
        key = label_key.__wrapped__(span)
        return sorted({k for keys in evidence_keys().values() for k in keys if k in key})

    def _unreadable(self, tdef: TableDef, g: glued.GluedRow, base: int) -> Finding:
        n = len(g.reading.options)
        label = g.row.full_label if g.label else tdef.short
        run = elide(g.run.strip(), 60) or "（无）"
        digits = sum(ch.isdigit() for ch in g.run)
        fields = g.run.split()
        cells = 15 if tdef.id == "review_litigation" else len(g.row.columns)
        if 0 < len(fields) < cells and all(len(f) == 1 and f.isdigit() for f in fields):
            # single figures apart from each other: none glued, some missing
            return emit(
                "RC003",
                {
                    "table": Tr(tdef.short, TABLE_EN[tdef.id]),
                    "label": label,
                    "run": run,
                    "found": len(fields),
                    "cells": cells,
                },
                variant="too_few",
                table=tdef.id,
                row=g.row.id if tdef.id != "review_litigation" else None,
                row_label=g.row.full_label if tdef.id != "review_litigation" else None,
                location=self.location(base + g.label_start),
                actual=elide(" ".join(fields), 200),
            )
        if g.reading.gave_up == "long":
            why = f"{digits} 位数字太长，无法拆分"
            why_en = f"{digits} digits are too many to split"
        elif g.reading.gave_up == "many":
            why = "可能的拆分太多，无法逐一核对"
            why_en = "there are too many ways to split it to try them all"
        elif n == 0 and not g.reading.more:
            why = "没有一种拆分符合本表的结构"
            why_en = "no split fits the table's structure"
        else:
            many = f"{n}+" if g.reading.more else str(n)
            shown = [" · ".join(t for t, _ in opt) for opt in g.reading.options[:4]]
            more = "…" if n > 4 or g.reading.more else ""
            why = f"有 {many} 种拆分都符合本表的结构（{'；'.join(shown)}{more}）"
            why_en = f"{many} splits fit the table's structure ({'; '.join(shown)}{more})"
        return emit(
            "RC003",
            {
                "table": Tr(tdef.short, TABLE_EN[tdef.id]),
                "label": label,
                "run": run,
                "why": Tr(why, why_en),
            },
            variant="glued",
            table=tdef.id,
            row=g.row.id if tdef.id != "review_litigation" else None,
            row_label=g.row.full_label if tdef.id != "review_litigation" else None,
            location=self.location(base + g.label_start),
            actual=elide(g.run.strip(), 200),
        )

    def _assumed(
        self,
        tdef: TableDef,
        table: glued.GluedTable,
        base: int,
        rows: list[str],
        used: list[str],
    ) -> Finding:
        if tdef.id == "review_litigation":
            rel = "每组「总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结」"
            rel_en = "each group's total = upheld + corrected + other + pending"
        else:
            rel = "每行「总计 = 自然人 + 法人或其他组织各列」"
            rel_en = "each row's total = natural persons + the organisation columns"
        cols = ""
        cols_en = ""
        if used:
            kinds = sorted({u.split(":")[0] for u in used})
            names = {
                "results_total": "「（七）总计 = 各办理结果之和」",
                "balance": "勾稽关系「第一项 + 第二项 = 第三项 + 第四项」",
            }
            names_en = {
                "results_total": "total answered = sum of the result rows",
                "balance": "received + carried over = answered + carried forward",
            }
            cols = "；有的行还需用到各列的" + "和".join(names[k] for k in kinds)
            cols_en = "; some rows also needed the columns' " + " and ".join(
                names_en[k] for k in kinds
            )
        if rows == [""]:
            which, which_en = "其 15 个数字", "its 15 numbers"
        else:
            which = "、".join(f"「{r}」" for r in rows[:8]) + (" 等" if len(rows) > 8 else "")
            which_en = f"{len(rows)} row(s)"
        return emit(
            "RC005",
            {
                "table": Tr(tdef.short, TABLE_EN[tdef.id]),
                "which": Tr(which, which_en),
                "relation": Tr(rel, rel_en),
                "columns": Tr(cols, cols_en),
            },
            hint="default",
            table=tdef.id,
            location=self.location(base + table.start),
        )


_GLUED_T3 = re.compile(r"(?:申请数量|予以公开|不予公开|无法提供|不予处理|总计)\s*[0-9０-９]")
_GLUED_T2 = re.compile(
    r"(?:规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)\s*[0-9０-９]"
)


def _overlap(a: glued.GluedTable, b: glued.GluedTable) -> bool:
    return a.start < b.end and b.start < a.end
