"""The arithmetic relations of the tables, declared as data: R1, R2, R3 (表三) and R5 (表四).

A relation says: the cells on the left add up to the cells on the right. Rules evaluate
these declarations; nothing here computes. A new format version is a new set of
declarations built from its :class:`~reportcheck.model.tables.TableDef`.
"""

from __future__ import annotations

from reportcheck.model.tables import (
    APPLICANT_PARTS,
    FORMATS,
    OUTCOME_PARTS,
    TableDef,
    formats_cache,
)
from reportcheck.records import record

CellRef = tuple[str, str, str]
"""(table id, row id, column id)."""


@record(frozen=True)
class Relation:
    """``sum(lhs) == sum(rhs)``; ``total`` is the cell that holds a printed total."""

    id: str
    code: str
    lhs: tuple[CellRef, ...]
    rhs: tuple[CellRef, ...]
    total: CellRef | None
    summary: str
    summary_en: str

    @property
    def marked(self) -> CellRef:
        """The cell a spreadsheet marks when the relation does not hold: the printed total,
        or for a balance (no printed total) the last cell of its right side (结转下年度)."""
        return self.total or self.rhs[-1]

    @property
    def cells(self) -> tuple[CellRef, ...]:
        """Every cell of the relation."""
        return self.lhs + self.rhs


_PARTS = APPLICANT_PARTS
_OUTCOMES = OUTCOME_PARTS


def _applications(t: TableDef) -> list[Relation]:
    tid = t.id
    out: list[Relation] = []
    for r in t.rows:  # R1: every row's 总计 is the sum of the six applicant columns
        out.append(
            Relation(
                f"row_total:{r.id}",
                "RC301",
                ((tid, r.id, "total"),),
                tuple((tid, r.id, c) for c in _PARTS),
                (tid, r.id, "total"),
                f"{r.label}：总计 = 自然人 + 法人或其他组织各列",
                f"{r.en}: total = natural persons + all organisation columns",
            )
        )
    results = [r.id for r in t.rows if r.result]
    for c in t.columns:  # R2: （七）总计 is the sum of every result row
        out.append(
            Relation(
                f"results_total:{c.id}",
                "RC302",
                ((tid, "total", c.id),),
                tuple((tid, r, c.id) for r in results),
                (tid, "total", c.id),
                f"{c.label}列：（七）总计 = （一）至（六）各项之和",
                f"column {c.en}: total answered = sum of all result rows",
            )
        )
    for c in t.columns:  # R3: 一 + 二 = 三（七） + 四
        out.append(
            Relation(
                f"balance:{c.id}",
                "RC303",
                ((tid, "new_received", c.id), (tid, "carried_over", c.id)),
                ((tid, "total", c.id), (tid, "carried_forward", c.id)),
                None,
                f"{c.label}列勾稽关系：第一项 + 第二项 = 第三项 + 第四项",
                f"column {c.en}: received + carried over = answered + carried forward",
            )
        )
    return out


def _review_litigation(t: TableDef) -> list[Relation]:
    tid = t.id
    return [
        Relation(
            f"group_total:{r.id}",
            "RC304",
            ((tid, r.id, "total"),),
            tuple((tid, r.id, c) for c in _OUTCOMES),
            (tid, r.id, "total"),
            f"{r.label}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            f"{r.en}: total = upheld + corrected + other + pending",
        )
        for r in t.rows
    ]


@formats_cache
def relations_of_tables(applications: str, review_litigation: str) -> tuple[Relation, ...]:
    """The relations of 表三 and 表四 each read in its own version (a report mixing them)."""
    return (
        *_applications(FORMATS[applications].table("applications")),
        *_review_litigation(FORMATS[review_litigation].table("review_litigation")),
    )


@formats_cache
def relations_for(version: str) -> tuple[Relation, ...]:
    """Every arithmetic relation of a format version."""
    fmt = FORMATS[version]
    return (
        *_applications(fmt.table("applications")),
        *_review_litigation(fmt.table("review_litigation")),
    )


def relation_codes() -> tuple[str, ...]:
    """The finding code of every relation of every format version, in order: the codes
    the arithmetic engine runs besides RC300 (the rule registry binds them to it)."""
    return tuple(sorted({r.code for v in FORMATS for r in relations_for(v)}))
