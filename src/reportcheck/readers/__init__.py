"""The readers, one per kind of input (see docs/architecture.md)."""

OCR_INSTALL = 'pip install "reportcheck[ocr]"'
"""The line that installs the recognition extra (:mod:`reportcheck.readers.ocr`), said when
a scan cannot be read. Here, above both the PDF reader (a PDF without text) and the OCR
reader, so that neither imports the other."""
