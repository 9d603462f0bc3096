"""Metadata and top-level headings of published reports (text, Markdown, HTML, Word).

What a report says about itself, as it says it:

- **agency**: what the report itself says, before any page furniture: the agency in the title
  (``崇阳县政务服务和大数据管理局2024年政府信息公开工作年度报告``), else the opening sentence
  (``本报告由示例县民政局编制``, ``…，示例县民政局编制了本报告``), else the signature line above the
  closing date, else the page header's 发文机构 / 发布机构 line, else a 来源 line. A value is only
  taken when it looks like an agency's name (:func:`is_agency_name`): breadcrumbs, site names and
  words such as 桌面, 首页 or 本网 never are;
- **year**: from the title (``…2021年度政府信息公开工作年度报告``, ``2024 年上海市科委政府信息公开
  工作年度报告``, titles broken over two lines included), else the statistics period
  (``本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止``, ``统计期限为2023年1月1日至
  12月31日``);
- **published**: 发布日期 / 发布时间 (``2025年01月09日``, ``2025-01-09``, ``2025年1月9日``), else the
  date under the signature at the end (also in Chinese numerals, ``二〇二五年一月九日``);
- **level** (for the publication deadline): inferred from the agency's name only where the
  name says it — ``…镇人民政府`` / ``…街道办事处`` township; ``…县人民政府`` or a place name
  alone (``平潭综合实验区``, a region-wide report) government, and so is a zone's management
  committee reporting for its whole area (``示例经济技术开发区管委会``, ``示例新区管理委员会``);
  ``…局``, ``…委``, ``…办公厅`` of a government (its own report as a department) department;
  otherwise unknown (None), and the deadline is not guessed.

Headings: every top-level heading ``一、`` … ``十、`` on a line of its own (Markdown ``#`` and
``**`` allowed), or at the start of a paragraph followed by its text when the heading is
one of the six standard ones (strict wording, :data:`HEADING_PHRASES`). Labels of 表三
(``一、本年新收政府信息公开申请数量``) are not headings. :func:`inline_headings` finds the standard
headings inside a long line (page text without line breaks); the text reader splits such
lines there. Which heading stands for which of the six sections is decided by the rules
(:mod:`reportcheck.rules.sections`), by keywords and number.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from reportcheck.model.labels import HEADING_PHRASES, label_key, without_label
from reportcheck.model.report import Metadata, Section
from reportcheck.model.tables import FORMATS, formats_cache

if TYPE_CHECKING:
    from reportcheck.readers.blocks import Block

NUMERALS = "一二三四五六七八九十"

# ----------------------------------------------------------------------------- title, year

_TITLE_PREFIX = re.compile(r"^\s*(?:标\s*题|(?:信\s*息|文\s*件)?\s*名\s*称|题\s*名)\s*[:：]?\s*")
"""The label before a title in a page's information box, with or without its colon (a PDF
printed from the page joins 「名称」 and the title: 「名称X局2023年…」)."""
_REPORT = r"(?:政府信息公开|政务公开)\s*(?:工作)?\s*(?:年\s*度\s*)?(?:报\s*告|年\s*报)"
_TITLE_AGENCY_FIRST = re.compile(
    r"^\s*(?P<agency>[^\s:：，。；]*?)\s*(?P<year>20\d\d)\s*年\s*(?:度\s*)?" + _REPORT
)
_TITLE_YEAR_FIRST = re.compile(
    r"^\s*(?:关于)?\s*(?P<year>20\d\d)\s*年\s*(?:度\s*)?(?P<agency>[^\s:：，。；]*?)\s*" + _REPORT
)
_TITLE_REPORT_FIRST = re.compile(
    r"^\s*(?P<agency>[^\s:：，。；]*?)\s*(?:政府信息公开|政务公开)\s*(?:工作)?\s*"
    r"(?P<year>20\d\d)\s*年\s*(?:度\s*)?(?:工作\s*)?(?:报\s*告|年\s*报)"
)
"""「X局政府信息公开工作2023年度报告」: the year after the words."""
_TITLE_NO_YEAR = re.compile(r"^\s*(?P<agency>[^\s:：，。；]*?)\s*" + _REPORT + r"\s*$")
"""A title that names no year (the year then comes from the statistics period)."""


_BREADCRUMB = re.compile(r"\s*(?:>|＞|》|»|›|→|/|\\)\s*")
"""Separators of a breadcrumb trail (首页 > 政务公开 > …) before a title."""


def _title(lines: list[str]) -> tuple[str, int | None, str | None] | None:
    """(title, year, agency) from the first lines; a title may be broken over two lines.

    A saved web page may put a long navigation before the title: the first 120 lines are
    looked at (a title is one line that names the report, so prose is not taken for one).
    A page that lists other years' reports before the report itself (a sidebar of links)
    holds several titles: the report's is the last one before its first section heading.
    """
    titles: list[tuple[str, int | None, str | None]] = []
    alone: list[tuple[str, int | None, str | None]] = []  # titles that are their whole line
    i = 0
    while i < min(len(lines), 120):
        line = lines[i]
        if titles and (lead_heading(line) is not None or heading_line(line) is not None):
            return (alone or titles)[-1]  # the title nearest the report's first heading
        text = line
        m = _title_match(text)
        if m is None and i + 1 < len(lines) and not _names_agency(lines[i + 1]):
            text = line + lines[i + 1]
            m = _title_match(text)  # a title broken over two lines
            i += m is not None
        if m is not None:
            titles.append(_found(m, int(m["year"])))
            rest = _title_body(text)[m.end() :]
            if len(rest.strip()) < 12 and not SENTENCE_END.search(rest):
                alone.append(titles[-1])  # not a sentence that starts with the title
        i += 1
    if titles:
        return titles[0]  # no heading after them: the first, as a page shows it on top
    for line in lines[:120]:
        m = _TITLE_NO_YEAR.match(_title_body(line))
        if m:
            return _found(m, None)
    return None


SENTENCE_END = re.compile(r"[。，；;！？!?,]")


_MARKUP = re.compile(r"^[#>*_\s]+|[*_\s]+$")
"""Markdown around a title line: 「# 」, 「**…**」, 「> 」."""


def _title_body(text: str) -> str:
    """A line as a title would stand in it: without Markdown marks and an information
    box's label (「标题：」)."""
    return _TITLE_PREFIX.sub("", _MARKUP.sub("", text))


def _title_match(text: str) -> re.Match[str] | None:
    body = _title_body(text)
    return (
        _TITLE_AGENCY_FIRST.match(body)
        or _TITLE_YEAR_FIRST.match(body)
        or _TITLE_REPORT_FIRST.match(body)
    )


def _names_agency(line: str) -> bool:
    """Whether a line is a whole title with its agency: the line before it (a menu item,
    「政务公开」) is then not the first half of the title."""
    m = _TITLE_AGENCY_FIRST.match(_title_body(line))
    return m is not None and bool(m["agency"].strip())


def _found(m: re.Match[str], year: int | None) -> tuple[str, int | None, str | None]:
    """(title, year, agency) of a title match; the agency only where it is a name."""
    # 「X局关于2024年…报告」, 「关于印发X局2024年…」: the agency without 关于/印发
    raw = without_label(_BREADCRUMB.split(m["agency"].strip())[-1]) or ""
    agency: str | None = re.sub(r"^(?:关于|印发)+|(?:关于|的)+$", "", raw) or None
    if agency and not is_agency_name(agency):
        agency = None
    title = re.sub(r"\s+", " ", m.group()).strip()
    return _BREADCRUMB.split(title)[-1].strip(), year, agency


# ----------------------------------------------------------------------------- agency

_AGENCY_LINE = re.compile(
    r"(?:发\s*文\s*机\s*[构关]|发\s*布\s*机\s*[构关])[ \t\u3000]*"
    r"(?:[:：][ \t\u3000]*(?:\|[ \t\u3000]*)?|\|[ \t\u3000]*)(?P<agency>[^\s|]+)"
)
"""「发布机构：X」, also as the label and value cells of a page's information table."""
_SOURCE_LINE = re.compile(r"来\s*源[ \t\u3000]*[:：][ \t\u3000]*(?P<agency>[^\s|]+)")
_ORGAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_NAME = re.compile(r"[。，；;：:,!！?？（(]")
_OPENING = (
    re.compile(
        r"本(?:年度)?(?:年度)?报告由\s*(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)\s*"
        r"(?:根据|依据|按照|依照|结合|综合|负责|组织|编制|编写|汇总|制作)"
    ),
    re.compile(
        r"(?:^|[，,。；]\s*)(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)\s*(?:编制|编写|特?发布)(?:了|完成)?"
        r"本(?:年度)?报告"
    ),
)
"""The opening sentence that names the agency (「本报告由…编制」, 「…，X局编制了本报告」)."""

_AGENCY_END = re.compile(
    r"(?:局|委员会|委|厅|办|办公室|中心|院|署|所|处|站|队|馆|部|会|社|行|监狱|学校|大学|医院|公司"
    r"|集团|法院|检察院|政府|人民政府|办事处|管委会|管委|管理委员会|街道|乡|镇|县|区|市|省|州|盟|旗"
    r"|自治区|自治州|自治县|实验区|新区|开发区|园区|示范区|保税区|合作区|试验区|管理区|林场|农场"
    r"|公署|联合会|协会|研究会|小组|团|庭|室|科|股)$"
)
_NOT_AGENCY = re.compile(
    r"桌面|首页|主页|当前位置|您的位置|现在位置|网站|本网|本站|门户|栏目|专题|年报|年度报告|报告|信息公开"
    r"|政务公开|索引|分类|下载|打印|关闭|字号|分享|浏览|阅读|点击|附件|正文|返回|我局|我委|我办|我区|我县"
    r"|我市|我镇|我乡|我院|本局|本委|本机关|本单位"
)


def is_agency_name(text: str | None) -> bool:
    """Whether ``text`` can be an agency's name (示例县民政局, 示例新区管委会).

    It has Chinese characters, at most 40 of them, no sentence punctuation or separators,
    ends as an organ's name does, and is not page furniture (首页, 桌面, 本网, breadcrumbs)
    nor a reference to the writer (我局, 本机关).
    """
    if not text:
        return False
    name = re.sub(r"\s+", "", text)
    return (
        2 <= len(name) <= 40
        and _ORGAN.search(name) is not None
        and not _NOT_NAME.search(name)
        and not re.search(r"[|>＞》»/\\<《【】\[\]_=#*\d]", name)
        and _AGENCY_END.search(name) is not None
        and not _NOT_AGENCY.search(name)
    )


_LABEL_ONLY = re.compile(
    r"^\s*(?:发\s*[文布]\s*(?:机\s*构|机\s*关|单\s*位)|单\s*位\s*名\s*称|机\s*关\s*名\s*称|报\s*告\s*单\s*位)"
    r"\s*[:：]?\s*(?P<agency>[^\s|:：]*)\s*(?:[|\s].*)?$"
)


def _labelled_agency(lines: list[str]) -> str | None:
    """The agency an information box names: 「发布机构 示例县民政局」 in one line (the
    label's cell and the next, as a printed page joins them) or the label alone and the
    name on the next line."""
    for i, line in enumerate(lines):
        m = _LABEL_ONLY.match(line)
        if m is None:
            continue
        name = m["agency"] or (lines[i + 1].strip() if i + 1 < len(lines) else "")
        if is_agency_name(name):
            return name
    return None


def _opening_agency(lines: list[str]) -> str | None:
    """The agency named by the report's opening sentence (「本报告由X编制」)."""
    for line in lines[:200]:
        for pat in _OPENING:
            for m in pat.finditer(line):
                name = m["agency"].strip()
                if is_agency_name(name):
                    return name
    return None


# ----------------------------------------------------------------------------- dates

_PERIOD = re.compile(
    r"统\s*计\s*(?:期\s*限|时\s*限|周\s*期|时\s*段|期\s*间|区\s*间|截\s*止)[^。；\n]{0,12}?"
    r"(?P<y>20\d\d)\s*年\s*1\s*月\s*1\s*日"
    r"(?:\s*(?:起|开始)?\s*(?:至|到|—|－|-|~|～)\s*(?:(?P<y2>20\d\d)\s*年\s*)?12\s*月\s*31\s*日)?"
)
"""The statistics period the format asks the report to state (「本报告所列数据的统计期限自2023年
1月1日起至2023年12月31日止」): a whole calendar year is the report year."""

_DATE = r"(?P<y>20\d\d)\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})"
_PUBLISHED = re.compile(
    r"(?:发\s*布\s*日\s*期|发\s*布\s*时\s*间|公\s*开\s*日\s*期|发布于)"
    r"[ \t\u3000]*[:：]?[ \t\u3000]*(?:\|[ \t\u3000]*)?" + _DATE
)
"""The date a page says it was published: 「发布日期：2024-01-25」, also as the label and
value cells of a page's information table (「发 布 日 期 | 2024-01-25」)."""
_DATE_LINE = re.compile(r"^\s*(?P<y>20\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$")
_CN_DATE_LINE = re.compile(
    r"^\s*(?P<y>[二〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日\s*$"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 三十一 → 31."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _date(y: str | int, m: str | int, d: str | int) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _date_line(line: str) -> date | None:
    m = _DATE_LINE.match(line)
    if m:
        return _date(m["y"], m["m"], m["d"])
    c = _CN_DATE_LINE.match(line)
    if c:
        try:
            year = int("".join(str(_CN_DIGITS[ch]) for ch in c["y"]))
            return _date(year, _cn_number(c["m"]), _cn_number(c["d"]))
        except KeyError:
            return None
    return None


def _signature(lines: list[str]) -> tuple[str | None, date | None]:
    """(agency, date) of the signature block at the end: a name line above a date line."""
    tail = [ln.strip() for ln in lines[-20:] if ln.strip()]
    for i in range(len(tail) - 1, -1, -1):
        when = _date_line(tail[i])
        if when is None:
            continue
        name = tail[i - 1] if i > 0 else ""
        plain = name.lstrip("#* ").rstrip("* ")
        if (
            plain
            and len(plain) <= 30
            and _ORGAN.search(plain)
            and not _NOT_NAME.search(plain)
            and heading_line(plain) is None
            and "|" not in plain
        ):
            return plain, when
        return None, when
    return None, None


# ----------------------------------------------------------------------------- level

_TOWNSHIP = re.compile(r"(?:乡|镇)(?:人民政府)?$|街道(?:办事处|办)?$|(?:乡|镇)党委")
_GOVERNMENT = re.compile(r"人民政府$|(?:省|市|县|区|州|盟|旗|自治区|实验区|新区)$")
_ZONE = re.compile(
    r"(?:开发区|新区|高新区|园区|示范区|保税区|合作区|试验区|实验区|管理区|综合区)"
    r"(?:管理委员会|管委会|管委|工作委员会|党工委)?$"
)
"""A zone's management committee: it reports for its whole area, as a government does."""
_DEPARTMENT = re.compile(
    r"(?:局|委员会|委|厅|办|办公室|中心|院|署|所|处|站|队|馆|部|会|社|行|监狱|学校|大学|医院)$"
)


def agency_level(agency: str | None) -> str | None:
    """department | government | township, where the name says it (else None).

    A township's government or sub-district office is a township; a government
    (``…人民政府``) or a place name alone (a region-wide report such as
    ``平潭综合实验区``) is government level; a bureau, commission or a government's general
    office (reporting on its own work) is a department.
    """
    if not agency:
        return None
    name = re.sub(r"\s+", "", agency)
    if _TOWNSHIP.search(name):
        return "township"
    if _GOVERNMENT.search(name) or _ZONE.search(name):
        return "government"
    if _DEPARTMENT.search(name):
        return "department"
    return None


_HALF_WIDTH = str.maketrans("０１２３４５６７８９－／：．", "0123456789-/:.")
"""Full-width digits and the signs of a date, one for one (offsets stay the same)."""
_FULL_WIDTH = re.compile("[０-９]")
_CN_YEAR = re.compile(
    r"二[〇零○0Ｏ][一二三四五六七八九〇零○]{2}(?=\s*年(?!\s*[一二三四五六七八九十]{1,3}\s*月))"
)
"""A year in Chinese numerals (「二〇二三年」, as formal titles write it) — not the year of
a date written all in Chinese numerals (「二〇二四年一月二十日」, read as a whole)."""


def _year_digits(m: re.Match[str]) -> str:
    """「二〇二三」 → 「2023」 (four characters for four: offsets stay the same)."""
    return "".join(str(_CN_DIGITS.get(ch, 0)) for ch in m.group())


def extract(text: str) -> Metadata:
    """Agency, report year, publication date and agency level as the report states them
    (figures typed full width, 「２０２４年」, read as 2024)."""
    md = Metadata()
    if _FULL_WIDTH.search(text):
        text = text.translate(_HALF_WIDTH)
    if "二" in text:
        text = _CN_YEAR.sub(_year_digits, text)
    lines = text.split("\n")
    head = "\n".join(lines[:60])
    found = _title(lines)
    title_agency = None
    if found:
        md.title, md.year, title_agency = found
    if md.year is None:
        period = _PERIOD.search(text[:20000])
        if period and (period["y2"] is None or period["y2"] == period["y"]):
            md.year = int(period["y"])
    m = _AGENCY_LINE.search(head)
    sig_agency, sig_date = _signature(lines)
    src = _SOURCE_LINE.search(head)
    candidates = (
        title_agency,
        _opening_agency(lines),
        sig_agency,
        m["agency"] if m else None,
        src["agency"] if src else None,
    )
    md.agency = next(
        (c for c in map(without_label, candidates) if is_agency_name(c)),
        _labelled_agency(lines[:60]),
    )
    p = _PUBLISHED.search(head)
    md.published = (_date(p["y"], p["m"], p["d"]) if p else None) or sig_date
    md.level = agency_level(md.agency)
    return md


# ----------------------------------------------------------------------------- headings

_STRICT = "|".join(f"(?:{p})" for p in HEADING_PHRASES.values())
_INLINE = re.compile(
    rf"(?:^|(?<=[\s\d。；;！？!?：:）)」”]))(?P<num>[一二三四五六])\s*[、.．]\s*(?:{_STRICT})"
)
_LEAD = re.compile(rf"^[#>*\s]*(?P<num>[一二三四五六])\s*[、.．]\s*(?:{_STRICT})")
_HEAD_LINE = re.compile(
    r"^[#>*\s]*(?:第\s*)?(?P<num>[一二三四五六七八九十])(?:\s*(?P=num))?(?P<part>\s*部分)?"
    r"(?P<sep>\s*[、.．]+|\s*[,，:：]|\s+|)\s*(?P<title>\S.*?)[*\s]*$"
)
"""A heading alone on its line, numbered however a report writes it: 一、 一. 一． (and OCR's
一, or a space, or nothing), the numeral doubled (一一、), 第一部分; see :func:`heading_line`."""
_SECTION_WORDS = re.compile(
    r"总体情况|总体概况|基本情况|工作概况|概述|主动公开|收到和处理|依申请|公开申请|申请情况"
    r"|行政复议|行政诉讼|存在的(?:主要)?问题|改进情况|其他需(?:要)?报告|其他事项"
)
"""Words that name one of the six sections: a heading numbered loosely (no 、) or holding a
comma must have one (「一是加强领导」 is a paragraph, not a heading)."""


@formats_cache
def _table_label_keys() -> frozenset[str]:
    keys: set[str] = set()
    for fmt in FORMATS.values():
        for t in fmt.tables:
            for r in t.rows:
                keys.add(label_key(r.label))
                if r.group:
                    keys.add(label_key(r.group))
    return frozenset(keys)


def starts_table_label(text: str) -> bool:
    """Whether ``text`` is a row or group label of 表二/表三, or the first five characters
    or more of one (a label wrapped over lines: 「2.申请人逾期未按收费通知要」)."""
    key = label_key(text)
    return (len(key) >= 5 and key in _table_label_starts()) or _is_label_key(key)


@formats_cache
def _numbered_label_keys() -> tuple[str, ...]:
    """The label keys that start with a numeral (一、本年新收…), six characters or more."""
    return tuple(k for k in sorted(_table_label_keys()) if len(k) >= 6 and k[0] in NUMERALS)


@formats_cache
def _table_label_starts() -> frozenset[str]:
    """Every start of five characters or more of a 表二/表三 label key (a set: the PDF reader
    asks it of every line outside its tables)."""
    return frozenset(k[:n] for k in _table_label_keys() for n in range(5, len(k) + 1))


def is_table_label(text: str) -> bool:
    """Whether ``text`` is a row or group label of 表二/表三 (with or without its number),
    or the start of a numbered one broken off its line."""
    return _is_label_key(label_key(text))


@formats_cache
def _label_bodies() -> frozenset[str]:
    """The keys of the tables' labels numbered 一、二、…, without their numbering."""
    return frozenset(
        k.lstrip(NUMERALS).lstrip("、") for k in _table_label_keys() if k[:1] in NUMERALS
    )


def _is_label_key(key: str) -> bool:
    """:func:`is_table_label` of a label key."""
    keys = _table_label_keys()
    if key in keys:
        return True
    if key[:1] in NUMERALS and key.lstrip(NUMERALS).lstrip("、.，,") in _label_bodies():
        return True  # numbered loosely: 「二上年结转…」, 「一一、本年新收…」
    numbered = _numbered_label_keys()
    # a whole label with its numbers after it, or a label's first part broken off its line
    # (「二、上年结转政府信息」 from a PDF): never a section heading
    return any(key.startswith(k) for k in numbered) or (
        len(key) >= 3 and key[0] in NUMERALS and any(k.startswith(key) for k in numbered)
    )


_SUB_NUMBERING = re.compile(
    r"\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[.．、](?!\d))"
)
"""A numbering of its own at the start of a heading's title: a sub-row's or a group's label
after the 三、 of 三、本年度办理结果, never a section heading."""


def heading_line(text: str) -> int | None:
    """The number of a top-level heading that stands alone on its line (一、 → 1), else None.

    Short (at most 30 characters after the number), no sentence punctuation inside,
    and not a label of 表三 such as ``一、本年新收政府信息公开申请数量``.
    """
    m = _HEAD_LINE.match(text)
    if m is None:
        return None
    title = m["title"].rstrip("。:：")
    if len(title) > 30 or re.search(r"[。；;！？|]", title) or re.search(r"\d{3,}", title):
        return None
    if _SUB_NUMBERING.match(title):
        return None  # 「三、 （四）无」: pieces of 表三's merged labels side by side, no heading
    loose = m["sep"].strip() in ("", ",", "，", ":", "：") and not m["part"]
    if (loose or re.search(r"[，,：:]", title)) and not _SECTION_WORDS.search(title):
        return None  # 「一是……」, 「一，……」: a paragraph, unless it names a section
    if is_table_label(text):
        return None
    return NUMERALS.index(m["num"]) + 1


_ALT_HEAD = re.compile(
    r"^[#>*\s]*(?:[（(]\s*(?P<num>[一二三四五六])\s*[)）]\s*[、.．]?"
    r"|(?:第\s*)?(?P<arabic>[1-6１-６])\s*(?:部分)?\s*[、.．]?)?\s*(?P<title>\S.*?)[*\s。:：]*$"
)
_PHRASE_ONLY = {n: re.compile(rf"^{p}$") for n, p in HEADING_PHRASES.items()}


def alt_heading(text: str) -> int | None:
    """A standard heading written without 一、: numbered （一）…（六） or 1…6 (``1.``, ``1、``,
    ``第1部分``) with the number of its section, or with no number at all, alone on its line
    (``（二）主动公开政府信息情况``, ``2.主动公开政府信息情况``, ``其他需要报告的事项``) — the
    section it stands for, else None.

    ``（一）主动公开政府信息情况`` is a part of section 一, not section 二: its number is not
    its section's, so it is not taken.
    """
    m = _ALT_HEAD.match(text)
    if m is None or len(m["title"]) > 30:
        return None
    title = re.sub(r"\s+", "", m["title"])
    for number, pat in _PHRASE_ONLY.items():
        if pat.match(title):
            if m["num"]:
                written: int | None = NUMERALS.index(m["num"]) + 1
            elif m["arabic"]:
                written = int(unicodedata.normalize("NFKC", m["arabic"]))
            else:
                written = None
            return number if written in (None, number) else None
    return None


def lead_heading(text: str) -> tuple[int, int] | None:
    """A standard heading at the start of a paragraph that goes on: (number, end offset)."""
    m = _LEAD.match(text)
    if m is None:
        return None
    return NUMERALS.index(m["num"]) + 1, m.end()


def inline_headings(text: str) -> list[tuple[int, int, int]]:
    """Standard headings inside a line: (start, end, number), in order.

    Only the strict wordings count, preceded by the start, a space, a digit or the end of
    a sentence — so prose that mentions a section by name is not cut.
    """
    return [(m.start("num"), m.end(), NUMERALS.index(m["num"]) + 1) for m in _INLINE.finditer(text)]


def _heading_title(heading: str) -> str:
    """A heading's words without its number (for comparing with the standard wording)."""
    body = re.sub(r"^[一二三四五六七八九十]\s*[、.．]\s*", "", heading)
    return re.sub(r"[\s。:：]+", "", body)


def _clean_heading(text: str) -> str:
    return text.strip().lstrip("#>* ").rstrip("* ").strip()


def sections(blocks: list[Block], text: str | None = None) -> list[Section]:
    """Top-level headings in paragraphs, in document order, each with its text.

    ``number`` is the numeral written before the heading (一 → 1; 七 … 十 are kept too, as
    the report's own headings); ``heading`` the heading as written (without Markdown marks);
    ``body`` the text up to the next heading. When ``text`` (the report text) is given and
    the blocks carry offsets into it, bodies are cut from it; else they are the blocks'
    texts joined by line breaks.
    """
    heads = _heads(blocks)
    out: list[Section] = []
    use_text = text is not None and all(b.offset is not None for b in blocks)
    for k, (i, num, end, heading) in enumerate(heads):
        nxt = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        block = blocks[i]
        if use_text and text is not None and block.offset is not None:
            start = block.offset + end
            stop = blocks[nxt].offset if nxt < len(blocks) else len(text)
            body = text[start : stop if stop is not None else len(text)]
        else:
            rest = [block.text[end:]] + [blocks[j].text for j in range(i + 1, nxt)]
            body = "\n".join(rest)
        body = body.strip()
        if k + 1 == len(heads):
            body = _without_signature(body)
        out.append(Section(num, heading, block.location, body))
    return out


def heading_blocks(blocks: list[Block]) -> list[tuple[int, int]]:
    """The top-level headings among the blocks: (block index, section number), in order
    (what :func:`sections` cuts the report at)."""
    return [(i, num) for i, num, _, _ in _heads(blocks)]


def _heads(blocks: list[Block]) -> list[tuple[int, int, int, str]]:
    """(block index, number, heading end, heading) of each top-level heading, in order."""
    heads: list[tuple[int, int, int, str]] = []  # (block index, number, heading end, heading)
    alts: list[tuple[int, int, int, str]] = []
    for i, b in enumerate(blocks):
        if b.grid is not None:
            continue
        alt = alt_heading(b.text)
        if alt is not None:
            alts.append((i, alt, len(b.text), _clean_heading(b.text)))
            continue
        lead = lead_heading(b.text)
        if lead is not None:
            num, end = lead
            if not b.text[end:].strip(" \t。：:"):
                end = len(b.text)
            heads.append((i, num, end, _clean_heading(b.text[:end])))
            continue
        n = heading_line(b.text)
        if n is not None:
            heads.append((i, n, len(b.text), _clean_heading(b.text)))
    # headings numbered （一）…（六） or not numbered: for the sections that no 一、 heading in
    # the standard wording stands for (a report that numbers its parts so, or drops numbers)
    covered = {
        num
        for _, num, _, h in heads
        if num in _PHRASE_ONLY and _PHRASE_ONLY[num].search(_heading_title(h))
    }
    heads.extend(h for h in alts if h[1] not in covered)
    heads.sort()
    return heads


def _without_signature(body: str) -> str:
    """The last section's text without the signature and date that close the report."""
    lines = body.split("\n")
    agency, when = _signature(lines)
    if when is None:
        return body
    keep = len(lines)
    while keep and not lines[keep - 1].strip():
        keep -= 1
    if keep and _date_line(lines[keep - 1].strip()) is not None:
        keep -= 1
        while keep and not lines[keep - 1].strip():
            keep -= 1
        if agency and keep and lines[keep - 1].strip().lstrip("#* ").rstrip("* ") == agency:
            keep -= 1
    return "\n".join(lines[:keep]).strip()
