"""`python -m tests.screenshots`: capture every page of the running demo for the README."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.browser import browser_page, serve, settle
from thidua import settings

# README screenshots: file name -> URL path
PAGES = {
    "overview": "/",
    "bloc_ranking": "/xep-hang-khoi",
    "distribution": "/co-cau",
    "leaders": "/lanh-dao-nld",
    "campaigns": "/phong-trao",
    "search": "/tra-cuu",
    "upload": "/tai-du-lieu",
    "slideshow": "/trinh-chieu",
    "slideshow_running": "/trinh-chieu?giay=600&chay=1",
}
SAMPLES = Path(__file__).resolve().parent / "samples"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(settings.db_path()) as url, browser_page(1920, 1080) as page:
        for name, path in PAGES.items():
            page.goto(url + path)
            settle(page)
            if name == "search":  # show a search with its result, as a reader would
                page.get_by_placeholder("ví dụ").fill("nguyen van khang")
                page.keyboard.press("Enter")
                settle(page)
            if name == "upload":  # a good list and a wrong one, before confirming
                files = [
                    str(SAMPLES / "qd_bang_khen_2020.xlsx"),
                    str(SAMPLES / "bad" / "unknown_form.xlsx"),
                ]
                page.locator("input[type=file]").set_input_files(files)
                page.get_by_text("unknown_form.xlsx").last.wait_for(timeout=60_000)
                settle(page)
                page.wait_for_timeout(3000)  # both files are checked in turn
                settle(page)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
