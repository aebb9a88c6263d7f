"""Layouts beyond the samples: merged two-row headers, a joined position/unit column,
one section per award, data that does not start at A1, the bloc, membership and
campaign templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from tests.builders import write_rows
from tests.conftest import Importer

HEADING: list[list[object]] = [
    ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["TỈNH KIÊN GIANG", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [None],
    ["DANH SÁCH"],
    ["TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NHÂN DỊP TỔNG KẾT NĂM 2022"],
    [
        "(Kèm theo Quyết định số 45 / QĐ-UBND ngày 9 tháng 2 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh)"
    ],
    [None],
]


def _decision_list(path: Path) -> Path:
    rows: list[list[object]] = [
        *HEADING,
        [
            "STT",
            "Họ và tên",
            "Chức vụ, đơn vị công tác",
            None,
        ],  # merged over two rows / two columns
        [None, None, "Chức vụ", "Đơn vị"],
        ["I", "TẶNG CỜ THI ĐUA CỦA UBND TỈNH"],
        [1, "Phòng Nghiệp vụ Y, Sở Y tế"],
        [2, "UBND xã Mong Thọ, UBND huyện Châu Thành"],
        ["II", "TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
        ["1.", "Cá nhân"],
        [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Y tế"],
        [2, "Trần Thị Bình", "Giáo viên, Tổ trưởng chuyên môn", "Trường THPT Nguyễn Trung Trực"],
        [3, "Lê Văn Cường", "Bác sĩ", "Bệnh viện Đa khoa tỉnh"],
        ["2.", "Tập thể"],
        [1, "Khoa Nội, Bệnh viện Đa khoa tỉnh"],
        [None],
        ["Danh sách này có 3 cá nhân và 3 tập thể./."],
        [None, None, None, "KT. CHỦ TỊCH"],
        [None, None, None, "PHÓ CHỦ TỊCH"],
        [None, None, None, "Nguyễn Lưu Trung"],
    ]
    return write_rows(path, rows, start="B2", merges=["C9:C10", "D9:E9"])


def test_decision_list_with_merged_header_and_award_sections(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    [report] = import_into(_decision_list(tmp_path / "qd45.xlsx"))
    assert report.status == "imported", report.message()
    rows = (
        snapshot()
        .execute(
            "SELECT source_row, decision_no, decision_date, form_code, recipient_kind, recipient_name, "
            "position, unit_name, is_leader FROM awards ORDER BY source_row"
        )
        .fetchall()
    )
    date = dt.date(2023, 2, 9)
    # Data starts at B2, so the header is on Excel rows 9-10 and the first award on row 12.
    assert rows == [
        (
            12,
            "45/QĐ-UBND",
            date,
            "CO_TINH",
            "collective",
            "Phòng Nghiệp vụ Y, Sở Y tế",
            None,
            "Sở Y tế",  # the unit after the last comma, a known unit
            None,
        ),
        (
            13,
            "45/QĐ-UBND",
            date,
            "CO_TINH",
            "collective",
            "UBND xã Mong Thọ, UBND huyện Châu Thành",
            None,
            "UBND huyện Châu Thành",
            None,
        ),
        (
            16,
            "45/QĐ-UBND",
            date,
            "BK_TINH",
            "individual",
            "Nguyễn Văn An",
            "Phó Giám đốc",
            "Sở Y tế",
            True,
        ),
        (
            17,
            "45/QĐ-UBND",
            date,
            "BK_TINH",
            "individual",
            "Trần Thị Bình",
            "Giáo viên, Tổ trưởng chuyên môn",
            "Trường THPT Nguyễn Trung Trực",
            False,
        ),
        (
            18,
            "45/QĐ-UBND",
            date,
            "BK_TINH",
            "individual",
            "Lê Văn Cường",
            "Bác sĩ",
            "Bệnh viện Đa khoa tỉnh",
            False,
        ),
        (
            20,
            "45/QĐ-UBND",
            date,
            "BK_TINH",
            "collective",
            "Khoa Nội, Bệnh viện Đa khoa tỉnh",
            None,
            None,
            None,
        ),
    ]


def test_joined_position_unit_column(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    rows: list[list[object]] = [
        *HEADING,
        ["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"],
        ["I", "CÁ NHÂN"],
        [1, "Phạm Văn Dũng", "Phó Giám đốc, Sở Tài chính", "Hoàn thành xuất sắc nhiệm vụ năm 2022"],
        [2, "Võ Thị Em", "Chuyên viên, Sở Tài chính", "Hoàn thành xuất sắc nhiệm vụ năm 2022"],
        ["Danh sách này có 2 cá nhân và 0 tập thể./."],
    ]
    rows[4] = ["CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"]
    [report] = import_into(write_rows(tmp_path / "joined.xlsx", rows))
    assert report.status == "imported", report.message()
    got = (
        snapshot()
        .execute(
            "SELECT position, unit_name, is_leader, form_code, achievement_year FROM awards ORDER BY source_row"
        )
        .fetchall()
    )
    assert got == [
        ("Phó Giám đốc", "Sở Tài chính", True, "BK_TINH", 2022),
        ("Chuyên viên", "Sở Tài chính", False, "BK_TINH", 2022),
    ]


def test_footer_count_disagreeing_with_rows_is_refused(
    tmp_path: Path, import_into: Importer
) -> None:
    rows: list[list[object]] = [
        *HEADING,
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"],
        ["I", "CÁ NHÂN"],
        [1, "Phạm Văn Dũng", "Chuyên viên", "Sở Tài chính"],
        ["Danh sách này có 2 cá nhân và 0 tập thể./."],
    ]
    rows[4] = ["CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"]
    [report] = import_into(write_rows(tmp_path / "short.xlsx", rows))
    assert report.status == "refused"
    [problem] = report.problems
    assert problem.row == 11
    assert "2 cá nhân" in problem.message and "1 cá nhân" in problem.message


def _bloc_rows(total_of_second: object = 93) -> list[list[object]]:
    return [
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA CỤM THI ĐUA SỐ 2 NĂM 2023"],
        [None],
        [
            "TT",
            "Tên đơn vị",
            "Điểm tự chấm",
            "Điểm cụm chấm",
            "Điểm cộng",
            "Điểm trừ",
            "Tổng cộng",
            "Thứ hạng",
        ],
        [1, "UBND huyện Châu Thành", "90,5", "90", 2, 0, 92, 2],
        [2, "UBND thành phố Rạch Giá", 95, "94,5", 0, "1,5", total_of_second, 1],
        [3, "UBND huyện Hòn Đất", 88, 88, 0, 0, 88, 3],
        [None],
        [None, None, None, None, None, "CỤM TRƯỞNG"],
    ]


def test_bloc_sheet_with_other_header_words_away_from_a1(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    [report] = import_into(write_rows(tmp_path / "cum2.xlsx", _bloc_rows(), start="C3"))
    assert report.status == "imported", report.message()
    got = (
        snapshot()
        .execute(
            "SELECT year, bloc_name, bloc_kind, unit_name, self_score, total_score, rank FROM bloc_results ORDER BY rank"
        )
        .fetchall()
    )
    assert got == [
        (2023, "Cụm thi đua số 2", "cluster", "UBND thành phố Rạch Giá", 95.0, 93.0, 1),
        (2023, "Cụm thi đua số 2", "cluster", "UBND huyện Châu Thành", 90.5, 92.0, 2),
        (2023, "Cụm thi đua số 2", "cluster", "UBND huyện Hòn Đất", 88.0, 88.0, 3),
    ]


def test_bloc_sheet_error_names_excel_row_and_column(tmp_path: Path, import_into: Importer) -> None:
    [report] = import_into(write_rows(tmp_path / "cum2.xlsx", _bloc_rows("9x"), start="C3"))
    assert report.status == "refused"
    [problem] = report.problems
    # Title on row 3, header on row 5, second unit on row 7; "Tổng cộng" is the 7th column from C = I.
    assert (problem.row, problem.column, problem.value) == (7, "I «Tổng cộng»", "9x")
    assert "số" in problem.message


def test_bloc_total_must_equal_parts(tmp_path: Path, import_into: Importer) -> None:
    [report] = import_into(write_rows(tmp_path / "cum2.xlsx", _bloc_rows(95)))
    assert report.status == "refused"
    assert any("không bằng" in p.message and p.row == 5 for p in report.problems)


def test_membership_and_campaign_templates(
    tmp_path: Path, import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    members = write_rows(
        tmp_path / "khoi_cum.xlsx",
        [
            ["DANH SÁCH THÀNH VIÊN KHỐI, CỤM THI ĐUA"],
            [None],
            ["Năm", "Khối/Cụm thi đua", "Đơn vị", "Vai trò"],
            [2023, "Cụm thi đua số 2", "UBND thành phố Rạch Giá", "Cụm trưởng"],
            [2023, "Cụm thi đua số 2", "UBND huyện Châu Thành", "Cụm phó"],
            [2023, "Cụm thi đua số 2", "UBND huyện Hòn Đất", "Thành viên"],
        ],
    )
    campaigns = write_rows(
        tmp_path / "phong_trao.xlsx",
        [
            ["DANH SÁCH PHONG TRÀO THI ĐUA"],
            [None],
            [
                "Số kế hoạch",
                "Ngày ban hành",
                "Tên phong trào",
                "Loại",
                "Ngày bắt đầu",
                "Ngày kết thúc",
                "Hạn đăng ký",
                "Khẩu hiệu",
            ],
            [
                "136/KH-UBND",
                "13/09/2019",
                "Thi đua thực hiện thắng lợi Nghị quyết Đại hội",
                "Chuyên đề",
                "01/06/2019",
                "30/06/2020",
                "30/10/2019",
                "Đoàn kết, đổi mới, sáng tạo, hiệu quả, bứt phá",
            ],
        ],
    )
    scores = write_rows(tmp_path / "cum2.xlsx", _bloc_rows())
    reports = import_into(members, campaigns, scores)
    assert [r.status for r in reports] == ["imported"] * 3, [r.message() for r in reports]
    con = snapshot()
    roles = con.execute("SELECT unit_name, role FROM bloc_results ORDER BY rank").fetchall()
    assert roles == [
        ("UBND thành phố Rạch Giá", "head"),
        ("UBND huyện Châu Thành", "deputy"),
        ("UBND huyện Hòn Đất", "member"),
    ]
    assert con.execute("SELECT * EXCLUDE (batch_id, source_row) FROM campaigns").fetchall() == [
        (
            "136/KH-UBND",
            dt.date(2019, 9, 13),
            "Thi đua thực hiện thắng lợi Nghị quyết Đại hội",
            "thematic",
            dt.date(2019, 6, 1),
            dt.date(2020, 6, 30),
            dt.date(2019, 10, 30),
            "Đoàn kết, đổi mới, sáng tạo, hiệu quả, bứt phá",
        ),
    ]


def test_shipped_templates_import_with_their_example_rows(
    import_into: Importer, snapshot: Callable[[], duckdb.DuckDBPyConnection]
) -> None:
    templates = sorted((Path(__file__).parent.parent / "data" / "templates").glob("*.xlsx"))
    assert [t.name for t in templates] == [
        "mau_khoi_cum_thi_dua.xlsx",
        "mau_phong_trao_thi_dua.xlsx",
        "mau_so_ho_so_de_nghi.xlsx",
        "mau_so_khen_thuong.xlsx",
    ]
    reports = import_into(*templates)
    assert [r.status for r in reports] == ["imported"] * 4, [r.message() for r in reports]
    con = snapshot()
    assert con.execute("SELECT year, bloc_name, unit_name, role FROM bloc_members").fetchall() == [
        (2026, "Khối thi đua số 1", "Sở Nội vụ", "head")
    ]
    assert con.execute("SELECT campaign_code, kind FROM campaigns").fetchall() == [
        ("136/KH-UBND", "thematic")
    ]
    assert con.execute("SELECT form_code, is_leader, achievement_year FROM awards").fetchall() == [
        ("BK_TINH", False, 2025)
    ]
    assert con.execute(
        "SELECT unit_name, received_on, status, form_codes, recipients FROM dossiers"
    ).fetchall() == [("Sở Y tế", dt.date(2026, 1, 5), "decided", "BK_TINH,TTLDXS", 3)]


def test_sheet_start_read_from_xml_agrees_with_calamine(tmp_path: Path) -> None:
    """Excel row numbers rest on where calamine starts a sheet; the streamed XML scan must agree."""
    import openpyxl
    import python_calamine
    from openpyxl.styles import PatternFill

    from etl.reading.xlsx import plan_xlsx
    from thidua.settings import LIMITS

    def starts(path: Path) -> list[tuple[int, int]]:
        plan = plan_xlsx(path, path.name, LIMITS, tmp_path)
        return [(s.first_row - 1, s.first_col) for s in plan.sheets]

    files = [
        SAMPLES / n
        for n in ("qd_bang_khen_2020.xlsx", "so_khen_thuong_2019.xlsx", "diem_khoi4_2018.xlsx")
    ]
    files.append(write_rows(tmp_path / "c3.xlsx", _bloc_rows(), start="C3"))
    files.append(_decision_list(tmp_path / "b2.xlsx"))
    styled = openpyxl.Workbook()
    sheet = styled.active
    assert sheet is not None
    sheet["A1"].fill = PatternFill("solid", fgColor="FFFF00")  # formatted but empty: not data
    for r in range(4, 300):
        sheet.cell(row=r, column=3, value=f"giá trị {r}")
    sheet.cell(
        row=500, column=1, value="ghi chú ở cột A, rất xa bên dưới"
    )  # moves calamine's start
    styled.save(tmp_path / "styled.xlsx")
    files.append(tmp_path / "styled.xlsx")
    for path in files:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        expected = [book.get_sheet_by_index(i).start for i in range(len(book.sheet_names))]
        assert starts(path) == expected, path.name
    assert starts(tmp_path / "styled.xlsx") == [(3, 0)]
    assert starts(tmp_path / "c3.xlsx") == [(2, 2)]


SAMPLES = Path(__file__).parent / "samples"
