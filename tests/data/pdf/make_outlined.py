"""Write ``outlined-page3.pdf``: page 3 of ``wps-2021-clean.pdf`` (its 表三) with the text
drawn as outlines — 「文字转曲」, as print shops and some printers to PDF deliver a page: no
text layer, only paths. Made with Ghostscript (``gs -dNoOutputFonts``); checked in beside
this script, so the tests need no Ghostscript.

Run:  python tests/data/pdf/make_outlined.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    subprocess.run(
        [
            "gs", "-q", "-o", str(HERE / "outlined-page3.pdf"), "-dNoOutputFonts",
            "-dFirstPage=3", "-dLastPage=3", "-sDEVICE=pdfwrite", str(HERE / "wps-2021-clean.pdf"),
        ],
        check=True,
    )  # fmt: skip
    print("outlined-page3.pdf")


if __name__ == "__main__":
    main()
