"""Award names and positions, classed by hand per DOMAIN.md."""

from __future__ import annotations

import pytest

from thidua.forms import find_form_in, form_code, suggest_form
from thidua.positions import classify, load_rules

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bằng khen của Chủ tịch UBND tỉnh", "BK_TINH"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "BK_TINH"),
        ("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "BK_TINH"),
        ("Tặng Bằng khen của Bộ trưởng Bộ Y tế", "BK_TINH"),
        ("Bằng khen của Thủ tướng Chính phủ", "BK_TTG"),
        ("Bằng khen của TTg Chính phủ", "BK_TTG"),
        ("Cờ thi đua của UBND tỉnh", "CO_TINH"),
        ("Cờ thi đua của Chính phủ", "CO_CP"),
        ("Chiến sĩ thi đua cấp tỉnh", "CSTD_TINH"),
        ("CSTĐ cơ sở", "CSTD_CS"),
        ("Chiến sĩ thi đua toàn quốc", "CSTD_TQ"),
        ("Lao động tiên tiến", "LDTT"),
        ("Chiến sĩ tiên tiến", "LDTT"),
        ("Tập thể lao động xuất sắc", "TTLDXS"),
        ("Tập thể Lao động tiên tiến", "TTLDTT"),
        ("Huân chương Lao động hạng Ba", "HUAN_CHUONG"),
        ("Huy chương Chiến sĩ vẻ vang hạng Ba", "HUY_CHUONG"),
        ("Bà mẹ Việt Nam anh hùng", "DH_VINH_DU"),
        ("Nhà giáo ưu tú", "DH_VINH_DU"),
        ("Giải thưởng Nhà nước", "GIAI_THUONG"),
        ("Kỷ niệm chương Vì sự nghiệp thi đua - khen thưởng", "KY_NIEM_CHUONG"),
        ("Giấy khen của Giám đốc Sở", "GIAY_KHEN"),
        ("Bằng khenn của Chủ tịch UBND tỉnh", None),
        ("Khen ngợi", None),
    ],
)
def test_form_code(text: str, code: str | None) -> None:
    assert form_code(text) == code


def test_form_in_a_title_and_suggestion() -> None:
    title = "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert find_form_in(title) == "BK_TINH"
    assert find_form_in("I. TẶNG CỜ THI ĐUA CỦA UBND TỈNH") == "CO_TINH"
    assert find_form_in("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG") is None
    assert suggest_form("Bằng khenn của Chủ tịch UBND tỉnh") == "Bằng khen của Chủ tịch UBND tỉnh"
    assert suggest_form("Khen ngợi") is None


@pytest.mark.parametrize(
    ("position", "is_leader"),
    [
        ("Phó Giám đốc Sở Y tế", True),
        ("Giám đốc", True),
        ("Chủ tịch UBND xã Mong Thọ", True),
        ("Phó Chủ tịch", True),
        ("Bí thư Đảng ủy xã", True),
        ("Trưởng phòng Kế hoạch - Tài chính", True),
        ("Phó Trưởng phòng", True),
        ("Chánh Văn phòng", True),
        ("Phó Chánh Thanh tra", True),
        ("Hiệu trưởng", True),
        ("Phó Hiệu trưởng Trường THPT Nguyễn Trung Trực", True),
        ("Trưởng khoa Nội", True),
        ("Chi cục trưởng", True),
        ("Viện trưởng", True),
        ("Quyền Giám đốc", True),
        ("Giáo viên, Tổ trưởng chuyên môn Trường THPT Nguyễn Trung Trực", False),
        ("Tổ trưởng chuyên môn", False),
        ("Chuyên viên chính", False),
        ("Cán sự", False),
        ("Nhân viên", False),
        ("Bác sĩ", False),
        ("Điều dưỡng", False),
        ("Kế toán", False),
        ("Văn thư", False),
        ("Công nhân", False),
        ("Nông dân", False),
        ("Kỹ thuật viên", False),
        ("Chiến sĩ", False),
        ("Kiểm lâm viên", False),
        ("Bí thư chi đoàn", False),
        ("Trưởng ấp Hòa Lợi", False),
        ("Trưởng trạm", None),
        ("", None),
        (None, None),
    ],
)
def test_position_class(position: str | None, is_leader: bool | None) -> None:
    decided, rule = classify(position, RULES)
    assert decided is is_leader
    assert (rule is None) == (is_leader is None)


def test_leader_post_anywhere_makes_a_leader() -> None:
    assert classify("Giáo viên, Phó Hiệu trưởng", RULES) == (True, "L_HIEU_TRUONG")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở Giáo dục - Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("UBND TP Rạch Giá", "UBND thành phố Rạch Giá"),
        ("UBND TP. Rạch Giá", "UBND thành phố Rạch Giá"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Y tế tỉnh Kiên Giang", "Sở Y tế"),
        ("Trường THPT Nguyễn Trung Trực", None),
    ],
)
def test_unit_spellings(typed: str, unit: str | None) -> None:
    import csv
    from pathlib import Path

    from thidua.units import UnitMatcher

    csv_path = Path(__file__).parent.parent / "data" / "reference" / "units.csv"
    with csv_path.open(encoding="utf-8") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    assert UnitMatcher(names, {"Phòng GD Kiên Hải": "UBND huyện Kiên Hải"}).canonical(typed) == unit
    assert (
        UnitMatcher(names, {"Phòng GD Kiên Hải": "UBND huyện Kiên Hải"}).canonical(
            "Phòng GD Kiên Hải"
        )
        == "UBND huyện Kiên Hải"
    )
