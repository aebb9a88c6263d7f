"""«Báo cáo thống kê» as a person uses it, in headless Chromium (issue 23): choose form 0603
and a year, see the table, download the workbook and find in it the year's provincial awards
of the demo's truth."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest

from tests.browser import (
    assert_read_whole,
    browser_page,
    goto,
    serve,
    settle,
    skip_without_chromium,
)
from tests.conftest import Importer
from thidua.form_xlsx import FIRST_ROW

pytestmark = pytest.mark.browser

skip_without_chromium()


def test_the_reports_page_and_its_download(demo: tuple[Path, object], tmp_path: Path) -> None:
    master, province = demo
    truth = province.awards  # type: ignore[attr-defined]
    provincial = {"CSTD_TINH", "CO_TINH", "TTLDXS", "BK_TINH", "KY_NIEM_CHUONG"}
    year = truth.filter((pl.col("year") == 2024) & pl.col("form_code").is_in(sorted(provincial)))
    with serve(master) as url, browser_page(1366, 900) as page:
        goto(page, url + "/bao-cao-thong-ke?bieu=0603&nam=2024")
        text = page.inner_text("body")
        assert "Báo cáo thống kê thi đua, khen thưởng" in text and "gặp lỗi" not in text
        assert page.locator(
            "[data-testid=stDataFrame]"
        ).first.is_visible()  # the form (another in the rules expander)
        with page.expect_download() as sent:
            page.get_by_role("button", name="Tải biểu (.xlsx)").click()
        path = tmp_path / "bieu.xlsx"
        sent.value.save_as(path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Biểu số: 0603.N/BNV-TĐKT"
    [total] = [
        r for r in ws.iter_rows(min_row=FIRST_ROW + 1, values_only=True) if r[1] == "Tổng cộng"
    ]
    kinds = year["recipient_kind"].value_counts()
    count = dict(zip(kinds["recipient_kind"], kinds["count"], strict=True))
    assert (total[2], total[3], total[5], total[6]) == (
        year.height, count.get("collective", 0), count.get("household", 0), count.get("individual", 0),
    )  # fmt: skip


def test_the_ladder_candidates_fit_a_1366_px_laptop(
    master: Path, import_into: Importer, tmp_path: Path
) -> None:
    """«Đề nghị theo tiêu chuẩn»: the candidates' evidence was behind a scrollbar at 1366 px
    (the walk measured 1149 px in 904), then cut at four lines. Pixel widths, the decisions
    in brief, five lines: every column fits and no text is cut; the rules' legal basis too."""
    from tests.builders import write_rows
    from tests.test_ladder import HISTORY, _history

    [report] = import_into(_history(tmp_path, HISTORY))
    assert report.status == "imported", report.message()
    with serve(master) as url, browser_page(1366, 900) as page:
        goto(page, url + "/de-nghi-tieu-chuan?nam=2024", "chuyenvien")
        # The rules' table is in a closed box above: the first one shown is the candidates'.
        table = page.locator("[data-testid=stDataFrame]:visible").first
        table.wait_for(timeout=30_000)
        table.scroll_into_view_if_needed()
        assert_read_whole(table)
        # The rules, each with its legal basis, which ran past its column on one line.
        page.get_by_text("Quy tắc xét (theo Luật").click()
        rules = page.locator("[data-testid=stExpander] [data-testid=stDataFrame]").first
        rules.wait_for(timeout=30_000)
        settle(page)
        assert_read_whole(rules)
        # A draft list checked row by row: its notes and evidence were on one line.
        draft = write_rows(tmp_path / "du_thao.xlsx", [
            ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"],
            [1, "Nguyễn Văn An", "Chuyên viên", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh"],
            [2, "Phạm Thị Dung", "Chuyên viên", "Sở Nội vụ", "Chiến sĩ thi đua cấp tỉnh"],
            [3, "Trần Thị Bình", "Chuyên viên", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh"],
        ])  # fmt: skip
        page.locator("input[type=file]").set_input_files(str(draft))
        checked = page.locator("[data-testid=stDataFrame]").nth(2)  # after the rules, candidates
        checked.wait_for(timeout=30_000)
        settle(page)
        checked.scroll_into_view_if_needed()
        assert_read_whole(checked)
