"""QA regressions: messy Excel workbooks and JSON submissions as clerks really make them.

Each test fails on the defect it names and passes after its fix. Workbooks are built from
data in tmp_path (tests/xlsx_fixtures.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reportcheck import api
from reportcheck.model.labels import label_key
from reportcheck.model.tables import FORMATS
from xlsx_fixtures import (
    Sheet,
    metadata_sheet,
    sample_values,
    table2,
    table3,
    table4,
    write_openpyxl,
)

EXAMPLE_JSON = Path(__file__).resolve().parents[1] / "examples" / "2021-valid.json"


def _workbook(tmp_path: Path, style=lambda s: s, name: str = "r.xlsx") -> Path:  # type: ignore[no-untyped-def]
    values = sample_values("2021")
    sheet = Sheet("Sheet1")
    row = 1
    for block in (
        table2("2021", values, style=style),
        table3("2021", values, style=style),
        table4(values, style=style),
    ):
        sheet.place(block, row, 1)
        row += block.height + 2
    return write_openpyxl(tmp_path / name, [metadata_sheet(), sheet])


def _findings(path: Path) -> list[tuple[str, str | None, str | None]]:
    result = api.validate_path(str(path))
    return [(f.code, f.table, f.row) for f in result.findings]


# ------------------------------------------------------------------ labels

# Labels as a traditional-character mirror site writes them (typed by hand, not generated
# with the reader's own table), with the simplified label they stand for.
TRADITIONAL = {
    "行政處罰": "行政处罚",
    "本年製發件數": "本年制发件数",
    "2.沒有現成信息需要另行製作": "2.没有现成信息需要另行制作",
    "3.補正後申請內容仍不明確": "3.补正后申请内容仍不明确",
    "四、結轉下年度繼續辦理": "四、结转下年度继续办理",
    "行政訴訟": "行政诉讼",
    "5.要求行政機關確認或重新出具已獲取信息": "5.要求行政机关确认或重新出具已获取信息",
    "行政規範性文件": "行政规范性文件",
    "單位名稱": "单位名称",
    "單位層級": "单位层级",
    "發布時間": "发布时间",
    "一、總體情況": "一、总体情况",
}


@pytest.mark.parametrize(("trad", "simp"), TRADITIONAL.items())
def test_traditional_labels_fold_to_simplified(trad: str, simp: str) -> None:
    assert label_key(trad) == label_key(simp)


@pytest.mark.parametrize(
    "numbered", ["（1）属于国家秘密", "(1)属于国家秘密", "①属于国家秘密", "1)属于国家秘密"]
)
def test_bracketed_and_circled_numbering(numbered: str) -> None:
    assert label_key(numbered) == label_key("1.属于国家秘密")


def test_bracketed_chinese_ordinals_unchanged() -> None:
    assert label_key("（一）予以公开") == "(一)予以公开"
    assert label_key("2024年") == "2024年"


def _renumber(label: str) -> str:
    return re.sub(r"^(\d)\.", r"（\1）", label)


def test_workbook_with_bracketed_sub_row_numbers_is_read(tmp_path: Path) -> None:
    assert _findings(_workbook(tmp_path, _renumber)) == []


_TO_TRAD = str.maketrans(
    "开请数结转处办总计业构务罚没后发复议诉讼维纠审确认获续继补类规范关机",
    "開請數結轉處辦總計業構務罰沒後發復議訴訟維糾審確認獲續繼補類規範關機",
)


def test_workbook_in_traditional_characters_is_read(tmp_path: Path) -> None:
    assert _findings(_workbook(tmp_path, lambda s: s.translate(_TO_TRAD))) == []


def test_every_label_survives_the_traditional_rendering() -> None:
    for fmt in FORMATS.values():
        for table in fmt.tables:
            for row in table.rows:
                for text in (row.label, *(c.label for c in row.columns)):
                    assert label_key(text.translate(_TO_TRAD)) == label_key(text), text


# ------------------------------------------------------------------ JSON and output


def _example_json() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    return doc


def test_json_year_message_shows_chinese_text_unescaped(tmp_path: Path) -> None:
    doc = _example_json()
    doc["report"]["year"] = "2024年"
    path = tmp_path / "y.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    found = [f for f in api.validate_path(str(path)).findings if f.code == "RC002"]
    assert len(found) == 1
    assert "2024年" in found[0].message and "\\u" not in found[0].message
    assert "2024年" in found[0].message_en


def test_concise_names_an_unreadable_file_once(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reportcheck.cli import app

    empty = tmp_path / "空报告.json"
    empty.write_bytes(b"")
    for lang in ("zh", "en"):
        result = CliRunner().invoke(
            app, ["validate", str(empty), "-f", "concise", "--lang", lang], catch_exceptions=False
        )
        assert result.exit_code == 2
        line = result.stdout.splitlines()[0]
        assert line.count(str(empty)) == 1, line


# ------------------------------------------------------------------ --output


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", ["same", "relative", "previous", "directory"])
def test_validate_output_never_overwrites_an_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from typer.testing import CliRunner

    from reportcheck.cli import app

    monkeypatch.chdir(tmp_path)
    report = _workbook(tmp_path, name="年报 2024.xlsx")
    before = _sha(report)
    args = {
        "same": [str(report), "-o", str(report)],
        "relative": [str(report), "-o", "./年报 2024.xlsx"],
        "previous": [str(report), "--previous", str(report), "-o", str(report)],
        "directory": [".", "-o", "年报 2024.xlsx"],
    }[how]
    result = CliRunner().invoke(app, ["validate", *args, "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    assert _sha(report) == before
    assert len(result.stderr.strip().splitlines()) == 1
    assert "年报 2024.xlsx" in result.stderr


def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    from reportcheck.output import write_atomic

    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_write_atomic_writes_into_a_pipe_instead_of_replacing_it(tmp_path: Path) -> None:
    import os
    import stat

    from reportcheck.output import write_atomic

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "report")
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert os.read(reader, 100) == b"report"
    finally:
        os.close(reader)


# ------------------------------------------------------------------ group and sub-row in one cell


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("sep", ["", " ", "\n"])
def test_sub_row_label_written_after_its_group_in_one_cell(version: str, sep: str) -> None:
    from reportcheck.model.rowfinder import match_row

    table = FORMATS[version].table("applications")
    for row in table.rows:
        if row.group and not row.group.startswith("三、"):
            assert match_row(table, [row.group + sep + row.label]) is row, row.label


def test_group_label_alone_is_still_the_2019_row() -> None:
    from reportcheck.model.rowfinder import match_row

    table = FORMATS["2019"].table("applications")
    found = match_row(table, ["（六）其他处理"])
    assert found is not None and found.id == "other"


def test_workbook_with_group_and_sub_row_in_one_cell(tmp_path: Path) -> None:
    """Word paste that lost the merged group cells: 「（三）不予公开 1.属于国家秘密」 per row."""
    import openpyxl

    values = sample_values("2021")
    table = FORMATS["2021"].table("applications")
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["", *[c.label for c in table.rows[0].columns]])
    for row in table.rows:
        label = f"{row.group} {row.label}" if row.group and "、" not in row.group else row.label
        ws.append([label, *[values[(table.id, row.id, c.id)] for c in row.columns]])
    path = tmp_path / "t3.xlsx"
    wb.save(path)
    result = api.validate_path(str(path))
    assert [f.code for f in result.findings if f.table == "applications"] == []


# ------------------------------------------------------------------ JSON keys written as labels


@pytest.mark.parametrize(
    ("table", "row", "label", "meant"),
    [
        ("applications", "granted", "自然人", "natural_person"),
        ("applications", "granted", "法律服务机构", "legal_services"),
        ("applications", "granted", "其他", "other"),
        ("applications", None, "（一）予以公开", "granted"),
        ("applications", None, "3、其他", "other_3"),
        ("proactive_disclosure", "regulations", "本年制发件数", "made"),
    ],
)
def test_unknown_key_written_as_the_printed_label_gets_its_id_suggested(
    tmp_path: Path, table: str, row: str | None, label: str, meant: str
) -> None:
    doc = _example_json()
    obj = doc[table] if row is None else doc[table][row]
    obj[label] = obj.pop(meant)
    path = tmp_path / "k.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    found = [f for f in api.validate_path(str(path)).findings if f.code == "RC001"]
    assert [(f.actual, f.expected) for f in found] == [(label, meant)]


# ------------------------------------------------------------------ values


def test_unicode_minus_sign_reads_as_minus() -> None:
    from reportcheck.model.report import CellState
    from reportcheck.model.tables import ValueKind
    from reportcheck.model.values import parse_text

    cell = parse_text("\u22123", ValueKind.SIGNED_COUNT)
    assert (cell.state, cell.value, cell.raw) == (CellState.NUMBER, -3, "\u22123")
    assert parse_text("\u2212").state is CellState.PLACEHOLDER


def test_title_with_full_width_year_gives_year_and_agency(tmp_path: Path) -> None:
    import openpyxl

    from reportcheck.config import Settings
    from reportcheck.readers.xlsx import read_xlsx

    path = _workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Sheet1"]["H1"] = (
        "示例县测试局２０２４年政府信息公开工作年度报告"  # above 表二, beside nothing
    )
    del wb["基本信息"]
    wb.save(path)
    md = read_xlsx(str(path), path.read_bytes(), Settings()).metadata
    assert (md.year, md.agency) == (2024, "示例县测试局")
    assert md.title == "示例县测试局２０２４年政府信息公开工作年度报告"
