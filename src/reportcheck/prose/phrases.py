"""The words prose uses, as data: :data:`PHRASES` (phrases naming a quantity) and
:data:`CLAIMS` (statements without a number and the table fact they assert)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    """A phrase pattern that names a quantity; the highest priority in a clause wins."""

    quantity: str
    pattern: str
    priority: int


PHRASES: tuple[Phrase, ...] = (
    Phrase("granted_partial", r"(?:予以|同意|全部)公开(?:及|和|与|、|或)部[分份]公开", 100),
    Phrase("granted", r"予以公开|同意公开|全部公开", 90),
    Phrase("partial", r"部[分份]公开", 90),  # 部份: a common misspelling
    Phrase("denied", r"不予公开", 90),
    Phrase("unable", r"无法提供", 90),
    Phrase("not_processed", r"不予处理|不予受理", 90),  # 不予受理: reports' loose word
    Phrase("other", r"其他处理", 90),
    Phrase(
        "carried_forward",
        r"结转(?:至|到|入)?下一?年度?|转(?:入|至|到)?下一?年度|顺延(?:至|到)?下一?年度?",
        80,
    ),
    Phrase("carried_over", r"上一?年度?(?:结转|遗留|转入)|去年结转", 80),
    Phrase("review", r"行政复议|复议", 70),
    Phrase("litigation", r"行政诉讼|诉讼|起诉", 70),
    Phrase("received", r"新收|收到|(?<!不予)受理|接收|接到", 60),
    Phrase("answered", r"办结|答复|办理完毕|办理完成|回复", 50),
    Phrase("regulations", r"规章(?!制度)", 40),
    Phrase("normative_documents", r"规范性文件", 40),
)


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
