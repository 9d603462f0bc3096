"""Make the old-format test files of this folder with LibreOffice (run from the repository
root: ``python tests/data/old/make_old.py``; needs ``soffice`` and python-docx).

- ``report-2021.xls`` / ``report-2021.ods``: examples/2021-valid.xlsx saved as Excel 97–2003
  and as OpenDocument by LibreOffice Calc;
- ``rc301-2021.xls``: examples/invalid/RC301-row-total.xlsx (a row total that does not add up),
  saved as Excel 97–2003;
- ``invalid/word-2021.docx``: the Word report of tests/test_docx_reader.py (our own words),
  every cell filled, one row total of 表三 off by one (RC300); ``invalid/word-2021.doc``: that
  document saved as Word 97–2003 by LibreOffice Writer.

Every figure and sentence is made up. The files are checked in so that the tests that read
them natively (.xls, .ods) run without LibreOffice; only the .doc tests need it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _convert(source: Path, target: str, dest: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=180,
        )
        made = Path(work, f"{source.stem}.{target.split(':')[0]}")
        shutil.copyfile(made, dest)


def _word_report() -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    import test_docx_reader as t

    values = {k: [0 if v is None else v for v in row] for k, row in t.T3_VALUES.items()}
    values["granted"][6] = 7  # 4 + 1 + 1 = 6: the 总计 says 7 (RC301)
    return t.build(values)


def main() -> None:
    _convert(ROOT / "examples/2021-valid.xlsx", "xls", HERE / "report-2021.xls")
    _convert(ROOT / "examples/2021-valid.xlsx", "ods", HERE / "report-2021.ods")
    _convert(ROOT / "examples/invalid/RC301-row-total.xlsx", "xls", HERE / "rc301-2021.xls")
    (HERE / "invalid").mkdir(exist_ok=True)
    docx = HERE / "invalid" / "word-2021.docx"
    docx.write_bytes(_word_report())
    _convert(docx, "doc", HERE / "invalid" / "word-2021.doc")


if __name__ == "__main__":
    main()
