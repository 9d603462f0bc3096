"""Rule pages of RC3xx arithmetic."""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes

APPS = "/applications"
_ENGINE = Tr(
    "由计算引擎（RC300）产生：一个单元格能解释多个不成立的关系时，只报这一格（RC300 或 RC204），"
    "不再逐个报告关系。空白和占位符按 0 计；含文字或未计算公式的关系不计算（由 RC201、RC205 报告）。",
    "Emitted by the arithmetic engine (RC300): when one cell explains several failing "
    "relations, that cell is reported (RC300, or RC204 when blank) instead of each "
    "relation. Blanks and placeholders count as 0; a relation holding text or an "
    "uncalculated formula is not evaluated (RC201, RC205 report that cell).",
)
_FIX_TOTAL = Tr(
    "核对各加数和总计，改正填错的那一个；结果中列出了参加相加的每一格及其地址。",
    "Check the parts and the total and correct the wrong one; the finding lists every "
    "cell added up, with its address.",
)

PAGES = {
    "RC300": Page(
        what=Tr(
            "运行全部计算关系（RC301 行总计、RC302 办理结果合计、RC303 勾稽关系、RC304 表四各组总计）。"
            "两个以上关系不成立、而同一个单元格能解释全部——改动这一格同一个数就能使它们都成立，"
            "且不破坏任何成立的关系——时，报告这一格：它写的是什么、应为多少、破坏了哪些关系。",
            "Runs every arithmetic relation (RC301 row totals, RC302 result totals, RC303 the "
            "勾稽关系, RC304 表四 group totals). When two or more of them fail and a single "
            "cell explains all of them — the same change to that cell makes every one hold "
            "and breaks none that holds — one finding names the cell, what it says, what it "
            "should be and every relation it breaks.",
        ),
        why=Tr(
            "一个录错的数会同时破坏它所在的行和列；指出这一格，比列出几个不成立的合计更容易改正。",
            "One mistyped figure breaks both its row and its column; naming the cell is "
            "easier to act on than several failing totals.",
        ),
        fix=Tr(
            "把这一格改为结果中给出的数，并与原始台账核对。",
            "Change the cell to the figure given, after checking it against the records.",
        ),
        note=Tr(
            "不能由一个单元格解释的关系，按各自的代码（RC301—RC304）逐个报告。",
            "Relations that no single cell explains are reported under their own codes "
            "(RC301–RC304).",
        ),
        cases=(
            fails(
                Tr(
                    "「（一）予以公开」自然人多填 1：行和列都差 1",
                    (
                        "disclosed · natural persons (（一）予以公开·自然人) 1 too high: its row and its column "
                        "are both off by 1"
                    ),
                ),
                ("set", f"{APPS}/granted/natural_person", 22),
                expect=(("RC300", "applications", "granted", "natural_person"),),
            ),
            passes(Tr("有效示例：全部关系成立", "the valid example: every relation holds")),
        ),
    ),
    "RC301": Page(
        what=Tr(
            "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（R1）。",
            (
                "Table 3 every row: total (总计) = natural persons (自然人) + commercial enterprises "
                "(商业企业) + research institutions (科研机构) + public-interest organisations (社会公益组织) "
                "+ legal service providers (法律服务机构) + other organisations (其他) (R1)."
            ),
        ),
        why=Tr(
            "行总计与各列之和不符，说明总计或某一列填错，公开的申请数字自相矛盾。",
            "A row total that differs from its columns means the total or one column is "
            "wrong, and the published figures contradict each other.",
        ),
        fix=_FIX_TOTAL,
        note=_ENGINE,
        cases=(
            fails(
                Tr(
                    "两行总计一多一少（列合计仍成立）",
                    "two row totals off by one in opposite directions (the column still adds up)",
                ),
                ("set", f"{APPS}/granted/total", 25),
                ("set", f"{APPS}/partial/total", 4),
                expect=(
                    ("RC301", "applications", "granted", "total"),
                    ("RC301", "applications", "partial", "total"),
                ),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
    "RC302": Page(
        what=Tr(
            "表三每一列：（七）总计 = （一）+（二）+（三）至（六）的全部细分行（R2）。2019 版（六）其他处理"
            "只有一行，2021 版有三个细分行。",
            (
                "Table 3 every column: total answered (（七）总计) = （一）+（二）+ all sub-rows of （三）–（六） "
                "(R2). In the 2019 format otherwise handled (（六）其他处理) is one row; in 2021 it has "
                "three sub-rows."
            ),
        ),
        why=Tr(
            "办理结果之和与（七）总计不符，说明有申请没有记入结果，或记在了错误的列。",
            (
                "Results that do not add up to total answered (（七）总计) mean an application was "
                "not counted under a result, or was counted in the wrong column."
            ),
        ),
        fix=_FIX_TOTAL,
        note=_ENGINE,
        cases=(
            fails(
                Tr(
                    "一件商业企业的申请记在了自然人下：行成立，两列不成立",
                    (
                        "an enterprise's application counted under natural persons (自然人): the row adds "
                        "up, two columns do not"
                    ),
                ),
                ("set", f"{APPS}/granted/natural_person", 22),
                ("set", f"{APPS}/granted/commercial", 1),
                expect=(
                    ("RC302", "applications", "total", "natural_person"),
                    ("RC302", "applications", "total", "commercial"),
                ),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
    "RC303": Page(
        what=Tr(
            "表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理（R3），"
            "即表格左上角注明的勾稽关系。",
            (
                "Table 3 every column: new applications (一、本年新收) + carried over (二、上年结转) = total "
                "answered (三（七）总计) + carried forward (四、结转下年度继续办理) (R3), the relation printed in "
                "the table's top-left cell."
            ),
        ),
        why=Tr(
            "收到的申请要么办结、要么结转；两边不等，说明有申请既未办结也未结转，或数字填错。",
            "Every application received is either answered or carried forward; unequal sides "
            "mean one was lost, or a figure is wrong.",
        ),
        fix=Tr(
            "核对本年新收、上年结转、办结总数和结转下年度数，改正不符的一项。",
            "Check received, carried over, answered and carried forward, and correct the one "
            "that is wrong.",
        ),
        note=_ENGINE,
        cases=(
            fails(
                Tr(
                    "本年新收多 1 件，既未办结也未结转",
                    "one more application received than answered or carried forward",
                ),
                ("set", f"{APPS}/new_received/natural_person", 46),
                ("set", f"{APPS}/new_received/total", 53),
                expect=(
                    ("RC303", "applications", None, "natural_person"),
                    ("RC303", "applications", None, "total"),
                ),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
    "RC304": Page(
        what=Tr(
            "表四的行政复议、未经复议直接起诉、复议后起诉三组：总计 = 结果维持 + 结果纠正 + 其他结果 + "
            "尚未审结（R5）。",
            (
                "Table 4, each of administrative review (行政复议), lawsuits without review "
                "(未经复议直接起诉), lawsuits after review (复议后起诉): total (总计) = upheld (结果维持) + "
                "corrected (结果纠正) + other outcome (其他结果) + pending (尚未审结) (R5)."
            ),
        ),
        why=Tr(
            "总计与各结果之和不符，公开的复议、诉讼数字自相矛盾。",
            "A total that differs from its outcomes makes the published review and litigation "
            "figures contradict each other.",
        ),
        fix=_FIX_TOTAL,
        note=_ENGINE,
        cases=(
            fails(
                Tr(
                    "行政复议：维持 2、纠正 1、尚未审结 1，总计填 0",
                    "review: 2 + 1 + 0 + 1, total 0",
                ),
                ("set", "/review_litigation/review/total", 0),
                expect=(("RC304", "review_litigation", "review", "total"),),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
}
