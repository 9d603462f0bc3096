"""The blocks a published report is read into: paragraphs and tables in document order.

Every reader of published reports (text, Markdown, HTML, Word, PDF) makes them;
:func:`reportcheck.readers.published.build_report` and the metadata and section finder
(:mod:`reportcheck.readers.metadata`) read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportcheck.model.report import Location
from reportcheck.readers.grid import Grid


@dataclass
class Block:
    """A paragraph or a table of a published report, in document order."""

    text: str
    """The paragraph's text; for a table, its rows as lines of ``|``-separated cells."""
    location: Location
    grid: Grid | None = None
    """The table's cells (None for a paragraph)."""
    offset: int | None = None
    """Where the block starts in the report text, when the reader passes that text to
    :func:`build_report` (text and Markdown keep their source text as it is)."""
    parts: tuple[Grid, ...] = ()
    """The tables stacked into this block's grid (see :func:`append_table`)."""
