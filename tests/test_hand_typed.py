"""Hand-typed text (issue 19, family 11): abbreviated posts and award names, names typed in
capitals or small letters, «Ð» typed for «Đ», non-breaking spaces. Figures counted by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import REGISTER_HEADER, write_rows
from tests.conftest import Importer

# (name as typed, position as typed, award as typed) — 12 individuals of one decision.
TYPED = [
    ("NGUYỄN VĂN AN", "GĐ Sở Y tế", "BK UBND tỉnh"),  # leader
    ("trần thị bích", "PGĐ", "Bằng khen của Chủ tịch UBND tỉnh"),  # leader
    ("Lê Văn Cường", "TP. Tổ chức - Hành chính", "BK CT UBND tỉnh"),  # leader
    ("Phạm Thị Dung", "CV Phòng Nội vụ", "BK UBND tỉnh"),  # worker
    ("Ðoàn Văn Ðức", "ÐD khoa Nhi", "BK UBND tỉnh"),  # worker; «Ð» is U+00D0
    ("Võ Thị Em", "GV Trường THCS Vĩnh Hiệp", "BK UBND tỉnh"),  # worker
    ("Huỳnh Văn Phú", "BS khoa Nội", "BK UBND tỉnh"),  # worker
    ("Đặng Thị Giang", "KTV xét nghiệm", "BK UBND tỉnh"),  # worker
    ("Bùi Văn Hải", "CB Văn phòng", "BK UBND tỉnh"),  # worker
    ("Ngô Thị Hoa", "PHT", "BK UBND tỉnh"),  # leader
    ("Dương Văn Ích", "Nhân viên\u00a0 bảo vệ", "BK UBND tỉnh"),  # worker
    ("Lý Thị Kim", "Trưởng trạm", "BK UBND tỉnh"),  # no rule: unclassified
]


def test_hand_typed_register_gives_the_hand_counted_figures(
    tmp_path: Path,
    import_into: Importer,
    snapshot: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    rows: list[list[object]] = [REGISTER_HEADER]
    for name, position, award in TYPED:
        gender = "Nữ" if " Thị " in f" {name.title()} " else "Nam"
        rows.append(
            ["2024", "15/QĐ-UBND", "10/01/2024", "Cá nhân", name, gender, position, "Sở Y tế",
             award, "Thường xuyên"]
        )  # fmt: skip
    [report] = import_into(write_rows(tmp_path / "so_go_tay.xlsx", rows))
    assert report.status == "imported", report.message()
    con = snapshot()
    counted = con.execute(
        """SELECT count(*), count(*) FILTER (is_leader), count(*) FILTER (NOT is_leader),
                  count(*) FILTER (is_leader IS NULL), count(*) FILTER (form_code = 'BK_TINH')
           FROM awards"""
    ).fetchone()
    assert counted == (12, 4, 7, 1, 12)
    stored = dict(con.execute("SELECT source_row, recipient_name FROM awards").fetchall())
    assert stored[2] == "Nguyễn Văn An"
    assert stored[3] == "Trần Thị Bích"
    assert stored[6] == "Đoàn Văn Đức"
    assert stored[4] == "Lê Văn Cường"  # typed in mixed case: kept as typed
    rules = dict(con.execute("SELECT source_row, leader_rule FROM awards").fetchall())
    assert (
        rules[2] == "L_GIAM_DOC" and rules[4] == "L_TRUONG_DON_VI" and rules[11] == "L_HIEU_TRUONG"
    )
    assert rules[6] == "W_Y_TE" and rules[5] == "W_CHUYEN_VIEN" and rules[13] is None
    positions = dict(con.execute("SELECT source_row, position FROM awards").fetchall())
    assert positions[6] == "ĐD khoa Nhi" and positions[12] == "Nhân viên bảo vệ"


def test_a_person_listed_twice_is_refused_naming_both_rows_and_namesakes_are_not(
    tmp_path: Path, import_into: Importer
) -> None:
    """Issue 19, family 12: one list, one decision. Row 3 repeats row 2 (same person, post,
    unit, award): refused naming both rows. Row 4 is a namesake in another unit and row 5
    the same person with another award: both are legitimate."""
    base = ["2024", "15/QĐ-UBND", "10/01/2024", "Cá nhân", "Nguyễn Văn An", "Nam", "Chuyên viên"]
    rows: list[list[object]] = [
        REGISTER_HEADER,
        [*base, "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
        [*base, "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
        [*base, "Sở Tài chính", "Bằng khen của Chủ tịch UBND tỉnh", "Thường xuyên"],
        [*base, "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh", "Thường xuyên"],
    ]
    [report] = import_into(write_rows(tmp_path / "trung_dong.xlsx", rows))
    assert report.status == "refused"
    assert [str(p) for p in report.problems] == [
        "trung_dong.xlsx, dòng 3: giá trị «Nguyễn Văn An» — đã có ở dòng 2 với cùng chức vụ, "
        "đơn vị và hình thức «Bằng khen của Chủ tịch UBND tỉnh» của quyết định 15/QĐ-UBND; một "
        "người không được khen hai lần cùng hình thức trong một quyết định. Hãy xóa dòng lặp."
    ]
    del rows[2]  # the repeated row
    [report] = import_into(write_rows(tmp_path / "khong_trung.xlsx", rows))
    assert report.status == "imported", report.message()
    assert report.rows == 3


def test_a_sheet_longer_than_polars_morsels_is_checked_like_a_short_one() -> None:
    """Over 16 384 rows Polars works in morsels; a check made only of literals (a column the
    file does not have, «Năm sinh» here) then failed with a ShapeError — found by the
    benchmark's 100k register, missed by every shorter file."""
    import polars as pl

    from etl.grid import Grid
    from etl.parse.awards import parse_awards
    from etl.recognise.headers import find_header
    from tests.hostile_files import HEADER, register_rows

    rows = [HEADER, *register_rows(16_400)]
    cells = pl.DataFrame(rows, schema=[f"c{i}" for i in range(len(HEADER))], orient="row")
    grid = Grid("so_dai.xlsx", "Sổ", cells, 1, 0)
    header = find_header(grid)
    assert header is not None
    frame, problems, _, _, _ = parse_awards(grid, header)
    assert problems == [] and frame.height == 16_400
