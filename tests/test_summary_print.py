"""The Excel summary prints (issue 22): LibreOffice renders it to PDF, and the PDF is read
back — every sheet one A4 page wide at a readable size, the header row on every page of the
findings, no text running over another cell's, nothing cut off."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from reportcheck.cli import app

pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _batch(folder: Path) -> Path:
    """A batch as an office has it: reports good and bad, the same report twice, files
    that are not reports, one that cannot be read."""
    batch = folder / "batch"
    batch.mkdir()
    for p in [*EXAMPLES.glob("*.xlsx"), *EXAMPLES.glob("*.json"), *EXAMPLES.glob("*.txt")]:
        shutil.copy(p, batch / p.name)
    shutil.copytree(EXAMPLES / "invalid", batch / "invalid")
    shutil.copy(EXAMPLES / "2021-valid.xlsx", batch / "2021-valid-副本.xlsx")
    (batch / "README.md").write_text("本文件夹的说明\n", encoding="utf-8")
    (batch / "扫描件.gif").write_bytes(b"GIF89a")
    (batch / "损坏.xlsx").write_bytes(b"PK\x03\x04 cut off in transfer")
    (batch / "人工读数.json").write_text('{"file": "a.txt", "year": 2024}', encoding="utf-8")
    return batch


def _pdf(workbook: Path, folder: Path) -> Path:
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(workbook)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder / f"{workbook.stem}.pdf"


def _overlaps(page: object) -> list[tuple[str, str]]:
    """Pairs of characters drawn over each other on a page (text running out of its
    cell over the next one's); Latin letters kerned into each other (fi) do not count."""
    tp = page.get_textpage()  # type: ignore[attr-defined]
    boxes = []
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        left, bottom, right, top = tp.get_charbox(i)
        if ch.strip() and right - left > 0.5 and top - bottom > 0.5:
            boxes.append((left, bottom, right, top, ch))
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, (left, bottom, right, top, _) in enumerate(boxes):
        for gx in range(int(left // 20), int(right // 20) + 1):
            for gy in range(int(bottom // 20), int(top // 20) + 1):
                cells[gx, gy].append(k)
    found = set()
    for ks in cells.values():
        for n, a in enumerate(ks):
            for b in ks[n + 1 :]:
                (l1, b1, r1, t1, c1), (l2, b2, r2, t2, c2) = boxes[a], boxes[b]
                if c1.isascii() and c2.isascii():
                    continue
                if min(r1, r2) - max(l1, l2) > 1.0 and min(t1, t2) - max(b1, b2) > 1.0:
                    found.add((c1, c2))
    return sorted(found)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_excel_summary_prints_whole_and_readable(tmp_path: Path, lang: str) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    from openpyxl import load_workbook

    batch = _batch(tmp_path)
    summary = tmp_path / "汇总.xlsx"
    res = CliRunner().invoke(
        app, ["validate", str(batch), "-q", "--lang", lang, "--summary", str(summary)]
    )
    assert res.exit_code == 2, res.output  # 损坏.xlsx cannot be read
    pdf = pdfium.PdfDocument(_pdf(summary, tmp_path))
    pages = [pdf[i] for i in range(len(pdf))]
    texts = [re.sub(r"\s+", "", p.get_textpage().get_text_range()) for p in pages]
    wb = load_workbook(summary)
    files, findings = wb.worksheets[0], wb.worksheets[1]  # then 批次情况 (and 异常值)

    # A4 landscape
    for p in pages:
        width, height = p.get_size()
        assert (round(width), round(height)) == (842, 595)

    # every sheet one page wide, the header row repeated: each page of the file and
    # finding lists starts with its whole header row, first column to last
    def head(ws: object, row: int) -> str:
        cells = next(ws.iter_rows(min_row=row, max_row=row, values_only=True))  # type: ignore[attr-defined]
        return "".join(re.sub(r"\s+", "", str(v)) for v in cells if v is not None)

    finding_pages = [t for t in texts if t.startswith(head(findings, 1))]
    file_pages = [t for t in texts if head(files, 4) in t]
    assert len(finding_pages) >= 3, texts  # the batch's findings take several pages
    assert len(file_pages) >= 2
    rows = files.max_row + findings.max_row
    # the pages: the three sheets' own, and rows of a readable height (not one per page)
    assert len(file_pages) + len(finding_pages) < len(pages) <= len(wb.worksheets) + rows // 6

    # readable: the sheets are scaled to one page wide by no less than about 70 %. A
    # Chinese character of the 10.5-point text is drawn about 7 points tall and wide at
    # 100 %; the median one on each page must be 5 points or more (it was 3 before)
    for n, p in enumerate(pages, start=1):
        tp = p.get_textpage()
        extents = []
        for i in range(tp.count_chars()):
            if "\u4e00" <= tp.get_text_range(i, 1) <= "\u9fff":
                left, bottom, right, top = tp.get_charbox(i)
                extents.append(max(right - left, top - bottom))
        if len(extents) >= 20:
            assert sorted(extents)[len(extents) // 2] >= 5.0, f"page {n}"

    # no text runs over another cell's
    for n, p in enumerate(pages, start=1):
        assert _overlaps(p) == [], f"page {n}"

    # nothing cut off: the whole text of every cell is on the pages
    printed = "".join(texts)
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                shown = c.value.strftime("%Y-%m-%d") if hasattr(c.value, "strftime") else c.value
                assert re.sub(r"\s+", "", str(shown)) in printed, (ws.title, c.coordinate)
