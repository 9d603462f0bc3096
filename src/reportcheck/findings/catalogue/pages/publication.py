"""Rule pages of RC6xx publication."""

from __future__ import annotations

from reportcheck.findings.catalogue.entry import Page, Tr, fails, passes
from reportcheck.findings.catalogue.pages.input_ import TXT

PAGES = {
    "RC601": Page(
        what=Tr(
            "年报在发布期限之后发布（R10）。县级以上人民政府部门在次年 1 月 31 日前发布（条例第四十九条），"
            "人民政府本身的年报在 3 月 31 日前；乡镇（街道）的期限由各地规定（配置 deadlines.township，"
            "默认不检查）。发布日期、报告年度或机关层级未知时不报告。",
            "The report was published after the deadline (R10). Departments of governments "
            "at county level and above publish by 31 January of the next year (条例 Art. 49); "
            "a government's own report by 31 March; township deadlines are set locally "
            "(deadlines.township in the configuration; not checked by default). Nothing is "
            "said when the publication date, the report year or the agency level is unknown.",
        ),
        why=Tr(
            "按时发布年报是法定义务，逾期发布会在考核和督查中被指出。",
            "Publishing in time is a legal duty; late reports are singled out in assessments "
            "and inspections.",
        ),
        fix=Tr(
            "今后按期发布；若发布日期读错了，在文件中写明正确的发布日期。",
            "Publish in time from now on; if the date was read wrongly, state the right "
            "publication date in the file.",
        ),
        cases=(
            fails(
                Tr(
                    "县级部门 2025-02-15 发布 2024 年度报告",
                    "a county bureau publishing on 2025-02-15",
                ),
                ("set", "/report/published", "2025-02-15"),
                expect=(("RC601", None, None, None),),
            ),
            passes(
                Tr("期限当天发布", "published on the last day"),
                ("set", "/report/published", "2025-01-31"),
            ),
        ),
    ),
    "RC602": Page(
        what=Tr(
            "自 2021 年度起，第六部分应说明按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "收取信息处理费的情况：金额，或未收取。表二的行政事业性收费是另一种费用，不算。"
            "第六部分本身缺少时不报告（RC111 已报）。",
            (
                "From report year 2021, section 6 states the information processing fee (信息处理费) "
                "charged under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号): an amount, or that none was. "
                "Table 2's administrative fees (行政事业性收费) is a different fee and does not count. "
                "Not reported when section 6 itself is missing (RC111 says so)."
            ),
        ),
        why=Tr(
            "格式要求报告信息处理费的收取情况；只写「无」，读者无法知道是否收费。",
            (
                "The format asks for the information processing fee (信息处理费) charged; 「无」 alone "
                "does not tell readers whether any was."
            ),
        ),
        fix=Tr(
            "在第六部分写明，如「本年度未收取信息处理费」或「收取信息处理费共计400元」。",
            "State it in section 6, e.g. 「本年度未收取信息处理费」 or 「收取信息处理费共计400元」.",
        ),
        cases=(
            fails(
                Tr("第六部分只写「无。」", "section 6 says only 「无。」"),
                ("replace", "本年度未收取信息处理费。", "无。"),
                base=TXT,
                expect=(("RC602", None, None, None),),
            ),
            passes(
                Tr("格式自己的写法", "the format's own wording"),
                (
                    "replace",
                    "本年度未收取信息处理费。",
                    "本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。",
                ),
                base=TXT,
            ),
        ),
    ),
    "RC603": Page(
        what=Tr(
            "发布期限（RC601）无法检查时说明原因：报告中没有发布日期、没有报告年度（标题或统计期限），"
            "单位名称无法判断是政府部门、人民政府还是乡镇（街道）的报告，或乡镇（街道）的期限未在配置中设定。"
            "只针对已发布的报告（网页、Word、PDF、文本）；工作簿和 JSON 通常在发布前检查。",
            "Says why the deadline (RC601) could not be checked: the report has no publication "
            "date, no report year (title or statistics period), an agency name that does not "
            "tell a department's from a government's or a township's report, or a township "
            "deadline that is not configured. Published reports only (web pages, Word, PDF, "
            "text); workbooks and JSON are usually checked before publication.",
        ),
        why=Tr(
            "不猜测期限：一个「服务中心」可能是部门，也可能代表整个区域发布；静默不报会让人以为已按期发布。",
            "The deadline is never guessed (a 「服务中心」 may be a department or report for a "
            "whole area); staying silent would read as 'published in time'.",
        ),
        fix=Tr(
            "在报告中写明发布日期和报告年度；单位层级无法从名称判断时，在配置中设定 level。",
            "State the publication date and the report year in the report; where the level "
            "cannot be told from the name, set level in the configuration.",
        ),
        cases=(
            fails(
                Tr("发布日期和落款日期都没有", "neither a publication date nor a dated signature"),
                ("replace", "发布日期：2025-01-22\n", ""),
                ("replace", "示例县市场监督管理局\n2025年1月20日", "示例县市场监督管理局"),
                base=TXT,
                expect=(("RC603", None, None, None),),
            ),
            passes(
                Tr("县级部门，年度和发布日期齐全", "a county bureau with its year and date"),
                base=TXT,
            ),
        ),
    ),
    "RC604": Page(
        what=Tr(
            "工作簿、CSV 或 JSON 没有填写单位名称或报告年度，或发布日期不是日期、单位层级无法识别"
            "（部门 / 政府 / 乡镇，或 department / government / township）。每条都指出所在单元格"
            "（基本信息!B2）或 JSON 位置。JSON 中格式不对的日期和层级由 RC002 报告。",
            "A workbook, CSV or JSON without its agency (单位名称) or report year (报告年度), or "
            "with a publication date (发布日期) that is not a date or an agency level (单位层级) "
            "that is not known (部门 / 政府 / 乡镇, or department / government / township). "
            "Each names its cell (基本信息!B2) or JSON place. In JSON an invalid date or level "
            "is RC002.",
        ),
        why=Tr(
            "没有单位和年度，报告无法与上年对照（RC5xx），也无法确定表格格式；"
            "日期和层级读不出来，发布期限（RC601）就无法检查。",
            "Without agency and year the report cannot be compared with last year's (RC5xx) "
            "nor its format decided; an unreadable date or level leaves the deadline "
            "(RC601) unchecked.",
        ),
        fix=Tr(
            "在基本信息表中填写单位名称和四位数字的报告年度；发布日期写成 2025-01-20，"
            "单位层级从下拉列表中选择。",
            (
                "Fill in the agency's name (单位名称) and a four-digit report year (报告年度) on the "
                "「基本信息」 sheet; write the date as 2025-01-20 and pick the level from the "
                "drop-down list."
            ),
        ),
        cases=(
            fails(
                Tr("JSON 没有单位名称", "a JSON without its agency"),
                ("remove", "/report/agency"),
                expect=(("RC604", None, None, None),),
            ),
            passes(Tr("单位名称和年度齐全", "agency and year given")),
        ),
    ),
}
