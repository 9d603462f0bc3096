"""The guarded zip layer (readers/container.py) and the text decoder policy (readers/encoding.py)."""

from __future__ import annotations

import codecs
import io
import struct
import zipfile

import pytest

from hostile import W, docx, zip_of
from reportcheck import api
from reportcheck.errors import InputError
from reportcheck.readers import container
from reportcheck.readers.container import Package
from reportcheck.readers.encoding import declared_charset, decode_text, decode_utf8

TEXT = "示例县2024年政府信息公开工作年度报告，本年新收申请45件。"

# ------------------------------------------------------------------ the zip layer


def test_parts_are_read_by_name_whatever_the_case() -> None:
    pkg = Package("x.docx", zip_of({"Word/Document.XML": "<a/>"}), "docx")
    assert pkg.has("word/document.xml")
    assert pkg.read("word/document.xml") == b"<a/>"
    assert pkg.read("word/styles.xml") is None


def test_a_part_whose_header_lies_about_its_size_is_cut_at_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(container, "MAX_PART", 1000)
    data = bytearray(zip_of({"word/document.xml": "<a>" + "x" * 5000 + "</a>"}))
    # write a small uncompressed size into both headers: the unpacked bytes still count
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 22 : local + 26] = struct.pack("<I", 10)
    data[central + 24 : central + 28] = struct.pack("<I", 10)
    pkg = Package("x.docx", bytes(data), "docx")
    with pytest.raises(InputError, match=r"too large|cannot be extracted"):
        pkg.read("word/document.xml")


def test_compression_ratio_of_a_bomb_is_refused() -> None:
    data = zip_of({"word/document.xml": "<a>" + " " * 3_000_000 + "</a>"})
    with pytest.raises(InputError, match="zip bomb"):
        Package("x.docx", data, "docx").read("word/document.xml")


def test_total_unpacked_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "MAX_TOTAL", 5000)
    pkg = Package(
        "x.docx", zip_of({f"p{i}.xml": "<a>" + "y" * 2000 + "</a>" for i in range(3)}), "docx"
    )
    pkg.read("p0.xml")
    pkg.read("p1.xml")
    with pytest.raises(InputError, match="more than"):
        pkg.read("p2.xml")


def test_utf16_parts_are_read() -> None:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        xml = '<?xml version="1.0" encoding="UTF-16"?><a>表三</a>'
        root = container.parse(bom + xml.encode(codec), "x.xml")
        assert root.text == "表三"
    no_bom = '<?xml version="1.0" encoding="UTF-16"?><a>表三</a>'.encode("utf-16-le")
    assert container.parse(no_bom, "x.xml").text == "表三"


@pytest.mark.parametrize("name", ["gbk", "GB2312", "utf-32", "x-unknown", "latin-1"])
def test_other_declared_encodings_are_refused_by_name(name: str) -> None:
    with pytest.raises(container.XMLRefused, match=name.lower()):
        container.parse(f'<?xml version="1.0" encoding="{name}"?><a/>'.encode(), "x.xml")


def test_utf8_declared_in_any_spelling_is_read() -> None:
    for name in ("UTF-8", "utf8", "Utf-8"):
        assert (
            container.parse(f"<?xml version='1.0' encoding='{name}'?><a/>".encode(), "p").tag == "a"
        )


@pytest.mark.parametrize(
    "xml",
    [
        b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
        b'<!doctype a SYSTEM "file:///etc/passwd"><a/>',
        "<!DOCTYPE a><a/>".encode("utf-16"),
    ],
)
def test_doctype_and_entities_are_refused(xml: bytes) -> None:
    with pytest.raises(container.XMLRefused, match="DOCTYPE"):
        container.parse(xml, "x.xml")


def test_too_many_tags_in_a_tree_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "MAX_TAGS", 100)
    with pytest.raises(container.XMLRefused, match="tags"):
        container.parse(b"<a>" + b"<b/>" * 200 + b"</a>", "x.xml")


def test_iterparse_drops_what_was_read_and_bounds_depth() -> None:
    xml = b"<root><rows>" + b"<row><c>1</c></row>" * 5 + b"</rows></root>"
    seen = []
    for el in container.iterparse(xml, "sheet", release_depth=3):
        if el.tag == "row":
            seen.append(len(el))  # its cells are still there when it ends
        if el.tag == "rows":
            assert len(el) == 0  # the rows were dropped after being read
    assert seen == [1] * 5
    deep = b"<a>" * (container.MAX_DEPTH + 1) + b"</a>" * (container.MAX_DEPTH + 1)
    with pytest.raises(container.XMLRefused, match="deep"):
        list(container.iterparse(deep, "sheet"))


def test_word_and_excel_name_the_part_and_the_file() -> None:
    data = docx("<w:p/>", '<?xml version="1.0" encoding="gbk"?>')
    with pytest.raises(InputError) as err:
        api.read_bytes("报告 一.docx", data)
    assert err.value.text("en").startswith("报告 一.docx: not a valid Word file: word/document.xml")
    assert "word/document.xml" in err.value.text("zh")


def test_a_numbering_part_that_is_not_xml_only_loses_the_numbers() -> None:
    doc = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>示例县2024年政府信息公开工作年度报告'
        "</w:t></w:r></w:p></w:body></w:document>"
    )
    data = zip_of({"word/document.xml": doc, "word/numbering.xml": "<w:numbering"})
    report = api.read_bytes("x.docx", data)
    assert report.metadata.year == 2024


def test_many_members_are_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for i in range(container.MAX_MEMBERS + 1):
            z.writestr(f"m{i}", "")
        z.writestr("word/document.xml", "<a/>")
    with pytest.raises(InputError, match="members"):
        api.read_bytes("x.docx", buf.getvalue())


# ------------------------------------------------------------------ the decoder policy


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("gbk"),
        TEXT.encode("gb18030"),
    ],
)
def test_every_encoding_reports_come_in(data: bytes) -> None:
    assert decode_text("x.txt", data) == TEXT


def test_a_declared_encoding_is_used_when_the_bytes_are_not_utf8() -> None:
    big5 = "政府資訊公開年度報告".encode("big5")
    assert decode_text("x.html", big5, "big5") == "政府資訊公開年度報告"
    # an unknown or impossible declaration is ignored: GB18030 then
    assert decode_text("x.html", TEXT.encode("gbk"), "x-unknown") == TEXT
    assert decode_text("x.html", TEXT.encode("gbk"), "utf-16") == TEXT
    # valid UTF-8 wins over what the page says
    assert decode_text("x.html", TEXT.encode(), "gbk") == TEXT


def test_utf8_with_a_damaged_character_stays_utf8() -> None:
    data = (TEXT * 50).encode()  # a page of text: one character damaged in 1,400
    damaged = data[:6] + data[7:]  # 县 cut in half
    text = decode_text("x.txt", damaged)
    assert "\ufffd" in text and "政府信息公开" in text


def test_bytes_that_are_no_text_are_one_error() -> None:
    with pytest.raises(InputError, match="cannot decode") as err:
        decode_text("x.txt", b"\x81\x20" * 50)
    assert (
        err.value.text("zh")
        == "x.txt: 无法识别文字编码：应为 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16"
    )


def test_declared_charset_from_meta_or_xml() -> None:
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
        == "gbk"
    )
    assert declared_charset(b"<meta charset='utf-8'>") == "utf-8"
    assert declared_charset(b'<?xml version="1.0" encoding="GB2312"?><html/>') == "gb2312"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_json_is_utf8_only() -> None:
    assert decode_utf8("x.json", codecs.BOM_UTF8 + b"{}") == "{}"
    with pytest.raises(InputError, match="byte 2"):
        decode_utf8("x.json", b'{"\xff": 1}')


def test_select_gives_the_same_elements_from_a_tree_and_incrementally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        + "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 6))
        + '</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>'
        + "<x:row xmlns:x='urn:other'/>"
        + "<extLst><ext><row r='99'/></ext></extLst></worksheet>"  # deeper than rows stand
    ).encode()
    names = frozenset({"row", "mergeCell"})

    def seen() -> list[tuple[str, int, str | None]]:
        return [
            (el.tag.rpartition("}")[2], len(el), el.get("r"))
            for el in container.select(xml, "sheet", names, release_depth=3)
        ]

    tree = seen()
    assert [t for t, _, _ in tree] == ["row"] * 5 + ["mergeCell", "row"]
    assert [n for _, n, _ in tree[:5]] == [1] * 5  # each row whole, with its cell
    assert "99" not in [r for _, _, r in tree]  # looked for down to release_depth only
    monkeypatch.setattr(container, "TREE_BYTES", 10)  # the incremental path
    assert seen() == tree


def test_select_keeps_the_guards_of_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'
    for size in (container.TREE_BYTES, 0):
        monkeypatch.setattr(container, "TREE_BYTES", size)
        with pytest.raises(container.XMLRefused, match="DOCTYPE"):
            list(container.select(doctype, "sheet", frozenset({"a"})))
        with pytest.raises(container.XMLMalformed):
            list(container.select(b"<a><b></a>", "sheet", frozenset({"b"})))
    deep = b"<a>" * (container.MAX_DEPTH + 1) + b"</a>" * (container.MAX_DEPTH + 1)
    with pytest.raises(container.XMLRefused, match="deep"):  # a large part: streamed
        list(container.select(deep, "sheet", frozenset({"a"})))


def _archive(method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        zf.writestr("xl/workbook.xml", "<workbook>" + "表" * 3000 + "</workbook>")
        zf.writestr("xl/中文名.xml", b"<a/>")
        zf.writestr("empty.xml", b"")
    return buf.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_parts_unpacked_straight_are_what_zipfile_gives(method: int) -> None:
    data = _archive(method)
    pkg = Package("x.xlsx", data, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            assert pkg._plain(info) is not None  # the straight path is the one taken
            assert pkg.read(info.filename) == zf.read(info)


def test_an_unusual_member_is_left_to_zipfile_and_its_checks() -> None:
    data = bytearray(_archive(zipfile.ZIP_DEFLATED))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/workbook.xml")
        start = info.header_offset + 30 + len(info.filename.encode())
    data[start + 5] ^= 0xFF  # damage the packed bytes: inflate fails or the CRC differs
    pkg = Package("x.xlsx", bytes(data), "xlsx")
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        assert pkg._plain(zf.getinfo("xl/workbook.xml")) is None
    with pytest.raises(InputError, match=r"xl/workbook\.xml"):
        pkg.read("xl/workbook.xml")
    assert pkg.read("empty.xml") == b""  # the other members still read
