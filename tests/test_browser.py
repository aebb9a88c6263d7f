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


PAGE_PATHS = {
    "/": "Tổng quan thi đua – khen thưởng",
    "/xep-hang-khoi": "Xếp hạng khối, cụm thi đua",
    "/co-cau": "Cơ cấu khen thưởng",
    "/lanh-dao-nld": "Lãnh đạo và người lao động trực tiếp",
    "/phong-trao": "Phong trào thi đua",
    "/tra-cuu": "Tra cứu cá nhân, tập thể",
}


def test_every_page_renders_at_full_hd(demo: tuple[Path, object], tmp_path: Path) -> None:
    master, _ = demo
    with serve(master) as url, browser_page(1920, 1080) as page:
        for path, title in PAGE_PATHS.items():
            page.goto(url + path)  # type: ignore[attr-defined]
            settle(page)
            text = page.inner_text("body")  # type: ignore[attr-defined]
            assert title in text, path
            assert page.locator("[data-testid=stException]").count() == 0, path  # type: ignore[attr-defined]
            assert page.locator("[data-testid=stAlertContentError]").count() == 0, path  # type: ignore[attr-defined]
            assert "Page not found" not in text and "gặp lỗi" not in text, path
        # A filter chosen on one page is still there on the next, and in the link.
        page.goto(url + "/co-cau?nam_tu=2021&nam_den=2021")  # type: ignore[attr-defined]
        settle(page)
        page.get_by_text("Lãnh đạo và người lao động trực tiếp").first.click()  # type: ignore[attr-defined]
        settle(page)
        assert "nam_tu=2021" in page.url and "nam_den=2021" in page.url  # type: ignore[attr-defined]


def test_upload_in_the_browser_appears_on_the_overview(master: Path) -> None:
    from thidua import db

    db.open_master(master).close()  # an empty warehouse
    db.publish_snapshot(master)
    with serve(master) as url, browser_page(1920, 1080) as page:
        page.goto(url + "/tai-du-lieu")  # type: ignore[attr-defined]
        settle(page)
        page.get_by_label("Người nhập (họ tên)").fill("Trần Văn Phân")  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        settle(page)
        page.locator("input[type=file]").set_input_files(str(SAMPLES / "so_khen_thuong_2021.csv"))  # type: ignore[attr-defined]
        page.get_by_text("Xác nhận nhập 1 tệp").wait_for(timeout=60_000)  # type: ignore[attr-defined]
        settle(page)
        assert "Cá nhân" in page.inner_text("body")  # type: ignore[attr-defined]
        page.get_by_role("button", name="Xác nhận nhập 1 tệp").click()  # type: ignore[attr-defined]
        page.get_by_text("đã nhập 120 dòng").wait_for(timeout=60_000)  # type: ignore[attr-defined]
        page.get_by_text("Tổng quan").first.click()  # type: ignore[attr-defined]
        settle(page)
        text = page.inner_text("body")  # type: ignore[attr-defined]
        # The 2021 register: 120 awards, 54 of 88 individuals direct workers.
        assert "Tổng quan thi đua – khen thưởng" in text and "120" in text and "61,4%" in text
