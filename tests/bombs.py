"""The inputs of issue 21 that blew up time or memory, built here (nothing large checked in).

PDF bombs (PDFium expands what a page draws), a Word numbering that starts at 1e10 or at a
huge roman number, a value of ``1e-999999``, prose of several hundred KB, one 50 MB line
of digits, a sheet row numbered ``r="²"`` and JSON strings holding lone surrogates.
:data:`BOMBS` maps a case's name to (file name, builder); ``tests/test_bombs.py`` checks
each ends with a clear result (in a worker under the batch's limits), and
``benchmarks/hostile.py`` measures them with the hostile cases of issue 12.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable

from hostile import EXAMPLES, TITLE, W, _p, example_xlsx, zip_of

# ------------------------------------------------------------------ PDF


def pdf(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF of these numbered objects (bodies without ``n 0 obj``), with its xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"", deflate: bool = False) -> bytes:
    if deflate:
        content = zlib.compress(content, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _form(content: bytes, names: dict[str, int]) -> bytes:
    xobjects = b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in names.items())
    extra = b" /Type /XObject /Subtype /Form /BBox [0 0 600 800]"
    extra += b" /Resources << /XObject << %s >> >>" % xobjects
    return _stream(content, extra)


def _page_doc(content: bytes, xobjects: dict[str, int], more: dict[int, bytes]) -> bytes:
    names = b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in xobjects.items())
    return pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R"
            b" /Resources << /XObject << %s >> >> >>" % names,
            4: content,
            **more,
        }
    )


_DRAW = b"0.5 w 10 10 m 590 10 l S "


def pdf_forms_drawing_each_other() -> bytes:
    """Two form XObjects, each drawing the other twice (the page draws the first)."""
    return _page_doc(
        _stream(b"/A Do"),
        {"A": 5},
        {5: _form(_DRAW + b"/B Do /B Do", {"B": 6}), 6: _form(_DRAW + b"/A Do /A Do", {"A": 5})},
    )


def pdf_form_chain(depth: int = 30) -> bytes:
    """A chain of ``depth`` forms, each drawing the next twice: 2**depth drawings."""
    forms = {}
    for k in range(depth):
        n = 5 + k
        if k == depth - 1:
            forms[n] = _form(_DRAW, {})
        else:
            forms[n] = _form(_DRAW + b"/F Do /F Do", {"F": n + 1})
    return _page_doc(_stream(b"/F Do"), {"F": 5}, forms)


def pdf_inflating_content(mib: int = 256) -> bytes:
    """A page whose content stream inflates to ``mib`` MiB (spaces around one line)."""
    content = _DRAW + b" " * (mib * 1024 * 1024 - len(_DRAW))
    return _page_doc(_stream(content, deflate=True), {}, {})


# ------------------------------------------------------------------ Word numbering

_NUMBERED = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'


def docx_numbering(start: str, fmt: str) -> Callable[[], bytes]:
    def build() -> bytes:
        numbering = (
            f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1、"/>'
            '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            "</w:numbering>"
        )
        body = _p("示例县2024年政府信息公开工作年度报告") + _NUMBERED * 3
        doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        return zip_of(
            {
                "[Content_Types].xml": "<Types/>",
                "word/document.xml": doc,
                "word/numbering.xml": numbering,
            }
        )

    return build


# ------------------------------------------------------------------ values and prose


def json_tiny_value() -> bytes:
    """The example submission with one count of ``1e-999999`` (a number, printed bounded)."""
    text = (EXAMPLES / "2021-valid.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["applications"]["new_received"]["research"] = "__TINY__"
    return json.dumps(data, ensure_ascii=False).replace('"__TINY__"', "1e-999999").encode()


def json_lone_surrogates() -> bytes:
    """The example submission whose agency name and a note hold lone surrogates."""
    text = (EXAMPLES / "2021-valid.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["report"]["agency"] = "__AGENCY__"
    out = json.dumps(data, ensure_ascii=False).replace("__AGENCY__", "示例\\ud800县\\udfff")
    return out.encode()


_SENTENCE = "共收到申请52件，其中自然人45件、法人4件、其他3件；"
"""A sub-sentence with figures and no full stop: repeated, one sentence as long as the text."""


def _prose(n_chars: int, sep: str = "\n") -> str:
    """About ``n_chars`` of that sub-sentence, in lines of ~2,000 characters ending at a
    comma (a paragraph wrapped over lines, as text taken from a PDF is)."""
    line = _SENTENCE * 40 + "共计"
    return (line + "，" + sep) * (n_chars // len(line) + 1)


def html_long_prose() -> bytes:
    """About 400 KB of HTML prose in section 一 of the example report (one paragraph)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    head, _, rest = text.partition("二、")
    lines = "".join(f"<p>{line}</p>" for line in head.splitlines())
    lines += f"<p>{_prose(130_000, '<br>')}</p>"
    lines += "".join(f"<p>{line}</p>" for line in ("二、" + rest).splitlines())
    return f"<html><head><meta charset='utf-8'></head><body>{lines}</body></html>".encode()


def html_long_links() -> bytes:
    """The example report as a web page with two links of 100,000 characters: a target
    and a text of dotted words (``a.a.a…``) naming no document (a pattern searched over
    them backtracked into every run of characters: over two minutes each)."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    dotted = "a." * 50_000 + "a"
    links = f'<p><a href="/{dotted}">x</a></p><p><a href="/up/x.htm">{dotted}</a></p>'
    lines = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<html><head><meta charset='utf-8'></head><body>{lines}{links}</body></html>".encode()


def markdown_long_prose() -> bytes:
    """About 800 KB of Markdown prose in section 一 of the example report."""
    text = (EXAMPLES / "2021-valid.txt").read_text(encoding="utf-8")
    head, _, rest = text.partition("二、")
    return (head + _prose(270_000) + "\n\n二、" + rest).encode()


def text_digit_line(mib: int = 50) -> bytes:
    """One line of ``mib`` MiB of digits (under the input limit)."""
    return b"9" * (mib * 1024 * 1024) + b"\n"


def xlsx_superscript_row() -> bytes:
    """A sheet row numbered ``r="²"`` (int() reads it; a row number it is not)."""
    return example_xlsx(cells='<row r="²"><c r="A²" t="inlineStr"><is><t>x</t></is></c></row>')


BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "pdf: two forms drawing each other twice": ("forms-loop.pdf", pdf_forms_drawing_each_other),
    "pdf: a chain of 30 forms each drawing the next twice": ("forms-chain.pdf", pdf_form_chain),
    "pdf: page content inflating to 256 MiB": ("inflate.pdf", pdf_inflating_content),
    "docx: numbering start 1e10": ("start-1e10.docx", docx_numbering("10000000000", "decimal")),
    "docx: roman numbering start 99999999999": (
        "start-roman.docx",
        docx_numbering("99999999999", "upperRoman"),
    ),
    "docx: letter numbering start 999999999999": (
        "start-letter.docx",
        docx_numbering("999999999999", "lowerLetter"),
    ),
    "json: a value of 1e-999999": ("tiny.json", json_tiny_value),
    "json: lone surrogates in strings": ("surrogates.json", json_lone_surrogates),
    "html: 400 KB of prose": ("long-prose.html", html_long_prose),
    "html: links of 100,000 characters": ("long-links.html", html_long_links),
    "markdown: 800 KB of prose": ("long-prose.md", markdown_long_prose),
    "text: a 50 MB line of digits": ("digits.txt", text_digit_line),
    "xlsx: a row numbered r='²'": ("superscript-row.xlsx", xlsx_superscript_row),
}
"""Case name → (file name, builder of its bytes)."""

__all__ = ["BOMBS", "TITLE", "pdf"]
