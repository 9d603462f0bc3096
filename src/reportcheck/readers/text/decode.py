"""Decoding: the bytes of a text file to its text."""

from __future__ import annotations

import codecs

from reportcheck.errors import InputError


def decode(path: str, data: bytes) -> str:
    """The text of a file: BOM first, then UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        path,
        "无法识别文本编码（应为 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16）",
        "cannot decode the text (expected UTF-8, GBK/GB18030 or UTF-16 with a BOM)",
    )
