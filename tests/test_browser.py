"""The overview page as a person sees it, in headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import browser_page, chromium_available, serve, settle
from tests.conftest import SAMPLES, Importer

pytestmark = pytest.mark.browser

if not chromium_available():
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
    pytest.skip("Chromium is not installed", allow_module_level=True)


def test_overview_renders_in_chromium(master: Path, import_into: Importer, tmp_path: Path) -> None:
    import_into(SAMPLES / "so_khen_thuong_2021.csv", SAMPLES / "qd_bang_khen_2020.xlsx")
    with serve(master) as url, browser_page() as page:
        page.goto(url)  # type: ignore[attr-defined]
        settle(page)
        text = page.inner_text("body")  # type: ignore[attr-defined]
        assert page.locator("[data-testid=stException]").count() == 0  # type: ignore[attr-defined]
        assert "gặp lỗi" not in text
        assert "Tổng quan thi đua – khen thưởng" in text
        # 2021 sample: 120 awards, 54 of 88 individuals direct workers = 61,4%; 2020 had 27 of 40 = 67,5%.
        assert "120" in text and "61,4%" in text and "-6,1 điểm %" in text
        assert page.locator(".js-plotly-plot").count() == 2  # type: ignore[attr-defined]
        page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)  # type: ignore[attr-defined]
        assert (tmp_path / "overview.png").stat().st_size > 20_000
