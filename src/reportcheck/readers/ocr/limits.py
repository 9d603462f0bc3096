"""The bounds of text recognition, apart from the package so that its modules and the
package itself read them without importing each other."""

from __future__ import annotations

MIN_SCAN_DPI = 100
"""Scans coarser than this are not recognised (a 60-dpi page's figures are a few pixels
tall: read, they would be guesses); their pages stay unread (RC003)."""

MAX_OCR_PAGES = 30
"""Page images recognised in one file (a long report has 30 pages); past this the file is
refused: recognition costs about a second a page."""
