"""Lists grouped by unit (issue 19, family 1): numbered unit rows inside a section head the
people below them — they are not awards, and the unit they name is the unit of those rows
when no unit column says otherwise. Counted by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.importer import import_files
from etl.inspection import Overrides
from tests.builders import write_rows
from tests.conftest import OPERATOR, Importer
from tests.test_layouts import HEADING
from thidua import db


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
    # Read so by the rule (a person follows it, numbered apart): said, with the way back.
    [note] = [w for w in report.warnings if "tiêu đề nhóm" in w]
    assert "dòng 2 «1. Sở Tư pháp»" in note and "--unit-rows award" in note


# A list no section divides into people and collectives, its award named by the title.
TITLED: list[list[object]] = [
    *HEADING[:4],
    ["CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
    *HEADING[5:],
]
FIRST_ROW = len(TITLED) + 2  # Excel row of the first row under the header


def _numbered_on(path: Path) -> Path:
    """A unit row numbered 1 and the people under it 2, 3: one sequence — the unit may be
    the list's first award (a collective) as well as the heading of its people."""
    rows: list[list[object]] = [
        *TITLED,
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị"],
        [1, "Sở Y tế"],
        [2, "Nguyễn Văn An", "Nam", "Bác sĩ", "Bệnh viện Đa khoa tỉnh"],
        [3, "Trần Thị Bình", "Nữ", "Điều dưỡng", "Bệnh viện Đa khoa tỉnh"],
    ]
    return write_rows(path, rows, start="A1")


def test_a_unit_row_the_rows_around_cannot_decide_is_asked_about(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    """«1. Sở Y tế» over people whose post and unit share one cell: nothing says the next
    row is a person, so whether the unit row heads them or is a collective's award is asked
    — naming the row — and nothing is written."""
    rows: list[list[object]] = [
        *TITLED,
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
        [None, "1. Sở Y tế"],
        [1, "Nguyễn Văn An", "Phó Giám đốc"],
        [2, "Trần Thị Bình", "Điều dưỡng"],
        [None, "2. Sở Tài chính"],
        [3, "Lê Văn Cường", "Chuyên viên"],
    ]
    path = write_rows(tmp_path / "qd_nhom.xlsx", rows, start="A1")
    [report] = import_into(path)
    assert report.status == "refused"
    asked = report.problems  # the questions only: nothing that depends on the answer
    assert all("tiêu đề nhóm" in p.message for p in asked)
    assert [(p.row, p.value) for p in asked] == [
        (FIRST_ROW, "1. Sở Y tế"),
        (FIRST_ROW + 3, "2. Sở Tài chính"),
    ]
    assert "--unit-rows heading" in asked[0].message
    assert snapshot().execute("SELECT count(*) FROM awards").fetchone() == (0,)

    # Answered «heading»: three people, each of the unit above them.
    answered = Overrides(context={"unit_rows": "heading"})
    [report] = import_files([path], tmp_path / "answered.duckdb", OPERATOR, answered)
    assert report.status == "imported", report.message()
    con = db.open_snapshot(tmp_path / "answered.duckdb")
    assert con.execute(
        "SELECT recipient_kind, recipient_name, position, unit_name FROM awards ORDER BY source_row"
    ).fetchall() == [
        ("individual", "Nguyễn Văn An", "Phó Giám đốc", "Sở Y tế"),
        ("individual", "Trần Thị Bình", "Điều dưỡng", "Sở Y tế"),
        ("individual", "Lê Văn Cường", "Chuyên viên", "Sở Tài chính"),
    ]


def test_a_unit_numbered_with_the_people_under_it_is_asked_then_read_as_answered(
    tmp_path: Path, import_into: Importer
) -> None:
    path = _numbered_on(tmp_path / "qd_mot_day_so.xlsx")
    [report] = import_into(path)
    assert report.status == "refused"
    [asked] = report.problems
    assert (asked.row, asked.value) == (FIRST_ROW, "Sở Y tế") and "tiêu đề nhóm" in asked.message

    # «award»: the unit is a collective given the award, then two people (both direct
    # workers: Bác sĩ, Điều dưỡng).
    for answer, expected in (
        ("award", [("collective", "Sở Y tế", "Sở Y tế", None),
                   ("individual", "Nguyễn Văn An", "Bệnh viện Đa khoa tỉnh", False),
                   ("individual", "Trần Thị Bình", "Bệnh viện Đa khoa tỉnh", False)]),
        ("heading", [("individual", "Nguyễn Văn An", "Bệnh viện Đa khoa tỉnh", False),
                     ("individual", "Trần Thị Bình", "Bệnh viện Đa khoa tỉnh", False)]),
    ):  # fmt: skip
        master = tmp_path / f"{answer}.duckdb"
        [report] = import_files([path], master, OPERATOR, Overrides(context={"unit_rows": answer}))
        assert report.status == "imported", report.message()
        rows = db.open_snapshot(master).execute(
            "SELECT recipient_kind, recipient_name, unit_name, is_leader FROM awards "
            "ORDER BY source_row"
        )
        assert rows.fetchall() == expected, answer


def test_a_list_of_units_alone_is_a_list_of_collectives(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    """Each row names a unit and the next one another unit (the last: nothing follows): no
    person anywhere, so each is a collective's award — the numbering in the name is not
    part of it."""
    rows: list[list[object]] = [
        *TITLED,
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        [None, "1. Sở Y tế"],
        [2, "Sở Tài chính"],
        [3, "UBND huyện Châu Thành"],
        [None],
        ["Danh sách này có 0 cá nhân và 3 tập thể./."],
    ]
    [report] = import_into(write_rows(tmp_path / "qd_tap_the.xlsx", rows, start="A1"))
    assert report.status == "imported", report.message()
    assert snapshot().execute(
        "SELECT recipient_kind, recipient_name FROM awards ORDER BY source_row"
    ).fetchall() == [
        ("collective", "Sở Y tế"),
        ("collective", "Sở Tài chính"),
        ("collective", "UBND huyện Châu Thành"),
    ]


def test_the_answer_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _numbered_on(tmp_path / "qd_mot_day_so.xlsx")
    master = tmp_path / "w.duckdb"
    assert main(["import", str(path), "--db", str(master), "--unit-rows", "kiểu khác"]) == 2
    assert "--unit-rows «kiểu khác»: cần «heading»" in capsys.readouterr().err
    assert main(["import", str(path), "--db", str(master), "--unit-rows", "tập thể"]) == 0
    con = db.open_snapshot(master)
    assert con.execute(
        "SELECT count(*) FILTER (recipient_kind = 'collective'), count(*) FROM awards"
    ).fetchone() == (1, 3)


def test_the_dry_run_says_what_it_recognised_in_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The grouped list above: two sections, three unit headings (Excel rows 10, 13, 17 —
    counted from the rows as written), the footer's counts checked."""
    path = _grouped_list(tmp_path / "qd_theo_don_vi.xlsx")
    assert main(["import", str(path), "--db", str(tmp_path / "w.duckdb"), "--dry-run"]) == 0
    said = [line.strip() for line in capsys.readouterr().out.splitlines() if "Nhận ra:" in line]
    assert said == [
        "Nhận ra: chia mục (đối tượng / hình thức của các dòng dưới): «I CÁ NHÂN»; «II TẬP THỂ».",
        "Nhận ra: nhóm theo đơn vị: 3 dòng tiêu đề đơn vị (dòng 10, 13, 17; 3 đơn vị) — không "
        "phải khen thưởng, đơn vị của các dòng dưới.",
        "Nhận ra: số liệu tự ghi (đã đối chiếu với các dòng đọc được): dòng cuối ghi 6 cá nhân "
        "và 2 tập thể.",
    ]
