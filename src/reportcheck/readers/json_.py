"""Reader for JSON submissions (see docs/json-format.md and schemas/).

Lenient on purpose: a misspelt key, a value of the wrong type or a missing table becomes a
finding with its JSON pointer and line, and the rest of the file is still checked. Only a
file that is not JSON at all, or holds none of the three tables, stops the run (exit 2).
"""

from __future__ import annotations

import contextlib
import difflib
import json
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from reportcheck.errors import InputError
from reportcheck.findings.catalogue import Tr, emit
from reportcheck.model.labels import without_label
from reportcheck.model.report import Location, Metadata, Report, TableData, Waiver
from reportcheck.model.tables import (
    FORMATS,
    TABLE_IDS,
    TableDef,
    formats_cache,
    id_evidence,
    row_key_candidates,
)
from reportcheck.model.values import parse_cell
from reportcheck.model.version import decide, detect
from reportcheck.readers.encoding import decode_utf8

TOP_KEYS = ("$schema", "format_version", "report", *TABLE_IDS, "waivers")
META_KEYS = ("agency", "year", "published", "level", "title")
LEVELS = ("department", "government", "township")


_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")
"""A ``\\ud800``-style escape in the JSON text: it may stand for a lone surrogate."""


def _no_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (``"\\ud800"`` alone, which no
    output can encode) written as the text ``\\ud800`` (:func:`one_line`'s rule, issue 21);
    a proper pair (an emoji) is joined by the decoder already and stays."""
    if isinstance(value, str):
        return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", value)
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def read_json(
    path: str, data: bytes, forced_version: str | None = None, default_version: str | None = None
) -> Report:
    """Read a JSON submission into a :class:`Report`.

    ``default_version`` is used when neither format_version, the keys nor the year decide.
    """
    text = decode_utf8(path, data, "JSON")
    try:
        # NaN / Infinity are not JSON; Python accepts them. Keep them as text (→ RC201)
        # rather than as numbers that no comparison can handle.
        doc = json.loads(text, parse_float=Decimal, parse_int=_int, parse_constant=str)
    except json.JSONDecodeError as exc:
        raise InputError(
            path,
            f"JSON 语法错误，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}",
            f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        ) from None
    except RecursionError:  # the decoder recurses per level: refuse, as for deeper ones
        doc = _TOO_DEEP
    if doc is _TOO_DEEP or _depth(doc) > MAX_DEPTH:
        raise InputError(
            path,
            f"JSON 嵌套超过 {MAX_DEPTH} 层（年报提交文件只有 3–4 层）",
            f"the JSON nests more than {MAX_DEPTH} levels (a submission has 3 or 4)",
        )
    if _SURROGATE_ESCAPE.search(text):
        doc = _no_surrogates(doc)
    return read_document(path, doc, forced_version, default_version, text)


def read_document(
    path: str,
    doc: object,
    forced_version: str | None = None,
    default_version: str | None = None,
    text: str = "",
) -> Report:
    """Read a JSON submission already parsed (``text``, when given, is the JSON it was
    parsed from: findings then name their line). A document built in Python
    (:func:`reportcheck.api.check_submission`) is read here as its JSON file would be."""
    if not isinstance(doc, dict):
        raise InputError(
            path, "JSON 顶层应为对象 {…}", "the top level of the JSON must be an object"
        )
    if not any(k in doc for k in SUBMISSION_KEYS):
        # another program's JSON (values read by hand, a package.json, a list): not a
        # report, listed as not checked like any other file that is not one
        raise InputError(
            path,
            "不是年报提交文件（没有 format_version，也没有任何一张表）",
            "not a report submission (no format_version and none of the tables)",
            unsupported=True,
        )
    if not any(k in doc for k in TABLE_IDS):
        raise InputError(
            path,
            "不是年报提交文件：没有 proactive_disclosure / applications / review_litigation 任何一张表",
            "not a report submission: none of proactive_disclosure, applications, "
            "review_litigation is present",
        )
    reader = _Reader(path, text, doc)
    return reader.read(forced_version, default_version)


SUBMISSION_KEYS = ("format_version", "report", *TABLE_IDS, "waivers")
"""A JSON object with none of these keys is not a submission (another program's file); one
with any of them is a submission, checked, and refused when it is broken."""

MAX_DEPTH = 32
_TOO_DEEP = object()
"""Nesting of arrays and objects (a submission: document → table → row → column)."""


def _int(text: str) -> int | Decimal:
    """A JSON integer; one too long for Python to convert (4,300 digits) as a Decimal,
    which the value reader keeps as text (RC201) like any number of more than 15 digits."""
    return int(text) if len(text) <= 40 else Decimal(text)


def _depth(doc: object) -> int:
    """How deeply ``doc`` nests arrays and objects (iterative: no recursion to run out of)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Iterable[object] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


@formats_cache
def _ids_by_label() -> dict[str, frozenset[str]]:
    """Row and column ids of every format by their label keys (「自然人」 → natural_person)."""
    out: dict[str, set[str]] = {}
    for fmt in FORMATS.values():
        for table in fmt.tables:
            for row in table.rows:
                for k in row.keys:
                    out.setdefault(k, set()).add(row.id)
                for col in row.columns:
                    for k in col.keys:
                        out.setdefault(k, set()).add(col.id)
    return {k: frozenset(v) for k, v in out.items()}


def _label_id(key: str, known: tuple[str, ...] | list[str]) -> list[str]:
    """The id meant by a key written as the printed label, if exactly one fits here."""
    ids = _ids_by_label()
    for cand in row_key_candidates(key):
        fits = [i for i in ids.get(cand, ()) if i in known]
        if len(fits) == 1:
            return fits
    return []


class _Reader:
    def __init__(self, path: str, text: str, doc: dict[str, Any]) -> None:
        self.path = path
        self.doc = doc
        self.duplicates: list[str] = []
        self.lines = pointer_positions(text, self.duplicates)
        self.report = Report(source=path, kind="json")

    def loc(self, pointer: str) -> Location:
        pos = self.lines.get(pointer)
        if pos is None:
            return Location(pointer)
        return Location(pointer, pos[0], pos[1])

    def finding(
        self,
        code: str,
        params: dict[str, object] | None,
        pointer: str,
        variant: str = "default",
        **kw: Any,
    ) -> None:
        fields = {**self.place(pointer), **kw}
        self.report.findings.append(
            emit(code, params, variant=variant, location=self.loc(pointer), **fields)
        )

    def place(self, pointer: str) -> dict[str, Any]:
        """Table / row / column ids of a pointer into a table, as far as they are known ids."""
        parts = pointer.split("/")[1:]
        if not parts or parts[0] not in TABLE_IDS or self.report.format_version is None:
            return {}
        tdef = self.report.table_def(parts[0])
        out: dict[str, Any] = {"table": tdef.id, "table_label": f"{tdef.short} {tdef.title}"}
        if len(parts) > 1 and tdef.has_row(parts[1]):
            rdef = tdef.row(parts[1])
            out.update(row=rdef.id, row_label=rdef.full_label)
            if len(parts) > 2 and any(c.id == parts[2] for c in rdef.columns):
                cdef = rdef.column(parts[2])
                out.update(column=cdef.id, column_label=cdef.label)
        return out

    def unknown(self, obj: dict[str, Any], known: tuple[str, ...] | list[str], base: str) -> None:
        for key in obj:
            if key in known:
                continue
            near = _label_id(key, known) or difflib.get_close_matches(key, list(known), n=1)
            params: dict[str, object] = {"key": key, "base": base or "/"}
            if near:
                params["near"] = near[0]
            self.finding(
                "RC001",
                params,
                f"{base}/{_escape(key)}",
                "suggest" if near else "default",
                actual=key,
                expected=near[0] if near else None,
            )

    def read(self, forced: str | None, default: str | None = None) -> Report:
        doc, rep = self.doc, self.report
        for pointer in dict.fromkeys(self.duplicates):
            key = pointer.rsplit("/", 1)[1]
            self.finding("RC006", {"key": key, "pointer": pointer}, pointer, actual=key)
        self.unknown(doc, TOP_KEYS, "")
        self.read_metadata()
        declared = doc.get("format_version")
        if declared is not None and str(declared) not in FORMATS:
            versions = Tr(" 或 ".join(FORMATS), ", ".join(FORMATS))
            self.finding(
                "RC002",
                {"versions": versions, "declared": declared},
                "/format_version",
                "format_version",
                actual=str(declared),
            )
            declared = None
        rep.version_evidence = self.key_evidence()
        detected = detect(rep.version_evidence)
        rep.detected_version = detected
        version, how = decide(
            detected=detected,
            year=rep.metadata.year,
            forced=forced,
            default=default,
            declared=str(declared) if declared is not None else None,
        )
        rep.format_version = version
        if how in ("year", "default"):
            rep.findings.append(emit("RC004", {"version": version}, variant="json"))
        for tdef in FORMATS[version].tables:
            self.read_table(tdef)
        self.read_waivers()
        return rep

    def key_evidence(self) -> dict[str, list[str]]:
        seen: set[str] = set()
        apps = self.doc.get("applications")
        if isinstance(apps, dict):  # 表三 differs in its rows only
            seen.update(apps)
        proactive = self.doc.get("proactive_disclosure")
        if isinstance(proactive, dict):  # 表二 differs in rows and columns
            seen.update(proactive)
            for row in proactive.values():
                if isinstance(row, dict):
                    seen.update(row)
        # keys that exist in only one version, used when the document does not declare one
        out = {v: sorted(seen & keys) for v, keys in id_evidence().items()}
        return {v: ks for v, ks in out.items() if ks}

    def read_metadata(self) -> None:
        meta = self.doc.get("report")
        if meta is None:
            return
        if not isinstance(meta, dict):
            self.finding("RC002", None, "/report", "report")
            return
        self.unknown(meta, META_KEYS, "/report")
        md = Metadata()
        for key in ("agency", "year", "published", "level"):
            pointer = f"/report/{key}" if key in meta else "/report"
            md.places[key] = self.loc(pointer)
            if key in meta:
                md.raw[key] = str(meta[key])
        for key in ("agency", "title"):
            value = meta.get(key)
            if value is not None and not isinstance(value, str):
                pointer = f"/report/{key}"
                self.finding("RC002", {"pointer": pointer, "type": _type(value)}, pointer, "text")
        agency = meta.get("agency")
        if isinstance(agency, str):
            md.agency = without_label(agency.strip()) or None  # 「名称：X局」 → X局
        title = meta.get("title")
        if isinstance(title, str):
            md.title = title
        year = meta.get("year")
        if year is not None:
            if isinstance(year, int) and not isinstance(year, bool) and 2000 <= year <= 2100:
                md.year = year
            else:
                shown = json.dumps(year, default=str, ensure_ascii=False)
                self.finding("RC002", {"shown": shown}, "/report/year", "year")
        published = meta.get("published")
        if published is not None:
            try:
                if not isinstance(published, str):  # 20250120 as a number is not a date
                    raise ValueError(published)
                md.published = date.fromisoformat(published)
            except ValueError:
                self.finding("RC002", {"published": published}, "/report/published", "published")
        level = meta.get("level")
        if level is not None:
            if level in LEVELS:
                md.level = str(level)
            else:
                levels = Tr(" / ".join(LEVELS), ", ".join(LEVELS))
                self.finding("RC002", {"levels": levels, "level": level}, "/report/level", "level")
        self.report.metadata = md

    def read_table(self, tdef: TableDef) -> None:
        tid = tdef.id
        if tid not in self.doc:
            return
        table = self.doc[tid]
        base = f"/{tid}"
        if not isinstance(table, dict):
            self.finding("RC002", {"table": tid}, base, "table")
            return
        data = TableData(tid, location=self.loc(base))
        self.unknown(table, [r.id for r in tdef.rows], base)
        for r in tdef.rows:
            if r.id not in table:
                continue
            row = table[r.id]
            rbase = f"{base}/{r.id}"
            if not isinstance(row, dict):
                self.finding("RC002", {"pointer": rbase, "type": _type(row)}, rbase)
                continue
            self.unknown(row, [c.id for c in r.columns], rbase)
            for c in r.columns:
                if c.id in row:
                    pointer = f"{rbase}/{c.id}"
                    data.cells[(r.id, c.id)] = parse_cell(row[c.id], c.kind, self.loc(pointer))
        self.report.tables[tid] = data

    def read_waivers(self) -> None:
        waivers = self.doc.get("waivers")
        if waivers is None:
            return
        if not isinstance(waivers, list):
            self.finding("RC002", None, "/waivers", "waivers")
            return
        for i, w in enumerate(waivers):
            pointer = f"/waivers/{i}"
            if (
                not isinstance(w, dict)
                or not isinstance(w.get("code"), str)
                or not _WAIVER_CODE.match(w["code"])
                or not isinstance(w.get("reason"), str)
                or not w["reason"].strip()
                or not isinstance(w.get("location", ""), str | None)
            ):  # as the schema says: a code RC…, a reason in words, a location as text
                self.finding("RC002", {"pointer": pointer}, pointer, "waiver")
                continue
            self.unknown(w, ["code", "reason", "location"], pointer)
            loc = w.get("location")
            self.report.waivers.append(
                Waiver(w["code"].upper(), str(w["reason"]), str(loc) if loc else None)
            )


_WAIVER_CODE = re.compile(r"^[Rr][Cc]\d{3}$")
"""A waiver's code (the schema's pattern): one that cannot name a finding waives nothing."""

_TYPES = {
    list: Tr("数组", "an array"),
    dict: Tr("对象", "an object"),
    str: Tr("字符串", "a string"),
    bool: Tr("布尔值", "a boolean"),
    int: Tr("数字", "a number"),
    Decimal: Tr("数字", "a number"),
}


def _type(value: object) -> Tr:
    """The JSON type of a value, in each language (``not 数组`` leaked into English)."""
    name = type(value).__name__
    return _TYPES.get(type(value), Tr(name, name))


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# ------------------------------------------------------------------ pointer → (line, col)

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity")


def pointer_positions(text: str, duplicates: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Map every JSON pointer of a (valid) document to the 1-based line and column of its value.

    Keys that occur twice in one object are appended to ``duplicates`` (as pointers), and
    the position kept is the last one's — the value that ``json.loads`` keeps.
    """
    out: dict[str, tuple[int, int]] = {}
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos(i: int) -> tuple[int, int]:
        import bisect

        ln = bisect.bisect_right(line_starts, i)
        return ln, i - line_starts[ln - 1] + 1

    def skip(i: int) -> int:
        m = _WS.match(text, i)
        return m.end() if m else i

    def value(i: int, pointer: str) -> int:
        i = skip(i)
        out[pointer] = pos(i)
        ch = text[i]
        if ch == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            keys: set[str] = set()
            while True:
                i = skip(i)
                key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                if key in keys and duplicates is not None:
                    duplicates.append(f"{pointer}/{_escape(key)}")
                keys.add(key)
                i = skip(i)
                i = value(i + 1, f"{pointer}/{_escape(key)}")  # past ':'
                i = skip(i)
                if text[i] == "}":
                    return i + 1
                i += 1  # ','
        if ch == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            n = 0
            while True:
                i = value(i, f"{pointer}/{n}")
                n += 1
                i = skip(i)
                if text[i] == "]":
                    return i + 1
                i += 1
        if ch == '"':
            _, end = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            return int(end)
        m = _SCALAR.match(text, i)
        return m.end() if m else i + 1

    with contextlib.suppress(IndexError, ValueError):  # positions are a convenience
        value(1 if text.startswith("\ufeff") else 0, "")
    return out
