"""Which files a run checks: paths as given, folders walked, globs expanded — and every other
file the walk met listed with the reason it was not checked (never skipped silently).

A folder or glob yields three kinds of file:

- **reports** (:data:`REPORT_SUFFIXES`): read and checked;
- **maybe reports** (:data:`READ_TO_SEE`: ``.xlsm``, ``.shtml``, ``.mht``…): read too, the
  content deciding what they are;
- **everything else** — images, archives, Office lock files (``~$…``), project files
  (README, package.json), other formats: not read, listed with the reason and what to do.

The old office formats are reports: ``.xls`` and ``.et`` (Excel 97–2003 and WPS workbooks)
and ``.ods`` are read natively; ``.doc``, ``.wps`` and ``.odt`` through a LibreOffice
conversion when it is installed (else listed as not checked, with both ways out). What a file
is, is decided by its content: a ``.xls`` that is a web page is read as one.

Hidden files and folders (a name starting with ``.``, as ``.git``) are not walked. A folder
that cannot be read (permissions) is listed as unreadable and the rest is still walked. The
same file named twice (``x.xlsx`` and ``./x.xlsx``) is checked once.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from reportcheck.errors import InputError
from reportcheck.records import record

REPORT_SUFFIXES = (
    ".xlsx", ".json", ".html", ".htm", ".txt", ".md", ".markdown", ".docx", ".csv", ".pdf",
    ".xls", ".et", ".ods", ".doc", ".wps", ".odt",
)  # fmt: skip
"""Suffixes a folder walk checks."""

READ_TO_SEE = (".xlsm", ".shtml", ".mht", ".mhtml")
"""Suffixes a walk reads to see what they hold: a report in a supported format under another
name is checked."""

NOT_REPORTS = re.compile(
    r"^(README|CHANGELOG|CONTRIBUTING|LICENSE|NOTICE)([._-].*)?$"
    r"|^(package(-lock)?|tsconfig.*|composer)\.json$",
    re.IGNORECASE,
)
"""Files that a directory walk does not check: project documentation and tool files, never
reports (the pre-commit hook excludes the same). Named on the command line, they are checked."""

_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".svg"}
_SCANS = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
"""Page images reportcheck reads by text recognition when named (not in a folder walk: a
folder of reports holds logos and photos too, each costing seconds to recognise)."""
_ARCHIVES = {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst"}
_SLIDES = {".ppt", ".pptx", ".dps", ".odp", ".key"}
_OPEN_DOCUMENT = {".rtf": ".docx", ".pages": ".docx"}


def unsupported_reason(name: str) -> tuple[str, str]:
    """Why a walk does not check a file of this name, and what to do (zh, en)."""
    suffix = Path(name).suffix.lower()
    if name.startswith("~$"):
        return (
            "Office 临时文件（原文件正在被 Word/Excel 打开），不是年报",
            "an Office lock file (the document is open in Word/Excel), not a report",
        )
    if NOT_REPORTS.match(name):
        return ("项目说明或工具文件，不是年报", "a project or tool file, not a report")
    if suffix in _SCANS:
        return (
            "图片（扫描件）：目录检查不识别图片；要检查这一页，请在命令行直接指定这个文件"
            '（需要文字识别功能：pip install "reportcheck[ocr]"）',
            "an image (a scan): a folder walk does not recognise images; to check this page, "
            "name the file on the command line (it needs the recognition extra: pip install "
            '"reportcheck[ocr]")',
        )
    if suffix in _IMAGES:
        return (
            "图片（扫描件）无法读出表格：请提供 Excel、Word、网页或文本版本",
            "an image (a scan) has no readable tables: give the Excel, Word, web page or text "
            "version",
        )
    if suffix in _ARCHIVES:
        return (
            "压缩包：请先解压，再检查解压出的文件",
            "an archive: unpack it and check the files inside",
        )
    if suffix in _SLIDES:
        return ("演示文稿，不是年报格式", "a presentation, not a report format")
    if suffix in _OPEN_DOCUMENT:
        to = _OPEN_DOCUMENT[suffix]
        return (
            f"{suffix} 格式不受支持：请另存为 {to}",
            f"the {suffix} format is not supported: save it as {to}",
        )
    supported = "、".join(REPORT_SUFFIXES)
    return (
        f"不是年报文件格式（支持 {supported}）",
        f"not a report file format (supported: {', '.join(REPORT_SUFFIXES)})",
    )


@record()
class Collected:
    """The files to check, in order, and the files met but not checked."""

    files: list[str] = field(default_factory=list)
    """Every path to read, in input order (each file once)."""
    skipped: dict[str, InputError] = field(default_factory=dict)
    """Paths among ``files`` that are not read: not a report format (``unsupported``) or a
    folder that could not be read. They keep their place in ``files``."""
    walked: set[str] = field(default_factory=set)
    """Paths a folder walk or a glob found (not named on the command line)."""
    seen: dict[str, set[str]] = field(default_factory=dict, repr=False)
    """Real paths already added, by folder (the same file named twice is checked once)."""


def _unsupported(path: str) -> InputError:
    zh, en = unsupported_reason(Path(path).name)
    return InputError(path, zh, en, unsupported=True)


def _not_read(path: str) -> InputError | None:
    """None for a file a walk or glob reads; else why it is not read."""
    name = os.path.basename(path)
    suffix = os.path.splitext(name)[1].lower()
    if not name.startswith("~$") and (suffix in REPORT_SUFFIXES or suffix in READ_TO_SEE):
        return None
    return _unsupported(path)


def _broken_link(path: str) -> InputError:
    try:
        os.stat(path)
        reason = "dangling"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    return InputError(
        path,
        f"无法读取：符号链接指向不存在的文件或形成循环（{reason}）",
        f"cannot read: a symbolic link to nothing or in a loop ({reason})",
    )


def _walk(top: str, out: Collected) -> int:
    """Walk ``top``; add what it holds to ``out`` in path order; return how many files it met."""
    found: list[tuple[str, InputError | None]] = []
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # str(Path(dirpath, name)), without pathlib keeping every file name (sys.intern)
        folder = str(Path(dirpath))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = name if folder == "." else os.path.join(folder, name)
            if not os.path.isfile(path):
                if os.path.islink(path) and not os.path.exists(path):
                    # a link to nothing, to itself or in a loop: named, not skipped silently
                    # (unreadable when it has a report's name, else not a report format)
                    found.append((path, _not_read(path) or _broken_link(path)))
                continue
            project_file = NOT_REPORTS.match(name) is not None
            found.append((path, _unsupported(path) if project_file else _not_read(path)))
    for err in errors:  # os.walk reports a folder it cannot list here, and goes on
        where = str(Path(err.filename)) if err.filename else top
        problem = InputError(
            where, f"无法读取目录：{err.strerror}", f"cannot read the folder: {err.strerror}"
        )
        found.append((where, problem))
    for path, skip in sorted(found, key=lambda item: item[0]):
        _add(out, path, skip)
    return len(found)


def _key(path: str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.normpath(path)


def _add(out: Collected, path: str, skip: InputError | None, walked: bool = True) -> None:
    folder, name = os.path.split(_key(path))
    names = out.seen.setdefault(folder, set())  # the folder's name once, not in every key
    if name in names:
        return
    names.add(name)
    out.files.append(path)
    if skip is not None:
        out.skipped[path] = skip
    if walked:
        out.walked.add(path)


def collect(paths: list[str]) -> Collected:
    """Files as given; folders walked; glob patterns expanded (see the module doc).

    Raises :class:`InputError` for a glob that matches nothing or a folder with no files.
    """
    out = Collected()
    for p in paths:
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(expand_glob(p))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                raise InputError(p, "没有匹配的文件", "no files match")
            for m in files:
                _add(out, m, _not_read(m))
        elif os.path.isdir(p):
            if _walk(p, out) == 0:
                raise InputError(p, "目录中没有文件", "no files in this folder")
        else:
            _add(out, p, None, walked=False)
    return out


def expand_glob(pattern: str) -> list[str]:
    """What ``pattern`` matches, as :func:`glob.glob` with ``recursive=True`` — except that
    a ``**`` walk enters each real folder once: a link back up the tree (a loop of
    symbolic links) ends the walk there instead of going round it until names grow too
    long (issue 21: two links to ``..`` took glob minutes and more memory every second)."""
    import glob  # only for a pattern (start-up, issue 13)

    if "**" not in pattern or os.sep != "/":
        return glob.glob(pattern, recursive=True)
    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "")
    rest = parts[fixed:]
    out: list[str] = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root or ".", followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:  # met before by another way (a link): not again
            dirnames[:] = []
            continue
        seen.add(real)
        rel = os.path.relpath(dirpath, root or ".")
        names = [] if rel == "." else rel.split("/")
        for name in (*filenames, *dirnames):
            if _glob_match(rest, [*names, name]):
                out.append(os.path.join(root, *names, name) if root else os.path.join(*names, name))
    return out


def _glob_match(pattern: list[str], names: list[str]) -> bool:
    """Whether the path ``names`` matches the pattern's components (``**``: any number of
    folders); a wildcard does not match a hidden name (``.git``), as in glob."""

    @cache
    def match(i: int, j: int) -> bool:
        if i == len(pattern):
            return j == len(names)
        if pattern[i] == "**":
            return match(i + 1, j) or (
                j < len(names) and not names[j].startswith(".") and match(i, j + 1)
            )
        return (
            j < len(names)
            and fnmatchcase(names[j], pattern[i])
            and (not names[j].startswith(".") or pattern[i].startswith("."))
            and match(i + 1, j + 1)
        )

    return match(0, 0)


def expand_paths(paths: list[str]) -> list[str]:
    """The files a run reads (folders walked, globs expanded), without the ones not checked."""
    got = collect(paths)
    return [p for p in got.files if p not in got.skipped]
