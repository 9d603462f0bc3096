"""JUnit XML output, as GitLab (``artifacts:reports:junit``) and Jenkins (``junit``) read it.

``<testsuites>`` holds one ``<testsuite>`` per file; each suite holds one ``<testcase>`` per
rule family (RC0 input, RC1 structure, RC2 values, RC3 arithmetic, …), so a report's page in
GitLab shows which kinds of checks passed. Names do not change with ``--lang``.

- A family with an unwaived finding at or above ``--fail-on`` is a ``<failure>``: its
  ``message`` counts the findings and names the first, its text lists every finding.
- Findings below the threshold and waived findings do not fail the case; they are listed
  in the case's ``<system-out>``.
- A file that could not be read is a single ``<testcase name="read">`` with an ``<error>``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

from reportcheck.findings import Finding, Severity
from reportcheck.render import RenderOptions, with_counts
from reportcheck.render.common import finding_line, relative, summary_line
from reportcheck.results import FileResult
from reportcheck.rules.registry import FAMILIES, all_rules


def families() -> list[str]:
    """Every family that has at least one registered rule, in code order."""
    present = {r.family for r in all_rules()}
    return [f for f in FAMILIES if f in present]


def _family_name(family: str) -> str:
    """The test case's name, ``RC3 arithmetic``: the same under every ``--lang``, so that
    GitLab and Jenkins track one test across runs (messages follow the language)."""
    _zh, en = FAMILIES.get(family, ("", ""))
    return f"{family} {en}" if en else family


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold (control characters) replaced."""
    return _NOT_XML.sub("\ufffd", text)


def _case(
    suite: ET.Element,
    path: str,
    family: str,
    findings: list[Finding],
    threshold: Severity,
    lang: str,
) -> tuple[int, int]:
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": path, "name": _family_name(family), "file": path, "time": "0"},
    )
    failing = [f for f in findings if not f.waived and f.severity.rank >= threshold.rank]
    rest = [f for f in findings if f not in failing]
    if failing:
        first = failing[0]
        n = len(failing)
        message = (
            f"{n} 个问题：{first.code} {first.text('zh')}"
            if lang == "zh"
            else f"{n} finding{'s' * (n != 1)}: {first.code} {first.text('en')}"
        )
        failure = ET.SubElement(case, "failure", {"message": _xml(message), "type": first.code})
        failure.text = _xml("\n".join(finding_line(f, lang) for f in failing) + "\n")
    if rest:
        out = ET.SubElement(case, "system-out")
        out.text = _xml("\n".join(finding_line(f, lang) for f in rest) + "\n")
    return (1 if failing else 0), len(rest)


def document(
    results: Sequence[FileResult],
    lang: str = "zh",
    thresholds: Mapping[str, Severity] | None = None,
) -> ET.Element:
    """The ``<testsuites>`` element.

    ``thresholds`` maps a file's path to its ``fail-on`` severity (default: error).
    """
    fams = families()
    root = ET.Element("testsuites", {"name": "reportcheck"})
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for r in results:
        suite, counts = suite_of(r, lang, thresholds, fams)
        root.append(suite)
        for key, value in counts.items():
            total[key] += value
    for key, value in total.items():
        root.set(key, str(value))
    root.set("time", "0")
    return root


def suite_of(
    r: FileResult,
    lang: str,
    thresholds: Mapping[str, Severity] | None,
    fams: list[str] | None = None,
) -> tuple[ET.Element, dict[str, int]]:
    """One file's ``<testsuite>`` and its counts (tests, failures, errors, skipped)."""
    fams = families() if fams is None else fams
    path = _xml(relative(r.path))
    suite = ET.Element("testsuite", {"name": path, "file": path, "time": "0"})
    tests = failures = errors = skipped = 0
    if r.error is not None:
        case = ET.SubElement(
            suite, "testcase", {"classname": path, "name": "read", "file": path, "time": "0"}
        )
        text = _xml(r.error.text(lang))
        if r.error.unsupported:  # not a report format: listed, not an error of the run
            ET.SubElement(case, "skipped", {"message": text})
            tests, skipped = 1, 1
        else:
            err = ET.SubElement(case, "error", {"message": text, "type": "InputError"})
            err.text = text + "\n"
            tests, errors = 1, 1
    else:
        by_family: dict[str, list[Finding]] = {f: [] for f in fams}
        for f in r.findings:
            by_family.setdefault(f.code[:3], []).append(f)
        for family, found in by_family.items():
            threshold = (thresholds or {}).get(r.path, Severity.ERROR)
            failed, _ = _case(suite, path, family, found, threshold, lang)
            tests += 1
            failures += failed
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    return suite, {"tests": tests, "failures": failures, "errors": errors, "skipped": skipped}


def write(results: Iterable[FileResult], out: IO[str], options: RenderOptions) -> None:
    """The :class:`~reportcheck.render.Renderer` of ``--format junit``: the suites go to a
    temporary file as the files come (the totals head the document), then the whole is
    copied out. Same text as :func:`render`."""
    results, counts = with_counts(results, options)
    lang, thresholds = options.lang, options.thresholds
    fams = families()
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body:
        for r in results:
            suite, c = suite_of(r, lang, thresholds, fams)
            for key, value in c.items():
                total[key] += value
            ET.indent(suite, level=1)
            body.write("\n  " + ET.tostring(suite, encoding="unicode"))
        root = ET.Element("testsuites", {"name": "reportcheck"})
        for key, value in total.items():
            root.set(key, str(value))
        root.set("time", "0")
        head = ET.tostring(root, encoding="unicode")  # <testsuites … />
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + head[: -len(" />")] + ">")
        comment = ET.tostring(
            ET.Comment(" " + summary_line(counts, lang) + " "), encoding="unicode"
        )
        out.write("\n  " + comment)
        body.seek(0)
        shutil.copyfileobj(body, out)
    out.write("\n</testsuites>\n")


def render(
    results: Sequence[FileResult],
    lang: str = "zh",
    thresholds: Mapping[str, Severity] | None = None,
) -> str:
    """The JUnit XML document as text (UTF-8, with an XML declaration)."""
    root = document(results, lang, thresholds)
    root.insert(0, ET.Comment(" " + summary_line(results, lang) + " "))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
