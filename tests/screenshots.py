"""`python -m tests.screenshots`: capture every page of the running demo for the README."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.browser import browser_page, goto, serve, settle
from tests.hostile_files import pdf_as_xlsx
from thidua import db, settings

# README screenshots: file name -> URL path
PAGES = {
    "overview": "/",
    "bloc_ranking": "/xep-hang-khoi",
    "distribution": "/co-cau",
    "leaders": "/lanh-dao-nld",
    "campaigns": "/phong-trao",
    "dossiers": "/ho-so?nam_tu=2024&nam_den=2025",
    "search": "/tra-cuu",
    "ladder": "/de-nghi-tieu-chuan",
    "reports": "/bao-cao-thong-ke",
    "upload": "/tai-du-lieu",
    "doubles": "/ra-soat-khen-trung",
    "slideshow": "/trinh-chieu",
    "slideshow_running": "/trinh-chieu?giay=600&chay=1",
    "admin": "/quan-tri",
    "account": "/tai-khoan",
    "sign_in": "/",
}
SAMPLES = Path(__file__).resolve().parent / "samples"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _copy_of_demo(folder: Path) -> Path:
    """The demo warehouse copied aside, so the screenshot accounts never reach the real one."""
    master = folder / "warehouse.duckdb"
    shutil.copy(settings.db_path(), master)
    db.publish_snapshot(master)
    return master


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        master = _copy_of_demo(Path(folder))
        with serve(master) as url, browser_page(1920, 1080) as page:
            _capture(url, page)
    return 0


def _capture(url: str, page: Any) -> None:
    for name, path in PAGES.items():
        if name == "sign_in":  # a browser that has not signed in (the session cookie gone)
            page.context.clear_cookies()
            page.goto(url + path)
            settle(page)
        else:
            goto(page, url + path, "quantri")
        if name == "search":  # show a search with its result, as a reader would
            page.get_by_placeholder("ví dụ").fill("nguyen van khang")
            page.keyboard.press("Enter")
            # The history table loads its grid after the run: settle alone caught its
            # placeholder (the README's search screenshot showed an empty table).
            page.wait_for_selector("[data-testid=stDataFrame]", timeout=60_000)
            settle(page)
        if name == "upload":  # a good list, a wrong one and a PDF sent as .xlsx, before confirming
            files = [
                str(SAMPLES / "qd_bang_khen_2020.xlsx"),
                str(SAMPLES / "bad" / "unknown_form.xlsx"),
                str(pdf_as_xlsx(Path(tempfile.mkdtemp()))),
            ]
            page.locator("input[type=file]").set_input_files(files)
            page.get_by_text("quyet_dinh.xlsx").last.wait_for(timeout=60_000)
            settle(page)
            page.wait_for_timeout(3000)  # both files are checked in turn
            settle(page)
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
        print(OUT / f"{name}.png")


if __name__ == "__main__":
    sys.exit(main())
