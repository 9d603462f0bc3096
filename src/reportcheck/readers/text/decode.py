"""Decoding a text or Markdown file: the one policy of :mod:`reportcheck.readers.encoding`
(BOM, UTF-8, UTF-8 with a few damaged bytes, GB18030/GBK; UTF-16 with a BOM)."""

from __future__ import annotations

from reportcheck.model.labels import fold_radicals
from reportcheck.readers.encoding import decode_text, visible


def decode(path: str, data: bytes) -> str:
    """The text of a file (see :func:`reportcheck.readers.encoding.decode_text`), its
    radicals the characters they stand for (text taken from a PDF: 「⼀、总体情况」, see
    :data:`reportcheck.model.labels.RADICALS`), without the characters that show nothing
    (:func:`~reportcheck.readers.encoding.visible`)."""
    return visible(fold_radicals(decode_text(path, data)))
