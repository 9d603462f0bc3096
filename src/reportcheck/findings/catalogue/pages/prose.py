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
            (
                "A figure in the text about applications differs from Table 3. Compared: "
                "applications received (本年新收, or with 上年结转), carried over, answered (办结/答复 = "
                "（七）总计), carried forward, and the count of each outcome (予以公开, 部分公开, 不予公开, 无法提供, "
                "不予处理, 其他处理; 「予以公开及部分公开」 is their sum), and 「所有申请均已办结」 against a carry-forward."
            ),
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr(
                    "正文说已答复 51 件，表三（七）总计为 50",
                    "the text says 51 answered, Table 3 says 50",
                ),
                ("replace", "已答复50件", "已答复51件"),
                base=TXT,
                expect=(("RC401", "applications", "total", "total"),),
            ),
            fails(
                Tr(
                    "正文说所有申请均已办结，表三结转下年度 4 件",
                    "the text says every application was completed, Table 3 carries 4 forward",
                ),
                ("replace", "已答复50件", "所有申请均已办结"),
                base=TXT,
                expect=(("RC401", "applications", "carried_forward", "total"),),
            ),
            passes(
                Tr("文本示例：正文与表三一致", "the text example: text and Table 3 agree"), base=TXT
            ),
        ),
    ),
    "RC402": Page(
        what=Tr(
            "正文中某一办理结果的占比与其件数和答复总数不符。只在件数本身与表三一致时检查（否则 RC401 已报）；"
            "占比按已答复数（（七）总计）或收到数计算，四舍五入或截去末位都接受。",
            (
                "A percentage of an outcome in the text does not fit its count and the total "
                "answered. Checked only when the count itself agrees with Table 3 (otherwise "
                "RC401 reports the sentence); the share is taken of the applications answered "
                "(（七）总计) or received, and a figure rounded or cut off at its last digit is "
                "accepted."
            ),
        ),
        why=_WHY,
        fix=Tr("按表三重新计算占比。", "Recompute the percentage from Table 3."),
        note=_NOTE,
        cases=(
            fails(
                Tr("予以公开 24 件占 60%（应为 48%）", "24 disclosed said to be 60% (48%)"),
                ("replace", "占48.0%", "占60.0%"),
                base=TXT,
                expect=(("RC402", "applications", "granted", "total"),),
            ),
            passes(
                Tr("写作「占48%」", "written 「占48%」"), ("replace", "占48.0%", "占48%"), base=TXT
            ),
        ),
    ),
    "RC403": Page(
        what=Tr(
            "正文中关于行政复议、行政诉讼的情况与表四不一致。比较：复议件数（行政复议·总计）、诉讼件数"
            "（未经复议直接起诉·总计 + 复议后起诉·总计），以及不带数字的表述：「均获维持」（无纠正、其他或"
            "尚未审结）、「未被纠错」（无纠正）、「未发生行政复议、行政诉讼」（总计为 0）。",
            (
                "What the text says about administrative review (行政复议) and lawsuits (行政诉讼) "
                "differs from Table 4. Compared: the number of reviews (行政复议·总计) and of lawsuits "
                "(未经复议直接起诉·总计 + 复议后起诉·总计), and statements without a number: 「均获维持」 (nothing "
                "corrected, other or pending), 「未被纠错」 (nothing corrected), 「未发生行政复议、行政诉讼」 "
                "(totals 0)."
            ),
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr("正文说行政复议 5 件，表四为 4 件", "the text says 5 reviews, Table 4 says 4"),
                ("replace", "行政复议4件", "行政复议5件"),
                base=TXT,
                expect=(("RC403", "review_litigation", "review", "total"),),
            ),
            fails(
                Tr(
                    "正文说均获维持，表四有结果纠正和尚未审结",
                    "the text says all were upheld, Table 4 has corrected and pending cases",
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
            (
                "A count of regulations (规章) or normative documents (规范性文件) in the text differs "
                "from Table 2: 「制发/出台/主动公开规范性文件N件」 against the count issued this year (本年制发件数) (2019: "
                "本年新制作数量 or 本年新公开数量), 「现行有效…N件」 against the count in force (现行有效件数), 「废止…N件」 against "
                "the count repealed this year (本年废止件数). Documents of other bodies, reprinted (刊登, 转发, 汇编), "
                "reviewed or cleaned up (备案审查, 清理) and internal rules (规章制度) are "
                "not compared."
            ),
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr(
                    "正文说制发规范性文件 4 件，表二为 3 件",
                    "the text says 4 issued, Table 2 says 3",
                ),
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
            (
                "The administrative fees (行政事业性收费) amount the text states differs from Table 2's "
                "fees this year (本年收费金额, in 万元). Amounts in yuan (元), ten thousand yuan (万元) or "
                "a hundred million yuan (亿元) are converted to ten thousand yuan; they agree within "
                "amount-tolerance (default 0) plus half a unit of the last digit of the less "
                "precise one, or when one is the other cut off. 「未收取行政事业性收费」 against a non-zero "
                "amount is a finding too. Only sections 1 and 2 are read; section 6's "
                "information processing fee (信息处理费) is a different fee and is never compared."
            ),
        ),
        why=_WHY,
        fix=_FIX,
        note=_NOTE,
        cases=(
            fails(
                Tr(
                    "正文说 13.35 万元，表二为 12.35",
                    "the text says 「13.35万元」, Table 2 says 12.35",
                ),
                ("replace", "收费金额12.35万元", "收费金额13.35万元"),
                base=TXT,
                expect=(("RC405", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            fails(
                Tr(
                    "正文说未收取行政事业性收费，表二为 12.35",
                    "the text says none, Table 2 says 12.35",
                ),
                ("replace", "全年行政事业性收费金额12.35万元", "全年未收取行政事业性收费"),
                base=TXT,
                expect=(("RC405", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            passes(
                Tr("写作「123500元」（= 12.35 万元）", "written 「123500元」 (= 12.35 万元)"),
                ("replace", "收费金额12.35万元", "收费金额123500元"),
                base=TXT,
            ),
        ),
    ),
    "RC406": Page(
        what=Tr(
            "正文的一句话先给出总数，再用「其中」「包括」「含」「分别为」列出各项（「主动公开政府信息475条，"
            "其中政策文件100条、规划计划30条……」），而各项之和不等于总数。只比较同一单位（条与条、件与件）、"
            "紧跟总数的列举：一个分句（或紧跟总数的括号）中的标记之后，逗号分隔的各项，到没有数字的分句、"
            "「另有」「此外」「共计」等分句或句末为止；标记后有冒号时（「其中：……；……」），分号也不结束列举。"
            "括号里是某一项的细分（「其中A类10件（含A1 3件）」），不计入外层之和，自身另行核对。"
            "列举的最后一项没写单位（「……，不予公开5。」）仍算一项；"
            "三项以上而其中几项（不是全部）之和正好等于总数时，多出的一项很可能包含在另一项中"
            "（「政务信息40条、政策解读6条」），不报告。",
            (
                "A sentence of the text states a total and then lists its parts after 「其中」, "
                "「包括」, 「含」 or 「分别为」 (「主动公开政府信息475条，其中政策文件100条、规划计划30条…」), and the parts do not "
                "add up to the total. Only a list right after its total, all in the total's unit "
                "(条 with 条, 件 with 件), is compared: the clauses after the marker (or in a "
                "bracket right after the total), up to a clause without a count, a clause "
                "opening with 「另有」, 「此外」, 「共计」 and the like, or the end of the sentence; after a "
                "colon (「其中：…；…」) a semicolon does not end the list. A last item written without "
                "its unit (「…，不予公开5。」) is still a part; where, of three or more parts, some (not "
                "all) add up to the total exactly, the one left over is likely inside another "
                "(「政务信息40条、政策解读6条」) and nothing is said. A bracket inside the list breaks down "
                "one part (「其中A类10件（含A1 3件）」): it is not added to the outer sum, and is checked "
                "as a breakdown of its own."
            ),
        ),
        why=Tr(
            "各项之和不等于总数，说明总数或某一项写错了，或者有一项被重复计算、漏算；读者无法知道哪个数字可信。",
            "When the parts do not add up, the total or one of the parts is wrong, or a part was "
            "counted twice or left out; readers cannot tell which figure to trust.",
        ),
        fix=Tr(
            "核对原始台账，改正总数或错误的一项；某一项若是另一项的一部分，写作该项的「其中」或放进括号。",
            (
                "Check the records and correct the total or the wrong part; a part that is part "
                "of another one should be written as that part's own 「其中」, or in brackets."
            ),
        ),
        note=Tr(
            "拿不准时不报告：少于两项；总数或某项带「约」「余」「多」「近」「超过」「左右」等概数词，或是百分比、"
            "同比、较上年；各项单位与总数不同；列举以「等」结尾或写「主要」「重点」；各项按发布渠道"
            "（网站、微信、微博、客户端……）列出，同一条信息可能各算一次；同一分句中接着又有以该项为总数的"
            "「其中」；总数前面还有同单位的并列数字（「新收79件，上年结转6件，已办结68件，其中……」），"
            "或列举后一项说的是结转、新收、办结等（可能是下一句话，而不是一项）；收到的申请按办理结果列出而各项之和较小（尚未办结的不在其中）。「包括」只列了部分时各项之和"
            "可以小于总数，只在多于总数时报告。汉字数字（三十件）和千位分隔符（1,234件）照常读取。",
            (
                "When in doubt nothing is said: fewer than two parts; a total or part that is "
                "approximate (约, 余, 多, 近, 超过, 左右 …), a percentage, or a comparison (同比, 较上年); "
                "parts in another unit than the total; a list ending in 「等」 or saying 「主要」 or "
                "「重点」; parts by publication channel (网站, 微信, 微博, apps …), where one item may be "
                "counted on each; a 「其中」 right after a part, in the same clause chain, that "
                "takes it as a total; a total that is one of a chain of counts in its unit "
                "(「新收79件，上年结转6件，已办结68件，其中…」), or a later part about carrying over, receiving or "
                "answering (it may be the next statement, not a part); applications received "
                "broken down by outcome that add up to less (those pending are no part). After "
                "「包括」 the parts may name only some, so only a sum above the total is reported. "
                "Chinese numerals (三十件) and thousands separators (1,234件) are read."
            ),
        ),
        cases=(
            fails(
                Tr(
                    "475 条，其中各项 100 + 30 + 340 = 470",
                    "475 items, parts 100 + 30 + 340 = 470",
                ),
                (
                    "replace",
                    "发布和更新政府信息。",
                    "发布和更新政府信息，全年主动公开政府信息475条，其中政策文件100条、规划计划30条、"
                    "工作动态340条。",
                ),
                base=TXT,
                expect=(("RC406", None, None, None),),
            ),
            fails(
                Tr(
                    "括号中的细分：52 件（其中自然人申请 45 件、法人或其他组织申请 8 件）",
                    "a breakdown in brackets: 52 (45 + 8)",
                ),
                (
                    "replace",
                    "全年新收政府信息公开申请52件，",
                    "全年新收政府信息公开申请52件（其中自然人申请45件、法人或其他组织申请8件），",
                ),
                base=TXT,
                expect=(("RC406", None, None, None),),
            ),
            passes(
                Tr("各项之和等于总数：100 + 30 + 345 = 475", "the parts add up: 100 + 30 + 345"),
                (
                    "replace",
                    "发布和更新政府信息。",
                    "发布和更新政府信息，全年主动公开政府信息475条，其中政策文件100条、规划计划30条、"
                    "工作动态345条。",
                ),
                base=TXT,
            ),
            passes(
                Tr("总数是概数（约 475 条）", "an approximate total (约475条)"),
                (
                    "replace",
                    "发布和更新政府信息。",
                    "发布和更新政府信息，全年主动公开政府信息约475条，其中政策文件100条、规划计划30条、"
                    "工作动态340条。",
                ),
                base=TXT,
            ),
            passes(
                Tr(
                    "「另有」的一项不是其中之一：50 = 30 + 5 + 15，另有 4 件结转",
                    "a part after 「另有」 is not one of them: 50 = 30 + 5 + 15, 「另有」 4",
                ),
                (
                    "replace",
                    "发布和更新政府信息。",
                    "发布和更新政府信息，全年办结群众来信50件，其中当月办结30件，次月办结5件，"
                    "季度内办结15件，另有4件转交其他部门。",
                ),
                base=TXT,
            ),
        ),
    ),
}
