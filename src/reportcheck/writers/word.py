"""The clerk's own Word document handed back: marked with comments, or corrected with
tracked changes.

``reportcheck validate 年报.docx --annotate 年报-标注.docx`` (:func:`annotate`) writes a copy
of the checked document in which

- the cell a finding names is shaded red (an error), orange (a warning) or blue (info),
  and the cells it was added up with light yellow;
- a Word comment is anchored in each such cell: what it says, what it should be, the
  addition written out with each cell's row, column and value, the suggestion where one is
  certain (several findings on one cell share its comment);
- a finding about the prose is a comment on the sentence it quotes (the whole paragraph
  when the sentence cannot be found in it again);
- one comment on the first paragraph (the title) sums up every finding, with the ones
  that have no place in the document (a missing section, the publication date…).

``reportcheck convert 年报.docx --apply-suggestions -o 年报-改正.docx`` (:func:`corrected`)
writes each certain correction into its cell as a tracked change (``w:del`` of the old
text, ``w:ins`` of the new), so the clerk accepts or rejects each one in Word, WPS or
LibreOffice.

Comments and changes are by 「reportcheck」, dated with the time of the run. The package is
edited, not rebuilt: every part is copied byte for byte except ``word/document.xml`` (parsed
and written back with lxml, which keeps every namespace declaration Word needs), the
comments part, ``[Content_Types].xml`` and the document's relationships, the last three
only when a comments part is added. Cells and paragraphs are found by the Word reader's own
walk (:func:`reportcheck.readers.docx.elements`), so a comment lands on the very cell a
finding names. XML comments in ``document.xml`` (Word never writes any) are dropped.

lxml is imported only here and only when a Word copy is written.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reportcheck.findings import Finding, Severity
from reportcheck.model.location import zh_address
from reportcheck.writers.annotate import (
    _CONTEXT_FILL,
    _FILL,
    _SEV,
    _T,
    _Mark,
    _note,
    _where,
)
from reportcheck.writers.fixes import Change

AUTHOR = "reportcheck"
INITIALS = "RC"

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = {
    False: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    True: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
}
"""The relationship type of the comments part, Transitional and Strict OOXML."""
_DOCUMENT = "word/document.xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"

_CELL = re.compile(r"^table \d+, row \d+, col \d+$")
_PARAGRAPH = re.compile(r"^paragraph \d+$")
_MANY_CELLS = 5
"""A finding with no cell of its own that names more cells than this (RC207's list of
blanks) is said in the summary comment only: a comment in each would bury the margin."""

_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
)  # fmt: skip
"""The order of ``w:tcPr``'s children the schema requires (Word refuses another)."""

_SKIP_TEXT = frozenset(
    {"pPr", "rPr", "delText", "instrText", "del", "moveFrom", "txbxContent", "Fallback",
     "footnoteReference", "endnoteReference", "commentReference"}
)  # fmt: skip
"""Elements of a paragraph whose text the reader does not read (see readers/docx.py)."""

_WORDS = {
    "zh": {
        "head": "reportcheck 检查结果（{date}）：{counts}",
        "counts": "{e} 个错误，{w} 个警告，{i} 个提示",
        "none": "没有发现问题",
        "legend": "标红（错误）、橙色（警告）、蓝色（提示）的单元格和正文句子上有批注，写明现为多少、"
        "应为多少和加法算式；浅黄色的单元格是与它相加的格。",
        "elsewhere": "以下问题没有逐处批注：",
        "all": "各处批注：",
        "waived": "（已豁免：{r}）",
    },
    "en": {
        "head": "reportcheck findings ({date}): {counts}",
        "counts": "{e} error(s), {w} warning(s), {i} info",
        "none": "no problems found",
        "legend": "Cells shaded red (error), orange (warning) or blue (info) and sentences of "
        "the text carry a comment saying what they say, what they should be and the addition "
        "written out; light yellow cells were added up with them.",
        "elsewhere": "Not commented where they are:",
        "all": "Commented in the document:",
        "waived": " (waived: {r})",
    },
}


class WordError(ValueError):
    """The Word copy cannot be written (zh and en message); the input is fine to check."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


# ------------------------------------------------------------------ the package


class _Package:
    """A .docx opened for editing: its members as bytes, ``word/document.xml`` as lxml."""

    def __init__(self, path: str, data: bytes) -> None:
        from lxml import etree  # type: ignore[import-untyped,unused-ignore]

        from reportcheck.readers.container import ZIP_ERRORS, Package

        self.etree = etree
        guarded = Package(path, data, "docx")  # the reader's checks: sizes, bombs, DOCTYPE
        document = guarded.read(_DOCUMENT)
        if document is None:
            raise WordError(
                f"{path}: 不是 Word 文档：缺少 {_DOCUMENT}",
                f"{path}: not a Word document: {_DOCUMENT} is missing",
            )
        self.numbering = guarded.read("word/numbering.xml")
        self.styles = guarded.read("word/styles.xml")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                self.infos = zf.infolist()
                self.members = {i.filename: zf.read(i) for i in self.infos}
        except ZIP_ERRORS as exc:
            raise WordError(f"{path}: 无法读取：{exc}", f"{path}: cannot read: {exc}") from None
        if "[Content_Types].xml" not in self.members:
            raise WordError(
                f"{path}: 无法写出副本：文件缺少 [Content_Types].xml",
                f"{path}: cannot write a copy: [Content_Types].xml is missing",
            )
        self.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True
        )
        self.path = path
        self.root = self.parse(document, _DOCUMENT)
        self.w = self.root.tag.rpartition("}")[0].lstrip("{") or _TRANSITIONAL
        self.strict = self.w != _TRANSITIONAL
        body = self.root.find(self.q("body"))
        from reportcheck.readers.docx import elements

        self.places: dict[str, Any] = (
            elements(body, self.numbering, self.styles) if body is not None else {}
        )
        self.changed: dict[str, bytes] = {}
        self._comments: Any = None
        self._comments_name = ""
        ids = [
            int(v)
            for el in self.root.iter()
            if isinstance(el.tag, str)
            for k, v in el.attrib.items()
            if k == self.q("id") and v.isdigit() and len(v) < 10
        ]
        self.next_id = max(ids, default=0) + 1
        """A ``w:id`` no annotation of the document uses (tracked changes, comments)."""

    def parse(self, data: bytes, part: str) -> Any:
        """A part parsed with lxml (a damaged part: :class:`WordError`)."""
        try:
            return self.etree.fromstring(data, self.parser)
        except self.etree.XMLSyntaxError as exc:
            raise WordError(
                f"{self.path}: 无法写出副本：{part} 已损坏（{exc}）",
                f"{self.path}: cannot write a copy: {part} is damaged ({exc})",
            ) from None

    def q(self, name: str) -> str:
        """``w:name`` in the document's own namespace (Transitional or Strict)."""
        return f"{{{self.w}}}{name}"

    def el(self, name: str, **attrs: str) -> Any:
        e = self.etree.Element(self.q(name))
        for k, v in attrs.items():
            e.set(self.q(k), v)
        return e

    def new_id(self) -> str:
        n = self.next_id
        self.next_id += 1
        return str(n)

    def xml(self, root: Any) -> bytes:
        out: bytes = self.etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        return out

    def save(self) -> bytes:
        """The package with the changed parts, every other member as it was."""
        self.changed[_DOCUMENT] = self.xml(self.root)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            written = set()
            for info in self.infos:
                data = self.changed.get(info.filename, self.members[info.filename])
                copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                out.writestr(copy, data)
                written.add(info.filename)
            for name, data in self.changed.items():
                if name not in written:
                    out.writestr(name, data)
        return buf.getvalue()

    # -------------------------------------------------------------- comments part

    def comments(self) -> Any:
        """The ``w:comments`` root, the part added (with its relationship and content type)
        when the document has none."""
        if self._comments is not None:
            return self._comments
        etree = self.etree
        rels_xml = self.members.get(_DOCUMENT_RELS)
        rels = (
            self.parse(rels_xml, _DOCUMENT_RELS)
            if rels_xml is not None
            else etree.Element(f"{{{_REL}}}Relationships", nsmap={None: _REL})
        )
        name = None
        for rel in rels:
            if rel.get("Type") == _COMMENTS_REL[self.strict] and rel.get("TargetMode") is None:
                name = _resolve("word/", rel.get("Target", ""))
        if name is not None and name in self.members:
            root = self.parse(self.members[name], name)
        else:
            name = "word/comments.xml"
            k = 2
            while name in self.members:
                name = f"word/comments{k}.xml"
                k += 1
            used = {rel.get("Id") for rel in rels}
            rid = next(f"rId{n}" for n in range(len(used) + 1, len(used) + 1000)
                       if f"rId{n}" not in used)  # fmt: skip
            rel = etree.SubElement(rels, f"{{{_REL}}}Relationship")
            rel.set("Id", rid)
            rel.set("Type", _COMMENTS_REL[self.strict])
            rel.set("Target", name.removeprefix("word/"))
            self.changed[_DOCUMENT_RELS] = self.xml(rels)
            types = self.parse(self.members["[Content_Types].xml"], "[Content_Types].xml")
            over = etree.SubElement(types, f"{{{_CT}}}Override")
            over.set("PartName", f"/{name}")
            over.set("ContentType", _COMMENTS_TYPE)
            self.changed["[Content_Types].xml"] = self.xml(types)
            root = etree.Element(self.q("comments"), nsmap={"w": self.w})
        self._comments = root
        self._comments_name = name
        for c in root:
            cid = c.get(self.q("id"), "")
            if cid.isdigit() and len(cid) < 10:
                self.next_id = max(self.next_id, int(cid) + 1)
        return root

    def add_comment(self, text: str, when: str) -> str:
        """A comment of ``text`` (one paragraph a line) by reportcheck; its id."""
        root = self.comments()
        cid = self.new_id()
        c = self.etree.SubElement(root, self.q("comment"))
        for k, v in (("id", cid), ("author", AUTHOR), ("date", when), ("initials", INITIALS)):
            c.set(self.q(k), v)
        for i, line in enumerate(text.split("\n")):
            p = self.etree.SubElement(c, self.q("p"))
            if i == 0:
                ref = self.etree.SubElement(p, self.q("r"))
                self.etree.SubElement(ref, self.q("annotationRef"))
            r = self.etree.SubElement(p, self.q("r"))
            if i == 0:  # the code and severity in bold
                rpr = self.etree.SubElement(r, self.q("rPr"))
                self.etree.SubElement(rpr, self.q("b"))
            t = self.etree.SubElement(r, self.q("t"))
            t.text = line
            t.set(_XML_SPACE, "preserve")
        self.changed[self._comments_name] = self.xml(root)
        return cid

    def drop_own_comments(self) -> None:
        """A marked copy marked again: reportcheck's earlier comments and their anchors go,
        and the cell shading in its colours."""
        rels_xml = self.members.get(_DOCUMENT_RELS)
        if rels_xml is None or AUTHOR.encode() not in b"".join(
            v for k, v in self.members.items() if k.startswith("word/comments")
        ):
            return
        root = self.comments()
        old = {c.get(self.q("id")) for c in root if c.get(self.q("author")) == AUTHOR}
        if not old:
            return
        for c in [c for c in root if c.get(self.q("id")) in old]:
            root.remove(c)
        self.changed[self._comments_name] = self.xml(root)
        for name in ("commentRangeStart", "commentRangeEnd"):
            for e in list(self.root.iter(self.q(name))):
                if e.get(self.q("id")) in old:
                    _remove(e)
        for e in list(self.root.iter(self.q("commentReference"))):
            if e.get(self.q("id")) in old:
                run = e.getparent()
                if run is not None and run.tag == self.q("r"):
                    run.remove(e)
                    if all(c.tag == self.q("rPr") for c in run):
                        _remove(run)
                else:
                    _remove(e)
        # and the shading it gave the cells (a cell fixed since is marked no more)
        ours = {*_FILL.values(), _CONTEXT_FILL}
        for shd in list(self.root.iter(self.q("shd"))):
            parent = shd.getparent()
            fill = (shd.get(self.q("fill")) or "").upper()
            if parent is not None and parent.tag == self.q("tcPr") and fill in ours:
                parent.remove(shd)


def _resolve(base: str, target: str) -> str:
    """A relationship's target as a member name (``comments.xml`` → ``word/comments.xml``)."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (base + target).split("/")
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        elif p and p != ".":
            out.append(p)
    return "/".join(out)


def _remove(e: Any) -> None:
    """Remove ``e`` keeping the text after it (lxml's tail)."""
    parent = e.getparent()
    if parent is None:
        return
    if e.tail:
        prev = e.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + e.tail
        else:
            parent.text = (parent.text or "") + e.tail
    parent.remove(e)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# ------------------------------------------------------------------ anchoring comments


def _shade(pkg: _Package, tc: Any, fill: str) -> None:
    """Shade a cell (``w:shd`` in its ``w:tcPr``, in the place the schema gives it)."""
    tcpr = tc.find(pkg.q("tcPr"))
    if tcpr is None:
        tcpr = pkg.el("tcPr")
        tc.insert(0, tcpr)
    old = tcpr.find(pkg.q("shd"))
    if old is not None:
        tcpr.remove(old)
    shd = pkg.el("shd", val="clear", color="auto", fill=fill)
    rank = _TCPR_ORDER.index("shd")
    at = len(tcpr)
    for i, child in enumerate(tcpr):
        name = _local(child.tag)
        if name in _TCPR_ORDER and _TCPR_ORDER.index(name) > rank:
            at = i
            break
    tcpr.insert(at, shd)


def _reference(pkg: _Package, cid: str) -> Any:
    run = pkg.el("r")
    run.append(pkg.el("commentReference", id=cid))
    return run


def _start_of(pkg: _Package, p: Any) -> int:
    """Where a paragraph's content starts (after its ``w:pPr``)."""
    return 1 if len(p) and p[0].tag == pkg.q("pPr") else 0


def _anchor_paragraphs(pkg: _Package, first: Any, last: Any, cid: str) -> None:
    """The comment ``cid`` on everything from ``first``'s start to ``last``'s end."""
    first.insert(_start_of(pkg, first), pkg.el("commentRangeStart", id=cid))
    last.append(pkg.el("commentRangeEnd", id=cid))
    last.append(_reference(pkg, cid))


_THROUGH = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo"})
"""What the reader looks into for a cell's paragraphs (content controls, insertions)."""
_TEXT = frozenset({"t", "tab", "ptab", "br", "cr", "noBreakHyphen"})
"""A run's children the reader reads as text."""


def _paragraphs(pkg: _Package, el: Any) -> list[Any]:
    """The paragraphs of a cell the reader reads."""
    out: list[Any] = []
    for c in el:
        name = _local(c.tag)
        if name == "p":
            out.append(c)
        elif name in _THROUGH:
            out.extend(_paragraphs(pkg, c))
    return out


def _runs(pkg: _Package, el: Any, out: list[Any]) -> None:
    """The runs of a paragraph whose text the reader reads, in order."""
    for c in el:
        name = _local(c.tag)
        if name == "r":
            if any(_local(g.tag) in _TEXT for g in c):
                out.append(c)
        elif name and name not in _SKIP_TEXT:
            _runs(pkg, c, out)


def _anchor_cell(pkg: _Package, tc: Any, cid: str) -> None:
    paragraphs = _paragraphs(pkg, tc)
    if not paragraphs:
        paragraphs = [pkg.el("p")]
        tc.append(paragraphs[0])
    _anchor_paragraphs(pkg, paragraphs[0], paragraphs[-1], cid)


def _texts(pkg: _Package, el: Any, out: list[Any]) -> None:
    """The ``w:t`` of a paragraph the reader reads, in order."""
    for c in el:
        name = _local(c.tag)
        if name == "t":
            out.append(c)
        elif name and name not in _SKIP_TEXT:
            _texts(pkg, c, out)


def _split(pkg: _Package, t: Any, k: int) -> tuple[Any, Any] | None:
    """Split the run of ``t`` before character ``k`` of ``t``: (left run, right run)."""
    run = t.getparent()
    if run is None or run.tag != pkg.q("r") or run.getparent() is None:
        return None
    text = t.text or ""
    content = [c for c in run if c.tag != pkg.q("rPr")]
    if k <= 0 and content and content[0] is t:
        return (run.getprevious(), run)
    if k >= len(text) and content and content[-1] is t:
        return (run, run.getnext())
    right = pkg.el("r")
    for name, value in run.attrib.items():
        right.set(name, value)
    rpr = run.find(pkg.q("rPr"))
    if rpr is not None:
        right.append(deepcopy(rpr))
    t2 = pkg.el("t")
    t2.text = text[k:]
    t2.set(_XML_SPACE, "preserve")
    t.text = text[:k]
    t.set(_XML_SPACE, "preserve")
    right.append(t2)
    after = False
    for c in list(run):
        if after:
            right.append(c)  # moves it
        elif c is t:
            after = True
    run.addnext(right)
    return (run, right)


def _anchor_sentence(pkg: _Package, paragraphs: list[Any], sentence: str, cid: str) -> bool:
    """The comment ``cid`` on the runs holding the first occurrence of ``sentence`` (the
    reader's text of it, which may run over several paragraphs: spaces, line and paragraph
    ends are ignored in the search); False when it is not found."""
    from reportcheck.rules.sections import fold  # the prose rules' full width → half width

    ts: list[Any] = []
    for p in paragraphs:
        _texts(pkg, p, ts)
    chars = [
        (i, k) for i, t in enumerate(ts) for k, ch in enumerate(t.text or "") if not ch.isspace()
    ]
    text = fold("".join((ts[i].text or "")[k] for i, k in chars))
    wanted = fold("".join(sentence.split()))
    at = text.find(wanted) if wanted else -1
    if at < 0:
        return False
    (i0, k0), (i1, k1) = chars[at], chars[at + len(wanted) - 1]
    end = _split(pkg, ts[i1], k1 + 1)  # the end first: the start's offsets stay right
    begin = _split(pkg, ts[i0], k0) if end is not None else None
    if begin is None or begin[1] is None:
        return False
    first = begin[1]
    # the sentence ends in the run the start split off when it starts in the same w:t,
    # else in the run that now holds the end's w:t
    last = begin[1] if i0 == i1 else ts[i1].getparent()
    first.addprevious(pkg.el("commentRangeStart", id=cid))
    last.addnext(pkg.el("commentRangeEnd", id=cid))
    ref = _reference(pkg, cid)
    if last.getparent().tag == pkg.q("p"):
        last.getnext().addnext(ref)
    else:  # a run inside a hyperlink or a tracked insertion: the reference ends its paragraph
        p = last.getparent()
        while p is not None and p.tag != pkg.q("p"):
            p = p.getparent()
        if p is None:
            return False
        p.append(ref)
    return True


def _find_sentence(pkg: _Package, paragraph: str, sentence: str, cid: str) -> bool:
    """The comment on ``sentence`` in ``paragraph`` or after it: a prose finding in a Word
    report is placed at its section's heading, and a sentence may run over several
    paragraphs (a text pasted with its line breaks)."""
    n = int(paragraph.rsplit(" ", 1)[1])
    following = []
    while (p := pkg.places.get(f"paragraph {n}")) is not None:
        following.append(p)
        n += 1
    return _anchor_sentence(pkg, following, sentence, cid)


# ------------------------------------------------------------------ the marks


@dataclass
class _Text:
    """A comment on a paragraph's sentence (or the whole paragraph)."""

    paragraph: str
    sentence: str
    notes: list[str] = field(default_factory=list)


def _short(address: str | None, lang: str) -> str | None:
    """``table 2, row 6, col 10`` → ``第 6 行第 10 列`` (the comment is in that table)."""
    if address is None:
        return None
    rest = (
        address.split(", ", 1)[1] if address.startswith("table ") and ", " in address else address
    )
    return zh_address(rest) if lang == "zh" else rest


def _counts(findings: Sequence[Finding], lang: str) -> str:
    live = [f for f in findings if not f.waived]
    if not live:
        return _WORDS[lang]["none"]
    n = {s: sum(1 for f in live if f.severity is s) for s in Severity}
    return _WORDS[lang]["counts"].format(
        e=n[Severity.ERROR], w=n[Severity.WARNING], i=n[Severity.INFO]
    )


def _line(f: Finding, lang: str) -> str:
    """One finding in the summary: ``RC300 错误 表三 （一）予以公开 自然人：…``."""
    where = _where(f, lang)
    text = f"{f.code} {_SEV[lang][f.severity]}"
    if where:
        text += f" {where}"
    text += ("：" if lang == "zh" else ": ") + f.text(lang)
    if f.suggestion is not None:
        text += ("，" if lang == "zh" else "; ") + _T[lang]["suggest"].format(v=f.suggestion)
    if f.waived:
        text += _WORDS[lang]["waived"].format(r=f.waived)
    return text


def annotate(path: str, data: bytes, findings: Iterable[Finding], lang: str = "zh") -> bytes:
    """The marked copy of the Word document ``data`` (the file ``path``) as bytes: the
    findings' addresses are the Word reader's, found again by its walk."""
    findings = list(findings)
    pkg = _Package(path, data)
    pkg.drop_own_comments()
    when = datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    places = pkg.places
    cells: dict[str, _Mark] = {}
    texts: dict[tuple[str, str], _Text] = {}
    unplaced: list[Finding] = []

    def is_cell(address: str | None) -> bool:
        return address is not None and address in places and _CELL.match(address) is not None

    for f in findings:
        if f.waived:
            continue
        own = f.location.address if f.location else None
        note = _note(f, lang, place=lambda a: _short(a, lang))
        related = list(
            dict.fromkeys(
                a
                for a in (*f.cells, *(t.location for c in f.checks for t in (*c.lhs, *c.rhs)))
                if a is not None and is_cell(a) and a != own
            )
        )
        if is_cell(own):
            assert own is not None
            subjects, context = [own], related
        elif own is not None and own in places and _PARAGRAPH.match(own):
            sentence = f.extra.get("sentence", "")
            texts.setdefault((own, sentence), _Text(own, sentence)).notes.append(note)
            subjects, context = [], related
        elif related and len(related) <= _MANY_CELLS:
            subjects, context = related, []
        else:
            unplaced.append(f)
            continue
        for a in subjects:
            m = cells.setdefault(a, _Mark())
            if m.severity is None or f.severity.rank > m.severity.rank:
                m.severity = f.severity
            if note not in m.notes:
                m.notes.append(note)
        for a in context:
            cells.setdefault(a, _Mark())
    for address, m in cells.items():
        tc = places[address]
        _shade(pkg, tc, _FILL[m.severity] if m.severity else _CONTEXT_FILL)
        if m.severity is not None:
            _anchor_cell(pkg, tc, pkg.add_comment("\n\n".join(m.notes), when))
    for t in texts.values():
        cid = pkg.add_comment("\n\n".join(t.notes), when)
        if not (t.sentence and _find_sentence(pkg, t.paragraph, t.sentence, cid)):
            p = places[t.paragraph]
            _anchor_paragraphs(pkg, p, p, cid)
    _summary(pkg, findings, unplaced, lang, when)
    return pkg.save()


def _summary(
    pkg: _Package, findings: list[Finding], unplaced: list[Finding], lang: str, when: str
) -> None:
    """One comment on the title (the first paragraph) summing up every finding."""
    words = _WORDS[lang]
    lines = [words["head"].format(date=when[:10], counts=_counts(findings, lang))]
    if findings:
        lines.append(words["legend"])
    if unplaced:
        lines += ["", words["elsewhere"], *(_line(f, lang) for f in unplaced)]
    placed = [f for f in findings if f not in unplaced]
    if placed:
        lines += ["", words["all"], *(_line(f, lang) for f in placed)]
    title = pkg.places.get("paragraph 1")
    if title is None:
        body = pkg.root.find(pkg.q("body"))
        title = body.find(pkg.q("p")) if body is not None else None
        if title is None:  # a document of tables only: a paragraph for the comment
            title = pkg.el("p")
            if body is None:
                return
            body.insert(0, title)
    _anchor_paragraphs(pkg, title, title, pkg.add_comment("\n".join(lines), when))


# ------------------------------------------------------------------ tracked changes


def corrected(path: str, data: bytes, changes: Iterable[Change]) -> tuple[bytes, int]:
    """The Word document with each change written into its cell as a tracked change by
    reportcheck: the old text deleted (``w:del``), the new inserted (``w:ins``). Also how
    many changes were written (a change whose cell is not found is left out)."""
    pkg = _Package(path, data)
    when = datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    done = 0
    for c in changes:
        tc = pkg.places.get(c.address) if c.address else None
        if tc is None or not _CELL.match(c.address or ""):
            continue
        _track(pkg, tc, c.after, when)
        done += 1
    return pkg.save(), done


def _track(pkg: _Package, tc: Any, text: str, when: str) -> None:
    """Replace the text of a cell by ``text`` as tracked changes: each run of text the
    reader reads deleted where it is (in a hyperlink, a content control or someone's own
    insertion too), the new text inserted after the first deletion with its formatting."""
    paragraphs = _paragraphs(pkg, tc)
    if not paragraphs:
        paragraphs = [pkg.el("p")]
        tc.append(paragraphs[0])
    runs: list[Any] = []
    for p in paragraphs:
        _runs(pkg, p, runs)
    style = runs[0].find(pkg.q("rPr")) if runs else None
    first: Any = None  # the deletion the insertion follows
    group: Any = None
    for run in runs:
        if group is None or run.getprevious() is not group:
            group = pkg.el("del", id=pkg.new_id(), author=AUTHOR, date=when)
            run.addprevious(group)
            first = first if first is not None else group
        group.append(run)  # moves the run into the deletion
        for t in run.iter(pkg.q("t")):
            t.tag = pkg.q("delText")
            t.set(_XML_SPACE, "preserve")
    ins = pkg.el("ins", id=pkg.new_id(), author=AUTHOR, date=when)
    run = pkg.el("r")
    if style is not None:
        run.append(deepcopy(style))
    t = pkg.el("t")
    t.text = text
    run.append(t)
    ins.append(run)
    if first is not None:
        first.addnext(ins)
    else:
        paragraphs[0].append(ins)
