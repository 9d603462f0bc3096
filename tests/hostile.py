"""Hostile and broken inputs (issue 12): each must give findings or one line, exit 2.

Each case is a file name and the bytes of a file built here (nothing is checked in):
deep nesting, foreign encodings in Office parts, huge numbers, far cell references,
spans and merges over millions of cells, long digit runs, zip bombs, DOCTYPEs and
damaged zips. :data:`CASES` maps a case's name to a builder; ``tests/test_hostile.py``
reads every one, and ``benchmarks/hostile.py`` measures the time and memory of each.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def zip_of(parts: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buf.getvalue()


# ------------------------------------------------------------------ Word


def docx(body: str, decl: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') -> bytes:
    doc = f'{decl}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    return zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": doc})


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


TITLE = _p("示例县2024年政府信息公开工作年度报告") + _p("一、总体情况")


def docx_deep_ins() -> bytes:
    return docx(TITLE + "<w:ins>" * 50_000 + _p("文字") + "</w:ins>" * 50_000)


def docx_deep_customxml_runs() -> bytes:
    inner = "<w:customXml>" * 20_000 + "<w:r><w:t>1</w:t></w:r>" + "</w:customXml>" * 20_000
    return docx(TITLE + f"<w:p>{inner}</w:p>")


def docx_deep_customxml_rows() -> bytes:
    row = "<w:tr><w:tc><w:p/></w:tc></w:tr>"
    tbl = "<w:tbl>" + "<w:customXml>" * 20_000 + row + "</w:customXml>" * 20_000 + "</w:tbl>"
    return docx(TITLE + tbl)


def docx_nested_tables() -> bytes:
    return docx(TITLE + "<w:tbl><w:tr><w:tc>" * 3000 + _p("1") + "</w:tc></w:tr></w:tbl>" * 3000)


def docx_gridspan() -> bytes:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="99999999999"/></w:tcPr>' + _p("1") + "</w:tc>"
    return docx(TITLE + "<w:tbl>" + f"<w:tr>{cell}{cell}</w:tr>" * 20 + "</w:tbl>")


def docx_gridspan_rows() -> bytes:
    """Many rows of the widest span Word allows: the grid must stay bounded."""
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="63"/><w:vMerge/></w:tcPr><w:p/></w:tc>'
    return docx(TITLE + "<w:tbl>" + f"<w:tr>{cell * 3}</w:tr>" * 20_000 + "</w:tbl>")


def docx_encoding(name: str) -> Callable[[], bytes]:
    return lambda: docx(TITLE, f'<?xml version="1.0" encoding="{name}"?>')


def docx_utf16() -> bytes:
    doc = (
        f'<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="{W}"><w:body>{TITLE}'
        "</w:body></w:document>"
    )
    return zip_of({"word/document.xml": doc.encode("utf-16")})


def docx_billion_laughs() -> bytes:
    ents = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]>'
        f'<w:document xmlns:w="{W}"><w:body>{_p("&j;")}</w:body></w:document>'
    )
    return zip_of({"word/document.xml": doc})


def docx_bomb() -> bytes:
    doc = (
        f'<w:document xmlns:w="{W}"><w:body>' + " " * (20 * 1024 * 1024) + "</w:body></w:document>"
    )
    return zip_of({"word/document.xml": doc})


def docx_many_elements() -> bytes:
    return docx(TITLE + "<w:p/>" * 2_000_000)


# ------------------------------------------------------------------ Excel


def xlsx(sheet: str, strings: str | None = None, decl: str = "") -> bytes:
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": (
            f'{decl}<workbook xmlns="{S}" xmlns:r="{R}"><sheets>'
            '<sheet name="表三" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": f'{decl}<worksheet xmlns="{S}">{sheet}</worksheet>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{S}">{strings}</sst>'
    return zip_of(parts)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def example_xlsx(cells: str = "", merges: str = "", value: tuple[str, str] | None = None) -> bytes:
    """The valid example workbook with ``cells`` (rows) added to the 表三 sheet, merged
    ranges added, or the ``<v>`` of one cell replaced (cell reference, new text)."""
    data = (EXAMPLES / "2021-valid.xlsx").read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    sheet = _sheet_of(src, "表三")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == sheet:
                text = content.decode()
                text = text.replace("</sheetData>", cells + "</sheetData>")
                if merges:
                    if "</mergeCells>" in text:
                        text = text.replace("</mergeCells>", merges + "</mergeCells>")
                    else:
                        text = text.replace(
                            "</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>"
                        )
                if value is not None:
                    ref, new = value
                    i = text.index(f'<c r="{ref}"')
                    i = text.index("<v>", i) + 3
                    text = text[:i] + new + text[text.index("</v>", i) :]
                content = text.encode()
            z.writestr(info, content)
    return out.getvalue()


def _sheet_of(z: zipfile.ZipFile, name: str) -> str:
    """The part of the sheet called ``name``."""
    import re

    book = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'name="{name}"[^>]*r:id="([^"]+)"', book)
    if rid is None:  # attributes in another order
        rid = re.search(rf'r:id="([^"]+)"[^>]*name="{name}"', book)
    assert rid is not None, book
    target = re.search(rf'Id="{rid[1]}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{rid[1]}"', rels
    )
    assert target is not None
    return "xl/" + target[1].lstrip("/").removeprefix("xl/")


def xlsx_far_refs() -> bytes:
    cell = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return example_xlsx(cell, '<mergeCell ref="A40:XFD1048576"/>')


def xlsx_beyond_excel() -> bytes:
    return example_xlsx('<row r="99999999"><c r="ZZZ99999999"><v>1</v></c></row>')


def xlsx_huge_merges() -> bytes:
    cells = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in "ABCDEFGHIJ") + "</row>"
        for r in range(100, 400)
    )
    merges = "".join(f'<mergeCell ref="A{r}:IV{r + 250}"/>' for r in range(100, 400))
    return example_xlsx(cells, merges)


def xlsx_many_merges() -> bytes:
    merges = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(100, 400_000))
    return example_xlsx("", merges)


def xlsx_bad_refs() -> bytes:
    cells = '<c r="!!"><v>1</v></c><c r="A0"><v>2</v></c><c r="1A"><v>3</v></c>'
    return example_xlsx(f'<row r="x">{cells}</row><row r="-5">{cells}</row>')


def xlsx_bad_shared_index() -> bytes:
    return xlsx(
        '<sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData>',
        "<si><t>表三</t></si>",
    )


def xlsx_huge_number() -> bytes:
    return example_xlsx(value=("D5", "9" * 5000))


def xlsx_huge_exponent() -> bytes:
    return example_xlsx(value=("D5", "1E+999999999"))


def xlsx_30_digit_count() -> bytes:
    """The example workbook with one count of 30 digits: a finding, not a crash."""
    return example_xlsx(value=("D5", "1" * 30))


def xlsx_strings_bomb() -> bytes:
    """Shared strings that unpack to 162 MB from a few hundred KB (the issue's case)."""
    si = "<si><t>" + "表" * 60 + "</t></si>"
    return xlsx("<sheetData/>", si * (162_000_000 // len(si.encode())))


def xlsx_encoding(name: str) -> Callable[[], bytes]:
    return lambda: xlsx("<sheetData/>", decl=f'<?xml version="1.0" encoding="{name}"?>')


def xlsx_cells_flood() -> bytes:
    row = "<row>" + "<c/>" * 1000 + "</row>"
    return xlsx("<sheetData>" + row * 1500 + "</sheetData>")


def damaged_zip_negative_seek() -> bytes:
    """A zip whose end record points before the start of the file."""
    data = bytearray(xlsx("<sheetData/>"))
    eocd = data.rfind(b"PK\x05\x06")
    data[eocd + 16 : eocd + 20] = (0xFFFFFF00).to_bytes(4, "little")  # central dir offset
    return bytes(data)


def damaged_zip_truncated() -> bytes:
    return (EXAMPLES / "2021-valid.xlsx").read_bytes()[:3000]


def zip_many_members() -> bytes:
    return zip_of({f"word/m{i}.xml": "" for i in range(10_000)} | {"word/document.xml": "<a/>"},
                  zipfile.ZIP_STORED)  # fmt: skip


# ------------------------------------------------------------------ .xls (OLE2), .ods

OLD = ROOT / "tests" / "data" / "old"


def _xls_with(change: Callable[[bytearray, list[int], int], None]) -> bytes:
    """report-2021.xls (made by LibreOffice) with ``change(data, chain, sector_size)`` made to
    its bytes; ``chain`` lists the sectors of the Workbook stream, in order."""
    from reportcheck.readers.ole import OleFile

    data = bytearray((OLD / "report-2021.xls").read_bytes())
    ole = OleFile("x.xls", bytes(data))
    start = next(e[2] for e in ole.entries if e[0] == "Workbook")
    chain = [start]
    while ole.fat[chain[-1]] < 0xFFFFFFFC:
        chain.append(ole.fat[chain[-1]])
    change(data, chain, ole.size)
    return bytes(data)


def _set_fat(data: bytearray, size: int, sector: int, value: int) -> None:
    """Point FAT entry ``sector`` at ``value`` (the FAT's first sector is listed at 76)."""
    first_fat = int.from_bytes(data[76:80], "little")
    at = (first_fat + 1) * size + sector * 4
    data[at : at + 4] = value.to_bytes(4, "little")


def xls_sector_loop() -> bytes:
    """The Workbook stream's chain comes back to its first sector."""
    return _xls_with(lambda d, chain, size: _set_fat(d, size, chain[3], chain[0]))


def xls_sector_past_end() -> bytes:
    """A link of the Workbook stream's chain points far past the end of the file."""
    return _xls_with(lambda d, chain, size: _set_fat(d, size, chain[1], 0x00FFFFF0))


def _far_cell(d: bytearray, chain: list[int], size: int) -> None:
    """Move the workbook's last NUMBER cell to IV65536: two cells, a 16.7-million-cell sheet
    for a reader that makes a dense grid."""
    stream = b"".join(d[(s + 1) * size : (s + 2) * size] for s in chain)
    at, last = 0, -1
    while at + 4 <= len(stream):
        rtype = int.from_bytes(stream[at : at + 2], "little")
        length = int.from_bytes(stream[at + 2 : at + 4], "little")
        if rtype in (0x0203, 0x027E):  # NUMBER, RK
            last = at + 4
        at += 4 + length
    assert last > 0
    for k, byte in enumerate((65535).to_bytes(2, "little") + (255).to_bytes(2, "little")):
        pos = last + k
        sector = chain[pos // size]
        d[(sector + 1) * size + pos % size] = byte


def xls_far_cell() -> bytes:
    return _xls_with(_far_cell)


def xls_truncated() -> bytes:
    return (OLD / "report-2021.xls").read_bytes()[:9000]


def ole_no_workbook() -> bytes:
    """An OLE2 header and nothing sensible after it (zeros)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods(rows: str) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
        "<office:body><office:spreadsheet>"
        f'<table:table table:name="表三">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   zipfile.ZIP_STORED)  # fmt: skip
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def ods_repeated_value() -> bytes:
    """One value cell repeated over 1,048,576 rows x 1,024 columns: a billion cells."""
    cell = '<table:table-cell table:number-columns-repeated="1024" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
    return ods(f'<table:table-row table:number-rows-repeated="1048576">{cell}</table:table-row>')


def ods_far_cell() -> bytes:
    """A1 and a value 1,000,000 rows and 1,000 columns further."""
    first = '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    gap = '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
    far = '<table:table-row><table:table-cell table:number-columns-repeated="1000"/><table:table-cell office:value-type="float" office:value="2"/></table:table-row>'
    return ods(first + gap + far)


# ------------------------------------------------------------------ text, HTML, JSON, CSV


def html_deep_tags() -> bytes:
    return (
        "<html><body>" + "<div><span>" * 100_000 + "一、总体情况" + "</span></div>" * 100_000
    ).encode()


def html_nested_tables() -> bytes:
    return (
        "<html><body>" + "<table><tr><td>" * 20_000 + "1" + "</td></tr></table>" * 20_000
    ).encode()


def html_huge_spans() -> bytes:
    row = '<tr><td rowspan="65534" colspan="1000">1</td></tr>'
    return ("<html><body><table>" + row * 500 + "</table></body></html>").encode()


def html_unknown_charset() -> bytes:
    return '<html><head><meta charset="x-unknown"></head><body><p>表三 行政许可</p></body></html>'.encode(
        "gbk"
    )


def json_deep() -> bytes:
    return b'{"applications": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def json_deep_objects() -> bytes:
    return b'{"applications": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"}"


def json_huge_number() -> bytes:
    doc = json.loads((EXAMPLES / "2021-valid.json").read_text(encoding="utf-8"))
    text = json.dumps(doc, ensure_ascii=False)
    return text.replace('"total": ', '"total": ' + "9" * 5000 + ', "x": ', 1).encode()


def json_30_digit() -> bytes:
    doc = json.loads((EXAMPLES / "2021-valid.json").read_text(encoding="utf-8"))
    doc["applications"]["new_received"]["natural_person"] = int("1" * 30)
    return json.dumps(doc, ensure_ascii=False).encode()


def json_huge_exponent() -> bytes:
    doc = (EXAMPLES / "2021-valid.json").read_text(encoding="utf-8")
    return doc.replace('"total": ', '"total": 1e999999999, "y": ', 1).encode()


def _text_report(extra: str) -> bytes:
    return ("示例县2024年政府信息公开工作年度报告\n一、总体情况\n" + extra).encode()


def _glued(t3: dict[str, str] | None = None, t4: str = "100120001100000") -> bytes:
    from test_text_reader import glued_text  # type: ignore[import-not-found]

    return glued_text(t3, t4=t4).encode()


def text_glued_digits() -> bytes:
    """A page whose cells ran together, one 表三 row a run of 100,000 digits."""
    return _glued({"new_received": "7" * 100_000})


def text_glued_table4() -> bytes:
    """表四 as a run of 5,000 digits (its 15 cells cannot be split out of it)."""
    return _glued(t4="1" * 5000)


def text_many_glued_rows() -> bytes:
    """Every 表三 row a run of 38 digits (just under the splitter's limit): many readings."""
    from test_text_reader import _labels  # type: ignore[import-not-found]

    return _glued({_row(cells[-1]): "1" * 38 for cells, _ in _labels("glued")})


def _row(label: str) -> str:
    from test_text_reader import _row_id  # type: ignore[import-not-found]

    return str(_row_id(label))


def text_huge_prose_number() -> bytes:
    return _text_report(
        "本年共收到政府信息公开申请" + "9" * 5000 + "件，办结" + "8" * 5000 + "件。\n"
    )


def text_long_line() -> bytes:
    return _text_report("表三 " + "行政许可 " * 200_000 + "\n")


def text_long_label() -> bytes:
    """A table whose label is 100,000 characters long (the renderer must elide it)."""
    return _text_report("| " + "很长的标签" * 20_000 + " | 1 | 2 |\n| 行政许可 | 1 | x |\n")


def text_huge_table() -> bytes:
    rows = "".join(f"| 行{i} | " + " | ".join("x" for _ in range(30)) + " |\n" for i in range(5000))
    return _text_report("表三\n" + rows)


def csv_long_field() -> bytes:
    return ("单位名称,示例局\n" + "a" * 2_000_000 + "\n").encode()


def csv_nul() -> bytes:
    return b"a,b\n\x00\x00,1\n"


def text_gb18030_undecodable() -> bytes:
    return b"\x81\x20" * 5000


# ------------------------------------------------------------------ files saved as one XML or MIME file


_SSML = (
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表三"><Table>'
)


def excel_xml_merges() -> bytes:
    """Excel 2003 XML: 2,000 cells each merged 10,000 rows down (20 million positions)."""
    cell = '<Cell ss:MergeDown="9999"><Data ss:Type="String">合计</Data></Cell>'
    rows = "".join(f'<Row ss:Index="{i * 2 + 1}">{cell}</Row>' for i in range(2000))
    return (_SSML + rows + "</Table></Worksheet></Workbook>").encode()


def excel_xml_far_index() -> bytes:
    """Excel 2003 XML: a row and a cell placed far beyond Excel's sheet."""
    row = '<Row ss:Index="99999999999"><Cell ss:Index="999999999"><Data ss:Type="Number">1'
    return (_SSML + row + "</Data></Cell></Row></Table></Worksheet></Workbook>").encode()


def word_xml_deep() -> bytes:
    """Word 2003 XML: 50,000 nested wx:sect around a paragraph."""
    body = (
        "<wx:sect>" * 50_000
        + "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
        + "</wx:sect>" * 50_000
    )
    return (
        '<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
        f'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"><w:body>{body}'
        "</w:body></w:wordDocument>"
    ).encode()


def mhtml_nested() -> bytes:
    """A single-file web page (MHTML) of 3,000 multipart parts nested in each other."""
    message = b"<html><body><table><tr><td>1</td></tr></table></body></html>"
    for i in range(3000):
        head = f'Content-Type: multipart/related; boundary="b{i}"\r\n\r\n--b{i}\r\n'
        message = head.encode() + message + f"\r\n--b{i}--\r\n".encode()
    return b"MIME-Version: 1.0\r\n" + message


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xls: a sector chain that loops": ("loop.xls", xls_sector_loop),
    "xls: a sector chain pointing past the end": ("past-end.xls", xls_sector_past_end),
    "xls: a cell moved to IV65536": ("far.xls", xls_far_cell),
    "xls: truncated workbook": ("truncated.xls", xls_truncated),
    "xls: an OLE2 header and zeros": ("zeros.xls", ole_no_workbook),
    "ods: a value repeated over 1,048,576 x 1,024 cells": ("repeated.ods", ods_repeated_value),
    "ods: a value 1,000,000 rows and 1,000 columns from A1": ("far.ods", ods_far_cell),
    "docx: 50,000 nested w:ins": ("deep-ins.docx", docx_deep_ins),
    "docx: 20,000 nested w:customXml around a run": ("deep-runs.docx", docx_deep_customxml_runs),
    "docx: 20,000 nested w:customXml around a row": ("deep-rows.docx", docx_deep_customxml_rows),
    "docx: 3,000 nested tables": ("nested-tables.docx", docx_nested_tables),
    "docx: gridSpan=99999999999": ("gridspan.docx", docx_gridspan),
    "docx: 20,000 rows of 3 cells spanning 63 columns": ("spans.docx", docx_gridspan_rows),
    "docx: encoding='gbk' declared": ("gbk.docx", docx_encoding("gbk")),
    "docx: encoding='utf-32' declared": ("utf32.docx", docx_encoding("utf-32")),
    "docx: encoding='x-unknown' declared": ("unknown.docx", docx_encoding("x-unknown")),
    "docx: UTF-16 document.xml": ("utf16.docx", docx_utf16),
    "docx: billion laughs (DOCTYPE, entities)": ("laughs.docx", docx_billion_laughs),
    "docx: document.xml unpacking to 20 MB": ("bomb.docx", docx_bomb),
    "docx: 2,000,000 empty paragraphs": ("elements.docx", docx_many_elements),
    "xlsx: far cell XFD1048576 and a merge A1:XFD1048576": ("far.xlsx", xlsx_far_refs),
    "xlsx: a cell reference beyond Excel's sheet": ("beyond.xlsx", xlsx_beyond_excel),
    "xlsx: 300 merges of 251x256 over 3,000 cells": ("merges.xlsx", xlsx_huge_merges),
    "xlsx: 400,000 merged ranges": ("many-merges.xlsx", xlsx_many_merges),
    "xlsx: bad cell references and row numbers": ("bad-refs.xlsx", xlsx_bad_refs),
    "xlsx: shared-string index out of range": ("bad-index.xlsx", xlsx_bad_shared_index),
    "xlsx: a 5,000-digit number": ("huge-number.xlsx", xlsx_huge_number),
    "xlsx: 1E+999999999": ("exponent.xlsx", xlsx_huge_exponent),
    "xlsx: a 30-digit count in the example": ("30-digits.xlsx", xlsx_30_digit_count),
    "xlsx: shared strings unpacking to 162 MB": ("strings-bomb.xlsx", xlsx_strings_bomb),
    "xlsx: 1,500,000 empty cells": ("cells.xlsx", xlsx_cells_flood),
    "xlsx: encoding='gbk' declared": ("gbk.xlsx", xlsx_encoding("gbk")),
    "xlsx: encoding='x-unknown' declared": ("unknown.xlsx", xlsx_encoding("x-unknown")),
    "zip: central directory offset far past the end": (
        "negative-seek.xlsx",
        damaged_zip_negative_seek,
    ),
    "zip: truncated workbook": ("truncated.xlsx", damaged_zip_truncated),
    "zip: 10,000 members": ("members.docx", zip_many_members),
    "html: 100,000 nested div/span": ("deep.html", html_deep_tags),
    "html: 20,000 nested tables": ("nested.html", html_nested_tables),
    "html: 500 cells of rowspan=65534 colspan=1000": ("spans.html", html_huge_spans),
    "html: charset x-unknown, GBK bytes": ("charset.html", html_unknown_charset),
    "json: 100,000 nested arrays": ("deep.json", json_deep),
    "json: 50,000 nested objects": ("deep-objects.json", json_deep_objects),
    "json: a 5,000-digit number": ("huge-number.json", json_huge_number),
    "json: a 30-digit count": ("30-digits.json", json_30_digit),
    "json: 1e999999999": ("exponent.json", json_huge_exponent),
    "text: 100,000 glued digits in a 表三 row": ("glued.txt", text_glued_digits),
    "text: every glued 表三 row a run of 38 digits": ("glued-rows.txt", text_many_glued_rows),
    "text: glued 表四 of 5,000 digits": ("glued-t4.txt", text_glued_table4),
    "text: 5,000-digit figures in prose": ("prose-number.txt", text_huge_prose_number),
    "text: a 1 MB line": ("long-line.txt", text_long_line),
    "text: a 100,000-character table label": ("long-label.txt", text_long_label),
    "text: a table of 5,000 rows x 30 text cells": ("huge-table.txt", text_huge_table),
    "text: undecodable bytes": ("undecodable.txt", text_gb18030_undecodable),
    "csv: a 2 MB field": ("long-field.csv", csv_long_field),
    "csv: NUL bytes": ("nul.csv", csv_nul),
    "excel xml: 2,000 cells merged 10,000 rows down": ("merges.xls", excel_xml_merges),
    "excel xml: a cell placed beyond Excel's sheet": ("far.xls", excel_xml_far_index),
    "word xml: 50,000 nested wx:sect": ("deep.doc", word_xml_deep),
    "mhtml: 3,000 nested multipart parts": ("nested.mht", mhtml_nested),
}
"""Case name → (file name, builder of its bytes)."""
