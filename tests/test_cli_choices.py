"""The command line fixes a refusal without editing the file (issue 19): a dry run that says
what would be imported, the sheet to take, a column's meaning, a unit's other name, the
decision's number, date, award or year. Expected figures counted by hand from the lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from etl.cli import main
from tests.builders import write_rows
from thidua import db

TITLE = ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Nơi công tác"]
# Rows 4–6: a leader and two direct workers (DOMAIN.md: Giáo viên, Kế toán).
PEOPLE: list[list[object]] = [
    [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở GD&ĐT"],
    [2, "Trần Thị Bình", "Giáo viên", "Trường THPT Chuyên Huỳnh Mẫn Đạt"],
    [3, "Lê Văn Cường", "Kế toán", "Sở Y tế"],
]


def _attached(path: Path, decision: str, day: str, rows: list[list[object]]) -> Path:
    """A list with its «(Kèm theo Quyết định số … ngày …)» line: title on row 1, that line
    on row 2, `rows` (the header first) from row 3."""
    line = f"(Kèm theo Quyết định số {decision} ngày {day} của Chủ tịch UBND tỉnh)"
    return write_rows(path, [TITLE, [line], *rows])


def _no_decision(folder: Path) -> Path:
    """A list whose title names the award but no decision, no date, no year."""
    return write_rows(folder / "qd_khong_so.xlsx", [TITLE, [None], HEADER, *PEOPLE])


def _rows(master: Path, sql: str) -> list[tuple[object, ...]]:
    con = db.open_snapshot(master)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_refusal_says_which_options_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "w.duckdb"
    assert main(["import", str(_no_decision(tmp_path)), "--db", str(master)]) == 1
    out = capsys.readouterr().out
    assert out.count("thiếu năm") == 3  # rows 4, 5, 6
    assert "dùng --decision-date / --year ở dòng lệnh" in out
    assert _rows(master, "SELECT count(*) FROM award") == [(0,)]  # nothing written


def test_decision_and_alias_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "w.duckdb"
    args = ["import", str(_no_decision(tmp_path)), "--db", str(master)]
    args += ["--decision-no", "12 / QĐ-UBND", "--decision-date", "5/3/2025"]
    args += ["--alias", "Trường THPT Chuyên Huỳnh Mẫn Đạt=Sở Giáo dục và Đào tạo"]
    assert main(args) == 0, capsys.readouterr()
    rows = _rows(
        master,
        "SELECT source_row, year, decision_no, decision_date::VARCHAR, unit_name, is_leader "
        "FROM awards ORDER BY source_row",
    )
    assert rows == [
        (4, 2025, "12/QĐ-UBND", "2025-03-05", "Sở Giáo dục và Đào tạo", True),
        (5, 2025, "12/QĐ-UBND", "2025-03-05", "Sở Giáo dục và Đào tạo", False),
        (6, 2025, "12/QĐ-UBND", "2025-03-05", "Sở Y tế", False),
    ]
    # The alias served this import only; an admin keeps aliases on the Quản trị page.
    assert _rows(master, "SELECT count(*) FROM unit_aliases") == [(0,)]


@pytest.mark.parametrize("kind", ["file", "lake"])
def test_a_dry_run_prints_the_figures_and_writes_nothing(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a file, and on a lake (issue 22), where nothing may be made either."""
    master = tmp_path / ("w.duckdb" if kind == "file" else "lake")
    setting = str(master) if kind == "file" else f"ducklake:sqlite:{master / 'catalog.sqlite'}"
    args = ["import", "--dry-run", str(_no_decision(tmp_path)), "--db", setting]
    assert main([*args, "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "THỬ — không ghi gì vào kho dữ liệu" in out
    assert "Sẽ nhập 3 dòng:" in out
    assert "Cá nhân 3, tập thể 0, hộ gia đình 0." in out
    assert "Theo hình thức: Bằng khen của Chủ tịch UBND tỉnh 3." in out
    assert "Theo năm: 2024: 3." in out
    assert "NLĐ trực tiếp: 2/3 cá nhân = 66,7% (lãnh đạo 1; chưa phân loại được chức vụ 0" in out
    assert "«Trường THPT Chuyên Huỳnh Mẫn Đạt» (1 dòng)" in out  # not in the units table
    assert not master.exists()


def test_a_column_named_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Cơ sở» is no header the importer knows: the analyst says it is the unit."""
    path = _attached(
        tmp_path / "qd_cot_la.xlsx",
        "12/QĐ-UBND",
        "05/3/2025",
        [
            ["STT", "Họ và tên", "Chức danh", "Cơ sở"],
            [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Y tế"],
            [2, "Trần Thị Bình", "Giáo viên", "Sở Giáo dục và Đào tạo"],
        ],
    )
    master = tmp_path / "w.duckdb"
    args = ["import", str(path), "--db", str(master), "--column", "C=position"]
    # Left alone, the column is a question, not two awards without a unit.
    assert main(args) == 1
    assert (
        "qd_cot_la.xlsx, dòng 3, cột D «Cơ sở»: cột này có dữ liệu ở 2 dòng khen thưởng nhưng "
        "không nhận ra là thông tin gì (đơn vị? chức vụ? hình thức?)."
    ) in capsys.readouterr().out
    assert main([*args, "--column", "Sheet1!D=Đơn vị"]) == 0, capsys.readouterr()
    rows = _rows(master, "SELECT position, unit_name FROM awards ORDER BY source_row")
    assert rows == [("Phó Giám đốc", "Sở Y tế"), ("Giáo viên", "Sở Giáo dục và Đào tạo")]
    # The next list with the same header set is read the same way, and says so.
    again = _attached(
        tmp_path / "qd_cot_la_2.xlsx",
        "30/QĐ-UBND",
        "20/5/2025",
        [
            ["STT", "Họ và tên", "Chức danh", "Cơ sở"],
            [1, "Lê Văn Cường", "Kế toán", "Sở Tài chính"],
        ],
    )
    capsys.readouterr()
    assert main(["import", "--dry-run", str(again), "--db", str(master)]) == 0
    assert "dòng 3 (theo cách hiểu cột đã lưu từ lần nhập trước)" in capsys.readouterr().out
    assert main(["import", str(again), "--db", str(master)]) == 0
    rows = _rows(master, "SELECT unit_name FROM awards WHERE decision_no = '30/QĐ-UBND'")
    assert rows == [("Sở Tài chính",)]


def test_one_sheet_chosen_of_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "qd_hai_trang.xlsx"
    book = xlsxwriter.Workbook(path)
    for sheet_name, people in (("Nháp", PEOPLE[:1]), ("DS", PEOPLE)):
        sheet = book.add_worksheet(sheet_name)
        rows = [TITLE, ["(Kèm theo Quyết định số 7/QĐ-UBND ngày 02/01/2025)"], HEADER, *people]
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row)
    book.close()
    master = tmp_path / "w.duckdb"
    assert main(["import", str(path), "--db", str(master), "--sheet", "DS"]) == 0
    out = capsys.readouterr().out
    assert "bỏ qua trang «Nháp»: không được chọn để nhập (--sheet)" in out
    assert _rows(master, "SELECT count(*), min(source_row), max(source_row) FROM awards") == [
        (3, 4, 6)
    ]
    other = tmp_path / "w2.duckdb"
    assert main(["import", str(path), "--db", str(other), "--sheet", "Trang 3"]) == 1
    assert "không có trang «Trang 3»; các trang đọc được: «Nháp», «DS»." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--column", "Z9=x"], "--column «Z9=x»: cần dạng «CỘT=ý nghĩa»"),
        (["--column", "E=Chức danh lạ"], "--column «E=Chức danh lạ»: không biết ý nghĩa"),
        (
            ["--decision-date", "31/02/2025"],
            "--decision-date «31/02/2025»: tháng 2 năm 2025 chỉ có 28 ngày",
        ),
        (["--decision-date", "5/3"], "--decision-date «5/3»: không phải ngày"),
        (["--award", "Khen của ai đó"], "--award «Khen của ai đó»: không phải hình thức"),
        (["--year", "20"], "--year «20»: cần một năm"),
        (["--alias", "Sở GD"], "--alias «Sở GD»: cần dạng"),
    ],
)
def test_a_wrong_choice_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], said: str
) -> None:
    master = tmp_path / "w.duckdb"
    assert main(["import", str(_no_decision(tmp_path)), "--db", str(master), *option]) == 2
    assert said in capsys.readouterr().err
    assert not master.exists()


def test_a_choice_that_contradicts_the_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "w.duckdb"
    args = ["import", str(_no_decision(tmp_path)), "--db", str(master), "--year", "2024"]
    assert main([*args, "--award", "LDTT"]) == 1
    assert (
        "tệp ghi hình thức khen thưởng «Bằng khen của Chủ tịch UBND tỉnh» nhưng lựa chọn của "
        "bạn là «Lao động tiên tiến»" in capsys.readouterr().out
    )
    assert main([*args, "--alias", "Trường THPT X=Sở Không Có"]) == 1
    assert "tên gọi «Trường THPT X» chỉ tới «Sở Không Có», không có trong danh mục đơn vị." in (
        capsys.readouterr().out
    )


def test_columns_the_warehouse_does_not_keep_are_no_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Năm sinh», «Quê quán», «Số tiền thưởng» hold what the warehouse does not keep:
    read past, not asked about."""
    path = _attached(
        tmp_path / "qd_them_cot.xlsx",
        "12/QĐ-UBND",
        "05/3/2025",
        [
            ["STT", "Họ và tên", "Năm sinh", "Quê quán", "Chức vụ", "Đơn vị", "Số tiền thưởng"],
            [1, "Nguyễn Văn An", 1975, "Rạch Giá", "Phó Giám đốc", "Sở Y tế", 1_490_000],
        ],
    )
    master = tmp_path / "w.duckdb"
    assert main(["import", "--dry-run", str(path), "--db", str(master)]) == 0
    assert "Sẽ nhập 1 dòng:" in capsys.readouterr().out
