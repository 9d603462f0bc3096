"""Make the text forms of some test PDFs that tests/test_pdf_text_forms.py reads: the text
people take out of a published PDF with the usual tools, each a different shape of the same
tables.

For each PDF of ``tests/data/pdf`` named in ``PDFS`` (our own wording; see make_pdfs.py and
make_wps_like.py there), ``NAME.FORM.txt`` here:

- ``layout`` — ``pdftotext -layout`` (columns kept by spaces, empty cells lost, labels
  wrapped in their cells on lines of their own);
- ``raw`` — ``pdftotext -raw`` (the content stream's order: 表四's header a word or two per
  line, each column's figure after its words);
- ``plain`` — ``pdftotext`` (reading order: labels and figures in blocks);
- ``plumber`` / ``plumber-layout`` — pdfplumber's ``extract_text()`` with and without
  ``layout=True`` (single spaces; the 康熙部首 for some characters of Chromium's PDFs);
- ``mupdf`` / ``mupdf-sort`` — PyMuPDF's ``get_text()`` unsorted and sorted (a cell a line).

Run from the repository root with poppler-utils installed and, in the same Python,
``pip install pdfplumber pymupdf`` (neither is a dependency of reportcheck)::

    python tests/data/pdftext/make_pdftext.py

The outputs are checked in, so the test suite needs none of these tools.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).parent
PDF = HERE.parent / "pdf"
PDFS = (
    "lo-2021-clean",
    "lo-2021-errors",
    "lo-2021-label-variants",
    "wps-2021-clean",
    "wps-2021-single-other",
    "chromium-2021-clean",
    "chromium-2021-borderless-empty",
)


def main() -> None:
    import pdfplumber
    import pymupdf

    for name in PDFS:
        pdf = PDF / f"{name}.pdf"
        for form, flags in (("layout", ["-layout"]), ("raw", ["-raw"]), ("plain", [])):
            out = HERE / f"{name}.{form}.txt"
            subprocess.run(["pdftotext", *flags, str(pdf), str(out)], check=True)
        with pdfplumber.open(pdf) as doc:
            for form, layout in (("plumber", False), ("plumber-layout", True)):
                pages = [(p.extract_text(layout=layout) or "") for p in doc.pages]
                (HERE / f"{name}.{form}.txt").write_text("\n".join(pages), encoding="utf-8")
        doc = pymupdf.open(pdf)
        for form, sort in (("mupdf", False), ("mupdf-sort", True)):
            pages = [p.get_text(sort=sort) for p in doc]
            (HERE / f"{name}.{form}.txt").write_text("\n".join(pages), encoding="utf-8")
        print(name)


if __name__ == "__main__":
    main()
