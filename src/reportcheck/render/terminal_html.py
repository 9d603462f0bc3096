"""A file's findings as the terminal shows them, in HTML (the ``--summary`` page's rows).

rich records what the terminal view printed and exports it with inline styles in the
colours below (a light page), so the page shows exactly what a clerk sees in a terminal.
"""

from __future__ import annotations

import io

from rich.terminal_theme import TerminalTheme

from reportcheck.render.terminal import make_console, render_file
from reportcheck.results import FileResult

THEME = TerminalTheme(
    (255, 255, 255),
    (33, 33, 33),
    [
        (33, 33, 33),
        (198, 40, 40),
        (46, 125, 50),
        (160, 96, 0),
        (21, 101, 192),
        (123, 31, 162),
        (0, 121, 140),
        (117, 117, 117),
    ],
    [
        (97, 97, 97),
        (229, 57, 53),
        (67, 160, 71),
        (191, 120, 0),
        (30, 136, 229),
        (142, 36, 170),
        (0, 151, 167),
        (158, 158, 158),
    ],
)
"""The page's colours for the terminal's eight colours and their bright forms."""


class TerminalHtml:
    """Renders one file after another into HTML ``<pre>`` content (110 columns wide)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._console = make_console(file=io.StringIO(), color=True)
        self._console.record = True
        self._console.width = 110

    def html(self, result: FileResult) -> str:
        """The file's findings as the terminal shows them, as HTML with inline styles."""
        render_file(result, self._console, self.lang)
        text = self._console.export_html(
            theme=THEME, clear=True, inline_styles=True, code_format="{code}"
        )
        self._console.file = io.StringIO()  # what was printed is not needed again
        return text
