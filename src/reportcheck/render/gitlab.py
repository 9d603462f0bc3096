"""GitLab Code Quality output (``artifacts:reports:codequality``), for the merge request widget.

A JSON array with one issue per finding, with the fields GitLab documents (a subset of the
Code Climate spec):

- ``description``: ``CODE message`` in the output language;
- ``check_name``: the code (``RC301``);
- ``fingerprint``: stable across runs, message wording and language — a hash of the file (relative
  to the project root), the code and the place (table, row and column ids, else the source
  address) and, for the same code at the same place, its rank — so GitLab tells new findings
  from fixed ones;
- ``severity``: ``major`` for an error, ``minor`` for a warning, ``info`` for info;
- ``location.path``: the file relative to the project root (``--project-root``, by default
  the git work tree), forward slashes; ``location.lines.begin``: the line where the input
  has lines, else 1 (a workbook: the cell is named in the description).

Waived findings are left out (the widget has no notion of a dismissed finding); files that
could not be read are one ``blocker`` issue each, so a broken upload is not silently green.
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from reportcheck.baseline import place_key
from reportcheck.findings import Finding, Severity
from reportcheck.render import RenderOptions
from reportcheck.render.common import json_chunk
from reportcheck.render.sarif import project_root
from reportcheck.results import FileResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def repo_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (absolute when outside it)."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def issue(f: Finding, path: str, lang: str, rank: int) -> dict[str, Any]:
    """One Code Quality issue for ``f`` in ``path`` (already relative to the root)."""
    loc = f.location
    text = f.text(lang)
    if loc is not None and not loc.line and loc.address not in text:
        text += f"（{loc.address}）" if lang == "zh" else f" ({loc.address})"
    return {
        "type": "issue",
        "description": f"{f.code} {text}",
        "check_name": f.code,
        "fingerprint": _fingerprint(path, f.code, place_key(f), str(rank)),
        "severity": SEVERITY[f.severity],
        "categories": ["Bug Risk"],
        "location": {"path": path, "lines": {"begin": loc.line if loc and loc.line else 1}},
    }


def document(
    results: Sequence[FileResult], lang: str = "zh", root: str | Path | None = None
) -> list[dict[str, Any]]:
    """The Code Quality report as a list of issues."""
    base = project_root(root)
    return [one for r in results for one in _issues(r, lang, base)]


def _issues(r: FileResult, lang: str, base: Path) -> list[dict[str, Any]]:
    """The issues of one file."""
    path = repo_path(r.path, base)
    if r.error is not None:
        if r.error.unsupported:
            return []
        return [
            {
                "type": "issue",
                "description": r.error.text(lang),
                "check_name": "reportcheck/unreadable",
                "fingerprint": _fingerprint(path, "unreadable"),
                "severity": "blocker",
                "categories": ["Bug Risk"],
                "location": {"path": path, "lines": {"begin": 1}},
            }
        ]
    issues: list[dict[str, Any]] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in r.findings:
        if f.waived:
            continue
        fpath = repo_path(f.file, base) if f.file else path
        key = (fpath, f.code, place_key(f))
        issues.append(issue(f, fpath, lang, seen[key]))
        seen[key] += 1
    return issues


def render(results: Sequence[FileResult], lang: str = "zh", root: str | Path | None = None) -> str:
    """The Code Quality report as JSON text."""
    buf = io.StringIO()
    write(results, buf, RenderOptions(lang, project_root=root))
    return buf.getvalue()


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format gitlab``: :func:`render`,
    written to ``out`` issue by issue as the results come (memory does not grow with the
    batch): the same text as ``json.dumps(document(...), indent=2)``."""
    base = project_root(options.project_root)
    lang = options.lang
    first = True
    for r in results:
        for one in _issues(r, lang, base):
            # an item of a list indented by 2 is the item's own dump, indented once more
            # (JSON strings hold no raw line break)
            text = json_chunk(one, 1)
            out.write(("[\n  " if first else ",\n  ") + text)
            first = False
    out.write("[]\n" if first else "\n]\n")
