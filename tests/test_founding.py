"""The founding report and our own example in its style give exactly three findings.

``../shared/corpus/000-chongyang-zwfwj-2024.txt``: 表二 is missing (RC101, error), the heading
of section 三 is missing before 表三 (RC111, warning) and section 六 says only 「无。」 with no
statement on 信息处理费 (RC602, warning). Nothing else: its 表三 and 表四 balance, and its prose
figure (31 applications received, answered and closed) agrees with 表三.

``examples/founding-style-2024.txt`` is our own wording in the same layout with the same
three defects. Both are checked through the text reader when it exists, and always through
the shared published-report assembly (Blocks → ``build_report``) that every reader uses.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, requires_shared
from reportcheck import api
from reportcheck.findings import Finding, Severity
from test_rules_sections import report_from_text

FOUNDING = CORPUS / "000-chongyang-zwfwj-2024.txt"
EXAMPLE = EXAMPLES / "founding-style-2024.txt"

EXPECTED = [
    ("RC101", Severity.ERROR, "proactive_disclosure", None),
    ("RC111", Severity.WARNING, None, "3"),
    ("RC602", Severity.WARNING, None, None),
]

requires_text_reader = pytest.mark.skipif(
    importlib.util.find_spec("reportcheck.readers.text") is None,
    reason="the text reader (readers/text.py) is not there yet",
)


def _keys(findings: list[Finding]) -> list[tuple[str, Severity, str | None, str | None]]:
    return sorted((f.code, f.severity, f.table, f.extra.get("section")) for f in findings)


def _assembled(path: Path) -> list[Finding]:
    report = report_from_text(path.read_text(encoding="utf-8"))
    return api.check(report)


@requires_shared
def test_founding_report_assembled_from_blocks() -> None:
    assert _keys(_assembled(FOUNDING)) == EXPECTED


@requires_shared
@requires_text_reader
def test_founding_report_through_the_cli_path() -> None:
    result = api.validate_path(FOUNDING)
    assert result.error is None
    assert _keys(result.findings) == EXPECTED


def test_example_assembled_from_blocks() -> None:
    assert _keys(_assembled(EXAMPLE)) == EXPECTED


@requires_text_reader
def test_example_through_the_cli_path() -> None:
    result = api.validate_path(EXAMPLE)
    assert result.error is None
    assert _keys(result.findings) == EXPECTED


def test_example_is_our_own_wording() -> None:
    """The example shares the layout and the figures, not the prose, of the founding report."""
    if not FOUNDING.is_file():
        pytest.skip("../shared/corpus is not beside the repository")
    ours = EXAMPLE.read_text(encoding="utf-8").split("\n")
    theirs = set(FOUNDING.read_text(encoding="utf-8").split("\n"))
    prose = [line for line in ours if "|" not in line and len(line) > 30]
    assert prose
    assert not [line for line in prose if line in theirs]


def test_fixing_the_example_clears_the_findings() -> None:
    """Each finding goes away with its defect: the checks really look at what they name."""
    text = EXAMPLE.read_text(encoding="utf-8")
    fixed = text.replace("\n(本列数据", "\n三、收到和处理政府信息公开申请情况\n(本列数据", 1)
    fixed = fixed.replace(
        "六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n本年度未收取信息处理费。"
    )
    assert fixed != text
    codes = [f.code for f in api.check(report_from_text(fixed))]
    assert codes == ["RC101"]
