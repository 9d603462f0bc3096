"""Pick a reader by a file's content (the extension only breaks ties)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from reportcheck.errors import InputError

KINDS = (
    "xlsx", "json", "html", "docx", "pdf", "markdown", "csv", "text", "xls", "ods", "doc", "odt",
    "office", "image",
)  # fmt: skip
"""``xls``: an OLE2 workbook (Excel 97–2003, WPS .et) or an Excel 2003 XML one; ``ods``:
OpenDocument spreadsheet (both read natively); ``doc``: an OLE2 Word document (Word
97–2003, WPS .wps); ``odt``: OpenDocument text; ``office``: another OLE2 file named
.wps/.et (an older WPS) — the last three are read through a LibreOffice conversion when it
is there; ``image``: a PNG, JPEG or TIFF page image (read by text recognition, the ``ocr``
extra). A Word document saved as XML is ``docx`` (the Word reader reads it); a web page
saved as one file (MHTML) is ``html``."""

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff(path: str, data: bytes) -> str:
    """The kind of a file (:data:`KINDS`), from its content: an OLE2 file by its streams, a
    zip by its members, a web page by its markup.

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
        odf = _odf_kind(data, names)
        if odf is not None:
            return odf
        if "OFD.xml" in names or "ofd.xml" in {n.lower() for n in names}:
            raise InputError(
                path,
                "是 OFD 版式文件，暂不支持读取：请提供同一报告的 PDF、Word 或网页版",
                "an OFD file (China's fixed-layout format), which is not read yet: give the "
                "same report as PDF, Word or a web page",
                unsupported=True,
            )
        raise InputError(
            path,
            "是 zip 压缩包，但既不是 Excel (.xlsx) 也不是 Word (.docx) 文件",
            "a zip archive that is neither an Excel (.xlsx) nor a Word (.docx) file",
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _ole_kind(path, data)
    pdf = data.find(b"%PDF-", 0, 1024)  # readers accept junk before the header, as PDFium does
    if pdf == 0 or (pdf > 0 and b" obj" in data[pdf : pdf + 65536]):
        return "pdf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM: sniff its text
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in data[:4096]:
        raise InputError(path, "二进制文件，不是年报", "a binary file, not a report")
    if head.startswith((b"{", b"[")):
        return "json"
    if _MHTML.match(head):
        return "html"  # a web page saved as one file (MHTML), often named .doc or .mht
    if _EXCEL_XML.search(head):
        return "xls"  # an Excel workbook saved as one XML file (Excel 2003 XML)
    if _WORD_XML.search(head):
        return "docx"  # a Word document saved as one XML file (Word 2003 XML, flat XML)
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown", ".txt") and _text_with_html_tables(head, data):
        return "markdown" if suffix != ".txt" else "text"
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
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix == ".csv":
        return "csv"
    if _STARTS_WITH_ELEMENT.match(head) and b"</" in head:  # <h1>, <section>, <span>…
        return "html"
    return "text"


_WORD_XML = re.compile(
    rb"<\?mso-application\s+progid=[\"']word\.document[\"']|<w:worddocument[\s>]"
)
"""How a Word document saved as XML starts (office systems generate these and name them
``.doc``); what the Word reader reads without a zip."""
_MHTML = re.compile(
    rb"(?:[a-z][a-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related"
)
"""Mail headers, then ``Content-Type: multipart/related`` (``head`` is lower case): MHTML."""
_EXCEL_XML = re.compile(
    rb"<\?mso-application\s+progid=[\"']excel\.sheet[\"']|urn:schemas-microsoft-com:office:spreadsheet"
)
"""How an Excel workbook saved as XML starts (Excel 2003 XML: office systems generate it
and name it ``.xls``)."""
_TABLE_CHUNK = re.compile(rb"<table\b.*?(?:</table\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_PAGE_TAG = re.compile(rb"<(?:p|div|br|span|h[1-6]|li|body|html|section|article)\b", re.IGNORECASE)


def _text_with_html_tables(head: bytes, data: bytes) -> bool:
    """A Markdown or text file that holds HTML tables in its text (a PDF converter's output:
    MinerU, pandoc): it starts with text, not markup, and outside its tables it holds no
    markup of a page — it is read as text, its tables as HTML tables."""
    if head.startswith(b"<") or b"<table" not in data.lower():
        return False
    return _PAGE_TAG.search(_TABLE_CHUNK.sub(b"", data)) is None


_STARTS_WITH_ELEMENT = re.compile(rb"<[a-z][a-z0-9:]*[\s/>]")


_ODF = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
}


def _odf_kind(data: bytes, names: set[str]) -> str | None:
    """``ods`` or ``odt`` by the ``mimetype`` member an OpenDocument file starts with."""
    if "mimetype" not in names or "content.xml" not in names:
        return None
    # the first member, stored: its bytes stand right after the local header
    name_len = int.from_bytes(data[26:28], "little")
    extra_len = int.from_bytes(data[28:30], "little")
    if data[30 : 30 + name_len] != b"mimetype":
        return None
    start = 30 + name_len + extra_len
    mime = data[start : start + 60].split(b"PK\x03\x04")[0].strip()
    return _ODF.get(mime)


def _ole_kind(path: str, data: bytes) -> str:
    """The kind of an OLE2 compound file by its stream names (not its suffix)."""
    from reportcheck.readers.ole import OleFile, kind_of

    kind = kind_of(OleFile(path, data).names())
    if kind == "encrypted":
        # a password-protected .xlsx/.docx is an OLE file holding the encrypted package
        raise InputError(
            path,
            "文件已加密（设有打开密码）：请取消密码后另存为 .xlsx 或 .docx",
            "the file is encrypted (password-protected): remove the password and save it "
            "as .xlsx or .docx",
        )
    if kind is not None:
        return kind
    if Path(path).suffix.lower() in (".wps", ".et"):
        return "office"  # an older WPS file: LibreOffice may still open it
    raise InputError(
        path,
        "损坏的 Office 文件：OLE2 文件中既没有 Excel 工作簿（Workbook）也没有 Word 文档"
        "（WordDocument）",
        "a damaged Office file: the OLE2 file holds neither an Excel workbook (Workbook) nor "
        "a Word document (WordDocument)",
    )
