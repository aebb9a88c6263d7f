"""`python -m tests.screenshots`: capture every page of the running demo for the README."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.browser import browser_page, serve, settle
from thidua import settings

PAGES = {"overview": "/"}  # README screenshots: page name -> URL path
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(settings.db_path()) as url, browser_page(1600, 1000) as page:
        for name, path in PAGES.items():
            page.goto(url + path)  # type: ignore[attr-defined]
            settle(page)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
            print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
