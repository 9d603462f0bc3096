"""Baselines: record today's findings, then report only new ones.

For an office adopting reportcheck on last year's reports: ``validate reports/
--write-baseline known.json`` records every finding of the run; ``validate reports/
--baseline known.json`` then leaves out the findings recorded there and reports only the
others. A finding matches a recorded one by **file, code and place** — not by its message,
its language or the figures in it, so a known defect stays known when a figure near it
changes, and a defect in a new place is new:

- the file, relative to the baseline file's folder (forward slashes);
- the code (``RC301``);
- the place: the table, row and column ids where the finding has them, else the source
  address (``line 42``, a JSON pointer, ``表三!D29``);
- the same code at the same place may be recorded several times: that many are known.

The file is JSON, sorted, one entry per (file, code, place) with its count, so that it can
be reviewed and kept in version control.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.errors import ConfigError
from reportcheck.findings import Finding

if TYPE_CHECKING:  # the API's result type (the baseline sits below the API)
    from reportcheck.results import FileResult

FORMAT = "reportcheck-baseline/1"

Key = tuple[str, str, str]


def place_key(f: Finding) -> str:
    """Where a finding is, as a key that does not change with the message or its language:
    the table, row and column ids where the finding has them, else the source address.
    (Baselines and GitLab fingerprints match findings by file, code and this.)"""
    if f.table or f.row or f.column:
        return "/".join(x or "" for x in (f.table, f.row, f.column))
    return f.location.address if f.location else ""


def _file_key(path: str, folder: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def keys(results: Iterable[FileResult], folder: Path) -> Counter[Key]:
    """How often each (file, code, place) occurs among the unwaived findings."""
    out: Counter[Key] = Counter()
    for r in results:
        for f in r.findings:
            if not f.waived:
                out[(_file_key(f.file or r.path, folder), f.code, place_key(f))] += 1
    return out


def document(path: Path, results: Iterable[FileResult]) -> tuple[str, int]:
    """The baseline of ``results`` to be written at ``path`` (its file names are relative to
    the folder of ``path``), and the number of findings it records."""
    found = keys(results, path.absolute().parent)
    entries = [
        {"file": file, "code": code, "place": place, "count": n}
        for (file, code, place), n in sorted(found.items())
    ]
    doc = {"format": FORMAT, "findings": entries}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", sum(found.values())


def load(path: Path) -> Counter[Key]:
    """The recorded findings of a baseline file (ConfigError, one line, when it is bad)."""
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: 基线文件不存在 / no such baseline file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 / cannot read: {exc.strerror}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{path}: 不是基线文件（JSON 错误）/ not a baseline (JSON: {exc})"
        ) from None
    entries = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(entries, list):
        raise ConfigError(
            f"{path}: 不是 reportcheck 基线文件 / not a reportcheck baseline "
            f'(expected "format": "{FORMAT}" and a list of findings)'
        )
    out: Counter[Key] = Counter()
    for e in entries:
        ok = isinstance(e, dict) and all(
            isinstance(e.get(k), str) for k in ("file", "code", "place")
        )
        count = e.get("count", 1) if isinstance(e, dict) else None
        if not ok or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ConfigError(f"{path}: 基线条目有误 / a bad baseline entry: {e!r}"[:300])
        out[(e["file"], e["code"], e["place"])] += count
    return out


class Known:
    """The findings recorded in a baseline file, to leave out of a run's results."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recorded = load(path)
        self.folder = path.absolute().parent
        self.hidden: Counter[str] = Counter()
        """Findings left out by the last :meth:`filter`, per severity value."""

    def filter(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Each result with the recorded findings left out (in place), as they come."""
        known = Counter(self.recorded)
        self.hidden = Counter()
        for r in results:
            kept: list[Finding] = []
            for f in r.findings:
                key = (_file_key(f.file or r.path, self.folder), f.code, place_key(f))
                if not f.waived and known[key] > 0:
                    known[key] -= 1
                    self.hidden[f.severity.value] += 1
                else:
                    kept.append(f)
            r.findings = kept
            yield r


def apply(path: Path, results: Sequence[FileResult]) -> int:
    """Leave out of ``results`` (in place) the findings recorded in the baseline at
    ``path``; how many were left out."""
    known = Known(path)
    for _ in known.filter(results):
        pass
    return sum(known.hidden.values())
