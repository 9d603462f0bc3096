"""The clerk's Word round trip: ``validate 年报.docx --annotate 年报-标注.docx`` hands back the
clerk's own document with comments in the wrong cells and on the sentence, and ``convert
年报.docx --apply-suggestions -o 年报-改正.docx`` writes the corrections as tracked changes.

The report is our own (tests/word_fixtures.py: header, footer, page number field, picture,
own style, bulleted list, 表三 and 表四 each with a wrong cell, a sentence whose figure
disagrees with 表三). The copies are opened as zips and their XML read directly (what Word
reads), by python-docx (a second parser of the package), and by reportcheck's own reader,
which must read the same tables from them. LibreOffice renders them in the slow tests.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

import word_fixtures as wf
from reportcheck import api
from reportcheck.cli import app
from reportcheck.readers import docx as docx_reader
from reportcheck.writers import word

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RED, ORANGE, YELLOW = "FFC7CE", "FFD8A8", "FFE699"
RC300_CELL = "table 2, row 6, col 4"  # 表三 （一）予以公开·自然人
RC304_CELL = "table 3, row 4, col 10"  # 表四 未经复议直接起诉·总计
runner = CliRunner()


def _report(tmp_path: Path, data: bytes | None = None, name: str = "年报.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data if data is not None else wf.build())
    return path


def _marked(tmp_path: Path, lang: str = "zh") -> tuple[Path, Path]:
    src = _report(tmp_path)
    out = tmp_path / f"年报-标注-{lang}.docx"
    res = runner.invoke(app, ["validate", str(src), "--annotate", str(out), "--lang", lang])
    assert res.exit_code == 1, res.output
    return src, out


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _document(path: Path) -> ET.Element:
    return ET.fromstring(_members(path)["word/document.xml"])


class _Comments:
    """The comments of a marked copy: text by id and the element each is anchored in."""

    def __init__(self, path: Path) -> None:
        parts = _members(path)
        self.root = ET.fromstring(parts["word/comments.xml"])
        self.text = {
            c.get(f"{W}id"): "\n".join(
                "".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")
            )
            for c in self.root
        }
        self.author = {c.get(f"{W}id"): c.get(f"{W}author") for c in self.root}
        self.date = {c.get(f"{W}id"): c.get(f"{W}date") for c in self.root}
        doc = ET.fromstring(parts["word/document.xml"])
        body = doc.find(f"{W}body")
        assert body is not None
        self.places = docx_reader.elements(
            body, parts.get("word/numbering.xml"), parts.get("word/styles.xml")
        )
        self.doc = doc

    def where(self, cid: str) -> str:
        """The reader's address of the cell or paragraph holding the comment's start."""
        for address, el in self.places.items():
            if address.startswith("table ") and address.count(",") == 0:
                continue
            for start in el.iter(f"{W}commentRangeStart"):
                if start.get(f"{W}id") == cid:
                    return address
        raise AssertionError(f"comment {cid} is not anchored in a cell or paragraph")

    def by_code(self, code: str) -> str:
        (cid,) = [k for k, v in self.text.items() if v.startswith(code)]
        return cid

    def anchored_text(self, cid: str) -> str:
        """The text between the comment's range start and end (document order)."""
        inside = False
        out = []
        for el in self.doc.iter():
            if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == cid:
                inside = True
            elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
                return "".join(out)
            elif inside and el.tag == f"{W}t":
                out.append(el.text or "")
        raise AssertionError(f"comment {cid} has no end")


def _fill(tc: ET.Element) -> str | None:
    shd = tc.find(f"{W}tcPr/{W}shd")
    return shd.get(f"{W}fill") if shd is not None else None


# ------------------------------------------------------------------ the marked copy


def test_each_wrong_cell_and_the_sentence_carry_a_comment(tmp_path: Path) -> None:
    _, out = _marked(tmp_path)
    c = _Comments(out)
    assert set(c.author.values()) == {"reportcheck"}
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert all(d and d.startswith(today) for d in c.date.values())
    assert len(c.text) == 4  # RC300, RC304, RC401 and the summary on the title

    rc300 = c.by_code("RC300")
    assert c.where(rc300) == RC300_CELL
    note = c.text[rc300]
    assert "现为：5；应为：4" in note
    assert "建议改为：4" in note
    # the addition written out, each term with its row and column in this table
    assert "（一）予以公开·总计 第 6 行第 10 列 6 ≠ （一）予以公开·自然人 第 6 行第 4 列 5" in note
    assert "（七）总计·自然人 第 27 行第 4 列 7 ≠ （一）予以公开·自然人 第 6 行第 4 列 5" in note

    rc304 = c.by_code("RC304")
    assert c.where(rc304) == RC304_CELL
    assert "现为：2；应为：3" in c.text[rc304]
    assert "建议改为" not in c.text[rc304]  # which cell is wrong is not certain

    rc401 = c.by_code("RC401")
    assert c.anchored_text(rc401) == wf.SENTENCE  # exactly the sentence, over its runs
    assert "12 件" in c.text[rc401] and "10 件" in c.text[rc401]

    (summary,) = [k for k, v in c.text.items() if v.startswith("reportcheck 检查结果")]
    assert c.where(summary) == "paragraph 1"
    assert c.anchored_text(summary) == "示例县统计局2023年政府信息公开工作年度报告"
    head = c.text[summary]
    assert "2 个错误，1 个警告，1 个提示" in head
    # RC207 (118 blank cells read as 0) has no cell of its own: said in the summary only
    assert "以下问题没有逐处批注：\nRC207 提示" in head
    assert "各处批注：\nRC300 错误" in head


def test_culprits_are_shaded_by_severity_and_their_terms_light_yellow(tmp_path: Path) -> None:
    _, out = _marked(tmp_path)
    c = _Comments(out)
    assert _fill(c.places[RC300_CELL]) == RED
    assert _fill(c.places[RC304_CELL]) == RED
    for added in ("table 2, row 6, col 10", "table 2, row 27, col 4", "table 2, row 7, col 4"):
        assert _fill(c.places[added]) == YELLOW, added
    for term in ("table 3, row 4, col 6", "table 3, row 4, col 9"):
        assert _fill(c.places[term]) == YELLOW, term
    assert _fill(c.places["table 2, row 4, col 4"]) is None  # 新收 is in no failing relation
    shaded = [tc for tc in c.doc.iter(f"{W}tc") if _fill(tc) is not None]
    assert len(shaded) == 2 + len({*_yellow_terms(c)})
    # w:shd sits where the schema puts it: after the width and spans, before vAlign
    for tc in shaded:
        names = [ch.tag.rsplit("}", 1)[1] for ch in tc.find(f"{W}tcPr") or []]
        order = [n for n in word._TCPR_ORDER if n in names]
        assert names == order


def _yellow_terms(c: _Comments) -> list[str]:
    return [a for a, el in c.places.items() if el.tag == f"{W}tc" and _fill(el) == YELLOW]


def test_the_document_is_kept_part_by_part(tmp_path: Path) -> None:
    src, out = _marked(tmp_path)
    before, after = _members(src), _members(out)
    changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(after) == set(before) | {"word/comments.xml"}
    for name, data in before.items():
        if name not in changed:
            assert after[name] == data, name  # styles, numbering, header, footer, picture…
    assert any(n.startswith("word/media/") for n in before)
    assert any(n.startswith("word/header") for n in before)
    # the body keeps every paragraph and table with its text and style
    old, new = docx.Document(io.BytesIO(src.read_bytes())), docx.Document(str(out))
    assert [(p.text, p.style.name) for p in old.paragraphs] == [
        (p.text, p.style.name) for p in new.paragraphs
    ]
    assert [[c.text for c in r.cells] for t in old.tables for r in t.rows] == [
        [c.text for c in r.cells] for t in new.tables for r in t.rows
    ]
    assert new.sections[0].header.paragraphs[0].text == wf.HEADER
    assert new.sections[0].footer.paragraphs[0].text.startswith(wf.FOOTER)
    assert len(new.inline_shapes) == 1
    # every namespace Word needs is still declared: the ones mc:Ignorable names too
    text = after["word/document.xml"].decode()
    (ignorable,) = re.findall(r'mc:Ignorable="([^"]*)"', text)
    for prefix in ignorable.split():
        assert f"xmlns:{prefix}=" in text


def test_parts_and_relationships_are_valid(tmp_path: Path) -> None:
    _, out = _marked(tmp_path)
    parts = _members(out)
    types = ET.fromstring(parts["[Content_Types].xml"])
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{ct}Override")}
    defaults = {d.get("Extension") for d in types.iter(f"{ct}Default")}
    assert overrides["/word/comments.xml"] == word._COMMENTS_TYPE
    for name in parts:  # every part has a content type
        if not name.endswith("/"):
            assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    rel = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        base = rels_name.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)
        folder = base[0] + "/" if len(base) == 2 else ""
        ids = set()
        for r in ET.fromstring(parts[rels_name]).iter(f"{rel}Relationship"):
            assert r.get("Id") not in ids
            ids.add(r.get("Id"))
            if r.get("TargetMode") != "External":
                assert word._resolve(folder, r.get("Target", "")) in parts, r.get("Target")
    doc_rels = ET.fromstring(parts["word/_rels/document.xml.rels"])
    assert [r.get("Target") for r in doc_rels if r.get("Type") == word._COMMENTS_REL[False]] == [
        "comments.xml"
    ]
    # each comment has one range start, one range end and one reference, and nothing else
    doc = ET.fromstring(parts["word/document.xml"])
    ids = {c.get(f"{W}id") for c in ET.fromstring(parts["word/comments.xml"])}
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        found = [e.get(f"{W}id") for e in doc.iter(f"{W}{tag}")]
        assert sorted(found) == sorted(ids), tag
    # python-docx, a second reader of the package, sees the comments
    d = docx.Document(str(out))
    assert len(d.comments) == 4
    assert {c.author for c in d.comments} == {"reportcheck"}


def test_the_marked_copy_reads_as_the_original(tmp_path: Path) -> None:
    src, out = _marked(tmp_path)
    a, b = api.validate_path(src), api.validate_path(out)
    assert a.report is not None and b.report is not None
    for tid, table in a.report.tables.items():
        assert {k: c.raw for k, c in table.cells.items()} == {
            k: c.raw for k, c in b.report.tables[tid].cells.items()
        }
    key = [(f.code, str(f.location), f.actual, f.expected) for f in a.findings]
    assert key == [(f.code, str(f.location), f.actual, f.expected) for f in b.findings]


def test_marking_a_marked_copy_again_replaces_its_comments(tmp_path: Path) -> None:
    _, out = _marked(tmp_path)
    again = tmp_path / "again.docx"
    res = runner.invoke(app, ["validate", str(out), "--annotate", str(again)])
    assert res.exit_code == 1
    c = _Comments(again)
    assert len(c.text) == 4
    assert c.where(c.by_code("RC300")) == RC300_CELL
    assert c.anchored_text(c.by_code("RC401")) == wf.SENTENCE


def test_marking_again_unshades_the_cells_no_longer_wrong(tmp_path: Path) -> None:
    _, out = _marked(tmp_path)
    again = tmp_path / "again.docx"
    res = runner.invoke(app, ["validate", str(out), "--annotate", str(again), "--select", "RC401"])
    assert res.exit_code == 0
    c = _Comments(again)
    assert sorted(v.split()[0] for v in c.text.values()) == ["RC401", "reportcheck"]
    assert not [tc for tc in c.doc.iter(f"{W}tc") if _fill(tc)]


def test_english_comments(tmp_path: Path) -> None:
    _, out = _marked(tmp_path, "en")
    c = _Comments(out)
    note = c.text[c.by_code("RC300")]
    assert "now: 5; should be: 4" in note and "suggested: 4" in note
    assert "natural persons row 6, col 4 5 +" in note
    assert any(v.startswith("reportcheck findings") for v in c.text.values())


def test_a_correct_report_gets_only_the_summary(tmp_path: Path) -> None:
    src = _report(tmp_path, wf.correct())
    out = tmp_path / "ok-标注.docx"
    res = runner.invoke(app, ["validate", str(src), "--annotate", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    c = _Comments(out)
    assert list(c.text.values()) == [
        f"reportcheck 检查结果（{datetime.now(UTC):%Y-%m-%d}）：没有发现问题"
    ]
    assert not [tc for tc in c.doc.iter(f"{W}tc") if _fill(tc)]


# ------------------------------------------------------------------ where copies go


def test_the_input_is_never_modified_and_never_the_target(tmp_path: Path) -> None:
    src = _report(tmp_path)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    res = runner.invoke(app, ["validate", str(src), "--annotate", str(src)])
    assert res.exit_code == 2
    assert "不能把标注写到输入文件上" in res.output
    _, out = _marked(tmp_path)
    assert out.exists()
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def test_a_word_copy_of_another_kind_of_report_is_refused(tmp_path: Path) -> None:
    from factories import Submission

    sub = Submission.valid().write(tmp_path / "年报.json")
    res = runner.invoke(app, ["validate", str(sub), "--annotate", str(tmp_path / "x.docx")])
    assert res.exit_code == 2
    assert "只有 Word 文档" in res.output
    assert not (tmp_path / "x.docx").exists()


def test_a_batch_gets_a_word_copy_per_word_file(tmp_path: Path) -> None:
    from factories import Submission

    folder = tmp_path / "各单位"
    folder.mkdir()
    _report(folder, name="统计局.docx")
    Submission.valid().write(folder / "财政局.json")
    out = tmp_path / "标注"
    res = runner.invoke(app, ["validate", str(folder), "--annotate", str(out)])
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in out.iterdir()) == ["统计局-标注.docx", "财政局-标注.xlsx"]
    assert len(_Comments(out / "统计局-标注.docx").text) == 4
    assert "已写入标注的 Word 文档" in res.output


def test_a_docx_workbook_target_still_writes_the_official_workbook(tmp_path: Path) -> None:
    src = _report(tmp_path)
    out = tmp_path / "年报-标注.xlsx"
    res = runner.invoke(app, ["validate", str(src), "--annotate", str(out)])
    assert res.exit_code == 1
    assert zipfile.ZipFile(out).read("[Content_Types].xml").count(b"spreadsheetml") > 0


# ------------------------------------------------------------------ tracked changes


def _corrected(tmp_path: Path) -> tuple[Path, Path, str]:
    src = _report(tmp_path)
    out = tmp_path / "年报-改正.docx"
    res = runner.invoke(app, ["convert", str(src), "--apply-suggestions", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return src, out, res.output


def test_corrections_are_tracked_changes_by_reportcheck(tmp_path: Path) -> None:
    src, out, said = _corrected(tmp_path)
    assert "表格 2 第 6 行第 4 列：5 → 4（RC300）" in said
    assert "1 处修订" in said
    doc = _document(out)
    (deleted,) = list(doc.iter(f"{W}del"))
    (inserted,) = list(doc.iter(f"{W}ins"))
    for change in (deleted, inserted):
        assert change.get(f"{W}author") == "reportcheck"
        assert (change.get(f"{W}date") or "").startswith(datetime.now(UTC).strftime("%Y-%m-%d"))
    assert deleted.get(f"{W}id") != inserted.get(f"{W}id")
    assert [t.text for t in deleted.iter(f"{W}delText")] == ["5"]
    assert not list(deleted.iter(f"{W}t"))
    assert [t.text for t in inserted.iter(f"{W}t")] == ["4"]
    body = doc.find(f"{W}body")
    assert body is not None
    assert docx_reader.elements(body)[RC300_CELL].find(f"{W}p/{W}del") is deleted
    before, after = _members(src), _members(out)
    assert {n for n in after if after[n] != before.get(n)} == {"word/document.xml"}


def test_the_corrected_copy_reads_the_insertions_not_the_deletions(tmp_path: Path) -> None:
    src, out, _ = _corrected(tmp_path)
    read = api.validate_path(out)
    assert read.report is not None
    cell = read.report.tables["applications"].get("granted", "natural_person")
    assert cell is not None and cell.raw == "4"
    assert "RC300" not in [f.code for f in read.findings]
    # every other cell reads as in the original
    orig = api.read_path(src).tables
    for tid, table in orig.items():
        for key, c in table.cells.items():
            if (tid, key) != ("applications", ("granted", "natural_person")):
                assert read.report.tables[tid].cells[key].raw == c.raw


def test_rejecting_the_changes_reads_the_original(tmp_path: Path) -> None:
    """The reader reads w:ins and skips w:del: with the insertion taken out and the
    deletion restored (what 'reject' does), the original value is read again."""
    _, out, _ = _corrected(tmp_path)
    xml = _members(out)["word/document.xml"].decode()
    rejected = re.sub(r"<w:ins [^>]*>.*?</w:ins>", "", xml)
    rejected = re.sub(r"<w:del [^>]*>(.*?)</w:del>", r"\1", rejected).replace("delText", "t")
    blocks = docx_reader.blocks(rejected.encode())
    text = "\n".join(b.text for b in blocks)
    assert "（一）予以公开 | 5 | 1" in text
    accepted = "\n".join(b.text for b in docx_reader.blocks(xml.encode()))
    assert "（一）予以公开 | 4 | 1" in accepted


def test_convert_to_docx_needs_a_word_report_and_apply_suggestions(tmp_path: Path) -> None:
    from factories import Submission

    src = _report(tmp_path)
    res = runner.invoke(app, ["convert", str(src), "-o", str(tmp_path / "x.docx")])
    assert res.exit_code == 2 and "--apply-suggestions" in res.output
    sub = Submission.valid().write(tmp_path / "年报.json")
    res = runner.invoke(
        app, ["convert", str(sub), "--apply-suggestions", "-o", str(tmp_path / "y.docx")]
    )
    assert res.exit_code == 2 and "不是 Word 文档" in res.output
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "y.docx").exists()


# ------------------------------------------------------------------ LibreOffice


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _convert(soffice: str, path: Path, target: str, tmp_path: Path) -> Path:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(tmp_path / "lo"), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (out,) = (tmp_path / "lo").glob(f"{path.stem}.{target.split(':')[0]}")
    return out


def _notes(pdf_path: Path) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    """The comments LibreOffice exported as PDF notes: page, text, (left, bottom, right, top)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    for i in range(len(pdf)):
        page = pdf[i]
        for k in range(raw.FPDFPage_GetAnnotCount(page)):
            annot = raw.FPDFPage_GetAnnot(page, k)
            if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_TEXT:
                rect = raw.FS_RECTF()
                raw.FPDFAnnot_GetRect(annot, rect)
                size = raw.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
                buf = ctypes.create_string_buffer(size)
                raw.FPDFAnnot_GetStringValue(
                    annot, b"Contents", ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), size
                )
                text = buf.raw.decode("utf-16-le").rstrip("\x00")
                out.append((i, text, (rect.left, rect.bottom, rect.right, rect.top)))
            raw.FPDFPage_CloseAnnot(annot)
    return out


def _chars(pdf_path: Path, page: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    import pypdfium2 as pdfium

    tp = pdfium.PdfDocument(str(pdf_path))[page].get_textpage()
    return [(tp.get_text_range(i, 1), tp.get_charbox(i)) for i in range(tp.count_chars())]


def _beside(note: tuple[float, float, float, float], text: str, chars: list) -> bool:  # type: ignore[type-arg]
    """Whether ``text`` is printed on the note's line just left of it (its cell)."""
    left, bottom, _, top = note
    line = "".join(ch for ch, (_, b, _, t) in chars if b < top and t > bottom)
    near = [
        ch for ch, (_, b, r, t) in chars if b < top and t > bottom and left - 40 <= r <= left + 2
    ]
    return text in line and text in "".join(near)


@pytest.mark.slow
def test_libreoffice_renders_the_comments_beside_their_cells(tmp_path: Path) -> None:
    soffice = _soffice()
    _, out = _marked(tmp_path)
    pdf = _convert(
        soffice,
        out,
        'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
        tmp_path,
    )
    notes = _notes(pdf)
    assert len(notes) == 4
    by_code = {t.split()[0]: (page, rect) for page, t, rect in notes}
    page, rect = by_code["RC300"]
    chars = _chars(pdf, page)
    line = "".join(ch for ch, (_, b, _, t) in chars if b < rect[3] and t > rect[1])
    assert "（一）予以公" in line and _beside(rect, "5", chars)  # in （一）予以公开's 自然人 cell
    page, rect = by_code["RC304"]
    chars = _chars(pdf, page)
    assert _beside(rect, "2", chars)
    page, rect = by_code["RC401"]
    chars = _chars(pdf, page)
    line = "".join(ch for ch, (_, b, _, t) in chars if b < rect[3] and t > rect[1])
    assert "均已按期答复" in line
    page, rect = by_code["reportcheck"]
    assert page == 0
    if shutil.which("pdftoppm"):  # the page as a picture: the colours beside the note
        page, rect = by_code["RC300"]
        pixels = _page_pixels(pdf, page, tmp_path)
        left, bottom, _, top = rect
        y = round(792 - (bottom + top) / 2)  # Letter: 792 pt high, 1 px = 1 pt at 72 dpi
        row = [pixels[y][x] for x in range(round(left) - 30, round(left) + 250)]
        assert sum(1 for px in row if _near(px, RED)) > 8  # the wrong cell, left of its note
        assert sum(1 for px in row if _near(px, YELLOW)) > 100  # the cells added up with it


def _rgb(hex_: str) -> tuple[int, int, int]:
    return (int(hex_[:2], 16), int(hex_[2:4], 16), int(hex_[4:], 16))


def _near(px: tuple[int, int, int], hex_: str) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(px, _rgb(hex_), strict=True))


def _page_pixels(pdf: Path, page: int, tmp_path: Path) -> list[list[tuple[int, int, int]]]:
    """Page ``page`` (0-based) rendered by pdftoppm at 72 dpi: rows of RGB pixels."""
    out = tmp_path / "page"
    n = str(page + 1)
    subprocess.run(
        ["pdftoppm", "-r", "72", "-f", n, "-l", n, "-singlefile", str(pdf), str(out)],
        check=True, timeout=60,
    )  # fmt: skip
    data = (tmp_path / "page.ppm").read_bytes()
    magic, width, height, depth, raster = data.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    w, h = int(width), int(height)
    return [
        [tuple(raster[(r * w + c) * 3 : (r * w + c) * 3 + 3]) for c in range(w)]  # type: ignore[misc]
        for r in range(h)
    ]


@pytest.mark.slow
def test_libreoffice_lists_the_tracked_changes(tmp_path: Path) -> None:
    soffice = _soffice()
    _, out, _ = _corrected(tmp_path)
    odt = _convert(soffice, out, "odt", tmp_path)
    content = ET.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    regions = list(content.iter(f"{text}changed-region"))
    kinds = sorted(
        next(ch.tag.rsplit("}", 1)[1] for ch in r if ch.tag.startswith(text)) for r in regions
    )
    assert kinds == ["deletion", "insertion"]
    assert {c.text for c in content.iter(f"{dc}creator")} == {"reportcheck"}
    deleted = next(r for r in regions if r.find(f"{text}deletion") is not None)
    assert "".join(deleted.itertext()).endswith("5")


# ------------------------------------------------------------------ cells Word writes otherwise


def _package(body: str) -> bytes:
    """A minimal .docx of one document part around ``body``."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{w}"><w:body>{body}<w:sectPr/></w:body></w:document>',
        )
    return buf.getvalue()


def _tc(inner: str) -> str:
    return f"<w:tc><w:tcPr/>{inner}</w:tc>"


def test_corrections_in_a_hyperlink_a_content_control_an_insertion_and_a_blank_cell() -> None:
    from reportcheck.writers.fixes import Change

    cells = [
        '<w:p><w:hyperlink w:anchor="x"><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r>'
        "</w:hyperlink></w:p>",
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>7</w:t></w:r>"
        "</w:p></w:sdtContent></w:sdt>",
        '<w:p><w:ins w:id="9" w:author="科员"><w:r><w:t>3</w:t></w:r></w:ins></w:p>',
        "<w:p/>",
    ]
    body = f"<w:tbl><w:tr>{''.join(_tc(c) for c in cells)}</w:tr></w:tbl>"
    changes = [
        Change("t", "r", "c", f"table 1, row 1, col {i}", "", new, "RC300")
        for i, new in enumerate(("21", "8", "4", "5"), 1)
    ]
    data, n = word.corrected("x.docx", _package(body), changes)
    assert n == 4
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    (block,) = docx_reader.blocks(xml)
    assert block.grid is not None
    assert [c.text for c in block.grid.cells.values()] == ["21", "8", "4", "5"]
    doc = ET.fromstring(xml)
    assert [t.text for t in doc.iter(f"{W}delText")] == ["1", "2", "7", "3"]
    (bold,) = [i for i in doc.iter(f"{W}ins") if "8" in "".join(i.itertext())]
    assert bold.find(f"{W}r/{W}rPr/{W}b") is not None  # the new text keeps the cell's format
    # someone's insertion deleted by reportcheck: the deletion inside their insertion
    theirs = next(i for i in doc.iter(f"{W}ins") if i.get(f"{W}author") == "科员")
    assert theirs.find(f"{W}del/{W}r/{W}delText") is not None
    ids = [e.get(f"{W}id") for e in doc.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def test_comments_in_an_empty_cell_and_a_content_control() -> None:
    from reportcheck.findings import Finding, Severity
    from reportcheck.model.report import Location

    cells = [
        "<w:p/>",
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>7</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    ]
    body = f"<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr>{''.join(_tc(c) for c in cells)}</w:tr></w:tbl>"
    findings = [
        Finding(
            "RC204", Severity.ERROR, "空着", "blank", location=Location(f"table 1, row 1, col {i}")
        )
        for i in (1, 2)
    ]
    data = word.annotate("x.docx", _package(body), findings)
    parts = zipfile.ZipFile(io.BytesIO(data))
    doc = ET.fromstring(parts.read("word/document.xml"))
    for tc in doc.iter(f"{W}tc"):
        assert _fill(tc) == RED
        assert len(list(tc.iter(f"{W}commentRangeStart"))) == 1
        assert len(list(tc.iter(f"{W}commentReference"))) == 1
    assert "word/comments.xml" in parts.namelist()
    assert b"comments+xml" in parts.read("[Content_Types].xml")
    rels = parts.read("word/_rels/document.xml.rels")  # made: the package had none
    assert b'Target="comments.xml"' in rels
    (block,) = [b for b in docx_reader.blocks(parts.read("word/document.xml")) if b.grid]
    assert [c.text for c in block.grid.cells.values()] == ["", "7"]


def test_the_clerks_own_comments_are_kept(tmp_path: Path) -> None:
    d = docx.Document(io.BytesIO(wf.build()))
    para = next(p for p in d.paragraphs if p.text.startswith("主动公开工作"))
    d.add_comment(para.runs, text="请核实发布数量", author="科员", initials="KY")
    buf = io.BytesIO()
    d.save(buf)
    src = _report(tmp_path, buf.getvalue())
    out = tmp_path / "marked.docx"
    assert runner.invoke(app, ["validate", str(src), "--annotate", str(out)]).exit_code == 1
    c = _Comments(out)
    assert sorted(c.author.values()) == ["reportcheck"] * 4 + ["科员"]
    (theirs,) = [k for k, a in c.author.items() if a == "科员"]
    assert c.text[theirs] == "请核实发布数量"
    assert c.anchored_text(theirs) == "主动公开工作按计划推进，重点领域信息及时发布。"
    assert c.where(c.by_code("RC300")) == RC300_CELL
    assert len(set(c.text)) == 5  # every id its own
    again = tmp_path / "again.docx"  # marking again leaves the clerk's comment alone
    assert runner.invoke(app, ["validate", str(out), "--annotate", str(again)]).exit_code == 1
    assert sorted(_Comments(again).author.values()) == ["reportcheck"] * 4 + ["科员"]


def test_a_sentence_over_two_paragraphs_is_commented_whole() -> None:
    """Text pasted with its line breaks: the prose reader reads the sentence across two
    paragraphs, and the comment spans them, starting and ending mid-paragraph."""
    from reportcheck.findings import Finding, Severity
    from reportcheck.model.report import Location

    body = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ("一、总体情况", "全年工作平稳。本年度共收到政府信息", "公开申请１２件。其余略。")
    )
    sentence = "本年度共收到政府信息公开申请12件。"  # folded to half width, as the rules quote it
    f = Finding(
        "RC401", Severity.WARNING, "不一致", "differs",
        location=Location("paragraph 1"), extra={"sentence": sentence},
    )  # fmt: skip
    data = word.annotate("x.docx", _package(body), [f])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    doc = ET.fromstring(xml)
    paragraphs = doc.findall(f"{W}body/{W}p")
    start = paragraphs[1].find(f"{W}commentRangeStart")
    assert start is not None
    cid = start.get(f"{W}id")
    assert [e.get(f"{W}id") for e in paragraphs[2].iter(f"{W}commentRangeEnd")] == [cid]
    assert [e.get(f"{W}id") for e in paragraphs[2].iter(f"{W}commentReference")] == [cid]
    inside, seen = False, []
    for el in doc.iter():
        if el is start:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and inside:
            break
        elif inside and el.tag == f"{W}t":
            seen.append(el.text or "")
    assert "".join(seen) == "本年度共收到政府信息公开申请１２件。"
    # the text reads as before
    assert [b.text for b in docx_reader.blocks(xml)] == [
        "一、总体情况", "全年工作平稳。本年度共收到政府信息", "公开申请１２件。其余略。"
    ]  # fmt: skip


def test_a_damaged_part_the_reader_never_reads_is_one_line_exit_2(tmp_path: Path) -> None:
    """The relationships of document.xml are not read to check a report, only to add the
    comments part: damaged, the report is still checked and the copy refused in one line."""
    parts = _members(_report(tmp_path))
    parts["word/_rels/document.xml.rels"] = b"<Relationships><Relationship"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    src = _report(tmp_path, buf.getvalue(), "damaged.docx")
    out = tmp_path / "damaged-标注.docx"
    res = runner.invoke(app, ["validate", str(src), "--annotate", str(out)])
    assert res.exit_code == 2
    assert "word/_rels/document.xml.rels 已损坏" in res.output
    assert "Traceback" not in res.output and "internal error" not in res.output
    assert not out.exists()
