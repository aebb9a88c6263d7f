"""Dates as offices type them (issue 19, family 4), and the decision date written with
numbers in the «Kèm theo Quyết định số … ngày 05/3/2025 …» line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.parse.days import impossible_date
from etl.parse.values import parse_date
from tests.builders import write_rows
from tests.conftest import Importer
from tests.test_layouts import HEADING


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("05/03/2025", dt.date(2025, 3, 5)),
        ("5/3/2025", dt.date(2025, 3, 5)),
        ("05-03-2025", dt.date(2025, 3, 5)),
        ("05.03.2025", dt.date(2025, 3, 5)),
        ("2025-03-05", dt.date(2025, 3, 5)),
        ("ngày 05 tháng 3 năm 2025", dt.date(2025, 3, 5)),
        ("Ngày 2 tháng 7 năm 2024", dt.date(2024, 7, 2)),
        ("45721", dt.date(2025, 3, 5)),  # an Excel serial left as a number
        ("2025-03-05 00:00:00", dt.date(2025, 3, 5)),  # a real Excel date, as text
        ("5/3/25", None),  # 1925 or 2025: not guessed
        ("31/02/2024", None),
        ("mùng 5", None),
    ],
)
def test_typed_dates(typed: str, day: dt.date | None) -> None:
    assert pl.select(parse_date(pl.lit(typed, dtype=pl.String))).item() == day


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/02/2020", "tháng 2 năm 2020 chỉ có 29 ngày, không có ngày 31; hãy sửa lại ngày."),
        ("29/02/2023", "tháng 2 năm 2023 chỉ có 28 ngày, không có ngày 29; hãy sửa lại ngày."),
        ("31-04-2025", "tháng 4 năm 2025 chỉ có 30 ngày, không có ngày 31; hãy sửa lại ngày."),
        ("2025-06-31", "tháng 6 năm 2025 chỉ có 30 ngày, không có ngày 31; hãy sửa lại ngày."),
        (
            "ngày 0 tháng 5 năm 2025",
            "tháng 5 năm 2025 chỉ có 31 ngày, không có ngày 0; hãy sửa lại ngày.",
        ),
        ("12/13/2025", "không có tháng 13 (tháng chỉ từ 1 đến 12); hãy sửa lại ngày."),
        ("29/02/2024", None),  # a leap year: a real day
        ("5/3/25", None),  # not a day no calendar has: a format question
        ("mùng 5", None),
    ],
)
def test_a_day_no_calendar_has_is_said_as_such(typed: str, said: str | None) -> None:
    """Issue 21, 10: «31/02/2020» was answered with the date format to use."""
    assert impossible_date(typed) == said


def test_decision_date_with_numbers_in_the_kem_theo_line(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    rows: list[list[object]] = [
        *HEADING[:4],
        ["CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        ["(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Chủ tịch UBND tỉnh)"],
        [None],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        [1, "Nguyễn Văn An", "Chuyên viên", "Sở Y tế"],
        [2, "Trần Thị Bình", "Giáo viên", "Sở Giáo dục và Đào tạo"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd12.xlsx", rows))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT DISTINCT decision_no, decision_date, year FROM awards"
    ).fetchall() == [("12/QĐ-UBND", dt.date(2025, 3, 5), 2025)]
