"""Where the text of a page image stands: stamps removed, the page straightened, its ruling
lines and table cells found, and the lines of print cut out for the recogniser.

Everything here is plain image arithmetic with OpenCV and numpy (both come with the ``ocr``
extra):

- **red stamps** — an official seal printed or pressed over a table is red: pixels much
  redder than they are green or blue are made paper-white before anything else, so the
  black print under a seal stays and the seal's own characters and ring are gone;
- **binarising** — adaptive (a local mean), so a grey scan, a yellowed page and JPEG noise
  give the same black and white; specks smaller than a dot are dropped;
- **deskew** — the angle (within ±3°) at which the rows of ink line up best (the variance of
  the row sums, found coarse then fine on a reduced copy); the page is turned back by it;
- **ruling lines** — morphology: an opening with a long thin horizontal kernel leaves the
  horizontal rules, a tall thin one the vertical rules; each rule is a run of those
  pixels. They are handed to the PDF reader's table builder as rules, exactly like a text
  PDF's: the same code finds the grid, the merged cells and the tables continued over a page;
- **cells** — the areas the rules enclose (connected regions of the page without the rules);
  inside each, the ink is cut into lines by its row profile (the gaps of 「三」 or 「二」 are
  kept inside one character by the expected character height), each line read on its own.
  A cell without ink is empty — it is never read as 0;
- **prose** — outside the tables, lines of print by the same profile over the page, and each
  line cut where a gap is wider than two characters (a page number, a signature block).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SKEW = 3.0
"""Degrees the page may be turned by (a scan fed at an angle; a photo is not read)."""


@dataclass(slots=True)
class Piece:
    """A line of print to recognise: its box on the straightened page (pixels) and the cell
    it lies in (-1: outside the tables)."""

    x0: int
    y0: int
    x1: int
    y1: int
    cell: int = -1


@dataclass(slots=True)
class Layout:
    gray: np.ndarray
    """The straightened page, stamps removed (uint8, ink dark)."""
    rules: list[tuple[int, int, int, int]]
    """Ruling lines (x0, y0, x1, y1), pixels."""
    cells: list[tuple[int, int, int, int]]
    pieces: list[Piece]
    skew: float
    stamp: bool


def remove_red(rgb: np.ndarray) -> tuple[np.ndarray, bool]:
    """The page in grey with red ink (stamps, seals) turned white; whether there was any.

    Where a pixel is redder than it is green or blue, its red channel lifted by how much redder
    it is stands for it: a seal's red and pink become white, and black print under the seal
    (dark in every channel) stays dark — so the figures a seal covers are kept and its ring and characters are gone."""
    import cv2

    r = rgb[:, :, 0]
    other = np.maximum(rgb[:, :, 1], rgb[:, :, 2])
    reddish = r.astype(np.int16) - other.astype(np.int16) > 20
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    found = int(np.count_nonzero(reddish)) > 200
    if found:
        # lighter by as much as it is red: the seal's red and pink become paper white
        # (the brighter, the more: print under the seal, dark, is hardly lifted)
        red = r[reddish].astype(np.float32)
        lifted = red + (red - other[reddish]) * (red / 255) ** 2
        gray[reddish] = np.clip(lifted, 0, 255).astype(np.uint8)
    return gray, found


def binarise(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Ink as 255 on 0 (adaptive threshold; specks smaller than a dot dropped)."""
    import cv2

    block = int(dpi / 4) | 1
    bw = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 25
    )
    bw[gray > 200] = 0  # light noise and paper texture are never ink
    return bw


def skew_angle(bw: np.ndarray) -> float:
    """The angle (degrees) by which the page's rows of ink are turned."""
    import cv2

    small = cv2.resize(bw, (bw.shape[1] // 4, bw.shape[0] // 4), interpolation=cv2.INTER_AREA)
    h, w = small.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(rows))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=score)
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=score)
    finer = max(np.arange(fine - 0.1, fine + 0.101, 0.025), key=score)
    return float(finer)


def rotate(img: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


def _runs(mask: np.ndarray, horizontal: bool, min_len: int) -> list[tuple[int, int, int, int]]:
    import cv2

    _n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for x, y, w, h, _a in stats[1:]:
        if (w if horizontal else h) >= min_len:
            out.append((int(x), int(y), int(x + w), int(y + h)))
    return out


def analyse(rgb: np.ndarray, dpi: float) -> Layout:
    """Straighten the page and find its rules, cells and lines of print."""
    import cv2

    gray, stamp = remove_red(rgb)
    bw = binarise(gray, dpi)
    angle = skew_angle(bw)
    if abs(angle) >= 0.05:
        gray = rotate(gray, angle)
        bw = binarise(gray, dpi)
    _h, _w = bw.shape
    dot = max(2, round(dpi / 100))
    long_h = max(20, int(dpi * 0.35))  # a rule is at least a third of an inch long
    long_v = max(15, int(dpi * 0.18))  # taller than a character
    horiz = cv2.morphologyEx(
        bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long_h, 1))
    )
    vert = cv2.morphologyEx(
        bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long_v))
    )
    # join a rule broken by noise or a faint scan (a few pixels apart)
    horiz = cv2.morphologyEx(
        horiz, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (dot * 3, 1))
    )
    vert = cv2.morphologyEx(
        vert, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, dot * 3))
    )
    hs = _runs(horiz, True, long_h)
    vs = _runs(vert, False, long_v)
    # a vertical rule meets a horizontal rule at both its ends; a stroke of print (「1」 in a
    # tight row) meets one at most
    tol = dot * 2
    vs = [
        v
        for v in vs
        if any(_meets(v, r, v[1], tol) for r in hs) and any(_meets(v, r, v[3], tol) for r in hs)
    ]
    hs = [r for r in hs if any(_touches(v, r, dot * 2) for v in vs)] if vs else []
    rules = hs + vs
    lines = np.zeros_like(bw)
    for x0, y0, x1, y1 in rules:
        lines[max(0, y0 - dot) : y1 + dot, max(0, x0 - dot) : x1 + dot] = 255
    ink = bw.copy()
    ink[lines > 0] = 0
    cells = _cells(lines, rules)
    pieces: list[Piece] = []
    char_px = dpi * 9 / 72  # the height of a character of a 10.5-point body
    taken = np.zeros_like(bw)
    for k, (x0, y0, x1, y1) in enumerate(cells):
        taken[y0:y1, x0:x1] = 255
        for a, b in _bands(ink[y0:y1, x0:x1], char_px, cell=True):
            band = ink[y0 + a : y0 + b, x0:x1]
            # cut where a gap is wider than a character: two figures of neighbouring cells
            # in one area (a rule between them lost under a seal) stay apart
            for s, e in _spans(band, max(b - a, char_px)):
                pieces.append(Piece(x0 + s, y0 + a, x0 + e, y0 + b, k))
    free = ink.copy()
    free[taken > 0] = 0
    for a, b in _bands(free, char_px, cell=False):
        # cut where the gap is wider than two characters
        for s, e in _spans(free[a:b], 2 * max(b - a, char_px)):
            pieces.append(Piece(s, a, e, b))
    return Layout(gray, rules, cells, pieces, angle, stamp)


def _spans(band: np.ndarray, gap: float) -> list[tuple[int, int]]:
    """The runs of ink across a band, cut where a gap is wider than ``gap`` pixels."""
    cols = np.flatnonzero(band.any(axis=0))
    if not len(cols):
        return []
    cuts = np.flatnonzero(np.diff(cols) > gap)
    starts = [cols[0], *cols[cuts + 1]]
    ends = [*cols[cuts], cols[-1]]
    return [(int(s), int(e) + 1) for s, e in zip(starts, ends, strict=True)]


def _meets(v: tuple[int, int, int, int], r: tuple[int, int, int, int], y: int, tol: int) -> bool:
    """Whether the horizontal rule ``r`` passes the vertical ``v`` at height ``y``."""
    return r[0] - 2 * tol <= v[2] and v[0] <= r[2] + 2 * tol and r[1] - tol <= y <= r[3] + tol


def _touches(v: tuple[int, int, int, int], r: tuple[int, int, int, int], tol: int) -> bool:
    return r[0] - tol <= v[0] <= r[2] + tol and v[1] - tol <= r[1] <= v[3] + tol


def _cells(
    lines: np.ndarray, rules: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """The areas enclosed by the rules (inside a table's outline), as boxes."""
    import cv2

    if not rules:
        return []
    _n, _, stats, _ = cv2.connectedComponentsWithStats(255 - lines, connectivity=4)
    h, w = lines.shape
    out = []
    for x, y, cw, ch, _a in stats[1:]:
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue  # the page around the tables
        if cw < 6 or ch < 6:
            continue
        out.append((int(x), int(y), int(x + cw), int(y + ch)))
    return out


def _bands(ink: np.ndarray, char_px: float, cell: bool) -> list[tuple[int, int]]:
    """Rows of print in ``ink``: runs of rows with ink, joined while the whole stays within
    the height of one line (「三」's strokes are one character, not three lines)."""
    rows = ink.any(axis=1)
    idx = np.flatnonzero(rows)
    if not len(idx):
        return []
    breaks = np.flatnonzero(np.diff(idx) > 1)
    runs = list(zip([idx[0], *idx[breaks + 1]], [*idx[breaks] + 1, idx[-1] + 1], strict=True))
    runs = [(int(a), int(b)) for a, b in runs]
    # specks: a run of a pixel or two with very little ink, far from print
    tall = max(b - a for a, b in runs)
    limit = max(tall, char_px) * 1.2
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and b - merged[-1][0] <= limit and a - merged[-1][1] < 0.6 * char_px:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    # a run too small to be print (a speck of noise) is dropped
    out = []
    for a, b in merged:
        band = ink[a:b]
        if int(np.count_nonzero(band)) < max(6, (char_px / 6) ** 2):
            continue
        out.append((a, b))
    return out
