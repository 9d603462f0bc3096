"""Recognising the text of a crop: one line of print, a cell's line or a lone digit.

The recognition model is PP-OCRv4's Chinese text-line recogniser as shipped inside the
``rapidocr-onnxruntime`` wheel (the ``ocr`` extra): nothing is downloaded, ever. Only the
recogniser is used — where the text stands is found from the page's own structure
(:mod:`.layout`), so the detection model, the slow half of whole-page OCR, is never run.

Crops are grouped by width (a group is as wide as its widest crop: lone digits go together,
long lines together) and each is padded with grey to its group's width — the model reads a
short crop more surely with grey after it, as it was trained (PaddleOCR pads to at least 320
columns): 「-1-」 alone 0.77, padded 0.97. Each crop is then run on its own, on one thread:
onnxruntime's CPU kernels cost more per column in a batch than one by one, and a crop's
reading does not depend on the others in its batch, so the readings are those of the batch,
bit for bit, in three quarters of the time (the crops of report 009's five pages at 200 dpi:
8.5–9.5 s of CPU batched, 6.8–6.9 s one by one). Each result is the text and the confidence of its least sure character
(a figure is only as sure as its worst digit), not the mean.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HEIGHT = 48
"""The recogniser's input height (pixels)."""
MAX_WIDTH = 2400
"""A crop wider than this (at the input height) is squeezed: a line of 50 characters."""
_GROUP_PIXELS = 48 * 320 * 24
"""Input pixels per group of crops (each padded to the group's widest)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A crop's text and how sure the recogniser is of it (its least sure character)."""

    text: str
    confidence: float
    chars: tuple[tuple[str, float, float], ...] = ()
    """Each character with its confidence and where it stands (0–1 across the crop)."""


class Recognizer:
    """The recognition model, loaded once per process (:func:`recognizer`)."""

    def __init__(self) -> None:
        import importlib.util

        import onnxruntime as ort

        # the wheel's folder, found without importing the package (its import runs its
        # whole pipeline's modules: 80 ms for a model file's path)
        spec = importlib.util.find_spec("rapidocr_onnxruntime")
        if spec is None or spec.origin is None:  # (the caller asked available() first)
            raise ModuleNotFoundError("rapidocr_onnxruntime")
        model = Path(spec.origin).parent / "models" / "ch_PP-OCRv4_rec_infer.onnx"
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 4
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        meta = self.session.get_modelmeta().custom_metadata_map
        self.alphabet = ["", *meta["character"].splitlines(), " "]
        self.input = self.session.get_inputs()[0].name

    def __call__(self, crops: list[np.ndarray]) -> list[Reading]:
        """Read gray crops (uint8, ink dark on white, already padded): each padded to its
        group's width and run alone (see the module)."""
        out: list[Reading | None] = [None] * len(crops)
        widths = [_width(c) for c in crops]
        order = sorted(range(len(crops)), key=lambda i: widths[i])
        k = 0
        while k < len(order):
            n = 1
            while k + n < len(order) and widths[order[k + n]] * (n + 1) * HEIGHT <= _GROUP_PIXELS:
                n += 1
            group = order[k : k + n]
            width = widths[group[-1]]
            for i in group:
                img = _resize(crops[i], widths[i])
                one = np.zeros((1, 3, HEIGHT, width), dtype=np.float32)
                one[0, :, :, : img.shape[2]] = img
                pred = self.session.run(None, {self.input: one})[0]
                out[i] = self._decode(pred[0], widths[i] / width)
            k += n
        return [r if r is not None else Reading("", 0.0) for r in out]

    def _decode(self, pred: np.ndarray, share: float) -> Reading:
        idx = pred.argmax(axis=1)
        prob = pred.max(axis=1)
        steps = len(idx)
        chars: list[tuple[str, float, float]] = []
        last = 0
        for t in range(steps):
            c = int(idx[t])
            if c != 0 and c != last:
                chars.append((self.alphabet[c], float(prob[t]), (t + 0.5) / steps / share))
            elif c != 0 and chars:  # the same character over several steps: its best
                ch, p, x = chars[-1]
                chars[-1] = (ch, max(p, float(prob[t])), x)
            last = c
        text = "".join(c for c, _, _ in chars)
        conf = min((p for _, p, _ in chars), default=0.0)
        return Reading(text, conf, tuple(chars))


def _width(crop: np.ndarray) -> int:
    h, w = crop.shape[:2]
    width = int(np.ceil(HEIGHT * w / max(h, 1)))
    return int(min(MAX_WIDTH, max(HEIGHT, (width + 7) // 8 * 8)))


def _resize(crop: np.ndarray, width: int) -> np.ndarray:
    import cv2

    h, w = crop.shape[:2]
    target = min(width, max(1, round(w * HEIGHT / max(h, 1))))
    shrink = h > HEIGHT
    img = cv2.resize(
        crop, (target, HEIGHT), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC
    )
    norm = img.astype(np.float32) / 127.5 - 1.0
    return np.broadcast_to(norm, (3, HEIGHT, norm.shape[1]))


_LOCK = threading.Lock()
_ONE: list[Recognizer] = []


def recognizer() -> Recognizer:
    """The process's recogniser (loading the model takes a few tenths of a second)."""
    with _LOCK:
        if not _ONE:
            _ONE.append(Recognizer())
        return _ONE[0]
