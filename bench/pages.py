"""Time until each page has finished rendering in headless Chromium, against an empty
Streamlit page served the same way in the same run (the framework floor)."""

from __future__ import annotations

import contextlib
import os
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


def time_to_render(page: Any, url: str, repeat: int = 3) -> float:
    """Best of `repeat` loads: from navigation start until the page is finished."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(READY, timeout=120_000)
        page.wait_for_function(RENDERED, timeout=120_000, polling=20)
        best = min(best, time.perf_counter() - start)
    return best


@contextlib.contextmanager
def floor_server(script: str = "empty_app.py") -> Iterator[str]:
    app = str(Path(__file__).with_name(script))
    with serve_script(["-m", "streamlit", "run", app], dict(os.environ)) as (url, _):
        yield url


def floor_time(script: str) -> float:
    with floor_server(script) as url, browser_page(1920, 1080) as page:
        page.goto(url)  # the first load of a server warms its caches; not counted
        page.wait_for_function(RENDERED, timeout=120_000)
        return time_to_render(page, url)


def page_rows(master: Path, rows: int) -> list[tuple[str, float, str]]:
    from tests.browser import ensure_accounts

    ensure_accounts(master)
    out: list[tuple[str, float, str]] = []
    floor = floor_time("empty_app.py")
    out.append(("Trang Streamlit trống (sàn khung)", floor, "1,00×"))
    # What the framework costs with Plotly on the page at all (one three-bar chart), and with
    # two widgets (a text box, a sidebar button), whose scripts load lazily too.
    for script, name in (
        ("one_chart_app.py", "Trang Streamlit chỉ có một biểu đồ Plotly nhỏ"),
        ("widgets_app.py", "Trang Streamlit chỉ có một ô nhập và một nút"),
    ):
        seconds = floor_time(script)
        out.append((name, seconds, f"{number(seconds / floor, 2)}× sàn"))
    with serve_process(master) as (url, process), browser_page(1920, 1080) as page:
        goto(page, url, "lanhdao")  # signs in once; the cookie keeps the session for the rest
        for name, path in PAGES.items():
            page.goto(url + path)  # first visit fills the caches of this data version
            page.wait_for_function(RENDERED, timeout=120_000)
            seconds = time_to_render(page, url + path)
            out.append(
                (
                    f"{name}: trang hiện xong trong Chromium, {number(rows)} dòng",
                    seconds,
                    f"{number(seconds / floor, 2)}× sàn (ngân sách ≤ 2×)",
                )
            )
        rss = _rss_mb(process.pid)
    out.append(
        (f"Bộ nhớ tiến trình máy chủ sau mọi trang: {number(rss)} MB", 0.0, "ngân sách < 1.024 MB")
    )
    return out


def _rss_mb(pid: int) -> float:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total = int(line.split()[1])
    return total / 1024
