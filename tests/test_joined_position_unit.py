"""One «Chức vụ, đơn vị công tác» cell (issue 19, family 2): position split from unit by
knowing the units and how posts and units are written — not at the last comma."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.parse.awards.post_unit import split_position_unit
from tests.builders import write_rows
from tests.conftest import Importer
from thidua.positions import load_rules


def _known(typed: str) -> str | None:
    return {"Sở Y tế": "Sở Y tế", "UBND huyện Châu Thành": "UBND huyện Châu Thành"}.get(typed)


@pytest.mark.parametrize(
    ("typed", "position", "unit"),
    [
        ("Phó Giám đốc Sở Y tế", "Phó Giám đốc", "Sở Y tế"),  # no comma: a known unit ends it
        ("Phó Giám đốc, Sở Y tế", "Phó Giám đốc", "Sở Y tế"),
        ("Chuyên viên Phòng Nội vụ, UBND huyện Châu Thành", "Chuyên viên Phòng Nội vụ",
         "UBND huyện Châu Thành"),
        # The last comma is between two posts; the unit (not in the table) starts with a capital.
        ("Giáo viên, Tổ trưởng chuyên môn Trường THPT Nguyễn Trung Trực",
         "Giáo viên, Tổ trưởng chuyên môn", "Trường THPT Nguyễn Trung Trực"),
        ("Trưởng khoa Nội, Bệnh viện Đa khoa tỉnh", "Trưởng khoa Nội", "Bệnh viện Đa khoa tỉnh"),
        ("Giáo viên, Tổ trưởng chuyên môn", "Giáo viên, Tổ trưởng chuyên môn", None),
        ("Trưởng phòng Tổ chức", "Trưởng phòng Tổ chức", None),
        ("Kỹ sư", "Kỹ sư", None),
        ("Ấp Hòa Lợi, xã Mong Thọ", None, "Ấp Hòa Lợi, xã Mong Thọ"),  # unsure: not a post
    ],
)  # fmt: skip
def test_split(typed: str, position: str | None, unit: str | None) -> None:
    assert split_position_unit(typed, _known, load_rules()) == (position, unit)


def test_the_unit_of_a_joined_cell_is_a_unit_and_the_share_counts_the_teacher(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    rows: list[list[object]] = [
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        ["(Kèm theo Quyết định số 45/QĐ-UBND ngày 9 tháng 2 năm 2023 của Chủ tịch UBND tỉnh)"],
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
        [1, "Nguyễn Văn An", "Phó Giám đốc Sở Y tế"],
        [2, "Trần Thị Bình", "Giáo viên, Tổ trưởng chuyên môn Trường THPT Nguyễn Trung Trực"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd45_gop.xlsx", rows))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT position, unit_name, is_leader FROM awards ORDER BY source_row"
    ).fetchall() == [
        ("Phó Giám đốc", "Sở Y tế", True),
        ("Giáo viên, Tổ trưởng chuyên môn", "Trường THPT Nguyễn Trung Trực", False),
    ]


def test_a_joined_cell_kept_whole_is_said(tmp_path: Path, import_into: Importer) -> None:
    """«Ấp Hòa Lợi, xã Mong Thọ» (rows 6 and 7) is neither a post nor a unit of the table:
    kept whole as the unit, no post guessed — and the analyst is told which rows."""
    rows: list[list[object]] = [
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        ["(Kèm theo Quyết định số 45/QĐ-UBND ngày 9 tháng 2 năm 2023 của Chủ tịch UBND tỉnh)"],
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
        ["I", "CÁ NHÂN"],
        [1, "Nguyễn Văn An", "Phó Giám đốc Sở Y tế"],
        [2, "Trần Văn Ba", "Ấp Hòa Lợi, xã Mong Thọ"],
        [3, "Lê Thị Tư", "Ấp Hòa Lợi, xã Mong Thọ"],
    ]
    [report] = import_into(write_rows(tmp_path / "qd45_khong_tach.xlsx", rows))
    assert report.status == "imported", report.message()
    assert report.warnings == [
        "cột C «Chức vụ, đơn vị công tác»: không tách được chức vụ khỏi đơn vị ở 1 ô — «Ấp Hòa "
        "Lợi, xã Mong Thọ» (dòng 6, 7). Đã giữ cả ô làm đơn vị, chức vụ để trống: những người "
        "này không được tính là lãnh đạo hay NLĐ trực tiếp. Nếu sai, hãy tách ô trong tệp "
        "(chức vụ, đơn vị) hoặc thêm tên gọi của đơn vị (--alias, trang Quản trị)."
    ]
    assert "lưu ý: cột C «Chức vụ, đơn vị công tác»: không tách được" in report.message()
