"""Lists grouped by unit (issue 19, family 1): numbered unit rows inside a section head the
people below them — they are not awards, and the unit they name is the unit of those rows
when no unit column says otherwise. Counted by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer
from tests.test_layouts import HEADING


def _grouped_list(path: Path) -> Path:
    rows: list[list[object]] = [
        *HEADING[:4],
        ["TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        *HEADING[5:],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        ["I", "CÁ NHÂN"],
        ["1.", "Sở Y tế"],  # heading: two people below
        [1, "Nguyễn Văn An", "Phó Giám đốc"],
        [2, "Trần Thị Bình", "Điều dưỡng"],
        [None, "2. UBND huyện Châu Thành"],  # heading typed in one cell: three people
        [3, "Lê Văn Cường", "Chuyên viên"],
        [4, "Phạm Thị Dung", "Giáo viên", "Trường THPT Nguyễn Trung Trực"],  # own unit wins
        [5, "Võ Văn Em", "Trưởng phòng"],
        ["3.", "Trường THPT Nguyễn Trung Trực"],  # a unit the table does not know: a heading too
        [6, "Đỗ Thị Gấm", "Giáo viên"],
        ["II", "TẬP THỂ"],
        [1, "Sở Y tế"],  # in a section of collectives this is an award
        [2, "Phòng Tổ chức, Sở Y tế"],
        [None],
        ["Danh sách này có 6 cá nhân và 2 tập thể./."],
    ]
    return write_rows(path, rows, start="A1")


def test_unit_rows_head_the_people_below_them(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    [report] = import_into(_grouped_list(tmp_path / "qd_theo_don_vi.xlsx"))
    assert report.status == "imported", report.message()
    rows = (
        snapshot()
        .execute("SELECT recipient_kind, recipient_name, unit_name FROM awards ORDER BY source_row")
        .fetchall()
    )
    assert rows == [
        ("individual", "Nguyễn Văn An", "Sở Y tế"),
        ("individual", "Trần Thị Bình", "Sở Y tế"),
        ("individual", "Lê Văn Cường", "UBND huyện Châu Thành"),
        ("individual", "Phạm Thị Dung", "Trường THPT Nguyễn Trung Trực"),
        ("individual", "Võ Văn Em", "UBND huyện Châu Thành"),
        ("individual", "Đỗ Thị Gấm", "Trường THPT Nguyễn Trung Trực"),
        ("collective", "Sở Y tế", "Sở Y tế"),
        ("collective", "Phòng Tổ chức, Sở Y tế", "Sở Y tế"),
    ]


def test_a_list_without_sections_has_its_unit_rows_read_as_headings(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    rows: list[list[object]] = [
        ["Năm", "Đối tượng", "Họ tên", "Giới tính", "Chức vụ", "Hình thức khen thưởng"],
        [None, None, "1. Sở Tư pháp"],
        ["2024", "Cá nhân", "Đỗ Văn Phát", "Nam", "Chuyên viên", "Bằng khen của Chủ tịch UBND tỉnh"],
        ["2024", "Cá nhân", "Hồ Thị Giang", "Nữ", "Kế toán", "Bằng khen của Chủ tịch UBND tỉnh"],
    ]  # fmt: skip
    [report] = import_into(write_rows(tmp_path / "so_theo_don_vi.xlsx", rows))
    assert report.status == "imported", report.message()
    assert report.rows == 2
    assert snapshot().execute("SELECT DISTINCT unit_name FROM awards").fetchall() == [
        ("Sở Tư pháp",)
    ]
