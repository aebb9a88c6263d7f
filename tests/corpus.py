"""A corpus of small files in the layouts provinces send (issue 19's families), each with
its truth counted by hand from the rows below — not from the importer's output. Every
award list's truth gives the awards, individuals, collectives, leaders and direct workers
(DOMAIN.md's rule, data/reference/position_rules.csv), awards by form and by year; every
bloc sheet's gives each unit's total and rank, ties included.

Row numbers in comments are Excel's. Positions used: leaders — Giám đốc, Phó Giám đốc,
Trưởng phòng, Phó Trưởng phòng, Hiệu trưởng, Chủ tịch, Phó Chủ tịch; direct workers —
Giáo viên, Điều dưỡng, Bác sĩ, Kế toán, Chuyên viên, Công nhân, Kỹ thuật viên, Tổ trưởng.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter

from tests import hostile_files
from tests.builders import REGISTER_HEADER, write_rows

Rows = list[list[object]]
NBSP = "\u00a0"

TITLE_BK = "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"
HEAD: Rows = [
    ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["TỈNH KIÊN GIANG", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [None],
    ["DANH SÁCH"],
]


def kem_theo(number: str, day: str) -> list[object]:
    return [f"(Kèm theo Quyết định số {number} ngày {day} của Chủ tịch Ủy ban nhân dân tỉnh)"]


@dataclass(frozen=True)
class Truth:
    awards: int = 0
    individuals: int = 0
    collectives: int = 0
    leaders: int = 0
    direct_workers: int = 0
    by_form: dict[str, int] = field(default_factory=dict)
    by_year: dict[int, int] = field(default_factory=dict)
    # bloc sheets: unit -> (total, rank)
    blocs: dict[str, tuple[float, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    name: str  # file name, and the family it belongs to in the test id
    family: str
    make: Callable[[Path], Path]
    truth: Truth


def rows_file(
    rows: Sequence[Sequence[object]], merges: list[str] | None = None
) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        return write_rows(path, rows, merges=merges)

    return make


def sheets_file(sheets: dict[str, Rows]) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        book = xlsxwriter.Workbook(path)
        for name, rows in sheets.items():
            sheet = book.add_worksheet(name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is not None:
                        sheet.write(r, c, value)
        book.close()
        return path

    return make


def register(rows: Rows) -> Rows:
    return [list(REGISTER_HEADER), *rows]


CASES: list[Case] = [
    # --- 1. lists grouped by unit ---------------------------------------------------------
    Case(
        "qd_theo_don_vi.xlsx",
        "1 grouped by unit",
        rows_file(
            [
                *HEAD,
                [TITLE_BK],
                kem_theo("45/QĐ-UBND", "09/02/2023"),
                [None],
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # 8
                ["I", "CÁ NHÂN"],  # 9
                ["1.", "Sở Y tế"],  # 10 heading
                [1, "Nguyễn Văn An", "Phó Giám đốc"],  # 11 leader
                [2, "Trần Thị Bình", "Điều dưỡng"],  # 12 worker
                [None, "2. Sở Tài chính"],  # 13 heading
                [1, "Lê Văn Cường", "Kế toán"],  # 14 worker
                ["II", "TẬP THỂ"],  # 15
                [1, "Phòng Kế hoạch - Tài chính", None, "Sở Y tế"],  # 16
            ]
        ),  # fmt: skip
        Truth(4, 3, 1, 1, 2, {"BK_TINH": 4}, {2023: 4}),
    ),
    Case(
        "qd_don_vi_khong_muc.xlsx",
        "1 grouped by unit",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("12/QĐ-UBND", "05/01/2024"),
                ["STT", "Họ và tên", "Chức vụ", "Giới tính"],  # 3
                ["A", "UBND huyện Châu Thành"],  # 4 heading: a person follows
                [1, "Phạm Văn Dũng", "Chủ tịch", "Nam"],  # 5 leader
                [2, "Võ Thị Em", "Chuyên viên", "Nữ"],  # 6 worker
                [3, "Đỗ Văn Giàu", "Công nhân", "Nam"],  # 7 worker
            ]
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"BK_TINH": 3}, {2024: 3}),
    ),
    # --- 2. one «Chức vụ, đơn vị công tác» cell ---------------------------------------------
    Case(
        "qd_chuc_vu_don_vi.xlsx",
        "2 joined position/unit",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("45/QĐ-UBND", "09/02/2023"),
                ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],  # 3
                ["I", "CÁ NHÂN"],  # 4
                [1, "Nguyễn Văn An", "Phó Giám đốc Sở Y tế"],  # 5 leader
                [
                    2,
                    "Trần Thị Bình",
                    "Giáo viên, Tổ trưởng chuyên môn Trường THPT Nguyễn Trung Trực",
                ],  # 6
                [3, "Lê Văn Cường", "Trưởng phòng Tổ chức, Sở Tài chính"],  # 7 leader
                [4, "Mai Thị Dung", "Kế toán Sở Giáo dục và Đào tạo"],  # 8 worker
            ]
        ),  # fmt: skip
        Truth(4, 4, 0, 2, 2, {"BK_TINH": 4}, {2023: 4}),
    ),
    Case(
        "qd_gop_tap_the.xlsx",
        "2 joined position/unit",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("46/QĐ-UBND", "10/02/2023"),
                ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác"],  # 3
                ["I", "TẬP THỂ"],  # 4
                [1, "Phòng Nghiệp vụ Y, Sở Y tế"],  # 5
                [2, "Khoa Hồi sức, Bệnh viện Đa khoa tỉnh"],  # 6
                ["II", "CÁ NHÂN"],  # 7
                [1, "Hồ Văn Hải", "Bác sĩ Bệnh viện Đa khoa tỉnh"],  # 8 worker
            ]
        ),  # fmt: skip
        Truth(3, 1, 2, 0, 1, {"BK_TINH": 3}, {2023: 3}),
    ),
    # --- 3. registers with subtotals ------------------------------------------------------------
    Case(
        "so_co_cong.xlsx",
        "3 subtotals",
        rows_file(
            register(
                [
                    [
                        "2024",
                        "15/QĐ-UBND",
                        "10/01/2024",
                        "Cá nhân",
                        "Nguyễn Văn Một",
                        "Nam",
                        "Giám đốc",
                        "Sở Y tế",
                        "Bằng khen của Chủ tịch UBND tỉnh",
                        "Thường xuyên",
                    ],  # 2
                    [
                        "2024",
                        "15/QĐ-UBND",
                        "10/01/2024",
                        "Cá nhân",
                        "Trần Thị Hai",
                        "Nữ",
                        "Bác sĩ",
                        "Sở Y tế",
                        "Bằng khen của Chủ tịch UBND tỉnh",
                        "Thường xuyên",
                    ],  # 3
                    ["Cộng: 2"],  # 4
                    [
                        "2025",
                        "3/QĐ-UBND",
                        "06/01/2025",
                        "Tập thể",
                        "Phòng Kế hoạch",
                        None,
                        None,
                        "Sở Tài chính",
                        "Tập thể lao động xuất sắc",
                        "Thường xuyên",
                    ],  # 5
                    [
                        "Cộng",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        1,
                    ],  # 6: the count in a later cell
                    ["Tổng cộng: 3"],  # 7
                ]
            )
        ),  # fmt: skip
        Truth(3, 2, 1, 1, 1, {"BK_TINH": 2, "TTLDXS": 1}, {2024: 2, 2025: 1}),
    ),
    Case(
        "so_stt_cong_thuc.xlsx",
        "3 subtotals",
        rows_file(
            [
                ["STT", *REGISTER_HEADER],  # 1
                [
                    1,
                    "2023",
                    "7/QĐ-UBND",
                    "02/01/2023",
                    "Cá nhân",
                    "Lý Văn Ba",
                    "Nam",
                    "Công nhân",
                    "Sở Tài chính",
                    "Lao động tiên tiến",
                    "Thường xuyên",
                ],  # 2
                [
                    2,
                    "2023",
                    "7/QĐ-UBND",
                    "02/01/2023",
                    "Cá nhân",
                    "Lý Thị Bốn",
                    "Nữ",
                    "Kỹ thuật viên",
                    "Sở Y tế",
                    "Lao động tiên tiến",
                    "Thường xuyên",
                ],  # 3
                [
                    3,
                    "2023",
                    "7/QĐ-UBND",
                    "02/01/2023",
                    "Cá nhân",
                    "Lý Văn Năm",
                    "Nam",
                    "Phó Trưởng phòng",
                    "Sở Y tế",
                    "Chiến sĩ thi đua cơ sở",
                    "Thường xuyên",
                ],  # 4
                [None, "Cộng 3 người"],  # 5
            ]
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"LDTT": 2, "CSTD_CS": 1}, {2023: 3}),
    ),
    # --- 4. dates as offices type them ----------------------------------------------------------
    Case(
        "so_ngay_nhieu_kieu.xlsx",
        "4 dates",
        rows_file(
            [
                [
                    "Số quyết định",
                    "Ngày quyết định",
                    "Đối tượng",
                    "Họ tên / Tên tập thể",
                    "Chức vụ",
                    "Đơn vị",
                    "Hình thức khen thưởng",
                ],
                [
                    "1/QĐ-UBND",
                    "05/03/2022",
                    "Cá nhân",
                    "An Văn Một",
                    "Giáo viên",
                    "Sở Giáo dục và Đào tạo",
                    "Lao động tiên tiến",
                ],
                [
                    "2/QĐ-UBND",
                    "5-3-2023",
                    "Cá nhân",
                    "An Văn Hai",
                    "Giáo viên",
                    "Sở Giáo dục và Đào tạo",
                    "Lao động tiên tiến",
                ],
                [
                    "3/QĐ-UBND",
                    "05.03.2023",
                    "Cá nhân",
                    "An Văn Ba",
                    "Hiệu trưởng",
                    "Sở Giáo dục và Đào tạo",
                    "Lao động tiên tiến",
                ],
                [
                    "4/QĐ-UBND",
                    "2024-03-05",
                    "Cá nhân",
                    "An Văn Bốn",
                    "Giáo viên",
                    "Sở Giáo dục và Đào tạo",
                    "Lao động tiên tiến",
                ],
                [
                    "5/QĐ-UBND",
                    "ngày 02 tháng 7 năm 2024",
                    "Cá nhân",
                    "An Văn Năm",
                    "Giáo viên",
                    "Sở Giáo dục và Đào tạo",
                    "Lao động tiên tiến",
                ],
            ]
        ),  # fmt: skip
        Truth(5, 5, 0, 1, 4, {"LDTT": 5}, {2022: 1, 2023: 2, 2024: 2}),
    ),
    Case(
        "qd_ngay_trong_dong_kem_theo.xlsx",
        "4 dates",
        rows_file(
            [
                ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG CỜ THI ĐUA CỦA UBND TỈNH"],
                [
                    "(Kèm theo Quyết định số 88/QĐ-UBND ngày 02 tháng 01 năm 2025 của Chủ tịch UBND tỉnh)"
                ],
                ["STT", "Tên tập thể", "Đơn vị"],
                [1, "Sở Y tế", "Sở Y tế"],
                [2, "UBND huyện Châu Thành", "UBND huyện Châu Thành"],
            ]
        ),  # fmt: skip
        Truth(2, 0, 2, 0, 0, {"CO_TINH": 2}, {2025: 2}),
    ),
    # --- 5. two-row headers ---------------------------------------------------------------------
    Case(
        "qd_nam_sinh_nam_nu.xlsx",
        "5 two-row header",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("20/QĐ-UBND", "15/01/2024"),
                ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ", "Đơn vị"],  # 3
                [None, None, "Nam", "Nữ"],  # 4
                [1, "Ngô Văn Tài", 1975, None, "Giám đốc", "Sở Tài chính"],  # 5 leader, M
                [2, "Ngô Thị Lan", None, 1988, "Chuyên viên", "Sở Tài chính"],  # 6 worker, F
                [3, "Ngô Thị Mai", None, 1990, "Kế toán", "Sở Y tế"],  # 7 worker, F
            ],
            merges=["C3:D3"],
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"BK_TINH": 3}, {2024: 3}),
    ),
    Case(
        "so_qd_so_ngay.xlsx",
        "5 two-row header",
        rows_file(
            [
                [
                    "Đối tượng",
                    "Họ tên / Tên tập thể",
                    "Chức vụ",
                    "Đơn vị",
                    "Quyết định khen thưởng",
                    None,
                    "Hình thức khen thưởng",
                ],
                [None, None, None, None, "Số", "Ngày"],
                [
                    "Cá nhân",
                    "Cao Văn Sơn",
                    "Trưởng phòng",
                    "Sở Y tế",
                    "9/QĐ-UBND",
                    "03/01/2023",
                    "Chiến sĩ thi đua cơ sở",
                ],
                [
                    "Cá nhân",
                    "Cao Thị Thủy",
                    "Điều dưỡng",
                    "Sở Y tế",
                    "9/QĐ-UBND",
                    "03/01/2023",
                    "Lao động tiên tiến",
                ],
            ],
            merges=["E1:F1"],
        ),  # fmt: skip
        Truth(2, 2, 0, 1, 1, {"CSTD_CS": 1, "LDTT": 1}, {2023: 2}),
    ),
    # --- 6. title blocks ------------------------------------------------------------------------
    Case(
        "qd_tieu_de_mot_o.xlsx",
        "6 title block",
        rows_file(
            [
                [
                    "DANH SÁCH\nCÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH\n(Kèm theo Quyết định số 31/QĐ-UBND ngày 20/02/2024 của Chủ tịch UBND tỉnh)"
                ],
                [None],
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                [1, "Tạ Văn Quý", "Phó Chủ tịch", "UBND huyện Châu Thành"],
                [2, "Tạ Thị Quyên", "Chuyên viên", "UBND huyện Châu Thành"],
            ],
            merges=["A1:D1"],
        ),  # fmt: skip
        Truth(2, 2, 0, 1, 1, {"BK_TINH": 2}, {2024: 2}),
    ),
    Case(
        "qd_tieu_de_dai_cot_trong.xlsx",
        "6 title block",
        rows_file(
            [
                *[
                    [None, line]
                    for line in (
                        "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc",
                        None,
                        "DANH SÁCH",
                        "ĐỀ NGHỊ KHEN THƯỞNG",
                        "Hình thức khen thưởng: Lao động tiên tiến",
                        "(Kèm theo Quyết định số 77/QĐ-UBND ngày 12/12/2024 của Chủ tịch UBND tỉnh)",
                        None,
                        None,
                        None,
                    )
                ],
                [None, "STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # 12: header under a long title
                [None, 1, "Dương Văn Khoa", "Công nhân", "Sở Tài chính"],  # 13
                [None, 2, "Dương Thị Hoa", "Tổ trưởng", "Sở Tài chính"],  # 14 worker (Tổ trưởng)
                [None, 3, "Dương Văn Lâm", "Giám đốc", "Sở Tài chính"],  # 15 leader
            ]
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"LDTT": 3}, {2024: 3}),
    ),
    Case(
        "qd_muc_co_so_luong.xlsx",
        "6 title block",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("50/QĐ-UBND", "01/03/2024"),
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # 3
                ["A", "TẬP THỂ (01 tập thể)"],  # 4
                [1, "Phòng Quản lý ngân sách", None, "Sở Tài chính"],  # 5
                ["B", "CÁ NHÂN (gồm 2 người)"],  # 6
                [1, "Lâm Văn Tú", "Trưởng phòng", "Sở Tài chính"],  # 7 leader
                [2, "Lâm Thị Vân", "Chuyên viên", "Sở Tài chính"],  # 8 worker
                [None],
                ["Danh sách này có 2 cá nhân và 1 tập thể./."],
            ]
        ),  # fmt: skip
        Truth(3, 2, 1, 1, 1, {"BK_TINH": 3}, {2024: 3}),
    ),
    # --- 7. bloc and cluster scoring sheets -------------------------------------------------------
    Case(
        "diem_khoi_hang_so.xlsx",
        "7 bloc sheet",
        rows_file(
            [
                ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA KHỐI THI ĐUA SỐ 2 NĂM 2024"],
                [None],
                [
                    "TT",
                    "Đơn vị",
                    "Điểm tự chấm",
                    "Điểm khối chấm",
                    "Cộng",
                    "Trừ",
                    "Tổng",
                    "Xếp thứ",
                ],
                [1, "Sở Y tế", 95, 94, 2, 0, 96, 1],  # 94 + 2 − 0
                [2, "Sở Tài chính", 92, 91, 1, 1, 91, 2],  # 91 + 1 − 1
                [3, "Sở Giáo dục và Đào tạo", 90, 89, 0, 0, 89, 3],
            ]
        ),  # fmt: skip
        Truth(
            blocs={"Sở Y tế": (96, 1), "Sở Tài chính": (91, 2), "Sở Giáo dục và Đào tạo": (89, 3)}
        ),
    ),
    Case(
        "diem_khoi_dong_hang.xlsx",
        "7 bloc sheet",
        rows_file(
            [
                ["KẾT QUẢ CHẤM ĐIỂM KHỐI THI ĐUA SỐ 3 NĂM 2023"],
                [
                    "STT",
                    "Tên đơn vị",
                    "Điểm khối chấm",
                    "Điểm cộng",
                    "Điểm trừ",
                    "Tổng điểm",
                    "Xếp hạng",
                ],
                [1, "Sở Y tế", 95, 0, 0, 95, "Nhất"],
                [2, "Sở Tài chính", 93, 0, 0, 93, "Nhì"],
                [3, "Sở GD&ĐT", 90, 0, 0, 90, "Đồng hạng Ba"],  # tie: two units 3rd
                [4, "UBND huyện Châu Thành", 89, 1, 0, 90, "Đồng hạng Ba"],
                [5, "Sở Khoa học và Công nghệ", 88, 0, 0, 88, "Năm"],  # the next is 5th
                [None, None, "KHỐI TRƯỞNG"],
                [None, "Nguyễn Văn Ký"],  # a signature, not a unit
            ]
        ),  # fmt: skip
        Truth(
            blocs={
                "Sở Y tế": (95, 1),
                "Sở Tài chính": (93, 2),
                "Sở Giáo dục và Đào tạo": (90, 3),
                "UBND huyện Châu Thành": (90, 3),
                "Sở Khoa học và Công nghệ": (88, 5),
            }
        ),  # fmt: skip
    ),
    # --- 8. one sheet per decision --------------------------------------------------------------
    Case(
        "hai_quyet_dinh.xlsx",
        "8 sheet per decision",
        sheets_file(
            {
                "QĐ 5": [
                    [TITLE_BK],
                    kem_theo("5/QĐ-UBND", "03/01/2023"),
                    ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                    [1, "Kiều Văn Hòa", "Giám đốc", "Sở Y tế"],
                    [2, "Kiều Thị Hương", "Điều dưỡng", "Sở Y tế"],
                ],
                "QĐ 9": [
                    ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN"],
                    kem_theo("9/QĐ-UBND", "04/01/2024"),
                    ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                    [1, "Kiều Văn Hưng", "Kế toán", "Sở Tài chính"],
                ],
            }
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"BK_TINH": 2, "LDTT": 1}, {2023: 2, 2024: 1}),
    ),
    # --- 9. department lists --------------------------------------------------------------------
    Case(
        "qd_syt_danh_hieu.xlsx",
        "9 department list",
        rows_file(
            [
                ["SỞ Y TẾ TỈNH KIÊN GIANG"],
                ["DANH SÁCH CÁ NHÂN, TẬP THỂ ĐẠT DANH HIỆU THI ĐUA NĂM 2023"],
                ["(Kèm theo Quyết định số 120/QĐ-SYT ngày 15/01/2024 của Giám đốc Sở Y tế)"],
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # 4
                ["I", "DANH HIỆU LAO ĐỘNG TIÊN TIẾN"],  # 5
                [1, "Châu Văn Phúc", "Bác sĩ", "Sở Y tế"],  # 6
                [2, "Châu Thị Phương", "Điều dưỡng", "Sở Y tế"],  # 7
                ["II", "DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"],  # 8
                [1, "Châu Văn Phúc", "Bác sĩ", "Sở Y tế"],  # 9: the same person, a second title
                ["III", "DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC"],  # 10
                [1, "Khoa Nội, Bệnh viện Đa khoa tỉnh", None, "Sở Y tế"],  # 11
                [None],
                [None, None, None, "GIÁM ĐỐC"],
            ]
        ),  # fmt: skip
        Truth(4, 3, 1, 0, 3, {"LDTT": 2, "CSTD_CS": 1, "TTLDXS": 1}, {2024: 4}),
    ),
    Case(
        "qd_sgd_viet_tat.xlsx",
        "9 department list",
        rows_file(
            [
                ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM HỌC 2023-2024"],
                [
                    "(Kèm theo Quyết định số 900/QĐ-SGDĐT ngày 20/08/2024 của Giám đốc Sở Giáo dục và Đào tạo)"
                ],
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],  # 3
                ["I", "LĐTT"],  # 4
                [1, "Thái Văn Quang", "GV", "Sở Giáo dục và Đào tạo"],  # 5 worker (GV)
                [2, "Thái Thị Quế", "HT", "Sở Giáo dục và Đào tạo"],  # 6 leader (HT)
                ["II", "CSTĐCS"],  # 7
                [1, "Thái Văn Quang", "GV", "Sở Giáo dục và Đào tạo"],  # 8
                [None, None, None, "KT. GIÁM ĐỐC"],
            ]
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"LDTT": 2, "CSTD_CS": 1}, {2024: 3}),
    ),
    # --- 10. mixed state and provincial awards ---------------------------------------------------
    Case(
        "so_hon_hop.xlsx",
        "10 mixed awards",
        rows_file(
            register(
                [
                    [
                        "2024",
                        "1500/QĐ-CTN",
                        "20/11/2024",
                        "Cá nhân",
                        "Hà Văn Đức",
                        "Nam",
                        "Giám đốc",
                        "Sở Y tế",
                        "Huân chương Lao động hạng Ba",
                        "Thường xuyên",
                    ],
                    [
                        "2024",
                        "700/QĐ-TTg",
                        "15/06/2024",
                        "Tập thể",
                        "Sở Y tế",
                        None,
                        None,
                        "Sở Y tế",
                        "Bằng khen của Thủ tướng Chính phủ",
                        "Thường xuyên",
                    ],
                    [
                        "2025",
                        "2/QĐ-UBND",
                        "03/01/2025",
                        "Cá nhân",
                        "Hà Thị Linh",
                        "Nữ",
                        "Bác sĩ",
                        "Sở Y tế",
                        "BK UBND tỉnh",
                        "Thường xuyên",
                    ],
                    [
                        "2025",
                        "2/QĐ-UBND",
                        "03/01/2025",
                        "Tập thể",
                        "UBND huyện Châu Thành",
                        None,
                        None,
                        "UBND huyện Châu Thành",
                        "Cờ thi đua của UBND tỉnh",
                        "Thường xuyên",
                    ],
                ]
            )
        ),  # fmt: skip
        Truth(
            4,
            2,
            2,
            1,
            1,
            {"HUAN_CHUONG": 1, "BK_TTG": 1, "BK_TINH": 1, "CO_TINH": 1},
            {2024: 2, 2025: 2},
        ),  # fmt: skip
    ),
    Case(
        "so_thang_mot.xlsx",
        "10 mixed awards",
        rows_file(
            register(
                [
                    # A January decision counts in the year of the decision (2025), not the year of
                    # the achievement (2024).
                    [
                        "2025",
                        "5/QĐ-UBND",
                        "08/01/2025",
                        "Cá nhân",
                        "Đinh Văn Tâm",
                        "Nam",
                        "Chuyên viên",
                        "Sở Tài chính",
                        "Chiến sĩ thi đua cấp tỉnh",
                        "Thường xuyên",
                    ],
                    [
                        "2024",
                        "900/QĐ-UBND",
                        "28/12/2024",
                        "Cá nhân",
                        "Đinh Thị Tú",
                        "Nữ",
                        "Phó Giám đốc",
                        "Sở Tài chính",
                        "Bằng khen của Chủ tịch UBND tỉnh",
                        "Đột xuất",
                    ],
                ]
            )
        ),  # fmt: skip
        Truth(2, 2, 0, 1, 1, {"CSTD_TINH": 1, "BK_TINH": 1}, {2024: 1, 2025: 1}),
    ),
    # --- 11. hand-typed text --------------------------------------------------------------------
    Case(
        "qd_go_tay.xlsx",
        "11 hand-typed",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("61/QĐ-UBND", "02/04/2024"),
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                ["I", "CÁ NHÂN"],
                [1, "NGUYỄN THỊ ĐÀO", "PGĐ", "Sở Y tế"],  # leader (PGĐ)
                [2, f"trần{NBSP}văn  bé", "ĐD", "Sở Y tế"],  # worker (ĐD)
                [3, "Ðặng Văn Út", "KTV", f"Sở Y tế{NBSP}"],  # «Ð» typed for «Đ»; worker (KTV)
                [4, "Lê Văn Vui", "TP", "Sở Tài chính"],  # leader (TP)
            ]
        ),  # fmt: skip
        Truth(4, 4, 0, 2, 2, {"BK_TINH": 4}, {2024: 4}),
    ),
    # --- 12. namesakes --------------------------------------------------------------------------
    Case(
        "qd_trung_ten.xlsx",
        "12 namesakes",
        rows_file(
            [
                [TITLE_BK],
                kem_theo("70/QĐ-UBND", "05/05/2024"),
                ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                ["I", "CÁ NHÂN"],
                [1, "Nguyễn Văn Nam", "Chuyên viên", "Sở Y tế"],
                [2, "Nguyễn Văn Nam", "Chuyên viên", "Sở Tài chính"],  # another unit: another man
                [3, "Nguyễn Văn Nam", "Giám đốc", "UBND huyện Châu Thành"],
            ]
        ),  # fmt: skip
        Truth(3, 3, 0, 1, 2, {"BK_TINH": 3}, {2024: 3}),
    ),
]


def _plain_register(rows: int) -> Truth:
    """hostile_files.register_rows: `rows` people, each a Chuyên viên (a direct worker) of
    Sở Y tế given the provincial certificate of merit in 2024."""
    return Truth(rows, rows, 0, 0, rows, {"BK_TINH": rows}, {2024: rows})


def _made_by(maker: Callable[..., Path], **options: object) -> Callable[[Path], Path]:
    """A file of tests/hostile_files.py (it names the file itself), in the case's folder."""

    def make(path: Path) -> Path:
        return maker(path.parent, **options)

    return make


# The same register as the files other programs and old habits save (the reading issue).
CASES += [
    Case("so_khen_cr.csv", "text: CR-only lines", _made_by(hostile_files.cr_only_csv, rows=7), _plain_register(7)),
    Case("so_khen_excel_vn.csv", "text: ';' and a BOM", _made_by(hostile_files.semicolon_bom_csv, rows=5), _plain_register(5)),
    Case("so_khen_unicode.txt", "text: UTF-16, tabs", _made_by(hostile_files.unicode_text, rows=4), _plain_register(4)),
    Case("qd_co_trang_an.xlsx", "8 hidden draft sheet", _made_by(hostile_files.hidden_draft, rows=6), _plain_register(6)),
    Case("so_khen_o_cuoi.xlsx", "stray far cell", _made_by(hostile_files.stray_last_cell, rows=8), _plain_register(8)),
]  # fmt: skip
