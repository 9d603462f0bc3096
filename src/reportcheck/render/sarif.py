"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run, with every registered rule (its summary and its docstring as help) and one
result per finding:

- ``locations[0].physicalLocation.artifactLocation``: the file as a URI relative to the
  project root (``--project-root``, by default the git work tree around the working
  directory) with ``uriBaseId: PROJECTROOT``, which ``originalUriBaseIds`` resolves — what
  GitHub code scanning needs to put a result on the file in the repository;
- a ``region`` for every result (code scanning drops a result without one): ``startLine``
  and ``startColumn`` where the reader knew the line — JSON submissions and text-like
  reports; columns count Unicode code points — and ``startLine: 1`` where the input has no
  lines (a workbook): the cell is then named in the message and in the logical location;
- ``logicalLocations[0].fullyQualifiedName``: the source address as the terminal shows it —
  ``表三!D29`` for a workbook cell, a JSON pointer, ``line 42``;
- every rule has a ``helpUri``: its section of docs/rules.md (``--docs-url`` gives the base,
  e.g. the page in your copy of the repository; by default the docs/rules.md of the source
  checkout reportcheck runs from, when there is one) and the driver an ``informationUri``;
- waived findings carry a ``suppressions`` entry (``inSource``, the reason as justification);
- files that could not be read become ``toolExecutionNotifications`` of the invocation,
  whose ``executionSuccessful`` is then false.

Checked against the official OASIS schema in ``tests/data/sarif-schema-2.1.0.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from reportcheck import __version__
from reportcheck.errors import one_line
from reportcheck.findings import Finding, Severity
from reportcheck.findings.catalogue.pages import page, page_text
from reportcheck.render import RenderOptions
from reportcheck.render.common import counts, json_chunk, relative, where
from reportcheck.results import FileResult
from reportcheck.rules.registry import FAMILIES, Rule, all_rules

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


ROOT_ID = "PROJECTROOT"
"""The ``uriBaseId`` of artifact URIs (GitHub's upload action resolves it, too)."""


def git_root(start: Path | None = None) -> Path | None:
    """The git work tree around ``start`` (the working directory): the nearest folder with
    a ``.git`` (a directory, or a file in a worktree or submodule). None outside one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def project_root(given: str | Path | None = None) -> Path:
    """``--project-root`` if given, else the git root, else the working directory."""
    if given is not None:
        return Path(given).resolve()
    return git_root() or Path.cwd().resolve()


def artifact_location(path: str, root: Path | None = None) -> dict[str, Any]:
    """An ``artifactLocation``: relative to the project root with ``uriBaseId`` when the
    file is inside it (percent-encoded, as a URI reference must be), else an absolute file
    URI. Without ``root``, relative to the working directory (no base id)."""
    if root is None:
        rel = relative(path)
        if Path(rel).is_absolute():
            return {"uri": Path(rel).as_uri()}
        return {"uri": _quote(rel)}
    absolute = Path(path).resolve()
    try:
        inside = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": _quote(inside.as_posix()), "uriBaseId": ROOT_ID}


def _quote(path: str) -> str:
    """A path as a URI: a file name's bytes that are not UTF-8 (``surrogateescape``) as
    they are on disk (``%FF``); a lone surrogate of another kind escaped as text."""
    try:
        return quote(path, safe="/", errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(one_line(path), safe="/")


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative to the working directory when inside it."""
    return str(artifact_location(path)["uri"])


def docs_url(given: str | None = None) -> str | None:
    """The URL of docs/rules.md that ``helpUri`` points into: ``given`` (``--docs-url``),
    else ``$REPORTCHECK_DOCS_URL``, else the package's ``Documentation`` URL
    (``[project.urls]`` in pyproject.toml, in the installed package's metadata), else the
    file in the source checkout reportcheck runs from, else None (then rules have no
    ``helpUri``; their help text is in the log)."""
    url = given or os.environ.get("REPORTCHECK_DOCS_URL") or project_url("Documentation")
    if url:
        return url.split("#", 1)[0]
    checkout = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
    return checkout.as_uri() if checkout.is_file() else None


def project_url(label: str) -> str | None:
    """The installed package's ``Project-URL`` called ``label`` (``[project.urls]``)."""
    try:
        entries = metadata.metadata("reportcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return None
    for entry in entries:
        name, _, url = str(entry).partition(",")
        if name.strip().lower() == label.lower() and url.strip():
            return url.strip()
    return None


def rule_anchor(r: Rule) -> str:
    """The rule's section in docs/rules.md (``rc301-row-total``, as GitHub makes it)."""
    return f"{r.code.lower()}-{r.name}"


def rule_descriptor(r: Rule, lang: str, docs: str | None = None) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule (``helpUri`` into ``docs`` when given)."""
    help_text = page_text(r.code, lang)
    family = FAMILIES.get(r.family, ("", ""))
    out: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary if lang == "zh" else r.summary_en},
        "fullDescription": {"text": page(r.code).what.text(lang)},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {
            "tags": [r.family, family[1]] if family[1] else [r.family],
            "summary": {"zh": r.summary, "en": r.summary_en},
        },
    }
    if docs:
        out["helpUri"] = f"{docs}#{rule_anchor(r)}"
    return out


def _fingerprint(f: Finding, uri: str) -> str:
    key = "|".join(
        [
            uri,
            f.code,
            f.table or "",
            f.row or "",
            f.column or "",
            f.location.address if f.location else "",
        ]
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def result(
    f: Finding, rule_index: dict[str, int], lang: str, path: str, root: Path | None = None
) -> dict[str, Any]:
    """A ``result`` for one finding in the file ``path``."""
    artifact = artifact_location(f.file or path, root)
    uri = artifact["uri"]
    loc = f.location
    region: dict[str, Any] = {"startLine": 1}  # code scanning needs a region on every result
    if loc is not None and loc.line:
        region = {"startLine": loc.line}
        if loc.column:
            region["startColumn"] = loc.column
    physical: dict[str, Any] = {"artifactLocation": artifact, "region": region}
    location: dict[str, Any] = {"physicalLocation": physical}
    text = f.text(lang)
    if loc is not None and not loc.line and loc.address not in text:
        text += f"（{loc.address}）" if lang == "zh" else f" ({loc.address})"
    if loc is not None:
        location["logicalLocations"] = [
            {"fullyQualifiedName": loc.address, "kind": "element", "name": loc.address}
        ]
    words = where(f, lang)
    if words:
        location["message"] = {"text": words}
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"reportcheck/v1": _fingerprint(f, uri)},
        "properties": _properties(f, lang),
    }
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    if f.waived:
        out["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": f.waived}
        ]
    return out


def _properties(f: Finding, lang: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "messages": {"zh": f.message, "en": f.message_en},
        "severity": f.severity.value,
    }
    for name in ("table", "row", "column", "actual", "expected", "difference"):
        value = getattr(f, name)
        if value is not None:
            props[name] = value
    if f.location is not None:
        props["address"] = f.location.address
    hint = f.hint_text(lang)
    if hint:
        props["hint"] = hint
    if f.checks:
        props["relations"] = [c.formula(lang) for c in f.checks]
    if f.cells:
        props["cells"] = list(f.cells)
    if f.waived:
        props["waived"] = f.waived
    return props


def document(
    results: Sequence[FileResult],
    lang: str = "zh",
    root: str | Path | None = None,
    docs: str | None = None,
) -> dict[str, Any]:
    """The SARIF log as a dict: URIs relative to :func:`project_root` of ``root``, help
    links into :func:`docs_url` of ``docs``."""
    base = project_root(root)
    docs = docs_url(docs)
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "warning" if r.error.unsupported else "error",
            "message": {"text": r.error.text(lang)},
            "locations": [
                {"physicalLocation": {"artifactLocation": artifact_location(r.path, base)}}
            ],
        }
        for r in results
        if r.error is not None
    ]
    failed = any(r.error is not None and not r.error.unsupported for r in results)
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "reportcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "zh-CN" if lang == "zh" else "en-US",
                "rules": [rule_descriptor(r, lang, docs) for r in rules],
                **({"informationUri": docs} if docs else {}),
            }
        },
        "originalUriBaseIds": {ROOT_ID: {"uri": base.as_uri() + "/"}},
        "invocations": [invocation],
        "artifacts": [
            {"location": json.loads(key), "roles": ["analysisTarget"]}
            for key in dict.fromkeys(
                json.dumps(artifact_location(r.path, base), sort_keys=True) for r in results
            )
        ],
        "results": [result(f, index, lang, r.path, base) for r in results for f in r.findings],
        "columnKind": "unicodeCodePoints",
        "properties": {"summary": counts(results)},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(
    results: Sequence[FileResult],
    lang: str = "zh",
    root: str | Path | None = None,
    docs: str | None = None,
) -> str:
    """The SARIF log as text."""
    return json.dumps(document(results, lang, root, docs), ensure_ascii=False, indent=2) + "\n"


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format sarif``: the SARIF log
    streamed to ``out``, one finding at a time — the same log as :func:`document` (the
    run's ``results`` come before its invocation, artifacts and summary, which are only
    known at the end; JSON objects have no order)."""
    lang, root, docs = options.lang, options.project_root, options.docs_url
    base = project_root(root)
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    probe = document([], lang, root, docs)
    run = probe["runs"][0]
    head = {
        "$schema": probe["$schema"],
        "version": probe["version"],
        "runs": [{"tool": run["tool"], "originalUriBaseIds": run["originalUriBaseIds"]}],
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    end = "\n    }\n  ]\n}"
    assert text.endswith(end)
    out.write(text[: -len(end)] + ',\n      "results": [')
    first = True
    notifications: list[dict[str, Any]] = []
    artifacts: dict[str, None] = {}
    failed = False
    tally = dict.fromkeys(
        ("error", "warning", "info", "waived", "unreadable", "unsupported", "unread"), 0
    )
    files = 0
    for r in results:
        files += 1
        artifacts[json.dumps(artifact_location(r.path, base), sort_keys=True)] = None
        for key, value in counts([r]).items():
            if key != "files":
                tally[key] += value
        if r.error is not None:
            failed = failed or not r.error.unsupported
            location = {"artifactLocation": artifact_location(r.path, base)}
            notifications.append(
                {
                    "level": "warning" if r.error.unsupported else "error",
                    "message": {"text": r.error.text(lang)},
                    "locations": [{"physicalLocation": location}],
                }
            )
        for f in r.findings:
            chunk = json_chunk(result(f, index, lang, r.path, base), 4)
            out.write(("\n        " if first else ",\n        ") + chunk)
            first = False
    out.write("]" if first else "\n      ]")
    invocation: dict[str, Any] = {"executionSuccessful": not failed}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    rest = {
        "invocations": [invocation],
        "artifacts": [
            {"location": json.loads(key), "roles": ["analysisTarget"]} for key in artifacts
        ],
        "columnKind": "unicodeCodePoints",
        "properties": {"summary": {**tally, "files": files}},
    }
    body = json_chunk(rest, 2)  # the run's other members, closing the run at its depth
    out.write("," + body[1:] + "\n  ]\n}\n")
