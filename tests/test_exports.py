"""Tables downloaded as .xlsx say what is inside and number as the pages do (issue 21, 7):
years and row numbers were grouped as «2.025», shares were fractions with 3 decimals,
every bloc's table was «xep_hang_2025.xlsx», and nothing named the filters."""

from __future__ import annotations

import io

import openpyxl
import polars as pl

from thidua.exports import cell_format, file_part, to_xlsx

HEADERS = {
    "year": "Năm",
    "unit_name": "Đơn vị",
    "awards": "Số lượt",
    "non_leader_share": "Tỷ lệ NLĐ trực tiếp",
    "total_score": "Tổng điểm",
    "source_row": "Dòng trong tệp",
}


def test_each_number_is_formatted_as_the_page_shows_it() -> None:
    frame = pl.DataFrame(
        {
            "year": [2025, 2024],
            "unit_name": ["=1+1", "Sở Y tế"],
            "awards": [1234, 5],
            "non_leader_share": [0.59956, 0.6],
            "total_score": [95.25, 90.0],
            "source_row": [1201, 7],
        }
    )
    about = ["Bảng điểm và xếp hạng Khối 1 năm 2025", "Bộ lọc: Năm 2024–2025"]
    book = openpyxl.load_workbook(
        io.BytesIO(to_xlsx(frame, HEADERS, about=about, decimals={"total_score": 1}))
    )
    sheet = book.active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    # What the table holds, a blank row, then the table: the header frozen under the lines.
    assert rows[:3] == [[about[0], *[None] * 5], [about[1], *[None] * 5], [None] * 6]
    assert rows[3] == list(HEADERS.values())
    assert rows[4] == [2025, "'=1+1", 1234, 0.59956, 95.25, 1201]
    assert sheet.freeze_panes == "A5"
    formats = {sheet.cell(4, i + 1).value: sheet.cell(5, i + 1).number_format for i in range(6)}
    assert formats == {
        "Năm": "0",  # 2025, never 2.025
        "Đơn vị": "General",
        "Số lượt": "#,##0",  # 1.234 in a Vietnamese Excel
        "Tỷ lệ NLĐ trực tiếp": "0.0%",  # 60,0%, not 0,600
        "Tổng điểm": "#,##0.0",
        "Dòng trong tệp": "0",
    }


def test_a_share_the_page_writes_with_more_decimals_keeps_them() -> None:
    assert cell_format("non_leader_share", pl.Float64(), -2) == "0.00%"
    assert cell_format("birth_year", pl.Int64(), None) == "0"
    assert cell_format("women_share", pl.Float64(), None) == "0.0%"


def test_a_file_name_says_which_bloc_in_plain_letters() -> None:
    assert file_part("Khối các sở, ban, ngành (Khối 1)") == "khoi_cac_so_ban_nganh_khoi_1"
    assert file_part("Cụm thi đua Đồng bằng") == "cum_thi_dua_dong_bang"
    assert file_part("«»") == "bang"
