"""Time until each page has finished rendering in headless Chromium, against an empty
Streamlit page served the same way in the same run (the framework floor), load by load."""

from __future__ import annotations

import contextlib
import os
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.browser import READY, browser_page, goto, serve_process, serve_script
from thidua.formatting import number

PAGES = {
    "Tổng quan": "/",
    "Xếp hạng khối thi đua": "/xep-hang-khoi",
    "Cơ cấu khen thưởng": "/co-cau",
    "Lãnh đạo và NLĐ trực tiếp": "/lanh-dao-nld",
    "Phong trào thi đua": "/phong-trao",
    "Hồ sơ đề nghị": "/ho-so",
    "Tra cứu": "/tra-cuu",
    "Trình chiếu": "/trinh-chieu",
}
# Finished: the script has run, no skeleton is left, and every Plotly chart has drawn its SVG.
RENDERED = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelectorAll('[data-testid=stSkeleton]').length) return false;
  const charts = document.querySelectorAll('[data-testid=stPlotlyChart]');
  const drawn = document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg');
  return drawn.length >= charts.length;
}"""


def load_time(page: Any, url: str) -> float:
    """From navigation start until the page is finished."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    page.wait_for_function(RENDERED, timeout=120_000, polling=20)
    return time.perf_counter() - start


@contextlib.contextmanager
def floor_server(script: str = "empty_app.py") -> Iterator[str]:
    app = str(Path(__file__).with_name(script))
    with serve_script(["-m", "streamlit", "run", app], dict(os.environ)) as (url, _):
        yield url


# Loads of each page, each paired with a load of the empty page just before it: on a 2-core
# machine the empty page alone moves between 0,3 and 1,1 s from minute to minute, so a
# ratio is only fair between loads made side by side. The median pair is reported. Of 9
# pairs the median still moved by ±0,1 between runs minutes apart (the leaders page: 1,12
# in one, 1,34 in the next, same code); 21 pairs halve that.
PAIRS = 21


def paired(page: Any, floor_url: str, url: str) -> tuple[float, list[float], float, float]:
    """(median seconds of the page, the floor's loads beside it, median ratio, the fastest
    page load over the fastest floor load)."""
    for address in (floor_url, url):  # a first visit of each fills its caches; not counted
        load_time(page, address)
    floors, pages, ratios = [], [], []
    for _ in range(PAIRS):
        floor = load_time(page, floor_url)
        seconds = load_time(page, url)
        floors.append(floor)
        pages.append(seconds)
        ratios.append(seconds / floor)
    return statistics.median(pages), floors, statistics.median(ratios), min(pages) / min(floors)


SKELETON = "nav_chart_app.py"
# The same skeleton in the dashboard's page shell (ui.page_shell): `bench pages --in-shell`
# measures the pages against it, so what the shell gives every page is not counted in
# their favour.
SKELETON_IN_SHELL = "nav_chart_shell.py"


def page_rows(master: Path, rows: int, skeleton: str = SKELETON) -> list[tuple[str, float, str]]:
    from tests.browser import ensure_accounts

    ensure_accounts(master)
    out: list[tuple[str, float, str]] = []
    every_floor: list[float] = []
    with contextlib.ExitStack() as stack:
        floor_url = stack.enter_context(floor_server("empty_app.py"))
        page = stack.enter_context(browser_page(1920, 1080))
        # What the framework costs with Plotly on the page at all (one three-bar chart), with
        # two widgets (a text box, a sidebar button), whose scripts load lazily too, and with
        # the skeleton of any dashboard page (a menu of pages in the sidebar, one chart).
        for script, name in (
            ("one_chart_app.py", "Trang Streamlit chỉ có một biểu đồ Plotly nhỏ"),
            ("widgets_app.py", "Trang Streamlit chỉ có một ô nhập và một nút"),
            (SKELETON, "Trang Streamlit chỉ có menu 7 trang ở thanh bên và một biểu đồ nhỏ"),
            (SKELETON_IN_SHELL, "Trang trên, trong vỏ trang của bảng điều khiển (ui.page_shell)"),
        ):
            with floor_server(script) as url:
                seconds, floors, ratio, best = paired(page, floor_url, url)
            every_floor += floors
            out.append((name, seconds, _beside(ratio, best, floors)))
        # Each page against the skeleton of any dashboard page, served the same way and
        # loaded just before it: a menu of pages and one small Plotly chart (issue 21's floor;
        # a page's budget is 1,25× it). Its ratio to the empty page is said beside.
        skeleton_url = stack.enter_context(floor_server(skeleton))
        against = "khung trong vỏ trang" if skeleton == SKELETON_IN_SHELL else "khung có menu"
        url, process = stack.enter_context(serve_process(master))
        goto(page, url, "lanhdao")  # signs in once; the cookie keeps the session for the rest
        for name, path in PAGES.items():
            seconds, skeletons, ratio, best = paired(page, skeleton_url, url + path)
            out.append(
                (
                    f"{name}: trang hiện xong trong Chromium, {number(rows)} dòng",
                    seconds,
                    f"{number(ratio, 2)}× {against} và một biểu đồ theo cặp, "
                    f"{number(best, 2)}× nhanh nhất/nhanh nhất (khung trung vị "
                    f"{number(statistics.median(skeletons) * 1000)} ms; ngân sách ≤ 1,25×)",
                )
            )
        rss = _rss_mb(process.pid)
    low, high = min(every_floor), max(every_floor)
    out.insert(
        0,
        (
            f"Trang Streamlit trống (sàn khung): trung vị {len(every_floor)} lần tải",
            statistics.median(every_floor),
            f"từ {number(low * 1000)} đến {number(high * 1000)} ms",
        ),
    )
    out.append(
        (f"Bộ nhớ tiến trình máy chủ sau mọi trang: {number(rss)} MB", 0.0, "ngân sách < 1.024 MB")
    )
    return out


def _beside(ratio: float, best: float, floors: list[float]) -> str:
    # Both: the paired median, and the fastest against the fastest, which a load slowed by
    # something else on the machine (the empty page itself takes 0,33-1,4 s) does not move.
    return (
        f"{number(ratio, 2)}× sàn theo cặp, {number(best, 2)}× nhanh nhất/nhanh nhất "
        f"(sàn trung vị {number(statistics.median(floors) * 1000)} ms)"
    )


def _rss_mb(pid: int) -> float:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total = int(line.split()[1])
    return total / 1024
