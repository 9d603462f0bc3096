"""Label normalisation: one comparable key for every way a label is written.

Real reports write the same label with full- or half-width brackets and digits, inserted
spaces and line breaks (cells pasted from Word), different quote marks around
三安全一稳定, ``1.`` / ``1、`` / ``1．`` numbering and, on mirror sites, traditional
characters. :func:`label_key` folds all of that away so that readers can compare labels
by key and never by exact string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Traditional characters that occur in the labels of the three tables and the section
# headings, mapped to their simplified forms. Small on purpose: only what labels use.
_TRADITIONAL = str.maketrans(
    "開資訊請數結轉處與機關總計項實際級會組織業構務應於屬國這規險穩護權內報過執檔詢現製補確訪舉訴類複復議維糾審經聯號條廢許強費額單萬採購對變減決責題況們為區辦係繳納當無僅圍來問進"
    "發後沒繼續罰範獲認訟體稱層時間",
    "开资讯请数结转处与机关总计项实际级会组织业构务应于属国这规险稳护权内报过执档询现制补确访举诉类复复议维纠审经联号条废许强费额单万采购对变减决责题况们为区办系缴纳当无仅围来问进"
    "发后没继续罚范获认讼体称层时间",
)

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
"""Characters that show nothing: the soft hyphen, zero-width spaces and joiners, direction
marks, the word joiner and a byte-order mark inside the text. Web editors and copy-paste
leave them inside labels and figures (「予以\u200b公开」, 「12\u200b」), where a person sees
「予以公开」 and 12."""


def without_invisible(text: str) -> str:
    """``text`` without the characters that show nothing (:data:`_INVISIBLE`); the text
    itself when it has none (the common case costs one search)."""
    if text.isascii() or _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub("", text)


_SPACE = re.compile(r"\s+", re.UNICODE)
# Quote marks of every width and style; dropped from keys entirely.
_QUOTES = re.compile(r"[\"'“”‘’「」『』〝〞＂]")
# Numbering: 1、 1． 1. 1) (1) （1） → "1."  (after NFKC, 1． is already 1.)
_NUMBERING = re.compile(r"^\(?(\d{1,2})\s*[、.．),](?!\d)\s*")
# OCR and conversions write 一, / 一， for 一、 (NFKC makes ， a ,): → 一、
_CN_NUMBERING = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[,.]\s*(?=\D)")
# Circled numbers ① … ⑳ (NFKC would make ① a bare 1, glued to the label): → "1."
_CIRCLED = {chr(0x2460 + i): f"{i + 1}." for i in range(20)}
# Chinese ordinals in brackets: （一） (一) 〔一〕 → (一)
_SUPPLEMENT = {
    "⺁": "厂", "⺇": "几", "⺊": "卜", "⺋": "卩", "⺝": "月", "⺟": "母", "⺠": "民", "⺩": "王",
    "⺼": "月", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长", "⻔": "门",
    "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻡": "首",
    "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄",
    "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟", "⼾": "户",
}  # fmt: skip
RADICALS = str.maketrans(
    {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)} | _SUPPLEMENT
)
"""Radicals that stand for the character they look like: text taken from PDFs (some fonts
map 一 人 行 见 门 to the 康熙部首 and CJK radical code points, U+2F00–U+2FD5 and
U+2E80–U+2EF3) prints 「⼀、总体情况」 for 「一、总体情况」. Each to its character (the
康熙部首 as NFKC maps them; the simplified radicals by hand)."""
_RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def fold_radicals(text: str) -> str:
    """``text`` with its radicals the characters they stand for (:data:`RADICALS`)."""
    return text.translate(RADICALS) if _RADICAL.search(text) else text


_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """Return the comparison key of a label.

    NFKC folds full-width letters, digits and brackets to half width; whitespace
    (including line breaks and ideographic spaces), characters that show nothing
    (:func:`without_invisible`) and quote marks are removed;
    numbering is unified to ``1.``; traditional characters are simplified.

    >>> label_key("（一） 予以\\n公开")
    '(一)予以公开'
    >>> label_key("3、危及“三安全一稳定”") == label_key('3.危及"三安全一稳定"')
    True
    """
    if text and text.lstrip()[:1] in _CIRCLED:
        text = _CIRCLED[text.lstrip()[0]] + text.lstrip()[1:]
    s = unicodedata.normalize("NFKC", without_invisible(text))
    s = s.translate(_TRADITIONAL).translate(_BRACKETS)
    s = _SPACE.sub("", s)
    s = _QUOTES.sub("", s)
    s = s.replace("·", "").replace("•", "")
    s = _NUMBERING.sub(r"\1.", s)
    s = _CN_NUMBERING.sub(r"\1、", s)
    return s


def strip_numbering(key: str) -> str:
    """Drop a leading ``一、``, ``(一)`` or ``1.`` from a key (already normalised)."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.)", "", key)


_FLEX_QUOTES = "\"'“”‘’「」『』〝〞＂"


def _char_class(ch: str) -> str:
    if ch in _FLEX_QUOTES:
        return "[" + re.escape(_FLEX_QUOTES) + "]?"
    variants = {ch, unicodedata.normalize("NFKC", ch)}
    pairs = {"(": "（〔", ")": "）〕", ".": "．、,，", "、": ".．,，", ":": "：", ",": "，"}
    for base in list(variants):
        if "!" <= base <= "~":
            variants.add(chr(ord(base) + 0xFEE0))
        variants.update(pairs.get(base, ""))
    if len(variants) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(v) for v in sorted(variants)) + "]"


def flex(text: str) -> str:
    """A regex for ``text`` as a report may print it: any width, spaces, optional quotes."""
    return r"\s*".join(_char_class(ch) for ch in text if not ch.isspace())


FIELD_LABEL = re.compile(
    r"^\s*(?:(?:单\s*位|机\s*关|信\s*息|文\s*件|公\s*开\s*主\s*体)?\s*名\s*称|标\s*题|题\s*名"
    r"|发\s*[文布]\s*(?:机\s*构|机\s*关|单\s*位)|报\s*告\s*单\s*位|来\s*源)\s*[:：]?\s*"
)
"""A field label of a web page's or a workbook's information box (名称, 标题, 发布机构,
单位名称, 来源…), with or without its colon: a PDF printed from the page joins it to the
value (「名称沭阳县发展和改革局2023年…」), in the same line, the next cell or the next line."""


def without_label(text: str | None) -> str | None:
    """``text`` without a leading field label (「名称：示例县民政局」 → 「示例县民政局」); as
    it is when nothing would be left."""
    if not text:
        return text
    bare = FIELD_LABEL.sub("", text, count=1).strip()
    return bare or text


# ------------------------------------------------------------------ section headings

HEADING_PHRASES = {
    1: r"(?:总体情况|基本情况|总体概况|工作概况|概述)",
    2: r"主动公开政府信息(?:的)?情况",
    3: r"收到和处理政府信息公开申请(?:的)?情况",
    4: (
        r"(?:因)?政府信息公开(?:工作)?(?:被)?(?:申请)?(?:的)?行政复议[、，,和及与]?(?:提起)?"
        r"行政诉讼(?:的)?情况"
    ),
    5: r"(?:政府信息公开工作)?存在的(?:主要)?问题(?:及|和|与)(?:其)?改进(?:情况|措施)",
    6: r"其他需(?:要)?报告(?:的)?事项",
}
"""The six standard headings in their accepted wordings (strict: used inside paragraphs)."""
