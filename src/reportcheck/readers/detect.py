"""Pick a reader by a file's content (the extension only breaks ties)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from reportcheck.errors import InputError

KINDS = ("xlsx", "json", "html", "docx", "pdf", "markdown", "csv", "text")


def sniff(path: str, data: bytes) -> str:
    """The kind of a file: xlsx, docx, pdf, json, html, markdown, csv or text.

    Raises :class:`InputError` for empty files, other zip or binary formats.
    """
    if not data.strip():
        raise InputError(path, "文件为空", "the file is empty")
    if data[:4] == b"PK\x03\x04":
        from reportcheck.readers.container import open_zip  # the reader opens it next

        try:
            names = set(open_zip(data).namelist())
        except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
            raise InputError(path, "损坏的 zip/Office 文件", "a damaged zip/Office file") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        raise InputError(
            path,
            "是 zip 压缩包，但既不是 Excel (.xlsx) 也不是 Word (.docx) 文件",
            "a zip archive that is neither an Excel (.xlsx) nor a Word (.docx) file",
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptedPackage".encode("utf-16-le") in data:
            # a password-protected .xlsx/.docx is an OLE file holding the encrypted package
            raise InputError(
                path,
                "文件已加密（设有打开密码）：请取消密码后另存为 .xlsx 或 .docx",
                "the file is encrypted (password-protected): remove the password and save it "
                "as .xlsx or .docx",
            )
        from reportcheck.inputs import UNSUPPORTED_SUFFIX

        zh, en = UNSUPPORTED_SUFFIX.get(
            Path(path).suffix.lower(),
            (
                "旧版 Excel/Word 二进制格式（.xls/.doc）不受支持：请另存为 .xlsx 或 .docx",
                "old binary Excel/Word format (.xls/.doc) is not supported: save it as .xlsx or "
                ".docx",
            ),
        )
        raise InputError(path, zh, en, unsupported=True)
    pdf = data.find(b"%PDF-", 0, 1024)  # readers accept junk before the header, as PDFium does
    if pdf == 0 or (pdf > 0 and b" obj" in data[pdf : pdf + 65536]):
        return "pdf"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM: sniff its text
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in data[:4096]:
        raise InputError(path, "二进制文件，不是年报", "a binary file, not a report")
    if head.startswith((b"{", b"[")):
        return "json"
    if (
        head.startswith(
            (
                b"<!doctype",
                b"<html",
                b"<?xml",
                b"<meta",
                b"<table",
                b"<div",
                b"<head",
                b"<body",
                b"<p",
                b"<!--",
            )
        )
        or b"<table" in data.lower()
    ):
        return "html"
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".csv":
        return "csv"
    if _STARTS_WITH_ELEMENT.match(head) and b"</" in head:  # <h1>, <section>, <span>…
        return "html"
    return "text"


_STARTS_WITH_ELEMENT = re.compile(rb"<[a-z][a-z0-9:]*[\s/>]")
