"""Scanned copies of a text PDF made for the OCR tests: its pages rendered by pdftoppm at a
resolution, then (as a scanner or a printed-and-stamped copy would) turned by a small angle,
given noise, saved as JPEG, a red round seal stamped over part of a page. Nothing of this is
checked in: the tests make what they need from the PDFs they have."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path


def have_pdftoppm() -> bool:
    return shutil.which("pdftoppm") is not None


def render(pdf: Path, dpi: int) -> list:  # list[PIL.Image.Image]
    """The PDF's pages as RGB images at ``dpi`` (written by pdftoppm as PPM, its default:
    the same pixels as its PNG without compressing them, a tenth of the time)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), str(pdf), f"{tmp}/p"], check=True, timeout=120)
        return [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("p*.ppm"))]


def degrade(
    img,  # PIL.Image.Image
    angle: float = 0.0,
    noise: float = 0.0,
    jpeg: int | None = None,
    stamp: tuple[float, float] | None = None,
    seed: int = 1,
):
    """A scanned-looking copy: a red seal centred at ``stamp`` (fractions of the page)
    multiplied over the print, turned by ``angle`` degrees, Gaussian noise of ``noise``
    grey levels, JPEG at quality ``jpeg``."""
    import numpy as np
    from PIL import Image, ImageDraw

    out = img.copy()
    if stamp is not None:
        w, h = out.size
        r = int(w * 0.09)
        cx, cy = int(stamp[0] * w), int(stamp[1] * h)
        seal = Image.new("RGB", out.size, (255, 255, 255))
        d = ImageDraw.Draw(seal)
        red = (220, 40, 40)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(3, r // 14))
        # a star and a band of "characters" inside, as a seal has
        d.regular_polygon((cx, cy, r // 4), 5, fill=red)
        for k in range(-3, 4):
            x = cx + k * r // 5
            d.rectangle((x - r // 14, cy + r // 3, x + r // 14, cy + r // 2), fill=red)
        a = np.asarray(out, dtype=np.float32) * np.asarray(seal, dtype=np.float32) / 255
        out = Image.fromarray(a.astype(np.uint8))
    if angle:
        out = out.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=(255, 255, 255))
    if noise:
        rng = np.random.default_rng(seed)
        a = np.asarray(out, dtype=np.float64)  # (in place: a page at 300 dpi is 200 MB)
        a += rng.normal(0, noise, a.shape[:2])[:, :, None]
        out = Image.fromarray(np.clip(a, 0, 255, out=a).astype(np.uint8))
    if jpeg is not None:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=jpeg)
        out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return out


def scanned_pdf(pages: list, path: Path, dpi: int) -> Path:
    """A PDF of page images only (no text layer), as a scanner writes one."""
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return path


def tiff(pages: list, path: Path, dpi: int) -> Path:
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], dpi=(dpi, dpi))
    return path
