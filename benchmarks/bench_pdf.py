"""Speed of reading and checking PDF reports in-process (issue 9, item 7: ≤ 50 ms for a
6-page report; issue 20: ≤ 1.5× a bare PDFium pass over the same file).

For every test PDF in tests/data/pdf (made by LibreOffice, Chromium and the WPS-like
reportlab script, see make_pdfs.py and make_wps_like.py there) and every PDF of the corpus
(../shared/corpus, when it is beside the repository: real WPS exports), the median time of
``api.check(api.read_bytes(...))`` over N runs after one warm-up run, and, for comparison in
the same run, a bare PDFium pass (opening the document, loading every page and its text
page, asking every character's box), and the ratio of the two CPU times. The file is read
once; only reading the bytes into a report and checking it is timed.

With ``--stages``, where the time goes, CPU ms (medians, so the parts add up only roughly):
``pages`` — PDFium opening the file and loading every page and text page, and the reader
taking each character's box and looking at every page object for rules and images (what
issue 20's ratio cannot avoid: the bare pass does the first half); ``layout`` — the rest of
the read (tables from the rules, lines, paragraphs, tables without rules, the grid, the
report built from the blocks); ``check`` — the rules run on the report.

Run:  python benchmarks/bench_pdf.py [--runs 30] [--stages] [NAME …]   (NAME: only reports whose name has it)
Prints the figures; it asserts nothing (machines are noisy). The README quotes its output.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from reportcheck import api, isolate
from reportcheck.config import Settings
from reportcheck.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "pdf"
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_MS = 50.0
TARGET_RATIO = 1.5


def _median_ms(fn: object, runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time of this process, in ms (on a shared machine
    the CPU time is the steadier figure: waiting for a core is not counted)."""
    assert callable(fn)
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _pdfium_only(data: bytes) -> None:
    """What PDFium alone costs: every page loaded and every character's box asked for."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    rect = raw.FS_RECTF()
    for i in range(len(doc)):
        page = doc[i]
        text = page.get_textpage()
        for k in range(raw.FPDFText_CountChars(text.raw)):
            raw.FPDFText_GetLooseCharBox(text.raw, k, rect)
        text.close()
        page.close()
    doc.close()


def _stages(name: str, data: bytes, settings: Settings, runs: int) -> str:
    """The CPU time of the reader's extraction of the pages, of the rest of the read, and
    of the checks (see the module's docstring)."""
    from reportcheck.readers.pdf import read
    from reportcheck.readers.pdf.pdfium import _open, _pages

    def pages() -> None:
        doc = _open(name, data)
        try:
            _pages(name, doc)
        finally:
            doc.close()

    try:
        report = read(name, data, "pdf", settings)
    except InputError:  # pages not read from the text layer (a scan, outlines): recognised
        return f" {'—':>6} {'—':>6} {'—':>6}"
    _, extract = _median_ms(pages, runs)
    _, whole = _median_ms(lambda: read(name, data, "pdf", settings), runs)
    _, checks = _median_ms(lambda: api.check(report, settings), runs)
    return f" {extract:>6.1f} {whole - extract:>6.1f} {checks:>6.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--stages", action="store_true", help="also where the time goes")
    ap.add_argument("only", nargs="*", help="only the reports whose name contains one of these")
    args = ap.parse_args()
    settings = Settings()
    # Read in this process, as a batch worker does: a single file's PDF goes to a child
    # process under the memory and time limits (issue 21), whose CPU time this process's
    # clock would not count.
    isolate._LIMITED = True
    print(
        f"read + check in-process, median of {args.runs} runs (Python {platform.python_version()});"
        " PDFium CPU: a bare pass (every page, its text page, every character's box);"
        " ratio: CPU / PDFium CPU"
    )
    stages = f" {'pages':>6} {'layout':>6} {'check':>6}" if args.stages else ""
    print(
        f"{'report':<26} {'pages':>5} {'kB':>5} {'wall ms':>8} {'CPU ms':>7} {'PDFium CPU':>10}"
        f" {'ratio':>6}{stages}"
    )
    paths = sorted(DATA.glob("*.pdf"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.pdf"))
    for path in paths:
        if args.only and not any(o in path.name for o in args.only):
            continue
        data = path.read_bytes()
        try:
            api.read_bytes(path.name, data, settings)
        except Exception:  # the unreadable test files
            continue
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        pages = len(doc)
        doc.close()
        wall, cpu = _median_ms(
            lambda data=data, name=path.name: api.check(
                api.read_bytes(name, data, settings), settings
            ),
            args.runs,
        )
        _, alone = _median_ms(lambda data=data: _pdfium_only(data), args.runs)
        ratio = cpu / alone if alone else float("inf")
        parts = _stages(path.name, data, settings, args.runs) if args.stages else ""
        flag = "" if cpu <= TARGET_MS else f"  > {TARGET_MS:g} ms"
        if ratio > TARGET_RATIO:
            flag += f"  > {TARGET_RATIO:g}x"
        print(
            f"{path.stem:<26} {pages:>5} {len(data) / 1024:>5.0f} {wall:>8.1f} {cpu:>7.1f}"
            f" {alone:>10.1f} {ratio:>5.2f}x{parts}{flag}"
        )


if __name__ == "__main__":
    main()
