"""Make a test PDF whose labels and headings are written the ways real reports write them.

    python tests/data/pdf/make_label_variants.py   # needs LibreOffice (soffice), python-docx

The clean 2021 case of ``make_pdfs.py`` (its Word document, printed by LibreOffice), with
row labels and section headings edited as real reports edit them (issue 19): a conjunction
added, a verb replaced, characters lost (the real typo 其他法律行政止公开), characters
swapped, numbering doubled or without 、, a bracket left open, a heading numbered with a
comma and another renamed in an accepted wording. Every value is as in the clean case
(``lo-2021-label-variants.expected.json``); the reader must read them all, say each edited
row label once as a variant (RC108) and claim nothing missing or unreadable.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pdfs as mp  # noqa: E402

NAME = "lo-2021-label-variants"

ROW_EDITS = {
    # row id: (label as the format prints it, as this report prints it)
    "denied_2": ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
    "denied_3": ("3.危及“三安全一稳定”", "3.危害“三安全一稳定”"),
    "unable_1": ("1.本机关不掌握相关政府信息", "1.本机关不掌握相关的政府信息"),
    "not_processed_4": ("4.无正当理由大量反复申请", "4.无正当理由的大量反复申请"),
    "granted": ("（一）予以公开", "（一）以予公开"),
    "new_received": ("一、本年新收政府信息公开申请数量", "一一、本年新收政府信息公开申请数量"),
    "carried_over": ("二、上年结转政府信息公开申请数量", "二上年结转政府信息公开申请数量"),
}
"""Rows whose label is edited; all but the numbering-only edits (doubled, no 、: the same
label) are label variants (RC108)."""
VARIANTS = ("denied_2", "denied_3", "unable_1", "not_processed_4", "granted")

HEADING_EDITS = {
    "三、收到和处理政府信息公开申请情况": "三，收到和处理政府信息公开申请情况",
    "五、存在的主要问题及改进情况": "五、存在的主要问题及整改措施",
}


def _edit(docx: bytes) -> bytes:
    """The Word document with the edits made in its text (each label is one run)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for old, new in [*ROW_EDITS.values(), *HEADING_EDITS.items()]:
                    key = f">{escape(old, quote=False)}<"
                    if key not in xml:
                        raise SystemExit(f"{old!r} is not one run of the document")
                    xml = xml.replace(key, f">{escape(new, quote=False)}<", 1)
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("needs LibreOffice (soffice)")
    case = next(c for c in mp.CASES if c.name == "lo-2021-clean")
    src = HERE / f"{NAME}.docx"
    src.write_bytes(_edit(mp.docx(case)))
    mp.lo_pdf(src, HERE)
    expected = {
        "version": case.version,
        "year": case.year,
        "agency": case.agency,
        "tables": case.values(),
        "variants": list(VARIANTS),
    }
    (HERE / f"{NAME}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{NAME}.pdf")


if __name__ == "__main__":
    main()
