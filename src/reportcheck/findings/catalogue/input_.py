"""RC0xx input: what a reader met (unknown keys, wrong structure, unreadable parts).

The file is still checked; these findings say what could not be taken from it as it is.
"""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.findings.catalogue.entry import Entry, Tr

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

ENTRIES = (
    Entry(
        "RC001",
        "unknown-key",
        WARNING,
        Tr("JSON 中有未知的键", "unknown key in a JSON submission"),
        {
            "default": Tr("未知的键「{key}」（{base}）", "unknown key “{key}” in {base}"),
            "suggest": Tr(
                "未知的键「{key}」（{base}），是否应为「{near}」？",
                "unknown key “{key}” in {base}; did you mean “{near}”?",
            ),
        },
        "the JSON reader",
    ),
    Entry(
        "RC002",
        "wrong-structure",
        ERROR,
        Tr("JSON 结构错误", "wrong JSON structure"),
        {
            "default": Tr(
                "{pointer} 应为对象 {{列: 数值}}，而不是 {type}",
                "{pointer} must be an object {{column: value}}, not {type}",
            ),
            "format_version": Tr(
                "format_version 应为 {versions}，而不是「{declared}」",
                "format_version must be one of {versions}, not “{declared}”",
            ),
            "report": Tr("report 应为对象", "report must be an object"),
            "year": Tr(
                "report.year 应为年份数字，如 2024，而不是 {shown}",
                "report.year must be a year such as 2024, not {shown}",
            ),
            "published": Tr(
                "report.published 应为日期 YYYY-MM-DD，而不是「{published}」",
                "report.published must be a date YYYY-MM-DD, not “{published}”",
            ),
            "text": Tr(
                "{pointer} 应为文字（字符串），而不是 {type}",
                "{pointer} must be text (a string), not {type}",
            ),
            "level": Tr(
                "report.level 应为 {levels} 之一，而不是「{level}」",
                "report.level must be one of {levels}, not “{level}”",
            ),
            "table": Tr("{table} 应为对象 {{…}}", "{table} must be an object"),
            "waivers": Tr("waivers 应为数组", "waivers must be an array"),
            "waiver": Tr(
                '{pointer} 应为 {{"code": "RC…", "reason": "理由"}}，理由不能为空',
                '{pointer} must be {{"code": "RC…", "reason": "…"}} with a reason',
            ),
        },
        "the JSON reader",
    ),
    Entry(
        "RC003",
        "unreadable",
        WARNING,
        Tr("表格无法可靠读取", "table could not be read reliably"),
        {
            "default": Tr(
                "{table}「{label}」行有 {found} 个数值，应有 {expected} 个：无法确定各数对应哪一列，"
                "本行未检查",
                "{table} row “{label}” has {found} values where {expected} are expected: "
                "cannot tell which value belongs to which column, so the row is not checked",
            ),
            "review_row": Tr(
                "表四数据行有 {found} 个数值，应有 15 个：本表未检查",
                "Table 4's data row has {found} values where 15 are expected: the table is "
                "not checked",
            ),
            "unlabelled_rows": Tr(
                "表三「{before}」与「{after}」之间有 {rows} 行数字没有行标签，而这里缺少 {missing} 行："
                "无法确定各行对应哪一项，这些行未读取",
                "Table 3 has {rows} rows of numbers without labels between “{before}” and "
                "“{after}”, where {missing} rows are missing: cannot tell which is which, so "
                "they were not read",
            ),
            "glued": Tr(
                "{table}「{label}」的数字在原文中连在一起（{run}），{why}：无法确定各单元格的值，"
                "本行未读取、未检查",
                "{table} row “{label}”: its digits run together in the text ({run}) and "
                "{why}: the cells cannot be told apart, so the row was not read or checked",
            ),
            "too_few": Tr(
                "{table}「{label}」只有 {found} 个数字（{run}），本行有 {cells} 格，各数字又是分开的"
                "（不是连在一起）：无法确定各数字属于哪一格，本行未读取、未检查",
                "{table} row “{label}”: only {found} separate figures ({run}) for its {cells} "
                "cells: which cell each belongs to cannot be told, so the row was not read or "
                "checked",
            ),
            "image_pages": Tr(
                "PDF 第 {pages} 页没有文字层（是扫描的图片）：其中的内容未读取、未检查；"
                "请先对这些页进行文字识别（OCR）",
                "page {pages} of the PDF has no text layer (a scanned image): what it shows "
                "was not read or checked; run text recognition (OCR) on it first",
            ),
            "outlined_pages": Tr(
                "PDF 第 {pages} 页的文字已转为曲线（没有文字层）：其中的内容未读取、未检查；请从原文件"
                "重新导出 PDF（不转曲），或对这些页进行文字识别（OCR）",
                "the text of page {pages} of the PDF is drawn as outlines (no text layer): what "
                "it shows was not read or checked; export the PDF again without outlining the "
                "text, or run text recognition (OCR) on these pages",
            ),
            "undecodable_pages": Tr(
                "PDF 第 {pages} 页的文字无法解码（字体没有到 Unicode 的映射）：其中的内容未读取、"
                "未检查；请从原文件重新导出 PDF，或对这些页进行文字识别（OCR）",
                "the text of page {pages} of the PDF cannot be decoded (its fonts carry no map "
                "to Unicode): what it shows was not read or checked; export the PDF again from "
                "the original, or run text recognition (OCR) on these pages",
            ),
            "image_pages_table": Tr(
                "能读取的页上没有{table}：它可能在未能读取的第 {pages} 页中（扫描的图片、无法解码的"
                "文字或转为曲线的文字），未读取、未检查（不一定是缺表）",
                "{table} is not on the pages that could be read: it may be on page {pages}, "
                "which could not be read (a scanned image, text that cannot be decoded or text "
                "drawn as outlines); not read or checked (not necessarily missing)",
            ),
            "rows_unread_pages": Tr(
                "{table}有 {count} 行不在能读取的页上：表格延续到未能读取的第 {pages} 页（扫描的图片、"
                "无法解码的文字或转为曲线的文字），这些行可能在那里，未读取、未检查（不一定是缺行）",
                "{count} rows of {table} are not on the pages that could be read: the table goes "
                "on to page {pages}, which could not be read (a scanned image, text that cannot "
                "be decoded or text drawn as outlines); they may be there, not read or checked "
                "(not necessarily missing)",
            ),
            "table_attachment": Tr(
                "页面上没有{table}，页面链接了附件「{name}」：表格可能在附件中，附件未读取、未检查"
                "（不一定是缺表）；请检查附件文件本身",
                "{table} is not on the page, which links to the attachment “{name}”: the table "
                "may be in it; the attachment was not read or checked (not necessarily missing); "
                "check that file itself",
            ),
            "table_picture": Tr(
                "文字中没有{table}，但它应在之处有一幅图片（{where}）：表格可能印成了图片，"
                "图片中的内容未读取、未检查（不一定是缺表）；请对照图片核对，或提供表格为文字的文件",
                "{table} is not in the text, but a picture stands where it belongs ({where}): "
                "the table may be printed as a picture, whose content is not read or checked "
                "(not necessarily missing); check the picture by eye, or give a file with the "
                "table as text",
            ),
            "heading_picture": Tr(
                "文字中没有标题「{heading}」，它的表格也不在文字中，而它们应在之处有一幅图片"
                "（{where}）：标题可能和表格一起印在图片中，未读取、未检查（不一定是缺标题）",
                "the heading {heading} is not in the text, nor is its table, and a picture "
                "stands where they belong ({where}): the heading may be printed in the picture "
                "with the table; not read or checked (not necessarily missing)",
            ),
            "table_unplaced": Tr(
                "{table}在文中，但其 {rows} 行的数字都无法对应到单元格：本表未读取、未检查（不是缺表）",
                "{table} is in the text, but the numbers of its {rows} rows cannot be placed in "
                "its cells: the table was not read or checked (it is not missing)",
            ),
            "recognised": Tr(
                "{cell}识别自图像，识别为「{text}」，置信度 {confidence}：不能确定，表格的勾稽关系也"
                "无法证实，本格未读取（不是数值）",
                "{cell} was recognised from an image as “{text}” with confidence {confidence}: "
                "not certain, and no relation of the table confirms it, so the cell was not "
                "read (it is no number)",
            ),
            "recognised_table": Tr(
                "识别的页面（第 {pages} 页）中没有找到{table}：它可能是没有框线的表格，或没能识别出来；"
                "未读取、未检查（不一定是缺表）",
                "{table} was not found on the pages read from images (page {pages}): it may be "
                "a table without ruling lines, or not recognised; not read or checked (not "
                "necessarily missing)",
            ),
            "recognised_column": Tr(
                "{table}「{label}」列在识别的页面中没有找到（可能是列标题没能识别出来）：未读取、未检查"
                "（不一定是缺列）",
                "{table} column “{label}” was not found on the pages read from images (its "
                "header may not have been recognised): not read or checked (not necessarily "
                "missing)",
            ),
            "recognised_row": Tr(
                "{table}「{label}」行在识别的页面中没有找到（可能是行标签没能识别出来）：未读取、未检查"
                "（不一定是缺行）",
                "{table} row “{label}” was not found on the pages read from images (its label "
                "may not have been recognised): not read or checked (not necessarily missing)",
            ),
            "row_unplaced": Tr(
                "{table}「{label}」行在文中，但其数字无法对应到各列：本行未读取、未检查（不是缺行）",
                "{table} row “{label}” is in the text, but its numbers cannot be placed in "
                "its columns: the row was not read or checked (it is not missing)",
            ),
        },
        "the table readers (Excel, HTML, Word, text); rules.structure for a table or row whose "
        "words are on the page but whose numbers no reader could place",
    ),
    Entry(
        "RC004",
        "version-undetermined",
        INFO,
        Tr("无法从标签判断格式版本", "format version not determined by the labels"),
        {
            "default": Tr(
                "标签和年度都无法确定格式版本：按 {version} 版检查",
                "neither the labels nor the year tell the format version: checked as {version}",
            ),
            "json": Tr(
                "未声明 format_version，键名也无法区分版本：按 {version} 版检查",
                "no format_version and the keys do not tell the version: checked as {version}",
            ),
        },
        "every reader",
    ),
    Entry(
        "RC005",
        "inferred-layout",
        INFO,
        Tr("表格结构由读取程序推断", "table layout inferred by the reader"),
        {
            "default": Tr(
                "{table}的数字在原文中连在一起，已按表格结构拆分；{which}只有假定{relation}才有唯一拆分"
                "{columns}：这些关系因此不能作为核对依据",
                "{table}: the digits run together in the text and were split by the table's "
                "structure; {which} split uniquely only by assuming {relation}{columns}: those "
                "relations hold by construction and are no evidence",
            ),
            "torn_labels": Tr(
                "表三有 {count} 行数字没有行标签（标签在提取时与数字分开了），"
                "按它们在有标签的行之间的位置确定为：{listed}",
                "Table 3 has {count} rows of numbers without labels (torn away in "
                "extraction); identified by their place between labelled rows as: {listed}",
            ),
            "by_prose": Tr(
                "{table}「{row}」的数字在原文中连在一起（{run}），有 {count} 种拆分都符合表格结构，"
                "只有 {reading} 与正文「{sentence}」所说的一致：已按此读取；正文与这些格的比较"
                "因此不作核对依据",
                "{table} row “{row}”: the digits run together in the text ({run}) and {count} "
                "splits fit the table, but only {reading} agrees with what the text says "
                "(「{sentence}」): read so; the text's figures are therefore no evidence for "
                "these cells",
            ),
            "recognised": Tr(
                "{cell}识别自图像，识别为「{text}」，置信度 {confidence}；{relation}成立，已按此读取"
                "（经勾稽关系证实）：这一关系因此不作核对依据",
                "{cell} was recognised from an image as “{text}” with confidence {confidence}; "
                "{relation} holds with it, so it was read so (confirmed by that relation), "
                "which is therefore no evidence",
            ),
            "displaced_figure": Tr(
                "表三「{row}」的「{column}」在文本中是空的，而表格中间第 {line} 行单独有一个数字 "
                "{value}（提取时与本行分开了），正好等于本行各列之和：已按 {value} 读取，"
                "本行「总计 = 各列之和」因此不作核对依据",
                "Table 3 row “{row}” has its {column} cell empty in the text, while a lone "
                "figure {value} stands on line {line} inside the table (torn away in "
                "extraction) and equals the row's sum: it was read as {value}; the row-total "
                "relation of this row is therefore no evidence",
            ),
        },
        "the text reader",
        hints={
            "default": Tr(
                "请以原网页或原文件的表格核对这些数字",
                "check these figures against the table in the original page or file",
            ),
            "torn_labels": Tr(
                "请核对这些行的数字是否与原报告一致", "check these rows against the original report"
            ),
            "displaced_figure": Tr(
                "请以原文件核对这个数字", "check this figure against the original file"
            ),
        },
    ),
    Entry(
        "RC006",
        "duplicate-key",
        WARNING,
        Tr("JSON 中同一对象内有重复的键", "a key occurs twice in one JSON object"),
        {
            "default": Tr(
                "键「{key}」在同一对象中出现了不止一次（{pointer}）：只有最后一个值被读取",
                "the key “{key}” occurs more than once in one object ({pointer}): only the "
                "last value is read",
            ),
        },
        "the JSON reader",
    ),
    Entry(
        "RC007",
        "several-reports",
        ERROR,
        Tr("一个工作簿中有不止一份年报", "more than one report in one workbook"),
        {
            "default": Tr(
                "{table}除了工作表「{used}」，还出现在工作表{others}：一个工作簿中有不止一份年报"
                "（不同年度或不同单位），只检查了「{used}」。请每份年报单独存为一个工作簿",
                "{table} is on the sheet “{used}” and also on {others}: the workbook holds more "
                "than one report (other years or agencies) and only “{used}” was checked. Save "
                "each report as a workbook of its own",
            ),
        },
        "the Excel reader",
    ),
    Entry(
        "RC008",
        "converted-copy",
        INFO,
        Tr("读取的是 LibreOffice 转换出的副本", "a copy converted by LibreOffice was read"),
        {
            "default": Tr(
                "本文件是旧格式，读取的是 LibreOffice 转换出的 {target} 副本（原文件未改动）："
                "所示位置是转换后文档中的位置",
                "the file is in an old format: a {target} copy converted by LibreOffice was "
                "read (the file itself is unchanged), and the places shown are those of the "
                "converted document",
            ),
        },
        "the LibreOffice conversion (readers/convert.py)",
        hints={
            "default": Tr(
                "如需位置与原文件一致，请用 Word 或 WPS 另存为 .docx 后再检查",
                "for places that match your own file, save it as .docx in Word or WPS and "
                "check that",
            ),
        },
    ),
)
