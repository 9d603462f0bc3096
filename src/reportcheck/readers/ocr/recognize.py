"""Recognising the text of a crop: one line of print, a cell's line or a lone digit.

The recognition model is PP-OCRv4's Chinese text-line recogniser as shipped inside the
``rapidocr-onnxruntime`` wheel (the ``ocr`` extra): nothing is downloaded, ever. Only the
recogniser is used — where the text stands is found from the page's own structure
(:mod:`.layout`), so the detection model, the slow half of whole-page OCR, is never run.

Each crop is run on its own, on one thread: a batch is as wide as its widest crop, and
onnxruntime's CPU kernels take more time per column of a batch than of the same crops run
one by one (measured on the 138 crops of report 009's five pages at 200 dpi: 8.2 s of CPU in
batches of up to 24, 5.5 s one by one), and a crop alone is not padded with grey to its
neighbour's width. Each result is the text and the confidence of its least sure character
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
        """Read gray crops (uint8, ink dark on white, already padded), one at a time."""
        out = []
        for crop in crops:
            width = _width(crop)
            img = _resize(crop, width)
            batch = np.zeros((1, 3, HEIGHT, width), dtype=np.float32)
            batch[0, :, :, : img.shape[2]] = img
            pred = self.session.run(None, {self.input: batch})[0]
            out.append(self._decode(pred[0]))
        return out

    def _decode(self, pred: np.ndarray) -> Reading:
        idx = pred.argmax(axis=1)
        prob = pred.max(axis=1)
        steps = len(idx)
        chars: list[tuple[str, float, float]] = []
        last = 0
        for t in range(steps):
            c = int(idx[t])
            if c != 0 and c != last:
                chars.append((self.alphabet[c], float(prob[t]), (t + 0.5) / steps))
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
