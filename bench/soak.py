"""A bounded soak of the conference slideshow: the show runs for some minutes in
Chromium, the network blinks once, and the server's memory is sampled throughout."""

from __future__ import annotations

import time
from pathlib import Path

from tests.browser import browser_page, serve_process, settle


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def soak(
    master: Path, minutes: float, interval_s: int = 3, sample_s: int = 15
) -> list[tuple[float, float, int]]:
    """(elapsed seconds, server RSS MB, slides shown so far) every `sample_s` seconds."""
    rows: list[tuple[float, float, int]] = []
    with (
        serve_process(master, {"THIDUA_ANONYMOUS": "1"}) as (url, process),
        browser_page(1920, 1080) as page,
    ):
        page.goto(f"{url}/trinh-chieu?giay={interval_s}&chay=1")
        settle(page)
        frame = page.wait_for_selector(
            "[data-testid=stMain] iframe[title='st.iframe']"
        ).content_frame()
        frame.evaluate("() => { window.__changes = 0; const o = new MutationObserver(() => window.__changes++);"
                       " o.observe(document.body, {attributes: true, attributeFilter: ['data-slide']}); }")  # fmt: skip
        start = time.monotonic()
        blinked = False
        while (elapsed := time.monotonic() - start) < minutes * 60:
            rows.append(
                (elapsed, rss_mb(process.pid), int(frame.evaluate("() => window.__changes")))
            )
            if not blinked and elapsed > minutes * 30:
                page.context.set_offline(True)  # the hall's network drops for 20 s
                time.sleep(20)
                page.context.set_offline(False)
                blinked = True
            time.sleep(sample_s)
        rows.append(
            (
                time.monotonic() - start,
                rss_mb(process.pid),
                int(frame.evaluate("() => window.__changes")),
            )
        )
    return rows


def print_soak(rows: list[tuple[float, float, int]], interval_s: int) -> None:
    print("| thời gian (s) | RSS máy chủ (MB) | số lần chuyển trang |")
    print("|---:|---:|---:|")
    for elapsed, rss, changes in rows:
        print(f"| {elapsed:.0f} | {rss:.1f} | {changes} |")
    first, last = rows[0], rows[-1]
    expected = int((last[0] - first[0]) / interval_s)
    print(
        f"\nRSS đầu {first[1]:.1f} MB, cuối {last[1]:.1f} MB ({last[1] - first[1]:+.1f} MB); "
        f"{last[2]} lần chuyển trang / khoảng {expected} dự kiến (mạng ngắt 20 s ở giữa)."
    )
