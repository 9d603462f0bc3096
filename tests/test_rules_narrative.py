"""Prose against tables (RC401–RC404): figures that agree, figures that do not, and no false alarms."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from reportcheck import prose as narrative
from reportcheck.findings import Finding
from reportcheck.model.report import Report
from test_rules_sections import full_report, report_from_text, run

# A small consistent 表三: 31 new + 2 carried over = 32 answered + 1 carried forward.
T3 = {
    "new_received": 31,
    "carried_over": 2,
    "granted": 20,
    "partial": 3,
    "denied_1": 1,
    "denied_4": 1,
    "unable_1": 2,
    "unable_2": 1,
    "not_processed_2": 2,
    "other_3": 2,
    "total": 32,
    "carried_forward": 1,
}
T4 = ((2, 1, 0, 1, 4), (1, 0, 0, 0, 1), (0, 0, 0, 0, 0))
T2 = {
    ("regulations", "made"): 1,
    ("regulations", "in_force"): 9,
    ("normative_documents", "made"): 8,
    ("normative_documents", "repealed"): 2,
    ("normative_documents", "in_force"): 40,
}


def _report(
    section1: Iterable[str] = (),
    section3: Iterable[str] = (),
    section4: Iterable[str] = (),
    section2: Iterable[str] = (),
    *,
    t3: dict[str, int] | None = None,
    t4: tuple[Iterable[int], Iterable[int], Iterable[int]] | None = None,
) -> Report:
    prose = {1: list(section1) or ["概述。"], 2: list(section2) or ["从略。"]}
    prose[3] = list(section3) or ["从略。"]
    prose[4] = list(section4) or ["从略。"]
    text = full_report(prose=prose, t2=T2, t3=t3 or T3, t4=t4 or T4)
    report = report_from_text(text)
    assert set(report.tables) == {"applications", "proactive_disclosure", "review_litigation"}
    return report


def _found(report: Report) -> list[tuple[str, str | None]]:
    """(code, quantity or claim) of each RC4xx finding."""
    out: list[Finding] = run(report, "RC4")
    return [(f.code, f.extra.get("quantity") or f.extra.get("claim")) for f in out]


# --------------------------------------------------------------------------- agreeing


def test_agreeing_figures_raise_nothing() -> None:
    report = _report(
        section1=["2024年依申请公开政府信息受理信件31件，答复32件，当年共办结32件。"],
        section3=[
            "全年收到政府信息公开申请31件，上年结转政府信息公开申请2件；",
            "予以公开20件，占62.5%；部分公开3件；不予公开2件；无法提供3件；不予处理2件；"
            "其他处理2件，转下一年度办理的有1件。",
            "予以公开及部分公开23件，占71.9%。",
        ],
        section4=["本年度发生政府信息公开行政复议4件、行政诉讼1件。"],
        section2=[
            "全年制发规章1件，制发行政规范性文件8件，废止行政规范性文件2件，现行有效行政规范性文件40件。"
        ],
    )
    assert _found(report) == []


def test_received_may_include_carried_over() -> None:
    report = _report(section3=["本年度共受理政府信息公开申请33件（含上年结转2件）。"])
    assert _found(report) == []


def test_extracted_figures() -> None:
    report = _report(
        section3=["全年收到政府信息公开申请31件，同意公开答复20件，转下一年度办理答复的有1件。"]
    )
    got = [(f.quantity.id, f.value) for f in narrative.figures(report)]
    assert got == [("received", 31), ("granted", 20), ("carried_forward", 1)]


# --------------------------------------------------------------------------- RC401


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("全年收到政府信息公开申请30件。", "received"),
        ("上年结转政府信息公开申请3件。", "carried_over"),
        ("本年度共办结政府信息公开申请31件。", "answered"),
        ("另有2件申请结转下年度办理。", "carried_forward"),
        ("在办结的申请中，予以公开21件。", "granted"),
        ("部分公开4件。", "partial"),
        ("不予公开1件。", "denied"),
        ("因本机关不掌握等原因无法提供2件。", "unable"),
        ("不予处理3件。", "not_processed"),
        ("其他处理0件。", "other"),
        ("予以公开及部分公开20件。", "granted_partial"),
    ],
)
def test_application_figure_differs(sentence: str, quantity: str) -> None:
    report = _report(section3=[sentence])
    found = run(report, "RC4")
    assert [(f.code, f.extra["quantity"]) for f in found] == [("RC401", quantity)]
    f = found[0]
    assert f.table == "applications"
    assert f.extra["sentence"].startswith(sentence.rstrip("。")[:6])


def test_finding_quotes_the_sentence_and_locates_it() -> None:
    report = _report(section3=["全年收到政府信息公开申请30件。"])
    [f] = run(report, "RC401")
    assert "全年收到政府信息公开申请30件" in f.message
    assert (f.actual, f.expected, f.difference, f.row) == ("30", "31", "-1", "new_received")
    assert f.location is not None and f.location.line is not None
    assert (report.text or "").split("\n")[f.location.line - 1].startswith("全年收到")


def test_one_reason_among_others_is_the_whole_group() -> None:
    # 「等原因」: and other reasons — the figure is the group's, 2 ≠ 3
    assert _found(_report(section3=["因本机关不掌握等原因无法提供2件。"])) == [("RC401", "unable")]


def test_group_counts_are_sums_of_their_rows() -> None:
    # 无法提供 = 2 + 1: 「无法提供2件」 is only sub-row 1 (the 001 defect)
    report = _report(section3=["因本机关不掌握等原因无法提供2件，占6.3%。"])
    [f] = run(report, "RC401")
    assert (f.extra["quantity"], f.expected) == ("unable", "3")


def test_blank_total_is_read_as_the_row_sum() -> None:
    # 总计 of 予以公开 left blank (as in the 001 report): the prose is compared with the row sum
    report = _report(section3=["予以公开20件。"])
    data = report.tables["applications"]
    cell = data.cells[("granted", "total")]
    from dataclasses import replace

    from reportcheck.model.report import CellState

    data.cells[("granted", "total")] = replace(cell, value=None, raw="", state=CellState.BLANK)
    assert _found(report) == []
    report2 = _report(section3=["予以公开19件。"])
    report2.tables["applications"].cells[("granted", "total")] = replace(
        cell, value=None, raw="", state=CellState.BLANK
    )
    assert _found(report2) == [("RC401", "granted")]


def test_all_completed_while_carried_forward() -> None:
    report = _report(section3=["全年收到申请31件，上年结转申请2件，所有申请均已按要求办理完成。"])
    found = run(report, "RC4")
    assert [(f.code, f.extra.get("claim"), f.row) for f in found] == [
        ("RC401", "all_completed", "carried_forward")
    ]


def test_all_completed_agrees_without_carry_forward() -> None:
    t3 = {**T3, "granted": 21, "carried_forward": 0, "total": 33}
    report = _report(section3=["所有申请均已按要求办理完成。"], t3=t3)
    assert _found(report) == []


def test_answered_within_the_deadline_is_not_all_completed() -> None:
    report = _report(section3=["所有申请均在法定期限内办结。"])
    assert _found(report) == []


def test_same_wrong_figure_twice_is_one_finding() -> None:
    report = _report(
        section1=["全年收到政府信息公开申请30件。"], section3=["全年收到政府信息公开申请30件。"]
    )
    assert _found(report) == [("RC401", "received")]


# --------------------------------------------------------------------------- no false alarms


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年共收到政府信息公开申请20件。",  # another year
        "2023年，我局共收到政府信息公开申请20件；办结20件。",  # the year opens the sentence
        "全年收到政府信息公开申请31件，同比增加5件。",  # comparison
        "申请数量较去年减少12件。",
        "上年收到政府信息公开申请10件。",  # last year
        "各乡镇共收到政府信息公开申请100件。",  # other units
        "全县共受理政府信息公开申请300件。",  # county-wide aggregate in a department report
        "县直各单位共办结政府信息公开申请250件。",
        "全年受理网络问政182件。",  # other things
        "全年受理行政许可申请2293件。",
        "办理人大建议和政协提案答复15件。",
        "发布信息41条，其中政策解读9条。",  # not applications, not 件
        "累计受理政府信息公开申请500件。",
        "不予公开、无法提供共5件。",  # two outcomes, one figure
        "月均受理申请3件。",
        "收到申请人补正材料3件。",  # a part of the applications, or not applications
        "其中网上申请受理20件。",
        "有2件申请未能在法定期限内答复。",
        "因涉及第三方合法权益不予公开1件。",  # one reason: one sub-row (保护第三方合法权益)
        "因本机关不掌握相关政府信息无法提供2件。",
    ],
)
def test_no_false_alarm(sentence: str) -> None:
    assert _found(_report(section1=[sentence])) == []


def test_aggregate_counts_in_a_government_report() -> None:
    report = _report(section1=["全县共收到政府信息公开申请30件。"])
    report.metadata.level = "government"
    assert _found(report) == [("RC401", "received")]


def test_report_year_is_allowed() -> None:
    assert _found(_report(section1=["2024年共收到政府信息公开申请30件。"])) == [
        ("RC401", "received")
    ]


def test_table_lines_are_not_prose() -> None:
    # the 表三 label 「一、本年新收政府信息公开申请数量 | 31 | …」 is never read as a sentence
    sents = narrative.sentences(_report().text or "")
    assert not any("|" in s.text for s in sents)


# --------------------------------------------------------------------------- RC402


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        ("予以公开20件，占62.5%。", True),
        ("部分公开3件，占9.38%。", True),
        ("部分公开3件，占9.37%。", True),  # cut off, not rounded: accepted
        ("部分公开3件，占9.4%。", True),
        ("予以公开20件，占64.5%。", True),  # share of the 31 received
        ("予以公开20件，占50%。", False),
        ("部分公开3件（占12.5%）。", False),
    ],
)
def test_percentages(sentence: str, ok: bool) -> None:
    quantity = "granted" if sentence.startswith("予以") else "partial"
    assert _found(_report(section3=[sentence])) == ([] if ok else [("RC402", quantity)])


def test_wrong_count_with_percentage_is_one_finding() -> None:
    report = _report(section3=["予以公开及部分公开20件，占33.9%。"])
    assert _found(report) == [("RC401", "granted_partial")]


# --------------------------------------------------------------------------- RC403


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本年度发生政府信息公开行政复议4件，行政诉讼1件。", []),
        ("本年度发生政府信息公开行政复议3件。", [("RC403", "review")]),
        ("涉及政府信息公开的行政诉讼2件。", [("RC403", "litigation")]),
        ("本年度有 4 件涉及政府信息公开工作的行政复议。", []),
        ("信息公开类行政复议4件，诉讼1件，均获维持。", [("RC403", "all_upheld")]),
        ("本年度政府信息公开行政复议均未被纠错。", [("RC403", "none_corrected")]),
        ("本年度未发生政府信息公开行政复议、行政诉讼。", [("RC403", "none_review")]),
        ("本年度未产生政府信息公开行政诉讼。", [("RC403", "none_review")]),
    ],
)
def test_review_and_litigation(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _found(_report(section4=[sentence])) == expected


def test_review_claims_that_agree() -> None:
    zero = ((0,) * 5, (0,) * 5, (0,) * 5)
    report = _report(section4=["本年度政府信息未产生政府信息公开行政复议、行政诉讼。"], t4=zero)
    assert _found(report) == []
    upheld = ((3, 0, 0, 0, 3), (1, 0, 0, 0, 1), (0,) * 5)
    report = _report(section4=["政府信息公开行政复议3件，行政诉讼1件，均获维持。"], t4=upheld)
    assert _found(report) == []


def test_review_handled_as_reviewer_is_not_compared() -> None:
    # a justice bureau's own review work is not about disclosure
    assert _found(_report(section1=["全年办理行政复议案件120件。"])) == []


# --------------------------------------------------------------------------- RC404


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年制发行政规范性文件8件，规章1件。", []),
        ("全年主动公开行政规范性文件5件。", [("RC404", "normative_documents")]),
        ("现行有效行政规范性文件40件。", []),
        ("现行有效行政规范性文件38件。", [("RC404", "normative_documents_in_force")]),
        ("废止行政规范性文件3件。", [("RC404", "normative_documents_repealed")]),
        ("出台规章2件。", [("RC404", "regulations")]),
        # not the agency's own documents, or not documents at all
        ("刊登政府规章、规范性文件等112件。", []),
        ("转发上级规范性文件12件。", []),
        ("部门规范性文件45件。", []),
        ("清理规范性文件120件。", []),
        ("制定内部规章制度6件。", []),
        ("对规范性文件开展解读12件。", []),
    ],
)
def test_documents(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _found(_report(section2=[sentence])) == expected


# --------------------------------------------------------------------------- scope


def test_table_only_submission_is_not_checked() -> None:
    report = _report(section3=["全年收到政府信息公开申请30件。"])
    report.sections = None
    assert _found(report) == []


def test_phrases_and_quantities_are_declared_as_data() -> None:
    assert {p.quantity for p in narrative.PHRASES} <= set(narrative.QUANTITIES) | {
        "regulations",
        "normative_documents",
    }
    assert all(q.values(_report()) for q in narrative.QUANTITIES.values())


def test_review_sentence_after_a_disclosure_sentence() -> None:
    # 「…涉及政府信息公开工作的行政复议4件。涉及的行政诉讼数为2件。」: the second sentence
    # takes its subject from the first
    report = _report(
        section1=["本年度有4件涉及政府信息公开工作的行政复议。涉及的行政诉讼数为2件。"]
    )
    assert _found(report) == [("RC403", "litigation")]


# --------------------------------------------------------------------------- the corpus

# What the prose of each corpus report states, and which statements disagree with its
# tables (from narrative_checks_ok / narrative_mismatches of the corpus .json files).
CORPUS_AGREEING = {
    "000-chongyang-zwfwj-2024.txt": {("received", 31), ("answered", 31)},
    "001-shanghai-bgt-2019.html": {
        ("received", 859),
        ("answered", 805),
        ("carried_over", 18),
        ("carried_forward", 72),
        ("denied", 35),
        ("not_processed", 158),
        ("other", 0),
        ("review", 7),
        ("litigation", 9),
        ("regulations", 13),
        ("normative_documents", 60),
    },
    "004-pingtan-2021.txt": {("received", 70), ("answered", 69), ("carried_forward", 1)},
    "006-shuyang-fgj-2023.html": {("received", 26)},
    "008-shanghai-kewei-2024.md": {
        ("received", 34),
        ("carried_over", 2),
        ("granted", 9),
        ("partial", 0),
        ("denied", 2),
        ("unable", 10),
        ("not_processed", 0),
        ("other", 14),
        ("carried_forward", 1),
        ("review", 1),
        ("litigation", 0),
        ("normative_documents", 13),
    },
}
CORPUS_FINDINGS = {
    "000-chongyang-zwfwj-2024.txt": [],
    "001-shanghai-bgt-2019.html": [
        ("RC401", "granted_partial"),  # 258 vs 275
        ("RC401", "unable"),  # 265 vs 337
        ("RC403", "all_upheld"),  # 3 cases pending
    ],
    "004-pingtan-2021.txt": [],
    "006-shuyang-fgj-2023.html": [],
    "008-shanghai-kewei-2024.md": [
        ("RC401", "all_completed"),  # 1 carried forward
        # not RC406: 1744 + 393 + 21 + 2 = 2160, but 1744 + 393 + 2 = 2139 as stated (the 21
        # counted inside another part): the text is not contradicted
    ],
}


def _read_corpus(name: str) -> Report:
    from conftest import CORPUS
    from reportcheck import api
    from reportcheck.errors import InputError

    path = CORPUS / name
    if not path.is_file():
        pytest.skip("../shared/corpus is not beside the repository")
    try:
        return api.read_path(path)
    except InputError as err:  # a reader that is not there yet
        pytest.skip(str(err))


@pytest.mark.parametrize("name", sorted(CORPUS_FINDINGS))
def test_corpus_prose_findings(name: str) -> None:
    assert sorted(_found(_read_corpus(name))) == sorted(CORPUS_FINDINGS[name])


@pytest.mark.parametrize("name", sorted(CORPUS_AGREEING))
def test_corpus_agreeing_figures_are_read(name: str) -> None:
    report = _read_corpus(name)
    got = {(f.quantity.id, f.value) for f in narrative.figures(report)}
    assert CORPUS_AGREEING[name] <= got
    for f in narrative.figures(report):
        if (f.quantity.id, f.value) in CORPUS_AGREEING[name]:
            assert f.value in f.quantity.values(report)
