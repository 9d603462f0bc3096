"""Rule pages of RC1xx structure and RC11x sections."""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes
from reportcheck.findings.catalogue.pages.input_ import T4_ROW, TXT


def _tables(value: object) -> tuple[tuple[str, str, object], ...]:
    """Patch operations setting every cell of the 2021 tables to ``value``."""
    from reportcheck.model.tables import FORMATS

    return tuple(
        ("set", f"/{t.id}", {r.id: {c.id: value for c in r.columns} for r in t.rows})
        for t in FORMATS["2021"].tables
    )


BLANK_TABLES = _tables(None)
ZERO_TABLES = _tables(0)

T4_TABLE = "\n".join(
    [
        "行政复议 | 行政诉讼",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
        " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        T4_ROW,
    ]
)
"""表四 as the text example prints it."""
S5 = "五、存在的主要问题及改进情况"
S5_TEXT = "部分栏目更新不够及时，政策解读形式较为单一。下一步将完善发布审核流程，丰富解读形式。"
S6 = "六、其他需要报告的事项\n本年度未收取信息处理费。"
_SECTIONS_NOTE = Tr(
    "只检查发布的年报（HTML、Word、文本）；Excel 和 JSON 提交文件没有章节，不检查。",
    "Published reports only (HTML, Word, text); Excel and JSON submissions have no "
    "sections and are not checked.",
)

PAGES = {
    "RC101": Page(
        what=Tr(
            "缺少三张标准表格之一（表二、表三、表四）。用一段文字代替表格（「本年度未发生……」）也算缺少。"
            "表格的字样在正文中、但数字无法读取，或它应在之处有一幅图片（表格可能印成了图片）时，"
            "报告为 RC003（未能读取），而不是缺表。",
            "One of the three standard tables (表二, 表三, 表四) is missing. A table replaced "
            "by a sentence (「本年度未发生……」) is missing. When the table's words stand in "
            "the text but its figures cannot be read, or a picture stands where it belongs "
            "(the table may be printed as a picture), RC003 (not read) is reported instead.",
        ),
        why=Tr(
            "格式要求每份年报都有三张表，即使全部为 0；缺表的部分无法核对，也不符合公开要求。",
            "Every report carries all three tables, even when every figure is 0; what is "
            "missing cannot be checked, and the report does not meet the format.",
        ),
        fix=Tr(
            "补上这张表，没有发生的事项填 0（reportcheck template 生成空白表格）。",
            "Add the table, with 0 for what did not happen (`reportcheck template` writes "
            "a blank one).",
        ),
        cases=(
            fails(
                Tr("没有表四", "no Table 4"),
                ("remove", "/review_litigation"),
                expect=(("RC101", "review_litigation", None, None),),
            ),
            passes(Tr("有效示例：三张表齐全", "the valid example: all three tables")),
        ),
    ),
    "RC102": Page(
        what=Tr(
            "已有的表格缺少格式中的某一行。行按标签识别，空格、括号宽窄和编号写法不影响。"
            "一组细分行全部缺少（只保留「（三）不予公开」一行、删去 8 个细分行）时，合并为一条结果。",
            "A row of the format is missing from a table that is present. Rows are found "
            "by their labels (spacing, bracket width and numbering do not matter). A group "
            "whose sub-rows are all missing (（三）不予公开 kept as one line, its eight "
            "sub-rows deleted) is one finding naming the group.",
        ),
        why=Tr(
            "缺行通常是删行、并行或改了标签；这一行的数字无法核对，相关的合计也无法验证。",
            "A missing row was usually deleted, merged into another or relabelled beyond "
            "recognition; its figures and the totals they belong to cannot be checked.",
        ),
        fix=Tr(
            "按格式补上这一行（没有发生的填 0），标签照格式书写。",
            "Restore the row as the format has it (0 where nothing happened), with its label "
            "as printed in the format.",
        ),
        cases=(
            fails(
                Tr(
                    "表三没有「（二）部分公开」",
                    "Table 3 without partly disclosed (（二）部分公开)",
                ),
                ("remove", "/applications/partial"),
                expect=(("RC102", "applications", "partial", None),),
            ),
            fails(
                Tr(
                    "「（三）不予公开」的 8 个细分行全部缺少：一条结果",
                    "all eight sub-rows of withheld (（三）不予公开) missing: one finding",
                ),
                *(("remove", f"/applications/denied_{i}") for i in range(1, 9)),
                expect=(("RC102", "applications", "denied_1", None),),
            ),
            passes(Tr("有效示例：表三 25 行齐全", "the valid example: all 25 rows of Table 3")),
        ),
    ),
    "RC103": Page(
        what=Tr(
            "已有的表格缺少格式中的某一列：表三的 7 列（自然人、5 个法人或其他组织列、总计），"
            "表四每组的结果维持、结果纠正、其他结果、尚未审结、总计，表二各分块的列。"
            "行在而缺少其中一格（仅 JSON）也在此报告。",
            (
                "A column of the format is missing from a table that is present: Table 3's seven "
                "columns (自然人, the five 法人或其他组织 columns, 总计), each Table 4 group's upheld "
                "(结果维持), corrected (结果纠正), other outcome (其他结果), pending (尚未审结), total (总计), or "
                "a column of a Table 2 block. A cell missing from a row that is present (JSON "
                "only) is reported here too."
            ),
        ),
        why=Tr(
            "缺列的数字无法核对，各行的总计也就无法验证。",
            "The column's figures cannot be checked, nor can the row totals they add up to.",
        ),
        fix=Tr(
            "补上这一列或这一格，没有发生的填 0。",
            "Restore the column or cell, 0 where nothing happened.",
        ),
        cases=(
            fails(
                Tr(
                    "「（一）予以公开」一行缺少科研机构",
                    "disclosed (（一）予以公开) without its research institutions (科研机构) cell",
                ),
                ("remove", "/applications/granted/research"),
                expect=(("RC103", "applications", "granted", "research"),),
            ),
            passes(
                Tr("有效示例：表三 7 列齐全", "the valid example: all seven columns of Table 3")
            ),
        ),
    ),
    "RC104": Page(
        what=Tr(
            "2021 年度及以后的年报使用了 2019 年试行格式。版本按标签判断：本年新制作数量、上一年项目数量、"
            "本年增/减、政府集中采购等只有 2019 版才有，（六）其他处理没有细分行也是 2019 版。",
            (
                "A report for 2021 or later uses the 2019 (trial) format. The version is decided "
                "by the labels: 2019-only labels such as made this year (本年新制作数量), items last "
                "year (上一年项目数量), change this year (本年增/减), government procurement (政府集中采购), or an "
                "otherwise handled (（六）其他处理) row without sub-rows."
            ),
        ),
        why=Tr(
            "自 2021 年度起应使用国办公开办函〔2021〕30号规定的格式；旧格式缺少现行有效件数等栏目。",
            (
                "From report year 2021 the 2021 format (国办公开办函〔2021〕30号) applies; the old one "
                "lacks columns such as in force (现行有效件数)."
            ),
        ),
        fix=Tr(
            "用 2021 版表格重新填写（reportcheck template 生成空白表格）。",
            "Fill in the 2021 tables instead (`reportcheck template` writes them).",
        ),
        cases=(
            fails(
                Tr("2024 年度报告使用 2019 版表格", "a 2024 report on the 2019 tables"),
                base="examples/invalid/RC104-outdated-format.xlsx",
                expect=(("RC104", None, None, None),),
            ),
            passes(
                Tr("2020 年度报告使用 2019 版表格", "a 2020 report on the 2019 tables"),
                base="examples/2019-valid.xlsx",
            ),
        ),
    ),
    "RC105": Page(
        what=Tr(
            "标签混用了 2019 版和 2021 版格式，按多数标签所属的版本检查，列出另一版的标签。",
            "The labels mix the 2019 and the 2021 format. The report is checked against the "
            "version most of its labels belong to; the others are listed.",
        ),
        why=Tr(
            "通常是把另一版的表格或分块粘贴了进来，这部分的数字不会按正确的格式核对。",
            "Typically a table or block of the other version was pasted in; its figures are "
            "not checked against the right format.",
        ),
        fix=Tr(
            "删除或改写另一版的部分，统一使用 2021 版。",
            "Remove or rewrite the other version's part; use the 2021 format throughout.",
        ),
        cases=(
            fails(
                Tr(
                    "2021 版表二下粘贴了 2019 版的「政府集中采购」",
                    "a 2021 Table 2 with the 2019 block government procurement (政府集中采购) pasted below",
                ),
                base="examples/invalid/RC105-mixed-versions.xlsx",
                expect=(("RC105", None, None, None),),
            ),
            fails(
                Tr(
                    "2021 版表三中「（六）其他处理」写成一行（2019 版写法）：表三按 2019 版读取，"
                    "只报这一条",
                    (
                        "a 2021 Table 3 with otherwise handled (（六）其他处理) as one row (the 2019 way): "
                        "Table 3 read in the 2019 format, this one finding"
                    ),
                ),
                (
                    "replace",
                    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
                    "| 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
                    "| 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
                    "3.其他 | 1 | 0 | 0 | 0 | 0 | 1 | 2",
                    "（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 1 | 3",
                ),
                base=TXT,
                expect=(("RC105", None, None, None),),
            ),
            passes(Tr("只有 2021 版标签", "only 2021 labels"), base="examples/2021-valid.xlsx"),
        ),
    ),
    "RC106": Page(
        what=Tr(
            "表格中有一行的标签不属于格式，这一行未检查。",
            "A table has a row whose label is not part of the format; the row is not checked.",
        ),
        why=Tr(
            "有的地方自设了行（如湖北的「其他主动公开文件」）；更多时候是标签改写得无法识别，"
            "这一行的数字因此没有核对。",
            "Some provinces add local rows (Hubei's 其他主动公开文件); more often a label was "
            "retyped beyond recognition, and the row's figures are not checked.",
        ),
        fix=Tr(
            "标签照格式书写；地方自设的行可以保留，本提示可用 waivers 或 --ignore RC106 忽略。",
            "Write the label as the format prints it; a local row may stay (waive the "
            "finding or --ignore RC106).",
        ),
        cases=(
            fails(
                Tr(
                    "表二中加了一行「其他主动公开文件」",
                    "Table 2 with a row other proactively disclosed documents (其他主动公开文件)",
                ),
                ("replace", "行政强制 | 9", "行政强制 | 9\n其他主动公开文件 | 5"),
                base=TXT,
                expect=(("RC106", "proactive_disclosure", None, None),),
            ),
            passes(
                Tr("文本示例：只有格式中的行", "the text example: only the format's rows"), base=TXT
            ),
            passes(
                Tr(
                    "标签多了一个字（「其他法律和行政法规禁止公开」）：按原行读取（RC108）",
                    "a label with a character added (其他法律和行政法规禁止公开): read as its "
                    "row (RC108)",
                ),
                ("replace", "2.其他法律行政法规禁止公开", "2.其他法律和行政法规禁止公开"),
                base=TXT,
                expect=(("RC108", "applications", "denied_2", None),),
            ),
        ),
    ),
    "RC108": Page(
        what=Tr(
            "表格中一行的标签与格式的写法不完全相同（多字、少字、错字、词序不同、编号不同），"
            "但足够接近、且位置符合格式的行序，已按格式的那一行读取和核对。"
            "接近的标准：去掉编号和标点后，编辑距离不超过较长标签长度的四分之一"
            "（4–7 个字差 1 个，8–11 个字差 2 个），且没有第二行同样接近。",
            "A row's label differs from the format's wording (characters added, dropped, "
            "mistyped or swapped, other numbering) but is close enough, and stands where the "
            "format's order puts that row, so it was read and checked as that row. Close "
            "means: without numbering and punctuation, an edit distance of at most a quarter "
            "of the longer label (one in 4–7 characters, two in 8–11), with no other row as "
            "close.",
        ),
        why=Tr(
            "只是提示：数字已经核对。标签照格式书写，别人（和其他工具）才能准确认出这一行。",
            "Information only: the figures were checked. A label written as the format prints "
            "it lets everyone (and other tools) recognise the row for certain.",
        ),
        fix=Tr(
            "把标签改成格式的写法（消息中给出）；如果是有意的写法，可用 --ignore RC108 忽略。",
            "Write the label as the format does (the message quotes it); if the wording is "
            "deliberate, --ignore RC108.",
        ),
        cases=(
            fails(
                Tr("「危及三安全一稳定」写成「危害“三安全一稳定”」", "「危及」 written 「危害」"),
                ("replace", "3.危及“三安全一稳定”", "3.危害“三安全一稳定”"),
                base=TXT,
                expect=(("RC108", "applications", "denied_3", None),),
            ),
            fails(
                Tr("标签掉了一个字：「其他法律行政止公开」", "a label missing characters"),
                ("replace", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
                base=TXT,
                expect=(("RC108", "applications", "denied_2", None),),
            ),
            passes(
                Tr(
                    "文本示例：标签照格式书写", "the text example: labels as the format prints them"
                ),
                base=TXT,
            ),
        ),
    ),
    # ------------------------------------------------------------------ sections
    "RC107": Page(
        what=Tr(
            "工作簿、CSV 或 JSON 的表格一个数字也没有填：找到的表二、表三、表四的每一格都是空的。"
            "填 0 或占位符（/、—、无）的格不算空；已发布的报告不适用（没有表格时是 RC101）。",
            "A workbook, CSV or JSON whose tables hold no figure at all: every cell of the "
            "tables found is blank. A cell with 0 or a placeholder (/, —, 无) is not blank; "
            "published reports are not concerned (a missing table there is RC101).",
        ),
        why=Tr(
            "空白的模板里所有合计都成立（0 = 0），如果不报告，一份没填的模板也能通过检查。",
            "Every relation holds in a blank template (0 = 0): unreported, a template that "
            "was never filled in would pass.",
        ),
        fix=Tr(
            "填写表格；确实没有发生的事项填 0。",
            "Fill in the tables; write 0 where nothing happened.",
        ),
        cases=(
            fails(
                Tr("三张表格的每一格都为空", "every cell of the three tables blank"),
                *BLANK_TABLES,
                expect=(
                    ("RC107", None, None, None),
                    ("RC207", "proactive_disclosure", None, None),
                    ("RC207", "applications", None, None),
                    ("RC207", "review_litigation", None, None),
                ),
            ),
            passes(
                Tr("全部填 0", "every cell 0"),
                *ZERO_TABLES,
            ),
        ),
    ),
    "RC111": Page(
        what=Tr(
            "发布的年报缺少六个部分之一的标题。标题按编号和关键词识别，「五、政府信息公开工作存在的主要问题"
            "及改进情况」之类的写法都算。因此落在上一部分中的表格是同一个问题，不再另报；一个标题都找不到时，"
            "报一条结果。",
            "A heading of the six sections is missing from a published report. Headings are "
            "recognised by number and keywords, so variants such as 「五、政府信息公开工作存在的"
            "主要问题及改进情况」 count. A table that then sits under the previous section is "
            "the same defect and is not reported again; when no heading at all is found, one "
            "finding says so.",
        ),
        why=Tr(
            "格式规定年报由六个部分组成；缺少标题的内容读者难以查找，也无法确认该部分是否报告了。",
            "The format prescribes the six sections; without its heading a section is hard "
            "to find, and whether it was reported at all cannot be told.",
        ),
        fix=Tr(
            "按格式补上标题，如「三、收到和处理政府信息公开申请情况」。",
            "Add the heading as the format words it, e.g. 「三、收到和处理政府信息公开申请情况」.",
        ),
        note=_SECTIONS_NOTE,
        cases=(
            fails(
                Tr("表三前没有第三部分的标题", "no heading of section 3 before Table 3"),
                ("replace", "三、收到和处理政府信息公开申请情况\n", ""),
                base=TXT,
                expect=(("RC111", None, None, None),),
            ),
            passes(
                Tr("标题的常见变体", "a common variant of a heading"),
                ("replace", S5, "五、政府信息公开工作存在的主要问题及改进情况"),
                base=TXT,
            ),
        ),
    ),
    "RC112": Page(
        what=Tr(
            "六个部分的顺序与格式不同。报告打乱顺序的部分（移动最少的那些）；缺少某一部分不算顺序错误。",
            "The six sections are not in the order of the format. The sections that break "
            "the order are named (the fewest that, moved, restore it); a missing section does "
            "not make the others out of order.",
        ),
        why=Tr(
            "年报按统一顺序编写，便于公众和上级机关查阅、比较。",
            "Reports follow one order so that the public and supervising bodies can find and "
            "compare their parts.",
        ),
        fix=Tr("把该部分移到格式规定的位置。", "Move the section to its place in the format."),
        note=_SECTIONS_NOTE,
        cases=(
            fails(
                Tr("第六部分写在第五部分之前", "section 6 before section 5"),
                ("replace", f"{S5}\n{S5_TEXT}\n{S6}", f"{S6}\n{S5}\n{S5_TEXT}"),
                base=TXT,
                expect=(("RC112", None, None, None),),
            ),
            passes(
                Tr(
                    "一至六依次排列，缺少第三部分也不算乱序",
                    "sections 1 to 6 in order, even with section 3 missing",
                ),
                ("replace", "三、收到和处理政府信息公开申请情况\n", ""),
                base=TXT,
                expect=(("RC111", None, None, None),),
            ),
        ),
    ),
    "RC113": Page(
        what=Tr(
            "表格不在它所属的部分（表二在第二部分、表三在第三部分、表四在第四部分）。该表所属部分的标题缺少"
            "（RC111）或顺序错误（RC112）时，以及表格缺少（RC101）时，不报告。",
            "A table is not in its own section (表二 under 二, 表三 under 三, 表四 under 四). "
            "Not reported when the table's own heading is missing (RC111) or out of order "
            "(RC112), nor for a table that is missing (RC101).",
        ),
        why=Tr(
            "读者在对应部分找不到表格；也常常说明排版时表格被放错了位置。",
            "Readers do not find the table where it belongs; often the table was misplaced "
            "while laying out the report.",
        ),
        fix=Tr("把表格移到所属部分的标题下。", "Move the table under its section's heading."),
        note=_SECTIONS_NOTE,
        cases=(
            fails(
                Tr("表四印在第五部分末尾", "Table 4 printed at the end of section 5"),
                ("replace", f"\n{T4_TABLE}", ""),
                ("replace", S5_TEXT, f"{S5_TEXT}\n{T4_TABLE}"),
                base=TXT,
                expect=(("RC113", "review_litigation", None, None),),
            ),
            passes(
                Tr("表四在第四部分标题之下", "Table 4 under the heading of section 4"),
                base=TXT,
            ),
        ),
    ),
    "RC114": Page(
        what=Tr(
            "章节标题的编号与格式不同（每份报告一条）。因缺少某一部分而后面的编号依次前移时不报告（RC111 已报）。",
            "The section headings are numbered differently from the format (one finding per "
            "report). Not reported when the numbers only close up behind a missing section "
            "(RC111 says so).",
        ),
        why=Tr(
            "编号错误使读者和汇总统计把内容归入错误的部分。",
            "A wrong number makes readers and compilers file the content under the wrong section.",
        ),
        fix=Tr(
            "按格式改正编号：一、总体情况 …… 六、其他需要报告的事项。",
            "Renumber as the format does: 「一、总体情况」 … 「六、其他需要报告的事项」.",
        ),
        note=_SECTIONS_NOTE,
        cases=(
            fails(
                Tr("第五部分编成了「六、」", "section 5 numbered 「六、」"),
                ("replace", S5, "六、存在的主要问题及改进情况"),
                base=TXT,
                expect=(("RC114", None, None, None),),
            ),
            passes(Tr("文本示例：一至六", "the text example: sections 1 to 6"), base=TXT),
        ),
    ),
    "RC115": Page(
        what=Tr(
            "某一部分的标题找到了（按编号和关键词认出），但写法不在格式及其通行写法之列，"
            "且与格式的标题相差较大（编辑距离超过标题长度的 40%），如「三、依申请公开情况」。"
            "标题没有被当作缺少：只有确实没有的标题才报 RC111。"
            "通行写法（如「五、政府信息公开工作存在的主要问题及改进情况」「四、因政府信息公开工作"
            "被申请行政复议和提起行政诉讼情况」）不报告。这是提示（info），不是缺陷："
            "实际发布的年报常这样改写标题，检查照常进行。",
            "A section's heading was found (by its number and keywords) but is worded outside "
            "the format and its accepted wordings and differs much from the format's (an edit "
            "distance above 40% of its length), e.g. 「三、依申请公开情况」. The heading is "
            "not taken as missing: only a heading that really is not there is RC111. Accepted "
            "wordings (「五、政府信息公开工作存在的主要问题及改进情况」, 「四、因政府信息公开工作"
            "被申请行政复议和提起行政诉讼情况」) are not reported. It is information, not a "
            "defect: published reports often reword headings so, and the checks go on as usual.",
        ),
        why=Tr(
            "统一的标题让读者和汇总单位在每份年报的同一位置找到同样的内容。",
            "Uniform headings let readers and compilers find the same content in the same "
            "place of every report.",
        ),
        fix=Tr(
            "不必修改；要与格式完全一致时，按消息中给出的写法改写标题。",
            "Nothing is needed; to follow the format to the letter, reword the heading as the "
            "message quotes it.",
        ),
        note=_SECTIONS_NOTE,
        cases=(
            fails(
                Tr("第三部分写成「三、依申请公开情况」", "section 3 titled 「依申请公开情况」"),
                ("replace", "三、收到和处理政府信息公开申请情况", "三、依申请公开情况"),
                base=TXT,
                expect=(("RC115", None, None, None),),
            ),
            passes(
                Tr("通行写法：「五、存在的问题及改进情况」", "an accepted wording of section 5"),
                ("replace", S5, "五、存在的问题及改进情况"),
                base=TXT,
            ),
            passes(
                Tr("编号写作「三，」：认出，不报告缺少", "numbered 「三，」 — found, not missing"),
                (
                    "replace",
                    "三、收到和处理政府信息公开申请情况",
                    "三，收到和处理政府信息公开申请情况",
                ),
                base=TXT,
            ),
            passes(Tr("文本示例：标准标题", "the text example: standard headings"), base=TXT),
        ),
    ),
}
