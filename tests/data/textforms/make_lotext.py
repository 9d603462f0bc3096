"""Make ``NAME.lotext.txt``: each report page of this folder opened as a Word document and
saved as text by LibreOffice (the page → .docx → "Text (encoded)", UTF-8) — how a clerk's
Word report reaches a collecting office as a .txt: every table cell on a line of its own,
an empty cell as a line of a no-break space. tests/test_text_forms.py reads them.

Run from the repository root with LibreOffice installed (``soffice`` on the PATH)::

    python tests/data/textforms/make_lotext.py

The outputs are checked in, so the test suite needs no LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for page in sorted(HERE.glob("*.html")):
            shutil.copy(page, work / page.name)
            for target in ("docx:MS Word 2007 XML", "txt:Text (encoded):UTF8"):
                source = work / (page.stem + (".html" if target.startswith("docx") else ".docx"))
                subprocess.run(
                    [soffice, "--headless", "--convert-to", target, str(source), "--outdir", tmp],
                    check=True,
                    capture_output=True,
                    timeout=180,
                )
            (HERE / f"{page.stem}.lotext.txt").write_bytes((work / f"{page.stem}.txt").read_bytes())
            print(f"{page.stem}.lotext.txt")


if __name__ == "__main__":
    main()
