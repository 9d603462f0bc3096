"""Rule pages of RC4xx prose against the tables (the rules are :mod:`reportcheck.rules.prose`).

The cases change one sentence of ``examples/2021-valid.txt``, whose figures agree with
its tables.
"""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes
from reportcheck.findings.catalogue.pages.input_ import TXT

_WHY = Tr(
    "正文与表格说的是同一年的同一些数字；两者不一致，读者不知道该信哪一个，往往是改了表格而忘了改正文。",
    "The text and the tables report the same year's figures; when they disagree readers "
    "cannot tell which to trust. Usually the table was corrected and the text was not.",
)
_FIX = Tr(
    "核对原始台账，改正正文或表格中错误的一方。",
    "Check the records and correct whichever of the text and the table is wrong.",
)
_NOTE = Tr(
    "只检查发布的年报（HTML、Word、文本）。其他年度、其他单位或其他事项的数字，以及同比、较上年等比较，"
    "不参加比较。",
    "Published reports only (HTML, Word, text). Figures of other years, other units or "
    "other things, and comparisons (同比, 较上年), are not compared.",
)

PAGES = {
    "RC401": Page(
        what=Tr(
            "正文中关于申请的数字与表三不一致。比较：本年新收（或连同上年结转）、上年结转、办结/答复"
            "（=（七）总计）、结转下年度，以及各办理结果的件数（予以公开、部分公开、不予公开、无法提供、"
            "不予处理、其他处理；「予以公开及部分公开」为两者之和），还有「所有申请均已办结」与结转数。",
            "A figure in the text about applications differs from 表三. Compared: applications "
            "received (本年新收, or with 上年结转), carried over, answered (办结/答复 = （七）总计), "
            "carried forward, and the count of each outcome (予以公开, 部分公开, 不予公开, 无法提供, "
            "不予处理, 其他处理; 「予以公开及部分公开」 is their sum), and 「所有申请均已办结」 "
            "against a carry-forward.",
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr("正文说已答复 51 件，表三（七）总计为 50", "the text says 51 answered, 表三 50"),
                ("replace", "已答复50件", "已答复51件"),
                base=TXT,
                expect=(("RC401", "applications", "total", "total"),),
            ),
            fails(
                Tr(
                    "正文说所有申请均已办结，表三结转下年度 4 件",
                    "the text says every application was completed, 表三 carries 4 forward",
                ),
                ("replace", "已答复50件", "所有申请均已办结"),
                base=TXT,
                expect=(("RC401", "applications", "carried_forward", "total"),),
            ),
            passes(
                Tr("文本示例：正文与表三一致", "the text example: text and 表三 agree"), base=TXT
            ),
        ),
    ),
    "RC402": Page(
        what=Tr(
            "正文中某一办理结果的占比与其件数和答复总数不符。只在件数本身与表三一致时检查（否则 RC401 已报）；"
            "占比按已答复数（（七）总计）或收到数计算，四舍五入或截去末位都接受。",
            "A percentage of an outcome in the text does not fit its count and the total "
            "answered. Checked only when the count itself agrees with 表三 (otherwise RC401 "
            "reports the sentence); the share is taken of the applications answered "
            "(（七）总计) or received, and a figure rounded or cut off at its last digit is "
            "accepted.",
        ),
        why=_WHY,
        fix=Tr("按表三重新计算占比。", "Recompute the percentage from 表三."),
        note=_NOTE,
        cases=(
            fails(
                Tr("予以公开 24 件占 60%（应为 48%）", "24 disclosed said to be 60% (48%)"),
                ("replace", "占48.0%", "占60.0%"),
                base=TXT,
                expect=(("RC402", "applications", "granted", "total"),),
            ),
            passes(Tr("写作「占48%」", "written 占48%"), ("replace", "占48.0%", "占48%"), base=TXT),
        ),
    ),
    "RC403": Page(
        what=Tr(
            "正文中关于行政复议、行政诉讼的情况与表四不一致。比较：复议件数（行政复议·总计）、诉讼件数"
            "（未经复议直接起诉·总计 + 复议后起诉·总计），以及不带数字的表述：「均获维持」（无纠正、其他或"
            "尚未审结）、「未被纠错」（无纠正）、「未发生行政复议、行政诉讼」（总计为 0）。",
            "What the text says about 行政复议 and 行政诉讼 differs from 表四. Compared: the "
            "number of reviews (行政复议·总计) and of lawsuits (未经复议直接起诉·总计 + "
            "复议后起诉·总计), and statements without a number: 「均获维持」 (nothing corrected, "
            "other or pending), 「未被纠错」 (nothing corrected), 「未发生行政复议、行政诉讼」 "
            "(totals 0).",
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr("正文说行政复议 5 件，表四为 4 件", "the text says 5 reviews, 表四 4"),
                ("replace", "行政复议4件", "行政复议5件"),
                base=TXT,
                expect=(("RC403", "review_litigation", "review", "total"),),
            ),
            fails(
                Tr(
                    "正文说均获维持，表四有结果纠正和尚未审结",
                    "the text says all were upheld, 表四 has corrected and pending cases",
                ),
                ("replace", "行政诉讼2件。", "行政诉讼2件，均获维持。"),
                base=TXT,
                expect=(("RC403", "review_litigation", "review", None),),
            ),
            passes(
                Tr("文本示例：复议 4 件、诉讼 2 件", "the text example: 4 reviews, 2 lawsuits"),
                base=TXT,
            ),
        ),
    ),
    "RC404": Page(
        what=Tr(
            "正文中规章或规范性文件的件数与表二不一致：「制发/出台/主动公开规范性文件N件」对本年制发件数"
            "（2019 版：本年新制作数量或本年新公开数量），「现行有效……N件」对现行有效件数，「废止……N件」"
            "对本年废止件数。其他机关的文件、转载汇编、备案审查或清理的文件和内部规章制度不比较。",
            "A count of 规章 or 规范性文件 in the text differs from 表二: 「制发/出台/主动公开"
            "规范性文件N件」 against 本年制发件数 (2019: 本年新制作数量 or 本年新公开数量), 「现行有效"
            "…N件」 against 现行有效件数, 「废止…N件」 against 本年废止件数. Documents of other "
            "bodies, reprinted (刊登, 转发, 汇编), reviewed or cleaned up (备案审查, 清理) and "
            "规章制度 (internal rules) are not compared.",
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr("正文说制发规范性文件 4 件，表二为 3 件", "the text says 4 issued, 表二 3"),
                ("replace", "本年制发规范性文件3件", "本年制发规范性文件4件"),
                base=TXT,
                expect=(("RC404", "proactive_disclosure", "normative_documents", None),),
            ),
            passes(
                Tr("文本示例：制发 3 件、废止 1 件、现行有效 17 件", "the text example: 3, 1, 17"),
                base=TXT,
            ),
        ),
    ),
    "RC405": Page(
        what=Tr(
            "正文中行政事业性收费的金额与表二本年收费金额（万元）不一致。元、万元、亿元都换算为万元比较；"
            "相差不超过容差（amount-tolerance，默认 0）加较粗一方末位的半个单位，或一方是另一方截去末位，"
            "都算一致。「未收取行政事业性收费」而表二不为 0 也报告。只读第一、二部分；第六部分的信息处理费"
            "是另一种费用，不比较。",
            "The 行政事业性收费 amount the text states differs from 表二's 本年收费金额 (万元). "
            "Amounts in 元, 万元 or 亿元 are converted to 万元; they agree within "
            "amount-tolerance (default 0) plus half a unit of the last digit of the less "
            "precise one, or when one is the other cut off. 「未收取行政事业性收费」 against a "
            "non-zero amount is a finding too. Only sections 一 and 二 are read; section 六's "
            "信息处理费 is a different fee and is never compared.",
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr("正文说 13.35 万元，表二为 12.35", "the text says 13.35万元, 表二 12.35"),
                ("replace", "收费金额12.35万元", "收费金额13.35万元"),
                base=TXT,
                expect=(("RC405", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            fails(
                Tr("正文说未收取行政事业性收费，表二为 12.35", "the text says none, 表二 12.35"),
                ("replace", "全年行政事业性收费金额12.35万元", "全年未收取行政事业性收费"),
                base=TXT,
                expect=(("RC405", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            passes(
                Tr("写作「123500元」（= 12.35 万元）", "written 123500元 (= 12.35 万元)"),
                ("replace", "收费金额12.35万元", "收费金额123500元"),
                base=TXT,
            ),
        ),
    ),
}
