"""A collecting office's January folder, generated: reports of many agencies for two years, as
workbooks, JSON submissions and published text, with the files such a folder really holds —
old .xls, .doc and .wps attachments damaged in transit (an OLE2 header and nothing after it),
a scan, an archive, a Word lock file, a damaged workbook, one report sent twice. Used by the summary tests and by ``benchmarks/bench_batch.py``.

Every figure is made up; nothing is copied from a real report.
"""

from __future__ import annotations

import random
from pathlib import Path

from factories import Submission

BUREAUS = (
    "财政局",
    "教育局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境分局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "城市管理局",
    "信访局",
    "数据局",
)
TOWNS = ("城关镇", "东溪镇", "南岗乡", "西河街道", "北山镇", "青石乡")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024


def agencies(county: str = "示例县") -> list[tuple[str, str]]:
    """(agency, level) of a county: its government, bureaus and townships."""
    out = [(f"{county}人民政府", "government"), (f"{county}人民政府办公室", "department")]
    out += [(f"{county}{b}", "department") for b in BUREAUS]
    out += [(f"{county}{t}人民政府", "township") for t in TOWNS]
    return out


def _submission(agency: str, level: str, year: int, rnd: random.Random) -> Submission:
    sub = Submission.valid(year=year, agency=agency, level=level)
    day = rnd.randint(8, 28)
    sub.put(f"{year + 1}-01-{day:02d}", "report", "published")
    return sub


def _follow(sub: Submission, last: Submission) -> None:
    """Make ``sub`` carry on from last year's ``last``: 上年结转 = last year's 结转下年度, and
    现行有效件数 = last year's + 制发 − 废止 (so that the cross-year checks pass)."""
    from factories import _APPLICATIONS, PARTS, balanced_applications

    parts = {row: dict(cells) for row, cells in _APPLICATIONS.items()}
    forward = last.doc["applications"]["carried_forward"]
    parts["carried_over"] = {c: forward[c] for c in PARTS}
    sub.doc["applications"] = balanced_applications("2021", parts)
    for row in ("regulations", "normative_documents"):
        cells = sub.doc["proactive_disclosure"][row]
        before = last.doc["proactive_disclosure"][row]["in_force"]
        cells["in_force"] = before + cells["made"] - cells["repealed"]


def _spoil(sub: Submission, rnd: random.Random) -> None:
    """One of the mistakes real reports make."""
    kind = rnd.choice(("cell", "cell", "total", "late", "key"))
    if kind == "cell":
        sub.add("applications", "granted", "natural_person", rnd.choice((1, 2, -1)))
    elif kind == "total":
        sub.add("applications", "total", "total", 1)
    elif kind == "late":
        year = sub.doc["report"]["year"]
        sub.put(f"{year + 1}-02-{rnd.randint(3, 27):02d}", "report", "published")
    else:
        sub.doc["备注"] = "无"  # an unknown key: a warning


def _text(agency: str, year: int) -> str:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_text_reader import pipe_tables, report_text

    text = report_text(pipe_tables())
    text = text.replace("2025-01-20", f"{year + 1}-01-20").replace("2025年", f"{year + 1}年")
    return text.replace("示例县测试局", agency).replace("2024年", f"{year}年")


def make_office(folder: Path, files: int = 200, seed: int = 11) -> Path:
    """Write about ``files`` files into ``folder`` (see the module doc); return ``folder``."""
    from reportcheck.api import read_bytes
    from reportcheck.writers.xlsx import write_workbook

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    counties = ["示例县", "样例县", "模拟县", "试点县", "东山县", "西岭县", "南湖县", "北川县"]
    pool = [a for c in counties for a in agencies(c)]
    extras = 10
    made = 0
    n = 0
    while made < files - extras:
        agency, level = pool[n % len(pool)]
        n += 1
        years = [2024] if rnd.random() < 0.7 else [2023, 2024]
        last: Submission | None = None
        for year in years:
            if made >= files - extras:
                break
            sub = _submission(agency, level, year, rnd)
            if last is not None:
                _follow(sub, last)
            last = sub.copy()
            if rnd.random() < 0.3:
                _spoil(sub, rnd)
            stem = f"{year}-{agency}"
            kind = rnd.random()
            if len(years) > 1:  # the text reports' tables do not follow from year to year
                kind *= 0.85
            if kind < 0.62:
                report = read_bytes(f"{stem}.json", sub.data())
                write_workbook(folder / f"{stem}.xlsx", "2021", report)
            elif kind < 0.85:
                sub.write(folder / f"{stem}.json")
            else:
                (folder / f"{stem}.txt").write_text(_text(agency, year), encoding="utf-8")
            made += 1
    # what else arrives in January
    first = pool[0][0]
    Submission.valid(year=2024, agency=first, level="government").write(
        folder / f"2024-{first}（重新报送）.json"
    )
    (folder / "2024-示例县档案馆.xls").write_bytes(OLE)
    (folder / "2024-样例县档案馆.xls").write_bytes(OLE)
    (folder / "2024-示例县气象局.doc").write_bytes(OLE)
    (folder / "2024-模拟县供销社.wps").write_bytes(OLE)
    (folder / "2024-试点县公安局（扫描件）.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (folder / "2024-东山县乡镇报告.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (folder / "~$2024-西岭县教育局.docx").write_bytes(b"\x00" * 162)
    (folder / "2024-南湖县税务局.xlsx").write_bytes(b"PK\x03\x04broken")
    (folder / "填报说明.txt").write_text("请各单位于1月31日前报送。\n", encoding="utf-8")
    return folder
