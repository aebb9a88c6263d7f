"""The «Hồ sơ đề nghị» page and its slide as a person sees them, in headless Chromium (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import (
    assert_read_whole,
    browser_page,
    click_tab,
    goto,
    serve,
    settle,
    skip_without_chromium,
)
from tests.test_dossiers import _truth_by_year
from tests.test_pages import pct, vi

pytestmark = pytest.mark.browser

skip_without_chromium()


def test_dossier_page_and_slide_in_chromium(demo: tuple[Path, object], tmp_path: Path) -> None:
    master, province = demo
    expected, _ = _truth_by_year(province.dossiers)  # type: ignore[attr-defined]
    year = expected[2024]
    answered = year["early"] + year["on_time"] + year["late"]
    with serve(master) as url, browser_page(1366, 900) as page:
        goto(page, url + "/ho-so?nam_tu=2024&nam_den=2024")
        text = page.inner_text("body")
        assert "Hồ sơ đề nghị khen thưởng" in text and "gặp lỗi" not in text
        assert page.locator("[data-testid=stException]").count() == 0
        kpis = {
            k.get_attribute("data-kpi"): k.get_attribute("data-value")
            for k in page.locator("[data-kpi]").all()
        }
        assert kpis["Hồ sơ tiếp nhận"] == vi(year["dossiers"])
        assert kpis["Trả kết quả đúng hạn"] == pct(year["early"] + year["on_time"], answered)
        assert page.locator(".js-plotly-plot").count() == 1  # the years' chart
        # Its table is drawn when its box is opened (the first view has no data grid).
        assert page.locator("[data-testid=stDataFrame]").count() == 0
        page.get_by_text("Bảng số liệu từng năm").click()
        page.wait_for_selector("[data-testid=stDataFrame]", timeout=60_000)
        settle(page)
        assert page.locator("[data-testid=stDataFrame]").count() == 1
        # The list of late dossiers, opened from the link a leader was sent.
        goto(page, url + "/ho-so?nam_tu=2024&nam_den=2024&xem=Trễ hạn và đang xử lý&ds=tre-han")
        page.wait_for_selector("[data-testid=stDataFrame]", timeout=60_000)
        settle(page)
        assert "ds=tre-han" in page.url
        assert page.get_by_role("button", name="Tải bảng (.xlsx)").count() == 1
        # Choosing «Đang xử lý, đã quá hẹn» keeps the choice in the link.
        page.locator("[data-testid=stButtonGroup] button", has_text="đã quá hẹn").click()
        settle(page)
        assert "ds=qua-hen" in page.url
        page.screenshot(path=str(tmp_path / "dossiers.png"), full_page=True)
        assert (tmp_path / "dossiers.png").stat().st_size > 20_000
        # The conference slide of 2024 shows the same rate.
        goto(page, url + "/trinh-chieu?nam=2024&bo=dossiers&giay=60&chay=1")
        frame = page.wait_for_selector(
            "[data-testid=stMain] iframe[title='st.iframe']", timeout=60_000
        ).content_frame()
        frame.wait_for_selector(".slide.active", timeout=60_000)
        shown = frame.inner_text(".slide.active")
        assert "Hồ sơ đề nghị khen thưởng qua bộ phận một cửa, năm 2024" in shown
        assert pct(year["early"] + year["on_time"], answered) in shown


def test_dossier_tables_fit_a_1366_px_laptop(demo: tuple[Path, object]) -> None:
    """The tables by year, by unit and by award form have eleven columns: at 1366 px the last
    two («Đang xử lý», «Quá hẹn») were behind a scrollbar. Every column now fits, and the
    list of late and open dossiers too."""
    master, _ = demo
    with serve(master) as url, browser_page(1366, 900) as page:
        goto(page, url + "/ho-so")
        page.get_by_text("Bảng số liệu từng năm").click()
        for tab in ("Qua các năm", "Theo đơn vị", "Theo hình thức", "Trễ hạn và đang xử lý"):
            if tab != "Qua các năm":
                click_tab(page, tab)
            page.wait_for_selector("[data-testid=stDataFrame]", timeout=60_000)
            settle(page)
            table = page.locator("[data-testid=stDataFrame]").first
            table.scroll_into_view_if_needed()
            # Unit and award names wrap rather than end at the column's edge (the walk
            # found «Bằng khen của Chủ tịch UBND t…», «Ngân hàng Nhà nước Chi nh…»).
            assert_read_whole(table, tab)
            # Several-line rows, and still a table of at most 640 px that scrolls inside:
            # drawn whole, the late list ran to 26.000 px, its headers out of sight.
            box = table.bounding_box()
            assert box is not None and box["height"] <= 650, (tab, box)
