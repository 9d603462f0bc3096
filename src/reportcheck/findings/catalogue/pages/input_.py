"""Rule pages of RC0xx input."""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes

TXT = "examples/2021-valid.txt"
T4_ROW = "2 | 1 | 0 | 1 | 4 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0"
"""表四's 15 figures in the text example."""

PAGES = {
    "RC001": Page(
        what=Tr(
            "JSON 提交文件中有格式未定义的键。消息给出 JSON 指针、所在行，能猜出时给出应写的键名"
            "（也认得写成表格标签的键，如「自然人」「（一）予以公开」）。",
            "A JSON submission has a key the format does not define. The message names the "
            "JSON pointer and the line and, where it can tell, the key meant (keys written as "
            "the printed label, such as 自然人 or （一）予以公开, are recognised too).",
        ),
        why=Tr(
            "键名写错（如 natrual_person）时，它下面的数字不会被读取和核对，表格看起来还会缺行缺列。",
            "Under a misspelt key (natrual_person) the figures are neither read nor checked, "
            "and the table then seems to lack that row or column.",
        ),
        fix=Tr(
            "把键改成格式规定的名称（见 docs/json-format.md 或 reportcheck schema）。",
            "Rename the key to the one the format defines (docs/json-format.md, "
            "`reportcheck schema`).",
        ),
        cases=(
            fails(
                Tr("表三的行键拼错：new_recieved", "a misspelt Table 3 row key: new_recieved"),
                ("add", "/applications/new_recieved", {"natural_person": 1}),
                expect=(("RC001", "applications", None, None),),
            ),
            passes(Tr("有效示例：所有键都由格式定义", "the valid example: every key is defined")),
        ),
    ),
    "RC002": Page(
        what=Tr(
            "JSON 提交文件的某一部分类型不对：表格或行不是对象，单元格是数组或对象，"
            "report.year 不是年份数字，发布机关或标题不是文字，日期或单位层级写法不对。",
            "A part of a JSON submission has the wrong type: a table or row that is not an "
            "object, a cell that is a list or an object, a report year that is not a number, "
            "an agency or title that is not text, a date or level written wrongly.",
        ),
        why=Tr(
            "这一部分无法读取，按缺失处理；其余部分照常检查。",
            "That part cannot be read and is treated as missing; the rest is still checked.",
        ),
        fix=Tr(
            "按 JSON Schema（schemas/）改写这一部分：行写成 {列: 数值}，年份写成数字 2024，"
            "日期写成 YYYY-MM-DD。",
            "Write the part as the JSON Schema (schemas/) says: a row as {column: value}, "
            "the year as the number 2024, dates as YYYY-MM-DD.",
        ),
        cases=(
            fails(
                Tr(
                    "一行写成了数组（该行因此也算缺失）",
                    "a row written as an array (so it is missing too)",
                ),
                ("set", "/applications/granted", [21, 2, 0, 0, 1, 0, 24]),
                expect=(
                    ("RC002", "applications", "granted", None),
                    ("RC102", "applications", "granted", None),
                ),
            ),
            fails(
                Tr("年度写成了文字「2024年」", "the year written as text, 「2024年」"),
                ("set", "/report/year", "2024年"),
                # with no readable year the publication deadline is not checked (info)
                expect=(("RC002", None, None, None), ("RC603", None, None, None)),
            ),
            fails(
                Tr("发布机关写成了数字", "the agency written as a number"),
                ("set", "/report/agency", 12),
                # with no agency read, RC604 asks for it (info)
                expect=(("RC002", None, None, None), ("RC604", None, None, None)),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
    "RC003": Page(
        what=Tr(
            "找到了表格，但单元格无法可靠读取：一行的数值个数与列数不符，或文本中一行的数字连在一起、"
            "不止一种拆分都符合表格结构。表头或行标签出现在发布的年报正文中、但数字无法对应到单元格的表格或行，"
            "也在此报告，而不报告为缺少（RC101、RC102）。文字中没有某张表、而它应在之处有一幅图片"
            "（表格截图贴进 Word、网页或 PDF 页面上的图片）时也在此报告：图片中的内容不读取。",
            "A table was found but its cells could not be read reliably: a row has more or "
            "fewer values than the table has columns, or in text the digits of a row run "
            "together and more than one split fits the table. A table or row whose own words "
            "stand in a published report's text but whose numbers no reader could place is "
            "reported here too, never as missing (RC101, RC102). So is a table missing from "
            "the text where a picture stands in its place (a screenshot of the table pasted "
            "into a Word file, an image on a web page or a PDF page): what a picture shows "
            "is not read.",
        ),
        why=Tr(
            "这些数字不做核对，而不是猜测着核对，因此不会凭空产生计算错误；但这一行也就没有检查。",
            "The figures are not checked rather than guessed, so no arithmetic finding is "
            "ever invented; but the row goes unchecked.",
        ),
        fix=Tr(
            "核对原表格，补上缺失的单元格（填 0 而不是留空或删除），或用单元格分开的格式"
            "（Excel、JSON）提交。",
            "Check the original table and restore the missing cells (write 0 rather than "
            "leaving a cell out), or submit a format with separate cells (Excel, JSON).",
        ),
        cases=(
            fails(
                Tr("表四数据行只有 14 个数", "Table 4's data row with 14 figures"),
                ("replace", T4_ROW, T4_ROW[: -len(" | 0")]),
                base=TXT,
                expect=(("RC003", "review_litigation", None, None),),
            ),
            passes(
                Tr("文本示例：每行的数字都分开", "the text example: every figure separated"),
                base=TXT,
            ),
        ),
    ),
    "RC004": Page(
        what=Tr(
            "标签和声明都不能说明报告使用哪一版格式，只能按报告年度（2019—2020 年度用 2019 版，"
            "2021 年度起用 2021 版）、配置的默认值或 2021 版来检查。",
            "Neither the labels nor a declaration say which format version the report uses; "
            "it is checked as the version of its report year (2019 for 2019–2020, 2021 from "
            "2021), the configured default, or 2021.",
        ),
        why=Tr(
            "两版的表二、表三不同；按错的版本检查会报出不存在的缺行缺列。",
            (
                "Table 2 and Table 3 differ between the versions; checked against the wrong one, "
                "a report seems to lack rows and columns it has."
            ),
        ),
        fix=Tr(
            "在 JSON 中写 format_version，或运行时用 --format-version 指定。",
            "Declare format_version in JSON, or pass --format-version.",
        ),
        cases=(
            fails(
                Tr(
                    "只有表四、没有 format_version（表四两版相同）",
                    "only Table 4 and no format_version (Table 4 is the same in both versions)",
                ),
                ("remove", "/format_version"),
                ("remove", "/proactive_disclosure"),
                ("remove", "/applications"),
                expect=(
                    ("RC004", None, None, None),
                    ("RC101", "proactive_disclosure", None, None),
                    ("RC101", "applications", None, None),
                ),
            ),
            passes(
                Tr(
                    "没有 format_version，但键名说明是 2021 版",
                    "no format_version, but the keys tell",
                ),
                ("remove", "/format_version"),
            ),
        ),
    ),
    "RC005": Page(
        what=Tr(
            "表格的一部分结构不在文件中，而是读取程序根据表格本身推断的：行标签在提取时丢失、"
            "按它们在有标签的行之间的位置确定；或一行的数字连在一起，只有按表格的计算关系才能唯一拆分。",
            "Part of a table's layout was not in the file and was inferred from the table "
            "itself: row labels torn away in extraction, identified by their place between "
            "labelled rows; or digits that ran together, split by the table's own arithmetic "
            "where only one split fits.",
        ),
        why=Tr(
            "推断大多正确，但不是文件写明的；用来拆分的计算关系按构造必然成立，不能作为核对依据。",
            "The inference is usually right but is not what the file says; a relation used "
            "to split digits holds by construction and is no evidence.",
        ),
        fix=Tr(
            "对照原网页或原文件核对这些数字；能提供 Excel 或 JSON 时，用它们提交。",
            "Check the figures against the original page or file; submit Excel or JSON "
            "where you can.",
        ),
        cases=(
            fails(
                Tr(
                    "「（二）部分公开」一行丢了标签",
                    "the row partly disclosed (（二）部分公开) lost its label",
                ),
                ("replace", "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5", " | 5"),
                base=TXT,
                expect=(("RC005", "applications", None, None),),
            ),
            passes(
                Tr("文本示例：所有行都有标签", "the text example: every row labelled"), base=TXT
            ),
        ),
    ),
    "RC006": Page(
        what=Tr(
            "JSON 的同一个对象中同一个键出现了两次，只有最后一个值被读取。",
            "A JSON object holds the same key twice, and only its last value is read.",
        ),
        why=Tr(
            "多半是编辑时把一行粘贴了两次，一份是改正后的数字、一份不是；JSON 读取程序默默保留最后一个，"
            "可能正是错的那个。",
            "Usually a row pasted twice while editing, one copy with the corrected figures "
            "and one without; JSON readers silently keep the last, which may be the wrong one.",
        ),
        fix=Tr("保留正确的一份，删除另一份。", "Keep the right copy and delete the other."),
        cases=(
            fails(
                Tr("report.level 写了两次", "report.level written twice"),
                (
                    "replace",
                    '"level": "department"',
                    '"level": "department", "level": "department"',
                ),
                expect=(("RC006", None, None, None),),
            ),
            passes(Tr("有效示例", "the valid example")),
        ),
    ),
    "RC007": Page(
        what=Tr(
            "工作簿中不止一张可见的工作表上有同一张表格（如两张工作表各有一份表三）：一个工作簿里放了"
            "两份年报（两个年度或两个单位，每份一张工作表）。只检查了第一份，并报告这一条；"
            "隐藏的工作表（常见的上年副本）不算。",
            "The same table is on more than one visible sheet of a workbook (two sheets each "
            "holding a 表三): the workbook holds two reports (two years or two agencies, one "
            "per sheet). Only the first is checked, and this is reported; hidden sheets (the "
            "usual copy of last year's tables) do not count.",
        ),
        why=Tr(
            "只检查第一份而不说明，会让人以为整个工作簿都已通过检查，另一份年报中的错误却无人发现。",
            "Checking the first report only, silently, would read as 'the workbook passed' "
            "while the other report's mistakes go unseen.",
        ),
        fix=Tr(
            "每份年报单独存为一个工作簿（另存为，删去其他年度或单位的工作表），分别检查；"
            "上年的副本可以隐藏。",
            "Save each report as a workbook of its own (save as, delete the other year's or "
            "agency's sheets) and check each; a copy of last year's tables may be hidden.",
        ),
        cases=(
            fails(
                Tr("两个单位的表三各占一张工作表", "two agencies' Table 3, one per sheet"),
                base="examples/invalid/RC007-two-reports.xlsx",
                expect=(("RC007", "applications", None, None),),
            ),
            passes(
                Tr("每份年报一个工作簿", "one report per workbook"),
                base="examples/2021-valid.xlsx",
            ),
        ),
    ),
    "RC008": Page(
        what=Tr(
            "文件是 reportcheck 不能直接读取的旧格式（Word 97–2003 .doc、WPS .wps、OpenDocument "
            ".odt 等），已由 LibreOffice 在私有临时文件夹中转换成 .docx（或 .xlsx）副本，"
            "检查的是这份副本。",
            "The file is in a format reportcheck does not read itself (Word 97–2003 .doc, WPS "
            ".wps, OpenDocument .odt…): LibreOffice converted a copy to .docx (or .xlsx) in a "
            "private temporary folder, and that copy was checked.",
        ),
        why=Tr(
            "转换一般不改变文字和数字，但段落和表格的位置是转换后文档中的位置，"
            "与在 Word 或 WPS 中看到的可能略有不同。",
            "A conversion keeps the words and figures, but the places given are those of the "
            "converted document and may differ a little from what Word or WPS shows.",
        ),
        fix=Tr(
            "无需处理。需要与原文件一致的位置时，用 Word 或 WPS 另存为 .docx 后再检查；"
            "不想转换时加 --no-convert。",
            "Nothing to do. For places that match your own file, save it as .docx in Word or "
            "WPS and check that; --no-convert turns conversion off.",
        ),
        cases=(
            fails(
                Tr(
                    "Word 97–2003 .doc 格式的年报（需要 LibreOffice）",
                    "a report saved as Word 97–2003 .doc (needs LibreOffice)",
                ),
                base="tests/data/old/invalid/word-2021.doc",
                expect=(
                    ("RC008", None, None, None),
                    ("RC300", "applications", "granted", "total"),
                    ("RC207", "applications", None, None),
                ),
            ),
            passes(
                Tr("同一年报的 .docx 直接读取", "the same report as .docx, read directly"),
                base="tests/data/old/invalid/word-2021.docx",
                expect=(
                    ("RC300", "applications", "granted", "total"),
                    ("RC207", "applications", None, None),
                ),
            ),
        ),
    ),
}
