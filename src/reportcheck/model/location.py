"""Where a value was read (:class:`Location`), in words a person can follow, in English
and in Chinese.

Below the report (:mod:`reportcheck.model.report`) and the findings, which both name
places: a finding's location is one of these, and nothing here knows of either.
"""

from __future__ import annotations

import re
from functools import cache

from reportcheck.records import record


@record(frozen=True, slots=True)
class Location:
    """Where a value was read, in words a person can follow.

    ``address`` is what is shown (``表三!D29``, ``/applications/total/total``, ``line 42``);
    ``line``/``column`` are 1-based positions in a text file where known (for SARIF regions
    and editors).
    """

    address: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return self.address

    @property
    def page(self) -> int | None:
        """The page an address on pages names (``page 3, line 14, col 4`` → 3), or None."""
        head = self.address.split(",", 1)[0]
        return int(head[5:]) if head.startswith("page ") and head[5:].isdigit() else None

    @property
    def zh(self) -> str:
        """The address as a Chinese reader says it (``line 21`` → ``第 21 行``)."""
        return zh_address(self.address)


_ZH_ADDRESS = (
    (r"^page (\d+), line (\d+), col (\d+)$", r"第 \1 页第 \2 行第 \3 列"),
    (r"^page (\d+), line (\d+)$", r"第 \1 页第 \2 行"),
    (r"^page (\d+)$", r"第 \1 页"),
    (r"^line (\d+), field (\d+)$", r"第 \1 行第 \2 栏"),
    (r"^line (\d+), col (\d+)$", r"第 \1 行第 \2 字"),
    (r"^line (\d+)$", r"第 \1 行"),
    (r"^table (\d+), row (\d+), col (\d+)$", r"表格 \1 第 \2 行第 \3 列"),
    (r"^table (\d+), row (\d+)$", r"表格 \1 第 \2 行"),
    (r"^table (\d+)$", r"表格 \1"),
    (r"^paragraph (\d+)$", r"第 \1 段"),
    (r"^picture (\d+)$", r"第 \1 幅图片"),
    (r"^picture (\d+), line (\d+), col (\d+)$", r"第 \1 幅图片第 \2 行第 \3 列"),
    (r"^picture (\d+), line (\d+)$", r"第 \1 幅图片第 \2 行"),
    (r"^page (\d+), picture (\d+)$", r"第 \1 页第 \2 幅图片"),
    # the rest of an address once a shared beginning has been said (terminal output)
    (r"^row (\d+), col (\d+)$", r"第 \1 行第 \2 列"),
    (r"^col (\d+)$", r"第 \1 列"),
    (r"^field (\d+)$", r"第 \1 栏"),
)


_ZH_WORDS = ("page ", "line ", "table ", "paragraph ", "picture ", "row ", "col ", "field ")
"""How every address in words begins (the patterns above): a sheet address or a JSON
pointer is returned without trying them."""


@cache
def _zh_patterns() -> list[tuple[re.Pattern[str], str]]:
    # compiled on first use: a workbook or JSON run never needs them (start-up, issue 13)
    return [(re.compile(pattern), repl) for pattern, repl in _ZH_ADDRESS]


def zh_address(address: str) -> str:
    """Readers write text, HTML, Word and PDF locations in English words (``line 21``,
    ``table 2, row 14, col 3``, ``paragraph 12``, ``page 4, line 12``); this is the Chinese wording of the same
    place. Sheet addresses (``表三!D29``) and JSON pointers are the same in both languages.
    """
    if not address.startswith(_ZH_WORDS):
        return address
    for pattern, repl in _zh_patterns():
        if pattern.match(address):
            return pattern.sub(repl, address)
    return address
