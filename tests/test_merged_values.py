"""A number merged over two rows belongs to the top row; the row below reads it as blank
(otherwise one number is counted twice and the culprit named is the wrong cell)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from factories import Submission
from reportcheck import api
from reportcheck.readers.json_ import read_json
from reportcheck.writers.xlsx import cell_address, write_workbook


def test_a_value_merged_down_is_read_once(tmp_path: Path) -> None:
    sub = Submission.valid("2021")
    report = read_json("s.json", json.dumps(sub.doc, default=str).encode())
    book = tmp_path / "r.xlsx"
    write_workbook(book, "2021", report)
    granted = cell_address("2021", "applications", "granted", "natural_person")
    partial = cell_address("2021", "applications", "partial", "natural_person")
    sheet, a1 = granted.split("!")
    b1 = partial.split("!")[1]
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    ws[b1] = None
    ws.merge_cells(f"{a1}:{b1}")  # 予以公开's 自然人 merged over 部分公开's row
    wb.save(book)

    result = api.validate_path(book)
    assert result.report is not None
    cells = result.report.tables["applications"].cells
    assert cells[("partial", "natural_person")].value is None  # covered: blank
    assert cells[("granted", "natural_person")].location is not None
    # the row 部分公开 lost its 自然人 figure: its row total and column no longer add up,
    # and the cell named is the blank one, not the merged cell above
    culprits = [f for f in result.findings if f.code in ("RC300", "RC204")]
    assert [(f.row, f.column) for f in culprits] == [("partial", "natural_person")]


def test_a_merge_over_a_whole_column_indexes_only_the_rows_in_use() -> None:
    from reportcheck.model.report import Location
    from reportcheck.readers.grid import Grid, GridCell

    grid = Grid("s")
    for r in (1, 2, 3, 1_048_576):
        grid.cells[(r, 1)] = GridCell(str(r), Location(f"A{r}"))
    grid.cells[(1, 12)] = GridCell("备注", Location("L1"))
    grid.merged.append((1, 12, 1_048_576, 12))  # L1:L1048576
    grid.finish()
    assert grid.at(3, 12) is grid.cells[(1, 12)]
    assert grid.at(1_048_576, 12) is grid.cells[(1, 12)]
    assert len(grid._cover) <= 4  # the rows that hold a cell, not a million
