"""Reading scanned reports: page images recognised offline, cell by cell, never guessing.

A report printed, signed, stamped and scanned is a PDF of page images (no text layer) or an
image file (``.png``, ``.jpg``, ``.tif``). With the optional extra ``reportcheck[ocr]``
(``rapidocr-onnxruntime``: PP-OCRv4's Chinese recognition model inside the wheel, run by
onnxruntime on the CPU; nothing is downloaded at run time) such pages are read here:

1. each page image is straightened, its red stamps removed and its ruling lines, table
   cells and lines of print found from its own structure (:mod:`.layout`);
2. each line of print, and each cell's lines on their own, are recognised
   (:mod:`.recognize`): an empty cell is empty, a lone digit is read on its cell's crop;
3. the recognised characters and the ruling lines become a page exactly like a text PDF's
   (:mod:`.page`), and the PDF reader builds the tables, the prose, the furniture and the
   report from them: the same row finder and the same rules as every other input;
4. a figure that the recogniser is not sure of (its least sure digit under
   :data:`~.page.SURE`, or a cell that is not a number where one should be) is checked
   against the table's relations: a figure a relation confirms is kept and said to be
   confirmed (RC005); otherwise the cell is not read (RC003) — never a number
   (:mod:`.settle`).

Without the extra, a scanned PDF or an image is refused (exit 2) with the line that
installs it (:data:`INSTALL`).
"""

from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

from reportcheck.errors import InputError
from reportcheck.readers import OCR_INSTALL
from reportcheck.readers.ocr.limits import MAX_OCR_PAGES as MAX_OCR_PAGES
from reportcheck.readers.ocr.limits import MIN_SCAN_DPI as MIN_SCAN_DPI

if TYPE_CHECKING:
    from reportcheck.config import Settings
    from reportcheck.model.report import Picture, Report
    from reportcheck.readers.pdf.page import _Page

INSTALL = OCR_INSTALL
"""The line that installs the recognition extra (said when a scan cannot be read)."""

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

OCR_SECONDS = 6.0
"""Time allowed for recognising one page beyond the file's limit (a page takes 2–3 s on
one busy core): a scan asks for it once it knows how many pages it has."""
OCR_MEMORY_MB = 2048
"""Address space recognition needs (the model, onnxruntime's and OpenCV's threads reserve
about 1.4 GB of it while using some 400 MB): the limit is raised to it for a scan."""


__all__ = [
    "INSTALL",
    "MAX_OCR_PAGES",
    "MIN_SCAN_DPI",
    "available",
    "missing",
    "picture_tables",
    "read_images",
    "read_scanned_pdf",
]


def available() -> bool:
    """Whether the recognition extra is installed (looked up, not imported; once a process:
    every PDF asks)."""
    return _installed()


@functools.cache
def _installed() -> bool:
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy")
    )


def missing(path: str) -> InputError:
    """The one-line refusal of an image when the extra is not installed."""
    return InputError(
        path,
        f"是图片（扫描页），读取需要文字识别功能：{INSTALL}",
        f"an image (a scanned page): reading it needs the recognition extra: {INSTALL}",
    )


def read_images(path: str, images: list[bytes], kind: str, settings: Settings) -> Report:
    """Read report pages that are pictures inside a document (a Word file of page scans
    pasted in), each picture a page, in order."""
    if not available():
        raise missing(path)
    from reportcheck.readers.ocr.image import load
    from reportcheck.readers.ocr.page import recognise_pages
    from reportcheck.readers.ocr.settle import settle
    from reportcheck.readers.pdf.report import report_of_pages

    if len(images) > MAX_OCR_PAGES:
        raise InputError(
            path,
            f"文件中有 {len(images)} 幅图片，超过识别上限 {MAX_OCR_PAGES} 页：不是一份年度报告",
            f"the file holds {len(images)} pictures, more than the {MAX_OCR_PAGES} pages "
            "recognised: not one annual report",
        )
    pages_in = []
    refused: InputError | None = None
    for data in images:  # a logo or an icon among the pages is left out, not the file
        try:
            pages_in.extend(load(path, data))
        except InputError as err:
            refused = refused or err
    if not pages_in and refused is not None:
        raise refused
    if len(pages_in) > MAX_OCR_PAGES:
        raise InputError(
            path,
            f"图片共有 {len(pages_in)} 页，超过识别上限 {MAX_OCR_PAGES} 页：不是一份年度报告",
            f"the pictures hold {len(pages_in)} pages, more than the {MAX_OCR_PAGES} "
            "recognised: not one annual report",
        )
    _allow(len(pages_in))
    pages, readings = recognise_pages(
        path, [(n, img, dpi) for n, (img, dpi) in enumerate(pages_in, 1)]
    )
    report = report_of_pages(path, kind, pages, settings)
    settle(report, readings)
    return report


def picture_tables(report: Report, picture: Picture, found: Report) -> list[str]:
    """Put into ``report`` the tables recognised in a picture (``found``: what
    :func:`read_images` read from its image) that the text lacks — their cells, and the
    findings recognition made of them (unsure figures, RC003/RC005) — placed in the
    picture (``picture 2, line 5, col 3`` — 第 2 幅图片第 5 行第 3 列, on the picture's own
    line of the file). The ids of the tables put in."""
    import re
    from dataclasses import replace

    from reportcheck.model.report import Location, TableData

    number = picture.location.address.removeprefix("picture ")
    if not number.isdigit():
        return []
    at = re.compile(r"^page \d+")

    def moved(location: Location | None) -> Location | None:
        if location is None or not at.match(location.address):
            return location
        return Location(at.sub(f"picture {number}", location.address), picture.location.line)

    added: list[str] = []
    for tid, data in found.tables.items():
        if tid in report.tables or not data.cells:
            continue
        report.tables[tid] = TableData(
            tid,
            {key: replace(cell, location=moved(cell.location)) for key, cell in data.cells.items()},
            moved(data.location),
            [(label, moved(loc)) for label, loc in data.extra_rows],
            [(row, label, moved(loc)) for row, label, loc in data.variants],
            [(label, moved(loc), rows) for label, loc, rows in data.ambiguous],
        )
        version = found.table_versions.get(tid, found.format_version)
        if version and version != report.format_version:
            report.table_versions[tid] = version
        added.append(tid)
    pages = re.compile(r"第 \d+ 页")
    for f in found.findings:
        if f.table in added and f.row is not None:  # a cell of it: unsure, or confirmed
            report.findings.append(
                replace(
                    f,
                    location=moved(f.location),
                    message=pages.sub(f"第 {number} 幅图片", f.message),
                    message_en=re.sub(r"\bpage \d+", f"picture {number}", f.message_en),
                )
            )
    if added:
        confidence = list(found.recognised.values())
        report.recognised_pictures[int(number)] = min(confidence) if confidence else 0.0
    return added


def read_scanned_pdf(
    path: str, data: bytes, kind: str, settings: Settings, pages: list[_Page]
) -> Report:
    """Read a PDF some or all of whose pages are images without text: those pages are
    rendered and recognised, the others read from their text layer."""
    from reportcheck.readers.ocr.image import render_pdf_pages, scan_dpi
    from reportcheck.readers.ocr.page import recognise_pages
    from reportcheck.readers.ocr.settle import settle
    from reportcheck.readers.pdf.report import report_of_pages

    rendered = [
        p.number
        for p in pages
        if p.unread in ("undecodable_pages", "outlined_pages") or (not p.chars and p.recognise)
    ]
    numbers = [p.number for p in pages if p.unread == "image_pages" and p.number not in rendered]
    low = scan_dpi(path, data, numbers)
    numbers = [n for n in numbers if n not in low]
    # pages whose text cannot be decoded or is drawn as outlines, and pages of text with a
    # table printed as a picture, are recognised from their rendering whatever their
    # images' resolution
    numbers = sorted([*numbers, *rendered])
    if not numbers:  # every scanned page too coarse to read surely: as without the extra
        dpi = min(low.values())
        if not any(p.chars for p in pages):
            raise InputError(
                path,
                f"PDF 没有文字层（扫描件），扫描分辨率只有 {dpi:.0f} dpi，低于可靠识别所需的 "
                f"{MIN_SCAN_DPI} dpi：请以更高分辨率重新扫描，或先进行文字识别（OCR）",
                f"the PDF has no text layer (a scan) and its resolution is only {dpi:.0f} dpi, "
                f"below the {MIN_SCAN_DPI} dpi text recognition needs to be sure: scan it again "
                "at a higher resolution, or run OCR on it first",
            )
        return report_of_pages(path, kind, pages, settings)
    if len(numbers) > MAX_OCR_PAGES:
        raise InputError(
            path,
            f"PDF 有 {len(numbers)} 页扫描图片，超过识别上限 {MAX_OCR_PAGES} 页：不是一份年度报告",
            f"the PDF has {len(numbers)} scanned pages, more than the {MAX_OCR_PAGES} "
            "recognised: not one annual report",
        )
    _allow(len(numbers))
    images = render_pdf_pages(path, data, numbers)
    scanned, readings = recognise_pages(path, images)
    by_number = {p.number: p for p in scanned}
    pages = [by_number.get(p.number, p) for p in pages]
    report = report_of_pages(path, kind, pages, settings)
    settle(report, readings)
    return report


def _allow(pages: int) -> None:
    from reportcheck.isolate import more

    more(2.0 + OCR_SECONDS * pages, OCR_MEMORY_MB)
