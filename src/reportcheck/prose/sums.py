"""Totals and their parts in one sentence (RC406): 「共收到申请52件，其中自然人申请45件、
法人或其他组织申请7件」 — the parts must add up to the total.

Unlike RC401–RC405 this compares the prose with itself, not with the tables, so it holds
whatever the sentence is about (another year, another unit). What it reads:

- a **total**: the one count (a number and a unit: 条, 件, 篇, 项 …) of the clause just
  before a marker, near its end (「主动公开政府信息475条，其中」);
- a **marker** opening a clause (or a bracket right after the total): 其中, 包括, 包含, 含,
  分别为, 分别是;
- the **parts**: the counts of the clauses that follow, each in the total's unit, several in
  one clause only when joined by 、/和/及/与 (「政策文件100条、规划计划30条」). The list ends at
  a clause without a count, at a clause opening with 另有, 此外, 同时, 共计 … (「另有4件结转下年度」
  is not a part), at the end of the sentence, and at ；— unless the marker is followed by a
  colon (「其中：……9条；……7条；……」), which makes a list of the sub-sentences.
  A clause 「占60%」 after a part belongs to it. What a bracket inside the list holds is
  a breakdown of one part (「其中A类10件（含A1 3件）」): it is never counted in the outer list,
  and is checked as its own breakdown when it has one.

When in doubt, nothing is said: fewer than two parts; a part or the total in another unit,
approximate (约, 余, 多, 近, 超过, 左右, 几, 数十 …), compared (同比, 较上年, 增长 …), or
followed by 等 (the list is not complete); words that make the parts overlap (publication
channels — 网站, 微信, 微博, 客户端 … — where one item is counted on each; 同时, 重复); a number
left in the list that is not a count (「1.」, 「12345热线」); a second breakdown whose total
ends the list in the same sub-sentence (「…不予公开20件，其中……」: is 20 a part or not?), or
counts of the unit after the list ended. Parts after 包括 / 包含 that add up to less than
the total are not reported (「包括」 may name only some); more than the total is. A last
item written without its unit (「…，不予公开5。」) is still a part. Where some of three or more
parts (two or more, not all) add up to the total exactly, nothing is said: the one left over
is likely inside another (「政务信息40条、政策解读6条」) or about something else.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportcheck.model.sections import fold
from reportcheck.model.values import MAX_DIGITS
from reportcheck.prose.sentences import Sentence, sentences

UNITS = (
    "人次",
    "件次",
    "条",
    "件",
    "篇",
    "项",
    "个",
    "份",
    "次",
    "起",
    "宗",
    "期",
    "场",
    "家",
    "批",
)
"""The units a count of the prose is written in (a total and its parts share one)."""
UNITS_LAST = frozenset(u[-1] for u in UNITS)

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN = _CN_DIGITS + "十百千万"
_UNIT = "|".join(UNITS)
_COUNT = re.compile(
    rf"(?<![\d.,第{_CN}])(?:(\d{{1,3}}(?:,\d{{3}})+|\d+)|([{_CN}]+))\s*({_UNIT})(?!数)"
)
_MARKER = re.compile(r"^\s*(其中|包括|包含|含有|含|分别为|分别是)\s*")
_STOP = re.compile(
    r"^\s*(?:另|此外|除此|除了|除|同时|还|并|且|以上|上述|均|都|合计|共计|总计|累计|"
    r"总共|一共|共|综上|整体|总体|其他方面)"
)
_SHARE = re.compile(r"^\s*(?:占|比例|比重|约占)")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_APPROXIMATE = re.compile(
    r"约|逾|超过|超出|不足|不到|左右|以上|以下|上下|几|若干|数[十百千万]|[\d十百千万]\s*[余多]|"
    r"近\s*[\d一二两三四五六七八九十百千万]|将近|接近|差不多|大概|大约|上万|成千"
)
_COMPARISON = re.compile(
    r"同比|环比|较上|较去|比上|比去|较\d{4}|比\d{4}|增长|下降|减少|增加|上升|持平|回落|增幅|降幅|"
    r"平均|月均|日均|每月|每年|每周|每季"
)
_OVERLAP = re.compile(
    r"网站|门户|网页|微信|微博|公众号|新媒体|政务号|头条|抖音|快手|视频号|客户端|APP|App|app|"
    r"小程序|公开栏|显示屏|电子屏|报刊|报纸|电视|广播|电台|同时|重复|分别在|渠道|平台|媒体|"
    r"不少于|至少|次数|浏览|点击|访问"
)
"""Words that make the parts overlap (one item published on several channels) or count
something else (visits)."""
_INCOMPLETE = re.compile(r"等|但不限于|例如|比如|诸如")
_INCOMPLETE_START = re.compile(r"^\s*[:：]?\s*(?:主要|重点|部分|如|有)")
"""「其中主要有……」, 「包括重点领域……」: only some of the parts are named."""
_NOT_COUNTS = re.compile(
    r"(?:19|20)\d\d\s*(?:年|-|/|\.)|\d{1,2}\s*(?:月|日|号|时)|第\s*\d+|\d+(?:\.\d+)?\s*%"
)
_FLOW = re.compile(r"结转|新收|收到|受理|接收|接到|办结|上年|下年|下一年|转入|顺延")
"""Words of the applications' flow: a clause after the first of a list that names one is as
likely the next statement (「已办结163件，其中……91件，结转下年度继续办理30件」) as a part."""
_RECEIVED = re.compile(r"收到|(?<!不予)受理|新收|接收|接到|申请")
_OUTCOMES = re.compile(
    r"予以公开|同意公开|部[分份]公开|不予公开|无法提供|不予处理|不予受理|其他处理|办结|答复"
)
"""Applications received, broken down by outcome: those not yet answered are no part, so
outcomes adding up to less than the applications received say nothing."""
_JOIN = re.compile(r"^\s*(?:和|及|与|以及)|^[^和及与]{0,8}、")
_CLAUSE = re.compile(r"(?:\d,(?=\d{3}(?!\d))|[^，,：:；;])+|[，,：:；;]")
_OPEN, _CLOSE = "(（《【[", ")）》】]"


@dataclass(frozen=True)
class Count:
    """A count the prose states: its value, unit and where it is in its clause."""

    value: int
    unit: str
    start: int
    end: int


@dataclass(frozen=True)
class Breakdown:
    """A total and its parts that do not add up, in one sentence."""

    sentence: Sentence
    marker: str
    total: int
    unit: str
    parts: tuple[int, ...]

    @property
    def sum(self) -> int:
        return sum(self.parts)


def cn_int(text: str) -> int | None:
    """A number written in Chinese characters (三十, 一百零五, 两千三百): None when it is
    not one number (「三五」 is three or five)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    if not any(c in "十百千万" for c in text):
        return digits[text] if len(text) == 1 else None
    total = section = 0
    digit: int | None = None
    for c in text:
        if c in digits:
            if digits[c] == 0:  # 零 holds a place: 一百零五
                if digit is not None:
                    return None
                continue
            if digit is not None:
                return None  # 「三五十」
            digit = digits[c]
        elif c == "万":
            section += digit or 0
            digit = None
            if section == 0:
                return None
            total += section * 10_000
            section = 0
        else:
            if digit is None:
                if c != "十":
                    return None
                digit = 1  # 十一 = 11
            section += digit * {"十": 10, "百": 100, "千": 1000}[c]
            digit = None
    return total + section + (digit or 0)


def counts(text: str) -> list[Count] | None:
    """The counts of a clause; None when a number in it cannot be read."""
    out: list[Count] = []
    for m in _COUNT.finditer(text):
        if m[1] is not None:
            digits = m[1].replace(",", "")
            if len(digits) > MAX_DIGITS:
                return None  # no count of a report (and too long for Python to print)
            value: int | None = int(digits)
        else:
            value = cn_int(m[2])
            if m[2] in ("一", "两") and re.match(r"[龙事性窗网门号体站]", text[m.end() :]):
                continue  # 「一件事」, 「一次性」, 「一条龙」: words, not counts
        if value is None:
            return None
        out.append(Count(value, m[3], m.start(), m.end()))
    return out


def _groups(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """The text with its bracketed groups taken out, and each group with the position
    (in the outer text) it was taken from. None when the brackets do not balance or nest."""
    outer: list[str] = []
    groups: list[tuple[int, str]] = []
    depth = 0
    start = 0
    inner: list[str] = []
    for c in text:
        if c in _OPEN:
            depth += 1
            if depth > 1:
                return None  # a bracket in a bracket: say nothing
            start = len("".join(outer))
            inner = []
        elif c in _CLOSE:
            if depth == 0:
                return None
            depth -= 1
            groups.append((start, "".join(inner)))
        elif depth:
            inner.append(c)
        else:
            outer.append(c)
    if depth:
        return None
    return "".join(outer), groups


def _clauses(text: str) -> list[tuple[str, str]]:
    """Clauses, each with the separator that ends it ('' at the end)."""
    out: list[tuple[str, str]] = []
    for m in _CLAUSE.finditer(text):
        piece = m.group()
        if piece in "，,：:；;" and len(piece) == 1:
            if out and out[-1][1] == "":
                out[-1] = (out[-1][0], piece)
            else:
                out.append(("", piece))
        else:
            out.append((piece, ""))
    return out


def _doubtful(text: str) -> bool:
    return bool(_APPROXIMATE.search(text) or _COMPARISON.search(text) or _OVERLAP.search(text))


def _total(clause: str) -> Count | None:
    """The total a clause states at its end (「共收到申请52件」), or None."""
    found = counts(clause)
    if not found or len(found) != 1 or _APPROXIMATE.search(clause) or _COMPARISON.search(clause):
        return None
    c = found[0]
    tail = clause[c.end :]
    if len(tail.strip()) > 6 or re.search(r"\d", tail) or _PERCENT.search(clause):
        return None
    return c


def _part_values(clause: str, unit: str) -> list[int] | None:
    """The parts a clause of the list states, or None when in doubt."""
    if _doubtful(clause) or _INCOMPLETE.search(clause):
        return None
    found = counts(clause)
    if found is None:
        return None
    if any(c.unit != unit for c in found):
        return None
    for a, b in itertools.pairwise(found):
        if not _JOIN.match(clause[a.end : b.start]):
            return None
    return [c.value for c in found]


def _residue(text: str) -> bool:
    """Whether a number is left in a clause that is not a count (「1.」, 「12345热线」)."""
    rest = _COUNT.sub("", _NOT_COUNTS.sub("", text))
    return bool(re.search(r"\d", rest))


_ASIDE = re.compile(r"^\s*(?:另|此外|还有)")
_RESTATED = re.compile(r"^\s*(?:合计|共计|总计|总共|一共|共)")


def _read_list(
    clauses: list[tuple[str, str]], first: int, rest: str, total: int, unit: str, colon: bool
) -> tuple[list[int], int] | None:
    """The parts from clause ``first`` on (its text after the marker is ``rest``), and what
    a clause 「另有4件……」 that ends them adds (0 if none): whether it is one of the total
    or beside it, the sentence does not say."""
    parts: list[int] = []
    aside = 0
    i = first
    ended_open = False  # ended by a clause without a count: later counts are in doubt
    while i < len(clauses):
        text = rest if i == first else clauses[i][0]
        sep_before = clauses[i - 1][1] if i > first else ""
        if i > first and sep_before in (";", "；") and not colon:
            # a new sub-sentence: a same-unit count there that is no total of its own
            # makes the list's end uncertain
            if _later_counts(clauses, i, unit):
                return None
            break
        if not text.strip():
            i += 1
            continue
        if _SHARE.match(text) and not counts(text) and parts:
            i += 1
            continue
        if re.search(r"均|都", text) and counts(text):
            return None  # 「全部50件均已办结」: a part? the total again?
        if _STOP.match(text):
            # 「另有4件结转下年度」, 「同时……」, 「共计52件」: not a part
            same = [c for c in counts(text) or () if c.unit == unit]
            if _ASIDE.match(text) and same:
                values = _part_values(text, unit)
                if values is None:
                    return None
                aside = sum(values)
            elif same and not (_RESTATED.match(text) and [c.value for c in same] == [total]):
                return None
            if _later_counts(clauses, i + 1, unit):
                return None
            break
        if _MARKER.match(text):
            return None  # a breakdown right after the marker's own: nested, say nothing
        found = counts(text)
        if found is None:
            return None
        if not found:
            bare = _bare_last(clauses, i, text)
            if bare is not None and parts:
                # 「……不予公开10」: the last item written without its unit is still a part
                parts.append(bare)
                i += 1
                continue
            ended_open = True
            break
        if i + 1 < len(clauses) and _MARKER.match(clauses[i + 1][0]):
            # this clause is the total of another breakdown: is it a part of this one too?
            return None
        if _residue(text) or (i > first and _FLOW.search(text)):
            return None
        values = _part_values(text, unit)
        if values is None:
            return None
        parts.extend(values)
        i += 1
    if ended_open and _later_counts(clauses, i + 1, unit):
        return None
    return parts, aside


_BARE = re.compile(r"(?<![\d.])(\d{1,9})\s*$")


def _bare_last(clauses: list[tuple[str, str]], i: int, text: str) -> int | None:
    """The number ending the list's last clause when it has no unit (「，不予公开10。」), else
    None: only where the list ends there (the end of the sentence, a ；, or a clause after
    it that states no count)."""
    if (
        i + 1 < len(clauses)
        and clauses[i][1] not in (";", "；")
        and counts(clauses[i + 1][0]) != []
    ):
        return None
    text = text.rstrip(" 。.！!？?")
    m = _BARE.search(text)
    if m is None or _residue(text[: m.start()]) or _doubtful(text):
        return None
    return int(m[1])


def _subset_adds_up(parts: tuple[int, ...], total: int) -> bool:
    """Whether two or more of the parts, not all, add up to the total exactly: one part is
    then likely inside another (「政务信息40条、政策解读6条」, the 6 among the 40) or about
    something else — the text is not contradicted."""
    if len(parts) < 3 or len(parts) > 16:
        return False
    return any(
        sum(combo) == total
        for k in range(2, len(parts))
        for combo in itertools.combinations(parts, k)
    )


def _received_by_outcome(total: str, rest: list[tuple[str, str]]) -> bool:
    return (
        bool(_RECEIVED.search(total))
        and not _OUTCOMES.search(total)
        and any(_OUTCOMES.search(c) for c, _ in rest)
    )


def _same_unit(clause: str, total: Count) -> bool:
    found = counts(clause)
    return found is None or any(c.unit == total.unit for c in found)


def _later_counts(clauses: list[tuple[str, str]], start: int, unit: str) -> bool:
    """Whether a clause from ``start`` on states a count in ``unit`` that is not the total
    of a breakdown of its own (up to the next breakdown), nor opened by 另有 / 此外 …"""
    for j in range(start, len(clauses)):
        text = clauses[j][0]
        if j + 1 < len(clauses) and _MARKER.match(clauses[j + 1][0]):
            return False  # a breakdown of its own begins: what follows is its list
        if _STOP.match(text):
            continue
        found = counts(text)
        if found is None or any(c.unit == unit for c in found):
            return True
    return False


def _breakdowns(text: str) -> Iterator[tuple[str, int, str, list[int], int]]:
    """(marker, total, unit, parts, aside) of every breakdown of a sentence that can be
    judged (``aside``: what a closing 「另有……」 clause counts)."""
    split = _groups(text)
    if split is None:
        return
    outer, groups = split
    clauses = _clauses(outer)
    for i, (clause, _sep) in enumerate(clauses):
        m = _MARKER.match(clause)
        if m is None or i == 0:
            continue
        prev, prev_sep = clauses[i - 1]
        if prev_sep not in (",", "，", ":", "：") or _INCOMPLETE.search(prev):
            continue
        if _INCOMPLETE_START.match(clause[m.end() :]) or (
            not clause[m.end() :].strip()
            and i + 1 < len(clauses)
            and _INCOMPLETE_START.match(clauses[i + 1][0])
        ):
            continue
        total = _total(prev)
        if total is None:
            continue
        if i >= 2 and clauses[i - 2][1] in (",", "，") and _same_unit(clauses[i - 2][0], total):
            # 「新收79件，上年结转6件，已办结68件，其中……」: the total is one of a chain of
            # statements, and where its list ends is anyone's guess
            continue
        rest = clause[m.end() :]
        colon = not rest.strip() and _sep in (":", "：")
        if rest.strip().startswith((":", "：")):
            rest, colon = rest.strip()[1:], True
        got = _read_list(clauses, i, rest, total.value, total.unit, colon)
        if got is not None and len(got[0]) >= 2:
            if sum(got[0]) < total.value and _received_by_outcome(prev, clauses[i:]):
                continue
            yield m[1], total.value, total.unit, *got
    # a breakdown in brackets right after its total: 「收到申请52件（其中自然人45件、…）」
    for at, inner in groups:
        m = _MARKER.match(inner)
        if m is None:
            continue
        before = outer[:at]
        cut = max(before.rfind(s) for s in "，,：:；;")
        total = _total(before[cut + 1 :])
        if total is None or before[cut + 1 :].rstrip()[-1:] not in UNITS_LAST:
            continue
        inner_clauses = _clauses(inner)
        rest = inner_clauses[0][0][m.end() :] if inner_clauses else ""
        got = _read_list(inner_clauses, 0, rest, total.value, total.unit, True)
        if got is not None and len(got[0]) >= 2:
            yield m[1], total.value, total.unit, *got


def _whole_sentences(text: str) -> Iterator[Sentence]:
    """The sentences of the prose (cut at 。), their sub-sentences joined again."""
    group: list[Sentence] = []
    for s in sentences(text):
        if group and (s.context != group[0].context or s.before != group[0].before):
            yield _join(group, text)
            group = []
        group.append(s)
    if group:
        yield _join(group, text)


def _join(group: list[Sentence], text: str) -> Sentence:
    first = group[0]
    if len(group) == 1:
        return first
    offsets = [o for s in group for o in s.offsets]
    folded = fold(text)
    return Sentence(
        "".join(folded[o] for o in offsets).strip(),
        first.offset,
        first.context,
        before=first.before,
        source=first.source,
        offsets=offsets,
    )


_MARKERS = ("其中", "包括", "包含", "含", "分别")


def breakdowns(text: str) -> Iterator[Breakdown]:
    """Every total and its parts stated in the prose that do not add up."""
    if not any(w in text for w in _MARKERS):
        return
    folded = fold(text)
    for s in _whole_sentences(text):
        body = "".join(folded[o] for o in s.offsets) if s.offsets else s.text
        if not any(w in body for w in _MARKERS):
            continue
        for marker, total, unit, parts, aside in _breakdowns(body):
            if sum(parts) < total and marker in ("包括", "包含"):
                continue  # 「包括……」 may name only some of the parts
            if sum(parts) != total and sum(parts) + aside != total:
                if _subset_adds_up(tuple(parts), total):
                    continue  # some of the parts add up: one is inside another, not a slip
                yield Breakdown(s, marker, total, unit, tuple(parts))
