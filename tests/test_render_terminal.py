"""Terminal output (render/terminal.py): snapshots at 80 columns without colour, and checks.

The expected output is stored in tests/snapshots/*.txt. After an intended change of the
output, regenerate them and review the diff::

    REPORTCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_render_terminal.py
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from factories import Submission, sheet_addresses, sheet_layout
from reportcheck import api
from reportcheck.api import FileResult
from reportcheck.cli import app
from reportcheck.errors import InputError
from reportcheck.render import terminal

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("REPORTCHECK_UPDATE_SNAPSHOTS") == "1"
WIDTH = 80


def render(
    results: list[FileResult], lang: str = "zh", color: bool = False, show_info: bool = True
) -> str:
    buf = io.StringIO()
    console = terminal.make_console(file=buf, color=color)
    console.width = WIDTH
    terminal.render(results, console, lang, show_info=show_info)
    return buf.getvalue()


def snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist and was written: review it and run again")
    assert text == path.read_text(encoding="utf-8"), (
        f"terminal output differs from {path.name}; if the change is intended, run "
        "REPORTCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_render_terminal.py"
    )


def result(report: api.Report, path: str) -> FileResult:
    return FileResult(path, report, api.check(report))


def _addend_error(lang_version: str = "2021") -> FileResult:
    """One wrong addend, as if read from a filled-in template: 予以公开·自然人 21 for 20."""
    sub = Submission.valid(lang_version).add("applications", "granted", "natural_person", 1)
    return result(sheet_addresses(sub.report()), "年报表格.xlsx")


def _json_defects() -> FileResult:
    """A 2019 JSON submission: blank result totals, a misspelt key, a 表四 slip."""
    sub = Submission.valid("2019")
    for row in ("granted", "partial", "unable_1"):
        sub.blank("applications", row, "total")
    sub.put(1, "applications", "granted", "natrual_person")
    sub.set("review_litigation", "review", "total", 0)
    return result(sub.report(), "submission-2019.json")


AT = {(r, c): a for (t, r, c), a in sheet_layout("2021").items() if t == "applications"}


# ---------------------------------------------------------------------- snapshots


def test_snapshot_rc300_zh() -> None:
    snapshot("rc300-xlsx-zh", render([_addend_error()]))


def test_snapshot_rc300_en() -> None:
    snapshot("rc300-xlsx-en", render([_addend_error()], "en"))


def test_snapshot_json_pointers_zh() -> None:
    snapshot("json-2019-zh", render([_json_defects()]))


def test_snapshot_several_files_en() -> None:
    clean = result(Submission.valid("2021").report(), "clean.json")
    broken = FileResult(
        "broken.json", error=InputError("broken.json", "JSON 语法错误", "JSON syntax error")
    )
    grand_total = Submission.valid("2021").add("applications", "total", "total", -1)
    snapshot(
        "files-en",
        render([clean, broken, result(sheet_addresses(grand_total.report()), "t.xlsx")], "en"),
    )


def test_snapshot_waived_and_quiet_zh() -> None:
    sub = Submission.valid("2021").blank("applications", "denied_2", "research")
    sub.put([{"code": "RC207", "reason": "空白即 0"}], "waivers")
    sub.add("review_litigation", "litigation_direct", "upheld", 2)
    snapshot("waived-zh", render([result(sub.report(), "w.json")]))


# ---------------------------------------------------------------------- what the output shows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rc300_shows_address_values_addition_and_marked_grid(lang: str) -> None:
    out = render([_addend_error()], lang)
    culprit, bare = AT[("granted", "natural_person")], AT[("granted", "natural_person")][3:]
    head = next(line for line in out.splitlines() if "RC300" in line)
    assert head.rstrip().endswith(culprit)  # the cell's address on the finding's line
    actual, expected, diff = (
        ("实际 21", "应为 20", "差 +1") if lang == "zh" else ("actual 21", "expected 20", "+1")
    )
    assert actual in out and expected in out and diff in out
    # the addition, written out with addresses (sheet named once) and values
    assert f"{bare} 21 + " in out
    assert f"{AT[('granted', 'commercial')][3:]} 3" in out
    assert f"{AT[('granted', 'total')][3:]} 24" in out
    assert "= 25" in out and "= 36" in out
    # the compact grid marks exactly the culprit, in brackets when there is no colour
    assert re.findall(r"\[\d+\]", out) == ["[21]"]


def test_the_culprit_not_the_total_is_marked() -> None:
    out = render([_addend_error()])
    grid_row = next(line for line in out.splitlines() if line.startswith("（一）予以公开"))
    assert "[21]" in grid_row and "[24]" not in grid_row


def test_english_output_is_english() -> None:
    out = render([_addend_error()], "en")
    said = " ".join(out.split())
    assert "1 error, 0 warnings, 0 info in 1 file" in said
    assert "should be 20 (1 too high)" in said
    assert "column natural persons (sheet 表三)" in said
    for zh in ("错误", "应为", "实际", "其余"):
        assert zh not in out


@pytest.mark.parametrize(
    "make", [_addend_error, _json_defects], ids=["xlsx-addresses", "json-pointers"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fits_80_columns_without_trailing_spaces(make: object, lang: str) -> None:
    assert callable(make)
    out = render([make()], lang)
    for line in out.splitlines():
        assert cell_len(line) <= WIDTH, line
        assert line == line.rstrip(), repr(line)


def test_json_pointers_are_not_repeated_in_every_term() -> None:
    out = render([_json_defects()])
    assert "（/applications/granted/…）" in out  # the shared path, once
    assert "自然人 natural_person 20" in out
    assert out.count("/applications/granted/natural_person") == 0


def test_long_pointer_goes_on_its_own_line() -> None:
    out = render([_json_defects()])
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("  RC204") and "部分公开" in line)
    assert lines[i + 1].strip().startswith("/applications/partial/total")


def test_colour_marks_without_brackets() -> None:
    out = render([_addend_error()], color=True)
    assert "\x1b[" in out
    assert "[21]" not in out


def test_quiet_hides_info_findings() -> None:
    sub = Submission.valid("2021").blank("applications", "denied_2", "research")
    res = result(sub.report(), "q.json")
    assert "RC207" in render([res])
    assert "RC207" not in render([res], show_info=False)


def test_unreadable_file_says_why() -> None:
    bad = FileResult("x.json", error=InputError("x.json", "JSON 顶层应为对象", "not an object"))
    assert "x.json: 无法检查: JSON 顶层应为对象" in render([bad])
    assert "x.json: could not be checked: not an object" in render([bad], "en")


# ---------------------------------------------------------------------- through the CLI


def test_cli_output_when_piped(tmp_path: Path) -> None:
    path = (
        Submission.valid("2021").add("applications", "granted", "natural_person", 1).write(tmp_path)
    )
    res = CliRunner().invoke(app, ["validate", str(path), "--lang", "en"])
    assert res.exit_code == 1
    assert "RC300 error" in res.stdout
    assert "/applications/granted/natural_person (line" in res.stdout
    assert re.findall(r"\[\d+\]", res.stdout) == ["[21]"]
    assert "\x1b[" not in res.stdout


def test_cli_clean_file(tmp_path: Path) -> None:
    path = Submission.valid("2019").write(tmp_path)
    res = CliRunner().invoke(app, ["validate", str(path)])
    assert res.exit_code == 0
    assert "未发现问题" in res.stdout


def test_chinese_is_broken_as_chinese_typesetting_does() -> None:
    from reportcheck.render.terminal import line_spans

    text = "0 个错误，1 个警告，0 个提示（2021 版格式，2024 年度，示例县测试局）；自 2021 年度起应使用新格式"
    for width in range(12, 60):
        lines = [text[s:e] for s, e in line_spans(text, width, width)]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines[1:]:
            assert line[0] not in "，。；：、）」", (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in "（「", (width, lines)
            assert not line.rstrip().endswith(("2021", "2024")), (width, lines)  # 2021⏎版


def test_lines_are_cut_from_the_styled_text_with_their_styles() -> None:
    """The terminal cuts all lines of a text in one pass (slicing a rich Text per line was
    quadratic); each piece is the same as the slice it replaces, styles included."""
    from rich.text import Text

    from reportcheck.render.terminal import _cut, line_spans

    text = Text("RC001 错误 ")
    text.append("/applications/" + "新键" * 40, style="bold magenta")
    text.append(" 未知的键，请 检查 拼写。", style="dim")
    for width in (20, 33, 50):
        spans = line_spans(text.plain, width - 4, width)
        assert len(spans) > 2
        pieces = _cut(text, spans)
        assert [(p.plain, p.spans) for p in pieces] == [
            (text[s:e].plain, text[s:e].spans) for s, e in spans
        ]
    assert [p.plain for p in _cut(Text(""), [(0, 0)])] == [""]
