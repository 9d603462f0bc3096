"""The library API: everything the CLI does, callable from Python.

>>> from reportcheck import api
>>> result = api.validate_path("examples/2021-valid.json")  # doctest: +SKIP
>>> [f.code for f in result.findings]  # doctest: +SKIP
[]
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcheck.config import Settings
from reportcheck.errors import InputError, Refused
from reportcheck.findings import Finding
from reportcheck.findings.catalogue import emit
from reportcheck.model.report import Report
from reportcheck.pairing import pair
from reportcheck.readers.detect import sniff
from reportcheck.results import FileResult as FileResult
from reportcheck.rules.registry import CROSS_YEAR, checks

if TYPE_CHECKING:  # the models import pydantic; checking never does
    from pydantic import BaseModel


def read_bytes(path: str, data: bytes, settings: Settings | None = None) -> Report:
    """Read a report from bytes already loaded (the kind is detected from the content)."""
    try:
        return _read_bytes(path, data, settings)
    except Refused as exc:  # refused where the file's name was not known: name it
        raise InputError(path, exc.problem, exc.problem_en) from None


def _read_bytes(path: str, data: bytes, settings: Settings | None) -> Report:
    settings = settings or Settings()
    kind = sniff(path, data)
    forced = settings.format_version
    # each kind imports its own reader only, when met (tests/test_startup.py: a workbook's
    # run loads no JSON, HTML, Word or PDF reader; the xlsx reader alone is ~25 ms)
    if kind == "json":
        from reportcheck.readers.json_ import read_json

        return read_json(path, data, forced, settings.default_format_version)
    if kind == "xlsx":
        from reportcheck.readers.xlsx import read_xlsx

        report: Report = read_xlsx(path, data, settings)
        return report
    if kind in ("xls", "ods"):
        from reportcheck.readers.calc import read as read_calc

        return read_calc(path, data, kind, settings)
    if kind == "image":  # text recognition (the ocr extra) in a child, as PDFium
        from reportcheck.readers import ocr

        if not ocr.available():
            raise ocr.missing(path)
        return _recognised_images(path, [data], kind, settings)
    if kind in ("doc", "odt", "office"):
        return _read_converted(path, data, kind, settings)
    return _read_published(path, data, kind, settings)


def _read_converted(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    """A Word/WPS/OpenDocument text file read from the copy LibreOffice converts it to
    (:mod:`reportcheck.readers.convert`); the report says so (RC008)."""
    from reportcheck.readers.convert import advice, convert, soffice  # see _read_bytes

    suffix = Path(path).suffix.lower()
    if not settings.convert:
        raise advice(path, kind, "off")
    program = soffice()
    if program is None:
        raise advice(path, kind)
    target = "xlsx" if kind == "office" and suffix in (".et", ".xls") else "docx"
    # within the file's own time (a batch worker past it is killed, and LibreOffice with it
    # would be left behind): stopped here first, its folder removed
    limit = max(1.0, settings.timeout * 0.8)
    converted = convert(path, data, kind, target, program, limit)
    if target == "xlsx":
        from reportcheck.readers.xlsx import read_xlsx  # see _read_bytes

        report = read_xlsx(path, converted, settings)
    else:
        report = _read_published(path, converted, "docx", settings)
    report.kind = suffix[1:] if kind == "office" and suffix[1:].isalnum() else kind
    report.findings.insert(0, emit("RC008", {"target": f".{target}"}))
    return report


def _read_published(path: str, data: bytes, kind: str, settings: Settings) -> Report:
    module = {
        "html": "html",
        "docx": "docx",
        "pdf": "pdf",
        "markdown": "text",
        "text": "text",
        "csv": "csv_",
    }[kind]
    try:
        mod = importlib.import_module(f"reportcheck.readers.{module}")
    except ModuleNotFoundError:
        raise InputError(
            path,
            f"暂不支持读取 {kind} 格式的年报",
            f"reading {kind} reports is not supported yet",
        ) from None
    if kind == "pdf":  # PDFium (C code) in a child under the memory and time limits
        from reportcheck.isolate import call  # PDF only (multiprocessing, resource limits)
        from reportcheck.readers import ocr  # its entry only: the extra loads to recognise

        def recognise(pages: list[Any]) -> Report:
            return ocr.read_scanned_pdf(path, data, kind, settings, pages)

        scans = recognise if ocr.available() else None
        pdf: Report = call(
            path,
            lambda: mod.read(path, data, kind, settings, scans),
            settings.max_memory,
            settings.timeout,
        )
        return pdf
    if kind == "docx":  # pictures of the report's pages pasted into Word: recognised
        from reportcheck.readers import ocr

        def pictures(images: list[bytes]) -> Report:
            return _recognised_images(path, images, kind, settings)

        docx: Report = mod.read(path, data, kind, settings, pictures if ocr.available() else None)
        return _table_pictures(docx, lambda ref: mod.picture_image(path, data, ref), settings)
    report: Report = mod.read(path, data, kind, settings)
    if kind == "html":
        return _table_pictures(report, lambda ref: mod.picture_image(path, ref), settings)
    return report


def _recognised_images(path: str, images: list[bytes], kind: str, settings: Settings) -> Report:
    """Pictures of report pages read by text recognition, in a child under the limits as a
    PDF is (the model and its threads never load in this process: a PDF read after them
    would not have the address space its child is limited to)."""
    from reportcheck.isolate import call
    from reportcheck.readers import ocr

    found: Report = call(
        path,
        lambda: ocr.read_images(path, images, kind, settings),
        settings.max_memory,
        settings.timeout,
    )
    return found


def _table_pictures(
    report: Report, image_of: Callable[[str], bytes | None], settings: Settings
) -> Report:
    """With the recognition extra: the tables missing from a Word file's or web page's text
    that stand where they belong as a picture, recognised from the picture's image (a PDF
    does the same page by page: :func:`reportcheck.readers.pdf.read`)."""
    from reportcheck.model.sections import pictures_in_place
    from reportcheck.readers import ocr

    if not report.pictures or report.recognised or not ocr.available():
        return report
    for picture in pictures_in_place(report):
        if picture.image is None:
            continue
        image = image_of(picture.image)
        if image is None:
            continue
        try:
            found = _recognised_images(report.source, [image], report.kind, settings)
        except InputError:
            continue  # not a picture recognition can read: it stays named (RC003)
        ocr.picture_tables(report, picture, found)
    return report


def read_path(path: str | Path, settings: Settings | None = None) -> Report:
    """Read a report file (never modifies it)."""
    p = str(path)
    return read_bytes(p, read_input(p), settings)


MAX_INPUT = 64 * 1024 * 1024
"""Bytes of an input file (a report is a few hundred KB; a workbook with photos a few MB)."""


def read_input(path: str) -> bytes:
    """The bytes of an input file, or an :class:`InputError` saying in one line why not:
    missing, a directory, not a regular file (a FIFO, a device such as ``/dev/zero``,
    which would block or never end), unreadable, larger than :data:`MAX_INPUT`."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在", "no such file") from None
    except OSError as exc:  # a symlink loop, a name too long, permission denied on a folder
        raise InputError(
            path, f"无法读取：{_reason(exc)}", f"cannot read: {_reason(exc)}"
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "是目录，不是文件", "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            path,
            "不是普通文件（管道、设备或套接字），无法作为年报读取",
            "not a regular file (a pipe, device or socket): it cannot be read as a report",
        )
    if st.st_size > MAX_INPUT:
        raise InputError(path, *too_big(st.st_size))
    try:
        data = Path(path).read_bytes()  # a regular file of a known size: bounded
    except OSError as exc:
        raise InputError(
            path, f"无法读取：{_reason(exc)}", f"cannot read: {_reason(exc)}"
        ) from None
    if len(data) > MAX_INPUT:  # it grew after the size was read
        raise InputError(path, *too_big(len(data)))
    return data


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def too_big(size: int) -> tuple[str, str]:
    """Why an input of ``size`` bytes is refused (over :data:`MAX_INPUT`): Chinese, English."""
    mib = MAX_INPUT // 1_048_576
    return (
        f"文件过大（{size / 1_048_576:.0f} MiB，上限 {mib} MiB），不像年报",
        f"the file is too large ({size / 1_048_576:.0f} MiB, limit {mib} MiB): not a report",
    )


def check(report: Report, settings: Settings | None = None) -> list[Finding]:
    """Run every enabled rule on a report; reader findings included; waivers applied."""
    settings = settings or Settings()
    findings = list(report.findings)
    for run in checks(settings.enabled):
        findings.extend(run(report, settings))
    findings = [f for f in findings if settings.enabled(f.code)]
    findings = [_adjust(f, report, settings) for f in findings]
    findings.sort(key=Finding.sort_key)
    return findings


def check_submission(
    submission: BaseModel,
    settings: Settings | None = None,
    source: str = "<submission>",
) -> list[Finding]:
    """Check a submission built in Python: an instance of
    :class:`~reportcheck.model.submission.Submission2021` (or ``Submission2019``), made with
    its constructor or ``model_validate``.

    It is read as the same document in a JSON file is (the keys it was given, its cells as
    they are: numbers, the report's text, None for a blank), so it gets the same findings,
    named by JSON pointer (without a line); ``source`` names it in them. Its format version
    is the model's.
    """
    dump = getattr(submission, "model_dump", None)
    if dump is None:
        raise TypeError(
            f"check_submission takes a Submission2019 or Submission2021, not "
            f"{type(submission).__name__}"
        )
    doc: dict[str, Any] = dump(by_alias=True, exclude_unset=True)
    doc["format_version"] = getattr(submission, "format_version", doc.get("format_version"))
    settings = settings or Settings()
    from reportcheck.readers.json_ import read_document

    report = read_document(source, doc, settings.format_version, settings.default_format_version)
    return check(report, settings)


def check_cross_year(report: Report, settings: Settings) -> list[Finding]:
    """Only the cross-year rules (RC5xx, and the plausibility checks across years RC70x)
    on a report whose ``previous`` is set, without its reader findings and before waivers
    (:mod:`reportcheck.batch` pairs after checking)."""
    out: list[Finding] = []
    for run in checks(settings.enabled, CROSS_YEAR):
        out.extend(run(report, settings))
    return out


def _adjust(f: Finding, report: Report, settings: Settings) -> Finding:
    if f.code in settings.severity:
        f = replace(f, severity=settings.severity[f.code])
    if f.file is None:
        f = replace(f, file=report.source)
    if report.recognised or report.recognised_pictures:
        f = _recognised(f, report)
    for w in report.waivers:
        if w.code == f.code and (
            w.location is None or (f.location is not None and f.location.address == w.location)
        ):
            return replace(f, waived=w.reason)
    return f


def _recognised(f: Finding, report: Report) -> Finding:
    """A finding on a page read by text recognition says so, with the page's confidence
    (a finding placed nowhere, when every page was recognised)."""
    import re

    pages = report.recognised
    m = re.match(r"(page|picture) (\d+)\b", f.location.address) if f.location else None
    if m is not None:
        conf = (pages if m[1] == "page" else report.recognised_pictures).get(int(m[2]))
    elif f.location is None and report.places and not report.unread_pages:
        conf = min(pages.values()) if len(pages) >= _page_count(report) else None
    else:
        conf = None
    if conf is None or "识别自图像" in f.message:
        return f
    return replace(
        f,
        message=f"{f.message}（识别自图像，置信度 {conf:.2f}）",
        message_en=f"{f.message_en} (recognised from an image, confidence {conf:.2f})",
    )


def _page_count(report: Report) -> int:
    """Pages the report's printed lines stand on."""
    return (report.places[-1][1].page or 0) if report.places else 0


def validate_path(path: str | Path, settings: Settings | None = None) -> FileResult:
    """Read and check one file; an unreadable file gives a result with ``error`` set."""
    try:
        report = read_path(path, settings)
    except InputError as err:
        return FileResult(str(path), error=err)
    return FileResult(str(path), report, check(report, settings))


def validate_paths(
    paths: Iterable[str | Path],
    settings: Settings | Callable[[str], Settings] | None = None,
    previous: str | Path | Report | None = None,
    data: Mapping[str, bytes] | None = None,
) -> list[FileResult]:
    """Read every file, pair each report with last year's, then check them all.

    ``data`` holds inputs already in memory by the name they go by (``validate -`` reads
    standard input under its ``--stdin-filename``): those are read from the bytes, their
    kind detected from the content.

    ``settings`` is one :class:`Settings` for every file, or a function giving each path
    its own (the CLI's configuration per directory). ``previous`` is last year's report
    (a path, or a report already read): it is compared with the reports of the year after
    it. Reports of the same agency and consecutive years among ``paths`` are compared with
    each other (:mod:`reportcheck.pairing`). An unreadable file gives a result with
    ``error`` set and the others are still checked; an unreadable ``previous`` raises
    :class:`InputError`. Results are in the order of ``paths``; the CSV files of one
    workbook export (``年报-表二.csv``, ``年报-表三.csv`` …) are one report, checked once
    under the first of them.
    """

    def settings_for(path: str) -> Settings:
        if callable(settings):
            return settings(path)
        return settings or Settings()

    last: Report | None = None
    if isinstance(previous, Report):
        last = previous
    elif previous is not None:
        last = read_path(previous, settings_for(str(previous)))
    results: list[FileResult] = []
    paths = one_per_export([str(p) for p in paths], set(data or ()))
    given = data or {}
    for path in paths:
        try:
            if path in given:
                report = read_bytes(path, given[path], settings_for(path))
            else:
                report = read_path(path, settings_for(path))
            results.append(FileResult(path, report))
        except InputError as err:
            results.append(FileResult(str(path), error=err))
    pair([r.report for r in results if r.report is not None], last)
    for r in results:
        if r.report is not None:
            r.findings = check(r.report, settings_for(r.path))
    return results


def one_per_export(paths: list[str], in_memory: set[str] | None = None) -> list[str]:
    """``paths`` without the CSV sheets read with an earlier sheet of the same export
    (an input read from memory is one sheet on its own)."""
    if not any(p.lower().endswith(".csv") and p not in (in_memory or ()) for p in paths):
        return paths
    from reportcheck.readers.csv_ import export_group  # CSV inputs only (see _read_bytes)

    seen: set[str] = set()
    out: list[str] = []
    for p in paths:
        if p.lower().endswith(".csv") and p not in (in_memory or ()):
            group = {os.path.normpath(m) for m in export_group(p)}
            if group & seen:
                continue
            seen |= group
        out.append(p)
    return out
