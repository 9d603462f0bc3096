"""The same report printed the WPS way with its tables falling differently on the pages.

A real collection holds reports whose 表三 starts at the top, the middle or the foot of a
page, whose 表四 header is cut from its figures by a page break, whose tables have no
rules, whose labels run into the figures beside them. The test PDFs of ``data/pdf`` fix
one layout each; here the WPS-like maker (``data/pdf/make_wps_like.py``) draws one report
many ways — more paragraphs before 表三 and in section 一 move every page break, with and
without rules, with （六）其他处理 as one row — and every value must be read exactly, with
no finding but the report's own (RC105 for the one-row （六）). A reader that is unsure
says RC003; it never reads a wrong figure, so these layouts are the ones where it was.

Each PDF is drawn at test time (reportlab, the dev extra; about a second each).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

from reportcheck import api
from reportcheck.config import Settings

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

DATA = Path(__file__).parent / "data" / "pdf"
sys.path.insert(0, str(DATA))

import make_pdfs as mp  # noqa: E402
import make_wps_like as mw  # noqa: E402

if not mw.CJK_FILE.exists():
    pytest.skip(f"the font {mw.CJK_FILE} (fonts-droid-fallback) is needed", allow_module_level=True)

# (no rules, （六） as one row, paragraphs before 表三, paragraphs more in section 一)
SHAPES = [
    (False, False, 0, 0),
    (False, True, 6, 5),
    (True, False, 0, 2),  # 表四's header on one page, its figures on the next
    (True, False, 0, 5),  # a figure of a row set a point high beside the side label
    (True, False, 2, 2),  # a wrapped label's last line beside the next group's number
    (True, False, 3, 0),
    (True, False, 3, 2),  # 「11」 read as 1 before (its first digit on another line)
    (True, False, 6, 0),
    (True, False, 9, 2),
    (True, True, 0, 2),
    (True, True, 3, 0),  # 表四's header cut in two by the page break
    (True, True, 9, 2),
]


@pytest.mark.parametrize(("borderless", "single", "before", "longer"), SHAPES)
def test_every_value_read_wherever_the_page_breaks_fall(
    tmp_path: Path, borderless: bool, single: bool, before: int, longer: int
) -> None:
    case = copy.copy(next(c for c in mp.CASES if c.name == "lo-2021-clean"))
    case.name = f"shape-{int(borderless)}{int(single)}-{before}-{longer}"
    case.breaks_before_t3, case.longer = before, longer
    mw.make(mw.WpsCase(case, single_other=single, borderless=borderless), tmp_path)
    expected = json.loads((tmp_path / f"{case.name}.expected.json").read_text("utf-8"))
    report = api.read_path(tmp_path / f"{case.name}.pdf")
    wrong = []
    for table_id, rows in expected["tables"].items():
        data = report.tables.get(table_id)
        for row_id, cols in rows.items():
            for col_id, text in cols.items():
                cell = data.get(row_id, col_id) if data is not None else None
                got = None if cell is None else cell.raw.strip()
                if got != text:
                    wrong.append((table_id, row_id, col_id, text, got))
    assert wrong == []
    codes = {f.code for f in api.check(report, Settings())}
    assert codes == ({"RC105"} if single else set())
