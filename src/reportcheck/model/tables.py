"""The tables of the annual report, declared as data.

This module is the one source of truth for 表二, 表三 and 表四 in both format versions:
every table, row and column has a stable English id (used in JSON, findings and code),
its official Chinese label, an English name, and the label variants readers accept.
Readers match labels against these declarations; rules refer to ids; renderers and
messages take their labels from here; the pydantic submission models and the JSON
Schemas in ``schemas/`` are generated from it (:mod:`reportcheck.model.submission`).

Glossary (one English identifier per Chinese term):

=========================  =============================================
proactive_disclosure       表二 主动公开政府信息情况
applications               表三 收到和处理政府信息公开申请情况
review_litigation          表四 政府信息公开行政复议、行政诉讼情况
new_received               一、本年新收政府信息公开申请数量
carried_over               二、上年结转政府信息公开申请数量
granted / partial          （一）予以公开 / （二）部分公开
denied_N                   （三）不予公开 N.
unable_N                   （四）无法提供 N.
not_processed_N            （五）不予处理 N.
other_N / other            （六）其他处理 N. (2021) / （六）其他处理 (2019)
total                      （七）总计 (row) / 总计 (column)
carried_forward            四、结转下年度继续办理
natural_person             自然人
commercial … other         商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他
review                     行政复议
litigation_direct          行政诉讼 · 未经复议直接起诉
litigation_after_review    行政诉讼 · 复议后起诉
upheld/corrected/other/pending/total   结果维持/结果纠正/其他结果/尚未审结/总计
=========================  =============================================
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field
from enum import StrEnum
from functools import cached_property
from typing import ParamSpec, TypeVar

from reportcheck.model.labels import label_key, strip_numbering
from reportcheck.records import record


class ValueKind(StrEnum):
    """What a cell may hold."""

    COUNT = "count"
    """A whole number ≥ 0."""
    SIGNED_COUNT = "signed_count"
    """A whole number that may be negative (the 2019 本年增/减)."""
    AMOUNT = "amount"
    """A decimal ≥ 0 in 万元 (表二 本年收费金额)."""
    MONEY = "money"
    """Money, often written with its unit (the 2019 采购总金额)."""


@record(frozen=True)
class ColumnDef:
    """One column of a table (or of a 表二 block)."""

    id: str
    label: str
    en: str
    kind: ValueKind = ValueKind.COUNT
    variants: tuple[str, ...] = ()
    band: str | None = None
    """The header band above the column, e.g. 法人或其他组织 or 未经复议直接起诉."""

    @cached_property
    def keys(self) -> frozenset[str]:
        """Normalised label keys this column is recognised by."""
        return _keys(self.label, self.variants)


@record(frozen=True)
class RowDef:
    """One row of a table."""

    id: str
    label: str
    en: str
    columns: tuple[ColumnDef, ...]
    variants: tuple[str, ...] = ()
    group: str | None = None
    """The merged label to the left, e.g. （三）不予公开 or 三、本年度办理结果."""
    block: str | None = None
    """表二 only: the block header naming the article item, e.g. 第二十条第（一）项."""
    result: bool = False
    """表三: a 办理结果 row that adds up to （七）总计."""

    @cached_property
    def keys(self) -> frozenset[str]:
        """Normalised label keys this row is recognised by."""
        return _keys(self.label, self.variants)

    def has_column(self, column_id: str) -> bool:
        """Whether the row has a column with this id."""
        return any(col.id == column_id for col in self.columns)

    def column(self, column_id: str) -> ColumnDef:
        """The column with this id (KeyError if the row has none)."""
        for col in self.columns:
            if col.id == column_id:
                return col
        raise KeyError(column_id)

    @property
    def full_label(self) -> str:
        """Label with its group, as a person would name the row."""
        if self.group and not self.group.startswith("三、"):
            return f"{self.group}{self.label}"
        return self.label


@record(frozen=True)
class TableDef:
    """A table of one format version."""

    id: str
    short: str
    title: str
    en: str
    rows: tuple[RowDef, ...]
    note: str | None = None

    @cached_property
    def _rows(self) -> dict[str, RowDef]:
        return {r.id: r for r in self.rows}

    def row(self, row_id: str) -> RowDef:
        """The row with this id (KeyError if none)."""
        return self._rows[row_id]

    def has_row(self, row_id: str) -> bool:
        """Whether the table has a row with this id."""
        return row_id in self._rows

    def has_column(self, column_id: str) -> bool:
        """Whether any row of the table has a column with this id."""
        return any(c.id == column_id for c in self.columns)

    @cached_property
    def columns(self) -> tuple[ColumnDef, ...]:
        """Every distinct column, in order of first appearance."""
        seen: dict[str, ColumnDef] = {}
        for r in self.rows:
            for c in r.columns:
                seen.setdefault(c.id, c)
        return tuple(seen.values())

    @cached_property
    def _row_matches(self) -> dict[tuple[str, ...], RowDef | None]:
        """Memo of :func:`match_row` for this table."""
        return {}

    def cell_ids(self) -> list[tuple[str, str]]:
        """Every (row id, column id) of the table, in reading order."""
        return [(r.id, c.id) for r in self.rows for c in r.columns]

    @cached_property
    def blocks(self) -> tuple[str, ...]:
        """表二 block headers in order (empty for the other tables)."""
        out: list[str] = []
        for r in self.rows:
            if r.block and r.block not in out:
                out.append(r.block)
        return tuple(out)


_NOTE = re.compile(r"\((?:区分处理|单位|本列).*\)$")


def _keys(label: str, variants: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for text in (label, *variants):
        k = label_key(text)
        out.add(k)
        core = _NOTE.sub("", k)
        out.add(core)
        out.add(strip_numbering(core))
    out.discard("")
    return frozenset(out)


def row_key_candidates(text: str) -> list[str]:
    """Keys to try for a label seen in a report, most specific first."""
    k = label_key(text)
    core = _NOTE.sub("", k)
    return list(dict.fromkeys([k, core, strip_numbering(core)]))


# --------------------------------------------------------------------------- 表三

_APPLICANT_BAND = "法人或其他组织"
APPLICANT_COLUMNS = (
    ColumnDef("natural_person", "自然人", "natural persons"),
    ColumnDef("commercial", "商业企业", "commercial enterprises", band=_APPLICANT_BAND),
    ColumnDef("research", "科研机构", "research institutions", band=_APPLICANT_BAND),
    ColumnDef(
        "social_welfare", "社会公益组织", "public-interest organisations", band=_APPLICANT_BAND
    ),
    ColumnDef("legal_services", "法律服务机构", "legal service providers", band=_APPLICANT_BAND),
    ColumnDef("other", "其他", "other organisations", band=_APPLICANT_BAND),
    ColumnDef("total", "总计", "total"),
)

APPLICANT_PARTS = tuple(c.id for c in APPLICANT_COLUMNS if c.id != "total")
"""The six applicant columns that add up to 总计 (R1)."""

_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _t3(
    row_id: str,
    label: str,
    en: str,
    *variants: str,
    group: str | None = None,
    result: bool = False,
) -> RowDef:
    return RowDef(row_id, label, en, APPLICANT_COLUMNS, variants, group=group, result=result)


def _applications(*, split_other: bool) -> TableDef:
    """表三; ``split_other``: （六）其他处理 has sub-rows 1.–3. (2021) rather than being one row."""
    rows = [
        _t3("new_received", "一、本年新收政府信息公开申请数量", "new applications received"),
        _t3("carried_over", "二、上年结转政府信息公开申请数量", "carried over from last year"),
        _t3("granted", "（一）予以公开", "disclosed", group=_RESULTS, result=True),
        _t3(
            "partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "partly disclosed",
            "（二）部分公开",
            group=_RESULTS,
            result=True,
        ),
    ]
    denied = [
        ("属于国家秘密", "state secret"),
        ("其他法律行政法规禁止公开", "barred by other laws"),
        ("危及“三安全一稳定”", "endangers the 'three securities, one stability'"),
        ("保护第三方合法权益", "third-party rights"),
        ("属于三类内部事务信息", "internal affairs"),
        ("属于四类过程性信息", "process information"),
        ("属于行政执法案卷", "law-enforcement files"),
        ("属于行政查询事项", "administrative enquiry matters"),
    ]
    for i, (label, en) in enumerate(denied, 1):
        rows.append(
            _t3(f"denied_{i}", f"{i}.{label}", f"withheld: {en}", group=_DENIED, result=True)
        )
    unable = [
        ("本机关不掌握相关政府信息", "not held by this agency"),
        ("没有现成信息需要另行制作", "would have to be created"),
        ("补正后申请内容仍不明确", "still unclear after correction"),
    ]
    for i, (label, en) in enumerate(unable, 1):
        rows.append(
            _t3(f"unable_{i}", f"{i}.{label}", f"cannot provide: {en}", group=_UNABLE, result=True)
        )
    not_processed = [
        ("信访举报投诉类申请", "petitions, reports and complaints"),
        ("重复申请", "repeated applications"),
        ("要求提供公开出版物", "requests for published material"),
        ("无正当理由大量反复申请", "mass repeated applications without good reason"),
        (
            "要求行政机关确认或重新出具已获取信息",
            "requests to confirm or reissue obtained information",
        ),
    ]
    for i, (label, en) in enumerate(not_processed, 1):
        rows.append(
            _t3(
                f"not_processed_{i}",
                f"{i}.{label}",
                f"not processed: {en}",
                group=_NOT_PROCESSED,
                result=True,
            )
        )
    if not split_other:
        rows.append(_t3("other", _OTHER, "otherwise handled", group=_RESULTS, result=True))
    else:
        other = [
            (
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "applicant did not correct in time",
            ),
            (
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "applicant did not pay the fee in time",
            ),
            ("其他", "other"),
        ]
        for i, (label, en) in enumerate(other, 1):
            rows.append(
                _t3(
                    f"other_{i}",
                    f"{i}.{label}",
                    f"otherwise handled: {en}",
                    group=_OTHER,
                    result=True,
                )
            )
    rows.append(_t3("total", "（七）总计", "total answered", group=_RESULTS))
    rows.append(_t3("carried_forward", "四、结转下年度继续办理", "carried forward to next year"))
    return TableDef(
        "applications",
        "表三",
        "收到和处理政府信息公开申请情况",
        "applications received and handled",
        tuple(rows),
        note="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    )


# --------------------------------------------------------------------------- 表四

OUTCOME_COLUMNS = (
    ColumnDef("upheld", "结果维持", "upheld"),
    ColumnDef("corrected", "结果纠正", "corrected"),
    ColumnDef("other", "其他结果", "other outcome"),
    ColumnDef("pending", "尚未审结", "pending"),
    ColumnDef("total", "总计", "total"),
)

OUTCOME_PARTS = tuple(c.id for c in OUTCOME_COLUMNS if c.id != "total")
"""The four outcomes that add up to 总计 in each 表四 group (R5)."""

REVIEW_LITIGATION = TableDef(
    "review_litigation",
    "表四",
    "政府信息公开行政复议、行政诉讼情况",
    "administrative review and litigation",
    (
        RowDef("review", "行政复议", "administrative review", OUTCOME_COLUMNS),
        RowDef(
            "litigation_direct",
            "未经复议直接起诉",
            "litigation without prior review",
            OUTCOME_COLUMNS,
            group="行政诉讼",
        ),
        RowDef(
            "litigation_after_review",
            "复议后起诉",
            "litigation after review",
            OUTCOME_COLUMNS,
            group="行政诉讼",
        ),
    ),
)


# --------------------------------------------------------------------------- 表二

_A1, _A5, _A6, _A8, _A9 = (
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
)

_DOCS_2021 = (
    ColumnDef("made", "本年制发件数", "issued this year"),
    ColumnDef("repealed", "本年废止件数", "repealed this year"),
    ColumnDef("in_force", "现行有效件数", "in force"),
)
_DECISIONS_2021 = (ColumnDef("decisions", "本年处理决定数量", "decisions this year"),)
_FEES_2021 = (
    ColumnDef(
        "amount",
        "本年收费金额（单位：万元）",
        "fees collected this year (10,000 yuan)",
        ValueKind.AMOUNT,
        variants=("本年收费金额", "本年收费金额(万元)"),
    ),
)

PROACTIVE_2021 = TableDef(
    "proactive_disclosure",
    "表二",
    "主动公开政府信息情况",
    "proactive disclosure",
    (
        RowDef("regulations", "规章", "regulations", _DOCS_2021, block=_A1),
        RowDef(
            "normative_documents",
            "行政规范性文件",
            "normative documents",
            _DOCS_2021,
            ("规范性文件",),
            block=_A1,
        ),
        RowDef("administrative_licensing", "行政许可", "licensing", _DECISIONS_2021, block=_A5),
        RowDef("administrative_penalty", "行政处罚", "penalties", _DECISIONS_2021, block=_A6),
        RowDef(
            "administrative_coercion", "行政强制", "coercive measures", _DECISIONS_2021, block=_A6
        ),
        RowDef(
            "administrative_fees", "行政事业性收费", "administrative fees", _FEES_2021, block=_A8
        ),
    ),
)

_DOCS_2019 = (
    ColumnDef("new_made", "本年新制作数量", "made this year"),
    ColumnDef("new_published", "本年新公开数量", "published this year"),
    ColumnDef("total_published", "对外公开总数量", "published in total"),
)
_ITEMS_2019 = (
    ColumnDef("previous_items", "上一年项目数量", "items last year"),
    ColumnDef("change", "本年增/减", "change this year", ValueKind.SIGNED_COUNT, ("本年增减",)),
    ColumnDef("decisions", "处理决定数量", "decisions"),
)
_FEES_2019 = _ITEMS_2019[:2]
_PROCUREMENT_2019 = (
    ColumnDef("items", "采购项目数量", "procurement items"),
    ColumnDef("total_amount", "采购总金额", "total procurement amount", ValueKind.MONEY),
)

PROACTIVE_2019 = TableDef(
    "proactive_disclosure",
    "表二",
    "主动公开政府信息情况",
    "proactive disclosure",
    (
        RowDef("regulations", "规章", "regulations", _DOCS_2019, block=_A1),
        RowDef("normative_documents", "规范性文件", "normative documents", _DOCS_2019, block=_A1),
        RowDef("administrative_licensing", "行政许可", "licensing", _ITEMS_2019, block=_A5),
        RowDef(
            "other_services",
            "其他对外管理服务事项",
            "other external management services",
            _ITEMS_2019,
            block=_A5,
        ),
        RowDef("administrative_penalty", "行政处罚", "penalties", _ITEMS_2019, block=_A6),
        RowDef("administrative_coercion", "行政强制", "coercive measures", _ITEMS_2019, block=_A6),
        RowDef(
            "administrative_fees", "行政事业性收费", "administrative fees", _FEES_2019, block=_A8
        ),
        RowDef(
            "government_procurement",
            "政府集中采购",
            "central government procurement",
            _PROCUREMENT_2019,
            block=_A9,
        ),
    ),
)


# --------------------------------------------------------------------------- formats


@record(frozen=True)
class FormatDef:
    """One version of the report format, declared as data.

    Everything that differs between versions follows from these declarations: which version
    a report year uses (``first_year``/``last_year``), which labels tell a version apart
    (``signature``, narrowed to what no other registered version prints), which rows and
    columns the tables have (rules ask :meth:`TableDef.has_column` and friends, never the
    version string). To add a version, see :func:`registered` and the README.
    """

    version: str
    document: str
    first_year: int
    """The first report year the format applies to."""
    last_year: int | None
    """The last report year it applies to (None: still in force)."""
    tables: tuple[TableDef, ...]
    signature: frozenset[str] = field(default_factory=frozenset)
    """Label keys characteristic of this version (used to detect the version); a key that
    another registered version also prints is not evidence (see :func:`evidence_keys`)."""
    name: str = ""
    """What messages call the format, e.g. 2019 年试行格式 (default: 「<version> 年格式」)."""
    name_en: str = ""
    """The same in English, e.g. 2019 trial format (default: 「<version> format」)."""

    def table(self, table_id: str) -> TableDef:
        """The table with this id."""
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    def has_column(self, table_id: str, column_id: str) -> bool:
        """Whether the table has this column in any of its rows (表二 现行有效件数: in_force)."""
        return self.table(table_id).has_column(column_id)

    def has_row(self, table_id: str, row_id: str) -> bool:
        """Whether the table has a row with this id."""
        return self.table(table_id).has_row(row_id)

    def covers(self, year: int) -> bool:
        """Whether the format applies to a report of this year."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    @property
    def title_zh(self) -> str:
        """The name messages use in Chinese."""
        return self.name or f"{self.version} 年格式"

    @property
    def title_en(self) -> str:
        """The name messages use in English."""
        return self.name_en or f"{self.version} format"


TABLE_IDS = ("proactive_disclosure", "applications", "review_litigation")
TABLE_SHORT = {"proactive_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}
TABLE_EN = {
    "proactive_disclosure": "Table 2",
    "applications": "Table 3",
    "review_litigation": "Table 4",
}
TABLE_SECTION = {
    "proactive_disclosure": "二、",
    "applications": "三、",
    "review_litigation": "四、",
}
"""The number of the report section each table sits under (二、主动公开政府信息情况 …)."""
APPLICANT_HEADER = "申请人情况"
"""表三: the header band over all seven applicant columns."""
CONTENT_HEADER = "信息内容"
"""表二: the header of the row-label column in every block."""

_SIG_2019 = frozenset(
    label_key(s)
    for s in (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "其他对外管理服务事项",
        "政府集中采购",
        "采购项目数量",
        "采购总金额",
    )
)
_SIG_2021 = frozenset(
    label_key(s)
    for s in (
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额（单位：万元）",
        "行政规范性文件",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
)

FORMATS: dict[str, FormatDef] = {
    "2019": FormatDef(
        "2019",
        "国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》",
        2019,
        2020,
        (PROACTIVE_2019, _applications(split_other=False), REVIEW_LITIGATION),
        _SIG_2019,
        name="2019 年试行格式",
        name_en="2019 trial format",
    ),
    "2021": FormatDef(
        "2021",
        "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》",
        2021,
        None,
        (PROACTIVE_2021, _applications(split_other=True), REVIEW_LITIGATION),
        _SIG_2021,
    ),
}
"""The format registry: every known version, oldest first. Read it, never write it: a
version is added by declaring it here (or, for a test, with :func:`registered`)."""

VERSIONS = tuple(FORMATS)
"""The versions declared in this module (:data:`FORMATS` may hold more while a test has
registered one; code asks :func:`versions`)."""

_CACHES: list[Callable[[], None]] = []
_P = ParamSpec("_P")
_R = TypeVar("_R")


def formats_cache(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """:func:`functools.cache` for a value computed from the registered formats: it is
    cleared whenever the registry changes (:func:`registered`)."""
    cached = functools.cache(fn)
    _CACHES.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def on_formats_changed(clear: Callable[[], None]) -> None:
    """Call ``clear`` whenever the registry changes (for a cache :func:`formats_cache`
    does not fit, e.g. a bounded ``lru_cache`` over labels)."""
    _CACHES.append(clear)


def check_formats(formats: Mapping[str, FormatDef]) -> None:
    """Raise ValueError unless the versions form one timeline: keyed by their version,
    oldest first, each ending the year before the next begins, the last still in force,
    each with the three tables."""
    fmts = list(formats.values())
    if not fmts:
        raise ValueError("no format version")
    for key, fmt in formats.items():
        if key != fmt.version:
            raise ValueError(f"format {fmt.version} registered as {key}")
        ids = tuple(t.id for t in fmt.tables)
        if sorted(ids) != sorted(TABLE_IDS):
            raise ValueError(f"format {fmt.version}: tables {ids}, expected {TABLE_IDS}")
        if fmt.last_year is not None and fmt.last_year < fmt.first_year:
            raise ValueError(f"format {fmt.version} ends before it begins")
    for older, newer in itertools.pairwise(fmts):
        if older.last_year is None or older.last_year + 1 != newer.first_year:
            raise ValueError(
                f"format {older.version} must end in {newer.first_year - 1} "
                f"(the year before {newer.version} begins), not {older.last_year}"
            )
    if fmts[-1].last_year is not None:
        raise ValueError(f"the latest format {fmts[-1].version} must have last_year None")


def _replace_registry(formats: dict[str, FormatDef]) -> None:
    FORMATS.clear()
    FORMATS.update(formats)
    for clear in _CACHES:
        clear()


@contextmanager
def registered(*formats: FormatDef) -> Iterator[None]:
    """Register format versions for the duration of a ``with`` block (tests, experiments).

    Each declaration is added, or replaces the version of the same name (as an older
    version is re-declared with the ``last_year`` a new one ends it with); the registry is
    checked with :func:`check_formats` and restored on exit. Caches derived from the
    formats (:func:`formats_cache`) are cleared on entry and exit::

        with registered(replace(FORMATS["2021"], last_year=2026), FORMAT_2027):
            ...
    """
    before = dict(FORMATS)
    merged = dict(before)
    for fmt in formats:
        merged[fmt.version] = fmt
    ordered = dict(sorted(merged.items(), key=lambda kv: kv[1].first_year))
    check_formats(ordered)
    _replace_registry(ordered)
    try:
        yield
    finally:
        _replace_registry(before)


def versions() -> tuple[str, ...]:
    """The registered versions, oldest first."""
    return tuple(FORMATS)


def latest() -> FormatDef:
    """The format in force now (the one without a ``last_year``)."""
    return next(reversed(FORMATS.values()))


def latest_version() -> str:
    """The version of :func:`latest`: the one default wherever no version is known."""
    return latest().version


def format_def(version: str | None) -> FormatDef:
    """The format of a version; None means :func:`latest`."""
    return FORMATS[version] if version is not None else latest()


def version_for_year(year: int) -> str:
    """The format version in force for a report year (the oldest for a year before it)."""
    for fmt in FORMATS.values():
        if fmt.covers(year):
            return fmt.version
    first = next(iter(FORMATS.values()))
    return first.version if year < first.first_year else latest_version()


@formats_cache
def evidence_keys() -> dict[str, frozenset[str]]:
    """Per version, the signature keys that tell it apart: its declared ``signature``
    without any label (row, group, column, block, variant) another version also prints."""
    printed = {v: _printed_keys(fmt) for v, fmt in FORMATS.items()}
    out: dict[str, frozenset[str]] = {}
    for v, fmt in FORMATS.items():
        elsewhere = set().union(*(keys for other, keys in printed.items() if other != v))
        out[v] = frozenset(k for k in fmt.signature if k not in elsewhere)
    return out


def _printed_keys(fmt: FormatDef) -> frozenset[str]:
    keys: set[str] = set()
    for t in fmt.tables:
        for r in t.rows:
            keys |= r.keys
            for text in (r.group, r.block):
                if text:
                    keys.add(label_key(text))
            for c in r.columns:
                keys |= c.keys
    return frozenset(keys)


@formats_cache
def id_evidence() -> dict[str, frozenset[str]]:
    """Per version, the JSON keys only it has: 表三 row ids and 表二 row and column ids
    (the other tables' keys are the same in every version)."""
    own = {v: _version_ids(fmt) for v, fmt in FORMATS.items()}
    return {
        v: frozenset(ids - set().union(*(o for w, o in own.items() if w != v)))
        for v, ids in own.items()
    }


def _version_ids(fmt: FormatDef) -> frozenset[str]:
    apps, proactive = fmt.table("applications"), fmt.table("proactive_disclosure")
    ids = {r.id for r in apps.rows} | {r.id for r in proactive.rows}
    return frozenset(ids | {c.id for c in proactive.columns})


check_formats(FORMATS)
