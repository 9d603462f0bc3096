"""Plain-text and Markdown reports: page text, copied text, Markdown extracted from PDFs.

The text is decoded (UTF-8 with or without BOM, else GB18030/GBK; UTF-16 with a BOM) and
cut into lines; ``Report.text`` is that text as it is (line breaks as ``\\n``), so an offset
in it gives the line and column in the file. Each line is then one of:

- a **table row** — fields separated by ``|`` (flattened tables, whose header rows are
  broken over several lines and whose merged cells are left as empty fields, and Markdown
  tables, whose ``|---|`` rows are skipped and whose ``<br>`` inside cells are spaces), or a
  label followed by numbers separated by spaces or tabs (``行政许可 97``, 表四's 15 numbers
  ``0 0 0 … 0``, possibly after its header words);
- a **heading** (``一、总体情况``; standard headings that run on inside a line are cut out
  of it, see :mod:`reportcheck.readers.metadata`);
- a **paragraph**.

Consecutive table rows make one table; short loose lines between them (labels torn from
their numbers in a PDF extraction) do not break it, and lines made only of header words
(``行政复议行政诉讼``) are kept as header rows. Cells are located as ``line 27, field 3``
(``Location.line`` 27, ``Location.column`` the character column of the field).

Two repairs, each said in a finding, never silent:

- **rows without labels** (PDF extraction tears labels away): between two labelled rows of
  表三, unlabelled rows of seven numbers are given the missing rows' identities in order
  when their number is exactly the number of rows missing there (RC005, info); otherwise
  they are not read (RC003);
- **cells run together** (page text with no separator, ``640020470``): see
  :mod:`reportcheck.readers.glued`; a row is read only where the table's structure leaves
  one reading (RC003 when it does not, RC005 naming the relations then assumed).

Modules: :mod:`~reportcheck.readers.text.decode` (bytes to text),
:mod:`~reportcheck.readers.text.version` (the format version to read damaged rows with),
:mod:`~reportcheck.readers.text.lines` (what each line is), :mod:`~reportcheck.readers.text.repair`
(the two repairs) and :mod:`~reportcheck.readers.text.reader` (lines into blocks).
"""

from __future__ import annotations

from reportcheck.readers.text.decode import decode
from reportcheck.readers.text.reader import TextReader, read

__all__ = ["TextReader", "decode", "read"]
