"""Prose against tables: figures the text restates must agree with 表二, 表三 and 表四.

Reports restate their tables in prose (「全年收到申请34件，上年结转2件…予以公开9件」,
「行政复议7件，诉讼9件，均获维持」). This module reads those figures and compares them with
the tables. What is read is declared as data, so it can grow:

- :data:`QUANTITIES` — the table quantities prose may state (a row, a group of rows, or a
  sum), with the cells they come from;
- :data:`PHRASES` — phrase patterns naming a quantity, with a priority (the most specific
  phrase of a clause wins: 「同意公开答复9件」 is about 予以公开, not about 答复);
- :data:`CLAIMS` — statements without a number (「所有申请均已办理完成」, 「均获维持」,
  「未发生行政复议」) and the table fact they assert;
- :data:`AMOUNTS` and :data:`MONEY_UNITS` — money amounts of the tables (表二's
  行政事业性收费, in 万元) with the words that name them, the sections whose prose is read
  and the units prose writes money in (元, 万元, 亿元 …).

No false alarms: a figure is compared only when its clause names exactly one quantity and
holds exactly one count (件/起/宗); sentences about other years, other units (全市, 各乡镇 …
in a department's report), comparisons (同比, 较上年, 增长) and other things (网络问政, 行政许可
申请, 人大建议) are skipped. When in doubt, nothing is said. A table value read as blank in
a 总计 cell is taken as the sum of its row, and a figure agrees when it matches either.
Money is Decimal throughout, compared in 万元 with ``Settings.amount_tolerance``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from reportcheck.config import Settings
from reportcheck.findings import Finding, Severity, fmt_number
from reportcheck.model.report import Cell, CellState, Report
from reportcheck.model.tables import APPLICANT_PARTS, OUTCOME_PARTS
from reportcheck.rules.common import at, at_zh, cell_fields, where, where_en
from reportcheck.rules.publication import agency_level
from reportcheck.rules.registry import make, rule
from reportcheck.rules.sections import Layout, fold, layout, text_location

# --------------------------------------------------------------------------- table values

APPLICANTS = APPLICANT_PARTS
OUTCOMES = OUTCOME_PARTS


def _cell_int(report: Report, table: str, row: str, column: str) -> int | None:
    """A cell as an int: blank or placeholder → 0; missing or text → None."""
    data = report.tables.get(table)
    cell = data.get(row, column) if data else None
    if cell is None or cell.state is CellState.TEXT or cell.state is CellState.FORMULA_NO_VALUE:
        return None
    v = cell.arithmetic_value()
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else None
    return v


Values = tuple[int, ...]
"""The values a table supports for a quantity, the one to show first (empty: unknown)."""


def _unique(*values: int | None) -> Values:
    return tuple(dict.fromkeys(v for v in values if v is not None))


def _total_as_read(report: Report, table: str, row: str) -> int | None:
    data = report.tables.get(table)
    cell = data.get(row, "total") if data else None
    if cell is None or cell.state is not CellState.NUMBER:
        return None
    return _cell_int(report, table, row, "total")


def _parts_sum(report: Report, table: str, row: str, parts: tuple[str, ...]) -> int | None:
    data = report.tables.get(table)
    if data is None or all(data.get(row, c) is None for c in parts):
        return None
    values = [_cell_int(report, table, row, c) for c in parts]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _sum_rows(report: Report, table: str, rows: list[str], parts: tuple[str, ...]) -> Values:
    """Totals of some rows: each row by its 总计 (its parts where 总计 is blank), or all
    rows by their parts. Empty when a row cannot be read at all."""
    by_total = 0
    by_parts: int | None = 0
    for r in rows:
        total = _total_as_read(report, table, r)
        psum = _parts_sum(report, table, r, parts)
        if total is None and psum is None:
            return ()
        by_total += total if total is not None else (psum or 0)
        by_parts = None if by_parts is None or psum is None else by_parts + psum
    return _unique(by_total, by_parts) if rows else ()


def _t3(*prefixes: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        if "applications" not in report.tables:
            return ()
        rows = [
            r.id
            for r in report.table_def("applications").rows
            if any(r.id == p or r.id.startswith(p + "_") for p in prefixes)
        ]
        return _sum_rows(report, "applications", rows, APPLICANTS)

    return values


def _t3_received(report: Report) -> Values:
    """本年新收, or 本年新收 + 上年结转 (「共受理…（含上年结转…）」)."""
    n = _t3("new_received")(report)
    c = _t3("carried_over")(report)
    return _unique(*n, *(a + b for a in n for b in c))


def _t4(*rows: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        if "review_litigation" not in report.tables:
            return ()
        return _sum_rows(report, "review_litigation", list(rows), OUTCOMES)

    return values


_DOC_COLUMNS = {
    ("2021", "made"): ("made",),
    ("2021", "in_force"): ("in_force",),
    ("2021", "repealed"): ("repealed",),
    ("2019", "made"): ("new_made", "new_published"),
}


def _t2(row: str, which: str) -> Callable[[Report], Values]:
    def values(report: Report) -> Values:
        cols = _DOC_COLUMNS.get((report.format_version or "2021", which), ())
        out: list[int | None] = []
        data = report.tables.get("proactive_disclosure")
        for col in cols:
            cell = data.get(row, col) if data else None
            if cell is not None and cell.state is CellState.NUMBER:
                out.append(_cell_int(report, "proactive_disclosure", row, col))
        return _unique(*out)

    return values


@dataclass(frozen=True)
class Quantity:
    """A table quantity that prose may state."""

    id: str
    zh: str
    en: str
    family: str
    """applications | outcome | review | documents: which context filters apply."""
    table: str
    row: str | None
    """The row id for findings (None for a group of rows)."""
    values: Callable[[Report], Values]
    """Every value the table supports (total as read, sum of parts)."""
    label: str
    """How the table names it, for messages."""


QUANTITIES: dict[str, Quantity] = {
    q.id: q
    for q in (
        Quantity(
            "received",
            "收到申请",
            "applications received",
            "applications",
            "applications",
            "new_received",
            _t3_received,
            "表三「一、本年新收」（或加「二、上年结转」）",
        ),
        Quantity(
            "carried_over",
            "上年结转",
            "carried over",
            "applications",
            "applications",
            "carried_over",
            _t3("carried_over"),
            "表三「二、上年结转」",
        ),
        Quantity(
            "answered",
            "办结（答复）",
            "answered",
            "applications",
            "applications",
            "total",
            _t3("total"),
            "表三「（七）总计」",
        ),
        Quantity(
            "carried_forward",
            "结转下年度",
            "carried forward",
            "applications",
            "applications",
            "carried_forward",
            _t3("carried_forward"),
            "表三「四、结转下年度继续办理」",
        ),
        Quantity(
            "granted_partial",
            "予以公开及部分公开",
            "disclosed in full or in part",
            "outcome",
            "applications",
            "granted",
            _t3("granted", "partial"),
            "表三「（一）予以公开」+「（二）部分公开」",
        ),
        Quantity(
            "granted",
            "予以公开",
            "disclosed",
            "outcome",
            "applications",
            "granted",
            _t3("granted"),
            "表三「（一）予以公开」",
        ),
        Quantity(
            "partial",
            "部分公开",
            "partly disclosed",
            "outcome",
            "applications",
            "partial",
            _t3("partial"),
            "表三「（二）部分公开」",
        ),
        Quantity(
            "denied",
            "不予公开",
            "withheld",
            "outcome",
            "applications",
            None,
            _t3("denied"),
            "表三「（三）不予公开」各项之和",
        ),
        Quantity(
            "unable",
            "无法提供",
            "cannot provide",
            "outcome",
            "applications",
            None,
            _t3("unable"),
            "表三「（四）无法提供」各项之和",
        ),
        Quantity(
            "not_processed",
            "不予处理",
            "not processed",
            "outcome",
            "applications",
            None,
            _t3("not_processed"),
            "表三「（五）不予处理」各项之和",
        ),
        Quantity(
            "other",
            "其他处理",
            "otherwise handled",
            "outcome",
            "applications",
            None,
            _t3("other"),
            "表三「（六）其他处理」",
        ),
        Quantity(
            "review",
            "行政复议",
            "administrative reviews",
            "review",
            "review_litigation",
            "review",
            _t4("review"),
            "表四「行政复议·总计」",
        ),
        Quantity(
            "litigation",
            "行政诉讼",
            "lawsuits",
            "review",
            "review_litigation",
            None,
            _t4("litigation_direct", "litigation_after_review"),
            "表四「未经复议直接起诉·总计」+「复议后起诉·总计」",
        ),
        Quantity(
            "regulations",
            "规章",
            "regulations",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "made"),
            "表二「规章·本年制发件数」",
        ),
        Quantity(
            "regulations_in_force",
            "现行有效规章",
            "regulations in force",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "in_force"),
            "表二「规章·现行有效件数」",
        ),
        Quantity(
            "regulations_repealed",
            "废止规章",
            "regulations repealed",
            "documents",
            "proactive_disclosure",
            "regulations",
            _t2("regulations", "repealed"),
            "表二「规章·本年废止件数」",
        ),
        Quantity(
            "normative_documents",
            "规范性文件",
            "normative documents",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "made"),
            "表二「行政规范性文件·本年制发件数」",
        ),
        Quantity(
            "normative_documents_in_force",
            "现行有效规范性文件",
            "normative documents in force",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "in_force"),
            "表二「行政规范性文件·现行有效件数」",
        ),
        Quantity(
            "normative_documents_repealed",
            "废止规范性文件",
            "normative documents repealed",
            "documents",
            "proactive_disclosure",
            "normative_documents",
            _t2("normative_documents", "repealed"),
            "表二「行政规范性文件·本年废止件数」",
        ),
    )
}

# --------------------------------------------------------------------------- phrases


@dataclass(frozen=True)
class Phrase:
    """A phrase pattern that names a quantity; the highest priority in a clause wins."""

    quantity: str
    pattern: str
    priority: int


PHRASES: tuple[Phrase, ...] = (
    Phrase("granted_partial", r"(?:予以|同意|全部)公开(?:及|和|与|、|或)部分公开", 100),
    Phrase("granted", r"予以公开|同意公开|全部公开", 90),
    Phrase("partial", r"部分公开", 90),
    Phrase("denied", r"不予公开", 90),
    Phrase("unable", r"无法提供", 90),
    Phrase("not_processed", r"不予处理", 90),
    Phrase("other", r"其他处理", 90),
    Phrase(
        "carried_forward",
        r"结转(?:至|到|入)?下一?年度?|转(?:入|至|到)?下一?年度|顺延(?:至|到)?下一?年度?",
        80,
    ),
    Phrase("carried_over", r"上一?年度?(?:结转|遗留|转入)|去年结转", 80),
    Phrase("review", r"行政复议|复议", 70),
    Phrase("litigation", r"行政诉讼|诉讼|起诉", 70),
    Phrase("received", r"新收|收到|受理|接收|接到", 60),
    Phrase("answered", r"办结|答复|办理完毕|办理完成|回复", 50),
    Phrase("regulations", r"规章(?!制度)", 40),
    Phrase("normative_documents", r"规范性文件", 40),
)

_PHRASES = [(p, re.compile(p.pattern)) for p in sorted(PHRASES, key=lambda p: -p.priority)]

# Document counts: which column a clause is about.
_IN_FORCE = re.compile(r"现行有效|有效的?")
_REPEALED = re.compile(r"废止|失效")

# --------------------------------------------------------------------------- context filters

COUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:件|起|宗)(?!数)")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
COMPARISON = re.compile(
    r"同比|环比|较上|较去|比上|比去|较\d{4}|比\d{4}|增长|下降|减少|增加|上升|持平|回落|增幅|降幅|"
    r"平均|月均|日均|每月|每年|占比提高|历年"
)
OTHER_TIME = re.compile(r"去年|上年|上一年|前年|往年|明年|下一年|下年|以来|累计")
OWN_YEAR_CUMULATIVE = re.compile(r"(?:全年|本年|年度|当年)累计")
OWN_SCOPE = re.compile(r"全(?:市|区|县|省|州|旗|盟)")
GOVERNMENT = re.compile(r"(?:省|市|县|区|州|旗|盟|镇|乡)(?:人民)?政府(?!信息)")
"""A government named in a figure's own clause: in a department's report 「市政府共制发行政
规范性文件25件」 is the government's figure, not the department's."""
OTHER_UNITS = re.compile(
    r"各(?:区|县|市|乡|镇|街道|部门|单位|级)|县直|市直|区直|下属|所属|系统内|乡镇|街道"
)
NOT_APPLICATIONS = re.compile(
    r"许可|审批|办件|政务服务|问政|来信|来访|信访件|12345|热线|人大|政协|建议|提案|咨询|留言|"
    r"诉求|工单|依申请公开目录"
)
PART_OF_APPLICATIONS = re.compile(
    r"其中|网上|网络|在线|当面|现场|信函|邮寄|传真|电子邮件|邮箱|电话|未|逾期|超期|延期|延长|"
    r"补正|撤回|征求|第三方|自然人|法人|企业|组织"
)
"""Words that make 收到 / 受理 / 答复 a part of the applications (by channel, applicant, or
those answered late), not their number."""
SPECIFIC_REASON = re.compile(r"因|属于|由于|涉及")
NOT_OWN_DOCUMENTS = re.compile(
    r"刊登|刊发|转发|汇编|转载|解读|清理|备案|审查|审核|起草|征求意见|合法性|部门|各|其他|等\s*\d"
)
DOC_CONTEXT = re.compile(r"公开|制发|印发|出台|制定|发布|现行有效|废止")
REVIEW_CONTEXT = re.compile(r"公开")


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


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_SUB_SENTENCE = re.compile(r"[^；;]+[；;]?")
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
            context = m.group().strip()
            if context:
                _add_sentence(out, text, run, offs, m.start(), m.end(), before)
            before = m.group()
    _cache[:] = [(text, out)]
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


# --------------------------------------------------------------------------- reading figures


@dataclass
class Figure:
    """A figure the prose states about one quantity."""

    quantity: Quantity
    value: int
    sentence: Sentence
    clause: Clause
    percent: str | None = None


def _phrases_in(text: str) -> list[tuple[Phrase, int]]:
    """Non-overlapping phrase matches in a clause, most specific first."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[Phrase, int]] = []
    for phrase, pat in _PHRASES:
        for m in pat.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((phrase, m.start()))
    return out


def _quantity_of(text: str) -> str | None:
    """The one quantity a clause names (None when it names none, or several equally)."""
    found = _phrases_in(text)
    if not found:
        return None
    top = max(p.priority for p, _ in found)
    ids = {p.quantity for p, _ in found if p.priority == top}
    if len(ids) != 1:
        return None
    qid = ids.pop()
    if qid in ("regulations", "normative_documents"):
        if _REPEALED.search(text):
            return qid + "_repealed"
        if _IN_FORCE.search(text):
            return qid + "_in_force"
    return qid


def _speaks_for_government(report: Report) -> bool:
    """A government's report, or one by its general office (上海市人民政府办公厅), states the
    government's own figures; a department's report does not."""
    agency = report.metadata.agency or ""
    return agency_level(report) == "government" or "政府" in agency


def _own_scope(report: Report, context: str) -> bool:
    """Whether a sentence is about the reporting agency itself."""
    if OTHER_UNITS.search(context):
        return False
    return not (OWN_SCOPE.search(context) and agency_level(report) != "government")


def _other_year(report: Report, sentence: Sentence) -> bool:
    """Whether a sentence is about another year than the report's (any year, if unknown).

    A year in the sub-sentence itself counts, and so does a year that opens the whole
    sentence (「2023年，…；…」); a year elsewhere in a list (「2024年度预算、2023年度决算；
    规范性文件13件」) does not.
    """
    year = report.metadata.year
    years = [int(y) for y in _YEAR.findall(sentence.text)]
    opening = _YEAR.search(sentence.context[:12])
    if opening:
        years.append(int(opening[1]))
    return any(year is None or y != year for y in years)


def _about_disclosure(sentence: Sentence) -> bool:
    """A sentence on reviews or lawsuits is about disclosure when it, or the sentence
    before it in its paragraph, says so (「涉及政府信息公开的行政复议1件。涉及的行政诉讼0件。」)."""
    if REVIEW_CONTEXT.search(sentence.context):
        return True
    return bool(REVIEW_CONTEXT.search(sentence.before)) and bool(
        re.search(r"复议|诉讼", sentence.before)
    )


def _context_ok(report: Report, q: Quantity, sentence: Sentence, clause: str) -> bool:
    """The filters that keep figures about other things out of the comparison."""
    ctx = sentence.context
    if _other_year(report, sentence) or not _own_scope(report, ctx):
        return False
    if COMPARISON.search(clause):
        return False
    if GOVERNMENT.search(clause) and not _speaks_for_government(report):
        return False
    if (
        OTHER_TIME.search(clause)
        and not OWN_YEAR_CUMULATIVE.search(clause)
        and q.id not in ("carried_over", "carried_forward")
    ):
        return False
    if q.family in ("applications", "outcome"):
        if NOT_APPLICATIONS.search(clause) or "主动公开" in clause:
            return False
        if q.family == "applications" and "申请" not in ctx:
            return False
        if q.id in ("received", "answered") and PART_OF_APPLICATIONS.search(clause):
            return False
    if q.family == "review" and not _about_disclosure(sentence):
        return False
    if q.family == "documents":
        return not NOT_OWN_DOCUMENTS.search(clause) and bool(DOC_CONTEXT.search(ctx))
    return True


def _split_counts(clause: Clause) -> list[Clause]:
    """A clause with several counts split at 、 (「行政复议2件、行政诉讼1件」)."""
    if len(COUNT.findall(clause.text)) <= 1:
        return [clause]
    out = []
    start = 0
    for i, ch in enumerate(clause.text + "、"):
        if ch in "、和及" or i == len(clause.text):
            piece = clause.text[start:i]
            if piece.strip():
                out.append(Clause(piece, clause.offset + start))
            start = i + 1
    return out


def figures(report: Report) -> Iterator[Figure]:
    """Every figure the prose states that can be compared with a table."""
    for fig in _stated(report.text or ""):
        if _context_ok(report, fig.quantity, fig.sentence, fig.clause.text):
            yield fig


_stated_cache: list[tuple[str, list[Figure]]] = []


def _stated(text: str) -> list[Figure]:
    """Every clause with one count and one quantity (before the context filters).

    Depends on the text only, so it is computed once per text.
    """
    entry = _stated_cache[0] if _stated_cache else None  # read once: another thread may replace it
    if entry is not None and entry[0] is text:
        return entry[1]
    out: list[Figure] = []
    for s in sentences(text):
        clauses = s.clauses
        for ci, clause in enumerate(clauses):
            for piece in _split_counts(clause):
                counts = COUNT.findall(piece.text)
                if len(counts) != 1:
                    continue
                qid = _quantity_of(piece.text)
                if qid is None or qid not in QUANTITIES:
                    continue
                value = int(counts[0].replace(",", ""))
                percent = _percent(piece.text, clauses[ci + 1 :])
                out.append(Figure(QUANTITIES[qid], value, s, piece, percent))
    _stated_cache[:] = [(text, out)]
    return out


def _percent(text: str, following: list[Clause]) -> str | None:
    m = PERCENT.search(text)
    if m:
        return m[1]
    if following:
        nxt = following[0].text.strip()
        m2 = PERCENT.search(nxt)
        if m2 and nxt.startswith(("占", "比例", "比重")) and not COUNT.search(nxt):
            return m2[1]
    return None


def _percent_ok(report: Report, value: int, stated: str) -> bool:
    """The stated share of one outcome agrees with some reading of the totals.

    Shares are taken of the applications answered (（七）总计), or of those received;
    a stated figure within one unit of its last digit of the exact share is accepted
    (it may be rounded or cut off).
    """
    p = Decimal(stated)
    exponent = p.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    both = (*QUANTITIES["answered"].values(report), *QUANTITIES["received"].values(report))
    bases = [b for b in both if b > 0]
    if not bases:
        return True
    return any(abs(Decimal(value) * 100 / b - p) < unit for b in bases)


def _quote(s: Sentence) -> str:
    text = re.sub(r"\s+", " ", s.quote).strip().rstrip("；;，,")
    return text if len(text) <= 120 else text[:118] + "…"


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class Claim:
    """A statement without a number that asserts a table fact."""

    id: str
    pattern: str
    family: str
    """applications | review: the context filter and the finding code."""


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "all_completed",
        r"(?:所有|全部)[^，,。；]{0,12}?(?:均|都)?已?[^，,。；]{0,6}?"
        r"(?:办结|办理完成|办理完毕|答复完毕|答复完成|处理完毕)|均已(?:全部)?(?:办结|办理完成|办理完毕)",
        "applications",
    ),
    Claim(
        "none_received",
        r"(?:未|没有)(?:收到|受理|接到)(?:任何)?(?:政府信息公开|依申请公开|信息公开)?的?申请(?!人)",
        "applications",
    ),
    Claim(
        "none_review",
        r"(?:未|没有)(?:发生|产生|出现|收到|接到|涉及|被申请|被提起|有)[^，,。；]{0,16}?(?:复议|诉讼)"
        r"|无(?:政府信息公开)?(?:相关)?(?:行政)?(?:复议|诉讼)",
        "review",
    ),
    Claim("all_upheld", r"(?:均|全部|都)(?:获|被|予以|得到|已)?(?:维持|胜诉)", "review"),
    Claim(
        "none_corrected",
        r"(?:未|没有|无)(?:被|发生|出现)[^，,。；]{0,10}?(?:纠错|纠正)|零纠错",
        "review",
    ),
)
_CLAIMS = [(c, re.compile(c.pattern)) for c in CLAIMS]
_CLAIM_EXCLUDE = {
    "all_completed": re.compile(r"期限|时限|按时|及时|逾期|未全部|率|结转|上年|去年|\d"),
    "none_received": re.compile(r"\d"),
    "none_review": re.compile(r"纠错|纠正|败诉|撤销|确认违法|维持|\d|经复议"),
    "all_upheld": re.compile(r"未|尚"),
    "none_corrected": re.compile(r"\d+\s*(?:件|起)[^，,。；]*纠|结果纠正|尚未审结|审结"),
}


def _subjects(text: str) -> list[str]:
    out = []
    if "复议" in text.replace("复议后起诉", "").replace("经复议", ""):
        out.append("review")
    if "诉讼" in text or "起诉" in text:
        out.append("litigation")
    return out


def _t4_cells(report: Report, subject: str) -> dict[str, int] | None:
    rows = ["review"] if subject == "review" else ["litigation_direct", "litigation_after_review"]
    out: dict[str, int] = {}
    for col in (*OUTCOMES, "total"):
        total = 0
        for r in rows:
            v = _cell_int(report, "review_litigation", r, col)
            if v is None:
                return None
            total += v
        out[col] = total
    return out


_SUBJECT_ZH = {"review": "行政复议", "litigation": "行政诉讼"}


@dataclass
class Contradiction:
    """A claim the tables contradict."""

    claim: Claim
    sentence: Sentence
    offset: int
    zh: str
    en: str
    table: str
    row: str | None
    column: str | None
    actual: str
    expected: str


def contradictions(report: Report) -> Iterator[Contradiction]:
    """Statements without a number that the tables contradict."""
    seen: set[tuple[str, str]] = set()
    done: set[tuple[int, str]] = set()
    for claim, s, clause in _claimed(report.text or ""):
        if (id(s), claim.id) in done:
            continue
        if _other_year(report, s) or not _own_scope(report, s.context):
            continue
        c = _check_claim(report, claim, s, clause)
        if c is not None and (claim.id, c.expected) not in seen:
            seen.add((claim.id, c.expected))
            done.add((id(s), claim.id))
            yield c


_claimed_cache: list[tuple[str, list[tuple[Claim, Sentence, Clause]]]] = []


def _claimed(text: str) -> list[tuple[Claim, Sentence, Clause]]:
    """Every clause that makes a claim (depends on the text only: computed once per text)."""
    entry = (
        _claimed_cache[0] if _claimed_cache else None
    )  # read once: another thread may replace it
    if entry is not None and entry[0] is text:
        return entry[1]
    out = [
        (claim, s, clause)
        for s in sentences(text)
        for claim, pat in _CLAIMS
        for clause in s.clauses
        if pat.search(clause.text) and not _CLAIM_EXCLUDE[claim.id].search(clause.text)
    ]
    _claimed_cache[:] = [(text, out)]
    return out


def _check_claim(report: Report, claim: Claim, s: Sentence, clause: Clause) -> Contradiction | None:
    if claim.family == "applications":
        if "申请" not in s.context or NOT_APPLICATIONS.search(s.context):
            return None
        if COUNT.search(clause.text):
            return None
        if claim.id == "all_completed":
            fwd = QUANTITIES["carried_forward"].values(report)
            if not fwd or min(fwd) == 0:
                return None
            n = min(fwd)
            return Contradiction(
                claim,
                s,
                clause.offset,
                f"称申请均已办结，但表三「四、结转下年度继续办理」为 {n} 件",
                f"says every application was completed, but Table 3 carries {n} forward "
                f"to next year",
                "applications",
                "carried_forward",
                "total",
                "全部办结",
                str(n),
            )
        got = QUANTITIES["received"].values(report)
        if not got or min(got) == 0:
            return None
        return Contradiction(
            claim,
            s,
            clause.offset,
            f"称未收到申请，但表三「一、本年新收」为 {min(got)} 件",
            f"says no application was received, but Table 3 shows {min(got)} received",
            "applications",
            "new_received",
            "total",
            "0",
            str(min(got)),
        )
    if not _about_disclosure(s):
        return None
    subjects = _subjects(clause.text if claim.id == "none_review" else s.context)
    bad_zh: list[str] = []
    bad_en: list[str] = []
    for subject in subjects:
        cells = _t4_cells(report, subject)
        if cells is None:
            continue
        name = _SUBJECT_ZH[subject]
        if claim.id == "none_review" and cells["total"] > 0:
            bad_zh.append(f"{name}总计 {cells['total']} 件")
            bad_en.append(f"{subject} total {cells['total']}")
        elif claim.id == "all_upheld":
            parts = [
                (zh, cells[k])
                for k, zh in (
                    ("corrected", "结果纠正"),
                    ("other", "其他结果"),
                    ("pending", "尚未审结"),
                )
                if cells[k]
            ]
            bad_zh.extend(f"{name}{zh} {n} 件" for zh, n in parts)
            bad_en.extend(f"{subject} {k} {n}" for k, n in parts)
        elif claim.id == "none_corrected" and cells["corrected"] > 0:
            bad_zh.append(f"{name}结果纠正 {cells['corrected']} 件")
            bad_en.append(f"{subject} corrected {cells['corrected']}")
    if not bad_zh:
        return None
    what = {
        "none_review": ("称未发生行政复议、行政诉讼", "says there was no review or lawsuit"),
        "all_upheld": ("称均获维持", "says all were upheld"),
        "none_corrected": ("称未被纠错", "says none was corrected"),
    }[claim.id]
    return Contradiction(
        claim,
        s,
        clause.offset,
        f"{what[0]}，但表四为{'、'.join(bad_zh)}",
        f"{what[1]}, but Table 4 shows {', '.join(bad_en)}",
        "review_litigation",
        subjects[0] if subjects[0] == "review" else None,
        None,
        what[0][1:],
        "、".join(bad_zh),
    )


# --------------------------------------------------------------------------- money amounts

MONEY_UNITS: dict[str, Decimal] = {
    "亿元": Decimal(10_000),
    "千万元": Decimal(1_000),
    "百万元": Decimal(100),
    "万元": Decimal(1),
    "千元": Decimal("0.1"),
    "元": Decimal("0.0001"),
}
"""The units prose writes money in, and their size in 万元 (the unit of 表二)."""

MONEY = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*("
    + "|".join(sorted(MONEY_UNITS, key=len, reverse=True))
    + ")"
)
APPROXIMATE = re.compile(r"约|近|逾|超过|超出|不足|不到|左右|以上|以下|余|多")
"""A figure said to be approximate (「约12万元」, 「12万元以上」) is not compared."""


@dataclass(frozen=True)
class Amount:
    """A money amount of a table (in 万元) that prose may state."""

    id: str
    zh: str
    en: str
    table: str
    row: str
    column: str
    versions: tuple[str, ...]
    """The format versions whose table has the cell (the 2019 表二 has no fee amount)."""
    keyword: str
    """A word every sentence about it contains (a quick test of the whole text)."""
    name: str
    """Names the amount in a clause wherever it stands (「行政事业性收费」)."""
    weak_name: str
    """Names it only at the start of a clause in :attr:`own_sections` (「本年收费金额0元」
    under 二、主动公开), in a sub-sentence that names nothing of :attr:`other_things`."""
    own_sections: frozenset[int]
    sections: frozenset[int]
    """The sections whose prose is read (六 states the 信息处理费, 三 the applications)."""
    none: str
    """A claim that there was none (「未收取行政事业性收费」), without a figure."""
    follows: str
    """What may stand beside the figure in a clause that follows a clause naming the
    amount (「行政事业性收费方面，全年收取12.5万元」)."""
    other_things: str
    """Words in a clause that make its figure about something else (other fees,
    reductions, items, a part)."""
    other_context: str
    """Words in a sub-sentence that make its figures about other money (budgets, non-tax
    revenue, the fees of applications)."""


AMOUNTS: tuple[Amount, ...] = (
    Amount(
        "administrative_fees",
        "行政事业性收费",
        "administrative fees",
        "proactive_disclosure",
        "administrative_fees",
        "amount",
        ("2021",),
        keyword="收费",
        name=r"行政事业性收费",
        weak_name=r"^\s*(?:本年度?|全年|当年|年度)?(?:共|累计)?收费(?:金额|总额|收入)",
        own_sections=frozenset({2}),
        sections=frozenset({1, 2}),
        none=r"(?:未|没有|无)(?:收取|征收|发生|产生|涉及|有)?(?:任何)?的?行政事业性收费"
        r"|行政事业性收费(?:金额|收入|总额)?(?:为|是)?(?:零|0)(?![\d.])(?!\s*(?:项|件|个|条|次|笔|家))",
        follows=r"(?:本年度?|全年|当年|年度|共|共计|合计|总计|累计|收取|征收|实收|收入|金额|收费|总额|"
        r"为|达|计|是|了|\s)*",
        other_things=r"信息处理费|处理费|经营服务性|服务性收费|中介|涉企|停车|景区|门票|标准|目录|清单|"
        r"项目|政策|减免|免征|免收|减征|减收|降费|减负|让利|清理|取消|退还|退费|罚没|罚款|违规|违法|"
        r"乱收费|代收|其中|除|以外|之外|政府性基金|基金",
        other_context=r"预算|决算|非税|税收|财政收入|一般公共|国有资本|收支|信息公开|依申请|申请|"
        r"信息处理|处理费|检索|复制|邮寄|递送",
    ),
)


class _AmountPatterns(NamedTuple):
    name: re.Pattern[str]
    weak: re.Pattern[str]
    none: re.Pattern[str]
    follows: re.Pattern[str]
    other: re.Pattern[str]
    other_context: re.Pattern[str]


_AMOUNT_PATTERNS = {
    a.id: _AmountPatterns(
        *(
            re.compile(p)
            for p in (a.name, a.weak_name, a.none, a.follows, a.other_things, a.other_context)
        )
    )
    for a in AMOUNTS
}


@dataclass(frozen=True)
class Money:
    """An amount in 万元 and the precision it is written with."""

    wan: Decimal
    step: Decimal
    """One unit of its last written digit, in 万元 (0 for zero: a zero is exact)."""
    written: str
    """As written (「12.5万元」, or the table cell's text)."""


def read_money(number: str, unit: str) -> Money:
    """「125,000」「元」 → 12.5 万元, written to the 元 (Decimal, never float)."""
    d = Decimal(number.replace(",", ""))
    factor = MONEY_UNITS[unit]
    exponent = d.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) * factor
    return Money(d * factor, Decimal(0) if d == 0 else step, f"{number}{unit}")


def amounts_agree(prose: Money, table: Money, tolerance: Decimal) -> bool:
    """Whether a stated amount agrees with the table's.

    They agree when they differ by at most ``tolerance`` plus half a unit of the last digit
    of the less precisely written one (one is the other rounded: 2.4亿元 for 24252.311082
    万元, 125326元 for 12.53 万元), or when the less precise one is the other cut off at its
    last digit (2.42亿元 for 24252.31 万元). A zero is exact.
    """
    diff = abs(prose.wan - table.wan)
    if diff * 2 <= tolerance * 2 + max(prose.step, table.step):
        return True
    return any(0 <= b.wan - a.wan < a.step for a, b in ((prose, table), (table, prose)) if a.step)


def table_money(report: Report, amount: Amount) -> tuple[Money, Cell] | None:
    """The table's amount in 万元 with its cell (blank or placeholder: 0), or None when the
    cell is missing, not a number, or not in the report's format version."""
    if (report.format_version or "2021") not in amount.versions:
        return None
    data = report.tables.get(amount.table)
    cell = data.get(amount.row, amount.column) if data else None
    if cell is None or cell.state in (CellState.TEXT, CellState.FORMULA_NO_VALUE):
        return None
    raw = cell.raw.strip()
    if not cell.numeric or cell.value is None:
        return Money(Decimal(0), Decimal(0), raw), cell
    value = Decimal(cell.value)
    money = read_money(str(value), "元" if cell.unit == "元" else "万元")
    return Money(money.wan, money.step, raw), cell


@dataclass
class StatedAmount:
    """An amount the prose states (or says there was none of)."""

    amount: Amount
    money: Money
    sentence: Sentence
    clause: Clause
    none: bool = False
    """A claim of none (「未收取行政事业性收费」) rather than a figure."""


def stated_amounts(report: Report, lay: Layout | None) -> Iterator[StatedAmount]:
    """Every amount the prose states that can be compared with a table.

    A figure is read when its clause names the amount (or the clause before it does, and
    the figure stands alone: 「行政事业性收费方面，全年收取12.5万元」) and holds exactly one
    money figure; a clause naming it with no figure may say there was none. Only the
    sections of :attr:`Amount.sections` are read, and the context filters of the count
    rules apply: other years, other units, comparisons, other times; then the amount's own
    (other fees, budgets, non-tax revenue, approximate figures).
    """
    text = report.text or ""
    for amount in AMOUNTS:
        if amount.keyword not in text:
            continue
        other_context = _AMOUNT_PATTERNS[amount.id].other_context
        for s in sentences(text):
            if amount.keyword not in s.text or other_context.search(s.text):
                continue
            section = lay.section_at(s.offset) if lay is not None else None
            if section not in amount.sections:
                continue
            if _other_year(report, s) or not _own_scope(report, s.context):
                continue
            clauses = s.clauses
            for i, clause in enumerate(clauses):
                found = _amount_in(amount, clause, clauses[i - 1] if i else None, section, s)
                if found is not None and _amount_context_ok(clause.text):
                    yield found


def _amount_in(
    amount: Amount, clause: Clause, before: Clause | None, section: int, s: Sentence
) -> StatedAmount | None:
    """What one clause states about an amount (None: nothing, or nothing certain)."""
    name, weak, none, follows, other, _ = _AMOUNT_PATTERNS[amount.id]
    text = clause.text
    if other.search(text):
        return None
    figures = list(MONEY.finditer(text))
    if len(figures) > 1:
        return None
    if not figures:
        if none.search(text):
            return StatedAmount(amount, Money(Decimal(0), Decimal(0), "0"), s, clause, True)
        return None
    m = figures[0]
    named = bool(name.search(text)) or (
        section in amount.own_sections
        and weak.search(text) is not None
        and not other.search(s.text)
    )
    if not named:
        rest = text[: m.start()] + text[m.end() :]
        named = (
            before is not None
            and bool(name.search(before.text))
            and not MONEY.search(before.text)
            and not other.search(before.text)
            and follows.fullmatch(rest.strip().rstrip("。！？!?；;、").strip()) is not None
        )
    if not named or APPROXIMATE.search(text):
        return None
    return StatedAmount(amount, read_money(m[1], m[2]), s, clause)


def _amount_context_ok(clause: str) -> bool:
    """The clause filters of the count rules: comparisons and other times."""
    if COMPARISON.search(clause):
        return False
    return not (OTHER_TIME.search(clause) and not OWN_YEAR_CUMULATIVE.search(clause))


# --------------------------------------------------------------------------- rules


_GROUPS = {
    "denied": "denied",
    "unable": "unable",
    "not_processed": "not_processed",
    "other": "other",
}


def _one_reason(report: Report, fig: Figure) -> Values:
    """For 「因涉及第三方合法权益不予公开1件」, a count of one reason (one sub-row) is also
    right; 「因本机关不掌握等原因无法提供265件」 (等: and others) is about the whole group."""
    prefix = fig.quantity.id
    text = fig.clause.text
    if prefix not in _GROUPS or not SPECIFIC_REASON.search(text) or "等" in text:
        return ()
    if "applications" not in report.tables:
        return ()
    rows = [r.id for r in report.table_def("applications").rows if r.id.startswith(prefix + "_")]
    return tuple(v for r in rows for v in _sum_rows(report, "applications", [r], APPLICANTS))


def _mismatches(report: Report, families: tuple[str, ...]) -> Iterator[tuple[Figure, Values]]:
    seen: set[tuple[str, int]] = set()
    for fig in figures(report):
        if fig.quantity.family not in families:
            continue
        values = fig.quantity.values(report)
        if not values or fig.value in values or fig.value in _one_reason(report, fig):
            continue
        key = (fig.quantity.id, fig.value)
        if key in seen:
            continue
        seen.add(key)
        yield fig, values


def _figure_finding(
    code: str, report: Report, lay: Layout | None, fig: Figure, values: Values
) -> Finding:
    q = fig.quantity
    table_value, *others = values
    shown = others and q.id != "received"  # received: N or N + C, the label says so
    alt = f"（按各列相加为 {others[0]}）" if shown else ""
    alt_en = f" ({others[0]} adding up the columns)" if shown else ""
    pct = f"（{fig.percent}%）" if fig.percent else ""
    quote = _quote(fig.sentence)
    return make(
        code,
        f"正文「{quote}」中{q.zh} {fig.value} 件{pct}，与{q.label} {table_value} 件{alt}不一致",
        f"the text 「{quote}」 gives {q.en} as {fig.value}, but {q.label} is {table_value}{alt_en}",
        table=q.table,
        row=q.row,
        column="total" if q.family != "documents" else None,
        location=text_location(report, lay, fig.clause.offset),
        actual=str(fig.value),
        expected=str(table_value),
        difference=str(fig.value - table_value),
        extra={"quantity": q.id, "sentence": fig.sentence.text},
    )


def _applies(report: Report) -> bool:
    return report.sections is not None and bool(report.text) and bool(report.tables)


@rule(
    "RC401",
    "prose-applications",
    Severity.WARNING,
    "正文中的申请数字与表三不一致",
    "application figures in the text differ from Table 3",
)
def prose_applications(report: Report, settings: Settings) -> Iterator[Finding]:
    """A figure in the text about applications differs from 表三.

    Compared: applications received (本年新收, or with 上年结转), carried over, answered
    (办结/答复 = （七）总计), carried forward, and the count of each outcome (予以公开,
    部分公开, 不予公开, 无法提供, 不予处理, 其他处理; 「予以公开及部分公开」 is their sum), and
    「所有申请均已办结」 against a carry-forward. Figures about other years, other units or other
    things (网络问政, 行政许可申请 …) and comparisons (同比, 较上年) are not compared.

    Passes: 「全年收到申请31件，答复31件」 with 本年新收 31 and （七）总计 31
    Fails:  「因本机关不掌握等原因无法提供265件」 while （四）无法提供 adds up to 337
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("applications", "outcome")):
        yield _figure_finding("RC401", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "applications":
            yield _claim_finding("RC401", report, lay, c)


def _claim_finding(code: str, report: Report, lay: Layout | None, c: Contradiction) -> Finding:
    quote = _quote(c.sentence)
    return make(
        code,
        f"正文「{quote}」{c.zh}",
        f"the text 「{quote}」 {c.en}",
        table=c.table,
        row=c.row,
        column=c.column,
        location=text_location(report, lay, c.offset),
        actual=c.actual,
        expected=c.expected,
        extra={"claim": c.claim.id, "sentence": c.sentence.text},
    )


@rule(
    "RC402",
    "prose-percentage",
    Severity.WARNING,
    "正文中的办理结果占比与表三不符",
    "outcome percentage in the text does not fit Table 3",
)
def prose_percentage(report: Report, settings: Settings) -> Iterator[Finding]:
    """A percentage of an outcome in the text does not fit its count and the total answered.

    Checked only when the count itself agrees with 表三 (otherwise RC401 already reports
    the sentence). The share is taken of the applications answered (（七）总计) or received;
    a figure rounded or cut off at its last digit is accepted.

    Passes: 「不予处理158件，占19.6%」 with 805 answered (19.63 %)
    Fails:  「予以公开40件，占50%」 with 100 answered
    """
    if not _applies(report):
        return
    lay = layout(report)
    seen: set[tuple[str, str]] = set()
    for fig in figures(report):
        if fig.quantity.family != "outcome" or fig.percent is None:
            continue
        values = fig.quantity.values(report)
        if fig.value not in values or _percent_ok(report, fig.value, fig.percent):
            continue
        if (fig.quantity.id, fig.percent) in seen:
            continue
        seen.add((fig.quantity.id, fig.percent))
        answered = (QUANTITIES["answered"].values(report) or (0,))[0]
        exact = (
            (Decimal(fig.value) * 100 / answered).quantize(Decimal("0.01")) if answered else None
        )
        quote = _quote(fig.sentence)
        q = fig.quantity
        yield make(
            "RC402",
            f"正文「{quote}」中{q.zh}占 {fig.percent}%，按表三 {fig.value} / {answered} 应为 {exact}%",
            f"the text 「{quote}」 gives {q.en} as {fig.percent}%, but by Table 3 "
            f"{fig.value} / {answered} it is {exact}%",
            table=q.table,
            row=q.row,
            column="total",
            location=text_location(report, lay, fig.clause.offset),
            actual=f"{fig.percent}%",
            expected=f"{exact}%",
            extra={"quantity": q.id, "sentence": fig.sentence.text},
        )


@rule(
    "RC403",
    "prose-review-litigation",
    Severity.WARNING,
    "正文中的行政复议、行政诉讼情况与表四不一致",
    "review or litigation figures in the text differ from Table 4",
)
def prose_review_litigation(report: Report, settings: Settings) -> Iterator[Finding]:
    """What the text says about 行政复议 and 行政诉讼 differs from 表四.

    Compared: the number of reviews (表四 行政复议·总计) and of lawsuits (未经复议直接起诉·总计 +
    复议后起诉·总计), and statements without a number: 「均获维持」 (nothing corrected, other
    or pending), 「未被纠错」 (nothing corrected), 「未发生行政复议、行政诉讼」 (totals 0).

    Passes: 「行政复议7件，诉讼9件」 with 表四 totals 7 and 9
    Fails:  「行政复议7件，诉讼9件，均获维持」 while 3 cases are 尚未审结
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("review",)):
        yield _figure_finding("RC403", report, lay, fig, values)
    for c in contradictions(report):
        if c.claim.family == "review":
            yield _claim_finding("RC403", report, lay, c)


@rule(
    "RC404",
    "prose-documents",
    Severity.WARNING,
    "正文中的规章、规范性文件数与表二不一致",
    "regulation or normative-document counts in the text differ from Table 2",
)
def prose_documents(report: Report, settings: Settings) -> Iterator[Finding]:
    """A count of 规章 or 规范性文件 in the text differs from 表二.

    「制发/出台/主动公开规范性文件N件」 is compared with 本年制发件数 (2019: 本年新制作数量 or
    本年新公开数量), 「现行有效…N件」 with 现行有效件数, 「废止…N件」 with 本年废止件数. Documents of
    other bodies (部门规范性文件, 各区…), documents reprinted (刊登, 转发, 汇编), reviewed or
    cleaned up (备案审查, 清理) and 规章制度 (internal rules) are not compared.

    Passes: 「主动公开行政规范性文件13件」 with 本年制发件数 13
    Fails:  「全年制发行政规范性文件8件」 with 本年制发件数 5
    """
    if not _applies(report):
        return
    lay = layout(report)
    for fig, values in _mismatches(report, ("documents",)):
        yield _figure_finding("RC404", report, lay, fig, values)


@rule(
    "RC405",
    "prose-fee-amount",
    Severity.WARNING,
    "正文中的行政事业性收费金额与表二不一致",
    "administrative-fee amount in the text differs from Table 2",
)
def prose_fee_amount(report: Report, settings: Settings) -> Iterator[Finding]:
    """The 行政事业性收费 amount the text states differs from 表二's 本年收费金额 (万元).

    Amounts written in 元, 万元 or 亿元 are converted to 万元 and compared with 表二
    (2021 format; the 2019 表二 has no fee amount). They agree when they differ by at most
    ``amount-tolerance`` (万元, default 0) plus half a unit of the last digit of the less
    precisely written one (2.4亿元 is 24252.311082 万元 rounded), or when that one is the
    other cut off at its last digit. 「未收取行政事业性收费」 against a non-zero amount is a
    finding too. Only sections 一 and 二 are read (「本年收费金额…」 without the fee's name
    only in 二); the 信息处理费 of section 六 is a different fee and is never compared, nor
    are figures of other years, comparisons (同比), other units, budgets (预算), non-tax
    revenue (非税收入), reductions (减免) or approximate figures (约).

    Passes: 「全年收取行政事业性收费125000元」 with 本年收费金额 12.5
    Fails:  「本年度未收取行政事业性收费」 with 本年收费金额 3.2
    """
    if not _applies(report) or "收费" not in (report.text or ""):
        return
    lay = layout(report)
    tolerance = settings.amount_tolerance
    seen: set[tuple[str, Decimal, bool]] = set()
    for st in stated_amounts(report, lay):
        a = st.amount
        got = table_money(report, a)
        if got is None:
            continue
        table, cell = got
        if amounts_agree(st.money, table, tolerance):
            continue
        key = (a.id, st.money.wan, st.none)
        if key in seen:
            continue
        seen.add(key)
        yield _amount_finding(report, lay, st, table, cell, tolerance)


def _amount_finding(
    report: Report,
    lay: Layout | None,
    st: StatedAmount,
    table: Money,
    cell: Cell,
    tolerance: Decimal,
) -> Finding:
    a = st.amount
    quote = _quote(st.sentence)
    prose_wan = fmt_number(st.money.wan)
    table_wan = fmt_number(table.wan)
    diff = fmt_number(st.money.wan - table.wan)
    tol = fmt_number(tolerance)
    cell_zh = f"{where(report, a.table, a.row, a.column)}{at_zh(cell)}"
    cell_en = f"{where_en(report, a.table, a.row, a.column)}{at(cell)}"
    written = f"「{table.written}」" if table.written and table.written != table_wan else ""
    if st.none:
        said_zh, said_en = f"称未收取{a.zh}", f"says no {a.en} were collected"
    else:
        in_wan = st.money.written == f"{prose_wan}万元"
        said_zh = f"中{a.zh}为 {st.money.written}" + ("" if in_wan else f"（{prose_wan} 万元）")
        said_en = f"gives {a.en} as {st.money.written}" + (
            "" if in_wan else f" ({prose_wan} × 10,000 yuan)"
        )
    return make(
        "RC405",
        f"正文「{quote}」{said_zh}，但{cell_zh} 为 {table_wan} 万元{written}"
        f"（相差 {diff} 万元，容差 {tol} 万元）",
        f"the text 「{quote}」 {said_en}, but {cell_en} is {table_wan}{written} (× 10,000 yuan;"
        f" difference {diff}, tolerance {tol})",
        cell_fields(report, a.table, a.row, a.column),
        location=text_location(report, lay, st.clause.offset),
        actual=prose_wan,
        expected=table_wan,
        difference=diff,
        extra={
            "quantity": a.id,
            "sentence": st.sentence.text,
            "tolerance": tol or "0",
            **({"claim": "none"} if st.none else {}),
        },
    )
