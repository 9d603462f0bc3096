"""Reading a report published as an HTML page (saved from a government site).

The page is parsed with the standard library's :mod:`html.parser`: it is lenient with the
markup these pages carry (Word-paste ``<o:p>`` tags, unclosed cells, stray end tags), needs
no dependency, and parses a typical report page in a few milliseconds.

What is read, in document order:

- **paragraphs** — the text of block elements (``p``, ``div``, ``h1``…``h6``, ``li``, …);
  a ``<br>`` splits a paragraph into lines (each a block, so a date under a signature is a
  line of its own). Inline markup (``span``, ``font``, ``o:p``, per-character spans) joins
  up without gaps; entities such as ``&nbsp;`` are decoded; ``script``, ``style`` and other
  non-text content are skipped. Page furniture (navigation, footers) is kept as text: the
  metadata and section logic find the report inside it.
- **tables** — ``rowspan``/``colspan`` are expanded into a true grid: each cell once, at
  its top-left position, with the range it covers in :attr:`Grid.merged`. Inside a cell,
  ``<br>`` and paragraphs become line breaks (label matching ignores them).
  A table used for page layout — one holding other tables, a single cell, or a cell with
  a long text — is not a data table: its cells are read as paragraphs and the tables in
  them as tables.

Locations: ``paragraph 12`` (non-empty paragraphs counted from the top of the page) and
``table 2, row 14, col 3`` (tables counted from the top, rows and columns 1-based in the
expanded grid), each with the source line when the file has more than one line.

Encodings: the policy of :mod:`reportcheck.readers.encoding` (BOM, then UTF-8 whatever the
page declares, then the encoding its ``<meta>`` declares, then GB18030).
"""

from __future__ import annotations

import base64
import binascii
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from reportcheck.config import Settings
from reportcheck.errors import InputError, Refused
from reportcheck.model.report import Attachment, Location, Picture, Report
from reportcheck.readers.encoding import declared_charset, decode_text, visible
from reportcheck.readers.grid import MAX_POSITIONS, Grid, GridCell, GridTooLarge
from reportcheck.readers.published import Block, append_table, build_report, holds_figures

_SKIP = frozenset(
    {"script", "style", "xml", "noscript", "template", "svg", "math", "iframe", "object", "select"}
)
"""Elements whose content is not text of the page."""

_BLOCK = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
        "center", "address", "form", "fieldset", "figure", "figcaption", "hr", "title", "head",
        "body", "html", "caption", "details", "summary", "legend", "option",
    }
)  # fmt: skip
"""Elements that start a new paragraph (a new line inside a table cell)."""

_LAYOUT_CELL_CHARS = 400
"""A cell with more text than this is page layout, not a table cell (labels are < 100)."""
MAX_TABLE_DEPTH = 100
"""Tables inside tables (a page laid out with tables nests a handful)."""
MAX_TAGS = 250_000
"""Tags of a page (a report page saved from Word, a span per character, has 20–60 thousand)."""


# ------------------------------------------------------------------ decoding


def decode(path: str, data: bytes) -> str:
    """The page's text (:mod:`reportcheck.readers.encoding`, with the page's ``<meta>``)."""
    return decode_text(path, data, declared_charset(data))


# ------------------------------------------------------------------ what the parser collects

_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """Whitespace as a browser shows it; a source line break between Chinese characters
    (where a browser would show a stray space) is dropped, and so are the characters that
    show nothing (``&#8203;``, soft hyphens: :func:`~reportcheck.readers.encoding.visible`)."""
    return _SPACE.sub(" ", _CJK_BREAK.sub("", visible(text).replace("\xa0", " "))).strip()


@dataclass
class _Para:
    """A paragraph: its lines (split at ``<br>``) with their source lines."""

    lines: list[tuple[str, int]]


@dataclass
class _Picture:
    """An ``<img>`` (not an icon), its source line and where its image is."""

    line: int
    src: str | None = None


@dataclass
class _Container:
    """The page body or one table cell: paragraphs, tables and pictures in order."""

    items: list[_Para | _Table | _Picture] = field(default_factory=list)
    _buf: list[list[str]] = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)
    _new_line: bool = True

    def add(self, data: str, line: int) -> None:
        if self._new_line:
            self._buf.append([])
            self._lines.append(0)
            self._new_line = False
        self._buf[-1].append(data)
        if not self._lines[-1] and line:
            lead = len(data) - len(data.lstrip())
            self._lines[-1] = line + data.count("\n", 0, lead)

    def line_break(self) -> None:
        self._new_line = True

    def flush(self) -> None:
        """End the current paragraph."""
        self._new_line = True
        if not self._buf:
            return
        lines = [(_clean("".join(b)), n) for b, n in zip(self._buf, self._lines, strict=True)]
        lines = [(t, n) for t, n in lines if t]
        if lines:
            self.items.append(_Para(lines))
        self._buf = []
        self._lines = []

    def text(self) -> str:
        """The cell's text: its lines joined by line breaks."""
        return "\n".join(t for p in self.items if isinstance(p, _Para) for t, _ in p.lines)


@dataclass
class _Cell(_Container):
    line: int = 0
    rowspan: int = 1
    colspan: int = 1


@dataclass
class _Table:
    line: int
    rows: list[list[_Cell]] = field(default_factory=list)
    before: _Container = field(default_factory=_Container)
    """A caption and text outside the cells (a browser shows it above the table)."""
    cell: _Cell | None = None
    in_row: bool = False
    nested: bool = False

    def close_cell(self) -> None:
        if self.cell is not None:
            self.cell.flush()
            self.cell = None

    def is_layout(self) -> bool:
        """A table that lays out the page rather than holding figures: one holding tables,
        a single cell, or a cell with a long text — unless the table holds figures (a data
        table with a long note row under it is still a data table)."""
        cells = [c for row in self.rows for c in row]
        if self.nested or len(cells) == 1:
            return True
        texts = [c.text() for c in cells]
        return any(len(t) > _LAYOUT_CELL_CHARS for t in texts) and not holds_figures(texts)


_ROWSPAN = re.compile(r"""\browspan\s*=\s*["']?\s*(\d+)""", re.I)
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?\s*(\d+)""", re.I)


_SIZE = re.compile(r"""\b(width|height)\s*(?:=\s*["']?|:\s*)(\d+(?:\.\d+)?)\s*([a-z%]*)""", re.I)
_PX = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}
"""CSS pixels per unit of a size (a unit not here, ``%``, ``em``, ``vw``: no size said)."""
_ICON_PX = 48
"""An image this small on either side (its ``width``/``height`` attribute or style) is an
icon, a bullet or a spacer, not a picture that could hold a table."""


_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SHOWN = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
"""Where an ``<iframe>``, ``<embed>`` or ``<object>`` takes what it shows from (a PDF in
the browser's viewer, or in pdf.js: ``viewer.html?file=/up/2024.pdf``)."""
_PART = re.compile(r"[^/\\?#=&]+")
_DOCUMENT = re.compile(r".\.(?:pdf|docx?|wps|xlsx?|et|ods|odt|ofd|zip|rar|7z)\Z", re.I | re.S)
"""How the name of a document ends, a name before it (the report or its tables may be in
the document)."""


def _document_name(target: str) -> str | None:
    """The first part of a link's target (or text), between ``/ \\ ? # = &``, that names a
    document and ends the path or a parameter's value (``…/2024年报.pdf?v=2``,
    ``download?file=附表.xls``); None when none does. Each part is looked at once: a long
    target costs its length (a single pattern searched over it backtracked into every
    run of characters: a minute for 40,000 characters)."""
    for part in _PART.finditer(target):
        end = part.end()
        if (end == len(target) or target[end] in "?#") and _DOCUMENT.search(part.group()):
            return part.group()
    return None


def _document(attrs: str, target: re.Pattern[str] = _HREF) -> str | None:
    """The file name of the document an ``<a>`` links to, or an ``<iframe>`` shows
    (``target``: :data:`_SHOWN`); None: no document."""
    m = target.search(attrs)
    if m is None:
        return None
    href = unescape(next(g for g in m.groups() if g is not None)).strip()
    found = _document_name(href)
    return unquote(found) if found else None


_SRC = re.compile(
    r"""\b(data-original|data-src|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I
)


def _source(attrs: str) -> str | None:
    """Where an ``<img>``'s image is: its ``src``, or the address a lazy-loading page keeps
    in ``data-src`` / ``data-original`` (its ``src`` then a placeholder)."""
    found = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _SRC.finditer(attrs)
    }
    for key in ("data-original", "data-src", "src"):
        value = unescape(found.get(key, "")).strip()
        if value:
            return value
    return None


def _icon(attrs: str) -> bool:
    """Whether an ``<img>``'s own size says it is an icon (no size said: a picture)."""
    return any(
        float(m.group(2)) * _PX[unit] < _ICON_PX
        for m in _SIZE.finditer(attrs)
        if (unit := m.group(3).lower()) in _PX
    )


def _span(pattern: re.Pattern[str], attrs: str, default: int, limit: int) -> int:
    """A rowspan/colspan attribute as browsers read it (leading digits; rowspan=0 kept)."""
    m = pattern.search(attrs)
    # at most limit: 5,000 digits of a damaged page are not even converted to an int
    return default if m is None else min(int(m.group(1)[:9]), limit)


_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (Word's <!--[if gte mso 9]>… islands too)
    r"|<[!?][^>]*>"  # <!DOCTYPE>, <![if !supportLists]>, <?xml …?>
    r"""|<(/?)([A-Za-z][A-Za-z0-9:_.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S,
)
_RAW_TEXT = frozenset({"script", "style"})
_NEWLINE = re.compile("\n")


class _Collector:
    """Builds paragraphs and tables from the page's tags and text, in order."""

    def __init__(self) -> None:
        self.body = _Container()
        self.tables: list[_Table] = []
        self._shown = 0
        """How many documents the page shows (they stand first in :attr:`links`)."""
        self.links: list[tuple[str, int]] = []
        """Links to documents: (name, source line) — the link's text when it names the
        document (「2024年度报告.pdf」), else the file name of its target."""
        self._link: tuple[str | None, int, list[str]] | None = None
        """The link being read: its target's document name, its line, its text."""
        self._skip: str | None = None
        self._skip_depth = 0

    def container(self) -> _Container:
        if not self.tables:
            return self.body
        t = self.tables[-1]
        return t.cell if t.cell is not None else t.before

    def start(self, tag: str, attrs: str, line: int) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth += 1
            return
        if tag in ("iframe", "embed", "object"):  # a document shown inside the page
            name = _document(attrs, _SHOWN)
            if name is not None:  # before the documents only linked to (the site's 指南)
                self.links.insert(self._shown, (name, line))
                self._shown += 1
        if tag in _SKIP:
            self._skip, self._skip_depth = tag, 1
            return
        if tag == "table":
            if len(self.tables) >= MAX_TABLE_DEPTH:
                raise Refused(
                    f"网页的表格嵌套超过 {MAX_TABLE_DEPTH} 层",
                    f"the page nests tables more than {MAX_TABLE_DEPTH} deep",
                )
            outer = self.container()
            outer.flush()
            if self.tables and self.tables[-1].cell is not None:
                self.tables[-1].nested = True
            table = _Table(line)
            outer.items.append(table)
            self.tables.append(table)
        elif tag == "tr" and self.tables:
            t = self.tables[-1]
            t.close_cell()
            t.rows.append([])
            t.in_row = True
        elif (tag == "td" or tag == "th") and self.tables:
            t = self.tables[-1]
            t.close_cell()
            if not t.in_row:
                t.rows.append([])
                t.in_row = True
            cell = _Cell(
                line=line,
                rowspan=_span(_ROWSPAN, attrs, 1, 65534),
                colspan=max(1, _span(_COLSPAN, attrs, 1, 1000)),
            )
            t.rows[-1].append(cell)
            t.cell = cell
        elif tag == "br":
            self.container().line_break()
        elif tag == "a":
            self._end_link()
            if _HREF.search(attrs) is not None:  # its text may name the document
                self._link = (_document(attrs), line, [])
        elif tag == "img":
            if not _icon(attrs):
                outer = self.container()
                outer.flush()
                outer.items.append(_Picture(line, _source(attrs)))
        elif tag in _BLOCK or tag in ("td", "th", "tr"):
            self.container().flush()

    def end(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip = None
            return
        if tag == "a":
            self._end_link()
        elif tag == "table":
            if self.tables:
                t = self.tables.pop()
                t.close_cell()
                t.before.flush()
        elif tag == "tr" and self.tables:
            self.tables[-1].close_cell()
            self.tables[-1].in_row = False
        elif (tag == "td" or tag == "th") and self.tables:
            self.tables[-1].close_cell()
        elif tag == "br":  # browsers read </br> as <br>
            self.container().line_break()
        elif tag in _BLOCK or tag in ("td", "th", "tr"):
            self.container().flush()

    def data(self, text: str, line: int) -> None:
        if self._skip is None:
            if "&" in text:
                text = unescape(text)
            self.container().add(text, 0 if text.isspace() else line)
            if self._link is not None and sum(map(len, self._link[2])) < 200:
                self._link[2].append(text[:200])  # a name, not the page

    def _end_link(self) -> None:
        if self._link is not None:
            name, line, parts = self._link
            text = _clean("".join(parts))
            if _document_name(text) is not None:  # 「2024年度报告.pdf」, even via download?id=9
                self.links.append((text, line))
            elif name is not None:
                self.links.append((name, line))
            self._link = None

    def finish(self) -> _Container:
        self._end_link()
        while self.tables:
            t = self.tables.pop()
            t.close_cell()
            t.before.flush()
        self.body.flush()
        return self.body


def _parse(text: str) -> _Collector:
    """Tokenise the page with one regular expression and collect what it holds.

    A hand-written tokenizer instead of :class:`html.parser.HTMLParser`: the same leniency
    for these pages (a ``<`` that starts no tag is text; unclosed tags are closed by the
    collector), at a fraction of the cost — the read-and-check budget is 20 ms per report.
    """
    out = _Collector()
    newlines = [m.start() for m in _NEWLINE.finditer(text)]

    def line(pos: int) -> int:
        return bisect_right(newlines, pos) + 1 if newlines else 1

    pos = 0
    n = len(text)
    search = _TOKEN.search
    while pos < n:
        m = search(text, pos)
        end = m.start() if m else n
        if end > pos:
            out.data(text[pos:end], line(pos))
        if m is None:
            break
        pos = m.end()
        tag = m.group(2)
        if tag is None:
            continue
        tag = tag.lower()
        if m.group(1):
            out.end(tag)
            continue
        out.start(tag, m.group(3), line(m.start()))
        if tag in _RAW_TEXT:  # script and style hold no markup: jump to their end
            close = re.compile(rf"</{tag}\s*>", re.I).search(text, pos)
            pos = close.end() if close else n
            out.end(tag)
    out.finish()
    return out


# ------------------------------------------------------------------ blocks


class _Numbering:
    """Turns what the parser collected into blocks, numbering paragraphs and tables."""

    def __init__(self, with_lines: bool) -> None:
        self.blocks: list[Block] = []
        self.pictures: list[tuple[int, Picture]] = []
        """Each picture (where it is, its ``src``) and how many blocks stand before it."""
        self.attachments: list[Attachment] = []
        self.paragraphs = 0
        self.tables = 0
        self.with_lines = with_lines

    def _line(self, line: int) -> int | None:
        return line if self.with_lines and line > 0 else None

    def walk(self, items: list[_Para | _Table | _Picture]) -> None:
        for item in items:
            if isinstance(item, _Picture):
                n = len(self.pictures) + 1
                where = Location(f"picture {n}", self._line(item.line))
                self.pictures.append((len(self.blocks), Picture(where, image=item.src)))
                continue
            if isinstance(item, _Para):
                self.paragraphs += 1
                for text, line in item.lines:
                    loc = Location(f"paragraph {self.paragraphs}", self._line(line))
                    self.blocks.append(Block(text, loc))
                continue
            self.walk(item.before.items)
            if item.is_layout():
                for row in item.rows:
                    for cell in row:
                        self.walk(cell.items)
            elif any(row for row in item.rows):
                self.tables += 1
                grid = self._grid(item, self.tables)
                self._add_table(grid, Location(f"table {self.tables}", self._line(item.line)))

    def _add_table(self, grid: Grid, location: Location) -> None:
        append_table(self.blocks, grid, location, table_text(grid))

    def _grid(self, table: _Table, number: int) -> Grid:
        """Expand rowspan/colspan: each cell at its top-left position, its range merged."""
        grid = Grid(f"table {number}", by_header=True)
        taken: set[tuple[int, int]] = set()
        n_rows = len(table.rows)
        for r, row in enumerate(table.rows, 1):
            c = 1
            for cell in row:
                while (r, c) in taken:
                    c += 1
                last_row = n_rows if cell.rowspan == 0 else min(n_rows, r + cell.rowspan - 1)
                last_col = c + cell.colspan - 1
                if len(taken) + (last_row - r + 1) * (last_col - c + 1) > MAX_POSITIONS:
                    raise GridTooLarge(f"table {number}")
                for rr in range(r, last_row + 1):
                    for cc in range(c, last_col + 1):
                        taken.add((rr, cc))
                address = f"table {number}, row {r}, col {c}"
                grid.cells[(r, c)] = GridCell(cell.text(), Location(address, self._line(cell.line)))
                if last_row > r or last_col > c:
                    grid.merged.append((r, c, last_row, last_col))
                c = last_col + 1
        grid.finish()
        return grid


def table_text(grid: Grid) -> str:
    """A table as text lines, ``|`` between cells, each cell on one line."""
    lines = []
    for r in grid.rows:
        cells = [_clean(grid.cells[(r, c)].text) for c in grid.row_cols(r) if (r, c) in grid.cells]
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def blocks(text: str) -> list[Block]:
    """The paragraphs and tables of an HTML page, in document order."""
    return _numbered(text).blocks


def _numbered(text: str) -> _Numbering:
    """The paragraphs, tables and pictures of an HTML page, in document order."""
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise Refused(
            f"网页有 {tags} 个标记（上限 {MAX_TAGS}），不像年报",
            f"the page has {tags} tags (limit {MAX_TAGS}): not a report",
        )
    parsed = _parse(text)
    numbering = _Numbering(with_lines="\n" in text.strip())
    numbering.walk(parsed.body.items)
    numbering.attachments = [
        Attachment(name, Location(f"line {line}")) for name, line in parsed.links
    ]
    return numbering


_MIME = re.compile(
    rb"(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related",
    re.I,
)
"""How a page saved as one file starts (MHTML: Word's and WPS's 「单一文件网页」, a browser's
「网页，单个文件」, office systems' ``.doc`` exports): mail headers, then the page's parts."""


def is_mhtml(data: bytes) -> bool:
    """Whether ``data`` is a web page saved as one MIME file (MHTML)."""
    return _MIME.match(data[:4096].lstrip()) is not None


def _mhtml_page(path: str, data: bytes) -> str:
    """The page of an MHTML file: its first ``text/html`` part, decoded (base64 or
    quoted-printable, in the part's charset)."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                body = part.get_payload(decode=True)
                if isinstance(body, bytes) and body.strip():
                    charset = part.get_content_charset() or declared_charset(body)
                    return decode_text(path, body, charset)
    except (RecursionError, ValueError, LookupError, TypeError):  # parts nested past reason
        raise InputError(
            path, "损坏的单一文件网页（MHT）", "a damaged single-file web page (MHT)"
        ) from None
    raise InputError(
        path, "单一文件网页（MHT）中没有网页内容", "the single-file web page (MHT) holds no page"
    )


def read(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """Read an HTML report page (``kind`` is ``"html"``), or one saved as a single file
    (MHTML: Word's 「单一文件网页」, often named ``.doc`` or ``.mht``)."""
    if not data.strip():
        raise InputError(path, "文件为空", "the file is empty")
    page = _numbered(_mhtml_page(path, data) if is_mhtml(data) else decode(path, data))
    if not page.blocks:
        raise InputError(path, "网页中没有文字", "the page has no text")
    return build_report(
        path, kind, page.blocks, settings, pictures=page.pictures, attachments=page.attachments
    )


MAX_PICTURE = 20 * 1024 * 1024
"""Bytes of a picture's image read to recognise a table in it."""


def picture_image(path: str, image: str) -> bytes | None:
    """The bytes of a picture's image: a ``data:`` address, or a file beside the page (a
    page saved with its files: 「…_files/image003.png」); None for an address on the web
    (nothing is fetched), a file outside the page's folder, or one too large."""
    if image.startswith("data:"):
        head, _, body = image.partition(",")
        if len(body) > MAX_PICTURE * 4 // 3 + 4:
            return None
        if head.endswith(";base64"):
            try:
                return base64.b64decode(body, validate=False)
            except (ValueError, binascii.Error):
                return None
        return unquote(body).encode("latin-1", "replace")
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", image, re.I):
        return None  # http:, https:, file: and the like: not fetched
    folder = Path(path).resolve().parent
    target = (folder / unquote(image.split("?", 1)[0].split("#", 1)[0])).resolve()
    if not target.is_relative_to(folder) or not target.is_file():
        return None
    if target.stat().st_size > MAX_PICTURE:
        return None
    return target.read_bytes()
