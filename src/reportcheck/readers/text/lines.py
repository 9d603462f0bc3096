"""Line classification: each line of a text report is blank, a separator, a heading, a table
row or a paragraph (:func:`split_pieces`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from reportcheck.model.report import CellState, Location
from reportcheck.model.tables import FORMATS, TableDef, match_row
from reportcheck.model.values import parse_text
from reportcheck.readers import glued, metadata
from reportcheck.readers.published import Block

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TOKEN = re.compile(r"[^ \t\u3000]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE = re.compile(r"[。；;！？!?]")


@dataclass
class TextCell:
    text: str
    start: int
    """Offset in the report text."""
    field: int | None = None
    """1-based field number in its line (None for cells cut from glued text)."""


@dataclass
class Piece:
    """A line, or part of a line cut at a heading."""

    line: int
    start: int
    text: str
    kind: str
    """blank | separator | heading | row | text"""
    rows: list[list[TextCell]] = field(default_factory=list)
    """A table row's cells (two rows when header words precede numbers on one line)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@lru_cache(maxsize=4096)
def is_label(text: str) -> bool:
    return bool(_CJK.search(text)) and parse_text(text).state is CellState.TEXT


@lru_cache(maxsize=4096)
def _value_token(token: str) -> CellState | None:
    """NUMBER or PLACEHOLDER for a token that can stand in a row of numbers, else None."""
    state = parse_text(token).state
    return state if state in (CellState.NUMBER, CellState.PLACEHOLDER) else None


def _clean_field(text: str) -> str:
    if "<" in text or "&" in text:
        text = _BR.sub(" ", text).replace("&nbsp;", " ")
    stripped = text.strip()
    if len(stripped) > 4 and stripped[:2] in ("**", "__") and stripped[-2:] == stripped[:2]:
        return stripped[2:-2]
    return text


def _pipe_row(line: str, start: int) -> list[TextCell]:
    body_start, body_end = 0, len(line)
    stripped = line.strip()
    if stripped.startswith("|"):
        body_start = line.index("|") + 1
    if stripped.endswith("|") and len(stripped) > 1:
        body_end = line.rindex("|")
    cells = []
    pos = body_start
    for no, part in enumerate(line[body_start:body_end].split("|"), 1):
        lead = len(part) - len(part.lstrip())
        cells.append(TextCell(_clean_field(part).strip(), start + pos + lead, no))
        pos += len(part) + 1
    if not stripped.startswith("|"):
        # flattened text: trailing empty fields are merged cells of the page, not cells
        while cells and not cells[-1].text:
            cells.pop()
    return cells


_ROW_TABLES: tuple[TableDef, ...] = tuple(
    t for fmt in FORMATS.values() for t in fmt.tables if t.id != "review_litigation"
)


def _names_row(labels: list[str]) -> bool:
    return _names_row_cached(tuple(labels))


@lru_cache(maxsize=4096)
def _names_row_cached(labels: tuple[str, ...]) -> bool:
    return any(match_row(t, list(labels)) is not None for t in _ROW_TABLES)


_ENDS_IN_VALUE = re.compile(r"[0-9０-９/／\-—–－─无×]\s*$")


def _spaced_row(line: str, start: int) -> list[list[TextCell]] | None:
    """A label (or nothing) followed by numbers separated by spaces or tabs."""
    if not _ENDS_IN_VALUE.search(line):
        return None
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(line)]
    k = len(tokens)
    while k > 0 and _value_token(tokens[k - 1][0]) is not None:
        k -= 1
    values = tokens[k:]
    if not any(_value_token(t) is CellState.NUMBER for t, _ in values):
        return None
    prefix = tokens[:k]
    no = 1
    cells: list[TextCell] = []
    header: list[TextCell] = []
    if prefix:
        text = line[: values[0][1]].strip()
        if len(text) > 60 or SENTENCE.search(text) or not _CJK.search(text) or "|" in text:
            return None
        words = glued.segment(text) if len(prefix) > 1 else None
        split = _merge_numbering([t for t, _ in prefix])
        if words and len(words) > 1 and len(values) > 1:
            # header words, then the numbers (表四 on one line): a header row and a data row
            header = [TextCell(w, start + prefix[0][1], i) for i, w in enumerate(words, 1)]
            no = len(words) + 1
        elif len(split) > 1 and _names_row(split):
            # a group label and a row label: 「（三）不予公开 1.属于国家秘密 0 0 …」
            offsets = _token_starts(prefix, split)
            cells.extend(
                TextCell(t, start + c, i)
                for i, (t, c) in enumerate(zip(split, offsets, strict=True), 1)
            )
            no = len(split) + 1
        elif len(values) > 1 or _names_row([text]):
            cells.append(TextCell(text, start + prefix[0][1], 1))
            no = 2
        else:
            return None
    elif len(values) < 2:
        return None
    cells.extend(TextCell(t, start + c, no + i) for i, (t, c) in enumerate(values))
    return [header, cells] if header else [cells]


def _merge_numbering(tokens: list[str]) -> list[str]:
    """Tokens with a bare number (``2.``, ``(三)``) joined to the label that follows it."""
    out: list[str] = []
    carry = ""
    for t in tokens:
        if not _CJK.search(t) or re.fullmatch(r"[（(][一二三四五六七八九十]+[)）]", t):
            carry += t
            continue
        out.append(carry + t)
        carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def _token_starts(prefix: list[tuple[str, int]], merged: list[str]) -> list[int]:
    """Where each merged token starts (the start of its first original token)."""
    starts = []
    i = 0
    for word in merged:
        starts.append(prefix[i][1])
        length = 0
        while i < len(prefix) and length < len(word):
            length += len(prefix[i][0])
            i += 1
    return starts


def split_pieces(text: str) -> list[Piece]:
    out: list[Piece] = []
    start = 0
    for no, line in enumerate(text.split("\n"), 1):
        out.extend(_line_pieces(no, start, line))
        start += len(line) + 1
    return out


def _line_pieces(no: int, start: int, line: str) -> list[Piece]:
    if not line.strip():
        return [Piece(no, start, line, "blank")]
    if _SEPARATOR.match(line):
        return [Piece(no, start, line, "separator")]
    if "|" in line and (line.count("|") >= 2 or not SENTENCE.search(line)):
        return [Piece(no, start, line, "row", [_pipe_row(line, start)])]
    lead = metadata.lead_heading(line)
    if lead is not None and not line[lead[1] :].strip(" \t。：:"):
        lead = None  # the heading is the whole line
    if lead is None and metadata.heading_line(line) is not None:
        return [Piece(no, start, line, "heading")]
    rows = _spaced_row(line, start) if lead is None else None
    if rows is not None:
        return [Piece(no, start, line, "row", rows)]
    cuts: list[tuple[int, int]] = []
    if lead is not None:
        cuts.append((0, lead[1]))
    cuts.extend(
        (s, e) for s, e, _ in metadata.inline_headings(line) if not cuts or s >= cuts[-1][1]
    )
    out: list[Piece] = []
    pos = 0
    for s, e in cuts:
        if line[pos:s].strip():
            out.append(Piece(no, start + pos, line[pos:s], "text"))
        out.append(Piece(no, start + s, line[s:e], "heading"))
        pos = e
    if line[pos:].strip() or not out:
        out.append(Piece(no, start + pos, line[pos:], "text"))
    return out


RUN_KINDS = ("text", "blank")


def is_loose(p: Piece) -> bool:
    """A line a table may span: blank, a separator, or a short fragment that is no sentence."""
    if p.kind in ("blank", "separator"):
        return True
    text = p.text.strip()
    if p.kind != "text" or SENTENCE.search(text):
        return False
    # a longer line is loose only when made of header words (表四's copied header rows)
    return len(text) <= 40 or glued.segment(text) is not None


class Lines:
    """Locations in the text of a report: offsets to lines and columns."""

    text: str
    line_starts: list[int]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def location(self, offset: int, field_no: int | None = None) -> Location:
        line = self.line_of(offset)
        column = offset - self.line_starts[line - 1] + 1
        if field_no is not None:
            return Location(f"line {line}, field {field_no}", line, column)
        return Location(f"line {line}, col {column}", line, column)

    def line_location(self, offset: int) -> Location:
        line = self.line_of(offset)
        column = offset - self.line_starts[line - 1] + 1
        return Location(f"line {line}", line, column if column > 1 else None)

    def _paragraph(self, start: int, text: str) -> Block:
        lead = len(text) - len(text.lstrip())
        return Block(text.strip(), self.line_location(start + lead), offset=start + lead)
