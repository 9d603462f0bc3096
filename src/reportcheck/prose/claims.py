"""Statements without a number (「均获维持」, 「所有申请均已办结」) that the tables contradict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportcheck.model.report import Report
from reportcheck.prose.context import (
    COUNT,
    NOT_APPLICATIONS,
    about_disclosure,
    other_year,
    own_scope,
)
from reportcheck.prose.phrases import CLAIMS, Claim
from reportcheck.prose.quantities import OUTCOMES, QUANTITIES, cell_int
from reportcheck.prose.sentences import Clause, Sentence, sentences

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
            v = cell_int(report, "review_litigation", r, col)
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
        if other_year(report, s) or not own_scope(report, s.context):
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
    if not about_disclosure(s):
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
                (k, zh, cells[k])
                for k, zh in (
                    ("corrected", "结果纠正"),
                    ("other", "其他结果"),
                    ("pending", "尚未审结"),
                )
                if cells[k]
            ]
            bad_zh.extend(f"{name}{zh} {n} 件" for _, zh, n in parts)
            bad_en.extend(f"{subject} {k} {n}" for k, _, n in parts)
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
