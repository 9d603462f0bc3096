"""The prose of a report cut into sentences, sub-sentences and clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportcheck.model.sections import fold


@dataclass
class Clause:
    """A piece of a sentence between commas (or brackets), with where it starts."""

    text: str
    offset: int


@dataclass
class Sentence:
    """A sentence of prose (cut at ；): ``context`` is the whole sentence (cut at 。).

    ``text`` and ``context`` are folded to half width for matching; :attr:`quote` is the
    sentence as the report writes it.
    """

    text: str
    offset: int
    context: str
    clauses: list[Clause] = field(default_factory=list)
    before: str = ""
    """The sentence before it in the same paragraph (what 「涉及的行政诉讼数为0件」 is about)."""
    source: str = ""
    """The report text, and the offset of each character of the sentence in it."""
    offsets: list[int] = field(default_factory=list)

    @property
    def quote(self) -> str:
        """The sentence as written in the report."""
        return "".join(map(self.source.__getitem__, self.offsets)).strip()


_SENTENCE_END = "。！？!?"
_SUB_END = "；;"


def _is_heading(line: str) -> bool:
    s = line.strip()
    return len(s) <= 30 and bool(
        re.match(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])", s)
    )


def _prose(text: str) -> list[tuple[str, list[int]]]:
    """Runs of prose with the offset of each character; table lines are left out.

    Lines wrapped inside a paragraph (text taken from a PDF) are joined; a heading, a blank
    line, a table line or a line ending a sentence ends a run.
    """
    runs: list[tuple[str, list[int]]] = []
    chars: list[str] = []
    offs: list[int] = []

    def flush() -> None:
        if chars:
            runs.append(("".join(chars), list(offs)))
            chars.clear()
            offs.clear()

    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or "|" in line or _is_heading(line):
            flush()
            if stripped and "|" not in line:
                runs.append((line, list(range(start, start + len(line)))))
            continue
        chars.extend(line)
        offs.extend(range(start, start + len(line)))
        if stripped[-1] in _SENTENCE_END + _SUB_END:
            flush()
    flush()
    return runs


MAX_SENTENCE = 1_000
"""Characters of a sentence: a longer run without a full stop (a page of figures joined by
semicolons or commas) is cut into pieces of at most this length, at a semicolon or comma,
so that each figure's context is bounded and the prose checks stay linear in the text
(issue 21). A real sentence of a report has well under 200 characters."""

_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_SUB_SENTENCE = re.compile(r"[^；;]+[；;]?")
_CUTS = (re.compile(r"[；;]"), re.compile(r"[，,](?!\d)"))
# Clauses end at commas, colons, brackets and semicolons — but not at the comma of a
# thousands separator (「1,234件」, 「125,000元」), which belongs to its number.
_CLAUSE = re.compile(r"(?:\d,(?=\d{3}(?!\d))|[^，,：:（）()；;])+")
_cache: list[tuple[str, list[Sentence]]] = []


def sentences(text: str) -> list[Sentence]:
    """The prose of a report cut into sentences (at 。！？) and sub-sentences (at ；).

    Computed once per text (the rules of this module share it).
    """
    entry = _cache[0] if _cache else None  # read once: another thread may replace it
    if entry is not None and entry[0] is text:
        return entry[1]
    out: list[Sentence] = []
    for run, offs in _prose(fold(text)):
        before = ""
        for m in _SENTENCE.finditer(run):
            for a, b in _bounded(run, m.start(), m.end()):
                if run[a:b].strip():
                    _add_sentence(out, text, run, offs, a, b, before)
                before = run[a:b]
    _cache[:] = [(text, out)]
    return out


def _bounded(run: str, a: int, b: int) -> list[tuple[int, int]]:
    """``run[a:b]`` in pieces of at most :data:`MAX_SENTENCE` characters, each ending at a
    semicolon where there is one, else at a comma (never inside a number)."""
    if b - a <= MAX_SENTENCE:
        return [(a, b)]
    out = []
    while b - a > MAX_SENTENCE:
        end = a + MAX_SENTENCE
        cut = None
        for pattern in _CUTS:
            for m in pattern.finditer(run, a + MAX_SENTENCE // 2, end):
                cut = m.end()
            if cut is not None:
                break
        if cut is None:  # at the last non-digit of the window's second half, if any
            cut = end
            while cut > a + MAX_SENTENCE // 2 and run[cut - 1].isdigit() and run[cut].isdigit():
                cut -= 1
            if cut == a + MAX_SENTENCE // 2:  # a run of digits longer than that: no figure
                cut = end
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def _add_sentence(
    out: list[Sentence], original: str, run: str, offs: list[int], a: int, b: int, before: str
) -> None:
    """Add the sub-sentences of ``run[a:b]``, each with its clauses."""
    context = run[a:b].strip()
    for m in _SUB_SENTENCE.finditer(run, a, b):
        piece = m.group()
        if not piece.strip():
            continue
        sent = Sentence(
            piece.strip(),
            offs[m.start()],
            context,
            before=before,
            source=original,
            offsets=offs[m.start() : m.end()],
        )
        for c in _CLAUSE.finditer(run, m.start(), m.end()):
            if c.group().strip():
                sent.clauses.append(Clause(c.group(), offs[c.start()]))
        out.append(sent)
