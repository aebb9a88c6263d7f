"""«Năm sinh» merged over «Nam | Nữ» (issue 19, family 5): the column the birth year is
written in gives the sex, and the birth year is never taken for the award's year."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer
from tests.test_layouts import HEADING


def _list(path: Path, people: list[list[object]]) -> Path:
    rows: list[list[object]] = [
        *HEADING[:4],
        ["CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        *HEADING[5:],
        ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ", "Đơn vị"],
        [None, None, "Nam", "Nữ"],
        *people,
        [None],
        ["Danh sách này có 3 cá nhân và 0 tập thể./."],
    ]
    return write_rows(path, rows, merges=["C8:D8"])


def test_the_birth_year_column_gives_the_sex_not_the_year(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    people: list[list[object]] = [
        [1, "Nguyễn Văn An", 1975, None, "Chuyên viên", "Sở Y tế"],
        [2, "Trần Thị Bình", None, 1982, "Giáo viên", "Sở Giáo dục và Đào tạo"],
        [3, "Lê Thị Cúc", None, "1990", "Bác sĩ", "Sở Y tế"],
    ]
    [report] = import_into(_list(tmp_path / "qd_nam_sinh.xlsx", people))
    assert report.status == "imported", report.message()
    got = (
        snapshot()
        .execute("SELECT recipient_name, gender, year FROM awards ORDER BY source_row")
        .fetchall()
    )
    # The year is the decision's (9/2/2023, from the «Kèm theo» line), not 1975, 1982, 1990.
    assert got == [
        ("Nguyễn Văn An", "M", 2023),
        ("Trần Thị Bình", "F", 2023),
        ("Lê Thị Cúc", "F", 2023),
    ]


def test_a_birth_year_in_both_columns_is_refused(tmp_path: Path, import_into: Importer) -> None:
    people: list[list[object]] = [
        [1, "Nguyễn Văn An", 1975, None, "Chuyên viên", "Sở Y tế"],
        [2, "Trần Thị Bình", 1982, 1982, "Giáo viên", "Sở Giáo dục và Đào tạo"],
        [3, "Lê Thị Cúc", None, 1990, "Bác sĩ", "Sở Y tế"],
    ]
    [report] = import_into(_list(tmp_path / "qd_hai_cot.xlsx", people))
    assert report.status == "refused"
    assert [str(p) for p in report.problems] == [
        "qd_hai_cot.xlsx, dòng 11, cột D «Nữ»: giá trị «1982» — năm sinh ghi ở cả cột Nam và "
        "cột Nữ: không biết người này là nam hay nữ."
    ]
