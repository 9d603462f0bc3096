"""Excel number formats (``xl/styles.xml``): a number as the clerk sees it.

A workbook stores 45312 and shows 「1月21日」 when the cell is date-formatted; it stores
0.35 and shows 35%; with the custom format ``0!.0000"万"`` it stores 123500 and shows
12.3500万. The reader keeps the stored number and adds what Excel displays, so that:

- a number in a date-formatted cell of a table is reported (RC201) as what Excel shows
  (「1月21日」), not as 45312 — a clerk typed 1-21 and Excel made it a date;
- a percentage keeps its display (35%) in messages;
- a 万 display that shifts the decimal point (``0!.0000"万"``, ``0\\.0000"万"``) means the
  stored number is in 元, which in a 万元 column is RC206 with its suggestion; a plain
  ``0.00"万元"`` suffix is only a label and changes nothing.

Standard library only, like the workbook reader.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal

DATE_IDS = frozenset((*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)))
"""Built-in format ids that are dates or times (including the CJK locale ones)."""
BUILTIN = {
    9: "0%",
    10: "0.00%",
    14: "yyyy/m/d",  # shown by Chinese Excel as 2024/1/21
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    22: "yyyy/m/d h:mm",
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: 'yyyy"年"m"月"',
    56: 'm"月"d"日"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_DATE_TOKEN = re.compile(r"[ymdhs]", re.IGNORECASE)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_code(num_fmt_id: int, custom: dict[int, str]) -> str | None:
    """The format code of a number-format id (None for General and unknown ids)."""
    if num_fmt_id in custom:
        return custom[num_fmt_id]
    return BUILTIN.get(num_fmt_id)


def _section(code: str) -> str:
    """The first section of a format (positive numbers), without colours and conditions."""
    return code.split(";")[0]


def is_date(code: str, num_fmt_id: int | None = None) -> bool:
    """Whether a format shows a number as a date or time."""
    if num_fmt_id in DATE_IDS:
        return True
    bare = _LITERAL.sub("", _section(code))
    return bool(_DATE_TOKEN.search(bare)) and "0" not in bare and "#" not in bare


def shows_wan_of_yuan(code: str) -> bool:
    """``0!.0000"万"``: a stored amount in 元 displayed in 万 (the decimal point moved)."""
    sec = _section(code)
    return "万" in sec and ("!." in sec or "\\." in sec)


def display(value: int | Decimal, code: str, num_fmt_id: int | None, date1904: bool) -> str | None:
    """What Excel shows for ``value`` in this format, where it differs in kind from the
    stored number (a date, a percentage, a 万 display); None otherwise."""
    sec = _section(code)
    if is_date(code, num_fmt_id):
        return _date_text(value, sec, date1904)
    bare = _LITERAL.sub("", sec)
    if "%" in bare:
        places = len(bare.split(".")[1].rstrip("%")) if "." in bare else 0
        return f"{Decimal(value) * 100:.{places}f}%"
    if shows_wan_of_yuan(code):
        places = 4 if "0000" in sec else 2
        return f"{Decimal(value) / 10000:.{places}f}万"
    return None


def _date_text(value: int | Decimal, code: str, date1904: bool) -> str | None:
    if not 0 <= value < 2_958_466:  # Excel's dates end in 9999
        return None
    base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    when = base + timedelta(days=float(value))
    out: list[str] = []
    i = 0
    last_was_hour = False
    while i < len(code):
        ch = code[i]
        if ch == '"':
            j = code.find('"', i + 1)
            j = len(code) if j < 0 else j
            out.append(code[i + 1 : j])
            i = j + 1
            continue
        if ch == "\\" and i + 1 < len(code):
            out.append(code[i + 1])
            i += 2
            continue
        if ch == "[":
            i = code.find("]", i) + 1 or len(code)
            continue
        if ch in "_*":
            i += 2
            continue
        run = ch
        while i + len(run) < len(code) and code[i + len(run)].lower() == ch.lower():
            run += code[i + len(run)]
        low = ch.lower()
        n = len(run)
        if low == "y":
            out.append(str(when.year) if n > 2 else f"{when.year % 100:02d}")
        elif low == "m":
            rest = code[i + n :].lstrip(' :"')
            if last_was_hour or rest[:1].lower() == "s":
                out.append(f"{when.minute:02d}" if n > 1 else str(when.minute))
            elif n >= 3:
                out.append(_MONTHS[when.month - 1])
            else:
                out.append(f"{when.month:02d}" if n == 2 else str(when.month))
        elif low == "d":
            out.append(f"{when.day:02d}" if n == 2 else str(when.day))
        elif low == "h":
            out.append(f"{when.hour:02d}" if n > 1 else str(when.hour))
        elif low == "s":
            out.append(f"{when.second:02d}")
        else:
            out.append(run)
            i += n
            continue  # a separator keeps 「h:mm」 a time
        last_was_hour = low == "h"
        i += n
    return "".join(out)
