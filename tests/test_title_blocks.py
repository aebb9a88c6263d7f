"""Title blocks of every kind (issue 19, family 6): title, award and «Kèm theo…» in one
merged cell with line breaks; sections lettered A./B.; the award named on a «Hình thức khen
thưởng: …» line; the header on row 12 under a long title block; an empty first column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer


def test_title_award_and_decision_in_one_merged_cell(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    title = (
        "DANH SÁCH\nCÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH\n(Kèm theo Quyết định "
        "số 45/QĐ-UBND ngày 9 tháng 2 năm 2023 của Chủ tịch UBND tỉnh)"
    )
    rows: list[list[object]] = [
        [None, "ỦY BAN NHÂN DÂN", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, "TỈNH KIÊN GIANG", None, "Độc lập - Tự do - Hạnh phúc"],
        [None, title],
        [None],
        [None, "STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # column A left empty
        [None, "A.", "CÁ NHÂN"],
        [None, 1, "Nguyễn Văn An", "Chuyên viên", "Sở Y tế"],
        [None, 2, "Trần Thị Bình", "Giáo viên", "Sở Giáo dục và Đào tạo"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd45.xlsx", rows, merges=["B3:E3"]))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT source_row, recipient_kind, form_code, decision_no, decision_date FROM awards "
        "ORDER BY source_row"
    ).fetchall() == [
        (7, "individual", "BK_TINH", "45/QĐ-UBND", dt.date(2023, 2, 9)),
        (8, "individual", "BK_TINH", "45/QĐ-UBND", dt.date(2023, 2, 9)),
    ]


def test_award_line_and_a_header_on_row_12(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    blank: list[object] = [None]
    rows: list[list[object]] = [
        ["ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"],
        ["DANH SÁCH KHEN THƯỞNG"],
        ["(Kèm theo Quyết định số 46/QĐ-UBND ngày 10/2/2023 của Chủ tịch UBND tỉnh)"],
        ["Hình thức khen thưởng: Bằng khen của Chủ tịch UBND tỉnh"],
        *[blank] * 7,
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # row 12
        ["I. CÁ NHÂN"],  # typed in one cell merged across the row
        [1, "Lê Văn Cường", "Bác sĩ", "Sở Y tế"],
        ["II. TẬP THỂ"],
        [1, "Khoa Nội, Bệnh viện Đa khoa tỉnh"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd46.xlsx", rows, merges=["A13:D13", "A15:D15"]))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT source_row, recipient_kind, form_code, decision_date FROM awards ORDER BY 1"
    ).fetchall() == [
        (14, "individual", "BK_TINH", dt.date(2023, 2, 10)),
        (16, "collective", "BK_TINH", dt.date(2023, 2, 10)),
    ]
