"""How bytes become text: one policy for every text input (plain text, Markdown, HTML, CSV).

Reports come from Chinese offices: UTF-8 (with or without a BOM) from current systems,
GBK/GB18030 from Excel and Notepad on Chinese Windows, now and then UTF-16 with a BOM
("Unicode" in Notepad's save dialog), and HTML pages that declare their charset in a
``<meta>``. :func:`decode_text` decides, in this order:

1. **a byte-order mark** — UTF-8, UTF-16 or UTF-32; it names the encoding;
2. **valid UTF-8** — taken as UTF-8 whatever a page declares: Chinese text in GBK is
   practically never valid UTF-8, while UTF-8 bytes often decode as GBK gibberish;
3. **the declared encoding** (``<meta charset>``, ``<?xml encoding?>``) when it is a known
   single- or multi-byte encoding other than UTF-16/32 (which no byte-oriented page can
   be) — ``big5``, ``shift_jis``, ``latin-1`` …; an unknown name is ignored;
4. **UTF-8 with a few damaged bytes** — a CMS that cut a character in half: if at most one
   character in a hundred cannot be decoded, UTF-8 with the damaged ones replaced by
   U+FFFD (GB18030 would decode such a file without error, but as gibberish);
5. **GB18030** — a superset of GBK and GB2312, so every GBK file decodes; then GB18030
   with at most one character in a hundred damaged;

otherwise an :class:`~reportcheck.errors.InputError`: "cannot decode the text".
JSON is UTF-8 only (RFC 8259): :func:`decode_utf8` says where the first bad byte is.
"""

from __future__ import annotations

import codecs
import re

from reportcheck.errors import InputError
from reportcheck.model.labels import fold_radicals, without_invisible

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})"""
)


def visible(text: str) -> str:
    """``text`` as a person reads it: without the characters that show nothing (zero-width
    spaces, soft hyphens…: :func:`reportcheck.model.labels.without_invisible`), and with
    the radicals that stand for characters as those characters (「⼀、总体情况」 in text
    taken from a PDF: :func:`reportcheck.model.labels.fold_radicals`)."""
    return fold_radicals(without_invisible(text))


_GB = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "hz"}
"""Codec names (as :func:`codecs.lookup` normalises them) that GB18030 covers."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and the mark's length; None without one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first 8 KiB (``<meta charset>`` or ``<?xml?>``)."""
    head = data[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str | None) -> str | None:
    """The codec a declared name stands for, if it is one step 3 may use."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None  # x-unknown, a typo: ignored
    if codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")) or codec in _GB:
        return None
    if codec in ("utf-8", "utf-8-sig", "ascii"):
        return None  # valid UTF-8 was tried already; what is not is not UTF-8
    return codec


def decode_text(path: str, data: bytes, declared: str | None = None) -> str:
    """The text of a file by the policy above (``declared``: the encoding it names)."""
    found = bom_encoding(data)
    if found is not None:
        name, skip = found
        try:
            return data[skip:].decode(name)
        except UnicodeDecodeError:
            text = data[skip:].decode(name, errors="replace")
            if _mostly_good(text):
                return text
            raise _undecodable(path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec is not None:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", errors="replace")
    if _mostly_good(text):
        return text
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    text = data.decode("gb18030", errors="replace")
    if _mostly_good(text):
        return text
    raise _undecodable(path)


def decode_utf8(path: str, data: bytes, what: str = "JSON") -> str:
    """UTF-8 text (a BOM allowed), or an :class:`InputError` naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"不是 UTF-8 编码的 {what}（第 {exc.start} 字节）",
            f"not UTF-8 encoded {what} (byte {exc.start})",
        ) from None


def _undecodable(path: str) -> InputError:
    return InputError(
        path,
        "无法识别文字编码：应为 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16",
        "cannot decode the text: expected UTF-8, GBK/GB18030 or UTF-16 with a BOM",
    )


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _mostly_good(text: str) -> bool:
    """At most one character in a hundred could not be decoded (and there is text)."""
    bad = text.count("\ufffd")
    return bad * 100 <= len(_NON_ASCII.findall(text)) - bad
