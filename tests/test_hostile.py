"""Hostile and broken input (issue 12): findings or one line naming the file, never a crash.

The cases are built in ``tests/hostile.py``; ``benchmarks/hostile.py`` measures the time and
memory of each (no timed assertions here). Each is read and checked in-process and its
results rendered in every output format; what it must give is pinned per case: refused
(an :class:`InputError`, the reason named) or read (with the findings that say what is
wrong).
"""

from __future__ import annotations

import pytest

from hostile import CASES
from reportcheck import api, output
from reportcheck.errors import InputError

REFUSED = {
    "docx: 50,000 nested w:ins": "nests elements more than",
    "docx: 20,000 nested w:customXml around a run": "nests elements more than",
    "docx: 20,000 nested w:customXml around a row": "nests elements more than",
    "docx: 3,000 nested tables": "nests elements more than",
    "docx: 20,000 rows of 3 cells spanning 63 columns": "",
    "docx: encoding='gbk' declared": "declares the encoding 'gbk'",
    "docx: encoding='utf-32' declared": "declares the encoding 'utf-32'",
    "docx: encoding='x-unknown' declared": "declares the encoding 'x-unknown'",
    "docx: billion laughs (DOCTYPE, entities)": "DOCTYPE",
    "docx: document.xml unpacking to 20 MB": "too large once unpacked",
    "docx: 2,000,000 empty paragraphs": "",
    "xlsx: a cell reference beyond Excel's sheet": "outside what Excel allows",
    "xlsx: 400,000 merged ranges": "merged ranges",
    "xlsx: bad cell references and row numbers": "row number “x”",
    "xlsx: shared-string index out of range": "shared string",
    "xlsx: shared strings unpacking to 162 MB": "too large once unpacked",
    "xlsx: 1,500,000 empty cells": "",
    "xlsx: encoding='gbk' declared": "declares the encoding 'gbk'",
    "xlsx: encoding='x-unknown' declared": "declares the encoding 'x-unknown'",
    "xls: a sector chain that loops": "sector chain loops",
    "xls: a sector chain pointing past the end": "points outside the file",
    "xls: a cell moved to IV65536": "used range covers more than",
    "xls: truncated workbook": "damaged Office file",
    "xls: an OLE2 header and zeros": "damaged Office file",
    "ods: a value repeated over 1,048,576 x 1,024 cells": "more than 200000 cells",
    "ods: a value 1,000,000 rows and 1,000 columns from A1": "used range covers more than",
    "zip: central directory offset far past the end": "",
    "zip: truncated workbook": "damaged",
    "zip: 10,000 members": "members",
    "html: 20,000 nested tables": "nests tables",
    "html: 100,000 nested div/span": "tags",
    "html: 500 cells of rowspan=65534 colspan=1000": "covers more than",
    "json: 100,000 nested arrays": "nests more than",
    "json: 50,000 nested objects": "nests more than",
    "text: undecodable bytes": "cannot decode",
    "text: a table of 5,000 rows x 30 text cells": "filled cells",
    "text: a 1 MB line": "characters (limit",
    "csv: a 2 MB field": "CSV",
    "csv: NUL bytes": "binary",
    "excel xml: 2,000 cells merged 10,000 rows down": "merges too large",
    "excel xml: a cell placed beyond Excel's sheet": "none of the report tables",
    "word xml: 50,000 nested wx:sect": "nests elements more than",
    "mhtml: 3,000 nested multipart parts": "damaged single-file web page",
}
"""Cases refused with exit 2, and a word of the reason (English)."""

FINDINGS = {
    "xlsx: a 30-digit count in the example": {"RC201"},
    "xlsx: a 5,000-digit number": {"RC201"},
    "xlsx: 1E+999999999": {"RC201"},
    "json: a 30-digit count": {"RC201"},
    "json: a 5,000-digit number": {"RC201"},
    "json: 1e999999999": {"RC201"},
    "text: 100,000 glued digits in a 表三 row": {"RC003"},
    "text: glued 表四 of 5,000 digits": {"RC003"},
    "text: every glued 表三 row a run of 38 digits": {"RC003"},
}
"""Cases read as reports, with the codes that must be among their findings."""


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_gives_findings_or_one_line(name: str) -> None:
    filename, build = CASES[name]
    data = build()
    try:
        report = api.read_bytes(filename, data)
    except InputError as err:
        line = err.text("en")
        assert name in REFUSED, f"refused: {line}"
        assert "\n" not in line and line.startswith(f"{filename}: ")
        assert REFUSED[name] in line
        assert "\n" not in err.text("zh")
        return
    assert name not in REFUSED, "read, but should have been refused"
    result = api.FileResult(filename, report, api.check(report))
    codes = {f.code for f in result.findings}
    assert FINDINGS.get(name, set()) <= codes
    for fmt in ("terminal", "json", "sarif", "junit", "markdown", "concise", "github"):
        for lang in ("zh", "en"):
            text = output.render([result], fmt, lang)
            assert text
            # messages are elided: a 5,000-digit number or a 200,000-character label
            # never reaches the output whole
            assert max(len(line) for line in text.splitlines()) < 20_000, fmt
