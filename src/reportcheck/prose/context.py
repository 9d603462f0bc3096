"""The context filters: what keeps figures about other years, other units, comparisons and
other things out of the comparison."""

from __future__ import annotations

import re

from reportcheck.model.report import Report
from reportcheck.prose.quantities import Quantity
from reportcheck.prose.sentences import Sentence

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


def _speaks_for_government(report: Report) -> bool:
    """A government's report, or one by its general office (上海市人民政府办公厅), states the
    government's own figures; a department's report does not."""
    agency = report.metadata.agency or ""
    return report.metadata.level == "government" or "政府" in agency


def own_scope(report: Report, context: str) -> bool:
    """Whether a sentence is about the reporting agency itself."""
    if OTHER_UNITS.search(context):
        return False
    return not (OWN_SCOPE.search(context) and report.metadata.level != "government")


def other_year(report: Report, sentence: Sentence) -> bool:
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


def about_disclosure(sentence: Sentence) -> bool:
    """A sentence on reviews or lawsuits is about disclosure when it, or the sentence
    before it in its paragraph, says so (「涉及政府信息公开的行政复议1件。涉及的行政诉讼0件。」)."""
    if REVIEW_CONTEXT.search(sentence.context):
        return True
    return bool(REVIEW_CONTEXT.search(sentence.before)) and bool(
        re.search(r"复议|诉讼", sentence.before)
    )


def context_ok(report: Report, q: Quantity, sentence: Sentence, clause: str) -> bool:
    """The filters that keep figures about other things out of the comparison."""
    ctx = sentence.context
    if other_year(report, sentence) or not own_scope(report, ctx):
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
    if q.family == "review" and not about_disclosure(sentence):
        return False
    if q.family == "documents":
        return not NOT_OWN_DOCUMENTS.search(clause) and bool(DOC_CONTEXT.search(ctx))
    return True
