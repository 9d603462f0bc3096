"""Input problems that readers meet and report as findings (the file is still checked)."""

from __future__ import annotations

from reportcheck.findings import Severity
from reportcheck.rules.registry import declare

declare(
    "RC001",
    "unknown-key",
    Severity.WARNING,
    "JSON 中有未知的键",
    "unknown key in a JSON submission",
    """A JSON submission has a key the format does not define.

    Usually a misspelt row or column id (``natrual_person``); the value under it is not
    checked. The message names the JSON pointer and, where known, the line.

    Passes: ``{"applications": {"new_received": {"natural_person": 31, ...}}}``
    Fails:  ``{"applications": {"new_recieved": {...}}}``
    """,
    "the JSON reader",
)
declare(
    "RC002",
    "wrong-structure",
    Severity.ERROR,
    "JSON 结构错误",
    "wrong JSON structure",
    """A part of a JSON submission has the wrong type: a table or row that is not an object,
    a cell that is a list or object, a report year that is not a number.

    The rest of the file is still checked; the part named is treated as missing.

    Passes: ``"new_received": {"natural_person": 31}``
    Fails:  ``"new_received": [31, 0, 0, 0, 0, 0, 31]``
    """,
    "the JSON reader",
)
declare(
    "RC003",
    "unreadable",
    Severity.ERROR,
    "表格无法可靠读取",
    "table could not be read reliably",
    """A table was found but its cells could not be read reliably.

    For example text in which the cells of a row run together with no separator, where
    more than one split of the digits fits the table. The table's numbers are not
    checked rather than guessed, so no arithmetic finding is ever invented.

    Passes: a table whose cells are separated
    Fails:  ``一、本年新收政府信息公开申请数量640020470`` when more than one split fits
    """,
    "the text and HTML readers",
)
declare(
    "RC004",
    "version-undetermined",
    Severity.INFO,
    "无法从标签判断格式版本",
    "format version not determined by the labels",
    """Neither the labels nor a declaration say which format version the report uses.

    The version for the report year is used (2019 for 2019–2020, 2021 from 2021), or the
    configured default, or 2021. Pass ``--format-version`` to choose.

    Passes: a report with 表二 labels (they differ between versions)
    Fails (info): a report with only 表三 and 表四 and no year
    """,
    "every reader",
)
declare(
    "RC005",
    "inferred-layout",
    Severity.INFO,
    "表格结构由读取程序推断",
    "table layout inferred by the reader",
    """Part of a table's layout was not in the file and was inferred from the table itself.

    Two cases, both from text taken out of web pages or PDFs: rows whose labels were torn
    away (their identity is taken from their place between labelled rows, when exactly as
    many rows are missing there), and cells that ran together with no separator, split by
    the table's own arithmetic (e.g. 自然人 + … + 其他 = 总计) where only one split fits.
    In the second case the relation used to split holds by construction: it is no
    evidence, and the message says which relations were used. Check the figures against
    the original.

    Passes: a table whose labels and cells are all separated
    Fails (info): ``一、本年新收政府信息公开申请数量640020470`` read as 64·0·0·2·0·4·70
    """,
    "the text reader",
)
declare(
    "RC006",
    "duplicate-key",
    Severity.WARNING,
    "JSON 中同一对象内有重复的键",
    "a key occurs twice in one JSON object",
    """A JSON object holds the same key twice, so only its last value is read.

    Usually a row pasted twice while editing, one copy with the corrected figures and one
    without. JSON readers silently keep the last value; this says which key it was and
    where, so that the right copy can be kept.

    Passes: ``"granted": {...}, "partial": {...}``
    Fails:  ``"granted": {"natural_person": 5, ...}, "granted": {"natural_person": 6, ...}``
    """,
    "the JSON reader",
)
