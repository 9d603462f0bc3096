"""Rule pages of RC5xx cross-year continuity.

The cases give last year's report as a patch on the same valid example: its year set to
2023 and its 四、结转下年度继续办理 row equal to this year's 二、上年结转 (2 applications by
natural persons), so that only what a case changes differs.
"""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Op, Page, Tr, fails, passes

FORWARD = "/applications/carried_forward"
IN_FORCE = "/proactive_disclosure/normative_documents/in_force"


def last_year(
    natural_person: int = 2, in_force: int = 15, year: int = 2023, carried_over: int = 1
) -> tuple[Op, ...]:
    """Last year's report: ``natural_person`` applications carried forward (nothing in the
    other columns), its own 上年结转 of natural persons ``carried_over``, and ``in_force``
    规范性文件 in force (this year: 3 issued, 1 repealed, 17 in force)."""
    return (
        ("set", "/report/year", year),
        ("set", f"{FORWARD}/natural_person", natural_person),
        ("set", f"{FORWARD}/commercial", 0),
        ("set", f"{FORWARD}/legal_services", 0),
        ("set", f"{FORWARD}/total", natural_person),
        ("set", "/applications/carried_over/natural_person", carried_over),
        ("set", IN_FORCE, in_force),
    )


_PAIRING = Tr(
    "只在知道上年报告时比较：--previous 给出，或同一机关上一年度的报告在同一次运行中一起检查。",
    "Compared only when last year's report is known: given with --previous, or the same "
    "agency's report of the year before checked in the same run.",
)

PAGES = {
    "RC500": Page(
        what=Tr(
            "用 --previous 给出的报告不是本报告上一年度的。两份报告的年度都已知、且本报告与它同年或晚于它"
            "一年以上时，不做跨年度比较，并说明原因。年度未知时照常比较；同一次运行中自动配对的报告不报告。",
            "The report given with --previous is not of the year before this report. When "
            "both years are known and this report is of the same year or more than one year "
            "later, nothing is compared across years and this note says why. With a year "
            "unknown the reports are compared; reports paired automatically in one run get "
            "no note.",
        ),
        why=Tr(
            "与错误年度的报告比较，会报出并不存在的结转不一致。",
            "Compared with the wrong year's report, carried-over figures would seem to "
            "disagree when they do not.",
        ),
        fix=Tr("用 --previous 给出上一年度的报告。", "Give last year's report with --previous."),
        cases=(
            fails(
                Tr("给出的是 2022 年度报告", "the 2022 report given as last year's"),
                previous=last_year(year=2022),
                expect=(("RC500", None, None, None),),
            ),
            passes(Tr("给出 2023 年度报告", "the 2023 report given"), previous=last_year()),
        ),
    ),
    "RC501": Page(
        what=Tr(
            "本年表三「二、上年结转政府信息公开申请数量」与上年报告「四、结转下年度继续办理」逐列不一致（R7）。"
            "每个不一致的列一条结果，以上年的数为应填值；总计的差恰好等于各列之差时不另报。两列以上不一致、"
            "且原因相同——这一行为 0 或空、照抄了上年的上年结转数、填成了本年的结转下年度数、或整体错了一列"
            "——时，合并为一条结果并说明原因。",
            (
                "This year's Table 3 carried over (二、上年结转) differs from last year's carried "
                "forward (四、结转下年度继续办理), column by column (R7). One finding per differing column, "
                "with last year's figure as the expected one; a total (总计) that differs by "
                "exactly what the columns do is not a second finding. When two or more columns "
                "differ for one cause — the row left at 0 or blank, last year's carried over "
                "(上年结转) copied, this year's carried forward (结转下年度) written in, or the figures "
                "shifted by a column — one finding names the row and the cause."
            ),
        ),
        why=Tr(
            "上年年末结转的申请就是本年年初结转的申请；两份报告不一致，至少有一份是错的。",
            "The applications carried forward at the end of one year are those carried over "
            "at the start of the next; when the reports disagree, one of them is wrong.",
        ),
        fix=Tr(
            "与上年报告核对，改正本年的上年结转数（或更正上年报告）。",
            "Check against last year's report and correct this year's carried-over figures "
            "(or last year's report).",
        ),
        note=_PAIRING,
        cases=(
            fails(
                Tr(
                    "上年结转下年度 3 件，本年上年结转 2 件",
                    "3 carried forward last year, 2 carried over",
                ),
                previous=last_year(natural_person=3),
                expect=(("RC501", "applications", "carried_over", "natural_person"),),
            ),
            fails(
                Tr(
                    "本年的上年结转照抄了上年报告的上年结转：一条结果说明原因",
                    "last year's own carried over (上年结转) copied: one finding naming the cause",
                ),
                previous=last_year(natural_person=3, carried_over=2),
                expect=(("RC501", "applications", "carried_over", None),),
            ),
            passes(Tr("两年一致：2 件", "both years say 2"), previous=last_year()),
        ),
    ),
    "RC502": Page(
        what=Tr(
            "表二规章、行政规范性文件的现行有效件数，与「上年现行有效件数 + 本年制发件数 − 本年废止件数」"
            "不符（R8）。两份报告都使用 2021 版格式时才比较：2019 版的列统计制作和公开的文件，不是现行有效的。",
            (
                "Table 2's count in force (现行有效件数) of regulations (规章) and normative documents (行政规范性文件) "
                "differs from last year's in force (现行有效件数) + the count issued this year "
                "(本年制发件数) − repealed this year (本年废止件数) (R8). Compared only when both reports "
                "are on the 2021 format: the 2019 columns count documents made and published, "
                "not in force."
            ),
        ),
        why=Tr(
            "这是一个待核对的问题而不一定是错误：文件也会因有效期届满、被修订或宣布失效而减少，"
            "未必计入废止件数。",
            "A question to check rather than proof of a wrong cell: documents also lapse when "
            "their term ends, or are revised or declared invalid without being counted as "
            "repealed.",
        ),
        fix=Tr(
            "核对现行有效文件清单；数字无误时可忽略本提示（waivers 中写明理由）。",
            "Check the list of documents in force; if the figure is right, waive the "
            "finding with a reason.",
        ),
        note=_PAIRING,
        cases=(
            fails(
                Tr(
                    "上年 16 件 + 制发 3 件 − 废止 1 件 = 18，本年填 17",
                    "16 last year + 3 issued − 1 repealed = 18, but 17 this year",
                ),
                previous=last_year(in_force=16),
                expect=(("RC502", "proactive_disclosure", "normative_documents", "in_force"),),
            ),
            passes(
                Tr("上年 15 件 + 3 − 1 = 17", "15 last year + 3 − 1 = 17"), previous=last_year()
            ),
        ),
    ),
}
