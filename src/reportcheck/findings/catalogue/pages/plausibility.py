"""Rule pages of RC7xx plausibility.

The cross-year cases give last year's report as RC5xx's pages do (the valid example of the
year before, carrying on into this one) with the figure the case is about changed.
"""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes
from reportcheck.findings.catalogue.pages.crossyear import last_year

FEE = "/proactive_disclosure/administrative_fees/amount"
LICENSING = "/proactive_disclosure/administrative_licensing/decisions"
PENALTY = "/proactive_disclosure/administrative_penalty/decisions"
DOCS = "/proactive_disclosure/normative_documents"

_FEE_KEY = ("proactive_disclosure", "administrative_fees", "amount")

_PAIRING = Tr(
    "跨年度的检查只在知道上年报告时进行：--previous 给出，或同一机关上一年度的报告在同一次运行中一起"
    "检查。只比较两年都填了大于 0 的数的单元格。阈值在配置的 plausibility 表中（见 docs/ci.md）。",
    "The checks across years run only when last year's report is known: given with "
    "--previous, or the same agency's report of the year before checked in the same run. "
    "Only cells with a figure above 0 in both years are compared. The thresholds are in "
    "the configuration's plausibility table (see docs/ci.md).",
)

_PAIRING_ONLY = Tr(
    "只在知道上年报告时检查：--previous 给出，或同一机关上一年度的报告在同一次运行中一起检查。"
    "阈值在配置的 plausibility 表中（见 docs/ci.md）。",
    "Checked only when last year's report is known: given with --previous, or the same "
    "agency's report of the year before checked in the same run. The threshold is in the "
    "configuration's plausibility table (see docs/ci.md).",
)

PAGES = {
    "RC701": Page(
        what=Tr(
            "本年的数与上年报告同一单元格的数相比，像是单位或位数写错了：表二「本年收费金额（单位：万元）」"
            "是上年的约 10,000 倍或 1/10,000（元当作万元填写），或约 1,000 倍或 1/1,000（默认在 3 倍的"
            "范围内：3,333–30,000、333–3,000，即 plausibility.unit-tolerance）；任何件数或金额与上年的"
            "有效数字完全相同、只差 1 到 4 位（1268 与 12680，12.35 与 123.5）。件数只差一两位时要求至少 "
            "3 位有效数字，其余至少 2 位——普通的年度变化偶尔也会碰巧是 10 倍。",
            "This year's figure against the same cell of last year's report looks like a slip "
            "of the unit or of the digits: Table 2's fee amount (「本年收费金额」, in 10,000 yuan) about 10,000 times or "
            "1/10,000 of last year's (yuan written where 10,000 yuan are asked), or about 1,000 times or 1/1,000 "
            "(within a factor of 3 by default: 3,333–30,000 and 333–3,000, "
            "plausibility.unit-tolerance); any count or amount with exactly last year's "
            "significant digits shifted by one to four places (1268 and 12680, 12.35 and "
            "123.5). A count shifted by one or two places needs at least three significant "
            "digits, anything else two — an ordinary change is now and then ten times.",
        ),
        why=Tr(
            "元与万元混淆是这些报告最常见的差错：表内的数照样相加无误，只有与上年相比才看得出来。一个机关的"
            "收费可以翻倍，但不会一年变成一万倍。",
            "Yuan written for 10,000 yuan (「万元」) is the commonest slip in these reports: the table still adds up, and "
            "only last year's figure shows it. An agency's fees can double, but not grow ten "
            "thousand times in a year.",
        ),
        fix=Tr(
            "核对本年（或上年）报告的这个数及其单位：收费金额以万元填写（元数除以 10,000）。数字无误时可"
            "忽略本提示（waivers 中写明理由）。",
            "Check this figure and its unit in this year's (or last year's) report: the fee "
            "amount is written in 10,000 yuan (「万元」: yuan divided by 10,000). If the figure is right, waive "
            "the finding with a reason.",
        ),
        note=_PAIRING,
        cases=(
            fails(
                Tr(
                    "上年 11.8 万元，本年 123500（以元填写）：约 10,000 倍",
                    "11.8 last year, 123500 this year (written in yuan): about 10,000 times",
                ),
                ("set", FEE, 123500),
                previous=(*last_year(), ("set", FEE, 11.8)),
                expect=(("RC701", *_FEE_KEY),),
            ),
            fails(
                Tr(
                    "行政许可处理决定数上年 1268，本年 12680：多写了一个 0",
                    "licensing decisions 1268 last year, 12680 this year: a 0 too many",
                ),
                ("set", LICENSING, 12680),
                previous=last_year(),
                expect=(
                    ("RC701", "proactive_disclosure", "administrative_licensing", "decisions"),
                ),
            ),
            passes(
                Tr(
                    "收费翻倍：上年 6.1 万元，本年 12.35 万元",
                    "fees doubled: 6.1 last year, 12.35 this year",
                ),
                previous=(*last_year(), ("set", FEE, 6.1)),
            ),
            passes(
                Tr(
                    "行政处罚决定数上年 21，本年 210：两位有效数字的 10 倍可能是真实的变化",
                    "penalty decisions 21 last year, 210 this year: ten times two significant "
                    "digits can be a real change",
                ),
                ("set", PENALTY, 210),
                previous=(*last_year(), ("set", PENALTY, 21)),
            ),
        ),
    ),
    "RC702": Page(
        what=Tr(
            "件数与上年报告同一单元格相比变化极大：至少 20 倍（plausibility.jump-factor）且相差至少 50 件"
            "（plausibility.jump-minimum）。比较表二的各个件数，以及表三、表四各行的总计（不逐列比较，"
            "一行一条）。已由 RC701 说明的单元格不再报告；从 0 开始或变为 0 的不比较。",
            "A count changed far more than usual since last year's report: by at least 20 "
            "times (plausibility.jump-factor) and by at least 50 (plausibility.jump-minimum). "
            "Compared: every count of Table 2, and the total (「总计」) of each row of Table 3 and Table 4 (one "
            "finding a row, not one a column). A cell RC701 explains is not reported again; "
            "a figure from or to 0 is not compared.",
        ),
        why=Tr(
            "申请数或处理决定数一年上下几十倍，多半是填错了行、多打或少打了数字；也可能是真实的变化"
            "（机构合并、集中办理），所以只是提示。",
            "Applications or decisions up or down dozens of times in a year are mostly a wrong "
            "row or digits typed too many or too few; it can be real (agencies merged, cases "
            "handled centrally), so this is only a note.",
        ),
        fix=Tr(
            "核对这个数；真实的变化可在正文中说明原因，并忽略本提示。",
            "Check the figure; a real change is best explained in the text, and the note waived.",
        ),
        note=_PAIRING,
        cases=(
            fails(
                Tr(
                    "行政处罚决定数上年 9，本年 214：约 24 倍、多 205 件",
                    "penalty decisions 9 last year, 214 this year: about 24 times, 205 more",
                ),
                previous=(*last_year(), ("set", PENALTY, 9)),
                expect=(("RC702", "proactive_disclosure", "administrative_penalty", "decisions"),),
            ),
            passes(
                Tr(
                    "行政处罚决定数上年 107，本年 214：翻倍",
                    "penalty decisions 107 last year, 214 this year: doubled",
                ),
                previous=(*last_year(), ("set", PENALTY, 107)),
            ),
            passes(
                Tr(
                    "行政强制决定数上年 1，本年 9：9 倍，但只多 8 件",
                    "coercion decisions 1 last year, 9 this year: 9 times but only 8 more",
                ),
                previous=(
                    *last_year(),
                    ("set", "/proactive_disclosure/administrative_coercion/decisions", 1),
                ),
            ),
        ),
    ),
    "RC703": Page(
        what=Tr(
            "表二规章或行政规范性文件的现行有效件数为 0（或空），而上年报告为 10 件以上"
            "（plausibility.in-force-minimum），本年废止件数又少于上年的现行有效件数。这时不再报告 "
            "RC502（它只能说数字推算不符），而由本规则说明可能的原因。",
            "Table 2's documents in force (「现行有效件数」) of regulations or normative documents (「规章」, 「行政规范性文件」) are 0 (or blank) while last year's "
            "report says 10 or more (plausibility.in-force-minimum) and fewer were repealed "
            "this year than were in force. RC502 (which can only say the figures do not add "
            "up) is then left out, and this rule names the likely cause.",
        ),
        why=Tr(
            "多年积累的有效文件不会在一年内全部失效而不废止；现行有效件数为 0 多半是漏填，或填在了"
            "制发件数一栏。",
            "Documents in force for years do not all lapse in one year without being "
            "repealed; 0 in force is mostly a figure left out, or written in the column of documents issued (「制发」).",
        ),
        fix=Tr(
            "填写现行有效件数（上年件数 + 本年制发 − 本年废止）；文件确已全部失效时可忽略本提示。",
            "Fill in the documents in force (last year's + issued − repealed); if all have "
            "really lapsed, waive the warning.",
        ),
        note=_PAIRING_ONLY,
        cases=(
            fails(
                Tr(
                    "上年 15 件，本年制发 3 件、废止 1 件，现行有效填 0",
                    "15 last year, 3 issued and 1 repealed, 0 in force",
                ),
                ("set", f"{DOCS}/in_force", 0),
                previous=last_year(),
                expect=(("RC703", "proactive_disclosure", "normative_documents", "in_force"),),
            ),
            passes(
                Tr(
                    "上年 15 件，本年全部废止：0 件",
                    "15 last year, all repealed this year: 0",
                ),
                ("set", f"{DOCS}/made", 0),
                ("set", f"{DOCS}/repealed", 15),
                ("set", f"{DOCS}/in_force", 0),
                previous=last_year(),
            ),
            passes(
                Tr("上年 15 件 + 3 − 1 = 17", "15 last year + 3 − 1 = 17"), previous=last_year()
            ),
        ),
    ),
    "RC711": Page(
        what=Tr(
            "以万元计的收费金额超过 6 位小数（plausibility.fee-decimals）：万元的第 6 位小数是 1 分，"
            "再多就比 1 分还细，不是一笔钱数。以元计、到分的数除以 10,000 正好最多 6 位小数"
            "（24252.311082 万元是 242523110.82 元，照常通过）。以元计的单元格（RC206）不在此列。",
            "A fee amount in 10,000 yuan (「万元」) with more than 6 decimal places (plausibility.fee-decimals): "
            "the sixth decimal of 10,000 yuan is one fen, more is finer than any sum of money. A yuan "
            "figure to the fen divided by 10,000 has at most 6 (24252.311082 × 10,000 yuan is "
            "242523110.82 yuan and passes). A cell shown in yuan (RC206) is not looked at.",
        ),
        why=Tr(
            "比 1 分还细的金额多半是换算时出了错：手工除以 10,000 时算错，或用公式换算后没有取整、"
            "把公式的中间结果填了进去。",
            "An amount finer than a fen mostly means the conversion went wrong: a division by "
            "10,000 done by hand, or a formula's result pasted without rounding.",
        ),
        fix=Tr(
            "用原始的元数除以 10,000 重新计算，保留到分（6 位小数）以内。",
            "Divide the original yuan figure by 10,000 again and keep at most 6 decimals (the "
            "fen).",
        ),
        note=Tr(
            "收费金额达到 1,000,000 万元（100 亿元）的，由 RC206 报告（以元填写的可能很大）。",
            "A fee amount of 1,000,000 × 10,000 yuan (10 billion yuan) or more is RC206's (most likely "
            "written in yuan).",
        ),
        cases=(
            fails(
                Tr("12.3456789 万元：7 位小数", "12.3456789: seven decimal places"),
                ("set", FEE, 12.3456789),
                expect=(("RC711", *_FEE_KEY),),
            ),
            passes(
                Tr("24252.311082 万元：到分，6 位小数", "24252.311082: to the fen, six places"),
                ("set", FEE, 24252.311082),
            ),
        ),
    ),
    "RC712": Page(
        what=Tr(
            "件数由同一串（两位以上的）数字重复两次组成（2121、1515、4545），所在行或列的关系不成立，而"
            "换成一半的数字（21、15、45）时这一关系恰好成立。表内关系的错误照常报告（RC3xx），"
            "本提示说明可能的原因。",
            "A count that is one string of two or more digits written twice (2121, 1515, "
            "4545), in a row or column whose relation fails and holds exactly with the half "
            "(21, 15, 45). The failing relation is reported as ever (RC3xx); this note names "
            "the likely cause.",
        ),
        why=Tr(
            "在 Excel 中重复粘贴或连按两次，数字会重复；相加的关系能指出哪一个数是这样来的。",
            "Pasting twice or typing a figure again makes its digits repeat; the sums of the "
            "table point to the figure it happened to.",
        ),
        fix=Tr("把这个数改为一半的数字并核对。", "Write the half and check."),
        cases=(
            fails(
                Tr(
                    "表三（一）自然人新收申请 45 写成 4545",
                    "Table 3 new applications from natural persons 45 written 4545",
                ),
                ("set", "/applications/new_received/natural_person", 4545),
                expect=(
                    ("RC712", "applications", "new_received", "natural_person"),
                    ("RC300", "applications", "new_received", "natural_person"),
                ),
            ),
            passes(
                Tr(
                    "行政许可处理决定数 2121：没有关系指向一半",
                    "2121 licensing decisions: no relation points to the half",
                ),
                ("set", LICENSING, 2121),
            ),
        ),
    ),
}
