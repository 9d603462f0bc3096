"""Page images: decoded from an image file, or rendered from a scanned PDF's pages.

Bounded before anything is decoded: an image file's pixel size is read from its header
(Pillow opens lazily) and refused past :data:`MAX_PIXELS`; a multi-page TIFF past
:data:`~reportcheck.readers.ocr.MAX_OCR_PAGES` frames. A scanned PDF's page is rendered at
:data:`RENDER_DPI` whatever its embedded image's resolution.
"""

from __future__ import annotations

import io
import warnings

import numpy as np

from reportcheck.errors import InputError

MAX_PIXELS = 60_000_000
"""Pixels of one page image: an A4 page at 600 dpi has 35 million; past this the image is
refused (decoding it would take gigabytes)."""
RENDER_DPI = 200.0
"""The resolution a scanned PDF's pages are rendered at for recognition."""
MIN_DPI, MAX_DPI = 100.0, 600.0
"""Resolutions an image file may say it has; otherwise it is taken as an A4 page's width."""
_A4_WIDTH_IN = 8.27


def load(path: str, data: bytes) -> list[tuple[np.ndarray, float]]:
    """The pages of an image file as RGB arrays, each with its resolution (dots per inch)."""
    from PIL import Image, UnidentifiedImageError

    from reportcheck.readers.ocr.limits import MAX_OCR_PAGES, MIN_SCAN_DPI

    before = Image.MAX_IMAGE_PIXELS  # Pillow's own bound, for this call only
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # (past it Pillow warns: here an error)
            try:
                img = Image.open(io.BytesIO(data))
            finally:
                Image.MAX_IMAGE_PIXELS = before
        frames = getattr(img, "n_frames", 1)
        if frames > MAX_OCR_PAGES:
            raise InputError(
                path,
                f"图片有 {frames} 页，超过识别上限 {MAX_OCR_PAGES} 页：不是一份年度报告",
                f"the image has {frames} pages, more than the {MAX_OCR_PAGES} recognised: "
                "not one annual report",
            )
        pages = []
        for k in range(frames):
            img.seek(k)
            w, h = img.size
            if w * h > MAX_PIXELS:
                raise _too_large(path, w, h)
            if min(w, h) < 200:
                raise InputError(
                    path,
                    f"图片只有 {w}×{h} 像素，太小，无法识别文字",
                    f"the image is only {w}×{h} pixels: too small to recognise text",
                )
            dpi = _dpi(img.info.get("dpi"), w)
            if dpi < MIN_SCAN_DPI:
                raise InputError(
                    path,
                    f"图片分辨率只有约 {dpi:.0f} dpi，低于可靠识别所需的 {MIN_SCAN_DPI} dpi："
                    "请以更高分辨率重新扫描",
                    f"the image's resolution is only about {dpi:.0f} dpi, below the "
                    f"{MIN_SCAN_DPI} dpi text recognition needs to be sure: scan it again at a "
                    "higher resolution",
                )
            rgb = np.asarray(img.convert("RGB"))
            pages.append((rgb, dpi))
        return pages
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(
            path,
            f"图片过大（超过 {MAX_PIXELS // 1_000_000} 百万像素），不像扫描的报告页",
            f"the image is too large (over {MAX_PIXELS // 1_000_000} megapixels): not a "
            "scanned report page",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError):
        raise InputError(
            path, "图片文件已损坏或格式不受支持", "a damaged image, or a format not supported"
        ) from None


def _too_large(path: str, w: int, h: int) -> InputError:
    return InputError(
        path,
        f"图片过大（{w}×{h} 像素，上限 {MAX_PIXELS // 1_000_000} 百万像素），不像扫描的报告页",
        f"the image is too large ({w}×{h} pixels, limit {MAX_PIXELS // 1_000_000} "
        "megapixels): not a scanned report page",
    )


def _dpi(said: object, width: int) -> float:
    """The image's resolution: as it says when plausible, else its width as an A4 page's."""
    if isinstance(said, tuple) and said:
        try:
            value = float(said[0])
        except (TypeError, ValueError):
            value = 0.0
        # a page narrower than 5 inches or wider than 12 at that resolution is not A4
        if MIN_DPI <= value <= MAX_DPI and 5 <= width / value <= 12:
            return value
    return width / _A4_WIDTH_IN


def render_pdf_pages(
    path: str, data: bytes, numbers: list[int]
) -> list[tuple[int, np.ndarray, float]]:
    """The PDF's pages ``numbers`` (1-based) rendered as RGB arrays at :data:`RENDER_DPI`."""
    from reportcheck.readers.pdf.pdfium import _open

    doc = _open(path, data)
    try:
        out = []
        for n in numbers:
            page = doc[n - 1]
            try:
                w, h = page.get_size()
                scale = RENDER_DPI / 72
                if w * scale * h * scale > MAX_PIXELS:
                    raise _too_large(path, int(w * scale), int(h * scale))
                bitmap = page.render(scale=scale, rev_byteorder=True)
                rgb = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
                out.append((n, rgb, RENDER_DPI))
            finally:
                page.close()
        return out
    finally:
        doc.close()


def scan_dpi(path: str, data: bytes, numbers: list[int]) -> dict[int, float]:
    """The pages among ``numbers`` whose largest image is coarser than
    :data:`~reportcheck.readers.ocr.MIN_SCAN_DPI` across the page, with that resolution."""
    import pypdfium2.raw as raw

    from reportcheck.readers.ocr.limits import MIN_SCAN_DPI
    from reportcheck.readers.pdf.pdfium import _open

    doc = _open(path, data)
    low: dict[int, float] = {}
    try:
        for n in numbers:
            page = doc[n - 1]
            try:
                width = page.get_size()[0] / 72
                best = 0
                for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
                    best = max(best, obj.get_px_size()[0])
                dpi = best / width if width > 0 else 0.0
                if dpi < MIN_SCAN_DPI:
                    low[n] = dpi
            finally:
                page.close()
    finally:
        doc.close()
    return low
