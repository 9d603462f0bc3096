"""Recognised page images made into pages like a text PDF's: characters with boxes (points)
and ruling lines, for the PDF reader's tables, lines, furniture and paragraphs.

Each line of print recognised gives its characters spread over the line's box in proportion
to their widths (a Chinese character a full em, a digit or a Latin letter half of one): the
reader then cuts cells by where characters stand, exactly as on a text PDF. A table cell
whose reading is a figure the recogniser is not sure of, or not a number where its short
reading looks like one should be, is written as one private character that stands for that
reading (:class:`Recognised`): it reaches the table as text, and :mod:`.settle` decides it
(confirmed by the table's relations, or not read: RC003) — it never becomes a number here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from reportcheck.model.report import CellState
from reportcheck.model.values import parse_text
from reportcheck.readers.ocr.layout import Piece
from reportcheck.readers.ocr.recognize import Reading, Recognizer
from reportcheck.readers.pdf.page import _Char, _Page, _Rule

SURE = 0.90
"""The confidence (of its least sure character) from which a figure is taken as read."""
MARKS = 0xF0000
"""The first private character that stands for an unsure cell (plane 15: 65 534 of them)."""
_CJK = re.compile(r"[\u3400-\u9fff]")
_VALUEISH = re.compile(r"^[\dOoIl|,.，、\-—–－/／\\×xX无口]+$")


@dataclass(slots=True)
class Unsure:
    """A table cell whose reading is not taken as it is."""

    text: str
    confidence: float
    page: int


@dataclass(slots=True)
class Recognised:
    """What recognition says beyond the characters: the unsure cells by their mark, and each
    recognised page's confidence (the mean of its lines')."""

    unsure: dict[str, Unsure] = field(default_factory=dict)
    pages: dict[int, float] = field(default_factory=dict)
    cells: dict[tuple[int, str], float] = field(default_factory=dict)
    """The least confidence of each text read in a cell, by page (for a cell that is text
    where the table wants a figure: :mod:`.settle`)."""


def recognise_pages(
    path: str, images: list[tuple[int, np.ndarray, float]]
) -> tuple[list[_Page], Recognised]:
    """Recognise page images (page number, RGB pixels, dots per inch)."""
    from reportcheck.readers.ocr.layout import analyse
    from reportcheck.readers.ocr.recognize import recognizer

    rec = recognizer()
    out = Recognised()
    pages = []
    for number, rgb, dpi in images:
        lay = analyse(rgb, dpi)
        readings = _read(rec, lay.gray, lay.pieces)
        scale = 72.0 / dpi
        h, w = lay.gray.shape
        chars: list[_Char] = []
        confs = [r.confidence for r in readings if r.text.strip()]
        out.pages[number] = float(np.mean(confs)) if confs else 0.0
        for i, piece in enumerate(lay.pieces):
            r = readings[i]
            if piece.cell >= 0 and _unsure(r.text, r.confidence):
                # one mark for the piece (a figure is one line; a label is never unsure)
                mark = chr(MARKS + len(out.unsure))
                out.unsure[mark] = Unsure(r.text.strip(), r.confidence, number)
                chars.append(
                    _Char(
                        mark, piece.x0 * scale, piece.y0 * scale, piece.x1 * scale, piece.y1 * scale
                    )
                )
            else:
                if piece.cell >= 0:
                    key = (number, r.text.strip())
                    out.cells[key] = min(out.cells.get(key, 1.0), r.confidence)
                text = r.text if piece.cell >= 0 else _prose_text(r)
                chars.extend(_chars(text, piece.x0, piece.y0, piece.x1, piece.y1, scale))
        chars.sort(key=lambda c: (c.top, c.x0))
        rules = [
            _Rule(x0 * scale, y0 * scale, x1 * scale, y1 * scale) for x0, y0, x1, y1 in lay.rules
        ]
        pages.append(_Page(number, w * scale, h * scale, chars, rules, images=1))
    return pages, out


_PACK = 12
"""Short pieces (figures in cells) read together on one strip, side by side."""


def _read(rec: Recognizer, gray: np.ndarray, pieces: list[Piece]) -> list[Reading]:
    """Each piece's reading. A piece that is a short figure in a cell is read on a strip of
    such figures set side by side a character apart (the recogniser reads figures in a line
    surely, a lone glyph less so; and one strip costs what one line does): each character
    read goes back to the figure it stands on. A figure with ink and nothing read on it
    reads as nothing, with no confidence (unsure, never empty)."""
    short = [i for i, p in enumerate(pieces) if p.cell >= 0 and (p.x1 - p.x0) <= 4 * (p.y1 - p.y0)]
    single = [i for i in range(len(pieces)) if i not in set(short)]
    out: list[Reading] = [Reading("", 0.0)] * len(pieces)
    strips: list[np.ndarray] = []
    spans: list[list[tuple[int, int, int]]] = []
    for k in range(0, len(short), _PACK):
        group = short[k : k + _PACK]
        strip, where = _strip(gray, [pieces[i] for i in group])
        strips.append(strip)
        spans.append([(i, a, b) for i, (a, b) in zip(group, where, strict=True)])
    crops = [_crop(gray, pieces[i].x0, pieces[i].y0, pieces[i].x1, pieces[i].y1) for i in single]
    results = rec(strips + crops) if strips or crops else []
    for i, r in zip(single, results[len(strips) :], strict=True):
        out[i] = r
    for strip, span, r in zip(strips, spans, results, strict=False):
        width = strip.shape[1]
        got: dict[int, list[tuple[str, float]]] = {i: [] for i, _, _ in span}
        for ch, p, x in r.chars:
            px = x * width
            i = min(
                span, key=lambda s: 0 if s[1] <= px <= s[2] else min(abs(px - s[1]), abs(px - s[2]))
            )[0]
            if ch.strip():
                got[i].append((ch, p))
        for i, chars in got.items():
            text = "".join(c for c, _ in chars)
            out[i] = Reading(text, min((p for _, p in chars), default=0.0))
    for i, piece in enumerate(pieces):
        r = out[i]
        if piece.cell >= 0 and r.confidence > 0 and _FIGURE.match(r.text.replace(" ", "")):
            marks = _marks(gray[piece.y0 : piece.y1, piece.x0 : piece.x1])
            if marks != len(r.text.replace(" ", "")):
                # more marks of ink than characters read (a minus sign lost, a digit of the
                # cell beside taken) or fewer: the figure is not taken as read
                out[i] = Reading(r.text, 0.0, r.chars)
    return out


_FIGURE = re.compile(r"^[-−—–－+]?[\d,.，]+$")


def _marks(gray: np.ndarray) -> int:
    """Separate marks of ink in a figure's crop (a digit is one, 「-1」 two, 「1,234」 five);
    specks smaller than an eighth of the height squared are not marks."""
    import cv2

    # a light threshold: the thin strokes of a small 「0」, grey at 150 dpi, keep it whole
    bw = (gray < 215).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    least = max(3, (gray.shape[0] / 8) ** 2)
    return sum(1 for k in range(1, n) if stats[k, cv2.CC_STAT_AREA] >= least)


def _strip(gray: np.ndarray, pieces: list[Piece]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Pieces set side by side on one white strip, a character apart; where each stands."""
    height = max(p.y1 - p.y0 for p in pieces)
    pad = max(4, height // 4)
    gap = max(3, height * 3 // 10)  # a third of a character: wider gaps read worse
    width = pad * 2 + sum(p.x1 - p.x0 for p in pieces) + gap * (len(pieces) - 1)
    strip = np.full((height + 2 * pad, width), 255, dtype=np.uint8)
    x = pad
    where = []
    for p in pieces:
        w, h = p.x1 - p.x0, p.y1 - p.y0
        top = pad + (height - h) // 2
        strip[top : top + h, x : x + w] = gray[p.y0 : p.y1, p.x0 : p.x1]
        where.append((x, x + w))
        x += w + gap
    return strip, where


def _prose_text(reading: Reading) -> str:
    """A line of prose as read, each digit the recogniser is not sure of written 「□」: a
    figure of the text is compared with the tables, and a digit guessed would make a false
    finding (「□」 is no digit: that figure is not compared)."""
    if not reading.chars:
        return reading.text
    return "".join(UNSURE_DIGIT if c.isdigit() and p < SURE else c for c, p, _ in reading.chars)


UNSURE_DIGIT = "□"


def _unsure(text: str, conf: float) -> bool:
    """Whether a cell's reading is a figure not taken as read: unsure, or looking like a
    figure without being one."""
    s = unicodedata.normalize("NFKC", text).replace(" ", "")
    if not s:
        return True  # ink with nothing read on it: never an empty cell
    if _CJK.search(s) and not _VALUEISH.match(s):
        return False  # a label (read loosely by the row finder anyway)
    state = parse_text(s).state
    if state is CellState.NUMBER:
        return conf < SURE
    if state is CellState.PLACEHOLDER:
        return conf < SURE
    return bool(_VALUEISH.match(s)) or len(s) <= 3


def _crop(gray: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """A line's pixels with a white margin."""
    import cv2

    piece = gray[y0:y1, x0:x1]
    h, _w = piece.shape
    pad = max(4, h // 4)
    return cv2.copyMakeBorder(piece, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)


def _chars(text: str, x0: int, y0: int, x1: int, y1: int, scale: float) -> list[_Char]:
    """The characters of a recognised line spread over its box by their widths."""
    text = text.strip()
    if not text:
        return []
    widths = [1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text]
    total = sum(widths)
    span = (x1 - x0) / total
    out = []
    x = float(x0)
    for c, wd in zip(text, widths, strict=True):
        nx = x + wd * span
        if not c.isspace():
            out.append(_Char(c, x * scale, y0 * scale, nx * scale, y1 * scale))
        x = nx
    return out
