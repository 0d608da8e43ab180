"""The HTML report in a real headless browser (Debian's Chromium, which .ci/run installs).

Chromium loads the page from a file, with the network services it would call
home with switched off.  A copy of the page gets a short script (the report
itself has none) that reads what the browser laid out — the summary table, the
links, the computed style of a deletion — into the DOM, which ``--dump-dom``
prints.  A screenshot and a PDF show the page renders on screen and in print.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import docdiff
from docdiff.render.html import to_html

from .conftest import SEED_ZH, SEEDS


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


CHROMIUM = _find_chromium()
if CHROMIUM is None:
    print("\ntests/test_browser.py: no chromium on PATH nor /usr/bin/chromium; "
          ".ci/run installs Debian's package `chromium` (apt-get install chromium) as root")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium not found (PATH, /usr/bin/chromium): install Debian's package `chromium`, as .ci/run does")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
         "--disable-dev-shm-usage", "--hide-scrollbars"]

PROBE = """
<script>
window.addEventListener("load", () => {
  const rows = [...document.querySelectorAll("table.summary tbody tr")];
  const links = [...document.querySelectorAll("table.summary a[href^='#']")];
  const del = document.querySelector("main del"), ins = document.querySelector("main ins");
  const delStyle = getComputedStyle(del), insStyle = getComputedStyle(ins);
  const sbs = document.querySelector(".sbs"), inline = document.querySelector(".inline.two");
  const before = getComputedStyle(sbs).display;
  document.getElementById("side-by-side").click();
  const result = {
    rows: rows.length,
    rowTexts: rows.map(r => r.innerText),
    links: links.length,
    brokenLinks: links.filter(a => !document.getElementById(a.getAttribute("href").slice(1))).length,
    delText: del.textContent, delDecoration: delStyle.textDecorationLine, delColor: delStyle.color,
    insText: ins.textContent, insColor: insStyle.color,
    summaryVisible: document.querySelector("table.summary").getBoundingClientRect().height > 100,
    sbsBefore: before, sbsAfter: getComputedStyle(sbs).display, inlineAfter: getComputedStyle(inline).display,
    pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
  };
  const out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>
"""


def chromium(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
                              capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    comparison = docdiff.compare(docdiff.load(SEED_ZH), docdiff.load(SEEDS / "sample_2012.zh.txt"))
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(to_html(comparison), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def probe(page) -> dict:
    probed = page.with_name("probed.html")
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = chromium("--window-size=1200,900", "--virtual-time-budget=5000", "--dump-dom", probed.as_uri())
    match = re.search(r'<pre id="probe-result">(.*?)</pre>', result.stdout, re.S)
    assert match, f"no probe result; chromium said: {result.stderr[-2000:]}"
    import html

    return json.loads(html.unescape(match.group(1)))


def test_the_page_renders_the_summary_table(probe):
    assert probe["summaryVisible"]
    # 31 sections (SELA removed, IOM added), the summary and the footnotes, and the headings of parts 二 and 三
    assert probe["rows"] == 35
    assert any("非洲联盟" in row and "7" in row for row in probe["rowTexts"])
    assert any("伊斯兰会议组织" in row and "伊斯兰合作组织" in row for row in probe["rowTexts"])


def test_every_summary_link_leads_to_a_section(probe):
    assert probe["links"] >= 25 and probe["brokenLinks"] == 0


def test_the_redline_is_struck_through_in_red_and_inserted_in_green(probe):
    # the first redline is the summary's: 第六十五届会议 → 第六十七届会议 (make_sample_revision.py)
    assert probe["delText"] == "五" and probe["insText"] == "七"
    assert "line-through" in probe["delDecoration"]
    red, green = _rgb(probe["delColor"]), _rgb(probe["insColor"])
    assert red[0] > red[1] + 60 and red[0] > red[2] + 60
    assert green[1] > green[0] + 40 and green[1] > green[2] + 20


def test_the_side_by_side_switch_works_without_script_of_its_own(probe):
    assert probe["sbsBefore"] == "none"
    assert probe["sbsAfter"] == "grid" and probe["inlineAfter"] == "none"


def test_the_page_fits_the_window(probe):
    assert probe["pageWidth"] <= probe["viewport"]


def test_the_dom_as_loaded_holds_the_summary_and_the_redline(page):
    dom = chromium("--dump-dom", page.as_uri()).stdout
    assert '<table class="summary">' in dom
    assert "<del>16</del><ins>17</ins>" in dom
    assert "<script" not in dom


def test_a_screenshot_shows_something(page, tmp_path):
    shot = tmp_path / "report.png"
    chromium("--window-size=1200,1600", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank page compresses to a few kB


def test_the_page_prints(page, tmp_path):
    pdf = tmp_path / "report.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 3


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", css)[:3])
