"""The HTML summary as a browser lays it out (issue 22), in headless Chromium at 1400 and
1024 px: the table of files — 首个问题 included — within the window, and a row opened from a
``#open=`` link shown under the table's header, with no blank band above it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from reportcheck.cli import app

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# measures the page once its own script has run, into <pre id=probe> for --dump-dom
_PROBE = """<script>setTimeout(function(){
var t=document.getElementById('t'),th=t.querySelector('th'),row=document.querySelector('tr.file[aria-expanded=true]');
var firsts=[].map.call(document.querySelectorAll('td.first'),function(td){return td.getBoundingClientRect().right;});
var out={width:innerWidth,scrollWidth:document.documentElement.scrollWidth,table:t.getBoundingClientRect().right,
first:Math.max.apply(null,firsts),headTop:th.getBoundingClientRect().top,headBottom:th.getBoundingClientRect().bottom,
scrollY:scrollY,row:row?row.getBoundingClientRect().top:null,
detail:row?!row.nextElementSibling.hidden&&row.nextElementSibling.getBoundingClientRect().height:null};
var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(out);document.body.appendChild(p);},1000);
</script></body>"""


def _measure(page: Path, width: int, fragment: str = "") -> dict[str, float]:
    probed = page.with_name(f"probed-{page.name}")
    probed.write_text(page.read_text("utf-8").replace("</body>", _PROBE), encoding="utf-8")
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},900", "--virtual-time-budget=5000", "--dump-dom",
         probed.as_uri() + fragment],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    found = re.search(r'<pre id="probe">(.*?)</pre>', out)
    assert found, out[-2000:]
    data: dict[str, float] = json.loads(found[1].replace("&quot;", '"'))
    return data


@pytest.fixture(scope="module", params=["zh", "en"])
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    batch = folder / "batch"
    shutil.copytree(EXAMPLES / "invalid", batch / "invalid")
    for p in EXAMPLES.glob("*.*"):
        if p.suffix in (".xlsx", ".json", ".txt"):
            shutil.copy(p, batch / p.name)
    out = folder / "汇总.html"
    res = CliRunner().invoke(
        app, ["validate", str(batch), "-q", "--lang", request.param, "--summary", str(out)]
    )
    assert res.exit_code == 1, res.output
    return out


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("width", [1400, 1024])
def test_the_file_table_fits_the_window(page: Path, width: int) -> None:
    got = _measure(page, width)
    assert got["width"] == width
    assert got["scrollWidth"] <= width  # nothing runs off the right edge
    assert got["table"] <= width
    assert got["first"] <= width  # 首个问题 is on the page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("width", [1400, 1024])
def test_a_row_opened_from_the_address_is_shown_under_the_header(page: Path, width: int) -> None:
    got = _measure(page, width, "#open=20")
    assert got["scrollY"] > 0 and got["detail"]  # scrolled to the row, its findings open
    assert got["headTop"] == 0  # the table's header stays at the top of the window
    # the row follows the header, no blank band between them
    assert got["headBottom"] <= got["row"] <= got["headBottom"] + 40
