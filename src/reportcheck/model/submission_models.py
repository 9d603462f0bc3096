"""The pydantic models of the JSON submission format: one class per submission format
version, per table and per kind of row.

Generated from :mod:`reportcheck.model.tables` by ``python -m reportcheck.model.submission``;
do not edit (a test fails while it is stale). Import them from
:mod:`reportcheck.model.submission`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from reportcheck.model.submission_types import (
    FORBID,
    Amount,
    Count,
    Metadata,
    Money,
    SignedCount,
    Waiver,
    optional,
    version_text,
)

__all__ = [
    "Applications2019",
    "Applications2021",
    "ApplicationsRow",
    "ProactiveDisclosure2019",
    "ProactiveDisclosure2021",
    "ProactiveDisclosureRowAmount",
    "ProactiveDisclosureRowDecisions",
    "ProactiveDisclosureRowItemsTotalAmount",
    "ProactiveDisclosureRowMadeRepealedInForce",
    "ProactiveDisclosureRowNewMadeNewPublishedTotalPublished",
    "ProactiveDisclosureRowPreviousItemsChange",
    "ProactiveDisclosureRowPreviousItemsChangeDecisions",
    "ReviewLitigation",
    "ReviewLitigationRow",
    "Submission2019",
    "Submission2021",
]


class ProactiveDisclosureRowNewMadeNewPublishedTotalPublished(BaseModel):
    """表二 一行的单元格：本年新制作数量 · 本年新公开数量 · 对外公开总数量. The cells of one 表二 row."""

    model_config = FORBID

    new_made: Count = Field(
        title="本年新制作数量",
        description="made this year",
    )

    new_published: Count = Field(
        title="本年新公开数量",
        description="published this year",
    )

    total_published: Count = Field(
        title="对外公开总数量",
        description="published in total",
    )


class ProactiveDisclosureRowPreviousItemsChangeDecisions(BaseModel):
    """表二 一行的单元格：上一年项目数量 · 本年增/减 · 处理决定数量. The cells of one 表二 row."""

    model_config = FORBID

    previous_items: Count = Field(
        title="上一年项目数量",
        description="items last year",
    )

    change: SignedCount = Field(
        title="本年增/减",
        description="change this year",
        json_schema_extra={"x-variants": ["本年增减"]},
    )

    decisions: Count = Field(
        title="处理决定数量",
        description="decisions",
    )


class ProactiveDisclosureRowPreviousItemsChange(BaseModel):
    """表二 一行的单元格：上一年项目数量 · 本年增/减. The cells of one 表二 row."""

    model_config = FORBID

    previous_items: Count = Field(
        title="上一年项目数量",
        description="items last year",
    )

    change: SignedCount = Field(
        title="本年增/减",
        description="change this year",
        json_schema_extra={"x-variants": ["本年增减"]},
    )


class ProactiveDisclosureRowItemsTotalAmount(BaseModel):
    """表二 一行的单元格：采购项目数量 · 采购总金额. The cells of one 表二 row."""

    model_config = FORBID

    items: Count = Field(
        title="采购项目数量",
        description="procurement items",
    )

    total_amount: Money = Field(
        title="采购总金额",
        description="total procurement amount",
    )


class ProactiveDisclosure2019(BaseModel):
    """表二 主动公开政府信息情况（2019 版）. proactive disclosure."""

    model_config = FORBID

    regulations: ProactiveDisclosureRowNewMadeNewPublishedTotalPublished = Field(
        title="规章",
        description="regulations",
        json_schema_extra={"x-block": "第二十条第（一）项"},
    )

    normative_documents: ProactiveDisclosureRowNewMadeNewPublishedTotalPublished = Field(
        title="规范性文件",
        description="normative documents",
        json_schema_extra={"x-block": "第二十条第（一）项"},
    )

    administrative_licensing: ProactiveDisclosureRowPreviousItemsChangeDecisions = Field(
        title="行政许可",
        description="licensing",
        json_schema_extra={"x-block": "第二十条第（五）项"},
    )

    other_services: ProactiveDisclosureRowPreviousItemsChangeDecisions = Field(
        title="其他对外管理服务事项",
        description="other external management services",
        json_schema_extra={"x-block": "第二十条第（五）项"},
    )

    administrative_penalty: ProactiveDisclosureRowPreviousItemsChangeDecisions = Field(
        title="行政处罚",
        description="penalties",
        json_schema_extra={"x-block": "第二十条第（六）项"},
    )

    administrative_coercion: ProactiveDisclosureRowPreviousItemsChangeDecisions = Field(
        title="行政强制",
        description="coercive measures",
        json_schema_extra={"x-block": "第二十条第（六）项"},
    )

    administrative_fees: ProactiveDisclosureRowPreviousItemsChange = Field(
        title="行政事业性收费",
        description="administrative fees",
        json_schema_extra={"x-block": "第二十条第（八）项"},
    )

    government_procurement: ProactiveDisclosureRowItemsTotalAmount = Field(
        title="政府集中采购",
        description="central government procurement",
        json_schema_extra={"x-block": "第二十条第（九）项"},
    )


class ApplicationsRow(BaseModel):
    """表三 一行的单元格：自然人 · 商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他 · 总计. The cells of one 表三 row."""

    model_config = FORBID

    natural_person: Count = Field(
        title="自然人",
        description="natural persons",
    )

    commercial: Count = Field(
        title="商业企业",
        description="commercial enterprises",
        json_schema_extra={"x-band": "法人或其他组织"},
    )

    research: Count = Field(
        title="科研机构",
        description="research institutions",
        json_schema_extra={"x-band": "法人或其他组织"},
    )

    social_welfare: Count = Field(
        title="社会公益组织",
        description="public-interest organisations",
        json_schema_extra={"x-band": "法人或其他组织"},
    )

    legal_services: Count = Field(
        title="法律服务机构",
        description="legal service providers",
        json_schema_extra={"x-band": "法人或其他组织"},
    )

    other: Count = Field(
        title="其他",
        description="other organisations",
        json_schema_extra={"x-band": "法人或其他组织"},
    )

    total: Count = Field(
        title="总计",
        description="total",
    )


class Applications2019(BaseModel):
    """表三 收到和处理政府信息公开申请情况（2019 版）. applications received and handled."""

    model_config = FORBID

    new_received: ApplicationsRow = Field(
        title="一、本年新收政府信息公开申请数量",
        description="new applications received",
    )

    carried_over: ApplicationsRow = Field(
        title="二、上年结转政府信息公开申请数量",
        description="carried over from last year",
    )

    granted: ApplicationsRow = Field(
        title="（一）予以公开",
        description="disclosed",
        json_schema_extra={"x-group": "三、本年度办理结果", "x-result": True},
    )

    partial: ApplicationsRow = Field(
        title="（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        description="partly disclosed",
        json_schema_extra={
            "x-group": "三、本年度办理结果",
            "x-result": True,
            "x-variants": ["（二）部分公开"],
        },
    )

    denied_1: ApplicationsRow = Field(
        title="1.属于国家秘密",
        description="withheld: state secret",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_2: ApplicationsRow = Field(
        title="2.其他法律行政法规禁止公开",
        description="withheld: barred by other laws",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_3: ApplicationsRow = Field(
        title="3.危及“三安全一稳定”",
        description="withheld: endangers the 'three securities, one stability'",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_4: ApplicationsRow = Field(
        title="4.保护第三方合法权益",
        description="withheld: third-party rights",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_5: ApplicationsRow = Field(
        title="5.属于三类内部事务信息",
        description="withheld: internal affairs",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_6: ApplicationsRow = Field(
        title="6.属于四类过程性信息",
        description="withheld: process information",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_7: ApplicationsRow = Field(
        title="7.属于行政执法案卷",
        description="withheld: law-enforcement files",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_8: ApplicationsRow = Field(
        title="8.属于行政查询事项",
        description="withheld: administrative enquiry matters",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    unable_1: ApplicationsRow = Field(
        title="1.本机关不掌握相关政府信息",
        description="cannot provide: not held by this agency",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    unable_2: ApplicationsRow = Field(
        title="2.没有现成信息需要另行制作",
        description="cannot provide: would have to be created",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    unable_3: ApplicationsRow = Field(
        title="3.补正后申请内容仍不明确",
        description="cannot provide: still unclear after correction",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    not_processed_1: ApplicationsRow = Field(
        title="1.信访举报投诉类申请",
        description="not processed: petitions, reports and complaints",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_2: ApplicationsRow = Field(
        title="2.重复申请",
        description="not processed: repeated applications",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_3: ApplicationsRow = Field(
        title="3.要求提供公开出版物",
        description="not processed: requests for published material",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_4: ApplicationsRow = Field(
        title="4.无正当理由大量反复申请",
        description="not processed: mass repeated applications without good reason",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_5: ApplicationsRow = Field(
        title="5.要求行政机关确认或重新出具已获取信息",
        description="not processed: requests to confirm or reissue obtained information",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    other: ApplicationsRow = Field(
        title="（六）其他处理",
        description="otherwise handled",
        json_schema_extra={"x-group": "三、本年度办理结果", "x-result": True},
    )

    total: ApplicationsRow = Field(
        title="（七）总计",
        description="total answered",
        json_schema_extra={"x-group": "三、本年度办理结果"},
    )

    carried_forward: ApplicationsRow = Field(
        title="四、结转下年度继续办理",
        description="carried forward to next year",
    )


class ReviewLitigationRow(BaseModel):
    """表四 一行的单元格：结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计. The cells of one 表四 row."""

    model_config = FORBID

    upheld: Count = Field(
        title="结果维持",
        description="upheld",
    )

    corrected: Count = Field(
        title="结果纠正",
        description="corrected",
    )

    other: Count = Field(
        title="其他结果",
        description="other outcome",
    )

    pending: Count = Field(
        title="尚未审结",
        description="pending",
    )

    total: Count = Field(
        title="总计",
        description="total",
    )


class ReviewLitigation(BaseModel):
    """表四 政府信息公开行政复议、行政诉讼情况（两个版本相同）. administrative review and litigation (same in every version)."""

    model_config = FORBID

    review: ReviewLitigationRow = Field(
        title="行政复议",
        description="administrative review",
    )

    litigation_direct: ReviewLitigationRow = Field(
        title="未经复议直接起诉",
        description="litigation without prior review",
        json_schema_extra={"x-group": "行政诉讼"},
    )

    litigation_after_review: ReviewLitigationRow = Field(
        title="复议后起诉",
        description="litigation after review",
        json_schema_extra={"x-group": "行政诉讼"},
    )


class Submission2019(BaseModel):
    """政府信息公开工作年度报告提交文件（2019 版格式：国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》）。A JSON submission of the annual report tables, format version 2019. See docs/json-format.md."""

    model_config = FORBID

    schema_uri: str | None = Field(
        alias="$schema",
        title="$schema",
        description="the JSON Schema of this document (for editors; not checked)",
        default=None,
        json_schema_extra=optional,
    )

    format_version: Annotated[Literal["2019"], version_text("2019")] = Field(
        "2019",
        title="格式版本",
        description="format version; when absent it is detected from the keys, then from report.year",
    )

    report: Metadata | None = Field(
        title="报告信息",
        description="report metadata",
        default=None,
        json_schema_extra=optional,
    )

    proactive_disclosure: ProactiveDisclosure2019 = Field(
        title="表二 主动公开政府信息情况",
        description="proactive disclosure",
    )

    applications: Applications2019 = Field(
        title="表三 收到和处理政府信息公开申请情况",
        description="applications received and handled",
        json_schema_extra={
            "x-note": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        },
    )

    review_litigation: ReviewLitigation = Field(
        title="表四 政府信息公开行政复议、行政诉讼情况",
        description="administrative review and litigation",
    )

    waivers: list[Waiver] | None = Field(
        default_factory=list,
        title="豁免",
        description="findings the submitter asks to waive, each with a reason",
        json_schema_extra=optional,
    )


class ProactiveDisclosureRowMadeRepealedInForce(BaseModel):
    """表二 一行的单元格：本年制发件数 · 本年废止件数 · 现行有效件数. The cells of one 表二 row."""

    model_config = FORBID

    made: Count = Field(
        title="本年制发件数",
        description="issued this year",
    )

    repealed: Count = Field(
        title="本年废止件数",
        description="repealed this year",
    )

    in_force: Count = Field(
        title="现行有效件数",
        description="in force",
    )


class ProactiveDisclosureRowDecisions(BaseModel):
    """表二 一行的单元格：本年处理决定数量. The cells of one 表二 row."""

    model_config = FORBID

    decisions: Count = Field(
        title="本年处理决定数量",
        description="decisions this year",
    )


class ProactiveDisclosureRowAmount(BaseModel):
    """表二 一行的单元格：本年收费金额（单位：万元）. The cells of one 表二 row."""

    model_config = FORBID

    amount: Amount = Field(
        title="本年收费金额（单位：万元）",
        description="fees collected this year (10,000 yuan)",
        json_schema_extra={"x-variants": ["本年收费金额", "本年收费金额(万元)"]},
    )


class ProactiveDisclosure2021(BaseModel):
    """表二 主动公开政府信息情况（2021 版）. proactive disclosure."""

    model_config = FORBID

    regulations: ProactiveDisclosureRowMadeRepealedInForce = Field(
        title="规章",
        description="regulations",
        json_schema_extra={"x-block": "第二十条第（一）项"},
    )

    normative_documents: ProactiveDisclosureRowMadeRepealedInForce = Field(
        title="行政规范性文件",
        description="normative documents",
        json_schema_extra={"x-block": "第二十条第（一）项", "x-variants": ["规范性文件"]},
    )

    administrative_licensing: ProactiveDisclosureRowDecisions = Field(
        title="行政许可",
        description="licensing",
        json_schema_extra={"x-block": "第二十条第（五）项"},
    )

    administrative_penalty: ProactiveDisclosureRowDecisions = Field(
        title="行政处罚",
        description="penalties",
        json_schema_extra={"x-block": "第二十条第（六）项"},
    )

    administrative_coercion: ProactiveDisclosureRowDecisions = Field(
        title="行政强制",
        description="coercive measures",
        json_schema_extra={"x-block": "第二十条第（六）项"},
    )

    administrative_fees: ProactiveDisclosureRowAmount = Field(
        title="行政事业性收费",
        description="administrative fees",
        json_schema_extra={"x-block": "第二十条第（八）项"},
    )


class Applications2021(BaseModel):
    """表三 收到和处理政府信息公开申请情况（2021 版）. applications received and handled."""

    model_config = FORBID

    new_received: ApplicationsRow = Field(
        title="一、本年新收政府信息公开申请数量",
        description="new applications received",
    )

    carried_over: ApplicationsRow = Field(
        title="二、上年结转政府信息公开申请数量",
        description="carried over from last year",
    )

    granted: ApplicationsRow = Field(
        title="（一）予以公开",
        description="disclosed",
        json_schema_extra={"x-group": "三、本年度办理结果", "x-result": True},
    )

    partial: ApplicationsRow = Field(
        title="（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        description="partly disclosed",
        json_schema_extra={
            "x-group": "三、本年度办理结果",
            "x-result": True,
            "x-variants": ["（二）部分公开"],
        },
    )

    denied_1: ApplicationsRow = Field(
        title="1.属于国家秘密",
        description="withheld: state secret",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_2: ApplicationsRow = Field(
        title="2.其他法律行政法规禁止公开",
        description="withheld: barred by other laws",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_3: ApplicationsRow = Field(
        title="3.危及“三安全一稳定”",
        description="withheld: endangers the 'three securities, one stability'",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_4: ApplicationsRow = Field(
        title="4.保护第三方合法权益",
        description="withheld: third-party rights",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_5: ApplicationsRow = Field(
        title="5.属于三类内部事务信息",
        description="withheld: internal affairs",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_6: ApplicationsRow = Field(
        title="6.属于四类过程性信息",
        description="withheld: process information",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_7: ApplicationsRow = Field(
        title="7.属于行政执法案卷",
        description="withheld: law-enforcement files",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    denied_8: ApplicationsRow = Field(
        title="8.属于行政查询事项",
        description="withheld: administrative enquiry matters",
        json_schema_extra={"x-group": "（三）不予公开", "x-result": True},
    )

    unable_1: ApplicationsRow = Field(
        title="1.本机关不掌握相关政府信息",
        description="cannot provide: not held by this agency",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    unable_2: ApplicationsRow = Field(
        title="2.没有现成信息需要另行制作",
        description="cannot provide: would have to be created",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    unable_3: ApplicationsRow = Field(
        title="3.补正后申请内容仍不明确",
        description="cannot provide: still unclear after correction",
        json_schema_extra={"x-group": "（四）无法提供", "x-result": True},
    )

    not_processed_1: ApplicationsRow = Field(
        title="1.信访举报投诉类申请",
        description="not processed: petitions, reports and complaints",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_2: ApplicationsRow = Field(
        title="2.重复申请",
        description="not processed: repeated applications",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_3: ApplicationsRow = Field(
        title="3.要求提供公开出版物",
        description="not processed: requests for published material",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_4: ApplicationsRow = Field(
        title="4.无正当理由大量反复申请",
        description="not processed: mass repeated applications without good reason",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    not_processed_5: ApplicationsRow = Field(
        title="5.要求行政机关确认或重新出具已获取信息",
        description="not processed: requests to confirm or reissue obtained information",
        json_schema_extra={"x-group": "（五）不予处理", "x-result": True},
    )

    other_1: ApplicationsRow = Field(
        title="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        description="otherwise handled: applicant did not correct in time",
        json_schema_extra={"x-group": "（六）其他处理", "x-result": True},
    )

    other_2: ApplicationsRow = Field(
        title="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        description="otherwise handled: applicant did not pay the fee in time",
        json_schema_extra={"x-group": "（六）其他处理", "x-result": True},
    )

    other_3: ApplicationsRow = Field(
        title="3.其他",
        description="otherwise handled: other",
        json_schema_extra={"x-group": "（六）其他处理", "x-result": True},
    )

    total: ApplicationsRow = Field(
        title="（七）总计",
        description="total answered",
        json_schema_extra={"x-group": "三、本年度办理结果"},
    )

    carried_forward: ApplicationsRow = Field(
        title="四、结转下年度继续办理",
        description="carried forward to next year",
    )


class Submission2021(BaseModel):
    """政府信息公开工作年度报告提交文件（2021 版格式：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》）。A JSON submission of the annual report tables, format version 2021. See docs/json-format.md."""

    model_config = FORBID

    schema_uri: str | None = Field(
        alias="$schema",
        title="$schema",
        description="the JSON Schema of this document (for editors; not checked)",
        default=None,
        json_schema_extra=optional,
    )

    format_version: Annotated[Literal["2021"], version_text("2021")] = Field(
        "2021",
        title="格式版本",
        description="format version; when absent it is detected from the keys, then from report.year",
    )

    report: Metadata | None = Field(
        title="报告信息",
        description="report metadata",
        default=None,
        json_schema_extra=optional,
    )

    proactive_disclosure: ProactiveDisclosure2021 = Field(
        title="表二 主动公开政府信息情况",
        description="proactive disclosure",
    )

    applications: Applications2021 = Field(
        title="表三 收到和处理政府信息公开申请情况",
        description="applications received and handled",
        json_schema_extra={
            "x-note": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        },
    )

    review_litigation: ReviewLitigation = Field(
        title="表四 政府信息公开行政复议、行政诉讼情况",
        description="administrative review and litigation",
    )

    waivers: list[Waiver] | None = Field(
        default_factory=list,
        title="豁免",
        description="findings the submitter asks to waive, each with a reason",
        json_schema_extra=optional,
    )


SUBMISSIONS: dict[str, type[BaseModel]] = {"2019": Submission2019, "2021": Submission2021}
"""The submission model of each format version."""
