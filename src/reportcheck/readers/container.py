"""The one guarded way into zip-based inputs (Excel .xlsx, Word .docx).

A report workbook or document is a zip of a few XML parts, each well under a MiB. Anything
far outside that is damaged or hostile, and is refused with one line before it costs time
or memory:

- **the archive** — at most :data:`MAX_MEMBERS` members; a damaged central directory,
  overlapping or encrypted members, an unknown compression method: "damaged";
- **each part read** — at most :data:`MAX_PART` bytes once unpacked, checked while
  unpacking (the sizes a zip declares may lie) and against the compression ratio
  (:data:`MAX_RATIO`, a zip bomb's tell); all parts read together at most :data:`MAX_TOTAL`;
- **the XML** — no ``<!DOCTYPE`` and no entity declarations (Office never writes them:
  they are how "billion laughs" and external-entity attacks start); UTF-8 or UTF-16 only
  (the encodings Office Open XML allows — a part declaring ``gbk`` or an unknown
  encoding is refused by name, not half-read); at most :data:`MAX_TAGS` tags in a part
  parsed as a tree. Worksheets and shared strings are read with :func:`select`: a part
  under :data:`TREE_BYTES` as a tree (the C parser, fastest), a larger one incrementally
  with :func:`iterparse`, which keeps only the element being read.

Errors are :class:`~reportcheck.errors.InputError` naming the file and the part.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser, fromstring

from reportcheck.errors import InputError

MAX_MEMBERS = 4000
"""Members of the archive (a report has 10–40; a document with many images a few hundred)."""
MAX_PART = 16 * 1024 * 1024
"""Bytes of one part once unpacked (report parts are well under 1 MiB)."""
MAX_TOTAL = 48 * 1024 * 1024
"""Bytes of all the parts read from one file, once unpacked."""
MAX_RATIO = 150
"""Unpacked/packed size of a part larger than :data:`RATIO_FLOOR` (XML packs 5–30 to 1)."""
RATIO_FLOOR = 1024 * 1024
MAX_TAGS = 400_000
"""Tags (``<``) of a part parsed as a whole tree (a long report has 50–150 thousand)."""
MAX_DEPTH = 100
"""Nesting of the elements of a part read incrementally (Office writes fewer than 20)."""
TREE_BYTES = 1024 * 1024
"""A part up to this size is read by :func:`select` as a whole tree (a report's sheets are
10–100 KB; the tree of 1 MiB of XML is a few MB), a larger one incrementally."""

ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    ValueError,  # a negative seek, an offset past the end in a damaged directory
    EOFError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # a member encrypted with a zip password
    OverflowError,
)
"""What :mod:`zipfile` raises on a damaged archive."""

_NAMES = {"xlsx": ("Excel", "Excel"), "docx": ("Word", "Word")}
_DEFLATED = zipfile.ZIP_DEFLATED

_DECL = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_UTF8 = {"utf-8", "utf8"}
_UTF16 = {"utf-16", "utf16", "utf-16le", "utf-16be", "unicode"}
_FORBIDDEN = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_FORBIDDEN_TEXT = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


_OPENED: list[tuple[bytes, zipfile.ZipFile]] = []


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive in ``data``, its directory read once for the file being read: the kind
    is sniffed from its names (:func:`reportcheck.readers.detect.sniff`), then the reader
    opens it; the last one is remembered (by identity of the bytes). Raises what
    :class:`zipfile.ZipFile` raises (see :data:`ZIP_ERRORS`)."""
    if _OPENED and _OPENED[0][0] is data:
        return _OPENED[0][1]
    zf = zipfile.ZipFile(io.BytesIO(data))
    _OPENED[:] = [(data, zf)]
    return zf


class Package:
    """An Office zip opened with the guards; parts read by name (case-insensitive)."""

    def __init__(self, path: str, data: bytes, kind: str) -> None:
        self.path = path
        self.kind = kind
        self.app_zh, self.app_en = _NAMES.get(kind, ("Office", "Office"))
        self.read_total = 0
        self.data = data
        try:
            self.zf = open_zip(data)
            infos = self.zf.infolist()
        except ZIP_ERRORS:
            raise self.error(
                "无法作为 zip 打开，文件已损坏", "it cannot be opened as a zip archive (damaged)"
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise self.error(
                f"压缩包内有 {len(infos)} 个部件（上限 {MAX_MEMBERS}），不像年报",
                f"the archive holds {len(infos)} members (limit {MAX_MEMBERS}): not a report",
            )
        self.names = {i.filename.lower(): i.filename for i in infos}
        """Member names by lower-case name (some writers vary the case)."""

    def error(self, zh: str, en: str) -> InputError:
        """An :class:`InputError` for this file: ``损坏的 Excel 文件：…``."""
        return InputError(
            self.path,
            f"不是有效的 {self.app_zh} 文件：{zh}",
            f"not a valid {self.app_en} file: {en}",
        )

    def has(self, part: str) -> bool:
        return part.lower() in self.names

    def read(self, part: str) -> bytes | None:
        """The unpacked bytes of ``part`` (None when absent), within the size guards."""
        name = self.names.get(part.lower())
        if name is None:
            return None
        try:
            info = self.zf.getinfo(name)
            if info.file_size > MAX_PART:
                raise self._too_large(part, info.file_size)
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                1, info.compress_size
            ):
                raise self.error(
                    f"{part} 的压缩比异常（{info.file_size // max(1, info.compress_size)}:1），"
                    "疑为压缩炸弹",
                    f"{part} unpacks {info.file_size // max(1, info.compress_size)} times its "
                    "packed size (a zip bomb)",
                )
            fast = self._plain(info)
            if fast is not None:
                raw = fast
            else:
                with self.zf.open(info) as member:
                    # the declared size may lie: never unpack more than the limit
                    raw = member.read(MAX_PART + 1)
        except InputError:
            raise
        except ZIP_ERRORS as exc:
            raise self.error(
                f"无法解压 {part}", f"{part} cannot be extracted ({exc.__class__.__name__})"
            ) from None
        if len(raw) > MAX_PART:
            raise self._too_large(part, len(raw))
        self.read_total += len(raw)
        if self.read_total > MAX_TOTAL:
            raise self.error(
                f"解压后的内容超过 {MAX_TOTAL // 1_048_576} MiB，不像年报",
                f"the parts unpack to more than {MAX_TOTAL // 1_048_576} MiB: not a report",
            )
        return raw

    def _plain(self, info: zipfile.ZipInfo) -> bytes | None:
        """A member unpacked straight from the archive's bytes when nothing about it is
        unusual — stored or deflated, not encrypted, its local header agreeing with the
        directory, exactly its declared size and CRC once unpacked (never more than that
        size is unpacked) — else None, and :mod:`zipfile` reads it, with its checks and
        errors. The same bytes, without zipfile's file-object layers (a report has a dozen
        members: that was a tenth of reading a workbook)."""
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, _DEFLATED):
            return None
        data = self.data
        at = info.header_offset
        head = data[at : at + 30]
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            return None
        name_len = int.from_bytes(head[26:28], "little")
        extra_len = int.from_bytes(head[28:30], "little")
        name = data[at + 30 : at + 30 + name_len]
        encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
        try:
            if name.decode(encoding) != info.orig_filename:
                return None
        except UnicodeDecodeError:
            return None
        start = at + 30 + name_len + extra_len
        packed = data[start : start + info.compress_size]
        if len(packed) != info.compress_size:
            return None
        if info.compress_type == zipfile.ZIP_STORED:
            raw = packed
        else:
            unpacker = zlib.decompressobj(-15)
            try:
                raw = unpacker.decompress(packed, info.file_size + 1)
            except zlib.error:
                return None
            if not unpacker.eof:
                return None
        if len(raw) != info.file_size or zlib.crc32(raw) != info.CRC:
            return None
        return raw

    def _too_large(self, part: str, size: int) -> InputError:
        return self.error(
            f"{part} 解压后过大（{size / 1_048_576:.0f} MiB，上限 {MAX_PART // 1_048_576} MiB）",
            f"{part} is too large once unpacked ({size / 1_048_576:.0f} MiB, limit "
            f"{MAX_PART // 1_048_576} MiB)",
        )

    def xml(self, part: str) -> Element | None:
        """``part`` parsed as a whole tree (None when absent)."""
        raw = self.read(part)
        if raw is None:
            return None
        try:
            return parse(raw, part)
        except XMLRefused as exc:
            raise self.error(exc.zh, exc.en) from None

    def iterparse(self, part: str, release_depth: int = 1) -> Iterator[Element] | None:
        """The elements of ``part`` as each ends (None when absent); see :func:`iterparse`."""
        raw = self.read(part)
        if raw is None:
            return None
        return self._iter(raw, part, release_depth)

    def select(
        self, part: str, names: frozenset[str], release_depth: int = 1
    ) -> Iterator[Element] | None:
        """The elements of ``part`` named ``names`` (None when absent); see :func:`select`."""
        raw = self.read(part)
        if raw is None:
            return None
        return self._select(raw, part, names, release_depth)

    def _select(
        self, raw: bytes, part: str, names: frozenset[str], release_depth: int
    ) -> Iterator[Element]:
        try:
            yield from select(raw, part, names, release_depth)
        except XMLRefused as exc:
            raise self.error(exc.zh, exc.en) from None

    def _iter(self, raw: bytes, part: str, release_depth: int) -> Iterator[Element]:
        try:
            yield from iterparse(raw, part, release_depth)
        except XMLRefused as exc:
            raise self.error(exc.zh, exc.en) from None


class XMLRefused(Exception):
    """An XML part that is not parsed: ``zh`` and ``en`` say why (the part named)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def refusal(self, path: str, file_zh: str, file_en: str) -> InputError:
        """The one-line refusal of a file whose XML this is: 「不是有效的 {file_zh}：why」
        (``file_zh``/``file_en``: 「Word 文件」/"Word file")."""
        return InputError(
            path, f"不是有效的 {file_zh}：{self.zh}", f"not a valid {file_en}: {self.en}"
        )


class XMLMalformed(XMLRefused):
    """A part that is not well-formed XML (as opposed to one refused by a guard)."""


def _checked(raw: bytes, part: str) -> bytes | str:
    """The part as the XML parser may take it: UTF-8 bytes as they are, UTF-16 as text.

    Raises :class:`XMLRefused` for another declared encoding, a DOCTYPE or an entity.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or raw[:4] in (
        b"<\x00?\x00",
        b"\x00<\x00?",
    ):
        codec = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else _utf16(raw)
        try:
            decoded = raw.decode(codec)
        except UnicodeDecodeError:
            raise XMLRefused(
                f"{part} 不是有效的 UTF-16 文本", f"{part} is not valid UTF-16 text"
            ) from None
        # the declaration names UTF-16, which a parser given text refuses: drop it
        text = re.sub(r"^\ufeff?<\?xml[^>]*\?>", "", decoded, count=1)
        if _FORBIDDEN_TEXT.search(text) is not None:
            raise _doctype(part)
        return text
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    m = _DECL.match(body)
    if m is not None:
        declared = m.group(1).decode("ascii", "replace").strip().lower()
        if declared not in _UTF8:
            raise XMLRefused(
                f"{part} 声明了编码「{declared[:20]}」（Office 文件只用 UTF-8 或 UTF-16）",
                f"{part} declares the encoding '{declared[:20]}' (Office files use UTF-8 or "
                "UTF-16 only)",
            )
    if _FORBIDDEN.search(body) is not None:
        raise _doctype(part)
    return body


def _utf16(raw: bytes) -> str:
    return "utf-16-le" if raw[:1] == b"<" else "utf-16-be"


def _doctype(part: str) -> XMLRefused:
    return XMLRefused(
        f"{part} 含有 DOCTYPE 或实体声明（Office 文件不会有，拒绝处理）",
        f"{part} holds a DOCTYPE or entity declaration (Office files never do: refused)",
    )


def parse(raw: bytes, part: str) -> Element:
    """A whole XML part as a tree, within the guards (:class:`XMLRefused` otherwise)."""
    body = _checked(raw, part)
    tags = body.count("<") if isinstance(body, str) else body.count(b"<")
    if tags > MAX_TAGS:
        raise XMLRefused(
            f"{part} 有 {tags} 个标记（上限 {MAX_TAGS}），不像年报",
            f"{part} has {tags} tags (limit {MAX_TAGS}): not a report",
        )
    try:
        return fromstring(body)
    except (ParseError, LookupError, ValueError) as exc:
        raise XMLMalformed(
            f"{part} 不是有效的 XML（{exc}）", f"{part} is not valid XML ({exc})"
        ) from None


def select(
    raw: bytes, part: str, names: frozenset[str], release_depth: int = 1
) -> Iterator[Element]:
    """The elements of a part whose local name (the tag without its namespace) is in
    ``names``, in document order, each whole (with its children), looked for down to depth
    ``release_depth`` (the root is at depth 1: a worksheet's rows are at depth 3, shared
    strings at 2) — a cell's values below a row are never looked at one by one.

    A part up to :data:`TREE_BYTES` is parsed as one tree (:func:`parse`, its guards and
    :data:`MAX_TAGS`), a larger one with :func:`iterparse` (``release_depth`` as there), so
    that memory stays bounded. Both give the same elements.
    """
    local: dict[str, bool] = {}
    if len(raw) > TREE_BYTES:
        for el, depth in _released(raw, part, release_depth):
            if depth <= release_depth and _named(el.tag, names, local):
                yield el
        return
    yield from _down(parse(raw, part), names, local, release_depth)


def _down(
    el: Element, names: frozenset[str], seen: dict[str, bool], levels: int
) -> Iterator[Element]:
    """``el`` and its descendants ``levels - 1`` deep that are named ``names``, in order."""
    if _named(el.tag, names, seen):
        yield el
    if levels == 2:
        for child in el:
            if _named(child.tag, names, seen):
                yield child
    elif levels == 3:  # a worksheet's rows: two loops, one generator (this is hot)
        for child in el:
            if _named(child.tag, names, seen):
                yield child
            for grand in child:
                hit = seen.get(grand.tag)
                if hit is None:
                    hit = _named(grand.tag, names, seen)
                if hit:
                    yield grand
    elif levels > 3:
        for child in el:
            yield from _down(child, names, seen, levels - 1)


def _named(tag: str, names: frozenset[str], seen: dict[str, bool]) -> bool:
    """Whether ``tag``'s local name is one of ``names`` (remembered per tag)."""
    hit = seen.get(tag)
    if hit is None:
        hit = seen[tag] = (tag[tag.index("}") + 1 :] if tag[:1] == "{" else tag) in names
    return hit


_CHUNK = 1 << 16


def iterparse(raw: bytes, part: str, release_depth: int = 1) -> Iterator[Element]:
    """The elements of a part as each one ends, in document order.

    The caller reads what it needs from an element when it ends. An element ending at
    depth ``release_depth`` or less (the root is at depth 1: a worksheet's rows are at depth
    3, shared strings at 2) is then dropped from its parent, so memory stays that of one
    row, not of the sheet. Nesting deeper than :data:`MAX_DEPTH` is refused.
    """
    for el, _depth in _released(raw, part, release_depth):
        yield el


def _released(raw: bytes, part: str, release_depth: int) -> Iterator[tuple[Element, int]]:
    """:func:`iterparse`'s elements with the depth of each (the root's is 1)."""
    body = _checked(raw, part)
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    stack: list[Element] = []
    try:
        for i in range(0, len(body), _CHUNK):
            parser.feed(body[i : i + _CHUNK])
            yield from _events(parser, stack, release_depth, part)
        parser.close()
        yield from _events(parser, stack, release_depth, part)
    except (ParseError, LookupError, ValueError) as exc:
        raise XMLMalformed(
            f"{part} 不是有效的 XML（{exc}）", f"{part} is not valid XML ({exc})"
        ) from None


def _events(
    parser: XMLPullParser[Element],
    stack: list[Element],
    release_depth: int,
    part: str,
) -> Iterator[tuple[Element, int]]:
    for pair in parser.read_events():
        event, el = cast(tuple[str, Element], pair)  # "start" and "end" carry an element
        if event == "start":
            stack.append(el)
            if len(stack) > MAX_DEPTH:
                raise XMLRefused(
                    f"{part} 的元素嵌套超过 {MAX_DEPTH} 层",
                    f"{part} nests elements more than {MAX_DEPTH} deep",
                )
            continue
        depth = len(stack)
        stack.pop()
        yield el, depth
        if 0 < depth - 1 < release_depth:
            stack[-1].remove(el)
