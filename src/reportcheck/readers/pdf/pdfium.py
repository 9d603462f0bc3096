"""The characters, ruling lines and images of a PDF's pages, from PDFium (pypdfium2)."""

from __future__ import annotations

import ctypes
import math
from itertools import pairwise
from typing import Any

from reportcheck.errors import InputError
from reportcheck.model.labels import fold_radicals
from reportcheck.readers.pdf.page import (
    _CJK,
    _RULE_THICKNESS,
    _SKIP,
    _SUSPECT,
    GLYPH_SIZE,
    MAX_CHARS,
    MAX_OBJECTS,
    MAX_PAGES,
    MAX_SEGMENTS,
    PICTURE_MIN,
    SCAN_TEXT,
    UNDECODABLE,
    _Char,
    _Page,
    _Rule,
)

# ------------------------------------------------------------------ PDFium


def _open(path: str, data: bytes) -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(
            path,
            "读取 PDF 需要 pypdfium2：pip install pypdfium2",
            "reading PDF needs pypdfium2: pip install pypdfium2",
        ) from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise InputError(
                path,
                "PDF 已加密（设有打开密码）：请提供未加密的 PDF",
                "the PDF is encrypted (it needs a password to open): give an unencrypted PDF",
            ) from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise InputError(
                path,
                "PDF 使用了不支持的加密方式",
                "the PDF uses an unsupported security handler",
            ) from None
        raise InputError(
            path,
            "PDF 文件已损坏，无法打开（文件可能不完整）",
            "a damaged PDF that cannot be opened (the file may be incomplete)",
        ) from None


def _odd_boxes(tp: Any, chars: list[_Char], page_height: float) -> None:
    """Characters whose box says nothing of where they stand, given one that does.

    PDFium's box of a character spans its font's ascent and descent. Some fonts give it
    nonsense. WPS's vertical CJK font (Identity-V: a label set down the side, one character
    per line) yields boxes 200 points wide and tall: against the page's usual height (the
    median), such a character — when its ink is not that big too (a title in large type)
    — takes the usual height around the ink's middle (PDFium's tight box), and the ink's
    width where the box is that wide too. Fonts whose box is only the ink (一 a hairline
    in some embedded fonts) make a glyph too thin to stay on its line: it takes its font
    size around its middle — unless the font size is WPS's (text set at size 200-odd and
    scaled down by the text matrix, which PDFium's size leaves out), when only a hairline
    is widened, to the usual height."""
    if not chars:
        return
    heights = [c.height for c in chars]
    usual = sorted(heights)[len(heights) // 2]
    if usual <= 0:
        return
    high, low = 2.5 * usual, max(0.6 * usual, 2.0)
    odd = [c for c, h in zip(chars, heights, strict=True) if h > high or h < low]
    if not odd:
        return
    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for c in odd:
        if c.height > high:
            if not raw.FPDFText_GetCharBox(tp, c.index, left, right, bottom, top):
                continue
            if top.value - bottom.value > high:
                continue  # a big glyph indeed (a title in large type): its box is right
            if c.x1 - c.x0 > high:
                c.x0, c.x1 = left.value, right.value
            mid = page_height - (top.value + bottom.value) / 2
            size = usual
        else:
            size = raw.FPDFText_GetFontSize(tp, c.index)
            if size > high:  # WPS's size, not the printed one
                if c.height >= 2:
                    continue
                size = usual
            if c.height >= 0.6 * size:
                continue  # smaller type, its box whole
            mid = c.cy
        c.top, c.bottom = mid - size / 2, mid + size / 2
        c.cy, c.height = mid, size


class _Calls:
    """The PDFium functions called once per character or page object, declared on plain
    addresses (``c_void_p``) rather than pypdfium2's typed pointers: the same functions of
    the same library (pypdfium2 loads it as a CDLL), without making a pointer object for
    every handle passed or returned — a third of the time of these calls, and a page of
    WPS holds a text object per character."""

    _made: _Calls | None = None

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        void, num = ctypes.c_void_p, ctypes.c_int

        def fn(f: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *argtypes)(_address(f))

        self.loose_box = fn(raw.FPDFText_GetLooseCharBox, num, void, num, void)
        self.angle = fn(raw.FPDFText_GetCharAngle, ctypes.c_float, void, num)
        self.count_objects = fn(raw.FPDFPage_CountObjects, num, void)
        self.get_object = fn(raw.FPDFPage_GetObject, void, void, num)
        self.kind = fn(raw.FPDFPageObj_GetType, num, void)
        self.bounds = fn(raw.FPDFPageObj_GetBounds, num, void, void, void, void, void)
        self.segments = fn(raw.FPDFPath_CountSegments, num, void)
        self.draw_mode = fn(raw.FPDFPath_GetDrawMode, num, void, void, void)
        self.matrix = fn(raw.FPDFPageObj_GetMatrix, num, void, void)
        self.segment = fn(raw.FPDFPath_GetPathSegment, void, void, num)
        self.point = fn(raw.FPDFPathSegment_GetPoint, num, void, void, void)
        self.segment_kind = fn(raw.FPDFPathSegment_GetType, num, void)
        self.closes = fn(raw.FPDFPathSegment_GetClose, num, void)
        self.form_count = fn(raw.FPDFFormObj_CountObjects, num, void)
        self.form_object = fn(raw.FPDFFormObj_GetObject, void, void, ctypes.c_ulong)
        self.image, self.path = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH
        self.form = raw.FPDF_PAGEOBJ_FORM
        self.moveto, self.lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO

    @classmethod
    def get(cls) -> _Calls:
        if cls._made is None:
            cls._made = cls()
        return cls._made


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _pages(path: str, doc: Any) -> list[_Page]:
    import pypdfium2.raw as raw

    if len(doc) > MAX_PAGES:
        raise InputError(
            path,
            f"PDF 有 {len(doc)} 页，超过 {MAX_PAGES} 页：不是一份年度报告",
            f"the PDF has {len(doc)} pages, more than {MAX_PAGES}: not one annual report",
        )
    calls = _Calls.get()
    pages: list[_Page] = []
    total = 0
    rect = raw.FS_RECTF()
    box = ctypes.addressof(rect)
    segments = [MAX_SEGMENTS]  # path segments the PDF may still have read
    budget = [MAX_OBJECTS]  # page objects the PDF may still have looked at
    undecodable: set[int] = set()
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        total += max(count, 0)
        if total > MAX_CHARS:
            raise InputError(
                path,
                f"PDF 的文字超过 {MAX_CHARS} 个字符：不是一份年度报告",
                f"the PDF holds more than {MAX_CHARS} characters: not one annual report",
            )
        chars: list[_Char] = []
        if count > 0:
            buf = ctypes.create_string_buffer((count + 1) * 2)
            got = raw.FPDFText_GetText(
                tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
            )
            text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
            if len(text) != count:  # characters beyond the BMP: one by one
                text = "".join(
                    chr(code)
                    if 0 < (code := raw.FPDFText_GetUnicode(tp, i)) < 0x110000
                    else "\ufffd"
                    for i in range(count)
                )
            text = fold_radicals(text)  # 「⼀」 for 「一」 (one for one: the indices hold)
            unmapped = _unmapped(tp, text) if _suspect(text) else frozenset()
            shown = len("".join(text.split()))  # characters other than spaces
            if len(unmapped) >= max(UNDECODABLE[0], UNDECODABLE[1] * shown):
                undecodable.add(index)
                text = ""
            loose_box, add, at = calls.loose_box, chars.append, _address(tp)
            # PDFium's generated characters are spaces and line breaks: skipped here
            for i, ch in enumerate(text):
                if ch in _SKIP or ch.isspace() or "\ud800" <= ch <= "\udfff" or i in unmapped:
                    continue
                loose_box(at, i, box)
                add(_Char(ch, rect.left, height - rect.top, rect.right, height - rect.bottom, i))
            _odd_boxes(tp, chars, height)
        n_objects = max(calls.count_objects(_address(page.raw)), 0)
        rules, images, pictures, drawn = _paths(page.raw, height, n_objects, segments, budget)
        if (
            chars
            and len(chars) < SCAN_TEXT
            and _covered(pictures, width, height)
            and all(c.bottom < 0.12 * height or c.top > 0.88 * height for c in chars)
        ):
            chars = []  # a scanned page with a line of text put in its margin: a scan
        turn = _turned(calls, tp, chars)
        if turn:
            _ink_widths(tp, chars, height, turn)
            width, height = _turn(turn, width, height, chars, rules, pictures)
        pages.append(
            _Page(
                index + 1,
                width,
                height,
                chars,
                rules,
                images,
                drawn=drawn,
                undecodable=index in undecodable,
                pictures=pictures,
            )
        )
        textpage.close()
        page.close()
    return pages


_TURNS = {1: math.pi / 2, 2: math.pi, 3: 3 * math.pi / 2}
"""PDFium's angle of the text on a page turned sideways or upside down (a quarter turn
clockwise each), by how many quarter turns."""


def _turned(calls: _Calls, tp: Any, chars: list[_Char]) -> int:
    """How many quarter turns the page's text is turned (0: upright): a landscape table
    printed sideways on a portrait page. Asked of up to 40 characters spread over the page;
    turned when most of them are."""
    if len(chars) < 10:
        return 0
    step = max(1, len(chars) // 40)
    at = _address(tp)
    sample = [calls.angle(at, c.index) for c in chars[::step] if c.index >= 0]
    for turns, angle in _TURNS.items():
        near = sum(1 for a in sample if abs(a - angle) < 0.1)
        if near >= 0.7 * len(sample):
            return turns
    return 0


def _ink_widths(tp: Any, chars: list[_Char], height: float, turns: int) -> None:
    """On a turned page, PDFium's loose box of a character is as long along the line as it
    is high (a digit as wide as a Chinese character): for a glyph whose ink is much
    shorter along the line (digits, Latin letters, punctuation) the extent along the line
    is its ink's; a Chinese character keeps its box (the gaps between characters stay as
    printed)."""
    import pypdfium2.raw as raw

    along_y = turns != 2  # the line runs up or down the page: along it is the page's y
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for c in chars:
        if c.index < 0 or not raw.FPDFText_GetCharBox(tp, c.index, left, right, bottom, top):
            continue
        if along_y:
            t0, t1 = height - top.value, height - bottom.value
            if 0.1 < t1 - t0 < 0.6 * (c.bottom - c.top):
                c.top, c.bottom = t0, t1
        elif 0.1 < right.value - left.value < 0.6 * (c.x1 - c.x0):
            c.x0, c.x1 = left.value, right.value


def _turn(
    turns: int,
    width: float,
    height: float,
    chars: list[_Char],
    rules: list[_Rule],
    pictures: list[tuple[float, float, float, float]],
) -> tuple[float, float]:
    """Turn a page's characters, rules and pictures upright (their boxes from the top-left
    corner of the upright page); its upright width and height."""
    if turns == 2:

        def at(x: float, t: float) -> tuple[float, float]:
            return width - x, height - t

        size = (width, height)
    elif turns == 3:  # the text runs up the page

        def at(x: float, t: float) -> tuple[float, float]:
            return height - t, x

        size = (height, width)
    else:  # the text runs down the page

        def at(x: float, t: float) -> tuple[float, float]:
            return t, width - x

        size = (height, width)

    def box(x0: float, t0: float, x1: float, t1: float) -> tuple[float, float, float, float]:
        (a, b), (c, d) = at(x0, t0), at(x1, t1)
        return min(a, c), min(b, d), max(a, c), max(b, d)

    for ch in chars:
        ch.x0, ch.top, ch.x1, ch.bottom = box(ch.x0, ch.top, ch.x1, ch.bottom)
        ch.cy, ch.height = (ch.top + ch.bottom) / 2, ch.bottom - ch.top
    heights = sorted(ch.height for ch in chars)
    usual = heights[len(heights) // 2] if heights else 0.0
    for ch in chars:  # a hairline glyph (一) takes the usual height (as _odd_boxes does)
        if ch.height < 0.6 * usual:
            ch.top, ch.bottom, ch.height = ch.cy - usual / 2, ch.cy + usual / 2, usual
    for rule in rules:
        rule.x0, rule.top, rule.x1, rule.bottom = box(rule.x0, rule.top, rule.x1, rule.bottom)
    pictures[:] = [box(*p) for p in pictures]
    return size


def _covered(pictures: list[tuple[float, float, float, float]], w: float, h: float) -> bool:
    """Whether one picture covers half the page or more (a scanned page)."""
    return any((x1 - x0) * (y1 - y0) >= 0.5 * w * h for x0, y0, x1, y1 in pictures)


def _suspect(text: str) -> bool:
    """Whether a page's text may hold glyphs its fonts cannot map to Unicode: characters a
    Chinese report does not print, or, among 50 and more, few Chinese ones."""
    if _SUSPECT.search(text):
        return True
    letters = len(text) - text.count(" ") - text.count("\n") - text.count("\r")
    return letters >= 50 and len(_CJK.findall(text)) < 0.3 * letters


def _unmapped(tp: Any, text: str) -> frozenset[int]:
    """The characters of the page whose glyph PDFium cannot map to Unicode."""
    import pypdfium2.raw as raw

    error = raw.FPDFText_HasUnicodeMapError
    return frozenset(i for i in range(len(text)) if error(tp, i) == 1)


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_FORM_DEPTH = 8
"""Form XObjects inside each other walked for rules and images (a page imported whole as a
form, turned or scaled onto another page, is one; a drawing tool nests a few)."""


def _then(first: _Matrix, second: _Matrix) -> _Matrix:
    """The matrix applying ``first``, then ``second`` (PDF's a b c d e f)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def _box(
    m: _Matrix, x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    """A box (left, bottom, right, top) through a matrix: the box around its corners."""
    if m == _IDENTITY:
        return x0, y0, x1, y1
    corners = ((x0, y0), (x0, y1), (x1, y0), (x1, y1))
    xs = [m[0] * x + m[2] * y + m[4] for x, y in corners]
    ys = [m[1] * x + m[3] * y + m[5] for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


class _Walk:
    """The ruling lines and images of a page's objects, inside form XObjects too (their
    boxes through the forms' matrices). Bounded: ``budget`` objects looked at in the whole
    PDF (MAX_OBJECTS), ``segments`` path segments (MAX_SEGMENTS), forms MAX_FORM_DEPTH deep."""

    def __init__(self, height: float, segments: list[int], budget: list[int]) -> None:
        self.calls = _Calls.get()
        self.height = height
        self.segments = segments
        self.budget = budget
        self.rules: list[_Rule] = []
        self.images = 0
        self.paths = 0
        """Paths the size of a character (no rules): glyphs drawn as outlines, if many."""
        self.pictures: list[tuple[float, float, float, float]] = []
        self._at = [ctypes.c_float() for _ in range(4)]
        self._where = tuple(ctypes.addressof(v) for v in self._at)

    def objects(self, container: int, count: int, get: Any, ctm: _Matrix, depth: int) -> None:
        calls, height = self.calls, self.height
        left, bottom, right, top = self._at
        where = self._where
        kind_of, image, path, form = calls.kind, calls.image, calls.path, calls.form
        wide, tall = PICTURE_MIN
        rules = self.rules
        count = min(count, max(self.budget[0], 0))
        self.budget[0] -= count
        for obj in range(count):
            handle = get(container, obj)
            kind = kind_of(handle)
            if kind == form:
                if depth < MAX_FORM_DEPTH:
                    self._form(handle, ctm, depth)
                continue
            if kind != path and kind != image:
                continue
            if not calls.bounds(handle, *where):
                continue
            x0, low, x1, high = _box(ctm, left.value, bottom.value, right.value, top.value)
            y0, y1 = height - high, height - low
            w, h = x1 - x0, y1 - y0
            if kind == image:
                self.images += 1
                if w >= wide and h >= tall:
                    self.pictures.append((x0, y0, x1, y1))
                continue
            if (w <= _RULE_THICKNESS and h > 3) or (h <= _RULE_THICKNESS and w > 3):
                rules.append(_Rule(x0, y0, x1, y1))
                continue
            if w <= GLYPH_SIZE and h <= GLYPH_SIZE:
                self.paths += 1  # the size of a character: a glyph drawn as an outline?
            if w <= 3 or h <= 3:
                continue
            n = calls.segments(handle)
            if n in (4, 5) and (ctm == _IDENTITY or ctm[1] == ctm[2] == 0 or ctm[0] == ctm[3] == 0):
                fill, stroke = ctypes.c_int(), ctypes.c_int()
                calls.draw_mode(handle, ctypes.addressof(fill), ctypes.addressof(stroke))
                if stroke.value and not fill.value:  # a rectangle drawn as its outline
                    rules.extend(
                        (
                            _Rule(x0, y0, x1, y0),
                            _Rule(x0, y1, x1, y1),
                            _Rule(x0, y0, x0, y1),
                            _Rule(x1, y0, x1, y1),
                        )
                    )
            elif 5 < n <= self.segments[0]:
                self.segments[0] -= n
                rules.extend(_segment_rules(calls, handle, n, height, ctm))

    def _form(self, handle: int, ctm: _Matrix, depth: int) -> None:
        import pypdfium2.raw as raw

        m = raw.FS_MATRIX()
        if not self.calls.matrix(handle, ctypes.addressof(m)):
            return
        inner = _then((m.a, m.b, m.c, m.d, m.e, m.f), ctm)
        count = max(self.calls.form_count(handle), 0)
        self.objects(handle, count, self.calls.form_object, inner, depth + 1)


def _paths(
    page: Any, height: float, count: int, segments: list[int], budget: list[int] | None = None
) -> tuple[list[_Rule], int, list[tuple[float, float, float, float]], int]:
    """The ruling lines among the page's first ``count`` objects (inside form XObjects
    too), how many images, and the boxes of those big enough to hold a table
    (:data:`PICTURE_MIN`), and how many path objects. ``segments``: how many path segments
    may still be read (see MAX_SEGMENTS); ``budget``: how many objects may still be looked
    at (MAX_OBJECTS)."""
    walk = _Walk(height, segments, budget if budget is not None else [MAX_OBJECTS])
    walk.objects(_address(page), count, walk.calls.get_object, _IDENTITY, 0)
    return walk.rules, walk.images, walk.pictures, walk.paths


def _segment_rules(
    calls: _Calls, handle: int, count: int, height: float, ctm: _Matrix = _IDENTITY
) -> list[_Rule]:
    """The rules inside one path of many pieces (a whole table's rules drawn as one path):
    each thin piece (a thin filled rectangle, a short straight stroke) and, where the path
    is stroked, each horizontal or vertical stroke longer than 3 points. Curves are no
    rules."""
    import pypdfium2.raw as raw

    own = raw.FS_MATRIX()
    if not calls.matrix(handle, ctypes.addressof(own)):
        return []
    a, b, c, d, e, f = _then((own.a, own.b, own.c, own.d, own.e, own.f), ctm)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    calls.draw_mode(handle, ctypes.addressof(fill), ctypes.addressof(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
    pieces: list[list[tuple[float, float]]] = []
    curved: set[int] = set()
    for k in range(count):
        seg = calls.segment(handle, k)
        if not seg or not calls.point(seg, at_x, at_y):
            continue
        # the path's own coordinates, through its matrix to the page's (from the top)
        px = a * x.value + c * y.value + e
        py = height - (b * x.value + d * y.value + f)
        kind = calls.segment_kind(seg)
        if kind == calls.moveto or not pieces:
            pieces.append([(px, py)])
        else:
            pieces[-1].append((px, py))
            if kind != calls.lineto:
                curved.add(len(pieces) - 1)
        if calls.closes(seg):
            pieces[-1].append(pieces[-1][0])
    rules: list[_Rule] = []
    for k, points in enumerate(pieces):
        if k in curved or len(points) < 2:
            continue
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = x1 - x0, y1 - y0
        if (w <= _RULE_THICKNESS and h > 3) or (h <= _RULE_THICKNESS and w > 3):
            rules.append(_Rule(x0, y0, x1, y1))
        elif stroke.value:
            for (ax, ay), (bx, by) in pairwise(points):
                if abs(ay - by) <= 0.5 and abs(ax - bx) > 3:
                    rules.append(_Rule(min(ax, bx), ay, max(ax, bx), ay))
                elif abs(ax - bx) <= 0.5 and abs(ay - by) > 3:
                    rules.append(_Rule(ax, min(ay, by), ax, max(ay, by)))
    return rules
