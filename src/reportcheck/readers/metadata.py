"""Metadata and section headings of published reports.

A first version: report year from the title, agency from 发文机构 / the title,
publication date from 发布日期 or the date under the signature; section headings
一、… 六、 by number. (Refined by the published-report work, issue 3.)
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from reportcheck.model.report import Metadata, Section

if TYPE_CHECKING:
    from reportcheck.readers.published import Block

_TITLE = re.compile(
    r"^\s*(?P<agency>\S*?)(?P<year>20\d\d)\s*年(?:度)?\s*政府信息公开(?:工作)?年度报告"
)
_AGENCY = re.compile(r"(?:发文机构|发布机构|来源)\s*[:：]\s*(?P<agency>[^\s|]+)")
_PUBLISHED = re.compile(
    r"(?:发布日期|发布时间|成文日期)\s*[:：]\s*(?P<y>20\d\d)\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})"
)
_DATE_LINE = re.compile(r"^\s*(?P<y>20\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$")


def extract(text: str) -> Metadata:
    """Agency, report year and publication date as the report states them."""
    md = Metadata()
    for line in text.splitlines()[:40]:
        m = _TITLE.search(line)
        if m:
            md.year = int(m["year"])
            md.title = line.strip()
            if m["agency"]:
                md.agency = m["agency"]
            break
    m2 = _AGENCY.search(text[:3000])
    if m2:
        md.agency = m2["agency"]
    m3 = _PUBLISHED.search(text[:3000])
    if m3:
        md.published = _date(m3["y"], m3["m"], m3["d"])
    else:
        for line in reversed(text.splitlines()[-15:]):
            m4 = _DATE_LINE.match(line)
            if m4:
                md.published = _date(m4["y"], m4["m"], m4["d"])
                break
    return md


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_HEADING = re.compile(r"^\s*(?P<num>[一二三四五六])\s*[、.．]\s*(?P<title>\S.{0,40})$")
_NUMS = "一二三四五六"


def sections(blocks: list[Block]) -> list[Section]:
    """Top-level headings 一、 to 六、 found in paragraphs, in document order."""
    out: list[Section] = []
    for b in blocks:
        if b.grid is not None:
            continue
        m = _HEADING.match(b.text)
        if m:
            out.append(Section(_NUMS.index(m["num"]) + 1, b.text.strip(), b.location))
    return out
