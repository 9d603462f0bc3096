"""The guarded way into OLE2 compound files (Excel 97–2003 ``.xls``, WPS ``.et``, Word
97–2003 ``.doc``, WPS ``.wps``): which streams a file holds, and the bytes of one.

The format is a small file system: a header, a table of sector chains (FAT), a directory of
streams. A damaged or hostile file can make a naive reader loop forever (a chain that comes
back on itself), allocate without end (a size of 4 GiB, a FAT of millions of sectors), or
read outside the file. Everything here is checked against the file's own size, and every
chain is followed at most once per sector: such a file is refused in one line naming it.

What a file *is* is decided by its stream names, never by its suffix: ``Workbook`` (or
``Book``, Excel 5/95) is a workbook, ``WordDocument`` a Word document (Word and WPS),
``EncryptedPackage`` an encrypted .xlsx/.docx.

:func:`scan_biff` walks a workbook stream's records (no values are decoded) and measures
each sheet's used area and cell count, so that a sheet that claims IV65536 for two cells is
refused before any library makes a dense grid of it.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from reportcheck.errors import InputError

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_FREE, _END, _FAT, _DIFAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
MAX_ENTRIES = 4096
"""Directory entries (a workbook or document has 5–50 streams and storages)."""


class OleFile:
    """An OLE2 compound file opened with the guards."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        if len(data) < 512 or data[:8] != MAGIC:
            raise self._damaged("文件头不对", "the header is wrong")
        sector_shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if sector_shift not in (9, 12) or mini_shift != 6:
            raise self._damaged("扇区大小不对", "the sector size is wrong")
        self.size = 1 << sector_shift
        self.mini_size = 1 << mini_shift
        self.sectors = (len(data) - self.size + self.size - 1) // self.size
        (n_fat, first_dir, _tx, self.cutoff, first_mini, n_mini, first_difat, n_difat) = (
            struct.unpack_from("<IIIIIIII", data, 44)
        )
        if n_fat > self.sectors or n_mini > self.sectors or n_difat > self.sectors:
            raise self._damaged(
                "扇区表的大小超出文件", "the sector tables are larger than the file"
            )
        fat_ids = [i for i in struct.unpack_from("<109I", data, 76) if i < _DIFAT]
        difat = first_difat
        seen: set[int] = set()
        per = self.size // 4 - 1
        while difat < _DIFAT and len(fat_ids) < n_fat:
            if difat in seen or difat >= self.sectors:
                raise self._loop()
            seen.add(difat)
            block = struct.unpack_from(f"<{per + 1}I", self._sector(difat))
            fat_ids.extend(i for i in block[:per] if i < _DIFAT)
            difat = block[per]
        fat = bytearray()
        for sid in fat_ids[:n_fat]:
            fat += self._sector(sid)
        self.fat = list(struct.unpack(f"<{len(fat) // 4}I", fat))
        self.entries = self._directory(first_dir)
        root = self.entries[0] if self.entries else None
        self.ministream = b""
        self.minifat: list[int] = []
        if root is not None and root[1] == 5 and first_mini < _DIFAT:
            raw = self._chain(first_mini, self.fat, self._sector)
            self.minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw))
            self.ministream = self._chain(root[2], self.fat, self._sector)[: root[3]]

    # -- errors

    def _damaged(self, zh: str, en: str) -> InputError:
        return InputError(
            self.path,
            f"损坏的 Office 文件（OLE2 复合文档）：{zh}",
            f"a damaged Office file (OLE2 compound document): {en}",
        )

    def _loop(self) -> InputError:
        return self._damaged(
            "扇区链循环或指向文件之外", "a sector chain loops or points outside the file"
        )

    # -- sectors and chains

    def _sector(self, sid: int) -> bytes:
        if sid >= self.sectors:
            raise self._loop()
        at = (sid + 1) * self.size
        return self.data[at : at + self.size].ljust(self.size, b"\x00")

    def _mini(self, sid: int) -> bytes:
        at = sid * self.mini_size
        if at >= len(self.ministream):
            raise self._loop()
        return self.ministream[at : at + self.mini_size]

    def _chain(self, start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        """The bytes of the chain from ``start`` in ``table`` (each link once)."""
        out = bytearray()
        seen: set[int] = set()
        sid = start
        while sid != _END:
            if sid in seen or sid >= len(table) or sid >= _DIFAT:
                raise self._loop()
            seen.add(sid)
            out += read(sid)
            sid = table[sid]
        return bytes(out)

    def _directory(self, first: int) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of each directory entry."""
        raw = self._chain(first, self.fat, self._sector)
        out: list[tuple[str, int, int, int]] = []
        for at in range(0, len(raw) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", raw, at + 64)
            start, size = struct.unpack_from("<II", raw, at + 116)
            name = raw[at : at + min(name_len, 64)].decode("utf-16-le", "replace").rstrip("\x00")
            out.append((name, kind, start, size))
            if len(out) > MAX_ENTRIES:
                raise self._damaged("目录项过多", "too many directory entries")
        return out

    # -- the streams

    def names(self) -> set[str]:
        """The names of the streams (type 2) in the file."""
        return {name for name, kind, _s, _n in self.entries if kind == 2}

    def stream(self, name: str) -> bytes | None:
        """The bytes of the first stream called ``name``, or None."""
        for entry_name, kind, start, size in self.entries:
            if kind != 2 or entry_name != name:
                continue
            if size > len(self.data) * 2 + 4096:
                raise self._damaged(
                    f"数据流 {name} 的大小超出文件", f"the stream {name} is larger than the file"
                )
            if size < self.cutoff:
                raw = self._chain(start, self.minifat, self._mini)
            else:
                raw = self._chain(start, self.fat, self._sector)
            return raw[:size]
        return None


WORKBOOK_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")
"""The workbook stream of BIFF8 (Excel 97–2003, WPS) and BIFF5 (Excel 5/95) files."""


def kind_of(names: set[str]) -> str | None:
    """``xls`` for a workbook, ``doc`` for a Word/WPS document, ``encrypted`` for an encrypted
    .xlsx/.docx; None for any other OLE2 file (PowerPoint, Works, an MSI installer…)."""
    if "EncryptedPackage" in names:
        return "encrypted"
    if any(n in names for n in WORKBOOK_STREAMS):
        return "xls"
    if "WordDocument" in names:
        return "doc"
    return None


# ------------------------------------------------------------------ BIFF records

MAX_AREA = 1_000_000
"""Positions (rows × columns from A1 to the last used cell) of one sheet, summed over the
workbook. A report's sheets hold a few thousand; the readers make a dense grid of each."""
MAX_CELLS = 200_000
"""Cell records of a workbook (as for .xlsx)."""

_BOF, _EOF = 0x0809, 0x000A
_CELL = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6})
"""FORMULA, LABELSST, NUMBER, RK, BLANK, BOOLERR, LABEL, RSTRING: row and column first."""
_MULTI = frozenset({0x00BD, 0x00BE})
"""MULRK, MULBLANK: row, first column … last column."""


def scan_biff(path: str, stream: bytes) -> None:
    """Refuse a workbook stream whose sheets are larger than a report's could be
    (:data:`MAX_AREA`, :data:`MAX_CELLS`). Only record headers and cell places are read."""
    at = 0
    end = len(stream)
    area = 0
    cells = 0
    max_row = max_col = -1
    while at + 4 <= end:
        rtype, size = struct.unpack_from("<HH", stream, at)
        body = at + 4
        at = body + size
        if rtype == _BOF:
            max_row = max_col = -1
        elif rtype == _EOF:
            if max_row >= 0:
                area += (max_row + 1) * (max_col + 1)
            max_row = max_col = -1
        elif rtype in _CELL and size >= 4 and at <= end:
            row, col = struct.unpack_from("<HH", stream, body)
            cells += 1
            max_row, max_col = max(max_row, row), max(max_col, col)
        elif rtype in _MULTI and size >= 6 and at <= end:
            row, first = struct.unpack_from("<HH", stream, body)
            (last,) = struct.unpack_from("<H", stream, at - 2)
            if last >= first:
                cells += last - first + 1
                max_row, max_col = max(max_row, row), max(max_col, last)
        if cells > MAX_CELLS:
            raise InputError(
                path,
                f"工作簿的单元格超过 {MAX_CELLS} 个，不像年报",
                f"the workbook has more than {MAX_CELLS} cells: not a report",
            )
        if area > MAX_AREA or (max_row + 1) * (max_col + 1) > MAX_AREA:
            raise InputError(
                path,
                f"工作表的使用范围超过 {MAX_AREA} 格，不像年报",
                f"a sheet's used range covers more than {MAX_AREA} cells: not a report",
            )
