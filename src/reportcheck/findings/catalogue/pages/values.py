"""Rule pages of RC2xx values."""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes

NEW = "/applications/new_received"
FEES = "/proactive_disclosure/administrative_fees/amount"

PAGES = {
    "RC201": Page(
        what=Tr(
            "数值单元格中写的是不能读作数字的文字，如「三十一」「约30」，或 JSON 中的 true、对象。"
            "空白和占位符（/、-、—、无）不算文字：可选的格按 0 计，需要合计的格在 RC204 报告。"
            "超过 15 位的数字（超出 Excel 的精度，也远超任何件数：误填的证件号、损坏的文件）"
            "同样在这里报告，并说明位数。",
            (
                "A numeric cell holds text that is not a number: 「三十一」, 「约30」, or a JSON true "
                "or object. Blanks and placeholders (/, -, —, 无) are not text: they read as 0 "
                "where a figure is optional and are reported under RC204 where a total is "
                "needed. A number of more than 15 digits (beyond Excel's precision and any real "
                "count: an ID number typed into the cell, a damaged file) is reported here too, "
                "with its length."
            ),
        ),
        why=Tr(
            "表三、表四的每一格和表二的每个件数都必须是数字；写成文字的格无法参加计算，"
            "它所在的合计关系也就无法核对。",
            (
                "Every cell of Table 3 and Table 4 and every Table 2 count must be a number; a "
                "cell written in words cannot be added up, so the relations it belongs to go "
                "unchecked."
            ),
        ),
        fix=Tr(
            "改写成阿拉伯数字（全角数字、千位分隔符和「件」都可以）。",
            "Write the figure in digits (full-width digits, thousands separators and 件 are "
            "accepted).",
        ),
        cases=(
            fails(
                Tr(
                    "自然人一格写作「四十五」",
                    "natural persons (自然人) written in words, 「四十五」",
                ),
                ("set", f"{NEW}/natural_person", "四十五"),
                expect=(("RC201", "applications", "new_received", "natural_person"),),
            ),
            fails(
                Tr("自然人一格是 30 位的数字", "natural persons (自然人) holds a 30-digit number"),
                ("set", f"{NEW}/natural_person", 111111111111111111111111111111),
                expect=(("RC201", "applications", "new_received", "natural_person"),),
            ),
            passes(
                Tr("写作「45件」", "written 「45件」"),
                ("set", f"{NEW}/natural_person", "45件"),
            ),
        ),
    ),
    "RC202": Page(
        what=Tr(
            "件数或金额为负数。只有 2019 版的「本年增/减」可以为负数（项目数减少）。",
            (
                "A count or amount is negative. Only the 2019 format's change this year (本年增/减) "
                "may be negative (fewer items than the year before)."
            ),
        ),
        why=Tr(
            "件数和收费金额不可能为负；负号多半是录入时多打的，或把「本年增/减」的写法带到了别的格。",
            (
                "Counts and fee amounts cannot be negative; the minus is usually a slip, or the "
                "habit of change this year (本年增/减) carried to another cell."
            ),
        ),
        fix=Tr("改为正确的非负数。", "Write the right figure, 0 or more."),
        cases=(
            fails(
                Tr("表二行政强制的处理决定数为 -9", "Table 2 coercive measures: −9 decisions"),
                ("set", "/proactive_disclosure/administrative_coercion/decisions", -9),
                expect=(("RC202", "proactive_disclosure", "administrative_coercion", "decisions"),),
            ),
            passes(
                Tr(
                    "2019 版的「本年增/减」可以为负数",
                    "the 2019 format's change this year (本年增/减) may be negative",
                ),
                base="examples/2019-valid.xlsx",
            ),
        ),
    ),
    "RC203": Page(
        what=Tr(
            "件数有小数部分。申请、决定和案件数都是整数；只有表二的收费金额（万元）和 2019 版的采购金额"
            "可以有小数。31.0 按 31 计。",
            (
                "A count has a fractional part. Application, decision and case counts are whole "
                "numbers; only the Table 2 fee amount (万元) and the 2019 procurement amount may "
                "have decimals. 31.0 counts as 31."
            ),
        ),
        why=Tr(
            "件数出现小数，说明填错了格（如把金额填进了件数），或录入有误。",
            "A fraction in a count means a figure went into the wrong cell (an amount typed "
            "into a count) or a slip in typing.",
        ),
        fix=Tr("改为整数。", "Write the whole number."),
        cases=(
            fails(
                Tr("行政处罚决定数为 214.5", "214.5 penalty decisions"),
                ("set", "/proactive_disclosure/administrative_penalty/decisions", 214.5),
                expect=(("RC203", "proactive_disclosure", "administrative_penalty", "decisions"),),
            ),
            passes(
                Tr("214.0 按 214 计", "214.0 counts as 214"),
                ("set", "/proactive_disclosure/administrative_penalty/decisions", 214.0),
            ),
        ),
    ),
    "RC204": Page(
        what=Tr(
            "总计单元格为空或占位符（/、-、—、无），而它的各加数之和不为 0。结果给出应填的数；"
            "各加数也都为空时按 0 接受。",
            "A total cell is blank or a placeholder (/, -, —, 无) while its parts do not add "
            "up to 0. The finding says what the total should be; a blank total beside blank "
            "parts is accepted as 0.",
        ),
        why=Tr(
            "空白按 0 参加计算；各项有数而总计空着，本身就是缺漏，读者也看不到合计。",
            "Blanks count as 0 in the arithmetic; a total left blank beside parts that add "
            "up to something is itself a gap, and readers see no total.",
        ),
        fix=Tr("填上结果中给出的合计数。", "Fill in the total the finding gives."),
        note=Tr(
            "由计算引擎（RC300）产生：空着的总计同时使多个关系不成立时，也只报这一格。",
            "Emitted by the arithmetic engine (RC300): a blank total that breaks several "
            "relations is reported once, at that cell.",
        ),
        cases=(
            fails(
                Tr(
                    "「（一）予以公开」的总计空着",
                    "the total of disclosed (（一）予以公开) left blank",
                ),
                ("set", "/applications/granted/total", ""),
                expect=(
                    ("RC204", "applications", "granted", "total"),
                    ("RC207", "applications", None, None),
                ),
            ),
            passes(Tr("有效示例：所有总计都已填写", "the valid example: every total filled in")),
        ),
    ),
    "RC205": Page(
        what=Tr(
            "Excel 单元格中是公式，但文件没有保存它的计算结果（脚本或部分转换工具写出的文件常见）。"
            "这一格不会被当作空白。",
            "An Excel cell holds a formula whose result was never calculated and saved "
            "(common in files written by scripts or some converters). The cell is not read "
            "as empty.",
        ),
        why=Tr(
            "没有计算结果就不知道这一格的值，它参加的合计关系都无法核对。",
            "Without the result the cell has no value, and the relations it belongs to "
            "cannot be checked.",
        ),
        fix=Tr(
            "在 Excel 或 WPS 中打开文件并保存，或直接填写数值。",
            "Open and save the workbook in Excel or WPS, or type the number.",
        ),
        cases=(
            fails(
                Tr(
                    "「（七）总计」是脚本写入的公式",
                    "total answered (（七）总计) holds a formula written by a script",
                ),
                base="examples/invalid/RC205-formula.xlsx",
                expect=(("RC205", "applications", "total", "total"),),
            ),
            passes(Tr("有效的工作簿", "the valid workbook"), base="examples/2021-valid.xlsx"),
        ),
    ),
    "RC206": Page(
        what=Tr(
            "表二的收费金额看起来是按元而不是按万元填写的（R6）：写了「元」（如「2500元」），"
            "或数额达到一百万万元（一百亿元）以上。",
            (
                "The Table 2 fee amount looks as if it was written in yuan (元) instead of "
                "ten thousand yuan (万元) (R6): it says so (「2500元」), or it is a million times "
                "ten thousand yuan (ten billion yuan) or more."
            ),
        ),
        why=Tr(
            "本年收费金额的单位是万元；按元填写会使金额放大一万倍，汇总统计随之出错。",
            (
                "The fees this year (本年收费金额) are in ten thousand yuan (万元); an amount in yuan is "
                "ten thousand times too large and spoils every compilation it enters."
            ),
        ),
        fix=Tr(
            "换算为万元填写（元 ÷ 10000）。",
            "Write the amount in ten thousand yuan (万元): yuan ÷ 10,000.",
        ),
        cases=(
            fails(
                Tr("收费金额写作「123500元」", "the fee amount written 「123500元」"),
                ("set", FEES, "123500元"),
                expect=(("RC206", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            fails(
                Tr("收费金额 25600000（万元）", "a fee amount of 25600000 (万元)"),
                ("set", FEES, 25600000),
                expect=(("RC206", "proactive_disclosure", "administrative_fees", "amount"),),
            ),
            passes(Tr("写作「12.35万元」", "written 「12.35万元」"), ("set", FEES, "12.35万元")),
        ),
    ),
    "RC207": Page(
        what=Tr(
            "留空或填占位符（/、-、—、无）的单元格按 0 计。每张表一条提示，列出这些单元格。",
            "Cells left blank or filled with a placeholder (/, -, —, 无) are read as 0. One "
            "finding per table lists them.",
        ),
        why=Tr(
            "格式要求 0 写作 0；提示让填表人看到哪些格从未填写，确认它们确实为 0。",
            "The format expects 0 to be written as 0; the list shows which cells were never "
            "filled in, so that the clerk can confirm they are 0.",
        ),
        fix=Tr("在这些格中填 0（若确实为 0）。", "Write 0 in those cells (where 0 is right)."),
        cases=(
            fails(
                Tr(
                    "上年结转的商业企业一格填「/」",
                    "carried over, commercial enterprises (商业企业) written 「/」",
                ),
                ("set", "/applications/carried_over/commercial", "/"),
                expect=(("RC207", "applications", None, None),),
            ),
            passes(Tr("有效示例：每一格都有数字", "the valid example: every cell has a figure")),
        ),
    ),
    "RC208": Page(
        what=Tr(
            "工作簿、CSV 或 JSON 的数值单元格写成全角数字（「３１」）。本工具读作 31，表格照常核对；"
            "已发布的网页、Word 和文本中的全角数字只是排版，不报告。",
            "A numeric cell of a workbook, CSV or JSON is written in full-width digits (３１). "
            "reportcheck reads it as 31 and checks the tables as usual; full-width digits in "
            "published web pages, Word files and text are typography and not reported.",
        ),
        why=Tr(
            "Excel 和 WPS 把全角数字当作文字：SUM 不计入它，模板中的总计会变红，"
            "汇总表格的人拿到的合计也会少算。",
            "Excel and WPS take full-width digits as text: SUM leaves them out, the template's "
            "totals turn red, and whoever adds up the workbooks gets a smaller total.",
        ),
        fix=Tr(
            "改写成半角数字；`reportcheck convert 文件 --apply-suggestions -o 改正后.xlsx` 会替你改写。",
            "Type the figure in ordinary digits; `reportcheck convert FILE "
            "--apply-suggestions -o fixed.xlsx` rewrites it for you.",
        ),
        cases=(
            fails(
                Tr("自然人一格写作「４５」", "natural persons (自然人) written 「４５」"),
                ("set", f"{NEW}/natural_person", "４５"),
                expect=(("RC208", "applications", "new_received", "natural_person"),),
            ),
            passes(Tr("写作 45", "written 45"), ("set", f"{NEW}/natural_person", "45")),
        ),
    ),
}
