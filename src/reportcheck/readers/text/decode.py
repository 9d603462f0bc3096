"""Decoding a text or Markdown file: the one policy of :mod:`reportcheck.readers.encoding`
(BOM, UTF-8, UTF-8 with a few damaged bytes, GB18030/GBK; UTF-16 with a BOM)."""

from __future__ import annotations

from reportcheck.readers.encoding import decode_text, visible


def decode(path: str, data: bytes) -> str:
    """The text of a file (see :func:`reportcheck.readers.encoding.decode_text`), without
    the characters that show nothing and with radicals as the characters they stand for
    (:func:`~reportcheck.readers.encoding.visible`)."""
    return visible(decode_text(path, data))
